//! The stylesheet, compiled into the binary and served with an hour of caching.

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

pub(crate) async fn css() -> Response {
    let mut r = include_str!("../../static/app.css").into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}
