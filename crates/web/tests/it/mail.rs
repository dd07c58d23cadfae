//! E-mail on both databases, against a real SMTP server started by the test (a small sink
//! speaking EHLO/MAIL/RCPT/DATA/QUIT that can be stopped and started again): messages wait
//! while the server is down and each arrives exactly once after it returns (by Message-ID);
//! a message left "sending" by a killed sender is not sent again; messages carry the
//! one-click unsubscribe headers; the weekly digest is one per person and week; unsubscribe
//! links work without signing in, only for their person and kind, and cannot be forged;
//! without SMTP the settings page says e-mail is off.

use ladderless_core::mail::{MAIL_SEND, MailConfig, Mailer, Security};
use ladderless_core::{App, FixedClock};
use ladderless_domain::mail::{
    INTERRUPTED, OutboxState, digest_key, digest_week, message_id, unsubscribe_path,
};
use ladderless_domain::notify::{Channel, Kind};
use ladderless_store::mail::NewMail;
use ladderless_store::notifications::NewNotification;
use ladderless_testkit::{
    TestDb, TestServer, backends, check, person_id, seed_small_org, signed_in,
};
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// A tiny SMTP server that keeps every message it accepts.
struct Sink {
    port: u16,
    received: Arc<Mutex<Vec<String>>>,
    stop: Option<watch::Sender<bool>>,
}

impl Sink {
    async fn start_on(port: u16, received: Arc<Mutex<Vec<String>>>) -> Sink {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind the sink");
        let port = listener.local_addr().expect("addr").port();
        let (tx, rx) = watch::channel(false);
        let store = received.clone();
        tokio::spawn(async move {
            let mut rx_accept = rx.clone();
            loop {
                tokio::select! {
                    _ = rx_accept.changed() => break,
                    acc = listener.accept() => {
                        let Ok((sock, _)) = acc else { break };
                        let store = store.clone();
                        let mut rx_conn = rx.clone();
                        tokio::spawn(async move {
                            tokio::select! {
                                _ = rx_conn.changed() => {}
                                _ = session(sock, store) => {}
                            }
                        });
                    }
                }
            }
        });
        Sink {
            port,
            received,
            stop: Some(tx),
        }
    }

    async fn start() -> Sink {
        Self::start_on(0, Arc::default()).await
    }

    /// Stop listening and drop every open connection.
    fn stop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(true);
        }
    }

    /// Listen again on the same port, keeping what was received.
    async fn restart(&mut self) {
        self.stop();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        *self = Sink::start_on(self.port, self.received.clone()).await;
    }

    fn messages(&self) -> Vec<String> {
        self.received.lock().expect("lock").clone()
    }
}

async fn session(sock: tokio::net::TcpStream, store: Arc<Mutex<Vec<String>>>) {
    let (r, mut w) = sock.into_split();
    let mut r = BufReader::new(r);
    if w.write_all(b"220 sink ready\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        match r.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let cmd = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if cmd.starts_with("EHLO") {
            b"250-sink\r\n250 8BITMIME\r\n"
        } else if cmd.starts_with("HELO")
            || cmd.starts_with("MAIL")
            || cmd.starts_with("RCPT")
            || cmd.starts_with("RSET")
            || cmd.starts_with("NOOP")
        {
            b"250 ok\r\n"
        } else if cmd.starts_with("DATA") {
            if w.write_all(b"354 go ahead\r\n").await.is_err() {
                return;
            }
            let mut data = String::new();
            loop {
                line.clear();
                match r.read_line(&mut line).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                if line == ".\r\n" {
                    break;
                }
                data.push_str(&line);
            }
            store.lock().expect("lock").push(data);
            b"250 2.0.0 queued by the sink\r\n"
        } else if cmd.starts_with("QUIT") {
            let _ = w.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"502 not here\r\n"
        };
        if w.write_all(reply).await.is_err() {
            return;
        }
    }
}

/// The Message-ID header of a received message.
fn message_id_of(raw: &str) -> Option<String> {
    raw.lines()
        .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
        .map(|l| l["message-id:".len()..].trim().to_string())
}

fn start() -> OffsetDateTime {
    // Tuesday 10 March 2026, 12:00 UTC.
    OffsetDateTime::from_unix_timestamp(1_773_144_000).expect("time")
}

fn mail_config(port: u16, base: &str) -> MailConfig {
    MailConfig {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        credentials: None,
        from: "Ladderless <ladderless@l.example>".into(),
        base_url: base.into(),
        pages: ladderless_web::page_path,
    }
}

/// A seeded application with mail through the sink on `port`, and its clock.
async fn mail_app(db: &TestDb, port: u16) -> (App, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(start()));
    let app = App {
        clock: clock.clone(),
        ..App::new(db.store().await.expect("store"))
    }
    .with_mailer(Mailer::new(mail_config(port, "https://l.example")).expect("mailer"));
    seed_small_org(&app).await.expect("seed");
    (app, clock)
}

fn new_mail(key: &str, to: &str) -> NewMail {
    NewMail {
        idempotency_key: key.into(),
        person_id: None,
        recipient: to.into(),
        subject: format!("Message {key}"),
        text_body: format!("Body of {key}"),
        html_body: format!("<p>Body of {key}</p>"),
        list_unsubscribe: "https://l.example/unsubscribe/x/ask_again/00".into(),
    }
}

#[tokio::test]
async fn mail_waits_for_a_stopped_server_and_arrives_exactly_once() {
    for b in backends() {
        let mut sink = Sink::start().await;
        let db = TestDb::new(b).await.expect("db");
        let (app, clock) = mail_app(&db, sink.port).await;
        let keys: Vec<String> = (0..10).map(|i| format!("test:{i}")).collect();
        for k in &keys[..5] {
            app.store
                .queue_mail(&new_mail(k, "eve@example.org"), app.now())
                .await
                .expect("queue");
        }
        let r = app.send_outbox("t1").await.expect("first run");
        assert_eq!(r.sent, 5, "{b:?}: the first five go out");

        for k in &keys[5..] {
            app.store
                .queue_mail(&new_mail(k, "eve@example.org"), app.now())
                .await
                .expect("queue");
        }
        sink.stop();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let down = app.send_outbox("t2").await;
        assert!(down.is_err(), "{b:?}: a run against a stopped server fails");
        let counts = app.store.outbox_counts().await.expect("counts");
        let count = |s: OutboxState| counts.iter().find(|c| c.0 == s).map(|c| c.1).unwrap_or(0);
        assert_eq!(count(OutboxState::Sent), 5, "{b:?}");
        assert_eq!(
            count(OutboxState::Pending),
            5,
            "{b:?}: none lost, all waiting"
        );
        assert_eq!(count(OutboxState::Sending), 0, "{b:?}");

        sink.restart().await;
        // Nothing is retried before its backoff; then everything is.
        clock.advance(Duration::hours(2));
        let outcome = app.run_job_now(MAIL_SEND).await.expect("job");
        assert!(
            matches!(&outcome, ladderless_core::jobs::Outcome::Done { summary, .. } if summary.starts_with("5 e-mail(s) sent")),
            "{b:?}: {outcome:?}"
        );
        assert_eq!(
            app.send_outbox("t4").await.expect("idle run").sent,
            0,
            "{b:?}: nothing twice"
        );

        let got = sink.messages();
        let mut ids: Vec<String> = got.iter().filter_map(|m| message_id_of(m)).collect();
        ids.sort();
        let mut want: Vec<String> = keys.iter().map(|k| message_id(k, "l.example")).collect();
        want.sort();
        assert_eq!(ids, want, "{b:?}: every message exactly once");
        let raw = &got[0];
        assert!(
            raw.contains("List-Unsubscribe: <https://l.example/unsubscribe/"),
            "{b:?}: {raw}"
        );
        assert!(
            raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{b:?}"
        );
        assert!(
            raw.contains("text/plain") && raw.contains("text/html"),
            "{b:?}: both parts"
        );
        let m = app
            .store
            .mail_by_key("test:7")
            .await
            .expect("get")
            .expect("m");
        assert_eq!(m.state, OutboxState::Sent);
        assert!(
            m.answer.contains("250") && m.answer.contains("queued by the sink"),
            "{}",
            m.answer
        );
        assert!(m.attempts >= 2, "the failed attempt is counted");
        sink.stop();
    }
}

#[tokio::test]
async fn a_message_left_sending_by_a_killed_sender_is_not_sent_again() {
    for b in backends() {
        let mut sink = Sink::start().await;
        let db = TestDb::new(b).await.expect("db");
        let (app, clock) = mail_app(&db, sink.port).await;
        app.store
            .queue_mail(&new_mail("crash:1", "eve@example.org"), app.now())
            .await
            .expect("queue");
        app.store
            .queue_mail(&new_mail("crash:2", "eve@example.org"), app.now())
            .await
            .expect("queue");
        // A sender claimed crash:1 and was killed (kill -9) during the SMTP transaction.
        let now = app.now();
        let held = app
            .store
            .claim_mail("killed", now, now + Duration::minutes(5))
            .await
            .expect("claim")
            .expect("one");
        assert_eq!(held.idempotency_key, "crash:1");
        // While its lease runs, a new sender leaves it alone.
        let r = app.send_outbox("new").await.expect("run");
        assert_eq!((r.sent, r.interrupted), (1, 0), "{b:?}");
        clock.advance(Duration::minutes(10));
        let r = app.send_outbox("new").await.expect("run");
        assert_eq!((r.sent, r.interrupted), (0, 1), "{b:?}");
        let m = app
            .store
            .mail_by_key("crash:1")
            .await
            .expect("get")
            .expect("m");
        assert_eq!(
            (m.state, m.answer.as_str()),
            (OutboxState::Failed, INTERRUPTED),
            "{b:?}"
        );
        let ids: Vec<String> = sink
            .messages()
            .iter()
            .filter_map(|m| message_id_of(m))
            .collect();
        assert_eq!(
            ids,
            vec![message_id("crash:2", "l.example")],
            "{b:?}: crash:1 never went out from here"
        );
        sink.stop();
    }
}

#[tokio::test]
async fn an_email_notification_is_queued_and_the_digest_is_one_per_person_and_week() {
    for b in backends() {
        let mut sink = Sink::start().await;
        let db = TestDb::new(b).await.expect("db");
        let (app, clock) = mail_app(&db, sink.port).await;
        let eve = person_id(&app, "eve@example.org").await.expect("eve");
        let sid = person_id(&app, "sid@example.org").await.expect("sid");
        // Last week (Mon 2 – Sun 8 March): follow-ups (digest by default) for Eve and Sid;
        // Sid turned "plan review due" off and Eve sends "ask again" to the digest.
        clock.advance(Duration::days(-6));
        let note = |person, kind: Kind, key: &str| NewNotification {
            person_id: person,
            kind,
            title: format!("{} {key}", kind.label()),
            detail: String::new(),
            link_id: "00000000-0000-0000-0000-000000000001".into(),
            dedupe_key: key.into(),
        };
        app.store
            .set_notification_preference(eve, Kind::AskAgain, Channel::Digest, app.now())
            .await
            .expect("pref");
        for (p, k, key) in [
            (eve, Kind::FollowUpDue, "mark-e1"),
            (eve, Kind::AskAgain, "mark-e2"),
            (eve, Kind::FollowUpOverdue, "mark-e3"),
            (sid, Kind::FollowUpDue, "mark-s1"),
        ] {
            app.store
                .insert_notification(&note(p, k, key), app.now())
                .await
                .expect("insert");
        }
        clock.advance(Duration::days(6));
        let r = app.queue_digests().await.expect("digest");
        assert_eq!((r.queued, r.existing), (2, 0), "{b:?}");
        let again = app.queue_digests().await.expect("digest");
        assert_eq!((again.queued, again.existing), (0, 2), "{b:?}: once a week");
        let week = digest_week(app.now());
        let d = app
            .store
            .mail_by_key(&digest_key(eve, week.iso()))
            .await
            .expect("get")
            .expect("eve's digest");
        assert!(
            d.text_body.contains("Follow-up due mark-e1")
                && d.text_body.contains("Ask again mark-e2"),
            "{}",
            d.text_body
        );
        assert!(
            !d.text_body.contains("mark-e3"),
            "a kind in the product only is not in the digest"
        );
        assert!(d.subject.contains("2 things"), "{}", d.subject);
        assert_eq!(d.recipient, "eve@example.org");

        // An event of a kind that goes by e-mail (interest in a placement, for its owner)
        // queues a message linking the placement and the settings, with its unsubscribe link.
        let who = |email: &str| {
            let app = app.clone();
            let email = email.to_string();
            async move {
                let person = app
                    .store
                    .person(person_id(&app, &email).await.expect("id"))
                    .await
                    .expect("person");
                ladderless_core::Actor {
                    person,
                    is_manager: false,
                }
            }
        };
        let cleo_a = who("cleo@example.org").await;
        let eve_a = who("eve@example.org").await;
        let gig = app
            .create_placement(
                &cleo_a,
                &ladderless_core::placements::PlacementInput {
                    title: "Queue move".into(),
                    description: "Help the platform team move the billing jobs to the new queue."
                        .into(),
                    kind: "gig".into(),
                    status: "open".into(),
                    offers_learning: "strong".into(),
                    hours_per_week: "4".into(),
                    duration_weeks: "3".into(),
                    location: "Leeds".into(),
                    work_mode: "remote".into(),
                    places: "2".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("placement");
        app.express_interest(&eve_a, gig.id, "I moved our own queue last spring.", false)
            .await
            .expect("interest");
        let outbox = app.store.outbox(100).await.expect("outbox");
        let to_cleo: Vec<_> = outbox
            .iter()
            .filter(|m| m.recipient == "cleo@example.org")
            .collect();
        assert_eq!(
            to_cleo.len(),
            1,
            "{b:?}: one e-mail for the owner: {outbox:?}"
        );
        let m = to_cleo[0];
        assert!(
            m.subject.contains("interested in Queue move"),
            "{}",
            m.subject
        );
        assert!(
            m.text_body
                .contains(&format!("https://l.example/placements/{}", gig.id)),
            "{}",
            m.text_body
        );
        assert!(
            m.text_body
                .contains("https://l.example/notifications#choices")
        );
        assert!(
            m.list_unsubscribe
                .starts_with("https://l.example/unsubscribe/")
        );
        assert!(m.html_body.contains(&m.list_unsubscribe));
        let sent = app.send_outbox("t").await.expect("send");
        assert_eq!(sent.sent, 3, "{b:?}: two digests and the interest");
        sink.stop();
    }
}

#[tokio::test]
async fn unsubscribe_links_work_without_signing_in_only_for_their_person_and_kind() {
    for b in backends() {
        let db = TestDb::new(b).await.expect("db");
        let (app, _clock) = mail_app(&db, 9).await;
        let s = TestServer::start_with(app, db).await.expect("server");
        let run = async {
            let eve = person_id(&s.app, "eve@example.org").await?;
            let sid = person_id(&s.app, "sid@example.org").await?;
            let secret = s
                .app
                .unsubscribe_secret()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let path = unsubscribe_path(&secret, eve, Kind::AskAgain);
            let anon = s.client();
            let page = anon.get(&path).await?;
            check!(page.status == 200, "GET {}: {}", path, page.status);
            check!(
                page.body.contains("Stop \"Ask again\"") && page.body.contains("<button"),
                "{}",
                page.body
            );
            check!(
                page.body.contains("/notifications#choices"),
                "links to all settings"
            );

            let token = path.rsplit('/').next().unwrap_or_default().to_string();
            let mut tampered = token.clone().into_bytes();
            tampered[0] = if tampered[0] == b'0' { b'1' } else { b'0' };
            let tampered = String::from_utf8(tampered)?;
            for bad in [
                format!("/unsubscribe/{eve}/ask_again/{tampered}"),
                format!("/unsubscribe/{sid}/ask_again/{token}"),
                format!("/unsubscribe/{eve}/follow_up_due/{token}"),
                format!("/unsubscribe/{eve}/no_such_kind/{token}"),
                format!("/unsubscribe/not-a-uuid/ask_again/{token}"),
            ] {
                let r = anon.get(&bad).await?;
                check!(r.status == 404, "GET {bad}: {}", r.status);
                let r = anon
                    .post_form_raw(&bad, &[("List-Unsubscribe", "One-Click")])
                    .await?;
                check!(r.status == 404, "POST {bad}: {}", r.status);
            }
            let prefs = s.app.store.notification_preferences(eve).await?;
            check!(prefs.is_empty(), "nothing changed by bad links: {prefs:?}");

            // A mail client's one-click POST: no session, no CSRF token.
            let r = anon
                .post_form_raw(&path, &[("List-Unsubscribe", "One-Click")])
                .await?;
            check!(r.status == 200, "one-click POST: {} {}", r.status, r.body);
            let prefs = s.app.store.notification_preferences(eve).await?;
            check!(prefs == vec![(Kind::AskAgain, Channel::Off)], "{prefs:?}");
            check!(
                s.app.store.notification_preferences(sid).await?.is_empty(),
                "Sid untouched"
            );

            // Someone signed in as Sid posting Eve's link changes Eve's choice only (the link
            // is the authority), never Sid's.
            let sid_client = signed_in(&s, "sid@example.org").await?;
            let other = unsubscribe_path(&secret, eve, Kind::FollowUpDue);
            let r = sid_client.post_form_raw(&other, &[]).await?;
            check!(r.status == 200, "{}", r.status);
            check!(
                s.app.store.notification_preferences(sid).await?.is_empty(),
                "Sid untouched"
            );
            let again = anon.get(&path).await?;
            check!(again.body.contains("already off"), "{}", again.body);
            Ok::<_, anyhow::Error>(())
        };
        if let Err(e) = run.await {
            panic!("{b:?}: {e:#}");
        }
    }
}

#[tokio::test]
async fn without_smtp_the_settings_say_email_is_off() {
    ladderless_testkit::each_backend(|s| async move {
        let eve = signed_in(&s, "eve@example.org").await?;
        let page = eve.get("/notifications").await?;
        check!(
            page.body.contains("E-mail is off on this server"),
            "{}",
            page.body
        );
        check!(!s.app.mail_enabled(), "no mailer");
        Ok(())
    })
    .await;
}
