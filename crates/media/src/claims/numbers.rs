//! Numbers as the press writes them: "1,000", "1 000", "2.5 million", "seven hundred",
//! "thousands" (vague, by ACLED's lowest-value rule), "约2500名", "70万", "5000多人"; with the
//! qualifier worded before or after them ("more than", "nearly", "au moins", "逾", "多"), and
//! money with its currency.

use std::sync::LazyLock;

use regex::Regex;

/// A number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte range of the number itself (and its multiplier) in the sentence.
    pub start: usize,
    pub end: usize,
    /// Byte offset where its qualifier begins (or `start`).
    pub lead: usize,
    pub value: i64,
    /// `more_than`, `about`, `at_least` or `vague`.
    pub qualifier: Option<&'static str>,
    /// For money: `USD`, `EUR`, `CAD`, `KES`, `GBP`, `JPY`.
    pub currency: Option<&'static str>,
}

const WORDS: &[(&str, i64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("a hundred", 100),
    ("a thousand", 1000),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("douze", 12),
    ("vingt", 20),
    ("cent", 100),
    ("mille", 1000),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("doce", 12),
    ("veinte", 20),
    ("cien", 100),
    ("mil", 1000),
];

/// Vague quantities and the lowest value ACLED's rule gives them.
const VAGUE: &[(&str, i64)] = &[
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("thousands", 1000),
    ("tens of thousands", 10_000),
    ("hundreds of thousands", 100_000),
    ("millions", 1_000_000),
    ("des dizaines", 10),
    ("des centaines", 100),
    ("des milliers", 1000),
    ("des dizaines de milliers", 10_000),
    ("des centaines de milliers", 100_000),
    ("des millions", 1_000_000),
    ("decenas", 10),
    ("cientos", 100),
    ("centenares", 100),
    ("miles", 1000),
    ("decenas de miles", 10_000),
    ("cientos de miles", 100_000),
    ("millones", 1_000_000),
    ("数十", 10),
    ("数百", 100),
    ("数千", 1000),
    ("数万", 10_000),
    ("数十万", 100_000),
    ("数百万", 1_000_000),
];

fn qualifier_of(word: &str) -> Option<&'static str> {
    let w = word.trim().to_lowercase();
    let w = w.as_str();
    Some(match w {
        "more than" | "over" | "above" | "in excess of" | "upwards of" | "plus de" | "más de"
        | "mas de" | "plis pase" | "超过" | "逾" | "超過" | "多" | "余" | "餘" => {
            "more_than"
        }
        "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "some"
        | "close to" | "an estimated" | "estimated" | "an approximate" | "environ" | "près de"
        | "presque" | "quelque" | "approximativement" | "quelques" | "alrededor de"
        | "cerca de" | "casi" | "aproximadamente" | "unos" | "unas" | "apeprè" | "約" | "约"
        | "大约" | "大約" | "近" | "将近" | "將近" | "接近" => "about",
        "at least" | "no fewer than" | "no less than" | "au moins" | "al menos"
        | "por lo menos" | "omwen" | "至少" => "at_least",
        _ => return None,
    })
}

/// English tens, alone and in compounds ("twenty-four").
const TENS: &[(&str, i64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Number words, with the compounds ("twenty-four", "vingt-quatre", "veinticuatro") built from
/// tens and units.
static ALL_WORDS: LazyLock<Vec<(String, i64)>> = LazyLock::new(|| {
    let mut all: Vec<(String, i64)> = WORDS.iter().map(|(w, v)| (w.to_string(), *v)).collect();
    fn units(names: [&'static str; 9]) -> impl Iterator<Item = (&'static str, i64)> + Clone {
        names.into_iter().zip(1..=9)
    }
    let en = units([
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ]);
    for (tens, t) in TENS.iter().copied() {
        all.push((tens.to_string(), t));
        for (u, v) in en.clone() {
            all.push((format!("{tens}-{u}"), t + v));
        }
    }
    let fr = units([
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    ]);
    for (tens, t) in [
        ("vingt", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
    ] {
        for (u, v) in fr.clone() {
            let joined = if v == 1 {
                format!("{tens}-et-un")
            } else {
                format!("{tens}-{u}")
            };
            all.push((joined, t + v));
        }
    }
    for (u, v) in units([
        "uno", "dós", "trés", "cuatro", "cinco", "séis", "siete", "ocho", "nueve",
    ]) {
        all.push((format!("veinti{u}"), 20 + v));
    }
    all.extend(
        [
            ("onze", 11),
            ("treize", 13),
            ("quatorze", 14),
            ("quinze", 15),
            ("seize", 16),
            ("trente", 30),
            ("quarante", 40),
            ("cinquante", 50),
            ("once", 11),
            ("quince", 15),
            ("treinta", 30),
            ("cuarenta", 40),
            ("cincuenta", 50),
        ]
        .map(|(w, v)| (w.to_string(), v)),
    );
    all
});

static LATIN: LazyLock<Regex> = LazyLock::new(|| {
    let words = {
        let mut w: Vec<&str> = ALL_WORDS.iter().map(|(w, _)| w.as_str()).collect();
        w.sort_by_key(|s| std::cmp::Reverse(s.len()));
        w.join("|")
    };
    let p = format!(
        r"(?i)(?P<qual>\b(?:more than|over|above|in excess of|upwards of|about|around|approximately|roughly|nearly|almost|some|close to|an estimated|estimated|at least|no fewer than|no less than|plus de|environ|près de|presque|quelque|approximativement|au moins|más de|alrededor de|cerca de|casi|aproximadamente|unos|unas|al menos|por lo menos|apeprè|omwen)\s+)?(?P<cur>US\$|USD|U\.S\.\s?\$|\$|€|£|C\$|CA\$|KSh|EUR|CAD)?\s?(?P<num>\d{{1,3}}(?:(?:,|\u{{202f}}|\u{{a0}}| )\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\b(?:{words})\b)(?:\s?(?P<mult>million|millions|billion|milliard|milliards|millones|millón|mil millones|thousand|m|bn|k)\b)?(?:\s(?:d'|de )?(?P<cur2>dollars|US dollars|U\.S\. dollars|dollars américains|dólares|euros|USD|EUR|pounds|Kenyan shillings|shillings)\b)?"
    );
    crate::pattern(&p)
});

static VAGUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut w: Vec<&str> = VAGUE.iter().map(|(w, _)| *w).collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    crate::pattern(&format!(r"(?i)(?:\b|^)(?P<v>{})\b", w.join("|")))
});

static HAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<qual>约|約|大约|大約|近|将近|將近|接近|超过|超過|逾|至少)?(?P<num>\d+(?:[,，]\d{3})*(?:\.\d+)?|[零〇一二两兩三四五六七八九十百千万萬亿億]+)(?P<mult>万|萬|亿|億)?(?P<more>多|余|餘)?(?P<cur>美元|欧元|歐元|加元)?")
        .unwrap_or_else(|e| panic!("{e}"))
});

fn han_value(s: &str) -> Option<i64> {
    let digit = |c: char| match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' | '兩' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let (mut total, mut section, mut current) = (0i64, 0i64, 0i64);
    for c in s.chars() {
        if let Some(d) = digit(c) {
            current = d;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' | '萬' => 10_000,
            '亿' | '億' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            total += (section + current) * unit;
            section = 0;
        } else {
            section += current.max(if current == 0 && unit == 10 { 1 } else { 0 }) * unit;
        }
        current = 0;
    }
    Some(total + section + current)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn latin_value(num: &str) -> Option<f64> {
    let lower = num.to_lowercase();
    if let Some((_, v)) = ALL_WORDS.iter().find(|(w, _)| *w == lower) {
        return Some(*v as f64);
    }
    let clean: String = num
        .chars()
        .filter(|c| !matches!(c, '\u{202f}' | '\u{a0}' | ' '))
        .collect();
    // "1,000" and "1.000" group thousands; "2.5" and "2,5" are decimals.
    let grouped = |sep: char| {
        let parts: Vec<&str> = clean.split(sep).collect();
        parts.len() > 1 && parts.iter().skip(1).all(|p| p.len() == 3)
    };
    let normal = if grouped(',') {
        clean.replace(',', "")
    } else if grouped('.')
        && !clean.contains(',')
        && clean.split('.').nth(1).is_some_and(|p| p.len() == 3)
        && clean.len() > 5
    {
        clean.replace('.', "")
    } else {
        clean.replace(',', ".")
    };
    normal.parse().ok()
}

fn multiplier(m: &str) -> f64 {
    match m.to_lowercase().as_str() {
        "thousand" | "k" | "mil" => 1e3,
        "million" | "millions" | "millón" | "millones" | "m" => 1e6,
        "billion" | "bn" | "milliard" | "milliards" | "mil millones" => 1e9,
        _ => 1.0,
    }
}

fn currency_of(symbol: &str) -> Option<&'static str> {
    Some(match symbol.to_lowercase().as_str() {
        "us$"
        | "usd"
        | "$"
        | "u.s.$"
        | "u.s. $"
        | "dollars"
        | "us dollars"
        | "u.s. dollars"
        | "dollars américains"
        | "dólares"
        | "美元" => "USD",
        "€" | "eur" | "euros" | "欧元" | "歐元" => "EUR",
        "£" | "pounds" => "GBP",
        "c$" | "ca$" | "cad" | "加元" => "CAD",
        "ksh" | "kenyan shillings" | "shillings" => "KES",
        _ => return None,
    })
}

/// The numbers in a sentence, in order, skipping the byte ranges in `skip` (dates).
pub fn numbers(sentence: &str, skip: &[(usize, usize)]) -> Vec<Number> {
    let mut out = Vec::new();
    let overlaps = |s: usize, e: usize| skip.iter().any(|(a, b)| s < *b && *a < e);
    for c in LATIN.captures_iter(sentence) {
        let Some(num) = c.name("num") else { continue };
        if overlaps(num.start(), num.end()) {
            continue;
        }
        // Digits inside Chinese text ("约2500名", "1.5亿美元") are read with their Chinese
        // qualifier and units below.
        let han_next = sentence[num.end()..].chars().next().is_some_and(is_han);
        let han_before = sentence[..num.start()]
            .chars()
            .next_back()
            .is_some_and(is_han);
        if han_next || han_before {
            continue;
        }
        let Some(mut value) = latin_value(num.as_str()) else {
            continue;
        };
        if let Some(m) = c.name("mult") {
            let factor = multiplier(m.as_str());
            // "m" and "k" are multipliers only right after a number ("$40m"), not words.
            if !(m.as_str().len() == 1 && m.start() != num.end()) {
                value *= factor;
            }
        }
        let currency = c
            .name("cur")
            .and_then(|m| currency_of(m.as_str().trim()))
            .or_else(|| c.name("cur2").and_then(|m| currency_of(m.as_str())));
        // A bare "$" written before a year or a percentage is not money; the number's own
        // shape decides the rest.
        let start = c.name("cur").map_or(num.start(), |m| m.start());
        let end = c
            .name("cur2")
            .or(c.name("mult"))
            .map_or(num.end(), |m| m.end())
            .max(num.end());
        out.push(Number {
            start,
            end,
            lead: c.name("qual").map_or(start, |q| q.start()),
            value: value.round() as i64,
            qualifier: c.name("qual").and_then(|q| qualifier_of(q.as_str())),
            currency,
        });
    }
    for c in HAN.captures_iter(sentence) {
        let (Some(whole), Some(num)) = (c.get(0), c.name("num")) else {
            continue;
        };
        if overlaps(num.start(), num.end())
            || out
                .iter()
                .any(|n: &Number| num.start() < n.end && n.start < num.end())
        {
            continue;
        }
        let text = num.as_str();
        let base = if text.starts_with(|ch: char| ch.is_ascii_digit()) {
            text.replace([',', '，'], "").parse::<f64>().ok()
        } else {
            // A lone "一" or "十" in running Chinese text is rarely a figure worth a claim.
            if text.chars().count() < 2 {
                continue;
            }
            han_value(text).map(|v| v as f64)
        };
        let Some(mut value) = base else { continue };
        if let Some(m) = c.name("mult") {
            value *= if matches!(m.as_str(), "万" | "萬") {
                1e4
            } else {
                1e8
            };
        }
        let qualifier = c
            .name("qual")
            .and_then(|q| qualifier_of(q.as_str()))
            .or_else(|| c.name("more").and_then(|m| qualifier_of(m.as_str())));
        out.push(Number {
            start: num.start(),
            end: whole.end(),
            lead: whole.start(),
            value: value.round() as i64,
            qualifier,
            currency: c.name("cur").and_then(|m| currency_of(m.as_str())),
        });
    }
    for c in VAGUE_RE.captures_iter(sentence) {
        let Some(v) = c.name("v") else { continue };
        if out.iter().any(|n| v.start() < n.end && n.start < v.end())
            || overlaps(v.start(), v.end())
        {
            continue;
        }
        let lower = v.as_str().to_lowercase();
        let Some((_, value)) = VAGUE.iter().find(|(w, _)| *w == lower) else {
            continue;
        };
        out.push(Number {
            start: v.start(),
            end: v.end(),
            lead: v.start(),
            value: *value,
            qualifier: Some("vague"),
            currency: None,
        });
    }
    out.sort_by_key(|n| n.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<(i64, Option<&'static str>)> {
        numbers(s, &[])
            .into_iter()
            .map(|n| (n.value, n.qualifier))
            .collect()
    }

    #[test]
    fn figures_in_the_ways_the_press_writes_them() {
        assert_eq!(
            values("over 700,000 people"),
            [(700_000, Some("more_than"))]
        );
        assert_eq!(values("nearly 700,000 people"), [(700_000, Some("about"))]);
        assert_eq!(
            values("plus de 1 000 policiers"),
            [(1000, Some("more_than"))]
        );
        assert_eq!(values("2.5 million people"), [(2_500_000, None)]);
        assert_eq!(values("Thousands of Haitians"), [(1000, Some("vague"))]);
        assert_eq!(values("约2500名警察"), [(2500, Some("about"))]);
        assert_eq!(values("70万人流离失所"), [(700_000, None)]);
        assert_eq!(values("5000多人死亡"), [(5000, Some("more_than"))]);
        assert_eq!(values("两百名警察"), [(200, None)]);
        assert_eq!(values("five officers"), [(5, None)]);
        assert_eq!(values("Vingt-quatre militaires"), [(24, None)]);
        assert_eq!(values("twenty-one soldiers"), [(21, None)]);
    }

    #[test]
    fn money_with_its_currency() {
        let n = numbers("pledged $300 million to the fund", &[]);
        assert_eq!((n[0].value, n[0].currency), (300_000_000, Some("USD")));
        let n = numbers("US$40m", &[]);
        assert_eq!((n[0].value, n[0].currency), (40_000_000, Some("USD")));
        let n = numbers("15 millions d'euros", &[]);
        assert_eq!((n[0].value, n[0].currency), (15_000_000, Some("EUR")));
        let n = numbers("1.5亿美元", &[]);
        assert_eq!((n[0].value, n[0].currency), (150_000_000, Some("USD")));
    }
}
