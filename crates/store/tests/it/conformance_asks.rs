//! Storage conformance for asks on SQLite and PostgreSQL: an ask and its first event written
//! together, lists for the asker and the person asked, steps that apply only from the status
//! seen (a second answer at once is a conflict), the history in order with names.

use ladderless_domain::ask::{AskEventKind, AskStatus};
use ladderless_store::StoreError;
use ladderless_store::asks::{AskStep, NewAsk};
use ladderless_store::import::Batch;
use ladderless_testkit::{TestDb, backends};
use time::Duration;

use crate::support::{now, person};

#[tokio::test]
async fn asks_keep_their_history_and_refuse_stale_steps() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let s = db.store().await.expect("open");
        let (a, m, o) = (person("a"), person("m"), person("o"));
        let (ida, idm, ido) = (a.id, m.id, o.id);
        s.apply_batch(
            &Batch {
                creates: vec![a, m, o],
                ..Default::default()
            },
            now(),
        )
        .await
        .expect("seed");
        let id = s
            .insert_ask(
                &NewAsk {
                    person_id: ida,
                    asked_of: idm,
                    what: "Two days a month with the data team".into(),
                    want: "Continued learning".into(),
                    offer: "The weekly report, automated".into(),
                    questions: vec![
                        "What would make this work for you?".into(),
                        "Line\nbreak?".into(),
                    ],
                    wait_days: 14,
                },
                now(),
            )
            .await
            .expect("insert");
        let ask = s.ask(id).await.expect("read");
        assert_eq!(
            (ask.status, ask.times_asked, ask.wait_days),
            (AskStatus::Open, 1, 14)
        );
        assert_eq!(
            (ask.person_name.as_str(), ask.asked_of_name.as_str()),
            ("Person a", "Person m")
        );
        assert_eq!(
            ask.question_list(),
            vec!["What would make this work for you?", "Line break?"]
        );
        assert_eq!(ask.last_moved_on, now().date());
        assert_eq!(s.asks_by(ida).await.expect("mine").len(), 1);
        assert_eq!(s.asks_of(idm).await.expect("of m").len(), 1);
        assert!(s.asks_of(ido).await.expect("of o").is_empty());
        assert!(s.asks_by(idm).await.expect("by m").is_empty());

        let later = now() + Duration::days(20);
        let answer = AskStep {
            ask_id: id,
            from: AskStatus::Open,
            kind: AskEventKind::Answered,
            to: AskStatus::NotNow,
            by: idm,
            note: "After the launch".into(),
        };
        s.apply_ask_step(&answer, later).await.expect("answer");
        let again = s.apply_ask_step(&answer, later).await;
        assert!(
            matches!(again, Err(StoreError::Conflict { .. })),
            "{again:?}"
        );
        s.apply_ask_step(
            &AskStep {
                ask_id: id,
                from: AskStatus::NotNow,
                kind: AskEventKind::AskedAgain,
                to: AskStatus::Open,
                by: ida,
                note: "The launch is done".into(),
            },
            later + Duration::days(30),
        )
        .await
        .expect("ask again");
        let ask = s.ask(id).await.expect("read");
        assert_eq!((ask.status, ask.times_asked), (AskStatus::Open, 2));
        assert_eq!(
            ask.answer, "After the launch",
            "asking again keeps the last answer"
        );
        assert_eq!(ask.last_moved_on, (later + Duration::days(30)).date());
        let h = s.ask_events(id).await.expect("history");
        let kinds: Vec<_> = h.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![
                AskEventKind::Asked,
                AskEventKind::Answered,
                AskEventKind::AskedAgain
            ]
        );
        assert_eq!(h[1].by_name, "Person m");
        assert_eq!(h[1].note, "After the launch");
        assert_eq!(h[2].status, AskStatus::Open);
        assert!(matches!(
            s.ask(ladderless_store::new_id()).await,
            Err(StoreError::NotFound)
        ));
    }
}
