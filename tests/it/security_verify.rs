//! The security issue's findings about verifying the log, sent again and refused: the
//! anonymous verification (cached per head, extended, limited per address), deep verification
//! naming an edited or removed projection row, and the command line verifying deeply and against
//! a head kept outside. The rest of the findings are in `security.rs`.

use crate::security::{from, source};
use konbit_domain::Role;
use konbit_testkit::{Backend, backends, seed, spawn_app, spawn_app_on};

// 6 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_anonymous_verification_is_cached_extended_and_limited() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        seed(&app).await;
        let anon = app.anonymous_from(from(2));
        let first = anon.get("/api/v1/log/verify").await.json();
        assert_eq!(first["ok"], true);
        // The log grows: the answer follows it.
        let editor = app.client(Some(Role::Editor)).await;
        let r = editor
            .post_json("/api/v1/sources", &source("one more"))
            .await;
        assert_eq!(r.status, 201);
        let second = anon.get("/api/v1/log/verify").await.json();
        assert_eq!(second["ok"], true);
        assert_eq!(
            second["length"].as_i64(),
            first["length"].as_i64().map(|n| n + 1)
        );
        assert_ne!(second["head"], first["head"]);
        // One address asking without end is turned away; a logged-in user is not.
        let mut statuses = Vec::new();
        for _ in 0..40 {
            statuses.push(anon.get("/api/v1/log/verify").await.status);
        }
        assert!(statuses.contains(&429), "{b:?}: {statuses:?}");
        for _ in 0..40 {
            assert_eq!(editor.get("/api/v1/log/verify").await.status, 200);
        }
        // Entries cut from the end of the log, rows and all, are noticed.
        let drop = match b {
            Backend::Sqlite => "DROP TRIGGER log_no_delete;",
            Backend::Postgres => "DROP TRIGGER log_no_delete ON log;",
        };
        let last = app.log_len().await;
        app.sql(&format!(
            "{drop} DELETE FROM sources WHERE entry_seq = {last}; DELETE FROM log WHERE seq = {last};"
        ))
        .await
        .expect("cut");
        let v = app
            .anonymous_from(from(3))
            .get("/api/v1/log/verify")
            .await
            .json();
        assert_eq!(v["ok"], false, "{b:?}: {v}");
        assert!(
            v["problem"]
                .as_str()
                .is_some_and(|p| p.contains("removed or rewritten")),
            "{v}"
        );
    }
}

// 7 -------------------------------------------------------------------------------------------

#[tokio::test]
async fn deep_verification_names_an_edited_or_removed_projection_row() {
    for b in backends() {
        let app = spawn_app_on(b).await;
        seed(&app).await;
        assert_eq!(
            app.store.compare_projections().await.expect("compare"),
            None
        );
        let seq: i64 = {
            let mut c = app.store.conn().await.expect("conn");
            konbit_store::log::entries_of_kind(
                &mut c.ex(),
                konbit_domain::EntryKind::SourceRegistered,
                0,
                1,
            )
            .await
            .expect("entries")[0]
                .seq
        };
        app.sql("UPDATE sources SET title = 'Edited' WHERE title = 'UN press release'")
            .await
            .expect("edit");
        let d = app
            .store
            .compare_projections()
            .await
            .expect("compare")
            .expect("a difference");
        assert_eq!(d.table, "sources");
        assert_eq!(d.entry_seq, Some(seq));
        assert!(
            d.problem
                .contains("title is 'Edited' in the table but 'UN press release' by the log")
                || d.problem
                    .contains("title is Edited in the table but UN press release by the log"),
            "{b:?}: {}",
            d.problem
        );
        app.sql("UPDATE sources SET title = 'UN press release' WHERE title = 'Edited'")
            .await
            .expect("mend");
        app.sql("DELETE FROM mandates").await.expect("remove");
        let d = app
            .store
            .compare_projections()
            .await
            .expect("compare")
            .expect("a difference");
        assert_eq!(d.table, "mandates");
        assert!(d.problem.contains("it was removed"), "{}", d.problem);
        // The server went on answering meanwhile: deep verification writes nothing real.
        assert_eq!(app.anonymous().get("/healthz").await.status, 200);
    }
}

#[tokio::test]
async fn the_command_line_verifies_deeply_and_against_a_head_kept_outside() {
    let app = spawn_app().await;
    seed(&app).await;
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_konbit"))
            .arg("--database")
            .arg(&app.db.url)
            .args(args)
            .output()
            .expect("run konbit");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, out) = run(&["log", "verify"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("projections: every row matches a replay of the log"),
        "{out}"
    );
    let kept = out
        .split("konbit log verify --head ")
        .nth(1)
        .and_then(|r| r.split('`').next())
        .expect("the head to keep")
        .to_string();
    // Two more entries, then cut them out together with their rows: the chain and the
    // projections still agree with each other, only the kept head tells.
    let editor = app.client(Some(Role::Editor)).await;
    for t in ["later one", "later two"] {
        let r = editor.post_json("/api/v1/sources", &source(t)).await;
        assert_eq!(r.status, 201);
    }
    let (code, out) = run(&["log", "verify", "--head", &kept]);
    assert_eq!(code, 0, "{out}");
    let (_, out) = run(&["log", "verify"]);
    let later = out
        .split("konbit log verify --head ")
        .nth(1)
        .and_then(|r| r.split('`').next())
        .expect("head")
        .to_string();
    let n = app.log_len().await;
    app.sql(&format!(
        "DROP TRIGGER log_no_delete; DELETE FROM sources WHERE entry_seq > {}; \
         DELETE FROM log WHERE seq > {};",
        n - 2,
        n - 2
    ))
    .await
    .expect("cut");
    // The Merkle tree still holds the entries cut.
    let (code, out) = run(&["log", "verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the log was cut after entry"), "{out}");
    app.sql(&format!(
        "DELETE FROM log_tree WHERE level = 0 AND idx >= {0}; \
         DELETE FROM log_tree WHERE level > 0 AND (idx + 1) * (1 << level) > {0};",
        n - 2
    ))
    .await
    .expect("cut the tree");
    let (code, out) = run(&["log", "verify"]);
    assert_eq!(
        code, 0,
        "log and tree cut cleanly, the database alone cannot tell: {out}"
    );
    let (code, out) = run(&["log", "verify", "--head", &later]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the log was cut after entry"), "{out}");
    // An edited row is named by the default (deep) verification.
    app.sql("UPDATE sources SET title = 'Edited' WHERE title = 'UN press release'")
        .await
        .expect("edit");
    let (code, out) = run(&["log", "verify"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("sources row (entry_seq="), "{out}");
    let (code, _) = run(&["log", "verify", "--chain-only"]);
    assert_eq!(code, 0);
}
