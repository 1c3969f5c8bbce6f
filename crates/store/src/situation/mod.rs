//! The situational picture in the database: its projector (the rules that need the record
//! before a situation command is appended; incidents with their full-text index and weekly
//! counts, verification, links, armed groups, designations, site and route statuses and
//! indicators), the bulk import of incidents, and the reads the map, timeline, board and search
//! are drawn from.
//!
//! Incidents are projected in batches: an import of a million rows appends a million entries,
//! and one multi-row statement per few hundred rows is what keeps that within reach of plain
//! INSERTs (see the import benchmark).

pub mod import;
mod project;
mod query;

pub(crate) use project::Situation;
pub use project::{ImportSpec, ImportSummary, PreparedRow, digest};
pub(crate) use project::{import_chunk, source_by_reference};
pub use query::*;

use time::{Date, Duration};

/// Monday 1 January 1900: day 0 of the `day` columns, week 0 of the weekly counts.
pub const EPOCH: Date = time::macros::date!(1900 - 01 - 01);

/// Days since [`EPOCH`].
pub fn day_of(d: Date) -> i64 {
    (d - EPOCH).whole_days()
}

/// The date `day` days after [`EPOCH`].
pub fn date_of(day: i64) -> Date {
    EPOCH + Duration::days(day)
}

/// The Monday starting week `week`.
pub fn week_start(week: i64) -> Date {
    date_of(week * 7)
}

/// The columns an incident read selects (the digest is the writer's; the status is chosen per
/// read).
pub(crate) const READ_COLS: &str = "n, entry_seq, id, recorded_us, superseded_us, class, sources, event_id, \
    event_date, time_precision, disorder_type, event_type, sub_event_type, actor1, \
    assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, civilian_targeting, admin1, admin1_code, \
    admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, \
    fatalities, fatality_claims, tags, acled_timestamp";
