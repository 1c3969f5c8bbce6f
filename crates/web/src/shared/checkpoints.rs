//! The last signed checkpoint, and the witnesses that must cosign each one before it is
//! published (C2SP tlog-witness): what every handler serving a checkpoint shares. The routes are
//! in `record::tlog`.

use crate::shared::error::ApiError;
use axum::http::StatusCode;
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

/// A checkpoint is served from the cache for this long before the tree's size is read again.
pub const RESIGN_AFTER: Duration = Duration::from_secs(2);

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
    /// The client that asks the witnesses, made once.
    http: std::sync::OnceLock<reqwest::Client>,
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
        let http = match self.http.get() {
            Some(c) => c.clone(),
            None => {
                let c = reqwest::Client::builder()
                    .timeout(WITNESS_TIMEOUT)
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|e| format!("no HTTP client: {e}"))?;
                self.http.get_or_init(|| c).clone()
            }
        };
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
