//! Reading the accountability registers back under a need-to-know [`Scope`]: restricted
//! fields are only ever selected by [`events`], and only for the records the scope covers — the
//! filter is in the SQL, so nothing restricted of a record outside the scope leaves the
//! database. Callers that show restricted fields record the read (`record.viewed`).

use crate::{
    Ex, Result, StoreError, on,
    read::{Meta, Reader, VISIBLE, Visibility, json},
};
use konbit_domain::{
    EntryKind,
    access::Scope,
    registers::{Event, RegisterCommand},
};
use serde_json::{Map, Value};
use sqlx::FromRow;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(FromRow)]
struct EventRow {
    #[sqlx(flatten)]
    meta: Meta,
    actor: String,
    kind: String,
    detail: String,
    restricted: Option<String>,
}

/// Which records of a register to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select<'a> {
    /// Every record.
    All,
    /// One record.
    One(Uuid),
    /// One page of records, with every event of each.
    Page(Page<'a>),
}

/// One page of the records that an event of `kind` makes (`use_of_force.reported`), of one
/// mission or contributor if asked, in the order they were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page<'a> {
    /// The kind of the record's first event.
    pub kind: EntryKind,
    /// Where the page starts.
    pub cursor: Cursor,
    /// At most this many records.
    pub limit: i64,
    /// Only this mission's records.
    pub mission: Option<&'a str>,
    /// Only this contributor's records.
    pub country: Option<&'a str>,
}

/// Where a page of records starts, by the entry that made each record (its first event's
/// `origin_seq`, which a correction keeps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// The records made after this entry, oldest first (0: from the start).
    After(i64),
    /// The records made before this entry, newest first (`i64::MAX`: the latest).
    Before(i64),
}

/// The events of one register (`area`: personnel, documents, force, complaints), of the records
/// `select` names, in entry order. Restricted fields are filled in only for records `scope`
/// covers.
pub async fn events(
    ex: &mut Ex<'_>,
    area: &str,
    select: Select<'_>,
    vis: Visibility,
    scope: &Scope,
) -> Result<Vec<Event>> {
    let (mode, country) = match scope {
        Scope::Nothing => (0i64, ""),
        Scope::All => (1, ""),
        Scope::Country(c) => (2, c.as_str()),
    };
    let which = match select {
        Select::All => String::new(),
        Select::One(_) => " AND id = $6".to_string(),
        Select::Page(p) => format!(
            " AND id IN (SELECT id FROM register_events WHERE {} AND area = $5 AND kind = $6 \
             AND ($9 = '' OR mission = $9) AND ($10 = '' OR country = $10) AND {})",
            VISIBLE,
            match p.cursor {
                Cursor::After(_) => "origin_seq > $7 ORDER BY origin_seq LIMIT $8",
                Cursor::Before(_) => "origin_seq < $7 ORDER BY origin_seq DESC LIMIT $8",
            }
        ),
    };
    let sql = format!(
        "SELECT entry_seq, origin_seq, id, recorded_us, class, sources, actor, kind, detail, \
         CASE WHEN $3 = 1 OR ($3 = 2 AND country = $4) THEN restricted ELSE NULL END \
         AS restricted \
         FROM register_events WHERE {} AND area = $5{which} ORDER BY entry_seq",
        VISIBLE
    );
    let rows: Vec<EventRow> = on!(ex, |c| {
        let q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(vis.as_of_us)
            .bind(vis.clearance.rank())
            .bind(mode)
            .bind(country)
            .bind(area);
        match select {
            Select::All => q.fetch_all(c).await,
            Select::One(id) => q.bind(id).fetch_all(c).await,
            Select::Page(p) => {
                let (Cursor::After(at) | Cursor::Before(at)) = p.cursor;
                q.bind(p.kind.as_str())
                    .bind(at)
                    .bind(p.limit)
                    .bind(p.mission.unwrap_or(""))
                    .bind(p.country.unwrap_or(""))
                    .fetch_all(c)
                    .await
            }
        }
    })?;
    rows.into_iter().map(event).collect()
}

fn event(r: EventRow) -> Result<Event> {
    let mut body: Map<String, Value> = json(&r.detail, "detail")?;
    let shown = r.restricted.is_some();
    if let Some(restricted) = &r.restricted {
        let extra: Map<String, Value> = json(restricted, "restricted")?;
        body.extend(extra);
    }
    let kind: EntryKind = r.kind.parse().map_err(StoreError::Internal)?;
    let command = RegisterCommand::from_entry(kind, &Value::Object(body))
        .ok_or_else(|| StoreError::Internal(format!("{} is not a register kind", r.kind)))?
        .map_err(StoreError::Internal)?;
    let recorded_at =
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(r.meta.recorded_us) * 1000)
            .map_err(StoreError::internal)?;
    Ok(Event {
        id: r.meta.id,
        actor: r.actor,
        recorded_at,
        meta: r.meta.view()?,
        command,
        restricted_shown: shown,
    })
}

/// The contributor of a register record (person, report, detention), if it has one.
pub async fn country_of(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<String>> {
    let row: Option<(Option<String>,)> = on!(ex, |c| sqlx::query_as(
        "SELECT country FROM register_events WHERE id = $1 ORDER BY entry_seq LIMIT 1"
    )
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(row.and_then(|r| r.0))
}

/// Every event of one record of a register (every record when `id` is `None`), everything
/// shown: what the writer checks rules against.
pub(crate) async fn record_events(
    ex: &mut Ex<'_>,
    area: &str,
    id: impl Into<Option<Uuid>>,
) -> Result<Vec<Event>> {
    let select = id.into().map_or(Select::All, Select::One);
    events(ex, area, select, Visibility::ALL, &Scope::All).await
}

impl Reader {
    /// The events of one register (`area`: personnel, documents, force, complaints) of the
    /// records `select` names, as this reader sees them; restricted fields only for the
    /// records `scope` covers.
    pub async fn register_events(
        &mut self,
        area: &str,
        select: Select<'_>,
        scope: &Scope,
    ) -> Result<Vec<Event>> {
        let (mut ex, vis) = self.parts();
        events(&mut ex, area, select, vis, scope).await
    }

    /// The contributor of a register record (person, report, detention), if it has one.
    pub async fn register_country(&mut self, id: Uuid) -> Result<Option<String>> {
        country_of(&mut self.ex(), id).await
    }
}
