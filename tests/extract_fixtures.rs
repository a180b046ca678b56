//! One insta snapshot per extraction fixture (`tests/fixtures/extract/*.txt`): every claim
//! with its span, kind, value, hedge, unit and flags, one line each.

use numcheck::extract::extract;
use numcheck::model::{Claim, FractionForm, Numeral, Quantity};
use numcheck::source::{Document, Format};
use std::fmt::Write;

fn numeral(n: &Numeral) -> String {
    n.value.normalize().to_string()
}

fn quantity(q: &Quantity) -> String {
    match q {
        Quantity::Point(n) => numeral(n),
        Quantity::Range { first, second } => format!("{}..{}", numeral(first), numeral(second)),
        Quantity::Vague(v) => format!("vague:{v:?}"),
        Quantity::Fraction(FractionForm::Word(f)) => format!("fraction:{}", f.round_dp(4)),
        Quantity::Fraction(FractionForm::OneIn(n)) => format!("fraction:1/{}", numeral(n)),
        Quantity::Fraction(FractionForm::OutOf(a, b)) => {
            format!("fraction:{}/{}", numeral(a), numeral(b))
        }
        Quantity::Fraction(f) => format!("fraction:{f:?}"),
        Quantity::Date(d) => d.timex(),
        Quantity::Period { from, to } => format!("{}..{}", from.timex(), to.timex()),
        Quantity::Duration { amount, unit } => format!("{} {}", numeral(amount), unit.as_str()),
        Quantity::Relative {
            amount,
            unit,
            direction,
            resolved,
            ..
        } => format!(
            "{} {} {direction:?}{}",
            numeral(amount),
            unit.as_str(),
            resolved
                .map(|d| format!(" → {}", d.timex()))
                .unwrap_or_default()
        ),
    }
}

fn render(text: &str, claims: &[Claim]) -> String {
    let mut out = String::new();
    for c in claims {
        let _ = write!(
            out,
            "{}..{} {} {:?} = {}",
            c.span.start,
            c.span.end,
            c.kind.as_str(),
            c.span.text(text),
            quantity(&c.quantity)
        );
        if c.hedge != numcheck::model::Hedge::None {
            let _ = write!(out, " hedge={}", c.hedge.as_str());
        }
        if let Some(u) = &c.unit {
            let _ = write!(out, " unit={u}");
        }
        for (set, name) in [
            (c.flags.malformed, "malformed"),
            (c.flags.too_large, "too_large"),
            (c.flags.scale_ellipsis, "scale_ellipsis"),
        ] {
            if set {
                let _ = write!(out, " {name}");
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn extract_fixtures() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let _guard = settings.bind_to_scope();
    insta::glob!("fixtures/extract/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let doc = Document::new(file, text.clone(), Format::Plain);
        let claims = extract(&doc);
        // glob! appends "@<fixture file>": `extract@numbers-words.txt.snap`.
        insta::assert_snapshot!("extract", render(&text, &claims));
    });
}
