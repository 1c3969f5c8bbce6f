//! Partners' files in: the streaming ACLED import (a CSV export, by ACLED's column names or by
//! HXL hashtags) reads row by row on a blocking thread, validates every row, hands valid rows
//! to the writer in chunks (one transaction for the whole file), and either writes nothing when
//! a row is bad (the default) or writes the bad rows with their reasons to a rejects file and
//! imports the rest. Memory stays flat in the file's size: at most a few chunks are in flight.
//! HXL indicator tables (IOM's displacement figures) are bounded in rows and recorded as one
//! batch of observations, on the same all-or-nothing terms.

use crate::{
    Result, Store, StoreError,
    actor::{Actor, Envelope},
    situation::{ImportSpec, ImportSummary, PreparedRow},
};
use crate::{Visibility, situation::source_by_reference};
use konbit_domain::{
    Classification, Command, DomainError, Named, NewSource, Reliability, SourceCommand, SourceKind,
    situation::{
        SituationCommand,
        acled_csv::{FileError, Reader, Rejected, guard},
        hxl,
    },
};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use time::Date;
use tokio::sync::mpsc;

/// Rows per chunk sent to the writer.
const CHUNK: usize = 1000;
/// Bad rows reported in full; the rest are counted.
pub const REPORTED: usize = 50;

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// Classification of the imported incidents.
    pub classification: Classification,
    /// Admiralty grade of the file as a source.
    pub reliability: Reliability,
    /// Admiralty credibility of its information.
    pub credibility: i64,
    /// Import the good rows and write the bad ones here, instead of importing nothing.
    pub rejects: Option<PathBuf>,
}

/// What an import did, or would have done.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Data rows read.
    pub rows: u64,
    /// What was recorded (nothing when `committed` is false).
    pub summary: ImportSummary,
    /// Bad rows.
    pub rejected: u64,
    /// The first bad rows' problems, one line each.
    pub problems: Vec<String>,
    /// Header columns that were not ACLED's.
    pub ignored_columns: Vec<String>,
    /// Whether anything was committed.
    pub committed: bool,
}

enum FromReader {
    Rows(Vec<PreparedRow>),
    Bad(Rejected),
    Progress(u64),
    Failed(FileError),
}

/// The SHA-256 of a file, hex: the reference under which it is registered as a source, so a
/// re-import finds it.
pub fn file_digest(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

/// Imports an ACLED CSV file. `progress` is told the bytes read so far.
pub async fn import(
    store: &Store,
    actor: Actor,
    path: &Path,
    opts: &Options,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Report> {
    let digest = file_digest(path).map_err(|e| io_error(path, e))?;
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let reader = Reader::new(std::io::BufReader::with_capacity(1 << 16, file)).map_err(|e| {
        StoreError::Domain(konbit_domain::DomainError::invalid("file", e.to_string()))
    })?;
    let mut report = Report {
        ignored_columns: reader.ignored_columns().to_vec(),
        ..Report::default()
    };
    let mut rejects = match &opts.rejects {
        Some(p) => {
            let f = std::fs::File::create(p).map_err(|e| io_error(p, e))?;
            // Bad rows may have any number of fields.
            let mut w = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(std::io::BufWriter::new(f));
            let mut head = vec!["line".to_string(), "reasons".to_string()];
            head.extend(reader.header().iter().cloned());
            w.write_record(&head)
                .map_err(|e| StoreError::Internal(format!("writing rejects: {e}")))?;
            Some(w)
        }
        None => None,
    };
    let source = Envelope::new(
        Command::Sources(SourceCommand::RegisterSource(file_source(
            path,
            &format!("sha256:{digest}"),
            "ACLED export",
            Some("ACLED"),
            "Imported with konbit import acled.",
            opts,
        ))),
        vec![],
        opts.classification.min(Classification::Mission),
    );
    let spec = ImportSpec {
        sources: vec![],
        classification: opts.classification,
        absent: reader.absent_columns(),
    };
    let job = store.writer().import(actor, spec, source).await?;

    let (tx, mut rx) = mpsc::channel::<FromReader>(4);
    let reading = tokio::task::spawn_blocking(move || read_all(reader, tx));
    let mut importing = true;
    let mut failed: Option<StoreError> = None;
    while let Some(msg) = rx.recv().await {
        match msg {
            FromReader::Rows(rows) => {
                report.rows += rows.len() as u64;
                // In the default mode a bad row already decided the outcome: keep reading only
                // to report every bad row.
                if importing
                    && (report.rejected == 0 || rejects.is_some())
                    && let Err(e) = job.rows(rows).await
                {
                    importing = false;
                    failed = Some(e);
                }
            }
            FromReader::Bad(rej) => {
                report.rows += 1;
                report.rejected += 1;
                for line in rej.describe() {
                    if report.problems.len() < REPORTED {
                        report.problems.push(line);
                    }
                }
                if let Some(w) = rejects.as_mut() {
                    w.write_record(rejects_row(&rej))
                        .map_err(|e| StoreError::Internal(format!("writing rejects: {e}")))?;
                }
            }
            FromReader::Progress(b) => progress(b),
            FromReader::Failed(e) => {
                importing = false;
                failed = Some(StoreError::Domain(konbit_domain::DomainError::invalid(
                    "file",
                    e.to_string(),
                )));
            }
        }
    }
    reading
        .await
        .map_err(|e| StoreError::Internal(format!("the reader failed: {e}")))?;
    if let Some(mut w) = rejects {
        w.flush()
            .map_err(|e| StoreError::Internal(format!("writing rejects: {e}")))?;
    }
    let commit = failed.is_none() && (report.rejected == 0 || opts.rejects.is_some());
    if commit {
        report.summary = job.commit().await?;
        report.committed = true;
    } else {
        job.abort().await;
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok(report)
}

fn read_all<R: Read>(mut reader: Reader<R>, tx: mpsc::Sender<FromReader>) {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut last_progress = 0u64;
    while let Some(next) = reader.next_row() {
        let msg = match next {
            // Serializing and digesting here keeps that work off the writer's thread.
            Ok(Ok(row)) => match PreparedRow::new(row.incident) {
                Ok(p) => {
                    chunk.push(p);
                    if chunk.len() < CHUNK {
                        continue;
                    }
                    FromReader::Rows(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))
                }
                Err(e) => FromReader::Failed(FileError::Read {
                    line: row.line,
                    message: e.to_string(),
                }),
            },
            Ok(Err(rej)) => FromReader::Bad(rej),
            Err(e) => FromReader::Failed(e),
        };
        if tx.blocking_send(msg).is_err() {
            return;
        }
        let b = reader.bytes_read();
        if b - last_progress > 1 << 20 {
            last_progress = b;
            if tx.blocking_send(FromReader::Progress(b)).is_err() {
                return;
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.blocking_send(FromReader::Rows(chunk));
    }
    let _ = tx.blocking_send(FromReader::Progress(reader.bytes_read()));
}

/// What an indicator import did, or would have done.
#[derive(Debug, Clone, Default)]
pub struct IndicatorReport {
    /// Data rows read.
    pub rows: u64,
    /// Observations recorded.
    pub added: u64,
    /// Figures the record already holds (same indicator, period, area and value): not recorded
    /// again.
    pub unchanged: u64,
    /// Bad rows.
    pub rejected: u64,
    /// The first bad rows' problems, one line each.
    pub problems: Vec<String>,
    /// Columns that hold no indicator Konbit keeps, with why.
    pub ignored_columns: Vec<String>,
    /// Rows of other countries (a global table), passed over.
    pub other_countries: u64,
    /// Whether anything was committed.
    pub committed: bool,
}

/// Imports an HXL indicator table (see [`hxl::read_indicators`]): every figure becomes an
/// `indicator.observed` entry resting on the file, registered as a source (once: a file imported
/// again finds its source, and figures already recorded are not recorded twice).
pub async fn import_indicators(
    store: &Store,
    actor: Actor,
    path: &Path,
    opts: &Options,
) -> Result<IndicatorReport> {
    let digest = file_digest(path).map_err(|e| io_error(path, e))?;
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let table = tokio::task::spawn_blocking(move || {
        hxl::read_indicators(std::io::BufReader::with_capacity(1 << 16, file))
    })
    .await
    .map_err(|e| StoreError::Internal(format!("the reader failed: {e}")))?
    .map_err(|e| StoreError::Domain(DomainError::invalid("file", e.to_string())))?;
    let mut report = IndicatorReport {
        rows: table.rows,
        rejected: table.rejected.len() as u64,
        ignored_columns: table.ignored.clone(),
        other_countries: table.other_countries,
        ..IndicatorReport::default()
    };
    for rej in &table.rejected {
        for line in rej.describe() {
            if report.problems.len() < REPORTED {
                report.problems.push(line);
            }
        }
    }
    if let Some(p) = &opts.rejects {
        write_rejects(p, &table.header, &table.rejected)?;
    } else if !table.rejected.is_empty() {
        return Ok(report);
    }
    // Figures already recorded, whatever their source: a table published again with a few new
    // weeks adds only those.
    let mut held = HashSet::new();
    {
        let mut r = store.reader(Visibility::ALL).await?;
        for o in r.observations(Date::MAX).await? {
            held.insert((o.indicator, o.from_date, o.to_date, o.area, o.value));
        }
    }
    let reference = format!("sha256:{digest}");
    let existing = {
        let mut conn = store.conn().await?;
        source_by_reference(&mut conn.ex(), &reference).await?
    };
    let mut envs = Vec::new();
    let source = match existing {
        Some(id) => id,
        None => {
            let id = uuid::Uuid::now_v7();
            let mut env = Envelope::new(
                Command::Sources(SourceCommand::RegisterSource(file_source(
                    path,
                    &reference,
                    "HXL indicator table",
                    None,
                    "Imported with konbit import hxl.",
                    opts,
                ))),
                vec![],
                opts.classification.min(Classification::Mission),
            );
            env.subject = Some(id);
            envs.push(env);
            id
        }
    };
    for f in table.figures {
        let o = &f.observation;
        let key = (
            o.indicator.as_str().to_string(),
            o.from,
            o.to,
            o.area.clone(),
            o.value,
        );
        if !held.insert(key) {
            report.unchanged += 1;
            continue;
        }
        report.added += 1;
        envs.push(Envelope::new(
            Command::Situation(SituationCommand::Observe(f.observation)),
            vec![source],
            opts.classification,
        ));
    }
    if report.added > 0 {
        store
            .writer()
            .submit_all(actor, envs)
            .await
            .map_err(|(_, e)| e)?;
    }
    report.committed = true;
    Ok(report)
}

/// The source an imported file is registered as.
fn file_source(
    path: &Path,
    reference: &str,
    what: &str,
    outlet: Option<&str>,
    note: &str,
    opts: &Options,
) -> NewSource {
    let name = path
        .file_name()
        .map_or_else(|| what.into(), |n| n.to_string_lossy().into_owned());
    NewSource {
        kind: SourceKind::Other,
        title: format!("{what} {name}"),
        url: None,
        reference: Some(reference.to_string()),
        published_on: None,
        outlet: outlet.map(str::to_string),
        language: Some("en".into()),
        reliability: opts.reliability,
        credibility: opts.credibility,
        note: Some(note.into()),
    }
}

/// A bad row as a rejects file has it: line, reasons, then its cells. The file is opened in
/// spreadsheets to be mended, then imported again: its cells are guarded as an export's (the
/// reader undoes it).
fn rejects_row(rej: &Rejected) -> Vec<String> {
    let reasons: Vec<String> = rej
        .errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    let mut row = vec![rej.line.to_string(), guard(&reasons.join("; "))];
    row.extend(rej.fields.iter().map(|f| guard(f)));
    row
}

/// Writes bad rows, with their line and reasons, to a rejects file.
fn write_rejects(path: &Path, header: &[String], rows: &[Rejected]) -> Result<()> {
    let fail = |e: csv::Error| StoreError::Internal(format!("writing rejects: {e}"));
    let f = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
    // Bad rows may have any number of fields.
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(std::io::BufWriter::new(f));
    let mut head = vec!["line".to_string(), "reasons".to_string()];
    head.extend(header.iter().cloned());
    w.write_record(&head).map_err(fail)?;
    for rej in rows {
        w.write_record(rejects_row(rej)).map_err(fail)?;
    }
    w.flush()
        .map_err(|e| StoreError::Internal(format!("writing rejects: {e}")))
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Domain(konbit_domain::DomainError::invalid(
        "file",
        format!("{}: {e}", path.display()),
    ))
}
