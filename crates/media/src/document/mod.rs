//! Reading one article: plain text, Markdown with YAML front matter, or an HTML page, into its
//! metadata and the article's own text with the boilerplate (advertising, comment and rating
//! widgets, share lines, navigation) left out, so none of it reaches extraction. This module
//! owns the bytes-to-text step (size and binary checks, UTF-8, legacy encodings an HTML page
//! declares) and putting a `Document` together; `front_matter` reads headers, `html` reads
//! pages, and `clean` tells the article's paragraphs from the rest.

mod clean;
mod front_matter;
mod html;

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::Regex;
use serde_json::Value;
use time::format_description::well_known::Rfc2822;
use time::{Date, Month, OffsetDateTime};

/// An article as read: metadata and its text. `body` keeps the article's lines verbatim (a
/// claim's span is a substring of it), one paragraph per line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The file's name or the item's address; written as `article`.
    pub name: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// BCP 47-ish code: en, fr, es, ht, zh (simplified), zh-Hant.
    pub language: String,
    /// The date a header states (front matter `date:`, `article:published_time`, JSON-LD
    /// `datePublished`), with where it came from.
    pub header_date: Option<(Date, String)>,
    /// The article's text, boilerplate removed, paragraphs separated by `\n`. For text and
    /// Markdown each line is a verbatim substring of the file; for HTML it is the decoded text
    /// of a paragraph (entities resolved, spaces collapsed).
    pub body: String,
    /// A summary or translation printed beside the article (the English summary under a
    /// translated article): kept for grouping copies, not extracted (it repeats the body).
    pub summary: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (binary content at byte {0})")]
    Binary(usize),
    #[error("the file is not valid UTF-8 (at byte {0}) and declares no other encoding")]
    NotUtf8(usize),
    #[error("the file is {0} bytes, more than the {1} an article may have")]
    TooLarge(usize, usize),
    #[error("no article text found")]
    NoText,
    #[error("the HTML nests elements more than {0} deep")]
    TooDeep(usize),
}

/// The largest article read, in bytes; larger pages are refused, not truncated. News pages
/// with their inline scripts and styles weigh up to 2–3 MB; 8 MiB leaves room for the heaviest
/// while bounding the memory and time one file can take (reading is linear, about 10 ms a
/// megabyte). A truncated page would lose its end, where the comments start, and be misread.
pub const MAX_BYTES: usize = 8 << 20;

/// Reads one article from its bytes.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(bytes.len(), MAX_BYTES));
    }
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let mut doc = if looks_like_html(text) {
        read_html(name, text)?
    } else {
        read_text(name, text)?
    };
    if doc.url.is_none() && (name.starts_with("http://") || name.starts_with("https://")) {
        doc.url = Some(name.to_string());
    }
    Ok(doc)
}

/// The bytes as text: UTF-8 (a byte order mark dropped), UTF-16 with a byte order mark, or
/// the legacy encoding an HTML page declares in `<meta charset>` (Windows-1252, GBK, Big5…).
/// Anything else that is not UTF-8 is refused: its text cannot be quoted faithfully.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if let Some(at) = text.find('\0') {
            return Err(ReadError::Binary(at));
        }
        return Ok(text);
    }
    if let Some(at) = binary_at(bytes) {
        return Err(ReadError::Binary(at));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => match declared_encoding(bytes) {
            Some(encoding) => Ok(encoding.decode_without_bom_handling(bytes).0),
            None => Err(ReadError::NotUtf8(e.valid_up_to())),
        },
    }
}

/// Where the bytes stop being text: a NUL byte, a binary format's signature, or many control
/// characters early on.
fn binary_at(bytes: &[u8]) -> Option<usize> {
    const SIGNATURES: &[&[u8]] = &[
        b"%PDF-",
        b"\x89PNG",
        b"GIF8",
        b"\xff\xd8\xff",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"Rar!",
        b"7z\xbc\xaf",
        b"\x7fELF",
        b"OggS",
        b"RIFF",
        b"ID3",
    ];
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return Some(0);
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Some(at);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = |b: &u8| matches!(b, 0x01..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f);
    let count = head.iter().filter(|b| control(b)).count();
    (count > 8 && count * 100 > head.len())
        .then(|| head.iter().position(control))
        .flatten()
}

static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i-u)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)"#)
        .expect("a fixed pattern compiles")
});
static XML_ENCODING: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i-u)^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_.:\-]+)"#)
        .expect("a fixed pattern compiles")
});

/// The legacy encoding a page declares in its first 4 KiB (`<meta charset>`, `<meta
/// http-equiv="Content-Type" content="…; charset=…">`, an XML declaration), when it is one
/// that can be decoded (not UTF-8, which the bytes failed, nor UTF-16 or "replacement").
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let label = META_CHARSET
        .captures(head)
        .or_else(|| XML_ENCODING.captures(head))
        .and_then(|c| c.get(1))?;
    let encoding = Encoding::for_label(label.as_bytes())?;
    let refused = [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::REPLACEMENT,
    ];
    (!refused.contains(&encoding)).then_some(encoding)
}

/// Whether `read` takes the text for an HTML page or fragment (whose body is decoded text, not
/// the file's lines), judged by its first 2 KiB: a doctype or an `<html>` tag, or a start in
/// markup with a tag pages are made of.
pub fn looks_like_html(text: &str) -> bool {
    let end = (0..=text.len().min(2048))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let head = text[..end].to_ascii_lowercase();
    if head.contains("<!doctype html") || head.contains("<html") {
        return true;
    }
    let t = head.trim_start();
    t.starts_with('<')
        && [
            "<head",
            "<body",
            "<article",
            "<main",
            "<section",
            "<div",
            "<p>",
            "<p ",
            "<meta",
            "<title",
            "<h1",
            "<h2",
            "<h3",
            "<br",
            "<span",
            "<a ",
            "<ul",
            "<ol",
            "<table",
            "<figure",
            "<blockquote",
            "<!--",
            "<header",
            "<nav",
        ]
        .iter()
        .any(|tag| t.contains(tag))
}

/// A line pointing to the original article ("[原文链接](…)", "Source: https://…").
static SOURCE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\W{0,3}(?:原文链接|原文連結|原文|source link|source|original article|original|read the original|",
        r"lien vers l'article|article original|lien original|enlace original|fuente)\W{0,6}(https?://[^\s)\]>]+)"
    ))
    .expect("a fixed pattern compiles")
});

fn read_text(name: &str, text: &str) -> Result<Document, ReadError> {
    let (fm, rest) = match front_matter::split(text) {
        Some((header, rest)) => match front_matter::parse(header) {
            Some(fm) => (fm, rest),
            None => (Default::default(), text),
        },
        None => (Default::default(), text),
    };
    let paras = clean::text_paras(rest);
    let cleaned = clean::clean(&paras);
    let body = cleaned.body.join("\n");
    if body.trim().is_empty() {
        return Err(ReadError::NoText);
    }
    let title = fm.title.or_else(|| headline(&paras));
    let header_date = fm.date.and_then(|(raw, key)| {
        Some((
            parse_date(&raw)?,
            format!("front matter ({key}: {})", shorten(&raw)),
        ))
    });
    let url = fm.url.or_else(|| {
        rest.lines().filter(|l| l.len() <= 600).find_map(|l| {
            SOURCE_LINK
                .captures(l.trim())
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string())
        })
    });
    Ok(Document {
        name: name.to_string(),
        title,
        outlet: fm.outlet,
        url,
        language: crate::lang::detect(&body),
        header_date,
        body,
        summary: cleaned.summary,
    })
}

/// The first paragraph of a text when it reads as a headline: one line, not boilerplate, at
/// most 150 characters, not ending a sentence with a full stop.
fn headline(paras: &[clean::Para<'_>]) -> Option<String> {
    let first = paras.iter().find(|p| {
        let text = p.lines.first().copied().unwrap_or("");
        clean::judge(text, None, p.heading).class != clean::Class::Bad
    })?;
    let [line] = first.lines.as_slice() else {
        return None;
    };
    let line = clean::strip_markers(line);
    let ok = line.chars().count() <= 150 && !line.ends_with(['.', '。']);
    ok.then(|| line.to_string())
}

fn read_html(name: &str, text: &str) -> Result<Document, ReadError> {
    let page = html::read(text).map_err(|e| match e {
        html::PageError::TooDeep(n) => ReadError::TooDeep(n),
    })?;
    let paras = html::paras(&page.paras);
    let cleaned = clean::clean_judged(&paras, &page.verdicts);
    let body = cleaned.body.join("\n");
    if body.trim().is_empty() {
        return Err(ReadError::NoText);
    }
    let meta = &page.meta;
    let ld = json_ld(&meta.json_ld);
    let get = |key: &str| {
        meta.meta
            .get(key)
            .map(|(v, _)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let absolute =
        |u: &str| (u.starts_with("http://") || u.starts_with("https://")).then(|| u.to_string());
    let url = get("og:url")
        .and_then(absolute)
        .or_else(|| meta.canonical.as_deref().and_then(absolute))
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.url.as_deref())
                .and_then(absolute)
        });
    let outlet = get("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.as_ref().and_then(|a| a.publisher.clone()))
        .or_else(|| get("application-name").map(str::to_string))
        .or_else(|| url.as_deref().or(Some(name)).and_then(host));
    let title = get("og:title")
        .or_else(|| get("twitter:title"))
        .map(str::to_string)
        .or_else(|| ld.as_ref().and_then(|a| a.headline.clone()))
        .or_else(|| {
            meta.title
                .as_deref()
                .map(|t| strip_site(t, outlet.as_deref()))
        })
        .or_else(|| meta.first_h1.clone());
    let mut language = crate::lang::detect(&body);
    if language == "und"
        && let Some(lang) = &meta.lang
    {
        language = page_language(lang);
    }
    Ok(Document {
        name: name.to_string(),
        title,
        outlet,
        url,
        language,
        header_date: html_date(meta, ld.as_ref()),
        body,
        summary: cleaned.summary,
    })
}

/// `<html lang>` as a code of the same kind `lang::detect` returns.
fn page_language(lang: &str) -> String {
    let lower = lang.trim().to_ascii_lowercase();
    if lower.starts_with("zh") {
        let traditional = ["hant", "tw", "hk", "mo"].iter().any(|t| lower.contains(t));
        return if traditional {
            "zh-Hant".into()
        } else {
            "zh".into()
        };
    }
    let primary = lower.split(['-', '_']).next().unwrap_or("");
    if primary.len() == 2 || primary.len() == 3 {
        primary.to_string()
    } else {
        "und".into()
    }
}

/// A page title without its site's name ("Kenya police arrive | The Outlet").
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let is_site =
                site.is_some_and(|s| s.eq_ignore_ascii_case(tail) || host_name_matches(s, tail));
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn host_name_matches(site: &str, tail: &str) -> bool {
    let compact = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let (s, t) = (compact(site), compact(tail));
    !t.is_empty() && (s.starts_with(&t) || t.starts_with(&s))
}

/// The host of an http(s) address, without `www.`.
pub fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `<meta>` keys holding a publication date, after `article:published_time`, most trusted
/// first.
const DATE_KEYS: &[&str] = &[
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
];

/// The publication date a page states, and where it says it.
fn html_date(meta: &html::Meta, ld: Option<&LdArticle>) -> Option<(Date, String)> {
    let from_meta = |key: &str| {
        let (raw, _) = meta.meta.get(key)?;
        Some((
            parse_date(raw)?,
            format!("HTML meta {key} ({})", shorten(raw)),
        ))
    };
    let from_ld = || {
        let a = ld?;
        let raw = a.date.as_deref()?;
        Some((
            parse_date(raw)?,
            format!("HTML JSON-LD {} datePublished ({})", a.kind, shorten(raw)),
        ))
    };
    let from_time = || {
        let no_article = meta.times.iter().all(|t| !t.2);
        let pick = meta
            .times
            .iter()
            .find(|t| t.1)
            .or_else(|| meta.times.iter().find(|t| t.2))
            .or_else(|| no_article.then(|| meta.times.first()).flatten())?;
        Some((
            parse_date(&pick.0)?,
            format!("HTML <time datetime> ({})", shorten(&pick.0)),
        ))
    };
    from_meta("article:published_time")
        .or_else(from_ld)
        .or_else(|| DATE_KEYS.iter().find_map(|k| from_meta(k)))
        .or_else(from_time)
}

fn shorten(raw: &str) -> String {
    let raw = raw.trim();
    match raw.char_indices().nth(64) {
        Some((at, _)) => format!("{}…", &raw[..at]),
        None => raw.to_string(),
    }
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2}))(?:$|[^\d])")
        .expect("a fixed pattern compiles")
});

/// A date as headers write it: ISO 8601 (`2024-06-24`, `2024-06-24T19:32:41Z`, `20240624`,
/// `2024/06/24`) or RFC 2822 (`Mon, 24 Jun 2024 19:32:41 +0000`). The calendar day is the one
/// written, whatever the offset: the day the outlet dated the article.
pub(crate) fn parse_date(raw: &str) -> Option<Date> {
    if let Some(c) = ISO_DATE.captures(raw) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let year = num(1)? as i32;
        let (month, day) = match (num(2), num(3)) {
            (Some(m), Some(d)) => (m, d),
            _ => (num(4)?, num(5)?),
        };
        if !(1900..=2200).contains(&year) {
            return None;
        }
        let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
        return Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok();
    }
    OffsetDateTime::parse(raw.trim(), &Rfc2822)
        .ok()
        .map(|t| t.date())
}

/// What a page's JSON-LD says about the article.
#[derive(Debug, Default, Clone, PartialEq)]
struct LdArticle {
    /// Its `@type` (`NewsArticle`…), as the basis names it.
    kind: String,
    date: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

/// The article a page's JSON-LD blocks describe: the first object of an article type with a
/// publication date, else the first of an article type, else the first with a date. Objects
/// are looked for at the top, in arrays and in `@graph`, not deeper.
fn json_ld(scripts: &[String]) -> Option<LdArticle> {
    let mut objects: Vec<Value> = Vec::new();
    for script in scripts {
        // Raw line breaks inside strings are common and invalid; as spaces they are harmless.
        let cleaned: String = script
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let cleaned = cleaned
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>");
        let Ok(value) = serde_json::from_str::<Value>(cleaned) else {
            continue;
        };
        let mut top = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        for v in &mut top {
            if let Some(Value::Array(graph)) = v.get_mut("@graph").map(Value::take) {
                objects.extend(graph);
            }
        }
        objects.extend(top);
    }
    let type_of = |o: &Value| -> Option<String> {
        let types: Vec<&str> = match o.get("@type")? {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => return None,
        };
        ARTICLE_TYPES
            .iter()
            .find(|t| types.contains(t))
            .map(|t| t.to_string())
    };
    let has_date = |o: &Value| o.get("datePublished").and_then(Value::as_str).is_some();
    let chosen = objects
        .iter()
        .find(|o| type_of(o).is_some() && has_date(o))
        .or_else(|| objects.iter().find(|o| type_of(o).is_some()))
        .or_else(|| objects.iter().find(|o| has_date(o)))?;
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let publisher = match chosen.get("publisher") {
        Some(Value::Array(a)) => a.first().and_then(|p| text(p.get("name"))),
        Some(p @ Value::Object(_)) => text(p.get("name")),
        other => text(other),
    };
    let url = text(chosen.get("url")).or_else(|| match chosen.get("mainEntityOfPage") {
        Some(m @ Value::Object(_)) => text(m.get("@id")),
        other => text(other),
    });
    Some(LdArticle {
        kind: type_of(chosen)
            .or_else(|| {
                chosen
                    .get("@type")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "object".into()),
        date: text(chosen.get("datePublished")),
        headline: text(chosen.get("headline")).or_else(|| text(chosen.get("name"))),
        publisher,
        url,
    })
}

#[cfg(test)]
mod tests;
