//! A consistent copy of the database while it serves and writes: SQLite's `VACUUM INTO` reads
//! one snapshot (a read transaction, so writers go on) and writes it whole to a new file.
//! PostgreSQL has its own tools for this (`pg_dump`), which the error names.

use crate::{Pool, Result, StoreError};
use std::path::Path;

/// What to tell an operator of PostgreSQL who asks for a backup.
pub const PG_BACKUP: &str = "on PostgreSQL, back up with the server's own tools: `pg_dump \
    --format=custom --file=konbit.dump DBNAME` while Konbit runs (one consistent snapshot), and \
    restore with `pg_restore --dbname=NEWDB konbit.dump` into an empty database; then run \
    `konbit log verify` on it";

impl crate::Store {
    /// Writes a consistent copy of the SQLite database to `out`, which must not exist yet.
    pub async fn backup_to(&self, out: &Path) -> Result<()> {
        if out.exists() {
            return Err(StoreError::Internal(format!(
                "{} exists; a backup is written only to a new file",
                out.display()
            )));
        }
        let target = out
            .to_str()
            .ok_or_else(|| StoreError::Internal("the backup's path is not UTF-8".into()))?;
        match &self.pool {
            Pool::Sqlite(p) => {
                sqlx::query("VACUUM INTO $1")
                    .bind(target)
                    .execute(p)
                    .await?;
                Ok(())
            }
            Pool::Pg(_) => Err(StoreError::Internal(PG_BACKUP.to_string())),
        }
    }
}
