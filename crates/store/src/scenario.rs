//! Scenario files: a folder of TOML (format in `docs/scenario-format.md`) turned into commands
//! and recorded through the writer, exactly as the API would record them. Items refer to each
//! other by scenario-local keys; the loader maps keys to the ids the writer assigns.

use crate::{
    Store,
    writer::{Actor, Envelope},
};
use anyhow::{Context, anyhow, bail};
use konbit_domain::{
    Classification, FundingChannel, FundingKind, InstrumentKind, InstrumentStatus, Movement,
    Personnel, Reliability, SourceKind, command::*,
};
use serde::Deserialize;
use std::{collections::HashMap, path::Path};
use time::Date;
use uuid::Uuid;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceItem {
    key: String,
    kind: SourceKind,
    title: String,
    url: Option<String>,
    reference: Option<String>,
    published_on: Option<Date>,
    outlet: Option<String>,
    language: Option<String>,
    reliability: Reliability,
    credibility: i64,
    note: Option<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissionItem {
    key: String,
    name: String,
    short_name: String,
    host_country: String,
    lead_nation: String,
    start_date: Date,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MandateItem {
    key: String,
    mission: String,
    resolution: i64,
    adopted_on: Date,
    votes_for: i64,
    votes_against: i64,
    votes_abstain: i64,
    mandate_end: Date,
    review_on: Option<Date>,
    ceiling_total: Option<i64>,
    ceiling_uniformed: Option<i64>,
    ceiling_civilian: Option<i64>,
    summary: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SuccessionItem {
    mission: String,
    successor: String,
    on: Date,
    resolution: Option<i64>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementItem {
    mission: String,
    from: Date,
    instruments: Vec<InstrumentKind>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeItem {
    key: String,
    mission: String,
    country: String,
    pledged_on: Date,
    #[serde(default)]
    police: i64,
    #[serde(default)]
    military: i64,
    #[serde(default)]
    civilian: i64,
    equipment: Option<String>,
    money_amount: Option<i64>,
    money_currency: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionItem {
    pledge: String,
    on: Date,
    #[serde(default)]
    police: i64,
    #[serde(default)]
    military: i64,
    #[serde(default)]
    civilian: i64,
    equipment: Option<String>,
    money_amount: Option<i64>,
    money_currency: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WithdrawalItem {
    pledge: String,
    on: Date,
    reason: String,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorizationItem {
    key: Option<String>,
    mission: String,
    country: String,
    kind: InstrumentKind,
    title: String,
    issued_on: Date,
    status: InstrumentStatus,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeploymentItem {
    key: Option<String>,
    mission: String,
    country: String,
    movement: Movement,
    on: Date,
    #[serde(default)]
    police: i64,
    #[serde(default)]
    military: i64,
    #[serde(default)]
    civilian: i64,
    #[serde(default)]
    out_police: i64,
    #[serde(default)]
    out_military: i64,
    #[serde(default)]
    out_civilian: i64,
    unit: Option<String>,
    note: Option<String>,
    override_reason: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FundingItem {
    key: Option<String>,
    mission: String,
    donor: String,
    kind: FundingKind,
    channel: FundingChannel,
    amount: i64,
    currency: String,
    on: Date,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimItem {
    value: String,
    #[serde(default)]
    sources: Vec<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscrepancyItem {
    about: String,
    field: String,
    accepted: usize,
    reason: String,
    claim: Vec<ClaimItem>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    classification: Option<Classification>,
}

/// Everything a scenario file may hold; each file uses some of these tables.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    source: Vec<SourceItem>,
    #[serde(default)]
    mission: Vec<MissionItem>,
    #[serde(default)]
    mandate: Vec<MandateItem>,
    #[serde(default)]
    succession: Vec<SuccessionItem>,
    #[serde(default)]
    requirement: Vec<RequirementItem>,
    #[serde(default)]
    pledge: Vec<PledgeItem>,
    #[serde(default)]
    revision: Vec<RevisionItem>,
    #[serde(default)]
    withdrawal: Vec<WithdrawalItem>,
    #[serde(default)]
    authorization: Vec<AuthorizationItem>,
    #[serde(default)]
    deployment: Vec<DeploymentItem>,
    #[serde(default)]
    funding: Vec<FundingItem>,
    #[serde(default)]
    discrepancy: Vec<DiscrepancyItem>,
}

/// The files of a scenario, in load order.
pub const FILES: &[&str] = &[
    "sources.toml",
    "missions.toml",
    "pledges.toml",
    "authorizations.toml",
    "deployments.toml",
    "funding.toml",
];

/// What a load recorded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Entries appended.
    pub entries: usize,
    /// Sources registered.
    pub sources: usize,
}

struct Loader {
    actor: Actor,
    sources: HashMap<String, Uuid>,
    keys: HashMap<String, Uuid>,
    pending: Vec<(String, Envelope)>,
    report: Report,
}

fn default_class(c: Option<Classification>) -> Classification {
    // Scenario facts come from published sources.
    c.unwrap_or(Classification::Public)
}

impl Loader {
    fn source_ids(&self, keys: &[String], what: &str) -> anyhow::Result<Vec<Uuid>> {
        keys.iter()
            .map(|k| {
                self.sources
                    .get(k)
                    .copied()
                    .ok_or_else(|| anyhow!("{what}: unknown source key {k:?}"))
            })
            .collect()
    }

    fn key(&self, kind: &str, key: &str, what: &str) -> anyhow::Result<Uuid> {
        self.keys
            .get(&format!("{kind}:{key}"))
            .copied()
            .ok_or_else(|| anyhow!("{what}: unknown {kind} key {key:?}"))
    }

    fn record(
        &mut self,
        what: &str,
        command: Command,
        sources: &[String],
        class: Option<Classification>,
        key: Option<(&str, &str)>,
    ) -> anyhow::Result<Uuid> {
        // Ids are chosen here, not by the writer, so that later items can refer to earlier ones
        // before anything is written: the whole scenario is then recorded in one batch.
        let subject = Uuid::now_v7();
        let env = Envelope {
            command,
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
fn describe(e: &crate::StoreError) -> String {
    match e {
        crate::StoreError::Domain(konbit_domain::DomainError::Invalid(v)) => {
            v.0.iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => other.to_string(),
    }
}

fn parse_file(name: &str, text: &str) -> anyhow::Result<File> {
    toml::from_str(text).with_context(|| format!("{name} is not a valid scenario file"))
}

fn money(
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

/// Loads a scenario folder through the writer, all or nothing: the first refused item is named
/// and nothing is recorded.
pub async fn load(store: &Store, dir: &Path) -> anyhow::Result<Report> {
    if !dir.is_dir() {
        bail!("{} is not a scenario folder", dir.display());
    }
    let mut texts = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        if path.exists() {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            texts.push((*name, text));
        }
    }
    if texts.is_empty() {
        bail!(
            "{} holds none of the scenario files ({})",
            dir.display(),
            FILES.join(", ")
        );
    }
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    load_texts(store, &borrowed).await
}

/// Loads a scenario given as (file name, TOML text) pairs, e.g. one embedded in the binary.
pub async fn load_texts(store: &Store, texts: &[(&str, &str)]) -> anyhow::Result<Report> {
    let files: Vec<(&str, File)> = texts
        .iter()
        .map(|(n, t)| parse_file(n, t).map(|f| (*n, f)))
        .collect::<anyhow::Result<_>>()?;
    let mut l = Loader {
        actor: Actor::system("load"),
        sources: HashMap::new(),
        keys: HashMap::new(),
        pending: Vec::new(),
        report: Report::default(),
    };
    let mut discrepancies = Vec::new();
    // Sources first (from every file), so anything may cite any source.
    for (name, f) in &files {
        for s in &f.source {
            let what = format!("{name}: source {:?}", s.key);
            let id = l.record(
                &what,
                Command::RegisterSource(NewSource {
                    kind: s.kind,
                    title: s.title.clone(),
                    url: s.url.clone(),
                    reference: s.reference.clone(),
                    published_on: s.published_on,
                    outlet: s.outlet.clone(),
                    language: s.language.clone(),
                    reliability: s.reliability,
                    credibility: s.credibility,
                    note: s.note.clone(),
                }),
                &[],
                s.classification,
                None,
            )?;
            if l.sources.insert(s.key.clone(), id).is_some() {
                bail!("{what}: the key is used twice");
            }
            l.report.sources += 1;
        }
    }
    for (name, f) in files {
        for m in f.mission {
            let what = format!("{name}: mission {:?}", m.key);
            l.record(
                &what,
                Command::CreateMission(NewMission {
                    slug: m.key.clone(),
                    name: m.name,
                    short_name: m.short_name,
                    host_country: m.host_country,
                    lead_nation: m.lead_nation,
                    start_date: m.start_date,
                    note: m.note,
                }),
                &m.sources,
                m.classification,
                Some(("mission", &m.key)),
            )?;
        }
        for m in f.mandate {
            let what = format!("{name}: mandate {:?}", m.key);
            let summary = match (m.summary, m.note) {
                (Some(s), Some(n)) => Some(format!("{s} {n}")),
                (s, n) => s.or(n),
            };
            l.record(
                &what,
                Command::RecordMandate(NewMandate {
                    mission: m.mission,
                    resolution: m.resolution,
                    adopted_on: m.adopted_on,
                    votes_for: m.votes_for,
                    votes_against: m.votes_against,
                    votes_abstain: m.votes_abstain,
                    mandate_end: m.mandate_end,
                    review_on: m.review_on,
                    ceiling_total: m.ceiling_total,
                    ceiling_uniformed: m.ceiling_uniformed,
                    ceiling_civilian: m.ceiling_civilian,
                    summary,
                }),
                &m.sources,
                m.classification,
                Some(("mandate", &m.key)),
            )?;
        }
        for s in f.succession {
            let what = format!("{name}: succession {} → {}", s.mission, s.successor);
            let _ = s.note;
            l.record(
                &what,
                Command::RecordSuccession(NewSuccession {
                    mission: s.mission.clone(),
                    successor: s.successor.clone(),
                    on: s.on,
                    resolution: s.resolution,
                }),
                &s.sources,
                s.classification,
                None,
            )?;
        }
        for r in f.requirement {
            let what = format!("{name}: requirement of {} from {}", r.mission, r.from);
            let _ = r.note;
            l.record(
                &what,
                Command::SetRequirements(NewRequirements {
                    mission: r.mission,
                    from: r.from,
                    instruments: r.instruments,
                }),
                &r.sources,
                r.classification,
                None,
            )?;
        }
        for p in f.pledge {
            let what = format!("{name}: pledge {:?}", p.key);
            let money = money(p.money_amount, p.money_currency, &what)?;
            l.record(
                &what,
                Command::RecordPledge(NewPledge {
                    mission: p.mission,
                    country: p.country,
                    pledged_on: p.pledged_on,
                    personnel: Personnel {
                        police: p.police,
                        military: p.military,
                        civilian: p.civilian,
                    },
                    equipment: p.equipment,
                    money,
                    note: p.note,
                }),
                &p.sources,
                p.classification,
                Some(("pledge", &p.key)),
            )?;
        }
        for r in f.revision {
            let what = format!("{name}: revision of pledge {:?} on {}", r.pledge, r.on);
            let pledge = l.key("pledge", &r.pledge, &what)?;
            let money = money(r.money_amount, r.money_currency, &what)?;
            l.record(
                &what,
                Command::RevisePledge(PledgeRevision {
                    pledge,
                    on: r.on,
                    personnel: Personnel {
                        police: r.police,
                        military: r.military,
                        civilian: r.civilian,
                    },
                    equipment: r.equipment,
                    money,
                    note: r.note,
                }),
                &r.sources,
                r.classification,
                None,
            )?;
        }
        for w in f.withdrawal {
            let what = format!("{name}: withdrawal of pledge {:?}", w.pledge);
            let pledge = l.key("pledge", &w.pledge, &what)?;
            let reason = match w.note {
                Some(n) => format!("{} {n}", w.reason),
                None => w.reason,
            };
            l.record(
                &what,
                Command::WithdrawPledge(PledgeWithdrawal {
                    pledge,
                    on: w.on,
                    reason,
                }),
                &w.sources,
                w.classification,
                None,
            )?;
        }
        for a in f.authorization {
            let what = format!(
                "{name}: authorization {:?}",
                a.key.as_deref().unwrap_or(&a.title)
            );
            let key = a.key.clone();
            l.record(
                &what,
                Command::RecordAuthorization(NewAuthorization {
                    mission: a.mission,
                    country: a.country,
                    kind: a.kind,
                    title: a.title,
                    issued_on: a.issued_on,
                    status: a.status,
                    note: a.note,
                }),
                &a.sources,
                a.classification,
                key.as_deref().map(|k| ("authorization", k)),
            )?;
        }
        // In date order, so that departures always follow the arrivals they draw on.
        let mut deployments = f.deployment;
        deployments.sort_by_key(|d| d.on);
        for d in deployments {
            let what = format!(
                "{name}: deployment {:?}",
                d.key
                    .clone()
                    .unwrap_or_else(|| format!("{} {}", d.country, d.on))
            );
            let inbound = Personnel {
                police: d.police,
                military: d.military,
                civilian: d.civilian,
            };
            let outbound = Personnel {
                police: d.out_police,
                military: d.out_military,
                civilian: d.out_civilian,
            };
            let key = d.key.clone();
            l.record(
                &what,
                Command::RecordDeployment(NewDeployment {
                    mission: d.mission,
                    country: d.country,
                    movement: d.movement,
                    on: d.on,
                    personnel: inbound,
                    relieved: (d.movement == Movement::Rotation).then_some(outbound),
                    unit: d.unit,
                    note: d.note,
                    override_reason: d.override_reason,
                }),
                &d.sources,
                d.classification,
                key.as_deref().map(|k| ("deployment", k)),
            )?;
        }
        for x in f.funding {
            let what = format!(
                "{name}: funding {:?}",
                x.key.clone().unwrap_or_else(|| x.donor.clone())
            );
            let key = x.key.clone();
            l.record(
                &what,
                Command::RecordFunding(NewFunding {
                    mission: x.mission,
                    donor: x.donor,
                    kind: x.kind,
                    channel: x.channel,
                    amount: x.amount,
                    currency: x.currency,
                    on: x.on,
                    note: x.note,
                }),
                &x.sources,
                x.classification,
                key.as_deref().map(|k| ("funding", k)),
            )?;
        }
        discrepancies.extend(f.discrepancy.into_iter().map(|d| (name, d)));
    }
    // Last: a discrepancy may be about anything above, in any file.
    for (name, d) in discrepancies {
        let what = format!("{name}: discrepancy about {:?} ({})", d.about, d.field);
        let (kind, key) = d
            .about
            .split_once(':')
            .ok_or_else(|| anyhow!("{what}: `about` must be \"kind:key\""))?;
        let about = l.key(kind, key, &what)?;
        let claims = d
            .claim
            .iter()
            .map(|c| {
                Ok(Claim {
                    value: c.value.clone(),
                    sources: l.source_ids(&c.sources, &what)?,
                    note: c.note.clone(),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let reason = match d.note {
            Some(n) => format!("{} {n}", d.reason),
            None => d.reason,
        };
        l.record(
            &what,
            Command::RecordDiscrepancy(NewDiscrepancy {
                about,
                field: d.field,
                claims,
                accepted: d.accepted,
                reason,
            }),
            &d.sources,
            d.classification,
            None,
        )?;
    }
    // All or nothing: a refused item leaves the database as it was.
    let (whats, envs): (Vec<String>, Vec<Envelope>) = l.pending.into_iter().unzip();
    let written = store
        .writer()
        .submit_all(l.actor, envs)
        .await
        .map_err(|(i, e)| {
            anyhow!(
                "{}: {} (nothing was recorded)",
                whats.get(i).map_or("the scenario", String::as_str),
                describe(&e)
            )
        })?;
    l.report.entries = written.len();
    Ok(l.report)
}
