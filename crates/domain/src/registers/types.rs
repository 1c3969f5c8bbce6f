//! The accountability registers' enumerations: vetting results, mission documents, levels of
//! force and review statuses, custody harms, conduct categories and misconduct types, who
//! investigates, case statuses, and the languages of the public complaint form.

use serde::{Deserialize, Serialize};

/// Human-rights screening result.
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
    parse_err_fn = crate::unknown_value::<VettingStatus>
)]
pub enum VettingStatus {
    /// Screening asked for, no result yet.
    Pending,
    /// Screened, nothing found that bars service.
    Cleared,
    /// Screened and barred from service.
    NotCleared,
}

/// Mission documents that bind personnel.
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
    parse_err_fn = crate::unknown_value::<DocumentKind>
)]
pub enum DocumentKind {
    /// Concept of operations.
    ConceptOfOperations,
    /// Conduct and discipline policy.
    ConductPolicy,
    /// Status-of-mission or status-of-forces agreement.
    StatusAgreement,
    /// Directive on detention.
    DetentionDirective,
    /// Directive on searches.
    SearchDirective,
    /// Directive on the use of force.
    UseOfForceDirective,
}

/// The directives a person must have acknowledged, in their version in force, before being
/// assigned to an operation.
pub const GATE_DOCUMENTS: &[DocumentKind] = &[
    DocumentKind::UseOfForceDirective,
    DocumentKind::DetentionDirective,
];

/// The highest level of force used, from least to most severe.
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
    parse_err_fn = crate::unknown_value::<ForceLevel>
)]
pub enum ForceLevel {
    /// Presence of the unit.
    Presence,
    /// Verbal commands or warnings.
    Verbal,
    /// Physical restraint or strikes.
    Physical,
    /// Less-lethal weapons (batons, irritants, impact rounds).
    LessLethal,
    /// Firearms.
    Firearm,
}

/// Where the review of a use-of-force report stands.
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
    parse_err_fn = crate::unknown_value::<ReviewStatus>
)]
pub enum ReviewStatus {
    /// Submitted, not yet taken up.
    Submitted,
    /// Taken up by a reviewer.
    UnderReview,
    /// Found within the rules.
    Cleared,
    /// Referred to conduct and discipline.
    Referred,
}

impl ReviewStatus {
    /// Whether the review is over.
    pub fn is_final(self) -> bool {
        matches!(self, ReviewStatus::Cleared | ReviewStatus::Referred)
    }

    /// Whether a review may move from `self` to `to`.
    pub fn may_become(self, to: ReviewStatus) -> bool {
        use ReviewStatus::*;
        matches!(
            (self, to),
            (Submitted, UnderReview) | (UnderReview, Cleared) | (UnderReview, Referred)
        )
    }
}

/// Sex of a detainee, as recorded.
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
    parse_err_fn = crate::unknown_value::<Sex>
)]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Another sex.
    Other,
    /// Not known.
    Unknown,
}

/// Harm suffered in custody.
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
    parse_err_fn = crate::unknown_value::<CustodyHarm>
)]
pub enum CustodyHarm {
    /// Injury.
    Injury,
    /// Death.
    Death,
}

/// The UN conduct-and-discipline categories.
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
    parse_err_fn = crate::unknown_value::<ConductCategory>
)]
pub enum ConductCategory {
    /// Category 1: the most serious misconduct, including all sexual exploitation and abuse.
    #[serde(rename = "category_1")]
    #[strum(serialize = "category_1")]
    Category1,
    /// Category 2: other misconduct.
    #[serde(rename = "category_2")]
    #[strum(serialize = "category_2")]
    Category2,
}

/// Types of misconduct, after the UN conduct-and-discipline taxonomy.
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
    parse_err_fn = crate::unknown_value::<Misconduct>
)]
pub enum Misconduct {
    /// Sexual exploitation (always Category 1).
    SexualExploitation,
    /// Sexual abuse (always Category 1).
    SexualAbuse,
    /// Unlawful killing.
    UnlawfulKilling,
    /// Torture or cruel, inhuman or degrading treatment.
    IllTreatment,
    /// Excessive use of force.
    ExcessiveForce,
    /// Arbitrary or unlawful detention.
    ArbitraryDetention,
    /// Serious assault.
    SeriousAssault,
    /// Fraud, theft or misuse of property.
    Fraud,
    /// Abuse of authority.
    AbuseOfAuthority,
    /// Harassment, including sexual harassment.
    Harassment,
    /// Any other breach of the standards of conduct.
    Other,
}

impl Misconduct {
    /// Sexual exploitation and abuse, which the UN always counts as Category 1.
    pub fn is_sea(self) -> bool {
        matches!(
            self,
            Misconduct::SexualExploitation | Misconduct::SexualAbuse
        )
    }
}

/// Who investigates a case.
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
    parse_err_fn = crate::unknown_value::<Investigator>
)]
pub enum Investigator {
    /// The mission's own investigators.
    Mission,
    /// The contributing country's national investigation officers.
    Contributor,
    /// An independent UN body (e.g. OIOS).
    UnOversight,
    /// The host state's authorities.
    HostState,
}

/// Where a misconduct case stands.
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
    parse_err_fn = crate::unknown_value::<CaseStatus>
)]
pub enum CaseStatus {
    /// Received, not yet assessed.
    Received,
    /// Assessed: credible and within the mission's remit.
    Assessed,
    /// Under investigation.
    UnderInvestigation,
    /// Investigation found the allegation substantiated.
    Substantiated,
    /// Investigation did not substantiate the allegation.
    Unsubstantiated,
    /// Closed.
    Closed,
}

impl CaseStatus {
    /// Whether a case may move from `self` to `to`.
    pub fn may_become(self, to: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, to),
            (Received, Assessed)
                | (Assessed, UnderInvestigation)
                | (Assessed, Closed)
                | (UnderInvestigation, Substantiated)
                | (UnderInvestigation, Unsubstantiated)
                | (UnderInvestigation, Closed)
                | (Substantiated, Closed)
                | (Unsubstantiated, Closed)
        )
    }
}

/// Languages of the public complaint form.
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
    parse_err_fn = crate::unknown_value::<FormLanguage>
)]
pub enum FormLanguage {
    /// English.
    En,
    /// French.
    Fr,
    /// Haitian Creole.
    Ht,
}
