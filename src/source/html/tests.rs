use super::*;
use crate::source::DateSource;

fn doc(text: &str) -> Document {
    read("a.html".into(), text.to_string())
}

/// The prose a reader sees: the masked copy with blank runs squeezed.
fn prose(d: &Document) -> String {
    d.masked().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn heading_texts(d: &Document) -> Vec<String> {
    d.headings
        .iter()
        .map(|h| {
            let masked = &d.masked()[h.start..h.end];
            masked.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn date(d: &Document) -> Option<(String, DateSource)> {
    d.reference_date.map(|(d, s)| (d.to_string(), s))
}

#[test]
fn text_content_only_with_entities_decoded_in_place() {
    let text = "<html><head><title>Deaths Up 12%</title><meta property=\"article:published_time\" content=\"2025-03-14T08:00:00Z\"><style>p{width:40px}</style></head>\n<body><script>var x = 99;</script><h2>Toll</h2><p>About 38&nbsp;attacks cost &euro;5&nbsp;million &amp; more.</p></body></html>";
    let d = doc(text);
    assert_eq!(d.masked().len(), d.text.len());
    assert!(!d.masked().contains("99") && !d.masked().contains("40px"));
    assert!(d.masked().contains("About 38 "));
    let p = text.find("<p>").unwrap();
    assert_eq!(&d.masked()[p..p + 3], "\n\n ", "blocks separate paragraphs");
    let euro = text.find("&euro;").unwrap();
    assert_eq!(&d.masked()[euro..euro + 8], "€   5 ");
    assert_eq!(heading_texts(&d), ["Deaths Up 12%", "Toll"]);
    assert_eq!(d.headings[0].text(&d.text), "Deaths Up 12%");
    assert_eq!(date(&d), Some(("2025-03-14".into(), DateSource::HtmlMeta)));
}

#[test]
fn time_before_first_paragraph_and_comments() {
    let text = "<header><time datetime=\"2024-12-03\">Dec 3</time></header><!-- numcheck: off --><p>x</p><!-- numcheck: on --><time datetime=\"2020-01-01\"></time>";
    let d = doc(text);
    assert_eq!(date(&d), Some(("2024-12-03".into(), DateSource::HtmlTime)));
    assert_eq!(d.suppressions.items.len(), 1);
    assert!(!d.masked().contains("numcheck"));
}

#[test]
fn malformed_markup_does_not_panic() {
    for t in [
        "<",
        "&",
        "&#xZZ;",
        "<p",
        "<a href=\"x",
        "é<b>é</b>&#233;",
        "a < b & c > d",
        "<svg><![CDATA[",
        "</h1></h1><h1>",
        "<figcaption><h1>a</figcaption>b</h1>",
        "<p class=dek>é<div>&#0;&#x110000;&#xD800;\0\r\n\r",
        "<script type=application/ld+json>{\"@graph\":[[[",
    ] {
        let d = doc(t);
        assert_eq!(d.masked().len(), t.len(), "{t:?}");
        for h in &d.headings {
            assert!(
                t.is_char_boundary(h.start) && t.is_char_boundary(h.end),
                "{t:?}"
            );
        }
    }
}

#[test]
fn attributes_are_markup_whatever_they_hold() {
    let d = doc(
        "<p><a href=/story?id=2024&page=3 title=\"5 > 3\" data-n='7 > 6'>12 boats</a> sank.</p>",
    );
    assert_eq!(prose(&d), "12 boats sank.");
}

#[test]
fn non_prose_elements_are_skipped() {
    let d = doc(concat!(
        "<noscript><img src=x alt=\"41 px\">41</noscript>",
        "<template><p>42 hidden</p><template>43</template>44</template>",
        "<textarea>45 <p>46</p></textarea>",
        "<svg viewBox=\"0 0 47 48\"><text>49</text><![CDATA[ 50 > 51 ]]><svg/><title>52</title></svg>",
        "<math><mn>53</mn></math>",
        "<pre>54</pre><code>55</code><button>56 shares</button>",
        "<script>/* <!-- */ var n = 57; // --></script>",
        "<p>Only 8 remain.</p>"
    ));
    assert_eq!(prose(&d), "Only 8 remain.");
    assert!(d.headings.is_empty(), "an SVG title is not a heading");
}

#[test]
fn an_unclosed_svg_island_ends_at_the_next_html_block() {
    let d = doc("<svg><text>9</text><p>Some 30 homes flooded.</p>");
    assert_eq!(prose(&d), "Some 30 homes flooded.");
}

#[test]
fn character_references_decode_in_place() {
    let text = "<p>A&amp B &nbsp; 3&#8212;4 5&#x2014;6 &frac34; &NotEqualTilde; &copy2024 &notit; &bogus; &#128;</p>";
    let d = doc(text);
    let masked = d.masked();
    assert_eq!(masked.len(), text.len());
    let at = |needle: &str| {
        let i = text.find(needle).expect("in the text");
        &masked[i..i + needle.len()]
    };
    assert_eq!(at("&amp B"), "&    B");
    assert_eq!(at("&#8212;"), "—    ");
    assert_eq!(at("&#x2014;"), "—     ");
    assert_eq!(at("&frac34;"), "¾      ");
    assert_eq!(at("&copy2024"), "©   2024");
    assert_eq!(at("&notit;"), "¬  it;");
    assert_eq!(at("&bogus;"), "&bogus;");
    assert_eq!(at("&#128;"), "€   ", "windows-1252 remapping");
    assert!(at("&NotEqualTilde;").starts_with("≂̸"));
}

#[test]
fn blocks_end_sentences_even_when_unclosed() {
    let text = "<ul><li>12 boats<li>15 crews</ul><table><tr><td>7<td>9</table><p>a 1<p>b 2";
    let d = doc(text);
    let segments = crate::extract::segment::Segments::new(&d);
    let sentences: Vec<&str> = segments.sentences.iter().map(|s| s.text(&d.text)).collect();
    assert_eq!(sentences, ["12 boats", "15 crews", "7", "9", "a 1", "b 2"]);
}

#[test]
fn captions_and_decks_are_headline_like() {
    let d = doc(concat!(
        "<h1>Nearly 700 Flights Cancelled</h1>",
        "<p class=\"c-article__dek\">Storm grounds 412 on Monday",
        "<div class=\"body\"><p>Body 1.</p>",
        "<figure><img src=a.jpg><figcaption>Some 300 passengers waited.</figure>",
        "<div class=\"article-deck\"><div>Deck 2</div> tail</div><p>Body 3.</p></div>",
        "<h2>Sub 4</h2>"
    ));
    assert_eq!(
        heading_texts(&d),
        [
            "Nearly 700 Flights Cancelled",
            "Storm grounds 412 on Monday",
            "Some 300 passengers waited.",
            "Deck 2 tail",
            "Sub 4"
        ]
    );
}

#[test]
fn headings_are_sorted_and_disjoint() {
    let d = doc("<figcaption>a <h3>b</h3> c</figcaption><h1>d<h2>e</h1>f</h2><title>g</title>");
    for pair in d.headings.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{:?}", d.headings);
    }
    assert_eq!(heading_texts(&d), ["a b c", "d", "e", "g"]);
}

#[test]
fn dates_prefer_json_ld_then_meta_tags_then_time() {
    let page = |head: &str| {
        doc(&format!(
            "<html><head>{head}</head><body><time datetime=\"2020-02-02\">x</time><p>Text.</p></body></html>"
        ))
    };
    let ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-14T08:00:00+01:00\"}</script>";
    let og = "<meta property=\"article:published_time\" content=\"2024-01-01T00:00:00Z\">";
    let item = "<meta itemprop=\"datePublished\" content=\"2023-05-05\">";
    let name = "<meta name=\"date\" content=\"2022-06-06\">";
    assert_eq!(
        date(&page(&format!("{og}{item}{name}{ld}"))),
        Some(("2025-03-14".into(), DateSource::HtmlJsonLd))
    );
    assert_eq!(
        date(&page(&format!("{name}{item}{og}"))),
        Some(("2024-01-01".into(), DateSource::HtmlMeta))
    );
    assert_eq!(
        date(&page(&format!("{name}{item}"))),
        Some(("2023-05-05".into(), DateSource::HtmlItemprop))
    );
    assert_eq!(
        date(&page(name)),
        Some(("2022-06-06".into(), DateSource::HtmlMetaDate))
    );
    assert_eq!(
        date(&page("")),
        Some(("2020-02-02".into(), DateSource::HtmlTime))
    );
    // JSON-LD that is not an article, or does not parse, gives way.
    let web_page = "<script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"datePublished\":\"2019-09-09\"}</script>";
    assert_eq!(
        date(&page(web_page)),
        Some(("2020-02-02".into(), DateSource::HtmlTime))
    );
    // A JSON-LD script's numbers are not prose.
    assert!(!page(ld).masked().contains("2025"));
}

#[test]
fn crlf_and_nul_keep_offsets() {
    let text = "<p>Up\r\n5%\0 to&#10;9</p>\r\n<title>T\0 &amp; 2</title>";
    let d = doc(text);
    assert_eq!(d.masked().len(), text.len());
    assert!(d.masked().contains("Up\r\n5%"));
    assert_eq!(heading_texts(&d), ["T & 2"]);
}

#[test]
fn an_unclosed_heading_ends_with_the_block_around_it() {
    let d = doc("<header><h1>Fares Up 12%</header><p>Fares rose 12% on Monday.</p>");
    assert_eq!(heading_texts(&d), ["Fares Up 12%"]);
    // Blocks opened inside the heading do not close it.
    let d = doc("<h1><div class=t><span>Fares</span> Up 12%</div></h1><p>Body.</p>");
    assert_eq!(heading_texts(&d), ["Fares Up 12%"]);
}
