//! The Haiti scenario loads through the write path, verifies, and says what the sources say.

use konbit_domain::Role;
use konbit_store::scenario;
use konbit_testkit::{backends, spawn_app_on};
use serde_json::Value;
use std::path::Path;

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
        assert!(report.sources >= 40, "{report:?}");
        // The synthetic accountability registers (registers.toml).
        assert_eq!(
            (
                report.documents,
                report.persons,
                report.acknowledgements,
                report.use_of_force,
                report.detentions,
                report.complaints,
                report.cases,
            ),
            (10, 28, 165, 10, 7, 6, 4),
            "{report:?}"
        );
        let v = app.anonymous().get("/api/v1/log/verify").await.json();
        assert_eq!(v["ok"], true, "{v}");

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
