//! E-mail rules: a queued message's states, how long to wait before trying a failed message
//! again, the idempotency keys and Message-IDs that stop a message going out twice, which
//! week a digest covers, how a digest is put together, the words of each message, and the
//! signed one-click unsubscribe token. Pure: no I/O, the clock is passed in.

use crate::codes::code_enum;
use crate::notify::Kind;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use time::{Duration, OffsetDateTime, Time};
use uuid::Uuid;

code_enum! {
    /// Where a message in the outbox is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OutboxState: "outbox state" {
        /// Waiting for its next attempt.
        Pending = "pending" => "Waiting to be sent",
        /// Handed to the mail server right now (or the sender stopped mid-way: see
        /// [`INTERRUPTED`]).
        Sending = "sending" => "Being sent",
        /// The mail server accepted it.
        Sent = "sent" => "Sent",
        /// Not sent and not tried again: refused by the server, out of attempts, or
        /// interrupted mid-send.
        Failed = "failed" => "Not sent",
    }
}

/// The first retry of a message waits this long; each later one twice as long.
pub const RETRY_BASE_SECS: i64 = 60;
/// No retry waits longer than this.
pub const RETRY_CAP_SECS: i64 = 3600;
/// Attempts before a message is given up (with the cap, about a day of trying).
pub const MAX_ATTEMPTS: i32 = 30;
/// How long a sender holds a message in "sending" before it is presumed to have stopped.
pub const SENDING_LEASE_SECS: i64 = 300;
/// The server's answer recorded on a message found in "sending" after its sender stopped.
pub const INTERRUPTED: &str = "interrupted while being handed to the mail server; it may have \
    arrived, so it is not sent again (a second copy is worse than none)";

/// How long to wait after failed attempt number `attempt` (1 for the first): 1 min, 2, 4, …
/// never more than an hour.
pub fn retry_delay(attempt: i32) -> Duration {
    let exp = (attempt.clamp(1, 32) - 1).min(20);
    Duration::seconds(
        RETRY_BASE_SECS
            .saturating_mul(1_i64 << exp)
            .min(RETRY_CAP_SECS),
    )
}

/// What happens to a message after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try again at this instant.
    RetryAt(OffsetDateTime),
    /// Give up.
    GiveUp,
}

/// Decide after failed attempt `attempts`: a permanent refusal (a 5xx answer) or the last
/// attempt gives up; anything else (the server down, a 4xx answer) is tried again later.
pub fn after_failure(attempts: i32, permanent: bool, now: OffsetDateTime) -> AfterFailure {
    if permanent || attempts >= MAX_ATTEMPTS {
        AfterFailure::GiveUp
    } else {
        AfterFailure::RetryAt(now + retry_delay(attempts))
    }
}

/// The idempotency key of the e-mail for one notification (a person's notification is unique
/// by its dedupe key, so this names one notification).
pub fn notification_key(person: Uuid, dedupe_key: &str) -> String {
    format!("n:{person}:{dedupe_key}")
}

/// The idempotency key of a person's digest of ISO week `year`-W`week`.
pub fn digest_key(person: Uuid, (year, week): (i32, u8)) -> String {
    format!("digest:{person}:{year}-W{week:02}")
}

/// The idempotency key of a one-off message (an invitation, a reset link) for its link's
/// hash (one message per link).
pub fn link_key(purpose: &str, link_hash: &str) -> String {
    format!("{purpose}:{link_hash}")
}

/// The Message-ID for a key: the same key always gives the same id, so a receiver (and the
/// tests) can tell a second copy from a second message.
pub fn message_id(key: &str, domain: &str) -> String {
    let hash = hex::encode(Sha256::digest(key.as_bytes()));
    let domain = domain.trim();
    let domain = if domain.is_empty() {
        "ladderless.invalid"
    } else {
        domain
    };
    format!("<{}@{domain}>", &hash[..32])
}

/// The domain of an address (`a@b.example` → `b.example`), for Message-IDs.
pub fn address_domain(address: &str) -> &str {
    let a = address.trim().trim_end_matches('>');
    a.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
}

/// The week a digest covers when it runs at `now`: the whole ISO week (Monday 00:00 UTC to
/// the next Monday) before the one `now` falls in, with that week's ISO year and number.
/// However often the job runs during a week, it names the same week, so with the key per
/// person and week each person gets one digest a week.
pub fn digest_week(now: OffsetDateTime) -> DigestWeek {
    let now = now.to_offset(time::UtcOffset::UTC);
    let days_since_monday = i64::from(now.weekday().number_days_from_monday());
    let this_monday = (now.date() - Duration::days(days_since_monday)).with_time(Time::MIDNIGHT);
    let end = this_monday.assume_utc();
    let start = end - Duration::days(7);
    let (year, week, _) = start.date().to_iso_week_date();
    DigestWeek {
        start,
        end,
        year,
        week,
    }
}

/// The week one digest covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestWeek {
    /// Monday 00:00 UTC.
    pub start: OffsetDateTime,
    /// The next Monday 00:00 UTC (not included).
    pub end: OffsetDateTime,
    /// ISO year.
    pub year: i32,
    /// ISO week number.
    pub week: u8,
}

impl DigestWeek {
    /// Whether an instant falls in the week.
    pub fn contains(&self, at: OffsetDateTime) -> bool {
        at >= self.start && at < self.end
    }

    /// `(year, week)`, for [`digest_key`].
    pub fn iso(&self) -> (i32, u8) {
        (self.year, self.week)
    }
}

/// One notification in a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestItem {
    /// Its kind.
    pub kind: Kind,
    /// Its line.
    pub title: String,
    /// More, may be blank.
    pub detail: String,
    /// The full URL of the thing.
    pub url: String,
    /// When it was created.
    pub at: OffsetDateTime,
}

/// A message's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub text: String,
    /// HTML part.
    pub html: String,
}

/// Links every message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footer {
    /// The person's notification settings page.
    pub settings_url: String,
    /// One-click unsubscribe from this kind (none for a digest of several kinds, which
    /// carries one per kind).
    pub unsubscribe_url: String,
}

/// Escape text for HTML.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_page(body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">{body}</body></html>"
    )
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or("")
}

fn greeting(name: &str) -> String {
    match first_name(name) {
        "" => "Hello,".to_string(),
        n => format!("Hello {n},"),
    }
}

/// The e-mail for one notification: its line as the subject, its detail, a link to the thing
/// and, below, why the person gets it and how to stop.
pub fn notification_message(
    name: &str,
    kind: Kind,
    title: &str,
    detail: &str,
    url: &str,
    footer: &Footer,
) -> Composed {
    let hello = greeting(name);
    let kind_label = kind.label().to_lowercase();
    let mut text = format!("{hello}\n\n{title}\n");
    if !detail.trim().is_empty() {
        text.push_str(&format!("{}\n", detail.trim()));
    }
    text.push_str(&format!(
        "\nOpen it: {url}\n\n--\nYou get this because e-mail is on for \"{kind_label}\" in Ladderless.\n\
         Stop these e-mails: {}\nChoose what reaches you: {}\n",
        footer.unsubscribe_url, footer.settings_url
    ));
    let mut body = format!(
        "<p>{}</p><p><strong>{}</strong></p>",
        escape_html(&hello),
        escape_html(title)
    );
    if !detail.trim().is_empty() {
        body.push_str(&format!("<p>{}</p>", escape_html(detail.trim())));
    }
    body.push_str(&format!(
        "<p><a href=\"{}\">Open it in Ladderless</a></p><hr><p style=\"font-size:small;color:#555\">\
         You get this because e-mail is on for \"{}\". <a href=\"{}\">Stop these e-mails</a> · \
         <a href=\"{}\">Choose what reaches you</a></p>",
        escape_html(url),
        escape_html(&kind_label),
        escape_html(&footer.unsubscribe_url),
        escape_html(&footer.settings_url)
    ));
    Composed {
        subject: title.trim().to_string(),
        text,
        html: html_page(&body),
    }
}

/// Put a person's digest together from the notifications of the week (any order): only the
/// kinds they send to the digest (`in_digest`), only those inside the week, grouped by kind
/// in the kinds' order and newest first within a kind, with one unsubscribe link per kind
/// (`unsubscribe(kind)`). `None` when nothing is left: no empty digest is sent.
pub fn assemble_digest(
    name: &str,
    week: &DigestWeek,
    items: &[DigestItem],
    in_digest: impl Fn(Kind) -> bool,
    settings_url: &str,
    unsubscribe: impl Fn(Kind) -> String,
) -> Option<Composed> {
    let mut kept: Vec<&DigestItem> = items
        .iter()
        .filter(|i| in_digest(i.kind) && week.contains(i.at))
        .collect();
    if kept.is_empty() {
        return None;
    }
    let order = |k: Kind| Kind::ALL.iter().position(|x| *x == k).unwrap_or(usize::MAX);
    kept.sort_by(|a, b| order(a.kind).cmp(&order(b.kind)).then(b.at.cmp(&a.at)));
    let n = kept.len();
    let subject = if n == 1 {
        "Your week in Ladderless: 1 thing to look at".to_string()
    } else {
        format!("Your week in Ladderless: {n} things to look at")
    };
    let hello = greeting(name);
    let last_day = (week.end - Duration::days(1)).date();
    let span = format!("{} to {}", week.start.date(), last_day);
    let mut text = format!("{hello}\n\nWhat came up for you from {span}:\n");
    let mut html = format!(
        "<p>{}</p><p>What came up for you from {}:</p>",
        escape_html(&hello),
        escape_html(&span)
    );
    let mut kinds: Vec<Kind> = Vec::new();
    for (i, item) in kept.iter().enumerate() {
        let new_kind = i == 0 || kept[i - 1].kind != item.kind;
        if new_kind {
            if i > 0 {
                html.push_str("</ul>");
            }
            kinds.push(item.kind);
            text.push_str(&format!("\n{}\n", item.kind.label()));
            html.push_str(&format!("<h3>{}</h3><ul>", escape_html(item.kind.label())));
        }
        text.push_str(&format!("- {}", item.title));
        if !item.detail.trim().is_empty() {
            text.push_str(&format!(" ({})", item.detail.trim()));
        }
        text.push_str(&format!("\n  {}\n", item.url));
        html.push_str(&format!(
            "<li><a href=\"{}\">{}</a>",
            escape_html(&item.url),
            escape_html(&item.title)
        ));
        if !item.detail.trim().is_empty() {
            html.push_str(&format!(" — {}", escape_html(item.detail.trim())));
        }
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    text.push_str(
        "\n--\nYou get this weekly digest because these kinds go to the digest in Ladderless.\n",
    );
    html.push_str("<hr><p style=\"font-size:small;color:#555\">You get this weekly digest because these kinds go to the digest.");
    for k in &kinds {
        let url = unsubscribe(*k);
        text.push_str(&format!(
            "Stop \"{}\" in the digest: {url}\n",
            k.label().to_lowercase()
        ));
        html.push_str(&format!(
            " <a href=\"{}\">Stop \"{}\"</a> ·",
            escape_html(&url),
            escape_html(&k.label().to_lowercase())
        ));
    }
    text.push_str(&format!("Choose what reaches you: {settings_url}\n"));
    html.push_str(&format!(
        " <a href=\"{}\">Choose what reaches you</a></p>",
        escape_html(settings_url)
    ));
    Some(Composed {
        subject,
        text,
        html: html_page(&html),
    })
}

/// An invitation or password-reset message with its one link.
pub fn link_message(name: &str, reset: bool, url: &str, valid_days: i64) -> Composed {
    let hello = greeting(name);
    let (subject, line, button) = if reset {
        (
            "Set a new Ladderless password",
            "A talent admin made you a link to set a new password.",
            "Set a new password",
        )
    } else {
        (
            "You are invited to Ladderless",
            "You have an account in Ladderless, your organisation's place to own your career. Choose a password to start.",
            "Choose your password",
        )
    };
    let days = if valid_days == 1 {
        "1 day".to_string()
    } else {
        format!("{valid_days} days")
    };
    let text = format!(
        "{hello}\n\n{line}\n\n{button}: {url}\n\nThe link works once and for {days}. If you did not expect it, ignore this e-mail.\n"
    );
    let body = format!(
        "<p>{}</p><p>{}</p><p><a href=\"{}\">{}</a></p><p style=\"font-size:small;color:#555\">The link works once and for {}. If you did not expect it, ignore this e-mail.</p>",
        escape_html(&hello),
        escape_html(line),
        escape_html(url),
        escape_html(button),
        escape_html(&days)
    );
    Composed {
        subject: subject.to_string(),
        text,
        html: html_page(&body),
    }
}

type HmacSha256 = Hmac<Sha256>;

fn unsubscribe_mac(secret: &[u8], person: Uuid, kind: Kind) -> HmacSha256 {
    // A key of any length is accepted by HMAC.
    let mut mac = match HmacSha256::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(b"unsubscribe\0");
    mac.update(person.as_bytes());
    mac.update(b"\0");
    mac.update(kind.code().as_bytes());
    mac
}

/// The unsubscribe token for `person` and `kind`: HMAC-SHA256 under the server's secret, hex.
pub fn sign_unsubscribe(secret: &[u8], person: Uuid, kind: Kind) -> String {
    hex::encode(
        unsubscribe_mac(secret, person, kind)
            .finalize()
            .into_bytes(),
    )
}

/// Whether `token` is the one for `person` and `kind` (compared in constant time).
pub fn verify_unsubscribe(secret: &[u8], person: Uuid, kind: Kind, token: &str) -> bool {
    let Ok(bytes) = hex::decode(token.trim()) else {
        return false;
    };
    unsubscribe_mac(secret, person, kind)
        .verify_slice(&bytes)
        .is_ok()
}

/// The path of a person's unsubscribe link for a kind.
pub fn unsubscribe_path(secret: &[u8], person: Uuid, kind: Kind) -> String {
    format!(
        "/unsubscribe/{person}/{}/{}",
        kind.code(),
        sign_unsubscribe(secret, person, kind)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use time::macros::datetime;

    #[rstest]
    #[case(1, 60)]
    #[case(2, 120)]
    #[case(3, 240)]
    #[case(6, 1920)]
    #[case(7, 3600)]
    #[case(30, 3600)]
    #[case(0, 60)]
    fn retries_double_up_to_an_hour(#[case] attempt: i32, #[case] secs: i64) {
        assert_eq!(retry_delay(attempt), Duration::seconds(secs));
    }

    #[test]
    fn permanent_refusals_and_the_last_attempt_give_up() {
        let now = datetime!(2026-03-10 12:00 UTC);
        assert_eq!(
            after_failure(1, false, now),
            AfterFailure::RetryAt(now + Duration::minutes(1))
        );
        assert_eq!(after_failure(1, true, now), AfterFailure::GiveUp);
        assert_eq!(
            after_failure(MAX_ATTEMPTS, false, now),
            AfterFailure::GiveUp
        );
    }

    #[rstest]
    // Tuesday of ISO week 11 → week 10 (Mon 2 March to Mon 9 March).
    #[case(datetime!(2026-03-10 12:00 UTC), datetime!(2026-03-02 0:00 UTC), 2026, 10)]
    // Monday just after midnight is already the next week.
    #[case(datetime!(2026-03-09 0:00 UTC), datetime!(2026-03-02 0:00 UTC), 2026, 10)]
    // Sunday night is still week 11, so the digest is of week 10.
    #[case(datetime!(2026-03-15 23:59 UTC), datetime!(2026-03-02 0:00 UTC), 2026, 10)]
    // Early January: the week digested belongs to the previous ISO year.
    #[case(datetime!(2027-01-06 8:00 UTC), datetime!(2026-12-28 0:00 UTC), 2026, 53)]
    fn the_digest_covers_the_previous_iso_week(
        #[case] now: OffsetDateTime,
        #[case] start: OffsetDateTime,
        #[case] year: i32,
        #[case] week: u8,
    ) {
        let w = digest_week(now);
        assert_eq!(w.start, start);
        assert_eq!(w.end, start + Duration::days(7));
        assert_eq!((w.year, w.week), (year, week));
        assert!(w.contains(start));
        assert!(!w.contains(start + Duration::days(7)));
    }

    #[test]
    fn every_run_in_a_week_names_the_same_digest() {
        let p = Uuid::from_u128(7);
        let a = digest_key(p, digest_week(datetime!(2026-03-09 0:00 UTC)).iso());
        let b = digest_key(p, digest_week(datetime!(2026-03-15 23:00 UTC)).iso());
        let c = digest_key(p, digest_week(datetime!(2026-03-16 0:00 UTC)).iso());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(
            a,
            digest_key(
                Uuid::from_u128(8),
                digest_week(datetime!(2026-03-09 0:00 UTC)).iso()
            )
        );
        assert!(a.ends_with("2026-W10"), "{a}");
    }

    fn item(kind: Kind, title: &str, at: OffsetDateTime) -> DigestItem {
        DigestItem {
            kind,
            title: title.into(),
            detail: String::new(),
            url: format!("https://l.example/{title}"),
            at,
        }
    }

    #[test]
    fn a_digest_keeps_digest_kinds_of_the_week_grouped_and_newest_first() {
        let week = digest_week(datetime!(2026-03-10 12:00 UTC));
        let items = vec![
            item(
                Kind::PlanReviewDue,
                "plan-a",
                datetime!(2026-03-03 9:00 UTC),
            ),
            item(Kind::FollowUpDue, "old", datetime!(2026-03-04 9:00 UTC)),
            item(Kind::FollowUpDue, "new", datetime!(2026-03-06 9:00 UTC)),
            item(Kind::AskAgain, "not-digest", datetime!(2026-03-05 9:00 UTC)),
            item(
                Kind::FollowUpDue,
                "last-week",
                datetime!(2026-03-01 23:59 UTC),
            ),
            item(
                Kind::FollowUpDue,
                "this-week",
                datetime!(2026-03-09 0:00 UTC),
            ),
            item(Kind::FollowUpDue, "<b>&", datetime!(2026-03-05 9:00 UTC)),
        ];
        let d = assemble_digest(
            "Ada Lovelace",
            &week,
            &items,
            |k| matches!(k, Kind::FollowUpDue | Kind::PlanReviewDue),
            "https://l.example/notifications",
            |k| format!("https://l.example/u/{}", k.code()),
        )
        .expect("a digest");
        assert_eq!(d.subject, "Your week in Ladderless: 4 things to look at");
        assert!(d.text.starts_with("Hello Ada,"));
        let pos = |s: &str| d.text.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(pos("- new") < pos("- old"), "newest first");
        assert!(
            pos("Follow-up due") < pos("Plan review due"),
            "kinds in order"
        );
        for gone in ["not-digest", "last-week", "this-week"] {
            assert!(!d.text.contains(gone), "{gone} should be left out");
        }
        assert!(d.text.contains("https://l.example/u/follow_up_due"));
        assert!(d.text.contains("https://l.example/u/plan_review_due"));
        assert!(!d.text.contains("https://l.example/u/ask_again"));
        assert!(d.html.contains("&lt;b&gt;&amp;"), "HTML is escaped");
        assert!(!d.html.contains("<b>&"));
    }

    #[test]
    fn no_digest_without_anything_in_it() {
        let week = digest_week(datetime!(2026-03-10 12:00 UTC));
        let items = vec![item(Kind::AskAgain, "x", datetime!(2026-03-05 9:00 UTC))];
        assert_eq!(
            assemble_digest(
                "A",
                &week,
                &items,
                |k| k == Kind::FollowUpDue,
                "s",
                |_| "u".into()
            ),
            None
        );
        assert_eq!(
            assemble_digest("A", &week, &[], |_| true, "s", |_| "u".into()),
            None
        );
    }

    #[test]
    fn tokens_are_for_one_person_and_kind_and_cannot_be_forged() {
        let secret = b"server secret";
        let ada = Uuid::from_u128(1);
        let bob = Uuid::from_u128(2);
        let t = sign_unsubscribe(secret, ada, Kind::AskAgain);
        assert_eq!(t.len(), 64);
        assert!(verify_unsubscribe(secret, ada, Kind::AskAgain, &t));
        assert!(
            !verify_unsubscribe(secret, bob, Kind::AskAgain, &t),
            "other person"
        );
        assert!(
            !verify_unsubscribe(secret, ada, Kind::FollowUpDue, &t),
            "other kind"
        );
        assert!(!verify_unsubscribe(
            b"another secret",
            ada,
            Kind::AskAgain,
            &t
        ));
        let mut tampered = t.clone().into_bytes();
        tampered[10] = if tampered[10] == b'a' { b'b' } else { b'a' };
        let tampered = String::from_utf8(tampered).expect("hex");
        assert!(!verify_unsubscribe(secret, ada, Kind::AskAgain, &tampered));
        assert!(!verify_unsubscribe(secret, ada, Kind::AskAgain, "not hex"));
        assert!(!verify_unsubscribe(secret, ada, Kind::AskAgain, ""));
        assert!(!verify_unsubscribe(secret, ada, Kind::AskAgain, &t[..32]));
        assert_eq!(
            unsubscribe_path(secret, ada, Kind::AskAgain),
            format!("/unsubscribe/{ada}/ask_again/{t}")
        );
    }

    #[test]
    fn message_ids_follow_the_key() {
        let a = message_id("n:1:x", "l.example");
        assert_eq!(a, message_id("n:1:x", "l.example"));
        assert_ne!(a, message_id("n:1:y", "l.example"));
        assert!(a.starts_with('<') && a.ends_with("@l.example>"));
        assert_eq!(address_domain("Ladderless <mail@l.example>"), "l.example");
        assert!(message_id("k", "").ends_with("@ladderless.invalid>"));
    }

    #[test]
    fn a_notification_message_links_the_thing_settings_and_unsubscribe() {
        let f = Footer {
            settings_url: "https://l.example/notifications".into(),
            unsubscribe_url: "https://l.example/unsubscribe/x".into(),
        };
        let m = notification_message(
            "Bob",
            Kind::AnswerReceived,
            "Eve answered: Shared on-call",
            "Supported",
            "https://l.example/proposals/1",
            &f,
        );
        assert_eq!(m.subject, "Eve answered: Shared on-call");
        for part in [&m.text, &m.html] {
            assert!(part.contains("https://l.example/proposals/1"));
            assert!(part.contains("https://l.example/notifications"));
            assert!(part.contains("https://l.example/unsubscribe/x"));
            assert!(part.contains("Supported"));
        }
    }
}
