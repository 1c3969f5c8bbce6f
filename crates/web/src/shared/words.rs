//! The completeness of the pages' words, checked against what the templates and page code ask
//! for: every message id they name exists in English and French, and the public pages (with
//! the layout around them) are whole in Creole and Spanish. The Fluent files themselves are
//! checked in `konbit-present`.

use konbit_domain::force::{
    FundingChannel, InstrumentKind, InstrumentStatus, Movement, PledgeStatus,
};
use konbit_domain::registers::{CaseStatus, statistics};
use konbit_domain::{Category, Classification, Named, Reliability, Role, SourceKind};
use konbit_present::{Tr, stat_column_prefix};
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The ids named by the translator calls (`t` and `fmt` on a `tr`) in some texts.
fn ids_named_in(texts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for text in texts {
        for call in ["tr.t(\"", "tr.fmt(\""] {
            for part in text.split(call).skip(1) {
                out.push(part.split('"').next().unwrap_or("").to_string());
            }
        }
    }
    out
}

/// The text of the macros `names` in a template of macros (`{% macro name(…) %}` to its
/// `{% endmacro %}`), for pages that call some of its macros and not the others.
fn macros_named(text: &str, names: &[&str]) -> String {
    let mut out = String::new();
    for name in names {
        let start = text
            .find(&format!("{{% macro {name}("))
            .unwrap_or_else(|| panic!("no macro {name}"));
        let len = text[start..]
            .find("{% endmacro %}")
            .unwrap_or_else(|| panic!("macro {name} does not end"));
        out.push_str(&text[start..start + len]);
    }
    out
}

/// The label ids of every value of a list: `movement-arrival`, `movement-departure`, …
fn labels<T: Named>(prefix: &str, all: &[T]) -> Vec<String> {
    all.iter()
        .map(|v| format!("{prefix}-{}", v.as_str()))
        .collect()
}

fn read(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// Every Rust source and template of the crate.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.join("src"), dir.join("templates")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs" || x == "html") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn every_id_the_pages_name_exists_in_english_and_french() {
    let ids = ids_named_in(&read(&all_files(&crate_dir())));
    assert!(ids.len() > 500, "the scan found only {} ids", ids.len());
    let missing: Vec<_> = ids
        .iter()
        .filter(|id| !Tr::en().has(id) || !Tr::fr().has(id))
        .collect();
    assert!(
        missing.is_empty(),
        "ids without English or French text: {missing:?}"
    );
}

/// `tr.t` gives a message without arguments; one that wants arguments must go through `tr.fmt`,
/// or the page would show its id.
#[test]
fn messages_named_without_arguments_need_none() {
    let mut wanting = Vec::new();
    for text in read(&all_files(&crate_dir())) {
        for part in text.split("tr.t(\"").skip(1) {
            let id = part.split('"').next().unwrap_or("");
            if Tr::en().has(id) && Tr::en().lookup(id).is_none() {
                wanting.push(id.to_string());
            }
        }
    }
    assert!(
        wanting.is_empty(),
        "ids that want arguments, named by tr.t: {wanting:?}"
    );
}

/// The public pages (complaint form, receipt, status, statistics; the dashboard, a
/// contributor's page, the timeline, the record log, the sources and the login page), the error
/// pages a reader may meet and the layout around them are whole in Creole and Spanish: no id
/// they use falls back to another language.
#[test]
fn the_public_pages_are_whole_in_creole_and_spanish() {
    let dir = crate_dir();
    let files: Vec<PathBuf> = [
        "templates/base.html",
        "templates/complaint.html",
        "templates/complaint_receipt.html",
        "templates/complaint_status.html",
        "templates/statistics.html",
        "templates/error.html",
        "templates/empty.html",
        "src/registers/pages/complaints.rs",
        "src/registers/pages/statistics.rs",
        "templates/dashboard.html",
        "templates/contributor.html",
        "templates/timeline.html",
        "templates/log.html",
        "templates/sources.html",
        "templates/login.html",
        "templates/mirror.html",
        "src/force/pages/dashboard.rs",
        "src/force/pages/contributor.rs",
        "src/force/pages/timeline.rs",
        "src/record/pages/log.rs",
        "src/record/pages/sources.rs",
        "src/record/pages/login.rs",
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect();
    let mut texts = read(&files);
    // The macros those pages call (the others serve the registers' staff pages).
    let macros = read(&[dir.join("templates/macros.html")]).concat();
    texts.push(macros_named(
        &macros,
        &["sources", "badges", "discs", "clocks", "compliance"],
    ));
    let mut wanted = ids_named_in(&texts);
    // Built ids: the statuses a complainant is told, the statistics' titles and columns, the
    // roles the layout shows, a written date.
    for st in CaseStatus::ALL {
        wanted.push(format!("case_status-{st}"));
        wanted.push(format!("cstatus-help-{st}"));
    }
    for t in statistics(&[], &[], &[], &[]) {
        wanted.push(format!("stats-table-{}", t.key));
        let prefix = stat_column_prefix(&t.key);
        wanted.extend(t.columns.iter().map(|c| format!("{prefix}-{c}")));
    }
    wanted.extend(Role::ALL.iter().map(|r| format!("role-{r}")));
    wanted.extend((1..=12).map(|m| format!("month-{m}")));
    wanted.push("date-long".into());
    for id in [
        "error-expired",
        "error-expired-text",
        "error-not_found",
        "err-date",
    ] {
        wanted.push(id.to_string());
    }
    // Built ids of the dashboard, a contributor's page, the timeline, the log and the sources:
    // the labels of the values they show (`tr.label(prefix, value)`), the helpers they share
    // (shared/pieces.rs: badges, head counts, instruments; the strength chart of
    // konbit-present), and messages named through a variable or on a line of their own.
    let label = |prefix: &str, values: &[&str]| -> Vec<String> {
        values.iter().map(|v| format!("{prefix}-{v}")).collect()
    };
    wanted.extend(labels("instrument", InstrumentKind::ALL));
    wanted.extend(labels("status", InstrumentStatus::ALL));
    wanted.extend(labels("movement", Movement::ALL));
    wanted.extend(labels("pledge_status", PledgeStatus::ALL));
    wanted.extend(labels("channel", FundingChannel::ALL));
    wanted.extend(labels("cat", Category::ALL));
    wanted.extend(labels("class", Classification::ALL));
    wanted.extend(labels("source_kind", SourceKind::ALL));
    wanted.extend(labels("reliability", Reliability::ALL));
    wanted.extend(label("credibility", &["1", "2", "3", "4", "5", "6"]));
    wanted.extend(label("change", &["recorded", "revised", "withdrawn"]));
    wanted.extend(label(
        "kind",
        &[
            "mandate",
            "succession",
            "pledge",
            "authorization",
            "deployment",
            "funding",
        ],
    ));
    wanted.extend(label(
        "timeline-line",
        &[
            "mandate_adopted",
            "succession",
            "succession_by",
            "pledge_recorded",
            "pledge_revised",
            "pledge_withdrawn",
            "authorization",
            "arrival",
            "departure",
            "rotation",
            "funding_pledge",
            "funding_receipt",
            "funding_freeze",
        ],
    ));
    wanted.extend(label(
        "chart",
        &["title", "desc", "empty", "ceiling", "pledged", "deployed"],
    ));
    for id in [
        "mission-succeeded_by",
        "mission-succeeds",
        "source-grade-detail",
        "badge-corrected",
        "reg-percent",
        "error-bad_request",
        "error-forbidden",
        "error-forbidden-text",
        "error-too_many",
        "error-refused",
        "error-internal",
        "error-internal-text",
        "error-cross_site",
        "error-cross_site-text",
        "error-no_language",
        // The filters of the log and the sources (shared/lists.rs): "any", and the refusal
        // of a bad value.
        "filter-any",
        "filter-invalid",
        "filter-why-unknown",
        "filter-why-seq",
        "filter-why-too_long",
        "filter-why-control",
    ] {
        wanted.push(id.to_string());
    }
    // Every id asked for is an English one (a typo here would pass in no language).
    let unknown: Vec<_> = wanted.iter().filter(|id| !Tr::en().has(id)).collect();
    assert!(unknown.is_empty(), "not English ids: {unknown:?}");
    for tr in [Tr::ht(), Tr::es()] {
        let missing: Vec<_> = wanted.iter().filter(|id| !tr.has(id)).collect();
        assert!(missing.is_empty(), "not in {}: {missing:?}", tr.code());
    }
}
