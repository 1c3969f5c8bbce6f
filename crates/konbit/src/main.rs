//! The `konbit` command: parses the command line and composes the store and the web layer.
//! It holds no rules of its own; every write goes through the store's writer.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use konbit_domain::{Role, accountability::Rules};
use konbit_store::{Actor, Options, Store, log, scenario, users};
use std::{io::Write, net::SocketAddr, path::PathBuf, process::ExitCode};

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
    },
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
    /// Drop and replay every projection from the log. ⚠️ Takes the write lock while it runs.
    Rebuild,
    /// Record a scenario folder (TOML files) through the normal write path.
    Load {
        /// The scenario folder, e.g. data/scenarios/haiti-mss.
        dir: PathBuf,
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
    /// Change a user's role.
    Role {
        /// Login name.
        username: String,
        /// viewer, editor, admin, hr_officer, conduct_officer or commander.
        role: Role,
        /// A commander's contributor, ISO 3166-1 alpha-3 (KEN). Only for commanders.
        #[arg(long)]
        country: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum LogCmd {
    /// Recompute the hash chain and check the projections. Exit 0 when intact, 1 when not.
    Verify {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn database_url(cli_db: &Option<String>, dir: &std::path::Path) -> String {
    cli_db
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", dir.join("konbit.db").display()))
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
];

async fn serve(store: Store, listen: SocketAddr, secure_cookies: bool, rules: Rules) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let state = konbit_web::AppState::new(store.clone(), secure_cookies).with_rules(rules);
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
    let rules = Rules {
        handover_hours: cli.handover_hours,
        ..Rules::default()
    };
    match cli.command {
        Cmd::Serve {
            listen,
            no_migrate,
            secure_cookies,
        } => {
            let store = open(&url, !no_migrate).await?;
            println!(
                "Konbit is serving {} on http://{listen}",
                konbit_store::redact(&url)
            );
            serve(store, listen, secure_cookies, rules).await?;
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
                    for f in ["konbit.db", "konbit.db-wal", "konbit.db-shm"] {
                        let p = demo_dir.join(f);
                        if p.exists() {
                            std::fs::remove_file(&p)
                                .with_context(|| format!("cannot remove {}", p.display()))?;
                        }
                    }
                    database_url(&None, &demo_dir)
                }
            };
            let store = open(&url, true).await?;
            let report = scenario::load_texts(&store, HAITI)
                .await
                .context("loading the Haiti scenario")?;
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
                "Konbit demo: the Haiti MSS scenario ({} entries, {} sources) in {}",
                report.entries,
                report.sources,
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
                "  The public complaint form is at http://{addr}/complaints (EN, FR, Kreyòl)."
            );
            println!();
            println!("Press Ctrl-C to stop.");
            let state = konbit_web::AppState::new(store.clone(), false).with_rules(rules);
            konbit_web::serve(listener, state)
                .await
                .context("the server failed")?;
            store.close().await;
        }
        Cmd::Migrate => {
            let applied = konbit_store::migrate(&url).await?;
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
                    let mut c = store.conn().await?;
                    for u in users::list(&mut c.ex()).await? {
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
                    println!("{username} is now {role}");
                }
            }
            store.close().await;
        }
        Cmd::Log {
            command: LogCmd::Verify { json },
        } => {
            let store = open(&url, false).await?;
            let v = {
                let mut c = store.conn().await?;
                log::verify(&mut c.ex()).await?
            };
            store.close().await;
            if json {
                println!("{}", serde_json::to_string(&v)?);
            } else if v.ok {
                println!(
                    "ok: {} entries, head {}",
                    v.length,
                    v.head.as_deref().unwrap_or("-")
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
                r.sources
            );
        }
    }
    Ok(ExitCode::SUCCESS)
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
