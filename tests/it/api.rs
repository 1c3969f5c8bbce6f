//! API stories on every backend: force generation with the authorization rule, the two clocks,
//! disagreeing sources, and every kind of bad input refused with a problem that names it and
//! nothing written.

use konbit_domain::Role;
use konbit_testkit::{TestApp, backends, seed, spawn_app, spawn_app_on};
use serde_json::{Value, json};

/// Posts `body` and asserts a problem with `status`, `code` and (if given) a field error on
/// `field`, and that the log did not grow.
async fn refused(
    app: &TestApp,
    role: Role,
    path: &str,
    body: Value,
    status: u16,
    code: &str,
    field: Option<&str>,
) -> Value {
    let c = app.client(Some(role)).await;
    let before = app.log_len().await;
    let r = c.post_json(path, &body).await;
    assert_eq!(r.status, status, "{path} {body}: {}", r.text);
    assert_eq!(r.content_type, "application/problem+json");
    let p = r.json();
    assert_eq!(p["code"], code, "{}", r.text);
    assert_eq!(p["status"], status);
    if let Some(f) = field {
        let fields: Vec<&str> = p["errors"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect())
            .unwrap_or_default();
        assert!(
            fields.contains(&f),
            "expected a problem with {f:?}, got {fields:?}: {}",
            r.text
        );
    }
    assert_eq!(
        app.log_len().await,
        before,
        "a refused request wrote to the log"
    );
    p
}

fn arrival(country: &str, on: &str, police: i64, source: &str) -> Value {
    json!({"mission": "t", "country": country, "movement": "arrival", "on": on,
           "personnel": {"police": police}, "sources": [source]})
}

#[tokio::test]
async fn deployment_needs_the_required_instrument_or_an_override() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let source = seed(&app).await;
        let p = refused(
            &app,
            Role::Editor,
            "/api/v1/deployments",
            arrival("KEN", "2024-06-25", 400, &source),
            422,
            "authorization_missing",
            Some("override_reason"),
        )
        .await;
        assert!(
            p["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("national_approval"),
            "{p}"
        );

        let editor = app.client(Some(Role::Editor)).await;
        let r = editor.post_json("/api/v1/authorizations", &json!({"mission": "t", "country": "KEN", "kind": "national_approval",
            "title": "Cabinet approves deployment", "issued_on": "2023-10-13", "status": "granted", "sources": [source]})).await;
        assert_eq!(r.status, 201, "{}", r.text);
        let r = editor
            .post_json(
                "/api/v1/deployments",
                &arrival("KEN", "2024-06-25", 400, &source),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);

        // Jamaica has no approval recorded: accepted only with a reason, which the entry keeps.
        let mut j = arrival("JAM", "2024-09-12", 24, &source);
        j["override_reason"] = json!("approval reported by AP, document not yet filed");
        let r = editor.post_json("/api/v1/deployments", &j).await;
        assert_eq!(r.status, 201, "{}", r.text);
        let seq = r.json()["seq"].as_i64().expect("seq");
        let log = editor
            .get(&format!("/api/v1/log?after={}&limit=1", seq - 1))
            .await
            .json();
        assert!(
            log[0]["body"]
                .as_str()
                .unwrap_or_default()
                .contains("approval reported by AP")
        );

        let list = editor
            .get("/api/v1/contributors?mission=t&on=2024-12-31")
            .await
            .json();
        let ken = list
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["country"] == "KEN")
            .expect("KEN")
            .clone();
        assert_eq!(ken["deployed"]["police"], 400);
        assert_eq!(ken["missing_instruments"], json!([]));
        let jam = list
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["country"] == "JAM")
            .expect("JAM")
            .clone();
        assert_eq!(jam["missing_instruments"], json!(["national_approval"]));
    }
}

#[tokio::test]
async fn strength_is_computed_on_any_date_and_as_recorded_by_any_time() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let source = seed(&app).await;
        let editor = app.client(Some(Role::Editor)).await;
        let post = |body: Value| {
            let e = editor.clone();
            async move {
                let r = e.post_json("/api/v1/deployments", &body).await;
                assert_eq!(r.status, 201, "{}", r.text);
            }
        };
        let mut a = arrival("KEN", "2024-06-25", 200, &source);
        a["override_reason"] = json!("test");
        post(a.clone()).await;
        let first = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .expect("fmt");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        a["on"] = json!("2024-07-16");
        post(a.clone()).await;
        a["movement"] = json!("departure");
        a["on"] = json!("2024-12-01");
        a["personnel"] = json!({"police": 50});
        post(a).await;

        let deployed = |v: &Value| v[0]["deployed"]["police"].as_i64().expect("n");
        let on = |d: &str| format!("/api/v1/contributors?mission=t&on={d}");
        assert!(
            editor
                .get(&on("2024-06-24"))
                .await
                .json()
                .as_array()
                .expect("list")
                .is_empty()
                || deployed(&editor.get(&on("2024-06-24")).await.json()) == 0
        );
        assert_eq!(deployed(&editor.get(&on("2024-06-25")).await.json()), 200);
        assert_eq!(deployed(&editor.get(&on("2024-08-01")).await.json()), 400);
        assert_eq!(deployed(&editor.get(&on("2025-01-01")).await.json()), 350);
        // As the mission knew it right after the first arrival.
        let then = editor
            .get(&format!("{}&as_of={first}", on("2025-01-01")))
            .await
            .json();
        assert_eq!(deployed(&then), 200);

        let series = editor
            .get("/api/v1/strength?mission=t&on=2025-01-01")
            .await
            .json();
        let pts = series.as_array().expect("series");
        let at = |d: &str| {
            pts.iter()
                .find(|p| p["date"] == d)
                .map(|p| p["deployed"]["police"].clone())
        };
        assert_eq!(at("2024-06-25"), Some(json!(200)));
        assert_eq!(at("2024-07-16"), Some(json!(400)));
        assert_eq!(at("2024-12-01"), Some(json!(350)));

        // More leaving than deployed is refused, naming the field.
        let mut d = arrival("KEN", "2025-02-01", 1000, &source);
        d["movement"] = json!("departure");
        d["override_reason"] = json!("test");
        refused(
            &app,
            Role::Editor,
            "/api/v1/deployments",
            d,
            422,
            "validation_failed",
            Some("personnel"),
        )
        .await;
    }
}

#[tokio::test]
async fn pledges_are_revised_and_withdrawn_with_history() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let source = seed(&app).await;
        let editor = app.client(Some(Role::Editor)).await;
        let r = editor.post_json("/api/v1/pledges", &json!({"mission": "t", "country": "KEN", "pledged_on": "2023-07-29", "personnel": {"police": 1000}, "sources": [source]})).await;
        assert_eq!(r.status, 201, "{}", r.text);
        let id = r.json()["id"].as_str().expect("id").to_string();
        let r = editor
            .post_json(
                &format!("/api/v1/pledges/{id}/revisions"),
                &json!({"on": "2024-09-25", "personnel": {"police": 2500}, "sources": [source]}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        let pledged = |d: &str| {
            let e = editor.clone();
            let d = d.to_string();
            async move {
                e.get(&format!("/api/v1/contributors?mission=t&on={d}"))
                    .await
                    .json()[0]["pledged"]["police"]
                    .clone()
            }
        };
        assert_eq!(pledged("2024-01-01").await, 1000);
        assert_eq!(pledged("2024-10-01").await, 2500);
        let r = editor
            .post_json(
                &format!("/api/v1/pledges/{id}/withdrawal"),
                &json!({"on": "2025-06-01", "reason": "recalled", "sources": [source]}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        assert_eq!(pledged("2025-07-01").await, 0);
        let detail = editor
            .get("/api/v1/contributors/KEN?mission=t")
            .await
            .json();
        let changes: Vec<&str> = detail["pledges"]
            .as_array()
            .expect("pledges")
            .iter()
            .filter_map(|p| p["change"].as_str())
            .collect();
        assert_eq!(changes, vec!["recorded", "revised", "withdrawn"]);
        refused(
            &app,
            Role::Editor,
            &format!("/api/v1/pledges/{id}/withdrawal"),
            json!({"on": "2025-07-01", "reason": "again"}),
            409,
            "conflict",
            None,
        )
        .await;
    }
}

#[tokio::test]
async fn disagreeing_sources_are_both_kept() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let a = seed(&app).await;
        let editor = app.client(Some(Role::Editor)).await;
        let b = editor.post_json("/api/v1/sources", &json!({"kind": "news_article", "title": "Kenyan outlet", "url": "https://example.ke/a", "reliability": "C", "credibility": 3})).await.json()["id"].as_str().expect("id").to_string();
        let mut d = arrival("KEN", "2024-06-25", 200, &a);
        d["override_reason"] = json!("test");
        let dep = editor.post_json("/api/v1/deployments", &d).await.json()["id"]
            .as_str()
            .expect("id")
            .to_string();
        let r = editor
            .post_json(
                "/api/v1/discrepancies",
                &json!({"about": dep, "field": "personnel.police",
            "claims": [{"value": "200", "sources": [a]}, {"value": "400", "sources": [b]}],
            "accepted": 0, "reason": "the police chief's statement; 200 + 200 matches later totals"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        let detail = editor
            .get("/api/v1/contributors/KEN?mission=t")
            .await
            .json();
        let disc = &detail["discrepancies"][0];
        assert_eq!(disc["claims"].as_array().expect("claims").len(), 2);
        assert_eq!(disc["accepted"], 0);
        let titles: Vec<&str> = detail["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .filter_map(|s| s["title"].as_str())
            .collect();
        assert!(titles.contains(&"Kenyan outlet"), "{titles:?}");
        assert_eq!(
            detail["sources"][0]["grade"].as_str().map(|g| g.len()),
            Some(2)
        );
    }
}

#[tokio::test]
async fn bad_inputs_are_refused_naming_the_problem_and_nothing_is_written() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let source = seed(&app).await;
        let dep = |f: &dyn Fn(&mut Value)| {
            let mut d = arrival("KEN", "2024-06-25", 10, &source);
            d["override_reason"] = json!("test");
            f(&mut d);
            d
        };
        let e = Role::Editor;
        let p = "/api/v1/deployments";
        refused(
            &app,
            e,
            p,
            dep(&|d| d["personnel"]["police"] = json!(-5)),
            422,
            "validation_failed",
            Some("personnel.police"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["country"] = json!("XYZ")),
            422,
            "validation_failed",
            Some("country"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["on"] = json!("2024-13-45")),
            422,
            "validation_failed",
            Some("on"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["movement"] = json!("teleport")),
            422,
            "validation_failed",
            Some("movement"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["colour"] = json!("blue")),
            422,
            "validation_failed",
            Some("colour"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["personnel"]["sailors"] = json!(3)),
            422,
            "validation_failed",
            Some("personnel.sailors"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["mission"] = json!("nope")),
            422,
            "validation_failed",
            Some("mission"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["sources"] = json!([uuid::Uuid::now_v7()])),
            422,
            "validation_failed",
            Some("sources[0]"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["sources"] = json!(["not-a-uuid"])),
            422,
            "validation_failed",
            None,
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| d["classification"] = json!("secret")),
            422,
            "validation_failed",
            Some("classification"),
        )
        .await;
        refused(
            &app,
            e,
            p,
            dep(&|d| {
                d.as_object_mut().expect("obj").remove("on");
            }),
            422,
            "validation_failed",
            None,
        )
        .await;
        refused(
            &app,
            e,
            "/api/v1/sources",
            json!({"kind": "news_article", "title": "x", "reliability": "G", "credibility": 9}),
            422,
            "validation_failed",
            Some("reliability"),
        )
        .await;
        refused(&app, e, "/api/v1/sources", json!({"kind": "news_article", "title": "x", "reliability": "B", "credibility": 9, "url": "https://a.b"}), 422, "validation_failed", Some("credibility")).await;
        refused(
            &app,
            e,
            "/api/v1/sources",
            json!({"kind": "news_article", "title": "x", "reliability": "B", "credibility": 2}),
            422,
            "validation_failed",
            Some("url"),
        )
        .await;
        refused(&app, Role::Admin, "/api/v1/mandates", json!({"mission": "t", "resolution": 2751, "adopted_on": "2024-09-30", "votes_for": 15, "votes_against": 0, "votes_abstain": 0, "mandate_end": "2024-01-01"}), 422, "validation_failed", Some("mandate_end")).await;
        refused(&app, Role::Admin, "/api/v1/missions", json!({"slug": "t", "name": "Again", "short_name": "T", "host_country": "HTI", "lead_nation": "KEN", "start_date": "2023-10-02"}), 409, "conflict", None).await;
        refused(&app, Role::Admin, "/api/v1/missions", json!({"slug": "Bad Slug", "name": "X", "short_name": "X", "host_country": "HTI", "lead_nation": "KEN", "start_date": "2023-10-02"}), 422, "validation_failed", Some("slug")).await;
        refused(
            &app,
            e,
            "/api/v1/corrections",
            json!({"corrects": 1, "reason": "no", "body": {}}),
            422,
            "validation_failed",
            Some("corrects"),
        )
        .await;
        refused(
            &app,
            Role::Admin,
            "/api/v1/users",
            json!({"username": "x", "password": "short", "role": "viewer"}),
            422,
            "validation_failed",
            Some("password"),
        )
        .await;
        refused(
            &app,
            Role::Admin,
            "/api/v1/users",
            json!({"username": "x", "password": "long-enough-pw", "role": "king"}),
            422,
            "validation_failed",
            Some("role"),
        )
        .await;

        let c = app.client(Some(e)).await;
        let before = app.log_len().await;
        let r = c
            .post_raw(p, "application/json", b"{not json".to_vec())
            .await;
        assert_eq!(
            (r.status, r.json()["code"].clone()),
            (400, json!("malformed_json"))
        );
        let r = c.post_raw(p, "text/plain", b"{}".to_vec()).await;
        assert_eq!(
            (r.status, r.json()["code"].clone()),
            (415, json!("unsupported_media_type"))
        );
        let mut big = br#"{"mission":"t","note":""#.to_vec();
        big.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
        big.extend(br#""}"#);
        let r = c.post_raw(p, "application/json", big).await;
        assert_eq!(
            (r.status, r.json()["code"].clone()),
            (413, json!("body_too_large"))
        );
        let r = c.get("/api/v1/contributors?mission=t&on=yesterday").await;
        assert_eq!(
            (r.status, r.json()["code"].clone()),
            (400, json!("invalid_query"))
        );
        let r = c
            .get("/api/v1/contributors?mission=t&as_of=2024-01-01")
            .await;
        assert_eq!(r.status, 400);
        assert!(
            r.json()["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("as_of")
        );
        let r = c.get("/api/v1/contributors?mission=nope").await;
        assert_eq!(r.status, 404);
        assert_eq!(app.log_len().await, before);
    }
}

#[tokio::test]
async fn login_is_throttled_and_tokens_authenticate() {
    let app = spawn_app().await;
    let anon = app.anonymous();
    for _ in 0..5 {
        let r = anon
            .post_json(
                "/api/v1/auth/token",
                &json!({"username": "editor", "password": "wrong-password"}),
            )
            .await;
        assert_eq!(r.status, 401, "{}", r.text);
    }
    let r = anon
        .post_json(
            "/api/v1/auth/token",
            &json!({"username": "editor", "password": konbit_testkit::PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 429, "{}", r.text);
    assert!(r.headers.get("retry-after").is_some());
    // Another account is not affected.
    let viewer = app.client(Some(Role::Viewer)).await;
    assert_eq!(viewer.get("/api/v1/sources").await.status, 200);
    let mut bad = app.anonymous();
    bad.http = reqwest::Client::new();
    let r = bad
        .http
        .get(format!("{}/api/v1/sources", app.base))
        .bearer_auth("0000")
        .send()
        .await
        .expect("send");
    assert_eq!(r.status().as_u16(), 401);
}

#[tokio::test]
async fn classification_filters_what_each_role_sees() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let source = seed(&app).await;
        let editor = app.client(Some(Role::Editor)).await;
        for (class, country) in [("public", "JAM"), ("mission", "BLZ"), ("restricted", "BHS")] {
            let r = editor.post_json("/api/v1/pledges", &json!({"mission": "t", "country": country, "pledged_on": "2024-05-01", "personnel": {"military": 50}, "sources": [source], "classification": class})).await;
            assert_eq!(r.status, 201, "{}", r.text);
        }
        let seen = |v: Value| -> Vec<String> {
            v.as_array()
                .expect("list")
                .iter()
                .filter_map(|c| c["country"].as_str().map(str::to_string))
                .collect()
        };
        let q = "/api/v1/contributors?mission=t";
        assert_eq!(seen(app.anonymous().get(q).await.json()), vec!["JAM"]);
        let mut v = seen(app.client(Some(Role::Viewer)).await.get(q).await.json());
        v.sort();
        assert_eq!(v, vec!["BLZ", "JAM"]);
        assert_eq!(
            seen(app.client(Some(Role::Admin)).await.get(q).await.json()).len(),
            3
        );
        // The log shows the chain to everyone but withholds what the caller may not read.
        let log = app.anonymous().get("/api/v1/log?limit=1000").await.json();
        let redacted = log
            .as_array()
            .expect("log")
            .iter()
            .filter(|e| e["redacted"] == true)
            .count();
        assert!(redacted >= 2, "{log}");
        assert!(!log.to_string().contains("BHS"));
    }
}
