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

/// A source to record, numbered, with `extra` fields.
fn source(label: &str, i: usize, extra: Value) -> Value {
    let mut v = json!({"title": format!("{label} {i}"), "kind": "news_article",
                       "reliability": "C", "credibility": 3,
                       "url": format!("https://example.org/{label}/{i}")});
    if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    v
}

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
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
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
                        .json(
                            &json!({"title": format!("Round {round} writer {w} item {i}"),
                                      "kind": "news_article", "reliability": "C",
                                      "credibility": 3,
                                      "url": format!("https://example.org/{round}/{w}/{i}")}),
                        )
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

/// A TCP proxy in front of PostgreSQL that the test can cut (every connection closed, new ones
/// refused) and restore: an outage as the server sees it, without stopping the shared server.
struct Proxy {
    addr: std::net::SocketAddr,
    open: Arc<std::sync::atomic::AtomicBool>,
    links: Arc<Mutex<Vec<tokio::task::AbortHandle>>>,
    accept: tokio::task::JoinHandle<()>,
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let open = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let links: Arc<Mutex<Vec<tokio::task::AbortHandle>>> = Arc::default();
        let (o, l) = (open.clone(), links.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !o.load(std::sync::atomic::Ordering::SeqCst) {
                    continue; // dropped: the connection is refused
                }
                let up = upstream.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut out) = tokio::net::TcpStream::connect(&up).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                l.lock().expect("lock").push(task.abort_handle());
            }
        });
        Proxy {
            addr,
            open,
            links,
            accept,
        }
    }

    fn cut(&self) {
        self.open.store(false, std::sync::atomic::Ordering::SeqCst);
        for l in self.links.lock().expect("lock").drain(..) {
            l.abort();
        }
    }

    fn restore(&self) {
        self.open.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.cut();
        self.accept.abort();
    }
}

/// PostgreSQL unreachable under a write load: requests are answered 503 problem+json with
/// Retry-After (never a hang, never a 500), nothing half-written; when the database returns the
/// server recovers by itself — writes and reads succeed again, every acknowledged write is
/// there and the log verifies.
#[tokio::test]
async fn a_postgres_outage_is_a_503_and_the_server_recovers_by_itself() {
    if konbit_testkit::postgres_url().is_none() {
        return;
    }
    let db = TestDb::new(Backend::Postgres).await.expect("db");
    let authority = db
        .url
        .split('@')
        .nth(1)
        .and_then(|r| r.split('/').next())
        .expect("host:port")
        .to_string();
    let proxy = Proxy::start(authority.clone()).await;
    let via = db.url.replacen(&authority, &proxy.addr.to_string(), 1);
    let app = konbit_testkit::spawn_app_at(db, &via, konbit_web::Config::default()).await;
    let editor = app.client(Some(konbit_domain::Role::Editor)).await;
    let write = |i: usize| {
        let editor = editor.clone();
        async move {
            editor
                .post_json("/api/v1/sources", &source("outage", i, json!({})))
                .await
        }
    };
    let mut acked = Vec::new();
    for i in 0..5 {
        let r = write(i).await;
        assert_eq!(r.status, 201, "{}", r.text);
        acked.push(r.json()["seq"].as_i64().expect("seq"));
    }
    proxy.cut();
    let started = std::time::Instant::now();
    for i in 5..10 {
        let r = write(i).await;
        assert_eq!(r.status, 503, "{}", r.text);
        assert!(r.content_type.starts_with("application/problem+json"));
        assert_eq!(r.json()["code"], "database_unavailable", "{}", r.text);
        assert_eq!(r.headers["retry-after"], "5");
    }
    let r = editor.get("/api/v1/sources").await;
    assert_eq!(r.status, 503, "{}", r.text);
    let anon = app.client(None).await;
    assert_eq!(anon.get("/api/v1/log/checkpoint").await.status, 503);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "an outage is answered, not waited out: {:?}",
        started.elapsed()
    );
    proxy.restore();
    // Recovers by itself: the writer connects again, the pool too.
    let mut back = None;
    for i in 10..50 {
        let r = write(i).await;
        if r.status == 201 {
            back = Some(r.json()["seq"].as_i64().expect("seq"));
            break;
        }
        assert_eq!(r.status, 503, "{}", r.text);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    acked.push(back.expect("writes succeed again once the database is back"));
    for i in 50..55 {
        let r = write(i).await;
        assert_eq!(r.status, 201, "{}", r.text);
        acked.push(r.json()["seq"].as_i64().expect("seq"));
    }
    assert_eq!(editor.get("/api/v1/sources").await.status, 200);
    // Nothing half-written: the chain is whole, and holds every acknowledged write.
    let v = app.store.verify_log().await.expect("verify");
    assert!(v.ok, "{v:?}");
    for seq in acked {
        assert!(app.store.log_entry(seq).await.expect("read").is_some());
    }
    assert_eq!(
        app.store.tree_size().await.expect("tree") as i64,
        app.log_len().await
    );
}

/// A small file system the test mounts (tmpfs; needs root), unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let dir = tempfile::tempdir().expect("dir");
        let st = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("mount");
        assert!(
            st.success(),
            "cannot mount a tmpfs (KONBIT_TEST_MOUNT=1 needs root)"
        );
        SmallDisk { dir }
    }

    fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    fn remount(&self, how: &str) {
        let st = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(self.path())
            .status()
            .expect("remount");
        assert!(st.success(), "remount {how}");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// The database on a disk that fills up: writes are refused with a clear 503 naming the disk,
/// nothing is corrupted, and writes resume by themselves when space returns. On a read-only
/// disk the server refuses to start, saying so, and starts when it is writable again. Needs root to mount a small tmpfs: run when `KONBIT_TEST_MOUNT=1`
/// (CI sets it, and fails if the test did not run).
#[tokio::test]
async fn a_full_or_read_only_disk_refuses_writes_clearly_and_they_resume() {
    if std::env::var("KONBIT_TEST_MOUNT").ok().as_deref() != Some("1") {
        return;
    }
    let disk = SmallDisk::mount(24);
    let url = format!("sqlite://{}", disk.path().join("konbit.db").display());
    let db = TestDb::new(Backend::Sqlite).await.expect("db");
    let app = konbit_testkit::spawn_app_at(db, &url, konbit_web::Config::default()).await;
    let editor = app.client(Some(konbit_domain::Role::Editor)).await;
    let big = "x".repeat(9_000);
    let write = |i: usize| {
        let (editor, big) = (editor.clone(), big.clone());
        async move {
            editor
                .post_json("/api/v1/sources", &source("disk", i, json!({"note": big})))
                .await
        }
    };
    let mut acked = Vec::new();
    for i in 0..3 {
        let r = write(i).await;
        assert_eq!(r.status, 201, "{}", r.text);
        acked.push(r.json()["seq"].as_i64().expect("seq"));
    }
    // Fill the disk but for a little room, then write until it is full.
    let filler = disk.path().join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).expect("filler");
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
    }
    let _ = std::fs::remove_file(disk.path().join("room"));
    let mut full = None;
    for i in 3..2000 {
        let r = write(i).await;
        if r.status == 201 {
            acked.push(r.json()["seq"].as_i64().expect("seq"));
            continue;
        }
        full = Some(r);
        break;
    }
    let r = full.expect("the disk fills up");
    assert_eq!(r.status, 503, "{}", r.text);
    assert!(r.content_type.starts_with("application/problem+json"));
    assert_eq!(r.json()["code"], "storage_full", "{}", r.text);
    assert!(r.text.contains("disk is full"), "{}", r.text);
    // Room again: writes resume by themselves, and nothing was corrupted.
    std::fs::remove_file(&filler).expect("free the disk");
    let r = write(5000).await;
    assert_eq!(r.status, 201, "{}", r.text);
    acked.push(r.json()["seq"].as_i64().expect("seq"));
    let v = app.store.verify_log().await.expect("verify");
    assert!(v.ok, "{v:?}");
    for seq in &acked {
        assert!(app.store.log_entry(*seq).await.expect("read").is_some());
    }
    let mut c = app.store.conn().await.expect("conn");
    let check: String = konbit_store::on!(&mut c.ex(), |x| sqlx::query_scalar(
        "PRAGMA integrity_check"
    )
    .fetch_one(x)
    .await)
    .expect("integrity_check");
    assert_eq!(check, "ok");
    drop(c);
    app.store.clone().close().await;
    drop(app);

    // Read-only (a file system cannot turn read-only under open files, so between two runs):
    // the server refuses to start, saying why; writable again, it starts and writes.
    disk.remount("ro");
    let key_dir = tempfile::tempdir().expect("dir");
    let port = free_port();
    let out = konbit(&url, key_dir.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("KONBIT_LOG", "error")
        .output()
        .expect("serve");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains("is not writable") && said.contains("Read-only file system"),
        "{said}"
    );
    disk.remount("rw");
    let mut child = serve(&url, key_dir.path(), port);
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    up(&http, &base).await;
    let token: Value = http
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({"username": "editor", "password": konbit_testkit::PASSWORD}))
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("json");
    let r = http
        .post(format!("{base}/api/v1/sources"))
        .bearer_auth(token["token"].as_str().expect("token"))
        .json(
            &json!({"title": "After the disk", "kind": "news_article", "reliability": "C",
                      "credibility": 3, "url": "https://example.org/after"}),
        )
        .send()
        .await
        .expect("write");
    assert_eq!(r.status(), 201);
    child.kill().expect("stop");
    let _ = child.wait();
    konbit_testkit::mark_ran("mount");
}
