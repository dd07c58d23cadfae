//! How much each kind of evidence counts in a move's score, and the adjustments applied.

use serde::{Deserialize, Serialize};

use crate::features::Comp;

/// Weights of the similarities combined into a move's score, and the penalties applied to it.
///
/// The score of a move from role A to role B is the weighted mean of the similarities both
/// roles have evidence for, minus `hub` × B's mean similarity to its ten nearest roles (so
/// that roles alike to everything do not crowd every list), minus the job-zone and seniority
/// penalties. [`Weights::default`] is the tuned product setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// TF-IDF cosine of description, task statements and activity titles.
    pub tasks: f32,
    /// TF-IDF cosine of title, alternate titles and reported titles (words and word pairs).
    pub titles: f32,
    /// IDF-weighted cosine of detailed work activities.
    pub dwas: f32,
    /// IDF-weighted cosine of intermediate work activities.
    pub iwas: f32,
    /// IDF-weighted cosine of generalised work activities.
    pub gwas: f32,
    /// IDF-weighted cosine of linked ESCO skills.
    pub esco: f32,
    /// IDF-weighted cosine of software and technology (products and categories).
    pub technology: f32,
    /// Similarity of the importance × level profiles of the 35 O*NET skills.
    pub skills: f32,
    /// Similarity of the importance × level profiles of the 33 O*NET knowledge areas.
    pub knowledge: f32,
    /// Similarity of the RIASEC interest profiles.
    pub interests: f32,
    /// Similarity of the work value profiles.
    pub work_values: f32,
    /// Compare rating profiles (skills, knowledge, interests, work values) by distance, so
    /// that levels count as well as the mix (1 − distance / spread); otherwise by the cosine
    /// of the mean-centred profiles.
    pub rating_distance: bool,
    /// 1 − |job-zone difference| / 4.
    pub job_zone: f32,
    /// Hubness correction: weight of the target's mean similarity to its nearest roles.
    pub hub: f32,
    /// Penalty for a target one job zone higher.
    pub step_up: f32,
    /// Penalty for a target one job zone lower.
    pub step_down: f32,
    /// Extra penalty per job zone beyond one up.
    pub jump: f32,
    /// Extra penalty per job zone beyond one down.
    pub drop: f32,
    /// Penalty per seniority level skipped (e.g. individual contributor to manager).
    pub seniority_jump: f32,
    /// Penalty for a residual "…, All Other" occupation as the target: a catch-all category
    /// rather than a job one can aim for.
    pub residual: f32,
    /// How much a similarity counts (0–1) when one role's descriptors (skills, knowledge,
    /// interests, work values, job zone) were estimated by the catalogue rather than rated.
    pub estimated: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            tasks: 1.0,
            titles: 0.3,
            dwas: 0.0,
            iwas: 0.4,
            gwas: 0.0,
            esco: 0.3,
            technology: 0.1,
            skills: 1.3,
            knowledge: 0.8,
            interests: 0.15,
            work_values: 0.2,
            rating_distance: true,
            job_zone: 0.5,
            hub: 0.1,
            step_up: 0.01,
            step_down: 0.01,
            jump: 0.08,
            drop: 0.06,
            seniority_jump: 0.05,
            residual: 0.3,
            estimated: 0.0,
        }
    }
}

impl Weights {
    /// Every weight and penalty zero (a start for baselines).
    pub fn zero() -> Self {
        Weights {
            tasks: 0.0,
            titles: 0.0,
            dwas: 0.0,
            iwas: 0.0,
            gwas: 0.0,
            esco: 0.0,
            technology: 0.0,
            skills: 0.0,
            knowledge: 0.0,
            interests: 0.0,
            work_values: 0.0,
            rating_distance: false,
            job_zone: 0.0,
            hub: 0.0,
            step_up: 0.0,
            step_down: 0.0,
            jump: 0.0,
            drop: 0.0,
            seniority_jump: 0.0,
            residual: 0.0,
            estimated: 1.0,
        }
    }

    /// Baseline: cosine of (mean-centred) O*NET skill vectors only.
    pub fn baseline_skills() -> Self {
        Weights {
            skills: 1.0,
            ..Weights::zero()
        }
    }

    /// Baseline: O*NET skills and knowledge, equally weighted.
    pub fn baseline_skills_knowledge() -> Self {
        Weights {
            skills: 1.0,
            knowledge: 1.0,
            ..Weights::zero()
        }
    }

    /// Baseline: tasks, knowledge and titles, equally weighted.
    pub fn baseline_tasks_knowledge_titles() -> Self {
        Weights {
            tasks: 1.0,
            knowledge: 1.0,
            titles: 1.0,
            ..Weights::zero()
        }
    }

    /// The weight of one similarity component.
    pub(crate) fn comp(&self, c: Comp) -> f32 {
        match c {
            Comp::Tasks => self.tasks,
            Comp::Titles => self.titles,
            Comp::Dwas => self.dwas,
            Comp::Iwas => self.iwas,
            Comp::Gwas => self.gwas,
            Comp::Esco => self.esco,
            Comp::Technology => self.technology,
            Comp::Skills => self.skills,
            Comp::Knowledge => self.knowledge,
            Comp::Interests => self.interests,
            Comp::WorkValues => self.work_values,
        }
    }

    /// Sets a weight by its field name (for tuning tools; `rating_distance` is on when the
    /// value is not 0); false when there is no such field.
    pub fn set(&mut self, name: &str, value: f32) -> bool {
        if name == "rating_distance" {
            self.rating_distance = value != 0.0;
            return true;
        }
        match self.slot(name) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// A weight by its field name (for tuning tools).
    pub fn get(&self, name: &str) -> Option<f32> {
        if name == "rating_distance" {
            return Some(f32::from(u8::from(self.rating_distance)));
        }
        self.clone().slot(name).map(|v| *v)
    }

    fn slot(&mut self, name: &str) -> Option<&mut f32> {
        Some(match name {
            "tasks" => &mut self.tasks,
            "titles" => &mut self.titles,
            "dwas" => &mut self.dwas,
            "iwas" => &mut self.iwas,
            "gwas" => &mut self.gwas,
            "esco" => &mut self.esco,
            "technology" => &mut self.technology,
            "skills" => &mut self.skills,
            "knowledge" => &mut self.knowledge,
            "interests" => &mut self.interests,
            "work_values" => &mut self.work_values,
            "job_zone" => &mut self.job_zone,
            "hub" => &mut self.hub,
            "step_up" => &mut self.step_up,
            "step_down" => &mut self.step_down,
            "jump" => &mut self.jump,
            "drop" => &mut self.drop,
            "seniority_jump" => &mut self.seniority_jump,
            "residual" => &mut self.residual,
            "estimated" => &mut self.estimated,
            _ => return None,
        })
    }

    /// The names accepted by [`Weights::set`].
    pub const NAMES: [&'static str; 20] = [
        "tasks",
        "titles",
        "dwas",
        "iwas",
        "gwas",
        "esco",
        "technology",
        "skills",
        "knowledge",
        "interests",
        "work_values",
        "job_zone",
        "hub",
        "step_up",
        "step_down",
        "jump",
        "drop",
        "seniority_jump",
        "residual",
        "estimated",
    ];
}
