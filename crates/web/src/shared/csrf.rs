//! Cross-site request forgery: every page form carries a token that only this server could have
//! made for this visitor — HMAC-SHA-256, under a key the server keeps in its database, of the
//! visitor's session secret (logged in) or of a random nonce in a cookie (not yet logged in:
//! the login and complaint forms). Another site cannot read the token, and a cookie it manages
//! to plant is worthless without the key. Every state-changing request is also refused when the
//! browser says it comes from another site ([`cross_site`]).

use axum::http::{HeaderMap, header};
use hmac::{KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = hmac::Hmac<Sha256>;

/// The server's CSRF key.
#[derive(Clone)]
pub struct Key(Vec<u8>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("csrf::Key(…)")
    }
}

/// What a token is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding<'a> {
    /// A logged-in visitor's session secret.
    Session(&'a str),
    /// An anonymous visitor's nonce cookie.
    Nonce(&'a str),
}

impl Key {
    /// The key from its bytes (the store makes and keeps them).
    pub fn new(bytes: Vec<u8>) -> Self {
        Key(bytes)
    }

    fn mac(&self, b: &Binding<'_>) -> HmacSha256 {
        // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
        let mut m = <HmacSha256 as KeyInit>::new_from_slice(&self.0)
            .unwrap_or_else(|_| <HmacSha256 as KeyInit>::new(&Default::default()));
        match b {
            Binding::Session(s) => {
                m.update(b"konbit csrf session\0");
                m.update(s.as_bytes());
            }
            Binding::Nonce(n) => {
                m.update(b"konbit csrf nonce\0");
                m.update(n.as_bytes());
            }
        }
        m
    }

    /// The token for a binding (hex).
    pub fn token(&self, b: &Binding<'_>) -> String {
        hex::encode(self.mac(b).finalize().into_bytes())
    }

    /// Whether `sent` is the token for `b` (compared in constant time).
    pub fn verify(&self, b: &Binding<'_>, sent: &str) -> bool {
        match hex::decode(sent) {
            Ok(bytes) => self.mac(b).verify_slice(&bytes).is_ok(),
            Err(_) => false,
        }
    }
}

/// Why a state-changing request is refused as coming from another site, if it is: the browser
/// says so (`Sec-Fetch-Site: cross-site` or `same-site` — a sibling subdomain is another site
/// too), or its `Origin` is not this host. Requests without either header (scripts, old
/// browsers) pass: scripts hold no cookies of a visitor, and forms still need their token.
pub fn cross_site(headers: &HeaderMap, forwarded_host: Option<&str>) -> Option<&'static str> {
    let fetch_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    if let Some(site) = fetch_site.as_deref()
        && !matches!(site, "same-origin" | "none")
    {
        return Some("the browser says the request comes from another site");
    }
    let origin = headers.get(header::ORIGIN)?;
    let host = forwarded_host.or_else(|| headers.get(header::HOST).and_then(|v| v.to_str().ok()));
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest.trim_end_matches('/'));
    match (origin_host, host) {
        (Some(o), Some(h)) if o.eq_ignore_ascii_case(h) => None,
        _ => Some("the request's Origin is not this site"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_token_is_bound_to_its_session_and_key() {
        let k = Key::new(vec![7; 32]);
        let t = k.token(&Binding::Session("aaaa"));
        assert!(k.verify(&Binding::Session("aaaa"), &t));
        assert!(!k.verify(&Binding::Session("bbbb"), &t));
        assert!(!k.verify(&Binding::Nonce("aaaa"), &t));
        assert!(!Key::new(vec![8; 32]).verify(&Binding::Session("aaaa"), &t));
        // A cookie/field pair an attacker chose is not a token.
        assert!(!k.verify(&Binding::Nonce("00ff00ff00ff00ff"), "00ff00ff00ff00ff"));
        assert!(!k.verify(&Binding::Session("aaaa"), "not hex"));
    }

    #[test]
    fn cross_site_requests_are_named() {
        let mut h = HeaderMap::new();
        h.insert(
            header::HOST,
            HeaderValue::from_static("konbit.example:8080"),
        );
        assert_eq!(cross_site(&h, None), None);
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://konbit.example:8080"),
        );
        assert_eq!(cross_site(&h, None), None);
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(cross_site(&h, None).is_some());
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(cross_site(&h, None).is_some());
        let mut h = HeaderMap::new();
        h.insert("sec-fetch-site", HeaderValue::from_static("same-site"));
        assert!(cross_site(&h, None).is_some());
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert_eq!(cross_site(&h, None), None);
    }
}
