//! Errors at the HTTP boundary: RFC 9457 problem details for the API, an HTML page for the
//! browser. Both are built from the store's error in one place; anything unexpected is a 500,
//! logged once with its cause and never shown to the client.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use konbit_domain::{DomainError, FieldError};
use konbit_store::StoreError;
use serde::Serialize;

/// An RFC 9457 problem, with our stable `code` and, for validation, the fields at fault.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the problem type (`urn:konbit:problem:<code>`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Short, human-readable summary of the type.
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// What went wrong this time.
    pub detail: String,
    /// Stable machine-readable code.
    pub code: String,
    /// Field-level problems, for validation errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// What a handler returns: its answer, or the problem to send instead.
pub type ApiResult<T> = Result<T, ApiError>;

/// An error returned by an API handler.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    title: &'static str,
    detail: String,
    errors: Vec<FieldError>,
    retry_after: Option<u64>,
}

impl ApiError {
    /// A problem with a status, code, title and detail.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            code,
            title,
            detail: detail.into(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    /// 400: a malformed request (query string, JSON syntax).
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, "Bad request", detail)
    }

    /// 422 naming one field.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        let field = field.into();
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Validation failed",
            format!("{field}: {message}"),
        );
        e.errors.push(FieldError { field, message });
        e
    }

    /// 401.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
            "log in, or send an API token as `Authorization: Bearer <token>`",
        )
    }

    /// 403.
    pub fn forbidden(need: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Forbidden",
            format!("this needs the {need} role"),
        )
    }

    /// 404.
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Not found",
            format!("{} not found", what.into()),
        )
    }

    /// 429 after too many failed attempts (logins, status checks), with Retry-After.
    pub fn too_many(detail: impl Into<String>, retry_after: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            "Too many attempts",
            detail,
        );
        e.retry_after = Some(retry_after);
        e
    }

    /// 429 when an address asks too often, with Retry-After.
    pub fn rate_limited(detail: impl Into<String>, retry_after: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests",
            format!("{}; try again in {retry_after} seconds", detail.into()),
        );
        e.retry_after = Some(retry_after);
        e
    }

    /// Seconds to wait, for a 429.
    pub fn retry_after(&self) -> Option<u64> {
        self.retry_after
    }

    /// 500; the cause is logged here, not sent.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "the server failed; the error is in its log",
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem body.
    pub fn problem(&self) -> Problem {
        Problem {
            kind: format!("urn:konbit:problem:{}", self.code),
            title: self.title.into(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.into(),
            errors: self.errors.clone(),
        }
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(v) => {
                let detail =
                    v.0.iter()
                        .map(|f| format!("{}: {}", f.field, f.message))
                        .collect::<Vec<_>>()
                        .join("; ");
                let mut a = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    "Validation failed",
                    detail,
                );
                a.errors = v.0;
                a
            }
            DomainError::NotFound { what } => ApiError::not_found(what),
            e @ DomainError::AuthorizationMissing { .. } => {
                let DomainError::AuthorizationMissing { missing, .. } = &e else {
                    return ApiError::internal("unreachable");
                };
                let errors = missing
                    .iter()
                    .map(|m| FieldError {
                        field: "override_reason".into(),
                        message: format!("missing instrument: {m}"),
                    })
                    .collect();
                let mut a = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "authorization_missing",
                    "Required authorization missing",
                    format!("{e}; give an override_reason to record it anyway"),
                );
                a.errors = errors;
                a
            }
            DomainError::Conflict(m) => {
                ApiError::new(StatusCode::CONFLICT, "conflict", "Conflict", m)
            }
            DomainError::Forbidden(m) => {
                ApiError::new(StatusCode::FORBIDDEN, "forbidden", "Forbidden", m)
            }
            e @ DomainError::NotEligible { .. } => {
                let detail = e.to_string();
                let DomainError::NotEligible { missing } = e else {
                    return ApiError::internal("unreachable");
                };
                let mut a = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "not_eligible",
                    "Not eligible for assignment",
                    detail,
                );
                a.errors = missing
                    .into_iter()
                    .map(|m| FieldError {
                        field: "person".into(),
                        message: m,
                    })
                    .collect();
                a
            }
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            e if e.is_storage_full() => {
                tracing::error!(error = %e, "the database's disk is full");
                let mut a = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "storage_full",
                    "Storage full",
                    "the database's disk is full; nothing was written — writes resume once the \
                     operator frees space",
                );
                a.retry_after = Some(60);
                a
            }
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, cause = ?std::error::Error::source(&e), "the database is unavailable");
                let mut a = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "database_unavailable",
                    "Database unavailable",
                    "the database cannot be reached or cannot write now; nothing was written — \
                     try again shortly",
                );
                a.retry_after = Some(5);
                a
            }
            other => {
                ApiError::internal(format!("{other}: {:?}", std::error::Error::source(&other)))
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut r = (self.status, body).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(s) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_domain_error_has_its_status() {
        let s = |e: DomainError| ApiError::from(e).status();
        assert_eq!(
            s(DomainError::invalid("f", "m")),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            s(DomainError::NotFound { what: "x".into() }),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            s(DomainError::AuthorizationMissing {
                country: "JAM".into(),
                missing: vec!["national_approval".into()]
            }),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(s(DomainError::Conflict("c".into())), StatusCode::CONFLICT);
        assert_eq!(
            ApiError::from(StoreError::Internal("boom".into())).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn internal_errors_do_not_leak() {
        let p = ApiError::from(StoreError::Internal("secret path /x".into())).problem();
        assert!(!p.detail.contains("secret"));
    }
}
