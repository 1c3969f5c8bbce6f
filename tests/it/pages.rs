//! The HTML pages by role, CSRF on every form, security headers, cookies and the language switch.

use konbit_domain::Named;
use konbit_domain::Role;
use konbit_testkit::{Client, PASSWORD, TestApp, spawn_app};

/// The hidden CSRF field of the first form in a page.
/// The CSRF token of the first form of a page.
pub(crate) fn csrf(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a csrf field");
    let rest = &html[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').expect("end of value")].to_string()
}

/// A browser-like client (cookies, no redirects) logged in through the login form.
pub(crate) async fn session(app: &TestApp, role: Option<Role>) -> Client {
    let c = app.anonymous();
    if let Some(role) = role {
        let page = c.get("/login").await;
        assert_eq!(page.status, 200);
        let token = csrf(&page.text);
        let r = c
            .post_form(
                "/login",
                &[
                    ("username", role.as_str()),
                    ("password", PASSWORD),
                    ("csrf", &token),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "login as {role}: {}", r.text);
        let cookie = r
            .headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("konbit_session="))
            .expect("session cookie")
            .to_string();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
    }
    c
}

async fn scenario(app: &TestApp) {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/haiti-mss"
    ));
    konbit_scenario::load(&app.store, dir)
        .await
        .expect("scenario");
}

#[tokio::test]
async fn every_page_by_every_role() {
    let app = spawn_app().await;
    scenario(&app).await;
    let read = [200, 200, 200, 200];
    let form = [303, 403, 200, 200];
    let cases: &[(&str, [u16; 4])] = &[
        ("/", read),
        ("/?on=2024-08-15", read),
        ("/missions/mss", read),
        ("/missions/gsf", read),
        ("/missions/mss/contributors/KEN", read),
        ("/missions/mss/timeline", read),
        ("/timeline", read),
        ("/log", read),
        ("/sources", read),
        ("/users", [303, 403, 403, 200]),
        ("/login", read),
        ("/static/app.css", read),
        ("/missions/nope", [404, 404, 404, 404]),
        ("/missions/mss/contributors/XXX", [404, 404, 404, 404]),
        ("/pledges/new?mission=mss", form),
        ("/deployments/new?mission=mss", form),
        ("/statistics", read),
        ("/complaints", read),
        ("/complaints/status", read),
        ("/personnel", [303, 200, 200, 200]),
        ("/documents", [303, 200, 200, 200]),
        ("/use-of-force", [303, 200, 200, 200]),
        ("/detentions", [303, 200, 200, 200]),
        ("/cases", [303, 200, 200, 200]),
        ("/audit", [303, 403, 403, 200]),
        ("/situation", read),
        (
            "/situation?from=2025-01-01&to=2025-06-30&type=battles&type=riots",
            read,
        ),
        ("/situation/timeline", read),
        ("/situation/board", read),
        ("/incidents", read),
        ("/incidents?q=gang", read),
        ("/incidents/NO-SUCH-1", [404, 404, 404, 404]),
        ("/situation?from=nope", [400, 400, 400, 400]),
    ];
    let mut failures = Vec::new();
    for (i, role) in [
        None,
        Some(Role::Viewer),
        Some(Role::Editor),
        Some(Role::Admin),
    ]
    .into_iter()
    .enumerate()
    {
        let c = session(&app, role).await;
        for (path, expected) in cases {
            let r = c.get(path).await;
            if r.status != expected[i] {
                failures.push(format!(
                    "GET {path} as {role:?}: {} (expected {})",
                    r.status, expected[i]
                ));
            }
            if r.status == 303 {
                let to = r
                    .headers
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                assert!(to.starts_with("/login?next="), "{path}: redirected to {to}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn pages_send_security_headers() {
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    let url = |p: &str| format!("{}{p}", app.base);
    // A page, the answer to a page that does not exist, an API answer, and the refusal the
    // middleware itself gives a cross-site write: every answer carries the headers.
    let answers = [
        ("a page", 200, http.get(url("/")).send().await),
        (
            "no such page",
            404,
            http.get(url("/no-such-page")).send().await,
        ),
        (
            "an API answer",
            200,
            http.get(url("/api/v1/sources")).send().await,
        ),
        (
            "a cross-site write",
            403,
            http.post(url("/api/v1/sources"))
                .header("origin", "https://evil.example")
                .json(&serde_json::json!({}))
                .send()
                .await,
        ),
    ];
    for (what, status, r) in answers {
        let r = r.expect("answer");
        assert_eq!(r.status().as_u16(), status, "{what}");
        let h = |n: &str| {
            r.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert!(
            h("content-security-policy").contains("frame-ancestors 'none'"),
            "{what}"
        );
        assert!(
            !h("content-security-policy").contains("unsafe-inline"),
            "{what}"
        );
        assert_eq!(h("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(h("referrer-policy"), "same-origin", "{what}");
        assert_eq!(h("x-frame-options"), "DENY", "{what}");
        // The API's answers are never cached (the refusal carries nothing to cache).
        if what.contains("API") {
            assert_eq!(h("cache-control"), "no-store", "{what}");
        }
    }
}

#[tokio::test]
async fn forms_need_csrf_and_the_editor_role_and_write_once() {
    let app = spawn_app().await;
    scenario(&app).await;
    let path = "/deployments/new";
    let editor = session(&app, Some(Role::Editor)).await;
    let token = csrf(&editor.get(path).await.text);
    let fields = |csrf: &str| -> Vec<(String, String)> {
        [
            ("csrf", csrf),
            ("mission", "mss"),
            ("country", "KEN"),
            ("on", "2025-09-01"),
            ("movement", "arrival"),
            ("personnel.police", "50"),
            ("personnel.military", "0"),
            ("personnel.civilian", "0"),
            ("classification", "mission"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    };
    let post = |c: &Client, f: Vec<(String, String)>| {
        let c = c.clone();
        async move {
            let pairs: Vec<(&str, &str)> =
                f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            c.post_form(path, &pairs).await
        }
    };
    let before = app.log_len().await;
    // No token, a wrong token, a viewer, anonymous: refused, nothing written.
    let mut no_token = fields("");
    no_token.retain(|(k, _)| k != "csrf");
    assert_eq!(post(&editor, no_token).await.status, 403);
    assert_eq!(post(&editor, fields("0123")).await.status, 403);
    let viewer = session(&app, Some(Role::Viewer)).await;
    let vt = csrf(&viewer.get("/login").await.text);
    assert_eq!(post(&viewer, fields(&vt)).await.status, 403);
    let anon = app.anonymous();
    let at = csrf(&anon.get("/login").await.text);
    assert_eq!(post(&anon, fields(&at)).await.status, 303);
    assert_eq!(app.log_len().await, before, "a refused form wrote");
    // A bad value is shown next to its field, and nothing is written.
    let mut bad = fields(&token);
    bad.retain(|(k, _)| k != "personnel.police");
    bad.push(("personnel.police".into(), "-3".into()));
    let r = post(&editor, bad).await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert!(
        r.text.contains("personnel.police-error"),
        "the error is next to the field"
    );
    assert_eq!(app.log_len().await, before);
    // The real thing.
    let r = post(&editor, fields(&token)).await;
    assert_eq!(r.status, 303, "{}", r.text);
    // To the contributor's page, saying which log entry holds the movement.
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/missions/mss/contributors/KEN?recorded={}", before + 1).as_str())
    );
    assert_eq!(app.log_len().await, before + 1);
}

#[tokio::test]
async fn login_failures_are_throttled_on_the_page_too() {
    let app = spawn_app().await;
    let c = app.anonymous();
    let token = csrf(&c.get("/login").await.text);
    for _ in 0..5 {
        let r = c
            .post_form(
                "/login",
                &[
                    ("username", "admin"),
                    ("password", "wrong-password"),
                    ("csrf", &token),
                ],
            )
            .await;
        assert_eq!(r.status, 401);
    }
    let r = c
        .post_form(
            "/login",
            &[
                ("username", "admin"),
                ("password", PASSWORD),
                ("csrf", &token),
            ],
        )
        .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn the_language_switch_sets_french() {
    let app = spawn_app().await;
    scenario(&app).await;
    let c = app.anonymous();
    let r = c.get("/lang/fr?next=/missions/mss").await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/missions/mss")
    );
    let page = c.get("/missions/mss").await.text;
    assert!(page.contains("lang=\"fr\""));
    assert!(page.contains("Haïti"), "country names in French");
    // An absolute `next` is not followed off the site.
    let r = c.get("/lang/en?next=https://evil.example/").await;
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/")
    );
}

// ---------------------------------------------------------------------------------------------
// The accountability registers: the public complaint form and statistics, the staff pages.

/// The first link in a page to a record under `prefix` (`/detentions/`), as written.
fn first_link(html: &str, prefix: &str) -> Option<String> {
    let needle = format!("href=\"{prefix}");
    let at = html.find(&needle)? + "href=\"".len();
    let rest = &html[at..];
    Some(rest[..rest.find('"')?].replace("&amp;", "&"))
}

/// The text of the element with this id (up to the next tag).
fn text_of(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    let rest = &html[at..];
    let start = rest.find('>').expect("end of tag") + 1;
    let rest = &rest[start..];
    rest[..rest.find('<').expect("next tag")].trim().to_string()
}

#[tokio::test]
async fn a_complaint_round_trip_in_creole() {
    let app = spawn_app().await;
    scenario(&app).await;
    let c = app.anonymous();
    // The language switch offers Creole and sets it.
    let r = c.get("/lang/ht?next=/complaints").await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/complaints")
    );
    let page = c.get("/complaints").await;
    assert_eq!(page.status, 200);
    let html = &page.text;
    assert!(html.contains("lang=\"ht\""));
    for s in [
        "Depoze yon plent",
        "Sa k te pase?",
        "id=\"complaint-form\"",
        "id=\"account\"",
        "id=\"submit-complaint\"",
        "<strong aria-current=\"true\">Kreyòl</strong>",
        ">Plent</a>",
        "anonim",
    ] {
        assert!(html.contains(s), "{s} missing from the Creole form");
    }
    let token = csrf(html);
    let before = app.log_len().await;

    // Without the token: refused, nothing written.
    let r = c
        .post_form("/complaints", &[("account", "Yon bagay te pase.")])
        .await;
    assert_eq!(r.status, 403);
    // No account: the error next to the field, in Creole, nothing written.
    let r = c
        .post_form(
            "/complaints",
            &[("csrf", &token), ("account", " "), ("place", "Delmas 33")],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert!(r.text.contains("id=\"account-error\""));
    assert!(r.text.contains("Di nou sa k te pase."));
    assert!(
        r.text.contains("value=\"Delmas 33\""),
        "what was typed is kept"
    );
    assert_eq!(app.log_len().await, before);

    // The complaint: the receipt shows the reference and the secret, once.
    let r = c
        .post_form(
            "/complaints",
            &[
                ("csrf", &token),
                ("account", "Yon sòlda te pran telefòn mwen nan baraj la."),
                ("occurred_on", "2025-08-20"),
                ("place", "Delmas 33"),
                ("name", ""),
                ("contact", ""),
            ],
        )
        .await;
    // Post/redirect/get: the answer sends to the receipt, which a reload shows again without
    // making a second complaint.
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/complaints/receipt")
    );
    let r = c.get("/complaints/receipt").await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.headers.get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    assert!(r.text.contains("Kenbe de kòd sa yo"));
    let reference = text_of(&r.text, "complaint-reference");
    let secret = text_of(&r.text, "complaint-secret");
    assert!(reference.starts_with("K-"), "{reference}");
    assert_eq!(secret.len(), 16, "{secret}");
    let again = c.get("/complaints/receipt").await;
    assert_eq!(text_of(&again.text, "complaint-reference"), reference);
    assert_eq!(app.log_len().await, before + 1);
    // Another browser has no receipt to see.
    let other = app.anonymous_from(std::net::IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 3)));
    let r = other.get("/complaints/receipt").await;
    assert_eq!(r.status, 303);
    assert!(!r.text.contains(&secret));

    // The mission has it, in Creole and anonymous.
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let list = conduct.get("/api/v1/complaints").await.json();
    let mine = list
        .as_array()
        .expect("complaints")
        .iter()
        .find(|x| x["reference"] == reference.as_str())
        .expect("the complaint")
        .clone();
    assert_eq!(mine["language"], "ht");
    assert_eq!(mine["anonymous"], true);

    // Its status, with the reference and the secret.
    let page = c.get("/complaints/status").await;
    assert_eq!(page.status, 200);
    for s in [
        "id=\"status-form\"",
        "id=\"reference\"",
        "id=\"secret\"",
        "id=\"check-status\"",
    ] {
        assert!(page.text.contains(s), "{s} missing from the status form");
    }
    let r = c
        .post_form(
            "/complaints/status",
            &[
                ("csrf", &token),
                ("reference", &reference.to_lowercase()),
                ("secret", &secret),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.text.contains("id=\"complaint-status\""));
    assert!(r.text.contains("data-status=\"received\""));
    assert!(r.text.contains(">resevwa</strong>"), "the status in words");
    assert!(
        !r.text.contains("telefòn"),
        "the status page shows nothing else"
    );

    // A wrong secret gets the same answer as a wrong reference; five lock the reference.
    for _ in 0..5 {
        let r = c
            .post_form(
                "/complaints/status",
                &[
                    ("csrf", &token),
                    ("reference", &reference),
                    ("secret", "WRONG"),
                ],
            )
            .await;
        assert_eq!(r.status, 404);
        assert!(r.text.contains("Pa gen okenn plent"), "{}", r.text);
    }
    let r = c
        .post_form(
            "/complaints/status",
            &[
                ("csrf", &token),
                ("reference", &reference),
                ("secret", &secret),
            ],
        )
        .await;
    assert_eq!(r.status, 429);
    assert!(r.text.contains("Twòp eseyaj"));
    assert!(r.headers.get("retry-after").is_some());
}

#[tokio::test]
async fn the_demo_complaint_status_in_english_and_french() {
    let app = spawn_app().await;
    scenario(&app).await;
    let c = app.anonymous();
    let token = csrf(&c.get("/complaints/status").await.text);
    let r = c
        .post_form(
            "/complaints/status",
            &[
                ("csrf", &token),
                ("reference", "SYN-2025-0004"),
                ("secret", "demo-secret-0004"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.text.contains("data-status=\"under_investigation\""));
    assert!(r.text.contains("under investigation"));
    c.get("/lang/fr").await;
    let r = c
        .post_form(
            "/complaints/status",
            &[
                ("csrf", &token),
                ("reference", "SYN-2025-0004"),
                ("secret", "demo-secret-0004"),
            ],
        )
        .await;
    assert!(r.text.contains("en cours d’enquête"), "{}", r.text);
}

#[tokio::test]
async fn the_statistics_are_public_and_suppress_small_cells() {
    let app = spawn_app().await;
    scenario(&app).await;
    let c = app.anonymous();
    let r = c.get("/statistics?mission=mss").await;
    assert_eq!(r.status, 200, "{}", r.text);
    for key in [
        "use_of_force_by_level",
        "use_of_force_by_review",
        "detentions_by_handover",
        "complaints_by_category",
        "complaints_by_status",
        "allegations_by_misconduct",
    ] {
        assert!(r.text.contains(&format!("id=\"stats-{key}\"")), "{key}");
    }
    assert!(
        r.text.contains("suppressed\">&#60;3<"),
        "small cells are withheld"
    );
    assert!(r.text.contains("id=\"stats-method\""));
    // Every table ends with the mission to date, and the page says how it is protected.
    assert_eq!(
        r.text.matches("<tr class=\"stat-total\">").count(),
        r.text.matches("<tbody>").count()
    );
    assert!(r.text.contains("Mission to date"));
    assert!(r.text.contains("id=\"stats-totals-rule\""));
    assert!(r.text.contains("id=\"nav-statistics\""));
    assert!(
        !r.text.contains("id=\"nav-personnel\""),
        "no registers for the anonymous"
    );
    assert_eq!(c.get("/statistics").await.status, 200);
    assert_eq!(c.get("/statistics?mission=nope").await.status, 404);
    c.get("/lang/ht").await;
    let r = c.get("/statistics?mission=mss").await;
    assert!(r.text.contains("Estatistik piblik"));
    assert!(r.text.contains("Trimès"));
    assert!(r.text.contains("Depi kòmansman misyon an"));
    // An empty record: the empty page, not an error.
    let empty = spawn_app().await;
    assert_eq!(empty.anonymous().get("/statistics").await.status, 200);
}

#[tokio::test]
async fn the_register_pages_by_role_with_the_need_to_know() {
    let app = spawn_app().await;
    scenario(&app).await;
    let lists = [
        "/personnel",
        "/documents",
        "/use-of-force",
        "/detentions",
        "/cases",
    ];
    // Anonymous: to the login, coming back.
    let anon = app.anonymous();
    for path in lists
        .iter()
        .chain(&["/audit", "/personnel/01a20586-61ca-71b3-bb47-bca062b79789"])
    {
        let r = anon.get(path).await;
        assert_eq!(r.status, 303, "{path}");
        let to = r
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(to.starts_with("/login?next=/"), "{path}: {to}");
    }
    let mut failures = Vec::new();
    let mut pages: std::collections::HashMap<(Role, String), String> = Default::default();
    for role in Role::ALL {
        let c = session(&app, Some(*role)).await;
        let mut paths: Vec<String> = lists.iter().map(|p| p.to_string()).collect();
        let mut i = 0;
        while i < paths.len() {
            let path = paths[i].clone();
            let r = c.get(&path).await;
            if r.status != 200 {
                failures.push(format!("GET {path} as {role}: {}", r.status));
            }
            // Follow the first record of each list to its own page.
            for prefix in ["/personnel/", "/use-of-force/", "/detentions/", "/cases/"] {
                if lists.contains(&path.as_str())
                    && let Some(l) = first_link(&r.text, prefix)
                    && !paths.contains(&l)
                {
                    paths.push(l);
                }
            }
            pages.insert((*role, path), r.text);
            i += 1;
        }
        assert!(paths.len() >= 9, "{role}: detail pages found: {paths:?}");
        assert!(pages[&(*role, "/personnel".to_string())].contains("id=\"nav-personnel\""));
        let audit = c.get("/audit").await.status;
        let want = if *role == Role::Admin { 200 } else { 403 };
        if audit != want {
            failures.push(format!("GET /audit as {role}: {audit}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let page = |role: Role, path: &str| pages[&(role, path.to_string())].clone();
    // Identities: the HR officer all, a commander their own contingent, a viewer none.
    assert!(page(Role::HrOfficer, "/personnel").contains("SYN-KEN-0001"));
    assert!(page(Role::HrOfficer, "/personnel").contains("SYN-JAM-0001"));
    assert!(page(Role::Commander, "/personnel").contains("SYN-KEN-0001"));
    assert!(!page(Role::Commander, "/personnel").contains("SYN-JAM-0001"));
    assert!(!page(Role::Viewer, "/personnel").contains("SYN-"));
    assert!(page(Role::Viewer, "/personnel").contains("id=\"compliance\""));
    // What complainants wrote: conduct officers only, never the chain of command.
    assert!(page(Role::ConductOfficer, "/cases").contains("[SENTETIK]"));
    assert!(!page(Role::Commander, "/cases").contains("[SENTETIK]"));
    assert!(!page(Role::Admin, "/cases").contains("[SENTETIK]"));
    // Detentions: clocks for everyone, the minor flag where the detainee is known.
    let det = page(Role::ConductOfficer, "/detentions");
    assert!(det.contains("data-clock=\""));
    assert!(det.contains("tag-minor"), "a minor detainee is flagged");
    assert!(!page(Role::Viewer, "/detentions").contains("tag-minor"));
    // Use of force: the overdue reviews have their own section, first.
    let uof = page(Role::Viewer, "/use-of-force");
    let overdue = uof.find("id=\"overdue-reviews\"").expect("overdue section");
    assert!(overdue < uof.find("id=\"reports\"").expect("all reports"));

    // Every restricted read by a page is in the audit, named by its request.
    let admin = session(&app, Some(Role::Admin)).await;
    let audit = admin.get("/audit").await.text;
    for via in [
        "GET /personnel",
        "GET /detentions",
        "GET /use-of-force",
        "GET /cases",
    ] {
        assert!(audit.contains(&format!("<code>{via}")), "{via} not audited");
    }
    let views = app
        .client(Some(Role::Admin))
        .await
        .get("/api/v1/audit/views?limit=1000")
        .await
        .json();
    let actors: Vec<&str> = views
        .as_array()
        .expect("views")
        .iter()
        .filter_map(|v| v["actor"].as_str())
        .collect();
    for nobody in ["user:viewer", "user:editor", "user:admin"] {
        assert!(!actors.contains(&nobody), "{nobody} read restricted data");
    }
}

#[tokio::test]
async fn the_dashboard_shows_vetting_to_logged_in_users() {
    let app = spawn_app().await;
    scenario(&app).await;
    let path = "/missions/mss?on=2025-06-01";
    let anon = app.anonymous().get(path).await;
    assert_eq!(anon.status, 200);
    assert!(!anon.text.contains("id=\"compliance-card\""));
    let before = app.log_len().await;
    let viewer = session(&app, Some(Role::Viewer)).await;
    let r = viewer.get(path).await;
    assert_eq!(r.status, 200);
    assert!(r.text.contains("id=\"compliance-card\""));
    assert!(r.text.contains("data-country=\"KEN\""));
    assert!(r.text.contains("%)"), "percentages");
    let hr = session(&app, Some(Role::HrOfficer)).await;
    let r = hr.get(path).await;
    assert!(!r.text.contains("SYN-KEN"), "counts only");
    assert_eq!(
        app.log_len().await,
        before,
        "counts read nothing restricted"
    );
}
