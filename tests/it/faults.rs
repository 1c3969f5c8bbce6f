//! Faults: the real `konbit serve` is killed with SIGKILL in the middle of a write load, round
//! after round, on SQLite and on PostgreSQL; after each restart every write it acknowledged is
//! in the log with the hash it was acknowledged with, the Merkle tree has caught up, and
//! `konbit log verify` passes. `KONBIT_FAULT_ROUNDS` sets the rounds (5 here;
//! `scripts/faults.sh` runs 20 per backend).

use konbit_store::{Options, Store};
use konbit_testkit::{Backend, TestDb, backends};
use serde_json::{Value, json};
use std::{
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

fn rounds() -> usize {
    std::env::var("KONBIT_FAULT_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn konbit(db: &str, dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_konbit"));
    c.arg("--database")
        .arg(db)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("KONBIT_LOG_KEY")
        .env("KONBIT_LOG", "error");
    c
}

fn serve(db: &str, dir: &std::path::Path, port: u16) -> Child {
    konbit(db, dir)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve")
}

async fn up(http: &reqwest::Client, base: &str) {
    for _ in 0..200 {
        if http
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up at {base}");
}

/// A pseudo-random number of milliseconds in `lo..hi`, different each round.
fn jitter(lo: u64, hi: u64) -> u64 {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    lo + u64::from(n) % (hi - lo)
}

#[tokio::test]
async fn sigkill_during_writes_loses_no_acknowledged_write() {
    for b in backends() {
        killed_in_the_middle(b).await;
    }
}

async fn killed_in_the_middle(b: Backend) {
    let db = TestDb::new(b).await.expect("db");
    let dir = tempfile::tempdir().expect("dir");
    let st = konbit(&db.url, dir.path())
        .args(["user", "add", "writer", "--role", "editor"])
        .env("KONBIT_PASSWORD", "fault-password-1")
        .output()
        .expect("user add");
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    // (seq, hash) of every write acknowledged with 201, over all rounds.
    let acked: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
    let mut refused_or_cut = 0usize;
    for round in 0..rounds() {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut child = serve(&db.url, dir.path(), port);
        up(&http, &base).await;
        let token: Value = http
            .post(format!("{base}/api/v1/auth/token"))
            .json(&json!({"username": "writer", "password": "fault-password-1"}))
            .send()
            .await
            .expect("token")
            .json()
            .await
            .expect("json");
        let token = token["token"].as_str().expect("token").to_string();
        let mut writers = Vec::new();
        for w in 0..16 {
            let (http, base, token, acked) =
                (http.clone(), base.clone(), token.clone(), acked.clone());
            writers.push(tokio::spawn(async move {
                let mut lost = 0usize;
                for i in 0.. {
                    let r = http
                        .post(format!("{base}/api/v1/sources"))
                        .bearer_auth(&token)
                        .json(&json!({"title": format!("Round {round} writer {w} item {i}"),
                                      "kind": "news_article", "reliability": "C",
                                      "credibility": 3,
                                      "url": format!("https://example.org/{round}/{w}/{i}")}))
                        .send()
                        .await;
                    let Ok(r) = r else {
                        // The server is gone: what was not acknowledged may or may not be there.
                        return lost + 1;
                    };
                    if r.status() != 201 {
                        lost += 1;
                        continue;
                    }
                    let Ok(v) = r.json::<Value>().await else {
                        return lost + 1;
                    };
                    let seq = v["seq"].as_i64().expect("seq");
                    let hash = v["hash"].as_str().expect("hash").to_string();
                    acked.lock().expect("lock").push((seq, hash));
                }
                lost
            }));
        }
        tokio::time::sleep(Duration::from_millis(jitter(150, 700))).await;
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        for w in writers {
            refused_or_cut += w.await.expect("writer");
        }
    }
    let acked = acked.lock().expect("lock").clone();
    assert!(
        acked.len() > rounds() * 10,
        "{b:?}: only {} writes were acknowledged",
        acked.len()
    );
    // Restarted: every acknowledged write is there with its hash; the tree has caught up.
    let store = Store::open(&Options {
        url: db.url.clone(),
        migrate: false,
    })
    .await
    .expect("open after the kills");
    for (seq, hash) in &acked {
        let e = store
            .log_entry(*seq)
            .await
            .expect("read")
            .unwrap_or_else(|| panic!("{b:?}: acknowledged entry {seq} is missing"));
        assert_eq!(&hex::encode(&e.hash), hash, "{b:?}: entry {seq} changed");
    }
    let len = store.log_len().await.expect("len");
    assert_eq!(store.tree_size().await.expect("tree") as i64, len);
    store.close().await;
    let out = konbit(&db.url, dir.path())
        .args(["log", "verify"])
        .output()
        .expect("verify");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{b:?}: {text}");
    eprintln!(
        "{b:?}: {} rounds, {} writes acknowledged, all present; {refused_or_cut} cut by the kill; \
         log of {len} entries verifies",
        rounds(),
        acked.len()
    );
}
