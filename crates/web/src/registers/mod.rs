//! The accountability registers over HTTP: their API, their pages, and what both use — the
//! mission whose statistics are shown, recording a register command for a user, a unit's
//! acknowledgement of a document as one acknowledgement per person, the public
//! complaint form (received, and its status checked by reference and secret), and the audit of
//! restricted reads.

pub mod api;
pub mod pages;

use crate::{
    shared::auth::{ClientAddr, Guard, Guarded},
    shared::error::ApiError,
    shared::limits::Limited,
    shared::state::AppState,
};
use konbit_domain::{
    Classification, Command, EntryKind,
    clocks::Slug,
    registers::{CaseStatus, FormLanguage, NewComplaint, RecordViewed, RegisterCommand},
};
use konbit_store::{
    Actor, Envelope, Visibility,
    log::{Around, EntryFilter},
    registers::{self as reg, Reading, Select},
};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::shared::error::ApiResult;

/// The acknowledgements a unit's request becomes, read against the personnel register as it
/// is now (the server's read: only ids and mission-level fields are used, nothing is shown).
/// Each still goes through the store's gate when recorded, so a commander's reach applies.
pub(crate) async fn unit_acknowledgements(
    s: &AppState,
    u: &konbit_domain::registers::UnitAcknowledgement,
) -> Result<Vec<Command>, konbit_store::StoreError> {
    let (people, _) = s.store.people(&Reading::server(), Select::All).await?;
    Ok(u.acknowledgements(&people)?
        .into_iter()
        .map(|a| Command::Register(RegisterCommand::Acknowledge(a)))
        .collect())
}

/// The mission in office today, or the one asked for (404 when it is not a public mission).
pub async fn mission_or_current(s: &AppState, asked: Option<&Slug>) -> ApiResult<String> {
    // Public: what anyone may know exists.
    let mut r = s
        .store
        .reader(Visibility::now(Classification::Public))
        .await?;
    if let Some(m) = asked {
        return r
            .mission(m.as_str())
            .await?
            .map(|x| x.slug)
            .ok_or_else(|| ApiError::not_found(format!("mission {:?}", m.as_str())));
    }
    r.mission_in_office(OffsetDateTime::now_utc().date())
        .await?
        .map(|m| m.slug)
        .ok_or_else(|| ApiError::not_found("any mission"))
}

/// A complaint as the public form sends it. Anonymous when neither name nor contact is given.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintForm {
    /// The form's language: en, fr or ht.
    pub language: FormLanguage,
    /// What happened.
    pub account: String,
    /// When (YYYY-MM-DD), if known.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub occurred_on: Option<Date>,
    /// Where, if the complainant wishes to say.
    #[serde(default)]
    pub place: Option<String>,
    /// Name, if the complainant wishes to give it.
    #[serde(default)]
    pub name: Option<String>,
    /// Phone, e-mail or address, if the complainant wishes to be contacted.
    #[serde(default)]
    pub contact: Option<String>,
}

/// What the complainant keeps: the reference and the secret that together show the status.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintReceipt {
    /// Public reference (`K-7M3Q-9XPA`).
    pub reference: String,
    /// Secret; shown once, stored only as a hash.
    pub secret: String,
}

const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_code(len: usize) -> ApiResult<String> {
    let mut b = vec![0u8; len];
    getrandom::fill(&mut b).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(b.iter()
        .map(|x| char::from(CROCKFORD[usize::from(*x) % CROCKFORD.len()]))
        .collect())
}

/// A reference as the complainant may have typed it, read the way Crockford's base32 is
/// read: any case, with or without the dashes or with spaces, O for 0 and I or L for 1
/// (`k7m3q 9xpa` → `K-7M3Q-9XPA`). Anything that is not such a reference is kept as typed, in
/// capitals (references of imported complaints have their own form).
pub(crate) fn typed_reference(typed: &str) -> String {
    let upper = typed.trim().to_uppercase();
    let code: String = upper
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    match code.strip_prefix('K') {
        Some(rest) if rest.len() == 8 && rest.bytes().all(|b| CROCKFORD.contains(&b)) => {
            format!("K-{}-{}", &rest[..4], &rest[4..])
        }
        _ => upper,
    }
}

fn opt_text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Records a complaint from the public form; returns the reference and the secret.
pub async fn receive_complaint(
    s: &AppState,
    addr: &ClientAddr,
    f: ComplaintForm,
) -> ApiResult<ComplaintReceipt> {
    // Every complaint stays in the log for good: a flood from one address is turned away.
    s.limits.check(Limited::Complaint, addr.key())?;
    let mission = mission_or_current(s, None).await?;
    // 8 characters of base 32 = 40 bits: unguessable enough as a name, never enough alone.
    let reference = format!("K-{}-{}", random_code(4)?, random_code(4)?);
    // 16 characters = 80 bits, and the status check is throttled per reference.
    let secret = random_code(16)?;
    let name = opt_text(f.name);
    let contact = opt_text(f.contact);
    let cmd = RegisterCommand::ReceiveComplaint(NewComplaint {
        mission,
        reference: reference.clone(),
        secret_hash: reg::secret_hash(&secret),
        language: f.language,
        anonymous: name.is_none() && contact.is_none(),
        received_at: None,
        account: Some(f.account),
        occurred_on: f.occurred_on,
        place: opt_text(f.place),
        name,
        contact,
    });
    s.store
        .submit(
            Actor::public("complaint-form"),
            Envelope::new(
                Command::Register(cmd),
                Vec::new(),
                Classification::Restricted,
            ),
        )
        .await?;
    Ok(ComplaintReceipt { reference, secret })
}

/// A status request: the reference and the secret given with it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// Reference.
    pub reference: String,
    /// Secret.
    pub secret: String,
}

/// What the complainant may know: the status, nothing else.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintStatus {
    /// Reference.
    pub reference: String,
    /// received, assessed, under_investigation, substantiated, unsubstantiated or closed.
    pub status: CaseStatus,
    /// Date received.
    #[schema(value_type = String, format = Date)]
    pub received_on: Date,
}

/// The status of a complaint, for the holder of its reference and secret. A wrong reference and
/// a wrong secret get the same answer. Five failures for one reference from one address (or 50
/// from one address) make that address wait 15 minutes; the complainant, checking from
/// anywhere else, is not affected.
pub async fn status_of(
    s: &AppState,
    addr: &ClientAddr,
    reference: &str,
    secret: &str,
) -> ApiResult<ComplaintStatus> {
    let reference = typed_reference(reference);
    // Bounded before anything is kept or looked up.
    if reference.is_empty()
        || reference.len() > 32
        || !reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(ApiError::invalid_field(
            "reference",
            "is not a complaint reference (such as K-7M3Q-9XPA)",
        ));
    }
    if secret.trim().is_empty() || secret.len() > 64 {
        return Err(ApiError::invalid_field(
            "secret",
            "is not a complaint secret (16 letters and digits)",
        ));
    }
    s.limits.check(Limited::Status, addr.key())?;
    let guard = Guard::new(Guarded::ComplaintStatus, &reference, addr);
    guard.check(s).await?;
    let complaints = s.store.complaints(&Reading::server(), Select::All).await?;
    let wanted = reg::secret_hash(secret);
    let found = complaints.into_iter().find(|c| {
        c.reference.as_deref() == Some(reference.as_str())
            && bool::from(c.secret_hash.as_bytes().ct_eq(wanted.as_bytes()))
    });
    match found {
        Some(c) => {
            guard.succeeded(s).await?;
            Ok(ComplaintStatus {
                reference,
                status: c.status,
                received_on: c.received_at.date(),
            })
        }
        None => {
            guard.failed(s).await?;
            Err(ApiError::not_found(
                "a complaint with that reference and secret",
            ))
        }
    }
}

/// One read of restricted data.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViewEntry {
    /// Log sequence number.
    pub seq: i64,
    /// When.
    pub recorded_at: String,
    /// Who (`user:NAME`).
    pub actor: String,
    /// The register read.
    pub register: String,
    /// The records whose restricted fields were shown.
    pub records: Vec<Uuid>,
    /// The request.
    pub via: String,
}

/// The `record.viewed` entries of the log, oldest first.
pub async fn views(s: &AppState, after: i64, limit: i64) -> ApiResult<Vec<ViewEntry>> {
    views_where(s, &EntryFilter::default(), Around::After(after), limit).await
}

/// The `record.viewed` entries of the log that `f` keeps, from `around`, oldest first.
pub async fn views_where(
    s: &AppState,
    f: &EntryFilter<'_>,
    around: Around,
    limit: i64,
) -> ApiResult<Vec<ViewEntry>> {
    let f = EntryFilter {
        kind: EntryKind::RecordViewed.as_str(),
        ..*f
    };
    let entries = s.store.log_where(&f, around, limit).await?;
    entries
        .into_iter()
        .map(|e| {
            let body: RecordViewed = serde_json::from_str(&e.body)
                .map_err(|x| ApiError::internal(format!("record.viewed {}: {x}", e.seq)))?;
            Ok(ViewEntry {
                seq: e.seq,
                recorded_at: e.recorded_at,
                actor: e.actor,
                register: body.register,
                records: body.records,
                via: body.via,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::typed_reference;

    #[test]
    fn references_are_read_as_complainants_type_them() {
        for typed in ["K-7M3Q-9XPA", "k7m3q9xpa", " k 7m3q 9xpa ", "k-7m3q-9xpa"] {
            assert_eq!(typed_reference(typed), "K-7M3Q-9XPA", "{typed}");
        }
        // O for 0, I and L for 1.
        assert_eq!(typed_reference("KO1L2-IOOA"), "K-0112-100A");
        // Not such a reference: kept as typed, in capitals.
        assert_eq!(typed_reference("syn-2025-0004"), "SYN-2025-0004");
        assert_eq!(typed_reference("K-123"), "K-123");
    }
}
