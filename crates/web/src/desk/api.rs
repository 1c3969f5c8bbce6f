//! `GET /api/v1/desk`: the caller's desk as JSON.

use crate::shared::{
    error::{ApiResult, Problem},
    gate::{Allowed, Member},
    state::AppState,
};
use axum::{Json, extract::State};
use konbit_domain::desk::DeskItem;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The desk's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(desk))
}

/// What needs the caller now, most urgent first: handovers due within 12 hours or overdue,
/// use-of-force reviews waiting, complaints not assessed within 7 days, cases without a move
/// for 30 days, people assigned who no longer pass the gate, mandates ending within 90 days,
/// incidents still `reported` after 72 hours — those the caller may resolve (a commander:
/// their contingent's).
#[utoipa::path(get, path = "/api/v1/desk", security(("bearer" = [])),
    responses((status = 200, body = Vec<DeskItem>), (status = 401, body = Problem)))]
async fn desk(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
) -> ApiResult<Json<Vec<DeskItem>>> {
    Ok(Json(super::items(&s.store, s.rules(), &u).await?))
}
