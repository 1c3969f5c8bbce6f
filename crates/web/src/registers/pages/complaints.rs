//! The public complaint form, its receipt and the status check. No login: anyone may complain,
//! in English, French or Haitian Creole (the page's language is the form's). The form carries a
//! CSRF token like every form (the cookie is set on the anonymous visitor's first page). The
//! receipt shows the reference and the secret once; only the secret's hash is kept. The status
//! check says the status and nothing else, and is throttled per reference.

use crate::shared::cookies;
use crate::shared::form::Entered;
use crate::shared::page::{
    Ctx, FormPairs, api_error_page, check_post, field, pairs, respond, see_other,
};
use crate::{
    registers::{self as acc, ComplaintForm},
    shared::auth::ClientAddr,
    shared::state::AppState,
};
use askama::Template;
use axum::{
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::registers::FormLanguage;
use konbit_present::Tr;
use std::collections::HashMap;

/// The form's fields, as the record names them.
const FIELDS: [&str; 5] = ["account", "occurred_on", "place", "name", "contact"];

/// Longest texts the record accepts, by field.
const LIMITS: [(&str, i64); 4] = [
    ("account", 10_000),
    ("place", 300),
    ("name", 200),
    ("contact", 300),
];

#[derive(Template)]
#[template(path = "complaint.html")]
struct ComplaintPage {
    ctx: Ctx,
    values: HashMap<String, String>,
    errors: HashMap<String, Vec<String>>,
    general: Vec<String>,
}

impl ComplaintPage {
    fn new(ctx: &Ctx, e: &Entered) -> Self {
        ComplaintPage {
            ctx: ctx.clone(),
            values: e.values.clone(),
            errors: e.errors.clone(),
            general: e.general.clone(),
        }
    }

    /// What was typed in a field (empty at first).
    fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    /// The errors of one field (empty when none).
    fn errors_of(&self, field: &str) -> &[String] {
        self.errors.get(field).map_or(&[], Vec::as_slice)
    }
}

#[derive(Template)]
#[template(path = "complaint_receipt.html")]
struct ReceiptPage {
    ctx: Ctx,
    reference: String,
    secret: String,
}

/// A status found.
struct StatusLine {
    heading: String,
    code: &'static str,
    label: String,
    help: String,
    received: String,
}

#[derive(Template)]
#[template(path = "complaint_status.html")]
struct StatusPage {
    ctx: Ctx,
    reference: String,
    result: Option<StatusLine>,
    problem: Option<String>,
}

/// The form's language: the page's.
fn language(ctx: &Ctx) -> FormLanguage {
    ctx.lang.parse().unwrap_or(FormLanguage::En)
}

pub(crate) async fn complaint_form(ctx: Ctx) -> Response {
    respond(
        &ctx,
        StatusCode::OK,
        &ComplaintPage::new(&ctx, &Entered::default()),
    )
}

/// Reads the form; `None` (with the errors in `e`) when something must be fixed first. The
/// record checks again; these checks are here to speak the complainant's language.
fn complaint_of(tr: &Tr, language: FormLanguage, e: &mut Entered) -> Option<ComplaintForm> {
    let account = e.get("account").to_string();
    if account.is_empty() {
        e.err("account", tr.t("err-account_required"));
    }
    for (k, max) in LIMITS {
        if i64::try_from(e.get(k).chars().count()).unwrap_or(i64::MAX) > max {
            e.err(k, tr.fmt("err-too_long", &[("max", &tr.num(max))]));
        }
    }
    let occurred_on = match e.get("occurred_on") {
        "" => None,
        v => match v.parse::<konbit_domain::clocks::Day>().ok().map(|d| d.0) {
            None => {
                e.err("occurred_on", tr.t("err-date"));
                None
            }
            Some(d) if !(1945..=2100).contains(&d.year()) => {
                e.err("occurred_on", tr.t("err-date_range"));
                None
            }
            Some(d) => Some(d),
        },
    };
    let opt = |k: &str| Some(e.get(k).to_string()).filter(|v| !v.is_empty());
    let (place, name, contact) = (opt("place"), opt("name"), opt("contact"));
    (!e.is_bad()).then_some(ComplaintForm {
        language,
        account,
        occurred_on,
        place,
        name,
        contact,
    })
}

/// How long a receipt's page can be shown again.
const RECEIPT_SECONDS: i64 = 600;

/// `/complaints/receipt`: the reference and secret of the complaint just made, from the
/// cookie the form's answer set; without one (expired, or never made), the form.
pub(crate) async fn complaint_receipt(ctx: Ctx, headers: axum::http::HeaderMap) -> Response {
    let kept = axum_extra::extract::cookie::CookieJar::from_headers(&headers)
        .get(ctx.cookies.receipt)
        .map(|c| c.value().to_string());
    let Some((reference, secret)) = kept.as_deref().and_then(|v| v.split_once('~')) else {
        return see_other("/complaints");
    };
    let page = ReceiptPage {
        ctx: ctx.clone(),
        reference: reference.to_string(),
        secret: secret.to_string(),
    };
    let mut r = respond(&ctx, StatusCode::OK, &page);
    // A secret: never cached, by the browser or anything between.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

pub(crate) async fn complaint_submit(
    State(s): State<AppState>,
    addr: ClientAddr,
    ctx: Ctx,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let mut e = Entered::from_pairs(&form);
    let again = |e: &Entered| {
        respond(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &ComplaintPage::new(&ctx, e),
        )
    };
    let Some(complaint) = complaint_of(&ctx.tr, language(&ctx), &mut e) else {
        return again(&e);
    };
    match acc::receive_complaint(&s, &addr, complaint).await {
        Ok(receipt) => {
            // Post/redirect/get: the receipt's page can be reloaded without a second complaint.
            // It is kept for ten minutes in an HttpOnly cookie of the complainant's browser.
            let mut r = see_other("/complaints/receipt");
            cookies::set(
                &mut r,
                ctx.cookies.receipt,
                &format!("{}~{}", receipt.reference, receipt.secret),
                Some(RECEIPT_SECONDS),
                ctx.secure,
            );
            r
        }
        Err(err) if err.status() == StatusCode::TOO_MANY_REQUESTS => {
            e.general.push(ctx.tr.t("complaint-limited"));
            let mut r = respond(
                &ctx,
                StatusCode::TOO_MANY_REQUESTS,
                &ComplaintPage::new(&ctx, &e),
            );
            if let Some(v) = err
                .retry_after()
                .and_then(|n| HeaderValue::from_str(&n.to_string()).ok())
            {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Err(err) if err.status() == StatusCode::UNPROCESSABLE_ENTITY => {
            let p = err.problem();
            for f in p.errors {
                match FIELDS.iter().find(|k| **k == f.field) {
                    Some(k) => e.err(k, f.message),
                    None => e.general.push(format!("{}: {}", f.field, f.message)),
                }
            }
            if !e.is_bad() {
                e.general.push(p.detail);
            }
            again(&e)
        }
        Err(err) => api_error_page(&ctx, &err),
    }
}

pub(crate) async fn status_form(ctx: Ctx) -> Response {
    let page = StatusPage {
        ctx: ctx.clone(),
        reference: ctx
            .param("reference")
            .unwrap_or_default()
            .trim()
            .to_string(),
        result: None,
        problem: None,
    };
    respond(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn status_submit(
    State(s): State<AppState>,
    addr: ClientAddr,
    ctx: Ctx,
    form: FormPairs,
) -> Response {
    let form = pairs(form);
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let tr = ctx.tr;
    let typed = field(&form, "reference").trim().to_uppercase();
    let secret = field(&form, "secret").trim();
    // Echoed back into the form only when it could be a reference.
    let reference = if typed.len() <= 32 {
        typed.clone()
    } else {
        String::new()
    };
    let page = |status: StatusCode, result: Option<StatusLine>, problem: Option<String>| {
        let page = StatusPage {
            ctx: ctx.clone(),
            reference: reference.clone(),
            result,
            problem,
        };
        respond(&ctx, status, &page)
    };
    if reference.is_empty() || secret.is_empty() {
        return page(
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(tr.t("cstatus-not_found")),
        );
    }
    match acc::status_of(&s, &addr, &typed, secret).await {
        Ok(st) => {
            let line = StatusLine {
                heading: tr.fmt("cstatus-result", &[("reference", &st.reference)]),
                code: st.status.as_str(),
                label: tr.label("case_status", st.status.as_str()),
                help: tr.t(&format!("cstatus-help-{}", st.status)),
                received: tr.fmt(
                    "cstatus-received_on",
                    &[("date", &tr.date_long(st.received_on))],
                ),
            };
            page(StatusCode::OK, Some(line), None)
        }
        // A reference or secret that could be no complaint's reads as one not found.
        Err(e)
            if matches!(
                e.status(),
                StatusCode::NOT_FOUND | StatusCode::UNPROCESSABLE_ENTITY
            ) =>
        {
            page(StatusCode::NOT_FOUND, None, Some(tr.t("cstatus-not_found")))
        }
        Err(e) if e.status() == StatusCode::TOO_MANY_REQUESTS => {
            let mut r = page(
                StatusCode::TOO_MANY_REQUESTS,
                None,
                Some(tr.t("cstatus-throttled")),
            );
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entered(pairs: &[(&str, &str)]) -> Entered {
        let v: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        Entered::from_pairs(&v)
    }

    #[test]
    fn a_complaint_needs_an_account_and_readable_dates() {
        let tr = Tr::ht();
        let mut e = entered(&[("account", "  "), ("occurred_on", "yè")]);
        assert!(complaint_of(&tr, FormLanguage::Ht, &mut e).is_none());
        assert_eq!(e.errors["account"], vec!["Di nou sa k te pase."]);
        assert!(e.errors.contains_key("occurred_on"));

        let mut e = entered(&[("account", "x"), ("occurred_on", "1900-01-01")]);
        assert!(complaint_of(&tr, FormLanguage::Ht, &mut e).is_none());
        assert_eq!(e.errors["occurred_on"], vec!["dwe ant 1945 ak 2100"]);

        let long = "a".repeat(301);
        let mut e = entered(&[("account", "x"), ("place", &long)]);
        assert!(complaint_of(&Tr::en(), FormLanguage::En, &mut e).is_none());
        assert_eq!(e.errors["place"], vec!["Too long: at most 300 characters."]);
    }

    #[test]
    fn empty_name_and_contact_are_left_out() {
        let mut e = entered(&[
            ("account", " Something happened "),
            ("occurred_on", "2025-08-22"),
            ("name", " "),
            ("contact", ""),
            ("place", "Kwadebouke"),
        ]);
        let f = complaint_of(&Tr::fr(), FormLanguage::Fr, &mut e).expect("a complaint");
        assert_eq!(f.account, "Something happened");
        assert_eq!(f.name, None);
        assert_eq!(f.contact, None);
        assert_eq!(f.place.as_deref(), Some("Kwadebouke"));
        assert_eq!(f.occurred_on, Some(time::macros::date!(2025 - 08 - 22)));
    }
}
