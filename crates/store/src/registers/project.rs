//! The accountability registers' projector: the rules an event must meet against the record
//! before it is appended, and its projection into `register_events` with the mission-level
//! fields apart from the restricted ones (which only [`super::query::events`] reads back, under
//! a need-to-know scope).

use super::query::{country_of, record_events};
use crate::{
    Ex, Result, StoreError,
    log::Entry,
    now, on,
    projector::{Asked, Prepared, Projector, RowMeta},
};
use konbit_domain::{
    Classification, DomainError, EntryKind, ValidationErrors,
    registers::{self, Area, RegisterCommand, ReviewStatus, holds_restricted, restricted_keys},
};
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// SHA-256 (lowercase hex) of a complainant's secret. The secret is compared without regard to
/// case or surrounding spaces, since people copy it by hand.
pub fn secret_hash(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(secret.trim().to_uppercase().as_bytes()))
}

/// The `area` column of a register event kind, `None` for kinds without a register row (the
/// audit of reads, and every other capability's kinds).
pub fn area_of(kind: EntryKind) -> Option<&'static str> {
    if kind == EntryKind::DocumentIssued {
        return Some("documents");
    }
    Area::of_kind(kind).map(Area::as_str)
}

/// Splits an entry body into its mission-level and restricted parts.
pub fn split(kind: EntryKind, body: &Value) -> (Value, Option<Value>) {
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

/// The accountability registers' projector.
pub(crate) struct Registers;

impl Projector for Registers {
    type Command = RegisterCommand;

    fn own(cmd: konbit_domain::Command) -> Option<RegisterCommand> {
        match cmd {
            konbit_domain::Command::Register(c) => Some(c),
            _ => None,
        }
    }

    const TABLES: &'static [&'static str] = &["register_events"];

    fn table_of(kind: EntryKind) -> Option<&'static str> {
        area_of(kind).map(|_| "register_events")
    }

    async fn contributor(ex: &mut Ex<'_>, cmd: &RegisterCommand) -> Result<Option<String>> {
        use RegisterCommand::*;
        Ok(match cmd {
            RegisterPerson(c) => Some(c.country.clone()),
            ReportUseOfForce(c) => Some(c.country.clone()),
            RecordDetention(c) => Some(c.country.clone()),
            other => match other.parent() {
                Some(id) => country_of(ex, id).await?,
                None => None,
            },
        })
    }

    async fn prepare(
        ex: &mut Ex<'_>,
        cmd: &RegisterCommand,
        asked: &Asked<'_>,
    ) -> Result<Prepared> {
        check(ex, cmd, asked.actor.is_system()).await?;
        let kind = cmd.kind();
        // Entries holding restricted register data are always `restricted` (so the log never
        // shows their content to anyone); the other events of the registers are at least
        // `mission`.
        let classification = if holds_restricted(kind) {
            Classification::Restricted
        } else if Area::of_kind(kind).is_some() {
            asked.classification.max(Classification::Mission)
        } else {
            asked.classification
        };
        Ok(Prepared {
            subject: cmd.parent().unwrap_or_else(|| asked.fresh()),
            classification,
        })
    }

    async fn apply(ex: &mut Ex<'_>, e: &Entry, m: &RowMeta, cmd: &RegisterCommand) -> Result<()> {
        insert(ex, m, &e.actor, cmd).await
    }
}

/// Inserts one register event row. A later event of a record takes the record's mission and
/// country from its first event.
async fn insert(ex: &mut Ex<'_>, m: &RowMeta, actor: &str, cmd: &RegisterCommand) -> Result<()> {
    let kind = cmd.kind();
    let Some(area) = area_of(kind) else {
        return Ok(());
    };
    use RegisterCommand::*;
    let (mission, country) = match cmd {
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
                StoreError::Internal(format!("{kind} about unknown record {}", m.id))
            })?
        }
    };
    // A register row holds the mission-level fields (the restricted ones sit apart), so it is
    // read at mission level even when its entry is restricted.
    let class = Classification::Mission.rank();
    let (detail, restricted) = split(kind, &cmd.body());
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
    .bind(class)
    .bind(&m.sources)
    .bind(actor)
    .bind(kind.as_str())
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

fn not_found(field: &str, what: &str, id: Uuid) -> StoreError {
    DomainError::invalid(field, format!("no {what} with id {id}")).into()
}

/// Times in the world may not be later than now (a few minutes of clock skew allowed).
fn not_future(field: &str, t: OffsetDateTime, e: &mut ValidationErrors) {
    if t > now() + Duration::minutes(5) {
        e.add(field, "is in the future");
    }
}

async fn subject_exists(ex: &mut Ex<'_>, id: Uuid, kind: Option<EntryKind>) -> Result<bool> {
    let n: i64 = match kind {
        Some(k) => on!(ex, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM log WHERE subject = $1 AND kind = $2"
        )
        .bind(id)
        .bind(k.as_str())
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
        RegisterPerson(c) => crate::force::require_mission(ex, "mission", &c.mission).await?,
        IssueDocument(c) => {
            crate::force::require_mission(ex, "mission", &c.mission).await?;
            let docs = registers::documents(&record_events(ex, "documents", None).await?);
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
            let people = registers::people(&record_events(ex, "personnel", id).await?);
            let person = people
                .first()
                .ok_or_else(|| not_found("person", "person", id))?;
            match cmd {
                RecordDeparture(d) if d.on < person.deployed_from => e.add(
                    "on",
                    format!("is before the deployment began ({})", person.deployed_from),
                ),
                Acknowledge(a) => {
                    let docs = registers::documents(&record_events(ex, "documents", None).await?);
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
                    let docs = registers::documents(&record_events(ex, "documents", None).await?);
                    let missing = registers::gate(person, &docs, a.on);
                    if !missing.is_empty() {
                        return Err(DomainError::NotEligible { missing }.into());
                    }
                }
                _ => {}
            }
        }
        ReportUseOfForce(c) => {
            crate::force::require_mission(ex, "mission", &c.mission).await?;
            not_future("occurred_at", c.occurred_at, &mut e);
            if c.submitted_at.is_some() && !system {
                e.add(
                    "submitted_at",
                    "is set by the server when the report is recorded; only an import of paper \
                     reports may give it",
                );
            }
            if let Some(d) = c.detention
                && !subject_exists(ex, d, Some(EntryKind::DetentionRecorded)).await?
            {
                e.add("detention", format!("no detention with id {d}"));
            }
            if let Some(i) = c.incident
                && !subject_exists(ex, i, None).await?
            {
                e.add("incident", format!("no record with id {i}"));
            }
            for (i, p) in c.persons_involved.iter().flatten().enumerate() {
                if !subject_exists(ex, *p, Some(EntryKind::PersonRegistered)).await? {
                    e.add(
                        format!("persons_involved[{i}]"),
                        format!("no person with id {p}"),
                    );
                }
            }
        }
        ReviewUseOfForce(r) => {
            let reports = registers::use_of_force(
                &record_events(ex, "force", r.report).await?,
                registers::Rules::default(),
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
            crate::force::require_mission(ex, "mission", &c.mission).await?;
            not_future("arrested_at", c.arrested_at, &mut e);
            if let Some(u) = c.use_of_force
                && !subject_exists(ex, u, Some(EntryKind::UseOfForceReported)).await?
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
            let list = registers::detentions(
                &record_events(ex, "force", id).await?,
                registers::Rules::default(),
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
            crate::force::require_mission(ex, "mission", &c.mission).await?;
            if c.received_at.is_some() && !system {
                e.add(
                    "received_at",
                    "is set by the server when the complaint is recorded; only an import of \
                     paper complaints may give it",
                );
            }
        }
        OpenCase(c) => {
            crate::force::require_mission(ex, "mission", &c.mission).await?;
            if let Some(k) = c.complaint {
                if !subject_exists(ex, k, Some(EntryKind::ComplaintReceived)).await? {
                    e.add("complaint", format!("no complaint with id {k}"));
                } else {
                    let cases = registers::cases(&record_events(ex, "complaints", None).await?);
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
                    && !subject_exists(ex, p, Some(EntryKind::PersonRegistered)).await?
                {
                    e.add(
                        format!("allegations[{i}].person"),
                        format!("no person with id {p}"),
                    );
                }
            }
        }
        UpdateCase(u) => {
            let cases = registers::cases(&record_events(ex, "complaints", u.case).await?);
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
