//! The accountability registers in the store: their projector (the rules an event must meet
//! against the record, and the event rows with restricted fields kept apart) and their reads
//! under a need-to-know scope, each read of restricted fields recorded in the log.

mod project;
mod query;
mod reading;

pub(crate) use project::Registers;
pub use project::{area_of, secret_hash, split};
pub use query::{Cursor, Page, Select};
pub use reading::{Listed, Reading, Register, Slice, Who};
