//! What a capability implements to take part in the write path: its [`Projector`] (its
//! tables, the rules that need the record, how an entry is projected), what it decides before
//! an entry is appended ([`Prepared`]), what it is told ([`Asked`]), and the shared columns of
//! a projection row ([`RowMeta`], [`insert_row!`]). The list of projectors and the write path
//! over it are in [`crate::write_path`], which names the capabilities; the capabilities name
//! only this file, so neither reaches back to the other.

use crate::{
    Ex, Result, StoreError,
    actor::Actor,
    log::{self, Entry},
    micros,
};
use konbit_domain::{Classification, Command, EntryKind};
use uuid::Uuid;

/// What a capability decides about a command before it is appended.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prepared {
    /// The entry's subject: the new record's id, or the record the entry is about.
    pub subject: Uuid,
    /// The classification the entry is recorded at.
    pub classification: Classification,
}

/// What a capability's `prepare` is told besides the command.
pub(crate) struct Asked<'a> {
    /// Who sends it.
    pub actor: &'a Actor,
    /// The subject the client asked for (a creating command may name its id).
    pub subject: Option<Uuid>,
    /// The classification the client asked for.
    pub classification: Classification,
    /// For a correction: the entry it replaces, left out of the checks.
    pub replacing: Option<i64>,
}

impl Asked<'_> {
    /// The subject asked for, or a fresh UUID v7.
    pub fn fresh(&self) -> Uuid {
        self.subject.unwrap_or_else(Uuid::now_v7)
    }
}

/// One capability's part of the write path. Implemented once per capability folder and
/// registered in `with_projector!` and `TABLES` ([`crate::write_path`]).
pub(crate) trait Projector {
    /// The capability's own commands.
    type Command: Send + Sync;
    /// Tables whose rows each stand for an entry (`entry_seq`), in the order rebuild clears
    /// them.
    const TABLES: &'static [&'static str];
    /// Tables derived from the others, with the columns that identify a row: cleared and
    /// rebuilt too, but no row stands for one entry.
    const DERIVED: &'static [Derived] = &[];

    /// The table an entry kind's rows go to (a correction supersedes the row there).
    fn table_of(kind: EntryKind) -> Option<&'static str>;

    /// The contributor the command's record concerns, for the gate (a commander records for
    /// their own contingent only). Reads only.
    fn contributor(
        _ex: &mut Ex<'_>,
        _cmd: &Self::Command,
    ) -> impl Future<Output = Result<Option<String>>> + Send {
        async { Ok(None) }
    }

    /// The rules that need the record, and the entry's subject and classification. Only reads:
    /// every refusal happens before anything is written, so the writer can answer a refused
    /// command without a savepoint.
    fn prepare(
        ex: &mut Ex<'_>,
        cmd: &Self::Command,
        asked: &Asked<'_>,
    ) -> impl Future<Output = Result<Prepared>> + Send;

    /// Projects one entry. A pure function of the entry and the rows before it, so replaying
    /// the log in order rebuilds the same state.
    fn apply(
        ex: &mut Ex<'_>,
        e: &Entry,
        row: &RowMeta,
        cmd: &Self::Command,
    ) -> impl Future<Output = Result<()>> + Send;

    /// The capability's own command out of a record command, if it is one.
    fn own(cmd: Command) -> Option<Self::Command>;

    /// Projects one entry of this capability as it was recorded (a correction is the write
    /// path's: it names another entry's table).
    fn project(ex: &mut Ex<'_>, e: &Entry) -> impl Future<Output = Result<()>> + Send {
        async move {
            let kind = e.entry_kind()?;
            let cmd = Command::from_entry(kind, &e.body_json()?).map_err(StoreError::Internal)?;
            let cmd = Self::own(cmd).ok_or_else(|| {
                StoreError::Internal(format!(
                    "entry {} ({kind}) reached another capability",
                    e.seq
                ))
            })?;
            Self::apply(ex, e, &RowMeta::of(e, e.seq)?, &cmd).await
        }
    }

    /// Projects a run of consecutive entries of this capability while rebuilding: one by one,
    /// unless the capability batches them.
    fn replay(ex: &mut Ex<'_>, entries: &[Entry]) -> impl Future<Output = Result<()>> + Send {
        async move {
            for e in entries {
                Self::project(ex, e).await?;
            }
            Ok(())
        }
    }
}

/// A table derived from the others, and the columns that identify its rows.
pub(crate) type Derived = (&'static str, &'static [&'static str]);

/// The shared columns of a projection row.
pub(crate) struct RowMeta {
    pub entry_seq: i64,
    pub origin_seq: i64,
    pub id: Uuid,
    pub recorded_us: i64,
    pub class: i64,
    pub sources: String,
}

/// The shared columns, in the order [`insert_sql`] and [`RowMeta::held`] give them (a held
/// row names them as its first group of columns).
pub(crate) const META: [&str; 6] = [
    "entry_seq",
    "origin_seq",
    "id",
    "recorded_us",
    "class",
    "sources",
];

/// Builds `INSERT INTO table (meta columns, cols…) VALUES ($1…$n)`.
pub(crate) fn insert_sql(table: &str, cols: &[&str]) -> String {
    let all: Vec<&str> = META.iter().chain(cols.iter()).copied().collect();
    let params: Vec<String> = (1..=all.len()).map(|i| format!("${i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        all.join(", "),
        params.join(", ")
    )
}

/// Binds the meta columns, then the given values, and executes — or, on the writer's
/// connection during a batch, holds the row back to send with others ([`crate::held`]).
macro_rules! insert_row {
    ($ex:expr, $m:expr, $table:expr, [$($col:literal = $val:expr),* $(,)?]) => {{
        if let Some(held) = $ex.held() {
            let mut vals = $m.held();
            $(vals.push($crate::held::ToVal::to_val(&$val));)*
            held.push($table, &[&$crate::projector::META, &[$($col),*]], vals);
        } else {
            let sql = $crate::projector::insert_sql($table, &[$($col),*]);
            $crate::on!($ex, |c| sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind($m.entry_seq)
                .bind($m.origin_seq)
                .bind($m.id)
                .bind($m.recorded_us)
                .bind($m.class)
                .bind(&$m.sources)
                $(.bind($val))*
                .execute(c).await.map(|_| ()))?;
        }
    }};
}
pub(crate) use insert_row;

impl RowMeta {
    /// The shared columns' values, for a held row.
    pub(crate) fn held(&self) -> Vec<crate::held::Val> {
        use crate::held::Val;
        vec![
            Val::Int(Some(self.entry_seq)),
            Val::Int(Some(self.origin_seq)),
            Val::Id(Some(self.id)),
            Val::Int(Some(self.recorded_us)),
            Val::Int(Some(self.class)),
            Val::Text(Some(self.sources.clone())),
        ]
    }

    /// The columns of the row an entry projects, standing for the entry `origin` (itself, or
    /// the original a correction replaces).
    pub(crate) fn of(e: &Entry, origin: i64) -> Result<RowMeta> {
        Ok(RowMeta {
            entry_seq: e.seq,
            origin_seq: origin,
            id: e.subject,
            recorded_us: micros(log::parse_recorded_at(&e.recorded_at)?),
            class: e.class()?.rank(),
            sources: e.sources.clone(),
        })
    }
}
