//! Write benchmark: durable entries per second (and their latency's p50 and p99) through the
//! HTTP API for 1, 8 and 64 concurrent clients, against the rate of a no-op POST on the same
//! server in the same run (the baseline: what HTTP and JSON cost without auth or the log; the
//! faster of a measurement before and one after).
//! Also prints what a request costs the process in CPU (no-op / write, server and clients
//! together): steadier than the rates on a small shared machine. Prints a table; asserts
//! nothing.
//!
//! `cargo bench -p konbit-testkit --bench write` (SQLite in a temp dir, WAL, synchronous=FULL).
//! Set `KONBIT_BENCH_POSTGRES_URL` to also run it on PostgreSQL. `KONBIT_BENCH_SECONDS` sets the
//! time per measurement (default 5), `KONBIT_BENCH_CLIENTS` the client counts (default `1,8,64`).

#![allow(clippy::print_stdout, clippy::expect_used, clippy::unwrap_used)]

#[path = "common.rs"]
mod common;

use axum::{Router, http::StatusCode, routing::post};
use konbit_store::{Options, Store};
use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

async fn noop(body: axum::body::Bytes) -> StatusCode {
    // Parse like a real handler would, then write nothing.
    let _: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    StatusCode::CREATED
}

async fn start(url: &str) -> (String, Store) {
    let store = Store::open(&Options {
        url: url.into(),
        migrate: true,
    })
    .await
    .expect("open");
    let base = common::serve(&store, Router::new().route("/bench/noop", post(noop))).await;
    (base, store)
}

/// What one measurement came to: requests per second, and the latency's p50 and p99 in ms.
struct Rate {
    per_sec: f64,
    /// The process's CPU time per successful request (server and clients together), µs.
    cpu_us: f64,
    p50_ms: f64,
    p99_ms: f64,
}

/// Runs `clients` loops posting to `path` for `secs`; returns successful requests per second
/// and their latency.
async fn measure(base: &str, token: &str, path: &str, clients: usize, secs: f64) -> Rate {
    let done = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let http = reqwest::Client::new();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, done, url, token) = (
            http.clone(),
            done.clone(),
            format!("{base}{path}"),
            token.to_string(),
        );
        tasks.push(tokio::spawn(async move {
            let mut i = 0u64;
            let mut took = Vec::new();
            while Instant::now() < deadline {
                i += 1;
                let body = serde_json::json!({"kind": "news_article", "title": format!("bench {c}-{i}"),
                    "url": "https://example.org/bench", "reliability": "C", "credibility": 3});
                let t = Instant::now();
                let r = http.post(&url).bearer_auth(&token).json(&body).send().await.expect("send");
                assert_eq!(r.status().as_u16(), 201, "{}", r.text().await.unwrap_or_default());
                took.push(t.elapsed().as_secs_f64() * 1000.0);
                done.fetch_add(1, Ordering::Relaxed);
            }
            took
        }));
    }
    let t0 = Instant::now();
    let cpu0 = common::cpu_seconds();
    let mut took = Vec::new();
    for t in tasks {
        took.extend(t.await.expect("client"));
    }
    let n = done.load(Ordering::Relaxed) as f64;
    let per_sec = n / t0.elapsed().as_secs_f64();
    let cpu_us = match (cpu0, common::cpu_seconds()) {
        (Some(a), Some(b)) => (b - a) / n * 1e6,
        _ => f64::NAN,
    };
    took.sort_by(f64::total_cmp);
    Rate {
        per_sec,
        cpu_us,
        p50_ms: common::percentile(&took, 0.5),
        p99_ms: common::percentile(&took, 0.99),
    }
}

async fn run(label: &str, url: &str, secs: f64) {
    let (base, store) = start(url).await;
    let token = common::login(&reqwest::Client::new(), &base).await;
    println!("\n{label}: {secs} s per measurement");
    println!(
        "{:>8} {:>16} {:>16} {:>8} {:>12} {:>12} {:>14}",
        "clients", "no-op POST/s", "entries/s", "ratio", "p50 ms", "p99 ms", "CPU µs/req"
    );
    for clients in client_counts() {
        // The no-op is measured before and after, and the faster taken: on a small machine
        // one measurement can differ from the next by a third, and the baseline must not be
        // the slow one.
        let before = measure(&base, &token, "/bench/noop", clients, secs).await;
        let rate = measure(&base, &token, "/api/v1/sources", clients, secs).await;
        let after = measure(&base, &token, "/bench/noop", clients, secs).await;
        let base_rate = if after.per_sec > before.per_sec {
            after
        } else {
            before
        };
        println!(
            "{clients:>8} {:>16.0} {:>16.0} {:>8.3} {:>12.2} {:>12.2} {:>14}",
            base_rate.per_sec,
            rate.per_sec,
            rate.per_sec / base_rate.per_sec,
            rate.p50_ms,
            rate.p99_ms,
            format!("{:.0} / {:.0}", base_rate.cpu_us, rate.cpu_us),
        );
    }
    let mut c = store.conn().await.expect("conn");
    let v = konbit_store::replay::verify(&mut c.ex())
        .await
        .expect("verify");
    println!("log after the run: {} entries, intact: {}", v.length, v.ok);
}

/// The client counts to measure: `KONBIT_BENCH_CLIENTS` (comma-separated), else 1, 8 and 64.
fn client_counts() -> Vec<usize> {
    std::env::var("KONBIT_BENCH_CLIENTS")
        .ok()
        .map(|s| s.split(',').filter_map(|c| c.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![1, 8, 64])
}

fn main() {
    // The HTTP clients below need the process's TLS provider, even for plain http.
    konbit_media::feed::install_tls();
    let secs: f64 = std::env::var("KONBIT_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5.0);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        run("SQLite (WAL, synchronous=FULL)", &url, secs).await;
        if let Ok(pg) = std::env::var("KONBIT_BENCH_POSTGRES_URL") {
            let name = format!("konbit_bench_{}", uuid::Uuid::now_v7().simple());
            let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&pg)
                .await
                .expect("pg");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .expect("create");
            let base = pg
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .unwrap_or(pg.clone());
            run("PostgreSQL", &format!("{base}/{name}"), secs).await;
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE {name} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await;
        }
    });
}
