//! The O*NET ↔ ESCO skill equivalence computed from the bundled data.

use ladderless_catalogue::bundled;

fn esco_labels(element: &str) -> Vec<String> {
    bundled()
        .esco_equivalents(element)
        .map(|s| s.label.clone())
        .collect()
}

#[test]
fn onet_skills_find_their_esco_counterparts() {
    // Programming (2.B.3.e) ↔ the ESCO programming-language skills.
    let programming = esco_labels("2.B.3.e");
    assert!(
        programming
            .iter()
            .any(|l| l == "Python (computer programming)"),
        "{programming:?}"
    );
    // Negotiation (2.B.1.d) ↔ ESCO "negotiate …" skills, despite the different word form.
    assert!(
        esco_labels("2.B.1.d")
            .iter()
            .any(|l| l.starts_with("negotiate"))
    );
    // Mathematics knowledge (2.C.4.a) ↔ ESCO "mathematics".
    assert!(esco_labels("2.C.4.a").iter().any(|l| l == "mathematics"));
}

#[test]
fn the_crosswalk_keeps_name_lookalikes_out() {
    // "physiotherapy" shares letters with Physics (2.C.4.b) but not a stem.
    assert!(
        esco_labels("2.C.4.b")
            .iter()
            .all(|l| !l.contains("physiotherapy"))
    );
    for element in ["2.A.1.a", "2.C.3.a", "2.C.1.a"] {
        assert!(
            esco_labels(element).len() <= 25,
            "{element} keeps at most 25"
        );
    }
}

#[test]
fn the_equivalence_runs_both_ways() {
    let c = bundled();
    let python = c
        .esco_equivalents("2.B.3.e")
        .find(|s| s.label == "Python (computer programming)")
        .expect("Python is equivalent to Programming");
    assert!(
        c.onet_equivalents(&python.id)
            .contains(&"2.B.3.e".to_string())
    );
    assert!(
        c.equivalent_skill_ids(&python.id)
            .contains(&"2.B.3.e".to_string())
    );
    assert!(c.equivalent_skill_ids("2.B.3.e").contains(&python.id));
    assert_eq!(c.element_name("2.B.3.e"), Some("Programming"));
    assert!(c.equivalent_skill_ids("no-such-skill").is_empty());
}
