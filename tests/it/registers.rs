//! The accountability registers: need to know by role and contingent, the audit of restricted
//! reads, a canary that no restricted field reaches a public or mission-level output, the
//! assignment gate, the clocks, complaints with reference and secret, the public statistics,
//! and bad inputs refused with field-level problems and nothing written.

use konbit_domain::Role;
use konbit_testkit::{Client, TestApp, backends, seed, spawn_app, spawn_app_on};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime, format_description::well_known::Rfc3339};

/// Ids of the records [`fixture`] makes.
pub struct Fixture {
    /// The source `seed` registered.
    pub source: String,
    pub uof_directive: String,
    pub person_ken: String,
    pub person_jam: String,
    pub report_ken: String,
    pub report_jam: String,
    pub detention_ken: String,
    pub detention_jam: String,
    /// Open Kenyan detentions nobody has handed over yet.
    pub spare_detentions: Vec<String>,
    pub complaint: String,
    pub complaint_reference: String,
    pub complaint_secret: String,
    pub case: String,
}

fn id(r: &konbit_testkit::Resp) -> String {
    assert!(r.status < 300, "{} {}", r.status, r.text);
    r.json()["id"].as_str().expect("id").to_string()
}

pub fn person_body(country: &str, service_number: &str) -> Value {
    json!({"mission": "t", "country": country, "unit": format!("{country} FPU 1"),
           "category": "police", "deployed_from": "2024-06-25",
           "identity": {"service_number": service_number, "name": format!("Officer {service_number}"), "rank": "Inspector"}})
}

pub fn report_body(country: &str, at: &str, level: &str) -> Value {
    json!({"mission": "t", "country": country, "unit": format!("{country} FPU 1"),
           "occurred_at": at, "place": "Route Nationale 1", "level": level,
           "narrative": "Warning shouted at a checkpoint."})
}

pub fn detention_body(country: &str, at: &str) -> Value {
    json!({"mission": "t", "country": country, "arresting_unit": format!("{country} FPU 1"),
           "arrested_at": at, "place": "Delmas 33", "grounds": "caught in the act",
           "person": {"sex": "male", "age": 30, "minor": false}})
}

/// A mission `t` with directives, two people (Kenya, Jamaica) vetted and bound, a report and a
/// detention of each contingent, four open Kenyan detentions, a complaint and a case on it.
pub async fn fixture(app: &TestApp) -> Fixture {
    let source = seed(app).await;
    let hr = app.client(Some(Role::HrOfficer)).await;
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let doc = |kind: &str| json!({"mission": "t", "kind": kind, "version": "1.0", "title": kind, "effective_on": "2024-06-01"});
    let uof_directive = id(&hr
        .post_json("/api/v1/documents", &doc("use_of_force_directive"))
        .await);
    let detention_directive = id(&hr
        .post_json("/api/v1/documents", &doc("detention_directive"))
        .await);
    let person_ken = id(&hr
        .post_json("/api/v1/personnel", &person_body("KEN", "SN-KEN-1"))
        .await);
    let person_jam = id(&hr
        .post_json("/api/v1/personnel", &person_body("JAM", "SN-JAM-1"))
        .await);
    for p in [&person_ken, &person_jam] {
        let r = hr
            .post_json(
                "/api/v1/vetting",
                &json!({"person": p, "status": "cleared", "on": "2024-06-20", "by": "panel"}),
            )
            .await;
        id(&r);
        for d in [&uof_directive, &detention_directive] {
            id(&hr
                .post_json(
                    "/api/v1/acknowledgements",
                    &json!({"person": p, "document": d, "on": "2024-06-21"}),
                )
                .await);
        }
    }
    let report_ken = id(&conduct
        .post_json(
            "/api/v1/use-of-force",
            &report_body("KEN", "2024-07-01T10:00:00Z", "firearm"),
        )
        .await);
    let report_jam = id(&conduct
        .post_json(
            "/api/v1/use-of-force",
            &report_body("JAM", "2024-07-02T10:00:00Z", "physical"),
        )
        .await);
    let detention_ken = id(&conduct
        .post_json(
            "/api/v1/detentions",
            &detention_body("KEN", "2024-07-01T11:00:00Z"),
        )
        .await);
    let detention_jam = id(&conduct
        .post_json(
            "/api/v1/detentions",
            &detention_body("JAM", "2024-07-02T11:00:00Z"),
        )
        .await);
    let mut spare_detentions = Vec::new();
    for _ in 0..4 {
        spare_detentions.push(id(&conduct
            .post_json(
                "/api/v1/detentions",
                &detention_body("KEN", "2024-08-01T08:00:00Z"),
            )
            .await));
    }
    let r = app
        .anonymous()
        .post_json("/api/v1/complaints", &json!({"language": "fr", "account": "Ils ont frappé mon frère.", "name": "A. Complainant", "contact": "+509 0000 0000"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let receipt = r.json();
    let complaint_reference = receipt["reference"]
        .as_str()
        .expect("reference")
        .to_string();
    let complaint_secret = receipt["secret"].as_str().expect("secret").to_string();
    let list = conduct.get("/api/v1/complaints").await.json();
    let complaint = list
        .as_array()
        .expect("complaints")
        .iter()
        .find(|c| c["reference"] == complaint_reference.as_str())
        .expect("the complaint is listed")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let case = id(&conduct
        .post_json("/api/v1/cases", &json!({"mission": "t", "complaint": complaint, "category": "category_2", "opened_on": "2024-07-05",
            "allegations": [{"person": person_ken, "country": "KEN", "misconduct": "excessive_force"}],
            "investigating_entity": "mission", "summary": "Beating at a checkpoint"}))
        .await);
    Fixture {
        source,
        uof_directive,
        person_ken,
        person_jam,
        report_ken,
        report_jam,
        detention_ken,
        detention_jam,
        spare_detentions,
        complaint,
        complaint_reference,
        complaint_secret,
        case,
    }
}

async fn views(app: &TestApp) -> Vec<Value> {
    let r = app
        .client(Some(Role::Admin))
        .await
        .get("/api/v1/audit/views?limit=1000")
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    r.json().as_array().expect("views").clone()
}

#[tokio::test]
async fn restricted_fields_follow_the_need_to_know_and_every_read_is_recorded() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let f = fixture(&app).await;
        // (role, sees the Kenyan detainee, the Jamaican one, Kenyan identity, Jamaican identity,
        //  the complainant's account)
        let expect = [
            (Role::Viewer, false, false, false, false, false),
            (Role::Editor, false, false, false, false, false),
            (Role::Admin, false, false, false, false, false),
            (Role::HrOfficer, false, false, true, true, false),
            (Role::ConductOfficer, true, true, false, false, true),
            (Role::Commander, true, false, true, false, false),
        ];
        for (role, det_ken, det_jam, id_ken, id_jam, account) in expect {
            let c = app.client(Some(role)).await;
            let before = views(&app).await.len();
            let d = c.get("/api/v1/detentions").await.json();
            let shows = |list: &Value, key: &str, id: &str| {
                list.as_array()
                    .expect("list")
                    .iter()
                    .find(|x| x["id"] == id)
                    .unwrap_or_else(|| panic!("{id} not listed"))
                    .get(key)
                    .is_some()
            };
            assert_eq!(
                shows(&d, "person", &f.detention_ken),
                det_ken,
                "{b:?} {role}"
            );
            assert_eq!(
                shows(&d, "person", &f.detention_jam),
                det_jam,
                "{b:?} {role}"
            );
            assert_eq!(
                shows(&d, "grounds", &f.detention_jam),
                det_jam,
                "{b:?} {role}"
            );
            let p = c.get("/api/v1/personnel").await.json();
            assert_eq!(shows(&p, "identity", &f.person_ken), id_ken, "{b:?} {role}");
            assert_eq!(shows(&p, "identity", &f.person_jam), id_jam, "{b:?} {role}");
            let k = c.get("/api/v1/complaints").await.json();
            assert_eq!(shows(&k, "account", &f.complaint), account, "{b:?} {role}");
            assert_eq!(shows(&k, "name", &f.complaint), account, "{b:?} {role}");
            // Each register read that showed something restricted left one audit entry naming
            // the caller and exactly the records shown; the others left none.
            let after = views(&app).await;
            let new: Vec<&Value> = after[before..]
                .iter()
                .filter(|v| v["actor"] == format!("user:{role}"))
                .collect();
            let expected_reads = [det_ken || det_jam, id_ken || id_jam, account]
                .iter()
                .filter(|x| **x)
                .count();
            assert_eq!(new.len(), expected_reads, "{b:?} {role}: {new:?}");
            for v in &new {
                let records = v["records"].as_array().expect("records");
                if v["register"] == "force" {
                    assert_eq!(
                        records.iter().any(|r| r == f.detention_jam.as_str()),
                        det_jam,
                        "{b:?} {role}: {v}"
                    );
                }
            }
        }
        // Only the admin lists the audit.
        for role in [Role::Viewer, Role::ConductOfficer, Role::Commander] {
            let r = app
                .client(Some(role))
                .await
                .get("/api/v1/audit/views")
                .await;
            assert_eq!(r.status, 403, "{role}");
        }
    }
}

/// Every restricted field filled with a unique marker; no public or mission-level endpoint,
/// page or export may contain any of them.
#[tokio::test]
async fn canary_no_restricted_field_leaks() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let f = fixture(&app).await;
        let hr = app.client(Some(Role::HrOfficer)).await;
        let conduct = app.client(Some(Role::ConductOfficer)).await;
        let mark = |n: &str| format!("CANARY{n}XQ");
        let person = id(&hr
            .post_json("/api/v1/personnel", &json!({"mission": "t", "country": "JAM", "unit": "JDF", "category": "military", "deployed_from": "2024-06-25",
                "identity": {"service_number": mark("sn"), "name": mark("name"), "rank": mark("rank")}}))
            .await);
        id(&hr
            .post_json("/api/v1/vetting", &json!({"person": person, "status": "not_cleared", "on": "2024-06-20", "by": "panel", "findings": mark("findings")}))
            .await);
        let mut report = report_body("JAM", "2024-07-03T10:00:00Z", "firearm");
        report["narrative"] = json!(mark("narrative"));
        report["persons_involved"] = json!([person]);
        let report = id(&conduct.post_json("/api/v1/use-of-force", &report).await);
        id(&conduct
            .post_json(
                "/api/v1/use-of-force/reviews",
                &json!({"report": report, "status": "under_review"}),
            )
            .await);
        id(&conduct
            .post_json(
                "/api/v1/use-of-force/reviews",
                &json!({"report": report, "status": "referred", "reason": mark("reason")}),
            )
            .await);
        let mut det = detention_body("JAM", "2024-07-03T11:00:00Z");
        det["grounds"] = json!(mark("grounds"));
        det["person"] =
            json!({"name": mark("detainee"), "sex": "female", "age": 16, "minor": true});
        let det = id(&conduct.post_json("/api/v1/detentions", &det).await);
        id(&conduct
            .post_json("/api/v1/detentions/handovers", &json!({"detention": det, "at": "2024-07-04T09:00:00Z", "station": "Pétion-Ville", "receiving_officer": mark("officer")}))
            .await);
        let r = app
            .anonymous()
            .post_json("/api/v1/complaints", &json!({"language": "ht", "account": mark("account"), "occurred_on": "2024-07-01", "place": mark("place"), "name": mark("complainant"), "contact": mark("contact")}))
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        let case = id(&conduct
            .post_json("/api/v1/cases", &json!({"mission": "t", "category": "category_1", "opened_on": "2024-07-05",
                "allegations": [{"person": person, "country": "JAM", "misconduct": "sexual_abuse"}],
                "investigating_entity": "un_oversight", "summary": mark("summary"), "interim_measures": mark("interim")}))
            .await);
        id(&conduct
            .post_json("/api/v1/cases/updates", &json!({"case": case, "status": "assessed", "on": "2024-07-06", "outcome": mark("outcome"), "actions": mark("actions"), "interim_measures": mark("interim2")}))
            .await);
        // The markers are really there for those who need to know (so the test can fail).
        let full = conduct.get(&format!("/api/v1/detentions/{det}")).await.text;
        assert!(full.contains("CANARY"), "{full}");

        let clients = [
            ("anonymous", app.anonymous()),
            ("viewer", app.client(Some(Role::Viewer)).await),
            ("editor", app.client(Some(Role::Editor)).await),
            ("admin", app.client(Some(Role::Admin)).await),
            // Kenya's commander: the markers are all Jamaican or complaints.
            ("commander", app.client(Some(Role::Commander)).await),
        ];
        let mut paths: Vec<String> = [
            "/api/v1/personnel",
            "/api/v1/personnel/compliance?mission=t",
            "/api/v1/documents",
            "/api/v1/use-of-force",
            "/api/v1/detentions",
            "/api/v1/complaints",
            "/api/v1/cases",
            "/api/v1/statistics?mission=t",
            "/api/v1/missions",
            "/api/v1/timeline?mission=t",
            "/api/v1/sources",
            "/api/v1/log?limit=1000",
            "/api/v1/audit/views",
            "/",
            "/statistics",
            "/log",
            "/personnel",
            "/documents",
            "/use-of-force",
            "/detentions",
            "/cases",
            "/audit",
            "/complaints",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        paths.extend([
            format!("/api/v1/personnel/{person}"),
            format!("/api/v1/use-of-force/{report}"),
            format!("/api/v1/detentions/{det}"),
            format!("/api/v1/cases/{case}"),
            format!("/api/v1/personnel/{}", f.person_ken),
            format!("/api/v1/use-of-force/{}", f.report_jam),
            format!("/personnel/{person}"),
            format!("/use-of-force/{report}"),
            format!("/detentions/{det}"),
            format!("/cases/{case}"),
        ]);
        let mut checked = 0;
        for (who, c) in &clients {
            for p in &paths {
                let r = c.get(p).await;
                assert!(r.status < 500, "{who} {p}: {}", r.status);
                if r.status == 200 {
                    checked += 1;
                }
                assert!(
                    !r.text.contains("CANARY"),
                    "{b:?}: {who} GET {p} shows a restricted field: {}",
                    &r.text[r.text.find("CANARY").unwrap_or(0).saturating_sub(200)..]
                        .chars()
                        .take(400)
                        .collect::<String>()
                );
            }
        }
        // Most of them answered with content (anonymous gets 401 from the registers).
        assert!(checked >= 90, "only {checked} answers checked");
    }
}

#[tokio::test]
async fn assignment_gate_names_what_is_missing() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let hr = app.client(Some(Role::HrOfficer)).await;
    let fresh = id(&hr
        .post_json("/api/v1/personnel", &person_body("KEN", "SN-KEN-9"))
        .await);
    let before = app.log_len().await;
    let r = hr
        .post_json(
            "/api/v1/assignments",
            &json!({"person": fresh, "operation": "Op RN1", "on": "2024-07-01"}),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text);
    let p = r.json();
    assert_eq!(p["code"], "not_eligible");
    let text = p["errors"].to_string();
    assert!(text.contains("no vetting result"), "{text}");
    assert!(
        text.contains("use_of_force_directive version 1.0 not acknowledged"),
        "{text}"
    );
    assert!(
        text.contains("detention_directive version 1.0 not acknowledged"),
        "{text}"
    );
    assert_eq!(app.log_len().await, before, "a refused assignment wrote");
    // The person's page says why in its reader's language, the documents by their names.
    let page = crate::pages::session(&app, Some(Role::HrOfficer)).await;
    for (lang, words) in [
        (
            "fr",
            [
                "aucun résultat de contrôle",
                "prise de connaissance manquante : « directive sur l’usage de la force » version 1.0",
            ],
        ),
        (
            "es",
            [
                "sin resultado de verificación",
                "falta el acuse de recibo: «directiva sobre el uso de la fuerza» versión 1.0",
            ],
        ),
    ] {
        assert_eq!(page.get(&format!("/lang/{lang}?next=/")).await.status, 303);
        let r = page.get(&format!("/personnel/{fresh}?on=2024-07-01")).await;
        assert_eq!(r.status, 200, "{}", r.text);
        for w in words {
            assert!(r.text.contains(w), "{lang}: {w}: {}", r.text);
        }
        assert!(!r.text.contains("not acknowledged"), "{}", r.text);
    }

    // A new version of the directive needs a new acknowledgement.
    id(&hr
        .post_json("/api/v1/documents", &json!({"mission": "t", "kind": "use_of_force_directive", "version": "2.0", "title": "UoF 2", "effective_on": "2025-01-01"}))
        .await);
    let ok = hr
        .post_json(
            "/api/v1/assignments",
            &json!({"person": f.person_ken, "operation": "Op RN1", "on": "2024-12-31"}),
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.text);
    let later = hr
        .post_json(
            "/api/v1/assignments",
            &json!({"person": f.person_ken, "operation": "Op RN1", "on": "2025-01-02"}),
        )
        .await;
    assert_eq!(later.status, 422, "{}", later.text);
    assert!(
        later
            .text
            .contains("use_of_force_directive version 2.0 not acknowledged"),
        "{}",
        later.text
    );
    let detail = hr
        .get(&format!("/api/v1/personnel/{}?on=2025-01-02", f.person_ken))
        .await
        .json();
    assert_eq!(detail["acknowledgements_current"], false, "{detail}");
    // The commander of another contingent cannot assign a Kenyan; Kenya's can.
    let r = app
        .client(Some(Role::Commander))
        .await
        .post_json(
            "/api/v1/assignments",
            &json!({"person": f.person_jam, "operation": "Op", "on": "2024-07-01"}),
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.text);
    let compliance = app
        .client(Some(Role::Viewer))
        .await
        .get("/api/v1/personnel/compliance?mission=t&on=2024-07-01")
        .await
        .json();
    let ken = compliance
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["country"] == "KEN")
        .expect("KEN")
        .clone();
    assert_eq!(ken["deployed"], 2, "{compliance}");
    assert_eq!(ken["vetted"], 1, "{compliance}");
}

#[tokio::test]
async fn clocks_flag_late_reports_and_handover_deadlines() {
    let app = spawn_app().await;
    fixture(&app).await;
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let ago = |h: i64| {
        (OffsetDateTime::now_utc() - Duration::hours(h))
            .format(&Rfc3339)
            .expect("time")
    };
    let late = id(&conduct
        .post_json(
            "/api/v1/use-of-force",
            &report_body("KEN", &ago(30), "verbal"),
        )
        .await);
    let prompt = id(&conduct
        .post_json(
            "/api/v1/use-of-force",
            &report_body("KEN", &ago(2), "verbal"),
        )
        .await);
    for (r, want) in [(&late, true), (&prompt, false)] {
        let v = conduct
            .get(&format!("/api/v1/use-of-force/{r}"))
            .await
            .json();
        assert_eq!(v["late"], want, "{v}");
        assert_eq!(v["review"], "submitted");
    }
    let all = conduct.get("/api/v1/use-of-force?mission=t").await.json();
    assert!(
        all.as_array()
            .expect("list")
            .iter()
            .all(|r| r["review_overdue"] == false),
        "{all}"
    );

    let open_old = id(&conduct
        .post_json("/api/v1/detentions", &detention_body("KEN", &ago(60)))
        .await);
    let open_new = id(&conduct
        .post_json("/api/v1/detentions", &detention_body("KEN", &ago(5)))
        .await);
    let met = id(&conduct
        .post_json("/api/v1/detentions", &detention_body("KEN", &ago(50)))
        .await);
    id(&conduct
        .post_json("/api/v1/detentions/handovers", &json!({"detention": met, "at": ago(20), "station": "Delmas 33", "receiving_officer": "HNP"}))
        .await);
    let breached = id(&conduct
        .post_json("/api/v1/detentions", &detention_body("KEN", &ago(70)))
        .await);
    id(&conduct
        .post_json(
            "/api/v1/detentions/releases",
            &json!({"detention": breached, "at": ago(1), "reason": "released"}),
        )
        .await);
    for (d, want) in [
        (&open_old, "overdue"),
        (&open_new, "due"),
        (&met, "met"),
        (&breached, "breached"),
    ] {
        let v = conduct.get(&format!("/api/v1/detentions/{d}")).await.json();
        assert_eq!(v["clock"], want, "{v}");
    }
}

#[tokio::test]
async fn complaints_give_a_reference_and_a_secret_for_the_status_only() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let anon = app.anonymous();
    let status = |s: &str| json!({"reference": f.complaint_reference, "secret": s});
    let r = anon
        .post_json("/api/v1/complaints/status", &status(&f.complaint_secret))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let v = r.json();
    assert_eq!(v["status"], "received");
    // Nothing but reference, status and date.
    assert_eq!(v.as_object().map(|o| o.len()), Some(3), "{v}");
    // The status follows the case.
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    id(&conduct
        .post_json(
            "/api/v1/cases/updates",
            &json!({"case": f.case, "status": "assessed", "on": "2024-07-06"}),
        )
        .await);
    let v = anon
        .post_json("/api/v1/complaints/status", &status(&f.complaint_secret))
        .await
        .json();
    assert_eq!(v["status"], "assessed", "{v}");
    // A wrong secret is told nothing, and five wrong guesses lock the reference.
    for _ in 0..5 {
        let r = anon
            .post_json("/api/v1/complaints/status", &status("WRONGWRONGWRONG0"))
            .await;
        assert_eq!(r.status, 404, "{}", r.text);
        assert!(!r.text.contains("assessed"));
    }
    let r = anon
        .post_json("/api/v1/complaints/status", &status(&f.complaint_secret))
        .await;
    assert_eq!(r.status, 429, "{}", r.text);
}

#[tokio::test]
async fn statistics_suppress_small_cells_and_count_allegations_the_un_way() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    for day in ["05", "06", "07", "08"] {
        id(&conduct
            .post_json(
                "/api/v1/use-of-force",
                &report_body("KEN", &format!("2024-07-{day}T10:00:00Z"), "verbal"),
            )
            .await);
    }
    // One person, sexual abuse alleged twice and exploitation once: two allegations.
    id(&conduct
        .post_json("/api/v1/cases", &json!({"mission": "t", "category": "category_1", "opened_on": "2024-08-01",
            "allegations": [{"person": f.person_ken, "country": "KEN", "misconduct": "sexual_abuse"},
                            {"person": f.person_jam, "country": "JAM", "misconduct": "sexual_abuse"},
                            {"person": f.person_ken, "country": "KEN", "misconduct": "sexual_exploitation"},
                            {"country": "KEN", "misconduct": "sexual_abuse"}],
            "investigating_entity": "un_oversight", "summary": "SEA"}))
        .await);
    let s = app
        .anonymous()
        .get("/api/v1/statistics?mission=t")
        .await
        .json();
    let table = |key: &str| {
        s["tables"]
            .as_array()
            .expect("tables")
            .iter()
            .find(|t| t["key"] == key)
            .unwrap_or_else(|| panic!("no {key} in {s}"))
            .clone()
    };
    let by_level = table("use_of_force_by_level");
    let row = by_level["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["quarter"] == "2024-Q3")
        .expect("2024-Q3")
        .clone();
    // 2024-Q3: verbal 4, physical 1, firearm 1 (and nothing else): 6 in all.
    let cols: Vec<&str> = by_level["columns"]
        .as_array()
        .expect("cols")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let cell = |c: &str| row["cells"][cols.iter().position(|x| *x == c).expect("column")].clone();
    assert_eq!(cell("verbal"), 4, "{row}");
    assert_eq!(cell("firearm"), "<3", "{row}");
    assert_eq!(cell("physical"), "<3", "{row}");
    assert_eq!(row["total"], 6, "{row}");
    let alleg = table("allegations_by_misconduct");
    let cols: Vec<&str> = alleg["columns"]
        .as_array()
        .expect("cols")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let row = alleg["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["quarter"] == "2024-Q3")
        .expect("Q3")
        .clone();
    // sexual_abuse: Kenyan, Jamaican, unidentified = 3 (the repeated one is not recounted).
    assert_eq!(
        row["cells"][cols.iter().position(|x| *x == "sexual_abuse").expect("col")],
        3,
        "{row}"
    );
}

#[tokio::test]
async fn mission_totals_survive_suppression_but_never_give_a_hidden_quarter_away() {
    let app = spawn_app().await;
    fixture(&app).await;
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    // 2024-Q3: verbal 4 (physical 1 and firearm 1 from the fixture). 2024-Q4: verbal 1 and
    // physical 3.
    for (at, level) in [
        ("2024-07-05T10:00:00Z", "verbal"),
        ("2024-07-06T10:00:00Z", "verbal"),
        ("2024-07-07T10:00:00Z", "verbal"),
        ("2024-07-08T10:00:00Z", "verbal"),
        ("2024-10-02T10:00:00Z", "verbal"),
        ("2024-10-03T10:00:00Z", "physical"),
        ("2024-10-04T10:00:00Z", "physical"),
        ("2024-10-05T10:00:00Z", "physical"),
    ] {
        id(&conduct
            .post_json("/api/v1/use-of-force", &report_body("KEN", at, level))
            .await);
    }
    let s = app
        .anonymous()
        .get("/api/v1/statistics?mission=t")
        .await
        .json();
    let tables = s["tables"].as_array().expect("tables");
    let t = tables
        .iter()
        .find(|t| t["key"] == "use_of_force_by_level")
        .expect("by level");
    let col = |c: &str| {
        t["columns"]
            .as_array()
            .expect("cols")
            .iter()
            .position(|x| x == c)
            .expect("column")
    };
    let quarter = |q: &str| {
        t["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["quarter"] == q)
            .unwrap_or_else(|| panic!("{q} in {t}"))
            .clone()
    };
    let (q3, q4) = (quarter("2024-Q3"), quarter("2024-Q4"));
    assert_eq!(q3["cells"][col("verbal")], 4, "{q3}");
    assert_eq!(q4["cells"][col("verbal")], "<3", "{q4}");
    assert_eq!(q4["cells"][col("physical")], 3, "{q4}");
    assert_eq!(q3["cells"][col("physical")], "<3", "{q3}");
    let mtd = &t["mission_to_date"];
    // Verbal: 4 + 1 = 5 would give the hidden 1 away (5 - 4): only "at least 4".
    assert_eq!(mtd["cells"][col("verbal")], ">=4", "{mtd}");
    // Physical: 1 (hidden) + 3 (shown) = 4 would give the 1 away: "at least 3".
    assert_eq!(mtd["cells"][col("physical")], ">=3", "{mtd}");
    // Firearm: 1 in all, below 3.
    assert_eq!(mtd["cells"][col("firearm")], "<3", "{mtd}");
    assert_eq!(mtd["total"], 10, "{mtd}");
    // Whatever the table: a column with exactly one hidden quarter never has an exact total.
    for t in tables {
        let rows = t["rows"].as_array().expect("rows");
        for (j, c) in t["mission_to_date"]["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .enumerate()
        {
            let hidden = rows.iter().filter(|r| r["cells"][j] == "<3").count();
            if hidden == 1 {
                assert!(!c.is_i64(), "{}: column {j}: {c}", t["key"]);
            }
        }
    }
    // The page shows the line and says the rule.
    let page = app.anonymous().get("/statistics?mission=t").await;
    assert_eq!(page.status, 200);
    let table = &page.text[page
        .text
        .find("id=\"stats-use_of_force_by_level\"")
        .expect("table")..];
    let foot = &table[table.find("<tfoot>").expect("tfoot")..table.find("</tfoot>").expect("end")];
    assert!(foot.contains("Mission to date"), "{foot}");
    assert!(
        foot.contains(">≥ 4<span class=\"sr-only\"> (at least 4"),
        "{foot}"
    );
    assert!(foot.contains(">10</td>"), "{foot}");
    assert!(page.text.contains("id=\"stats-totals-rule\""));
}

#[tokio::test]
async fn bad_register_inputs_are_refused_naming_the_field_and_write_nothing() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let conduct = app.client(Some(Role::ConductOfficer)).await;
    let hr = app.client(Some(Role::HrOfficer)).await;
    let mut neg = report_body("KEN", "2024-07-01T10:00:00Z", "verbal");
    neg["rounds_fired"] = json!(-3);
    neg["injured"] = json!({"civilian": -1});
    let mut unknown_level = report_body("KEN", "2024-07-01T10:00:00Z", "verbal");
    unknown_level["level"] = json!("tank");
    let mut backdated = report_body("KEN", "2024-07-01T10:00:00Z", "verbal");
    backdated["submitted_at"] = json!("2024-07-01T11:00:00Z");
    let mut future = report_body("KEN", "2099-07-01T10:00:00Z", "verbal");
    future["narrative"] = json!("x");
    let mut minor = detention_body("KEN", "2024-07-01T10:00:00Z");
    minor["person"] = json!({"sex": "female", "age": 15, "minor": false});
    let mut harm = detention_body("KEN", "2024-07-01T10:00:00Z");
    harm["harm_in_custody"] = json!("death");
    let anon = app.anonymous();
    let cases: Vec<(&Client, &str, Value, u16, &str)> = vec![
        (&conduct, "/api/v1/use-of-force", neg, 422, "rounds_fired"),
        (
            &conduct,
            "/api/v1/use-of-force",
            report_body("KEN", "2024-07-01T10:00:00Z", "verbal")
                .as_object()
                .map(|o| {
                    let mut o = o.clone();
                    o.remove("narrative");
                    Value::Object(o)
                })
                .unwrap_or_default(),
            422,
            "narrative",
        ),
        (
            &conduct,
            "/api/v1/use-of-force",
            unknown_level,
            422,
            "level",
        ),
        (
            &conduct,
            "/api/v1/use-of-force",
            backdated,
            422,
            "submitted_at",
        ),
        (&conduct, "/api/v1/use-of-force", future, 422, "occurred_at"),
        (&conduct, "/api/v1/detentions", minor, 422, "person.minor"),
        (&conduct, "/api/v1/detentions", harm, 422, "harm_in_custody"),
        (
            &conduct,
            "/api/v1/detentions/handovers",
            json!({"detention": f.detention_ken, "at": "2024-06-30T10:00:00Z", "station": "X", "receiving_officer": "Y"}),
            422,
            "at",
        ),
        (
            &conduct,
            "/api/v1/detentions/handovers",
            json!({"detention": f.report_ken, "at": "2024-07-02T10:00:00Z", "station": "X", "receiving_officer": "Y"}),
            422,
            "detention",
        ),
        (
            &conduct,
            "/api/v1/use-of-force/reviews",
            json!({"report": f.report_ken, "status": "cleared", "reason": "fine"}),
            409,
            "",
        ),
        (
            &conduct,
            "/api/v1/use-of-force/reviews",
            json!({"report": f.report_ken, "status": "referred"}),
            422,
            "reason",
        ),
        (
            &conduct,
            "/api/v1/cases",
            json!({"mission": "t", "category": "category_2", "opened_on": "2024-07-05", "allegations": [{"country": "KEN", "misconduct": "sexual_abuse"}], "investigating_entity": "mission", "summary": "x"}),
            422,
            "category",
        ),
        (
            &conduct,
            "/api/v1/cases",
            json!({"mission": "t", "category": "category_3", "opened_on": "2024-07-05", "allegations": [], "investigating_entity": "mission", "summary": "x"}),
            422,
            "category",
        ),
        (
            &conduct,
            "/api/v1/cases",
            json!({"mission": "t", "complaint": f.complaint, "category": "category_2", "opened_on": "2024-07-05", "allegations": [{"country": "KEN", "misconduct": "fraud"}], "investigating_entity": "mission", "summary": "x"}),
            409,
            "",
        ),
        (
            &conduct,
            "/api/v1/cases/updates",
            json!({"case": f.case, "status": "substantiated", "on": "2024-07-06", "outcome": "x"}),
            409,
            "",
        ),
        (
            &hr,
            "/api/v1/personnel",
            json!({"mission": "t", "country": "XXX", "unit": "u", "category": "police", "deployed_from": "2024-06-25"}),
            422,
            "country",
        ),
        (
            &hr,
            "/api/v1/vetting",
            json!({"person": f.person_ken, "status": "maybe", "on": "2024-06-20", "by": "panel"}),
            422,
            "status",
        ),
        (
            &hr,
            "/api/v1/acknowledgements",
            json!({"person": f.person_ken, "document": f.report_ken, "on": "2024-06-20"}),
            422,
            "document",
        ),
        (
            &hr,
            "/api/v1/personnel/departures",
            json!({"person": f.person_ken, "on": "2024-01-01", "reason": "x"}),
            422,
            "on",
        ),
        (
            &hr,
            "/api/v1/documents",
            json!({"mission": "t", "kind": "use_of_force_directive", "version": "1.0", "title": "dup", "effective_on": "2024-06-01"}),
            409,
            "",
        ),
        (
            &hr,
            "/api/v1/use-of-force",
            report_body("KEN", "2024-07-01T10:00:00Z", "verbal"),
            403,
            "",
        ),
        (
            &conduct,
            "/api/v1/personnel",
            person_body("KEN", "SN-X"),
            403,
            "",
        ),
        (
            &anon,
            "/api/v1/complaints",
            json!({"language": "de", "account": "x"}),
            422,
            "language",
        ),
        (
            &anon,
            "/api/v1/complaints",
            json!({"language": "en", "account": " "}),
            422,
            "account",
        ),
        (
            &anon,
            "/api/v1/complaints",
            json!({"language": "en", "account": "x", "secret_hash": "00"}),
            422,
            "secret_hash",
        ),
    ];
    for (c, path, body, status, field) in cases {
        let before = app.log_len().await;
        let r = c.post_json(path, &body).await;
        assert_eq!(r.status, status, "{path} {body}: {}", r.text);
        if !field.is_empty() {
            let fields: Vec<String> = r.json()["errors"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|e| e["field"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            assert!(
                fields.iter().any(|x| x == field),
                "{path}: expected {field} in {fields:?} {}",
                r.text
            );
        }
        assert!(
            r.content_type.starts_with("application/problem+json"),
            "{path}"
        );
        assert_eq!(
            app.log_len().await,
            before,
            "{path} {body}: refused but wrote"
        );
    }
}

#[tokio::test]
async fn the_log_never_shows_register_content_even_to_admins() {
    let app = spawn_app().await;
    let f = fixture(&app).await;
    let log = app
        .client(Some(Role::Admin))
        .await
        .get("/api/v1/log?limit=1000")
        .await
        .json();
    let entries = log.as_array().expect("entries");
    let det_seq = {
        let mut c = app.store.conn().await.expect("conn");
        konbit_store::log::entries_of_kind(
            &mut c.ex(),
            konbit_domain::EntryKind::DetentionRecorded,
            0,
            1,
        )
        .await
        .expect("entries")[0]
            .seq
    };
    let det = entries
        .iter()
        .find(|e| e["seq"] == det_seq)
        .expect("a detention entry");
    assert_eq!(det["redacted"], true, "{det}");
    assert_eq!(det["classification"], "restricted");
    // Neither its content nor what kind of record it is, when, or by whom.
    for field in ["body", "kind", "actor", "recorded_at", "subject"] {
        assert!(det[field].is_null(), "{field}: {det}");
    }
    assert_eq!(det["hash"].as_str().map(str::len), Some(64));
    // The audit entries themselves are readable by the admin (they hold no personal data).
    conduct_reads(&app, &f).await;
    let log = app
        .client(Some(Role::Admin))
        .await
        .get("/api/v1/log?limit=1000")
        .await
        .json();
    let viewed = log
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["kind"] == "record.viewed")
        .expect("a record.viewed entry")
        .clone();
    assert_eq!(viewed["redacted"], false, "{viewed}");
    let viewer_log = app
        .client(Some(Role::Viewer))
        .await
        .get("/api/v1/log?limit=1000")
        .await
        .json();
    let v = viewer_log
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["seq"] == viewed["seq"])
        .expect("listed")
        .clone();
    assert_eq!(v["redacted"], true, "{v}");
    assert!(v["kind"].is_null() && v["actor"].is_null(), "{v}");
    // The chain still verifies with the registers in it.
    let verify = app.anonymous().get("/api/v1/log/verify").await.json();
    assert_eq!(verify["ok"], true, "{verify}");
}

async fn conduct_reads(app: &TestApp, f: &Fixture) {
    let r = app
        .client(Some(Role::ConductOfficer))
        .await
        .get(&format!("/api/v1/detentions/{}", f.detention_ken))
        .await;
    assert_eq!(r.status, 200);
}

/// The ids of the rows (`<tr data-id="…">`) of a page's text between two markers.
fn rows_between(html: &str, from: &str, to: Option<&str>) -> Vec<String> {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let rest = &html[start..];
    let rest = match to.and_then(|t| rest.find(t)) {
        Some(end) => &rest[..end],
        None => rest,
    };
    rest.split("<tr data-id=\"")
        .skip(1)
        .filter_map(|p| p.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The rows of the personnel register's list.
fn people_rows(html: &str) -> Vec<String> {
    if html.contains("id=\"people-none\"") {
        return Vec::new();
    }
    rows_between(html, "id=\"people\"", None)
}

/// The filtered lists of the registers: each filter keeps what it should, pages stay right with
/// a filter (the filter runs in the store before the page is cut), a search never matches an
/// identity the reader may not see, and bad parameters are refused naming them.
#[tokio::test]
async fn the_personnel_register_filters_searches_and_pages_within_the_need_to_know() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let f = fixture(&app).await;
        let hr = app.client(Some(Role::HrOfficer)).await;
        // 30 more Kenyans (not vetted), a Jamaican soldier relieved at the end of 2024.
        let mut kenyans = vec![f.person_ken.clone()];
        for i in 0..30 {
            kenyans.push(id(&hr
                .post_json(
                    "/api/v1/personnel",
                    &person_body("KEN", &format!("SN-KEN-X{i:02}")),
                )
                .await));
        }
        let soldier = id(&hr
            .post_json("/api/v1/personnel", &json!({"mission": "t", "country": "JAM", "unit": "JDF Engineers",
                "category": "military", "deployed_from": "2024-06-25", "deployed_until": "2024-12-31",
                "identity": {"service_number": "SN-JAM-9", "name": "Private Soldier", "rank": "Private"}}))
            .await);
        let hr_page = crate::pages::session(&app, Some(Role::HrOfficer)).await;
        let get = |c: &konbit_testkit::Client, path: &str| {
            let (c, path) = (c.clone(), path.to_string());
            async move {
                let r = c.get(&path).await;
                assert_eq!(r.status, 200, "{path}: {}", r.text);
                r.text
            }
        };
        // Contributor.
        let jam = people_rows(&get(&hr_page, "/personnel?country=JAM").await);
        assert_eq!(jam.len(), 2, "{jam:?}");
        assert!(jam.contains(&f.person_jam) && jam.contains(&soldier));
        // Pages with a filter: 31 Kenyans, 25 then 6, none twice, no Jamaican.
        let one = get(&hr_page, "/personnel?country=KEN&per=25").await;
        assert!(one.contains("31 people match"), "the count of all pages");
        let first = people_rows(&one);
        assert_eq!(first.len(), 25);
        assert!(one.contains("page=2"), "a link to the next page");
        let second = people_rows(&get(&hr_page, "/personnel?country=KEN&per=25&page=2").await);
        assert_eq!(second.len(), 6);
        let mut all: Vec<String> = first.iter().chain(&second).cloned().collect();
        all.sort();
        all.dedup();
        let mut want = kenyans.clone();
        want.sort();
        assert_eq!(all, want, "every Kenyan once, nobody else");
        // Only the page shown is recorded as read.
        let viewed = views(&app).await;
        let last = viewed.last().expect("a view");
        assert_eq!(last["records"].as_array().map(Vec::len), Some(6));
        // Newest first by default; oldest first when asked.
        assert_eq!(first.first(), kenyans.last());
        let oldest = people_rows(&get(&hr_page, "/personnel?country=KEN&sort=oldest&per=25").await);
        assert_eq!(oldest.first(), Some(&f.person_ken));
        // Category, vetting, deployment.
        assert_eq!(
            people_rows(&get(&hr_page, "/personnel?category=military").await),
            vec![soldier.clone()]
        );
        let mut cleared = people_rows(&get(&hr_page, "/personnel?vetting=cleared").await);
        cleared.sort();
        let mut both = vec![f.person_ken.clone(), f.person_jam.clone()];
        both.sort();
        assert_eq!(cleared, both);
        let unvetted = people_rows(&get(&hr_page, "/personnel?vetting=none&per=200").await);
        assert_eq!(unvetted.len(), 31);
        assert!(!unvetted.contains(&f.person_ken));
        assert_eq!(
            people_rows(&get(&hr_page, "/personnel?deployment=relieved&on=2025-06-01").await),
            vec![soldier.clone()]
        );
        let deployed = people_rows(
            &get(
                &hr_page,
                "/personnel?deployment=deployed&on=2025-06-01&per=200",
            )
            .await,
        );
        assert_eq!(deployed.len(), 32);
        assert!(!deployed.contains(&soldier));
        // Search: a unit, an identity for who may see it.
        assert_eq!(
            people_rows(&get(&hr_page, "/personnel?q=jdf+engineers").await),
            vec![soldier.clone()]
        );
        assert_eq!(
            people_rows(&get(&hr_page, "/personnel?q=SN-JAM-1").await),
            vec![f.person_jam.clone()]
        );
        // The audit names the search that showed the identity.
        let viewed = views(&app).await;
        let last = viewed.last().expect("a view");
        assert_eq!(last["via"], "GET /personnel?q=SN-JAM-1");
        assert_eq!(last["records"], json!([f.person_jam]));
        let filters_kept = get(&hr_page, "/personnel?q=SN-JAM-1&country=JAM").await;
        assert!(
            filters_kept.contains("value=\"SN-JAM-1\""),
            "the search shown again"
        );
        assert!(filters_kept.contains("<option value=\"JAM\" selected>"));
        assert!(filters_kept.contains("id=\"filter-clear\""));
        // The Kenyan commander: Kenyan identities only; a Jamaican's name matches nothing.
        let commander = crate::pages::session(&app, Some(Role::Commander)).await;
        assert_eq!(
            people_rows(&get(&commander, "/personnel?q=SN-KEN-1").await),
            vec![f.person_ken.clone()]
        );
        assert!(people_rows(&get(&commander, "/personnel?q=SN-JAM-1").await).is_empty());
        assert!(people_rows(&get(&commander, "/personnel?q=private+soldier").await).is_empty());
        // A viewer: no identity at all, so no name, rank or number matches.
        let viewer = crate::pages::session(&app, Some(Role::Viewer)).await;
        for q in ["SN-KEN-1", "Officer", "Inspector", "private soldier"] {
            let page = get(&viewer, &format!("/personnel?q={}", q.replace(' ', "+"))).await;
            assert!(people_rows(&page).is_empty(), "{q} matched for a viewer");
        }
        assert_eq!(
            people_rows(&get(&viewer, "/personnel?q=jdf").await),
            vec![soldier.clone()],
            "the unit is not restricted"
        );
        // Bad parameters: 400, naming them, in the reader's language.
        let long = "x".repeat(201);
        for (query, param) in [
            ("country=K1", "country"),
            ("vetting=maybe", "vetting"),
            ("category=navy", "category"),
            ("deployment=away", "deployment"),
            ("sort=name", "sort"),
            ("page=0", "page"),
            ("per=7", "per"),
            (&format!("q={long}") as &str, "q"),
        ] {
            let r = hr_page.get(&format!("/personnel?{query}")).await;
            assert_eq!(r.status, 400, "{query}");
            assert!(
                r.text.contains(&format!("“{param}”")),
                "{query}: {}",
                r.text
            );
            // The way back: the same list without its filters.
            assert!(
                r.text
                    .contains("<a href=\"/personnel\" id=\"error-unfiltered\">"),
                "{query}"
            );
        }
        hr_page.get("/lang/es").await;
        let r = hr_page.get("/personnel?vetting=maybe").await;
        assert_eq!(r.status, 400);
        assert!(r.text.contains("El filtro «vetting»"), "{}", r.text);
    }
}

#[tokio::test]
async fn the_force_and_conduct_registers_filter_by_status_contributor_dates_and_words() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let f = fixture(&app).await;
        let conduct = crate::pages::session(&app, Some(Role::ConductOfficer)).await;
        let get = |path: &str| {
            let (c, path) = (conduct.clone(), path.to_string());
            async move {
                let r = c.get(&path).await;
                assert_eq!(r.status, 200, "{path}: {}", r.text);
                r.text
            }
        };
        // Use of force (the list after the overdue reviews' section).
        let reports = |html: String| rows_between(&html, "id=\"reports\"", None);
        assert_eq!(
            reports(get("/use-of-force?country=JAM").await),
            vec![f.report_jam.clone()]
        );
        assert_eq!(
            reports(get("/use-of-force?from=2024-07-02").await),
            vec![f.report_jam.clone()]
        );
        assert_eq!(
            reports(get("/use-of-force?to=2024-07-01").await),
            vec![f.report_ken.clone()]
        );
        assert_eq!(
            reports(get("/use-of-force?sort=oldest").await),
            vec![f.report_ken.clone(), f.report_jam.clone()]
        );
        assert_eq!(
            reports(get("/use-of-force?q=firearm").await),
            vec![f.report_ken.clone()]
        );
        assert!(
            get("/use-of-force?status=cleared")
                .await
                .contains("id=\"reports-none\"")
        );
        assert_eq!(
            reports(get("/use-of-force?status=submitted").await).len(),
            2
        );
        // Detentions: four spare Kenyan ones in August.
        let detentions = |html: String| {
            if html.contains("id=\"detentions-none\"") {
                Vec::new()
            } else {
                rows_between(&html, "id=\"detentions\"", None)
            }
        };
        let mut august = detentions(get("/detentions?country=KEN&from=2024-08-01").await);
        august.sort();
        let mut spare = f.spare_detentions.clone();
        spare.sort();
        assert_eq!(august, spare);
        assert_eq!(
            detentions(get("/detentions?country=JAM").await),
            vec![f.detention_jam.clone()]
        );
        assert_eq!(
            detentions(get("/detentions?country=KEN&per=25&sort=newest").await).len(),
            5
        );
        // Grounds are restricted: a conduct officer finds them, a viewer does not.
        assert_eq!(detentions(get("/detentions?q=caught+act").await).len(), 6);
        let viewer = crate::pages::session(&app, Some(Role::Viewer)).await;
        let r = viewer.get("/detentions?q=caught").await;
        assert_eq!(r.status, 200);
        assert!(
            detentions(r.text).is_empty(),
            "grounds matched for a viewer"
        );
        // Cases: by status, by the allegations' contributor (conduct officers see them), dates.
        let cases = |html: String| {
            if html.contains("id=\"cases-none\"") {
                Vec::new()
            } else {
                rows_between(&html, "id=\"cases\"", Some("id=\"complaints\""))
            }
        };
        assert_eq!(cases(get("/cases?country=KEN").await), vec![f.case.clone()]);
        assert!(cases(get("/cases?country=JAM").await).is_empty());
        assert!(cases(get("/cases?from=2024-07-06").await).is_empty());
        assert_eq!(
            cases(get("/cases?status=received").await),
            vec![f.case.clone()]
        );
        assert!(cases(get("/cases?status=closed").await).is_empty());
        assert_eq!(cases(get("/cases?q=beating").await), vec![f.case.clone()]);
        let r = viewer.get("/cases?country=KEN").await;
        assert!(
            cases(r.text).is_empty(),
            "an allegation's contributor is restricted"
        );
        // Documents: by kind and words.
        let docs = get("/documents?kind=detention_directive").await;
        assert!(docs.contains("1 document version") || docs.contains("of 2 document versions"));
        assert!(
            !get("/documents?q=nothing+like+this")
                .await
                .contains("<tbody>")
        );
        // Bad values, named.
        for (path, param) in [
            ("/use-of-force?status=lost", "status"),
            ("/use-of-force?from=2024-13-01", "from"),
            ("/detentions?from=2024-08-02&to=2024-08-01", "to"),
            ("/detentions?status=late", "status"),
            ("/cases?status=open", "status"),
            ("/cases?country=Kenya", "country"),
            ("/documents?kind=memo", "kind"),
        ] {
            let r = conduct.get(path).await;
            assert_eq!(r.status, 400, "{path}");
            assert!(r.text.contains(&format!("“{param}”")), "{path}: {}", r.text);
        }
    }
}

#[tokio::test]
async fn the_audit_filters_by_user_record_and_date_newest_first() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let f = fixture(&app).await;
        let hr = crate::pages::session(&app, Some(Role::HrOfficer)).await;
        let commander = crate::pages::session(&app, Some(Role::Commander)).await;
        assert_eq!(
            hr.get(&format!("/personnel/{}", f.person_jam)).await.status,
            200
        );
        assert_eq!(
            commander
                .get(&format!("/personnel/{}", f.person_ken))
                .await
                .status,
            200
        );
        assert_eq!(hr.get("/personnel").await.status, 200);
        let admin = crate::pages::session(&app, Some(Role::Admin)).await;
        let audit = |path: &str| {
            let (c, path) = (admin.clone(), path.to_string());
            async move {
                let r = c.get(&path).await;
                assert_eq!(r.status, 200, "{path}: {}", r.text);
                r.text
            }
        };
        let actors = |html: &str| -> Vec<String> {
            html.split("data-actor=\"")
                .skip(1)
                .filter_map(|p| p.split('"').next())
                .map(str::to_string)
                .collect()
        };
        let seqs = |html: &str| -> Vec<i64> {
            html.split("<tr data-seq=\"")
                .skip(1)
                .filter_map(|p| p.split('"').next()?.parse().ok())
                .collect()
        };
        let whole = audit("/audit").await;
        let all = seqs(&whole);
        assert!(all.len() >= 3, "{all:?}");
        assert!(all.windows(2).all(|w| w[0] > w[1]), "newest first: {all:?}");
        let by_commander = audit("/audit?user=commander").await;
        assert!(!actors(&by_commander).is_empty());
        assert!(actors(&by_commander).iter().all(|a| a == "commander"));
        assert_eq!(
            actors(&audit("/audit?user=user:commander").await),
            actors(&by_commander)
        );
        assert!(
            actors(&audit("/audit?user=hr_officer").await)
                .iter()
                .all(|a| a == "hr_officer")
        );
        // By record: the full id or the 8 characters shown.
        let short = &f.person_jam[f.person_jam.len() - 8..];
        let jam = seqs(&audit(&format!("/audit?record={short}")).await);
        assert!(!jam.is_empty());
        assert_eq!(
            seqs(&audit(&format!("/audit?record={}", f.person_jam)).await),
            jam
        );
        assert_eq!(
            seqs(&audit(&format!("/audit?record={}", f.person_jam.to_uppercase())).await),
            jam
        );
        // The commander never read the Jamaican's record.
        assert!(seqs(&audit(&format!("/audit?record={short}&user=commander")).await).is_empty());
        assert!(jam.len() < all.len());
        // By date.
        let today = OffsetDateTime::now_utc().date().to_string();
        assert_eq!(
            seqs(&audit(&format!("/audit?from={today}&to={today}")).await),
            all
        );
        assert!(
            audit("/audit?to=2020-01-01")
                .await
                .contains("id=\"audit-none\"")
        );
        assert!(seqs(&audit("/audit?from=2999-01-01").await).is_empty());
        // Bad values, named.
        for (query, param) in [
            ("record=xyz", "record"),
            ("record=123456789", "record"),
            ("from=yesterday", "from"),
            ("from=2024-02-01&to=2024-01-01", "to"),
            ("before=0", "before"),
            ("after=-3", "after"),
        ] {
            let r = admin.get(&format!("/audit?{query}")).await;
            assert_eq!(r.status, 400, "{query}");
            assert!(
                r.text.contains(&format!("“{param}”")),
                "{query}: {}",
                r.text
            );
        }
        assert_eq!(hr.get("/audit?user=hr_officer").await.status, 403);
        // Pages of a filtered audit: 100 more reads by the HR officer, among the commander's.
        for i in 0..110 {
            let who = if i % 11 == 0 { &commander } else { &hr };
            let person = if i % 11 == 0 {
                &f.person_ken
            } else {
                &f.person_jam
            };
            assert_eq!(who.get(&format!("/personnel/{person}")).await.status, 200);
        }
        let first = audit("/audit?user=hr_officer").await;
        let first_seqs = seqs(&first);
        assert_eq!(first_seqs.len(), 100);
        assert!(actors(&first).iter().all(|a| a == "hr_officer"));
        let href = |html: &str, id: &str| -> String {
            let at = html.find(&format!("id=\"{id}\"")).expect(id);
            html[..at]
                .rsplit("href=\"")
                .next()
                .and_then(|h| h.split('"').next())
                .expect("href")
                .replace("&#38;", "&")
                .replace("&amp;", "&")
        };
        let older = href(&first, "audit-older");
        assert!(older.contains("user=hr_officer"), "{older}");
        let second = audit(&older).await;
        let second_seqs = seqs(&second);
        assert!(actors(&second).iter().all(|a| a == "hr_officer"));
        assert!(
            second_seqs.iter().all(|s| *s < first_seqs[99]),
            "{older}: {first_seqs:?} then {second_seqs:?}"
        );
        // Every page, to the oldest: the HR officer's reads as the API lists them, newest first,
        // each once.
        let mut walked: Vec<i64> = first_seqs.iter().chain(&second_seqs).copied().collect();
        let mut page = second.clone();
        while page.contains("id=\"audit-older\"") {
            page = audit(&href(&page, "audit-older")).await;
            walked.extend(seqs(&page));
        }
        let mut want: Vec<i64> = views(&app)
            .await
            .iter()
            .filter(|v| v["actor"] == "user:hr_officer")
            .filter_map(|v| v["seq"].as_i64())
            .collect();
        want.reverse();
        assert!(want.len() > 100);
        assert_eq!(walked, want);
        let back = audit(&href(&second, "audit-newer")).await;
        assert_eq!(seqs(&back), first_seqs);
    }
}
