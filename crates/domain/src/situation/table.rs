//! Tables partners send as CSV, whatever they hold: the physical line a row starts on (LF,
//! CRLF or CR line ends), why a whole file cannot be read, a refused row with its problems,
//! and dates as partners write them. The ACLED reader and the HXL readers share these.

use crate::FieldError;
use std::io::Read;
use time::{Date, Month};

/// Why a whole file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// The header lacks required columns.
    #[error("line 1: the header lacks ACLED's required column(s): {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    /// The same column twice.
    #[error("line 1: column {0:?} appears twice")]
    DuplicateColumn(String),
    /// Two columns whose hashtags both match what one column must give.
    #[error("line 1: columns {first} and {second} both give {what}: keep one")]
    Ambiguous {
        /// What they give (`latitude (#geo+lat)`).
        what: String,
        /// The first column, from 1.
        first: usize,
        /// The second.
        second: usize,
    },
    /// An HXL table lacks what it must have.
    #[error("line 1: the table has no {0}")]
    Lacks(String),
    /// An empty file.
    #[error("the file is empty: expected a header row with ACLED's columns")]
    Empty,
    /// The file could not be read (I/O, or a CSV framing error that ends reading).
    #[error("line {line}: {message}")]
    Read {
        /// Line number, from 1.
        line: u64,
        /// What happened.
        message: String,
    },
}

/// A row that was refused: where, what it said, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// Line number, from 1.
    pub line: u64,
    /// The row's fields (invalid UTF-8 replaced), to write to a rejects file.
    pub fields: Vec<String>,
    /// Each problem: the column and the reason.
    pub errors: Vec<FieldError>,
}

impl Rejected {
    /// One line per problem: `line 7, column latitude: …`.
    pub fn describe(&self) -> Vec<String> {
        self.errors
            .iter()
            .map(|e| {
                if e.field.is_empty() {
                    format!("line {}: {}", self.line, e.message)
                } else {
                    format!("line {}, column {}: {}", self.line, e.field, e.message)
                }
            })
            .collect()
    }
}

/// Counts physical lines in what the CSV parser reads, so that a row is named by the line it
/// starts on in an editor, whatever the line ends: LF, CRLF (Excel, Python's `csv`) or a bare CR
/// (old Mac files). The `csv` crate counts only LFs, and counts the LF of a CRLF as part of the
/// next record, so its line numbers run one short in CRLF files and never move in CR files.
/// A break is counted at its first byte (the CR of a CRLF); only the breaks the parser has read
/// ahead of the current row are kept, so memory stays bounded by its buffer.
pub(crate) struct Lines<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// Whether the last byte read was a CR (an LF right after it ends the same line).
    after_cr: bool,
    /// Offsets of line breaks read but not yet passed by a row.
    ahead: std::collections::VecDeque<u64>,
    /// Line breaks before the last row asked about.
    passed: u64,
}

impl<R> Lines<R> {
    pub(crate) fn new(inner: R) -> Self {
        Lines {
            inner,
            offset: 0,
            after_cr: false,
            ahead: std::collections::VecDeque::new(),
            passed: 0,
        }
    }

    /// The line (from 1) of the byte at `at`; `at` must not go backwards between calls.
    pub(crate) fn line_at(&mut self, at: u64) -> u64 {
        while self.ahead.front().is_some_and(|b| *b < at) {
            self.ahead.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, b) in buf[..n].iter().enumerate() {
            match b {
                b'\r' => {
                    self.ahead.push_back(self.offset + i as u64);
                    self.after_cr = true;
                }
                b'\n' => {
                    if !self.after_cr {
                        self.ahead.push_back(self.offset + i as u64);
                    }
                    self.after_cr = false;
                }
                _ => self.after_cr = false,
            }
        }
        self.offset += n as u64;
        // Breaks are kept until a row passes them: a hostile row of millions of quoted line
        // breaks would keep them all. No ACLED row comes near this (its notes are at most
        // 10,000 characters).
        if self.ahead.len() > MAX_LINES_AHEAD {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("a row spans more than {MAX_LINES_AHEAD} lines"),
            ));
        }
        Ok(n)
    }
}

/// Most line breaks read ahead of the row being read (see [`Lines`]).
pub(crate) const MAX_LINES_AHEAD: usize = 100_000;

/// Reads ACLED's dates: ISO 8601 (`2024-10-03`) or ACLED's older `3 October 2024`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let bad = || format!("{s:?} is not a date (YYYY-MM-DD, or D Month YYYY as ACLED writes it)");
    if let Some((y, rest)) = s.split_once('-') {
        let (m, d) = rest.split_once('-').ok_or_else(bad)?;
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        let m = Month::try_from(m).map_err(|_| bad())?;
        return Date::from_calendar_date(y, m, d).map_err(|_| bad());
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [d, m, y] = parts[..] else {
        return Err(bad());
    };
    let d: u8 = d.parse().map_err(|_| bad())?;
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m = (1..=12u8)
        .filter_map(|n| Month::try_from(n).ok())
        .find(|mo| {
            let name = mo.to_string();
            name.eq_ignore_ascii_case(m) || (m.len() == 3 && name[..3].eq_ignore_ascii_case(m))
        })
        .ok_or_else(bad)?;
    Date::from_calendar_date(y, m, d).map_err(|_| bad())
}
