//! The compressed data files a catalogue is parsed from.

/// The compressed data files a catalogue is parsed from (see `tools/build_data.py`).
#[derive(Debug, Clone, Copy)]
pub struct DataFiles<'a> {
    /// `roles.tsv.gz`: code, title, job zone, education, experience, training, ESCO match,
    /// estimated fields, estimated from, description.
    pub roles: &'a [u8],
    /// `tasks.tsv.gz`: code, task id, type, DWA indexes, task.
    pub tasks: &'a [u8],
    /// `dwas.tsv.gz`: DWA id, title.
    pub dwas: &'a [u8],
    /// `elements.tsv.gz`: kind, element id, name.
    pub elements: &'a [u8],
    /// `ratings.tsv.gz`: code, kind, element id, value, level.
    pub ratings: &'a [u8],
    /// `titles.tsv.gz`: code, kind, title.
    pub titles: &'a [u8],
    /// `technology.tsv.gz`: code, name, hot, in demand, category.
    pub technology: &'a [u8],
    /// `esco_skills.tsv.gz`: id, label, kind, reuse, transversal, collections, description, alt text.
    pub esco_skills: &'a [u8],
    /// `role_skills.tsv.gz`: code, skill index, relation, weight.
    pub role_skills: &'a [u8],
    /// `role_esco.tsv.gz`: code, ESCO occupation id, label.
    pub role_esco: &'a [u8],
}

impl DataFiles<'static> {
    /// The files embedded in this crate.
    pub const BUNDLED: DataFiles<'static> = DataFiles {
        roles: include_bytes!("../data/roles.tsv.gz"),
        tasks: include_bytes!("../data/tasks.tsv.gz"),
        dwas: include_bytes!("../data/dwas.tsv.gz"),
        elements: include_bytes!("../data/elements.tsv.gz"),
        ratings: include_bytes!("../data/ratings.tsv.gz"),
        titles: include_bytes!("../data/titles.tsv.gz"),
        technology: include_bytes!("../data/technology.tsv.gz"),
        esco_skills: include_bytes!("../data/esco_skills.tsv.gz"),
        role_skills: include_bytes!("../data/role_skills.tsv.gz"),
        role_esco: include_bytes!("../data/role_esco.tsv.gz"),
    };

    /// Total compressed size of the embedded files, in bytes.
    pub fn bundled_size() -> usize {
        let f = Self::BUNDLED;
        [
            f.roles,
            f.tasks,
            f.dwas,
            f.elements,
            f.ratings,
            f.titles,
            f.technology,
            f.esco_skills,
            f.role_skills,
            f.role_esco,
        ]
        .iter()
        .map(|b| b.len())
        .sum()
    }
}
