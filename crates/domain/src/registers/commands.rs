//! The accountability registers' commands: personnel and vetting, mission documents and their
//! acknowledgements, assignments to operations, use-of-force reports, detentions, complaints and
//! misconduct cases, and the audit entry a restricted read leaves behind.
//!
//! Each command carries mission-level fields (counts, dates, units, statuses) and, where the
//! register holds personal data, restricted fields. The restricted fields are the top-level keys
//! [`restricted_keys`] names for the command's kind; they are all `Option`s, so that a command can
//! be rebuilt from the mission-level part alone (the store keeps the two parts apart and a reader
//! without a need to know gets the restricted ones as `None`). Commands that need them say so in
//! their validation.

use super::*;
use crate::text::{check_country, check_date, check_opt_text, check_slug, check_text, check_time};
use crate::{Category, EntryKind, Named, ValidationErrors, from_body, to_body};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Who a person is: the restricted part of the personnel register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonIdentity {
    /// National service number.
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    pub service_number: String,
    /// Full name.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: String,
    /// Rank.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub rank: String,
}

/// An officer, soldier or civilian of a contingent, entered in the personnel register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPerson {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Contributor, ISO 3166-1 alpha-3.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// Unit.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub unit: String,
    /// Police, military or civilian.
    pub category: Category,
    /// First day of deployment.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub deployed_from: Date,
    /// Last day of deployment, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub deployed_until: Option<Date>,
    /// Restricted: service number, name, rank. Required.
    pub identity: Option<PersonIdentity>,
}

/// A person's deployment ends early (repatriation, rotation out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonDeparture {
    /// The person.
    pub person: Uuid,
    /// Last day in the mission.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Restricted (it may be an interim measure of a conduct case): why (rotation,
    /// repatriation, …). Required.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// The result of a person's human-rights screening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewVetting {
    /// The person screened.
    pub person: Uuid,
    /// Pending, cleared or not cleared.
    pub status: VettingStatus,
    /// Date of the result.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Who screened (a body, not a person's name).
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub by: String,
    /// Restricted: what the screening found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<String>,
}

/// A version of a mission document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDocument {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Which document.
    pub kind: DocumentKind,
    /// Version label (`1.0`, `2024-09`).
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    pub version: String,
    /// Title.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub title: String,
    /// In force from.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub effective_on: Date,
    /// The categories of personnel it binds (default: all).
    #[serde(default = "all_categories")]
    pub binds: Vec<Category>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn all_categories() -> Vec<Category> {
    Category::ALL.to_vec()
}

/// A person acknowledges a document version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAcknowledgement {
    /// The person.
    pub person: Uuid,
    /// The document version (its record id).
    pub document: Uuid,
    /// Date signed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
}

/// A person is assigned to an operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAssignment {
    /// The person.
    pub person: Uuid,
    /// The operation's name.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub operation: String,
    /// From when.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
}

/// People hurt or killed, by who they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Casualties {
    /// Civilians.
    #[serde(default)]
    pub civilian: i64,
    /// Suspected gang members.
    #[serde(default)]
    pub suspected_gang_member: i64,
    /// Mission personnel.
    #[serde(default)]
    pub mission: i64,
    /// Host-state police.
    #[serde(default)]
    pub host_state_police: i64,
    /// Not known.
    #[serde(default)]
    pub unknown: i64,
}

impl Casualties {
    /// The categories with their counts, in a fixed order.
    pub fn cells(&self) -> [(&'static str, i64); 5] {
        [
            ("civilian", self.civilian),
            ("suspected_gang_member", self.suspected_gang_member),
            ("mission", self.mission),
            ("host_state_police", self.host_state_police),
            ("unknown", self.unknown),
        ]
    }

    /// Everyone.
    pub fn total(&self) -> i64 {
        self.cells().iter().map(|(_, n)| n).sum()
    }

    fn check(&self, prefix: &str, e: &mut ValidationErrors) {
        for (k, n) in self.cells() {
            if n < 0 {
                e.add(format!("{prefix}.{k}"), "must not be negative");
            } else if n > 10_000 {
                e.add(
                    format!("{prefix}.{k}"),
                    "is implausibly large (over 10,000)",
                );
            }
        }
    }
}

/// A use-of-force report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewUseOfForce {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Contributor of the unit, ISO 3166-1 alpha-3.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// Unit.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub unit: String,
    /// When force was used (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub occurred_at: OffsetDateTime,
    /// Where.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub place: String,
    /// The highest level of force used.
    pub level: ForceLevel,
    /// Rounds fired.
    #[serde(default)]
    pub rounds_fired: i64,
    /// Persons injured, by category.
    #[serde(default)]
    pub injured: Casualties,
    /// Persons killed, by category.
    #[serde(default)]
    pub killed: Casualties,
    /// The incident this use of force belongs to, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Uuid>,
    /// The detention it led to or happened in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detention: Option<Uuid>,
    /// Only for imports of reports made on paper: when the report reached the mission. Reports
    /// recorded through the API are submitted when they are recorded.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub submitted_at: Option<OffsetDateTime>,
    /// Restricted: the personnel involved (personnel register ids).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons_involved: Option<Vec<Uuid>>,
    /// Restricted: what happened. Required.
    pub narrative: Option<String>,
}

/// A step in the review of a use-of-force report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UseOfForceReview {
    /// The report.
    pub report: Uuid,
    /// under_review, cleared or referred.
    pub status: ReviewStatus,
    /// Restricted: the reviewer's reasons. Required to clear or refer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Who was detained: the restricted part of the detention register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Detainee {
    /// Name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: Option<String>,
    /// Sex.
    pub sex: Sex,
    /// Age in years, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 120))]
    pub age: Option<i64>,
    /// Under 18, or thought to be.
    pub minor: bool,
}

/// An arrest and detention by mission personnel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDetention {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Contributor of the arresting unit, ISO 3166-1 alpha-3.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// Arresting unit.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub arresting_unit: String,
    /// Time of arrest (RFC 3339); the handover clock starts here.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub arrested_at: OffsetDateTime,
    /// Place of arrest.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub place: String,
    /// When a medical check was done, if it was.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub medical_check_at: Option<OffsetDateTime>,
    /// When the family was notified, if it was.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub family_notified_at: Option<OffsetDateTime>,
    /// Injury or death in custody, if any; then `use_of_force` or `incident` is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub harm_in_custody: Option<CustodyHarm>,
    /// The use-of-force report linked to the arrest or the harm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_of_force: Option<Uuid>,
    /// The incident linked to the arrest or the harm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Uuid>,
    /// Restricted: the grounds for arrest. Required.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub grounds: Option<String>,
    /// Restricted: who was detained. Required.
    pub person: Option<Detainee>,
}

/// A detainee handed over to the Haitian National Police.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// The detention.
    pub detention: Uuid,
    /// When (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Receiving police station.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub station: String,
    /// Restricted: the receiving officer. Required.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub receiving_officer: Option<String>,
}

/// A detainee released without handover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// The detention.
    pub detention: Uuid,
    /// When (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Why.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// A complaint from the public, as the mission records it. `reference` and `secret_hash` are
/// set by the server; everything the complainant wrote is restricted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewComplaint {
    /// Mission slug (the mission in office when the complaint arrived).
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Restricted (whoever holds it may ask the complaint's status): the public reference
    /// given to the complainant. Required.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub reference: String,
    /// SHA-256 (hex) of the complainant's secret.
    pub secret_hash: String,
    /// Language the form was filled in.
    pub language: FormLanguage,
    /// True when the complainant gave no name and no contact.
    pub anonymous: bool,
    /// Only for imports of complaints received on paper: when the mission received it.
    /// Complaints made through the form are received when they are recorded.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub received_at: Option<OffsetDateTime>,
    /// Restricted: what happened. Required.
    pub account: Option<String>,
    /// Restricted: when it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub occurred_on: Option<Date>,
    /// Restricted: where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Restricted: the complainant's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Restricted: how to reach the complainant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// One allegation: a type of misconduct by one person (or an unidentified one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Allegation {
    /// The person alleged (personnel register id); absent when not identified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Uuid>,
    /// Contributor of the person or unit, ISO 3166-1 alpha-3.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// Type of misconduct.
    pub misconduct: Misconduct,
}

/// A misconduct case opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// The complaint it comes from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint: Option<Uuid>,
    /// UN category.
    pub category: ConductCategory,
    /// Date opened.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub opened_on: Date,
    /// Restricted (with the personnel register they name the accused): the allegations, one
    /// per person and type of misconduct. At least one.
    #[serde(default)]
    pub allegations: Vec<Allegation>,
    /// Who investigates.
    pub investigating_entity: Investigator,
    /// Whether the victim was referred for assistance.
    #[serde(default)]
    pub victim_assistance: bool,
    /// Restricted: what is alleged. Required.
    pub summary: Option<String>,
    /// Restricted: interim measures taken (suspension, repatriation, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interim_measures: Option<String>,
}

/// A case moves on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseUpdate {
    /// The case.
    pub case: Uuid,
    /// The new status.
    pub status: CaseStatus,
    /// Date of the change.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Whether the victim has now been referred for assistance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victim_assistance: Option<bool>,
    /// Restricted: findings or outcome. Required for substantiated and unsubstantiated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Restricted: actions taken (repatriation, sanctions, paternity claims, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<String>,
    /// Restricted: interim measures, when they change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interim_measures: Option<String>,
}

/// A read of restricted data: who read which records, through what. Appended by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordViewed {
    /// The register read.
    pub register: String,
    /// The records whose restricted fields were shown.
    pub records: Vec<Uuid>,
    /// The request that showed them (`GET /api/v1/detentions/…`).
    pub via: String,
}

/// The commands of the accountability registers.
#[derive(Debug, Clone, PartialEq)]
pub enum RegisterCommand {
    /// `person.registered`
    RegisterPerson(NewPerson),
    /// `person.departed`
    RecordDeparture(PersonDeparture),
    /// `vetting.recorded`
    RecordVetting(NewVetting),
    /// `document.issued`
    IssueDocument(NewDocument),
    /// `acknowledgement.recorded`
    Acknowledge(NewAcknowledgement),
    /// `assignment.recorded`
    Assign(NewAssignment),
    /// `use_of_force.reported`
    ReportUseOfForce(NewUseOfForce),
    /// `use_of_force.reviewed`
    ReviewUseOfForce(UseOfForceReview),
    /// `detention.recorded`
    RecordDetention(NewDetention),
    /// `detention.handed_over`
    HandOver(Handover),
    /// `detention.released`
    Release(Release),
    /// `complaint.received`
    ReceiveComplaint(NewComplaint),
    /// `case.opened`
    OpenCase(NewCase),
    /// `case.updated`
    UpdateCase(CaseUpdate),
    /// `record.viewed`
    RecordView(RecordViewed),
}

/// The registers whose restricted data is shown on a need-to-know basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Personnel, vetting, acknowledgements, assignments.
    Personnel,
    /// Use-of-force reports and detentions.
    Force,
    /// Complaints and misconduct cases.
    Complaints,
}

impl Area {
    /// The register an entry kind belongs to (`None` for kinds without restricted data: the
    /// mission's documents, the audit of reads, and every other capability's kinds).
    pub fn of_kind(kind: EntryKind) -> Option<Area> {
        use EntryKind::*;
        Some(match kind {
            PersonRegistered
            | PersonDeparted
            | VettingRecorded
            | AcknowledgementRecorded
            | AssignmentRecorded => Area::Personnel,
            UseOfForceReported | UseOfForceReviewed | DetentionRecorded | DetentionHandedOver
            | DetentionReleased => Area::Force,
            ComplaintReceived | CaseOpened | CaseUpdated => Area::Complaints,
            _ => return None,
        })
    }

    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Personnel => "personnel",
            Area::Force => "force",
            Area::Complaints => "complaints",
        }
    }
}

/// The top-level body fields of an entry kind that are restricted. The store keeps them apart
/// from the rest, and no mission-level or public output ever reads them.
pub fn restricted_keys(kind: EntryKind) -> &'static [&'static str] {
    use EntryKind::*;
    match kind {
        PersonRegistered => &["identity"],
        PersonDeparted => &["reason"],
        VettingRecorded => &["findings"],
        UseOfForceReported => &["persons_involved", "narrative"],
        UseOfForceReviewed => &["reason"],
        DetentionRecorded => &["grounds", "person"],
        DetentionHandedOver => &["receiving_officer"],
        ComplaintReceived => &[
            "reference",
            "account",
            "occurred_on",
            "place",
            "name",
            "contact",
        ],
        CaseOpened => &["allegations", "summary", "interim_measures"],
        CaseUpdated => &["outcome", "actions", "interim_measures"],
        _ => &[],
    }
}

/// Whether entries of this kind hold restricted data (and so are recorded `restricted`, and
/// their content is never shown through the log).
pub fn holds_restricted(kind: EntryKind) -> bool {
    !restricted_keys(kind).is_empty() || kind == EntryKind::RecordViewed
}

impl RegisterCommand {
    /// The log entry kind.
    pub fn kind(&self) -> EntryKind {
        use RegisterCommand::*;
        match self {
            RegisterPerson(_) => EntryKind::PersonRegistered,
            RecordDeparture(_) => EntryKind::PersonDeparted,
            RecordVetting(_) => EntryKind::VettingRecorded,
            IssueDocument(_) => EntryKind::DocumentIssued,
            Acknowledge(_) => EntryKind::AcknowledgementRecorded,
            Assign(_) => EntryKind::AssignmentRecorded,
            ReportUseOfForce(_) => EntryKind::UseOfForceReported,
            ReviewUseOfForce(_) => EntryKind::UseOfForceReviewed,
            RecordDetention(_) => EntryKind::DetentionRecorded,
            HandOver(_) => EntryKind::DetentionHandedOver,
            Release(_) => EntryKind::DetentionReleased,
            ReceiveComplaint(_) => EntryKind::ComplaintReceived,
            OpenCase(_) => EntryKind::CaseOpened,
            UpdateCase(_) => EntryKind::CaseUpdated,
            RecordView(_) => EntryKind::RecordViewed,
        }
    }

    /// The record an event belongs to, when it is not a new record: the person vetted, the
    /// report reviewed, the detention handed over, the case updated.
    pub fn parent(&self) -> Option<Uuid> {
        use RegisterCommand::*;
        match self {
            RecordDeparture(c) => Some(c.person),
            RecordVetting(c) => Some(c.person),
            Acknowledge(c) => Some(c.person),
            Assign(c) => Some(c.person),
            ReviewUseOfForce(c) => Some(c.report),
            HandOver(c) => Some(c.detention),
            Release(c) => Some(c.detention),
            UpdateCase(c) => Some(c.case),
            _ => None,
        }
    }

    /// When the fact happened in the world.
    pub fn valid_on(&self) -> Option<Date> {
        use RegisterCommand::*;
        match self {
            RegisterPerson(c) => Some(c.deployed_from),
            RecordDeparture(c) => Some(c.on),
            RecordVetting(c) => Some(c.on),
            IssueDocument(c) => Some(c.effective_on),
            Acknowledge(c) => Some(c.on),
            Assign(c) => Some(c.on),
            ReportUseOfForce(c) => Some(c.occurred_at.date()),
            RecordDetention(c) => Some(c.arrested_at.date()),
            HandOver(c) => Some(c.at.date()),
            Release(c) => Some(c.at.date()),
            OpenCase(c) => Some(c.opened_on),
            UpdateCase(c) => Some(c.on),
            ReviewUseOfForce(_) | ReceiveComplaint(_) | RecordView(_) => None,
        }
    }

    /// The entry body.
    pub fn body(&self) -> serde_json::Value {
        use RegisterCommand::*;
        match self {
            RegisterPerson(c) => to_body(c),
            RecordDeparture(c) => to_body(c),
            RecordVetting(c) => to_body(c),
            IssueDocument(c) => to_body(c),
            Acknowledge(c) => to_body(c),
            Assign(c) => to_body(c),
            ReportUseOfForce(c) => to_body(c),
            ReviewUseOfForce(c) => to_body(c),
            RecordDetention(c) => to_body(c),
            HandOver(c) => to_body(c),
            Release(c) => to_body(c),
            ReceiveComplaint(c) => to_body(c),
            OpenCase(c) => to_body(c),
            UpdateCase(c) => to_body(c),
            RecordView(c) => to_body(c),
        }
    }

    /// Rebuilds a command from an entry, `None` when the kind is not a register's.
    pub fn from_entry(kind: EntryKind, body: &serde_json::Value) -> Option<Result<Self, String>> {
        use RegisterCommand::*;
        Some(match kind {
            EntryKind::PersonRegistered => from_body(body).map(RegisterPerson),
            EntryKind::PersonDeparted => from_body(body).map(RecordDeparture),
            EntryKind::VettingRecorded => from_body(body).map(RecordVetting),
            EntryKind::DocumentIssued => from_body(body).map(IssueDocument),
            EntryKind::AcknowledgementRecorded => from_body(body).map(Acknowledge),
            EntryKind::AssignmentRecorded => from_body(body).map(Assign),
            EntryKind::UseOfForceReported => from_body(body).map(ReportUseOfForce),
            EntryKind::UseOfForceReviewed => from_body(body).map(ReviewUseOfForce),
            EntryKind::DetentionRecorded => from_body(body).map(RecordDetention),
            EntryKind::DetentionHandedOver => from_body(body).map(HandOver),
            EntryKind::DetentionReleased => from_body(body).map(Release),
            EntryKind::ComplaintReceived => from_body(body).map(ReceiveComplaint),
            EntryKind::CaseOpened => from_body(body).map(OpenCase),
            EntryKind::CaseUpdated => from_body(body).map(UpdateCase),
            EntryKind::RecordViewed => from_body(body).map(RecordView),
            _ => return None,
        })
    }

    /// Field-level checks.
    pub fn check(&self, e: &mut ValidationErrors) {
        use RegisterCommand::*;
        match self {
            RegisterPerson(c) => {
                check_slug("mission", &c.mission, e);
                check_country("country", &c.country, e);
                check_text("unit", &c.unit, 200, e);
                check_date("deployed_from", c.deployed_from, e);
                if let Some(u) = c.deployed_until {
                    check_date("deployed_until", u, e);
                    if u < c.deployed_from {
                        e.add("deployed_until", "must not be before deployed_from");
                    }
                }
                match &c.identity {
                    None => e.add("identity", "is required"),
                    Some(i) => {
                        check_text("identity.service_number", &i.service_number, 50, e);
                        check_text("identity.name", &i.name, 200, e);
                        check_text("identity.rank", &i.rank, 100, e);
                    }
                }
            }
            RecordDeparture(c) => {
                check_date("on", c.on, e);
                check_text("reason", &c.reason, 2000, e);
            }
            RecordVetting(c) => {
                check_date("on", c.on, e);
                check_text("by", &c.by, 200, e);
                check_opt_text("findings", c.findings.as_deref(), e);
            }
            IssueDocument(c) => {
                check_slug("mission", &c.mission, e);
                check_text("version", &c.version, 50, e);
                check_text("title", &c.title, 300, e);
                check_date("effective_on", c.effective_on, e);
                if c.binds.is_empty() {
                    e.add(
                        "binds",
                        "a document binds at least one category of personnel",
                    );
                }
                for (i, k) in c.binds.iter().enumerate() {
                    if c.binds[..i].contains(k) {
                        e.add(format!("binds[{i}]"), "is listed twice");
                    }
                }
                check_opt_text("note", c.note.as_deref(), e);
            }
            Acknowledge(c) => check_date("on", c.on, e),
            Assign(c) => {
                check_text("operation", &c.operation, 200, e);
                check_date("on", c.on, e);
            }
            ReportUseOfForce(c) => {
                check_slug("mission", &c.mission, e);
                check_country("country", &c.country, e);
                check_text("unit", &c.unit, 200, e);
                check_time("occurred_at", c.occurred_at, e);
                check_text("place", &c.place, 300, e);
                if c.rounds_fired < 0 {
                    e.add("rounds_fired", "must not be negative");
                } else if c.rounds_fired > 100_000 {
                    e.add("rounds_fired", "is implausibly large (over 100,000)");
                } else if c.rounds_fired > 0
                    && !matches!(c.level, ForceLevel::LessLethal | ForceLevel::Firearm)
                {
                    e.add(
                        "rounds_fired",
                        "rounds were fired, so the level must be less_lethal or firearm",
                    );
                }
                c.injured.check("injured", e);
                c.killed.check("killed", e);
                if let Some(s) = c.submitted_at {
                    check_time("submitted_at", s, e);
                    if s < c.occurred_at {
                        e.add("submitted_at", "must not be before occurred_at");
                    }
                }
                match &c.narrative {
                    None => e.add("narrative", "is required"),
                    Some(n) => check_text("narrative", n, 10_000, e),
                }
            }
            ReviewUseOfForce(c) => {
                if c.status == ReviewStatus::Submitted {
                    e.add(
                        "status",
                        "a review moves a report to under_review, cleared or referred",
                    );
                }
                if c.status.is_final() && c.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    e.add(
                        "reason",
                        "a reviewer who clears or refers a report says why",
                    );
                }
                check_opt_text("reason", c.reason.as_deref(), e);
            }
            RecordDetention(c) => {
                check_slug("mission", &c.mission, e);
                check_country("country", &c.country, e);
                check_text("arresting_unit", &c.arresting_unit, 200, e);
                check_time("arrested_at", c.arrested_at, e);
                check_text("place", &c.place, 300, e);
                for (f, t) in [
                    ("medical_check_at", c.medical_check_at),
                    ("family_notified_at", c.family_notified_at),
                ] {
                    if let Some(t) = t
                        && t < c.arrested_at
                    {
                        e.add(f, "must not be before arrested_at");
                    }
                }
                if c.harm_in_custody.is_some() && c.use_of_force.is_none() && c.incident.is_none() {
                    e.add(
                        "harm_in_custody",
                        "an injury or death in custody must link a use_of_force report or an incident",
                    );
                }
                match &c.grounds {
                    None => e.add("grounds", "is required"),
                    Some(g) => check_text("grounds", g, 2000, e),
                }
                match &c.person {
                    None => e.add("person", "is required"),
                    Some(p) => {
                        if let Some(n) = &p.name {
                            check_text("person.name", n, 200, e);
                        }
                        if let Some(a) = p.age {
                            if !(0..=120).contains(&a) {
                                e.add("person.age", "must be from 0 to 120");
                            } else if a < 18 && !p.minor {
                                e.add("person.minor", "a detainee under 18 is a minor");
                            } else if a >= 18 && p.minor {
                                e.add("person.minor", "contradicts person.age (18 or over)");
                            }
                        }
                    }
                }
            }
            HandOver(c) => {
                check_time("at", c.at, e);
                check_text("station", &c.station, 200, e);
                match &c.receiving_officer {
                    None => e.add("receiving_officer", "is required"),
                    Some(o) => check_text("receiving_officer", o, 200, e),
                }
            }
            Release(c) => {
                check_time("at", c.at, e);
                check_text("reason", &c.reason, 2000, e);
            }
            ReceiveComplaint(c) => {
                check_slug("mission", &c.mission, e);
                check_text("reference", &c.reference, 40, e);
                if c.secret_hash.len() != 64
                    || !c.secret_hash.chars().all(|ch| ch.is_ascii_hexdigit())
                {
                    e.add("secret_hash", "must be a SHA-256 in hex");
                }
                match &c.account {
                    None => e.add("account", "is required"),
                    Some(a) => check_text("account", a, 10_000, e),
                }
                if let Some(d) = c.occurred_on {
                    check_date("occurred_on", d, e);
                }
                for (f, v, max) in [
                    ("place", &c.place, 300),
                    ("name", &c.name, 200),
                    ("contact", &c.contact, 300),
                ] {
                    if let Some(v) = v
                        && v.chars().count() > max
                    {
                        e.add(f, format!("must be at most {max} characters"));
                    }
                }
                let identified = c.name.as_deref().is_some_and(|s| !s.trim().is_empty())
                    || c.contact.as_deref().is_some_and(|s| !s.trim().is_empty());
                if c.anonymous && identified {
                    e.add(
                        "anonymous",
                        "an anonymous complaint carries no name or contact",
                    );
                }
            }
            OpenCase(c) => {
                check_slug("mission", &c.mission, e);
                check_date("opened_on", c.opened_on, e);
                if c.allegations.is_empty() {
                    e.add("allegations", "a case has at least one allegation");
                }
                for (i, a) in c.allegations.iter().enumerate() {
                    check_country(&format!("allegations[{i}].country"), &a.country, e);
                    if a.misconduct.is_sea() && c.category != ConductCategory::Category1 {
                        e.add(
                            "category",
                            "sexual exploitation and abuse is always category_1",
                        );
                    }
                    if a.person.is_some() && c.allegations[..i].contains(a) {
                        e.add(
                            format!("allegations[{i}]"),
                            "repeats an allegation (one per person and type of misconduct)",
                        );
                    }
                }
                match &c.summary {
                    None => e.add("summary", "is required"),
                    Some(s) => check_text("summary", s, 10_000, e),
                }
                check_opt_text("interim_measures", c.interim_measures.as_deref(), e);
            }
            UpdateCase(c) => {
                check_date("on", c.on, e);
                if c.status == CaseStatus::Received {
                    e.add("status", "a case is received when it is opened");
                }
                if matches!(
                    c.status,
                    CaseStatus::Substantiated | CaseStatus::Unsubstantiated
                ) && c.outcome.as_deref().is_none_or(|o| o.trim().is_empty())
                {
                    e.add(
                        "outcome",
                        "the findings are required to conclude an investigation",
                    );
                }
                for (f, v) in [
                    ("outcome", &c.outcome),
                    ("actions", &c.actions),
                    ("interim_measures", &c.interim_measures),
                ] {
                    check_opt_text(f, v.as_deref(), e);
                }
            }
            RecordView(c) => {
                check_text("register", &c.register, 40, e);
                check_text("via", &c.via, 300, e);
                if c.records.is_empty() {
                    e.add("records", "a view names at least one record");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn detention() -> NewDetention {
        NewDetention {
            mission: "mss".into(),
            country: "KEN".into(),
            arresting_unit: "FPU 1".into(),
            arrested_at: datetime!(2025-03-01 10:00 UTC),
            place: "Delmas 33".into(),
            medical_check_at: None,
            family_notified_at: None,
            harm_in_custody: None,
            use_of_force: None,
            incident: None,
            grounds: Some("caught in the act".into()),
            person: Some(Detainee {
                name: None,
                sex: Sex::Male,
                age: Some(16),
                minor: true,
            }),
        }
    }

    fn fields(c: RegisterCommand) -> Vec<String> {
        let mut e = ValidationErrors::default();
        c.check(&mut e);
        e.0.into_iter().map(|f| f.field).collect()
    }

    #[test]
    fn a_valid_detention_passes() {
        assert!(fields(RegisterCommand::RecordDetention(detention())).is_empty());
    }

    #[test]
    fn harm_in_custody_needs_a_link_and_minors_are_consistent() {
        let mut d = detention();
        d.harm_in_custody = Some(CustodyHarm::Injury);
        d.person = Some(Detainee {
            name: None,
            sex: Sex::Female,
            age: Some(15),
            minor: false,
        });
        d.medical_check_at = Some(datetime!(2025-03-01 09:00 UTC));
        let f = fields(RegisterCommand::RecordDetention(d));
        assert_eq!(
            f,
            vec!["medical_check_at", "harm_in_custody", "person.minor"]
        );
    }

    #[test]
    fn sea_is_always_category_1() {
        let c = NewCase {
            mission: "mss".into(),
            complaint: None,
            category: ConductCategory::Category2,
            opened_on: time::macros::date!(2025 - 01 - 01),
            allegations: vec![Allegation {
                person: None,
                country: "KEN".into(),
                misconduct: Misconduct::SexualExploitation,
            }],
            investigating_entity: Investigator::Contributor,
            victim_assistance: true,
            summary: Some("…".into()),
            interim_measures: None,
        };
        assert_eq!(fields(RegisterCommand::OpenCase(c)), vec!["category"]);
    }

    #[test]
    fn restricted_keys_are_optional_fields_of_their_command() {
        // Every restricted key must be droppable: the command rebuilds from the rest.
        let d = RegisterCommand::RecordDetention(detention());
        let mut body = d.body();
        for k in restricted_keys(d.kind()) {
            assert!(body.get(*k).is_some(), "{k} is not a field");
            body.as_object_mut()
                .map(|o| o.insert((*k).to_string(), serde_json::Value::Null));
        }
        let back = RegisterCommand::from_entry(d.kind(), &body)
            .and_then(Result::ok)
            .expect("rebuilds without its restricted fields");
        let RegisterCommand::RecordDetention(back) = back else {
            panic!("kind changed")
        };
        assert!(back.person.is_none() && back.grounds.is_none());
    }

    #[test]
    fn transitions() {
        assert!(ReviewStatus::Submitted.may_become(ReviewStatus::UnderReview));
        assert!(!ReviewStatus::Submitted.may_become(ReviewStatus::Cleared));
        assert!(!ReviewStatus::Cleared.may_become(ReviewStatus::Referred));
        assert!(CaseStatus::Received.may_become(CaseStatus::Assessed));
        assert!(!CaseStatus::Received.may_become(CaseStatus::Substantiated));
        assert!(!CaseStatus::Closed.may_become(CaseStatus::UnderInvestigation));
    }
}
