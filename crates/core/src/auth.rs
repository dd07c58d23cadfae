//! Signing in and out, sessions, passwords, invitations and personal API tokens.

use crate::{Actor, App, CoreError, CoreResult};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use base64::Engine;
use ladderless_domain::fields::{FieldErrors, check_password, optional_text};
use ladderless_store::auth::{ApiToken, SessionRow};
use ladderless_store::{Uuid, new_id};
use sha2::{Digest, Sha256};
use time::Duration;

/// Random bytes from the operating system, as URL-safe text.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system's random source is unavailable");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 of a secret, hex-encoded: how secrets are stored.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Compare two strings in constant time.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Hash a password with argon2id (a fresh salt each time).
pub fn hash_password(password: &str) -> CoreResult<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Internal(format!("password hashing failed: {e}")))
}

/// Check a password against a stored argon2 hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A hash to verify against when the account does not exist, so timing does not reveal it.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that never matches").unwrap_or_default())
}

/// A new session: the cookie value to hand out, and its CSRF token.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// `id.secret`, for the cookie.
    pub cookie: String,
    /// The person signed in.
    pub person_id: Uuid,
}

/// A resolved session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Public id.
    pub id: String,
    /// The signed-in person.
    pub actor: Actor,
    /// Token every form and fetch must echo.
    pub csrf_token: String,
    /// How many of their notifications are unread (for the header).
    pub unread: i64,
}

impl App {
    /// The actor for a person id (active people only).
    pub async fn actor(&self, person_id: Uuid) -> CoreResult<Actor> {
        let (person, is_manager) = self.store.person_with_manager_flag(person_id).await?;
        if !person.active {
            return Err(CoreError::Unauthenticated);
        }
        Ok(Actor { person, is_manager })
    }

    /// Check credentials, with throttling per account and per client address.
    ///
    /// The attempt is counted (one atomic statement per key) before the password is verified,
    /// so concurrent guesses cannot all read the same counter: only the first `max` attempts
    /// in a window are ever checked. A successful sign-in clears the account's counter and
    /// gives the address back its attempt.
    pub async fn sign_in(&self, email: &str, password: &str, ip: &str) -> CoreResult<NewSession> {
        let now = self.now();
        let account_key = format!("account:{}", email.trim().to_lowercase());
        let ip_key = format!("ip:{ip}");
        let window = Duration::minutes(self.settings.lockout_minutes);
        let mut retry_after = None;
        for (key, max) in [
            (&account_key, self.settings.max_failures_per_account),
            (&ip_key, self.settings.max_failures_per_ip),
        ] {
            let t = self
                .store
                .count_attempt(key, max, now - window, now + window, now)
                .await?;
            if t.failures > max {
                let until = t.locked_until.unwrap_or(now + window);
                let secs = (until - now).whole_seconds().max(1);
                retry_after = Some(retry_after.map_or(secs, |r: i64| r.max(secs)));
            }
        }
        if let Some(retry_after_secs) = retry_after {
            return Err(CoreError::TooManyAttempts { retry_after_secs });
        }
        let creds = self.store.credentials(email).await?;
        let ok = match &creds {
            Some((_, Some(hash))) => verify_password(password, hash),
            _ => {
                let _ = verify_password(password, decoy_hash());
                false
            }
        };
        if !ok {
            let who = creds.as_ref().map(|c| c.0);
            self.store
                .audit(who, "sign_in_failed", email.trim(), "", ip, now)
                .await?;
            return Err(CoreError::Unauthenticated);
        }
        let (person_id, _) = creds.ok_or(CoreError::Unauthenticated)?;
        self.store.clear_throttle(&account_key).await?;
        self.store.refund_attempt(&ip_key, now).await?;
        let session = self.start_session(person_id).await?;
        self.store
            .audit(Some(person_id), "sign_in", "", "", ip, now)
            .await?;
        Ok(session)
    }

    /// Create a session for a person.
    pub async fn start_session(&self, person_id: Uuid) -> CoreResult<NewSession> {
        let now = self.now();
        let id = random_token(16);
        let secret = random_token(32);
        let row = SessionRow {
            id: id.clone(),
            secret_hash: hash_secret(&secret),
            person_id,
            csrf_token: random_token(32),
            expires_at: now + Duration::days(self.settings.session_days),
            updated_at: now,
        };
        self.store.create_session(&row, now).await?;
        Ok(NewSession {
            cookie: format!("{id}.{secret}"),
            person_id,
        })
    }

    /// Resolve a session cookie; None when missing, expired or forged.
    pub async fn session(&self, cookie: &str) -> CoreResult<Option<Session>> {
        let Some((id, secret)) = cookie.split_once('.') else {
            return Ok(None);
        };
        let Some((row, person, is_manager)) = self.store.session_with_person(id).await? else {
            return Ok(None);
        };
        let now = self.now();
        if row.expires_at < now
            || !constant_time_eq(&row.secret_hash, &hash_secret(secret))
            || !person.active
        {
            return Ok(None);
        }
        let actor = Actor { person, is_manager };
        // Slide the expiry forward, at most once an hour, to avoid a write per request.
        if now - row.updated_at > Duration::hours(1) {
            self.store
                .touch_session(id, now + Duration::days(self.settings.session_days), now)
                .await?;
        }
        let unread = self.store.unread_notifications(actor.id()).await?;
        Ok(Some(Session {
            id: row.id,
            actor,
            csrf_token: row.csrf_token,
            unread,
        }))
    }

    /// Sign out.
    pub async fn sign_out(&self, session_id: &str) -> CoreResult<()> {
        self.store.delete_session(session_id).await?;
        Ok(())
    }

    /// Change one's own password. Every session of the person ends, the one that made the
    /// change included: it continues under a new id and secret (returned), so a cookie copied
    /// before the change is worthless after it.
    pub async fn change_password(
        &self,
        actor: &Actor,
        current: &str,
        new: &str,
        confirm: &str,
    ) -> CoreResult<NewSession> {
        let mut errors = FieldErrors::new();
        let hash = self.store.password_hash(actor.id()).await?;
        if !hash.as_deref().is_some_and(|h| verify_password(current, h)) {
            errors.add("current_password", "is not your current password");
        }
        if let Err(m) = check_password(new) {
            errors.add("new_password", m);
        } else if new != confirm {
            errors.add("confirm_password", "does not match the new password");
        }
        errors.into_result()?;
        let now = self.now();
        self.store
            .set_password_hash(actor.id(), &hash_password(new)?, now)
            .await?;
        self.store.delete_sessions_of(actor.id(), None).await?;
        let session = self.start_session(actor.id()).await?;
        self.store
            .audit(Some(actor.id()), "password_change", "", "", "", now)
            .await?;
        Ok(session)
    }

    /// Invite a person: returns the one-time token for their set-password link.
    pub async fn invite(&self, actor: &Actor, person_id: Uuid) -> CoreResult<String> {
        actor.require_talent_admin()?;
        let person = self.store.person(person_id).await?;
        if !person.active {
            return Err(CoreError::field("person", "is not active"));
        }
        let now = self.now();
        let token = random_token(32);
        let expires = now + Duration::days(self.settings.invite_days);
        self.store
            .create_invite(
                person_id,
                &hash_secret(&token),
                expires,
                Some(actor.id()),
                now,
            )
            .await?;
        self.store
            .audit(Some(actor.id()), "invite", &person.email, "", "", now)
            .await?;
        Ok(token)
    }

    /// Whom an invitation token is for, if it is still valid.
    pub async fn invite_target(&self, token: &str) -> CoreResult<Option<Uuid>> {
        Ok(self
            .store
            .invite_person(&hash_secret(token), self.now())
            .await?)
    }

    /// Set a password from an invitation and sign in.
    pub async fn accept_invite(
        &self,
        token: &str,
        password: &str,
        confirm: &str,
    ) -> CoreResult<NewSession> {
        let mut errors = FieldErrors::new();
        if let Err(m) = check_password(password) {
            errors.add("password", m);
        } else if password != confirm {
            errors.add("confirm_password", "does not match the password");
        }
        errors.into_result()?;
        let now = self.now();
        let person = self
            .store
            .redeem_invite(&hash_secret(token), &hash_password(password)?, now)
            .await?
            .ok_or_else(|| {
                CoreError::field("token", "this link has expired or was already used")
            })?;
        self.store
            .audit(Some(person), "invite_accepted", "", "", "", now)
            .await?;
        self.start_session(person).await
    }

    /// Create a personal API token; the secret is returned once and only its hash is kept.
    pub async fn create_api_token(
        &self,
        person_id: Uuid,
        name: &str,
    ) -> CoreResult<(ApiToken, String)> {
        let name = optional_text(name, 100).map_err(|m| CoreError::field("name", m))?;
        let name = if name.is_empty() {
            "API token".to_string()
        } else {
            name
        };
        let secret = format!("ll_{}", random_token(32));
        let token = ApiToken {
            id: new_id(),
            person_id,
            name,
            prefix: secret.chars().take(10).collect(),
            last_used_at: None,
            revoked_at: None,
            created_at: self.now(),
        };
        self.store
            .create_api_token(&token, &hash_secret(&secret))
            .await?;
        self.store
            .audit(
                Some(person_id),
                "token_create",
                &token.prefix,
                &token.name,
                "",
                token.created_at,
            )
            .await?;
        Ok((token, secret))
    }

    /// The actor behind a bearer token; None when unknown or revoked.
    pub async fn actor_for_token(&self, secret: &str, ip: &str) -> CoreResult<Option<Actor>> {
        let Some(token) = self.store.api_token_by_hash(&hash_secret(secret)).await? else {
            return Ok(None);
        };
        let actor = match self.actor(token.person_id).await {
            Ok(a) => a,
            Err(CoreError::Unauthenticated | CoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        let now = self.now();
        // Record use at most once a minute per token to keep reads cheap.
        if token
            .last_used_at
            .is_none_or(|t| now - t > Duration::minutes(1))
        {
            self.store.mark_token_used(token.id, now).await?;
            self.store
                .audit(
                    Some(token.person_id),
                    "token_use",
                    &token.prefix,
                    &token.name,
                    ip,
                    now,
                )
                .await?;
        }
        Ok(Some(actor))
    }

    /// Revoke one of the actor's own tokens.
    pub async fn revoke_api_token(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        let now = self.now();
        self.store.revoke_api_token(actor.id(), id, now).await?;
        self.store
            .audit(
                Some(actor.id()),
                "token_revoke",
                &id.to_string(),
                "",
                "",
                now,
            )
            .await?;
        Ok(())
    }

    /// Grant or withdraw access roles (talent admins only; the last admin stays an admin).
    pub async fn set_access_roles(
        &self,
        actor: &Actor,
        person_id: Uuid,
        talent_admin: bool,
        facilitator: bool,
    ) -> CoreResult<()> {
        actor.require_talent_admin()?;
        let person = self.store.person(person_id).await?;
        if person.is_talent_admin && !talent_admin && self.store.talent_admin_count().await? <= 1 {
            return Err(CoreError::field(
                "talent_admin",
                "the organisation needs at least one talent admin",
            ));
        }
        let now = self.now();
        self.store
            .set_access_roles(person_id, talent_admin, facilitator, now)
            .await?;
        let detail = format!("talent_admin={talent_admin} facilitator={facilitator}");
        self.store
            .audit(
                Some(actor.id()),
                "role_change",
                &person.email,
                &detail,
                "",
                now,
            )
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(random_token(16), random_token(16));
        assert_eq!(hash_secret("a"), hash_secret("a"));
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
