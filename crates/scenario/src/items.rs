//! The items of a scenario file as written: each table of the TOML format
//! (`docs/scenario-format.md`) with its scenario-local key, the keys of its sources and its
//! classification, read strictly (an unknown field is an error naming the file and item).

use konbit_domain::force::*;
use konbit_domain::situation::acled::{ActorType, EventType, SubEventType};
use konbit_domain::{
    Category, Classification, Reliability, SourceKind,
    registers::{
        CaseStatus, Casualties, ConductCategory, CustodyHarm, Detainee, DocumentKind, ForceLevel,
        FormLanguage, Investigator, Misconduct, ReviewStatus, VettingStatus,
    },
    situation::{
        self as sit, DesignationKind, GroupKind, Indicator, Leader, Qualifier, Verification,
    },
};
use serde::Deserialize;
use time::{Date, OffsetDateTime};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceItem {
    pub(crate) key: String,
    pub(crate) kind: SourceKind,
    pub(crate) title: String,
    pub(crate) url: Option<String>,
    pub(crate) reference: Option<String>,
    pub(crate) published_on: Option<Date>,
    pub(crate) outlet: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) reliability: Reliability,
    pub(crate) credibility: i64,
    pub(crate) note: Option<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MissionItem {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) short_name: String,
    pub(crate) host_country: String,
    pub(crate) lead_nation: String,
    pub(crate) start_date: Date,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MandateItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) resolution: i64,
    pub(crate) adopted_on: Date,
    pub(crate) votes_for: i64,
    pub(crate) votes_against: i64,
    pub(crate) votes_abstain: i64,
    pub(crate) mandate_end: Date,
    pub(crate) review_on: Option<Date>,
    pub(crate) ceiling_total: Option<i64>,
    pub(crate) ceiling_uniformed: Option<i64>,
    pub(crate) ceiling_civilian: Option<i64>,
    pub(crate) summary: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SuccessionItem {
    pub(crate) mission: String,
    pub(crate) successor: String,
    pub(crate) on: Date,
    pub(crate) resolution: Option<i64>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RequirementItem {
    pub(crate) mission: String,
    pub(crate) from: Date,
    pub(crate) instruments: Vec<InstrumentKind>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PledgeItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) country: String,
    pub(crate) pledged_on: Date,
    #[serde(default)]
    pub(crate) police: i64,
    #[serde(default)]
    pub(crate) military: i64,
    #[serde(default)]
    pub(crate) civilian: i64,
    pub(crate) equipment: Option<String>,
    pub(crate) money_amount: Option<i64>,
    pub(crate) money_currency: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RevisionItem {
    pub(crate) pledge: String,
    pub(crate) on: Date,
    #[serde(default)]
    pub(crate) police: i64,
    #[serde(default)]
    pub(crate) military: i64,
    #[serde(default)]
    pub(crate) civilian: i64,
    pub(crate) equipment: Option<String>,
    pub(crate) money_amount: Option<i64>,
    pub(crate) money_currency: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WithdrawalItem {
    pub(crate) pledge: String,
    pub(crate) on: Date,
    pub(crate) reason: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AuthorizationItem {
    pub(crate) key: Option<String>,
    pub(crate) mission: String,
    pub(crate) country: String,
    pub(crate) kind: InstrumentKind,
    pub(crate) title: String,
    pub(crate) issued_on: Date,
    pub(crate) status: InstrumentStatus,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeploymentItem {
    pub(crate) key: Option<String>,
    pub(crate) mission: String,
    pub(crate) country: String,
    pub(crate) movement: Movement,
    pub(crate) on: Date,
    #[serde(default)]
    pub(crate) police: i64,
    #[serde(default)]
    pub(crate) military: i64,
    #[serde(default)]
    pub(crate) civilian: i64,
    #[serde(default)]
    pub(crate) out_police: i64,
    #[serde(default)]
    pub(crate) out_military: i64,
    #[serde(default)]
    pub(crate) out_civilian: i64,
    pub(crate) unit: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) override_reason: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FundingItem {
    pub(crate) key: Option<String>,
    pub(crate) mission: String,
    pub(crate) donor: String,
    pub(crate) kind: FundingKind,
    pub(crate) channel: FundingChannel,
    pub(crate) amount: i64,
    pub(crate) currency: String,
    pub(crate) on: Date,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClaimItem {
    pub(crate) value: String,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiscrepancyItem {
    pub(crate) about: String,
    pub(crate) field: String,
    pub(crate) accepted: usize,
    pub(crate) reason: String,
    pub(crate) claim: Vec<ClaimItem>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

// ------------------------------------------------------------------------------------------------
// Accountability registers. Restricted fields (identities, narratives, grounds, accounts, …) are
// plain fields here; the write path files them apart as it does for the API.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) kind: DocumentKind,
    pub(crate) version: String,
    pub(crate) title: String,
    pub(crate) effective_on: Date,
    pub(crate) binds: Option<Vec<Category>>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) country: String,
    pub(crate) unit: String,
    pub(crate) category: Category,
    pub(crate) deployed_from: Date,
    pub(crate) deployed_until: Option<Date>,
    pub(crate) service_number: String,
    pub(crate) name: String,
    pub(crate) rank: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DepartureItem {
    pub(crate) person: String,
    pub(crate) on: Date,
    pub(crate) reason: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VettingItem {
    pub(crate) person: String,
    pub(crate) status: VettingStatus,
    pub(crate) on: Date,
    pub(crate) by: String,
    pub(crate) findings: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AcknowledgementItem {
    pub(crate) person: String,
    pub(crate) on: Date,
    pub(crate) documents: Vec<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssignmentItem {
    pub(crate) person: String,
    pub(crate) operation: String,
    pub(crate) on: Date,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UseOfForceItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) country: String,
    pub(crate) unit: String,
    #[serde(with = "time::serde::rfc3339")]
    pub(crate) occurred_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub(crate) submitted_at: OffsetDateTime,
    pub(crate) place: String,
    pub(crate) level: ForceLevel,
    #[serde(default)]
    pub(crate) rounds_fired: i64,
    #[serde(default)]
    pub(crate) injured: Casualties,
    #[serde(default)]
    pub(crate) killed: Casualties,
    pub(crate) detention: Option<String>,
    #[serde(default)]
    pub(crate) persons_involved: Vec<String>,
    pub(crate) narrative: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewItem {
    pub(crate) report: String,
    pub(crate) status: ReviewStatus,
    pub(crate) reason: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DetentionItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) country: String,
    pub(crate) arresting_unit: String,
    #[serde(with = "time::serde::rfc3339")]
    pub(crate) arrested_at: OffsetDateTime,
    pub(crate) place: String,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub(crate) medical_check_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub(crate) family_notified_at: Option<OffsetDateTime>,
    pub(crate) harm_in_custody: Option<CustodyHarm>,
    pub(crate) use_of_force: Option<String>,
    pub(crate) grounds: String,
    pub(crate) detainee: Detainee,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HandoverItem {
    pub(crate) detention: String,
    #[serde(with = "time::serde::rfc3339")]
    pub(crate) at: OffsetDateTime,
    pub(crate) station: String,
    pub(crate) receiving_officer: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReleaseItem {
    pub(crate) detention: String,
    #[serde(with = "time::serde::rfc3339")]
    pub(crate) at: OffsetDateTime,
    pub(crate) reason: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ComplaintItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) reference: String,
    /// In clear in the file (a demo secret); only its SHA-256 is recorded.
    pub(crate) secret: String,
    pub(crate) language: FormLanguage,
    #[serde(default)]
    pub(crate) anonymous: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub(crate) received_at: OffsetDateTime,
    pub(crate) account: String,
    pub(crate) occurred_on: Option<Date>,
    pub(crate) place: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) contact: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllegationItem {
    pub(crate) person: Option<String>,
    pub(crate) country: String,
    pub(crate) misconduct: Misconduct,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseItem {
    pub(crate) key: String,
    pub(crate) mission: String,
    pub(crate) complaint: Option<String>,
    pub(crate) category: ConductCategory,
    pub(crate) opened_on: Date,
    pub(crate) allegation: Vec<AllegationItem>,
    pub(crate) investigating_entity: Investigator,
    #[serde(default)]
    pub(crate) victim_assistance: bool,
    pub(crate) summary: String,
    pub(crate) interim_measures: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseUpdateItem {
    pub(crate) case: String,
    pub(crate) status: CaseStatus,
    pub(crate) on: Date,
    pub(crate) victim_assistance: Option<bool>,
    pub(crate) outcome: Option<String>,
    pub(crate) actions: Option<String>,
    pub(crate) interim_measures: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

// ------------------------------------------------------------------------------------------------
// The situational picture (situation.toml): incidents and their verification, armed groups and
// their designations, site and route statuses, indicators.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FatalityClaimItem {
    pub(crate) figure: String,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
}

/// An incident. It has `notes` (what happened), not `note`: the command has no other free text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IncidentItem {
    pub(crate) event_id: String,
    pub(crate) event_date: Date,
    pub(crate) time_precision: u8,
    pub(crate) event_type: EventType,
    pub(crate) sub_event_type: SubEventType,
    pub(crate) actor1: String,
    #[serde(default)]
    pub(crate) assoc_actor_1: String,
    pub(crate) inter1: ActorType,
    #[serde(default)]
    pub(crate) actor2: String,
    #[serde(default)]
    pub(crate) assoc_actor_2: String,
    pub(crate) inter2: Option<ActorType>,
    #[serde(default)]
    pub(crate) civilian_targeting: bool,
    pub(crate) admin1: String,
    #[serde(default)]
    pub(crate) admin2: String,
    #[serde(default)]
    pub(crate) admin3: String,
    pub(crate) location: String,
    pub(crate) latitude: f64,
    pub(crate) longitude: f64,
    pub(crate) geo_precision: u8,
    pub(crate) notes: String,
    pub(crate) fatalities: u32,
    #[serde(default)]
    pub(crate) fatality_claim: Vec<FatalityClaimItem>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VerificationItem {
    pub(crate) incident: String,
    pub(crate) status: Verification,
    pub(crate) on: Date,
    pub(crate) reason: String,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArmedGroupItem {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) kind: GroupKind,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    #[serde(default)]
    pub(crate) member_of: Vec<String>,
    #[serde(default)]
    pub(crate) leaders: Vec<Leader>,
    #[serde(default)]
    pub(crate) areas: Vec<String>,
    pub(crate) on: Date,
    #[serde(default)]
    pub(crate) acled_actor: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DesignationItem {
    pub(crate) group: String,
    pub(crate) person: Option<String>,
    pub(crate) kind: DesignationKind,
    pub(crate) authority: String,
    pub(crate) on: Date,
    pub(crate) reference: String,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteStatusItem {
    pub(crate) site: String,
    pub(crate) status: sit::SiteStatus,
    pub(crate) on: Date,
    pub(crate) held_by: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RouteStatusItem {
    pub(crate) segment: String,
    pub(crate) status: sit::RouteStatus,
    pub(crate) on: Date,
    pub(crate) held_by: Option<String>,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IndicatorItem {
    pub(crate) key: String,
    pub(crate) indicator: Indicator,
    pub(crate) from: Date,
    pub(crate) to: Date,
    pub(crate) area: String,
    pub(crate) value: i64,
    pub(crate) qualifier: Qualifier,
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    pub(crate) classification: Option<Classification>,
}

/// Everything a scenario file may hold; each file uses some of these tables.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    #[serde(default)]
    pub(crate) source: Vec<SourceItem>,
    #[serde(default)]
    pub(crate) mission: Vec<MissionItem>,
    #[serde(default)]
    pub(crate) mandate: Vec<MandateItem>,
    #[serde(default)]
    pub(crate) succession: Vec<SuccessionItem>,
    #[serde(default)]
    pub(crate) requirement: Vec<RequirementItem>,
    #[serde(default)]
    pub(crate) pledge: Vec<PledgeItem>,
    #[serde(default)]
    pub(crate) revision: Vec<RevisionItem>,
    #[serde(default)]
    pub(crate) withdrawal: Vec<WithdrawalItem>,
    #[serde(default)]
    pub(crate) authorization: Vec<AuthorizationItem>,
    #[serde(default)]
    pub(crate) deployment: Vec<DeploymentItem>,
    #[serde(default)]
    pub(crate) funding: Vec<FundingItem>,
    #[serde(default)]
    pub(crate) discrepancy: Vec<DiscrepancyItem>,
    #[serde(default)]
    pub(crate) document: Vec<DocumentItem>,
    #[serde(default)]
    pub(crate) person: Vec<PersonItem>,
    #[serde(default)]
    pub(crate) departure: Vec<DepartureItem>,
    #[serde(default)]
    pub(crate) vetting: Vec<VettingItem>,
    #[serde(default)]
    pub(crate) acknowledgement: Vec<AcknowledgementItem>,
    #[serde(default)]
    pub(crate) assignment: Vec<AssignmentItem>,
    #[serde(default)]
    pub(crate) use_of_force: Vec<UseOfForceItem>,
    #[serde(default)]
    pub(crate) review: Vec<ReviewItem>,
    #[serde(default)]
    pub(crate) detention: Vec<DetentionItem>,
    #[serde(default)]
    pub(crate) handover: Vec<HandoverItem>,
    #[serde(default)]
    pub(crate) release: Vec<ReleaseItem>,
    #[serde(default)]
    pub(crate) complaint: Vec<ComplaintItem>,
    #[serde(default)]
    pub(crate) case: Vec<CaseItem>,
    #[serde(default)]
    pub(crate) case_update: Vec<CaseUpdateItem>,
    #[serde(default)]
    pub(crate) incident: Vec<IncidentItem>,
    #[serde(default)]
    pub(crate) verification: Vec<VerificationItem>,
    #[serde(default)]
    pub(crate) armed_group: Vec<ArmedGroupItem>,
    #[serde(default)]
    pub(crate) designation: Vec<DesignationItem>,
    #[serde(default)]
    pub(crate) site_status: Vec<SiteStatusItem>,
    #[serde(default)]
    pub(crate) route_status: Vec<RouteStatusItem>,
    #[serde(default)]
    pub(crate) indicator: Vec<IndicatorItem>,
}

/// The register tables of every file, gathered so that they can be recorded in the order their
/// rules need whatever file they sit in. Each item keeps the name of its file.
#[derive(Default)]
pub(crate) struct Registers<'a> {
    pub(crate) document: Vec<(&'a str, DocumentItem)>,
    pub(crate) person: Vec<(&'a str, PersonItem)>,
    pub(crate) departure: Vec<(&'a str, DepartureItem)>,
    pub(crate) vetting: Vec<(&'a str, VettingItem)>,
    pub(crate) acknowledgement: Vec<(&'a str, AcknowledgementItem)>,
    pub(crate) assignment: Vec<(&'a str, AssignmentItem)>,
    pub(crate) use_of_force: Vec<(&'a str, UseOfForceItem)>,
    pub(crate) review: Vec<(&'a str, ReviewItem)>,
    pub(crate) detention: Vec<(&'a str, DetentionItem)>,
    pub(crate) handover: Vec<(&'a str, HandoverItem)>,
    pub(crate) release: Vec<(&'a str, ReleaseItem)>,
    pub(crate) complaint: Vec<(&'a str, ComplaintItem)>,
    pub(crate) case: Vec<(&'a str, CaseItem)>,
    pub(crate) case_update: Vec<(&'a str, CaseUpdateItem)>,
}

/// The situation tables of every file, gathered like the registers.
#[derive(Default)]
pub(crate) struct Situation<'a> {
    pub(crate) incident: Vec<(&'a str, IncidentItem)>,
    pub(crate) verification: Vec<(&'a str, VerificationItem)>,
    pub(crate) armed_group: Vec<(&'a str, ArmedGroupItem)>,
    pub(crate) designation: Vec<(&'a str, DesignationItem)>,
    pub(crate) site_status: Vec<(&'a str, SiteStatusItem)>,
    pub(crate) route_status: Vec<(&'a str, RouteStatusItem)>,
    pub(crate) indicator: Vec<(&'a str, IndicatorItem)>,
}
