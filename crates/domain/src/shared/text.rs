//! What any text from outside may contain, whatever field it arrives in: no NUL and no other
//! control characters (tab and line breaks only in fields meant for several lines), at most
//! [`MAX_TEXT`] characters (URLs [`MAX_URL`]). Checked over a command's whole body, so a field
//! added later is covered without anyone remembering to check it. PostgreSQL cannot store a NUL
//! in text at all, and a stray escape or bidirectional override in a name misleads its readers.
//!
//! The field checks every capability shares (non-empty bounded text, mission slugs, country and
//! currency codes, plausible dates) live here too, so each rule is written once.

use crate::ValidationErrors;
use serde_json::Value;

/// The most characters any text field may hold (field rules may say fewer).
pub const MAX_TEXT: usize = 10_000;
/// The most characters of a URL (what browsers and servers reliably accept).
pub const MAX_URL: usize = 2_048;
/// The most characters of a `content` field: an article's text as read from the press, which
/// the record keeps whole up to this length.
pub const MAX_CONTENT: usize = 100_000;

/// Fields meant to hold several lines: tab and line breaks are allowed there and nowhere else.
pub const MULTILINE: &[&str] = &[
    "account",
    "actions",
    "contact",
    "content",
    "equipment",
    "findings",
    "grounds",
    "interim_measures",
    "narrative",
    "note",
    "notes",
    "outcome",
    "override_reason",
    "reason",
    "summary",
    "text",
];

/// Fields holding a URL.
const URL_FIELDS: &[&str] = &["url"];

/// Why `s` may not be stored, if it may not: a control character (tab and line breaks are
/// allowed where `multiline`) or an invisible character that reorders text.
pub fn control_problem(s: &str, multiline: bool) -> Option<String> {
    let bad = s.chars().find(|&c| {
        let allowed = multiline && matches!(c, '\t' | '\n' | '\r');
        !allowed && (c.is_control() || is_format_trick(c))
    })?;
    Some(match bad {
        '\0' => "must not contain a NUL character".to_string(),
        '\t' | '\n' | '\r' => "must be a single line (no tab or line break)".to_string(),
        c => format!(
            "must not contain the control character U+{:04X}",
            u32::from(c)
        ),
    })
}

/// Invisible characters that reorder or hide text (bidirectional overrides and isolates), which
/// make a name read differently from what it is.
fn is_format_trick(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks one text field: control characters, and length against `max` characters.
pub fn check_str(field: &str, s: &str, multiline: bool, max: usize, e: &mut ValidationErrors) {
    if let Some(m) = control_problem(s, multiline) {
        e.add(field, m);
    } else if s.len() > max && s.chars().count() > max {
        e.add(field, format!("must be at most {max} characters"));
    }
}

/// Checks every string in a JSON body (a command's, as it will be recorded): control
/// characters everywhere, and lengths where no rule of the field itself already objected.
pub fn check_body(body: &Value, e: &mut ValidationErrors) {
    walk(body, "", "", e);
}

fn walk(v: &Value, path: &str, key: &str, e: &mut ValidationErrors) {
    match v {
        Value::String(s) => {
            let max = if URL_FIELDS.contains(&key) {
                MAX_URL
            } else if key == "content" {
                MAX_CONTENT
            } else {
                MAX_TEXT
            };
            let field = if path.is_empty() { "body" } else { path };
            let mut mine = ValidationErrors::default();
            check_str(field, s, MULTILINE.contains(&key), max, &mut mine);
            for f in mine.0 {
                // A field rule may already have said "at most 200 characters".
                if !(f.message.starts_with("must be at most") && e.has(&f.field)) {
                    e.add(f.field, f.message);
                }
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                walk(x, &format!("{path}[{i}]"), key, e);
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(x, &p, k, e);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Field checks every capability uses

pub(crate) fn check_text(field: &str, v: &str, max: usize, e: &mut ValidationErrors) {
    if v.trim().is_empty() {
        e.add(field, "must not be empty");
    } else if v.chars().count() > max {
        e.add(field, format!("must be at most {max} characters"));
    }
}

pub(crate) fn check_opt_text(field: &str, v: Option<&str>, e: &mut ValidationErrors) {
    if let Some(v) = v
        && v.chars().count() > 10_000
    {
        e.add(field, "must be at most 10000 characters");
    }
}

pub(crate) fn check_slug(field: &str, v: &str, e: &mut ValidationErrors) {
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        e.add(
            field,
            "must be a mission slug: 1–32 lowercase letters, digits or hyphens",
        );
    }
}

pub(crate) fn check_country(field: &str, v: &str, e: &mut ValidationErrors) {
    if crate::country::find(v).is_none() {
        e.add(
            field,
            format!("{v:?} is not an ISO 3166-1 alpha-3 country code"),
        );
    }
}

pub(crate) fn check_currency(field: &str, v: &str, e: &mut ValidationErrors) {
    if !(v.len() == 3 && v.chars().all(|c| c.is_ascii_uppercase())) {
        e.add(field, "must be an ISO 4217 currency code such as USD");
    }
}

/// Dates outside this range are almost certainly typing errors.
pub(crate) fn check_date(field: &str, d: time::Date, e: &mut ValidationErrors) {
    if d.year() < 1945 || d.year() > 2100 {
        e.add(field, "must be between 1945 and 2100");
    }
}

/// A moment: its date must be a plausible one.
pub(crate) fn check_time(field: &str, t: time::OffsetDateTime, e: &mut ValidationErrors) {
    check_date(field, t.date(), e);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Vec<(String, String)> {
        let mut e = ValidationErrors::default();
        check_body(&v, &mut e);
        e.0.into_iter().map(|f| (f.field, f.message)).collect()
    }

    #[test]
    fn nul_and_controls_are_named_by_path() {
        let f = fields(json!({"title": "a\u{0}b", "claims": [{"value": "x\u{1b}[31m"}]}));
        assert_eq!(
            f,
            vec![
                (
                    "claims[0].value".to_string(),
                    "must not contain the control character U+001B".to_string()
                ),
                (
                    "title".to_string(),
                    "must not contain a NUL character".to_string()
                ),
            ]
        );
    }

    #[test]
    fn line_breaks_only_where_several_lines_are_expected() {
        assert!(fields(json!({"note": "one\ntwo\tthree\r\n"})).is_empty());
        assert_eq!(
            fields(json!({"title": "one\ntwo"})),
            vec![(
                "title".to_string(),
                "must be a single line (no tab or line break)".to_string()
            )]
        );
        // A NUL is refused even in a multi-line field.
        assert_eq!(fields(json!({"note": "a\u{0}"})).len(), 1);
    }

    #[test]
    fn bidirectional_overrides_are_refused() {
        assert_eq!(fields(json!({"name": "abc\u{202E}fed"})).len(), 1);
        // Ordinary accents, Creole and Chinese text pass.
        assert!(fields(json!({"name": "Pèlerin 9 · Kreyòl · 新华社"})).is_empty());
    }

    #[test]
    fn lengths_are_capped_and_urls_more_tightly() {
        let long = "x".repeat(MAX_TEXT + 1);
        assert_eq!(
            fields(json!({"note": long})),
            vec![(
                "note".to_string(),
                format!("must be at most {MAX_TEXT} characters")
            )]
        );
        let url = format!("https://example.org/{}", "a".repeat(MAX_URL));
        assert_eq!(
            fields(json!({"url": url})),
            vec![(
                "url".to_string(),
                format!("must be at most {MAX_URL} characters")
            )]
        );
        // Characters, not bytes: 10,000 accented letters fit.
        assert!(fields(json!({"note": "é".repeat(MAX_TEXT)})).is_empty());
    }

    #[test]
    fn a_field_rule_already_objecting_to_length_is_not_repeated() {
        let mut e = ValidationErrors::default();
        e.add("title", "must be at most 500 characters");
        check_body(&json!({"title": "x".repeat(MAX_TEXT + 5)}), &mut e);
        assert_eq!(e.0.len(), 1);
    }
}
