//! Who may do what: need to know (who may read the restricted data of which register) and the
//! one table of rights to record ([`Rule::of`], by entry kind). Used by the store, which refuses
//! a command its sender may not send, and by the pages and the API, which ask the same table
//! before parsing a request so they can answer 401/403 early.
//!
//! - `hr_officer` reads the personnel register's restricted data (identities, vetting findings)
//!   of every contingent, and keeps that register.
//! - `conduct_officer` reads and keeps the use-of-force, detention, complaint and case registers.
//! - `commander` reads the personnel and use-of-force/detention data of their own contributor
//!   only, records their own contingent's reports, detentions, acknowledgements and assignments,
//!   and sees nothing restricted of other contingents — nor any complaint or case detail (a
//!   complainant must never be exposed to the chain of command of the people complained about).
//! - `viewer`, `editor` and `admin` read mission-level fields only. `admin` runs the system and
//!   reads the audit of restricted reads, not the registers' personal data.

use crate::{Classification, EntryKind, Role, registers::Area};

/// Whether the log shows an entry's content (actor, subject, body, sources) to a reader of
/// `clearance`. Entries holding restricted register data never show it there, whoever asks:
/// their content is read through the registers, which check the need to know and record the
/// read. Their place in the chain (sequence, kind, hashes) stays visible to all.
pub fn log_content_visible(
    kind: EntryKind,
    class: Classification,
    clearance: Classification,
) -> bool {
    class <= clearance && crate::registers::restricted_keys(kind).is_empty()
}

/// Which records' restricted fields a reader may see in one register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// None.
    Nothing,
    /// Those of one contributor (ISO 3166-1 alpha-3).
    Country(String),
    /// All.
    All,
}

impl Scope {
    /// Whether a record of `country` is in scope.
    pub fn covers(&self, country: Option<&str>) -> bool {
        match self {
            Scope::Nothing => false,
            Scope::All => true,
            Scope::Country(c) => country == Some(c.as_str()),
        }
    }
}

/// A logged-in user's rights: their role and, for a commander, their contributor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// The role.
    pub role: Role,
    /// The contributor a commander belongs to.
    pub country: Option<String>,
}

impl Access {
    /// Whose restricted data of `area` this user may read.
    pub fn scope(&self, area: Area) -> Scope {
        match (self.role, area) {
            (Role::HrOfficer, Area::Personnel) => Scope::All,
            (Role::ConductOfficer, Area::Force | Area::Complaints) => Scope::All,
            (Role::Commander, Area::Personnel | Area::Force) => match &self.country {
                Some(c) => Scope::Country(c.clone()),
                None => Scope::Nothing,
            },
            _ => Scope::Nothing,
        }
    }
}

/// Who sends a command, as far as the rules care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    /// Someone not logged in: only the public complaint form.
    Anonymous,
    /// A logged-in user, with their role and contributor.
    User(Access),
    /// The server itself or an operator at its console: the scenario loader, imports, the
    /// command line, and the audit entry the server writes when a user reads restricted data.
    System,
}

/// Who may send entries of a kind: the one table of rights to record, consulted by the pages
/// and the API before they parse a body (to answer 401/403 early) and by the store before it
/// appends anything (so the command line, the pages and the API share one gate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Editors and admins: the rest of force generation, sources, corrections, the situational
    /// picture.
    Editors,
    /// Editors, admins and hr_officers: the mission's documents.
    EditorsOrHr,
    /// Editors, admins and conduct_officers: links from incidents to the registers.
    EditorsOrConduct,
    /// hr_officers: the personnel register and vetting.
    Hr,
    /// hr_officers, or the commander of the person's contingent.
    HrOrOwnCommander,
    /// conduct_officers: reviews and cases.
    Conduct,
    /// conduct_officers, or the commander of the unit's contingent.
    ConductOrOwnCommander,
    /// Anyone, logged in or not: complaints.
    Anyone,
    /// Admins: missions, the instruments contributors need, logins and their rights.
    Admins,
    /// Only the server: the audit of restricted reads.
    Server,
}

impl Rule {
    /// The rule for sending entries of `kind`.
    pub fn of(kind: EntryKind) -> Rule {
        use EntryKind::*;
        match kind {
            MissionCreated | RequirementsSet => Rule::Admins,
            MandateRecorded
            | MissionSucceeded
            | PledgeRecorded
            | PledgeRevised
            | PledgeWithdrawn
            | AuthorizationRecorded
            | DeploymentRecorded
            | FundingRecorded
            | SourceRegistered
            | DiscrepancyRecorded
            | EntryCorrected => Rule::Editors,
            IncidentRecorded
            | IncidentRevised
            | IncidentVerificationChanged
            | ArmedGroupProfiled
            | ArmedGroupDesignated
            | SiteStatusChanged
            | RouteStatusChanged
            | IndicatorObserved
            | ArticleRecorded
            | PressClaimAccepted
            | PressClaimDismissed => Rule::Editors,
            IncidentLinked => Rule::EditorsOrConduct,
            DocumentIssued => Rule::EditorsOrHr,
            PersonRegistered | PersonDeparted | VettingRecorded => Rule::Hr,
            AcknowledgementRecorded | AssignmentRecorded => Rule::HrOrOwnCommander,
            UseOfForceReported | DetentionRecorded | DetentionHandedOver | DetentionReleased => {
                Rule::ConductOrOwnCommander
            }
            UseOfForceReviewed | CaseOpened | CaseUpdated => Rule::Conduct,
            ComplaintReceived => Rule::Anyone,
            RecordViewed => Rule::Server,
            UserCreated | UserPasswordChanged | UserRoleChanged | UserDisabled | UserEnabled
            | UserTokensRevoked => Rule::Admins,
        }
    }

    /// Who the rule lets send, in words (for the refusal).
    pub fn who(self) -> &'static str {
        match self {
            Rule::Editors => "an editor or admin",
            Rule::EditorsOrHr => "an editor, admin or hr_officer",
            Rule::EditorsOrConduct => "an editor, admin or conduct_officer",
            Rule::Hr => "an hr_officer",
            Rule::HrOrOwnCommander => "an hr_officer, or the commander of the person's contingent",
            Rule::Conduct => "a conduct_officer",
            Rule::ConductOrOwnCommander => {
                "a conduct_officer, or the commander of the unit's contingent"
            }
            Rule::Anyone => "anyone",
            Rule::Admins => "an admin",
            Rule::Server => "the server itself",
        }
    }

    /// Whether `sender` may send under this rule about a record of `country` (the contributor
    /// of the person, report or detention concerned). `country: None` with a commander asks
    /// whether they could for their own contingent — the early check, before the record is
    /// known; the store asks again with the record's country.
    fn allows(self, sender: &Sender, country: Whose<'_>) -> bool {
        let user = match sender {
            Sender::System => return true,
            Sender::Anonymous => return self == Rule::Anyone,
            Sender::User(a) => a,
        };
        let role = user.role;
        let own = role == Role::Commander
            && user.country.is_some()
            && match country {
                Whose::Unknown => true,
                Whose::Of(c) => c.is_some() && user.country.as_deref() == c,
            };
        match self {
            Rule::Editors => role.records_force_generation(),
            Rule::EditorsOrHr => role.records_force_generation() || role == Role::HrOfficer,
            Rule::EditorsOrConduct => {
                role.records_force_generation() || role == Role::ConductOfficer
            }
            Rule::Hr => role == Role::HrOfficer,
            Rule::HrOrOwnCommander => role == Role::HrOfficer || own,
            Rule::Conduct => role == Role::ConductOfficer,
            Rule::ConductOrOwnCommander => role == Role::ConductOfficer || own,
            Rule::Anyone => true,
            Rule::Admins => role == Role::Admin,
            Rule::Server => false,
        }
    }
}

/// Whose record a command is about, for the rules that depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose<'a> {
    /// Not known yet (the early check of a page or API request).
    Unknown,
    /// A record of this contributor (`None`: of no contributor).
    Of(Option<&'a str>),
}

/// Whether `sender` may send an entry of `kind` about a record of `country`. `Err` says who
/// may, for the 403 answer.
pub fn may_send(sender: &Sender, kind: EntryKind, country: Option<&str>) -> Result<(), String> {
    let rule = Rule::of(kind);
    if rule.allows(sender, Whose::Of(country)) {
        Ok(())
    } else {
        Err(format!("only {} may record this", rule.who()))
    }
}

/// Whether `sender` could send an entry of `kind` about some record (a commander: one of their
/// own contingent). Pages and the API ask this before reading a request's body; the store
/// still decides with [`may_send`] once it knows the record.
pub fn may_send_some(sender: &Sender, kind: EntryKind) -> Result<(), String> {
    let rule = Rule::of(kind);
    if rule.allows(sender, Whose::Unknown) {
        Ok(())
    } else {
        Err(format!("only {} may record this", rule.who()))
    }
}

/// Whether `sender` may read the audit of restricted reads (who read which record).
pub fn may_read_audit(sender: &Sender) -> bool {
    matches!(sender, Sender::System) || matches!(sender, Sender::User(a) if a.role == Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commander(c: &str) -> Access {
        Access {
            role: Role::Commander,
            country: Some(c.into()),
        }
    }

    #[test]
    fn commanders_see_only_their_own_contingent() {
        let a = commander("KEN");
        assert!(a.scope(Area::Force).covers(Some("KEN")));
        assert!(!a.scope(Area::Force).covers(Some("JAM")));
        assert!(!a.scope(Area::Force).covers(None));
        assert_eq!(a.scope(Area::Complaints), Scope::Nothing);
    }

    #[test]
    fn admins_and_editors_see_no_register_data() {
        for role in [Role::Admin, Role::Editor, Role::Viewer] {
            let a = Access {
                role,
                country: None,
            };
            for area in [Area::Personnel, Area::Force, Area::Complaints] {
                assert_eq!(a.scope(area), Scope::Nothing, "{role} {area:?}");
            }
        }
    }

    #[test]
    fn commanders_record_for_their_own_people_only() {
        let ken = Sender::User(commander("KEN"));
        let assign = EntryKind::AssignmentRecorded;
        assert!(may_send(&ken, assign, Some("KEN")).is_ok());
        assert!(may_send(&ken, assign, Some("JAM")).is_err());
        assert!(may_send(&ken, assign, None).is_err());
        assert!(may_send_some(&ken, assign).is_ok());
        assert_eq!(
            may_send(&ken, EntryKind::PersonDeparted, Some("KEN")),
            Err("only an hr_officer may record this".to_string())
        );
        let unplaced = Sender::User(Access {
            role: Role::Commander,
            country: None,
        });
        assert!(may_send_some(&unplaced, assign).is_err());
    }

    #[test]
    fn every_kind_has_a_rule_and_the_roles_keep_their_rights() {
        let user = |role| {
            Sender::User(Access {
                role,
                country: None,
            })
        };
        for &kind in EntryKind::all() {
            assert!(may_send(&Sender::System, kind, None).is_ok(), "{kind}");
            let anyone = may_send(&Sender::Anonymous, kind, None).is_ok();
            assert_eq!(anyone, kind == EntryKind::ComplaintReceived, "{kind}");
            assert!(
                may_send(&user(Role::Viewer), kind, None).is_ok() == anyone,
                "{kind}"
            );
        }
        assert!(may_send(&user(Role::Editor), EntryKind::IncidentRecorded, None).is_ok());
        assert!(may_send(&user(Role::Editor), EntryKind::UserCreated, None).is_err());
        assert!(may_send(&user(Role::Admin), EntryKind::UserCreated, None).is_ok());
        assert!(may_send(&user(Role::ConductOfficer), EntryKind::IncidentLinked, None).is_ok());
        assert!(
            may_send(
                &user(Role::ConductOfficer),
                EntryKind::IncidentRecorded,
                None
            )
            .is_err()
        );
        assert!(may_send(&user(Role::HrOfficer), EntryKind::DocumentIssued, None).is_ok());
        assert!(may_send(&user(Role::Admin), EntryKind::RecordViewed, None).is_err());
        assert!(may_read_audit(&user(Role::Admin)));
        assert!(!may_read_audit(&user(Role::ConductOfficer)));
    }
}
