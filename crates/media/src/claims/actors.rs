//! Who a claim is about: countries by their names, demonyms and leaders (in English, French,
//! Spanish, Creole and Chinese), and the mission's bodies (`MSS`, `GSF`, `UNSC`, `TRUST_FUND`,
//! `UNSOH`). The names are data (`data/actors.txt` plus the domain's ISO 3166-1 list).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// An actor named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
}

struct Lexicon {
    latin: Regex,
    han: Regex,
    codes: HashMap<String, &'static str>,
}

/// Countries whose police or soldiers serve in the mission (its contributors): when a sentence
/// names one of them beside a donor or the host state, the claim is usually theirs.
pub const CONTRIBUTORS: &[&str] = &[
    "KEN", "JAM", "BHS", "BLZ", "BRB", "ATG", "TCD", "BEN", "BGD", "GTM", "SLV", "MEX", "SUR",
    "GUY", "TTO", "SEN", "BDI", "RWA",
];

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut codes: HashMap<String, &'static str> = HashMap::new();
    // Each code is made 'static once, and only when a name uses it: the table lives as long as
    // the process, and nothing is left unreferenced.
    let mut interned: HashMap<String, &'static str> = HashMap::new();
    let mut intern = |code: &str| -> &'static str {
        interned
            .entry(code.to_string())
            .or_insert_with(|| Box::leak(code.to_string().into_boxed_str()))
    };
    for line in include_str!("../../data/actors.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((code, names)) = line.split_once(':') else {
            continue;
        };
        let code = intern(code.trim());
        for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
            codes.insert(name.to_string(), code);
        }
    }
    for c in konbit_domain::country::all() {
        for name in [&c.name_en, &c.name_fr] {
            // Names with a comma are the ISO forms no newspaper writes ("Congo, The ..."); the
            // press's own names (data/actors.txt) win over the ISO ones.
            if !name.contains(',') && !name.contains('(') && !codes.contains_key(name.as_str()) {
                codes.insert(name.clone(), intern(&c.alpha3));
            }
        }
    }
    let mut latin: Vec<&String> = codes.keys().filter(|n| !n.chars().any(is_han)).collect();
    let mut han: Vec<&String> = codes.keys().filter(|n| n.chars().any(is_han)).collect();
    // Longest first, so "United States" wins over "United" and "肯尼亚高等法院" style
    // compounds find their country.
    latin.sort_by_key(|n| std::cmp::Reverse(n.len()));
    han.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alt = |v: Vec<&String>| {
        v.iter()
            .map(|n| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|")
    };
    Lexicon {
        latin: Regex::new(&format!("(?:{})", alt(latin))).unwrap_or_else(|e| panic!("{e}")),
        han: Regex::new(&format!("(?:{})", alt(han))).unwrap_or_else(|e| panic!("{e}")),
        codes,
    }
});

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The actors a text names, in order.
pub fn actors(text: &str) -> Vec<Actor> {
    let lex = &*LEXICON;
    let mut out = Vec::new();
    for m in lex.latin.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        // Whole words only: "US" not in "USAID", "Chad" not in "Chadwick".
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some(code) = lex.codes.get(m.as_str()) {
            out.push(Actor {
                start: m.start(),
                end: m.end(),
                code,
            });
        }
    }
    for m in lex.han.find_iter(text) {
        if let Some(code) = lex.codes.get(m.as_str()) {
            out.push(Actor {
                start: m.start(),
                end: m.end(),
                code,
            });
        }
    }
    out.sort_by_key(|a| a.start);
    out
}

/// Whether a code is a country (not one of the mission's bodies).
pub fn is_country(code: &str) -> bool {
    code.len() == 3
        && code.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(code, "MSS" | "GSF")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<&'static str> {
        actors(s).into_iter().map(|a| a.code).collect()
    }

    #[test]
    fn names_demonyms_and_leaders() {
        assert_eq!(
            codes("Kenyan President William Ruto visited Haiti"),
            ["KEN", "KEN", "HTI"]
        );
        assert_eq!(codes("the U.S. and Kenya"), ["USA", "KEN"]);
        assert_eq!(codes("des policiers kényans en Haïti"), ["KEN", "HTI"]);
        assert_eq!(codes("肯尼亚警察抵达海地"), ["KEN", "HTI"]);
        assert_eq!(codes("the UN Security Council"), ["UNSC"]);
        assert!(codes("USAID and Chadwick").is_empty());
    }
}
