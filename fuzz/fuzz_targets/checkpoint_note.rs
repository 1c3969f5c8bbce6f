//! Fuzzes what reads checkpoints and keys from outside: `open_note` on any bytes against a fixed
//! log verifier key, the same bytes' text signed as a note with that key (so the checkpoint's
//! lines are parsed past a valid signature), `LogKey::from_text`, `WitnessKey::from_text` and
//! `Cosigner::new` on any text, and a fixed witness's `Cosigner::cosigned` on the text split at
//! its last blank line — never a panic. A note `open_note` accepts re-encodes: the log key's
//! checkpoint of the same size and root opens to the same origin, size and root. A log key
//! read from text signs checkpoints its own verifier key opens; a witness key read from text
//! cosigns what a `Cosigner` of its verifier key accepts, at the time it signed.
//!
//! The keys are fixed so runs are reproducible; made once with `LogKey::generate` and
//! `WitnessKey::generate`. They sign nothing but fuzz inputs.
#![no_main]

use konbit_store::checkpoint::{Checkpoint, Cosigner, LogKey, WitnessKey, open_note};
use libfuzzer_sys::fuzz_target;
use signed_note::{Note, StandardSigner};
use std::sync::LazyLock;

const LOG_PRIVATE: &str =
    "PRIVATE+KEY+fuzz.konbit.example/log+f0e3a2cd+Aa1us/B3t4KSyVW2xEtDyNCmsVR3LdiJlbUiE0J+mgQB";
const LOG_VERIFIER: &str =
    "fuzz.konbit.example/log+f0e3a2cd+AXS97gXnUwXg/ZnNYzczBArQy54gbR8pJ+lWUBVxEGca";
const WITNESS_VERIFIER: &str =
    "fuzz.konbit.example/witness+48fd1b71+BHZBXbCohJ25gKKYPkEKmiljwtB6MqotbfHKEWhBguGH";

static KEY: LazyLock<LogKey> = LazyLock::new(|| {
    let key = LogKey::from_text(LOG_PRIVATE).expect("the fixed log key reads");
    assert_eq!(key.verifier_key(), LOG_VERIFIER);
    key
});
static SIGNER: LazyLock<StandardSigner> =
    LazyLock::new(|| StandardSigner::new(LOG_PRIVATE).expect("the fixed log key signs"));
static WITNESS: LazyLock<Cosigner> =
    LazyLock::new(|| Cosigner::new(WITNESS_VERIFIER).expect("the fixed witness key reads"));

/// An opened checkpoint re-encodes: the log's checkpoint of its size and root opens to the
/// same origin, size and root.
fn check_reencodes(c: &Checkpoint) {
    assert!(
        !c.signatures.is_empty(),
        "an opened note has signature lines"
    );
    let again = KEY.sign(c.size, &c.root).expect("signs");
    let d = open_note(again.as_bytes(), LOG_VERIFIER).expect("its own checkpoint opens");
    assert_eq!(
        (d.origin.as_str(), d.size, d.root),
        (KEY.origin(), c.size, c.root),
        "re-encoded {c:?} as {again:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    if let Ok(c) = open_note(data, LOG_VERIFIER) {
        check_reencodes(&c);
        let _ = WITNESS.cosigned(&c.text, &c.signatures);
    }

    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };

    // The text before the first blank line, signed with the log key: whatever its lines, it
    // opens (it is a valid note) or is refused as not a checkpoint.
    let text = match s.split_once("\n\n") {
        Some((t, _)) => format!("{t}\n"),
        None => s.to_string(),
    };
    if let Ok(mut note) = Note::new(text.as_bytes(), &[])
        && note.add_sigs(&[&*SIGNER]).is_ok()
    {
        let bytes = note.to_bytes();
        match open_note(&bytes, LOG_VERIFIER) {
            Ok(c) => {
                assert_eq!(c.text, text, "the text read is the text signed");
                check_reencodes(&c);
            }
            Err(e) => assert!(!e.is_empty()),
        }
    }

    if let Ok(key) = LogKey::from_text(s) {
        let root = [0x5a; 32];
        let note = key.sign(7, &root).expect("signs");
        let c = open_note(note.as_bytes(), key.verifier_key()).expect("its own key opens it");
        assert_eq!((c.origin.as_str(), c.size, c.root), (key.origin(), 7, root));
    }

    if let Ok(w) = WitnessKey::from_text(s) {
        let cosigner = Cosigner::new(&w.verifier_key()).expect("its verifier key reads");
        assert_eq!(cosigner.name(), w.name());
        let text = "fuzz.konbit.example/log\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        let line = w.cosign(text, 1_750_000_000);
        assert_eq!(cosigner.cosigned(text, &line), Some(1_750_000_000));
    }

    if let Ok(c) = Cosigner::new(s) {
        assert!(!c.name().is_empty());
    }

    // A checkpoint's text and its signature lines, as a log's reader checks a witness's.
    if let Some((text, lines)) = s.rsplit_once("\n\n") {
        let _ = WITNESS.cosigned(&format!("{text}\n"), lines);
    }
    let _ = WITNESS.cosigned(s, s);
});
