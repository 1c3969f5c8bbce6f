//! The loader's state while a scenario is turned into commands: the ids given to keys, the
//! sources by key, the commands waiting to be written in one batch, and the report.

use anyhow::{anyhow, bail};
use konbit_domain::force::Money;
use konbit_domain::{Classification, Command};
use konbit_store::{Actor, Envelope};
use std::collections::HashMap;
use uuid::Uuid;

pub(crate) struct Loader {
    pub(crate) actor: Actor,
    pub(crate) sources: HashMap<String, Uuid>,
    pub(crate) keys: HashMap<String, Uuid>,
    pub(crate) pending: Vec<(String, Envelope)>,
    pub(crate) report: Report,
}

pub(crate) fn default_class(c: Option<Classification>) -> Classification {
    // Scenario facts come from published sources.
    c.unwrap_or(Classification::Public)
}

impl Loader {
    pub(crate) fn source_ids(&self, keys: &[String], what: &str) -> anyhow::Result<Vec<Uuid>> {
        keys.iter()
            .map(|k| {
                self.sources
                    .get(k)
                    .copied()
                    .ok_or_else(|| anyhow!("{what}: unknown source key {k:?}"))
            })
            .collect()
    }

    pub(crate) fn key(&self, kind: &str, key: &str, what: &str) -> anyhow::Result<Uuid> {
        self.keys
            .get(&format!("{kind}:{key}"))
            .copied()
            .ok_or_else(|| anyhow!("{what}: unknown {kind} key {key:?}"))
    }

    pub(crate) fn record(
        &mut self,
        what: &str,
        command: impl Into<Command>,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        // Ids are chosen here, not by the writer, so that later items can refer to earlier ones
        // before anything is written: the whole scenario is then recorded in one batch.
        let subject = Uuid::now_v7();
        let env = Envelope {
            command: command.into(),
            sources: self.source_ids(sources, what)?,
            classification: default_class(class),
            subject: Some(subject),
        };
        self.pending.push((what.to_string(), env));
        if let Some((kind, k)) = key {
            let full = format!("{kind}:{k}");
            if self.keys.insert(full.clone(), subject).is_some() {
                bail!("{what}: the key {full:?} is used twice");
            }
        }
        Ok(subject)
    }
}

/// The error as a line: domain errors with their fields.
pub(crate) fn describe(e: &konbit_store::StoreError) -> String {
    match e {
        konbit_store::StoreError::Domain(konbit_domain::DomainError::Invalid(v)) => {
            v.0.iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => other.to_string(),
    }
}

pub(crate) fn money(
    amount: Option<i64>,
    currency: Option<String>,
    what: &str,
) -> anyhow::Result<Option<Money>> {
    match (amount, currency) {
        (None, None) => Ok(None),
        (Some(amount), Some(currency)) => Ok(Some(Money { amount, currency })),
        _ => bail!("{what}: money_amount and money_currency go together"),
    }
}

/// What a load recorded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Entries appended.
    pub entries: usize,
    /// Sources registered.
    pub sources: usize,
    /// Mission document versions issued.
    pub documents: usize,
    /// Persons entered in the personnel register.
    pub persons: usize,
    /// Early departures of persons.
    pub departures: usize,
    /// Vetting results.
    pub vettings: usize,
    /// Acknowledgements (one per person and document version).
    pub acknowledgements: usize,
    /// Assignments to operations.
    pub assignments: usize,
    /// Use-of-force reports.
    pub use_of_force: usize,
    /// Review steps of use-of-force reports.
    pub reviews: usize,
    /// Detentions.
    pub detentions: usize,
    /// Handovers of detainees.
    pub handovers: usize,
    /// Releases of detainees.
    pub releases: usize,
    /// Complaints.
    pub complaints: usize,
    /// Misconduct cases opened.
    pub cases: usize,
    /// Case updates.
    pub case_updates: usize,
    /// Armed group and coalition profiles.
    pub group_profiles: usize,
    /// Designations of groups or their leaders.
    pub designations: usize,
    /// Incidents recorded.
    pub incidents: usize,
    /// Reported figures for the dead, across incidents.
    pub fatality_claims: usize,
    /// Verification changes of incidents.
    pub verifications: usize,
    /// Status changes of key sites.
    pub site_statuses: usize,
    /// Status changes of route segments.
    pub route_statuses: usize,
    /// Indicator values.
    pub observations: usize,
    /// Discrepancies (of any file).
    pub discrepancies: usize,
}
