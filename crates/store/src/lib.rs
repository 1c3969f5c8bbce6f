//! The record log and its projections, on SQLite or PostgreSQL.
//!
//! [`Store`] is the one door to the database. Reads go through a [`Reader`] — a pooled
//! connection that sees the record through a [`Visibility`] (the two clocks and the caller's
//! clearance). Writes go through the single [`writer`] task, which passes each command through
//! the gate and its capability's projector ([`projector`]), appends hash-chained entries
//! ([`log`]) and updates the projections in the same transaction. The backend is chosen at run
//! time from the database URL; both are compiled in.
//!
//! One folder per capability — [`force`] generation, the accountability [`registers`], the
//! [`situation`]al picture — each with its projector and its reads, on a shared core
//! (`shared/`, re-exported at the crate root: log, writer, actor, projector, reads, sources,
//! replay, users, secrets, throttles). The [`desk`] reads across them (what is due now).

mod shared;

pub mod desk;
pub mod force;
pub mod media;
pub mod registers;
pub mod situation;

pub use shared::*;

use sqlx::{PgConnection, SqliteConnection};
use std::{path::Path, str::FromStr, time::Duration};
use time::OffsetDateTime;

pub use actor::{Actor, Envelope, Submitted};
pub use read::{Reader, Visibility};
pub use users::User;
pub use writer::Writer;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static PG_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Errors from the store: a refused command (domain), or a failure of the database itself.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The command was refused by a rule.
    #[error(transparent)]
    Domain(#[from] konbit_domain::DomainError),
    /// The database failed.
    #[error("database error")]
    Db(#[from] sqlx::Error),
    /// The database cannot be reached or cannot write now (a restart, an outage, a full
    /// disk); nothing was written, and the same request may succeed later.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// Anything else unexpected (a corrupt row, a closed writer).
    #[error("{0}")]
    Internal(String),
}

impl StoreError {
    /// Whether the database's disk is full (SQLite's `SQLITE_FULL`, PostgreSQL's
    /// `disk_full`): also unavailable, but the operator must act.
    pub fn is_storage_full(&self) -> bool {
        let text = self.to_string();
        match self {
            StoreError::Db(sqlx::Error::Database(d)) => d
                .code()
                .is_some_and(|c| c == "53100" || c.parse::<i32>().is_ok_and(|n| n & 0xff == 13)),
            StoreError::Unavailable(_) => text.contains("database or disk is full"),
            _ => false,
        }
    }

    /// Whether this is the database being out of reach (or out of space) rather than a fault
    /// of the request or of the data: the HTTP layer answers 503 and the client may retry.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Unavailable(_) => true,
            StoreError::Db(e) => db_unavailable(e),
            _ => false,
        }
    }

    pub(crate) fn internal(e: impl std::fmt::Display) -> Self {
        StoreError::Internal(e.to_string())
    }
}

/// Whether sqlx's error means the database is out of reach: no connection, a connection lost,
/// PostgreSQL shutting down or refusing connections (SQLSTATE classes 08 and 57P), or SQLite's
/// disk full, busy or read-only.
pub fn db_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_) => true,
        sqlx::Error::Database(d) => d.code().is_some_and(|c| {
            c.starts_with("08")
                || c.starts_with("57P")
                // SQLite: SQLITE_BUSY (5), SQLITE_READONLY (8), SQLITE_IOERR (10),
                // SQLITE_FULL (13), SQLITE_CANTOPEN (14), with their extended codes.
                || c.parse::<i32>().is_ok_and(|n| matches!(n & 0xff, 5 | 8 | 10 | 13 | 14))
        }),
        _ => false,
    }
}

/// Result alias for the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database backend a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite://PATH` (the default; embedded).
    Sqlite,
    /// `postgres://…` or `postgresql://…`.
    Postgres,
}

impl Backend {
    /// The backend of a database URL, or an error naming the accepted schemes.
    pub fn of(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::Internal(format!(
                "unsupported database URL {:?}: use sqlite://PATH or postgres://…",
                redact(url)
            )))
        }
    }
}

/// The URL with any password replaced by `***`, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// A connection pool on one of the two backends.
#[derive(Clone, Debug)]
pub enum Pool {
    /// SQLite.
    Sqlite(sqlx::SqlitePool),
    /// PostgreSQL.
    Pg(sqlx::PgPool),
}

/// A borrowed connection on one of the two backends; every query in this crate runs on one.
/// The writer's connection also carries the inserts it holds back ([`held`]): every statement
/// run through [`on!`] sends them first. Code that takes the connection out of an `Ex` itself
/// calls [`Ex::settle`] before it.
pub enum Ex<'a> {
    /// SQLite.
    Sqlite(&'a mut SqliteConnection, Option<&'a mut held::Held>),
    /// PostgreSQL.
    Pg(&'a mut PgConnection, Option<&'a mut held::Held>),
}

impl Ex<'_> {
    /// Sends the held inserts, if any: before a statement that does not go through [`on!`].
    pub async fn settle(&mut self) -> sqlx::Result<()> {
        match self {
            Ex::Sqlite(c, h) => held::settle_sqlite(c, h).await,
            Ex::Pg(c, h) => held::settle_pg(c, h).await,
        }
    }

    /// Sends the held inserts, then runs `then` (the commit) — on SQLite in the same call.
    pub(crate) async fn settle_then(&mut self, then: &str) -> sqlx::Result<()> {
        let mut none = held::Held::default();
        match self {
            Ex::Sqlite(c, h) => {
                held::settle_then_sqlite(c, h.as_deref_mut().unwrap_or(&mut none), then).await
            }
            Ex::Pg(c, h) => {
                held::settle_then_pg(c, h.as_deref_mut().unwrap_or(&mut none), then).await
            }
        }
    }

    /// Where inserts are held, when they are (on the writer's connection, during a batch).
    pub(crate) fn held(&mut self) -> Option<&mut held::Held> {
        match self {
            Ex::Sqlite(_, h) | Ex::Pg(_, h) => h.as_deref_mut(),
        }
    }

    /// Whether this is SQLite.
    pub(crate) fn is_sqlite(&self) -> bool {
        matches!(self, Ex::Sqlite(..))
    }
}

/// Runs the same query code on whichever backend `$ex` (an `&mut Ex`) holds, after sending the
/// inserts it holds back. The body is compiled once per backend, so it may use backend-specific
/// types only through sqlx's traits; it evaluates to a `Result<_, sqlx::Error>`.
#[macro_export]
macro_rules! on {
    ($ex:expr, |$c:ident| $body:expr) => {
        match $ex {
            $crate::Ex::Sqlite(conn, held) => match $crate::held::settle_sqlite(conn, held).await {
                Err(e) => Err(e),
                Ok(()) => {
                    let $c = &mut **conn;
                    $body
                }
            },
            $crate::Ex::Pg(conn, held) => match $crate::held::settle_pg(conn, held).await {
                Err(e) => Err(e),
                Ok(()) => {
                    let $c = &mut **conn;
                    $body
                }
            },
        }
    };
}

/// An owned connection taken from the pool.
pub enum PoolConn {
    /// SQLite.
    Sqlite(sqlx::pool::PoolConnection<sqlx::Sqlite>),
    /// PostgreSQL.
    Pg(sqlx::pool::PoolConnection<sqlx::Postgres>),
}

impl PoolConn {
    /// Borrows it for queries.
    pub fn ex(&mut self) -> Ex<'_> {
        match self {
            PoolConn::Sqlite(c) => Ex::Sqlite(&mut *c, None),
            PoolConn::Pg(c) => Ex::Pg(&mut *c, None),
        }
    }
}

/// The store: a read pool and the handle of the single writer.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    writer: Writer,
    url: String,
    tokens: std::sync::Arc<users::TokenCache>,
}

/// How to open the database.
#[derive(Debug, Clone)]
pub struct Options {
    /// `sqlite://PATH` or `postgres://…`.
    pub url: String,
    /// Apply pending migrations on open (otherwise refuse an outdated schema).
    pub migrate: bool,
}

impl Store {
    /// Opens the database, migrates it if asked (or checks it is up to date), and starts the
    /// writer task.
    pub async fn open(opts: &Options) -> Result<Store> {
        let backend = Backend::of(&opts.url)?;
        let pool = connect_pool(&opts.url, backend).await?;
        if opts.migrate {
            migrate_pool(&pool).await?;
        } else {
            check_schema(&pool).await?;
        }
        check_log_format(&pool).await?;
        let writer = Writer::start(&opts.url, backend).await?;
        Ok(Store {
            pool,
            writer,
            url: opts.url.clone(),
            tokens: Default::default(),
        })
    }

    /// The remembered token lookups.
    pub(crate) fn token_cache(&self) -> &users::TokenCache {
        &self.tokens
    }

    /// Runs a change of users or sessions through the writer; whatever its outcome, the
    /// remembered token lookups are forgotten, so that it takes effect on the next request.
    async fn user_op(&self, actor: Actor, op: users::UserOp) -> Result<Submitted> {
        let out = self.writer.user_op(actor, op).await;
        self.tokens.clear();
        out
    }

    /// Replays the log on a connection of its own and compares every projection with it
    /// ([`replay`]); `None` when they all match.
    pub async fn compare_projections(&self) -> Result<Option<replay::Difference>> {
        replay::compare(&self.url).await
    }

    /// The writer handle (commands go through it).
    pub fn writer(&self) -> &Writer {
        &self.writer
    }

    /// A read connection from the pool.
    pub async fn conn(&self) -> Result<PoolConn> {
        Ok(match &self.pool {
            Pool::Sqlite(p) => PoolConn::Sqlite(p.acquire().await?),
            Pool::Pg(p) => PoolConn::Pg(p.acquire().await?),
        })
    }

    /// Records one command through the writer (validated, appended, projected, committed).
    pub async fn submit(&self, actor: Actor, env: Envelope) -> Result<Submitted> {
        self.writer.submit(actor, env).await
    }

    /// Records every command or none (one savepoint for the lot); on refusal, the index of the
    /// refused command and why.
    pub async fn submit_all(
        &self,
        actor: Actor,
        envs: Vec<Envelope>,
    ) -> std::result::Result<Vec<Submitted>, writer::BatchError> {
        self.writer.submit_all(actor, envs).await
    }

    /// Creates a user; the password is checked and hashed here.
    pub async fn create_user(
        &self,
        actor: Actor,
        username: &str,
        password: &str,
        role: konbit_domain::Role,
        country: Option<&str>,
    ) -> Result<Submitted> {
        users::check_username(username)?;
        users::check_role_country(role, country)?;
        users::check_password(password)?;
        let password_hash = hash_off_thread(password).await?;
        self.user_op(
            actor,
            users::UserOp::Create {
                username: username.into(),
                password_hash,
                role,
                country: country.map(str::to_string),
            },
        )
        .await
    }

    /// Replaces a user's password.
    pub async fn set_password(
        &self,
        actor: Actor,
        username: &str,
        password: &str,
    ) -> Result<Submitted> {
        users::check_password(password)?;
        let password_hash = hash_off_thread(password).await?;
        self.user_op(
            actor,
            users::UserOp::SetPassword {
                username: username.into(),
                password_hash,
            },
        )
        .await
    }

    /// Changes a user's role.
    pub async fn set_role(
        &self,
        actor: Actor,
        username: &str,
        role: konbit_domain::Role,
        country: Option<&str>,
    ) -> Result<Submitted> {
        users::check_role_country(role, country)?;
        self.user_op(
            actor,
            users::UserOp::SetRole {
                username: username.into(),
                role,
                country: country.map(str::to_string),
            },
        )
        .await
    }

    /// Disables a user (their sessions and tokens end) or enables them again.
    pub async fn set_disabled(
        &self,
        actor: Actor,
        username: &str,
        disabled: bool,
    ) -> Result<Submitted> {
        self.user_op(
            actor,
            users::UserOp::SetDisabled {
                username: username.into(),
                disabled,
            },
        )
        .await
    }

    /// Ends one of a user's sessions or tokens (`id`), or all of them.
    pub async fn revoke_tokens(
        &self,
        actor: Actor,
        username: &str,
        id: Option<uuid::Uuid>,
    ) -> Result<Submitted> {
        self.user_op(
            actor,
            users::UserOp::RevokeTokens {
                username: username.into(),
                id,
            },
        )
        .await
    }

    /// Closes the pool and stops the writer once queued commands are done.
    pub async fn close(self) {
        self.writer.stop().await;
        match self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Pg(p) => p.close().await,
        }
    }
}

/// Only applies migrations, then closes (for `konbit migrate`).
pub async fn migrate(url: &str) -> Result<Vec<String>> {
    let backend = Backend::of(url)?;
    let pool = connect_pool(url, backend).await?;
    let applied = migrate_pool(&pool).await?;
    match pool {
        Pool::Sqlite(p) => p.close().await,
        Pool::Pg(p) => p.close().await,
    }
    Ok(applied)
}

/// Prepared statements kept per SQLite connection.
const STATEMENT_CACHE: usize = 512;

fn sqlite_options(url: &str) -> Result<sqlx::sqlite::SqliteConnectOptions> {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // An acknowledged write must survive a power cut: fsync on every commit.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // The writer's multi-row inserts differ in their row counts from batch to batch (see
        // `held`); with sqlx's default of 100 kept statements they pushed each other out and
        // were prepared again and again. A cache of 2,000 gave 12.8k → 14.3k durable writes/s at
        // 64 clients on one machine; 512 keeps most of the shapes while bounding what a
        // connection holds (a statement of 500 rows is a large program).
        .statement_cache_capacity(STATEMENT_CACHE))
}

/// SQLite writes its database, journal and shared memory beside each other: a directory it
/// cannot write to (a read-only file system) is named as such, not as "unable to open".
fn writable(dir: &Path) -> Result<()> {
    let probe = dir.join(".konbit-write-check");
    match std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(StoreError::Unavailable(format!(
            "{} is not writable ({e}); SQLite writes its database and journal there — nothing \
             was written",
            dir.display()
        ))),
    }
}

/// How long a request waits for a connection before it is answered that the database is
/// unavailable (sqlx's default, 30 s, outlasts any client's patience).
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

async fn connect_pool(url: &str, backend: Backend) -> Result<Pool> {
    Ok(match backend {
        Backend::Sqlite => {
            if let Some(path) = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
            {
                let path = path.split('?').next().unwrap_or(path);
                if let Some(dir) = Path::new(path).parent()
                    && !dir.as_os_str().is_empty()
                {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        StoreError::Internal(format!("cannot create {}: {e}", dir.display()))
                    })?;
                    writable(dir)?;
                }
            }
            Pool::Sqlite(
                sqlx::sqlite::SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect_with(sqlite_options(url)?)
                    .await?,
            )
        }
        Backend::Postgres => Pool::Pg(
            sqlx::postgres::PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(ACQUIRE_TIMEOUT)
                .connect(url)
                .await?,
        ),
    })
}

async fn migrate_pool(pool: &Pool) -> Result<Vec<String>> {
    let (m, before) = match pool {
        Pool::Sqlite(p) => (&SQLITE_MIGRATIONS, applied_versions_sqlite(p).await),
        Pool::Pg(p) => (&PG_MIGRATIONS, applied_versions_pg(p).await),
    };
    match pool {
        Pool::Sqlite(p) => m.run(p).await,
        Pool::Pg(p) => m.run(p).await,
    }
    .map_err(|e| StoreError::Internal(format!("migration failed: {e}")))?;
    Ok(m.iter()
        .filter(|x| !before.contains(&x.version))
        .map(|x| format!("{} {}", x.version, x.description))
        .collect())
}

async fn applied_versions_sqlite(p: &sqlx::SqlitePool) -> Vec<i64> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
        .fetch_all(p)
        .await
        .unwrap_or_default()
}

async fn applied_versions_pg(p: &sqlx::PgPool) -> Vec<i64> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
        .fetch_all(p)
        .await
        .unwrap_or_default()
}

/// Refuses a log written in format v1 (entries without a salt): its hashes are not those this
/// build computes, and it cannot be rewritten in place (docs/record-log.md, "Versions").
async fn check_log_format(pool: &Pool) -> Result<()> {
    let first: Option<i64> = match pool {
        Pool::Sqlite(p) => {
            sqlx::query_scalar("SELECT seq FROM log WHERE salt IS NULL ORDER BY seq LIMIT 1")
                .fetch_optional(p)
                .await?
        }
        Pool::Pg(p) => {
            sqlx::query_scalar("SELECT seq FROM log WHERE salt IS NULL ORDER BY seq LIMIT 1")
                .fetch_optional(p)
                .await?
        }
    };
    match first {
        None => Ok(()),
        Some(seq) => Err(StoreError::Internal(format!(
            "this database holds a record log in format v1 (entry {seq} has no salt); this \
             build reads format v2 only. Export the record from the build that wrote it and \
             load it into a new database (docs/record-log.md, \"Versions\")"
        ))),
    }
}

async fn check_schema(pool: &Pool) -> Result<()> {
    let (applied, known) = match pool {
        Pool::Sqlite(p) => (applied_versions_sqlite(p).await, &SQLITE_MIGRATIONS),
        Pool::Pg(p) => (applied_versions_pg(p).await, &PG_MIGRATIONS),
    };
    let missing: Vec<String> = known
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .map(|m| format!("{} {}", m.version, m.description))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Internal(format!(
            "the database schema is out of date (pending: {}); run `konbit migrate`",
            missing.join(", ")
        )))
    }
}

async fn hash_off_thread(password: &str) -> Result<String> {
    let pw = password.to_string();
    tokio::task::spawn_blocking(move || users::hash_password(&pw))
        .await
        .map_err(StoreError::internal)?
}

/// Now, truncated to microseconds so both backends round-trip it exactly.
pub fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1000 * 1000)
        .unwrap_or(t)
}

/// `{head}($1, …, $cols), ($cols+1, …), …` for `rows` rows: one multi-row INSERT. On SQLite
/// the placeholders are anonymous `?`: sqlx looks each numbered parameter up by name, and
/// SQLite's lookup is linear, so thousands of `$n` in one statement cost quadratic time.
pub(crate) fn values_sql(sqlite: bool, head: &str, cols: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * cols * 6);
    sql.push_str(head);
    for r in 0..rows {
        if r > 0 {
            sql.push(',');
        }
        sql.push('(');
        sql.push_str(&placeholders(sqlite, r * cols + 1, cols));
        sql.push(')');
    }
    sql
}

/// `n` comma-separated placeholders numbered from `first` (`?` on SQLite, see [`values_sql`]).
pub(crate) fn placeholders(sqlite: bool, first: usize, n: usize) -> String {
    let mut out = String::with_capacity(n * 6);
    for k in 0..n {
        if k > 0 {
            out.push(',');
        }
        if sqlite {
            out.push('?');
        } else {
            out.push('$');
            out.push_str(&(first + k).to_string());
        }
    }
    out
}

/// Microseconds since the Unix epoch.
pub fn micros(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}
