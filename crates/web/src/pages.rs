//! placeholder
use crate::AppState;
/// Pages.
pub fn router() -> axum::Router<AppState> { axum::Router::new() }
