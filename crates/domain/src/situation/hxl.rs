//! HXL, the Humanitarian Exchange Language (hxlstandard.org), as Konbit reads it: a column's
//! hashtag spec (`#adm1+code`), tag patterns that select columns the way HXL tools do
//! (`#group+name-assoc`: the `#group` hashtag, with `+name`, without `+assoc`), and the test for
//! a hashtag row, which HDX's files carry under their header or as their only header — and
//! indicator tables in HXL (IOM's displacement figures, OCHA's people in need) read into
//! observations.

use super::table::{FileError, Lines, Rejected, parse_date};
use super::{Indicator, Observation, Qualifier, SituationCommand, gazetteer};
use crate::{Named, ValidationErrors};
use std::io::Read;

/// A column's hashtag spec: the hashtag and its attributes, lower-cased (HXL is
/// case-insensitive), attributes in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// `#adm1`.
    pub hashtag: String,
    /// `code`, `pcode`, … without their `+`.
    pub attributes: Vec<String>,
}

/// Whether `s` is an HXL name: a letter, then letters, digits or underscores.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Tag {
    /// Parses `#hashtag+attribute+…`; HXL allows spaces before each `+`. `None` if `s` is not
    /// a hashtag spec.
    pub fn parse(s: &str) -> Option<Tag> {
        let s = s.trim().strip_prefix('#')?;
        let mut parts = s.split('+');
        let hashtag = parts.next()?.trim_end();
        if !is_name(hashtag) {
            return None;
        }
        let mut attributes = Vec::new();
        for a in parts {
            let a = a.trim();
            if !is_name(a) {
                return None;
            }
            attributes.push(a.to_ascii_lowercase());
        }
        Some(Tag {
            hashtag: format!("#{}", hashtag.to_ascii_lowercase()),
            attributes,
        })
    }

    /// Whether the tag carries this attribute.
    pub fn has(&self, attribute: &str) -> bool {
        self.attributes.iter().any(|a| a == attribute)
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hashtag)?;
        for a in &self.attributes {
            write!(f, "+{a}")?;
        }
        Ok(())
    }
}

/// A tag pattern as HXL tools write them: `#hashtag`, then `+attribute` for each attribute a
/// column must have and `-attribute` for each it must not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    hashtag: String,
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Pattern {
    /// Parses a pattern; `None` if it is not one.
    pub fn parse(s: &str) -> Option<Pattern> {
        let s = s.trim().strip_prefix('#')?;
        let end = s.find(['+', '-']).unwrap_or(s.len());
        let hashtag = &s[..end];
        if !is_name(hashtag) {
            return None;
        }
        let (mut include, mut exclude) = (Vec::new(), Vec::new());
        let mut rest = &s[end..];
        while let Some(sign) = rest.chars().next() {
            let body = &rest[1..];
            let next = body.find(['+', '-']).unwrap_or(body.len());
            let name = &body[..next];
            if !is_name(name) {
                return None;
            }
            let name = name.to_ascii_lowercase();
            if sign == '+' {
                include.push(name);
            } else {
                exclude.push(name);
            }
            rest = &body[next..];
        }
        Some(Pattern {
            hashtag: format!("#{}", hashtag.to_ascii_lowercase()),
            include,
            exclude,
        })
    }

    /// Whether a column's tag matches.
    pub fn matches(&self, tag: &Tag) -> bool {
        tag.hashtag == self.hashtag
            && self.include.iter().all(|a| tag.has(a))
            && !self.exclude.iter().any(|a| tag.has(a))
    }
}

impl std::fmt::Display for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hashtag)?;
        for a in &self.include {
            write!(f, "+{a}")?;
        }
        for a in &self.exclude {
            write!(f, "-{a}")?;
        }
        Ok(())
    }
}

/// Whether a row is a hashtag row: every non-empty cell a hashtag spec, and at least one.
/// (libhxl takes a row as hashtags when half its cells are; Konbit asks for all, so that a data
/// row whose first cell happens to start with `#` is not taken for one.)
pub fn is_hashtag_row<'a>(cells: impl IntoIterator<Item = &'a [u8]>) -> bool {
    let mut tags = 0;
    for cell in cells {
        let cell = cell.trim_ascii();
        if cell.is_empty() {
            continue;
        }
        match std::str::from_utf8(cell).ok().and_then(Tag::parse) {
            Some(_) => tags += 1,
            None => return false,
        }
    }
    tags > 0
}

/// The tags of a hashtag row, one per cell (`None` for an untagged column).
fn tags_of<'a>(cells: impl IntoIterator<Item = &'a [u8]>) -> Vec<Option<Tag>> {
    cells
        .into_iter()
        .map(|c| std::str::from_utf8(c).ok().and_then(Tag::parse))
        .collect()
}

/// Most data rows an indicator table may have: its observations are checked all together and
/// recorded in one batch, so they are held in memory. IOM's and OCHA's tables have hundreds to a
/// few thousand rows.
pub const MAX_INDICATOR_ROWS: usize = 100_000;

/// One figure read from an indicator table.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Line of its row, from 1.
    pub line: u64,
    /// The observation it records.
    pub observation: Observation,
}

/// What an indicator table holds: its figures, its bad rows, and the columns it carries that
/// Konbit does not keep.
#[derive(Debug, Clone, Default)]
pub struct IndicatorTable {
    /// Every figure of the good rows.
    pub figures: Vec<Figure>,
    /// Bad rows, each with its problems (named by the file's hashtags).
    pub rejected: Vec<Rejected>,
    /// Data rows read.
    pub rows: u64,
    /// Tagged columns that hold no indicator Konbit keeps, with why.
    pub ignored: Vec<String>,
    /// The hashtag row, for a rejects file's header.
    pub header: Vec<String>,
    /// Rows of another country than Haiti (by `#country+code`), passed over: a global table
    /// (IOM's, OCHA's) holds every country's.
    pub other_countries: u64,
}

/// Which indicator a value column holds, or why it holds none Konbit keeps.
fn indicator_of(tag: &Tag) -> Result<Indicator, String> {
    // A breakdown (women, children, households) is not the indicator's figure for the area.
    for part in [
        "f", "m", "hh", "children", "adults", "elderly", "infants", "male", "female",
    ] {
        if tag.has(part) {
            return Err(format!(
                "{tag}: a breakdown (+{part}), not the total of people"
            ));
        }
    }
    let specific = [
        ("idps", Indicator::Idps),
        ("killed", Indicator::Killed),
        ("injured", Indicator::Injured),
        ("kidnapped", Indicator::Kidnapped),
    ];
    if let Some((_, ind)) = specific.iter().find(|(a, _)| tag.has(a)) {
        return Ok(*ind);
    }
    match tag.hashtag.as_str() {
        "#inneed" => Ok(Indicator::InNeed),
        "#population" => Ok(Indicator::Population),
        _ => Err(format!(
            "{tag}: which people it counts is not said (+idps, +killed, +injured, +kidnapped)"
        )),
    }
}

/// Where a table's columns are.
struct Layout {
    /// `#date` of a stock, or `#date+start` and `#date+end` of a period.
    date: (usize, Option<usize>),
    /// `#country+code`: rows of another country (a global table) are passed over.
    country: Option<usize>,
    adm2_code: Option<usize>,
    adm1_code: Option<usize>,
    adm1_name: Option<usize>,
    values: Vec<(usize, Indicator)>,
    labels: Vec<String>,
    width: usize,
}

fn layout(tags: &[Option<Tag>], ignored: &mut Vec<String>) -> Result<Layout, FileError> {
    let find = |pattern: &str| -> Result<Option<usize>, FileError> {
        let p = Pattern::parse(pattern).expect("a valid pattern");
        let mut found = tags
            .iter()
            .enumerate()
            .filter(|(_, t)| t.as_ref().is_some_and(|t| p.matches(t)));
        let first = found.next().map(|(i, _)| i);
        if let (Some(i), Some((j, _))) = (first, found.next()) {
            // Shown without its exclusions: `#date`, not `#date-start-end`.
            let shown = p.to_string();
            return Err(FileError::Ambiguous {
                what: shown.split('-').next().unwrap_or_default().to_string(),
                first: i + 1,
                second: j + 1,
            });
        }
        Ok(first)
    };
    // A stock's date: a full date (not `+year` or `+month`, which IOM's tables carry beside
    // it), the reported one when there are several.
    let stock = match find("#date+reported-start-end-year-month-week")? {
        Some(d) => Some(d),
        None => find("#date-start-end-year-month-week")?,
    };
    let date = match (find("#date+start")?, find("#date+end")?) {
        (Some(s), Some(e)) => (s, Some(e)),
        (None, None) => match stock {
            Some(d) => (d, None),
            None => {
                return Err(FileError::Lacks(
                    "#date column (or #date+start and #date+end)".into(),
                ));
            }
        },
        _ => {
            return Err(FileError::Lacks(
                "period: it needs both #date+start and #date+end".into(),
            ));
        }
    };
    // Where the people are, not where they came from (`+origin`, in IOM's tables).
    let adm2_code = find("#adm2+code-origin")?;
    let adm1_code = find("#adm1+code-origin")?;
    let adm1_name = find("#adm1+name-origin")?;
    let country = find("#country+code-origin")?;
    let mut values: Vec<(usize, Indicator)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let Some(t) = t else { continue };
        if !matches!(t.hashtag.as_str(), "#affected" | "#inneed" | "#population") {
            continue;
        }
        match indicator_of(t) {
            Ok(ind) => {
                if let Some((j, _)) = values.iter().find(|(_, x)| *x == ind) {
                    return Err(FileError::Ambiguous {
                        what: format!("the figure of {}", ind.as_str()),
                        first: j + 1,
                        second: i + 1,
                    });
                }
                values.push((i, ind));
            }
            Err(why) => ignored.push(why),
        }
    }
    if values.is_empty() {
        return Err(FileError::Lacks(
            "figure Konbit keeps: #affected+idps, #affected+killed, #affected+injured, \
             #affected+kidnapped, #inneed or #population"
                .into(),
        ));
    }
    Ok(Layout {
        date,
        country,
        adm2_code,
        adm1_code,
        adm1_name,
        values,
        labels: tags
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.as_ref()
                    .map_or_else(|| format!("column {}", i + 1), Tag::to_string)
            })
            .collect(),
        width: tags.len(),
    })
}

/// The hashtag row of a file: its first row, or its second under a header; `None` if neither
/// is one.
fn hashtag_row<R: Read>(
    csv: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
) -> csv::Result<Option<Vec<Option<Tag>>>> {
    for _ in 0..2 {
        if !csv.read_byte_record(record)? {
            break;
        }
        if let Some(tags) = hashtags_of(record) {
            return Ok(Some(tags));
        }
    }
    Ok(None)
}

/// The tags of a CSV row if it is a hashtag row (a BOM before its first cell is no part of it).
pub fn hashtags_of(record: &csv::ByteRecord) -> Option<Vec<Option<Tag>>> {
    let cells = || {
        record.iter().enumerate().map(|(i, c)| {
            if i == 0 {
                c.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(c)
            } else {
                c
            }
        })
    };
    is_hashtag_row(cells()).then(|| tags_of(cells()))
}

fn no_hashtags() -> FileError {
    FileError::Lacks("HXL hashtag row (the first row, or the second under a header)".into())
}

/// What an HXL file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Events, one per row (a column tagged `#event`: HDX's ACLED files, Konbit's export).
    Events,
    /// Figures by date and area.
    Indicators,
}

/// Tells an event list from an indicator table by its hashtags.
pub fn table_kind<R: Read>(input: R) -> Result<TableKind, FileError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let tags = hashtag_row(&mut csv, &mut record)
        .map_err(|e| FileError::Read {
            line: e.position().map_or(1, |p| p.line()),
            message: e.to_string(),
        })?
        .ok_or_else(no_hashtags)?;
    Ok(if tags.iter().flatten().any(|t| t.hashtag == "#event") {
        TableKind::Events
    } else {
        TableKind::Indicators
    })
}

/// A whole number of people: digits, with thousands grouped by commas or spaces as
/// spreadsheets write them ("12,345", "12 345"); anything else is refused, not guessed.
fn parse_count(s: &str) -> Result<i64, String> {
    let bad = || format!("{s:?} is not a whole number of people");
    let groups: Vec<&str> = s.split([',', ' ', '\u{a0}', '\u{202f}']).collect();
    let ok = groups[0].len() <= 3 || groups.len() == 1;
    if !ok
        || groups
            .iter()
            .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
        || groups[1..].iter().any(|g| g.len() != 3)
    {
        return Err(bad());
    }
    groups.concat().parse::<i64>().map_err(|_| bad())
}

/// Reads an HXL indicator table (IOM's displacement figures, OCHA's people in need): a hashtag
/// row (under a header, or alone), a `#date` column (or `#date+start` and `#date+end` for a
/// period), the area as `#adm2+code` (a commune's P-code), `#adm1+code` (a department's P-code
/// or ISO 3166-2 code) or `#adm1+name` — the most precise given on each row, the country when
/// a row gives none — and one column per indicator. Each non-empty figure is one observation.
pub fn read_indicators<R: Read>(input: R) -> Result<IndicatorTable, FileError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(Lines::new(input));
    let mut record = csv::ByteRecord::new();
    let mut table = IndicatorTable::default();
    let read_err = |csv: &mut csv::Reader<Lines<R>>, e: csv::Error| {
        let at = e
            .position()
            .map_or_else(|| csv.position().byte(), |p| p.byte());
        FileError::Read {
            line: csv.get_mut().line_at(at),
            message: e.to_string(),
        }
    };
    let tags = hashtag_row(&mut csv, &mut record).map_err(|e| read_err(&mut csv, e))?;
    let Some(tags) = tags else {
        return Err(no_hashtags());
    };
    let layout = layout(&tags, &mut table.ignored)?;
    table.header = layout.labels.clone();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(read_err(&mut csv, e)),
        }
        table.rows += 1;
        // Every row is given its line, skipped or not: that is what lets the line counter drop
        // the line breaks it has passed (see `Lines`).
        let at = record
            .position()
            .map_or_else(|| csv.position().byte(), |p| p.byte());
        let line = csv.get_mut().line_at(at);
        if let Some(c) = layout.country
            && record.get(c).is_some_and(|v| {
                let v = v.trim_ascii();
                !v.is_empty() && !v.eq_ignore_ascii_case(b"HTI")
            })
        {
            table.other_countries += 1;
            continue;
        }
        // Only Haiti's rows are kept, so only they are bounded.
        if (table.rows - table.other_countries) as usize > MAX_INDICATOR_ROWS {
            return Err(FileError::Read {
                line,
                message: format!(
                    "more than {MAX_INDICATOR_ROWS} rows for Haiti: split the table into several files"
                ),
            });
        }
        match figures_of(&layout, &record, line) {
            Ok(mut f) => table.figures.append(&mut f),
            Err(rej) => table.rejected.push(rej),
        }
    }
    Ok(table)
}

/// Longest row of an indicator table kept, even as a refused row: a date, an area and a few
/// figures fit in a few hundred bytes, and up to [`MAX_INDICATOR_ROWS`] refused rows are held
/// for the rejects file.
pub const MAX_INDICATOR_ROW_BYTES: usize = 16 * 1024;

fn figures_of(l: &Layout, record: &csv::ByteRecord, line: u64) -> Result<Vec<Figure>, Rejected> {
    let mut e = ValidationErrors::default();
    if record.as_slice().len() > MAX_INDICATOR_ROW_BYTES {
        e.add(
            "",
            format!(
                "the row is {} bytes, more than {MAX_INDICATOR_ROW_BYTES}: not an indicator row",
                record.as_slice().len()
            ),
        );
        // Its cells are not kept.
        return Err(Rejected {
            line,
            fields: Vec::new(),
            errors: e.0,
        });
    }
    let mut cells: Vec<String> = Vec::with_capacity(record.len());
    for (i, raw) in record.iter().enumerate() {
        match std::str::from_utf8(raw) {
            Ok(s) => cells.push(s.trim().to_string()),
            Err(_) => {
                e.add(
                    l.labels.get(i).cloned().unwrap_or_default(),
                    "is not valid UTF-8",
                );
                cells.push(String::from_utf8_lossy(raw).into_owned());
            }
        }
    }
    let reject = |e: ValidationErrors, cells: Vec<String>| Rejected {
        line,
        fields: cells,
        errors: e.0,
    };
    if cells.len() != l.width && !cells.iter().all(String::is_empty) {
        e.add(
            "",
            format!(
                "the row has {} fields, the hashtag row has {}",
                cells.len(),
                l.width
            ),
        );
        return Err(reject(e, cells));
    }
    if cells.iter().all(String::is_empty) {
        return Ok(Vec::new());
    }
    if !e.0.is_empty() {
        return Err(reject(e, cells));
    }
    let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
    let label = |i: usize| l.labels[i].clone();
    // IOM's API writes dates as date-times (`2010-11-30T00:00:00`): the day is the date.
    let day = |v: &'_ str| -> String {
        match v.split_once('T') {
            Some((d, t))
                if d.len() == 10
                    && t.bytes()
                        .all(|b| b.is_ascii_digit() || b":.+-Z".contains(&b)) =>
            {
                d.to_string()
            }
            _ => v.to_string(),
        }
    };
    let date = |i: usize, e: &mut ValidationErrors| match parse_date(&day(cell(i))) {
        Ok(d) => Some(d),
        Err(m) => {
            e.add(label(i), m);
            None
        }
    };
    let from = date(l.date.0, &mut e);
    let to = match l.date.1 {
        Some(i) => date(i, &mut e),
        None => from,
    };
    let g = gazetteer::haiti();
    let given = |c: Option<usize>| c.filter(|i| !cell(*i).is_empty());
    let area = if let Some(i) = given(l.adm2_code) {
        g.commune_pcode(cell(i)).ok_or_else(|| {
            (
                i,
                format!(
                    "{:?} is not the OCHA P-code of a commune of Haiti (HT, its department's \
                     two digits, two more: HT0111)",
                    cell(i)
                ),
            )
        })
    } else if let Some(i) = given(l.adm1_code) {
        g.department(cell(i)).map(|d| d.code.clone()).ok_or_else(|| {
            (
                i,
                format!(
                    "{:?} is not a department of Haiti: give its P-code (HT01 …) or ISO 3166-2 code (HT-OU …)",
                    cell(i)
                ),
            )
        })
    } else if let Some(i) = given(l.adm1_name) {
        g.department(cell(i))
            .map(|d| d.code.clone())
            .ok_or_else(|| (i, format!("{:?} is not a department of Haiti", cell(i))))
    } else {
        Ok("HTI".to_string())
    };
    let area = match area {
        Ok(a) => Some(a),
        Err((i, m)) => {
            e.add(label(i), m);
            None
        }
    };
    let mut values = Vec::new();
    for (i, ind) in &l.values {
        if cell(*i).is_empty() {
            continue;
        }
        match parse_count(cell(*i)) {
            Ok(v) => values.push((*ind, v)),
            Err(m) => e.add(label(*i), m),
        }
    }
    let (Some(from), Some(to), Some(area)) = (from, to, area) else {
        return Err(reject(e, cells));
    };
    let mut figures = Vec::new();
    for (indicator, value) in values {
        let observation = Observation {
            indicator,
            from,
            to,
            area: area.clone(),
            value,
            qualifier: Qualifier::Exact,
            note: None,
        };
        // The command's own rules (dates in range, a period that ends after it begins).
        let mut rules = ValidationErrors::default();
        SituationCommand::Observe(observation.clone()).check(&mut rules);
        for mut fe in rules.0 {
            fe.field = match fe.field.as_str() {
                "from" => label(l.date.0),
                "to" => label(l.date.1.unwrap_or(l.date.0)),
                _ => fe.field,
            };
            if !e.0.contains(&fe) {
                e.0.push(fe);
            }
        }
        figures.push(Figure { line, observation });
    }
    if !e.0.is_empty() {
        return Err(reject(e, cells));
    }
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_as_hxl_writes_them() {
        let t = Tag::parse(" #Adm1 +Code ").expect("tag");
        assert_eq!(t.hashtag, "#adm1");
        assert_eq!(t.attributes, ["code"]);
        assert_eq!(t.to_string(), "#adm1+code");
        assert_eq!(
            Tag::parse("#affected+idps+ind").map(|t| t.attributes),
            Some(vec!["idps".to_string(), "ind".to_string()])
        );
        for bad in [
            "adm1",
            "#",
            "#1adm",
            "#adm1+",
            "#adm1++code",
            "#adm 1",
            "# adm1",
            "#a-b",
        ] {
            assert_eq!(Tag::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn patterns_include_and_exclude_attributes() {
        let p = Pattern::parse("#group+name-assoc").expect("pattern");
        assert_eq!(p.to_string(), "#group+name-assoc");
        let t = |s: &str| Tag::parse(s).expect("tag");
        assert!(p.matches(&t("#group+name+first")));
        assert!(!p.matches(&t("#group+name+first+assoc")));
        assert!(!p.matches(&t("#group+type+first")));
        assert!(!p.matches(&t("#org+name")));
        assert!(
            Pattern::parse("#date")
                .expect("p")
                .matches(&t("#date+occurred"))
        );
        assert_eq!(Pattern::parse("#adm1+"), None);
        assert_eq!(Pattern::parse("date"), None);
    }

    #[test]
    fn a_hashtag_row_is_all_hashtags() {
        let row = |cells: &[&'static str]| cells.iter().map(|c| c.as_bytes()).collect::<Vec<_>>();
        assert!(is_hashtag_row(row(&["#event+code", "", " #date+occurred"])));
        assert!(!is_hashtag_row(row(&["", ""])));
        assert!(!is_hashtag_row(row(&["#event+code", "2024-10-03"])));
        assert!(!is_hashtag_row(row(&["#1 on the list", "x"])));
        assert!(!is_hashtag_row(row(&["#hashtag and words"])));
    }

    fn table(text: &str) -> IndicatorTable {
        read_indicators(text.as_bytes()).expect("a table")
    }

    fn said(t: &IndicatorTable) -> Vec<String> {
        t.rejected.iter().flat_map(Rejected::describe).collect()
    }

    /// IOM's displacement tables: a header, a hashtag row, individuals and households.
    const IOM: &str = "Date,Department,Department ISO,IDPs (individuals),IDPs (households)\r\n\
        #date+reported,#adm1+name,#adm1+code,#affected+idps+ind,#affected+idps+hh\r\n\
        2024-09-30,Ouest,HT-OU,\"12,345\",3000\r\n\
        2024-09-30,Grande Anse,,2 100,500\r\n\
        2024-09-30,,,700000,\r\n\
        2024-09-30,Artibonite,HT-AR,,\r\n";

    #[test]
    fn an_iom_table_reads_one_figure_per_row_and_area() {
        let t = table(IOM);
        assert!(t.rejected.is_empty(), "{:?}", said(&t));
        assert_eq!(t.rows, 4);
        let got: Vec<(u64, &str, i64)> = t
            .figures
            .iter()
            .map(|f| (f.line, f.observation.area.as_str(), f.observation.value))
            .collect();
        // The department by code, else by name (any spelling), else the country; an empty
        // figure is no figure.
        assert_eq!(
            got,
            [(3, "HT-OU", 12345), (4, "HT-GA", 2100), (5, "HTI", 700000)]
        );
        let o = &t.figures[0].observation;
        assert_eq!(o.indicator, Indicator::Idps);
        assert_eq!(
            (o.from, o.to),
            (
                time::macros::date!(2024 - 09 - 30),
                time::macros::date!(2024 - 09 - 30)
            )
        );
        // Households are not people: said, not read.
        assert_eq!(
            t.ignored,
            ["#affected+idps+hh: a breakdown (+hh), not the total of people"]
        );
    }

    #[test]
    fn a_commune_table_keeps_the_commune_pcode_and_a_department_pcode_its_department() {
        let t = table(
            "#date+reported,#adm2+code,#adm1+code,#affected+idps+ind\n\
             2024-06-30,ht0111,HT01,5\n\
             2024-06-30,,HT08,9\n\
             2024-06-30,HT9911,HT01,1\n",
        );
        let got: Vec<(&str, i64)> = t
            .figures
            .iter()
            .map(|f| (f.observation.area.as_str(), f.observation.value))
            .collect();
        assert_eq!(got, [("HT0111", 5), ("HT-GA", 9)], "{:?}", said(&t));
        assert_eq!(
            said(&t),
            [
                "line 4, column #adm2+code: \"HT9911\" is not the OCHA P-code of a commune of Haiti (HT, its department's two digits, two more: HT0111)"
            ]
        );
        // What the reader accepts, the command accepts.
        let mut e = ValidationErrors::default();
        SituationCommand::Observe(t.figures[0].observation.clone()).check(&mut e);
        assert!(e.0.is_empty(), "{:?}", e.0);
    }

    /// IOM DTM's global table on HDX, in the columns and hashtags OCHA's scraper writes
    /// (OCHA-DAP/hdx-scraper-iom-dtm, `hxl_tags`): every country, admin levels 0 to 2, date-times,
    /// year and month beside the date, where the displaced came from, men and women.
    const DTM: &str = "id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,admin2Pcode,adminLevel,numPresentIdpInd,reportingDate,yearReportingDate,monthReportingDate,roundNumber,displacementReason,numberMales,numberFemales,idpOriginAdmin1Name,idpOriginAdmin1Pcode,assessmentType,operationStatus\n\
        #id+code,#operation+name,#country+name,#country+code,#adm1+name,#adm1+code,#adm2+name,#adm2+code,#adm+level,#affected+idps,#date+reported,#date+year+reported,#date+month+reported,#round+code,#cause+type,#affected+idps+m,#affected+idps+f,#adm1+name+origin,#adm1+code+origin,#assessment+type,#operation+status\n\
        1,Gang violence,Haiti,HTI,,,,,0,578074,2024-06-04T00:00:00,2024,6,7,Conflict,,,,,BA,Active\n\
        2,Gang violence,Haiti,HTI,Ouest,HT01,,,1,310000,2024-06-04T00:00:00,2024,6,7,Conflict,,,,,BA,Active\n\
        3,Gang violence,Haiti,HTI,Ouest,HT01,Port-au-Prince,HT0111,2,120500,2024-06-04T00:00:00,2024,6,7,Conflict,60000,60500,Ouest,HT01,BA,Active\n\
        4,Conflict,Afghanistan,AFG,Kabul,AF01,,,1,5000,2024-06-30T00:00:00,2024,6,3,Conflict,,,,,BA,Active\n";

    #[test]
    fn iom_dtms_global_table_reads_haitis_rows() {
        let t = table(DTM);
        assert!(t.rejected.is_empty(), "{:?}", said(&t));
        assert_eq!((t.rows, t.other_countries), (4, 1));
        let got: Vec<(&str, i64)> = t
            .figures
            .iter()
            .map(|f| (f.observation.area.as_str(), f.observation.value))
            .collect();
        assert_eq!(
            got,
            [("HTI", 578074), ("HT-OU", 310000), ("HT0111", 120500)]
        );
        let d = time::macros::date!(2024 - 06 - 04);
        assert!(
            t.figures
                .iter()
                .all(|f| f.observation.from == d && f.observation.to == d)
        );
        assert_eq!(
            t.ignored,
            [
                "#affected+idps+m: a breakdown (+m), not the total of people",
                "#affected+idps+f: a breakdown (+f), not the total of people"
            ]
        );
        // A date-time that is not one is still named.
        let bad = DTM.replacen("2024-06-04T00:00:00", "2024-06-04Tnoon", 1);
        assert!(said(&table(&bad))[0].starts_with("line 3, column #date+reported:"));
    }

    #[test]
    fn a_period_table_of_several_indicators() {
        let t = table(
            "#date+start,#date+end,#adm1+name,#affected+killed,#affected+injured,#inneed,#population\n\
             2024-01-01,2024-03-31,Ouest,1000,500,,\n\
             2024-01-01,2024-12-31,,,,5500000,11700000\n",
        );
        assert!(t.rejected.is_empty(), "{:?}", said(&t));
        let got: Vec<(Indicator, &str, i64)> = t
            .figures
            .iter()
            .map(|f| {
                (
                    f.observation.indicator,
                    f.observation.area.as_str(),
                    f.observation.value,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Indicator::Killed, "HT-OU", 1000),
                (Indicator::Injured, "HT-OU", 500),
                (Indicator::InNeed, "HTI", 5_500_000),
                (Indicator::Population, "HTI", 11_700_000),
            ]
        );
        assert_eq!(
            t.figures[0].observation.to,
            time::macros::date!(2024 - 03 - 31)
        );
    }

    #[test]
    fn bad_rows_are_named_by_line_and_hashtag() {
        let t = table(
            "#date,#adm1+code,#affected+idps\n\
             2024-13-01,HT-OU,5\n\
             2024-10-01,HT-XX,5\n\
             2024-10-01,HT-OU,1.5\n\
             2024-10-01,HT-OU,\"1,5\"\n\
             2024-10-01,HT-OU,-3\n\
             2024-10-01,HT-OU\n\
             2024-10-01,HT-OU,7\n",
        );
        assert_eq!(t.figures.len(), 1, "{:?}", said(&t));
        assert_eq!(t.figures[0].line, 8);
        let problems = said(&t);
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(
            problems[0].starts_with("line 2, column #date: \"2024-13-01\" is not a date"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1]
                .starts_with("line 3, column #adm1+code: \"HT-XX\" is not a department of Haiti"),
            "{}",
            problems[1]
        );
        assert_eq!(
            problems[2],
            "line 4, column #affected+idps: \"1.5\" is not a whole number of people"
        );
        assert_eq!(
            problems[3],
            "line 5, column #affected+idps: \"1,5\" is not a whole number of people"
        );
        assert_eq!(
            problems[4],
            "line 6, column #affected+idps: \"-3\" is not a whole number of people"
        );
        assert_eq!(
            problems[5],
            "line 7: the row has 2 fields, the hashtag row has 3"
        );

        // A huge row is refused without its cells being kept.
        let huge = format!(
            "#date,#inneed,#meta+note\n2024-01-01,5,{}\n",
            "x".repeat(20_000)
        );
        let t = table(&huge);
        assert_eq!(
            said(&t),
            ["line 2: the row is 20011 bytes, more than 16384: not an indicator row"]
        );
        assert!(t.rejected[0].fields.is_empty() && t.figures.is_empty());

        let t = table("#date+start,#date+end,#affected+killed\n2024-03-31,2024-01-01,4\n");
        assert_eq!(
            said(&t),
            ["line 2, column #date+end: the period ends before it begins"]
        );
    }

    #[test]
    fn a_table_without_what_it_needs_is_refused_whole() {
        let refused = |text: &str| {
            read_indicators(text.as_bytes())
                .expect_err("refused")
                .to_string()
        };
        assert!(refused("date,idps\n2024-01-01,5\n").contains("no HXL hashtag row"));
        assert!(refused("#adm1+code,#affected+idps\nHT-OU,5\n").contains("#date"));
        assert!(
            refused("#date+start,#affected+idps\n2024-01-01,5\n")
                .contains("both #date+start and #date+end")
        );
        assert!(refused("#date,#affected\n2024-01-01,5\n").contains("no figure Konbit keeps"));
        assert!(
            refused("#date,#affected+idps,#affected+idps+ind\n2024-01-01,5,5\n")
                .contains("columns 2 and 3 both give the figure of idps")
        );
        assert!(refused("#date,#date,#inneed\n").contains("columns 1 and 2 both give #date:"));
        assert!(refused("").contains("no HXL hashtag row"));
    }

    #[test]
    fn events_and_indicators_are_told_apart_by_their_hashtags() {
        assert_eq!(table_kind(IOM.as_bytes()), Ok(TableKind::Indicators));
        assert_eq!(
            table_kind("id,date\n#event+code,#date+occurred\n".as_bytes()),
            Ok(TableKind::Events)
        );
        assert!(table_kind("a,b\n1,2\n".as_bytes()).is_err());
    }
}
