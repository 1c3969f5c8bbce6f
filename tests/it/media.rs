//! `konbit media`: claims printed as JSON lines whose spans are in the files, the scorer's
//! table, and bad files reported one by one without stopping the batch.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn konbit(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_konbit"))
        .args(args)
        .output()
        .expect("run konbit");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn heldout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/media/heldout")
}

#[test]
fn extract_prints_one_line_per_article_with_spans_from_the_file() {
    let dir = heldout();
    let run = konbit(&[
        "media",
        "extract",
        "--format",
        "jsonl",
        dir.to_str().expect("path"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 8, "one line per file");
    let mut claims = 0;
    for line in &lines {
        let name = line["article"].as_str().expect("article");
        let file = std::fs::read_to_string(dir.join(name)).expect("the article's file");
        assert!(line["language"].is_string() && line["published_basis"].is_string());
        for c in line["claims"].as_array().expect("claims") {
            claims += 1;
            for field in ["kind", "event", "subject", "date_precision", "text"] {
                assert!(c[field].is_string(), "{name}: {field} missing in {c}");
            }
            // Spans are verbatim; HTML text is decoded, so only text files are checked byte for byte.
            if name.ends_with(".txt") {
                let span = c["text"].as_str().expect("text");
                assert!(file.contains(span), "{name}: span not in the file: {span}");
            }
        }
    }
    assert!(
        claims >= 30,
        "the eight articles hold 41 gold claims; {claims} extracted"
    );
    // A French dateline with its year; a Traditional Chinese article; Spanish with an inferred year.
    let by_name = |n: &str| lines.iter().find(|l| l["article"] == n).expect(n).clone();
    assert_eq!(by_name("h01_resolution_fr.txt")["published"], "2025-09-30");
    assert_eq!(by_name("h06_letter_zh-hant.txt")["language"], "zh-Hant");
    let es = by_name("h04_salvador_es.txt");
    assert_eq!(
        (es["language"].as_str(), es["published"].as_str()),
        (Some("es"), Some("2025-01-03"))
    );
    assert!(
        es["published_basis"]
            .as_str()
            .is_some_and(|b| b.contains("inferred")),
        "{}",
        es["published_basis"]
    );
}

#[test]
fn eval_scores_per_kind_and_lists_what_it_missed() {
    let gold = heldout().join("../heldout.jsonl");
    let run = konbit(&[
        "media",
        "eval",
        gold.to_str().expect("path"),
        heldout().to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON report");
    assert_eq!(report["articles"], 8);
    assert_eq!(report["all"]["gold"], 41);
    let matched = report["all"]["matched"].as_u64().expect("matched");
    let extracted = report["all"]["extracted"].as_u64().expect("extracted");
    // A floor, so that a change that loses claims or invents them fails here.
    assert!(
        matched as f64 / extracted as f64 >= 0.85,
        "precision fell: {matched}/{extracted}"
    );
    assert!(matched >= 33, "recall fell: {matched}/41");
    for kind in konbit_domain::media::CLAIM_KINDS {
        assert!(
            report["kinds"][kind]["matched"]
                .as_u64()
                .is_some_and(|m| m > 0),
            "no {kind} claim matched"
        );
    }
    let table = konbit(&[
        "media",
        "eval",
        gold.to_str().expect("path"),
        heldout().to_str().expect("path"),
    ]);
    assert!(
        table.stdout.starts_with("kind ") && table.stdout.contains("\nall "),
        "{}",
        table.stdout
    );
}

#[test]
fn bad_files_are_reported_one_by_one_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("a_good.txt");
    std::fs::write(&good, "Kenya pledged 1,000 police officers in July 2023.\n").expect("write");
    std::fs::write(dir.path().join("b_empty.txt"), "").expect("write");
    std::fs::write(
        dir.path().join("c_binary.bin"),
        [0x7f, b'E', b'L', b'F', 0, 1, 2, 3],
    )
    .expect("write");
    std::fs::write(
        dir.path().join("d_latin1.txt"),
        b"Ha\xefti: 200 policiers arriv\xe9s",
    )
    .expect("write");
    let big = std::fs::File::create(dir.path().join("e_huge.html")).expect("create");
    big.set_len(50 << 20).expect("a 50 MB file");
    let run = konbit(&["media", "extract", dir.path().to_str().expect("path")]);
    assert_eq!(run.code, 1, "a failed file makes the exit code 1");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "the good file is still printed: {}",
        run.stdout
    );
    assert!(
        lines[0].contains("\"article\":\"a_good.txt\"") && lines[0].contains("\"pledged\""),
        "{}",
        lines[0]
    );
    for (file, why) in [
        ("b_empty.txt", "empty"),
        ("c_binary.bin", "binary"),
        ("d_latin1.txt", "UTF-8"),
        ("e_huge.html", "more than"),
    ] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(why)),
            "{file}: {why} not reported in:\n{}",
            run.stderr
        );
    }
}

#[test]
fn eval_names_a_bad_gold_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, "{\"article\": \"x.txt\", \"claims\": 3}\n").expect("write");
    let run = konbit(&[
        "media",
        "eval",
        gold.to_str().expect("path"),
        dir.path().to_str().expect("path"),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("line 1"), "{}", run.stderr);
}

fn konbit_in(dir: &Path, args: &[&str]) -> Run {
    let db = format!("sqlite://{}", dir.join("konbit.db").display());
    let mut all = vec![
        "--database",
        db.as_str(),
        "--data-dir",
        dir.to_str().expect("path"),
    ];
    all.extend_from_slice(args);
    konbit(&all)
}

#[test]
fn ingest_records_each_article_once_as_a_graded_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = heldout();
    let first = konbit_in(
        dir.path(),
        &["media", "ingest", articles.to_str().expect("path")],
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first
            .stdout
            .contains("8 articles: 8 recorded, 0 already recorded, 0 refused"),
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .contains("recorded h02_funding_en.html: source ")
            && first.stdout.contains("(log entry ")
    );
    let again = konbit_in(
        dir.path(),
        &["media", "ingest", articles.to_str().expect("path")],
    );
    assert!(
        again
            .stdout
            .contains("8 articles: 0 recorded, 8 already recorded"),
        "re-ingesting records nothing: {}",
        again.stdout
    );
    let verify = konbit_in(dir.path(), &["log", "verify", "--json"]);
    assert_eq!(verify.code, 0, "{}{}", verify.stdout, verify.stderr);
    let v: serde_json::Value = serde_json::from_str(&verify.stdout).expect("JSON");
    assert_eq!(
        (v["ok"].as_bool(), v["length"].as_i64()),
        (Some(true), Some(16)),
        "two entries per article (its source, then its text and claims): {v}"
    );
}

/// A feed server on loopback: answers the RSS feed with an ETag and 304 to a request that
/// sends it back, 500 on `/broken`; counts conditional requests.
fn feed_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let conditional = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = conditional.clone();
    let item = "A second group of 75 Guatemalan soldiers arrived in Haiti on Saturday to join the Kenyan-led mission. \
                The Guatemalan contingent brings the country's deployment to 150 military police, the mission said. \
                Guatemala had pledged 150 troops in September.";
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>{base}/</link>\
         <item><title>Guatemalan soldiers arrive</title><link>{base}/a/1</link><guid>wire-1</guid>\
         <pubDate>Sat, 04 Jan 2025 18:00:00 GMT</pubDate><description><![CDATA[<p>{item}</p>]]></description></item>\
         </channel></rss>"
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            let mut etag_sent = false;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                etag_sent |= line
                    .to_ascii_lowercase()
                    .starts_with("if-none-match: \"v1\"");
            }
            let mut stream = stream;
            let response = if first.contains("/broken") {
                "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
            } else if etag_sent {
                seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n".to_string()
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: \"v1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{rss}",
                    rss.len()
                )
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    (base, conditional)
}

#[test]
fn watch_records_new_items_asks_again_conditionally_and_reports_a_failing_feed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (base, conditional) = feed_server();
    let feed = format!("{base}/feed.xml");
    let broken = format!("{base}/broken");
    let state = dir.path().join("feeds.json");
    let state_arg = state.to_str().expect("path");
    let first = konbit_in(
        dir.path(),
        &[
            "media", "watch", &feed, &broken, "--once", "--state", state_arg,
        ],
    );
    assert_eq!(
        first.code, 1,
        "a failing feed makes the exit code 1: {}",
        first.stderr
    );
    assert!(
        first.stderr.contains(&format!("feed {broken}")) && first.stderr.contains("500"),
        "{}",
        first.stderr
    );
    assert!(
        first
            .stdout
            .contains(&format!("recorded {base}/a/1: source ")),
        "the other feed's item is recorded: {}",
        first.stdout
    );
    assert!(
        first.stdout.contains("2025-01-04"),
        "the item's date: {}",
        first.stdout
    );
    let kept: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state).expect("state file")).expect("JSON");
    assert_eq!(kept[0]["etag"], "\"v1\"");
    let second = konbit_in(
        dir.path(),
        &["media", "watch", &feed, "--once", "--state", state_arg],
    );
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        !second.stdout.contains("recorded"),
        "nothing new: {}",
        second.stdout
    );
    assert_eq!(
        conditional.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "the second poll sent If-None-Match and got 304"
    );
    let bad = konbit_in(
        dir.path(),
        &["media", "watch", "ftp://example.org/feed", "--once"],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("http:// or https://"), "{}", bad.stderr);
}

#[test]
fn reconcile_sets_each_claim_beside_the_record_of_its_mission() {
    let dir = tempfile::tempdir().expect("temp dir");
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/scenarios/haiti-mss");
    let load = konbit_in(dir.path(), &["load", scenario.to_str().expect("path")]);
    assert_eq!(load.code, 0, "{}", load.stderr);
    let files: Vec<String> = [
        "h01_resolution_fr.txt",
        "h03_guatemala_en.txt",
        "h08_jamaica_fr.txt",
    ]
    .iter()
    .map(|f| heldout().join(f).to_string_lossy().into_owned())
    .collect();
    let mut args = vec!["media", "reconcile"];
    args.extend(files.iter().map(String::as_str));
    let run = konbit_in(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = |needle: &str| {
        run.stdout
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in:\n{}", run.stdout))
            .to_string()
    };
    // The scenario records the Guatemalan arrival of 4 January 2025 and the MSS's first mandate end.
    assert!(
        line("personnel/arrived GTM 75 2025-01-04")
            .trim_start()
            .starts_with("agrees"),
        "{}",
        run.stdout
    );
    assert!(
        line("resolution/mandate_end MSS - 2024-10-02 [mss]")
            .trim_start()
            .starts_with("agrees")
    );
    // Resolution 2793 ends on 30 September 2026: "fin en octobre 2026" conflicts, on the GSF's record.
    let gsf = line("resolution/mandate_end GSF 12 2026-10 [gsf]");
    assert!(
        gsf.trim_start().starts_with("conflicts") && gsf.contains("2026-09-30"),
        "{gsf}"
    );
    assert!(
        line("resolution/adopted UNSC - 2025-09-30 [gsf]")
            .trim_start()
            .starts_with("agrees")
    );
    // Casualties against the indicator series: 5,626 killed in 2024 bears out "more than 5,600".
    assert!(
        line("casualties/killed HTI 5600 2024")
            .trim_start()
            .starts_with("agrees"),
        "{}",
        run.stdout
    );
    // Money: the scenario records the US freeze of 13.3 million on 2025-02-04.
    let money = konbit_in(
        dir.path(),
        &[
            "media",
            "reconcile",
            heldout()
                .join("h02_funding_en.html")
                .to_str()
                .expect("path"),
        ],
    );
    let frozen = money
        .stdout
        .lines()
        .find(|l| l.contains("money/frozen USA 13300000"))
        .unwrap_or_default()
        .to_string();
    assert!(
        frozen.trim_start().starts_with("agrees"),
        "{}",
        money.stdout
    );
    let counts = line("against the record (");
    assert!(
        counts.contains(" agree, ") && counts.contains(" conflict, "),
        "{counts}"
    );
    let json = konbit_in(dir.path(), &["media", "reconcile", "--json", &files[1]]);
    let v: serde_json::Value = serde_json::from_str(json.stdout.trim()).expect("JSON line");
    let statuses: Vec<&str> = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["verdict"]["status"].as_str())
        .collect();
    assert!(statuses.contains(&"agrees"), "{statuses:?}");
}
