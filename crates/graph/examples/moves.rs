//! Prints next moves the way `ladderless moves` will, without the CLI.
//!
//! ```text
//! cargo run --release -p ladderless-graph --example moves -- 29-1141.00 [TOP] [table|csv|json]
//! cargo run --release -p ladderless-graph --example moves -- --all [TOP] csv
//! ```

use ladderless_graph::{Format, Graph, Inputs, write_moves};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let from = args.first().map(String::as_str).unwrap_or("29-1141.00");
    let top = args.get(1).map(|t| t.parse()).transpose()?.unwrap_or(10);
    let format: Format = args
        .get(2)
        .map(|f| f.parse())
        .transpose()?
        .unwrap_or_default();
    let graph = Graph::build(ladderless_catalogue::bundled(), &Inputs::default());
    eprintln!("built in {:?}", graph.build_time());
    let from = (from != "--all").then_some(from);
    let stdout = std::io::stdout();
    write_moves(&graph, from, top, format, &mut stdout.lock())?;
    Ok(())
}
