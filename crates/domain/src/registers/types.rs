//! The accountability registers' enumerations: vetting results, mission documents, levels of
//! force and review statuses, custody harms, conduct categories and misconduct types, who
//! investigates, case statuses, and the languages of the public complaint form.

crate::vocabulary! {
    /// Human-rights screening result.
    pub enum VettingStatus {
        /// Screening asked for, no result yet.
        Pending,
        /// Screened, nothing found that bars service.
        Cleared,
        /// Screened and barred from service.
        NotCleared,
    }
}

crate::vocabulary! {
    /// Mission documents that bind personnel.
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
}

/// The directives a person must have acknowledged, in their version in force, before being
/// assigned to an operation.
pub const GATE_DOCUMENTS: &[DocumentKind] = &[
    DocumentKind::UseOfForceDirective,
    DocumentKind::DetentionDirective,
];

crate::vocabulary! {
    /// The highest level of force used, from least to most severe.
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
}

crate::vocabulary! {
    /// Where the review of a use-of-force report stands.
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

crate::vocabulary! {
    /// Sex of a detainee, as recorded.
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
}

crate::vocabulary! {
    /// Harm suffered in custody.
    pub enum CustodyHarm {
        /// Injury.
        Injury,
        /// Death.
        Death,
    }
}

crate::vocabulary! {
    /// The UN conduct-and-discipline categories.
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
}

crate::vocabulary! {
    /// Types of misconduct, after the UN conduct-and-discipline taxonomy.
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

crate::vocabulary! {
    /// Who investigates a case.
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
}

crate::vocabulary! {
    /// Where a misconduct case stands.
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

crate::vocabulary! {
    /// Languages of the public complaint form.
    pub enum FormLanguage {
        /// English.
        En,
        /// French.
        Fr,
        /// Haitian Creole.
        Ht,
    }
}
