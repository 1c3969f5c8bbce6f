//! The JSON API under `/api/v1`, and its OpenAPI 3.1 description. Reads honour the two clocks
//! (`on`, `as_of`) and the caller's clearance; writes need the editor role (missions and
//! requirements: admin) and go through the store's single writer.

use crate::{
    AppState,
    auth::{Admin, Caller, ClientAddr, Editor},
    error::{ApiError, Problem},
    extract::{ApiJson, ApiPath, ApiQuery, Clocks, Record},
};
use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{delete, get, post},
};
use konbit_domain::force::*;
use konbit_domain::{
    Command, Correction, DiscrepancyView, NewDiscrepancy, NewSource, Role, SourceCommand,
    SourceView,
};
use konbit_store::{
    Actor, Envelope, Visibility,
    force::{self as query, Snapshot},
    log,
    users::{self, TokenKind},
};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

/// The API's routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/auth/token", post(token).delete(revoke_own_token))
        .route("/api/v1/tokens", get(list_tokens))
        .route("/api/v1/tokens/{id}", delete(revoke_token))
        .route("/api/v1/missions", get(list_missions).post(create_mission))
        .route("/api/v1/missions/{slug}", get(get_mission))
        .route("/api/v1/mandates", post(record_mandate))
        .route("/api/v1/successions", post(record_succession))
        .route("/api/v1/requirements", post(set_requirements))
        .route("/api/v1/contributors", get(list_contributors))
        .route("/api/v1/contributors/{country}", get(get_contributor))
        .route("/api/v1/strength", get(strength))
        .route("/api/v1/timeline", get(timeline))
        .route("/api/v1/pledges", post(record_pledge))
        .route("/api/v1/pledges/{id}/revisions", post(revise_pledge))
        .route("/api/v1/pledges/{id}/withdrawal", post(withdraw_pledge))
        .route("/api/v1/authorizations", post(record_authorization))
        .route("/api/v1/deployments", post(record_deployment))
        .route("/api/v1/funding", get(list_funding).post(record_funding))
        .route("/api/v1/sources", get(list_sources).post(register_source))
        .route("/api/v1/discrepancies", post(record_discrepancy))
        .route("/api/v1/corrections", post(record_correction))
        .route("/api/v1/log", get(list_log))
        .route("/api/v1/log/verify", get(verify_log))
        .route("/api/v1/users", get(list_users).post(create_user))
        .route("/api/v1/users/{name}/disable", post(disable_user))
        .route("/api/v1/users/{name}/enable", post(enable_user))
        .merge(crate::situation::router())
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Konbit API", description = "Mission information system: the record log, force generation, mandates, funding and sources. Errors are RFC 9457 problem details. Every POST that records something also accepts `sources` (list of source ids) and `classification` (public, mission, restricted; default mission)."),
    paths(healthz, token, revoke_own_token, list_tokens, revoke_token, list_missions, create_mission, get_mission, record_mandate,
          record_succession, set_requirements, list_contributors, get_contributor, strength,
          timeline, record_pledge, revise_pledge, withdraw_pledge, record_authorization,
          record_deployment, list_funding, record_funding, list_sources, register_source,
          record_discrepancy, record_correction, list_log, verify_log, list_users, create_user,
          disable_user, enable_user, openapi),
    components(schemas(Problem, Written, RecordFields, TokenRequest, TokenResponse, TokenView,
                       LogEntry, LogVerification, ContributorDetail, NewUser, UserView,
                       konbit_domain::clocks::Day, konbit_domain::clocks::AsOf,
                       konbit_domain::clocks::Slug, konbit_domain::clocks::CountryCode,
                       crate::extract::Department, crate::extract::Format)),
    modifiers(&Security)
)]
struct ApiDoc;

struct Security;
impl utoipa::Modify for Security {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
    }
}

/// The fields every recording POST accepts besides the command's own.
#[derive(Debug, ToSchema)]
// Only describes the document: `Record` takes these fields out of the body itself, so that it
// can name a bad `sources[i]` precisely.
#[allow(dead_code)]
pub struct RecordFields {
    /// Ids of registered sources the record rests on (`POST /api/v1/sources` gives them).
    pub sources: Vec<Uuid>,
    /// Who may read the record: `public`, `mission` (the default) or `restricted`.
    pub classification: Option<konbit_domain::Classification>,
}

/// The OpenAPI document (3.1), as served: the handlers' declarations, completed with what every
/// operation shares (see [`crate::openapi`]).
pub fn openapi_doc() -> serde_json::Value {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::accountability::RegistersDoc::openapi());
    doc.merge(crate::situation::SituationDoc::openapi());
    crate::openapi::complete(doc)
}

type ApiResult<T> = Result<T, ApiError>;

/// Liveness: 200 when the database answers.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "ok")))]
async fn healthz(State(s): State<AppState>) -> ApiResult<&'static str> {
    let mut c = s.store.conn().await?;
    log::count(&mut c.ex()).await?;
    Ok("ok")
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", responses((status = 200, description = "OpenAPI 3.1 document")))]
async fn openapi() -> Json<serde_json::Value> {
    Json(openapi_doc())
}

/// Login for scripts.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// Login name.
    pub username: String,
    /// Password.
    pub password: String,
}

/// A bearer token.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    /// Its id, to list or revoke it.
    pub id: Uuid,
    /// When it stops working (RFC 3339), unless revoked first. Changing the password or role,
    /// or disabling the user, revokes it.
    pub expires_at: String,
}

/// Exchanges a user name and password for an API token. Failures are counted per name and
/// address: five for one name from one address (or 50 from one address) make that address
/// wait 15 minutes (429).
#[utoipa::path(post, path = "/api/v1/auth/token", request_body = TokenRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn token(
    State(s): State<AppState>,
    addr: ClientAddr,
    ApiJson(req): ApiJson<TokenRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let Some(user) = crate::auth::login(&s, &addr, &req.username, &req.password).await? else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "Bad credentials",
            "unknown user name or wrong password",
        ));
    };
    let mut c = s.store.conn().await?;
    let ttl = s.config.token_ttl;
    let issued = users::issue_token(&mut c.ex(), &user, TokenKind::Api, ttl).await?;
    Ok(Json(TokenResponse {
        token: issued.token,
        id: issued.id,
        expires_at: rfc3339(issued.expires_us),
    }))
}

fn rfc3339(us: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// Ends the API token this request is made with.
#[utoipa::path(delete, path = "/api/v1/auth/token", security(("bearer" = [])),
    responses((status = 204, description = "revoked"), (status = 401, body = Problem)))]
async fn revoke_own_token(State(s): State<AppState>, caller: Caller) -> ApiResult<StatusCode> {
    let Some(token) = caller.token.as_deref() else {
        return Err(ApiError::unauthorized());
    };
    let mut c = s.store.conn().await?;
    users::revoke_token(&mut c.ex(), token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A live session or API token (never its secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenView {
    /// Id.
    pub id: Uuid,
    /// Whose.
    pub username: String,
    /// `session` (a browser) or `api` (a script).
    pub kind: String,
    /// Issued (RFC 3339).
    pub created_at: String,
    /// Expires (RFC 3339).
    pub expires_at: String,
}

/// Whose tokens to list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TokensQuery {
    /// One user's (default: everyone's).
    #[param(pattern = "^[A-Za-z0-9._-]{1,64}$")]
    pub user: Option<String>,
}

/// Live sessions and API tokens, newest first (admin).
#[utoipa::path(get, path = "/api/v1/tokens", params(TokensQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<TokenView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list_tokens(
    State(s): State<AppState>,
    Admin(_): Admin,
    ApiQuery(q): ApiQuery<TokensQuery>,
) -> ApiResult<Json<Vec<TokenView>>> {
    if let Some(u) = &q.user {
        users::check_username(u).map_err(|_| {
            ApiError::bad_request(
                "invalid_query",
                format!("user={u:?} is not a user name (1–64 letters, digits, '.', '_' or '-')"),
            )
        })?;
    }
    let mut c = s.store.conn().await?;
    let list = users::tokens(&mut c.ex(), q.user.as_deref()).await?;
    Ok(Json(list.into_iter().map(token_view).collect()))
}

/// A token as listed.
pub fn token_view(t: users::TokenInfo) -> TokenView {
    TokenView {
        id: t.id,
        username: t.username,
        kind: t.kind,
        created_at: rfc3339(t.created_us),
        expires_at: rfc3339(t.expires_us),
    }
}

/// Ends a session or API token (admin). Recorded in the log as `user.tokens_revoked`.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn revoke_token(
    State(s): State<AppState>,
    Admin(a): Admin,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    let owner = {
        let mut c = s.store.conn().await?;
        users::token_owner(&mut c.ex(), id).await?
    }
    .ok_or_else(|| ApiError::not_found(format!("token {id}")))?;
    let w = s
        .store
        .revoke_tokens(Actor::user(&a), &owner, Some(id))
        .await?;
    Ok(written(w))
}

fn written(w: konbit_store::Submitted) -> (StatusCode, Json<Written>) {
    (
        StatusCode::CREATED,
        Json(Written {
            seq: w.seq,
            id: w.subject,
            hash: w.hash,
        }),
    )
}

/// What a write returns.
#[derive(Debug, Serialize, ToSchema)]
pub struct Written {
    /// The new log entry.
    pub seq: i64,
    /// The record's id.
    pub id: Uuid,
    /// The entry's hash (hex).
    pub hash: String,
}

/// Records `rec` as the command `make` builds from its body, on behalf of `user`.
pub(crate) async fn write<T, C>(
    s: &AppState,
    user: &konbit_store::User,
    rec: Record<T>,
    make: impl FnOnce(T) -> C,
) -> ApiResult<(StatusCode, Json<Written>)>
where
    C: Into<Command>,
{
    let w = s
        .store
        .submit(
            Actor::user(user),
            Envelope::new(make(rec.body).into(), rec.sources, rec.classification),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(Written {
            seq: w.seq,
            id: w.subject,
            hash: w.hash,
        }),
    ))
}

async fn snapshot(
    s: &AppState,
    clocks: &Clocks,
    vis: Visibility,
) -> ApiResult<(Snapshot, time::Date)> {
    let on = clocks.on();
    let mut c = s.store.conn().await?;
    let slug = match &clocks.mission {
        Some(m) => m.to_string(),
        None => query::mission_on(&mut c.ex(), on, vis)
            .await?
            .map(|m| m.slug)
            .ok_or_else(|| ApiError::not_found("any mission"))?,
    };
    let snap = query::snapshot(&mut c.ex(), &slug, vis)
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
    let mut c = s.store.conn().await?;
    let mut out = Vec::new();
    for m in query::missions(&mut c.ex(), vis).await? {
        if let Some(snap) = query::snapshot(&mut c.ex(), &m.slug, vis).await? {
            out.push(snap.mission_view(on)?);
        }
    }
    Ok(Json(out))
}

/// One mission.
#[utoipa::path(get, path = "/api/v1/missions/{slug}", params(("slug" = String, Path), Clocks), responses((status = 200, body = MissionView), (status = 404, body = Problem)))]
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
    Admin(u): Admin,
    rec: Record<NewMission>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::CreateMission).await
}

/// Records a mandate instrument (a Security Council resolution).
#[utoipa::path(post, path = "/api/v1/mandates", request_body = NewMandate, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_mandate(
    State(s): State<AppState>,
    Editor(u): Editor,
    rec: Record<NewMandate>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordMandate).await
}

/// Records that a mission was succeeded by another.
#[utoipa::path(post, path = "/api/v1/successions", request_body = NewSuccession, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_succession(
    State(s): State<AppState>,
    Editor(u): Editor,
    rec: Record<NewSuccession>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordSuccession).await
}

/// Sets the instruments contributors need before deploying (admin).
#[utoipa::path(post, path = "/api/v1/requirements", request_body = NewRequirements, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn set_requirements(
    State(s): State<AppState>,
    Admin(u): Admin,
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
    let mut c = s.store.conn().await?;
    let discrepancies = konbit_store::sources::discrepancies(&mut c.ex(), &ids, vis).await?;
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
    let sources = konbit_store::sources::sources(&mut c.ex(), Some(&cited), vis).await?;
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
    Editor(u): Editor,
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
    Editor(u): Editor,
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
    Editor(u): Editor,
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
    Editor(u): Editor,
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
    Editor(u): Editor,
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
    Editor(u): Editor,
    rec: Record<NewFunding>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, ForceCommand::RecordFunding).await
}

/// Registered sources.
#[utoipa::path(get, path = "/api/v1/sources", params(Clocks), responses((status = 200, body = Vec<SourceView>)))]
async fn list_sources(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<SourceView>>> {
    let vis = q.visibility(caller.clearance());
    let mut c = s.store.conn().await?;
    Ok(Json(
        konbit_store::sources::sources(&mut c.ex(), None, vis).await?,
    ))
}

/// Registers a source document with its Admiralty grade.
#[utoipa::path(post, path = "/api/v1/sources", request_body = NewSource, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn register_source(
    State(s): State<AppState>,
    Editor(u): Editor,
    rec: Record<NewSource>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    if !rec.sources.is_empty() {
        return Err(ApiError::invalid_field(
            "sources",
            "a source does not cite sources",
        ));
    }
    write(&s, &u, rec, SourceCommand::RegisterSource).await
}

/// Records that sources disagree about a figure, and which claim the mission accepts.
#[utoipa::path(post, path = "/api/v1/discrepancies", request_body = NewDiscrepancy, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_discrepancy(
    State(s): State<AppState>,
    Editor(u): Editor,
    rec: Record<NewDiscrepancy>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SourceCommand::RecordDiscrepancy).await
}

/// Corrects an earlier entry: a new `entry.corrected` entry supersedes its body; both stay in the log.
#[utoipa::path(post, path = "/api/v1/corrections", request_body = Correction, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_correction(
    State(s): State<AppState>,
    Editor(u): Editor,
    rec: Record<Correction>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, Command::Correct).await
}

/// A log entry as served. Entries the caller may not read keep their place in the chain
/// (sequence, classification, hashes) and nothing else (`redacted`): not their content, nor
/// their kind, time or author, which would tell who logged in, changed whose access, or read
/// which register when.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogEntry {
    /// Sequence number.
    pub seq: i64,
    /// Record time (the hashed text).
    pub recorded_at: Option<String>,
    /// Who.
    pub actor: Option<String>,
    /// Kind.
    pub kind: Option<String>,
    /// Subject id.
    pub subject: Option<Uuid>,
    /// Valid time.
    pub valid_at: Option<String>,
    /// Classification.
    pub classification: String,
    /// The canonical JSON body, exactly as hashed.
    pub body: Option<String>,
    /// The canonical JSON source list, exactly as hashed.
    pub sources: Option<String>,
    /// Previous hash, hex.
    pub prev_hash: String,
    /// This entry's hash, hex.
    pub hash: String,
    /// True when the content is withheld from this caller.
    pub redacted: bool,
}

/// Pagination of the log.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LogQuery {
    /// Entries after this sequence number (default 0).
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// At most this many (default 100, at most 1000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// Log entries after `after`, with their hashes.
#[utoipa::path(get, path = "/api/v1/log", params(LogQuery), responses((status = 200, body = Vec<LogEntry>), (status = 400, body = Problem)))]
async fn list_log(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<LogQuery>,
) -> ApiResult<Json<Vec<LogEntry>>> {
    let after = q.after.unwrap_or(0);
    let limit = q.limit.unwrap_or(100);
    if after < 0 || !(1..=1000).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_query",
            "after must be ≥ 0 and limit from 1 to 1000",
        ));
    }
    let clearance = caller.clearance();
    let mut c = s.store.conn().await?;
    let entries = log::entries_after(&mut c.ex(), after, limit).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| log_entry(e, clearance))
            .collect(),
    ))
}

/// Converts an entry for a reader with `clearance`.
pub fn log_entry(e: log::Entry, clearance: konbit_domain::Classification) -> LogEntry {
    let visible = match (e.class(), e.entry_kind()) {
        (Ok(c), Ok(kind)) => konbit_domain::access::log_content_visible(kind, c, clearance),
        // An entry this build cannot read shows only its place in the chain.
        _ => false,
    };
    LogEntry {
        seq: e.seq,
        recorded_at: visible.then_some(e.recorded_at),
        actor: visible.then_some(e.actor),
        kind: visible.then_some(e.kind),
        subject: visible.then_some(e.subject),
        valid_at: visible.then_some(e.valid_at),
        classification: e.classification,
        body: visible.then_some(e.body),
        sources: visible.then_some(e.sources),
        prev_hash: hex::encode(&e.prev_hash),
        hash: hex::encode(&e.hash),
        redacted: !visible,
    }
}

/// The result of verifying the chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogVerification {
    /// True when intact.
    pub ok: bool,
    /// Entries checked.
    pub length: i64,
    /// Hash of the last entry, hex.
    pub head: Option<String>,
    /// First bad sequence number.
    pub first_bad_seq: Option<i64>,
    /// What is wrong.
    pub problem: Option<String>,
}

/// Whether the log's hash chain holds: computed once per head and extended as the log grows
/// (`konbit log verify` is the complete check, projections included).
#[utoipa::path(get, path = "/api/v1/log/verify", responses((status = 200, body = LogVerification), (status = 429, body = Problem)))]
async fn verify_log(
    State(s): State<AppState>,
    caller: Caller,
    addr: ClientAddr,
) -> ApiResult<Json<LogVerification>> {
    if caller.user.is_none() {
        s.limits.check(crate::limits::Limited::Verify, &addr)?;
    }
    let v = s.verified.get(&s.store).await?;
    Ok(Json(LogVerification {
        ok: v.ok,
        length: v.length,
        head: v.head,
        first_bad_seq: v.first_bad_seq,
        problem: v.problem,
    }))
}

/// A user as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// A commander's contributor.
    pub country: Option<String>,
    /// Disabled.
    pub disabled: bool,
}

/// Users (admin).
#[utoipa::path(get, path = "/api/v1/users", security(("bearer" = [])), responses((status = 200, body = Vec<UserView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list_users(State(s): State<AppState>, Admin(_): Admin) -> ApiResult<Json<Vec<UserView>>> {
    let mut c = s.store.conn().await?;
    Ok(Json(
        users::list(&mut c.ex())
            .await?
            .into_iter()
            .map(|u| UserView {
                username: u.username,
                role: u.role,
                country: u.country,
                disabled: u.disabled,
            })
            .collect(),
    ))
}

/// Disables a user (admin): they can no longer log in, and their sessions and tokens end.
#[utoipa::path(post, path = "/api/v1/users/{name}/disable", params(("name" = String, Path)), security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn disable_user(
    State(s): State<AppState>,
    Admin(a): Admin,
    ApiPath(name): ApiPath<String>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    let w = s.store.set_disabled(Actor::user(&a), &name, true).await?;
    Ok(written(w))
}

/// Enables a disabled user again (admin).
#[utoipa::path(post, path = "/api/v1/users/{name}/enable", params(("name" = String, Path)), security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn enable_user(
    State(s): State<AppState>,
    Admin(a): Admin,
    ApiPath(name): ApiPath<String>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    let w = s.store.set_disabled(Actor::user(&a), &name, false).await?;
    Ok(written(w))
}

/// A new user.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    /// Login name.
    pub username: String,
    /// At least 10 characters.
    pub password: String,
    /// Role.
    pub role: Role,
    /// For a commander: their contributor (ISO 3166-1 alpha-3). Only commanders have one.
    #[serde(default)]
    pub country: Option<String>,
}

/// Creates a user (admin).
#[utoipa::path(post, path = "/api/v1/users", request_body = NewUser, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_user(
    State(s): State<AppState>,
    Admin(a): Admin,
    ApiJson(n): ApiJson<NewUser>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    let w = s
        .store
        .create_user(
            Actor::user(&a),
            &n.username,
            &n.password,
            n.role,
            n.country.as_deref(),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(Written {
            seq: w.seq,
            id: w.subject,
            hash: w.hash,
        }),
    ))
}
