//! Verification beyond the chain. [`verify`]: the chain, then that no projection row names an
//! entry the log does not have. Deep verification ([`compare`]): do the projections say what
//! the log says? The log is replayed, on a
//! connection of its own, into temporary tables that shadow the projection tables (same
//! definitions, indexes included), and every projection is compared with its replay, row by row.
//! The first row that differs is named — which table, which entry, which column, what the table
//! says and what the log says — so an operator who edited a row in the database, or removed one,
//! is found out. Nothing is written to the real tables: the temporary ones live and die with the
//! connection, inside one transaction that is rolled back, and the replay reads a consistent
//! snapshot of the log while the server goes on writing.

use crate::log::{Head, Verification, verify_chain};
use crate::{Ex, Result, StoreError, on, write_path};
use serde::Serialize;
use sqlx::{Connection, PgConnection, SqliteConnection};

/// A row where a projection and the log's replay disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The projection table.
    pub table: String,
    /// The entry the row stands for (its `entry_seq`), when the table has one.
    pub entry_seq: Option<i64>,
    /// The row's key, as `column=value` pairs.
    pub key: String,
    /// What differs, in a sentence.
    pub problem: String,
}

/// Recomputes the whole chain, then checks that every projection row has an entry behind it.
pub async fn verify(ex: &mut Ex<'_>) -> Result<Verification> {
    let v = verify_chain(ex, Head::EMPTY).await?;
    if !v.ok {
        return Ok(v);
    }
    if let Some((seq, problem)) = orphan_rows(ex).await? {
        return Ok(Verification {
            ok: false,
            length: v.length,
            head: None,
            first_bad_seq: Some(seq),
            problem: Some(problem),
        });
    }
    Ok(v)
}

/// The first projection row that names an entry the log does not have.
async fn orphan_rows(ex: &mut Ex<'_>) -> Result<Option<(i64, String)>> {
    for table in write_path::entry_tables() {
        let sql = format!(
            "SELECT p.entry_seq FROM {table} p LEFT JOIN log l ON l.seq = p.entry_seq \
             WHERE l.seq IS NULL ORDER BY p.entry_seq LIMIT 1"
        );
        let orphan: Option<i64> = on!(ex, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(
            sql.as_str()
        ))
        .fetch_optional(c)
        .await)?;
        if let Some(seq) = orphan {
            return Ok(Some((
                seq,
                format!("a row of {table} claims entry {seq}, which is not in the log"),
            )));
        }
    }
    Ok(None)
}

impl crate::Store {
    /// Verifies the whole chain and that no projection row names a missing entry.
    pub async fn verify_log(&self) -> Result<Verification> {
        verify(&mut self.conn().await?.ex()).await
    }
}

/// Every projection table compared, with the columns that identify a row.
fn compared() -> Vec<(&'static str, &'static [&'static str])> {
    write_path::keyed_tables()
}

/// Replays the log and compares; `None` when every projection matches it.
pub async fn compare(url: &str) -> Result<Option<Difference>> {
    match crate::Backend::of(url)? {
        crate::Backend::Sqlite => {
            let mut c = SqliteConnection::connect_with(&crate::sqlite_options(url)?).await?;
            let out = compare_on(&mut Ex::Sqlite(&mut c, None)).await;
            let _ = c.close().await;
            out
        }
        crate::Backend::Postgres => {
            let mut c = PgConnection::connect(url).await?;
            let out = compare_on(&mut Ex::Pg(&mut c, None)).await;
            let _ = c.close().await;
            out
        }
    }
}

async fn exec(ex: &mut Ex<'_>, sql: &str) -> Result<()> {
    on!(ex, |c| sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(c)
        .await
        .map(|_| ()))?;
    Ok(())
}

async fn compare_on(ex: &mut Ex<'_>) -> Result<Option<Difference>> {
    let sqlite = ex.is_sqlite();
    exec(
        ex,
        if sqlite {
            "BEGIN"
        } else {
            "BEGIN ISOLATION LEVEL REPEATABLE READ"
        },
    )
    .await?;
    let out = async {
        shadow(ex).await?;
        write_path::rebuild(ex).await?;
        for (table, key) in compared() {
            if let Some(d) = first_difference(ex, table, key).await? {
                return Ok(Some(d));
            }
        }
        Ok(None)
    }
    .await;
    let _ = exec(ex, "ROLLBACK").await;
    out
}

/// Creates, on this connection only, an empty temporary table for each projection with the same
/// definition. Unqualified names then find the temporary table first (SQLite's `temp` schema,
/// PostgreSQL's `pg_temp`), so the replay writes there, while `log` is still the real one.
async fn shadow(ex: &mut Ex<'_>) -> Result<()> {
    let mut names: Vec<&str> = compared().iter().map(|(t, _)| *t).collect();
    match ex {
        Ex::Sqlite(..) => {
            names.push("incidents_fts");
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            let sql = format!(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ({}) \
                 AND sql IS NOT NULL AND name NOT LIKE 'incidents_fts_%' \
                 ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name",
                quoted.join(", ")
            );
            let ddl: Vec<(String, String, String)> =
                on!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .fetch_all(c)
                    .await)?;
            for (kind, name, sql) in ddl {
                let temp = match kind.as_str() {
                    "table" if sql.starts_with("CREATE VIRTUAL TABLE") => sql.replacen(
                        &format!("CREATE VIRTUAL TABLE {name}"),
                        &format!("CREATE VIRTUAL TABLE temp.{name}"),
                        1,
                    ),
                    "table" => sql.replacen("CREATE TABLE", "CREATE TEMP TABLE", 1),
                    "index" => {
                        sql.replacen(&format!("INDEX {name} "), &format!("INDEX temp.{name} "), 1)
                    }
                    _ => continue,
                };
                if temp == sql {
                    return Err(StoreError::Internal(format!(
                        "cannot shadow {name}: unexpected definition {sql:?}"
                    )));
                }
                exec(ex, &temp).await?;
            }
        }
        Ex::Pg(..) => {
            for n in names {
                exec(
                    ex,
                    &format!(
                        "CREATE TEMP TABLE {n} (LIKE public.{n} INCLUDING ALL) ON COMMIT DROP"
                    ),
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// The columns of a projection compared (generated columns are left out: they follow from the
/// others).
async fn columns(ex: &mut Ex<'_>, table: &str) -> Result<Vec<String>> {
    ex.settle().await?;
    Ok(match ex {
        Ex::Sqlite(c, _) => {
            sqlx::query_scalar::<_, String>(
                "SELECT name FROM pragma_table_info($1, 'main') ORDER BY cid",
            )
            .bind(table)
            .fetch_all(&mut **c)
            .await?
        }
        Ex::Pg(c, _) => {
            sqlx::query_scalar::<_, String>(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' \
                 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(&mut **c)
            .await?
        }
    })
}

/// The first row (by key) that is in the table but not in the replay, or the other way round.
async fn first_difference(
    ex: &mut Ex<'_>,
    table: &str,
    key: &[&str],
) -> Result<Option<Difference>> {
    let sqlite = ex.is_sqlite();
    let (real, replay) = if sqlite {
        (format!("main.{table}"), format!("temp.{table}"))
    } else {
        (format!("public.{table}"), format!("pg_temp.{table}"))
    };
    let cols = columns(ex, table).await?.join(", ");
    let key_cols = key.join(", ");
    // Every key column as text, so one query shape serves all tables and both backends.
    let as_text = |c: &str| {
        if sqlite {
            format!("quote({c})")
        } else {
            format!("{c}::text")
        }
    };
    let key_text = key
        .iter()
        .map(|c| as_text(c))
        .collect::<Vec<_>>()
        .join(", ");
    let one_side = |a: &str, b: &str| {
        format!(
            "SELECT {key_text} FROM (SELECT {cols} FROM {a} EXCEPT SELECT {cols} FROM {b}) d \
             ORDER BY {key_cols} LIMIT 1"
        )
    };
    let mut first: Option<(Vec<String>, &str)> = None;
    for (a, b, which) in [(&real, &replay, "table"), (&replay, &real, "replay")] {
        let sql = one_side(a, b);
        ex.settle().await?;
        let row: Option<Vec<String>> = match ex {
            Ex::Sqlite(c, _) => {
                use sqlx::Row;
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .fetch_optional(&mut **c)
                    .await?
                    .map(|r| (0..key.len()).map(|i| r.get::<String, _>(i)).collect())
            }
            Ex::Pg(c, _) => {
                use sqlx::Row;
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .fetch_optional(&mut **c)
                    .await?
                    .map(|r| (0..key.len()).map(|i| r.get::<String, _>(i)).collect())
            }
        };
        if let Some(k) = row {
            let earlier = match &first {
                None => true,
                // Keys compare as numbers where they are (entry_seq), else as text.
                Some((f, _)) => key_order(&k, f) == std::cmp::Ordering::Less,
            };
            if earlier {
                first = Some((k, which));
            }
        }
    }
    let Some((k, _)) = first else {
        return Ok(None);
    };
    describe(ex, table, key, &k, &real, &replay).await.map(Some)
}

fn key_order(a: &[String], b: &[String]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = match (
            x.trim_matches('\'').parse::<i64>(),
            y.trim_matches('\'').parse::<i64>(),
        ) {
            (Ok(p), Ok(q)) => p.cmp(&q),
            _ => x.cmp(y),
        };
        if o != std::cmp::Ordering::Equal {
            return o;
        }
    }
    std::cmp::Ordering::Equal
}

/// Names what differs in the row with key `k`: missing on one side, or which columns.
async fn describe(
    ex: &mut Ex<'_>,
    table: &str,
    key: &[&str],
    k: &[String],
    real: &str,
    replay: &str,
) -> Result<Difference> {
    let sqlite = ex.is_sqlite();
    let cols = columns(ex, table).await?;
    let as_text = |c: &str| {
        if sqlite {
            format!("quote({c})")
        } else {
            format!("{c}::text")
        }
    };
    let cond = key
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if sqlite {
                format!("quote({c}) = ${}", i + 1)
            } else {
                format!("{c}::text = ${}", i + 1)
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ");
    let select = cols
        .iter()
        .map(|c| as_text(c))
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = Vec::new();
    for side in [real, replay] {
        let sql = format!("SELECT {select} FROM {side} WHERE {cond}");
        let row: Option<Vec<Option<String>>> = on!(ex, |c| {
            use sqlx::Row;
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for v in k {
                q = q.bind(v.clone());
            }
            q.fetch_optional(c).await.map(|r| {
                r.map(|r| {
                    (0..cols.len())
                        .map(|i| r.get::<Option<String>, _>(i))
                        .collect()
                })
            })
        })?;
        rows.push(row);
    }
    let key_desc = key
        .iter()
        .zip(k)
        .map(|(c, v)| format!("{c}={}", v.trim_matches('\'')))
        .collect::<Vec<_>>()
        .join(", ");
    let entry_seq = (key == ["entry_seq"])
        .then(|| k[0].trim_matches('\'').parse::<i64>().ok())
        .flatten();
    let problem = match (&rows[0], &rows[1]) {
        (Some(_), None) => format!("{table} has a row ({key_desc}) that the log does not produce"),
        (None, Some(_)) => {
            format!("{table} lacks the row ({key_desc}) that the log produces: it was removed")
        }
        (Some(a), Some(b)) => {
            let diffs: Vec<String> = cols
                .iter()
                .zip(a.iter().zip(b))
                .filter(|(_, (x, y))| x != y)
                .map(|(c, (x, y))| {
                    format!(
                        "{c} is {} in the table but {} by the log",
                        x.as_deref().unwrap_or("NULL"),
                        y.as_deref().unwrap_or("NULL")
                    )
                })
                .collect();
            format!("{table} row ({key_desc}) differs: {}", diffs.join("; "))
        }
        (None, None) => format!("{table} row ({key_desc}) differs"),
    };
    Ok(Difference {
        table: table.to_string(),
        entry_seq,
        key: key_desc,
        problem,
    })
}
