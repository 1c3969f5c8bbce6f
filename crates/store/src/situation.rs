//! The situational picture in the database: the rules that need the record before a situation
//! command is appended, the projections of incidents (with their full-text index and weekly
//! counts), verification, links, armed groups, designations, site and route statuses and
//! indicators, the bulk import of incidents, and the reads the map, timeline, board and search
//! are drawn from.
//!
//! Incidents are projected in batches ([`project_incidents`]): an import of a million rows
//! appends a million entries, and one multi-row statement per few hundred rows is what keeps
//! that within reach of plain INSERTs (see the import benchmark).

use crate::{
    Ex, Result, StoreError,
    log::{self, Draft, Entry, TimedHead},
    micros, on, placeholders,
    query::{VISIBLE, Visibility},
    values_sql,
    writer::Actor,
};
use konbit_domain::Named;
use konbit_domain::{
    Classification, DomainError,
    acled::EventType,
    acled_csv::Exported,
    gazetteer,
    situation::{GroupKind, NewIncident, SituationCommand, Verification},
};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use time::{Date, Duration};
use uuid::Uuid;

/// The situation's projection tables whose rows each stand for an entry (`entry_seq`).
pub const TABLES: &[&str] = &[
    "incidents",
    "incident_status",
    "incident_links",
    "armed_groups",
    "designations",
    "site_statuses",
    "observations",
];

/// Tables derived from the others (the weekly counts): cleared and rebuilt too, but their rows
/// stand for no single entry.
pub const DERIVED_TABLES: &[&str] = &["incident_weeks"];

/// The projection table an entry kind writes to, if it is the situation's.
pub fn table_of(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "incident.recorded" | "incident.revised" => "incidents",
        "incident.verification_changed" => "incident_status",
        "incident.linked" => "incident_links",
        "armed_group.profiled" => "armed_groups",
        "armed_group.designated" => "designations",
        "site.status_changed" | "route.status_changed" => "site_statuses",
        "indicator.observed" => "observations",
        _ => return None,
    })
}

/// Monday 1 January 1900: day 0 of the `day` columns, week 0 of the weekly counts.
pub const EPOCH: Date = time::macros::date!(1900 - 01 - 01);

/// Days since [`EPOCH`].
pub fn day_of(d: Date) -> i64 {
    (d - EPOCH).whole_days()
}

/// The date `day` days after [`EPOCH`].
pub fn date_of(day: i64) -> Date {
    EPOCH + Duration::days(day)
}

/// The Monday starting week `week`.
pub fn week_start(week: i64) -> Date {
    date_of(week * 7)
}

// ------------------------------------------------------------------------------------------------
// Write side

/// Rules that need the record, and the subject the entry will have.
pub(crate) async fn prepare(
    ex: &mut Ex<'_>,
    cmd: &SituationCommand,
    asked: Option<Uuid>,
) -> Result<Uuid> {
    use SituationCommand::*;
    let fresh = || asked.unwrap_or_else(Uuid::now_v7);
    Ok(match cmd {
        RecordIncident(c) => {
            if current(ex, &c.event_id).await?.is_some() {
                return Err(DomainError::Conflict(format!(
                    "incident {} is already recorded; send a revision instead",
                    c.event_id
                ))
                .into());
            }
            fresh()
        }
        ReviseIncident(c) => require_incident(ex, "event_id", &c.event_id).await?.id,
        ChangeVerification(c) => {
            let now = require_incident(ex, "incident", &c.incident).await?;
            let from: Verification = now.status.parse().map_err(StoreError::Internal)?;
            if !from.may_become(c.status) {
                return Err(DomainError::Conflict(format!(
                    "incident {} is {from}; it cannot become {}",
                    c.incident, c.status
                ))
                .into());
            }
            now.id
        }
        LinkIncident(c) => {
            let now = require_incident(ex, "incident", &c.incident).await?;
            let kind = match c.register {
                konbit_domain::situation::LinkedRecord::UseOfForce => "use_of_force.reported",
                konbit_domain::situation::LinkedRecord::Detention => "detention.recorded",
            };
            let n: i64 = on!(ex, |conn| sqlx::query_scalar(
                "SELECT COUNT(*) FROM register_events WHERE id = $1 AND kind = $2"
            )
            .bind(c.record)
            .bind(kind)
            .fetch_one(conn)
            .await)?;
            if n == 0 {
                return Err(DomainError::invalid(
                    "record",
                    format!("no {} with id {}", c.register, c.record),
                )
                .into());
            }
            now.id
        }
        ProfileGroup(c) => {
            for (i, m) in c.member_of.iter().enumerate() {
                match group(ex, m).await? {
                    Some(g) if g.kind == GroupKind::Coalition.as_str() => {}
                    Some(_) => {
                        return Err(DomainError::invalid(
                            format!("member_of[{i}]"),
                            format!("{m} is a group, not a coalition"),
                        )
                        .into());
                    }
                    None => {
                        return Err(DomainError::invalid(
                            format!("member_of[{i}]"),
                            format!("no armed group {m:?}; profile the coalition first"),
                        )
                        .into());
                    }
                }
            }
            match group(ex, &c.code).await? {
                Some(g) => g.id,
                None => fresh(),
            }
        }
        Designate(c) => {
            require_group(ex, "group", &c.group).await?;
            fresh()
        }
        SiteStatus(c) => {
            if let Some(g) = &c.held_by {
                require_group(ex, "held_by", g).await?;
            }
            fresh()
        }
        RouteStatus(c) => {
            if let Some(g) = &c.held_by {
                require_group(ex, "held_by", g).await?;
            }
            fresh()
        }
        Observe(_) => fresh(),
    })
}

/// The classification a situation entry is recorded at. A verification change or a link is part
/// of its incident — lists, maps and exports show the status with the incident — so it takes the
/// incident's classification: asking for a higher one is refused (it would be shown anyway), a
/// lower one is raised (the log would otherwise show it to readers who cannot see the incident).
pub(crate) async fn classification(
    ex: &mut Ex<'_>,
    cmd: &SituationCommand,
    asked: Classification,
) -> Result<Classification> {
    let event_id = match cmd {
        SituationCommand::ChangeVerification(c) => &c.incident,
        SituationCommand::LinkIncident(c) => &c.incident,
        _ => return Ok(asked),
    };
    let incident = require_incident(ex, "incident", event_id).await?;
    let own = match incident.class {
        0 => Classification::Public,
        1 => Classification::Mission,
        _ => Classification::Restricted,
    };
    if asked > own {
        return Err(DomainError::invalid(
            "classification",
            format!(
                "incident {event_id} is {own}; its verification and links are shown with it, \
                 so they cannot be classified higher"
            ),
        )
        .into());
    }
    Ok(own)
}

/// The current version of an incident: what the rules need.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Current {
    /// Row number.
    pub n: i64,
    /// The incident's id (the subject of its entries).
    pub id: Uuid,
    /// The event id.
    pub event_id: String,
    /// SHA-256 of the version's body.
    pub digest: Vec<u8>,
    /// Verification status.
    pub status: String,
    /// Days since [`EPOCH`].
    pub day: i64,
    /// Event type.
    pub event_type: String,
    /// Department code.
    pub admin1_code: String,
    /// Classification rank.
    pub class: i64,
    /// Reported dead.
    pub fatalities: i64,
}

const CURRENT_COLS: &str =
    "n, id, event_id, digest, status, day, event_type, admin1_code, class, fatalities";

async fn current(ex: &mut Ex<'_>, event_id: &str) -> Result<Option<Current>> {
    let sql = format!(
        "SELECT {CURRENT_COLS} FROM incidents WHERE event_id = $1 AND superseded_us IS NULL"
    );
    Ok(on!(ex, |c| sqlx::query_as::<_, Current>(
        sqlx::AssertSqlSafe(sql.as_str())
    )
    .bind(event_id)
    .fetch_optional(c)
    .await)?)
}

async fn require_incident(ex: &mut Ex<'_>, field: &str, event_id: &str) -> Result<Current> {
    current(ex, event_id)
        .await?
        .ok_or_else(|| DomainError::invalid(field, format!("no incident {event_id:?}")).into())
}

/// Current versions of many incidents at once, by event id.
async fn currents(ex: &mut Ex<'_>, ids: &[&str]) -> Result<HashMap<String, Current>> {
    let mut out = HashMap::new();
    let sqlite = matches!(ex, Ex::Sqlite(_));
    for part in ids.chunks(500) {
        let sql = format!(
            "SELECT {CURRENT_COLS} FROM incidents WHERE superseded_us IS NULL AND event_id IN ({})",
            placeholders(sqlite, 1, part.len())
        );
        let rows = on!(ex, |c| {
            let mut q = sqlx::query_as::<_, Current>(sqlx::AssertSqlSafe(sql.as_str()));
            for id in part {
                q = q.bind(*id);
            }
            q.fetch_all(c).await
        })?;
        for r in rows {
            out.insert(r.event_id.clone(), r);
        }
    }
    Ok(out)
}

async fn require_group(ex: &mut Ex<'_>, field: &str, code: &str) -> Result<GroupRow> {
    group(ex, code)
        .await?
        .ok_or_else(|| DomainError::invalid(field, format!("no armed group {code:?}")).into())
}

async fn group(ex: &mut Ex<'_>, code: &str) -> Result<Option<GroupRow>> {
    Ok(on!(ex, |c| sqlx::query_as::<_, GroupRow>(
        "SELECT * FROM armed_groups WHERE code = $1 AND superseded_us IS NULL \
         ORDER BY on_date DESC, entry_seq DESC LIMIT 1"
    )
    .bind(code)
    .fetch_optional(c)
    .await)?)
}

/// Projects one situation entry (the writer's path for a single command, and replay).
pub(crate) async fn apply(ex: &mut Ex<'_>, e: &Entry, cmd: &SituationCommand) -> Result<()> {
    use SituationCommand::*;
    let at = micros(log::parse_recorded_at(&e.recorded_at)?);
    let class = e.class()?.rank();
    match cmd {
        RecordIncident(c) | ReviseIncident(c) => {
            let item = Item {
                seq: e.seq,
                id: e.subject,
                recorded_us: at,
                class,
                sources: e.sources.clone(),
                digest: digest(&e.body),
                incident: c,
            };
            project_incidents(ex, &[item], None).await
        }
        ChangeVerification(c) => {
            let now = require_incident(ex, "incident", &c.incident).await?;
            on!(ex, |conn| sqlx::query(
                "INSERT INTO incident_status (entry_seq, id, recorded_us, class, sources, \
                 event_id, status, reason, on_date, actor) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)"
            )
            .bind(e.seq)
            .bind(e.subject)
            .bind(at)
            .bind(class)
            .bind(&e.sources)
            .bind(&c.incident)
            .bind(c.status.as_str())
            .bind(&c.reason)
            .bind(c.on)
            .bind(&e.actor)
            .execute(conn)
            .await
            .map(|_| ()))?;
            on!(ex, |conn| sqlx::query(
                "UPDATE incidents SET status = $1 WHERE n = $2"
            )
            .bind(c.status.as_str())
            .bind(now.n)
            .execute(conn)
            .await
            .map(|_| ()))?;
            // Retracted incidents leave the weekly counts; an un-retracted one comes back.
            let was = now.status == Verification::Retracted.as_str();
            let is = c.status == Verification::Retracted;
            if was != is {
                let sign = if is { -1 } else { 1 };
                let mut delta = Rollup::default();
                delta.add(&now, sign);
                delta.write(ex).await?;
            }
            Ok(())
        }
        LinkIncident(c) => on!(ex, |conn| {
            sqlx::query(
            "INSERT INTO incident_links (entry_seq, id, recorded_us, class, event_id, register, \
             record) VALUES ($1,$2,$3,$4,$5,$6,$7)"
        )
        .bind(e.seq)
        .bind(e.subject)
        .bind(at)
        .bind(class)
        .bind(&c.incident)
        .bind(c.register.as_str())
        .bind(c.record)
        .execute(conn)
        .await
        .map(|_| ())
        })
        .map_err(Into::into),
        ProfileGroup(c) => on!(ex, |conn| sqlx::query(
            "INSERT INTO armed_groups (entry_seq, origin_seq, id, recorded_us, class, sources, \
                 code, name, kind, aliases, member_of, leaders, areas, on_date, acled_actor, note) \
                 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)"
        )
        .bind(e.seq)
        .bind(e.seq)
        .bind(e.subject)
        .bind(at)
        .bind(class)
        .bind(&e.sources)
        .bind(&c.code)
        .bind(&c.name)
        .bind(c.kind.as_str())
        .bind(j(&c.aliases))
        .bind(j(&c.member_of))
        .bind(j(&c.leaders))
        .bind(j(&c.areas))
        .bind(c.on)
        .bind(&c.acled_actor)
        .bind(&c.note)
        .execute(conn)
        .await
        .map(|_| ()))
        .map_err(Into::into),
        Designate(c) => on!(ex, |conn| sqlx::query(
            "INSERT INTO designations (entry_seq, origin_seq, id, recorded_us, class, sources, \
             group_code, person, kind, authority, on_date, reference, note) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)"
        )
        .bind(e.seq)
        .bind(e.seq)
        .bind(e.subject)
        .bind(at)
        .bind(class)
        .bind(&e.sources)
        .bind(&c.group)
        .bind(&c.person)
        .bind(c.kind.as_str())
        .bind(&c.authority)
        .bind(c.on)
        .bind(&c.reference)
        .bind(&c.note)
        .execute(conn)
        .await
        .map(|_| ()))
        .map_err(Into::into),
        SiteStatus(c) => {
            insert_status(
                ex,
                e,
                at,
                class,
                &c.site,
                "site",
                c.status.as_str(),
                c.on,
                &c.held_by,
                &c.note,
            )
            .await
        }
        RouteStatus(c) => {
            insert_status(
                ex,
                e,
                at,
                class,
                &c.segment,
                "segment",
                c.status.as_str(),
                c.on,
                &c.held_by,
                &c.note,
            )
            .await
        }
        Observe(c) => on!(ex, |conn| sqlx::query(
            "INSERT INTO observations (entry_seq, origin_seq, id, recorded_us, class, sources, \
             indicator, from_date, to_date, area, value, qualifier, note) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)"
        )
        .bind(e.seq)
        .bind(e.seq)
        .bind(e.subject)
        .bind(at)
        .bind(class)
        .bind(&e.sources)
        .bind(c.indicator.as_str())
        .bind(c.from)
        .bind(c.to)
        .bind(&c.area)
        .bind(c.value)
        .bind(c.qualifier.as_str())
        .bind(&c.note)
        .execute(conn)
        .await
        .map(|_| ()))
        .map_err(Into::into),
    }
}

/// JSON text of a list field, for the columns that keep them.
fn j<T: serde::Serialize>(v: &T) -> String {
    // Lists of strings and plain structs always serialize.
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

#[allow(clippy::too_many_arguments)]
async fn insert_status(
    ex: &mut Ex<'_>,
    e: &Entry,
    at: i64,
    class: i64,
    place: &str,
    kind: &str,
    status: &str,
    on_date: Date,
    held_by: &Option<String>,
    note: &Option<String>,
) -> Result<()> {
    on!(ex, |conn| {
        sqlx::query(
        "INSERT INTO site_statuses (entry_seq, origin_seq, id, recorded_us, class, sources, \
         place, kind, status, on_date, held_by, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)"
    )
    .bind(e.seq)
    .bind(e.seq)
    .bind(e.subject)
    .bind(at)
    .bind(class)
    .bind(&e.sources)
    .bind(place)
    .bind(kind)
    .bind(status)
    .bind(on_date)
    .bind(held_by)
    .bind(note)
    .execute(conn)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// SHA-256 of an incident version's canonical body.
pub fn digest(body: &str) -> Vec<u8> {
    Sha256::digest(body.as_bytes()).to_vec()
}

/// One incident version to project.
pub(crate) struct Item<'a> {
    pub seq: i64,
    pub id: Uuid,
    pub recorded_us: i64,
    pub class: i64,
    pub sources: String,
    pub digest: Vec<u8>,
    pub incident: &'a NewIncident,
}

/// Changes to the weekly counts, summed before they are written.
#[derive(Default)]
struct Rollup(HashMap<(i64, String, String, i64), (i64, i64)>);

impl Rollup {
    /// Counts (`sign` 1) or uncounts (-1) a stored version.
    fn add(&mut self, c: &Current, sign: i64) {
        self.count(
            c.day,
            &c.event_type,
            &c.admin1_code,
            c.class,
            c.fatalities,
            sign,
        );
    }

    fn count(&mut self, day: i64, kind: &str, dept: &str, class: i64, dead: i64, sign: i64) {
        let v = self
            .0
            .entry((day / 7, kind.to_string(), dept.to_string(), class))
            .or_default();
        v.0 += sign;
        v.1 += sign * dead;
    }

    async fn write(self, ex: &mut Ex<'_>) -> Result<()> {
        let rows: Vec<_> = self.0.into_iter().filter(|(_, v)| *v != (0, 0)).collect();
        let sqlite = matches!(ex, Ex::Sqlite(_));
        for part in rows.chunks(500) {
            let sql = values_sql(
                sqlite,
                "INSERT INTO incident_weeks (week, event_type, admin1_code, class, events, \
                 fatalities) VALUES ",
                6,
                part.len(),
            ) + " ON CONFLICT (week, event_type, admin1_code, class) DO UPDATE SET \
                 events = incident_weeks.events + excluded.events, \
                 fatalities = incident_weeks.fatalities + excluded.fatalities";
            on!(ex, |c| {
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
                for ((week, t, a, class), (n, f)) in part {
                    q = q.bind(*week).bind(t).bind(a).bind(*class).bind(*n).bind(*f);
                }
                q.execute(c).await.map(|_| ())
            })?;
        }
        Ok(())
    }
}

/// Columns of `incidents` written by [`project_incidents`], in bind order.
const INCIDENT_COLS: &str = "n, entry_seq, id, recorded_us, class, sources, digest, event_id, \
    event_date, day, time_precision, disorder_type, event_type, sub_event_type, actor1, \
    assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, civilian_targeting, admin1, admin1_code, \
    admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, \
    fatalities, fatality_claims, tags, acled_timestamp, status";
const INCIDENT_NCOLS: usize = 37;
/// The columns reads select (the digest is the writer's; the status is chosen per read).
const READ_COLS: &str = "n, entry_seq, id, recorded_us, superseded_us, class, sources, event_id, \
    event_date, time_precision, disorder_type, event_type, sub_event_type, actor1, \
    assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, civilian_targeting, admin1, admin1_code, \
    admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, \
    fatalities, fatality_claims, tags, acled_timestamp";
/// Rows per multi-row INSERT: 37 parameters each stays under SQLite's 32,766.
const INCIDENT_ROWS: usize = 400;

/// Projects incident versions (new incidents and revisions) in a few statements: inserts the
/// rows, supersedes the versions they replace, keeps the search index and weekly counts.
/// Items must have distinct event ids.
/// `known` is the current versions of the items' incidents when the caller has just read them.
pub(crate) async fn project_incidents(
    ex: &mut Ex<'_>,
    items: &[Item<'_>],
    known: Option<HashMap<String, Current>>,
) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let old = match known {
        Some(k) => k,
        None => {
            let ids: Vec<&str> = items.iter().map(|i| i.incident.event_id.as_str()).collect();
            currents(ex, &ids).await?
        }
    };
    let first_n: i64 = on!(ex, |c| sqlx::query_scalar::<_, Option<i64>>(
        "SELECT MAX(n) FROM incidents"
    )
    .fetch_one(c)
    .await)?
    .unwrap_or(0)
        + 1;
    let mut rollup = Rollup::default();
    // (row replaced, when its successor was recorded)
    let mut replaced: Vec<(i64, i64)> = Vec::new();
    let mut rows: Vec<(i64, &Item<'_>, String, &'static str)> = Vec::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        let n = first_n + i64::try_from(k).map_err(StoreError::internal)?;
        let status = match old.get(&it.incident.event_id) {
            Some(o) => {
                replaced.push((o.n, it.recorded_us));
                if o.status != Verification::Retracted.as_str() {
                    rollup.add(o, -1);
                }
                o.status
                    .parse::<Verification>()
                    .map_err(StoreError::Internal)?
                    .as_str()
            }
            None => Verification::Reported.as_str(),
        };
        let code = admin1_code(&it.incident.admin1);
        if status != Verification::Retracted.as_str() {
            rollup.count(
                day_of(it.incident.event_date),
                it.incident.event_type.as_str(),
                &code,
                it.class,
                i64::from(it.incident.fatalities),
                1,
            );
        }
        rows.push((n, it, code, status));
    }
    // Revisions are few (an import's new rows are not): one statement per replaced version.
    for (n, at) in &replaced {
        if let Ex::Sqlite(c) = ex {
            sqlx::query(
                "INSERT INTO incidents_fts (incidents_fts, rowid, notes, location, actor1, actor2) \
                 SELECT 'delete', n, notes, location, actor1, actor2 FROM incidents WHERE n = $1",
            )
            .bind(*n)
            .execute(&mut **c)
            .await?;
        }
        on!(ex, |c| sqlx::query(
            "UPDATE incidents SET superseded_us = $1 WHERE n = $2"
        )
        .bind(*at)
        .bind(*n)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    let sqlite = matches!(ex, Ex::Sqlite(_));
    for part in rows.chunks(INCIDENT_ROWS) {
        let sql = values_sql(
            sqlite,
            &format!("INSERT INTO incidents ({INCIDENT_COLS}) VALUES "),
            INCIDENT_NCOLS,
            part.len(),
        );
        on!(ex, |c| {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
            for (n, it, code, status) in part {
                let i = it.incident;
                let claims = if i.fatality_claims.is_empty() {
                    String::from("[]")
                } else {
                    serde_json::to_string(&i.fatality_claims).unwrap_or_else(|_| "[]".into())
                };
                q = q
                    .bind(*n)
                    .bind(it.seq)
                    .bind(it.id)
                    .bind(it.recorded_us)
                    .bind(it.class)
                    .bind(&it.sources)
                    .bind(&it.digest)
                    .bind(&i.event_id)
                    .bind(i.event_date)
                    .bind(day_of(i.event_date))
                    .bind(i64::from(i.time_precision))
                    .bind(i.disorder().as_str())
                    .bind(i.event_type.as_str())
                    .bind(i.sub_event_type.as_str())
                    .bind(&i.actor1)
                    .bind(&i.assoc_actor_1)
                    .bind(i.inter1.as_str())
                    .bind(&i.actor2)
                    .bind(&i.assoc_actor_2)
                    .bind(i.inter2.map(|t| t.as_str()))
                    .bind(i.civilian_targeting)
                    .bind(&i.admin1)
                    .bind(code)
                    .bind(&i.admin2)
                    .bind(&i.admin3)
                    .bind(&i.location)
                    .bind(i.latitude)
                    .bind(i.longitude)
                    .bind(i64::from(i.geo_precision))
                    .bind(&i.source)
                    .bind(&i.source_scale)
                    .bind(&i.notes)
                    .bind(i64::from(i.fatalities))
                    .bind(claims)
                    .bind(&i.tags)
                    .bind(i.timestamp)
                    .bind(*status);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    if let Ex::Sqlite(c) = ex {
        sqlx::query(
            "INSERT INTO incidents_fts (rowid, notes, location, actor1, actor2) \
             SELECT n, notes, location, actor1, actor2 FROM incidents WHERE n >= $1",
        )
        .bind(first_n)
        .execute(&mut **c)
        .await?;
    }
    rollup.write(ex).await
}

fn admin1_code(admin1: &str) -> String {
    gazetteer::haiti()
        .department(admin1)
        .map(|d| d.code.clone())
        .unwrap_or_default()
}

/// Projects replayed incident entries in runs of distinct event ids (what `rebuild` does with a
/// stretch of consecutive incident entries).
pub(crate) async fn project_entries(ex: &mut Ex<'_>, entries: &[Entry]) -> Result<()> {
    let mut parsed = Vec::with_capacity(entries.len());
    for e in entries {
        let c: NewIncident = serde_json::from_str(&e.body).map_err(StoreError::internal)?;
        let at = micros(log::parse_recorded_at(&e.recorded_at)?);
        parsed.push((e, c, at));
    }
    let mut start = 0;
    while start < parsed.len() {
        let mut seen = HashSet::new();
        let mut end = start;
        while end < parsed.len() && seen.insert(parsed[end].1.event_id.as_str()) {
            end += 1;
        }
        let mut items = Vec::with_capacity(end - start);
        for (e, c, at) in &parsed[start..end] {
            items.push(Item {
                seq: e.seq,
                id: e.subject,
                recorded_us: *at,
                class: e.class()?.rank(),
                sources: e.sources.clone(),
                digest: digest(&e.body),
                incident: c,
            });
        }
        project_incidents(ex, &items, None).await?;
        start = end;
    }
    Ok(())
}

/// Whether replay may batch this entry with its neighbours.
pub(crate) fn is_incident_version(kind: &str) -> bool {
    matches!(kind, "incident.recorded" | "incident.revised")
}

/// What an import records besides the rows themselves.
#[derive(Debug, Clone)]
pub struct ImportSpec {
    /// Sources every imported incident rests on (the file, registered as a source).
    pub sources: Vec<Uuid>,
    /// Classification of the imported incidents.
    pub classification: Classification,
}

/// The id of the source with this reference, if one is registered (a re-imported file).
pub(crate) async fn source_by_reference(ex: &mut Ex<'_>, reference: &str) -> Result<Option<Uuid>> {
    Ok(on!(ex, |c| sqlx::query_scalar::<_, Uuid>(
        "SELECT id FROM sources WHERE reference = $1 AND superseded_us IS NULL LIMIT 1"
    )
    .bind(reference)
    .fetch_optional(c)
    .await)?)
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// New incidents recorded.
    pub added: u64,
    /// Incidents whose row changed since they were recorded: a new version each.
    pub revised: u64,
    /// Rows identical to what the record holds: nothing written.
    pub unchanged: u64,
}

/// A valid row with its entry body already serialized (canonical JSON) and digested — work the
/// import does on the reading thread, so the writer only chains and inserts.
#[derive(Debug, Clone)]
pub struct PreparedRow {
    /// The incident.
    pub incident: NewIncident,
    /// Its entry body, canonical JSON.
    pub body: String,
    /// SHA-256 of `body`.
    pub digest: Vec<u8>,
}

impl PreparedRow {
    /// Serializes and digests a row.
    pub fn new(incident: NewIncident) -> Result<PreparedRow> {
        let value = serde_json::to_value(&incident).map_err(StoreError::internal)?;
        let body = log::canonical_json(&value);
        let digest = digest(&body);
        Ok(PreparedRow {
            incident,
            body,
            digest,
        })
    }
}

/// Records a chunk of valid rows: new event ids become `incident.recorded`, changed ones
/// `incident.revised`, identical ones nothing. Appends onto `head` and moves it.
pub(crate) async fn import_chunk(
    ex: &mut Ex<'_>,
    head: &mut TimedHead,
    actor: &Actor,
    spec: &ImportSpec,
    rows: &[PreparedRow],
    summary: &mut ImportSummary,
) -> Result<()> {
    // A file may carry the same event twice (ACLED revises events in place): later rows are
    // projected after earlier ones, in runs of distinct ids.
    let mut start = 0;
    while start < rows.len() {
        let mut seen = HashSet::new();
        let mut end = start;
        while end < rows.len() && seen.insert(rows[end].incident.event_id.as_str()) {
            end += 1;
        }
        import_run(ex, head, actor, spec, &rows[start..end], summary).await?;
        start = end;
    }
    Ok(())
}

async fn import_run(
    ex: &mut Ex<'_>,
    head: &mut TimedHead,
    actor: &Actor,
    spec: &ImportSpec,
    rows: &[PreparedRow],
    summary: &mut ImportSummary,
) -> Result<()> {
    let ids: Vec<&str> = rows.iter().map(|r| r.incident.event_id.as_str()).collect();
    let old = currents(ex, &ids).await?;
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    let mut versions: Vec<(&PreparedRow, i64)> = Vec::with_capacity(rows.len());
    for r in rows {
        let (kind, subject) = match old.get(&r.incident.event_id) {
            Some(o) if o.digest == r.digest => {
                summary.unchanged += 1;
                continue;
            }
            Some(o) => {
                summary.revised += 1;
                ("incident.revised", o.id)
            }
            None => {
                summary.added += 1;
                ("incident.recorded", Uuid::now_v7())
            }
        };
        let at = head.next_time();
        let entry = log::chain_canonical(
            &head.head,
            Draft {
                actor: actor.0.clone(),
                kind: kind.to_string(),
                subject,
                valid_at: r.incident.event_date.to_string(),
                classification: spec.classification,
                body: serde_json::Value::Null,
                sources: spec.sources.clone(),
            },
            r.body.clone(),
            at,
        );
        *head = TimedHead::of(&entry);
        entries.push(entry);
        versions.push((r, micros(at)));
    }
    log::insert(ex, &entries).await?;
    let items: Vec<Item<'_>> = entries
        .iter()
        .zip(&versions)
        .map(|(e, (r, at))| Item {
            seq: e.seq,
            id: e.subject,
            recorded_us: *at,
            class: spec.classification.rank(),
            sources: e.sources.clone(),
            digest: r.digest.clone(),
            incident: &r.incident,
        })
        .collect();
    project_incidents(ex, &items, Some(old)).await
}

// ------------------------------------------------------------------------------------------------
// Read side

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
            fatality_claims: serde_json::from_str(&self.fatality_claims).unwrap_or_default(),
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
            sources: serde_json::from_str(&self.sources).unwrap_or_default(),
        })
    }

    /// The sources, parsed.
    pub fn source_ids(&self) -> Vec<Uuid> {
        serde_json::from_str(&self.sources).unwrap_or_default()
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

enum P {
    I(i64),
    F(f64),
    T(String),
}

/// Builds the WHERE clause of an incident read; `$1` is the record-time cut-off and `$2` the
/// clearance, as everywhere.
fn conditions(f: &IncidentFilter, vis: Visibility, prefix: &str) -> (String, Vec<P>, String) {
    let mut w = vec![format!(
        "{prefix}recorded_us <= $1 AND ({prefix}superseded_us IS NULL OR {prefix}superseded_us > $1) \
         AND {prefix}class <= $2"
    )];
    let mut ps: Vec<P> = vec![P::I(vis.as_of_us), P::I(vis.clearance.rank())];
    let push = |ps: &mut Vec<P>, p: P| -> String {
        ps.push(p);
        format!("${}", ps.len())
    };
    let to = match (f.to, f.on) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(d) = f.from {
        let x = push(&mut ps, P::I(day_of(d)));
        w.push(format!("{prefix}day >= {x}"));
    }
    if let Some(d) = to {
        let x = push(&mut ps, P::I(day_of(d)));
        w.push(format!("{prefix}day <= {x}"));
    }
    if !f.types.is_empty() {
        let xs: Vec<String> = f
            .types
            .iter()
            .map(|t| push(&mut ps, P::T(t.as_str().to_string())))
            .collect();
        w.push(format!("{prefix}event_type IN ({})", xs.join(",")));
    }
    if let Some(a) = &f.actor {
        let x = push(&mut ps, P::T(format!("%{}%", a.to_lowercase())));
        w.push(format!(
            "(LOWER({prefix}actor1) LIKE {x} OR LOWER({prefix}actor2) LIKE {x} OR \
             LOWER({prefix}assoc_actor_1) LIKE {x} OR LOWER({prefix}assoc_actor_2) LIKE {x})"
        ));
    }
    if let Some(d) = &f.department {
        let x = push(&mut ps, P::T(d.clone()));
        w.push(format!("{prefix}admin1_code = {x}"));
    }
    if let Some([a, b, c, d]) = f.bbox {
        let (x1, y1, x2, y2) = (
            push(&mut ps, P::F(a)),
            push(&mut ps, P::F(b)),
            push(&mut ps, P::F(c)),
            push(&mut ps, P::F(d)),
        );
        w.push(format!(
            "{prefix}longitude BETWEEN {x1} AND {x2} AND {prefix}latitude BETWEEN {y1} AND {y2}"
        ));
    }
    // The status as the record stood: the current one, or the last change recorded by the
    // cut-off and dated by `on`.
    let status = if vis.as_of_us == i64::MAX && f.on.is_none() {
        format!("{prefix}status")
    } else {
        let on = push(
            &mut ps,
            P::T(f.on.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string())),
        );
        format!(
            "COALESCE((SELECT s.status FROM incident_status s WHERE s.event_id = {prefix}event_id \
             AND s.recorded_us <= $1 AND CAST(s.on_date AS TEXT) <= {on} \
             ORDER BY s.entry_seq DESC LIMIT 1), 'reported')"
        )
    };
    match f.status {
        Some(s) => {
            let x = push(&mut ps, P::T(s.as_str().to_string()));
            w.push(format!("{status} = {x}"));
        }
        None => w.push(format!("{status} <> 'retracted'")),
    }
    (w.join(" AND "), ps, status)
}

macro_rules! bind_all {
    ($q:expr, $ps:expr) => {{
        let mut q = $q;
        for p in $ps {
            q = match p {
                P::I(v) => q.bind(*v),
                P::F(v) => q.bind(*v),
                P::T(v) => q.bind(v.as_str()),
            };
        }
        q
    }};
}

/// Incidents matching a filter, newest first, at most `limit`; with the number matching.
pub async fn incidents(
    ex: &mut Ex<'_>,
    f: &IncidentFilter,
    vis: Visibility,
    limit: i64,
) -> Result<(Vec<IncidentRow>, i64)> {
    let (w, ps, status) = conditions(f, vis, "");
    let sql = format!(
        "SELECT {READ_COLS}, {status} AS status FROM incidents WHERE {w} \
         ORDER BY day DESC, n DESC LIMIT {limit}"
    );
    let rows = on!(ex, |c| bind_all!(
        sqlx::query_as::<_, IncidentRow>(sqlx::AssertSqlSafe(sql.as_str())),
        &ps
    )
    .fetch_all(c)
    .await)?;
    let count_sql = format!("SELECT COUNT(*) FROM incidents WHERE {w}");
    let n: i64 = on!(ex, |c| bind_all!(
        sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.as_str())),
        &ps
    )
    .fetch_one(c)
    .await)?;
    Ok((rows, n))
}

/// A page of incidents in record order after row `after`, for exports that stream every match.
pub async fn incidents_after(
    ex: &mut Ex<'_>,
    f: &IncidentFilter,
    vis: Visibility,
    after: i64,
    limit: i64,
) -> Result<Vec<IncidentRow>> {
    let (w, mut ps, status) = conditions(f, vis, "");
    ps.push(P::I(after));
    let x = ps.len();
    let sql = format!(
        "SELECT {READ_COLS}, {status} AS status FROM incidents WHERE {w} AND n > ${x} \
         ORDER BY n LIMIT {limit}"
    );
    Ok(on!(ex, |c| bind_all!(
        sqlx::query_as::<_, IncidentRow>(sqlx::AssertSqlSafe(sql.as_str())),
        &ps
    )
    .fetch_all(c)
    .await)?)
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
    let (w, ps, status) = conditions(f, vis, "");
    let sql = format!(
        "SELECT event_id, event_date, event_type, sub_event_type, actor1, location, latitude, \
         longitude, fatalities, {status} AS status FROM incidents WHERE {w} \
         ORDER BY fatalities DESC, n DESC LIMIT {limit}"
    );
    Ok(on!(ex, |c| bind_all!(
        sqlx::query_as::<_, MapPoint>(sqlx::AssertSqlSafe(sql.as_str())),
        &ps
    )
    .fetch_all(c)
    .await)?)
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
        let mut w = vec!["class <= $1".to_string()];
        let mut ps = vec![P::I(vis.clearance.rank())];
        if let Some(d) = f.from {
            ps.push(P::I(day_of(d) / 7));
            w.push(format!("week >= ${}", ps.len()));
        }
        if let Some(d) = f.to {
            ps.push(P::I(day_of(d) / 7));
            w.push(format!("week <= ${}", ps.len()));
        }
        if !f.types.is_empty() {
            let mut xs = Vec::new();
            for t in &f.types {
                ps.push(P::T(t.as_str().to_string()));
                xs.push(format!("${}", ps.len()));
            }
            w.push(format!("event_type IN ({})", xs.join(",")));
        }
        if let Some(d) = &f.department {
            ps.push(P::T(d.clone()));
            w.push(format!("admin1_code = ${}", ps.len()));
        }
        let sql = format!(
            "SELECT week, event_type, CAST(SUM(events) AS BIGINT) AS events, \
             CAST(SUM(fatalities) AS BIGINT) AS fatalities FROM incident_weeks WHERE {} \
             GROUP BY week, event_type HAVING SUM(events) > 0 ORDER BY week, event_type",
            w.join(" AND ")
        );
        // Weeks cut by a date range are counted whole: the kept counts are per week.
        return Ok(on!(ex, |c| bind_all!(
            sqlx::query_as::<_, WeekCount>(sqlx::AssertSqlSafe(sql.as_str())),
            &ps
        )
        .fetch_all(c)
        .await)?);
    }
    let (w, ps, _) = conditions(f, vis, "");
    let sql = format!(
        "SELECT day / 7 AS week, event_type, CAST(COUNT(*) AS BIGINT) AS events, \
         CAST(SUM(fatalities) AS BIGINT) AS fatalities FROM incidents WHERE {w} \
         GROUP BY day / 7, event_type ORDER BY week, event_type"
    );
    Ok(on!(ex, |c| bind_all!(
        sqlx::query_as::<_, WeekCount>(sqlx::AssertSqlSafe(sql.as_str())),
        &ps
    )
    .fetch_all(c)
    .await)?)
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
    Ok(match ex {
        Ex::Sqlite(c) => {
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
        Ex::Pg(c) => {
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
            let sql = format!(
                "SELECT {cols} FROM incidents i WHERE i.search @@ to_tsquery('simple', $3) \
                 AND {vis_sql} ORDER BY i.n DESC LIMIT {limit}"
            );
            sqlx::query_as::<_, MapPoint>(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(vis.as_of_us)
                .bind(vis.clearance.rank())
                .bind(query.join(" & "))
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
    pub async fn next_chunk(&mut self, ex: &mut Ex<'_>) -> Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let rows = incidents_after(ex, &self.filter, self.vis, self.after, EXPORT_PAGE).await?;
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
                    konbit_domain::acled_csv::Format::Acled
                } else {
                    konbit_domain::acled_csv::Format::Hxl
                };
                let mut w = if first {
                    konbit_domain::acled_csv::Writer::new(out, fmt).map_err(csv_err)?
                } else {
                    konbit_domain::acled_csv::Writer::continuing(out, fmt)
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
                    let f = konbit_domain::acled_csv::geojson_feature(&r.to_exported()?);
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
