//! A page form for a command, built from the command's own definition: the request body that
//! the API operation declares in the OpenAPI document (field types, required fields,
//! enumerations, bounds, help text) gives the fields; what was typed becomes the same JSON body
//! and is deserialized by the domain command of the entry kind (`Command::from_entry`), then
//! written through the store's gate like any API request. A capability gets a form by
//! declaring a [`FormSpec`]; nothing here names a command.
//!
//! Posting follows post/redirect/get: a refused form comes back (422) with every value kept and
//! each message next to its field; an accepted one redirects to the new record's page with
//! `?recorded=SEQ`, which the layout shows as the log entry that holds it.

use crate::shared::gate::{Allowed, Member, may_send_page};
use crate::shared::page::{Ctx, FormPairs, api_error_page, check_post, pairs, respond, see_other};
use crate::shared::{error::ApiError, pieces::shorten, state::AppState};
use askama::Template;
use axum::{
    Extension, Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};
use konbit_domain::media::{ClaimAccepted, MediaCommand};
use konbit_domain::{
    Classification, Command, DomainError, EntryKind,
    access::{self, Sender},
    clocks::Day,
};
use konbit_present::Tr;
use konbit_store::{Actor, Envelope, StoreError, Visibility};
use serde_json::{Map, Value};
use std::{
    collections::{BTreeMap, HashMap},
    sync::Arc,
};
use uuid::Uuid;

/// One form: which API operation's body it fills, which entry kind that body is, where the
/// page is and where an accepted form goes.
pub(crate) struct FormSpec {
    /// The page (`/detentions/new`, `/incidents/{event_id}/verification/new`).
    pub(crate) page: &'static str,
    /// The API operation (POST) whose body the form fills (`/api/v1/detentions`).
    pub(crate) api: &'static str,
    /// The entry kind the body becomes.
    pub(crate) kind: EntryKind,
    /// Body fields taken from the page's path (`("event_id", "incident")`): not shown.
    pub(crate) from_path: &'static [(&'static str, &'static str)],
    /// Where an accepted form goes: `{id}` is the new record, `{field}` a field of the body.
    pub(crate) then: &'static str,
    /// The entry is part of another record (an incident's verification) and takes that
    /// record's classification: the form does not ask for one.
    pub(crate) part_of_another: bool,
    /// Offer a place of the gazetteer (grouped by department) that fills the ACLED place
    /// fields: department, arrondissement, commune, location, point and its precision.
    pub(crate) place_picker: bool,
    /// The custody clock shown beside a time field, if the form starts or ends custody.
    pub(crate) clock: Option<Clock>,
    /// A check of the command before it is recorded that may ask the user to confirm.
    pub(crate) warn: Option<Warn>,
    /// The body is a request that becomes several commands of `kind`, recorded together.
    pub(crate) expand: Option<Expand>,
    /// What the form is called (its title's key), when it is not its entry kind.
    pub(crate) name: Option<&'static str>,
    /// The values the form opens with: the record it changes, as it stands (a revision).
    pub(crate) prefill: Option<Prefill>,
}

/// The fields of the record a form changes, as it stands, read for the page's path (`event_id`):
/// a revision opens with every value filled in, and the reader changes what is wrong. The
/// values are the command's own body, flattened the way the form names its fields.
pub(crate) type Prefill = for<'a> fn(
    &'a AppState,
    &'a Ctx,
    &'a HashMap<String, String>,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Value, ApiError>> + Send + 'a>,
>;

/// A command's body as the form's fields: `personnel.police`, `claims[0].figure`, and a list of
/// plain values as one pair per value (`sources`).
pub(crate) fn form_pairs(v: &Value, name: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let key = if name.is_empty() {
                    k.clone()
                } else {
                    format!("{name}.{k}")
                };
                form_pairs(x, &key, out);
            }
        }
        Value::Array(items) if items.iter().all(|x| !x.is_object()) => {
            for x in items {
                form_pairs(x, name, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                form_pairs(x, &format!("{name}[{i}]"), out);
            }
        }
        Value::String(t) => out.push((name.to_string(), t.clone())),
        Value::Bool(b) => out.push((name.to_string(), b.to_string())),
        Value::Number(n) => out.push((name.to_string(), n.to_string())),
        Value::Null => {}
    }
}

/// A request (`/api/v1/acknowledgements/unit`) that becomes several commands, read against the
/// record: all are recorded or none. The refusal of the request or of one of its commands is
/// placed at the form's fields like any other.
pub(crate) type Expand = for<'a> fn(
    &'a AppState,
    &'a Value,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Vec<Command>, StoreError>> + Send + 'a>,
>;

/// A check of a command about to be recorded that the record accepts but that is most likely
/// a mistake (the same pledge entered twice): the warning in the reader's language, or
/// `None`. A form that warns comes back (409) with the warning and a box to tick; sent again
/// with it ticked, it is recorded.
pub(crate) type Warn = for<'a> fn(
    &'a AppState,
    &'a Ctx,
    &'a Command,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Option<String>, ApiError>> + Send + 'a>,
>;

/// The custody clock a form shows beside one of its time fields: the handover or release is
/// due the rules' `handover_hours` after the arrest. Shown as text from the server; the page's
/// script updates it while the time is typed.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Clock {
    /// The field is the arrest: the clock says when the handover falls due.
    Starts(&'static str),
    /// The field ends the custody of the detention named by the form's `detention`: the clock
    /// says how long after the arrest the time typed is, within the rule or past it.
    Ends(&'static str),
}

impl FormSpec {
    /// A form for the body of `api`, recorded as `kind`, going to `then`.
    pub(crate) const fn new(
        page: &'static str,
        api: &'static str,
        kind: EntryKind,
        then: &'static str,
    ) -> FormSpec {
        FormSpec {
            page,
            api,
            kind,
            from_path: &[],
            then,
            part_of_another: false,
            place_picker: false,
            clock: None,
            warn: None,
            expand: None,
            name: None,
            prefill: None,
        }
    }

    /// Opens with the values of the record it changes (see [`Prefill`]).
    pub(crate) const fn prefill(mut self, prefill: Prefill) -> Self {
        self.prefill = Some(prefill);
        self
    }

    /// Called `name` (`acknowledgement.unit`) rather than by its entry kind.
    pub(crate) const fn named(mut self, name: &'static str) -> Self {
        self.name = Some(name);
        self
    }

    /// The key of the form's title and introduction.
    fn title_key(&self) -> &'static str {
        match self.name {
            Some(n) => n,
            None => self.kind.as_str(),
        }
    }

    /// A request that becomes several commands (see [`Expand`]).
    pub(crate) const fn expand(mut self, expand: Expand) -> Self {
        self.expand = Some(expand);
        self
    }

    /// With a check that may ask the user to confirm (see [`Warn`]).
    pub(crate) const fn warn(mut self, warn: Warn) -> Self {
        self.warn = Some(warn);
        self
    }

    /// With the custody clock beside a time field (see [`Clock`]).
    pub(crate) const fn clock(mut self, clock: Clock) -> Self {
        self.clock = Some(clock);
        self
    }

    /// With body fields taken from the page's path.
    pub(crate) const fn path_fields(
        mut self,
        fields: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.from_path = fields;
        self
    }

    /// Part of another record (see [`FormSpec::part_of_another`]).
    pub(crate) const fn part_of_another(mut self) -> Self {
        self.part_of_another = true;
        self
    }

    /// With the gazetteer's places offered (see [`FormSpec::place_picker`]).
    pub(crate) const fn place_picker(mut self) -> Self {
        self.place_picker = true;
        self
    }

    /// Fields the form does not show: those from the path, and the classification of a part.
    fn hidden(&self) -> Vec<&'static str> {
        let mut h: Vec<&'static str> = self.from_path.iter().map(|(_, f)| *f).collect();
        if self.part_of_another {
            h.push("classification");
        }
        h
    }
}

/// The schemas of the API's bodies, read once when the application is built: the served
/// document (with `sources` and `classification` on every recording body) and the order in
/// which each component declares its fields (the served JSON sorts them).
pub struct Schemas {
    doc: Value,
    order: HashMap<String, Vec<String>>,
    body_component: HashMap<String, String>,
    /// Each operation's fields, walked once here rather than on every form shown.
    walked: HashMap<String, Vec<FieldDef>>,
}

impl Schemas {
    /// From the typed document (for the order) and the served one (for everything else).
    pub fn new(typed: &utoipa::openapi::OpenApi, served: Value) -> Schemas {
        use utoipa::openapi::{RefOr, schema::Schema};
        let mut order = HashMap::new();
        if let Some(c) = &typed.components {
            for (name, s) in &c.schemas {
                if let RefOr::T(Schema::Object(o)) = s {
                    order.insert(name.clone(), o.properties.keys().cloned().collect());
                }
            }
        }
        let mut body_component = HashMap::new();
        for (path, item) in &typed.paths.paths {
            let Some(op) = &item.post else { continue };
            let Some(RefOr::T(body)) = &op.request_body else {
                continue;
            };
            if let Some(RefOr::Ref(r)) =
                body.content.get("application/json").and_then(|c| match c {
                    RefOr::T(c) => c.schema.as_ref(),
                    RefOr::Ref(_) => None,
                })
            {
                let name = r.ref_location.rsplit('/').next().unwrap_or_default();
                body_component.insert(path.clone(), name.to_string());
            }
        }
        let mut schemas = Schemas {
            doc: served,
            order,
            body_component,
            walked: HashMap::new(),
        };
        let walked = schemas
            .body_component
            .keys()
            .map(|api| (api.clone(), schemas.walk_body(api)))
            .collect();
        schemas.walked = walked;
        schemas
    }

    fn component(&self, name: &str) -> Option<&Value> {
        self.doc["components"]["schemas"].get(name)
    }

    /// The fields of an operation's body, in declaration order.
    fn fields(&self, api: &str) -> Vec<FieldDef> {
        self.walked
            .get(api)
            .cloned()
            .unwrap_or_else(|| self.walk_body(api))
    }

    fn walk_body(&self, api: &str) -> Vec<FieldDef> {
        let body =
            &self.doc["paths"][api]["post"]["requestBody"]["content"]["application/json"]["schema"];
        let component = self.body_component.get(api).cloned();
        let mut out = Vec::new();
        self.walk(body, component.as_deref(), "", true, &mut out);
        out
    }

    fn walk(
        &self,
        s: &Value,
        component: Option<&str>,
        prefix: &str,
        _required: bool,
        out: &mut Vec<FieldDef>,
    ) {
        let Some(props) = s["properties"].as_object() else {
            return;
        };
        let required: Vec<&str> = s["required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut names: Vec<&String> = props.keys().collect();
        if let Some(order) = component.and_then(|c| self.order.get(c)) {
            names.sort_by_key(|n| order.iter().position(|o| o == *n).unwrap_or(usize::MAX));
        }
        for name in names {
            let p = &props[name];
            let path = format!("{prefix}{name}");
            let req = required.contains(&name.as_str());
            let (inner, nullable) = self.unwrap(p);
            let description = p["description"]
                .as_str()
                .or_else(|| inner.1["description"].as_str())
                .map(str::to_string);
            let input = self.input(inner.1, inner.0.as_deref(), &path);
            match input {
                Input::Group(comp) => {
                    let s = comp
                        .as_deref()
                        .and_then(|c| self.component(c))
                        .unwrap_or(inner.1);
                    out.push(FieldDef {
                        name: path.clone(),
                        input: Input::Legend,
                        required: req && !nullable,
                        description,
                    });
                    self.walk(s, comp.as_deref(), &format!("{path}."), req, out);
                }
                input => out.push(FieldDef {
                    name: path,
                    input,
                    required: req && !nullable,
                    description,
                }),
            }
        }
    }

    /// The schema under `$ref`s and `oneOf: [T, null]`, with the component it came from and
    /// whether null is allowed.
    fn unwrap<'a>(&'a self, s: &'a Value) -> ((Option<String>, &'a Value), bool) {
        if let Some(r) = s["$ref"].as_str() {
            let name = r.rsplit('/').next().unwrap_or_default().to_string();
            let v = self.component(&name).unwrap_or(&Value::Null);
            return ((Some(name), v), false);
        }
        if let Some(branches) = s["oneOf"].as_array().or_else(|| s["anyOf"].as_array()) {
            let nullable = branches.iter().any(|b| b["type"] == "null");
            if let Some(b) = branches.iter().find(|b| b["type"] != "null") {
                let (inner, _) = self.unwrap(b);
                return (inner, nullable);
            }
        }
        let nullable = s["type"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == "null"));
        ((None, s), nullable)
    }

    fn input(&self, s: &Value, component: Option<&str>, path: &str) -> Input {
        let ty = match &s["type"] {
            Value::Array(t) => t
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("string"),
            Value::String(t) => t.as_str(),
            _ => "",
        };
        if let Some(values) = s["enum"].as_array() {
            return Input::Select(
                values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
                label_prefix(component.unwrap_or_default(), path),
            );
        }
        match ty {
            "object" if s["properties"].is_object() => Input::Group(component.map(str::to_string)),
            "object" => Input::Json,
            "boolean" => Input::Check,
            "integer" => Input::Int {
                min: s["minimum"].as_i64(),
                max: s["maximum"].as_i64(),
            },
            "number" => Input::Float {
                min: s["minimum"].as_f64(),
                max: s["maximum"].as_f64(),
            },
            "array" => {
                let ((comp, item), _) = self.unwrap(&s["items"]);
                match self.input(item, comp.as_deref(), path) {
                    Input::Select(values, prefix) => Input::Multi(values, prefix),
                    Input::Group(comp) => {
                        let item = comp
                            .as_deref()
                            .and_then(|c| self.component(c))
                            .unwrap_or(item);
                        let mut sub = Vec::new();
                        self.walk(item, comp.as_deref(), "", true, &mut sub);
                        Input::Rows(sub)
                    }
                    Input::Id => Input::Ids,
                    _ => Input::Lines,
                }
            }
            _ => match s["format"].as_str() {
                Some("date") => Input::Date,
                Some("date-time") => Input::DateTime,
                Some("uuid") => Input::Id,
                _ => Input::Text {
                    // The domain says which fields hold several lines.
                    long: konbit_domain::text::MULTILINE
                        .contains(&path.rsplit(['.', ']']).next().unwrap_or(path)),
                    pattern: s["pattern"].as_str().map(str::to_string),
                },
            },
        }
    }
}

/// Options from (value, label) pairs, those in `chosen` selected.
fn chosen_of(pairs: &[(String, String)], chosen: &[&str]) -> Vec<OptView> {
    pairs
        .iter()
        .map(|(value, label)| OptView {
            selected: chosen.contains(&value.as_str()),
            value: value.clone(),
            label: label.clone(),
        })
        .collect()
}

/// The list where the record an id field names is found (its page offers the form filled in).
fn register_of(field: &str) -> Option<&'static str> {
    Some(match field.rsplit('.').next().unwrap_or(field) {
        "person" | "persons_involved" => "/personnel",
        "detention" => "/detentions",
        "report" | "use_of_force" => "/use-of-force",
        "case" | "complaint" => "/cases",
        "incident" => "/incidents",
        "record" | "records" | "about" => "/log",
        _ => return None,
    })
}

/// The "prefix" of country codes, labelled with the country's name.
const COUNTRY: &str = "(country)";

/// Fields whose schema description says nothing a user needs (the field's label and choices
/// do), or has a hint of its own.
const NO_HINT: &[&str] = &["mission", "classification", "sources", "country"];

/// The Fluent prefix of an enumeration's value labels (`level-firearm`), by the component
/// that declares it; the value itself where the pages have no labels yet.
fn label_prefix(component: &str, path: &str) -> &'static str {
    match component {
        "ForceLevel" => "level",
        "Movement" => "movement",
        "Classification" => "class",
        "Category" => "cat",
        "VettingStatus" => "vetting",
        "DocumentKind" => "doc_kind",
        "ReviewStatus" => "review",
        "CaseStatus" => "case_status",
        "Investigator" => "investigator",
        "Misconduct" => "misconduct",
        "ConductCategory" => "conduct",
        "CustodyHarm" => "harm",
        "Sex" => "sex",
        "FormLanguage" => "form_lang",
        "SourceKind" => "source_kind",
        "Reliability" => "reliability",
        "InstrumentKind" => "instrument",
        "FundingChannel" => "channel",
        "Role" => "role",
        // Countries are named in the reader's language, not by a Fluent prefix.
        "CountryCode" => COUNTRY,
        _ if path.ends_with("credibility") => "credibility",
        _ => "",
    }
}

/// A field of a form, as the schema describes it.
#[derive(Clone, Debug)]
struct FieldDef {
    /// Its path in the body: `personnel.police`; in a row, relative to the row.
    name: String,
    input: Input,
    required: bool,
    description: Option<String>,
}

#[derive(Clone, Debug)]
enum Input {
    Text {
        long: bool,
        pattern: Option<String>,
    },
    Int {
        min: Option<i64>,
        max: Option<i64>,
    },
    Float {
        min: Option<f64>,
        max: Option<f64>,
    },
    Date,
    /// A local date and time and its offset from UTC.
    DateTime,
    Check,
    /// One value of an enumeration, with the Fluent prefix of its labels.
    Select(Vec<String>, &'static str),
    /// Several values of an enumeration.
    Multi(Vec<String>, &'static str),
    /// A record's id.
    Id,
    /// Several records' ids, one per line.
    Ids,
    /// Several short texts, one per line.
    Lines,
    /// A list of objects: one row of sub-fields per item.
    Rows(Vec<FieldDef>),
    /// Free JSON (a correction's body).
    Json,
    /// The heading of a nested object's fields.
    Legend,
    /// A nested object (resolved into a legend and its fields).
    Group(Option<String>),
}

// ---------------------------------------------------------------------------------------------
// What was posted
// ---------------------------------------------------------------------------------------------

/// The most rows a list of objects has in a form (claims, allegations, leaders): more than any
/// record needs; rows numbered beyond it are not read.
const MAX_ROWS: usize = 50;

/// The posted pairs, and what is wrong with them.
#[derive(Default)]
struct Posted {
    pairs: Vec<(String, String)>,
    errors: BTreeMap<String, Vec<String>>,
    general: Vec<String>,
    /// What was done without leaving the form (a source recorded).
    notice: Option<String>,
    /// Why the form asks to be confirmed before it is recorded.
    warning: Option<String>,
}

/// The press claim a form records, when it was opened to accept one of an article's claims
/// (`press_claim=ARTICLE/INDEX`, or `ARTICLE/INDEX/RECORD` when the form changes an existing
/// record, such as an incident revised to add the claim's death toll): the record is recorded
/// together with the claim's acceptance, naming it.
fn press_claim(p: &Posted) -> Option<(Uuid, u32)> {
    press_claim_of(p).map(|(a, c, _)| (a, c))
}

fn press_claim_of(p: &Posted) -> Option<(Uuid, u32, Option<Uuid>)> {
    let mut parts = p.get("press_claim").split('/');
    let article = Uuid::parse_str(parts.next()?).ok()?;
    let claim = parts.next()?.parse().ok()?;
    let record = match parts.next() {
        Some(r) => Some(Uuid::parse_str(r).ok()?),
        None => None,
    };
    parts.next().is_none().then_some((article, claim, record))
}

/// The claim being accepted, in words, for the form's facts: its words in the article and the
/// article's title.
async fn press_claim_fact(s: &AppState, ctx: &Ctx, article: Uuid, claim: u32) -> Option<String> {
    let (_, vis) = ctx.clocks().ok()?;
    let mut r = s.store.reader(vis).await.ok()?;
    let a = r.article(article).await.ok()??;
    let c = a.claims.get(claim as usize)?;
    Some(format!("“{}” — {}", c.claim.text, a.title))
}

impl Posted {
    fn get(&self, k: &str) -> &str {
        self.pairs
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.trim())
    }

    fn all(&self, k: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
            .collect()
    }

    fn err(&mut self, field: &str, msg: String) {
        self.errors.entry(field.to_string()).or_default().push(msg);
    }

    /// How many rows a list of objects shows: those with something typed, and one more when
    /// asked (the "another row" button), at least one.
    fn rows(&self, name: &str) -> usize {
        let prefix = format!("{name}[");
        let typed = self
            .pairs
            .iter()
            .filter(|(k, v)| k.starts_with(&prefix) && !v.trim().is_empty())
            .filter_map(|(k, _)| k[prefix.len()..].split(']').next()?.parse::<usize>().ok())
            // A row number from outside is bounded before it sizes any loop: a posted
            // `claims[4000000000].value` must not make the server walk four billion rows.
            .filter(|i| *i < MAX_ROWS)
            .max()
            .map_or(0, |i| i + 1);
        let more = usize::from(self.get("more") == name);
        (typed + more).clamp(1, MAX_ROWS)
    }
}

/// The body typed into the form, as the API would receive it; errors of reading are in `p`.
fn body_of(defs: &[FieldDef], prefix: &str, p: &mut Posted, tr: &Tr) -> Map<String, Value> {
    // An optional nested object with nothing typed in it is not given (a pledge without
    // money), so its own required fields are not asked for.
    let untouched: Vec<String> = defs
        .iter()
        .filter(|d| matches!(d.input, Input::Legend) && !d.required)
        .map(|d| format!("{prefix}{}.", d.name))
        .filter(|group| {
            !p.pairs
                .iter()
                .any(|(k, v)| k.starts_with(group.as_str()) && !v.trim().is_empty())
        })
        .collect();
    let mut body = Map::new();
    for d in defs {
        let name = format!("{prefix}{}", d.name);
        if untouched.iter().any(|g| name.starts_with(g.as_str())) {
            continue;
        }
        let value = match &d.input {
            Input::Legend | Input::Group(_) => continue,
            Input::Rows(sub) => {
                let mut items = Vec::new();
                for i in 0..p.rows(&name) {
                    let prefix = format!("{name}[{i}].");
                    // A row left empty is no item (not an item with every field missing).
                    let typed = p
                        .pairs
                        .iter()
                        .any(|(k, v)| k.starts_with(&prefix) && !v.trim().is_empty());
                    if !typed {
                        continue;
                    }
                    let row = body_of(sub, &prefix, p, tr);
                    if !row.is_empty() {
                        items.push(Value::Object(row));
                    }
                }
                (!items.is_empty() || d.required).then_some(Value::Array(items))
            }
            Input::Multi(..) | Input::Ids | Input::Lines => {
                let raw: Vec<String> = match d.input {
                    Input::Multi(..) => p.all(&name).into_iter().map(str::to_string).collect(),
                    _ => p
                        .get(&name)
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect(),
                };
                let mut items = Vec::new();
                for v in raw {
                    if matches!(d.input, Input::Ids) && Uuid::parse_str(&v).is_err() {
                        p.err(&name, tr.t("err-record_id"));
                    }
                    items.push(Value::String(v));
                }
                (!items.is_empty() || d.required).then_some(Value::Array(items))
            }
            Input::Check => Some(Value::Bool(p.get(&name) == "true")),
            Input::DateTime => {
                // Typed as ISO 8601 in the page: a space or a `T` between date and time.
                let local = match p.get(&name) {
                    l if l.len() > 10 && l.as_bytes()[10] == b' ' => {
                        format!("{}T{}", &l[..10], l[11..].trim())
                    }
                    l => l.to_string(),
                };
                if local.is_empty() {
                    None
                } else {
                    let offset = match p.get(&format!("{name}.offset")) {
                        "" => "-05:00".to_string(),
                        o => o.to_string(),
                    };
                    let secs = if local.len() == 16 { ":00" } else { "" };
                    let text = format!("{local}{secs}{offset}");
                    if time::OffsetDateTime::parse(
                        &text,
                        &time::format_description::well_known::Rfc3339,
                    )
                    .is_err()
                    {
                        p.err(&name, tr.t("err-datetime"));
                    }
                    Some(Value::String(text))
                }
            }
            Input::Text { .. } if d.required && p.get(&name).is_empty() => {
                // Kept (empty) so that the command can still be read and checked whole.
                p.err(&name, tr.t("err-required"));
                Some(Value::String(String::new()))
            }
            _ => {
                let v = p.get(&name).to_string();
                if v.is_empty() {
                    None
                } else {
                    Some(scalar(&d.input, &name, v, p, tr))
                }
            }
        };
        match value {
            Some(v) => {
                body.insert(d.name.clone(), v);
            }
            None if d.required => p.err(&name, tr.t("err-required")),
            None => {}
        }
    }
    nest(body)
}

/// A typed value read as its JSON type, or left as text with an error.
fn scalar(input: &Input, name: &str, v: String, p: &mut Posted, tr: &Tr) -> Value {
    match input {
        Input::Int { min, max } => {
            let t = v.replace([',', ' ', '\u{202f}', '\u{a0}'], "");
            match t.parse::<i64>() {
                Ok(n) => {
                    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                        out_of_range(p, name, min.map(|m| m as f64), max.map(|m| m as f64), tr);
                    }
                    Value::from(n)
                }
                Err(_) => {
                    p.err(name, tr.t("err-whole_number"));
                    Value::String(v)
                }
            }
        }
        Input::Float { min, max } => match v.replace(',', ".").parse::<f64>() {
            Ok(n) if n.is_finite() => {
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    out_of_range(p, name, *min, *max, tr);
                }
                Value::from(n)
            }
            _ => {
                p.err(name, tr.t("err-number"));
                Value::String(v)
            }
        },
        Input::Date => {
            if v.parse::<Day>().is_err() {
                p.err(name, tr.t("err-date"));
            }
            Value::String(v)
        }
        Input::Id => {
            if Uuid::parse_str(&v).is_err() {
                p.err(name, tr.t("err-record_id"));
            }
            Value::String(v)
        }
        Input::Select(values, _) => {
            if !values.contains(&v) {
                p.err(name, tr.t("err-choice"));
            }
            Value::String(v)
        }
        Input::Json => match serde_json::from_str(&v) {
            Ok(j) => j,
            Err(_) => {
                p.err(name, tr.t("err-json"));
                Value::String(v)
            }
        },
        _ => Value::String(v),
    }
}

/// A number outside the bounds the schema states.
fn out_of_range(p: &mut Posted, name: &str, min: Option<f64>, max: Option<f64>, tr: &Tr) {
    let msg = match (min, max) {
        (Some(a), Some(b)) => tr.fmt(
            "err-between",
            &[("min", &a.to_string()), ("max", &b.to_string())],
        ),
        (Some(a), None) => tr.fmt("err-at_least", &[("min", &a.to_string())]),
        (None, Some(b)) => tr.fmt("err-at_most", &[("max", &b.to_string())]),
        (None, None) => return,
    };
    p.err(name, msg);
}

/// Dotted names (`personnel.police`) as nested objects; a nested object left empty is left
/// out (an optional `money` not given).
fn nest(flat: Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in flat {
        match k.split_once('.') {
            None => {
                out.insert(k, v);
            }
            Some((head, rest)) => {
                let entry = out
                    .entry(head.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(m) = entry {
                    let mut one = Map::new();
                    one.insert(rest.to_string(), v);
                    for (k2, v2) in nest(one) {
                        match (m.get_mut(&k2), v2) {
                            (Some(Value::Object(a)), Value::Object(b)) => a.extend(b),
                            (_, v2) => {
                                m.insert(k2, v2);
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------

/// One field as the template shows it.
pub(crate) struct FieldView {
    pub(crate) name: String,
    pub(crate) label: String,
    /// `legend`, `text`, `textarea`, `number`, `date`, `datetime`, `checkbox`, `select`,
    /// `checkboxes`, `sources`, `lines`, `more`.
    pub(crate) input: &'static str,
    pub(crate) value: String,
    pub(crate) options: Vec<OptView>,
    pub(crate) errors: Vec<String>,
    pub(crate) hint: Option<String>,
    /// The hint's language when it is not the page's (the schema's English).
    pub(crate) hint_lang: Option<&'static str>,
    pub(crate) required: bool,
    pub(crate) step: &'static str,
    pub(crate) min: String,
    pub(crate) max: String,
    pub(crate) pattern: String,
    pub(crate) list: &'static str,
    /// For `datetime`: the offset field's options.
    pub(crate) offsets: Vec<OptView>,
    /// For `place`: the options by group (a department's communes and localities).
    pub(crate) groups: Vec<(String, Vec<OptView>)>,
    /// For a time field: the custody clock beside it.
    pub(crate) clock: Option<ClockView>,
    /// For a record's id: the list to find it in, and the link's words.
    pub(crate) find: Option<(String, String)>,
}

/// The custody clock as the page shows it, with the texts the script fills in as the time is
/// typed (`{due}`, `{left}`, `{after}`, `{by}` are put in by the script).
pub(crate) struct ClockView {
    pub(crate) hours: i64,
    /// The arrest (RFC 3339) when the form ends custody; empty when the form is the arrest.
    pub(crate) from: String,
    /// What the clock says now, from the server.
    pub(crate) text: String,
    pub(crate) rule: String,
    pub(crate) due: String,
    pub(crate) past: String,
    pub(crate) within: String,
    pub(crate) over: String,
}

impl FieldView {
    /// An empty field of this input.
    fn new(name: &str, label: String, input: &'static str) -> FieldView {
        FieldView {
            name: name.to_string(),
            label,
            input,
            value: String::new(),
            options: Vec::new(),
            errors: Vec::new(),
            hint: None,
            hint_lang: None,
            required: false,
            step: "1",
            min: String::new(),
            max: String::new(),
            pattern: String::new(),
            list: "",
            offsets: Vec::new(),
            groups: Vec::new(),
            clock: None,
            find: None,
        }
    }
}

pub(crate) struct OptView {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

#[derive(Template)]
#[template(path = "command_form.html")]
struct FormPage {
    ctx: Ctx,
    title: String,
    intro: String,
    fixed: Vec<(String, String)>,
    action: String,
    cancel: String,
    fields: Vec<FieldView>,
    general: Vec<String>,
    notice: Option<String>,
    warning: Option<String>,
    countries: Vec<OptView>,
    units: Vec<String>,
    /// The press claim the record made is accepted with (`ARTICLE/INDEX`), kept across posts.
    press_claim: Option<String>,
}

/// The data a form's pickers offer: missions, sources, countries.
struct Pickers {
    missions: Vec<(String, String)>,
    sources: Vec<(String, String)>,
    /// The units people are registered in (for a `unit` field), when the form has one.
    units: Vec<String>,
    /// The mission's documents, id and title (for a `document` field), when the form has one.
    documents: Vec<(String, String)>,
}

async fn pickers(s: &AppState, ctx: &Ctx, defs: &[FieldDef]) -> Result<Pickers, ApiError> {
    let has = |name: &str| defs.iter().any(|d| d.name == name);
    let (mut units, mut documents) = (Vec::new(), Vec::new());
    if has("unit") || has("document") {
        // Units and documents are mission-level; the server's read records no restricted read.
        use konbit_store::registers::{Reading, Select};
        let (people, docs) = s.store.people(&Reading::server(), Select::All).await?;
        if has("unit") {
            units = people.into_iter().map(|p| p.unit).collect();
            units.sort();
            units.dedup();
        }
        if has("document") {
            documents = docs
                .into_iter()
                .map(|d| {
                    let label = format!(
                        "{} ({}, {})",
                        d.title,
                        d.version,
                        crate::shared::page::iso(d.effective_on)
                    );
                    (d.id.to_string(), label)
                })
                .collect();
        }
    }
    let vis = Visibility::now(ctx.caller.clearance());
    let mut r = s.store.reader(vis).await?;
    let mut missions = r.missions().await?;
    missions.sort_by_key(|m| std::cmp::Reverse(m.start_date));
    let mut sources = r.sources(None).await?;
    sources.sort_by_key(|s| s.title.to_lowercase());
    Ok(Pickers {
        units,
        documents,
        missions: missions.into_iter().map(|m| (m.slug, m.name)).collect(),
        sources: sources
            .into_iter()
            .map(|s| {
                // What the filter box matches: title, outlet, date and grade.
                let mut label = shorten(&s.title, 90);
                if let Some(o) = &s.outlet {
                    label.push_str(&format!(" — {o}"));
                }
                if let Some(d) = s.published_on {
                    label.push_str(&format!(", {}", crate::shared::page::iso(d)));
                }
                (s.id.to_string(), format!("{label} ({})", s.grade))
            })
            .collect(),
    })
}

fn label(tr: &Tr, name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name);
    let last = last.split('[').next().unwrap_or(last);
    tr.lookup(&format!("field-{last}")).unwrap_or_else(|| {
        let mut s = last.replace('_', " ");
        if let Some(c) = s.get(..1) {
            s.replace_range(..1, &c.to_uppercase());
        }
        s
    })
}

fn views(
    defs: &[FieldDef],
    prefix: &str,
    p: &Posted,
    ctx: &Ctx,
    pick: &Pickers,
    out: &mut Vec<FieldView>,
) {
    let tr = &ctx.tr;
    for d in defs {
        let name = format!("{prefix}{}", d.name);
        let mut v = FieldView::new(&name, label(tr, &name), "text");
        v.value = p.get(&name).to_string();
        v.errors = p.errors.get(&name).cloned().unwrap_or_default();
        v.required = d.required;
        if let Some(h) = tr.lookup(&format!("hint-{}", name.replace(['.', '[', ']'], "_"))) {
            v.hint = Some(h);
        } else if let Some(desc) = &d.description
            && !NO_HINT.contains(&d.name.as_str())
        {
            let desc = desc.replace('`', "").replace(" (RFC 3339)", "");
            // The description's words in the reader's language, else the schema's English.
            if let Some(h) = tr.help(&desc) {
                v.hint = Some(h);
                // Creole's staff forms fall back to French: marked as French.
                v.hint_lang = tr.fallback_of(&Tr::help_id(&desc));
            } else {
                v.hint = Some(desc);
                v.hint_lang = (ctx.lang != "en").then_some("en");
            }
        }
        let options = |values: &[String], prefix: &str, chosen: &[&str]| -> Vec<OptView> {
            values
                .iter()
                .map(|x| OptView {
                    label: match prefix {
                        "" => x.replace('_', " "),
                        COUNTRY => format!("{} ({x})", ctx.country(x)),
                        p => tr.label(p, x),
                    },
                    selected: chosen.contains(&x.as_str()),
                    value: x.clone(),
                })
                .collect()
        };
        match &d.input {
            Input::Legend => v.input = "legend",
            Input::Group(_) => continue,
            Input::Text { long, pattern } => {
                v.input = if *long { "textarea" } else { "text" };
                v.pattern = pattern.clone().unwrap_or_default();
                if name == "mission" || name.ends_with(".mission") {
                    v.input = "select";
                    v.options = chosen_of(&pick.missions, &[v.value.as_str()]);
                } else if matches!(
                    d.name.rsplit('.').next(),
                    Some("country" | "lead_nation" | "host_country" | "authority")
                ) {
                    v.list = "countries";
                } else if name == "unit" && !pick.units.is_empty() {
                    v.list = "units";
                }
            }
            Input::Int { min, max } => {
                v.input = "number";
                v.min = min.map(|m| m.to_string()).unwrap_or_default();
                v.max = max.map(|m| m.to_string()).unwrap_or_default();
            }
            Input::Float { min, max } => {
                v.input = "number";
                v.step = "any";
                v.min = min.map(|m| m.to_string()).unwrap_or_default();
                v.max = max.map(|m| m.to_string()).unwrap_or_default();
            }
            Input::Date => v.input = "date",
            Input::DateTime => {
                v.input = "datetime";
                let chosen = match p.get(&format!("{name}.offset")) {
                    "" => "-05:00",
                    o => o,
                };
                // Haiti's two offsets (standard time, and summer time since 2017), UTC, and
                // Nairobi's for reports written at the contributors' headquarters.
                v.offsets = [
                    ("-05:00", "form-offset-haiti"),
                    ("-04:00", "form-offset-haiti_summer"),
                    ("+00:00", "form-offset-utc"),
                    ("+03:00", "form-offset-nairobi"),
                ]
                .iter()
                .map(|(o, key)| OptView {
                    value: (*o).to_string(),
                    label: format!("UTC{o} · {}", tr.t(key)),
                    selected: *o == chosen,
                })
                .collect();
            }
            Input::Check => v.input = "checkbox",
            Input::Select(values, prefix) => {
                v.input = "select";
                let mut o = options(values, prefix, &[v.value.as_str()]);
                if *prefix == COUNTRY {
                    o.sort_by(|a, b| a.label.cmp(&b.label));
                }
                if name == "classification" {
                    if v.value.is_empty() {
                        for x in &mut o {
                            x.selected = x.value == "mission";
                        }
                    }
                } else {
                    o.insert(
                        0,
                        OptView {
                            value: String::new(),
                            label: "—".into(),
                            selected: v.value.is_empty(),
                        },
                    );
                }
                v.options = o;
            }
            Input::Multi(values, prefix) => {
                v.input = "checkboxes";
                v.options = options(values, prefix, &p.all(&name));
            }
            Input::Ids | Input::Lines if name == "sources" => {
                v.input = "sources";
                v.options = chosen_of(&pick.sources, &p.all(&name));
            }
            Input::Id if name == "document" && !pick.documents.is_empty() => {
                v.input = "select";
                let mut none = chosen_of(&[(String::new(), "—".into())], &[v.value.as_str()]);
                none.extend(chosen_of(&pick.documents, &[v.value.as_str()]));
                v.options = none;
            }
            Input::Id | Input::Ids | Input::Lines => {
                v.input = if matches!(d.input, Input::Id) {
                    "text"
                } else {
                    "lines"
                };
                if let Some(list) = register_of(&d.name) {
                    v.find = Some((list.to_string(), tr.t("form-find_record")));
                }
            }
            Input::Json => v.input = "textarea",
            Input::Rows(sub) => {
                v.input = "legend";
                out.push(v);
                for i in 0..p.rows(&name) {
                    views(sub, &format!("{name}[{i}]."), p, ctx, pick, out);
                }
                out.push(FieldView::new(&name, tr.t("form-another_row"), "more"));
                continue;
            }
        }
        out.push(v);
    }
}

/// The page of a form spec with the values of its path filled in (`{event_id}` → the id).
fn fill(template: &str, values: &HashMap<String, String>) -> String {
    let mut s = template.to_string();
    for (k, v) in values {
        s = s.replace(&format!("{{{k}}}"), &crate::shared::page::enc(v));
    }
    s
}

fn title(ctx: &Ctx, spec: &FormSpec, schemas: &Schemas) -> (String, String) {
    let title = ctx.form_title(spec.title_key());
    let key = format!("form-title-{}", spec.title_key().replace('.', "_"));
    let intro = ctx.tr.lookup(&format!("{key}-intro")).unwrap_or_else(|| {
        let english = schemas.doc["paths"][spec.api]["post"]["requestBody"]["content"]
            ["application/json"]["schema"]["description"]
            .as_str()
            .unwrap_or_default();
        // The command's description in the reader's language, else the schema's English.
        ctx.tr.help(english).unwrap_or_else(|| english.to_string())
    });
    (title, intro)
}

#[allow(clippy::too_many_arguments)]
async fn render(
    s: &AppState,
    ctx: &Ctx,
    spec: &FormSpec,
    schemas: &Schemas,
    path: &HashMap<String, String>,
    p: &Posted,
    status: StatusCode,
) -> Response {
    let hidden = spec.hidden();
    let defs: Vec<FieldDef> = schemas
        .fields(spec.api)
        .into_iter()
        .filter(|d| !hidden.contains(&d.name.as_str()))
        .collect();
    let pick = match pickers(s, ctx, &defs).await {
        Ok(x) => x,
        Err(e) => return api_error_page(ctx, &e),
    };
    let mut fields = Vec::new();
    if spec.place_picker {
        fields.push(place_view(ctx, p));
    }
    // The command's own fields, then what every record has: its sources and who may read it.
    let (own, record): (Vec<FieldDef>, Vec<FieldDef>) = defs
        .into_iter()
        .partition(|d| !matches!(d.name.as_str(), "sources" | "classification"));
    // The command's plain fields first, then its nested objects and lists under their
    // headings, so that no plain field reads as part of the heading above it.
    let (plain, nested): (Vec<FieldDef>, Vec<FieldDef>) = own
        .into_iter()
        .partition(|d| !d.name.contains('.') && !matches!(d.input, Input::Legend | Input::Rows(_)));
    let own: Vec<FieldDef> = plain.into_iter().chain(nested).collect();
    views(&own, "", p, ctx, &pick, &mut fields);
    if !record.is_empty() {
        let legend = FieldDef {
            name: "about-record".into(),
            input: Input::Legend,
            required: false,
            description: None,
        };
        views(&[legend], "", p, ctx, &pick, &mut fields);
        if let Some(l) = fields.last_mut() {
            l.label = ctx.tr.t("form-about_record");
        }
        views(&record, "", p, ctx, &pick, &mut fields);
        if record.iter().any(|d| d.name == "sources") && may_send_page(ctx, NEW_SOURCE_KIND).is_ok()
        {
            new_source_views(ctx, schemas, p, &pick, &mut fields);
        }
    }
    if let Some(c) = spec.clock {
        let view = clock_view(s, ctx, c, p).await;
        let field = match c {
            Clock::Starts(f) | Clock::Ends(f) => f,
        };
        if let Some(f) = fields.iter_mut().find(|f| f.name == field) {
            f.clock = Some(view);
        }
    }
    let (title, intro) = title(ctx, spec, schemas);
    let mut fixed: Vec<(String, String)> = spec
        .from_path
        .iter()
        .map(|(param, field)| {
            (
                label(&ctx.tr, field),
                path.get(*param).cloned().unwrap_or_default(),
            )
        })
        .collect();
    let accepting = press_claim(p);
    // A decision on a press claim names the claim it is about, in words.
    let decided = matches!(
        spec.kind,
        EntryKind::PressClaimAccepted | EntryKind::PressClaimDismissed
    )
    .then(|| {
        Some((
            Uuid::parse_str(p.get("article")).ok()?,
            p.get("claim").parse().ok()?,
        ))
    })
    .flatten();
    if let Some((article, claim)) = accepting.or(decided)
        && let Some(fact) = press_claim_fact(s, ctx, article, claim).await
    {
        // An unknown article or claim is left for the record to refuse, at its field.
        let label = if accepting.is_some() {
            "press-accepting"
        } else {
            "press-the-claim"
        };
        fixed.push((ctx.tr.t(label), fact));
    }
    let cancel = match p.get("next") {
        n if n.starts_with('/') && !n.starts_with("//") => n.to_string(),
        _ => "/".to_string(),
    };
    let countries = konbit_domain::country::all()
        .iter()
        .map(|c| OptView {
            value: c.alpha3.clone(),
            label: ctx.country(&c.alpha3),
            selected: false,
        })
        .collect();
    let page = FormPage {
        ctx: ctx.clone(),
        title,
        intro,
        fixed,
        action: ctx.bare_path.clone(),
        cancel,
        fields,
        general: p.general.clone(),
        notice: p.notice.clone(),
        warning: p.warning.clone(),
        units: pick.units.clone(),
        countries,
        press_claim: press_claim_of(p).map(|(a, c, r)| match r {
            Some(r) => format!("{a}/{c}/{r}"),
            None => format!("{a}/{c}"),
        }),
    };
    respond(ctx, status, &page)
}

async fn show(
    s: AppState,
    ctx: Ctx,
    spec: &'static FormSpec,
    schemas: Arc<Schemas>,
    path: HashMap<String, String>,
) -> Response {
    if let Err(r) = may_send_page(&ctx, spec.kind) {
        return *r;
    }
    // A form may be opened with some fields filled in (`?detention=…` from the detention's
    // page) and with the page to go back to.
    let mut p = Posted {
        pairs: ctx.query.clone(),
        ..Posted::default()
    };
    // A revision opens with the record as it stands; what the link fills in replaces it, field
    // by field (a list named in the link replaces the whole list).
    if let Some(prefill) = spec.prefill {
        let current = match prefill(&s, &ctx, &path).await {
            Ok(v) => v,
            // A record that is not there opens the form empty: sent, the record says so at the
            // field that names it.
            Err(e) if e.status() == StatusCode::NOT_FOUND => Value::Null,
            Err(e) => return api_error_page(&ctx, &e),
        };
        let mut pairs = Vec::new();
        form_pairs(&current, "", &mut pairs);
        pairs.retain(|(k, _)| !ctx.query.iter().any(|(q, _)| q == k));
        pairs.extend(ctx.query.iter().cloned());
        p.pairs = pairs;
    }
    if p.get("next").is_empty() {
        p.pairs.push(("next".into(), "/".into()));
    }
    render(&s, &ctx, spec, &schemas, &path, &p, StatusCode::OK).await
}

async fn submit(
    s: AppState,
    ctx: Ctx,
    spec: &'static FormSpec,
    schemas: Arc<Schemas>,
    path: HashMap<String, String>,
    form: Vec<(String, String)>,
) -> Response {
    let user = match may_send_page(&ctx, spec.kind) {
        Ok(u) => u,
        Err(r) => return *r,
    };
    if let Some(r) = check_post(&ctx, &form) {
        return r;
    }
    let tr = ctx.tr;
    let mut p = Posted {
        pairs: form,
        ..Posted::default()
    };
    if spec.place_picker {
        fill_place(&mut p);
    }
    // A source recorded without leaving the form: the same form again, the source chosen.
    if !p.get("add_source").is_empty() {
        let status = match add_source(&s, &ctx, &user, &schemas, &mut p).await {
            Ok(()) => StatusCode::OK,
            Err(None) => StatusCode::UNPROCESSABLE_ENTITY,
            Err(Some(r)) => return r,
        };
        return render(&s, &ctx, spec, &schemas, &path, &p, status).await;
    }
    // "Another row": the same form with one more row, nothing written.
    if !p.get("more").is_empty() {
        return render(&s, &ctx, spec, &schemas, &path, &p, StatusCode::OK).await;
    }
    let defs = schemas.fields(spec.api);
    let hidden = spec.hidden();
    let shown: Vec<FieldDef> = defs
        .iter()
        .filter(|d| !hidden.contains(&d.name.as_str()))
        .cloned()
        .collect();
    let mut body = body_of(&shown, "", &mut p, &tr);
    for (param, field) in spec.from_path {
        if let Some(v) = path.get(*param) {
            body.insert((*field).to_string(), Value::String(v.clone()));
        }
    }
    let sources: Vec<Uuid> = match body.remove("sources") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()))
            .collect(),
        _ => Vec::new(),
    };
    let classification = match body.remove("classification") {
        Some(Value::String(c)) => c.parse().unwrap_or(Classification::Mission),
        // The lowest, for the store to raise to the record's own.
        _ if spec.part_of_another => Classification::Public,
        _ => Classification::Mission,
    };
    if !p.errors.is_empty() {
        // Show the record's own objections to the other fields too, so that everything is
        // fixed in one pass.
        if let Ok(command) = Command::from_entry(spec.kind, &Value::Object(body.clone()))
            && let Err(d) = command.validate()
        {
            place(&mut p, d, &tr, &shown, "");
        }
    } else if let Some(expand) = spec.expand {
        let request = Value::Object(body.clone());
        let refused = match expand(&s, &request).await {
            Ok(commands) => {
                let envs = commands
                    .into_iter()
                    .map(|c| Envelope::new(c, sources.clone(), classification))
                    .collect();
                match s.store.submit_all(Actor::user(&user), envs).await {
                    Ok(done) => {
                        let first = done.first().map_or(0, |w| w.seq);
                        return recorded(spec, &body, &path, None, first);
                    }
                    Err((_, e)) => e,
                }
            }
            Err(e) => e,
        };
        match refused {
            StoreError::Domain(d) => place(&mut p, d, &tr, &shown, ""),
            other => return api_error_page(&ctx, &ApiError::from(other)),
        }
    } else {
        match Command::from_entry(spec.kind, &Value::Object(body.clone())) {
            Err(e) => place_serde_error(&mut p, &e, &tr),
            Ok(mut command) => {
                command.normalize();
                if let Some(warn) = spec.warn
                    && p.get("confirm") != "true"
                {
                    match warn(&s, &ctx, &command).await {
                        Ok(None) => {}
                        Ok(Some(w)) => {
                            p.warning = Some(w);
                            return render(
                                &s,
                                &ctx,
                                spec,
                                &schemas,
                                &path,
                                &p,
                                StatusCode::CONFLICT,
                            )
                            .await;
                        }
                        Err(e) => return api_error_page(&ctx, &e),
                    }
                }
                let env = Envelope::new(command, sources, classification);
                let done = match press_claim_of(&p) {
                    None => s.store.submit(Actor::user(&user), env).await,
                    Some((article, claim, record)) => {
                        // Only a form that changes a record named in its path (a revision) may
                        // name the record the claim goes to; a new record gets its id here.
                        let record = record.filter(|_| !spec.from_path.is_empty());
                        accept_with(&s, &user, env, (article, claim, record), classification).await
                    }
                };
                match done {
                    Ok(w) => {
                        if let Some((article, claim)) = press_claim(&p) {
                            return see_other(&format!(
                                "/press/articles/{article}?recorded={}#claim-{claim}",
                                w.seq
                            ));
                        }
                        return recorded(spec, &body, &path, Some(w.subject), w.seq);
                    }
                    Err(StoreError::Domain(d)) => place(&mut p, d, &tr, &shown, ""),
                    Err(other) => return api_error_page(&ctx, &ApiError::from(other)),
                }
            }
        }
    }
    if p.errors.is_empty() && p.general.is_empty() {
        p.general.push(tr.t("err-unknown"));
    }
    render(
        &s,
        &ctx,
        spec,
        &schemas,
        &path,
        &p,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Records a new record made from a press claim together with the claim's acceptance naming
/// it: both or neither. Answers the record's entry.
async fn accept_with(
    s: &AppState,
    user: &konbit_store::User,
    mut env: Envelope,
    (article, claim, changed): (Uuid, u32, Option<Uuid>),
    classification: Classification,
) -> Result<konbit_store::Submitted, StoreError> {
    // A new record gets its id here, so that the acceptance can name it; a record changed
    // keeps its own (the store checks the acceptance names a record that can hold the claim).
    let record = match changed {
        Some(r) => r,
        None => {
            let r = Uuid::now_v7();
            env.subject = Some(r);
            r
        }
    };
    let accept = Envelope::new(
        Command::Media(MediaCommand::AcceptClaim(ClaimAccepted {
            article,
            claim,
            record,
            note: None,
        })),
        Vec::new(),
        classification.max(Classification::Mission),
    );
    let mut done = s
        .store
        .submit_all(Actor::user(user), vec![env, accept])
        .await
        .map_err(|(_, e)| e)?;
    done.truncate(1);
    done.pop()
        .ok_or_else(|| StoreError::Internal("the writer answered no entry".into()))
}

/// Where the fields of a source recorded from within another form are (`new_source.title`).
const NEW_SOURCE: &str = "new_source.";
/// The API operation and entry kind of a new source.
const NEW_SOURCE_API: &str = "/api/v1/sources";
const NEW_SOURCE_KIND: EntryKind = EntryKind::SourceRegistered;

/// The fields of a new source as a form shows them within another: its own, without the
/// record's sources and classification (a source recorded this way is mission-level).
fn new_source_defs(schemas: &Schemas) -> Vec<FieldDef> {
    schemas
        .fields(NEW_SOURCE_API)
        .into_iter()
        .filter(|d| !matches!(d.name.as_str(), "sources" | "classification"))
        .collect()
}

/// The new-source fields, folded under a heading that opens when one of them is wrong.
fn new_source_views(
    ctx: &Ctx,
    schemas: &Schemas,
    p: &Posted,
    pick: &Pickers,
    out: &mut Vec<FieldView>,
) {
    let mut start = FieldView::new("new_source", ctx.tr.t("form-new_source"), "group-start");
    if p.errors.keys().any(|k| k.starts_with(NEW_SOURCE)) {
        start.value = "open".into();
    }
    start.hint = Some(ctx.tr.t("form-new_source-hint"));
    out.push(start);
    views(&new_source_defs(schemas), NEW_SOURCE, p, ctx, pick, out);
    out.push(FieldView::new(
        "new_source",
        ctx.tr.t("form-new_source-submit"),
        "group-end",
    ));
}

/// Records the source typed in the form's new-source fields and chooses it among the
/// record's sources; the form's own command is not sent. `Err(None)`: refused, the messages
/// are at the fields; `Err(Some(page))`: an error page.
async fn add_source(
    s: &AppState,
    ctx: &Ctx,
    user: &konbit_store::User,
    schemas: &Schemas,
    p: &mut Posted,
) -> Result<(), Option<Response>> {
    let tr = ctx.tr;
    may_send_page(ctx, NEW_SOURCE_KIND).map_err(|r| Some(*r))?;
    let defs = new_source_defs(schemas);
    let body = Value::Object(body_of(&defs, NEW_SOURCE, p, &tr));
    if p.errors.keys().any(|k| k.starts_with(NEW_SOURCE)) {
        return Err(None);
    }
    let mut command = match Command::from_entry(NEW_SOURCE_KIND, &body) {
        Ok(c) => c,
        Err(e) => {
            place_serde_error(p, &e, &tr);
            return Err(None);
        }
    };
    command.normalize();
    let env = Envelope::new(command, Vec::new(), Classification::Mission);
    match s.store.submit(Actor::user(user), env).await {
        Ok(w) => {
            p.pairs.retain(|(k, _)| !k.starts_with(NEW_SOURCE));
            p.pairs.push(("sources".into(), w.subject.to_string()));
            p.notice = Some(tr.fmt("form-new_source-recorded", &[("seq", &w.seq.to_string())]));
            Ok(())
        }
        Err(StoreError::Domain(d)) => {
            place(p, d, &tr, &defs, NEW_SOURCE);
            Err(None)
        }
        Err(other) => Err(Some(api_error_page(ctx, &ApiError::from(other)))),
    }
}

/// The custody clock beside the time field of `c`: the rule, and where the clock stands for
/// what is typed (or, for a form ending custody, for now). A detention that cannot be read
/// (an id mistyped) shows the rule alone; the command says what is wrong with the id.
async fn clock_view(s: &AppState, ctx: &Ctx, c: Clock, p: &Posted) -> ClockView {
    use konbit_store::registers::{Reading, Select};
    use time::{Duration, OffsetDateTime, format_description::well_known::Rfc3339};
    let tr = &ctx.tr;
    let hours = s.rules().handover_hours;
    let h = hours.to_string();
    let args = |id: &str, extra: &[(&str, &str)]| {
        let mut a: Vec<(&str, &dyn konbit_present::Arg)> = vec![("hours", &h)];
        for (k, v) in extra {
            a.push((k, v));
        }
        tr.fmt(id, &a)
    };
    let spell = |d: Duration| {
        let m = d.whole_minutes().abs();
        format!("{} h {:02}", m / 60, m % 60)
    };
    let mut view = ClockView {
        hours,
        from: String::new(),
        text: String::new(),
        rule: args("form-clock-rule", &[]),
        due: args("form-clock-due", &[("due", "{due}"), ("left", "{left}")]),
        past: args("form-clock-past", &[("due", "{due}"), ("left", "{left}")]),
        within: args("form-clock-within", &[("after", "{after}"), ("by", "{by}")]),
        over: args("form-clock-over", &[("after", "{after}"), ("by", "{by}")]),
    };
    if let Clock::Ends(_) = c {
        // The server's own read (not recorded as a restricted read: only the arrest's time,
        // which is mission-level, leaves this function). The form is shown only to those who
        // may end a custody.
        let arrested = match Uuid::parse_str(p.get("detention")) {
            Ok(id) => s
                .store
                .force_records(&Reading::server(), Select::One(id), s.rules())
                .await
                .ok()
                .and_then(|(_, found)| found.first().map(|d| d.arrested_at)),
            Err(_) => None,
        };
        if let Some(arrested) = arrested {
            view.from = arrested.format(&Rfc3339).unwrap_or_default();
            let after = OffsetDateTime::now_utc() - arrested;
            let left = Duration::hours(hours) - after;
            let id = if left.is_negative() {
                "form-clock-over"
            } else {
                "form-clock-within"
            };
            view.text = args(id, &[("after", &spell(after)), ("by", &spell(left))]);
        }
    }
    view
}

/// After a write: to the page the spec names (`{id}` the new record, `{field}` a field of the
/// body or of the path), saying which log entry holds it.
fn recorded(
    spec: &FormSpec,
    body: &Map<String, Value>,
    path: &HashMap<String, String>,
    id: Option<Uuid>,
    seq: i64,
) -> Response {
    let mut values: HashMap<String, String> = body
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect();
    if let Some(id) = id {
        values.insert("id".into(), id.to_string());
    }
    values.extend(path.clone());
    see_other(&format!("{}?recorded={seq}", fill(spec.then, &values)))
}

/// A body the command could not read (a missing field the schema did not mark required).
fn place_serde_error(p: &mut Posted, e: &str, tr: &Tr) {
    if let Some(f) = e
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        p.err(f, tr.t("err-required"));
    } else {
        p.general.push(e.to_string());
    }
}

/// The store's verdict next to the fields it names; what names no field of the form goes on
/// top.
/// `prefix` is where the fields are in the page (`new_source.` for the source recorded from
/// within another form).
fn place(p: &mut Posted, e: DomainError, tr: &Tr, defs: &[FieldDef], prefix: &str) {
    match e {
        DomainError::Invalid(v) => {
            for f in v.0 {
                // `sources[2]` is the sources field; `allegations[0].person` is its own field.
                let name = if f.field.starts_with("sources") {
                    "sources".to_string()
                } else {
                    f.field.clone()
                };
                let root = name.split(['.', '[']).next().unwrap_or_default();
                let message = tr.domain_message(&f.message);
                if defs.iter().any(|d| d.name == root || d.name == name) {
                    let name = format!("{prefix}{name}");
                    if !p.errors.contains_key(&name) {
                        p.err(&name, message);
                    }
                } else {
                    p.general.push(format!("{}: {message}", f.field));
                }
            }
        }
        DomainError::AuthorizationMissing { missing, .. } => {
            let names: Vec<String> = missing.iter().map(|m| tr.label("instrument", m)).collect();
            p.err(
                "override_reason",
                tr.fmt(
                    "err-authorization_missing",
                    &[("missing", &names.join(", "))],
                ),
            );
        }
        DomainError::NotFound { what } => p
            .general
            .push(format!("{}: {what}", tr.t("error-not_found"))),
        DomainError::Conflict(m) | DomainError::Forbidden(m) => {
            p.general.push(tr.domain_message(&m));
        }
        DomainError::NotEligible { missing } => {
            p.general
                .extend(missing.iter().map(|m| tr.domain_message(m)));
        }
    }
}

/// Every capability's forms, for the page that lists them.
#[derive(Clone)]
pub struct AllForms(pub(crate) Vec<&'static [FormSpec]>);

impl AllForms {
    /// Each form's page (as declared, with `{…}` for path values) and entry kind.
    pub fn pages(&self) -> Vec<(&'static str, EntryKind)> {
        self.0
            .iter()
            .flat_map(|l| l.iter())
            .map(|f| (f.page, f.kind))
            .collect()
    }
}

#[derive(Template)]
#[template(path = "forms.html")]
struct FormsPage {
    ctx: Ctx,
    groups: Vec<(String, Vec<(String, String)>)>,
}

/// `/new`: the forms this user may fill in, by capability. Forms that need a record (a
/// revision, a verification) are reached from that record's page and are not listed.
pub(crate) async fn index(
    ctx: Ctx,
    Allowed(user, ..): Allowed<Member>,
    Extension(all): Extension<AllForms>,
) -> Response {
    let sender = Sender::User(user.access());
    let mut groups = Vec::new();
    for list in &all.0 {
        let items: Vec<(String, String)> = list
            .iter()
            .filter(|f| !f.page.contains('{'))
            .filter(|f| access::may_send_some(&sender, f.kind).is_ok())
            .map(|f| (f.page.to_string(), ctx.form_title(f.title_key())))
            .collect();
        if let Some(first) = list.first()
            && !items.is_empty()
        {
            groups.push((
                ctx.tr.t(&format!(
                    "forms-group-{}",
                    <&str>::from(first.kind.capability())
                )),
                items,
            ));
        }
    }
    respond(
        &ctx,
        StatusCode::OK,
        &FormsPage {
            ctx: ctx.clone(),
            groups,
        },
    )
}

/// The select of the gazetteer's communes and localities, by department: choosing one fills
/// the place fields (the form's own `place`, not a field of any command).
fn place_view(ctx: &Ctx, p: &Posted) -> FieldView {
    use konbit_domain::situation::gazetteer::{self, PlaceKind};
    let g = gazetteer::haiti();
    let chosen = p.get("place");
    let mut v = FieldView::new("place", ctx.tr.t("form-place"), "place");
    v.hint = Some(ctx.tr.t("form-place-hint"));
    v.value = chosen.to_string();
    v.groups = g
        .departments()
        .map(|d| {
            let mut places: Vec<OptView> = g
                .places
                .iter()
                .filter(|x| x.department == d.code && x.kind != PlaceKind::Department)
                .map(|x| OptView {
                    value: x.code.clone(),
                    label: if x.kind == PlaceKind::Commune {
                        x.name.clone()
                    } else {
                        format!("{} ({})", x.name, x.arrondissement)
                    },
                    selected: x.code == chosen,
                })
                .collect();
            places.sort_by(|a, b| a.label.cmp(&b.label));
            (d.name.clone(), places)
        })
        .collect();
    v
}

/// Fills the ACLED place fields from the gazetteer place chosen, leaving any the user typed.
fn fill_place(p: &mut Posted) {
    use konbit_domain::situation::gazetteer::{self, PlaceKind};
    let g = gazetteer::haiti();
    let Some(place) = g.place(p.get("place")) else {
        return;
    };
    let Some(department) = g.department(&place.department) else {
        return;
    };
    let commune = place.kind == PlaceKind::Commune;
    let values = [
        ("admin1", department.name.clone()),
        ("admin2", place.arrondissement.clone()),
        (
            "admin3",
            if commune {
                place.name.clone()
            } else {
                String::new()
            },
        ),
        ("location", place.name.clone()),
        ("latitude", format!("{:.5}", place.lat)),
        ("longitude", format!("{:.5}", place.lon)),
        // The place's own point; a commune's point stands for somewhere in it.
        (
            "geo_precision",
            if commune { "2".into() } else { "1".into() },
        ),
    ];
    for (k, v) in values {
        if p.get(k).is_empty() && !v.is_empty() {
            p.pairs.retain(|(n, _)| n != k);
            p.pairs.push((k.to_string(), v));
        }
    }
}

/// The routes of a capability's forms.
pub(crate) fn router(specs: &'static [FormSpec]) -> Router<AppState> {
    let mut r = Router::new();
    for spec in specs {
        r = r.route(
            spec.page,
            get(
                move |State(s): State<AppState>,
                      Extension(schemas): Extension<Arc<Schemas>>,
                      path: Option<Path<HashMap<String, String>>>,
                      ctx: Ctx| async move {
                    show(s, ctx, spec, schemas, path.map(|p| p.0).unwrap_or_default()).await
                },
            )
            .post(
                move |State(s): State<AppState>,
                      Extension(schemas): Extension<Arc<Schemas>>,
                      path: Option<Path<HashMap<String, String>>>,
                      ctx: Ctx,
                      form: FormPairs| async move {
                    submit(
                        s,
                        ctx,
                        spec,
                        schemas,
                        path.map(|p| p.0).unwrap_or_default(),
                        pairs(form),
                    )
                    .await
                },
            ),
        );
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_names_nest_and_merge() {
        let mut flat = Map::new();
        flat.insert("personnel.police".into(), Value::from(3));
        flat.insert("personnel.military".into(), Value::from(4));
        flat.insert("on".into(), Value::from("2024-01-01"));
        let v = Value::Object(nest(flat));
        assert_eq!(
            v,
            serde_json::json!({"personnel": {"police": 3, "military": 4}, "on": "2024-01-01"})
        );
    }

    #[test]
    fn rows_count_typed_rows_and_the_one_asked_for() {
        let p = Posted {
            pairs: vec![
                ("claims[0].value".into(), "1".into()),
                ("claims[2].value".into(), "3".into()),
                ("claims[3].value".into(), " ".into()),
            ],
            ..Posted::default()
        };
        assert_eq!(p.rows("claims"), 3);
        assert_eq!(p.rows("other"), 1);
        let mut p = p;
        p.pairs.push(("more".into(), "claims".into()));
        assert_eq!(p.rows("claims"), 4);
        // A hostile row number is not read, and no list grows past the bound.
        p.pairs
            .push(("claims[4000000000].value".into(), "x".into()));
        assert_eq!(p.rows("claims"), 4);
        for i in 0..MAX_ROWS + 5 {
            p.pairs.push((format!("claims[{i}].value"), "x".into()));
        }
        assert_eq!(p.rows("claims"), MAX_ROWS);
    }
}
