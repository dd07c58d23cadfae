//! Spelling: contractions, British and American variants, and typo repair.

use super::lexicon;
/// Maps British (and other variant) spellings to one canonical American form.
pub(crate) fn canonical_spelling(w: &str) -> Option<&'static str> {
    Some(match w {
        "organisation" => "organization",
        "organisations" => "organizations",
        "organisational" => "organizational",
        "organise" => "organize",
        "organised" => "organized",
        "organising" => "organizing",
        "prioritise" => "prioritize",
        "prioritised" => "prioritized",
        "prioritising" => "prioritizing",
        "prioritisation" => "prioritization",
        "recognise" => "recognize",
        "recognised" => "recognized",
        "recognising" => "recognizing",
        "realise" => "realize",
        "realised" => "realized",
        "analyse" => "analyze",
        "analysed" => "analyzed",
        "analysing" => "analyzing",
        "finalise" => "finalize",
        "finalised" => "finalized",
        "modernise" | "modernising" => "modernize",
        "standardise" | "standardising" => "standardize",
        "optimise" | "optimising" => "optimize",
        "summarise" => "summarize",
        "specialise" => "specialize",
        "utilise" => "utilize",
        "customise" => "customize",
        "minimise" => "minimize",
        "maximise" => "maximize",
        "reorganisation" => "reorganization",
        "behaviour" => "behavior",
        "behaviours" => "behaviors",
        "favour" => "favor",
        "favourable" => "favorable",
        "favourite" => "favorite",
        "colour" => "color",
        "labour" => "labor",
        "honour" => "honor",
        "neighbour" => "neighbor",
        "centre" => "center",
        "centres" => "centers",
        "programme" => "program",
        "programmes" => "programs",
        "defence" => "defense",
        "licence" => "license",
        "licensing" => "licensing",
        "travelling" => "traveling",
        "travelled" => "traveled",
        "cancelled" => "canceled",
        "modelling" => "modeling",
        "labelled" => "labeled",
        "learnt" => "learned",
        "whilst" => "while",
        "amongst" => "among",
        "towards" => "toward",
        "catalogue" => "catalog",
        "judgement" => "judgment",
        "cheque" => "check",
        "enrol" => "enroll",
        "fulfil" => "fulfill",
        _ => return None,
    })
}

/// Expands contractions and chat spellings into canonical word sequences.
pub(crate) fn expand_contraction(w: &str) -> Option<&'static [&'static str]> {
    Some(match w {
        "what's" | "whats" => &["what", "is"],
        "how's" | "hows" => &["how", "is"],
        "where's" | "wheres" => &["where", "is"],
        "who's" => &["who", "is"],
        "when's" => &["when", "is"],
        "why's" => &["why", "is"],
        "that's" | "thats" => &["that", "is"],
        "there's" | "theres" => &["there", "is"],
        "it's" => &["it", "is"],
        "i'm" | "im" => &["i", "am"],
        "i've" | "ive" => &["i", "have"],
        "i'd" => &["i", "would"],
        "i'll" => &["i", "will"],
        "you've" => &["you", "have"],
        "you'd" => &["you", "would"],
        "you'll" => &["you", "will"],
        "you're" | "youre" => &["you", "are"],
        "we're" => &["we", "are"],
        "we've" => &["we", "have"],
        "we'd" => &["we", "would"],
        "we'll" => &["we", "will"],
        "they're" => &["they", "are"],
        "they've" => &["they", "have"],
        "let's" | "lets" => &["let", "us"],
        "r" => &["are"],
        "u" | "ya" | "yu" => &["you"],
        "ur" => &["your"],
        "dont" => &["don't"],
        "doesnt" => &["doesn't"],
        "didnt" => &["didn't"],
        "isnt" => &["isn't"],
        "arent" => &["aren't"],
        "wasnt" => &["wasn't"],
        "werent" => &["weren't"],
        "wont" => &["won't"],
        "cant" | "cannot" => &["can't"],
        "couldnt" => &["couldn't"],
        "wouldnt" => &["wouldn't"],
        "shouldnt" => &["shouldn't"],
        "havent" => &["haven't"],
        "hasnt" => &["hasn't"],
        _ => return None,
    })
}

/// Puts the apostrophe back into a contraction typed without one ("whats" -> "what's").
pub(crate) fn apostrophise(w: &str) -> String {
    if w.contains('\'') {
        return w.to_owned();
    }
    for (suffix, with) in [("s", "'s"), ("re", "'re"), ("ve", "'ve"), ("m", "'m")] {
        if let Some(stem) = w.strip_suffix(suffix)
            && matches!(
                stem,
                "what" | "how" | "where" | "that" | "there" | "let" | "i" | "you" | "we" | "they"
            )
        {
            return format!("{stem}{with}");
        }
    }
    w.to_owned()
}

/// Repairs a typo: first the fixed map, then one edit away from a known word.
pub(crate) fn fix_typo(w: &str) -> String {
    let mapped = match w {
        "wat" | "wht" | "waht" | "whta" | "hwat" | "wot" => "what",
        "hw" | "hiw" | "hoe" | "hwo" | "hpw" => "how",
        "wy" | "whyy" => "why",
        "teh" | "hte" => "the",
        "thru" => "through",
        "yr" => "year",
        "coud" | "cud" => "could",
        "woud" | "wud" => "would",
        "shoud" | "shud" => "should",
        "pls" | "plz" => "please",
        "abt" => "about",
        "wanna" => "want",
        "gonna" => "going",
        "thx" => "thanks",
        "cust" | "custs" => "customers",
        "mgr" => "manager",
        "promtion" | "promoton" | "promotoin" => "promotion",
        "sytem" | "sysem" | "systme" => "system",
        "forcast" | "forecats" => "forecast",
        "buisness" | "busness" | "bussiness" => "business",
        "managment" | "manegement" => "management",
        "oppertunity" | "oportunity" => "opportunity",
        "acheive" | "achive" => "achieve",
        "sucess" | "succes" => "success",
        "recieve" => "receive",
        "wich" => "which",
        "becuase" | "becasue" => "because",
        "untill" => "until",
        "goverment" => "government",
        "enviroment" => "environment",
        "comunication" => "communication",
        "custmer" | "custommer" | "costumer" => "customer",
        "custmers" | "costumers" => "customers",
        "chalenge" => "challenge",
        "chalenges" => "challenges",
        "priorites" | "priortities" => "priorities",
        "q1" | "q2" | "q3" | "q4" => return w.to_uppercase(),
        _ => "",
    };
    if !mapped.is_empty() {
        return mapped.to_owned();
    }
    if w.len() < 4 || !w.chars().all(|c| c.is_ascii_lowercase()) || lexicon::is_known(w) {
        return w.to_owned();
    }
    // an inflection of a known word ("changed", "delivering") is a real word, not a typo
    let inflected = ["s", "es", "ed", "d", "ing", "er", "ers", "ly"]
        .iter()
        .any(|suf| {
            w.strip_suffix(suf)
                .is_some_and(|stem| stem.len() >= 3 && lexicon::is_known(stem))
        });
    if inflected {
        return w.to_owned();
    }
    match lexicon::nearest_known(w) {
        // one letter added or dropped at the very end is usually a different word ("deliver"/"delivery")
        Some(t) if t.len() != w.len() && (t.starts_with(w) || w.starts_with(t)) => w.to_owned(),
        Some(t) => t.to_owned(),
        None => w.to_owned(),
    }
}

/// Whether `a` is one typing slip away from `b` (see the comment inside for which slips); ASCII.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la && i < lb && a[i] == b[i] {
        i += 1;
    }
    if i == la && i == lb {
        return false; // identical is not "one edit"
    }
    // Real words are often one edit apart ("contact"/"contract"), so only edits typical of typing
    // are repaired: swapped neighbours, a doubled letter typed once or twice, and substitutions in
    // long words.
    if la == lb {
        if la >= 9 && a[i + 1..] == b[i + 1..] {
            return true;
        }
        i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
    } else if la > lb {
        a[i + 1..] == b[i..] && i > 0 && a[i] == a[i - 1]
    } else {
        a[i..] == b[i + 1..] && (i > 0 && b[i] == b[i - 1] || b.get(i + 1) == Some(&b[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("waht", "what", true)]
    #[case("cusotmers", "customers", true)]
    #[case("team", "team", false)]
    #[case("teams", "team", false)]
    #[case("bigest", "biggest", true)]
    #[case("contact", "contract", false)]
    #[case("abc", "xyz", false)]
    #[case("qualify", "quality", false)]
    #[case("departmant", "department", true)]
    fn one_edit(#[case] a: &str, #[case] b: &str, #[case] want: bool) {
        assert_eq!(within_one_edit(a, b), want);
    }
}
