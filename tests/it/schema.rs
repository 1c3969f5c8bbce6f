//! The two migration folders describe the same tables and columns.

use konbit_store::{Options, Store};
use konbit_testkit::{Backend, TestDb, postgres_url};
use std::collections::BTreeSet;

async fn columns(db: &TestDb) -> BTreeSet<(String, String)> {
    let store = Store::open(&Options {
        url: db.url.clone(),
        migrate: true,
    })
    .await
    .expect("open");
    let mut c = store.conn().await.expect("conn");
    let mut ex = c.ex();
    let rows: Vec<(String, String)> = match db.backend {
        Backend::Sqlite => konbit_store::on!(&mut ex, |conn| sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'"
        )
        .fetch_all(conn)
        .await)
        .expect("sqlite columns"),
        Backend::Postgres => konbit_store::on!(&mut ex, |conn| sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'"
        )
        .fetch_all(conn)
        .await)
        .expect("pg columns"),
    };
    drop(c);
    store.close().await;
    rows.into_iter().collect()
}

#[tokio::test]
async fn sqlite_has_every_table_and_the_log_triggers() {
    let db = TestDb::new(Backend::Sqlite).await.expect("db");
    let cols = columns(&db).await;
    let projections = konbit_store::write_path::keyed_tables();
    for t in projections
        .iter()
        .map(|(t, _)| t)
        .chain(["log", "users", "sessions", "incidents_fts"].iter())
    {
        assert!(
            cols.iter().any(|(table, _)| table == t),
            "missing table {t}"
        );
    }
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    if postgres_url().is_none() {
        eprintln!("skipped: KONBIT_TEST_POSTGRES_URL is not set (CI sets it)");
        return;
    }
    // Full-text search is the one designed difference: an FTS5 table (and its shadow tables) on
    // SQLite, a generated tsvector column on PostgreSQL.
    let lite: BTreeSet<_> = columns(&TestDb::new(Backend::Sqlite).await.expect("sqlite"))
        .await
        .into_iter()
        .filter(|(t, _)| !t.starts_with("incidents_fts"))
        .collect();
    let pg: BTreeSet<_> = columns(&TestDb::new(Backend::Postgres).await.expect("postgres"))
        .await
        .into_iter()
        .filter(|(t, c)| !(t == "incidents" && c == "search"))
        .collect();
    konbit_testkit::mark_ran("postgres");
    let only_lite: Vec<_> = lite.difference(&pg).collect();
    let only_pg: Vec<_> = pg.difference(&lite).collect();
    assert!(
        only_lite.is_empty() && only_pg.is_empty(),
        "only in SQLite: {only_lite:?}\nonly in PostgreSQL: {only_pg:?}"
    );
}

/// The SQLite Konbit is built with is compiled as `.cargo/config.toml` asks: without memory-use
/// accounting and without the shared page cache of `SQLITE_ENABLE_MEMORY_MANAGEMENT`, each of
/// which takes a global mutex on every allocation or page fetch.
#[tokio::test]
async fn sqlite_is_built_without_its_global_mutexes_on_hot_paths() {
    use sqlx::Connection;
    let mut c = sqlx::SqliteConnection::connect("sqlite::memory:")
        .await
        .expect("sqlite");
    let options: Vec<String> = sqlx::query_scalar("PRAGMA compile_options")
        .fetch_all(&mut c)
        .await
        .expect("compile options");
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "{options:?}"
    );
    assert!(
        !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
        "{options:?}"
    );
}
