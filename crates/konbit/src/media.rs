//! `konbit media`: the command line of media monitoring — record articles as sources through
//! the log (from files, or from feeds watched with conditional GET), extract an article's
//! claims as JSON lines, score the extractor against gold claims. Reading and extraction live
//! in the media crate; this module walks the files and feeds, and prints.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use konbit_domain::media::{ArticleView, MAX_CONTENT, MediaCommand, NewArticle};
use konbit_domain::{Classification, Command, NewSource, Reliability, SourceCommand, SourceKind};
use konbit_media::{ArticleClaims, Document, document::MAX_BYTES, eval, feed, group, outlets};
use konbit_store::{Actor, Envelope, Store, Visibility};
use sha2::Digest;
use time::Date;
use uuid::Uuid;

#[derive(Subcommand, Debug)]
pub enum MediaCmd {
    /// Record articles (files or folders of them) as sources through the log, each graded with
    /// its outlet's default Admiralty reliability and credibility 6 (not yet judged); an
    /// article already recorded (same address, or same text) records nothing. Prints one line
    /// per article with its story (copies of one story share a number) and its claims.
    Ingest {
        /// Article files (plain text, Markdown with front matter, HTML) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Grade every article of this batch with this reliability instead of its outlet's default.
        #[arg(long)]
        reliability: Option<Reliability>,
    },
    /// Watch feeds (RSS 1.0/2.0, Atom, JSON Feed): poll each when due with a conditional GET,
    /// read every new item (its content, or the page it links to) and record it as `ingest`
    /// does. What was seen, and each feed's validators and next poll, are kept in the state file.
    Watch {
        /// Feed addresses (http:// or https://).
        #[arg(required = true)]
        feeds: Vec<String>,
        /// Seconds between polls of a feed (at least 300).
        #[arg(long, default_value_t = konbit_media::feed::DEFAULT_INTERVAL_SECS)]
        interval: u64,
        /// The state file [default: media-feeds.json in the data directory].
        #[arg(long)]
        state: Option<PathBuf>,
        /// Poll every feed once, record what is new, and stop (exit 1 if a feed failed).
        #[arg(long)]
        once: bool,
    },
    /// Print each article's claims in the claims format (docs/media-claims.md), one JSON line per
    /// article, `article` being the file's name. Folders are read file by file; a file that
    /// cannot be read is reported on stderr and the batch goes on (exit 1 at the end).
    Extract {
        /// Article files (plain text, Markdown with front matter, HTML) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
    },
    /// Compare each article's claims with the mission's record on the claim's date: agrees,
    /// conflicts (the record's figure and the difference), new to the record, or not compared
    /// (the record keeps nothing of the kind). Prints one line per claim, and the counts.
    Reconcile {
        /// Article files or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The mission whose record to compare with [default: the one in office today].
        #[arg(long)]
        mission: Option<String>,
        /// Print one JSON line per article, each claim with its verdict.
        #[arg(long)]
        json: bool,
    },
    /// Score the extractor: precision, recall and F1 per claim kind against gold claims
    /// (JSON lines in the same format), reading each gold article from DIR by its name.
    Eval {
        /// The gold claims, one JSON line per article.
        gold: PathBuf,
        /// The folder holding the articles the gold names.
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Also list the gold claims missed and the extracted claims that matched none.
        #[arg(long)]
        show: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One pretty-printed JSON array.
    Json,
}

/// Every file under the given paths, folders walked in name order.
fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            entries.sort();
            out.extend(files(&entries));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Reads and analyses one file, its size checked before it is read.
/// Reads one file, its size checked before it is read.
fn read_file(path: &Path) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("{}", path.display()))?
        .len();
    if size > MAX_BYTES as u64 {
        anyhow::bail!(
            "{}: the file is {size} bytes, more than the {MAX_BYTES} an article may have",
            path.display()
        );
    }
    std::fs::read(path).with_context(|| format!("{}", path.display()))
}

/// Reads and analyses one file.
fn analyse(path: &Path) -> Result<ArticleClaims> {
    let bytes = read_file(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    konbit_media::analyse(&name, &bytes).with_context(|| format!("{}", path.display()))
}

macro_rules! demo_article {
    ($path:literal) => {
        (
            $path,
            include_bytes!(concat!("../../../data/media/", $path)),
        )
    };
}

/// What `ingest` and `watch` share: the store, the sources already recorded (by address and by
/// digest of the text), those whose article (text and claims) is recorded, and the stories of
/// every article of the record and of this run.
struct Recorder {
    store: Store,
    known: HashMap<String, Uuid>,
    /// Each source whose article is recorded, with its place in `stories`.
    with_article: HashMap<Uuid, usize>,
    stories: group::Grouper<Uuid>,
    reliability: Option<Reliability>,
}

/// What happened to one article.
enum Recorded {
    New { id: Uuid, seq: i64 },
    Known(Uuid),
}

/// The fingerprints of an article the record keeps: its text and its summary.
fn recorded_fingerprints(a: &ArticleView) -> Vec<group::Fingerprint> {
    let mut out = vec![group::fingerprint(&a.content, &a.language)];
    if let Some(s) = a.summary.as_deref() {
        out.push(group::fingerprint(s, &konbit_media::lang::detect(s)));
    }
    out
}

/// At most `max` characters of `s`, cut at a paragraph break when there is one in the last
/// tenth (an article longer than the record keeps loses its tail, not half a sentence).
fn bounded(s: &str, max: usize) -> &str {
    let Some((cut, _)) = s.char_indices().nth(max) else {
        return s;
    };
    let head = &s[..cut];
    match head.rfind('\n') {
        Some(p) if p > cut / 10 * 9 => &head[..p],
        _ => head,
    }
}

/// The press articles of the demo: the five seed reports and the eight articles written to
/// test the extractor, recorded after the Haiti scenario so their claims meet its record.
pub const DEMO_ARTICLES: &[(&str, &[u8])] = &[
    demo_article!("seeds/000_e43cf92c9d342036.txt"),
    demo_article!("seeds/001_d2df3f5cf16c7099.txt"),
    demo_article!("seeds/002_67bf0ea954e39a1d.txt"),
    demo_article!("seeds/003_29b30a9c8175da14.txt"),
    demo_article!("seeds/004_ef5ecd34b9312beb.txt"),
    demo_article!("heldout/h01_resolution_fr.txt"),
    demo_article!("heldout/h02_funding_en.html"),
    demo_article!("heldout/h03_guatemala_en.txt"),
    demo_article!("heldout/h04_salvador_es.txt"),
    demo_article!("heldout/h05_officer_en.txt"),
    demo_article!("heldout/h06_letter_zh-hant.txt"),
    demo_article!("heldout/h07_prison_en.txt"),
    demo_article!("heldout/h08_jamaica_fr.txt"),
];

/// Records articles given as (name, bytes) into an open store, as `ingest` does; answers how
/// many were recorded. Used by the demo.
pub async fn record_articles(store: &Store, articles: &[(&str, &[u8])]) -> Result<usize> {
    let mut recorder = Recorder::new(store.clone(), None).await?;
    let mut new = 0;
    for (name, bytes) in articles {
        let doc = konbit_media::document::read(name, bytes).with_context(|| name.to_string())?;
        if let (Recorded::New { .. }, ..) = recorder.record(name, &doc).await? {
            new += 1;
        }
    }
    Ok(new)
}

impl Recorder {
    async fn open(url: &str, reliability: Option<Reliability>) -> Result<Recorder> {
        let store = super::open(url, true).await?;
        Recorder::new(store, reliability).await
    }

    async fn new(store: Store, reliability: Option<Reliability>) -> Result<Recorder> {
        let mut known = HashMap::new();
        let mut with_article = HashMap::new();
        let mut stories = group::Grouper::new();
        {
            let mut reader = store
                .reader(Visibility::ALL)
                .await
                .map_err(super::describe)?;
            for s in reader.sources(None).await.map_err(super::describe)? {
                for key in [s.url, s.reference].into_iter().flatten() {
                    known.insert(key, s.id);
                }
            }
            for a in reader.articles(true).await.map_err(super::describe)? {
                with_article.insert(a.id, stories.len());
                stories.add(a.id, recorded_fingerprints(&a));
            }
        }
        Ok(Recorder {
            store,
            known,
            with_article,
            stories,
            reliability,
        })
    }

    /// The article's entry: its text as the record keeps it and the claims whose span is in
    /// that text, in the story of `story` unless it is the first of its story.
    fn article(
        &self,
        id: Uuid,
        doc: &Document,
        article: &ArticleClaims,
        story: Option<Uuid>,
    ) -> Envelope {
        let content = bounded(&doc.body, MAX_CONTENT).to_string();
        let claims = article
            .claims
            .iter()
            .filter(|c| content.contains(c.text.as_str()))
            .cloned()
            .collect();
        let entry = NewArticle {
            source: id,
            language: doc.language.clone(),
            published_basis: article.published_basis.chars().take(500).collect(),
            story: story.filter(|s| *s != id),
            summary: doc
                .summary
                .as_deref()
                .map(|s| bounded(s, 10_000).to_string()),
            content,
            claims,
        };
        Envelope {
            subject: Some(id),
            ..Envelope::new(
                Command::Media(MediaCommand::RecordArticle(entry)),
                vec![],
                Classification::Public,
            )
        }
    }

    /// Records one article read from `name` (its file name or address) unless it is known;
    /// returns what happened, its story number and its claims. A source recorded before its
    /// text was kept gets its article now.
    async fn record(
        &mut self,
        name: &str,
        doc: &Document,
    ) -> Result<(Recorded, usize, ArticleClaims)> {
        // The publication date once: for the claims and for the source's record.
        let published = konbit_media::dates::publication(doc);
        let article = konbit_media::article_claims(doc, &published);
        let digest = format!(
            "sha256:{}",
            hex::encode(sha2::Sha256::digest(doc.body.as_bytes()))
        );
        let url = doc
            .url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        let known = url
            .as_ref()
            .and_then(|u| self.known.get(u))
            .or_else(|| self.known.get(&digest))
            .copied();
        if let Some(id) = known
            && let Some(&at) = self.with_article.get(&id)
        {
            let story = self.stories.current(group::GroupId(at)).0;
            return Ok((Recorded::Known(id), story, article));
        }
        let id = known.unwrap_or_else(Uuid::now_v7);
        let at = self.stories.len();
        let group = self.stories.add(id, group::document_fingerprints(doc));
        let story = self.stories.current(group).0;
        let first = self.stories.first_of(group).copied();
        let mut envs = Vec::new();
        if known.is_none() {
            let title = doc
                .title
                .clone()
                .or_else(|| doc.body.lines().next().map(str::to_string))
                .unwrap_or_else(|| name.to_string());
            let title: String = title.chars().take(480).collect();
            let source = NewSource {
                kind: SourceKind::NewsArticle,
                title,
                url: url.clone(),
                reference: Some(digest.clone()),
                published_on: published.day,
                outlet: doc
                    .outlet
                    .clone()
                    .or(published.outlet.clone())
                    .map(|o| o.chars().take(200).collect()),
                language: doc.language.split('-').next().map(str::to_string),
                reliability: self
                    .reliability
                    .unwrap_or_else(|| outlets::reliability(doc)),
                credibility: outlets::UNJUDGED_CREDIBILITY,
                note: Some(format!(
                    "Recorded by konbit media ingest from {}; {} claims extracted; publication: {}.",
                    name.chars().take(200).collect::<String>(),
                    article.claims.len(),
                    published.basis.chars().take(300).collect::<String>()
                )),
            };
            envs.push(Envelope {
                subject: Some(id),
                ..Envelope::new(
                    Command::Sources(SourceCommand::RegisterSource(source)),
                    vec![],
                    Classification::Public,
                )
            });
        }
        envs.push(self.article(id, doc, &article, first));
        let done = self
            .store
            .submit_all(Actor::system("media-ingest"), envs)
            .await
            .map_err(|(_, e)| super::describe(e))?;
        for key in [url, Some(digest)].into_iter().flatten() {
            self.known.insert(key, id);
        }
        self.with_article.insert(id, at);
        Ok((
            Recorded::New {
                id,
                seq: done.first().map_or(0, |d| d.seq),
            },
            story,
            article,
        ))
    }
}

#[allow(clippy::print_stdout)] // the command's output
fn report(name: &str, what: &Recorded, story: usize, article: &ArticleClaims) {
    let claims = article.claims.len();
    let published = article.published.as_deref().unwrap_or("date unknown");
    match what {
        Recorded::New { id, seq } => {
            println!(
                "recorded {name}: source {id} (log entry {seq}), story {story}, {published}, {claims} claims"
            )
        }
        Recorded::Known(id) => println!("unchanged {name}: already source {id}, story {story}"),
    }
}

#[allow(clippy::print_stdout)] // the command's output
pub async fn run(command: MediaCmd, url: &str, data_dir: &Path) -> Result<ExitCode> {
    match command {
        MediaCmd::Ingest { paths, reliability } => {
            let mut recorder = Recorder::open(url, reliability).await?;
            let (mut new, mut known, mut failed) = (0, 0, 0);
            for path in files(&paths) {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let doc = read_file(&path).and_then(|bytes| {
                    konbit_media::document::read(&name, &bytes)
                        .with_context(|| format!("{}", path.display()))
                });
                let outcome = match doc {
                    Ok(doc) => recorder.record(&name, &doc).await,
                    Err(e) => Err(e),
                };
                match outcome {
                    Ok((what, story, article)) => {
                        report(&name, &what, story, &article);
                        match what {
                            Recorded::New { .. } => new += 1,
                            Recorded::Known(_) => known += 1,
                        }
                    }
                    Err(e) => {
                        failed += 1;
                        eprintln!("konbit: {e:#}");
                    }
                }
            }
            println!(
                "{} articles: {new} recorded, {known} already recorded, {failed} refused; {} stories in the record",
                new + known + failed,
                recorder.stories.group_count()
            );
            recorder.store.close().await;
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        MediaCmd::Reconcile {
            paths,
            mission,
            json,
        } => reconcile(url, paths, mission, json).await,
        MediaCmd::Watch {
            feeds,
            interval,
            state,
            once,
        } => watch(url, data_dir, feeds, interval, state, once).await,
        MediaCmd::Extract { paths, format } => {
            let mut failed = 0;
            let mut all = Vec::new();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for path in files(&paths) {
                match analyse(&path) {
                    Ok(article) => match format {
                        Format::Jsonl => {
                            serde_json::to_writer(&mut out, &article)?;
                            std::io::Write::write_all(&mut out, b"\n")?;
                        }
                        Format::Json => all.push(article),
                    },
                    Err(e) => {
                        failed += 1;
                        eprintln!("konbit: {e:#}");
                    }
                }
            }
            if let Format::Json = format {
                serde_json::to_writer_pretty(&mut out, &all)?;
                std::io::Write::write_all(&mut out, b"\n")?;
            }
            std::io::Write::flush(&mut out)?;
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        MediaCmd::Eval {
            gold,
            dir,
            json,
            show,
        } => {
            let text =
                std::fs::read_to_string(&gold).with_context(|| format!("{}", gold.display()))?;
            let mut golds = Vec::new();
            for (i, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let g: ArticleClaims = serde_json::from_str(line)
                    .with_context(|| format!("{}: line {}", gold.display(), i + 1))?;
                golds.push(g);
            }
            let mut extracted = Vec::new();
            for g in &golds {
                match analyse(&dir.join(&g.article)) {
                    Ok(a) => extracted.push(a),
                    Err(e) => eprintln!("konbit: {e:#}"),
                }
            }
            let report = eval::score(&golds, &extracted);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut text = String::new();
            if json {
                text.push_str(&serde_json::to_string_pretty(&report)?);
                text.push('\n');
            } else {
                text.push_str(&report.table());
                text.push_str(&format!("articles scored: {}\n", report.articles));
                if !report.missing.is_empty() {
                    text.push_str(&format!(
                        "gold articles not found in {}: {}\n",
                        dir.display(),
                        report.missing.join(", ")
                    ));
                }
                if show {
                    for (article, c) in &report.unmatched_gold {
                        text.push_str(&format!(
                            "missed     {article}: {}\n",
                            serde_json::to_string(c)?
                        ));
                    }
                    for (article, c) in &report.unmatched_extracted {
                        text.push_str(&format!(
                            "unmatched  {article}: {}\n",
                            serde_json::to_string(c)?
                        ));
                    }
                }
            }
            // A reader that stops early (`| head`) is not an error worth a message.
            if let Err(e) = std::io::Write::write_all(&mut out, text.as_bytes())
                .and_then(|_| std::io::Write::flush(&mut out))
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
            Ok(if report.missing.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// Polls the feeds until stopped (or once), recording each new item.
async fn watch(
    url: &str,
    data_dir: &Path,
    feeds: Vec<String>,
    interval: u64,
    state: Option<PathBuf>,
    once: bool,
) -> Result<ExitCode> {
    for f in &feeds {
        if !(f.starts_with("http://") || f.starts_with("https://")) {
            anyhow::bail!("{f}: a feed address starts with http:// or https://");
        }
    }
    let state_path = state.unwrap_or_else(|| data_dir.join("media-feeds.json"));
    let mut states: Vec<feed::FeedState> = match std::fs::read(&state_path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: not a feed state file", state_path.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e).with_context(|| format!("{}", state_path.display())),
    };
    // The feeds asked for, in that order, keeping what was learnt about each.
    states = feeds
        .iter()
        .map(|f| match states.iter().position(|s| &s.url == f) {
            Some(i) => states.swap_remove(i).with_interval(interval),
            None => feed::FeedState::new(f.clone()).with_interval(interval),
        })
        .collect();
    let client = feed::client().context("cannot build the HTTP client")?;
    let mut recorder = Recorder::open(url, None).await?;
    let mut failed_feeds = 0;
    loop {
        let now = time::OffsetDateTime::now_utc();
        for st in states.iter_mut().filter(|s| once || s.is_due(now)) {
            let items = match feed::poll(&client, st).await {
                Ok(items) => items,
                Err(e) => {
                    failed_feeds += 1;
                    eprintln!("konbit: feed {}: {e}", st.url);
                    continue;
                }
            };
            for item in items {
                let name = item.url.clone().unwrap_or_else(|| item.id.clone());
                let bytes = match (&item.html, &item.url) {
                    (Some(html), _) if html.len() > 200 => Ok(html.clone().into_bytes()),
                    (_, Some(link)) => feed::fetch_page(&client, link)
                        .await
                        .map_err(anyhow::Error::from),
                    (Some(html), None) => Ok(html.clone().into_bytes()),
                    (None, None) => Err(anyhow::anyhow!("the item has neither content nor a link")),
                };
                let doc = bytes
                    .and_then(|b| {
                        konbit_media::document::read(&name, &b).map_err(anyhow::Error::from)
                    })
                    .map(|mut d| {
                        d.url = d.url.or(item.url.clone());
                        d.title = item.title.clone().or(d.title);
                        if d.header_date.is_none()
                            && let Some(t) = item.published
                        {
                            d.header_date = Some((t.date(), format!("feed item date ({t})")));
                        }
                        d
                    });
                match doc {
                    Ok(doc) => match recorder.record(&name, &doc).await {
                        Ok((what, story, article)) => report(&name, &what, story, &article),
                        Err(e) => eprintln!("konbit: {name}: {e:#}"),
                    },
                    Err(e) => eprintln!("konbit: {name}: {e:#}"),
                }
            }
        }
        let text = serde_json::to_vec_pretty(&states)?;
        std::fs::write(&state_path, text).with_context(|| format!("{}", state_path.display()))?;
        if once {
            break;
        }
        let next = states.iter().filter_map(|s| s.next_poll).min();
        let wait = next.map_or(std::time::Duration::from_secs(interval), |t| {
            std::time::Duration::from_secs(
                (t - time::OffsetDateTime::now_utc()).whole_seconds().max(1) as u64,
            )
        });
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    recorder.store.close().await;
    Ok(if failed_feeds == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints each claim of the articles beside the record.
#[allow(clippy::print_stdout)] // the command's output
async fn reconcile(
    url: &str,
    paths: Vec<PathBuf>,
    mission: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    let store = super::open(url, true).await?;
    let today = time::OffsetDateTime::now_utc().date();
    let mut reader = store
        .reader(Visibility::ALL)
        .await
        .map_err(super::describe)?;
    let against = reader
        .against(mission.as_deref(), today)
        .await
        .map_err(super::describe)?;
    // The reader's connection goes back to the pool before the store is closed (closing waits
    // for every connection).
    drop(reader);
    if against.is_empty() {
        store.close().await;
        anyhow::bail!("the record holds no mission to compare with");
    }
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    let mut failed = 0;
    for path in files(&paths) {
        let article = match analyse(&path) {
            Ok(a) => a,
            Err(e) => {
                failed += 1;
                eprintln!("konbit: {e:#}");
                continue;
            }
        };
        let mut lines = Vec::new();
        let mut judged = Vec::new();
        // A claim with no date speaks of the day the article was written.
        let written = article
            .published
            .as_deref()
            .and_then(|d| {
                Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).ok()
            })
            .unwrap_or(today);
        for claim in &article.claims {
            let Some(konbit_store::media::Judged { mission, verdict }) =
                against.judge(claim, written).map_err(super::describe)?
            else {
                continue;
            };
            *counts.entry(verdict.label()).or_default() += 1;
            let what = format!(
                "{}/{} {} {} {} [{}]",
                claim.kind,
                claim.event,
                claim.subject,
                claim.value.map_or("-".to_string(), |v| v.to_string()),
                claim.date.as_deref().unwrap_or("(no date)"),
                mission
            );
            lines.push(match &verdict {
                konbit_store::media::Verdict::Agrees { record } => {
                    format!("  agrees        {what} — record: {}", record.english())
                }
                konbit_store::media::Verdict::Conflicts { record, difference } => format!(
                    "  conflicts     {what} — record: {}{}",
                    record.english(),
                    difference.map_or(String::new(), |d| format!(" (difference {d:+})"))
                ),
                konbit_store::media::Verdict::New => format!("  new           {what}"),
                konbit_store::media::Verdict::NotCompared => format!("  not compared  {what}"),
            });
            judged
                .push(serde_json::json!({"claim": claim, "mission": mission, "verdict": verdict}));
        }
        if json {
            println!(
                "{}",
                serde_json::json!({"article": article.article, "published": article.published, "claims": judged})
            );
        } else {
            println!(
                "{} ({}):",
                article.article,
                article.published.as_deref().unwrap_or("date unknown")
            );
            for l in lines {
                println!("{l}");
            }
        }
    }
    if !json {
        let get = |k: &str| counts.get(k).copied().unwrap_or(0);
        println!(
            "against the record ({}): {} agree, {} conflict, {} new, {} not compared",
            against.missions().collect::<Vec<_>>().join(", "),
            get("agrees"),
            get("conflicts"),
            get("new"),
            get("not_compared")
        );
    }
    store.close().await;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
