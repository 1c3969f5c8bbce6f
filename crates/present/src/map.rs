//! The situation map drawn on the server as SVG: Haiti's outline from the gazetteer, the
//! department capitals, key sites and route segments coloured by their status, and incidents as
//! circles coloured by ACLED event type with an area that grows with the dead.
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
        let (min_lon, min_lat, max_lon, max_lat) = g.bbox();
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
    (3.0 + 1.8 * (fatalities.max(0) as f64).sqrt()).min(24.0)
}

/// Escapes text for SVG content and attribute values.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
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

/// The map as an `<svg>` element. Every incident is an `<a>` to its page around a
/// `<circle class="incident" data-type data-date data-id>` with a `<title>`.
pub fn situation_map(g: &Gazetteer, input: &MapInput) -> String {
    let p = Projection::fit(g);
    let h = p.height.ceil();
    let mut s = String::with_capacity(256 + input.dots.len() * 260);
    // A group, not an image: the map holds links to its incidents, and an image may hold
    // nothing a reader can act on (assistive technology would not reach them).
    let _ = write!(
        s,
        "<svg id=\"situation-map\" class=\"situation-map\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {WIDTH} {h}\" role=\"group\" aria-labelledby=\"situation-map-title\" \
         data-incidents=\"{}\"><title id=\"situation-map-title\">{}</title>",
        input.dots.len(),
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
            "<path d=\"{d}\" fill=\"#f7f6f0\" stroke=\"#8a939e\" stroke-width=\"1\" \
             stroke-linejoin=\"round\"/>"
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
             fill=\"none\" stroke=\"{}\" stroke-width=\"3.5\" stroke-linecap=\"round\" \
             stroke-linejoin=\"round\" stroke-opacity=\"0.85\"><title>{}</title></polyline>",
            esc(&f.code),
            tone.as_str(),
            pts.join(" "),
            tone.colour(),
            esc(&f.title)
        );
    }
    s.push_str("</g>");
    // Department capitals, lightly.
    s.push_str("<g class=\"capitals\">");
    for (name, lon, lat) in capitals(g) {
        let (x, y) = p.xy(lon, lat);
        let _ = write!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\" fill=\"#6b7280\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#6b7280\" \
             stroke=\"#f7f6f0\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
            x + 5.0,
            y - 5.0,
            esc(&name)
        );
    }
    s.push_str("</g>");
    // Incidents.
    s.push_str("<g class=\"incidents\">");
    for d in &input.dots {
        let (x, y) = p.xy(d.lon, d.lat);
        let id = esc(&d.event_id);
        let _ = write!(
            s,
            "<a href=\"/incidents/{id}{}\"><circle class=\"incident\" data-id=\"{id}\" \
             data-type=\"{}\" data-date=\"{}\" data-fatalities=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" \
             r=\"{:.1}\" fill=\"{}\" fill-opacity=\"0.72\" stroke=\"#ffffff\" \
             stroke-width=\"0.8\"><title>{}</title></circle></a>",
            esc(&input.link_suffix),
            d.event_type.as_str(),
            esc(&d.date),
            d.fatalities,
            radius(d.fatalities),
            type_colour(d.event_type),
            esc(&d.title)
        );
    }
    s.push_str("</g>");
    // Sites, on top so they stay visible.
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
             width=\"8\" height=\"8\" fill=\"{}\" stroke=\"#1f2933\" stroke-width=\"1\">\
             <title>{}</title></rect>",
            esc(&f.code),
            tone.as_str(),
            x - 4.0,
            y - 4.0,
            tone.colour(),
            esc(&f.title)
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

    #[test]
    fn every_circle_is_a_link_with_its_type_and_date() {
        let g = konbit_domain::situation::gazetteer::haiti();
        let input = MapInput {
            dots: vec![Dot {
                event_id: "HTI1".into(),
                date: "2025-01-02".into(),
                event_type: EventType::Riots,
                lon: -72.3,
                lat: 18.5,
                fatalities: 4,
                title: "a <b>".into(),
            }],
            title: "Map".into(),
            ..MapInput::default()
        };
        let svg = situation_map(g, &input);
        assert!(svg.contains("<a href=\"/incidents/HTI1\"><circle class=\"incident\""));
        assert!(svg.contains("data-type=\"riots\" data-date=\"2025-01-02\""));
        assert!(svg.contains("<title>a &lt;b&gt;</title>"));
        assert_eq!(svg.matches("class=\"incident\"").count(), 1);
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
