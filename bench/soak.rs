//! Soak: the server under a steady write load for `KONBIT_SOAK_SECONDS` (default 600) while 32
//! readers keep reading the map and the dashboard, each once every `KONBIT_SOAK_READ_EVERY_MS`
//! (default 250). The write rate is 70 % of the maximum measured
//! at the start of the same run (64 clients, 5 s). Every minute it prints the writes and reads
//! done, their p50 and p99 latency, errors, and the process's resident memory (VmRSS: server and
//! load generator together, one process), so that a p99 that drifts or memory that grows shows.
//!
//! `cargo bench -p konbit-testkit --bench soak` (SQLite in a temp dir, the Haiti scenario
//! loaded). Prints a table; asserts nothing.

#![allow(clippy::print_stdout, clippy::expect_used, clippy::unwrap_used)]

#[path = "common.rs"]
mod common;

use konbit_store::{Options, Store};
use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

#[derive(Default)]
struct Window {
    writes: Mutex<Vec<f64>>,
    reads: Mutex<Vec<f64>>,
    errors: AtomicU64,
}

async fn start(url: &str) -> (String, Store) {
    let store = Store::open(&Options {
        url: url.into(),
        migrate: true,
    })
    .await
    .expect("open");
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/scenarios/haiti-mss"
    );
    konbit_scenario::load(&store, std::path::Path::new(dir))
        .await
        .expect("the Haiti scenario");
    let base = common::serve(&store, axum::Router::new()).await;
    (base, store)
}

fn source(n: u64) -> serde_json::Value {
    serde_json::json!({"kind": "news_article", "title": format!("soak {n}"),
        "url": "https://example.org/soak", "reliability": "C", "credibility": 3})
}

/// The most durable writes per second 64 clients get, over `secs`.
async fn max_rate(http: &reqwest::Client, base: &str, token: &str, secs: f64) -> f64 {
    let done = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let mut tasks = Vec::new();
    for c in 0..64u64 {
        let (http, done, url, token) = (
            http.clone(),
            done.clone(),
            format!("{base}/api/v1/sources"),
            token.to_string(),
        );
        tasks.push(tokio::spawn(async move {
            let mut i = 0;
            while Instant::now() < deadline {
                i += 1;
                let r = http
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&source(c * 1_000_000 + i))
                    .send()
                    .await
                    .expect("send");
                if r.status() == 201 {
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let t0 = Instant::now();
    for t in tasks {
        t.await.expect("client");
    }
    done.load(Ordering::Relaxed) as f64 / t0.elapsed().as_secs_f64()
}

fn main() {
    konbit_media::feed::install_tls();
    let secs: u64 = std::env::var("KONBIT_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let read_every = Duration::from_millis(
        std::env::var("KONBIT_SOAK_READ_EVERY_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(250),
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}", dir.path().join("soak.db").display());
        let (base, store) = start(&url).await;
        let http = reqwest::Client::new();
        let token = common::login(&http, &base).await;
        let max = max_rate(&http, &base, &token, 5.0).await;
        let target = 0.7 * max;
        println!(
            "SQLite (WAL, synchronous=FULL), the Haiti scenario: maximum {max:.0} durable \
             writes/s with 64 clients; soaking at {target:.0}/s (70 %) with 32 readers of the map \
             and the dashboard (one read each every {} ms) for {secs} s",
            read_every.as_millis()
        );
        println!(
            "{:>6} {:>9} {:>10} {:>10} {:>9} {:>10} {:>10} {:>7} {:>9}",
            "minute",
            "writes/s",
            "w p50 ms",
            "w p99 ms",
            "reads/s",
            "r p50 ms",
            "r p99 ms",
            "errors",
            "RSS MiB"
        );
        let window = Arc::new(Window::default());
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = Vec::new();
        // 64 writers, each paced so that together they send `target` per second.
        let every = Duration::from_secs_f64(64.0 / target);
        for c in 0..64u64 {
            let (http, url, token, window, stop) = (
                http.clone(),
                format!("{base}/api/v1/sources"),
                token.clone(),
                window.clone(),
                stop.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut tick = tokio::time::interval(every);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    tick.tick().await;
                    i += 1;
                    let t = Instant::now();
                    let r = http
                        .post(&url)
                        .bearer_auth(&token)
                        .json(&source(c * 1_000_000_000 + i))
                        .send()
                        .await;
                    match r {
                        Ok(r) if r.status() == 201 => window
                            .writes
                            .lock()
                            .unwrap()
                            .push(t.elapsed().as_secs_f64() * 1000.0),
                        _ => {
                            window.errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            }));
        }
        // 32 readers, each reading the map's points or the dashboard page every `read_every`
        // (people at their screens, not a flood: a flood would only measure the CPU left).
        for r in 0..32usize {
            let (http, base, window, stop) =
                (http.clone(), base.clone(), window.clone(), stop.clone());
            tasks.push(tokio::spawn(async move {
                let mut i = r;
                let mut tick = tokio::time::interval(read_every);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                while !stop.load(Ordering::Relaxed) {
                    tick.tick().await;
                    i += 1;
                    let path = if i % 2 == 0 {
                        "/api/v1/incidents/map?from=2024-01-01&to=2026-12-31"
                    } else {
                        "/"
                    };
                    let t = Instant::now();
                    let ok = match http.get(format!("{base}{path}")).send().await {
                        Ok(resp) if resp.status() == 200 => resp.bytes().await.is_ok(),
                        _ => false,
                    };
                    if ok {
                        window
                            .reads
                            .lock()
                            .unwrap()
                            .push(t.elapsed().as_secs_f64() * 1000.0);
                    } else {
                        window.errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }));
        }
        let minutes = secs.div_ceil(60);
        for m in 1..=minutes {
            let span = if m * 60 > secs {
                secs - (m - 1) * 60
            } else {
                60
            };
            tokio::time::sleep(Duration::from_secs(span)).await;
            let mut w = std::mem::take(&mut *window.writes.lock().unwrap());
            let mut r = std::mem::take(&mut *window.reads.lock().unwrap());
            let errors = window.errors.swap(0, Ordering::Relaxed);
            w.sort_by(f64::total_cmp);
            r.sort_by(f64::total_cmp);
            println!(
                "{m:>6} {:>9.0} {:>10.2} {:>10.2} {:>9.0} {:>10.2} {:>10.2} {errors:>7} {:>9.0}",
                w.len() as f64 / span as f64,
                common::percentile(&w, 0.5),
                common::percentile(&w, 0.99),
                r.len() as f64 / span as f64,
                common::percentile(&r, 0.5),
                common::percentile(&r, 0.99),
                rss_mib()
            );
        }
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        let mut c = store.conn().await.expect("conn");
        let v = konbit_store::replay::verify(&mut c.ex())
            .await
            .expect("verify");
        println!("log after the soak: {} entries, intact: {}", v.length, v.ok);
    });
}
