//! NUM-MALFORMED (`rules.md` #26).

use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Severity, Verdict};
use crate::model::{Claim, Kind, Numeral, Quantity};
use crate::rules::RuleCheck;
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// Digit groups no convention allows ("3,4500,000": after the first separator every group
    /// has 3 digits, or 2-digit groups end in a 3-digit group as in lakh/crore style), and a
    /// range that writes its scale word once ("€14 to €19 million").
    ///
    /// ## Why it matters
    /// A badly grouped number has no knowable value: a digit was added, dropped or mistyped,
    /// and every check using it would be meaningless (other rules skip such literals). A scale
    /// word written once is normal style, but the reading is worth showing.
    ///
    /// ## Example
    /// "The utility says 3,4500,000 meters need replacing." → error.
    /// "The state paid 12,50,000 rupees in compensation." → no finding (lakh grouping).
    /// "Insurers put the flood damage at €14 to €19 million." → note: read as €14 M–€19 M.
    ///
    /// ## Known limits
    /// Mixed separators ("1.234,5 tonnes") are not yet flagged. Phone numbers and IDs are the
    /// grammar's to leave out.
    pub struct Malformed = ("NUM-MALFORMED", "malformed numerals and scale ellipsis");
}

/// "M" for a scale of 10⁶ and so on; `None` without a scale word.
fn scale_suffix(scale: Decimal) -> Option<&'static str> {
    [
        (1_000i64, "K"),
        (1_000_000, "M"),
        (1_000_000_000, "bn"),
        (1_000_000_000_000, "tn"),
    ]
    .iter()
    .find(|(s, _)| Decimal::from(*s) == scale)
    .map(|(_, name)| *name)
}

fn currency_symbol(code: &str) -> Option<&'static str> {
    match code {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    }
}

/// One end with its scale and unit: "€14 M", "5%", "14 M".
fn end_text(claim: &Claim, n: &Numeral) -> String {
    let mantissa = n
        .value
        .checked_div(n.scale)
        .unwrap_or(n.value)
        .normalize()
        .to_string();
    let scaled = match scale_suffix(n.scale) {
        Some(s) => format!("{mantissa} {s}"),
        None => mantissa,
    };
    match (claim.kind, claim.unit) {
        (Kind::Money, Some(unit)) => match currency_symbol(unit.symbol()) {
            Some(sym) => format!("{sym}{scaled}"),
            None => format!("{} {scaled}", unit.symbol()),
        },
        (Kind::Percent, _) => format!("{scaled}%"),
        _ => scaled,
    }
}

impl RuleCheck for Malformed {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claim in ctx.claims {
            if claim.flags.malformed {
                out.push(Finding {
                    rule: Malformed::ID,
                    severity: Severity::Error,
                    verdict: Verdict::Inconsistent,
                    message: format!(
                        "\"{}\" has digit groups no convention allows: the value is unknowable",
                        ctx.text(claim.span).trim()
                    ),
                    primary: claim.span,
                    related: Vec::new(),
                    computed: None,
                });
            } else if claim.flags.scale_ellipsis {
                let Quantity::Range { first, second } = &claim.quantity else {
                    continue;
                };
                out.push(Finding {
                    rule: Malformed::ID,
                    severity: Severity::Note,
                    verdict: Verdict::Derived,
                    message: format!(
                        "one scale word covers both ends: read as {}–{}",
                        end_text(claim, first),
                        end_text(claim, second)
                    ),
                    primary: claim.span,
                    related: Vec::new(),
                    computed: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::model::Span;
    use crate::rules::Rule;
    use crate::source::{Document, Format};

    fn run(text: &str, claims: Vec<Claim>) -> Vec<Finding> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let settings = Settings::default();
        let segments = crate::extract::segment::Segments::new(&doc);
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        let mut out = Vec::new();
        Malformed.check(&ctx, &mut out);
        out
    }

    fn span_of(text: &str, literal: &str) -> Span {
        let start = text.find(literal).expect("literal in text");
        Span::new(start, start + literal.len())
    }

    fn millions(v: i64) -> Numeral {
        let scale = Decimal::from(1_000_000);
        Numeral {
            value: Decimal::from(v) * scale,
            decimals: 0,
            scale,
            trailing_zeros: 0,
        }
    }

    #[test]
    fn bad_grouping_is_an_error() {
        let text = "The utility says 3,4500,000 meters need replacing.";
        let mut c = Claim::new(
            span_of(text, "3,4500,000"),
            Kind::Count,
            Quantity::Point(Numeral::integer(34_500_000)),
        );
        c.flags.malformed = true;
        let findings = run(text, vec![c]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Error);
        assert_eq!(
            findings[0].message,
            "\"3,4500,000\" has digit groups no convention allows: the value is unknowable"
        );
    }

    #[test]
    fn well_formed_numbers_are_silent() {
        let text = "The state paid 12,50,000 rupees in compensation.";
        let c = Claim::new(
            span_of(text, "12,50,000 rupees"),
            Kind::Money,
            Quantity::Point(Numeral::integer(1_250_000)),
        );
        assert!(run(text, vec![c]).is_empty());
    }

    #[test]
    fn scale_ellipsis_is_a_note_with_the_reading() {
        let text = "Insurers put the flood damage at €14 to €19 million.";
        let mut c = Claim::new(
            span_of(text, "€14 to €19 million"),
            Kind::Money,
            Quantity::Range {
                first: millions(14),
                second: millions(19),
            },
        );
        c.unit = crate::model::Unit::currency("EUR");
        c.flags.scale_ellipsis = true;
        let findings = run(text, vec![c]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Note);
        assert_eq!(
            findings[0].message,
            "one scale word covers both ends: read as €14 M–€19 M"
        );
    }

    #[test]
    fn percent_ranges_read_with_the_sign_on_both_ends() {
        let text = "Rates rose 5 to 7%.";
        let mut c = Claim::new(
            span_of(text, "5 to 7%"),
            Kind::Percent,
            Quantity::Range {
                first: Numeral::integer(5),
                second: Numeral::integer(7),
            },
        );
        c.flags.scale_ellipsis = true;
        assert_eq!(
            run(text, vec![c])[0].message,
            "one scale word covers both ends: read as 5%–7%"
        );
    }
}
