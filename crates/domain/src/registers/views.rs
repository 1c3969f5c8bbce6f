//! Reading the accountability registers: folding each record's events into its current state,
//! the clocks (report within 24 hours, review, handover within 48 hours), the gate before an
//! assignment, compliance figures. Plain functions over plain values; the store supplies the
//! events. The public statistics are [`super::statistics`]'s.

use super::*;
use crate::{Category, Named, RecordMeta};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

/// One event of a register, as the store hands it over. Restricted fields of `command` are
/// `None` unless the reader may see them.
#[derive(Debug, Clone)]
pub struct Event {
    /// The record the event belongs to.
    pub id: Uuid,
    /// Who recorded it (`user:NAME`).
    pub actor: String,
    /// Record time.
    pub recorded_at: OffsetDateTime,
    /// Provenance.
    pub meta: RecordMeta,
    /// The event.
    pub command: RegisterCommand,
    /// Whether the restricted fields were filled in for this reader.
    pub restricted_shown: bool,
}

/// The deadlines the registers are held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// A use-of-force report is late after this many hours.
    pub report_hours: i64,
    /// A detainee must be handed over or released within this many hours of arrest.
    pub handover_hours: i64,
    /// A report's review is overdue this many days after submission.
    pub review_days: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            report_hours: 24,
            handover_hours: 48,
            review_days: 7,
        }
    }
}

/// Whether a report submitted at `submitted` about force used at `occurred` is late.
pub fn is_late(occurred: OffsetDateTime, submitted: OffsetDateTime, hours: i64) -> bool {
    submitted - occurred > Duration::hours(hours)
}

/// Where a detention's handover clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// In custody, deadline not reached.
    Due,
    /// In custody past the deadline.
    Overdue,
    /// Handed over or released by the deadline.
    Met,
    /// Handed over or released after the deadline.
    Breached,
}

impl ClockState {
    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            ClockState::Due => "due",
            ClockState::Overdue => "overdue",
            ClockState::Met => "met",
            ClockState::Breached => "breached",
        }
    }

    /// Every state, in display order.
    pub const ALL: [ClockState; 4] = [
        ClockState::Met,
        ClockState::Breached,
        ClockState::Due,
        ClockState::Overdue,
    ];
}

/// The handover clock: custody from `arrested_at` until `ended_at` (handover or release), held
/// to `hours`, seen at `now`. The deadline itself still counts as on time.
pub fn handover_state(
    arrested_at: OffsetDateTime,
    ended_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
    hours: i64,
) -> ClockState {
    let deadline = arrested_at + Duration::hours(hours);
    match ended_at {
        Some(t) if t <= deadline => ClockState::Met,
        Some(_) => ClockState::Breached,
        None if now <= deadline => ClockState::Due,
        None => ClockState::Overdue,
    }
}

/// Whether a review that has not finished is overdue at `now`.
pub fn review_overdue(
    submitted_at: OffsetDateTime,
    status: ReviewStatus,
    now: OffsetDateTime,
    days: i64,
) -> bool {
    !status.is_final() && now - submitted_at > Duration::days(days)
}

// ---------------------------------------------------------------------------------------------
// Personnel

/// A vetting result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VettingView {
    /// Result.
    pub status: VettingStatus,
    /// Date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Screening body.
    pub by: String,
    /// Restricted: findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<String>,
    /// Sources.
    pub sources: Vec<Uuid>,
}

/// An acknowledgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcknowledgementView {
    /// Document version id.
    pub document: Uuid,
    /// Date signed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
}

/// An assignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignmentView {
    /// Operation.
    pub operation: String,
    /// From.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
}

/// A person in the personnel register.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonView {
    /// Record id (the pseudonym used everywhere else).
    pub id: Uuid,
    /// Mission.
    pub mission: String,
    /// Contributor.
    pub country: String,
    /// Unit.
    pub unit: String,
    /// Category.
    pub category: Category,
    /// First day.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub deployed_from: Date,
    /// Last day (planned, or of an early departure).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub deployed_until: Option<Date>,
    /// Vetting results, oldest first.
    pub vetting: Vec<VettingView>,
    /// Acknowledged document versions.
    pub acknowledgements: Vec<AcknowledgementView>,
    /// Assignments.
    pub assignments: Vec<AssignmentView>,
    /// Restricted: service number, name, rank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<PersonIdentity>,
    /// Provenance of the registration.
    pub meta: RecordMeta,
}

impl PersonView {
    /// Whether the person is deployed on `on`.
    pub fn deployed_on(&self, on: Date) -> bool {
        self.deployed_from <= on && self.deployed_until.is_none_or(|u| on <= u)
    }

    /// The latest vetting result on or before `on`.
    pub fn vetting_on(&self, on: Date) -> Option<VettingStatus> {
        self.vetting
            .iter()
            .filter(|v| v.on <= on)
            .max_by_key(|v| v.on)
            .map(|v| v.status)
    }

    /// Whether the person signed `document` on or before `on`.
    pub fn acknowledged(&self, document: Uuid, on: Date) -> bool {
        self.acknowledgements
            .iter()
            .any(|a| a.document == document && a.on <= on)
    }
}

/// A version of a mission document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentView {
    /// Record id of this version.
    pub id: Uuid,
    /// Mission.
    pub mission: String,
    /// Which document.
    pub kind: DocumentKind,
    /// Version label.
    pub version: String,
    /// Title.
    pub title: String,
    /// In force from.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub effective_on: Date,
    /// Categories bound.
    pub binds: Vec<Category>,
    /// Note.
    pub note: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// The version of `kind` in force for `mission` on `on`: the latest effective on or before it.
pub fn in_force<'a>(
    docs: &'a [DocumentView],
    mission: &str,
    kind: DocumentKind,
    on: Date,
) -> Option<&'a DocumentView> {
    docs.iter()
        .filter(|d| d.mission == mission && d.kind == kind && d.effective_on <= on)
        .max_by_key(|d| (d.effective_on, d.meta.origin_seq))
}

/// Folds the personnel register's events into people, in registration order.
pub fn people(events: &[Event]) -> Vec<PersonView> {
    let mut out: Vec<PersonView> = Vec::new();
    let mut index: HashMap<Uuid, usize> = HashMap::new();
    for e in events {
        match &e.command {
            RegisterCommand::RegisterPerson(p) => {
                index.insert(e.id, out.len());
                out.push(PersonView {
                    id: e.id,
                    mission: p.mission.clone(),
                    country: p.country.clone(),
                    unit: p.unit.clone(),
                    category: p.category,
                    deployed_from: p.deployed_from,
                    deployed_until: p.deployed_until,
                    vetting: Vec::new(),
                    acknowledgements: Vec::new(),
                    assignments: Vec::new(),
                    identity: p.identity.clone(),
                    meta: e.meta.clone(),
                });
            }
            other => {
                let Some(p) = index.get(&e.id).and_then(|i| out.get_mut(*i)) else {
                    continue;
                };
                match other {
                    // An early departure may be a conduct case's interim measure: it shows
                    // only to those who may read why (the reason is restricted).
                    RegisterCommand::RecordDeparture(d) if e.restricted_shown => {
                        p.deployed_until = Some(p.deployed_until.map_or(d.on, |u| u.min(d.on)));
                    }
                    RegisterCommand::RecordDeparture(_) => {}
                    RegisterCommand::RecordVetting(v) => p.vetting.push(VettingView {
                        status: v.status,
                        on: v.on,
                        by: v.by.clone(),
                        findings: v.findings.clone(),
                        sources: e.meta.sources.clone(),
                    }),
                    RegisterCommand::Acknowledge(a) => {
                        p.acknowledgements.push(AcknowledgementView {
                            document: a.document,
                            on: a.on,
                        })
                    }
                    RegisterCommand::Assign(a) => p.assignments.push(AssignmentView {
                        operation: a.operation.clone(),
                        on: a.on,
                    }),
                    _ => {}
                }
            }
        }
    }
    out
}

/// Folds document events into versions.
pub fn documents(events: &[Event]) -> Vec<DocumentView> {
    events
        .iter()
        .filter_map(|e| match &e.command {
            RegisterCommand::IssueDocument(d) => Some(DocumentView {
                id: e.id,
                mission: d.mission.clone(),
                kind: d.kind,
                version: d.version.clone(),
                title: d.title.clone(),
                effective_on: d.effective_on,
                binds: d.binds.clone(),
                note: d.note.clone(),
                meta: e.meta.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// What keeps `person` from being assigned to an operation on `on`; empty when nothing does.
pub fn gate(person: &PersonView, docs: &[DocumentView], on: Date) -> Vec<String> {
    let mut missing = Vec::new();
    if !person.deployed_on(on) {
        missing.push(format!("not deployed on {on}"));
    }
    match person.vetting_on(on) {
        Some(VettingStatus::Cleared) => {}
        Some(s) => missing.push(format!("vetting is {s}, not cleared")),
        None => missing.push("no vetting result".to_string()),
    }
    for kind in GATE_DOCUMENTS {
        match in_force(docs, &person.mission, *kind, on) {
            None => missing.push(format!("no {kind} in force on {on}")),
            Some(d) if !person.acknowledged(d.id, on) => {
                missing.push(format!("{kind} version {} not acknowledged", d.version))
            }
            Some(_) => {}
        }
    }
    missing
}

/// Whether `person` has acknowledged every document version in force on `on` that binds them.
pub fn acknowledgements_current(person: &PersonView, docs: &[DocumentView], on: Date) -> bool {
    DocumentKind::ALL
        .iter()
        .all(|kind| match in_force(docs, &person.mission, *kind, on) {
            Some(d) if d.binds.contains(&person.category) => person.acknowledged(d.id, on),
            _ => true,
        })
}

/// Vetting and acknowledgements of one contributor's deployed personnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Compliance {
    /// Contributor.
    pub country: String,
    /// Deployed on the date.
    pub deployed: i64,
    /// Of whom vetted and cleared.
    pub vetted: i64,
    /// Of whom with every binding document acknowledged in its current version.
    pub acknowledged: i64,
    /// Of whom both.
    pub compliant: i64,
}

impl Compliance {
    /// `part` of `deployed` as a whole percentage (0 when nobody is deployed).
    pub fn percent(&self, part: i64) -> i64 {
        if self.deployed == 0 {
            0
        } else {
            (part * 100 + self.deployed / 2) / self.deployed
        }
    }
}

/// Compliance by contributor for `mission` on `on`, by country code.
pub fn compliance(
    people: &[PersonView],
    docs: &[DocumentView],
    mission: &str,
    on: Date,
) -> Vec<Compliance> {
    let mut by: BTreeMap<&str, Compliance> = BTreeMap::new();
    for p in people
        .iter()
        .filter(|p| p.mission == mission && p.deployed_on(on))
    {
        let c = by.entry(p.country.as_str()).or_insert_with(|| Compliance {
            country: p.country.clone(),
            deployed: 0,
            vetted: 0,
            acknowledged: 0,
            compliant: 0,
        });
        let vetted = p.vetting_on(on) == Some(VettingStatus::Cleared);
        let acked = acknowledgements_current(p, docs, on);
        c.deployed += 1;
        c.vetted += i64::from(vetted);
        c.acknowledged += i64::from(acked);
        c.compliant += i64::from(vetted && acked);
    }
    by.into_values().collect()
}

// ---------------------------------------------------------------------------------------------
// Use of force

/// A step of a review.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewStep {
    /// New status.
    pub status: ReviewStatus,
    /// Reviewer (`user:NAME`).
    pub by: String,
    /// When (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Restricted: reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A use-of-force report with its review.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UseOfForceView {
    /// Record id.
    pub id: Uuid,
    /// Mission.
    pub mission: String,
    /// Contributor.
    pub country: String,
    /// Unit.
    pub unit: String,
    /// When force was used.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub occurred_at: OffsetDateTime,
    /// When the report was submitted.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub submitted_at: OffsetDateTime,
    /// Submitted more than 24 hours after the event.
    pub late: bool,
    /// Where.
    pub place: String,
    /// Highest level of force.
    pub level: ForceLevel,
    /// Rounds fired.
    pub rounds_fired: i64,
    /// Injured.
    pub injured: Casualties,
    /// Killed.
    pub killed: Casualties,
    /// Linked incident.
    pub incident: Option<Uuid>,
    /// Linked detention.
    pub detention: Option<Uuid>,
    /// Review status.
    pub review: ReviewStatus,
    /// Review steps.
    pub reviews: Vec<ReviewStep>,
    /// When the review is due.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub review_due: OffsetDateTime,
    /// The review is not finished and past due.
    pub review_overdue: bool,
    /// Restricted: personnel involved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persons_involved: Option<Vec<Uuid>>,
    /// Restricted: narrative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// Folds use-of-force events into reports.
pub fn use_of_force(events: &[Event], rules: Rules, now: OffsetDateTime) -> Vec<UseOfForceView> {
    let mut out: Vec<UseOfForceView> = Vec::new();
    for e in events {
        match &e.command {
            RegisterCommand::ReportUseOfForce(r) => {
                let submitted_at = r.submitted_at.unwrap_or(e.recorded_at);
                out.push(UseOfForceView {
                    id: e.id,
                    mission: r.mission.clone(),
                    country: r.country.clone(),
                    unit: r.unit.clone(),
                    occurred_at: r.occurred_at,
                    submitted_at,
                    late: is_late(r.occurred_at, submitted_at, rules.report_hours),
                    place: r.place.clone(),
                    level: r.level,
                    rounds_fired: r.rounds_fired,
                    injured: r.injured,
                    killed: r.killed,
                    incident: r.incident,
                    detention: r.detention,
                    review: ReviewStatus::Submitted,
                    reviews: Vec::new(),
                    review_due: submitted_at + Duration::days(rules.review_days),
                    review_overdue: false,
                    persons_involved: r.persons_involved.clone(),
                    narrative: r.narrative.clone(),
                    meta: e.meta.clone(),
                });
            }
            RegisterCommand::ReviewUseOfForce(r) => {
                if let Some(u) = out.iter_mut().find(|u| u.id == e.id) {
                    u.review = r.status;
                    u.reviews.push(ReviewStep {
                        status: r.status,
                        by: e.actor.clone(),
                        at: e.recorded_at,
                        reason: r.reason.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    for u in &mut out {
        u.review_overdue = review_overdue(u.submitted_at, u.review, now, rules.review_days);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Detention

/// A handover to the host-state police.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandoverView {
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Station.
    pub station: String,
    /// Restricted: receiving officer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiving_officer: Option<String>,
}

/// A release.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReleaseView {
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Why.
    pub reason: String,
}

/// A detention with its handover clock.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DetentionView {
    /// Record id.
    pub id: Uuid,
    /// Mission.
    pub mission: String,
    /// Contributor of the arresting unit.
    pub country: String,
    /// Arresting unit.
    pub arresting_unit: String,
    /// Arrest.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub arrested_at: OffsetDateTime,
    /// Place of arrest.
    pub place: String,
    /// Medical check.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub medical_check_at: Option<OffsetDateTime>,
    /// Family notified.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub family_notified_at: Option<OffsetDateTime>,
    /// Harm in custody.
    pub harm_in_custody: Option<CustodyHarm>,
    /// Linked use-of-force report.
    pub use_of_force: Option<Uuid>,
    /// Linked incident.
    pub incident: Option<Uuid>,
    /// Handover, if done.
    pub handover: Option<HandoverView>,
    /// Release, if done.
    pub release: Option<ReleaseView>,
    /// Handover deadline.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub deadline: OffsetDateTime,
    /// Where the clock stands.
    pub clock: ClockState,
    /// Restricted: grounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grounds: Option<String>,
    /// Restricted: the detainee (including the minor flag).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<Detainee>,
    /// Provenance.
    pub meta: RecordMeta,
}

impl DetentionView {
    /// When custody ended (handover or release).
    pub fn ended_at(&self) -> Option<OffsetDateTime> {
        self.handover
            .as_ref()
            .map(|h| h.at)
            .or(self.release.as_ref().map(|r| r.at))
    }

    /// Whether the detainee is a minor (only known to readers of the restricted fields).
    pub fn minor(&self) -> bool {
        self.person.as_ref().is_some_and(|p| p.minor)
    }
}

/// Folds detention events into detentions, with clocks as at `now`.
pub fn detentions(events: &[Event], rules: Rules, now: OffsetDateTime) -> Vec<DetentionView> {
    let mut out: Vec<DetentionView> = Vec::new();
    for e in events {
        match &e.command {
            RegisterCommand::RecordDetention(d) => out.push(DetentionView {
                id: e.id,
                mission: d.mission.clone(),
                country: d.country.clone(),
                arresting_unit: d.arresting_unit.clone(),
                arrested_at: d.arrested_at,
                place: d.place.clone(),
                medical_check_at: d.medical_check_at,
                family_notified_at: d.family_notified_at,
                harm_in_custody: d.harm_in_custody,
                use_of_force: d.use_of_force,
                incident: d.incident,
                handover: None,
                release: None,
                deadline: d.arrested_at + Duration::hours(rules.handover_hours),
                clock: ClockState::Due,
                grounds: d.grounds.clone(),
                person: d.person.clone(),
                meta: e.meta.clone(),
            }),
            RegisterCommand::HandOver(h) => {
                if let Some(d) = out.iter_mut().find(|d| d.id == e.id) {
                    d.handover = Some(HandoverView {
                        at: h.at,
                        station: h.station.clone(),
                        receiving_officer: h.receiving_officer.clone(),
                    });
                }
            }
            RegisterCommand::Release(r) => {
                if let Some(d) = out.iter_mut().find(|d| d.id == e.id) {
                    d.release = Some(ReleaseView {
                        at: r.at,
                        reason: r.reason.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    for d in &mut out {
        d.clock = handover_state(d.arrested_at, d.ended_at(), now, rules.handover_hours);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Complaints and cases

/// A step of a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStep {
    /// New status.
    pub status: CaseStatus,
    /// Date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Who recorded it.
    pub by: String,
    /// Restricted: outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Restricted: actions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<String>,
}

/// A misconduct case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseView {
    /// Record id.
    pub id: Uuid,
    /// Mission.
    pub mission: String,
    /// The complaint it comes from.
    pub complaint: Option<Uuid>,
    /// UN category.
    pub category: ConductCategory,
    /// Opened.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub opened_on: Date,
    /// Restricted (conduct officers only): the allegations — who, and what misconduct.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allegations: Option<Vec<Allegation>>,
    /// Restricted: allegations as the UN counts them (one per type of misconduct per person).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_allegations: Option<i64>,
    /// Investigator.
    pub investigating_entity: Investigator,
    /// Victim referred for assistance.
    pub victim_assistance: bool,
    /// Status.
    pub status: CaseStatus,
    /// Steps after opening.
    pub history: Vec<CaseStep>,
    /// Restricted: summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Restricted: interim measures (latest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interim_measures: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// The allegations of one case as the UN counts them: one per type of misconduct per person.
/// Unidentified persons cannot be told apart, so each of their allegations counts.
pub fn counted_allegations(allegations: &[Allegation]) -> Vec<&Allegation> {
    let mut seen: HashSet<(Uuid, Misconduct)> = HashSet::new();
    allegations
        .iter()
        .filter(|a| match a.person {
            Some(p) => seen.insert((p, a.misconduct)),
            None => true,
        })
        .collect()
}

/// Folds case events into cases.
pub fn cases(events: &[Event]) -> Vec<CaseView> {
    let mut out: Vec<CaseView> = Vec::new();
    for e in events {
        match &e.command {
            RegisterCommand::OpenCase(c) => out.push(CaseView {
                id: e.id,
                mission: c.mission.clone(),
                complaint: c.complaint,
                category: c.category,
                opened_on: c.opened_on,
                counted_allegations: e
                    .restricted_shown
                    .then(|| counted_allegations(&c.allegations).len() as i64),
                allegations: e.restricted_shown.then(|| c.allegations.clone()),
                investigating_entity: c.investigating_entity,
                victim_assistance: c.victim_assistance,
                status: CaseStatus::Received,
                history: Vec::new(),
                summary: c.summary.clone(),
                interim_measures: c.interim_measures.clone(),
                meta: e.meta.clone(),
            }),
            RegisterCommand::UpdateCase(u) => {
                if let Some(c) = out.iter_mut().find(|c| c.id == e.id) {
                    c.status = u.status;
                    if let Some(v) = u.victim_assistance {
                        c.victim_assistance = v;
                    }
                    if u.interim_measures.is_some() {
                        c.interim_measures = u.interim_measures.clone();
                    }
                    c.history.push(CaseStep {
                        status: u.status,
                        on: u.on,
                        by: e.actor.clone(),
                        outcome: u.outcome.clone(),
                        actions: u.actions.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// A complaint as the mission sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintView {
    /// Record id.
    pub id: Uuid,
    /// Mission.
    pub mission: String,
    /// Restricted (whoever holds it, with the secret, may ask the status): public reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Form language.
    pub language: FormLanguage,
    /// Anonymous.
    pub anonymous: bool,
    /// Received.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: OffsetDateTime,
    /// Status: that of its case, or `received` while no case is open.
    pub status: CaseStatus,
    /// Category, once a case is open.
    pub category: Option<ConductCategory>,
    /// The case opened on it.
    pub case: Option<Uuid>,
    /// Restricted: what happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Restricted: when.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub occurred_on: Option<Date>,
    /// Restricted: where.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Restricted: complainant's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Restricted: contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// SHA-256 of the complainant's secret; never serialized.
    #[serde(skip)]
    pub secret_hash: String,
    /// Provenance.
    pub meta: RecordMeta,
}

/// Folds complaint events, taking each complaint's status and category from its case.
pub fn complaints(events: &[Event], cases: &[CaseView]) -> Vec<ComplaintView> {
    events
        .iter()
        .filter_map(|e| match &e.command {
            RegisterCommand::ReceiveComplaint(c) => {
                let case = cases.iter().find(|k| k.complaint == Some(e.id));
                Some(ComplaintView {
                    id: e.id,
                    mission: c.mission.clone(),
                    reference: e.restricted_shown.then(|| c.reference.clone()),
                    language: c.language,
                    anonymous: c.anonymous,
                    received_at: c.received_at.unwrap_or(e.recorded_at),
                    status: case.map_or(CaseStatus::Received, |k| k.status),
                    category: case.map(|k| k.category),
                    case: case.map(|k| k.id),
                    account: c.account.clone(),
                    occurred_on: c.occurred_on,
                    place: c.place.clone(),
                    name: c.name.clone(),
                    contact: c.contact.clone(),
                    secret_hash: c.secret_hash.clone(),
                    meta: e.meta.clone(),
                })
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    fn t(secs: i64) -> OffsetDateTime {
        datetime!(2025-01-01 00:00 UTC) + Duration::seconds(secs)
    }

    proptest! {
        #[test]
        fn handover_clock_is_exactly_one_consistent_state(
            ended in proptest::option::of(0i64..400_000),
            now in 0i64..400_000,
            hours in 1i64..200,
        ) {
            let arrested = t(0);
            let deadline = arrested + Duration::hours(hours);
            let end = ended.map(t);
            let s = handover_state(arrested, end, t(now), hours);
            match end {
                Some(e) => prop_assert_eq!(s, if e <= deadline { ClockState::Met } else { ClockState::Breached }),
                None => prop_assert_eq!(s, if t(now) <= deadline { ClockState::Due } else { ClockState::Overdue }),
            }
        }

        #[test]
        fn an_open_detention_only_goes_from_due_to_overdue(
            a in 0i64..400_000, b in 0i64..400_000, hours in 1i64..200,
        ) {
            let (early, late) = (a.min(b), a.max(b));
            let s1 = handover_state(t(0), None, t(early), hours);
            let s2 = handover_state(t(0), None, t(late), hours);
            prop_assert!(!(s1 == ClockState::Overdue && s2 == ClockState::Due));
        }

        #[test]
        fn a_closed_clock_does_not_move_with_now(
            ended in 0i64..400_000, n1 in 0i64..800_000, n2 in 0i64..800_000, hours in 1i64..200,
        ) {
            prop_assert_eq!(
                handover_state(t(0), Some(t(ended)), t(n1), hours),
                handover_state(t(0), Some(t(ended)), t(n2), hours)
            );
        }

        #[test]
        fn lateness_is_more_than_the_limit(occ in 0i64..1_000_000, delay in 0i64..500_000) {
            let late = is_late(t(occ), t(occ + delay), 24);
            prop_assert_eq!(late, delay > 24 * 3600);
        }

        #[test]
        fn a_finished_review_is_never_overdue(sub in 0i64..100_000, now in 0i64..10_000_000) {
            for s in [ReviewStatus::Cleared, ReviewStatus::Referred] {
                prop_assert!(!review_overdue(t(sub), s, t(now), 7));
            }
            let open = review_overdue(t(sub), ReviewStatus::UnderReview, t(now), 7);
            prop_assert_eq!(open, now - sub > 7 * 86_400);
        }
    }

    #[test]
    fn un_counting_rule_counts_one_per_person_and_type() {
        let p = Uuid::from_u128(1);
        let q = Uuid::from_u128(2);
        let a = |person, misconduct| Allegation {
            person,
            country: "KEN".into(),
            misconduct,
        };
        let list = vec![
            a(Some(p), Misconduct::SexualAbuse),
            a(Some(p), Misconduct::SexualAbuse),
            a(Some(p), Misconduct::SexualExploitation),
            a(Some(q), Misconduct::SexualAbuse),
            a(None, Misconduct::SexualAbuse),
            a(None, Misconduct::SexualAbuse),
        ];
        assert_eq!(counted_allegations(&list).len(), 5);
    }
}
