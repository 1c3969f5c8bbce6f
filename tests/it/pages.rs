//! The HTML pages by role, CSRF on every form, security headers, cookies and the language switch.

use konbit_domain::Role;
use konbit_testkit::{Client, PASSWORD, TestApp, spawn_app};

/// The hidden CSRF field of the first form in a page.
fn csrf(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a csrf field");
    let rest = &html[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').expect("end of value")].to_string()
}

/// A browser-like client (cookies, no redirects) logged in through the login form.
async fn session(app: &TestApp, role: Option<Role>) -> Client {
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
    konbit_store::scenario::load(&app.store, dir)
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
        ("/missions/mss/pledges/new", form),
        ("/missions/mss/deployments/new", form),
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
    let r = app.anonymous().get("/").await;
    let h = |n: &str| {
        r.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert!(h("content-security-policy").contains("frame-ancestors 'none'"));
    assert!(!h("content-security-policy").contains("unsafe-inline"));
    assert_eq!(h("x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn forms_need_csrf_and_the_editor_role_and_write_once() {
    let app = spawn_app().await;
    scenario(&app).await;
    let path = "/missions/mss/deployments/new";
    let editor = session(&app, Some(Role::Editor)).await;
    let token = csrf(&editor.get(path).await.text);
    let fields = |csrf: &str| -> Vec<(String, String)> {
        [
            ("csrf", csrf),
            ("country", "KEN"),
            ("on", "2025-09-01"),
            ("movement", "arrival"),
            ("police", "50"),
            ("military", "0"),
            ("civilian", "0"),
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
    bad.retain(|(k, _)| k != "police");
    bad.push(("police".into(), "-3".into()));
    let r = post(&editor, bad).await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert!(
        r.text.contains("police-error"),
        "the error is next to the field"
    );
    assert_eq!(app.log_len().await, before);
    // The real thing.
    let r = post(&editor, fields(&token)).await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/missions/mss/contributors/KEN")
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
