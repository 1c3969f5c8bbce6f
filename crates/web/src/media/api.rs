//! The media monitoring API: the articles (each with its claims, their decisions and how each
//! claim stands against the record) and the two decisions an analyst records on a claim.

use crate::shared::press::{JudgedArticle, judged};
use crate::shared::{
    auth::Caller,
    error::{ApiError, Problem},
    extract::{ApiPath, ApiQuery, Clocks, Record},
    gate::{Allowed, Editor},
    state::AppState,
    write::{Written, write},
};
use axum::{Json, extract::State, http::StatusCode};
use konbit_domain::media::{ClaimAccepted, ClaimDismissed, MediaCommand};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

/// Media monitoring's routes, each declared once with its OpenAPI operation.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_articles))
        .routes(routes!(get_article))
        .routes(routes!(accept_claim))
        .routes(routes!(dismiss_claim))
}

/// The articles read from the press, oldest recorded first, each with its claims, the
/// decisions on them and how each stands against the record; their texts are left out of the
/// list (`content` is empty): read one article for its text.
#[utoipa::path(get, path = "/api/v1/press/articles", params(Clocks), responses((status = 200, body = Vec<JudgedArticle>)))]
async fn list_articles(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> Result<Json<Vec<JudgedArticle>>, ApiError> {
    Ok(Json(
        judged(&s, q.visibility(caller.clearance()), None).await?,
    ))
}

/// One article (its id is its source's).
#[utoipa::path(get, path = "/api/v1/press/articles/{id}", params(("id" = Uuid, Path, description = "The article's id (its source's)"), Clocks),
    responses((status = 200, body = JudgedArticle), (status = 404, body = Problem)))]
async fn get_article(
    State(s): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<Clocks>,
) -> Result<Json<JudgedArticle>, ApiError> {
    judged(&s, q.visibility(caller.clearance()), Some(id))
        .await?
        .pop()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("article {id}")))
}

/// Accepts a press claim: the record holds it in `record` (made from the claim with the
/// article as its source, or already there). One decision per claim.
#[utoipa::path(post, path = "/api/v1/press/claims/accepted", request_body = ClaimAccepted, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn accept_claim(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<ClaimAccepted>,
) -> Result<(StatusCode, Json<Written>), ApiError> {
    write(&s, &u, rec, MediaCommand::AcceptClaim).await
}

/// Dismisses a press claim, with the reason. One decision per claim.
#[utoipa::path(post, path = "/api/v1/press/claims/dismissed", request_body = ClaimDismissed, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn dismiss_claim(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<ClaimDismissed>,
) -> Result<(StatusCode, Json<Written>), ApiError> {
    write(&s, &u, rec, MediaCommand::DismissClaim).await
}
