//! Attachment, segments and quantity keys over hand-built claims: the spans are computed from
//! the test sentence, so these tests do not depend on the number grammar.

use numcheck::extract::attach::attach;
use numcheck::extract::key::{compatible, KeyMatch, QuantityKey};
use numcheck::extract::segment::Segments;
use numcheck::model::{Claim, FractionForm, Hedge, Kind, Numeral, Quantity, Span, Vague};
use numcheck::source::{Document, Format};
use rust_decimal::Decimal;

fn point(v: i64) -> Quantity {
    Quantity::Point(Numeral::integer(v))
}

fn range(a: i64, b: i64) -> Quantity {
    Quantity::Range {
        first: Numeral::integer(a),
        second: Numeral::integer(b),
    }
}

/// A claim over the `nth` occurrence (0-based) of `needle` in `text`.
fn claim_nth(text: &str, needle: &str, nth: usize, kind: Kind, q: Quantity) -> Claim {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
        .0;
    Claim::new(Span::new(start, start + needle.len()), kind, q)
}

fn claim(text: &str, needle: &str, kind: Kind, q: Quantity) -> Claim {
    claim_nth(text, needle, 0, kind, q)
}

/// Runs attachment as extraction does: headings marked, claims in order.
fn run(text: &str, mut claims: Vec<Claim>) -> (Document, Vec<Claim>) {
    let doc = Document::new("t.txt", text.to_string(), Format::Plain);
    for c in &mut claims {
        c.in_heading = doc.in_heading(c.span);
    }
    claims.sort_by_key(|c| c.span.start);
    let segments = Segments::new(&doc);
    attach(doc.masked(), &segments, &mut claims);
    (doc, claims)
}

fn counted<'a>(text: &'a str, c: &Claim) -> Option<&'a str> {
    c.counted.map(|s| &text[s.start..s.end])
}

fn one(text: &str, c: Claim) -> Claim {
    run(text, vec![c]).1.remove(0)
}

#[test]
fn plain_count_gets_noun_place_time_and_source() {
    let t = "There were 38 attacks in Syria from January to May of 2025, according to data from the Monitoring Group.";
    let c = one(t, claim(t, "38", Kind::Number, point(38)));
    assert_eq!(c.kind, Kind::Count);
    assert_eq!(counted(t, &c), Some("attacks"));
    assert_eq!(c.head.as_deref(), Some("attack"));
    assert_eq!(c.scope.place_text(t), Some("Syria"));
    assert_eq!(c.scope.time_text(t), Some("from January to May of 2025"));
    assert_eq!(
        c.scope.source_text(t),
        Some("data from the Monitoring Group")
    );
    assert!(c.scope.qualifiers.is_empty());
}

#[test]
fn hedged_count_with_trailing_qualifiers() {
    let t = "The guards hold approximately 9,000 rebel fighters and their families in prisons and camps, under watch.";
    let mut c = claim(t, "approximately 9,000", Kind::Number, point(9000));
    c.hedge = Hedge::Approximately;
    let c = one(t, c);
    assert_eq!(counted(t, &c), Some("rebel fighters"));
    assert_eq!(c.head.as_deref(), Some("fighter"));
    assert_eq!(
        c.scope.qualifier_texts(t),
        ["rebel", "and their families", "in prisons and camps"]
    );
}

#[test]
fn acronym_modifier_is_the_owner() {
    let t = "Officials said two U.S. defense officials and two local officials met.";
    let (_, cs) = run(
        t,
        vec![
            claim_nth(t, "two", 0, Kind::Number, point(2)),
            claim_nth(t, "two", 1, Kind::Number, point(2)),
        ],
    );
    assert_eq!(counted(t, &cs[0]), Some("U.S. defense officials"));
    assert_eq!(cs[0].head.as_deref(), Some("official"));
    assert_eq!(cs[0].scope.owner_text(t).as_deref(), Some("U.S."));
    assert_eq!(cs[0].scope.qualifier_texts(t), ["defense"]);
    assert_eq!(counted(t, &cs[1]), Some("local officials"));
}

#[test]
fn range_shares_one_noun() {
    let t = "Analysts put the force at between 1,500 and 3,000 fighters in the north.";
    let c = one(
        t,
        claim(
            t,
            "between 1,500 and 3,000",
            Kind::Number,
            range(1500, 3000),
        ),
    );
    assert_eq!(counted(t, &c), Some("fighters"));
    assert_eq!(c.head.as_deref(), Some("fighter"));
    assert_eq!(c.scope.qualifier_texts(t), ["in the north"]);
}

#[test]
fn noun_before_the_number() {
    let t = "The agency projects the number of rebel fighters in Chad and Niger to be between 1,500 and 3,000 [4].";
    let c = one(
        t,
        claim(
            t,
            "between 1,500 and 3,000",
            Kind::Number,
            range(1500, 3000),
        ),
    );
    assert_eq!(counted(t, &c), Some("rebel fighters"));
    assert_eq!(c.head.as_deref(), Some("fighter"));
    assert_eq!(c.scope.place_text(t), Some("Chad and Niger"));
}

#[test]
fn vague_dozen_with_event_verb_and_participle_modifier() {
    let t = "Police have foiled approximately a dozen planned attacks in 2025 alone [1][2].";
    let mut c = claim(
        t,
        "approximately a dozen",
        Kind::Count,
        Quantity::Vague(Vague::Dozen(1)),
    );
    c.hedge = Hedge::Approximately;
    let c = one(t, c);
    assert_eq!(counted(t, &c), Some("planned attacks"));
    assert_eq!(c.head.as_deref(), Some("attack"));
    assert_eq!(c.scope.time_text(t), Some("in 2025 alone"));
    assert!(c.scope.qualifier_texts(t).contains(&"planned".into()));
    assert!(c.scope.qualifier_texts(t).contains(&"foiled".into()));
}

#[test]
fn number_words_and_possessive_stop() {
    let t = "The club sent two supporters to Lyon. It logged at least two escape attempts post-war's end.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "two supporters", Kind::Number, point(2)).with_len(3),
            claim(t, "at least two", Kind::Number, point(2)),
        ],
    );
    assert_eq!(counted(t, &cs[0]), Some("supporters"));
    assert_eq!(counted(t, &cs[1]), Some("escape attempts"));
    assert_eq!(cs[1].head.as_deref(), Some("attempt"));
}

trait WithLen {
    fn with_len(self, len: usize) -> Self;
}
impl WithLen for Claim {
    fn with_len(mut self, len: usize) -> Self {
        self.span.end = self.span.start + len;
        self
    }
}

#[test]
fn elided_count_inherits_the_head() {
    let t = "The unit raided two camps, neutralizing three armed fighters, capturing four, and seizing rifles.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "three", Kind::Number, point(3)),
            claim(t, "four", Kind::Number, point(4)),
        ],
    );
    assert_eq!(cs[0].head.as_deref(), Some("fighter"));
    assert!(cs[0]
        .scope
        .qualifier_texts(t)
        .contains(&"neutralizing".into()));
    assert_eq!(cs[1].head.as_deref(), Some("fighter"));
    assert_eq!(cs[1].counted, None);
    assert_eq!(cs[1].kind, Kind::Count);
}

#[test]
fn units_years_and_percent_are_not_counted() {
    let t = "After 13 years of war, output rose 12 percent in 2025 alone.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "13", Kind::Number, point(13)),
            claim(t, "12", Kind::Number, point(12)),
            claim(t, "2025", Kind::Number, point(2025)),
        ],
    );
    for c in &cs {
        assert_eq!(c.counted, None, "{:?}", c.span);
        assert_eq!(c.kind, Kind::Number);
    }
}

#[test]
fn part_whole_takes_the_whole_noun() {
    let t = "Judges picked 9 of the 14 finalists.";
    let c = one(t, claim(t, "9", Kind::Number, point(9)));
    assert_eq!(counted(t, &c), Some("finalists"));
    assert_eq!(c.head.as_deref(), Some("finalist"));
}

#[test]
fn base_of_fractions_and_percentages() {
    let third = Quantity::Fraction(FractionForm::Word(Decimal::ONE / Decimal::from(3)));
    let t = "It was approximately a third of last year's count, according to the group. At its height the movement held roughly a third of Chad and Niger, they said. About 40% of the nine inspectors agreed.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "approximately a third", Kind::Fraction, third.clone()),
            claim(t, "roughly a third", Kind::Fraction, third),
            claim(t, "About 40%", Kind::Percent, point(40)),
        ],
    );
    let of = |c: &Claim| c.of.map(|s| &t[s.start..s.end]);
    assert_eq!(of(&cs[0]), Some("last year's count"));
    assert_eq!(of(&cs[1]), Some("Chad and Niger"));
    assert_eq!(of(&cs[2]), Some("the nine inspectors"));
    assert_eq!(cs[0].scope.source_text(t), Some("the group"));
}

#[test]
fn heading_count_and_title_case() {
    let t = "Some Story Title\nThe body starts here.\nApproximately 900 Soldiers Deployed—Capital Aims High\nMore body text follows.\n";
    let c = one(t, claim(t, "Approximately 900", Kind::Number, point(900)));
    assert!(c.in_heading);
    assert_eq!(counted(t, &c), Some("Soldiers"));
    assert_eq!(c.head.as_deref(), Some("soldier"));
}

#[test]
fn planned_change_object_and_change_result() {
    let t = "The ministry plans to significantly reduce its approximately 2000 troops in Chad by mid-year. Staff numbers rose to 450 employees.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "approximately 2000", Kind::Number, point(2000)),
            claim(t, "450", Kind::Number, point(450)),
        ],
    );
    assert_eq!(cs[0].scope.owner_text(t).as_deref(), Some("its"));
    assert_eq!(cs[0].scope.place_text(t), Some("Chad"));
    assert_eq!(cs[0].scope.time, None, "a deadline belongs to the change");
    assert!(cs[0].scope.changed && cs[0].scope.change_object);
    assert!(cs[1].scope.changed && !cs[1].scope.change_object);
}

#[test]
fn attribution_by_verb() {
    let t = "The United Nations projects 300 new clinics. \"We are ready,\" said Maria Lopez, adding 20 beds.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "300", Kind::Number, point(300)),
            claim(t, "20", Kind::Number, point(20)),
        ],
    );
    assert_eq!(cs[0].scope.source_text(t), Some("United Nations"));
    assert_eq!(cs[1].scope.source_text(t), Some("Maria Lopez"));
}

fn key<'a>(t: &'a str, c: &'a Claim) -> QuantityKey<'a> {
    QuantityKey::of(c, t)
}

#[test]
fn keys_keep_different_populations_apart() {
    let t = "A concern is the approximately 9,000 rebel fighters and their families in prisons and camps. \
The agency projects the number of rebel fighters in Chad and Niger to be between 1,500 and 3,000.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "approximately 9,000", Kind::Number, point(9000)),
            claim(
                t,
                "between 1,500 and 3,000",
                Kind::Number,
                range(1500, 3000),
            ),
        ],
    );
    let m = compatible(&key(t, &cs[0]), &key(t, &cs[1]));
    assert!(matches!(m, KeyMatch::Different(_)), "{m:?}");
}

#[test]
fn keys_keep_different_times_and_qualifiers_apart() {
    let t = "Forces have foiled approximately a dozen planned attacks in 2025 alone. There were 38 attacks in Chad from January to May of 2025.";
    let mut dozen = claim(
        t,
        "approximately a dozen",
        Kind::Count,
        Quantity::Vague(Vague::Dozen(1)),
    );
    dozen.hedge = Hedge::Approximately;
    let (_, cs) = run(t, vec![dozen, claim(t, "38", Kind::Number, point(38))]);
    let m = compatible(&key(t, &cs[0]), &key(t, &cs[1]));
    assert!(matches!(m, KeyMatch::Different(_)), "{m:?}");
}

#[test]
fn heading_soldiers_match_body_troops() {
    let t = "Approximately 900 Soldiers Deployed—Capital Aims High\nThe ministry plans to reduce its approximately 2000 troops in Chad by mid-year.\n";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "Approximately 900", Kind::Number, point(900)),
            claim(t, "approximately 2000", Kind::Number, point(2000)),
        ],
    );
    let (a, b) = (key(t, &cs[0]), key(t, &cs[1]));
    assert_eq!(a.head.as_deref(), Some("troop"));
    assert_eq!(b.head.as_deref(), Some("troop"));
    assert_eq!(compatible(&a, &b), KeyMatch::Same);
}

#[test]
fn key_rules_field_by_field() {
    let t = "The yard has about 1,200 employees. Later, the yard's 3,400 workers struck. Crews evacuated about 300 residents. The village's 2,100 residents stayed. The forecast is 50 employees.";
    let mut forecast = claim(t, "50", Kind::Number, point(50));
    forecast.hedge = Hedge::Estimate;
    let (_, cs) = run(
        t,
        vec![
            claim(t, "about 1,200", Kind::Number, point(1200)),
            claim(t, "3,400", Kind::Number, point(3400)),
            claim(t, "about 300", Kind::Number, point(300)),
            claim(t, "2,100", Kind::Number, point(2100)),
            forecast,
        ],
    );
    let k: Vec<_> = cs.iter().map(|c| key(t, c)).collect();
    assert_eq!(k[1].owner.as_deref(), Some("yard"));
    assert_eq!(
        compatible(&k[0], &k[1]),
        KeyMatch::Same,
        "employee = worker, owner on one side"
    );
    assert!(
        matches!(compatible(&k[2], &k[3]), KeyMatch::Different(_)),
        "evacuated vs none"
    );
    assert!(
        matches!(compatible(&k[0], &k[4]), KeyMatch::Different(_)),
        "forecast vs actual"
    );
    assert!(
        matches!(compatible(&k[0], &k[2]), KeyMatch::Different(_)),
        "employee vs resident"
    );
    assert_eq!(
        compatible(&k[0], &QuantityKey::default()),
        KeyMatch::Unknown
    );
}

#[test]
fn segments_sentences_clauses_and_paragraphs() {
    let t = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. Output was 5.6 tonnes; sales fell. \"Yes,\" he said.\nHeading Line Here\nNew paragraph, and they left but returned.";
    let doc = Document::new("t.txt", t.to_string(), Format::Plain);
    let seg = Segments::new(&doc);
    let sentences: Vec<&str> = seg.sentences.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(
        sentences,
        [
            "Mr. Smith met Dr. Jones in the U.S. on Jan. 5.",
            "Output was 5.6 tonnes; sales fell.",
            "\"Yes,\" he said.",
            "Heading Line Here",
            "New paragraph, and they left but returned."
        ]
    );
    let clauses: Vec<&str> = seg.clauses.iter().map(|s| &t[s.start..s.end]).collect();
    assert!(clauses.contains(&"Output was 5.6 tonnes;"));
    assert!(clauses.contains(&"sales fell."));
    assert!(clauses.contains(&"New paragraph,"));
    assert!(clauses.contains(&"and they left"));
    assert!(clauses.contains(&"but returned."));
    assert_eq!(seg.paragraphs.len(), 3);
    let five = t.find("5.6").unwrap();
    assert_eq!(seg.sentence_of(five).map(|s| s.0), Some(1));
    assert_eq!(seg.paragraph_of(five).map(|s| s.0), Some(0));
    assert_eq!(
        seg.clause_of(t.find("sales").unwrap()).map(|s| s.0),
        Some(2)
    );
    assert_eq!(seg.sentence_of(t.len() + 5), None);
}

#[test]
fn hard_wrapped_lines_stay_one_sentence() {
    // (A first line without end punctuation would be a heading to the plain-text reader.)
    let t = "The council, after debate,\napproved 14 new\nhomes on Tuesday.\n\nA second paragraph.";
    let doc = Document::new("t.txt", t.to_string(), Format::Plain);
    let seg = Segments::new(&doc);
    assert_eq!(seg.paragraphs.len(), 2);
    assert_eq!(seg.sentences.len(), 2);
    let c = one(t, claim(t, "14", Kind::Number, point(14)));
    assert_eq!(counted(t, &c), Some("new\nhomes"));
    assert_eq!(c.head.as_deref(), Some("home"));
}

#[test]
fn number_of_lookback_needs_a_direct_link() {
    let t = "The number of raids has fallen: there were 38 raids in spring, and 12 in 2025.";
    let c = one(t, claim(t, "2025", Kind::Number, point(2025)));
    assert_eq!(c.counted, None);
}

/// The example article, with claims built by hand over the figures the issue lists.
#[test]
fn example_article_counts_scopes_and_traps() {
    let t = include_str!("fixtures/is-resurgence.txt");
    let third = || Quantity::Fraction(FractionForm::Word(Decimal::ONE / Decimal::from(3)));
    let mut possible = claim(t, "a possible 90", Kind::Number, point(90));
    possible.hedge = Hedge::Estimate;
    let claims = vec![
        claim(t, "two supporters", Kind::Number, point(2)).with_len(3),
        claim(
            t,
            "approximately a dozen",
            Kind::Count,
            Quantity::Vague(Vague::Dozen(1)),
        ),
        claim(t, "38", Kind::Number, point(38)),
        possible,
        claim(t, "approximately a third", Kind::Fraction, third()),
        claim(t, "approximately 2000", Kind::Number, point(2000)),
        claim(t, "roughly a third", Kind::Fraction, third()),
        claim(
            t,
            "between 1,500 and 3,000",
            Kind::Number,
            range(1500, 3000),
        ),
        claim(t, "Approximately 900", Kind::Number, point(900)),
        claim(t, "three IS", Kind::Number, point(3)).with_len(5),
        claim(t, "four", Kind::Number, point(4)),
        claim(t, "Two U.S.", Kind::Number, point(2)).with_len(3),
        claim(t, "approximately 9,000", Kind::Number, point(9000)),
        claim(t, "at least two", Kind::Number, point(2)),
    ];
    let (_, cs) = run(t, claims);
    let find = |needle: &str| {
        cs.iter()
            .find(|c| t[c.span.start..].starts_with(needle))
            .unwrap_or_else(|| panic!("{needle}"))
    };
    let expect = [
        ("two supporters", Some("supporters"), Some("supporter")),
        (
            "approximately a dozen",
            Some("planned attacks"),
            Some("attack"),
        ),
        ("38", Some("attacks"), Some("attack")),
        ("a possible 90", Some("attacks"), Some("attack")),
        ("approximately 2000", Some("troops"), Some("troop")),
        ("between 1,500", Some("IS fighters"), Some("fighter")),
        ("Approximately 900", Some("Soldiers"), Some("soldier")),
        ("three IS", Some("IS fighters"), Some("fighter")),
        ("four", None, Some("fighter")),
        ("Two U.S.", Some("U.S. defense officials"), Some("official")),
        ("approximately 9,000", Some("IS fighters"), Some("fighter")),
        ("at least two", Some("escape attempts"), Some("attempt")),
    ];
    for (needle, want_counted, want_head) in expect {
        let c = find(needle);
        assert_eq!(counted(t, c), want_counted, "{needle}");
        assert_eq!(c.head.as_deref(), want_head, "{needle}");
        assert_eq!(c.kind, Kind::Count, "{needle}");
    }
    let of = |needle: &str| find(needle).of.map(|s| &t[s.start..s.end]);
    assert_eq!(of("approximately a third"), Some("last year's count"));
    assert_eq!(of("roughly a third"), Some("Syria and Iraq"));
    assert!(find("Approximately 900").in_heading);
    assert_eq!(
        find("a possible 90").scope.time_text(t),
        Some("for the whole year")
    );
    assert_eq!(
        find("between 1,500").scope.source_text(t),
        Some("United Nations")
    );

    let k = |needle: &str| QuantityKey::of(find(needle), t);
    let different = |a: &str, b: &str| matches!(compatible(&k(a), &k(b)), KeyMatch::Different(_));
    assert!(different("approximately 9,000", "between 1,500"));
    assert!(different("approximately a dozen", "38"));
    assert!(different("38", "a possible 90"));
    assert_eq!(
        compatible(&k("Approximately 900"), &k("approximately 2000")),
        KeyMatch::Same
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Attachment and keys never panic, and every span they set lies on char boundaries
        /// inside the text.
        #[test]
        fn on_any_text(t in "([0-9]{1,4}|[a-zA-Z]{1,8}|[ .,;:'’”—\\-\\[\\]\\n]|é|IS|U\\.S\\.|of|the|in|and|number of){0,40}") {
            let claims: Vec<Claim> = t
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| Claim::new(Span::new(i, i + 1), Kind::Number, point(1)))
                .collect();
            let (_, cs) = run(&t, claims);
            for c in &cs {
                for s in [c.counted, c.of].into_iter().flatten() {
                    prop_assert!(s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
                }
                let _ = compatible(&QuantityKey::of(c, &t), &QuantityKey::of(&cs[0], &t));
            }
        }
    }
}

#[test]
fn multi_word_synonyms_rates_relative_clauses_and_names() {
    let t = "The hospital has 1,100 staff members. It employs 1,100 workers. The plant makes 1,500 cars a day. Crews found 300 residents who were evacuated earlier. He lives at 10 Downing Street. Prices fell 4% and the firm cut 1,200 jobs.";
    let (_, cs) = run(
        t,
        vec![
            claim_nth(t, "1,100", 0, Kind::Number, point(1100)),
            claim_nth(t, "1,100", 1, Kind::Number, point(1100)),
            claim(t, "1,500", Kind::Number, point(1500)),
            claim(t, "300", Kind::Number, point(300)),
            claim(t, "10 Downing", Kind::Number, point(10)).with_len(2),
            claim(t, "4%", Kind::Percent, point(4)),
            claim(t, "1,200", Kind::Number, point(1200)),
        ],
    );
    assert_eq!(
        compatible(&key(t, &cs[0]), &key(t, &cs[1])),
        KeyMatch::Same,
        "staff member = worker"
    );
    assert_eq!(cs[2].scope.qualifier_texts(t), ["per day"]);
    assert_eq!(cs[3].scope.qualifier_texts(t), ["who were evacuated"]);
    assert_eq!(cs[4].counted, None, "a street name is not counted");
    assert!(cs[5].scope.changed && !cs[5].scope.change_object);
    assert!(cs[6].scope.changed && !cs[6].scope.change_object);
}

#[test]
fn singular_heads_only_for_one_and_totals_are_no_qualifiers() {
    let t = "The 2024 budget was cut. Crews built 14 homes on Main Road and 23 others elsewhere, 37 in all. One attack hit a market near Leeds on Sunday.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "2024", Kind::Number, point(2024)),
            claim(t, "14", Kind::Number, point(14)),
            claim(t, "23", Kind::Number, point(23)),
            claim(t, "37", Kind::Number, point(37)),
            claim(t, "One", Kind::Number, point(1)),
        ],
    );
    assert_eq!(cs[0].counted, None);
    assert_eq!(cs[1].scope.place_text(t), Some("Main Road"));
    assert_eq!(cs[2].counted, None, "'others' is no noun to key on");
    assert!(cs[3].scope.qualifiers.is_empty());
    assert_eq!(counted(t, &cs[4]), Some("attack"));
}

#[test]
fn list_items_are_paragraphs_of_their_own() {
    let t = "Topics:\n- Security\nNotes follow here\n- Budget\n";
    let doc = Document::new("t.txt", t.to_string(), Format::Plain);
    let seg = Segments::new(&doc);
    let paragraphs: Vec<&str> = seg.paragraphs.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(
        paragraphs,
        ["Topics:", "- Security", "Notes follow here", "- Budget"]
    );
}

#[test]
fn increments_do_not_key_like_levels() {
    let t = "The army sent 2,000 more troops. The army has 2,000 troops.";
    let (_, cs) = run(
        t,
        vec![
            claim_nth(t, "2,000", 0, Kind::Number, point(2000)),
            claim_nth(t, "2,000", 1, Kind::Number, point(2000)),
        ],
    );
    assert_eq!(counted(t, &cs[0]), Some("more troops"));
    assert_eq!(cs[0].head.as_deref(), Some("troop"));
    let m = compatible(&key(t, &cs[0]), &key(t, &cs[1]));
    assert!(matches!(m, KeyMatch::Different(_)), "{m:?}");
}

#[test]
fn time_possessive_is_a_time_not_an_owner() {
    let t = "Last year's 38 attacks dwarfed the county's 12 attacks.";
    let (_, cs) = run(
        t,
        vec![
            claim(t, "38", Kind::Number, point(38)),
            claim(t, "12", Kind::Number, point(12)),
        ],
    );
    assert_eq!(cs[0].scope.time_text(t), Some("Last year's"));
    assert_eq!(cs[0].scope.owner_text(t), None);
    assert_eq!(cs[1].scope.owner_text(t).as_deref(), Some("the county's"));
}

#[test]
fn now_after_the_count_marks_a_change_result() {
    let t = "The club has 5,000 members now, up from 4,000.";
    let c = one(t, claim(t, "5,000", Kind::Number, point(5000)));
    assert!(c.scope.changed && !c.scope.change_object);
}

#[test]
fn a_verb_after_the_number_is_not_counted() {
    let text = "Of the 40 homes inspected, 23 needed urgent repairs.";
    let c = one(text, claim(text, "23", Kind::Number, point(23)));
    assert_eq!(counted(text, &c), None);
    let text = "Inspectors found 12 planned extensions.";
    let c = one(text, claim(text, "12", Kind::Number, point(12)));
    assert_eq!(counted(text, &c), Some("planned extensions"));
}

#[test]
fn a_word_before_an_amount_is_a_verb_not_part_of_the_noun() {
    let text = "One couple lost $240,000 in the scheme.";
    let c = one(text, claim(text, "One", Kind::Number, point(1)));
    assert_eq!(counted(text, &c), Some("couple"));
    let text = "Two families paid 300 euros each.";
    let c = one(text, claim(text, "Two", Kind::Number, point(2)));
    assert_eq!(counted(text, &c), Some("families"));
}

#[test]
fn the_base_of_a_share_stops_before_a_new_verb_phrase() {
    let text = "She won 52% of the vote and ending 12 years of rule.";
    let c = one(text, claim(text, "52%", Kind::Percent, point(52)));
    assert_eq!(c.of.map(|s| &text[s.start..s.end]), Some("the vote"));
    let text = "About 40% of the nurses and doctors agreed.";
    let c = one(text, claim(text, "About 40%", Kind::Percent, point(40)));
    assert_eq!(
        c.of.map(|s| &text[s.start..s.end]),
        Some("the nurses and doctors")
    );
}
