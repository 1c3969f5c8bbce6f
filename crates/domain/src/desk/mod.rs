//! The desk: what needs a member of staff now, computed from the record — a detainee to hand
//! over, a report to review, a complaint nobody has assessed, a case that has not moved, a
//! person assigned who no longer passes the gate, a mandate about to expire, an incident nobody
//! has verified. Each item names the entry kind that resolves it, so a user's desk holds the
//! items they may resolve (the table of rights decides), and a commander's only their
//! contingent's.

use crate::access::{Access, Sender, may_send};
use crate::force::MissionView;
use crate::registers::{
    CaseStatus, CaseView, ClockState, ComplaintView, DetentionView, DocumentView, PersonView,
    UseOfForceView, gate,
};
use crate::situation::Verification;
use crate::{EntryKind, vocabulary};
use serde::Serialize;
use time::{Date, Duration, OffsetDateTime};

vocabulary! {
    /// Why something is on a desk.
    pub enum DeskKind {
        /// A detainee's handover to the host-state police is due within the warning time.
        HandoverDue,
        /// A detainee's handover deadline has passed with the detainee still held.
        HandoverOverdue,
        /// A use-of-force report awaits review.
        ReviewWaiting,
        /// A use-of-force report's review is past its deadline.
        ReviewOverdue,
        /// A complaint has not been assessed (no case opened) within the time allowed.
        ComplaintUnassessed,
        /// An open case has not moved for the time allowed.
        CaseIdle,
        /// A person assigned to operations no longer passes the gate (vetting or
        /// acknowledgements).
        NotEligible,
        /// A mission's authorization ends within the warning time.
        MandateExpiring,
        /// An incident is still `reported` after the time allowed.
        IncidentUnverified,
    }
}

/// One thing that needs doing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskItem {
    /// Why it is here.
    pub kind: DeskKind,
    /// The record: an id, an incident's event id or a mission's slug.
    pub record: String,
    /// The mission.
    pub mission: String,
    /// The contributor it concerns, if one.
    pub country: Option<String>,
    /// The deadline, when there is one (a handover, a review, the end of a mandate).
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub due: Option<OffsetDateTime>,
    /// Since when it has waited.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub since: OffsetDateTime,
    /// The kind of entry that resolves it.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    #[serde(serialize_with = "kind_name")]
    pub resolves: EntryKind,
}

fn kind_name<S: serde::Serializer>(k: &EntryKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.as_str())
}

/// How long things may wait before they are on a desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskRules {
    /// A handover due within this is shown.
    pub handover_warning: Duration,
    /// A complaint not assessed within this is shown.
    pub complaint_assessment: Duration,
    /// A case without a move for this long is shown.
    pub case_idle: Duration,
    /// A mandate ending within this is shown.
    pub mandate_warning: Duration,
    /// An incident still `reported` after this is shown.
    pub incident_verification: Duration,
}

impl Default for DeskRules {
    fn default() -> Self {
        DeskRules {
            handover_warning: Duration::hours(12),
            complaint_assessment: Duration::days(7),
            case_idle: Duration::days(30),
            mandate_warning: Duration::days(90),
            incident_verification: Duration::hours(72),
        }
    }
}

fn midnight(d: Date) -> OffsetDateTime {
    d.midnight().assume_utc()
}

/// The registers' items: handovers, reviews, complaints, cases, and people assigned who no
/// longer pass the gate.
#[allow(clippy::too_many_arguments)]
pub fn registers(
    detentions: &[DetentionView],
    reports: &[UseOfForceView],
    complaints: &[ComplaintView],
    cases: &[CaseView],
    people: &[PersonView],
    documents: &[DocumentView],
    rules: DeskRules,
    now: OffsetDateTime,
) -> Vec<DeskItem> {
    let mut out = Vec::new();
    for d in detentions {
        let kind = match d.clock {
            ClockState::Overdue => DeskKind::HandoverOverdue,
            ClockState::Due if d.deadline - now <= rules.handover_warning => DeskKind::HandoverDue,
            _ => continue,
        };
        out.push(DeskItem {
            kind,
            record: d.id.to_string(),
            mission: d.mission.clone(),
            country: Some(d.country.clone()),
            due: Some(d.deadline),
            since: d.arrested_at,
            resolves: EntryKind::DetentionHandedOver,
        });
    }
    for r in reports {
        if r.review.is_final() {
            continue;
        }
        out.push(DeskItem {
            kind: if now > r.review_due {
                DeskKind::ReviewOverdue
            } else {
                DeskKind::ReviewWaiting
            },
            record: r.id.to_string(),
            mission: r.mission.clone(),
            country: Some(r.country.clone()),
            due: Some(r.review_due),
            since: r.submitted_at,
            resolves: EntryKind::UseOfForceReviewed,
        });
    }
    for c in complaints {
        let due = c.received_at + rules.complaint_assessment;
        if c.case.is_none() && c.status == CaseStatus::Received && now > due {
            out.push(DeskItem {
                kind: DeskKind::ComplaintUnassessed,
                record: c.id.to_string(),
                mission: c.mission.clone(),
                country: None,
                due: Some(due),
                since: c.received_at,
                resolves: EntryKind::CaseOpened,
            });
        }
    }
    for c in cases {
        if c.status == CaseStatus::Closed {
            continue;
        }
        let last = c.history.iter().map(|s| s.on).max().unwrap_or(c.opened_on);
        let since = midnight(last);
        if now - since > rules.case_idle {
            out.push(DeskItem {
                kind: DeskKind::CaseIdle,
                record: c.id.to_string(),
                mission: c.mission.clone(),
                country: None,
                due: Some(since + rules.case_idle),
                since,
                resolves: EntryKind::CaseUpdated,
            });
        }
    }
    let today = now.date();
    for p in people {
        let Some(assigned) = p.assignments.iter().map(|a| a.on).max() else {
            continue;
        };
        if !p.deployed_on(today) || gate(p, documents, today).is_empty() {
            continue;
        }
        out.push(DeskItem {
            kind: DeskKind::NotEligible,
            record: p.id.to_string(),
            mission: p.mission.clone(),
            country: Some(p.country.clone()),
            due: None,
            since: midnight(assigned),
            resolves: EntryKind::VettingRecorded,
        });
    }
    out
}

/// Missions whose authorization ends within the warning time (and that no mission succeeds).
pub fn mandates(missions: &[MissionView], rules: DeskRules, now: OffsetDateTime) -> Vec<DeskItem> {
    missions
        .iter()
        .filter(|m| m.successor.is_none())
        .filter_map(|m| {
            let end = midnight(m.authorized_until?);
            (end >= now && end - now <= rules.mandate_warning).then(|| DeskItem {
                kind: DeskKind::MandateExpiring,
                record: m.slug.clone(),
                mission: m.slug.clone(),
                country: None,
                due: Some(end),
                since: end - rules.mandate_warning,
                resolves: EntryKind::MandateRecorded,
            })
        })
        .collect()
}

/// An incident as the desk needs it: its id, mission, status and when it was recorded.
pub struct IncidentState {
    /// ACLED-style event id.
    pub event_id: String,
    /// Its verification status.
    pub status: Verification,
    /// When it was first recorded.
    pub recorded_at: OffsetDateTime,
}

/// Incidents still `reported` after the time allowed.
pub fn incidents(
    list: &[IncidentState],
    mission: &str,
    rules: DeskRules,
    now: OffsetDateTime,
) -> Vec<DeskItem> {
    list.iter()
        .filter(|i| {
            i.status == Verification::Reported && now - i.recorded_at > rules.incident_verification
        })
        .map(|i| DeskItem {
            kind: DeskKind::IncidentUnverified,
            record: i.event_id.clone(),
            mission: mission.to_string(),
            country: None,
            due: Some(i.recorded_at + rules.incident_verification),
            since: i.recorded_at,
            resolves: EntryKind::IncidentVerificationChanged,
        })
        .collect()
}

/// The items `user` may resolve (a commander: their contingent's), most urgent first.
pub fn for_user(items: Vec<DeskItem>, user: &Access) -> Vec<DeskItem> {
    let sender = Sender::User(user.clone());
    let mut mine: Vec<DeskItem> = items
        .into_iter()
        .filter(|i| may_send(&sender, i.resolves, i.country.as_deref()).is_ok())
        .collect();
    mine.sort_by_key(|i| (i.due.unwrap_or(i.since), i.record.clone()));
    mine
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;
    use time::macros::datetime;

    fn item(kind: DeskKind, country: Option<&str>, resolves: EntryKind) -> DeskItem {
        DeskItem {
            kind,
            record: "r".into(),
            mission: "m".into(),
            country: country.map(str::to_string),
            due: None,
            since: datetime!(2025-01-01 0:00 UTC),
            resolves,
        }
    }

    #[test]
    fn a_desk_holds_what_its_user_may_resolve_and_a_commander_only_their_contingent() {
        let items = vec![
            item(
                DeskKind::HandoverDue,
                Some("KEN"),
                EntryKind::DetentionHandedOver,
            ),
            item(
                DeskKind::HandoverDue,
                Some("GTM"),
                EntryKind::DetentionHandedOver,
            ),
            item(DeskKind::MandateExpiring, None, EntryKind::MandateRecorded),
            item(
                DeskKind::NotEligible,
                Some("KEN"),
                EntryKind::VettingRecorded,
            ),
        ];
        let desk = |role, country: Option<&str>| {
            for_user(
                items.clone(),
                &Access {
                    role,
                    country: country.map(str::to_string),
                },
            )
            .iter()
            .map(|i| (i.kind, i.country.clone()))
            .collect::<Vec<_>>()
        };
        assert_eq!(desk(Role::ConductOfficer, None).len(), 2);
        assert_eq!(
            desk(Role::Commander, Some("KEN")),
            vec![(DeskKind::HandoverDue, Some("KEN".to_string()))]
        );
        assert_eq!(
            desk(Role::HrOfficer, None),
            vec![(DeskKind::NotEligible, Some("KEN".to_string()))]
        );
        assert_eq!(
            desk(Role::Editor, None),
            vec![(DeskKind::MandateExpiring, None)]
        );
        assert!(desk(Role::Viewer, None).is_empty());
    }

    #[test]
    fn incidents_wait_three_days_before_they_are_due() {
        let now = datetime!(2025-01-10 12:00 UTC);
        let list = vec![
            IncidentState {
                event_id: "MSS-2025-0001".into(),
                status: Verification::Reported,
                recorded_at: datetime!(2025-01-07 11:00 UTC),
            },
            IncidentState {
                event_id: "MSS-2025-0002".into(),
                status: Verification::Reported,
                recorded_at: datetime!(2025-01-07 13:00 UTC),
            },
            IncidentState {
                event_id: "MSS-2025-0003".into(),
                status: Verification::Corroborated,
                recorded_at: datetime!(2025-01-01 0:00 UTC),
            },
        ];
        let due = incidents(&list, "gsf", DeskRules::default(), now);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].record, "MSS-2025-0001");
    }
}
