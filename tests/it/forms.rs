//! The page forms built from each command's definition: every form as every role (the table of
//! rights decides, nothing written when refused), a refused form kept with its field named, and
//! an arrest and its handover recorded by a conduct officer through the forms.

use crate::pages::{csrf, session};
use konbit_domain::Named;
use konbit_domain::{
    EntryKind, Role,
    access::{self, Access, Sender},
};
use konbit_testkit::{seed, spawn_app};

fn location(r: &konbit_testkit::Resp) -> String {
    r.headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn filled(page: &str) -> String {
    page.replace("{event_id}", "MSS-2024-0001")
        .replace("{id}", "0190f0f0-0000-7000-8000-000000000001")
}

fn may(role: Role, kind: EntryKind) -> bool {
    let access = Access {
        role,
        country: role.needs_country().then(|| "KEN".to_string()),
    };
    access::may_send_some(&Sender::User(access), kind).is_ok()
}

#[tokio::test]
async fn every_form_answers_each_role_as_the_table_of_rights_says() {
    let app = spawn_app().await;
    seed(&app).await;
    let forms = konbit_web::form_pages();
    assert!(forms.len() >= 35, "{}", forms.len());
    let anon = app.anonymous();
    for (page, _) in &forms {
        let r = anon.get(&filled(page)).await;
        assert_eq!(r.status, 303, "{page} anonymous");
        assert!(location(&r).starts_with("/login?next="), "{page}");
    }
    for role in Role::ALL {
        let c = session(&app, Some(*role)).await;
        let token = csrf(&c.get("/new").await.text);
        for (page, kind) in &forms {
            let path = filled(page);
            let r = c.get(&path).await;
            let allowed = may(*role, *kind);
            assert_eq!(
                r.status,
                if allowed { 200 } else { 403 },
                "{role} GET {page}"
            );
            if allowed {
                assert!(r.text.contains("name=\"csrf\""), "{page}");
            } else {
                // Posting anyway is refused before anything is read, and nothing is written.
                let before = app.log_len().await;
                let r = c.post_form(&path, &[("csrf", &token)]).await;
                assert_eq!(r.status, 403, "{role} POST {page}");
                assert_eq!(app.log_len().await, before, "{role} POST {page}");
            }
        }
        // The list of forms offers exactly those this role may fill in (without a record).
        let list = c.get("/new").await;
        assert_eq!(list.status, 200);
        for (page, kind) in &forms {
            if !page.contains('{') {
                assert_eq!(
                    list.text.contains(&format!("href=\"{page}\"")),
                    may(*role, *kind),
                    "{role} /new lists {page}"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_conduct_officer_records_an_arrest_and_its_handover_through_the_forms() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::ConductOfficer)).await;
    let page = c.get("/detentions/new").await;
    assert_eq!(page.status, 200);
    // The fields come from the command, in its order, with the enumerations' labels.
    let at = |s: &str| page.text.find(s).unwrap_or(usize::MAX);
    assert!(at("name=\"mission\"") < at("name=\"arrested_at\""));
    assert!(at("name=\"arrested_at\"") < at("name=\"person.sex\""));
    assert!(page.text.contains("name=\"arrested_at.offset\""));
    // The custody clock beside the arrest: the rule, and what the page's script needs.
    assert!(
        page.text
            .contains("data-clock-field=\"arrested_at\" data-clock-hours=\"48\""),
        "{}",
        page.text
    );
    assert!(page.text.contains("within 48 hours of the arrest"));
    let token = csrf(&page.text);
    let before = app.log_len().await;

    // Bad values: an impossible time, a negative age, no unit. The form comes back with each
    // field named and every value kept; nothing is written.
    let bad = c
        .post_form(
            "/detentions/new",
            &[
                ("csrf", &token),
                ("mission", "t"),
                ("country", "KEN"),
                ("arresting_unit", ""),
                ("arrested_at", "2025-02-30T10:00"),
                ("arrested_at.offset", "-05:00"),
                ("place", "Cabaret"),
                ("grounds", "Carrying a rifle"),
                ("person.sex", "male"),
                ("person.age", "-3"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.text);
    for field in ["arrested_at", "arresting_unit", "person.age"] {
        assert!(
            bad.text.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            bad.text
        );
    }
    assert!(bad.text.contains("value=\"Cabaret\""));
    assert_eq!(app.log_len().await, before);

    let good = c
        .post_form(
            "/detentions/new",
            &[
                ("csrf", &token),
                ("mission", "t"),
                ("country", "KEN"),
                ("arresting_unit", "KEN GSU 2"),
                ("arrested_at", "2024-09-01T10:00"),
                ("arrested_at.offset", "-04:00"),
                ("place", "Cabaret"),
                ("grounds", "Carrying a rifle"),
                ("person.sex", "male"),
                ("person.age", "30"),
                ("classification", "restricted"),
            ],
        )
        .await;
    assert_eq!(good.status, 303, "{}", good.text);
    let to = location(&good);
    let (record, seq) = to.split_once("?recorded=").expect("recorded");
    assert!(record.starts_with("/detentions/"), "{to}");
    assert_eq!(seq.parse::<i64>().ok(), Some(before + 1));
    let shown = c.get(&to).await;
    assert_eq!(shown.status, 200);
    assert!(shown.text.contains("id=\"recorded\""), "{}", shown.text);
    let id = record.trim_start_matches("/detentions/");
    let api = app.client(Some(Role::ConductOfficer)).await;
    let d = api.get(&format!("/api/v1/detentions/{id}")).await;
    assert_eq!(d.status, 200, "{}", d.text);
    assert_eq!(
        d.json()["arrested_at"],
        "2024-09-01T10:00:00-04:00",
        "{}",
        d.text
    );

    // The handover form, opened from the detention: a handover before the arrest is refused
    // next to its field; the right one is recorded.
    let form = c
        .get(&format!("/detentions/handovers/new?detention={id}"))
        .await;
    assert_eq!(form.status, 200);
    assert!(form.text.contains(&format!("value=\"{id}\"")));
    // The detention is named by its id; the form says where to find one.
    assert!(
        form.text
            .contains("<a href=\"/detentions\">Find it in its list"),
        "{}",
        form.text
    );
    // The clock runs from this detention's arrest; read today, the 48 hours are long past.
    assert!(
        form.text
            .contains("data-clock-from=\"2024-09-01T10:00:00-04:00\""),
        "{}",
        form.text
    );
    assert!(form.text.contains("past the 48 hours"), "{}", form.text);
    let token = csrf(&form.text);
    let n = app.log_len().await;
    let early = c
        .post_form(
            "/detentions/handovers/new",
            &[
                ("csrf", &token),
                ("detention", id),
                ("at", "2024-08-31T10:00"),
                ("at.offset", "-04:00"),
                ("station", "Cabaret police station"),
                ("receiving_officer", "Officer on duty"),
            ],
        )
        .await;
    assert_eq!(early.status, 422, "{}", early.text);
    assert!(early.text.contains("id=\"at-error\""), "{}", early.text);
    assert_eq!(app.log_len().await, n);
    let ok = c
        .post_form(
            "/detentions/handovers/new",
            &[
                ("csrf", &token),
                ("detention", id),
                // Typed as the page shows times: a space between date and time.
                ("at", "2024-09-02 09:00"),
                ("at.offset", "-04:00"),
                ("station", "Cabaret police station"),
                ("receiving_officer", "Officer on duty"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text);
    assert!(location(&ok).starts_with(&format!("/detentions/{id}?recorded=")));
    assert_eq!(app.log_len().await, n + 1);
}

#[tokio::test]
async fn lists_of_objects_grow_a_row_at_a_time_without_writing() {
    let app = spawn_app().await;
    let source = seed(&app).await;
    let c = session(&app, Some(Role::Editor)).await;
    let page = c.get("/discrepancies/new").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("name=\"claims[0].value\""));
    assert!(!page.text.contains("name=\"claims[1].value\""));
    let token = csrf(&page.text);
    let before = app.log_len().await;
    let more = c
        .post_form(
            "/discrepancies/new",
            &[
                ("csrf", &token),
                ("claims[0].value", "400"),
                ("claims[0].sources", &source),
                ("more", "claims"),
            ],
        )
        .await;
    assert_eq!(more.status, 200, "{}", more.text);
    assert!(more.text.contains("name=\"claims[1].value\""));
    assert!(more.text.contains("value=\"400\""));
    assert_eq!(app.log_len().await, before);
}

#[tokio::test]
async fn unknown_paths_and_ids_answer_a_styled_page_and_references_are_read_as_typed() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::ConductOfficer)).await;
    let r = c.get("/no/such/page").await;
    assert_eq!(r.status, 404);
    assert!(
        r.content_type.starts_with("text/html"),
        "{}",
        r.content_type
    );
    assert!(r.text.contains("<html lang=\"en\""), "{}", r.text);
    assert!(r.text.contains("There is no page at this address"));
    let r = c.get("/api/v1/no-such-thing").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.content_type, "application/problem+json");
    // A short id as shown on screen, or anything else that is not an id.
    for bad in ["63b168b1", "not-an-id"] {
        let r = c.get(&format!("/detentions/{bad}")).await;
        assert_eq!(r.status, 404, "{bad}");
        assert!(r.text.contains("There is no record with this id"), "{bad}");
    }

    // A complaint's status, asked with the reference typed in lower case without its dashes.
    let anon = app.anonymous();
    let made = anon
        .post_json(
            "/api/v1/complaints",
            &serde_json::json!({"language": "en", "account": "Soldiers beat my brother."}),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.text);
    let reference = made.json()["reference"]
        .as_str()
        .expect("reference")
        .to_string();
    let secret = made.json()["secret"].as_str().expect("secret").to_string();
    let typed = reference.replace('-', "").to_lowercase();
    let r = anon
        .post_json(
            "/api/v1/complaints/status",
            &serde_json::json!({"reference": typed, "secret": secret}),
        )
        .await;
    assert_eq!(r.status, 200, "{typed}: {}", r.text);
    assert_eq!(r.json()["reference"], reference.as_str());
}

#[tokio::test]
async fn the_log_page_opens_at_its_newest_entries() {
    for b in konbit_testkit::backends() {
        log_page_on(konbit_testkit::spawn_app_on(b).await).await;
    }
}

/// The log page's opening, paging and filters on one backend.
async fn log_page_on(app: konbit_testkit::TestApp) {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/haiti-mss"
    ));
    konbit_scenario::load(&app.store, dir)
        .await
        .expect("scenario");
    let last = app.log_len().await;
    let page = app.anonymous().get("/log").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains(&format!("data-seq=\"{last}\"")),
        "the newest entry"
    );
    assert!(!page.text.contains("data-seq=\"1\""), "not the oldest");
    // The way back to older entries: before the first one shown.
    assert!(
        page.text.contains(&format!("/log?before={}", last - 99)),
        "{}",
        page.text
    );
    let first = app.anonymous().get("/log?after=0").await;
    assert!(first.text.contains("data-seq=\"1\""));
    // A kind, and an entry by its number.
    let kind = app.anonymous().get("/log?kind=source.registered").await;
    assert_eq!(kind.status, 200);
    let kinds: Vec<&str> = kind
        .text
        .split("<td><code>")
        .skip(1)
        .filter_map(|p| p.split('<').next())
        .collect();
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| *k == "source.registered"), "{kinds:?}");
    assert!(
        kind.text
            .contains("<option value=\"source.registered\" selected>")
    );
    let at = app.anonymous().get("/log?at=150").await;
    assert_eq!(at.status, 200);
    assert!(at.text.contains("id=\"entry-150\" class=\" asked\""));
    assert!(!at.text.contains("data-seq=\"149\""));
    assert!(at.text.contains("data-seq=\"249\""));
    // A kind whose content the log never shows is not offered, nor a bad number.
    for (query, param) in [
        ("kind=person.registered", "kind"),
        ("kind=nothing", "kind"),
        ("at=abc", "at"),
        ("at=0", "at"),
        ("before=x", "before"),
    ] {
        let r = app.anonymous().get(&format!("/log?{query}")).await;
        assert_eq!(r.status, 400, "{query}");
        assert!(
            r.text.contains(&format!("“{param}”")),
            "{query}: {}",
            r.text
        );
    }
}

#[tokio::test]
async fn a_pledge_like_one_already_recorded_is_recorded_only_when_confirmed() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::Editor)).await;
    let page = c.get("/pledges/new?mission=t").await;
    assert_eq!(page.status, 200);
    // The classification's default, which keeps the record from the public, says so.
    assert!(
        page.text
            .contains("Mission (the default): only logged-in staff see the record")
    );
    let token = csrf(&page.text);
    let pledge = |confirm: &'static str| {
        vec![
            ("csrf", token.clone()),
            ("mission", "t".to_string()),
            ("country", "KEN".to_string()),
            ("pledged_on", "2024-01-10".to_string()),
            ("personnel.police", "150".to_string()),
            ("classification", "public".to_string()),
            ("confirm", confirm.to_string()),
        ]
    };
    let post = |form: Vec<(&'static str, String)>| {
        let c = c.clone();
        async move {
            let f: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.post_form("/pledges/new", &f).await
        }
    };
    assert_eq!(post(pledge("")).await.status, 303);
    let before = app.log_len().await;
    let again = post(pledge("")).await;
    assert_eq!(again.status, 409, "{}", again.text);
    assert!(again.text.contains("id=\"warning\""));
    // Every value is kept for the confirmation.
    assert!(again.text.contains("value=\"150\""));
    assert!(
        again
            .text
            .contains("already has a pledge of exactly these figures")
    );
    assert_eq!(app.log_len().await, before, "nothing written");
    assert_eq!(post(pledge("true")).await.status, 303);
    assert_eq!(app.log_len().await, before + 1);
}

#[tokio::test]
async fn the_dashboard_says_when_records_are_withheld_from_its_reader() {
    let app = spawn_app().await;
    let source = seed(&app).await;
    let anon = app.anonymous();
    assert!(
        !anon
            .get("/missions/t")
            .await
            .text
            .contains("id=\"withheld\"")
    );
    // An arrival recorded at mission level (the forms' default).
    let editor = app.client(Some(Role::Editor)).await;
    let r = editor
        .post_json(
            "/api/v1/authorizations",
            &serde_json::json!({"mission": "t", "country": "KEN", "kind": "national_approval",
                "title": "Cabinet approval", "issued_on": "2024-01-05", "status": "granted",
                "sources": [source]}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let public = anon.get("/missions/t").await;
    assert!(public.text.contains("id=\"withheld\""), "{}", public.text);
    assert!(
        public
            .text
            .contains("One record of this mission is not public")
    );
    let viewer = session(&app, Some(Role::Viewer)).await;
    assert!(
        !viewer
            .get("/missions/t")
            .await
            .text
            .contains("id=\"withheld\"")
    );
    // A restricted record: withheld from the viewer too, and counted once more for the public;
    // the record time asked for counts what was recorded by then.
    let before = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .expect("now");
    let r = editor
        .post_json(
            "/api/v1/authorizations",
            &serde_json::json!({"mission": "t", "country": "JAM", "kind": "national_approval",
                "title": "Cabinet approval", "issued_on": "2024-01-06", "status": "granted",
                "sources": [source], "classification": "restricted"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert!(
        viewer
            .get("/missions/t")
            .await
            .text
            .contains("One record of this mission is restricted beyond your role")
    );
    assert!(
        anon.get("/missions/t")
            .await
            .text
            .contains("2 records of this mission are not public")
    );
    let then = anon
        .get(&format!("/missions/t?as_of={}", before.replace('+', "%2B")))
        .await;
    assert!(
        then.text
            .contains("One record of this mission is not public"),
        "{}",
        then.text
    );
}

#[tokio::test]
async fn the_sources_are_searched_filtered_and_ordered() {
    let app = spawn_app().await;
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/haiti-mss"
    ));
    konbit_scenario::load(&app.store, dir)
        .await
        .expect("scenario");
    let anon = app.anonymous();
    let rows = |html: &str| html.matches("<tr>").count();
    let all = anon.get("/sources").await;
    assert_eq!(all.status, 200);
    let binuh = anon.get("/sources?q=binuh").await;
    assert_eq!(binuh.status, 200);
    assert!(
        rows(&binuh.text) < rows(&all.text),
        "a search narrows the list"
    );
    assert!(binuh.text.contains("BINUH"));
    assert!(
        binuh.text.contains(" of 228 sources"),
        "says how many of all"
    );
    let a = anon.get("/sources?reliability=a&sort=title").await;
    assert_eq!(a.status, 200);
    assert!(
        !a.text.contains(">E2<") && !a.text.contains(">C3<"),
        "only grade A"
    );
    for (bad, param) in [
        ("/sources?sort=size", "sort"),
        ("/sources?reliability=G", "reliability"),
        (&format!("/sources?q={}", "x".repeat(201)) as &str, "q"),
    ] {
        let r = anon.get(bad).await;
        assert_eq!(r.status, 400, "{bad}");
        assert!(r.content_type.starts_with("text/html"), "{bad}");
        assert!(r.text.contains(&format!("“{param}”")), "{bad}: {}", r.text);
    }
    assert!(
        a.text.contains("id=\"filter-clear\""),
        "the way back to every source"
    );
}

#[tokio::test]
async fn the_records_objections_are_in_the_readers_language() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::ConductOfficer)).await;
    assert_eq!(c.get("/lang/fr?next=/detentions/new").await.status, 303);
    let page = c.get("/detentions/new").await;
    assert!(page.text.contains("<html lang=\"fr\""));
    let token = csrf(&page.text);
    let before = app.log_len().await;
    // A 16-year-old not marked as a minor: the domain's rule, in French, at its field.
    let r = c
        .post_form(
            "/detentions/new",
            &[
                ("csrf", &token),
                ("mission", "t"),
                ("country", "KEN"),
                ("arresting_unit", "KEN GSU 2"),
                ("arrested_at", "2024-09-01T10:00"),
                ("arrested_at.offset", "-04:00"),
                ("place", "Cabaret"),
                ("grounds", "Carrying a rifle"),
                ("person.sex", "male"),
                ("person.age", "16"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert!(r.text.contains("id=\"person.minor-error\""), "{}", r.text);
    assert!(
        r.text.contains("un détenu de moins de 18 ans est mineur"),
        "{}",
        r.text
    );
    assert_eq!(app.log_len().await, before);
}

#[tokio::test]
async fn a_refused_handover_says_why_with_its_values_in_the_readers_language() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::ConductOfficer)).await;
    let page = c.get("/detentions/new").await;
    let token = csrf(&page.text);
    let arrest = c
        .post_form(
            "/detentions/new",
            &[
                ("csrf", &token),
                ("mission", "t"),
                ("country", "KEN"),
                ("arresting_unit", "KEN GSU 2"),
                ("arrested_at", "2024-09-01T10:00"),
                ("arrested_at.offset", "-04:00"),
                ("place", "Cabaret"),
                ("grounds", "Carrying a rifle"),
                ("person.sex", "male"),
                ("person.age", "30"),
            ],
        )
        .await;
    assert_eq!(arrest.status, 303, "{}", arrest.text);
    let to = location(&arrest);
    let id = to
        .trim_start_matches("/detentions/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string();
    // A handover before the arrest: the store's message, built with the arrest's time, in
    // French and in Spanish with that time.
    for (lang, words) in [
        (
            "fr",
            "est antérieur à l’arrestation (2024-09-01T10:00:00-04:00)",
        ),
        ("es", "es anterior al arresto (2024-09-01T10:00:00-04:00)"),
    ] {
        assert_eq!(c.get(&format!("/lang/{lang}?next=/")).await.status, 303);
        let n = app.log_len().await;
        let early = c
            .post_form(
                "/detentions/handovers/new",
                &[
                    ("csrf", &token),
                    ("detention", &id),
                    ("at", "2024-08-31T10:00"),
                    ("at.offset", "-04:00"),
                    ("station", "Cabaret police station"),
                    ("receiving_officer", "Officer on duty"),
                ],
            )
            .await;
        assert_eq!(early.status, 422, "{}", early.text);
        assert!(early.text.contains("id=\"at-error\""), "{}", early.text);
        assert!(early.text.contains(words), "{lang}: {}", early.text);
        assert!(
            !early.text.contains("is before the arrest"),
            "{}",
            early.text
        );
        assert_eq!(app.log_len().await, n);
    }
}

#[tokio::test]
async fn a_hostile_row_number_is_not_read_and_nothing_is_written() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::Editor)).await;
    let token = csrf(&c.get("/discrepancies/new").await.text);
    let before = app.log_len().await;
    let r = c
        .post_form(
            "/discrepancies/new",
            &[
                ("csrf", &token),
                ("claims[4000000000].value", "1"),
                ("more", "claims"),
            ],
        )
        .await;
    // Answered at once, with at most the bounded rows, and nothing recorded.
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(!r.text.contains("claims[4000000000]"));
    assert!(r.text.matches("name=\"claims[").count() < 200);
    assert_eq!(app.log_len().await, before);
}

#[tokio::test]
async fn a_control_character_or_an_over_long_text_is_refused_at_its_field() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::ConductOfficer)).await;
    let token = csrf(&c.get("/detentions/new").await.text);
    let before = app.log_len().await;
    let long = "x".repeat(301);
    for (place, unit) in [("Cab\u{0}aret", "KEN GSU 2"), ("Cabaret", long.as_str())] {
        let r = c
            .post_form(
                "/detentions/new",
                &[
                    ("csrf", &token),
                    ("mission", "t"),
                    ("country", "KEN"),
                    ("arresting_unit", unit),
                    ("arrested_at", "2024-09-01T10:00"),
                    ("arrested_at.offset", "-04:00"),
                    ("place", place),
                    ("grounds", "Carrying a rifle"),
                    ("person.sex", "male"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.text);
        let field = if place.contains('\u{0}') {
            "place"
        } else {
            "arresting_unit"
        };
        assert!(
            r.text.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            r.text
        );
    }
    assert_eq!(app.log_len().await, before);
}

#[tokio::test]
async fn a_source_is_recorded_from_within_another_form_and_chosen() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::Editor)).await;
    let page = c.get("/pledges/new").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("name=\"new_source.title\""),
        "{}",
        page.text
    );
    assert!(page.text.contains("data-picker=\"filter\""));
    let token = csrf(&page.text);
    let before = app.log_len().await;
    let typed = [
        ("csrf", token.as_str()),
        ("mission", "t"),
        ("country", "RWA"),
        ("pledged_on", "2025-03-01"),
        ("personnel.police", "150"),
    ];

    // A bad source (no title, a grade G7): the form again with the source's fields named and
    // opened, the pledge's values kept, nothing written.
    let mut bad: Vec<(&str, &str)> = typed.to_vec();
    bad.extend([
        ("new_source.kind", "news_article"),
        ("new_source.title", ""),
        ("new_source.reliability", "G"),
        ("new_source.credibility", "7"),
        ("add_source", "1"),
    ]);
    let r = c.post_form("/pledges/new", &bad).await;
    assert_eq!(r.status, 422, "{}", r.text);
    for f in [
        "new_source.title",
        "new_source.reliability",
        "new_source.credibility",
    ] {
        assert!(
            r.text.contains(&format!("id=\"{f}-error\"")),
            "{f}: {}",
            r.text
        );
    }
    assert!(r.text.contains("id=\"new_source\" open"), "{}", r.text);
    assert!(r.text.contains("value=\"150\""));
    assert_eq!(app.log_len().await, before);

    // A good one: recorded alone (one entry), chosen among the sources, the pledge not sent.
    let mut good: Vec<(&str, &str)> = typed.to_vec();
    good.extend([
        ("new_source.kind", "news_article"),
        ("new_source.title", "Rwanda pledges police to the mission"),
        ("new_source.outlet", "The New Times"),
        (
            "new_source.url",
            "https://www.newtimes.co.rw/article/rwanda-police-haiti",
        ),
        ("new_source.reliability", "B"),
        ("new_source.credibility", "2"),
        ("add_source", "1"),
    ]);
    let r = c.post_form("/pledges/new", &good).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(app.log_len().await, before + 1);
    assert!(r.text.contains("id=\"form-notice\""), "{}", r.text);
    let api = app.client(Some(Role::Editor)).await;
    let sources = api.get("/api/v1/sources").await.json();
    let id = sources
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|s| s["title"] == "Rwanda pledges police to the mission")
        })
        .and_then(|s| s["id"].as_str())
        .expect("the source is recorded")
        .to_string();
    assert!(
        r.text
            .contains(&format!("<option value=\"{id}\" selected>")),
        "{}",
        r.text
    );
    assert!(r.text.contains("value=\"150\""));

    // The pledge sent with it names it as its source.
    let mut send: Vec<(&str, &str)> = typed.to_vec();
    send.push(("sources", &id));
    let r = c.post_form("/pledges/new", &send).await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(app.log_len().await, before + 2);
    let entry = api.get(&format!("/api/v1/log?after={}", before + 1)).await;
    assert!(entry.text.contains(&id), "{}", entry.text);

    // Someone who may not record sources is not offered the fields, and cannot post them.
    let hr = session(&app, Some(Role::HrOfficer)).await;
    let page = hr.get("/personnel/new").await;
    assert_eq!(page.status, 200);
    assert!(!page.text.contains("new_source.title"));
    let token = csrf(&page.text);
    let n = app.log_len().await;
    let r = hr
        .post_form(
            "/personnel/new",
            &[
                ("csrf", &token),
                ("new_source.kind", "news_article"),
                ("new_source.title", "Planted"),
                ("new_source.reliability", "A"),
                ("new_source.credibility", "1"),
                ("add_source", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.text);
    assert_eq!(app.log_len().await, n);
}

#[tokio::test]
async fn the_navigation_counts_the_desk_and_the_script_is_served() {
    let app = spawn_app().await;
    seed(&app).await;
    let c = session(&app, Some(Role::ConductOfficer)).await;
    let desk = app
        .client(Some(Role::ConductOfficer))
        .await
        .get("/api/v1/desk")
        .await;
    assert_eq!(desk.status, 200, "{}", desk.text);
    let n = desk.json().as_array().map(Vec::len).expect("items");
    let page = c.get("/personnel").await;
    assert!(
        page.text.contains(&format!("</span>{n}</span></a>")),
        "the nav should count {n}: {}",
        page.text
    );
    // Recording an arrest of 40 hours ago puts one more item on the desk (its handover is
    // due within 12 hours), at once.
    let api = app.client(Some(Role::ConductOfficer)).await;
    let now = (time::OffsetDateTime::now_utc() - time::Duration::hours(40))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("now");
    let r = api
        .post_json(
            "/api/v1/detentions",
            &serde_json::json!({
                "mission": "t", "country": "KEN", "arresting_unit": "KEN GSU 2",
                "arrested_at": now, "place": "Cabaret", "grounds": "Carrying a rifle",
                "person": {"sex": "male", "age": 30, "minor": false}
            }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let page = c.get("/personnel").await;
    assert!(
        page.text.contains(&format!("</span>{}</span></a>", n + 1)),
        "{}",
        page.text
    );
    // Anonymous pages have no desk.
    let anon = app.client(None).await.get("/statistics").await;
    assert!(!anon.text.contains("nav-desk-count"));
    let js = app.client(None).await.get("/static/forms.js").await;
    assert_eq!(js.status, 200);
    assert!(
        js.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/javascript"))
    );
}

#[tokio::test]
async fn a_whole_unit_acknowledges_a_document_in_one_step() {
    use crate::registers::person_body;
    let app = spawn_app().await;
    seed(&app).await;
    let hr = app.client(Some(Role::HrOfficer)).await;
    let doc = hr
        .post_json(
            "/api/v1/documents",
            &serde_json::json!({"mission": "t", "kind": "use_of_force_directive", "version": "1.0",
                "title": "Use of force directive", "effective_on": "2024-06-01"}),
        )
        .await;
    assert_eq!(doc.status, 201, "{}", doc.text);
    let doc = doc.json()["id"].as_str().expect("id").to_string();
    let mut ken = Vec::new();
    for sn in ["SN-KEN-1", "SN-KEN-2", "SN-KEN-3"] {
        let r = hr
            .post_json("/api/v1/personnel", &person_body("KEN", sn))
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        ken.push(r.json()["id"].as_str().expect("id").to_string());
    }
    let jam = hr
        .post_json("/api/v1/personnel", &person_body("JAM", "SN-JAM-1"))
        .await;
    assert_eq!(jam.status, 201);
    // One of the unit has signed already: not recorded twice.
    let r = hr
        .post_json(
            "/api/v1/acknowledgements",
            &serde_json::json!({"person": ken[0], "document": doc, "on": "2024-06-26"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);

    let c = session(&app, Some(Role::HrOfficer)).await;
    let page = c.get("/acknowledgements/unit/new").await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.text
            .contains("Acknowledge a document for a whole unit")
    );
    // The unit and the document are offered: units as suggestions, documents by title.
    assert!(
        page.text.contains("<option value=\"KEN FPU 1\">"),
        "{}",
        page.text
    );
    assert!(
        page.text
            .contains(&format!("<option value=\"{doc}\">Use of force directive"))
    );
    let token = csrf(&page.text);
    let form = |unit: &'static str, on: &'static str| {
        vec![
            ("csrf", token.clone()),
            ("mission", "t".to_string()),
            ("country", "KEN".to_string()),
            ("unit", unit.to_string()),
            ("document", doc.clone()),
            ("on", on.to_string()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| {
        let c = c.clone();
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.post_form("/acknowledgements/unit/new", &f).await
        }
    };
    let before = app.log_len().await;
    // Nobody of that unit, or nobody deployed yet on that day: the unit field says so.
    for (unit, on) in [("KEN FPU 9", "2024-07-01"), ("KEN FPU 1", "2024-06-01")] {
        let r = post(form(unit, on)).await;
        assert_eq!(r.status, 422, "{}", r.text);
        assert!(r.text.contains("id=\"unit-error\""), "{}", r.text);
        assert!(
            r.text
                .contains("nobody of this unit is deployed on that day")
        );
    }
    assert_eq!(app.log_len().await, before);
    // The two who have not signed are recorded, one entry each, and nobody of another unit.
    let r = post(form("KEN FPU 1", "2024-07-01")).await;
    assert_eq!(r.status, 303, "{}", r.text);
    assert_eq!(location(&r), format!("/personnel?recorded={}", before + 1));
    assert_eq!(app.log_len().await, before + 2);
    for p in &ken {
        let v = hr.get(&format!("/api/v1/personnel/{p}")).await.json();
        let signed = v["person"]["acknowledgements"].as_array().map(Vec::len);
        assert_eq!(signed, Some(1), "{v}");
    }
    // Again: everyone has signed, nothing is written. (Reading the people above recorded
    // the reads of their identities in the audit.)
    let before = app.log_len().await;
    let r = post(form("KEN FPU 1", "2024-07-02")).await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert!(r.text.contains("id=\"document-error\""), "{}", r.text);
    assert_eq!(app.log_len().await, before);

    // The same request through the API: the JAM unit, one entry; a commander of another
    // contributor may not, and nothing is written.
    let body = serde_json::json!({"mission": "t", "country": "JAM", "unit": "JAM FPU 1",
        "document": doc, "on": "2024-07-01"});
    let commander = app.client(Some(Role::Commander)).await;
    let r = commander
        .post_json("/api/v1/acknowledgements/unit", &body)
        .await;
    assert_eq!(r.status, 403, "{}", r.text);
    assert_eq!(app.log_len().await, before);
    let r = hr.post_json("/api/v1/acknowledgements/unit", &body).await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json().as_array().map(Vec::len), Some(1), "{}", r.text);
    assert_eq!(app.log_len().await, before + 1);
}

/// A form page's introduction, then the labels of its fields by field name: `<label for="…">`
/// and the legends of groups of fields.
fn labels(page: &str) -> Vec<(String, String)> {
    // First the form's introduction, under its title.
    let intro = page
        .split_once("</h1>\n  <p class=\"muted\">")
        .and_then(|(_, rest)| rest.split_once("</p>"))
        .map_or("", |(intro, _)| intro);
    let mut out = vec![("(introduction)".to_string(), intro.to_string())];
    for open in [
        "<label for=\"",
        "<h2 class=\"field wide form-legend\" id=\"",
    ] {
        for (i, _) in page.match_indices(open) {
            let rest = &page[i + open.len()..];
            let Some((name, rest)) = rest.split_once("\">") else {
                continue;
            };
            let end = rest.find(['<']).unwrap_or(rest.len());
            out.push((name.to_string(), rest[..end].trim().to_string()));
        }
    }
    out
}

/// What the forms show for a field with no `field-…` label in any language: its name, in
/// English words (`assoc_actor_1` reads `Assoc actor 1`).
fn name_as_words(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name);
    let last = last.split('[').next().unwrap_or(last);
    let mut s = last.replace('_', " ");
    if let Some(c) = s.get(..1) {
        s.replace_range(..1, &c.to_uppercase());
    }
    s
}

#[tokio::test]
async fn every_forms_labels_and_help_are_in_french_and_spanish() {
    let app = spawn_app().await;
    seed(&app).await;
    let forms = konbit_web::form_pages();
    // Each form as the first role that may fill it in, in French and in Spanish.
    let mut pages: Vec<(&str, String, String)> = Vec::new();
    for role in Role::ALL {
        let mut sessions = Vec::new();
        for lang in ["fr", "es", "en"] {
            let c = session(&app, Some(*role)).await;
            let r = c.get(&format!("/lang/{lang}?next=/new")).await;
            assert_eq!(r.status, 303);
            sessions.push((lang, c));
        }
        for (page, kind) in &forms {
            let first = Role::ALL.iter().find(|r| may(**r, *kind));
            if first != Some(role) {
                continue;
            }
            let mut both = Vec::new();
            for (lang, c) in &sessions {
                let r = c.get(&filled(page)).await;
                assert_eq!(r.status, 200, "{role} {lang} {page}");
                assert!(r.text.contains(&format!("<html lang=\"{lang}\"")), "{page}");
                // A description with no words of the language is shown in English, marked.
                for (i, _) in r.text.match_indices("<div class=\"hint\" lang=\"en\">") {
                    let rest = &r.text[i..];
                    let end = rest.find("</div>").unwrap_or(rest.len());
                    pages.push((page, (*lang).to_string(), rest[..end].to_string()));
                }
                both.push(labels(&r.text));
            }
            // A label the same in French and Spanish and only the field's name in English words
            // has no `field-…` message.
            let (fr, es, en) = (&both[0], &both[1], &both[2]);
            // The form's introduction (the command's description) is not the English one.
            for (lang, page_labels) in [("fr", fr), ("es", es)] {
                let (intro, english) = (&page_labels[0].1, &en[0].1);
                if intro == english && !intro.is_empty() {
                    pages.push((page, lang.to_string(), format!("introduction: {intro}")));
                }
            }
            assert!(fr.len() > 1, "{page}: no labels read");
            for (name, label) in &fr[1..] {
                if *label == name_as_words(name) && es.iter().any(|(n, l)| n == name && l == label)
                {
                    pages.push((page, "fr+es".into(), format!("label of {name}: {label}")));
                }
            }
        }
    }
    assert!(pages.is_empty(), "words in English: {pages:#?}");
}

/// The names of a form page's fields of one sort: dates (typed as ISO text), numbers, and
/// single choices.
fn fields_of(page: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let name_after = |tag: &str| -> Option<String> {
        let at = tag.find(" name=\"")? + 7;
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    let (mut dates, mut numbers, mut choices) = (Vec::new(), Vec::new(), Vec::new());
    for tag in page
        .split('<')
        .filter(|t| t.starts_with("input ") || t.starts_with("select "))
    {
        let Some(name) = name_after(tag) else {
            continue;
        };
        if name.starts_with("new_source.") || name == "csrf" || name == "next" {
            continue;
        }
        if tag.starts_with("select ") {
            if !tag.contains(" multiple") && !name.ends_with(".offset") {
                choices.push(name);
            }
        } else if tag.contains("pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"") {
            dates.push(name);
        } else if tag.contains("type=\"number\"") {
            numbers.push(name);
        }
    }
    (dates, numbers, choices)
}

#[tokio::test]
async fn every_form_names_the_field_of_a_bad_value_and_writes_nothing() {
    let app = spawn_app().await;
    seed(&app).await;
    let mut tried = 0;
    for (page, kind) in konbit_web::form_pages() {
        let Some(role) = Role::ALL.iter().copied().find(|r| may(*r, kind)) else {
            continue;
        };
        let c = session(&app, Some(role)).await;
        let path = filled(page);
        let form = c.get(&path).await;
        assert_eq!(form.status, 200, "{role} {page}");
        let token = csrf(&form.text);
        let (dates, numbers, choices) = fields_of(&form.text);
        // An impossible date, a number that is none, a choice not offered (a grade G7).
        let (field, bad) = if let Some(d) = dates.first() {
            (d.clone(), "2025-02-30")
        } else if let Some(n) = numbers.first() {
            (n.clone(), "-x")
        } else if let Some(s) = choices.first() {
            (s.clone(), "G7")
        } else {
            continue;
        };
        let before = app.log_len().await;
        let r = c
            .post_form(&path, &[("csrf", &token), (field.as_str(), bad)])
            .await;
        assert_eq!(r.status, 422, "{role} {page} {field}={bad}: {}", r.text);
        assert!(
            r.text.contains(&format!("id=\"{field}-error\"")),
            "{page}: {field}={bad} not named: {}",
            r.text
        );
        assert_eq!(app.log_len().await, before, "{page} wrote");
        tried += 1;
    }
    assert!(tried >= 35, "{tried} forms tried");
}
