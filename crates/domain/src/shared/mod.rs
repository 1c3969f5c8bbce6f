//! The shared core every capability builds on: the [`Command`] that wraps each capability's
//! commands and the [`EntryKind`] of every log entry, errors, the checks any text from outside
//! passes, the two clocks and the typed values a query carries, who may do what
//! ([`access`]), country codes, classification and roles, the register of sources, and the
//! provenance every record carries. Nothing here imports a capability except [`Command`] and
//! [`access`], which name them all.

pub mod access;
mod body;
pub mod clocks;
mod command;
pub mod country;
mod error;
mod kind;
mod record;
mod sources;
pub mod text;
mod types;

pub(crate) use body::*;
pub use command::*;
pub use error::*;
pub use kind::*;
pub use record::*;
pub use sources::*;
pub use types::*;
