//! `konbit mirror URL`: follows another instance's record log over HTTP. Each round it fetches
//! the signed checkpoint, checks the signature, checks with a consistency proof that it extends
//! the last checkpoint held, fetches the new entries, recomputes every link and the Merkle root
//! at the checkpoint's size, and keeps entries and checkpoint together. If the instance ever
//! shows a history that does not extend what it showed before (a split view), the mirror
//! records an alarm with both checkpoints, logs it, shows it on its `/mirror` page, stops
//! following, and exits with [`SPLIT_VIEW`]. With `--listen` it also serves that page and, with a
//! witness key, cosigns the instance's checkpoints (C2SP tlog-witness).

use anyhow::{Context, Result};
use konbit_store::{
    Store,
    checkpoint::{self, Checkpoint, WitnessKey},
    log,
    mirror::{Alarm, Held, MirroredEntry},
    tree::{self, Appender, Hash},
};
use konbit_web::record::mirror::{MirrorApp, Status};
use std::{
    net::SocketAddr,
    process::ExitCode,
    sync::{Arc, RwLock},
    time::Duration,
};

/// The exit code of a mirror that saw a split view.
pub const SPLIT_VIEW: u8 = 3;

/// How `konbit mirror` runs.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The instance to follow, e.g. https://records.example.org.
    pub url: String,
    /// Its verifier key (what `konbit log key` prints there).
    #[arg(long, env = "KONBIT_MIRROR_KEY")]
    pub key: String,
    /// An API token of that instance: the entries it may read are kept with their content.
    #[arg(long, env = "KONBIT_MIRROR_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Seconds between two checks.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub every: u64,
    /// Check once and exit (0: in step, 1: could not check, 3: split view).
    #[arg(long)]
    pub once: bool,
    /// Serve the status page (/mirror) and, with --witness, the witness here.
    #[arg(long)]
    pub listen: Option<SocketAddr>,
    /// Cosign the instance's checkpoints as a witness of this name (C2SP tlog-witness); the
    /// witness key is made in --data-dir. Needs --listen.
    #[arg(long, requires = "listen")]
    pub witness: Option<String>,
}

/// The largest response read from the followed instance (a page of 1,000 entries with their
/// content stays well under it).
const MAX_RESPONSE: usize = 64 * 1024 * 1024;

/// Entries asked for per request.
const PAGE: u64 = 1000;

/// Why a round ended without news.
enum Trouble {
    /// The instance could not be reached or read; tried again next round.
    Transient(String),
    /// A split view.
    Split(Alarm),
}

struct Follower {
    args: Args,
    http: reqwest::Client,
    store: Store,
    /// The tree over the entries held.
    tree: Appender,
    /// The last entry held's chain hash.
    last_hash: Hash,
}

fn now_us() -> i64 {
    konbit_store::micros(time::OffsetDateTime::now_utc())
}

fn now_text() -> String {
    log::format_recorded_at(time::OffsetDateTime::now_utc())
}

async fn get(http: &reqwest::Client, url: &str, token: Option<&str>) -> Result<Vec<u8>, String> {
    let mut req = http.get(url);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let mut r = req.send().await.map_err(|e| format!("{url}: {e}"))?;
    if !r.status().is_success() {
        return Err(format!("{url}: {}", r.status()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = r.chunk().await.map_err(|e| format!("{url}: {e}"))? {
        if body.len() + chunk.len() > MAX_RESPONSE {
            return Err(format!(
                "{url}: the answer is larger than {MAX_RESPONSE} bytes"
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn unhex(v: &serde_json::Value, what: &str, seq: u64) -> Result<Hash, String> {
    v.as_str()
        .and_then(|s| hex::decode(s).ok())
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| format!("entry {seq}: {what} is not a hex SHA-256 hash"))
}

impl Follower {
    fn split(&self, problem: String, held: &str, shown: &str) -> Trouble {
        Trouble::Split(Alarm {
            raised_us: now_us(),
            problem,
            held_note: held.to_string(),
            shown_note: shown.to_string(),
        })
    }

    /// The root over the first `size` entries held (a past size: read again from the store).
    async fn root_held(&self, size: u64) -> Result<Hash, String> {
        let mut t = Appender::new();
        while t.size() < size {
            let page = self
                .store
                .mirror_hashes_after(t.size(), 5000)
                .await
                .map_err(|e| e.to_string())?;
            if page.is_empty() {
                break;
            }
            for h in page {
                if t.size() < size {
                    t.push(&h);
                }
            }
            t.take();
        }
        Ok(t.root())
    }

    /// One round: what the instance shows now, checked against what is held.
    async fn round(&mut self) -> Result<(), Trouble> {
        let base = self.args.url.trim_end_matches('/').to_string();
        let note = get(&self.http, &format!("{base}/api/v1/log/checkpoint"), None)
            .await
            .map_err(Trouble::Transient)?;
        let c = checkpoint::open_note(&note, &self.args.key).map_err(|why| {
            // Not signed by the key: not the log's word, so not a split view by the log.
            Trouble::Transient(format!("the checkpoint served: {why}"))
        })?;
        let shown = String::from_utf8_lossy(&note).into_owned();
        let held = self
            .store
            .mirror_latest()
            .await
            .map_err(|e| Trouble::Transient(e.to_string()))?;
        if let Some(h) = &held {
            if c.size < h.size {
                // An older checkpoint is no split view if our copy of the log had that root.
                let root = self.root_held(c.size).await.map_err(Trouble::Transient)?;
                if root != c.root {
                    return Err(self.split(
                        format!(
                            "the log showed a checkpoint of {} entries whose root is not the \
                             root of the first {} entries it showed before",
                            c.size, c.size
                        ),
                        &h.note,
                        &shown,
                    ));
                }
                return Ok(());
            }
            if c.size == h.size {
                if c.root != h.root {
                    return Err(self.split(
                        format!(
                            "the log showed two checkpoints of {} entries with different roots",
                            c.size
                        ),
                        &h.note,
                        &shown,
                    ));
                }
                return Ok(());
            }
            let body = get(
                &self.http,
                &format!(
                    "{base}/api/v1/log/proof/consistency?from={}&to={}",
                    h.size, c.size
                ),
                None,
            )
            .await
            .map_err(Trouble::Transient)?;
            let proof = parse_proof(&body).map_err(Trouble::Transient)?;
            if !tree::verify_consistency(h.size, c.size, &h.root, &c.root, &proof) {
                return Err(self.split(
                    format!(
                        "the log's checkpoint of {} entries does not extend the checkpoint of \
                         {} entries it showed before: its history was rewritten",
                        c.size, h.size
                    ),
                    &h.note,
                    &shown,
                ));
            }
        }
        self.fetch_up_to(&base, &c, held.as_ref(), &shown).await?;
        Ok(())
    }

    /// Fetches and checks the entries up to the checkpoint's size, then keeps the checkpoint.
    async fn fetch_up_to(
        &mut self,
        base: &str,
        c: &Checkpoint,
        held: Option<&Held>,
        shown: &str,
    ) -> Result<(), Trouble> {
        let held_note = held.map(|h| h.note.clone()).unwrap_or_default();
        while self.tree.size() < c.size {
            let after = self.tree.size();
            let limit = PAGE.min(c.size - after);
            let body = get(
                &self.http,
                &format!("{base}/api/v1/log?after={after}&limit={limit}"),
                self.args.token.as_deref(),
            )
            .await
            .map_err(Trouble::Transient)?;
            let page: Vec<serde_json::Value> = serde_json::from_slice(&body)
                .map_err(|e| Trouble::Transient(format!("the log's entries: {e}")))?;
            if page.is_empty() {
                return Err(Trouble::Transient(format!(
                    "the log served no entry after {after} though its checkpoint shows {}",
                    c.size
                )));
            }
            let mut kept = Vec::with_capacity(page.len());
            for e in page
                .into_iter()
                .take(usize::try_from(limit).unwrap_or(usize::MAX))
            {
                let seq = self.tree.size() + 1;
                let entry = match check_entry(&e, seq, &self.last_hash) {
                    Ok(m) => m,
                    Err(why) => return Err(self.split(why, &held_note, shown)),
                };
                self.tree.push(&entry.hash);
                self.tree.take();
                self.last_hash = entry.hash;
                kept.push(entry);
            }
            let done = self.tree.size() == c.size;
            if done && self.tree.root() != c.root {
                return Err(self.split(
                    format!(
                        "the entries the log served do not hash to the root of its checkpoint \
                         of {} entries",
                        c.size
                    ),
                    &held_note,
                    shown,
                ));
            }
            let checkpoint = done.then(|| Held {
                size: c.size,
                root: c.root,
                note: shown.to_string(),
                seen_us: now_us(),
            });
            self.store
                .mirror_keep(&kept, checkpoint.as_ref())
                .await
                .map_err(|e| Trouble::Transient(format!("the mirror's database: {e}")))?;
        }
        Ok(())
    }
}

/// Checks one served entry: its place, its link to the one before, its digest (when its content
/// is served) and its hash. A failure is the log serving entries that do not chain.
fn check_entry(e: &serde_json::Value, seq: u64, prev: &Hash) -> Result<MirroredEntry, String> {
    if e["seq"].as_u64() != Some(seq) {
        return Err(format!(
            "the log served entry {} where entry {seq} belongs",
            e["seq"]
        ));
    }
    let digest = unhex(&e["digest"], "digest", seq)?;
    let prev_hash = unhex(&e["prev_hash"], "prev_hash", seq)?;
    let hash = unhex(&e["hash"], "hash", seq)?;
    let classification = e["classification"].as_str().unwrap_or_default().to_string();
    if prev_hash != *prev {
        return Err(format!("entry {seq} does not link to the entry before it"));
    }
    if e["redacted"] == false {
        let s = |k: &str| e[k].as_str().unwrap_or_default();
        let salt = hex::decode(s("salt")).unwrap_or_default();
        let subject = s("subject").parse().unwrap_or_default();
        let d = log::content_digest(
            &salt,
            s("recorded_at"),
            s("actor"),
            s("kind"),
            &subject,
            s("valid_at"),
            s("body"),
            s("sources"),
        );
        if d != digest {
            return Err(format!("entry {seq}'s content does not hash to its digest"));
        }
    }
    let seq_i = i64::try_from(seq).unwrap_or(i64::MAX);
    if log::link_hash(prev, seq_i, &classification, &digest) != hash {
        return Err(format!(
            "entry {seq}'s hash does not match its place and digest"
        ));
    }
    Ok(MirroredEntry {
        seq: seq_i,
        classification,
        digest,
        prev_hash,
        hash,
        entry: e.to_string(),
    })
}

fn parse_proof(body: &[u8]) -> Result<Vec<Hash>, String> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("the consistency proof: {e}"))?;
    v["hashes"]
        .as_array()
        .ok_or("the consistency proof has no hashes")?
        .iter()
        .map(|h| {
            h.as_str()
                .and_then(|s| hex::decode(s).ok())
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| "a proof hash is not hex SHA-256".to_string())
        })
        .collect()
}

fn show_alarm(status: &Arc<RwLock<Status>>, a: &Alarm) {
    if let Ok(mut s) = status.write() {
        s.alarm = Some(a.problem.clone());
        s.alarm_held = Some(a.held_note.clone());
        s.alarm_shown = Some(a.shown_note.clone());
    }
}

/// Runs the mirror until stopped (or, with `--once`, for one round).
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub async fn run(args: Args, store: Store, data_dir: &std::path::Path) -> Result<ExitCode> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .user_agent(concat!("konbit-mirror/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("no HTTP client")?;
    let origin = args.key.split('+').next().unwrap_or_default().to_string();
    let witness = match &args.witness {
        Some(name) => Some(Arc::new(
            WitnessKey::load_or_create(data_dir, name).map_err(|e| anyhow::anyhow!("{e}"))?,
        )),
        None => None,
    };
    let (entries, last_hash) = store.mirror_head().await?;
    let status = Arc::new(RwLock::new(Status {
        source: args.url.clone(),
        origin,
        entries,
        witness_key: witness.as_ref().map(|w| w.verifier_key()),
        ..Status::default()
    }));
    let mut f = Follower {
        http,
        store: store.clone(),
        tree: Appender::new(),
        last_hash,
        args: args.clone(),
    };
    // The tree over what is held, and that it still has the root of the checkpoint held.
    while f.tree.size() < entries {
        let page = store.mirror_hashes_after(f.tree.size(), 5000).await?;
        if page.is_empty() {
            break;
        }
        for h in page {
            f.tree.push(&h);
        }
        f.tree.take();
    }
    if let Some(h) = store.mirror_latest().await?
        && let Ok(mut s) = status.write()
    {
        s.checkpoint_size = Some(h.size);
        s.checkpoint_root = Some(hex::encode(h.root));
    }
    let server = match args.listen {
        Some(addr) => {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("cannot listen on {addr}"))?;
            let app = MirrorApp {
                status: status.clone(),
                store: store.clone(),
                log_key: args.key.clone(),
                witness: witness.clone(),
                cosigning: Arc::default(),
            };
            println!(
                "the mirror's page is at http://{}/mirror",
                listener.local_addr()?
            );
            if let Some(w) = &witness {
                println!("it cosigns as the witness {}", w.verifier_key());
            }
            Some(tokio::spawn(async move {
                let _ = konbit_web::record::mirror::serve(listener, app).await;
            }))
        }
        None => None,
    };
    let before = store.mirror_alarm().await?;
    if let Some(a) = &before {
        show_alarm(&status, a);
        eprintln!("ALARM (raised before): {}", a.problem);
    }
    while before.is_none() {
        let outcome = f.round().await;
        if let Ok(mut s) = status.write() {
            s.checked_at = Some(now_text());
            s.entries = f.tree.size();
        }
        match outcome {
            Ok(()) => {
                if let Some(h) = store.mirror_latest().await?
                    && let Ok(mut s) = status.write()
                {
                    s.checkpoint_size = Some(h.size);
                    s.checkpoint_root = Some(hex::encode(h.root));
                    s.last_error = None;
                }
            }
            Err(Trouble::Transient(why)) => {
                tracing::warn!(reason = %why, "mirror: this round failed; trying again");
                if let Ok(mut s) = status.write() {
                    s.last_error = Some(why.clone());
                }
                if args.once {
                    eprintln!("the round failed: {why}");
                    return Ok(ExitCode::from(1));
                }
            }
            Err(Trouble::Split(a)) => {
                store.mirror_raise(&a).await?;
                tracing::error!(problem = %a.problem, "mirror: SPLIT VIEW — the log showed a history that does not extend what it showed before");
                eprintln!("ALARM: {}", a.problem);
                show_alarm(&status, &a);
                break;
            }
        }
        if args.once {
            println!(
                "ok: {} entries held, checkpoint of {} entries checked",
                f.tree.size(),
                status
                    .read()
                    .ok()
                    .and_then(|s| s.checkpoint_size)
                    .unwrap_or(0)
            );
            return Ok(ExitCode::SUCCESS);
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(args.every)) => {}
            _ = tokio::signal::ctrl_c() => return Ok(ExitCode::SUCCESS),
        }
    }
    // A split view: the page keeps showing it until the mirror is stopped.
    if let Some(server) = server
        && !args.once
    {
        let _ = tokio::signal::ctrl_c().await;
        server.abort();
    }
    Ok(ExitCode::from(SPLIT_VIEW))
}
