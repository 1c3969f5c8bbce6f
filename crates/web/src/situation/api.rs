//! The situational picture over HTTP: incidents coded by the ACLED codebook (list, one
//! incident with its versions, verification history and links, streamed exports as ACLED CSV,
//! HXL CSV or GeoJSON, map points, weekly counts, full-text search), armed groups and their
//! designations, the status board of key sites and route segments, humanitarian indicators and
//! the gazetteer.
//!
//! Reads are open to anyone at their clearance (anonymous: public records only; logged-in
//! users: their role's clearance) and honour the two clocks: `on` (the world on that date) and
//! `as_of` (the record as it stood at that instant). Every incident filter is parsed by
//! [`IncidentQuery`], so the API, the pages and the exports give the same answer to the same
//! URL. Writes need the editor role (editor or admin), except links of an incident to a
//! use-of-force report or a detention, which a conduct officer may also record. Incidents are
//! recorded under the `event_id` the caller gives (ACLED's `event_id_cnty`, or the mission's
//! own such as `MSS-2024-0001`): it is required, and a second record under the same id is a
//! 409 (send a revision instead).

use crate::{
    shared::auth::{Caller, ClientAddr},
    shared::error::{ApiError, Problem},
    shared::extract::{
        ApiPath, ApiQuery, BBox, Clocks, Department, EventTypes, IncidentQuery, Record,
    },
    shared::gate::{Allowed, Editor, Member},
    shared::state::AppState,
    shared::write::{Written, write},
};
use axum::{
    Json,
    body::Body,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use konbit_domain::{
    Classification, Role,
    clocks::{AsOf, Day},
    situation::acled::EventType,
    situation::gazetteer,
    situation::{
        Designation, GroupProfile, IncidentLink, Leader, LinkedRecord, NewIncident, Observation,
        RouteStatusChange, SiteStatusChange, SituationCommand, Verification, VerificationChange,
    },
};
use konbit_store::situation::{self as sit, ExportCursor, IncidentRow};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, format_description::well_known::Rfc3339};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use crate::shared::error::ApiResult;
use crate::shared::pieces::{json_ids, json_list};

/// Most points the map endpoint returns.
pub const MAP_CAP: i64 = 5000;

/// The situation's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(SituationDoc::openapi())
        .routes(routes!(list_incidents, record_incident))
        .routes(routes!(export_incidents))
        .routes(routes!(map))
        .routes(routes!(weekly))
        .routes(routes!(search))
        .routes(routes!(get_incident))
        .routes(routes!(revise_incident))
        .routes(routes!(change_verification))
        .routes(routes!(link_incident))
        .routes(routes!(list_groups, profile_group))
        .routes(routes!(designate))
        .routes(routes!(site_board))
        .routes(routes!(site_status))
        .routes(routes!(route_status))
        .routes(routes!(list_indicators, observe))
        .routes(routes!(gazetteer_view))
}

#[derive(OpenApi)]
#[openapi(components(schemas(
    IncidentView,
    IncidentList,
    IncidentDetail,
    StatusView,
    LinkView,
    PointView,
    MapView,
    WeekView,
    SearchResults,
    VerificationBody,
    LinkBody,
    GroupView,
    DesignationView,
    PlaceStatusView,
    SiteBoard,
    ObservationView,
    GazetteerView,
    PlaceView,
    SiteView,
    SegmentView
)))]
pub(crate) struct SituationDoc;

// ---------------------------------------------------------------------------------------------
// Views

/// One incident version as served: the coded fields, and what the record adds.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentView {
    /// The incident's id (the subject of its log entries).
    pub id: Uuid,
    /// The coded fields.
    #[serde(flatten)]
    pub incident: NewIncident,
    /// The department's ISO 3166-2 code.
    pub admin1_code: String,
    /// ACLED's interaction code.
    pub interaction: u8,
    /// Verification status (as assessed on `on`, as recorded by `as_of`).
    pub status: Verification,
    /// Who may read it.
    pub classification: Classification,
    /// Ids of the sources the record rests on.
    pub sources: Vec<Uuid>,
    /// The log entry that recorded this version.
    pub entry_seq: i64,
    /// When this version was recorded (RFC 3339).
    pub recorded_at: String,
    /// When a later version replaced it (RFC 3339), if one did.
    pub superseded_at: Option<String>,
}

fn rfc3339(us: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// An incident row as served.
pub fn incident_view(r: &IncidentRow) -> ApiResult<IncidentView> {
    let x = r.to_exported()?;
    Ok(IncidentView {
        id: r.id,
        interaction: x.incident.interaction(),
        incident: x.incident,
        admin1_code: r.admin1_code.clone(),
        status: x.status,
        classification: x.classification,
        sources: x.sources,
        entry_seq: r.entry_seq,
        recorded_at: rfc3339(r.recorded_us),
        superseded_at: r.superseded_us.map(rfc3339),
    })
}

/// A page of incidents.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentList {
    /// How many incidents match (the page holds at most `limit` of them).
    pub total: i64,
    /// Newest first.
    pub incidents: Vec<IncidentView>,
}

/// A change of an incident's verification status.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusView {
    /// Log entry.
    pub entry_seq: i64,
    /// The new status.
    pub status: Verification,
    /// Why.
    pub reason: String,
    /// Date of the assessment.
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// Who recorded it (`user:NAME`).
    pub actor: String,
    /// Source ids.
    pub sources: Vec<Uuid>,
}

/// A link of an incident to a register record.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkView {
    /// Log entry.
    pub entry_seq: i64,
    /// `use_of_force` or `detention`.
    pub register: LinkedRecord,
    /// The record's id.
    pub record: Uuid,
}

/// One incident: the current version, the earlier ones, its verification history and links.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentDetail {
    /// The version in force (as recorded by `as_of`).
    pub current: IncidentView,
    /// Earlier versions, newest first.
    pub earlier: Vec<IncidentView>,
    /// Verification changes dated by `on`, oldest first.
    pub verification: Vec<StatusView>,
    /// Links to use-of-force reports and detentions.
    pub links: Vec<LinkView>,
}

/// A point on the map, or a search hit.
#[derive(Debug, Serialize, ToSchema)]
pub struct PointView {
    /// Event id.
    pub event_id: String,
    /// Date.
    #[schema(value_type = String, format = Date)]
    pub event_date: Date,
    /// Event type.
    pub event_type: String,
    /// Sub-event type.
    pub sub_event_type: String,
    /// Actor 1.
    pub actor1: String,
    /// Location.
    pub location: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Reported dead.
    pub fatalities: i64,
    /// Verification status.
    pub status: String,
}

impl From<sit::MapPoint> for PointView {
    fn from(p: sit::MapPoint) -> Self {
        PointView {
            event_id: p.event_id,
            event_date: p.event_date,
            event_type: p.event_type,
            sub_event_type: p.sub_event_type,
            actor1: p.actor1,
            location: p.location,
            latitude: p.latitude,
            longitude: p.longitude,
            fatalities: p.fatalities,
            status: p.status,
        }
    }
}

/// The map's points.
#[derive(Debug, Serialize, ToSchema)]
pub struct MapView {
    /// How many incidents match.
    pub matched: i64,
    /// At most this many points are returned (the largest events first).
    pub cap: i64,
    /// The points.
    pub points: Vec<PointView>,
}

/// Events and fatalities of one type in one week.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeekView {
    /// Weeks since Monday 1 January 1900.
    pub week: i64,
    /// The Monday the week starts.
    #[schema(value_type = String, format = Date)]
    pub week_start: Date,
    /// Event type.
    pub event_type: String,
    /// Events.
    pub events: i64,
    /// Reported dead.
    pub fatalities: i64,
}

/// Search hits.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// What was searched for.
    pub q: String,
    /// The hits, newest recorded first.
    pub results: Vec<PointView>,
}

// ---------------------------------------------------------------------------------------------
// Query parameters

/// The incident filters of [`IncidentQuery`], plus the page size. (serde cannot flatten into a
/// struct that refuses unknown fields, so the filters are spelled out again.)
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct IncidentListQuery {
    /// First day (YYYY-MM-DD). A `to` before it selects nothing.
    pub from: Option<Day>,
    /// Last day (YYYY-MM-DD).
    pub to: Option<Day>,
    /// Event types, comma-separated (`battles,violence_against_civilians`); at least one when
    /// given (leave `type` out for every type).
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<Vec<EventType>>, style = Form, explode = false, min_items = 1)]
    pub types: Option<EventTypes>,
    /// Text in an actor's name, at most 300 characters.
    #[param(max_length = 300)]
    pub actor: Option<String>,
    /// Department: its ISO 3166-2 code (`HT-AR`) or its name (`Artibonite`).
    pub department: Option<Department>,
    /// Bounding box: two corners `lon,lat,lon,lat`, plain decimals.
    #[param(value_type = Option<String>, pattern = "^-?[0-9]{1,3}(\\.[0-9]{1,8})?(,-?[0-9]{1,3}(\\.[0-9]{1,8})?){3}$")]
    pub bbox: Option<BBox>,
    /// Verification status; by default every status but retracted.
    pub status: Option<Verification>,
    /// Valid time: the world on this date.
    pub on: Option<Day>,
    /// Record time: as recorded by this instant (RFC 3339).
    pub as_of: Option<AsOf>,
    /// At most this many incidents (1–1000, default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

impl IncidentListQuery {
    fn split(self) -> ApiResult<(IncidentQuery, i64)> {
        let limit = self.limit.unwrap_or(100);
        if !(1..=1000).contains(&limit) {
            return Err(ApiError::bad_request(
                "invalid_query",
                format!("limit={limit} must be from 1 to 1000"),
            ));
        }
        Ok((
            IncidentQuery {
                from: self.from,
                to: self.to,
                types: self.types,
                actor: self.actor,
                department: self.department,
                bbox: self.bbox,
                status: self.status,
                on: self.on,
                as_of: self.as_of,
                format: None,
            },
            limit,
        ))
    }
}

/// A full-text search.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// Words of the notes, place or actors (1–200 characters; the last word may be a prefix).
    #[param(required = true, min_length = 1, max_length = 200, pattern = "\\S")]
    pub q: Option<String>,
    /// Record time (RFC 3339).
    pub as_of: Option<AsOf>,
    /// At most this many hits (1–1000, default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

// ---------------------------------------------------------------------------------------------
// Incidents: reads

/// Incidents matching the filters, newest first, with the number matching.
#[utoipa::path(get, path = "/api/v1/incidents", params(IncidentListQuery),
    responses((status = 200, body = IncidentList), (status = 400, body = Problem)))]
async fn list_incidents(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<IncidentListQuery>,
) -> ApiResult<Json<IncidentList>> {
    let (q, limit) = q.split()?;
    let (filter, vis) = q.parse(caller.clearance())?;
    let mut c = s.store.reader(vis).await?;
    let (rows, total) = c.incidents(&filter, limit).await?;
    Ok(Json(IncidentList {
        total,
        incidents: rows.iter().map(incident_view).collect::<ApiResult<_>>()?,
    }))
}

/// One incident by event id: the current version, earlier versions, verification history
/// (dated by `on`, as recorded by `as_of`) and links. 404 when unknown or not visible.
#[utoipa::path(get, path = "/api/v1/incidents/{event_id}", params(("event_id" = String, Path), Clocks),
    responses((status = 200, body = IncidentDetail), (status = 400, body = Problem), (status = 404, body = Problem)))]
async fn get_incident(
    State(s): State<AppState>,
    caller: Caller,
    ApiPath(event_id): ApiPath<String>,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<IncidentDetail>> {
    let vis = q.visibility(caller.clearance());
    let on = q.on.map(|d| d.0);
    let mut c = s.store.reader(vis).await?;
    let h = c
        .incident(&event_id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("incident {event_id:?}")))?;
    let verification: Vec<StatusView> = h
        .statuses
        .iter()
        .filter(|x| on.is_none_or(|d| x.on_date <= d))
        .map(|x| {
            Ok(StatusView {
                entry_seq: x.entry_seq,
                status: x.status.parse().map_err(ApiError::internal)?,
                reason: x.reason.clone(),
                on: x.on_date,
                actor: x.actor.clone(),
                sources: json_ids(&x.sources)?,
            })
        })
        .collect::<ApiResult<_>>()?;
    let status = verification
        .last()
        .map_or(Verification::Reported, |x| x.status);
    let mut versions = h
        .versions
        .iter()
        .map(incident_view)
        .collect::<ApiResult<Vec<_>>>()?;
    for v in &mut versions {
        v.status = status;
    }
    let mut versions = versions.into_iter();
    let current = versions
        .next()
        .ok_or_else(|| ApiError::not_found(format!("incident {event_id:?}")))?;
    Ok(Json(IncidentDetail {
        current,
        earlier: versions.collect(),
        verification,
        links: h
            .links
            .iter()
            .map(|l| {
                Ok(LinkView {
                    entry_seq: l.entry_seq,
                    register: l.register.parse().map_err(ApiError::internal)?,
                    record: l.record,
                })
            })
            .collect::<ApiResult<_>>()?,
    }))
}

/// Every matching incident as a file, streamed page by page: `format=acled` (ACLED's 31
/// columns, the default), `hxl` (Konbit's columns with an HXL hashtag row) or `geojson` (a
/// FeatureCollection of points).
#[utoipa::path(get, path = "/api/v1/incidents/export", params(IncidentQuery),
    responses((status = 200, description = "The file (text/csv or application/geo+json), as an attachment"), (status = 400, body = Problem)))]
async fn export_incidents(
    State(s): State<AppState>,
    caller: Caller,
    addr: ClientAddr,
    ApiQuery(q): ApiQuery<IncidentQuery>,
) -> ApiResult<Response> {
    let (filter, vis) = q.parse(caller.clearance())?;
    let format = q.format();
    // Each export streams the whole selection: anonymous callers get a few at a time.
    if caller.user.is_none() {
        s.limits
            .check(crate::shared::limits::Limited::Export, addr.key())?;
    }
    let mut conn = s.store.reader(vis).await?;
    let mut cursor = ExportCursor::new(filter, vis, format);
    // The first page is read before answering, so a failure is still a problem response.
    let first = cursor.next_chunk(&mut conn).await?;
    let stream = futures_util::stream::unfold(
        (conn, cursor, first, false),
        |(mut conn, mut cursor, pending, done)| async move {
            if done {
                return None;
            }
            if let Some(chunk) = pending {
                return Some((Ok(chunk), (conn, cursor, None, false)));
            }
            match cursor.next_chunk(&mut conn).await {
                Ok(Some(chunk)) => Some((Ok(chunk), (conn, cursor, None, false))),
                Ok(None) => None,
                Err(e) => {
                    tracing::error!("incident export failed: {e}");
                    Some((
                        Err(std::io::Error::other(e.to_string())),
                        (conn, cursor, None, true),
                    ))
                }
            }
        },
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"incidents.{}\"", format.extension()),
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

/// Map points of the matching incidents, the largest first, at most 5000; with how many
/// matched.
#[utoipa::path(get, path = "/api/v1/incidents/map", params(IncidentQuery),
    responses((status = 200, body = MapView), (status = 400, body = Problem)))]
async fn map(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<IncidentQuery>,
) -> ApiResult<Json<MapView>> {
    let (filter, vis) = q.parse(caller.clearance())?;
    let mut c = s.store.reader(vis).await?;
    let points = c.map_points(&filter, MAP_CAP).await?;
    let (_, matched) = c.incidents(&filter, 0).await?;
    Ok(Json(MapView {
        matched,
        cap: MAP_CAP,
        points: points.into_iter().map(PointView::from).collect(),
    }))
}

/// Weekly counts of events and fatalities by event type (retracted incidents left out).
#[utoipa::path(get, path = "/api/v1/incidents/weekly", params(IncidentQuery),
    responses((status = 200, body = Vec<WeekView>), (status = 400, body = Problem)))]
async fn weekly(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<IncidentQuery>,
) -> ApiResult<Json<Vec<WeekView>>> {
    let (filter, vis) = q.parse(caller.clearance())?;
    let mut c = s.store.reader(vis).await?;
    let weeks = c.weekly(&filter).await?;
    Ok(Json(
        weeks
            .into_iter()
            .map(|w| WeekView {
                week: w.week,
                week_start: sit::week_start(w.week),
                event_type: w.event_type,
                events: w.events,
                fatalities: w.fatalities,
            })
            .collect(),
    ))
}

/// Full-text search of incidents' notes, places and actors.
#[utoipa::path(get, path = "/api/v1/incidents/search", params(SearchQuery),
    responses((status = 200, body = SearchResults), (status = 400, body = Problem)))]
async fn search(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<SearchQuery>,
) -> ApiResult<Json<SearchResults>> {
    let text =
        q.q.as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_string();
    let n = text.chars().count();
    if !(1..=200).contains(&n) {
        return Err(ApiError::bad_request(
            "invalid_query",
            "q is required: 1 to 200 characters",
        ));
    }
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_query",
            format!("limit={limit} must be from 1 to 1000"),
        ));
    }
    let vis = crate::shared::extract::visibility(q.as_of, caller.clearance());
    let mut c = s.store.reader(vis).await?;
    let hits = c.search(&text, limit).await?;
    Ok(Json(SearchResults {
        q: text,
        results: hits.into_iter().map(PointView::from).collect(),
    }))
}

// ---------------------------------------------------------------------------------------------
// Incidents: writes

/// Records an incident. `event_id` is required (ACLED's `event_id_cnty` or the mission's own,
/// such as `MSS-2024-0001`); an id already recorded is a 409.
#[utoipa::path(post, path = "/api/v1/incidents", request_body = NewIncident, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn record_incident(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<NewIncident>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, |mut b| {
        b.normalize();
        SituationCommand::RecordIncident(Box::new(b))
    })
    .await
}

/// Records a new version of an incident (the body's `event_id` must be the path's).
#[utoipa::path(post, path = "/api/v1/incidents/{event_id}/revisions", params(("event_id" = String, Path)), request_body = NewIncident, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn revise_incident(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    ApiPath(event_id): ApiPath<String>,
    rec: Record<NewIncident>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    if rec.body.event_id.trim() != event_id {
        return Err(ApiError::invalid_field(
            "event_id",
            format!("must be the incident of the path, {event_id:?}"),
        ));
    }
    write(&s, &u, rec, |mut b| {
        b.normalize();
        SituationCommand::ReviseIncident(Box::new(b))
    })
    .await
}

/// A verification change; the incident is the path's.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerificationBody {
    /// The incident's event id, if given: must be the path's.
    #[serde(default)]
    pub incident: Option<String>,
    /// The new status.
    pub status: Verification,
    /// Why.
    pub reason: String,
    /// When the assessment was made.
    #[schema(value_type = String, format = Date)]
    pub on: Date,
}

fn same_incident(given: Option<&str>, path: &str) -> ApiResult<()> {
    match given {
        Some(g) if g != path => Err(ApiError::invalid_field(
            "incident",
            format!("must be the incident of the path, {path:?}"),
        )),
        _ => Ok(()),
    }
}

/// Changes an incident's verification status: reported → corroborated → confirmed, or
/// disputed, or retracted (final). An illegal move is a 409.
#[utoipa::path(post, path = "/api/v1/incidents/{event_id}/verification", params(("event_id" = String, Path)), request_body = VerificationBody, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn change_verification(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    ApiPath(event_id): ApiPath<String>,
    rec: Record<VerificationBody>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    same_incident(rec.body.incident.as_deref(), &event_id)?;
    // A verification is shown with its incident: it takes the incident's classification.
    write(&s, &u, rec.part_of_another(), |b| {
        SituationCommand::ChangeVerification(VerificationChange {
            incident: event_id,
            status: b.status,
            reason: b.reason,
            on: b.on,
        })
    })
    .await
}

/// A link of the path's incident to a register record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    /// The incident's event id, if given: must be the path's.
    #[serde(default)]
    pub incident: Option<String>,
    /// `use_of_force` or `detention`.
    pub register: LinkedRecord,
    /// The record's id.
    pub record: Uuid,
}

/// Links an incident to a use-of-force report or a detention (editor or conduct_officer).
#[utoipa::path(post, path = "/api/v1/incidents/{event_id}/links", params(("event_id" = String, Path)), request_body = LinkBody, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn link_incident(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Member>,
    ApiPath(event_id): ApiPath<String>,
    rec: Record<LinkBody>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    if !(u.role.records_force_generation() || u.role == Role::ConductOfficer) {
        return Err(ApiError::forbidden("editor or conduct_officer"));
    }
    same_incident(rec.body.incident.as_deref(), &event_id)?;
    // A link is shown with its incident: it takes the incident's classification.
    write(&s, &u, rec.part_of_another(), |b| {
        SituationCommand::LinkIncident(IncidentLink {
            incident: event_id,
            register: b.register,
            record: b.record,
        })
    })
    .await
}

// ---------------------------------------------------------------------------------------------
// Armed groups

/// A designation of a group or one of its leaders.
#[derive(Debug, Serialize, ToSchema)]
pub struct DesignationView {
    /// Person designated, if not the group.
    pub person: Option<String>,
    /// Kind (`un_sanctions`, `us_fto`, …).
    pub kind: String,
    /// Who designated (ISO 3166-1 alpha-3, or UNO).
    pub authority: String,
    /// Date it took effect.
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// The instrument.
    pub reference: String,
    /// Note.
    pub note: Option<String>,
    /// Source ids.
    pub sources: Vec<Uuid>,
}

/// An armed group or coalition as profiled on the date asked, with its designations by then.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupView {
    /// The group's id.
    pub id: Uuid,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `group` or `coalition`.
    pub kind: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Coalitions it belongs to.
    pub member_of: Vec<String>,
    /// Leaders.
    pub leaders: Vec<Leader>,
    /// Gazetteer place codes where it holds influence.
    pub areas: Vec<String>,
    /// The date of the profile in force.
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// How ACLED names it.
    pub acled_actor: String,
    /// Note.
    pub note: Option<String>,
    /// Who may read the profile.
    pub classification: Classification,
    /// Source ids.
    pub sources: Vec<Uuid>,
    /// Designations in force by the date.
    pub designations: Vec<DesignationView>,
}

fn class_of(rank: i64) -> Classification {
    match rank {
        0 => Classification::Public,
        1 => Classification::Mission,
        _ => Classification::Restricted,
    }
}

/// Armed groups and coalitions as profiled on `on`, with their designations.
#[utoipa::path(get, path = "/api/v1/armed-groups", params(Clocks),
    responses((status = 200, body = Vec<GroupView>), (status = 400, body = Problem)))]
async fn list_groups(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<GroupView>>> {
    let vis = q.visibility(caller.clearance());
    let on = q.on();
    let mut c = s.store.reader(vis).await?;
    let groups = c.groups(on).await?;
    Ok(Json(
        groups
            .into_iter()
            .map(|(g, ds)| {
                Ok(GroupView {
                    id: g.id,
                    aliases: json_list(&g.aliases)?,
                    member_of: json_list(&g.member_of)?,
                    leaders: json_list(&g.leaders)?,
                    areas: json_list(&g.areas)?,
                    classification: class_of(g.class),
                    sources: json_ids(&g.sources)?,
                    code: g.code,
                    name: g.name,
                    kind: g.kind,
                    on: g.on_date,
                    acled_actor: g.acled_actor,
                    note: g.note,
                    designations: ds
                        .into_iter()
                        .map(|d| {
                            Ok(DesignationView {
                                sources: json_ids(&d.sources)?,
                                person: d.person,
                                kind: d.kind,
                                authority: d.authority,
                                on: d.on_date,
                                reference: d.reference,
                                note: d.note,
                            })
                        })
                        .collect::<ApiResult<_>>()?,
                })
            })
            .collect::<ApiResult<_>>()?,
    ))
}

/// Records a group's or coalition's profile from its date on.
#[utoipa::path(post, path = "/api/v1/armed-groups", request_body = GroupProfile, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn profile_group(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<GroupProfile>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SituationCommand::ProfileGroup).await
}

/// Records a designation of a group or one of its leaders.
#[utoipa::path(post, path = "/api/v1/armed-groups/designations", request_body = Designation, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn designate(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<Designation>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SituationCommand::Designate).await
}

// ---------------------------------------------------------------------------------------------
// Sites and routes

/// A site or route segment with its latest status on the date asked.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceStatusView {
    /// Gazetteer site or segment code.
    pub code: String,
    /// Name.
    pub name: String,
    /// The site's kind (`airport`, …) or the segment's road (`RN1`).
    pub kind: String,
    /// The latest status dated by `on`, or `unknown`.
    pub status: String,
    /// From when.
    #[schema(value_type = Option<String>, format = Date)]
    pub since: Option<Date>,
    /// The holding group's code.
    pub held_by: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Source ids.
    pub sources: Vec<Uuid>,
}

/// The status board.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteBoard {
    /// The date of the board.
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// Every gazetteer site.
    pub sites: Vec<PlaceStatusView>,
    /// Every gazetteer route segment.
    pub segments: Vec<PlaceStatusView>,
}

/// Every gazetteer site and route segment with its latest status on `on` (or `unknown`).
#[utoipa::path(get, path = "/api/v1/sites", params(Clocks),
    responses((status = 200, body = SiteBoard), (status = 400, body = Problem)))]
async fn site_board(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<SiteBoard>> {
    let vis = q.visibility(caller.clearance());
    let on = q.on();
    let mut c = s.store.reader(vis).await?;
    let rows = c.place_statuses(on).await?;
    let latest = |kind: &str, code: &str| rows.iter().rfind(|r| r.kind == kind && r.place == code);
    let view = |kind: &str, code: &str, name: &str, what: &str| -> ApiResult<_> {
        Ok(match latest(kind, code) {
            Some(r) => PlaceStatusView {
                code: code.to_string(),
                name: name.to_string(),
                kind: what.to_string(),
                status: r.status.clone(),
                since: Some(r.on_date),
                held_by: r.held_by.clone(),
                note: r.note.clone(),
                sources: json_ids(&r.sources)?,
            },
            None => PlaceStatusView {
                code: code.to_string(),
                name: name.to_string(),
                kind: what.to_string(),
                status: "unknown".into(),
                since: None,
                held_by: None,
                note: None,
                sources: Vec::new(),
            },
        })
    };
    let g = gazetteer::haiti();
    Ok(Json(SiteBoard {
        on,
        sites: g
            .sites
            .iter()
            .map(|x| view("site", &x.code, &x.name, x.kind.as_str()))
            .collect::<ApiResult<_>>()?,
        segments: g
            .segments
            .iter()
            .map(|x| view("segment", &x.code, &x.name, &x.route))
            .collect::<ApiResult<_>>()?,
    }))
}

/// Records the status of a key site from a date on.
#[utoipa::path(post, path = "/api/v1/sites/status", request_body = SiteStatusChange, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn site_status(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<SiteStatusChange>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SituationCommand::SiteStatus).await
}

/// Records the status of a route segment from a date on.
#[utoipa::path(post, path = "/api/v1/routes/status", request_body = RouteStatusChange, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn route_status(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<RouteStatusChange>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SituationCommand::RouteStatus).await
}

// ---------------------------------------------------------------------------------------------
// Indicators

/// One value of a humanitarian indicator.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObservationView {
    /// Log entry.
    pub entry_seq: i64,
    /// Indicator (`idps`, `killed`, `injured`, `kidnapped`).
    pub indicator: String,
    /// First day of the period.
    #[schema(value_type = String, format = Date)]
    pub from: Date,
    /// Last day of the period.
    #[schema(value_type = String, format = Date)]
    pub to: Date,
    /// `HTI` or a department's ISO 3166-2 code.
    pub area: String,
    /// The figure.
    pub value: i64,
    /// `exact`, `at_least` or `about`.
    pub qualifier: String,
    /// Note.
    pub note: Option<String>,
    /// Source ids.
    pub sources: Vec<Uuid>,
}

/// Indicator values whose period ended by `on`, oldest first.
#[utoipa::path(get, path = "/api/v1/indicators", params(Clocks),
    responses((status = 200, body = Vec<ObservationView>), (status = 400, body = Problem)))]
async fn list_indicators(
    State(s): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<Clocks>,
) -> ApiResult<Json<Vec<ObservationView>>> {
    let vis = q.visibility(caller.clearance());
    let on = q.on();
    let mut c = s.store.reader(vis).await?;
    let rows = c.observations(on).await?;
    Ok(Json(
        rows.into_iter()
            .map(|o| {
                Ok(ObservationView {
                    entry_seq: o.entry_seq,
                    sources: json_ids(&o.sources)?,
                    indicator: o.indicator,
                    from: o.from_date,
                    to: o.to_date,
                    area: o.area,
                    value: o.value,
                    qualifier: o.qualifier,
                    note: o.note,
                })
            })
            .collect::<ApiResult<_>>()?,
    ))
}

/// Records a value of a humanitarian indicator.
#[utoipa::path(post, path = "/api/v1/indicators", request_body = Observation, security(("bearer" = [])),
    responses((status = 201, body = Written), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn observe(
    State(s): State<AppState>,
    Allowed(u, ..): Allowed<Editor>,
    rec: Record<Observation>,
) -> ApiResult<(StatusCode, Json<Written>)> {
    write(&s, &u, rec, SituationCommand::Observe).await
}

// ---------------------------------------------------------------------------------------------
// Gazetteer

/// A department, commune or locality.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceView {
    /// Code (`HT-AR`, `HT-AR-saint-marc`).
    pub code: String,
    /// `department`, `commune` or `locality`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// The department's ISO 3166-2 code.
    pub department: String,
    /// The arrondissement (empty for a department).
    pub arrondissement: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// How the point was chosen.
    pub precision: String,
}

/// A key site.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteView {
    /// Code.
    pub code: String,
    /// Kind (`airport`, `port`, …).
    pub kind: String,
    /// Name.
    pub name: String,
    /// Commune code.
    pub commune: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// How the point was chosen.
    pub precision: String,
}

/// A route segment.
#[derive(Debug, Serialize, ToSchema)]
pub struct SegmentView {
    /// Code (`RN1-3`).
    pub code: String,
    /// Road (`RN1`).
    pub route: String,
    /// Name.
    pub name: String,
    /// Place code it starts at.
    pub from: String,
    /// Place code it ends at.
    pub to: String,
    /// Waypoints as `[lon, lat]`.
    pub points: Vec<[f64; 2]>,
}

/// The gazetteer: Haiti's places, key sites and route segments.
#[derive(Debug, Serialize, ToSchema)]
pub struct GazetteerView {
    /// Departments, communes and localities.
    pub places: Vec<PlaceView>,
    /// Key sites.
    pub sites: Vec<SiteView>,
    /// Route segments.
    pub segments: Vec<SegmentView>,
}

/// The gazetteer (public reference data).
#[utoipa::path(get, path = "/api/v1/gazetteer", responses((status = 200, body = GazetteerView)))]
async fn gazetteer_view() -> Json<GazetteerView> {
    let g = gazetteer::haiti();
    Json(GazetteerView {
        places: g
            .places
            .iter()
            .map(|p| PlaceView {
                code: p.code.clone(),
                kind: p.kind.as_str().into(),
                name: p.name.clone(),
                department: p.department.clone(),
                arrondissement: p.arrondissement.clone(),
                lat: p.lat,
                lon: p.lon,
                precision: p.precision.clone(),
            })
            .collect(),
        sites: g
            .sites
            .iter()
            .map(|x| SiteView {
                code: x.code.clone(),
                kind: x.kind.as_str().into(),
                name: x.name.clone(),
                commune: x.commune.clone(),
                lat: x.lat,
                lon: x.lon,
                precision: x.precision.clone(),
            })
            .collect(),
        segments: g
            .segments
            .iter()
            .map(|x| SegmentView {
                code: x.code.clone(),
                route: x.route.clone(),
                name: x.name.clone(),
                from: x.from.clone(),
                to: x.to.clone(),
                points: x.points.iter().map(|(lon, lat)| [*lon, *lat]).collect(),
            })
            .collect(),
    })
}
