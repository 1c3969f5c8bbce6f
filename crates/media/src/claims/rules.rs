//! The rules that turn a sentence into claims, one function per kind: personnel (a figure
//! followed by a personnel noun and a verb saying what happened to it), money (a figure with a
//! currency), casualties and displacement, resolutions, and dated events (a trigger phrase per
//! event label). Patterns cover English, French, Spanish, Creole and Chinese.

use std::sync::LazyLock;

use regex::Regex;

use super::actors::{CONTRIBUTORS, is_country};
use super::{Claim, Context, Sentence, SetWhen};
use crate::dates::{self, When};

fn re(p: &str) -> Regex {
    crate::pattern(p)
}

/// The sentence before, for a period or a date the text carries over ("Additionally, …",
/// "arrived with them").
pub(crate) struct Previous<'a> {
    pub index: usize,
    pub claims: &'a [Claim],
    /// The days it names.
    pub days: &'a [When],
}

/// The claims of one sentence.
pub(crate) fn sentence_claims(
    s: &Sentence,
    ctx: &Context,
    previous: Option<Previous>,
) -> Vec<Claim> {
    let previous = previous.filter(|p| p.index + 1 == s.index);
    let mut out = Vec::new();
    personnel(s, ctx, previous.as_ref(), &mut out);
    money(s, ctx, &mut out);
    harm(s, ctx, previous.as_ref(), &mut out);
    resolutions(s, ctx, &mut out);
    events(s, ctx, previous.as_ref(), &mut out);
    out
}

static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bthe announcement\b|\bthe visit\b|\bthe ceremony\b|\bthe signing\b|\bthat day\b|\bthe same day\b|\bduring (?:a|the|his|her) |\bwith them\b|\balongside them\b|\bin the (?:attack|assault|raid|ambush|clashes)\b|\bavec eux\b|\blors de (?:l'attaque|l'assaut)\b|\ble même jour\b|\bcon ellos\b|\ben el ataque\b",
    )
});

/// The day of the sentence before, when this one refers back to it.
fn carried_day(s: &Sentence, previous: Option<&Previous>) -> Option<When> {
    if !REFERS_BACK.is_match(s.text) {
        return None;
    }
    let p = previous?;
    p.days.first().copied().or_else(|| {
        p.claims
            .iter()
            .find(|c| c.date_precision == "day")
            .and_then(|c| c.date.as_deref())
            .and_then(|d| {
                time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).ok()
            })
            .map(When::Day)
    })
}

/// The date nearest byte `at`: in its clause first, then in the sentence. Returns the resolved
/// date and whether it opens a period ("since").
fn date_at(s: &Sentence, ctx: &Context, at: usize) -> Option<(When, bool)> {
    let clause = s.clause(at);
    let in_clause: Vec<_> = s
        .dates
        .iter()
        .filter(|m| m.start >= clause.start && m.end <= clause.end)
        .collect();
    let now_clause = in_clause.is_empty() && NOW.is_match(&s.text[clause.clone()]);
    let pool: Vec<_> = if in_clause.is_empty() {
        s.dates.iter().collect()
    } else {
        in_clause
    };
    let Some(m) = pool.into_iter().min_by_key(|m| {
        if m.end <= at {
            at - m.end
        } else {
            m.start.saturating_sub(at)
        }
    }) else {
        return if now_clause {
            ctx.now().map(|w| (w, false))
        } else {
            None
        };
    };
    let future = dates::is_future(&s.text[s.clause(m.start)]) || dates::is_future(&s.text[clause]);
    let when = ctx.resolve(m, future);
    // "which has received $85 million so far": as of publication, unless the date another
    // clause gives is itself current ("warned this week …, with 700,000 now displaced").
    if now_clause {
        let current = ctx.now().map(|n| n.to_month());
        let is_current = match (when, current) {
            (Some(w), Some(c)) => {
                w.to_month() >= c || matches!(w, When::Year(_)) && w.first_day() >= c.first_day()
            }
            _ => false,
        };
        if !is_current {
            return ctx.now().map(|w| (w, false));
        }
    }
    Some((when?, m.since))
}

static NOW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:so far|to date|currently|at present|now|aujourd'hui|actuellement|à ce jour|jusqu'à présent|actualmente|hasta ahora|hasta la fecha)\b|目前|至今|迄今",
    )
});

/// The verbatim span for a claim: the clause holding `at`, or the sentence when the clause is
/// too short to read alone.
fn span(s: &Sentence, at: usize) -> String {
    let clause = s.clause(at);
    let text = s.text[clause].trim();
    let text = if text.chars().count() < 24 {
        s.text.trim()
    } else {
        text
    };
    text.trim_end_matches(['.', ',', ';', '，', '；'])
        .trim()
        .to_string()
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The country (or joint actors) named between two byte offsets.
fn countries_in(s: &Sentence, start: usize, end: usize) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for a in s
        .actors
        .iter()
        .filter(|a| a.start >= start && a.end <= end && is_country(a.code))
    {
        if !out.contains(&a.code) {
            out.push(a.code);
        }
    }
    out
}

/// The nearest country named before `at` in the sentence, its clause first, not Haiti unless
/// `host` is allowed; contributors before others when both are named.
fn country_before(s: &Sentence, at: usize, host: bool) -> Option<&'static str> {
    let ok = |code: &str| is_country(code) && (host || code != "HTI");
    let clause = s.clause(at);
    let in_clause: Vec<_> = s
        .actors
        .iter()
        .filter(|a| a.start >= clause.start && a.end <= at && ok(a.code))
        .collect();
    if let Some(a) = in_clause
        .iter()
        .rev()
        .find(|a| CONTRIBUTORS.contains(&a.code))
        .or(in_clause.last())
    {
        return Some(a.code);
    }
    let before: Vec<_> = s
        .actors
        .iter()
        .filter(|a| a.end <= at && ok(a.code))
        .collect();
    before
        .iter()
        .rev()
        .find(|a| CONTRIBUTORS.contains(&a.code))
        .or(before.last())
        .map(|a| a.code)
}

fn joint(codes: &[&str]) -> Option<String> {
    match codes {
        [] => None,
        [one] => Some((*one).to_string()),
        [a, b] => Some(format!("{a}+{b}")),
        many => Some(format!("{}_COUNTRIES", many.len())),
    }
}

// ---------------------------------------------------------------------------------------------
// Personnel

static NOUN_LATIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<mods>(?:\s*[\p{L}’'-]+){0,4}?)\s*(?P<noun>soldiers and police(?: officers)?|police and soldiers|troops and police|military and police(?: personnel)?|militaires et policiers|policiers et militaires|soldados y policías|policías y soldados|police officers|police officer|police personnel|policemen|policewomen|police|officers|cops|gendarmes|soldiers|troops|military personnel|military|marines|servicemen|service members|security personnel|personnel|security forces|forces|staff|members|specialists|experts|advisers|advisors|instructors|trainers|officiers|policiers|policières|policier|agents de police|agents|soldats|militaires|effectifs|personnels|hommes|policías|policias|agentes|soldados|militares|tropas|efectivos|polisye|sòlda)\b",
    )
});

static NOUN_HAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:多|余)?(?:名|位)[^，。；]{0,40}?(?P<noun>警察|警员|警官|警員|士兵|军人|軍人|官兵|军队|軍隊|部队|部隊|安全人员|人员|人員)",
    )
});

/// Words that end a noun phrase before a personnel noun: "5,000 people killed by police" is
/// not a figure of police.
const NOT_MODIFIERS: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "inmates",
    "women",
    "children",
    "girls",
    "residents",
    "haitians",
    "were",
    "was",
    "have",
    "has",
    "had",
    "are",
    "is",
    "by",
    "killed",
    "died",
    "injured",
    "who",
    "that",
    "which",
    "gangs",
    "gang",
    "members",
    "personnes",
    "pour",
    "par",
    "de",
    "to",
    "in",
    "at",
    "on",
    "for",
    "with",
    "against",
    "than",
    "days",
    "years",
    "months",
    "weeks",
    "hours",
];

fn category(noun: &str) -> &'static str {
    let n = lower(noun);
    let mixed = (n.contains("police") || n.contains("polic"))
        && (n.contains("soldat")
            || n.contains("soldier")
            || n.contains("militar")
            || n.contains("military")
            || n.contains("troop")
            || n.contains("soldado"));
    if mixed {
        return "unspecified";
    }
    if n.starts_with("officier") {
        return "military";
    }
    if [
        "soldier",
        "troop",
        "military",
        "marine",
        "servicem",
        "service m",
        "soldat",
        "militaire",
        "soldado",
        "militar",
        "tropa",
        "sòlda",
        "士兵",
        "军",
        "軍",
        "官兵",
        "部队",
        "部隊",
    ]
    .iter()
    .any(|k| n.contains(k))
    {
        "military"
    } else if [
        "police", "officer", "cop", "gendarme", "policier", "polic", "agent", "polisye", "警",
    ]
    .iter()
    .any(|k| n.contains(k))
        && !n.contains("security")
    {
        "police"
    } else {
        "unspecified"
    }
}

static BEFORE_PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:originally proposed|proposed|promised|planned|envisaged|projected|full|eventual|total of|force of|target of|expected|authori[sz]ed)\s+(?:the\s+)?|(?:meant|supposed|intended|designed) to (?:number|be|have|comprise|total|reach)\s+|(?:was|were) to (?:number|have|comprise)\s+|原定的?|預定的?|预定的?|原计划的?|原計劃的?)$",
    )
});
static BEFORE_DEPLOYED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:current|currently|now|existing|present|actuels|actuales|has|have|compte|comptent|cuenta con|tiene|tienen)\s+|(?:brings?|bringing|brought|raising|raises|porte|portant|eleva)\b[^.;]{0,40}?\b(?:to|à|a)\s+|目前(?:约|約)?有?|现有|現有)$",
    )
});
static EXPECTED_ARRIVAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:expected|due|set|scheduled) to (?:arrive|land|deploy|be deployed)|devraient arriver|deben llegar|预计.{0,6}抵达",
    )
});
static ANNOUNCED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)announc|a annoncé|annonce|anunci|宣布|anonse"));
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)expected to (?:bring|grow|reach|comprise|number|total|include|have)|is to (?:comprise|number|reach|total)|will (?:comprise|total|number|eventually)|would (?:comprise|total|number)|planned|envisaged|projected|预计将?带来|预计|預計|计划|計劃|devrait (?:compter|atteindre|comprendre)|prévoit|se espera que|prevé",
    )
});
static PLEDGED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)pledg|committed|commits|commit to|commitment|promised|promises|promise to|offered|offers|offering|agreed to (?:send|deploy|contribute|provide)|will (?:send|deploy|contribute|provide|dispatch)|to (?:send|sending|deploy|contribute|provide|dispatch)|led by|s'engag|s'est engagé|a promis|promet|prometi|comprometi|ofreci|enviará|承诺|承諾|将派遣|將派遣|派遣|领导|領導|pwomèt",
    )
});
static ARRIVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)arriv|landed|touched down|reached (?:haiti|port-au-prince)|sent by|were sent|was sent|been sent|sent to haiti|抵达|到达|抵達|飞抵|llegar|llegó|débarqu|atterri|rive",
    )
});
static DEPARTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)depart|left for|leave for|leaves for|flew out|flown out|set off|withdr|pulled out|repatriat|returned home|rotated out|quitt|partis|salieron|partieron|partió|salió|离开|撤离|撤出|出发|啟程|启程",
    )
});
static DEPLOYED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)currently|actuellement|actualmente|目前|already on the ground|on the ground|now (?:has|have|number|total|stands)|so far|to date|in total|bringing (?:the|its) (?:total|number|strength)|strength of|deployed in haiti|are deployed|have been deployed|has deployed|have deployed|serving in haiti|sont déployés|déployés en haïti|desplegados|已部署|部署在|驻扎|駐紮",
    )
});

fn personnel_event(clause: &str, before: &str) -> Option<&'static str> {
    if EXPECTED_ARRIVAL.is_match(clause) {
        return None;
    }
    if BEFORE_PLANNED.is_match(before) {
        return Some("planned_total");
    }
    if BEFORE_DEPLOYED.is_match(before) {
        return Some("deployed_total");
    }
    for (pattern, event) in [
        (&*ANNOUNCED, "announced"),
        (&*PLANNED, "planned_total"),
        (&*PLEDGED, "pledged"),
        (&*ARRIVED, "arrived"),
        (&*DEPARTED, "departed"),
        (&*DEPLOYED, "deployed_total"),
    ] {
        if pattern.is_match(clause) {
            return Some(event);
        }
    }
    None
}

fn personnel(s: &Sentence, ctx: &Context, previous: Option<&Previous>, out: &mut Vec<Claim>) {
    for n in s.numbers.iter().filter(|n| n.currency.is_none()) {
        let rest = &s.text[n.end..];
        let clause = s.clause(n.start);
        let before = &s.text[clause.start..n.lead];
        let caps = NOUN_LATIN
            .captures(rest)
            .or_else(|| NOUN_HAN.captures(rest));
        let (noun, noun_len) = match caps.as_ref().and_then(|c| c.name("noun")) {
            Some(noun) => (noun.as_str(), noun.end()),
            // "原定的2500人": a planned strength counted in people.
            None if rest.starts_with('人') && BEFORE_PLANNED.is_match(before) => {
                ("人", '人'.len_utf8())
            }
            None => continue,
        };
        let mods = caps
            .as_ref()
            .and_then(|c| c.name("mods"))
            .map_or("", |m| m.as_str());
        if mods
            .split_whitespace()
            .any(|w| NOT_MODIFIERS.contains(&lower(w).as_str()))
        {
            continue;
        }
        let noun_end = n.end + noun_len;
        let event = personnel_event(&s.text[clause.clone()], before).or_else(|| {
            personnel_event(&s.text[..n.lead], before).filter(|e| *e != "deployed_total")
        });
        let Some(event) = event else { continue };
        // Who: named with the figure ("200 Kenyan police"), after it ("sent by Kenya"), or the
        // sentence's actor before it; a mission total is the mission's.
        let with = countries_in(s, n.start, noun_end);
        let after_clause_end = clause.end.max(noun_end);
        let after: Vec<&'static str> = {
            let tail = &s.text[noun_end..after_clause_end];
            if re_by().is_match(tail) {
                countries_in(s, noun_end, after_clause_end)
                    .into_iter()
                    .take(1)
                    .collect()
            } else {
                Vec::new()
            }
        };
        // "policiers kényans", "militares salvadoreños": the nationality right after the noun.
        let adjective: Vec<&'static str> = s
            .actors
            .iter()
            .filter(|a| {
                a.start >= noun_end
                    && s.text[noun_end..a.start].trim().is_empty()
                    && is_country(a.code)
            })
            .map(|a| a.code)
            .take(1)
            .collect();
        let with = if with.is_empty() { adjective } else { with };
        let mission = if matches!(event, "planned_total" | "deployed_total") {
            mission_before(s, n.lead)
        } else {
            None
        };
        let subject = if let (Some(m), true) = (mission, with.is_empty()) {
            Some(m.to_string())
        } else if event == "planned_total" {
            match with.as_slice() {
                [_, _, _, ..] | [] => Some("MSS".to_string()),
                codes => joint(codes),
            }
        } else if !with.is_empty() {
            if with.len() > 2 { None } else { joint(&with) }
        } else if !after.is_empty() {
            joint(&after)
        } else {
            country_before(s, n.lead, false).map(str::to_string)
        };
        let Some(subject) = subject else { continue };
        let category = category(noun);
        let when = match event {
            "planned_total" | "deployed_total" => date_at(s, ctx, n.start)
                .filter(|(_, since)| !since)
                .map(|(w, _)| w)
                .or_else(|| ctx.now()),
            _ => date_at(s, ctx, n.start)
                .map(|(w, _)| w)
                .or_else(|| carried_day(s, previous)),
        };
        let mut c = Claim {
            kind: "personnel".into(),
            event: event.into(),
            subject,
            value: Some(n.value),
            category: Some(category.into()),
            qualifier: n.qualifier.map(str::to_string),
            text: span(s, n.start),
            ..Claim::default()
        };
        if category == "military" {
            c.note = Some(format!(
                "the text says '{noun}'; check the contributor's category"
            ));
        }
        c.set_when(when);
        out.push(c);
    }
}

/// The mission, when the figure is the mission's ("the mission's strength of", "特派团目前约有"):
/// named after the last country before the figure in its clause.
fn mission_before(s: &Sentence, at: usize) -> Option<&'static str> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:the|this|la|cette|esta|la nueva|the new) (?:mission|force)\b|\bmission[’']s\b|特派团|特派團|这项任务",
        )
    });
    let clause = s.clause(at);
    let last_country = s
        .actors
        .iter()
        .filter(|a| a.end <= at && a.start >= clause.start && is_country(a.code))
        .map(|a| a.end)
        .max()
        .unwrap_or(clause.start);
    let named = s
        .actors
        .iter()
        .filter(|a| a.start >= last_country && a.end <= at && matches!(a.code, "MSS" | "GSF"))
        .map(|a| a.code)
        .next_back();
    named.or_else(|| WORD.is_match(&s.text[last_country..at]).then_some("MSS"))
}

fn re_by() -> &'static Regex {
    static BY: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:by|from|of|par|de|du|des|del|desde)\b|来自|來自"));
    &BY
}

// ---------------------------------------------------------------------------------------------
// Money

static MONEY_PLEDGED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)pledg|committed|promised|announced|will (?:provide|contribute|give)|offered|s'est engagé|a promis|annoncé|prometi|anunci|承诺|承諾|宣布|认捐",
    )
});
static MONEY_RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)received|disbursed|deposited|transferred|has contributed|have contributed|contributed|paid|delivered|reçu|versé|recibi|desembols|收到|到位|拨付",
    )
});
static MONEY_FROZEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)frozen|froze|freeze|withheld|withhold|suspended|paused|blocked|gel[ée]|bloqu|congel|冻结|凍結|暂停",
    )
});
static MONEY_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)budget|cost|estimated at|would require|requires|needs|presupuesto|coût|预算|預算|费用")
});

fn money(s: &Sentence, ctx: &Context, out: &mut Vec<Claim>) {
    for n in s
        .numbers
        .iter()
        .filter(|n| n.currency.is_some() && n.value >= 1000)
    {
        let clause = &s.text[s.clause(n.start)];
        let event = [
            (&*MONEY_FROZEN, "frozen"),
            (&*MONEY_RECEIVED, "received"),
            (&*MONEY_PLEDGED, "pledged"),
            (&*MONEY_BUDGET, "budget"),
        ]
        .into_iter()
        .find(|(p, _)| p.is_match(clause))
        .map(|(_, e)| e);
        let Some(event) = event else { continue };
        let fund = s.actors.iter().any(|a| a.code == "TRUST_FUND");
        let subject = match event {
            "budget" => s
                .actors
                .iter()
                .find(|a| matches!(a.code, "MSS" | "GSF" | "UNSOH"))
                .map(|a| a.code.to_string())
                .or(Some("MSS".into())),
            _ => country_before(s, n.lead, false)
                .or_else(|| countries_in(s, n.end, s.text.len()).first().copied())
                .map(str::to_string)
                .or_else(|| fund.then(|| "TRUST_FUND".to_string())),
        };
        let Some(subject) = subject else { continue };
        let when = date_at(s, ctx, n.start).map(|(w, _)| w).or_else(|| {
            if event == "budget" || STOCK.is_match(clause) {
                ctx.now()
            } else {
                None
            }
        });
        let mut c = Claim {
            kind: "money".into(),
            event: event.into(),
            subject,
            value: Some(n.value),
            currency: n.currency.map(str::to_string),
            qualifier: n.qualifier.map(str::to_string),
            text: span(s, n.start),
            ..Claim::default()
        };
        c.set_when(when);
        out.push(c);
    }
}

// ---------------------------------------------------------------------------------------------
// Casualties and displacement

static HARM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:[\p{L}’'-]+\s+){0,4}?(?:(?:were|have been|had been|was|are|has been|now|reportedly|internally|ont été|a été|sont|han sido|fueron)\s+)*(?P<verb>killed|dead|murdered|slain|died|lost their lives|injured|wounded|hurt|kidnapped|abducted|taken hostage|raped|escaped|broke out|displaced|have fled their homes|fled their homes|suffered sexual violence|survived sexual violence|victims of sexual violence|tuées?|tués?|morts?|blessées?|blessés?|enlevées?|enlevés?|kidnappées?|kidnappés?|évadés?|déplacées?|déplacés?|violées?|muertos?|muertas?|asesinad[oa]s|heridos?|heridas?|secuestrad[oa]s|desplazad[oa]s|fugados?|mouri|blese|kidnape|deplase)(?:[^\p{L}]|$)",
    )
});
static HARM_AFTER_HAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:多|余)?(?:名|人|位)?[^，。；]{0,10}?(?P<verb>死亡|丧生|喪生|遇难|遇難|被杀|被殺|遇害|受伤|受傷|被绑架|遭绑架|被綁架|流离失所|流離失所|无家可归|無家可歸|越狱|越獄|逃脱|遭受性暴力|性暴力)",
    )
});
static HARM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?P<verb>claimed the lives of|took the lives of|killing|killed|kidnapped|abducted|injuring|injured|wounding|wounded|displaced|displacing|death toll (?:rose to|reached|of|stands at|climbed to|to)|left|coûté la vie à|causé la mort de|fait|tué|déplacé|a déplacé|desplazado a|desplazó a|ha desplazado a|dejó|causó la muerte de|造成|导致|導致|致)\s+(?:at least |more than |over |nearly |about |some |an estimated |approximately |au moins |plus de |environ |près de |más de |al menos )?$",
    )
});

fn harm_event(verb: &str) -> Option<(&'static str, &'static str)> {
    let v = lower(verb);
    let is = |keys: &[&str]| keys.iter().any(|k| v.contains(k));
    Some(if is(&["sexual", "raped", "violé", "性暴力"]) {
        ("casualties", "sexual_violence")
    } else if is(&[
        "displac", "fled", "déplac", "desplaz", "deplase", "流离", "流離", "无家", "無家",
    ]) {
        ("displacement", "displaced")
    } else if is(&[
        "kill", "dead", "murder", "slain", "died", "lives", "death", "tué", "mort", "muert",
        "asesin", "mouri", "死亡", "丧生", "喪生", "遇难", "遇難", "被杀", "被殺", "遇害", "coûté",
        "causé",
    ]) {
        ("casualties", "killed")
    } else if is(&[
        "injur", "wound", "hurt", "bless", "herid", "blese", "受伤", "受傷",
    ]) {
        ("casualties", "injured")
    } else if is(&[
        "kidnap", "abduct", "hostage", "enlev", "secuestr", "绑架", "綁架",
    ]) {
        ("casualties", "kidnapped")
    } else if is(&[
        "escap",
        "broke out",
        "évad",
        "fugad",
        "越狱",
        "越獄",
        "逃脱",
    ]) {
        ("casualties", "escaped")
    } else {
        return None;
    })
}

static STOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:has|have|now|currently|so far|to date|this year|remain|remains)\b|depuis|desde|已|至今|目前",
    )
});

fn harm(s: &Sentence, ctx: &Context, previous: Option<&Previous>, out: &mut Vec<Claim>) {
    for n in s.numbers.iter().filter(|n| n.currency.is_none()) {
        let rest = &s.text[n.end..];
        let before = &s.text[..n.lead];
        let verb = HARM_AFTER
            .captures(rest)
            .or_else(|| HARM_AFTER_HAN.captures(rest))
            .and_then(|c| c.name("verb").map(|m| m.as_str()))
            .or_else(|| {
                HARM_BEFORE
                    .captures(before)
                    .and_then(|c| c.name("verb").map(|m| m.as_str()))
            });
        let Some((kind, event)) = verb.and_then(harm_event) else {
            continue;
        };
        // "left" and "fait" need the harm after the figure ("left 5 dead").
        if verb.is_some_and(|v| {
            matches!(
                lower(v).as_str(),
                "left" | "fait" | "造成" | "导致" | "導致" | "致"
            )
        }) && HARM_AFTER.captures(rest).is_none()
            && HARM_AFTER_HAN.captures(rest).is_none()
            && !rest.trim_start().starts_with(|c: char| "人名".contains(c))
        {
            continue;
        }
        // Victims named by nationality other than Haitian ("two Kenyan officers") are theirs.
        let window_end = (n.end + 40).min(s.text.len());
        let window_end = (0..=window_end)
            .rev()
            .find(|i| s.text.is_char_boundary(*i))
            .unwrap_or(n.end);
        let foreign = countries_in(s, n.end, window_end)
            .into_iter()
            .find(|c| *c != "HTI" && CONTRIBUTORS.contains(c));
        let subject = foreign.unwrap_or("HTI").to_string();
        let clause = &s.text[s.clause(n.start)];
        let mut c = Claim {
            kind: kind.into(),
            event: event.into(),
            subject,
            value: Some(n.value),
            qualifier: n.qualifier.map(str::to_string),
            text: span(s, n.start),
            ..Claim::default()
        };
        match date_at(s, ctx, n.start) {
            Some((w, true)) => {
                c.date_precision = "period".into();
                c.period_start = Some(w.iso());
                c.period_end = ctx.now_iso();
            }
            Some((w, false)) => c.set_when(Some(w)),
            None => {
                // Carried over from the sentence before ("Since February 2024, … Additionally, …").
                let carried = previous.and_then(|p| {
                    p.claims
                        .iter()
                        .find(|o| o.kind == "casualties" && o.period_start.is_some())
                });
                if let Some(o) = carried.filter(|_| kind == "casualties") {
                    c.date_precision = "period".into();
                    c.period_start = o.period_start.clone();
                    c.period_end = o.period_end.clone();
                    c.note = Some("period carried over from the preceding sentence".into());
                } else if let Some(day) = carried_day(s, previous) {
                    c.set_when(Some(day));
                } else if kind == "displacement" || STOCK.is_match(clause) {
                    c.set_when(ctx.now());
                } else {
                    c.set_when(None);
                }
            }
        }
        out.push(c);
    }
}

// ---------------------------------------------------------------------------------------------
// Resolutions

static RESOLUTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:resolution|résolution|resolución|rezolisyon)\s+(?:no\.?\s*)?(?P<n>\d{4})\b|第(?P<z>\d{4})号决议|第(?P<t>\d{4})號決議",
    )
});
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\badopt(?:ed|s|ion)\b|\bapprov(?:ed|es)\b|\bauthori[sz](?:ed|es)\b|\bpassed\b|\bsanctioned\b|\bendorsed\b|voted (?:in favou?r|to)|adopté|approuvé|autorisé|adoptó|aprobó|autorizó|通过|通過|授权|授權|批准",
    )
});
static UN_AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:authori[sz]ed|approved|sanctioned|adopted|endorsed)\s+by\s+the\s+(?:UN|U\.N\.|United Nations)\b|(?:UN|United Nations)(?: Security Council)? (?:authori[sz]ed|approved|adopted|voted)|autorisée? par (?:l'ONU|les Nations unies)|autorizada por (?:la ONU|las Naciones Unidas)|被联合国(?:安理会)?授权|联合国(?:安理会)?(?:授权|批准|通过)|聯合國(?:安理會)?(?:授權|批准|通過)",
    )
});
/// An approval still to come is not an adoption.
static PENDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:pending|awaiting|await|seek|seeking|sought|to seek|request(?:ed|ing)?|would need|needs|must|if|once|before|en attente|attendant|pendiente)\b",
    )
});
static NATIONAL_COUNCIL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)national security council"));
static VOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?P<for>\d{1,2}) (?:votes? )?(?:in favou?r|for)[^.]{0,30}?(?:(?P<against>\d{1,2}|none|no one) against)?[^.]{0,30}?(?:(?P<abs>\d{1,2}|two|three) abstentions?)?|(?P<un>unanimously)",
    )
});
static MANDATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)mandate[^.;]{0,80}?(?:expir|to end|ends|ended|lapse|run out|runs out|terminat)|(?:expir\w*|end) of (?:its|the|their) mandate|mandat[^.;]{0,60}?(?:expir|prend fin|prendra fin|arrive à (?:terme|échéance)|arrivera à (?:terme|échéance))|mandato[^.;]{0,60}?(?:expira|vence|termina)|(?:任务期限|授权期|授權期|任期|授权)[^。，]{0,10}(?:到期|届满|屆滿|结束)",
    )
});
static MONTHS_LONG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<n>\d{1,2}|six|nine|twelve|eighteen)[- ]months?\b|\b(?P<y>one|a|1)[- ]year\b|\b(?P<fr>\d{1,2}) mois\b|\bun an\b|\b(?P<es>\d{1,2}|doce|seis) meses\b|(?P<zh>\d{1,2})个月|一年",
    )
});
static CIVILIAN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:[\p{L}-]+\s+){0,2}?(?:civilians?|civils?|civiles|civilian (?:staff|personnel)|police|soldiers|troops|policiers|militaires)\b",
    )
});
static CEILING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:up to|ceiling of|maximum of|authori[sz]ed strength of|no more than|jusqu'à|hasta|最多|至多)\s*$",
    )
});

/// The mission a sentence speaks of: the one it names, else the article's (the Gang Suppression
/// Force when the article names it anywhere: it succeeded the MSS).
fn mission_of(s: &Sentence, ctx: &Context) -> &'static str {
    s.actors
        .iter()
        .rev()
        .find(|a| matches!(a.code, "MSS" | "GSF"))
        .map_or(ctx.mission, |a| a.code)
}

fn resolutions(s: &Sentence, ctx: &Context, out: &mut Vec<Claim>) {
    let number = RESOLUTION_NUMBER.captures(s.text).and_then(|c| {
        c.name("n")
            .or(c.name("z"))
            .or(c.name("t"))
            .and_then(|m| m.as_str().parse::<i64>().ok())
    });
    let unsc = s.actors.iter().any(|a| a.code == "UNSC") && !NATIONAL_COUNCIL.is_match(s.text);
    if let Some(adopt) = ADOPTED
        .find(s.text)
        .filter(|_| number.is_some() || unsc)
        .or_else(|| UN_AUTHORITY.find(s.text))
        && !dates::is_future(&s.text[s.clause(adopt.start())])
        && !s.text[s.clause(adopt.start())]
            .to_lowercase()
            .contains("draft")
        && !PENDING.is_match(&s.text[s.clause(adopt.start()).start..adopt.start()])
    {
        let mut c = Claim {
            kind: "resolution".into(),
            event: "adopted".into(),
            subject: "UNSC".into(),
            value: None,
            resolution: number,
            text: span(s, adopt.start()),
            ..Claim::default()
        };
        c.vote = VOTE.captures(s.text).map(|v| {
            if v.name("un").is_some() {
                "15-0-0".to_string()
            } else {
                let word = |m: Option<regex::Match>| match m.map(|m| m.as_str().to_lowercase()) {
                    Some(w) if w == "none" || w == "no one" => "0".to_string(),
                    Some(w) if w == "two" => "2".into(),
                    Some(w) if w == "three" => "3".into(),
                    Some(w) => w,
                    None => "?".into(),
                };
                format!(
                    "{}-{}-{}",
                    word(v.name("for")),
                    word(v.name("against")),
                    word(v.name("abs"))
                )
            }
        });
        c.set_when(date_at(s, ctx, adopt.start()).map(|(w, _)| w));
        out.push(c);
    }
    if let Some(m) = MANDATE.find(s.text) {
        let months = MONTHS_LONG.captures(s.text).and_then(|c| {
            if let Some(n) = c
                .name("n")
                .or(c.name("fr"))
                .or(c.name("es"))
                .or(c.name("zh"))
            {
                return match n.as_str().to_lowercase().as_str() {
                    "six" | "seis" => Some(6),
                    "nine" => Some(9),
                    "twelve" | "doce" => Some(12),
                    "eighteen" => Some(18),
                    other => other.parse().ok(),
                };
            }
            Some(12)
        });
        let mut c = Claim {
            kind: "resolution".into(),
            event: "mandate_end".into(),
            subject: mission_of(s, ctx).into(),
            value: months,
            text: span(s, m.start()),
            ..Claim::default()
        };
        let when = s
            .dates
            .iter()
            .filter(|d| d.start >= m.start())
            .min_by_key(|d| d.start)
            .or_else(|| s.dates.last())
            .and_then(|d| {
                ctx.resolve(
                    d,
                    dates::is_future(&s.text[s.clause(d.start)])
                        || dates::is_future(&s.text[m.start()..m.end()]),
                )
            });
        c.set_when(when);
        if c.is_dated() {
            out.push(c);
        }
    }
    static FORCE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:force|mission|FRG|GSF|MSS|fuerza|misión)\b|部队|部隊|特派团|特派團")
    });
    let mut ceiling_seen = false;
    for n in s.numbers.iter().filter(|n| n.currency.is_none()) {
        let allowed =
            ADOPTED.is_match(s.text) || unsc || number.is_some() || FORCE.is_match(s.text);
        // "jusqu'à 5 500 personnels en uniforme … ainsi que 50 civils": the second figure of a ceiling.
        let continued = ceiling_seen && CIVILIAN_AFTER.is_match(&s.text[n.end..]);
        if !(continued || (allowed && CEILING.is_match(&s.text[..n.lead]))) {
            continue;
        }
        ceiling_seen = true;
        let rest = lower(&s.text[n.end..].chars().take(30).collect::<String>());
        let category = if rest.contains("civil") {
            "civilian"
        } else if [
            "uniform", "police", "polic", "troop", "soldier", "soldat", "militar",
        ]
        .iter()
        .any(|k| rest.contains(k))
        {
            "uniformed"
        } else {
            "total"
        };
        let mut c = Claim {
            kind: "resolution".into(),
            event: "ceiling".into(),
            subject: mission_of(s, ctx).into(),
            value: Some(n.value),
            category: Some(category.into()),
            resolution: number,
            text: span(s, n.start),
            ..Claim::default()
        };
        c.set_when(
            date_at(s, ctx, n.start)
                .map(|(w, _)| w)
                .or_else(|| ctx.now()),
        );
        out.push(c);
    }
}

// ---------------------------------------------------------------------------------------------
// Events

/// Who an event is about, when the sentence does not say it better.
#[derive(Clone, Copy)]
enum Who {
    /// The contributing country named (or the article's main actor).
    Actor,
    /// Always this subject.
    Fixed(&'static str),
}

struct EventRule {
    label: &'static str,
    pattern: Regex,
    who: Who,
    /// A pattern the sentence must not match (a personnel figure, a defence pact for a plain agreement).
    unless: Option<Regex>,
}

static EVENTS: LazyLock<Vec<EventRule>> = LazyLock::new(|| {
    let rule = |label, pattern: &str, who, unless: Option<&str>| EventRule {
        label,
        pattern: re(pattern),
        who,
        unless: unless.map(re),
    };
    vec![
        rule(
            "defence_agreement_signed",
            r"(?i)(?:defen[cs]e|military|security cooperation)[^.]{0,80}?(?:pact|agreement|accord|deal)[^.]{0,80}?\b(?:signed|inked|concluded)\b|(?:\bsigned|\binked)[^.]{0,60}?defen[cs]e (?:pact|agreement|cooperation)|\b(?:deal|pact|agreement),? signed\b[^.]{0,120}?defen[cs]e|accord de défense[^.]{0,40}sign|防务协议|防務協議|防卫合作协议",
            Who::Actor,
            None,
        ),
        rule(
            "agreement_signed",
            r"(?i)\b(?:signed|formali[sz]ed|finali[sz]ed|inked|concluded|sealed|to sign)\b[^.]{0,80}?\b(?:agreement|accord|deal|pact|instrument|memorandum|MoU)\b|\b(?:agreement|accord|deal|pact|instrument)\b[^.]{0,100}?\b(?:was|were|has been|had been|is) (?:signed|formali[sz]ed|finali[sz]ed|inked|concluded)\b|sign(?:é|ée|ent|aient|a) [^.]{0,40}accord|accord[^.]{0,40}(?:signé|conclu)|firm(?:ó|aron) [^.]{0,40}acuerdo|(?:签署|签订|簽署|簽訂)[^。]{0,12}(?:协议|协定|協議|協定)",
            Who::Actor,
            Some(r"(?i)defen[cs]e|防务|防務|\bwitness"),
        ),
        rule(
            "approval",
            r"(?i)\b(?:parliament|cabinet|national security council|national assembly|senate|congress|council of ministers|legislature|MPs|lawmakers)\b[^.]{0,60}?\b(?:approved|endorsed|ratified|authori[sz]ed|voted to approve|gave (?:the )?(?:green light|go-ahead))\b|\b(?:approved|endorsed|ratified)\b[^.]{0,30}\bby (?:the )?(?:parliament|cabinet|national assembly|senate)\b|(?:parlement|conseil des ministres|assemblée nationale|sénat)[^.]{0,40}(?:approuvé|autorisé|adopté|ratifié)|(?:congreso|parlamento|asamblea)[^.]{0,40}(?:aprobó|autorizó|ratificó)|(?:议会|議會|国会|國會|内阁|內閣)[^。]{0,24}(?:批准|通过|通過)",
            Who::Actor,
            None,
        ),
        rule(
            "court_block",
            r"(?i)\bcourt\b[^.]{0,60}?\b(?:blocked|block|halted|barred|suspended|stopped|ruled[^.]{0,30}unconstitutional|declared[^.]{0,30}unconstitutional)|\b(?:blocked|halted|barred) by [^.]{0,30}\bcourt\b|(?:tribunal|cour)[^.]{0,40}(?:bloqué|suspendu|invalidé)|法院[^。，]{0,6}(?:阻止|叫停|裁定|暂停)|被[^。，]{0,12}法院阻止",
            Who::Actor,
            None,
        ),
        rule(
            "officer_killed",
            r"(?i)\b(?:officer|policeman|policewoman|soldier|peacekeeper)\b[^.]{0,80}?\b(?:was|were|has been)? ?(?:killed|shot dead|died)\b|policier[^.]{0,20}tué|警察[^。]{0,6}(?:遇害|死亡|殉职)",
            Who::Actor,
            Some(
                r"(?i)\b\d[\d,.]*\s+(?:[\p{L}-]+\s+){0,3}(?:officers|police|policemen|soldiers|troops|personnel|members|policiers|soldats|militaires)\b|\d+名",
            ),
        ),
        rule(
            "officer_missing",
            r"(?i)\b(?:officer|policeman|soldier)\b[^.]{0,30}?\b(?:is|was|remains|went|gone|reported) missing\b|policier[^.]{0,20}porté disparu|警察[^。]{0,6}失踪",
            Who::Actor,
            None,
        ),
        rule(
            "contingent_arrived",
            r"(?i)\b(?:contingent|batch|group|team|unit|detachment)\b[^.]{0,60}?\b(?:arrived|landed|touched down)\b|contingent[^.]{0,40}(?:est arrivé|a atterri)|(?:特遣队|特遣隊|分队|批)[^。]{0,20}(?:抵达|抵達)",
            Who::Actor,
            Some(
                r"(?i)\b\d[\d,.]*\s+(?:[\p{L}-]+\s+){0,3}(?:officers|police|policemen|soldiers|troops|personnel|members|policiers|soldats|militaires)\b|\d+名",
            ),
        ),
        rule(
            "deployment_departure",
            r"(?i)\b(?:depart(?:ed|s|ing)?|left|leave|leaves|flew out|set off|will fly)\b[^.]{0,30}?\bfor (?:Haiti|Port-au-Prince)\b|(?:出发|出發|启程|啟程)(?:前往|赴)(?:海地|太子港)|(?:partis?|s'envole(?:nt|ra)?|quitt\w*)[^.]{0,30}pour (?:Haïti|Port-au-Prince)",
            Who::Actor,
            Some(
                r"(?i)\b\d[\d,.]*\s+(?:[\p{L}-]+\s+){0,3}(?:officers|police|policemen|soldiers|troops|personnel|members|policiers|soldats|militaires)\b|\d+名",
            ),
        ),
        rule(
            "deployment_expected",
            r"(?i)\b(?:deployment|contingent|troops|officers|police)\b[^.]{0,40}?\b(?:is|are) (?:expected|due|set|scheduled) to (?:arrive|deploy|be deployed)\b|预计[^。]{0,10}抵达",
            Who::Actor,
            Some(
                r"(?i)\b\d[\d,.]*\s+(?:[\p{L}-]+\s+){0,3}(?:officers|police|policemen|soldiers|troops|personnel|members|policiers|soldats|militaires)\b|\d+名",
            ),
        ),
        rule(
            "patrols_began",
            r"(?i)\b(?:began|begin|begun|started|start|launched|commenced)\b (?:joint )?(?:patrolling|patrols|to patrol)|commencé à patrouiller|(?:lancé|débuté) (?:les |des )?patrouilles|comenzaron a patrullar|开始巡逻|開始巡邏",
            Who::Actor,
            None,
        ),
        rule(
            "official_visit",
            r"(?i)\b(?:during|on|made|paid|for|a|an)\s+(?:a |an |his |her |their |the )?(?:[\p{L}-]+ ){0,2}?visit to\b|\bvisited\b (?:Haiti|Port-au-Prince|Nairobi|Kenya|Washington|New York)|(?:visite (?:officielle )?(?:à|en) )|(?:visita oficial a|visitó )|(?:访问|訪問|到访|到訪|视察|視察)",
            Who::Actor,
            Some(r"(?i)[’']s visit to"),
        ),
        rule(
            "assistance_requested",
            r"(?i)\b(?:requested|request|appealed for|asked for|called for|sought)\b[^.]{0,40}?\b(?:international )?(?:assistance|help|support|force|intervention|deployment)\b|(?:demandé|sollicité|réclamé)[^.]{0,30}(?:aide|assistance|force)|(?:solicitó|pidió)[^.]{0,30}(?:ayuda|asistencia|fuerza)|请求[^。]{0,8}(?:国际)?(?:援助|协助|部队)",
            Who::Fixed("HTI"),
            Some(r"(?i)\bKenya\b|letter"),
        ),
        rule(
            "request_letter",
            r"(?i)\bletter\b[^.]{0,60}?\brequest|\brequest\w*\b[^.]{0,40}?\bin a letter\b",
            Who::Fixed("HTI"),
            None,
        ),
        rule(
            "offer_to_lead",
            r"(?i)\boffer(?:ed|ing|s)? to lead\b|\bstepped forward\b[^.]{0,40}?\blead\b|\bvolunteered to lead\b|\bagreed to lead\b|proposé de (?:diriger|prendre la tête)|ofreció (?:liderar|encabezar)|(?:提出|表示愿意|同意)领导",
            Who::Actor,
            None,
        ),
        rule(
            "pledge_letter",
            r"(?i)\bletter\b[^.]{0,60}?\bpledg",
            Who::Actor,
            None,
        ),
        rule(
            "letter_to_unsc",
            r"(?i)\bletter to the (?:UN |U\.N\. |United Nations )?Security Council\b|lettre au Conseil de sécurité|致函[^。]{0,6}(?:安理會|安理会)|致信(?:安理会|安理會)",
            Who::Actor,
            None,
        ),
        rule(
            "vote_scheduled",
            r"(?i)\b(?:expected|scheduled|set|due) to vote\b|\bvote (?:is|was) (?:scheduled|expected|set)\b|\bwill vote\b|doit voter|devrait voter|votera|预计[^。]{0,10}表决|将[^。]{0,6}表决",
            Who::Fixed("UNSC"),
            None,
        ),
        rule(
            "mandate_review_due",
            r"(?i)\bmandate\b[^.]{0,40}?\b(?:review|renewal)\b[^.]{0,20}?\bdue\b|\bto review the mandate\b",
            Who::Fixed("UNSC"),
            None,
        ),
        rule(
            "trust_fund_established",
            r"(?i)\btrust fund\b[^.]{0,40}?\b(?:was |were )?(?:established|set up|created|launched)\b|\b(?:established|set up|created|launched) (?:a|the) trust fund\b|信托基金[^。]{0,6}设立|设立[^。]{0,6}信托基金",
            Who::Fixed("TRUST_FUND"),
            None,
        ),
        rule(
            "funds_sufficient_until",
            r"(?i)\b(?:funds?|money|funding)\b[^.]{0,40}?\b(?:last|sufficient|enough|cover)\b[^.]{0,30}?\b(?:until|through|till)\b",
            Who::Fixed("TRUST_FUND"),
            None,
        ),
        rule(
            "air_asset_arrived",
            r"(?i)\b(?:aircraft|helicopters?|planes?|airplane)\b[^.]{0,60}?\b(?:arrived|landed|were delivered|was delivered)\b|(?:直升机|飞机)[^。]{0,10}抵达",
            Who::Actor,
            None,
        ),
        rule(
            "force_generation_conference",
            r"(?i)\bforce[- ]generation (?:conference|meeting)\b|conférence de génération de forces",
            Who::Fixed("MSS"),
            None,
        ),
        rule(
            "special_representative_named",
            r"(?i)\b(?:named|appointed)\b[^.]{0,60}?\bspecial representative\b|\bspecial representative\b[^.]{0,40}?\b(?:was )?(?:named|appointed)\b",
            Who::Actor,
            None,
        ),
        rule(
            "negotiations_started",
            r"(?i)\b(?:began|started|opened|launched)\b (?:talks|negotiations)\b|ouvert (?:des|les) négociations",
            Who::Actor,
            None,
        ),
        rule(
            "leadership_handover",
            r"(?i)\b(?:handed over|hand over|handover of|took over|assumed)\b (?:the )?(?:command|leadership)\b",
            Who::Actor,
            None,
        ),
        rule(
            "drawdown_announced",
            r"(?i)\bannounc\w*\b[^.]{0,40}?\b(?:drawdown|withdrawal|pull-?out|pulling out)\b",
            Who::Actor,
            None,
        ),
        rule(
            "cpt_mandate_expiry",
            r"(?i)(?:Transitional Presidential Council|\bCPT\b|Conseil présidentiel de transition)[^.]{0,60}?(?:mandate|term)[^.]{0,40}?(?:expire|end)",
            Who::Fixed("HTI"),
            None,
        ),
        rule(
            "unga_address",
            r"(?i)\b(?:addressed|address|speech (?:to|at)|told|speaking at)\b (?:the )?(?:UN |U\.N\. |United Nations )?General Assembly\b|\bUNGA\b|Assemblée générale des Nations unies|联合国大会[^。]{0,6}(?:发言|讲话)",
            Who::Actor,
            None,
        ),
        rule(
            "president_assassinated",
            r"(?i)\bassassinat(?:ion|ed)\b|\bassassiné|\basesinato\b|\basesinado\b|遇刺|被暗杀|被暗殺",
            Who::Fixed("HTI"),
            None,
        ),
        rule(
            "government_collapse",
            r"(?i)\b(?:collapse|fall|downfall) of [^.]{0,30}?government\b|\bgovernment\b[^.]{0,20}?\b(?:collapsed|fell)\b|effondrement du gouvernement|colapso del gobierno|政府[^。，]{0,4}(?:崩溃|崩潰|垮台)",
            Who::Fixed("HTI"),
            None,
        ),
        rule(
            "armed_clashes",
            r"(?i)\barmed clashes\b|\bclashes (?:erupted|occurred|broke out)\b|\bheavy fighting\b|affrontements armés|enfrentamientos armados|武装冲突|武裝衝突",
            Who::Fixed("HTI"),
            None,
        ),
        rule(
            "us_inauguration",
            r"(?i)\binaugurat(?:ion|ed)\b|\binvestiture\b|就职典礼|就職",
            Who::Fixed("USA"),
            Some(r"(?i)airport|road|bridge|prison|school|hospital|police station"),
        ),
    ]
});

fn events(s: &Sentence, ctx: &Context, previous: Option<&Previous>, out: &mut Vec<Claim>) {
    let mut labels: Vec<&str> = Vec::new();
    for rule in EVENTS.iter() {
        let Some(m) = rule.pattern.find(s.text) else {
            continue;
        };
        if rule
            .unless
            .as_ref()
            .is_some_and(|u| u.is_match(&s.text[s.clause(m.start())]))
        {
            continue;
        }
        // One agreement per sentence: a defence pact is not also a plain agreement.
        if rule.label == "agreement_signed" && labels.contains(&"defence_agreement_signed") {
            continue;
        }
        let subject = match rule.who {
            Who::Fixed(code) => Some(code.to_string()),
            Who::Actor => {
                let clause = s.clause(m.start());
                let named: Vec<&'static str> = countries_in(s, clause.start, clause.end);
                let named = if named.is_empty() {
                    countries_in(s, 0, s.text.len())
                } else {
                    named
                };
                if named.len() > 2 {
                    // Several countries acting together: "7_COUNTRIES".
                    Some(format!("{}_COUNTRIES", named.len()))
                } else {
                    named
                        .iter()
                        .find(|c| CONTRIBUTORS.contains(c))
                        .or_else(|| named.iter().find(|c| **c != "HTI" && **c != "USA"))
                        .copied()
                        .or(ctx.main_actor)
                        .or_else(|| named.first().copied())
                        .map(str::to_string)
                }
            }
        };
        let Some(subject) = subject else { continue };
        // "Ruto made the announcement during a visit to …": the day of the sentence before.
        let when = date_at(s, ctx, m.start())
            .map(|(w, _)| w)
            .or_else(|| carried_day(s, previous));
        // Precision first: an event the article does not date is not worth an analyst's look.
        if when.is_none() {
            continue;
        }
        labels.push(rule.label);
        let mut c = Claim {
            kind: "event".into(),
            event: rule.label.into(),
            subject,
            value: None,
            text: span(s, m.start()),
            ..Claim::default()
        };
        c.set_when(when);
        out.push(c);
    }
}
