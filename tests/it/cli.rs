//! The `konbit` executable: help everywhere, `load`, `log verify` exit codes on an intact and a
//! tampered log, the ACLED import (all-or-nothing, rejects, re-import, revisions) and export,
//! `rebuild`, `user` management, and one-line errors for bad input.

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
        vec!["user", "disable", "--help"],
        vec!["user", "enable", "--help"],
        vec!["token", "list", "--help"],
        vec!["token", "revoke", "--help"],
        vec!["log", "verify", "--help"],
        vec!["rebuild", "--help"],
        vec!["load", "--help"],
        vec!["import", "acled", "--help"],
        vec!["export", "incidents", "--help"],
        vec!["gen", "incidents", "--help"],
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

#[tokio::test]
async fn tokens_are_listed_and_revoked_and_users_disabled() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    let pw = [("KONBIT_PASSWORD", "a-long-passphrase")];
    assert_eq!(konbit(&db, &["user", "add", "carol"], &pw).code, 0);
    assert_eq!(
        konbit(&db, &["user", "add", "dan", "--role", "admin"], &pw).code,
        0
    );
    // Two logins of carol's, as the server would make them.
    let store = konbit_store::Store::open(&konbit_store::Options {
        url: db.clone(),
        migrate: false,
    })
    .await
    .expect("open");
    {
        let mut c = store.conn().await.expect("conn");
        let carol = konbit_store::users::find(&mut c.ex(), "carol")
            .await
            .expect("find")
            .expect("carol");
        for _ in 0..2 {
            konbit_store::users::issue_token(
                &mut c.ex(),
                &carol,
                konbit_store::users::TokenKind::Api,
                time::Duration::days(1),
            )
            .await
            .expect("token");
        }
    }
    store.close().await;
    let list = konbit(&db, &["token", "list", "--user", "carol"], &[]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(list.stdout.lines().count(), 2, "{}", list.stdout);
    assert!(list.stdout.contains("\tcarol\tapi\t"), "{}", list.stdout);
    let json: serde_json::Value =
        serde_json::from_str(&konbit(&db, &["token", "list", "--json"], &[]).stdout).expect("json");
    let id = json[0]["id"].as_str().expect("id").to_string();
    let r = konbit(&db, &["token", "revoke", &id], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("revoked token {id} of carol")),
        "{}",
        r.stdout
    );
    assert_eq!(
        konbit(&db, &["token", "list"], &[]).stdout.lines().count(),
        1
    );
    let r = konbit(&db, &["token", "revoke", "--user", "carol"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(konbit(&db, &["token", "list"], &[]).stdout.is_empty());
    let r = konbit(&db, &["token", "revoke", &id], &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no live token"), "{}", r.stderr);
    let r = konbit(&db, &["token", "revoke", &id, "--user", "carol"], &[]);
    assert_ne!(r.code, 0);
    // Disabling, enabling; the last admin stays.
    let r = konbit(&db, &["user", "disable", "CAROL"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        konbit(&db, &["user", "list"], &[])
            .stdout
            .contains("carol\tviewer\tdisabled")
    );
    assert_eq!(konbit(&db, &["user", "enable", "carol"], &[]).code, 0);
    let r = konbit(&db, &["user", "disable", "dan"], &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("last admin"), "{}", r.stderr);
    // Names do not differ by case alone.
    let r = konbit(&db, &["user", "add", "Carol"], &pw);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    let log = konbit(&db, &["log", "verify"], &[]);
    assert_eq!(log.code, 0, "{}", log.stdout);
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
        "[[mission]]\nslug = \"m\"\nname = \"M\"\nshort_name = \"M\"\nhost_country = \"HTI\"\nlead_nation = \"XXX\"\nstart_date = \"2023-10-02\"\nsources = [\"a\"]\n",
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
        r.stderr.contains("missions.toml: unknown table [[mision]]")
            && r.stderr.contains("mission, mandate"),
        "{}",
        r.stderr
    );
}

fn log_length(db: &str) -> i64 {
    let r = konbit(db, &["log", "verify", "--json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("verify json");
    assert_eq!(v["ok"], true, "{}", r.stdout);
    v["length"].as_i64().expect("length")
}

/// A generated ACLED file: header plus `n` rows.
fn generated(dir: &Path, n: u64) -> (std::path::PathBuf, Vec<String>) {
    let path = dir.join("gen.csv");
    let r = Command::new(env!("CARGO_BIN_EXE_konbit"))
        .args([
            "gen",
            "incidents",
            "--count",
            &n.to_string(),
            "--seed",
            "5",
            "--out",
        ])
        .arg(&path)
        .output()
        .expect("gen");
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(&path).expect("read gen");
    (path, text.lines().map(str::to_string).collect())
}

#[test]
fn acled_import_is_all_or_nothing_and_names_every_bad_row() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    assert_eq!(konbit(&db, &["migrate"], &[]).code, 0);
    let (_, lines) = generated(dir.path(), 20);
    let mut bad = lines.clone();
    // Line numbers count the header as line 1.
    // The generated rows start `SYNn,YYYY-MM-DD,`: put an impossible date in the second field.
    let (id, rest) = lines[3].split_once(',').expect("id");
    bad[3] = format!("{id},2024-13-45,{}", rest.split_once(',').expect("date").1);
    bad[5] = lines[5].replace(
        ",332,Caribbean,Haiti,",
        ",214,Caribbean,Dominican Republic,",
    );
    bad[7] = lines[7].replacen("Political violence,", "Political violence,Gang war,", 1);
    let mut bytes = bad.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n");
    // Invalid UTF-8 in the notes of the last row.
    let last = bytes
        .iter()
        .rposition(|b| *b == b'"')
        .expect("quoted notes");
    bytes.insert(last, 0xff);
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, &bytes).expect("write");
    let before = log_length(&db);
    let r = konbit(&db, &["import", "acled", file.to_str().expect("path")], &[]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("line 4, column event_date:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("line 6, column iso:"), "{}", r.stderr);
    assert!(r.stderr.contains("line 6, column country:"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("line 8: the row has 32 fields, the header has 31"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("line 21, column notes: is not valid UTF-8"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing was imported"), "{}", r.stderr);
    assert_eq!(log_length(&db), before, "a refused import wrote nothing");

    // With --rejects the good rows go in and the bad ones are written out with their reasons.
    let rejects = dir.path().join("rejects.csv");
    let r = konbit(
        &db,
        &[
            "import",
            "acled",
            file.to_str().expect("path"),
            "--rejects",
            rejects.to_str().expect("path"),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("20 rows read, 16 new incidents, 0 revised, 0 unchanged, 4 rejected"),
        "{}",
        r.stdout
    );
    let out = std::fs::read_to_string(&rejects).expect("rejects");
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 4, "{out}");
    assert_eq!(&rows[0][0], "4");
    assert!(rows[0][1].starts_with("event_date:"), "{out}");
    // 16 incidents and the file's source.
    assert_eq!(log_length(&db), before + 17);
}

/// `lines` (a current ACLED export) rewritten in ACLED's 2019–2022 column layout: `data_id`
/// first, `event_id_no_cnty` after `event_id_cnty`, no `disorder_type`, `civilian_targeting` or
/// `tags`, and `iso3` last.
fn older_layout(lines: &[String]) -> String {
    let text = lines.join("\n");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().expect("header").clone();
    let dropped = ["disorder_type", "civilian_targeting", "tags"];
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec!["data_id".to_string()];
    for h in header.iter().filter(|h| !dropped.contains(h)) {
        head.push(h.to_string());
        if h == "event_id_cnty" {
            head.push("event_id_no_cnty".into());
        }
    }
    head.push("iso3".into());
    w.write_record(&head).expect("header");
    for (n, row) in rdr.records().enumerate() {
        let row = row.expect("row");
        let mut out = vec![(n + 1).to_string()];
        for (h, f) in header.iter().zip(row.iter()) {
            if dropped.contains(&h) {
                continue;
            }
            out.push(f.to_string());
            if h == "event_id_cnty" {
                out.push(f.trim_start_matches(char::is_alphabetic).to_string());
            }
        }
        out.push("HTI".into());
        w.write_record(&out).expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("utf8")
}

#[test]
fn acled_reimport_adds_nothing_and_a_changed_row_is_a_revision() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    assert_eq!(konbit(&db, &["migrate"], &[]).code, 0);
    let (file, lines) = generated(dir.path(), 50);
    let f = file.to_str().expect("path");
    let r = konbit(
        &db,
        &["import", "acled", f, "--classification", "public"],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("50 new incidents"), "{}", r.stdout);
    let length = log_length(&db);
    let again = konbit(
        &db,
        &["import", "acled", f, "--classification", "public"],
        &[],
    );
    assert!(
        again
            .stdout
            .contains("0 new incidents, 0 revised, 50 unchanged"),
        "{}",
        again.stdout
    );
    assert_eq!(
        log_length(&db),
        length,
        "re-importing the same file appends nothing"
    );

    // The same events in ACLED's 2019–2022 layout: no disorder_type, civilian_targeting or
    // tags, but data_id, event_id_no_cnty and iso3. What the file lacks is not a change.
    let older = dir.path().join("older.csv");
    std::fs::write(&older, older_layout(&lines)).expect("write");
    let r = konbit(
        &db,
        &[
            "import",
            "acled",
            older.to_str().expect("path"),
            "--classification",
            "public",
        ],
        &[],
    );
    assert!(
        r.stdout
            .contains("0 new incidents, 0 revised, 50 unchanged")
            && !r.stdout.contains("not ACLED's")
            && !r.stderr.contains("not ACLED's"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    assert_eq!(
        log_length(&db),
        length + 1,
        "only the file's source is added"
    );

    // ACLED revises an event: the same id with other fatalities is a new version.
    let mut changed = lines.clone();
    let row = &changed[10];
    let fat_at = row.rfind(",,").expect("tags column is empty");
    let head = &row[..fat_at];
    let comma = head.rfind(',').expect("fatalities");
    changed[10] = format!("{},{}{}", &head[..comma], 999, &row[fat_at..]);
    let file2 = dir.path().join("changed.csv");
    std::fs::write(&file2, changed.join("\n") + "\n").expect("write");
    let r = konbit(
        &db,
        &[
            "import",
            "acled",
            file2.to_str().expect("path"),
            "--classification",
            "public",
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("0 new incidents, 1 revised, 49 unchanged"),
        "{}",
        r.stdout
    );

    // Export (ACLED format) and import into a fresh database: the same incidents.
    let export = dir.path().join("export.csv");
    let r = konbit(
        &db,
        &[
            "export",
            "incidents",
            "--format",
            "acled",
            "--out",
            export.to_str().expect("path"),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("exported 50 incidents"), "{}", r.stderr);
    let text = std::fs::read_to_string(&export).expect("export");
    assert!(text.contains(",999,"), "the export has the revised figure");
    let dir2 = tempfile::tempdir().expect("dir");
    let db2 = db_url(dir2.path());
    let r = konbit(
        &db2,
        &["import", "acled", export.to_str().expect("path")],
        &[],
    );
    assert!(
        r.stdout.contains("50 rows read, 50 new incidents"),
        "{}{}",
        r.stdout,
        r.stderr
    );

    // Filters and clearance: mission-classified incidents are not exported at public clearance.
    let r = konbit(
        &db2,
        &[
            "export",
            "incidents",
            "--format",
            "geojson",
            "--clearance",
            "public",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("geojson");
    assert_eq!(v["features"].as_array().map(Vec::len), Some(0));
    let r = konbit(
        &db2,
        &[
            "export",
            "incidents",
            "--format",
            "geojson",
            "--clearance",
            "mission",
            "--type",
            "battles",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("geojson");
    let features = v["features"].as_array().expect("features");
    assert!(!features.is_empty());
    assert!(
        features
            .iter()
            .all(|f| f["properties"]["event_type"] == "battles")
    );
}

#[test]
fn hxl_files_import_events_by_hashtag_and_indicator_tables_as_observations() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    assert_eq!(konbit(&db, &["migrate"], &[]).code, 0);
    let (file, _) = generated(dir.path(), 30);
    let f = file.to_str().expect("path");
    let r = konbit(
        &db,
        &["import", "acled", f, "--classification", "public"],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);

    // Konbit's own HXL export imports, by `import hxl`, into a fresh database.
    let export = dir.path().join("export-hxl.csv");
    let r = konbit(
        &db,
        &[
            "export",
            "incidents",
            "--format",
            "hxl",
            "--out",
            export.to_str().expect("path"),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir2 = tempfile::tempdir().expect("dir");
    let db2 = db_url(dir2.path());
    let r = konbit(
        &db2,
        &["import", "hxl", export.to_str().expect("path")],
        &[],
    );
    assert!(
        r.code == 0 && r.stdout.contains("30 rows read, 30 new incidents"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    // Imported again into the first: the same events, nothing to revise.
    let r = konbit(&db, &["import", "hxl", export.to_str().expect("path")], &[]);
    assert!(
        r.stdout
            .contains("0 new incidents, 0 revised, 30 unchanged"),
        "{}{}",
        r.stdout,
        r.stderr
    );

    // An IOM-style displacement table: a header, a hashtag row, CRLF line ends.
    let iom = dir.path().join("dtm.csv");
    std::fs::write(
        &iom,
        "Date,Department,Department code,IDPs (individuals),IDPs (households)\r\n\
         #date+reported,#adm1+name,#adm1+code,#affected+idps+ind,#affected+idps+hh\r\n\
         2024-06-30,Ouest,HT-OU,\"310,000\",70000\r\n\
         2024-06-30,Artibonite,HT-AR,\"110,000\",25000\r\n\
         2024-06-30,,,578074,\r\n",
    )
    .expect("write");
    let before = log_length(&db);
    let r = konbit(&db, &["import", "hxl", iom.to_str().expect("path")], &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("3 rows read, 3 new observations, 0 already recorded, 0 rejected"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains(
            "ignored column #affected+idps+hh: a breakdown (+hh), not the total of people"
        ),
        "{}",
        r.stderr
    );
    // Three observations and the file as their source.
    assert_eq!(log_length(&db), before + 4);
    let again = konbit(&db, &["import", "hxl", iom.to_str().expect("path")], &[]);
    assert!(
        again
            .stdout
            .contains("0 new observations, 3 already recorded"),
        "{}",
        again.stdout
    );
    assert_eq!(log_length(&db), before + 4, "nothing recorded twice");

    // A bad table: every bad row named by line and hashtag, nothing written.
    let bad = dir.path().join("bad-dtm.csv");
    std::fs::write(
        &bad,
        "#date+reported,#adm1+code,#affected+idps\n\
         2024-07-31,HT-OU,320000\n\
         2024-07-31,HT-ZZ,5\n\
         31/07/2024,HT-AR,5\n",
    )
    .expect("write");
    let r = konbit(&db, &["import", "hxl", bad.to_str().expect("path")], &[]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("line 3, column #adm1+code: \"HT-ZZ\" is not a department of Haiti")
            && r.stderr
                .contains("line 4, column #date+reported: \"31/07/2024\" is not a date")
            && r.stderr.contains("nothing was imported"),
        "{}",
        r.stderr
    );
    assert_eq!(log_length(&db), before + 4, "a refused table wrote nothing");
    // With --rejects the good row goes in and the bad ones are written out.
    let rejects = dir.path().join("rejects.csv");
    let r = konbit(
        &db,
        &[
            "import",
            "hxl",
            bad.to_str().expect("path"),
            "--rejects",
            rejects.to_str().expect("path"),
        ],
        &[],
    );
    assert!(
        r.stdout
            .contains("1 new observations, 0 already recorded, 2 rejected"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    let out = std::fs::read_to_string(&rejects).expect("rejects");
    assert!(
        out.starts_with("line,reasons,#date+reported,#adm1+code,#affected+idps\n3,"),
        "{out}"
    );

    // A file that is neither: refused on line 1, naming what it lacks.
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "a,b\n1,2\n").expect("write");
    let r = konbit(&db, &["import", "hxl", other.to_str().expect("path")], &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("line 1: the table has no HXL hashtag row"),
        "{}",
        r.stderr
    );
}

/// A file of `tests/fixtures/partners/` (see its README).
fn partners(name: &str) -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/partners/"
    )
    .to_string()
        + name
}

#[test]
fn partners_files_in_every_layout_import_and_agree() {
    let import = |db: &str, file: &str| {
        let r = konbit(db, &["import", "acled", &partners(file)], &[]);
        assert_eq!(r.code, 0, "{file}: {}{}", r.stdout, r.stderr);
        r
    };
    // The 2019–2022 layout first (CRLF, numeric actor types, "03 October 2024" dates), then the
    // same events in the current layout: it says more (disorder type, civilian targeting), so
    // every event gets a new version.
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    let r = import(&db, "acled-2019-2022.csv");
    assert!(
        r.stdout.contains("5 rows read, 5 new incidents"),
        "{}",
        r.stdout
    );
    assert!(!r.stderr.contains("not ACLED's"), "{}", r.stderr);
    let r = import(&db, "acled-current.csv");
    assert!(
        r.stdout.contains("0 new incidents, 5 revised, 0 unchanged"),
        "{}",
        r.stdout
    );
    // Now the older layout and HDX's file (its hashtag row under the header) say nothing new.
    for file in ["acled-2019-2022.csv", "hdx-conflict-data-hti.csv"] {
        let r = import(&db, file);
        assert!(
            r.stdout.contains("0 new incidents, 0 revised, 5 unchanged"),
            "{file}: {}",
            r.stdout
        );
    }
    // `import hxl` takes HDX's file too, into a fresh database.
    let dir2 = tempfile::tempdir().expect("dir");
    let db2 = db_url(dir2.path());
    let r = konbit(
        &db2,
        &["import", "hxl", &partners("hdx-conflict-data-hti.csv")],
        &[],
    );
    assert!(
        r.stdout.contains("5 rows read, 5 new incidents"),
        "{}{}",
        r.stdout,
        r.stderr
    );

    // The event at sea off Cap-Haïtien is inside the territorial sea; its commune has a P-code.
    let r = konbit(
        &db,
        &[
            "export",
            "incidents",
            "--format",
            "hxl",
            "--clearance",
            "mission",
        ],
        &[],
    );
    let row = r
        .stdout
        .lines()
        .find(|l| l.starts_with("HTI99005,"))
        .expect("the coast event");
    assert!(
        row.contains(",Nord,HT03,HT-ND,Cap-Haitien,Cap-Haitien,HT0311,"),
        "{row}"
    );
    let row = r
        .stdout
        .lines()
        .find(|l| l.starts_with("HTI99003,"))
        .expect("Wharf Jérémie");
    assert!(row.contains(",Cite Soleil,HT0117,"), "{row}");

    // IOM's table: communes by P-code, a department, the country; households named as ignored.
    let r = konbit(&db, &["import", "hxl", &partners("iom-dtm-hti.csv")], &[]);
    assert!(
        r.stdout.contains("4 rows read, 4 new observations"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    assert!(
        r.stderr.contains("ignored column #affected+idps+hh"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_import_without_acleds_columns_is_refused_on_line_1() {
    let dir = tempfile::tempdir().expect("dir");
    let db = db_url(dir.path());
    let file = dir.path().join("other.csv");
    std::fs::write(&file, "id,date,type\n1,2024-01-01,x\n").expect("write");
    let r = konbit(&db, &["import", "acled", file.to_str().expect("path")], &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("line 1: the header lacks ACLED's required column(s): event_id_cnty"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = konbit(
        &db,
        &[
            "import",
            "acled",
            dir.path().join("missing.csv").to_str().expect("path"),
        ],
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("konbit: cannot read"), "{}", r.stderr);
}
