//! The situational picture: the map (incidents, sites and roads), the weekly timeline with the
//! humanitarian indicators, the board of sites, roads and armed groups, the incident list with
//! its search and exports, and one page per incident. Every filtered page reads its query
//! string through [`IncidentQuery`], the parser the API and the exports use, so one URL gives
//! one answer everywhere. Anonymous visitors see public records only (the store applies the
//! caller's clearance).

use crate::shared::error::{ApiError, ApiResult};
use crate::shared::page::{Ctx, enc, finish, iso, normalize_as_of, respond};
use crate::shared::pieces::{SourceBook, SourceRef, json_ids, json_list, shorten};
use crate::{shared::extract::IncidentQuery, shared::state::AppState};
use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::{
    situation::FatalityClaim,
    situation::acled::{self, ActorType, EventType, SubEventType},
    situation::gazetteer,
};
use konbit_present::Tr;
use konbit_present::chart::nice_step;
use konbit_present::map::{self, Dot, Feature, MapInput, Scale, Tone};
use konbit_store::{
    Visibility,
    situation::{self as sit, IncidentFilter, PlaceStatusRow},
};
use std::{collections::HashMap, fmt::Write as _};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Most incidents the map draws.
const MAP_CAP: i64 = 5000;
/// Incidents per page of the list.
const PER_PAGE: i64 = 100;
/// Pages of the list one can go through (the rest: narrow the filters or export).
const MAX_PAGES: i64 = 50;

// ---------------------------------------------------------------------------------------------
// The filters

/// The query string as [`IncidentQuery`] reads it. A plain GET form sends one `type` per ticked
/// box: they are joined into the one comma-separated `type` the parser takes. Empty fields are
/// dropped, `as_of` is read as the clocks form writes it, and `own` names the page's own
/// parameters (`q`, `page`), which are not filters. The pairs returned are the filters as
/// links carry them.
fn incident_query(
    ctx: &Ctx,
    own: &[&str],
) -> Result<(IncidentQuery, Vec<(String, String)>), ApiError> {
    let mut types: Vec<String> = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in &ctx.query {
        let v = v.trim();
        if v.is_empty() || own.contains(&k.as_str()) {
            continue;
        }
        match k.as_str() {
            "type" => types.extend(
                v.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            ),
            "as_of" => pairs.push((k.clone(), normalize_as_of(v))),
            _ => pairs.push((k.clone(), v.to_string())),
        }
    }
    if !types.is_empty() {
        pairs.push(("type".into(), types.join(",")));
    }
    let uri: Uri = format!("/?{}", qs_of(&pairs))
        .parse()
        .map_err(|_| ApiError::bad_request("invalid_query", "the query string is malformed"))?;
    let q = Query::<IncidentQuery>::try_from_uri(&uri)
        .map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?;
    Ok((q.0, pairs))
}

fn qs_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A tickable event type of the filter form (and a line of the legend).
struct TypeBox {
    code: &'static str,
    label: String,
    colour: &'static str,
    /// The type's mark in a 12-unit swatch (its shape).
    shape_d: String,
    checked: bool,
}

struct Opt {
    value: String,
    text: String,
    selected: bool,
}

/// The filter form as the user left it.
struct FilterForm {
    action: String,
    from: String,
    to: String,
    types: Vec<TypeBox>,
    actor: String,
    departments: Vec<Opt>,
    on: String,
    as_of: String,
    q: String,
    show_q: bool,
    /// The map's zoom, kept when the filters are applied.
    area: String,
    /// The box a group of marks on the map chose (`lon,lat,lon,lat`), kept as a tickable
    /// filter so that it shows and can be dropped.
    bbox: String,
    bbox_hint: String,
}

fn filter_form(ctx: &Ctx, f: &IncidentFilter, q: &IncidentQuery, show_q: bool) -> FilterForm {
    let g = gazetteer::haiti();
    let bbox = ctx.param("bbox").map(str::trim).unwrap_or("");
    FilterForm {
        action: ctx.bare_path.clone(),
        from: f.from.map(iso).unwrap_or_default(),
        to: f.to.map(iso).unwrap_or_default(),
        types: EventType::ALL
            .iter()
            .map(|t| TypeBox {
                code: t.as_str(),
                label: ctx.tr.label("acled_type", t.as_str()),
                colour: map::type_colour(*t),
                shape_d: map::shape_path(map::type_shape(*t), 6.0, 6.0, 3.6),
                checked: f.types.contains(t),
            })
            .collect(),
        actor: f.actor.clone().unwrap_or_default(),
        departments: g
            .departments()
            .map(|d| Opt {
                value: d.code.clone(),
                text: d.name.clone(),
                selected: f.department.as_deref() == Some(d.code.as_str()),
            })
            .collect(),
        on: f.on.map(iso).unwrap_or_default(),
        as_of: q.as_of.map(|t| t.to_string()).unwrap_or_default(),
        q: ctx.param("q").unwrap_or("").trim().to_string(),
        show_q,
        area: String::new(),
        // The query's own text: it has been parsed (and so bounded) by now.
        bbox: bbox.to_string(),
        bbox_hint: if bbox.is_empty() {
            String::new()
        } else {
            ctx.tr.fmt("sit-f-bbox-hint", &[("box", &bbox)])
        },
    }
}

/// The page's sub-navigation: map, timeline, board, list (the filters kept).
struct Tab {
    href: String,
    text: String,
    current: bool,
}

fn tabs(ctx: &Ctx, filters: &str) -> Vec<Tab> {
    let suffix = if filters.is_empty() {
        String::new()
    } else {
        format!("?{filters}")
    };
    [
        ("/situation", "sit-tab-map"),
        ("/situation/timeline", "sit-tab-timeline"),
        ("/situation/board", "sit-tab-board"),
        ("/incidents", "sit-tab-incidents"),
    ]
    .iter()
    .map(|(p, k)| Tab {
        href: format!("{p}{suffix}"),
        text: ctx.tr.t(k),
        current: ctx.bare_path == *p,
    })
    .collect()
}

fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

fn type_label(tr: &Tr, code: &str) -> String {
    EventType::parse(code).map_or_else(|| code.to_string(), |t| tr.label("acled_type", t.as_str()))
}

fn status_label(tr: &Tr, code: &str) -> String {
    tr.label("sit-status", code)
}

/// A status badge: text and tone.
struct Badge {
    text: String,
    tone: &'static str,
    code: String,
}

fn badge(tr: &Tr, status: Option<&str>) -> Badge {
    Badge {
        text: status.map_or_else(|| tr.t("sit-status-none"), |s| status_label(tr, s)),
        tone: Tone::of(status).as_str(),
        code: status.unwrap_or("none").to_string(),
    }
}

/// The latest status of each place, from the changes oldest first.
fn latest(rows: &[PlaceStatusRow]) -> HashMap<&str, &PlaceStatusRow> {
    let mut m = HashMap::new();
    for r in rows {
        m.insert(r.place.as_str(), r);
    }
    m
}

fn sources_count(json: &str) -> ApiResult<usize> {
    Ok(json_ids(json)?.len())
}

// ---------------------------------------------------------------------------------------------
// The map

struct LegendLine {
    text: String,
    colour: &'static str,
}

/// A link to one zoom of the map.
struct AreaLink {
    href: String,
    text: String,
    current: bool,
}

/// A line of the status table under the map: what the colours say, in words.
struct MapStatus {
    code: String,
    name: String,
    badge: Badge,
    since: String,
}

#[derive(Template)]
#[template(path = "situation_map.html")]
struct MapPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    form: FilterForm,
    /// The map drawn for wide screens and for phones (the CSS shows one): marks are grouped so
    /// that each stays a touch target of 24 CSS pixels at its width.
    svg: String,
    svg_narrow: String,
    shown: String,
    capped: bool,
    tones: Vec<LegendLine>,
    list_href: String,
    areas: Vec<AreaLink>,
    zoom_note: String,
    statuses_title: String,
    sites: Vec<MapStatus>,
    segments: Vec<MapStatus>,
}

/// Longest `area` a query may give (the longest name is 30 characters).
const AREA_MAX: usize = 64;

/// The zoom a query asks for: none, or one of [`map::areas`]; anything else is a 400 naming
/// `area`.
fn asked_area(ctx: &Ctx) -> Result<Option<map::Area>, ApiError> {
    let Some(v) = ctx.param("area").map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > AREA_MAX {
        return Err(ApiError::bad_request(
            "invalid_query",
            format!("area: at most {AREA_MAX} characters"),
        ));
    }
    match map::area(gazetteer::haiti(), v) {
        Some(a) => Ok(Some(a)),
        None => Err(ApiError::bad_request(
            "invalid_query",
            format!(
                "area: unknown area {v:?}; give a department's ISO 3166-2 code (HT-OU) or \
                 {:?}",
                map::PORT_AU_PRINCE
            ),
        )),
    }
}

/// `lon,lat,lon,lat` as the `bbox` filter reads it.
fn bbox_param(w: map::Window) -> String {
    format!("{:.5},{:.5},{:.5},{:.5}", w.0, w.1, w.2, w.3)
}

pub(crate) async fn map_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = async {
        let (q, pairs) = incident_query(&ctx, &["area"])?;
        let area = asked_area(&ctx)?;
        let (mut f, vis) = q.parse(ctx.caller.clearance())?;
        // Zoomed in, the store reads only the window (intersected with a box the filters
        // give), so the count and the cap are the window's.
        if let Some(a) = &area {
            let w = a.window;
            f.bbox = Some(match f.bbox {
                None => [w.0, w.1, w.2, w.3],
                Some([x0, y0, x1, y1]) => [x0.max(w.0), y0.max(w.1), x1.min(w.2), y1.min(w.3)],
            });
        }
        let on = f.on.unwrap_or_else(today);
        let mut c = s.store.reader(vis).await?;
        let (_, matching) = c.incidents(&f, 0).await?;
        let points = c.map_points(&f, MAP_CAP).await?;
        let statuses = c.place_statuses(on).await?;
        drop(c);
        let tr = ctx.tr;
        let g = gazetteer::haiti();
        let now = latest(&statuses);
        let window = area.as_ref().map(|a| a.window);
        let feature = |code: &str, name: &str| {
            let st = now.get(code);
            let title = match st {
                Some(r) => format!(
                    "{name} — {} ({} {})",
                    status_label(&tr, &r.status),
                    tr.t("sit-since"),
                    iso(r.on_date)
                ),
                None => format!("{name} — {}", tr.t("sit-status-none")),
            };
            Feature {
                code: code.to_string(),
                status: st.map(|r| r.status.clone()),
                title,
            }
        };
        let status_line = |code: &str, name: String| {
            let st = now.get(code);
            MapStatus {
                code: code.to_string(),
                name,
                badge: badge(&tr, st.map(|r| r.status.as_str())),
                since: st.map(|r| iso(r.on_date)).unwrap_or_default(),
            }
        };
        let in_view = |lon: f64, lat: f64| window.is_none_or(|w| map::inside(w, lon, lat));
        let sites: Vec<MapStatus> = g
            .sites
            .iter()
            .filter(|x| in_view(x.lon, x.lat))
            .map(|x| status_line(&x.code, x.name.clone()))
            .collect();
        let segments: Vec<MapStatus> = g
            .segments
            .iter()
            .filter(|x| x.points.iter().any(|(lon, lat)| in_view(*lon, *lat)))
            .map(|x| status_line(&x.code, format!("{} {}", x.code, x.name)))
            .collect();
        let dots = points
            .iter()
            .filter_map(|p| {
                let t = EventType::parse(&p.event_type)?;
                Some(Dot {
                    event_id: p.event_id.clone(),
                    date: iso(p.event_date),
                    event_type: t,
                    lon: p.longitude,
                    lat: p.latitude,
                    fatalities: p.fatalities,
                    title: format!(
                        "{} · {} · {} · {}",
                        iso(p.event_date),
                        tr.label("acled_type", t.as_str()),
                        p.location,
                        tr.fmt("sit-dead", &[("n", &tr.num(p.fatalities))])
                    ),
                })
            })
            .collect::<Vec<_>>();
        let filters = qs_of(&pairs);
        // The list behind a group of marks: these filters and the group's box.
        let no_box: Vec<(String, String)> =
            pairs.iter().filter(|(k, _)| k != "bbox").cloned().collect();
        let no_box = qs_of(&no_box);
        let area_name = |a: &map::Area| {
            if a.code == map::PORT_AU_PRINCE {
                tr.t("sit-zoom-metro")
            } else {
                a.name.clone()
            }
        };
        let input = MapInput {
            title: match &area {
                Some(a) => format!("{} — {}", tr.t("sit-map-title"), area_name(a)),
                None => tr.t("sit-map-title"),
            },
            link_suffix: ctx.qs.clone(),
            sites: g.sites.iter().map(|x| feature(&x.code, &x.name)).collect(),
            segments: g
                .segments
                .iter()
                .map(|x| feature(&x.code, &format!("{} {}", x.code, x.name)))
                .collect(),
            dots,
            window,
            list_href: if no_box.is_empty() {
                "/incidents".into()
            } else {
                format!("/incidents?{no_box}")
            },
            group_title: tr.fmt("sit-group", &[("n", &"{n}")]),
        };
        let shown = tr.fmt(
            "sit-shown",
            &[
                ("n", &tr.num(points.len() as i64)),
                ("m", &tr.num(matching)),
            ],
        );
        let with = |extra: &str| match (filters.is_empty(), extra.is_empty()) {
            (true, true) => String::new(),
            (true, false) => format!("?{extra}"),
            (false, true) => format!("?{filters}"),
            (false, false) => format!("?{filters}&{extra}"),
        };
        let mut areas = vec![AreaLink {
            href: format!("/situation{}", with("")),
            text: tr.t("sit-zoom-country"),
            current: area.is_none(),
        }];
        areas.extend(map::areas(g).iter().map(|a| AreaLink {
            href: format!("/situation{}", with(&format!("area={}", enc(&a.code)))),
            text: area_name(a),
            current: area.as_ref().is_some_and(|x| x.code == a.code),
        }));
        // The list of what the map shows: the filters, with the window as the box.
        let list_qs = match &f.bbox {
            Some(b) if area.is_some() => {
                let mut p = pairs.clone();
                p.retain(|(k, _)| k != "bbox");
                p.push(("bbox".into(), bbox_param((b[0], b[1], b[2], b[3]))));
                qs_of(&p)
            }
            _ => filters.clone(),
        };
        let mut form = filter_form(&ctx, &f, &q, false);
        form.area = area.as_ref().map(|a| a.code.clone()).unwrap_or_default();
        let page = MapPage {
            tabs: tabs(&ctx, &filters),
            form,
            svg: map::situation_map(g, &input, "situation-map", Scale::WIDE),
            svg_narrow: map::situation_map(g, &input, "situation-map-narrow", Scale::NARROW),
            shown,
            capped: matching > points.len() as i64,
            tones: [
                (Tone::Good, "sit-tone-good"),
                (Tone::Warn, "sit-tone-warn"),
                (Tone::Bad, "sit-tone-bad"),
                (Tone::Closed, "sit-tone-closed"),
                (Tone::Unknown, "sit-tone-unknown"),
            ]
            .iter()
            .map(|(t, k)| LegendLine {
                text: tr.t(k),
                colour: t.colour(),
            })
            .collect(),
            list_href: if list_qs.is_empty() {
                "/incidents".into()
            } else {
                format!("/incidents?{list_qs}")
            },
            areas,
            zoom_note: area
                .as_ref()
                .map(|a| tr.fmt("sit-zoom-note", &[("area", &area_name(a))]))
                .unwrap_or_default(),
            statuses_title: tr.fmt("sit-statuses", &[("date", &iso(on))]),
            sites,
            segments,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

// ---------------------------------------------------------------------------------------------
// The timeline

const CW: f64 = 960.0;
const CH: f64 = 320.0;
// Wide enough for a label such as 1,500,000.
const CL: f64 = 80.0;
const CR: f64 = 12.0;
const CT: f64 = 14.0;
const CB: f64 = 30.0;

fn y_grid(s: &mut String, tr: &Tr, ymax: i64, step: i64, h: f64) {
    let ph = h - CT - CB;
    let mut v = 0;
    while v <= ymax {
        let y = CT + ph - (v as f64) / (ymax as f64) * ph;
        let _ = write!(
            s,
            "<line x1=\"{CL}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e5e7eb\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#374151\">{}</text>",
            CW - CR,
            CL - 6.0,
            y + 4.0,
            map::esc(&tr.num(v))
        );
        v += step;
    }
}

/// Weekly counts by event type as stacked bars; each bar's `<title>` gives its week, type,
/// events and dead.
fn weekly_chart(tr: &Tr, rows: &[sit::WeekCount]) -> String {
    let (Some(w0), Some(w1)) = (
        rows.iter().map(|r| r.week).min(),
        rows.iter().map(|r| r.week).max(),
    ) else {
        return format!(
            "<p class=\"muted\" id=\"weekly-empty\">{}</p>",
            map::esc(&tr.t("sit-timeline-empty"))
        );
    };
    let n = (w1 - w0 + 1) as f64;
    let mut totals: HashMap<i64, i64> = HashMap::new();
    for r in rows {
        *totals.entry(r.week).or_default() += r.events;
    }
    let max = totals.values().copied().max().unwrap_or(1).max(1);
    let step = nice_step(max, 4);
    let ymax = (max + step - 1) / step * step;
    let pw = CW - CL - CR;
    let ph = CH - CT - CB;
    let bw = pw / n;
    let mut s = String::with_capacity(rows.len() * 200 + 2048);
    let _ = write!(
        s,
        "<svg id=\"weekly-chart\" class=\"weekly-chart\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {CW} {CH}\" role=\"img\" aria-labelledby=\"weekly-title\" data-weeks=\"{}\">\
         <title id=\"weekly-title\">{}</title>",
        totals.len(),
        map::esc(&tr.t("sit-timeline-weekly"))
    );
    y_grid(&mut s, tr, ymax, step, CH);
    // Years (or months) along the bottom.
    let d0 = sit::week_start(w0);
    let d1 = sit::week_start(w1);
    let x_of = |d: Date| CL + ((d - d0).whole_days() as f64 / 7.0) * bw;
    let mut ticks: Vec<(Date, String)> = Vec::new();
    let long = (w1 - w0) > 78;
    let (mut y, mut m) = (d0.year(), u8::from(d0.month()));
    while let Ok(month) = time::Month::try_from(m)
        && let Ok(d) = Date::from_calendar_date(y, month, 1)
        && d <= d1
    {
        if d >= d0 && (!long || m == 1) && (long || (w1 - w0) < 30 || (m - 1) % 3 == 0) {
            ticks.push((
                d,
                if long {
                    y.to_string()
                } else {
                    format!("{y}-{m:02}")
                },
            ));
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    for (d, label) in ticks {
        let x = x_of(d);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#9ca3af\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#374151\">{label}</text>",
            CT + ph,
            CT + ph + 5.0,
            CT + ph + 19.0
        );
    }
    // Bars, stacked in the codebook's order.
    let mut base: HashMap<i64, i64> = HashMap::new();
    for t in EventType::ALL {
        for r in rows.iter().filter(|r| r.event_type == t.as_str()) {
            let below = base.entry(r.week).or_default();
            let y0 = CT + ph - (*below as f64) / (ymax as f64) * ph;
            let hh = (r.events as f64) / (ymax as f64) * ph;
            *below += r.events;
            let x = CL + ((r.week - w0) as f64) * bw;
            let _ = write!(
                s,
                "<rect class=\"bar\" data-type=\"{}\" data-week=\"{}\" data-events=\"{}\" \
                 x=\"{x:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{hh:.2}\" fill=\"{}\">\
                 <title>{}</title></rect>",
                t.as_str(),
                iso(sit::week_start(r.week)),
                r.events,
                y0 - hh,
                (bw * 0.85).max(0.6),
                map::type_colour(*t),
                map::esc(&tr.fmt(
                    "sit-week-title",
                    &[
                        ("week", &iso(sit::week_start(r.week))),
                        ("type", &tr.label("acled_type", t.as_str())),
                        ("n", &tr.num(r.events)),
                        ("dead", &tr.num(r.fatalities)),
                    ]
                ))
            );
        }
    }
    let _ = write!(
        s,
        "<line x1=\"{CL}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#9ca3af\"/></svg>",
        CW - CR,
        CT + ph,
        CT + ph
    );
    s
}

/// One indicator's series: a bar per period, its value and sources in the `<title>`.
struct Series {
    code: &'static str,
    name: String,
    svg: String,
    last: String,
}

fn series_chart(tr: &Tr, code: &str, rows: &[&sit::ObservationRow]) -> ApiResult<String> {
    const H: f64 = 180.0;
    let max = rows.iter().map(|r| r.value).max().unwrap_or(1).max(1);
    let step = nice_step(max, 3);
    let ymax = (max + step - 1) / step * step;
    let pw = CW - CL - CR;
    let ph = H - CT - CB;
    let bw = pw / (rows.len().max(1) as f64);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg id=\"series-{code}\" class=\"series-chart\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {CW} {H}\" role=\"img\" aria-label=\"{}\" data-points=\"{}\">",
        map::esc(&tr.label("sit-indicator", code)),
        rows.len()
    );
    y_grid(&mut s, tr, ymax, step, H);
    let every = (rows.len() / 8).max(1);
    for (i, r) in rows.iter().enumerate() {
        let hh = (r.value as f64) / (ymax as f64) * ph;
        let x = CL + (i as f64) * bw;
        let period = if r.from_date == r.to_date {
            iso(r.to_date)
        } else {
            format!("{} – {}", iso(r.from_date), iso(r.to_date))
        };
        let mut title = tr.fmt(
            "sit-obs-title",
            &[
                ("period", &period),
                ("value", &tr.num(r.value)),
                ("q", &tr.label("sit-qualifier", &r.qualifier)),
                ("area", &r.area),
                ("sources", &sources_count(&r.sources)?.to_string()),
            ],
        );
        if let Some(n) = &r.note {
            title.push_str(" — ");
            title.push_str(n);
        }
        let _ = write!(
            s,
            "<rect class=\"obs\" data-value=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" \
             height=\"{hh:.1}\" fill=\"#475569\"><title>{}</title></rect>",
            r.value,
            x + bw * 0.15,
            CT + ph - hh,
            bw * 0.7,
            map::esc(&title)
        );
        if i % every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#374151\">{}</text>",
                x + bw / 2.0,
                CT + ph + 16.0,
                iso(r.to_date)
            );
        }
    }
    s.push_str("</svg>");
    Ok(s)
}

#[derive(Template)]
#[template(path = "situation_timeline.html")]
struct TimelinePage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    form: FilterForm,
    chart: String,
    legend: Vec<LegendLine>,
    total: String,
    series: Vec<Series>,
    area: String,
}

pub(crate) async fn timeline_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = async {
        let (q, pairs) = incident_query(&ctx, &[])?;
        let (f, vis) = q.parse(ctx.caller.clearance())?;
        let on = f.on.unwrap_or_else(today);
        let mut c = s.store.reader(vis).await?;
        let weeks = c.weekly(&f).await?;
        let obs = c.observations(on).await?;
        drop(c);
        let tr = ctx.tr;
        let area = f.department.clone().unwrap_or_else(|| "HTI".into());
        let series = konbit_domain::situation::Indicator::ALL
            .iter()
            .filter_map(|ind| {
                let all: Vec<&sit::ObservationRow> = obs
                    .iter()
                    .filter(|o| o.indicator == ind.as_str() && o.area == area)
                    .filter(|o| f.from.is_none_or(|d| o.to_date >= d))
                    .filter(|o| f.to.is_none_or(|d| o.from_date <= d))
                    .collect();
                // Bars of one chart must cover like periods: a year's total beside quarters
                // would read as a spike. Draw the commonest kind (stocks on a date, quarters,
                // years, …); the others stay in the API.
                let kind = |o: &sit::ObservationRow| match (o.to_date - o.from_date).whole_days() {
                    0 => 0,
                    80..=95 => 1,
                    360..=370 => 2,
                    _ => 3,
                };
                let mut counts = [0usize; 4];
                for o in &all {
                    counts[kind(o)] += 1;
                }
                let drawn = (0..4).max_by_key(|k| (counts[*k], *k == 1)).unwrap_or(1);
                let rows: Vec<&sit::ObservationRow> =
                    all.iter().copied().filter(|o| kind(o) == drawn).collect();
                let last = rows.last()?;
                Some(series_chart(&tr, ind.as_str(), &rows).map(|svg| Series {
                    code: ind.as_str(),
                    name: tr.label("sit-indicator", ind.as_str()),
                    last: tr.fmt(
                        "sit-obs-last",
                        &[("value", &tr.num(last.value)), ("date", &iso(last.to_date))],
                    ),
                    svg,
                }))
            })
            .collect::<ApiResult<_>>()?;
        let total: i64 = weeks.iter().map(|w| w.events).sum();
        let page = TimelinePage {
            tabs: tabs(&ctx, &qs_of(&pairs)),
            form: filter_form(&ctx, &f, &q, false),
            chart: weekly_chart(&tr, &weeks),
            legend: EventType::ALL
                .iter()
                .filter(|t| f.types.is_empty() || f.types.contains(t))
                .map(|t| LegendLine {
                    text: ctx.tr.label("acled_type", t.as_str()),
                    colour: map::type_colour(*t),
                })
                .collect(),
            total: tr.fmt("sit-timeline-total", &[("n", &tr.num(total))]),
            series,
            area,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

// ---------------------------------------------------------------------------------------------
// The board

struct HistoryLine {
    badge: Badge,
    since: String,
    held_by: String,
    note: String,
    sources: usize,
}

struct PlaceLine {
    code: String,
    name: String,
    kind: String,
    badge: Badge,
    since: String,
    held_by: String,
    note: String,
    sources: usize,
    history: Vec<HistoryLine>,
}

struct GroupLine {
    code: String,
    name: String,
    coalition: bool,
    aliases: String,
    member_of: String,
    leaders: Vec<String>,
    areas: String,
    since: String,
    designations: Vec<String>,
    note: String,
    sources: usize,
}

#[derive(Template)]
#[template(path = "situation_board.html")]
struct BoardPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    on: String,
    as_of: String,
    action: String,
    sites: Vec<PlaceLine>,
    segments: Vec<PlaceLine>,
    groups: Vec<GroupLine>,
}

#[derive(serde::Deserialize)]
struct LeaderJson {
    name: String,
    #[serde(default)]
    role: String,
}

pub(crate) async fn board_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = async {
        let (q, pairs) = incident_query(&ctx, &[])?;
        let (f, vis) = q.parse(ctx.caller.clearance())?;
        let on = f.on.unwrap_or_else(today);
        let mut c = s.store.reader(vis).await?;
        let statuses = c.place_statuses(on).await?;
        let groups = c.groups(on).await?;
        drop(c);
        let tr = ctx.tr;
        let g = gazetteer::haiti();
        let group_names: HashMap<&str, &str> = groups
            .iter()
            .map(|(x, _)| (x.code.as_str(), x.name.as_str()))
            .collect();
        let held = |h: &Option<String>| {
            h.as_deref()
                .map(|c| group_names.get(c).map_or(c, |n| *n).to_string())
                .unwrap_or_default()
        };
        let line = |code: &str, name: String, kind: String| {
            let mut hist: Vec<&PlaceStatusRow> =
                statuses.iter().filter(|r| r.place == code).collect();
            hist.reverse();
            let now = hist.first();
            Ok::<_, ApiError>(PlaceLine {
                code: code.to_string(),
                name,
                kind,
                badge: badge(&tr, now.map(|r| r.status.as_str())),
                since: now.map(|r| iso(r.on_date)).unwrap_or_default(),
                held_by: now.map(|r| held(&r.held_by)).unwrap_or_default(),
                note: now.and_then(|r| r.note.clone()).unwrap_or_default(),
                sources: match now {
                    Some(r) => sources_count(&r.sources)?,
                    None => 0,
                },
                history: hist
                    .iter()
                    .skip(1)
                    .map(|r| {
                        Ok(HistoryLine {
                            badge: badge(&tr, Some(&r.status)),
                            since: iso(r.on_date),
                            held_by: held(&r.held_by),
                            note: r.note.clone().unwrap_or_default(),
                            sources: sources_count(&r.sources)?,
                        })
                    })
                    .collect::<ApiResult<_>>()?,
            })
        };
        // Places with a status first (worst first), then the rest.
        let rank = |l: &PlaceLine| match l.badge.tone {
            "bad" => 0,
            "warn" => 1,
            "closed" => 2,
            "good" => 3,
            _ => 4,
        };
        let mut sites: Vec<PlaceLine> = g
            .sites
            .iter()
            .map(|x| {
                line(
                    &x.code,
                    x.name.clone(),
                    tr.label("sit-site", x.kind.as_str()),
                )
            })
            .collect::<ApiResult<_>>()?;
        sites.sort_by_key(|l| rank(l));
        let segments: Vec<PlaceLine> = g
            .segments
            .iter()
            .map(|x| line(&x.code, x.name.clone(), x.route.clone()))
            .collect::<ApiResult<_>>()?;
        let place_name = |code: &str| {
            g.place(code)
                .map_or_else(|| code.to_string(), |p| p.name.clone())
        };
        let groups = groups
            .iter()
            .map(|(x, ds)| {
                let list = |j: &str| json_list::<String>(j);
                Ok(GroupLine {
                    code: x.code.clone(),
                    name: x.name.clone(),
                    coalition: x.kind == "coalition",
                    aliases: list(&x.aliases)?.join(", "),
                    member_of: list(&x.member_of)?
                        .iter()
                        .map(|m| group_names.get(m.as_str()).map_or(m.as_str(), |n| *n))
                        .collect::<Vec<_>>()
                        .join(", "),
                    leaders: json_list::<LeaderJson>(&x.leaders)?
                        .into_iter()
                        .map(|l| {
                            if l.role.is_empty() {
                                l.name
                            } else {
                                format!("{} ({})", l.name, l.role)
                            }
                        })
                        .collect(),
                    areas: list(&x.areas)?
                        .iter()
                        .map(|a| place_name(a))
                        .collect::<Vec<_>>()
                        .join(", "),
                    since: iso(x.on_date),
                    designations: ds
                        .iter()
                        .map(|d| {
                            let who = d
                                .person
                                .as_deref()
                                .map(|p| format!(" — {p}"))
                                .unwrap_or_default();
                            format!(
                                "{} ({}, {}){who}: {}",
                                tr.label("sit-designation", &d.kind),
                                d.authority,
                                iso(d.on_date),
                                d.reference
                            )
                        })
                        .collect(),
                    note: x.note.clone().unwrap_or_default(),
                    sources: sources_count(&x.sources)?,
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        let page = BoardPage {
            tabs: tabs(&ctx, &qs_of(&pairs)),
            on: iso(on),
            as_of: q.as_of.map(|t| t.to_string()).unwrap_or_default(),
            action: ctx.bare_path.clone(),
            sites,
            segments,
            groups,
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

// ---------------------------------------------------------------------------------------------
// The list

struct IncidentLine {
    event_id: String,
    href: String,
    date: String,
    event_type: String,
    type_code: String,
    colour: &'static str,
    sub_type: String,
    actor: String,
    location: String,
    fatalities: String,
    status: String,
}

fn line_of(ctx: &Ctx, p: &sit::MapPoint) -> IncidentLine {
    let t = EventType::parse(&p.event_type);
    IncidentLine {
        event_id: p.event_id.clone(),
        href: format!("/incidents/{}{}", enc(&p.event_id), ctx.qs),
        date: iso(p.event_date),
        event_type: type_label(&ctx.tr, &p.event_type),
        type_code: p.event_type.clone(),
        colour: t.map_or("#9ca3af", map::type_colour),
        sub_type: SubEventType::parse(&p.sub_event_type)
            .map_or_else(|| p.sub_event_type.clone(), |s| s.label().to_string()),
        actor: p.actor1.clone(),
        location: p.location.clone(),
        fatalities: ctx.tr.num(p.fatalities),
        status: ctx.tr.label("sit-verification", &p.status),
    }
}

struct Export {
    href: String,
    text: String,
}

#[derive(Template)]
#[template(path = "incidents.html")]
struct ListPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    form: FilterForm,
    lines: Vec<IncidentLine>,
    searching: bool,
    summary: String,
    exports: Vec<Export>,
    prev: Option<String>,
    next: Option<String>,
}

pub(crate) async fn list_page(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = async {
        let (q, pairs) = incident_query(&ctx, &["q", "page"])?;
        let (f, vis) = q.parse(ctx.caller.clearance())?;
        let page_no: i64 = match ctx.param("page").map(str::trim).filter(|p| !p.is_empty()) {
            None => 1,
            Some(p) => p
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_PAGES).contains(n))
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "invalid_query",
                        format!("page={p:?} is not a page number from 1 to {MAX_PAGES}"),
                    )
                })?,
        };
        let text = ctx.param("q").unwrap_or("").trim().to_string();
        let tr = ctx.tr;
        let filters = qs_of(&pairs);
        let mut c = s.store.reader(vis).await?;
        let (lines, summary, more) = if text.is_empty() {
            let (rows, n) = c.incidents(&f, page_no * PER_PAGE).await?;
            let skip = usize::try_from((page_no - 1) * PER_PAGE).unwrap_or(0);
            let lines: Vec<IncidentLine> = rows
                .iter()
                .skip(skip)
                .map(|r| {
                    line_of(
                        &ctx,
                        &sit::MapPoint {
                            event_id: r.event_id.clone(),
                            event_date: r.event_date,
                            event_type: r.event_type.clone(),
                            sub_event_type: r.sub_event_type.clone(),
                            actor1: r.actor1.clone(),
                            location: r.location.clone(),
                            latitude: r.latitude,
                            longitude: r.longitude,
                            fatalities: r.fatalities,
                            status: r.status.clone(),
                        },
                    )
                })
                .collect();
            let first = if lines.is_empty() { 0 } else { skip + 1 };
            let summary = tr.fmt(
                "sit-list-summary",
                &[
                    ("a", &tr.num(first as i64)),
                    ("b", &tr.num((skip + lines.len()) as i64)),
                    ("m", &tr.num(n)),
                ],
            );
            let more = n > page_no * PER_PAGE && page_no < MAX_PAGES;
            (lines, summary, more)
        } else {
            // Words in the notes, places and actors; the dates and types asked for narrow the
            // hits.
            let hits = c.search(&text, 1000).await?;
            let to = match (f.to, f.on) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let lines: Vec<IncidentLine> = hits
                .iter()
                .filter(|h| f.from.is_none_or(|d| h.event_date >= d))
                .filter(|h| to.is_none_or(|d| h.event_date <= d))
                .filter(|h| {
                    f.types.is_empty() || f.types.iter().any(|t| t.as_str() == h.event_type)
                })
                .filter(|h| h.status != "retracted")
                .take(PER_PAGE as usize)
                .map(|h| line_of(&ctx, h))
                .collect();
            let summary = tr.fmt(
                "sit-search-summary",
                &[("n", &tr.num(lines.len() as i64)), ("q", &text)],
            );
            (lines, summary, false)
        };
        drop(c);
        let with = |extra: &str| {
            let mut parts = Vec::new();
            if !filters.is_empty() {
                parts.push(filters.clone());
            }
            if !extra.is_empty() {
                parts.push(extra.to_string());
            }
            parts.join("&")
        };
        let exports = [
            ("acled", "sit-export-acled"),
            ("hxl", "sit-export-hxl"),
            ("geojson", "sit-export-geojson"),
        ]
        .iter()
        .map(|(fmt, k)| Export {
            href: format!(
                "/api/v1/incidents/export?{}",
                with(&format!("format={fmt}"))
            ),
            text: tr.t(k),
        })
        .collect();
        let page_href = |n: i64| format!("/incidents?{}", with(&format!("page={n}")));
        let page = ListPage {
            tabs: tabs(&ctx, &filters),
            form: filter_form(&ctx, &f, &q, true),
            searching: !text.is_empty(),
            lines,
            summary,
            exports,
            prev: (text.is_empty() && page_no > 1).then(|| page_href(page_no - 1)),
            next: more.then(|| page_href(page_no + 1)),
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

// ---------------------------------------------------------------------------------------------
// One incident

struct Field {
    name: String,
    value: String,
}

struct StatusLine {
    badge: String,
    code: String,
    on: String,
    reason: String,
    actor: String,
    sources: Vec<SourceRef>,
}

struct VersionLine {
    recorded: String,
    superseded: String,
    date: String,
    event_type: String,
    fatalities: String,
    location: String,
    notes: String,
}

struct ClaimLine {
    figure: String,
    reads_as: String,
    lowest: bool,
    sources: Vec<SourceRef>,
}

struct LinkLine {
    href: String,
    text: String,
}

#[derive(Template)]
#[template(path = "incident.html")]
struct IncidentPage {
    ctx: Ctx,
    event_id: String,
    title: String,
    type_code: String,
    colour: &'static str,
    status: String,
    status_code: String,
    classification: String,
    fields: Vec<Field>,
    notes: String,
    fatalities: String,
    statuses: Vec<StatusLine>,
    versions: Vec<VersionLine>,
    claims: Vec<ClaimLine>,
    claims_note: String,
    links: Vec<LinkLine>,
    sources: Vec<SourceRef>,
    map_href: String,
    /// What the press says of casualties there and then (staff only), set against the
    /// incident's fatalities.
    press: Vec<crate::shared::press::PressLine>,
}

/// An incident as it stands, as the body of its revision (with its sources and classification),
/// for the revision form to open with.
fn current_incident<'a>(
    s: &'a AppState,
    ctx: &'a Ctx,
    path: &'a std::collections::HashMap<String, String>,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<serde_json::Value, ApiError>> + Send + 'a>,
> {
    Box::pin(async move {
        let event_id = path.get("event_id").map_or("", String::as_str);
        let (_, vis) = ctx.clocks()?;
        let mut c = s.store.reader(vis).await?;
        let h = c
            .incident(event_id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("incident {event_id:?}")))?;
        let cur = h
            .versions
            .first()
            .ok_or_else(|| ApiError::not_found(format!("incident {event_id:?}")))?;
        let ex = cur.to_exported()?;
        let mut body =
            serde_json::to_value(&ex.incident).map_err(|e| ApiError::internal(e.to_string()))?;
        body["sources"] = serde_json::json!(ex.sources);
        body["classification"] = serde_json::json!(ex.classification);
        Ok(body)
    })
}

/// Whether a press claim speaks of an incident: casualties dated to the incident's day or the
/// day either side, at a place the incident names (its location, commune or department).
fn press_about_incident(
    c: &konbit_domain::media::Claim,
    day: time::Date,
    places: &[String],
) -> bool {
    let near = c.day().is_some_and(|d| (d - day).whole_days().abs() <= 1);
    let said = c
        .location
        .as_deref()
        .unwrap_or(c.text.as_str())
        .to_lowercase();
    c.kind == "casualties" && near && places.iter().any(|p| said.contains(p.as_str()))
}

fn micros_date(us: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .map_or_else(|_| us.to_string(), crate::shared::pieces::when)
}

pub(crate) async fn incident_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(event_id): Path<String>,
) -> Response {
    let r = async {
        let (_, vis) = ctx.clocks()?;
        let vis = Visibility {
            as_of_us: vis.as_of_us,
            clearance: ctx.caller.clearance(),
        };
        let mut c = s.store.reader(vis).await?;
        let h = c
            .incident(&event_id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("incident {event_id:?}")))?;
        let Some(cur) = h.versions.first() else {
            return Err(ApiError::not_found(format!("incident {event_id:?}")));
        };
        let claims: Vec<FatalityClaim> = cur.claims()?;
        let mut ids: Vec<Uuid> = cur.source_ids()?;
        for st in &h.statuses {
            ids.extend(json_ids(&st.sources)?);
        }
        for cl in &claims {
            ids.extend(cl.sources.iter().copied());
        }
        ids.sort();
        ids.dedup();
        let source_views = c.sources(Some(&ids)).await?;
        drop(c);
        let book = SourceBook::new(&source_views);
        let tr = ctx.tr;
        let t = EventType::parse(&cur.event_type);
        let actor_type =
            |s: &str| ActorType::parse(s).map_or_else(|| s.to_string(), |a| a.label().to_string());
        let inter1 = ActorType::parse(&cur.inter1);
        let inter2 = cur.inter2.as_deref().and_then(ActorType::parse);
        let mut fields = vec![
            ("sit-f-event_date", iso(cur.event_date)),
            (
                "sit-f-time_precision",
                tr.label("sit-time_precision", &cur.time_precision.to_string()),
            ),
            (
                "sit-f-disorder_type",
                acled::DisorderType::parse(&cur.disorder_type)
                    .map_or_else(|| cur.disorder_type.clone(), |d| d.label().to_string()),
            ),
            ("sit-f-event_type", type_label(&ctx.tr, &cur.event_type)),
            (
                "sit-f-sub_event_type",
                SubEventType::parse(&cur.sub_event_type)
                    .map_or_else(|| cur.sub_event_type.clone(), |s| s.label().to_string()),
            ),
            ("sit-f-actor1", cur.actor1.clone()),
            ("sit-f-assoc_actor_1", cur.assoc_actor_1.clone()),
            ("sit-f-inter1", actor_type(&cur.inter1)),
            ("sit-f-actor2", cur.actor2.clone()),
            ("sit-f-assoc_actor_2", cur.assoc_actor_2.clone()),
            (
                "sit-f-inter2",
                cur.inter2.as_deref().map(actor_type).unwrap_or_default(),
            ),
        ];
        if let Some(i1) = inter1 {
            fields.push((
                "sit-f-interaction",
                format!(
                    "{} — {}",
                    acled::interaction(i1, inter2),
                    acled::interaction_label(i1, inter2)
                ),
            ));
        }
        fields.extend([
            (
                "sit-f-civilian_targeting",
                if cur.civilian_targeting {
                    "Civilian targeting".to_string()
                } else {
                    String::new()
                },
            ),
            (
                "sit-f-admin",
                [&cur.admin1, &cur.admin2, &cur.admin3]
                    .iter()
                    .filter(|x| !x.is_empty())
                    .map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(" › "),
            ),
            ("sit-f-location", cur.location.clone()),
            (
                "sit-f-coordinates",
                format!("{:.5}, {:.5}", cur.latitude, cur.longitude),
            ),
            (
                "sit-f-geo_precision",
                tr.label("sit-geo_precision", &cur.geo_precision.to_string()),
            ),
            ("sit-f-source", cur.source.clone()),
            ("sit-f-source_scale", cur.source_scale.clone()),
            ("sit-f-tags", cur.tags.clone()),
        ]);
        let fields = fields
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| Field {
                name: tr.t(k),
                value: v,
            })
            .collect();
        let parsed: Vec<Option<u32>> = claims
            .iter()
            .map(|c| acled::parse_fatalities(&c.figure).ok())
            .collect();
        let lowest = parsed.iter().flatten().min().copied();
        let claim_lines = claims
            .iter()
            .zip(&parsed)
            .map(|(cl, n)| ClaimLine {
                figure: cl.figure.clone(),
                reads_as: n.map(|n| tr.num(i64::from(n))).unwrap_or_default(),
                lowest: n.is_some() && *n == lowest,
                sources: book.refs(&cl.sources),
            })
            .collect();
        let claims_note = if claims.len() > 1 {
            tr.fmt(
                "sit-claims-why",
                &[
                    ("n", &tr.num(cur.fatalities)),
                    ("k", &claims.len().to_string()),
                ],
            )
        } else {
            String::new()
        };
        let press = if ctx.is_member() {
            let places: Vec<String> = [&cur.location, &cur.admin3, &cur.admin2]
                .iter()
                .map(|p| p.trim().to_lowercase())
                .filter(|p| p.len() > 2)
                .collect();
            let day = cur.event_date;
            let mut lines =
                crate::shared::press::about(&s, &ctx, |c, _| press_about_incident(c, day, &places))
                    .await?;
            let killed = tr.fmt("sit-dead", &[("n", &cur.fatalities)]);
            for l in lines.iter_mut().filter(|l| l.event == "killed") {
                l.compare(&tr, cur.fatalities, &killed);
            }
            // A claim the analyst has added to the incident (a fatality claim citing the
            // article, through the revision form) is accepted as held by it.
            if ctx.may("press_claim.accepted") {
                let back = format!("/incidents/{}", cur.event_id);
                for l in &mut lines {
                    l.offer(cur.id, &back);
                    // A death toll is added to the incident's fatality claims, citing the
                    // article, in a revision recorded with the claim's acceptance.
                    if l.open && l.event == "killed" && ctx.may("incident.revised") {
                        let row = format!("fatality_claims[{}]", claims.len());
                        l.add_href = l.figure.map(|v| {
                            format!(
                                "/incidents/{}/revisions/new?{row}.figure={v}&{row}.sources={}&press_claim={}/{}/{}&next={}",
                                enc(&cur.event_id),
                                l.article,
                                l.article,
                                l.index,
                                cur.id,
                                enc(&back)
                            )
                        });
                    }
                }
            }
            lines
        } else {
            Vec::new()
        };
        let page = IncidentPage {
            press,
            title: format!(
                "{} · {} · {}",
                type_label(&ctx.tr, &cur.event_type),
                cur.location,
                iso(cur.event_date)
            ),
            event_id: cur.event_id.clone(),
            type_code: cur.event_type.clone(),
            colour: t.map_or("#9ca3af", map::type_colour),
            status: tr.label("sit-verification", &cur.status),
            status_code: cur.status.clone(),
            classification: tr.label(
                "class",
                match cur.class {
                    0 => "public",
                    1 => "mission",
                    _ => "restricted",
                },
            ),
            fields,
            notes: cur.notes.clone(),
            fatalities: tr.num(cur.fatalities),
            statuses: h
                .statuses
                .iter()
                .rev()
                .map(|st| {
                    Ok(StatusLine {
                        badge: tr.label("sit-verification", &st.status),
                        code: st.status.clone(),
                        on: iso(st.on_date),
                        reason: st.reason.clone(),
                        actor: st.actor.clone(),
                        sources: book.refs(&json_ids(&st.sources)?),
                    })
                })
                .collect::<ApiResult<_>>()?,
            versions: h
                .versions
                .iter()
                .skip(1)
                .map(|v| VersionLine {
                    recorded: micros_date(v.recorded_us),
                    superseded: v.superseded_us.map(micros_date).unwrap_or_default(),
                    date: iso(v.event_date),
                    event_type: type_label(&ctx.tr, &v.event_type),
                    fatalities: tr.num(v.fatalities),
                    location: v.location.clone(),
                    notes: shorten(&v.notes, 160),
                })
                .collect(),
            claims: claim_lines,
            claims_note,
            links: h
                .links
                .iter()
                .map(|l| {
                    let (path, key) = if l.register == "detention" {
                        ("/detentions", "sit-link-detention")
                    } else {
                        ("/use-of-force", "sit-link-use_of_force")
                    };
                    LinkLine {
                        href: format!("{path}/{}{}", l.record, ctx.qs),
                        text: format!(
                            "{} {}",
                            tr.t(key),
                            crate::shared::pieces::short_id(l.record)
                        ),
                    }
                })
                .collect(),
            sources: book.refs(&cur.source_ids()?),
            map_href: format!("/situation?from={0}&to={0}", iso(cur.event_date)),
            ctx: ctx.clone(),
        };
        Ok::<Response, ApiError>(respond(&ctx, StatusCode::OK, &page))
    }
    .await;
    finish(&ctx, r)
}

/// The situational picture's forms, one per command.
pub(crate) static FORMS: &[crate::shared::forms::FormSpec] = {
    use crate::shared::forms::FormSpec;
    use konbit_domain::EntryKind as K;
    &[
        FormSpec::new(
            "/incidents/new",
            "/api/v1/incidents",
            K::IncidentRecorded,
            "/incidents/{event_id}",
        )
        .place_picker(),
        FormSpec::new(
            "/incidents/{event_id}/revisions/new",
            "/api/v1/incidents/{event_id}/revisions",
            K::IncidentRevised,
            "/incidents/{event_id}",
        )
        .path_fields(&[("event_id", "event_id")])
        .prefill(current_incident),
        FormSpec::new(
            "/incidents/{event_id}/verification/new",
            "/api/v1/incidents/{event_id}/verification",
            K::IncidentVerificationChanged,
            "/incidents/{event_id}",
        )
        .path_fields(&[("event_id", "incident")])
        .part_of_another(),
        FormSpec::new(
            "/incidents/{event_id}/links/new",
            "/api/v1/incidents/{event_id}/links",
            K::IncidentLinked,
            "/incidents/{event_id}",
        )
        .path_fields(&[("event_id", "incident")])
        .part_of_another(),
        FormSpec::new(
            "/armed-groups/new",
            "/api/v1/armed-groups",
            K::ArmedGroupProfiled,
            "/situation/board",
        ),
        FormSpec::new(
            "/armed-groups/designations/new",
            "/api/v1/armed-groups/designations",
            K::ArmedGroupDesignated,
            "/situation/board",
        ),
        FormSpec::new(
            "/sites/status/new",
            "/api/v1/sites/status",
            K::SiteStatusChanged,
            "/situation/board",
        ),
        FormSpec::new(
            "/routes/status/new",
            "/api/v1/routes/status",
            K::RouteStatusChanged,
            "/situation/board",
        ),
        FormSpec::new(
            "/indicators/new",
            "/api/v1/indicators",
            K::IndicatorObserved,
            "/situation/board",
        ),
    ]
};

/// The situational picture's page routes.
pub fn router() -> axum::Router<AppState> {
    use axum::routing::get;
    crate::shared::forms::router(FORMS)
        .route("/situation", get(map_page))
        .route("/situation/timeline", get(timeline_page))
        .route("/situation/board", get(board_page))
        .route("/incidents", get(list_page))
        .route("/incidents/{event_id}", get(incident_page))
}

#[cfg(test)]
mod tests {
    use konbit_domain::media::Claim;

    #[test]
    fn a_press_claim_speaks_of_an_incident_there_and_then() {
        let day = time::macros::date!(2024 - 10 - 03);
        let places = vec!["pont-sondé".to_string(), "saint-marc".to_string()];
        let claim = |kind: &str, date: &str, text: &str, location: Option<&str>| Claim {
            kind: kind.into(),
            event: "killed".into(),
            subject: "HTI".into(),
            value: Some(115),
            date: Some(date.into()),
            date_precision: "day".into(),
            text: text.into(),
            location: location.map(str::to_string),
            ..Claim::default()
        };
        let about = |c: &Claim| super::press_about_incident(c, day, &places);
        assert!(about(&claim(
            "casualties",
            "2024-10-03",
            "115 killed in Pont-Sondé",
            None
        )));
        assert!(about(&claim(
            "casualties",
            "2024-10-04",
            "at least 115 dead",
            Some("Saint-Marc")
        )));
        assert!(
            !about(&claim(
                "casualties",
                "2024-10-06",
                "115 killed in Pont-Sondé",
                None
            )),
            "three days later"
        );
        assert!(
            !about(&claim(
                "casualties",
                "2024-10-03",
                "115 killed in Cité Soleil",
                None
            )),
            "elsewhere"
        );
        assert!(
            !about(&claim(
                "displacement",
                "2024-10-03",
                "6,000 fled Pont-Sondé",
                None
            )),
            "not casualties"
        );
        let mut month = claim("casualties", "2024-10", "115 killed in Pont-Sondé", None);
        month.date_precision = "month".into();
        assert!(!about(&month), "a month's toll is not one incident's");
    }
}
