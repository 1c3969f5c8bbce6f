//! Fuzzes the tile path parser of `/tlog/tile/…` on any text: a `TilePath` or an error, never a
//! panic. An accepted path has a width of 1 to 256 and, for a hash tile, a level below 8; written
//! back in the C2SP tlog-tiles form (the index in groups of three digits, all but the last
//! prefixed with `x`, then `.p/W` for a partial tile) it parses to the same `TilePath`.
#![no_main]

use konbit_web::record::tlog::{TilePath, parse_tile_path};
use libfuzzer_sys::fuzz_target;

/// The C2SP path of a tile: `L/N[.p/W]` or `entries/N[.p/W]`.
fn format_tile_path(t: &TilePath) -> String {
    let mut groups = Vec::new();
    let mut n = t.index;
    loop {
        groups.push(n % 1000);
        n /= 1000;
        if n == 0 {
            break;
        }
    }
    let index: Vec<String> = groups
        .iter()
        .rev()
        .enumerate()
        .map(|(i, g)| {
            if i + 1 == groups.len() {
                format!("{g:03}")
            } else {
                format!("x{g:03}")
            }
        })
        .collect();
    let level = t.level.map_or("entries".to_string(), |l| l.to_string());
    let partial = if t.width == 256 {
        String::new()
    } else {
        format!(".p/{}", t.width)
    };
    format!("{level}/{}{partial}", index.join("/"))
}

fuzz_target!(|path: &str| {
    let Ok(t) = parse_tile_path(path) else {
        return;
    };
    assert!((1..=256).contains(&t.width), "{path:?}: width {}", t.width);
    if let Some(level) = t.level {
        assert!(level < 8, "{path:?}: level {level}");
    }
    let again = format_tile_path(&t);
    assert_eq!(
        parse_tile_path(&again),
        Ok(t),
        "{path:?} read as {t:?}, written back as {again:?}"
    );
});
