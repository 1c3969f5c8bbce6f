//! Force generation's commands: missions, mandates, successions, requirements, pledges and
//! their versions, national authorizations, deployments and funding, each with field-level
//! validation. Rules that need the state of the record (does the mission exist, does the
//! contributor hold the required instruments) are the store's, checked inside the writer's
//! transaction.

use super::{FundingChannel, FundingKind, InstrumentKind, InstrumentStatus, Movement, Personnel};
use crate::text::{
    check_country, check_currency, check_date, check_opt_text, check_slug, check_text,
};
use crate::{EntryKind, ValidationErrors, country, from_body, to_body};
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
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: String,
    /// Abbreviation shown in tables (`MSS`).
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
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
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
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
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
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
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
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

/// Everything force generation can be asked to record.
#[derive(Debug, Clone, PartialEq)]
pub enum ForceCommand {
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
}

impl ForceCommand {
    /// The log entry kind.
    pub fn kind(&self) -> EntryKind {
        use ForceCommand::*;
        match self {
            CreateMission(_) => EntryKind::MissionCreated,
            RecordMandate(_) => EntryKind::MandateRecorded,
            RecordSuccession(_) => EntryKind::MissionSucceeded,
            SetRequirements(_) => EntryKind::RequirementsSet,
            RecordPledge(_) => EntryKind::PledgeRecorded,
            RevisePledge(_) => EntryKind::PledgeRevised,
            WithdrawPledge(_) => EntryKind::PledgeWithdrawn,
            RecordAuthorization(_) => EntryKind::AuthorizationRecorded,
            RecordDeployment(_) => EntryKind::DeploymentRecorded,
            RecordFunding(_) => EntryKind::FundingRecorded,
        }
    }

    /// When the fact happened in the world.
    pub fn valid_on(&self) -> Option<Date> {
        use ForceCommand::*;
        Some(match self {
            CreateMission(c) => c.start_date,
            RecordMandate(c) => c.adopted_on,
            RecordSuccession(c) => c.on,
            SetRequirements(c) => c.from,
            RecordPledge(c) => c.pledged_on,
            RevisePledge(c) => c.on,
            WithdrawPledge(c) => c.on,
            RecordAuthorization(c) => c.issued_on,
            RecordDeployment(c) => c.on,
            RecordFunding(c) => c.on,
        })
    }

    /// The entry body.
    pub fn body(&self) -> serde_json::Value {
        use ForceCommand::*;
        match self {
            CreateMission(c) => to_body(c),
            RecordMandate(c) => to_body(c),
            RecordSuccession(c) => to_body(c),
            SetRequirements(c) => to_body(c),
            RecordPledge(c) => to_body(c),
            RevisePledge(c) => to_body(c),
            WithdrawPledge(c) => to_body(c),
            RecordAuthorization(c) => to_body(c),
            RecordDeployment(c) => to_body(c),
            RecordFunding(c) => to_body(c),
        }
    }

    /// Rebuilds a command from an entry, `None` when the kind is not force generation's.
    pub fn from_entry(kind: EntryKind, body: &serde_json::Value) -> Option<Result<Self, String>> {
        use ForceCommand::*;
        Some(match kind {
            EntryKind::MissionCreated => from_body(body).map(CreateMission),
            EntryKind::MandateRecorded => from_body(body).map(RecordMandate),
            EntryKind::MissionSucceeded => from_body(body).map(RecordSuccession),
            EntryKind::RequirementsSet => from_body(body).map(SetRequirements),
            EntryKind::PledgeRecorded => from_body(body).map(RecordPledge),
            EntryKind::PledgeRevised => from_body(body).map(RevisePledge),
            EntryKind::PledgeWithdrawn => from_body(body).map(WithdrawPledge),
            EntryKind::AuthorizationRecorded => from_body(body).map(RecordAuthorization),
            EntryKind::DeploymentRecorded => from_body(body).map(RecordDeployment),
            EntryKind::FundingRecorded => from_body(body).map(RecordFunding),
            _ => return None,
        })
    }

    /// The record an entry is about when it is not a new one: the pledge revised or withdrawn.
    pub fn parent(&self) -> Option<Uuid> {
        match self {
            ForceCommand::RevisePledge(r) => Some(r.pledge),
            ForceCommand::WithdrawPledge(w) => Some(w.pledge),
            _ => None,
        }
    }

    /// Field-level checks. State-dependent rules are the store's.
    pub fn check(&self, e: &mut ValidationErrors) {
        match self {
            ForceCommand::CreateMission(c) => {
                check_slug("slug", &c.slug, e);
                check_text("name", &c.name, 200, e);
                check_text("short_name", &c.short_name, 20, e);
                check_country("host_country", &c.host_country, e);
                check_country("lead_nation", &c.lead_nation, e);
                check_date("start_date", c.start_date, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            ForceCommand::RecordMandate(c) => {
                check_slug("mission", &c.mission, e);
                if !(1..=100_000).contains(&c.resolution) {
                    e.add("resolution", "must be a resolution number from 1 to 100000");
                }
                check_date("adopted_on", c.adopted_on, e);
                check_date("mandate_end", c.mandate_end, e);
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
                    check_date("review_on", r, e);
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
                check_opt_text("summary", c.summary.as_deref(), e);
            }
            ForceCommand::RecordSuccession(c) => {
                check_slug("mission", &c.mission, e);
                check_slug("successor", &c.successor, e);
                if c.mission == c.successor {
                    e.add("successor", "a mission cannot succeed itself");
                }
                check_date("on", c.on, e);
            }
            ForceCommand::SetRequirements(c) => {
                check_slug("mission", &c.mission, e);
                check_date("from", c.from, e);
                let mut seen = Vec::new();
                for (i, k) in c.instruments.iter().enumerate() {
                    if seen.contains(k) {
                        e.add(format!("instruments[{i}]"), "is listed twice");
                    }
                    seen.push(*k);
                }
            }
            ForceCommand::RecordPledge(c) => {
                check_slug("mission", &c.mission, e);
                check_country("country", &c.country, e);
                check_date("pledged_on", c.pledged_on, e);
                c.personnel.check("personnel", e);
                check_money(c.money.as_ref(), e);
                check_opt_text("equipment", c.equipment.as_deref(), e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            ForceCommand::RevisePledge(c) => {
                check_date("on", c.on, e);
                c.personnel.check("personnel", e);
                check_money(c.money.as_ref(), e);
                check_opt_text("equipment", c.equipment.as_deref(), e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            ForceCommand::WithdrawPledge(c) => {
                check_date("on", c.on, e);
                check_text("reason", &c.reason, 2000, e);
            }
            ForceCommand::RecordAuthorization(c) => {
                check_slug("mission", &c.mission, e);
                check_country("country", &c.country, e);
                check_text("title", &c.title, 300, e);
                check_date("issued_on", c.issued_on, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            ForceCommand::RecordDeployment(c) => {
                check_slug("mission", &c.mission, e);
                check_country("country", &c.country, e);
                check_date("on", c.on, e);
                c.personnel.check("personnel", e);
                if c.personnel.is_zero() {
                    e.add("personnel", "a movement must move at least one person");
                }
                match (c.movement, &c.relieved) {
                    (Movement::Rotation, Some(r)) => {
                        r.check("relieved", e);
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
                check_opt_text("unit", c.unit.as_deref(), e);
                check_opt_text("note", c.note.as_deref(), e);
                if let Some(r) = &c.override_reason
                    && r.trim().is_empty()
                {
                    e.add("override_reason", "must not be empty when given");
                }
            }
            ForceCommand::RecordFunding(c) => {
                check_slug("mission", &c.mission, e);
                check_text("donor", &c.donor, 200, e);
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
                check_currency("currency", &c.currency, e);
                check_date("on", c.on, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Command;
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
        assert!(
            Command::Force(ForceCommand::RecordDeployment(deployment()))
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn negative_counts_and_bad_country_are_named() {
        let mut d = deployment();
        d.personnel.police = -5;
        d.country = "XXX".into();
        let f = fields(Command::Force(ForceCommand::RecordDeployment(d)));
        assert!(f.contains(&"personnel.police".to_string()), "{f:?}");
        assert!(f.contains(&"country".to_string()), "{f:?}");
    }

    #[test]
    fn rotation_needs_relieved() {
        let mut d = deployment();
        d.movement = Movement::Rotation;
        assert_eq!(
            fields(Command::Force(ForceCommand::RecordDeployment(d))),
            vec!["relieved"]
        );
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
        assert_eq!(
            fields(Command::Force(ForceCommand::RecordMandate(m))),
            vec!["votes_for"]
        );
    }

    #[test]
    fn body_round_trips_through_from_entry() {
        let c = Command::Force(ForceCommand::RecordDeployment(deployment()));
        let back = Command::from_entry(c.kind(), &c.body()).expect("round trip");
        assert_eq!(back, c);
    }

    #[test]
    fn amounts_are_bounded() {
        let funding = |amount: i64| {
            Command::Force(ForceCommand::RecordFunding(NewFunding {
                mission: "mss".into(),
                donor: "USA".into(),
                kind: FundingKind::Pledge,
                channel: FundingChannel::TrustFund,
                amount,
                currency: "USD".into(),
                on: date!(2024 - 06 - 25),
                note: None,
            }))
        };
        assert!(funding(MAX_AMOUNT).validate().is_ok());
        assert_eq!(fields(funding(i64::MAX)), vec!["amount"]);
    }
}
