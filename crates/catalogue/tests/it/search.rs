//! Role and skill search: matching, ranking and speed.

use std::time::Instant;

use ladderless_catalogue::bundled;

fn codes(query: &str, limit: usize) -> Vec<String> {
    bundled()
        .search_roles(query, limit)
        .into_iter()
        .map(|h| h.role.code.clone())
        .collect()
}

#[test]
fn nurse_finds_registered_nurses() {
    let hits = codes("nurse", 10);
    assert!(hits.contains(&"29-1141.00".to_owned()), "{hits:?}");
    let hits = codes("registered nurse", 3);
    assert_eq!(
        hits.first().map(String::as_str),
        Some("29-1141.00"),
        "{hits:?}"
    );
}

#[test]
fn alternate_title_rn_finds_registered_nurses() {
    let hits = bundled().search_roles("RN", 5);
    let first = hits.first().expect("a hit");
    assert_eq!(first.role.code, "29-1141.00");
    assert_eq!(first.matched, Some("RN"));
}

#[test]
fn exact_title_beats_prefix_beats_words_beats_alternates() {
    let c = bundled();
    // Exact title, case- and plural-insensitive.
    let hits = c.search_roles("software developer", 10);
    assert_eq!(hits[0].role.code, "15-1252.00");
    assert_eq!(hits[0].matched, None);
    assert!(hits[0].score >= 1000.0);
    // Title prefix ranks above titles that merely contain the words.
    let hits = c.search_roles("nurse", 20);
    let first_prefix = hits
        .iter()
        .position(|h| h.role.title.starts_with("Nurse"))
        .expect("Nurse … title");
    let registered = hits
        .iter()
        .position(|h| h.role.code == "29-1141.00")
        .expect("Registered Nurses");
    assert!(first_prefix < registered);
    // Own-title matches come before alternate-title matches.
    let mut seen_alternate = false;
    for hit in &hits {
        if hit.matched.is_some() {
            seen_alternate = true;
        } else {
            assert!(
                !seen_alternate,
                "title match after an alternate-title match: {hits:?}"
            );
        }
    }
    // Scores never increase down the list.
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn search_ignores_case_accents_and_punctuation() {
    let plain = codes("chief executive", 5);
    assert_eq!(codes("CHIÉF   exécutive!", 5), plain);
    assert_eq!(plain.first().map(String::as_str), Some("11-1011.00"));
}

#[test]
fn search_by_alternate_title_reports_the_match() {
    let hits = bundled().search_roles("ceo", 5);
    let ceo = hits
        .iter()
        .find(|h| h.role.code == "11-1011.00")
        .expect("Chief Executives");
    assert!(
        ceo.matched
            .is_some_and(|m| m.to_lowercase().contains("ceo")),
        "{ceo:?}"
    );
}

#[test]
fn empty_or_nonsense_queries_find_nothing() {
    let c = bundled();
    assert!(c.search_roles("", 10).is_empty());
    assert!(c.search_roles("   !!  ", 10).is_empty());
    assert!(c.search_roles("nurse", 0).is_empty());
    assert!(c.search_roles("zzqxv", 10).is_empty());
    assert!(c.search_skills("", 10).is_empty());
    assert!(c.search_skills("zzqxv", 10).is_empty());
}

#[test]
fn search_respects_limit() {
    assert_eq!(bundled().search_roles("manager", 7).len(), 7);
    assert_eq!(bundled().search_skills("manage", 7).len(), 7);
}

#[test]
fn python_finds_the_esco_python_skill() {
    let hits = bundled().search_skills("python", 5);
    assert_eq!(
        hits.first().map(|s| s.label.as_str()),
        Some("Python (computer programming)")
    );
    let hits = bundled().search_skills("Pyth", 5);
    assert_eq!(
        hits.first().map(|s| s.label.as_str()),
        Some("Python (computer programming)")
    );
}

#[test]
fn skill_search_prefers_word_prefixes_then_substrings() {
    let c = bundled();
    let hits = c.search_skills("data min", 5);
    assert_eq!(
        hits.first().map(|s| s.label.as_str()),
        Some("data mining"),
        "{hits:?}"
    );
    // Word-order-free: "programming computer" still finds "computer programming".
    let hits = c.search_skills("programming computer", 5);
    assert!(
        hits.iter().any(|s| s.label == "computer programming"),
        "{hits:?}"
    );
    // Substring matches come after word-prefix matches.
    let hits = c.search_skills("script", 50);
    let labels: Vec<&str> = hits.iter().map(|s| s.label.as_str()).collect();
    let word_match = labels
        .iter()
        .position(|l| l.split(' ').any(|w| w.to_lowercase().starts_with("script")));
    let substring_only = labels
        .iter()
        .position(|l| l.to_lowercase().contains("javascript"));
    if let (Some(w), Some(s)) = (word_match, substring_only) {
        assert!(w < s, "{labels:?}");
    } else {
        panic!("expected both kinds of match: {labels:?}");
    }
}

#[test]
fn skill_search_is_fast() {
    let c = bundled();
    let queries = [
        "py",
        "python",
        "manage",
        "data min",
        "nursing care",
        "communic",
        "xyzzy",
        "java",
        "a",
    ];
    let start = Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        for q in queries {
            std::hint::black_box(c.search_skills(q, 10));
        }
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / (rounds * queries.len()) as f64;
    println!("skill search: {per:.3} ms per query");
    let start = Instant::now();
    for _ in 0..rounds {
        for q in ["nurse", "software", "rn", "manager of operations", "chief"] {
            std::hint::black_box(c.search_roles(q, 10));
        }
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / (rounds * 5) as f64;
    println!("role search: {per:.3} ms per query");
}
