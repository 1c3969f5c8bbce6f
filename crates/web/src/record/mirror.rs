//! What `konbit mirror` serves: its status page (`/mirror`, and `/mirror.json` for machines) —
//! the log it follows, what it holds, when it last checked, and the alarm if the log ever
//! showed a history that does not extend what it showed before — and, as a witness, the C2SP
//! tlog-witness `POST /add-checkpoint`: it cosigns a checkpoint of the log it follows only when a
//! consistency proof shows it extends the last one it cosigned.

use askama::Template;
use axum::{
    Json, Router,
    body::Bytes,
    extract::{DefaultBodyLimit, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::{get, post},
};
use base64::{Engine, prelude::BASE64_STANDARD};
use konbit_present::i18n::Tr;
use konbit_store::{
    Store,
    checkpoint::{self, WitnessKey},
    mirror::Held,
    tree,
};
use serde::Serialize;
use std::sync::{Arc, RwLock};
use tokio::sync::Mutex;

/// What the mirror knows, as its page shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    /// The followed instance's address.
    pub source: String,
    /// The followed log's name.
    pub origin: String,
    /// Entries held.
    pub entries: u64,
    /// The latest checkpoint checked: its size and root (hex).
    pub checkpoint_size: Option<u64>,
    /// Its root, hex.
    pub checkpoint_root: Option<String>,
    /// When the source was last checked (RFC 3339).
    pub checked_at: Option<String>,
    /// The last failure to reach or read the source (not an alarm: it is tried again).
    pub last_error: Option<String>,
    /// The split view seen, if any: the mirror has stopped following.
    pub alarm: Option<String>,
    /// The checkpoint held when the alarm was raised.
    pub alarm_held: Option<String>,
    /// What the source showed instead.
    pub alarm_shown: Option<String>,
    /// The witness's verifier key, when the mirror cosigns.
    pub witness_key: Option<String>,
}

/// The mirror's shared state: its status, its store, and the witness.
#[derive(Clone)]
pub struct MirrorApp {
    /// The status, updated by the follower.
    pub status: Arc<RwLock<Status>>,
    /// The mirror's database.
    pub store: Store,
    /// The followed log's verifier key.
    pub log_key: String,
    /// The witness key (none: the mirror does not cosign).
    pub witness: Option<Arc<WitnessKey>>,
    /// One cosignature at a time, so the last cosigned checkpoint only ever moves forward.
    pub cosigning: Arc<Mutex<()>>,
}

/// Serves the mirror's routes on `listener` until the task is stopped.
pub async fn serve(listener: tokio::net::TcpListener, app: MirrorApp) -> std::io::Result<()> {
    axum::serve(listener, router(app)).await
}

/// The mirror's routes.
pub fn router(app: MirrorApp) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { axum::response::Redirect::to("/mirror") }),
        )
        .route("/mirror", get(page))
        .route("/mirror.json", get(json))
        .route("/add-checkpoint", post(add_checkpoint))
        .route("/static/app.css", get(crate::shared::assets::css))
        .layer(DefaultBodyLimit::max(MAX_ADD_CHECKPOINT))
        .with_state(app)
}

#[derive(Template)]
#[template(path = "mirror.html")]
struct Page<'a> {
    tr: &'a Tr,
    s: &'a Status,
    entries: String,
    size: Option<String>,
}

async fn page(State(app): State<MirrorApp>, headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let tr = Tr::negotiate(accept);
    let s = app.status.read().map(|s| s.clone()).unwrap_or_default();
    let code = if s.alarm.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let num = |n: u64| tr.num(i64::try_from(n).unwrap_or(i64::MAX));
    let page = Page {
        tr: &tr,
        s: &s,
        entries: num(s.entries),
        size: s.checkpoint_size.map(num),
    };
    match page.render() {
        Ok(html) => (code, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "mirror: the page did not render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn json(State(app): State<MirrorApp>) -> Response {
    let s = app.status.read().map(|s| s.clone()).unwrap_or_default();
    let code = if s.alarm.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    (code, Json(s)).into_response()
}

/// The largest add-checkpoint request read: a checkpoint and a consistency proof of at most 65
/// hashes fit in well under 8 KiB.
pub const MAX_ADD_CHECKPOINT: usize = 16 * 1024;

fn plain(code: StatusCode, kind: &'static str, body: String) -> Response {
    (
        code,
        [(header::CONTENT_TYPE, HeaderValue::from_static(kind))],
        body,
    )
        .into_response()
}

fn refuse(code: StatusCode, why: impl Into<String>) -> Response {
    plain(
        code,
        "text/plain; charset=utf-8",
        format!("{}\n", why.into()),
    )
}

/// An add-checkpoint request: `old N`, the proof's hashes in base64 one per line, a blank
/// line, then the signed checkpoint.
pub struct AddCheckpoint {
    /// The size of the checkpoint the proof starts from.
    pub old: u64,
    /// The consistency proof.
    pub proof: Vec<tree::Hash>,
    /// The signed checkpoint.
    pub note: String,
}

/// The longest consistency proof of trees of up to 2^64 − 1 leaves: ⌈log2 n⌉ + 1.
const MAX_PROOF: usize = 65;

/// Parses an add-checkpoint request body (C2SP tlog-witness).
pub fn parse_add_checkpoint(body: &[u8]) -> Result<AddCheckpoint, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the request is not UTF-8".to_string())?;
    let (head, note) = text
        .split_once("\n\n")
        .ok_or("the request needs `old N`, the proof, a blank line and the checkpoint")?;
    let mut lines = head.split('\n');
    let old = lines
        .next()
        .and_then(|l| l.strip_prefix("old "))
        .and_then(checkpoint::decimal)
        .ok_or("the first line must be `old N`")?;
    let proof = lines
        .map(|l| {
            BASE64_STANDARD
                .decode(l)
                .ok()
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| format!("{l:?} is not a base64 SHA-256 hash"))
        })
        .collect::<Result<Vec<tree::Hash>, String>>()?;
    if proof.len() > MAX_PROOF {
        return Err(format!(
            "a consistency proof has at most {MAX_PROOF} hashes"
        ));
    }
    Ok(AddCheckpoint {
        old,
        proof,
        note: note.to_string(),
    })
}

async fn add_checkpoint(State(app): State<MirrorApp>, body: Bytes) -> Response {
    let Some(witness) = app.witness.clone() else {
        return refuse(StatusCode::NOT_FOUND, "this mirror is not a witness");
    };
    let req = match parse_add_checkpoint(&body) {
        Ok(r) => r,
        Err(why) => return refuse(StatusCode::BAD_REQUEST, why),
    };
    let c = match checkpoint::open_note(req.note.as_bytes(), &app.log_key) {
        Ok(c) => c,
        Err(why) => return refuse(StatusCode::FORBIDDEN, why),
    };
    let _one = app.cosigning.lock().await;
    if app.status.read().map(|s| s.alarm.is_some()).unwrap_or(true) {
        return refuse(
            StatusCode::CONFLICT,
            "this witness saw the log show a history that does not extend an earlier one, and \
             cosigns nothing more",
        );
    }
    let held = match app.store.witness_cosigned(&c.origin).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "witness: cannot read what it cosigned");
            return refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "the witness's database failed",
            );
        }
    };
    let (old_size, old_root) = held.as_ref().map_or((0, None), |h| (h.size, Some(h.root)));
    if req.old != old_size {
        return plain(
            StatusCode::CONFLICT,
            "text/x.tlog.size",
            format!("{old_size}\n"),
        );
    }
    if c.size < old_size {
        return refuse(
            StatusCode::BAD_REQUEST,
            format!("the checkpoint is smaller than the {old_size} entries already cosigned"),
        );
    }
    let consistent = match old_root {
        None => req.proof.is_empty(),
        Some(root) => tree::verify_consistency(old_size, c.size, &root, &c.root, &req.proof),
    };
    if !consistent {
        tracing::error!(origin = %c.origin, old = old_size, new = c.size,
            "witness: a checkpoint that does not extend the one cosigned before");
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "the proof does not show that this checkpoint extends the one of {old_size} \
                 entries cosigned before"
            ),
        );
    }
    let now = time::OffsetDateTime::now_utc();
    let new = Held {
        size: c.size,
        root: c.root,
        note: req.note.clone(),
        seen_us: konbit_store::micros(now),
    };
    if let Err(e) = app.store.set_witness_cosigned(&c.origin, &new).await {
        tracing::error!(error = %e, "witness: cannot record what it cosigned");
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "the witness's database failed",
        );
    }
    let time = u64::try_from(now.unix_timestamp()).unwrap_or(0);
    plain(
        StatusCode::OK,
        "text/plain; charset=utf-8",
        witness.cosign(&c.text, time),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_checkpoint_requests_parse_strictly() {
        let h = BASE64_STANDARD.encode([7u8; 32]);
        let r = parse_add_checkpoint(format!("old 5\n{h}\n{h}\n\nnote\n").as_bytes())
            .expect("a request");
        assert_eq!((r.old, r.proof.len(), r.note.as_str()), (5, 2, "note\n"));
        let r = parse_add_checkpoint(b"old 0\n\nnote\n").expect("a first request");
        assert!(r.proof.is_empty());
        let many = format!("old 1\n{}\nnote\n", format!("{h}\n").repeat(66));
        for bad in [
            "old +5\n\nnote\n".to_string(),
            "old 05\n\nnote\n".to_string(),
            "old -1\n\nnote\n".to_string(),
            "new 5\n\nnote\n".to_string(),
            "old 5\nnot base64\n\nnote\n".to_string(),
            "old 5 no blank line".to_string(),
            many,
        ] {
            assert!(parse_add_checkpoint(bad.as_bytes()).is_err(), "{bad:?}");
        }
    }
}
