//! The log's verification as the API and the log page show it: computed once per head and
//! extended as the log grows (only the new entries are hashed), by one request at a time —
//! the others wait for its answer instead of each walking the chain. Every
//! [`FULL_EVERY`] the whole chain is walked again, so an entry altered in place below the
//! cached head is still found. If the log ever comes back shorter, or with another hash at a
//! position already seen, that is reported: entries were removed or rewritten.
//!
//! `konbit log verify` (and `--deep`) stays the complete check, with the projections.

use crate::shared::error::ApiError;
use konbit_store::{
    Store,
    log::{Head, Verification},
};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How long a verification is extended before the whole chain is walked again.
pub const FULL_EVERY: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
struct Verified {
    result: Verification,
    /// The log's head when it was computed (the head verified, when intact).
    at: Head,
    /// When the whole chain was last walked.
    full_at: Instant,
}

/// The last verification.
#[derive(Debug, Default)]
pub struct Cache {
    last: Mutex<Option<Verified>>,
}

impl Cache {
    /// The verification of the log as it is now.
    pub async fn get(&self, store: &Store) -> Result<Verification, ApiError> {
        let mut last = self.last.lock().await;
        let now_head = store.log_head().await?;
        if let Some(v) = last.as_ref().filter(|v| v.full_at.elapsed() < FULL_EVERY) {
            if v.at == now_head {
                return Ok(v.result.clone());
            }
            if v.result.ok {
                let seen = v.at;
                // The entry at the position verified must still be there, with the same hash.
                let still = store
                    .log_entry(seen.seq)
                    .await?
                    .is_some_and(|e| e.hash == seen.hash);
                let result = if still {
                    store.verify_log_from(seen).await?
                } else {
                    Verification {
                        ok: false,
                        length: now_head.seq,
                        head: None,
                        first_bad_seq: Some(seen.seq.min(now_head.seq + 1)),
                        problem: Some(format!(
                            "entry {} is no longer the entry verified earlier (the log had {} \
                             entries, head {}): entries were removed or rewritten",
                            seen.seq,
                            seen.seq,
                            hex::encode(seen.hash)
                        )),
                    }
                };
                let full_at = v.full_at;
                *last = Some(Verified {
                    at: reached(&result, now_head),
                    result: result.clone(),
                    full_at,
                });
                return Ok(result);
            }
        }
        let result = store.verify_log().await?;
        *last = Some(Verified {
            at: reached(&result, now_head),
            result: result.clone(),
            full_at: Instant::now(),
        });
        Ok(result)
    }
}

/// The head a verification reached (entries appended while it ran included), or the head read
/// before it when it found the log broken.
fn reached(v: &Verification, before: Head) -> Head {
    let verified = v
        .head
        .as_deref()
        .and_then(|h| hex::decode(h).ok())
        .and_then(|b| <[u8; 32]>::try_from(b).ok());
    match verified {
        Some(hash) if v.ok => Head {
            seq: v.length,
            hash,
        },
        _ => before,
    }
}
