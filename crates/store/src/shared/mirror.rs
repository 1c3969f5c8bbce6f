//! What `konbit mirror` keeps of another instance's log: every entry as served, every
//! checkpoint it checked, the alarm it raised if the log ever showed a history that does not
//! extend what it showed before, and — as a witness — the last checkpoint it cosigned per log.
//! These tables are the mirror's own; the mirrored log's content is not projected.

use crate::{Ex, Result, StoreError, on, tree::Hash};

/// One entry of the followed log, as stored by the mirror.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MirroredEntry {
    /// Position.
    pub seq: i64,
    /// Classification.
    pub classification: String,
    /// Content digest.
    pub digest: Hash,
    /// Previous chain hash.
    pub prev_hash: Hash,
    /// Chain hash.
    pub hash: Hash,
    /// The entry's JSON as served.
    pub entry: String,
}

/// A checkpoint the mirror holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// Tree size.
    pub size: u64,
    /// Root.
    pub root: Hash,
    /// The signed note.
    pub note: String,
    /// When the mirror checked it (µs since 1970).
    pub seen_us: i64,
}

/// A split view the mirror saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alarm {
    /// When (µs since 1970).
    pub raised_us: i64,
    /// What is wrong.
    pub problem: String,
    /// The checkpoint the mirror held.
    pub held_note: String,
    /// The checkpoint (or data) shown that does not extend it.
    pub shown_note: String,
}

fn hash(b: Vec<u8>) -> Result<Hash> {
    b.try_into()
        .map_err(|_| StoreError::Internal("a mirrored hash is not 32 bytes".into()))
}

fn size(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The latest checkpoint held.
pub async fn latest(ex: &mut Ex<'_>) -> Result<Option<Held>> {
    let row: Option<(i64, Vec<u8>, String, i64)> = on!(ex, |c| sqlx::query_as(
        "SELECT size, root, note, seen_us FROM mirror_checkpoints ORDER BY size DESC LIMIT 1"
    )
    .fetch_optional(c)
    .await)?;
    row.map(held).transpose()
}

/// A stored checkpoint row (size, root, note, time) as a [`Held`].
fn held((s, r, note, seen_us): (i64, Vec<u8>, String, i64)) -> Result<Held> {
    Ok(Held {
        size: size(s),
        root: hash(r)?,
        note,
        seen_us,
    })
}

/// Number of entries held, and the last one's chain hash.
pub async fn head(ex: &mut Ex<'_>) -> Result<(u64, Hash)> {
    let row: Option<(i64, Vec<u8>)> = on!(ex, |c| sqlx::query_as(
        "SELECT seq, hash FROM mirror_entries ORDER BY seq DESC LIMIT 1"
    )
    .fetch_optional(c)
    .await)?;
    match row {
        None => Ok((0, [0; 32])),
        Some((seq, h)) => Ok((size(seq), hash(h)?)),
    }
}

/// The chain hashes of the entries held after `after`, at most `limit`, in order.
pub async fn hashes_after(ex: &mut Ex<'_>, after: u64, limit: i64) -> Result<Vec<Hash>> {
    let rows: Vec<Vec<u8>> = on!(ex, |c| sqlx::query_scalar(
        "SELECT hash FROM mirror_entries WHERE seq > $1 ORDER BY seq LIMIT $2"
    )
    .bind(signed(after))
    .bind(limit)
    .fetch_all(c)
    .await)?;
    rows.into_iter().map(hash).collect()
}

/// Stores checked entries and, after them, the checkpoint they reach.
pub async fn keep(
    ex: &mut Ex<'_>,
    entries: &[MirroredEntry],
    checkpoint: Option<&Held>,
) -> Result<()> {
    for part in entries.chunks(500) {
        let sql = crate::values_sql(
            ex.is_sqlite(),
            "INSERT INTO mirror_entries (seq, classification, digest, prev_hash, hash, entry) \
             VALUES ",
            6,
            part.len(),
        );
        on!(ex, |c| {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
            for e in part {
                q = q
                    .bind(e.seq)
                    .bind(&e.classification)
                    .bind(e.digest.as_slice())
                    .bind(e.prev_hash.as_slice())
                    .bind(e.hash.as_slice())
                    .bind(&e.entry);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    if let Some(h) = checkpoint {
        on!(ex, |c| sqlx::query(
            "INSERT INTO mirror_checkpoints (size, root, note, seen_us) VALUES ($1, $2, $3, $4)"
        )
        .bind(signed(h.size))
        .bind(h.root.as_slice())
        .bind(&h.note)
        .bind(h.seen_us)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Records a split view.
pub async fn raise(ex: &mut Ex<'_>, a: &Alarm) -> Result<()> {
    on!(ex, |c| sqlx::query(
        "INSERT INTO mirror_alarms (raised_us, problem, held_note, shown_note) \
         VALUES ($1, $2, $3, $4)"
    )
    .bind(a.raised_us)
    .bind(&a.problem)
    .bind(&a.held_note)
    .bind(&a.shown_note)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The first alarm raised, if any.
pub async fn alarm(ex: &mut Ex<'_>) -> Result<Option<Alarm>> {
    let row: Option<(i64, String, String, String)> = on!(ex, |c| sqlx::query_as(
        "SELECT raised_us, problem, held_note, shown_note FROM mirror_alarms \
         ORDER BY raised_us LIMIT 1"
    )
    .fetch_optional(c)
    .await)?;
    Ok(
        row.map(|(raised_us, problem, held_note, shown_note)| Alarm {
            raised_us,
            problem,
            held_note,
            shown_note,
        }),
    )
}

/// What the witness last cosigned for `origin`.
pub async fn cosigned(ex: &mut Ex<'_>, origin: &str) -> Result<Option<Held>> {
    let row: Option<(i64, Vec<u8>, String, i64)> = on!(ex, |c| sqlx::query_as(
        "SELECT size, root, note, cosigned_us FROM witness_state WHERE origin = $1"
    )
    .bind(origin)
    .fetch_optional(c)
    .await)?;
    row.map(held).transpose()
}

/// Records what the witness cosigned for `origin` (replacing what it had).
pub async fn set_cosigned(ex: &mut Ex<'_>, origin: &str, h: &Held) -> Result<()> {
    on!(ex, |c| sqlx::query(
        "INSERT INTO witness_state (origin, size, root, note, cosigned_us) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root = excluded.root, \
         note = excluded.note, cosigned_us = excluded.cosigned_us"
    )
    .bind(origin)
    .bind(signed(h.size))
    .bind(h.root.as_slice())
    .bind(&h.note)
    .bind(h.seen_us)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

async fn raw(ex: &mut Ex<'_>, sql: &'static str) -> Result<()> {
    on!(ex, |c| sqlx::raw_sql(sql).execute(c).await.map(|_| ()))?;
    Ok(())
}

impl crate::Store {
    /// The latest checkpoint the mirror holds.
    pub async fn mirror_latest(&self) -> Result<Option<Held>> {
        latest(&mut self.conn().await?.ex()).await
    }

    /// Entries the mirror holds, and the last one's chain hash.
    pub async fn mirror_head(&self) -> Result<(u64, Hash)> {
        head(&mut self.conn().await?.ex()).await
    }

    /// Chain hashes of held entries after `after`.
    pub async fn mirror_hashes_after(&self, after: u64, limit: i64) -> Result<Vec<Hash>> {
        hashes_after(&mut self.conn().await?.ex(), after, limit).await
    }

    /// Stores checked entries and the checkpoint they reach, in one transaction.
    pub async fn mirror_keep(&self, entries: &[MirroredEntry], c: Option<&Held>) -> Result<()> {
        let mut conn = self.conn().await?;
        let mut ex = conn.ex();
        raw(&mut ex, "BEGIN").await?;
        match keep(&mut ex, entries, c).await {
            Ok(()) => raw(&mut ex, "COMMIT").await,
            Err(e) => {
                let _ = raw(&mut ex, "ROLLBACK").await;
                Err(e)
            }
        }
    }

    /// Records a split view.
    pub async fn mirror_raise(&self, a: &Alarm) -> Result<()> {
        raise(&mut self.conn().await?.ex(), a).await
    }

    /// The alarm raised, if any.
    pub async fn mirror_alarm(&self) -> Result<Option<Alarm>> {
        alarm(&mut self.conn().await?.ex()).await
    }

    /// What the witness last cosigned for `origin`.
    pub async fn witness_cosigned(&self, origin: &str) -> Result<Option<Held>> {
        cosigned(&mut self.conn().await?.ex(), origin).await
    }

    /// Records what the witness cosigned for `origin`.
    pub async fn set_witness_cosigned(&self, origin: &str, h: &Held) -> Result<()> {
        set_cosigned(&mut self.conn().await?.ex(), origin, h).await
    }
}
