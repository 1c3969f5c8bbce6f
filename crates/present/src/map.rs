//! The situation map drawn on the server as SVG: Haiti's outline from the gazetteer, the
//! department capitals (or, zoomed in, the communes), key sites and route segments coloured by
//! their status, and incidents as marks whose shape and colour both say the ACLED event type,
//! with an area that grows with the dead. It also owns the areas the map zooms into (the ten
//! departments and the Port-au-Prince metropolitan area) and the grouping of incidents that
//! would fall on one another at the scale drawn.
//!
//! The gazetteer has points, not department boundaries, so a department's window is the box
//! around its places and sites, widened to a department's usual size and kept inside the
//! country: it may show a strip of a neighbour, and the marks drawn are those inside the window.
//!
//! The projection is equirectangular with the longitude scaled by cos(latitude) at the middle
//! of the country: at Haiti's size the distortion is far below what a screen shows. Colours are
//! presentation attributes (the pages' security policy refuses inline styles); the event-type
//! palette is Okabe and Ito's, which stays distinct for the common colour-vision deficiencies.

use konbit_domain::Named;
use konbit_domain::{situation::acled::EventType, situation::gazetteer::Gazetteer};
use std::fmt::Write as _;

/// Width of the map in user units; the height follows from the country's shape.
pub const WIDTH: f64 = 1000.0;
const PAD: f64 = 16.0;

/// Colour of an event type (Okabe–Ito).
pub fn type_colour(t: EventType) -> &'static str {
    match t {
        EventType::Battles => "#D55E00",
        EventType::ExplosionsRemoteViolence => "#CC79A7",
        EventType::ViolenceAgainstCivilians => "#0072B2",
        EventType::Protests => "#009E73",
        EventType::Riots => "#E69F00",
        EventType::StrategicDevelopments => "#56B4E9",
    }
}

/// How good a site's or road's status is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Secured, open.
    Good,
    /// Contested, dangerous.
    Warn,
    /// Held by armed groups, blocked.
    Bad,
    /// Closed.
    Closed,
    /// No status recorded.
    Unknown,
}

impl Tone {
    /// The tone of a site or route status code.
    pub fn of(status: Option<&str>) -> Tone {
        match status {
            Some("secured" | "open") => Tone::Good,
            Some("contested" | "dangerous") => Tone::Warn,
            Some("held_by_armed_groups" | "blocked") => Tone::Bad,
            Some("closed") => Tone::Closed,
            _ => Tone::Unknown,
        }
    }

    /// Its colour on the map.
    pub fn colour(self) -> &'static str {
        match self {
            Tone::Good => "#15803d",
            Tone::Warn => "#d97706",
            Tone::Bad => "#b91c1c",
            Tone::Closed => "#4b5563",
            Tone::Unknown => "#c4c9d0",
        }
    }

    /// Its name, for CSS classes and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Warn => "warn",
            Tone::Bad => "bad",
            Tone::Closed => "closed",
            Tone::Unknown => "unknown",
        }
    }
}

/// Lon/lat to map coordinates.
#[derive(Debug, Clone, Copy)]
pub struct Projection {
    min_lon: f64,
    max_lat: f64,
    kx: f64,
    scale: f64,
    /// Height of the map in user units.
    pub height: f64,
}

impl Projection {
    /// The projection that fits the gazetteer's outline into [`WIDTH`].
    pub fn fit(g: &Gazetteer) -> Projection {
        Projection::fit_window(g.bbox())
    }

    /// The projection that fits a window `(min_lon, min_lat, max_lon, max_lat)` into [`WIDTH`].
    pub fn fit_window(w: Window) -> Projection {
        let (min_lon, min_lat, max_lon, max_lat) = w;
        let kx = ((min_lat + max_lat) / 2.0).to_radians().cos();
        let span_x = ((max_lon - min_lon) * kx).max(1e-6);
        let scale = (WIDTH - 2.0 * PAD) / span_x;
        let height = (max_lat - min_lat) * scale + 2.0 * PAD;
        Projection {
            min_lon,
            max_lat,
            kx,
            scale,
            height,
        }
    }

    /// Map coordinates of a point.
    pub fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            PAD + (lon - self.min_lon) * self.kx * self.scale,
            PAD + (self.max_lat - lat) * self.scale,
        )
    }
}

/// Radius of an incident's circle: its area grows with the dead.
pub fn radius(fatalities: i64) -> f64 {
    (4.0 + 1.8 * (fatalities.max(0) as f64).sqrt()).min(24.0)
}

/// Escapes text for SVG content and attribute values.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A window of the map: `(min_lon, min_lat, max_lon, max_lat)`.
pub type Window = (f64, f64, f64, f64);

/// The code of the Port-au-Prince metropolitan area in `?area=`.
pub const PORT_AU_PRINCE: &str = "port-au-prince";

/// An area the map zooms into.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// `HT-OU` for a department (its ISO 3166-2 code), [`PORT_AU_PRINCE`] for the capital.
    pub code: String,
    /// Its name as the gazetteer writes it.
    pub name: String,
    /// What the map shows of it.
    pub window: Window,
}

/// Whether a point lies in a window.
pub fn inside(w: Window, lon: f64, lat: f64) -> bool {
    (w.0..=w.2).contains(&lon) && (w.1..=w.3).contains(&lat)
}

/// The box around `points`, padded by `pad` degrees, widened to at least `min` (lon, lat)
/// degrees around its middle, then to a shape a screen shows well (no taller than wide, no
/// flatter than 1:2), and moved inside the country's box where it overhangs.
fn window_around(
    g: &Gazetteer,
    points: impl Iterator<Item = (f64, f64)>,
    pad: f64,
    min: (f64, f64),
) -> Option<Window> {
    let mut b: Option<Window> = None;
    for (lon, lat) in points {
        b = Some(match b {
            None => (lon, lat, lon, lat),
            Some((a, c, d, e)) => (a.min(lon), c.min(lat), d.max(lon), e.max(lat)),
        });
    }
    let (a, c, d, e) = b?;
    let (mid_lon, mid_lat) = ((a + d) / 2.0, (c + e) / 2.0);
    let kx = mid_lat.to_radians().cos();
    let mut half_lon = ((d - a) / 2.0 + pad).max(min.0 / 2.0);
    let mut half_lat = ((e - c) / 2.0 + pad).max(min.1 / 2.0);
    // In screen units a degree of longitude is kx of a degree of latitude.
    if half_lat > half_lon * kx {
        half_lon = half_lat / kx;
    }
    if half_lat < half_lon * kx / 2.0 {
        half_lat = half_lon * kx / 2.0;
    }
    let (ca, cc, cd, ce) = g.bbox();
    let fit = |mid: f64, half: f64, lo: f64, hi: f64| -> (f64, f64) {
        if 2.0 * half >= hi - lo {
            return (mid - half, mid + half);
        }
        let m = mid.clamp(lo + half, hi - half);
        (m - half, m + half)
    };
    let (w0, w2) = fit(mid_lon, half_lon, ca, cd);
    let (w1, w3) = fit(mid_lat, half_lat, cc, ce);
    Some((w0, w1, w2, w3))
}

/// The areas the map zooms into: the Port-au-Prince metropolitan area (the communes of the
/// Port-au-Prince arrondissement), then the ten departments by name.
pub fn areas(g: &Gazetteer) -> Vec<Area> {
    use konbit_domain::situation::gazetteer::PlaceKind;
    let mut out = Vec::with_capacity(11);
    let metro = g
        .places
        .iter()
        .filter(|p| {
            p.kind == PlaceKind::Commune
                && p.department == "HT-OU"
                && p.arrondissement == "Port-au-Prince"
        })
        .map(|p| (p.lon, p.lat));
    if let Some(w) = window_around(g, metro, 0.03, (0.3, 0.15)) {
        out.push(Area {
            code: PORT_AU_PRINCE.into(),
            name: "Port-au-Prince".into(),
            window: w,
        });
    }
    let mut deps: Vec<_> = g.departments().collect();
    deps.sort_by_key(|d| konbit_domain::situation::gazetteer::fold(&d.name));
    for d in deps {
        let places = g
            .places
            .iter()
            .filter(|p| p.department == d.code)
            .map(|p| (p.lon, p.lat));
        let sites = g
            .sites
            .iter()
            .filter(|s| g.place(&s.commune).is_some_and(|c| c.department == d.code))
            .map(|s| (s.lon, s.lat));
        if let Some(w) = window_around(g, places.chain(sites), 0.08, (0.8, 0.45)) {
            out.push(Area {
                code: d.code.clone(),
                name: d.name.clone(),
                window: w,
            });
        }
    }
    out
}

/// The area a query names: [`PORT_AU_PRINCE`], or a department by ISO code or name (loosely:
/// `ht-ou`, `Ouest`, `Grande Anse`).
pub fn area(g: &Gazetteer, code: &str) -> Option<Area> {
    let code = code.trim();
    let want = if code.eq_ignore_ascii_case(PORT_AU_PRINCE) {
        PORT_AU_PRINCE.to_string()
    } else {
        g.department(code)
            .or_else(|| g.department(&code.to_ascii_uppercase()))?
            .code
            .clone()
    };
    areas(g).into_iter().find(|a| a.code == want)
}

/// The shape of an event type's marks: with the colour, so that the type is not told by
/// colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Battles.
    Circle,
    /// Explosions and remote violence.
    Star,
    /// Violence against civilians.
    Diamond,
    /// Protests.
    TriangleUp,
    /// Riots.
    TriangleDown,
    /// Strategic developments.
    Cross,
}

impl Shape {
    /// Its name, for `data-shape` and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Star => "star",
            Shape::Diamond => "diamond",
            Shape::TriangleUp => "triangle-up",
            Shape::TriangleDown => "triangle-down",
            Shape::Cross => "cross",
        }
    }
}

/// The shape of an event type.
pub fn type_shape(t: EventType) -> Shape {
    match t {
        EventType::Battles => Shape::Circle,
        EventType::ExplosionsRemoteViolence => Shape::Star,
        EventType::ViolenceAgainstCivilians => Shape::Diamond,
        EventType::Protests => Shape::TriangleUp,
        EventType::Riots => Shape::TriangleDown,
        EventType::StrategicDevelopments => Shape::Cross,
    }
}

/// The outline of a shape of about the area of a circle of radius `r` centred on (x, y), as
/// the `d` of a path (the circle is drawn as an arc pair).
pub fn shape_path(shape: Shape, x: f64, y: f64, r: f64) -> String {
    let poly = |pts: &[(f64, f64)]| -> String {
        let mut d = String::with_capacity(pts.len() * 16);
        for (i, (px, py)) in pts.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { "L" },
                x + px,
                y + py
            );
        }
        d.push('Z');
        d
    };
    match shape {
        Shape::Circle => format!(
            "M{:.1},{y:.1}a{r:.1},{r:.1} 0 1,0 {:.1},0a{r:.1},{r:.1} 0 1,0 {:.1},0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
        Shape::Diamond => {
            let k = r * 1.25;
            poly(&[(0.0, -k), (k, 0.0), (0.0, k), (-k, 0.0)])
        }
        Shape::TriangleUp => {
            let k = r * 1.35;
            poly(&[
                (0.0, -k),
                (k * 0.866 * 1.15, k * 0.6),
                (-k * 0.866 * 1.15, k * 0.6),
            ])
        }
        Shape::TriangleDown => {
            let k = r * 1.35;
            poly(&[
                (0.0, k),
                (k * 0.866 * 1.15, -k * 0.6),
                (-k * 0.866 * 1.15, -k * 0.6),
            ])
        }
        Shape::Star => {
            let pts: Vec<(f64, f64)> = (0..10)
                .map(|i| {
                    let a = std::f64::consts::PI * (f64::from(i) / 5.0 - 0.5);
                    let k = if i % 2 == 0 { r * 1.45 } else { r * 0.62 };
                    (k * a.cos(), k * a.sin())
                })
                .collect();
            poly(&pts)
        }
        Shape::Cross => {
            let (k, t) = (r * 1.2, r * 0.45);
            poly(&[
                (-t, -k),
                (t, -k),
                (t, -t),
                (k, -t),
                (k, t),
                (t, t),
                (t, k),
                (-t, k),
                (-t, t),
                (-k, t),
                (-k, -t),
                (-t, -t),
            ])
        }
    }
}

/// An incident to draw.
#[derive(Debug, Clone)]
pub struct Dot {
    /// Event id (the link goes to its page).
    pub event_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Event type.
    pub event_type: EventType,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Reported dead.
    pub fatalities: i64,
    /// The tooltip.
    pub title: String,
}

/// A key site or a road segment with its status.
#[derive(Debug, Clone)]
pub struct Feature {
    /// Gazetteer code.
    pub code: String,
    /// Status code, if any is recorded by the date.
    pub status: Option<String>,
    /// The tooltip.
    pub title: String,
}

/// How big a rendering is on screen, so that marks stay apart and easy to touch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Marks closer than this (user units) are drawn as one group.
    pub group_within: f64,
    /// Radius of each link's touch area (user units).
    pub hit: f64,
    /// How much bigger marks, labels and lines are drawn, so that they read at this width.
    pub ink: f64,
}

impl Scale {
    /// A map drawn 620 CSS pixels wide or more (the page shows the narrow drawing below a
    /// 720-pixel window; 1 user unit ≥ 0.62 px): a 20-unit touch radius is a target of at
    /// least 24.8 px, and marks closer than 40 units (two radii) are one group.
    pub const WIDE: Scale = Scale {
        group_within: 40.0,
        hit: 20.0,
        ink: 1.0,
    };
    /// A map drawn about 340 CSS pixels wide (a 390-pixel phone): 1 unit ≈ 0.34 px, so 74
    /// units apart are 25 px, and so is a touch area of radius 37; marks and labels are drawn
    /// 2.4 times as big so that they read at a third of the size.
    pub const NARROW: Scale = Scale {
        group_within: 74.0,
        hit: 37.0,
        ink: 2.4,
    };
}

/// What the map shows.
#[derive(Debug, Clone, Default)]
pub struct MapInput {
    /// Incidents, drawn in order (so put the largest first: small ones stay on top).
    pub dots: Vec<Dot>,
    /// Sites by gazetteer code.
    pub sites: Vec<Feature>,
    /// Road segments by gazetteer code.
    pub segments: Vec<Feature>,
    /// The map's accessible title.
    pub title: String,
    /// Appended to incident links (`?on=…` to keep the clocks).
    pub link_suffix: String,
    /// The window shown; `None` for the whole country.
    pub window: Option<Window>,
    /// The incident list's address with the page's filters and without `bbox`
    /// (`/incidents?type=riots`): a group of marks links to it with the group's box.
    pub list_href: String,
    /// A group's tooltip, with `{n}` for its count (`{n} incidents here: open the list`).
    pub group_title: String,
}

/// The department capitals: the commune of each department nearest to the department's point
/// (the gazetteer places a department at its capital), as (name, lon, lat).
pub fn capitals(g: &Gazetteer) -> Vec<(String, f64, f64)> {
    g.departments()
        .map(|d| {
            let near = g
                .places
                .iter()
                .filter(|p| {
                    p.kind == konbit_domain::situation::gazetteer::PlaceKind::Commune
                        && p.department == d.code
                })
                .min_by(|a, b| {
                    let da = (a.lat - d.lat).powi(2) + (a.lon - d.lon).powi(2);
                    let db = (b.lat - d.lat).powi(2) + (b.lon - d.lon).powi(2);
                    da.total_cmp(&db)
                });
            let name = near.map_or_else(|| d.name.clone(), |p| p.name.clone());
            (name, d.lon, d.lat)
        })
        .collect()
}

/// Incidents whose points are within `within` user units of a group's first point, greedily in
/// the order given: each group as the indices of its dots, its first point first. Every dot is
/// in exactly one group, and the first points of two groups are more than `within` apart.
pub fn group(points: &[(f64, f64)], within: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<(f64, f64, Vec<usize>)> = Vec::new();
    let w2 = within * within;
    // A coarse grid of cells `within` wide: a point's group is among the 9 cells around it.
    let mut cells: std::collections::HashMap<(i64, i64), Vec<usize>> =
        std::collections::HashMap::new();
    let cell = |x: f64, y: f64| ((x / within).floor() as i64, (y / within).floor() as i64);
    for (i, &(x, y)) in points.iter().enumerate() {
        let (cx, cy) = cell(x, y);
        let mut found = None;
        'search: for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(gs) = cells.get(&(cx + dx, cy + dy)) {
                    for &gi in gs {
                        let (gx, gy, _) = &groups[gi];
                        if (gx - x).powi(2) + (gy - y).powi(2) <= w2 {
                            found = Some(gi);
                            break 'search;
                        }
                    }
                }
            }
        }
        match found {
            Some(gi) => groups[gi].2.push(i),
            None => {
                cells.entry((cx, cy)).or_default().push(groups.len());
                groups.push((x, y, vec![i]));
            }
        }
    }
    groups.into_iter().map(|(_, _, m)| m).collect()
}

/// The map as an `<svg>` element with the id `id`. An incident alone is an `<a>` to its page
/// around a transparent touch circle and its mark, `<path class="incident" data-id data-type
/// data-shape data-date>` with a `<title>`; incidents that would overlap at this scale are one
/// `<a class="group" data-count data-ids>` to the incident list filtered to their box, drawn as
/// a circle with the count.
pub fn situation_map(g: &Gazetteer, input: &MapInput, id: &str, scale: Scale) -> String {
    let window = input.window.unwrap_or_else(|| g.bbox());
    let p = Projection::fit_window(window);
    let h = p.height.ceil();
    let id = esc(id);
    let dots: Vec<&Dot> = input
        .dots
        .iter()
        .filter(|d| input.window.is_none_or(|w| inside(w, d.lon, d.lat)))
        .collect();
    let mut s = String::with_capacity(2048 + dots.len() * 300);
    // A group, not an image: the map holds links to its incidents, and an image may hold
    // nothing a reader can act on (assistive technology would not reach them).
    let _ = write!(
        s,
        "<svg id=\"{id}\" class=\"situation-map\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {WIDTH} {h}\" role=\"group\" aria-labelledby=\"{id}-title\" \
         data-incidents=\"{}\" data-window=\"{:.4},{:.4},{:.4},{:.4}\">\
         <title id=\"{id}-title\">{}</title>",
        dots.len(),
        window.0,
        window.1,
        window.2,
        window.3,
        esc(&input.title)
    );
    let _ = write!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{h}\" fill=\"#dbe9f4\"/>"
    );
    // Land.
    s.push_str("<g class=\"land\">");
    for ring in &g.outline {
        let mut d = String::with_capacity(ring.len() * 14);
        for (i, (lon, lat)) in ring.iter().enumerate() {
            let (x, y) = p.xy(*lon, *lat);
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
        let _ = write!(
            s,
            "<path d=\"{d}\" fill=\"#f7f6f0\" stroke=\"#8a939e\" stroke-width=\"{:.1}\" \
             stroke-linejoin=\"round\"/>",
            scale.ink
        );
    }
    s.push_str("</g>");
    // Roads.
    s.push_str("<g class=\"segments\">");
    for f in &input.segments {
        let Some(seg) = g.segment(&f.code) else {
            continue;
        };
        let pts: Vec<String> = seg
            .points
            .iter()
            .map(|(lon, lat)| {
                let (x, y) = p.xy(*lon, *lat);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let tone = Tone::of(f.status.as_deref());
        let _ = write!(
            s,
            "<polyline class=\"segment\" data-code=\"{}\" data-tone=\"{}\" points=\"{}\" \
             fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\" stroke-linecap=\"round\" \
             stroke-linejoin=\"round\" stroke-opacity=\"0.85\"><title>{}</title></polyline>",
            esc(&f.code),
            tone.as_str(),
            pts.join(" "),
            tone.colour(),
            3.5 * scale.ink,
            esc(&f.title)
        );
    }
    s.push_str("</g>");
    // The marks are placed first so that the names keep off them.
    let xy: Vec<(f64, f64)> = dots.iter().map(|d| p.xy(d.lon, d.lat)).collect();
    let groups = group(&xy, scale.group_within);
    let group_radius = |n: usize| ((9.0 + 3.0 * (n as f64).ln()) * scale.ink).min(scale.hit);
    // Department capitals on the whole country; zoomed in, the communes of the window.
    s.push_str("<g class=\"capitals\">");
    let names: Vec<(String, f64, f64)> = match input.window {
        None => capitals(g),
        Some(w) => g
            .places
            .iter()
            .filter(|p| {
                p.kind == konbit_domain::situation::gazetteer::PlaceKind::Commune
                    && inside(w, p.lon, p.lat)
            })
            .map(|p| (p.name.clone(), p.lon, p.lat))
            .collect(),
    };
    // Labels that would overlap a mark, a label already placed or the map's edge try the other
    // side of their dot, then below it, and are left out if no place is free (the dot stays). The width is estimated
    // (0.6 em a character), which is enough to keep names apart.
    let k = scale.ink;
    let font = 13.0 * k;
    let mut placed: Vec<(f64, f64, f64, f64)> = groups
        .iter()
        .map(|m| {
            let (x, y) = xy[m[0]];
            let r = if m.len() > 1 {
                group_radius(m.len())
            } else {
                radius(dots[m[0]].fatalities) * scale.ink
            };
            (x - r, y - r, 2.0 * r, 2.0 * r)
        })
        .collect();
    for (name, lon, lat) in names {
        let (x, y) = p.xy(lon, lat);
        let _ = write!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#6b7280\"/>",
            2.5 * k
        );
        let w = 0.6 * font * name.chars().count() as f64;
        let gap = 5.0 * k;
        let spots = [
            (x + gap, y - gap, "start", x + gap, y - gap - font),
            (x - gap, y - gap, "end", x - gap - w, y - gap - font),
            (
                x + gap,
                y + gap + font * 0.8,
                "start",
                x + gap,
                y + gap - font * 0.2,
            ),
            (
                x - gap,
                y + gap + font * 0.8,
                "end",
                x - gap - w,
                y + gap - font * 0.2,
            ),
        ];
        let free = spots.iter().find(|(_, _, _, bx, by)| {
            *bx >= 0.0
                && bx + w <= WIDTH
                && *by >= 0.0
                && by + font <= h
                && placed.iter().all(|(px, py, pw, ph)| {
                    bx + w <= *px || *bx >= px + pw || by + font <= *py || *by >= py + ph
                })
        });
        let Some(&(tx, ty, anchor, bx, by)) = free else {
            continue;
        };
        placed.push((bx, by, w, font));
        let _ = write!(
            s,
            "<text x=\"{tx:.1}\" y=\"{ty:.1}\" text-anchor=\"{anchor}\" font-size=\"{font:.0}\" \
             fill=\"#4b5563\" stroke=\"#f7f6f0\" stroke-width=\"{:.1}\" \
             paint-order=\"stroke\">{}</text>",
            3.0 * k,
            esc(&name)
        );
    }
    s.push_str("</g>");
    // Sites, under the incidents' links so that they do not take their touches.
    s.push_str("<g class=\"sites\">");
    for f in &input.sites {
        let Some(site) = g.site(&f.code) else {
            continue;
        };
        let (x, y) = p.xy(site.lon, site.lat);
        let tone = Tone::of(f.status.as_deref());
        let _ = write!(
            s,
            "<rect class=\"site\" data-code=\"{}\" data-tone=\"{}\" x=\"{:.1}\" y=\"{:.1}\" \
             width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#1f2933\" \
             stroke-width=\"{:.1}\"><title>{}</title></rect>",
            esc(&f.code),
            tone.as_str(),
            x - 4.0 * scale.ink,
            y - 4.0 * scale.ink,
            8.0 * scale.ink,
            8.0 * scale.ink,
            tone.colour(),
            scale.ink,
            esc(&f.title)
        );
    }
    s.push_str("</g>");
    // Incidents.
    s.push_str("<g class=\"incidents\">");
    // Groups first, lone incidents on top of them.
    for members in groups.iter().filter(|m| m.len() > 1) {
        let n = members.len();
        // At its first point, not its middle: the first points of groups are more than
        // `group_within` apart, so touch areas of radius `group_within / 2` never overlap.
        let (x, y) = xy[members[0]];
        // The box of the group's points, a hair wider so that rounding keeps them in it.
        let (mut a, mut b, mut c, mut d) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &i in members {
            a = a.min(dots[i].lon);
            b = b.min(dots[i].lat);
            c = c.max(dots[i].lon);
            d = d.max(dots[i].lat);
        }
        let bbox = format!(
            "{:.5},{:.5},{:.5},{:.5}",
            a - 1e-5,
            b - 1e-5,
            c + 1e-5,
            d + 1e-5
        );
        let sep = if input.list_href.contains('?') {
            "&"
        } else {
            "?"
        };
        let href = format!("{}{sep}bbox={}", input.list_href, bbox.replace(',', "%2C"));
        let ids: Vec<&str> = members.iter().map(|&i| dots[i].event_id.as_str()).collect();
        let r = group_radius(n);
        let label = if n > 999 {
            "999+".to_string()
        } else {
            n.to_string()
        };
        let _ = write!(
            s,
            "<a class=\"group\" href=\"{}\" data-count=\"{n}\" data-ids=\"{}\">\
             <title>{}</title>\
             <circle class=\"hit\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#000\" \
             fill-opacity=\"0\"/>\
             <circle class=\"group-mark\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" \
             fill=\"#1f2933\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"{:.1}\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{:.0}\" \
             font-weight=\"700\" fill=\"#ffffff\">{label}</text></a>",
            esc(&href),
            esc(&ids.join(" ")),
            esc(&input.group_title.replace("{n}", &n.to_string())),
            scale.hit,
            1.5 * scale.ink,
            y + r * 0.38,
            (r * 1.05).clamp(10.0 * scale.ink, 16.0 * scale.ink)
        );
    }
    for members in groups.iter().filter(|m| m.len() == 1) {
        let d = dots[members[0]];
        let (x, y) = xy[members[0]];
        let eid = esc(&d.event_id);
        let shape = type_shape(d.event_type);
        let _ = write!(
            s,
            "<a href=\"/incidents/{eid}{}\"><title>{}</title>\
             <circle class=\"hit\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#000\" \
             fill-opacity=\"0\"/>\
             <path class=\"incident\" data-id=\"{eid}\" data-type=\"{}\" data-shape=\"{}\" \
             data-date=\"{}\" data-fatalities=\"{}\" d=\"{}\" fill=\"{}\" fill-opacity=\"0.8\" \
             stroke=\"#1f2933\" stroke-width=\"{:.1}\"/></a>",
            esc(&input.link_suffix),
            esc(&d.title),
            scale.hit,
            d.event_type.as_str(),
            shape.as_str(),
            esc(&d.date),
            d.fatalities,
            shape_path(shape, x, y, radius(d.fatalities) * scale.ink),
            type_colour(d.event_type),
            0.8 * scale.ink,
        );
    }
    s.push_str("</g></svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_keeps_haiti_inside_the_map() {
        let g = konbit_domain::situation::gazetteer::haiti();
        let p = Projection::fit(g);
        let (a, b, c, d) = g.bbox();
        for (lon, lat) in [(a, b), (c, d), (a, d), (c, b)] {
            let (x, y) = p.xy(lon, lat);
            assert!((0.0..=WIDTH).contains(&x), "{x}");
            assert!((0.0..=p.height).contains(&y), "{y}");
        }
        // Wider than tall, as the country is.
        assert!(p.height < WIDTH);
    }

    fn dot(id: &str, t: EventType, lon: f64, lat: f64) -> Dot {
        Dot {
            event_id: id.into(),
            date: "2025-01-02".into(),
            event_type: t,
            lon,
            lat,
            fatalities: 4,
            title: "a <b>".into(),
        }
    }

    fn ids(svg: &str, attr: &str) -> Vec<String> {
        svg.split(&format!("{attr}=\""))
            .skip(1)
            .map(|c| c[..c.find('"').unwrap_or(0)].to_string())
            .collect()
    }

    #[test]
    fn every_mark_is_a_link_with_its_type_shape_and_date() {
        let g = konbit_domain::situation::gazetteer::haiti();
        let input = MapInput {
            dots: vec![dot("HTI1", EventType::Riots, -72.3, 18.5)],
            title: "Map".into(),
            ..MapInput::default()
        };
        let svg = situation_map(g, &input, "m", Scale::WIDE);
        assert!(svg.contains("<a href=\"/incidents/HTI1\"><title>a &lt;b&gt;</title>"));
        assert!(
            svg.contains(
                "data-type=\"riots\" data-shape=\"triangle-down\" data-date=\"2025-01-02\""
            )
        );
        assert_eq!(svg.matches("class=\"incident\"").count(), 1);
        // The touch area: 14 units at the wide scale.
        assert!(svg.contains("class=\"hit\" cx=") && svg.contains("r=\"20.0\" fill=\"#000\""));
        assert!(svg.contains("id=\"m\"") && svg.contains("aria-labelledby=\"m-title\""));
    }

    #[test]
    fn each_event_type_has_its_own_shape() {
        let shapes: std::collections::BTreeSet<&str> = EventType::ALL
            .iter()
            .map(|t| type_shape(*t).as_str())
            .collect();
        assert_eq!(shapes.len(), EventType::ALL.len());
        for t in EventType::ALL {
            let d = shape_path(type_shape(*t), 100.0, 100.0, 5.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
        }
    }

    #[test]
    fn marks_on_one_point_are_one_group_and_every_incident_stays_reachable() {
        let g = konbit_domain::situation::gazetteer::haiti();
        // Five on Port-au-Prince's point, two about 2 km away, one in Cap-Haïtien.
        let mut dots: Vec<Dot> = (0..5)
            .map(|i| dot(&format!("P{i}"), EventType::Battles, -72.33881, 18.54349))
            .collect();
        dots.push(dot("N1", EventType::Protests, -72.318, 18.545));
        dots.push(dot("N2", EventType::Protests, -72.36, 18.53));
        dots.push(dot("C1", EventType::Riots, -72.2, 19.76));
        let input = MapInput {
            dots,
            title: "Map".into(),
            list_href: "/incidents?type=battles".into(),
            group_title: "{n} incidents".into(),
            ..MapInput::default()
        };
        let svg = situation_map(g, &input, "m", Scale::WIDE);
        assert_eq!(ids(&svg, "data-count"), vec!["7"]);
        let mut reached: Vec<String> = ids(&svg, "data-id");
        for group in ids(&svg, "data-ids") {
            reached.extend(group.split(' ').map(String::from));
        }
        reached.sort();
        assert_eq!(reached, ["C1", "N1", "N2", "P0", "P1", "P2", "P3", "P4"]);
        // The group links to the list with its filters and the group's box.
        assert!(
            svg.contains("href=\"/incidents?type=battles&amp;bbox=-72.36001%2C18.52999%2C-72.31799%2C18.54501\""),
            "{svg}"
        );
        assert!(svg.contains("<title>7 incidents</title>"));
        // Zoomed into the capital, the two nearby ones come apart from the five.
        let pap = area(g, PORT_AU_PRINCE).expect("area");
        let zoomed = MapInput {
            window: Some(pap.window),
            ..input
        };
        let svg = situation_map(g, &zoomed, "m", Scale::WIDE);
        assert_eq!(ids(&svg, "data-count"), vec!["5"]);
        assert!(
            !svg.contains("\"C1\""),
            "Cap-Haïtien is outside the capital's window"
        );
        let (a, b) = (ids(&svg, "data-id"), ids(&svg, "data-ids"));
        assert_eq!(a, ["N1", "N2"]);
        assert_eq!(b, ["P0 P1 P2 P3 P4"]);
    }

    #[test]
    fn touch_areas_never_overlap() {
        let mut seed = 11u64;
        let mut rnd = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let points: Vec<(f64, f64)> = (0..3000).map(|_| (rnd() * 300.0, rnd() * 200.0)).collect();
        for scale in [Scale::WIDE, Scale::NARROW] {
            assert!(scale.hit * 2.0 <= scale.group_within);
            let groups = group(&points, scale.group_within);
            let mut seen: Vec<usize> = groups.iter().flatten().copied().collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..points.len()).collect::<Vec<_>>());
            let anchors: Vec<(f64, f64)> = groups.iter().map(|g| points[g[0]]).collect();
            for (i, a) in anchors.iter().enumerate() {
                for b in &anchors[i + 1..] {
                    let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    assert!(d > 2.0 * scale.hit, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn the_areas_fit_their_places_and_stay_in_the_country() {
        let g = konbit_domain::situation::gazetteer::haiti();
        let all = areas(g);
        assert_eq!(all.len(), 11);
        let (a, b, c, d) = g.bbox();
        for x in &all {
            let w = x.window;
            assert!(
                w.0 >= a - 1e-9 && w.1 >= b - 1e-9 && w.2 <= c + 1e-9 && w.3 <= d + 1e-9,
                "{x:?}"
            );
            assert!(w.2 - w.0 < c - a, "{}: narrower than the country", x.code);
        }
        for p in &g.places {
            if p.kind == konbit_domain::situation::gazetteer::PlaceKind::Commune {
                let w = area(g, &p.department).expect("department").window;
                assert!(inside(w, p.lon, p.lat), "{} in {}", p.name, p.department);
            }
        }
        assert_eq!(area(g, "ht-ar").map(|x| x.code), Some("HT-AR".into()));
        assert_eq!(area(g, "Grande Anse").map(|x| x.code), Some("HT-GA".into()));
        assert_eq!(
            area(g, "Port-au-Prince").map(|x| x.code),
            Some(PORT_AU_PRINCE.into())
        );
        assert!(area(g, "Atlantis").is_none());
        let pap = area(g, PORT_AU_PRINCE).expect("pap").window;
        assert!(pap.2 - pap.0 < 0.5, "{pap:?}");
    }

    #[test]
    fn statuses_have_tones() {
        assert_eq!(Tone::of(Some("open")), Tone::Good);
        assert_eq!(Tone::of(Some("dangerous")), Tone::Warn);
        assert_eq!(Tone::of(Some("held_by_armed_groups")), Tone::Bad);
        assert_eq!(Tone::of(Some("closed")), Tone::Closed);
        assert_eq!(Tone::of(None), Tone::Unknown);
        assert!(radius(100) > radius(1));
    }
}
