//! The stylesheet and the forms' script, compiled into the binary and served with an hour of
//! caching.

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

pub(crate) async fn css() -> Response {
    asset(
        include_str!("../../static/app.css"),
        "text/css; charset=utf-8",
    )
}

/// The page forms' conveniences (every form works without it).
pub(crate) async fn forms_js() -> Response {
    asset(
        include_str!("../../static/forms.js"),
        "text/javascript; charset=utf-8",
    )
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}
