//! One sentence, one expected claim: the conventions of the claims format across kinds and
//! languages, on sentences written for these tests in the shapes the press uses.

use time::macros::date;

use crate::dates::Published;
use crate::{Claim, Document};

fn claims_of(text: &str, language: &str) -> Vec<Claim> {
    let doc = Document {
        name: "t".into(),
        language: language.into(),
        body: text.into(),
        ..Document::default()
    };
    let published = Published {
        day: Some(date!(2025 - 02 - 05)),
        after: None,
        basis: "test".into(),
        outlet: None,
    };
    super::extract(&doc, &published)
}

/// Sentence, language, kind, event, subject, value, date.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    (
        "Canada pledged $80.5 million to the UN trust fund in February 2024.",
        "en",
        "money",
        "pledged",
        "CAN",
        Some(80_500_000),
        Some("2024-02"),
    ),
    (
        "The trust fund has received $85 million so far.",
        "en",
        "money",
        "received",
        "TRUST_FUND",
        Some(85_000_000),
        Some("2025-02-05"),
    ),
    (
        "The United States froze $13.3 million in contributions on Tuesday.",
        "en",
        "money",
        "frozen",
        "USA",
        Some(13_300_000),
        Some("2025-02-04"),
    ),
    (
        "The mission's annual budget is estimated at $600 million.",
        "en",
        "money",
        "budget",
        "MSS",
        Some(600_000_000),
        Some("2025-02-05"),
    ),
    (
        "More than 1,500 people were kidnapped in 2023, the UN said.",
        "en",
        "casualties",
        "kidnapped",
        "HTI",
        Some(1500),
        Some("2023"),
    ),
    (
        "At least 12 people were killed in Cité Soleil on Sunday.",
        "en",
        "casualties",
        "killed",
        "HTI",
        Some(12),
        Some("2025-02-02"),
    ),
    (
        "Some 40 people were injured in the clashes last month.",
        "en",
        "casualties",
        "injured",
        "HTI",
        Some(40),
        Some("2025-01"),
    ),
    (
        "More than 3,700 inmates escaped from the National Penitentiary in March 2024.",
        "en",
        "casualties",
        "escaped",
        "HTI",
        Some(3700),
        Some("2024-03"),
    ),
    (
        "Plus de 150 personnes ont été tuées en janvier.",
        "fr",
        "casualties",
        "killed",
        "HTI",
        Some(150),
        Some("2025-01"),
    ),
    (
        "Près de 6 000 personnes ont été déplacées la semaine dernière.",
        "fr",
        "displacement",
        "displaced",
        "HTI",
        Some(6000),
        Some("2025-02"),
    ),
    (
        "About 1 million people are now displaced inside Haiti, according to IOM.",
        "en",
        "displacement",
        "displaced",
        "HTI",
        Some(1_000_000),
        Some("2025-02-05"),
    ),
    (
        "Jamaica has pledged 200 soldiers and police to the mission.",
        "en",
        "personnel",
        "pledged",
        "JAM",
        Some(200),
        None,
    ),
    (
        "Another 144 Kenyan police officers arrived in Port-au-Prince on Thursday.",
        "en",
        "personnel",
        "arrived",
        "KEN",
        Some(144),
        Some("2025-01-30"),
    ),
    (
        "Benin offered to send 2,000 troops in February 2024.",
        "en",
        "personnel",
        "pledged",
        "BEN",
        Some(2000),
        Some("2024-02"),
    ),
    (
        "Le Kenya a annoncé l'envoi de 600 policiers supplémentaires samedi.",
        "fr",
        "personnel",
        "announced",
        "KEN",
        Some(600),
        Some("2025-02-01"),
    ),
    (
        "The mission currently has about 1,000 personnel in Haiti.",
        "en",
        "personnel",
        "deployed_total",
        "MSS",
        Some(1000),
        Some("2025-02-05"),
    ),
    (
        "El Salvador se comprometió en agosto a enviar 78 soldados.",
        "es",
        "personnel",
        "pledged",
        "SLV",
        Some(78),
        Some("2024-08"),
    ),
    (
        "The Security Council adopted resolution 2751 on September 30, 2024, extending the mission for a year.",
        "en",
        "resolution",
        "adopted",
        "UNSC",
        None,
        Some("2024-09-30"),
    ),
    (
        "The mission's mandate expires on October 2, 2025.",
        "en",
        "resolution",
        "mandate_end",
        "MSS",
        None,
        Some("2025-10-02"),
    ),
    (
        "Resolution 2793 authorizes up to 5,500 uniformed personnel for the Gang Suppression Force.",
        "en",
        "resolution",
        "ceiling",
        "GSF",
        Some(5500),
        Some("2025-02-05"),
    ),
    (
        "The first Kenyan contingent will leave for Haiti on Tuesday.",
        "en",
        "event",
        "deployment_departure",
        "KEN",
        None,
        Some("2025-02-11"),
    ),
    (
        "Kenyan police began patrolling the capital in June 2024.",
        "en",
        "event",
        "patrols_began",
        "KEN",
        None,
        Some("2024-06"),
    ),
    (
        "A Kenyan officer was killed in an ambush on February 23, 2025.",
        "en",
        "event",
        "officer_killed",
        "KEN",
        None,
        Some("2025-02-23"),
    ),
    (
        "Blinken visited Port-au-Prince on September 5, 2024.",
        "en",
        "event",
        "official_visit",
        "USA",
        None,
        Some("2024-09-05"),
    ),
    (
        "President Jovenel Moïse was assassinated in July 2021.",
        "en",
        "event",
        "president_assassinated",
        "HTI",
        None,
        Some("2021-07"),
    ),
    (
        "肯尼亚议会于2023年11月16日批准了部署。",
        "zh",
        "event",
        "approval",
        "KEN",
        None,
        Some("2023-11-16"),
    ),
    (
        "2024年3月，超过4000名囚犯越狱。",
        "zh",
        "casualties",
        "escaped",
        "HTI",
        Some(4000),
        Some("2024-03"),
    ),
];

#[test]
fn one_sentence_one_claim_across_kinds_and_languages() {
    let mut failures = Vec::new();
    for (text, lang, kind, event, subject, value, date) in CASES {
        let got = claims_of(text, lang);
        let hit = got.iter().any(|c| {
            c.kind == *kind
                && c.event == *event
                && c.subject == *subject
                && c.value == *value
                && c.date.as_deref() == *date
        });
        if !hit {
            failures.push(format!(
                "{text}\n  want {kind}/{event} {subject} {value:?} {date:?}\n  got  {}",
                serde_json::to_string(&got).unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sentences:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn sentences_without_a_claim_give_none() {
    for text in [
        "Gangs control 80 per cent of the capital.",
        "The deal will guide their defence cooperation for the next five years.",
        "Parliament approved the deployment of 1,000 police officers.",
        "Some 200 gangs operate in the country.",
        "The mission may march on into 2026.",
        "Kenya offered to lead the force, pending approval from the UN Security Council.",
    ] {
        let got = claims_of(text, "en");
        let numbered: Vec<&Claim> = got.iter().filter(|c| c.kind != "event").collect();
        assert!(
            numbered.is_empty(),
            "{text}: {}",
            serde_json::to_string(&got).unwrap_or_default()
        );
    }
}
