//! The Haiti scenario loads through the write path, verifies, and says what the sources say.

use konbit_domain::Role;
use konbit_scenario as scenario;
use konbit_store::{Store, Visibility, situation};
use konbit_testkit::{backends, spawn_app_on};
use serde_json::Value;
use std::path::Path;
use time::macros::date;

fn haiti() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/haiti-mss"
    ))
}

#[tokio::test]
async fn the_haiti_scenario_loads_and_verifies() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let report = scenario::load(&app.store, haiti()).await.expect("load");
        // Every file, situation.toml included, in one batch.
        assert_eq!(
            (report.entries, report.count("source")),
            (803, 228),
            "{report:?}"
        );
        // The situational picture (situation.toml) and the synthetic accountability registers
        // (registers.toml): commands per table, nested items per `table.field`.
        for (table, want) in [
            ("armed_group", 21),
            ("designation", 17),
            ("incident", 21),
            ("incident.fatality_claims", 22),
            ("verification", 31),
            ("site_status", 22),
            ("route_status", 21),
            ("indicator", 42),
            ("document", 10),
            ("person", 28),
            ("acknowledgement", 165),
            ("use_of_force", 10),
            ("detention", 7),
            ("complaint", 6),
            ("case", 4),
        ] {
            assert_eq!(report.count(table), want, "{table}: {report:?}");
        }
        let v = app.anonymous().get("/api/v1/log/verify").await.json();
        assert_eq!(v["ok"], true, "{v}");
        situation_is_recorded(&app.store).await;

        let anon = app.anonymous();
        let missions = anon.get("/api/v1/missions?on=2024-10-01").await.json();
        let mss = missions
            .as_array()
            .expect("missions")
            .iter()
            .find(|m| m["slug"] == "mss")
            .expect("mss")
            .clone();
        let res: Vec<i64> = mss["mandates"]
            .as_array()
            .expect("mandates")
            .iter()
            .filter_map(|m| m["resolution"].as_i64())
            .collect();
        assert_eq!(res, vec![2699, 2751]);
        assert_eq!(mss["authorized_until"], "2025-10-02");
        assert_eq!(mss["successor"]["successor"], "gsf");
        let gsf = anon.get("/api/v1/missions/gsf?on=2025-12-01").await.json();
        assert_eq!(gsf["ceiling"], 5550);
        assert_eq!(gsf["mandates"][0]["resolution"], 2793);

        // Every contributor the issue names is there.
        let list = anon
            .get("/api/v1/contributors?mission=mss&on=2025-06-01")
            .await
            .json();
        let codes: Vec<&str> = list
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|c| c["country"].as_str())
            .collect();
        for c in [
            "KEN", "JAM", "BLZ", "BHS", "GTM", "SLV", "BRB", "BGD", "BEN", "TCD",
        ] {
            assert!(codes.contains(&c), "{c} missing from {codes:?}");
        }
        let ken = |v: &Value| {
            v.as_array()
                .expect("list")
                .iter()
                .find(|c| c["country"] == "KEN")
                .map(|c| c["deployed"]["police"].as_i64().unwrap_or(0))
                .unwrap_or(0)
        };
        assert_eq!(
            ken(&anon
                .get("/api/v1/contributors?mission=mss&on=2024-06-24")
                .await
                .json()),
            0
        );
        assert!(
            ken(&anon
                .get("/api/v1/contributors?mission=mss&on=2024-06-25")
                .await
                .json())
                > 0
        );

        // Kenya's authorization chain, with the disputed first contingent.
        let detail = app
            .client(Some(Role::Viewer))
            .await
            .get("/api/v1/contributors/KEN?mission=mss")
            .await
            .json();
        let kinds: Vec<&str> = detail["authorizations"]
            .as_array()
            .expect("auth")
            .iter()
            .filter_map(|a| a["kind"].as_str())
            .collect();
        for k in [
            "national_approval",
            "parliamentary_vote",
            "court_ruling",
            "bilateral_agreement",
        ] {
            assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
        }
        let agreement = detail["authorizations"]
            .as_array()
            .expect("auth")
            .iter()
            .find(|a| a["kind"] == "bilateral_agreement")
            .expect("agreement")
            .clone();
        assert_eq!(agreement["issued_on"], "2024-03-01");
        let disputed = detail["discrepancies"]
            .as_array()
            .expect("disc")
            .iter()
            .any(|d| {
                let vals: Vec<&str> = d["claims"]
                    .as_array()
                    .map(|c| c.iter().filter_map(|x| x["value"].as_str()).collect())
                    .unwrap_or_default();
                vals.contains(&"400") && vals.contains(&"200")
            });
        assert!(
            disputed,
            "the 400-or-200 disagreement is kept: {}",
            detail["discrepancies"]
        );
        // Every record cites a source.
        for d in detail["deployments"].as_array().expect("deployments") {
            assert!(
                !d["meta"]["sources"].as_array().expect("sources").is_empty(),
                "{d}"
            );
        }
    }
}

/// What situation.toml holds, read back through the store's reads.
async fn situation_is_recorded(store: &Store) {
    let mut conn = store.conn().await.expect("conn");
    let mut ex = conn.ex();
    let vis = Visibility::ALL;

    // Pont-Sondé: ACLED's most conservative figure of four claims, each with its sources.
    let pont = situation::incident(&mut ex, "MSS-2024-0008", vis)
        .await
        .expect("incident")
        .expect("Pont-Sondé is recorded");
    let v = &pont.versions[0];
    assert_eq!(v.fatalities, 100);
    assert_eq!(v.event_date, date!(2024 - 10 - 03));
    let claims: Vec<Value> = serde_json::from_str(&v.fatality_claims).expect("claims");
    let figures: Vec<&str> = claims.iter().filter_map(|c| c["figure"].as_str()).collect();
    assert_eq!(figures, ["at least 115", "115", "109", "over 100"]);
    for c in &claims {
        assert!(!c["sources"].as_array().expect("sources").is_empty(), "{c}");
    }
    // Its verification history: corroborated, then confirmed.
    let history: Vec<(&str, time::Date)> = pont
        .statuses
        .iter()
        .map(|s| (s.status.as_str(), s.on_date))
        .collect();
    assert_eq!(
        history,
        [
            ("corroborated", date!(2024 - 10 - 03)),
            ("confirmed", date!(2025 - 07 - 31))
        ]
    );
    assert_eq!(v.status, "confirmed");

    // The airport is closed on 2024-11-20 (from the 11 November shootings at aircraft).
    let board = situation::place_statuses(&mut ex, vis, date!(2024 - 11 - 20))
        .await
        .expect("statuses");
    let airport = board
        .iter()
        .rfind(|r| r.kind == "site" && r.place == "airport-mtpp")
        .expect("the airport has a status");
    assert_eq!(airport.status, "closed", "{airport:?}");
    assert_eq!(airport.on_date, date!(2024 - 11 - 11));

    // Indicators.
    let obs = situation::observations(&mut ex, vis, date!(2026 - 12 - 31))
        .await
        .expect("observations");
    assert_eq!(obs.len(), 42);
    assert!(
        obs.iter().any(|o| o.indicator == "killed"
            && o.area == "HTI"
            && o.from_date == date!(2024 - 01 - 01)
            && o.to_date == date!(2024 - 03 - 31)
            && o.value == 1660),
        "killed in 2024 Q1"
    );

    // Groups: coalitions and their members, with designations.
    let groups = situation::groups(&mut ex, vis, date!(2025 - 06 - 01))
        .await
        .expect("groups");
    let (gran_grif, designations) = groups
        .iter()
        .find(|(g, _)| g.code == "gran-grif")
        .expect("Gran Grif");
    assert_eq!(gran_grif.on_date, date!(2025 - 05 - 02));
    assert!(
        designations.iter().any(|d| d.kind == "us_fto"),
        "{designations:?}"
    );
    assert!(
        groups
            .iter()
            .any(|(g, _)| g.code == "viv-ansanm" && g.kind == "coalition")
    );

    // The incidents' discrepancies name the incident's record.
    let disputed = konbit_store::sources::discrepancies(&mut ex, &[v.id], vis)
        .await
        .expect("discrepancies");
    assert_eq!(disputed.len(), 1, "{disputed:?}");
    assert_eq!(disputed[0].field, "event_date");
    let dates: Vec<&str> = disputed[0]
        .claims
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(dates, ["2024-10-03", "2024-10-02"]);
    let mut about = Vec::new();
    for id in [
        "MSS-2024-0002",
        "MSS-2024-0008",
        "MSS-2024-0010",
        "MSS-2025-0002",
        "MSS-2025-0003",
        "MSS-2025-0004",
        "MSS-2025-0006",
        "MSS-2025-0007",
    ] {
        let h = situation::incident(&mut ex, id, vis)
            .await
            .expect("incident")
            .unwrap_or_else(|| panic!("{id} is recorded"));
        about.push(h.versions[0].id);
    }
    let all = konbit_store::sources::discrepancies(&mut ex, &about, vis)
        .await
        .expect("discrepancies");
    assert_eq!(all.len(), 11, "{all:?}");
}
