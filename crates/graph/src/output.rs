//! Writing next moves as a table, CSV or JSON (the `ladderless moves` command).

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::graph::Graph;
use crate::model::Move;

/// Output format of [`write_moves`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// `from_code,to_code,rank,score,kind`, one row per move.
    Csv,
    /// Full moves (skills, sources, explanations) as JSON.
    Json,
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(Error::Invalid {
                field: "format",
                reason: format!("`{s}` is not one of table, csv, json"),
            }),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
        })
    }
}

/// The CSV header of [`write_moves`].
pub const CSV_HEADER: &str = "from_code,to_code,rank,score,kind";

/// One role's next moves, as written in JSON.
#[derive(Debug, Serialize)]
struct RoleMoves<'a> {
    from: &'a str,
    title: &'a str,
    moves: Vec<Move>,
}

/// Writes the best `top` next moves of one role (`from`) or of every role (`None`).
///
/// CSV has the header `from_code,to_code,rank,score,kind` (rank from 1, kind up, sideways or
/// across); JSON is one object `{from, title, moves}` for one role and an array of them for
/// all roles; the table is for reading.
pub fn write_moves(
    graph: &Graph,
    from: Option<&str>,
    top: usize,
    format: Format,
    out: &mut impl Write,
) -> Result<(), Error> {
    let codes: Vec<&str> = match from {
        Some(code) => vec![graph.nodes[graph.node(code)? as usize].code.as_str()],
        None => graph.codes().collect(),
    };
    match format {
        Format::Csv => {
            writeln!(out, "{CSV_HEADER}")?;
            for code in codes {
                for (rank, n) in graph.neighbours(code, top)?.iter().enumerate() {
                    writeln!(
                        out,
                        "{},{},{},{:.4},{}",
                        csv_field(code),
                        csv_field(n.to),
                        rank + 1,
                        n.score,
                        n.kind
                    )?;
                }
            }
        }
        Format::Json => {
            let mut all = Vec::with_capacity(codes.len());
            for code in &codes {
                all.push(RoleMoves {
                    from: code,
                    title: graph.title(code).unwrap_or(""),
                    moves: graph.next_moves(code, top)?,
                });
            }
            if from.is_some() {
                serde_json::to_writer_pretty(&mut *out, &all[0])?;
            } else {
                serde_json::to_writer_pretty(&mut *out, &all)?;
            }
            writeln!(out)?;
        }
        Format::Table => {
            for (i, code) in codes.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_table(graph, code, top, out)?;
            }
        }
    }
    Ok(())
}

fn write_table(graph: &Graph, code: &str, top: usize, out: &mut impl Write) -> Result<(), Error> {
    writeln!(
        out,
        "Next moves from {code} {}",
        graph.title(code).unwrap_or("")
    )?;
    writeln!(
        out,
        "{:>4}  {:<8}  {:>5}  {:<12}  title",
        "rank", "kind", "score", "code"
    )?;
    let from = graph.node(code)? as usize;
    let moves = &graph.edges[from][..top.min(graph.edges[from].len())];
    if moves.is_empty() {
        writeln!(out, "      (no moves)")?;
    }
    for (rank, e) in moves.iter().enumerate() {
        let to = &graph.nodes[e.to as usize];
        // Curated moves say so, with the talent admin's note.
        let mark = match (e.curated, &e.note) {
            (true, Some(note)) => format!("  [curated: {note}]"),
            (true, None) => "  [curated]".to_owned(),
            (false, _) => String::new(),
        };
        writeln!(
            out,
            "{:>4}  {:<8}  {:>5.3}  {:<12}  {}{mark}",
            rank + 1,
            e.kind,
            e.score,
            to.code,
            to.title
        )?;
    }
    Ok(())
}

/// Quotes a CSV field when it needs it (organisation codes may hold commas or quotes).
fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}
