//! Fuzzes reading press articles and feeds: any bytes must give a document or a `ReadError`
//! (text, Markdown under front matter, HTML of any nesting or brokenness, any encoding), and
//! feed items or a `FeedError` (RSS, Atom, JSON Feed) — never a panic. A document read from
//! text keeps its lines verbatim, since claims quote spans of the file: every body line of a
//! UTF-8 input that is not HTML must be a substring of it.
#![no_main]

use konbit_media::{document, feed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match document::read("fuzz.txt", data) {
        Ok(doc) => {
            assert!(!doc.body.trim().is_empty());
            if let Ok(text) = std::str::from_utf8(data) {
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                if !document::looks_like_html(text) {
                    for line in doc.body.lines() {
                        assert!(text.contains(line), "body line not in the file: {line:?}");
                    }
                }
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    match feed::parse("https://fuzz.example/feed", data) {
        Ok(items) => {
            for item in items {
                assert!(!item.id.is_empty());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
