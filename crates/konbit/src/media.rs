//! `konbit media`: the command line of media monitoring — extract an article's claims as JSON
//! lines, score the extractor against gold claims. Reading and extraction live in the media
//! crate; this module walks the files and prints.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use konbit_media::{ArticleClaims, document::MAX_BYTES, eval};

#[derive(Subcommand, Debug)]
pub enum MediaCmd {
    /// Print each article's claims in the claims format (docs/media-claims.md), one JSON line per
    /// article, `article` being the file's name. Folders are read file by file; a file that
    /// cannot be read is reported on stderr and the batch goes on (exit 1 at the end).
    Extract {
        /// Article files (plain text, Markdown with front matter, HTML) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
    },
    /// Score the extractor: precision, recall and F1 per claim kind against gold claims
    /// (JSON lines in the same format), reading each gold article from DIR by its name.
    Eval {
        /// The gold claims, one JSON line per article.
        gold: PathBuf,
        /// The folder holding the articles the gold names.
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Also list the gold claims missed and the extracted claims that matched none.
        #[arg(long)]
        show: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One pretty-printed JSON array.
    Json,
}

/// Every file under the given paths, folders walked in name order.
fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            entries.sort();
            out.extend(files(&entries));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Reads and analyses one file, its size checked before it is read.
fn analyse(path: &Path) -> Result<ArticleClaims> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("{}", path.display()))?
        .len();
    if size > MAX_BYTES as u64 {
        anyhow::bail!(
            "{}: the file is {size} bytes, more than the {MAX_BYTES} an article may have",
            path.display()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    konbit_media::analyse(&name, &bytes).with_context(|| format!("{}", path.display()))
}

pub async fn run(command: MediaCmd) -> Result<ExitCode> {
    match command {
        MediaCmd::Extract { paths, format } => {
            let mut failed = 0;
            let mut all = Vec::new();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for path in files(&paths) {
                match analyse(&path) {
                    Ok(article) => match format {
                        Format::Jsonl => {
                            serde_json::to_writer(&mut out, &article)?;
                            std::io::Write::write_all(&mut out, b"\n")?;
                        }
                        Format::Json => all.push(article),
                    },
                    Err(e) => {
                        failed += 1;
                        eprintln!("konbit: {e:#}");
                    }
                }
            }
            if let Format::Json = format {
                serde_json::to_writer_pretty(&mut out, &all)?;
                std::io::Write::write_all(&mut out, b"\n")?;
            }
            std::io::Write::flush(&mut out)?;
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        MediaCmd::Eval {
            gold,
            dir,
            json,
            show,
        } => {
            let text =
                std::fs::read_to_string(&gold).with_context(|| format!("{}", gold.display()))?;
            let mut golds = Vec::new();
            for (i, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let g: ArticleClaims = serde_json::from_str(line)
                    .with_context(|| format!("{}: line {}", gold.display(), i + 1))?;
                golds.push(g);
            }
            let mut extracted = Vec::new();
            for g in &golds {
                match analyse(&dir.join(&g.article)) {
                    Ok(a) => extracted.push(a),
                    Err(e) => eprintln!("konbit: {e:#}"),
                }
            }
            let report = eval::score(&golds, &extracted);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut text = String::new();
            if json {
                text.push_str(&serde_json::to_string_pretty(&report)?);
                text.push('\n');
            } else {
                text.push_str(&report.table());
                text.push_str(&format!("articles scored: {}\n", report.articles));
                if !report.missing.is_empty() {
                    text.push_str(&format!(
                        "gold articles not found in {}: {}\n",
                        dir.display(),
                        report.missing.join(", ")
                    ));
                }
                if show {
                    for (article, c) in &report.unmatched_gold {
                        text.push_str(&format!(
                            "missed     {article}: {}\n",
                            serde_json::to_string(c)?
                        ));
                    }
                    for (article, c) in &report.unmatched_extracted {
                        text.push_str(&format!(
                            "unmatched  {article}: {}\n",
                            serde_json::to_string(c)?
                        ));
                    }
                }
            }
            // A reader that stops early (`| head`) is not an error worth a message.
            if let Err(e) = std::io::Write::write_all(&mut out, text.as_bytes())
                .and_then(|_| std::io::Write::flush(&mut out))
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
            Ok(if report.missing.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
