//! How the store is read: a [`Reader`] — a pooled connection and a [`Visibility`] (the record
//! as it stood at a record time, `as_of`, for a reader's clearance) — on which each capability's
//! read models are methods; the columns every projection row shares ([`Meta`]); and the decoding
//! of text columns (enumerations, JSON lists) into typed values, with a corrupt value an error
//! rather than an empty field. The valid-time clock (`on`) is applied by the capabilities, by
//! the domain's arithmetic over the visible rows.

use crate::{Ex, PoolConn, Result, Store, StoreError, on};
use konbit_domain::{Classification, RecordMeta, clocks::AsOf};
use serde::de::DeserializeOwned;
use sqlx::FromRow;
use uuid::Uuid;

/// What a reader may see: the record as it stood at `as_of_us` (microseconds since 1970;
/// `i64::MAX` for now), up to `clearance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visibility {
    /// Record-time cut-off, inclusive.
    pub as_of_us: i64,
    /// Highest classification shown.
    pub clearance: Classification,
}

impl Visibility {
    /// Everything, now: what the writer checks rules against.
    pub const ALL: Visibility = Visibility {
        as_of_us: i64::MAX,
        clearance: Classification::Restricted,
    };

    /// What a reader of `clearance` sees of the record as it stood at `as_of` (now when
    /// `None`): the one place the record-time clock becomes a query bound.
    pub fn at(as_of: Option<AsOf>, clearance: Classification) -> Visibility {
        Visibility {
            as_of_us: as_of.map_or(i64::MAX, |t| crate::micros(t.0)),
            clearance,
        }
    }

    /// The current record at a clearance.
    pub fn now(clearance: Classification) -> Visibility {
        Visibility {
            as_of_us: i64::MAX,
            clearance,
        }
    }
}

/// The SQL condition selecting rows visible under `$1` (as_of_us) and `$2` (clearance rank).
pub(crate) const VISIBLE: &str =
    "recorded_us <= $1 AND (superseded_us IS NULL OR superseded_us > $1) AND class <= $2";

/// Columns every projection row has.
#[derive(Debug, Clone, FromRow)]
pub struct Meta {
    /// Entry behind the row.
    pub entry_seq: i64,
    /// Entry the row stands for.
    pub origin_seq: i64,
    /// Record id.
    pub id: Uuid,
    /// Record time, µs.
    pub recorded_us: i64,
    /// Classification rank.
    pub class: i64,
    /// Source ids, JSON.
    pub sources: String,
}

impl Meta {
    /// The provenance a read model shows. A row whose sources are not a JSON list of ids, or
    /// whose record time is out of range, is corrupt: that is an error, not an empty value.
    pub(crate) fn view(&self) -> Result<RecordMeta> {
        let recorded =
            time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.recorded_us) * 1000)
                .map(crate::log::format_recorded_at)
                .map_err(StoreError::internal)?;
        Ok(RecordMeta {
            entry_seq: self.entry_seq,
            origin_seq: self.origin_seq,
            corrected: self.entry_seq != self.origin_seq,
            recorded_at: recorded,
            classification: match self.class {
                0 => Classification::Public,
                1 => Classification::Mission,
                _ => Classification::Restricted,
            },
            sources: json(&self.sources, "sources")?,
        })
    }
}

macro_rules! row {
    ($name:ident { $($f:ident : $t:ty),* $(,)? }) => {
        /// A projection row (see the migration for the column meanings).
        #[derive(Debug, Clone, FromRow)]
        #[allow(missing_docs)]
        pub struct $name {
            #[sqlx(flatten)]
            pub meta: $crate::read::Meta,
            $(pub $f: $t),*
        }
    };
}

/// Visible rows of `table`, optionally only those of one mission, in entry order.
pub(crate) async fn rows<T>(
    ex: &mut Ex<'_>,
    table: &str,
    mission: Option<&str>,
    vis: Visibility,
) -> Result<Vec<T>>
where
    T: for<'r> FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let filter = if mission.is_some() {
        " AND mission = $3"
    } else {
        ""
    };
    let sql = format!("SELECT * FROM {table} WHERE {VISIBLE}{filter} ORDER BY entry_seq");
    let m = mission.unwrap_or_default();
    Ok(on!(ex, |c| sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(
        sql.as_str()
    ))
    .bind(vis.as_of_us)
    .bind(vis.clearance.rank())
    .bind(m)
    .fetch_all(c)
    .await)?)
}

pub(crate) fn parse<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T> {
    s.parse().map_err(StoreError::Internal)
}
pub(crate) use row;

/// A JSON column decoded into its type; `column` names it in the error.
pub(crate) fn json<T: DeserializeOwned>(text: &str, column: &str) -> Result<T> {
    serde_json::from_str(text)
        .map_err(|e| StoreError::Internal(format!("corrupt {column} column ({e}): {text:?}")))
}

/// A read handle: one pooled connection, and what its reader may see. Each capability adds its
/// reads as methods (`missions`, `incidents`, `register_events`, …), so a caller says once who
/// reads and as of when, and every read after that uses it.
pub struct Reader {
    conn: PoolConn,
    vis: Visibility,
}

impl Reader {
    /// What this reader sees.
    pub fn visibility(&self) -> Visibility {
        self.vis
    }

    /// The connection, for the capability modules' queries.
    pub(crate) fn ex(&mut self) -> Ex<'_> {
        self.conn.ex()
    }

    /// The connection and the visibility together (a query needs both).
    pub(crate) fn parts(&mut self) -> (Ex<'_>, Visibility) {
        (self.conn.ex(), self.vis)
    }
}

impl Store {
    /// A read handle for a reader of `clearance`, seeing the record as it stood at `as_of`.
    pub async fn read(&self, clearance: Classification, as_of: Option<AsOf>) -> Result<Reader> {
        Ok(Reader {
            conn: self.conn().await?,
            vis: Visibility::at(as_of, clearance),
        })
    }

    /// A read handle for a [`Visibility`] already worked out.
    pub async fn reader(&self, vis: Visibility) -> Result<Reader> {
        Ok(Reader {
            conn: self.conn().await?,
            vis,
        })
    }
}
