//! The one error type of the domain: what can go wrong with a command, independent of how it
//! reached us (HTTP, CLI, scenario file) and of how it will be reported.

use serde::Serialize;

/// One problem with one input field. `field` is a path such as `personnel.police` or `sources[2]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// Path of the offending field in the request body.
    pub field: String,
    /// What is wrong with it, in plain English.
    pub message: String,
}

/// Every problem found in one input; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// Records a problem with `field`.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// Whether a problem with `field` is already recorded.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|f| f.field == field)
    }

    /// `Ok(())` when nothing was recorded, the collected problems otherwise.
    pub fn into_result(self) -> Result<(), DomainError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self))
        }
    }
}

/// Why a command was refused.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// The input is malformed or breaks a rule about its own fields.
    #[error("the request has invalid fields")]
    Invalid(ValidationErrors),
    /// Something the command refers to does not exist (or is not visible to the caller).
    #[error("{what} not found")]
    NotFound {
        /// What was looked for, e.g. `mission "mss"`.
        what: String,
    },
    /// The contributor lacks instruments the mission requires before deployment.
    #[error("{country} lacks the instruments the mission requires before deployment: {}", missing.join(", "))]
    AuthorizationMissing {
        /// The contributing country.
        country: String,
        /// The instrument kinds missing on the deployment date.
        missing: Vec<String>,
    },
    /// A person may not be assigned to an operation: what is missing.
    #[error("the person cannot be assigned: {}", missing.join("; "))]
    NotEligible {
        /// Each missing condition, in words.
        missing: Vec<String>,
    },
    /// The command would leave the record inconsistent (e.g. negative strength, duplicate key).
    #[error("{0}")]
    Conflict(String),
    /// The sender may not send this command (the gate of [`crate::access`]): who may, in words.
    #[error("{0}")]
    Forbidden(String),
}

impl DomainError {
    /// A single-field validation error.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut e = ValidationErrors::default();
        e.add(field, message);
        DomainError::Invalid(e)
    }
}
