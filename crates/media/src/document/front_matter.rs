//! YAML front matter at the top of a Markdown article (`---` … `---`): the title, date, outlet,
//! author and address it states. The header is read with `saphyr-parser`'s event stream, which
//! builds no tree (so no depth of nesting can exhaust the stack) and gives quoted, escaped and
//! folded scalars their YAML meaning. Scrapers often write invalid YAML (an unquoted title
//! holding `: `); then a line reader takes `key: value` lines as they are. A header with
//! neither is not front matter and the file is read as text.

use saphyr_parser::{Event, Parser};

/// The largest header read as front matter; a longer one is text.
const MAX_HEADER: usize = 64 * 1024;
/// Events read from a header at most (a valid header of `MAX_HEADER` bytes has far fewer).
const MAX_EVENTS: usize = 20_000;

/// The fields of a front matter header that an article's metadata uses.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct FrontMatter {
    pub title: Option<String>,
    /// The date as written, and the key it was under.
    pub date: Option<(String, String)>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// Splits `text` into its front matter header and the rest, when it opens with a `---` line
/// closed by a `---` (or `...`) line within `MAX_HEADER` bytes.
pub(super) fn split(text: &str) -> Option<(&str, &str)> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let start = text.find('\n')? + 1;
    let mut at = start;
    while at <= text.len() && at - start <= MAX_HEADER {
        let rest = &text[at..];
        let line_end = rest.find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim_end();
        if line == "---" || line == "..." {
            let after = (line_end + 1).min(text.len());
            return Some((&text[start..at], &text[after..]));
        }
        if line_end >= text.len() {
            return None;
        }
        at = line_end + 1;
    }
    None
}

/// Reads a header's fields, or `None` when it is neither YAML mapping nor `key: value` lines.
pub(super) fn parse(header: &str) -> Option<FrontMatter> {
    let pairs = yaml_pairs(header).or_else(|| line_pairs(header))?;
    let pick = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            pairs
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .map(|(key, v)| (key.clone(), v.clone()))
        })
    };
    let value = |keys: &[&str]| pick(keys).map(|(_, v)| v);
    let author = value(&["author", "authors", "byline", "creator"]);
    Some(FrontMatter {
        title: value(&["title", "headline"]),
        date: pick(&[
            "date",
            "published",
            "published_at",
            "publishedAt",
            "publish_date",
            "publishDate",
            "pubdate",
            "date_published",
            "datePublished",
            "created",
            "created_at",
        ])
        .map(|(k, v)| (v, k)),
        outlet: value(&[
            "outlet",
            "source",
            "publisher",
            "site_name",
            "siteName",
            "site",
            "publication",
            "media",
        ])
        .or_else(|| author.clone()),
        author,
        url: value(&[
            "url",
            "link",
            "source_url",
            "canonical",
            "canonical_url",
            "original_url",
            "permalink",
        ]),
    })
}

/// The top-level `key: scalar` pairs of a YAML mapping (a sequence value gives its first
/// scalar), or `None` when the header is not valid YAML or not a mapping.
fn yaml_pairs(header: &str) -> Option<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    let mut depth = 0usize;
    // At depth 1: the key whose value comes next, if a key has been read.
    let mut key: Option<String> = None;
    // The key of a collection value being read (its first scalar is the value).
    let mut nested: Option<String> = None;
    let mut mapping = false;
    for (count, event) in Parser::new_from_str(header).enumerate() {
        if count > MAX_EVENTS {
            return None;
        }
        let (event, _) = event.ok()?;
        match event {
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => {}
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 0 {
                    if !matches!(event, Event::MappingStart(..)) {
                        return None;
                    }
                    mapping = true;
                } else if depth == 1 {
                    nested = key.take();
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    nested = None;
                }
            }
            Event::Scalar(value, ..) => match depth {
                0 => return None,
                1 => match key.take() {
                    None => key = Some(value.into_owned()),
                    Some(k) => {
                        let v = value.trim();
                        if !v.is_empty() {
                            pairs.push((k, v.to_string()));
                        }
                    }
                },
                _ => {
                    if let Some(k) = nested.take() {
                        let v = value.trim();
                        if !v.is_empty() {
                            pairs.push((k, v.to_string()));
                        }
                    }
                }
            },
            Event::Alias(_) => {
                if depth == 1 {
                    // An alias as a key or a value: nothing to read from it.
                    if key.take().is_none() {
                        key = Some(String::new());
                    }
                }
            }
        }
    }
    (mapping && !pairs.is_empty()).then_some(pairs)
}

/// `key: value` lines at the start of a line (quotes around the value removed), or `None`
/// when there are none.
fn line_pairs(header: &str) -> Option<Vec<(String, String)>> {
    let pairs: Vec<(String, String)> = header
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            let key_ok = !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                && !k.starts_with(char::is_whitespace);
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v)
                .trim();
            (key_ok && !v.is_empty()).then(|| (k.to_string(), v.to_string()))
        })
        .collect();
    (!pairs.is_empty()).then_some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_reads_a_header() {
        let text = "---\ntitle: 海地将接待第一批肯尼亚官员。\ndate: 2024-06-24T19:32:41.904Z\ndescription: A country\ntags: \n- us\nauthor: ft\n---\n\nBody.\n";
        let (header, rest) = split(text).expect("front matter");
        assert_eq!(rest, "\nBody.\n");
        let fm = parse(header).expect("fields");
        assert_eq!(fm.title.as_deref(), Some("海地将接待第一批肯尼亚官员。"));
        assert_eq!(
            fm.date,
            Some(("2024-06-24T19:32:41.904Z".into(), "date".into()))
        );
        assert_eq!(fm.outlet.as_deref(), Some("ft"));
        assert_eq!(fm.author.as_deref(), Some("ft"));
    }

    #[test]
    fn yaml_quoting_and_lists() {
        let header = "title: \"Haiti: Kenyan police \\\"arrive\\\"\"\nauthors:\n  - Jane Doe\n  - John Roe\nsource: 'Le Nouvelliste'\nlink: https://example.org/a\npublished: >-\n  2024-06-25\n";
        let fm = parse(header).expect("fields");
        assert_eq!(fm.title.as_deref(), Some("Haiti: Kenyan police \"arrive\""));
        assert_eq!(fm.author.as_deref(), Some("Jane Doe"));
        assert_eq!(fm.outlet.as_deref(), Some("Le Nouvelliste"));
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(fm.date, Some(("2024-06-25".into(), "published".into())));
    }

    #[test]
    fn invalid_yaml_falls_back_to_lines() {
        let header = "title: Haiti: Kenyan police arrive\ndate: 2024-06-25\n  bad: [indent\n";
        let fm = parse(header).expect("fields");
        assert_eq!(fm.title.as_deref(), Some("Haiti: Kenyan police arrive"));
        assert_eq!(fm.date.map(|d| d.0).as_deref(), Some("2024-06-25"));
    }

    #[test]
    fn not_front_matter() {
        assert_eq!(split("--- \nno end"), None);
        assert_eq!(split("Title\n---\n"), None);
        assert_eq!(parse("Just a paragraph of text between two rules."), None);
        assert_eq!(parse("- a\n- b\n"), None);
        let deep = format!("a: {}{}", "[".repeat(50_000), "]".repeat(50_000));
        assert!(parse(&deep).is_some_and(|fm| fm.title.is_none()));
        let long = format!("---\n{}\n---\n", "x: y\n".repeat(20_000));
        assert_eq!(split(&long), None);
    }
}
