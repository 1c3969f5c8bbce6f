//! Scenario files: a folder of TOML (format in `docs/scenario-format.md`) turned into commands
//! and recorded through the writer, exactly as the API would record them. Items refer to each
//! other by scenario-local keys; the loader maps keys to the ids the writer assigns. Besides the
//! mission record (sources, missions, pledges, authorizations, deployments, funding), a scenario
//! may hold accountability registers (documents, personnel, use of force, detentions, complaints,
//! cases) and the situational picture (armed groups, designations, incidents and their
//! verification, site and route statuses, indicators); those are recorded after the mission
//! record, registers first, each in the order its rules need. Discrepancies come last.

mod items;
mod loader;
mod registers;
mod situation;

use anyhow::{Context, anyhow, bail};
use items::*;
use konbit_domain::force::*;
use konbit_domain::{Claim, NewDiscrepancy, NewSource, SourceCommand};
use konbit_store::{Actor, Envelope, Store};
pub use loader::Report;
use loader::{Loader, describe, money};
use registers::record_registers;
use situation::record_situation;
use std::{collections::HashMap, path::Path};

/// The files of a scenario, in load order.
pub const FILES: &[&str] = &[
    "sources.toml",
    "missions.toml",
    "pledges.toml",
    "authorizations.toml",
    "deployments.toml",
    "funding.toml",
    "registers.toml",
    "situation.toml",
];

fn parse_file(name: &str, text: &str) -> anyhow::Result<File> {
    toml::from_str(text).with_context(|| format!("{name} is not a valid scenario file"))
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
    let mut regs = Registers::default();
    let mut sits = Situation::default();
    // Sources first (from every file), so anything may cite any source.
    for (name, f) in &files {
        for s in &f.source {
            let what = format!("{name}: source {:?}", s.key);
            let id = l.record(
                &what,
                SourceCommand::RegisterSource(NewSource {
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
                ForceCommand::CreateMission(NewMission {
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
                ForceCommand::RecordMandate(NewMandate {
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
                ForceCommand::RecordSuccession(NewSuccession {
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
                ForceCommand::SetRequirements(NewRequirements {
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
                ForceCommand::RecordPledge(NewPledge {
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
                ForceCommand::RevisePledge(PledgeRevision {
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
                ForceCommand::WithdrawPledge(PledgeWithdrawal {
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
                ForceCommand::RecordAuthorization(NewAuthorization {
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
                ForceCommand::RecordDeployment(NewDeployment {
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
                ForceCommand::RecordFunding(NewFunding {
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
        regs.document
            .extend(f.document.into_iter().map(|x| (name, x)));
        regs.person.extend(f.person.into_iter().map(|x| (name, x)));
        regs.departure
            .extend(f.departure.into_iter().map(|x| (name, x)));
        regs.vetting
            .extend(f.vetting.into_iter().map(|x| (name, x)));
        regs.acknowledgement
            .extend(f.acknowledgement.into_iter().map(|x| (name, x)));
        regs.assignment
            .extend(f.assignment.into_iter().map(|x| (name, x)));
        regs.use_of_force
            .extend(f.use_of_force.into_iter().map(|x| (name, x)));
        regs.review.extend(f.review.into_iter().map(|x| (name, x)));
        regs.detention
            .extend(f.detention.into_iter().map(|x| (name, x)));
        regs.handover
            .extend(f.handover.into_iter().map(|x| (name, x)));
        regs.release
            .extend(f.release.into_iter().map(|x| (name, x)));
        regs.complaint
            .extend(f.complaint.into_iter().map(|x| (name, x)));
        regs.case.extend(f.case.into_iter().map(|x| (name, x)));
        regs.case_update
            .extend(f.case_update.into_iter().map(|x| (name, x)));
        sits.incident
            .extend(f.incident.into_iter().map(|x| (name, x)));
        sits.verification
            .extend(f.verification.into_iter().map(|x| (name, x)));
        sits.armed_group
            .extend(f.armed_group.into_iter().map(|x| (name, x)));
        sits.designation
            .extend(f.designation.into_iter().map(|x| (name, x)));
        sits.site_status
            .extend(f.site_status.into_iter().map(|x| (name, x)));
        sits.route_status
            .extend(f.route_status.into_iter().map(|x| (name, x)));
        sits.indicator
            .extend(f.indicator.into_iter().map(|x| (name, x)));
    }
    // The registers after the mission record they name, in the order their rules need.
    record_registers(&mut l, regs)?;
    // Then the situational picture, in the order its rules need.
    record_situation(&mut l, sits)?;
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
            SourceCommand::RecordDiscrepancy(NewDiscrepancy {
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
        l.report.discrepancies += 1;
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

#[cfg(test)]
mod tests {
    use super::*;
    use konbit_domain::{
        Named,
        access::Scope,
        registers::{
            self as accountability, CaseStatus, ClockState, ForceLevel, ReviewStatus, Rules,
        },
    };
    use konbit_store::{
        Options, Visibility,
        registers::{Select, secret_hash},
    };
    use time::macros::date;

    fn haiti() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/scenarios/haiti-mss")
    }

    #[tokio::test]
    async fn the_haiti_scenario_loads_with_its_synthetic_registers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("konbit.db");
        let store = Store::open(&Options {
            url: format!("sqlite://{}", path.display()),
            migrate: true,
        })
        .await
        .expect("open");
        let report = load(&store, &haiti()).await.expect("the scenario loads");
        assert!(report.sources >= 40, "{report:?}");
        let counts = [
            ("documents", report.documents, 10),
            ("persons", report.persons, 28),
            ("departures", report.departures, 2),
            ("vettings", report.vettings, 29),
            ("acknowledgements", report.acknowledgements, 165),
            ("assignments", report.assignments, 10),
            ("use_of_force", report.use_of_force, 10),
            ("reviews", report.reviews, 15),
            ("detentions", report.detentions, 7),
            ("handovers", report.handovers, 5),
            ("releases", report.releases, 1),
            ("complaints", report.complaints, 6),
            ("cases", report.cases, 4),
            ("case_updates", report.case_updates, 12),
            ("group_profiles", report.group_profiles, 21),
            ("designations", report.designations, 17),
            ("incidents", report.incidents, 21),
            ("fatality_claims", report.fatality_claims, 22),
            ("verifications", report.verifications, 31),
            ("site_statuses", report.site_statuses, 22),
            ("route_statuses", report.route_statuses, 21),
            ("observations", report.observations, 42),
            ("discrepancies", report.discrepancies, 31),
        ];
        for (what, got, want) in counts {
            assert_eq!(got, want, "{what}: {report:?}");
        }

        let mut r = store.reader(Visibility::ALL).await.expect("reader");
        let people = accountability::people(
            &r.register_events("personnel", Select::All, &Scope::All)
                .await
                .expect("personnel"),
        );
        let docs = accountability::documents(
            &r.register_events("documents", Select::All, &Scope::All)
                .await
                .expect("documents"),
        );
        assert_eq!(people.len(), 28);
        // No real names: every identity is a placeholder.
        for p in &people {
            let id = p.identity.as_ref().expect("identity");
            assert!(id.name.starts_with("Synthetic "), "{}", id.name);
            assert!(
                id.service_number.starts_with("SYN-"),
                "{}",
                id.service_number
            );
        }
        // Kenya before and after use_of_force_directive 2.0 came into force.
        let ken = |on| {
            accountability::compliance(&people, &docs, "mss", on)
                .into_iter()
                .find(|c| c.country == "KEN")
                .expect("KEN")
        };
        let before = ken(date!(2025 - 02 - 15));
        assert_eq!(
            (
                before.deployed,
                before.vetted,
                before.acknowledged,
                before.compliant
            ),
            (12, 10, 12, 10)
        );
        let after = ken(date!(2025 - 03 - 15));
        assert_eq!(
            (
                after.deployed,
                after.vetted,
                after.acknowledged,
                after.compliant
            ),
            (11, 9, 7, 7)
        );
        // Everyone has left the MSS by the transfer to the GSF.
        assert!(
            accountability::compliance(&people, &docs, "mss", date!(2025 - 10 - 01)).is_empty()
        );
        let gsf = accountability::compliance(&people, &docs, "gsf", date!(2026 - 01 - 15));
        assert_eq!(gsf.len(), 1);
        assert_eq!((gsf[0].deployed, gsf[0].compliant), (4, 3));

        let now = konbit_store::now();
        let force = r
            .register_events("force", Select::All, &Scope::All)
            .await
            .expect("force");
        let reports = accountability::use_of_force(&force, Rules::default(), now);
        assert_eq!(reports.len(), 10);
        assert_eq!(reports.iter().filter(|r| r.late).count(), 2);
        let review = |s: ReviewStatus| reports.iter().filter(|r| r.review == s).count();
        assert_eq!(review(ReviewStatus::Cleared), 4);
        assert_eq!(review(ReviewStatus::Referred), 2);
        assert_eq!(review(ReviewStatus::UnderReview), 3);
        assert_eq!(review(ReviewStatus::Submitted), 1);
        for level in ForceLevel::ALL {
            assert!(reports.iter().any(|r| r.level == *level), "{level}");
        }
        let detentions = accountability::detentions(&force, Rules::default(), now);
        assert_eq!(detentions.len(), 7);
        let clock = |s: ClockState| detentions.iter().filter(|d| d.clock == s).count();
        assert_eq!(clock(ClockState::Met), 5);
        assert_eq!(clock(ClockState::Breached), 1);
        assert_eq!(clock(ClockState::Overdue), 1);
        assert_eq!(detentions.iter().filter(|d| d.minor()).count(), 1);

        let complaints_area = r
            .register_events("complaints", Select::All, &Scope::All)
            .await
            .expect("complaints");
        let cases = accountability::cases(&complaints_area);
        let complaints = accountability::complaints(&complaints_area, &cases);
        assert_eq!((complaints.len(), cases.len()), (6, 4));
        let demo = complaints
            .iter()
            .find(|c| c.reference.as_deref() == Some("SYN-2025-0004"))
            .expect("the demo complaint");
        assert_eq!(demo.secret_hash, secret_hash("demo-secret-0004"));
        assert_eq!(demo.status, CaseStatus::UnderInvestigation);
        let mut statuses: Vec<CaseStatus> = cases.iter().map(|c| c.status).collect();
        statuses.sort();
        assert_eq!(
            statuses,
            vec![
                CaseStatus::UnderInvestigation,
                CaseStatus::Substantiated,
                CaseStatus::Unsubstantiated,
                CaseStatus::Closed
            ]
        );
        let counted: i64 = cases.iter().filter_map(|c| c.counted_allegations).sum();
        assert_eq!(counted, 6);
        drop(r);
        store.close().await;
    }

    #[tokio::test]
    async fn an_assignment_that_fails_the_gate_refuses_the_whole_scenario() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("konbit.db");
        let store = Store::open(&Options {
            url: format!("sqlite://{}", path.display()),
            migrate: true,
        })
        .await
        .expect("open");
        let mut texts: Vec<(String, String)> = FILES
            .iter()
            .map(|n| {
                let t = std::fs::read_to_string(haiti().join(n)).expect("read");
                (n.to_string(), t)
            })
            .collect();
        // ken-010's vetting is still pending.
        texts.push((
            "extra.toml".into(),
            "[[assignment]]\nperson = \"ken-010\"\noperation = \"X\"\non = \"2025-02-01\"\n".into(),
        ));
        let borrowed: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let e = load_texts(&store, &borrowed).await.expect_err("refused");
        let msg = format!("{e:#}");
        assert!(
            msg.contains("extra.toml: assignment of person \"ken-010\"")
                && msg.contains("nothing was recorded"),
            "{msg}"
        );
        store.close().await;
    }

    #[test]
    fn secrets_are_hashed_as_lowercase_hex_sha256_of_the_upper_case_secret() {
        // SHA-256("ABC"): a secret is compared without regard to case or surrounding spaces.
        let h = "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78";
        assert_eq!(secret_hash("abc"), h);
        assert_eq!(secret_hash(" ABC "), h);
    }

    #[test]
    fn an_incident_has_notes_not_a_note() {
        let e = parse_file(
            "situation.toml",
            "[[incident]]\nevent_id = \"MSS-2024-0099\"\nevent_date = \"2024-10-03\"\n\
             time_precision = 1\nevent_type = \"riots\"\nsub_event_type = \"mob_violence\"\n\
             actor1 = \"Rioters (Haiti)\"\ninter1 = \"rioters\"\nadmin1 = \"Ouest\"\n\
             location = \"Port-au-Prince\"\nlatitude = 18.54\nlongitude = -72.34\n\
             geo_precision = 1\nnotes = \"n\"\nfatalities = 0\nnote = \"x\"\n",
        )
        .err()
        .expect("refused");
        assert!(format!("{e:#}").contains("note"), "{e:#}");
    }

    #[tokio::test]
    async fn a_discrepancy_about_an_unknown_indicator_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Options {
            url: format!("sqlite://{}", dir.path().join("konbit.db").display()),
            migrate: true,
        })
        .await
        .expect("open");
        let e = load_texts(
            &store,
            &[(
                "situation.toml",
                "[[discrepancy]]\nabout = \"indicator:nope\"\nfield = \"value\"\n\
                 accepted = 0\nreason = \"r\"\n[[discrepancy.claim]]\nvalue = \"1\"\n",
            )],
        )
        .await
        .expect_err("refused");
        assert!(
            format!("{e:#}").contains("unknown indicator key \"nope\""),
            "{e:#}"
        );
        store.close().await;
    }

    #[test]
    fn unknown_register_fields_are_refused() {
        let e = parse_file(
            "registers.toml",
            "[[person]]\nkey = \"p\"\nmission = \"mss\"\ncountry = \"KEN\"\nunit = \"u\"\n\
             category = \"police\"\ndeployed_from = \"2024-06-25\"\nservice_number = \"S\"\n\
             name = \"N\"\nrank = \"R\"\nnickname = \"x\"\n",
        )
        .err()
        .expect("refused");
        assert!(format!("{e:#}").contains("nickname"), "{e:#}");
    }
}
