//! What a posted form entered: the values as typed (kept to show the form again), the errors
//! found reading them, and the store's objections placed next to the fields they concern.

use konbit_domain::DomainError;
use konbit_present::Tr;
use std::collections::HashMap;

/// One option of a select.
pub(crate) struct Opt {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

/// What the user typed, kept to re-render the form, and the field errors found.
#[derive(Default)]
pub(crate) struct Entered {
    pub(crate) values: HashMap<String, String>,
    pub(crate) sources: Vec<String>,
    pub(crate) errors: HashMap<String, Vec<String>>,
    pub(crate) general: Vec<String>,
}

impl Entered {
    pub(crate) fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut e = Entered::default();
        for (k, v) in pairs {
            if k == "sources" {
                e.sources.push(v.clone());
            } else if k != "csrf" {
                e.values.insert(k.clone(), v.clone());
            }
        }
        e
    }

    pub(crate) fn get(&self, k: &str) -> &str {
        self.values.get(k).map_or("", |v| v.trim())
    }

    pub(crate) fn err(&mut self, field: &str, msg: impl Into<String>) {
        self.errors
            .entry(field.to_string())
            .or_default()
            .push(msg.into());
    }

    /// Places the store's verdict next to the fields it names.
    pub(crate) fn absorb(
        &mut self,
        tr: &Tr,
        e: DomainError,
        rename: &dyn Fn(&str) -> Option<&'static str>,
    ) {
        match e {
            DomainError::Invalid(v) => {
                for f in v.0 {
                    let message = tr.domain_message(&f.message);
                    match rename(&f.field) {
                        // A field that could not be read already says so.
                        Some(name) if self.errors.contains_key(name) => {}
                        Some(name) => self.err(name, message),
                        None => self.general.push(format!("{}: {message}", f.field)),
                    }
                }
            }
            DomainError::AuthorizationMissing { missing, .. } => {
                let names: Vec<String> =
                    missing.iter().map(|m| tr.label("instrument", m)).collect();
                self.err(
                    "override_reason",
                    tr.fmt(
                        "err-authorization_missing",
                        &[("missing", &names.join(", "))],
                    ),
                );
            }
            DomainError::NotFound { what } => self
                .general
                .push(format!("{}: {what}", tr.t("error-not_found"))),
            DomainError::Conflict(m) | DomainError::Forbidden(m) => {
                self.general.push(tr.domain_message(&m));
            }
            DomainError::NotEligible { missing } => self
                .general
                .extend(missing.iter().map(|m| tr.domain_message(m))),
        }
    }

    pub(crate) fn is_bad(&self) -> bool {
        !self.errors.is_empty() || !self.general.is_empty()
    }
}
