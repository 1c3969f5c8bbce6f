//! Sentences: where an article's sentences begin and end, for the date reader and the claim
//! rules alike.

use std::ops::Range;

/// The sentences of a text as byte ranges: one paragraph per line, split after `.`, `!`, `?`
/// (not after an abbreviation or an initial) and after `。！？`.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "gov", "sen",
        "rep", "prof", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no",
        "nos", "vs", "etc", "inc", "ltd", "jr", "sr", "mme", "mlle", "art", "av", "sra", "sr",
        "dra",
    ];
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let mut start = offset;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (i, &(at, c)) in chars.iter().enumerate() {
            let end = offset + at + c.len_utf8();
            let cut = match c {
                '。' | '！' | '？' => true,
                '.' | '!' | '?' => {
                    let next = chars.get(i + 1).map(|x| x.1);
                    let after = chars.get(i + 2).map(|x| x.1);
                    let word: String = line[..at]
                        .chars()
                        .rev()
                        .take_while(|c| c.is_alphanumeric())
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let abbreviation = ABBREVIATIONS.contains(&word.to_lowercase().as_str())
                        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
                    c != '.'
                        || (!abbreviation
                            && matches!(next, Some(n) if n.is_whitespace())
                            && after.is_some_and(|a| !a.is_lowercase() && !",;:.)".contains(a)))
                }
                _ => false,
            };
            if cut {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
        }
        offset += line.len();
        push_trimmed(text, start, offset, &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(start + lead..end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_stops_not_after_abbreviations() {
        let text =
            "The U.S. and Kenya signed it on Sept. 25. It is done. 肯尼亚警方出发。这标志着开始。";
        let parts: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            parts,
            [
                "The U.S. and Kenya signed it on Sept. 25.",
                "It is done.",
                "肯尼亚警方出发。",
                "这标志着开始。"
            ]
        );
    }
}
