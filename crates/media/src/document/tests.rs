//! Tests of reading articles: samples shaped like the press files the monitor gets (a
//! translated article under front matter with an English summary, a scraped wire page, a blog
//! page with ads and a rating widget, a page ending in a reply form, a plain article), HTML
//! pages with their furniture, and bad input of every kind.

use super::*;

fn doc(text: &str) -> Document {
    match read("sample.txt", text.as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("read failed: {e}"),
    }
}

/// Text input: every body line is a verbatim substring of the file.
fn assert_verbatim(d: &Document, file: &str) {
    for line in d.body.lines() {
        assert!(file.contains(line), "not in the file: {line:?}");
    }
}

const WIRE: &str = "Can't read it? Listen now!
PORT-AU-PRINCE, Sept 21 (HaitiWire) – Kenyan President William Ruto announced on Saturday the deployment of 600 additional officers to Haiti, reinforcing Kenya’s role in the mission.
Ruto made the announcement during a visit to Port-au-Prince, where he was received by Haitian officials and the Director of the National Police.
Call for UN Peacekeeping Transition
Its mandate, initially set for 12 months, is due to expire in early October, and discussions are underway at the UN Security Council.
Escalating Violence
The UN’s special rapporteur warned this week that conditions have worsened, with over 700,000 people now internally displaced.
";

#[test]
fn scraped_wire_page() {
    let d = doc(WIRE);
    assert!(!looks_like_html(WIRE));
    assert!(!d.body.contains("Listen now"));
    assert!(d.body.starts_with("PORT-AU-PRINCE, Sept 21"));
    assert!(d.body.contains("\nCall for UN Peacekeeping Transition\n"));
    assert!(d.body.contains("\nEscalating Violence\n"));
    assert!(d.body.ends_with("now internally displaced."));
    assert_eq!(d.language, "en");
    assert_eq!(d.header_date, None);
    assert_eq!(
        d.title, None,
        "the first line is a paragraph, not a headline"
    );
    assert_verbatim(&d, WIRE);
}

const BLOG: &str = "U.S. and Kenya Forge Defence Pact for Haiti Mission Support

U.S. and Kenya Collaborate to Support Haiti's Security Mission
U.S. and Kenya Collaborate to Support Haiti's Security Mission
- Advertisement -

In a recent development, the United States and Kenya have agreed on a defense partnership. The deal, signed in Nairobi, Kenya, on September 25, 2023, will guide their defense cooperation for the next five years.

U.S. Secretary of State Antony Blinken urged the UN Security Council to approve the mission. Kenya committed to sending 1,000 security personnel to aid Haiti.

- Advertisement -
- Advertisement -
0 0 votes
Article Rating
Notify of
Inline Feedbacks
View all comments
";

#[test]
fn blog_page_with_ads_and_rating_widget() {
    let d = doc(BLOG);
    assert_eq!(
        d.title.as_deref(),
        Some("U.S. and Kenya Forge Defence Pact for Haiti Mission Support")
    );
    for junk in [
        "Advertisement",
        "votes",
        "Article Rating",
        "Notify of",
        "Inline Feedbacks",
        "View all comments",
    ] {
        assert!(!d.body.contains(junk), "{junk} in the body");
    }
    assert!(
        d.body
            .contains("signed in Nairobi, Kenya, on September 25, 2023")
    );
    assert!(d.body.ends_with("to aid Haiti."));
    assert!(
        d.body.matches("Collaborate to Support").count() <= 1,
        "a repeated line is kept once"
    );
    assert_verbatim(&d, BLOG);
}

const REPLY: &str = "NAIROBI, Kenya, Jan 26 – President William Ruto has hailed President Donald Trump’s administration for supporting the Kenyan-led mission in Haiti.
Tackling armed gangs
On January 19, an additional 200 Kenyan police officers arrived in Haiti to help combat violent gangs that have taken over parts of the country.
Haiti has faced escalating violence since the assassination of President Jovenel Moïse in July 2021 at his private residence in the capital.
Leave a Reply
Great article, thanks. I hope the police stay until every gang is gone from the capital and the roads are open again.
";

#[test]
fn page_ending_in_a_reply_form() {
    let d = doc(REPLY);
    assert!(!d.body.contains("Leave a Reply"));
    assert!(
        !d.body.contains("Great article"),
        "a comment after the reply form is not the article"
    );
    assert!(d.body.contains("Tackling armed gangs"));
    assert!(d.body.ends_with("in the capital."));
    assert_verbatim(&d, REPLY);
}

const PLAIN: &str = "Kenya and Haiti formalized an agreement on Friday regarding the deployment of 1,000 police officers to the Multi-National Security Support Mission.
The signing ceremony, witnessed by President William Ruto and Haiti’s Prime Minister Ariel Henry, took place at State House Nairobi.
Notably, on October 13, 2023, both the National Security Council and Cabinet approved the deployment of 1,000 police officers.";

#[test]
fn plain_article_is_kept_whole() {
    let d = doc(PLAIN);
    assert_eq!(d.body, PLAIN);
    assert_eq!(d.language, "en");
}

const TRANSLATED: &str = "---
title: 海地将接待第一批肯尼亚官员，旨在平息帮派暴力。
date: 2024-06-24T19:32:41.904Z
description: African country will lead coalition intended to bolster police force
tags: 
- us
author: ft
---

[原文链接](https://ft.com/content/60faef4f)

海地将接待第一批肯尼亚官员，旨在平息帮派暴力。

肯尼亚警方首次部署将于周二出发前往海地，以努力平息帮派暴力并加强该加勒比国家的警察力量。该特派团去年7月被联合国授权，由1000名肯尼亚警察领导。

由肯尼亚领导的这项任务预计将带来约2500名来自巴巴多斯、牙买加、乍得和孟加拉国等加勒比和非洲国家的额外警察。

---

 **Summary of Article:**  
The first deployment of Kenyan police officers is set to depart for Haiti as early as Tuesday in an effort to quell gang violence.

The Kenya-led mission is expected to bring about 2,500 additional officers from various Caribbean and African nations.

[Source Link](https://ft.com/content/60faef4f)
";

#[test]
fn translated_article_under_front_matter() {
    let d = doc(TRANSLATED);
    assert_eq!(
        d.title.as_deref(),
        Some("海地将接待第一批肯尼亚官员，旨在平息帮派暴力。")
    );
    assert_eq!(d.outlet.as_deref(), Some("ft"));
    assert_eq!(d.url.as_deref(), Some("https://ft.com/content/60faef4f"));
    let (day, basis) = d.header_date.clone().expect("a header date");
    assert_eq!(day.to_string(), "2024-06-24");
    assert_eq!(basis, "front matter (date: 2024-06-24T19:32:41.904Z)");
    assert_eq!(d.language, "zh");
    assert!(!d.body.contains("原文链接"));
    assert!(!d.body.contains("Summary"));
    assert!(
        !d.body.contains("Kenyan police"),
        "the English summary is not the body"
    );
    assert!(d.body.contains("由1000名肯尼亚警察领导"));
    let summary = d.summary.clone().expect("a summary");
    assert!(summary.starts_with("The first deployment"));
    assert!(summary.contains("2,500 additional officers"));
    assert!(!summary.contains("Source Link"));
    assert_verbatim(&d, TRANSLATED);
}

#[test]
fn malformed_front_matter_is_text() {
    let text = format!("---\nnot a header at all, just a rule and a line\n{PLAIN}");
    let d = doc(&text);
    assert!(d.body.contains("formalized an agreement"));
    assert!(d.body.contains("not a header at all"));
    let text = format!("---\ntitle: Haiti: the mission starts\ndate: 24 June\n---\n{PLAIN}");
    let d = doc(&text);
    assert_eq!(d.title.as_deref(), Some("Haiti: the mission starts"));
    assert!(!d.body.contains("title:"));
    assert_eq!(d.header_date, None, "an unreadable date is no date");
}

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kenyan police arrive in Haiti | Caribbean Wire</title>
<meta property="og:title" content="Kenyan police arrive in Haiti">
<meta property="og:site_name" content="Caribbean Wire">
<meta property="og:url" content="https://wire.example/2024/06/kenyan-police-arrive">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Caribbean Wire"},
  {"@type": "NewsArticle", "headline": "Kenyan police arrive in Haiti",
   "datePublished": "2024-06-25T16:02:00-04:00",
   "publisher": {"@type": "Organization", "name": "Caribbean Wire"}}]}
</script>
<script>var ads = "<p>not text</p>"; if (a < b) { track(); }</script>
<style>p { color: red }</style>
</head>
<body class="single-post has-comments">
<header class="site-header"><a href="/">Caribbean Wire</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/haiti">Haiti</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<div class="ad-slot">Advertisement <a href="https://ads.example">Buy now, the best offer of the year for all your needs and more</a></div>
<main>
<article>
<h1>Kenyan police arrive in Haiti</h1>
<div class="byline">By Jane Doe | <time datetime="2024-06-25">June 25, 2024</time></div>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">WhatsApp</a></div>
<div class="entry-content">
<p>The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday, the start of a long-delayed mission to help Haiti&rsquo;s police fight gangs.</p>
<p>The officers were received at the airport by the prime minister and the head of the national police. <a href="/kenya">Kenya</a> has pledged 1,000 officers in all.</p>
<h2>A long wait</h2>
<p>The Security Council authorised the mission in October 2023, but a court in Nairobi blocked the deployment for months.</p>
<div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Haiti gangs attack the main prison, thousands escape</a></li><li><a href="/b">Kenya court blocks deployment of police to Haiti</a></li></ul></div>
<p>More officers from Jamaica, Belize and the Bahamas are expected in the coming weeks, officials said.</p>
</div>
</article>
</main>
<aside class="sidebar"><p>Most read: Gangs burn the national library in the capital, witnesses say, as the fighting spreads to the centre of the city.</p></aside>
<section id="comments" class="comments-area">
<h3>3 Comments</h3>
<p>I have lived in Port-au-Prince all my life and I have never seen it this bad; the police need all the help they can get.</p>
<p>Another foreign mission that will leave nothing behind, like the ones in 2004 and 1994, mark my words on this one.</p>
</section>
<div id="cookie-banner"><p>We use cookies to improve your experience. By continuing to browse you accept our use of cookies.</p><button>Accept</button></div>
<footer><p>© 2024 Caribbean Wire. All rights reserved.</p></footer>
</body>
</html>"##;

#[test]
fn html_page_with_its_furniture() {
    let d = match read("https://wire.example/x", PAGE.as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(d.title.as_deref(), Some("Kenyan police arrive in Haiti"));
    assert_eq!(d.outlet.as_deref(), Some("Caribbean Wire"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://wire.example/2024/06/kenyan-police-arrive")
    );
    assert_eq!(d.language, "en");
    let (day, basis) = d.header_date.clone().expect("a date");
    assert_eq!(day.to_string(), "2024-06-25");
    assert_eq!(
        basis,
        "HTML JSON-LD NewsArticle datePublished (2024-06-25T16:02:00-04:00)"
    );
    let lines: Vec<&str> = d.body.lines().collect();
    assert_eq!(
        lines,
        vec![
            "The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday, the start of a long-delayed mission to help Haiti’s police fight gangs.",
            "The officers were received at the airport by the prime minister and the head of the national police. Kenya has pledged 1,000 officers in all.",
            "A long wait",
            "The Security Council authorised the mission in October 2023, but a court in Nairobi blocked the deployment for months.",
            "More officers from Jamaica, Belize and the Bahamas are expected in the coming weeks, officials said.",
        ]
    );
}

#[test]
fn html_metadata_sources() {
    let body = "<p>The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday, the start of a long-delayed mission.</p>";
    let page = |head: &str| format!("<html><head>{head}</head><body>{body}</body></html>");
    let read_page = |head: &str| match read("p.html", page(head).as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };

    let d = read_page(
        r#"<meta property="article:published_time" content="2024-06-24T19:32:41Z"><title>Police arrive - The Outlet</title><meta property="og:site_name" content="The Outlet"><link rel="canonical" href="https://outlet.example/a">"#,
    );
    assert_eq!(
        d.header_date.as_ref().map(|h| h.1.as_str()),
        Some("HTML meta article:published_time (2024-06-24T19:32:41Z)")
    );
    assert_eq!(d.title.as_deref(), Some("Police arrive"));
    assert_eq!(d.url.as_deref(), Some("https://outlet.example/a"));

    let d = read_page(
        r#"<meta name="date" content="2024-06-26"><link rel="canonical" href="https://www.lenouvelliste.example/article/1">"#,
    );
    assert_eq!(
        d.header_date
            .as_ref()
            .map(|h| (h.0.to_string(), h.1.as_str())),
        Some(("2024-06-26".into(), "HTML meta date (2024-06-26)"))
    );
    assert_eq!(d.outlet.as_deref(), Some("lenouvelliste.example"));

    let d = read_page("");
    assert_eq!(d.header_date, None);
    assert_eq!(d.title, None);
    let with_time = format!(
        "<article><time datetime=\"2024-06-27T08:00:00+00:00\">27 June</time>{body}</article>"
    );
    let d = match read("t.html", with_time.as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        d.header_date.as_ref().map(|h| h.1.as_str()),
        Some("HTML <time datetime> (2024-06-27T08:00:00+00:00)")
    );
}

#[test]
fn html_fragment_from_a_feed() {
    let d = doc(
        "<p>Les policiers kényans ont commencé à patrouiller dans Port-au-Prince en juin, dans le cadre d&#39;une mission soutenue par l&#x27;ONU.</p><p><a href=\"https://x.example\">Lire la suite</a></p>",
    );
    assert_eq!(
        d.body,
        "Les policiers kényans ont commencé à patrouiller dans Port-au-Prince en juin, dans le cadre d'une mission soutenue par l'ONU."
    );
    assert_eq!(d.language, "fr");
}

#[test]
fn legacy_encoding_declared_by_the_page() {
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>La police kenyane est arriv".to_vec();
    bytes.push(0xe9); // é in Windows-1252
    bytes.extend_from_slice(b"e en Ha");
    bytes.push(0xef); // ï
    bytes.extend_from_slice(b"ti mardi, pour aider la police nationale d'Ha");
    bytes.push(0xef);
    bytes.extend_from_slice(b"ti dans sa lutte contre les gangs.</p></body></html>");
    let d = match read("latin1.html", &bytes) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert!(
        d.body
            .starts_with("La police kenyane est arrivée en Haïti mardi")
    );
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in PLAIN.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let d = match read("utf16.txt", &bytes) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(d.body, PLAIN);
}

#[test]
fn bad_input_is_refused_clearly() {
    assert_eq!(read("e", b""), Err(ReadError::Empty));
    assert_eq!(read("e", b" \n\t\r\n"), Err(ReadError::Empty));
    assert_eq!(read("e", "\u{feff}  \n".as_bytes()), Err(ReadError::Empty));
    assert_eq!(read("b", b"some text\0more"), Err(ReadError::Binary(9)));
    assert_eq!(
        read("b", b"\x89PNG\r\n\x1a\n rest"),
        Err(ReadError::Binary(0))
    );
    assert_eq!(read("b", b"%PDF-1.7 text text"), Err(ReadError::Binary(0)));
    let controls: Vec<u8> = (0..400)
        .map(|i| if i % 7 == 0 { 0x02 } else { b'a' })
        .collect();
    assert_eq!(read("b", &controls), Err(ReadError::Binary(0)));
    assert_eq!(
        read("u", b"Ha\xefti: the police arrived on Tuesday."),
        Err(ReadError::NotUtf8(2))
    );
    assert_eq!(
        read("u", b"<html><body><p>Ha\xefti</p></body></html>"),
        Err(ReadError::NotUtf8(17))
    );
    let huge = vec![b'a'; 50 << 20];
    assert_eq!(
        read("big", &huge),
        Err(ReadError::TooLarge(50 << 20, MAX_BYTES))
    );
    assert_eq!(
        read("n", b"- Advertisement -\nShare\nLeave a Reply\n"),
        Err(ReadError::NoText)
    );
    assert_eq!(
        read(
            "n",
            b"<html><body><nav><a href=/>Home</a></nav></body></html>"
        ),
        Err(ReadError::NoText)
    );
    for e in [
        ReadError::Empty,
        ReadError::Binary(3),
        ReadError::NotUtf8(2),
        ReadError::TooLarge(9, 8),
        ReadError::NoText,
        ReadError::TooDeep(4),
    ] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn deeply_nested_html_is_refused() {
    let deep = format!(
        "<html><body>{}<p>Kenyan police officers landed in Port-au-Prince on Tuesday to help the police fight gangs.</p></body></html>",
        "<div>".repeat(100_000)
    );
    assert_eq!(
        read("deep.html", deep.as_bytes()),
        Err(ReadError::TooDeep(html::MAX_DEPTH))
    );
    let fine = format!(
        "<html><body>{}<p>Kenyan police officers landed in Port-au-Prince on Tuesday to help the national police fight gangs.</p>{}</body></html>",
        "<div>".repeat(1000),
        "</div>".repeat(1000)
    );
    assert!(read("ok.html", fine.as_bytes()).is_ok());
    // Unclosed inline elements in every paragraph do not pile up past the limit.
    let paras: String = (0..20_000)
        .map(|i| format!("<p><b>In paragraph {i}, Kenyan police officers landed in Port-au-Prince on Tuesday to help the national police, officials said. "))
        .collect();
    let unclosed = format!("<html><body>{paras}</body></html>");
    assert!(read("unclosed.html", unclosed.as_bytes()).is_ok());
}

#[test]
fn malformed_html_never_panics() {
    let samples: &[&str] = &[
        "<html><body><p>Unclosed <b>bold <i>italic</p></div></span></article><p>Kenyan police officers landed in Port-au-Prince on Tuesday to help the police.",
        "<html><<<>>></ p><p =\"x\" ='y' class=>text</p></html>",
        "<html><script>never closed <p>hidden",
        "<html><body><table><tr><td><p>cell<td>cell</table></body>",
        "<!doctype html><title>only a title",
        "<html><body>&amp;&#0;&#x110000;&#xD800;&nosuch; &lt;p&gt;</body></html>",
        "<html><svg><p>foreign</p><math><mi>x</mi></svg></html>",
        "<html><body><a href=x><a href=y><div><a>nested links</a></div></a></a></body></html>",
        "<html><body><plaintext><p>everything after is text",
        "<html><body><p>Kenyan police officers landed in Port-au-Prince on Tuesday to help the police fight gangs.</p><!-- unterminated comment",
    ];
    for s in samples {
        match read("m.html", s.as_bytes()) {
            Ok(d) => assert!(!d.body.is_empty()),
            Err(e) => assert!(matches!(e, ReadError::NoText), "{s}: {e}"),
        }
    }
}

#[test]
fn dates_as_headers_write_them() {
    let d = |s: &str| parse_date(s).map(|d| d.to_string());
    assert_eq!(d("2024-06-24T19:32:41.904Z").as_deref(), Some("2024-06-24"));
    assert_eq!(d("2024-06-24").as_deref(), Some("2024-06-24"));
    assert_eq!(d("2024/6/4").as_deref(), Some("2024-06-04"));
    assert_eq!(d("20240624").as_deref(), Some("2024-06-24"));
    assert_eq!(
        d("Mon, 24 Jun 2024 19:32:41 +0000").as_deref(),
        Some("2024-06-24")
    );
    assert_eq!(d("2024-13-01"), None);
    assert_eq!(d("24 June"), None);
    assert_eq!(d("202406241"), None);
}

#[test]
fn json_ld_shapes() {
    let ld = json_ld(&[r#"[{"@type":["NewsArticle"],"headline":"H","datePublished":"2024-01-02","publisher":[{"name":"P"}],"mainEntityOfPage":{"@id":"https://x.example/a"}}]"#.into()]);
    assert_eq!(
        ld,
        Some(LdArticle {
            kind: "NewsArticle".into(),
            date: Some("2024-01-02".into()),
            headline: Some("H".into()),
            publisher: Some("P".into()),
            url: Some("https://x.example/a".into())
        })
    );
    assert_eq!(json_ld(&["{not json".into()]), None);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(json_ld(&[deep]), None);
    let broken =
        "{\"@type\": \"Article\", \"headline\": \"Two\nlines\", \"datePublished\": \"2024-02-03\"}";
    assert_eq!(
        json_ld(&[broken.into()]).and_then(|a| a.date),
        Some("2024-02-03".into())
    );
}

#[test]
fn misnamed_wrapper_keeps_the_article_and_drops_inner_furniture() {
    let p = "<p>The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday, the start of a long-delayed mission to help the police.</p>";
    let c = "<p>I have lived in Port-au-Prince all my life and I have never seen it this bad; the police need all the help they can get from abroad.</p>";
    let page = format!(
        "<html><body><div class=\"wrapper has-sidebar\"><div class=\"col\">{p}{p}{p}</div><div class=\"comment-list\">{c}</div></div></body></html>"
    );
    let d = match read("w.html", page.as_bytes()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert!(d.body.contains("first contingent"));
    assert!(!d.body.contains("lived in Port-au-Prince"), "{}", d.body);
}
