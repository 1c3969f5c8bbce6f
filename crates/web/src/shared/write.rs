//! Recording a command on behalf of the caller: the one write path of every capability's API —
//! the body as the command `make` builds it, with the sources and classification the request
//! gave, through the store's gate and writer — and what a write answers.

use crate::{shared::error::ApiError, shared::extract::Record, shared::state::AppState};
use axum::{Json, http::StatusCode};
use konbit_domain::Command;
use konbit_store::{Actor, Envelope, User};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub fn written(w: konbit_store::Submitted) -> (StatusCode, Json<Written>) {
    (
        StatusCode::CREATED,
        Json(Written {
            seq: w.seq,
            id: w.subject,
            hash: w.hash,
        }),
    )
}

/// What a write returns.
#[derive(Debug, Serialize, ToSchema)]
pub struct Written {
    /// The new log entry.
    pub seq: i64,
    /// The record's id.
    pub id: Uuid,
    /// The entry's hash (hex).
    pub hash: String,
}

/// Records `rec` as the command `make` builds from its body, on behalf of `user`.
pub async fn write<T, C>(
    s: &AppState,
    user: &User,
    rec: Record<T>,
    make: impl FnOnce(T) -> C,
) -> Result<(StatusCode, Json<Written>), ApiError>
where
    C: Into<Command>,
{
    let w = s
        .store
        .submit(
            Actor::user(user),
            Envelope::new(make(rec.body).into(), rec.sources, rec.classification),
        )
        .await?;
    Ok(written(w))
}
