//! Commands: everything the record can be asked to say, with field-level validation.
//!
//! A command is what a client sends (API, form, scenario file); once validated it becomes the
//! body of one log entry of kind [`Command::kind`]. Rules that need the current state of the
//! record (does the mission exist, does the contributor hold the required instruments) are
//! checked by the store's writer, inside the same transaction as the append.

use crate::registers::RegisterCommand;
use crate::situation::SituationCommand;
use crate::{
    FundingChannel, FundingKind, InstrumentKind, InstrumentStatus, Movement, Personnel,
    Reliability, SourceKind, ValidationErrors, check_credibility, country,
};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// A new mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMission {
    /// Short, unique, URL-safe name (`mss`).
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Abbreviation shown in tables (`MSS`).
    pub short_name: String,
    /// ISO 3166-1 alpha-3 of the host state.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub host_country: String,
    /// ISO 3166-1 alpha-3 of the lead nation.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub lead_nation: String,
    /// When the mission was authorized or began.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub start_date: Date,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A mandate instrument: a UN Security Council resolution authorizing or renewing a mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMandate {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Resolution number.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000))]
    pub resolution: i64,
    /// Date of adoption.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub adopted_on: Date,
    /// Votes in favour.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 15))]
    pub votes_for: i64,
    /// Votes against.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 15))]
    pub votes_against: i64,
    /// Abstentions.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 15))]
    pub votes_abstain: i64,
    /// When the authorization expires unless renewed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub mandate_end: Date,
    /// When the Council asked for a review, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub review_on: Option<Date>,
    /// Total personnel ceiling, if the resolution sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000))]
    pub ceiling_total: Option<i64>,
    /// Uniformed (police and military) ceiling, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000))]
    pub ceiling_uniformed: Option<i64>,
    /// Civilian ceiling, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000))]
    pub ceiling_civilian: Option<i64>,
    /// One paragraph on what the resolution does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// One mission succeeded by another (MSS → Gang Suppression Force).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSuccession {
    /// Slug of the mission that ends.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// Slug of the mission that takes over.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub successor: String,
    /// Date of the handover.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// The resolution that decided it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000))]
    pub resolution: Option<i64>,
}

/// The instruments a mission requires of every contributor before it deploys, from a date on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRequirements {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// From when the rule applies.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    /// Instrument kinds required (empty: no requirement).
    pub instruments: Vec<InstrumentKind>,
}

/// A contributor's pledge of personnel, equipment or money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPledge {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// ISO 3166-1 alpha-3 of the contributor.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// When the pledge was made.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub pledged_on: Date,
    /// Personnel pledged, by category.
    #[serde(default)]
    pub personnel: Personnel,
    /// Equipment pledged, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment: Option<String>,
    /// Money pledged, in whole units of `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Money>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Whole currency units.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000000000_i64))]
    pub amount: i64,
    /// ISO 4217 code.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$"))]
    pub currency: String,
}

/// New figures for an existing pledge, in force from `on`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PledgeRevision {
    /// The pledge revised.
    pub pledge: Uuid,
    /// From when the new figures stand.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// The new personnel figures (they replace, not add to, the old ones).
    #[serde(default)]
    pub personnel: Personnel,
    /// Equipment, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment: Option<String>,
    /// Money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Money>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A pledge withdrawn from `on`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PledgeWithdrawal {
    /// The pledge withdrawn.
    pub pledge: Uuid,
    /// From when.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Why.
    pub reason: String,
}

/// A legal instrument of a contributor: approval, vote, ruling, agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAuthorization {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// ISO 3166-1 alpha-3 of the contributor.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// Kind of instrument.
    pub kind: InstrumentKind,
    /// What it is, in a line.
    pub title: String,
    /// Date of the decision, vote, ruling or signature.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub issued_on: Date,
    /// Where it stands from that date.
    pub status: InstrumentStatus,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A contingent arrives, leaves or rotates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDeployment {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// ISO 3166-1 alpha-3 of the contributor.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// Arrival, departure or rotation.
    pub movement: Movement,
    /// Date of the movement.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Arriving personnel (arrival, rotation) or leaving personnel (departure).
    pub personnel: Personnel,
    /// For a rotation: the personnel who leave as the others arrive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relieved: Option<Personnel>,
    /// Unit or contingent name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why the deployment is recorded although the contributor lacks a required instrument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

impl NewDeployment {
    /// Personnel in and out of the mission by this movement.
    pub fn flows(&self) -> (Personnel, Personnel) {
        match self.movement {
            Movement::Arrival => (self.personnel, Personnel::default()),
            Movement::Departure => (Personnel::default(), self.personnel),
            Movement::Rotation => (self.personnel, self.relieved.unwrap_or_default()),
        }
    }
}

/// Money pledged, received or frozen for the mission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewFunding {
    /// Mission slug.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9-]{1,32}$"))]
    pub mission: String,
    /// ISO 3166-1 alpha-3 of the donor state, or an organization's name.
    pub donor: String,
    /// Pledge, receipt or freeze.
    pub kind: FundingKind,
    /// Trust fund, bilateral or in kind.
    pub channel: FundingChannel,
    /// Whole currency units.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000000000_i64))]
    pub amount: i64,
    /// ISO 4217 code.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$"))]
    pub currency: String,
    /// Date of the pledge, receipt or freeze.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A source document, graded with the Admiralty code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSource {
    /// Kind of document.
    pub kind: SourceKind,
    /// Title or headline.
    pub title: String,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A reference when there is no URL (document symbol, file number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published_on: Option<Date>,
    /// Publisher or outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// ISO 639-1 language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Admiralty reliability, A–F.
    pub reliability: Reliability,
    /// Admiralty credibility, 1–6.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 6))]
    pub credibility: i64,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Sources disagree about a figure: every claim is kept, and the record says which it accepts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDiscrepancy {
    /// The record the disagreement is about (its subject id).
    pub about: Uuid,
    /// The field in dispute (`personnel.police`).
    pub field: String,
    /// The competing claims, each with its sources.
    pub claims: Vec<Claim>,
    /// Index into `claims` of the value the record uses.
    pub accepted: usize,
    /// Why the mission accepts that value.
    pub reason: String,
}

/// One source's version of a disputed figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The value as the source states it.
    pub value: String,
    /// The sources that state it.
    pub sources: Vec<Uuid>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A correction: supersedes the body of an earlier entry. The earlier entry stays in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// Sequence number of the entry corrected (the original, not an earlier correction).
    pub corrects: i64,
    /// Why.
    pub reason: String,
    /// The corrected body, in the format of the corrected entry's kind.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub body: serde_json::Value,
}

/// Everything the record can be asked to say.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `mission.created`
    CreateMission(NewMission),
    /// `mandate.recorded`
    RecordMandate(NewMandate),
    /// `mission.succeeded`
    RecordSuccession(NewSuccession),
    /// `mission.requirements_set`
    SetRequirements(NewRequirements),
    /// `pledge.recorded`
    RecordPledge(NewPledge),
    /// `pledge.revised`
    RevisePledge(PledgeRevision),
    /// `pledge.withdrawn`
    WithdrawPledge(PledgeWithdrawal),
    /// `authorization.recorded`
    RecordAuthorization(NewAuthorization),
    /// `deployment.recorded`
    RecordDeployment(NewDeployment),
    /// `funding.recorded`
    RecordFunding(NewFunding),
    /// `source.registered`
    RegisterSource(NewSource),
    /// `discrepancy.recorded`
    RecordDiscrepancy(NewDiscrepancy),
    /// `entry.corrected`
    Correct(Correction),
    /// The accountability registers (`person.*`, `detention.*`, `case.*`, …).
    Register(RegisterCommand),
    /// The situational picture (`incident.*`, `armed_group.*`, `site.*`, `route.*`,
    /// `indicator.*`).
    Situation(SituationCommand),
}

/// Entry kinds whose bodies a correction may replace (one projected record each).
pub const CORRECTABLE_KINDS: &[&str] = &[
    "mission.created",
    "mandate.recorded",
    "mission.succeeded",
    "mission.requirements_set",
    "pledge.recorded",
    "pledge.revised",
    "pledge.withdrawn",
    "authorization.recorded",
    "deployment.recorded",
    "funding.recorded",
    "source.registered",
    "discrepancy.recorded",
];

impl Command {
    /// The log entry kind this command appends.
    pub fn kind(&self) -> &'static str {
        match self {
            Command::CreateMission(_) => "mission.created",
            Command::RecordMandate(_) => "mandate.recorded",
            Command::RecordSuccession(_) => "mission.succeeded",
            Command::SetRequirements(_) => "mission.requirements_set",
            Command::RecordPledge(_) => "pledge.recorded",
            Command::RevisePledge(_) => "pledge.revised",
            Command::WithdrawPledge(_) => "pledge.withdrawn",
            Command::RecordAuthorization(_) => "authorization.recorded",
            Command::RecordDeployment(_) => "deployment.recorded",
            Command::RecordFunding(_) => "funding.recorded",
            Command::RegisterSource(_) => "source.registered",
            Command::RecordDiscrepancy(_) => "discrepancy.recorded",
            Command::Correct(_) => "entry.corrected",
            Command::Register(r) => r.kind(),
            Command::Situation(c) => c.kind(),
        }
    }

    /// When the fact happened in the world (ISO 8601 date), if the command carries one.
    pub fn valid_on(&self) -> Option<Date> {
        match self {
            Command::CreateMission(c) => Some(c.start_date),
            Command::RecordMandate(c) => Some(c.adopted_on),
            Command::RecordSuccession(c) => Some(c.on),
            Command::SetRequirements(c) => Some(c.from),
            Command::RecordPledge(c) => Some(c.pledged_on),
            Command::RevisePledge(c) => Some(c.on),
            Command::WithdrawPledge(c) => Some(c.on),
            Command::RecordAuthorization(c) => Some(c.issued_on),
            Command::RecordDeployment(c) => Some(c.on),
            Command::RecordFunding(c) => Some(c.on),
            Command::RegisterSource(c) => c.published_on,
            Command::RecordDiscrepancy(_) | Command::Correct(_) => None,
            Command::Register(r) => r.valid_on(),
            Command::Situation(c) => c.valid_on(),
        }
    }

    /// The body of the entry, as JSON (the store writes it canonically).
    pub fn body(&self) -> serde_json::Value {
        let v = match self {
            Command::CreateMission(c) => serde_json::to_value(c),
            Command::RecordMandate(c) => serde_json::to_value(c),
            Command::RecordSuccession(c) => serde_json::to_value(c),
            Command::SetRequirements(c) => serde_json::to_value(c),
            Command::RecordPledge(c) => serde_json::to_value(c),
            Command::RevisePledge(c) => serde_json::to_value(c),
            Command::WithdrawPledge(c) => serde_json::to_value(c),
            Command::RecordAuthorization(c) => serde_json::to_value(c),
            Command::RecordDeployment(c) => serde_json::to_value(c),
            Command::RecordFunding(c) => serde_json::to_value(c),
            Command::RegisterSource(c) => serde_json::to_value(c),
            Command::RecordDiscrepancy(c) => serde_json::to_value(c),
            Command::Correct(c) => serde_json::to_value(c),
            Command::Register(r) => return r.body(),
            Command::Situation(c) => return c.body(),
        };
        // Serializing plain structs of strings and numbers cannot fail.
        v.unwrap_or(serde_json::Value::Null)
    }

    /// Rebuilds a command from an entry's kind and body (for replay and corrections).
    pub fn from_entry(kind: &str, body: &serde_json::Value) -> Result<Command, String> {
        fn de<T: serde::de::DeserializeOwned>(b: &serde_json::Value) -> Result<T, String> {
            serde_json::from_value(b.clone()).map_err(|e| e.to_string())
        }
        Ok(match kind {
            "mission.created" => Command::CreateMission(de(body)?),
            "mandate.recorded" => Command::RecordMandate(de(body)?),
            "mission.succeeded" => Command::RecordSuccession(de(body)?),
            "mission.requirements_set" => Command::SetRequirements(de(body)?),
            "pledge.recorded" => Command::RecordPledge(de(body)?),
            "pledge.revised" => Command::RevisePledge(de(body)?),
            "pledge.withdrawn" => Command::WithdrawPledge(de(body)?),
            "authorization.recorded" => Command::RecordAuthorization(de(body)?),
            "deployment.recorded" => Command::RecordDeployment(de(body)?),
            "funding.recorded" => Command::RecordFunding(de(body)?),
            "source.registered" => Command::RegisterSource(de(body)?),
            "discrepancy.recorded" => Command::RecordDiscrepancy(de(body)?),
            "entry.corrected" => Command::Correct(de(body)?),
            other => match RegisterCommand::from_entry(other, body) {
                Some(r) => Command::Register(r?),
                None => match SituationCommand::from_entry(other, body) {
                    Some(c) => Command::Situation(c?),
                    None => return Err(format!("unknown entry kind {other:?}")),
                },
            },
        })
    }

    /// Checks the command's own fields. State-dependent rules are the writer's.
    pub fn validate(&self) -> Result<(), crate::DomainError> {
        let mut e = ValidationErrors::default();
        match self {
            Command::CreateMission(c) => {
                check_slug("slug", &c.slug, &mut e);
                check_text("name", &c.name, 200, &mut e);
                check_text("short_name", &c.short_name, 20, &mut e);
                check_country("host_country", &c.host_country, &mut e);
                check_country("lead_nation", &c.lead_nation, &mut e);
                check_date("start_date", c.start_date, &mut e);
                check_opt_text("note", c.note.as_deref(), &mut e);
            }
            Command::RecordMandate(c) => {
                check_slug("mission", &c.mission, &mut e);
                if !(1..=100_000).contains(&c.resolution) {
                    e.add("resolution", "must be a resolution number from 1 to 100000");
                }
                check_date("adopted_on", c.adopted_on, &mut e);
                check_date("mandate_end", c.mandate_end, &mut e);
                if c.mandate_end <= c.adopted_on {
                    e.add("mandate_end", "must be after adopted_on");
                }
                for (f, v) in [
                    ("votes_for", c.votes_for),
                    ("votes_against", c.votes_against),
                    ("votes_abstain", c.votes_abstain),
                ] {
                    if !(0..=15).contains(&v) {
                        e.add(f, "must be from 0 to 15 (the Council has 15 members)");
                    }
                }
                if c.votes_for + c.votes_against + c.votes_abstain > 15 {
                    e.add(
                        "votes_for",
                        "votes add up to more than the Council's 15 seats",
                    );
                }
                if let Some(r) = c.review_on {
                    check_date("review_on", r, &mut e);
                    if r < c.adopted_on {
                        e.add("review_on", "must not be before adopted_on");
                    }
                }
                for (f, v) in [
                    ("ceiling_total", c.ceiling_total),
                    ("ceiling_uniformed", c.ceiling_uniformed),
                    ("ceiling_civilian", c.ceiling_civilian),
                ] {
                    if let Some(v) = v
                        && !(1..=1_000_000).contains(&v)
                    {
                        e.add(f, "must be a positive head count");
                    }
                }
                check_opt_text("summary", c.summary.as_deref(), &mut e);
            }
            Command::RecordSuccession(c) => {
                check_slug("mission", &c.mission, &mut e);
                check_slug("successor", &c.successor, &mut e);
                if c.mission == c.successor {
                    e.add("successor", "a mission cannot succeed itself");
                }
                check_date("on", c.on, &mut e);
            }
            Command::SetRequirements(c) => {
                check_slug("mission", &c.mission, &mut e);
                check_date("from", c.from, &mut e);
                let mut seen = Vec::new();
                for (i, k) in c.instruments.iter().enumerate() {
                    if seen.contains(k) {
                        e.add(format!("instruments[{i}]"), "is listed twice");
                    }
                    seen.push(*k);
                }
            }
            Command::RecordPledge(c) => {
                check_slug("mission", &c.mission, &mut e);
                check_country("country", &c.country, &mut e);
                check_date("pledged_on", c.pledged_on, &mut e);
                c.personnel.check("personnel", &mut e);
                check_money(c.money.as_ref(), &mut e);
                check_opt_text("equipment", c.equipment.as_deref(), &mut e);
                check_opt_text("note", c.note.as_deref(), &mut e);
            }
            Command::RevisePledge(c) => {
                check_date("on", c.on, &mut e);
                c.personnel.check("personnel", &mut e);
                check_money(c.money.as_ref(), &mut e);
                check_opt_text("equipment", c.equipment.as_deref(), &mut e);
                check_opt_text("note", c.note.as_deref(), &mut e);
            }
            Command::WithdrawPledge(c) => {
                check_date("on", c.on, &mut e);
                check_text("reason", &c.reason, 2000, &mut e);
            }
            Command::RecordAuthorization(c) => {
                check_slug("mission", &c.mission, &mut e);
                check_country("country", &c.country, &mut e);
                check_text("title", &c.title, 300, &mut e);
                check_date("issued_on", c.issued_on, &mut e);
                check_opt_text("note", c.note.as_deref(), &mut e);
            }
            Command::RecordDeployment(c) => {
                check_slug("mission", &c.mission, &mut e);
                check_country("country", &c.country, &mut e);
                check_date("on", c.on, &mut e);
                c.personnel.check("personnel", &mut e);
                if c.personnel.is_zero() {
                    e.add("personnel", "a movement must move at least one person");
                }
                match (c.movement, &c.relieved) {
                    (Movement::Rotation, Some(r)) => {
                        r.check("relieved", &mut e);
                        if r.is_zero() {
                            e.add("relieved", "a rotation relieves at least one person");
                        }
                    }
                    (Movement::Rotation, None) => {
                        e.add("relieved", "a rotation must say who is relieved")
                    }
                    (_, Some(_)) => e.add("relieved", "only a rotation relieves personnel"),
                    (_, None) => {}
                }
                check_opt_text("unit", c.unit.as_deref(), &mut e);
                check_opt_text("note", c.note.as_deref(), &mut e);
                if let Some(r) = &c.override_reason
                    && r.trim().is_empty()
                {
                    e.add("override_reason", "must not be empty when given");
                }
            }
            Command::RecordFunding(c) => {
                check_slug("mission", &c.mission, &mut e);
                check_text("donor", &c.donor, 200, &mut e);
                if c.donor.len() == 3
                    && c.donor.chars().all(|ch| ch.is_ascii_uppercase())
                    && country::find(&c.donor).is_none()
                {
                    e.add(
                        "donor",
                        "looks like a country code but is not ISO 3166-1 alpha-3",
                    );
                }
                if c.amount <= 0 {
                    e.add("amount", "must be a positive amount");
                } else if c.amount > MAX_AMOUNT {
                    e.add("amount", MAX_AMOUNT_MESSAGE);
                }
                check_currency("currency", &c.currency, &mut e);
                check_date("on", c.on, &mut e);
                check_opt_text("note", c.note.as_deref(), &mut e);
            }
            Command::RegisterSource(c) => {
                check_text("title", &c.title, 500, &mut e);
                if c.url.as_deref().is_none_or(str::is_empty)
                    && c.reference.as_deref().is_none_or(str::is_empty)
                {
                    e.add("url", "a source needs a url or a reference");
                }
                if let Some(u) = &c.url
                    && !(u.starts_with("https://") || u.starts_with("http://"))
                {
                    e.add("url", "must be an http(s) URL");
                }
                if let Some(d) = c.published_on {
                    check_date("published_on", d, &mut e);
                }
                if let Some(l) = &c.language
                    && !(l.len() == 2 && l.chars().all(|ch| ch.is_ascii_lowercase()))
                {
                    e.add("language", "must be an ISO 639-1 code such as en or fr");
                }
                if let Err(m) = check_credibility(c.credibility) {
                    e.add("credibility", m);
                }
                check_opt_text("note", c.note.as_deref(), &mut e);
            }
            Command::RecordDiscrepancy(c) => {
                check_text("field", &c.field, 100, &mut e);
                if c.claims.len() < 2 {
                    e.add("claims", "a discrepancy needs at least two claims");
                }
                if c.accepted >= c.claims.len() {
                    e.add("accepted", "must be the index of one of the claims");
                }
                for (i, cl) in c.claims.iter().enumerate() {
                    check_text(&format!("claims[{i}].value"), &cl.value, 200, &mut e);
                    if cl.sources.is_empty() {
                        e.add(format!("claims[{i}].sources"), "each claim needs a source");
                    }
                }
                check_text("reason", &c.reason, 2000, &mut e);
            }
            Command::Correct(c) => {
                if c.corrects < 1 {
                    e.add("corrects", "must be the sequence number of an entry");
                }
                check_text("reason", &c.reason, 2000, &mut e);
            }
            Command::Register(r) => r.check(&mut e),
            Command::Situation(c) => c.check(&mut e),
        }
        // Every string of the body, whatever its field: no control characters, bounded length.
        crate::text::check_body(&self.body(), &mut e);
        e.into_result()
    }
}

pub(crate) fn check_text(field: &str, v: &str, max: usize, e: &mut ValidationErrors) {
    if v.trim().is_empty() {
        e.add(field, "must not be empty");
    } else if v.chars().count() > max {
        e.add(field, format!("must be at most {max} characters"));
    }
}

pub(crate) fn check_opt_text(field: &str, v: Option<&str>, e: &mut ValidationErrors) {
    if let Some(v) = v
        && v.chars().count() > 10_000
    {
        e.add(field, "must be at most 10000 characters");
    }
}

pub(crate) fn check_slug(field: &str, v: &str, e: &mut ValidationErrors) {
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        e.add(
            field,
            "must be a mission slug: 1–32 lowercase letters, digits or hyphens",
        );
    }
}

fn check_country(field: &str, v: &str, e: &mut ValidationErrors) {
    if country::find(v).is_none() {
        e.add(
            field,
            format!("{v:?} is not an ISO 3166-1 alpha-3 country code"),
        );
    }
}

fn check_currency(field: &str, v: &str, e: &mut ValidationErrors) {
    if !(v.len() == 3 && v.chars().all(|c| c.is_ascii_uppercase())) {
        e.add(field, "must be an ISO 4217 currency code such as USD");
    }
}

/// The largest amount of money one record may carry, in whole units: a thousand billion, far
/// above any mission's budget, and small enough that millions of records add up without
/// overflowing.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;
const MAX_AMOUNT_MESSAGE: &str = "must be at most 1000000000000 (a thousand billion)";

fn check_money(m: Option<&Money>, e: &mut ValidationErrors) {
    if let Some(m) = m {
        if m.amount < 0 {
            e.add("money.amount", "must not be negative");
        } else if m.amount > MAX_AMOUNT {
            e.add("money.amount", MAX_AMOUNT_MESSAGE);
        }
        check_currency("money.currency", &m.currency, e);
    }
}

/// Dates outside this range are almost certainly typing errors.
pub(crate) fn check_date(field: &str, d: Date, e: &mut ValidationErrors) {
    if d.year() < 1945 || d.year() > 2100 {
        e.add(field, "must be between 1945 and 2100");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn deployment() -> NewDeployment {
        NewDeployment {
            mission: "mss".into(),
            country: "KEN".into(),
            movement: Movement::Arrival,
            on: date!(2024 - 06 - 25),
            personnel: Personnel {
                police: 400,
                military: 0,
                civilian: 0,
            },
            relieved: None,
            unit: None,
            note: None,
            override_reason: None,
        }
    }

    fn fields(c: Command) -> Vec<String> {
        match c.validate() {
            Err(crate::DomainError::Invalid(v)) => v.0.into_iter().map(|f| f.field).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn valid_deployment_passes() {
        assert!(Command::RecordDeployment(deployment()).validate().is_ok());
    }

    #[test]
    fn negative_counts_and_bad_country_are_named() {
        let mut d = deployment();
        d.personnel.police = -5;
        d.country = "XXX".into();
        let f = fields(Command::RecordDeployment(d));
        assert!(f.contains(&"personnel.police".to_string()), "{f:?}");
        assert!(f.contains(&"country".to_string()), "{f:?}");
    }

    #[test]
    fn rotation_needs_relieved() {
        let mut d = deployment();
        d.movement = Movement::Rotation;
        assert_eq!(fields(Command::RecordDeployment(d)), vec!["relieved"]);
    }

    #[test]
    fn mandate_vote_cannot_exceed_council() {
        let m = NewMandate {
            mission: "mss".into(),
            resolution: 2699,
            adopted_on: date!(2023 - 10 - 02),
            votes_for: 13,
            votes_against: 1,
            votes_abstain: 2,
            mandate_end: date!(2024 - 10 - 02),
            review_on: None,
            ceiling_total: None,
            ceiling_uniformed: None,
            ceiling_civilian: None,
            summary: None,
        };
        assert_eq!(fields(Command::RecordMandate(m)), vec!["votes_for"]);
    }

    #[test]
    fn body_round_trips_through_from_entry() {
        let c = Command::RecordDeployment(deployment());
        let back = Command::from_entry(c.kind(), &c.body()).expect("round trip");
        assert_eq!(back, c);
    }

    #[test]
    fn control_characters_and_oversized_text_are_refused_in_any_field() {
        let source = |title: &str, url: &str| {
            Command::RegisterSource(NewSource {
                kind: crate::SourceKind::PressRelease,
                title: title.into(),
                url: Some(url.into()),
                reference: None,
                published_on: None,
                outlet: Some("Wire\u{7}".into()),
                language: None,
                reliability: crate::Reliability::A,
                credibility: 1,
                note: Some("two\nlines".into()),
            })
        };
        let f = fields(source("a\u{0}b", "https://example.org/x"));
        assert_eq!(f, vec!["outlet", "title"]);
        let big = format!("https://example.org/{}", "a".repeat(900 * 1024));
        match source("ok", &big).validate() {
            Err(crate::DomainError::Invalid(v)) => {
                assert!(
                    v.0.iter()
                        .any(|f| f.field == "url" && f.message == "must be at most 2048 characters"),
                    "{v:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn amounts_are_bounded() {
        let funding = |amount: i64| {
            Command::RecordFunding(NewFunding {
                mission: "mss".into(),
                donor: "USA".into(),
                kind: crate::FundingKind::Pledge,
                channel: crate::FundingChannel::TrustFund,
                amount,
                currency: "USD".into(),
                on: date!(2024 - 06 - 25),
                note: None,
            })
        };
        assert!(funding(MAX_AMOUNT).validate().is_ok());
        assert_eq!(fields(funding(i64::MAX)), vec!["amount"]);
    }
}
