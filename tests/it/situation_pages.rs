//! The situation pages: the map, the weekly timeline, the board, the incident list and one
//! incident's page, by role; the map draws exactly the incidents its filters match, zooms into
//! a department or the capital, groups marks that would overlap without losing one, tells the
//! event type by shape and lists the statuses of sites and roads in words; bad filters are a
//! 400 page naming the parameter; and a mission-classified incident never reaches an
//! anonymous visitor.

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

/// One drawing of the map (`situation-map` for wide screens, `situation-map-narrow`).
fn drawing<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<svg id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let end = start + html[start..].find("</svg>").expect("</svg>");
    &html[start..end]
}

/// The values of an attribute, in order.
fn attrs(svg: &str, attr: &str) -> Vec<String> {
    svg.split(&format!(" {attr}=\""))
        .skip(1)
        .map(|c| c[..c.find('"').expect("end")].to_string())
        .collect()
}

/// The incidents one drawing of a map page reaches: marks alone (`data-id`) and the members of
/// groups (`data-ids`), each once.
fn reached_in(html: &str, id: &str) -> BTreeSet<String> {
    let svg = drawing(html, id);
    let mut all: Vec<String> = attrs(svg, "data-id");
    for g in attrs(svg, "data-ids") {
        all.extend(g.split(' ').map(String::from));
    }
    let set: BTreeSet<String> = all.iter().cloned().collect();
    assert_eq!(set.len(), all.len(), "{id}: an incident drawn twice");
    set
}

/// The incidents a map page reaches, the same in both drawings.
fn circles(html: &str) -> BTreeSet<String> {
    let wide = reached_in(html, "situation-map");
    assert_eq!(wide, reached_in(html, "situation-map-narrow"));
    wide
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
        ("/situation?area=Atlantis", "Atlantis"),
        ("/situation?area=HT-XX", "area"),
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

/// `lon,lat,lon,lat` of a drawing's `data-window`.
fn window(svg: &str) -> [f64; 4] {
    let w: Vec<f64> = attrs(svg, "data-window")[0]
        .split(',')
        .map(|x| x.parse().expect("number"))
        .collect();
    [w[0], w[1], w[2], w[3]]
}

#[tokio::test]
async fn the_map_zooms_into_an_area_and_keeps_only_what_is_inside() {
    let app = spawn_app().await;
    let all = public_incidents(&app, 400).await;
    let c = app.anonymous();
    let g = konbit_domain::situation::gazetteer::haiti();
    let country = c.get("/situation").await;
    let whole = window(drawing(&country.text, "situation-map"));
    // The page links to the whole country (current) and to every area, with no script.
    assert!(
        country
            .text
            .contains("<a href=\"/situation\" aria-current=\"page\" class=\"current\">")
    );
    for code in [
        "port-au-prince",
        "HT-AR",
        "HT-CE",
        "HT-GA",
        "HT-NI",
        "HT-ND",
        "HT-NE",
        "HT-NO",
        "HT-OU",
        "HT-SD",
        "HT-SE",
    ] {
        assert!(
            country
                .text
                .contains(&format!("<a href=\"/situation?area={code}\">")),
            "{code}"
        );
    }
    for (area, communes) in [
        ("port-au-prince", "Port-au-Prince"),
        ("HT-AR", ""),
        ("ht-ou", ""),
    ] {
        let r = c.get(&format!("/situation?area={area}")).await;
        assert_eq!(r.status, 200, "{area}: {}", r.text);
        let svg = drawing(&r.text, "situation-map");
        let w = window(svg);
        assert!(
            (w[2] - w[0]) * (w[3] - w[1]) < (whole[2] - whole[0]) * (whole[3] - whole[1]) / 2.0,
            "{area}: {w:?} narrower than {whole:?}"
        );
        // The area's communes are in the frame.
        let dep = area.to_uppercase();
        for p in g.places.iter().filter(|p| {
            p.kind == konbit_domain::situation::gazetteer::PlaceKind::Commune
                && if communes.is_empty() {
                    p.department == dep
                } else {
                    p.arrondissement == communes
                }
        }) {
            assert!(
                (w[0]..=w[2]).contains(&p.lon) && (w[1]..=w[3]).contains(&p.lat),
                "{area}: {} outside {w:?}",
                p.name
            );
        }
        let inside = |i: &NewIncident| {
            (w[0] - 1e-4..=w[2] + 1e-4).contains(&i.longitude)
                && (w[1] - 1e-4..=w[3] + 1e-4).contains(&i.latitude)
        };
        let want: BTreeSet<String> = all
            .iter()
            .filter(|i| inside(i))
            .map(|i| i.event_id.clone())
            .collect();
        assert!(!want.is_empty() && want.len() < all.len(), "{area}");
        assert_eq!(circles(&r.text), want, "{area}");
        assert!(
            r.text.contains(&format!(
                "{n} incidents shown of {n} matching",
                n = want.len()
            )),
            "{area}"
        );
        assert!(r.text.contains("aria-current=\"page\" class=\"current\""));
        assert!(
            r.text.contains("<a href=\"/situation\">"),
            "back to the country"
        );
        // The filter form keeps the zoom.
        assert!(r.text.contains(&format!(
            "<input type=\"hidden\" name=\"area\" value=\"{}\">",
            if area == "port-au-prince" {
                "port-au-prince".to_string()
            } else {
                dep.clone()
            }
        )));
    }
    // Filters and zoom together; the zoom links keep the filters.
    let r = c.get("/situation?type=battles&area=HT-OU").await;
    assert_eq!(r.status, 200, "{}", r.text);
    let w = window(drawing(&r.text, "situation-map"));
    let want: BTreeSet<String> = all
        .iter()
        .filter(|i| {
            i.event_type == EventType::Battles
                && (w[0]..=w[2]).contains(&i.longitude)
                && (w[1]..=w[3]).contains(&i.latitude)
        })
        .map(|i| i.event_id.clone())
        .collect();
    assert_eq!(circles(&r.text), want);
    assert!(
        r.text
            .contains("<a href=\"/situation?type=battles&#38;area=HT-AR\">")
    );
    assert!(r.text.contains("<a href=\"/situation?type=battles\">"));
    let long = format!("/situation?area={}", "x".repeat(300));
    let r = c.get(&long).await;
    assert_eq!(r.status, 400);
    assert!(r.text.contains("area"));
}

#[tokio::test]
async fn the_map_groups_close_marks_tells_types_by_shape_and_lists_statuses_in_words() {
    let app = spawn_app().await;
    let all = public_incidents(&app, 400).await;
    let editor = app.client(Some(Role::Editor)).await;
    let r = editor
        .post_json(
            "/api/v1/sites/status",
            &serde_json::json!({"site": "airport-mtpp", "status": "closed", "on": "2024-11-12", "classification": "public"}),
        )
        .await;
    assert!(r.status < 300, "{}", r.text);
    let c = app.anonymous();
    let r = c.get("/situation").await;
    assert_eq!(r.status, 200);
    let ids: BTreeSet<String> = all.iter().map(|i| i.event_id.clone()).collect();
    // Every incident is reached, in both drawings, though 400 do not fit apart.
    assert_eq!(circles(&r.text), ids);
    for id in ["situation-map", "situation-map-narrow"] {
        let svg = drawing(&r.text, id);
        let counts: Vec<usize> = attrs(svg, "data-count")
            .iter()
            .map(|n| n.parse().expect("count"))
            .collect();
        assert!(!counts.is_empty(), "{id}: groups");
        let grouped: usize = counts.iter().sum();
        assert_eq!(grouped + attrs(svg, "data-id").len(), all.len(), "{id}");
        // Each link has a touch area of at least 24 px at the width it is drawn for.
        let hits: Vec<f64> = svg
            .split("class=\"hit\"")
            .skip(1)
            .map(|h| {
                let at = h.find(" r=\"").expect("r") + 4;
                h[at..at + h[at..].find('"').expect("end")]
                    .parse()
                    .expect("r")
            })
            .collect();
        assert_eq!(hits.len(), counts.len() + attrs(svg, "data-id").len());
        let min_r = if id == "situation-map" { 20.0 } else { 37.0 };
        assert!(hits.iter().all(|r| *r >= min_r), "{id}");
    }
    // The narrow drawing groups more.
    assert!(
        attrs(drawing(&r.text, "situation-map-narrow"), "data-count").len()
            <= attrs(drawing(&r.text, "situation-map"), "data-count").len()
    );
    // A group links to the list filtered to its box, which holds its members.
    let svg = drawing(&r.text, "situation-map");
    let at = svg.find("<a class=\"group\" href=\"").expect("group") + 23;
    let href = svg[at..at + svg[at..].find('"').expect("end")].replace("&#38;", "&");
    let members: Vec<String> = svg[at..]
        .split(" data-ids=\"")
        .nth(1)
        .map(|x| {
            x[..x.find('"').expect("end")]
                .split(' ')
                .map(String::from)
                .collect()
        })
        .expect("members");
    assert!(href.starts_with("/incidents?bbox="), "{href}");
    let list = c.get(&href).await;
    assert_eq!(list.status, 200, "{href}: {}", list.text);
    // Every member is on one of the list's pages (a hundred rows each).
    let mut pages = list.text.clone();
    for n in 2..=members.len().div_ceil(100) + 1 {
        pages.push_str(&c.get(&format!("{href}&page={n}")).await.text);
    }
    for m in &members {
        assert!(pages.contains(m.as_str()), "{href}: {m}");
    }
    // The list says it is narrowed to that place, and the filter can be dropped.
    let raw = href
        .split("bbox=")
        .nth(1)
        .expect("bbox")
        .split('&')
        .next()
        .expect("value")
        .replace("%2C", ",");
    assert!(
        list.text.contains(&format!(
            "<input type=\"checkbox\" name=\"bbox\" value=\"{raw}\" id=\"bbox\" checked"
        )),
        "{href}"
    );
    // The event type by shape as well as colour: one shape a type, in the marks and the legend.
    let shapes = [
        ("battles", "circle"),
        ("explosions_remote_violence", "star"),
        ("violence_against_civilians", "diamond"),
        ("protests", "triangle-up"),
        ("riots", "triangle-down"),
        ("strategic_developments", "cross"),
    ];
    let marks = attrs(svg, "data-type")
        .into_iter()
        .zip(attrs(svg, "data-shape"));
    let mut seen = 0;
    for (t, shape) in marks {
        let want = shapes.iter().find(|(x, _)| *x == t).expect("type").1;
        assert_eq!(shape, want, "{t}");
        seen += 1;
    }
    assert!(seen > 0);
    let legend = &r.text[r.text.find("id=\"legend\"").expect("legend")..];
    for (t, _) in shapes {
        assert!(legend.contains(&format!("data-type=\"{t}\"><svg")), "{t}");
    }
    // The statuses in words beside the map: every site and segment, with its status and date.
    let g = konbit_domain::situation::gazetteer::haiti();
    assert!(r.text.contains("id=\"statuses\""));
    for s in &g.sites {
        assert!(
            r.text.contains(&format!("<tr data-code=\"{}\"", s.code)),
            "{}",
            s.code
        );
    }
    for s in &g.segments {
        assert!(
            r.text.contains(&format!("<tr data-code=\"{}\"", s.code)),
            "{}",
            s.code
        );
    }
    let row = &r.text[r.text.find("<tr data-code=\"airport-mtpp\"").expect("row")..];
    let row = &row[..row.find("</tr>").expect("end")];
    assert!(row.contains("data-status=\"closed\""), "{row}");
    assert!(
        row.contains(">closed<") && row.contains("since 2024-11-12"),
        "{row}"
    );
    // Zoomed into the Grand'Anse, sites elsewhere leave the list.
    let r = c.get("/situation?area=HT-GA").await;
    assert!(!r.text.contains("<tr data-code=\"airport-mtpp\""));
    assert!(r.text.contains("<tr data-code=\"airport-mtje\""));
}

#[tokio::test]
async fn acled_event_types_are_named_in_the_readers_language() {
    let app = spawn_app().await;
    for (lang, words) in [
        ("en", "Violence against civilians"),
        ("fr", "Violence contre des civils"),
        ("es", "Violencia contra civiles"),
        ("ht", "Vyolans kont sivil"),
    ] {
        let c = app.anonymous();
        assert_eq!(c.get(&format!("/lang/{lang}?next=/")).await.status, 303);
        let page = c.get("/situation").await;
        assert_eq!(page.status, 200, "{lang}");
        assert!(page.text.contains(words), "{lang}: {words}");
    }
}
