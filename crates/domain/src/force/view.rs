//! Force generation's read models: what the record looks like to a reader, on a date, as known
//! at a time — missions and mandates, pledges, authorizations, deployments, funding, a
//! contributor's summary, strength over time and the timeline. The store fills these from its
//! projections; the web layer serializes them as they are.

use super::{
    Expiry, FundingChannel, FundingKind, InstrumentKind, InstrumentStatus, Money, Movement,
    Personnel, PledgeStatus,
};
use crate::RecordMeta;
use serde::Serialize;
use time::Date;
use uuid::Uuid;

/// A mandate instrument.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MandateView {
    /// Record id.
    pub id: Uuid,
    /// Resolution number.
    pub resolution: i64,
    /// Adopted on.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub adopted_on: Date,
    /// Votes for, against, abstaining.
    pub votes: [i64; 3],
    /// Authorization ends.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub mandate_end: Date,
    /// Review date.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub review_on: Option<Date>,
    /// Total personnel ceiling.
    pub ceiling_total: Option<i64>,
    /// Uniformed ceiling.
    pub ceiling_uniformed: Option<i64>,
    /// Civilian ceiling.
    pub ceiling_civilian: Option<i64>,
    /// Summary.
    pub summary: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// A mission with its mandates, succession and the state of its authorization on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MissionView {
    /// Record id.
    pub id: Uuid,
    /// URL slug.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Abbreviation.
    pub short_name: String,
    /// Host state (alpha-3).
    pub host_country: String,
    /// Lead nation (alpha-3).
    pub lead_nation: String,
    /// Start.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub start_date: Date,
    /// Free text.
    pub note: Option<String>,
    /// Mandates adopted on or before the date asked about.
    pub mandates: Vec<MandateView>,
    /// End of the authorization in force on the date asked about.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub authorized_until: Option<Date>,
    /// Expiry warning on the date asked about.
    pub expiry: Option<Expiry>,
    /// Current personnel ceiling (latest mandate that sets one).
    pub ceiling: Option<i64>,
    /// Slug of the mission that succeeded this one, and when.
    pub successor: Option<Succession>,
    /// Slug of the mission this one succeeded.
    pub predecessor: Option<Succession>,
    /// Instruments required of contributors before deployment, on the date asked about.
    pub required_instruments: Vec<InstrumentKind>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// A succession between two missions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Succession {
    /// The mission that ends.
    pub mission: String,
    /// The mission that takes over.
    pub successor: String,
    /// Handover date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Deciding resolution.
    pub resolution: Option<i64>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// One version of a pledge.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PledgeView {
    /// Pledge id (shared by its versions).
    pub id: Uuid,
    /// Contributor.
    pub country: String,
    /// From when these figures stand.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// What this version is: `recorded`, `revised` or `withdrawn`.
    pub change: String,
    /// Active or withdrawn.
    pub status: PledgeStatus,
    /// Personnel.
    pub personnel: Personnel,
    /// Equipment.
    pub equipment: Option<String>,
    /// Money.
    pub money: Option<Money>,
    /// Free text.
    pub note: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// A legal instrument.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationView {
    /// Record id.
    pub id: Uuid,
    /// Contributor.
    pub country: String,
    /// Kind.
    pub kind: InstrumentKind,
    /// What it is.
    pub title: String,
    /// Date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub issued_on: Date,
    /// Status.
    pub status: InstrumentStatus,
    /// Free text.
    pub note: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// A movement of personnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeploymentView {
    /// Record id.
    pub id: Uuid,
    /// Contributor.
    pub country: String,
    /// Arrival, departure, rotation.
    pub movement: Movement,
    /// Date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Personnel who arrived.
    pub arriving: Personnel,
    /// Personnel who left.
    pub leaving: Personnel,
    /// Unit.
    pub unit: Option<String>,
    /// Free text.
    pub note: Option<String>,
    /// Why it was recorded despite a missing instrument.
    pub override_reason: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// Money pledged, received or frozen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundingView {
    /// Record id.
    pub id: Uuid,
    /// Donor.
    pub donor: String,
    /// Pledge, receipt, freeze.
    pub kind: FundingKind,
    /// Channel.
    pub channel: FundingChannel,
    /// Whole currency units.
    pub amount: i64,
    /// ISO 4217.
    pub currency: String,
    /// Date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Free text.
    pub note: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// A contributing country's figures on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContributorSummary {
    /// Alpha-3.
    pub country: String,
    /// English name.
    pub name: String,
    /// Personnel pledged and standing.
    pub pledged: Personnel,
    /// Personnel deployed (computed from movements).
    pub deployed: Personnel,
    /// Required instruments the contributor lacks on the date.
    pub missing_instruments: Vec<InstrumentKind>,
}

/// One point of the strength time series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StrengthPoint {
    /// Date (strength at the end of the day).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// Deployed personnel.
    pub deployed: Personnel,
    /// Pledged personnel.
    pub pledged: Personnel,
    /// Authorized ceiling, if any.
    pub ceiling: Option<i64>,
}

/// What a timeline line reports: finer than the record kind (a pledge may be recorded, revised
/// or withdrawn; a movement is an arrival, a departure or a rotation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineEvent {
    /// A mandate resolution was adopted.
    MandateAdopted,
    /// One mission handed over to another.
    Succession,
    /// A contributor's first pledge version.
    PledgeRecorded,
    /// A later version of a pledge.
    PledgeRevised,
    /// A pledge was withdrawn.
    PledgeWithdrawn,
    /// A legal instrument was recorded.
    Authorization,
    /// Personnel arrived.
    Arrival,
    /// Personnel left.
    Departure,
    /// Personnel arrived while others left.
    Rotation,
    /// Money pledged, received or frozen.
    Funding,
}

/// One line of the mission timeline. Besides the English `summary`, the line carries what it
/// says as data (`what` and the fields that event uses), so a reader can write it in another
/// language and format its numbers and dates; fields an event does not use are left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineItem {
    /// When it happened.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Kind of record (`mandate`, `pledge`, `authorization`, `deployment`, `funding`, `succession`).
    pub kind: String,
    /// Contributor or donor, when there is one.
    pub country: Option<String>,
    /// A one-line description in English built from the record's fields.
    pub summary: String,
    /// What the line reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub what: Option<TimelineEvent>,
    /// Resolution number (mandates; successions when one decided it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<i64>,
    /// Votes for, against, abstaining (mandates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<[i64; 3]>,
    /// End of the authorization the mandate grants.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub until: Option<Date>,
    /// Personnel pledged (pledges) or arriving (arrivals, rotations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personnel: Option<Personnel>,
    /// Personnel leaving (departures, rotations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leaving: Option<Personnel>,
    /// Whole currency units (funding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// ISO 4217 (funding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Pledge, receipt or freeze (funding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding_kind: Option<FundingKind>,
    /// How the money comes (funding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<FundingChannel>,
    /// The instrument's title, as recorded (authorizations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The instrument's kind (authorizations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument_kind: Option<InstrumentKind>,
    /// The instrument's status (authorizations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument_status: Option<InstrumentStatus>,
    /// Slug of the mission that ends (successions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<String>,
    /// Slug of the mission that takes over (successions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// Record id.
    pub subject: Uuid,
    /// Provenance.
    pub meta: RecordMeta,
}

impl TimelineItem {
    /// A line with the fields every line has and nothing said about the event: `what` and every
    /// field an event uses are `None`. Set the ones the record speaks of afterwards, or with
    /// struct update syntax (`TimelineItem { what: Some(…), ..TimelineItem::new(…) }`).
    pub fn new(
        on: Date,
        kind: impl Into<String>,
        country: Option<String>,
        summary: impl Into<String>,
        subject: Uuid,
        meta: RecordMeta,
    ) -> Self {
        TimelineItem {
            on,
            kind: kind.into(),
            country,
            summary: summary.into(),
            what: None,
            resolution: None,
            votes: None,
            until: None,
            personnel: None,
            leaving: None,
            amount: None,
            currency: None,
            funding_kind: None,
            channel: None,
            title: None,
            instrument_kind: None,
            instrument_status: None,
            predecessor: None,
            successor: None,
            subject,
            meta,
        }
    }
}
