//! The administrators' list of users: creating users and changing their roles.

use crate::shared::form::{Entered, Opt};
use crate::shared::gate::{Admin, Allowed};
use crate::shared::page::{
    Ctx, FormPairs, api_error_page, check_post, enc, field, finish, pairs, respond, see_other,
};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::{DomainError, Role};
use konbit_present::Tr;
use konbit_store::{Actor, StoreError, User, users};
use std::collections::HashMap;

/// One user in the list, with the options of their role form.
struct UserLine {
    name: String,
    role: String,
    /// A commander's contributor.
    country: String,
    disabled: bool,
    /// Where their role form posts.
    action: String,
    /// Where their disable/enable button posts.
    toggle_action: String,
    /// Where their "end sessions and tokens" button posts.
    revoke_action: String,
    roles: Vec<Opt>,
    is_self: bool,
    /// The accessible names of their role form and of their access buttons.
    role_of: String,
    actions_of: String,
}

/// One live session or token in the list.
struct TokenLine {
    id: String,
    user: String,
    kind: String,
    issued: String,
    expires: String,
    /// Where its revoke button posts.
    action: String,
    /// The session this page was asked with.
    current: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    ctx: Ctx,
    users: Vec<UserLine>,
    tokens: Vec<TokenLine>,
    /// The new-user form: what was typed (never the password), the role options, the errors.
    username: String,
    country: String,
    roles: Vec<Opt>,
    errors: HashMap<String, Vec<String>>,
    general: Vec<String>,
}

impl UsersPage {
    /// Errors of one field of the new-user form (empty when none).
    fn errors_of(&self, field: &str) -> &[String] {
        self.errors.get(field).map_or(&[], Vec::as_slice)
    }
}

fn role_options(tr: &Tr, current: &str) -> Vec<Opt> {
    Role::ALL
        .iter()
        .map(|r| Opt {
            value: r.as_str().to_string(),
            label: tr.label("role", r.as_str()),
            selected: r.as_str() == current,
        })
        .collect()
}

/// The list of users and the new-user form, as typed when `e` holds a refused attempt.
async fn users_view(s: &AppState, ctx: &Ctx, me: &User, e: &Entered) -> Result<Response, ApiError> {
    let tr = ctx.tr;
    let (list, tokens) = { (s.store.users().await?, s.store.tokens(None).await?) };
    let current = match &ctx.caller.session {
        Some(t) => s.store.token_id(t).await?,
        None => None,
    };
    let tokens = tokens
        .into_iter()
        .map(|t| TokenLine {
            id: t.id.to_string(),
            user: t.username.clone(),
            kind: tr.t(&format!("users-token-kind-{}", t.kind)),
            issued: crate::shared::pieces::when_us(t.created_us),
            expires: crate::shared::pieces::when_us(t.expires_us),
            action: format!("/tokens/{}/revoke", t.id),
            current: Some(t.id) == current,
        })
        .collect();
    let users = list
        .iter()
        .map(|u| UserLine {
            name: u.username.clone(),
            role: tr.label("role", u.role.as_str()),
            country: u.country.clone().unwrap_or_default(),
            disabled: u.disabled,
            action: format!("/users/{}/role", enc(&u.username)),
            toggle_action: format!(
                "/users/{}/{}",
                enc(&u.username),
                if u.disabled { "enable" } else { "disable" }
            ),
            revoke_action: format!("/users/{}/revoke", enc(&u.username)),
            roles: role_options(&tr, u.role.as_str()),
            is_self: u.username == me.username,
            role_of: tr.fmt("users-role_of", &[("name", &u.username.as_str())]),
            actions_of: tr.fmt("users-actions_of", &[("name", &u.username.as_str())]),
        })
        .collect();
    let role = match e.get("role") {
        "" => Role::Viewer.as_str(),
        r => r,
    };
    let page = UsersPage {
        ctx: ctx.clone(),
        users,
        tokens,
        username: e.get("username").to_string(),
        country: e.get("country").to_string(),
        roles: role_options(&tr, role),
        errors: e.errors.clone(),
        general: e.general.clone(),
    };
    let status = if e.is_bad() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(respond(ctx, status, &page))
}

pub(crate) async fn users_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(me, ..): Allowed<Admin>,
) -> Response {
    let r = users_view(&s, &ctx, &me, &Entered::default()).await;
    finish(&ctx, r)
}

/// Field names in the store's verdicts on users mapped to the new-user form's fields.
fn user_field(f: &str) -> Option<&'static str> {
    match f {
        "username" => Some("username"),
        "password" => Some("password"),
        "role" => Some("role"),
        "country" => Some("country"),
        _ => None,
    }
}

/// Creates a user; the store checks the name and the password and hashes it.
pub(crate) async fn user_create(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(me, ..): Allowed<Admin>,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let tr = ctx.tr;
    let mut e = Entered::from_pairs(&form);
    // The password is used as typed (spaces count) and never echoed back.
    let password = field(&form, "password").to_string();
    e.values.remove("password");
    let username = e.get("username").to_string();
    let country = Some(e.get("country").trim().to_uppercase()).filter(|c| !c.is_empty());
    let role = match e.get("role").parse::<Role>() {
        Ok(r) => Some(r),
        Err(_) => {
            e.err("role", tr.t("err-role"));
            None
        }
    };
    // The store's own checks, run first so that every objection shows in one pass.
    let role_country = role.map_or(Ok(()), |r| users::check_role_country(r, country.as_deref()));
    for check in [
        users::check_username(&username),
        users::check_password(&password),
        role_country,
    ] {
        if let Err(d) = check {
            e.absorb(&tr, d, &user_field);
        }
    }
    if let (Some(role), false) = (role, e.is_bad()) {
        match s
            .store
            .create_user(
                Actor::user(&me),
                &username,
                &password,
                role,
                country.as_deref(),
            )
            .await
        {
            Ok(_) => return see_other("/users"),
            Err(StoreError::Domain(DomainError::Conflict(_))) => {
                e.err("username", tr.t("err-user_exists"));
            }
            Err(StoreError::Domain(d)) => e.absorb(&tr, d, &user_field),
            Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
        }
    }
    if !e.is_bad() {
        e.general.push(tr.t("err-unknown"));
    }
    let r = users_view(&s, &ctx, &me, &e).await;
    finish(&ctx, r)
}

/// Changes a user's role (from the role form on their line).
pub(crate) async fn user_set_role(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(me, ..): Allowed<Admin>,
    Path(name): Path<String>,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let tr = ctx.tr;
    let mut e = Entered::default();
    let country = Some(field(&form, "country").trim().to_uppercase()).filter(|c| !c.is_empty());
    match field(&form, "role").parse::<Role>() {
        Err(_) => e.general.push(format!("{name}: {}", tr.t("err-role"))),
        Ok(role) => match s
            .store
            .set_role(Actor::user(&me), &name, role, country.as_deref())
            .await
        {
            Ok(_) => return see_other("/users"),
            Err(StoreError::Domain(DomainError::NotFound { what })) => {
                return api_error_page(&ctx, &ApiError::not_found(what));
            }
            Err(StoreError::Domain(d)) => e.absorb(&tr, d, &|_| None),
            Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
        },
    }
    if !e.is_bad() {
        e.general.push(tr.t("err-unknown"));
    }
    let r = users_view(&s, &ctx, &me, &e).await;
    finish(&ctx, r)
}

/// What an administrator's button does to a user's access.
#[derive(Debug, Clone, Copy)]
enum AccessChange {
    Disable,
    Enable,
    RevokeAll,
}

impl AccessChange {
    fn of(path: &str) -> Option<Self> {
        Some(match path {
            "disable" => AccessChange::Disable,
            "enable" => AccessChange::Enable,
            "revoke" => AccessChange::RevokeAll,
            _ => return None,
        })
    }
}

/// Disables a user or enables them again (`/users/{name}/disable`, `/enable`), or ends every
/// session and token of theirs (`/revoke`). Disabling ends them too.
pub(crate) async fn user_access(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(me, ..): Allowed<Admin>,
    Path((name, change)): Path<(String, String)>,
    form: FormPairs,
) -> Response {
    let Some(change) = AccessChange::of(&change) else {
        return api_error_page(
            &ctx,
            &ApiError::not_found(format!("/users/{name}/{change}")),
        );
    };
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let actor = Actor::user(&me);
    let done = match change {
        AccessChange::Disable => s.store.set_disabled(actor, &name, true).await,
        AccessChange::Enable => s.store.set_disabled(actor, &name, false).await,
        AccessChange::RevokeAll => s.store.revoke_tokens(actor, &name, None).await,
    };
    match done {
        Ok(_) => see_other("/users"),
        Err(StoreError::Domain(DomainError::NotFound { what })) => {
            api_error_page(&ctx, &ApiError::not_found(what))
        }
        Err(StoreError::Domain(d)) => {
            let mut e = Entered::default();
            e.absorb(&ctx.tr, d, &|_| None);
            if !e.is_bad() {
                e.general.push(ctx.tr.t("err-unknown"));
            }
            let r = users_view(&s, &ctx, &me, &e).await;
            finish(&ctx, r)
        }
        Err(other) => api_error_page(&ctx, &ApiError::from(other)),
    }
}

/// Ends one session or token.
pub(crate) async fn token_revoke(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(me, ..): Allowed<Admin>,
    Path(id): Path<uuid::Uuid>,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let r = async {
        let owner = { s.store.token_owner(id).await? }
            .ok_or_else(|| ApiError::not_found(format!("token {id}")))?;
        s.store
            .revoke_tokens(Actor::user(&me), &owner, Some(id))
            .await?;
        Ok::<Response, ApiError>(see_other("/users"))
    }
    .await;
    finish(&ctx, r)
}
