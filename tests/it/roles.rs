//! Every endpoint tried by anonymous, viewer, editor and admin, with the expected outcome; and
//! the OpenAPI document describes every API route.

use konbit_domain::Role;
use konbit_testkit::{seed, spawn_app};
use serde_json::{Value, json};

const ANON: usize = 0;
const VIEWER: usize = 1;
const EDITOR: usize = 2;
const ADMIN: usize = 3;

#[tokio::test]
async fn every_endpoint_by_every_role() {
    let app = spawn_app().await;
    let source = seed(&app).await;
    let clients = [
        app.client(None).await,
        app.client(Some(Role::Viewer)).await,
        app.client(Some(Role::Editor)).await,
        app.client(Some(Role::Admin)).await,
    ];
    let editor = &clients[EDITOR];
    let pledge = editor
        .post_json("/api/v1/pledges", &json!({"mission": "t", "country": "KEN", "pledged_on": "2023-07-29", "personnel": {"police": 1000}, "sources": [source], "classification": "public"}))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();

    // (method, path, body, expected status for anonymous, viewer, editor, admin).
    // A body that writes is made unique per role so that repeated writes are each valid.
    type Case = (
        &'static str,
        String,
        Option<Box<dyn Fn(usize) -> Value>>,
        [u16; 4],
    );
    let s = source.clone();
    let read = [200, 200, 200, 200];
    let edit = [401, 403, 201, 201];
    let admin_only = [401, 403, 403, 201];
    let cases: Vec<Case> = vec![
        ("GET", "/healthz".into(), None, read),
        ("GET", "/api/v1/openapi.json".into(), None, read),
        ("GET", "/api/v1/missions".into(), None, read),
        ("GET", "/api/v1/missions/t".into(), None, read),
        ("GET", "/api/v1/contributors?mission=t".into(), None, read),
        (
            "GET",
            "/api/v1/contributors/KEN?mission=t".into(),
            None,
            read,
        ),
        ("GET", "/api/v1/strength?mission=t".into(), None, read),
        ("GET", "/api/v1/timeline?mission=t".into(), None, read),
        ("GET", "/api/v1/funding?mission=t".into(), None, read),
        ("GET", "/api/v1/sources".into(), None, read),
        ("GET", "/api/v1/log".into(), None, read),
        ("GET", "/api/v1/log/verify".into(), None, read),
        ("GET", "/api/v1/users".into(), None, [401, 403, 403, 200]),
        (
            "POST",
            "/api/v1/missions".into(),
            Some(Box::new(
                |r| json!({"slug": format!("m{r}"), "name": "M", "short_name": "M", "host_country": "HTI", "lead_nation": "KEN", "start_date": "2025-09-30"}),
            )),
            admin_only,
        ),
        (
            "POST",
            "/api/v1/requirements".into(),
            Some(Box::new(
                |_| json!({"mission": "t", "from": "2025-01-01", "instruments": ["national_approval"]}),
            )),
            admin_only,
        ),
        (
            "POST",
            "/api/v1/users".into(),
            Some(Box::new(
                |r| json!({"username": format!("u{r}"), "password": "long-enough-pw", "role": "viewer"}),
            )),
            admin_only,
        ),
        (
            "POST",
            "/api/v1/mandates".into(),
            Some(Box::new(
                |r| json!({"mission": "t", "resolution": 2751 + r as i64, "adopted_on": "2024-09-30", "votes_for": 15, "votes_against": 0, "votes_abstain": 0, "mandate_end": "2025-10-02"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/successions".into(),
            Some(Box::new(
                |_| json!({"mission": "t", "successor": "t2", "on": "2025-09-30"}),
            )),
            [401, 403, 201, 201],
        ),
        (
            "POST",
            "/api/v1/pledges".into(),
            Some(Box::new(
                move |_| json!({"mission": "t", "country": "JAM", "pledged_on": "2024-05-01", "personnel": {"military": 170, "police": 30}, "sources": [s]}),
            )),
            edit,
        ),
        (
            "POST",
            format!("/api/v1/pledges/{pledge}/revisions"),
            Some(Box::new(
                |r| json!({"on": "2024-09-25", "personnel": {"police": 1000 + r as i64}}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/authorizations".into(),
            Some(Box::new(
                |_| json!({"mission": "t", "country": "KEN", "kind": "national_approval", "title": "Cabinet", "issued_on": "2023-10-13", "status": "granted"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/deployments".into(),
            Some(Box::new(
                |_| json!({"mission": "t", "country": "KEN", "movement": "arrival", "on": "2024-06-25", "personnel": {"police": 10}, "override_reason": "matrix"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/funding".into(),
            Some(Box::new(
                |_| json!({"mission": "t", "donor": "CAN", "kind": "receipt", "channel": "trust_fund", "amount": 8700000, "currency": "USD", "on": "2024-04-30"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/sources".into(),
            Some(Box::new(
                |r| json!({"kind": "news_article", "title": format!("t{r}"), "url": "https://example.org", "reliability": "B", "credibility": 2}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/discrepancies".into(),
            Some(Box::new({
                let s = source.clone();
                let p = pledge.clone();
                move |_| json!({"about": p, "field": "personnel.police", "claims": [{"value": "1000", "sources": [s]}, {"value": "2500", "sources": [s]}], "accepted": 0, "reason": "the pledge letter"})
            })),
            edit,
        ),
        (
            "POST",
            "/api/v1/corrections".into(),
            Some(Box::new(
                |_| json!({"corrects": 6, "reason": "vote count", "body": {"mission": "t", "resolution": 2699, "adopted_on": "2023-10-02", "votes_for": 13, "votes_against": 0, "votes_abstain": 2, "mandate_end": "2024-10-02", "summary": "corrected"}}),
            )),
            edit,
        ),
    ];
    // The successor used by the successions case.
    clients[ADMIN].post_json("/api/v1/missions", &json!({"slug": "t2", "name": "T2", "short_name": "T2", "host_country": "HTI", "lead_nation": "KEN", "start_date": "2025-09-30"})).await;

    let mut failures = Vec::new();
    for (method, path, body, expected) in &cases {
        for role in [ANON, VIEWER, EDITOR, ADMIN] {
            let before = app.log_len().await;
            let r = match (method, body) {
                (&"GET", _) => clients[role].get(path).await,
                (_, Some(b)) => clients[role].post_json(path, &b(role)).await,
                _ => clients[role].post_json(path, &json!({})).await,
            };
            if r.status != expected[role] {
                failures.push(format!(
                    "{method} {path} as role #{role}: {} (expected {}) {}",
                    r.status, expected[role], r.text
                ));
            }
            if r.status >= 400 && app.log_len().await != before {
                failures.push(format!("{method} {path} as role #{role} failed but wrote"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn openapi_describes_every_api_route() {
    let app = spawn_app().await;
    let doc = app.anonymous().get("/api/v1/openapi.json").await.json();
    assert!(
        doc["openapi"]
            .as_str()
            .unwrap_or_default()
            .starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().expect("paths");
    for (method, path) in [
        ("get", "/healthz"),
        ("get", "/api/v1/openapi.json"),
        ("post", "/api/v1/auth/token"),
        ("get", "/api/v1/missions"),
        ("post", "/api/v1/missions"),
        ("get", "/api/v1/missions/{slug}"),
        ("post", "/api/v1/mandates"),
        ("post", "/api/v1/successions"),
        ("post", "/api/v1/requirements"),
        ("get", "/api/v1/contributors"),
        ("get", "/api/v1/contributors/{country}"),
        ("get", "/api/v1/strength"),
        ("get", "/api/v1/timeline"),
        ("post", "/api/v1/pledges"),
        ("post", "/api/v1/pledges/{id}/revisions"),
        ("post", "/api/v1/pledges/{id}/withdrawal"),
        ("post", "/api/v1/authorizations"),
        ("post", "/api/v1/deployments"),
        ("get", "/api/v1/funding"),
        ("post", "/api/v1/funding"),
        ("get", "/api/v1/sources"),
        ("post", "/api/v1/sources"),
        ("post", "/api/v1/discrepancies"),
        ("post", "/api/v1/corrections"),
        ("get", "/api/v1/log"),
        ("get", "/api/v1/log/verify"),
        ("get", "/api/v1/users"),
        ("post", "/api/v1/users"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not in the OpenAPI document"
        );
    }
    // Recording bodies also document `sources` and `classification`.
    let body = &paths["/api/v1/deployments"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"];
    assert!(
        body.to_string().contains("RecordFields") && body.to_string().contains("NewDeployment"),
        "{body}"
    );
    assert!(
        doc["components"]["schemas"]["RecordFields"]["properties"]["classification"].is_object()
    );
    // Nothing documented that the router does not serve, and nothing served undocumented.
    let documented: usize = paths
        .values()
        .map(|p| p.as_object().map_or(0, |o| o.len()))
        .sum();
    assert_eq!(documented, 28);
}
