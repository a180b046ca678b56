//! The rule catalogue (`rules.md`): one file per rule, one registry table.
//!
//! A rule is declared with [`declare_rule!`]: its doc comment, in the fixed sections
//! "What it checks / Why it matters / Example / Known limits", is the documentation that
//! `numcheck rule ID` prints and `docs/rules.md` is generated from.

pub mod age_year;
pub mod average_total;
pub mod date_invalid;
pub mod date_offset;
pub mod date_range;
pub mod date_weekday;
pub mod direction_word;
pub mod elapsed_years;
pub mod engine;
pub mod equal_comparison;
pub mod extrapolation;
pub mod headline_body;
pub mod impossible_pct;
pub mod list_count;
pub mod malformed;
pub mod multiple;
pub mod part_exceeds;
pub mod pct_as_ratio;
pub mod pct_change;
pub mod pct_of_count;
pub mod pct_points;
pub mod range_order;
pub mod rate_per_capita;
pub mod same_quantity;
pub mod series_score;
pub mod shares_sum;
pub mod sum_parts;
pub mod unit_conversion;

use crate::analysis::Context;
use crate::finding::Finding;

/// What every rule implements.
pub trait Rule: Sync {
    /// Stable id, e.g. `NUM-PCT-CHANGE`.
    fn id(&self) -> &'static str;
    /// One line.
    fn summary(&self) -> &'static str;
    /// The rule's documentation (its doc comment).
    fn docs(&self) -> &'static str;
    /// Appends this rule's findings for one document.
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
}

/// Declares a rule struct whose doc comment becomes its documentation:
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// ...
///     pub struct PctChange = ("NUM-PCT-CHANGE", "stated percent change vs stated values");
/// }
/// ```
/// and then `impl RuleCheck for PctChange { fn run(&self, ctx, out) { … } }`.
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub struct $name:ident = ($id:expr, $summary:literal);) => {
        $(#[doc = $doc])*
        pub struct $name;
        impl $name {
            /// The rule's id, which its findings carry.
            pub const ID: &'static str = $id;
        }
        impl $crate::rules::Rule for $name {
            fn id(&self) -> &'static str { Self::ID }
            fn summary(&self) -> &'static str { $summary }
            fn docs(&self) -> &'static str { concat!($($doc, "\n"),*) }
            fn check(&self, ctx: &$crate::analysis::Context, out: &mut Vec<$crate::finding::Finding>) {
                $crate::rules::RuleCheck::run(self, ctx, out)
            }
        }
    };
}

/// The logic half of a rule declared with [`declare_rule!`].
pub trait RuleCheck {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>);
}

/// A rule's documentation without the one-space indent of its doc comment.
pub fn docs_text(rule: &dyn Rule) -> String {
    let mut s: String = rule
        .docs()
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    s.truncate(s.trim_end().len());
    s
}

/// Every rule, in catalogue order; the engine's rules come last (their checks do nothing:
/// the engine reports them).
pub fn registry() -> &'static [&'static dyn Rule] {
    &[
        &pct_change::PctChange,
        &same_quantity::SameQuantity,
        &headline_body::HeadlineBody,
        &sum_parts::SumParts,
        &pct_points::PctPoints,
        &direction_word::DirectionWord,
        &shares_sum::SharesSum,
        &date_offset::DateOffset,
        &age_year::AgeYear,
        &elapsed_years::ElapsedYears,
        &multiple::MultipleRule,
        &extrapolation::Extrapolation,
        &pct_as_ratio::PctAsRatio,
        &impossible_pct::ImpossiblePct,
        &part_exceeds::PartExceedsWhole,
        &range_order::RangeOrder,
        &unit_conversion::UnitConversion,
        &list_count::ListCount,
        &date_weekday::DateWeekday,
        &date_invalid::DateInvalid,
        &date_range::DateRange,
        &pct_of_count::PctOfCount,
        &rate_per_capita::RatePerCapita,
        &average_total::AverageTotal,
        &series_score::SeriesScore,
        &malformed::Malformed,
        &equal_comparison::EqualComparison,
        &engine::UnusedSuppression,
        &engine::Limit,
    ]
}

/// The rule with this id (case-insensitive).
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    registry()
        .iter()
        .copied()
        .find(|r| r.id().eq_ignore_ascii_case(id))
}

/// What the rules' unit tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::analysis::{Context, Settings};
    use crate::check::check_document;
    use crate::finding::Finding;
    use crate::rules::Rule;
    use crate::source::{Document, Format};

    /// The findings of one rule run alone over `text` (plain text, no reference date).
    pub(crate) fn run_rule(rule: &dyn Rule, text: &str, show: bool) -> Vec<Finding> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let claims = crate::extract::extract(&doc);
        let segments = crate::extract::segment::Segments::new(&doc);
        let settings = Settings {
            show_consistent: show,
            ..Default::default()
        };
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        out
    }

    /// The findings of rule `id` when the whole engine checks `text` as plain text, passed
    /// checks included, with an optional reference date ("2025-07-10").
    pub fn findings_of(id: &str, text: &str, reference_date: Option<&str>) -> Vec<Finding> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let settings = Settings {
            reference_date: reference_date.and_then(|d| d.parse().ok()),
            show_consistent: true,
            ..Settings::default()
        };
        let (_, found) = check_document(&doc, &settings);
        found.into_iter().filter(|f| f.rule == id).collect()
    }
}
