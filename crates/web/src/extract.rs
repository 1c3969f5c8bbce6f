//! Request parsing shared by the API: JSON bodies that reject unknown fields and name the field
//! at fault, and the two clocks (`on`, `as_of`) as query parameters.

use crate::{AppState, error::ApiError};
use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
    http::{StatusCode, header},
};
use konbit_domain::Classification;
use konbit_domain::Named;
use konbit_store::Visibility;
use serde::{Deserialize, de::DeserializeOwned};
use time::{Date, OffsetDateTime, format_description::well_known::Rfc3339};
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
        let path = e.path().to_string();
        let msg = inner.to_string();
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
    })
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
                    format!("request bodies are limited to {} bytes", crate::BODY_LIMIT),
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
            Some(s) => parse_json::<Vec<Uuid>>(s.to_string().as_bytes()).map_err(|e| {
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
        let body = parse_json(v.to_string().as_bytes())?;
        Ok(Record {
            body,
            sources,
            classification,
            classification_given,
        })
    }
}

/// The two clocks, as query parameters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Clocks {
    /// Valid time: the world on this date (ISO 8601, default today).
    #[param(format = Date)]
    pub on: Option<String>,
    /// Record time: as recorded by this instant (RFC 3339, default now).
    #[param(format = DateTime)]
    pub as_of: Option<String>,
    /// Mission slug (default: the mission in office on `on`).
    #[param(pattern = "^[a-z0-9-]{1,32}$")]
    pub mission: Option<String>,
}

impl Clocks {
    /// The `on` date, or today.
    pub fn on(&self) -> Result<Date, ApiError> {
        match &self.on {
            None => Ok(OffsetDateTime::now_utc().date()),
            Some(s) => parse_date(s).ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_query",
                    format!("on={s:?} is not an ISO 8601 date (YYYY-MM-DD)"),
                )
            }),
        }
    }

    /// The visibility for a caller's clearance.
    pub fn visibility(&self, clearance: Classification) -> Result<Visibility, ApiError> {
        let as_of_us = match &self.as_of {
            None => i64::MAX,
            Some(s) => {
                let t = OffsetDateTime::parse(s, &Rfc3339).map_err(|_| {
                    ApiError::bad_request(
                        "invalid_query",
                        format!("as_of={s:?} is not an RFC 3339 timestamp (2024-11-15T00:00:00Z)"),
                    )
                })?;
                konbit_store::micros(t)
            }
        };
        Ok(Visibility {
            as_of_us,
            clearance,
        })
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The filters of every incident list, map, timeline and export, as query parameters. One
/// parser for the API, the pages and the exports, so each gives the same answer to the same URL.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct IncidentQuery {
    /// First day (YYYY-MM-DD).
    #[param(format = Date)]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[param(format = Date)]
    pub to: Option<String>,
    /// Event types, comma-separated (`battles,violence_against_civilians`).
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<Vec<konbit_domain::acled::EventType>>, style = Form, explode = false)]
    pub types: Option<String>,
    /// Text in an actor's name (actor 1, actor 2 or an associated actor).
    #[param(max_length = 300)]
    pub actor: Option<String>,
    /// Department: ISO 3166-2 code (`HT-AR`) or name (`Artibonite`).
    #[param(pattern = "^HT-(AR|CE|GA|ND|NE|NI|NO|OU|SD|SE)$")]
    pub department: Option<String>,
    /// Bounding box `min_lon,min_lat,max_lon,max_lat`.
    #[param(pattern = "^-?[0-9]{1,3}(\\.[0-9]{1,8})?(,-?[0-9]{1,3}(\\.[0-9]{1,8})?){3}$")]
    pub bbox: Option<String>,
    /// Verification status (`reported`, `corroborated`, `confirmed`, `disputed`, `retracted`);
    /// by default every status but retracted.
    #[param(value_type = Option<konbit_domain::situation::Verification>)]
    pub status: Option<String>,
    /// Valid time: the world on this date (events up to it, statuses as assessed by then).
    #[param(format = Date)]
    pub on: Option<String>,
    /// Record time: as recorded by this instant (RFC 3339).
    #[param(format = DateTime)]
    pub as_of: Option<String>,
    /// Export format (`acled`, `hxl`, `geojson`), for the export endpoint.
    #[param(pattern = "^(acled|hxl|geojson)$")]
    pub format: Option<String>,
}

impl IncidentQuery {
    /// The store's filter and visibility for a caller's clearance; a bad parameter is a 400
    /// naming it.
    pub fn parse(
        &self,
        clearance: Classification,
    ) -> Result<(konbit_store::situation::IncidentFilter, Visibility), ApiError> {
        let bad = |name: &str, v: &str, why: &str| {
            ApiError::bad_request("invalid_query", format!("{name}={v:?} {why}"))
        };
        let date = |name: &str, v: &Option<String>| -> Result<Option<Date>, ApiError> {
            match v.as_deref() {
                None | Some("") => Ok(None),
                Some(s) => parse_date(s)
                    .map(Some)
                    .ok_or_else(|| bad(name, s, "is not an ISO 8601 date (YYYY-MM-DD)")),
            }
        };
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(a), Some(b)) = (from, to)
            && b < a
        {
            return Err(bad("to", &b.to_string(), "is before from"));
        }
        let on = date("on", &self.on)?;
        let mut types = Vec::new();
        for t in self
            .types
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            types.push(konbit_domain::acled::EventType::parse(t).ok_or_else(|| {
                bad(
                    "type",
                    t,
                    &format!(
                        "is not an ACLED event type ({})",
                        konbit_domain::acled::EventType::ALL
                            .iter()
                            .map(|x| x.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?);
        }
        let department = match self.department.as_deref() {
            None | Some("") => None,
            Some(d) => Some(
                konbit_domain::gazetteer::haiti()
                    .department(d)
                    .map(|p| p.code.clone())
                    .ok_or_else(|| bad("department", d, "is not one of Haiti's departments"))?,
            ),
        };
        let bbox = match self.bbox.as_deref() {
            None | Some("") => None,
            Some(b) => {
                let v: Vec<f64> = b
                    .split(',')
                    .map(|x| x.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| bad("bbox", b, "is not four numbers"))?;
                match v[..] {
                    [a, c, d, e] if a < d && c < e && v.iter().all(|x| x.is_finite()) => {
                        Some([a, c, d, e])
                    }
                    _ => {
                        return Err(bad(
                            "bbox",
                            b,
                            "is not min_lon,min_lat,max_lon,max_lat with min < max",
                        ));
                    }
                }
            }
        };
        let status = match self.status.as_deref() {
            None | Some("") => None,
            Some(s) => Some(s.parse().map_err(|m: String| bad("status", s, &m))?),
        };
        let actor = self
            .actor
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string);
        let vis = Clocks {
            on: None,
            as_of: self.as_of.clone(),
            mission: None,
        }
        .visibility(clearance)?;
        Ok((
            konbit_store::situation::IncidentFilter {
                from,
                to,
                types,
                actor,
                department,
                bbox,
                status,
                on,
            },
            vis,
        ))
    }

    /// The export format (default ACLED).
    pub fn format(&self) -> Result<konbit_store::situation::ExportFormat, ApiError> {
        match self.format.as_deref() {
            None | Some("") => Ok(konbit_store::situation::ExportFormat::Acled),
            Some(f) => f.parse().map_err(|m: String| {
                ApiError::bad_request("invalid_query", format!("format: {m}"))
            }),
        }
    }
}
