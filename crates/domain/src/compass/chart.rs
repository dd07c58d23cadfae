//! Chart maths for the compass history: a bump chart of the rankings and a step line per
//! skill, in the coordinates the page's SVG uses.

use super::history::{Change, ChangeKind, parse_skill_value};
use super::{Factor, Ranking};
use serde::Serialize;
use time::OffsetDateTime;

/// A line of a chart: a key and its points in chart coordinates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// What the line is (factor code or skill id).
    pub key: String,
    /// Points, left to right.
    pub points: Vec<(f32, f32)>,
}

impl Series {
    /// The points as an SVG `points` attribute.
    pub fn svg_points(&self) -> String {
        self.points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The last point (for a direct label), or the origin.
    pub fn last(&self) -> (f32, f32) {
        self.points.last().copied().unwrap_or((0.0, 0.0))
    }
}

/// Chart area: width, height and padding (left, right, top, bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
    /// Padding: left, right, top, bottom.
    pub pad: (f32, f32, f32, f32),
}

impl Frame {
    fn x(&self, i: usize, n: usize) -> f32 {
        let span = self.w - self.pad.0 - self.pad.1;
        if n <= 1 {
            self.pad.0 + span / 2.0
        } else {
            self.pad.0 + span * i as f32 / (n - 1) as f32
        }
    }

    /// The y of rank 1–4 (rank 1 at the top).
    pub fn rank_y(&self, rank: usize) -> f32 {
        self.pad.2 + (self.h - self.pad.2 - self.pad.3) * (rank.clamp(1, 4) - 1) as f32 / 3.0
    }
}

/// The rankings over time (oldest first), at most `keep` of the latest.
pub fn rankings(changes: &[Change], keep: usize) -> Vec<(OffsetDateTime, Ranking)> {
    let all: Vec<_> = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Ranked)
        .filter_map(|c| Ranking::from_stored(&c.value).map(|r| (c.at, r)))
        .collect();
    let skip = all.len().saturating_sub(keep);
    all.into_iter().skip(skip).collect()
}

/// A bump chart of the rankings: one series per factor, x by change, y by rank.
pub fn bump_chart(snapshots: &[(OffsetDateTime, Ranking)], frame: Frame) -> Vec<Series> {
    let n = snapshots.len();
    Factor::ALL
        .iter()
        .map(|f| Series {
            key: f.code().to_string(),
            points: snapshots
                .iter()
                .enumerate()
                .map(|(i, (_, r))| (frame.x(i, n), frame.rank_y(r.rank_of(*f))))
                .collect(),
        })
        .collect()
}

/// Each skill's level over time as a step line, x by time between the first and last change
/// of any skill, y by level (0 when removed). Skills in order of first appearance.
pub fn skill_lines(changes: &[Change], frame: Frame) -> Vec<Series> {
    let skill_changes: Vec<&Change> = changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::SkillSet | ChangeKind::SkillRemoved))
        .collect();
    let (Some(first), Some(last)) = (skill_changes.first(), skill_changes.last()) else {
        return Vec::new();
    };
    let (t0, t1) = (first.at, last.at);
    let span = (t1 - t0).as_seconds_f32().max(1.0);
    let inner_w = frame.w - frame.pad.0 - frame.pad.1;
    let inner_h = frame.h - frame.pad.2 - frame.pad.3;
    let x = |t: OffsetDateTime| frame.pad.0 + inner_w * ((t - t0).as_seconds_f32() / span);
    let y = |level: i32| frame.pad.2 + inner_h * (1.0 - level.clamp(0, 5) as f32 / 5.0);
    let mut out: Vec<Series> = Vec::new();
    for c in skill_changes {
        let level = match c.kind {
            ChangeKind::SkillSet => parse_skill_value(&c.value).map_or(0, |v| v.0),
            _ => 0,
        };
        let i = match out.iter().position(|s| s.key == c.subject) {
            Some(i) => i,
            None => {
                out.push(Series {
                    key: c.subject.clone(),
                    points: Vec::new(),
                });
                out.len() - 1
            }
        };
        let pts = &mut out[i].points;
        if let Some(&(_, py)) = pts.last() {
            pts.push((x(c.at), py));
        }
        pts.push((x(c.at), y(level)));
    }
    let end = frame.w - frame.pad.1;
    for s in &mut out {
        let (lx, ly) = s.last();
        if lx < end {
            s.points.push((end, ly));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn change(kind: ChangeKind, subject: &str, value: &str, minute: u8) -> Change {
        Change {
            kind,
            subject: subject.into(),
            value: value.into(),
            at: datetime!(2025-01-01 09:00 UTC) + time::Duration::minutes(minute.into()),
        }
    }

    #[test]
    fn bump_chart_puts_rank_one_on_top() {
        let frame = Frame {
            w: 400.0,
            h: 200.0,
            pad: (100.0, 20.0, 20.0, 30.0),
        };
        let changes = [
            change(
                ChangeKind::Ranked,
                "",
                "status,autonomy,meaning,learning",
                0,
            ),
            change(
                ChangeKind::Ranked,
                "",
                "learning,autonomy,meaning,status",
                1,
            ),
        ];
        let snaps = rankings(&changes, 12);
        let lines = bump_chart(&snaps, frame);
        let learning = lines.iter().find(|s| s.key == "learning").unwrap();
        assert_eq!(learning.points, vec![(100.0, 170.0), (380.0, 20.0)]);
        assert_eq!(learning.svg_points(), "100.0,170.0 380.0,20.0");
        assert_eq!(rankings(&changes, 1).len(), 1, "keeps the latest only");
        let single = bump_chart(&rankings(&changes, 1), frame);
        assert_eq!(
            single[0].points,
            vec![(240.0, 170.0)],
            "a single ranking sits in the middle"
        );
    }

    #[test]
    fn skill_lines_step_and_reach_the_right_edge() {
        let frame = Frame {
            w: 120.0,
            h: 60.0,
            pad: (10.0, 10.0, 5.0, 5.0),
        };
        let changes = [
            change(ChangeKind::SkillSet, "a", "1", 0),
            change(ChangeKind::SkillSet, "b", "5", 5),
            change(ChangeKind::SkillSet, "a", "3", 10),
        ];
        let lines = skill_lines(&changes, frame);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].key, "a");
        assert_eq!(lines[0].svg_points(), "10.0,45.0 110.0,45.0 110.0,25.0");
        assert_eq!(lines[1].svg_points(), "60.0,5.0 110.0,5.0");
        assert!(skill_lines(&[], frame).is_empty());
    }
}
