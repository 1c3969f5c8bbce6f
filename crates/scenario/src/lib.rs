//! Scenario files: a folder of TOML (format in `docs/scenario-format.md`) turned into commands
//! and recorded through the writer, exactly as the API would record them. Each table's items
//! are the request bodies of the API for that entry kind, deserialized straight into the
//! domain's commands; the loader adds only what a file needs and a request does not: scenario
//! keys instead of ids (items refer to each other by keys, and the loader gives each keyed item
//! its id up front), sources by key, a default classification, and comments. The whole scenario
//! is one batch in the order the store's rules need ([`tables::ORDER`]), all or nothing.

mod loader;
mod tables;

use anyhow::{Context, anyhow, bail};
use konbit_store::{Envelope, Store};
pub use loader::Report;
use loader::{Item, Loader, describe_error};
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

/// A file's items by table, in file order.
fn parse_file(name: &str, text: &str) -> anyhow::Result<Vec<(&'static str, toml::Table)>> {
    let doc: toml::Table =
        toml::from_str(text).with_context(|| format!("{name} is not a valid TOML file"))?;
    let mut items = Vec::new();
    for (table, value) in doc {
        let Some(t) = tables::by_name(&table) else {
            let known: Vec<&str> = tables::TABLES.iter().map(|t| t.name).collect();
            bail!(
                "{name}: unknown table [[{table}]] (a scenario file holds {})",
                known.join(", ")
            );
        };
        let toml::Value::Array(list) = value else {
            bail!("{name}: `{table}` must be an array of tables, written [[{table}]]");
        };
        for v in list {
            let toml::Value::Table(fields) = v else {
                bail!("{name}: `{table}` must be an array of tables, written [[{table}]]");
            };
            items.push((t.name, fields));
        }
    }
    Ok(items)
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
    let mut by_table: HashMap<&str, Vec<Option<Item>>> = HashMap::new();
    for (name, text) in texts {
        for (table, fields) in parse_file(name, text)? {
            by_table.entry(table).or_default().push(Some(Item {
                file: name.to_string(),
                fields,
            }));
        }
    }
    let mut l = Loader::new();
    for step in tables::ORDER {
        let Some(table) = tables::by_name(step.table) else {
            bail!("the load order names an unknown table {:?}", step.table);
        };
        let items = by_table.entry(step.table).or_default();
        let mut chosen: Vec<Item> = items
            .iter_mut()
            .filter(|i| i.as_ref().is_some_and(|i| (step.only)(&i.fields)))
            .filter_map(Option::take)
            .collect();
        if let Some(field) = step.sorted_by {
            // ISO 8601 dates sort as text; the sort is stable, so a day keeps file order.
            chosen.sort_by_key(|i| i.fields.get(field).map(loader::plain));
        }
        for item in chosen {
            l.record(table, item)?;
        }
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
                describe_error(&e)
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
        let store = empty_store(dir.path()).await;
        let report = load(&store, &haiti()).await.expect("the scenario loads");
        assert!(report.count("source") >= 40, "{report:?}");
        let counts = [
            ("document", 10),
            ("person", 28),
            ("departure", 2),
            ("vetting", 29),
            ("acknowledgement", 165),
            ("assignment", 10),
            ("use_of_force", 10),
            ("review", 15),
            ("detention", 7),
            ("handover", 5),
            ("release", 1),
            ("complaint", 6),
            ("case", 4),
            ("case.allegations", 6),
            ("case_update", 12),
            ("armed_group", 21),
            ("designation", 17),
            ("incident", 21),
            ("incident.fatality_claims", 22),
            ("verification", 31),
            ("site_status", 22),
            ("route_status", 21),
            ("indicator", 42),
            ("discrepancy", 31),
        ];
        let counted: usize = report
            .items
            .iter()
            .filter(|(k, _)| !k.contains('.'))
            .map(|(_, n)| n)
            .sum();
        assert_eq!(counted, report.entries, "one entry per command: {report:?}");
        for (what, want) in counts {
            assert_eq!(report.count(what), want, "{what}: {report:?}");
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

    async fn empty_store(dir: &Path) -> Store {
        Store::open(&Options {
            url: format!("sqlite://{}", dir.join("konbit.db").display()),
            migrate: true,
        })
        .await
        .expect("open")
    }

    /// Loads the Haiti scenario with `extra` added as one more file, expecting a refusal: the
    /// message, after checking that the log is still empty.
    async fn refused_with(extra: &str) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = empty_store(dir.path()).await;
        let mut texts: Vec<(String, String)> = FILES
            .iter()
            .map(|n| {
                let t = std::fs::read_to_string(haiti().join(n)).expect("read");
                (n.to_string(), t)
            })
            .collect();
        texts.push(("extra.toml".into(), extra.into()));
        let borrowed: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let e = load_texts(&store, &borrowed).await.expect_err("refused");
        let v = store.verify_log().await.expect("verify");
        assert_eq!(v.length, 0, "nothing is recorded: {e:#}");
        store.close().await;
        format!("{e:#}")
    }

    #[tokio::test]
    async fn an_assignment_that_fails_the_gate_refuses_the_whole_scenario() {
        // ken-010's vetting is still pending.
        let msg = refused_with(
            "[[assignment]]\nperson = \"ken-010\"\noperation = \"X\"\non = \"2025-02-01\"\n",
        )
        .await;
        assert!(
            msg.contains("extra.toml: assignment (person \"ken-010\", on 2025-02-01)")
                && msg.contains("nothing was recorded"),
            "{msg}"
        );
    }

    #[tokio::test]
    async fn bad_items_are_refused_naming_the_file_the_item_and_the_problem() {
        let cases: &[(&str, &[&str])] = &[
            // A field the command does not have (incidents have `notes`, not `note`).
            (
                "[[incident]]\nevent_id = \"MSS-2024-0099\"\nevent_date = \"2024-10-03\"\n\
                 time_precision = 1\nevent_type = \"riots\"\nsub_event_type = \"mob_violence\"\n\
                 actor1 = \"Rioters (Haiti)\"\ninter1 = \"rioters\"\nadmin1 = \"Ouest\"\n\
                 location = \"Port-au-Prince\"\nlatitude = 18.54\nlongitude = -72.34\n\
                 geo_precision = 1\nnotes = \"n\"\nfatalities = 0\nnote = \"x\"\n",
                &[
                    "extra.toml: incident \"MSS-2024-0099\"",
                    "unknown field `note`",
                ],
            ),
            (
                "[[person]]\nkey = \"p\"\nmission = \"mss\"\ncountry = \"KEN\"\nunit = \"u\"\n\
                 category = \"police\"\ndeployed_from = \"2024-06-25\"\nnickname = \"x\"\n\
                 identity = { service_number = \"S\", name = \"N\", rank = \"R\" }\n",
                &["extra.toml: person \"p\"", "unknown field `nickname`"],
            ),
            // A missing field.
            (
                "[[pledge]]\nkey = \"p\"\nmission = \"mss\"\npledged_on = \"2024-01-01\"\n",
                &["extra.toml: pledge \"p\"", "missing field `country`"],
            ),
            // A table the format does not have.
            (
                "[[pledges]]\nkey = \"p\"\n",
                &["extra.toml: unknown table [[pledges]]", "pledge, revision"],
            ),
            ("pledge = 1\n", &["`pledge` must be an array of tables"]),
            // Keys: unknown, used twice, or not a key.
            (
                "[[revision]]\npledge = \"nope\"\non = \"2024-01-01\"\n",
                &[
                    "extra.toml: revision (pledge \"nope\", on 2024-01-01)",
                    "unknown pledge key \"nope\"",
                ],
            ),
            (
                "[[discrepancy]]\nabout = \"indicator:nope\"\nfield = \"value\"\naccepted = 0\n\
                 reason = \"r\"\n[[discrepancy.claims]]\nvalue = \"1\"\nsources = []\n",
                &["unknown indicator key \"nope\""],
            ),
            (
                "[[discrepancy]]\nabout = \"nope\"\nfield = \"value\"\naccepted = 0\n\
                 reason = \"r\"\n",
                &["`about` must be \"table:key\""],
            ),
            (
                "[[funding]]\nkey = \"x\"\nmission = \"mss\"\ndonor = \"CAN\"\nkind = \"pledge\"\n\
                 channel = \"trust_fund\"\namount = 1\ncurrency = \"USD\"\non = \"2024-04-30\"\n\
                 sources = [\"no-such-source\"]\n",
                &[
                    "extra.toml: funding \"x\"",
                    "unknown source key \"no-such-source\"",
                ],
            ),
            (
                "[[assignment]]\nperson = 7\noperation = \"X\"\non = \"2025-02-01\"\n",
                &["`person` holds a key, in quotes"],
            ),
            (
                "[[mission]]\nslug = \"mss\"\nname = \"n\"\nshort_name = \"n\"\n\
                 host_country = \"HTI\"\nlead_nation = \"KEN\"\nstart_date = \"2023-10-02\"\n",
                &[
                    "extra.toml: mission \"mss\"",
                    "the key \"mission:mss\" is used twice",
                ],
            ),
            // The loader's own fields.
            (
                "[[person]]\nkey = \"p\"\nclassification = \"secret\"\n",
                &["classification: unknown variant `secret`"],
            ),
            ("[[person]]\nkey = 3\n", &["`key` must be a string"]),
            // A complaint's secret and an acknowledgement's documents.
            (
                "[[complaint]]\nkey = \"c\"\nmission = \"mss\"\nreference = \"R\"\nsecret = \" \"\n\
                 language = \"en\"\nreceived_at = \"2025-08-26T09:00:00-04:00\"\naccount = \"a\"\n",
                &["extra.toml: complaint \"c\"", "`secret` must not be empty"],
            ),
            (
                "[[acknowledgement]]\nperson = \"ken-001\"\non = \"2024-06-25\"\ndocuments = []\n",
                &["`documents` must list at least one document key"],
            ),
            (
                "[[acknowledgement]]\nperson = \"ken-001\"\non = \"2024-06-25\"\n\
                 documents = [\"nope\"]\n",
                &["document \"nope\"", "unknown document key \"nope\""],
            ),
            (
                "[[use_of_force]]\nkey = \"u\"\nmission = \"mss\"\ncountry = \"KEN\"\n\
                 unit = \"u\"\noccurred_at = \"2025-03-18T06:30:00-04:00\"\nplace = \"p\"\n\
                 level = \"presence\"\nnarrative = \"n\"\n",
                &[
                    "extra.toml: use_of_force \"u\"",
                    "`submitted_at` is required in a scenario",
                ],
            ),
            // A command the domain refuses, with its field.
            (
                "[[pledge]]\nkey = \"p\"\nmission = \"mss\"\ncountry = \"XX\"\n\
                 pledged_on = \"2024-01-01\"\n",
                &[
                    "extra.toml: pledge \"p\"",
                    "country:",
                    "nothing was recorded",
                ],
            ),
        ];
        for (extra, wanted) in cases {
            let msg = refused_with(extra).await;
            for w in *wanted {
                assert!(msg.contains(w), "{extra}\n→ {msg}\n(wanted {w:?})");
            }
        }
    }

    #[test]
    fn secrets_are_hashed_as_lowercase_hex_sha256_of_the_upper_case_secret() {
        // SHA-256("ABC"): a secret is compared without regard to case or surrounding spaces.
        let h = "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78";
        assert_eq!(secret_hash("abc"), h);
        assert_eq!(secret_hash(" ABC "), h);
    }
}
