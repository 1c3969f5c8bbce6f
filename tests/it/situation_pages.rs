//! The situation pages: the map, the weekly timeline, the board, the incident list and one
//! incident's page, by role; the map draws exactly the incidents its filters match; bad
//! filters are a 400 page naming the parameter; and a mission-classified incident never
//! reaches an anonymous visitor.

use konbit_domain::{
    Classification, Command, Role,
    situation::acled::EventType,
    situation::synthetic,
    situation::{NewIncident, SituationCommand},
};
use konbit_store::{Actor, Envelope};
use konbit_testkit::{TestApp, spawn_app};
use std::collections::BTreeSet;
use time::macros::date;

const ROLES: [Option<Role>; 4] = [
    None,
    Some(Role::Viewer),
    Some(Role::Editor),
    Some(Role::Admin),
];

/// Records incidents with a classification, in one batch.
pub(crate) async fn record(app: &TestApp, list: &[NewIncident], class: Classification) {
    let envs = list
        .iter()
        .map(|i| {
            Envelope::new(
                Command::Situation(SituationCommand::RecordIncident(Box::new(i.clone()))),
                vec![],
                class,
            )
        })
        .collect();
    app.store
        .writer()
        .submit_all(Actor::system("test"), envs)
        .await
        .map_err(|(i, e)| format!("incident {i}: {e}"))
        .expect("incidents recorded");
}

/// `n` synthetic public incidents, recorded; returned for computing what pages should show.
pub(crate) async fn public_incidents(app: &TestApp, n: u64) -> Vec<NewIncident> {
    let list: Vec<NewIncident> = synthetic::incidents(n, 7).collect();
    record(app, &list, Classification::Public).await;
    list
}

/// One mission-classified incident with a recognisable id and note word.
async fn secret_incident(app: &TestApp) -> NewIncident {
    let mut i = synthetic::incidents(1, 4242).next().expect("one incident");
    i.event_id = "MSS-SECRET-1".into();
    i.notes = "zanzibarword observed near the checkpoint".into();
    i.event_date = date!(2025 - 03 - 04);
    i.event_type = EventType::Battles;
    i.sub_event_type = konbit_domain::situation::acled::SubEventType::ArmedClash;
    i.disorder_type = None;
    record(app, std::slice::from_ref(&i), Classification::Mission).await;
    i
}

/// The `data-id`s of the incident circles of a map page.
fn circles(html: &str) -> BTreeSet<String> {
    html.split("<circle class=\"incident\"")
        .skip(1)
        .map(|c| {
            let at = c.find("data-id=\"").expect("data-id") + "data-id=\"".len();
            c[at..at + c[at..].find('"').expect("end")].to_string()
        })
        .collect()
}

#[tokio::test]
async fn the_pages_render_for_every_role_and_hide_mission_incidents_from_the_anonymous() {
    let app = spawn_app().await;
    let public = public_incidents(&app, 60).await;
    let secret = secret_incident(&app).await;
    let pub_id = &public[0].event_id;
    let pages = [
        "/situation",
        "/situation?from=2025-03-01&to=2025-03-31&type=battles",
        "/situation/timeline",
        "/situation/timeline?type=battles,riots&department=HT-OU",
        "/situation/board",
        "/situation/board?on=2025-06-01",
        "/incidents",
        "/incidents?q=zanzibarword",
        "/incidents?from=2025-03-04&to=2025-03-04",
    ];
    for role in ROLES {
        let c = app.client(role).await;
        for p in pages {
            let r = c.get(p).await;
            assert_eq!(r.status, 200, "{p} as {role:?}: {}", r.text);
            assert!(r.text.contains("id=\"nav-situation\""), "{p}: nav link");
            let sees = r.text.contains(&secret.event_id);
            if role.is_none() {
                assert!(
                    !sees,
                    "{p}: the anonymous visitor sees the mission incident"
                );
                assert!(!r.text.contains("zanzibarword") || p.contains("zanzibarword"));
            }
        }
        let one = c.get(&format!("/incidents/{pub_id}")).await;
        assert_eq!(one.status, 200, "{role:?}: {}", one.text);
        assert!(
            one.text.contains(&public[0].actor1.replace('\'', "&#39;"))
                || one.text.contains("Actor 1")
        );
        let s = c.get("/incidents/MSS-SECRET-1").await;
        let map = c.get("/situation?from=2025-03-04&to=2025-03-04").await;
        if role.is_none() {
            assert_eq!(s.status, 404, "anonymous: {}", s.text);
            assert!(!s.text.contains("zanzibarword"));
            assert!(!circles(&map.text).contains("MSS-SECRET-1"));
        } else {
            assert_eq!(s.status, 200, "{role:?}: {}", s.text);
            assert!(s.text.contains("zanzibarword"));
            assert!(circles(&map.text).contains("MSS-SECRET-1"), "{role:?}");
            let found = c.get("/incidents?q=zanzibarword").await;
            assert!(found.text.contains("MSS-SECRET-1"), "{role:?}: search");
        }
    }
    assert_eq!(app.anonymous().get("/incidents/NOPE-1").await.status, 404);
}

/// Which incidents a case should show.
type Keep = Box<dyn Fn(&NewIncident) -> bool>;

#[tokio::test]
async fn the_map_shows_exactly_the_incidents_matching_its_filters() {
    let app = spawn_app().await;
    let all = public_incidents(&app, 400).await;
    let c = app.anonymous();

    let everything = c.get("/situation").await;
    assert_eq!(everything.status, 200);
    let ids: BTreeSet<String> = all.iter().map(|i| i.event_id.clone()).collect();
    assert_eq!(circles(&everything.text), ids);
    assert!(
        everything
            .text
            .contains("400 incidents shown of 400 matching")
    );

    let (from, to) = (date!(2023 - 01 - 01), date!(2024 - 12 - 31));
    let cases: Vec<(String, Keep)> = vec![
        (
            "/situation?from=2023-01-01&to=2024-12-31&type=battles".into(),
            Box::new(move |i: &NewIncident| {
                i.event_date >= from && i.event_date <= to && i.event_type == EventType::Battles
            }),
        ),
        // A plain GET form sends one `type` per ticked box.
        (
            "/situation?from=&to=2024-12-31&type=battles&type=riots&actor=&department=".into(),
            Box::new(move |i: &NewIncident| {
                i.event_date <= to && matches!(i.event_type, EventType::Battles | EventType::Riots)
            }),
        ),
        (
            "/situation?department=HT-AR".into(),
            Box::new(|i: &NewIncident| {
                konbit_domain::situation::gazetteer::haiti()
                    .department(&i.admin1)
                    .is_some_and(|d| d.code == "HT-AR")
            }),
        ),
        (
            "/situation?on=2022-06-30".into(),
            Box::new(|i: &NewIncident| i.event_date <= date!(2022 - 06 - 30)),
        ),
    ];
    for (url, keep) in cases {
        let want: BTreeSet<String> = all
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.event_id.clone())
            .collect();
        assert!(!want.is_empty(), "{url}: the case selects something");
        let r = c.get(&url).await;
        assert_eq!(r.status, 200, "{url}: {}", r.text);
        assert_eq!(circles(&r.text), want, "{url}");
        assert!(
            r.text.contains(&format!(
                "{n} incidents shown of {n} matching",
                n = want.len()
            )),
            "{url}"
        );
        // The list agrees with the map (first page).
        let list = c.get(&url.replace("/situation", "/incidents")).await;
        assert_eq!(list.status, 200);
        assert_eq!(
            list.text.matches("class=\"incident-row\"").count(),
            want.len().min(100),
            "{url}: list"
        );
    }

    for (url, param) in [
        ("/situation?from=2024-13-01", "from"),
        ("/situation?to=yesterday", "to"),
        ("/situation?type=battles&type=picnics", "type"),
        ("/situation?department=Atlantis", "department"),
        ("/situation/timeline?on=soon", "on"),
        ("/situation/board?bbox=1,2", "bbox"),
        ("/incidents?status=rumoured", "status"),
        ("/incidents?page=0", "page"),
        ("/situation?colour=red", "colour"),
    ] {
        let r = c.get(url).await;
        assert_eq!(r.status, 400, "{url}: {}", r.text);
        assert!(r.text.contains(param), "{url} does not name {param}");
        assert!(r.text.contains("<html"), "{url}: an HTML page");
    }
    // A range that ends before it starts holds no day, so no incident.
    let r = c.get("/situation?from=2024-05-01&to=2024-01-01").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text.matches("data-date=").count(), 0);
}

#[tokio::test]
async fn the_list_pages_and_exports_carry_the_filters() {
    let app = spawn_app().await;
    public_incidents(&app, 250).await;
    let c = app.anonymous();
    let r = c
        .get("/incidents?type=battles&type=riots&from=2021-01-01")
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.text.contains(
            "/api/v1/incidents/export?from=2021-01-01&#38;type=battles%2Criots&#38;format=hxl"
        ),
        "{}",
        r.text
    );
    let all = c.get("/incidents").await;
    assert_eq!(all.text.matches("class=\"incident-row\"").count(), 100);
    assert!(all.text.contains("id=\"next-page\""));
    let p3 = c.get("/incidents?page=3").await;
    assert_eq!(p3.text.matches("class=\"incident-row\"").count(), 50);
    assert!(!p3.text.contains("id=\"next-page\""));
    // Newest first.
    let dates: Vec<&str> = all
        .text
        .split("data-date=\"")
        .skip(1)
        .map(|s| &s[..10])
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}
