//! Fuzzes reading a witness from the command line or the configuration (`URL=VKEY`) on any
//! text: a `Witness` or an error, never a panic. An accepted witness's address is the given one
//! (an `http://` or `https://` one) without its trailing `/`s, since requests go to
//! `{url}/add-checkpoint`, and its cosigner has a name.
#![no_main]

use konbit_web::shared::checkpoints::Witness;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    match Witness::parse(s) {
        Ok(w) => {
            let given = s.split_once('=').map_or(s, |(url, _)| url);
            assert!(
                given.starts_with("http://") || given.starts_with("https://"),
                "{s:?}: address {given:?}"
            );
            assert_eq!(w.url, given.trim_end_matches('/'), "{s:?}");
            assert!(!w.cosigner.name().is_empty());
        }
        Err(e) => assert!(!e.is_empty()),
    }
});
