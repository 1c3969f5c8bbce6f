//! Force generation in the store: its projector (the rules a command must meet against the
//! record, and the rows it projects) and its reads (a mission's snapshot, the read models the
//! domain's arithmetic computes from it, the mission in office on a date).

mod project;
mod query;

pub(crate) use project::{Force, require_mission};
pub use query::*;
