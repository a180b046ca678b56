//! One insta snapshot per rule fixture: exactly what `check` reports on it.
//!
//! Fixtures live in `tests/fixtures/<RULE-ID>/*.{txt,md}`. A fixture that needs a reference
//! date starts with a YAML front-matter block holding `date: YYYY-MM-DD`.

use numcheck::check::{check_document, Settings};
use numcheck::report::render::full;
use numcheck::source::{Document, Format};

fn front_matter_date(text: &str) -> Option<jiff::civil::Date> {
    let body = text.strip_prefix("---\n")?;
    let end = body.find("\n---")?;
    body[..end]
        .lines()
        .find_map(|l| l.strip_prefix("date:"))
        .and_then(|d| d.trim().trim_matches('"').parse().ok())
}

#[test]
fn rule_fixtures() {
    let mut snapshot_settings = insta::Settings::clone_current();
    snapshot_settings.set_snapshot_path("../snapshots");
    snapshot_settings.set_prepend_module_to_snapshot(false);
    let _guard = snapshot_settings.bind_to_scope();
    insta::glob!("fixtures/*-*/*.{txt,md}", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let settings = Settings {
            reference_date: front_matter_date(&text),
            ..Settings::default()
        };
        let doc = Document::new(rel.clone(), text, Format::from_path(&rel));
        let (_, findings) = check_document(&doc, &settings);
        // insta names it after the fixture: `check@NUM-PCT-CHANGE__ok-basic.txt.snap`.
        insta::assert_snapshot!("check", full::render(&doc, &findings));
    });
}
