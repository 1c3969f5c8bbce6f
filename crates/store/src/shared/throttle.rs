//! Failed attempts (logins, complaint status checks) counted per key in the database, so that a
//! restart forgets nothing and every server process on one database shares the count. What a key
//! names — a user name from one address, an address alone — is the caller's choice; this module
//! only counts, and keeps the table bounded: expired rows are dropped, and past [`MAX_ROWS`] the
//! rows that lock nothing go first, so a flood of one-off failures cannot push a real lockout out.

use crate::{Ex, Result, micros, now, on};

/// How many failures within how long lock a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures that lock the key.
    pub max_failures: i64,
    /// The window they are counted in; the key is locked until it ends.
    pub window: time::Duration,
}

/// The most rows the table keeps.
pub const MAX_ROWS: i64 = 200_000;

/// The longest key kept: callers bound what they put in a key before calling.
pub const MAX_KEY: usize = 200;

/// Seconds until `key` may try again, when it is locked under `policy`.
pub async fn locked(ex: &mut Ex<'_>, key: &str, policy: Policy) -> Result<Option<u64>> {
    let now = micros(now());
    let row: Option<(i64, i64)> = on!(ex, |c| sqlx::query_as(
        "SELECT failures, expires_us FROM throttle WHERE key = $1 AND expires_us > $2"
    )
    .bind(key)
    .bind(now)
    .fetch_optional(c)
    .await)?;
    Ok(match row {
        Some((failures, expires)) if failures >= policy.max_failures => {
            let wait = (expires - now) / 1_000_000;
            Some(u64::try_from(wait).unwrap_or(0).max(1))
        }
        _ => None,
    })
}

/// Counts a failure of `key`: a new window if the last one has ended.
pub async fn fail(ex: &mut Ex<'_>, key: &str, policy: Policy) -> Result<()> {
    if key.len() > MAX_KEY {
        return Err(crate::StoreError::Internal(format!(
            "a throttle key of {} bytes",
            key.len()
        )));
    }
    let now = micros(now());
    let until = now + i64::try_from(policy.window.whole_microseconds()).unwrap_or(i64::MAX);
    let failures: i64 = on!(ex, |c| sqlx::query_scalar(
        "INSERT INTO throttle (key, failures, window_us, expires_us) VALUES ($1, 1, $2, $3) \
         ON CONFLICT (key) DO UPDATE SET \
           failures = CASE WHEN throttle.expires_us > $2 THEN throttle.failures + 1 ELSE 1 END, \
           window_us = CASE WHEN throttle.expires_us > $2 THEN throttle.window_us ELSE $2 END, \
           expires_us = CASE WHEN throttle.expires_us > $2 THEN throttle.expires_us ELSE $3 END \
         RETURNING failures"
    )
    .bind(key)
    .bind(now)
    .bind(until)
    .fetch_one(c)
    .await)?;
    // A new window may be a new row: that is when the table can grow.
    if failures == 1 {
        prune(ex).await?;
    }
    Ok(())
}

/// Forgets `key` (after a success).
pub async fn clear(ex: &mut Ex<'_>, key: &str) -> Result<()> {
    on!(ex, |c| sqlx::query("DELETE FROM throttle WHERE key = $1")
        .bind(key)
        .execute(c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// Drops expired rows, then, past [`MAX_ROWS`], the rows with the fewest failures (those that
/// lock nothing) and the oldest among them.
pub async fn prune(ex: &mut Ex<'_>) -> Result<()> {
    let now = micros(now());
    on!(ex, |c| sqlx::query(
        "DELETE FROM throttle WHERE expires_us <= $1"
    )
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    let rows: i64 = on!(ex, |c| sqlx::query_scalar("SELECT COUNT(*) FROM throttle")
        .fetch_one(c)
        .await)?;
    let excess = rows - MAX_ROWS;
    if excess > 0 {
        on!(ex, |c| sqlx::query(
            "DELETE FROM throttle WHERE key IN \
             (SELECT key FROM throttle ORDER BY failures, window_us LIMIT $1)"
        )
        .bind(excess)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// The number of keys counted (for tests and the operator).
pub async fn len(ex: &mut Ex<'_>) -> Result<i64> {
    Ok(on!(ex, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM throttle"
    )
    .fetch_one(c)
    .await)?)
}

impl crate::Store {
    /// Seconds until `key` may try again under `policy`, if it must wait.
    pub async fn throttle_locked(&self, key: &str, policy: Policy) -> Result<Option<u64>> {
        locked(&mut self.conn().await?.ex(), key, policy).await
    }

    /// Counts a failure of `key`.
    pub async fn throttle_fail(&self, key: &str, policy: Policy) -> Result<()> {
        fail(&mut self.conn().await?.ex(), key, policy).await
    }

    /// Forgets the failures of `key` (after a success).
    pub async fn throttle_clear(&self, key: &str) -> Result<()> {
        clear(&mut self.conn().await?.ex(), key).await
    }
}
