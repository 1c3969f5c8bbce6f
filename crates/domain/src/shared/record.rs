//! What every projected record carries about its place in the log: the entry behind its current
//! version, the entry that first recorded it, whether a correction replaced it, when, at which
//! classification, and on which sources. Every capability's read models embed it.

use crate::Classification;
use serde::Serialize;
use uuid::Uuid;

/// Where a record came from in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordMeta {
    /// The entry behind the current version of the record.
    pub entry_seq: i64,
    /// The entry first recording it (differs from `entry_seq` when corrected).
    pub origin_seq: i64,
    /// True when a correction replaced the original.
    pub corrected: bool,
    /// Record time of the current version (RFC 3339).
    pub recorded_at: String,
    /// Who may read it.
    pub classification: Classification,
    /// Sources it rests on.
    pub sources: Vec<Uuid>,
}
