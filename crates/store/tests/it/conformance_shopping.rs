//! Storage conformance for window-shopping reactions on SQLite and PostgreSQL: one per person
//! and card (a new reaction replaces the old, keeping when it was first made), oldest first,
//! features read back exactly, another person's untouched, and removal.

use ladderless_domain::placement::shopping::{CardKind, CardReaction};
use ladderless_store::Uuid;
use ladderless_store::import::Batch;
use ladderless_store::shopping::ReactionRow;
use ladderless_testkit::{TestDb, backends};
use time::Duration;

use crate::support::{now, person};

fn row(kind: CardKind, key: &str, reaction: CardReaction, f: [f64; 4]) -> ReactionRow {
    ReactionRow {
        card_kind: kind,
        card_ref: key.into(),
        reaction,
        f_status: f[0],
        f_autonomy: f[1],
        f_meaning: f[2],
        f_learning: f[3],
        created_at: now(),
    }
}

#[tokio::test]
async fn reactions_are_one_per_card_in_order_and_per_person() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let s = db.store().await.expect("open");
        let (a, b) = (person("a"), person("b"));
        let (ida, idb): (Uuid, Uuid) = (a.id, b.id);
        s.apply_batch(
            &Batch {
                creates: vec![a, b],
                ..Default::default()
            },
            now(),
        )
        .await
        .expect("seed");
        let role = row(
            CardKind::Role,
            "15-1252.00",
            CardReaction::Like,
            [0.5, -1.0, 0.0, 1.75],
        );
        s.save_reaction(ida, &role, now()).await.expect("role");
        let gig = row(
            CardKind::Placement,
            "p-1",
            CardReaction::Pass,
            [2.0, 0.0, 1.0, -1.0],
        );
        s.save_reaction(ida, &gig, now() + Duration::seconds(5))
            .await
            .expect("gig");
        // Changing one's mind replaces the reaction and keeps its place in the order.
        let mut again = role.clone();
        again.reaction = CardReaction::Save;
        s.save_reaction(ida, &again, now() + Duration::seconds(9))
            .await
            .expect("again");
        let rows = s.reactions_of(ida).await.expect("read");
        assert_eq!(rows.len(), 2, "one per card");
        assert_eq!(
            (
                rows[0].card_kind,
                rows[0].card_ref.as_str(),
                rows[0].reaction
            ),
            (CardKind::Role, "15-1252.00", CardReaction::Save)
        );
        assert_eq!(
            [
                rows[0].f_status,
                rows[0].f_autonomy,
                rows[0].f_meaning,
                rows[0].f_learning
            ],
            [0.5, -1.0, 0.0, 1.75],
            "features exact"
        );
        assert_eq!(rows[1].card_ref, "p-1");
        assert!(
            s.reactions_of(idb).await.expect("b").is_empty(),
            "b has none"
        );
        s.save_reaction(idb, &gig, now()).await.expect("b gig");
        s.remove_reaction(ida, CardKind::Placement, "p-1")
            .await
            .expect("remove");
        assert_eq!(s.reactions_of(ida).await.expect("a").len(), 1, "removed");
        assert_eq!(s.reactions_of(idb).await.expect("b").len(), 1, "b's kept");
        s.close().await;
    }
}
