//! Who published an article and how far the outlet is trusted by default: an Admiralty
//! reliability per outlet (`data/outlets.txt`), found by the outlet's name or its site's host,
//! which an analyst can change. The credibility of what an article says is not judged until its
//! claims are checked, so it starts at 6.

use std::sync::LazyLock;

use konbit_domain::Reliability;

use crate::Document;
use crate::document::host;

static TABLE: LazyLock<Vec<(String, Reliability)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for line in include_str!("../data/outlets.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((grade, names)) = line.split_once(':') else {
            continue;
        };
        let Ok(grade) = grade.trim().parse::<Reliability>() else {
            continue;
        };
        out.extend(
            names
                .split('|')
                .map(|n| (n.trim().to_lowercase(), grade))
                .filter(|(n, _)| !n.is_empty()),
        );
    }
    out
});

/// The credibility given to an article's information before its claims are checked.
pub const UNJUDGED_CREDIBILITY: i64 = 6;

/// The default reliability of the document's outlet: by its name, else by its site's host
/// (or a parent domain of it); F when unknown.
pub fn reliability(doc: &Document) -> Reliability {
    let by_name = doc
        .outlet
        .as_deref()
        .map(str::to_lowercase)
        .and_then(|o| TABLE.iter().find(|(n, _)| *n == o));
    let by_host = || {
        let h = host(doc.url.as_deref()?)?;
        TABLE
            .iter()
            .find(|(n, _)| n.contains('.') && (h == *n || h.ends_with(&format!(".{n}"))))
    };
    by_name.or_else(by_host).map_or(Reliability::F, |(_, g)| *g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(outlet: Option<&str>, url: Option<&str>) -> Document {
        Document {
            outlet: outlet.map(str::to_string),
            url: url.map(str::to_string),
            ..Document::default()
        }
    }

    #[test]
    fn outlets_by_name_or_host_and_unknown_ones_cannot_be_judged() {
        assert_eq!(reliability(&doc(Some("Reuters"), None)), Reliability::B);
        assert_eq!(
            reliability(&doc(
                None,
                Some("https://www.capitalfm.co.ke/news/2025/01/x")
            )),
            Reliability::C
        );
        assert_eq!(
            reliability(&doc(None, Some("https://edition.bbc.co.uk/a"))),
            Reliability::B
        );
        assert_eq!(reliability(&doc(Some("HaitiWire"), None)), Reliability::F);
        assert_eq!(
            host("https://user@www.Example.org:8080/p?q"),
            Some("example.org".into())
        );
    }
}
