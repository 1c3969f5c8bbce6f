//! ISO 3166-1 countries: the codes contributors, donors and host states are recorded under,
//! with English and French names for the pages. The list is generated data
//! (`data/countries.csv`, see `data/countries.md` for its provenance).

use std::sync::LazyLock;

/// One ISO 3166-1 country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// Alpha-3 code (`KEN`).
    pub alpha3: String,
    /// English short name.
    pub name_en: String,
    /// French short name.
    pub name_fr: String,
}

static COUNTRIES: LazyLock<Vec<Country>> =
    LazyLock::new(|| parse(include_str!("../../data/countries.csv")));

/// Parses the embedded CSV: header line, then `alpha3,alpha2,numeric,name_en,name_fr` with
/// RFC 4180 quoting (names such as "Congo, The Democratic Republic of the" hold commas).
fn parse(text: &str) -> Vec<Country> {
    let mut out: Vec<Country> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let f = split_csv_line(line);
            match f.as_slice() {
                [a3, _a2, _num, en, fr] => Some(Country {
                    alpha3: a3.clone(),
                    name_en: en.clone(),
                    name_fr: fr.clone(),
                }),
                _ => None,
            }
        })
        .collect();
    out.sort_by(|a, b| a.alpha3.cmp(&b.alpha3));
    out
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// The country with this alpha-3 code (exact, upper case), if it exists.
pub fn find(alpha3: &str) -> Option<&'static Country> {
    COUNTRIES
        .binary_search_by(|c| c.alpha3.as_str().cmp(alpha3))
        .ok()
        .and_then(|i| COUNTRIES.get(i))
}

/// The country's name in `lang` (`fr` or anything else for English), or the code itself.
pub fn name(alpha3: &str, lang: &str) -> String {
    match find(alpha3) {
        Some(c) if lang == "fr" => c.name_fr.clone(),
        Some(c) => c.name_en.clone(),
        None => alpha3.to_string(),
    }
}

/// Every country, sorted by code.
pub fn all() -> &'static [Country] {
    &COUNTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_contributors_in_both_languages() {
        assert_eq!(name("KEN", "en"), "Kenya");
        assert_eq!(name("HTI", "fr"), "Haïti");
        assert!(find("ken").is_none(), "codes are upper case");
        assert!(find("XXX").is_none());
        assert!(all().len() >= 249);
    }

    #[test]
    fn quoted_names_keep_their_commas() {
        assert!(find("COD").is_some_and(|c| c.name_en.contains(", ")));
    }
}
