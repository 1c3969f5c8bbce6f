//! Grouping copies of one story, so that "independent sources" counts origins, not copies: one
//! wire story printed by several outlets (the same text inside different page furniture, with
//! a few words edited or the last paragraphs cut), or a translated article whose own English
//! summary repeats an English copy.
//!
//! # Method
//!
//! Each text becomes a set of overlapping *shingles*, and a MinHash *fingerprint* of that set
//! (`SLOTS` minimum hash values) whose slot-by-slot agreement estimates the Jaccard similarity
//! of two sets (shared shingles ÷ all shingles). Shingles depend on the script:
//!
//! * languages written with spaces: words, lowercased, punctuation dropped, `WORD_WIDTH`
//!   consecutive words per shingle; digit groups (`2,500`, `2 500` with a no-break space) and
//!   elisions (`Kenya’s`, `l'ONU`) are kept as one word, so that typography an outlet changes
//!   does not break shingles;
//! * Chinese and Japanese: every Han or kana character is one unit (no spaces to split on, and
//!   a word segmenter would cost a dictionary for little gain) and `CJK_WIDTH` consecutive
//!   units make a shingle; a Latin word or a number inside such text stays one unit;
//! * other scripts written without spaces (Thai, Lao, Khmer, Burmese, Tibetan): letters, not
//!   morphemes, so `LETTER_WIDTH` of them per shingle.
//!
//! Full-width ASCII (`１０００`, common in Chinese text) is folded to ASCII first.
//!
//! # Thresholds
//!
//! Two texts are copies of one story ([`same_story`]) when their estimated Jaccard similarity is
//! at least `SAME_STORY` (0.5), or when the shorter one's shingles are at least `CONTAINED`
//! (80 %) inside the longer (an outlet that printed only the first half of the wire; only for
//! texts of `MIN_CONTAINED_SHINGLES` shingles or more, as a sentence or two shared by two
//! articles is a quotation, not a copy). Why these numbers, from four-word shingles:
//!
//! * one edited word changes up to four shingles: the 190-word wire story of the tests, with
//!   four edits and its own headline, byline, share and newsletter lines (boilerplate the
//!   reader may fail to strip), scores 0.77; a Chinese copy with three edits scores 0.95;
//! * two different articles on one topic (both about Kenya's police in Haiti, with the same
//!   names and phrases: "the Multinational Security Support mission") share few runs of four
//!   words: the five press samples this was tuned on (four English articles and an English
//!   summary, all on Kenya's mission in Haiti) score 0.00–0.02 against each other, and so
//!   does the tests' pair; three-word shingles raised the worst pair to 0.025;
//! * the estimate's standard error with 120 slots is at most 0.046 (at 0.5), so 0.5 sits many
//!   errors above unrelated articles and several below edited copies.
//!
//! # Finding candidates without comparing every pair
//!
//! [`Grouper`] is incremental, as articles arrive one at a time from feeds. Locality-sensitive
//! hashing by bands: the 120 slots are cut into `BANDS` bands of `ROWS` rows; two texts become
//! candidates when all rows of any one band agree, which happens with probability
//! 1 − (1 − J³)⁴⁰ for Jaccard J: 99.5 % at 0.5, 93 % at 0.4, 4 % at 0.1, 0.5 % at 0.05. So a
//! new article is compared only with the few earlier ones that share a band, not with all of
//! them; the comparison then decides by the thresholds above. Copies are merged transitively
//! (single linkage): an article that matches two groups joins them into one, the group of the
//! earliest article.
//!
//! # Translations
//!
//! Shingles cannot match a Chinese article with an English one. A translated article that
//! carries its own English summary (`Document::summary`) is fingerprinted twice, body and
//! summary ([`document_fingerprints`]), and joins a group when either matches: the translation
//! groups with the English copy its summary repeats. A translation without a summary, or a
//! summary that paraphrases rather than repeats, stays in a group of its own.
//!
//! # Implementation
//!
//! No crate fitted: `gaoya` (MinHash LSH) last changed in 2023 and brings fifteen crates
//! (rayon, rand 0.8 and sha-1 among them) for what is a few hundred lines here; `probminhash` brings a
//! logger and an optimiser; `lsh-rs` is older still. The hashing is the maintained `siphasher`
//! (SipHash-1-3 with fixed keys), already built for `html5ever` and `feed-rs`: a specified
//! algorithm, so fingerprints are the same on every machine and every build, unlike
//! `std`'s `DefaultHasher`, whose output may change between Rust releases. The 120 MinHash
//! permutations are multiply-add-shift hashes of the shingle's 64-bit hash with constants
//! fixed at compile time; changing `PERMUTATION_SEED` or the widths changes every fingerprint.

use std::collections::HashMap;
use std::hash::Hasher;

use siphasher::sip::SipHasher13;

use crate::Document;

/// MinHash values per fingerprint: enough for a standard error of at most 0.046 on the
/// Jaccard estimate, and a multiple of `ROWS`.
pub const SLOTS: usize = 120;
/// Rows per LSH band: three rows put the candidate threshold near a Jaccard of 0.3, under the
/// decision threshold, so that copies are rarely missed (see the module's documentation).
const ROWS: usize = 3;
const BANDS: usize = SLOTS / ROWS;

/// Estimated Jaccard similarity at or above which two texts are copies of one story.
pub const SAME_STORY: f64 = 0.5;
/// Share of the shorter text's shingles found in the longer one at or above which the shorter
/// is a (cut) copy of the longer.
pub const CONTAINED: f64 = 0.8;
/// The containment rule applies only to texts of at least this many shingles (about two
/// paragraphs): a shared sentence or quotation is not a copy.
pub const MIN_CONTAINED_SHINGLES: u32 = 40;

/// Words per shingle for languages written with spaces: three-word runs are shared by unrelated
/// articles on one topic ("security support mission"), five-word runs break on every edit.
const WORD_WIDTH: usize = 4;
/// Han or kana characters per shingle: most Chinese words are one or two characters, so three
/// spans a word boundary and, like four English words, is rare outside a copy.
const CJK_WIDTH: usize = 3;
/// Letters per shingle for other scripts without spaces (Thai, Lao, Khmer, Burmese, Tibetan).
const LETTER_WIDTH: usize = 5;

/// Seed of the MinHash permutations; part of the fingerprint's definition.
const PERMUTATION_SEED: u64 = 0x6b6f_6e62_6974_6d68; // "konbitmh"
/// Fixed SipHash keys, so a shingle hashes the same everywhere.
const SIP_KEYS: (u64, u64) = (0x6b6f_6e62_6974_2d67, 0x726f_7570_2d76_3101);

/// splitmix64: a tiny, well-distributed generator, run at compile time for the constants.
const fn splitmix(state: u64) -> (u64, u64) {
    let state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (state, z ^ (z >> 31))
}

/// The (a, b) of each permutation h ↦ (a·h + b) mod 2⁶⁴, whose high 32 bits are the slot's
/// value: multiply-add-shift, a universal family for the high bits, and far cheaper than 120
/// keyed hashes per shingle. `a` is odd so that the map is a bijection.
static PERMUTATIONS: [(u64, u64); SLOTS] = {
    let mut out = [(0u64, 0u64); SLOTS];
    let mut state = PERMUTATION_SEED;
    let mut i = 0;
    while i < SLOTS {
        let (s, a) = splitmix(state);
        let (s, b) = splitmix(s);
        out[i] = (a | 1, b);
        state = s;
        i += 1;
    }
    out
};

/// A text's MinHash signature and how many distinct shingles it had. Values are 32 bits: two
/// different minima agree by chance once in four billion, far below the estimate's own error,
/// and the fingerprint stays at 480 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    mins: Box<[u32; SLOTS]>,
    shingles: u32,
}

impl Fingerprint {
    /// The number of distinct shingles of the text; 0 for a text without words.
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// True when the text had no words: such a fingerprint matches nothing.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }

    /// The key of band `band` for the LSH buckets: its rows hashed with the band's number, so
    /// equal rows in different bands do not meet.
    fn band_key(&self, band: usize) -> u64 {
        let mut h = SipHasher13::new_with_keys(SIP_KEYS.0, SIP_KEYS.1);
        h.write_u64(band as u64);
        for v in &self.mins[band * ROWS..(band + 1) * ROWS] {
            h.write_u32(*v);
        }
        h.finish()
    }
}

/// How a language is cut into shingles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Words separated by spaces.
    Words,
    /// Chinese and Japanese: one unit per character.
    Cjk,
    /// Other scripts without spaces: one unit per letter.
    Letters,
}

fn script_of(language: &str) -> Script {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "zh" | "ja" | "cmn" | "yue" | "jpn" => Script::Cjk,
        "th" | "lo" | "km" | "my" | "bo" => Script::Letters,
        _ => Script::Words,
    }
}

/// Han ideographs, kana and CJK punctuation-free symbols that stand alone as units.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff      // hiragana, katakana
        | 0x3400..=0x4dbf    // Han extension A
        | 0x4e00..=0x9fff    // Han
        | 0xf900..=0xfaff    // Han compatibility
        | 0x20000..=0x3134f) // Han extensions B–G
}

/// Letters of scripts written without spaces between words.
fn is_unspaced_letter(c: char) -> bool {
    matches!(c as u32,
        0x0e00..=0x0eff      // Thai, Lao
        | 0x0f00..=0x0fff    // Tibetan
        | 0x1000..=0x109f    // Myanmar
        | 0x1780..=0x17ff) // Khmer
}

/// Full-width ASCII (U+FF01–U+FF5E) to ASCII: Chinese outlets write `２０２４年` or `2024年`.
fn fold_width(c: char) -> char {
    match c as u32 {
        v @ 0xff01..=0xff5e => char::from_u32(v - 0xfee0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

fn hash_str(s: &str) -> u64 {
    let mut h = SipHasher13::new_with_keys(SIP_KEYS.0, SIP_KEYS.1);
    h.write(s.as_bytes());
    h.finish()
}

/// The text cut into units (words, or characters for CJK and unspaced scripts), each as a
/// 64-bit hash.
fn units(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = Vec::with_capacity(chars.len() / 4);
    let mut word = String::new();
    let mut buf = [0u8; 4];
    for (i, &c) in chars.iter().enumerate() {
        if is_cjk(c) || is_unspaced_letter(c) {
            if !word.is_empty() {
                out.push(hash_str(&word));
                word.clear();
            }
            out.push(hash_str(c.encode_utf8(&mut buf)));
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty()
            && joins(
                c,
                chars.get(i.wrapping_sub(1)).copied(),
                chars.get(i + 1).copied(),
            )
        {
            // Inside a number or an elision: the word goes on.
        } else if !word.is_empty() {
            out.push(hash_str(&word));
            word.clear();
        }
    }
    if !word.is_empty() {
        out.push(hash_str(&word));
    }
    out
}

/// Whether `c` between `prev` and `next` is part of a word: a thousands or decimal separator
/// between digits (`2,500`, `2 500`, `3.5`), or an apostrophe between letters (`Kenya’s`,
/// `l’ONU`). Outlets copying a story change such typography more often than its words.
fn joins(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    match c {
        ',' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}' => p.is_ascii_digit() && n.is_ascii_digit(),
        '\'' | '\u{2019}' => p.is_alphabetic() && n.is_alphabetic(),
        _ => false,
    }
}

/// The fingerprint of `text` written in `language` (a BCP 47 code such as `en`, `fr`, `zh`,
/// `zh-Hant`; it chooses the shingles). A text shorter than one shingle makes a single shingle
/// of all its units; a text without letters or digits makes an empty fingerprint.
pub fn fingerprint(text: &str, language: &str) -> Fingerprint {
    let units = units(text);
    let width = match script_of(language) {
        Script::Words => WORD_WIDTH,
        Script::Cjk => CJK_WIDTH,
        Script::Letters => LETTER_WIDTH,
    };
    let mut shingles: Vec<u64> = units
        .windows(width.min(units.len()).max(1))
        .map(|w| {
            let mut h = SipHasher13::new_with_keys(SIP_KEYS.0, SIP_KEYS.1);
            for u in w {
                h.write_u64(*u);
            }
            h.finish()
        })
        .collect();
    // Distinct shingles: a repeated sentence counts once, as in the set the estimate is of.
    shingles.sort_unstable();
    shingles.dedup();
    let mut mins = Box::new([u32::MAX; SLOTS]);
    for s in &shingles {
        for (slot, (a, b)) in mins.iter_mut().zip(PERMUTATIONS.iter()) {
            let v = (a.wrapping_mul(*s).wrapping_add(*b) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    Fingerprint {
        mins,
        shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
    }
}

/// The estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1: the share of
/// slots whose minima agree. 0 when either text is empty.
pub fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let same = a
        .mins
        .iter()
        .zip(b.mins.iter())
        .filter(|(x, y)| x == y)
        .count();
    same as f64 / SLOTS as f64
}

/// The estimated share of the shorter text's shingles that are also in the longer one, from 0
/// to 1: with J the Jaccard estimate, the intersection is J·(|A| + |B|) / (1 + J).
pub fn containment(a: &Fingerprint, b: &Fingerprint) -> f64 {
    let j = similarity(a, b);
    let smaller = a.shingles.min(b.shingles);
    if smaller == 0 {
        return 0.0;
    }
    let shared = j * (f64::from(a.shingles) + f64::from(b.shingles)) / (1.0 + j);
    (shared / f64::from(smaller)).min(1.0)
}

/// Whether two texts are copies of one story (see the module's documentation for the rule and
/// its thresholds).
pub fn same_story(a: &Fingerprint, b: &Fingerprint) -> bool {
    if similarity(a, b) >= SAME_STORY {
        return true;
    }
    a.shingles.min(b.shingles) >= MIN_CONTAINED_SHINGLES && containment(a, b) >= CONTAINED
}

/// The fingerprints of a document: its body and, when it carries one, its summary (the English
/// summary under a translated article), each in its own language, so the document groups with
/// copies of either.
pub fn document_fingerprints(doc: &Document) -> Vec<Fingerprint> {
    let mut out = vec![fingerprint(&doc.body, &doc.language)];
    if let Some(summary) = doc.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push(fingerprint(summary, &crate::lang::detect(summary)));
    }
    out
}

/// A group, named by the arrival number (from 0) of its earliest article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupId(pub usize);

struct Item<Id> {
    id: Id,
    fingerprints: Vec<Fingerprint>,
    /// Union-find parent (arrival numbers); a root is its group's earliest article.
    parent: usize,
}

/// Groups articles as they arrive: each [`add`](Grouper::add) compares the new article with
/// the earlier ones that share an LSH band with it, not with all of them.
///
/// Memory grows with the articles kept: a fingerprint of 480 bytes and 40 bucket entries of
/// about 25 bytes (the chain and the key's slot in the map) each, about 1.5 KiB per
/// fingerprint. A monitor that only needs recent copies can start a new grouper per period.
pub struct Grouper<Id> {
    items: Vec<Item<Id>>,
    /// Band key → the latest bucket entry with that key.
    heads: HashMap<u64, u32>,
    /// Bucket entries: the article's arrival number and the previous entry with the same key
    /// (`NO_ENTRY` at the end). A list chained through one vector costs 8 bytes an entry; a
    /// `Vec` per key cost about 40, and there are 40 entries per fingerprint.
    entries: Vec<(u32, u32)>,
}

/// The end of a bucket's chain.
const NO_ENTRY: u32 = u32::MAX;

impl<Id> Default for Grouper<Id> {
    fn default() -> Self {
        Self::new()
    }
}

impl<Id> Grouper<Id> {
    pub fn new() -> Self {
        Grouper {
            items: Vec::new(),
            heads: HashMap::new(),
            entries: Vec::new(),
        }
    }

    /// The number of articles added.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds an article with its fingerprints (usually [`document_fingerprints`]: body and
    /// summary) and returns its group. The article joins every earlier group one of whose
    /// articles is a copy of it by any pair of fingerprints, merging them if it matches
    /// several. A group returned earlier may since have been merged into an older one:
    /// [`current`](Grouper::current) says which.
    pub fn add(&mut self, id: Id, fingerprints: Vec<Fingerprint>) -> GroupId {
        let me = self.items.len();
        let fingerprints: Vec<Fingerprint> =
            fingerprints.into_iter().filter(|f| !f.is_empty()).collect();
        let mut candidates: Vec<u32> = Vec::new();
        let mut keys: Vec<u64> = Vec::with_capacity(fingerprints.len() * BANDS);
        for fp in &fingerprints {
            for band in 0..BANDS {
                let key = fp.band_key(band);
                let mut at = self.heads.get(&key).copied().unwrap_or(NO_ENTRY);
                while let Some(&(item, previous)) = self.entries.get(at as usize) {
                    candidates.push(item);
                    at = previous;
                }
                keys.push(key);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        self.items.push(Item {
            id,
            fingerprints,
            parent: me,
        });
        for c in candidates {
            let c = c as usize;
            // Already in my group through an earlier candidate: nothing to compare.
            if self.find(c) == self.find(me) {
                continue;
            }
            let (mine, theirs) = (&self.items[me].fingerprints, &self.items[c].fingerprints);
            if mine.iter().any(|a| theirs.iter().any(|b| same_story(a, b))) {
                self.union(c, me);
            }
        }
        // Entries are numbered in 32 bits: a grouper holds up to fifty million articles
        // (40 entries each), far beyond a mission's press; past that, new entries would not
        // be chained and articles would stop finding each other, not fail.
        let me32 = u32::try_from(me).unwrap_or(NO_ENTRY);
        for key in keys {
            let previous = self.heads.get(&key).copied().unwrap_or(NO_ENTRY);
            // A document whose body and summary share a band would list itself twice.
            if self
                .entries
                .get(previous as usize)
                .is_some_and(|e| e.0 == me32)
            {
                continue;
            }
            let Ok(entry) = u32::try_from(self.entries.len()) else {
                break;
            };
            self.entries.push((me32, previous));
            self.heads.insert(key, entry);
        }
        GroupId(self.find(me))
    }

    /// Where group `g` is now: itself, or the older group it was merged into.
    pub fn current(&self, g: GroupId) -> GroupId {
        if g.0 >= self.items.len() {
            return g;
        }
        GroupId(self.find(g.0))
    }

    /// The id of group `g`'s earliest article (the group it was merged into, if it was).
    pub fn first_of(&self, g: GroupId) -> Option<&Id> {
        let i = self.current(g).0;
        self.items.get(i).map(|item| &item.id)
    }

    /// The number of groups: the independent origins among the articles added.
    pub fn group_count(&self) -> usize {
        (0..self.items.len())
            .filter(|&i| self.items[i].parent == i)
            .count()
    }

    /// The groups, each in arrival order, ordered by their earliest article.
    pub fn groups(&self) -> Vec<Vec<&Id>> {
        let mut slot_of: HashMap<usize, usize> = HashMap::new();
        let mut out: Vec<Vec<&Id>> = Vec::new();
        for i in 0..self.items.len() {
            let root = self.find(i);
            let slot = *slot_of.entry(root).or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            out[slot].push(&self.items[i].id);
        }
        out
    }

    fn find(&self, mut i: usize) -> usize {
        while self.items[i].parent != i {
            i = self.items[i].parent;
        }
        i
    }

    /// Joins the groups of `a` and `b` under the earlier root, so a group keeps the name of its
    /// first article; the paths from `a` and `b` are pointed straight at the root on the way,
    /// which keeps later `find`s short.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (root, child) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        self.items[child].parent = root;
        for start in [a, b] {
            let mut i = start;
            while i != root {
                let next = self.items[i].parent;
                self.items[i].parent = root;
                i = next;
            }
        }
    }
}

/// Groups a batch of fingerprinted texts: the ids of each group, in the order given, groups
/// ordered by their first text. The incremental [`Grouper`] does the work.
pub fn group<Id: Clone>(items: &[(Id, Fingerprint)]) -> Vec<Vec<Id>> {
    let mut g = Grouper::new();
    for (id, fp) in items {
        g.add(id.clone(), vec![fp.clone()]);
    }
    g.groups()
        .into_iter()
        .map(|ids| ids.into_iter().cloned().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire story written for these tests (not taken from any outlet).
    const WIRE: &str = "Kenya will send 600 more police officers to Haiti next month, the interior ministry said on Monday, bringing the Kenyan contingent of the Multinational Security Support mission to about 1,000 officers.
The officers completed six weeks of training in Nairobi and will be deployed to Port-au-Prince, where gangs control most of the capital and have blocked the main roads to the north and south.
Interior Minister Samuel Otieno told reporters that the deployment had been delayed by funding shortfalls, and that a trust fund administered by the United Nations had received only $85 million of the $600 million pledged.
Since January more than 3,600 people have been killed in gang violence in Haiti, according to the UN human rights office, and about 580,000 have fled their homes.
The mission, authorised by the Security Council in October 2023, has been criticised for moving slowly; its mandate expires at the end of September and diplomats are discussing a transition to a UN peacekeeping operation.
Haitian officials welcomed the announcement and said the police would soon retake control of the national highway between the capital and the Artibonite valley.";

    /// The same wire story as another outlet printed it: its own headline, byline and share
    /// lines, and a few words edited.
    fn reprint() -> String {
        let body = WIRE
            .replace("on Monday", "on Monday evening")
            .replace("about 1,000 officers", "nearly 1,000 officers")
            .replace("told reporters", "told journalists")
            .replace("Haitian officials welcomed", "Haitian authorities welcomed");
        format!(
            "Kenya to send 600 more police to Haiti\nBy our correspondent | Share on Facebook | Tweet | WhatsApp\nAdvertisement\n{body}\nRead more: Haiti crisis explained\nSign up for our newsletter"
        )
    }

    /// A different story on the same topic: Kenya and Haiti, the same mission, the same names.
    const OTHER: &str = "Haiti's transitional council on Thursday asked Kenya to extend the stay of its police officers beyond September, as the Multinational Security Support mission struggles with a shortage of armoured vehicles.
In a letter to President William Ruto, the council said the Kenyan officers had helped reopen the airport in Port-au-Prince and several schools in the capital, but that gangs still held large parts of the Artibonite.
Kenyan officials said Nairobi was ready to keep its contingent in Haiti if the Security Council renewed the mandate and if donors paid for helicopters and night-vision equipment.
Aid groups reported that food prices in the capital had doubled since March and that more than five million Haitians faced acute hunger, while hospitals in the city centre remained closed.
Diplomats at the United Nations said a draft resolution would be circulated next week, with a vote expected before the mandate runs out.";

    const ZH: &str = "肯尼亚内政部周一表示，肯尼亚将于下月向海地增派600名警察，使肯尼亚在多国安全支持特派团中的人数达到约1000人。这些警察已在内罗毕完成六周培训，将被部署到太子港。目前帮派控制着首都的大部分地区，并封锁了通往北部和南部的主要道路。内政部长表示，部署因资金短缺而推迟，由联合国管理的信托基金仅收到承诺的6亿美元中的8500万美元。据联合国人权办公室统计，自1月以来，海地已有3600多人死于帮派暴力，约58万人逃离家园。";

    #[test]
    fn a_reprint_with_other_boilerplate_and_edits_is_the_same_story() {
        let a = fingerprint(WIRE, "en");
        let b = fingerprint(&reprint(), "en");
        let j = similarity(&a, &b);
        assert!(j >= 0.7, "similarity {j}");
        assert!(same_story(&a, &b));
        let groups = group(&[("wire", a), ("reprint", b)]);
        assert_eq!(groups, vec![vec!["wire", "reprint"]]);
    }

    #[test]
    fn two_stories_on_one_topic_are_different_groups() {
        let a = fingerprint(WIRE, "en");
        let b = fingerprint(OTHER, "en");
        let j = similarity(&a, &b);
        assert!(j < 0.1, "similarity {j}");
        assert!(!same_story(&a, &b));
        assert_eq!(group(&[(1, a), (2, b)]), vec![vec![1], vec![2]]);
    }

    #[test]
    fn a_lightly_edited_chinese_copy_is_the_same_story() {
        let edited = ZH
            .replace("周一", "本周一")
            .replace("约1000人", "大约1000人")
            .replace("1000", "１０００");
        let a = fingerprint(ZH, "zh");
        let b = fingerprint(&edited, "zh");
        let j = similarity(&a, &b);
        assert!(j >= 0.7, "similarity {j}");
        assert!(same_story(&a, &b));
        // Character shingles: the Chinese text has far more shingles than words.
        assert!(a.shingles() > 150, "{} shingles", a.shingles());
        // A different Chinese story on the same topic.
        let other = "海地过渡委员会周四致函肯尼亚总统鲁托，请求肯尼亚警察在九月之后继续留在海地。委员会表示，肯尼亚警察帮助重新开放了太子港机场和首都的几所学校，但帮派仍然控制着阿蒂博尼特省的大片地区。援助组织称，自三月以来首都的食品价格翻了一番。";
        let c = fingerprint(other, "zh");
        assert!(
            similarity(&a, &c) < 0.1,
            "similarity {}",
            similarity(&a, &c)
        );
        assert!(!same_story(&a, &c));
    }

    #[test]
    fn a_copy_cut_after_its_first_paragraphs_is_contained() {
        let cut: String = WIRE.lines().take(4).collect::<Vec<_>>().join("\n");
        let a = fingerprint(WIRE, "en");
        let b = fingerprint(&cut, "en");
        assert!(
            containment(&a, &b) >= CONTAINED,
            "containment {}",
            containment(&a, &b)
        );
        assert!(same_story(&a, &b));
        // One shared sentence is a quotation, not a copy.
        let quote = format!("{}\n{}", WIRE.lines().next().unwrap_or(""), OTHER);
        assert!(!same_story(&a, &fingerprint(&quote, "en")));
    }

    #[test]
    fn typography_does_not_break_words() {
        let a = fingerprint(
            "Kenya’s police: 2,500 officers and 3.5 million dollars",
            "en",
        );
        let b = fingerprint(
            "KENYA'S POLICE — 2,500 officers and 3.5 million dollars!",
            "en",
        );
        assert_eq!(similarity(&a, &b), 1.0);
    }

    #[test]
    fn empty_texts_match_nothing() {
        let e = fingerprint(" — , ", "en");
        assert!(e.is_empty());
        assert_eq!(similarity(&e, &e), 0.0);
        assert!(!same_story(&e, &e));
        let mut g = Grouper::new();
        assert_eq!(g.add("a", vec![e.clone()]), GroupId(0));
        assert_eq!(g.add("b", vec![e]), GroupId(1));
        assert_eq!(g.group_count(), 2);
    }

    #[test]
    fn a_translation_groups_with_the_copy_its_summary_repeats() {
        let translation = Document {
            name: "zh.md".into(),
            language: "zh".into(),
            body: ZH.into(),
            summary: Some(format!("**Summary of Article:**\n{WIRE}")),
            ..Document::default()
        };
        let mut g = Grouper::new();
        let other = g.add("other", vec![fingerprint(OTHER, "en")]);
        let wire = g.add("wire", vec![fingerprint(&reprint(), "en")]);
        let zh = g.add("zh", document_fingerprints(&translation));
        assert_eq!(zh, wire);
        assert_ne!(wire, other);
        // The Chinese copy groups with the translation by its body.
        let zh2 = g.add(
            "zh2",
            vec![fingerprint(&ZH.replace("周一", "本周一"), "zh")],
        );
        assert_eq!(zh2, wire);
        assert_eq!(
            g.groups(),
            vec![vec![&"other"], vec![&"wire", &"zh", &"zh2"]]
        );
        assert_eq!(g.group_count(), 2);
    }

    #[test]
    fn an_article_matching_two_groups_merges_them_under_the_older() {
        let lines: Vec<&str> = WIRE.lines().collect();
        let first = lines[..3].join("\n");
        let second = lines[3..].join("\n");
        let mut g = Grouper::new();
        let a = g.add("first half", vec![fingerprint(&first, "en")]);
        let b = g.add("second half", vec![fingerprint(&second, "en")]);
        assert_ne!(a, b);
        let whole = g.add(
            "whole",
            vec![fingerprint(&first, "en"), fingerprint(&second, "en")],
        );
        assert_eq!(whole, a);
        assert_eq!(g.current(b), a);
        assert_eq!(g.group_count(), 1);
    }

    #[test]
    fn fingerprints_are_stable() {
        // The hashes are specified algorithms with fixed keys and constants: a fingerprint
        // stored today must compare with one computed by a later build. A change here means
        // every stored fingerprint must be recomputed.
        let f = fingerprint("Kenya will send 600 more police officers to Haiti", "en");
        assert_eq!(f.shingles(), 6);
        assert_eq!(f.mins[..3], [778_304_306, 1_139_811_243, 89_354_010]);
        assert_eq!(
            f,
            fingerprint("KENYA will send 600 more police officers to Haiti!", "en")
        );
    }

    #[test]
    fn many_unrelated_articles_stay_apart_and_copies_find_each_other() {
        // 300 synthetic articles of 40 words drawn from a shared vocabulary, then an edited
        // copy of each tenth: the LSH finds every copy, and no two originals merge.
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let mut state = 7u64;
        let mut next = || {
            let (s, v) = splitmix(state);
            state = s;
            v
        };
        let mut texts = Vec::new();
        for _ in 0..300 {
            let t: Vec<&str> = (0..40)
                .map(|_| words[(next() % 400) as usize].as_str())
                .collect();
            texts.push(t.join(" "));
        }
        let mut g = Grouper::new();
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(
                g.add(format!("a{i}"), vec![fingerprint(t, "en")]),
                GroupId(i)
            );
        }
        for (i, t) in texts.iter().enumerate().step_by(10) {
            let edited = t.replacen(' ', " edited ", 1);
            assert_eq!(
                g.add(format!("copy{i}"), vec![fingerprint(&edited, "en")]),
                GroupId(i)
            );
        }
        assert_eq!(g.group_count(), 300);
    }
}
