//! Telling an article's own paragraphs from boilerplate, the way jusText does: each paragraph
//! is first judged alone (length, link density, known boilerplate phrases in en/fr/es/zh/ht,
//! navigation-like lines), then short and middling ones take the verdict of their neighbours.
//! On top of that: a "Related"/"Read more" line drops the link list after it, a comment
//! section ("Leave a Reply", "View all comments") ends the article, and a "Summary of
//! Article:" section (a restatement, often in another language) is set apart as the summary.
//! The same classifier serves plain text, Markdown and the paragraphs extracted from HTML.
//! Everything here is linear in the number of paragraphs.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// One paragraph as the reader found it.
pub(super) struct Para<'a> {
    /// Its lines: verbatim slices of the file for text input (a hard-wrapped paragraph has
    /// several), the decoded text for HTML (one).
    pub lines: Vec<&'a str>,
    /// Characters inside links when the reader knows them (HTML); `None` counts Markdown links
    /// and bare addresses in the text.
    pub link_chars: Option<usize>,
    /// A heading (`<h2>`, `## …`): never good on its own, kept between good paragraphs.
    pub heading: bool,
}

/// What is left of an article: its lines, and the summary set apart.
pub(super) struct Cleaned<'a> {
    pub body: Vec<&'a str>,
    pub summary: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Class {
    Bad,
    Short,
    NearGood,
    Good,
}

/// What a boilerplate line announces about the paragraphs after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    None,
    /// "Related", "Read more", "Lire aussi": a list of other articles follows.
    LeadIn,
    /// "Leave a Reply", "View all comments": the article is over, readers' comments follow.
    Comments,
    /// "Summary of Article:", "摘要": a restatement follows; the text after the colon, if any,
    /// is its start.
    Summary,
}

/// A paragraph's length as text weight: CJK characters carry about three Latin letters' worth.
pub(super) fn weight(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_cjk(c) { 3 } else { 1 })
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// Lines that are boilerplate in full (matched on the normalised line: lower case, Markdown
/// emphasis, bullets and a trailing colon removed, spaces collapsed).
static BOILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        // advertising
        r"advertisements?|advertising|advertisement \d+|ads?|sponsored(?: content)?|promoted|publicit[ée]|publicidad|anuncio|piblisite|广告|廣告|",
        // listening, reading time
        r"can'?t read it\? listen now!?|listen now|listen to (?:this )?article|[ée]couter (?:cet )?article|escuchar (?:este )?art[íi]culo|\d+ min(?:ute)?s? read|reading time.*|temps de lecture.*|",
        // sharing
        r"share(?: this)?(?: article| story| post)?|share (?:on|via) \w+|shares?|\d+ shares?|tweet|tweet this|whatsapp|facebook|twitter|x|linkedin|telegram|pinterest|reddit|email|e-mail|print|copy link|copy|partager(?: sur \w+)?|partagez|compartir(?: en \w+)?|分享(?:到.*)?|pataje|",
        // ratings and votes
        r"article rating|rate this(?: article)?|\d+ \d+ votes?|\d+ votes?|",
        // subscription, accounts
        r"subscribe(?: now| today)?|subscribe to .{1,40}|sign up(?: now)?|sign in|log ?in|log out|register|newsletter|s'abonner|abonnez-vous|je m'abonne|se connecter|suscr[íi]bete|suscribirse|iniciar sesi[óo]n|订阅|訂閱|登录|登入|abòne|",
        // navigation
        r"home|menu|search|close|skip to (?:main )?content|back to top|next|previous|next (?:article|post|story)|previous (?:article|post|story)|accueil|inicio|首页|首頁|返回顶部|",
        // cookies
        r"accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|cookie (?:settings|policy)|accepter|tout accepter|aceptar|",
        // labels and credits
        r"(?:tags?|filed under|posted in|categories|category|photo|image|credit|source|sources|mots-cl[ée]s|etiquetas)\s*:.{0,80}|",
        // links to the original
        r"\[?(?:原文链接|原文連結|source link|original article|lien vers l'article|enlace original)\]?(?:\(.*\))?",
        r")$"
    ))
    .expect("a fixed pattern compiles")
});

/// Lines announcing a list of other articles.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"related(?: articles| posts| stories| news| content| coverage| topics)?|read more|read more:.*|continue reading|read (?:also|next)|also read|see also|more (?:from|on|about) .{1,40}|more stories|more news|",
        r"you (?:may|might) (?:also )?like|recommended(?: for you)?|trending(?: now)?|most (?:read|popular|viewed)|popular(?: posts| stories)?|latest(?: news| stories)?|top stories|",
        r"lire (?:aussi|la suite|plus)|[àa] lire (?:aussi|[ée]galement)|voir aussi|sur le m[êe]me sujet|dans la m[êe]me rubrique|les plus lus|",
        r"lea tambi[ée]n|leer m[áa]s|seguir leyendo|te puede interesar|noticias relacionadas|relacionad[oa]s|lo m[áa]s le[íi]do|",
        r"相关阅读|相关新闻|相關新聞|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|阅读更多|閱讀更多|阅读全文|热门新闻|",
        r"li tou|li plis",
        r")$"
    ))
    .expect("a fixed pattern compiles")
});

/// Lines opening readers' comments or the reply form: the article ends before them.
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"leave a (?:reply|comment)|post a comment|add a comment|write a comment|comments?|\d+ comments?|comments? \(\d+\)|no comments(?: yet)?|",
        r"view (?:all )?comments|show comments|load (?:more )?comments|inline feedbacks|notify of|join the (?:discussion|conversation)|",
        r"laisser un commentaire|laisser une r[ée]ponse|commentaires?|\d+ commentaires?|r[ée]agir|",
        r"deja un comentario|deja una respuesta|dejar un comentario|comentarios?|\d+ comentarios?|",
        r"发表评论|發表評論|发表回复|评论|評論|留言|网友评论|",
        r"kite yon k[òo]mant[èe]|k[òo]mant[èe]",
        r")$"
    ))
    .expect("a fixed pattern compiles")
});

/// Lines opening a summary (matched on their first words); what follows a colon on the same
/// line is the summary's start.
static SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:summary of (?:the )?article|article summary|summary|tl;?dr|key points|",
        r"r[ée]sum[ée](?: de l'article)?|en bref|resumen(?: del art[íi]culo)?|",
        r"摘要|文章摘要|内容摘要|內容摘要|概要|rezime)",
        r"\s*(?:[:：]|$)"
    ))
    .expect("a fixed pattern compiles")
});

/// Boilerplate sentences, matched anywhere in paragraphs of up to 500 characters: cookie and
/// consent notices, copyright lines, newsletter and app pitches, comment-form instructions.
static BOILER_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:",
        r"we use cookies|uses cookies|use of cookies|cookie policy|utilise des cookies|utilisons des cookies|utilizamos cookies|使用cookie|使用 cookie|",
        r"all rights reserved|tous droits r[ée]serv[ée]s|todos los derechos reservados|版权所有|版權所有|^©|^copyright |",
        r"sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter|download (?:our|the) app|follow us on|suivez-nous|síguenos|",
        r"your email address will not be published|required fields are marked|save my name, email|you must be logged in to post|",
        r"click here to|cliquez ici|haga clic aquí|this site is protected by recaptcha|support (?:our|independent) journalism",
        r")"
    ))
    .expect("a fixed pattern compiles")
});

/// Markdown links and images, and bare addresses.
static LINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[[^\]\n]*\]\([^)\n]*\)|https?://\S+|www\.\S+")
        .expect("a fixed pattern compiles")
});

/// The line as the phrase lists see it: lower case, no Markdown emphasis or bullets, no
/// decoration at the ends, spaces collapsed, typographic apostrophes made plain.
fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        let c = match c {
            '’' | '‘' | '`' => '\'',
            '*' | '_' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    let trimmed = out.trim_matches(|c: char| {
        matches!(
            c,
            '#' | '>'
                | '-'
                | '–'
                | '—'
                | '•'
                | '·'
                | '|'
                | ':'
                | '：'
                | '»'
                | '›'
                | '→'
                | '='
                | '~'
                | '+'
                | '.'
                | '…'
        ) || c.is_whitespace()
    });
    trimmed.to_string()
}

/// Strips a line's block markers (Markdown heading hashes, quote marks, list bullets): what
/// remains is still a substring of the line.
pub(super) fn strip_markers(line: &str) -> &str {
    let mut s = line.trim();
    loop {
        let before = s.len();
        s = s.trim_start_matches('#').trim_start();
        if let Some(rest) = s.strip_prefix('>') {
            s = rest.trim_start();
        }
        for bullet in ["- ", "* ", "+ ", "• "] {
            if let Some(rest) = s.strip_prefix(bullet) {
                s = rest.trim_start();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '。', '！', '？', ';', ':', '…'])
}

fn has_sentence(text: &str) -> bool {
    text.contains(". ") || text.contains(['。', '！', '？']) || ends_sentence(text)
}

/// A line of short items separated by `|`, `•`, `·`, `»` or `›` (a menu or a breadcrumb).
fn navigation_like(text: &str) -> bool {
    let seps = text
        .chars()
        .filter(|c| matches!(c, '|' | '•' | '·' | '»' | '›'))
        .count();
    seps >= 2
        && !ends_sentence(text)
        && text
            .split(['|', '•', '·', '»', '›'])
            .all(|item| item.trim().chars().count() <= 30)
}

/// A paragraph judged alone: its class, and what it announces about the ones after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Verdict {
    pub class: Class,
    mark: Mark,
}

impl Verdict {
    const BAD: Verdict = Verdict {
        class: Class::Bad,
        mark: Mark::None,
    };

    fn marked(mark: Mark) -> Verdict {
        Verdict {
            class: Class::Bad,
            mark,
        }
    }
}

/// Judges a paragraph alone.
pub(super) fn judge(text: &str, link_chars: Option<usize>, heading: bool) -> Verdict {
    let (mut chars, mut visible, mut weight) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if !c.is_whitespace() {
            visible += 1;
            weight += if is_cjk(c) { 3 } else { 1 };
        }
    }
    if chars <= 120 {
        let norm = normalise(text);
        if norm.chars().all(|c| !c.is_alphanumeric()) {
            return Verdict::BAD;
        }
        if COMMENTS.is_match(&norm) {
            return Verdict::marked(Mark::Comments);
        }
        if LEAD_IN.is_match(&norm) {
            return Verdict::marked(Mark::LeadIn);
        }
        if BOILER_LINE.is_match(&norm) {
            return Verdict::BAD;
        }
        if SUMMARY.is_match(&norm) {
            return Verdict::marked(Mark::Summary);
        }
    } else {
        // A long paragraph opening a summary names it before a colon.
        let head = match text.char_indices().nth(60) {
            Some((at, _)) => &text[..at],
            None => text,
        };
        if head.contains([':', '：']) && SUMMARY.is_match(&normalise(head)) {
            return Verdict::marked(Mark::Summary);
        }
    }
    if chars <= 500 && BOILER_ANYWHERE.is_match(text) {
        return Verdict::BAD;
    }
    let trimmed = text.trim();
    if trimmed.starts_with("<!--") || (trimmed.starts_with('<') && trimmed.ends_with('>')) {
        return Verdict::BAD;
    }
    let links = match link_chars {
        Some(n) => n,
        None if text.contains("](") || text.contains("http") || text.contains("www.") => LINKS
            .find_iter(text)
            .map(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).count())
            .sum(),
        None => 0,
    };
    let density = links as f64 / visible.max(1) as f64;
    if density > 0.5 || (density > 0.25 && weight < 200) || navigation_like(text) {
        return Verdict::BAD;
    }
    let class = if weight < 30 {
        Class::Short
    } else if !heading && density <= 0.2 && (weight >= 200 || (weight >= 80 && has_sentence(text)))
    {
        Class::Good
    } else {
        Class::NearGood
    };
    Verdict {
        class,
        mark: Mark::None,
    }
}

fn joined<'a>(p: &Para<'a>) -> Cow<'a, str> {
    match p.lines.as_slice() {
        [one] => Cow::Borrowed(*one),
        many => Cow::Owned(many.join(" ")),
    }
}

/// Judges each paragraph alone.
pub(super) fn judge_all(paras: &[Para<'_>]) -> Vec<Verdict> {
    paras
        .iter()
        .map(|p| judge(&joined(p), p.link_chars, p.heading))
        .collect()
}

/// Keeps the article's own paragraphs, in order, and sets the summary apart.
pub(super) fn clean<'a>(paras: &[Para<'a>]) -> Cleaned<'a> {
    clean_judged(paras, &judge_all(paras))
}

/// `clean`, with the paragraphs already judged (`judged[i]` is `paras[i]`'s verdict).
pub(super) fn clean_judged<'a>(paras: &[Para<'a>], judged: &[Verdict]) -> Cleaned<'a> {
    let n = paras.len().min(judged.len());
    let texts: Vec<Cow<'a, str>> = paras[..n].iter().map(joined).collect();
    let local: Vec<Class> = judged[..n].iter().map(|j| j.class).collect();
    // A paragraph repeating the one before (a headline printed twice) is dropped, and the
    // context rule runs as if it were not there.
    let repeated: Vec<bool> = (0..n)
        .map(|i| i > 0 && texts[i].trim() == texts[i - 1].trim())
        .collect();
    let distinct: Vec<usize> = (0..n).filter(|i| !repeated[*i]).collect();
    let smoothed = smooth(&distinct.iter().map(|i| local[*i]).collect::<Vec<_>>());
    let mut class = vec![Class::Bad; n];
    for (i, c) in distinct.iter().zip(smoothed) {
        class[*i] = c;
    }

    let mut summary: Vec<String> = Vec::new();
    let mut good_before = false;
    // How far "Related" lists have been dropped: a run of lead-ins is scanned once.
    let mut dropped_to = 0;
    let mut i = 0;
    while i < n {
        let Verdict {
            class: local_class,
            mark,
        } = judged[i];
        match mark {
            Mark::LeadIn => {
                let mut j = dropped_to.max(i + 1);
                while j < n && local[j] != Class::Good {
                    class[j] = Class::Bad;
                    j += 1;
                }
                dropped_to = j;
            }
            Mark::Comments if good_before => {
                class[i..].iter_mut().for_each(|c| *c = Class::Bad);
                break;
            }
            Mark::Summary => {
                let inline = summary_inline(&texts[i]);
                if !inline.is_empty() {
                    summary.push(inline.to_string());
                }
                // At the end of an article the section runs to the end; at its top, it is the
                // marker's paragraph and, when that has no text, the next one.
                let end = if good_before {
                    n
                } else if inline.is_empty() {
                    (i + 2).min(n)
                } else {
                    i + 1
                };
                for j in i + 1..end {
                    if judged[j].class != Class::Bad {
                        summary.extend(paras[j].lines.iter().map(|l| strip_markers(l).to_string()));
                    }
                    if judged[j].mark == Mark::Comments {
                        break;
                    }
                }
                class[i..end].iter_mut().for_each(|c| *c = Class::Bad);
                i = end;
                continue;
            }
            _ => {}
        }
        good_before |= local_class == Class::Good;
        i += 1;
    }

    // A short dispatch (one middling sentence) has no "good" paragraph to anchor it: keep what
    // was not judged boilerplate rather than call the article empty.
    let keep = if class.contains(&Class::Good) {
        vec![Class::Good]
    } else {
        vec![Class::NearGood]
    };
    let body = paras[..n]
        .iter()
        .zip(&class)
        .zip(judged.iter())
        .filter(|((_, c), j)| {
            keep.contains(c) || (keep == [Class::NearGood] && j.class == Class::NearGood)
        })
        .map(|((p, c), _)| (p, c))
        .flat_map(|(p, _)| p.lines.iter().map(|l| strip_markers(l)))
        .filter(|l| !l.is_empty())
        .collect();
    let summary = summary.join("\n");
    Cleaned {
        body,
        summary: (!summary.trim().is_empty()).then_some(summary),
    }
}

/// The summary's first words on its marker's line: what follows the first colon.
fn summary_inline(line: &str) -> &str {
    match line.find([':', '：']) {
        Some(at) => line[at..]
            .trim_start_matches([':', '：'])
            .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace()),
        None => "",
    }
}

/// jusText's context rule: a short or middling paragraph takes the class of its nearest
/// definite (good or bad) neighbours; the document's edges count as bad. Between a good and a
/// bad one, a middling paragraph is kept, and a short one only when it touches the good one.
fn smooth(local: &[Class]) -> Vec<Class> {
    let n = local.len();
    let definite = |c: Class| matches!(c, Class::Good | Class::Bad);
    let mut prev = vec![(Class::Bad, usize::MAX); n];
    let mut last = (Class::Bad, usize::MAX);
    for i in 0..n {
        prev[i] = last;
        if definite(local[i]) {
            last = (local[i], i);
        }
    }
    let mut next = vec![(Class::Bad, usize::MAX); n];
    let mut last = (Class::Bad, usize::MAX);
    for i in (0..n).rev() {
        next[i] = last;
        if definite(local[i]) {
            last = (local[i], i);
        }
    }
    (0..n)
        .map(|i| {
            let c = local[i];
            if definite(c) {
                return c;
            }
            let (p, pi) = prev[i];
            let (q, qi) = next[i];
            match (p, q) {
                (Class::Good, Class::Good) => Class::Good,
                (Class::Bad, Class::Bad) => Class::Bad,
                _ if c == Class::NearGood => Class::Good,
                _ => {
                    let touches = (p == Class::Good && pi.wrapping_add(1) == i)
                        || (q == Class::Good && qi == i + 1);
                    if touches { Class::Good } else { Class::Bad }
                }
            }
        })
        .collect()
}

/// Splits text (plain or Markdown, front matter removed) into paragraphs. Lines separated by
/// blank lines form blocks; a block whose lines mostly do not end a sentence is a hard-wrapped
/// paragraph and is judged whole, otherwise each line is a paragraph of its own.
pub(super) fn text_paras(text: &str) -> Vec<Para<'_>> {
    let mut paras = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if !line.trim().is_empty() {
            block.push(line);
            continue;
        }
        if wrapped(&block) {
            paras.push(Para {
                lines: std::mem::take(&mut block),
                link_chars: None,
                heading: false,
            });
        } else {
            for line in block.drain(..) {
                let heading = line.trim_start().starts_with('#');
                paras.push(Para {
                    lines: vec![line],
                    link_chars: None,
                    heading,
                });
            }
        }
    }
    paras
}

/// Whether a block of lines is one hard-wrapped paragraph: several lines of up to 120
/// characters, none a heading or a list item, all but the last filled to at least half the
/// longest line's length, and most of those not ending a sentence.
fn wrapped(block: &[&str]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let itemised = |l: &str| {
        let t = l.trim_start();
        t.starts_with(['#', '-', '*', '+', '>', '|', '!', '[', '•'])
            || t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(". ")
    };
    let lengths: Vec<usize> = block.iter().map(|l| l.trim().chars().count()).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    if longest > 120 || block.iter().any(|l| itemised(l)) {
        return false;
    }
    let body = &block[..block.len() - 1];
    let filled = lengths[..body.len()]
        .iter()
        .all(|len| *len >= 30 && len * 2 >= longest);
    let open = body.iter().filter(|l| !ends_sentence(l)).count();
    filled && open * 2 > body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<&str> {
        clean(&text_paras(text)).body
    }

    const P1: &str = "Kenyan police officers began patrolling Port-au-Prince in June as part of a UN-backed mission to combat armed gangs.";
    const P2: &str = "On January 19, an additional 200 Kenyan police officers arrived in Haiti to help combat violent gangs in the capital.";

    #[test]
    fn phrases_are_normalised() {
        assert_eq!(normalise("- Advertisement -"), "advertisement");
        assert_eq!(
            normalise(" **Summary of Article:**  "),
            "summary of article"
        );
        assert_eq!(
            normalise("Can’t read it? Listen now!"),
            "can't read it? listen now!"
        );
    }

    #[test]
    fn boilerplate_lines_are_dropped() {
        let text = format!(
            "Can't read it? Listen now!\n{P1}\n- Advertisement -\nShare on Facebook\nTweet\nWhatsApp\n{P2}\n\
             Subscribe to our newsletter\nWe use cookies to improve your experience. By continuing you accept our use of cookies.\n\
             [Source Link](https://example.org/a)\nhttps://example.org/b\nHome | World | Politics | Sports\n0 0 votes\nArticle Rating\n"
        );
        assert_eq!(body(&text), vec![P1, P2]);
    }

    #[test]
    fn comments_end_the_article() {
        let text = format!(
            "{P1}\n{P2}\nLeave a Reply\nI think the mission will fail, as the last three did, and nobody will ever be held to account for it.\n"
        );
        assert_eq!(body(&text), vec![P1, P2]);
    }

    #[test]
    fn related_list_is_dropped() {
        let text = format!(
            "{P1}\nRelated\nKenya sends 200 more officers to Haiti\nHaiti gangs attack police station\n{P2}\n"
        );
        assert_eq!(body(&text), vec![P1, P2]);
    }

    #[test]
    fn subheadings_between_paragraphs_stay() {
        let text = format!("{P1}\nEscalating Violence\n{P2}\n");
        assert_eq!(body(&text), vec![P1, "Escalating Violence", P2]);
    }

    #[test]
    fn summary_is_set_apart() {
        let text = format!(
            "{P1}\n\n---\n\n **Summary of Article:**  \n{P2}\n\n[Source Link](https://example.org/a)\n"
        );
        let cleaned = clean(&text_paras(&text));
        assert_eq!(cleaned.body, vec![P1]);
        assert_eq!(cleaned.summary.as_deref(), Some(P2));
        let text = format!("{P1}\n摘要：{P2}\n");
        let cleaned = clean(&text_paras(&text));
        assert_eq!(cleaned.body, vec![P1]);
        assert_eq!(cleaned.summary.as_deref(), Some(P2));
    }

    #[test]
    fn wrapped_paragraphs_are_judged_whole() {
        let text = "Kenyan police officers began patrolling\nPort-au-Prince in June as part of a\nUN-backed mission to combat armed gangs\nthat control most of the capital.\n\nShare\n";
        assert_eq!(
            body(text),
            vec![
                "Kenyan police officers began patrolling",
                "Port-au-Prince in June as part of a",
                "UN-backed mission to combat armed gangs",
                "that control most of the capital."
            ]
        );
    }

    #[test]
    fn repeated_headline_is_kept_once_and_markers_are_stripped() {
        let text = format!("## Tackling armed gangs\n## Tackling armed gangs\n{P1}\n- {P2}\n");
        assert_eq!(body(&text), vec!["Tackling armed gangs", P1, P2]);
    }

    #[test]
    fn chinese_and_french_boilerplate() {
        let zh = "肯尼亚警方首次部署将于周二出发前往海地，以努力平息帮派暴力并加强该加勒比国家的警察力量。";
        let text = format!(
            "{zh}\n相关新闻\n海地帮派袭击警察局\n广告\n发表评论\n很好的文章，谢谢作者，希望海地早日恢复和平与稳定，人民安居乐业。\n"
        );
        assert_eq!(body(&text), vec![zh]);
        let fr = "Les policiers kényans ont commencé à patrouiller dans Port-au-Prince en juin, dans le cadre d'une mission de l'ONU.";
        let text = format!(
            "{fr}\nPublicité\nÀ lire aussi\nHaïti : un commissariat attaqué\nLaisser un commentaire\n"
        );
        assert_eq!(body(&text), vec![fr]);
    }

    #[test]
    fn smoothing_follows_neighbours() {
        use Class::*;
        assert_eq!(smooth(&[Good, Short, Good]), vec![Good, Good, Good]);
        assert_eq!(smooth(&[Bad, NearGood, Bad]), vec![Bad, Bad, Bad]);
        assert_eq!(
            smooth(&[Short, Good, Short, Short, Bad]),
            vec![Good, Good, Good, Bad, Bad]
        );
        assert_eq!(smooth(&[NearGood, Bad, Good]), vec![Bad, Bad, Good]);
        assert_eq!(smooth(&[]), Vec::<Class>::new());
    }
}
