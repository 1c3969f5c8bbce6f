//! The caller's desk — what needs them now — read from the store, and its count for the
//! navigation of every page: kept per user for as long as the log's head and the minute stay
//! the same (an item falls due with time as well as with new entries), so a page costs one
//! read of the log's head, not a walk of the registers.

use crate::shared::error::ApiError;
use konbit_domain::desk::{self, DeskItem, DeskRules};
use konbit_domain::registers::Rules;
use konbit_store::{Store, User, Visibility};
use std::collections::HashMap;
use tokio::sync::Mutex;
use uuid::Uuid;

/// Users whose count is kept; beyond it the cache starts again (a mission has far fewer).
const KEPT: usize = 4096;

/// The counts last computed, by user: (log head, minute, count).
#[derive(Debug, Default)]
pub struct Cache {
    counts: Mutex<HashMap<Uuid, (i64, i64, usize)>>,
}

/// The desk of `user`: every item due under `rules`, kept to those they may resolve.
pub(crate) async fn items(
    store: &Store,
    rules: Rules,
    user: &User,
) -> Result<Vec<DeskItem>, ApiError> {
    let all = store
        .desk(
            Visibility::now(user.role.clearance()),
            rules,
            DeskRules::default(),
        )
        .await?;
    Ok(desk::for_user(all, &user.access()))
}

impl Cache {
    /// How many items are on the desk of `user` now.
    pub(crate) async fn count(
        &self,
        store: &Store,
        rules: Rules,
        user: &User,
    ) -> Result<usize, ApiError> {
        let head = store.log_head().await?.seq;
        let minute = time::OffsetDateTime::now_utc().unix_timestamp() / 60;
        if let Some(&(h, m, n)) = self.counts.lock().await.get(&user.id)
            && h == head
            && m == minute
        {
            return Ok(n);
        }
        let n = items(store, rules, user).await?.len();
        let mut counts = self.counts.lock().await;
        if counts.len() >= KEPT {
            counts.clear();
        }
        counts.insert(user.id, (head, minute, n));
        Ok(n)
    }
}
