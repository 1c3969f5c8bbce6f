//! The situational picture over HTTP: incidents read at each clearance and on both clocks,
//! revisions and verification, exports in ACLED, HXL and GeoJSON, search, links to the
//! registers, groups, the site board, indicators, the gazetteer, and bad inputs refused with a
//! problem naming the field and nothing written.

use konbit_domain::Role;
use konbit_testkit::{Client, TestApp, backends, seed, spawn_app_on};
use serde_json::{Value, json};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};

/// A public incident in Artibonite (violence against civilians, 2024-10-03, 10 dead).
pub fn attack(event_id: &str) -> Value {
    json!({"event_id": event_id, "event_date": "2024-10-03", "time_precision": 1,
           "event_type": "violence_against_civilians", "sub_event_type": "attack",
           "actor1": "Gran Grif", "inter1": "political_militia",
           "actor2": "Civilians (Haiti)", "inter2": "civilians", "civilian_targeting": true,
           "admin1": "artibonite", "admin2": "Saint-Marc", "admin3": "Saint-Marc",
           "location": "Pont-Sonde", "latitude": 19.15, "longitude": -72.61, "geo_precision": 1,
           "notes": "Attaque contre des pêcheurs à Pont-Sondé", "fatalities": 10,
           "classification": "public"})
}

/// A mission-level clash in Port-au-Prince (battles, 2024-11-12).
fn clash(event_id: &str) -> Value {
    json!({"event_id": event_id, "event_date": "2024-11-12", "time_precision": 1,
           "event_type": "battles", "sub_event_type": "armed_clash",
           "actor1": "Police Forces of Haiti (2021-)", "inter1": "state_forces",
           "actor2": "Viv Ansanm", "inter2": "political_militia",
           "admin1": "Ouest", "location": "Port-au-Prince", "latitude": 18.54, "longitude": -72.34,
           "geo_precision": 1, "notes": "Exchange of fire near the national palace", "fatalities": 3,
           "classification": "mission"})
}

/// A public protest in Port-au-Prince (2024-12-01).
fn protest(event_id: &str) -> Value {
    json!({"event_id": event_id, "event_date": "2024-12-01", "time_precision": 1,
           "event_type": "protests", "sub_event_type": "peaceful_protest",
           "actor1": "Protesters (Haiti)", "inter1": "protesters",
           "admin1": "HT-OU", "location": "Port-au-Prince", "latitude": 18.54, "longitude": -72.34,
           "geo_precision": 1, "notes": "March against insecurity", "fatalities": 0,
           "classification": "public"})
}

fn created(r: &konbit_testkit::Resp) {
    assert_eq!(r.status, 201, "{}", r.text);
}

fn ids_of(list: &Value) -> Vec<String> {
    let mut v: Vec<String> = list["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .map(|i| i["event_id"].as_str().expect("event_id").to_string())
        .collect();
    v.sort();
    v
}

/// Event ids of an ACLED CSV export, read back with the ACLED reader.
fn acled_ids(text: &str) -> Vec<String> {
    let mut r =
        konbit_domain::situation::acled_csv::Reader::new(text.as_bytes()).expect("ACLED header");
    let mut out = Vec::new();
    while let Some(row) = r.next_row() {
        let row = row.expect("readable").expect("valid row");
        out.push(row.incident.event_id);
    }
    out.sort();
    out
}

async fn export(c: &Client, query: &str) -> Vec<String> {
    let r = c.get(&format!("/api/v1/incidents/export?{query}")).await;
    assert_eq!(r.status, 200, "{query}: {}", r.text);
    acled_ids(&r.text)
}

fn weekly_events(v: &Value) -> i64 {
    v.as_array()
        .expect("weeks")
        .iter()
        .map(|w| w["events"].as_i64().expect("events"))
        .sum()
}

/// Now, as an RFC 3339 `as_of`, between two writes.
async fn instant() -> String {
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    let t = OffsetDateTime::now_utc().format(&Rfc3339).expect("format");
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    t
}

async fn setup(app: &TestApp) -> (Client, Client, Client) {
    seed(app).await;
    let editor = app.client(Some(Role::Editor)).await;
    created(
        &editor
            .post_json("/api/v1/incidents", &attack("MSS-2024-0001"))
            .await,
    );
    created(
        &editor
            .post_json("/api/v1/incidents", &clash("MSS-2024-0002"))
            .await,
    );
    created(
        &editor
            .post_json("/api/v1/incidents", &protest("MSS-2024-0003"))
            .await,
    );
    (
        editor,
        app.client(None).await,
        app.client(Some(Role::Viewer)).await,
    )
}

#[tokio::test]
async fn incidents_are_read_at_the_callers_clearance() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let (_editor, anon, viewer) = setup(&app).await;
        let list = anon.get("/api/v1/incidents").await;
        assert_eq!(list.status, 200, "{}", list.text);
        let list = list.json();
        assert_eq!(list["total"], 2);
        assert_eq!(ids_of(&list), ["MSS-2024-0001", "MSS-2024-0003"]);
        let one = &list["incidents"]
            .as_array()
            .expect("list")
            .iter()
            .find(|i| i["event_id"] == "MSS-2024-0001")
            .expect("listed")
            .clone();
        // The name keeps the spelling it was given; the department is known by its code.
        assert_eq!(one["admin1"], "artibonite", "{one}");
        assert_eq!(one["admin1_code"], "HT-AR");
        assert_eq!(one["status"], "reported");
        assert_eq!(one["classification"], "public");
        assert_eq!(one["event_type"], "violence_against_civilians");
        assert!(one["sources"].is_array());
        let list = viewer.get("/api/v1/incidents").await.json();
        assert_eq!(list["total"], 3);
        let page = viewer.get("/api/v1/incidents?limit=1").await.json();
        assert_eq!(page["total"], 3);
        assert_eq!(page["incidents"].as_array().expect("list").len(), 1);
        assert_eq!(
            page["incidents"][0]["event_id"], "MSS-2024-0003",
            "newest first"
        );

        // One incident: hidden from anonymous callers when it is mission-level.
        let r = anon.get("/api/v1/incidents/MSS-2024-0002").await;
        assert_eq!(r.status, 404, "{}", r.text);
        assert!(r.content_type.starts_with("application/problem+json"));
        let r = viewer.get("/api/v1/incidents/MSS-2024-0002").await;
        assert_eq!(r.status, 200, "{}", r.text);
        assert_eq!(r.json()["current"]["actor2"], "Viv Ansanm");
        assert_eq!(
            anon.get("/api/v1/incidents/NOPE-1").await.status,
            404,
            "unknown"
        );

        // The export, map, search and weekly counts follow the same clearance.
        assert_eq!(
            export(&anon, "format=acled").await,
            ["MSS-2024-0001", "MSS-2024-0003"]
        );
        assert_eq!(export(&viewer, "").await.len(), 3);
        let m = anon.get("/api/v1/incidents/map").await.json();
        assert_eq!(m["matched"], 2, "{m}");
        assert_eq!(m["points"].as_array().expect("points").len(), 2);
        assert_eq!(
            viewer.get("/api/v1/incidents/map").await.json()["matched"],
            3
        );
        let s = anon.get("/api/v1/incidents/search?q=palace").await.json();
        assert_eq!(s["results"].as_array().expect("results").len(), 0, "{s}");
        let s = viewer.get("/api/v1/incidents/search?q=palace").await.json();
        assert_eq!(s["results"][0]["event_id"], "MSS-2024-0002", "{s}");
        let w = anon.get("/api/v1/incidents/weekly").await;
        assert_eq!(w.status, 200, "{}", w.text);
        let w = w.json();
        assert_eq!(weekly_events(&w), 2, "{w}");
        assert_eq!(w[0]["week_start"], "2024-09-30", "a Monday: {w}");
        assert_eq!(
            weekly_events(&viewer.get("/api/v1/incidents/weekly").await.json()),
            3
        );
    }
}

#[tokio::test]
async fn revisions_verification_and_the_two_clocks() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let (editor, anon, viewer) = setup(&app).await;
        let before = instant().await;
        let mut revised = attack("MSS-2024-0001");
        revised["fatalities"] = json!(12);
        revised["notes"] = json!("Attaque contre des pêcheurs à Pont-Sondé; bilan révisé");
        created(
            &editor
                .post_json("/api/v1/incidents/MSS-2024-0001/revisions", &revised)
                .await,
        );
        let now = anon.get("/api/v1/incidents/MSS-2024-0001").await.json();
        assert_eq!(now["current"]["fatalities"], 12, "{now}");
        assert_eq!(now["earlier"].as_array().expect("earlier").len(), 1);
        assert_eq!(now["earlier"][0]["fatalities"], 10);
        let then = anon
            .get(&format!("/api/v1/incidents/MSS-2024-0001?as_of={before}"))
            .await;
        assert_eq!(then.status, 200, "{}", then.text);
        let then = then.json();
        assert_eq!(then["current"]["fatalities"], 10, "{then}");
        assert_eq!(then["earlier"].as_array().expect("earlier").len(), 0);
        let listed = anon
            .get(&format!("/api/v1/incidents?as_of={before}"))
            .await
            .json();
        let a = listed["incidents"]
            .as_array()
            .expect("list")
            .iter()
            .find(|i| i["event_id"] == "MSS-2024-0001")
            .expect("listed")
            .clone();
        assert_eq!(a["fatalities"], 10);

        // A body for another incident than the path's is refused.
        let n = app.log_len().await;
        let r = editor
            .post_json("/api/v1/incidents/MSS-2024-0003/revisions", &revised)
            .await;
        assert_eq!(r.status, 422, "{}", r.text);
        assert!(r.text.contains("event_id"), "{}", r.text);
        assert_eq!(app.log_len().await, n);

        // reported → corroborated → confirmed; confirmed → reported is a conflict.
        // Public assessments: a mission-level one is not shown to anonymous readers.
        let v = |status: &str, on: &str| json!({"status": status, "reason": "second source", "on": on, "classification": "public"});
        created(
            &editor
                .post_json(
                    "/api/v1/incidents/MSS-2024-0001/verification",
                    &v("corroborated", "2024-10-05"),
                )
                .await,
        );
        created(
            &editor
                .post_json(
                    "/api/v1/incidents/MSS-2024-0001/verification",
                    &json!({"incident": "MSS-2024-0001", "status": "confirmed", "reason": "mission patrol", "on": "2024-10-10", "classification": "public"}),
                )
                .await,
        );
        let n = app.log_len().await;
        let r = editor
            .post_json(
                "/api/v1/incidents/MSS-2024-0001/verification",
                &v("reported", "2024-10-11"),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.text);
        assert!(r.content_type.starts_with("application/problem+json"));
        assert_eq!(app.log_len().await, n);
        let d = anon.get("/api/v1/incidents/MSS-2024-0001").await.json();
        assert_eq!(d["current"]["status"], "confirmed");
        assert_eq!(d["verification"].as_array().expect("history").len(), 2);
        let d = anon
            .get("/api/v1/incidents/MSS-2024-0001?on=2024-10-07")
            .await
            .json();
        assert_eq!(d["current"]["status"], "corroborated", "{d}");
        // `on` before any change: the earlier status, in the list and the export.
        let l = anon.get("/api/v1/incidents?on=2024-10-04").await.json();
        assert_eq!(ids_of(&l), ["MSS-2024-0001"]);
        assert_eq!(l["incidents"][0]["status"], "reported", "{l}");
        let l = anon.get("/api/v1/incidents?status=confirmed").await.json();
        assert_eq!(ids_of(&l), ["MSS-2024-0001"]);
        // Read on a date, each incident has its own status: one incident's assessment does not
        // become another's, in the list, the filter or the count.
        let l = anon.get("/api/v1/incidents?on=2025-12-31").await.json();
        let listed = l["incidents"].as_array().expect("list");
        assert!(listed.len() > 1, "{l}");
        for i in listed {
            let own = if i["event_id"] == "MSS-2024-0001" {
                "confirmed"
            } else {
                "reported"
            };
            assert_eq!(i["status"], own, "{l}");
        }
        let l = anon
            .get("/api/v1/incidents?on=2025-12-31&status=confirmed")
            .await
            .json();
        assert_eq!(ids_of(&l), ["MSS-2024-0001"], "{l}");

        // Retracted incidents leave the list and the weekly counts.
        created(
            &editor
                .post_json(
                    "/api/v1/incidents/MSS-2024-0003/verification",
                    &v("retracted", "2024-12-02"),
                )
                .await,
        );
        assert_eq!(
            ids_of(&anon.get("/api/v1/incidents").await.json()),
            ["MSS-2024-0001"]
        );
        assert_eq!(
            weekly_events(&anon.get("/api/v1/incidents/weekly").await.json()),
            1
        );
        assert_eq!(
            ids_of(&anon.get("/api/v1/incidents?status=retracted").await.json()),
            ["MSS-2024-0003"]
        );

        // The export honours type, dates, department, classification and both clocks.
        assert_eq!(export(&viewer, "type=battles").await, ["MSS-2024-0002"]);
        assert_eq!(
            export(&viewer, "from=2024-11-01&to=2024-11-30").await,
            ["MSS-2024-0002"]
        );
        assert_eq!(
            export(&viewer, "department=Artibonite").await,
            ["MSS-2024-0001"]
        );
        assert_eq!(export(&viewer, "department=HT-OU").await, ["MSS-2024-0002"]);
        assert_eq!(export(&anon, "type=battles").await, Vec::<String>::new());
        assert_eq!(export(&viewer, "on=2024-10-31").await, ["MSS-2024-0001"]);
        let r = viewer
            .get(&format!("/api/v1/incidents/export?as_of={before}"))
            .await;
        let mut rd =
            konbit_domain::situation::acled_csv::Reader::new(r.text.as_bytes()).expect("header");
        let mut fatalities = Vec::new();
        while let Some(row) = rd.next_row() {
            let row = row.expect("readable").expect("valid");
            fatalities.push((row.incident.event_id, row.incident.fatalities));
        }
        fatalities.sort();
        // Before the revision and before the retraction: the old figure, all three incidents.
        assert_eq!(
            fatalities,
            [
                ("MSS-2024-0001".to_string(), 10),
                ("MSS-2024-0002".to_string(), 3),
                ("MSS-2024-0003".to_string(), 0)
            ]
        );
        let hxl = viewer
            .get(&format!(
                "/api/v1/incidents/export?format=hxl&on=2024-10-07&as_of={}",
                instant().await
            ))
            .await;
        assert!(hxl.text.contains("corroborated"), "{}", hxl.text);
    }
}

#[tokio::test]
async fn exports_in_acled_hxl_and_geojson() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let (_editor, _anon, viewer) = setup(&app).await;
        let r = viewer.get("/api/v1/incidents/export?format=acled").await;
        assert_eq!(r.status, 200, "{}", r.text);
        assert!(r.content_type.starts_with("text/csv"), "{}", r.content_type);
        assert_eq!(
            r.headers
                .get("content-disposition")
                .and_then(|v| v.to_str().ok()),
            Some("attachment; filename=\"incidents.csv\"")
        );
        let header: Vec<&str> = r.text.lines().next().expect("header").split(',').collect();
        assert_eq!(header.len(), 31);
        assert_eq!(header, konbit_domain::situation::acled_csv::ACLED_COLUMNS);
        assert_eq!(acled_ids(&r.text).len(), 3);

        let r = viewer.get("/api/v1/incidents/export?format=hxl").await;
        assert_eq!(r.status, 200, "{}", r.text);
        assert!(r.content_type.starts_with("text/csv"));
        let second = r.text.lines().nth(1).expect("hashtag row");
        assert!(second.starts_with("#event+code"), "{second}");
        assert_eq!(r.text.lines().count(), 2 + 3);

        let r = viewer.get("/api/v1/incidents/export?format=geojson").await;
        assert_eq!(r.status, 200, "{}", r.text);
        assert!(r.content_type.starts_with("application/geo+json"));
        let g: Value = serde_json::from_str(&r.text).expect("GeoJSON");
        assert_eq!(g["type"], "FeatureCollection");
        assert_eq!(g["features"].as_array().expect("features").len(), 3);
        let g: Value = serde_json::from_str(
            &viewer
                .get("/api/v1/incidents/export?format=geojson&type=riots")
                .await
                .text,
        )
        .expect("empty GeoJSON");
        assert_eq!(g["features"].as_array().expect("features").len(), 0);

        let r = viewer.get("/api/v1/incidents/export?format=xlsx").await;
        assert_eq!(r.status, 400, "{}", r.text);
    }
}

#[tokio::test]
async fn search_finds_an_incident_by_a_word_of_its_notes() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let (editor, anon, _viewer) = setup(&app).await;
        let s = anon.get("/api/v1/incidents/search?q=insecurity").await;
        assert_eq!(s.status, 200, "{}", s.text);
        assert_eq!(s.json()["results"][0]["event_id"], "MSS-2024-0003");
        let s = anon.get("/api/v1/incidents/search?q=p%C3%AAcheurs").await;
        assert_eq!(s.json()["results"][0]["event_id"], "MSS-2024-0001");
        // Accents do not matter, on either backend: typed without them, or as a prefix.
        for q in ["pecheurs", "PECHEUR", "p%C3%A9cheurs"] {
            let s = anon
                .get(&format!("/api/v1/incidents/search?q={q}"))
                .await
                .json();
            assert_eq!(
                s["results"][0]["event_id"], "MSS-2024-0001",
                "{b:?} {q}: {s}"
            );
        }
        // More matches than asked for: the newest come, however the backend finds them
        // (PostgreSQL tries the newest rows before its full-text index).
        for id in ["MSS-2024-0201", "MSS-2024-0202", "MSS-2024-0203"] {
            let r = editor.post_json("/api/v1/incidents", &attack(id)).await;
            assert_eq!(r.status, 201, "{}", r.text);
        }
        let s = anon
            .get("/api/v1/incidents/search?q=gran%20grif&limit=2")
            .await
            .json();
        let ids: Vec<&str> = s["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter_map(|r| r["event_id"].as_str())
            .collect();
        assert_eq!(ids, ["MSS-2024-0203", "MSS-2024-0202"], "{b:?}: {s}");
        for bad in ["", "?q=", &format!("?q={}", "a".repeat(201))] {
            let r = anon.get(&format!("/api/v1/incidents/search{bad}")).await;
            assert_eq!(r.status, 400, "{bad}: {}", r.text);
        }
    }
}

#[tokio::test]
async fn bad_inputs_are_refused_naming_the_field_and_nothing_is_written() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let (editor, anon, _viewer) = setup(&app).await;
        let base = attack("MSS-2024-0100");
        let with = |k: &str, v: Value| {
            let mut x = base.clone();
            x[k] = v;
            x
        };
        let cases: Vec<(&str, Value, u16, &str)> = vec![
            (
                "/api/v1/incidents",
                with("event_type", json!("gangs")),
                422,
                "event_type",
            ),
            (
                "/api/v1/incidents",
                with("sub_event_type", json!("armed_clash")),
                422,
                "sub_event_type",
            ),
            (
                "/api/v1/incidents",
                {
                    let mut x = with("latitude", json!(25.77));
                    x["longitude"] = json!(-80.19);
                    x
                },
                422,
                "latitude",
            ),
            (
                "/api/v1/incidents",
                with("admin1", json!("Florida")),
                422,
                "admin1",
            ),
            (
                "/api/v1/incidents",
                with("time_precision", json!(4)),
                422,
                "time_precision",
            ),
            (
                "/api/v1/incidents",
                attack("MSS-2024-0001"),
                409,
                "already recorded",
            ),
            (
                "/api/v1/incidents/NOPE-1/verification",
                json!({"status": "corroborated", "reason": "r", "on": "2024-10-05"}),
                422,
                "incident",
            ),
            (
                "/api/v1/incidents/MSS-2024-0001/verification",
                json!({"status": "confirmed", "reason": "r", "on": "2024-10-05"}),
                409,
                "cannot become",
            ),
            (
                "/api/v1/incidents/MSS-2024-0001/verification",
                json!({"incident": "MSS-2024-0003", "status": "corroborated", "reason": "r", "on": "2024-10-05"}),
                422,
                "incident",
            ),
            (
                "/api/v1/incidents/MSS-2024-0001/links",
                json!({"register": "use_of_force", "record": uuid::Uuid::now_v7()}),
                422,
                "record",
            ),
            (
                // A verification is shown with its (public) incident: it cannot be restricted.
                "/api/v1/incidents/MSS-2024-0001/verification",
                json!({"status": "corroborated", "reason": "r", "on": "2024-10-05", "classification": "restricted"}),
                422,
                "classification",
            ),
            (
                "/api/v1/sites/status",
                json!({"site": "airport-nowhere", "status": "secured", "on": "2024-10-01"}),
                422,
                "site",
            ),
            (
                "/api/v1/sites/status",
                json!({"site": "airport-mtpp", "status": "held_by_armed_groups", "on": "2024-10-01", "held_by": "no-such-gang"}),
                422,
                "held_by",
            ),
            (
                "/api/v1/routes/status",
                json!({"segment": "RN9-9", "status": "open", "on": "2024-10-01"}),
                422,
                "segment",
            ),
            (
                "/api/v1/armed-groups/designations",
                json!({"group": "no-such-gang", "kind": "un_sanctions", "authority": "UNO", "on": "2024-10-01", "reference": "S/RES/2653 (2022)"}),
                422,
                "group",
            ),
            (
                "/api/v1/indicators",
                json!({"indicator": "idps", "from": "2024-10-01", "to": "2024-10-01", "area": "Florida", "value": 700000, "qualifier": "about"}),
                422,
                "area",
            ),
        ];
        for (path, body, status, needle) in cases {
            let n = app.log_len().await;
            let r = editor.post_json(path, &body).await;
            assert_eq!(r.status, status, "{path} {body}: {}", r.text);
            assert!(
                r.content_type.starts_with("application/problem+json"),
                "{path}: {}",
                r.content_type
            );
            assert!(
                r.text.contains(needle),
                "{path}: {needle} not in {}",
                r.text
            );
            assert_eq!(app.log_len().await, n, "{path} {body} wrote");
        }
        for q in [
            "from=2024-13-01",
            "type=gangs",
            "type=",
            "bbox=1,2,3",
            "department=Florida",
            "status=rumoured",
            "as_of=yesterday",
            "limit=0",
            "limit=1001",
            "colour=red",
        ] {
            let r = anon.get(&format!("/api/v1/incidents?{q}")).await;
            assert_eq!(r.status, 400, "{q}: {}", r.text);
            let field = q.split('=').next().expect("name");
            assert!(r.text.contains(field), "{q}: {}", r.text);
        }
        for path in [
            "/api/v1/incidents/export?type=gangs",
            "/api/v1/incidents/map?bbox=1,2,3",
            "/api/v1/incidents/weekly?from=2024-13-01",
            "/api/v1/armed-groups?on=2024-13-01",
            "/api/v1/sites?on=soon",
            "/api/v1/indicators?as_of=x",
        ] {
            let r = anon.get(path).await;
            assert_eq!(r.status, 400, "{path}: {}", r.text);
        }
    }
}

#[tokio::test]
async fn groups_sites_indicators_links_and_the_gazetteer() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let f = crate::registers::fixture(&app).await;
        let editor = app.client(Some(Role::Editor)).await;
        let anon = app.client(None).await;
        created(
            &editor
                .post_json("/api/v1/incidents", &attack("MSS-2024-0001"))
                .await,
        );

        // Links: editor or conduct officer, to a record that exists.
        let link = json!({"register": "use_of_force", "record": f.report_ken});
        let conduct = app.client(Some(Role::ConductOfficer)).await;
        created(
            &conduct
                .post_json("/api/v1/incidents/MSS-2024-0001/links", &link)
                .await,
        );
        let viewer = app.client(Some(Role::Viewer)).await;
        let r = viewer
            .post_json("/api/v1/incidents/MSS-2024-0001/links", &link)
            .await;
        assert_eq!(r.status, 403, "{}", r.text);
        created(
            &editor
                .post_json(
                    "/api/v1/incidents/MSS-2024-0001/links",
                    &json!({"register": "detention", "record": f.detention_ken, "classification": "public"}),
                )
                .await,
        );
        // Links take their incident's classification (public here), whatever the request said
        // below it: they are shown with the incident.
        let d = anon.get("/api/v1/incidents/MSS-2024-0001").await.json();
        assert_eq!(d["links"].as_array().expect("links").len(), 2, "{d}");
        let d = viewer.get("/api/v1/incidents/MSS-2024-0001").await.json();
        assert_eq!(d["links"].as_array().expect("links").len(), 2, "{d}");
        assert_eq!(d["links"][0]["register"], "use_of_force");

        // Groups and designations, as of a date.
        created(&editor.post_json("/api/v1/armed-groups", &json!({"code": "viv-ansanm", "name": "Viv Ansanm", "kind": "coalition", "on": "2023-09-20", "classification": "public"})).await);
        created(&editor.post_json("/api/v1/armed-groups", &json!({"code": "gran-grif", "name": "Gran Grif", "kind": "group", "member_of": ["viv-ansanm"], "leaders": [{"name": "Luckson Elan", "role": "leader"}], "on": "2024-01-01", "classification": "public"})).await);
        created(&editor.post_json("/api/v1/armed-groups/designations", &json!({"group": "viv-ansanm", "kind": "us_fto", "authority": "USA", "on": "2025-05-02", "reference": "90 FR 18888", "classification": "public"})).await);
        let g = anon.get("/api/v1/armed-groups?on=2024-06-01").await;
        assert_eq!(g.status, 200, "{}", g.text);
        let g = g.json();
        assert_eq!(g.as_array().expect("groups").len(), 2, "{g}");
        assert_eq!(g[0]["code"], "viv-ansanm", "coalitions first: {g}");
        assert_eq!(g[0]["designations"].as_array().expect("d").len(), 0);
        assert_eq!(g[1]["member_of"][0], "viv-ansanm");
        assert_eq!(g[1]["leaders"][0]["name"], "Luckson Elan");
        let g = anon.get("/api/v1/armed-groups?on=2025-06-01").await.json();
        assert_eq!(g[0]["designations"][0]["kind"], "us_fto", "{g}");
        assert_eq!(
            anon.get("/api/v1/armed-groups?on=2023-01-01")
                .await
                .json()
                .as_array()
                .expect("groups")
                .len(),
            0
        );

        // The site board: every site and segment, "unknown" until a status is recorded.
        created(&editor.post_json("/api/v1/sites/status", &json!({"site": "airport-mtpp", "status": "closed", "on": "2024-11-12", "classification": "public"})).await);
        created(&editor.post_json("/api/v1/routes/status", &json!({"segment": "RN1-1", "status": "dangerous", "on": "2024-06-01", "held_by": "viv-ansanm", "classification": "public"})).await);
        let board = anon.get("/api/v1/sites?on=2024-12-01").await.json();
        let gz = anon.get("/api/v1/gazetteer").await;
        assert_eq!(gz.status, 200, "{}", gz.text);
        let gz = gz.json();
        assert_eq!(
            board["sites"].as_array().expect("sites").len(),
            gz["sites"].as_array().expect("sites").len()
        );
        assert_eq!(
            board["segments"].as_array().expect("segments").len(),
            gz["segments"].as_array().expect("segments").len()
        );
        assert!(gz["places"].as_array().expect("places").len() >= 10);
        let find = |list: &Value, code: &str| {
            list.as_array()
                .expect("list")
                .iter()
                .find(|x| x["code"] == code)
                .unwrap_or_else(|| panic!("{code}"))
                .clone()
        };
        assert_eq!(find(&board["sites"], "airport-mtpp")["status"], "closed");
        assert_eq!(find(&board["segments"], "RN1-1")["held_by"], "viv-ansanm");
        assert_eq!(find(&board["segments"], "RN1-2")["status"], "unknown");
        let earlier = anon.get("/api/v1/sites?on=2024-11-01").await.json();
        assert_eq!(find(&earlier["sites"], "airport-mtpp")["status"], "unknown");

        // Indicators, by the end of their period; mission-level ones for logged-in readers.
        created(&editor.post_json("/api/v1/indicators", &json!({"indicator": "idps", "from": "2024-09-30", "to": "2024-09-30", "area": "HTI", "value": 702973, "qualifier": "exact", "classification": "public"})).await);
        created(&editor.post_json("/api/v1/indicators", &json!({"indicator": "killed", "from": "2024-10-01", "to": "2024-12-31", "area": "HT-OU", "value": 1732, "qualifier": "at_least"})).await);
        let i = anon.get("/api/v1/indicators?on=2025-01-31").await.json();
        assert_eq!(i.as_array().expect("values").len(), 1, "{i}");
        assert_eq!(i[0]["value"], 702973);
        let i = viewer.get("/api/v1/indicators?on=2025-01-31").await.json();
        assert_eq!(i.as_array().expect("values").len(), 2, "{i}");
        let i = viewer.get("/api/v1/indicators?on=2024-12-01").await.json();
        assert_eq!(i.as_array().expect("values").len(), 1, "{i}");

        // Writes need the editor role.
        let n = app.log_len().await;
        for c in [&anon, &viewer] {
            let r = c
                .post_json("/api/v1/incidents", &attack("MSS-2024-0200"))
                .await;
            assert!(r.status == 401 || r.status == 403, "{}", r.text);
        }
        assert_eq!(app.log_len().await, n);
    }
}

/// A JSON column that does not decode (a damaged database, a bad migration) is a server error
/// naming nothing on the wire, never an empty list presented as the truth.
#[tokio::test]
async fn a_damaged_json_column_is_an_error_not_an_empty_list() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let editor = app.client(Some(Role::Editor)).await;
        let anon = app.client(None).await;
        created(&editor.post_json("/api/v1/armed-groups", &json!({"code": "gran-grif", "name": "Gran Grif", "kind": "group", "leaders": [{"name": "Luckson Elan", "role": "leader"}], "on": "2024-01-01", "classification": "public"})).await);
        let g = anon.get("/api/v1/armed-groups?on=2024-06-01").await;
        assert_eq!(g.status, 200, "{}", g.text);
        assert_eq!(g.json()[0]["leaders"][0]["name"], "Luckson Elan");
        let board = anon.get("/situation/board?on=2024-06-01").await;
        assert_eq!(board.status, 200, "{}", board.text);
        assert!(board.text.contains("Luckson Elan"));

        app.sql("UPDATE armed_groups SET leaders = 'not json'")
            .await
            .expect("damage");

        let g = anon.get("/api/v1/armed-groups?on=2024-06-01").await;
        assert_eq!(g.status, 500, "{}", g.text);
        assert!(!g.text.contains("not json"), "{}", g.text);
        let board = anon.get("/situation/board?on=2024-06-01").await;
        assert_eq!(board.status, 500, "{}", board.status);
    }
}
