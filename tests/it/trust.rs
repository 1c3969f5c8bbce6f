//! The log proves itself to outsiders: signed checkpoints, inclusion and consistency proofs
//! checked here with the RFC 9162 algorithms against what an anonymous caller is served,
//! the tlog tiles, salted digests that let every link be recomputed (withheld entries too),
//! bad proof queries and tile paths refused, and `konbit log verify --checkpoint` catching a
//! history rewritten behind the server's back.

use konbit_domain::Role;
use konbit_store::{checkpoint, log, tree};
use konbit_testkit::{Backend, TestApp, backends, seed, spawn_app_on};
use serde_json::{Value, json};
use std::process::Command;

fn unhex(s: &Value) -> tree::Hash {
    hex::decode(s.as_str().expect("hex text"))
        .expect("hex")
        .try_into()
        .expect("32 bytes")
}

/// Every entry as an anonymous caller is served it.
async fn entries(app: &TestApp) -> Vec<Value> {
    let anon = app.client(None).await;
    let mut out = Vec::new();
    loop {
        let r = anon
            .get(&format!("/api/v1/log?after={}&limit=1000", out.len()))
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        let page = r.json().as_array().expect("list").clone();
        if page.is_empty() {
            return out;
        }
        out.extend(page);
    }
}

/// The latest checkpoint, anonymously, opened with the app's verifier key.
async fn checkpoint_of(app: &TestApp) -> checkpoint::Checkpoint {
    let r = app.client(None).await.get("/api/v1/log/checkpoint").await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(
        r.content_type.starts_with("text/plain"),
        "{}",
        r.content_type
    );
    checkpoint::open_note(r.text.as_bytes(), app.key.verifier_key()).expect("signed by the key")
}

async fn proof(app: &TestApp, path: &str) -> Vec<tree::Hash> {
    let r = app.client(None).await.get(path).await;
    assert_eq!(r.status, 200, "{path}: {}", r.text);
    r.json()["hashes"]
        .as_array()
        .expect("hashes")
        .iter()
        .map(unhex)
        .collect()
}

async fn write_some(app: &TestApp, n: usize) {
    let editor = app.client(Some(Role::Editor)).await;
    for i in 0..n {
        let class = ["public", "mission", "restricted"][i % 3];
        let r = editor
            .post_json(
                "/api/v1/sources",
                &json!({"title": format!("Report {i}"), "kind": "news_article", "reliability": "B",
                        "credibility": 2, "classification": class,
                        "url": format!("https://example.org/{i}")}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.text);
    }
}

#[tokio::test]
async fn checkpoints_and_proofs_hold_for_an_anonymous_outsider() {
    for b in backends() {
        outsider_checks(b).await;
    }
}

async fn outsider_checks(b: Backend) {
    let app = spawn_app_on(b).await;
    seed(&app).await;
    write_some(&app, 7).await;

    // Every link recomputes, withheld entries included: the chain commits to their digest.
    let all = entries(&app).await;
    let mut prev = [0u8; 32];
    let mut withheld = 0;
    for e in &all {
        let digest = unhex(&e["digest"]);
        if e["redacted"] == true {
            withheld += 1;
            assert!(e["salt"].is_null() && e["body"].is_null() && e["kind"].is_null());
        } else {
            let salt = hex::decode(e["salt"].as_str().expect("salt")).expect("hex");
            assert_eq!(salt.len(), 16);
            let subject = e["subject"]
                .as_str()
                .expect("subject")
                .parse()
                .expect("uuid");
            let s = |k: &str| e[k].as_str().expect(k).to_string();
            let recomputed = log::content_digest(
                &salt,
                &s("recorded_at"),
                &s("actor"),
                &s("kind"),
                &subject,
                &s("valid_at"),
                &s("body"),
                &s("sources"),
            );
            assert_eq!(recomputed, digest, "entry {}", e["seq"]);
        }
        assert_eq!(unhex(&e["prev_hash"]), prev);
        let seq = e["seq"].as_i64().expect("seq");
        let h = log::link_hash(
            &prev,
            seq,
            e["classification"].as_str().expect("c"),
            &digest,
        );
        assert_eq!(h, unhex(&e["hash"]), "entry {seq}");
        prev = h;
    }
    assert!(
        withheld > 0,
        "the test needs entries an anonymous caller may not read"
    );

    // The checkpoint covers the whole log, and its root is the RFC 6962 root of the chain.
    let c = checkpoint_of(&app).await;
    assert_eq!(c.origin, "konbit.test/log");
    assert_eq!(c.size, all.len() as u64);
    let mut t = tree::Appender::new();
    for e in &all {
        t.push(&unhex(&e["hash"]));
    }
    assert_eq!(t.root(), c.root);

    // Every entry's inclusion proof verifies against it.
    for e in &all {
        let seq = e["seq"].as_u64().expect("seq");
        let p = proof(
            &app,
            &format!("/api/v1/log/proof/inclusion?seq={seq}&size={}", c.size),
        )
        .await;
        let leaf = tree::leaf_hash(&unhex(&e["hash"]));
        assert!(
            tree::verify_inclusion(seq - 1, c.size, &leaf, &p, &c.root),
            "entry {seq}"
        );
        assert!(!tree::verify_inclusion(seq - 1, c.size, &leaf, &p, &prev));
    }

    // The log grows; the new checkpoint is consistent with the old one.
    write_some(&app, 5).await;
    // Signed again at most every few seconds: the new size shows within them.
    let mut later = checkpoint_of(&app).await;
    for _ in 0..20 {
        if later.size == c.size + 5 {
            break;
        }
        assert_eq!(
            later.size, c.size,
            "the checkpoint is the old one until it is signed again"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        later = checkpoint_of(&app).await;
    }
    assert_eq!(later.size, c.size + 5);
    for from in [1, c.size / 2, c.size, later.size] {
        let root = app.store.tree_root(from).await.expect("root");
        let p = proof(
            &app,
            &format!(
                "/api/v1/log/proof/consistency?from={from}&to={}",
                later.size
            ),
        )
        .await;
        assert!(
            tree::verify_consistency(from, later.size, &root, &later.root, &p),
            "{from} -> {}",
            later.size
        );
    }
    let p = proof(
        &app,
        &format!(
            "/api/v1/log/proof/consistency?from={}&to={}",
            c.size, later.size
        ),
    )
    .await;
    assert!(tree::verify_consistency(
        c.size,
        later.size,
        &c.root,
        &later.root,
        &p
    ));
    // A different old root is not proven consistent.
    assert!(!tree::verify_consistency(
        c.size,
        later.size,
        &later.root,
        &later.root,
        &p
    ));

    // Bad proof queries: a clear 4xx naming the problem — malformed (400), entries outside
    // the tree asked for (422), a tree larger than the log's (404).
    let anon = app.client(None).await;
    let size = later.size;
    for (q, status, says) in [
        ("inclusion?seq=0&size=3".to_string(), 400, "at least 1"),
        (
            "inclusion?seq=4&size=3".to_string(),
            422,
            "seq: must be at most size",
        ),
        (
            format!("inclusion?seq=1&size={}", size + 1),
            404,
            "there is no tree of",
        ),
        ("inclusion?seq=1".to_string(), 400, "size"),
        ("inclusion?seq=x&size=2".to_string(), 400, "seq"),
        ("inclusion?seq=1&size=2&extra=1".to_string(), 400, "extra"),
        ("consistency?from=0&to=3".to_string(), 400, "at least 1"),
        (
            "consistency?from=4&to=3".to_string(),
            422,
            "from: must be at most",
        ),
        (
            format!("consistency?from=1&to={}", size + 1),
            404,
            "there is no tree of",
        ),
        ("consistency?from=-1&to=3".to_string(), 400, "at least 1"),
        (
            "consistency?from=99999999999999999999&to=3".to_string(),
            400,
            "from",
        ),
    ] {
        let r = anon.get(&format!("/api/v1/log/proof/{q}")).await;
        assert_eq!(r.status, status, "{q}: {}", r.text);
        assert!(
            r.content_type.starts_with("application/problem+json"),
            "{q}"
        );
        assert!(r.text.contains(says), "{q}: {}", r.text);
    }

    // The tiles: level 0 holds the leaf hashes, the entry bundle the chain hashes.
    let w = size % 256;
    assert!(w > 0 && size < 256, "the test's log fits one partial tile");
    let r = anon.get(&format!("/tlog/tile/0/000.p/{w}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let tile = anon.http.get(format!("{}/tlog/tile/0/000.p/{w}", app.base));
    let tile = tile
        .send()
        .await
        .expect("tile")
        .bytes()
        .await
        .expect("bytes");
    let bundle = anon
        .http
        .get(format!("{}/tlog/tile/entries/000.p/{w}", app.base))
        .send()
        .await
        .expect("bundle")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(tile.len() as u64, 32 * w);
    assert_eq!(bundle.len() as u64, 34 * w);
    let mut leaves = Vec::new();
    for (i, chunk) in bundle.chunks(34).enumerate() {
        assert_eq!(&chunk[..2], &[0, 32]);
        let leaf = tree::leaf_hash(&chunk[2..]);
        assert_eq!(&tile[32 * i..32 * (i + 1)], &leaf);
        leaves.push(chunk[2..].to_vec());
    }
    let mut t = tree::Appender::new();
    for l in &leaves {
        t.push(l);
    }
    assert_eq!(
        t.root(),
        later.root,
        "the tiles rebuild the checkpoint's root"
    );
    let r = anon.get("/tlog/checkpoint").await;
    assert_eq!(r.status, 200);
    checkpoint::open_note(r.text.as_bytes(), app.key.verifier_key()).expect("signed");
    // A tile the tree does not hold yet, and paths that are not tiles.
    assert_eq!(
        anon.get(&format!("/tlog/tile/0/000.p/{}", w + 1))
            .await
            .status,
        404
    );
    assert_eq!(anon.get("/tlog/tile/0/000").await.status, 404);
    for bad in [
        "0/1",
        "9/000",
        "0/000.p/0",
        "0/000.p/300",
        "entries/x1/000",
        "a/000",
    ] {
        let r = anon.get(&format!("/tlog/tile/{bad}")).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text);
    }

    // Rebuilding writes the same tree again.
    let n = app.store.writer().rebuild().await.expect("rebuild");
    assert_eq!(n as u64, size);
    assert_eq!(app.store.tree_root(size).await.expect("root"), later.root);
}

struct Run {
    code: i32,
    out: String,
}

fn konbit_args(args: &[String]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_konbit"))
        .args(args)
        .env_remove("KONBIT_LOG_KEY")
        .env_remove("KONBIT_LOG_KEY_FILE")
        .env_remove("KONBIT_DATABASE_URL")
        .output()
        .expect("run konbit");
    Run {
        code: out.status.code().unwrap_or(-1),
        out: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn konbit(dir: &std::path::Path, args: &[&str]) -> Run {
    let mut all = vec!["--data-dir".to_string(), dir.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    konbit_args(&all)
}

fn add_user(dir: &std::path::Path, name: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_konbit"))
        .arg("--data-dir")
        .arg(dir)
        .args(["user", "add", name, "--role", "viewer"])
        .env("KONBIT_PASSWORD", "a long enough password")
        .output()
        .expect("run konbit");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `konbit log key` and `konbit log checkpoint` from the command line; `log verify
/// --checkpoint` passes while the log extends what was kept, and names where the history was
/// rewritten when a copy of the database is given another history under the same key.
#[tokio::test]
async fn the_command_line_proves_the_log_extends_checkpoints_kept_outside() {
    let a = tempfile::tempdir().expect("dir");
    let kept = tempfile::tempdir().expect("dir");
    let r = konbit(
        a.path(),
        &["--log-origin", "records.example.org/test", "migrate"],
    );
    assert_eq!(r.code, 0, "{}", r.out);
    let key = konbit(a.path(), &["log", "key"]);
    assert_eq!(key.code, 0, "{}", key.out);
    let vkey = key.out.trim().to_string();
    assert!(vkey.starts_with("records.example.org/test+"), "{vkey}");
    for name in ["ana", "ben", "cleo"] {
        add_user(a.path(), name);
    }
    let first = konbit(a.path(), &["log", "checkpoint"]);
    assert_eq!(first.code, 0, "{}", first.out);
    let c = checkpoint::open_note(first.out.as_bytes(), &vkey).expect("a signed checkpoint");
    assert_eq!((c.origin.as_str(), c.size), ("records.example.org/test", 3));
    let first_file = kept.path().join("first");
    std::fs::write(&first_file, &first.out).expect("keep");

    // A copy of the database now, to rewrite later.
    let b = tempfile::tempdir().expect("dir");
    for f in ["konbit.db", "konbit.db-wal", "log-key"] {
        if a.path().join(f).exists() {
            std::fs::copy(a.path().join(f), b.path().join(f)).expect("copy");
        }
    }

    for name in ["dan", "eve"] {
        add_user(a.path(), name);
    }
    let second = konbit(a.path(), &["log", "checkpoint"]);
    let second_file = kept.path().join("second");
    std::fs::write(&second_file, &second.out).expect("keep");
    let f1 = first_file.to_str().expect("path");
    let f2 = second_file.to_str().expect("path");
    let r = konbit(
        a.path(),
        &["log", "verify", "--checkpoint", f1, "--checkpoint", f2],
    );
    assert_eq!(r.code, 0, "{}", r.out);
    assert!(
        r.out
            .contains("the checkpoint of 5 entries kept outside is extended"),
        "{}",
        r.out
    );
    let r = konbit(
        a.path(),
        &["log", "verify", "--checkpoint", f1, "--key", &vkey],
    );
    assert_eq!(r.code, 0, "{}", r.out);

    // The copy goes another way after entry 3: the first checkpoint holds, the second not.
    for name in ["mallory", "trent"] {
        add_user(b.path(), name);
    }
    let r = konbit(
        b.path(),
        &["log", "verify", "--checkpoint", f1, "--checkpoint", f2],
    );
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(
        r.out.contains("FAILED at seq 4")
            && r.out.contains(
                "entries 4 to 5 were rewritten (the checkpoint of 3 entries still holds)"
            ),
        "{}",
        r.out
    );

    // A checkpoint changed by hand, one signed by another key, and a file that is not one.
    let forged = second.out.replacen("\n5\n", "\n6\n", 1);
    std::fs::write(kept.path().join("forged"), forged).expect("write");
    let other = tempfile::tempdir().expect("dir");
    konbit(other.path(), &["migrate"]);
    let foreign = konbit(other.path(), &["log", "checkpoint"]);
    std::fs::write(kept.path().join("foreign"), &foreign.out).expect("write");
    std::fs::write(kept.path().join("junk"), "hello\n").expect("write");
    std::fs::write(kept.path().join("huge"), "x".repeat(20_000)).expect("write");
    for (file, says) in [
        ("forged", "signature does not hold"),
        ("foreign", "not signed by this log's key"),
        ("junk", "not a signed note"),
        ("huge", "too long for a checkpoint"),
        ("missing", "cannot read"),
    ] {
        let path = kept.path().join(file);
        let r = konbit(
            a.path(),
            &[
                "log",
                "verify",
                "--checkpoint",
                path.to_str().expect("path"),
            ],
        );
        assert_ne!(r.code, 0, "{file}: {}", r.out);
        assert!(r.out.contains(says), "{file}: {}", r.out);
    }
    let r = konbit(
        a.path(),
        &["log", "verify", "--checkpoint", f1, "--key", "nonsense"],
    );
    assert_ne!(r.code, 0);
    assert!(r.out.contains("verifier key"), "{}", r.out);
}

/// Rewrites the last `cut` entries of an SQLite test database behind its server's back: they
/// and their tree nodes and rows go (the test cuts only sources), so that new writes take
/// their places with another history.
async fn cut_behind_its_back(app: &TestApp, cut: i64) {
    let n = app.log_len().await;
    let keep = n - cut;
    app.sql(&format!(
        "DROP TRIGGER IF EXISTS log_no_delete; DELETE FROM log WHERE seq > {keep}; \
         DELETE FROM sources WHERE entry_seq > {keep}; \
         DELETE FROM log_tree WHERE level = 0 AND idx >= {keep}; \
         DELETE FROM log_tree WHERE level > 0 AND (idx + 1) * (1 << level) > {keep};"
    ))
    .await
    .expect("rewrite");
}

struct Mirror {
    child: std::process::Child,
    base: String,
    witness_key: String,
}

impl Drop for Mirror {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `konbit mirror` with a page and a witness, and reads where it listens.
fn start_mirror(dir: &std::path::Path, source: &str, key: &str) -> Mirror {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_konbit"))
        .arg("--data-dir")
        .arg(dir)
        .args(["mirror", source, "--key", key, "--every", "1"])
        .args(["--listen", "127.0.0.1:0", "--witness", "witness.test/w1"])
        .env_remove("KONBIT_DATABASE_URL")
        .stdout(std::process::Stdio::piped())
        // Its alarm is expected here; its log would only clutter the test's output.
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("mirror");
    let out = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufReader::new(out).lines();
    let mut base = String::new();
    let mut witness_key = String::new();
    while witness_key.is_empty() {
        let line = lines
            .next()
            .expect("the mirror says where it listens")
            .expect("line");
        if let Some(rest) = line.strip_prefix("the mirror's page is at ") {
            base = rest.trim_end_matches("/mirror").to_string();
        }
        if let Some(rest) = line.strip_prefix("it cosigns as the witness ") {
            witness_key = rest.to_string();
        }
    }
    Mirror {
        child,
        base,
        witness_key,
    }
}

/// Two servers on loopback: a mirror follows an instance, keeps its entries, and raises the
/// alarm (exit 3, its page) when the instance's database is rewritten behind its back; as a
/// witness it cosigns the instance's checkpoints while they extend each other, and refuses the
/// rewritten history, which the instance then cannot publish.
#[tokio::test]
async fn a_mirror_witnesses_the_log_and_raises_the_alarm_on_a_rewritten_history() {
    let app = spawn_app_on(Backend::Sqlite).await;
    seed(&app).await;
    write_some(&app, 4).await;
    let vkey = app.key.verifier_key().to_string();
    let dir = tempfile::tempdir().expect("dir");
    // The command runs off the test's runtime, which serves the instance meanwhile.
    let once = |base: &str| {
        let (dir, base, vkey) = (dir.path().to_path_buf(), base.to_string(), vkey.clone());
        tokio::task::spawn_blocking(move || {
            konbit(&dir, &["mirror", &base, "--key", &vkey, "--once"])
        })
    };
    let r = once(&app.base).await.expect("ran");
    assert_eq!(r.code, 0, "{}", r.out);
    let n = app.log_len().await;
    assert!(
        r.out.contains(&format!("ok: {n} entries held")),
        "{}",
        r.out
    );
    // A wrong key is not the log's word: the round fails, and no alarm is raised.
    let other = checkpoint::LogKey::generate("konbit.test/log").expect("key");
    let (d, base, k) = (
        dir.path().to_path_buf(),
        app.base.clone(),
        other.verifier_key().to_string(),
    );
    let r =
        tokio::task::spawn_blocking(move || konbit(&d, &["mirror", &base, "--key", &k, "--once"]))
            .await
            .expect("ran");
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(r.out.contains("not signed by this log's key"), "{}", r.out);

    // The mirror as a witness; the instance, restarted, must have it cosign.
    let wdir = tempfile::tempdir().expect("dir");
    let m = start_mirror(wdir.path(), &app.base, &vkey);
    let witness =
        konbit_web::shared::checkpoints::Witness::parse(&format!("{}={}", m.base, m.witness_key))
            .expect("witness");
    let cosigned_by = |note: &str| {
        let c = checkpoint::open_note(note.as_bytes(), &vkey).expect("signed");
        (
            c.size,
            witness.cosigner.cosigned(&c.text, &c.signatures).is_some(),
        )
    };
    // Hostile requests to the witness: refused with a clear status, nothing cosigned.
    let anon = reqwest::Client::new();
    let post = |body: Vec<u8>| {
        let (anon, url) = (anon.clone(), format!("{}/add-checkpoint", m.base));
        async move {
            let r = anon.post(url).body(body).send().await.expect("post");
            (r.status().as_u16(), r.text().await.unwrap_or_default())
        }
    };
    let (status, text) = post(b"hello".to_vec()).await;
    assert_eq!(status, 400, "{text}");
    let (status, _) = post(vec![b'x'; 20_000]).await;
    assert_eq!(status, 413);
    let foreign = other.sign(3, &[1; 32]).expect("note");
    let (status, text) = post(format!("old 0\n\n{foreign}").into_bytes()).await;
    assert_eq!(status, 403, "{text}");
    assert!(text.contains("not signed by this log's key"), "{text}");
    let b = app
        .again_with(konbit_web::Config {
            witnesses: vec![witness.clone()],
            ..konbit_web::Config::default()
        })
        .await;
    let note = anon
        .get(format!("{}/api/v1/log/checkpoint", b.base))
        .send()
        .await
        .expect("get");
    assert_eq!(note.status(), 200);
    let note = note.text().await.expect("text");
    assert_eq!(cosigned_by(&note), (n as u64, true), "{note}");
    // The log grows; the witness cosigns the next checkpoint from its consistency proof.
    write_some(&app, 3).await;
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    let note = anon
        .get(format!("{}/api/v1/log/checkpoint", b.base))
        .send()
        .await
        .expect("get");
    let note = note.text().await.expect("text");
    assert_eq!(cosigned_by(&note), (n as u64 + 3, true), "{note}");
    drop(b);
    let r = once(&app.base).await.expect("ran");
    assert_eq!(r.code, 0, "{}", r.out);
    assert!(
        r.out.contains(&format!("ok: {} entries held", n + 3)),
        "{}",
        r.out
    );

    // The database is rewritten behind the servers' backs: three entries go, four others come.
    cut_behind_its_back(&app, 3).await;
    write_some(&app, 4).await;
    let c = anon
        .get(format!("{}/api/v1/log/checkpoint", app.base))
        .send()
        .await
        .expect("get");
    assert_eq!(c.status(), 200);
    // A server that needs the witness cannot publish the rewritten history.
    let b = app
        .again_with(konbit_web::Config {
            witnesses: vec![witness.clone()],
            ..konbit_web::Config::default()
        })
        .await;
    let r = anon
        .get(format!("{}/api/v1/log/checkpoint", b.base))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 503);
    let body = r.text().await.expect("text");
    assert!(
        body.contains("not_cosigned")
            && body.contains("does not show that this checkpoint extends"),
        "{body}"
    );

    // The mirror sees it: exit 3, and it stays raised.
    let fresh = app.again().await;
    let r = once(&fresh.base).await.expect("ran");
    assert_eq!(r.code, 3, "{}", r.out);
    assert!(
        r.out.contains("ALARM") && r.out.contains("rewritten"),
        "{}",
        r.out
    );
    let r = once(&fresh.base).await.expect("ran");
    assert_eq!(r.code, 3, "{}", r.out);
    assert!(r.out.contains("raised before"), "{}", r.out);
    // The following mirror shows it on its page and stops cosigning.
    let mut page = None;
    for _ in 0..40 {
        let r = anon
            .get(format!("{}/mirror.json", m.base))
            .send()
            .await
            .expect("get");
        if r.status() == 409 {
            page = Some(r.json::<Value>().await.expect("json"));
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let page = page.expect("the mirror's page shows the alarm");
    assert!(
        page["alarm"]
            .as_str()
            .is_some_and(|a| a.contains("does not extend")),
        "{page}"
    );
    let html = anon
        .get(format!("{}/mirror", m.base))
        .send()
        .await
        .expect("get");
    assert_eq!(html.status(), 409);
    let html = html.text().await.expect("text");
    assert!(html.contains("id=\"alarm\""), "{html}");
}

/// `konbit backup` copies the database while the server writes; `konbit restore` puts it in
/// an empty place only, and the log verifies there; bad paths and files are refused clearly.
#[tokio::test]
async fn a_backup_taken_while_writing_restores_and_verifies() {
    let app = spawn_app_on(Backend::Sqlite).await;
    seed(&app).await;
    let before = app.log_len().await;
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("konbit.backup");
    let writing = {
        let editor = app.client(Some(Role::Editor)).await;
        tokio::spawn(async move {
            for i in 0..40 {
                let r = editor
                    .post_json(
                        "/api/v1/sources",
                        &json!({"title": format!("During the backup {i}"), "kind": "news_article",
                                "reliability": "C", "credibility": 3,
                                "url": format!("https://example.org/b{i}")}),
                    )
                    .await;
                assert_eq!(r.status, 201, "{}", r.text);
            }
        })
    };
    let args: Vec<String> = vec![
        "--database".into(),
        app.db.url.clone(),
        "backup".into(),
        "--out".into(),
        out.display().to_string(),
    ];
    let a = args.clone();
    let r = tokio::task::spawn_blocking(move || konbit_args(&a))
        .await
        .expect("ran");
    assert_eq!(r.code, 0, "{}", r.out);
    assert!(
        r.out.contains("The log key is not in the backup"),
        "{}",
        r.out
    );
    writing.await.expect("writes");
    // Again to the same file: refused, the first copy untouched.
    let r = konbit_args(&args);
    assert_ne!(r.code, 0);
    assert!(
        r.out
            .contains("exists; a backup is written only to a new file"),
        "{}",
        r.out
    );

    let target = tempfile::tempdir().expect("dir");
    let restore = |file: &std::path::Path| {
        konbit_args(&[
            "--data-dir".into(),
            target.path().display().to_string(),
            "restore".into(),
            file.display().to_string(),
        ])
    };
    let r = restore(&out);
    assert_eq!(r.code, 0, "{}", r.out);
    assert!(r.out.contains("the log verifies"), "{}", r.out);
    let n: i64 = r
        .out
        .split("restored ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .expect("a count");
    assert!(n >= before && n <= before + 40, "{n} entries restored");
    let r = konbit(target.path(), &["log", "verify"]);
    assert_eq!(r.code, 0, "{}", r.out);
    // Never over a database that holds entries; never a file that is not a backup.
    let r = restore(&out);
    assert_ne!(r.code, 0);
    assert!(r.out.contains("already holds"), "{}", r.out);
    let junk = dir.path().join("junk");
    std::fs::write(&junk, "not a database at all").expect("write");
    let elsewhere = tempfile::tempdir().expect("dir");
    let r = konbit(elsewhere.path(), &["restore", junk.to_str().expect("path")]);
    assert_ne!(r.code, 0);
    assert!(r.out.contains("is not an SQLite database"), "{}", r.out);
    assert!(!elsewhere.path().join("konbit.db").exists());
    if let Some(pg) = konbit_testkit::postgres_url() {
        let r = konbit_args(&[
            "--database".into(),
            pg,
            "backup".into(),
            "--out".into(),
            dir.path().join("pg").display().to_string(),
        ]);
        assert_ne!(r.code, 0);
        assert!(r.out.contains("pg_dump"), "{}", r.out);
    }
}
