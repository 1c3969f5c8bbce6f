//! The pages' words: Fluent files under `locales/{en,fr,ht,es}/` (one file per capability, as
//! the code is laid out) compiled into the binary by fluent-templates, and [`Tr`], which looks a
//! message up in the reader's language and formats numbers and dates the way that language
//! writes them.
//!
//! English and French are complete. Haitian Creole covers the public pages (the complaint form,
//! the status of a complaint, the statistics), the layout and the situational picture, and falls
//! back to French — Haiti's other official language — before English. Spanish is complete (the
//! Guatemalan and Salvadoran contingents use the staff pages in it) and falls back to English.
//! Country names come from `konbit_domain::country`, not from here.
//!
//! Message ids are Fluent identifiers: words joined by `-` (a `.` in a Fluent id names an
//! attribute), e.g. `nav-log`, `case_status-closed`.

use fluent_templates::fluent_bundle::{FluentArgs, FluentValue};
use fluent_templates::{LanguageIdentifier, langid, static_loader};
use time::Date;

/// A value put into a message's `{ $name }` placeable: text, or a whole number (which the
/// message's language writes with its own separators, and which a plural selector can choose
/// on). Callers write `tr.fmt("sit-dead", &[("n", &fatalities)])`.
pub trait Arg {
    /// The value as Fluent takes it.
    fn value(&self) -> FluentValue<'_>;
}

impl Arg for String {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_str())
    }
}

impl Arg for &str {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(*self)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'_> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

/// Whether `lang` itself has the message `id`, with or without placeables to fill.
fn in_language(lang: &LanguageIdentifier, id: &str) -> bool {
    match LOCALES.lookup_single_language::<&str>(lang, id, None) {
        Ok(_) => true,
        // fluent-templates does not export its error type's name; a message that exists but
        // wants arguments is the one variant that formats as "Fluent errors".
        Err(e) => e.to_string().starts_with("Fluent errors"),
    }
}

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Unicode isolation marks around placeables would land inside attribute values and
        // test assertions; every placeable here is text in the page's own direction.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let comma = bundle.locales.first().map(|l| separator(l.language.as_str())) == Some(",");
            bundle.set_formatter(Some(if comma { numbers_with_commas } else { numbers_with_spaces }));
        },
    };
}

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
    Ht,
    Es,
}

const EN: LanguageIdentifier = langid!("en");
const FR: LanguageIdentifier = langid!("fr");
const HT: LanguageIdentifier = langid!("ht");
const ES: LanguageIdentifier = langid!("es");

impl Lang {
    /// Where a message is looked for, in order: the language itself, then the one its readers
    /// read next (Creole → French → English; Spanish → English).
    fn chain(self) -> &'static [LanguageIdentifier] {
        const CHAIN_EN: &[LanguageIdentifier] = &[EN];
        const CHAIN_FR: &[LanguageIdentifier] = &[FR, EN];
        const CHAIN_HT: &[LanguageIdentifier] = &[HT, FR, EN];
        const CHAIN_ES: &[LanguageIdentifier] = &[ES, EN];
        match self {
            Lang::En => CHAIN_EN,
            Lang::Fr => CHAIN_FR,
            Lang::Ht => CHAIN_HT,
            Lang::Es => CHAIN_ES,
        }
    }
}

/// A translator for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    lang: Lang,
}

impl Tr {
    /// Every language, in the order the language switcher shows them.
    pub const ALL: [Tr; 4] = [
        Tr { lang: Lang::En },
        Tr { lang: Lang::Fr },
        Tr { lang: Lang::Ht },
        Tr { lang: Lang::Es },
    ];

    /// English.
    pub fn en() -> Tr {
        Tr { lang: Lang::En }
    }

    /// French.
    pub fn fr() -> Tr {
        Tr { lang: Lang::Fr }
    }

    /// Haitian Creole (Kreyòl ayisyen).
    pub fn ht() -> Tr {
        Tr { lang: Lang::Ht }
    }

    /// Spanish.
    pub fn es() -> Tr {
        Tr { lang: Lang::Es }
    }

    /// The translator for a language code (`en`, `fr`, `ht`, `es`), if we have that language.
    pub fn from_code(code: &str) -> Option<Tr> {
        Tr::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The language a browser asks for in its `Accept-Language` header, the first of its
    /// preferences (by quality) we write, matching `fr-HT` to French; English when none. Only
    /// the header's first 256 bytes are read: no browser sends more, and a hostile one gains
    /// nothing from it.
    pub fn negotiate(accept_language: &str) -> Tr {
        let head = match accept_language.char_indices().nth(256) {
            Some((end, _)) => &accept_language[..end],
            None => accept_language,
        };
        let asked = fluent_langneg::accepted_languages::parse(head);
        let ours = [EN, FR, HT, ES];
        let english = EN;
        let chosen = fluent_langneg::negotiate_languages(
            &asked,
            &ours,
            Some(&english),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|l| Tr::from_code(l.language.as_str()))
            .unwrap_or_else(Tr::en)
    }

    /// The language code, as used in `<html lang>` and the language cookie.
    pub fn code(&self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ht => "ht",
            Lang::Es => "es",
        }
    }

    /// How the language switcher names the language, in the language itself: its code, except
    /// Creole, whose code (`ht`) few of its readers would recognise.
    pub fn switch_label(&self) -> &'static str {
        match self.lang {
            Lang::En => "EN",
            Lang::Fr => "FR",
            Lang::Ht => "Kreyòl",
            Lang::Es => "ES",
        }
    }

    /// The message `id` with `args`, from the first language of the chain that has it and can
    /// format it (a message missing one of its arguments counts as missing).
    fn find(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        self.lang
            .chain()
            .iter()
            .find_map(|lang| format(lang, id, args))
    }

    /// Whether this language itself (not its fallbacks) has the message `id`, with or without
    /// placeables to fill.
    pub fn has(&self, id: &str) -> bool {
        self.lang
            .chain()
            .first()
            .is_some_and(|l| in_language(l, id))
    }

    /// The code of the language that answers `id` when it is a fallback of this one (French
    /// under Creole), so that the page marks the text with its own `lang`; `None` when this
    /// language has it, or no language does.
    pub fn fallback_of(&self, id: &str) -> Option<&'static str> {
        if self.has(id) {
            return None;
        }
        self.lang
            .chain()
            .iter()
            .skip(1)
            .find(|l| in_language(l, id))
            .and_then(|l| {
                Tr::ALL
                    .iter()
                    .map(|t| t.code())
                    .find(|c| *c == l.language.as_str())
            })
    }

    /// The text of `id` if any language of the chain has it.
    pub fn lookup(&self, id: &str) -> Option<String> {
        self.find(id, None)
    }

    /// The text of `id`, falling back to the id itself (so a missing message shows up as its id
    /// on the page instead of vanishing).
    pub fn t(&self, id: &str) -> String {
        self.lookup(id).unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with its placeables filled from `args`. Values are put in once and
    /// never read as Fluent, so free text holding `{ $x }` comes out as written.
    pub fn fmt(&self, id: &str, args: &[(&str, &dyn Arg)]) -> String {
        let mut fa = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fa.set(*name, value.value());
        }
        self.find(id, Some(&fa)).unwrap_or_else(|| id.to_string())
    }

    /// A message of the domain or the store (`must not be before arrested_at`, `no person with
    /// id …`) in this language: the message `dom-<slug of the English text>` of
    /// `locales/*/domain.ftl` when it is written out in full, or the first of the English file's
    /// messages with placeables ([`Pattern`]) whose literal parts the text has, rendered in this
    /// language with the values taken out of the English; the English text itself when neither
    /// knows it.
    pub fn domain_message(&self, english: &str) -> String {
        self.lookup(&format!("dom-{}", message_slug(english)))
            .or_else(|| {
                patterns().iter().find_map(|p| {
                    let values = p.values(english)?;
                    let mut fa = FluentArgs::with_capacity(values.len());
                    for (name, value) in p.names.iter().zip(values) {
                        fa.set(name.clone(), self.placeable(name, value));
                    }
                    self.find(&p.id, Some(&fa))
                })
            })
            .unwrap_or_else(|| english.to_string())
    }

    /// The id of the help under a form's field whose schema describes it in English as
    /// `english`: `help-<slug of the English text>` (in `locales/*/forms.ftl`).
    pub fn help_id(english: &str) -> String {
        format!("help-{}", message_slug(english))
    }

    /// The words of a help text in this language (see [`Tr::help_id`]).
    pub fn help(&self, english: &str) -> Option<String> {
        self.lookup(&Tr::help_id(english))
    }

    /// A value taken out of a domain message, as its placeable shows it: a whole number
    /// (`$max`, `$min`, …) with this language's thousands separator; an enumerated value
    /// (`$vetting`, `$doc_kind`, …) by its label; anything else as written.
    fn placeable(&self, name: &str, value: &str) -> FluentValue<'static> {
        if NUMBER_PLACEABLES.contains(&name)
            && let Ok(n) = value.parse::<i64>()
        {
            return FluentValue::from(n);
        }
        // A decimal (a distance in km) takes this language's decimal sign: 947,2 km in French.
        if DECIMAL_PLACEABLES.contains(&name) && value.parse::<f64>().is_ok() && self.code() != "en"
        {
            return FluentValue::from(value.replace('.', ","));
        }
        if let Some((_, prefix)) = LABEL_PLACEABLES.iter().find(|(n, _)| *n == name)
            && let Some(label) = self.lookup(&format!("{prefix}-{value}"))
        {
            return FluentValue::from(label);
        }
        FluentValue::from(value.to_string())
    }

    /// The label of an enumerated value, e.g. `label("movement", "arrival")` reads
    /// `movement-arrival`; falls back to the value itself.
    pub fn label(&self, prefix: &str, value: &str) -> String {
        self.lookup(&format!("{prefix}-{value}"))
            .unwrap_or_else(|| value.to_string())
    }

    /// A whole number with the language's thousands separator: `12,345` in English, `12 345`
    /// (narrow no-break space) in French, Creole and Spanish. Numbers given to [`Tr::fmt`] as
    /// [`Arg`]s are written the same way.
    pub fn num(&self, n: i64) -> String {
        group(n, separator(self.lang.chain()[0].language.as_str()))
    }

    /// A date written out as the `date-long` message orders it: `2 October 2024`,
    /// `2 octobre 2024`, `2 oktòb 2024`, `2 de octubre de 2024`.
    pub fn date_long(&self, d: Date) -> String {
        let month = self.t(&format!("month-{}", u8::from(d.month())));
        self.fmt(
            "date-long",
            &[
                ("day", &d.day().to_string()),
                ("month", &month),
                ("year", &d.year().to_string()),
            ],
        )
    }
}

/// The placeables of `locales/*/domain.ftl` that hold a whole number.
const NUMBER_PLACEABLES: [&str; 7] = [
    "max", "min", "fields", "width", "police", "military", "civilian",
];

/// The placeables of `locales/*/domain.ftl` that hold a decimal number written with a point.
const DECIMAL_PLACEABLES: [&str; 2] = ["km", "limit"];

/// The placeables of `locales/*/domain.ftl` that hold an enumerated value, with the prefix of
/// its labels (`$vetting` = `pending` shows as `vetting-pending`).
const LABEL_PLACEABLES: [(&str, &str); 9] = [
    ("cat", "cat"),
    ("class", "class"),
    ("vetting", "vetting"),
    ("doc_kind", "doc_kind"),
    ("role", "role"),
    ("review_from", "review"),
    ("review_to", "review"),
    ("case_from", "case_status"),
    ("case_to", "case_status"),
];

/// A message of the domain or the store built with values, as the English `domain.ftl` writes
/// it: `dom-no_person_with_id = no person with id { $id }` is the id, the literal parts
/// `["no person with id ", ""]` and the placeable names `["id"]`.
#[derive(Debug)]
struct Pattern {
    id: String,
    /// The text before, between and after the placeables: one more than `names`; none but
    /// the first and the last is empty (two placeables side by side could not be told apart).
    literals: Vec<String>,
    names: Vec<String>,
}

impl Pattern {
    /// The number of characters the pattern fixes: a text that two patterns match is the
    /// one's that fixes more (`no person with id …` rather than `no … with id …`).
    fn fixed(&self) -> usize {
        self.literals.iter().map(|l| l.chars().count()).sum()
    }

    /// The values of the placeables when `text` is this message (each one non-empty, each
    /// literal part taken at its first place after the previous value).
    fn values<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        let (first, rest) = self.literals.split_first()?;
        let (last, middle) = rest.split_last()?;
        let mut s = text
            .strip_prefix(first.as_str())?
            .strip_suffix(last.as_str())?;
        let mut out = Vec::with_capacity(self.names.len());
        for lit in middle {
            // The value before this part has at least its first character.
            let skip = s.chars().next()?.len_utf8();
            let at = s[skip..].find(lit.as_str())? + skip;
            out.push(&s[..at]);
            s = &s[at + lit.len()..];
        }
        if s.is_empty() {
            return None;
        }
        out.push(s);
        Some(out)
    }
}

/// The English `domain.ftl`, the source of the patterns (the Fluent loader keeps its parsed
/// files to itself).
const DOMAIN_EN: &str = include_str!("../../../locales/en/domain.ftl");

/// The messages of the English `domain.ftl` with placeables, the ones that fix more first;
/// read once, on the first refused form.
fn patterns() -> &'static [Pattern] {
    static PATTERNS: std::sync::LazyLock<Vec<Pattern>> =
        std::sync::LazyLock::new(|| parse_patterns(DOMAIN_EN));
    &PATTERNS
}

/// The messages of a Fluent file whose value is text and variables only, and at least one
/// variable, as patterns (others are skipped: they are matched by their slug).
fn parse_patterns(ftl: &str) -> Vec<Pattern> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    let resource = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out: Vec<Pattern> = resource
        .body
        .iter()
        .filter_map(|entry| {
            let Entry::Message(m) = entry else {
                return None;
            };
            let mut literals = vec![String::new()];
            let mut names = Vec::new();
            for element in &m.value.as_ref()?.elements {
                match element {
                    PatternElement::TextElement { value } => literals.last_mut()?.push_str(value),
                    PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::VariableReference { id }),
                    } => {
                        names.push(id.name.to_string());
                        literals.push(String::new());
                    }
                    PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::StringLiteral { value }),
                    } => literals.last_mut()?.push_str(value),
                    PatternElement::Placeable { .. } => return None,
                }
            }
            let inner = literals.get(1..literals.len().saturating_sub(1))?;
            (!names.is_empty() && !inner.iter().any(String::is_empty)).then(|| Pattern {
                id: m.id.name.to_string(),
                literals,
                names,
            })
        })
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(p.fixed()));
    out
}

/// One language's own formatting of `id`, or `None` if it does not have the message or a
/// placeable could not be filled.
fn format(lang: &LanguageIdentifier, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    // fluent-templates takes arguments as a map; FluentArgs is what the bundle itself takes.
    let map: Option<std::collections::HashMap<&str, FluentValue>> =
        args.map(|a| a.iter().map(|(k, v)| (k, v.clone())).collect());
    LOCALES.lookup_single_language(lang, id, map.as_ref()).ok()
}

/// The thousands separator of a language: English writes a comma; French, Creole and Spanish
/// (as the UN and Haiti's institutions print it) a narrow no-break space.
fn separator(language: &str) -> &'static str {
    match language {
        "en" => ",",
        _ => "\u{202f}",
    }
}

/// `n` with `sep` between each group of three digits.
fn group(n: i64, sep: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len() + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// A whole number given as an [`Arg`], if it is one (and its message did not turn grouping off).
fn whole(v: &FluentValue) -> Option<i64> {
    match v {
        FluentValue::Number(n)
            if n.value.fract() == 0.0 && n.value.abs() < 1e15 && n.options.use_grouping =>
        {
            // Whole and well within i64 by the guard above.
            #[allow(clippy::cast_possible_truncation)]
            Some(n.value as i64)
        }
        _ => None,
    }
}

/// The English bundle's number formatter: whole numbers grouped by commas, other values left to
/// Fluent.
fn numbers_with_commas<M>(v: &FluentValue, _: &M) -> Option<String> {
    whole(v).map(|n| group(n, ","))
}

/// The other bundles' number formatter: whole numbers grouped by narrow no-break spaces.
fn numbers_with_spaces<M>(v: &FluentValue, _: &M) -> Option<String> {
    whole(v).map(|n| group(n, "\u{202f}"))
}

/// The label prefix of a public statistics table's columns (`level` for
/// `use_of_force_by_level`: its columns read `level-firearm`, …).
pub fn stat_column_prefix(table: &str) -> &'static str {
    match table {
        "use_of_force_by_level" => "level",
        "use_of_force_by_review" => "review",
        "detentions_by_handover" => "clock",
        "complaints_by_category" => "conduct",
        "complaints_by_status" => "case_status",
        "allegations_by_misconduct" => "misconduct",
        _ => "stats-column",
    }
}

/// The id part of a domain message: lowercase, each run of other characters than a–z and 0–9
/// one `_`, trimmed, at most 64 characters.
pub fn message_slug(english: &str) -> String {
    let mut out = String::new();
    for c in english.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let mut slug = out.trim_matches('_').to_string();
    if slug.len() > 64 {
        slug.truncate(64);
        slug = slug.trim_end_matches('_').to_string();
    }
    slug
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_distance_takes_the_languages_decimal_sign() {
        let sea = "the point (25.77, -80.19) is outside Haiti: at sea 947.2 km from its coast, \
                   beyond its territorial sea (12 nautical miles, 22.2 km)";
        assert_eq!(Tr::en().domain_message(sea), sea);
        let fr = Tr::fr().domain_message(sea);
        assert!(
            fr.contains("en mer à 947,2 km") && fr.contains("22,2 km)"),
            "{fr}"
        );
        let es = Tr::es().domain_message(sea);
        assert!(es.contains("947,2 km") && es.contains("22,2 km"), "{es}");
        // The coordinates are not distances: they stay as given.
        assert!(fr.contains("(25.77, -80.19)"), "{fr}");
    }

    #[test]
    fn a_fallback_says_which_language_it_is() {
        // Creole's forms have the desk's name but not the place picker's: that is French.
        assert!(Tr::ht().has("nav-desk"));
        assert_eq!(Tr::ht().fallback_of("nav-desk"), None);
        assert!(!Tr::ht().has("form-place"));
        assert_eq!(Tr::ht().fallback_of("form-place"), Some("fr"));
        assert_eq!(Tr::fr().fallback_of("form-place"), None);
        assert_eq!(Tr::en().fallback_of("no-such-message"), None);
    }

    use super::*;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    use konbit_domain::Named;
    use konbit_domain::{
        Category, Classification, Reliability, Role, SourceKind,
        force::{FundingChannel, InstrumentKind, InstrumentStatus, Movement},
        registers::{
            CaseStatus, Casualties, ClockState, ConductCategory, CustodyHarm, DocumentKind,
            ForceLevel, FormLanguage, Investigator, Misconduct, ReviewStatus, Sex, VettingStatus,
            statistics,
        },
    };
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    fn locales() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales")
    }

    /// A language's messages, file by file: the file name, then each id with the variables
    /// its value names. A file Fluent cannot parse fails the test here.
    fn messages(lang: &str) -> BTreeMap<String, Vec<(String, BTreeSet<String>)>> {
        let mut out = BTreeMap::new();
        for e in std::fs::read_dir(locales().join(lang)).expect("locale dir") {
            let path = e.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("ftl file");
            let res = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errs)| panic!("{} does not parse: {errs:?}", path.display()));
            let mut ids = Vec::new();
            for entry in res.body {
                match entry {
                    Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(v) = &m.value {
                            variables(v, &mut vars);
                        }
                        ids.push((m.id.name.to_string(), vars));
                    }
                    Entry::Junk { content } => panic!("{}: junk {content:?}", path.display()),
                    _ => {}
                }
            }
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            out.insert(name, ids);
        }
        out
    }

    fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                match expression {
                    Expression::Inline(InlineExpression::VariableReference { id }) => {
                        out.insert(id.name.to_string());
                    }
                    Expression::Select { selector, variants } => {
                        if let InlineExpression::VariableReference { id } = selector {
                            out.insert(id.name.to_string());
                        }
                        for v in variants {
                            variables(&v.value, out);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn ids(m: &BTreeMap<String, Vec<(String, BTreeSet<String>)>>) -> Vec<String> {
        m.values().flatten().map(|(id, _)| id.clone()).collect()
    }

    #[test]
    fn english_and_french_have_the_same_messages_in_the_same_files_and_order() {
        let (en, fr) = (messages("en"), messages("fr"));
        assert_eq!(
            en.keys().collect::<Vec<_>>(),
            fr.keys().collect::<Vec<_>>(),
            "the same files"
        );
        for (file, msgs) in &en {
            let en_ids: Vec<_> = msgs.iter().map(|(id, _)| id).collect();
            let fr_ids: Vec<_> = fr[file].iter().map(|(id, _)| id).collect();
            assert_eq!(
                en_ids, fr_ids,
                "{file}: English and French must be parallel"
            );
        }
    }

    #[test]
    fn every_language_has_english_ids_with_english_variables_and_no_duplicates() {
        let en: BTreeMap<String, BTreeSet<String>> =
            messages("en").into_values().flatten().collect();
        assert_eq!(
            en.len(),
            ids(&messages("en")).len(),
            "an English id is there twice"
        );
        for lang in ["fr", "ht", "es"] {
            let m = messages(lang);
            let mut seen = BTreeSet::new();
            for (file, msgs) in &m {
                for (id, vars) in msgs {
                    assert!(seen.insert(id.clone()), "{lang}/{file}: {id} twice");
                    let want = en
                        .get(id)
                        .unwrap_or_else(|| panic!("{lang}/{file}: {id} is not an English id"));
                    assert_eq!(vars, want, "{lang}/{file}: {id} names other variables");
                }
            }
        }
    }

    /// Staff pages and forms are used in Spanish by the Guatemalan and Salvadoran contingents:
    /// every English message is in Spanish too, none left to fall back to English.
    #[test]
    fn spanish_has_every_english_message() {
        let es: BTreeSet<String> = ids(&messages("es")).into_iter().collect();
        let missing: Vec<String> = ids(&messages("en"))
            .into_iter()
            .filter(|id| !es.contains(id))
            .collect();
        assert!(missing.is_empty(), "not in Spanish: {missing:?}");
    }

    #[test]
    fn creole_falls_back_to_french_and_spanish_to_english() {
        let ht = Tr::ht();
        assert_eq!(Tr::from_code("ht"), Some(ht));
        assert_eq!(ht.code(), "ht");
        assert_eq!(ht.t("complaint-title"), "Depoze yon plent");
        assert!(ht.has("complaint-title"));
        // Staff pages are not in Creole: French, not English, and never the id.
        assert!(!ht.has("uof-title"));
        assert_eq!(ht.t("uof-title"), Tr::fr().t("uof-title"));
        assert_ne!(ht.t("uof-title"), Tr::en().t("uof-title"));
        assert_eq!(ht.label("vetting", "cleared"), "favorable");
        assert_eq!(ht.t("no-such-id"), "no-such-id");
        let es = Tr::es();
        assert!(es.has("complaint-title"));
        assert_ne!(es.t("complaint-title"), Tr::en().t("complaint-title"));
        // Spanish has every message (`spanish_has_every_english_message`); one it lacked would
        // come from English.
        assert!(es.has("uof-title"));
        assert_ne!(es.t("uof-title"), Tr::en().t("uof-title"));
        assert_eq!(Lang::Es.chain(), &[ES, EN]);
        assert_eq!(es.t("no-such-id"), "no-such-id");
    }

    #[test]
    fn lookups_fall_back_to_the_id() {
        assert_eq!(Tr::fr().t("nav-log"), "Journal");
        assert_eq!(Tr::fr().t("no-such-id"), "no-such-id");
        assert_eq!(Tr::fr().label("movement", "rotation"), "relève");
        assert_eq!(Tr::fr().label("movement", "teleport"), "teleport");
        assert_eq!(Tr::en().fmt("no-such-id", &[("n", &1)]), "no-such-id");
    }

    #[test]
    fn numbers_get_the_languages_thousands_separators() {
        assert_eq!(Tr::en().num(0), "0");
        assert_eq!(Tr::en().num(999), "999");
        assert_eq!(Tr::en().num(2500), "2,500");
        assert_eq!(Tr::en().num(-1234567), "-1,234,567");
        assert_eq!(Tr::fr().num(2500), "2\u{202f}500");
        assert_eq!(Tr::ht().num(2500), "2\u{202f}500");
        // A number given to a message is written by the message's language, through Fluent.
        assert_eq!(Tr::en().fmt("sit-dead", &[("n", &12345)]), "12,345 dead");
        // A message missing its argument is missing, not half-filled.
        assert_eq!(Tr::en().t("sit-dead"), "sit-dead");
        let fr = Tr::fr().fmt("sit-dead", &[("n", &12345_i64)]);
        assert!(fr.contains("12\u{202f}345"), "{fr}");
    }

    #[test]
    fn arguments_are_put_in_once() {
        // Free text holding Fluent syntax comes out as written.
        let s = Tr::en().fmt("reg-recorded", &[("at", &"{ $at } {\"x\"}")]);
        assert!(s.contains("{ $at } {\"x\"}"), "{s}");
        // No Unicode isolation marks around placeables.
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
    }

    #[test]
    fn long_dates_in_each_language() {
        let d = time::macros::date!(2024 - 10 - 02);
        assert_eq!(Tr::en().date_long(d), "2 October 2024");
        assert_eq!(Tr::fr().date_long(d), "2 octobre 2024");
        assert_eq!(Tr::ht().date_long(d), "2 oktòb 2024");
        assert_eq!(Tr::es().date_long(d), "2 de octubre de 2024");
    }

    #[test]
    fn the_browsers_preference_is_negotiated() {
        assert_eq!(Tr::negotiate(""), Tr::en());
        assert_eq!(Tr::negotiate("fr-HT,fr;q=0.9,en;q=0.8"), Tr::fr());
        assert_eq!(Tr::negotiate("ht"), Tr::ht());
        assert_eq!(Tr::negotiate("de-DE, es;q=0.5"), Tr::es());
        assert_eq!(Tr::negotiate("de-DE"), Tr::en());
        assert_eq!(Tr::negotiate(&"x,".repeat(100_000)), Tr::en());
        assert_eq!(Tr::from_code("es"), Some(Tr::es()));
        assert_eq!(Tr::from_code("de"), None);
    }

    #[test]
    fn every_enumerated_value_has_a_label_in_english_and_french() {
        let mut wanted: Vec<String> = Vec::new();
        let mut add = |prefix: &str, values: &mut dyn Iterator<Item = String>| {
            wanted.extend(values.map(|v| format!("{prefix}-{v}")));
        };
        add(
            "instrument",
            &mut InstrumentKind::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "status",
            &mut InstrumentStatus::ALL.iter().map(|k| k.to_string()),
        );
        add("movement", &mut Movement::ALL.iter().map(|k| k.to_string()));
        add(
            "class",
            &mut Classification::ALL.iter().map(|k| k.to_string()),
        );
        add("role", &mut Role::ALL.iter().map(|k| k.to_string()));
        add(
            "channel",
            &mut FundingChannel::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "source_kind",
            &mut SourceKind::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "reliability",
            &mut Reliability::ALL.iter().map(|k| k.to_string()),
        );
        add("credibility", &mut (1..=6).map(|c| c.to_string()));
        add("cat", &mut Category::ALL.iter().map(|k| k.to_string()));
        add(
            "vetting",
            &mut VettingStatus::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "doc_kind",
            &mut DocumentKind::ALL.iter().map(|k| k.to_string()),
        );
        add("level", &mut ForceLevel::ALL.iter().map(|k| k.to_string()));
        add(
            "review",
            &mut ReviewStatus::ALL.iter().map(|k| k.to_string()),
        );
        add("sex", &mut Sex::ALL.iter().map(|k| k.to_string()));
        add("harm", &mut CustodyHarm::ALL.iter().map(|k| k.to_string()));
        add(
            "conduct",
            &mut ConductCategory::ALL.iter().map(|k| k.to_string()),
        );
        add("conduct", &mut ["not_assessed".to_string()].into_iter());
        add(
            "misconduct",
            &mut Misconduct::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "investigator",
            &mut Investigator::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "case_status",
            &mut CaseStatus::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "cstatus-help",
            &mut CaseStatus::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "form_lang",
            &mut FormLanguage::ALL.iter().map(|k| k.to_string()),
        );
        add(
            "clock",
            &mut ClockState::ALL.iter().map(|k| k.as_str().to_string()),
        );
        add(
            "casualty",
            &mut Casualties::default()
                .cells()
                .into_iter()
                .map(|(k, _)| k.to_string()),
        );
        for t in statistics(&[], &[], &[], &[]) {
            wanted.push(format!("stats-table-{}", t.key));
            let prefix = stat_column_prefix(&t.key);
            wanted.extend(t.columns.iter().map(|c| format!("{prefix}-{c}")));
        }
        for id in wanted {
            assert!(Tr::en().has(&id), "no English text for {id}");
            assert!(Tr::fr().has(&id), "no French text for {id}");
        }
    }

    /// A token of Rust source, as far as finding the field messages needs: a string literal
    /// (its value), a word (identifier, keyword or number) or one punctuation character.
    /// Comments and whitespace are dropped, char literals and lifetimes skipped.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Tok {
        Str(String),
        Word(String),
        Punct(char),
    }

    /// The value of the string literal whose body starts at `c[i]` (after the opening quote),
    /// and where the literal ends; escapes decoded, a `\` at the end of a line joining it to
    /// the next line's first non-blank character, as Rust does.
    fn string_literal(c: &[char], mut i: usize) -> (String, usize) {
        let mut out = String::new();
        while i < c.len() && c[i] != '"' {
            if c[i] != '\\' {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let e = c.get(i + 1).copied().unwrap_or(' ');
            i += 2;
            match e {
                '\n' | '\r' => {
                    while i < c.len() && c[i].is_whitespace() {
                        i += 1;
                    }
                }
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    let hex: String = c[i..].iter().skip(1).take_while(|ch| **ch != '}').collect();
                    i += hex.chars().count() + 2;
                    let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    out.push(ch.unwrap_or('\u{fffd}'));
                }
                'x' => {
                    let hex: String = c[i..].iter().take(2).collect();
                    i += 2;
                    let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    out.push(ch.unwrap_or('\u{fffd}'));
                }
                other => out.push(other),
            }
        }
        (out, i + 1)
    }

    /// The tokens of a Rust source file.
    fn rust_tokens(src: &str) -> Vec<Tok> {
        let c: Vec<char> = src.chars().collect();
        let at = |i: usize| c.get(i).copied().unwrap_or('\0');
        let mut out = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let ch = c[i];
            if ch.is_whitespace() {
                i += 1;
            } else if ch == '/' && at(i + 1) == '/' {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            } else if ch == '/' && at(i + 1) == '*' {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            } else if ch == '"' {
                let (s, end) = string_literal(&c, i + 1);
                out.push(Tok::Str(s));
                i = end;
            } else if ch == '\'' {
                // A char literal ('x', '\n', '\u{202A}', '"') or a lifetime ('a, 'static).
                if at(i + 1) == '\\' {
                    i += 3;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    i += 1;
                }
            } else if ch.is_alphanumeric() || ch == '_' {
                let start = i;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                let word: String = c[start..i].iter().collect();
                let hashes = c[i..].iter().take_while(|h| **h == '#').count();
                if (word == "r" || word == "br") && at(i + hashes) == '"' {
                    // A raw string: no escapes, ends at `"` and as many `#`.
                    let body = i + hashes + 1;
                    let mut j = body;
                    while j < c.len()
                        && !(c[j] == '"'
                            && c[j + 1..].iter().take_while(|h| **h == '#').count() >= hashes)
                    {
                        j += 1;
                    }
                    out.push(Tok::Str(c[body..j.min(c.len())].iter().collect()));
                    i = j + 1 + hashes;
                } else {
                    out.push(Tok::Word(word));
                }
            } else {
                out.push(Tok::Punct(ch));
                i += 1;
            }
        }
        out
    }

    /// The index of the token closing the bracket opened at `t[open]`.
    fn closing(t: &[Tok], open: usize) -> usize {
        let mut depth = 0_i32;
        for (k, tok) in t.iter().enumerate().skip(open) {
            match tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => {
                    depth -= 1;
                    if depth == 0 {
                        return k;
                    }
                }
                _ => {}
            }
        }
        t.len()
    }

    /// The string literal at `t[k]` when the expression there is one and nothing else:
    /// `"…".into()`, `"…".to_string()`, `"…".to_owned()`, `String::from("…")` or, when
    /// `bare`, `"…"`; followed by one of `ends`.
    fn literal_at(t: &[Tok], k: usize, bare: bool, ends: &[char]) -> Option<String> {
        let word = |j: usize, w: &str| matches!(t.get(j), Some(Tok::Word(x)) if x == w);
        let punct = |j: usize, p: char| t.get(j) == Some(&Tok::Punct(p));
        let ends_at = |j: usize| ends.iter().any(|p| punct(j, *p));
        let converted = |j: usize| {
            punct(j, '.')
                && ["into", "to_string", "to_owned"]
                    .iter()
                    .any(|w| word(j + 1, w))
                && punct(j + 2, '(')
                && punct(j + 3, ')')
        };
        match t.get(k) {
            Some(Tok::Str(s))
                if (bare && ends_at(k + 1)) || (converted(k + 1) && ends_at(k + 5)) =>
            {
                Some(s.clone())
            }
            Some(Tok::Word(w))
                if w == "String"
                    && punct(k + 1, ':')
                    && punct(k + 2, ':')
                    && word(k + 3, "from")
                    && punct(k + 4, '(')
                    && punct(k + 6, ')')
                    && ends_at(k + 7) =>
            {
                match t.get(k + 5) {
                    Some(Tok::Str(s)) => Some(s.clone()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The argument `n` (from 0) of the call whose `(` is `t[open]`, when it is a string
    /// literal (`format!(…)`, a variable or a constant is not).
    fn literal_argument(t: &[Tok], open: usize, n: usize) -> Option<String> {
        let close = closing(t, open);
        let mut depth = 0_i32;
        let mut starts = vec![open + 1];
        for (k, tok) in t.iter().enumerate().take(close).skip(open) {
            match tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                Tok::Punct(',') if depth == 1 => starts.push(k + 1),
                _ => {}
            }
        }
        literal_at(t, *starts.get(n)?, true, &[',', ')'])
    }

    /// Functions whose results become messages (`e.add(field, m)`, `Forbidden(m)`, a person
    /// page's reasons): why a text may not be stored, why a credibility, a fatality figure or an
    /// ACLED date is refused, who may record, why a person may not be assigned (the domain's
    /// `gate`; the store's two `gate`s only pass `may_send`'s on).
    const MESSAGE_HELPERS: [&str; 7] = [
        "control_problem",
        "check_credibility",
        "parse_fatalities",
        "parse_date",
        "may_send",
        "may_send_some",
        "gate",
    ];

    /// The format string of the argument `n` (from 0) of the call whose `(` is `t[open]`, when
    /// it is `format!("…", …)`.
    fn format_argument(t: &[Tok], open: usize, n: usize) -> Option<String> {
        let close = closing(t, open);
        let mut depth = 0_i32;
        let mut starts = vec![open + 1];
        for (k, tok) in t.iter().enumerate().take(close).skip(open) {
            match tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                Tok::Punct(',') if depth == 1 => starts.push(k + 1),
                _ => {}
            }
        }
        format_at(t, *starts.get(n)?)
    }

    /// The format string of `format!("…", …)` at `t[k]`.
    fn format_at(t: &[Tok], k: usize) -> Option<String> {
        match (t.get(k), t.get(k + 1), t.get(k + 2), t.get(k + 3)) {
            (
                Some(Tok::Word(w)),
                Some(Tok::Punct('!')),
                Some(Tok::Punct('(')),
                Some(Tok::Str(s)),
            ) if w == "format" => Some(s.clone()),
            _ => None,
        }
    }

    /// Messages built with values that have no words of ours to translate: a file's path and
    /// the system's reason it could not be read.
    const UNTRANSLATED: [&str; 1] = ["{}: {e}"];

    /// The messages one source file writes, as [`field_messages`] reads them.
    #[derive(Debug, Default)]
    struct Found {
        /// Written out in full.
        literal: Vec<String>,
        /// The format strings of the messages built with `format!`.
        built: Vec<String>,
        /// The helpers of [`MESSAGE_HELPERS`] the file defines.
        helpers: Vec<&'static str>,
    }

    /// The English messages of one source file, and which helpers of [`MESSAGE_HELPERS`] it
    /// defines: the message of `e.add(field, …)`, `ValidationErrors::add(&mut e, field, …)`,
    /// `DomainError::invalid(field, …)`, `FieldError { message: …, .. }` and
    /// `DomainError::Conflict(…)`, written out (`"…"`, `"…".into()`, …) or built
    /// (`format!("…", …)`); a `const …MESSAGE: &str = "…"`; and each literal a helper turns into
    /// a `String` (`"…".into()`, `"…".to_string()`, `String::from("…")`) and each message it
    /// builds.
    fn field_messages(src: &str) -> Found {
        let t = rust_tokens(src);
        let word = |k: usize, w: &str| matches!(t.get(k), Some(Tok::Word(x)) if x == w);
        let punct = |k: usize, p: char| t.get(k) == Some(&Tok::Punct(p));
        let mut found = Vec::new();
        let mut built = Vec::new();
        let mut helpers = Vec::new();
        for k in 0..t.len() {
            if word(k, "add") && punct(k + 1, '(') {
                let method = k > 0 && punct(k - 1, '.');
                let path = k > 1 && punct(k - 1, ':') && punct(k - 2, ':');
                if method || path {
                    let n = if method { 1 } else { 2 };
                    found.extend(literal_argument(&t, k + 1, n));
                    built.extend(format_argument(&t, k + 1, n));
                }
            } else if word(k, "invalid") && punct(k + 1, '(') {
                found.extend(literal_argument(&t, k + 1, 1));
                built.extend(format_argument(&t, k + 1, 1));
            } else if word(k, "Conflict") && punct(k + 1, '(') {
                found.extend(literal_argument(&t, k + 1, 0));
                built.extend(format_argument(&t, k + 1, 0));
            } else if word(k, "FieldError") && punct(k + 1, '{') {
                let close = closing(&t, k + 1);
                for j in k + 2..close {
                    if word(j, "message") && punct(j + 1, ':') {
                        found.extend(literal_at(&t, j + 2, true, &[',', '}']));
                        built.extend(format_at(&t, j + 2));
                    }
                }
            } else if word(k, "const")
                && matches!(t.get(k + 1), Some(Tok::Word(n)) if n.ends_with("MESSAGE"))
            {
                if let Some(eq) = (k..t.len()).find(|&j| punct(j, '=') || punct(j, ';'))
                    && punct(eq, '=')
                {
                    found.extend(literal_at(&t, eq + 1, true, &[';']));
                }
            } else if word(k, "fn")
                && let Some(Tok::Word(name)) = t.get(k + 1)
                && let Some(helper) = MESSAGE_HELPERS.iter().find(|h| **h == name)
            {
                helpers.push(*helper);
                let Some(open) = (k..t.len()).find(|&j| punct(j, '{')) else {
                    continue;
                };
                for j in open..closing(&t, open) {
                    // `Err("…".into())`, `=> "…".to_string(),`: not the words it matches.
                    found.extend(literal_at(&t, j, false, &[')', ',', ';', '}']));
                    built.extend(format_at(&t, j));
                }
            }
        }
        Found {
            literal: found,
            built,
            helpers,
        }
    }

    /// The literal parts of a format string, one more than its placeholders (`{}`, `{id}`,
    /// `{v:?}`, …; `{{` and `}}` are braces): `no person with id {p}` is
    /// `["no person with id ", ""]`. Placeholders side by side count as one: the text cannot
    /// tell them apart.
    fn format_parts(f: &str) -> Vec<String> {
        let mut parts = vec![String::new()];
        let mut chars = f.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    parts.last_mut().expect("a part").push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    parts.last_mut().expect("a part").push('}');
                }
                '{' => {
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                    }
                    if parts.len() == 1 || !parts.last().expect("a part").is_empty() {
                        parts.push(String::new());
                    }
                }
                c => parts.last_mut().expect("a part").push(c),
            }
        }
        parts
    }

    /// The id a domain message is looked up by: `dom-`, then the message lowercased, each run
    /// of characters other than a–z and 0–9 one `_`, trimmed of `_`, cut to 64 characters.
    fn dom_id(english: &str) -> String {
        let lower = english.to_lowercase();
        let mut slug = String::new();
        let mut gap = false;
        for ch in lower.chars() {
            if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
                if gap && !slug.is_empty() {
                    slug.push('_');
                }
                gap = false;
                slug.push(ch);
            } else {
                gap = true;
            }
        }
        slug.truncate(64);
        format!("dom-{}", slug.trim_end_matches('_'))
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("source dir") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }

    /// Every field message the domain and the store write out in English has its words in
    /// `locales/{en,fr,es}/domain.ftl`, under the id `Tr::domain_message` looks it up by; the
    /// four messages built with a value have theirs.
    #[test]
    fn every_domain_message_has_its_words_in_english_french_and_spanish() {
        // The reader of the sources finds what it should, and nothing else.
        let sample = r##"
            // e.add("commented", "out");
            e.add(
                "a",
                "one, \
                 continued",
            );
            errors.add(format!("x[{i}]"), "two");
            ValidationErrors::add(&mut e, "b", "three");
            e.add("c", format!("not {this}"));
            e.add("d", m);
            let q = '"';
            e.add("e", r#"four "raw""#);
            DomainError::invalid("f", "five")
            FieldError { field: "g".into(), message: "six".into() };
            FieldError { field: "g".into(), message: "seven" };
            const MAX_MESSAGE: &str = "eight";
            const MAX: &str = "not a message";
            fn parse_fatalities(t: &str) -> Result<u32, String> {
                if t.is_empty() { return Err("nine".into()); }
                match t { "none" => Ok(0), _ => Err(String::from("ten")) }
            }
            fn elsewhere() -> String { "not either".to_string() }
            e.add("h", format!("eleven {x}"));
            DomainError::invalid(format!("i[{i}]"), format!("twelve {{{i}}}"))
            return Err(DomainError::Conflict(format!("thirteen {} {}", a, b)).into());
            FieldError { field: "j".into(), message: format!("fourteen {k:?}") };
            fn check_credibility(c: u8) -> Result<(), String> { Err(format!("fifteen {c}")) }
            let s = format!("not a message {x}");
        "##;
        let Found {
            literal: found,
            built,
            helpers,
        } = field_messages(sample);
        assert_eq!(
            built,
            [
                "not {this}",
                "eleven {x}",
                "twelve {{{i}}}",
                "thirteen {} {}",
                "fourteen {k:?}",
                "fifteen {c}"
            ]
        );
        assert_eq!(format_parts("twelve {{{i}}}"), ["twelve {", "}"]);
        assert_eq!(format_parts("{} of {}{}"), ["", " of ", ""]);
        assert_eq!(
            format_parts("no {what} with id {id}"),
            ["no ", " with id ", ""]
        );
        assert_eq!(
            found,
            [
                "one, continued",
                "two",
                "three",
                "four \"raw\"",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten"
            ]
        );
        assert_eq!(helpers, ["parse_fatalities", "check_credibility"]);
        assert_eq!(
            dom_id("must be from 0 to 15 (the Council has 15 members)"),
            "dom-must_be_from_0_to_15_the_council_has_15_members"
        );
        assert_eq!(
            dom_id("an injury or death in custody must link a use_of_force report or an incident"),
            "dom-an_injury_or_death_in_custody_must_link_a_use_of_force_report_or"
        );

        let mut files = Vec::new();
        for dir in [
            concat!(env!("CARGO_MANIFEST_DIR"), "/../domain/src"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/../store/src"),
        ] {
            rust_files(std::path::Path::new(dir), &mut files);
        }
        files.sort();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let mut helpers_found = BTreeSet::new();
        // Each built message's format string, with where it is.
        let mut built = Vec::new();
        for f in &files {
            let src = std::fs::read_to_string(f).expect("source file");
            let found = field_messages(&src);
            helpers_found.extend(found.helpers);
            let path = f.display().to_string();
            let at = path
                .rsplit_once("/../")
                .map_or(path.clone(), |(_, r)| r.to_string());
            built.extend(found.built.into_iter().map(|b| (b, at.clone())));
            for m in found.literal {
                let id = dom_id(&m);
                // The web computes the same id.
                assert_eq!(id, format!("dom-{}", message_slug(&m)), "{m:?}");
                if let Some(other) = ids.insert(id.clone(), m.clone()) {
                    assert_eq!(other, m, "two messages read as {id}");
                }
            }
        }
        // A helper renamed or gone would let its messages go unchecked.
        assert_eq!(
            helpers_found,
            MESSAGE_HELPERS.into_iter().collect::<BTreeSet<_>>(),
            "the helpers that make field messages"
        );
        assert!(ids.len() > 50, "only {} messages found", ids.len());
        let mut wanted: Vec<String> = ids.into_keys().collect();
        // Each built message has a pattern in the English file with the same literal parts
        // (the one `domain_message` finds: the first that matches the text).
        assert!(
            built.len() > 50,
            "only {} built messages found",
            built.len()
        );
        let mut unmatched = Vec::new();
        for (f, at) in &built {
            if UNTRANSLATED.contains(&f.as_str()) {
                continue;
            }
            let parts = format_parts(f);
            match patterns().iter().find(|p| p.literals == parts) {
                Some(p) => wanted.push(p.id.clone()),
                None => unmatched.push(format!("{at}: {f:?}")),
            }
        }
        assert!(
            unmatched.is_empty(),
            "messages built with values that have no pattern in locales/en/domain.ftl \
             (a message `dom-… = text {{ $name }} text` with these literal parts): {unmatched:#?}"
        );
        for tr in [Tr::en(), Tr::fr(), Tr::es()] {
            let missing: Vec<&String> = wanted.iter().filter(|id| !tr.has(id)).collect();
            assert!(
                missing.is_empty(),
                "locales/{}/domain.ftl lacks {missing:?}",
                tr.code()
            );
        }
    }

    /// Every English message with placeables is a pattern (none has two side by side).
    #[test]
    fn every_english_domain_message_with_placeables_is_a_pattern() {
        let with_values = DOMAIN_EN
            .lines()
            .filter(|l| l.starts_with("dom-") && l.contains("{ $"))
            .count();
        assert!(with_values > 60, "only {with_values}");
        assert_eq!(patterns().len(), with_values);
        // The patterns that fix more come first.
        let fixed: Vec<usize> = patterns().iter().map(super::Pattern::fixed).collect();
        assert!(fixed.windows(2).all(|w| w[0] >= w[1]));
    }

    /// Messages built with values read in French and Spanish with their values: record ids and
    /// dates as written, numbers with the language's separator, enumerated values by label; the
    /// pattern that fixes more wins; a text no pattern has stays as it is.
    #[test]
    fn built_domain_messages_are_read_in_french_and_spanish_with_their_values() {
        let (fr, es, en) = (Tr::fr(), Tr::es(), Tr::en());
        let arrest = "is before the arrest (2024-11-15T10:00:00Z)";
        assert_eq!(
            fr.domain_message(arrest),
            "est antérieur à l’arrestation (2024-11-15T10:00:00Z)"
        );
        assert_eq!(
            es.domain_message(arrest),
            "es anterior al arresto (2024-11-15T10:00:00Z)"
        );
        assert_eq!(en.domain_message(arrest), arrest);

        let id = "0b7c6a1e-8f4e-4d7a-9d3c-2a1b5c6d7e8f";
        assert_eq!(
            fr.domain_message(&format!("no person with id {id}")),
            format!("aucune personne ne porte l’identifiant {id}")
        );
        assert_eq!(
            es.domain_message(&format!("no use-of-force report with id {id}")),
            format!("ningún informe de uso de la fuerza tiene el identificador {id}")
        );
        // `no { $what } with id { $id }` takes what the specific ones do not.
        assert_eq!(
            fr.domain_message(&format!("no widget with id {id}")),
            format!("aucun enregistrement « widget » ne porte l’identifiant {id}")
        );
        assert_eq!(
            es.domain_message("no armed group \"g9\"; profile the coalition first"),
            "ningún grupo armado \"g9\"; registre antes el perfil de la coalición"
        );
        assert_eq!(
            es.domain_message("no armed group \"g9\""),
            "ningún grupo armado \"g9\""
        );

        // Numbers with the reader's separator.
        assert_eq!(
            fr.domain_message("must be at most 2000 characters"),
            "doit compter au plus 2\u{202f}000 caractères"
        );
        assert_eq!(
            en.domain_message("must be at most 2000 characters"),
            "must be at most 2,000 characters"
        );
        assert_eq!(
            es.domain_message(
                "must be the most conservative of the reported figures, 1500 (ACLED's rule)"
            ),
            "debe ser la cifra más prudente de las reportadas, 1\u{202f}500 (regla de ACLED)"
        );

        // Enumerated values by their labels.
        assert_eq!(
            fr.domain_message("vetting is not_cleared, not cleared"),
            "résultat du contrôle : « défavorable », pas « favorable »"
        );
        assert_eq!(
            es.domain_message("no use_of_force_directive in force on 2025-01-10"),
            "ninguna «directiva sobre el uso de la fuerza» vigente el 2025-01-10"
        );
        assert_eq!(
            fr.domain_message("does not bind military personnel"),
            "ne lie pas le personnel de la catégorie « militaires »"
        );
        assert_eq!(
            fr.domain_message(
                "a report that is submitted cannot become cleared (put it under_review first)"
            ),
            "un rapport « soumis » ne peut pas devenir « conforme aux règles » \
             (mettez-le d’abord en cours d’examen)"
        );
        assert_eq!(
            es.domain_message("a case that is closed cannot become received"),
            "un caso «cerrada» no puede pasar a «recibida»"
        );
        // A value that is no label stays as written.
        assert_eq!(
            fr.domain_message("vetting is unheard_of, not cleared"),
            "résultat du contrôle : « unheard_of », pas « favorable »"
        );

        // Who may record, each rule in full.
        assert_eq!(
            fr.domain_message("only a conduct_officer may record this"),
            "seul le chargé de la déontologie et de la discipline peut enregistrer ceci"
        );
        assert_eq!(
            es.domain_message("must not contain the control character U+0007"),
            "no debe contener el carácter de control U+0007"
        );

        // No pattern, or a value missing: the English as it is.
        for text in [
            "something the domain never says",
            "no person with id ",
            "is before the arrest ()",
        ] {
            assert_eq!(fr.domain_message(text), text);
        }
    }
}
