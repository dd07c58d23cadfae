//! The career compass: what a person wants from work, their values, skills and aspirations,
//! each section shown only to the audience its owner chose, with every change kept.

mod history;
mod items;

pub use history::{HistoryView, SkillTrack};
pub use items::{PICK_ONE, SkillInput};

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::compass::history::ChangeKind;
use ladderless_domain::compass::{Factor, Met, Ranking, Section, level_name, parse_move};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::org::{Audience, may_see};
use ladderless_store::Uuid;
use ladderless_store::compass::{CompassRow, NewChange, ValueRow};
use ladderless_store::people::PersonCard;
use serde::Serialize;

/// Most values one person keeps.
pub const MAX_VALUES: usize = 20;
/// Most skills one person keeps.
pub const MAX_SKILLS: usize = 100;
/// Most target roles one person keeps.
pub const MAX_TARGET_ROLES: usize = 10;

/// One factor as the compass shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FactorLine {
    /// The factor.
    pub factor: Factor,
    /// Its rank, 1–4.
    pub rank: usize,
    /// How well the job meets it, if answered.
    pub met: Option<Met>,
}

/// A skill as the compass shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CompassSkill {
    /// Skill id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Level 1–5.
    pub level: i32,
    /// "3 · Skilled".
    pub level_name: String,
    /// Wants to grow it.
    pub want_to_grow: bool,
    /// Evidence in the owner's words.
    pub evidence: String,
}

/// A role as the compass shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleRef {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
}

/// Interests, aspirations and target roles.
#[derive(Debug, Clone, Serialize)]
pub struct Aspirations {
    /// Interests.
    pub interests: String,
    /// Aspirations.
    pub aspirations: String,
    /// Target roles from the catalogue.
    pub target_roles: Vec<RoleRef>,
}

/// A person's compass, with only the sections the viewer may see (the others are None).
#[derive(Debug, Clone)]
pub struct CompassView {
    /// Whose compass.
    pub person: PersonCard,
    /// The viewer is the owner.
    pub is_self: bool,
    /// The owner has ranked the factors (otherwise the ranking shown is the starting order).
    pub ranked: Option<bool>,
    /// The four factors, most important first.
    pub factors: Option<Vec<FactorLine>>,
    /// Values.
    pub values: Option<Vec<ValueRow>>,
    /// Skills, highest level first.
    pub skills: Option<Vec<CompassSkill>>,
    /// Interests and aspirations.
    pub aspirations: Option<Aspirations>,
    /// Who sees each section (the owner only).
    pub audiences: Vec<(Section, Audience)>,
}

impl CompassView {
    /// Whether the viewer may see nothing at all.
    pub fn nothing_shared(&self) -> bool {
        self.factors.is_none()
            && self.values.is_none()
            && self.skills.is_none()
            && self.aspirations.is_none()
    }
}

/// The ranking and "met" answers, as sent by a form or the API.
#[derive(Debug, Clone, Default)]
pub struct FactorsInput {
    /// Factor codes, most important first.
    pub ranking: Vec<String>,
    /// Met codes per factor, in [`Factor::ALL`] order ("" for no answer); None keeps them.
    pub met: Option<[String; 4]>,
    /// A no-JavaScript move such as "autonomy:up", applied after the ranking is read.
    pub step: Option<String>,
}

/// A person who shares part of their compass with the viewer.
#[derive(Debug, Clone)]
pub struct SharedCompass {
    /// Who.
    pub person: PersonCard,
    /// The sections shared with the viewer.
    pub sections: Vec<Section>,
    /// They report to the viewer.
    pub is_report: bool,
}

/// One kept change: section, kind, subject, value.
pub(crate) fn change(kind: ChangeKind, subject: &str, value: &str) -> NewChange {
    (kind.section(), kind, subject.to_string(), value.to_string())
}

impl App {
    /// Which compass sections a viewer may see of a person (refusing inactive people to colleagues).
    pub async fn visible_sections(
        &self,
        actor: &Actor,
        person_id: Uuid,
    ) -> CoreResult<Vec<Section>> {
        let person = self.store.person(person_id).await?;
        let rel = self.relation(actor, person_id).await?;
        if !(person.active || rel.is_self || rel.is_talent_admin) {
            return Err(CoreError::NotFound);
        }
        let mut out = Vec::new();
        for s in Section::ALL {
            if may_see(self.audience_of(person_id, s).await?, rel) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// A person's compass as `actor` may see it.
    pub async fn compass_view(&self, actor: &Actor, person_id: Uuid) -> CoreResult<CompassView> {
        let visible = self.visible_sections(actor, person_id).await?;
        let person = self
            .store
            .cards(&[person_id])
            .await?
            .into_iter()
            .next()
            .ok_or(CoreError::NotFound)?;
        let row = self.store.compass(person_id).await?;
        let ranked = row.as_ref().and_then(|r| Ranking::from_stored(&r.ranking));
        let row = row.unwrap_or_default();
        let is_self = actor.id() == person_id;
        let sees = |s: Section| visible.contains(&s);
        let mut audiences = Vec::new();
        if is_self {
            for s in Section::ALL {
                audiences.push((s, self.audience_of(person_id, s).await?));
            }
        }
        Ok(CompassView {
            is_self,
            ranked: sees(Section::Factors).then_some(ranked.is_some()),
            factors: sees(Section::Factors).then(|| factor_lines(ranked.unwrap_or_default(), &row)),
            values: if sees(Section::Values) {
                Some(self.store.compass_values(person_id).await?)
            } else {
                None
            },
            skills: if sees(Section::Skills) {
                Some(self.compass_skills(person_id).await?)
            } else {
                None
            },
            aspirations: if sees(Section::Aspirations) {
                Some(self.aspirations(person_id, row).await?)
            } else {
                None
            },
            audiences,
            person,
        })
    }

    pub(crate) async fn compass_skills(&self, person_id: Uuid) -> CoreResult<Vec<CompassSkill>> {
        let mut out = Vec::new();
        for s in self.store.person_skills(person_id).await? {
            out.push(CompassSkill {
                label: self.skill_label(&s.skill_id).await?,
                level_name: level_name(s.level),
                id: s.skill_id,
                level: s.level,
                want_to_grow: s.want_to_grow,
                evidence: s.evidence,
            });
        }
        Ok(out)
    }

    async fn aspirations(&self, person_id: Uuid, row: CompassRow) -> CoreResult<Aspirations> {
        let mut target_roles = Vec::new();
        for code in self.store.target_roles(person_id).await? {
            let title = self
                .role_title(&code)
                .await?
                .unwrap_or_else(|| code.clone());
            target_roles.push(RoleRef { code, title });
        }
        Ok(Aspirations {
            interests: row.interests,
            aspirations: row.aspirations,
            target_roles,
        })
    }

    /// Rank the four factors and say how well the job meets each.
    pub async fn save_factors(&self, actor: &Actor, input: &FactorsInput) -> CoreResult<()> {
        let mut errors = FieldErrors::new();
        let row = self.store.compass(actor.id()).await?;
        let before = row.as_ref().and_then(|r| Ranking::from_stored(&r.ranking));
        let row = row.unwrap_or_default();
        let old_met = [
            &row.met_status,
            &row.met_autonomy,
            &row.met_meaning,
            &row.met_learning,
        ];
        let mut ranking = if input.ranking.is_empty() && input.step.is_some() {
            before.unwrap_or_default()
        } else {
            Ranking::parse(&input.ranking).unwrap_or_else(|e| {
                errors.add("ranking", e);
                Ranking::default()
            })
        };
        if let Some(step) = &input.step {
            match parse_move(step) {
                Ok((f, up)) => ranking = ranking.moved(f, up),
                Err(e) => errors.add("move", e),
            }
        }
        let mut met: [String; 4] = old_met.map(|m| m.to_string());
        if let Some(new) = &input.met {
            for (i, f) in Factor::ALL.iter().enumerate() {
                match Met::parse(&new[i]) {
                    Ok(m) => met[i] = m.map(|m| m.code().to_string()).unwrap_or_default(),
                    Err(e) => errors.add(&format!("met_{}", f.code()), e),
                }
            }
        }
        errors.into_result()?;
        let mut changes = Vec::new();
        if before != Some(ranking) {
            changes.push(change(ChangeKind::Ranked, "", &ranking.to_stored()));
        }
        for (i, f) in Factor::ALL.iter().enumerate() {
            if *old_met[i] != met[i] {
                changes.push(change(ChangeKind::Met, f.code(), &met[i]));
            }
        }
        if changes.is_empty() {
            return Ok(());
        }
        let m = [
            met[0].as_str(),
            met[1].as_str(),
            met[2].as_str(),
            met[3].as_str(),
        ];
        self.store
            .save_factors(actor.id(), &ranking.to_stored(), m, &changes, self.now())
            .await?;
        self.person_changed(actor.id()).await
    }

    /// Choose who sees one of one's compass sections.
    pub async fn set_compass_audience(
        &self,
        actor: &Actor,
        section: &str,
        audience: &str,
    ) -> CoreResult<()> {
        let mut errors = FieldErrors::new();
        let s = Section::from_code(section);
        if s.is_none() {
            errors.add(
                "section",
                "is not a compass section (factors, values, skills or aspirations)",
            );
        }
        let a = Audience::from_code(audience.trim());
        if a.is_none() {
            errors.add(
                "audience",
                "must be one of private, manager, talent_team or everyone",
            );
        }
        errors.into_result()?;
        let (Some(s), Some(a)) = (s, a) else {
            return Err(CoreError::field("section", "is required"));
        };
        self.set_audience(actor, s, a).await?;
        self.store
            .audit(
                Some(actor.id()),
                "compass_share",
                s.code(),
                a.code(),
                "",
                self.now(),
            )
            .await?;
        Ok(())
    }

    /// People who share part of their compass with the viewer, reports first.
    pub async fn shared_with_me(&self, actor: &Actor) -> CoreResult<Vec<SharedCompass>> {
        let rows = self
            .store
            .shared_sections(actor.id(), actor.is_talent_admin(), &Section::ALL, 2000)
            .await?;
        let mut out: Vec<SharedCompass> = Vec::new();
        for r in rows {
            let section = r.section;
            match out.last_mut() {
                Some(last) if last.person.id == r.person.id => last.sections.push(section),
                _ => out.push(SharedCompass {
                    person: r.person,
                    sections: vec![section],
                    is_report: r.is_report,
                }),
            }
        }
        out.truncate(300);
        Ok(out)
    }
}

fn factor_lines(ranking: Ranking, row: &CompassRow) -> Vec<FactorLine> {
    let met_of = |f: Factor| {
        let code = match f {
            Factor::Status => &row.met_status,
            Factor::Autonomy => &row.met_autonomy,
            Factor::Meaning => &row.met_meaning,
            Factor::Learning => &row.met_learning,
        };
        Met::parse(code).ok().flatten()
    };
    ranking
        .0
        .iter()
        .enumerate()
        .map(|(i, f)| FactorLine {
            factor: *f,
            rank: i + 1,
            met: met_of(*f),
        })
        .collect()
}
