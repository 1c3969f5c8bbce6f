//! The JSON API under `/api/v1`, and its OpenAPI 3.1 description. Reads honour the two clocks
//! (`on`, `as_of`) and the caller's clearance; writes need the editor role (missions and
//! requirements: admin) and go through the store's single writer.

use crate::{
    shared::state::AppState,
    shared::{
        auth::{Caller, ClientAddr},
        error::{ApiError, Problem},
        extract::{ApiJson, ApiPath, ApiQuery, Clocks, Record, RecordFields},
        gate::{Admin, Allowed, Editor},
        write::{Written, write, written},
    },
};
use axum::{Json, extract::State, http::StatusCode};
use konbit_domain::{
    Command, Correction, NewDiscrepancy, NewSource, Role, SourceCommand, SourceView,
};
use konbit_store::{
    Actor, log,
    users::{self, TokenKind},
};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

/// The shared core's routes, each declared once with its OpenAPI operation.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(openapi))
        .routes(routes!(token, revoke_own_token))
        .routes(routes!(list_tokens))
        .routes(routes!(revoke_token))
        .routes(routes!(list_sources, register_source))
        .routes(routes!(record_discrepancy))
        .routes(routes!(record_correction))
        .routes(routes!(list_log))
        .routes(routes!(verify_log))
        .routes(routes!(log_checkpoint))
        .routes(routes!(inclusion_proof))
        .routes(routes!(consistency_proof))
        .routes(routes!(list_users, create_user))
        .routes(routes!(disable_user))
        .routes(routes!(enable_user))
}

/// What the whole API's description says besides its operations: its title, the schemas every
/// capability shares, and the bearer scheme.
#[derive(OpenApi)]
#[openapi(
    info(title = "Konbit API", description = "Mission information system: the record log, force generation, mandates, funding and sources, the accountability registers and the situational picture. Errors are RFC 9457 problem details. Every POST that records something also accepts `sources` (list of source ids) and `classification` (public, mission, restricted; default mission)."),
    components(schemas(Problem, Written, RecordFields, TokenRequest, TokenResponse, TokenView,
                       LogEntry, LogVerification, Proof, NewUser, UserView,
                       konbit_domain::clocks::Day, konbit_domain::clocks::AsOf,
                       konbit_domain::clocks::Slug, konbit_domain::clocks::CountryCode,
                       crate::shared::extract::Department, crate::shared::extract::Format)),
    modifiers(&Security)
)]
pub struct ApiDoc;

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

use crate::shared::error::ApiResult;

/// Liveness: 200 when the database answers.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "ok")))]
async fn healthz(State(s): State<AppState>) -> ApiResult<&'static str> {
    s.store.log_len().await?;
    Ok("ok")
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", responses((status = 200, description = "OpenAPI 3.1 document")))]
async fn openapi(State(s): State<AppState>) -> Json<serde_json::Value> {
    // The document is made once, from the routes, with the server's state.
    Json(s.served.clone())
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
    let Some(user) = crate::shared::auth::login(&s, &addr, &req.username, &req.password).await?
    else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "Bad credentials",
            "unknown user name or wrong password",
        ));
    };
    let ttl = s.config.token_ttl;
    let issued = s.store.issue_token(&user, TokenKind::Api, ttl).await?;
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
    s.store.revoke_token(token).await?;
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
    _: Allowed<Admin>,
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
    let list = s.store.tokens(q.user.as_deref()).await?;
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
    Allowed(a, ..): Allowed<Admin>,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    let owner = { s.store.token_owner(id).await? }
        .ok_or_else(|| ApiError::not_found(format!("token {id}")))?;
    let w = s
        .store
        .revoke_tokens(Actor::user(&a), &owner, Some(id))
        .await?;
    Ok(written(w))
}

/// Registered sources.
#[utoipa::path(get, path = "/api/v1/sources", params(Clocks), responses((status = 200, body = Vec<SourceView>)))]
async fn list_sources(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<SourceView>>> {
    let vis = q.visibility(caller.clearance());
    let mut c = s.store.reader(vis).await?;
    Ok(Json(c.sources(None).await?))
}

/// Registers a source document with its Admiralty grade.
#[utoipa::path(post, path = "/api/v1/sources", request_body = NewSource, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn register_source(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
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
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewDiscrepancy>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SourceCommand::RecordDiscrepancy).await
}

/// Corrects an earlier entry: a new `entry.corrected` entry supersedes its body; both stay in the log.
#[utoipa::path(post, path = "/api/v1/corrections", request_body = Correction, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_correction(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<Correction>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, Command::Correct).await
}

/// A log entry as served. Entries the caller may not read keep their place in the chain
/// (sequence, classification, content digest, hashes) and nothing else (`redacted`): not their
/// content, nor their kind, time or author, which would tell who logged in, changed whose
/// access, or read which register when. The digest still lets anyone recompute their link.
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
    /// The salt hashed with the content, hex (with the content only).
    pub salt: Option<String>,
    /// SHA-256 of the salt and the content, hex: what the chain hash commits to.
    pub digest: String,
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
    let entries = s.store.log_after(after, limit).await?;
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
    let digest = hex::encode(e.digest());
    LogEntry {
        seq: e.seq,
        recorded_at: visible.then_some(e.recorded_at),
        actor: visible.then_some(e.actor),
        kind: visible.then_some(e.kind),
        subject: visible.then_some(e.subject),
        valid_at: visible.then_some(e.valid_at),
        classification: e.classification,
        digest,
        salt: visible.then(|| hex::encode(&e.salt)),
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
        s.limits
            .check(crate::shared::limits::Limited::Verify, addr.key())?;
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

/// The latest checkpoint of the log: a C2SP tlog-checkpoint (origin, tree size, base64 root) in
/// a C2SP signed note, signed with the server's Ed25519 key (`konbit log key` prints the
/// verifier key). Signed again at most every few seconds.
#[utoipa::path(get, path = "/api/v1/log/checkpoint",
    responses((status = 200, description = "the signed checkpoint", content_type = "text/plain", body = String),
              (status = 404, body = Problem)))]
async fn log_checkpoint(State(s): State<AppState>) -> ApiResult<axum::response::Response> {
    super::tlog::checkpoint_response(&s).await
}

/// An RFC 9162 proof: the hashes, hex, in the RFC's order.
#[derive(Debug, Serialize, ToSchema)]
pub struct Proof {
    /// The proof's hashes (SHA-256, hex).
    pub hashes: Vec<String>,
}

/// Which entry to prove, in which tree.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InclusionQuery {
    /// The entry's sequence number (its leaf is `seq − 1`).
    #[param(minimum = 1)]
    pub seq: i64,
    /// The tree size, at least `seq` and at most the latest checkpoint's.
    #[param(minimum = 1)]
    pub size: i64,
}

/// A 404 for a tree larger than the one the server holds: that tree does not exist yet.
async fn no_larger_than_tree(s: &AppState, size: i64) -> ApiResult<()> {
    let have = i64::try_from(s.store.tree_size().await?).unwrap_or(i64::MAX);
    if size > have {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "no_such_tree",
            "No such tree",
            format!("the log's tree has {have} entries; there is no tree of {size} yet"),
        ));
    }
    Ok(())
}

fn hexes(hashes: Vec<konbit_store::tree::Hash>) -> Json<Proof> {
    Json(Proof {
        hashes: hashes.iter().map(hex::encode).collect(),
    })
}

/// The inclusion proof of an entry's chain hash in the Merkle tree of `size` entries (RFC 9162
/// §2.1.3; the leaf is the entry's 32-byte chain hash). Reveals nothing of any entry.
#[utoipa::path(get, path = "/api/v1/log/proof/inclusion", params(InclusionQuery),
    responses((status = 200, body = Proof), (status = 400, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn inclusion_proof(
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<InclusionQuery>,
) -> ApiResult<Json<Proof>> {
    if q.seq < 1 || q.size < 1 {
        return Err(ApiError::bad_request(
            "invalid_query",
            "seq and size must be at least 1",
        ));
    }
    if q.seq > q.size {
        return Err(ApiError::invalid_field(
            "seq",
            "must be at most size: the entry must be in the tree",
        ));
    }
    no_larger_than_tree(&s, q.size).await?;
    let (index, size) = (q.seq.unsigned_abs() - 1, q.size.unsigned_abs());
    Ok(hexes(s.store.inclusion_proof(index, size).await?))
}

/// Which two trees to prove consistent.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyQuery {
    /// The older tree's size.
    #[param(minimum = 1)]
    pub from: i64,
    /// The newer tree's size, at least `from` and at most the latest checkpoint's.
    #[param(minimum = 1)]
    pub to: i64,
}

/// The consistency proof between the trees of `from` and `to` entries (RFC 9162 §2.1.4): that
/// the newer extends the older without changing it.
#[utoipa::path(get, path = "/api/v1/log/proof/consistency", params(ConsistencyQuery),
    responses((status = 200, body = Proof), (status = 400, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn consistency_proof(
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ConsistencyQuery>,
) -> ApiResult<Json<Proof>> {
    if q.from < 1 || q.to < 1 {
        return Err(ApiError::bad_request(
            "invalid_query",
            "from and to must be at least 1",
        ));
    }
    if q.from > q.to {
        return Err(ApiError::invalid_field(
            "from",
            "must be at most `to`: a tree extends a smaller one",
        ));
    }
    no_larger_than_tree(&s, q.to).await?;
    Ok(hexes(
        s.store
            .consistency_proof(q.from.unsigned_abs(), q.to.unsigned_abs())
            .await?,
    ))
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
async fn list_users(
    State(s): State<AppState>,
    _: Allowed<Admin>,
) -> ApiResult<Json<Vec<UserView>>> {
    Ok(Json(
        s.store
            .users()
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
    Allowed(a, ..): Allowed<Admin>,
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
    Allowed(a, ..): Allowed<Admin>,
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
    Allowed(a, ..): Allowed<Admin>,
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
