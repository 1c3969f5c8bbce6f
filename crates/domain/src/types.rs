//! Small value types shared by every command: classification, roles, personnel counts,
//! Admiralty grades and the enumerations of the force-generation record.

use serde::{Deserialize, Serialize};

/// The enumerations of the record (strum derives their names): every value in order, and the
/// stable snake_case name each has in JSON, the database and data files.
pub trait Named: Copy + 'static + strum::VariantArray + Into<&'static str> {
    /// Every value, in declaration order.
    const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The value's stable name.
    fn as_str(self) -> &'static str {
        self.into()
    }
}

impl<T: Copy + 'static + strum::VariantArray + Into<&'static str>> Named for T {}

/// The error of parsing a name that no value of `T` has: what was given and what is accepted.
pub fn unknown_value<T: strum::VariantNames>(s: &str) -> String {
    format!(
        "unknown value {s:?}; expected one of: {}",
        T::VARIANTS.join(", ")
    )
}

/// Who may see a record. Ordered: public < mission < restricted.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<Classification>
)]
pub enum Classification {
    /// Anyone, including anonymous visitors.
    Public,
    /// Mission staff with a login.
    Mission,
    /// Only roles with a need to know.
    Restricted,
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

/// What a user may do. Roles are not ranked: each has its own rights (see [`crate::access`]).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<Role>
)]
pub enum Role {
    /// Reads mission-level data.
    Viewer,
    /// Reads and records force generation, mandates, funding and sources.
    Editor,
    /// Manages users and reads the audit of restricted reads.
    Admin,
    /// Keeps the personnel register and vetting; reads its restricted data.
    HrOfficer,
    /// Keeps the use-of-force, detention, complaint and case registers; reads their
    /// restricted data.
    ConductOfficer,
    /// A contingent commander: their own contributor's people and reports.
    Commander,
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

/// Personnel categories used in pledges, deployments and ceilings.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<Category>
)]
pub enum Category {
    /// Formed police units and individual police officers.
    Police,
    /// Soldiers, including military police.
    Military,
    /// Civilian staff.
    Civilian,
}

/// A head count by category. Never negative; arithmetic saturates at the type's bounds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Personnel {
    /// Police officers.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000))]
    pub police: i64,
    /// Soldiers.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000))]
    pub military: i64,
    /// Civilians.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000))]
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

/// The kind of a source document.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<SourceKind>
)]
pub enum SourceKind {
    /// A UN Security Council (or other) resolution.
    Resolution,
    /// An agreement between states or organizations.
    Agreement,
    /// An official press release or statement.
    PressRelease,
    /// A news article.
    NewsArticle,
    /// A report of the mission itself.
    InternalReport,
    /// Anything else.
    Other,
}

/// Admiralty code: reliability of the source (A completely reliable … F cannot be judged).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[strum(parse_err_ty = String, parse_err_fn = crate::types::unknown_value::<Reliability>)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

/// Admiralty code: credibility of the information (1 confirmed … 6 cannot be judged).
pub fn check_credibility(c: i64) -> Result<(), String> {
    if (1..=6).contains(&c) {
        Ok(())
    } else {
        Err("must be an Admiralty credibility from 1 (confirmed) to 6 (cannot be judged)".into())
    }
}

/// A legal instrument a contributor may need before deploying.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<InstrumentKind>
)]
pub enum InstrumentKind {
    /// Government or cabinet approval.
    NationalApproval,
    /// A vote of the national parliament.
    ParliamentaryVote,
    /// A court's ruling.
    CourtRuling,
    /// An agreement between the contributor and the host state.
    BilateralAgreement,
    /// A status-of-forces or status-of-mission agreement.
    StatusAgreement,
    /// Any other instrument (e.g. a defence pact with a third state).
    Other,
}

/// Where an instrument stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<InstrumentStatus>
)]
pub enum InstrumentStatus {
    /// Asked for, not decided.
    Pending,
    /// Approved.
    Granted,
    /// Signed and in force.
    InForce,
    /// Refused.
    Refused,
    /// Blocked (e.g. by a court).
    Blocked,
    /// Suspended.
    Suspended,
    /// No longer in force.
    Expired,
}

impl InstrumentStatus {
    /// Whether an instrument in this status satisfies a deployment requirement.
    pub fn satisfies(self) -> bool {
        matches!(self, InstrumentStatus::Granted | InstrumentStatus::InForce)
    }
}

/// A movement of personnel.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<Movement>
)]
pub enum Movement {
    /// A contingent arrives.
    Arrival,
    /// A contingent leaves.
    Departure,
    /// One contingent relieves another: some arrive while others leave.
    Rotation,
}

/// What a funding record says.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<FundingKind>
)]
pub enum FundingKind {
    /// Money promised.
    Pledge,
    /// Money received.
    Receipt,
    /// Money promised or received that the donor has frozen.
    Freeze,
}

/// How money reaches the mission.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<FundingChannel>
)]
pub enum FundingChannel {
    /// The UN trust fund for the mission.
    TrustFund,
    /// Directly from one state to a contributor or the mission.
    Bilateral,
    /// Goods and services rather than money.
    InKind,
}

/// Status of a pledge version.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(
    serialize_all = "snake_case",
    parse_err_ty = String,
    parse_err_fn = crate::types::unknown_value::<PledgeStatus>
)]
pub enum PledgeStatus {
    /// The pledge stands.
    Active,
    /// The pledge was withdrawn.
    Withdrawn,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{acled, registers, situation};

    /// The name strum gives a value is the one serde writes and reads, and parsing a name
    /// that no value has says which names there are.
    fn names_agree<T>()
    where
        T: Named
            + Serialize
            + serde::de::DeserializeOwned
            + std::str::FromStr<Err = String>
            + std::fmt::Debug
            + PartialEq
            + strum::VariantNames,
    {
        for v in T::ALL {
            let json = serde_json::to_string(v).expect("serialize");
            assert_eq!(json, format!("\"{}\"", v.as_str()), "{v:?}");
            assert_eq!(serde_json::from_str::<T>(&json).expect("deserialize"), *v);
            assert_eq!(v.as_str().parse::<T>(), Ok(*v));
        }
        let err = "no-such-value".parse::<T>().expect_err("unknown");
        assert!(err.starts_with("unknown value \"no-such-value\"; expected one of: "));
        assert!(err.ends_with(T::ALL[T::ALL.len() - 1].as_str()), "{err}");
    }

    #[test]
    fn every_enumeration_has_one_name_everywhere() {
        names_agree::<Classification>();
        names_agree::<Role>();
        names_agree::<Category>();
        names_agree::<SourceKind>();
        names_agree::<Reliability>();
        names_agree::<InstrumentKind>();
        names_agree::<InstrumentStatus>();
        names_agree::<Movement>();
        names_agree::<FundingKind>();
        names_agree::<FundingChannel>();
        names_agree::<PledgeStatus>();
        names_agree::<acled::EventType>();
        names_agree::<acled::SubEventType>();
        names_agree::<acled::DisorderType>();
        names_agree::<acled::ActorType>();
        names_agree::<situation::Verification>();
        names_agree::<situation::LinkedRecord>();
        names_agree::<situation::GroupKind>();
        names_agree::<situation::DesignationKind>();
        names_agree::<situation::SiteStatus>();
        names_agree::<situation::RouteStatus>();
        names_agree::<situation::Indicator>();
        names_agree::<situation::Qualifier>();
        names_agree::<registers::VettingStatus>();
        names_agree::<registers::DocumentKind>();
        names_agree::<registers::ForceLevel>();
        names_agree::<registers::ReviewStatus>();
        names_agree::<registers::Sex>();
        names_agree::<registers::CustodyHarm>();
        names_agree::<registers::ConductCategory>();
        names_agree::<registers::Misconduct>();
        names_agree::<registers::Investigator>();
        names_agree::<registers::CaseStatus>();
        names_agree::<registers::FormLanguage>();
        assert_eq!(registers::ConductCategory::Category1.as_str(), "category_1");
        assert_eq!(Reliability::A.as_str(), "A");
    }
}
