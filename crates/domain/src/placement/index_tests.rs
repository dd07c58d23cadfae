//! The indexes give exactly what scoring everything in a loop gives, on random organisations
//! with fixed seeds, before and after changes one entry at a time.

use super::matching::{Index, PeopleIndex, candidates, score, total};
use super::synthetic::{Rng, Shape, organisation, person, placement, placement_id, today};

/// Small and dense on purpose: few skills, so placements share skills and scores tie often.
const SHAPE: Shape = Shape {
    skills: 120,
    placements: 1500,
    people: 600,
    directions: 6,
};

#[test]
fn fast_recommendations_equal_the_naive_loop() {
    let (cards, people) = organisation(&SHAPE, 7);
    let index = Index::build(cards);
    for (n, (_, seeker)) in people.iter().enumerate() {
        let limit = [1, 5, 20, 60][n % 4];
        let skip = |id| id == placement_id(n % SHAPE.placements);
        let fast = index.recommend(seeker, today(), limit, &skip);
        let naive = index.recommend_naive(seeker, today(), limit, &skip);
        assert_eq!(fast, naive, "person {n}, limit {limit}");
    }
}

#[test]
fn fast_candidates_equal_the_naive_loop() {
    let (cards, people) = organisation(&SHAPE, 11);
    let index = PeopleIndex::build(people.clone());
    for (n, card) in cards.iter().take(300).enumerate() {
        let limit = [1, 10, 50][n % 3];
        let left_out = people[n % people.len()].0;
        let fast = index.candidates(card, limit, &|k| k == left_out);
        let others: Vec<_> = people
            .iter()
            .filter(|(k, _)| *k != left_out)
            .cloned()
            .collect();
        let naive = candidates(card, &others, limit);
        assert_eq!(fast, naive, "placement {n}, limit {limit}");
    }
}

#[test]
fn changes_one_at_a_time_equal_a_fresh_build() {
    let (cards, people) = organisation(&SHAPE, 3);
    let mut index = Index::build(cards.clone());
    let mut who = PeopleIndex::build(people.clone());
    let mut current = cards;
    let mut current_people = people;
    let mut rng = Rng::new(99);
    for step in 0..400 {
        let i = rng.below(current.len());
        match step % 3 {
            0 => {
                let id = current[i].id;
                index.remove(id);
                current.remove(i);
            }
            _ => {
                let mut c = placement(&mut rng, &SHAPE, i);
                c.id = current[i].id;
                index.upsert(c.clone());
                current[i] = c;
            }
        }
        let j = rng.below(current_people.len());
        if step % 5 == 0 {
            who.remove(current_people[j].0);
            current_people.remove(j);
        } else {
            let s = person(&mut rng, &SHAPE);
            who.upsert(current_people[j].0, s.clone());
            current_people[j].1 = s;
        }
    }
    let fresh = Index::build(current.clone());
    let fresh_people = PeopleIndex::build(current_people.clone());
    assert_eq!(index.len(), fresh.len());
    assert_eq!(who.len(), fresh_people.len());
    for (_, seeker) in current_people.iter().take(200) {
        let a = index.recommend(seeker, today(), 20, &|_| false);
        assert_eq!(a, fresh.recommend_naive(seeker, today(), 20, &|_| false));
    }
    for card in current.iter().take(100) {
        let a = who.candidates(card, 50, &|_| false);
        assert_eq!(a, candidates(card, &current_people, 50));
        assert_eq!(a, fresh_people.candidates(card, 50, &|_| false));
    }
}

#[test]
fn the_quick_total_is_the_explained_total() {
    let (cards, people) = organisation(&SHAPE, 5);
    for (_, seeker) in people.iter().take(100) {
        for card in cards.iter().take(200) {
            let s = score(card, seeker);
            assert_eq!(total(card, seeker), s.total);
            assert_eq!(s.total, s.parts.iter().map(|p| p.points).sum::<i32>());
        }
    }
}
