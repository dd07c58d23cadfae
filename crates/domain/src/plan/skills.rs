//! Matching skills written in different places: a direction's skill list and an opportunity's
//! "skills I would grow" are free text; gaps and compass skills come from the taxonomy.

/// Lower-case words of a skill name, punctuation dropped ("Data-Analysis " → "data analysis").
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether two skill names mean the same skill: equal once normalised, or the shorter (at
/// least five letters) appears as whole words in the longer ("management" in "project
/// management"). Both names must already be normalised.
pub fn same_skill(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 5 {
        return false;
    }
    // Whole words only, without allocating: paths match every gap against every direction and
    // opportunity on each page view.
    let bytes = long.as_bytes();
    long.match_indices(short).any(|(at, _)| {
        let end = at + short.len();
        (at == 0 || bytes[at - 1] == b' ') && (end == bytes.len() || bytes[end] == b' ')
    })
}

/// Split a free-text skill list (one per line or comma-separated) into normalised names.
pub fn normalised_list(raw: &str) -> Vec<String> {
    raw.split([',', '\n', ';'])
        .map(normalise)
        .filter(|s| !s.is_empty())
        .collect()
}
