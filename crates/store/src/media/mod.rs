//! Media monitoring in the store: its projector (articles read from the press and the
//! decisions on their claims, checked against the register of sources and the record), its
//! reads (the articles with their sources' descriptions and each claim's status), and the
//! reconciliation of a claim with the record on the claim's date.

mod project;
mod query;
mod reconcile;

pub(crate) use project::Media;
pub use query::*;
pub use reconcile::*;
