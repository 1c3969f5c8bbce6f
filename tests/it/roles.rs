//! Every endpoint tried by anonymous and by every role, with the expected outcome; and the
//! OpenAPI document describes every API route.

use crate::registers::{Fixture, fixture};
use konbit_domain::Named;
use konbit_domain::Role;
use konbit_testkit::spawn_app;
use serde_json::{Value, json};

const ANON: usize = 0;
const VIEWER: usize = 1;
const EDITOR: usize = 2;
const ADMIN: usize = 3;
const HR: usize = 4;
const CONDUCT: usize = 5;
const COMMANDER: usize = 6;
const ALL: [usize; 7] = [ANON, VIEWER, EDITOR, ADMIN, HR, CONDUCT, COMMANDER];

#[tokio::test]
async fn every_endpoint_by_every_role() {
    let app = spawn_app().await;
    let f: Fixture = fixture(&app).await;
    let source = f.source.clone();
    let clients = [
        app.client(None).await,
        app.client(Some(Role::Viewer)).await,
        app.client(Some(Role::Editor)).await,
        app.client(Some(Role::Admin)).await,
        app.client(Some(Role::HrOfficer)).await,
        app.client(Some(Role::ConductOfficer)).await,
        app.client(Some(Role::Commander)).await,
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
        [u16; 7],
    );
    let s = source.clone();
    let read = [200; 7];
    let member = [401, 200, 200, 200, 200, 200, 200];
    let edit = [401, 403, 201, 201, 403, 403, 403];
    let admin_only = [401, 403, 403, 201, 403, 403, 403];
    let hr_only = [401, 403, 403, 403, 201, 403, 403];
    let conduct_only = [401, 403, 403, 403, 403, 201, 403];
    // The commander is Kenya's; the fixture's records of these cases are Kenyan.
    let hr_or_commander = [401, 403, 403, 403, 201, 403, 201];
    let conduct_or_commander = [401, 403, 403, 403, 403, 201, 201];
    let pick = |r: usize, a: &str, b: &str| -> String {
        if r == COMMANDER {
            b.to_string()
        } else {
            a.to_string()
        }
    };
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
        ("GET", "/api/v1/press/articles".into(), None, read),
        ("GET", "/api/v1/log".into(), None, read),
        ("GET", "/api/v1/log/verify".into(), None, read),
        (
            "GET",
            "/api/v1/users".into(),
            None,
            [401, 403, 403, 200, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/tokens".into(),
            None,
            [401, 403, 403, 200, 403, 403, 403],
        ),
        ("GET", "/api/v1/personnel".into(), None, member),
        (
            "GET",
            format!("/api/v1/personnel/{}", f.person_ken),
            None,
            member,
        ),
        (
            "GET",
            "/api/v1/personnel/compliance?mission=t".into(),
            None,
            member,
        ),
        ("GET", "/api/v1/documents".into(), None, member),
        ("GET", "/api/v1/use-of-force".into(), None, member),
        (
            "GET",
            format!("/api/v1/use-of-force/{}", f.report_ken),
            None,
            member,
        ),
        ("GET", "/api/v1/detentions".into(), None, member),
        (
            "GET",
            format!("/api/v1/detentions/{}", f.detention_ken),
            None,
            member,
        ),
        ("GET", "/api/v1/complaints".into(), None, member),
        ("GET", "/api/v1/cases".into(), None, member),
        ("GET", format!("/api/v1/cases/{}", f.case), None, member),
        ("GET", "/api/v1/statistics?mission=t".into(), None, read),
        (
            "GET",
            "/api/v1/audit/views".into(),
            None,
            [401, 403, 403, 200, 403, 403, 403],
        ),
        (
            "POST",
            "/api/v1/personnel".into(),
            Some(Box::new(|r| {
                crate::registers::person_body("KEN", &format!("SN-M{r}"))
            })),
            hr_only,
        ),
        (
            "POST",
            "/api/v1/personnel/departures".into(),
            Some(Box::new({
                let p = f.person_jam.clone();
                move |_| json!({"person": p, "on": "2025-06-30", "reason": "rotation"})
            })),
            hr_only,
        ),
        (
            "POST",
            "/api/v1/vetting".into(),
            Some(Box::new({
                let p = f.person_ken.clone();
                move |_| json!({"person": p, "status": "cleared", "on": "2024-06-20", "by": "panel"})
            })),
            hr_only,
        ),
        (
            "POST",
            "/api/v1/documents".into(),
            Some(Box::new(
                |r| json!({"mission": "t", "kind": "search_directive", "version": format!("{r}.0"), "title": "Searches", "effective_on": "2024-06-01"}),
            )),
            [401, 403, 201, 201, 201, 403, 403],
        ),
        (
            "POST",
            "/api/v1/acknowledgements".into(),
            Some(Box::new({
                let (p, d) = (f.person_ken.clone(), f.uof_directive.clone());
                move |_| json!({"person": p, "document": d, "on": "2024-06-21"})
            })),
            hr_or_commander,
        ),
        (
            "POST",
            "/api/v1/assignments".into(),
            Some(Box::new({
                let p = f.person_ken.clone();
                move |r| json!({"person": p, "operation": format!("Op {r}"), "on": "2024-07-01"})
            })),
            hr_or_commander,
        ),
        (
            "POST",
            "/api/v1/use-of-force".into(),
            Some(Box::new(|_| {
                crate::registers::report_body("KEN", "2024-08-01T10:00:00Z", "verbal")
            })),
            conduct_or_commander,
        ),
        (
            "POST",
            "/api/v1/use-of-force/reviews".into(),
            Some(Box::new({
                let id = f.report_ken.clone();
                move |_| json!({"report": id, "status": "under_review"})
            })),
            conduct_only,
        ),
        (
            "POST",
            "/api/v1/detentions".into(),
            Some(Box::new(|_| {
                crate::registers::detention_body("KEN", "2024-08-01T10:00:00Z")
            })),
            conduct_or_commander,
        ),
        (
            "POST",
            "/api/v1/detentions/handovers".into(),
            Some(Box::new({
                let (a, b) = (f.spare_detentions[0].clone(), f.spare_detentions[1].clone());
                move |r| json!({"detention": pick(r, &a, &b), "at": "2024-08-02T09:00:00Z", "station": "Delmas 33", "receiving_officer": "HNP officer"})
            })),
            conduct_or_commander,
        ),
        (
            "POST",
            "/api/v1/detentions/releases".into(),
            Some(Box::new({
                let (a, b) = (f.spare_detentions[2].clone(), f.spare_detentions[3].clone());
                move |r| json!({"detention": pick(r, &a, &b), "at": "2024-08-02T09:00:00Z", "reason": "no grounds to hold"})
            })),
            conduct_or_commander,
        ),
        (
            "POST",
            "/api/v1/complaints".into(),
            Some(Box::new(
                |_| json!({"language": "ht", "account": "Yo bat mwen."}),
            )),
            [201; 7],
        ),
        (
            "POST",
            "/api/v1/complaints/status".into(),
            Some(Box::new({
                let (r, s) = (f.complaint_reference.clone(), f.complaint_secret.clone());
                move |_| json!({"reference": r, "secret": s})
            })),
            [200; 7],
        ),
        (
            "POST",
            "/api/v1/cases".into(),
            Some(Box::new(
                |_| json!({"mission": "t", "category": "category_2", "opened_on": "2024-09-01", "allegations": [{"country": "KEN", "misconduct": "excessive_force"}], "investigating_entity": "mission", "summary": "alleged beating"}),
            )),
            conduct_only,
        ),
        (
            "POST",
            "/api/v1/cases/updates".into(),
            Some(Box::new({
                let c = f.case.clone();
                move |_| json!({"case": c, "status": "assessed", "on": "2024-09-05"})
            })),
            conduct_only,
        ),
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
        // `u3` is the user the admin just created.
        ("POST", "/api/v1/users/u3/disable".into(), None, admin_only),
        ("POST", "/api/v1/users/u3/enable".into(), None, admin_only),
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
            edit,
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
                |_| json!({"corrects": Role::ALL.len() + 3, "reason": "vote count", "body": {"mission": "t", "resolution": 2699, "adopted_on": "2023-10-02", "votes_for": 13, "votes_against": 0, "votes_abstain": 2, "mandate_end": "2024-10-02", "summary": "corrected"}}),
            )),
            edit,
        ),
    ];
    // The incident, coalition and records the situation cases write about.
    let r = editor
        .post_json("/api/v1/incidents", &crate::situation::attack("MSS-R-1"))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let r = editor
        .post_json("/api/v1/armed-groups", &json!({"code": "viv-ansanm", "name": "Viv Ansanm", "kind": "coalition", "on": "2023-09-20"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let link_or_conduct = [401, 403, 201, 201, 403, 201, 403];
    let situation_cases: Vec<Case> = vec![
        ("GET", "/api/v1/incidents".into(), None, read),
        ("GET", "/api/v1/incidents/MSS-R-1".into(), None, read),
        ("GET", "/api/v1/incidents/export".into(), None, read),
        ("GET", "/api/v1/incidents/map".into(), None, read),
        ("GET", "/api/v1/incidents/weekly".into(), None, read),
        (
            "GET",
            "/api/v1/incidents/search?q=attaque".into(),
            None,
            read,
        ),
        ("GET", "/api/v1/armed-groups".into(), None, read),
        ("GET", "/api/v1/sites".into(), None, read),
        ("GET", "/api/v1/indicators".into(), None, read),
        ("GET", "/api/v1/gazetteer".into(), None, read),
        (
            "POST",
            "/api/v1/incidents".into(),
            Some(Box::new(|r| {
                crate::situation::attack(&format!("MSS-R-N{r}"))
            })),
            edit,
        ),
        (
            "POST",
            "/api/v1/incidents/MSS-R-1/revisions".into(),
            Some(Box::new(|r| {
                let mut b = crate::situation::attack("MSS-R-1");
                b["fatalities"] = json!(20 + r);
                b
            })),
            edit,
        ),
        (
            "POST",
            "/api/v1/incidents/MSS-R-1/verification".into(),
            Some(Box::new(|r| {
                let to = if r == ADMIN {
                    "disputed"
                } else {
                    "corroborated"
                };
                json!({"status": to, "reason": "second source", "on": "2024-10-05"})
            })),
            edit,
        ),
        (
            "POST",
            "/api/v1/incidents/MSS-R-1/links".into(),
            Some(Box::new({
                let id = f.report_ken.clone();
                move |_| json!({"register": "use_of_force", "record": id})
            })),
            link_or_conduct,
        ),
        (
            "POST",
            "/api/v1/armed-groups".into(),
            Some(Box::new(
                |r| json!({"code": format!("group-{r}"), "name": format!("Group {r}"), "kind": "group", "member_of": ["viv-ansanm"], "on": "2024-01-01"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/armed-groups/designations".into(),
            Some(Box::new(
                |_| json!({"group": "viv-ansanm", "kind": "us_fto", "authority": "USA", "on": "2025-05-02", "reference": "90 FR 18888"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/sites/status".into(),
            Some(Box::new(
                |_| json!({"site": "airport-mtpp", "status": "closed", "on": "2024-11-12"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/routes/status".into(),
            Some(Box::new(
                |_| json!({"segment": "RN1-1", "status": "dangerous", "on": "2024-06-01", "held_by": "viv-ansanm"}),
            )),
            edit,
        ),
        (
            "POST",
            "/api/v1/indicators".into(),
            Some(Box::new(
                |_| json!({"indicator": "idps", "from": "2024-09-30", "to": "2024-09-30", "area": "HTI", "value": 702973, "qualifier": "exact"}),
            )),
            edit,
        ),
    ];
    let mut cases = cases;
    cases.extend(situation_cases);
    // The successor used by the successions case.
    clients[ADMIN].post_json("/api/v1/missions", &json!({"slug": "t2", "name": "T2", "short_name": "T2", "host_country": "HTI", "lead_nation": "KEN", "start_date": "2025-09-30"})).await;

    let mut failures = Vec::new();
    for (method, path, body, expected) in &cases {
        for role in ALL {
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
        ("post", "/api/v1/users/{name}/disable"),
        ("post", "/api/v1/users/{name}/enable"),
        ("delete", "/api/v1/auth/token"),
        ("get", "/api/v1/tokens"),
        ("delete", "/api/v1/tokens/{id}"),
        ("get", "/api/v1/personnel"),
        ("post", "/api/v1/personnel"),
        ("get", "/api/v1/personnel/compliance"),
        ("post", "/api/v1/personnel/departures"),
        ("get", "/api/v1/personnel/{id}"),
        ("post", "/api/v1/vetting"),
        ("get", "/api/v1/documents"),
        ("post", "/api/v1/documents"),
        ("post", "/api/v1/acknowledgements"),
        ("post", "/api/v1/assignments"),
        ("get", "/api/v1/use-of-force"),
        ("post", "/api/v1/use-of-force"),
        ("post", "/api/v1/use-of-force/reviews"),
        ("get", "/api/v1/use-of-force/{id}"),
        ("get", "/api/v1/detentions"),
        ("post", "/api/v1/detentions"),
        ("post", "/api/v1/detentions/handovers"),
        ("post", "/api/v1/detentions/releases"),
        ("get", "/api/v1/detentions/{id}"),
        ("get", "/api/v1/complaints"),
        ("post", "/api/v1/complaints"),
        ("post", "/api/v1/complaints/status"),
        ("get", "/api/v1/cases"),
        ("post", "/api/v1/cases"),
        ("post", "/api/v1/cases/updates"),
        ("get", "/api/v1/cases/{id}"),
        ("get", "/api/v1/statistics"),
        ("get", "/api/v1/audit/views"),
        ("get", "/api/v1/incidents"),
        ("post", "/api/v1/incidents"),
        ("get", "/api/v1/incidents/{event_id}"),
        ("get", "/api/v1/incidents/export"),
        ("get", "/api/v1/incidents/map"),
        ("get", "/api/v1/incidents/weekly"),
        ("get", "/api/v1/incidents/search"),
        ("post", "/api/v1/incidents/{event_id}/revisions"),
        ("post", "/api/v1/incidents/{event_id}/verification"),
        ("post", "/api/v1/incidents/{event_id}/links"),
        ("get", "/api/v1/armed-groups"),
        ("post", "/api/v1/armed-groups"),
        ("post", "/api/v1/armed-groups/designations"),
        ("get", "/api/v1/sites"),
        ("post", "/api/v1/sites/status"),
        ("post", "/api/v1/routes/status"),
        ("get", "/api/v1/indicators"),
        ("post", "/api/v1/indicators"),
        ("get", "/api/v1/gazetteer"),
        ("get", "/api/v1/desk"),
        ("post", "/api/v1/acknowledgements/unit"),
        ("get", "/api/v1/press/articles"),
        ("get", "/api/v1/press/articles/{id}"),
        ("post", "/api/v1/press/claims/accepted"),
        ("post", "/api/v1/press/claims/dismissed"),
        ("get", "/api/v1/log/checkpoint"),
        ("get", "/api/v1/log/proof/inclusion"),
        ("get", "/api/v1/log/proof/consistency"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not in the OpenAPI document"
        );
    }
    // Recording bodies document `sources` and `classification` with the command's own fields,
    // in one closed object (an allOf of two closed objects admits no body at all).
    let body = &paths["/api/v1/deployments"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"];
    for field in ["sources", "classification", "personnel", "movement"] {
        assert!(body["properties"][field].is_object(), "{field}: {body}");
    }
    assert_eq!(body["additionalProperties"], false, "{body}");
    // Errors are documented as they are sent: problem details.
    let refused = &paths["/api/v1/deployments"]["post"]["responses"]["422"];
    assert!(
        refused["content"]["application/problem+json"].is_object(),
        "{refused}"
    );
    assert!(
        refused["description"]
            .as_str()
            .is_some_and(|d| !d.is_empty())
    );
    // Query parameters are in the query.
    let params = paths["/api/v1/contributors"]["get"]["parameters"]
        .as_array()
        .expect("parameters");
    assert!(params.iter().all(|p| p["in"] == "query"), "{params:?}");
    // Nothing documented that the router does not serve, and nothing served undocumented.
    let documented: usize = paths
        .values()
        .map(|p| p.as_object().map_or(0, |o| o.len()))
        .sum();
    // api, registers, situation, desk, media.
    assert_eq!(documented, 36 + 29 + 19 + 1 + 4);
}

/// The store itself refuses what a sender may not send: the gate the pages and the API share
/// is also the command line's, and a caller that skips the web layer meets it too.
#[tokio::test]
async fn the_store_refuses_what_the_sender_may_not_send() {
    use konbit_domain::DomainError;
    use konbit_domain::registers::{Handover, RegisterCommand};
    use konbit_domain::{
        Classification, Command, NewSource, Reliability, SourceCommand, SourceKind,
    };
    use konbit_store::{Actor, Envelope, StoreError};

    let app = spawn_app().await;
    let f: Fixture = fixture(&app).await;
    let user = |name: &str| {
        let store = app.store.clone();
        let name = name.to_string();
        async move {
            let mut c = store.conn().await.expect("conn");
            konbit_store::users::find(&mut c.ex(), &name)
                .await
                .expect("find")
                .expect("user")
        }
    };
    let source = Command::Sources(SourceCommand::RegisterSource(NewSource {
        kind: SourceKind::NewsArticle,
        title: "A wire report".into(),
        url: Some("https://example.org/a".into()),
        reference: None,
        published_on: None,
        outlet: None,
        language: None,
        reliability: Reliability::B,
        credibility: 2,
        note: None,
    }));
    let env = |c: &Command| Envelope::new(c.clone(), vec![], Classification::Public);
    let forbidden = |r: Result<konbit_store::Submitted, StoreError>| match r {
        Err(StoreError::Domain(DomainError::Forbidden(m))) => m,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let before = app.log_len().await;

    // A viewer, and someone through a public form, may not register a source.
    let viewer = user("viewer").await;
    let m = forbidden(app.store.submit(Actor::user(&viewer), env(&source)).await);
    assert_eq!(m, "only an editor or admin may record this");
    let m = forbidden(
        app.store
            .submit(Actor::public("complaint-form"), env(&source))
            .await,
    );
    assert_eq!(m, "only an editor or admin may record this");

    // Kenya's commander may not hand over Jamaica's detainee, even with a valid body; nor may
    // they write the audit of reads, which only the server writes.
    let commander = user("commander").await;
    let handover = |d: &str| {
        Command::Register(RegisterCommand::HandOver(Handover {
            detention: d.parse().expect("uuid"),
            at: time::OffsetDateTime::now_utc() - time::Duration::hours(1),
            station: "PNH Delmas 33".into(),
            receiving_officer: Some("Officer on duty".into()),
        }))
    };
    let m = forbidden(
        app.store
            .submit(Actor::user(&commander), env(&handover(&f.detention_jam)))
            .await,
    );
    assert!(m.contains("commander of the unit's contingent"), "{m}");
    assert_eq!(app.log_len().await, before, "nothing refused was written");

    // Changing logins is an admin's, except a user's own password and tokens.
    let editor = user("editor").await;
    let m = forbidden(
        app.store
            .set_disabled(Actor::user(&editor), "viewer", true)
            .await,
    );
    assert_eq!(m, "only an admin may record this");
    app.store
        .revoke_tokens(Actor::user(&editor), "editor", None)
        .await
        .expect("a user ends their own sessions");

    // The same command from those the table allows goes through.
    app.store
        .submit(Actor::user(&editor), env(&source))
        .await
        .expect("an editor registers a source");
    app.store
        .submit(Actor::system("cli"), env(&source))
        .await
        .expect("the console registers a source");
}
