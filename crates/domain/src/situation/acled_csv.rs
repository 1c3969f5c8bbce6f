//! ACLED files in and out: reading an ACLED CSV export row by row (streaming, every row
//! validated, each problem named by line and column), and writing incident lists as
//! ACLED-compatible CSV, as CSV with HXL hashtags, and as GeoJSON features.
//!
//! Reading takes bytes, not text, so that a file with invalid UTF-8 is reported row by row
//! rather than refused whole; the row parser is what `fuzz/` exercises.

use super::acled::{self, ActorType, DisorderType, EventType, SubEventType};
use super::table::Lines;
pub use super::table::{FileError, Rejected, parse_date};
use super::{NewIncident, Verification};
use super::{gazetteer, hxl};
use crate::Named;
use crate::{Classification, ValidationErrors, text};
use std::io::{Read, Write};
use uuid::Uuid;

/// ACLED's columns, in the order of its exports.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Columns of ACLED's earlier export layouts (2019–2022) that Konbit does not keep: ACLED's own
/// row number (`data_id`), the event number without its country prefix (`event_id_no_cnty`,
/// repeated in `event_id_cnty`) and the ISO 3166-1 alpha-3 code (`iso3`, alongside the numeric
/// `iso`). They are ACLED's, so a file carrying them is not told otherwise.
pub const OLDER_COLUMNS: &[&str] = &["data_id", "event_id_no_cnty", "iso3"];

/// The columns a file must have to be read as ACLED events.
pub const REQUIRED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "notes",
    "fatalities",
];

/// ISO 3166-1 numeric code of Haiti, as ACLED's `iso` column gives it.
const HAITI_ISO_NUMERIC: &str = "332";

/// A row that was read and is valid.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line number of the row in the file, from 1 (the header is line 1).
    pub line: u64,
    /// The incident.
    pub incident: NewIncident,
}

/// How HXL tags ACLED's columns, as tag patterns: HDX's ACLED files (the tags OCHA's scraper,
/// OCHA-DAP/hdx-scraper-acled, writes under ACLED's header: `#event+code`, `#date+occurred`,
/// `#event+type`, `#group+name+first(+assoc)`, `#adm1+name`…`#adm3+name`, `#loc+name`,
/// `#geo+lat`, `#geo+lon`, `#meta+source`, `#description`, `#affected+killed` and more) and
/// Konbit's own HXL export (which adds `#event+type+sub`, `#group+type+first`, `#geo+precision`,
/// `#meta+time_precision`). A file whose header names are not ACLED's, or that has only a
/// hashtag row, is read by these.
pub const ACLED_HASHTAGS: &[(&str, &str)] = &[
    ("event_id_cnty", "#event+code"),
    ("event_date", "#date+occurred"),
    ("year", "#date+year"),
    ("time_precision", "#meta+time_precision"),
    ("event_type", "#event+type-sub"),
    ("sub_event_type", "#event+type+sub"),
    ("actor1", "#group+name+first-assoc"),
    ("assoc_actor_1", "#group+name+first+assoc"),
    ("inter1", "#group+type+first"),
    ("actor2", "#group+name+second-assoc"),
    ("assoc_actor_2", "#group+name+second+assoc"),
    ("inter2", "#group+type+second"),
    ("region", "#region+name"),
    ("country", "#country+name"),
    ("admin1", "#adm1+name"),
    ("admin2", "#adm2+name"),
    ("admin3", "#adm3+name"),
    ("location", "#loc+name"),
    ("latitude", "#geo+lat"),
    ("longitude", "#geo+lon"),
    ("geo_precision", "#geo+precision"),
    // Konbit's export tags the record's own source ids `#meta+source+id`: they are not ACLED's
    // source names.
    ("source", "#meta+source-id"),
    ("notes", "#description"),
    ("fatalities", "#affected+killed"),
];

/// The tag pattern of an ACLED column, if HXL files tag it.
fn hashtag_of(column: &str) -> Option<hxl::Pattern> {
    ACLED_HASHTAGS
        .iter()
        .find(|(c, _)| *c == column)
        .and_then(|(_, p)| hxl::Pattern::parse(p))
}

/// Where each known column is in the file.
#[derive(Debug, Clone)]
struct Columns {
    at: Vec<Option<usize>>,
    /// For each column of the file, which known column it is.
    known: Vec<Option<usize>>,
    /// For each known column, what the file calls it where that is not ACLED's name (a header
    /// name, or the hashtag of a file whose only header is HXL's), for messages.
    label: Vec<Option<String>>,
    width: usize,
}

impl Columns {
    /// Finds ACLED's columns by header name, then, for the columns left, by HXL hashtag.
    fn from_header(
        header: &[String],
        tags: Option<&[Option<hxl::Tag>]>,
    ) -> Result<(Columns, Vec<String>), FileError> {
        let n = ACLED_COLUMNS.len();
        let mut at = vec![None; n];
        let mut label = vec![None; n];
        let mut ignored = Vec::new();
        let mut older = vec![false; header.len()];
        for (i, raw) in header.iter().enumerate() {
            let name = raw
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            let acled = HXL_NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(name.as_str(), |(_, c)| c);
            match ACLED_COLUMNS.iter().position(|c| *c == acled) {
                Some(k) if at[k].is_some() => return Err(FileError::DuplicateColumn(name)),
                Some(k) => at[k] = Some(i),
                None => older[i] = OLDER_COLUMNS.contains(&name.as_str()),
            }
        }
        let named: Vec<bool> = (0..header.len())
            .map(|i| at.contains(&Some(i)) || older[i])
            .collect();
        if let Some(tags) = tags {
            for (k, column) in ACLED_COLUMNS.iter().enumerate() {
                let Some(pattern) = hashtag_of(column) else {
                    continue;
                };
                if at[k].is_some() {
                    continue;
                }
                let mut found = tags.iter().enumerate().filter(|(i, t)| {
                    !named.get(*i).copied().unwrap_or(false)
                        && t.as_ref().is_some_and(|t| pattern.matches(t))
                });
                if let Some((i, tag)) = found.next() {
                    if let Some((j, _)) = found.next() {
                        return Err(FileError::Ambiguous {
                            what: format!("{column} ({pattern})"),
                            first: i + 1,
                            second: j + 1,
                        });
                    }
                    at[k] = Some(i);
                    let name = header.get(i).map(|h| h.trim()).unwrap_or("");
                    let tag = tag.as_ref().map(ToString::to_string).unwrap_or_default();
                    label[k] = Some(if name.is_empty() {
                        tag
                    } else {
                        format!("{name} ({tag})")
                    });
                }
            }
        }
        let width = header.len().max(tags.map_or(0, <[_]>::len));
        let mut known = vec![None; width];
        for (k, i) in at.iter().enumerate() {
            if let Some(i) = i {
                known[*i] = Some(k);
            }
        }
        for (i, k) in known.iter().enumerate() {
            if k.is_none() && !older.get(i).copied().unwrap_or(false) {
                let name = header.get(i).map(|h| h.trim()).unwrap_or("");
                let tag = tags
                    .and_then(|t| t.get(i).cloned().flatten())
                    .map(|t| t.to_string());
                match (name, tag) {
                    ("", Some(tag)) => ignored.push(tag),
                    ("", None) => {}
                    (name, _) => ignored.push(name.to_string()),
                }
            }
        }
        let missing: Vec<String> = REQUIRED_COLUMNS
            .iter()
            .filter(|c| {
                ACLED_COLUMNS
                    .iter()
                    .position(|x| x == *c)
                    .is_none_or(|k| at[k].is_none())
            })
            .map(|c| match hashtag_of(c) {
                Some(p) => format!("{c} ({p})"),
                None => c.to_string(),
            })
            .collect();
        if !missing.is_empty() {
            return Err(FileError::MissingColumns(missing));
        }
        Ok((
            Columns {
                at,
                known,
                label,
                width,
            },
            ignored,
        ))
    }

    /// What a message calls an ACLED column: its own name, or the file's for it.
    fn label(&self, column: &str) -> String {
        ACLED_COLUMNS
            .iter()
            .position(|c| *c == column)
            .and_then(|k| self.label[k].clone())
            .unwrap_or_else(|| column.to_string())
    }

    fn get<'a>(&self, fields: &[&'a str], name: &str) -> &'a str {
        ACLED_COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|k| self.at[k])
            .and_then(|i| fields.get(i).copied())
            .unwrap_or("")
            .trim()
    }
}

/// Reads an ACLED CSV export one row at a time; memory does not grow with the file.
pub struct Reader<R> {
    csv: csv::Reader<Lines<R>>,
    cols: Columns,
    record: csv::ByteRecord,
    header: Vec<String>,
    ignored: Vec<String>,
    done: bool,
    /// A read made ahead (looking for a hashtag row) whose row, in `record`, or error is not yet
    /// returned.
    pending: Option<csv::Result<bool>>,
}

impl<R: Read> Reader<R> {
    /// Reads the header: ACLED's column names, HXL hashtags, or names with a hashtag row under
    /// them. Columns that are none of ACLED's are ignored, and listed.
    pub fn new(input: R) -> Result<Self, FileError> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(Lines::new(input));
        let mut first = csv::ByteRecord::new();
        match csv.read_byte_record(&mut first) {
            Ok(true) => {}
            Ok(false) => return Err(FileError::Empty),
            Err(e) => {
                return Err(FileError::Read {
                    line: 1,
                    message: e.to_string(),
                });
            }
        }
        let header: Vec<String> = first
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        let mut record = csv::ByteRecord::new();
        let mut pending = None;
        // The hashtags: the first row itself (a file with HXL's header only), or a hashtag row
        // under the header (HDX's files), which is no event and is passed over. Any other second
        // row, or a failure, is kept for the first call of `next_row`.
        let (names, tags) = if let Some(tags) = hxl::hashtags_of(&first) {
            (vec![String::new(); header.len()], Some(tags))
        } else {
            let second = csv.read_byte_record(&mut record);
            let tags = if matches!(second, Ok(true)) {
                hxl::hashtags_of(&record)
            } else {
                None
            };
            if tags.is_none() {
                pending = Some(second);
            }
            (header.clone(), tags)
        };
        let (cols, ignored) = Columns::from_header(&names, tags.as_deref())?;
        Ok(Reader {
            csv,
            cols,
            record,
            header,
            ignored,
            done: false,
            pending,
        })
    }

    /// The header row as read.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Header columns that are not ACLED's and were ignored.
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }

    /// ACLED's columns that this file lacks (an older layout has no `disorder_type`, a partner's
    /// extract may have no `tags`): see [`keep_absent`].
    pub fn absent_columns(&self) -> Vec<&'static str> {
        ACLED_COLUMNS
            .iter()
            .zip(&self.cols.at)
            .filter(|(_, at)| at.is_none())
            .map(|(c, _)| *c)
            .collect()
    }

    /// Bytes consumed so far (for a progress bar).
    pub fn bytes_read(&self) -> u64 {
        self.csv.position().byte()
    }

    /// The physical line of the byte at `at`. A row's position may point at the LF that ends
    /// the line before it (the parser stops at a CR): that LF is no line of its own.
    fn line_at(&mut self, at: u64) -> u64 {
        self.csv.get_mut().line_at(at)
    }

    /// The next row: `None` at the end; `Err(Err(..))` when reading cannot go on.
    pub fn next_row(&mut self) -> Option<Result<Result<Row, Rejected>, FileError>> {
        if self.done {
            return None;
        }
        let read = match self.pending.take() {
            Some(read) => read,
            None => self.csv.read_byte_record(&mut self.record),
        };
        match read {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                let at = self
                    .record
                    .position()
                    .map_or_else(|| self.csv.position().byte(), |p| p.byte());
                let line = self.line_at(at);
                Some(Ok(parse_record(&self.cols, &self.record, line)))
            }
            Err(e) => {
                self.done = true;
                let at = e
                    .position()
                    .map_or_else(|| self.csv.position().byte(), |p| p.byte());
                Some(Err(FileError::Read {
                    line: self.line_at(at),
                    message: e.to_string(),
                }))
            }
        }
    }
}

fn parse_record(cols: &Columns, record: &csv::ByteRecord, line: u64) -> Result<Row, Rejected> {
    let mut errors = ValidationErrors::default();
    let mut texts: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(record.len());
    for (i, raw) in record.iter().enumerate() {
        let column = cols.known.get(i).copied().flatten();
        match std::str::from_utf8(raw) {
            Ok(s) => {
                let s = unguard(s);
                // Columns Konbit does not read are not kept, so not checked.
                if let Some(k) = column {
                    let mut e = ValidationErrors::default();
                    let notes = ACLED_COLUMNS[k] == "notes";
                    text::check_str(ACLED_COLUMNS[k], &s, notes, text::MAX_TEXT, &mut e);
                    errors.0.extend(e.0);
                }
                texts.push(s);
            }
            Err(_) => {
                let name =
                    column.map_or_else(|| format!("#{}", i + 1), |k| ACLED_COLUMNS[k].into());
                errors.add(name, "is not valid UTF-8");
                texts.push(String::from_utf8_lossy(raw));
            }
        }
    }
    let fields: Vec<&str> = texts.iter().map(|c| c.as_ref()).collect();
    // Problems are found by ACLED's column names; they are reported by the file's.
    let reject = |errors: ValidationErrors| Rejected {
        line,
        fields: fields.iter().map(|s| s.to_string()).collect(),
        errors: errors
            .0
            .into_iter()
            .map(|mut e| {
                e.field = cols.label(&e.field);
                e
            })
            .collect(),
    };
    if fields.len() != cols.width {
        errors.add(
            "",
            format!(
                "the row has {} fields, the header has {}",
                fields.len(),
                cols.width
            ),
        );
        return Err(reject(errors));
    }
    if !errors.0.is_empty() {
        return Err(reject(errors));
    }
    match parse_fields(cols, &fields) {
        Ok(incident) => Ok(Row { line, incident }),
        Err(e) => Err(reject(e)),
    }
}

/// Parses one row's fields into an incident, checking every rule; problems are named by ACLED
/// column.
fn parse_fields(cols: &Columns, f: &[&str]) -> Result<NewIncident, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let get = |name: &str| cols.get(f, name);
    let event_date = match parse_date(get("event_date")) {
        Ok(d) => Some(d),
        Err(m) => {
            e.add("event_date", m);
            None
        }
    };
    if let (Some(d), y) = (event_date, get("year"))
        && !y.is_empty()
        && y.parse::<i32>() != Ok(d.year())
    {
        e.add("year", format!("{y:?} is not the year of event_date {d}"));
    }
    let small = |e: &mut ValidationErrors, name: &str, default: Option<u8>| -> u8 {
        let v = get(name);
        if v.is_empty()
            && let Some(d) = default
        {
            return d;
        }
        match v.parse::<u8>() {
            Ok(n @ 1..=3) => n,
            _ => {
                e.add(name, format!("{v:?} is not 1, 2 or 3"));
                1
            }
        }
    };
    let time_precision = small(&mut e, "time_precision", Some(1));
    let geo_precision = small(&mut e, "geo_precision", None);
    let disorder_type = match get("disorder_type") {
        "" => None,
        v => {
            let d = DisorderType::parse(v);
            if d.is_none() {
                e.add("disorder_type", format!("unknown disorder type {v:?}"));
            }
            d
        }
    };
    let event_type = EventType::parse(get("event_type"));
    if event_type.is_none() {
        e.add(
            "event_type",
            format!(
                "unknown event type {:?}; ACLED's are: {}",
                get("event_type"),
                EventType::ALL
                    .iter()
                    .map(|t| t.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    let sub_event_type = SubEventType::parse(get("sub_event_type"));
    if sub_event_type.is_none() {
        e.add(
            "sub_event_type",
            format!("unknown sub-event type {:?}", get("sub_event_type")),
        );
    }
    let inter1 = ActorType::parse(get("inter1"));
    if inter1.is_none() {
        e.add(
            "inter1",
            format!(
                "{:?} is not an ACLED actor type (1–8 or its name)",
                get("inter1")
            ),
        );
    }
    let inter2 = match get("inter2") {
        "" | "0" => None,
        v => {
            let t = ActorType::parse(v);
            if t.is_none() {
                e.add(
                    "inter2",
                    format!("{v:?} is not an ACLED actor type (1–8 or its name)"),
                );
            }
            t
        }
    };
    let civilian_targeting = match get("civilian_targeting") {
        "" => false,
        v if v.eq_ignore_ascii_case("Civilian targeting") => true,
        v => {
            e.add(
                "civilian_targeting",
                format!("{v:?}: expected \"Civilian targeting\" or nothing"),
            );
            false
        }
    };
    let iso = get("iso");
    if !iso.is_empty() && iso.trim_start_matches('0') != HAITI_ISO_NUMERIC {
        e.add(
            "iso",
            format!("{iso} is not Haiti ({HAITI_ISO_NUMERIC}), the mission's country"),
        );
    }
    let country = get("country");
    if !country.is_empty() && !country.eq_ignore_ascii_case("Haiti") {
        e.add(
            "country",
            format!("{country:?} is not Haiti, the mission's country"),
        );
    }
    let coord = |e: &mut ValidationErrors, name: &str| -> f64 {
        let v = get(name);
        match v.parse::<f64>() {
            Ok(x) if x.is_finite() => x,
            _ => {
                e.add(name, format!("{v:?} is not a number"));
                f64::NAN
            }
        }
    };
    let latitude = coord(&mut e, "latitude");
    let longitude = coord(&mut e, "longitude");
    let fatalities = match acled::parse_fatalities(get("fatalities")) {
        Ok(n) => n,
        Err(m) => {
            e.add("fatalities", m);
            0
        }
    };
    let timestamp = match get("timestamp") {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(t) => Some(t),
            Err(_) => {
                e.add("timestamp", format!("{v:?} is not a Unix time in seconds"));
                None
            }
        },
    };
    let (Some(event_date), Some(event_type), Some(sub_event_type), Some(inter1)) =
        (event_date, event_type, sub_event_type, inter1)
    else {
        return Err(e);
    };
    let mut incident = NewIncident {
        event_id: get("event_id_cnty").to_string(),
        event_date,
        time_precision,
        disorder_type,
        event_type,
        sub_event_type,
        actor1: get("actor1").to_string(),
        assoc_actor_1: get("assoc_actor_1").to_string(),
        inter1,
        actor2: get("actor2").to_string(),
        assoc_actor_2: get("assoc_actor_2").to_string(),
        inter2,
        civilian_targeting,
        admin1: get("admin1").to_string(),
        admin2: get("admin2").to_string(),
        admin3: get("admin3").to_string(),
        location: get("location").to_string(),
        latitude,
        longitude,
        geo_precision,
        source: get("source").to_string(),
        source_scale: get("source_scale").to_string(),
        notes: get("notes").to_string(),
        fatalities,
        fatality_claims: Vec::new(),
        tags: get("tags").to_string(),
        timestamp,
    };
    incident.normalize();
    if latitude.is_finite() && longitude.is_finite() {
        let mut rules = ValidationErrors::default();
        incident.check(&mut rules);
        for mut fe in rules.0 {
            if fe.field == "event_id" {
                fe.field = "event_id_cnty".into();
            }
            // The point check names latitude; say both columns when the point is outside Haiti.
            if fe.message.contains("outside Haiti") {
                fe.field = "latitude/longitude".into();
            }
            e.0.push(fe);
        }
    }
    e.into_result().map_err(|d| match d {
        crate::DomainError::Invalid(v) => v,
        _ => ValidationErrors::default(),
    })?;
    Ok(incident)
}

/// Gives `incident`, read from a file that lacks the ACLED columns `absent`, the values the
/// recorded version `current` has for them, so that re-importing the same events from an older
/// layout or a partial extract revises only what the file says. Fatality claims are the desk's,
/// not ACLED's: no file carries them, so they are always kept.
pub fn keep_absent(incident: &mut NewIncident, current: &NewIncident, absent: &[&str]) {
    incident.fatality_claims = current.fatality_claims.clone();
    for column in absent {
        match *column {
            "time_precision" => incident.time_precision = current.time_precision,
            "disorder_type" => incident.disorder_type = current.disorder_type,
            "assoc_actor_1" => incident.assoc_actor_1 = current.assoc_actor_1.clone(),
            "actor2" => incident.actor2 = current.actor2.clone(),
            "assoc_actor_2" => incident.assoc_actor_2 = current.assoc_actor_2.clone(),
            "inter2" => incident.inter2 = current.inter2,
            "civilian_targeting" => incident.civilian_targeting = current.civilian_targeting,
            "admin2" => incident.admin2 = current.admin2.clone(),
            "admin3" => incident.admin3 = current.admin3.clone(),
            "source" => incident.source = current.source.clone(),
            "source_scale" => incident.source_scale = current.source_scale.clone(),
            "tags" => incident.tags = current.tags.clone(),
            "timestamp" => incident.timestamp = current.timestamp,
            // Required columns are never absent; year, interaction, iso, region and country are
            // derived or fixed, not kept.
            _ => {}
        }
    }
}

/// An incident with what the record adds to it, ready to export.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// The incident as coded.
    pub incident: NewIncident,
    /// Its verification status.
    pub status: Verification,
    /// Who may read it.
    pub classification: Classification,
    /// The sources the record rests on.
    pub sources: Vec<Uuid>,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// ACLED's 31 columns, readable by ACLED tools and by `konbit import acled`.
    Acled,
    /// Konbit's columns with an HXL hashtag row under the header.
    Hxl,
}

/// The HXL export's columns and their hashtags. HXL's admin levels are those of OCHA's common
/// operational dataset for Haiti: `#adm1` the department, `#adm2` the commune, each with its
/// P-code in `+code` (the ISO 3166-2 code of the department in its own column, `+iso`). ACLED
/// codes Haiti one level deeper — its `admin2` is the arrondissement, its `admin3` the commune —
/// so the export names those columns `arrondissement` and `commune`, and the importer reads
/// them back by those names.
pub const HXL_COLUMNS: &[(&str, &str)] = &[
    ("event_id", "#event+code"),
    ("event_date", "#date+occurred"),
    ("time_precision", "#meta+time_precision"),
    ("event_type", "#event+type"),
    ("sub_event_type", "#event+type+sub"),
    ("actor1", "#group+name+first"),
    ("inter1", "#group+type+first"),
    ("actor2", "#group+name+second"),
    ("inter2", "#group+type+second"),
    ("admin1", "#adm1+name"),
    ("admin1_pcode", "#adm1+code"),
    ("admin1_iso", "#adm1+code+iso"),
    ("arrondissement", "#loc+name+arrondissement"),
    ("commune", "#adm2+name"),
    ("commune_pcode", "#adm2+code"),
    ("location", "#loc+name"),
    ("latitude", "#geo+lat"),
    ("longitude", "#geo+lon"),
    ("geo_precision", "#geo+precision"),
    ("fatalities", "#affected+killed"),
    ("verification", "#status+verification"),
    ("classification", "#meta+classification"),
    ("notes", "#description"),
    ("sources", "#meta+source+id"),
];

/// Header names of Konbit's own HXL export that stand for ACLED columns (see [`HXL_COLUMNS`]).
const HXL_NAMES: &[(&str, &str)] = &[
    ("event_id", "event_id_cnty"),
    ("arrondissement", "admin2"),
    ("commune", "admin3"),
];

/// Writes incidents as CSV in one of the [`Format`]s, one row at a time.
pub struct Writer<W: Write> {
    csv: csv::Writer<W>,
    format: Format,
}

impl<W: Write> Writer<W> {
    /// Writes the header (and, for HXL, the hashtag row).
    pub fn new(out: W, format: Format) -> csv::Result<Self> {
        let mut csv = csv::Writer::from_writer(out);
        match format {
            Format::Acled => csv.write_record(ACLED_COLUMNS)?,
            Format::Hxl => {
                csv.write_record(HXL_COLUMNS.iter().map(|c| c.0))?;
                csv.write_record(HXL_COLUMNS.iter().map(|c| c.1))?;
            }
        }
        Ok(Writer { csv, format })
    }

    /// A writer that adds rows to a file whose header is already written (the next page of an
    /// export).
    pub fn continuing(out: W, format: Format) -> Self {
        Writer {
            csv: csv::Writer::from_writer(out),
            format,
        }
    }

    /// Writes one incident.
    pub fn write(&mut self, x: &Exported) -> csv::Result<()> {
        let i = &x.incident;
        match self.format {
            Format::Acled => {
                let row: [String; 31] = [
                    guard(&i.event_id),
                    i.event_date.to_string(),
                    i.event_date.year().to_string(),
                    i.time_precision.to_string(),
                    i.disorder().label().to_string(),
                    i.event_type.label().to_string(),
                    i.sub_event_type.label().to_string(),
                    guard(&i.actor1),
                    guard(&i.assoc_actor_1),
                    i.inter1.label().to_string(),
                    guard(&i.actor2),
                    guard(&i.assoc_actor_2),
                    i.inter2.map(|t| t.label().to_string()).unwrap_or_default(),
                    acled::interaction_label(i.inter1, i.inter2),
                    if i.civilian_targeting {
                        "Civilian targeting".into()
                    } else {
                        String::new()
                    },
                    HAITI_ISO_NUMERIC.into(),
                    "Caribbean".into(),
                    "Haiti".into(),
                    guard(&i.admin1),
                    guard(&i.admin2),
                    guard(&i.admin3),
                    guard(&i.location),
                    format_coord(i.latitude),
                    format_coord(i.longitude),
                    i.geo_precision.to_string(),
                    guard(&i.source),
                    guard(&i.source_scale),
                    guard(&i.notes),
                    i.fatalities.to_string(),
                    guard(&i.tags),
                    i.timestamp.map(|t| t.to_string()).unwrap_or_default(),
                ];
                self.csv.write_record(&row)
            }
            Format::Hxl => {
                let g = gazetteer::haiti();
                let department = g.department(&i.admin1);
                let iso = department.map(|d| d.code.as_str()).unwrap_or_default();
                let commune = g.commune_unit(&i.admin3, department.map(|d| d.code.as_str()));
                let sources: Vec<String> = x.sources.iter().map(|s| s.to_string()).collect();
                let row: [String; 24] = [
                    guard(&i.event_id),
                    i.event_date.to_string(),
                    i.time_precision.to_string(),
                    i.event_type.label().to_string(),
                    i.sub_event_type.label().to_string(),
                    guard(&i.actor1),
                    i.inter1.label().to_string(),
                    guard(&i.actor2),
                    i.inter2.map(|t| t.label().to_string()).unwrap_or_default(),
                    guard(&i.admin1),
                    g.department_pcode(iso).unwrap_or_default().to_string(),
                    iso.to_string(),
                    guard(&i.admin2),
                    guard(&i.admin3),
                    commune.map(|c| c.pcode.clone()).unwrap_or_default(),
                    guard(&i.location),
                    format_coord(i.latitude),
                    format_coord(i.longitude),
                    i.geo_precision.to_string(),
                    i.fatalities.to_string(),
                    x.status.as_str().to_string(),
                    x.classification.as_str().to_string(),
                    guard(&i.notes),
                    sources.join(" "),
                ];
                self.csv.write_record(&row)
            }
        }
    }

    /// Flushes and returns the output.
    pub fn finish(self) -> std::io::Result<W> {
        self.csv
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list), and
/// the guard's own mark.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r', '\''];

/// A text cell made safe to open in a spreadsheet: one that a spreadsheet would read as a formula
/// (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`) is prefixed with `'`, which spreadsheets show as
/// text and hide. A cell that already begins with `'` gets one too, so [`unguard`] gives back
/// exactly what was guarded.
pub fn guard(s: &str) -> String {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undoes [`guard`]: a cell that begins with `'` followed by a formula character or another `'`
/// loses its first `'`. Everything else is left as it is.
pub fn unguard(s: &str) -> std::borrow::Cow<'_, str> {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.into(),
        _ => s.into(),
    }
}

fn format_coord(x: f64) -> String {
    // Four decimals is about 11 m, finer than any ACLED geo precision.
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// One incident as a GeoJSON Feature (a point, with the coded fields as properties).
pub fn geojson_feature(x: &Exported) -> serde_json::Value {
    let i = &x.incident;
    serde_json::json!({
        "type": "Feature",
        "id": i.event_id,
        "geometry": {"type": "Point", "coordinates": [i.longitude, i.latitude]},
        "properties": {
            "event_id": i.event_id,
            "event_date": i.event_date.to_string(),
            "time_precision": i.time_precision,
            "event_type": i.event_type.as_str(),
            "event_type_label": i.event_type.label(),
            "sub_event_type": i.sub_event_type.as_str(),
            "actor1": i.actor1,
            "inter1": i.inter1.as_str(),
            "actor2": i.actor2,
            "inter2": i.inter2.map(|t| t.as_str()),
            "admin1": i.admin1,
            "admin2": i.admin2,
            "location": i.location,
            "geo_precision": i.geo_precision,
            "fatalities": i.fatalities,
            "verification": x.status.as_str(),
            "classification": x.classification.as_str(),
            "notes": i.notes,
            "sources": x.sources,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::situation::table::MAX_LINES_AHEAD;

    const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    fn read(body: &str) -> (Vec<Row>, Vec<Rejected>) {
        let text = format!("{HEADER}\n{body}");
        let mut r = Reader::new(text.as_bytes()).expect("header");
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        while let Some(x) = r.next_row() {
            match x.expect("readable") {
                Ok(row) => ok.push(row),
                Err(rej) => bad.push(rej),
            }
        }
        (ok, bad)
    }

    /// `incident` as a public, reported export row, written in `format` (header included).
    fn written(incident: &NewIncident, format: Format) -> String {
        let x = Exported {
            incident: incident.clone(),
            status: Verification::Reported,
            classification: Classification::Public,
            sources: vec![],
        };
        let mut w = Writer::new(Vec::new(), format).expect("header");
        w.write(&x).expect("row");
        String::from_utf8(w.finish().expect("flush")).expect("utf8")
    }

    const GOOD: &str = "HTI1001,03 October 2024,2024,1,Political violence,Violence against civilians,Attack,Gran Grif,,Political militia,Civilians (Haiti),,Civilians,Political militia-Civilians,Civilian targeting,332,Caribbean,Haiti,Artibonite,Saint-Marc,Saint-Marc,Pont-Sonde,19.1500,-72.6100,1,Le Nouvelliste,National,\"Gran Grif attacked Pont-Sonde, \"\"dozens\"\" killed\",dozens,,1728000000";

    /// The lines (from 1) at which the reader reports each row, good or bad, of `text`.
    fn lines_of(text: &[u8]) -> Vec<(u64, bool)> {
        let mut r = Reader::new(text).expect("header");
        let mut out = Vec::new();
        while let Some(x) = r.next_row() {
            match x.expect("readable") {
                Ok(row) => out.push((row.line, true)),
                Err(rej) => out.push((rej.line, false)),
            }
        }
        out
    }

    #[test]
    fn rows_are_numbered_by_physical_line_whatever_the_line_ends_and_a_bom() {
        let bad = GOOD.replace("19.1500,-72.6100", "25.7700,-80.1900");
        // A quoted note over two lines: the rows after it are one line further down.
        let two_lines = GOOD.replace("killed\"", "killed\nin the night\"");
        let rows = [GOOD, bad.as_str(), two_lines.as_str(), bad.as_str()];
        let want = vec![(2, true), (3, false), (4, true), (6, false)];
        for end in ["\n", "\r\n", "\r"] {
            for bom in ["", "\u{feff}"] {
                let mut text = format!("{bom}{HEADER}{end}");
                for r in rows {
                    text.push_str(&r.replace('\n', end));
                    text.push_str(end);
                }
                assert_eq!(
                    lines_of(text.as_bytes()),
                    want,
                    "line end {end:?}, BOM {}",
                    !bom.is_empty()
                );
            }
        }
    }

    #[test]
    fn an_acled_row_reads_and_round_trips() {
        let (ok, bad) = read(GOOD);
        assert!(bad.is_empty(), "{bad:?}");
        let i = &ok[0].incident;
        assert_eq!(ok[0].line, 2);
        assert_eq!(i.event_type, EventType::ViolenceAgainstCivilians);
        assert_eq!(i.inter2, Some(ActorType::Civilians));
        assert_eq!(i.fatalities, 12);
        assert!(i.civilian_targeting);
        assert_eq!(i.notes, "Gran Grif attacked Pont-Sonde, \"dozens\" killed");
        let out = written(i, Format::Acled);
        let mut r = Reader::new(out.as_bytes()).expect("header");
        let again = r
            .next_row()
            .expect("a row")
            .expect("readable")
            .expect("valid");
        assert_eq!(again.incident, *i);
    }

    #[test]
    fn a_department_keeps_the_spelling_it_came_with_in_every_export() {
        let row = GOOD.replace(
            "Artibonite,Saint-Marc,Saint-Marc,Pont-Sonde,19.1500,-72.6100",
            "Grande-Anse,Jeremie,Jeremie,Jeremie,18.6500,-74.1167",
        );
        let (ok, bad) = read(&row);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ok[0].incident.admin1, "Grande-Anse");
        for format in [Format::Acled, Format::Hxl] {
            let out = written(&ok[0].incident, format);
            let last = out.lines().last().expect("a row");
            assert!(last.contains(",Grande-Anse,"), "{format:?}: {last}");
            assert!(!out.contains("Grand'Anse"), "{format:?}: {out}");
        }
    }

    #[test]
    fn the_older_layout_reads_and_its_own_columns_are_known() {
        // ACLED's 2019–2022 layout: no disorder_type, civilian_targeting or tags; data_id,
        // event_id_no_cnty and iso3 besides; numeric actor types.
        let head = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3";
        let row = "9264321,332,HTI1001,1001,03 October 2024,2024,1,Violence against civilians,Attack,Gran Grif,,3,Civilians (Haiti),,7,37,Caribbean,Haiti,Artibonite,Saint-Marc,Saint-Marc,Pont-Sonde,19.1500,-72.6100,1,Le Nouvelliste,National,Gran Grif attacked Pont-Sonde,10,1728000000,HTI";
        let text = format!("{head}\r\n{row}\r\n");
        let mut r = Reader::new(text.as_bytes()).expect("header");
        assert!(r.ignored_columns().is_empty(), "{:?}", r.ignored_columns());
        let row = r
            .next_row()
            .expect("a row")
            .expect("readable")
            .expect("valid");
        assert_eq!(row.line, 2);
        assert_eq!(row.incident.event_id, "HTI1001");
        assert_eq!(row.incident.inter1, ActorType::PoliticalMilitia);
        assert_eq!(row.incident.inter2, Some(ActorType::Civilians));
        assert_eq!(row.incident.fatalities, 10);
    }

    #[test]
    fn a_row_of_endless_line_breaks_is_refused_not_kept() {
        let huge = GOOD.replace(
            "killed\"",
            &format!("killed{}\"", "\n".repeat(MAX_LINES_AHEAD + 1)),
        );
        let text = format!("{HEADER}\n{GOOD}\n{huge}\n{GOOD}\n");
        let mut r = Reader::new(text.as_bytes()).expect("header");
        assert!(matches!(r.next_row(), Some(Ok(Ok(_)))));
        match r.next_row() {
            Some(Err(FileError::Read { line, message })) => {
                assert!(
                    message.contains("a row spans more than 100000 lines"),
                    "{message}"
                );
                assert!(line >= 3, "{line}");
            }
            other => panic!("{other:?}"),
        }
        assert!(r.next_row().is_none(), "reading stops at the refusal");
    }

    #[test]
    fn a_hashtag_row_under_the_header_is_passed_over_and_lines_still_count_it() {
        let tags: Vec<String> = HEADER
            .split(',')
            .enumerate()
            .map(|(k, c)| {
                if k % 3 == 0 {
                    String::new()
                } else {
                    format!("#x+{c}")
                }
            })
            .collect();
        let bad = GOOD.replace("19.1500,-72.6100", "25.7700,-80.1900");
        let text = format!("{HEADER}\n{}\n{GOOD}\n{bad}\n", tags.join(","));
        assert_eq!(lines_of(text.as_bytes()), vec![(3, true), (4, false)]);
        // A row that merely starts with a hashtag is data, and refused as such.
        let odd = GOOD.replacen("HTI1001", "#HTI1001", 1);
        let text = format!("{HEADER}\n{odd}\n{GOOD}\n");
        assert_eq!(lines_of(text.as_bytes()), vec![(2, false), (3, true)]);
        // A header alone, or with its hashtag row alone, has no rows.
        assert!(lines_of(HEADER.as_bytes()).is_empty());
        assert!(lines_of(format!("{HEADER}\n{}\n", tags.join(",")).as_bytes()).is_empty());
    }

    #[test]
    fn bad_rows_name_line_column_and_reason() {
        let rows = [
            GOOD.replace("03 October 2024", "2024-13-45"),
            GOOD.replace("19.1500,-72.6100", "25.7700,-80.1900"),
            GOOD.replace("Violence against civilians,Attack", "Gang war,Attack"),
            GOOD.replace(
                ",Political militia,Civilians (Haiti)",
                ",Gangs,Civilians (Haiti)",
            ),
            GOOD.replace(",332,", ",214,"),
            "HTI9,2024-01-01,2024".to_string(),
        ];
        let (ok, bad) = read(&rows.join("\n"));
        assert!(ok.is_empty());
        let said: Vec<String> = bad.iter().flat_map(Rejected::describe).collect();
        assert_eq!(bad.len(), 6, "{said:#?}");
        assert!(
            said[0].starts_with("line 2, column event_date:"),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|s| s.starts_with("line 3, column latitude/longitude:")
                    && s.contains("outside Haiti"))
        );
        assert!(
            said.iter().any(
                |s| s.starts_with("line 4, column event_type: unknown event type \"Gang war\"")
            )
        );
        assert!(said.iter().any(|s| s.starts_with("line 5, column inter1:")));
        assert!(said.iter().any(|s| s.starts_with("line 6, column iso:")));
        assert!(
            said.iter()
                .any(|s| s == "line 7: the row has 3 fields, the header has 31")
        );
    }

    #[test]
    fn invalid_utf8_is_a_row_error_not_a_crash() {
        let mut bytes = format!("{HEADER}\n").into_bytes();
        bytes.extend(
            GOOD.replace("Pont-Sonde,19", "Pont-S\u{00f6}nde,19")
                .as_bytes(),
        );
        // Break the UTF-8 of ö (0xC3 0xB6) by dropping its second byte.
        let pos = bytes.windows(2).position(|w| w == [0xC3, 0xB6]).expect("ö");
        bytes.remove(pos + 1);
        let mut r = Reader::new(&bytes[..]).expect("header");
        let rej = r
            .next_row()
            .expect("row")
            .expect("readable")
            .expect_err("refused");
        assert_eq!(
            rej.describe(),
            vec!["line 2, column location: is not valid UTF-8"]
        );
    }

    #[test]
    fn wrong_columns_are_named() {
        let Err(e) = Reader::new("id,date,type\n1,2,3\n".as_bytes()) else {
            panic!("accepted a file without ACLED's columns");
        };
        let msg = e.to_string();
        assert!(msg.starts_with("line 1: the header lacks"), "{msg}");
        assert!(
            msg.contains("event_id_cnty") && msg.contains("fatalities"),
            "{msg}"
        );
        assert!(matches!(Reader::new(&b""[..]), Err(FileError::Empty)));
    }

    #[test]
    fn dates_in_both_acled_styles() {
        assert_eq!(
            parse_date("2024-10-03").map(|d| d.to_string()),
            Ok("2024-10-03".into())
        );
        assert_eq!(
            parse_date("3 October 2024").map(|d| d.to_string()),
            Ok("2024-10-03".into())
        );
        assert_eq!(
            parse_date("03 Oct 2024").map(|d| d.to_string()),
            Ok("2024-10-03".into())
        );
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("yesterday").is_err());
    }

    /// The hashtags HDX's ACLED files carry for `HEADER`'s columns ("" where they carry none).
    fn hdx_tags() -> Vec<&'static str> {
        HEADER
            .split(',')
            .map(|c| {
                ACLED_HASHTAGS
                    .iter()
                    .find(|(name, _)| *name == c)
                    .map_or("", |(_, p)| p.split('-').next().unwrap_or(p))
            })
            .collect()
    }

    #[test]
    fn a_file_with_only_hxl_hashtags_reads_by_them() {
        let tags = hdx_tags();
        // A file whose only header is the hashtag row, with a BOM, columns in another order.
        let mut order: Vec<usize> = (0..tags.len()).collect();
        order.reverse();
        let pick = |row: &str| -> String {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(row.as_bytes());
            let rec = r.records().next().expect("row").expect("csv");
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(order.iter().map(|i| &rec[*i]))
                .expect("write");
            String::from_utf8(w.into_inner().expect("flush")).expect("utf8")
        };
        let head: Vec<&str> = order.iter().map(|i| tags[*i]).collect();
        let text = format!("\u{feff}{}\n{}", head.join(","), pick(GOOD));
        let mut r = Reader::new(text.as_bytes()).expect("hashtag header");
        let row = r
            .next_row()
            .expect("row")
            .expect("readable")
            .expect("valid");
        let (want, _) = read(GOOD);
        // Columns no hashtag names (disorder_type, tags, …) are not read.
        assert_eq!(row.incident.event_id, "HTI1001");
        assert_eq!(row.incident.notes, want[0].incident.notes);
        assert_eq!(row.incident.latitude, 19.15);
        assert_eq!(row.incident.inter1, want[0].incident.inter1);
        assert_eq!(row.line, 2);
        assert!(r.absent_columns().contains(&"disorder_type"));
        assert!(
            r.ignored_columns().is_empty(),
            "untagged columns are not listed: {:?}",
            r.ignored_columns()
        );

        // A bad value is named by the file's hashtag, on its physical line.
        let bad = GOOD.replace("03 October 2024", "2024-13-45");
        let text = format!("{}\n{}", head.join(","), pick(&bad));
        let mut r = Reader::new(text.as_bytes()).expect("hashtag header");
        let rej = r
            .next_row()
            .expect("row")
            .expect("readable")
            .expect_err("bad date");
        assert_eq!(
            rej.describe()[0],
            "line 2, column #date+occurred: \"2024-13-45\" is not a date (YYYY-MM-DD, or D Month YYYY as ACLED writes it)"
        );

        // A required column missing is named with the hashtag that would find it.
        let without: Vec<&str> = tags
            .iter()
            .map(|t| if *t == "#geo+lat" { "" } else { t })
            .collect();
        let text = format!("{}\n{GOOD}\n", without.join(","));
        let Err(FileError::MissingColumns(missing)) = Reader::new(text.as_bytes()) else {
            panic!("latitude is required");
        };
        assert_eq!(missing, ["latitude (#geo+lat)"]);

        // Two columns with the same hashtag: which one is meant cannot be told.
        let twice: Vec<&str> = tags
            .iter()
            .map(|t| if *t == "#geo+lon" { "#geo+lat" } else { t })
            .collect();
        let text = format!("{}\n{GOOD}\n", twice.join(","));
        let Err(e) = Reader::new(text.as_bytes()) else {
            panic!("ambiguous");
        };
        assert_eq!(
            e.to_string(),
            "line 1: columns 23 and 24 both give latitude (#geo+lat): keep one"
        );
    }

    #[test]
    fn konbits_hxl_export_imports_by_its_hashtags() {
        let (ok, _) = read(GOOD);
        let i = &ok[0].incident;
        let out = written(i, Format::Hxl);
        let mut r = Reader::new(out.as_bytes()).expect("header");
        let again = r
            .next_row()
            .expect("row")
            .expect("readable")
            .expect("valid");
        assert_eq!(again.line, 3);
        for (what, a, b) in [
            ("event_id", &again.incident.event_id, &i.event_id),
            ("actor1", &again.incident.actor1, &i.actor1),
            ("actor2", &again.incident.actor2, &i.actor2),
            ("admin1", &again.incident.admin1, &i.admin1),
            ("location", &again.incident.location, &i.location),
            ("notes", &again.incident.notes, &i.notes),
        ] {
            assert_eq!(a, b, "{what}");
        }
        assert_eq!(again.incident.event_date, i.event_date);
        assert_eq!(again.incident.sub_event_type, i.sub_event_type);
        assert_eq!(again.incident.inter2, i.inter2);
        assert_eq!(again.incident.fatalities, i.fatalities);
        assert_eq!(
            (again.incident.latitude, again.incident.longitude),
            (i.latitude, i.longitude)
        );
        // The export's own columns are not ACLED's, and are said to be ignored.
        assert_eq!(
            r.ignored_columns(),
            [
                "admin1_pcode",
                "admin1_iso",
                "commune_pcode",
                "verification",
                "classification",
                "sources"
            ]
        );
    }

    #[test]
    fn hxl_has_a_hashtag_row() {
        let (ok, _) = read(GOOD);
        let x = Exported {
            incident: ok[0].incident.clone(),
            status: Verification::Confirmed,
            classification: Classification::Public,
            sources: vec![],
        };
        let mut w = Writer::new(Vec::new(), Format::Hxl).expect("header");
        w.write(&x).expect("row");
        let out = String::from_utf8(w.finish().expect("flush")).expect("utf8");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].starts_with("#event+code,#date+occurred,"));
        // Artibonite: its P-code, then its ISO 3166-2 code; the arrondissement, the commune
        // and the commune's P-code.
        assert!(
            lines[2].contains(",Artibonite,HT05,HT-AR,Saint-Marc,Saint-Marc,HT0531,")
                && lines[2].contains(",confirmed,public,"),
            "{}",
            lines[2]
        );
        let f = geojson_feature(&x);
        assert_eq!(f["geometry"]["coordinates"][0], -72.61);
    }

    #[test]
    fn formulas_are_guarded_in_both_exports_and_unguarded_on_reading() {
        let (ok, _) = read(GOOD);
        let mut i = ok[0].incident.clone();
        i.actor1 = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
        i.notes = "=cmd|' /C calc'!A0".into();
        i.location = "@SUM(1+1)".into();
        i.assoc_actor_1 = "'quoted' name".into();
        i.source = "-2+3".into();
        for format in [Format::Acled, Format::Hxl] {
            let out = written(&i, format);
            let mut csv = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(out.as_bytes());
            let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.expect("row")).collect();
            let last = rows.last().expect("a data row");
            // No cell of the file begins with a character a spreadsheet reads as a formula.
            for cell in last.iter() {
                let numeric = cell.parse::<f64>().is_ok();
                assert!(
                    numeric || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{format:?}: {cell:?}"
                );
            }
            assert!(last.iter().any(|c| c == "'=cmd|' /C calc'!A0"), "{last:?}");
            if format == Format::Acled {
                // And the importer gives back exactly what was exported.
                let mut r = Reader::new(out.as_bytes()).expect("header");
                let again = r
                    .next_row()
                    .expect("a row")
                    .expect("readable")
                    .expect("valid");
                assert_eq!(again.incident, i);
            }
        }
        for s in [
            "=1", "+1", "-1", "@a", "\tx", "\rx", "'x", "''=", "plain", "", "'",
        ] {
            assert_eq!(unguard(&guard(s)), s, "{s:?}");
        }
        // A cell that only looks guarded (a quote followed by a letter) is left alone.
        assert_eq!(unguard("'Ti Makak'"), "'Ti Makak'");
    }

    #[test]
    fn control_characters_in_a_row_are_refused_by_column() {
        let row = GOOD.replace("Gran Grif,,Political", "Gran\u{0}Grif,,Political");
        let (ok, bad) = read(&row);
        assert!(ok.is_empty());
        let said = bad[0].describe();
        assert_eq!(
            said,
            vec!["line 2, column actor1: must not contain a NUL character".to_string()]
        );
        // Line breaks are fine in the notes, not in a name.
        let notes = GOOD.replace("attacked Pont-Sonde,", "attacked\nPont-Sonde,");
        assert!(read(&notes).1.is_empty());
        let name = GOOD.replace(",Pont-Sonde,19.1500", ",\"Pont\nSonde\",19.1500");
        let said = read(&name).1[0].describe();
        assert_eq!(
            said,
            vec![
                "line 2, column location: must be a single line (no tab or line break)".to_string()
            ]
        );
    }
}
