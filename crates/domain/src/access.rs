//! Need to know: who may read the restricted data of which register, and who may record what in
//! it. One table of rules, used by the API, the pages and the tests alike.
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

use crate::{
    Classification, Role,
    registers::{Area, RegisterCommand},
};

/// Whether the log shows an entry's content (actor, subject, body, sources) to a reader of
/// `clearance`. Entries holding restricted register data never show it there, whoever asks:
/// their content is read through the registers, which check the need to know and record the
/// read. Their place in the chain (sequence, kind, hashes) stays visible to all.
pub fn log_content_visible(kind: &str, class: Classification, clearance: Classification) -> bool {
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

    /// Whether this user may record `cmd` about a record of `country` (the contributor of the
    /// person, report or detention concerned). `Err` names who may.
    pub fn may_record(&self, cmd: &RegisterCommand, country: Option<&str>) -> Result<(), String> {
        use RegisterCommand::*;
        let own =
            self.role == Role::Commander && country.is_some() && self.country.as_deref() == country;
        let (ok, who) = match cmd {
            RegisterPerson(_) | RecordDeparture(_) | RecordVetting(_) => {
                (self.role == Role::HrOfficer, "an hr_officer")
            }
            IssueDocument(_) => (
                matches!(self.role, Role::Editor | Role::Admin | Role::HrOfficer),
                "an editor, admin or hr_officer",
            ),
            Acknowledge(_) | Assign(_) => (
                self.role == Role::HrOfficer || own,
                "an hr_officer, or the commander of the person's contingent",
            ),
            ReportUseOfForce(_) | RecordDetention(_) | HandOver(_) | Release(_) => (
                self.role == Role::ConductOfficer || own,
                "a conduct_officer, or the commander of the unit's contingent",
            ),
            ReviewUseOfForce(_) | OpenCase(_) | UpdateCase(_) => {
                (self.role == Role::ConductOfficer, "a conduct_officer")
            }
            ReceiveComplaint(_) => (true, "anyone"),
            RecordView(_) => (false, "the server itself"),
        };
        if ok {
            Ok(())
        } else {
            Err(format!("only {who} may record this"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::{NewAssignment, PersonDeparture};
    use time::macros::date;
    use uuid::Uuid;

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
        let assign = RegisterCommand::Assign(NewAssignment {
            person: Uuid::nil(),
            operation: "Op".into(),
            on: date!(2025 - 01 - 01),
        });
        assert!(commander("KEN").may_record(&assign, Some("KEN")).is_ok());
        assert!(commander("KEN").may_record(&assign, Some("JAM")).is_err());
        let depart = RegisterCommand::RecordDeparture(PersonDeparture {
            person: Uuid::nil(),
            on: date!(2025 - 01 - 01),
            reason: "rotation".into(),
        });
        assert!(commander("KEN").may_record(&depart, Some("KEN")).is_err());
    }
}
