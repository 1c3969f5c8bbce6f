//! The language an article is written in, as a short BCP 47 code: `en`, `fr`, `es`, `zh`
//! (simplified), `zh-Hant` (traditional), `ht` (Haitian Creole), or the ISO 639-1 code of any
//! other language the detector knows; `und` when the text gives nothing to go on.
//!
//! The detector is `whatlang` (trigram profiles, no model files, a few hundred kilobytes
//! compiled in, linear in the text). `lingua` is more accurate on short snippets, but its
//! models add tens of megabytes and load slowly, and articles are long enough for trigrams;
//! the press monitor reads thousands of articles a minute, so whatlang's speed wins. Two
//! things no detector does are done here: telling traditional from simplified Chinese (by
//! characters that exist in only one of the two scripts) and recognising Haitian Creole (by
//! its function words, which French lacks).

use std::sync::LazyLock;

use whatlang::{Detector, Lang, Script};

/// How much of a text the detector reads: the first characters are as telling as the whole,
/// and a bound keeps long articles cheap.
const SAMPLE_CHARS: usize = 4_000;

/// The article's language code (en, fr, es, ht, zh, zh-Hant, another ISO 639-1 code, or `und`).
pub fn detect(text: &str) -> String {
    let sample = prefix_chars(text, SAMPLE_CHARS);
    let (mut han, mut letters) = (0usize, 0usize);
    for c in sample.chars() {
        if is_han(c) {
            han += 1;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    if han > 0 && han * 3 >= letters {
        return chinese_variant(sample).into();
    }
    // The press the monitor reads is in a handful of languages: asking whatlang about those
    // first is several times faster than about all seventy (it compares the text with each
    // language's profile). Only when it is unsure among them are all the others asked.
    let core = CORE.detect(sample);
    let info = match core {
        Some(i) if i.is_reliable() => Some(i),
        _ => Detector::new().detect(sample).or(core),
    };
    // Creole is none of whatlang's languages: it comes back as French, as something unlikely
    // (Catalan, Latin, Tagalog…) or unsure. Its function words decide, unless the detector is
    // sure of English or Spanish.
    let latin = info.as_ref().is_none_or(|i| i.script() == Script::Latin);
    let sure_other = info
        .as_ref()
        .is_some_and(|i| i.is_reliable() && matches!(i.lang(), Lang::Eng | Lang::Spa));
    if latin && !sure_other && creole_dominates(sample) {
        return "ht".into();
    }
    match info.map(|i| i.lang()) {
        Some(Lang::Cmn) => chinese_variant(sample).into(),
        Some(l) => iso639_1(l).into(),
        None => "und".into(),
    }
}

static CORE: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![
        Lang::Eng,
        Lang::Fra,
        Lang::Spa,
        Lang::Por,
        Lang::Deu,
        Lang::Ita,
        Lang::Nld,
        Lang::Cmn,
    ])
});

fn prefix_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Common characters written differently in the two scripts: the traditional form of each
/// pair is in `TRADITIONAL`, the simplified one at the same place in `SIMPLIFIED`. A text is
/// traditional when it uses more of the first than of the second.
const TRADITIONAL: &str = "這們個來說時會對國為過後與經發動實現當點機關問題開應種無議員長還進樣體內報區將戰軍聯際隊幫總統擊殺難營務門東車電話語號從見書學爭傳協萬億歲鄉選舉權領導術錢價雙邊歷據維護衛醫藥飛場處數條約決負責請認識讓觀華灣顯斷續織組紐亞歐蘭羅爾倫衝嚴災級準備並聽慶氣復興麼於陸齊島歸財產業標盟議會";
const SIMPLIFIED: &str = "这们个来说时会对国为过后与经发动实现当点机关问题开应种无议员长还进样体内报区将战军联际队帮总统击杀难营务门东车电话语号从见书学争传协万亿岁乡选举权领导术钱价双边历据维护卫医药飞场处数条约决负责请认识让观华湾显断续织组纽亚欧兰罗尔伦冲严灾级准备并听庆气复兴么于陆齐岛归财产业标盟议会";

static SCRIPT_CHARS: LazyLock<(Vec<char>, Vec<char>)> = LazyLock::new(|| {
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (t, s) = (sorted(TRADITIONAL), sorted(SIMPLIFIED));
    // A character common to both lists (written the same in both scripts) tells nothing.
    let only = |a: &[char], b: &[char]| {
        a.iter()
            .copied()
            .filter(|c| b.binary_search(c).is_err())
            .collect()
    };
    (only(&t, &s), only(&s, &t))
});

fn chinese_variant(text: &str) -> &'static str {
    let (trad, simp) = &*SCRIPT_CHARS;
    let (mut t, mut s) = (0usize, 0usize);
    for c in text.chars().filter(|c| is_han(*c)) {
        if trad.binary_search(&c).is_ok() {
            t += 1;
        } else if simp.binary_search(&c).is_ok() {
            s += 1;
        }
    }
    if t > s { "zh-Hant" } else { "zh" }
}

/// Words frequent in Haitian Creole and absent from (or rare in) French; `se`, `te` and `sa`,
/// shared with French, are left out so French text does not score.
const CREOLE: &[&str] = &[
    "mwen",
    "nou",
    "yo",
    "nan",
    "pou",
    "ki",
    "ak",
    "li",
    "gen",
    "genyen",
    "pa",
    "konsa",
    "tou",
    "jodi",
    "peyi",
    "moun",
    "yon",
    "ap",
    "pral",
    "kounye",
    "anpil",
    "paske",
    "epi",
    "fè",
    "lè",
    "kote",
    "kijan",
    "poukisa",
    "tankou",
    "kòm",
    "ayiti",
    "gouvènman",
    "sekirite",
    "lapolis",
    "fòs",
    "bandi",
    "yè",
    "pèp",
    "kòmanse",
    "vin",
    "kap",
    "lòt",
    "dwe",
    "ka",
];
/// Frequent French words that Creole does not use.
const FRENCH: &[&str] = &[
    "le", "les", "des", "du", "est", "et", "une", "un", "dans", "pour", "que", "qui", "pas", "sur",
    "au", "aux", "avec", "sont", "ont", "il", "elle", "nous", "vous", "ce", "cette", "par", "plus",
    "mais", "été", "être", "leur", "haïti",
];

/// Whether Creole function words dominate the text: at least 3 of them, at least one word in
/// ten, and more than twice as many as French ones.
fn creole_dominates(text: &str) -> bool {
    let (mut words, mut ht, mut fr) = (0usize, 0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = w.to_lowercase();
        if CREOLE.contains(&lower.as_str()) {
            ht += 1;
        } else if FRENCH.contains(&lower.as_str()) {
            fr += 1;
        }
    }
    ht >= 3 && ht * 10 >= words && ht > 2 * fr
}

fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn english() {
        let t = "Kenyan police officers began patrolling Port-au-Prince in June as part of a UN-backed \
                 mission to combat armed gangs that control most of the capital. The mission is expected to grow.";
        assert_eq!(detect(t), "en");
    }

    #[test]
    fn french() {
        let t = "Les policiers kényans ont commencé à patrouiller dans les rues de Port-au-Prince en juin, \
                 dans le cadre d'une mission soutenue par l'ONU pour lutter contre les gangs armés qui contrôlent la capitale.";
        assert_eq!(detect(t), "fr");
    }

    #[test]
    fn spanish() {
        let t = "Los policías kenianos comenzaron a patrullar las calles de Puerto Príncipe en junio, como parte \
                 de una misión respaldada por la ONU para combatir a las pandillas armadas que controlan la capital.";
        assert_eq!(detect(t), "es");
    }

    #[test]
    fn simplified_chinese() {
        let t = "肯尼亚警方首次部署将于周二出发前往海地，以努力平息帮派暴力并加强该加勒比国家的警察力量。这标志着长期停滞的国际特派任务的开始。";
        assert_eq!(detect(t), "zh");
    }

    #[test]
    fn traditional_chinese() {
        let t = "肯亞警方首次部署將於週二出發前往海地，以努力平息幫派暴力並加強該加勒比國家的警察力量。這標誌著長期停滯的國際特派任務的開始。";
        assert_eq!(detect(t), "zh-Hant");
    }

    #[test]
    fn haitian_creole() {
        let t = "Polisye kenyan yo te kòmanse fè patwouy nan lari Pòtoprens nan mwa jen. Misyon an la pou ede \
                 lapolis nasyonal la goumen kont gang ki kontwole pi fò nan kapital la. Moun yo di yo pa santi yo an sekirite.";
        assert_eq!(detect(t), "ht");
        let t = "Jodi a, gouvènman an di li pral voye plis polisye nan peyi a pou bay moun yo sekirite.";
        assert_eq!(detect(t), "ht");
    }

    #[test]
    fn french_is_not_creole() {
        let t = "Le gouvernement a annoncé que la mission sera prolongée et que les policiers resteront en Haïti \
                 jusqu'à la fin de l'année, selon un communiqué publié mardi.";
        assert_eq!(detect(t), "fr");
    }

    #[test]
    fn nothing_to_go_on() {
        assert_eq!(detect("2024 — 1 000 / 2 500"), "und");
        assert_eq!(detect(""), "und");
    }
}
