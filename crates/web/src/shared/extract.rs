//! Request parsing shared by the API: JSON bodies that reject unknown fields and name the field
//! at fault, and the two clocks (`on`, `as_of`) as query parameters.

use crate::{shared::error::ApiError, shared::state::AppState};
use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
    http::{StatusCode, header},
};
use konbit_domain::{
    Classification, Named,
    clocks::{AsOf, Day, Slug},
    situation::Verification,
    situation::acled::EventType,
};
use konbit_store::Visibility;
use serde::{Deserialize, de::DeserializeOwned};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A JSON body of type `T`. Wrong content type: 415; too large: 413; bad JSON: 400; a field that
/// does not fit `T` (wrong type, unknown, missing): 422 naming the field.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

/// Parses JSON text into `T`, naming the offending field on failure.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() {
            return ApiError::bad_request(
                "malformed_json",
                format!("the body is not valid JSON: {inner}"),
            );
        }
        misfit(&e)
    })
}

/// Reads `T` from JSON already parsed, naming the offending field on failure: as
/// [`parse_json`] does, without writing the value out as text to parse it again.
pub fn from_value<T: DeserializeOwned>(v: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(v).map_err(|e| misfit(&e))
}

/// A value that does not fit its type, as a 422 naming the field.
fn misfit(e: &serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = e.path().to_string();
    let msg = e.inner().to_string();
    // The path names the offending field itself (for an unknown field too); at the top
    // level of a malformed value it is ".", so name the unknown field or the whole body.
    let field = match msg
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
    {
        Some(f) if path == "." => f.to_string(),
        None if path == "." => "body".to_string(),
        _ => path,
    };
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    ApiError::invalid_field(field, msg)
}

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported media type",
                "send the body as application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "body_too_large",
                    "Body too large",
                    format!(
                        "request bodies are limited to {} bytes",
                        crate::shared::state::BODY_LIMIT
                    ),
                )
            } else {
                ApiError::bad_request("unreadable_body", e.body_text())
            }
        })?;
        Ok(ApiJson(parse_json(&bytes)?))
    }
}

/// Query parameters of type `T`: a parameter that does not fit (unknown, wrong type, malformed)
/// is a 400 problem naming it, like every other error of the API.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| ApiQuery(q.0))
            .map_err(|e| {
                let text = e.body_text();
                let why = text
                    .strip_prefix("Failed to deserialize query string: ")
                    .unwrap_or(&text);
                ApiError::bad_request("invalid_query", format!("query parameter {why}"))
            })
    }
}

/// A path parameter of type `T`: one that does not parse (an id that is not a UUID) is a 400
/// problem naming it, like every other error of the API.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> axum::extract::FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|e| ApiError::bad_request("invalid_path", e.body_text()))
    }
}

/// A record to write: the command's own fields plus `sources` and `classification`, which every
/// POST accepts. The two are taken out before the rest is matched against `T`, so `T` can still
/// refuse unknown fields.
#[derive(Debug)]
pub struct Record<T> {
    /// The command fields.
    pub body: T,
    /// Source ids.
    pub sources: Vec<Uuid>,
    /// Classification (default `mission`: need to know unless said otherwise).
    pub classification: Classification,
    /// Whether the body said the classification (or it is the default).
    pub classification_given: bool,
}

impl<T> Record<T> {
    /// For entries that are part of another record (an incident's verification and links) and
    /// take its classification: what was asked, or the lowest when nothing was, for the store
    /// to raise to the record's own.
    pub fn part_of_another(mut self) -> Self {
        if !self.classification_given {
            self.classification = Classification::Public;
        }
        self
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for Record<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let ApiJson(mut v) = ApiJson::<serde_json::Value>::from_request(req, state).await?;
        let Some(obj) = v.as_object_mut() else {
            return Err(ApiError::invalid_field("body", "must be a JSON object"));
        };
        let sources = match obj.remove("sources") {
            None => Vec::new(),
            Some(s) => from_value::<Vec<Uuid>>(s).map_err(|e| {
                let p = e.problem();
                let f = p
                    .errors
                    .first()
                    .map(|f| f.field.clone())
                    .unwrap_or_default();
                ApiError::invalid_field(
                    format!("sources{}", f.trim_start_matches('.').replace("body", "")),
                    "must be a list of source ids (UUIDs)",
                )
            })?,
        };
        let classification_given = obj.contains_key("classification");
        let classification = match obj.remove("classification") {
            None => Classification::Mission,
            Some(c) => serde_json::from_value(c).map_err(|_| {
                ApiError::invalid_field("classification", "must be public, mission or restricted")
            })?,
        };
        let body = from_value(v)?;
        Ok(Record {
            body,
            sources,
            classification,
            classification_given,
        })
    }
}

/// The two clocks, as query parameters (each parses itself: a bad one is a 400 naming it).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Clocks {
    /// Valid time: the world on this date (ISO 8601, default today).
    pub on: Option<Day>,
    /// Record time: as recorded by this instant (RFC 3339, default now).
    pub as_of: Option<AsOf>,
    /// Mission slug (default: the mission in office on `on`).
    pub mission: Option<Slug>,
}

impl Clocks {
    /// The `on` date, or today.
    pub fn on(&self) -> Date {
        self.on
            .map_or_else(|| OffsetDateTime::now_utc().date(), |d| d.0)
    }

    /// The visibility for a caller's clearance.
    pub fn visibility(&self, clearance: Classification) -> Visibility {
        visibility(self.as_of, clearance)
    }
}

/// What a caller of `clearance` sees of the record as it stood at `as_of` (now by default).
pub fn visibility(as_of: Option<AsOf>, clearance: Classification) -> Visibility {
    Visibility {
        as_of_us: as_of.map_or(i64::MAX, |t| konbit_store::micros(t.0)),
        clearance,
    }
}

/// The filters of every incident list, map, timeline and export, as query parameters. One
/// parser for the API, the pages and the exports, so each gives the same answer to the same URL.
/// Each value parses itself; a bad one is a 400 naming it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct IncidentQuery {
    /// First day (YYYY-MM-DD). A `to` before it selects nothing.
    pub from: Option<Day>,
    /// Last day (YYYY-MM-DD).
    pub to: Option<Day>,
    /// Event types, comma-separated (`battles,violence_against_civilians`); at least one when
    /// given (leave `type` out for every type).
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<Vec<EventType>>, style = Form, explode = false, min_items = 1)]
    pub types: Option<EventTypes>,
    /// Text in an actor's name (actor 1, actor 2 or an associated actor), at most 300 characters.
    #[param(max_length = 300)]
    pub actor: Option<String>,
    /// Department: its ISO 3166-2 code (`HT-AR`) or its name (`Artibonite`).
    pub department: Option<Department>,
    /// Bounding box: two corners `lon,lat,lon,lat` (`-72.8,18.4,-72.0,19.0`), plain decimals.
    #[param(value_type = Option<String>, pattern = "^-?[0-9]{1,3}(\\.[0-9]{1,8})?(,-?[0-9]{1,3}(\\.[0-9]{1,8})?){3}$")]
    pub bbox: Option<BBox>,
    /// Verification status; by default every status but retracted.
    pub status: Option<Verification>,
    /// Valid time: the world on this date (events up to it, statuses as assessed by then).
    pub on: Option<Day>,
    /// Record time: as recorded by this instant (RFC 3339).
    pub as_of: Option<AsOf>,
    /// Export format (`acled`, `hxl` — also `csv` —, `geojson`; default `acled`), for the export.
    pub format: Option<Format>,
}

/// An export format, as a query names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Format(pub konbit_store::situation::ExportFormat);

impl TryFrom<String> for Format {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(Format)
    }
}

impl utoipa::PartialSchema for Format {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(["acled", "hxl", "csv", "geojson"]))
            .description(Some(
                "An export format: ACLED CSV, CSV with HXL hashtags, GeoJSON.",
            ))
            .into()
    }
}

impl utoipa::ToSchema for Format {}

/// Event types, comma-separated in a query (`battles,riots`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct EventTypes(pub Vec<EventType>);

impl TryFrom<String> for EventTypes {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        // An empty value names no type: refused rather than read as "every type", as the
        // document's enumeration says (the pages drop empty fields before they get here).
        if s.is_empty() {
            return Err(
                "`type` is empty: name at least one ACLED event type, or leave the parameter out"
                    .into(),
            );
        }
        s.split(',')
            .map(|t| {
                EventType::parse(t).ok_or_else(|| {
                    format!(
                        "{t:?} is not an ACLED event type ({})",
                        EventType::ALL
                            .iter()
                            .map(|x| x.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
            })
            .collect::<Result<_, _>>()
            .map(EventTypes)
    }
}

/// One of Haiti's departments, by its ISO 3166-2 code or its name as the gazetteer writes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Department(pub String);

impl TryFrom<String> for Department {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        konbit_domain::situation::gazetteer::haiti()
            .departments()
            .find(|d| d.code == s || d.name == s)
            .map(|d| Department(d.code.clone()))
            .ok_or_else(|| format!("{s:?} is not one of Haiti's departments (HT-AR … or its name)"))
    }
}

impl utoipa::PartialSchema for Department {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let departments = konbit_domain::situation::gazetteer::haiti().departments();
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(
                departments.flat_map(|d| [d.code.clone(), d.name.clone()]),
            ))
            .description(Some("A department of Haiti: ISO 3166-2 code or name."))
            .into()
    }
}

impl utoipa::ToSchema for Department {}

/// A bounding box from two corners (`lon,lat,lon,lat` in any order of the corners), each a plain
/// decimal number: what the OpenAPI pattern says, no more.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "String")]
pub struct BBox(pub [f64; 4]);

impl TryFrom<String> for BBox {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("{s:?} is not four plain decimal numbers lon,lat,lon,lat");
        let plain = |x: &str| {
            let (int, frac) = x
                .strip_prefix('-')
                .unwrap_or(x)
                .split_once('.')
                .unwrap_or((x.strip_prefix('-').unwrap_or(x), "0"));
            (1..=3).contains(&int.len())
                && (1..=8).contains(&frac.len())
                && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        };
        let parts: Vec<&str> = s.split(',').collect();
        if parts.len() != 4 || !parts.iter().all(|p| plain(p)) {
            return Err(bad());
        }
        let v: Vec<f64> = parts
            .iter()
            .map(|p| p.parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        Ok(BBox([
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ]))
    }
}

impl IncidentQuery {
    /// The store's filter and visibility for a caller's clearance.
    pub fn parse(
        &self,
        clearance: Classification,
    ) -> Result<(konbit_store::situation::IncidentFilter, Visibility), ApiError> {
        if let Some(a) = &self.actor
            && a.chars().count() > 300
        {
            return Err(ApiError::bad_request(
                "invalid_query",
                "actor: at most 300 characters",
            ));
        }
        let actor = self
            .actor
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string);
        Ok((
            konbit_store::situation::IncidentFilter {
                from: self.from.map(|d| d.0),
                to: self.to.map(|d| d.0),
                types: self.types.clone().map(|t| t.0).unwrap_or_default(),
                actor,
                department: self.department.clone().map(|d| d.0),
                bbox: self.bbox.map(|b| b.0),
                status: self.status,
                on: self.on.map(|d| d.0),
            },
            visibility(self.as_of, clearance),
        ))
    }

    /// The export format (default ACLED).
    pub fn format(&self) -> konbit_store::situation::ExportFormat {
        self.format
            .map_or(konbit_store::situation::ExportFormat::Acled, |f| f.0)
    }
}

/// The fields every recording POST accepts besides the command's own.
#[derive(Debug, utoipa::ToSchema)]
// Only describes the document: `Record` takes these fields out of the body itself, so that it
// can name a bad `sources[i]` precisely.
#[allow(dead_code)]
pub struct RecordFields {
    /// Ids of registered sources the record rests on (`POST /api/v1/sources` gives them).
    pub sources: Vec<Uuid>,
    /// Who may read the record: `public`, `mission` (the default) or `restricted`.
    pub classification: Option<konbit_domain::Classification>,
}
