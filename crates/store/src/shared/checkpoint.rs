//! The instance's log key and the checkpoints it signs. A checkpoint is a C2SP tlog-checkpoint
//! (origin line, tree size, base64 root hash) in a C2SP signed note, signed with the instance's
//! Ed25519 key; anyone holding the verifier key (`name+hexkeyhash+base64(0x01‖pubkey)`, what
//! `konbit log key` prints) can check it without Konbit. The key is made on first use, kept as
//! a file readable by its owner only, or given as text.

use crate::{Result, StoreError, tree::Hash};
use base64::{Engine, prelude::BASE64_STANDARD};
use signed_note::{Note, Signer, StandardSigner, StandardVerifier, VerifierList};
use std::path::Path;

/// The key file's name in the data directory.
pub const KEY_FILE: &str = "log-key";

/// The longest checkpoint accepted from outside (a checkpoint with a few witness signatures
/// is well under 2 KiB).
pub const MAX_CHECKPOINT: usize = 16 * 1024;

/// The instance's signing key for checkpoints.
#[derive(Clone)]
pub struct LogKey {
    signer: StandardSigner,
    name: String,
    verifier: String,
    /// The private key's text, kept to write the key file.
    private: String,
}

impl std::fmt::Debug for LogKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key.
        f.debug_struct("LogKey")
            .field("verifier", &self.verifier)
            .finish()
    }
}

fn algorithm_key(public: &[u8; 32]) -> Vec<u8> {
    [&[1u8][..], public].concat()
}

/// Whether `name` may name a key and a log: C2SP signed-note key names are non-empty and have
/// no space or `+`; Konbit also keeps them to printable ASCII and 200 bytes.
pub fn valid_origin(name: &str) -> bool {
    !name.is_empty() && name.len() <= 200 && name.bytes().all(|b| b.is_ascii_graphic() && b != b'+')
}

impl LogKey {
    /// A new random key for the log named `origin` (e.g. `konbit.example.org/mss-haiti`).
    pub fn generate(origin: &str) -> Result<LogKey> {
        if !valid_origin(origin) {
            return Err(StoreError::Internal(format!(
                "{origin:?} cannot name a log: use printable characters without spaces or `+`"
            )));
        }
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(StoreError::internal)?;
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let public = algorithm_key(&signing.verifying_key().to_bytes());
        let text = format!(
            "PRIVATE+KEY+{origin}+{:08x}+{}",
            signed_note::key_id(origin, &public),
            BASE64_STANDARD.encode(algorithm_key(&seed))
        );
        LogKey::from_text(&text)
    }

    /// A key from its private text (`PRIVATE+KEY+name+hash+base64`, as Go's `note` package and
    /// the C2SP tools write it).
    pub fn from_text(text: &str) -> Result<LogKey> {
        let text = text.trim();
        let signer = StandardSigner::new(text).map_err(|e| {
            StoreError::Internal(format!(
                "the log key is not a signed-note private key (PRIVATE+KEY+name+hash+base64): {e}"
            ))
        })?;
        let (_, rest) = text.split_at("PRIVATE+KEY+".len());
        // name + id + base64 — and base64 may itself hold a `+`.
        let key = rest
            .splitn(3, '+')
            .nth(2)
            .and_then(|b| BASE64_STANDARD.decode(b).ok())
            .ok_or_else(|| StoreError::Internal("the log key's key part is not base64".into()))?;
        let seed: [u8; 32] = key
            .get(1..)
            .and_then(|k| k.try_into().ok())
            .ok_or_else(|| StoreError::Internal("the log key is not an Ed25519 key".into()))?;
        let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key();
        let name = signer.name().to_string();
        if !valid_origin(&name) {
            return Err(StoreError::Internal(format!(
                "the log key's name {name:?} has characters a log's name may not have"
            )));
        }
        Ok(LogKey {
            verifier: signed_note::new_ed25519_verifier_key(&name, &public),
            name,
            signer,
            private: text.to_string(),
        })
    }

    /// The key in `dir`'s key file, made (owner-only) if there is none yet. `origin` names a new
    /// key; an existing key keeps the name it was made with.
    pub fn load_or_create(dir: &Path, origin: &str) -> Result<LogKey> {
        let path = dir.join(KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => LogKey::from_text(&text)
                .map_err(|e| StoreError::Internal(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = LogKey::generate(origin)?;
                std::fs::create_dir_all(dir).map_err(StoreError::internal)?;
                write_private(&path, &key.private)?;
                Ok(key)
            }
            Err(e) => Err(StoreError::Internal(format!(
                "cannot read the log key {}: {e}",
                path.display()
            ))),
        }
    }

    /// The log's name: the checkpoint's origin line and the key's name.
    pub fn origin(&self) -> &str {
        &self.name
    }

    /// The verifier key, as C2SP signed-note writes it.
    pub fn verifier_key(&self) -> &str {
        &self.verifier
    }

    /// The signed checkpoint of a tree of `size` leaves with root `root`.
    pub fn sign(&self, size: u64, root: &Hash) -> Result<String> {
        let body = checkpoint_text(&self.name, size, root);
        let mut note = Note::new(body.as_bytes(), &[]).map_err(StoreError::internal)?;
        note.add_sigs(&[&self.signer])
            .map_err(StoreError::internal)?;
        String::from_utf8(note.to_bytes()).map_err(StoreError::internal)
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| StoreError::Internal(format!("cannot write {}: {e}", path.display())))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.write_all(b"\n"))
        .and_then(|()| f.sync_all())
        .map_err(|e| StoreError::Internal(format!("cannot write {}: {e}", path.display())))
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, format!("{text}\n"))
        .map_err(|e| StoreError::Internal(format!("cannot write {}: {e}", path.display())))
}

/// A witness's key: it cosigns checkpoints per C2SP tlog-cosignature (`cosignature/v1`,
/// Ed25519, key type 0x04). Kept like the log key: a file readable by its owner only.
#[derive(Clone)]
pub struct WitnessKey {
    signing: ed25519_dalek::SigningKey,
    name: String,
    id: u32,
    private: String,
}

impl std::fmt::Debug for WitnessKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WitnessKey")
            .field("verifier", &self.verifier_key())
            .finish()
    }
}

/// The key type of a tlog-cosignature/v1 Ed25519 key.
const COSIGNATURE_V1: u8 = 4;

/// The witness key file's name in the mirror's data directory.
pub const WITNESS_KEY_FILE: &str = "witness-key";

fn cosigner_id(name: &str, public: &[u8; 32]) -> u32 {
    signed_note::key_id(name, &[&[COSIGNATURE_V1][..], public].concat())
}

fn cosigned_message(text: &str, time: u64) -> String {
    format!("cosignature/v1\ntime {time}\n{text}")
}

impl WitnessKey {
    /// A new random witness key named `name`.
    pub fn generate(name: &str) -> Result<WitnessKey> {
        if !valid_origin(name) {
            return Err(StoreError::Internal(format!(
                "{name:?} cannot name a witness: use printable characters without spaces or `+`"
            )));
        }
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(StoreError::internal)?;
        let public = ed25519_dalek::SigningKey::from_bytes(&seed)
            .verifying_key()
            .to_bytes();
        let text = format!(
            "PRIVATE+KEY+{name}+{:08x}+{}",
            cosigner_id(name, &public),
            BASE64_STANDARD.encode([&[COSIGNATURE_V1][..], &seed].concat())
        );
        WitnessKey::from_text(&text)
    }

    /// A witness key from its private text (`PRIVATE+KEY+name+hexid+base64(0x04 ‖ seed)`).
    pub fn from_text(text: &str) -> Result<WitnessKey> {
        let text = text.trim();
        let bad =
            || StoreError::Internal("the witness key is not PRIVATE+KEY+name+id+base64".into());
        let rest = text.strip_prefix("PRIVATE+KEY+").ok_or_else(bad)?;
        let mut parts = rest.splitn(3, '+');
        let (name, id, key) = (
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
        );
        let key = BASE64_STANDARD.decode(key).map_err(|_| bad())?;
        let seed: [u8; 32] = match key.split_first() {
            Some((&COSIGNATURE_V1, seed)) => seed.try_into().map_err(|_| bad())?,
            _ => return Err(bad()),
        };
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let want = cosigner_id(name, &signing.verifying_key().to_bytes());
        if !valid_origin(name) || u32::from_str_radix(id, 16).ok() != Some(want) {
            return Err(StoreError::Internal(
                "the witness key's name or id does not match its key".into(),
            ));
        }
        Ok(WitnessKey {
            signing,
            name: name.to_string(),
            id: want,
            private: text.to_string(),
        })
    }

    /// The key in `dir`'s witness key file, made (owner-only) if there is none yet.
    pub fn load_or_create(dir: &Path, name: &str) -> Result<WitnessKey> {
        let path = dir.join(WITNESS_KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => WitnessKey::from_text(&text)
                .map_err(|e| StoreError::Internal(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = WitnessKey::generate(name)?;
                std::fs::create_dir_all(dir).map_err(StoreError::internal)?;
                write_private(&path, &key.private)?;
                Ok(key)
            }
            Err(e) => Err(StoreError::Internal(format!(
                "cannot read the witness key {}: {e}",
                path.display()
            ))),
        }
    }

    /// The witness's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The verifier key, `name+hexid+base64(0x04 ‖ public key)`.
    pub fn verifier_key(&self) -> String {
        let public = self.signing.verifying_key().to_bytes();
        format!(
            "{}+{:08x}+{}",
            self.name,
            self.id,
            BASE64_STANDARD.encode([&[COSIGNATURE_V1][..], &public].concat())
        )
    }

    /// The cosignature line (`— name base64(id ‖ time ‖ signature)`, with its newline) of a
    /// checkpoint's text, made at `time` (seconds since 1970).
    pub fn cosign(&self, text: &str, time: u64) -> String {
        use ed25519_dalek::Signer as _;
        let sig = self.signing.sign(cosigned_message(text, time).as_bytes());
        let mut b = Vec::with_capacity(76);
        b.extend_from_slice(&self.id.to_be_bytes());
        b.extend_from_slice(&time.to_be_bytes());
        b.extend_from_slice(&sig.to_bytes());
        format!("— {} {}\n", self.name, BASE64_STANDARD.encode(b))
    }
}

/// A witness as a checkpoint's reader knows it: its cosignature verifier key.
#[derive(Debug, Clone)]
pub struct Cosigner {
    name: String,
    id: u32,
    key: ed25519_dalek::VerifyingKey,
}

impl Cosigner {
    /// Reads a cosignature verifier key (`name+hexid+base64(0x04 ‖ public key)`).
    pub fn new(vkey: &str) -> std::result::Result<Cosigner, String> {
        let bad = || format!("{vkey:?} is not a cosignature verifier key (name+id+base64)");
        let mut parts = vkey.trim().splitn(3, '+');
        let (name, id, key) = (
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
        );
        let key = BASE64_STANDARD.decode(key).map_err(|_| bad())?;
        let public: [u8; 32] = match key.split_first() {
            Some((&COSIGNATURE_V1, k)) => k.try_into().map_err(|_| bad())?,
            _ => return Err(bad()),
        };
        let id_given = u32::from_str_radix(id, 16).map_err(|_| bad())?;
        if !valid_origin(name) || id_given != cosigner_id(name, &public) {
            return Err(format!(
                "{vkey:?}: the key id does not match the name and key"
            ));
        }
        let key = ed25519_dalek::VerifyingKey::from_bytes(&public).map_err(|_| bad())?;
        Ok(Cosigner {
            name: name.to_string(),
            id: id_given,
            key,
        })
    }

    /// The witness's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The time of this witness's valid cosignature among `lines` (signature lines) of the
    /// checkpoint `text`, if there is one.
    pub fn cosigned(&self, text: &str, lines: &str) -> Option<u64> {
        lines.lines().find_map(|line| {
            let rest = line.strip_prefix("— ")?;
            let (name, b64) = rest.split_once(' ')?;
            let b = BASE64_STANDARD.decode(b64).ok()?;
            if name != self.name || b.len() != 76 || b[..4] != self.id.to_be_bytes() {
                return None;
            }
            let time = u64::from_be_bytes(b[4..12].try_into().ok()?);
            let sig = ed25519_dalek::Signature::from_slice(&b[12..]).ok()?;
            self.key
                .verify_strict(cosigned_message(text, time).as_bytes(), &sig)
                .ok()
                .map(|()| time)
        })
    }
}

/// The checkpoint body (C2SP tlog-checkpoint): origin, size, base64 root, each on its line.
pub fn checkpoint_text(origin: &str, size: u64, root: &Hash) -> String {
    format!("{origin}\n{size}\n{}\n", BASE64_STANDARD.encode(root))
}

/// A decimal number as C2SP writes one: digits only, no sign, no leading zero (but `0`).
pub fn decimal(s: &str) -> Option<u64> {
    let canonical =
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    canonical.then(|| s.parse().ok()).flatten()
}

/// A checkpoint whose signature checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The log's name.
    pub origin: String,
    /// Leaves in the tree.
    pub size: u64,
    /// The tree's root.
    pub root: Hash,
    /// The note's text as signed (body lines).
    pub text: String,
    /// The note's signature lines, the log's and any witnesses'.
    pub signatures: String,
}

/// Checks a signed checkpoint against a verifier key and reads it. Names what is wrong: not a
/// signed note, not signed by that key, or not a checkpoint.
pub fn open_note(note: &[u8], verifier_key: &str) -> std::result::Result<Checkpoint, String> {
    if note.len() > MAX_CHECKPOINT {
        return Err(format!(
            "the checkpoint is {} bytes; at most {MAX_CHECKPOINT} are read",
            note.len()
        ));
    }
    let verifier = StandardVerifier::new(verifier_key.trim())
        .map_err(|e| format!("the verifier key is not a C2SP signed-note key: {e}"))?;
    let note_bytes = note;
    let note = Note::from_bytes(note).map_err(|e| format!("not a signed note: {e}"))?;
    let known = VerifierList::new(vec![Box::new(verifier)]);
    note.verify(&known).map_err(|e| match e {
        signed_note::NoteError::UnverifiedNote => {
            "the checkpoint is not signed by this log's key".to_string()
        }
        e => format!("the checkpoint's signature does not hold: {e}"),
    })?;
    let text = String::from_utf8_lossy(note.text()).into_owned();
    let mut lines = text.split('\n');
    let origin = lines.next().unwrap_or_default().to_string();
    let size = lines
        .next()
        .and_then(decimal)
        .ok_or("the checkpoint's second line is not a tree size")?;
    let root: Hash = lines
        .next()
        .and_then(|s| BASE64_STANDARD.decode(s).ok())
        .and_then(|b| b.try_into().ok())
        .ok_or("the checkpoint's third line is not a base64 SHA-256 root hash")?;
    let signatures = String::from_utf8_lossy(note_bytes)
        .rsplit_once("\n\n")
        .map(|(_, s)| s.to_string())
        .unwrap_or_default();
    Ok(Checkpoint {
        origin,
        size,
        root,
        text,
        signatures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_is_signed_and_opened_and_a_changed_one_refused() {
        for _ in 0..20 {
            let key = LogKey::generate("records.example.org/mss").expect("key");
            let again = LogKey::from_text(&key.private).expect("its text reads back");
            assert_eq!(again.verifier_key(), key.verifier_key());
            let root = [7u8; 32];
            let note = key.sign(12, &root).expect("signed");
            assert!(note.starts_with("records.example.org/mss\n12\n"), "{note}");
            assert!(note.contains("\n\n— records.example.org/mss "), "{note}");
            let c = open_note(note.as_bytes(), key.verifier_key()).expect("opens");
            assert_eq!(
                (c.origin.as_str(), c.size, c.root),
                ("records.example.org/mss", 12, root)
            );
            let changed = note.replacen("\n12\n", "\n13\n", 1);
            assert!(open_note(changed.as_bytes(), key.verifier_key()).is_err());
            let other = LogKey::generate("records.example.org/mss").expect("key");
            let e = open_note(note.as_bytes(), other.verifier_key()).expect_err("another key");
            assert!(e.contains("not signed by this log's key"), "{e}");
        }
        assert!(LogKey::generate("has space").is_err());
        assert!(LogKey::generate("has+plus").is_err());
        assert!(LogKey::from_text("PRIVATE+KEY+x+00000000+AAAA").is_err());
    }

    #[test]
    fn sizes_are_read_as_c2sp_writes_them() {
        assert_eq!(decimal("0"), Some(0));
        assert_eq!(decimal("12"), Some(12));
        assert_eq!(decimal("18446744073709551615"), Some(u64::MAX));
        for odd in [
            "",
            "+12",
            "012",
            " 12",
            "12 ",
            "-1",
            "1e3",
            "18446744073709551616",
        ] {
            assert_eq!(decimal(odd), None, "{odd:?}");
        }
    }

    #[test]
    fn the_key_file_is_made_once_and_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().expect("dir");
        let a = LogKey::load_or_create(dir.path(), "a.example/log").expect("made");
        let b = LogKey::load_or_create(dir.path(), "another.example/log").expect("read");
        assert_eq!(a.verifier_key(), b.verifier_key());
        assert_eq!(b.origin(), "a.example/log");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
