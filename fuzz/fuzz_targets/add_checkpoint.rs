//! Fuzzes the witness's `POST /add-checkpoint` body parser (C2SP tlog-witness: `old N`, the
//! consistency proof's hashes in base64 one per line, a blank line, the signed checkpoint) on
//! any bytes, then what the handler does with an accepted request before touching its store:
//! the checkpoint opened against a fixed log verifier key and the proof checked from `old` —
//! never a panic. An accepted request has at most 65 proof hashes, its checkpoint is the body's
//! tail after the first blank line, and written back in the same form it parses the same.
#![no_main]

use base64::{Engine, prelude::BASE64_STANDARD};
use konbit_store::{checkpoint::open_note, tree};
use konbit_web::record::mirror::parse_add_checkpoint;
use libfuzzer_sys::fuzz_target;

/// The log key `checkpoint_note` signs with (its seeds' notes open against it).
const LOG_VERIFIER: &str =
    "fuzz.konbit.example/log+f0e3a2cd+AXS97gXnUwXg/ZnNYzczBArQy54gbR8pJ+lWUBVxEGca";

fuzz_target!(|body: &[u8]| {
    let Ok(req) = parse_add_checkpoint(body) else {
        return;
    };
    assert!(req.proof.len() <= 65, "{} proof hashes", req.proof.len());
    assert!(
        body.ends_with(req.note.as_bytes()),
        "the checkpoint is not the body's tail"
    );

    let mut again = format!("old {}\n", req.old);
    for h in &req.proof {
        again.push_str(&BASE64_STANDARD.encode(h));
        again.push('\n');
    }
    again.push('\n');
    again.push_str(&req.note);
    let back = parse_add_checkpoint(again.as_bytes()).expect("written back, it parses");
    assert_eq!(
        (back.old, &back.proof, &back.note),
        (req.old, &req.proof, &req.note)
    );

    if let Ok(c) = open_note(req.note.as_bytes(), LOG_VERIFIER) {
        let _ = tree::verify_consistency(req.old, c.size, &c.root, &c.root, &req.proof);
        let _ = tree::verify_consistency(req.old, c.size, &[0; 32], &c.root, &req.proof);
    }
});
