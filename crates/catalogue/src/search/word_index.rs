//! A sorted index of the words of many normalised texts, for prefix look-ups without scanning.

/// One word of one text: the text's number, and the word's byte range in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordRef {
    /// The word's first eight bytes, big-endian and zero-padded: sorting by this key first
    /// orders most words without touching their text.
    key: u64,
    text: u32,
    start: u16,
    len: u16,
}

/// Every word of a list of normalised texts, sorted, pointing back into the texts.
#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    words: Vec<WordRef>,
}

impl WordIndex {
    /// Indexes the space-separated words of `texts` (words past byte 65,535 are ignored).
    pub(crate) fn build(texts: &[Box<str>]) -> Self {
        let mut words: Vec<WordRef> = Vec::with_capacity(texts.len() * 4);
        for (i, text) in texts.iter().enumerate() {
            let mut start = 0;
            for word in text.split(' ') {
                if !word.is_empty() {
                    let (Ok(s), Ok(len)) = (u16::try_from(start), u16::try_from(word.len())) else {
                        break;
                    };
                    words.push(WordRef {
                        key: sort_key(word),
                        text: i as u32,
                        start: s,
                        len,
                    });
                }
                start += word.len() + 1;
            }
        }
        words.sort_unstable_by(|a, b| {
            a.key
                .cmp(&b.key)
                .then_with(|| {
                    if a.len <= 8 && b.len <= 8 {
                        a.len.cmp(&b.len)
                    } else {
                        word(texts, *a).cmp(word(texts, *b))
                    }
                })
                .then(a.text.cmp(&b.text))
        });
        Self { words }
    }

    /// Numbers of the texts having a word that starts with `prefix`, in word order (a text
    /// may appear more than once).
    pub(crate) fn with_prefix<'a>(
        &'a self,
        texts: &'a [Box<str>],
        prefix: &'a str,
    ) -> impl Iterator<Item = u32> + 'a {
        let start = self.words.partition_point(|&w| word(texts, w) < prefix);
        self.words[start..]
            .iter()
            .take_while(move |&&w| word(texts, w).starts_with(prefix))
            .map(|w| w.text)
    }
}

fn sort_key(word: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = word.len().min(8);
    bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

fn word(texts: &[Box<str>], w: WordRef) -> &str {
    let start = usize::from(w.start);
    &texts[w.text as usize][start..start + usize::from(w.len)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_texts_by_word_prefix() {
        let texts: Vec<Box<str>> = vec!["data mining".into(), "mine safety".into(), "dance".into()];
        let index = WordIndex::build(&texts);
        let mut hits: Vec<u32> = index.with_prefix(&texts, "min").collect();
        hits.sort_unstable();
        assert_eq!(hits, vec![0, 1]);
        assert_eq!(
            index.with_prefix(&texts, "da").collect::<Vec<_>>(),
            vec![2, 0]
        );
        assert_eq!(index.with_prefix(&texts, "zebra").count(), 0);
    }
}
