//! The streaming ACLED import: reads a CSV export row by row on a blocking thread, validates
//! every row, hands valid rows to the writer in chunks (one transaction for the whole file),
//! and either writes nothing when a row is bad (the default) or writes the bad rows with their
//! reasons to a rejects file and imports the rest. Memory stays flat in the file's size: at
//! most a few chunks are in flight.

use crate::{
    Result, Store, StoreError,
    actor::{Actor, Envelope},
    situation::{ImportSpec, ImportSummary, PreparedRow},
};
use konbit_domain::{
    Classification, Command, NewSource, Reliability, SourceCommand, SourceKind,
    situation::acled_csv::{FileError, Reader, Rejected, guard},
};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
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
    let name = path.file_name().map_or_else(
        || "ACLED export".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let source = Envelope::new(
        Command::Sources(SourceCommand::RegisterSource(NewSource {
            kind: SourceKind::Other,
            title: format!("ACLED export {name}"),
            url: None,
            reference: Some(format!("sha256:{digest}")),
            published_on: None,
            outlet: Some("ACLED".into()),
            language: Some("en".into()),
            reliability: opts.reliability,
            credibility: opts.credibility,
            note: Some("Imported with konbit import acled.".into()),
        })),
        vec![],
        opts.classification.min(Classification::Mission),
    );
    let spec = ImportSpec {
        sources: vec![],
        classification: opts.classification,
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
                    let reasons: Vec<String> = rej
                        .errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.message))
                        .collect();
                    let mut row = vec![rej.line.to_string(), guard(&reasons.join("; "))];
                    // The rejects file is opened in spreadsheets to be mended, then re-imported:
                    // guard its cells as an export's (the reader undoes it).
                    row.extend(rej.fields.iter().map(|f| guard(f)));
                    w.write_record(&row)
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

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Domain(konbit_domain::DomainError::invalid(
        "file",
        format!("{}: {e}", path.display()),
    ))
}
