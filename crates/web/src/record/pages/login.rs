//! Login, logout and the language switch: the pages that set or clear cookies.

use crate::shared::cookies;
use crate::shared::page::{
    Ctx, FormPairs, api_error_page, check_post, error_page, field, pairs, respond, see_other,
};
use crate::{
    shared::auth::{self, ClientAddr},
    shared::error::ApiError,
    shared::state::AppState,
};
use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use konbit_present::Tr;
use konbit_store::users::TokenKind;

/// Language cookie lifetime: one year, in seconds.
const LANG_MAX_AGE: i64 = 365 * 24 * 3600;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: Ctx,
    username: String,
    next: String,
    error: Option<String>,
}

/// A redirect target we accept: a path on this site. `//host` and `/\host` are other sites to a
/// browser, so they are refused, as are control characters.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

pub(crate) async fn login_form(ctx: Ctx) -> Response {
    let page = LoginPage {
        ctx: ctx.clone(),
        username: String::new(),
        next: safe_next(ctx.param("next")),
        error: None,
    };
    respond(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn login_submit(
    State(s): State<AppState>,
    addr: ClientAddr,
    ctx: Ctx,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let username = field(&form, "username").trim().to_string();
    // Echoed back into the form only when it could be a name (never a megabyte of text).
    let shown = if username.chars().count() <= 64 {
        username.clone()
    } else {
        String::new()
    };
    let password = field(&form, "password");
    let next = safe_next(Some(field(&form, "next")));
    let again = |status: StatusCode, msg: String| {
        let page = LoginPage {
            ctx: ctx.clone(),
            username: shown.clone(),
            next: next.clone(),
            error: Some(msg),
        };
        respond(&ctx, status, &page)
    };
    match auth::login(&s, &addr, &username, password).await {
        Ok(Some(user)) => {
            let token = s
                .store
                .issue_token(&user, TokenKind::Session, s.config.session_ttl)
                .await;
            match token {
                Ok(issued) => {
                    let token = issued.token;
                    let mut r = see_other(&next);
                    cookies::set(
                        &mut r,
                        s.cookies.session,
                        &token,
                        None,
                        s.config.secure_cookies,
                    );
                    r
                }
                Err(e) => api_error_page(&ctx, &ApiError::from(e)),
            }
        }
        // A name or password that could be no one's is told as a wrong login: nothing is kept.
        Ok(None) => again(StatusCode::UNAUTHORIZED, ctx.tr.t("login-failed")),
        Err(e) if e.status() == StatusCode::UNPROCESSABLE_ENTITY => {
            again(StatusCode::UNPROCESSABLE_ENTITY, ctx.tr.t("login-failed"))
        }
        Err(e) if e.status() == StatusCode::TOO_MANY_REQUESTS => {
            let mut r = again(StatusCode::TOO_MANY_REQUESTS, ctx.tr.t("login-throttled"));
            if let Some(v) = e
                .retry_after()
                .and_then(|n| HeaderValue::from_str(&n.to_string()).ok())
            {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Err(e) => api_error_page(&ctx, &e),
    }
}

pub(crate) async fn logout(State(s): State<AppState>, ctx: Ctx, form: FormPairs) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    if let Some(token) = &ctx.caller.session
        && let Err(e) = s.store.revoke_token(token).await
    {
        return api_error_page(&ctx, &ApiError::from(e));
    }
    let mut r = see_other("/");
    cookies::set(
        &mut r,
        s.cookies.session,
        "",
        Some(0),
        s.config.secure_cookies,
    );
    r
}

pub(crate) async fn set_lang(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Response {
    let Some(tr) = Tr::from_code(&code) else {
        return error_page(
            &ctx,
            StatusCode::NOT_FOUND,
            "error-not_found",
            ctx.tr.t("error-no_language"),
        );
    };
    let mut r = see_other(&safe_next(ctx.param("next")));
    cookies::set(
        &mut r,
        s.cookies.lang,
        tr.code(),
        Some(LANG_MAX_AGE),
        s.config.secure_cookies,
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_be_a_local_path() {
        assert_eq!(safe_next(Some("/missions/mss")), "/missions/mss");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/a\r\nSet-Cookie: x")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
