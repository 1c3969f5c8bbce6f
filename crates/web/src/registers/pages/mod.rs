//! The accountability registers' pages: the public complaint form, a complaint's status and the
//! public statistics, and the staff pages (personnel, documents, use of force, detentions,
//! cases, and the audit of restricted reads).

mod audit;
mod cases;
mod complaints;
mod personnel;
mod statistics;
mod use_of_force;

use crate::shared::forms::{self, Clock, FormSpec};
use crate::shared::state::AppState;
use axum::{Router, routing::get};
use konbit_domain::EntryKind as K;
use konbit_domain::{Command, DomainError, registers::UnitAcknowledgement};
use konbit_store::StoreError;
use std::{future::Future, pin::Pin};

/// The registers' forms, one per command a member of staff sends (complaints come through the
/// public form).
pub(crate) static FORMS: &[FormSpec] = &[
    FormSpec::new(
        "/personnel/new",
        "/api/v1/personnel",
        K::PersonRegistered,
        "/personnel/{id}",
    ),
    FormSpec::new(
        "/personnel/departures/new",
        "/api/v1/personnel/departures",
        K::PersonDeparted,
        "/personnel/{person}",
    ),
    FormSpec::new(
        "/vetting/new",
        "/api/v1/vetting",
        K::VettingRecorded,
        "/personnel/{person}",
    ),
    FormSpec::new(
        "/documents/new",
        "/api/v1/documents",
        K::DocumentIssued,
        "/documents",
    ),
    FormSpec::new(
        "/acknowledgements/new",
        "/api/v1/acknowledgements",
        K::AcknowledgementRecorded,
        "/personnel/{person}",
    ),
    FormSpec::new(
        "/acknowledgements/unit/new",
        "/api/v1/acknowledgements/unit",
        K::AcknowledgementRecorded,
        "/personnel",
    )
    .expand(unit_acknowledgements)
    .named("acknowledgement.unit"),
    FormSpec::new(
        "/assignments/new",
        "/api/v1/assignments",
        K::AssignmentRecorded,
        "/personnel/{person}",
    ),
    FormSpec::new(
        "/use-of-force/new",
        "/api/v1/use-of-force",
        K::UseOfForceReported,
        "/use-of-force/{id}",
    ),
    FormSpec::new(
        "/use-of-force/reviews/new",
        "/api/v1/use-of-force/reviews",
        K::UseOfForceReviewed,
        "/use-of-force/{report}",
    ),
    FormSpec::new(
        "/detentions/new",
        "/api/v1/detentions",
        K::DetentionRecorded,
        "/detentions/{id}",
    )
    .clock(Clock::Starts("arrested_at")),
    FormSpec::new(
        "/detentions/handovers/new",
        "/api/v1/detentions/handovers",
        K::DetentionHandedOver,
        "/detentions/{detention}",
    )
    .clock(Clock::Ends("at")),
    FormSpec::new(
        "/detentions/releases/new",
        "/api/v1/detentions/releases",
        K::DetentionReleased,
        "/detentions/{detention}",
    )
    .clock(Clock::Ends("at")),
    FormSpec::new("/cases/new", "/api/v1/cases", K::CaseOpened, "/cases/{id}"),
    FormSpec::new(
        "/cases/updates/new",
        "/api/v1/cases/updates",
        K::CaseUpdated,
        "/cases/{case}",
    ),
];

/// A unit's acknowledgement of a document, as the acknowledgements it becomes.
fn unit_acknowledgements<'a>(
    s: &'a AppState,
    body: &'a serde_json::Value,
) -> Pin<Box<dyn Future<Output = Result<Vec<Command>, StoreError>> + Send + 'a>> {
    Box::pin(async move {
        let request: UnitAcknowledgement = serde_json::from_value(body.clone())
            .map_err(|e| StoreError::Domain(DomainError::invalid("body", e.to_string())))?;
        super::unit_acknowledgements(s, &request).await
    })
}

/// The registers' page routes.
pub fn router() -> Router<AppState> {
    forms::router(FORMS)
        .route(
            "/complaints",
            get(complaints::complaint_form).post(complaints::complaint_submit),
        )
        .route("/complaints/receipt", get(complaints::complaint_receipt))
        .route(
            "/complaints/status",
            get(complaints::status_form).post(complaints::status_submit),
        )
        .route("/statistics", get(statistics::statistics_page))
        .route("/personnel", get(personnel::personnel_page))
        .route("/personnel/{id}", get(personnel::person_page))
        .route("/documents", get(personnel::documents_page))
        .route("/use-of-force", get(use_of_force::use_of_force_page))
        .route("/use-of-force/{id}", get(use_of_force::report_page))
        .route("/detentions", get(use_of_force::detentions_page))
        .route("/detentions/{id}", get(use_of_force::detention_page))
        .route("/cases", get(cases::cases_page))
        .route("/cases/{id}", get(cases::case_page))
        .route("/audit", get(audit::audit_page))
}
