//! The mission's vocabulary and rules, free of storage and HTTP.
//!
//! Everything the record can say is a [`Command`]; each command is validated here (field by
//! field, so a client can be told exactly what is wrong) and becomes the body of one entry in
//! the record log, of an [`EntryKind`]. The arithmetic the record is read with — strength on a
//! date, pledges in force, mandate expiry, handover clocks, public statistics — lives here too,
//! as plain functions over plain values, so it can be tested without a database.
//!
//! One folder per capability — [`force`] generation, the accountability [`registers`], the
//! [`situation`]al picture, [`media`] monitoring — on a shared core (`shared/`, re-exported at the crate root: the
//! command and entry kinds, errors, text checks, clocks, access, countries, sources). A
//! capability imports the shared core and never another capability. The [`desk`] is a view
//! across the capabilities (what needs each member of staff now), so it alone reads them all.

mod shared;

pub mod desk;
pub mod force;
pub mod media;
pub mod registers;
pub mod situation;

pub use shared::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::situation::acled;
    use crate::{force::*, registers, situation};
    use serde::Serialize;

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
