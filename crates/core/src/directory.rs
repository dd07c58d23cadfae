//! The people directory, a person's page, teams and the org chart.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::compass::Section;
use ladderless_domain::org::{Audience, Relation, may_see};
use ladderless_store::Uuid;
use ladderless_store::people::{Person, PersonCard, RoleHistoryEntry};
use ladderless_store::search::SearchPage;
use ladderless_store::teams::Team;
use serde::Serialize;

/// The profile section the directory shows and searches.
pub const SKILLS_SECTION: Section = Section::Skills;

/// A skill as shown on a page.
#[derive(Debug, Clone, Serialize)]
pub struct SkillLine {
    /// Skill id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Level 1–5.
    pub level: i32,
    /// Wants to grow it.
    pub want_to_grow: bool,
}

/// Everything a person's page shows, already filtered for the viewer.
#[derive(Debug, Clone)]
pub struct PersonView {
    /// The person.
    pub person: Person,
    /// Their team's path.
    pub team: Option<Team>,
    /// Title of their catalogue role.
    pub role_title: Option<String>,
    /// Their manager.
    pub manager: Option<PersonCard>,
    /// Managers above, nearest first.
    pub chain: Vec<PersonCard>,
    /// Direct reports.
    pub reports: Vec<PersonCard>,
    /// Skills, when the viewer may see them (None: not shared with the viewer).
    pub skills: Option<Vec<SkillLine>>,
    /// Who the owner shares skills with (shown to the owner only).
    pub skills_audience: Option<Audience>,
    /// Role history, for the person, their manager and talent admins.
    pub history: Option<Vec<RoleHistoryEntry>>,
    /// The viewer is this person.
    pub is_self: bool,
    /// The viewer is this person's manager.
    pub is_manager: bool,
}

/// A team with its sub-teams, for the org chart.
#[derive(Debug, Clone)]
pub struct TeamNode {
    /// The team.
    pub team: Team,
    /// Everyone in it and its sub-teams.
    pub total: i64,
    /// Sub-teams.
    pub children: Vec<TeamNode>,
}

impl App {
    /// How the viewer relates to a person.
    pub async fn relation(&self, actor: &Actor, person_id: Uuid) -> CoreResult<Relation> {
        Ok(Relation {
            is_self: actor.id() == person_id,
            is_manager: actor.is_manager && self.store.is_manager_of(actor.id(), person_id).await?,
            is_talent_admin: actor.is_talent_admin(),
        })
    }

    /// Who a person shares a section with.
    pub async fn audience_of(&self, person_id: Uuid, section: Section) -> CoreResult<Audience> {
        // Never chosen: private, the default everywhere.
        Ok(self
            .store
            .audience(person_id, section)
            .await?
            .unwrap_or_default())
    }

    /// Search or list the directory (active people; every signed-in person may).
    pub async fn directory(
        &self,
        actor: &Actor,
        q: &str,
        page: i64,
        per_page: i64,
    ) -> CoreResult<Vec<PersonCard>> {
        Ok(self.directory_page(actor, q, page, per_page).await?.people)
    }

    /// [`App::directory`], saying also whether so many people match that the list is in
    /// directory order rather than by relevance (the page then suggests another word).
    pub async fn directory_page(
        &self,
        _actor: &Actor,
        q: &str,
        page: i64,
        per_page: i64,
    ) -> CoreResult<SearchPage> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, 200);
        Ok(self
            .store
            .search_people_page(q, per_page, (page - 1) * per_page)
            .await?)
    }

    /// A person's page as `actor` may see it.
    pub async fn person_view(&self, actor: &Actor, id: Uuid) -> CoreResult<PersonView> {
        let person = self.store.person(id).await?;
        let rel = self.relation(actor, id).await?;
        if !(person.active || rel.is_self || actor.is_talent_admin()) {
            return Err(CoreError::NotFound);
        }
        let team = match person.team_id {
            Some(t) => Some(self.store.team(t).await?),
            None => None,
        };
        let role_title = match &person.role_code {
            Some(c) => self.role_title(c).await?,
            None => None,
        };
        let chain = self.store.management_chain(id).await?;
        let manager = chain.first().cloned();
        let reports = self.store.reports(id).await?;
        let audience = self.audience_of(id, SKILLS_SECTION).await?;
        let skills = if may_see(audience, rel) {
            Some(self.skill_lines(id).await?)
        } else {
            None
        };
        let history = if rel.is_self || rel.is_manager || rel.is_talent_admin {
            Some(self.store.role_history(id).await?)
        } else {
            None
        };
        Ok(PersonView {
            person,
            team,
            role_title,
            manager,
            chain,
            reports,
            skills,
            skills_audience: rel.is_self.then_some(audience),
            history,
            is_self: rel.is_self,
            is_manager: rel.is_manager,
        })
    }

    /// A person's skills with labels.
    pub async fn skill_lines(&self, person_id: Uuid) -> CoreResult<Vec<SkillLine>> {
        let mut out = Vec::new();
        for s in self.store.person_skills(person_id).await? {
            out.push(SkillLine {
                label: self.skill_label(&s.skill_id).await?,
                id: s.skill_id,
                level: s.level,
                want_to_grow: s.want_to_grow,
            });
        }
        Ok(out)
    }

    /// The team tree with member totals.
    pub async fn org_chart(&self) -> CoreResult<Vec<TeamNode>> {
        let teams = self.store.teams().await?;
        Ok(build_tree(teams))
    }

    /// A team with its members (first 500).
    pub async fn team_view(&self, id: Uuid) -> CoreResult<(Team, Vec<PersonCard>, Vec<Team>)> {
        let team = self.store.team(id).await?;
        let members = self.store.team_members(id, 500).await?;
        let children = self
            .store
            .teams()
            .await?
            .into_iter()
            .filter(|t| t.parent_id == Some(id))
            .collect();
        Ok((team, members, children))
    }
}

/// Arrange teams (ordered by path) into a tree, summing members upwards.
pub fn build_tree(teams: Vec<Team>) -> Vec<TeamNode> {
    use std::collections::HashMap;
    let mut children: HashMap<Option<Uuid>, Vec<Team>> = HashMap::new();
    for t in teams {
        children.entry(t.parent_id).or_default().push(t);
    }
    fn build(
        parent: Option<Uuid>,
        children: &mut HashMap<Option<Uuid>, Vec<Team>>,
        depth: usize,
    ) -> Vec<TeamNode> {
        let Some(list) = children.remove(&parent) else {
            return Vec::new();
        };
        list.into_iter()
            .map(|team| {
                let kids = if depth < 32 {
                    build(Some(team.id), children, depth + 1)
                } else {
                    Vec::new()
                };
                let total = team.members + kids.iter().map(|k| k.total).sum::<i64>();
                TeamNode {
                    team,
                    total,
                    children: kids,
                }
            })
            .collect()
    }
    build(None, &mut children, 0)
}

impl App {
    /// Choose who sees one of one's own sections.
    pub async fn set_audience(
        &self,
        actor: &Actor,
        section: Section,
        audience: Audience,
    ) -> CoreResult<()> {
        let now = self.now();
        self.store
            .set_audience(actor.id(), section, audience, now)
            .await?;
        self.person_changed(actor.id()).await?;
        if section == SKILLS_SECTION {
            self.refresh_search_doc(actor.id()).await?;
        }
        Ok(())
    }

    /// Recompute a person's directory-search document from what they share with everyone.
    pub async fn refresh_search_doc(&self, person_id: Uuid) -> CoreResult<()> {
        let p = self.store.person(person_id).await?;
        let team = match p.team_id {
            Some(t) => Some(self.store.team(t).await?.path),
            None => None,
        };
        let role_title = match &p.role_code {
            Some(c) => self.role_title(c).await?,
            None => None,
        };
        let skills = self.public_skill_labels(person_id).await?;
        let labels: Vec<&str> = skills.iter().map(String::as_str).collect();
        let doc = crate::search_doc::compose(
            &p.name,
            &p.job_title,
            team.as_deref(),
            role_title.as_deref(),
            &p.location,
            &labels,
        );
        self.store.set_search_doc(person_id, &doc).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(name: &str, parent: Option<Uuid>, members: i64) -> Team {
        Team {
            id: Uuid::now_v7(),
            name: name.into(),
            path: name.into(),
            parent_id: parent,
            members,
        }
    }

    #[test]
    fn tree_sums_members_upwards() {
        let root = team("Eng", None, 1);
        let a = team("Eng / A", Some(root.id), 4);
        let b = team("Eng / B", Some(root.id), 5);
        let other = team("Sales", None, 2);
        let tree = build_tree(vec![root.clone(), a, b, other]);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].total, 10);
        assert_eq!(tree[0].children.len(), 2);
        assert_eq!(tree[1].total, 2);
    }
}
