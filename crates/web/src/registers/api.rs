//! The accountability registers over HTTP: personnel and vetting, mission documents,
//! acknowledgements and assignments, use of force, detentions, complaints and cases, the public
//! statistics and the audit of restricted reads.
//!
//! Every read goes through [`read`], which asks the store for restricted fields only within the
//! caller's need-to-know scope and, when it shows any, first appends a `record.viewed` entry
//! naming the records — if that append fails, nothing is shown. The pages use the same functions.

use super::{
    ComplaintForm, ComplaintReceipt, ComplaintStatus, StatusRequest, ViewEntry, mission_or_current,
    receive_complaint, status_of, views,
};
use crate::{
    shared::auth::ClientAddr,
    shared::error::{ApiError, Problem},
    shared::extract::{ApiJson, ApiPath, ApiQuery, Record},
    shared::gate::{Admin, Allowed, Member},
    shared::state::AppState,
    shared::write::{Written, write, written},
};
use axum::{Json, extract::State, http::StatusCode};
use konbit_domain::{
    Classification, EntryKind,
    access::Scope,
    clocks::{AsOf, CountryCode, Day, Slug},
    registers::*,
    registers::{self as acc},
};
use konbit_store::{
    Actor, Envelope, User,
    registers::{Cursor, Page, Reading, Register, Select},
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use crate::shared::error::ApiResult;

/// The registers' routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(RegistersDoc::openapi())
        .routes(routes!(list_personnel, register_person))
        .routes(routes!(compliance))
        .routes(routes!(record_departure))
        .routes(routes!(get_person))
        .routes(routes!(record_vetting))
        .routes(routes!(list_documents, issue_document))
        .routes(routes!(acknowledge))
        .routes(routes!(acknowledge_unit))
        .routes(routes!(assign))
        .routes(routes!(list_use_of_force, report_use_of_force))
        .routes(routes!(review_use_of_force))
        .routes(routes!(get_use_of_force))
        .routes(routes!(list_detentions, record_detention))
        .routes(routes!(hand_over))
        .routes(routes!(release))
        .routes(routes!(get_detention))
        .routes(routes!(list_complaints, submit_complaint))
        .routes(routes!(complaint_status))
        .routes(routes!(list_cases, open_case))
        .routes(routes!(update_case))
        .routes(routes!(get_case))
        .routes(routes!(statistics))
        .routes(routes!(audit_views))
}

#[derive(OpenApi)]
#[openapi(components(schemas(
    PersonDetail,
    ComplaintForm,
    ComplaintReceipt,
    StatusRequest,
    ComplaintStatus,
    Statistics,
    ViewEntry
)))]
pub(crate) struct RegistersDoc;

// ---------------------------------------------------------------------------------------------
// Recording

// ---------------------------------------------------------------------------------------------
// Query parameters

/// The filters and the page of a register list. Lists are paged as the log is: oldest record
/// first, `limit` at a time, the next page asked with `after` = the `meta.origin_seq` of the
/// last record received (an empty page is the end).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Mission slug.
    pub mission: Option<Slug>,
    /// Contributor, ISO 3166-1 alpha-3.
    pub country: Option<CountryCode>,
    /// Record time: the registers as recorded by this instant (RFC 3339).
    pub as_of: Option<AsOf>,
    /// Records made after this entry (`meta.origin_seq` of the last record of the previous
    /// page; default 0).
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// At most this many records (default 100, at most 1000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

impl ListQuery {
    fn as_of_us(&self) -> i64 {
        as_of_us(self.as_of)
    }

    /// The page of records made by events of `kind`, with the filters asked for.
    fn page(&self, kind: EntryKind) -> ApiResult<Page<'_>> {
        let after = self.after.unwrap_or(0);
        let limit = self.limit.unwrap_or(100);
        if after < 0 || !(1..=1000).contains(&limit) {
            return Err(ApiError::bad_request(
                "invalid_query",
                "after must be ≥ 0 and limit from 1 to 1000",
            ));
        }
        Ok(Page {
            kind,
            cursor: Cursor::After(after),
            limit,
            mission: self.mission.as_ref().map(Slug::as_str),
            country: self.country.as_ref().map(CountryCode::as_str),
        })
    }

    fn reading<'a>(&self, user: &'a User, via: String) -> Reading<'a> {
        Reading::user(user, self.as_of_us(), via)
    }
}

/// The page of a register whose records belong to no contributor (documents, complaints):
/// [`ListQuery`] without `country`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// Mission slug.
    pub mission: Option<Slug>,
    /// Record time: the registers as recorded by this instant (RFC 3339).
    pub as_of: Option<AsOf>,
    /// Records made after this entry (`meta.origin_seq` of the last record of the previous
    /// page; default 0).
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// At most this many records (default 100, at most 1000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

impl From<PageQuery> for ListQuery {
    fn from(q: PageQuery) -> ListQuery {
        ListQuery {
            mission: q.mission,
            country: None,
            as_of: q.as_of,
            after: q.after,
            limit: q.limit,
        }
    }
}

/// The record time of a read, in the store's microseconds (now when not given).
fn as_of_us(as_of: Option<AsOf>) -> i64 {
    crate::shared::extract::visibility(as_of, Classification::Mission).as_of_us
}

/// The record time of a read of one record.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    /// Record time: the record as recorded by this instant (RFC 3339).
    pub as_of: Option<AsOf>,
}

/// The two clocks of a person's record: eligibility on a date, as recorded by an instant.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PersonQuery {
    /// Valid time for eligibility (YYYY-MM-DD, default today).
    pub on: Option<Day>,
    /// Record time (RFC 3339).
    pub as_of: Option<AsOf>,
}

/// The compliance of one mission's contingents on a date.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ComplianceQuery {
    /// Mission slug (default: the mission in office today).
    pub mission: Option<Slug>,
    /// Valid time (YYYY-MM-DD, default today).
    pub on: Option<Day>,
    /// Record time (RFC 3339).
    pub as_of: Option<AsOf>,
}

fn via(path: &str) -> String {
    format!("GET {path}")
}

// ---------------------------------------------------------------------------------------------
// Personnel

/// A person, with what would keep them from an assignment on the date asked.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDetail {
    /// The person.
    pub person: acc::PersonView,
    /// What keeps them from being assigned on `on` (empty: eligible).
    pub not_eligible_because: Vec<String>,
    /// Every binding document acknowledged in its version in force on `on`.
    pub acknowledgements_current: bool,
}

/// The personnel register, a page at a time (identities only for hr_officer, and for a
/// commander's own people).
#[utoipa::path(get, path = "/api/v1/personnel", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::PersonView>), (status = 400, body = Problem), (status = 401, body = Problem)))]
async fn list_personnel(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::PersonView>>> {
    let page = Select::Page(q.page(EntryKind::PersonRegistered)?);
    let (people, _) = s
        .store
        .people(&q.reading(&u, via("/api/v1/personnel")), page)
        .await?;
    Ok(Json(people))
}

/// One person.
#[utoipa::path(get, path = "/api/v1/personnel/{id}", params(("id" = Uuid, Path), PersonQuery), security(("bearer" = [])),
    responses((status = 200, body = PersonDetail), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_person(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<PersonQuery>,
) -> ApiResult<Json<PersonDetail>> {
    let on =
        q.on.map_or_else(|| OffsetDateTime::now_utc().date(), |d| d.0);
    let via = via(&format!("/api/v1/personnel/{id}"));
    let r = Reading::user(&u, as_of_us(q.as_of), via);
    let (people, docs) = s.store.people(&r, Select::One(id)).await?;
    let person = people
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::not_found(format!("person {id}")))?;
    Ok(Json(PersonDetail {
        not_eligible_because: acc::gate(&person, &docs, on),
        acknowledgements_current: acc::acknowledgements_current(&person, &docs, on),
        person,
    }))
}

/// Share of deployed personnel vetted and with current acknowledgements, by contributor.
#[utoipa::path(get, path = "/api/v1/personnel/compliance", params(ComplianceQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::Compliance>), (status = 400, body = Problem), (status = 401, body = Problem)))]
async fn compliance(
    State(s): State<AppState>,
    _: Allowed<Member>,
    ApiQuery(q): ApiQuery<ComplianceQuery>,
) -> ApiResult<Json<Vec<acc::Compliance>>> {
    let on =
        q.on.map_or_else(|| OffsetDateTime::now_utc().date(), |d| d.0);
    let mission = mission_or_current(&s, q.mission.as_ref()).await?;
    Ok(Json(
        s.store.compliance(&mission, on, as_of_us(q.as_of)).await?,
    ))
}

/// Enters a person in the register (hr_officer).
#[utoipa::path(post, path = "/api/v1/personnel", request_body = NewPerson, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn register_person(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewPerson>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RegisterPerson).await
}

/// Ends a person's deployment early (hr_officer).
#[utoipa::path(post, path = "/api/v1/personnel/departures", request_body = PersonDeparture, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_departure(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<PersonDeparture>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RecordDeparture).await
}

/// Records a vetting result (hr_officer).
#[utoipa::path(post, path = "/api/v1/vetting", request_body = NewVetting, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_vetting(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewVetting>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RecordVetting).await
}

/// Mission documents, every version.
#[utoipa::path(get, path = "/api/v1/documents", params(PageQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::DocumentView>), (status = 401, body = Problem)))]
async fn list_documents(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Vec<acc::DocumentView>>> {
    let q = ListQuery::from(q);
    let r = q.reading(&u, via("/api/v1/documents"));
    let page = Select::Page(q.page(EntryKind::DocumentIssued)?);
    Ok(Json(acc::documents(
        &s.store.read_register(&r, Register::Documents, page).await?,
    )))
}

/// Issues a version of a mission document (editor, admin or hr_officer).
#[utoipa::path(post, path = "/api/v1/documents", request_body = NewDocument, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn issue_document(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewDocument>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::IssueDocument).await
}

/// Records a person's acknowledgement of a document version (hr_officer, own commander).
#[utoipa::path(post, path = "/api/v1/acknowledgements", request_body = NewAcknowledgement, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn acknowledge(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewAcknowledgement>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::Acknowledge).await
}

/// Records a whole unit acknowledging one document version in one step: one acknowledgement
/// (one log entry) per person of the unit deployed on the day who has not acknowledged it yet,
/// all recorded or none (hr_officer, own commander).
#[utoipa::path(post, path = "/api/v1/acknowledgements/unit", request_body = UnitAcknowledgement, security(("bearer" = [])),
    responses((status = 201, body = Vec<Written>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn acknowledge_unit(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<UnitAcknowledgement>,
) -> ApiResult<(StatusCode, Json<Vec<Written>>)> {
    let envs = super::unit_acknowledgements(&s, &rec.body)
        .await?
        .into_iter()
        .map(|c| Envelope::new(c, rec.sources.clone(), rec.classification))
        .collect();
    let done = s
        .store
        .submit_all(Actor::user(&u), envs)
        .await
        .map_err(|(_, e)| ApiError::from(e))?;
    Ok((
        StatusCode::CREATED,
        Json(done.into_iter().map(|w| written(w).1.0).collect()),
    ))
}

/// Assigns a person to an operation: refused (422 `not_eligible`) unless vetted and bound by
/// the current use-of-force and detention directives (hr_officer, own commander).
#[utoipa::path(post, path = "/api/v1/assignments", request_body = NewAssignment, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn assign(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewAssignment>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::Assign).await
}

// ---------------------------------------------------------------------------------------------
// Use of force and detention

/// Use-of-force reports.
#[utoipa::path(get, path = "/api/v1/use-of-force", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::UseOfForceView>), (status = 401, body = Problem)))]
async fn list_use_of_force(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::UseOfForceView>>> {
    let page = Select::Page(q.page(EntryKind::UseOfForceReported)?);
    let (reports, _) = s
        .store
        .force_records(&q.reading(&u, via("/api/v1/use-of-force")), page, s.rules())
        .await?;
    Ok(Json(reports))
}

/// One use-of-force report.
#[utoipa::path(get, path = "/api/v1/use-of-force/{id}", params(("id" = Uuid, Path), AsOfQuery), security(("bearer" = [])),
    responses((status = 200, body = acc::UseOfForceView), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_use_of_force(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<acc::UseOfForceView>> {
    let via = via(&format!("/api/v1/use-of-force/{id}"));
    let r = Reading::user(&u, as_of_us(q.as_of), via);
    let (reports, _) = s
        .store
        .force_records(&r, Select::One(id), s.rules())
        .await?;
    reports
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("use-of-force report {id}")))
}

/// Reports a use of force (conduct_officer, or the unit's own commander). Late reports (over
/// 24 hours after the event) are recorded and flagged, not refused.
#[utoipa::path(post, path = "/api/v1/use-of-force", request_body = NewUseOfForce, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn report_use_of_force(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewUseOfForce>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::ReportUseOfForce).await
}

/// Moves a report's review on: submitted → under_review → cleared | referred (conduct_officer).
#[utoipa::path(post, path = "/api/v1/use-of-force/reviews", request_body = UseOfForceReview, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn review_use_of_force(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<UseOfForceReview>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::ReviewUseOfForce).await
}

/// The detention register, with each handover clock.
#[utoipa::path(get, path = "/api/v1/detentions", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::DetentionView>), (status = 401, body = Problem)))]
async fn list_detentions(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::DetentionView>>> {
    let page = Select::Page(q.page(EntryKind::DetentionRecorded)?);
    let (_, list) = s
        .store
        .force_records(&q.reading(&u, via("/api/v1/detentions")), page, s.rules())
        .await?;
    Ok(Json(list))
}

/// One detention.
#[utoipa::path(get, path = "/api/v1/detentions/{id}", params(("id" = Uuid, Path), AsOfQuery), security(("bearer" = [])),
    responses((status = 200, body = acc::DetentionView), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_detention(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<acc::DetentionView>> {
    let via = via(&format!("/api/v1/detentions/{id}"));
    let r = Reading::user(&u, as_of_us(q.as_of), via);
    let (_, list) = s
        .store
        .force_records(&r, Select::One(id), s.rules())
        .await?;
    list.into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("detention {id}")))
}

/// Records an arrest and detention (conduct_officer, or the arresting unit's commander).
#[utoipa::path(post, path = "/api/v1/detentions", request_body = NewDetention, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_detention(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewDetention>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RecordDetention).await
}

/// Records a handover to the Haitian National Police.
#[utoipa::path(post, path = "/api/v1/detentions/handovers", request_body = Handover, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn hand_over(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<Handover>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::HandOver).await
}

/// Records a release without handover.
#[utoipa::path(post, path = "/api/v1/detentions/releases", request_body = Release, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn release(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<Release>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::Release).await
}

// ---------------------------------------------------------------------------------------------
// Complaints and cases

/// Submits a complaint (anyone, no login): returns a reference and a secret to check its status.
#[utoipa::path(post, path = "/api/v1/complaints", request_body = ComplaintForm,
    responses((status = 201, body = ComplaintReceipt), (status = 422, body = Problem)))]
async fn submit_complaint(
    State(s): State<AppState>,
    addr: ClientAddr,
    ApiJson(f): ApiJson<ComplaintForm>,
) -> ApiResult<(StatusCode, Json<ComplaintReceipt>)> {
    Ok((
        StatusCode::CREATED,
        Json(receive_complaint(&s, &addr, f).await?),
    ))
}

/// The status of a complaint (anyone holding its reference and secret).
#[utoipa::path(post, path = "/api/v1/complaints/status", request_body = StatusRequest,
    responses((status = 200, body = ComplaintStatus), (status = 404, body = Problem), (status = 429, body = Problem)))]
async fn complaint_status(
    State(s): State<AppState>,
    addr: ClientAddr,
    ApiJson(q): ApiJson<StatusRequest>,
) -> ApiResult<Json<ComplaintStatus>> {
    Ok(Json(status_of(&s, &addr, &q.reference, &q.secret).await?))
}

/// Complaints (what the complainant wrote: conduct_officer only).
#[utoipa::path(get, path = "/api/v1/complaints", params(PageQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::ComplaintView>), (status = 401, body = Problem)))]
async fn list_complaints(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Vec<acc::ComplaintView>>> {
    let q = ListQuery::from(q);
    let page = Select::Page(q.page(EntryKind::ComplaintReceived)?);
    let r = q.reading(&u, via("/api/v1/complaints"));
    Ok(Json(s.store.complaints(&r, page).await?))
}

/// Misconduct cases.
#[utoipa::path(get, path = "/api/v1/cases", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::CaseView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list_cases(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::CaseView>>> {
    // Whose personnel a case accuses is for the conduct officer alone: filtering by it would
    // tell anyone else.
    if q.country.is_some() && u.access().scope(Area::Complaints) != Scope::All {
        return Err(ApiError::forbidden("conduct_officer"));
    }
    let page = Select::Page(q.page(EntryKind::CaseOpened)?);
    Ok(Json(
        s.store
            .cases(&q.reading(&u, via("/api/v1/cases")), page)
            .await?,
    ))
}

/// One case.
#[utoipa::path(get, path = "/api/v1/cases/{id}", params(("id" = Uuid, Path), AsOfQuery), security(("bearer" = [])),
    responses((status = 200, body = acc::CaseView), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_case(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<acc::CaseView>> {
    let r = Reading::user(&u, as_of_us(q.as_of), via(&format!("/api/v1/cases/{id}")));
    let cases = s.store.cases(&r, Select::One(id)).await?;
    cases
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("case {id}")))
}

/// Opens a misconduct case (conduct_officer).
#[utoipa::path(post, path = "/api/v1/cases", request_body = NewCase, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn open_case(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<NewCase>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::OpenCase).await
}

/// Moves a case on (conduct_officer).
#[utoipa::path(post, path = "/api/v1/cases/updates", request_body = CaseUpdate, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_case(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    rec: Record<CaseUpdate>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::UpdateCase).await
}

// ---------------------------------------------------------------------------------------------
// Public statistics and the audit

/// The mission whose statistics are asked for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StatisticsQuery {
    /// Mission slug (default: the mission in office today).
    pub mission: Option<Slug>,
}

/// Counts only, by quarter; any cell below 3 reads `"<3"`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Statistics {
    /// Mission.
    pub mission: String,
    /// Cells below this are suppressed.
    pub suppressed_below: i64,
    /// The tables.
    pub tables: Vec<acc::StatTable>,
}

/// Public statistics: use of force by level and review outcome, detentions by handover
/// compliance, complaints by category and status, allegations (UN counting rule) — by quarter,
/// with small cells suppressed.
#[utoipa::path(get, path = "/api/v1/statistics", params(StatisticsQuery),
    responses((status = 200, body = Statistics), (status = 404, body = Problem)))]
async fn statistics(
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<StatisticsQuery>,
) -> ApiResult<Json<Statistics>> {
    let mission = mission_or_current(&s, q.mission.as_ref()).await?;
    let tables = s.store.statistics(&mission, s.rules()).await?;
    Ok(Json(Statistics {
        mission,
        suppressed_below: acc::SUPPRESS_BELOW,
        tables,
    }))
}

/// Paging of the audit.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Entries after this sequence number.
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// At most this many (default 100, at most 1000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// Who read which restricted records, when (admin).
#[utoipa::path(get, path = "/api/v1/audit/views", params(AuditQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<ViewEntry>), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn audit_views(
    State(s): State<AppState>,
    _: Allowed<Admin>,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> ApiResult<Json<Vec<ViewEntry>>> {
    let after = q.after.unwrap_or(0);
    let limit = q.limit.unwrap_or(100);
    if after < 0 || !(1..=1000).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_query",
            "after must be ≥ 0 and limit from 1 to 1000",
        ));
    }
    Ok(Json(views(&s, after, limit).await?))
}
