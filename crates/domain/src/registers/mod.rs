//! The accountability registers a mission owes the people it polices: personnel and their
//! vetting, the mission's documents and who acknowledged them, assignments, use-of-force
//! reports and their review, detentions with their handover clock, complaints and misconduct
//! cases — each record with mission-level fields and, where it holds personal data, restricted
//! ones read on a need-to-know basis ([`crate::access`]) — and the public statistics published
//! from them without identities.

mod commands;
mod statistics;
mod types;
mod unit;
mod views;

pub use commands::*;
pub use statistics::*;
pub use types::*;
pub use unit::*;
pub use views::*;
