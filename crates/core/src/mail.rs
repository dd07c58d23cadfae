//! E-mail: the SMTP settings, the outbox the notifications and the weekly digest fill, the
//! sender (job `mail.send`) that drains it, the digest (job `mail.digest`), one-click
//! unsubscribe, and invitation links by e-mail.
//!
//! Delivery rules (see docs/architecture.md, E-mail):
//! - A message is a row in the outbox first, under an idempotency key; queuing the same key
//!   again does nothing. Its Message-ID is derived from the key.
//! - The sender marks one message `sending` (a lease) just before handing it to the server,
//!   then `sent` with the server's answer, or `pending` again with the next attempt after a
//!   temporary failure (backoff), or `failed` after a permanent refusal. A server that is down
//!   delays mail; nothing is lost.
//! - A message found in `sending` past its lease (the sender was killed mid-transaction) is
//!   marked `failed` with a note and never sent again: a second copy is worse than none.
//! - Without SMTP settings nothing is queued.

use crate::path_links::PageRef;
use crate::{App, CoreError, CoreResult};
use ladderless_domain::mail::{
    AfterFailure, DigestItem, Footer, SENDING_LEASE_SECS, address_domain, after_failure,
    assemble_digest, digest_key, digest_week, link_key, message_id, notification_message,
    unsubscribe_path, verify_unsubscribe,
};
use ladderless_domain::notify::{Channel, Kind, channel_for};
use ladderless_store::Uuid;
use ladderless_store::mail::{DigestRow, NewMail, OutboxMail};
use ladderless_store::notifications::NewNotification;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use time::Duration;

/// Send the e-mails waiting in the outbox.
pub const MAIL_SEND: &str = "mail.send";
/// Queue each person's weekly digest.
pub const MAIL_DIGEST: &str = "mail.digest";
/// Most messages one run of `mail.send` hands over.
pub const SEND_BATCH: usize = 200_000;
/// A run stops after this many temporary failures in a row (the server is down).
const GIVE_UP_RUN_AFTER: usize = 3;
/// Digest rows read per page.
const DIGEST_PAGE: i64 = 20_000;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (required), port 587 by default.
    StartTls,
    /// TLS from the first byte, port 465 by default.
    Tls,
    /// No encryption: only for a mail server on this machine (a loopback address).
    None,
}

impl Security {
    /// Parse `starttls`, `tls` or `none`.
    pub fn parse(text: &str) -> Result<Security, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "starttls" | "" => Ok(Security::StartTls),
            "tls" => Ok(Security::Tls),
            "none" => Ok(Security::None),
            other => Err(format!("{other:?} is not starttls, tls or none")),
        }
    }

    /// Its name.
    pub fn code(self) -> &'static str {
        match self {
            Security::StartTls => "starttls",
            Security::Tls => "tls",
            Security::None => "none",
        }
    }

    /// The usual port.
    pub fn default_port(self) -> u16 {
        match self {
            Security::StartTls => 587,
            Security::Tls => 465,
            Security::None => 25,
        }
    }
}

/// The SMTP settings, checked.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// Mail server host.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// Connection security.
    pub security: Security,
    /// User name and password, when the server wants them.
    pub credentials: Option<(String, String)>,
    /// The sender, e.g. `Ladderless <ladderless@example.com>`.
    pub from: String,
    /// The public URL links in messages start with.
    pub base_url: String,
    /// The path of a page (the web layer's addresses: core builds no URLs).
    pub pages: fn(&PageRef) -> String,
}

/// Whether a host is this machine.
pub fn is_loopback(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The connection to the mail server and the sender's address.
pub struct Mailer {
    config: MailConfig,
    from: Mailbox,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("host", &self.config.host)
            .field("port", &self.config.port)
            .finish()
    }
}

impl Mailer {
    /// A mailer for checked settings; an error names the setting at fault.
    pub fn new(config: MailConfig) -> Result<Mailer, String> {
        let from: Mailbox = config.from.trim().parse().map_err(|e| {
            format!(
                "LADDERLESS_SMTP_FROM: {:?} is not an address like Ladderless <ladderless@example.com> ({e})",
                config.from
            )
        })?;
        if config.security == Security::None && !is_loopback(&config.host) {
            return Err(format!(
                "LADDERLESS_SMTP_SECURITY: none sends mail and passwords unencrypted; it is only allowed for a mail server on this machine, not {:?}",
                config.host
            ));
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
            .port(config.port)
            .timeout(Some(std::time::Duration::from_secs(30)));
        let tls = || {
            TlsParameters::new(config.host.clone()).map_err(|e| {
                format!(
                    "LADDERLESS_SMTP_HOST: cannot set up TLS for {:?}: {e}",
                    config.host
                )
            })
        };
        builder = match config.security {
            Security::StartTls => builder.tls(Tls::Required(tls()?)),
            Security::Tls => builder.tls(Tls::Wrapper(tls()?)),
            Security::None => builder.tls(Tls::None),
        };
        if let Some((user, password)) = &config.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            from,
            transport: builder.build(),
            config,
        })
    }

    /// Send one test message now, not through the outbox (`ladderless mail test`): the
    /// server's answer, or the error.
    pub async fn send_test(&self, to: &str) -> Result<String, String> {
        let mailer = self;
        let to: Mailbox = to
            .trim()
            .parse()
            .map_err(|e| format!("{to:?} is not an e-mail address ({e})"))?;
        let key = format!("test:{}", ladderless_store::new_id());
        let domain = address_domain(mailer.from.email.as_ref()).to_string();
        let msg = Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject("Ladderless test message")
            .message_id(Some(message_id(&key, &domain)))
            .multipart(MultiPart::alternative_plain_html(
                format!(
                    "This is a test from Ladderless at {}. E-mail works.\n",
                    mailer.config.base_url
                ),
                format!(
                    "<p>This is a test from Ladderless at {}. E-mail works.</p>",
                    ladderless_domain::mail::escape_html(&mailer.config.base_url)
                ),
            ))
            .map_err(|e| e.to_string())?;
        match mailer.transport.send(msg).await {
            Ok(resp) => Ok(format!(
                "{} {}",
                resp.code(),
                resp.message().collect::<Vec<_>>().join(" ")
            )),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The settings.
    pub fn config(&self) -> &MailConfig {
        &self.config
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url.trim_end_matches('/'))
    }

    /// Build the message for an outbox row.
    fn message(&self, m: &OutboxMail) -> Result<Message, String> {
        let to: Mailbox = m
            .recipient
            .parse()
            .map_err(|e| format!("{:?} is not an e-mail address ({e})", m.recipient))?;
        let domain = address_domain(self.from.email.as_ref()).to_string();
        let mut msg = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .message_id(Some(message_id(&m.idempotency_key, &domain)))
            .multipart(MultiPart::alternative_plain_html(
                m.text_body.clone(),
                m.html_body.clone(),
            ))
            .map_err(|e| e.to_string())?;
        if !m.list_unsubscribe.is_empty() {
            let h = |name: &str| {
                HeaderName::new_from_ascii(name.to_string()).map_err(|e| e.to_string())
            };
            msg.headers_mut().insert_raw(HeaderValue::new(
                h("List-Unsubscribe")?,
                format!("<{}>", m.list_unsubscribe),
            ));
            msg.headers_mut().insert_raw(HeaderValue::new(
                h("List-Unsubscribe-Post")?,
                "List-Unsubscribe=One-Click".to_string(),
            ));
        }
        Ok(msg)
    }
}

/// The e-mail part of [`App`]: the mailer when SMTP is set up, and the unsubscribe secret.
#[derive(Clone, Default)]
pub struct MailState {
    mailer: Option<Arc<Mailer>>,
    secret: Arc<tokio::sync::OnceCell<Vec<u8>>>,
}

/// What one run of `mail.send` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SendReport {
    /// Accepted by the server.
    pub sent: usize,
    /// Failed for now; tried again later.
    pub retrying: usize,
    /// Refused for good.
    pub failed: usize,
    /// Found in "sending" after a stop and marked failed (not sent again).
    pub interrupted: u64,
}

/// What one run of `mail.digest` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DigestReport {
    /// Digests queued.
    pub queued: usize,
    /// Already queued this week.
    pub existing: usize,
}

fn link_path(
    pages: fn(&PageRef) -> String,
    kind: ladderless_domain::notify::LinkKind,
    id: &str,
) -> String {
    use ladderless_domain::notify::LinkKind;
    let p = match kind {
        LinkKind::Conversation => PageRef::Conversation(id.into()),
        LinkKind::Plan => PageRef::Plan(id.into()),
        LinkKind::Proposal => PageRef::Proposal(id.into()),
        LinkKind::Placement => PageRef::Placement(id.into()),
    };
    pages(&p)
}

/// What an unsubscribe link is about, once its token is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsubscribe {
    /// The person.
    pub person: Uuid,
    /// The kind.
    pub kind: Kind,
    /// Where that kind goes now.
    pub channel: Channel,
}

impl App {
    /// This application sending mail through `mailer`.
    pub fn with_mailer(mut self, mailer: Mailer) -> App {
        self.mail.mailer = Some(Arc::new(mailer));
        self
    }

    /// Whether SMTP is set up (otherwise nothing is sent or queued, and the product says so).
    pub fn mail_enabled(&self) -> bool {
        self.mail.mailer.is_some()
    }

    /// The mailer, when SMTP is set up.
    pub fn mailer(&self) -> Option<&Mailer> {
        self.mail.mailer.as_deref()
    }

    /// The secret that signs unsubscribe links: made on first use and kept in the database.
    pub async fn unsubscribe_secret(&self) -> CoreResult<Vec<u8>> {
        let secret = self
            .mail
            .secret
            .get_or_try_init(|| async {
                let candidate = crate::auth::random_token(32);
                let stored = self
                    .store
                    .server_secret("unsubscribe", &candidate, self.now())
                    .await?;
                Ok::<_, CoreError>(stored.into_bytes())
            })
            .await?;
        Ok(secret.clone())
    }

    /// Queue the e-mail for a notification just created, when mail is on and the person's
    /// channel for its kind is e-mail. A failure is logged: the notification stands.
    pub(crate) async fn queue_notification_mail(&self, n: &NewNotification, channel: Channel) {
        if channel != Channel::Email {
            return;
        }
        let Some(mailer) = self.mailer() else {
            return;
        };
        let result = async {
            let person = self.store.person(n.person_id).await?;
            if !person.active || person.email.trim().is_empty() {
                return Ok(());
            }
            let secret = self.unsubscribe_secret().await?;
            let unsubscribe_url = mailer.url(&unsubscribe_path(&secret, person.id, n.kind));
            let footer = Footer {
                settings_url: mailer.url("/notifications#choices"),
                unsubscribe_url: unsubscribe_url.clone(),
            };
            let url = mailer.url(&link_path(
                mailer.config.pages,
                n.kind.link_kind(),
                &n.link_id,
            ));
            let c = notification_message(&person.name, n.kind, &n.title, &n.detail, &url, &footer);
            self.store
                .queue_mail(
                    &NewMail {
                        idempotency_key: ladderless_domain::mail::notification_key(
                            person.id,
                            &n.dedupe_key,
                        ),
                        person_id: Some(person.id),
                        recipient: person.email.clone(),
                        subject: c.subject,
                        text_body: c.text,
                        html_body: c.html,
                        list_unsubscribe: unsubscribe_url,
                    },
                    self.now(),
                )
                .await?;
            Ok::<_, CoreError>(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, kind = %n.kind, "cannot queue a notification e-mail");
        }
    }

    /// Queue an invitation (set-password) link for a person by e-mail; true when queued now,
    /// false when mail is off or it was queued already.
    pub async fn mail_invitation(&self, person: Uuid, link: &str) -> CoreResult<bool> {
        if !self.mail_enabled() {
            return Ok(false);
        }
        let p = self.store.person(person).await?;
        let c =
            ladderless_domain::mail::link_message(&p.name, false, link, self.settings.invite_days);
        let key = link_key("invite", &crate::auth::hash_secret(link));
        Ok(self
            .store
            .queue_mail(
                &NewMail {
                    idempotency_key: key,
                    person_id: Some(p.id),
                    recipient: p.email,
                    subject: c.subject,
                    text_body: c.text,
                    html_body: c.html,
                    list_unsubscribe: String::new(),
                },
                self.now(),
            )
            .await?)
    }

    /// Hand the outbox's ready messages to the mail server, one at a time (job `mail.send`).
    /// With the server unreachable the run fails and every message stays pending.
    pub async fn send_outbox(&self, sender: &str) -> CoreResult<SendReport> {
        let mut report = SendReport {
            interrupted: self.store.reconcile_mail(self.now()).await?,
            ..SendReport::default()
        };
        if report.interrupted > 0 {
            tracing::warn!(
                messages = report.interrupted,
                "e-mails were interrupted while being sent; they are marked failed, not sent again"
            );
        }
        let Some(mailer) = self.mailer() else {
            return Ok(report);
        };
        let mut in_a_row = 0;
        for _ in 0..SEND_BATCH {
            let now = self.now();
            let Some(m) = self
                .store
                .claim_mail(sender, now, now + Duration::seconds(SENDING_LEASE_SECS))
                .await?
            else {
                break;
            };
            let outcome = match mailer.message(&m) {
                Ok(msg) => match mailer.transport.send(msg).await {
                    Ok(resp) => Ok(format!(
                        "{} {}",
                        resp.code(),
                        resp.message().collect::<Vec<_>>().join(" ")
                    )),
                    Err(e) => Err((e.to_string(), e.is_permanent())),
                },
                Err(e) => Err((e, true)),
            };
            let now = self.now();
            match outcome {
                Ok(answer) => {
                    in_a_row = 0;
                    self.store.mail_sent(m.id, sender, &answer, now).await?;
                    report.sent += 1;
                }
                Err((answer, permanent)) => match after_failure(m.attempts, permanent, now) {
                    AfterFailure::RetryAt(at) => {
                        self.store
                            .mail_failed(m.id, sender, &answer, Some(at), now)
                            .await?;
                        report.retrying += 1;
                        in_a_row += 1;
                        if in_a_row >= GIVE_UP_RUN_AFTER {
                            return Err(CoreError::Internal(format!(
                                "the mail server failed {in_a_row} times in a row ({answer}); \
                                 {} sent this run, the rest wait for the next",
                                report.sent
                            )));
                        }
                    }
                    AfterFailure::GiveUp => {
                        self.store
                            .mail_failed(m.id, sender, &answer, None, now)
                            .await?;
                        report.failed += 1;
                    }
                },
            }
        }
        Ok(report)
    }

    /// Queue each person's digest of last week's notifications of the kinds they send to the
    /// digest (job `mail.digest`); once per person and week however often it runs.
    pub async fn queue_digests(&self) -> CoreResult<DigestReport> {
        let mut report = DigestReport::default();
        let Some(mailer) = self.mailer() else {
            return Ok(report);
        };
        let now = self.now();
        let week = digest_week(now);
        let secret = self.unsubscribe_secret().await?;
        let mut choices: HashMap<Kind, HashMap<Uuid, Channel>> = HashMap::new();
        for kind in Kind::ALL {
            choices.insert(
                kind,
                self.store
                    .notification_choices(kind)
                    .await?
                    .into_iter()
                    .collect(),
            );
        }
        let channel = |kind: Kind, person: Uuid| {
            channel_for(
                kind,
                choices.get(&kind).and_then(|m| m.get(&person)).copied(),
            )
        };
        let settings_url = mailer.url("/notifications#choices");
        let mut after: Option<Uuid> = None;
        loop {
            let mut rows = self
                .store
                .digest_rows(week.start, week.end, after, DIGEST_PAGE)
                .await?;
            if rows.is_empty() {
                break;
            }
            let full = rows.len() as i64 == DIGEST_PAGE;
            if full {
                // The last person may be cut: leave them to the next page, unless they fill
                // the page alone (then the page is what they get).
                let last = rows[rows.len() - 1].person_id;
                if rows[0].person_id != last {
                    rows.retain(|r| r.person_id != last);
                }
            }
            let mut start = 0;
            while start < rows.len() {
                let person = rows[start].person_id;
                let end = rows[start..]
                    .iter()
                    .position(|r| r.person_id != person)
                    .map(|i| start + i)
                    .unwrap_or(rows.len());
                let group: &[DigestRow] = &rows[start..end];
                start = end;
                let items: Vec<DigestItem> = group
                    .iter()
                    .map(|r| DigestItem {
                        kind: r.kind,
                        title: r.title.clone(),
                        detail: r.detail.clone(),
                        url: mailer.url(&link_path(mailer.config.pages, r.link_kind, &r.link_id)),
                        at: r.created_at,
                    })
                    .collect();
                let first = &group[0];
                let Some(c) = assemble_digest(
                    &first.name,
                    &week,
                    &items,
                    |k| channel(k, person) == Channel::Digest,
                    &settings_url,
                    |k| mailer.url(&unsubscribe_path(&secret, person, k)),
                ) else {
                    continue;
                };
                let queued = self
                    .store
                    .queue_mail(
                        &NewMail {
                            idempotency_key: digest_key(person, week.iso()),
                            person_id: Some(person),
                            recipient: first.email.clone(),
                            subject: c.subject,
                            text_body: c.text,
                            html_body: c.html,
                            list_unsubscribe: String::new(),
                        },
                        self.now(),
                    )
                    .await?;
                if queued {
                    report.queued += 1;
                } else {
                    report.existing += 1;
                }
            }
            after = rows.last().map(|r| r.person_id);
            if !full || after.is_none() {
                break;
            }
        }
        Ok(report)
    }

    /// Check an unsubscribe link: the person, kind and token must match (no sign-in needed;
    /// the token is the authority). Anything else is not found.
    pub async fn check_unsubscribe(
        &self,
        person: &str,
        kind: &str,
        token: &str,
    ) -> CoreResult<Unsubscribe> {
        let person: Uuid = person.trim().parse().map_err(|_| CoreError::NotFound)?;
        let kind = Kind::from_code(kind.trim()).ok_or(CoreError::NotFound)?;
        let secret = self.unsubscribe_secret().await?;
        if !verify_unsubscribe(&secret, person, kind, token) {
            return Err(CoreError::NotFound);
        }
        let chosen = self
            .store
            .notification_preferences(person)
            .await?
            .into_iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| c);
        Ok(Unsubscribe {
            person,
            kind,
            channel: channel_for(kind, chosen),
        })
    }

    /// Carry out an unsubscribe link: the kind is turned off for its person. Audited.
    pub async fn unsubscribe(
        &self,
        person: &str,
        kind: &str,
        token: &str,
    ) -> CoreResult<Unsubscribe> {
        let u = self.check_unsubscribe(person, kind, token).await?;
        let now = self.now();
        self.store
            .set_notification_preference(u.person, u.kind, Channel::Off, now)
            .await?;
        self.store
            .audit(Some(u.person), "unsubscribe", u.kind.code(), "", "", now)
            .await?;
        Ok(Unsubscribe {
            channel: Channel::Off,
            ..u
        })
    }
}
