//! The search, filters, sort and pages of a long list page (the registers, the log, the
//! audit): reading each query parameter once, bounded, and answering a bad one with a 400 that
//! names it in the reader's language; matching typed words; and the links of numbered pages
//! that keep every filter. The filters are GET forms, so a list works without JavaScript and a
//! filtered page can be bookmarked.

use crate::shared::error::ApiError;
use crate::shared::page::{Ctx, enc};
use konbit_store::registers::Slice;
use std::str::FromStr;
use time::{Date, format_description::well_known::Iso8601};

/// The longest search text accepted, in characters.
pub(crate) const MAX_SEARCH: usize = 200;

/// Records per page unless `per` asks for another of [`PER_PAGE`].
pub(crate) const DEFAULT_PER: usize = 100;

/// The page sizes a list offers.
pub(crate) const PER_PAGE: [usize; 4] = [25, 50, 100, 200];

/// The furthest page asked for that is read (beyond any list the mission will keep).
const MAX_PAGE: usize = 100_000;

/// A bad query parameter: 400 `invalid_query`, naming it, in the reader's language (`why` is a
/// message id of `filter-why-*`).
pub(crate) fn bad(ctx: &Ctx, param: &str, why: &str) -> ApiError {
    let why = ctx.tr.t(&format!("filter-why-{why}"));
    ApiError::bad_request(
        "invalid_query",
        ctx.tr
            .fmt("filter-invalid", &[("param", &param), ("why", &why)]),
    )
}

/// A parameter's value, empty when absent.
fn raw<'a>(ctx: &'a Ctx, param: &str) -> &'a str {
    ctx.param(param).unwrap_or_default().trim()
}

/// The search text, as typed (at most [`MAX_SEARCH`] characters).
pub(crate) fn search(ctx: &Ctx, param: &str) -> Result<String, ApiError> {
    let q = raw(ctx, param);
    if q.chars().count() > MAX_SEARCH {
        return Err(bad(ctx, param, "too_long"));
    }
    if q.chars().any(char::is_control) {
        return Err(bad(ctx, param, "control"));
    }
    Ok(q.to_string())
}

/// Whether every word of `q` is in one of `fields` (case does not matter).
pub(crate) fn words_in(q: &str, fields: &[&str]) -> bool {
    if q.is_empty() {
        return true;
    }
    let text = fields.join("\u{1f}").to_lowercase();
    q.to_lowercase()
        .split_whitespace()
        .all(|w| text.contains(w))
}

/// A value of a closed list (`status=cleared`), `None` when absent or empty.
pub(crate) fn choice<T: FromStr>(ctx: &Ctx, param: &str) -> Result<Option<T>, ApiError> {
    match raw(ctx, param) {
        "" => Ok(None),
        v => v.parse().map(Some).map_err(|_| bad(ctx, param, "unknown")),
    }
}

/// One of `allowed`, the first when absent.
pub(crate) fn one_of(ctx: &Ctx, param: &str, allowed: &[&str]) -> Result<String, ApiError> {
    match raw(ctx, param) {
        "" => Ok(allowed.first().copied().unwrap_or_default().to_string()),
        v if allowed.contains(&v) => Ok(v.to_string()),
        _ => Err(bad(ctx, param, "unknown")),
    }
}

/// A contributor's ISO 3166-1 alpha-3 code, in capitals.
pub(crate) fn country(ctx: &Ctx, param: &str) -> Result<Option<String>, ApiError> {
    match raw(ctx, param) {
        "" => Ok(None),
        v if v.len() == 3 && v.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Some(v.to_ascii_uppercase()))
        }
        _ => Err(bad(ctx, param, "country")),
    }
}

/// A date (`2024-07-01`).
pub(crate) fn date(ctx: &Ctx, param: &str) -> Result<Option<Date>, ApiError> {
    match raw(ctx, param) {
        "" => Ok(None),
        v if v.len() == 10 => Date::parse(v, &Iso8601::DATE)
            .map(Some)
            .map_err(|_| bad(ctx, param, "date")),
        _ => Err(bad(ctx, param, "date")),
    }
}

/// A date range `from`–`to` (either may be open); `to` before `from` is refused.
pub(crate) fn dates(ctx: &Ctx) -> Result<(Option<Date>, Option<Date>), ApiError> {
    let from = date(ctx, "from")?;
    let to = date(ctx, "to")?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(bad(ctx, "to", "before_from"));
    }
    Ok((from, to))
}

/// Whether `d` is within the range (inclusive).
pub(crate) fn within(d: Date, (from, to): (Option<Date>, Option<Date>)) -> bool {
    from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t)
}

/// A sequence number of the log (≥ 1).
pub(crate) fn seq(ctx: &Ctx, param: &str) -> Result<Option<i64>, ApiError> {
    match raw(ctx, param) {
        "" => Ok(None),
        v => v
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 1)
            .map(Some)
            .ok_or_else(|| bad(ctx, param, "seq")),
    }
}

/// The page asked for (`page`, from 1) and its size (`per`).
pub(crate) struct Paging {
    pub(crate) page: usize,
    pub(crate) per: usize,
}

impl Paging {
    pub(crate) fn read(ctx: &Ctx) -> Result<Paging, ApiError> {
        let page = match raw(ctx, "page") {
            "" => 1,
            v => v
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_PAGE).contains(n))
                .ok_or_else(|| bad(ctx, "page", "page"))?,
        };
        let per = match raw(ctx, "per") {
            "" => DEFAULT_PER,
            v => v
                .parse::<usize>()
                .ok()
                .filter(|n| PER_PAGE.contains(n))
                .ok_or_else(|| bad(ctx, "per", "per"))?,
        };
        Ok(Paging { page, per })
    }

    /// The slice of the matching records this page shows.
    pub(crate) fn slice(&self) -> Slice {
        Slice {
            offset: (self.page - 1).saturating_mul(self.per),
            limit: self.per,
        }
    }
}

/// The links of a filtered list: numbered pages that keep every filter, how many match, and the
/// way back to the whole list.
pub(crate) struct Pages {
    /// "Showing 101–200 of 250".
    pub(crate) showing: String,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    /// The page shown and how many there are, for "page 2 of 3".
    pub(crate) at: String,
    /// The list without its filters (clocks and mission kept), when a filter is set.
    pub(crate) clear: Option<String>,
}

/// The parameters a filter form never clears: the clocks and the mission.
const KEPT: [&str; 3] = ["on", "as_of", "mission"];

/// This page's address with `param` set to `value` (or removed), the others kept.
pub(crate) fn with_param(ctx: &Ctx, param: &str, value: Option<&str>) -> String {
    let mut q: Vec<String> = ctx
        .query
        .iter()
        .filter(|(k, v)| k != param && !v.is_empty())
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    if let Some(v) = value {
        q.push(format!("{}={}", enc(param), enc(v)));
    }
    if q.is_empty() {
        ctx.bare_path.clone()
    } else {
        format!("{}?{}", ctx.bare_path, q.join("&"))
    }
}

/// Whether any parameter but the clocks, the mission and the pages (of this list or another on
/// the same page) is set.
pub(crate) fn filtered(ctx: &Ctx) -> bool {
    ctx.query.iter().any(|(k, v)| {
        !v.is_empty()
            && !KEPT.contains(&k.as_str())
            && !["page", "per"].contains(&k.as_str())
            && !k.ends_with("before")
    })
}

/// The list's address with only the clocks and the mission.
pub(crate) fn cleared(ctx: &Ctx) -> String {
    let q: Vec<String> = ctx
        .query
        .iter()
        .filter(|(k, v)| KEPT.contains(&k.as_str()) && !v.is_empty())
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    if q.is_empty() {
        ctx.bare_path.clone()
    } else {
        format!("{}?{}", ctx.bare_path, q.join("&"))
    }
}

/// The pages of a list of `total` matching records (`count_id`: the Fluent id that says how many
/// match, given `n`).
pub(crate) fn pages(ctx: &Ctx, p: &Paging, total: usize, count_id: &str) -> Pages {
    let tr = ctx.tr;
    let last = total.div_ceil(p.per).max(1);
    let first_shown = (p.page - 1) * p.per + 1;
    let last_shown = (p.page * p.per).min(total);
    let count = tr.fmt(count_id, &[("n", &total)]);
    let showing = if total > p.per && first_shown <= last_shown {
        tr.fmt(
            "filter-showing",
            &[
                ("count", &count),
                ("from", &first_shown),
                ("to", &last_shown),
            ],
        )
    } else {
        count
    };
    let page = |n: usize| {
        if n == 1 {
            with_param(ctx, "page", None)
        } else {
            with_param(ctx, "page", Some(&n.to_string()))
        }
    };
    Pages {
        showing,
        prev: (p.page > 1).then(|| page((p.page - 1).min(last))),
        next: (p.page < last).then(|| page(p.page + 1)),
        at: if last > 1 {
            tr.fmt("filter-page", &[("n", &p.page), ("of", &last)])
        } else {
            String::new()
        },
        clear: filtered(ctx).then(|| cleared(ctx)),
    }
}

/// One option of a filter's `<select>`.
pub(crate) struct Opt {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

/// The options of a select: "any" first, then each of `values` labelled by `label`.
pub(crate) fn options(
    ctx: &Ctx,
    current: &str,
    values: impl IntoIterator<Item = (String, String)>,
) -> Vec<Opt> {
    std::iter::once((String::new(), ctx.tr.t("filter-any")))
        .chain(values)
        .map(|(value, label)| Opt {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

/// The options of an order's select, labelled by `prefix-<sort>`.
pub(crate) fn sort_options(ctx: &Ctx, current: &str, sorts: &[&str], prefix: &str) -> Vec<Opt> {
    sorts
        .iter()
        .map(|s| Opt {
            value: (*s).to_string(),
            label: ctx.tr.label(prefix, s),
            selected: *s == current,
        })
        .collect()
}

/// The options of the page size's select.
pub(crate) fn per_options(ctx: &Ctx, per: usize) -> Vec<Opt> {
    PER_PAGE
        .iter()
        .map(|n| Opt {
            value: n.to_string(),
            label: ctx.tr.fmt("filter-per-n", &[("n", n)]),
            selected: *n == per,
        })
        .collect()
}

/// The search and filters every register list shares: words, a contributor, a date range, an
/// order (the status filter is each list's own).
pub(crate) struct ListFilter {
    pub(crate) q: String,
    pub(crate) country: Option<String>,
    pub(crate) dates: (Option<Date>, Option<Date>),
    pub(crate) sort: String,
}

impl ListFilter {
    /// Reads `q`, `country`, `from`, `to` and `sort` (one of `sorts`, the first by default).
    pub(crate) fn read(ctx: &Ctx, sorts: &[&str]) -> Result<ListFilter, ApiError> {
        Ok(ListFilter {
            q: search(ctx, "q")?,
            country: country(ctx, "country")?,
            dates: dates(ctx)?,
            sort: one_of(ctx, "sort", sorts)?,
        })
    }

    /// Whether a record of `country` dated `on` is kept by the contributor and the dates.
    pub(crate) fn keeps(&self, country: Option<&str>, on: Date) -> bool {
        self.country.as_deref().is_none_or(|c| Some(c) == country) && within(on, self.dates)
    }
}

/// The filter form of a register list, to show the filters again as asked.
pub(crate) struct FilterForm {
    pub(crate) action: String,
    pub(crate) q: String,
    pub(crate) countries: Vec<Opt>,
    pub(crate) status_label: String,
    pub(crate) statuses: Vec<Opt>,
    /// The label of the date range (arrested, occurred, opened…).
    pub(crate) dates_label: String,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) sorts: Vec<Opt>,
    pub(crate) pers: Vec<Opt>,
    pub(crate) hint: String,
}

impl FilterForm {
    /// The form of `f` (with the contributors `present` offered and the statuses given).
    #[expect(
        clippy::too_many_arguments,
        reason = "one call per list, each argument named"
    )]
    pub(crate) fn new(
        ctx: &Ctx,
        f: &ListFilter,
        present: std::collections::BTreeSet<String>,
        status_label: String,
        statuses: Vec<Opt>,
        dates_label: String,
        sorts: &[&str],
        paging: &Paging,
        hint: String,
    ) -> FilterForm {
        FilterForm {
            action: ctx.bare_path.clone(),
            q: f.q.clone(),
            countries: country_options(ctx, present, f.country.as_deref()),
            status_label,
            statuses,
            dates_label,
            from: f.dates.0.map(crate::shared::page::iso).unwrap_or_default(),
            to: f.dates.1.map(crate::shared::page::iso).unwrap_or_default(),
            sorts: sort_options(ctx, &f.sort, sorts, "filter-sort"),
            pers: per_options(ctx, paging.per),
            hint,
        }
    }
}

/// The contributors a list can be filtered by: those `present` in it (and the one asked for),
/// by name in the reader's language.
pub(crate) fn country_options(
    ctx: &Ctx,
    mut present: std::collections::BTreeSet<String>,
    current: Option<&str>,
) -> Vec<Opt> {
    if let Some(c) = current {
        present.insert(c.to_string());
    }
    let mut named: Vec<(String, String)> = present
        .into_iter()
        .map(|c| {
            let name = format!("{} ({c})", ctx.country(&c));
            (c, name)
        })
        .collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    options(ctx, current.unwrap_or_default(), named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_be_found_in_some_field() {
        assert!(words_in("", &["anything"]));
        assert!(words_in("ken fpu", &["KEN FPU 1", "police"]));
        assert!(words_in("fpu police", &["KEN FPU 1", "police"]));
        assert!(!words_in("fpu military", &["KEN FPU 1", "police"]));
        // Words do not run across two fields.
        assert!(!words_in("1police", &["KEN FPU 1", "police"]));
    }
}
