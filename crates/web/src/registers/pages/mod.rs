//! The accountability registers' pages: the public complaint form, a complaint's status and the
//! public statistics, and the staff pages (personnel, documents, use of force, detentions,
//! cases, and the audit of restricted reads).

mod audit;
mod cases;
mod complaints;
mod personnel;
mod statistics;
mod use_of_force;

use crate::shared::state::AppState;
use axum::{Router, routing::get};

/// The registers' page routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/complaints",
            get(complaints::complaint_form).post(complaints::complaint_submit),
        )
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
