//! What a hostile outsider found (the security issue's sixteen findings), each sent again and
//! refused: every test here failed before its fix. Requests come from several loopback
//! addresses (127.0.0.1, .2, .3), which the server counts as different machines. The last
//! test replays the probe's script end to end.

use crate::{
    pages::csrf,
    registers::{Fixture, fixture},
};
use konbit_domain::Named;
use konbit_domain::Role;
use konbit_store::Actor;
use konbit_testkit::{
    Backend, Client, PASSWORD, Resp, TestApp, backends, seed, spawn_app, spawn_app_on,
    spawn_app_with,
};
use serde_json::{Value, json};
use std::net::{IpAddr, Ipv4Addr};

pub(crate) fn from(n: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, n))
}

async fn throttle_rows(app: &TestApp) -> i64 {
    let mut c = app.store.conn().await.expect("conn");
    konbit_store::throttle::len(&mut c.ex())
        .await
        .expect("count")
}

/// A source to record (the body of `POST /api/v1/sources`).
pub(crate) fn source(title: &str) -> Value {
    json!({"kind": "other", "title": title, "url": "https://example.org/",
           "reliability": "B", "credibility": 2})
}

/// The session cookie (`name=value`) a login answered with.
fn session_of(r: &Resp) -> String {
    set_cookie(r, "konbit_session")
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_string()
}

/// Another site's forged form: the administrator's session goes with it, and a CSRF cookie the
/// site planted with the same value in the form. The answer's status.
async fn forged_user_form(app: &TestApp, session: &str) -> u16 {
    let planted = "ab".repeat(32);
    reqwest::Client::new()
        .post(format!("{}/users", app.base))
        .header("cookie", format!("{session}; konbit_csrf={planted}"))
        .form(&[
            ("csrf", planted.as_str()),
            ("username", "intruder"),
            ("password", "long-enough-pw"),
            ("role", "admin"),
        ])
        .send()
        .await
        .expect("send")
        .status()
        .as_u16()
}

/// Logs `c` in through the login form; the response of the POST.
async fn page_login(c: &Client, user: &str, password: &str) -> Resp {
    let page = c.get("/login").await;
    assert_eq!(page.status, 200);
    let token = csrf(&page.text);
    c.post_form(
        "/login",
        &[
            ("username", user),
            ("password", password),
            ("csrf", &token),
            ("next", "/"),
        ],
    )
    .await
}

fn set_cookie<'a>(r: &'a Resp, name: &str) -> Option<&'a str> {
    r.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
}

async fn token(c: &Client, user: &str, password: &str) -> Resp {
    c.post_json(
        "/api/v1/auth/token",
        &json!({"username": user, "password": password}),
    )
    .await
}

/// A request with a bearer token and headers of the test's choosing.
async fn raw(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    bearer: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> (u16, String) {
    let mut req = reqwest::Client::new().request(method, format!("{}{path}", app.base));
    if let Some(t) = bearer {
        req = req.bearer_auth(t);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.expect("send");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

// 1 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn huge_names_and_references_are_refused_before_anything_is_kept() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let c = app.anonymous_from(from(2));
        let big = "A".repeat(1_000_000);
        for i in 0..20 {
            let r = token(&c, &format!("{big}{i}"), "x").await;
            assert_eq!(r.status, 422, "{b:?}: {}", &r.text[..200.min(r.text.len())]);
            assert_eq!(r.json()["errors"][0]["field"], "username");
        }
        let r = c
            .post_json(
                "/api/v1/complaints/status",
                &json!({"reference": big, "secret": "x"}),
            )
            .await;
        assert_eq!(r.status, 422, "{b:?}");
        assert_eq!(r.json()["errors"][0]["field"], "reference");
        // A megabyte of password is not hashed either.
        let r = token(&c, "admin", &big).await;
        assert_eq!(r.status, 422);
        assert_eq!(r.json()["errors"][0]["field"], "password");
        // The login page echoes no megabyte back.
        let page = c.get("/login").await;
        let r = c
            .post_form(
                "/login",
                &[
                    ("username", &big[..100_000]),
                    ("password", "x"),
                    ("csrf", &csrf(&page.text)),
                ],
            )
            .await;
        assert!(
            r.status >= 400 && r.text.len() < 50_000,
            "{b:?}: {}",
            r.status
        );
        assert_eq!(throttle_rows(&app).await, 0, "{b:?}: nothing was kept");
    }
}

#[tokio::test]
async fn the_count_of_failures_stays_bounded_and_keeps_real_lockouts() {
    use konbit_store::throttle::{self, MAX_ROWS};
    for b in backends() {
        let app = spawn_app_on(b).await;
        let fill = match b {
            Backend::Sqlite => format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {MAX_ROWS}) \
                 INSERT INTO throttle (key, failures, window_us, expires_us) \
                 SELECT 'flood:' || i, 1, i, 9000000000000000 FROM n"
            ),
            Backend::Postgres => format!(
                "INSERT INTO throttle (key, failures, window_us, expires_us) \
                 SELECT 'flood:' || i, 1, i, 9000000000000000 FROM generate_series(1, {MAX_ROWS}) i"
            ),
        };
        app.sql(&fill).await.expect("fill");
        let policy = konbit_web::shared::auth::PER_NAME;
        let mut c = app.store.conn().await.expect("conn");
        for _ in 0..5 {
            throttle::fail(&mut c.ex(), "login:admin@127.0.0.2", policy)
                .await
                .expect("fail");
        }
        for i in 0..10 {
            throttle::fail(&mut c.ex(), &format!("new:{i}"), policy)
                .await
                .expect("fail");
        }
        let rows = throttle::len(&mut c.ex()).await.expect("len");
        assert!(rows <= MAX_ROWS, "{b:?}: {rows}");
        // The flood pushed out flood, not the lockout.
        assert!(
            throttle::locked(&mut c.ex(), "login:admin@127.0.0.2", policy)
                .await
                .expect("locked")
                .is_some(),
            "{b:?}"
        );
    }
}

// 2 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn nobody_can_lock_the_administrator_out_from_elsewhere() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let attacker = app.anonymous_from(from(2));
        for _ in 0..5 {
            let r = token(&attacker, "ADMIN", "x").await;
            assert_eq!(r.status, 401, "{b:?}: {}", r.text);
        }
        // The attacker's address now waits for that name, even with the right password.
        let r = token(&attacker, "admin", PASSWORD).await;
        assert_eq!(r.status, 429, "{b:?}");
        assert!(r.headers.get("retry-after").is_some());
        assert!(
            r.json()["detail"]
                .as_str()
                .is_some_and(|d| d.contains("failed logins from this address"))
        );
        // The administrator, at their own desk, logs in by the API and by the login page.
        let admin = app.anonymous();
        assert_eq!(token(&admin, "admin", PASSWORD).await.status, 200, "{b:?}");
        let r = page_login(&app.anonymous(), "admin", PASSWORD).await;
        assert_eq!(r.status, 303, "{b:?}: {}", r.text);
        // The count is kept in the database: a restarted server still makes the attacker wait.
        let again = app.again().await;
        let mut attacker2 = app.anonymous_from(from(2));
        attacker2.base = again.base.clone();
        assert_eq!(
            token(&attacker2, "admin", PASSWORD).await.status,
            429,
            "{b:?}"
        );
        let mut admin2 = app.anonymous();
        admin2.base = again.base.clone();
        assert_eq!(token(&admin2, "admin", PASSWORD).await.status, 200, "{b:?}");
    }
}

#[tokio::test]
async fn one_address_guessing_many_names_is_slowed() {
    let app = spawn_app().await;
    let c = app.anonymous_from(from(3));
    let mut last = 0;
    for i in 0..60 {
        last = token(&c, &format!("user{i}"), "wrong-password")
            .await
            .status;
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429, "the 51st failure from one address waits");
    // Another address is not affected.
    assert_eq!(
        token(&app.anonymous(), "editor", PASSWORD).await.status,
        200
    );
}

// 3 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_nul_byte_is_refused_and_never_fails_another_write() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let editor = app.client(Some(Role::Editor)).await;
        let before = app.log_len().await;
        let mut tasks = Vec::new();
        for w in 0..18 {
            let c = editor.clone();
            tasks.push(tokio::spawn(async move {
                let mut out = Vec::new();
                for j in 0..10 {
                    let title = if w >= 16 {
                        "a\u{0}b".to_string()
                    } else {
                        format!("report {w}-{j}")
                    };
                    let r = c.post_json("/api/v1/sources", &source(&title)).await;
                    out.push((w >= 16, r));
                }
                out
            }));
        }
        let mut accepted = 0;
        for t in tasks {
            for (nul, r) in t.await.expect("task") {
                if nul {
                    assert_eq!(r.status, 422, "{b:?}: {}", r.text);
                    assert_eq!(r.json()["errors"][0]["field"], "title");
                    assert!(r.text.contains("NUL"), "{}", r.text);
                } else {
                    assert_eq!(r.status, 201, "{b:?}: {}", r.text);
                    accepted += 1;
                }
            }
        }
        assert_eq!(accepted, 160);
        assert_eq!(app.log_len().await, before + 160, "{b:?}");
    }
}

// 4 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn password_role_and_disabling_end_sessions_and_tokens() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let admin = app.client(Some(Role::Admin)).await;
        let api = app.client(Some(Role::Viewer)).await;
        let browser = app.anonymous_from(from(4));
        assert_eq!(page_login(&browser, "viewer", PASSWORD).await.status, 303);
        assert_eq!(api.get("/api/v1/personnel").await.status, 200);
        assert_eq!(browser.get("/api/v1/personnel").await.status, 200);

        // A new password ends every session and token made with the old one.
        app.store
            .set_password(Actor::system("test"), "viewer", "another-password-1")
            .await
            .expect("passwd");
        assert_eq!(api.get("/api/v1/personnel").await.status, 401, "{b:?}");
        assert_eq!(browser.get("/api/v1/personnel").await.status, 401, "{b:?}");

        // So does a new role.
        let viewer = app.anonymous_from(from(5));
        let t = token(&viewer, "viewer", "another-password-1").await.json()["token"]
            .as_str()
            .expect("token")
            .to_string();
        let bearer = |t: &str| (app.base.clone(), t.to_string());
        let (base, tok) = bearer(&t);
        let get = |tok: String, base: String| async move {
            reqwest::Client::new()
                .get(format!("{base}/api/v1/personnel"))
                .bearer_auth(tok)
                .send()
                .await
                .expect("send")
                .status()
                .as_u16()
        };
        assert_eq!(get(tok.clone(), base.clone()).await, 200);
        app.store
            .set_role(Actor::system("test"), "viewer", Role::Editor, None)
            .await
            .expect("role");
        assert_eq!(get(tok, base.clone()).await, 401, "{b:?}");

        // Disabling (admin, API): no login, no token; enabling lets them back in.
        let t = token(&viewer, "viewer", "another-password-1").await.json()["token"]
            .as_str()
            .expect("token")
            .to_string();
        // Used first, so that the server remembers the lookup: disabling must forget it.
        assert_eq!(get(t.clone(), base.clone()).await, 200);
        let r = admin
            .post_json("/api/v1/users/viewer/disable", &json!({}))
            .await;
        assert_eq!(r.status, 201, "{b:?}: {}", r.text);
        assert_eq!(get(t, base.clone()).await, 401);
        assert_eq!(
            token(&viewer, "viewer", "another-password-1").await.status,
            401
        );
        let r = admin
            .post_json("/api/v1/users/viewer/enable", &json!({}))
            .await;
        assert_eq!(r.status, 201);
        let issued = token(&viewer, "viewer", "another-password-1").await.json();
        let t = issued["token"].as_str().expect("token").to_string();
        assert_eq!(get(t.clone(), base.clone()).await, 200);

        // The administrator lists the user's tokens and revokes one; it is logged.
        let list = admin.get("/api/v1/tokens?user=viewer").await.json();
        let id = issued["id"].as_str().expect("id");
        assert!(
            list.as_array()
                .expect("list")
                .iter()
                .any(|x| x["id"] == id && x["kind"] == "api" && x.get("token").is_none()),
            "{list}"
        );
        let (status, text) = raw(
            &app,
            reqwest::Method::DELETE,
            &format!("/api/v1/tokens/{id}"),
            admin_token(&app).await.as_deref(),
            &[],
            None,
        )
        .await;
        assert_eq!(status, 201, "{b:?}: {text}");
        assert_eq!(get(t, base.clone()).await, 401);

        // A script ends its own token.
        let t = token(&viewer, "viewer", "another-password-1").await.json()["token"]
            .as_str()
            .expect("token")
            .to_string();
        let (status, _) = raw(
            &app,
            reqwest::Method::DELETE,
            "/api/v1/auth/token",
            Some(&t),
            &[],
            None,
        )
        .await;
        assert_eq!(status, 204);
        assert_eq!(get(t, base.clone()).await, 401);

        // A token ended by another process on the same database (the CLI, a second server)
        // stops working within the second the server remembers a lookup.
        let t = token(&viewer, "viewer", "another-password-1").await.json()["token"]
            .as_str()
            .expect("token")
            .to_string();
        assert_eq!(get(t.clone(), base.clone()).await, 200);
        app.sql(
            "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'viewer')",
        )
        .await
        .expect("revoke behind the server");
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        assert_eq!(get(t, base).await, 401, "{b:?}");

        // The last admin cannot be disabled.
        let r = admin
            .post_json("/api/v1/users/admin/disable", &json!({}))
            .await;
        assert_eq!(r.status, 409, "{b:?}: {}", r.text);
        let kinds = log_kinds(&app).await;
        for k in [
            "user.password_changed",
            "user.role_changed",
            "user.disabled",
            "user.enabled",
            "user.tokens_revoked",
        ] {
            assert!(kinds.iter().any(|x| x == k), "{b:?}: {k} not logged");
        }
    }
}

async fn admin_token(app: &TestApp) -> Option<String> {
    token(&app.anonymous_from(from(6)), "admin", PASSWORD)
        .await
        .json()["token"]
        .as_str()
        .map(str::to_string)
}

async fn log_kinds(app: &TestApp) -> Vec<String> {
    let mut c = app.store.conn().await.expect("conn");
    konbit_store::log::entries_after(&mut c.ex(), 0, 100_000)
        .await
        .expect("entries")
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

#[tokio::test]
async fn the_token_lifetime_is_configurable() {
    let app = spawn_app_with(
        Backend::Sqlite,
        konbit_web::Config {
            token_ttl: time::Duration::hours(1),
            ..konbit_web::Config::default()
        },
    )
    .await;
    let r = token(&app.anonymous(), "viewer", PASSWORD).await.json();
    let expires = time::OffsetDateTime::parse(
        r["expires_at"].as_str().expect("expires_at"),
        &time::format_description::well_known::Rfc3339,
    )
    .expect("rfc 3339");
    let left = expires - time::OffsetDateTime::now_utc();
    assert!(
        left > time::Duration::minutes(59) && left <= time::Duration::hours(1),
        "{left}"
    );
}

#[tokio::test]
async fn administrators_manage_access_from_the_users_page() {
    let app = spawn_app().await;
    let admin = app.anonymous();
    assert_eq!(page_login(&admin, "admin", PASSWORD).await.status, 303);
    let viewer = app.anonymous_from(from(7));
    let issued = token(&viewer, "viewer", PASSWORD).await.json();
    let id = issued["id"].as_str().expect("id").to_string();
    let page = admin.get("/users").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains(&format!("data-token=\"{id}\"")),
        "the token is listed"
    );
    let form = csrf(&page.text);
    // Revoke that token.
    let r = admin
        .post_form(&format!("/tokens/{id}/revoke"), &[("csrf", &form)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert!(!admin.get("/users").await.text.contains(&id));
    // Disable the viewer: they cannot log in; enable them again: they can.
    let r = admin
        .post_form("/users/viewer/disable", &[("csrf", &form)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(token(&viewer, "viewer", PASSWORD).await.status, 401);
    let r = admin
        .post_form("/users/viewer/enable", &[("csrf", &form)])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(token(&viewer, "viewer", PASSWORD).await.status, 200);
    // End all of their sessions and tokens at once.
    let r = admin
        .post_form("/users/viewer/revoke", &[("csrf", &form)])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(admin.get("/api/v1/tokens?user=viewer").await.status, 200);
    let mut c = app.store.conn().await.expect("conn");
    assert!(
        konbit_store::users::tokens(&mut c.ex(), Some("viewer"))
            .await
            .expect("tokens")
            .is_empty()
    );
    // A viewer may do none of it.
    let v = app.anonymous_from(from(8));
    assert_eq!(page_login(&v, "viewer", PASSWORD).await.status, 303);
    let form = csrf(&v.get("/").await.text);
    assert_eq!(
        v.post_form("/users/editor/disable", &[("csrf", &form)])
            .await
            .status,
        403
    );
}

// 5 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn complaints_are_limited_per_address_and_lists_come_a_page_at_a_time() {
    let app = spawn_app().await;
    seed(&app).await;
    let complaint = json!({"language": "en", "account": "Somebody was hurt at the checkpoint."});
    let flood = app.anonymous_from(from(2));
    for _ in 0..5 {
        assert_eq!(
            flood
                .post_json("/api/v1/complaints", &complaint)
                .await
                .status,
            201
        );
    }
    let r = flood.post_json("/api/v1/complaints", &complaint).await;
    assert_eq!(r.status, 429, "{}", r.text);
    assert!(r.headers.get("retry-after").is_some());
    assert_eq!(r.json()["code"], "rate_limited");
    // The form says so in the reader's language and keeps what they wrote.
    let page = flood.get("/complaints").await;
    let r = flood
        .post_form(
            "/complaints",
            &[
                ("csrf", &csrf(&page.text)),
                ("language", "en"),
                ("account", "What I wrote stays here."),
            ],
        )
        .await;
    assert_eq!(r.status, 429);
    assert!(r.text.contains("What I wrote stays here."));
    assert!(
        r.text
            .contains("Too many complaints have been sent from this connection")
    );
    // Someone else files theirs.
    let other = app.anonymous_from(from(3));
    assert_eq!(
        other
            .post_json("/api/v1/complaints", &complaint)
            .await
            .status,
        201
    );

    // The conduct officer reads them two at a time; each read records two ids.
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let mut seen: Vec<String> = Vec::new();
    let mut after = 0;
    loop {
        let r = conduct
            .get(&format!("/api/v1/complaints?limit=2&after={after}"))
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        let page = r.json();
        let page = page.as_array().expect("a page");
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 2);
        let viewed = last_view(&app).await;
        assert_eq!(viewed["records"].as_array().map(Vec::len), Some(page.len()));
        for c in page {
            seen.push(c["id"].as_str().expect("id").to_string());
            after = c["meta"]["origin_seq"].as_i64().expect("origin_seq");
        }
    }
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(seen.len(), 6);
    assert_eq!(unique.len(), 6);
    for bad in ["limit=0", "limit=1001", "after=-1"] {
        let r = conduct.get(&format!("/api/v1/complaints?{bad}")).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text);
    }
}

#[tokio::test]
async fn register_pages_show_a_page_at_a_time_and_record_only_it() {
    use konbit_domain::{
        Classification, Command,
        registers::{FormLanguage, NewComplaint, RegisterCommand},
    };
    let app = spawn_app().await;
    seed(&app).await;
    // 105 complaints, as a year of a busy mission might bring (through the store: the form's
    // limit per address is not what this test is about).
    let envs = (0..105)
        .map(|i| {
            konbit_store::Envelope::new(
                Command::Register(RegisterCommand::ReceiveComplaint(NewComplaint {
                    mission: "t".into(),
                    reference: format!("K-TEST-{i:04}"),
                    secret_hash: "0".repeat(64),
                    language: FormLanguage::En,
                    anonymous: true,
                    received_at: None,
                    account: Some(format!("Complaint number {i}.")),
                    occurred_on: None,
                    place: None,
                    name: None,
                    contact: None,
                })),
                vec![],
                Classification::Restricted,
            )
        })
        .collect();
    app.store
        .writer()
        .submit_all(Actor::system("test"), envs)
        .await
        .expect("complaints");
    let conduct = app.anonymous_from(from(2));
    assert_eq!(
        page_login(&conduct, "conduct_officer", PASSWORD)
            .await
            .status,
        303
    );
    let first = conduct.get("/cases").await;
    assert_eq!(first.status, 200);
    assert_eq!(first.text.matches("data-reference=\"K-TEST-").count(), 100);
    assert!(first.text.contains("K-TEST-0104") && !first.text.contains("K-TEST-0004"));
    let viewed = last_view(&app).await;
    assert_eq!(viewed["records"].as_array().map(Vec::len), Some(100));
    let at = first
        .text
        .find("class=\"pager-older\"")
        .expect("a link to the older complaints");
    let href = first.text[..at]
        .rsplit("href=\"")
        .next()
        .and_then(|h| h.split('"').next())
        .expect("href")
        .replace("&amp;", "&");
    let older = conduct.get(&href).await;
    assert_eq!(older.status, 200, "{href}");
    assert_eq!(older.text.matches("data-reference=\"K-TEST-").count(), 5);
    assert!(older.text.contains("K-TEST-0000") && older.text.contains("pager-latest"));
    let r = conduct.get("/cases?complaints_before=abc").await;
    assert_eq!(r.status, 400);
}

/// The last `record.viewed` entry's body.
async fn last_view(app: &TestApp) -> Value {
    let mut c = app.store.conn().await.expect("conn");
    let e = konbit_store::log::entries_of_kind(
        &mut c.ex(),
        konbit_domain::EntryKind::RecordViewed,
        0,
        100_000,
    )
    .await
    .expect("entries")
    .pop()
    .expect("a record.viewed entry");
    serde_json::from_str(&e.body).expect("json")
}

// 8 and 9 -------------------------------------------------------------------------------------

#[tokio::test]
async fn a_complaint_reference_cannot_lock_out_its_complainant_nor_be_read_by_staff() {
    let app = spawn_app().await;
    let f: Fixture = fixture(&app).await;
    let stranger = app.anonymous_from(from(2));
    for _ in 0..5 {
        let r = stranger
            .post_json(
                "/api/v1/complaints/status",
                &json!({"reference": f.complaint_reference, "secret": "WRONGWRONGWRONG0"}),
            )
            .await;
        assert_eq!(r.status, 404, "{}", r.text);
    }
    let r = stranger
        .post_json(
            "/api/v1/complaints/status",
            &json!({"reference": f.complaint_reference, "secret": f.complaint_secret}),
        )
        .await;
    assert_eq!(r.status, 429);
    let detail = r.json()["detail"].as_str().unwrap_or_default().to_string();
    assert!(detail.contains("failed status checks"), "{detail}");
    assert!(!detail.contains("login"), "{detail}");
    // The complainant, from their own phone, reads the status.
    let complainant = app.anonymous_from(from(3));
    let r = complainant
        .post_json(
            "/api/v1/complaints/status",
            &json!({"reference": f.complaint_reference, "secret": f.complaint_secret}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    // Only the conduct officer reads references.
    for role in [
        Role::Viewer,
        Role::Editor,
        Role::Admin,
        Role::HrOfficer,
        Role::Commander,
    ] {
        let list = app.client(Some(role)).await.get("/api/v1/complaints").await;
        assert_eq!(list.status, 200);
        assert!(
            !list.text.contains(&f.complaint_reference),
            "{role}: {}",
            list.text
        );
    }
    let list = app
        .client(Some(Role::ConductOfficer))
        .await
        .get("/api/v1/complaints")
        .await;
    assert!(list.text.contains(&f.complaint_reference));
}

#[tokio::test]
async fn allegations_and_departures_show_only_to_who_needs_them() {
    let app = spawn_app().await;
    let f: Fixture = fixture(&app).await;
    for role in [
        Role::Viewer,
        Role::Editor,
        Role::Admin,
        Role::HrOfficer,
        Role::Commander,
    ] {
        let c = app.client(Some(role)).await;
        let case = c.get(&format!("/api/v1/cases/{}", f.case)).await.json();
        assert!(case.get("allegations").is_none(), "{role}: {case}");
        assert!(case.get("counted_allegations").is_none(), "{role}: {case}");
        let list = c.get("/api/v1/cases").await;
        assert!(!list.text.contains(&f.person_ken), "{role}: {}", list.text);
        assert!(
            !list.text.contains("excessive_force"),
            "{role}: {}",
            list.text
        );
        // Filtering cases by contributor would tell whose people are accused.
        assert_eq!(
            c.get("/api/v1/cases?country=KEN").await.status,
            403,
            "{role}"
        );
        let page = {
            let b = app.anonymous_from(from(9));
            assert_eq!(page_login(&b, role.as_str(), PASSWORD).await.status, 303);
            b.get(&format!("/cases/{}", f.case)).await
        };
        assert!(page.text.contains("id=\"allegations-withheld\""), "{role}");
        assert!(
            !page.text.contains(&format!("/personnel/{}", f.person_ken)),
            "{role}"
        );
    }
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let case = conduct
        .get(&format!("/api/v1/cases/{}", f.case))
        .await
        .json();
    assert_eq!(case["allegations"][0]["person"], f.person_ken.as_str());
    assert_eq!(case["counted_allegations"], 1);
    assert_eq!(conduct.get("/api/v1/cases?country=KEN").await.status, 200);

    // An early departure — here an interim measure — with its reason.
    let hr = app.client(Some(Role::HrOfficer)).await;
    let r = hr
        .post_json(
            "/api/v1/personnel/departures",
            &json!({"person": f.person_ken, "on": "2024-08-01",
                    "reason": "Repatriated as an interim measure pending the case."}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    for role in [
        Role::Viewer,
        Role::Editor,
        Role::Admin,
        Role::ConductOfficer,
    ] {
        let p = app
            .client(Some(role))
            .await
            .get(&format!("/api/v1/personnel/{}", f.person_ken))
            .await;
        assert!(!p.text.contains("2024-08-01"), "{role}: {}", p.text);
        assert!(!p.text.contains("interim"), "{role}: {}", p.text);
    }
    for role in [Role::HrOfficer, Role::Commander] {
        let p = app
            .client(Some(role))
            .await
            .get(&format!("/api/v1/personnel/{}", f.person_ken))
            .await
            .json();
        assert_eq!(p["person"]["deployed_until"], "2024-08-01", "{role}");
    }
    // The departure's entry is withheld in the log from everyone.
    let log = app
        .client(Some(Role::Admin))
        .await
        .get("/api/v1/log?limit=1000")
        .await;
    assert!(!log.text.contains("interim"), "{}", log.text);
}

// 10 ------------------------------------------------------------------------------------------

#[tokio::test]
async fn csrf_tokens_are_bound_to_the_session_and_cross_site_writes_refused() {
    let app = spawn_app().await;
    let admin = app.anonymous();
    let r = page_login(&admin, "admin", PASSWORD).await;
    let session = session_of(&r);
    let before = app.log_len().await;
    // Another site planted a CSRF cookie it chose, and posts the same value in the form: the
    // administrator's session goes with it, but the token is not one the server made for it.
    assert_eq!(forged_user_form(&app, &session).await, 403);
    assert_eq!(app.log_len().await, before, "nothing written");
    // The page's own token works.
    let form = csrf(&admin.get("/users").await.text);
    let r = admin
        .post_form(
            "/users",
            &[
                ("csrf", form.as_str()),
                ("username", "colleague"),
                ("password", "long-enough-pw"),
                ("role", "viewer"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    // A token made for one session is refused with another.
    let other = app.anonymous_from(from(2));
    assert_eq!(page_login(&other, "admin", PASSWORD).await.status, 303);
    let r = other
        .post_form(
            "/users",
            &[
                ("csrf", form.as_str()),
                ("username", "second"),
                ("password", "long-enough-pw"),
                ("role", "viewer"),
            ],
        )
        .await;
    assert_eq!(r.status, 403);

    // The browser says another site sends it: refused on pages and on the API.
    let t = admin_token(&app).await.expect("token");
    let before = app.log_len().await;
    let body = source("x");
    for headers in [
        vec![("origin", "https://evil.example")],
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
    ] {
        let (status, text) = raw(
            &app,
            reqwest::Method::POST,
            "/api/v1/sources",
            Some(&t),
            &headers,
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, 403, "{headers:?}: {text}");
        assert!(text.contains("cross_site"), "{text}");
    }
    assert_eq!(app.log_len().await, before);
    let same = app.base.clone();
    let (status, _) = raw(
        &app,
        reqwest::Method::POST,
        "/api/v1/sources",
        Some(&t),
        &[("origin", same.as_str()), ("sec-fetch-site", "same-origin")],
        Some(body),
    )
    .await;
    assert_eq!(status, 201);
    let form = csrf(&admin.get("/users").await.text);
    let r = reqwest::Client::new()
        .post(format!("{}/logout", app.base))
        .header("cookie", session.as_str())
        .header("origin", "https://evil.example")
        .form(&[("csrf", form.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(r.status().as_u16(), 403);
}

#[tokio::test]
async fn secure_cookies_carry_the_host_prefix() {
    let app = spawn_app_with(
        Backend::Sqlite,
        konbit_web::Config {
            secure_cookies: true,
            ..konbit_web::Config::default()
        },
    )
    .await;
    let page = reqwest::Client::new()
        .get(format!("{}/login", app.base))
        .send()
        .await
        .expect("send");
    let cookie = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-konbit_csrf="))
        .expect("a __Host- nonce cookie")
        .to_string();
    assert!(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
    let nonce = cookie.split(';').next().expect("pair").to_string();
    let token = csrf(&page.text().await.expect("text"));
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(format!("{}/login", app.base))
        .header("cookie", nonce)
        .form(&[
            ("csrf", token.as_str()),
            ("username", "admin"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(r.status().as_u16(), 303);
    let session = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-konbit_session="))
        .expect("a __Host- session cookie");
    assert!(session.contains("Secure") && session.contains("HttpOnly"));
}

// 11 ------------------------------------------------------------------------------------------

#[tokio::test]
async fn exports_guard_formulas_and_the_importer_undoes_the_guard() {
    let app = spawn_app().await;
    let editor = app.client(Some(Role::Editor)).await;
    let mut incident = crate::situation::attack("HTI9001");
    incident["actor1"] = json!("=HYPERLINK(\"http://evil.example\",\"click\")");
    incident["notes"] = json!("=cmd|' /C calc'!A0");
    let r = editor.post_json("/api/v1/incidents", &incident).await;
    assert_eq!(r.status, 201, "{}", r.text);
    let anon = app.anonymous();
    for format in ["acled", "hxl"] {
        let r = anon
            .get(&format!("/api/v1/incidents/export?format={format}"))
            .await;
        assert_eq!(r.status, 200);
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(r.text.as_bytes());
        let rows: Vec<csv::StringRecord> = rd.records().map(|x| x.expect("row")).collect();
        let row = rows
            .iter()
            .find(|x| x.iter().any(|c| c == "HTI9001"))
            .expect("the incident");
        for cell in row.iter() {
            let numeric = cell.parse::<f64>().is_ok();
            assert!(
                numeric || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{format}: {cell:?}"
            );
        }
        assert!(
            row.iter().any(|c| c == "'=cmd|' /C calc'!A0"),
            "{format}: {row:?}"
        );
        if format == "acled" {
            // Imported into another database, the values are the original ones.
            let dir = tempfile::tempdir().expect("dir");
            let file = dir.path().join("export.csv");
            std::fs::write(&file, &r.text).expect("write");
            let db = format!("sqlite://{}", dir.path().join("k.db").display());
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_konbit"))
                .args(["--database", &db, "import", "acled"])
                .arg(&file)
                .args(["--classification", "public"])
                .output()
                .expect("import");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let store = konbit_store::Store::open(&konbit_store::Options {
                url: db,
                migrate: false,
            })
            .await
            .expect("open");
            let x = {
                let mut c = store.conn().await.expect("conn");
                konbit_store::situation::incident(
                    &mut c.ex(),
                    "HTI9001",
                    konbit_store::Visibility::ALL,
                )
                .await
                .expect("read")
                .expect("imported")
            };
            let v = &x.versions[0];
            assert_eq!(v.actor1, incident["actor1"].as_str().expect("s"));
            assert_eq!(v.notes, incident["notes"].as_str().expect("s"));
            store.close().await;
        }
    }
}

// 12–16 ---------------------------------------------------------------------------------------

#[tokio::test]
async fn the_lesser_findings() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        seed(&app).await;
        let admin = app.client(Some(Role::Admin)).await;
        // 12. User names are one whatever their case; a login in any case finds the user.
        let r = admin
            .post_json(
                "/api/v1/users",
                &json!({"username": "Admin", "password": "long-enough-pw", "role": "viewer"}),
            )
            .await;
        assert_eq!(r.status, 409, "{b:?}: {}", r.text);
        assert_eq!(
            token(&app.anonymous(), "VIEWER", PASSWORD).await.status,
            200
        );

        // 13. Anonymous callers see no kind, author or time of entries they may not read.
        let log = app.anonymous().get("/api/v1/log?limit=1000").await.json();
        let withheld: Vec<&Value> = log
            .as_array()
            .expect("entries")
            .iter()
            .filter(|e| e["redacted"] == true)
            .collect();
        assert!(!withheld.is_empty());
        for e in withheld {
            for f in ["kind", "actor", "recorded_at", "subject", "body"] {
                assert!(e[f].is_null(), "{b:?}: {f} of {e}");
            }
        }

        // 14. A URL of 900 KB and amounts that would overflow a total are refused.
        let editor = app.client(Some(Role::Editor)).await;
        let before = app.log_len().await;
        let r = editor
            .post_json(
                "/api/v1/sources",
                &json!({"kind": "other", "title": "x", "reliability": "B", "credibility": 2,
                        "url": format!("https://example.org/{}", "a".repeat(900 * 1024))}),
            )
            .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.json()["errors"][0]["field"], "url");
        let r = editor
            .post_json(
                "/api/v1/funding",
                &json!({"mission": "t", "donor": "USA", "kind": "pledge", "channel": "bilateral",
                        "amount": i64::MAX, "currency": "USD", "on": "2024-01-01"}),
            )
            .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.json()["errors"][0]["field"], "amount");
        assert_eq!(app.log_len().await, before);

        // 15. Answers with restricted data are not to be cached.
        let conduct = app.client(Some(Role::ConductOfficer)).await;
        let r = conduct.get("/api/v1/detentions").await;
        assert_eq!(
            r.headers.get("cache-control").and_then(|v| v.to_str().ok()),
            Some("no-store")
        );
        let r = app
            .anonymous_from(from(4))
            .post_json(
                "/api/v1/complaints",
                &json!({"language": "en", "account": "A secret comes back."}),
            )
            .await;
        assert_eq!(r.status, 201);
        assert_eq!(
            r.headers.get("cache-control").and_then(|v| v.to_str().ok()),
            Some("no-store")
        );

        // 16. A bad query parameter is a problem naming it; lists refuse what they ignored.
        let r = app.anonymous().get("/api/v1/log?limit=abc").await;
        assert_eq!(r.status, 400);
        assert_eq!(r.content_type, "application/problem+json");
        assert!(
            r.json()["detail"]
                .as_str()
                .is_some_and(|d| d.contains("limit"))
        );
        let r = conduct.get("/api/v1/detentions?on=0000-00-00").await;
        assert_eq!(r.status, 400, "{}", r.text);
        assert_eq!(r.content_type, "application/problem+json");
        // So is a path parameter that does not parse.
        let r = conduct.get("/api/v1/detentions/not-a-uuid").await;
        assert_eq!(r.status, 400, "{}", r.text);
        assert_eq!(r.content_type, "application/problem+json");
        assert_eq!(r.json()["code"], "invalid_path");
    }
}

// The script --------------------------------------------------------------------------------

/// The probe's requests, in its order, against one server: each answered as it now must be.
#[tokio::test]
async fn the_probe_replayed() {
    let app = spawn_app().await;
    let f: Fixture = fixture(&app).await;
    let out = app.anonymous_from(from(2));
    let home = app.anonymous();
    let mut failures: Vec<String> = Vec::new();
    let mut expect = |what: &str, got: u16, want: u16| {
        if got != want {
            failures.push(format!("{what}: {got}, expected {want}"));
        }
    };
    // 1. Distinct megabyte names.
    let big = "x".repeat(1_000_000);
    for i in 0..5 {
        let r = token(&out, &format!("{big}{i}"), "x").await;
        expect("1. megabyte user name", r.status, 422);
    }
    expect(
        "1. nothing kept",
        u16::from(throttle_rows(&app).await != 0),
        0,
    );
    // 2. Five failures with ADMIN, then the real admin elsewhere.
    for _ in 0..5 {
        token(&out, "ADMIN", "x").await;
    }
    expect(
        "2. the admin elsewhere",
        token(&home, "admin", PASSWORD).await.status,
        200,
    );
    // 3. NUL in a title.
    let editor = app.client(Some(Role::Editor)).await;
    let r = editor
        .post_json("/api/v1/sources", &source("a\u{0}b"))
        .await;
    expect("3. NUL", r.status, 422);
    // 4. A token after a password change.
    let t = token(&app.anonymous_from(from(5)), "hr_officer", PASSWORD)
        .await
        .json()["token"]
        .as_str()
        .expect("token")
        .to_string();
    app.store
        .set_password(Actor::system("probe"), "hr_officer", "changed-password-1")
        .await
        .expect("passwd");
    let (s, _) = raw(
        &app,
        reqwest::Method::GET,
        "/api/v1/personnel",
        Some(&t),
        &[],
        None,
    )
    .await;
    expect("4. old token after a new password", s, 401);
    // 5. Complaints without end from one address.
    let mut last = 0;
    for _ in 0..8 {
        last = out
            .post_json(
                "/api/v1/complaints",
                &json!({"language": "en", "account": "flood"}),
            )
            .await
            .status;
    }
    expect("5. complaint flood", last, 429);
    // 6. The anonymous verification, again and again.
    let mut last = 0;
    for _ in 0..40 {
        last = out.get("/api/v1/log/verify").await.status;
    }
    expect("6. verify flood", last, 429);
    // 7. An edited projection row.
    app.sql("UPDATE sources SET title = 'Edited' WHERE title = 'UN press release'")
        .await
        .expect("edit");
    let d = app.store.compare_projections().await.expect("compare");
    expect("7. edited row found", u16::from(d.is_some()), 1);
    app.sql("UPDATE sources SET title = 'UN press release' WHERE title = 'Edited'")
        .await
        .expect("mend");
    // 8. Five wrong secrets for someone's reference.
    for _ in 0..5 {
        out.post_json(
            "/api/v1/complaints/status",
            &json!({"reference": f.complaint_reference, "secret": "WRONGWRONGWRONG0"}),
        )
        .await;
    }
    let r = app
        .anonymous_from(from(3))
        .post_json(
            "/api/v1/complaints/status",
            &json!({"reference": f.complaint_reference, "secret": f.complaint_secret}),
        )
        .await;
    expect("8. the complainant elsewhere", r.status, 200);
    // 9. A viewer reads the cases.
    let viewer = app.client(Some(Role::Viewer)).await;
    let cases = viewer.get("/api/v1/cases").await;
    expect(
        "9. allegations hidden from a viewer",
        u16::from(cases.text.contains("allegations")),
        0,
    );
    // 10. A planted CSRF pair with an admin session.
    let admin = app.anonymous_from(from(6));
    let r = page_login(&admin, "admin", PASSWORD).await;
    let session = session_of(&r);
    expect(
        "10. planted CSRF pair",
        forged_user_form(&app, &session).await,
        403,
    );
    // 11. A formula in an exported cell.
    let mut x = crate::situation::attack("HTI9002");
    x["actor1"] = json!("=HYPERLINK(\"http://evil.example\")");
    expect(
        "11. record the formula",
        editor.post_json("/api/v1/incidents", &x).await.status,
        201,
    );
    let csv = home.get("/api/v1/incidents/export?format=hxl").await.text;
    expect(
        "11. formula guarded",
        u16::from(csv.contains(",=HYPERLINK") || csv.contains("\"=HYPERLINK")),
        0,
    );
    // 12–16.
    let admin_api = app.client(Some(Role::Admin)).await;
    let r = admin_api
        .post_json(
            "/api/v1/users",
            &json!({"username": "ADMIN", "password": "long-enough-pw", "role": "admin"}),
        )
        .await;
    expect("12. ADMIN beside admin", r.status, 409);
    let log = home.get("/api/v1/log?limit=10").await.json();
    expect(
        "13. user entries withheld",
        u16::from(log[0]["kind"].is_null()),
        1,
    );
    let r = editor
        .post_json(
            "/api/v1/sources",
            &json!({"kind": "other", "title": "x", "reliability": "B", "credibility": 2,
                    "url": format!("https://e.org/{}", "a".repeat(900 * 1024))}),
        )
        .await;
    expect("14. 900 KB URL", r.status, 422);
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let r = conduct.get("/api/v1/detentions").await;
    expect(
        "15. no-store",
        u16::from(
            r.headers
                .get("cache-control")
                .is_some_and(|v| v == "no-store"),
        ),
        1,
    );
    expect(
        "16. limit=abc",
        home.get("/api/v1/log?limit=abc").await.status,
        400,
    );
    expect(
        "16. on on a list",
        conduct.get("/api/v1/detentions?on=0000-00-00").await.status,
        400,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
