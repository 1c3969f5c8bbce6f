//! Read models: what the record looks like to a reader, on a date, as known at a time. The
//! store fills these from its projections; the web layer serializes them as they are.

use crate::command::{Claim, Money};
use crate::{
    Classification, FundingChannel, FundingKind, InstrumentKind, InstrumentStatus, Movement,
    Personnel, PledgeStatus, Reliability, SourceKind, mandate::Expiry,
};
use serde::Serialize;
use time::Date;
use uuid::Uuid;

/// Where a record came from in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordMeta {
    /// The entry behind the current version of the record.
    pub entry_seq: i64,
    /// The entry first recording it (differs from `entry_seq` when corrected).
    pub origin_seq: i64,
    /// True when a correction replaced the original.
    pub corrected: bool,
    /// Record time of the current version (RFC 3339).
    pub recorded_at: String,
    /// Who may read it.
    pub classification: Classification,
    /// Sources it rests on.
    pub sources: Vec<Uuid>,
}

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

/// A source document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceView {
    /// Record id.
    pub id: Uuid,
    /// Kind.
    pub kind: SourceKind,
    /// Title.
    pub title: String,
    /// URL.
    pub url: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Publication date.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published_on: Option<Date>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Admiralty reliability.
    pub reliability: Reliability,
    /// Admiralty credibility.
    pub credibility: i64,
    /// The Admiralty grade as usually written (`B2`).
    pub grade: String,
    /// Free text.
    pub note: Option<String>,
    /// Provenance.
    pub meta: RecordMeta,
}

/// Sources that disagree about a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiscrepancyView {
    /// Record id.
    pub id: Uuid,
    /// The record in dispute.
    pub about: Uuid,
    /// The field in dispute.
    pub field: String,
    /// Every claim.
    pub claims: Vec<Claim>,
    /// Index of the accepted claim.
    pub accepted: usize,
    /// Why.
    pub reason: String,
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

/// One line of the mission timeline.
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
    /// A one-line description built from the record's fields.
    pub summary: String,
    /// Record id.
    pub subject: Uuid,
    /// Provenance.
    pub meta: RecordMeta,
}
