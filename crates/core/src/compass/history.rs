//! The compass history as a viewer may see it: changes in words and the series for two charts.

use crate::{Actor, App, CoreResult};
use ladderless_domain::compass::history::{self, Change, ChangeKind, Frame, HistoryLine, Series};
use ladderless_domain::compass::{Factor, Ranking, Section};
use ladderless_store::Uuid;
use ladderless_store::people::PersonCard;
use serde::Serialize;
use std::collections::HashMap;
use time::OffsetDateTime;

/// The ranking chart's frame (the template draws in the same units).
pub const RANK_FRAME: Frame = Frame {
    w: 640.0,
    h: 220.0,
    pad: (50.0, 190.0, 20.0, 40.0),
};
/// Each skill sparkline's frame.
pub const SKILL_FRAME: Frame = Frame {
    w: 240.0,
    h: 36.0,
    pad: (4.0, 4.0, 4.0, 4.0),
};
/// How many rankings the chart shows at most.
pub const RANKINGS_SHOWN: usize = 12;
/// How many kept changes are read.
const CHANGES_READ: i64 = 2000;

/// One skill's track over time.
#[derive(Debug, Clone, Serialize)]
pub struct SkillTrack {
    /// Label.
    pub label: String,
    /// Level now (0 when removed).
    pub level: i32,
    /// The sparkline.
    pub series: Series,
}

/// The history a viewer may see.
#[derive(Debug, Clone)]
pub struct HistoryView {
    /// Whose history.
    pub person: PersonCard,
    /// The viewer is the owner.
    pub is_self: bool,
    /// Sections the viewer may see.
    pub sections: Vec<Section>,
    /// Changes in words, newest first.
    pub lines: Vec<HistoryLine>,
    /// Rankings shown in the chart, oldest first.
    pub rankings: Vec<(String, Ranking)>,
    /// One line per factor, for the ranking chart.
    pub rank_series: Vec<(Factor, Series)>,
    /// Rank labels down the left of the ranking chart: ("1st", y).
    pub rank_ticks: Vec<(String, f32)>,
    /// Dates under the first and last ranking: (date, x, text anchor).
    pub date_marks: Vec<(String, f32, &'static str)>,
    /// One sparkline per skill.
    pub skills: Vec<SkillTrack>,
}

impl App {
    /// A person's compass history, limited to the sections `actor` may see.
    pub async fn compass_history(&self, actor: &Actor, person_id: Uuid) -> CoreResult<HistoryView> {
        let sections = self.visible_sections(actor, person_id).await?;
        let person = self
            .store
            .cards(&[person_id])
            .await?
            .into_iter()
            .next()
            .ok_or(crate::CoreError::NotFound)?;
        let rows = self
            .store
            .compass_changes(person_id, &sections, CHANGES_READ)
            .await?;
        let changes: Vec<Change> = rows
            .into_iter()
            .map(|r| Change {
                kind: r.kind,
                subject: r.subject,
                value: r.value,
                at: r.created_at,
            })
            .collect();
        let labels = self.labels_for(&changes).await?;
        let label = |id: &str| labels.get(id).cloned().unwrap_or_else(|| id.to_string());
        let mut lines = history::describe(&changes, &label);
        lines.reverse();
        let snaps = history::rankings(&changes, RANKINGS_SHOWN);
        let rank_series: Vec<(Factor, Series)> = Factor::ALL
            .into_iter()
            .zip(history::bump_chart(&snaps, RANK_FRAME))
            .collect();
        let rankings: Vec<(String, Ranking)> = snaps
            .into_iter()
            .map(|(at, r)| (short_date(at), r))
            .collect();
        let rank_ticks = (1..=4)
            .map(|r| (ladderless_domain::compass::ordinal(r), RANK_FRAME.rank_y(r)))
            .collect();
        let date_marks = date_marks(&rankings, &rank_series);
        let skills = history::skill_lines(&changes, SKILL_FRAME)
            .into_iter()
            .map(|series| {
                let level = changes
                    .iter()
                    .rev()
                    .find(|c| {
                        c.subject == series.key
                            && matches!(c.kind, ChangeKind::SkillSet | ChangeKind::SkillRemoved)
                    })
                    .and_then(|c| history::parse_skill_value(&c.value))
                    .map_or(0, |v| v.0);
                SkillTrack {
                    label: label(&series.key),
                    level,
                    series,
                }
            })
            .collect();
        Ok(HistoryView {
            person,
            is_self: actor.id() == person_id,
            sections,
            lines,
            rankings,
            rank_series,
            rank_ticks,
            date_marks,
            skills,
        })
    }

    /// Names of the skills and roles mentioned in some changes.
    async fn labels_for(&self, changes: &[Change]) -> CoreResult<HashMap<String, String>> {
        let mut out = HashMap::new();
        for c in changes {
            if out.contains_key(&c.subject) {
                continue;
            }
            let name = match c.kind {
                ChangeKind::SkillSet | ChangeKind::SkillRemoved => {
                    self.skill_label(&c.subject).await?
                }
                ChangeKind::RoleAdded | ChangeKind::RoleRemoved => self
                    .role_title(&c.subject)
                    .await?
                    .unwrap_or_else(|| c.subject.clone()),
                _ => continue,
            };
            out.insert(c.subject.clone(), name);
        }
        Ok(out)
    }
}

/// Dates under the first and (when different) last ranking of the chart.
fn date_marks(
    rankings: &[(String, Ranking)],
    series: &[(Factor, Series)],
) -> Vec<(String, f32, &'static str)> {
    let Some((_, first)) = series.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let (Some((d, _)), Some((x, _))) = (rankings.first(), first.points.first()) {
        out.push((
            d.clone(),
            *x,
            if rankings.len() == 1 {
                "middle"
            } else {
                "start"
            },
        ));
    }
    if rankings.len() > 1
        && let (Some((d, _)), Some((x, _))) = (rankings.last(), first.points.last())
    {
        out.push((d.clone(), *x, "end"));
    }
    out
}

/// "12 Mar 2025".
fn short_date(at: OffsetDateTime) -> String {
    let fmt = time::macros::format_description!("[day padding:none] [month repr:short] [year]");
    at.format(fmt).unwrap_or_default()
}
