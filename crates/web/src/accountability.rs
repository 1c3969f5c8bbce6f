//! The accountability registers over HTTP: personnel and vetting, mission documents,
//! acknowledgements and assignments, use of force, detentions, complaints and cases, the public
//! statistics and the audit of restricted reads.
//!
//! Every read goes through [`read`], which asks the store for restricted fields only within the
//! caller's need-to-know scope and, when it shows any, first appends a `record.viewed` entry
//! naming the records — if that append fails, nothing is shown. The pages use the same functions.

use crate::{
    AppState,
    api::Written,
    auth::{Admin, ClientAddr, Guard, Guarded, Member},
    error::{ApiError, Problem},
    extract::{ApiJson, ApiPath, ApiQuery, Record},
    limits::Limited,
};
use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use konbit_domain::{
    Classification, Command, EntryKind,
    access::Scope,
    clocks::{AsOf, CountryCode, Day, Slug},
    registers::*,
    registers::{self as acc, Event},
};
use konbit_store::{
    Actor, Envelope, User, Visibility, force as query, log,
    registers::{self as reg, Cursor, Page, Select},
};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, OpenApi, ToSchema};
use uuid::Uuid;

type ApiResult<T> = Result<T, ApiError>;

/// The registers' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/personnel",
            get(list_personnel).post(register_person),
        )
        .route("/api/v1/personnel/compliance", get(compliance))
        .route("/api/v1/personnel/departures", post(record_departure))
        .route("/api/v1/personnel/{id}", get(get_person))
        .route("/api/v1/vetting", post(record_vetting))
        .route(
            "/api/v1/documents",
            get(list_documents).post(issue_document),
        )
        .route("/api/v1/acknowledgements", post(acknowledge))
        .route("/api/v1/assignments", post(assign))
        .route(
            "/api/v1/use-of-force",
            get(list_use_of_force).post(report_use_of_force),
        )
        .route("/api/v1/use-of-force/reviews", post(review_use_of_force))
        .route("/api/v1/use-of-force/{id}", get(get_use_of_force))
        .route(
            "/api/v1/detentions",
            get(list_detentions).post(record_detention),
        )
        .route("/api/v1/detentions/handovers", post(hand_over))
        .route("/api/v1/detentions/releases", post(release))
        .route("/api/v1/detentions/{id}", get(get_detention))
        .route(
            "/api/v1/complaints",
            get(list_complaints).post(submit_complaint),
        )
        .route("/api/v1/complaints/status", post(complaint_status))
        .route("/api/v1/cases", get(list_cases).post(open_case))
        .route("/api/v1/cases/updates", post(update_case))
        .route("/api/v1/cases/{id}", get(get_case))
        .route("/api/v1/statistics", get(statistics))
        .route("/api/v1/audit/views", get(audit_views))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_personnel,
        register_person,
        compliance,
        record_departure,
        get_person,
        record_vetting,
        list_documents,
        issue_document,
        acknowledge,
        assign,
        list_use_of_force,
        report_use_of_force,
        review_use_of_force,
        get_use_of_force,
        list_detentions,
        record_detention,
        hand_over,
        release,
        get_detention,
        list_complaints,
        submit_complaint,
        complaint_status,
        list_cases,
        open_case,
        update_case,
        get_case,
        statistics,
        audit_views
    ),
    components(schemas(
        PersonDetail,
        ComplaintForm,
        ComplaintReceipt,
        StatusRequest,
        ComplaintStatus,
        Statistics,
        ViewEntry
    ))
)]
pub(crate) struct RegistersDoc;

// ---------------------------------------------------------------------------------------------
// Reading with the need to know

/// The register areas of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    /// People, vetting, acknowledgements, assignments.
    Personnel,
    /// Mission documents.
    Documents,
    /// Use-of-force reports and detentions.
    Force,
    /// Complaints and cases.
    Complaints,
}

impl Register {
    fn area(self) -> Option<Area> {
        match self {
            Register::Personnel => Some(Area::Personnel),
            Register::Documents => None,
            Register::Force => Some(Area::Force),
            Register::Complaints => Some(Area::Complaints),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Register::Personnel => "personnel",
            Register::Documents => "documents",
            Register::Force => "force",
            Register::Complaints => "complaints",
        }
    }
}

/// Who reads a register.
#[derive(Debug, Clone, Copy)]
pub enum Reader<'a> {
    /// Nobody in particular: mission-level fields only.
    Public,
    /// A logged-in user, within their need to know; what they are shown is recorded.
    User(&'a User),
    /// The server itself, for an answer that shows no restricted field (public statistics with
    /// small cells suppressed, a complaint's status for the holder of its secret): reads them
    /// all, and records nothing, since nothing restricted leaves it.
    Server,
}

/// What a reader sees of the record: who, at a record time.
#[derive(Debug, Clone)]
pub struct Reading<'a> {
    /// Who reads.
    pub reader: Reader<'a>,
    /// Record-time cut-off (µs; `i64::MAX` for now).
    pub as_of_us: i64,
    /// The request that reads (`GET /api/v1/detentions`), for the audit entry.
    pub via: String,
}

impl<'a> Reading<'a> {
    /// `user` reads, through the request `via`, at the record time `as_of_us`.
    pub fn user(user: &'a User, as_of_us: i64, via: String) -> Self {
        Reading {
            reader: Reader::User(user),
            as_of_us,
            via,
        }
    }

    /// Mission-level fields only, at the record time `as_of_us`.
    pub fn public(as_of_us: i64) -> Self {
        Reading {
            reader: Reader::Public,
            as_of_us,
            via: String::new(),
        }
    }

    /// The server's own read of the record as it is now (see [`Reader::Server`]).
    pub fn server() -> Self {
        Reading {
            reader: Reader::Server,
            as_of_us: i64::MAX,
            via: String::new(),
        }
    }

    /// "Now" for the clocks: the `as_of` instant when reading the past, else the present.
    pub fn now(&self) -> OffsetDateTime {
        if self.as_of_us == i64::MAX {
            OffsetDateTime::now_utc()
        } else {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.as_of_us) * 1000)
                .unwrap_or_else(|_| OffsetDateTime::now_utc())
        }
    }
}

/// The events of one register as `r` may see them, of the records `select` names. If any
/// restricted field is shown, the read is appended to the log first (`record.viewed`, naming
/// the records shown — a page of them, never a copy), and a failure to record it fails the read.
pub async fn read(
    s: &AppState,
    r: &Reading<'_>,
    register: Register,
    select: Select<'_>,
) -> ApiResult<Vec<Event>> {
    let scope = match (r.reader, register.area()) {
        (Reader::User(u), Some(area)) => u.access().scope(area),
        (Reader::Server, Some(_)) => Scope::All,
        _ => Scope::Nothing,
    };
    // Register rows are mission-level: the restricted fields are apart and scoped above.
    let vis = Visibility {
        as_of_us: r.as_of_us,
        clearance: Classification::Mission,
    };
    let events = s
        .store
        .reader(vis)
        .await?
        .register_events(register.name(), select, &scope)
        .await?;
    let mut shown: Vec<Uuid> = Vec::new();
    for e in events.iter().filter(|e| e.restricted_shown) {
        if !shown.contains(&e.id) {
            shown.push(e.id);
        }
    }
    if let (Reader::User(u), false) = (r.reader, shown.is_empty()) {
        s.store
            .submit(
                Actor::server_about(u),
                Envelope::new(
                    Command::Register(RegisterCommand::RecordView(RecordViewed {
                        register: register.name().into(),
                        records: shown,
                        via: r.via.clone(),
                    })),
                    Vec::new(),
                    Classification::Restricted,
                ),
            )
            .await?;
    }
    Ok(events)
}

/// People (the page or person `select` names) and the document versions they are held to.
pub async fn people(
    s: &AppState,
    r: &Reading<'_>,
    select: Select<'_>,
) -> ApiResult<(Vec<acc::PersonView>, Vec<acc::DocumentView>)> {
    let people = acc::people(&read(s, r, Register::Personnel, select).await?);
    let docs = acc::documents(&read(s, r, Register::Documents, Select::All).await?);
    Ok((people, docs))
}

/// Use-of-force reports and detentions (the page of either, or the record, `select` names).
pub async fn force(
    s: &AppState,
    r: &Reading<'_>,
    select: Select<'_>,
) -> ApiResult<(Vec<acc::UseOfForceView>, Vec<acc::DetentionView>)> {
    let events = read(s, r, Register::Force, select).await?;
    let now = r.now();
    Ok((
        acc::use_of_force(&events, s.rules(), now),
        acc::detentions(&events, s.rules(), now),
    ))
}

/// Complaints (those `select` names), each with the status of its case. The cases are read at
/// mission level for that: a complaint's status shows nothing restricted.
pub async fn complaints(
    s: &AppState,
    r: &Reading<'_>,
    select: Select<'_>,
) -> ApiResult<Vec<acc::ComplaintView>> {
    let events = read(s, r, Register::Complaints, select).await?;
    let all = read(
        s,
        &Reading::public(r.as_of_us),
        Register::Complaints,
        Select::All,
    )
    .await?;
    Ok(acc::complaints(&events, &acc::cases(&all)))
}

/// Misconduct cases (those `select` names).
pub async fn cases(
    s: &AppState,
    r: &Reading<'_>,
    select: Select<'_>,
) -> ApiResult<Vec<acc::CaseView>> {
    Ok(acc::cases(&read(s, r, Register::Complaints, select).await?))
}

/// The public statistics of `mission`: counts only.
pub async fn mission_statistics(s: &AppState, mission: &str) -> ApiResult<Vec<acc::StatTable>> {
    // The counts need every allegation's type and person (the UN counting rule); only
    // counts leave, small ones suppressed.
    let r = Reading::server();
    let (mut reports, mut detentions) = force(s, &r, Select::All).await?;
    let events = read(s, &r, Register::Complaints, Select::All).await?;
    let mut cases = acc::cases(&events);
    let mut complaints = acc::complaints(&events, &cases);
    reports.retain(|x| x.mission == mission);
    detentions.retain(|x| x.mission == mission);
    cases.retain(|x| x.mission == mission);
    complaints.retain(|x| x.mission == mission);
    Ok(acc::statistics(&reports, &detentions, &complaints, &cases))
}

/// The mission in office today, or the one asked for (404 when it is not a public mission).
pub async fn mission_or_current(s: &AppState, asked: Option<&Slug>) -> ApiResult<String> {
    let mut c = s.store.conn().await?;
    // Public: what anyone may know exists.
    let vis = Visibility::now(Classification::Public);
    if let Some(m) = asked {
        return query::mission(&mut c.ex(), m.as_str(), vis)
            .await?
            .map(|x| x.slug)
            .ok_or_else(|| ApiError::not_found(format!("mission {:?}", m.as_str())));
    }
    let today = OffsetDateTime::now_utc().date();
    query::mission_on(&mut c.ex(), today, vis)
        .await?
        .map(|m| m.slug)
        .ok_or_else(|| ApiError::not_found("any mission"))
}

// ---------------------------------------------------------------------------------------------
// Recording

/// Records a register command for `user`; the store refuses it if their role and contingent
/// do not allow it.
pub async fn record(
    s: &AppState,
    user: &User,
    cmd: RegisterCommand,
    sources: Vec<Uuid>,
    classification: Classification,
) -> ApiResult<konbit_store::Submitted> {
    Ok(s.store
        .submit(
            Actor::user(user),
            Envelope::new(Command::Register(cmd), sources, classification),
        )
        .await?)
}

async fn write<T>(
    s: &AppState,
    user: &User,
    rec: Record<T>,
    make: impl FnOnce(T) -> RegisterCommand,
) -> ApiResult<(StatusCode, Json<Written>)> {
    let w = record(s, user, make(rec.body), rec.sources, rec.classification).await?;
    Ok((
        StatusCode::CREATED,
        Json(Written {
            seq: w.seq,
            id: w.subject,
            hash: w.hash,
        }),
    ))
}

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
    crate::extract::visibility(as_of, Classification::Mission).as_of_us
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
    Member(u): Member,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::PersonView>>> {
    let page = Select::Page(q.page(EntryKind::PersonRegistered)?);
    let (people, _) = people(&s, &q.reading(&u, via("/api/v1/personnel")), page).await?;
    Ok(Json(people))
}

/// One person.
#[utoipa::path(get, path = "/api/v1/personnel/{id}", params(("id" = Uuid, Path), PersonQuery), security(("bearer" = [])),
    responses((status = 200, body = PersonDetail), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_person(
    State(s): State<AppState>,
    Member(u): Member,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<PersonQuery>,
) -> ApiResult<Json<PersonDetail>> {
    let on =
        q.on.map_or_else(|| OffsetDateTime::now_utc().date(), |d| d.0);
    let via = via(&format!("/api/v1/personnel/{id}"));
    let r = Reading::user(&u, as_of_us(q.as_of), via);
    let (people, docs) = people(&s, &r, Select::One(id)).await?;
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
    Member(_): Member,
    ApiQuery(q): ApiQuery<ComplianceQuery>,
) -> ApiResult<Json<Vec<acc::Compliance>>> {
    let on =
        q.on.map_or_else(|| OffsetDateTime::now_utc().date(), |d| d.0);
    let mission = mission_or_current(&s, q.mission.as_ref()).await?;
    Ok(Json(
        compliance_of(&s, &mission, on, as_of_us(q.as_of)).await?,
    ))
}

/// Compliance by contributor: counts only, so read as the server (early departures count,
/// though who left and why is restricted) and shown to every logged-in role.
pub async fn compliance_of(
    s: &AppState,
    mission: &str,
    on: Date,
    as_of_us: i64,
) -> ApiResult<Vec<acc::Compliance>> {
    let r = Reading {
        as_of_us,
        ..Reading::server()
    };
    let (people, docs) = people(s, &r, Select::All).await?;
    Ok(acc::compliance(&people, &docs, mission, on))
}

/// Enters a person in the register (hr_officer).
#[utoipa::path(post, path = "/api/v1/personnel", request_body = NewPerson, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn register_person(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<NewPerson>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RegisterPerson).await
}

/// Ends a person's deployment early (hr_officer).
#[utoipa::path(post, path = "/api/v1/personnel/departures", request_body = PersonDeparture, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_departure(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<PersonDeparture>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RecordDeparture).await
}

/// Records a vetting result (hr_officer).
#[utoipa::path(post, path = "/api/v1/vetting", request_body = NewVetting, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn record_vetting(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<NewVetting>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RecordVetting).await
}

/// Mission documents, every version.
#[utoipa::path(get, path = "/api/v1/documents", params(PageQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::DocumentView>), (status = 401, body = Problem)))]
async fn list_documents(
    State(s): State<AppState>,
    Member(u): Member,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Vec<acc::DocumentView>>> {
    let q = ListQuery::from(q);
    let r = q.reading(&u, via("/api/v1/documents"));
    let page = Select::Page(q.page(EntryKind::DocumentIssued)?);
    Ok(Json(acc::documents(
        &read(&s, &r, Register::Documents, page).await?,
    )))
}

/// Issues a version of a mission document (editor, admin or hr_officer).
#[utoipa::path(post, path = "/api/v1/documents", request_body = NewDocument, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn issue_document(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<NewDocument>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::IssueDocument).await
}

/// Records a person's acknowledgement of a document version (hr_officer, own commander).
#[utoipa::path(post, path = "/api/v1/acknowledgements", request_body = NewAcknowledgement, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn acknowledge(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<NewAcknowledgement>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::Acknowledge).await
}

/// Assigns a person to an operation: refused (422 `not_eligible`) unless vetted and bound by
/// the current use-of-force and detention directives (hr_officer, own commander).
#[utoipa::path(post, path = "/api/v1/assignments", request_body = NewAssignment, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn assign(
    State(s): State<AppState>,
    Member(u): Member,
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
    Member(u): Member,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::UseOfForceView>>> {
    let page = Select::Page(q.page(EntryKind::UseOfForceReported)?);
    let (reports, _) = force(&s, &q.reading(&u, via("/api/v1/use-of-force")), page).await?;
    Ok(Json(reports))
}

/// One use-of-force report.
#[utoipa::path(get, path = "/api/v1/use-of-force/{id}", params(("id" = Uuid, Path), AsOfQuery), security(("bearer" = [])),
    responses((status = 200, body = acc::UseOfForceView), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_use_of_force(
    State(s): State<AppState>,
    Member(u): Member,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<acc::UseOfForceView>> {
    let via = via(&format!("/api/v1/use-of-force/{id}"));
    let r = Reading::user(&u, as_of_us(q.as_of), via);
    let (reports, _) = force(&s, &r, Select::One(id)).await?;
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
    Member(u): Member,
    rec: Record<NewUseOfForce>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::ReportUseOfForce).await
}

/// Moves a report's review on: submitted → under_review → cleared | referred (conduct_officer).
#[utoipa::path(post, path = "/api/v1/use-of-force/reviews", request_body = UseOfForceReview, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn review_use_of_force(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<UseOfForceReview>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::ReviewUseOfForce).await
}

/// The detention register, with each handover clock.
#[utoipa::path(get, path = "/api/v1/detentions", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::DetentionView>), (status = 401, body = Problem)))]
async fn list_detentions(
    State(s): State<AppState>,
    Member(u): Member,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::DetentionView>>> {
    let page = Select::Page(q.page(EntryKind::DetentionRecorded)?);
    let (_, list) = force(&s, &q.reading(&u, via("/api/v1/detentions")), page).await?;
    Ok(Json(list))
}

/// One detention.
#[utoipa::path(get, path = "/api/v1/detentions/{id}", params(("id" = Uuid, Path), AsOfQuery), security(("bearer" = [])),
    responses((status = 200, body = acc::DetentionView), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_detention(
    State(s): State<AppState>,
    Member(u): Member,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<acc::DetentionView>> {
    let via = via(&format!("/api/v1/detentions/{id}"));
    let r = Reading::user(&u, as_of_us(q.as_of), via);
    let (_, list) = force(&s, &r, Select::One(id)).await?;
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
    Member(u): Member,
    rec: Record<NewDetention>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::RecordDetention).await
}

/// Records a handover to the Haitian National Police.
#[utoipa::path(post, path = "/api/v1/detentions/handovers", request_body = Handover, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn hand_over(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<Handover>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::HandOver).await
}

/// Records a release without handover.
#[utoipa::path(post, path = "/api/v1/detentions/releases", request_body = Release, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn release(
    State(s): State<AppState>,
    Member(u): Member,
    rec: Record<Release>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::Release).await
}

// ---------------------------------------------------------------------------------------------
// Complaints and cases

/// A complaint as the public form sends it. Anonymous when neither name nor contact is given.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintForm {
    /// The form's language: en, fr or ht.
    pub language: FormLanguage,
    /// What happened.
    pub account: String,
    /// When (YYYY-MM-DD), if known.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub occurred_on: Option<Date>,
    /// Where, if the complainant wishes to say.
    #[serde(default)]
    pub place: Option<String>,
    /// Name, if the complainant wishes to give it.
    #[serde(default)]
    pub name: Option<String>,
    /// Phone, e-mail or address, if the complainant wishes to be contacted.
    #[serde(default)]
    pub contact: Option<String>,
}

/// What the complainant keeps: the reference and the secret that together show the status.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintReceipt {
    /// Public reference (`K-7M3Q-9XPA`).
    pub reference: String,
    /// Secret; shown once, stored only as a hash.
    pub secret: String,
}

const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_code(len: usize) -> ApiResult<String> {
    let mut b = vec![0u8; len];
    getrandom::fill(&mut b).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(b.iter()
        .map(|x| char::from(CROCKFORD[usize::from(*x) % CROCKFORD.len()]))
        .collect())
}

fn opt_text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Records a complaint from the public form; returns the reference and the secret.
pub async fn receive_complaint(
    s: &AppState,
    addr: &ClientAddr,
    f: ComplaintForm,
) -> ApiResult<ComplaintReceipt> {
    // Every complaint stays in the log for good: a flood from one address is turned away.
    s.limits.check(Limited::Complaint, addr)?;
    let mission = mission_or_current(s, None).await?;
    // 8 characters of base 32 = 40 bits: unguessable enough as a name, never enough alone.
    let reference = format!("K-{}-{}", random_code(4)?, random_code(4)?);
    // 16 characters = 80 bits, and the status check is throttled per reference.
    let secret = random_code(16)?;
    let name = opt_text(f.name);
    let contact = opt_text(f.contact);
    let cmd = RegisterCommand::ReceiveComplaint(NewComplaint {
        mission,
        reference: reference.clone(),
        secret_hash: reg::secret_hash(&secret),
        language: f.language,
        anonymous: name.is_none() && contact.is_none(),
        received_at: None,
        account: Some(f.account),
        occurred_on: f.occurred_on,
        place: opt_text(f.place),
        name,
        contact,
    });
    s.store
        .submit(
            Actor::public("complaint-form"),
            Envelope::new(
                Command::Register(cmd),
                Vec::new(),
                Classification::Restricted,
            ),
        )
        .await?;
    Ok(ComplaintReceipt { reference, secret })
}

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

/// A status request: the reference and the secret given with it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// Reference.
    pub reference: String,
    /// Secret.
    pub secret: String,
}

/// What the complainant may know: the status, nothing else.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintStatus {
    /// Reference.
    pub reference: String,
    /// received, assessed, under_investigation, substantiated, unsubstantiated or closed.
    pub status: CaseStatus,
    /// Date received.
    #[schema(value_type = String, format = Date)]
    pub received_on: Date,
}

/// The status of a complaint, for the holder of its reference and secret. A wrong reference and
/// a wrong secret get the same answer. Five failures for one reference from one address (or 50
/// from one address) make that address wait 15 minutes; the complainant, checking from
/// anywhere else, is not affected.
pub async fn status_of(
    s: &AppState,
    addr: &ClientAddr,
    reference: &str,
    secret: &str,
) -> ApiResult<ComplaintStatus> {
    let reference = reference.trim().to_uppercase();
    // Bounded before anything is kept or looked up.
    if reference.is_empty()
        || reference.len() > 32
        || !reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(ApiError::invalid_field(
            "reference",
            "is not a complaint reference (such as K-7M3Q-9XPA)",
        ));
    }
    if secret.trim().is_empty() || secret.len() > 64 {
        return Err(ApiError::invalid_field(
            "secret",
            "is not a complaint secret (16 letters and digits)",
        ));
    }
    s.limits.check(Limited::Status, addr)?;
    let guard = Guard::new(Guarded::ComplaintStatus, &reference, addr);
    guard.check(s).await?;
    let complaints = complaints(s, &Reading::server(), Select::All).await?;
    let wanted = reg::secret_hash(secret);
    let found = complaints.into_iter().find(|c| {
        c.reference.as_deref() == Some(reference.as_str())
            && bool::from(c.secret_hash.as_bytes().ct_eq(wanted.as_bytes()))
    });
    match found {
        Some(c) => {
            guard.succeeded(s).await?;
            Ok(ComplaintStatus {
                reference,
                status: c.status,
                received_on: c.received_at.date(),
            })
        }
        None => {
            guard.failed(s).await?;
            Err(ApiError::not_found(
                "a complaint with that reference and secret",
            ))
        }
    }
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
    Member(u): Member,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<Json<Vec<acc::ComplaintView>>> {
    let q = ListQuery::from(q);
    let page = Select::Page(q.page(EntryKind::ComplaintReceived)?);
    let r = q.reading(&u, via("/api/v1/complaints"));
    Ok(Json(complaints(&s, &r, page).await?))
}

/// Misconduct cases.
#[utoipa::path(get, path = "/api/v1/cases", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<acc::CaseView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list_cases(
    State(s): State<AppState>,
    Member(u): Member,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Vec<acc::CaseView>>> {
    // Whose personnel a case accuses is for the conduct officer alone: filtering by it would
    // tell anyone else.
    if q.country.is_some() && u.access().scope(Area::Complaints) != Scope::All {
        return Err(ApiError::forbidden("conduct_officer"));
    }
    let page = Select::Page(q.page(EntryKind::CaseOpened)?);
    Ok(Json(
        cases(&s, &q.reading(&u, via("/api/v1/cases")), page).await?,
    ))
}

/// One case.
#[utoipa::path(get, path = "/api/v1/cases/{id}", params(("id" = Uuid, Path), AsOfQuery), security(("bearer" = [])),
    responses((status = 200, body = acc::CaseView), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn get_case(
    State(s): State<AppState>,
    Member(u): Member,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<acc::CaseView>> {
    let r = Reading::user(&u, as_of_us(q.as_of), via(&format!("/api/v1/cases/{id}")));
    let cases = cases(&s, &r, Select::One(id)).await?;
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
    Member(u): Member,
    rec: Record<NewCase>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, RegisterCommand::OpenCase).await
}

/// Moves a case on (conduct_officer).
#[utoipa::path(post, path = "/api/v1/cases/updates", request_body = CaseUpdate, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_case(
    State(s): State<AppState>,
    Member(u): Member,
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
    let tables = mission_statistics(&s, &mission).await?;
    Ok(Json(Statistics {
        mission,
        suppressed_below: acc::SUPPRESS_BELOW,
        tables,
    }))
}

/// One read of restricted data.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViewEntry {
    /// Log sequence number.
    pub seq: i64,
    /// When.
    pub recorded_at: String,
    /// Who (`user:NAME`).
    pub actor: String,
    /// The register read.
    pub register: String,
    /// The records whose restricted fields were shown.
    pub records: Vec<Uuid>,
    /// The request.
    pub via: String,
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

/// The `record.viewed` entries of the log, oldest first.
pub async fn views(s: &AppState, after: i64, limit: i64) -> ApiResult<Vec<ViewEntry>> {
    let mut c = s.store.conn().await?;
    let entries = log::entries_of_kind(&mut c.ex(), EntryKind::RecordViewed, after, limit).await?;
    entries
        .into_iter()
        .map(|e| {
            let body: RecordViewed = serde_json::from_str(&e.body)
                .map_err(|x| ApiError::internal(format!("record.viewed {}: {x}", e.seq)))?;
            Ok(ViewEntry {
                seq: e.seq,
                recorded_at: e.recorded_at,
                actor: e.actor,
                register: body.register,
                records: body.records,
                via: body.via,
            })
        })
        .collect()
}

/// Who read which restricted records, when (admin).
#[utoipa::path(get, path = "/api/v1/audit/views", params(AuditQuery), security(("bearer" = [])),
    responses((status = 200, body = Vec<ViewEntry>), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn audit_views(
    State(s): State<AppState>,
    Admin(_): Admin,
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
