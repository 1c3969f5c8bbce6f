//! Media monitoring in the record: articles with their claims on the press pages, a claim
//! accepted through the form of the record it becomes (both entries or neither), a claim
//! dismissed through the API, every bad decision refused with its field named and nothing
//! written, and the pages by role.

use crate::pages::{csrf, session};
use konbit_domain::media::{Claim, MediaCommand, NewArticle};
use konbit_domain::{Classification, Command, Role};
use konbit_store::{Actor, Envelope};
use konbit_testkit::{TestApp, backends, seed, spawn_app, spawn_app_on};
use serde_json::json;
use uuid::Uuid;

fn claim(
    kind: &str,
    event: &str,
    subject: &str,
    value: Option<i64>,
    date: &str,
    text: &str,
) -> Claim {
    Claim {
        kind: kind.into(),
        event: event.into(),
        subject: subject.into(),
        value,
        category: (kind == "personnel").then(|| "police".to_string()),
        date: Some(date.into()),
        date_precision: "day".into(),
        text: text.into(),
        ..Claim::default()
    }
}

/// Registers a news article as a source through the API and records its text and claims as
/// ingest does; returns its id.
async fn article(app: &TestApp, title: &str, content: &str, claims: Vec<Claim>) -> Uuid {
    let editor = app.client(Some(Role::Editor)).await;
    let r = editor
        .post_json(
            "/api/v1/sources",
            &json!({"kind": "news_article", "title": title, "url": format!("https://news.example/{}", title.len()), "outlet": "Wire", "published_on": "2023-10-06", "reliability": "C", "credibility": 6, "classification": "public"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id: Uuid = r.json()["id"].as_str().expect("id").parse().expect("uuid");
    let body = NewArticle {
        source: id,
        language: "en".into(),
        published_basis: "the page's header".into(),
        story: None,
        summary: None,
        content: content.into(),
        claims,
    };
    app.store
        .submit(
            Actor::system("test"),
            Envelope {
                subject: Some(id),
                ..Envelope::new(
                    Command::Media(MediaCommand::RecordArticle(body)),
                    vec![],
                    Classification::Public,
                )
            },
        )
        .await
        .expect("article recorded");
    id
}

#[tokio::test]
async fn press_claims_are_accepted_with_their_record_or_dismissed_and_bad_decisions_write_nothing()
{
    for backend in backends() {
        decisions_on(spawn_app_on(backend).await).await;
    }
}

/// The decisions on press claims, on one backend.
async fn decisions_on(app: TestApp) {
    seed(&app).await;
    let text = "Kenya pledged 1,000 police officers on 5 October. The violence has displaced 200,000 people. Ruto visited Port-au-Prince.";
    let a = article(
        &app,
        "Kenya pledges police for Haiti",
        text,
        vec![
            claim(
                "personnel",
                "pledged",
                "KEN",
                Some(1000),
                "2023-10-05",
                "Kenya pledged 1,000 police officers",
            ),
            claim(
                "displacement",
                "displaced",
                "HTI",
                Some(200_000),
                "2023-10-06",
                "The violence has displaced 200,000 people",
            ),
            claim(
                "event",
                "official_visit",
                "KEN",
                None,
                "2023-10-06",
                "Ruto visited Port-au-Prince",
            ),
        ],
    )
    .await;
    let b = article(
        &app,
        "Kenya to send 1,200 officers",
        "Kenya pledged 1,200 police officers on 5 October.",
        vec![claim(
            "personnel",
            "pledged",
            "KEN",
            Some(1200),
            "2023-10-05",
            "Kenya pledged 1,200 police officers",
        )],
    )
    .await;

    // The pages: staff only; the decisions offered to those who may make them.
    let r = app.anonymous().get("/press").await;
    assert_eq!(r.status, 303);
    let viewer = session(&app, Some(Role::Viewer)).await;
    let feed = viewer.get("/press").await;
    assert_eq!(feed.status, 200);
    assert!(
        feed.text.contains("Kenya pledges police for Haiti")
            && feed.text.contains("2 articles in 2 stories"),
        "{}",
        feed.text
    );
    let page = viewer.get(&format!("/press/articles/{a}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("id=\"span-0\"") && page.text.contains("id=\"span-2\""),
        "each span marked"
    );
    assert!(
        !page.text.contains("/press/claims/dismissed/new"),
        "a viewer decides nothing"
    );
    let r = viewer.get("/press?language=xx").await;
    assert_eq!(r.status, 400, "an unknown language is named");
    assert_eq!(
        viewer.get("/press?page=0").await.status,
        400,
        "pages count from 1"
    );
    let second = viewer.get("/press?per=25&page=2").await;
    assert_eq!(second.status, 200);
    assert!(
        !second.text.contains("Kenya pledges police for Haiti"),
        "two stories fit on page 1"
    );
    assert_eq!(
        viewer
            .get(&format!("/press/articles/{}", Uuid::nil()))
            .await
            .status,
        404
    );
    let conflicts = viewer.get("/press/conflicts").await;
    assert_eq!(conflicts.status, 200);
    assert!(
        conflicts.text.contains(">1,000<") && conflicts.text.contains(">1,200<"),
        "the two articles' figures side by side"
    );
    let ed = session(&app, Some(Role::Editor)).await;
    let page = ed.get(&format!("/press/articles/{a}")).await;
    let link = format!(
        "/pledges/new?mission=t&#38;country=KEN&#38;pledged_on=2023-10-05&#38;personnel.police=1000&#38;sources={a}&#38;press_claim={a}/0"
    );
    assert!(
        page.text.contains(&link),
        "the pledge form filled in from the claim: {}",
        page.text
    );

    // Accepted through the pledge's own form: the pledge, citing the article, and the
    // acceptance naming it, together.
    let form = ed.get(&link.replace("&#38;", "&")).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text.contains("Kenya pledged 1,000 police officers")
            && form.text.contains("name=\"press_claim\"")
    );
    let token = csrf(&form.text);
    let claim0 = format!("{a}/0");
    let a_text = a.to_string();
    let fields = [
        ("csrf", token.as_str()),
        ("mission", "t"),
        ("country", "KEN"),
        ("pledged_on", "2023-10-05"),
        ("personnel.police", "1000"),
        ("personnel.military", "0"),
        ("personnel.civilian", "0"),
        ("classification", "mission"),
        ("sources", a_text.as_str()),
        ("press_claim", claim0.as_str()),
    ];
    let before = app.log_len().await;
    let r = ed.post_form("/pledges/new", &fields).await;
    assert_eq!(r.status, 303, "{}", r.text);
    let to = r
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        to.starts_with(&format!("/press/articles/{a}?recorded=")) && to.ends_with("#claim-0"),
        "{to}"
    );
    assert_eq!(app.log_len().await, before + 2);
    let api = app.client(Some(Role::Editor)).await;
    let got = api.get(&format!("/api/v1/press/articles/{a}")).await;
    assert_eq!(got.status, 200);
    let v = got.json();
    assert_eq!(v["claims"][0]["status"]["status"], "accepted", "{v}");
    assert_eq!(
        v["verdicts"][0]["status"], "agrees",
        "the record now holds it: {v}"
    );
    let record = v["claims"][0]["status"]["record"]
        .as_str()
        .expect("record")
        .to_string();
    let log = api.get(&format!("/api/v1/log?after={before}")).await.json();
    let pledge = log
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["kind"] == "pledge.recorded")
        .expect("the pledge");
    assert_eq!(pledge["subject"], record.as_str());
    assert!(
        pledge["sources"]
            .as_str()
            .unwrap_or_default()
            .contains(&a_text),
        "the article is its source: {pledge}"
    );
    // The same claim again: refused, and the pledge with it.
    let form = ed.get(&link.replace("&#38;", "&")).await;
    let token = csrf(&form.text);
    let mut again = fields.to_vec();
    again[0].1 = token.as_str();
    // The form first asks whether the same pledge twice is meant; confirmed, the store refuses.
    again.push(("confirm", "true"));
    let before = app.log_len().await;
    let r = ed.post_form("/pledges/new", &again).await;
    assert_eq!(r.status, 422);
    assert!(
        r.text.contains("already been accepted or dismissed"),
        "{}",
        r.text
    );
    assert_eq!(app.log_len().await, before, "neither entry written");

    // Dismissed through the API; every bad decision refused with its field, nothing written.
    let before = app.log_len().await;
    let cases = [
        (
            json!({"article": a, "claim": 9, "reason": "x"}),
            422,
            "claim",
        ),
        (
            json!({"article": Uuid::nil(), "claim": 0, "reason": "x"}),
            422,
            "article",
        ),
        (
            json!({"article": a, "claim": 2, "reason": " "}),
            422,
            "reason",
        ),
        (
            json!({"article": a, "claim": 500, "reason": "x"}),
            422,
            "claim",
        ),
        (
            json!({"article": a, "claim": -1, "reason": "x"}),
            422,
            "claim",
        ),
        (
            json!({"article": a, "claim": 0, "reason": "a second thought"}),
            409,
            "",
        ),
    ];
    for (body, status, field) in cases {
        let r = api.post_json("/api/v1/press/claims/dismissed", &body).await;
        assert_eq!(r.status, status, "{body}: {}", r.text);
        assert!(r.text.contains(field), "{body} names {field}: {}", r.text);
    }
    let r = api
        .post_json(
            "/api/v1/press/claims/accepted",
            &json!({"article": a, "claim": 1, "record": record}),
        )
        .await;
    assert_eq!(
        r.status, 422,
        "a displacement figure is not held by a pledge: {}",
        r.text
    );
    assert!(r.text.contains("\"record\""), "{}", r.text);
    let r = api
        .post_json(
            "/api/v1/press/claims/accepted",
            &json!({"article": a, "claim": 1, "record": Uuid::nil()}),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text);
    let r = app
        .client(Some(Role::Viewer))
        .await
        .post_json(
            "/api/v1/press/claims/dismissed",
            &json!({"article": a, "claim": 2, "reason": "not a figure"}),
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        app.log_len().await,
        before,
        "nothing written by a refused decision"
    );
    let r = api
        .post_json(
            "/api/v1/press/claims/dismissed",
            &json!({"article": a, "claim": 2, "reason": "a visit, not a figure"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let page = ed.get(&format!("/press/articles/{a}")).await;
    assert!(
        page.text.contains("a visit, not a figure") && page.text.contains("span span-dismissed")
    );
    // The contributor's page sets what the press says of it beside its record, for staff.
    let page = viewer.get("/missions/t/contributors/KEN").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("id=\"press\"")
            && page.text.contains("Kenya pledged 1,200 police officers"),
        "{}",
        page.text
    );
    assert!(
        !page.text.contains("a visit, not a figure"),
        "a dismissed claim is left out"
    );
    // (The pledge is mission-level: the public does not see Kenya in the mission at all.)
    let public = app.anonymous().get("/missions/t/contributors/KEN").await;
    assert!(
        !public.text.contains("id=\"press\""),
        "the press section is staff's"
    );
    // The other article is untouched, and both survive a rebuild of the projections.
    let v = api.get(&format!("/api/v1/press/articles/{b}")).await.json();
    assert_eq!(v["claims"][0]["status"]["status"], "open");
    let before = api.get("/api/v1/press/articles").await.json();
    app.store.writer().rebuild().await.expect("rebuild");
    assert_eq!(api.get("/api/v1/press/articles").await.json(), before);
}

/// The values a browser would send for the page's command form as it stands: text inputs,
/// ticked boxes, chosen options and text areas (what the page filled in).
fn form_values(html: &str) -> Vec<(String, String)> {
    let start = html
        .find("class=\"form form-grid\"")
        .expect("a command form");
    let form = &html[start..start + html[start..].find("</form>").expect("form end")];
    let unescape = |v: &str| {
        v.replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#60;", "<")
            .replace("&#62;", ">")
            .replace("&quot;", "\"")
            .replace("&#38;", "&")
            .replace("&amp;", "&")
    };
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        Some(unescape(&tag[at..at + tag[at..].find('"')?]))
    };
    let mut out = Vec::new();
    for part in form.split('<').skip(1) {
        let tag = &part[..part.find('>').unwrap_or(part.len())];
        if let Some(rest) = tag.strip_prefix("input ") {
            let kind = attr(rest, "type").unwrap_or_default();
            let Some(name) = attr(rest, "name") else {
                continue;
            };
            if (kind == "checkbox" || kind == "radio") && !rest.contains(" checked") {
                continue;
            }
            if name.starts_with("new_source.") || kind == "submit" {
                continue;
            }
            out.push((name, attr(rest, "value").unwrap_or_default()));
        } else if let Some(rest) = tag.strip_prefix("textarea ") {
            let Some(name) = attr(rest, "name") else {
                continue;
            };
            if name.starts_with("new_source.") {
                continue;
            }
            let body = &part[part.find('>').map_or(part.len(), |i| i + 1)..];
            out.push((name, unescape(body)));
        }
    }
    // Chosen options of each select.
    for sel in form.split("<select ").skip(1) {
        let head = &sel[..sel.find('>').unwrap_or(0)];
        let Some(name) = attr(&format!(" {head}"), "name") else {
            continue;
        };
        if name.starts_with("new_source.") {
            continue;
        }
        let body = &sel[..sel.find("</select>").unwrap_or(sel.len())];
        for opt in body.split("<option").skip(1) {
            let tag = &opt[..opt.find('>').unwrap_or(0)];
            if tag.contains(" selected") {
                out.push((name.clone(), attr(tag, "value").unwrap_or_default()));
            }
        }
    }
    out
}

#[tokio::test]
async fn a_death_toll_from_the_press_is_added_to_its_incident_with_the_claims_acceptance() {
    let app = spawn_app().await;
    seed(&app).await;
    let api = app.client(Some(Role::Editor)).await;
    let r = api
        .post_json(
            "/api/v1/incidents",
            &crate::situation::attack("MSS-2024-0100"),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let incident: Uuid = r.json()["id"].as_str().expect("id").parse().expect("uuid");
    let a = article(
        &app,
        "Gang attack kills ten fishermen",
        "A gang attack killed 10 people in Pont-Sonde on 3 October. Police said more were missing.",
        vec![claim(
            "casualties",
            "killed",
            "HTI",
            Some(10),
            "2024-10-03",
            "A gang attack killed 10 people in Pont-Sonde",
        )],
    )
    .await;
    let ed = session(&app, Some(Role::Editor)).await;
    let page = ed.get("/incidents/MSS-2024-0100").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text
            .contains("A gang attack killed 10 people in Pont-Sonde"),
        "the claim beside the incident"
    );
    let at = page
        .text
        .find("/incidents/MSS-2024-0100/revisions/new?")
        .expect("the link that adds the toll");
    let link = page.text[at..at + page.text[at..].find('"').expect("end")].replace("&#38;", "&");
    assert!(
        link.contains(&format!("press_claim={a}/0/{incident}")),
        "{link}"
    );
    // The revision form opens with the incident as it stands and the toll added, citing the
    // article.
    let form = ed.get(&link).await;
    assert_eq!(form.status, 200, "{}", form.text);
    let mut values = form_values(&form.text);
    let get = |values: &[(String, String)], k: &str| {
        values
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        get(&values, "actor1"),
        "Gran Grif",
        "prefilled from the incident"
    );
    assert_eq!(get(&values, "location"), "Pont-Sonde");
    assert_eq!(get(&values, "fatality_claims[0].figure"), "10");
    assert_eq!(get(&values, "fatality_claims[0].sources"), a.to_string());
    assert_eq!(get(&values, "press_claim"), format!("{a}/0/{incident}"));
    values.retain(|(k, _)| k != "add_source" && k != "more");
    let before = app.log_len().await;
    let pairs: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = ed
        .post_form("/incidents/MSS-2024-0100/revisions/new", &pairs)
        .await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(
        app.log_len().await,
        before + 2,
        "the revision and the acceptance"
    );
    let v = api.get(&format!("/api/v1/press/articles/{a}")).await.json();
    assert_eq!(
        v["claims"][0]["status"]["record"],
        incident.to_string(),
        "{v}"
    );
    let i = api.get("/api/v1/incidents/MSS-2024-0100").await.json();
    assert!(
        i.to_string().contains(&a.to_string()),
        "the article is the toll's source: {i}"
    );
    // Opened again, nothing is offered: the claim is decided.
    let page = ed.get("/incidents/MSS-2024-0100").await;
    assert!(!page.text.contains("revisions/new?fatality_claims"));
}
