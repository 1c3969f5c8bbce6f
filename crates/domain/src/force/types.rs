//! Force generation's values: head counts by category, the legal instruments a contributor may
//! need and their status, movements of personnel, kinds and channels of funding, and the status
//! of a pledge.

use crate::{Category, Named};
use serde::{Deserialize, Serialize};

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

crate::vocabulary! {
    /// A legal instrument a contributor may need before deploying.
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
}

crate::vocabulary! {
    /// Where an instrument stands.
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
}

impl InstrumentStatus {
    /// Whether an instrument in this status satisfies a deployment requirement.
    pub fn satisfies(self) -> bool {
        matches!(self, InstrumentStatus::Granted | InstrumentStatus::InForce)
    }
}

crate::vocabulary! {
    /// A movement of personnel.
    pub enum Movement {
        /// A contingent arrives.
        Arrival,
        /// A contingent leaves.
        Departure,
        /// One contingent relieves another: some arrive while others leave.
        Rotation,
    }
}

crate::vocabulary! {
    /// What a funding record says.
    pub enum FundingKind {
        /// Money promised.
        Pledge,
        /// Money received.
        Receipt,
        /// Money promised or received that the donor has frozen.
        Freeze,
    }
}

crate::vocabulary! {
    /// How money reaches the mission.
    pub enum FundingChannel {
        /// The UN trust fund for the mission.
        TrustFund,
        /// Directly from one state to a contributor or the mission.
        Bilateral,
        /// Goods and services rather than money.
        InKind,
    }
}

crate::vocabulary! {
    /// Status of a pledge version.
    pub enum PledgeStatus {
        /// The pledge stands.
        Active,
        /// The pledge was withdrawn.
        Withdrawn,
    }
}
