//! Text normalisation shared by the searches: lower case, accents folded, punctuation as spaces.

/// Normalises text for matching: lower-cased, Latin accents folded to ASCII, every run of
/// characters that are not letters or digits turned into one space, trimmed.
///
/// `"Café  Managers/Chefs"` becomes `"cafe managers chefs"`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Appends the normalised form of `text` to `out` (see [`normalize`]).
pub(crate) fn normalize_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    };
    for ch in text.chars() {
        if ch.is_ascii() {
            push(ch, out);
            continue;
        }
        match fold(ch) {
            Folded::One(c) => push(c, out),
            Folded::Two(a, b) => {
                push(a, out);
                push(b, out);
            }
        }
    }
}

/// Splits normalised text into words.
pub(crate) fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(' ').filter(|w| !w.is_empty())
}

/// Whether every query word is a word of `text`, the last one possibly unfinished (a prefix
/// of a word), as while typing: `"data min"` matches `"data mining"`, `"dat min"` does not.
pub(crate) fn has_query_words(text: &str, query_words: &[&str]) -> bool {
    let Some((last, complete)) = query_words.split_last() else {
        return true;
    };
    complete.iter().all(|q| words(text).any(|w| w == *q))
        && words(text).any(|w| w.starts_with(last))
}

/// A crude English singular: `nurses` → `nurse`, `secretaries` → `secretary`; short words and
/// words ending in `ss`/`us`/`is` are left alone.
pub(crate) fn stem(word: &str) -> &str {
    if word.len() > 4 && word.ends_with("ies") {
        // Callers compare stems with each other, so dropping "ies" for both sides is enough.
        return &word[..word.len() - 3];
    }
    if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return &word[..word.len() - 1];
    }
    if word.len() > 4 && word.ends_with('y') {
        return &word[..word.len() - 1];
    }
    word
}

/// Normalised text with each word replaced by its stem.
pub(crate) fn stemmed(normalized: &str) -> String {
    let mut out = String::with_capacity(normalized.len());
    for word in words(normalized) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(stem(word));
    }
    out
}

/// [`normalize`] then [`stemmed`], reusing `scratch` for the intermediate text.
pub(crate) fn normalize_stemmed(text: &str, scratch: &mut String) -> String {
    scratch.clear();
    normalize_into(text, scratch);
    stemmed(scratch)
}

enum Folded {
    One(char),
    Two(char, char),
}

/// Folds common Latin accented letters to their ASCII base letters.
fn fold(ch: char) -> Folded {
    use Folded::{One, Two};
    if ch.is_ascii() {
        return One(ch);
    }
    match ch {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => One('a'),
        'Æ' | 'æ' => Two('a', 'e'),
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => One('c'),
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => One('d'),
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            One('e')
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => One('g'),
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => One('h'),
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            One('i')
        }
        'Ĵ' | 'ĵ' => One('j'),
        'Ķ' | 'ķ' => One('k'),
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => One('l'),
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => One('n'),
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => {
            One('o')
        }
        'Œ' | 'œ' => Two('o', 'e'),
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => One('r'),
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => One('s'),
        'ß' => Two('s', 's'),
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => One('t'),
        'Þ' | 'þ' => Two('t', 'h'),
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => One('u'),
        'Ŵ' | 'ŵ' => One('w'),
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => One('y'),
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => One('z'),
        '\u{2019}' | '\u{2018}' => One('\''),
        other => One(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(normalize("Café  Managers/Chefs"), "cafe managers chefs");
        assert_eq!(normalize("  Œuvre-Straße! "), "oeuvre strasse");
        assert_eq!(normalize("C++ and C#"), "c++ and c#");
        assert_eq!(normalize("Registered Nurse (RN)"), "registered nurse rn");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn query_words_are_whole_except_the_last() {
        assert!(has_query_words("data mining", &["data", "min"]));
        assert!(has_query_words("data mining", &["mining", "dat"]));
        assert!(!has_query_words("data mining", &["dat", "mining"]));
        assert!(!has_query_words(
            "production manager",
            &["product", "manager"]
        ));
        assert!(has_query_words("anything", &[]));
    }

    #[test]
    fn stems_plurals() {
        assert_eq!(stem("nurses"), "nurse");
        assert_eq!(stem(stem("secretaries")), stem("secretary"));
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("business"), "business");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stemmed("software developers"), "software developer");
    }
}
