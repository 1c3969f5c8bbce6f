//! Fuzzes the HXL readers: the ACLED reader under a hashtag row (HDX's layout) or with hashtags
//! as its only header, and the indicator-table reader, with any bytes after a chosen header.
//! Every outcome is rows, row errors naming a line that never goes back, or one file error —
//! never a panic; every indicator figure found is one the command's own rules accept.
#![no_main]

use konbit_domain::ValidationErrors;
use konbit_domain::situation::SituationCommand;
use konbit_domain::situation::acled_csv::{ACLED_COLUMNS, ACLED_HASHTAGS, Reader};
use konbit_domain::situation::hxl;
use libfuzzer_sys::fuzz_target;

/// Headers the body is put under: none, ACLED's names over HDX's hashtags, hashtags alone, and
/// two indicator tables (IOM-like by commune, OCHA-like periods by department).
fn header(mode: u8) -> String {
    let tags: Vec<&str> = ACLED_HASHTAGS.iter().map(|(_, p)| *p).collect();
    let tags = tags.join(",").replace("-sub", "").replace("-assoc", "").replace("-id", "");
    match mode % 5 {
        0 => String::new(),
        1 => format!("{}\n{tags}\n", ACLED_COLUMNS.join(",")),
        2 => format!("{tags}\n"),
        3 => "date,commune,pcode,idps\n#date+reported,#adm2+name,#adm2+code,#affected+idps+ind\n"
            .into(),
        _ => "#date+start,#date+end,#adm1+code,#adm1+name,#inneed,#population,#affected+killed\n"
            .into(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((mode, body)) = data.split_first() else {
        return;
    };
    let mut file = header(*mode).into_bytes();
    file.extend_from_slice(body);
    if mode % 5 >= 3 {
        let _ = hxl::table_kind(&file[..]);
        let Ok(table) = hxl::read_indicators(&file[..]) else {
            return;
        };
        let mut last = 0;
        for r in &table.rejected {
            assert!(!r.errors.is_empty() && r.line >= last);
            last = r.line;
        }
        for f in &table.figures {
            let mut e = ValidationErrors::default();
            SituationCommand::Observe(f.observation.clone()).check(&mut e);
            assert!(e.0.is_empty(), "{:?}: {:?}", f, e.0);
        }
        return;
    }
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
                assert!(!rejected.errors.is_empty() && rejected.line >= last_line);
                last_line = rejected.line;
            }
            Err(_) => break,
        }
    }
});
