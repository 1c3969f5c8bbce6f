//! Situation benchmark: the streaming ACLED import and the situation reads at scale.
//!
//! 1. Generates `KONBIT_BENCH_ROWS` synthetic incidents (default 1,000,000; seed 42) to a temp
//!    CSV with the domain generator and the ACLED writer.
//! 2. Baseline, measured in the same run: the database's own bulk load of the same CSV into a
//!    bare table of ACLED's 31 columns without indexes — SQLite's shell `.import` (WAL,
//!    synchronous=FULL, one transaction), PostgreSQL's `COPY` (psql `\copy`). For comparison,
//!    one awaited sqlx `INSERT … VALUES ($1…$31)` per row bound from the rows the ACLED reader
//!    parses, all in one transaction (what Konbit's driver costs per row).
//! 3. The import (`acled_import::import`) in a child process (this executable re-executed with
//!    `KONBIT_BENCH_CHILD=import`), so that its peak RSS (VmHWM) is its own.
//! 4. p50/p95 of the map, weekly and search reads on the imported database (parameters varied
//!    with a fixed seed; a few warm-up runs are not counted).
//! 5. The floor: the database itself copying every table the import wrote into empty tables of
//!    the same schema (`INSERT … SELECT`, one transaction, the full-text index rebuilt) — what
//!    storing the record's shape costs before any of Konbit's work. Printed beside the
//!    baseline, so that the import's ratio can be read against what the schema allows.
//! 6. The weekly aggregation in DuckDB on the same CSV (installed with pip into a temporary
//!    virtualenv; skipped with a message when that fails).
//!
//! `cargo bench -p konbit-testkit --bench situation`. Set `KONBIT_BENCH_POSTGRES_URL` to also run
//! it on PostgreSQL (a database is created and dropped per step). `KONBIT_BENCH_QUERY_RUNS` sets
//! the runs per read (default 200). Prints a table; asserts nothing.

#![allow(clippy::print_stdout, clippy::expect_used)]

use konbit_domain::{
    Classification, Reliability,
    situation::acled::EventType,
    situation::acled_csv::{self, Exported, Format, Reader},
    situation::gazetteer::{self, PlaceKind},
    situation::synthetic::{self, Rng},
    situation::{NewIncident, Verification},
};
use konbit_store::{
    Actor, Options, PoolConn, Store, Visibility,
    situation::import as acled_import,
    situation::{self, IncidentFilter},
};
use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};
use time::{Date, macros::date};

const SEED: u64 = 42;
const CHILD_VAR: &str = "KONBIT_BENCH_CHILD";

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

/// The process's peak resident memory in KiB (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn generate(path: &Path, rows: u64) {
    let f = std::fs::File::create(path).expect("create csv");
    let mut w =
        acled_csv::Writer::new(std::io::BufWriter::with_capacity(1 << 16, f), Format::Acled)
            .expect("csv header");
    for i in synthetic::incidents(rows, SEED) {
        w.write(&Exported {
            incident: i,
            status: Verification::Reported,
            classification: Classification::Public,
            sources: vec![],
        })
        .expect("csv row");
    }
    w.finish().expect("finish").flush().expect("flush");
}

async fn open(url: &str) -> Store {
    Store::open(&Options {
        url: url.into(),
        migrate: true,
    })
    .await
    .expect("open store")
}

// ------------------------------------------------------------------------------------------------
// Baseline: plain prepared INSERTs into a bare 31-column table.

const BARE_TABLE: &str = "CREATE TABLE acled_bare (
    event_id_cnty TEXT, event_date DATE, year BIGINT, time_precision BIGINT, disorder_type TEXT,
    event_type TEXT, sub_event_type TEXT, actor1 TEXT, assoc_actor_1 TEXT, inter1 TEXT,
    actor2 TEXT, assoc_actor_2 TEXT, inter2 TEXT, interaction TEXT, civilian_targeting TEXT,
    iso BIGINT, region TEXT, country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT, location TEXT,
    latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision BIGINT, source TEXT,
    source_scale TEXT, notes TEXT, fatalities BIGINT, tags TEXT, timestamp BIGINT)";

fn bare_insert_sql() -> String {
    let ps: Vec<String> = (1..=31).map(|k| format!("${k}")).collect();
    format!("INSERT INTO acled_bare VALUES ({})", ps.join(", "))
}

macro_rules! bind_row {
    ($q:expr, $i:expr) => {{
        let i: &NewIncident = $i;
        $q.bind(i.event_id.as_str())
            .bind(i.event_date)
            .bind(i64::from(i.event_date.year()))
            .bind(i64::from(i.time_precision))
            .bind(i.disorder().label())
            .bind(i.event_type.label())
            .bind(i.sub_event_type.label())
            .bind(i.actor1.as_str())
            .bind(i.assoc_actor_1.as_str())
            .bind(i.inter1.label())
            .bind(i.actor2.as_str())
            .bind(i.assoc_actor_2.as_str())
            .bind(i.inter2.map(|t| t.label()))
            .bind(konbit_domain::situation::acled::interaction_label(
                i.inter1, i.inter2,
            ))
            .bind(if i.civilian_targeting {
                "Civilian targeting"
            } else {
                ""
            })
            .bind(332_i64)
            .bind("Caribbean")
            .bind("Haiti")
            .bind(i.admin1.as_str())
            .bind(i.admin2.as_str())
            .bind(i.admin3.as_str())
            .bind(i.location.as_str())
            .bind(i.latitude)
            .bind(i.longitude)
            .bind(i64::from(i.geo_precision))
            .bind(i.source.as_str())
            .bind(i.source_scale.as_str())
            .bind(i.notes.as_str())
            .bind(i64::from(i.fatalities))
            .bind(i.tags.as_str())
            .bind(i.timestamp)
    }};
}

/// Rows per second of the baseline on a fresh database at `url`.
async fn baseline(url: &str, csv: &Path) -> (u64, f64) {
    let store = open(url).await;
    let mut conn = store.conn().await.expect("conn");
    let sql = bare_insert_sql();
    let started = Instant::now();
    let file = std::fs::File::open(csv).expect("open csv");
    let mut reader =
        Reader::new(std::io::BufReader::with_capacity(1 << 16, file)).expect("csv header");
    let mut n = 0u64;
    macro_rules! run {
        ($c:expr) => {{
            let c = $c;
            sqlx::raw_sql(BARE_TABLE)
                .execute(&mut *c)
                .await
                .expect("bare table");
            let mut tx = sqlx::Connection::begin(&mut *c).await.expect("begin");
            while let Some(next) = reader.next_row() {
                let row = next.expect("csv").expect("valid row");
                bind_row!(
                    sqlx::query(sqlx::AssertSqlSafe(sql.as_str())),
                    &row.incident
                )
                .execute(&mut *tx)
                .await
                .expect("insert");
                n += 1;
            }
            tx.commit().await.expect("commit");
        }};
    }
    match &mut conn {
        PoolConn::Sqlite(c) => run!(&mut **c),
        PoolConn::Pg(c) => run!(&mut **c),
    }
    let secs = started.elapsed().as_secs_f64();
    drop(conn);
    store.close().await;
    (n, n as f64 / secs)
}

/// Runs `cmd` with `input` on its standard input; its output is discarded, its errors kept.
fn piped(cmd: &mut Command, input: &str) -> Result<std::process::Output, String> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(input.as_bytes())
        .map_err(|e| e.to_string())?;
    child.wait_with_output().map_err(|e| e.to_string())
}

/// The database's own bulk load of the same CSV into the same bare table, timed in the same
/// run: SQLite's shell `.import` (a prepared statement through the C API, one transaction, WAL,
/// `synchronous=FULL`), or PostgreSQL's `COPY` (through psql's `\copy`). This is the baseline
/// the import is held to: the fastest way a user could put these rows into this database.
/// Returns rows per second.
fn native_baseline(fresh: &Fresh, csv: &Path, rows: u64) -> Result<f64, String> {
    let started = Instant::now();
    let out = match fresh {
        Fresh::Sqlite(path) => {
            let script = format!(
                "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n{BARE_TABLE};\nBEGIN;\n\
                 .import --csv --skip 1 {} acled_bare\nCOMMIT;\n",
                csv.display()
            );
            piped(Command::new("sqlite3").arg(path), &script)
                .map_err(|e| format!("sqlite3 (apt install sqlite3): {e}"))?
        }
        Fresh::Pg { .. } => {
            let url = fresh.url();
            let ok = Command::new("psql")
                .arg(&url)
                .args(["-v", "ON_ERROR_STOP=1", "-q", "-c", BARE_TABLE])
                .output()
                .map_err(|e| format!("psql: {e}"))?;
            if !ok.status.success() {
                return Err(String::from_utf8_lossy(&ok.stderr).into_owned());
            }
            let started_copy = Instant::now();
            let out = Command::new("psql")
                .arg(&url)
                .args(["-v", "ON_ERROR_STOP=1", "-q", "-c"])
                .arg(format!(
                    "\\copy acled_bare FROM '{}' WITH (FORMAT csv, HEADER true)",
                    csv.display()
                ))
                .output()
                .map_err(|e| format!("psql: {e}"))?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
            return Ok(rows as f64 / started_copy.elapsed().as_secs_f64());
        }
    };
    if !out.status.success() || !out.stderr.is_empty() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(rows as f64 / started.elapsed().as_secs_f64())
}

/// What the database itself needs to store what the import stored, timed on the imported
/// database after the import: every table the import wrote, copied with `INSERT … SELECT` into
/// empty tables of the same schema (same indexes; the full-text index rebuilt), one transaction,
/// the same durability. No per-row statement, no parsing, hashing or projecting: the cost of the
/// record's own shape (the log entry, its projection row, their indexes, the Merkle nodes), which
/// no import of this schema can go below. Returns rows per second of the CSV.
fn floor(imported: &Fresh, dir: &Path, rows: u64) -> Result<f64, String> {
    let run = |cmd: &mut Command, input: &str| -> Result<(), String> {
        let out = piped(cmd, input)?;
        if !out.status.success() || !out.stderr.is_empty() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        Ok(())
    };
    let query = |cmd: &mut Command| -> Result<Vec<String>, String> {
        let out = cmd.output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect())
    };
    match imported {
        Fresh::Sqlite(src) => {
            let dst = dir.join("floor.db");
            let tables = query(Command::new("sqlite3").arg(src).arg(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE 'incidents_fts_%' ORDER BY rowid",
            ))?;
            // The schema as the migrations left it, less the full-text index's own tables (its
            // CREATE VIRTUAL TABLE makes them). Statements span lines: it is run whole.
            let schema = Command::new("sqlite3")
                .arg(src)
                .arg(".schema --nosys")
                .output()
                .map_err(|e| e.to_string())?;
            let mut setup = String::from("PRAGMA journal_mode=WAL;\n");
            for stmt in String::from_utf8_lossy(&schema.stdout).split(";\n") {
                let stmt = stmt.trim();
                if stmt.is_empty() || stmt.contains("'incidents_fts_") {
                    continue;
                }
                setup.push_str(stmt);
                setup.push_str(";\n");
            }
            run(Command::new("sqlite3").arg(&dst), &setup)?;
            let mut copy = format!(
                "PRAGMA synchronous=FULL;\nATTACH '{}' AS src;\nBEGIN;\n",
                src.display()
            );
            for t in &tables {
                copy.push_str(&format!(
                    "INSERT INTO main.\"{t}\" SELECT * FROM src.\"{t}\";\n"
                ));
            }
            copy.push_str(
                "INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild');\nCOMMIT;\n",
            );
            let started = Instant::now();
            run(Command::new("sqlite3").arg(&dst), &copy)?;
            let secs = started.elapsed().as_secs_f64();
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", dst.display()));
            }
            Ok(rows as f64 / secs)
        }
        Fresh::Pg { .. } => {
            let url = imported.url();
            let psql = || {
                let mut c = Command::new("psql");
                c.arg(&url).args(["-v", "ON_ERROR_STOP=1", "-q", "-At"]);
                c
            };
            let tables = query(psql().arg("-c").arg(
                "SELECT table_name FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
            ))?;
            let mut setup = String::from("CREATE SCHEMA floor;\n");
            let mut copy = String::from("BEGIN;\n");
            for t in &tables {
                setup.push_str(&format!(
                    "CREATE TABLE floor.\"{t}\" (LIKE public.\"{t}\" INCLUDING ALL);\n"
                ));
                // Generated columns (the search vector) are computed again, as the import does.
                let cols = query(psql().arg("-c").arg(format!(
                    "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) \
                     FROM information_schema.columns WHERE table_schema = 'public' \
                     AND table_name = '{t}' AND is_generated = 'NEVER'"
                )))?
                .join("");
                copy.push_str(&format!(
                    "INSERT INTO floor.\"{t}\" ({cols}) SELECT {cols} FROM public.\"{t}\";\n"
                ));
            }
            copy.push_str("COMMIT;\n");
            run(&mut psql(), &setup)?;
            let started = Instant::now();
            run(&mut psql(), &copy)?;
            let secs = started.elapsed().as_secs_f64();
            let _ = run(&mut psql(), "DROP SCHEMA floor CASCADE;\n");
            Ok(rows as f64 / secs)
        }
    }
}

// ------------------------------------------------------------------------------------------------
// The import, in a child process.

struct ImportFigures {
    rows: u64,
    added: u64,
    secs: f64,
    rss_mib: f64,
}

/// The child: imports `KONBIT_BENCH_CSV` into `KONBIT_BENCH_DB` and prints one line of figures.
fn child_import() {
    let url = std::env::var("KONBIT_BENCH_DB").expect("KONBIT_BENCH_DB");
    let csv = PathBuf::from(std::env::var("KONBIT_BENCH_CSV").expect("KONBIT_BENCH_CSV"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let store = open(&url).await;
        let opts = acled_import::Options {
            classification: Classification::Mission,
            reliability: Reliability::B,
            credibility: 2,
            rejects: None,
        };
        let started = Instant::now();
        let r = acled_import::import(&store, Actor::system("bench"), &csv, &opts, &|_| {})
            .await
            .expect("import");
        let secs = started.elapsed().as_secs_f64();
        store.close().await;
        assert!(
            r.committed,
            "the import committed nothing: {:?}",
            r.problems
        );
        let rss = peak_rss_kib().unwrap_or(0);
        println!(
            "konbit-bench-import rows={} added={} secs={secs} rss_kib={rss}",
            r.rows, r.summary.added
        );
    });
}

fn run_child_import(url: &str, csv: &Path) -> ImportFigures {
    let out = Command::new(std::env::current_exe().expect("current exe"))
        .env(CHILD_VAR, "import")
        .env("KONBIT_BENCH_DB", url)
        .env("KONBIT_BENCH_CSV", csv)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("spawn the import child");
    assert!(
        out.status.success(),
        "the import child failed: {}",
        out.status
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("konbit-bench-import "))
        .expect("the import child's figures");
    let field = |k: &str| -> f64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
            .and_then(|v| v.parse().ok())
            .expect("a figure")
    };
    ImportFigures {
        rows: field("rows") as u64,
        added: field("added") as u64,
        secs: field("secs"),
        rss_mib: field("rss_kib") / 1024.0,
    }
}

// ------------------------------------------------------------------------------------------------
// Reads.

struct Timing {
    name: String,
    p50: f64,
    p95: f64,
    /// Average result rows, to show what the query returned.
    rows: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let k = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[k.min(sorted.len() - 1)]
}

fn timing(name: &str, mut ms: Vec<f64>, rows: usize) -> Timing {
    let runs = ms.len().max(1) as f64;
    ms.sort_by(f64::total_cmp);
    Timing {
        name: name.to_string(),
        p50: percentile(&ms, 0.5),
        p95: percentile(&ms, 0.95),
        rows: rows as f64 / runs,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

const WARMUP: usize = 5;

/// A rare word for search: a one-word, ASCII place name in a department the generator weights
/// least (Nippes), so it is in few rows' notes and locations.
fn rare_place() -> String {
    gazetteer::haiti()
        .places
        .iter()
        .filter(|p| p.kind != PlaceKind::Department && p.department == "HT-NI")
        .map(|p| p.name.clone())
        .find(|n| n.len() >= 5 && n.chars().all(|c| c.is_ascii_alphabetic()))
        .unwrap_or_else(|| "Miragoane".into())
}

fn random_date(rng: &mut Rng, from: Date, to: Date) -> Date {
    let days = (to - from).whole_days().max(1) as usize;
    from + time::Duration::days(rng.below(days) as i64)
}

async fn reads(store: &Store, runs: usize) -> (Vec<Timing>, Option<f64>, usize) {
    let vis = Visibility::now(Classification::Restricted);
    let mut conn = store.conn().await.expect("conn");
    let mut rng = Rng::new(SEED + 1);
    let first = date!(2021 - 01 - 01);
    let last = date!(2026 - 10 - 01);
    let types = [
        EventType::Battles,
        EventType::ViolenceAgainstCivilians,
        EventType::Protests,
        EventType::ExplosionsRemoteViolence,
    ];
    // (min_lon, min_lat, max_lon, max_lat)
    let boxes = [
        [-72.45, 18.45, -72.20, 18.65], // Port-au-Prince and its communes
        [-72.90, 18.90, -72.30, 19.50], // Artibonite's lower valley and coast
    ];
    let departments = ["HT-OU", "HT-AR", "HT-CE", "HT-NI", "HT-ND", "HT-SD"];
    let mut out = Vec::new();

    // Map: a box, a 30-day range, one event type, limit 5000.
    let (mut t, mut rows) = (Vec::new(), 0usize);
    for k in 0..runs + WARMUP {
        let from = random_date(&mut rng, first, last);
        let f = IncidentFilter {
            from: Some(from),
            to: Some(from + time::Duration::days(29)),
            types: vec![types[rng.below(types.len())]],
            bbox: Some(boxes[rng.below(boxes.len())]),
            ..IncidentFilter::default()
        };
        let t0 = Instant::now();
        let r = situation::map_points(&mut conn.ex(), &f, vis, 5000)
            .await
            .expect("map");
        if k >= WARMUP {
            t.push(ms(t0.elapsed()));
            rows += r.len();
        }
    }
    out.push(timing("map (bbox, 30 days, 1 type)", t, rows));

    // Weekly, no filter.
    let (mut t, mut rows) = (Vec::new(), 0usize);
    let mut groups = 0;
    for k in 0..runs + WARMUP {
        let t0 = Instant::now();
        let r = situation::weekly(&mut conn.ex(), &IncidentFilter::default(), vis)
            .await
            .expect("weekly");
        if k >= WARMUP {
            t.push(ms(t0.elapsed()));
            rows += r.len();
            groups = r.len();
        }
    }
    let weekly_all = timing("weekly, no filter", t, rows);
    let weekly_p50 = Some(weekly_all.p50);
    out.push(weekly_all);

    // Weekly, one year and one department.
    let (mut t, mut rows) = (Vec::new(), 0usize);
    for k in 0..runs + WARMUP {
        let from = random_date(&mut rng, first, date!(2025 - 10 - 31));
        let f = IncidentFilter {
            from: Some(from),
            to: Some(from + time::Duration::days(364)),
            department: Some(departments[rng.below(departments.len())].to_string()),
            ..IncidentFilter::default()
        };
        let t0 = Instant::now();
        let r = situation::weekly(&mut conn.ex(), &f, vis)
            .await
            .expect("weekly");
        if k >= WARMUP {
            t.push(ms(t0.elapsed()));
            rows += r.len();
        }
    }
    out.push(timing("weekly (1 year, 1 department)", t, rows));

    // Search: a common word and a rare one, limit 50.
    let rare = rare_place();
    for (label, words) in [
        ("search, common word", vec!["clash", "attack"]),
        ("search, rare word", vec![rare.as_str()]),
    ] {
        let (mut t, mut rows) = (Vec::new(), 0usize);
        for k in 0..runs + WARMUP {
            let q = words[rng.below(words.len())];
            let t0 = Instant::now();
            let r = situation::search(&mut conn.ex(), q, vis, 50)
                .await
                .expect("search");
            if k >= WARMUP {
                t.push(ms(t0.elapsed()));
                rows += r.len();
            }
        }
        out.push(timing(&format!("{label} ({})", words.join("/")), t, rows));
    }
    (out, weekly_p50, groups)
}

// ------------------------------------------------------------------------------------------------
// DuckDB.

const DUCKDB_SCRIPT: &str = r#"
import statistics, sys, time
import duckdb
csv, runs = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
t0 = time.perf_counter()
con.execute("CREATE TABLE acled AS SELECT * FROM read_csv_auto('%s', header=true)" % csv.replace("'", "''"))
load = time.perf_counter() - t0
n = con.execute("SELECT count(*) FROM acled").fetchone()[0]
q = """SELECT (event_date - DATE '1900-01-01') // 7 AS week, event_type,
       count(*) AS events, sum(fatalities) AS fatalities
       FROM acled GROUP BY 1, 2 ORDER BY 1, 2"""
ms = []
groups = 0
for _ in range(runs):
    t0 = time.perf_counter()
    groups = len(con.execute(q).fetchall())
    ms.append((time.perf_counter() - t0) * 1000)
print("konbit-bench-duckdb version=%s rows=%d groups=%d load_s=%.3f p50_ms=%.3f" % (
    duckdb.__version__, n, groups, load, statistics.median(ms)))
"#;

struct DuckFigures {
    version: String,
    groups: u64,
    load_s: f64,
    p50_ms: f64,
}

fn duckdb(tmp: &Path, csv: &Path) -> Result<DuckFigures, String> {
    let venv = tmp.join("venv");
    let st = Command::new("python3")
        .arg("-m")
        .arg("venv")
        .arg(&venv)
        .status()
        .map_err(|e| format!("python3 -m venv: {e}"))?;
    if !st.success() {
        return Err(format!("python3 -m venv failed ({st})"));
    }
    let st = Command::new(venv.join("bin/pip"))
        .args(["install", "-q", "duckdb"])
        .status()
        .map_err(|e| format!("pip: {e}"))?;
    if !st.success() {
        return Err(format!("pip install duckdb failed ({st})"));
    }
    let script = tmp.join("duck.py");
    std::fs::write(&script, DUCKDB_SCRIPT).map_err(|e| e.to_string())?;
    let out = Command::new(venv.join("bin/python"))
        .arg(&script)
        .arg(csv)
        .arg("20")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("python: {e}"))?;
    if !out.status.success() {
        return Err(format!("the DuckDB script failed ({})", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("konbit-bench-duckdb "))
        .ok_or("no figures from the DuckDB script")?;
    let field = |k: &str| -> Option<&str> {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
    };
    let num = |k: &str| -> Result<f64, String> {
        field(k)
            .and_then(|v| v.parse().ok())
            .ok_or(format!("no {k} in {line}"))
    };
    Ok(DuckFigures {
        version: field("version").unwrap_or("?").to_string(),
        groups: num("groups")? as u64,
        load_s: num("load_s")?,
        p50_ms: num("p50_ms")?,
    })
}

// ------------------------------------------------------------------------------------------------

/// Where to put a fresh database for one step, and how to drop it afterwards.
enum Fresh {
    Sqlite(PathBuf),
    Pg { admin: String, name: String },
}

impl Fresh {
    fn url(&self) -> String {
        match self {
            Fresh::Sqlite(p) => format!("sqlite://{}", p.display()),
            Fresh::Pg { admin, name } => {
                let base = admin
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_string())
                    .unwrap_or(admin.clone());
                format!("{base}/{name}")
            }
        }
    }

    async fn create(admin: &str, step: &str) -> Fresh {
        let name = format!("konbit_bench_{step}_{}", uuid::Uuid::now_v7().simple());
        let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(admin)
            .await
            .expect("pg");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut c)
            .await
            .expect("create database");
        Fresh::Pg {
            admin: admin.to_string(),
            name,
        }
    }

    async fn drop_db(&self) {
        if let Fresh::Pg { admin, name } = self
            && let Ok(mut c) = <sqlx::PgConnection as sqlx::Connection>::connect(admin).await
        {
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE {name} WITH (FORCE)"
            )))
            .execute(&mut c)
            .await;
        }
    }
}

struct Backend {
    label: String,
    /// The database's own bulk load (sqlite3 `.import`, `COPY`): the baseline.
    native_rate: Result<f64, String>,
    /// One awaited sqlx INSERT per row (for comparison: what Konbit's driver costs).
    base_rate: f64,
    import: ImportFigures,
    /// The same tables copied by the database itself (see [`floor`]).
    floor_rate: Result<f64, String>,
    reads: Vec<Timing>,
    weekly_p50: Option<f64>,
    weekly_groups: usize,
}

async fn run_backend(
    label: &str,
    base: Fresh,
    native: Fresh,
    imp: Fresh,
    csv: &Path,
    scratch: &Path,
    runs: usize,
) -> Backend {
    eprintln!("{label}: plain sqlx INSERTs into a bare table…");
    let (n, base_rate) = baseline(&base.url(), csv).await;
    base.drop_db().await;
    eprintln!("{label}: the database's own bulk load (the baseline)…");
    let native_rate = native_baseline(&native, csv, n);
    native.drop_db().await;
    match &native_rate {
        Ok(r) => eprintln!("{label}: bulk load at {r:.0} rows/s"),
        Err(e) => eprintln!("{label}: the bulk load failed: {e}"),
    }
    eprintln!("{label}: baseline {n} rows at {base_rate:.0} rows/s; import in a child process…");
    let import = run_child_import(&imp.url(), csv);
    eprintln!(
        "{label}: import {} rows in {:.1} s; reads…",
        import.rows, import.secs
    );
    let store = open(&imp.url()).await;
    let (reads, weekly_p50, weekly_groups) = reads(&store, runs).await;
    store.close().await;
    eprintln!("{label}: the database copying what the import stored (the floor)…");
    let floor_rate = floor(&imp, scratch, import.rows);
    if let Err(e) = &floor_rate {
        eprintln!("{label}: the floor failed: {e}");
    }
    imp.drop_db().await;
    Backend {
        label: label.to_string(),
        native_rate,
        base_rate,
        import,
        floor_rate,
        reads,
        weekly_p50,
        weekly_groups,
    }
}

fn print_backend(b: &Backend, rows: u64, duck: &Result<DuckFigures, String>) {
    let imp = &b.import;
    let rate = imp.rows as f64 / imp.secs;
    println!("\n{} — {rows} rows", b.label);
    println!(
        "{:<44} {:>12} {:>10} {:>8}  goal",
        "write", "rows/s", "ratio", ""
    );
    let native = match &b.native_rate {
        Ok(r) => *r,
        Err(e) => {
            println!("baseline: the database's own bulk load FAILED: {e}");
            f64::NAN
        }
    };
    println!(
        "{:<44} {:>12.0} {:>10} {:>8}",
        "baseline: the database's bulk load, bare table", native, "1.000", ""
    );
    println!(
        "{:<44} {:>12.0} {:>10.3} {:>8}",
        "one awaited sqlx INSERT per row, bare table",
        b.base_rate,
        b.base_rate / native,
        ""
    );
    let ratio = rate / native;
    println!(
        "{:<44} {:>12.0} {:>10.3} {:>8}  ≥ 0.5 {}",
        format!(
            "import ({} s, {} incidents added)",
            format_args!("{:.1}", imp.secs),
            imp.added
        ),
        rate,
        ratio,
        "",
        if ratio >= 0.5 { "met" } else { "MISSED" }
    );
    match &b.floor_rate {
        Ok(f) => println!(
            "{:<44} {:>12.0} {:>10.3} {:>8}  (import ÷ floor = {:.3})",
            "floor: the database copying the import's tables",
            f,
            f / native,
            "",
            rate / f
        ),
        Err(e) => println!("floor: FAILED: {e}"),
    }
    println!(
        "{:<44} {:>12.0} {:>10} {:>8}  < 300 {}",
        "import peak RSS (VmHWM of the child), MiB",
        imp.rss_mib,
        "",
        "",
        if imp.rss_mib < 300.0 { "met" } else { "MISSED" }
    );
    println!(
        "{:<44} {:>12} {:>10} {:>8}  goal",
        "read", "p50 ms", "p95 ms", "rows"
    );
    for t in &b.reads {
        println!(
            "{:<44} {:>12.2} {:>10.2} {:>8.0}  p95 < 50 {}",
            t.name,
            t.p50,
            t.p95,
            t.rows,
            if t.p95 < 50.0 { "met" } else { "MISSED" }
        );
    }
    match (duck, b.weekly_p50) {
        (Ok(d), Some(k)) => println!(
            "{:<44} {:>12.2} {:>10} {:>8}  (DuckDB {}, load {:.1} s; Konbit/DuckDB = {:.3}; groups {} vs {})",
            "DuckDB weekly by type, whole table",
            d.p50_ms,
            "",
            d.groups,
            d.version,
            d.load_s,
            k / d.p50_ms,
            b.weekly_groups,
            d.groups
        ),
        (Err(e), _) => println!("DuckDB: not measured: {e}"),
        _ => {}
    }
}

fn main() {
    if std::env::var(CHILD_VAR).as_deref() == Ok("import") {
        child_import();
        return;
    }
    let rows = env_num("KONBIT_BENCH_ROWS", 1_000_000);
    let runs = env_num("KONBIT_BENCH_QUERY_RUNS", 200) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("incidents.csv");
    eprintln!("generating {rows} synthetic incidents (seed {SEED})…");
    let t0 = Instant::now();
    generate(&csv, rows);
    let size = std::fs::metadata(&csv).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {} ({:.0} MiB) in {:.1} s",
        csv.display(),
        size as f64 / (1 << 20) as f64,
        t0.elapsed().as_secs_f64()
    );

    eprintln!("DuckDB: installing into a temporary virtualenv and timing the weekly query…");
    let duck = duckdb(dir.path(), &csv);
    if let Err(e) = &duck {
        eprintln!("DuckDB: not measured: {e}");
    }

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut results = Vec::new();
    rt.block_on(async {
        results.push(
            run_backend(
                "SQLite (WAL, synchronous=FULL)",
                Fresh::Sqlite(dir.path().join("baseline.db")),
                Fresh::Sqlite(dir.path().join("native.db")),
                Fresh::Sqlite(dir.path().join("import.db")),
                &csv,
                dir.path(),
                runs,
            )
            .await,
        );
        if let Ok(pg) = std::env::var("KONBIT_BENCH_POSTGRES_URL") {
            let base = Fresh::create(&pg, "base").await;
            let native = Fresh::create(&pg, "copy").await;
            let imp = Fresh::create(&pg, "import").await;
            results
                .push(run_backend("PostgreSQL", base, native, imp, &csv, dir.path(), runs).await);
        }
    });
    println!(
        "\nsituation bench: {rows} synthetic rows (seed {SEED}), {runs} runs per read after {WARMUP} warm-up runs, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for b in &results {
        print_backend(b, rows, &duck);
    }
}
