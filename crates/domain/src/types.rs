//! Small value types shared by every command: classification, roles, personnel counts,
//! Admiralty grades and the enumerations of the force-generation record.

use serde::{Deserialize, Serialize};

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name { $($(#[$vm])* #[serde(rename = $s)] $var),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The stable snake_case name used in JSON, the database and data files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok($name::$var),)+
                    _ => Err(format!(
                        "unknown value {s:?}; expected one of: {}",
                        [$($s),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// Who may see a record. Ordered: public < mission < restricted.
    Classification {
        /// Anyone, including anonymous visitors.
        Public = "public",
        /// Mission staff with a login.
        Mission = "mission",
        /// Only roles with a need to know.
        Restricted = "restricted",
    }
}

impl Classification {
    /// Numeric rank used for filtering in queries (`rank <= clearance`).
    pub fn rank(self) -> i64 {
        match self {
            Classification::Public => 0,
            Classification::Mission => 1,
            Classification::Restricted => 2,
        }
    }
}

string_enum! {
    /// What a user may do. Roles are not ranked: each has its own rights (see [`crate::access`]).
    Role {
        /// Reads mission-level data.
        Viewer = "viewer",
        /// Reads and records force generation, mandates, funding and sources.
        Editor = "editor",
        /// Manages users and reads the audit of restricted reads.
        Admin = "admin",
        /// Keeps the personnel register and vetting; reads its restricted data.
        HrOfficer = "hr_officer",
        /// Keeps the use-of-force, detention, complaint and case registers; reads their
        /// restricted data.
        ConductOfficer = "conduct_officer",
        /// A contingent commander: their own contributor's people and reports.
        Commander = "commander",
    }
}

impl Role {
    /// The highest classification of ordinary records this role may read. Restricted data of
    /// the accountability registers is decided per register by [`crate::access::Access`].
    pub fn clearance(self) -> Classification {
        match self {
            Role::Admin => Classification::Restricted,
            _ => Classification::Mission,
        }
    }

    /// Whether the role records force generation, mandates, funding and sources.
    pub fn records_force_generation(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// Whether the role belongs to one contributor (and needs a country).
    pub fn needs_country(self) -> bool {
        self == Role::Commander
    }
}

/// The clearance of a caller that may be anonymous.
pub fn clearance_of(role: Option<Role>) -> Classification {
    role.map_or(Classification::Public, Role::clearance)
}

string_enum! {
    /// Personnel categories used in pledges, deployments and ceilings.
    Category {
        /// Formed police units and individual police officers.
        Police = "police",
        /// Soldiers, including military police.
        Military = "military",
        /// Civilian staff.
        Civilian = "civilian",
    }
}

/// A head count by category. Never negative; arithmetic saturates at the type's bounds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Personnel {
    /// Police officers.
    #[serde(default)]
    pub police: i64,
    /// Soldiers.
    #[serde(default)]
    pub military: i64,
    /// Civilians.
    #[serde(default)]
    pub civilian: i64,
}

impl Personnel {
    /// Police + military + civilian.
    pub fn total(&self) -> i64 {
        self.police + self.military + self.civilian
    }

    /// The count for one category.
    pub fn get(&self, c: Category) -> i64 {
        match c {
            Category::Police => self.police,
            Category::Military => self.military,
            Category::Civilian => self.civilian,
        }
    }

    /// Category-wise sum.
    pub fn plus(self, o: Personnel) -> Personnel {
        Personnel {
            police: self.police + o.police,
            military: self.military + o.military,
            civilian: self.civilian + o.civilian,
        }
    }

    /// Category-wise difference (may go negative; callers check).
    pub fn minus(self, o: Personnel) -> Personnel {
        Personnel {
            police: self.police - o.police,
            military: self.military - o.military,
            civilian: self.civilian - o.civilian,
        }
    }

    /// True when every category is zero.
    pub fn is_zero(&self) -> bool {
        self.police == 0 && self.military == 0 && self.civilian == 0
    }

    /// Adds a field error for each negative or implausible count, under `prefix`.
    pub fn check(&self, prefix: &str, errors: &mut crate::ValidationErrors) {
        for c in Category::ALL {
            let n = self.get(*c);
            let field = if prefix.is_empty() {
                c.as_str().to_string()
            } else {
                format!("{prefix}.{c}")
            };
            if n < 0 {
                errors.add(field, "must not be negative");
            } else if n > 1_000_000 {
                errors.add(field, "is implausibly large (over 1,000,000)");
            }
        }
    }
}

string_enum! {
    /// The kind of a source document.
    SourceKind {
        /// A UN Security Council (or other) resolution.
        Resolution = "resolution",
        /// An agreement between states or organizations.
        Agreement = "agreement",
        /// An official press release or statement.
        PressRelease = "press_release",
        /// A news article.
        NewsArticle = "news_article",
        /// A report of the mission itself.
        InternalReport = "internal_report",
        /// Anything else.
        Other = "other",
    }
}

string_enum! {
    /// Admiralty code: reliability of the source (A completely reliable … F cannot be judged).
    Reliability {
        /// Completely reliable.
        A = "A",
        /// Usually reliable.
        B = "B",
        /// Fairly reliable.
        C = "C",
        /// Not usually reliable.
        D = "D",
        /// Unreliable.
        E = "E",
        /// Reliability cannot be judged.
        F = "F",
    }
}

/// Admiralty code: credibility of the information (1 confirmed … 6 cannot be judged).
pub fn check_credibility(c: i64) -> Result<(), String> {
    if (1..=6).contains(&c) {
        Ok(())
    } else {
        Err("must be an Admiralty credibility from 1 (confirmed) to 6 (cannot be judged)".into())
    }
}

string_enum! {
    /// A legal instrument a contributor may need before deploying.
    InstrumentKind {
        /// Government or cabinet approval.
        NationalApproval = "national_approval",
        /// A vote of the national parliament.
        ParliamentaryVote = "parliamentary_vote",
        /// A court's ruling.
        CourtRuling = "court_ruling",
        /// An agreement between the contributor and the host state.
        BilateralAgreement = "bilateral_agreement",
        /// A status-of-forces or status-of-mission agreement.
        StatusAgreement = "status_agreement",
        /// Any other instrument (e.g. a defence pact with a third state).
        Other = "other",
    }
}

string_enum! {
    /// Where an instrument stands.
    InstrumentStatus {
        /// Asked for, not decided.
        Pending = "pending",
        /// Approved.
        Granted = "granted",
        /// Signed and in force.
        InForce = "in_force",
        /// Refused.
        Refused = "refused",
        /// Blocked (e.g. by a court).
        Blocked = "blocked",
        /// Suspended.
        Suspended = "suspended",
        /// No longer in force.
        Expired = "expired",
    }
}

impl InstrumentStatus {
    /// Whether an instrument in this status satisfies a deployment requirement.
    pub fn satisfies(self) -> bool {
        matches!(self, InstrumentStatus::Granted | InstrumentStatus::InForce)
    }
}

string_enum! {
    /// A movement of personnel.
    Movement {
        /// A contingent arrives.
        Arrival = "arrival",
        /// A contingent leaves.
        Departure = "departure",
        /// One contingent relieves another: some arrive while others leave.
        Rotation = "rotation",
    }
}

string_enum! {
    /// What a funding record says.
    FundingKind {
        /// Money promised.
        Pledge = "pledge",
        /// Money received.
        Receipt = "receipt",
        /// Money promised or received that the donor has frozen.
        Freeze = "freeze",
    }
}

string_enum! {
    /// How money reaches the mission.
    FundingChannel {
        /// The UN trust fund for the mission.
        TrustFund = "trust_fund",
        /// Directly from one state to a contributor or the mission.
        Bilateral = "bilateral",
        /// Goods and services rather than money.
        InKind = "in_kind",
    }
}

string_enum! {
    /// Status of a pledge version.
    PledgeStatus {
        /// The pledge stands.
        Active = "active",
        /// The pledge was withdrawn.
        Withdrawn = "withdrawn",
    }
}
