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

/// The checkpoint body (C2SP tlog-checkpoint): origin, size, base64 root, each on its line.
pub fn checkpoint_text(origin: &str, size: u64, root: &Hash) -> String {
    format!("{origin}\n{size}\n{}\n", BASE64_STANDARD.encode(root))
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
        .and_then(|s| s.parse::<u64>().ok())
        .ok_or("the checkpoint's second line is not a tree size")?;
    let root: Hash = lines
        .next()
        .and_then(|s| BASE64_STANDARD.decode(s).ok())
        .and_then(|b| b.try_into().ok())
        .ok_or("the checkpoint's third line is not a base64 SHA-256 root hash")?;
    Ok(Checkpoint {
        origin,
        size,
        root,
        text,
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
