//! Try the catalogue searches from the command line:
//! `cargo run --release -p ladderless-catalogue --example search -- [--skills] QUERY`.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let skills = args.iter().any(|a| a == "--skills");
    let query = args
        .iter()
        .filter(|a| *a != "--skills")
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let start = Instant::now();
    let catalogue = ladderless_catalogue::bundled();
    println!("parsed in {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    let start = Instant::now();
    if skills {
        let hits = catalogue.search_skills(&query, 15);
        let took = start.elapsed();
        for skill in hits {
            println!("{}  {}  [{}]", skill.id, skill.label, skill.kind.label());
        }
        println!("searched in {:.3} ms", took.as_secs_f64() * 1000.0);
    } else {
        let hits = catalogue.search_roles(&query, 15);
        let took = start.elapsed();
        for hit in hits {
            let via = hit
                .matched
                .map(|m| format!("  (as \"{m}\")"))
                .unwrap_or_default();
            println!(
                "{:7.1}  {}  {}{via}",
                hit.score, hit.role.code, hit.role.title
            );
        }
        println!("searched in {:.3} ms", took.as_secs_f64() * 1000.0);
    }
}
