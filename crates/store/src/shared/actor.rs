//! Who writes and what they send: the [`Actor`] (the name the log records and the rights the
//! gate checks), the [`Envelope`] around a command (sources, classification, subject), and what
//! the writer answers for an accepted one ([`Submitted`]).

use konbit_domain::{Classification, Command, access::Sender};
use uuid::Uuid;

/// Who is writing: the name the log records (`user:NAME`, `system:JOB`, `public:FORM`) and the
/// rights the gate checks ([`Sender`]). The two go together so no write can name one person and
/// carry another's rights. A logged-in user's actors are made by [`crate::users`], which knows
/// what a user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    name: String,
    sender: Sender,
}

impl Actor {
    /// An actor of a name and rights (the constructors below and [`crate::users`]'s say which).
    pub(crate) fn new(name: String, sender: Sender) -> Actor {
        Actor { name, sender }
    }

    /// A system job (scenario load, import, the command line at the server's console).
    pub fn system(job: &str) -> Actor {
        Actor {
            name: format!("system:{job}"),
            sender: Sender::System,
        }
    }

    /// Someone not logged in, through a public form.
    pub fn public(form: &str) -> Actor {
        Actor {
            name: format!("public:{form}"),
            sender: Sender::Anonymous,
        }
    }

    /// The name the log records.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rights the gate checks.
    pub fn sender(&self) -> &Sender {
        &self.sender
    }

    /// Whether this is the logged-in user `username` (who may end their own tokens and change
    /// their own password).
    pub fn is_user(&self, username: &str) -> bool {
        matches!(&self.sender, Sender::User(_))
            && self
                .name
                .strip_prefix("user:")
                .is_some_and(|n| n.eq_ignore_ascii_case(username))
    }

    /// Whether a system job writes (rules meant for people, like the complaint flood limit, do
    /// not apply to it).
    pub fn is_system(&self) -> bool {
        self.sender == Sender::System && self.name.starts_with("system:")
    }
}

/// A command with what every entry carries besides its body.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The command.
    pub command: Command,
    /// Source ids the record rests on.
    pub sources: Vec<Uuid>,
    /// Who may read it.
    pub classification: Classification,
    /// The id of the record a creating command makes; `None` lets the writer choose (UUID v7).
    /// Revisions, withdrawals and corrections take the id of the record they change.
    pub subject: Option<Uuid>,
}

impl Envelope {
    /// A command with its sources and classification, the id left to the writer.
    pub fn new(command: Command, sources: Vec<Uuid>, classification: Classification) -> Self {
        Envelope {
            command,
            sources,
            classification,
            subject: None,
        }
    }
}

/// What the writer answers for an accepted command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    /// The entry's sequence number.
    pub seq: i64,
    /// The subject (the new record's id, or the record the entry is about).
    pub subject: Uuid,
    /// The entry's hash, hex.
    pub hash: String,
}
