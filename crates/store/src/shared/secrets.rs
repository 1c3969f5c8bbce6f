//! Random keys the server makes for itself and keeps in the database, so that every server
//! process on one database uses the same ones (a CSRF token made by one is accepted by another)
//! and a restart does not invalidate the forms open in browsers.

use crate::{Ex, Result, StoreError, on};

/// The key named `name`, made (32 random bytes) the first time it is asked for. Two processes
/// asking at once get the same key: the first insert wins and both read it back.
pub async fn get_or_create(ex: &mut Ex<'_>, name: &str) -> Result<Vec<u8>> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(StoreError::internal)?;
    on!(ex, |c| sqlx::query(
        "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"
    )
    .bind(name)
    .bind(fresh.as_slice())
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(on!(ex, |c| sqlx::query_scalar::<_, Vec<u8>>(
        "SELECT value FROM secrets WHERE name = $1"
    )
    .bind(name)
    .fetch_one(c)
    .await)?)
}

impl crate::Store {
    /// The server secret `name`, made on first use and the same for every process sharing the
    /// database.
    pub async fn secret(&self, name: &str) -> Result<Vec<u8>> {
        get_or_create(&mut self.conn().await?.ex(), name).await
    }
}
