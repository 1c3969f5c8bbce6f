//! The desk: what is due appears for those who may resolve it (a commander: their contingent's)
//! and leaves once resolved; the same list as JSON and as a page.

use crate::pages::session;
use konbit_domain::Role;
use konbit_testkit::{seed, spawn_app};
use serde_json::json;
use time::{Duration, OffsetDateTime, format_description::well_known::Rfc3339};

/// Records an arrest `hours` ago in the mission `t`, through the API; its id.
async fn arrest(co: &konbit_testkit::Client, hours: i64) -> String {
    let arrested = (OffsetDateTime::now_utc() - Duration::hours(hours))
        .format(&Rfc3339)
        .expect("time");
    let r = co
        .post_json(
            "/api/v1/detentions",
            &json!({"mission": "t", "country": "KEN", "arresting_unit": "KEN GSU 1",
                "arrested_at": arrested, "place": "Cabaret", "grounds": "g",
                "person": {"sex": "male", "minor": false}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    r.json()["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn a_handover_due_is_on_the_desks_of_those_who_may_record_it_until_it_is_recorded() {
    let app = spawn_app().await;
    seed(&app).await;
    let co = app.client(Some(Role::ConductOfficer)).await;
    // Arrested 40 hours ago: the 48-hour deadline is 8 hours away, inside the 12-hour warning.
    let id = arrest(&co, 40).await;

    let on_desk = |v: &serde_json::Value| {
        v.as_array()
            .expect("list")
            .iter()
            .any(|i| i["record"] == id.as_str() && i["kind"] == "handover_due")
    };
    let desk = co.get("/api/v1/desk").await;
    assert_eq!(desk.status, 200, "{}", desk.text);
    let items = desk.json();
    assert!(on_desk(&items), "{items}");
    let item = items
        .as_array()
        .expect("list")
        .iter()
        .find(|i| i["record"] == id.as_str())
        .expect("item")
        .clone();
    assert_eq!(item["resolves"], "detention.handed_over");
    assert_eq!(item["country"], "KEN");
    // The commander of the contingent sees it; an HR officer and a viewer do not (they may not
    // record a handover); anonymous callers get 401.
    let cmd = app.client(Some(Role::Commander)).await;
    assert!(on_desk(&cmd.get("/api/v1/desk").await.json()));
    for role in [Role::HrOfficer, Role::Viewer] {
        let c = app.client(Some(role)).await;
        assert!(!on_desk(&c.get("/api/v1/desk").await.json()), "{role}");
    }
    assert_eq!(app.anonymous().get("/api/v1/desk").await.status, 401);

    // The page lists it with the form that resolves it.
    let page = session(&app, Some(Role::ConductOfficer))
        .await
        .get("/desk")
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains(&format!("/detentions/handovers/new?detention={id}"))
    );
    assert!(page.text.contains("data-kind=\"handover_due\""));

    let handed = (OffsetDateTime::now_utc() - Duration::hours(1))
        .format(&Rfc3339)
        .expect("time");
    let r = co
        .post_json(
            "/api/v1/detentions/handovers",
            &json!({"detention": id, "at": handed, "station": "Cabaret", "receiving_officer": "o"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert!(!on_desk(&co.get("/api/v1/desk").await.json()));
}

#[tokio::test]
async fn the_desk_deadlines_are_a_calendar_feed_behind_a_secret_of_its_own() {
    let app = spawn_app().await;
    seed(&app).await;
    let co = app.client(Some(Role::ConductOfficer)).await;
    // Arrested 50 hours ago: the handover is overdue.
    let id = arrest(&co, 50).await;

    // The desk page issues an address, once, through a form (CSRF as everywhere).
    let c = session(&app, Some(Role::ConductOfficer)).await;
    let page = c.get("/desk").await;
    let token = crate::pages::csrf(&page.text);
    let r = c.post_form("/desk/calendar", &[("csrf", &token)]).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.headers.get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let at = r.text.find("/desk.ics?token=").expect("the address");
    let secret: String = r.text[at + "/desk.ics?token=".len()..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(secret.len(), 64);

    // A calendar fetches it without logging in.
    let anon = app.anonymous();
    let feed = anon.get(&format!("/desk.ics?token={secret}")).await;
    assert_eq!(feed.status, 200, "{}", feed.text);
    assert!(
        feed.content_type.starts_with("text/calendar"),
        "{}",
        feed.content_type
    );
    assert!(
        feed.text.starts_with("BEGIN:VCALENDAR\r\n"),
        "{}",
        feed.text
    );
    assert!(
        feed.text
            .contains(&format!("UID:handover_overdue-{id}@konbit")),
        "{}",
        feed.text
    );
    assert!(
        feed.text.contains("SUMMARY:Handover overdue"),
        "{}",
        feed.text
    );
    // Lines are folded at 75 octets, as RFC 5545 asks.
    assert!(
        feed.text.split("\r\n").all(|l| l.len() <= 75),
        "{}",
        feed.text
    );

    // Another secret, a malformed one, or none: nothing is shown.
    for bad in [
        "/desk.ics".to_string(),
        "/desk.ics?token=xyz".to_string(),
        format!("/desk.ics?token={}", "0".repeat(64)),
    ] {
        let r = anon.get(&bad).await;
        assert_eq!(r.status, 404, "{bad}");
        assert!(!r.text.contains(&id), "{bad}");
    }
    // The address is not an API token or a session.
    let r = anon
        .http
        .get(format!("{}/api/v1/desk", anon.base))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("request");
    assert_eq!(r.status().as_u16(), 401);
}
