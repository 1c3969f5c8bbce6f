//! Fuzzes the date resolver and the claim extractor on any text: the publication date of a
//! document without a header (dateline, weekdays, dated events), every date expression of the
//! text resolved against a fixed day (exact or not, past or future), and the claims — never a
//! panic. A mention is a byte range of the text it was found in, on character boundaries, and
//! mentions come in order without overlapping; a claim quotes its span verbatim, so its text is
//! a substring of the body.
#![no_main]

use konbit_media::{Document, claims, dates, lang};
use libfuzzer_sys::fuzz_target;
use time::macros::date;

fuzz_target!(|text: &str| {
    let today = date!(2024 - 06 - 24);
    let doc = Document {
        name: "fuzz.txt".into(),
        language: lang::detect(text),
        body: text.to_string(),
        ..Document::default()
    };

    let published = dates::publication_before(&doc, today);
    assert!(!published.basis.is_empty());

    let found = dates::mentions(text);
    let mut previous_end = 0;
    for m in &found {
        assert!(
            m.start <= m.end && m.end <= text.len(),
            "mention {}..{} outside a text of {} bytes",
            m.start,
            m.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "mention {}..{} not on character boundaries",
            m.start,
            m.end
        );
        assert!(m.start >= previous_end, "mentions overlap or are out of order: {found:?}");
        previous_end = m.end;
        for exact in [true, false] {
            for future in [true, false] {
                let when = dates::resolve(m.raw, today, exact, future);
                if let (dates::Raw::Full(d), Some(w)) = (m.raw, when) {
                    assert_eq!(w, dates::When::Day(d));
                }
                if !exact && matches!(m.raw, dates::Raw::Weekday(..) | dates::Raw::RelDay(_)) {
                    assert!(when.is_none(), "a weekday resolved against a bound: {when:?}");
                }
                if let Some(w) = when {
                    let _ = (w.iso(), w.precision(), w.first_day());
                }
            }
        }
    }
    // The same against the document's own reference day, as the claim extractor does.
    if let Some(reference) = published.reference() {
        for m in &found {
            let _ = dates::resolve(m.raw, reference, published.day.is_some(), false);
            let _ = dates::resolve(m.raw, reference, published.day.is_some(), true);
        }
    }

    for claim in claims::extract(&doc, &published) {
        assert!(
            doc.body.contains(&claim.text),
            "claim text not in the body: {:?}",
            claim.text
        );
    }
});
