//! The mission's vocabulary and rules, free of storage and HTTP.
//!
//! Everything the record can say is a [`command::Command`]; each command is validated here
//! (field by field, so a client can be told exactly what is wrong) and becomes the body of one
//! entry in the record log. The arithmetic the record is read with — strength on a date, pledges
//! in force, mandate expiry, which authorizations a contributor still lacks — lives here too, as
//! plain functions over plain values, so it can be tested without a database.

pub mod access;
pub mod accountability;
pub mod acled;
pub mod acled_csv;
pub mod clocks;
pub mod command;
pub mod country;
pub mod error;
pub mod force;
pub mod gazetteer;
pub mod mandate;
pub mod registers;
pub mod situation;
pub mod synthetic;
pub mod text;
pub mod types;
pub mod view;

pub use error::{DomainError, FieldError, ValidationErrors};
pub use types::*;
