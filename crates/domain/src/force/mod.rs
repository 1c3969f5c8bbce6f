//! Force generation: the missions, their Security Council mandates and successions, the
//! requirements a contributor must meet, pledges and their versions, national authorizations,
//! deployments (arrivals, departures, rotations) and funding — and the arithmetic the record is
//! read with: strength on a date, pledges in force, mandate expiry, which authorizations a
//! contributor still lacks.

mod commands;
mod mandate;
mod strength;
mod types;
mod view;

pub use commands::*;
pub use mandate::*;
pub use strength::*;
pub use types::*;
pub use view::*;
