//! Media monitoring: press articles in, dated claims out. This crate owns reading an article
//! (text, Markdown with front matter, HTML, feeds), separating its text from boilerplate, its
//! language and publication date, the claims it makes in the format of `docs/media-claims.md`,
//! grouping copies of one story, and scoring claims against gold ones. It is pure text work:
//! no database and no web server; the store records what it finds through the log.

pub mod claims;
pub mod dates;
pub mod document;
pub mod eval;
pub mod feed;
pub mod group;
pub mod lang;
pub mod outlets;
pub mod text;

pub use claims::Claim;
pub use document::{Document, ReadError};

use serde::{Deserialize, Serialize};

/// Compiles one of this crate's patterns with ASCII word boundaries. The regex crate's fast
/// engines cannot use Unicode word boundaries on text holding any non-ASCII character (press text
/// always does: ’ – é 年), and fall back to one about twenty times slower. With ASCII
/// boundaries, letters outside ASCII are not word characters, so no pattern puts `\b` next to
/// one ("tué" is matched by `tué(?:[^\p{L}]|$)`, not `tué\b`).
pub(crate) fn pattern(p: &str) -> regex::Regex {
    regex::Regex::new(&p.replace(r"\b", r"(?-u:\b)")).unwrap_or_else(|e| panic!("pattern {p}: {e}"))
}

/// One article's line in the claims format: what it is, when it was published and how that is
/// known, its language and its claims.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleClaims {
    pub article: String,
    pub published: Option<String>,
    pub published_basis: String,
    pub language: String,
    pub claims: Vec<Claim>,
}

/// Reads one article from its bytes and extracts its claims. `name` is the file's name (or the
/// feed item's address) and is written as `article`.
pub fn analyse(name: &str, bytes: &[u8]) -> Result<ArticleClaims, ReadError> {
    let doc = document::read(name, bytes)?;
    Ok(analyse_document(&doc))
}

/// Extracts the claims of a document already read.
pub fn analyse_document(doc: &Document) -> ArticleClaims {
    article_claims(doc, &dates::publication(doc))
}

/// The claims line of a document whose publication date is already worked out.
pub fn article_claims(doc: &Document, published: &dates::Published) -> ArticleClaims {
    let claims = claims::extract(doc, published);
    ArticleClaims {
        article: doc.name.clone(),
        published: published.iso(),
        published_basis: published.basis.clone(),
        language: doc.language.clone(),
        claims,
    }
}
