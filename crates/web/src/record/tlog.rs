//! The log as outsiders check it: the signed checkpoint (cached, signed again only when the
//! tree has grown and at most every [`RESIGN_AFTER`]), and the tree published as C2SP
//! tlog-tiles under `/tlog/` — immutable files a CDN or a plain web server can mirror, read
//! with off-the-shelf tlog tooling. The proofs' JSON API is in [`super::api`].

use crate::shared::{error::ApiError, state::AppState};
use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use base64::{Engine, prelude::BASE64_STANDARD};
use konbit_store::{
    Store,
    checkpoint::{Cosigner, LogKey},
};
use std::{
    collections::HashMap,
    time::{Duration, Instant},
};
use tokio::sync::Mutex;

/// A witness whose cosignature every published checkpoint must carry (C2SP tlog-witness).
#[derive(Debug, Clone)]
pub struct Witness {
    /// Its address (`http://host:port`); requests go to `{url}/add-checkpoint`.
    pub url: String,
    /// Its cosignature verifier key.
    pub cosigner: Cosigner,
}

impl Witness {
    /// Reads `URL=VKEY` (a witness's address and its cosignature verifier key).
    pub fn parse(s: &str) -> Result<Witness, String> {
        let (url, vkey) = s
            .split_once('=')
            .ok_or("a witness is URL=VKEY (its address and its verifier key)")?;
        let host = url
            .strip_prefix("http://")
            .or_else(|| url.strip_prefix("https://"))
            .map(|rest| rest.split('/').next().unwrap_or_default())
            .unwrap_or_default();
        if host.is_empty() {
            return Err(format!("{url:?} is not an http(s) address with a host"));
        }
        Ok(Witness {
            url: url.trim_end_matches('/').to_string(),
            cosigner: Cosigner::new(vkey)?,
        })
    }
}

/// How long a witness has to answer.
const WITNESS_TIMEOUT: Duration = Duration::from_secs(5);

/// The longest answer read from a witness.
const MAX_WITNESS_ANSWER: usize = 4096;

/// A checkpoint is served from the cache for this long before the tree's size is read again.
pub const RESIGN_AFTER: Duration = Duration::from_secs(2);

#[derive(Debug, Clone)]
struct Signed {
    size: u64,
    note: String,
    at: Instant,
}

/// The last published checkpoint, and what each witness last cosigned.
#[derive(Debug, Default)]
pub struct Checkpoints {
    last: Mutex<Option<Signed>>,
    /// Per witness address: the size of the last checkpoint it cosigned for us.
    cosigned: Mutex<HashMap<String, u64>>,
    /// When cosigning last failed: not tried again for [`RESIGN_AFTER`].
    failed_at: Mutex<Option<Instant>>,
}

impl Checkpoints {
    /// The latest published checkpoint and its tree size: signed by `key` and cosigned by
    /// every one of `witnesses`. While they have not cosigned a newer one, the last one they
    /// did is served.
    pub async fn latest(
        &self,
        store: &Store,
        key: &LogKey,
        witnesses: &[Witness],
    ) -> Result<(u64, String), ApiError> {
        let mut last = self.last.lock().await;
        if let Some(s) = last.as_ref().filter(|s| s.at.elapsed() < RESIGN_AFTER) {
            return Ok((s.size, s.note.clone()));
        }
        let size = store.tree_size().await?;
        if let Some(s) = last.as_mut().filter(|s| s.size == size) {
            s.at = Instant::now();
            return Ok((s.size, s.note.clone()));
        }
        let root = store.tree_root(size).await?;
        let mut note = key.sign(size, &root)?;
        if !witnesses.is_empty() {
            let recent_failure = self
                .failed_at
                .lock()
                .await
                .is_some_and(|t| t.elapsed() < RESIGN_AFTER);
            let cosigned = if recent_failure {
                Err("cosigning failed a moment ago".to_string())
            } else {
                self.cosign(store, &note, size, witnesses).await
            };
            match cosigned {
                Ok(lines) => note.push_str(&lines),
                Err(why) => {
                    *self.failed_at.lock().await = Some(Instant::now());
                    if !recent_failure {
                        tracing::warn!(reason = %why, size, "checkpoint: not cosigned; the last cosigned one is served");
                    }
                    return match last.as_mut() {
                        Some(s) => {
                            s.at = Instant::now();
                            Ok((s.size, s.note.clone()))
                        }
                        None => Err(ApiError::new(
                            StatusCode::SERVICE_UNAVAILABLE,
                            "not_cosigned",
                            "Checkpoint not cosigned",
                            format!("the witnesses have not cosigned a checkpoint yet: {why}"),
                        )),
                    };
                }
            }
        }
        *last = Some(Signed {
            size,
            note: note.clone(),
            at: Instant::now(),
        });
        Ok((size, note))
    }
}

impl Checkpoints {
    /// Asks every witness to cosign `note` (a checkpoint of `size` entries); their verified
    /// cosignature lines, or why one of them did not cosign.
    async fn cosign(
        &self,
        store: &Store,
        note: &str,
        size: u64,
        witnesses: &[Witness],
    ) -> Result<String, String> {
        let text = note.split_once("\n\n").map_or(note, |(t, _)| t);
        let text = format!("{text}\n");
        let http = reqwest::Client::builder()
            .timeout(WITNESS_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("no HTTP client: {e}"))?;
        let mut lines = String::new();
        for w in witnesses {
            let mut old = self.cosigned.lock().await.get(&w.url).copied().unwrap_or(0);
            let mut answer = None;
            // Once more if the witness says it holds another size than we thought.
            for _ in 0..2 {
                let proof = if 0 < old && old < size {
                    store
                        .consistency_proof(old, size)
                        .await
                        .map_err(|e| format!("no consistency proof: {e}"))?
                } else {
                    Vec::new()
                };
                let mut body = format!("old {old}\n");
                for h in &proof {
                    body.push_str(&BASE64_STANDARD.encode(h));
                    body.push('\n');
                }
                body.push('\n');
                body.push_str(note);
                let r = http
                    .post(format!("{}/add-checkpoint", w.url))
                    .body(body)
                    .send()
                    .await
                    .map_err(|e| format!("witness {} unreachable: {e}", w.url))?;
                let status = r.status();
                let bytes = r
                    .bytes()
                    .await
                    .map_err(|e| format!("witness {}: {e}", w.url))?;
                let said = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_WITNESS_ANSWER)])
                    .into_owned();
                if status == reqwest::StatusCode::CONFLICT
                    && let Ok(theirs) = said.trim().parse::<u64>()
                    && theirs != old
                {
                    old = theirs;
                    continue;
                }
                if !status.is_success() {
                    return Err(format!(
                        "witness {} refused ({status}): {}",
                        w.url,
                        said.trim()
                    ));
                }
                answer = Some(said);
                break;
            }
            let said = answer.ok_or_else(|| format!("witness {} keeps another size", w.url))?;
            w.cosigner
                .cosigned(&text, &said)
                .ok_or_else(|| format!("witness {} answered without a valid cosignature", w.url))?;
            let line = said
                .lines()
                .find(|l| l.starts_with(&format!("— {} ", w.cosigner.name())))
                .unwrap_or_default();
            lines.push_str(line);
            lines.push('\n');
            self.cosigned.lock().await.insert(w.url.clone(), size);
        }
        Ok(lines)
    }
}

/// The server's log key, or the problem of a server run without one.
pub fn key(s: &AppState) -> Result<&LogKey, ApiError> {
    s.config.log_key.as_ref().ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "no_log_key",
            "No checkpoints",
            "this server was started without a log key and signs no checkpoints",
        )
    })
}

/// The latest checkpoint as a `text/plain` response.
pub async fn checkpoint_response(s: &AppState) -> Result<Response, ApiError> {
    let (_, note) = s
        .checkpoints
        .latest(&s.store, key(s)?, &s.config.witnesses)
        .await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        note,
    )
        .into_response())
}

/// The tlog-tiles routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tlog/checkpoint", get(tlog_checkpoint))
        .route("/tlog/tile/{*path}", get(tile))
}

async fn tlog_checkpoint(State(s): State<AppState>) -> Result<Response, ApiError> {
    checkpoint_response(&s).await
}

/// Which file of the tile tree a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TilePath {
    /// Tile level (`None`: an entry bundle).
    pub level: Option<u32>,
    /// Index of the tile in its level.
    pub index: u64,
    /// Hashes or entries in it: 256 for a full tile, fewer for a partial one (`.p/W`).
    pub width: u64,
}

/// Parses the part of a tile path after `tile/`: `L/N[.p/W]` or `entries/N[.p/W]`, with `N`
/// in groups of three digits, all but the last prefixed with `x` (C2SP tlog-tiles).
pub fn parse_tile_path(path: &str) -> Result<TilePath, String> {
    if path.len() > 64 {
        return Err("the tile path is too long".into());
    }
    let (path, width) = match path.split_once(".p/") {
        Some((p, w)) => {
            let w: u64 = digits(w)
                .filter(|w| (1..256).contains(w))
                .ok_or_else(|| format!("{w:?} is not a partial tile width (1 to 255)"))?;
            (p, w)
        }
        None => (path, 256),
    };
    let (level, rest) = path
        .split_once('/')
        .ok_or("a tile path is LEVEL/N or entries/N")?;
    let level = match level {
        "entries" => None,
        l => Some(
            digits(l)
                .and_then(|l| u32::try_from(l).ok())
                .filter(|l| *l < 8)
                .ok_or_else(|| format!("{l:?} is not a tile level (0 to 7)"))?,
        ),
    };
    let groups: Vec<&str> = rest.split('/').collect();
    // One name per tile: a leading group of zeros (`x000/003`) would be a second name of `003`.
    if groups.len() > 1 && groups[0] == "x000" {
        return Err("a tile index has no leading x000 group".into());
    }
    let mut index: u64 = 0;
    for (i, g) in groups.iter().enumerate() {
        let last = i + 1 == groups.len();
        let d = if last { Some(*g) } else { g.strip_prefix('x') };
        let n = d
            .filter(|d| d.len() == 3 && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u64>().ok())
            .ok_or_else(|| format!("{g:?} is not a group of a tile index (xNNN/…/NNN)"))?;
        index = index
            .checked_mul(1000)
            .and_then(|x| x.checked_add(n))
            .ok_or("the tile index is too large")?;
    }
    Ok(TilePath {
        level,
        index,
        width,
    })
}

/// Decimal digits without a sign or leading zeros.
fn digits(s: &str) -> Option<u64> {
    let ok =
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    ok.then(|| s.parse().ok()).flatten()
}

async fn tile(State(s): State<AppState>, Path(path): Path<String>) -> Result<Response, ApiError> {
    let t = parse_tile_path(&path).map_err(|m| ApiError::bad_request("invalid_tile_path", m))?;
    let data = match t.level {
        Some(level) => s.store.tree_tile(level, t.index, t.width).await?,
        None => s.store.tree_entries(t.index, t.width).await?,
    };
    let data = data.ok_or_else(|| {
        ApiError::not_found(format!("tile {path} (the tree does not hold it yet)"))
    })?;
    // A node of the tree never changes once stored, so neither does any tile, partial or full.
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        data,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_witness_is_an_address_with_a_host_and_a_cosignature_key() {
        let key = konbit_store::checkpoint::WitnessKey::generate("w.example/1").expect("key");
        let vkey = key.verifier_key();
        let w = Witness::parse(&format!("http://127.0.0.1:9090/={vkey}")).expect("a witness");
        assert_eq!(w.url, "http://127.0.0.1:9090");
        for bad in [
            format!("http://={vkey}"),
            format!("http:///={vkey}"),
            format!("ftp://host={vkey}"),
            "http://host=nonsense".to_string(),
            "http://host".to_string(),
        ] {
            assert!(Witness::parse(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tile_paths_parse_as_c2sp_writes_them() {
        let t = |level, index, width| TilePath {
            level,
            index,
            width,
        };
        assert_eq!(parse_tile_path("0/000"), Ok(t(Some(0), 0, 256)));
        assert_eq!(parse_tile_path("1/x001/234"), Ok(t(Some(1), 1234, 256)));
        assert_eq!(
            parse_tile_path("entries/x001/x234/067.p/8"),
            Ok(t(None, 1_234_067, 8))
        );
        for bad in [
            "0/0",
            "0/1234",
            "0/001/234",
            "8/000",
            "01/000",
            "0/000.p/0",
            "0/000.p/256",
            "0/000.p/08",
            "entries",
            "0/x000",
            "0/x000/003.p/10",
            "-1/000",
            "0/x999/x999/x999/x999/x999/x999/x999/999",
        ] {
            assert!(parse_tile_path(bad).is_err(), "{bad} was accepted");
        }
    }
}
