//! The `konbit` command: parses the command line and composes the store and the web layer.
//! It holds no rules of its own; every write goes through the store's writer.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use konbit_domain::Named;
use konbit_domain::{
    Classification, Reliability, Role, registers::Rules, situation::acled::EventType,
};
use konbit_scenario as scenario;
use konbit_store::{
    Actor, Options, Store, Visibility,
    checkpoint::LogKey,
    situation::{self, ExportFormat, IncidentFilter, import as acled_import},
    users,
};
use std::{
    io::Write,
    net::SocketAddr,
    path::{Path, PathBuf},
    process::ExitCode,
};
use time::Date;

mod media;
mod mirror;

/// Konbit: the mission information system for multinational security support missions.
#[derive(Parser, Debug)]
#[command(name = "konbit", version, about, long_about = None)]
struct Cli {
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB (default: konbit.db in --data-dir).
    #[arg(long, global = true, env = "KONBIT_DATABASE_URL")]
    database: Option<String>,
    /// Directory for the embedded database [default: konbit-data; for `demo`, konbit-demo].
    #[arg(long, global = true, env = "KONBIT_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Hours within which a detainee must be handed over to the host-state police or released
    /// (serve and demo).
    #[arg(long, global = true, env = "KONBIT_HANDOVER_HOURS", default_value_t = 48,
          value_parser = clap::value_parser!(i64).range(1..=720))]
    handover_hours: i64,
    /// Hours a browser session lasts (serve and demo).
    #[arg(long, global = true, env = "KONBIT_SESSION_HOURS", default_value_t = 12,
          value_parser = clap::value_parser!(i64).range(1..=720))]
    session_hours: i64,
    /// Days an API token lasts (serve and demo).
    #[arg(long, global = true, env = "KONBIT_TOKEN_DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(i64).range(1..=365))]
    token_days: i64,
    /// Address of a reverse proxy whose X-Forwarded-For and X-Forwarded-Host are believed
    /// (serve and demo); repeat for several, or give them comma-separated in the environment.
    /// Without one, the client is the connection's peer.
    #[arg(
        long = "trusted-proxy",
        global = true,
        env = "KONBIT_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// File holding the key the log's checkpoints are signed with (a C2SP signed-note private
    /// key, `PRIVATE+KEY+…`). Without it (and without KONBIT_LOG_KEY, the key's text), the
    /// key is the file `log-key` in --data-dir, made on first use, readable by its owner only.
    #[arg(long, global = true, env = "KONBIT_LOG_KEY_FILE")]
    log_key_file: Option<PathBuf>,
    /// The log's name, put in every checkpoint: a name for this log unique in the world, such
    /// as `records.example.org/mss-haiti`. Names a new key only; a key keeps its name.
    #[arg(long, global = true, env = "KONBIT_LOG_ORIGIN")]
    log_origin: Option<String>,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Run the web server (API and pages).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "KONBIT_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Do not apply pending migrations; refuse to start on an outdated schema instead.
        #[arg(long)]
        no_migrate: bool,
        /// Mark cookies Secure (set when served over HTTPS, directly or behind a proxy).
        #[arg(long, env = "KONBIT_SECURE_COOKIES")]
        secure_cookies: bool,
        /// A witness that must cosign every checkpoint before it is published, `URL=VKEY` (its
        /// address and its cosignature verifier key, as `konbit mirror --witness` prints it);
        /// repeat for several. Until they all have, the last checkpoint they cosigned is served.
        #[arg(long = "witness", env = "KONBIT_WITNESSES", value_delimiter = ',',
              value_parser = konbit_web::shared::checkpoints::Witness::parse)]
        witnesses: Vec<konbit_web::shared::checkpoints::Witness>,
    },
    /// Follow another instance's record log: keep every entry, check each checkpoint's signature
    /// and that it extends the last one held, and stop with an alarm (exit code 3, a log line,
    /// the /mirror page) if the instance ever shows a history that does not.
    Mirror(mirror::Args),
    /// Run the demo: a fresh database in --data-dir (default konbit-demo) with the Haiti
    /// scenario and one login per role (admin, editor, viewer, hr_officer, conduct_officer,
    /// commander), whose password is KONBIT_DEMO_PASSWORD or generated. ⚠️ Deletes the database in that directory first.
    Demo {
        /// Address to listen on.
        #[arg(long, env = "KONBIT_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCmd,
    },
    /// The record log.
    Log {
        #[command(subcommand)]
        command: LogCmd,
    },
    /// Media monitoring: read press articles, extract their dated claims, score the extractor.
    Media {
        #[command(subcommand)]
        command: media::MediaCmd,
    },
    /// Sessions and API tokens: list them, revoke them.
    Token {
        #[command(subcommand)]
        command: TokenCmd,
    },
    /// Write a consistent copy of the database to a new file while Konbit serves and writes
    /// (SQLite; PostgreSQL: use pg_dump, as the error explains). The log key is not in it:
    /// keep the data directory's `log-key` safe as well.
    Backup {
        /// The new file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into --data-dir (or --database), which must hold no entry yet, and
    /// verify the log on the result.
    Restore {
        /// The backup file (made by `konbit backup`).
        file: PathBuf,
    },
    /// Drop and replay every projection from the log. ⚠️ Takes the write lock while it runs.
    Rebuild,
    /// Record a scenario folder (TOML files) through the normal write path.
    Load {
        /// The scenario folder, e.g. data/scenarios/haiti-mss.
        dir: PathBuf,
    },
    /// Import data files.
    Import {
        #[command(subcommand)]
        command: ImportCmd,
    },
    /// Export the record.
    Export {
        #[command(subcommand)]
        command: ExportCmd,
    },
    /// Generate synthetic data files (for scale tests and benchmarks).
    Gen {
        #[command(subcommand)]
        command: GenCmd,
    },
}

#[derive(Subcommand, Debug)]
enum ImportCmd {
    /// Import an ACLED CSV export (ACLED's column names). Every row is validated; by default a
    /// single bad row imports nothing. Re-importing a file records only what changed (by
    /// event_id_cnty).
    Acled(ImportArgs),
    /// Import an HXL file: a list of events (a column tagged #event: HDX's ACLED files, Konbit's
    /// own HXL export), imported as `import acled` does by hashtag; or an indicator table
    /// (#affected+idps, #affected+killed, #inneed, #population by #date and #adm1/#adm2 P-code,
    /// as IOM and OCHA publish them), each figure recorded as an observation. All or nothing,
    /// as with ACLED files.
    Hxl(ImportArgs),
}

/// What every import takes.
#[derive(clap::Args, Debug)]
struct ImportArgs {
    /// The CSV file (for `hxl`, with an HXL hashtag row: first, or under a header).
    file: PathBuf,
    /// Import the good rows and write the bad ones, with line numbers and reasons, here.
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Who may read what is imported: public, mission or restricted.
    #[arg(long, default_value = "mission")]
    classification: Classification,
    /// Admiralty reliability of the file as a source (A–F).
    #[arg(long, default_value = "B")]
    reliability: Reliability,
    /// Admiralty credibility of its information (1–6).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(i64).range(1..=6))]
    credibility: i64,
}

impl ImportArgs {
    fn options(&self) -> acled_import::Options {
        acled_import::Options {
            classification: self.classification,
            reliability: self.reliability,
            credibility: self.credibility,
            rejects: self.rejects.clone(),
        }
    }
}

#[derive(Subcommand, Debug)]
enum ExportCmd {
    /// Export incidents as ACLED-compatible CSV, CSV with HXL hashtags, or GeoJSON.
    Incidents {
        /// acled, hxl or geojson.
        #[arg(long, default_value = "acled")]
        format: ExportFormat,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// First day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Option<Date>,
        /// Last day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<Date>,
        /// Event type (battles, violence_against_civilians, …); repeat for several.
        #[arg(long = "type")]
        types: Vec<EventType>,
        /// Text in an actor's name.
        #[arg(long)]
        actor: Option<String>,
        /// Department (ISO 3166-2 code such as HT-AR, or its name).
        #[arg(long)]
        department: Option<String>,
        /// The world on this date: events up to it, statuses as assessed by then.
        #[arg(long, value_parser = parse_date)]
        on: Option<Date>,
        /// The record as it stood at this time (RFC 3339).
        #[arg(long)]
        as_of: Option<String>,
        /// Highest classification exported: public, mission or restricted.
        #[arg(long, default_value = "public")]
        clearance: Classification,
    },
}

#[derive(Subcommand, Debug)]
enum GenCmd {
    /// Write a synthetic ACLED CSV file of Haiti-like incidents (ids SYN1, SYN2, …).
    Incidents {
        /// Number of rows.
        #[arg(long, default_value_t = 1000)]
        count: u64,
        /// Seed: the same seed writes the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum UserCmd {
    /// Create a user. The password is read from KONBIT_PASSWORD, or from the first line of stdin.
    Add {
        /// Login name.
        username: String,
        /// Role: viewer, editor, admin, hr_officer, conduct_officer or commander.
        #[arg(long, default_value = "viewer")]
        role: Role,
        /// A commander's contributor, ISO 3166-1 alpha-3 (KEN). Only for commanders.
        #[arg(long)]
        country: Option<String>,
    },
    /// List users.
    List,
    /// Set a user's password (from KONBIT_PASSWORD or stdin).
    Passwd {
        /// Login name.
        username: String,
    },
    /// Change a user's role (their sessions and tokens end: they log in again).
    Role {
        /// Login name.
        username: String,
        /// viewer, editor, admin, hr_officer, conduct_officer or commander.
        role: Role,
        /// A commander's contributor, ISO 3166-1 alpha-3 (KEN). Only for commanders.
        #[arg(long)]
        country: Option<String>,
    },
    /// Disable a user: they can no longer log in, and their sessions and tokens end.
    Disable {
        /// Login name.
        username: String,
    },
    /// Enable a disabled user again.
    Enable {
        /// Login name.
        username: String,
    },
}

#[derive(Subcommand, Debug)]
enum TokenCmd {
    /// List live sessions and API tokens (never their secrets), newest first.
    List {
        /// Only this user's.
        #[arg(long)]
        user: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Revoke one session or token by its id, or all of a user's with --user.
    Revoke {
        /// The token's id (from `konbit token list`).
        #[arg(required_unless_present = "user", conflicts_with = "user")]
        id: Option<uuid::Uuid>,
        /// Revoke every session and token of this user.
        #[arg(long)]
        user: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum LogCmd {
    /// Print the verifier key of the log's checkpoints (C2SP signed-note format): give it to
    /// whoever checks the log from outside.
    Key,
    /// Print a checkpoint of the log as it is now: a C2SP tlog-checkpoint signed note. Keep it
    /// outside the system; `konbit log verify --checkpoint FILE` later proves the log extends it.
    Checkpoint,
    /// Recompute the hash chain, and replay the log to compare every projection with it (by
    /// default while the log has at most 100,000 entries). Exit 0 when intact, 1 when not.
    Verify {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
        /// Always replay and compare the projections, however long the log.
        #[arg(long, conflicts_with = "chain_only")]
        deep: bool,
        /// Only recompute the chain.
        #[arg(long)]
        chain_only: bool,
        /// A head kept outside the system, `SEQ:HASH` (as an earlier verify printed it): the
        /// log must still hold that entry with that hash, so it was neither cut nor rewritten.
        #[arg(long, value_parser = parse_head)]
        head: Option<(i64, String)>,
        /// A checkpoint kept outside the system (as `konbit log checkpoint` printed it): the
        /// log must still extend it. Repeat for several; the earliest that fails names where
        /// the history changed.
        #[arg(long = "checkpoint", value_name = "FILE")]
        checkpoints: Vec<PathBuf>,
        /// The verifier key the checkpoints were signed with (default: this instance's key).
        #[arg(long, value_name = "VKEY")]
        key: Option<String>,
    },
}

/// Logs up to this many entries get the projections compared by default.
const DEEP_BY_DEFAULT: i64 = 100_000;

fn parse_head(s: &str) -> std::result::Result<(i64, String), String> {
    let (seq, hash) = s
        .split_once(':')
        .ok_or_else(|| "expected SEQ:HASH, as `konbit log verify` prints it".to_string())?;
    let seq: i64 = seq
        .parse()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| format!("{seq:?} is not a sequence number"))?;
    let hash = hash.to_ascii_lowercase();
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("the hash must be 64 hex digits".into());
    }
    Ok((seq, hash))
}

/// The directory of an SQLite database file named by a URL (`sqlite://DIR/FILE`).
fn sqlite_dir(url: &str) -> Option<PathBuf> {
    let path = url.strip_prefix("sqlite://")?;
    let path = path.split('?').next()?;
    let parent = std::path::Path::new(path).parent()?;
    Some(if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent.to_path_buf()
    })
}

fn database_url(cli_db: &Option<String>, dir: &std::path::Path) -> String {
    cli_db
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", dir.join("konbit.db").display()))
}

/// Where the log's key comes from (the command line's part).
struct KeyArgs {
    file: Option<PathBuf>,
    origin: Option<String>,
}

/// The log's signing key: the text in KONBIT_LOG_KEY, the file --log-key-file, or the data
/// directory's key file (made on first use, named by --log-origin).
fn log_key(keys: &KeyArgs, data_dir: &std::path::Path) -> Result<LogKey> {
    if let Ok(text) = std::env::var("KONBIT_LOG_KEY") {
        return LogKey::from_text(&text)
            .map_err(describe)
            .context("KONBIT_LOG_KEY");
    }
    if let Some(path) = &keys.file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the log key {}", path.display()))?;
        return LogKey::from_text(&text)
            .map_err(describe)
            .with_context(|| path.display().to_string());
    }
    let origin = match &keys.origin {
        Some(o) => o.clone(),
        None => {
            // Unique without configuration; `.invalid` says no one chose it.
            let mut b = [0u8; 4];
            getrandom::fill(&mut b).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
            format!("konbit.invalid/log-{}", hex::encode(b))
        }
    };
    LogKey::load_or_create(data_dir, &origin).map_err(describe)
}

/// Reads and checks the signatures of checkpoints kept outside, smallest first.
fn read_checkpoints(
    files: &[PathBuf],
    key: Option<String>,
    keys: &KeyArgs,
    data_dir: &std::path::Path,
) -> Result<Vec<konbit_store::checkpoint::Checkpoint>> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let vkey = match key {
        Some(k) => k,
        None => log_key(keys, data_dir)?.verifier_key().to_string(),
    };
    let mut out = Vec::new();
    for f in files {
        let len = std::fs::metadata(f)
            .with_context(|| format!("cannot read {}", f.display()))?
            .len();
        if len > konbit_store::checkpoint::MAX_CHECKPOINT as u64 {
            anyhow::bail!(
                "{}: {len} bytes is too long for a checkpoint (at most {})",
                f.display(),
                konbit_store::checkpoint::MAX_CHECKPOINT
            );
        }
        let note = std::fs::read(f).with_context(|| format!("cannot read {}", f.display()))?;
        let c = konbit_store::checkpoint::open_note(&note, &vkey)
            .map_err(|m| anyhow::anyhow!("{}: {m}", f.display()))?;
        out.push(c);
    }
    out.sort_by_key(|c| c.size);
    Ok(out)
}

/// Whether the tree recomputed from the log matches the stored tree and extends every
/// checkpoint kept outside: the first point where it does not, and what is wrong.
async fn tree_problem(
    store: &Store,
    t: &konbit_store::tree::Recomputed,
    saved: &[konbit_store::checkpoint::Checkpoint],
) -> Result<Option<(i64, String)>> {
    let seq = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let stored_size = store.tree_size().await.map_err(describe)?;
    if stored_size > t.size {
        return Ok(Some((
            seq(t.size + 1),
            format!(
                "the Merkle tree holds {stored_size} entries but the log only {}: the log was \
                 cut after entry {}",
                t.size, t.size
            ),
        )));
    }
    let mut held: Option<u64> = None;
    for c in saved {
        if c.size > t.size {
            return Ok(Some((
                seq(t.size + 1),
                format!(
                    "a checkpoint kept outside shows {} entries, but the log holds only {}: \
                     the log was cut",
                    c.size, t.size
                ),
            )));
        }
        let root = t
            .roots_at
            .iter()
            .find(|(s, _)| *s == c.size)
            .map(|(_, r)| *r);
        if root != Some(c.root) {
            let since = match held {
                Some(h) => format!(
                    "entries {} to {} were rewritten (the checkpoint of {h} entries still holds)",
                    h + 1,
                    c.size
                ),
                None => format!("an entry among the first {} was rewritten", c.size),
            };
            return Ok(Some((
                seq(held.map_or(1, |h| h + 1)),
                format!(
                    "the log no longer extends the checkpoint of {} entries kept outside: {since}",
                    c.size
                ),
            )));
        }
        held = Some(c.size);
    }
    let stored = store.tree_root(t.size).await.map_err(describe)?;
    if stored != t.root {
        return Ok(Some((
            seq(t.size),
            "the stored Merkle tree does not match the log's chain hashes: run `konbit \
             rebuild` to write it again, and find out who changed it"
                .to_string(),
        )));
    }
    Ok(None)
}

/// Copies a backup into the database `url` names (SQLite), refusing one that holds entries,
/// then verifies the log on the result.
#[allow(clippy::print_stdout)]
async fn restore(file: &std::path::Path, url: &str) -> Result<ExitCode> {
    let Some(target) = url
        .strip_prefix("sqlite://")
        .map(|p| p.split('?').next().unwrap_or(p))
    else {
        anyhow::bail!("{}", konbit_store::backup::PG_BACKUP);
    };
    let target = PathBuf::from(target);
    let mut head = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(file)
            .with_context(|| format!("cannot read the backup {}", file.display()))?;
        f.read_exact(&mut head)
            .map_err(|_| anyhow::anyhow!("{} is not an SQLite database", file.display()))?;
    }
    if &head != b"SQLite format 3\0" {
        anyhow::bail!(
            "{} is not an SQLite database (not a `konbit backup`)",
            file.display()
        );
    }
    if target.exists() {
        let store = open(url, false).await?;
        let n = store.log_len().await.map_err(describe)?;
        store.close().await;
        if n > 0 {
            anyhow::bail!(
                "{} already holds {n} entries; a backup is restored only into a database \
                 without any (choose another --data-dir)",
                target.display()
            );
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let tmp = target.with_extension("restoring");
    std::fs::copy(file, &tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    for stale in ["db-wal", "db-shm"] {
        let _ = std::fs::remove_file(target.with_extension(stale));
    }
    std::fs::rename(&tmp, &target).with_context(|| format!("cannot write {}", target.display()))?;
    let store = open(url, true).await?;
    let v = store.verify_log().await.map_err(describe)?;
    let t = store.recompute_tree(&[]).await.map_err(describe)?;
    let stored = store.tree_root(t.size).await.map_err(describe)?;
    store.close().await;
    if !v.ok || stored != t.root {
        println!(
            "restored into {}, but the log does not verify: {}",
            target.display(),
            v.problem
                .as_deref()
                .unwrap_or("the stored tree does not match the log")
        );
        return Ok(ExitCode::from(1));
    }
    println!(
        "restored {} entries into {}; the log verifies (head {}, tree root {})",
        v.length,
        target.display(),
        v.head.as_deref().unwrap_or("-"),
        hex::encode(t.root)
    );
    Ok(ExitCode::SUCCESS)
}

async fn open(url: &str, migrate: bool) -> Result<Store> {
    Store::open(&Options {
        url: url.to_string(),
        migrate,
    })
    .await
    .with_context(|| format!("cannot open the database {}", konbit_store::redact(url)))
}

fn read_password() -> Result<String> {
    if let Ok(p) = std::env::var("KONBIT_PASSWORD") {
        return Ok(p);
    }
    eprint!("password: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .context("cannot read the password from stdin")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// The demo's logins: one per role, named after it, with what it is for and, for the
/// commander, the contingent.
const DEMO_LOGINS: &[(Role, &str, Option<&str>)] = &[
    (
        Role::Admin,
        "manages users; reads the audit of restricted reads",
        None,
    ),
    (
        Role::Editor,
        "records pledges, arrivals, authorizations, funding",
        None,
    ),
    (Role::Viewer, "reads mission-level data", None),
    (
        Role::HrOfficer,
        "keeps personnel, vetting and acknowledgements",
        None,
    ),
    (
        Role::ConductOfficer,
        "keeps use of force, detentions, complaints, cases",
        None,
    ),
    (
        Role::Commander,
        "Kenyan contingent: its people and reports only",
        Some("KEN"),
    ),
];

/// The Haiti scenario, embedded so the binary needs no data files to run the demo.
const HAITI: &[(&str, &str)] = &[
    (
        "sources.toml",
        include_str!("../../../data/scenarios/haiti-mss/sources.toml"),
    ),
    (
        "missions.toml",
        include_str!("../../../data/scenarios/haiti-mss/missions.toml"),
    ),
    (
        "pledges.toml",
        include_str!("../../../data/scenarios/haiti-mss/pledges.toml"),
    ),
    (
        "authorizations.toml",
        include_str!("../../../data/scenarios/haiti-mss/authorizations.toml"),
    ),
    (
        "deployments.toml",
        include_str!("../../../data/scenarios/haiti-mss/deployments.toml"),
    ),
    (
        "funding.toml",
        include_str!("../../../data/scenarios/haiti-mss/funding.toml"),
    ),
    (
        "registers.toml",
        include_str!("../../../data/scenarios/haiti-mss/registers.toml"),
    ),
    (
        "situation.toml",
        include_str!("../../../data/scenarios/haiti-mss/situation.toml"),
    ),
];

async fn serve(store: Store, listen: SocketAddr, config: konbit_web::Config) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let state = konbit_web::AppState::new(store.clone(), config)
        .await
        .map_err(describe)?;
    konbit_web::serve(listener, state)
        .await
        .context("the server failed")?;
    store.close().await;
    Ok(())
}

#[allow(clippy::print_stdout)]
async fn run(cli: Cli) -> Result<ExitCode> {
    let data_dir = cli
        .data_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("konbit-data"));
    let url = database_url(&cli.database, &data_dir);
    let keys = KeyArgs {
        file: cli.log_key_file.clone(),
        origin: cli.log_origin.clone(),
    };
    // The key lives in the data directory; given only an SQLite file, beside it.
    let key_dir = match (&cli.data_dir, &cli.database) {
        (None, Some(db)) => sqlite_dir(db).unwrap_or_else(|| data_dir.clone()),
        _ => data_dir.clone(),
    };
    let config = |secure_cookies: bool, log_key: LogKey| konbit_web::Config {
        log_key: Some(log_key),
        witnesses: Vec::new(),
        secure_cookies,
        rules: Rules {
            handover_hours: cli.handover_hours,
            ..Rules::default()
        },
        session_ttl: time::Duration::hours(cli.session_hours),
        token_ttl: time::Duration::days(cli.token_days),
        trusted_proxies: cli.trusted_proxies.clone(),
    };
    match cli.command {
        Cmd::Mirror(args) => {
            let store = open(&url, true).await?;
            let code = mirror::run(args, store.clone(), &key_dir).await?;
            store.close().await;
            return Ok(code);
        }
        Cmd::Serve {
            listen,
            no_migrate,
            secure_cookies,
            witnesses,
        } => {
            let store = open(&url, !no_migrate).await?;
            let key = log_key(&keys, &key_dir)?;
            println!(
                "Konbit is serving {} on http://{listen}",
                konbit_store::redact(&url)
            );
            println!("Checkpoints are signed by {}", key.verifier_key());
            let mut config = config(secure_cookies, key);
            config.witnesses = witnesses;
            serve(store, listen, config).await?;
        }
        Cmd::Demo { listen } => {
            let demo_dir = cli
                .data_dir
                .clone()
                .unwrap_or_else(|| PathBuf::from("konbit-demo"));
            let url = match &cli.database {
                Some(u) => u.clone(),
                None => {
                    std::fs::create_dir_all(&demo_dir)
                        .with_context(|| format!("cannot create {}", demo_dir.display()))?;
                    // A new demo log gets a new key: one key must never sign two histories.
                    for f in [
                        "konbit.db",
                        "konbit.db-wal",
                        "konbit.db-shm",
                        konbit_store::checkpoint::KEY_FILE,
                    ] {
                        let p = demo_dir.join(f);
                        if p.exists() {
                            std::fs::remove_file(&p)
                                .with_context(|| format!("cannot remove {}", p.display()))?;
                        }
                    }
                    database_url(&None, &demo_dir)
                }
            };
            let key = log_key(&keys, &demo_dir)?;
            let store = open(&url, true).await?;
            let report = scenario::load_texts(&store, HAITI)
                .await
                .context("loading the Haiti scenario")?;
            let articles = media::record_articles(&store, media::DEMO_ARTICLES)
                .await
                .context("recording the demo's press articles")?;
            let password = match std::env::var("KONBIT_DEMO_PASSWORD") {
                Ok(p) => p,
                Err(_) => users::new_token()?.chars().take(16).collect(),
            };
            for (role, _, country) in DEMO_LOGINS {
                store
                    .create_user(
                        Actor::system("demo"),
                        role.as_str(),
                        &password,
                        *role,
                        *country,
                    )
                    .await
                    .with_context(|| format!("creating the demo user {role}"))?;
            }
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .with_context(|| format!("cannot listen on {listen}"))?;
            let addr = listener.local_addr()?;
            println!(
                "Konbit demo: the Haiti MSS scenario ({} entries, {} sources) and {articles} press \
                 articles in {}",
                report.entries,
                report.count("source"),
                konbit_store::redact(&url)
            );
            println!();
            println!("  Open http://{addr}/");
            println!();
            println!("  Logins (the same password for all: {password}):");
            for (role, what, _) in DEMO_LOGINS {
                println!("    {:<16} {what}", role.as_str());
            }
            println!();
            println!(
                "  The public complaint form is at http://{addr}/complaints (EN, FR, Kreyòl, ES)."
            );
            println!(
                "  The log's signed checkpoint is at http://{addr}/api/v1/log/checkpoint; its key:"
            );
            println!("    {}", key.verifier_key());
            println!();
            println!("Press Ctrl-C to stop.");
            let state = konbit_web::AppState::new(store.clone(), config(false, key))
                .await
                .map_err(describe)?;
            konbit_web::serve(listener, state)
                .await
                .context("the server failed")?;
            store.close().await;
        }
        Cmd::Migrate => {
            let applied = konbit_store::migrate(&url).await?;
            let key = log_key(&keys, &key_dir)?;
            println!("checkpoints are signed by {}", key.verifier_key());
            if applied.is_empty() {
                println!("the schema is up to date");
            }
            for m in applied {
                println!("applied {m}");
            }
        }
        Cmd::User { command } => {
            let store = open(&url, true).await?;
            let actor = Actor::system("cli");
            match command {
                UserCmd::Add {
                    username,
                    role,
                    country,
                } => {
                    let pw = read_password()?;
                    store
                        .create_user(actor, &username, &pw, role, country.as_deref())
                        .await
                        .map_err(describe)?;
                    println!("created {username} ({role})");
                }
                UserCmd::List => {
                    for u in store.users().await? {
                        println!(
                            "{}\t{}{}{}",
                            u.username,
                            u.role,
                            u.country.map(|c| format!("\t{c}")).unwrap_or_default(),
                            if u.disabled { "\tdisabled" } else { "" }
                        );
                    }
                }
                UserCmd::Passwd { username } => {
                    let pw = read_password()?;
                    store
                        .set_password(actor, &username, &pw)
                        .await
                        .map_err(describe)?;
                    println!("password changed for {username}");
                }
                UserCmd::Role {
                    username,
                    role,
                    country,
                } => {
                    store
                        .set_role(actor, &username, role, country.as_deref())
                        .await
                        .map_err(describe)?;
                    println!("{username} is now {role}; their sessions and tokens have ended");
                }
                UserCmd::Disable { username } => {
                    store
                        .set_disabled(actor, &username, true)
                        .await
                        .map_err(describe)?;
                    println!("{username} is disabled; their sessions and tokens have ended");
                }
                UserCmd::Enable { username } => {
                    store
                        .set_disabled(actor, &username, false)
                        .await
                        .map_err(describe)?;
                    println!("{username} is enabled");
                }
            }
            store.close().await;
        }
        Cmd::Token { command } => {
            let store = open(&url, true).await?;
            let actor = Actor::system("cli");
            match command {
                TokenCmd::List { user, json } => {
                    let list = { store.tokens(user.as_deref()).await.map_err(describe)? };
                    if json {
                        println!("{}", serde_json::to_string(&list)?);
                    } else {
                        for t in list {
                            println!(
                                "{}\t{}\t{}\tissued {}\texpires {}",
                                t.id,
                                t.username,
                                t.kind,
                                when(t.created_us),
                                when(t.expires_us)
                            );
                        }
                    }
                }
                TokenCmd::Revoke { id, user } => {
                    let owner = match (&id, user) {
                        (_, Some(u)) => u,
                        (Some(id), None) => store
                            .token_owner(*id)
                            .await
                            .map_err(describe)?
                            .with_context(|| format!("no live token {id}"))?,
                        (None, None) => anyhow::bail!("give a token id or --user NAME"),
                    };
                    let w = store
                        .revoke_tokens(actor, &owner, id)
                        .await
                        .map_err(describe)?;
                    match id {
                        Some(id) => println!("revoked token {id} of {owner} (log entry {})", w.seq),
                        None => println!(
                            "revoked every session and token of {owner} (log entry {})",
                            w.seq
                        ),
                    }
                }
            }
            store.close().await;
        }
        Cmd::Media { command } => return media::run(command, &url, &data_dir).await,
        Cmd::Log {
            command: LogCmd::Key,
        } => {
            println!("{}", log_key(&keys, &key_dir)?.verifier_key());
        }
        Cmd::Log {
            command: LogCmd::Checkpoint,
        } => {
            let key = log_key(&keys, &key_dir)?;
            let store = open(&url, false).await?;
            let size = store.tree_size().await.map_err(describe)?;
            let root = store.tree_root(size).await.map_err(describe)?;
            store.close().await;
            print!("{}", key.sign(size, &root).map_err(describe)?);
        }
        Cmd::Log {
            command:
                LogCmd::Verify {
                    json,
                    deep,
                    chain_only,
                    head,
                    checkpoints,
                    key,
                },
        } => {
            let saved = read_checkpoints(&checkpoints, key, &keys, &key_dir)?;
            let store = open(&url, false).await?;
            let mut v = { store.verify_log().await? };
            let tree = if v.ok {
                let sizes: Vec<u64> = saved.iter().map(|c| c.size).collect();
                let t = store.recompute_tree(&sizes).await.map_err(describe)?;
                if let Some(p) = tree_problem(&store, &t, &saved).await? {
                    v.ok = false;
                    v.first_bad_seq = Some(p.0);
                    v.problem = Some(p.1);
                    v.head = None;
                }
                Some(t)
            } else {
                None
            };
            let kept = match &head {
                Some((seq, hash)) if v.ok => {
                    let at = store.log_entry(*seq).await?;
                    let problem = match at {
                        None => Some(format!(
                            "entry {seq}, kept outside with hash {hash}, is not in the log: \
                             the log was cut after entry {}",
                            v.length
                        )),
                        Some(e) if hex::encode(&e.hash) != *hash => Some(format!(
                            "entry {seq} has hash {}, not the {hash} kept outside: the log \
                             was rewritten",
                            hex::encode(&e.hash)
                        )),
                        Some(_) => None,
                    };
                    if let Some(p) = problem {
                        v.ok = false;
                        v.first_bad_seq = Some((*seq).min(v.length + 1));
                        v.problem = Some(p);
                        v.head = None;
                    }
                    true
                }
                _ => false,
            };
            let compare = v.ok && !chain_only && (deep || v.length <= DEEP_BY_DEFAULT);
            if compare && let Some(d) = store.compare_projections().await.map_err(describe)? {
                v.ok = false;
                v.first_bad_seq = d.entry_seq;
                v.problem = Some(d.problem);
                v.head = None;
            }
            store.close().await;
            if json {
                let mut out = serde_json::to_value(&v)?;
                out["projections_compared"] = serde_json::Value::Bool(compare);
                out["head_kept_checked"] = serde_json::Value::Bool(kept);
                out["checkpoints_checked"] = serde_json::json!(saved.len());
                if let Some(t) = tree.as_ref().filter(|_| v.ok) {
                    out["tree_root"] = serde_json::json!(hex::encode(t.root));
                }
                println!("{out}");
            } else if v.ok {
                let head = v.head.as_deref().unwrap_or("-");
                println!("ok: {} entries, head {head}", v.length);
                if compare {
                    println!("projections: every row matches a replay of the log");
                } else {
                    println!(
                        "projections: not compared{} (--deep compares them)",
                        if chain_only { "" } else { " (the log is long)" }
                    );
                }
                if kept {
                    println!("the head kept outside is still in the log, unchanged");
                }
                if let Some(t) = &tree {
                    println!(
                        "tree: the stored Merkle tree matches the log; root {} over {} entries",
                        hex::encode(t.root),
                        t.size
                    );
                }
                for c in &saved {
                    println!(
                        "the checkpoint of {} entries kept outside is extended by the log",
                        c.size
                    );
                }
                println!(
                    "Keep this head somewhere the database's operators cannot change it; later, \
                     `konbit log verify --head {}:{head}` proves the log was neither cut nor \
                     rewritten up to here.",
                    v.length
                );
            } else {
                println!(
                    "FAILED at seq {}: {}",
                    v.first_bad_seq.unwrap_or(0),
                    v.problem.as_deref().unwrap_or("unknown problem")
                );
            }
            return Ok(if v.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        Cmd::Backup { out } => {
            if konbit_store::Backend::of(&url).map_err(describe)? == konbit_store::Backend::Postgres
            {
                anyhow::bail!("{}", konbit_store::backup::PG_BACKUP);
            }
            let store = open(&url, false).await?;
            let done = store.backup_to(&out).await;
            store.close().await;
            done.map_err(describe)?;
            let len = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            println!(
                "backed up {} to {} ({len} bytes)",
                konbit_store::redact(&url),
                out.display()
            );
            println!(
                "The log key is not in the backup: keep {} safe as well.",
                key_dir.join(konbit_store::checkpoint::KEY_FILE).display()
            );
        }
        Cmd::Restore { file } => {
            return restore(&file, &url).await;
        }
        Cmd::Rebuild => {
            let store = open(&url, false).await?;
            let n = store.writer().rebuild().await.map_err(describe)?;
            store.close().await;
            println!("rebuilt the projections from {n} entries");
        }
        Cmd::Load { dir } => {
            let store = open(&url, true).await?;
            let r = scenario::load(&store, &dir).await?;
            store.close().await;
            println!(
                "loaded {}: {} entries ({} sources)",
                dir.display(),
                r.entries,
                r.count("source")
            );
        }
        Cmd::Import {
            command: ImportCmd::Acled(args),
        } => {
            return import_acled(&url, &args.file, args.options()).await;
        }
        Cmd::Import {
            command: ImportCmd::Hxl(args),
        } => {
            let file = &args.file;
            let kind = std::fs::File::open(file)
                .map(std::io::BufReader::new)
                .with_context(|| format!("cannot read {}", file.display()))
                .and_then(|f| {
                    konbit_domain::situation::hxl::table_kind(f)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
                })?;
            return match kind {
                konbit_domain::situation::hxl::TableKind::Events => {
                    import_acled(&url, file, args.options()).await
                }
                konbit_domain::situation::hxl::TableKind::Indicators => {
                    import_indicators(&url, file, args.options()).await
                }
            };
        }
        Cmd::Export {
            command:
                ExportCmd::Incidents {
                    format,
                    out,
                    from,
                    to,
                    types,
                    actor,
                    department,
                    on,
                    as_of,
                    clearance,
                },
        } => {
            let department = match department {
                None => None,
                Some(d) => Some(
                    konbit_domain::situation::gazetteer::haiti()
                        .department(&d)
                        .map(|p| p.code.clone())
                        .with_context(|| {
                            format!("--department: {d:?} is not a department of Haiti")
                        })?,
                ),
            };
            let as_of_us = match as_of {
                None => i64::MAX,
                Some(t) => konbit_store::micros(
                    time::OffsetDateTime::parse(&t, &time::format_description::well_known::Rfc3339)
                        .with_context(|| format!("--as-of: {t:?} is not an RFC 3339 time"))?,
                ),
            };
            let filter = IncidentFilter {
                from,
                to,
                types,
                actor,
                department,
                on,
                ..IncidentFilter::default()
            };
            let vis = Visibility {
                as_of_us,
                clearance,
            };
            let store = open(&url, false).await?;
            let mut cursor = situation::ExportCursor::new(filter, vis, format);
            let mut sink: Box<dyn Write> = match &out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("cannot create {}", p.display()))?,
                )),
                None => Box::new(std::io::stdout().lock()),
            };
            let mut conn = store.reader(vis).await.map_err(describe)?;
            while let Some(chunk) = cursor.next_chunk(&mut conn).await.map_err(describe)? {
                sink.write_all(&chunk)?;
            }
            sink.flush()?;
            drop(conn);
            store.close().await;
            if let Some(p) = out {
                eprintln!("exported {} incidents to {}", cursor.written, p.display());
            }
        }
        Cmd::Gen {
            command: GenCmd::Incidents { count, seed, out },
        } => {
            let f = std::fs::File::create(&out)
                .with_context(|| format!("cannot create {}", out.display()))?;
            let mut w = konbit_domain::situation::acled_csv::Writer::new(
                std::io::BufWriter::with_capacity(1 << 16, f),
                konbit_domain::situation::acled_csv::Format::Acled,
            )?;
            for i in konbit_domain::situation::synthetic::incidents(count, seed) {
                w.write(&konbit_domain::situation::acled_csv::Exported {
                    incident: i,
                    status: konbit_domain::situation::Verification::Reported,
                    classification: Classification::Public,
                    sources: vec![],
                })?;
            }
            w.finish()?.flush()?;
            println!(
                "wrote {count} synthetic incidents (seed {seed}) to {}",
                out.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints an import's bad rows (the first ones in full) and, when it wrote nothing, why; says
/// whether it wrote.
fn bad_rows(problems: &[String], rejected: u64, rows: u64, committed: bool) -> bool {
    for p in problems {
        eprintln!("{p}");
    }
    if rejected as usize > problems.len() {
        eprintln!("… and more: {rejected} bad rows in all");
    }
    if !committed {
        eprintln!(
            "konbit: {rejected} of {rows} rows are bad; nothing was imported (use --rejects FILE to import the good rows)"
        );
    }
    committed
}

/// ` (written to FILE)` when bad rows went to a rejects file.
fn written_to(opts: &acled_import::Options, rejected: u64) -> String {
    opts.rejects
        .as_ref()
        .filter(|_| rejected > 0)
        .map(|p| format!(" (written to {})", p.display()))
        .unwrap_or_default()
}

#[allow(clippy::print_stdout)]
async fn import_indicators(
    url: &str,
    file: &Path,
    opts: acled_import::Options,
) -> Result<ExitCode> {
    let store = open(url, true).await?;
    let result =
        acled_import::import_indicators(&store, Actor::system("import-hxl"), file, &opts).await;
    store.close().await;
    let r = result.map_err(describe)?;
    for c in &r.ignored_columns {
        eprintln!("ignored column {c}");
    }
    if r.other_countries > 0 {
        eprintln!(
            "passed over {} rows of other countries (by #country+code)",
            r.other_countries
        );
    }
    if !bad_rows(&r.problems, r.rejected, r.rows, r.committed) {
        return Ok(ExitCode::from(1));
    }
    println!(
        "imported {}: {} rows read, {} new observations, {} already recorded, {} rejected{}",
        file.display(),
        r.rows,
        r.added,
        r.unchanged,
        r.rejected,
        written_to(&opts, r.rejected),
    );
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::print_stdout)]
async fn import_acled(url: &str, file: &Path, opts: acled_import::Options) -> Result<ExitCode> {
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    let store = open(url, true).await?;
    let bar = indicatif::ProgressBar::new(size);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} importing [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let result = acled_import::import(&store, Actor::system("import-acled"), file, &opts, &|b| {
        bar.set_position(b)
    })
    .await;
    bar.finish_and_clear();
    store.close().await;
    let r = result.map_err(describe)?;
    let secs = started.elapsed().as_secs_f64();
    if !r.ignored_columns.is_empty() {
        eprintln!(
            "ignored columns that are not ACLED's: {}",
            r.ignored_columns.join(", ")
        );
    }
    let rss = peak_rss_mib()
        .map(|m| format!(", peak memory {m} MiB"))
        .unwrap_or_default();
    if !bad_rows(&r.problems, r.rejected, r.rows, r.committed) {
        return Ok(ExitCode::from(1));
    }
    println!(
        "imported {}: {} rows read, {} new incidents, {} revised, {} unchanged, {} rejected{} in {:.1} s ({:.0} rows/s{rss})",
        file.display(),
        r.rows,
        r.summary.added,
        r.summary.revised,
        r.summary.unchanged,
        r.rejected,
        written_to(&opts, r.rejected),
        secs,
        r.rows as f64 / secs.max(1e-9),
    );
    Ok(ExitCode::SUCCESS)
}

/// A time kept in microseconds, as RFC 3339.
fn when(us: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| us.to_string())
}

fn parse_date(s: &str) -> std::result::Result<Date, String> {
    konbit_domain::situation::acled_csv::parse_date(s)
}

/// The process's peak resident memory (Linux), for the import's summary line.
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

fn describe(e: konbit_store::StoreError) -> anyhow::Error {
    match e {
        konbit_store::StoreError::Domain(konbit_domain::DomainError::Invalid(v)) => {
            anyhow::anyhow!(
                "{}",
                v.0.iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        }
        other => anyhow::anyhow!("{other}"),
    }
}

fn main() -> ExitCode {
    // The TLS provider of every HTTP client of the process (feeds), before any is built.
    konbit_media::feed::install_tls();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KONBIT_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("konbit: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match rt.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("konbit: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn default_database_is_in_the_data_dir() {
        assert_eq!(
            database_url(&None, std::path::Path::new("d")),
            "sqlite://d/konbit.db"
        );
    }
}
