//! The desk over HTTP: what needs the caller now (`GET /api/v1/desk`, and the page `/desk`),
//! each item with the record it concerns and the form that resolves it; its deadlines as an
//! iCalendar feed (`/desk.ics`).

pub mod api;
mod calendar;
pub mod pages;

use konbit_domain::desk::{DeskItem, DeskKind};

pub(crate) use crate::shared::desk_count::items;

/// The page of the record an item concerns, and the form that resolves it.
pub(crate) fn links(i: &DeskItem) -> (String, String) {
    let r = crate::shared::page::enc(&i.record);
    match i.kind {
        DeskKind::HandoverDue | DeskKind::HandoverOverdue => (
            format!("/detentions/{r}"),
            format!("/detentions/handovers/new?detention={r}"),
        ),
        DeskKind::ReviewWaiting | DeskKind::ReviewOverdue => (
            format!("/use-of-force/{r}"),
            format!("/use-of-force/reviews/new?report={r}"),
        ),
        DeskKind::ComplaintUnassessed => ("/cases".into(), format!("/cases/new?complaint={r}")),
        DeskKind::CaseIdle => (
            format!("/cases/{r}"),
            format!("/cases/updates/new?case={r}"),
        ),
        DeskKind::NotEligible => (
            format!("/personnel/{r}"),
            format!("/vetting/new?person={r}"),
        ),
        DeskKind::MandateExpiring => (
            format!("/missions/{r}"),
            format!("/mandates/new?mission={r}"),
        ),
        DeskKind::IncidentUnverified => (
            format!("/incidents/{r}"),
            format!("/incidents/{r}/verification/new"),
        ),
    }
}
