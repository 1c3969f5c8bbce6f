//! The editors' forms, pledge and movement: rendering them, reading what was typed, and placing
//! the record's objections next to the fields they concern.

use crate::shared::form::{Entered, Opt};
use crate::shared::gate::{Allowed, Editor};
use crate::shared::page::{
    Ctx, FormPairs, api_error_page, check_post, iso, load, pairs, respond, see_other,
};
use crate::shared::pieces::shorten;
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::{
    Classification, Command, SourceView,
    force::Movement,
    force::Personnel,
    force::{ForceCommand, Money, NewDeployment, NewPledge},
};
use konbit_present::Tr;
use konbit_store::{Actor, Envelope, StoreError, User, Visibility};
use time::OffsetDateTime;

/// One form field, rendered generically by `form.html`.
struct Field {
    name: &'static str,
    label: String,
    /// `text`, `number`, `date`, `textarea`, `select` or `multiselect`.
    input: &'static str,
    value: String,
    options: Vec<Opt>,
    errors: Vec<String>,
    hint: Option<String>,
    /// Id of a datalist suggesting values.
    list: Option<&'static str>,
    required: bool,
    /// Extra CSS class (e.g. `wide`).
    class: &'static str,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    intro: String,
    mission_name: String,
    mission_href: String,
    action: String,
    fields: Vec<Field>,
    general: Vec<String>,
    countries: Vec<Opt>,
    /// A pledge like one already recorded: the warning, and the box that records it anyway.
    duplicate: Option<String>,
}

/// Field names in domain errors mapped to the form's field names.
fn form_field(f: &str) -> Option<&'static str> {
    Some(match f {
        "country" => "country",
        "pledged_on" | "on" => "on",
        "personnel.police" => "police",
        "personnel.military" => "military",
        "personnel.civilian" | "personnel" => "civilian",
        "relieved.police" | "relieved" => "relieved_police",
        "relieved.military" => "relieved_military",
        "relieved.civilian" => "relieved_civilian",
        "equipment" => "equipment",
        "money.amount" => "money_amount",
        "money.currency" | "money" => "money_currency",
        "unit" => "unit",
        "note" => "note",
        "override_reason" => "override_reason",
        "movement" => "movement",
        f if f.starts_with("sources") => "sources",
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FormKind {
    Pledge,
    Deployment,
}

struct FormData {
    mission_name: String,
    countries: Vec<Opt>,
    sources: Vec<SourceView>,
    /// Every pledge version of the mission: country, date and figures.
    pledges: Vec<(String, time::Date, Personnel)>,
}

async fn form_data(s: &AppState, ctx: &Ctx, slug: &str) -> Result<FormData, ApiError> {
    let today = OffsetDateTime::now_utc().date();
    let vis = Visibility::now(ctx.caller.clearance());
    let snap = load(s, Some(slug.to_string()), today, vis)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("mission {slug:?}")))?;
    let countries = snap
        .contributors(today)?
        .into_iter()
        .map(|c| Opt {
            label: ctx.country(&c.country),
            value: c.country,
            selected: false,
        })
        .collect();
    let mut sources = {
        let mut c = s.store.reader(vis).await?;
        c.sources(None).await?
    };
    sources.sort_by_key(|s| s.title.to_lowercase());
    let pledges = snap
        .pledges
        .iter()
        .map(|p| {
            (
                p.country.clone(),
                p.version_on,
                Personnel {
                    police: p.police,
                    military: p.military,
                    civilian: p.civilian,
                },
            )
        })
        .collect();
    Ok(FormData {
        mission_name: snap.mission.name.clone(),
        countries,
        sources,
        pledges,
    })
}

fn build_form(ctx: &Ctx, kind: FormKind, slug: &str, data: FormData, e: &Entered) -> FormPage {
    let tr = ctx.tr;
    let f = |name: &'static str, input: &'static str| Field {
        name,
        label: tr.t(&format!("field-{name}")),
        input,
        value: e.get(name).to_string(),
        options: Vec::new(),
        errors: e.errors.get(name).cloned().unwrap_or_default(),
        hint: None,
        list: None,
        required: false,
        class: "",
    };
    let select = |name: &'static str, prefix: &str, values: &[&str], default: &str| {
        let cur = match e.get(name) {
            "" => default.to_string(),
            v => v.to_string(),
        };
        let mut x = f(name, "select");
        x.options = values
            .iter()
            .map(|v| Opt {
                value: (*v).to_string(),
                label: tr.label(prefix, v),
                selected: *v == cur,
            })
            .collect();
        x
    };
    let mut country = f("country", "text");
    country.list = Some("countries");
    country.required = true;
    country.hint = Some(tr.t("hint-country"));
    let mut on = f("on", "date");
    on.required = true;
    let mut fields = vec![country, on];
    if kind == FormKind::Deployment {
        let moves: Vec<&str> = Movement::ALL.iter().map(|m| m.as_str()).collect();
        fields.push(select("movement", "movement", &moves, "arrival"));
    }
    for n in ["police", "military", "civilian"] {
        let mut x = f(n, "number");
        x.class = "num";
        fields.push(x);
    }
    match kind {
        FormKind::Pledge => {
            let mut amount = f("money_amount", "number");
            amount.class = "num";
            amount.hint = Some(tr.t("hint-money_amount"));
            fields.push(amount);
            let mut currency = f("money_currency", "text");
            currency.hint = Some(tr.t("hint-money_currency"));
            fields.push(currency);
            let mut eq = f("equipment", "textarea");
            eq.class = "wide";
            fields.push(eq);
        }
        FormKind::Deployment => {
            for n in ["relieved_police", "relieved_military", "relieved_civilian"] {
                let mut x = f(n, "number");
                x.class = "num";
                x.hint = Some(tr.t("hint-relieved"));
                fields.push(x);
            }
            fields.push(f("unit", "text"));
        }
    }
    let mut note = f("note", "textarea");
    note.class = "wide";
    fields.push(note);
    if kind == FormKind::Deployment {
        let mut o = f("override_reason", "textarea");
        o.class = "wide";
        o.hint = Some(tr.t("hint-override_reason"));
        fields.push(o);
    }
    let mut sources = f("sources", "multiselect");
    sources.class = "wide";
    sources.hint = Some(tr.t("hint-sources"));
    sources.options = data
        .sources
        .iter()
        .map(|s| Opt {
            value: s.id.to_string(),
            label: format!("{} ({})", shorten(&s.title, 90), s.grade),
            selected: e.sources.iter().any(|x| x == &s.id.to_string()),
        })
        .collect();
    fields.push(sources);
    let classes: Vec<&str> = Classification::ALL.iter().map(|c| c.as_str()).collect();
    let mut classification = select("classification", "class", &classes, "mission");
    classification.hint = Some(tr.t("hint-classification"));
    fields.push(classification);

    let (title, intro, action) = match kind {
        FormKind::Pledge => (
            tr.t("form-pledge-title"),
            tr.t("form-pledge-intro"),
            format!("/missions/{slug}/pledges/new"),
        ),
        FormKind::Deployment => (
            tr.t("form-deployment-title"),
            tr.t("form-deployment-intro"),
            format!("/missions/{slug}/deployments/new"),
        ),
    };
    FormPage {
        ctx: ctx.clone(),
        title,
        intro,
        mission_name: data.mission_name,
        mission_href: format!("/missions/{slug}"),
        action,
        fields,
        general: e.general.clone(),
        countries: data.countries,
        duplicate: e.errors.get("confirm").and_then(|m| m.first().cloned()),
    }
}

async fn show_form(s: &AppState, mut ctx: Ctx, kind: FormKind, slug: String) -> Response {
    ctx.mission = Some(slug.clone());
    let data = match form_data(s, &ctx, &slug).await {
        Ok(d) => d,
        Err(e) => return api_error_page(&ctx, &e),
    };
    let mut e = Entered::default();
    e.values
        .insert("on".into(), iso(OffsetDateTime::now_utc().date()));
    if let Some(c) = ctx.param("country") {
        e.values.insert("country".into(), c.to_ascii_uppercase());
    }
    let page = build_form(&ctx, kind, &slug, data, &e);
    respond(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn pledge_form(
    State(s): State<AppState>,
    ctx: Ctx,
    _: Allowed<Editor>,
    Path(slug): Path<String>,
) -> Response {
    show_form(&s, ctx, FormKind::Pledge, slug).await
}

pub(crate) async fn deployment_form(
    State(s): State<AppState>,
    ctx: Ctx,
    _: Allowed<Editor>,
    Path(slug): Path<String>,
) -> Response {
    show_form(&s, ctx, FormKind::Deployment, slug).await
}

pub(crate) async fn pledge_submit(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Editor>,
    Path(slug): Path<String>,
    form: FormPairs,
) -> Response {
    submit_form(&s, ctx, user, FormKind::Pledge, slug, pairs(form)).await
}

pub(crate) async fn deployment_submit(
    State(s): State<AppState>,
    ctx: Ctx,
    Allowed(user, ..): Allowed<Editor>,
    Path(slug): Path<String>,
    form: FormPairs,
) -> Response {
    submit_form(&s, ctx, user, FormKind::Deployment, slug, pairs(form)).await
}

/// Builds the command from the form (unreadable numbers count as 0, their errors are in `e`);
/// `None` when a date or the movement cannot be read at all.
fn command_of(kind: FormKind, slug: &str, e: &mut Entered, tr: &Tr) -> Option<Command> {
    let country = e.country(tr);
    let on = e.date("on", tr);
    let personnel = Personnel {
        police: e.int("police", tr),
        military: e.int("military", tr),
        civilian: e.int("civilian", tr),
    };
    match kind {
        FormKind::Pledge => {
            let money = money(e, tr);
            on.map(|on| {
                Command::Force(ForceCommand::RecordPledge(NewPledge {
                    mission: slug.to_string(),
                    country,
                    pledged_on: on,
                    personnel,
                    equipment: e.opt("equipment"),
                    money,
                    note: e.opt("note"),
                }))
            })
        }
        FormKind::Deployment => {
            let movement = match e.get("movement").parse::<Movement>() {
                Ok(m) => Some(m),
                Err(_) => {
                    e.err("movement", tr.t("err-movement"));
                    None
                }
            };
            let relieved = Personnel {
                police: e.int("relieved_police", tr),
                military: e.int("relieved_military", tr),
                civilian: e.int("relieved_civilian", tr),
            };
            // Blank relieved fields mean "none"; figures on a non-rotation are passed on so the
            // record's own rule refuses them with its message.
            let relieved = (!relieved.is_zero()).then_some(relieved);
            match (on, movement) {
                (Some(on), Some(movement)) => Some(Command::Force(ForceCommand::RecordDeployment(
                    NewDeployment {
                        mission: slug.to_string(),
                        country,
                        movement,
                        on,
                        personnel,
                        relieved,
                        unit: e.opt("unit"),
                        note: e.opt("note"),
                        override_reason: e.opt("override_reason"),
                    },
                ))),
                _ => None,
            }
        }
    }
}

async fn submit_form(
    s: &AppState,
    mut ctx: Ctx,
    user: User,
    kind: FormKind,
    slug: String,
    form: Vec<(String, String)>,
) -> Response {
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    ctx.mission = Some(slug.clone());
    let tr = ctx.tr;
    let data = match form_data(s, &ctx, &slug).await {
        Ok(d) => d,
        Err(e) => return api_error_page(&ctx, &e),
    };
    let mut e = Entered::from_pairs(&form);
    let sources = e.sources(&tr);
    let classification = e.classification(&tr);
    let command = command_of(kind, &slug, &mut e, &tr);
    if e.is_bad() {
        // Show the record's own objections too, so the user fixes everything in one pass.
        if let Some(Err(d)) = command.as_ref().map(Command::validate) {
            e.absorb(&tr, d, &form_field);
        }
    } else if let Some(command) = command {
        let country = e.get("country").to_ascii_uppercase();
        // The same contributor, date and figures as a pledge already recorded is most likely
        // the same pledge entered twice (the figures would be added up): say so, and record
        // it only when asked again with the box ticked.
        if let Command::Force(ForceCommand::RecordPledge(p)) = &command
            && e.get("confirm") != "true"
            && data
                .pledges
                .iter()
                .any(|(c, on, n)| *c == p.country && *on == p.pledged_on && *n == p.personnel)
        {
            e.err(
                "confirm",
                tr.fmt(
                    "form-pledge-duplicate",
                    &[
                        ("country", &ctx.country(&p.country)),
                        ("date", &iso(p.pledged_on)),
                    ],
                ),
            );
            let page = build_form(&ctx, kind, &slug, data, &e);
            return respond(&ctx, StatusCode::CONFLICT, &page);
        }
        let env = Envelope::new(command, sources, classification);
        match s.store.submit(Actor::user(&user), env).await {
            Ok(_) => return see_other(&format!("/missions/{slug}/contributors/{country}")),
            Err(StoreError::Domain(d)) => e.absorb(&tr, d, &form_field),
            Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
        }
    }
    if !e.is_bad() {
        e.general.push(tr.t("err-unknown"));
    }
    let page = build_form(&ctx, kind, &slug, data, &e);
    respond(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// The money of a pledge: both fields or neither; one without the other is an error on the
/// blank one. The currency is taken in capitals; the record checks it is ISO 4217.
fn money(e: &mut Entered, tr: &Tr) -> Option<Money> {
    let amount = e.get("money_amount").to_string();
    let currency = e.get("money_currency").to_ascii_uppercase();
    match (amount.is_empty(), currency.is_empty()) {
        (true, true) => None,
        (false, true) => {
            e.err("money_currency", tr.t("err-money_currency_missing"));
            None
        }
        (true, false) => {
            e.err("money_amount", tr.t("err-money_amount_missing"));
            None
        }
        (false, false) => {
            let n = e.int("money_amount", tr);
            (!e.errors.contains_key("money_amount")).then_some(Money {
                amount: n,
                currency,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_fields_map_to_form_fields() {
        assert_eq!(form_field("personnel.police"), Some("police"));
        assert_eq!(form_field("pledged_on"), Some("on"));
        assert_eq!(form_field("relieved"), Some("relieved_police"));
        assert_eq!(form_field("sources[1]"), Some("sources"));
        assert_eq!(form_field("mission"), None);
        assert_eq!(form_field("money.currency"), Some("money_currency"));
        assert_eq!(form_field("money.amount"), Some("money_amount"));
    }

    fn entered(pairs: &[(&str, &str)]) -> Entered {
        let v: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        Entered::from_pairs(&v)
    }

    #[test]
    fn money_needs_both_fields_or_neither() {
        let tr = Tr::en();
        let mut e = entered(&[("money_amount", ""), ("money_currency", " ")]);
        assert_eq!(money(&mut e, &tr), None);
        assert!(!e.is_bad());

        let mut e = entered(&[("money_amount", "1,000,000"), ("money_currency", "usd")]);
        assert_eq!(
            money(&mut e, &tr),
            Some(Money {
                amount: 1_000_000,
                currency: "USD".into()
            })
        );
        assert!(!e.is_bad());

        let mut e = entered(&[("money_amount", "500")]);
        assert_eq!(money(&mut e, &tr), None);
        assert!(e.errors.contains_key("money_currency"));
        assert!(!e.errors.contains_key("money_amount"));

        let mut e = entered(&[("money_currency", "EUR")]);
        assert_eq!(money(&mut e, &tr), None);
        assert!(e.errors.contains_key("money_amount"));

        let mut e = entered(&[("money_amount", "lots"), ("money_currency", "EUR")]);
        assert_eq!(money(&mut e, &tr), None);
        assert!(e.errors.contains_key("money_amount"));
    }
}
