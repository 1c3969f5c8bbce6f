//! The write path every capability shares, and the list of capabilities that project. A
//! command is validated by the domain, passes the gate (may its sender send it, about a record
//! of this contributor?), is checked against the record by its capability's
//! [`Projector`], appended to the log and projected into that capability's tables — all inside
//! the writer's transaction. [`rebuild`] replays the log through the same projectors, and the
//! verifications read their tables from [`TABLES`]: a new capability is one more `Projector`
//! (see [`crate::projector`]) and one more line in [`with_projector!`], [`TABLES`], [`DERIVED`]
//! and [`table_of`], nothing else.

use crate::{
    Ex, Result, StoreError,
    actor::{Actor, Envelope},
    force::Force,
    log::{self, Draft, Entry, TimedHead},
    media::Media,
    micros, on,
    projector::{Asked, Derived, Prepared, Projector, RowMeta},
    registers::Registers,
    situation::Situation,
    sources::{Sources, check_sources},
};
use konbit_domain::{Capability, Command, DomainError, EntryKind, access};

/// Runs `$body` with `$p` naming the projector of `$cmd`'s capability and `$c` its command.
/// The one place a capability's commands are routed to its projector.
macro_rules! with_projector {
    ($cmd:expr, |$p:ident, $c:ident| $body:expr, correction => $corr:expr) => {
        match $cmd {
            Command::Force($c) => {
                type $p = Force;
                $body
            }
            Command::Sources($c) => {
                type $p = Sources;
                $body
            }
            Command::Register($c) => {
                type $p = Registers;
                $body
            }
            Command::Situation($c) => {
                type $p = Situation;
                $body
            }
            Command::Media($c) => {
                type $p = Media;
                $body
            }
            Command::Correct(_) => $corr,
        }
    };
}

/// Every projector's tables, in the order rebuild clears them, derived tables last.
pub(crate) const TABLES: &[&[&str]] = &[
    Force::TABLES,
    Sources::TABLES,
    Registers::TABLES,
    Situation::TABLES,
    Media::TABLES,
];

/// Tables derived from the others.
pub(crate) const DERIVED: &[&[Derived]] = &[
    Force::DERIVED,
    Sources::DERIVED,
    Registers::DERIVED,
    Situation::DERIVED,
    Media::DERIVED,
];

/// Every table whose rows stand for entries.
pub(crate) fn entry_tables() -> impl Iterator<Item = &'static str> {
    TABLES.iter().flat_map(|t| t.iter().copied())
}

/// Every projection table, derived ones last: what rebuild clears.
pub(crate) fn all_tables() -> Vec<&'static str> {
    keyed_tables().into_iter().map(|(t, _)| t).collect()
}

/// Every projection table with the columns that identify its rows (`entry_seq`, or a derived
/// table's key), derived ones last: what the deep verification compares.
pub fn keyed_tables() -> Vec<(&'static str, &'static [&'static str])> {
    entry_tables()
        .map(|t| (t, &["entry_seq"][..]))
        .chain(DERIVED.iter().flat_map(|d| d.iter().copied()))
        .collect()
}

/// The projection table an entry kind writes to, if any.
pub(crate) fn table_of(kind: EntryKind) -> Option<&'static str> {
    match kind.capability() {
        Capability::Force => Force::table_of(kind),
        Capability::Sources => Sources::table_of(kind),
        Capability::Registers => Registers::table_of(kind),
        Capability::Situation => Situation::table_of(kind),
        Capability::Media => Media::table_of(kind),
        Capability::Correction | Capability::Users => None,
    }
}

/// Validates a command against its own rules, its sender's rights and the state of the record,
/// appends its entry onto `head` and projects it. Runs inside the writer's transaction.
pub async fn execute(
    ex: &mut Ex<'_>,
    head: &TimedHead,
    actor: &Actor,
    env: &Envelope,
) -> Result<Entry> {
    let draft = prepare(ex, actor, env).await?;
    record(ex, head, draft).await
}

/// The gate: whether `actor` may send an entry of `kind` about a record of `country`.
fn gate(actor: &Actor, kind: EntryKind, country: Option<&str>) -> Result<()> {
    access::may_send(actor.sender(), kind, country).map_err(|m| DomainError::Forbidden(m).into())
}

/// Decides whether a command may be recorded and what its entry will say. It only reads: every
/// refusal happens here, before anything is written, so the writer can answer a refused command
/// without a savepoint. Keep it that way — a check that needs to write belongs in [`record`].
pub async fn prepare(ex: &mut Ex<'_>, actor: &Actor, env: &Envelope) -> Result<Draft> {
    let kind = env.command.kind();
    // Who may send it is decided first — before the fields are judged or anything about the
    // record is looked up — so a refusal tells nothing about records the sender may not see.
    access::may_send_some(actor.sender(), kind).map_err(DomainError::Forbidden)?;
    let country = with_projector!(&env.command, |P, c| P::contributor(ex, c).await?,
        correction => None);
    gate(actor, kind, country.as_deref())?;
    env.command.validate()?;
    check_sources(ex, &env.sources, "sources").await?;
    let asked = Asked {
        actor,
        subject: env.subject,
        classification: env.classification,
        replacing: None,
    };
    let (prepared, valid_on) = match &env.command {
        Command::Correct(c) => {
            let original = log::entry(ex, c.corrects)
                .await?
                .ok_or_else(|| DomainError::invalid("corrects", "no entry with that number"))?;
            let original_kind = original.entry_kind()?;
            if !original_kind.correctable() {
                return Err(DomainError::invalid(
                    "corrects",
                    format!("entries of kind {original_kind} cannot be corrected"),
                )
                .into());
            }
            let corrected = Command::from_entry(original_kind, &c.body)
                .map_err(|m| DomainError::invalid("body", m))?;
            corrected.validate()?;
            let asked = Asked {
                subject: Some(original.subject),
                replacing: Some(c.corrects),
                ..asked
            };
            with_projector!(&corrected, |P, x| P::prepare(ex, x, &asked).await?,
                correction => return Err(DomainError::invalid(
                    "body", "a correction cannot correct a correction").into()));
            let prepared = Prepared {
                subject: original.subject,
                classification: env.classification,
            };
            (prepared, corrected.valid_on())
        }
        other => {
            let prepared = with_projector!(other, |P, c| P::prepare(ex, c, &asked).await?,
                correction => unreachable_correction()?);
            (prepared, other.valid_on())
        }
    };
    Ok(Draft {
        actor: actor.name().to_string(),
        kind,
        subject: prepared.subject,
        valid_at: valid_on.map(|d| d.to_string()).unwrap_or_default(),
        classification: prepared.classification,
        body: env.command.body(),
        sources: env.sources.clone(),
    })
}

/// The arm a match on a non-correction never takes, as an error rather than a panic.
fn unreachable_correction() -> Result<Prepared> {
    Err(StoreError::Internal(
        "a correction reached the wrong arm".into(),
    ))
}

/// Appends a prepared entry onto `head` and projects it. A failure here is the database's, not a
/// refusal: the writer then abandons the whole batch.
pub async fn record(ex: &mut Ex<'_>, head: &TimedHead, draft: Draft) -> Result<Entry> {
    let entry = log::append(ex, &head.head, draft, head.next_time()).await?;
    apply(ex, &entry).await?;
    Ok(entry)
}

/// Projects one entry: a command into its capability's tables, a correction by superseding the
/// row it replaces and projecting the corrected body in its place. Entries of logins have no
/// projection.
pub async fn apply(ex: &mut Ex<'_>, e: &Entry) -> Result<()> {
    let kind = e.entry_kind()?;
    let body = e.body_json()?;
    let (command, origin) = match kind.capability() {
        Capability::Users => return Ok(()),
        Capability::Correction => {
            let Command::Correct(c) =
                Command::from_entry(kind, &body).map_err(StoreError::Internal)?
            else {
                return Err(StoreError::Internal(
                    "entry.corrected with another body".into(),
                ));
            };
            let original = log::entry(ex, c.corrects)
                .await?
                .ok_or_else(|| StoreError::Internal(format!("entry {} is missing", c.corrects)))?;
            let original_kind = original.entry_kind()?;
            let table = table_of(original_kind).ok_or_else(|| {
                StoreError::Internal(format!("{original_kind} has no projection"))
            })?;
            let at = micros(log::parse_recorded_at(&e.recorded_at)?);
            let sql = format!(
                "UPDATE {table} SET superseded_us = $1 WHERE origin_seq = $2 AND superseded_us IS NULL"
            );
            on!(ex, |conn| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(at)
                .bind(c.corrects)
                .execute(conn)
                .await
                .map(|_| ()))?;
            let cmd = Command::from_entry(original_kind, &c.body).map_err(StoreError::Internal)?;
            (cmd, c.corrects)
        }
        _ => (
            Command::from_entry(kind, &body).map_err(StoreError::Internal)?,
            e.seq,
        ),
    };
    let row = RowMeta::of(e, origin)?;
    with_projector!(&command, |P, c| P::apply(ex, e, &row, c).await,
        correction => Err(StoreError::Internal("a correction of a correction".into())))
}

/// Empties every projection and the Merkle tree and replays the whole log into them, in one
/// transaction. Runs of
/// consecutive entries of one capability go to its projector together (the situation batches
/// incident versions as an import does). Returns the number of entries replayed.
pub async fn rebuild(ex: &mut Ex<'_>) -> Result<i64> {
    ex.settle().await?;
    if let Ex::Sqlite(c, _) = ex {
        sqlx::query("INSERT INTO incidents_fts (incidents_fts) VALUES ('delete-all')")
            .execute(&mut **c)
            .await?;
    }
    for table in all_tables() {
        let sql = format!("DELETE FROM {table}");
        on!(ex, |c| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .execute(c)
            .await
            .map(|_| ()))?;
    }
    let mut after = 0;
    let mut n = 0;
    loop {
        let page = log::entries_after(ex, after, 2000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        n += i64::try_from(page.len()).unwrap_or(i64::MAX);
        let mut start = 0;
        while start < page.len() {
            let cap = page[start].entry_kind()?.capability();
            let mut end = start + 1;
            while end < page.len() && page[end].entry_kind()?.capability() == cap {
                end += 1;
            }
            let run = &page[start..end];
            match cap {
                Capability::Force => Force::replay(ex, run).await?,
                Capability::Sources => Sources::replay(ex, run).await?,
                Capability::Registers => Registers::replay(ex, run).await?,
                Capability::Situation => Situation::replay(ex, run).await?,
                Capability::Media => Media::replay(ex, run).await?,
                Capability::Correction | Capability::Users => {
                    for e in run {
                        apply(ex, e).await?;
                    }
                }
            }
            start = end;
        }
    }
    crate::tree::clear(ex).await?;
    crate::tree::catch_up(ex, after).await?;
    Ok(n)
}
