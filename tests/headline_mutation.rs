//! Mutation test for NUM-HEADLINE-BODY on the clean-prose corpus (issue 12): in each article,
//! each headline figure that a body figure supports (copied, in words, rescaled, rounded, or
//! a sum or difference of two) is replaced with a far-off value (×3, or ÷3 where ×3 would
//! be out of range or supported too), keeping its written form: digits stay digits, words
//! stay words. The share of mutants NUM-HEADLINE-BODY flags (warning or error) is printed and
//! must not fall below [`FLOOR`]. The target is 90 %.

mod common;

use numcheck::check::{check_text, Options};
use numcheck::extract::extract;
use numcheck::finding::Severity;
use numcheck::model::{Claim, Kind};
use numcheck::source::{Document, Format};

/// The share (percent) of mutants that must be flagged. On the first 188 articles, 140 of 153
/// (91.5 %) were, since percentages keep their strict reading, bounds support only near
/// their figure, heading rates meet body rates and a heading noun the body never counts
/// meets the body's other counts (121, 79.1 %, with the derivations of issue 12 alone;
/// 13.7 % before them). With the 265 false-alarm-hunt articles added (their headlines are
/// rates, paces and margins more often) it is 251 of 282 (89.0 %). The target is 90.
const FLOOR: f64 = 88.0;

use common::articles;

/// The byte range of the headline: the first non-empty line after any front matter.
fn headline(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut in_front_matter = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if i == 0 && trimmed == "---" {
            in_front_matter = true;
            continue;
        }
        if in_front_matter {
            in_front_matter = trimmed != "---";
            continue;
        }
        if !trimmed.is_empty() {
            return Some((start, start + line.trim_end().len()));
        }
    }
    None
}

/// Which figures can be compared: money in one currency, percentages, durations or measures
/// in one unit, and plain counts. Dates, years, ordinals, fractions and ranges are left out.
fn class(claim: &Claim) -> Option<String> {
    claim.numeral()?;
    match claim.kind {
        Kind::Money => Some(format!(
            "money:{}",
            claim.unit.as_ref().map_or("", |u| u.symbol())
        )),
        Kind::Percent => Some("percent".into()),
        Kind::Duration => Some(format!(
            "duration:{}",
            claim.unit.as_ref().map_or("", |u| u.symbol())
        )),
        Kind::Measure => Some(format!(
            "measure:{}",
            claim.unit.as_ref().map_or("", |u| u.symbol())
        )),
        Kind::Count | Kind::Number => Some("count".into()),
        _ => None,
    }
}

fn value(claim: &Claim) -> Option<f64> {
    claim.numeral()?.value.to_string().parse().ok()
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

/// Whether the body supports `h`: a figure equal to it give or take rounding (5 %), or two
/// figures whose sum or difference it is (1 %).
fn supported(h: f64, body: &[f64]) -> bool {
    if h == 0.0 {
        return false;
    }
    if body.iter().any(|&b| close(h, b, 0.05)) {
        return true;
    }
    body.iter().enumerate().any(|(i, &a)| {
        body[i + 1..]
            .iter()
            .any(|&b| close(h, a + b, 0.01) || close(h, (a - b).abs(), 0.01))
    })
}

const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn words(n: u64) -> Option<String> {
    match n {
        0..=19 => Some(ONES[n as usize].to_string()),
        20..=99 => Some(match n % 10 {
            0 => TENS[(n / 10) as usize].to_string(),
            u => format!("{}-{}", TENS[(n / 10) as usize], ONES[u as usize]),
        }),
        _ => None,
    }
}

fn is_number_word(w: &str) -> bool {
    let w = w.to_lowercase();
    w.split('-')
        .all(|p| ONES.contains(&p) || TENS[2..].contains(&p))
}

/// The written figure inside a claim's text: (start, end) of its digits, or of its number
/// word(s).
fn figure_in(text: &str) -> Option<(usize, usize, bool)> {
    if let Some(start) = text.find(|c: char| c.is_ascii_digit()) {
        let bytes = text.as_bytes();
        let mut end = start;
        while end < bytes.len() {
            let c = bytes[end];
            let joins_digits =
                matches!(c, b',' | b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if c.is_ascii_digit() || joins_digits {
                end += 1;
            } else {
                break;
            }
        }
        return Some((start, end, true));
    }
    let mut at = 0;
    for w in text.split(' ') {
        let core = w.trim_end_matches([',', '.']);
        if !core.is_empty() && is_number_word(core) {
            return Some((at, at + core.len(), false));
        }
        at += w.len() + 1;
    }
    None
}

/// The digits `mantissa × factor` written like `original` (its decimals and its commas).
fn digits_like(original: &str, factor: f64) -> Option<String> {
    let plain: String = original.chars().filter(|&c| c != ',').collect();
    let m: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let new = m * factor;
    let s = format!("{new:.decimals$}");
    if s.parse::<f64>().ok()? == 0.0 {
        return None;
    }
    if !original.contains(',') {
        return Some(s);
    }
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    Some(match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    })
}

/// The number words of `original` × `factor`, capitalised like it.
fn words_like(original: &str, factor: f64) -> Option<String> {
    let lower = original.to_lowercase();
    let n = lower.split('-').try_fold(0u64, |acc, p| {
        ONES.iter()
            .position(|w| *w == p)
            .map(|i| acc + i as u64)
            .or_else(|| {
                TENS.iter()
                    .position(|w| *w == p)
                    .map(|i| acc + 10 * i as u64)
            })
    })?;
    let new = n as f64 * factor;
    if new.fract() != 0.0 || new < 1.0 {
        return None;
    }
    let w = words(new as u64)?;
    Some(if original.starts_with(char::is_uppercase) {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        w
    })
}

struct Mutant {
    article: String,
    figure: String,
    replacement: String,
    text: String,
}

fn mutants(name: &str, text: &str) -> Vec<Mutant> {
    let Some((hs, he)) = headline(text) else {
        return Vec::new();
    };
    let doc = Document::new(name, text.to_string(), Format::from_path(name));
    let claims = extract(&doc);
    let mut out = Vec::new();
    for claim in claims
        .iter()
        .filter(|c| c.span.start >= hs && c.span.end <= he)
    {
        let (Some(class), Some(h)) = (class(claim), value(claim)) else {
            continue;
        };
        let body: Vec<f64> = claims
            .iter()
            .filter(|c| c.span.start > he && self::class(c).as_deref() == Some(class.as_str()))
            .filter_map(value)
            .collect();
        if !supported(h, &body) {
            continue;
        }
        let literal = &text[claim.span.start..claim.span.end];
        let Some((fs, fe, is_digits)) = figure_in(literal) else {
            continue;
        };
        let figure = &literal[fs..fe];
        let factors: &[f64] = if class == "percent" && h * 3.0 > 100.0 {
            &[1.0 / 3.0]
        } else {
            &[3.0, 1.0 / 3.0]
        };
        for &factor in factors {
            if supported(h * factor, &body) {
                continue;
            }
            let replacement = if is_digits {
                digits_like(figure, factor)
            } else {
                words_like(figure, factor)
            };
            let Some(replacement) = replacement else {
                continue;
            };
            let at = claim.span.start + fs;
            let mut mutated = text.to_string();
            mutated.replace_range(at..claim.span.start + fe, &replacement);
            out.push(Mutant {
                article: name.to_string(),
                figure: literal.to_string(),
                replacement,
                text: mutated,
            });
            break;
        }
    }
    out
}

#[test]
fn a_far_off_headline_figure_is_flagged() {
    let mut total = 0;
    let mut flagged = 0;
    let mut missed = Vec::new();
    for (name, text) in articles() {
        for m in mutants(&name, &text) {
            total += 1;
            let checked = check_text(
                &m.article,
                m.text,
                Format::from_path(&name),
                &Options::default(),
            )
            .expect("no selectors");
            let hit = checked
                .findings
                .iter()
                .any(|f| f.rule == "NUM-HEADLINE-BODY" && f.severity >= Severity::Warning);
            if hit {
                flagged += 1;
            } else {
                missed.push(format!(
                    "{}: {:?} -> {}",
                    m.article, m.figure, m.replacement
                ));
            }
        }
    }
    assert!(total >= 100, "only {total} headline figures to mutate");
    let share = flagged as f64 * 100.0 / total as f64;
    println!("headline mutation: {flagged}/{total} flagged by NUM-HEADLINE-BODY ({share:.1}%)");
    for m in &missed {
        println!("  missed {m}");
    }
    assert!(
        share >= FLOOR,
        "{share:.1}% of far-off headline figures flagged, below the floor of {FLOOR}%"
    );
}

#[test]
fn mutants_keep_the_written_form() {
    assert_eq!(digits_like("1,362", 3.0).as_deref(), Some("4,086"));
    assert_eq!(digits_like("2.2", 3.0).as_deref(), Some("6.6"));
    assert_eq!(digits_like("48", 1.0 / 3.0).as_deref(), Some("16"));
    assert_eq!(words_like("Two", 3.0).as_deref(), Some("Six"));
    assert_eq!(words_like("seven", 3.0).as_deref(), Some("twenty-one"));
    assert_eq!(figure_in("$1.5B"), Some((1, 4, true)));
    assert_eq!(figure_in("Two"), Some((0, 3, false)));
    assert!(supported(1.4e6, &[1_362_000.0]));
    assert!(supported(7.0, &[48.0, 41.0]));
    assert!(!supported(21.0, &[48.0, 41.0, 3.0]));
}
