//! Entry kinds: what each entry of the record log says, as a typed value. The string names
//! (`mission.created`, `incident.revised`, …) are written here and nowhere else; the log stores
//! them, the API and the pages show them, and everything that decides by kind matches on
//! [`EntryKind`] instead of comparing strings.

use serde::{Deserialize, Serialize};

/// The capability an entry kind belongs to: which part of the domain defines its command, and
/// which projector of the store turns it into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Capability {
    /// Force generation: missions, mandates, requirements, pledges, authorizations,
    /// deployments, funding.
    Force,
    /// The register of sources and the disagreements between them (every capability cites
    /// sources).
    Sources,
    /// Corrections of earlier entries.
    Correction,
    /// The accountability registers.
    Registers,
    /// The situational picture.
    Situation,
    /// Media monitoring: articles read from the press and the decisions on their claims.
    Media,
    /// Logins and their rights (audit only; no projection of their own).
    Users,
}

/// The kind of a log entry.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[strum(parse_err_ty = String, parse_err_fn = unknown_kind)]
pub enum EntryKind {
    // Force generation
    #[strum(serialize = "mission.created")]
    MissionCreated,
    #[strum(serialize = "mandate.recorded")]
    MandateRecorded,
    #[strum(serialize = "mission.succeeded")]
    MissionSucceeded,
    #[strum(serialize = "mission.requirements_set")]
    RequirementsSet,
    #[strum(serialize = "pledge.recorded")]
    PledgeRecorded,
    #[strum(serialize = "pledge.revised")]
    PledgeRevised,
    #[strum(serialize = "pledge.withdrawn")]
    PledgeWithdrawn,
    #[strum(serialize = "authorization.recorded")]
    AuthorizationRecorded,
    #[strum(serialize = "deployment.recorded")]
    DeploymentRecorded,
    #[strum(serialize = "funding.recorded")]
    FundingRecorded,
    // Sources
    #[strum(serialize = "source.registered")]
    SourceRegistered,
    #[strum(serialize = "discrepancy.recorded")]
    DiscrepancyRecorded,
    // Corrections
    #[strum(serialize = "entry.corrected")]
    EntryCorrected,
    // The accountability registers
    #[strum(serialize = "person.registered")]
    PersonRegistered,
    #[strum(serialize = "person.departed")]
    PersonDeparted,
    #[strum(serialize = "vetting.recorded")]
    VettingRecorded,
    #[strum(serialize = "document.issued")]
    DocumentIssued,
    #[strum(serialize = "acknowledgement.recorded")]
    AcknowledgementRecorded,
    #[strum(serialize = "assignment.recorded")]
    AssignmentRecorded,
    #[strum(serialize = "use_of_force.reported")]
    UseOfForceReported,
    #[strum(serialize = "use_of_force.reviewed")]
    UseOfForceReviewed,
    #[strum(serialize = "detention.recorded")]
    DetentionRecorded,
    #[strum(serialize = "detention.handed_over")]
    DetentionHandedOver,
    #[strum(serialize = "detention.released")]
    DetentionReleased,
    #[strum(serialize = "complaint.received")]
    ComplaintReceived,
    #[strum(serialize = "case.opened")]
    CaseOpened,
    #[strum(serialize = "case.updated")]
    CaseUpdated,
    #[strum(serialize = "record.viewed")]
    RecordViewed,
    // The situational picture
    #[strum(serialize = "incident.recorded")]
    IncidentRecorded,
    #[strum(serialize = "incident.revised")]
    IncidentRevised,
    #[strum(serialize = "incident.verification_changed")]
    IncidentVerificationChanged,
    #[strum(serialize = "incident.linked")]
    IncidentLinked,
    #[strum(serialize = "armed_group.profiled")]
    ArmedGroupProfiled,
    #[strum(serialize = "armed_group.designated")]
    ArmedGroupDesignated,
    #[strum(serialize = "site.status_changed")]
    SiteStatusChanged,
    #[strum(serialize = "route.status_changed")]
    RouteStatusChanged,
    #[strum(serialize = "indicator.observed")]
    IndicatorObserved,
    // Media monitoring
    #[strum(serialize = "article.recorded")]
    ArticleRecorded,
    #[strum(serialize = "press_claim.accepted")]
    PressClaimAccepted,
    #[strum(serialize = "press_claim.dismissed")]
    PressClaimDismissed,
    // Logins
    #[strum(serialize = "user.created")]
    UserCreated,
    #[strum(serialize = "user.password_changed")]
    UserPasswordChanged,
    #[strum(serialize = "user.role_changed")]
    UserRoleChanged,
    #[strum(serialize = "user.disabled")]
    UserDisabled,
    #[strum(serialize = "user.enabled")]
    UserEnabled,
    #[strum(serialize = "user.tokens_revoked")]
    UserTokensRevoked,
}

fn unknown_kind(s: &str) -> String {
    format!("unknown entry kind {s:?}")
}

impl EntryKind {
    /// The kind's name, as stored in the log.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Every kind, in declaration order.
    pub fn all() -> &'static [EntryKind] {
        <EntryKind as strum::VariantArray>::VARIANTS
    }

    /// The capability that defines the kind's command and projects it.
    pub fn capability(self) -> Capability {
        use EntryKind::*;
        match self {
            MissionCreated
            | MandateRecorded
            | MissionSucceeded
            | RequirementsSet
            | PledgeRecorded
            | PledgeRevised
            | PledgeWithdrawn
            | AuthorizationRecorded
            | DeploymentRecorded
            | FundingRecorded => Capability::Force,
            SourceRegistered | DiscrepancyRecorded => Capability::Sources,
            EntryCorrected => Capability::Correction,
            PersonRegistered
            | PersonDeparted
            | VettingRecorded
            | DocumentIssued
            | AcknowledgementRecorded
            | AssignmentRecorded
            | UseOfForceReported
            | UseOfForceReviewed
            | DetentionRecorded
            | DetentionHandedOver
            | DetentionReleased
            | ComplaintReceived
            | CaseOpened
            | CaseUpdated
            | RecordViewed => Capability::Registers,
            IncidentRecorded
            | IncidentRevised
            | IncidentVerificationChanged
            | IncidentLinked
            | ArmedGroupProfiled
            | ArmedGroupDesignated
            | SiteStatusChanged
            | RouteStatusChanged
            | IndicatorObserved => Capability::Situation,
            ArticleRecorded | PressClaimAccepted | PressClaimDismissed => Capability::Media,
            UserCreated | UserPasswordChanged | UserRoleChanged | UserDisabled | UserEnabled
            | UserTokensRevoked => Capability::Users,
        }
    }

    /// Whether a correction may replace the body of an entry of this kind: those that project
    /// one record each (force generation and sources). Register events and the situational
    /// picture are amended by later events of their own, which keep the history readable.
    pub fn correctable(self) -> bool {
        matches!(self.capability(), Capability::Force | Capability::Sources)
    }
}

impl Serialize for EntryKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EntryKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for EntryKind {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(EntryKind::all().iter().map(|k| k.as_str())))
            .description(Some("The kind of a log entry."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for EntryKind {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for k in EntryKind::all() {
            assert!(seen.insert(k.as_str()), "{k:?} twice");
            assert_eq!(k.as_str().parse::<EntryKind>(), Ok(*k));
            let json = serde_json::to_string(k).expect("serialize");
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(serde_json::from_str::<EntryKind>(&json).expect("parse"), *k);
        }
        assert_eq!(
            "incident.rewritten".parse::<EntryKind>(),
            Err("unknown entry kind \"incident.rewritten\"".to_string())
        );
    }

    #[test]
    fn only_force_and_sources_are_correctable() {
        assert!(EntryKind::PledgeRevised.correctable());
        assert!(EntryKind::SourceRegistered.correctable());
        assert!(!EntryKind::EntryCorrected.correctable());
        assert!(!EntryKind::DetentionRecorded.correctable());
        assert!(!EntryKind::IncidentRecorded.correctable());
        assert!(!EntryKind::UserCreated.correctable());
    }
}
