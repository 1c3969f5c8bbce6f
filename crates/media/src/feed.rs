//! News feeds: parsing RSS 0.9x/1.0/2.0, Atom and JSON Feed (with `feed-rs`) into items, and
//! polling a feed politely and safely: conditional GET from the last answer's `ETag` and
//! `Last-Modified` (a 304 costs the outlet nothing), a per-feed interval with a floor and a
//! back-off on errors (and the server's `Retry-After`), a timeout on the whole exchange, a
//! bounded read of the body, and only the items not seen before. A feed's state is plain data
//! the caller keeps (in a JSON file) between runs. Every failure comes back as that feed's
//! `FeedError`, never a panic, so one bad feed does not stop the others.
//!
//! `poll` takes the caller's `reqwest::Client` (one per process: it pools connections), made by
//! [`client`]: it names itself (outlets block requests without a user agent) and speaks TLS
//! through rustls with the ring provider, checking certificates against the system's roots.

use std::collections::{HashSet, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT, ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, RETRY_AFTER,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Makes ring the process's TLS provider (rustls), once. Every `reqwest::Client` of the process
/// needs one before it is built: the binary and the tests call this first.
pub fn install_tls() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Another part of the process may have installed one first; that one serves as well.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The HTTP client that polls feeds and fetches pages: TLS through rustls, the system's roots,
/// a user agent naming Konbit.
pub fn client() -> Result<reqwest::Client, reqwest::Error> {
    install_tls();
    reqwest::Client::builder()
        .user_agent(concat!(
            "Konbit/",
            env!("CARGO_PKG_VERSION"),
            " (media monitoring)"
        ))
        .build()
}

/// The largest feed read. Big outlets' full-text feeds reach 1–2 MB; 10 MiB is ample and
/// bounds what one feed can make the monitor hold.
pub const MAX_FEED_BYTES: usize = 10 << 20;
/// The shortest interval between two polls of one feed (5 minutes): news feeds change a few
/// times an hour, and outlets throttle clients that ask more often.
pub const MIN_INTERVAL_SECS: u64 = 300;
/// The interval a new feed gets.
pub const DEFAULT_INTERVAL_SECS: u64 = 900;
/// The longest wait after errors: a broken feed is still tried once a day.
pub const MAX_BACKOFF_SECS: u64 = 86_400;
/// How long one exchange (connection, answer and body) may take.
pub const DEFAULT_TIMEOUT_MS: u64 = 30_000;
/// How many item ids a feed remembers: more than any feed lists at once (they list 10 to a
/// few hundred), so an item that stays in the feed is never taken for new.
pub const SEEN_LIMIT: usize = 2_000;

/// One item of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The feed's id for the item (its guid or Atom id); when it gives none, the item's link,
    /// or a stable hash of its title or content.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication time (the update time when the feed gives only that).
    pub published: Option<OffsetDateTime>,
    /// The item's content, or its summary when there is no content: HTML as feeds carry it
    /// (or plain text); `None` when the item carries only a link (see `fetch_page`).
    pub html: Option<String>,
}

/// What the monitor remembers about one feed between polls; serialise it to keep it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedState {
    pub url: String,
    /// The last answer's `ETag`, sent back as `If-None-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The last answer's `Last-Modified`, sent back as `If-Modified-Since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Ids of the items already returned, oldest first, at most `SEEN_LIMIT`.
    #[serde(default)]
    pub seen: VecDeque<String>,
    /// Seconds between polls when all is well (never less than `MIN_INTERVAL_SECS`).
    #[serde(default = "default_interval")]
    pub interval_secs: u64,
    /// How long one poll may take, in milliseconds.
    #[serde(default = "default_timeout")]
    pub timeout_ms: u64,
    /// When the feed is next due.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub next_poll: Option<OffsetDateTime>,
    /// Polls failed in a row (the back-off doubles the interval for each).
    #[serde(default)]
    pub failures: u32,
    /// The last failure, for the operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

fn default_interval() -> u64 {
    DEFAULT_INTERVAL_SECS
}

fn default_timeout() -> u64 {
    DEFAULT_TIMEOUT_MS
}

impl FeedState {
    /// A feed never polled: due now, default interval and timeout.
    pub fn new(url: impl Into<String>) -> Self {
        FeedState {
            url: url.into(),
            etag: None,
            last_modified: None,
            seen: VecDeque::new(),
            interval_secs: DEFAULT_INTERVAL_SECS,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            next_poll: None,
            failures: 0,
            last_error: None,
        }
    }

    /// The same feed polled every `secs` seconds (raised to `MIN_INTERVAL_SECS`).
    pub fn with_interval(mut self, secs: u64) -> Self {
        self.interval_secs = secs.max(MIN_INTERVAL_SECS);
        self
    }

    /// Whether the feed is due at `now`.
    pub fn is_due(&self, now: OffsetDateTime) -> bool {
        self.next_poll.is_none_or(|t| t <= now)
    }

    /// The interval in force: the configured one, never under the floor.
    pub fn interval(&self) -> Duration {
        Duration::from_secs(self.interval_secs.max(MIN_INTERVAL_SECS))
    }

    fn timeout(&self) -> Duration {
        Duration::from_millis(self.timeout_ms.max(1))
    }

    fn succeeded(&mut self, now: OffsetDateTime) {
        self.failures = 0;
        self.last_error = None;
        self.next_poll = Some(now + self.interval());
    }

    /// After a failure: the interval doubled for each failure in a row, up to a day, and no
    /// sooner than the server's `Retry-After`.
    fn failed(&mut self, now: OffsetDateTime, error: &FeedError, retry_after: Option<u64>) {
        self.failures = self.failures.saturating_add(1);
        self.last_error = Some(error.to_string());
        let base = self.interval().as_secs();
        let backoff = base
            .saturating_mul(1u64 << self.failures.min(16))
            .min(MAX_BACKOFF_SECS);
        let wait = backoff.max(retry_after.unwrap_or(0).min(MAX_BACKOFF_SECS));
        self.next_poll = Some(now + Duration::from_secs(wait));
    }

    /// Keeps the items not seen before, in the feed's order, and remembers them.
    fn unseen(&mut self, items: Vec<FeedItem>) -> Vec<FeedItem> {
        let mut known: HashSet<String> = self.seen.iter().cloned().collect();
        let fresh: Vec<FeedItem> = items
            .into_iter()
            .filter(|item| known.insert(item.id.clone()))
            .collect();
        self.seen.extend(fresh.iter().map(|item| item.id.clone()));
        while self.seen.len() > SEEN_LIMIT {
            self.seen.pop_front();
        }
        fresh
    }
}

/// Why a feed (or a page) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("{url}: not an http or https address")]
    BadUrl { url: String },
    #[error("{url}: no complete answer within {} s", *ms as f64 / 1000.0)]
    Timeout { url: String, ms: u64 },
    #[error("{url}: the server answered {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: {reason}")]
    Network { url: String, reason: String },
    #[error("{url}: the answer is larger than the {limit} bytes allowed")]
    TooLarge { url: String, limit: usize },
    #[error("{url}: not a feed RSS, Atom or JSON Feed can read ({reason})")]
    Malformed { url: String, reason: String },
}

/// Polls one feed: returns the items not seen before (none when the server answers 304 Not
/// Modified), and updates `state` (validators, seen ids, next poll time, failures). The caller
/// polls the feeds that are due (`FeedState::is_due`) and saves the states afterwards.
pub async fn poll(
    client: &reqwest::Client,
    state: &mut FeedState,
) -> Result<Vec<FeedItem>, FeedError> {
    let now = OffsetDateTime::now_utc();
    let validators = (state.etag.clone(), state.last_modified.clone());
    let answer = fetch(
        client,
        &state.url,
        MAX_FEED_BYTES,
        state.timeout(),
        Some(validators),
    )
    .await;
    let outcome = match answer {
        Ok(Answer::NotModified(headers)) => {
            remember_validators(state, &headers);
            Ok(Vec::new())
        }
        Ok(Answer::Body(bytes, headers)) => match parse(&state.url, &bytes) {
            Ok(items) => {
                // Validators are kept only for a feed that was read: a 304 must never hide
                // a feed we failed on.
                state.etag = None;
                state.last_modified = None;
                remember_validators(state, &headers);
                Ok(state.unseen(items))
            }
            Err(e) => Err((e, None)),
        },
        Err(e) => Err(e),
    };
    match outcome {
        Ok(items) => {
            state.succeeded(now);
            Ok(items)
        }
        Err((error, retry_after)) => {
            state.failed(now, &error, retry_after);
            Err(error)
        }
    }
}

/// Fetches the page an item links to, with the same care (timeout `DEFAULT_TIMEOUT_MS`, at
/// most `document::MAX_BYTES`, which `document::read` would refuse anyway).
pub async fn fetch_page(client: &reqwest::Client, url: &str) -> Result<Vec<u8>, FeedError> {
    fetch_page_within(client, url, Duration::from_millis(DEFAULT_TIMEOUT_MS)).await
}

/// `fetch_page` with another timeout.
pub async fn fetch_page_within(
    client: &reqwest::Client,
    url: &str,
    timeout: Duration,
) -> Result<Vec<u8>, FeedError> {
    match fetch(client, url, crate::document::MAX_BYTES, timeout, None).await {
        Ok(Answer::Body(bytes, _)) => Ok(bytes),
        Ok(Answer::NotModified(_)) => Err(FeedError::Status {
            url: url.to_string(),
            status: 304,
        }),
        Err((e, _)) => Err(e),
    }
}

fn remember_validators(state: &mut FeedState, headers: &HeaderMap) {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
            .map(str::to_string)
    };
    if let Some(etag) = text(ETAG) {
        state.etag = Some(etag);
    }
    if let Some(lm) = text(LAST_MODIFIED) {
        state.last_modified = Some(lm);
    }
}

enum Answer {
    NotModified(HeaderMap),
    Body(Vec<u8>, HeaderMap),
}

/// One GET with a deadline on the whole exchange and a bounded body; an error comes with the
/// server's `Retry-After` in seconds, when it sent one.
async fn fetch(
    client: &reqwest::Client,
    url: &str,
    limit: usize,
    timeout: Duration,
    validators: Option<(Option<String>, Option<String>)>,
) -> Result<Answer, (FeedError, Option<u64>)> {
    let owned = || url.to_string();
    let parsed =
        reqwest::Url::parse(url).map_err(|_| (FeedError::BadUrl { url: owned() }, None))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err((FeedError::BadUrl { url: owned() }, None));
    }
    let mut request = client.get(parsed).timeout(timeout).header(
        ACCEPT,
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, \
         application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
    );
    if let Some((etag, last_modified)) = validators {
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(lm) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, lm);
        }
    }
    let timed_out = || {
        let ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        (FeedError::Timeout { url: owned(), ms }, None)
    };
    let network = |e: reqwest::Error| {
        if e.is_timeout() {
            return timed_out();
        }
        (
            FeedError::Network {
                url: owned(),
                reason: describe(&e),
            },
            None,
        )
    };
    let exchange = async {
        let mut response = request.send().await.map_err(network)?;
        let status = response.status();
        let headers = response.headers().clone();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Answer::NotModified(headers));
        }
        if !status.is_success() {
            let retry_after = headers
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            return Err((
                FeedError::Status {
                    url: owned(),
                    status: status.as_u16(),
                },
                retry_after,
            ));
        }
        let too_large = || {
            (
                FeedError::TooLarge {
                    url: owned(),
                    limit,
                },
                None,
            )
        };
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(network)? {
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Answer::Body(body, headers))
    };
    // reqwest's own timeout covers the exchange too; this one is the guarantee.
    tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| timed_out())?
}

/// An HTTP error in words: reqwest's message and its causes ("error sending request: client
/// error (Connect): tcp connect error: Connection refused"), without the address repeated.
fn describe(e: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(err) = source {
        let text = err.to_string();
        if !parts.iter().any(|p: &String| p.contains(&text)) {
            parts.push(text);
        }
        source = err.source();
    }
    let joined = parts.join(": ");
    match e.url() {
        Some(u) => joined.replace(&format!(" for url ({u})"), ""),
        None => joined,
    }
}

/// Parses a feed document (RSS 0.9x, 1.0, 2.0, Atom or JSON Feed). `url` is the feed's address:
/// relative links are resolved against it, and errors name it.
pub fn parse(url: &str, bytes: &[u8]) -> Result<Vec<FeedItem>, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge {
            url: url.to_string(),
            limit: MAX_FEED_BYTES,
        });
    }
    let malformed = |reason: String| FeedError::Malformed {
        url: url.to_string(),
        reason,
    };
    let base = (url.starts_with("http://") || url.starts_with("https://")).then_some(url);
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base)
        .id_generator(stable_id)
        .build();
    // feed-rs is a third-party parser fed bytes from the internet: should it ever panic, that
    // is this feed's error, not the end of the monitor.
    let feed = catch_unwind(AssertUnwindSafe(|| parser.parse(bytes)))
        .map_err(|_| malformed("the feed parser failed on it".into()))?
        .map_err(|e| malformed(e.to_string()))?;
    Ok(feed.entries.into_iter().map(item).collect())
}

/// An id for an item that has none, stable across polls (feed-rs's fallback is a random UUID,
/// which would make the item new every time): its link, else a hash of its title; empty when
/// it has neither, and `item` then hashes its content.
fn stable_id(
    links: &[feed_rs::model::Link],
    title: &Option<feed_rs::model::Text>,
    _base: Option<&str>,
) -> String {
    if let Some(link) = links.first() {
        return link.href.clone();
    }
    match title {
        Some(t) if !t.content.trim().is_empty() => {
            format!("title:{:016x}", fnv1a(t.content.trim().as_bytes()))
        }
        _ => String::new(),
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across Rust versions (std's does not promise
/// to), since ids are saved.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn item(entry: feed_rs::model::Entry) -> FeedItem {
    let non_empty = |s: String| {
        let t = s.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .and_then(|l| non_empty(l.href.clone()));
    let title = entry.title.and_then(|t| non_empty(t.content));
    let published = entry
        .published
        .or(entry.updated)
        .and_then(|t| t.timestamp_nanos_opt())
        .and_then(|ns| OffsetDateTime::from_unix_timestamp_nanos(i128::from(ns)).ok());
    let html = entry
        .content
        .and_then(|c| c.body)
        .and_then(non_empty)
        .or_else(|| entry.summary.and_then(|s| non_empty(s.content)));
    let id = match entry.id.trim() {
        "" => format!(
            "content:{:016x}",
            fnv1a(html.as_deref().unwrap_or("").as_bytes())
        ),
        id => id.to_string(),
    };
    FeedItem {
        id,
        url,
        title,
        published,
        html,
    }
}

#[cfg(test)]
mod tests {
    //! Feeds served by a small HTTP/1.1 server inside the test, on 127.0.0.1 only, answering
    //! hand-written responses.

    use std::collections::HashMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    use super::*;

    /// What the test server does with a request.
    enum Reply {
        /// Status, headers, body.
        Send(u16, Vec<(&'static str, String)>, Vec<u8>),
        /// Accepts and never answers.
        Hang,
        /// Streams `size` bytes without a length, or with a declared length.
        Stream { size: usize, declared: bool },
    }

    type Handler = Arc<dyn Fn(&HashMap<String, String>, usize) -> Reply + Send + Sync>;

    /// Serves `handler` on a free loopback port; the handler gets the request's headers (names
    /// in lower case) and the request's number (0, 1, …). Returns the base address.
    async fn serve(handler: Handler) -> String {
        let listener = match TcpListener::bind("127.0.0.1:0").await {
            Ok(l) => l,
            Err(e) => panic!("bind: {e}"),
        };
        let addr = match listener.local_addr() {
            Ok(a) => a,
            Err(e) => panic!("addr: {e}"),
        };
        let count = Arc::new(AtomicUsize::new(0));
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let handler = handler.clone();
                let n = count.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(answer(socket, handler, n));
            }
        });
        format!("http://{addr}")
    }

    async fn answer(mut socket: TcpStream, handler: Handler, n: usize) {
        let mut head = Vec::new();
        let mut buf = [0u8; 4096];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65_536 {
            match socket.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(k) => head.extend_from_slice(&buf[..k]),
            }
        }
        let text = String::from_utf8_lossy(&head);
        let headers: HashMap<String, String> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        match handler(&headers, n) {
            Reply::Send(status, extra, body) => {
                let mut out = format!(
                    "HTTP/1.1 {status} X\r\nConnection: close\r\nContent-Length: {}\r\n",
                    body.len()
                );
                for (k, v) in extra {
                    out.push_str(&format!("{k}: {v}\r\n"));
                }
                out.push_str("\r\n");
                let mut bytes = out.into_bytes();
                bytes.extend_from_slice(&body);
                let _ = socket.write_all(&bytes).await;
            }
            Reply::Hang => {
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
            Reply::Stream { size, declared } => {
                let head = if declared {
                    format!(
                        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: {size}\r\n\r\n"
                    )
                } else {
                    "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_string()
                };
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b'x'; 64 * 1024];
                let mut sent = 0;
                while sent < size {
                    if socket.write_all(&chunk).await.is_err() {
                        return;
                    }
                    sent += chunk.len();
                }
            }
        }
        let _ = socket.shutdown().await;
    }

    fn ok(body: &str, extra: Vec<(&'static str, String)>) -> Reply {
        Reply::Send(200, extra, body.as_bytes().to_vec())
    }

    const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Kenyan police land in Haiti</title><link>https://wire.example/a</link><guid>wire-a</guid>
<pubDate>Tue, 25 Jun 2024 16:02:00 GMT</pubDate><description>&lt;p&gt;The first 400 officers landed on Tuesday.&lt;/p&gt;</description></item>
<item><title>Only a link</title><link>/b</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:feed</id><updated>2024-06-25T00:00:00Z</updated>
<entry><title>Mission mandate renewed</title><id>urn:entry:1</id><link rel="alternate" href="https://atom.example/1"/>
<published>2024-09-30T18:00:00Z</published><updated>2024-10-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;The Security Council renewed the mandate for 12 months.&lt;/p&gt;</content></entry>
</feed>"#;

    const JSON_FEED: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Json wire",
"items": [{"id": "j1", "url": "https://json.example/1", "title": "Gangs displace thousands",
"content_html": "<p>Thousands fled their homes.</p>", "date_published": "2024-03-01T10:00:00-05:00"}]}"#;

    const RSS1: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF wire</title><link>https://rdf.example/</link>
<items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/1"/></rdf:Seq></items></channel>
<item rdf:about="https://rdf.example/1"><title>Kenya pledges 1,000 officers</title><link>https://rdf.example/1</link>
<description>Kenya pledged 1,000 police officers.</description><dc:date>2023-07-29T12:00:00Z</dc:date></item>
</rdf:RDF>"#;

    fn client() -> reqwest::Client {
        super::client().expect("client")
    }

    fn day(t: Option<OffsetDateTime>) -> Option<String> {
        t.map(|t| t.date().to_string())
    }

    #[tokio::test]
    async fn rss2_then_not_modified_by_etag() {
        let seen: Arc<Mutex<Vec<Option<String>>>> = Arc::default();
        let log = seen.clone();
        let base = serve(Arc::new(move |h: &HashMap<String, String>, _| {
            if let Ok(mut l) = log.lock() {
                l.push(h.get("if-none-match").cloned());
            }
            if h.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                Reply::Send(304, vec![], vec![])
            } else {
                ok(
                    RSS2,
                    vec![
                        ("ETag", "\"v1\"".into()),
                        ("Content-Type", "application/rss+xml".into()),
                    ],
                )
            }
        }))
        .await;
        let mut state = FeedState::new(format!("{base}/feed.xml"));
        let items = match poll(&client(), &mut state).await {
            Ok(items) => items,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "wire-a");
        assert_eq!(items[0].url.as_deref(), Some("https://wire.example/a"));
        assert_eq!(
            items[0].title.as_deref(),
            Some("Kenyan police land in Haiti")
        );
        assert_eq!(day(items[0].published).as_deref(), Some("2024-06-25"));
        assert_eq!(
            items[0].html.as_deref(),
            Some("<p>The first 400 officers landed on Tuesday.</p>")
        );
        assert_eq!(
            items[1].url,
            Some(format!("{base}/b")),
            "a relative link is resolved"
        );
        assert_eq!(items[1].html, None, "an item with only a link");
        assert_eq!(state.etag.as_deref(), Some("\"v1\""));
        assert_eq!(state.failures, 0);
        assert!(state.next_poll.is_some() && !state.is_due(OffsetDateTime::now_utc()));

        let again = poll(&client(), &mut state).await;
        assert_eq!(again, Ok(vec![]));
        let log = seen.lock().map(|l| l.clone()).unwrap_or_default();
        assert_eq!(log, vec![None, Some("\"v1\"".to_string())]);
    }

    #[tokio::test]
    async fn atom_then_not_modified_since() {
        const STAMP: &str = "Tue, 01 Oct 2024 08:00:00 GMT";
        let base = serve(Arc::new(|h: &HashMap<String, String>, _| {
            if h.get("if-modified-since").map(String::as_str) == Some(STAMP) {
                Reply::Send(304, vec![], vec![])
            } else {
                ok(ATOM, vec![("Last-Modified", STAMP.into())])
            }
        }))
        .await;
        let mut state = FeedState::new(format!("{base}/atom"));
        let items = poll(&client(), &mut state).await.unwrap_or_default();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id, "urn:entry:1");
        assert_eq!(items[0].url.as_deref(), Some("https://atom.example/1"));
        assert_eq!(day(items[0].published).as_deref(), Some("2024-09-30"));
        assert!(
            items[0]
                .html
                .as_deref()
                .is_some_and(|h| h.contains("renewed the mandate"))
        );
        assert_eq!(state.last_modified.as_deref(), Some(STAMP));
        assert_eq!(poll(&client(), &mut state).await, Ok(vec![]));
    }

    #[tokio::test]
    async fn json_feed_and_rss1() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, n| {
            ok(if n == 0 { JSON_FEED } else { RSS1 }, vec![])
        }))
        .await;
        let mut json = FeedState::new(format!("{base}/feed.json"));
        let items = poll(&client(), &mut json).await.unwrap_or_default();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id, "j1");
        assert_eq!(
            items[0].html.as_deref(),
            Some("<p>Thousands fled their homes.</p>")
        );
        assert_eq!(day(items[0].published).as_deref(), Some("2024-03-01"));
        let mut rdf = FeedState::new(format!("{base}/rdf"));
        let items = poll(&client(), &mut rdf).await.unwrap_or_default();
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0].title.as_deref(),
            Some("Kenya pledges 1,000 officers")
        );
        assert_eq!(items[0].url.as_deref(), Some("https://rdf.example/1"));
        assert_eq!(
            items[0].html.as_deref(),
            Some("Kenya pledged 1,000 police officers.")
        );
        assert_eq!(day(items[0].published).as_deref(), Some("2023-07-29"));
    }

    #[tokio::test]
    async fn second_poll_returns_only_new_items() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, n| {
            let extra = if n == 0 {
                ""
            } else {
                "<item><title>New</title><guid>wire-c</guid></item>"
            };
            ok(
                &RSS2.replace("</channel>", &format!("{extra}</channel>")),
                vec![],
            )
        }))
        .await;
        let mut state = FeedState::new(format!("{base}/feed"));
        assert_eq!(poll(&client(), &mut state).await.map(|i| i.len()), Ok(2));
        let items = poll(&client(), &mut state).await.unwrap_or_default();
        assert_eq!(
            items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            vec!["wire-c"]
        );
        assert_eq!(poll(&client(), &mut state).await, Ok(vec![]));
        assert_eq!(state.seen.len(), 3);
    }

    #[tokio::test]
    async fn server_error_backs_off() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, n| {
            if n < 2 {
                Reply::Send(500, vec![("Retry-After", "7200".into())], b"oops".to_vec())
            } else {
                ok(RSS2, vec![])
            }
        }))
        .await;
        let mut state = FeedState::new(format!("{base}/feed")).with_interval(10);
        assert_eq!(state.interval_secs, MIN_INTERVAL_SECS);
        let before = OffsetDateTime::now_utc();
        let err = poll(&client(), &mut state).await;
        assert_eq!(
            err,
            Err(FeedError::Status {
                url: format!("{base}/feed"),
                status: 500
            })
        );
        assert_eq!(state.failures, 1);
        assert!(
            state
                .last_error
                .as_deref()
                .is_some_and(|e| e.contains("answered 500"))
        );
        let wait = state
            .next_poll
            .map(|t| (t - before).whole_seconds())
            .unwrap_or(0);
        assert!(
            (7200..7300).contains(&wait),
            "Retry-After beats 2 × 300 s: {wait}"
        );
        let _ = poll(&client(), &mut state).await;
        assert_eq!(state.failures, 2);
        assert_eq!(poll(&client(), &mut state).await.map(|i| i.len()), Ok(2));
        assert_eq!((state.failures, state.last_error.as_deref()), (0, None));
    }

    #[tokio::test]
    async fn timeout_is_an_error() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, _| Reply::Hang)).await;
        let mut state = FeedState::new(format!("{base}/slow"));
        state.timeout_ms = 300;
        let started = std::time::Instant::now();
        let err = poll(&client(), &mut state).await;
        assert_eq!(
            err,
            Err(FeedError::Timeout {
                url: format!("{base}/slow"),
                ms: 300
            })
        );
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(
            state
                .last_error
                .as_deref()
                .is_some_and(|e| e.contains("within 0.3 s"))
        );
    }

    #[tokio::test]
    async fn malformed_feed_keeps_no_validators() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, _| {
            ok(
                "<html><body>Not a feed</body></html>",
                vec![("ETag", "\"x\"".into())],
            )
        }))
        .await;
        let mut state = FeedState::new(format!("{base}/feed"));
        let err = poll(&client(), &mut state).await;
        assert!(matches!(err, Err(FeedError::Malformed { .. })), "{err:?}");
        assert_eq!(state.etag, None);
        assert_eq!(state.failures, 1);
    }

    #[tokio::test]
    async fn oversize_body_is_refused() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, n| Reply::Stream {
            size: MAX_FEED_BYTES + (1 << 20),
            declared: n == 0,
        }))
        .await;
        let url = format!("{base}/big");
        let mut state = FeedState::new(url.clone());
        let declared = poll(&client(), &mut state).await;
        assert_eq!(
            declared,
            Err(FeedError::TooLarge {
                url: url.clone(),
                limit: MAX_FEED_BYTES
            })
        );
        let streamed = poll(&client(), &mut state).await;
        assert_eq!(
            streamed,
            Err(FeedError::TooLarge {
                url,
                limit: MAX_FEED_BYTES
            })
        );
    }

    /// An `https` feed is asked for over TLS: the server receives a TLS handshake (a record of
    /// type 22, version 3.x), and a server that does not complete it is that feed's error.
    #[tokio::test]
    async fn https_feeds_are_asked_for_over_tls() {
        let listener = match TcpListener::bind("127.0.0.1:0").await {
            Ok(l) => l,
            Err(e) => panic!("bind: {e}"),
        };
        let port = match listener.local_addr() {
            Ok(a) => a.port(),
            Err(e) => panic!("{e}"),
        };
        let first = tokio::spawn(async move {
            let Ok((mut socket, _)) = listener.accept().await else {
                return Vec::new();
            };
            let mut buf = [0u8; 3];
            let _ = socket.read_exact(&mut buf).await;
            buf.to_vec()
        });
        let mut state = FeedState::new(format!("https://127.0.0.1:{port}/feed"));
        let err = poll(&client(), &mut state).await;
        assert!(matches!(&err, Err(FeedError::Network { .. })), "{err:?}");
        let hello = first.await.unwrap_or_default();
        assert_eq!(
            hello.first(),
            Some(&22),
            "a TLS handshake record: {hello:?}"
        );
        assert_eq!(hello.get(1), Some(&3));
    }

    #[tokio::test]
    async fn unreachable_and_bad_addresses() {
        let port = match TcpListener::bind("127.0.0.1:0")
            .await
            .and_then(|l| l.local_addr())
        {
            Ok(a) => a.port(),
            Err(e) => panic!("{e}"),
        };
        // The listener is dropped: nothing listens on that port now.
        let mut state = FeedState::new(format!("http://127.0.0.1:{port}/feed"));
        let err = poll(&client(), &mut state).await;
        assert!(
            matches!(&err, Err(FeedError::Network { reason, .. }) if !reason.is_empty()),
            "{err:?}"
        );
        let mut state = FeedState::new("ftp://example.org/feed");
        assert_eq!(
            poll(&client(), &mut state).await,
            Err(FeedError::BadUrl {
                url: "ftp://example.org/feed".into()
            })
        );
        let mut state = FeedState::new("not a url");
        assert!(matches!(
            poll(&client(), &mut state).await,
            Err(FeedError::BadUrl { .. })
        ));
    }

    #[tokio::test]
    async fn one_failing_feed_does_not_stop_the_others() {
        let base = serve(Arc::new(|h: &HashMap<String, String>, _| {
            let _ = h;
            ok(ATOM, vec![])
        }))
        .await;
        let broken = serve(Arc::new(|_: &HashMap<String, String>, _| {
            Reply::Send(503, vec![], vec![])
        }))
        .await;
        let mut states = vec![
            FeedState::new(format!("{base}/a")),
            FeedState::new(format!("{broken}/b")),
            FeedState::new(format!("{base}/c")),
        ];
        let mut results = Vec::new();
        for state in &mut states {
            results.push(poll(&client(), state).await.map(|items| items.len()));
        }
        assert_eq!(results[0], Ok(1));
        assert!(matches!(
            results[1],
            Err(FeedError::Status { status: 503, .. })
        ));
        assert_eq!(results[2], Ok(1));
    }

    #[tokio::test]
    async fn pages_are_fetched_with_the_same_limits() {
        let base = serve(Arc::new(|_: &HashMap<String, String>, n| match n {
            0 => ok("<html><body><p>Article</p></body></html>", vec![]),
            1 => Reply::Send(404, vec![], vec![]),
            _ => Reply::Stream {
                size: crate::document::MAX_BYTES + 1,
                declared: true,
            },
        }))
        .await;
        assert_eq!(
            fetch_page(&client(), &format!("{base}/a"))
                .await
                .map(|b| b.len()),
            Ok(40)
        );
        assert!(matches!(
            fetch_page(&client(), &format!("{base}/b")).await,
            Err(FeedError::Status { status: 404, .. })
        ));
        assert!(matches!(
            fetch_page(&client(), &format!("{base}/c")).await,
            Err(FeedError::TooLarge { .. })
        ));
    }

    #[test]
    fn state_round_trips_through_json() {
        let mut state = FeedState::new("https://wire.example/feed");
        state.etag = Some("\"v1\"".into());
        state.seen.push_back("a".into());
        state.next_poll = Some(time::macros::datetime!(2024-06-25 16:00 UTC));
        let json = serde_json::to_string(&state).unwrap_or_default();
        assert!(
            json.contains("\"next_poll\":\"2024-06-25T16:00:00Z\""),
            "{json}"
        );
        let back: Result<FeedState, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(state));
        let minimal: Result<FeedState, _> =
            serde_json::from_str(r#"{"url": "https://x.example/rss"}"#);
        assert_eq!(minimal.ok(), Some(FeedState::new("https://x.example/rss")));
    }

    #[test]
    fn seen_ids_are_bounded() {
        let mut state = FeedState::new("https://x.example/rss");
        let items = (0..SEEN_LIMIT + 10)
            .map(|i| FeedItem {
                id: format!("i{i}"),
                url: None,
                title: None,
                published: None,
                html: None,
            })
            .collect();
        assert_eq!(state.unseen(items).len(), SEEN_LIMIT + 10);
        assert_eq!(state.seen.len(), SEEN_LIMIT);
        assert_eq!(state.seen.front().map(String::as_str), Some("i10"));
    }

    #[test]
    fn items_without_ids_get_stable_ones() {
        let rss = r#"<rss version="2.0"><channel><title>t</title><item><title>No id, no link</title></item><item><description>Only text</description></item></channel></rss>"#;
        let a = parse("https://x.example/rss", rss.as_bytes()).unwrap_or_default();
        let b = parse("https://x.example/rss", rss.as_bytes()).unwrap_or_default();
        assert_eq!(a.len(), 2);
        assert_eq!(
            a.iter().map(|i| &i.id).collect::<Vec<_>>(),
            b.iter().map(|i| &i.id).collect::<Vec<_>>()
        );
        assert!(a[0].id.starts_with("title:") && a[1].id.starts_with("content:"));
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        let inputs: Vec<Vec<u8>> = vec![
            vec![],
            b"{".to_vec(),
            b"<rss version=\"2.0\"><channel><item><title>unterminated".to_vec(),
            b"<?xml version=\"1.0\" encoding=\"nonsense\"?><rss version=\"2.0\"></rss>".to_vec(),
            format!("<feed>{}", "<entry>".repeat(10_000)).into_bytes(),
            vec![0xff, 0xfe, 0x00, 0x3c],
            b"{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [1, 2]}".to_vec(),
        ];
        for input in inputs {
            if let Err(e) = parse("https://x.example/rss", &input) {
                assert!(!e.to_string().is_empty());
            }
        }
    }
}
