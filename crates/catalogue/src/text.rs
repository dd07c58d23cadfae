//! Text normalisation shared by the searches: lower case, accents folded, punctuation as spaces.

/// Normalises text for matching: lower-cased, Latin accents folded to ASCII, every run of
/// characters that are not letters or digits turned into one space, trimmed.
///
/// `"Café  Managers/Chefs"` becomes `"cafe managers chefs"`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        let folded = fold(ch);
        let mut push = |c: char| {
            if c.is_alphanumeric() || c == '+' || c == '#' {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
            } else {
                pending_space = true;
            }
        };
        match folded {
            Folded::One(c) => push(c),
            Folded::Two(a, b) => {
                push(a);
                push(b);
            }
        }
    }
    out
}

/// Splits normalised text into words.
pub(crate) fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(' ').filter(|w| !w.is_empty())
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
    fn stems_plurals() {
        assert_eq!(stem("nurses"), "nurse");
        assert_eq!(stem(stem("secretaries")), stem("secretary"));
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("business"), "business");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stemmed("software developers"), "software developer");
    }
}
