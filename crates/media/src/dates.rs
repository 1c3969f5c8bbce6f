//! Dates in articles: the publication date (a header, the dateline, or inferred from the weekday
//! and the events the text dates) and the date expressions in a sentence ("on October 2, 2023",
//! "last July", "on Tuesday", "去年7月", "l'an dernier"), resolved against the publication date
//! with a bias to the past: a bare "Tuesday" or "in June" is the last one before publication,
//! unless the clause says it will happen.

use std::sync::LazyLock;

use regex::Regex;
use time::{Date, Month, Weekday};

use crate::Document;

/// When an article was published, and how that is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The day, when a header or dateline gives it or the text pins it down.
    pub day: Option<Date>,
    /// When the day is not known: the latest day the text dates, which it was written after.
    pub after: Option<Date>,
    /// How the date is known, in words (written as `published_basis`).
    pub basis: String,
    /// The outlet a dateline names ("(HaitiWire)").
    pub outlet: Option<String>,
}

impl Published {
    /// The day as ISO 8601, or none.
    pub fn iso(&self) -> Option<String> {
        self.day.map(|d| d.to_string())
    }

    /// The day relative dates are resolved against: the publication day, else the latest day
    /// the text dates.
    pub fn reference(&self) -> Option<Date> {
        self.day.or(self.after)
    }
}

/// A resolved date, at the precision the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    Year(i32),
    Month(i32, Month),
    Day(Date),
}

impl When {
    /// ISO 8601 at its precision: `2024`, `2024-06`, `2024-06-25`.
    pub fn iso(&self) -> String {
        match self {
            When::Year(y) => format!("{y:04}"),
            When::Month(y, m) => format!("{y:04}-{:02}", *m as u8),
            When::Day(d) => d.to_string(),
        }
    }

    /// `year`, `month` or `day`.
    pub fn precision(&self) -> &'static str {
        match self {
            When::Year(_) => "year",
            When::Month(..) => "month",
            When::Day(_) => "day",
        }
    }

    /// The first day it covers.
    pub fn first_day(&self) -> Date {
        let (y, m, d) = match *self {
            When::Year(y) => (y, Month::January, 1),
            When::Month(y, m) => (y, m, 1),
            When::Day(d) => return d,
        };
        Date::from_calendar_date(y, m, d).unwrap_or(Date::MIN)
    }

    /// The same date at month precision (a day loses its day).
    pub fn to_month(self) -> When {
        match self {
            When::Day(d) => When::Month(d.year(), d.month()),
            other => other,
        }
    }
}

/// A date expression as written, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw {
    /// "October 2, 2023", "2 octobre 2023", "2023年10月2日".
    Full(Date),
    /// "July 2023", "juillet 2023", "2021年7月".
    MonthYear(i32, Month),
    /// "January 19", "19 janvier", "10月2日": the year from the reference.
    MonthDay(Month, u8),
    /// "in June", "last July", "early October", "3月".
    MonthOnly(Month, Rel),
    /// "去年7月": a month of a year given relative to the reference.
    MonthOfYear(i32, Month),
    /// "in 2023".
    Year(i32),
    /// "on Tuesday", "last Friday", "周二".
    Weekday(Weekday, Rel),
    /// "last year" (-1), "earlier this year" (0), "next year" (1).
    RelYear(i32),
    /// "last month" (-1), "this month" (0).
    RelMonth(i32),
    /// "this week", "last week": written at month precision (a week is no precision of the format).
    RelWeek(i32),
    /// "yesterday" (-1), "today" (0), "tomorrow" (1).
    RelDay(i64),
}

/// How a month or weekday is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Plain,
    Last,
    Next,
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    pub raw: Raw,
    /// Written as the start of a period ("since February 2024", "depuis", "自…以来").
    pub since: bool,
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    ("janvye", 1),
    ("fevriye", 2),
    ("avril", 4),
    ("jen", 6),
    ("jiyè", 7),
    ("jiye", 7),
    ("septanm", 9),
    ("oktòb", 10),
    ("oktob", 10),
    ("novanm", 11),
    ("desanm", 12),
];

/// Month names that are also common words ("may", "march"): a month only next to a number or
/// written with a capital.
const AMBIGUOUS: &[&str] = &[
    "may", "march", "mar", "jan", "jun", "jul", "aug", "dec", "oct", "nov", "sep", "jen", "ene",
    "abr", "ago", "dic", "avr", "juil",
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
    ("lundi", Weekday::Monday),
    ("mardi", Weekday::Tuesday),
    ("mercredi", Weekday::Wednesday),
    ("jeudi", Weekday::Thursday),
    ("vendredi", Weekday::Friday),
    ("samedi", Weekday::Saturday),
    ("dimanche", Weekday::Sunday),
    ("lunes", Weekday::Monday),
    ("martes", Weekday::Tuesday),
    ("miércoles", Weekday::Wednesday),
    ("miercoles", Weekday::Wednesday),
    ("jueves", Weekday::Thursday),
    ("viernes", Weekday::Friday),
    ("sábado", Weekday::Saturday),
    ("sabado", Weekday::Saturday),
    ("domingo", Weekday::Sunday),
    ("lendi", Weekday::Monday),
    ("madi", Weekday::Tuesday),
    ("mèkredi", Weekday::Wednesday),
    ("jedi", Weekday::Thursday),
    ("vandredi", Weekday::Friday),
    ("samdi", Weekday::Saturday),
    ("dimanch", Weekday::Sunday),
];

fn alternation(names: impl Iterator<Item = &'static str>) -> String {
    let mut names: Vec<&str> = names.collect();
    // Longest first, so "september" wins over "sep".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names.join("|")
}

fn month_of(name: &str) -> Option<Month> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let n = MONTHS.iter().find(|(m, _)| *m == lower)?.1;
    Month::try_from(n).ok()
}

fn weekday_of(name: &str) -> Option<Weekday> {
    let lower = name.to_lowercase();
    WEEKDAYS.iter().find(|(w, _)| *w == lower).map(|(_, d)| *d)
}

fn zh_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        [d] => digit(*d),
        _ => None,
    }
}

fn zh_weekday(c: &str) -> Option<Weekday> {
    Some(match c {
        "一" => Weekday::Monday,
        "二" => Weekday::Tuesday,
        "三" => Weekday::Wednesday,
        "四" => Weekday::Thursday,
        "五" => Weekday::Friday,
        "六" => Weekday::Saturday,
        "日" | "天" => Weekday::Sunday,
        _ => return None,
    })
}

/// Makes a date expression from a pattern's captures.
type Make = fn(&regex::Captures) -> Option<Raw>;

struct Patterns {
    /// Tried in order; a later match overlapping an earlier one is dropped.
    list: Vec<(Regex, Make)>,
}

fn cap<'a>(c: &'a regex::Captures, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str())
}

fn day_of(c: &regex::Captures) -> Option<u8> {
    cap(c, "d")?
        .trim_end_matches("er")
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
}

fn year_of(c: &regex::Captures) -> Option<i32> {
    cap(c, "y")?
        .parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

fn full(c: &regex::Captures) -> Option<Raw> {
    let m = month_of(cap(c, "m")?)?;
    Date::from_calendar_date(year_of(c)?, m, day_of(c)?)
        .ok()
        .map(Raw::Full)
}

fn month_year(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::MonthYear(year_of(c)?, month_of(cap(c, "m")?)?))
}

fn month_day(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::MonthDay(month_of(cap(c, "m")?)?, day_of(c)?))
}

fn rel_of(word: Option<&str>) -> Rel {
    match word.map(|w| w.to_lowercase()) {
        Some(w)
            if ["last", "past", "dernier", "passé", "pasado", "pase", "上"]
                .iter()
                .any(|x| w.contains(x)) =>
        {
            Rel::Last
        }
        Some(w)
            if [
                "next",
                "prochain",
                "próximo",
                "proximo",
                "que viene",
                "pwochen",
                "下",
            ]
            .iter()
            .any(|x| w.contains(x)) =>
        {
            Rel::Next
        }
        _ => Rel::Plain,
    }
}

fn month_only(c: &regex::Captures) -> Option<Raw> {
    let name = cap(c, "m")?;
    let lower = name.to_lowercase();
    if AMBIGUOUS.contains(&lower.trim_end_matches('.')) && !name.starts_with(char::is_uppercase) {
        return None;
    }
    Some(Raw::MonthOnly(month_of(name)?, rel_of(cap(c, "rel"))))
}

fn year_only(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::Year(year_of(c)?))
}

fn weekday(c: &regex::Captures) -> Option<Raw> {
    let w = weekday_of(cap(c, "w")?)?;
    let rel = rel_of(cap(c, "rel").or(cap(c, "rel2")));
    Some(Raw::Weekday(w, rel))
}

/// -1 for "last", 1 for "next", 0 for "this".
fn relative_offset(word: &str) -> i32 {
    match rel_of(Some(word)) {
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::Plain if ["去", "前"].iter().any(|x| word.starts_with(x)) => -1,
        Rel::Plain if word.starts_with('明') => 1,
        Rel::Plain => 0,
    }
}

fn rel_day(c: &regex::Captures) -> Option<Raw> {
    let w = cap(c, "rel")?.to_lowercase();
    Some(Raw::RelDay(match w.as_str() {
        "yesterday" | "hier" | "ayer" | "yè" | "昨天" | "昨日" => -1,
        "tomorrow" | "demain" | "demen" | "明天" => 1,
        _ => 0,
    }))
}

fn zh_full(c: &regex::Captures) -> Option<Raw> {
    let m = Month::try_from(zh_number(cap(c, "m")?)? as u8).ok()?;
    let d = zh_number(cap(c, "d")?)? as u8;
    Date::from_calendar_date(year_of(c)?, m, d)
        .ok()
        .map(Raw::Full)
}

fn zh_month_year(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::MonthYear(
        year_of(c)?,
        Month::try_from(zh_number(cap(c, "m")?)? as u8).ok()?,
    ))
}

fn zh_month_of_year(c: &regex::Captures) -> Option<Raw> {
    let off = relative_offset(cap(c, "rel")?);
    Some(Raw::MonthOfYear(
        off,
        Month::try_from(zh_number(cap(c, "m")?)? as u8).ok()?,
    ))
}

fn zh_month_day(c: &regex::Captures) -> Option<Raw> {
    let m = Month::try_from(zh_number(cap(c, "m")?)? as u8).ok()?;
    Some(Raw::MonthDay(m, zh_number(cap(c, "d")?)? as u8))
}

fn zh_month(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::MonthOnly(
        Month::try_from(zh_number(cap(c, "m")?)? as u8).ok()?,
        Rel::Plain,
    ))
}

fn zh_weekday_raw(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::Weekday(
        zh_weekday(cap(c, "w")?)?,
        rel_of(cap(c, "rel")),
    ))
}

fn zh_rel_year(c: &regex::Captures) -> Option<Raw> {
    Some(Raw::RelYear(relative_offset(cap(c, "rel")?)))
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let m = alternation(MONTHS.iter().map(|(n, _)| *n));
    let w = alternation(WEEKDAYS.iter().map(|(n, _)| *n));
    let zn = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
    let re = |p: String| crate::pattern(&p);
    let list: Vec<(Regex, Make)> = vec![
        (re(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b".into()), |c| {
            let m = Month::try_from(cap(c, "mo")?.parse::<u8>().ok()?).ok()?;
            Date::from_calendar_date(year_of(c)?, m, day_of(c)?).ok().map(Raw::Full)
        }),
        (re(format!(r"(?i)\b(?P<m>{m})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})\b")), full),
        (
            re(format!(r"(?i)\b(?P<d>\d{{1,2}}|1er)(?:st|nd|rd|th)? (?:de |of )?(?P<m>{m})\.?,? (?:de |del )?(?P<y>\d{{4}})\b")),
            full,
        ),
        (re(format!(r"(?i)\b(?P<m>{m})\.?,? (?:de |del )?(?P<y>\d{{4}})\b")), month_year),
        (re(format!(r"(?i)\b(?P<m>{m})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b")), month_day),
        (re(format!(r"(?i)\b(?P<d>\d{{1,2}}|1er)(?:st|nd|rd|th)? (?:de |of )?(?P<m>{m})\b")), month_day),
        (
            re(format!(
                r"(?i)\b(?P<rel>last|next|this|past|in|since|by|until|from|of|early|late|mid-?|end of|en|depuis|fin|début|debut|mi-|jusqu'en|d'ici|dès|desde|hasta|finales de|principios de|a fines de|nan|depi)\s+(?P<m>{m})\b(?:\s+(?P<rel2>dernier|passé|prochain|pasado|próximo|pase|pwochen))?"
            )),
            month_only,
        ),
        (
            re(r"(?i)\b(?:in|since|by|until|from|early|late|mid-?|en|depuis|dès|desde|hasta|nan|depi)\s+(?P<y>(?:19|20)\d{2})\b".into()),
            year_only,
        ),
        (
            re(format!(
                r"(?i)\b(?:(?P<rel>last|next|this|past|on|by|until|since|le|ce|el|este|pasado|próximo)\s+)?(?P<w>{w})\b(?:\s+(?P<rel2>dernier|passé|prochain|pasado|próximo|pase|pwochen))?"
            )),
            weekday,
        ),
        (
            re(r"(?i)\b(?:earlier |later |(?:at the |by the )?(?:start|beginning|end) of )?(?P<rel>last|this|next|past) year\b|\b(?:plus tôt |plus tard |(?:au |à la )?(?:début|fin) de )?(?P<rel_fr>cette année|l'an(?:née)? (?:dernier|dernière|passé|passée|prochain|prochaine))\b".into()),
            |c| {
                let w = cap(c, "rel").or(cap(c, "rel_fr"))?.to_lowercase();
                Some(Raw::RelYear(if w.starts_with("cette") { 0 } else { relative_offset(&w) }))
            },
        ),
        (
            re(r"(?i)\b(?P<rel>el año pasado|este año|el próximo año|el año que viene|ane pase|ane sa a|ane pwochen)\b".into()),
            |c| {
                let w = cap(c, "rel")?.to_lowercase();
                Some(Raw::RelYear(if w.starts_with("este") || w.ends_with("sa a") { 0 } else { relative_offset(&w) }))
            },
        ),
        (re(r"(?i)\b(?P<rel>last|this|next|past) month\b|\b(?P<rel_fr>le mois (?:dernier|prochain)|ce mois-ci)\b".into()), |c| {
            let w = cap(c, "rel").or(cap(c, "rel_fr"))?.to_lowercase();
            Some(Raw::RelMonth(if w.starts_with("ce ") { 0 } else { relative_offset(&w) }))
        }),
        (re(r"(?i)\b(?P<rel>last|this|next|past) week\b|\b(?P<rel_fr>la semaine (?:dernière|prochaine)|cette semaine|esta semana|la semana pasada)\b".into()), |c| {
            let w = cap(c, "rel").or(cap(c, "rel_fr"))?.to_lowercase();
            Some(Raw::RelWeek(if w.starts_with("cette") || w.starts_with("esta") { 0 } else { relative_offset(&w) }))
        }),
        (re(r"(?i)\b(?P<rel>yesterday|today|tomorrow|hier|aujourd'hui|demain|ayer|hoy|yè|jodi a)\b".into()), rel_day),
        (re(r"(?i)\b(?:by |at |before |until )?(?:the )?end of (?P<y>\d{4})\b|\bfin (?P<y2>\d{4})\b|\bfinales de (?P<y3>\d{4})\b".into()), |c| {
            let y: i32 = c.name("y").or(c.name("y2")).or(c.name("y3"))?.as_str().parse().ok()?;
            Some(Raw::MonthYear(y, Month::December))
        }),
        (re(r"(?i)\b(?:by |before |until |at )?the end of the month\b|\b(?:avant |à |d'ici )?la fin du mois\b|\b(?:antes de |a )?finales de mes\b|\bthis month\b|\bce mois-ci\b|\beste mes\b".into()), |_| Some(Raw::RelMonth(0))),
        (re(r"(?i)\b(?:over|during|at) the weekend\b|\blast weekend\b|\bthis weekend\b|\bce week-end\b|\ble week-end dernier\b".into()), |_| Some(Raw::RelWeek(0))),
        (re(r"(?i)\bChristmas Eve\b|\bla veille de Noël\b|\bNochebuena\b".into()), |_| Some(Raw::MonthDay(Month::December, 24))),
        (re(r"(?i)\bChristmas Day\b|\bjour de Noël\b".into()), |_| Some(Raw::MonthDay(Month::December, 25))),
        (re(format!(r"(?P<y>\d{{4}})年(?P<m>{zn})月(?P<d>{zn})[日号]")), zh_full),
        (re(format!(r"(?P<y>\d{{4}})年(?P<m>{zn})月")), zh_month_year),
        (re(format!(r"(?P<rel>去年|今年|明年|前年)(?P<m>{zn})月")), zh_month_of_year),
        (re(format!(r"(?P<m>{zn})月(?P<d>{zn})[日号]")), zh_month_day),
        (re(r"(?P<y>\d{4})年".into()), year_only),
        (re(format!(r"(?P<m>{zn})月(?:份)?")), zh_month),
        (re(r"(?P<rel>上|下|本|这)?(?:周|星期|礼拜|週|禮拜)(?P<w>[一二三四五六日天])".into()), zh_weekday_raw),
        (re(r"(?P<rel>去年|今年|明年|前年)".into()), zh_rel_year),
        (re(r"(?P<rel>上|本|这|這)(?:周|週|星期)".into()), |c| Some(Raw::RelWeek(relative_offset(cap(c, "rel")?)))),
        (re(r"(?P<rel>昨天|今天|明天|昨日|今日)".into()), rel_day),
    ];
    Patterns { list }
});

static SINCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern(r"(?i)(?:\bsince|\bdepuis|\bdesde|\bdepi|自|从)\b[^.;,，]{0,40}$")
});

/// Every date expression in `sentence`, in order, none overlapping.
pub fn mentions(sentence: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for (re, make) in &PATTERNS.list {
        for c in re.captures_iter(sentence) {
            let Some(whole) = c.get(0) else { continue };
            let (start, end) = (whole.start(), whole.end());
            if found.iter().any(|f| start < f.end && f.start < end) {
                continue;
            }
            let Some(raw) = make(&c) else { continue };
            let since = SINCE.is_match(&sentence[..start])
                || whole.as_str().to_lowercase().starts_with("since")
                || whole.as_str().to_lowercase().starts_with("depuis")
                || whole.as_str().to_lowercase().starts_with("desde")
                || whole.as_str().to_lowercase().starts_with("depi");
            found.push(Mention {
                start,
                end,
                raw,
                since,
            });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern(
        r"(?i)\b(?:will|shall|is to|are to|is expected to|are expected to|expected to|is set to|are set to|set to|is due to|are due to|due to (?:depart|arrive|expire|begin|start|vote)|scheduled|plans? to|planned|upcoming|as early as|va|vont|devrait|devraient|doit|doivent|prévu|prévue|sera|seront|arrivera|partira|se espera|prevé|será|serán|ap|pral)\b|将|預計|预计|计划|即将|拟|將",
    )
});

/// Whether a clause speaks of something still to happen.
pub fn is_future(clause: &str) -> bool {
    FUTURE.is_match(clause)
}

fn shift_month(year: i32, month: Month, by: i32) -> When {
    let index = year * 12 + (month as i32 - 1) + by;
    let m = Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    When::Month(index.div_euclid(12), m)
}

/// The day (month, day) in the year nearest the reference in the given direction, allowing
/// for 29 February.
fn month_day_near(reference: Date, month: Month, day: u8, future: bool) -> Option<Date> {
    let years: Vec<i32> = if future {
        (reference.year()..reference.year() + 8).collect()
    } else {
        (reference.year() - 8..=reference.year()).rev().collect()
    };
    years
        .into_iter()
        .filter_map(|y| Date::from_calendar_date(y, month, day).ok())
        .find(|d| {
            if future {
                *d >= reference
            } else {
                *d <= reference
            }
        })
}

/// Resolves an expression against a reference day. `exact` says whether the reference is the
/// publication day (a weekday or "yesterday" needs it) or only a bound. `future` is whether the
/// clause speaks of something still to happen.
pub fn resolve(raw: Raw, reference: Date, exact: bool, future: bool) -> Option<When> {
    let (ry, rm) = (reference.year(), reference.month());
    Some(match raw {
        Raw::Full(d) => When::Day(d),
        Raw::MonthYear(y, m) => When::Month(y, m),
        Raw::Year(y) => When::Year(y),
        Raw::MonthOfYear(off, m) => When::Month(ry + off, m),
        Raw::MonthDay(m, d) => When::Day(month_day_near(reference, m, d, future)?),
        Raw::MonthOnly(m, rel) => {
            let (mi, ri) = (m as i32, rm as i32);
            let year = match rel {
                Rel::Last => {
                    if mi < ri {
                        ry
                    } else {
                        ry - 1
                    }
                }
                Rel::Next => {
                    if mi > ri {
                        ry
                    } else {
                        ry + 1
                    }
                }
                Rel::Plain if future => {
                    if mi < ri {
                        ry + 1
                    } else {
                        ry
                    }
                }
                Rel::Plain => {
                    if mi > ri {
                        ry - 1
                    } else {
                        ry
                    }
                }
            };
            When::Month(year, m)
        }
        Raw::Weekday(w, rel) => {
            if !exact {
                return None;
            }
            let today = reference.weekday();
            let ahead = (w.number_days_from_monday() as i64
                - today.number_days_from_monday() as i64)
                .rem_euclid(7);
            let back = (today.number_days_from_monday() as i64
                - w.number_days_from_monday() as i64)
                .rem_euclid(7);
            let days = match rel {
                Rel::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Rel::Last => -(if back == 0 { 7 } else { back }),
                Rel::Plain if future => ahead,
                Rel::Plain => -back,
            };
            When::Day(reference.checked_add(time::Duration::days(days))?)
        }
        Raw::RelYear(off) => When::Year(ry + off),
        Raw::RelMonth(off) => shift_month(ry, rm, off),
        Raw::RelWeek(_) => When::Month(ry, rm),
        Raw::RelDay(off) => {
            if !exact {
                return None;
            }
            When::Day(reference.checked_add(time::Duration::days(off))?)
        }
    })
}

static DATELINE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let m = alternation(MONTHS.iter().map(|(n, _)| *n));
    let place = r"(?P<place>[\p{Lu}][\p{Lu}\p{M} .'’-]{2,}(?:,\s*[\p{Lu}][\p{L}\p{M} .'’-]+)?)";
    let outlet = r"(?:\s*\((?P<outlet>[^)]{2,40})\))?";
    let dash = r"\s*(?:[–—-]|\.-|:)";
    let re = |p: String| crate::pattern(&p);
    vec![
        re(format!(r"^{place},\s+(?P<m>(?i:{m}))\.?\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?{outlet}{dash}")),
        re(format!(r"^{place},\s+(?P<d>\d{{1,2}}|1er)\s+(?:de\s+)?(?P<m>(?i:{m}))\.?(?:\s+(?:de\s+)?(?P<y>\d{{4}}))?{outlet}{dash}")),
        re(r"^(?P<outlet>新华社|中新社|新華社)(?P<place>\p{Han}{1,8}?)(?:(?P<y>\d{4})年)?(?P<zm>\d{1,2})月(?P<d>\d{1,2})日电".to_string()),
    ]
});

/// A dateline at the head of the text: place, month and day, perhaps the year and the outlet.
struct Dateline {
    text: String,
    month: Month,
    day: u8,
    year: Option<i32>,
    outlet: Option<String>,
}

fn dateline(body: &str) -> Option<Dateline> {
    // Only the first lines: a dateline opens the story.
    for line in body.lines().take(4) {
        let line = line.trim();
        for re in DATELINE.iter() {
            let Some(c) = re.captures(line) else { continue };
            let month = match cap(&c, "m") {
                Some(name) => month_of(name),
                None => Month::try_from(cap(&c, "zm")?.parse::<u8>().ok()?).ok(),
            };
            let (Some(month), Some(day)) = (month, day_of(&c)) else {
                continue;
            };
            let text = c.get(0).map(|m| {
                m.as_str()
                    .trim_end_matches(['–', '—', '-', ':', '.', ' '])
                    .trim()
                    .to_string()
            })?;
            return Some(Dateline {
                text,
                month,
                day,
                year: year_of(&c),
                outlet: cap(&c, "outlet").map(str::to_string),
            });
        }
    }
    None
}

/// Where the dateline at the head of the text ends (claims are read after it).
pub fn dateline_end(body: &str) -> Option<usize> {
    let mut offset = 0;
    for line in body.split_inclusive('\n').take(4) {
        let lead = line.len() - line.trim_start().len();
        for re in DATELINE.iter() {
            if let Some(m) = re.find(line.trim()) {
                return Some(offset + lead + m.end());
            }
        }
        offset += line.len();
    }
    None
}

/// The clause of `text` (between commas, semicolons, colons and dashes) holding byte `at`.
pub fn clause(text: &str, at: usize) -> std::ops::Range<usize> {
    // A comma between digits groups thousands ("5,600"); it does not end a clause.
    let is_cut = |i: usize, c: char| {
        matches!(c, ',' | ';' | '，' | '；' | '–' | '—' | ':' | '：')
            && !(c == ','
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit())
                && text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_digit()))
    };
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(i, c)| is_cut(*i, *c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .char_indices()
        .find(|(i, c)| is_cut(at + i, *c))
        .map_or(text.len(), |(i, _)| at + i);
    start..end
}

/// The sentences' date mentions, with the clause each sits in, for inference.
fn all_mentions(body: &str) -> Vec<(Mention, bool)> {
    let mut out = Vec::new();
    for sentence in crate::text::split_sentences(body) {
        let text = &body[sentence.clone()];
        for m in mentions(text) {
            out.push((m, is_future(&text[clause(text, m.start)])));
        }
    }
    out
}

/// The publication date of a document: its header, else its dateline (the year inferred from
/// the weekday it names and the years it dates), else inferred from a weekday after the latest
/// event it dates, else a lower bound only.
pub fn publication(doc: &Document) -> Published {
    publication_before(doc, time::OffsetDateTime::now_utc().date())
}

/// The publication date of a document read on `today` (it cannot be later).
pub fn publication_before(doc: &Document, today: Date) -> Published {
    if let Some((day, basis)) = &doc.header_date {
        return Published {
            day: Some(*day),
            after: None,
            basis: basis.clone(),
            outlet: None,
        };
    }
    let found = all_mentions(&doc.body);
    let past: Vec<Raw> = found
        .iter()
        .filter(|(_, f)| !f)
        .map(|(m, _)| m.raw)
        .collect();
    let latest_year = found
        .iter()
        .filter_map(|(m, _)| match m.raw {
            Raw::Full(d) => Some(d.year()),
            Raw::MonthYear(y, _) | Raw::Year(y) => Some(y),
            _ => None,
        })
        .max();
    // Days and months the text places in the past: publication is not before them.
    let floor = past
        .iter()
        .filter_map(|r| match *r {
            Raw::Full(d) => Some(d),
            Raw::MonthYear(y, m) => Date::from_calendar_date(y, m, 1).ok(),
            _ => None,
        })
        .max();
    let weekdays: Vec<(Weekday, String)> = found
        .iter()
        .filter(|(m, f)| !f && matches!(m.raw, Raw::Weekday(_, Rel::Plain)))
        .filter_map(|(m, _)| match m.raw {
            Raw::Weekday(w, _) => Some((w, format!("{w}"))),
            _ => None,
        })
        .fold(Vec::new(), |mut seen: Vec<(Weekday, String)>, w| {
            if !seen.iter().any(|(d, _)| *d == w.0) {
                seen.push(w);
            }
            seen
        });

    if let Some(line) = dateline(&doc.body) {
        let outlet = line.outlet.clone();
        if let Some(y) = line.year
            && let Ok(day) = Date::from_calendar_date(y, line.month, line.day)
        {
            return Published {
                day: Some(day),
                after: None,
                basis: format!("dateline '{}'", line.text),
                outlet,
            };
        }
        // The year: one the events allow (not before the latest month the text places in the
        // past, not after today), scored by how far back the weekdays the story names fall from
        // the dateline (news is told within a day or two). With no year in the text, only the
        // last three years are considered: monitored articles are recent.
        let this_year = today.year();
        let years: Vec<i32> = match latest_year {
            Some(lo) => (lo..=(lo + 3).min(this_year.max(lo))).collect(),
            None => (this_year - 3..=this_year).collect(),
        };
        let candidates: Vec<Date> = years
            .into_iter()
            .filter_map(|y| Date::from_calendar_date(y, line.month, line.day).ok())
            .filter(|d| floor.is_none_or(|f| *d >= f) && *d <= today)
            .collect();
        let back = |d: &Date| -> i64 {
            weekdays
                .iter()
                .map(|(w, _)| {
                    (d.weekday().number_days_from_monday() as i64
                        - w.number_days_from_monday() as i64)
                        .rem_euclid(7)
                })
                .sum()
        };
        let chosen = if weekdays.is_empty() {
            latest_year.and_then(|_| candidates.first().copied())
        } else {
            // Ties go to the first year the events allow when the text names a year, else to the latest.
            let best = candidates.iter().map(back).min();
            let mut tied = candidates.iter().filter(|d| Some(back(d)) == best);
            if latest_year.is_some() {
                tied.next().copied()
            } else {
                tied.next_back().copied()
            }
        };
        let Some(day) = chosen else {
            return Published {
                day: None,
                after: floor,
                basis: format!(
                    "dateline '{}' with no year, and nothing in the text to infer it from",
                    line.text
                ),
                outlet,
            };
        };
        let named: Vec<&str> = weekdays.iter().map(|(_, n)| n.as_str()).collect();
        let how = match (named.is_empty(), latest_year) {
            (true, Some(lo)) => format!("the latest year the text names ({lo})"),
            (false, Some(lo)) => format!(
                "the weekday it names ({}) and the latest year it names ({lo})",
                named.join(", ")
            ),
            (false, None) => format!(
                "the weekday it names ({}), within the last three years",
                named.join(", ")
            ),
            (true, None) => String::new(),
        };
        return Published {
            day: Some(day),
            after: None,
            basis: format!(
                "dateline '{}' with no year; {} ({}) inferred from {how}",
                line.text,
                day.year(),
                day.weekday()
            ),
            outlet,
        };
    }

    // No header, no dateline: the latest day the text dates bounds the publication; a weekday
    // the story happens on ("formalized an agreement on Friday") then pins the day.
    let Some(lo) = latest_year else {
        return Published {
            day: None,
            after: None,
            basis: "no date in the text or its header".into(),
            outlet: None,
        };
    };
    let mut latest = floor;
    for r in &past {
        if let Raw::MonthDay(m, d) = *r {
            let day = (lo..=lo + 4)
                .filter_map(|y| Date::from_calendar_date(y, m, d).ok())
                .find(|day| floor.is_none_or(|f| *day >= f));
            if let Some(day) = day {
                latest = latest.max(Some(day));
            }
        }
    }
    let Some(latest) = latest else {
        return Published {
            day: None,
            after: None,
            basis: format!("no date in the text; the latest year it names is {lo}"),
            outlet: None,
        };
    };
    // A weekday pins the day only after an event the text dates to the day ("February 29");
    // after a month it could be any of four weeks.
    let day_dated = past.iter().any(|r| {
        matches!(r, Raw::Full(d) if Some(*d) == Some(latest)) || matches!(r, Raw::MonthDay(..))
    });
    if let Some((w, name)) = weekdays.first().filter(|_| day_dated) {
        let ahead = (w.number_days_from_monday() as i64
            - latest.weekday().number_days_from_monday() as i64)
            .rem_euclid(7);
        if let Some(day) = latest.checked_add(time::Duration::days(ahead)) {
            return Published {
                day: Some(day),
                after: None,
                basis: format!(
                    "no date in the text; inferred from the weekday ('{name}') after the latest date it names ({latest}): {} {day}",
                    day.weekday()
                ),
                outlet: None,
            };
        }
    }
    Published {
        day: None,
        after: Some(latest),
        basis: format!(
            "no date in the text; written on or after {latest}, the latest date it names"
        ),
        outlet: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn when(s: &str, reference: Date, future: bool) -> Vec<String> {
        mentions(s)
            .iter()
            .filter_map(|m| resolve(m.raw, reference, true, future))
            .map(|w| w.iso())
            .collect()
    }

    #[test]
    fn full_dates_in_four_languages() {
        let r = date!(2024 - 06 - 24);
        assert_eq!(
            when("adopted on October 2, 2023 by the Council", r, false),
            ["2023-10-02"]
        );
        assert_eq!(when("adoptée le 2 octobre 2023", r, false), ["2023-10-02"]);
        assert_eq!(when("el 2 de octubre de 2023", r, false), ["2023-10-02"]);
        assert_eq!(when("2023年10月2日通过", r, false), ["2023-10-02"]);
        assert_eq!(when("in July 2021", r, false), ["2021-07"]);
        assert_eq!(when("自2021年7月总统遇刺以来", r, false), ["2021-07"]);
    }

    #[test]
    fn relative_dates_lean_to_the_past_unless_the_clause_looks_ahead() {
        let monday = date!(2024 - 06 - 24);
        assert_eq!(
            when("the police left on Tuesday", monday, false),
            ["2024-06-18"]
        );
        assert_eq!(when("将于周二出发", monday, true), ["2024-06-25"]);
        assert_eq!(when("in March", monday, false), ["2024-03"]);
        assert_eq!(when("authorized last July", monday, false), ["2023-07"]);
        assert_eq!(when("去年7月被联合国授权", monday, false), ["2023-07"]);
        assert_eq!(when("earlier this year", monday, false), ["2024"]);
        assert_eq!(when("今年早些时候", monday, false), ["2024"]);
        assert_eq!(when("l'an dernier", monday, false), ["2023"]);
        let sept = date!(2024 - 09 - 21);
        assert_eq!(
            when("is due to expire in early October", sept, true),
            ["2024-10"]
        );
        assert_eq!(when("in early October", sept, false), ["2023-10"]);
        assert_eq!(when("warned this week", sept, false), ["2024-09"]);
        let jan = date!(2025 - 01 - 26);
        assert_eq!(
            when("On January 19, 200 officers arrived", jan, false),
            ["2025-01-19"]
        );
        assert_eq!(when("began patrolling in June", jan, false), ["2024-06"]);
    }

    #[test]
    fn may_and_march_as_words_are_not_months() {
        assert!(mentions("the mission may march on").is_empty());
        assert_eq!(mentions("in May 2024").len(), 1);
    }

    #[test]
    fn since_starts_a_period() {
        let m = mentions("Since February 2024, a surge in violence");
        assert!(m[0].since);
        assert!(mentions("depuis février 2024")[0].since);
    }

    fn doc(body: &str) -> Document {
        Document {
            name: "t".into(),
            title: None,
            outlet: None,
            url: None,
            language: "en".into(),
            header_date: None,
            body: body.into(),
            summary: None,
        }
    }

    #[test]
    fn the_dateline_year_is_inferred_from_the_weekday_and_the_events() {
        let p = publication(&doc(
            "PORT-AU-PRINCE, Sept 21 (HaitiWire) – The president announced on Saturday the deployment. It was approved in October 2023.",
        ));
        assert_eq!(p.day, Some(date!(2024 - 09 - 21)), "{}", p.basis);
        assert_eq!(p.outlet.as_deref(), Some("HaitiWire"));
        let p = publication(&doc(
            "NAIROBI, Kenya, Jan 26 – He said on Sunday. A surge since February 2024.",
        ));
        assert_eq!(p.day, Some(date!(2025 - 01 - 26)), "{}", p.basis);
    }

    #[test]
    fn without_a_dateline_a_weekday_after_the_latest_event_pins_the_day() {
        let p = publication(&doc(
            "They signed an agreement on Friday. Parliament approved it on November 16, 2023. Clashes occurred on February 29.",
        ));
        assert_eq!(p.day, Some(date!(2024 - 03 - 01)), "{}", p.basis);
        let p = publication(&doc("The deal, signed on September 25, 2023, is recent."));
        assert_eq!((p.day, p.after), (None, Some(date!(2023 - 09 - 25))));
    }
}
