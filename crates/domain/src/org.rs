//! Organisation rules: access roles, sharing audiences, reporting lines.

use crate::codes::code_enum;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::Hash;

/// What a signed-in person may do, beyond managing their own data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessRole {
    /// Every person.
    Employee,
    /// Anyone with at least one active report.
    Manager,
    /// Runs the programme for the organisation: imports, roles, insights.
    TalentAdmin,
    /// Runs the one-day programme and coaches.
    Facilitator,
}

impl AccessRole {
    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            AccessRole::Employee => "Employee",
            AccessRole::Manager => "Manager",
            AccessRole::TalentAdmin => "Talent admin",
            AccessRole::Facilitator => "Facilitator",
        }
    }
}

code_enum! {
    /// Who may see a section of a person's data. Private is the default everywhere.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum Audience: "sharing audience" {
        /// Only the owner.
        #[default]
        Private = "private" => "Only me",
        /// The owner and their current manager.
        Manager = "manager" => "Me and my manager",
        /// The owner, their manager and the talent team.
        TalentTeam = "talent_team" => "My manager and the talent team",
        /// Everyone in the organisation.
        Everyone = "everyone" => "Everyone",
    }
}

/// How the viewer relates to the owner of some data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    /// The viewer is the owner.
    pub is_self: bool,
    /// The viewer is the owner's current manager.
    pub is_manager: bool,
    /// The viewer is a talent admin.
    pub is_talent_admin: bool,
}

/// Whether a viewer with `relation` may see a section shared with `audience`.
pub fn may_see(audience: Audience, relation: Relation) -> bool {
    if relation.is_self {
        return true;
    }
    match audience {
        Audience::Private => false,
        Audience::Manager => relation.is_manager,
        Audience::TalentTeam => relation.is_manager || relation.is_talent_admin,
        Audience::Everyone => true,
    }
}

/// Find every node that sits on a cycle of "reports to" links.
///
/// `manager_of` maps a node to its manager; links to unknown nodes end the walk. Runs in
/// linear time by colouring nodes as they are walked.
pub fn nodes_on_cycles<K: Eq + Hash + Clone>(manager_of: &HashMap<K, K>) -> Vec<Vec<K>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Walking(usize),
        Done,
    }
    let mut mark: HashMap<&K, Mark> = HashMap::with_capacity(manager_of.len());
    let mut cycles = Vec::new();
    for (walk, start) in manager_of.keys().enumerate() {
        if mark.contains_key(start) {
            continue;
        }
        let mut path: Vec<&K> = Vec::new();
        let mut cur = Some(start);
        while let Some(node) = cur {
            match mark.get(node) {
                Some(Mark::Done) => break,
                Some(Mark::Walking(w)) if *w == walk => {
                    let pos = path.iter().position(|n| *n == node).unwrap_or(0);
                    cycles.push(path[pos..].iter().map(|k| (*k).clone()).collect());
                    break;
                }
                Some(Mark::Walking(_)) => break,
                None => {}
            }
            mark.insert(node, Mark::Walking(walk));
            path.push(node);
            cur = manager_of.get(node);
        }
        for n in path {
            mark.insert(n, Mark::Done);
        }
    }
    cycles
}

/// Depth of each node below its top manager (0 for the top), for ordering inserts so that a
/// manager always exists before their reports. Nodes on cycles get `usize::MAX`.
pub fn depths<K: Eq + Hash + Clone>(manager_of: &HashMap<K, K>, nodes: &[K]) -> HashMap<K, usize> {
    let mut depth: HashMap<K, usize> = HashMap::with_capacity(nodes.len());
    for n in nodes {
        if depth.contains_key(n) {
            continue;
        }
        let mut path = vec![n.clone()];
        let mut base = 0usize;
        let mut cur = n.clone();
        loop {
            match manager_of.get(&cur) {
                None => break,
                Some(m) => {
                    if let Some(d) = depth.get(m) {
                        base = d.saturating_add(1);
                        break;
                    }
                    if path.contains(m) || path.len() > manager_of.len() {
                        base = usize::MAX;
                        break;
                    }
                    path.push(m.clone());
                    cur = m.clone();
                }
            }
        }
        for (i, k) in path.iter().rev().enumerate() {
            let d = if base == usize::MAX {
                usize::MAX
            } else {
                base + i
            };
            depth.insert(k.clone(), d);
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(pairs: &[(&'static str, &'static str)]) -> HashMap<&'static str, &'static str> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn finds_a_simple_cycle() {
        let m = links(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]);
        let cycles = nodes_on_cycles(&m);
        assert_eq!(cycles.len(), 1);
        let mut c = cycles[0].clone();
        c.sort();
        assert_eq!(c, vec!["a", "b", "c"]);
    }

    #[test]
    fn self_management_is_a_cycle() {
        let m = links(&[("a", "a")]);
        assert_eq!(nodes_on_cycles(&m), vec![vec!["a"]]);
    }

    #[test]
    fn a_tree_has_no_cycle() {
        let m = links(&[("b", "a"), ("c", "a"), ("d", "b"), ("e", "x")]);
        assert!(nodes_on_cycles(&m).is_empty());
    }

    #[test]
    fn two_separate_cycles() {
        let m = links(&[("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("e", "c")]);
        assert_eq!(nodes_on_cycles(&m).len(), 2);
    }

    #[test]
    fn depths_put_managers_first() {
        let m = links(&[("b", "a"), ("c", "b"), ("d", "c")]);
        let d = depths(&m, &["d", "c", "b", "a"]);
        assert_eq!((d["a"], d["b"], d["c"], d["d"]), (0, 1, 2, 3));
    }

    #[test]
    fn visibility_rules() {
        let stranger = Relation {
            is_self: false,
            is_manager: false,
            is_talent_admin: false,
        };
        let manager = Relation {
            is_manager: true,
            ..stranger
        };
        let admin = Relation {
            is_talent_admin: true,
            ..stranger
        };
        let me = Relation {
            is_self: true,
            ..stranger
        };
        assert!(may_see(Audience::Private, me));
        assert!(!may_see(Audience::Private, manager));
        assert!(!may_see(Audience::Private, admin));
        assert!(may_see(Audience::Manager, manager));
        assert!(!may_see(Audience::Manager, admin));
        assert!(!may_see(Audience::Manager, stranger));
        assert!(may_see(Audience::TalentTeam, admin));
        assert!(may_see(Audience::TalentTeam, manager));
        assert!(!may_see(Audience::TalentTeam, stranger));
        assert!(may_see(Audience::Everyone, stranger));
    }
}
