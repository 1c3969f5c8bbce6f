//! The `konbit` executable: help everywhere, `load`, `log verify` exit codes on an intact and a
//! tampered log, `rebuild`, `user` management, and one-line errors for bad input.

use sqlx::Connection;
use std::{path::Path, process::Command};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn konbit(db: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_konbit"));
    c.arg("--database")
        .arg(db)
        .args(args)
        .env_remove("KONBIT_PASSWORD");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run konbit");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn haiti() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/haiti-mss"
    )
    .to_string()
}

fn db_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("konbit.db").display())
}

async fn tamper(url: &str, sql: &str) {
    let mut c = sqlx::SqliteConnection::connect(url).await.expect("connect");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP TRIGGER log_no_update; DROP TRIGGER log_no_delete; {sql}"
    )))
    .execute(&mut c)
    .await
    .expect("tamper");
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["demo", "--help"],
        vec!["migrate", "--help"],
        vec!["user", "--help"],
        vec!["user", "add", "--help"],
        vec!["user", "list", "--help"],
        vec!["user", "passwd", "--help"],
        vec!["user", "role", "--help"],
        vec!["log", "verify", "--help"],
        vec!["rebuild", "--help"],
        vec!["load", "--help"],
    ] {
        let r = konbit(&db, &args, &[]);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains("Usage"), "{args:?}: {}", r.stdout);
    }
}

#[tokio::test]
async fn load_verify_tamper_rebuild() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    let r = konbit(&db, &["load", &haiti()], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("entries"), "{}", r.stdout);

    let ok = konbit(&db, &["log", "verify"], &[]);
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);
    assert!(ok.stdout.starts_with("ok: "), "{}", ok.stdout);
    let json = konbit(&db, &["log", "verify", "--json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(v["ok"], true);
    let length = v["length"].as_i64().expect("length");
    assert!(ok.stdout.contains(&format!("{length} entries")));

    let rebuilt = konbit(&db, &["rebuild"], &[]);
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    assert!(
        rebuilt.stdout.contains(&format!("{length} entries")),
        "{}",
        rebuilt.stdout
    );
    assert_eq!(
        konbit(&db, &["log", "verify"], &[]).stdout,
        ok.stdout,
        "rebuild changed nothing in the log"
    );

    tamper(&db, "UPDATE log SET actor = 'user:mallory' WHERE seq = 60").await;
    let bad = konbit(&db, &["log", "verify"], &[]);
    assert_eq!(bad.code, 1, "{}", bad.stdout);
    assert!(bad.stdout.contains("FAILED at seq 60"), "{}", bad.stdout);
}

#[tokio::test]
async fn verify_names_a_removed_entry() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    assert_eq!(konbit(&db, &["load", &haiti()], &[]).code, 0);
    tamper(&db, "DELETE FROM log WHERE seq = 42").await;
    let bad = konbit(&db, &["log", "verify"], &[]);
    assert_eq!(bad.code, 1);
    assert!(bad.stdout.contains("FAILED at seq 42"), "{}", bad.stdout);
}

#[test]
fn users_are_managed_and_bad_input_is_a_one_line_error() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    let pw = [("KONBIT_PASSWORD", "a-long-passphrase")];
    let r = konbit(&db, &["user", "add", "alice", "--role", "editor"], &pw);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list = konbit(&db, &["user", "list"], &[]);
    assert!(list.stdout.contains("alice\teditor"), "{}", list.stdout);
    assert_eq!(
        konbit(&db, &["user", "role", "alice", "admin"], &[]).code,
        0
    );
    assert!(
        konbit(&db, &["user", "list"], &[])
            .stdout
            .contains("alice\tadmin")
    );
    let last = konbit(&db, &["user", "role", "alice", "viewer"], &[]);
    assert_eq!(last.code, 2);
    assert!(last.stderr.contains("last admin"), "{}", last.stderr);
    assert_eq!(konbit(&db, &["user", "passwd", "alice"], &pw).code, 0);

    let dup = konbit(&db, &["user", "add", "alice"], &pw);
    assert_eq!(dup.code, 2);
    assert!(dup.stderr.contains("already exists"), "{}", dup.stderr);
    let short = konbit(
        &db,
        &["user", "add", "bob"],
        &[("KONBIT_PASSWORD", "short")],
    );
    assert_eq!(short.code, 2);
    assert!(
        short
            .stderr
            .contains("password: must be at least 10 characters"),
        "{}",
        short.stderr
    );
    let role = konbit(&db, &["user", "add", "bob", "--role", "king"], &pw);
    assert_ne!(role.code, 0);
    assert!(role.stderr.contains("king"), "{}", role.stderr);
    let nobody = konbit(&db, &["user", "passwd", "nobody"], &pw);
    assert_eq!(nobody.code, 2);
    assert!(nobody.stderr.contains("nobody"), "{}", nobody.stderr);
    let url = konbit("mysql://x", &["migrate"], &[]);
    assert_eq!(url.code, 2);
    assert!(
        url.stderr.contains("unsupported database URL"),
        "{}",
        url.stderr
    );
    let missing = konbit(&db, &["load", "/nonexistent/scenario"], &[]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("is not a scenario folder"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_bad_scenario_is_refused_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    let scen = dir.path().join("scen");
    std::fs::create_dir(&scen).expect("mkdir");
    std::fs::write(
        scen.join("sources.toml"),
        "[[source]]\nkey = \"a\"\nkind = \"press_release\"\ntitle = \"A\"\nurl = \"https://a.example\"\nreliability = \"A\"\ncredibility = 1\n",
    )
    .expect("write");
    std::fs::write(
        scen.join("missions.toml"),
        "[[mission]]\nkey = \"m\"\nname = \"M\"\nshort_name = \"M\"\nhost_country = \"HTI\"\nlead_nation = \"XXX\"\nstart_date = \"2023-10-02\"\nsources = [\"a\"]\n",
    )
    .expect("write");
    let r = konbit(&db, &["load", scen.to_str().expect("path")], &[]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("missions.toml: mission \"m\""),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("lead_nation"), "{}", r.stderr);
    // The source before it was not recorded either.
    let v = konbit(&db, &["log", "verify", "--json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&v.stdout).expect("json");
    assert_eq!(v["length"], 0);

    std::fs::write(scen.join("missions.toml"), "[[mision]]\nkey = \"m\"\n").expect("write");
    let r = konbit(&db, &["load", scen.to_str().expect("path")], &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("missions.toml is not a valid scenario file")
            && r.stderr.contains("mision"),
        "{}",
        r.stderr
    );
}
