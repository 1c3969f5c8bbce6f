//! Users, sessions and API tokens: who may log in and with which role. Not part of the mission's
//! record, but every change to a user also appends a `user.*` entry (never with a secret in it)
//! so the log shows who was given which access, and when.

use crate::{
    Ex, Result, StoreError,
    actor::Actor,
    log::{self, Draft, Entry, TimedHead},
    micros, now, on,
};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use konbit_domain::Named;
use konbit_domain::{Classification, DomainError, EntryKind, Role, access, access::Sender};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use uuid::Uuid;

/// A user as the application sees it (no password hash).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct User {
    /// Id.
    pub id: Uuid,
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// A commander's contributor (ISO 3166-1 alpha-3).
    pub country: Option<String>,
    /// Disabled users cannot log in.
    pub disabled: bool,
}

impl User {
    /// The user's rights over the accountability registers.
    pub fn access(&self) -> konbit_domain::access::Access {
        konbit_domain::access::Access {
            role: self.role,
            country: self.country.clone(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    username: String,
    password_hash: String,
    role: String,
    country: Option<String>,
    disabled: bool,
}

impl UserRow {
    fn user(&self) -> Result<User> {
        Ok(User {
            id: self.id,
            username: self.username.clone(),
            role: self.role.parse().map_err(StoreError::Internal)?,
            country: self.country.clone(),
            disabled: self.disabled,
        })
    }
}

/// Changes to users, executed by the writer.
#[derive(Debug, Clone)]
pub enum UserOp {
    /// Create a user with an already-hashed password.
    Create {
        /// Login name.
        username: String,
        /// argon2id PHC string.
        password_hash: String,
        /// Role.
        role: Role,
        /// A commander's contributor.
        country: Option<String>,
    },
    /// Replace a user's password.
    SetPassword {
        /// Login name.
        username: String,
        /// argon2id PHC string.
        password_hash: String,
    },
    /// Change a user's role.
    SetRole {
        /// Login name.
        username: String,
        /// New role.
        role: Role,
        /// A commander's contributor.
        country: Option<String>,
    },
    /// Disable a user (they can no longer log in; their sessions and tokens end) or enable
    /// them again.
    SetDisabled {
        /// Login name.
        username: String,
        /// Disabled or not.
        disabled: bool,
    },
    /// End one session or API token (`id`), or all of a user's.
    RevokeTokens {
        /// Login name.
        username: String,
        /// One token; `None`: every one of the user's.
        id: Option<Uuid>,
    },
}

/// Checks a login name: 1–64 characters of letters, digits, `.`, `_`, `-`.
pub fn check_username(name: &str) -> Result<(), DomainError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(DomainError::invalid(
            "username",
            "must be 1–64 letters, digits, '.', '_' or '-'",
        ))
    }
}

/// Checks that a commander names their contributor and nobody else names one.
pub fn check_role_country(role: Role, country: Option<&str>) -> Result<(), DomainError> {
    match (role.needs_country(), country) {
        (true, None) => Err(DomainError::invalid(
            "country",
            "a commander belongs to a contributor: give its ISO 3166-1 alpha-3 code",
        )),
        (true, Some(c)) if konbit_domain::country::find(c).is_none() => Err(DomainError::invalid(
            "country",
            format!("{c:?} is not an ISO 3166-1 alpha-3 country code"),
        )),
        (false, Some(_)) => Err(DomainError::invalid(
            "country",
            format!("only a commander belongs to a contributor, not a {role}"),
        )),
        _ => Ok(()),
    }
}

/// The longest password accepted (a passphrase fits; a megabyte is refused before hashing).
pub const MAX_PASSWORD: usize = 1024;

/// Checks a new password: at least 10 characters, at most [`MAX_PASSWORD`].
pub fn check_password(pw: &str) -> Result<(), DomainError> {
    let n = pw.chars().count();
    if n < 10 {
        Err(DomainError::invalid(
            "password",
            "must be at least 10 characters",
        ))
    } else if n > MAX_PASSWORD {
        Err(DomainError::invalid(
            "password",
            format!("must be at most {MAX_PASSWORD} characters"),
        ))
    } else {
        Ok(())
    }
}

/// argon2id with the crate's default (OWASP) parameters; CPU-heavy, call off the async threads.
pub fn hash_password(pw: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pw.as_bytes())
        .map(|h| h.to_string())
        .map_err(StoreError::internal)
}

fn verify_hash(pw: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| Argon2::default().verify_password(pw.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

/// A real hash of nothing in particular, checked against when the user does not exist.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("no such user").unwrap_or_default());

/// SHA-256 of a session or API token: only this is stored.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new random secret: 32 bytes, hex.
pub fn new_token() -> Result<String> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(StoreError::internal)?;
    Ok(hex::encode(b))
}

/// The gate for changes to logins: admins (and the server's console) change anyone's; a user
/// may change their own password and end their own sessions and tokens.
fn gate(actor: &Actor, op: &UserOp) -> Result<()> {
    let (kind, own) = match op {
        UserOp::Create { .. } => (EntryKind::UserCreated, None),
        UserOp::SetPassword { username, .. } => (EntryKind::UserPasswordChanged, Some(username)),
        UserOp::SetRole { .. } => (EntryKind::UserRoleChanged, None),
        UserOp::SetDisabled { disabled: true, .. } => (EntryKind::UserDisabled, None),
        UserOp::SetDisabled {
            disabled: false, ..
        } => (EntryKind::UserEnabled, None),
        UserOp::RevokeTokens { username, .. } => (EntryKind::UserTokensRevoked, Some(username)),
    };
    if own.is_some_and(|u| actor.is_user(u)) {
        return Ok(());
    }
    access::may_send(actor.sender(), kind, None).map_err(|m| DomainError::Forbidden(m).into())
}

pub(crate) async fn execute(
    ex: &mut Ex<'_>,
    head: &TimedHead,
    actor: &Actor,
    op: &UserOp,
) -> Result<Entry> {
    gate(actor, op)?;
    let at = head.next_time();
    let (kind, id, body) = match op {
        UserOp::Create {
            username,
            password_hash,
            role,
            country,
        } => {
            check_username(username)?;
            check_role_country(*role, country.as_deref())?;
            if let Some(other) = find(ex, username).await? {
                return Err(DomainError::Conflict(format!(
                    "user {:?} already exists (names do not differ by case alone)",
                    other.username
                ))
                .into());
            }
            let id = Uuid::now_v7();
            on!(ex, |c| {
                sqlx::query(
                "INSERT INTO users (id, username, password_hash, role, created_us, disabled, country) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)"
            )
            .bind(id)
            .bind(username)
            .bind(password_hash)
            .bind(role.as_str())
            .bind(micros(at))
            .bind(false)
            .bind(country)
            .execute(c)
            .await
            .map(|_| ())
            })?;
            (
                EntryKind::UserCreated,
                id,
                serde_json::json!({"username": username, "role": role, "country": country}),
            )
        }
        UserOp::SetPassword {
            username,
            password_hash,
        } => {
            let u = find(ex, username)
                .await?
                .ok_or_else(|| DomainError::NotFound {
                    what: format!("user {username:?}"),
                })?;
            on!(ex, |c| sqlx::query(
                "UPDATE users SET password_hash = $1 WHERE id = $2"
            )
            .bind(password_hash)
            .bind(u.id)
            .execute(c)
            .await
            .map(|_| ()))?;
            // Whoever held the old password may hold a session or token made with it.
            let revoked = revoke_all(ex, u.id).await?;
            (
                EntryKind::UserPasswordChanged,
                u.id,
                serde_json::json!({"username": u.username, "revoked": revoked}),
            )
        }
        UserOp::SetRole {
            username,
            role,
            country,
        } => {
            check_role_country(*role, country.as_deref())?;
            let u = find(ex, username)
                .await?
                .ok_or_else(|| DomainError::NotFound {
                    what: format!("user {username:?}"),
                })?;
            if u.role == Role::Admin && *role != Role::Admin {
                last_admin_check(ex, &u).await?;
            }
            on!(ex, |c| sqlx::query(
                "UPDATE users SET role = $1, country = $2 WHERE id = $3"
            )
            .bind(role.as_str())
            .bind(country)
            .bind(u.id)
            .execute(c)
            .await
            .map(|_| ()))?;
            // A session opened under the old role ends: the user logs in again under the new.
            let revoked = revoke_all(ex, u.id).await?;
            (
                EntryKind::UserRoleChanged,
                u.id,
                serde_json::json!({"username": u.username, "role": role, "country": country,
                                   "revoked": revoked}),
            )
        }
        UserOp::SetDisabled { username, disabled } => {
            let u = find(ex, username)
                .await?
                .ok_or_else(|| DomainError::NotFound {
                    what: format!("user {username:?}"),
                })?;
            if *disabled && u.role == Role::Admin && !u.disabled {
                last_admin_check(ex, &u).await?;
            }
            on!(ex, |c| sqlx::query(
                "UPDATE users SET disabled = $1 WHERE id = $2"
            )
            .bind(*disabled)
            .bind(u.id)
            .execute(c)
            .await
            .map(|_| ()))?;
            let revoked = if *disabled {
                revoke_all(ex, u.id).await?
            } else {
                0
            };
            (
                if *disabled {
                    EntryKind::UserDisabled
                } else {
                    EntryKind::UserEnabled
                },
                u.id,
                serde_json::json!({"username": u.username, "revoked": revoked}),
            )
        }
        UserOp::RevokeTokens { username, id } => {
            let u = find(ex, username)
                .await?
                .ok_or_else(|| DomainError::NotFound {
                    what: format!("user {username:?}"),
                })?;
            let revoked = match id {
                None => revoke_all(ex, u.id).await?,
                Some(t) => {
                    let n = on!(ex, |c| sqlx::query(
                        "DELETE FROM sessions WHERE id = $1 AND user_id = $2"
                    )
                    .bind(*t)
                    .bind(u.id)
                    .execute(c)
                    .await
                    .map(|r| r.rows_affected()))?;
                    if n == 0 {
                        return Err(DomainError::NotFound {
                            what: format!("token {t} of {}", u.username),
                        }
                        .into());
                    }
                    n
                }
            };
            (
                EntryKind::UserTokensRevoked,
                u.id,
                serde_json::json!({"username": u.username, "token": id, "revoked": revoked}),
            )
        }
    };
    log::append(
        ex,
        &head.head,
        Draft {
            actor: actor.name().to_string(),
            kind,
            subject: id,
            valid_at: at.date().to_string(),
            classification: Classification::Restricted,
            body,
            sources: Vec::new(),
        },
        at,
    )
    .await
}

/// Refuses to take the admin role from (or disable) the last enabled admin: nobody could manage
/// users any more.
async fn last_admin_check(ex: &mut Ex<'_>, u: &User) -> Result<()> {
    let admins = list(ex)
        .await?
        .iter()
        .filter(|x| x.role == Role::Admin && !x.disabled)
        .count();
    if admins <= 1 {
        return Err(DomainError::Conflict(format!(
            "{} is the last admin; make another user admin first",
            u.username
        ))
        .into());
    }
    Ok(())
}

/// Ends every session and token of a user; returns how many there were.
async fn revoke_all(ex: &mut Ex<'_>, user: Uuid) -> Result<u64> {
    Ok(on!(ex, |c| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1"
    )
    .bind(user)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?)
}

/// The user with this login name (in any case).
pub async fn find(ex: &mut Ex<'_>, username: &str) -> Result<Option<User>> {
    let row: Option<UserRow> = on!(ex, |c| {
        sqlx::query_as(
            "SELECT id, username, password_hash, role, country, disabled FROM users \
         WHERE lower(username) = lower($1)",
        )
        .bind(username)
        .fetch_optional(c)
        .await
    })?;
    row.map(|r| r.user()).transpose()
}

/// Every user, by name.
pub async fn list(ex: &mut Ex<'_>) -> Result<Vec<User>> {
    let rows: Vec<UserRow> = on!(ex, |c| {
        sqlx::query_as(
        "SELECT id, username, password_hash, role, country, disabled FROM users ORDER BY username"
    )
    .fetch_all(c)
    .await
    })?;
    rows.iter().map(UserRow::user).collect()
}

/// Checks a login (the name in any case); `None` when the user is unknown, disabled, or the
/// password is wrong.
pub async fn authenticate(ex: &mut Ex<'_>, username: &str, password: &str) -> Result<Option<User>> {
    let row: Option<UserRow> = on!(ex, |c| {
        sqlx::query_as(
            "SELECT id, username, password_hash, role, country, disabled FROM users \
         WHERE lower(username) = lower($1)",
        )
        .bind(username)
        .fetch_optional(c)
        .await
    })?;
    let Some(row) = row else {
        // Spend the same time as a real check so that timing does not reveal which names exist.
        let pw = password.to_string();
        tokio::task::spawn_blocking(move || verify_hash(&pw, &DUMMY_HASH))
            .await
            .map_err(StoreError::internal)?;
        return Ok(None);
    };
    let pw = password.to_string();
    let phc = row.password_hash.clone();
    let ok = tokio::task::spawn_blocking(move || verify_hash(&pw, &phc))
        .await
        .map_err(StoreError::internal)?;
    if ok && !row.disabled {
        Ok(Some(row.user()?))
    } else {
        Ok(None)
    }
}

/// Kind of secret: a browser session cookie or an API token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Browser session.
    Session,
    /// API bearer token.
    Api,
    /// The secret in a desk's calendar address (`/desk.ics?token=…`): it reads that user's
    /// desk deadlines and nothing else.
    Calendar,
}

impl TokenKind {
    fn as_str(self) -> &'static str {
        match self {
            TokenKind::Session => "session",
            TokenKind::Api => "api",
            TokenKind::Calendar => "calendar",
        }
    }
}

/// A secret just issued: the only time it is seen (only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    /// The secret.
    pub token: String,
    /// Its id, to list or revoke it.
    pub id: Uuid,
    /// When it expires (µs since 1970).
    pub expires_us: i64,
}

/// Issues a new secret for a user, valid for `ttl`.
pub async fn issue_token(
    ex: &mut Ex<'_>,
    user: &User,
    kind: TokenKind,
    ttl: time::Duration,
) -> Result<Issued> {
    let token = new_token()?;
    let t = now();
    // Expired secrets are of no use to anyone: forget them as new ones are made.
    on!(ex, |c| sqlx::query(
        "DELETE FROM sessions WHERE expires_us <= $1"
    )
    .bind(micros(t))
    .execute(c)
    .await
    .map(|_| ()))?;
    let id = Uuid::now_v7();
    let expires_us = micros(t + ttl);
    on!(ex, |c| sqlx::query(
        "INSERT INTO sessions (id, token_hash, user_id, kind, created_us, expires_us) \
         VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(id)
    .bind(token_hash(&token))
    .bind(user.id)
    .bind(kind.as_str())
    .bind(micros(t))
    .bind(expires_us)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(Issued {
        token,
        id,
        expires_us,
    })
}

/// The user a live secret of this kind belongs to, and when the secret expires (µs).
pub async fn user_for_token(
    ex: &mut Ex<'_>,
    token: &str,
    kind: TokenKind,
) -> Result<Option<(User, i64)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        user: UserRow,
        expires_us: i64,
    }
    let row: Option<Row> = on!(ex, |c| {
        sqlx::query_as(
            "SELECT u.id, u.username, u.password_hash, u.role, u.country, u.disabled, s.expires_us \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_us > $3",
        )
        .bind(token_hash(token))
        .bind(kind.as_str())
        .bind(micros(now()))
        .fetch_optional(c)
        .await
    })?;
    Ok(match row {
        Some(r) => Some((r.user.user()?, r.expires_us)).filter(|(u, _)| !u.disabled),
        None => None,
    })
}

/// How long a token's lookup is remembered. Every request of a script or a browser names its
/// secret, and looking it up each time cost the write path a database round trip per request.
/// A change of users or sessions made through this server forgets every lookup at once; one
/// made by another process on the same database (the CLI, a second server) takes effect within
/// this time.
const TOKEN_MEMORY: std::time::Duration = std::time::Duration::from_secs(1);

/// Most lookups remembered; more are forgotten all at once (only live secrets are remembered,
/// so a flood of made-up ones cannot fill it).
const TOKEN_MEMORY_MAX: usize = 4096;

/// Remembered token lookups: (hash of the secret, kind) → (user, expiry µs, when looked up).
type Remembered = HashMap<(Vec<u8>, TokenKind), (User, i64, std::time::Instant)>;

/// The store's memory of recent token lookups ([`TOKEN_MEMORY`]).
#[derive(Debug, Default)]
pub struct TokenCache {
    /// Counts the forgettings: a lookup that began before one is not remembered after it.
    generation: std::sync::atomic::AtomicU64,
    map: std::sync::Mutex<Remembered>,
}

impl TokenCache {
    fn get(&self, key: &[u8], kind: TokenKind) -> Option<User> {
        let map = self.map.lock().ok()?;
        let (user, expires_us, at) = map.get(&(key.to_vec(), kind))?;
        (at.elapsed() < TOKEN_MEMORY && *expires_us > micros(now())).then(|| user.clone())
    }

    fn put(&self, generation: u64, key: Vec<u8>, kind: TokenKind, user: &User, expires_us: i64) {
        let Ok(mut map) = self.map.lock() else { return };
        // Checked under the lock that `clear` takes too.
        if self.generation.load(std::sync::atomic::Ordering::SeqCst) != generation {
            return;
        }
        if map.len() >= TOKEN_MEMORY_MAX {
            map.clear();
        }
        map.insert(
            (key, kind),
            (user.clone(), expires_us, std::time::Instant::now()),
        );
    }

    /// Forgets every lookup: users or sessions changed.
    pub fn clear(&self) {
        if let Ok(mut map) = self.map.lock() {
            self.generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            map.clear();
        }
    }
}

/// A live session or API token, as listed (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct TokenInfo {
    /// Its id (to revoke it).
    pub id: Uuid,
    /// Whose.
    pub username: String,
    /// `session` (a browser) or `api` (a script).
    pub kind: String,
    /// Issued (µs since 1970).
    pub created_us: i64,
    /// Expires (µs since 1970).
    pub expires_us: i64,
}

/// Live sessions and tokens, newest first; of one user when `username` is given.
pub async fn tokens(ex: &mut Ex<'_>, username: Option<&str>) -> Result<Vec<TokenInfo>> {
    Ok(on!(ex, |c| sqlx::query_as::<_, TokenInfo>(
        "SELECT s.id, u.username, s.kind, s.created_us, s.expires_us FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.expires_us > $1 AND ($2 IS NULL OR lower(u.username) = lower($2)) \
         ORDER BY s.created_us DESC"
    )
    .bind(micros(now()))
    .bind(username)
    .fetch_all(c)
    .await)?)
}

/// The id of a live session or token, by its secret.
pub async fn token_id(ex: &mut Ex<'_>, token: &str) -> Result<Option<Uuid>> {
    Ok(on!(ex, |c| sqlx::query_scalar::<_, Uuid>(
        "SELECT id FROM sessions WHERE token_hash = $1"
    )
    .bind(token_hash(token))
    .fetch_optional(c)
    .await)?)
}

/// The owner of a live session or token, by its id.
pub async fn token_owner(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<String>> {
    Ok(on!(ex, |c| sqlx::query_scalar::<_, String>(
        "SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1"
    )
    .bind(id)
    .fetch_optional(c)
    .await)?)
}

/// Ends a session (logout) or the API token a script holds.
pub async fn revoke_token(ex: &mut Ex<'_>, token: &str) -> Result<()> {
    on!(ex, |c| sqlx::query(
        "DELETE FROM sessions WHERE token_hash = $1"
    )
    .bind(token_hash(token))
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

impl crate::Store {
    /// Every user.
    pub async fn users(&self) -> Result<Vec<User>> {
        list(&mut self.conn().await?.ex()).await
    }

    /// A user by name (names do not differ by case alone).
    pub async fn find_user(&self, username: &str) -> Result<Option<User>> {
        find(&mut self.conn().await?.ex(), username).await
    }

    /// The user a name and password belong to, if they do and the user is enabled.
    pub async fn authenticate(&self, username: &str, password: &str) -> Result<Option<User>> {
        authenticate(&mut self.conn().await?.ex(), username, password).await
    }

    /// A new session or API token for `user`, lasting `ttl`.
    pub async fn issue_token(
        &self,
        user: &User,
        kind: TokenKind,
        ttl: time::Duration,
    ) -> Result<Issued> {
        issue_token(&mut self.conn().await?.ex(), user, kind, ttl).await
    }

    /// The user a live session or token of `kind` belongs to (remembered for a moment:
    /// [`TOKEN_MEMORY`]).
    pub async fn user_for_token(&self, token: &str, kind: TokenKind) -> Result<Option<User>> {
        let key = token_hash(token);
        if let Some(user) = self.token_cache().get(&key, kind) {
            return Ok(Some(user));
        }
        let generation = self
            .token_cache()
            .generation
            .load(std::sync::atomic::Ordering::SeqCst);
        let found = user_for_token(&mut self.conn().await?.ex(), token, kind).await?;
        Ok(found.map(|(user, expires_us)| {
            self.token_cache()
                .put(generation, key, kind, &user, expires_us);
            user
        }))
    }

    /// The live sessions and tokens, of one user or of all.
    pub async fn tokens(&self, username: Option<&str>) -> Result<Vec<TokenInfo>> {
        tokens(&mut self.conn().await?.ex(), username).await
    }

    /// The id of a session or token, given the secret.
    pub async fn token_id(&self, token: &str) -> Result<Option<Uuid>> {
        token_id(&mut self.conn().await?.ex(), token).await
    }

    /// Who a session or token belongs to.
    pub async fn token_owner(&self, id: Uuid) -> Result<Option<String>> {
        token_owner(&mut self.conn().await?.ex(), id).await
    }

    /// Ends a session or token, given the secret (logging out).
    pub async fn revoke_token(&self, token: &str) -> Result<()> {
        let out = revoke_token(&mut self.conn().await?.ex(), token).await;
        self.token_cache().clear();
        out
    }
}

impl Actor {
    /// A logged-in user, with their role and contributor.
    pub fn user(user: &User) -> Actor {
        Actor::new(
            format!("user:{}", user.username),
            Sender::User(user.access()),
        )
    }

    /// The server writing on its own account about what `user` did: the audit entry of a
    /// restricted read names the reader, though the reader did not ask for it to be written.
    pub fn server_about(user: &User) -> Actor {
        Actor::new(format!("user:{}", user.username), Sender::System)
    }
}
