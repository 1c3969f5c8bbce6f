//! Force generation's API: missions and their mandates, successions and requirements, the
//! contributors with their pledges, instruments and movements, strength over time, the
//! timeline, and funding. Reads honour the two clocks (`on`, `as_of`) and the caller's
//! clearance; writes need the editor role (missions and requirements: admin).

use crate::{
    shared::state::AppState,
    shared::{
        auth::Caller,
        error::{ApiError, Problem},
        extract::{ApiPath, ApiQuery, Clocks, Record},
        gate::{Admin, Allowed, Editor},
        write::{Written, write},
    },
};
use axum::{Json, extract::State, http::StatusCode};
use konbit_domain::force::*;
use konbit_domain::{DiscrepancyView, SourceView};
use konbit_store::{Visibility, force::Snapshot};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use crate::shared::error::ApiResult;

/// Schemas the operations name only inside other schemas.
#[derive(OpenApi)]
#[openapi(components(schemas(ContributorDetail)))]
struct ForceDoc;

/// Force generation's routes, each declared once with its OpenAPI operation.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ForceDoc::openapi())
        .routes(routes!(list_missions, create_mission))
        .routes(routes!(get_mission))
        .routes(routes!(record_mandate))
        .routes(routes!(record_succession))
        .routes(routes!(set_requirements))
        .routes(routes!(list_contributors))
        .routes(routes!(get_contributor))
        .routes(routes!(strength))
        .routes(routes!(timeline))
        .routes(routes!(record_pledge))
        .routes(routes!(revise_pledge))
        .routes(routes!(withdraw_pledge))
        .routes(routes!(record_authorization))
        .routes(routes!(record_deployment))
        .routes(routes!(list_funding, record_funding))
}

async fn snapshot(
    s: &AppState,
    clocks: &Clocks,
    vis: Visibility,
) -> ApiResult<(Snapshot, time::Date)> {
    let on = clocks.on();
    let mut c = s.store.reader(vis).await?;
    let slug = match &clocks.mission {
        Some(m) => m.to_string(),
        None => c
            .mission_in_office(on)
            .await?
            .map(|m| m.slug)
            .ok_or_else(|| ApiError::not_found("any mission"))?,
    };
    let snap = c
        .snapshot(&slug)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    Ok((snap, on))
}

/// Every mission, with its mandate state on `on`.
#[utoipa::path(get, path = "/api/v1/missions", params(Clocks), responses((status = 200, body = Vec<MissionView>), (status = 400, body = Problem)))]
async fn list_missions(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<MissionView>>> {
    let vis = q.visibility(caller.clearance());
    let on = q.on();
    let mut c = s.store.reader(vis).await?;
    let mut out = Vec::new();
    for m in c.missions().await? {
        if let Some(snap) = c.snapshot(&m.slug).await? {
            out.push(snap.mission_view(on)?);
        }
    }
    Ok(Json(out))
}

/// One mission.
#[utoipa::path(get, path = "/api/v1/missions/{slug}", params(("slug" = konbit_domain::clocks::Slug, Path, description = "The mission's slug"), Clocks), responses((status = 200, body = MissionView), (status = 404, body = Problem)))]
async fn get_mission(
    State(s): State<AppState>,
    caller: Caller,
    ApiPath(slug): ApiPath<konbit_domain::clocks::Slug>,
    ApiQuery(mut q): ApiQuery<Clocks>,
) -> ApiResult<Json<MissionView>> {
    q.mission = Some(slug);
    let (snap, on) = snapshot(&s, &q, q.visibility(caller.clearance())).await?;
    Ok(Json(snap.mission_view(on)?))
}

/// Creates a mission (admin).
#[utoipa::path(post, path = "/api/v1/missions", request_body = NewMission, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_mission(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Admin>,
    rec: Record<NewMission>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::CreateMission).await
}

/// Records a mandate instrument (a Security Council resolution).
#[utoipa::path(post, path = "/api/v1/mandates", request_body = NewMandate, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_mandate(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewMandate>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordMandate).await
}

/// Records that a mission was succeeded by another.
#[utoipa::path(post, path = "/api/v1/successions", request_body = NewSuccession, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_succession(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewSuccession>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordSuccession).await
}

/// Sets the instruments contributors need before deploying (admin).
#[utoipa::path(post, path = "/api/v1/requirements", request_body = NewRequirements, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn set_requirements(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Admin>,
    rec: Record<NewRequirements>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::SetRequirements).await
}

/// Per contributing country: pledged and deployed by category on `on`, as recorded by `as_of`.
#[utoipa::path(get, path = "/api/v1/contributors", params(Clocks), responses((status = 200, body = Vec<ContributorSummary>), (status = 400, body = Problem), (status = 404, body = Problem)))]
async fn list_contributors(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<ContributorSummary>>> {
    let (snap, on) = snapshot(&s, &q, q.visibility(caller.clearance())).await?;
    Ok(Json(snap.contributors(on)?))
}

/// One contributor's record: figures, pledges, movements, instruments, disputes and sources.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContributorDetail {
    /// Figures on the date.
    pub summary: ContributorSummary,
    /// Pledge versions.
    pub pledges: Vec<PledgeView>,
    /// Movements up to the date.
    pub deployments: Vec<DeploymentView>,
    /// Authorization chain.
    pub authorizations: Vec<AuthorizationView>,
    /// Disagreements between sources about these records.
    pub discrepancies: Vec<DiscrepancyView>,
    /// Every source cited.
    pub sources: Vec<SourceView>,
}

/// Builds a contributor's record (shared by the API and the page).
pub async fn contributor_detail(
    s: &AppState,
    snap: &Snapshot,
    country: &str,
    on: time::Date,
    vis: Visibility,
) -> ApiResult<ContributorDetail> {
    let pledges = snap.pledge_views(Some(country))?;
    let deployments: Vec<DeploymentView> = snap
        .deployment_views(Some(country))?
        .into_iter()
        .filter(|d| d.on <= on)
        .collect();
    let authorizations = snap.authorization_views(Some(country))?;
    if pledges.is_empty() && deployments.is_empty() && authorizations.is_empty() {
        return Err(ApiError::not_found(format!(
            "contributor {country:?} in {}",
            snap.mission.slug
        )));
    }
    let ids: Vec<Uuid> = pledges
        .iter()
        .map(|p| p.id)
        .chain(deployments.iter().map(|d| d.id))
        .chain(authorizations.iter().map(|a| a.id))
        .collect();
    let mut c = s.store.reader(vis).await?;
    let discrepancies = c.discrepancies(&ids).await?;
    let mut cited: Vec<Uuid> = pledges
        .iter()
        .flat_map(|p| p.meta.sources.clone())
        .chain(deployments.iter().flat_map(|d| d.meta.sources.clone()))
        .chain(authorizations.iter().flat_map(|a| a.meta.sources.clone()))
        .chain(
            discrepancies
                .iter()
                .flat_map(|d| d.claims.iter().flat_map(|c| c.sources.clone())),
        )
        .collect();
    cited.sort();
    cited.dedup();
    let sources = c.sources(Some(&cited)).await?;
    Ok(ContributorDetail {
        summary: snap.contributor_summary(country, on)?,
        pledges,
        deployments,
        authorizations,
        discrepancies,
        sources,
    })
}

/// One contributor.
#[utoipa::path(get, path = "/api/v1/contributors/{country}", params(("country" = String, Path, description = "ISO 3166-1 alpha-3"), Clocks),
    responses((status = 200, body = ContributorDetail), (status = 404, body = Problem)))]
async fn get_contributor(
    State(s): State<AppState>,
    caller: Caller,
    ApiPath(country): ApiPath<String>,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<ContributorDetail>> {
    let vis = q.visibility(caller.clearance());
    let (snap, on) = snapshot(&s, &q, vis).await?;
    Ok(Json(
        contributor_detail(&s, &snap, &country, on, vis).await?,
    ))
}

/// Strength over time: deployed, pledged and the authorized ceiling at every change, up to `on`.
#[utoipa::path(get, path = "/api/v1/strength", params(Clocks), responses((status = 200, body = Vec<StrengthPoint>), (status = 400, body = Problem), (status = 404, body = Problem)))]
async fn strength(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<StrengthPoint>>> {
    let (snap, on) = snapshot(&s, &q, q.visibility(caller.clearance())).await?;
    Ok(Json(snap.strength_series(on)?))
}

/// The mission's records in valid-time order, up to `on`.
#[utoipa::path(get, path = "/api/v1/timeline", params(Clocks), responses((status = 200, body = Vec<TimelineItem>), (status = 404, body = Problem)))]
async fn timeline(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<TimelineItem>>> {
    let (snap, on) = snapshot(&s, &q, q.visibility(caller.clearance())).await?;
    Ok(Json(snap.timeline(on)?))
}

/// Records a pledge.
#[utoipa::path(post, path = "/api/v1/pledges", request_body = NewPledge, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_pledge(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewPledge>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordPledge).await
}

/// New figures for a pledge (the body's `pledge` must match the path).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisionBody {
    /// From when.
    #[schema(value_type = String, format = Date)]
    pub on: time::Date,
    /// New personnel figures.
    #[serde(default)]
    pub personnel: konbit_domain::force::Personnel,
    /// Equipment.
    pub equipment: Option<String>,
    /// Money.
    pub money: Option<Money>,
    /// Free text.
    pub note: Option<String>,
}

/// Revises a pledge.
#[utoipa::path(post, path = "/api/v1/pledges/{id}/revisions", params(("id" = Uuid, Path)), request_body = RevisionBody, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn revise_pledge(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    ApiPath(id): ApiPath<Uuid>,
    rec: Record<RevisionBody>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, |b| {
        ForceCommand::RevisePledge(PledgeRevision {
            pledge: id,
            on: b.on,
            personnel: b.personnel,
            equipment: b.equipment,
            money: b.money,
            note: b.note,
        })
    })
    .await
}

/// Why a pledge is withdrawn.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalBody {
    /// From when.
    #[schema(value_type = String, format = Date)]
    pub on: time::Date,
    /// Why.
    pub reason: String,
}

/// Withdraws a pledge.
#[utoipa::path(post, path = "/api/v1/pledges/{id}/withdrawal", params(("id" = Uuid, Path)), request_body = WithdrawalBody, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn withdraw_pledge(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    ApiPath(id): ApiPath<Uuid>,
    rec: Record<WithdrawalBody>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, |b| {
        ForceCommand::WithdrawPledge(PledgeWithdrawal {
            pledge: id,
            on: b.on,
            reason: b.reason,
        })
    })
    .await
}

/// Records a legal instrument of a contributor.
#[utoipa::path(post, path = "/api/v1/authorizations", request_body = NewAuthorization, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_authorization(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewAuthorization>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordAuthorization).await
}

/// Records an arrival, departure or rotation. Refused (422 `authorization_missing`) when the
/// contributor lacks an instrument the mission requires, unless `override_reason` is given.
#[utoipa::path(post, path = "/api/v1/deployments", request_body = NewDeployment, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_deployment(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewDeployment>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordDeployment).await
}

/// Funding records of a mission.
#[utoipa::path(get, path = "/api/v1/funding", params(Clocks), responses((status = 200, body = Vec<FundingView>), (status = 404, body = Problem)))]
async fn list_funding(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<FundingView>>> {
    let (snap, on) = snapshot(&s, &q, q.visibility(caller.clearance())).await?;
    Ok(Json(
        snap.funding_views()?
            .into_iter()
            .filter(|f| f.on <= on)
            .collect(),
    ))
}

/// Records money pledged, received or frozen.
#[utoipa::path(post, path = "/api/v1/funding", request_body = NewFunding, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_funding(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewFunding>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordFunding).await
}
