//! What each table of a scenario file is: the entry kind whose command its items deserialize
//! into, the fields that hold scenario keys instead of ids, and the order in which the tables
//! are recorded. Everything else about an item (its fields, their types, which are required) is
//! the domain command's own definition, the same one the API and the OpenAPI document use.

use konbit_domain::EntryKind;

/// What a field holding a scenario key names.
#[derive(Clone, Copy)]
pub(crate) enum Ref {
    /// An item of this table, by its `key`.
    Key(&'static str),
    /// A source, by its `key`.
    Source,
    /// Any keyed item, written `table:key` (what a discrepancy is about).
    Any,
}

/// One table of the format.
pub(crate) struct Table {
    /// Its name in the files (`[[pledge]]`).
    pub(crate) name: &'static str,
    /// The entry kind its items become; the item deserializes into that kind's command.
    pub(crate) kind: EntryKind,
    /// Fields holding scenario keys, as paths into the item: `person`, `persons_involved[]`
    /// (every element of a list), `allegations[].person` (a field of every element).
    pub(crate) refs: &'static [(&'static str, Ref)],
    /// A field of the command that also keys the item, so that others can name it: a
    /// mission's slug, an incident's event id.
    pub(crate) named_by: Option<&'static str>,
    /// A list field that gives one command per element, under the singular field: an
    /// acknowledgement lists `documents` and each becomes one acknowledgement of a `document`.
    pub(crate) each: Option<(&'static str, &'static str)>,
    /// Fields the API leaves to the server's clock but a scenario must give: when a paper
    /// report or complaint reached the mission (only a system load may say so; without it,
    /// every report of the scenario would count as submitted, and late, at load time).
    pub(crate) required: &'static [&'static str],
    /// A secret written in clear in the file (a demo secret) and the field that records only
    /// its hash, as the public form computes it.
    pub(crate) hashed: Option<(&'static str, &'static str)>,
}

const fn table(name: &'static str, kind: EntryKind) -> Table {
    Table {
        name,
        kind,
        refs: &[],
        named_by: None,
        each: None,
        required: &[],
        hashed: None,
    }
}

const fn refs(mut t: Table, refs: &'static [(&'static str, Ref)]) -> Table {
    t.refs = refs;
    t
}

const fn named_by(mut t: Table, field: &'static str) -> Table {
    t.named_by = Some(field);
    t
}

use EntryKind as K;
use Ref::{Any, Key, Source};

/// Every table of the format.
pub(crate) const TABLES: &[Table] = &[
    table("source", K::SourceRegistered),
    named_by(table("mission", K::MissionCreated), "slug"),
    table("mandate", K::MandateRecorded),
    table("succession", K::MissionSucceeded),
    table("requirement", K::RequirementsSet),
    table("pledge", K::PledgeRecorded),
    refs(
        table("revision", K::PledgeRevised),
        &[("pledge", Key("pledge"))],
    ),
    refs(
        table("withdrawal", K::PledgeWithdrawn),
        &[("pledge", Key("pledge"))],
    ),
    table("authorization", K::AuthorizationRecorded),
    table("deployment", K::DeploymentRecorded),
    table("funding", K::FundingRecorded),
    table("document", K::DocumentIssued),
    table("person", K::PersonRegistered),
    refs(
        table("departure", K::PersonDeparted),
        &[("person", Key("person"))],
    ),
    refs(
        table("vetting", K::VettingRecorded),
        &[("person", Key("person"))],
    ),
    Table {
        each: Some(("documents", "document")),
        ..refs(
            table("acknowledgement", K::AcknowledgementRecorded),
            &[("person", Key("person")), ("document", Key("document"))],
        )
    },
    refs(
        table("assignment", K::AssignmentRecorded),
        &[("person", Key("person"))],
    ),
    Table {
        required: &["submitted_at"],
        ..refs(
            table("use_of_force", K::UseOfForceReported),
            &[
                ("detention", Key("detention")),
                ("persons_involved[]", Key("person")),
            ],
        )
    },
    refs(
        table("review", K::UseOfForceReviewed),
        &[("report", Key("use_of_force"))],
    ),
    refs(
        table("detention", K::DetentionRecorded),
        &[("use_of_force", Key("use_of_force"))],
    ),
    refs(
        table("handover", K::DetentionHandedOver),
        &[("detention", Key("detention"))],
    ),
    refs(
        table("release", K::DetentionReleased),
        &[("detention", Key("detention"))],
    ),
    Table {
        required: &["received_at"],
        hashed: Some(("secret", "secret_hash")),
        ..table("complaint", K::ComplaintReceived)
    },
    refs(
        table("case", K::CaseOpened),
        &[
            ("complaint", Key("complaint")),
            ("allegations[].person", Key("person")),
        ],
    ),
    refs(
        table("case_update", K::CaseUpdated),
        &[("case", Key("case"))],
    ),
    table("armed_group", K::ArmedGroupProfiled),
    table("designation", K::ArmedGroupDesignated),
    named_by(
        refs(
            table("incident", K::IncidentRecorded),
            &[("fatality_claims[].sources[]", Source)],
        ),
        "event_id",
    ),
    table("verification", K::IncidentVerificationChanged),
    table("site_status", K::SiteStatusChanged),
    table("route_status", K::RouteStatusChanged),
    table("indicator", K::IndicatorObserved),
    refs(
        table("discrepancy", K::DiscrepancyRecorded),
        &[("about", Any), ("claims[].sources[]", Source)],
    ),
];

/// The table of a name.
pub(crate) fn by_name(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// One step of the load: the items of a table that pass `only`, in file order or sorted by a
/// date field.
pub(crate) struct Step {
    pub(crate) table: &'static str,
    pub(crate) only: fn(&toml::Table) -> bool,
    pub(crate) sorted_by: Option<&'static str>,
}

const fn all(table: &'static str) -> Step {
    Step {
        table,
        only: |_| true,
        sorted_by: None,
    }
}

fn is_coalition(item: &toml::Table) -> bool {
    item.get("kind").and_then(toml::Value::as_str) == Some("coalition")
}

/// The order of the load, which is the order the store's rules need (the whole scenario is
/// one batch, applied item by item): sources first, so anything may cite any source; the
/// mission record; deployments by date, so departures follow the arrivals they draw on; the
/// registers with documents and persons before what refers to them, departures, vetting and
/// acknowledgements before assignments (the gate looks at all of them), use-of-force reports
/// that name no detention, then detentions (which may name a report), then reports that name a
/// detention; complaints before the cases opened on them; coalitions before the groups that
/// name them, groups before designations and statuses that name them, incidents before their
/// verification; discrepancies last, since they may be about anything. Within a step, items
/// keep their order in the files, files in the order of [`crate::FILES`].
pub(crate) const ORDER: &[Step] = &[
    all("source"),
    all("mission"),
    all("mandate"),
    all("succession"),
    all("requirement"),
    all("pledge"),
    all("revision"),
    all("withdrawal"),
    all("authorization"),
    Step {
        sorted_by: Some("on"),
        ..all("deployment")
    },
    all("funding"),
    all("document"),
    all("person"),
    all("departure"),
    all("vetting"),
    all("acknowledgement"),
    all("assignment"),
    Step {
        only: |i| !i.contains_key("detention"),
        ..all("use_of_force")
    },
    all("detention"),
    Step {
        only: |i| i.contains_key("detention"),
        ..all("use_of_force")
    },
    all("review"),
    all("handover"),
    all("release"),
    all("complaint"),
    all("case"),
    all("case_update"),
    Step {
        only: is_coalition,
        ..all("armed_group")
    },
    Step {
        only: |i| !is_coalition(i),
        ..all("armed_group")
    },
    all("designation"),
    all("incident"),
    all("verification"),
    all("site_status"),
    all("route_status"),
    all("indicator"),
    all("discrepancy"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_loaded_and_every_step_names_a_table() {
        for t in TABLES {
            assert!(ORDER.iter().any(|s| s.table == t.name), "{}", t.name);
        }
        for s in ORDER {
            assert!(by_name(s.table).is_some(), "{}", s.table);
        }
    }
}
