//! Fuzzes the ACLED CSV reader and row parser: any bytes after a valid header must yield rows
//! or row errors with a line number that never goes back (records split by a bare `\r` share a
//! line) — never a panic, whatever the quoting, field count or encoding. A second header-less mode feeds raw bytes as the whole file (header included).
#![no_main]

use konbit_domain::situation::acled_csv::{ACLED_COLUMNS, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (with_header, body) = match data.split_first() {
        Some((flag, rest)) => (flag % 2 == 0, rest),
        None => return,
    };
    let mut file = Vec::with_capacity(body.len() + 400);
    if with_header {
        file.extend_from_slice(ACLED_COLUMNS.join(",").as_bytes());
        file.push(b'\n');
    }
    file.extend_from_slice(body);
    let Ok(mut reader) = Reader::new(&file[..]) else {
        return;
    };
    let mut last_line = 0;
    while let Some(next) = reader.next_row() {
        match next {
            Ok(Ok(row)) => {
                assert!(row.line >= last_line);
                last_line = row.line;
            }
            Ok(Err(rejected)) => {
                assert!(!rejected.errors.is_empty());
                assert!(!rejected.describe().is_empty());
                assert!(rejected.line >= last_line);
                last_line = rejected.line;
            }
            Err(_) => break,
        }
    }
});
