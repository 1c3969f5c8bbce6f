//! The record log: verification catches alteration, removal, reordering and orphan projection
//! rows; the database refuses UPDATE and DELETE; rebuild gives identical state; corrections keep
//! history; concurrent writes are group-committed into one unbroken chain.

use konbit_domain::Named;
use konbit_domain::Role;
use konbit_store::log;
use konbit_testkit::{Backend, TestApp, backends, seed, spawn_app_on};
use serde_json::json;

/// Entries before the first record: one `user.created` per test user.
const U: i64 = Role::ALL.len() as i64;

async fn verify(app: &TestApp) -> log::Verification {
    let mut c = app.store.conn().await.expect("conn");
    konbit_store::replay::verify(&mut c.ex())
        .await
        .expect("verify")
}

async fn app_with_records(b: Backend) -> TestApp {
    let app = spawn_app_on(b).await;
    let source = seed(&app).await;
    let editor = app.client(Some(Role::Editor)).await;
    for (i, day) in ["2024-06-25", "2024-07-16", "2024-09-12"]
        .iter()
        .enumerate()
    {
        let r = editor
            .post_json(
                "/api/v1/deployments",
                &json!({"mission": "t", "country": "KEN", "movement": "arrival", "on": day,
                        "personnel": {"police": 100 + i}, "sources": [source],
                        "override_reason": "test"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
    }
    app
}

fn drop_triggers(b: Backend) -> &'static str {
    match b {
        Backend::Sqlite => "DROP TRIGGER log_no_update; DROP TRIGGER log_no_delete;",
        Backend::Postgres => {
            "DROP TRIGGER log_no_update ON log; DROP TRIGGER log_no_delete ON log;"
        }
    }
}

#[tokio::test]
async fn intact_log_verifies_with_length_and_head() {
    for b in backends() {
        let app = app_with_records(b).await;
        let v = verify(&app).await;
        assert!(v.ok, "{b:?}: {v:?}");
        assert_eq!(v.length, app.log_len().await);
        let api = app.anonymous().get("/api/v1/log/verify").await.json();
        assert_eq!(api["ok"], true);
        assert_eq!(api["head"].as_str(), v.head.as_deref());
    }
}

#[tokio::test]
async fn the_database_refuses_update_and_delete_on_the_log() {
    for b in backends() {
        let app = app_with_records(b).await;
        let upd = app
            .sql(&format!(
                "UPDATE log SET body = '{{}}' WHERE seq = {}",
                U + 2
            ))
            .await;
        assert!(upd.is_err(), "{b:?}: UPDATE was allowed");
        assert!(format!("{:?}", upd.err()).contains("append-only"));
        assert!(
            app.sql(&format!("DELETE FROM log WHERE seq = {}", U + 2))
                .await
                .is_err(),
            "{b:?}"
        );
        assert!(verify(&app).await.ok);
    }
}

#[tokio::test]
async fn an_altered_entry_is_named() {
    for b in backends() {
        let app = app_with_records(b).await;
        app.sql(drop_triggers(b)).await.expect("drop triggers");
        app.sql(&format!(
            "UPDATE log SET body = replace(body, '101', '901') WHERE seq = {}",
            U + 6
        ))
        .await
        .expect("tamper");
        let v = verify(&app).await;
        assert!(!v.ok);
        assert_eq!(v.first_bad_seq, Some(U + 6), "{b:?}: {v:?}");
    }
}

#[tokio::test]
async fn a_removed_entry_is_named() {
    for b in backends() {
        let app = app_with_records(b).await;
        app.sql(drop_triggers(b)).await.expect("drop triggers");
        app.sql("DELETE FROM log WHERE seq = 6")
            .await
            .expect("tamper");
        let v = verify(&app).await;
        assert!(!v.ok);
        assert_eq!(v.first_bad_seq, Some(6), "{b:?}: {v:?}");
    }
}

#[tokio::test]
async fn reordered_entries_are_named() {
    for b in backends() {
        let app = app_with_records(b).await;
        app.sql(drop_triggers(b)).await.expect("drop triggers");
        // Swap the contents of entries 7 and 8 (seq stays, so only the hashes tell).
        app.sql(
            "UPDATE log SET seq = -7 WHERE seq = 7; UPDATE log SET seq = 7 WHERE seq = 8; \
             UPDATE log SET seq = 8 WHERE seq = -7;",
        )
        .await
        .expect("tamper");
        let v = verify(&app).await;
        assert!(!v.ok);
        assert_eq!(v.first_bad_seq, Some(7), "{b:?}: {v:?}");
    }
}

#[tokio::test]
async fn a_projection_row_without_an_entry_is_named() {
    for b in backends() {
        let app = app_with_records(b).await;
        app.sql(
            "INSERT INTO deployments (entry_seq, origin_seq, id, recorded_us, class, sources, \
             mission, country, movement, on_date, in_police, in_military, in_civilian, out_police, \
             out_military, out_civilian) SELECT 9999, 9999, id, recorded_us, class, sources, \
             mission, country, movement, on_date, 500, 0, 0, 0, 0, 0 FROM deployments \
             WHERE entry_seq = (SELECT MIN(entry_seq) FROM deployments)",
        )
        .await
        .expect("insert orphan");
        let v = verify(&app).await;
        assert!(!v.ok);
        assert_eq!(v.first_bad_seq, Some(9999), "{b:?}: {v:?}");
        assert!(v.problem.unwrap_or_default().contains("deployments"));
    }
}

async fn dump(app: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    for (table, key) in konbit_store::write_path::keyed_tables() {
        let order = key.join(", ");
        // Every projection's columns as JSON text, in entry order: same on both backends.
        let mut c = app.store.conn().await.expect("conn");
        let mut ex = c.ex();
        let sql = format!("SELECT * FROM {table} ORDER BY {order}");
        let rows: Vec<String> = konbit_store::on!(&mut ex, |conn| {
            use sqlx::{Column, Row};
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .fetch_all(conn)
                .await
                .expect("rows");
            Ok::<_, sqlx::Error>(
                rows.iter()
                    .map(|r| {
                        (0..r.len())
                            .map(|i| {
                                let name = r.column(i).name().to_string();
                                let v: Option<String> = r
                                    .try_get::<Option<String>, _>(i)
                                    .ok()
                                    .flatten()
                                    .or_else(|| {
                                        r.try_get::<Option<i64>, _>(i)
                                            .ok()
                                            .flatten()
                                            .map(|x| x.to_string())
                                    })
                                    .or_else(|| {
                                        r.try_get::<Option<uuid::Uuid>, _>(i)
                                            .ok()
                                            .flatten()
                                            .map(|x| x.to_string())
                                    })
                                    .or_else(|| {
                                        r.try_get::<Option<time::Date>, _>(i)
                                            .ok()
                                            .flatten()
                                            .map(|x| x.to_string())
                                    })
                                    .or_else(|| {
                                        r.try_get::<Option<f64>, _>(i)
                                            .ok()
                                            .flatten()
                                            .map(|x| x.to_string())
                                    })
                                    .or_else(|| {
                                        r.try_get::<Option<bool>, _>(i)
                                            .ok()
                                            .flatten()
                                            .map(|x| x.to_string())
                                    })
                                    .or_else(|| {
                                        r.try_get::<Option<Vec<u8>>, _>(i)
                                            .ok()
                                            .flatten()
                                            .map(hex::encode)
                                    });
                                format!("{name}={v:?}")
                            })
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                    .collect(),
            )
        })
        .expect("rows");
        out.push(format!("{table}: {}", rows.join("\n")));
    }
    out
}

#[tokio::test]
async fn rebuild_gives_identical_state() {
    for b in backends() {
        let app = app_with_records(b).await;
        // A correction too, so supersession is replayed.
        let editor = app.client(Some(Role::Editor)).await;
        let seq = app.log_len().await;
        let r = editor
            .post_json(
                "/api/v1/corrections",
                &json!({"corrects": seq, "reason": "typo in the count",
                        "body": {"mission": "t", "country": "KEN", "movement": "arrival",
                                 "on": "2024-09-12", "personnel": {"police": 150},
                                 "override_reason": "test"}}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        record_situation(&app).await;
        let before = dump(&app).await;
        assert!(
            before
                .iter()
                .any(|t| t.contains("deployments") && t.contains("150"))
        );
        assert!(
            before
                .iter()
                .any(|t| t.starts_with("incident_weeks: week=") && t.contains("events=Some(\"1\")")),
            "{before:?}"
        );
        let n = app.store.writer().rebuild().await.expect("rebuild");
        assert_eq!(n, app.log_len().await);
        assert_eq!(dump(&app).await, before, "{b:?}");
        assert!(verify(&app).await.ok);
    }
}

#[tokio::test]
async fn a_correction_supersedes_but_history_keeps_both() {
    for b in backends() {
        let app = app_with_records(b).await;
        let editor = app.client(Some(Role::Editor)).await;
        let q = "/api/v1/contributors/KEN?mission=t&on=2024-12-31";
        assert_eq!(
            editor.get(q).await.json()["summary"]["deployed"]["police"],
            303
        );
        let before = time::OffsetDateTime::now_utc();
        let seq = app.log_len().await;
        let r = editor
            .post_json(
                "/api/v1/corrections",
                &json!({"corrects": seq, "reason": "the press report said 150",
                        "body": {"mission": "t", "country": "KEN", "movement": "arrival",
                                 "on": "2024-09-12", "personnel": {"police": 150},
                                 "override_reason": "test"}}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
        let now = editor.get(q).await.json();
        assert_eq!(now["summary"]["deployed"]["police"], 100 + 101 + 150);
        assert!(
            now["deployments"]
                .as_array()
                .expect("list")
                .iter()
                .any(|d| d["meta"]["corrected"] == true)
        );
        // As known before the correction, the old figure stands.
        let as_of = before
            .format(&time::format_description::well_known::Rfc3339)
            .expect("fmt");
        let old = editor.get(&format!("{q}&as_of={as_of}")).await.json();
        assert_eq!(old["summary"]["deployed"]["police"], 303);
        // Both entries stay in the log.
        let log = editor
            .get(&format!("/api/v1/log?after={}", seq - 1))
            .await
            .json();
        let kinds: Vec<&str> = log
            .as_array()
            .expect("log")
            .iter()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert_eq!(kinds, vec!["deployment.recorded", "entry.corrected"]);
    }
}

#[tokio::test]
async fn concurrent_writes_form_one_unbroken_chain() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let editor = app.client(Some(Role::Editor)).await;
        let before = app.log_len().await;
        let mut tasks = Vec::new();
        for i in 0..64 {
            let c = editor.clone();
            tasks.push(tokio::spawn(async move {
                c.post_json(
                    "/api/v1/sources",
                    &json!({"kind": "news_article", "title": format!("article {i}"),
                            "url": format!("https://example.org/{i}"), "reliability": "C", "credibility": 3}),
                )
                .await
            }));
        }
        let mut seqs = Vec::new();
        for t in tasks {
            let r = t.await.expect("task");
            assert_eq!(r.status, 201, "{}", r.text);
            seqs.push(r.json()["seq"].as_i64().expect("seq"));
        }
        seqs.sort();
        seqs.dedup();
        assert_eq!(seqs.len(), 64);
        assert_eq!(app.log_len().await, before + 64);
        assert!(verify(&app).await.ok, "{b:?}");
    }
}

#[tokio::test]
async fn two_servers_on_one_database_keep_one_chain() {
    use konbit_domain::{
        Classification, Command, NewSource, Reliability, SourceCommand, SourceKind,
    };
    use konbit_store::{Actor, Envelope, Options, Store};
    for b in backends() {
        let app = spawn_app_on(b).await;
        // A second store is a second writer, as a second `konbit serve` process would be.
        let other = Store::open(&Options {
            url: app.db.url.clone(),
            migrate: false,
        })
        .await
        .expect("second store");
        let before = app.log_len().await;
        let source = |i: usize| {
            Envelope::new(
                Command::Sources(SourceCommand::RegisterSource(NewSource {
                    kind: SourceKind::NewsArticle,
                    title: format!("article {i}"),
                    url: Some(format!("https://example.org/{i}")),
                    reference: None,
                    published_on: None,
                    outlet: None,
                    language: None,
                    reliability: Reliability::C,
                    credibility: 3,
                    note: None,
                })),
                Vec::new(),
                Classification::Public,
            )
        };
        let mut tasks = Vec::new();
        for i in 0..60 {
            let store = if i % 2 == 0 {
                app.store.clone()
            } else {
                other.clone()
            };
            let env = source(i);
            tasks.push(tokio::spawn(async move {
                store.submit(Actor::system("test"), env).await
            }));
        }
        for t in tasks {
            t.await.expect("task").expect("submit");
        }
        assert_eq!(app.log_len().await, before + 60, "{b:?}");
        let v = verify(&app).await;
        assert!(v.ok, "{b:?}: {v:?}");
        other.close().await;
    }
}

#[tokio::test]
async fn refused_commands_in_a_busy_batch_write_nothing_and_spoil_nothing() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        let source = seed(&app).await;
        let editor = app.client(Some(Role::Editor)).await;
        let before = app.log_len().await;
        let mut tasks = Vec::new();
        for i in 0..64 {
            let c = editor.clone();
            // Every third command cites a source that does not exist: the writer refuses it
            // inside the same transaction as its neighbours.
            let cited = if i % 3 == 0 {
                uuid::Uuid::now_v7().to_string()
            } else {
                source.clone()
            };
            tasks.push(tokio::spawn(async move {
                c.post_json(
                    "/api/v1/pledges",
                    &json!({"mission": "t", "country": "KEN", "pledged_on": "2024-01-01",
                            "personnel": {"police": i}, "sources": [cited]}),
                )
                .await
            }));
        }
        let mut accepted = 0;
        for (i, t) in tasks.into_iter().enumerate() {
            let r = t.await.expect("task");
            if i % 3 == 0 {
                assert_eq!(r.status, 422, "{}", r.text);
                assert_eq!(r.json()["errors"][0]["field"], "sources[0]");
            } else {
                assert_eq!(r.status, 201, "{}", r.text);
                accepted += 1;
            }
        }
        assert_eq!(app.log_len().await, before + accepted, "{b:?}");
        assert!(verify(&app).await.ok, "{b:?}");
        let pledged = editor.get("/api/v1/contributors?mission=t").await.json();
        let expected: i64 = (0..64).filter(|i| i % 3 != 0).sum();
        assert_eq!(pledged[0]["pledged"]["police"], expected, "{b:?}");
    }
}

/// A trigger that makes the database itself fail to store a source titled `boom`: a failure no
/// validation foresaw, of the kind a full disk or a broken index gives.
fn boom_trigger(b: Backend) -> &'static str {
    match b {
        Backend::Sqlite => {
            "CREATE TRIGGER boom BEFORE INSERT ON sources WHEN NEW.title = 'boom' \
             BEGIN SELECT RAISE(ABORT, 'boom'); END;"
        }
        Backend::Postgres => {
            "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN \
               IF NEW.title = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; \
             END $$ LANGUAGE plpgsql; \
             CREATE TRIGGER boom BEFORE INSERT ON sources FOR EACH ROW EXECUTE FUNCTION boom();"
        }
    }
}

#[tokio::test]
async fn a_command_the_database_fails_does_not_fail_the_others_in_its_batch() {
    use konbit_domain::{
        Classification, Command, NewSource, Reliability, SourceCommand, SourceKind,
    };
    use konbit_store::{Actor, Envelope, situation::ImportSpec};
    for b in backends() {
        let app = spawn_app_on(b).await;
        app.sql(boom_trigger(b)).await.expect("trigger");
        let before = app.log_len().await;
        let source = |title: &str| {
            Envelope::new(
                Command::Sources(SourceCommand::RegisterSource(NewSource {
                    kind: SourceKind::Other,
                    title: title.into(),
                    url: Some("https://example.org/".into()),
                    reference: None,
                    published_on: None,
                    outlet: None,
                    language: None,
                    reliability: Reliability::B,
                    credibility: 2,
                    note: None,
                })),
                vec![],
                Classification::Public,
            )
        };
        // Hold the writer in an import so that every command below queues, then let it go: the
        // writer takes them all as one batch, the failing one in the middle.
        let writer = app.store.writer().clone();
        let import = writer
            .import(
                Actor::system("test"),
                ImportSpec {
                    sources: vec![],
                    classification: Classification::Public,
                    absent: vec![],
                },
                source("held"),
            )
            .await
            .expect("import");
        let mut tasks = Vec::new();
        for i in 0..40 {
            let w = writer.clone();
            let env = source(if i == 20 { "boom" } else { "fine" });
            tasks.push(tokio::spawn(async move {
                w.submit(Actor::system("test"), env).await
            }));
            tokio::task::yield_now().await;
        }
        // Let every submission reach the writer's queue before the import ends.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        import.abort().await;
        for (i, t) in tasks.into_iter().enumerate() {
            let r = t.await.expect("task");
            if i == 20 {
                assert!(
                    matches!(r, Err(konbit_store::StoreError::Db(_))),
                    "{b:?}: {r:?}"
                );
            } else {
                assert!(r.is_ok(), "{b:?} command {i}: {r:?}");
            }
        }
        assert_eq!(app.log_len().await, before + 39, "{b:?}");
        assert!(verify(&app).await.ok, "{b:?}");
    }
}

/// Incidents (one revised, one retracted), a coalition, a site status and an indicator value,
/// recorded through the writer, so that rebuild replays the situation's projections too.
async fn record_situation(app: &TestApp) {
    use konbit_domain::{
        Command,
        situation::{self as s, SituationCommand as C},
    };
    let submit = |c: C| {
        let env = konbit_store::Envelope::new(
            Command::Situation(c),
            vec![],
            konbit_domain::Classification::Public,
        );
        let store = app.store.clone();
        async move {
            store
                .submit(konbit_store::Actor::system("test"), env)
                .await
                .expect("recorded")
        }
    };
    let mut incidents: Vec<s::NewIncident> =
        konbit_domain::situation::synthetic::incidents(3, 11).collect();
    for i in &incidents {
        submit(C::RecordIncident(Box::new(i.clone()))).await;
    }
    incidents[0].fatalities += 7;
    submit(C::ReviseIncident(Box::new(incidents[0].clone()))).await;
    let on = incidents[1].event_date;
    submit(C::ChangeVerification(s::VerificationChange {
        incident: incidents[1].event_id.clone(),
        status: s::Verification::Retracted,
        reason: "the report was about another place".into(),
        on,
    }))
    .await;
    submit(C::ProfileGroup(s::GroupProfile {
        code: "viv-ansanm".into(),
        name: "Viv Ansanm".into(),
        kind: s::GroupKind::Coalition,
        aliases: vec![],
        member_of: vec![],
        leaders: vec![],
        areas: vec![],
        on: time::macros::date!(2023 - 09 - 01),
        acled_actor: String::new(),
        note: None,
    }))
    .await;
    let site = konbit_domain::situation::gazetteer::haiti().sites[0]
        .code
        .clone();
    submit(C::SiteStatus(s::SiteStatusChange {
        site,
        status: s::SiteStatus::Closed,
        on: time::macros::date!(2024 - 11 - 11),
        held_by: Some("viv-ansanm".into()),
        note: None,
    }))
    .await;
    submit(C::Observe(s::Observation {
        indicator: s::Indicator::Idps,
        from: time::macros::date!(2025 - 06 - 11),
        to: time::macros::date!(2025 - 06 - 11),
        area: "HTI".into(),
        value: 1_300_000,
        qualifier: s::Qualifier::About,
        note: None,
    }))
    .await;
}
