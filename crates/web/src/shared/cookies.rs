//! The server's cookies: their names (with the `__Host-` prefix when served over HTTPS), reading
//! one from a request and setting one on a response — parsed and written by `axum-extra`'s
//! cookie jar rather than by hand. Every cookie is `HttpOnly`, `SameSite=Lax`, for the whole
//! site, and `Secure` when the server says so.

use axum::{
    http::{HeaderValue, header, request::Parts},
    response::Response,
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

/// The names of the cookies. Served over HTTPS they carry the `__Host-` prefix, which browsers
/// accept only from a secure origin for the whole host: another site (even a sibling subdomain)
/// cannot plant one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CookieNames {
    /// The session.
    pub session: &'static str,
    /// The anonymous visitor's CSRF nonce.
    pub csrf: &'static str,
    /// The language chosen.
    pub lang: &'static str,
    /// A complaint's receipt, for the few minutes its page may be reloaded (post/redirect/get:
    /// reloading shows the receipt again instead of making a second complaint).
    pub receipt: &'static str,
}

impl CookieNames {
    /// The names for a server that sets `Secure` cookies, or not.
    pub fn new(secure: bool) -> Self {
        if secure {
            CookieNames {
                session: "__Host-konbit_session",
                csrf: "__Host-konbit_csrf",
                lang: "__Host-konbit_lang",
                receipt: "__Host-konbit_receipt",
            }
        } else {
            CookieNames {
                session: "konbit_session",
                csrf: "konbit_csrf",
                lang: "konbit_lang",
                receipt: "konbit_receipt",
            }
        }
    }
}

/// The value of the cookie `name` the request carries, if any.
pub fn get(parts: &Parts, name: &str) -> Option<String> {
    CookieJar::from_headers(&parts.headers)
        .get(name)
        .map(|c| c.value().to_string())
}

/// Sets the cookie `name` on a response; `max_age` in seconds (0 deletes it; `None` lasts the
/// browser session).
pub fn set(r: &mut Response, name: &str, value: &str, max_age: Option<i64>, secure: bool) {
    let mut c = Cookie::build((name.to_string(), value.to_string()))
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(secure);
    if let Some(a) = max_age {
        c = c.max_age(time::Duration::seconds(a));
    }
    // A name and value of our own making are always a valid header.
    if let Ok(v) = HeaderValue::from_str(&c.build().to_string()) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_is_read_and_written_with_its_attributes() {
        let req = axum::http::Request::builder()
            .header(header::COOKIE, "a=1; konbit_lang=fr; b=2")
            .body(())
            .expect("request");
        let (parts, _) = req.into_parts();
        assert_eq!(get(&parts, "konbit_lang").as_deref(), Some("fr"));
        assert_eq!(get(&parts, "konbit_session"), None);
        let mut r = Response::new(axum::body::Body::empty());
        set(&mut r, "konbit_session", "abc", Some(0), true);
        let v = r.headers()[header::SET_COOKIE].to_str().expect("ascii");
        for part in [
            "konbit_session=abc",
            "HttpOnly",
            "SameSite=Lax",
            "Path=/",
            "Secure",
            "Max-Age=0",
        ] {
            assert!(v.contains(part), "{v}");
        }
    }
}
