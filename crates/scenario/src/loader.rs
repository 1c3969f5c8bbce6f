//! Turning one scenario item into envelopes for the writer: the loader's own fields taken off
//! (`key`, `sources`, `classification`, `comment`), scenario keys replaced by the ids given to
//! earlier items, and what is left deserialized into the domain command of the table's entry
//! kind, exactly as a replayed log entry is. Strictness comes from the commands themselves: an
//! unknown or missing field is the command's serde error, named with the file and item.

use crate::tables::{Ref, Table};
use anyhow::{Context, anyhow, bail};
use konbit_domain::{Classification, Command};
use konbit_store::{Actor, Envelope};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// What a load recorded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Entries appended.
    pub entries: usize,
    /// Commands recorded per table (`person`; `acknowledgement` counts one per document), and
    /// nested items per `table.field` (`incident.fatality_claims`, `case.allegations`).
    pub items: BTreeMap<String, usize>,
}

impl Report {
    /// How many commands a table gave, or nested items a `table.field` held.
    pub fn count(&self, what: &str) -> usize {
        self.items.get(what).copied().unwrap_or(0)
    }
}

/// An item as read, with where it came from.
pub(crate) struct Item {
    pub(crate) file: String,
    pub(crate) fields: toml::Table,
}

pub(crate) struct Loader {
    pub(crate) actor: Actor,
    /// `table:key` → the id given to that item (sources are `source:key`).
    keys: HashMap<String, Uuid>,
    pub(crate) pending: Vec<(String, Envelope)>,
    pub(crate) report: Report,
}

impl Loader {
    pub(crate) fn new() -> Self {
        Loader {
            actor: Actor::system("load"),
            keys: HashMap::new(),
            pending: Vec::new(),
            report: Report::default(),
        }
    }

    fn id_of(&self, table: &str, key: &str) -> anyhow::Result<Uuid> {
        self.keys
            .get(&format!("{table}:{key}"))
            .copied()
            .ok_or_else(|| anyhow!("unknown {table} key {key:?}"))
    }

    fn name(&mut self, table: &str, key: &str, id: Uuid) -> anyhow::Result<()> {
        let full = format!("{table}:{key}");
        if self.keys.insert(full.clone(), id).is_some() {
            bail!("the key {full:?} is used twice");
        }
        Ok(())
    }

    /// Queues the commands of one item.
    pub(crate) fn record(&mut self, table: &Table, item: Item) -> anyhow::Result<()> {
        let what = format!("{}: {}", item.file, describe(table, &item.fields));
        self.commands(table, item.fields)
            .with_context(|| what.clone())
            .map_err(|e| anyhow!("{e:#}"))
            .map(|envs| {
                for env in envs {
                    self.pending.push((what.clone(), env));
                }
            })
    }

    fn commands(
        &mut self,
        table: &Table,
        mut fields: toml::Table,
    ) -> anyhow::Result<Vec<Envelope>> {
        let key = take_string(&mut fields, "key")?;
        let sources = match fields.remove("sources") {
            None => Vec::new(),
            Some(v) => {
                let mut v = v;
                self.resolve(&mut v, &["[]"], Ref::Source, "sources")?;
                serde_json::from_value(to_json(v)).context("sources")?
            }
        };
        // Scenario facts come from published sources.
        let classification = match take_string(&mut fields, "classification")? {
            None => Classification::Public,
            Some(c) => serde_json::from_value(serde_json::Value::String(c))
                .map_err(|e| anyhow!("classification: {e}"))?,
        };
        // A remark for the file's readers; nothing records it.
        take_string(&mut fields, "comment")?;
        if let Some(missing) = table.required.iter().find(|f| !fields.contains_key(**f)) {
            bail!("`{missing}` is required in a scenario (when it reached the mission)");
        }
        if let Some((clear, hashed)) = table.hashed {
            hash_secret(&mut fields, clear, hashed)?;
        }
        for (path, to) in table.refs {
            let parts: Vec<&str> = path.split('.').collect();
            self.resolve_in(&mut fields, &parts, *to, path)?;
        }
        let bodies = match table.each {
            None => vec![fields],
            Some((list, one)) => {
                let Some(toml::Value::Array(elements)) = fields.remove(list) else {
                    bail!("`{list}` must list at least one {one} key");
                };
                if elements.is_empty() {
                    bail!("`{list}` must list at least one {one} key");
                }
                elements
                    .into_iter()
                    .map(|mut e| {
                        let label = e.as_str().unwrap_or_default().to_string();
                        self.resolve(&mut e, &[], Ref::Key(one), one)
                            .with_context(|| format!("{one} {label:?}"))?;
                        let mut f = fields.clone();
                        f.insert(one.to_string(), e);
                        Ok(f)
                    })
                    .collect::<anyhow::Result<_>>()?
            }
        };
        let mut envs = Vec::with_capacity(bodies.len());
        for body in bodies {
            for (field, v) in &body {
                if let toml::Value::Array(a) = v
                    && !a.is_empty()
                    && a.iter().all(toml::Value::is_table)
                {
                    *self
                        .report
                        .items
                        .entry(format!("{}.{field}", table.name))
                        .or_default() += a.len();
                }
            }
            let named = table
                .named_by
                .and_then(|f| body.get(f))
                .and_then(toml::Value::as_str)
                .map(str::to_string);
            let mut command = Command::from_entry(table.kind, &to_json(toml::Value::Table(body)))
                .map_err(|e| anyhow!("{e}"))?;
            command.normalize();
            // Ids are chosen here, not by the writer, so that later items can refer to earlier
            // ones before anything is written: the whole scenario is one batch.
            let subject = Uuid::now_v7();
            if let Some(k) = &key {
                self.name(table.name, k, subject)?;
            }
            if let Some(k) = &named {
                self.name(table.name, k, subject)?;
            }
            *self.report.items.entry(table.name.to_string()).or_default() += 1;
            envs.push(Envelope {
                command,
                sources: sources.clone(),
                classification,
                subject: Some(subject),
            });
        }
        Ok(envs)
    }

    /// Replaces the scenario keys at `path` under `v` by ids.
    fn resolve(
        &self,
        v: &mut toml::Value,
        path: &[&str],
        to: Ref,
        field: &str,
    ) -> anyhow::Result<()> {
        match path.split_first() {
            None => {
                let key = v
                    .as_str()
                    .ok_or_else(|| anyhow!("`{field}` holds a key, in quotes"))?;
                let id = match to {
                    Ref::Key(table) => self.id_of(table, key),
                    Ref::Source => self.id_of("source", key),
                    Ref::Any => {
                        let (table, k) = key
                            .split_once(':')
                            .ok_or_else(|| anyhow!("`{field}` must be \"table:key\""))?;
                        self.id_of(table, k)
                    }
                }
                .with_context(|| format!("`{field}`"))?;
                *v = toml::Value::String(id.to_string());
                Ok(())
            }
            Some((&"[]", rest)) => match v {
                toml::Value::Array(a) => a
                    .iter_mut()
                    .try_for_each(|e| self.resolve(e, rest, to, field)),
                _ => bail!("`{field}` must be a list"),
            },
            Some(_) => match v {
                toml::Value::Table(t) => self.resolve_in(t, path, to, field),
                _ => Ok(()),
            },
        }
    }

    /// Replaces the scenario keys at `path` (starting with a field name, `name[]` for each
    /// element of a list) under the table `t`; a field that is not there names nothing.
    fn resolve_in(
        &self,
        t: &mut toml::Table,
        path: &[&str],
        to: Ref,
        field: &str,
    ) -> anyhow::Result<()> {
        let Some((name, rest)) = path.split_first() else {
            return Ok(());
        };
        let (name, list) = match name.strip_suffix("[]") {
            Some(n) => (n, true),
            None => (*name, false),
        };
        let Some(inner) = t.get_mut(name) else {
            return Ok(());
        };
        if list {
            let mut each = vec!["[]"];
            each.extend_from_slice(rest);
            self.resolve(inner, &each, to, field)
        } else {
            self.resolve(inner, rest, to, field)
        }
    }
}

/// How an item is named in errors: its key, the field naming it, or what it refers to.
fn describe(table: &Table, fields: &toml::Table) -> String {
    let text = |f: &str| fields.get(f).map(plain);
    if let Some(k) = text("key").or_else(|| table.named_by.and_then(text)) {
        return format!("{} {k:?}", table.name);
    }
    const NAMING: &[&str] = &[
        "code",
        "pledge",
        "person",
        "report",
        "detention",
        "case",
        "incident",
        "about",
        "site",
        "segment",
        "group",
        "donor",
        "country",
        "mission",
    ];
    let mut parts: Vec<String> = NAMING
        .iter()
        .find_map(|f| text(f).map(|v| format!("{f} {v:?}")))
        .into_iter()
        .collect();
    if let Some(on) = text("on") {
        parts.push(format!("on {on}"));
    }
    if parts.is_empty() {
        table.name.to_string()
    } else {
        format!("{} ({})", table.name, parts.join(", "))
    }
}

/// A scalar as text (for names in errors and for sorting by date); other values as `…`.
pub(crate) fn plain(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) | toml::Value::Table(_) => "…".into(),
    }
}

fn take_string(fields: &mut toml::Table, name: &str) -> anyhow::Result<Option<String>> {
    match fields.remove(name) {
        None => Ok(None),
        Some(toml::Value::String(s)) => Ok(Some(s)),
        Some(_) => bail!("`{name}` must be a string"),
    }
}

/// Replaces the secret in clear by its hash.
fn hash_secret(fields: &mut toml::Table, clear: &str, hashed: &str) -> anyhow::Result<()> {
    match take_string(fields, clear)? {
        Some(s) if !s.trim().is_empty() => {
            let hash = konbit_store::registers::secret_hash(&s);
            fields.insert(hashed.into(), toml::Value::String(hash));
            Ok(())
        }
        Some(_) => bail!("`{clear}` must not be empty"),
        None => bail!("`{clear}` is required (in clear; only its hash is recorded)"),
    }
}

/// TOML as the JSON the commands deserialize from: dates and times become their ISO 8601 text.
pub(crate) fn to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// The error as a line: domain errors with their fields.
pub(crate) fn describe_error(e: &konbit_store::StoreError) -> String {
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
