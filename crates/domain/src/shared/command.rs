//! [`Command`]: everything the record can be asked to say, one variant per capability, and the
//! correction of an earlier entry, which any capability's entry may need. A command is what a
//! client sends (API, form, scenario file, CLI); once validated it becomes the body of one log
//! entry of kind [`Command::kind`]. Each capability's own enumeration checks its fields; the
//! rules that need the state of the record are the store's.

use super::body::{from_body, to_body};
use crate::force::ForceCommand;
use crate::media::MediaCommand;
use crate::registers::RegisterCommand;
use crate::situation::SituationCommand;
use crate::text::check_text;
use crate::{Capability, DomainError, EntryKind, SourceCommand, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;

/// A correction: supersedes the body of an earlier entry. The earlier entry stays in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// Sequence number of the entry corrected (the original, not an earlier correction).
    pub corrects: i64,
    /// Why.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
    /// The corrected body, in the format of the corrected entry's kind.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub body: serde_json::Value,
}

/// Everything the record can be asked to say.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Force generation (`mission.*`, `mandate.*`, `pledge.*`, `authorization.*`,
    /// `deployment.*`, `funding.*`).
    Force(ForceCommand),
    /// The register of sources (`source.*`, `discrepancy.*`).
    Sources(SourceCommand),
    /// `entry.corrected`
    Correct(Correction),
    /// The accountability registers (`person.*`, `detention.*`, `case.*`, …).
    Register(RegisterCommand),
    /// The situational picture (`incident.*`, `armed_group.*`, `site.*`, `route.*`,
    /// `indicator.*`).
    Situation(SituationCommand),
    /// Media monitoring (`article.*`, `press_claim.*`).
    Media(MediaCommand),
}

impl From<MediaCommand> for Command {
    fn from(c: MediaCommand) -> Self {
        Command::Media(c)
    }
}

impl From<ForceCommand> for Command {
    fn from(c: ForceCommand) -> Self {
        Command::Force(c)
    }
}

impl From<SourceCommand> for Command {
    fn from(c: SourceCommand) -> Self {
        Command::Sources(c)
    }
}

impl From<RegisterCommand> for Command {
    fn from(c: RegisterCommand) -> Self {
        Command::Register(c)
    }
}

impl From<SituationCommand> for Command {
    fn from(c: SituationCommand) -> Self {
        Command::Situation(c)
    }
}

impl Command {
    /// The log entry kind this command appends.
    pub fn kind(&self) -> EntryKind {
        match self {
            Command::Force(c) => c.kind(),
            Command::Sources(c) => c.kind(),
            Command::Correct(_) => EntryKind::EntryCorrected,
            Command::Register(c) => c.kind(),
            Command::Situation(c) => c.kind(),
            Command::Media(c) => c.kind(),
        }
    }

    /// When the fact happened in the world, if the command carries one.
    pub fn valid_on(&self) -> Option<Date> {
        match self {
            Command::Force(c) => c.valid_on(),
            Command::Sources(c) => c.valid_on(),
            Command::Correct(_) => None,
            Command::Register(c) => c.valid_on(),
            Command::Situation(c) => c.valid_on(),
            Command::Media(c) => c.valid_on(),
        }
    }

    /// The body of the entry, as JSON (the store writes it canonically).
    pub fn body(&self) -> serde_json::Value {
        match self {
            Command::Force(c) => c.body(),
            Command::Sources(c) => c.body(),
            Command::Correct(c) => to_body(c),
            Command::Register(c) => c.body(),
            Command::Situation(c) => c.body(),
            Command::Media(c) => c.body(),
        }
    }

    /// Rebuilds a command from an entry's kind and body (for replay and corrections). Entries
    /// of logins (`user.*`) are not commands.
    pub fn from_entry(kind: EntryKind, body: &serde_json::Value) -> Result<Command, String> {
        let rebuilt = match kind.capability() {
            Capability::Force => {
                ForceCommand::from_entry(kind, body).map(|r| r.map(Command::Force))
            }
            Capability::Sources => {
                SourceCommand::from_entry(kind, body).map(|r| r.map(Command::Sources))
            }
            Capability::Correction => Some(from_body(body).map(Command::Correct)),
            Capability::Registers => {
                RegisterCommand::from_entry(kind, body).map(|r| r.map(Command::Register))
            }
            Capability::Situation => {
                SituationCommand::from_entry(kind, body).map(|r| r.map(Command::Situation))
            }
            Capability::Media => {
                MediaCommand::from_entry(kind, body).map(|r| r.map(Command::Media))
            }
            Capability::Users => None,
        };
        rebuilt.unwrap_or_else(|| Err(format!("entries of kind {kind} are not commands")))
    }

    /// Puts names into the spelling the record keeps, before the command is checked: what a
    /// client may write in several ways (a department `grande anse`, padded names) is stored one
    /// way, so that filters find every entry.
    pub fn normalize(&mut self) {
        if let Command::Situation(c) = self {
            c.normalize();
        }
    }

    /// Checks the command's own fields. State-dependent rules are the store's.
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut e = ValidationErrors::default();
        match self {
            Command::Force(c) => c.check(&mut e),
            Command::Sources(c) => c.check(&mut e),
            Command::Correct(c) => {
                if c.corrects < 1 {
                    e.add("corrects", "must be the sequence number of an entry");
                }
                check_text("reason", &c.reason, 2000, &mut e);
            }
            Command::Register(c) => c.check(&mut e),
            Command::Situation(c) => c.check(&mut e),
            Command::Media(c) => c.check(&mut e),
        }
        // Every string of the body, whatever its field: no control characters, bounded length.
        crate::text::check_body(&self.body(), &mut e);
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_entries_are_not_commands() {
        let e = Command::from_entry(EntryKind::UserCreated, &serde_json::json!({}));
        assert_eq!(
            e,
            Err("entries of kind user.created are not commands".to_string())
        );
    }

    #[test]
    fn a_correction_names_an_entry_and_a_reason() {
        let c = Command::Correct(Correction {
            corrects: 0,
            reason: " ".into(),
            body: serde_json::json!({}),
        });
        match c.validate() {
            Err(DomainError::Invalid(v)) => {
                let f: Vec<_> = v.0.iter().map(|f| f.field.as_str()).collect();
                assert_eq!(f, vec!["corrects", "reason"]);
            }
            other => panic!("{other:?}"),
        }
    }
}
