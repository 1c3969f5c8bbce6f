//! Scenario files: a folder of TOML (format in `docs/scenario-format.md`) turned into commands
//! and recorded through the writer, exactly as the API would record them. Items refer to each
//! other by scenario-local keys; the loader maps keys to the ids the writer assigns. Besides the
//! mission record (sources, missions, pledges, authorizations, deployments, funding), a scenario
//! may hold accountability registers (documents, personnel, use of force, detentions, complaints,
//! cases) and the situational picture (armed groups, designations, incidents and their
//! verification, site and route statuses, indicators); those are recorded after the mission
//! record, registers first, each in the order its rules need. Discrepancies come last.

use anyhow::{Context, anyhow, bail};
use konbit_domain::Named;
use konbit_domain::force::*;
use konbit_domain::situation::acled::{ActorType, EventType, SubEventType};
use konbit_domain::{
    Category, Claim, Classification, Command, NewDiscrepancy, NewSource, Reliability,
    SourceCommand, SourceKind,
    registers::{
        Allegation, CaseStatus, CaseUpdate, Casualties, ConductCategory, CustodyHarm, Detainee,
        DocumentKind, ForceLevel, FormLanguage, Handover, Investigator, Misconduct,
        NewAcknowledgement, NewAssignment, NewCase, NewComplaint, NewDetention, NewDocument,
        NewPerson, NewUseOfForce, NewVetting, PersonDeparture, PersonIdentity, RegisterCommand,
        Release, ReviewStatus, UseOfForceReview, VettingStatus,
    },
    situation::{
        self as sit, Designation, DesignationKind, FatalityClaim, GroupKind, GroupProfile,
        Indicator, Leader, NewIncident, Observation, Qualifier, RouteStatusChange,
        SiteStatusChange, SituationCommand, Verification, VerificationChange,
    },
};
use konbit_store::{Actor, Envelope, Store, registers::secret_hash};
use serde::Deserialize;
use std::{collections::HashMap, path::Path};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceItem {
    key: String,
    kind: SourceKind,
    title: String,
    url: Option<String>,
    reference: Option<String>,
    published_on: Option<Date>,
    outlet: Option<String>,
    language: Option<String>,
    reliability: Reliability,
    credibility: i64,
    note: Option<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissionItem {
    key: String,
    name: String,
    short_name: String,
    host_country: String,
    lead_nation: String,
    start_date: Date,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MandateItem {
    key: String,
    mission: String,
    resolution: i64,
    adopted_on: Date,
    votes_for: i64,
    votes_against: i64,
    votes_abstain: i64,
    mandate_end: Date,
    review_on: Option<Date>,
    ceiling_total: Option<i64>,
    ceiling_uniformed: Option<i64>,
    ceiling_civilian: Option<i64>,
    summary: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SuccessionItem {
    mission: String,
    successor: String,
    on: Date,
    resolution: Option<i64>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementItem {
    mission: String,
    from: Date,
    instruments: Vec<InstrumentKind>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeItem {
    key: String,
    mission: String,
    country: String,
    pledged_on: Date,
    #[serde(default)]
    police: i64,
    #[serde(default)]
    military: i64,
    #[serde(default)]
    civilian: i64,
    equipment: Option<String>,
    money_amount: Option<i64>,
    money_currency: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionItem {
    pledge: String,
    on: Date,
    #[serde(default)]
    police: i64,
    #[serde(default)]
    military: i64,
    #[serde(default)]
    civilian: i64,
    equipment: Option<String>,
    money_amount: Option<i64>,
    money_currency: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WithdrawalItem {
    pledge: String,
    on: Date,
    reason: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorizationItem {
    key: Option<String>,
    mission: String,
    country: String,
    kind: InstrumentKind,
    title: String,
    issued_on: Date,
    status: InstrumentStatus,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeploymentItem {
    key: Option<String>,
    mission: String,
    country: String,
    movement: Movement,
    on: Date,
    #[serde(default)]
    police: i64,
    #[serde(default)]
    military: i64,
    #[serde(default)]
    civilian: i64,
    #[serde(default)]
    out_police: i64,
    #[serde(default)]
    out_military: i64,
    #[serde(default)]
    out_civilian: i64,
    unit: Option<String>,
    note: Option<String>,
    override_reason: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FundingItem {
    key: Option<String>,
    mission: String,
    donor: String,
    kind: FundingKind,
    channel: FundingChannel,
    amount: i64,
    currency: String,
    on: Date,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimItem {
    value: String,
    #[serde(default)]
    sources: Vec<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscrepancyItem {
    about: String,
    field: String,
    accepted: usize,
    reason: String,
    claim: Vec<ClaimItem>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

// ------------------------------------------------------------------------------------------------
// Accountability registers. Restricted fields (identities, narratives, grounds, accounts, …) are
// plain fields here; the write path files them apart as it does for the API.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentItem {
    key: String,
    mission: String,
    kind: DocumentKind,
    version: String,
    title: String,
    effective_on: Date,
    binds: Option<Vec<Category>>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonItem {
    key: String,
    mission: String,
    country: String,
    unit: String,
    category: Category,
    deployed_from: Date,
    deployed_until: Option<Date>,
    service_number: String,
    name: String,
    rank: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DepartureItem {
    person: String,
    on: Date,
    reason: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VettingItem {
    person: String,
    status: VettingStatus,
    on: Date,
    by: String,
    findings: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AcknowledgementItem {
    person: String,
    on: Date,
    documents: Vec<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignmentItem {
    person: String,
    operation: String,
    on: Date,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UseOfForceItem {
    key: String,
    mission: String,
    country: String,
    unit: String,
    #[serde(with = "time::serde::rfc3339")]
    occurred_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    submitted_at: OffsetDateTime,
    place: String,
    level: ForceLevel,
    #[serde(default)]
    rounds_fired: i64,
    #[serde(default)]
    injured: Casualties,
    #[serde(default)]
    killed: Casualties,
    detention: Option<String>,
    #[serde(default)]
    persons_involved: Vec<String>,
    narrative: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewItem {
    report: String,
    status: ReviewStatus,
    reason: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetentionItem {
    key: String,
    mission: String,
    country: String,
    arresting_unit: String,
    #[serde(with = "time::serde::rfc3339")]
    arrested_at: OffsetDateTime,
    place: String,
    #[serde(default, with = "time::serde::rfc3339::option")]
    medical_check_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    family_notified_at: Option<OffsetDateTime>,
    harm_in_custody: Option<CustodyHarm>,
    use_of_force: Option<String>,
    grounds: String,
    detainee: Detainee,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoverItem {
    detention: String,
    #[serde(with = "time::serde::rfc3339")]
    at: OffsetDateTime,
    station: String,
    receiving_officer: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseItem {
    detention: String,
    #[serde(with = "time::serde::rfc3339")]
    at: OffsetDateTime,
    reason: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComplaintItem {
    key: String,
    mission: String,
    reference: String,
    /// In clear in the file (a demo secret); only its SHA-256 is recorded.
    secret: String,
    language: FormLanguage,
    #[serde(default)]
    anonymous: bool,
    #[serde(with = "time::serde::rfc3339")]
    received_at: OffsetDateTime,
    account: String,
    occurred_on: Option<Date>,
    place: Option<String>,
    name: Option<String>,
    contact: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AllegationItem {
    person: Option<String>,
    country: String,
    misconduct: Misconduct,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseItem {
    key: String,
    mission: String,
    complaint: Option<String>,
    category: ConductCategory,
    opened_on: Date,
    allegation: Vec<AllegationItem>,
    investigating_entity: Investigator,
    #[serde(default)]
    victim_assistance: bool,
    summary: String,
    interim_measures: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseUpdateItem {
    case: String,
    status: CaseStatus,
    on: Date,
    victim_assistance: Option<bool>,
    outcome: Option<String>,
    actions: Option<String>,
    interim_measures: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

// ------------------------------------------------------------------------------------------------
// The situational picture (situation.toml): incidents and their verification, armed groups and
// their designations, site and route statuses, indicators.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FatalityClaimItem {
    figure: String,
    #[serde(default)]
    sources: Vec<String>,
}

/// An incident. It has `notes` (what happened), not `note`: the command has no other free text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncidentItem {
    event_id: String,
    event_date: Date,
    time_precision: u8,
    event_type: EventType,
    sub_event_type: SubEventType,
    actor1: String,
    #[serde(default)]
    assoc_actor_1: String,
    inter1: ActorType,
    #[serde(default)]
    actor2: String,
    #[serde(default)]
    assoc_actor_2: String,
    inter2: Option<ActorType>,
    #[serde(default)]
    civilian_targeting: bool,
    admin1: String,
    #[serde(default)]
    admin2: String,
    #[serde(default)]
    admin3: String,
    location: String,
    latitude: f64,
    longitude: f64,
    geo_precision: u8,
    notes: String,
    fatalities: u32,
    #[serde(default)]
    fatality_claim: Vec<FatalityClaimItem>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerificationItem {
    incident: String,
    status: Verification,
    on: Date,
    reason: String,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArmedGroupItem {
    code: String,
    name: String,
    kind: GroupKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    member_of: Vec<String>,
    #[serde(default)]
    leaders: Vec<Leader>,
    #[serde(default)]
    areas: Vec<String>,
    on: Date,
    #[serde(default)]
    acled_actor: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DesignationItem {
    group: String,
    person: Option<String>,
    kind: DesignationKind,
    authority: String,
    on: Date,
    reference: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteStatusItem {
    site: String,
    status: sit::SiteStatus,
    on: Date,
    held_by: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteStatusItem {
    segment: String,
    status: sit::RouteStatus,
    on: Date,
    held_by: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorItem {
    key: String,
    indicator: Indicator,
    from: Date,
    to: Date,
    area: String,
    value: i64,
    qualifier: Qualifier,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

/// Everything a scenario file may hold; each file uses some of these tables.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    source: Vec<SourceItem>,
    #[serde(default)]
    mission: Vec<MissionItem>,
    #[serde(default)]
    mandate: Vec<MandateItem>,
    #[serde(default)]
    succession: Vec<SuccessionItem>,
    #[serde(default)]
    requirement: Vec<RequirementItem>,
    #[serde(default)]
    pledge: Vec<PledgeItem>,
    #[serde(default)]
    revision: Vec<RevisionItem>,
    #[serde(default)]
    withdrawal: Vec<WithdrawalItem>,
    #[serde(default)]
    authorization: Vec<AuthorizationItem>,
    #[serde(default)]
    deployment: Vec<DeploymentItem>,
    #[serde(default)]
    funding: Vec<FundingItem>,
    #[serde(default)]
    discrepancy: Vec<DiscrepancyItem>,
    #[serde(default)]
    document: Vec<DocumentItem>,
    #[serde(default)]
    person: Vec<PersonItem>,
    #[serde(default)]
    departure: Vec<DepartureItem>,
    #[serde(default)]
    vetting: Vec<VettingItem>,
    #[serde(default)]
    acknowledgement: Vec<AcknowledgementItem>,
    #[serde(default)]
    assignment: Vec<AssignmentItem>,
    #[serde(default)]
    use_of_force: Vec<UseOfForceItem>,
    #[serde(default)]
    review: Vec<ReviewItem>,
    #[serde(default)]
    detention: Vec<DetentionItem>,
    #[serde(default)]
    handover: Vec<HandoverItem>,
    #[serde(default)]
    release: Vec<ReleaseItem>,
    #[serde(default)]
    complaint: Vec<ComplaintItem>,
    #[serde(default)]
    case: Vec<CaseItem>,
    #[serde(default)]
    case_update: Vec<CaseUpdateItem>,
    #[serde(default)]
    incident: Vec<IncidentItem>,
    #[serde(default)]
    verification: Vec<VerificationItem>,
    #[serde(default)]
    armed_group: Vec<ArmedGroupItem>,
    #[serde(default)]
    designation: Vec<DesignationItem>,
    #[serde(default)]
    site_status: Vec<SiteStatusItem>,
    #[serde(default)]
    route_status: Vec<RouteStatusItem>,
    #[serde(default)]
    indicator: Vec<IndicatorItem>,
}

/// The register tables of every file, gathered so that they can be recorded in the order their
/// rules need whatever file they sit in. Each item keeps the name of its file.
#[derive(Default)]
struct Registers<'a> {
    document: Vec<(&'a str, DocumentItem)>,
    person: Vec<(&'a str, PersonItem)>,
    departure: Vec<(&'a str, DepartureItem)>,
    vetting: Vec<(&'a str, VettingItem)>,
    acknowledgement: Vec<(&'a str, AcknowledgementItem)>,
    assignment: Vec<(&'a str, AssignmentItem)>,
    use_of_force: Vec<(&'a str, UseOfForceItem)>,
    review: Vec<(&'a str, ReviewItem)>,
    detention: Vec<(&'a str, DetentionItem)>,
    handover: Vec<(&'a str, HandoverItem)>,
    release: Vec<(&'a str, ReleaseItem)>,
    complaint: Vec<(&'a str, ComplaintItem)>,
    case: Vec<(&'a str, CaseItem)>,
    case_update: Vec<(&'a str, CaseUpdateItem)>,
}

/// The situation tables of every file, gathered like the registers.
#[derive(Default)]
struct Situation<'a> {
    incident: Vec<(&'a str, IncidentItem)>,
    verification: Vec<(&'a str, VerificationItem)>,
    armed_group: Vec<(&'a str, ArmedGroupItem)>,
    designation: Vec<(&'a str, DesignationItem)>,
    site_status: Vec<(&'a str, SiteStatusItem)>,
    route_status: Vec<(&'a str, RouteStatusItem)>,
    indicator: Vec<(&'a str, IndicatorItem)>,
}

/// The files of a scenario, in load order.
pub const FILES: &[&str] = &[
    "sources.toml",
    "missions.toml",
    "pledges.toml",
    "authorizations.toml",
    "deployments.toml",
    "funding.toml",
    "registers.toml",
    "situation.toml",
];

/// What a load recorded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Entries appended.
    pub entries: usize,
    /// Sources registered.
    pub sources: usize,
    /// Mission document versions issued.
    pub documents: usize,
    /// Persons entered in the personnel register.
    pub persons: usize,
    /// Early departures of persons.
    pub departures: usize,
    /// Vetting results.
    pub vettings: usize,
    /// Acknowledgements (one per person and document version).
    pub acknowledgements: usize,
    /// Assignments to operations.
    pub assignments: usize,
    /// Use-of-force reports.
    pub use_of_force: usize,
    /// Review steps of use-of-force reports.
    pub reviews: usize,
    /// Detentions.
    pub detentions: usize,
    /// Handovers of detainees.
    pub handovers: usize,
    /// Releases of detainees.
    pub releases: usize,
    /// Complaints.
    pub complaints: usize,
    /// Misconduct cases opened.
    pub cases: usize,
    /// Case updates.
    pub case_updates: usize,
    /// Armed group and coalition profiles.
    pub group_profiles: usize,
    /// Designations of groups or their leaders.
    pub designations: usize,
    /// Incidents recorded.
    pub incidents: usize,
    /// Reported figures for the dead, across incidents.
    pub fatality_claims: usize,
    /// Verification changes of incidents.
    pub verifications: usize,
    /// Status changes of key sites.
    pub site_statuses: usize,
    /// Status changes of route segments.
    pub route_statuses: usize,
    /// Indicator values.
    pub observations: usize,
    /// Discrepancies (of any file).
    pub discrepancies: usize,
}

struct Loader {
    actor: Actor,
    sources: HashMap<String, Uuid>,
    keys: HashMap<String, Uuid>,
    pending: Vec<(String, Envelope)>,
    report: Report,
}

fn default_class(c: Option<Classification>) -> Classification {
    // Scenario facts come from published sources.
    c.unwrap_or(Classification::Public)
}

impl Loader {
    fn source_ids(&self, keys: &[String], what: &str) -> anyhow::Result<Vec<Uuid>> {
        keys.iter()
            .map(|k| {
                self.sources
                    .get(k)
                    .copied()
                    .ok_or_else(|| anyhow!("{what}: unknown source key {k:?}"))
            })
            .collect()
    }

    fn key(&self, kind: &str, key: &str, what: &str) -> anyhow::Result<Uuid> {
        self.keys
            .get(&format!("{kind}:{key}"))
            .copied()
            .ok_or_else(|| anyhow!("{what}: unknown {kind} key {key:?}"))
    }

    fn record(
        &mut self,
        what: &str,
        command: impl Into<Command>,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        // Ids are chosen here, not by the writer, so that later items can refer to earlier ones
        // before anything is written: the whole scenario is then recorded in one batch.
        let subject = Uuid::now_v7();
        let env = Envelope {
            command: command.into(),
            sources: self.source_ids(sources, what)?,
            classification: default_class(class),
            subject: Some(subject),
        };
        self.pending.push((what.to_string(), env));
        if let Some((kind, k)) = key {
            let full = format!("{kind}:{k}");
            if self.keys.insert(full.clone(), subject).is_some() {
                bail!("{what}: the key {full:?} is used twice");
            }
        }
        Ok(subject)
    }
}

/// The error as a line: domain errors with their fields.
fn describe(e: &konbit_store::StoreError) -> String {
    match e {
        konbit_store::StoreError::Domain(konbit_domain::DomainError::Invalid(v)) => {
            v.0.iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => other.to_string(),
    }
}

fn parse_file(name: &str, text: &str) -> anyhow::Result<File> {
    toml::from_str(text).with_context(|| format!("{name} is not a valid scenario file"))
}

fn money(
    amount: Option<i64>,
    currency: Option<String>,
    what: &str,
) -> anyhow::Result<Option<Money>> {
    match (amount, currency) {
        (None, None) => Ok(None),
        (Some(amount), Some(currency)) => Ok(Some(Money { amount, currency })),
        _ => bail!("{what}: money_amount and money_currency go together"),
    }
}

impl Loader {
    fn register(
        &mut self,
        what: &str,
        command: RegisterCommand,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        self.record(what, Command::Register(command), sources, class, key)
    }
}

/// Turns the register tables into commands. The order follows the store's rules: documents and
/// persons before what refers to them; departures before assignments (the gate looks at the whole
/// deployment); vetting and acknowledgements before assignments; use-of-force reports that name
/// no detention, then detentions (which may name a report), then reports that name a detention;
/// reviews, handovers and releases in file order; complaints before the cases opened on them,
/// and case updates last, in file order.
fn record_registers(l: &mut Loader, r: Registers<'_>) -> anyhow::Result<()> {
    for (name, d) in r.document {
        let what = format!("{name}: document {:?}", d.key);
        l.register(
            &what,
            RegisterCommand::IssueDocument(NewDocument {
                mission: d.mission,
                kind: d.kind,
                version: d.version,
                title: d.title,
                effective_on: d.effective_on,
                binds: d.binds.unwrap_or_else(|| Category::ALL.to_vec()),
                note: d.note,
            }),
            &d.sources,
            d.classification,
            Some(("document", &d.key)),
        )?;
        l.report.documents += 1;
    }
    for (name, p) in r.person {
        let what = format!("{name}: person {:?}", p.key);
        let _ = p.note;
        l.register(
            &what,
            RegisterCommand::RegisterPerson(NewPerson {
                mission: p.mission,
                country: p.country,
                unit: p.unit,
                category: p.category,
                deployed_from: p.deployed_from,
                deployed_until: p.deployed_until,
                identity: Some(PersonIdentity {
                    service_number: p.service_number,
                    name: p.name,
                    rank: p.rank,
                }),
            }),
            &p.sources,
            p.classification,
            Some(("person", &p.key)),
        )?;
        l.report.persons += 1;
    }
    for (name, d) in r.departure {
        let what = format!("{name}: departure of person {:?} on {}", d.person, d.on);
        let person = l.key("person", &d.person, &what)?;
        let _ = d.note;
        l.register(
            &what,
            RegisterCommand::RecordDeparture(PersonDeparture {
                person,
                on: d.on,
                reason: d.reason,
            }),
            &d.sources,
            d.classification,
            None,
        )?;
        l.report.departures += 1;
    }
    for (name, v) in r.vetting {
        let what = format!("{name}: vetting of person {:?} on {}", v.person, v.on);
        let person = l.key("person", &v.person, &what)?;
        let _ = v.note;
        l.register(
            &what,
            RegisterCommand::RecordVetting(NewVetting {
                person,
                status: v.status,
                on: v.on,
                by: v.by,
                findings: v.findings,
            }),
            &v.sources,
            v.classification,
            None,
        )?;
        l.report.vettings += 1;
    }
    for (name, a) in r.acknowledgement {
        let what = format!(
            "{name}: acknowledgement by person {:?} on {}",
            a.person, a.on
        );
        let person = l.key("person", &a.person, &what)?;
        let _ = a.note;
        if a.documents.is_empty() {
            bail!("{what}: `documents` names at least one document key");
        }
        for doc in &a.documents {
            let what = format!("{what} of document {doc:?}");
            let document = l.key("document", doc, &what)?;
            l.register(
                &what,
                RegisterCommand::Acknowledge(NewAcknowledgement {
                    person,
                    document,
                    on: a.on,
                }),
                &a.sources,
                a.classification,
                None,
            )?;
            l.report.acknowledgements += 1;
        }
    }
    for (name, a) in r.assignment {
        let what = format!("{name}: assignment of person {:?} on {}", a.person, a.on);
        let person = l.key("person", &a.person, &what)?;
        let _ = a.note;
        l.register(
            &what,
            RegisterCommand::Assign(NewAssignment {
                person,
                operation: a.operation,
                on: a.on,
            }),
            &a.sources,
            a.classification,
            None,
        )?;
        l.report.assignments += 1;
    }
    let (naming_a_detention, reports): (Vec<_>, Vec<_>) = r
        .use_of_force
        .into_iter()
        .partition(|(_, u)| u.detention.is_some());
    for (name, u) in reports {
        record_use_of_force(l, name, u)?;
    }
    for (name, d) in r.detention {
        let what = format!("{name}: detention {:?}", d.key);
        let use_of_force = d
            .use_of_force
            .as_deref()
            .map(|k| l.key("use_of_force", k, &what))
            .transpose()?;
        let _ = d.note;
        l.register(
            &what,
            RegisterCommand::RecordDetention(NewDetention {
                mission: d.mission,
                country: d.country,
                arresting_unit: d.arresting_unit,
                arrested_at: d.arrested_at,
                place: d.place,
                medical_check_at: d.medical_check_at,
                family_notified_at: d.family_notified_at,
                harm_in_custody: d.harm_in_custody,
                use_of_force,
                incident: None,
                grounds: Some(d.grounds),
                person: Some(d.detainee),
            }),
            &d.sources,
            d.classification,
            Some(("detention", &d.key)),
        )?;
        l.report.detentions += 1;
    }
    for (name, u) in naming_a_detention {
        record_use_of_force(l, name, u)?;
    }
    for (name, v) in r.review {
        let what = format!(
            "{name}: review of use-of-force report {:?} ({})",
            v.report, v.status
        );
        let report = l.key("use_of_force", &v.report, &what)?;
        let _ = v.note;
        l.register(
            &what,
            RegisterCommand::ReviewUseOfForce(UseOfForceReview {
                report,
                status: v.status,
                reason: v.reason,
            }),
            &v.sources,
            v.classification,
            None,
        )?;
        l.report.reviews += 1;
    }
    for (name, h) in r.handover {
        let what = format!("{name}: handover of detention {:?}", h.detention);
        let detention = l.key("detention", &h.detention, &what)?;
        let _ = h.note;
        l.register(
            &what,
            RegisterCommand::HandOver(Handover {
                detention,
                at: h.at,
                station: h.station,
                receiving_officer: Some(h.receiving_officer),
            }),
            &h.sources,
            h.classification,
            None,
        )?;
        l.report.handovers += 1;
    }
    for (name, x) in r.release {
        let what = format!("{name}: release of detention {:?}", x.detention);
        let detention = l.key("detention", &x.detention, &what)?;
        let _ = x.note;
        l.register(
            &what,
            RegisterCommand::Release(Release {
                detention,
                at: x.at,
                reason: x.reason,
            }),
            &x.sources,
            x.classification,
            None,
        )?;
        l.report.releases += 1;
    }
    for (name, c) in r.complaint {
        let what = format!("{name}: complaint {:?}", c.key);
        if c.secret.trim().is_empty() {
            bail!("{what}: `secret` must not be empty");
        }
        let _ = c.note;
        l.register(
            &what,
            RegisterCommand::ReceiveComplaint(NewComplaint {
                mission: c.mission,
                reference: c.reference,
                secret_hash: secret_hash(&c.secret),
                language: c.language,
                anonymous: c.anonymous,
                received_at: Some(c.received_at),
                account: Some(c.account),
                occurred_on: c.occurred_on,
                place: c.place,
                name: c.name,
                contact: c.contact,
            }),
            &c.sources,
            c.classification,
            Some(("complaint", &c.key)),
        )?;
        l.report.complaints += 1;
    }
    for (name, c) in r.case {
        let what = format!("{name}: case {:?}", c.key);
        let complaint = c
            .complaint
            .as_deref()
            .map(|k| l.key("complaint", k, &what))
            .transpose()?;
        let allegations = c
            .allegation
            .into_iter()
            .map(|a| {
                Ok(Allegation {
                    person: a
                        .person
                        .as_deref()
                        .map(|k| l.key("person", k, &what))
                        .transpose()?,
                    country: a.country,
                    misconduct: a.misconduct,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let _ = c.note;
        l.register(
            &what,
            RegisterCommand::OpenCase(NewCase {
                mission: c.mission,
                complaint,
                category: c.category,
                opened_on: c.opened_on,
                allegations,
                investigating_entity: c.investigating_entity,
                victim_assistance: c.victim_assistance,
                summary: Some(c.summary),
                interim_measures: c.interim_measures,
            }),
            &c.sources,
            c.classification,
            Some(("case", &c.key)),
        )?;
        l.report.cases += 1;
    }
    for (name, u) in r.case_update {
        let what = format!(
            "{name}: update of case {:?} to {} on {}",
            u.case, u.status, u.on
        );
        let case = l.key("case", &u.case, &what)?;
        let _ = u.note;
        l.register(
            &what,
            RegisterCommand::UpdateCase(CaseUpdate {
                case,
                status: u.status,
                on: u.on,
                victim_assistance: u.victim_assistance,
                outcome: u.outcome,
                actions: u.actions,
                interim_measures: u.interim_measures,
            }),
            &u.sources,
            u.classification,
            None,
        )?;
        l.report.case_updates += 1;
    }
    Ok(())
}

fn record_use_of_force(l: &mut Loader, name: &str, u: UseOfForceItem) -> anyhow::Result<()> {
    let what = format!("{name}: use-of-force report {:?}", u.key);
    let detention = u
        .detention
        .as_deref()
        .map(|k| l.key("detention", k, &what))
        .transpose()?;
    let persons = u
        .persons_involved
        .iter()
        .map(|k| l.key("person", k, &what))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let _ = u.note;
    l.register(
        &what,
        RegisterCommand::ReportUseOfForce(NewUseOfForce {
            mission: u.mission,
            country: u.country,
            unit: u.unit,
            occurred_at: u.occurred_at,
            place: u.place,
            level: u.level,
            rounds_fired: u.rounds_fired,
            injured: u.injured,
            killed: u.killed,
            incident: None,
            detention,
            submitted_at: Some(u.submitted_at),
            persons_involved: (!persons.is_empty()).then_some(persons),
            narrative: Some(u.narrative),
        }),
        &u.sources,
        u.classification,
        Some(("use_of_force", &u.key)),
    )?;
    l.report.use_of_force += 1;
    Ok(())
}

impl Loader {
    fn situation(
        &mut self,
        what: &str,
        command: SituationCommand,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        self.record(what, Command::Situation(command), sources, class, key)
    }
}

/// Turns the situation tables into commands, in the order the store's rules need: coalitions,
/// then groups (a profile may only name coalitions already profiled), designations, incidents,
/// verification changes in file order (each must follow from the status before it), site and
/// route statuses (which may name a holding group), then indicators. Incidents are keyed
/// `incident:EVENT_ID` and indicators `indicator:KEY`, so that discrepancies can name them.
fn record_situation(l: &mut Loader, s: Situation<'_>) -> anyhow::Result<()> {
    let (coalitions, groups): (Vec<_>, Vec<_>) = s
        .armed_group
        .into_iter()
        .partition(|(_, g)| g.kind == GroupKind::Coalition);
    for (name, g) in coalitions.into_iter().chain(groups) {
        let what = format!("{name}: armed group {:?} on {}", g.code, g.on);
        l.situation(
            &what,
            SituationCommand::ProfileGroup(GroupProfile {
                code: g.code,
                name: g.name,
                kind: g.kind,
                aliases: g.aliases,
                member_of: g.member_of,
                leaders: g.leaders,
                areas: g.areas,
                on: g.on,
                acled_actor: g.acled_actor,
                note: g.note,
            }),
            &g.sources,
            g.classification,
            None,
        )?;
        l.report.group_profiles += 1;
    }
    for (name, d) in s.designation {
        let what = format!(
            "{name}: designation of {:?} ({}, {})",
            d.person.as_deref().unwrap_or(&d.group),
            d.kind,
            d.on
        );
        l.situation(
            &what,
            SituationCommand::Designate(Designation {
                group: d.group,
                person: d.person,
                kind: d.kind,
                authority: d.authority,
                on: d.on,
                reference: d.reference,
                note: d.note,
            }),
            &d.sources,
            d.classification,
            None,
        )?;
        l.report.designations += 1;
    }
    for (name, i) in s.incident {
        let what = format!("{name}: incident {:?}", i.event_id);
        let fatality_claims = i
            .fatality_claim
            .iter()
            .map(|c| {
                Ok(FatalityClaim {
                    figure: c.figure.clone(),
                    sources: l.source_ids(&c.sources, &what)?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let claims = fatality_claims.len();
        let mut incident = NewIncident {
            event_id: i.event_id,
            event_date: i.event_date,
            time_precision: i.time_precision,
            disorder_type: None,
            event_type: i.event_type,
            sub_event_type: i.sub_event_type,
            actor1: i.actor1,
            assoc_actor_1: i.assoc_actor_1,
            inter1: i.inter1,
            actor2: i.actor2,
            assoc_actor_2: i.assoc_actor_2,
            inter2: i.inter2,
            civilian_targeting: i.civilian_targeting,
            admin1: i.admin1,
            admin2: i.admin2,
            admin3: i.admin3,
            location: i.location,
            latitude: i.latitude,
            longitude: i.longitude,
            geo_precision: i.geo_precision,
            source: String::new(),
            source_scale: String::new(),
            notes: i.notes,
            fatalities: i.fatalities,
            fatality_claims,
            tags: String::new(),
            timestamp: None,
        };
        incident.normalize();
        let key = incident.event_id.clone();
        l.situation(
            &what,
            SituationCommand::RecordIncident(Box::new(incident)),
            &i.sources,
            i.classification,
            Some(("incident", &key)),
        )?;
        l.report.incidents += 1;
        l.report.fatality_claims += claims;
    }
    for (name, v) in s.verification {
        let what = format!(
            "{name}: verification of incident {:?} to {} on {}",
            v.incident, v.status, v.on
        );
        l.situation(
            &what,
            SituationCommand::ChangeVerification(VerificationChange {
                incident: v.incident,
                status: v.status,
                reason: v.reason,
                on: v.on,
            }),
            &v.sources,
            v.classification,
            None,
        )?;
        l.report.verifications += 1;
    }
    for (name, x) in s.site_status {
        let what = format!("{name}: status of site {:?} on {}", x.site, x.on);
        l.situation(
            &what,
            SituationCommand::SiteStatus(SiteStatusChange {
                site: x.site,
                status: x.status,
                on: x.on,
                held_by: x.held_by,
                note: x.note,
            }),
            &x.sources,
            x.classification,
            None,
        )?;
        l.report.site_statuses += 1;
    }
    for (name, x) in s.route_status {
        let what = format!(
            "{name}: status of route segment {:?} on {}",
            x.segment, x.on
        );
        l.situation(
            &what,
            SituationCommand::RouteStatus(RouteStatusChange {
                segment: x.segment,
                status: x.status,
                on: x.on,
                held_by: x.held_by,
                note: x.note,
            }),
            &x.sources,
            x.classification,
            None,
        )?;
        l.report.route_statuses += 1;
    }
    for (name, x) in s.indicator {
        let what = format!("{name}: indicator {:?}", x.key);
        l.situation(
            &what,
            SituationCommand::Observe(Observation {
                indicator: x.indicator,
                from: x.from,
                to: x.to,
                area: x.area,
                value: x.value,
                qualifier: x.qualifier,
                note: x.note,
            }),
            &x.sources,
            x.classification,
            Some(("indicator", &x.key)),
        )?;
        l.report.observations += 1;
    }
    Ok(())
}

/// Loads a scenario folder through the writer, all or nothing: the first refused item is named
/// and nothing is recorded.
pub async fn load(store: &Store, dir: &Path) -> anyhow::Result<Report> {
    if !dir.is_dir() {
        bail!("{} is not a scenario folder", dir.display());
    }
    let mut texts = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        if path.exists() {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            texts.push((*name, text));
        }
    }
    if texts.is_empty() {
        bail!(
            "{} holds none of the scenario files ({})",
            dir.display(),
            FILES.join(", ")
        );
    }
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    load_texts(store, &borrowed).await
}

/// Loads a scenario given as (file name, TOML text) pairs, e.g. one embedded in the binary.
pub async fn load_texts(store: &Store, texts: &[(&str, &str)]) -> anyhow::Result<Report> {
    let files: Vec<(&str, File)> = texts
        .iter()
        .map(|(n, t)| parse_file(n, t).map(|f| (*n, f)))
        .collect::<anyhow::Result<_>>()?;
    let mut l = Loader {
        actor: Actor::system("load"),
        sources: HashMap::new(),
        keys: HashMap::new(),
        pending: Vec::new(),
        report: Report::default(),
    };
    let mut discrepancies = Vec::new();
    let mut regs = Registers::default();
    let mut sits = Situation::default();
    // Sources first (from every file), so anything may cite any source.
    for (name, f) in &files {
        for s in &f.source {
            let what = format!("{name}: source {:?}", s.key);
            let id = l.record(
                &what,
                SourceCommand::RegisterSource(NewSource {
                    kind: s.kind,
                    title: s.title.clone(),
                    url: s.url.clone(),
                    reference: s.reference.clone(),
                    published_on: s.published_on,
                    outlet: s.outlet.clone(),
                    language: s.language.clone(),
                    reliability: s.reliability,
                    credibility: s.credibility,
                    note: s.note.clone(),
                }),
                &[],
                s.classification,
                None,
            )?;
            if l.sources.insert(s.key.clone(), id).is_some() {
                bail!("{what}: the key is used twice");
            }
            l.report.sources += 1;
        }
    }
    for (name, f) in files {
        for m in f.mission {
            let what = format!("{name}: mission {:?}", m.key);
            l.record(
                &what,
                ForceCommand::CreateMission(NewMission {
                    slug: m.key.clone(),
                    name: m.name,
                    short_name: m.short_name,
                    host_country: m.host_country,
                    lead_nation: m.lead_nation,
                    start_date: m.start_date,
                    note: m.note,
                }),
                &m.sources,
                m.classification,
                Some(("mission", &m.key)),
            )?;
        }
        for m in f.mandate {
            let what = format!("{name}: mandate {:?}", m.key);
            let summary = match (m.summary, m.note) {
                (Some(s), Some(n)) => Some(format!("{s} {n}")),
                (s, n) => s.or(n),
            };
            l.record(
                &what,
                ForceCommand::RecordMandate(NewMandate {
                    mission: m.mission,
                    resolution: m.resolution,
                    adopted_on: m.adopted_on,
                    votes_for: m.votes_for,
                    votes_against: m.votes_against,
                    votes_abstain: m.votes_abstain,
                    mandate_end: m.mandate_end,
                    review_on: m.review_on,
                    ceiling_total: m.ceiling_total,
                    ceiling_uniformed: m.ceiling_uniformed,
                    ceiling_civilian: m.ceiling_civilian,
                    summary,
                }),
                &m.sources,
                m.classification,
                Some(("mandate", &m.key)),
            )?;
        }
        for s in f.succession {
            let what = format!("{name}: succession {} → {}", s.mission, s.successor);
            let _ = s.note;
            l.record(
                &what,
                ForceCommand::RecordSuccession(NewSuccession {
                    mission: s.mission.clone(),
                    successor: s.successor.clone(),
                    on: s.on,
                    resolution: s.resolution,
                }),
                &s.sources,
                s.classification,
                None,
            )?;
        }
        for r in f.requirement {
            let what = format!("{name}: requirement of {} from {}", r.mission, r.from);
            let _ = r.note;
            l.record(
                &what,
                ForceCommand::SetRequirements(NewRequirements {
                    mission: r.mission,
                    from: r.from,
                    instruments: r.instruments,
                }),
                &r.sources,
                r.classification,
                None,
            )?;
        }
        for p in f.pledge {
            let what = format!("{name}: pledge {:?}", p.key);
            let money = money(p.money_amount, p.money_currency, &what)?;
            l.record(
                &what,
                ForceCommand::RecordPledge(NewPledge {
                    mission: p.mission,
                    country: p.country,
                    pledged_on: p.pledged_on,
                    personnel: Personnel {
                        police: p.police,
                        military: p.military,
                        civilian: p.civilian,
                    },
                    equipment: p.equipment,
                    money,
                    note: p.note,
                }),
                &p.sources,
                p.classification,
                Some(("pledge", &p.key)),
            )?;
        }
        for r in f.revision {
            let what = format!("{name}: revision of pledge {:?} on {}", r.pledge, r.on);
            let pledge = l.key("pledge", &r.pledge, &what)?;
            let money = money(r.money_amount, r.money_currency, &what)?;
            l.record(
                &what,
                ForceCommand::RevisePledge(PledgeRevision {
                    pledge,
                    on: r.on,
                    personnel: Personnel {
                        police: r.police,
                        military: r.military,
                        civilian: r.civilian,
                    },
                    equipment: r.equipment,
                    money,
                    note: r.note,
                }),
                &r.sources,
                r.classification,
                None,
            )?;
        }
        for w in f.withdrawal {
            let what = format!("{name}: withdrawal of pledge {:?}", w.pledge);
            let pledge = l.key("pledge", &w.pledge, &what)?;
            let reason = match w.note {
                Some(n) => format!("{} {n}", w.reason),
                None => w.reason,
            };
            l.record(
                &what,
                ForceCommand::WithdrawPledge(PledgeWithdrawal {
                    pledge,
                    on: w.on,
                    reason,
                }),
                &w.sources,
                w.classification,
                None,
            )?;
        }
        for a in f.authorization {
            let what = format!(
                "{name}: authorization {:?}",
                a.key.as_deref().unwrap_or(&a.title)
            );
            let key = a.key.clone();
            l.record(
                &what,
                ForceCommand::RecordAuthorization(NewAuthorization {
                    mission: a.mission,
                    country: a.country,
                    kind: a.kind,
                    title: a.title,
                    issued_on: a.issued_on,
                    status: a.status,
                    note: a.note,
                }),
                &a.sources,
                a.classification,
                key.as_deref().map(|k| ("authorization", k)),
            )?;
        }
        // In date order, so that departures always follow the arrivals they draw on.
        let mut deployments = f.deployment;
        deployments.sort_by_key(|d| d.on);
        for d in deployments {
            let what = format!(
                "{name}: deployment {:?}",
                d.key
                    .clone()
                    .unwrap_or_else(|| format!("{} {}", d.country, d.on))
            );
            let inbound = Personnel {
                police: d.police,
                military: d.military,
                civilian: d.civilian,
            };
            let outbound = Personnel {
                police: d.out_police,
                military: d.out_military,
                civilian: d.out_civilian,
            };
            let key = d.key.clone();
            l.record(
                &what,
                ForceCommand::RecordDeployment(NewDeployment {
                    mission: d.mission,
                    country: d.country,
                    movement: d.movement,
                    on: d.on,
                    personnel: inbound,
                    relieved: (d.movement == Movement::Rotation).then_some(outbound),
                    unit: d.unit,
                    note: d.note,
                    override_reason: d.override_reason,
                }),
                &d.sources,
                d.classification,
                key.as_deref().map(|k| ("deployment", k)),
            )?;
        }
        for x in f.funding {
            let what = format!(
                "{name}: funding {:?}",
                x.key.clone().unwrap_or_else(|| x.donor.clone())
            );
            let key = x.key.clone();
            l.record(
                &what,
                ForceCommand::RecordFunding(NewFunding {
                    mission: x.mission,
                    donor: x.donor,
                    kind: x.kind,
                    channel: x.channel,
                    amount: x.amount,
                    currency: x.currency,
                    on: x.on,
                    note: x.note,
                }),
                &x.sources,
                x.classification,
                key.as_deref().map(|k| ("funding", k)),
            )?;
        }
        discrepancies.extend(f.discrepancy.into_iter().map(|d| (name, d)));
        regs.document
            .extend(f.document.into_iter().map(|x| (name, x)));
        regs.person.extend(f.person.into_iter().map(|x| (name, x)));
        regs.departure
            .extend(f.departure.into_iter().map(|x| (name, x)));
        regs.vetting
            .extend(f.vetting.into_iter().map(|x| (name, x)));
        regs.acknowledgement
            .extend(f.acknowledgement.into_iter().map(|x| (name, x)));
        regs.assignment
            .extend(f.assignment.into_iter().map(|x| (name, x)));
        regs.use_of_force
            .extend(f.use_of_force.into_iter().map(|x| (name, x)));
        regs.review.extend(f.review.into_iter().map(|x| (name, x)));
        regs.detention
            .extend(f.detention.into_iter().map(|x| (name, x)));
        regs.handover
            .extend(f.handover.into_iter().map(|x| (name, x)));
        regs.release
            .extend(f.release.into_iter().map(|x| (name, x)));
        regs.complaint
            .extend(f.complaint.into_iter().map(|x| (name, x)));
        regs.case.extend(f.case.into_iter().map(|x| (name, x)));
        regs.case_update
            .extend(f.case_update.into_iter().map(|x| (name, x)));
        sits.incident
            .extend(f.incident.into_iter().map(|x| (name, x)));
        sits.verification
            .extend(f.verification.into_iter().map(|x| (name, x)));
        sits.armed_group
            .extend(f.armed_group.into_iter().map(|x| (name, x)));
        sits.designation
            .extend(f.designation.into_iter().map(|x| (name, x)));
        sits.site_status
            .extend(f.site_status.into_iter().map(|x| (name, x)));
        sits.route_status
            .extend(f.route_status.into_iter().map(|x| (name, x)));
        sits.indicator
            .extend(f.indicator.into_iter().map(|x| (name, x)));
    }
    // The registers after the mission record they name, in the order their rules need.
    record_registers(&mut l, regs)?;
    // Then the situational picture, in the order its rules need.
    record_situation(&mut l, sits)?;
    // Last: a discrepancy may be about anything above, in any file.
    for (name, d) in discrepancies {
        let what = format!("{name}: discrepancy about {:?} ({})", d.about, d.field);
        let (kind, key) = d
            .about
            .split_once(':')
            .ok_or_else(|| anyhow!("{what}: `about` must be \"kind:key\""))?;
        let about = l.key(kind, key, &what)?;
        let claims = d
            .claim
            .iter()
            .map(|c| {
                Ok(Claim {
                    value: c.value.clone(),
                    sources: l.source_ids(&c.sources, &what)?,
                    note: c.note.clone(),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let reason = match d.note {
            Some(n) => format!("{} {n}", d.reason),
            None => d.reason,
        };
        l.record(
            &what,
            SourceCommand::RecordDiscrepancy(NewDiscrepancy {
                about,
                field: d.field,
                claims,
                accepted: d.accepted,
                reason,
            }),
            &d.sources,
            d.classification,
            None,
        )?;
        l.report.discrepancies += 1;
    }
    // All or nothing: a refused item leaves the database as it was.
    let (whats, envs): (Vec<String>, Vec<Envelope>) = l.pending.into_iter().unzip();
    let written = store
        .writer()
        .submit_all(l.actor, envs)
        .await
        .map_err(|(i, e)| {
            anyhow!(
                "{}: {} (nothing was recorded)",
                whats.get(i).map_or("the scenario", String::as_str),
                describe(&e)
            )
        })?;
    l.report.entries = written.len();
    Ok(l.report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use konbit_domain::{
        access::Scope,
        registers::{self as accountability, ClockState, Rules},
    };
    use konbit_store::{Options, Visibility, registers::Select};
    use time::macros::date;

    fn haiti() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/scenarios/haiti-mss")
    }

    #[tokio::test]
    async fn the_haiti_scenario_loads_with_its_synthetic_registers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("konbit.db");
        let store = Store::open(&Options {
            url: format!("sqlite://{}", path.display()),
            migrate: true,
        })
        .await
        .expect("open");
        let report = load(&store, &haiti()).await.expect("the scenario loads");
        assert!(report.sources >= 40, "{report:?}");
        let counts = [
            ("documents", report.documents, 10),
            ("persons", report.persons, 28),
            ("departures", report.departures, 2),
            ("vettings", report.vettings, 29),
            ("acknowledgements", report.acknowledgements, 165),
            ("assignments", report.assignments, 10),
            ("use_of_force", report.use_of_force, 10),
            ("reviews", report.reviews, 15),
            ("detentions", report.detentions, 7),
            ("handovers", report.handovers, 5),
            ("releases", report.releases, 1),
            ("complaints", report.complaints, 6),
            ("cases", report.cases, 4),
            ("case_updates", report.case_updates, 12),
            ("group_profiles", report.group_profiles, 21),
            ("designations", report.designations, 17),
            ("incidents", report.incidents, 21),
            ("fatality_claims", report.fatality_claims, 22),
            ("verifications", report.verifications, 31),
            ("site_statuses", report.site_statuses, 22),
            ("route_statuses", report.route_statuses, 21),
            ("observations", report.observations, 42),
            ("discrepancies", report.discrepancies, 31),
        ];
        for (what, got, want) in counts {
            assert_eq!(got, want, "{what}: {report:?}");
        }

        let mut r = store.reader(Visibility::ALL).await.expect("reader");
        let people = accountability::people(
            &r.register_events("personnel", Select::All, &Scope::All)
                .await
                .expect("personnel"),
        );
        let docs = accountability::documents(
            &r.register_events("documents", Select::All, &Scope::All)
                .await
                .expect("documents"),
        );
        assert_eq!(people.len(), 28);
        // No real names: every identity is a placeholder.
        for p in &people {
            let id = p.identity.as_ref().expect("identity");
            assert!(id.name.starts_with("Synthetic "), "{}", id.name);
            assert!(
                id.service_number.starts_with("SYN-"),
                "{}",
                id.service_number
            );
        }
        // Kenya before and after use_of_force_directive 2.0 came into force.
        let ken = |on| {
            accountability::compliance(&people, &docs, "mss", on)
                .into_iter()
                .find(|c| c.country == "KEN")
                .expect("KEN")
        };
        let before = ken(date!(2025 - 02 - 15));
        assert_eq!(
            (
                before.deployed,
                before.vetted,
                before.acknowledged,
                before.compliant
            ),
            (12, 10, 12, 10)
        );
        let after = ken(date!(2025 - 03 - 15));
        assert_eq!(
            (
                after.deployed,
                after.vetted,
                after.acknowledged,
                after.compliant
            ),
            (11, 9, 7, 7)
        );
        // Everyone has left the MSS by the transfer to the GSF.
        assert!(
            accountability::compliance(&people, &docs, "mss", date!(2025 - 10 - 01)).is_empty()
        );
        let gsf = accountability::compliance(&people, &docs, "gsf", date!(2026 - 01 - 15));
        assert_eq!(gsf.len(), 1);
        assert_eq!((gsf[0].deployed, gsf[0].compliant), (4, 3));

        let now = konbit_store::now();
        let force = r
            .register_events("force", Select::All, &Scope::All)
            .await
            .expect("force");
        let reports = accountability::use_of_force(&force, Rules::default(), now);
        assert_eq!(reports.len(), 10);
        assert_eq!(reports.iter().filter(|r| r.late).count(), 2);
        let review = |s: ReviewStatus| reports.iter().filter(|r| r.review == s).count();
        assert_eq!(review(ReviewStatus::Cleared), 4);
        assert_eq!(review(ReviewStatus::Referred), 2);
        assert_eq!(review(ReviewStatus::UnderReview), 3);
        assert_eq!(review(ReviewStatus::Submitted), 1);
        for level in ForceLevel::ALL {
            assert!(reports.iter().any(|r| r.level == *level), "{level}");
        }
        let detentions = accountability::detentions(&force, Rules::default(), now);
        assert_eq!(detentions.len(), 7);
        let clock = |s: ClockState| detentions.iter().filter(|d| d.clock == s).count();
        assert_eq!(clock(ClockState::Met), 5);
        assert_eq!(clock(ClockState::Breached), 1);
        assert_eq!(clock(ClockState::Overdue), 1);
        assert_eq!(detentions.iter().filter(|d| d.minor()).count(), 1);

        let complaints_area = r
            .register_events("complaints", Select::All, &Scope::All)
            .await
            .expect("complaints");
        let cases = accountability::cases(&complaints_area);
        let complaints = accountability::complaints(&complaints_area, &cases);
        assert_eq!((complaints.len(), cases.len()), (6, 4));
        let demo = complaints
            .iter()
            .find(|c| c.reference.as_deref() == Some("SYN-2025-0004"))
            .expect("the demo complaint");
        assert_eq!(demo.secret_hash, secret_hash("demo-secret-0004"));
        assert_eq!(demo.status, CaseStatus::UnderInvestigation);
        let mut statuses: Vec<CaseStatus> = cases.iter().map(|c| c.status).collect();
        statuses.sort();
        assert_eq!(
            statuses,
            vec![
                CaseStatus::UnderInvestigation,
                CaseStatus::Substantiated,
                CaseStatus::Unsubstantiated,
                CaseStatus::Closed
            ]
        );
        let counted: i64 = cases.iter().filter_map(|c| c.counted_allegations).sum();
        assert_eq!(counted, 6);
        drop(r);
        store.close().await;
    }

    #[tokio::test]
    async fn an_assignment_that_fails_the_gate_refuses_the_whole_scenario() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("konbit.db");
        let store = Store::open(&Options {
            url: format!("sqlite://{}", path.display()),
            migrate: true,
        })
        .await
        .expect("open");
        let mut texts: Vec<(String, String)> = FILES
            .iter()
            .map(|n| {
                let t = std::fs::read_to_string(haiti().join(n)).expect("read");
                (n.to_string(), t)
            })
            .collect();
        // ken-010's vetting is still pending.
        texts.push((
            "extra.toml".into(),
            "[[assignment]]\nperson = \"ken-010\"\noperation = \"X\"\non = \"2025-02-01\"\n".into(),
        ));
        let borrowed: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let e = load_texts(&store, &borrowed).await.expect_err("refused");
        let msg = format!("{e:#}");
        assert!(
            msg.contains("extra.toml: assignment of person \"ken-010\"")
                && msg.contains("nothing was recorded"),
            "{msg}"
        );
        store.close().await;
    }

    #[test]
    fn secrets_are_hashed_as_lowercase_hex_sha256_of_the_upper_case_secret() {
        // SHA-256("ABC"): a secret is compared without regard to case or surrounding spaces.
        let h = "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78";
        assert_eq!(secret_hash("abc"), h);
        assert_eq!(secret_hash(" ABC "), h);
    }

    #[test]
    fn an_incident_has_notes_not_a_note() {
        let e = parse_file(
            "situation.toml",
            "[[incident]]\nevent_id = \"MSS-2024-0099\"\nevent_date = \"2024-10-03\"\n\
             time_precision = 1\nevent_type = \"riots\"\nsub_event_type = \"mob_violence\"\n\
             actor1 = \"Rioters (Haiti)\"\ninter1 = \"rioters\"\nadmin1 = \"Ouest\"\n\
             location = \"Port-au-Prince\"\nlatitude = 18.54\nlongitude = -72.34\n\
             geo_precision = 1\nnotes = \"n\"\nfatalities = 0\nnote = \"x\"\n",
        )
        .err()
        .expect("refused");
        assert!(format!("{e:#}").contains("note"), "{e:#}");
    }

    #[tokio::test]
    async fn a_discrepancy_about_an_unknown_indicator_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Options {
            url: format!("sqlite://{}", dir.path().join("konbit.db").display()),
            migrate: true,
        })
        .await
        .expect("open");
        let e = load_texts(
            &store,
            &[(
                "situation.toml",
                "[[discrepancy]]\nabout = \"indicator:nope\"\nfield = \"value\"\n\
                 accepted = 0\nreason = \"r\"\n[[discrepancy.claim]]\nvalue = \"1\"\n",
            )],
        )
        .await
        .expect_err("refused");
        assert!(
            format!("{e:#}").contains("unknown indicator key \"nope\""),
            "{e:#}"
        );
        store.close().await;
    }

    #[test]
    fn unknown_register_fields_are_refused() {
        let e = parse_file(
            "registers.toml",
            "[[person]]\nkey = \"p\"\nmission = \"mss\"\ncountry = \"KEN\"\nunit = \"u\"\n\
             category = \"police\"\ndeployed_from = \"2024-06-25\"\nservice_number = \"S\"\n\
             name = \"N\"\nrank = \"R\"\nnickname = \"x\"\n",
        )
        .err()
        .expect("refused");
        assert!(format!("{e:#}").contains("nickname"), "{e:#}");
    }
}
