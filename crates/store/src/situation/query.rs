//! The situation's reads: incidents under the shared filters (list, map points, weekly counts,
//! full-text search, one incident's history), armed groups and designations, site and route
//! statuses, indicator series, and the cursor of a streamed export.

use super::READ_COLS;
use super::day_of;
use crate::{
    Ex, Result, StoreError, on,
    read::{VISIBLE, Visibility},
};
use konbit_domain::situation::{
    FatalityClaim, NewIncident, Verification, acled::EventType, acled_csv::Exported,
};
use konbit_domain::{Classification, Named};
use sqlx::QueryBuilder;
use time::Date;
use uuid::Uuid;

/// One incident version as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IncidentRow {
    /// Row number.
    pub n: i64,
    /// Entry that recorded this version.
    pub entry_seq: i64,
    /// The incident's id.
    pub id: Uuid,
    /// When this version was recorded (µs).
    pub recorded_us: i64,
    /// When a later version replaced it (µs).
    pub superseded_us: Option<i64>,
    /// Classification rank.
    pub class: i64,
    /// Source ids, JSON.
    pub sources: String,
    /// Event id.
    pub event_id: String,
    /// Date.
    pub event_date: Date,
    /// Time precision.
    pub time_precision: i64,
    /// Disorder type.
    pub disorder_type: String,
    /// Event type.
    pub event_type: String,
    /// Sub-event type.
    pub sub_event_type: String,
    /// Actor 1.
    pub actor1: String,
    /// Associated actors of actor 1.
    pub assoc_actor_1: String,
    /// Actor 1's type.
    pub inter1: String,
    /// Actor 2.
    pub actor2: String,
    /// Associated actors of actor 2.
    pub assoc_actor_2: String,
    /// Actor 2's type.
    pub inter2: Option<String>,
    /// Civilian targeting.
    pub civilian_targeting: bool,
    /// Department.
    pub admin1: String,
    /// Department code.
    pub admin1_code: String,
    /// Admin 2.
    pub admin2: String,
    /// Admin 3.
    pub admin3: String,
    /// Location.
    pub location: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Geo precision.
    pub geo_precision: i64,
    /// ACLED source names.
    pub source: String,
    /// ACLED source scale.
    pub source_scale: String,
    /// Notes.
    pub notes: String,
    /// Fatalities.
    pub fatalities: i64,
    /// Fatality claims, JSON.
    pub fatality_claims: String,
    /// Tags.
    pub tags: String,
    /// ACLED timestamp.
    pub acled_timestamp: Option<i64>,
    /// Verification status (current, or as of the read's clocks).
    pub status: String,
}

impl IncidentRow {
    /// Back to the domain's incident, for exports.
    pub fn to_exported(&self) -> Result<Exported> {
        let bad =
            |what: &str| StoreError::Internal(format!("incident {}: bad {what}", self.event_id));
        let incident = NewIncident {
            event_id: self.event_id.clone(),
            event_date: self.event_date,
            time_precision: u8::try_from(self.time_precision).map_err(|_| bad("time precision"))?,
            disorder_type: self.disorder_type.parse().ok(),
            event_type: self.event_type.parse().map_err(|_| bad("event type"))?,
            sub_event_type: self
                .sub_event_type
                .parse()
                .map_err(|_| bad("sub-event type"))?,
            actor1: self.actor1.clone(),
            assoc_actor_1: self.assoc_actor_1.clone(),
            inter1: self.inter1.parse().map_err(|_| bad("inter1"))?,
            actor2: self.actor2.clone(),
            assoc_actor_2: self.assoc_actor_2.clone(),
            inter2: match &self.inter2 {
                Some(t) => Some(t.parse().map_err(|_| bad("inter2"))?),
                None => None,
            },
            civilian_targeting: self.civilian_targeting,
            admin1: self.admin1.clone(),
            admin2: self.admin2.clone(),
            admin3: self.admin3.clone(),
            location: self.location.clone(),
            latitude: self.latitude,
            longitude: self.longitude,
            geo_precision: u8::try_from(self.geo_precision).map_err(|_| bad("geo precision"))?,
            source: self.source.clone(),
            source_scale: self.source_scale.clone(),
            notes: self.notes.clone(),
            fatalities: u32::try_from(self.fatalities).map_err(|_| bad("fatalities"))?,
            fatality_claims: self.claims()?,
            tags: self.tags.clone(),
            timestamp: self.acled_timestamp,
        };
        Ok(Exported {
            incident,
            status: self.status.parse().map_err(|_| bad("status"))?,
            classification: match self.class {
                0 => Classification::Public,
                1 => Classification::Mission,
                _ => Classification::Restricted,
            },
            sources: self.source_ids()?,
        })
    }

    /// The sources, parsed; a column that does not hold a list of ids is an error, not an
    /// empty list.
    pub fn source_ids(&self) -> Result<Vec<Uuid>> {
        serde_json::from_str(&self.sources).map_err(|e| {
            StoreError::Internal(format!("incident {}: bad sources: {e}", self.event_id))
        })
    }

    /// The fatality claims, parsed, with the same rule.
    pub fn claims(&self) -> Result<Vec<FatalityClaim>> {
        serde_json::from_str(&self.fatality_claims).map_err(|e| {
            StoreError::Internal(format!(
                "incident {}: bad fatality claims: {e}",
                self.event_id
            ))
        })
    }
}

/// Which incidents a list, map, timeline or export shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentFilter {
    /// First day, inclusive.
    pub from: Option<Date>,
    /// Last day, inclusive.
    pub to: Option<Date>,
    /// Event types (any of); empty = all.
    pub types: Vec<EventType>,
    /// Text an actor's name (actor 1, 2 or associated) contains.
    pub actor: Option<String>,
    /// Department code (`HT-AR`).
    pub department: Option<String>,
    /// (min_lon, min_lat, max_lon, max_lat).
    pub bbox: Option<[f64; 4]>,
    /// Only incidents with this status (by default every status but retracted).
    pub status: Option<Verification>,
    /// The world on this date: events up to it, statuses as assessed by then.
    pub on: Option<Date>,
}

/// An incident read's SQL and its values, built with sqlx's `QueryBuilder` for the backend the
/// read runs on (it numbers PostgreSQL's `$n` and writes SQLite's `?`), so no placeholder is
/// counted by hand.
enum Sql {
    Sqlite(QueryBuilder<sqlx::Sqlite>),
    Pg(QueryBuilder<sqlx::Postgres>),
}

/// A value an incident read binds.
enum Value<'a> {
    I(i64),
    F(f64),
    T(&'a str),
}

impl Sql {
    fn new(ex: &Ex<'_>, init: &str) -> Sql {
        match ex {
            Ex::Sqlite(..) => Sql::Sqlite(QueryBuilder::new(init)),
            Ex::Pg(..) => Sql::Pg(QueryBuilder::new(init)),
        }
    }

    fn push(&mut self, sql: &str) -> &mut Sql {
        match self {
            Sql::Sqlite(q) => {
                q.push(sql);
            }
            Sql::Pg(q) => {
                q.push(sql);
            }
        }
        self
    }

    fn bind(&mut self, v: Value<'_>) -> &mut Sql {
        macro_rules! bind {
            ($q:expr) => {
                match v {
                    Value::I(x) => $q.push_bind(x),
                    Value::F(x) => $q.push_bind(x),
                    Value::T(x) => $q.push_bind(x.to_string()),
                }
            };
        }
        match self {
            Sql::Sqlite(q) => {
                bind!(q);
            }
            Sql::Pg(q) => {
                bind!(q);
            }
        }
        self
    }

    /// `, ` between the values of `vs`, each bound.
    fn bind_list<'a>(&mut self, vs: impl IntoIterator<Item = Value<'a>>) -> &mut Sql {
        for (i, v) in vs.into_iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.bind(v);
        }
        self
    }

    async fn fetch_all<T>(mut self, ex: &mut Ex<'_>) -> Result<Vec<T>>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        ex.settle().await?;
        Ok(match (&mut self, ex) {
            (Sql::Sqlite(q), Ex::Sqlite(c, _)) => q.build_query_as().fetch_all(&mut **c).await?,
            (Sql::Pg(q), Ex::Pg(c, _)) => q.build_query_as().fetch_all(&mut **c).await?,
            _ => {
                return Err(StoreError::Internal(
                    "a query built for another backend".into(),
                ));
            }
        })
    }

    async fn fetch_count(mut self, ex: &mut Ex<'_>) -> Result<i64> {
        ex.settle().await?;
        Ok(match (&mut self, ex) {
            (Sql::Sqlite(q), Ex::Sqlite(c, _)) => {
                q.build_query_scalar().fetch_one(&mut **c).await?
            }
            (Sql::Pg(q), Ex::Pg(c, _)) => q.build_query_scalar().fetch_one(&mut **c).await?,
            _ => {
                return Err(StoreError::Internal(
                    "a query built for another backend".into(),
                ));
            }
        })
    }
}

/// The verification status as the record stood: the current one, or the last change recorded
/// by the cut-off and dated by `on`.
fn push_status(q: &mut Sql, f: &IncidentFilter, vis: Visibility) {
    if vis.as_of_us == i64::MAX && f.on.is_none() {
        q.push("status");
        return;
    }
    let on =
        f.on.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string());
    q.push(
        "COALESCE((SELECT s.status FROM incident_status s WHERE s.event_id = incidents.event_id \
         AND s.recorded_us <= ",
    )
    .bind(Value::I(vis.as_of_us))
    .push(" AND CAST(s.on_date AS TEXT) <= ")
    .bind(Value::T(&on))
    .push(" ORDER BY s.entry_seq DESC LIMIT 1), 'reported')");
}

/// The conditions of an incident read, after `WHERE`: visible at the caller's record time and
/// clearance, and matching the filter.
fn push_conditions(q: &mut Sql, f: &IncidentFilter, vis: Visibility) {
    q.push("recorded_us <= ")
        .bind(Value::I(vis.as_of_us))
        .push(" AND (superseded_us IS NULL OR superseded_us > ")
        .bind(Value::I(vis.as_of_us))
        .push(") AND class <= ")
        .bind(Value::I(vis.clearance.rank()));
    let to = match (f.to, f.on) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(d) = f.from {
        q.push(" AND day >= ").bind(Value::I(day_of(d)));
    }
    if let Some(d) = to {
        q.push(" AND day <= ").bind(Value::I(day_of(d)));
    }
    if !f.types.is_empty() {
        q.push(" AND event_type IN (")
            .bind_list(f.types.iter().map(|t| Value::T(t.as_str())))
            .push(")");
    }
    if let Some(a) = &f.actor {
        let like = format!("%{}%", a.to_lowercase());
        q.push(" AND (");
        for (i, col) in ["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"]
            .iter()
            .enumerate()
        {
            if i > 0 {
                q.push(" OR ");
            }
            q.push(&format!("LOWER({col}) LIKE ")).bind(Value::T(&like));
        }
        q.push(")");
    }
    if let Some(d) = &f.department {
        q.push(" AND admin1_code = ").bind(Value::T(d));
    }
    if let Some([a, b, c, d]) = f.bbox {
        q.push(" AND longitude BETWEEN ")
            .bind(Value::F(a))
            .push(" AND ")
            .bind(Value::F(c))
            .push(" AND latitude BETWEEN ")
            .bind(Value::F(b))
            .push(" AND ")
            .bind(Value::F(d));
    }
    q.push(" AND ");
    push_status(q, f, vis);
    match f.status {
        Some(s) => {
            q.push(" = ").bind(Value::T(s.as_str()));
        }
        None => {
            q.push(" <> 'retracted'");
        }
    }
}

/// Incidents matching a filter, newest first, at most `limit`; with the number matching.
pub async fn incidents(
    ex: &mut Ex<'_>,
    f: &IncidentFilter,
    vis: Visibility,
    limit: i64,
) -> Result<(Vec<IncidentRow>, i64)> {
    let mut q = Sql::new(ex, &format!("SELECT {READ_COLS}, "));
    push_status(&mut q, f, vis);
    q.push(" AS status FROM incidents WHERE ");
    push_conditions(&mut q, f, vis);
    q.push(" ORDER BY day DESC, n DESC LIMIT ")
        .bind(Value::I(limit));
    let rows = q.fetch_all(ex).await?;
    let mut count = Sql::new(ex, "SELECT COUNT(*) FROM incidents WHERE ");
    push_conditions(&mut count, f, vis);
    Ok((rows, count.fetch_count(ex).await?))
}

/// A page of incidents in record order after row `after`, for exports that stream every match.
pub async fn incidents_after(
    ex: &mut Ex<'_>,
    f: &IncidentFilter,
    vis: Visibility,
    after: i64,
    limit: i64,
) -> Result<Vec<IncidentRow>> {
    let mut q = Sql::new(ex, &format!("SELECT {READ_COLS}, "));
    push_status(&mut q, f, vis);
    q.push(" AS status FROM incidents WHERE ");
    push_conditions(&mut q, f, vis);
    q.push(" AND n > ")
        .bind(Value::I(after))
        .push(" ORDER BY n LIMIT ")
        .bind(Value::I(limit));
    q.fetch_all(ex).await
}

/// A point on the map: what is drawn and what its tooltip says.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct MapPoint {
    /// Event id.
    pub event_id: String,
    /// Date.
    pub event_date: Date,
    /// Event type.
    pub event_type: String,
    /// Sub-event type.
    pub sub_event_type: String,
    /// Actor 1.
    pub actor1: String,
    /// Location.
    pub location: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Fatalities.
    pub fatalities: i64,
    /// Verification status.
    pub status: String,
}

/// The map's points: incidents in a bounding box, dates and types, largest first (so the
/// biggest events survive the cap), at most `limit`; with the number matching.
pub async fn map_points(
    ex: &mut Ex<'_>,
    f: &IncidentFilter,
    vis: Visibility,
    limit: i64,
) -> Result<Vec<MapPoint>> {
    let mut q = Sql::new(
        ex,
        "SELECT event_id, event_date, event_type, sub_event_type, actor1, location, latitude, \
         longitude, fatalities, ",
    );
    push_status(&mut q, f, vis);
    q.push(" AS status FROM incidents WHERE ");
    push_conditions(&mut q, f, vis);
    q.push(" ORDER BY fatalities DESC, n DESC LIMIT ")
        .bind(Value::I(limit));
    q.fetch_all(ex).await
}

/// Events and fatalities of one type in one week.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct WeekCount {
    /// Weeks since [`EPOCH`].
    pub week: i64,
    /// Event type.
    pub event_type: String,
    /// Events.
    pub events: i64,
    /// Fatalities.
    pub fatalities: i64,
}

/// Weekly counts by event type. Filters by dates, types and department on the current record
/// are read from the kept weekly counts; any other filter, or a past record time or date,
/// counts the incidents themselves (same answer, slower).
pub async fn weekly(
    ex: &mut Ex<'_>,
    f: &IncidentFilter,
    vis: Visibility,
) -> Result<Vec<WeekCount>> {
    let simple = vis.as_of_us == i64::MAX
        && f.on.is_none()
        && f.actor.is_none()
        && f.bbox.is_none()
        && f.status.is_none();
    if simple {
        // Weeks cut by a date range are counted whole: the kept counts are per week.
        let mut q = Sql::new(
            ex,
            "SELECT week, event_type, CAST(SUM(events) AS BIGINT) AS events, \
             CAST(SUM(fatalities) AS BIGINT) AS fatalities FROM incident_weeks WHERE class <= ",
        );
        q.bind(Value::I(vis.clearance.rank()));
        if let Some(d) = f.from {
            q.push(" AND week >= ").bind(Value::I(day_of(d) / 7));
        }
        if let Some(d) = f.to {
            q.push(" AND week <= ").bind(Value::I(day_of(d) / 7));
        }
        if !f.types.is_empty() {
            q.push(" AND event_type IN (")
                .bind_list(f.types.iter().map(|t| Value::T(t.as_str())))
                .push(")");
        }
        if let Some(d) = &f.department {
            q.push(" AND admin1_code = ").bind(Value::T(d));
        }
        q.push(" GROUP BY week, event_type HAVING SUM(events) > 0 ORDER BY week, event_type");
        return q.fetch_all(ex).await;
    }
    let mut q = Sql::new(
        ex,
        "SELECT day / 7 AS week, event_type, CAST(COUNT(*) AS BIGINT) AS events, \
         CAST(SUM(fatalities) AS BIGINT) AS fatalities FROM incidents WHERE ",
    );
    push_conditions(&mut q, f, vis);
    q.push(" GROUP BY day / 7, event_type ORDER BY week, event_type");
    q.fetch_all(ex).await
}

/// Turns what a person typed into a full-text query of plain words (every word must match;
/// the last may be a prefix), so that search syntax in the input cannot fail the query.
pub fn search_terms(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect()
}

/// How many of the newest incidents PostgreSQL's search tries before it asks the full-text index.
const PG_SEARCH_RECENT: i64 = 20_000;

/// Incidents whose notes, place or actors match `q`, newest recorded first, at most `limit`.
pub async fn search(
    ex: &mut Ex<'_>,
    q: &str,
    vis: Visibility,
    limit: i64,
) -> Result<Vec<MapPoint>> {
    let terms = search_terms(q);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let cols = "i.event_id, i.event_date, i.event_type, i.sub_event_type, i.actor1, i.location, \
                i.latitude, i.longitude, i.fatalities, i.status";
    let vis_sql = "i.recorded_us <= $1 AND (i.superseded_us IS NULL OR i.superseded_us > $1) \
                   AND i.class <= $2";
    ex.settle().await?;
    Ok(match ex {
        Ex::Sqlite(c, _) => {
            let n = terms.len();
            let query: Vec<String> = terms
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    if k + 1 == n {
                        format!("\"{t}\"*")
                    } else {
                        format!("\"{t}\"")
                    }
                })
                .collect();
            let sql = format!(
                "SELECT {cols} FROM incidents_fts f JOIN incidents i ON i.n = f.rowid \
                 WHERE incidents_fts MATCH $3 AND {vis_sql} ORDER BY f.rowid DESC LIMIT {limit}"
            );
            sqlx::query_as::<_, MapPoint>(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(vis.as_of_us)
                .bind(vis.clearance.rank())
                .bind(query.join(" "))
                .fetch_all(&mut **c)
                .await?
        }
        Ex::Pg(c, _) => {
            let n = terms.len();
            let query: Vec<String> = terms
                .iter()
                .enumerate()
                .map(|(k, t)| {
                    if k + 1 == n {
                        format!("{t}:*")
                    } else {
                        t.clone()
                    }
                })
                .collect();
            let tsquery = query.join(" & ");
            // A common word matches a large part of the table, and PostgreSQL then reads every
            // match from the GIN index and sorts them all for the newest few (260 ms at 300,000
            // incidents). So the newest rows are tried first, newest to oldest along the primary
            // key: if `limit` of them match, they are the newest matches of all. Otherwise (a
            // rare word) the index finds the few matches there are.
            let recent = format!(
                "SELECT {cols} FROM (SELECT * FROM incidents ORDER BY n DESC LIMIT {PG_SEARCH_RECENT}) i \
                 WHERE i.search @@ to_tsquery('konbit_search', $3) AND {vis_sql} ORDER BY i.n DESC LIMIT {limit}"
            );
            let found = sqlx::query_as::<_, MapPoint>(sqlx::AssertSqlSafe(recent.as_str()))
                .bind(vis.as_of_us)
                .bind(vis.clearance.rank())
                .bind(&tsquery)
                .fetch_all(&mut **c)
                .await?;
            if i64::try_from(found.len()).unwrap_or(i64::MAX) >= limit {
                return Ok(found);
            }
            let sql = format!(
                "SELECT {cols} FROM incidents i WHERE i.search @@ to_tsquery('konbit_search', $3) \
                 AND {vis_sql} ORDER BY i.n DESC LIMIT {limit}"
            );
            sqlx::query_as::<_, MapPoint>(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(vis.as_of_us)
                .bind(vis.clearance.rank())
                .bind(&tsquery)
                .fetch_all(&mut **c)
                .await?
        }
    })
}

/// One incident's versions (newest first), verification history and links.
pub struct IncidentHistory {
    /// Every visible version, newest first.
    pub versions: Vec<IncidentRow>,
    /// Status changes, oldest first.
    pub statuses: Vec<StatusRow>,
    /// Links to register records.
    pub links: Vec<LinkRow>,
}

/// A verification change.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct StatusRow {
    /// Entry.
    pub entry_seq: i64,
    /// New status.
    pub status: String,
    /// Why.
    pub reason: String,
    /// Date of the assessment.
    pub on_date: Date,
    /// Who recorded it.
    pub actor: String,
    /// Source ids, JSON.
    pub sources: String,
}

/// A link to a register record.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct LinkRow {
    /// Entry.
    pub entry_seq: i64,
    /// `use_of_force` or `detention`.
    pub register: String,
    /// The record's id.
    pub record: Uuid,
}

/// Versions of incidents by row number, whatever their visibility (for the import, which
/// compares a file's rows with what is recorded).
pub(crate) async fn by_number(
    ex: &mut Ex<'_>,
    ns: &[i64],
) -> Result<std::collections::HashMap<i64, IncidentRow>> {
    let mut out = std::collections::HashMap::with_capacity(ns.len());
    let sqlite = ex.is_sqlite();
    for part in ns.chunks(500) {
        let sql = format!(
            "SELECT {READ_COLS}, status FROM incidents WHERE n IN ({})",
            crate::placeholders(sqlite, 1, part.len())
        );
        let rows = on!(ex, |c| {
            let mut q = sqlx::query_as::<_, IncidentRow>(sqlx::AssertSqlSafe(sql.as_str()));
            for n in part {
                q = q.bind(*n);
            }
            q.fetch_all(c).await
        })?;
        out.extend(rows.into_iter().map(|r| (r.n, r)));
    }
    Ok(out)
}

/// An incident by event id, with its history, as visible under `vis`.
pub async fn incident(
    ex: &mut Ex<'_>,
    event_id: &str,
    vis: Visibility,
) -> Result<Option<IncidentHistory>> {
    let sql = format!(
        "SELECT {READ_COLS}, status FROM incidents WHERE event_id = $3 AND recorded_us <= $1 \
         AND class <= $2 ORDER BY n DESC"
    );
    let versions = on!(ex, |c| sqlx::query_as::<_, IncidentRow>(
        sqlx::AssertSqlSafe(sql.as_str())
    )
    .bind(vis.as_of_us)
    .bind(vis.clearance.rank())
    .bind(event_id)
    .fetch_all(c)
    .await)?;
    if versions.is_empty() {
        return Ok(None);
    }
    let statuses = on!(ex, |c| sqlx::query_as::<_, StatusRow>(
        "SELECT entry_seq, status, reason, on_date, actor, sources FROM incident_status \
         WHERE event_id = $3 AND recorded_us <= $1 AND class <= $2 ORDER BY entry_seq"
    )
    .bind(vis.as_of_us)
    .bind(vis.clearance.rank())
    .bind(event_id)
    .fetch_all(c)
    .await)?;
    let links = on!(ex, |c| sqlx::query_as::<_, LinkRow>(
        "SELECT entry_seq, register, record FROM incident_links \
         WHERE event_id = $3 AND recorded_us <= $1 AND class <= $2 ORDER BY entry_seq"
    )
    .bind(vis.as_of_us)
    .bind(vis.clearance.rank())
    .bind(event_id)
    .fetch_all(c)
    .await)?;
    let mut versions = versions;
    // The status shown on each version is the one in force as the record stood.
    let last = statuses
        .last()
        .map_or("reported", |s| s.status.as_str())
        .to_string();
    for v in &mut versions {
        v.status = last.clone();
    }
    Ok(Some(IncidentHistory {
        versions,
        statuses,
        links,
    }))
}

/// An armed group profile.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct GroupRow {
    /// Entry.
    pub entry_seq: i64,
    /// The group's id.
    pub id: Uuid,
    /// Classification rank.
    pub class: i64,
    /// Source ids, JSON.
    pub sources: String,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `group` or `coalition`.
    pub kind: String,
    /// Aliases, JSON.
    pub aliases: String,
    /// Coalition codes, JSON.
    pub member_of: String,
    /// Leaders, JSON.
    pub leaders: String,
    /// Place codes, JSON.
    pub areas: String,
    /// Date the profile describes.
    pub on_date: Date,
    /// ACLED's name.
    pub acled_actor: String,
    /// Note.
    pub note: Option<String>,
}

/// A designation.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct DesignationRow {
    /// Entry.
    pub entry_seq: i64,
    /// Source ids, JSON.
    pub sources: String,
    /// Group code.
    pub group_code: String,
    /// Person designated, if not the group.
    pub person: Option<String>,
    /// Kind.
    pub kind: String,
    /// Authority.
    pub authority: String,
    /// Date.
    pub on_date: Date,
    /// Instrument.
    pub reference: String,
    /// Note.
    pub note: Option<String>,
}

/// The armed groups as profiled on `on` (the latest profile dated by then), with their
/// designations in force by then.
pub async fn groups(
    ex: &mut Ex<'_>,
    vis: Visibility,
    on_date: Date,
) -> Result<Vec<(GroupRow, Vec<DesignationRow>)>> {
    let rows = on!(ex, |c| {
        sqlx::query_as::<_, GroupRow>(sqlx::AssertSqlSafe(format!(
            "SELECT entry_seq, id, class, sources, code, name, kind, aliases, member_of, leaders, \
         areas, on_date, acled_actor, note FROM armed_groups WHERE {VISIBLE} AND on_date <= $3 \
         ORDER BY on_date, entry_seq"
        )))
        .bind(vis.as_of_us)
        .bind(vis.clearance.rank())
        .bind(on_date)
        .fetch_all(c)
        .await
    })?;
    let designations = on!(ex, |c| {
        sqlx::query_as::<_, DesignationRow>(sqlx::AssertSqlSafe(format!(
            "SELECT entry_seq, sources, group_code, person, kind, authority, on_date, reference, \
         note FROM designations WHERE {VISIBLE} AND on_date <= $3 ORDER BY on_date, entry_seq"
        )))
        .bind(vis.as_of_us)
        .bind(vis.clearance.rank())
        .bind(on_date)
        .fetch_all(c)
        .await
    })?;
    let mut latest: Vec<GroupRow> = Vec::new();
    for r in rows {
        match latest.iter_mut().find(|g| g.code == r.code) {
            Some(g) => *g = r,
            None => latest.push(r),
        }
    }
    latest.sort_by(|a, b| (a.kind != "coalition", &a.name).cmp(&(b.kind != "coalition", &b.name)));
    Ok(latest
        .into_iter()
        .map(|g| {
            let d = designations
                .iter()
                .filter(|d| d.group_code == g.code)
                .cloned()
                .collect();
            (g, d)
        })
        .collect())
}

/// A site's or route segment's status from a date.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PlaceStatusRow {
    /// Entry.
    pub entry_seq: i64,
    /// Source ids, JSON.
    pub sources: String,
    /// Site or segment code.
    pub place: String,
    /// `site` or `segment`.
    pub kind: String,
    /// Status.
    pub status: String,
    /// From when.
    pub on_date: Date,
    /// Holding group.
    pub held_by: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// Every status change of sites and segments dated by `on`, oldest first: the board takes the
/// last of each place, and its history.
pub async fn place_statuses(
    ex: &mut Ex<'_>,
    vis: Visibility,
    on_date: Date,
) -> Result<Vec<PlaceStatusRow>> {
    Ok(on!(ex, |c| {
        sqlx::query_as::<_, PlaceStatusRow>(sqlx::AssertSqlSafe(format!(
        "SELECT entry_seq, sources, place, kind, status, on_date, held_by, note FROM site_statuses \
         WHERE {VISIBLE} AND on_date <= $3 ORDER BY on_date, entry_seq"
    )))
    .bind(vis.as_of_us)
    .bind(vis.clearance.rank())
    .bind(on_date)
    .fetch_all(c)
    .await
    })?)
}

/// An indicator value.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ObservationRow {
    /// Entry.
    pub entry_seq: i64,
    /// Source ids, JSON.
    pub sources: String,
    /// Indicator.
    pub indicator: String,
    /// Period start.
    pub from_date: Date,
    /// Period end.
    pub to_date: Date,
    /// Area.
    pub area: String,
    /// Value.
    pub value: i64,
    /// Qualifier.
    pub qualifier: String,
    /// Note.
    pub note: Option<String>,
}

/// Indicator values whose period ended by `on`, oldest first.
pub async fn observations(
    ex: &mut Ex<'_>,
    vis: Visibility,
    on_date: Date,
) -> Result<Vec<ObservationRow>> {
    Ok(on!(ex, |c| {
        sqlx::query_as::<_, ObservationRow>(sqlx::AssertSqlSafe(format!(
        "SELECT entry_seq, sources, indicator, from_date, to_date, area, value, qualifier, note \
         FROM observations WHERE {VISIBLE} AND to_date <= $3 ORDER BY to_date, entry_seq"
    )))
    .bind(vis.as_of_us)
    .bind(vis.clearance.rank())
    .bind(on_date)
    .fetch_all(c)
    .await
    })?)
}

/// Export formats of incident lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// ACLED's 31 columns.
    Acled,
    /// Konbit's columns with an HXL hashtag row.
    Hxl,
    /// A GeoJSON FeatureCollection of points.
    GeoJson,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "acled" => Ok(ExportFormat::Acled),
            "hxl" | "csv" => Ok(ExportFormat::Hxl),
            "geojson" => Ok(ExportFormat::GeoJson),
            _ => Err(format!(
                "unknown format {s:?}; expected acled, hxl or geojson"
            )),
        }
    }
}

impl ExportFormat {
    /// The media type of the export.
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Acled | ExportFormat::Hxl => "text/csv; charset=utf-8",
            ExportFormat::GeoJson => "application/geo+json",
        }
    }

    /// A file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Acled | ExportFormat::Hxl => "csv",
            ExportFormat::GeoJson => "geojson",
        }
    }
}

/// Rows per export page.
const EXPORT_PAGE: i64 = 2000;

/// Writes an incident list page by page, so an export of a million incidents never holds them
/// all: each [`ExportCursor::next_chunk`] returns the next piece of the file.
pub struct ExportCursor {
    filter: IncidentFilter,
    vis: Visibility,
    format: ExportFormat,
    after: i64,
    started: bool,
    done: bool,
    /// Incidents written so far.
    pub written: u64,
}

impl ExportCursor {
    /// An export of every incident matching `filter` under `vis`.
    pub fn new(filter: IncidentFilter, vis: Visibility, format: ExportFormat) -> ExportCursor {
        ExportCursor {
            filter,
            vis,
            format,
            after: 0,
            started: false,
            done: false,
            written: 0,
        }
    }

    /// The next piece of the file, `None` after the last.
    pub async fn next_chunk(&mut self, r: &mut crate::Reader) -> Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let rows =
            incidents_after(&mut r.ex(), &self.filter, self.vis, self.after, EXPORT_PAGE).await?;
        let last_page = (rows.len() as i64) < EXPORT_PAGE;
        if let Some(r) = rows.last() {
            self.after = r.n;
        }
        let mut out = Vec::with_capacity(rows.len() * 400 + 256);
        let first = !self.started;
        self.started = true;
        let csv_err = |e: csv::Error| StoreError::Internal(format!("export: {e}"));
        match self.format {
            ExportFormat::Acled | ExportFormat::Hxl => {
                let fmt = if self.format == ExportFormat::Acled {
                    konbit_domain::situation::acled_csv::Format::Acled
                } else {
                    konbit_domain::situation::acled_csv::Format::Hxl
                };
                let mut w = if first {
                    konbit_domain::situation::acled_csv::Writer::new(out, fmt).map_err(csv_err)?
                } else {
                    konbit_domain::situation::acled_csv::Writer::continuing(out, fmt)
                };
                for r in &rows {
                    w.write(&r.to_exported()?).map_err(csv_err)?;
                }
                out = w.finish().map_err(StoreError::internal)?;
            }
            ExportFormat::GeoJson => {
                if first {
                    out.extend_from_slice(b"{\"type\":\"FeatureCollection\",\"features\":[\n");
                }
                for (k, r) in rows.iter().enumerate() {
                    if self.written > 0 || k > 0 {
                        out.extend_from_slice(b",\n");
                    }
                    let f = konbit_domain::situation::acled_csv::geojson_feature(&r.to_exported()?);
                    out.extend_from_slice(f.to_string().as_bytes());
                }
                if last_page {
                    out.extend_from_slice(b"\n]}\n");
                }
            }
        }
        self.written += rows.len() as u64;
        if last_page {
            self.done = true;
        }
        Ok(Some(out))
    }
}

impl crate::Reader {
    /// Incidents matching `f`, at most `limit`, and how many match in all.
    pub async fn incidents(
        &mut self,
        f: &IncidentFilter,
        limit: i64,
    ) -> Result<(Vec<IncidentRow>, i64)> {
        let (mut ex, vis) = self.parts();
        incidents(&mut ex, f, vis, limit).await
    }

    /// The incidents matching `f` after row `after`, at most `limit` (a streamed export).
    pub async fn incidents_after(
        &mut self,
        f: &IncidentFilter,
        after: i64,
        limit: i64,
    ) -> Result<Vec<IncidentRow>> {
        let (mut ex, vis) = self.parts();
        incidents_after(&mut ex, f, vis, after, limit).await
    }

    /// The points of the incidents matching `f`, at most `limit`.
    pub async fn map_points(&mut self, f: &IncidentFilter, limit: i64) -> Result<Vec<MapPoint>> {
        let (mut ex, vis) = self.parts();
        map_points(&mut ex, f, vis, limit).await
    }

    /// Weekly counts of the incidents matching `f`.
    pub async fn weekly(&mut self, f: &IncidentFilter) -> Result<Vec<WeekCount>> {
        let (mut ex, vis) = self.parts();
        weekly(&mut ex, f, vis).await
    }

    /// Full-text search of the incidents, at most `limit`.
    pub async fn search(&mut self, q: &str, limit: i64) -> Result<Vec<MapPoint>> {
        let (mut ex, vis) = self.parts();
        search(&mut ex, q, vis, limit).await
    }

    /// One incident with its versions, statuses and links.
    pub async fn incident(&mut self, event_id: &str) -> Result<Option<IncidentHistory>> {
        let (mut ex, vis) = self.parts();
        incident(&mut ex, event_id, vis).await
    }

    /// Armed groups as profiled on `on_date`, with their designations.
    pub async fn groups(&mut self, on_date: Date) -> Result<Vec<(GroupRow, Vec<DesignationRow>)>> {
        let (mut ex, vis) = self.parts();
        groups(&mut ex, vis, on_date).await
    }

    /// The status of each site and route segment on `on_date`.
    pub async fn place_statuses(&mut self, on_date: Date) -> Result<Vec<PlaceStatusRow>> {
        let (mut ex, vis) = self.parts();
        place_statuses(&mut ex, vis, on_date).await
    }

    /// Indicator observations up to `on_date`.
    pub async fn observations(&mut self, on_date: Date) -> Result<Vec<ObservationRow>> {
        let (mut ex, vis) = self.parts();
        observations(&mut ex, vis, on_date).await
    }
}
