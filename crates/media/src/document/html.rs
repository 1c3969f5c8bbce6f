//! Reading an HTML page: its metadata (title, outlet, address, publication date from meta
//! tags, JSON-LD and `<time>`) and its text as paragraphs, with the page's furniture left out.
//!
//! The page goes through html5ever's tokenizer (the WHATWG tokenizer Servo uses: entities,
//! raw-text elements and broken markup handled as browsers do), not its tree builder: the
//! paragraphs, the elements they sit in and the links they hold are collected in one pass over
//! the tokens, keeping only a stack of open elements. No tree is built, so nothing recurses
//! and no depth of nesting can exhaust the stack; every step is linear (a bounded look down
//! the stack for implied end tags). Readability ports (dom_smoothie) build a DOM and score it
//! in several passes, several times slower, and their output still needs the boilerplate
//! classifier; here the classifier (`clean`) gets paragraphs with their link density and two
//! structural hints: the containers that hold page furniture (navigation, comments, sharing,
//! "related" lists, by tag, role, class or id) and the one container that holds the article
//! (`<article>`, `<main>`, `itemprop="articleBody"`, "entry-content"…), chosen by the text
//! it holds.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{Attribute, LocalName};

use super::clean::{self, Class, Para, Verdict};

/// The most elements open at once that a page may have; deeper nesting is refused. Browsers
/// flatten trees past 512 levels; real articles stay far below either.
pub(super) const MAX_DEPTH: usize = 4096;
/// How far down the stack an implied end tag (`<p>` closing an open `<p>`) is looked for.
const IMPLIED_LOOKDOWN: usize = 64;

/// A paragraph of the page, as the tokenizer pass found it.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub text: String,
    pub link_chars: usize,
    pub heading: bool,
    /// The innermost furniture container (comments, share bar, "related"…) it is in.
    furniture: Option<u32>,
    /// The innermost article container it is in.
    article: Option<u32>,
}

/// What a page says about itself.
#[derive(Debug, Default, Clone)]
pub(super) struct Meta {
    /// `<meta>` values by key (`og:title`, `article:published_time`, `date`…), first wins, with
    /// the attribute that named them (`property`, `name`, `itemprop`).
    pub meta: HashMap<String, (String, &'static str)>,
    pub title: Option<String>,
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// `<time datetime>` values: (value, marked as the publication time, inside an article
    /// container).
    pub times: Vec<(String, bool, bool)>,
    pub json_ld: Vec<String>,
    pub first_h1: Option<String>,
}

/// A page read: its paragraphs (in order, furniture left out) and its metadata.
pub(super) struct Page {
    pub paras: Vec<Block>,
    /// Each paragraph judged alone (`verdicts[i]` is `paras[i]`'s).
    pub verdicts: Vec<Verdict>,
    pub meta: Meta,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub(super) enum PageError {
    #[error("the HTML nests elements more than {0} deep")]
    TooDeep(usize),
}

const F_SKIP: u8 = 1;
const F_FURNITURE: u8 = 2;
const F_ARTICLE: u8 = 4;
const F_LINK: u8 = 8;
const F_HEADING: u8 = 16;

struct Open {
    name: LocalName,
    flags: u8,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// Script, style and the like: their text is not the page's.
    Ignore,
    Title,
    JsonLd,
}

#[derive(Default)]
struct Collector {
    stack: Vec<Open>,
    open: HashMap<LocalName, u32>,
    skip: u32,
    links: u32,
    headings: u32,
    /// Open furniture containers' ids, innermost last.
    furnitures: Vec<u32>,
    /// Furniture containers' parents (by id; a parent's id is smaller).
    furniture_parent: Vec<Option<u32>>,
    articles: Vec<u32>,
    /// Article containers' parents (by id; a parent's id is smaller).
    article_parent: Vec<Option<u32>>,
    raw: Option<(Raw, LocalName)>,
    raw_text: String,
    cur: String,
    cur_links: usize,
    cur_heading: bool,
    space: bool,
    in_h1: bool,
    blocks: Vec<Block>,
    meta: Meta,
    too_deep: bool,
}

struct Sink(RefCell<Collector>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match self.0.try_borrow_mut() {
            Ok(mut c) => c.token(token),
            // Never re-entered: the tokenizer calls the sink one token at a time.
            Err(_) => TokenSinkResult::Continue,
        }
    }
}

/// Reads a page's paragraphs and metadata.
pub(super) fn read(html: &str) -> Result<Page, PageError> {
    let sink = Sink(RefCell::new(Collector::default()));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut c = tokenizer.sink.0.into_inner();
    c.flush();
    if c.too_deep {
        return Err(PageError::TooDeep(MAX_DEPTH));
    }
    let (paras, verdicts) = select(c.blocks, &c.article_parent, &c.furniture_parent)
        .into_iter()
        .unzip();
    Ok(Page {
        paras,
        verdicts,
        meta: c.meta,
    })
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a: &&Attribute| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Elements whose content is never the article's: navigation, asides, forms' controls,
/// embedded media and graphics.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "aside"
            | "footer"
            | "button"
            | "select"
            | "datalist"
            | "svg"
            | "math"
            | "template"
            | "dialog"
            | "canvas"
            | "audio"
            | "video"
            | "object"
            | "embed"
            | "map"
            | "menu"
    )
}

/// Elements that hold furniture unless they turn out to hold most of the page's text (a page
/// wrapped whole in a `<form>`).
fn furniture_tag(name: &str) -> bool {
    matches!(
        name,
        "form" | "header" | "figure" | "figcaption" | "fieldset" | "address"
    )
}

/// Inline elements: they do not break a paragraph.
fn inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
            | "del"
            | "ins"
            | "img"
            | "picture"
            | "source"
            | "label"
            | "nobr"
            | "tt"
            | "big"
            | "strike"
            | "acronym"
    )
}

fn void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

/// Class and id words that mark furniture.
fn furniture_word(w: &str) -> bool {
    matches!(
        w,
        "comment"
            | "comments"
            | "commentlist"
            | "disqus"
            | "respond"
            | "reply"
            | "replies"
            | "share"
            | "sharing"
            | "shares"
            | "sharedaddy"
            | "social"
            | "socials"
            | "related"
            | "relatedposts"
            | "recommended"
            | "recommendations"
            | "sidebar"
            | "widget"
            | "widgets"
            | "ad"
            | "ads"
            | "adv"
            | "advert"
            | "adverts"
            | "advertisement"
            | "adsbygoogle"
            | "sponsor"
            | "sponsored"
            | "promo"
            | "promotion"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "cookie"
            | "cookies"
            | "consent"
            | "gdpr"
            | "breadcrumb"
            | "breadcrumbs"
            | "menu"
            | "navbar"
            | "nav"
            | "navigation"
            | "footer"
            | "masthead"
            | "header"
            | "popup"
            | "modal"
            | "banner"
            | "paywall"
            | "signup"
            | "login"
            | "tags"
            | "tagcloud"
            | "byline"
            | "caption"
            | "toolbar"
            | "pagination"
            | "pager"
            | "rating"
            | "ratings"
            | "outbrain"
            | "taboola"
            | "trending"
            | "mostread"
            | "popular"
            | "hidden"
            | "screen-reader-text"
            | "sr-only"
            | "visually-hidden"
            | "print"
            | "author-bio"
            | "authorbox"
            | "teaser"
            | "teasers"
            | "more-stories"
            | "read-more"
            | "readmore"
            | "jp-relatedposts"
            | "wpdiscuz"
            | "wpd"
    )
}

/// Whether a class or id token names the article's text ("entry-content", "article-body",
/// "articleBody", "story__text"…).
fn article_token(token: &str) -> bool {
    let t = token.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    has(&["article", "entry", "post", "story", "news"])
        && has(&["content", "body", "text"])
        && !has(&[
            "comment", "related", "teaser", "list", "meta", "footer", "header", "share",
        ])
}

fn classify_attrs(tag: &Tag) -> u8 {
    let mut flags = 0;
    if attr(tag, "hidden").is_some() || attr(tag, "aria-hidden") == Some("true") {
        flags |= F_SKIP;
    }
    match attr(tag, "role") {
        Some(
            "navigation" | "complementary" | "contentinfo" | "banner" | "search" | "dialog"
            | "alertdialog",
        ) => flags |= F_FURNITURE,
        Some("main" | "article") => flags |= F_ARTICLE,
        _ => {}
    }
    if attr(tag, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        flags |= F_ARTICLE;
    }
    let tokens = attr(tag, "class")
        .into_iter()
        .chain(attr(tag, "id"))
        .flat_map(str::split_whitespace);
    let mut furniture = false;
    for token in tokens {
        if article_token(token) {
            flags |= F_ARTICLE;
        } else if token.len() <= 60 {
            let lower = token.to_ascii_lowercase();
            furniture |= furniture_word(&lower) || lower.split(['-', '_']).any(furniture_word);
        }
    }
    if furniture && flags & F_ARTICLE == 0 {
        flags |= F_FURNITURE;
    }
    flags
}

impl Collector {
    fn token(&mut self, token: Token) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return self.start(tag),
                TagKind::EndTag => self.end(tag),
            },
            Token::CharacterTokens(text) => self.text(&text),
            Token::NullCharacterToken
            | Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::ParseError(_)
            | Token::EOFToken => {}
        }
        TokenSinkResult::Continue
    }

    fn text(&mut self, text: &str) {
        if let Some((raw, _)) = &self.raw {
            if *raw != Raw::Ignore && self.raw_text.len() < 1 << 20 {
                self.raw_text.push_str(text);
            }
            return;
        }
        if self.skip > 0 {
            return;
        }
        let in_link = self.links > 0;
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.cur.is_empty();
                continue;
            }
            if matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
            ) || c.is_control()
            {
                continue;
            }
            if self.space {
                self.cur.push(' ');
                self.space = false;
            }
            self.cur.push(c);
            if in_link {
                self.cur_links += 1;
            }
        }
        if self.headings > 0 && !self.cur.is_empty() {
            self.cur_heading = true;
        }
    }

    fn flush(&mut self) {
        self.space = false;
        if self.cur.is_empty() {
            self.cur_links = 0;
            self.cur_heading = false;
            return;
        }
        let text = std::mem::take(&mut self.cur);
        if self.in_h1 && self.meta.first_h1.is_none() {
            self.meta.first_h1 = Some(text.clone());
        }
        self.blocks.push(Block {
            text,
            link_chars: std::mem::take(&mut self.cur_links),
            heading: std::mem::take(&mut self.cur_heading),
            furniture: self.furnitures.last().copied(),
            article: self.articles.last().copied(),
        });
    }

    fn start(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = tag.name.clone();
        let n: &str = &name;
        match n {
            "meta" => self.meta_tag(&tag),
            "link"
                if self.meta.canonical.is_none()
                    && attr(&tag, "rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("canonical"))
                    }) =>
            {
                self.meta.canonical = attr(&tag, "href").map(|h| h.trim().to_string());
            }
            "html" if self.meta.lang.is_none() => {
                self.meta.lang = attr(&tag, "lang")
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty());
            }
            "time" => {
                if let Some(dt) = attr(&tag, "datetime") {
                    let marked = attr(&tag, "pubdate").is_some()
                        || attr(&tag, "itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    if self.meta.times.len() < 64 && self.skip == 0 {
                        self.meta.times.push((
                            dt.trim().to_string(),
                            marked,
                            !self.articles.is_empty(),
                        ));
                    }
                }
            }
            _ => {}
        }
        let raw = match n {
            "title" => Some((Raw::Title, RawKind::Rcdata)),
            "script" => {
                let json_ld = attr(&tag, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                Some((
                    if json_ld { Raw::JsonLd } else { Raw::Ignore },
                    RawKind::ScriptData,
                ))
            }
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some((Raw::Ignore, RawKind::Rawtext))
            }
            "textarea" => Some((Raw::Ignore, RawKind::Rcdata)),
            _ => None,
        };
        if let Some((what, kind)) = raw {
            self.raw = Some((what, name));
            self.raw_text.clear();
            return TokenSinkResult::RawData(kind);
        }
        if n == "plaintext" {
            self.flush();
            self.raw = Some((Raw::Ignore, name));
            return TokenSinkResult::Plaintext;
        }
        if !inline(n) {
            self.flush();
        }
        if void(n) {
            return TokenSinkResult::Continue;
        }
        self.close_implied(n);
        let mut flags = classify_attrs(&tag);
        if skipped(n) {
            flags |= F_SKIP;
        }
        if furniture_tag(n) {
            flags |= F_FURNITURE;
        }
        if matches!(n, "article" | "main") {
            flags |= F_ARTICLE;
            flags &= !F_FURNITURE;
        }
        if matches!(n, "html" | "body") {
            // A page's class list says what the page is ("single-post has-comments"), not
            // what its parts are.
            flags &= !(F_FURNITURE | F_SKIP);
        }
        if n == "a" && attr(&tag, "href").is_some() {
            flags |= F_LINK;
        }
        if matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            flags |= F_HEADING;
            if n == "h1" {
                self.in_h1 = true;
            }
        }
        self.push(name, flags);
        TokenSinkResult::Continue
    }

    fn push(&mut self, name: LocalName, flags: u8) {
        if self.stack.len() >= MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        if flags & F_SKIP != 0 {
            self.skip += 1;
        }
        if flags & F_FURNITURE != 0 {
            let id = self.furniture_parent.len() as u32;
            self.furniture_parent.push(self.furnitures.last().copied());
            self.furnitures.push(id);
        }
        if flags & F_ARTICLE != 0 {
            let id = self.article_parent.len() as u32;
            self.article_parent.push(self.articles.last().copied());
            self.articles.push(id);
        }
        if flags & F_LINK != 0 {
            self.links += 1;
        }
        if flags & F_HEADING != 0 {
            self.headings += 1;
        }
        *self.open.entry(name.clone()).or_insert(0) += 1;
        self.stack.push(Open { name, flags });
    }

    fn pop(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        if let Some(count) = self.open.get_mut(&open.name) {
            *count = count.saturating_sub(1);
        }
        let f = open.flags;
        if f & F_SKIP != 0 {
            self.skip = self.skip.saturating_sub(1);
        }
        if f & F_FURNITURE != 0 {
            self.furnitures.pop();
        }
        if f & F_ARTICLE != 0 {
            self.articles.pop();
        }
        if f & F_LINK != 0 {
            self.links = self.links.saturating_sub(1);
        }
        if f & F_HEADING != 0 {
            self.headings = self.headings.saturating_sub(1);
            if self.headings == 0 {
                self.in_h1 = false;
            }
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.open
            .get(&LocalName::from(name))
            .is_some_and(|c| *c > 0)
    }

    /// Pops down to and including the nearest open `target`, if it is within
    /// `IMPLIED_LOOKDOWN` elements and no `boundary` element comes first.
    fn close_nearest(&mut self, target: &[&str], boundary: &[&str]) {
        if !target.iter().any(|t| self.is_open(t)) {
            return;
        }
        let len = self.stack.len();
        for depth in 0..len.min(IMPLIED_LOOKDOWN) {
            let name: &str = &self.stack[len - 1 - depth].name;
            if target.contains(&name) {
                for _ in 0..=depth {
                    self.pop();
                }
                return;
            }
            if boundary.contains(&name) {
                return;
            }
        }
    }

    /// The end tags HTML leaves implied: a new paragraph, list item, cell or option closes the
    /// open one.
    fn close_implied(&mut self, n: &str) {
        const SCOPE: &[&str] = &[
            "table", "td", "th", "button", "template", "html", "object", "caption", "marquee",
        ];
        let closes_p = matches!(
            n,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "details"
                | "dialog"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "header"
                | "hgroup"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "pre"
                | "section"
                | "table"
                | "ul"
                | "li"
                | "dd"
                | "dt"
                | "summary"
        );
        if closes_p {
            self.close_nearest(&["p"], SCOPE);
        }
        match n {
            "li" => self.close_nearest(&["li"], &["ul", "ol", "menu", "table", "td", "th"]),
            "dt" | "dd" => self.close_nearest(&["dt", "dd"], &["dl", "table", "td", "th"]),
            "td" | "th" => self.close_nearest(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_nearest(&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
            "tbody" | "thead" | "tfoot" => {
                self.close_nearest(&["tbody", "thead", "tfoot"], &["table"])
            }
            "option" | "optgroup" => self.close_nearest(&["option"], &["select", "datalist"]),
            "body" => self.close_nearest(&["head"], &[]),
            _ => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        let n: &str = &tag.name;
        if self.raw.is_some() {
            if let Some((what, _)) = self.raw.take_if(|(_, open)| *open == tag.name) {
                let text = std::mem::take(&mut self.raw_text);
                match what {
                    Raw::Title if self.meta.title.is_none() => {
                        let t = collapse(&text);
                        if !t.is_empty() {
                            self.meta.title = Some(t);
                        }
                    }
                    Raw::JsonLd if self.meta.json_ld.len() < 16 => self.meta.json_ld.push(text),
                    _ => {}
                }
            }
            return;
        }
        if !inline(n) {
            self.flush();
        }
        if n == "br" {
            return;
        }
        if !self.is_open(n) {
            return;
        }
        // Pop down to the nearest element of this name: everything above it was left open. The
        // name is known to be open, so each element walked past is popped: linear overall.
        while let Some(top) = self.stack.last() {
            let done = top.name == tag.name;
            self.pop();
            if done {
                break;
            }
        }
    }

    fn meta_tag(&mut self, tag: &Tag) {
        let Some(content) = attr(tag, "content") else {
            return;
        };
        let (key, by) = if let Some(p) = attr(tag, "property") {
            (p, "property")
        } else if let Some(n) = attr(tag, "name") {
            (n, "name")
        } else if let Some(i) = attr(tag, "itemprop") {
            (i, "itemprop")
        } else {
            return;
        };
        let key = key.trim().to_ascii_lowercase();
        if self.meta.meta.len() < 256 && !key.is_empty() && key.len() < 64 {
            self.meta
                .meta
                .entry(key)
                .or_insert_with(|| (content.trim().to_string(), by));
        }
    }
}

/// Whitespace runs made single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Chooses the paragraphs that are the article's: furniture containers are left out (unless
/// one holds most of the page's good text, which makes it the page's wrapper, not furniture),
/// and when one article container holds at least half of the good text that remains, only its
/// paragraphs are kept.
fn select(
    blocks: Vec<Block>,
    article_parent: &[Option<u32>],
    furniture_parent: &[Option<u32>],
) -> Vec<(Block, Verdict)> {
    let verdicts: Vec<Verdict> = blocks
        .iter()
        .map(|b| clean::judge(&b.text, Some(b.link_chars), b.heading))
        .collect();
    let good: Vec<usize> = blocks
        .iter()
        .zip(&verdicts)
        .map(|(b, v)| match v.class {
            Class::Good => clean::weight(&b.text),
            _ => 0,
        })
        .collect();
    let total: usize = good.iter().sum();
    // A furniture container holding more than half of the page's good text is the page's
    // wrapper, misnamed; a paragraph is furniture when any other container around it is.
    let held = subtree_sums(
        furniture_parent,
        blocks.iter().zip(&good).map(|(b, g)| (b.furniture, *g)),
    );
    let mut furniture = vec![false; furniture_parent.len()];
    for id in 0..furniture.len() {
        let wrapper = total > 0 && held[id] * 2 > total;
        let parent = furniture_parent[id].is_some_and(|p| furniture[p as usize]);
        furniture[id] = !wrapper || parent;
    }
    let is_furniture = |b: &Block| {
        b.furniture
            .is_some_and(|f| furniture.get(f as usize).copied().unwrap_or(true))
    };
    let kept: Vec<(Block, usize, Verdict)> = blocks
        .into_iter()
        .zip(good)
        .zip(verdicts)
        .map(|((b, g), v)| (b, g, v))
        .filter(|(b, _, _)| !is_furniture(b))
        .collect();
    let remaining: usize = kept.iter().map(|(_, g, _)| g).sum();

    let held = subtree_sums(article_parent, kept.iter().map(|(b, g, _)| (b.article, *g)));
    let max = held.iter().copied().max().unwrap_or(0);
    let best = held.iter().position(|h| *h == max);
    let Some(best) = best.filter(|_| max > 0 && max * 2 >= remaining) else {
        return kept.into_iter().map(|(b, _, v)| (b, v)).collect();
    };
    // Within the best container, the innermost one still holding nearly all of its text.
    let within = |root: usize| {
        let mut inside = vec![false; article_parent.len()];
        for id in root..inside.len() {
            inside[id] = id == root
                || article_parent[id].is_some_and(|p| p as usize >= root && inside[p as usize]);
        }
        inside
    };
    let under_best = within(best);
    let chosen = (best..held.len())
        .rev()
        .find(|id| under_best[*id] && held[*id] * 10 >= max * 9)
        .unwrap_or(best);
    let inside = within(chosen);
    kept.into_iter()
        .filter(|(b, _, _)| {
            b.article
                .is_some_and(|a| inside.get(a as usize).copied().unwrap_or(false))
        })
        .map(|(b, _, v)| (b, v))
        .collect()
}

/// The good text each container holds, its descendants' included, given each container's
/// parent (a parent's id is smaller than its children's) and (innermost container, weight)
/// pairs.
fn subtree_sums(
    parent: &[Option<u32>],
    weights: impl Iterator<Item = (Option<u32>, usize)>,
) -> Vec<usize> {
    let mut held = vec![0usize; parent.len()];
    for (id, g) in weights {
        if let Some(h) = id.and_then(|i| held.get_mut(i as usize)) {
            *h += g;
        }
    }
    for id in (0..held.len()).rev() {
        if let Some(p) = parent[id] {
            let v = held[id];
            if let Some(h) = held.get_mut(p as usize) {
                *h += v;
            }
        }
    }
    held
}

/// The page's paragraphs as the classifier takes them.
pub(super) fn paras(blocks: &[Block]) -> Vec<Para<'_>> {
    blocks
        .iter()
        .map(|b| Para {
            lines: vec![b.text.as_str()],
            link_chars: Some(b.link_chars),
            heading: b.heading,
        })
        .collect()
}
