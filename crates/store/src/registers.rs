//! The accountability registers in the store: projecting their events with the mission-level
//! fields apart from the restricted ones, reading them back under a need-to-know [`Scope`], and
//! the rules an event must meet against the record before it is appended.
//!
//! Restricted fields are only ever selected by [`events`], and only for the records the scope
//! covers — the filter is in the SQL, so nothing restricted of a record outside the scope leaves
//! the database. Callers that show restricted fields record the read (`record.viewed`).

use crate::{
    Ex, Result, StoreError, now, on,
    query::{self, Meta, Visibility},
};
use konbit_domain::{
    DomainError, ValidationErrors,
    access::Scope,
    accountability::{self, Event},
    registers::{Area, RegisterCommand, ReviewStatus, restricted_keys},
};
use serde_json::{Map, Value};
use sqlx::FromRow;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// SHA-256 (lowercase hex) of a complainant's secret. The secret is compared without regard to
/// case or surrounding spaces, since people copy it by hand.
pub fn secret_hash(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(secret.trim().to_uppercase().as_bytes()))
}

/// The `area` column of a register event kind, `None` for kinds without a register row.
pub fn area_of(kind: &str) -> Option<&'static str> {
    if kind.starts_with("document.") {
        return Some("documents");
    }
    if kind == "record.viewed" {
        return None;
    }
    Area::of_kind(kind).map(Area::as_str)
}

/// Splits an entry body into its mission-level and restricted parts.
pub fn split(kind: &str, body: &Value) -> (Value, Option<Value>) {
    let mut detail = body.as_object().cloned().unwrap_or_default();
    let mut restricted = Map::new();
    for k in restricted_keys(kind) {
        if let Some(v) = detail.remove(*k)
            && !v.is_null()
        {
            restricted.insert((*k).to_string(), v);
        }
    }
    let restricted = (!restricted.is_empty()).then_some(Value::Object(restricted));
    (Value::Object(detail), restricted)
}

/// The columns of a projected event besides the shared ones.
pub(crate) struct Projected<'a> {
    pub actor: &'a str,
    pub kind: &'a str,
    pub command: &'a RegisterCommand,
}

/// Inserts one register event row. A later event of a record takes the record's mission and
/// country from its first event.
pub(crate) async fn insert(
    ex: &mut Ex<'_>,
    m: &crate::project::MetaIn,
    p: Projected<'_>,
) -> Result<()> {
    let Some(area) = area_of(p.kind) else {
        return Ok(());
    };
    use RegisterCommand::*;
    let (mission, country) = match p.command {
        RegisterPerson(c) => (c.mission.clone(), Some(c.country.clone())),
        IssueDocument(c) => (c.mission.clone(), None),
        ReportUseOfForce(c) => (c.mission.clone(), Some(c.country.clone())),
        RecordDetention(c) => (c.mission.clone(), Some(c.country.clone())),
        ReceiveComplaint(c) => (c.mission.clone(), None),
        OpenCase(c) => (
            c.mission.clone(),
            c.allegations.first().map(|a| a.country.clone()),
        ),
        _ => {
            let first: Option<(String, Option<String>)> = on!(ex, |c| sqlx::query_as(
                "SELECT mission, country FROM register_events WHERE id = $1 \
                 ORDER BY entry_seq LIMIT 1"
            )
            .bind(m.id)
            .fetch_optional(c)
            .await)?;
            first.ok_or_else(|| {
                StoreError::Internal(format!("{} about unknown record {}", p.kind, m.id))
            })?
        }
    };
    let (detail, restricted) = split(p.kind, &p.command.body());
    let detail = detail.to_string();
    let restricted = restricted.map(|r| r.to_string());
    on!(ex, |c| sqlx::query(
        "INSERT INTO register_events (entry_seq, origin_seq, id, recorded_us, class, sources, \
         actor, kind, area, mission, country, detail, restricted) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    )
    .bind(m.entry_seq)
    .bind(m.origin_seq)
    .bind(m.id)
    .bind(m.recorded_us)
    .bind(m.class)
    .bind(&m.sources)
    .bind(p.actor)
    .bind(p.kind)
    .bind(area)
    .bind(&mission)
    .bind(&country)
    .bind(&detail)
    .bind(&restricted)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

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
    pub kind: &'a str,
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
            query::VISIBLE,
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
        query::VISIBLE
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
                q.bind(p.kind)
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
    let mut body: Map<String, Value> =
        serde_json::from_str(&r.detail).map_err(StoreError::internal)?;
    let shown = r.restricted.is_some();
    if let Some(restricted) = &r.restricted {
        let extra: Map<String, Value> =
            serde_json::from_str(restricted).map_err(StoreError::internal)?;
        body.extend(extra);
    }
    let command = RegisterCommand::from_entry(&r.kind, &Value::Object(body))
        .ok_or_else(|| StoreError::Internal(format!("{} is not a register kind", r.kind)))?
        .map_err(StoreError::Internal)?;
    let recorded_at =
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(r.meta.recorded_us) * 1000)
            .map_err(StoreError::internal)?;
    Ok(Event {
        id: r.meta.id,
        actor: r.actor,
        recorded_at,
        meta: r.meta.view(),
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

async fn record_events(ex: &mut Ex<'_>, area: &str, id: Uuid) -> Result<Vec<Event>> {
    events(ex, area, Select::One(id), Visibility::ALL, &Scope::All).await
}

fn not_found(field: &str, what: &str, id: Uuid) -> StoreError {
    DomainError::invalid(field, format!("no {what} with id {id}")).into()
}

/// Times in the world may not be later than now (a few minutes of clock skew allowed).
fn not_future(field: &str, t: OffsetDateTime, e: &mut ValidationErrors) {
    if t > now() + Duration::minutes(5) {
        e.add(field, "is in the future");
    }
}

async fn subject_exists(ex: &mut Ex<'_>, id: Uuid, kind: Option<&str>) -> Result<bool> {
    let n: i64 = match kind {
        Some(k) => on!(ex, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM log WHERE subject = $1 AND kind = $2"
        )
        .bind(id)
        .bind(k)
        .fetch_one(c)
        .await)?,
        None => on!(ex, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM log WHERE subject = $1"
        )
        .bind(id)
        .fetch_one(c)
        .await)?,
    };
    Ok(n > 0)
}

/// The rules a register event must meet against the record. `system` is true for scenario
/// loads and imports, which alone may say when a paper report was submitted.
pub(crate) async fn check(ex: &mut Ex<'_>, cmd: &RegisterCommand, system: bool) -> Result<()> {
    use RegisterCommand::*;
    let mut e = ValidationErrors::default();
    match cmd {
        RegisterPerson(c) => crate::project::require_mission(ex, "mission", &c.mission).await?,
        IssueDocument(c) => {
            crate::project::require_mission(ex, "mission", &c.mission).await?;
            let docs = accountability::documents(
                &events(ex, "documents", Select::All, Visibility::ALL, &Scope::All).await?,
            );
            if docs
                .iter()
                .any(|d| d.mission == c.mission && d.kind == c.kind && d.version == c.version)
            {
                return Err(DomainError::Conflict(format!(
                    "{} version {} is already recorded",
                    c.kind, c.version
                ))
                .into());
            }
        }
        RecordDeparture(_) | RecordVetting(_) | Acknowledge(_) | Assign(_) => {
            let Some(id) = cmd.parent() else {
                return Ok(());
            };
            let people = accountability::people(&record_events(ex, "personnel", id).await?);
            let person = people
                .first()
                .ok_or_else(|| not_found("person", "person", id))?;
            match cmd {
                RecordDeparture(d) if d.on < person.deployed_from => e.add(
                    "on",
                    format!("is before the deployment began ({})", person.deployed_from),
                ),
                Acknowledge(a) => {
                    let docs = accountability::documents(
                        &events(ex, "documents", Select::All, Visibility::ALL, &Scope::All).await?,
                    );
                    match docs.iter().find(|d| d.id == a.document) {
                        None => e.add("document", format!("no document with id {}", a.document)),
                        Some(d) if d.mission != person.mission => {
                            e.add("document", "is a document of another mission")
                        }
                        Some(d) if !d.binds.contains(&person.category) => e.add(
                            "document",
                            format!("does not bind {} personnel", person.category),
                        ),
                        Some(_) => {}
                    }
                }
                Assign(a) => {
                    let docs = accountability::documents(
                        &events(ex, "documents", Select::All, Visibility::ALL, &Scope::All).await?,
                    );
                    let missing = accountability::gate(person, &docs, a.on);
                    if !missing.is_empty() {
                        return Err(DomainError::NotEligible { missing }.into());
                    }
                }
                _ => {}
            }
        }
        ReportUseOfForce(c) => {
            crate::project::require_mission(ex, "mission", &c.mission).await?;
            not_future("occurred_at", c.occurred_at, &mut e);
            if c.submitted_at.is_some() && !system {
                e.add(
                    "submitted_at",
                    "is set by the server when the report is recorded; only an import of paper \
                     reports may give it",
                );
            }
            if let Some(d) = c.detention
                && !subject_exists(ex, d, Some("detention.recorded")).await?
            {
                e.add("detention", format!("no detention with id {d}"));
            }
            if let Some(i) = c.incident
                && !subject_exists(ex, i, None).await?
            {
                e.add("incident", format!("no record with id {i}"));
            }
            for (i, p) in c.persons_involved.iter().flatten().enumerate() {
                if !subject_exists(ex, *p, Some("person.registered")).await? {
                    e.add(
                        format!("persons_involved[{i}]"),
                        format!("no person with id {p}"),
                    );
                }
            }
        }
        ReviewUseOfForce(r) => {
            let reports = accountability::use_of_force(
                &record_events(ex, "force", r.report).await?,
                accountability::Rules::default(),
                now(),
            );
            let report = reports
                .first()
                .ok_or_else(|| not_found("report", "use-of-force report", r.report))?;
            if !report.review.may_become(r.status) {
                return Err(DomainError::Conflict(format!(
                    "a report that is {} cannot become {}{}",
                    report.review,
                    r.status,
                    if report.review == ReviewStatus::Submitted {
                        " (put it under_review first)"
                    } else {
                        ""
                    }
                ))
                .into());
            }
        }
        RecordDetention(c) => {
            crate::project::require_mission(ex, "mission", &c.mission).await?;
            not_future("arrested_at", c.arrested_at, &mut e);
            if let Some(u) = c.use_of_force
                && !subject_exists(ex, u, Some("use_of_force.reported")).await?
            {
                e.add(
                    "use_of_force",
                    format!("no use-of-force report with id {u}"),
                );
            }
            if let Some(i) = c.incident
                && !subject_exists(ex, i, None).await?
            {
                e.add("incident", format!("no record with id {i}"));
            }
        }
        HandOver(_) | Release(_) => {
            let Some(id) = cmd.parent() else {
                return Ok(());
            };
            let at = match cmd {
                HandOver(h) => h.at,
                Release(r) => r.at,
                _ => return Ok(()),
            };
            let list = accountability::detentions(
                &record_events(ex, "force", id).await?,
                accountability::Rules::default(),
                now(),
            );
            let d = list
                .iter()
                .find(|d| d.id == id)
                .ok_or_else(|| not_found("detention", "detention", id))?;
            if d.ended_at().is_some() {
                return Err(DomainError::Conflict(
                    "the detainee was already handed over or released".into(),
                )
                .into());
            }
            not_future("at", at, &mut e);
            if at < d.arrested_at {
                e.add(
                    "at",
                    format!(
                        "is before the arrest ({})",
                        d.arrested_at
                            .format(&time::format_description::well_known::Rfc3339)
                            .unwrap_or_default()
                    ),
                );
            }
        }
        ReceiveComplaint(c) => {
            crate::project::require_mission(ex, "mission", &c.mission).await?;
            if c.received_at.is_some() && !system {
                e.add(
                    "received_at",
                    "is set by the server when the complaint is recorded; only an import of \
                     paper complaints may give it",
                );
            }
        }
        OpenCase(c) => {
            crate::project::require_mission(ex, "mission", &c.mission).await?;
            if let Some(k) = c.complaint {
                if !subject_exists(ex, k, Some("complaint.received")).await? {
                    e.add("complaint", format!("no complaint with id {k}"));
                } else {
                    let cases = accountability::cases(
                        &events(
                            ex,
                            "complaints",
                            Select::All,
                            Visibility::ALL,
                            &Scope::Nothing,
                        )
                        .await?,
                    );
                    if let Some(other) = cases.iter().find(|x| x.complaint == Some(k)) {
                        return Err(DomainError::Conflict(format!(
                            "case {} is already open on that complaint",
                            other.id
                        ))
                        .into());
                    }
                }
            }
            for (i, a) in c.allegations.iter().enumerate() {
                if let Some(p) = a.person
                    && !subject_exists(ex, p, Some("person.registered")).await?
                {
                    e.add(
                        format!("allegations[{i}].person"),
                        format!("no person with id {p}"),
                    );
                }
            }
        }
        UpdateCase(u) => {
            let cases = accountability::cases(&record_events(ex, "complaints", u.case).await?);
            let case = cases
                .first()
                .ok_or_else(|| not_found("case", "case", u.case))?;
            if !case.status.may_become(u.status) {
                return Err(DomainError::Conflict(format!(
                    "a case that is {} cannot become {}",
                    case.status, u.status
                ))
                .into());
            }
            if u.on < case.opened_on {
                e.add(
                    "on",
                    format!("is before the case was opened ({})", case.opened_on),
                );
            }
        }
        RecordView(_) => {}
    }
    Ok(e.into_result()?)
}
