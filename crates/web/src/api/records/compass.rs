//! The API's records for compass, built from what core answers.

use super::ToRecord;
use super::people::PersonCard;
use ladderless_core::compass::{Aspirations, CompassSkill, FactorLine, SkillTrack};
use ladderless_domain::compass::chart::Series;
use ladderless_domain::compass::history::HistoryLine;
use ladderless_domain::compass::{Factor, Ranking, Section};
use ladderless_domain::org::Audience;
use ladderless_store::Uuid;
use serde::Serialize;

/// A person's compass, with only the sections the viewer may see (the others are None).
#[derive(Debug, Clone, Serialize)]
pub struct CompassView {
    /// Whose compass.
    pub person: PersonCard,
    /// The viewer is the owner.
    pub is_self: bool,
    /// The owner has ranked the factors (otherwise the ranking shown is the starting order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranked: Option<bool>,
    /// The four factors, most important first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factors: Option<Vec<FactorLine>>,
    /// Values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<ValueRow>>,
    /// Skills, highest level first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Vec<CompassSkill>>,
    /// Interests and aspirations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspirations: Option<Aspirations>,
    /// Who sees each section (the owner only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<(Section, Audience)>,
}

impl From<&ladderless_core::compass::CompassView> for CompassView {
    fn from(r: &ladderless_core::compass::CompassView) -> CompassView {
        CompassView {
            person: (&r.person).into(),
            is_self: r.is_self,
            ranked: r.ranked,
            factors: r.factors.clone(),
            values: r
                .values
                .as_ref()
                .map(|v| v.iter().map(Into::into).collect()),
            skills: r.skills.clone(),
            aspirations: r.aspirations.clone(),
            audiences: r.audiences.clone(),
        }
    }
}

impl ToRecord for ladderless_core::compass::CompassView {
    type Record = CompassView;
    fn record(&self) -> CompassView {
        CompassView::from(self)
    }
}

/// The history a viewer may see.
#[derive(Debug, Clone, Serialize)]
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

impl From<&ladderless_core::compass::HistoryView> for HistoryView {
    fn from(r: &ladderless_core::compass::HistoryView) -> HistoryView {
        HistoryView {
            person: (&r.person).into(),
            is_self: r.is_self,
            sections: r.sections.clone(),
            lines: r.lines.clone(),
            rankings: r.rankings.clone(),
            rank_series: r.rank_series.clone(),
            rank_ticks: r.rank_ticks.clone(),
            date_marks: r.date_marks.clone(),
            skills: r.skills.clone(),
        }
    }
}

impl ToRecord for ladderless_core::compass::HistoryView {
    type Record = HistoryView;
    fn record(&self) -> HistoryView {
        HistoryView::from(self)
    }
}

/// A person who shares part of their compass with the viewer.
#[derive(Debug, Clone, Serialize)]
pub struct SharedCompass {
    /// Who.
    pub person: PersonCard,
    /// The sections shared with the viewer.
    pub sections: Vec<Section>,
    /// They report to the viewer.
    pub is_report: bool,
}

impl From<&ladderless_core::compass::SharedCompass> for SharedCompass {
    fn from(r: &ladderless_core::compass::SharedCompass) -> SharedCompass {
        SharedCompass {
            person: (&r.person).into(),
            sections: r.sections.clone(),
            is_report: r.is_report,
        }
    }
}

impl ToRecord for ladderless_core::compass::SharedCompass {
    type Record = SharedCompass;
    fn record(&self) -> SharedCompass {
        SharedCompass::from(self)
    }
}

/// A personal value.
#[derive(Debug, Clone, Serialize)]
pub struct ValueRow {
    /// Id.
    pub id: Uuid,
    /// The value in the owner's words.
    pub label: String,
}

impl From<&ladderless_store::compass::ValueRow> for ValueRow {
    fn from(r: &ladderless_store::compass::ValueRow) -> ValueRow {
        ValueRow {
            id: r.id,
            label: r.label.clone(),
        }
    }
}

impl ToRecord for ladderless_store::compass::ValueRow {
    type Record = ValueRow;
    fn record(&self) -> ValueRow {
        ValueRow::from(self)
    }
}
