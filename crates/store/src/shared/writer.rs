//! The single writer: one task, on a thread of its own, owns the write connection; handlers
//! send it commands over a channel. It takes whatever is waiting as one batch and runs it in one
//! transaction, holding its inserts back until they can go per table ([`crate::held`]): a command
//! is refused, if at all, before it writes anything (and answered at once), while multi-command
//! jobs (a scenario load, a rebuild) run in a savepoint so that they stand or fall whole. It then
//! commits once — durably — and only then answers the waiters (group commit). One fsync serves
//! the whole batch, the chain stays strictly ordered, and an acknowledged write is on disk. A
//! command the database itself fails (not a refusal) spoils the transaction; the batch is then
//! rolled back and run again without it, so one request never fails another's write.
//!
//! On PostgreSQL each batch takes a transaction-scoped advisory lock and re-reads the head, so
//! two `konbit serve` processes on one database never interleave their appends.

use crate::held::Held;
use crate::{
    Backend, Ex, Result, StoreError,
    actor::{Actor, Envelope, Submitted},
    log::{self, Entry},
    situation::{self, ImportSpec, ImportSummary, PreparedRow},
    tree, users, write_path as project,
};
use konbit_domain::{Command, SourceCommand};
use sqlx::{Connection, PgConnection, Row, SqliteConnection};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

/// What can be asked of the writer.
pub(crate) enum Op {
    // Boxed: the register commands make an envelope far larger than the other operations.
    Record(Actor, Box<Envelope>),
    /// All or nothing: every command in one savepoint.
    Batch(Actor, Vec<Envelope>),
    User(Actor, users::UserOp),
    Rebuild,
    /// A bulk import of incidents: rows arrive over the channel, all in one transaction.
    Import(Actor, ImportSpec, Box<Envelope>, mpsc::Receiver<ImportMsg>),
}

/// What an import sends the writer.
pub(crate) enum ImportMsg {
    /// Valid rows, in file order.
    Rows(Vec<PreparedRow>),
    /// Commit everything sent.
    Commit,
    /// Write nothing.
    Abort,
}

/// A running import: send rows, then commit or abort. Dropping it aborts.
pub struct Import {
    tx: mpsc::Sender<ImportMsg>,
    done: oneshot::Receiver<Result<ImportSummary>>,
}

impl Import {
    /// Sends valid rows. An error means the import already failed: [`Import::commit`] says why.
    pub async fn rows(&self, rows: Vec<PreparedRow>) -> Result<()> {
        self.tx
            .send(ImportMsg::Rows(rows))
            .await
            .map_err(|_| StoreError::Internal("the import has stopped".into()))
    }

    /// Commits every row sent; returns what was recorded.
    pub async fn commit(self) -> Result<ImportSummary> {
        // If the writer already stopped the import, the send fails and `done` holds the reason.
        let _ = self.tx.send(ImportMsg::Commit).await;
        self.done
            .await
            .map_err(|_| StoreError::Internal("the writer dropped the import".into()))?
    }

    /// Rolls back: nothing of the import is written.
    pub async fn abort(self) {
        let _ = self.tx.send(ImportMsg::Abort).await;
        let _ = self.done.await;
    }
}

/// A refused command of a batch: its index and why.
pub type BatchError = (usize, StoreError);

enum Reply {
    One(oneshot::Sender<Result<Submitted>>),
    Many(oneshot::Sender<std::result::Result<Vec<Submitted>, BatchError>>),
    Import(oneshot::Sender<Result<ImportSummary>>),
}

impl Reply {
    fn fail(self, e: StoreError) {
        match self {
            Reply::One(r) => {
                let _ = r.send(Err(e));
            }
            Reply::Many(r) => {
                let _ = r.send(Err((0, e)));
            }
            Reply::Import(r) => {
                let _ = r.send(Err(e));
            }
        }
    }
}

struct Job {
    op: Op,
    reply: Reply,
}

enum Msg {
    Job(Box<Job>),
    Stop(oneshot::Sender<()>),
}

/// Handle to the writer task. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Writer {
    tx: mpsc::Sender<Msg>,
}

/// The most commands one transaction takes; bounds the time a batch holds the lock.
const MAX_BATCH: usize = 512;

enum Conn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

/// The writer's connection, and the inserts it holds back while `hold` is set (a batch of
/// commands; see [`crate::held`]).
struct WConn {
    conn: Conn,
    held: Held,
    hold: bool,
    /// The right edge of the tree as the last batch committed it, and the log's head then:
    /// while the head is still that, the next batch grows the tree from it without reading.
    edge: Option<(log::Head, tree::Appender)>,
}

impl WConn {
    async fn connect(url: &str, backend: Backend) -> Result<WConn> {
        let conn = match backend {
            Backend::Sqlite => {
                Conn::Sqlite(SqliteConnection::connect_with(&crate::sqlite_options(url)?).await?)
            }
            Backend::Postgres => Conn::Pg(PgConnection::connect(url).await?),
        };
        Ok(WConn {
            conn,
            held: Held::default(),
            hold: false,
            edge: None,
        })
    }

    fn ex(&mut self) -> Ex<'_> {
        let held = if self.hold {
            Some(&mut self.held)
        } else {
            None
        };
        match &mut self.conn {
            Conn::Sqlite(c) => Ex::Sqlite(c, held),
            Conn::Pg(c) => Ex::Pg(c, held),
        }
    }
}

/// Arbitrary but fixed key of the advisory lock that serializes appends on PostgreSQL.
const PG_LOG_LOCK: i64 = 0x6b6f_6e62_6974;

impl Writer {
    /// Starts the writer on a thread of its own, with a runtime of its own. On the server's
    /// runtime its every database round trip waited for its turn behind the request handlers
    /// that were ready, a batch makes several, and every write waits for the batch: alone, it is
    /// woken as soon as the database answers.
    pub(crate) async fn start(url: &str, backend: Backend) -> Result<Writer> {
        let (tx, rx) = mpsc::channel(4096);
        let (ready, started) = oneshot::channel();
        let url = url.to_string();
        std::thread::Builder::new()
            .name("konbit-writer".into())
            .spawn(move || {
                let rt = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = ready.send(Err(StoreError::internal(e)));
                        return;
                    }
                };
                rt.block_on(async move {
                    let mut conn = match WConn::connect(&url, backend).await {
                        Ok(c) => c,
                        Err(e) => {
                            let _ = ready.send(Err(e));
                            return;
                        }
                    };
                    // Before the first command (and before `open` returns, so a reader sees a
                    // whole tree). A tree that cannot grow (a log cut behind the server's back)
                    // stops every write, but not the start: `konbit log verify` must still open
                    // the database to say what happened.
                    if let Err(e) = grow_tree(&mut conn).await {
                        tracing::error!(error = %e, "writer: the log's tree cannot catch up with the log");
                    }
                    if ready.send(Ok(())).is_ok() {
                        run(conn, rx, url, backend).await;
                    }
                });
            })
            .map_err(StoreError::internal)?;
        started
            .await
            .map_err(|_| StoreError::Internal("the writer did not start".into()))??;
        Ok(Writer { tx })
    }

    async fn send(&self, op: Op) -> Result<Submitted> {
        let (reply, rx) = oneshot::channel();
        self.tx
            .send(Msg::Job(Box::new(Job {
                op,
                reply: Reply::One(reply),
            })))
            .await
            .map_err(|_| StoreError::Internal("the writer has stopped".into()))?;
        rx.await
            .map_err(|_| StoreError::Internal("the writer dropped the command".into()))?
    }

    /// Records every command or none: one savepoint for the lot. On refusal, the index of the
    /// refused command and why; nothing of the batch is written.
    pub async fn submit_all(
        &self,
        actor: Actor,
        envs: Vec<Envelope>,
    ) -> std::result::Result<Vec<Submitted>, BatchError> {
        let (reply, rx) = oneshot::channel();
        self.tx
            .send(Msg::Job(Box::new(Job {
                op: Op::Batch(actor, envs),
                reply: Reply::Many(reply),
            })))
            .await
            .map_err(|_| (0, StoreError::Internal("the writer has stopped".into())))?;
        rx.await.map_err(|_| {
            (
                0,
                StoreError::Internal("the writer dropped the batch".into()),
            )
        })?
    }

    /// Validates, appends and projects one command; returns once it is durably committed.
    pub async fn submit(&self, actor: Actor, env: Envelope) -> Result<Submitted> {
        self.send(Op::Record(actor, Box::new(env))).await
    }

    pub(crate) async fn user_op(&self, actor: Actor, op: users::UserOp) -> Result<Submitted> {
        self.send(Op::User(actor, op)).await
    }

    /// Starts a bulk import of incidents in one transaction of its own. `source` registers the
    /// imported file as a source inside that transaction, unless a source with the same
    /// reference exists; every incident then rests on it.
    pub async fn import(&self, actor: Actor, spec: ImportSpec, source: Envelope) -> Result<Import> {
        let (tx, rx) = mpsc::channel(4);
        let (reply, done) = oneshot::channel();
        self.tx
            .send(Msg::Job(Box::new(Job {
                op: Op::Import(actor, spec, Box::new(source), rx),
                reply: Reply::Import(reply),
            })))
            .await
            .map_err(|_| StoreError::Internal("the writer has stopped".into()))?;
        Ok(Import { tx, done })
    }

    /// Empties and replays every projection in one transaction; returns the entries replayed.
    pub async fn rebuild(&self) -> Result<i64> {
        Ok(self.send(Op::Rebuild).await?.seq)
    }

    /// Finishes queued work and stops the task.
    pub async fn stop(&self) {
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Msg::Stop(tx)).await.is_ok() {
            let _ = rx.await;
        }
    }
}

/// Brings the Merkle tree up to the log before the first command: a log written before the
/// tree existed gets it here, in a transaction of its own.
async fn grow_tree(conn: &mut WConn) -> Result<()> {
    begin(conn).await?;
    let grown = async {
        let head = log::head(&mut conn.ex()).await?;
        tree::catch_up(&mut conn.ex(), head.seq).await
    }
    .await;
    match grown {
        Ok(_) => exec(conn, "COMMIT").await,
        Err(e) => {
            let _ = exec(conn, "ROLLBACK").await;
            Err(e)
        }
    }
}

/// An error with the database's own words (the store's `Display` of a database error says only
/// "database error"), so that an answer of unavailability says why: a full disk, a lost link.
fn full(e: &StoreError) -> String {
    match e {
        StoreError::Db(d) => d.to_string(),
        other => other.to_string(),
    }
}

/// How long the writer tries to reconnect before answering that the database is unavailable.
const RECONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

async fn run(mut conn: WConn, mut rx: mpsc::Receiver<Msg>, url: String, backend: Backend) {
    // Set when the database could not be reached: the connection is made again before the
    // next batch, so the writer recovers by itself when the database returns.
    let mut broken = false;
    while let Some(first) = rx.recv().await {
        let mut batch = Vec::new();
        let mut stop = None;
        // An import holds its own transaction for as long as its rows keep coming.
        let mut import = None;
        match first {
            Msg::Job(j) if matches!(j.op, Op::Import(..)) => import = Some(*j),
            Msg::Job(j) => batch.push(*j),
            Msg::Stop(s) => stop = Some(s),
        }
        while stop.is_none() && import.is_none() && batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(Msg::Job(j)) if matches!(j.op, Op::Import(..)) => import = Some(*j),
                Ok(Msg::Job(j)) => batch.push(*j),
                Ok(Msg::Stop(s)) => stop = Some(s),
                Err(_) => break,
            }
        }
        if broken {
            match tokio::time::timeout(RECONNECT_TIMEOUT, WConn::connect(&url, backend)).await {
                Ok(Ok(mut fresh)) => {
                    if let Err(e) = grow_tree(&mut fresh).await {
                        tracing::error!(error = %e, "writer: the log's tree cannot catch up");
                    }
                    tracing::info!("writer: the database is back");
                    conn = fresh;
                    broken = false;
                }
                failed => {
                    let why = match failed {
                        Ok(Err(e)) => full(&e),
                        _ => "no answer".to_string(),
                    };
                    for job in batch.into_iter().chain(import) {
                        job.reply
                            .fail(StoreError::Unavailable(format!("cannot reconnect: {why}")));
                    }
                    if let Some(s) = stop {
                        let _ = s.send(());
                        return;
                    }
                    continue;
                }
            }
        }
        if !batch.is_empty() {
            broken |= run_batch(&mut conn, batch).await;
        }
        if let Some(job) = import {
            broken |= run_import(&mut conn, job).await;
        }
        if let Some(s) = stop {
            let _ = s.send(());
            return;
        }
    }
}

async fn exec(conn: &mut WConn, sql: &str) -> Result<()> {
    // A rollback undoes what is held as well: it is forgotten, not sent.
    if sql.starts_with("ROLLBACK") {
        conn.held.clear();
    }
    let mut ex = conn.ex();
    crate::on!(&mut ex, |c| sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The statements that begin a write transaction.
fn begin_sql(conn: &WConn) -> String {
    match conn.conn {
        // IMMEDIATE takes the write lock now, so the head we read next cannot go stale.
        Conn::Sqlite(_) => "BEGIN IMMEDIATE".into(),
        // One round trip for both: a simple query may hold several statements, and the
        // transaction is open before the lock is asked for.
        Conn::Pg(_) => format!("BEGIN; SELECT pg_advisory_xact_lock({PG_LOG_LOCK})"),
    }
}

async fn begin(conn: &mut WConn) -> Result<()> {
    let sql = begin_sql(conn);
    exec(conn, &sql).await
}

/// Begins a batch's transaction (as [`begin`] does) and reads the log's head in the same round
/// trip: under load each round trip waits for a core, and a batch used to spend three of them
/// here.
async fn begin_at_head(conn: &mut WConn) -> Result<log::TimedHead> {
    let begin = begin_sql(conn);
    let row = match &mut conn.conn {
        Conn::Sqlite(c) => {
            let sql = format!("{begin}; {}", log::HEAD_SQL);
            // Every row fetched, so no statement is left midway when the batch commits.
            sqlx::query_as::<_, (i64, Vec<u8>, String)>(sqlx::AssertSqlSafe(sql))
                .fetch_all(&mut *c)
                .await?
                .pop()
        }
        // A simple query answers in text: the hash comes as hex.
        Conn::Pg(c) => {
            let rows = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "{begin}; SELECT seq, encode(hash, 'hex') AS hash, recorded_at FROM log \
                 ORDER BY seq DESC LIMIT 1"
            )))
            .fetch_all(&mut *c)
            .await?;
            match rows.iter().find(|r| r.columns().len() == 3) {
                None => None,
                Some(r) => {
                    let hash: String = r.try_get("hash")?;
                    Some((
                        r.try_get("seq")?,
                        hex::decode(hash).map_err(StoreError::internal)?,
                        r.try_get("recorded_at")?,
                    ))
                }
            }
        }
    };
    log::timed_head(row)
}

fn submitted(e: &Entry) -> Submitted {
    Submitted {
        seq: e.seq,
        subject: e.subject,
        hash: hex::encode(&e.hash),
    }
}

/// What one job of a batch came to, answered once the batch is committed.
enum Outcome {
    /// Recorded: its entries.
    Done(Vec<Submitted>),
    /// Refused by a rule (or failed inside its own savepoint): nothing of it was written.
    Refused(StoreError),
    /// A multi-command job refused at one of its commands.
    BatchRefused(BatchError),
}

/// How one attempt at a batch ended.
enum Attempt {
    /// Committed: one outcome per job, in order.
    Committed(Vec<Outcome>),
    /// Job `index` failed in a way that spoiled the transaction, which was rolled back. The
    /// index is unknown when inserts were held: a held row fails a later job's statement.
    Spoiled {
        index: Option<usize>,
        error: StoreError,
    },
    /// The database would not run the batch at all.
    Unavailable(String),
}

/// Runs a batch in one transaction. A job that fails for a reason of the database's (not a
/// refusal) spoils the transaction — on PostgreSQL every later statement fails — so the batch is
/// rolled back, that job alone is answered with its error, and the others run again: one request
/// never fails another's write. Returns whether the database was out of reach.
async fn run_batch(conn: &mut WConn, mut batch: Vec<Job>) -> bool {
    // Inserts are held back on the first try; a try that fails runs again without, to find
    // the job at fault.
    let mut hold = true;
    loop {
        conn.hold = hold;
        let tried = attempt(conn, &batch).await;
        conn.hold = false;
        conn.held.clear();
        match tried {
            Attempt::Committed(outcomes) => {
                for (job, outcome) in batch.into_iter().zip(outcomes) {
                    answer(job.reply, outcome);
                }
                return false;
            }
            Attempt::Spoiled { index, error } => {
                tracing::error!(error = %error, "writer: a command failed in the database; the others run again");
                // A connection lost midway is the database's absence, not this command's fault.
                if error.is_unavailable() {
                    for job in batch {
                        job.reply.fail(StoreError::Unavailable(format!(
                            "the write was not committed: {}",
                            full(&error)
                        )));
                    }
                    return true;
                }
                let Some(index) = index else {
                    hold = false;
                    continue;
                };
                let job = batch.remove(index);
                job.reply.fail(error);
                if batch.is_empty() {
                    return false;
                }
            }
            Attempt::Unavailable(why) => {
                tracing::error!(error = %why, "writer: batch not written");
                for job in batch {
                    job.reply.fail(StoreError::Unavailable(format!(
                        "the write was not committed: {why}"
                    )));
                }
                return true;
            }
        }
    }
}

fn answer(reply: Reply, outcome: Outcome) {
    match (reply, outcome) {
        (Reply::One(r), Outcome::Done(subs)) => {
            let res = subs
                .into_iter()
                .next()
                .ok_or_else(|| StoreError::Internal("the writer recorded nothing".into()));
            let _ = r.send(res);
        }
        (Reply::Many(r), Outcome::Done(subs)) => {
            let _ = r.send(Ok(subs));
        }
        (Reply::Many(r), Outcome::BatchRefused(e)) => {
            let _ = r.send(Err(e));
        }
        (reply, Outcome::Refused(e) | Outcome::BatchRefused((_, e))) => reply.fail(e),
        (reply, Outcome::Done(_)) => reply.fail(StoreError::Internal(
            "an import was answered as a batch".into(),
        )),
    }
}

/// One try at a batch: every job in one transaction, committed at the end.
async fn attempt(conn: &mut WConn, batch: &[Job]) -> Attempt {
    let mut head = match begin_at_head(conn).await {
        Ok(h) => h,
        Err(e) => {
            let _ = exec(conn, "ROLLBACK").await;
            return Attempt::Unavailable(format!(
                "the database refused a write transaction: {}",
                full(&e)
            ));
        }
    };
    let start = head.head;
    // Kept only if nothing else appended since (another server on the same database).
    let edge = conn
        .edge
        .take()
        .filter(|(h, _)| *h == start)
        .map(|(_, t)| t);
    let hold = conn.hold;
    let spoiled = |index: usize, error: StoreError| Attempt::Spoiled {
        index: (!hold).then_some(index),
        error,
    };
    let mut outcomes = Vec::with_capacity(batch.len());
    for (index, job) in batch.iter().enumerate() {
        // The common case needs no savepoint: a single command is refused, if at all, before it
        // writes anything (`project::prepare` only reads).
        if let Op::Record(actor, env) = &job.op {
            let outcome = match project::prepare(&mut conn.ex(), actor, env).await {
                Err(e @ StoreError::Domain(_)) => Outcome::Refused(e),
                Err(e) => {
                    let _ = exec(conn, "ROLLBACK").await;
                    return spoiled(index, e);
                }
                Ok(draft) => match project::record(&mut conn.ex(), &head, draft).await {
                    Ok(entry) => {
                        head = log::TimedHead::of(&entry);
                        Outcome::Done(vec![submitted(&entry)])
                    }
                    Err(e) => {
                        let _ = exec(conn, "ROLLBACK").await;
                        return spoiled(index, e);
                    }
                },
            };
            outcomes.push(outcome);
            continue;
        }
        // Jobs of several steps run in a savepoint, so that they stand or fall whole.
        if let Err(e) = exec(conn, "SAVEPOINT cmd").await {
            let _ = exec(conn, "ROLLBACK").await;
            return spoiled(index, e);
        }
        let result: std::result::Result<Vec<Entry>, BatchError> = match &job.op {
            Op::Record(..) | Op::Import(..) => Err((
                0,
                StoreError::Internal("a job reached the wrong path of the writer".into()),
            )),
            Op::User(actor, op) => users::execute(&mut conn.ex(), &head, actor, op)
                .await
                .map(|e| vec![e])
                .map_err(|e| (0, e)),
            Op::Batch(actor, envs) => {
                let mut out = Vec::with_capacity(envs.len());
                let mut h = head;
                let mut failed = None;
                for (i, env) in envs.iter().enumerate() {
                    match project::execute(&mut conn.ex(), &h, actor, env).await {
                        Ok(e) => {
                            h = log::TimedHead::of(&e);
                            out.push(e);
                        }
                        Err(e) => {
                            failed = Some((i, e));
                            break;
                        }
                    }
                }
                match failed {
                    None => Ok(out),
                    Some(f) => Err(f),
                }
            }
            // Rebuilding appends nothing: it answers with the count and keeps the head.
            Op::Rebuild => match project::rebuild(&mut conn.ex()).await {
                Ok(n) => {
                    if let Err(e) = exec(conn, "RELEASE SAVEPOINT cmd").await {
                        let _ = exec(conn, "ROLLBACK").await;
                        return spoiled(index, e);
                    }
                    outcomes.push(Outcome::Done(vec![Submitted {
                        seq: n,
                        subject: Uuid::nil(),
                        hash: hex::encode(head.head.hash),
                    }]));
                    continue;
                }
                Err(e) => Err((0, e)),
            },
        };
        let outcome = match result {
            Ok(entries) => {
                if let Err(e) = exec(conn, "RELEASE SAVEPOINT cmd").await {
                    let _ = exec(conn, "ROLLBACK").await;
                    return spoiled(index, e);
                }
                if let Some(last) = entries.last() {
                    head = log::TimedHead::of(last);
                }
                Outcome::Done(entries.iter().map(submitted).collect())
            }
            // Rolling back to the savepoint undoes the job, even after a failed statement.
            Err((i, e)) => {
                let undone = match exec(conn, "ROLLBACK TO SAVEPOINT cmd").await {
                    Ok(()) => exec(conn, "RELEASE SAVEPOINT cmd").await,
                    Err(re) => Err(re),
                };
                if let Err(re) = undone {
                    let _ = exec(conn, "ROLLBACK").await;
                    return spoiled(index, re);
                }
                if matches!(job.reply, Reply::Many(_)) {
                    Outcome::BatchRefused((i, e))
                } else {
                    Outcome::Refused(e)
                }
            }
        };
        outcomes.push(outcome);
    }
    // The Merkle tree grows in the same transaction as the entries it covers: from the edge
    // the last batch left, by the entries this one appended, or else read from the database.
    let leaves = appended(batch, &outcomes, head.head.seq - start.seq);
    let grown = match (edge, leaves) {
        (Some(mut t), Some(leaves)) => tree::grow(&mut conn.ex(), &mut t, &leaves)
            .await
            .map(|()| t),
        _ => tree::catch_up_edge(&mut conn.ex(), head.head.seq).await,
    };
    if let Err(e) = grown.as_ref() {
        let _ = exec(conn, "ROLLBACK").await;
        // Held rows are sent by the tree's first read: their failure is a job's, found by
        // running the batch again without holding.
        if hold && !e.is_unavailable() {
            return Attempt::Spoiled {
                index: None,
                error: StoreError::Internal(full(e)),
            };
        }
        return Attempt::Unavailable(format!("the log's tree could not grow: {}", full(e)));
    }
    // What is still held goes with the commit, on SQLite in the same call (see
    // [`crate::held`]). A failure before the commit is a held row's that the database refused
    // (some job's) unless the database is out of reach; running the batch again without
    // holding then tells which job, or fails at the commit again and is answered as such.
    let committed = conn.ex().settle_then("COMMIT").await;
    match committed {
        Ok(()) => {
            conn.edge = grown
                .ok()
                .filter(|t| i64::try_from(t.size()).ok() == Some(head.head.seq))
                .map(|t| (head.head, t));
            Attempt::Committed(outcomes)
        }
        Err(e) => {
            let e = StoreError::from(e);
            let _ = exec(conn, "ROLLBACK").await;
            if hold && !e.is_unavailable() {
                return Attempt::Spoiled {
                    index: None,
                    error: e,
                };
            }
            Attempt::Unavailable(format!("the write was not committed: {}", full(&e)))
        }
    }
}

/// The chain hashes of the entries a batch appended, in order — when they are known to be all
/// of them (`count`): a rebuild appends nothing but rewrites the tree.
fn appended(batch: &[Job], outcomes: &[Outcome], count: i64) -> Option<Vec<tree::Hash>> {
    if batch.iter().any(|j| matches!(j.op, Op::Rebuild)) {
        return None;
    }
    let mut out = Vec::new();
    for o in outcomes {
        if let Outcome::Done(subs) = o {
            for s in subs {
                let mut h = [0u8; 32];
                hex::decode_to_slice(&s.hash, &mut h).ok()?;
                out.push(h);
            }
        }
    }
    (i64::try_from(out.len()).ok() == Some(count)).then_some(out)
}

/// Runs an import: registers (or finds) its source, then records each chunk of rows as it
/// arrives, and commits only when told to. Any failure rolls back everything. Returns whether
/// the database was out of reach.
async fn run_import(conn: &mut WConn, job: Job) -> bool {
    // An import's transaction outgrows SQLite's default page cache (2 MiB): pages of the
    // indexes are spilled to the WAL and read back again and again. A bounded larger cache
    // for the import alone makes it about a sixth faster (300,000 rows: 27–30 s → 22–24 s),
    // for 64 MiB more while it runs; memory stays flat in the file's size.
    let before = match &mut conn.conn {
        Conn::Sqlite(c) => sqlx::query_scalar::<_, i64>("PRAGMA cache_size")
            .fetch_one(&mut *c)
            .await
            .ok(),
        Conn::Pg(_) => None,
    };
    // Each of an import's multi-row inserts keeps a statement journal (to undo itself alone,
    // should a row fail), and past 64 KiB SQLite spills it to a temporary file: 100,000 rows
    // made about 300,000 writes there. Kept in memory while the import runs, it is bounded by
    // what one statement of one chunk touches. 100,000 rows imported about a tenth faster; at
    // 300,000 the difference was within the noise (docs/decisions.md has the runs).
    if before.is_some() {
        let set = format!("PRAGMA cache_size = -{IMPORT_CACHE_KIB}; PRAGMA temp_store = MEMORY");
        let _ = exec(conn, &set).await;
    }
    let unavailable = import_in_transaction(conn, job).await;
    if let Some(size) = before
        && !unavailable
    {
        let reset = format!("PRAGMA cache_size = {size}; PRAGMA temp_store = DEFAULT");
        let _ = exec(conn, &reset).await;
    }
    unavailable
}

/// SQLite's page cache while an import runs, KiB.
const IMPORT_CACHE_KIB: u32 = 65_536;

async fn import_in_transaction(conn: &mut WConn, job: Job) -> bool {
    let Job { op, reply } = job;
    let Op::Import(actor, mut spec, source, mut rows) = op else {
        reply.fail(StoreError::Internal("not an import".into()));
        return false;
    };
    let Reply::Import(reply) = reply else {
        return false;
    };
    let outcome = async {
        let mut head = begin_at_head(conn).await?;
        let reference = match &source.command {
            Command::Sources(SourceCommand::RegisterSource(s)) => s.reference.clone(),
            _ => None,
        };
        let known = match &reference {
            Some(r) => situation::source_by_reference(&mut conn.ex(), r).await?,
            None => None,
        };
        let source_id = match known {
            Some(id) => id,
            None => {
                let e = project::execute(&mut conn.ex(), &head, &actor, &source).await?;
                head = log::TimedHead::of(&e);
                e.subject
            }
        };
        spec.sources = vec![source_id];
        let mut summary = ImportSummary::default();
        loop {
            match rows.recv().await {
                Some(ImportMsg::Rows(chunk)) => {
                    situation::import_chunk(
                        &mut conn.ex(),
                        &mut head,
                        &actor,
                        &spec,
                        &chunk,
                        &mut summary,
                    )
                    .await?;
                }
                Some(ImportMsg::Commit) => {
                    tree::catch_up(&mut conn.ex(), head.head.seq).await?;
                    return Ok(Some(summary));
                }
                Some(ImportMsg::Abort) | None => return Ok(None),
            }
        }
    }
    .await;
    let outcome: Result<Option<ImportSummary>> = outcome;
    match outcome {
        Ok(Some(summary)) => match exec(conn, "COMMIT").await {
            Ok(()) => {
                let _ = reply.send(Ok(summary));
                false
            }
            Err(e) => {
                let _ = exec(conn, "ROLLBACK").await;
                let unavailable = e.is_unavailable();
                let _ = reply.send(Err(e));
                unavailable
            }
        },
        Ok(None) => {
            let _ = exec(conn, "ROLLBACK").await;
            let _ = reply.send(Ok(ImportSummary::default()));
            false
        }
        Err(e) => {
            tracing::error!(error = %e, "writer: import rolled back");
            let _ = exec(conn, "ROLLBACK").await;
            let unavailable = e.is_unavailable();
            let _ = reply.send(Err(e));
            unavailable
        }
    }
}
