//! The situational picture: incidents coded by the ACLED codebook with their verification,
//! armed groups and coalitions with their designations, the status over time of key sites and
//! route segments, and humanitarian indicators as sourced time series.
//!
//! Incidents are known by their event id (ACLED's `event_id_cnty` for imported events, a
//! mission id such as `MSS-2024-0001` for the mission's own); groups, sites and route segments
//! by a code (`viv-ansanm`, a gazetteer site code, `RN1-3`). Every command here validates its own
//! fields; the writer checks that what it refers to exists.

use super::acled::{self, ActorType, DisorderType, EventType, SubEventType};
use super::gazetteer;
use crate::text::{check_date, check_opt_text, check_slug, check_text};
use crate::{EntryKind, ValidationErrors, country, from_body, to_body};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// One reported figure for the dead, as a source gave it (`at least 115`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FatalityClaim {
    /// The figure as reported: a number, `at least N`, a range, `dozens`, `hundreds`.
    pub figure: String,
    /// The sources that give it.
    #[serde(default)]
    pub sources: Vec<Uuid>,
}

/// An incident, coded as ACLED codes events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewIncident {
    /// ACLED's `event_id_cnty` (`HTI12345`) or the mission's own id (`MSS-2024-0001`).
    pub event_id: String,
    /// When it happened.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub event_date: Date,
    /// 1 = the day is known, 2 = the week, 3 = only the month.
    pub time_precision: u8,
    /// Disorder type; derived from the sub-event type when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disorder_type: Option<DisorderType>,
    /// ACLED event type.
    pub event_type: EventType,
    /// ACLED sub-event type (must belong to the event type).
    pub sub_event_type: SubEventType,
    /// The main actor (`Viv Ansanm`, `Police Forces of Haiti (2021-)`).
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub actor1: String,
    /// Actors with actor 1, `; `-separated as ACLED writes them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assoc_actor_1: String,
    /// Actor 1's type.
    pub inter1: ActorType,
    /// The other side, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub actor2: String,
    /// Actors with actor 2.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assoc_actor_2: String,
    /// Actor 2's type, if there is an actor 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inter2: Option<ActorType>,
    /// Whether civilians were the target.
    #[serde(default)]
    pub civilian_targeting: bool,
    /// Department (ACLED's admin1), as the gazetteer names it.
    pub admin1: String,
    /// ACLED's admin2 (arrondissement), if known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin2: String,
    /// ACLED's admin3 (commune), if known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin3: String,
    /// The place named in the reports.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub location: String,
    /// WGS 84 latitude.
    pub latitude: f64,
    /// WGS 84 longitude.
    pub longitude: f64,
    /// 1 = the place itself, 2 = near it or its district, 3 = only the region is known.
    pub geo_precision: u8,
    /// ACLED's source names (`Le Nouvelliste; AP`), for imported events.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// ACLED's source scale (`National`, `International`, …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_scale: String,
    /// What happened.
    pub notes: String,
    /// Reported dead: the most conservative figure of the claims, when claims are given.
    pub fatalities: u32,
    /// The figures the sources gave, when they disagree or are vague.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fatality_claims: Vec<FatalityClaim>,
    /// ACLED's tags (`crowd size=no report`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tags: String,
    /// ACLED's upload time (Unix seconds), for imported events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
}

impl NewIncident {
    /// The disorder type, given or derived.
    pub fn disorder(&self) -> DisorderType {
        self.disorder_type
            .unwrap_or_else(|| self.sub_event_type.disorder())
    }

    /// ACLED's interaction code.
    pub fn interaction(&self) -> u8 {
        acled::interaction(self.inter1, self.inter2)
    }

    /// Trims the names. They keep the spelling they came with (ACLED's "Grande-Anse" stays
    /// "Grande-Anse", so an export gives back what was imported): filters by department go by
    /// the department's code, which the store takes from the gazetteer, matching any spelling it
    /// knows. A department given by its code (`HT-OU`) is no spelling of a name: it is recorded
    /// under the gazetteer's name. Run before [`NewIncident::check`].
    pub fn normalize(&mut self) {
        if let Some(d) = gazetteer::haiti().department(&self.admin1)
            && d.code.eq_ignore_ascii_case(self.admin1.trim())
        {
            self.admin1 = d.name.clone();
        }
        for s in [
            &mut self.admin1,
            &mut self.event_id,
            &mut self.actor1,
            &mut self.actor2,
            &mut self.assoc_actor_1,
            &mut self.assoc_actor_2,
            &mut self.admin2,
            &mut self.admin3,
            &mut self.location,
        ] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_string();
            }
        }
    }

    /// Field-level rules (see [`crate::command::Command::validate`]).
    pub fn check(&self, e: &mut ValidationErrors) {
        check_event_id("event_id", &self.event_id, e);
        check_date("event_date", self.event_date, e);
        if !(1..=3).contains(&self.time_precision) {
            e.add("time_precision", "must be 1, 2 or 3");
        }
        if !(1..=3).contains(&self.geo_precision) {
            e.add("geo_precision", "must be 1, 2 or 3");
        }
        if self.sub_event_type.event_type() != self.event_type {
            e.add(
                "sub_event_type",
                format!(
                    "{} is a sub-event type of {}, not of {}",
                    self.sub_event_type.label(),
                    self.sub_event_type.event_type().label(),
                    self.event_type.label()
                ),
            );
        }
        if let Some(d) = self.disorder_type
            && (d == DisorderType::StrategicDevelopments)
                != (self.event_type == EventType::StrategicDevelopments)
        {
            e.add(
                "disorder_type",
                format!(
                    "{} does not go with the event type {}",
                    d.label(),
                    self.event_type.label()
                ),
            );
        }
        check_text("actor1", &self.actor1, 300, e);
        if self.actor2.trim().is_empty() {
            if self.inter2.is_some() {
                e.add("inter2", "an actor type without an actor 2");
            }
            if !self.assoc_actor_2.trim().is_empty() {
                e.add("assoc_actor_2", "associated actors without an actor 2");
            }
        } else {
            check_text("actor2", &self.actor2, 300, e);
            if self.inter2.is_none() {
                e.add("inter2", "actor 2 needs its actor type");
            }
        }
        for (f, v) in [
            ("assoc_actor_1", &self.assoc_actor_1),
            ("assoc_actor_2", &self.assoc_actor_2),
            ("admin2", &self.admin2),
            ("admin3", &self.admin3),
            ("source", &self.source),
            ("source_scale", &self.source_scale),
            ("tags", &self.tags),
        ] {
            if v.chars().count() > 1000 {
                e.add(f, "must be at most 1000 characters");
            }
        }
        if gazetteer::haiti().department(&self.admin1).is_none() {
            e.add(
                "admin1",
                format!(
                    "{:?} is not one of Haiti's ten departments ({})",
                    self.admin1,
                    gazetteer::haiti()
                        .departments()
                        .map(|d| d.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        check_text("location", &self.location, 300, e);
        check_point(self.latitude, self.longitude, e);
        check_text("notes", &self.notes, 10_000, e);
        if self.fatalities > 100_000 {
            e.add("fatalities", "must be at most 100000");
        }
        if !self.fatality_claims.is_empty() {
            let mut ok = true;
            for (i, c) in self.fatality_claims.iter().enumerate() {
                if let Err(m) = acled::parse_fatalities(&c.figure) {
                    e.add(format!("fatality_claims[{i}].figure"), m);
                    ok = false;
                }
            }
            if ok
                && let Ok(Some(min)) = acled::conservative_fatalities(
                    self.fatality_claims.iter().map(|c| c.figure.as_str()),
                )
                && min != self.fatalities
            {
                e.add(
                    "fatalities",
                    format!(
                        "must be the most conservative of the reported figures, {min} (ACLED's rule)"
                    ),
                );
            }
        }
        if self.timestamp.is_some_and(|t| t < 0) {
            e.add("timestamp", "must not be negative");
        }
    }
}

/// Checks that a point is a real coordinate in Haiti.
pub fn check_point(lat: f64, lon: f64, e: &mut ValidationErrors) {
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        e.add("latitude", "must be a latitude between -90 and 90");
    } else if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        e.add("longitude", "must be a longitude between -180 and 180");
    } else {
        use gazetteer::{TERRITORIAL_SEA_KM, Whereabouts};
        // ACLED codes some events at sea ("Coast of Cap-Haïtien", "Coast of La Tortue").
        match gazetteer::haiti().whereabouts(lon, lat) {
            w if w.is_haitian() => {}
            Whereabouts::Land => {}
            Whereabouts::Sea(km) => e.add(
                "latitude",
                format!(
                    "the point ({lat}, {lon}) is outside Haiti: at sea {km:.1} km from its \
                     coast, beyond its territorial sea (12 nautical miles, {TERRITORIAL_SEA_KM:.1} km)"
                ),
            ),
            Whereabouts::Across(km) => e.add(
                "latitude",
                format!(
                    "the point ({lat}, {lon}) is outside Haiti: {km:.1} km beyond its land \
                     boundary, in the Dominican Republic"
                ),
            ),
        }
    }
}

fn check_event_id(field: &str, v: &str, e: &mut ValidationErrors) {
    if v.is_empty()
        || v.len() > 40
        || !v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        e.add(
            field,
            "must be 1–40 letters, digits, '-' or '_' (such as HTI12345 or MSS-2024-0001)",
        );
    }
}

crate::vocabulary! {
    /// How far an incident has been verified.
    pub enum Verification {
        /// As first reported.
        Reported,
        /// A second, independent source says the same.
        Corroborated,
        /// Confirmed by the mission or an authoritative source.
        Confirmed,
        /// Sources contradict each other on whether or how it happened.
        Disputed,
        /// Found not to have happened as reported; kept, but left out of counts.
        Retracted,
    }
}

impl Verification {
    /// Whether an incident may move from `self` to `to`. Retraction is final.
    pub fn may_become(self, to: Verification) -> bool {
        use Verification::*;
        matches!(
            (self, to),
            (Reported, Corroborated | Disputed | Retracted)
                | (Corroborated, Confirmed | Disputed | Retracted)
                | (Disputed, Corroborated | Confirmed | Retracted)
                | (Confirmed, Disputed | Retracted)
        )
    }
}

/// A change in an incident's verification status, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerificationChange {
    /// The incident's event id.
    pub incident: String,
    /// The new status.
    pub status: Verification,
    /// Why.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
    /// When the assessment was made.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
}

crate::vocabulary! {
    /// The register record an incident is linked to.
    pub enum LinkedRecord {
        /// A use-of-force report.
        UseOfForce,
        /// A detention.
        Detention,
    }
}

/// An incident linked to a use-of-force report or a detention of the registers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IncidentLink {
    /// The incident's event id.
    pub incident: String,
    /// What kind of record.
    pub register: LinkedRecord,
    /// The record's id.
    pub record: Uuid,
}

crate::vocabulary! {
    /// A single armed group or a coalition of groups.
    pub enum GroupKind {
        /// One gang or armed group.
        Group,
        /// An alliance of groups (Viv Ansanm, G9, G-Pèp).
        Coalition,
    }
}

/// A named leader of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Leader {
    /// Name as reported (`Jimmy "Barbecue" Chérizier`).
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: String,
    /// Role (`leader`, `spokesperson`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// An armed group or coalition as the record knows it on a date: a new profile supersedes the
/// one before from its date on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupProfile {
    /// Stable code (`viv-ansanm`, `gran-grif`).
    pub code: String,
    /// Name (`Viv Ansanm`).
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: String,
    /// Group or coalition.
    pub kind: GroupKind,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Coalition codes it belongs to on this date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<String>,
    /// Leaders on this date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leaders: Vec<Leader>,
    /// Where it holds influence: gazetteer place codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// The date this profile describes.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// How ACLED names it, to match imported actors.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub acled_actor: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

crate::vocabulary! {
    /// A sanction or terrorist designation.
    pub enum DesignationKind {
        /// UN Security Council sanctions (the 2653 regime for Haiti).
        UnSanctions,
        /// United States Foreign Terrorist Organization.
        UsFto,
        /// United States Specially Designated Global Terrorist.
        UsSdgt,
        /// Other national sanctions (Canada, EU, …).
        NationalSanctions,
    }
}

/// A designation of a group, or of one of its leaders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Designation {
    /// The group's code.
    pub group: String,
    /// The leader designated, when a person rather than the group is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub person: Option<String>,
    /// What kind of designation.
    pub kind: DesignationKind,
    /// Who designated: ISO 3166-1 alpha-3, or `UNO` for the UN.
    pub authority: String,
    /// Date it took effect.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// The instrument (`S/RES/2653 (2022)`, a Federal Register notice).
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reference: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

crate::vocabulary! {
    /// Who holds a key site.
    pub enum SiteStatus {
        /// Held by the host state or the mission.
        Secured,
        /// Fought over.
        Contested,
        /// Held by armed groups.
        HeldByArmedGroups,
        /// Closed (not operating), whoever holds it.
        Closed,
    }
}

crate::vocabulary! {
    /// Whether a route segment can be travelled.
    pub enum RouteStatus {
        /// Open.
        Open,
        /// Open but with attacks, extortion or checkpoints by armed groups.
        Dangerous,
        /// Blocked.
        Blocked,
    }
}

/// The status of a key site from a date on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SiteStatusChange {
    /// Gazetteer site code.
    pub site: String,
    /// The status.
    pub status: SiteStatus,
    /// From when.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// The group holding it, when held by armed groups (a group code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The status of a route segment from a date on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RouteStatusChange {
    /// Gazetteer segment code (`RN1-3`).
    pub segment: String,
    /// The status.
    pub status: RouteStatus,
    /// From when.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
    /// The group controlling it, if one does (a group code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

crate::vocabulary! {
    /// A humanitarian indicator kept as a time series.
    pub enum Indicator {
        /// Internally displaced people (IOM Displacement Tracking Matrix).
        Idps,
        /// People killed (UN: BINUH/OHCHR quarterly reports).
        Killed,
        /// People injured (UN).
        Injured,
        /// People kidnapped.
        Kidnapped,
        /// People in need of humanitarian assistance (OCHA's Humanitarian Needs Overview; HXL
        /// `#inneed`).
        InNeed,
        /// Population of the area (HXL `#population`), against which the others are read.
        Population,
    }
}

crate::vocabulary! {
    /// How exact a reported figure is.
    pub enum Qualifier {
        /// As stated.
        Exact,
        /// "At least", "more than": a lower bound.
        AtLeast,
        /// "About", "nearly": an estimate.
        About,
    }
}

/// One value of an indicator: a stock on a date (displaced people) or a flow over a period
/// (killed in a quarter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The indicator.
    pub indicator: Indicator,
    /// First day of the period (the date itself for a stock).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    /// Last day of the period.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: Date,
    /// `HTI` for the whole country, a department's ISO 3166-2 code (`HT-AR`), or a commune's
    /// OCHA P-code (`HT0111`).
    pub area: String,
    /// The figure.
    pub value: i64,
    /// How exact it is.
    pub qualifier: Qualifier,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Everything the situational picture can be asked to record.
#[derive(Debug, Clone, PartialEq)]
pub enum SituationCommand {
    /// `incident.recorded`
    RecordIncident(Box<NewIncident>),
    /// `incident.revised`: a new version of an incident (a re-imported ACLED row that changed).
    ReviseIncident(Box<NewIncident>),
    /// `incident.verification_changed`
    ChangeVerification(VerificationChange),
    /// `incident.linked`
    LinkIncident(IncidentLink),
    /// `armed_group.profiled`
    ProfileGroup(GroupProfile),
    /// `armed_group.designated`
    Designate(Designation),
    /// `site.status_changed`
    SiteStatus(SiteStatusChange),
    /// `route.status_changed`
    RouteStatus(RouteStatusChange),
    /// `indicator.observed`
    Observe(Observation),
}

impl SituationCommand {
    /// See [`crate::Command::normalize`]: incidents' names in the gazetteer's spelling.
    pub fn normalize(&mut self) {
        if let SituationCommand::RecordIncident(i) | SituationCommand::ReviseIncident(i) = self {
            i.normalize();
        }
    }

    /// The log entry kind.
    pub fn kind(&self) -> EntryKind {
        use SituationCommand::*;
        match self {
            RecordIncident(_) => EntryKind::IncidentRecorded,
            ReviseIncident(_) => EntryKind::IncidentRevised,
            ChangeVerification(_) => EntryKind::IncidentVerificationChanged,
            LinkIncident(_) => EntryKind::IncidentLinked,
            ProfileGroup(_) => EntryKind::ArmedGroupProfiled,
            Designate(_) => EntryKind::ArmedGroupDesignated,
            SiteStatus(_) => EntryKind::SiteStatusChanged,
            RouteStatus(_) => EntryKind::RouteStatusChanged,
            Observe(_) => EntryKind::IndicatorObserved,
        }
    }

    /// The event id of the incident an entry is about, if it is about one.
    pub fn incident(&self) -> Option<&str> {
        use SituationCommand::*;
        match self {
            RecordIncident(c) | ReviseIncident(c) => Some(&c.event_id),
            ChangeVerification(c) => Some(&c.incident),
            LinkIncident(c) => Some(&c.incident),
            _ => None,
        }
    }

    /// When it happened in the world.
    pub fn valid_on(&self) -> Option<Date> {
        use SituationCommand::*;
        match self {
            RecordIncident(c) | ReviseIncident(c) => Some(c.event_date),
            ChangeVerification(c) => Some(c.on),
            LinkIncident(_) => None,
            ProfileGroup(c) => Some(c.on),
            Designate(c) => Some(c.on),
            SiteStatus(c) => Some(c.on),
            RouteStatus(c) => Some(c.on),
            Observe(c) => Some(c.to),
        }
    }

    /// The entry body. Non-finite coordinates are refused by `check` before a body is built.
    pub fn body(&self) -> serde_json::Value {
        use SituationCommand::*;
        match self {
            RecordIncident(c) | ReviseIncident(c) => to_body(c),
            ChangeVerification(c) => to_body(c),
            LinkIncident(c) => to_body(c),
            ProfileGroup(c) => to_body(c),
            Designate(c) => to_body(c),
            SiteStatus(c) => to_body(c),
            RouteStatus(c) => to_body(c),
            Observe(c) => to_body(c),
        }
    }

    /// Rebuilds a command from an entry, `None` when the kind is not the situation's.
    pub fn from_entry(kind: EntryKind, body: &serde_json::Value) -> Option<Result<Self, String>> {
        use SituationCommand::*;
        Some(match kind {
            EntryKind::IncidentRecorded => from_body(body).map(|c| RecordIncident(Box::new(c))),
            EntryKind::IncidentRevised => from_body(body).map(|c| ReviseIncident(Box::new(c))),
            EntryKind::IncidentVerificationChanged => from_body(body).map(ChangeVerification),
            EntryKind::IncidentLinked => from_body(body).map(LinkIncident),
            EntryKind::ArmedGroupProfiled => from_body(body).map(ProfileGroup),
            EntryKind::ArmedGroupDesignated => from_body(body).map(Designate),
            EntryKind::SiteStatusChanged => from_body(body).map(SiteStatus),
            EntryKind::RouteStatusChanged => from_body(body).map(RouteStatus),
            EntryKind::IndicatorObserved => from_body(body).map(Observe),
            _ => return None,
        })
    }

    /// Field-level rules.
    pub fn check(&self, e: &mut ValidationErrors) {
        use SituationCommand::*;
        match self {
            RecordIncident(c) | ReviseIncident(c) => c.check(e),
            ChangeVerification(c) => {
                check_event_id("incident", &c.incident, e);
                check_text("reason", &c.reason, 2000, e);
                check_date("on", c.on, e);
            }
            LinkIncident(c) => check_event_id("incident", &c.incident, e),
            ProfileGroup(c) => {
                check_slug("code", &c.code, e);
                check_text("name", &c.name, 200, e);
                for (i, a) in c.aliases.iter().enumerate() {
                    check_text(&format!("aliases[{i}]"), a, 200, e);
                }
                for (i, m) in c.member_of.iter().enumerate() {
                    check_slug(&format!("member_of[{i}]"), m, e);
                    if *m == c.code {
                        e.add(
                            format!("member_of[{i}]"),
                            "a group cannot be its own member",
                        );
                    }
                }
                for (i, l) in c.leaders.iter().enumerate() {
                    check_text(&format!("leaders[{i}].name"), &l.name, 200, e);
                }
                for (i, a) in c.areas.iter().enumerate() {
                    if gazetteer::haiti().place(a).is_none() {
                        e.add(
                            format!("areas[{i}]"),
                            format!("no place {a:?} in the gazetteer"),
                        );
                    }
                }
                check_date("on", c.on, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            Designate(c) => {
                check_slug("group", &c.group, e);
                if let Some(p) = &c.person {
                    check_text("person", p, 200, e);
                }
                if c.authority != "UNO" && country::find(&c.authority).is_none() {
                    e.add(
                        "authority",
                        "must be an ISO 3166-1 alpha-3 code, or UNO for the United Nations",
                    );
                }
                if c.kind == DesignationKind::UnSanctions && c.authority != "UNO" {
                    e.add("authority", "UN sanctions are designated by UNO");
                }
                check_date("on", c.on, e);
                check_text("reference", &c.reference, 500, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            SiteStatus(c) => {
                if gazetteer::haiti().site(&c.site).is_none() {
                    e.add("site", format!("no site {:?} in the gazetteer", c.site));
                }
                check_held_by(c.held_by.as_deref(), e);
                check_date("on", c.on, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            RouteStatus(c) => {
                if gazetteer::haiti().segment(&c.segment).is_none() {
                    e.add(
                        "segment",
                        format!("no route segment {:?} in the gazetteer", c.segment),
                    );
                }
                check_held_by(c.held_by.as_deref(), e);
                check_date("on", c.on, e);
                check_opt_text("note", c.note.as_deref(), e);
            }
            Observe(c) => {
                check_date("from", c.from, e);
                check_date("to", c.to, e);
                if c.to < c.from {
                    e.add("to", "the period ends before it begins");
                }
                let g = gazetteer::haiti();
                if c.area != "HTI"
                    && g.department(&c.area).is_none_or(|d| d.code != c.area)
                    && g.commune_pcode(&c.area).is_none_or(|p| p != c.area)
                {
                    e.add(
                        "area",
                        "must be HTI, a department's ISO 3166-2 code such as HT-AR, or a commune's OCHA P-code such as HT0111",
                    );
                }
                if c.value < 0 {
                    e.add("value", "must not be negative");
                }
                check_opt_text("note", c.note.as_deref(), e);
            }
        }
    }
}

fn check_held_by(held_by: Option<&str>, e: &mut ValidationErrors) {
    if let Some(g) = held_by {
        check_slug("held_by", g, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Named;
    use time::macros::date;

    pub(crate) fn incident() -> NewIncident {
        NewIncident {
            event_id: "MSS-2024-0001".into(),
            event_date: date!(2024 - 10 - 03),
            time_precision: 1,
            disorder_type: None,
            event_type: EventType::ViolenceAgainstCivilians,
            sub_event_type: SubEventType::Attack,
            actor1: "Gran Grif".into(),
            assoc_actor_1: String::new(),
            inter1: ActorType::PoliticalMilitia,
            actor2: "Civilians (Haiti)".into(),
            assoc_actor_2: String::new(),
            inter2: Some(ActorType::Civilians),
            civilian_targeting: true,
            admin1: "Artibonite".into(),
            admin2: "Saint-Marc".into(),
            admin3: "Saint-Marc".into(),
            location: "Pont-Sonde".into(),
            latitude: 19.15,
            longitude: -72.61,
            geo_precision: 1,
            source: String::new(),
            source_scale: String::new(),
            notes: "Attack on Pont-Sonde".into(),
            fatalities: 100,
            fatality_claims: vec![
                FatalityClaim {
                    figure: "at least 115".into(),
                    sources: vec![],
                },
                FatalityClaim {
                    figure: "over 100".into(),
                    sources: vec![],
                },
            ],
            tags: String::new(),
            timestamp: None,
        }
    }

    fn errors(c: &NewIncident) -> Vec<String> {
        let mut e = ValidationErrors::default();
        c.check(&mut e);
        e.0.into_iter().map(|f| f.field).collect()
    }

    #[test]
    fn a_coded_incident_passes() {
        assert_eq!(errors(&incident()), Vec::<String>::new());
    }

    #[test]
    fn bad_fields_are_named() {
        let mut c = incident();
        c.sub_event_type = SubEventType::ArmedClash;
        c.time_precision = 4;
        c.inter2 = None;
        c.latitude = 25.77; // Miami
        c.longitude = -80.19;
        c.admin1 = "Florida".into();
        c.event_id = "bad id!".into();
        assert_eq!(
            errors(&c),
            vec![
                "event_id",
                "time_precision",
                "sub_event_type",
                "inter2",
                "admin1",
                "latitude"
            ]
        );
    }

    #[test]
    fn fatalities_must_be_the_conservative_claim() {
        let mut c = incident();
        c.fatalities = 115;
        assert_eq!(errors(&c), vec!["fatalities"]);
        c.fatality_claims[0].figure = "many".into();
        assert_eq!(errors(&c), vec!["fatality_claims[0].figure"]);
    }

    #[test]
    fn points_in_the_territorial_sea_are_haitian_and_beyond_it_are_refused_with_the_distance() {
        let said = |lat: f64, lon: f64| {
            let mut e = ValidationErrors::default();
            check_point(lat, lon, &mut e);
            e.0.into_iter().map(|f| f.message).collect::<Vec<_>>()
        };
        // "Coast of Cap-Haïtien", "Coast of La Tortue": a few km out.
        assert!(said(19.82, -72.18).is_empty());
        assert!(said(20.12, -72.78).is_empty());
        // Ouanaminthe, on the border.
        assert!(said(19.55, -71.73).is_empty());
        let far = said(20.4, -72.5);
        assert_eq!(far.len(), 1, "{far:?}");
        assert!(
            far[0].contains(
                "km from its coast, beyond its territorial sea (12 nautical miles, 22.2 km)"
            ),
            "{far:?}"
        );
        let miami = said(25.77, -80.19);
        assert!(
            miami[0].starts_with("the point (25.77, -80.19) is outside Haiti: at sea "),
            "{miami:?}"
        );
        let santo_domingo = said(18.48, -69.93);
        assert!(
            santo_domingo[0].contains("km beyond its land boundary, in the Dominican Republic"),
            "{santo_domingo:?}"
        );
    }

    #[test]
    fn department_names_keep_their_spelling_and_are_still_known() {
        let mut c = incident();
        for given in ["Grande-Anse", "Grand'Anse", "grande anse"] {
            c.admin1 = format!("  {given} ");
            c.normalize();
            assert_eq!(c.admin1, given);
            assert!(errors(&c).is_empty(), "{given}: {:?}", errors(&c));
            assert_eq!(
                gazetteer::haiti()
                    .department(&c.admin1)
                    .map(|d| d.code.as_str()),
                Some("HT-GA")
            );
        }
        c.admin1 = "ht-ga".into();
        c.normalize();
        assert_eq!(
            c.admin1, "Grand'Anse",
            "a code becomes the department's name"
        );
    }

    #[test]
    fn verification_moves_forward_and_retraction_is_final() {
        use Verification::*;
        assert!(Reported.may_become(Corroborated));
        assert!(Corroborated.may_become(Confirmed));
        assert!(!Reported.may_become(Reported));
        assert!(!Retracted.may_become(Reported));
        assert!(!Retracted.may_become(Confirmed));
        for s in Verification::ALL {
            assert!(!s.may_become(Reported), "{s} back to reported");
        }
    }
}
