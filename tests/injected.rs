//! Articles with one injected error each (`tests/fixtures/injected/`): which rule reports it.
//! `None` records a known miss, so that a rule that starts catching it updates this table
//! on purpose; every fixture must be free of any other warning or error.

use numcheck::check::{check_document, Settings};
use numcheck::finding::Severity;
use numcheck::source::{Document, Format};

const EXPECTED: &[(&str, Option<&str>)] = &[
    ("pct-change.txt", Some("NUM-PCT-CHANGE")),
    ("pct-points.txt", Some("NUM-PCT-POINTS")),
    ("weekday.txt", Some("DATE-WEEKDAY")),
    ("date-offset.md", Some("DATE-OFFSET")),
    // Parts after a colon with no total marker ("killed 23 people: 14 …, six … and five …").
    ("parts-sum.md", Some("NUM-SUM-PARTS")),
    // Shares of one vote spread over two sentences, the last one the rest.
    ("shares-sum.txt", Some("NUM-SHARES-SUM")),
    ("heading-body.md", Some("NUM-HEADLINE-BODY")),
    ("age-birth-year.md", None),
];

fn reference_date(text: &str) -> Option<jiff::civil::Date> {
    let body = text.strip_prefix("---\n")?;
    let end = body.find("\n---")?;
    body[..end]
        .lines()
        .find_map(|l| l.strip_prefix("date:"))
        .and_then(|d| d.trim().parse().ok())
}

#[test]
fn injected_errors_are_reported_by_their_rule_and_nothing_else() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/injected");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("injected fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "every injected fixture has a row");
    for (file, rule) in EXPECTED {
        let path = format!("{dir}/{file}");
        let text = std::fs::read_to_string(&path).expect("fixture");
        let settings = Settings {
            reference_date: reference_date(&text),
            ..Settings::default()
        };
        let doc = Document::new(path.clone(), text, Format::from_path(&path));
        let (_, findings) = check_document(&doc, &settings);
        let fired: Vec<&str> = findings
            .iter()
            .filter(|f| f.severity != Severity::Note)
            .map(|f| f.rule)
            .collect();
        let expected: Vec<&str> = rule.iter().copied().collect();
        assert_eq!(fired, expected, "{file}");
    }
}
