//! Media benchmark: how fast `konbit_media::analyse` reads press articles on one core, whether
//! its memory stays flat as the corpus grows, and how that compares with the usual Python stack
//! doing comparable work on the same files in the same run. Prints tables; asserts nothing.
//!
//! 1. Generates a synthetic corpus of `KONBIT_BENCH_ARTICLES` articles (default 10,000; seed
//!    42) into a temporary directory: stories in English, French and Chinese built from
//!    sentence templates written here (figures, dates, places, actors recombined), each story
//!    printed by one to four outlets with a few words edited, as HTML pages (navigation,
//!    advertising, share buttons, JSON-LD, comments, related links), blog pages with rating
//!    widgets, plain-text wire copy, and Markdown with front matter (a Chinese translation
//!    with its English summary).
//! 2. Runs `analyse` over the first quarter and over all of the corpus, each in a child process
//!    (this executable re-executed with `KONBIT_BENCH_CHILD=analyse`, pinned to one CPU with
//!    `taskset` when it exists; the loop is single-threaded either way) so that its peak RSS
//!    (VmHWM) is its own: articles/s, MB/s, peak RSS.
//! 3. The baseline: `bench/media-baseline.py` on an evenly spaced sample of the same files
//!    (`KONBIT_BENCH_BASELINE_ARTICLES`, default 250; the Python stack reads six to ten
//!    articles a second), pinned to the same CPU: trafilatura's `extract` for the text of HTML
//!    pages, dateparser's `search_dates` for dates and quantulum3's parser for quantities.
//!    The packages are installed with pip into a temporary virtualenv (or the one named by
//!    `KONBIT_BENCH_VENV`, created if absent and reused). `analyse` runs on the same sample in
//!    a child too, and the ratio Konbit ÷ Python is of those two rates. If the baseline cannot
//!    be installed (checked before anything is measured) or run, the bench says so loudly and
//!    exits non-zero, never skipping it in silence.
//! 4. Grouping copies: every article read, fingerprinted (body and summary) and added to a
//!    `group::Grouper`, in a child: articles/s, peak RSS, and the groups found against the
//!    stories the generator planted (pairwise precision and recall).
//!
//! `cargo bench -p konbit-media --bench media`. `KONBIT_BENCH_CPU` chooses the CPU (default:
//! the last one).

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::expect_used)]

use std::{
    collections::HashMap,
    fmt::Write as _,
    path::{Path, PathBuf},
    process::{Command, ExitCode, Stdio},
    time::Instant,
};

use konbit_media::{analyse, document, group};

const SEED: u64 = 42;
const CHILD_VAR: &str = "KONBIT_BENCH_CHILD";
const MANIFEST: &str = "manifest.tsv";
const BASELINE_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/media-baseline.py");
/// The Python packages of the baseline. lxml_html_clean: trafilatura's justext needs it since
/// lxml split it out; `[classifier]`: quantulum3's unit disambiguation (scikit-learn).
const PIP_PACKAGES: &[&str] = &[
    "trafilatura>=2,<3",
    "dateparser>=1.2,<2",
    "quantulum3[classifier]>=0.9,<0.11",
    "lxml_html_clean",
];

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

/// The process's peak resident memory in KiB (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ------------------------------------------------------------------------------------------------
// A small deterministic generator (splitmix64): the corpus is the same on every run.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len() as u64) as usize]
    }
    /// A round figure of the size press figures have: 100–1,500 by fifties, and so on.
    fn figure(&mut self, lo: u64, hi: u64, step: u64) -> u64 {
        self.range(lo / step, hi / step) * step
    }
}

// ------------------------------------------------------------------------------------------------
// Story facts and their wording. Names of places, countries and organisations are public
// facts; every sentence is written for this bench.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
    Zh,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Zh => "zh",
        }
    }
}

/// Haitian places, in English/French and in Chinese.
const PLACES: &[(&str, &str)] = &[
    ("Port-au-Prince", "太子港"),
    ("Cap-Haïtien", "海地角"),
    ("Gonaïves", "戈纳伊夫"),
    ("Croix-des-Bouquets", "克鲁瓦-德布凯"),
    ("Cité Soleil", "太阳城"),
    ("Mirebalais", "米尔巴莱"),
    ("Pétion-Ville", "佩蒂翁维尔"),
    ("Carrefour", "卡尔富"),
    ("Léogâne", "莱奥甘"),
    ("Saint-Marc", "圣马克"),
    ("Jacmel", "雅克梅勒"),
    ("Hinche", "安什"),
    ("Les Cayes", "莱凯"),
    ("Arcahaie", "阿尔卡艾"),
    ("Cabaret", "卡巴雷"),
];
/// Contributing countries: English, French, Chinese.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Kenya", "le Kenya", "肯尼亚"),
    ("Jamaica", "la Jamaïque", "牙买加"),
    ("the Bahamas", "les Bahamas", "巴哈马"),
    ("Belize", "le Belize", "伯利兹"),
    ("Chad", "le Tchad", "乍得"),
    ("Bangladesh", "le Bangladesh", "孟加拉国"),
    ("Guatemala", "le Guatemala", "危地马拉"),
    ("El Salvador", "le Salvador", "萨尔瓦多"),
    ("Benin", "le Bénin", "贝宁"),
    ("Barbados", "la Barbade", "巴巴多斯"),
];
const ORGS: &[(&str, &str, &str)] = &[
    (
        "the UN humanitarian office",
        "le bureau humanitaire de l'ONU",
        "联合国人道主义事务协调厅",
    ),
    (
        "the International Organization for Migration",
        "l'Organisation internationale pour les migrations",
        "国际移民组织",
    ),
    ("UNICEF", "l'UNICEF", "联合国儿童基金会"),
    (
        "the World Food Programme",
        "le Programme alimentaire mondial",
        "世界粮食计划署",
    ),
    (
        "the UN human rights office",
        "le Haut-Commissariat aux droits de l'homme",
        "联合国人权办公室",
    ),
    (
        "Doctors Without Borders",
        "Médecins sans frontières",
        "无国界医生组织",
    ),
    (
        "the national police",
        "la Police nationale d'Haïti",
        "海地国家警察",
    ),
];
const GANGS: &[&str] = &[
    "Viv Ansam",
    "400 Mawozo",
    "Gran Grif",
    "Village de Dieu",
    "Base Pilate",
    "Kraze Baryè",
    "Ti Makak",
];
const FIRST: &[&str] = &[
    "Samuel", "Grace", "Jean", "Marie", "Peter", "Esther", "Daniel", "Rose", "Joseph", "Ann",
    "Patrick", "Nadia",
];
const LAST: &[&str] = &[
    "Otieno", "Kamau", "Pierre", "Joseph", "Mwangi", "Baptiste", "Wanjiru", "Charles", "Étienne",
    "Njoroge", "Louis", "Achieng",
];
const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const DAYS_EN: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DAYS_FR: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const DAYS_ZH: &[&str] = &["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

#[derive(Clone, Copy)]
struct Day {
    y: i32,
    m: u32,
    d: u32,
}

impl Day {
    fn date(self) -> time::Date {
        let month = time::Month::try_from(self.m as u8).unwrap_or(time::Month::January);
        time::Date::from_calendar_date(self.y, month, self.d as u8).unwrap_or(time::Date::MIN)
    }
    fn from(date: time::Date) -> Day {
        Day {
            y: date.year(),
            m: u32::from(u8::from(date.month())),
            d: u32::from(date.day()),
        }
    }
    fn minus(self, days: i64) -> Day {
        Day::from(self.date() - time::Duration::days(days))
    }
    fn weekday(self) -> usize {
        usize::from(self.date().weekday().number_days_from_monday())
    }
    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
    fn en(self) -> String {
        format!("{} {}, {}", MONTHS_EN[self.m as usize - 1], self.d, self.y)
    }
    fn fr(self) -> String {
        let d = if self.d == 1 {
            "1er".to_string()
        } else {
            self.d.to_string()
        };
        format!("{d} {} {}", MONTHS_FR[self.m as usize - 1], self.y)
    }
    fn zh(self) -> String {
        format!("{}年{}月{}日", self.y, self.m, self.d)
    }
}

/// The facts of one story; every printing of it words them the same way (a wire story) or
/// translates them.
struct Story {
    id: usize,
    lang: Lang,
    published: Day,
    /// The day of the event, a few days before publication (named by weekday).
    event: Day,
    /// An earlier date the story refers to (a resolution, a first deployment).
    earlier: Day,
    place: usize,
    place2: usize,
    country: usize,
    org: usize,
    gang: &'static str,
    person: (&'static str, &'static str),
    officers: u64,
    total: u64,
    displaced: u64,
    killed: u64,
    injured: u64,
    money: u64,
    pledged: u64,
    schools: u64,
    hunger: u64,
    /// Which sentences the story has, in order.
    sentences: Vec<usize>,
    paragraphs: Vec<usize>,
}

const SENTENCE_KINDS: usize = 20;

fn story(id: usize, rng: &mut Rng) -> Story {
    let lang = match rng.below(100) {
        0..55 => Lang::En,
        55..80 => Lang::Fr,
        _ => Lang::Zh,
    };
    let published = Day {
        y: rng.range(2023, 2025) as i32,
        m: rng.range(1, 12) as u32,
        d: rng.range(1, 28) as u32,
    };
    let event = published.minus(rng.range(1, 6) as i64);
    let earlier = published.minus(rng.range(40, 700) as i64);
    let mut kinds: Vec<usize> = (1..SENTENCE_KINDS).collect();
    // The lead sentence first, then a random selection of the others in random order.
    for i in (1..kinds.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        kinds.swap(i, j);
    }
    kinds.truncate(rng.range(7, 13) as usize);
    let mut sentences = vec![0];
    sentences.extend(kinds);
    let mut paragraphs = Vec::new();
    let mut left = sentences.len();
    while left > 0 {
        let n = (rng.range(1, 3) as usize).min(left);
        paragraphs.push(n);
        left -= n;
    }
    Story {
        id,
        lang,
        published,
        event,
        earlier,
        place: rng.below(PLACES.len() as u64) as usize,
        place2: rng.below(PLACES.len() as u64) as usize,
        country: rng.below(COUNTRIES.len() as u64) as usize,
        org: rng.below(ORGS.len() as u64) as usize,
        gang: rng.pick(GANGS),
        person: (rng.pick(FIRST), rng.pick(LAST)),
        officers: rng.figure(100, 1500, 50),
        total: rng.figure(1000, 3000, 100),
        displaced: rng.figure(10_000, 900_000, 1000),
        killed: rng.range(3, 6000),
        injured: rng.range(2, 900),
        money: rng.figure(10, 600, 5),
        pledged: rng.figure(100, 900, 50),
        schools: rng.range(3, 400),
        hunger: rng.range(2, 6),
        sentences,
        paragraphs,
    }
}

fn en_num(n: u64) -> String {
    thousands(n)
}

fn fr_num(n: u64, rng: &mut Rng) -> String {
    // French groups thousands with a (narrow) no-break space, or a plain one in careless copy.
    let sep = rng.pick(&["\u{202f}", "\u{a0}", " "]);
    thousands(n).replace(',', sep)
}

fn zh_num(n: u64) -> String {
    if n >= 10_000 && n.is_multiple_of(10_000) {
        format!("{}万", n / 10_000)
    } else {
        n.to_string()
    }
}

/// Sentence `kind` of story `s` in its language. Phrases written `[[a|b|c]]` are chosen per
/// story by `rng` (seeded by the story, so every outlet prints the same wire text): without
/// that, unrelated stories built from one template would share whole sentences, which real
/// articles on one topic do not, and the grouping figures would measure the templates.
fn sentence(s: &Story, kind: usize, lang: Lang, rng: &mut Rng) -> String {
    let (place, place_zh) = PLACES[s.place];
    let (place2, place2_zh) = PLACES[s.place2];
    let (c_en, c_fr, c_zh) = COUNTRIES[s.country];
    let (o_en, o_fr, o_zh) = ORGS[s.org];
    let (first, last) = s.person;
    let wd = s.event.weekday();
    let text = match lang {
        Lang::En => {
            let said = "[[said|announced|confirmed|told reporters|stated]]";
            let month = MONTHS_EN[s.earlier.m as usize - 1];
            match kind {
                0 => format!("{c_en} {said} on {} that it would [[deploy|send|dispatch]] {} [[additional|more|extra]] police officers to Haiti, [[reinforcing|strengthening|bolstering]] the Multinational Security Support mission in {place}.", DAYS_EN[wd], en_num(s.officers)),
                1 => format!("The mission, [[approved|authorised|backed]] by the UN Security Council on {}, [[was expected to|was meant to|should]] [[bring|gather|include]] [[about|some|roughly]] {} [[personnel|police and soldiers|officers]] from [[Caribbean and African countries|the Caribbean and Africa|a dozen countries]].", s.earlier.en(), en_num(s.total)),
                2 => format!("[[According to|Figures from|Data published by]] {o_en} [[show that|indicate that|suggest that]] more than {} people have [[been displaced|fled their homes|been forced from their homes]] [[by the violence|because of gang attacks|in the fighting]] since {month} {}.", en_num(s.displaced), s.earlier.y),
                3 => format!("At least {} people were [[killed|shot dead|killed by gunfire]] and {} [[injured|wounded|hurt]] in {place2} between {} and {}, {o_en} {said}.", en_num(s.killed), en_num(s.injured), s.earlier.en(), s.event.en()),
                4 => format!("{first} {last}, a [[spokesperson|spokeswoman|spokesman|representative]] for {o_en}, [[said|noted|explained]] that {} million dollars of the {} million [[pledged|promised|committed]] [[had been received|had arrived|had been paid]] [[so far|to date|by now]].", s.money, s.pledged),
                5 => format!("The {} gang [[has blocked|controls|has closed]] [[the roads|the main routes|every road]] [[leading out of|around|into]] {place}, [[cutting off|halting|choking]] [[supplies of fuel and food|deliveries of fuel and food|fuel and food supplies]] to {place2}.", s.gang),
                6 => format!("[[Residents of|People living in|Families in]] {place2} [[described|recounted|spoke of]] [[nights of gunfire|constant shooting|days of fighting]] and said that {} schools had [[closed|shut|stopped classes]] [[in the area|nearby|in the district]].", en_num(s.schools)),
                7 => "[[Analysts|Experts|Observers]] [[warned|noted|cautioned|recalled]] that [[earlier|previous|past]] [[foreign interventions|international missions|outside forces]] in Haiti had [[failed to stop|not prevented|been unable to prevent]] [[the return of armed groups|armed groups from returning|gangs from coming back]] [[once troops left|after the soldiers went home|when the missions ended]].".to_string(),
                8 => format!("On {}, officers [[recaptured|retook|regained control of]] a police station in {place} that the {} gang had [[held|occupied|controlled]] for [[weeks|several weeks|more than a month]].", DAYS_EN[wd], s.gang),
                9 => format!("[[Some|About|Nearly]] {} million Haitians [[face|suffer from|live with]] acute hunger, the World Food Programme [[estimated|said|reported]] in {month} {}.", s.hunger, s.earlier.y),
                10 => format!("{c_en}'s [[parliament|lawmakers|cabinet]] [[approved|endorsed|voted for]] the deployment of {} officers on {}, [[after|following]] a court [[challenge|case|ruling]] [[delayed|held up|stalled]] the plan.", en_num(s.officers), s.earlier.en()),
                11 => format!("Diplomats [[in New York|at the United Nations|at UN headquarters]] said a draft resolution to [[renew|extend|prolong]] the mandate would be [[circulated|shared|put to a vote]] before the end of {}.", MONTHS_EN[s.published.m as usize - 1]),
                12 => format!("Hospitals in {place2} [[reported|warned of|are facing]] shortages of [[blood and medicine|medicine and fuel|blood, fuel and drugs]], and {o_en} said [[its teams|its staff|its clinics]] had treated {} patients with gunshot wounds this year.", en_num(s.injured * 3)),
                13 => "The [[transitional council|presidential council|interim government]] [[welcomed|praised|hailed]] the arrival of the officers and [[called on|urged|asked]] other countries to [[send|provide|supply]] [[equipment|armoured vehicles and helicopters|boats, drones and vehicles]].".to_string(),
                14 => format!("Since {}, the contingent from {c_en} has [[grown|risen|increased]] to {} officers, [[short of|below|well under]] the {} [[originally promised|first announced|pledged at the outset]].", s.earlier.en(), en_num(s.officers * 2), en_num(s.total)),
                15 => "[[Human rights groups|Rights advocates|Civil society groups]] [[asked|demanded|urged]] that the mission [[publish|make public|disclose]] its rules on [[the use of force and on detention|detention and the use of force|arrests and the use of weapons]], citing [[past abuses|earlier scandals|previous abuses]] by foreign forces.".to_string(),
                16 => format!("[[Fuel prices|The price of rice|Transport fares]] in {place} [[have doubled|have tripled|rose sharply]] since {month} {}, [[traders|shopkeepers|residents]] said.", s.earlier.y),
                17 => format!("{first} {last}, [[who runs|who heads|the director of]] a shelter in {place2}, said {} families [[were sleeping|had found refuge|were living]] in [[a school|a church|a stadium]] [[there|nearby|in the city]].", en_num(s.schools * 10)),
                18 => format!("The [[airport|port|main hospital]] in {place} [[reopened|resumed operations|was reopened]] on {} [[after being closed|after a closure|having been shut]] [[for weeks|since the attacks|during the fighting]].", DAYS_EN[wd]),
                _ => format!("[[Police|Officers|Patrols]] [[seized|recovered|confiscated]] {} weapons [[and ammunition|and thousands of rounds|and several vehicles]] during [[raids|operations|searches]] in {place2}, the [[national police|police spokesperson|interior ministry]] said.", s.injured / 3 + 2),
            }
        }
        Lang::Fr => {
            let said = "[[a annoncé|a indiqué|a confirmé|a déclaré]]";
            let month = MONTHS_FR[s.earlier.m as usize - 1];
            match kind {
                0 => format!("{} {said} {} [[le déploiement de|l'envoi de]] {} policiers [[supplémentaires|de plus]] en Haïti, [[en renfort de|pour renforcer|afin d'appuyer]] la Mission multinationale d'appui à la sécurité à {place}.", capitalise(c_fr), DAYS_FR[wd], fr_num(s.officers, rng)),
                1 => format!("La mission, [[approuvée|autorisée|validée]] par le Conseil de sécurité de l'ONU le {}, [[devait réunir|devait compter|prévoyait]] [[environ|quelque|près de]] {} [[agents|policiers et militaires|hommes]] venus [[des Caraïbes et d'Afrique|de pays caribéens et africains|d'une dizaine de pays]].", s.earlier.fr(), fr_num(s.total, rng)),
                2 => format!("[[Selon|D'après|Aux dires de]] {o_fr}, plus de {} personnes [[ont été déplacées|ont fui leur domicile|ont dû quitter leur foyer]] [[par les violences|à cause des gangs|en raison des combats]] depuis {month} {}.", fr_num(s.displaced, rng), s.earlier.y),
                3 => format!("Au moins {} personnes ont été [[tuées|abattues|tuées par balle]] et {} [[blessées|atteintes|touchées]] à {place2} entre le {} et le {}, {said} {o_fr}.", fr_num(s.killed, rng), fr_num(s.injured, rng), s.earlier.fr(), s.event.fr()),
                4 => format!("{first} {last}, [[porte-parole|représentant|responsable]] de {o_fr}, a [[précisé|indiqué|expliqué]] que {} millions de dollars sur les {} millions [[promis|annoncés|engagés]] avaient été [[versés|reçus|débloqués]].", s.money, s.pledged),
                5 => format!("Le gang {} [[bloque|contrôle|a fermé]] [[les routes|les axes|toutes les routes]] qui [[sortent de|mènent à|entourent]] {place}, [[privant|coupant]] {place2} de [[carburant et de nourriture|vivres et de carburant|ravitaillement]].", s.gang),
                6 => format!("Des [[habitants|familles|riverains]] de {place2} [[décrivent|racontent|évoquent]] des [[nuits de fusillades|tirs incessants|jours de combats]] et [[affirment|disent|assurent]] que {} écoles ont [[fermé|dû fermer|cessé les cours]].", fr_num(s.schools, rng)),
                7 => "Des [[analystes|experts|observateurs]] [[rappellent|soulignent|notent]] que les [[interventions étrangères|missions internationales|forces extérieures]] [[passées|précédentes|d'hier]] n'avaient pas [[empêché|évité|stoppé]] [[le retour des groupes armés|la résurgence des gangs|le retour des bandes armées]].".to_string(),
                8 => format!("{}, les policiers ont [[repris|reconquis|récupéré]] un commissariat de {place} que le gang {} [[occupait|tenait|contrôlait]] depuis [[des semaines|plusieurs semaines|plus d'un mois]].", capitalise(DAYS_FR[wd]), s.gang),
                9 => format!("[[Quelque|Environ|Près de]] {} millions d'Haïtiens [[souffrent de|font face à|subissent]] la faim aiguë, selon [[une estimation|un rapport|des chiffres]] du Programme alimentaire mondial [[publiée|publié|publiés]] en {month} {}.", s.hunger, s.earlier.y),
                10 => format!("Le [[Parlement|gouvernement|Conseil des ministres]] a [[approuvé|validé|autorisé]] l'envoi de {} policiers le {}, après un [[recours en justice|procès|arrêt de la Haute Cour]] qui avait [[retardé|bloqué|suspendu]] le projet.", fr_num(s.officers, rng), s.earlier.fr()),
                11 => format!("Selon des diplomates [[à New York|aux Nations unies|au siège de l'ONU]], un projet de résolution [[prolongeant|renouvelant|étendant]] le mandat doit [[circuler|être soumis au vote|être présenté]] avant la fin du mois de {}.", MONTHS_FR[s.published.m as usize - 1]),
                12 => format!("Les hôpitaux de {place2} [[manquent de|sont à court de|signalent une pénurie de]] [[sang et de médicaments|médicaments et de carburant|sang et de carburant]], et {o_fr} dit avoir [[soigné|pris en charge|traité]] {} blessés par balle cette année.", fr_num(s.injured * 3, rng)),
                13 => "Le Conseil présidentiel de transition a [[salué|accueilli favorablement|applaudi]] l'arrivée des policiers et [[appelé|invité|exhorté]] d'autres pays à [[fournir|envoyer|livrer]] [[des véhicules blindés|des hélicoptères et des blindés|du matériel]].".to_string(),
                14 => format!("Depuis le {}, le contingent est [[passé|monté]] à {} policiers, [[loin des|en deçà des|bien en dessous des]] {} [[promis au départ|annoncés initialement|prévus]].", s.earlier.fr(), fr_num(s.officers * 2, rng), fr_num(s.total, rng)),
                15 => "Des [[organisations de défense des droits humains|associations|défenseurs des droits]] [[demandent|exigent|réclament]] que la mission [[publie|rende publiques|divulgue]] ses règles sur [[l'usage de la force et la détention|la détention et l'usage de la force|les arrestations et l'usage des armes]].".to_string(),
                16 => format!("Le prix [[du carburant|du riz|des transports]] à {place} a [[doublé|triplé|fortement augmenté]] depuis {month} {}, selon des [[commerçants|marchands|habitants]].", s.earlier.y),
                17 => format!("{first} {last}, [[qui dirige un|responsable d'un]] abri à {place2}, [[affirme|explique|raconte]] que {} familles [[dorment|ont trouvé refuge|vivent]] dans [[une école|une église|un stade]] [[du quartier|de la ville|voisin]].", fr_num(s.schools * 10, rng)),
                18 => format!("[[L'aéroport|Le port|L'hôpital principal]] de {place} a [[rouvert|repris ses activités]] {} [[après des semaines de fermeture|après les attaques|après les combats]].", DAYS_FR[wd]),
                _ => format!("La police a [[saisi|récupéré|confisqué]] {} armes [[et des munitions|et des milliers de cartouches|et plusieurs véhicules]] lors [[d'opérations|de perquisitions|de raids]] à {place2}, a [[indiqué|annoncé|précisé]] [[la Police nationale|le porte-parole de la police|le ministère de l'Intérieur]].", s.injured / 3 + 2),
            }
        }
        Lang::Zh => match kind {
            0 => format!("{c_zh}[[于|在]]{}[[宣布|表示|证实]]，将向海地[[增派|再派|派遣]]{}名[[警察|警员]]，以[[加强|增援|支持]]在{place_zh}的多国安全支持特派团。", DAYS_ZH[wd], zh_num(s.officers)),
            1 => format!("该特派团于{}[[获得|经]]联合国安理会[[授权|批准]]，[[预计将|计划|原定]]从[[加勒比和非洲国家|加勒比地区和非洲|十多个国家]][[调集|召集|派出]]约{}名[[人员|警察和士兵|警员]]。", s.earlier.zh(), zh_num(s.total)),
            2 => format!("[[据|根据]]{o_zh}[[统计|数据|估计]]，自{}年{}月以来，已有[[超过|逾|多达]]{}人[[因暴力|因帮派袭击|因战斗]][[流离失所|被迫离开家园|逃离家园]]。", s.earlier.y, s.earlier.m, zh_num(s.displaced)),
            3 => format!("{o_zh}[[表示|称|指出]]，{}至{}[[期间|之间]]，{place2_zh}至少有{}人[[死亡|遇难|丧生]]、{}人[[受伤|负伤]]。", s.earlier.zh(), s.event.zh(), s.killed, s.injured),
            4 => format!("{o_zh}[[发言人|代表|负责人]]{first}·{last}[[表示|称|说]]，在[[承诺|认捐|许诺]]的{}亿美元中，[[目前|迄今|到目前为止]]仅[[收到|到位|拨付]]{}万美元。", s.pledged / 100, s.money * 100),
            5 => format!("{}帮派[[封锁了|控制着|切断了]][[通往|进出|环绕]]{place_zh}的[[道路|主要道路|交通要道]]，[[切断了|中断了|阻断了]]{place2_zh}[[地区|一带]]的[[燃料和粮食供应|粮食和燃料补给|物资供应]]。", s.gang),
            6 => format!("{place2_zh}[[居民|民众|一些家庭]][[说|表示|讲述]]，[[夜里枪声不断|枪声日夜不停|连日来交火不断]]，当地已有{}所学校[[关闭|停课|被迫关门]]。", s.schools),
            7 => "[[分析人士|专家|观察人士]][[警告说|指出|提醒]]，[[以往的|过去的|此前的]][[外国干预|国际特派团|外部力量]][[未能阻止|没有阻止|无法阻止]]武装团伙在[[部队撤离后|任务结束后|外国部队离开后]][[卷土重来|重新崛起|再度活跃]]。".to_string(),
            8 => format!("{}，警察[[夺回了|收复了|重新控制了]]{place_zh}一处被{}帮派[[占据|控制|盘踞]][[数周|几个星期|一个多月]]的警察局。", DAYS_ZH[wd], s.gang),
            9 => format!("世界粮食计划署{}年{}月[[估计|表示|报告]]，[[约有|大约|将近]]{}00万海地人[[面临|遭受|处于]]严重饥饿。", s.earlier.y, s.earlier.m, s.hunger),
            10 => format!("{c_zh}[[议会|内阁|国会]]于{}[[批准|通过|同意]]部署{}名警察，此前一项[[法律诉讼|法院裁决|司法挑战]]曾使[[计划|部署]][[推迟|搁置|延误]]。", s.earlier.zh(), zh_num(s.officers)),
            11 => format!("[[纽约的外交官|联合国外交人士|安理会外交官]][[表示|透露|称]]，[[延长|续延|更新]]授权的决议草案将在{}月底前[[分发|提交|付诸表决]]。", s.published.m),
            12 => format!("{place2_zh}的医院[[血液和药品|药品和燃料|血液和燃料]][[短缺|告急|严重不足]]，{o_zh}[[称|表示|说]]今年已[[救治|收治|治疗]]{}名枪伤患者。", s.injured * 3),
            13 => "[[过渡总统委员会|过渡委员会|临时政府]][[对警察的到来表示欢迎|欢迎警察抵达|赞扬警察的到来]]，并[[呼吁|敦促|请求]]其他国家[[提供|援助|捐助]][[装甲车和直升机等装备|装甲车和直升机|船只和无人机等设备]]。".to_string(),
            14 => format!("自{}以来，{c_zh}特遣队已[[增至|扩大到|达到]]{}人，但仍[[未达到|低于|远低于]][[最初承诺的|原先计划的|起初宣布的]]{}人。", s.earlier.zh(), s.officers * 2, s.total),
            15 => "[[人权组织|民间团体|人权倡导者]][[要求|呼吁|敦促]]特派团[[公布|公开|披露]]其关于[[使用武力和拘留|拘留和使用武力|逮捕和使用武器]]的规则。".to_string(),
            16 => format!("[[商贩|居民|店主]][[说|表示|称]]，自{}年{}月以来，{place_zh}的[[燃料价格|大米价格|交通费用]][[翻了一番|涨了两倍|大幅上涨]]。", s.earlier.y, s.earlier.m),
            17 => format!("{place2_zh}一处[[避难所|收容所|安置点]]的[[负责人|主管|管理者]]{first}·{last}[[说|表示|称]]，有{}个家庭[[住在|挤在|暂住在]][[一所学校|一座教堂|一个体育场]]里。", s.schools * 10),
            18 => format!("{place_zh}的[[机场|港口|主要医院]]在[[关闭数周后|遭袭击后|战斗平息后]]于{}[[重新开放|恢复运营|重新启用]]。", DAYS_ZH[wd]),
            _ => format!("[[警方|警察|巡逻队]]在{place2_zh}的[[突袭|行动|搜查]]中[[缴获|查获|收缴]]{}件武器[[和弹药|和数千发子弹|和多辆汽车]]，[[国家警察|警方发言人|内政部]][[表示|称|说]]。", s.injured / 3 + 2),
        },
    };
    vary(&text, rng)
}

/// Resolves each `[[a|b|c]]` in `text` to one of its alternatives.
fn vary(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("]]") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let choices: Vec<&str> = after[..close].split('|').collect();
        out.push_str(choices[rng.below(choices.len() as u64) as usize]);
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The story's paragraphs in `lang`. The word choices are drawn from a generator seeded by the
/// story, so every outlet prints the same wire text.
fn paragraphs(s: &Story, lang: Lang) -> Vec<String> {
    let mut rng = Rng(SEED ^ (s.id as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ lang as u64);
    let mut out = Vec::new();
    let mut k = 0;
    for n in &s.paragraphs {
        let sep = if lang == Lang::Zh { "" } else { " " };
        let p: Vec<String> = s.sentences[k..k + n]
            .iter()
            .map(|kind| sentence(s, *kind, lang, &mut rng))
            .collect();
        out.push(p.join(sep));
        k += n;
    }
    out
}

fn headline(s: &Story, lang: Lang) -> String {
    let (place, place_zh) = PLACES[s.place];
    let (c_en, c_fr, c_zh) = COUNTRIES[s.country];
    match lang {
        Lang::En => format!(
            "{c_en} to send {} more officers to Haiti as violence grips {place}",
            en_num(s.officers)
        ),
        Lang::Fr => format!(
            "Haïti : {} va envoyer {} policiers de plus à {place}",
            c_fr,
            thousands(s.officers).replace(',', "\u{a0}")
        ),
        Lang::Zh => format!("{c_zh}将向海地增派{}名警察 {place_zh}暴力持续", s.officers),
    }
}

/// The small edits one outlet makes to wire copy.
fn edit(text: &str, lang: Lang, rng: &mut Rng) -> String {
    let swaps: &[(&str, &str)] = match lang {
        Lang::En => &[
            ("said", "stated"),
            ("about", "around"),
            ("more than", "over"),
            ("At least", "No fewer than"),
            ("reported", "said there were"),
        ],
        Lang::Fr => &[
            ("environ", "près de"),
            ("plus de", "au moins"),
            ("a annoncé", "a fait savoir"),
            ("Selon", "D'après"),
            ("affirment", "assurent"),
        ],
        Lang::Zh => &[
            ("表示", "称"),
            ("调集约", "调集大约"),
            ("超过", "逾"),
            ("宣布", "对外宣布"),
            ("目前", "迄今"),
        ],
    };
    let mut out = text.to_string();
    for _ in 0..rng.range(1, 3) {
        let (from, to) = swaps[rng.below(swaps.len() as u64) as usize];
        out = out.replacen(from, to, 1);
    }
    out
}

// ------------------------------------------------------------------------------------------------
// Page shapes, modelled on what press pages carry around an article.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    NewsHtml,
    BlogHtml,
    WireText,
    PlainText,
    Markdown,
}

impl Shape {
    fn ext(self) -> &'static str {
        match self {
            Shape::NewsHtml | Shape::BlogHtml => "html",
            Shape::WireText | Shape::PlainText => "txt",
            Shape::Markdown => "md",
        }
    }
    fn name(self) -> &'static str {
        match self {
            Shape::NewsHtml => "news HTML",
            Shape::BlogHtml => "blog HTML",
            Shape::WireText => "wire text",
            Shape::PlainText => "plain text",
            Shape::Markdown => "Markdown",
        }
    }
}

const OUTLETS: &[&str] = &[
    "Caribbean Herald",
    "Nairobi Daily",
    "Le Courrier d'Haïti",
    "Island Wire",
    "East Africa Post",
    "Gazette des Antilles",
    "环球时讯",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

struct Ui {
    home: &'static str,
    sections: &'static [&'static str],
    ad: &'static str,
    share: &'static [&'static str],
    read_also: &'static str,
    comments: &'static str,
    reply: &'static str,
    related: &'static str,
    rights: &'static str,
    comment_texts: &'static [&'static str],
}

fn ui(lang: Lang) -> Ui {
    match lang {
        Lang::En => Ui {
            home: "Home",
            sections: &[
                "World",
                "Africa",
                "Caribbean",
                "Politics",
                "Business",
                "Opinion",
                "Sport",
            ],
            ad: "Advertisement",
            share: &[
                "Share on Facebook",
                "Share on X",
                "WhatsApp",
                "Email",
                "Copy link",
            ],
            read_also: "Read also",
            comments: "comments",
            reply: "Leave a Reply",
            related: "Related stories",
            rights: "All rights reserved.",
            comment_texts: &[
                "This mission should have started years ago.",
                "Who is paying for all of this?",
                "Praying for the people of Haiti.",
                "Another foreign intervention that will fail.",
                "Great reporting, thank you.",
            ],
        },
        Lang::Fr => Ui {
            home: "Accueil",
            sections: &[
                "Monde",
                "Afrique",
                "Caraïbes",
                "Politique",
                "Économie",
                "Opinions",
                "Sports",
            ],
            ad: "Publicité",
            share: &[
                "Partager sur Facebook",
                "Partager sur X",
                "WhatsApp",
                "Courriel",
                "Copier le lien",
            ],
            read_also: "Lire aussi",
            comments: "commentaires",
            reply: "Laisser un commentaire",
            related: "À lire également",
            rights: "Tous droits réservés.",
            comment_texts: &[
                "Il était temps.",
                "Qui paie pour tout cela ?",
                "Courage au peuple haïtien.",
                "Encore une intervention étrangère.",
                "Merci pour cet article.",
            ],
        },
        Lang::Zh => Ui {
            home: "首页",
            sections: &["国际", "非洲", "美洲", "政治", "财经", "评论", "体育"],
            ad: "广告",
            share: &["分享到微信", "分享到微博", "复制链接"],
            read_also: "相关阅读",
            comments: "条评论",
            reply: "发表评论",
            related: "推荐阅读",
            rights: "版权所有",
            comment_texts: &["希望海地早日恢复和平。", "这次任务能成功吗？", "感谢报道。"],
        },
    }
}

struct Article {
    title: String,
    paragraphs: Vec<String>,
    lang: Lang,
    published: Day,
    outlet: &'static str,
    author: String,
    /// The English summary printed under a translation.
    summary: Option<Vec<String>>,
}

fn news_html(a: &Article, rng: &mut Rng, others: &[String]) -> String {
    let u = ui(a.lang);
    let mut h = String::with_capacity(16 << 10);
    let iso = format!(
        "{}T{:02}:{:02}:00Z",
        a.published.iso(),
        rng.range(5, 22),
        rng.range(0, 59)
    );
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t} | {o}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta property=\"og:title\" content=\"{t}\">\n<meta property=\"og:site_name\" content=\"{o}\">\n<meta property=\"article:published_time\" content=\"{iso}\">\n<link rel=\"stylesheet\" href=\"/static/css/site.{v}.css\">\n<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());gtag('config','G-{v}');</script>\n<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{jt},\"datePublished\":\"{iso}\",\"dateModified\":\"{iso}\",\"inLanguage\":\"{lang}\",\"author\":{{\"@type\":\"Person\",\"name\":{ja}}},\"publisher\":{{\"@type\":\"Organization\",\"name\":{jo}}}}}</script>\n</head>\n<body class=\"article-page\">\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">{o}</a>\n<nav class=\"main-nav\"><ul><li><a href=\"/\">{home}</a></li>",
        lang = a.lang.code(),
        t = esc(&a.title),
        o = esc(a.outlet),
        v = rng.range(1000, 9999),
        jt = json_str(&a.title),
        ja = json_str(&a.author),
        jo = json_str(a.outlet),
        home = u.home,
    );
    for s in u.sections {
        let _ = write!(h, "<li><a href=\"/{}\">{s}</a></li>", s.to_lowercase());
    }
    let _ = write!(
        h,
        "</ul></nav>\n<form class=\"search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form></header>\n<div class=\"ad-slot ad-leaderboard\" id=\"ad-top\"><span class=\"ad-label\">{ad}</span><iframe src=\"https://ads.example.net/slot?id={v}\" width=\"728\" height=\"90\"></iframe></div>\n<main>\n<article class=\"story\">\n<h1 class=\"headline\">{t}</h1>\n<div class=\"byline\">{by} <a rel=\"author\" href=\"/authors/{v}\">{a}</a> · <time datetime=\"{iso}\">{d}</time></div>\n<div class=\"share-bar\">",
        ad = u.ad,
        t = esc(&a.title),
        by = match a.lang {
            Lang::En => "By",
            Lang::Fr => "Par",
            Lang::Zh => "作者",
        },
        a = esc(&a.author),
        d = match a.lang {
            Lang::En => a.published.en(),
            Lang::Fr => a.published.fr(),
            Lang::Zh => a.published.zh(),
        },
        v = rng.range(10, 999),
    );
    for s in u.share {
        let _ = write!(h, "<a class=\"share\" href=\"#\">{s}</a> ");
    }
    h.push_str("</div>\n<div class=\"story-body\">\n");
    for (i, p) in a.paragraphs.iter().enumerate() {
        let _ = writeln!(h, "<p>{}</p>", esc(p));
        if i == 1 {
            let _ = writeln!(
                h,
                "<div class=\"ad-slot ad-inline\"><span class=\"ad-label\">{}</span><div id=\"div-gpt-ad-{}\"></div></div>",
                u.ad,
                rng.range(100_000, 999_999)
            );
        }
        if i == 2
            && let Some(other) = others.first()
        {
            let _ = writeln!(
                h,
                "<aside class=\"read-also\"><strong>{}:</strong> <a href=\"/story/{}\">{}</a></aside>",
                u.read_also,
                rng.range(1000, 99_999),
                esc(other)
            );
        }
    }
    h.push_str("</div>\n<div class=\"share-bar share-bottom\">");
    for s in u.share {
        let _ = write!(h, "<a class=\"share\" href=\"#\">{s}</a> ");
    }
    let n_comments = rng.range(0, 4) as usize;
    let _ = write!(
        h,
        "</div>\n</article>\n<section id=\"comments\" class=\"comments\"><h3>{n_comments} {}</h3>\n",
        u.comments
    );
    for _ in 0..n_comments {
        let _ = writeln!(
            h,
            "<div class=\"comment\"><span class=\"comment-author\">{} {}</span><p>{}</p><a class=\"reply\" href=\"#\">Reply</a></div>",
            rng.pick(FIRST),
            rng.pick(LAST).chars().next().unwrap_or('X'),
            rng.pick(u.comment_texts)
        );
    }
    let _ = write!(
        h,
        "<form class=\"comment-form\"><h4>{}</h4><textarea name=\"comment\"></textarea><button>Post</button></form></section>\n</main>\n<aside class=\"related\"><h4>{}</h4><ul>",
        u.reply, u.related
    );
    for o in others {
        let _ = write!(
            h,
            "<li><a href=\"/story/{}\">{}</a></li>",
            rng.range(1000, 99_999),
            esc(o)
        );
    }
    let _ = write!(
        h,
        "</ul></aside>\n<div class=\"ad-slot ad-sidebar\"><span class=\"ad-label\">{}</span></div>\n<footer class=\"site-footer\"><p>© {} {}. {}</p><a href=\"/privacy\">Privacy</a> <a href=\"/cookies\">Cookies</a> <a href=\"/contact\">Contact</a></footer>\n<script src=\"/static/js/app.{}.js\" defer></script>\n</body>\n</html>\n",
        u.ad,
        a.published.y,
        esc(a.outlet),
        u.rights,
        rng.range(1000, 9999)
    );
    h
}

fn blog_html(a: &Article, rng: &mut Rng) -> String {
    let u = ui(a.lang);
    let mut h = String::with_capacity(12 << 10);
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"UTF-8\"><title>{t} &#8211; {o}</title>\n<meta name=\"generator\" content=\"WordPress 6.5\">\n<link rel=\"stylesheet\" id=\"theme-css\" href=\"/wp-content/themes/news/style.css?ver=1.{v}\">\n</head>\n<body class=\"post-template-default single single-post\">\n<div id=\"page\"><div class=\"top-bar\"><ul class=\"menu\"><li><a href=\"/\">{home}</a></li><li><a href=\"/category/news\">News</a></li><li><a href=\"/about\">About</a></li></ul></div>\n<div id=\"content\"><h1 class=\"entry-title\">{t}</h1>\n<div class=\"entry-meta\"><time class=\"entry-date published\" datetime=\"{iso}T08:00:00+00:00\">{iso}</time></div>\n<h2>{t}</h2>\n<div class=\"entry-content\">\n<div class=\"td-a-rec\"><span>- {ad} -</span></div>\n",
        lang = a.lang.code(),
        t = esc(&a.title),
        o = esc(a.outlet),
        v = rng.range(1, 99),
        home = u.home,
        iso = a.published.iso(),
        ad = u.ad,
    );
    for p in &a.paragraphs {
        let _ = writeln!(h, "<p>{}</p>", esc(p));
    }
    let _ = write!(
        h,
        "<div class=\"td-a-rec\"><span>- {ad} -</span></div>\n<div class=\"td-a-rec\"><span>- {ad} -</span></div>\n</div>\n<div class=\"wpdiscuz\"><div class=\"wpd-rating\"><span>0</span> <span>0</span> votes<div>Article Rating</div></div>\n<div class=\"wpd-subscribe\">Notify of</div><div class=\"wpd-tabs\"><span>Inline Feedbacks</span><a href=\"#\">View all comments</a></div></div>\n</div></div>\n<footer>{o} © {y}</footer>\n</body></html>\n",
        ad = u.ad,
        o = esc(a.outlet),
        y = a.published.y,
    );
    h
}

fn wire_text(a: &Article, rng: &mut Rng) -> String {
    let (city, date) = match a.lang {
        Lang::En => (
            "PORT-AU-PRINCE",
            format!(
                "{} {}",
                &MONTHS_EN[a.published.m as usize - 1][..3],
                a.published.d
            ),
        ),
        Lang::Fr => (
            "PORT-AU-PRINCE",
            format!(
                "{} {}",
                a.published.d,
                MONTHS_FR[a.published.m as usize - 1]
            ),
        ),
        Lang::Zh => ("太子港", format!("{}月{}日", a.published.m, a.published.d)),
    };
    let mut t = String::new();
    if a.lang == Lang::En && rng.chance(50) {
        t.push_str("Can't read it? Listen now!\n");
    }
    let _ = write!(t, "{city}, {date} ({}) – ", a.outlet);
    for (i, p) in a.paragraphs.iter().enumerate() {
        t.push_str(p);
        t.push('\n');
        if i == 2 && a.paragraphs.len() > 4 {
            t.push_str(match a.lang {
                Lang::En => "Escalating violence\n",
                Lang::Fr => "Violences en hausse\n",
                Lang::Zh => "暴力升级\n",
            });
        }
    }
    t
}

fn plain_text(a: &Article, rng: &mut Rng) -> String {
    let mut t = String::new();
    for p in &a.paragraphs {
        t.push_str(p);
        t.push_str(if rng.chance(50) { "\n\n" } else { "\n" });
    }
    t.push_str(match a.lang {
        Lang::En => "Leave a Reply\n",
        Lang::Fr => "Laisser un commentaire\n",
        Lang::Zh => "发表评论\n",
    });
    t
}

fn markdown(a: &Article, rng: &mut Rng) -> String {
    let mut t = String::new();
    let _ = write!(
        t,
        "---\ntitle: {}\ndate: {}T{:02}:{:02}:{:02}.{:03}Z\ndescription: {}\ntags: \n- haiti\nauthor: {}\n---\n\n[原文链接](https://news.example.org/content/{:x})\n\n{}\n\n",
        a.title,
        a.published.iso(),
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.range(0, 999),
        a.summary
            .as_ref()
            .and_then(|s| s.first())
            .map(|s| s.split(". ").next().unwrap_or(""))
            .unwrap_or(""),
        a.outlet,
        rng.next(),
        a.title
    );
    for p in &a.paragraphs {
        t.push_str(p);
        t.push_str("\n\n");
    }
    if let Some(summary) = &a.summary {
        t.push_str("---\n\n **Summary of Article:**  \n");
        for p in summary {
            t.push_str(p);
            t.push_str("\n\n");
        }
    }
    t
}

struct CorpusInfo {
    articles: u64,
    bytes: u64,
    stories: u64,
    by_shape: Vec<(&'static str, u64)>,
    by_lang: Vec<(&'static str, u64)>,
}

/// Writes `n` articles into `dir` (file names in a shuffled order, so copies of a story are not
/// neighbours) and a manifest of `file\tstory` lines.
fn generate(dir: &Path, n: u64) -> CorpusInfo {
    let mut rng = Rng(SEED);
    // A permutation of file numbers.
    let mut slots: Vec<u64> = (0..n).collect();
    for i in (1..slots.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        slots.swap(i, j);
    }
    let mut manifest = String::new();
    let mut bytes = 0u64;
    let mut written = 0u64;
    let mut stories = 0u64;
    let mut shapes: HashMap<&'static str, u64> = HashMap::new();
    let mut langs: HashMap<&'static str, u64> = HashMap::new();
    let mut recent_titles: Vec<String> = Vec::new();
    while written < n {
        let s = story(stories as usize, &mut rng);
        stories += 1;
        let copies = match rng.below(100) {
            0..60 => 1,
            60..85 => 2,
            85..95 => 3,
            _ => 4,
        }
        .min(n - written);
        let text = paragraphs(&s, s.lang);
        let english = (s.lang == Lang::Zh).then(|| paragraphs(&s, Lang::En));
        for copy in 0..copies {
            let shape = match (s.lang, rng.below(100)) {
                (Lang::Zh, 0..55) => Shape::Markdown,
                (Lang::Zh, _) => Shape::NewsHtml,
                (_, 0..45) => Shape::NewsHtml,
                (_, 45..60) => Shape::BlogHtml,
                (_, 60..80) => Shape::WireText,
                _ => Shape::PlainText,
            };
            let mut body: Vec<String> = text.clone();
            if copy > 0 {
                body = body.iter().map(|p| edit(p, s.lang, &mut rng)).collect();
                if body.len() > 4 && rng.chance(30) {
                    body.pop();
                }
            }
            let article = Article {
                title: headline(&s, s.lang),
                paragraphs: body,
                lang: s.lang,
                published: s.published,
                outlet: OUTLETS[rng.below(OUTLETS.len() as u64) as usize],
                author: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
                summary: if shape == Shape::Markdown {
                    english
                        .as_ref()
                        .map(|e| e.iter().take(4).cloned().collect())
                } else {
                    None
                },
            };
            let others: Vec<String> = recent_titles.iter().rev().take(4).cloned().collect();
            let page = match shape {
                Shape::NewsHtml => news_html(&article, &mut rng, &others),
                Shape::BlogHtml => blog_html(&article, &mut rng),
                Shape::WireText => wire_text(&article, &mut rng),
                Shape::PlainText => plain_text(&article, &mut rng),
                Shape::Markdown => markdown(&article, &mut rng),
            };
            let name = format!("a{:06}.{}", slots[written as usize], shape.ext());
            std::fs::write(dir.join(&name), &page).expect("write article");
            let _ = writeln!(manifest, "{name}\t{}", s.id);
            bytes += page.len() as u64;
            written += 1;
            *shapes.entry(shape.name()).or_default() += 1;
            *langs.entry(s.lang.code()).or_default() += 1;
        }
        recent_titles.push(headline(&s, s.lang));
        if recent_titles.len() > 8 {
            recent_titles.remove(0);
        }
    }
    std::fs::write(dir.join(MANIFEST), manifest).expect("write manifest");
    let mut by_shape: Vec<_> = shapes.into_iter().collect();
    by_shape.sort();
    let mut by_lang: Vec<_> = langs.into_iter().collect();
    by_lang.sort();
    CorpusInfo {
        articles: written,
        bytes,
        stories,
        by_shape,
        by_lang,
    }
}

/// The corpus's article files, in name order.
fn article_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('a') && n != MANIFEST)
        .collect();
    names.sort();
    names
}

// ------------------------------------------------------------------------------------------------
// Children: each measures one thing and prints one line of `key=value` figures.

/// One short article per language, analysed before the clock starts.
const WARM_UP: &[(&str, &str)] = &[
    (
        "warm-up-en.txt",
        "Kenya said on Monday it would send 200 more police officers to Haiti.\nAt least 40 people were killed in Port-au-Prince on March 3, 2024.",
    ),
    (
        "warm-up-fr.txt",
        "Le Kenya a annoncé lundi l'envoi de 200 policiers en Haïti.\nAu moins 40 personnes ont été tuées à Port-au-Prince le 3 mars 2024.",
    ),
    (
        "warm-up-zh.txt",
        "肯尼亚周一宣布将向海地增派200名警察。\n2024年3月3日，太子港至少有40人死亡。",
    ),
];

/// `analyse` over the files listed in `KONBIT_BENCH_LIST` (one name a line) in
/// `KONBIT_BENCH_DIR`, on this thread; reading each file is counted, as the baseline reads too.
fn child_analyse() {
    let dir = PathBuf::from(std::env::var("KONBIT_BENCH_DIR").expect("KONBIT_BENCH_DIR"));
    let list =
        std::fs::read_to_string(std::env::var("KONBIT_BENCH_LIST").expect("KONBIT_BENCH_LIST"))
            .expect("read list");
    let (mut n, mut bytes, mut errors, mut claims, mut dated) = (0u64, 0u64, 0u64, 0u64, 0u64);
    // Start-up apart, as the baseline's: the first call compiles the pipeline's patterns and
    // loads the language profiles.
    let warm = Instant::now();
    for (name, text) in WARM_UP {
        let _ = analyse(name, text.as_bytes());
    }
    let startup = warm.elapsed().as_secs_f64();
    let started = Instant::now();
    for name in list.lines().filter(|l| !l.is_empty()) {
        let data = std::fs::read(dir.join(name)).expect("read article");
        bytes += data.len() as u64;
        n += 1;
        match analyse(name, &data) {
            Ok(a) => {
                claims += a.claims.len() as u64;
                dated += u64::from(a.published.is_some());
            }
            Err(_) => errors += 1,
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "konbit-bench-media articles={n} bytes={bytes} secs={secs:.6} startup={startup:.6} errors={errors} claims={claims} dated={dated} rss_kib={}",
        peak_rss_kib().unwrap_or(0)
    );
}

/// Reads every file, fingerprints it and adds it to one `Grouper`; compares the groups with the
/// manifest's stories, pair by pair.
fn child_group() {
    let dir = PathBuf::from(std::env::var("KONBIT_BENCH_DIR").expect("KONBIT_BENCH_DIR"));
    let manifest = std::fs::read_to_string(dir.join(MANIFEST)).expect("read manifest");
    let truth: HashMap<&str, u64> = manifest
        .lines()
        .filter_map(|l| {
            let (name, story) = l.split_once('\t')?;
            Some((name, story.parse().ok()?))
        })
        .collect();
    let mut names: Vec<&str> = truth.keys().copied().collect();
    names.sort_unstable();
    let mut grouper = group::Grouper::new();
    let mut errors = 0u64;
    let started = Instant::now();
    for name in &names {
        let data = std::fs::read(dir.join(name)).expect("read article");
        match document::read(name, &data) {
            Ok(doc) => {
                grouper.add(*name, group::document_fingerprints(&doc));
            }
            Err(_) => errors += 1,
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let rss = peak_rss_kib().unwrap_or(0);
    // Pairs in the same found group that are the same story (precision), and pairs of the same
    // story that were found together (recall).
    let found = grouper.groups();
    let pairs = |sizes: &mut dyn Iterator<Item = u64>| -> u64 {
        sizes.map(|k| k * k.saturating_sub(1) / 2).sum()
    };
    let found_pairs = pairs(&mut found.iter().map(|g| g.len() as u64));
    let mut right = 0u64;
    for g in &found {
        let mut by_story: HashMap<u64, u64> = HashMap::new();
        for name in g {
            if let Some(s) = truth.get(**name) {
                *by_story.entry(*s).or_default() += 1;
            }
        }
        right += pairs(&mut by_story.values().copied());
    }
    let mut story_sizes: HashMap<u64, u64> = HashMap::new();
    for name in grouper.groups().iter().flatten() {
        if let Some(s) = truth.get(**name) {
            *story_sizes.entry(*s).or_default() += 1;
        }
    }
    let true_pairs = pairs(&mut story_sizes.values().copied());
    println!(
        "konbit-bench-group articles={} secs={secs:.6} errors={errors} groups={} stories={} found_pairs={found_pairs} right_pairs={right} true_pairs={true_pairs} rss_kib={rss}",
        grouper.len(),
        found.len(),
        story_sizes.len(),
    );
}

fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

fn num(line: &str, key: &str) -> f64 {
    field(line, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// `taskset -c CPU` when taskset exists, so a child stays on one core.
fn pinned(cpu: usize, program: &Path) -> (Command, bool) {
    let has_taskset = Command::new("taskset")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if has_taskset {
        let mut c = Command::new("taskset");
        c.arg("-c").arg(cpu.to_string()).arg(program);
        (c, true)
    } else {
        (Command::new(program), false)
    }
}

/// Runs this executable as child `mode` and returns its figures line (starting with `prefix`).
fn run_child(mode: &str, prefix: &str, cpu: usize, envs: &[(&str, &Path)]) -> String {
    let me = std::env::current_exe().expect("current exe");
    let (mut cmd, _) = pinned(cpu, &me);
    cmd.env(CHILD_VAR, mode).stderr(Stdio::inherit());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run child");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        eprintln!("the {mode} child failed ({}): {text}", out.status);
        std::process::exit(1);
    }
    text.lines()
        .find(|l| l.starts_with(prefix))
        .map(str::to_string)
        .unwrap_or_else(|| {
            eprintln!("no figures from the {mode} child: {text}");
            std::process::exit(1);
        })
}

// ------------------------------------------------------------------------------------------------
// The Python baseline.

struct Baseline {
    line: String,
}

fn baseline_python(tmp: &Path) -> Result<PathBuf, String> {
    let venv = match std::env::var_os("KONBIT_BENCH_VENV") {
        Some(v) => PathBuf::from(v),
        None => tmp.join("venv"),
    };
    let python = venv.join("bin/python");
    if !python.exists() {
        println!(
            "Installing the baseline (python3 -m venv; pip install {}) …",
            PIP_PACKAGES.join(" ")
        );
        let st = Command::new("python3")
            .arg("-m")
            .arg("venv")
            .arg(&venv)
            .status()
            .map_err(|e| format!("python3 -m venv: {e}"))?;
        if !st.success() {
            return Err(format!("python3 -m venv failed ({st})"));
        }
    }
    let st = Command::new(&python)
        .args(["-m", "pip", "install", "-q", "--disable-pip-version-check"])
        .args(PIP_PACKAGES)
        .status()
        .map_err(|e| format!("pip: {e}"))?;
    if !st.success() {
        return Err(format!(
            "pip install {} failed ({st})",
            PIP_PACKAGES.join(" ")
        ));
    }
    // Loads every package and repairs quantulum3's unit classifier if the scikit-learn that pip
    // chose cannot read the model it ships.
    let st = Command::new(&python)
        .arg(BASELINE_SCRIPT)
        .arg("--setup")
        .status()
        .map_err(|e| format!("python: {e}"))?;
    if !st.success() {
        return Err(format!("the baseline's setup failed ({st})"));
    }
    Ok(python)
}

fn run_baseline(python: &Path, cpu: usize, dir: &Path, list: &Path) -> Result<Baseline, String> {
    let (mut cmd, _) = pinned(cpu, python);
    let out = cmd
        .arg(BASELINE_SCRIPT)
        .arg("--cpu")
        .arg(cpu.to_string())
        .arg(dir)
        .arg(list)
        // One thread for numpy and scikit-learn too: the comparison is core for core.
        .env("OMP_NUM_THREADS", "1")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .env("PYTHONWARNINGS", "ignore")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("python: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "the baseline script failed ({}): {text}",
            out.status
        ));
    }
    let line = text
        .lines()
        .find(|l| l.starts_with("konbit-bench-baseline "))
        .ok_or(format!("no figures from the baseline: {text}"))?;
    Ok(Baseline {
        line: line.to_string(),
    })
}

// ------------------------------------------------------------------------------------------------

fn main() -> ExitCode {
    match std::env::var(CHILD_VAR).as_deref() {
        Ok("analyse") => {
            child_analyse();
            return ExitCode::SUCCESS;
        }
        Ok("group") => {
            child_group();
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let n = env_num("KONBIT_BENCH_ARTICLES", 10_000).max(8);
    let sample = env_num("KONBIT_BENCH_BASELINE_ARTICLES", 250).clamp(1, n);
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let cpu = env_num("KONBIT_BENCH_CPU", cpus as u64 - 1) as usize;
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus dir");

    // The baseline first: if it cannot be installed, nothing else is worth measuring.
    let python = match baseline_python(tmp.path()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "\n*** BASELINE UNAVAILABLE: {e}\n*** The media bench reports no figure without its Python baseline.\n"
            );
            return ExitCode::FAILURE;
        }
    };

    let t0 = Instant::now();
    let info = generate(&corpus, n);
    let mb = info.bytes as f64 / 1e6;
    println!(
        "\nCorpus: {} articles of {} stories, {mb:.1} MB, generated in {:.1} s (seed {SEED})",
        thousands(info.articles),
        thousands(info.stories),
        t0.elapsed().as_secs_f64()
    );
    println!(
        "  {}",
        info.by_shape
            .iter()
            .map(|(s, k)| format!("{s} {}", thousands(*k)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  {}",
        info.by_lang
            .iter()
            .map(|(s, k)| format!("{s} {}", thousands(*k)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let files = article_files(&corpus);
    let (_, has_taskset) = pinned(cpu, Path::new("true"));
    if !has_taskset {
        println!("  (taskset not found: children run single-threaded but are not pinned to a CPU)");
    }

    // Konbit on a quarter and on all of the corpus.
    println!(
        "\nKonbit analyse (read + language + dates + claims), one thread{}:",
        if has_taskset {
            format!(", pinned to CPU {cpu}")
        } else {
            String::new()
        }
    );
    println!(
        "{:>10} {:>9} {:>9} {:>12} {:>8} {:>11} {:>8} {:>8} {:>8}",
        "articles", "MB", "seconds", "articles/s", "MB/s", "peak RSS", "errors", "dated", "claims"
    );
    for count in [files.len() / 4, files.len()] {
        let list = tmp.path().join(format!("list-{count}.txt"));
        std::fs::write(&list, files[..count].join("\n")).expect("write list");
        let line = run_child(
            "analyse",
            "konbit-bench-media ",
            cpu,
            &[("KONBIT_BENCH_DIR", &corpus), ("KONBIT_BENCH_LIST", &list)],
        );
        let (a, b, s) = (
            num(&line, "articles"),
            num(&line, "bytes") / 1e6,
            num(&line, "secs"),
        );
        println!(
            "{:>10} {:>9.1} {:>9.2} {:>12.0} {:>8.2} {:>7.1} MiB {:>8} {:>8} {:>8}",
            thousands(a as u64),
            b,
            s,
            a / s,
            b / s,
            num(&line, "rss_kib") / 1024.0,
            num(&line, "errors"),
            num(&line, "dated"),
            num(&line, "claims")
        );
    }

    // The same sample for both sides of the ratio.
    let step = (files.len() / sample as usize).max(1);
    let picked: Vec<String> = files
        .iter()
        .step_by(step)
        .take(sample as usize)
        .cloned()
        .collect();
    let list = tmp.path().join("list-sample.txt");
    std::fs::write(&list, picked.join("\n")).expect("write sample list");
    let rust = run_child(
        "analyse",
        "konbit-bench-media ",
        cpu,
        &[("KONBIT_BENCH_DIR", &corpus), ("KONBIT_BENCH_LIST", &list)],
    );
    let base = match run_baseline(&python, cpu, &corpus, &list) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("\n*** BASELINE FAILED: {e}\n");
            return ExitCode::FAILURE;
        }
    };
    let (ra, rs) = (num(&rust, "articles"), num(&rust, "secs"));
    let (pa, ps) = (num(&base.line, "articles"), num(&base.line, "secs"));
    println!(
        "\nBaseline on every {}th article ({} articles, {:.1} MB), same CPU: Python {} — {}",
        step,
        thousands(pa as u64),
        num(&base.line, "bytes") / 1e6,
        field(&base.line, "python").unwrap_or("?"),
        field(&base.line, "versions")
            .unwrap_or("?")
            .replace(',', ", ")
    );
    println!(
        "  Python (trafilatura.extract for HTML, dateparser search_dates, quantulum3 parse): {:.2} articles/s, {:.3} MB/s ({:.1} s; start-up {:.1} s not counted; {} dates, {} quantities, {} errors, peak RSS {:.0} MiB)",
        pa / ps,
        num(&base.line, "bytes") / 1e6 / ps,
        ps,
        num(&base.line, "startup"),
        num(&base.line, "dates"),
        num(&base.line, "quantities"),
        num(&base.line, "errors"),
        num(&base.line, "rss_kib") / 1024.0
    );
    println!(
        "  Konbit analyse on the same files: {:.0} articles/s ({:.3} s; start-up {:.3} s not counted; {} claims)",
        ra / rs,
        rs,
        num(&rust, "startup"),
        num(&rust, "claims")
    );
    println!(
        "  ratio Konbit ÷ Python (articles/s): {:.1}",
        (ra / rs) / (pa / ps)
    );
    if num(&rust, "claims") == 0.0 {
        println!(
            "  note: the claim extractor found no claims in this build, so the Konbit figure covers reading, language and dates only"
        );
    }

    // Grouping.
    let g = run_child(
        "group",
        "konbit-bench-group ",
        cpu,
        &[("KONBIT_BENCH_DIR", &corpus)],
    );
    let (ga, gs) = (num(&g, "articles"), num(&g, "secs"));
    let (found, right, truth) = (
        num(&g, "found_pairs"),
        num(&g, "right_pairs"),
        num(&g, "true_pairs"),
    );
    println!(
        "\nGrouping copies (document::read + document_fingerprints + Grouper::add), all {} articles: {:.0} articles/s, peak RSS {:.1} MiB; {} groups for {} stories; pairs: precision {:.3} ({} of {}), recall {:.3} ({} of {})",
        thousands(ga as u64),
        ga / gs,
        num(&g, "rss_kib") / 1024.0,
        thousands(num(&g, "groups") as u64),
        thousands(num(&g, "stories") as u64),
        if found > 0.0 { right / found } else { 1.0 },
        right,
        found,
        if truth > 0.0 { right / truth } else { 1.0 },
        right,
        truth
    );
    ExitCode::SUCCESS
}
