//! SVG charts generated on the server, so they render the same in a browser, a printed report
//! and a test: today the mission's strength over time (authorized ceiling, pledged, deployed).
//!
//! Colours are SVG presentation attributes rather than CSS so the SVG stays correct when
//! copied out of the page; text styling comes from the page's stylesheet.

use crate::i18n::Tr;
use konbit_domain::force::StrengthPoint;
use std::fmt::Write as _;
use time::{Date, Month};

const W: f64 = 720.0;
const H: f64 = 380.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 36.0;
/// Half the width of a time-axis label (`2025-10` at 14 px), in user units.
const EDGE: f64 = 30.0;

const CEILING: &str = "#6b7280";
const PLEDGED: &str = "#d97706";
const DEPLOYED: &str = "#1d4ed8";
const DEPLOYED_FILL: &str = "#2563eb";
const GRID: &str = "#e5e7eb";
const AXIS: &str = "#9ca3af";
const TEXT: &str = "#374151";

/// Escapes text for SVG content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A round step for about `parts` gridlines up to `max` (1, 2 or 5 times a power of ten).
pub fn nice_step(max: i64, parts: i64) -> i64 {
    let raw = (max.max(1) as f64) / (parts.max(1) as f64);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    ((nice * mag).round() as i64).max(1)
}

/// Tick dates and their labels between `from` and `to`: 1 January of each year when the span
/// is long, month starts (every month or quarter) when it is short.
fn ticks(from: Date, to: Date) -> Vec<(Date, String)> {
    let span = (to - from).whole_days();
    let mut out = Vec::new();
    if span > 550 {
        for y in from.year()..=to.year() {
            if let Ok(d) = Date::from_calendar_date(y, Month::January, 1)
                && d >= from
                && d <= to
            {
                out.push((d, y.to_string()));
            }
        }
    } else {
        let every = if span > 200 { 3 } else { 1 };
        let (mut y, mut m) = (from.year(), u8::from(from.month()));
        while let Ok(month) = Month::try_from(m)
            && let Ok(d) = Date::from_calendar_date(y, month, 1)
            && d <= to
        {
            if d >= from && (m - 1).is_multiple_of(every) {
                out.push((d, format!("{y}-{m:02}")));
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    out
}

/// The strength chart: authorized ceiling (grey, dashed), pledged (amber) and deployed (blue
/// area) as step lines, since each figure holds until the next change. The last values are on
/// the `<svg>` as `data-deployed`, `data-pledged` and `data-ceiling` for tests and scripts.
pub fn strength_chart(points: &[StrengthPoint], tr: &Tr) -> String {
    let title = tr.t("chart-title");
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return format!(
            "<svg id=\"strength-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} 80\" \
             role=\"img\" aria-labelledby=\"strength-chart-title\" data-points=\"0\" data-deployed=\"0\" \
             data-pledged=\"0\" data-ceiling=\"\"><title id=\"strength-chart-title\">{}</title>\
             <text x=\"{}\" y=\"44\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text></svg>",
            esc(&title),
            W / 2.0,
            esc(&tr.t("chart-empty"))
        );
    };
    let d0 = first.date;
    let d1 = last.date;
    let span = (d1 - d0).whole_days().max(1) as f64;
    let pw = W - LEFT - RIGHT;
    let ph = H - TOP - BOTTOM;
    let base = TOP + ph;

    let max = points
        .iter()
        .map(|p| {
            p.deployed
                .total()
                .max(p.pledged.total())
                .max(p.ceiling.unwrap_or(0))
        })
        .max()
        .unwrap_or(0)
        .max(10);
    let step = nice_step(max, 4);
    let ymax = (max + step - 1) / step * step;

    let x = |d: Date| LEFT + ((d - d0).whole_days() as f64) / span * pw;
    let y = |v: i64| base - (v as f64) / (ymax as f64) * ph;
    let xe = x(d1);

    let last_deployed = last.deployed.total();
    let last_pledged = last.pledged.total();
    let last_ceiling = last.ceiling.map(|c| c.to_string()).unwrap_or_default();
    // The message takes its values as Fluent arguments (`tr.t` of a message that wants them
    // gives its id, not a sentence).
    let ceiling = last.ceiling.map_or_else(|| "—".to_string(), |c| tr.num(c));
    let desc = tr.fmt(
        "chart-desc",
        &[
            ("date", &iso(d1)),
            ("deployed", &tr.num(last_deployed)),
            ("pledged", &tr.num(last_pledged)),
            ("ceiling", &ceiling),
        ],
    );

    let mut s = String::with_capacity(8192);
    let _ = write!(
        s,
        "<svg id=\"strength-chart\" class=\"strength-chart\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"strength-chart-title strength-chart-desc\" \
         data-points=\"{}\" data-from=\"{}\" data-to=\"{}\" data-deployed=\"{last_deployed}\" \
         data-pledged=\"{last_pledged}\" data-ceiling=\"{last_ceiling}\">",
        points.len(),
        iso(d0),
        iso(d1),
    );
    let _ = write!(
        s,
        "<title id=\"strength-chart-title\">{}</title><desc id=\"strength-chart-desc\">{}</desc>",
        esc(&title),
        esc(&desc)
    );

    // Gridlines with labels.
    s.push_str("<g class=\"grid\">");
    let mut v = 0;
    while v <= ymax {
        let yy = y(v);
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"14\" fill=\"{TEXT}\">{}</text>",
            LEFT + pw,
            LEFT - 8.0,
            yy + 4.0,
            esc(&tr.num(v))
        );
        v += step;
    }
    s.push_str("</g>");

    // Time axis.
    let _ = write!(
        s,
        "<g class=\"axis\"><line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{base:.1}\" y2=\"{base:.1}\" stroke=\"{AXIS}\"/>",
        LEFT + pw
    );
    for (d, label) in ticks(d0, d1) {
        let xx = x(d);
        // A label on the plot's edge would straddle the value labels or leave the picture:
        // it is set inside the plot instead of centred on its tick.
        let anchor = if xx - LEFT < EDGE {
            "start"
        } else if LEFT + pw - xx < EDGE {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            "<line x1=\"{xx:.1}\" x2=\"{xx:.1}\" y1=\"{base:.1}\" y2=\"{:.1}\" stroke=\"{AXIS}\"/>\
             <text x=\"{xx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"14\" fill=\"{TEXT}\">{}</text>",
            base + 6.0,
            base + 20.0,
            esc(&label)
        );
    }
    s.push_str("</g>");

    // Deployed: a filled step area with its outline.
    let mut area = format!("M{:.1},{base:.1}", x(d0));
    let mut line = String::new();
    for (i, p) in points.iter().enumerate() {
        let (xx, yy) = (x(p.date), y(p.deployed.total()));
        if i == 0 {
            let _ = write!(area, " V{yy:.1}");
            let _ = write!(line, "M{xx:.1},{yy:.1}");
        } else {
            let _ = write!(area, " H{xx:.1} V{yy:.1}");
            let _ = write!(line, " H{xx:.1} V{yy:.1}");
        }
    }
    let _ = write!(area, " H{xe:.1} V{base:.1} Z");
    let _ = write!(line, " H{xe:.1}");
    let _ = write!(
        s,
        "<path class=\"series-deployed-area\" d=\"{area}\" fill=\"{DEPLOYED_FILL}\" fill-opacity=\"0.22\" stroke=\"none\"/>\
         <path class=\"series-deployed\" d=\"{line}\" fill=\"none\" stroke=\"{DEPLOYED}\" stroke-width=\"2\"/>"
    );

    // Pledged: a step line.
    let mut pl = String::new();
    for (i, p) in points.iter().enumerate() {
        let (xx, yy) = (x(p.date), y(p.pledged.total()));
        if i == 0 {
            let _ = write!(pl, "M{xx:.1},{yy:.1}");
        } else {
            let _ = write!(pl, " H{xx:.1} V{yy:.1}");
        }
    }
    let _ = write!(pl, " H{xe:.1}");
    let _ = write!(
        s,
        "<path class=\"series-pledged\" d=\"{pl}\" fill=\"none\" stroke=\"{PLEDGED}\" stroke-width=\"2\"/>"
    );

    // Ceiling: dashed step line, broken where no mandate sets one.
    let mut cl = String::new();
    let mut down = false;
    for p in points {
        let xx = x(p.date);
        match p.ceiling {
            Some(c) if down => {
                let _ = write!(cl, " H{xx:.1} V{:.1}", y(c));
            }
            Some(c) => {
                let _ = write!(
                    cl,
                    "{}M{xx:.1},{:.1}",
                    if cl.is_empty() { "" } else { " " },
                    y(c)
                );
                down = true;
            }
            None if down => {
                let _ = write!(cl, " H{xx:.1}");
                down = false;
            }
            None => {}
        }
    }
    if down {
        let _ = write!(cl, " H{xe:.1}");
    }
    if !cl.is_empty() {
        let _ = write!(
            s,
            "<path class=\"series-ceiling\" d=\"{cl}\" fill=\"none\" stroke=\"{CEILING}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        );
    }

    // Legend, above the plot.
    s.push_str("<g class=\"legend\" font-size=\"15\">");
    let items = [
        (tr.t("chart-ceiling"), CEILING, "6 4", false),
        (tr.t("chart-pledged"), PLEDGED, "", false),
        (tr.t("chart-deployed"), DEPLOYED, "", true),
    ];
    let mut lx = LEFT;
    for (label, colour, dash, area) in items {
        if area {
            let _ = write!(
                s,
                "<rect x=\"{lx:.1}\" y=\"12\" width=\"22\" height=\"12\" fill=\"{DEPLOYED_FILL}\" fill-opacity=\"0.22\" stroke=\"{colour}\" stroke-width=\"2\"/>"
            );
        } else {
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(" stroke-dasharray=\"{dash}\"")
            };
            let _ = write!(
                s,
                "<line x1=\"{lx:.1}\" x2=\"{:.1}\" y1=\"18\" y2=\"18\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
                lx + 22.0
            );
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"22\" fill=\"{TEXT}\">{}</text>",
            lx + 28.0,
            esc(&label)
        );
        lx += 28.0 + 8.5 * label.chars().count() as f64 + 24.0;
    }
    s.push_str("</g></svg>");
    s
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use konbit_domain::force::Personnel;
    use time::macros::date;

    fn point(d: Date, deployed: i64, pledged: i64, ceiling: Option<i64>) -> StrengthPoint {
        StrengthPoint {
            date: d,
            deployed: Personnel {
                police: deployed,
                military: 0,
                civilian: 0,
            },
            pledged: Personnel {
                police: pledged,
                military: 0,
                civilian: 0,
            },
            ceiling,
        }
    }

    fn series() -> Vec<StrengthPoint> {
        vec![
            point(date!(2023 - 10 - 02), 0, 0, None),
            point(date!(2024 - 03 - 01), 0, 1000, None),
            point(date!(2024 - 06 - 25), 400, 2500, Some(2500)),
            point(date!(2025 - 09 - 30), 991, 2600, Some(5550)),
        ]
    }

    fn path<'a>(svg: &'a str, class: &str) -> &'a str {
        let start = svg
            .find(&format!("class=\"{class}\" d=\""))
            .expect("series present");
        let rest = &svg[start + class.len() + 12..];
        &rest[..rest.find('"').expect("closing quote")]
    }

    #[test]
    fn data_attributes_hold_the_last_values() {
        let svg = strength_chart(&series(), &Tr::en());
        assert!(svg.starts_with("<svg id=\"strength-chart\""));
        assert!(svg.contains("data-points=\"4\""));
        assert!(svg.contains("data-deployed=\"991\""));
        assert!(svg.contains("data-pledged=\"2600\""));
        assert!(svg.contains("data-ceiling=\"5550\""));
        assert!(svg.contains("<title id=\"strength-chart-title\">"));
        assert!(svg.ends_with("</svg>"));
        // The description is a sentence with the values, in the reader's language.
        assert!(
            svg.contains("991 deployed, 2,600 pledged, ceiling 5,550."),
            "{svg}"
        );
        let fr = strength_chart(&series(), &Tr::fr());
        assert!(!fr.contains(">chart-desc<"));
        assert!(fr.contains("2\u{202f}600"), "{fr}");
    }

    #[test]
    fn step_lines_have_one_step_per_point() {
        let svg = strength_chart(&series(), &Tr::en());
        // First point is a move; each later point a horizontal then a vertical segment; then a
        // closing horizontal to the last date.
        let deployed = path(&svg, "series-deployed");
        assert_eq!(deployed.matches('M').count(), 1);
        assert_eq!(deployed.matches('V').count(), 3);
        assert_eq!(deployed.matches('H').count(), 4);
        let pledged = path(&svg, "series-pledged");
        assert_eq!(pledged.matches('V').count(), 3);
        // The ceiling starts with the first mandate that sets one.
        let ceiling = path(&svg, "series-ceiling");
        assert_eq!(ceiling.matches('M').count(), 1);
        assert_eq!(ceiling.matches('V').count(), 1);
        assert!(svg.contains("stroke-dasharray=\"6 4\""));
        // The area closes on the baseline.
        assert!(path(&svg, "series-deployed-area").ends_with('Z'));
    }

    #[test]
    fn year_ticks_are_labelled() {
        let svg = strength_chart(&series(), &Tr::en());
        assert!(svg.contains(">2024</text>"));
        assert!(svg.contains(">2025</text>"));
    }

    #[test]
    fn short_spans_get_month_ticks() {
        let t = ticks(date!(2024 - 06 - 10), date!(2024 - 09 - 15));
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, vec!["2024-07", "2024-08", "2024-09"]);
    }

    #[test]
    fn gridline_steps_are_round() {
        assert_eq!(nice_step(5550, 4), 2000);
        assert_eq!(nice_step(991, 4), 500);
        assert_eq!(nice_step(10, 4), 5);
    }

    #[test]
    fn empty_series_still_renders() {
        let svg = strength_chart(&[], &Tr::fr());
        assert!(svg.contains("data-points=\"0\""));
        assert!(svg.contains("<title"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
