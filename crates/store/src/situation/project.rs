//! The situation's projector: the rules that need the record before a situation command is
//! appended, and the projection of its entries — incidents in batches ([`project_incidents`]),
//! with their full-text index and weekly counts — and of an import's chunks of rows.

use super::{day_of, query::GroupRow};
use crate::projector::{Asked, Derived, Prepared, Projector, RowMeta, insert_row};
use crate::{
    Ex, Result, StoreError,
    actor::Actor,
    log::{self, Draft, Entry, TimedHead},
    micros, on, placeholders, values_sql,
};
use konbit_domain::situation::{
    GroupKind, NewIncident, SituationCommand, Verification, acled_csv, gazetteer,
};
use konbit_domain::{Classification, DomainError, EntryKind, Named};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The situational picture's projector.
pub(crate) struct Situation;

impl Projector for Situation {
    type Command = SituationCommand;

    fn own(cmd: konbit_domain::Command) -> Option<SituationCommand> {
        match cmd {
            konbit_domain::Command::Situation(c) => Some(c),
            _ => None,
        }
    }

    const TABLES: &'static [&'static str] = &[
        "incidents",
        "incident_status",
        "incident_links",
        "armed_groups",
        "designations",
        "site_statuses",
        "observations",
    ];

    /// The weekly counts: cleared and rebuilt too, but their rows stand for no single entry.
    const DERIVED: &'static [Derived] = &[(
        "incident_weeks",
        &["week", "event_type", "admin1_code", "class"],
    )];

    fn table_of(kind: EntryKind) -> Option<&'static str> {
        use EntryKind::*;
        Some(match kind {
            IncidentRecorded | IncidentRevised => "incidents",
            IncidentVerificationChanged => "incident_status",
            IncidentLinked => "incident_links",
            ArmedGroupProfiled => "armed_groups",
            ArmedGroupDesignated => "designations",
            SiteStatusChanged | RouteStatusChanged => "site_statuses",
            IndicatorObserved => "observations",
            _ => return None,
        })
    }

    async fn prepare(
        ex: &mut Ex<'_>,
        cmd: &SituationCommand,
        asked: &Asked<'_>,
    ) -> Result<Prepared> {
        let subject = prepare(ex, cmd, asked.subject).await?;
        let classification = classification(ex, cmd, asked.classification).await?;
        Ok(Prepared {
            subject,
            classification,
        })
    }

    async fn apply(ex: &mut Ex<'_>, e: &Entry, m: &RowMeta, cmd: &SituationCommand) -> Result<()> {
        apply(ex, e, m, cmd).await
    }

    /// Consecutive incident versions are projected together, as the import does.
    async fn replay(ex: &mut Ex<'_>, entries: &[Entry]) -> Result<()> {
        let mut run_start = 0;
        for (i, e) in entries.iter().enumerate() {
            if !is_incident_version(e)? {
                project_entries(ex, &entries[run_start..i]).await?;
                Self::project(ex, e).await?;
                run_start = i + 1;
            }
        }
        project_entries(ex, &entries[run_start..]).await
    }
}

/// Rules that need the record, and the subject the entry will have.
async fn prepare(ex: &mut Ex<'_>, cmd: &SituationCommand, asked: Option<Uuid>) -> Result<Uuid> {
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
                konbit_domain::situation::LinkedRecord::UseOfForce => EntryKind::UseOfForceReported,
                konbit_domain::situation::LinkedRecord::Detention => EntryKind::DetentionRecorded,
            };
            let n: i64 = on!(ex, |conn| sqlx::query_scalar(
                "SELECT COUNT(*) FROM register_events WHERE id = $1 AND kind = $2"
            )
            .bind(c.record)
            .bind(kind.as_str())
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
async fn classification(
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
    let sqlite = ex.is_sqlite();
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
async fn apply(ex: &mut Ex<'_>, e: &Entry, m: &RowMeta, cmd: &SituationCommand) -> Result<()> {
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
        ProfileGroup(c) => {
            insert_row!(
                ex,
                m,
                "armed_groups",
                [
                    "code" = &c.code,
                    "name" = &c.name,
                    "kind" = c.kind.as_str(),
                    "aliases" = j(&c.aliases),
                    "member_of" = j(&c.member_of),
                    "leaders" = j(&c.leaders),
                    "areas" = j(&c.areas),
                    "on_date" = c.on,
                    "acled_actor" = &c.acled_actor,
                    "note" = &c.note,
                ]
            );
            Ok(())
        }
        Designate(c) => {
            insert_row!(
                ex,
                m,
                "designations",
                [
                    "group_code" = &c.group,
                    "person" = &c.person,
                    "kind" = c.kind.as_str(),
                    "authority" = &c.authority,
                    "on_date" = c.on,
                    "reference" = &c.reference,
                    "note" = &c.note,
                ]
            );
            Ok(())
        }
        SiteStatus(c) => {
            insert_row!(
                ex,
                m,
                "site_statuses",
                [
                    "place" = &c.site,
                    "kind" = "site",
                    "status" = c.status.as_str(),
                    "on_date" = c.on,
                    "held_by" = &c.held_by,
                    "note" = &c.note,
                ]
            );
            Ok(())
        }
        RouteStatus(c) => {
            insert_row!(
                ex,
                m,
                "site_statuses",
                [
                    "place" = &c.segment,
                    "kind" = "segment",
                    "status" = c.status.as_str(),
                    "on_date" = c.on,
                    "held_by" = &c.held_by,
                    "note" = &c.note,
                ]
            );
            Ok(())
        }
        Observe(c) => {
            insert_row!(
                ex,
                m,
                "observations",
                [
                    "indicator" = c.indicator.as_str(),
                    "from_date" = c.from,
                    "to_date" = c.to,
                    "area" = &c.area,
                    "value" = c.value,
                    "qualifier" = c.qualifier.as_str(),
                    "note" = &c.note,
                ]
            );
            Ok(())
        }
    }
}

/// JSON text of a list field, for the columns that keep them.
fn j<T: serde::Serialize>(v: &T) -> String {
    // Lists of strings and plain structs always serialize.
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
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
        let sqlite = ex.is_sqlite();
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
        ex.settle().await?;
        if let Ex::Sqlite(c, _) = ex {
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
    let sqlite = ex.is_sqlite();
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
    ex.settle().await?;
    if let Ex::Sqlite(c, _) = ex {
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
async fn project_entries(ex: &mut Ex<'_>, entries: &[Entry]) -> Result<()> {
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
fn is_incident_version(e: &Entry) -> Result<bool> {
    Ok(matches!(
        e.entry_kind()?,
        EntryKind::IncidentRecorded | EntryKind::IncidentRevised
    ))
}

/// What an import records besides the rows themselves.
#[derive(Debug, Clone)]
pub struct ImportSpec {
    /// Sources every imported incident rests on (the file, registered as a source).
    pub sources: Vec<Uuid>,
    /// Classification of the imported incidents.
    pub classification: Classification,
    /// ACLED columns the file lacks: a changed row keeps the recorded version's values for them
    /// (see [`acled_csv::keep_absent`]).
    pub absent: Vec<&'static str>,
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
    // A row that differs from the recorded version is first given what the file cannot say (its
    // absent columns, the desk's fatality claims) from that version; only then is it known
    // whether it changes anything.
    let differing: Vec<i64> = rows
        .iter()
        .filter_map(|r| {
            old.get(&r.incident.event_id)
                .filter(|o| o.digest != r.digest)
                .map(|o| o.n)
        })
        .collect();
    let recorded = super::query::by_number(ex, &differing).await?;
    let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
    let mut versions: Vec<(Cow<'_, PreparedRow>, i64)> = Vec::with_capacity(rows.len());
    for r in rows {
        let (r, kind, subject) = match old.get(&r.incident.event_id) {
            Some(o) if o.digest == r.digest => {
                summary.unchanged += 1;
                continue;
            }
            Some(o) => {
                let current = recorded
                    .get(&o.n)
                    .ok_or_else(|| {
                        StoreError::Internal(format!("incident {} vanished", o.event_id))
                    })?
                    .to_exported()?
                    .incident;
                let mut incident = r.incident.clone();
                acled_csv::keep_absent(&mut incident, &current, &spec.absent);
                let r = PreparedRow::new(incident)?;
                if r.digest == o.digest {
                    summary.unchanged += 1;
                    continue;
                }
                summary.revised += 1;
                (Cow::Owned(r), EntryKind::IncidentRevised, o.id)
            }
            None => {
                summary.added += 1;
                (
                    Cow::Borrowed(r),
                    EntryKind::IncidentRecorded,
                    Uuid::now_v7(),
                )
            }
        };
        let at = head.next_time();
        let entry = log::chain_canonical(
            &head.head,
            Draft {
                actor: actor.name().to_string(),
                kind,
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
