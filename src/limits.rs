//! Caps on the work spent on one document, so that a generated table of digits or a huge
//! wire dump degrades to a narrower check instead of hanging.
//!
//! Rules compare claims in pairs (and some in triples), so their work grows with the square
//! of the claims they see at once. Up to [`MAX_CLAIMS_CROSS_CHECKED`] claims, every rule sees
//! the whole document. Beyond that, rules run paragraph by paragraph, each paragraph cut into
//! passes of at most [`MAX_CLAIMS_PER_PASS`] consecutive claims, and one note
//! ([`LIMIT_RULE`]) says so: pairs examined stay below claims × [`MAX_CLAIMS_PER_PASS`].
//! Extraction itself is linear and never capped: every claim is still found and reported.

use crate::finding::{Finding, Severity, Verdict};
use crate::model::{Claim, Span};

/// The most claims checked against each other across a whole document (a long feature has a
/// few hundred).
pub const MAX_CLAIMS_CROSS_CHECKED: usize = 2_000;

/// The most claims one pass of the rules sees once the document is over the cap.
pub const MAX_CLAIMS_PER_PASS: usize = 200;

/// The id of the note that reports the cap.
pub const LIMIT_RULE: &str = "NUM-LIMIT";

/// The message of that note.
pub const LIMIT_MESSAGE: &str = "too many figures to cross-check; checked within paragraphs only";

/// The index ranges of `claims` that one pass of the rules sees: everything at once within
/// the cap, otherwise runs of claims in the same paragraph (by `paragraph_of` their start),
/// at most [`MAX_CLAIMS_PER_PASS`] long.
pub fn passes(
    claims: &[Claim],
    paragraph_of: impl Fn(usize) -> Option<usize>,
) -> Vec<std::ops::Range<usize>> {
    if claims.len() <= MAX_CLAIMS_CROSS_CHECKED {
        return std::iter::once(0..claims.len()).collect();
    }
    let mut passes = Vec::new();
    let mut start = 0;
    for i in 1..=claims.len() {
        let boundary = i == claims.len()
            || i - start == MAX_CLAIMS_PER_PASS
            || paragraph_of(claims[i].span.start) != paragraph_of(claims[start].span.start);
        if boundary {
            passes.push(start..i);
            start = i;
        }
    }
    passes
}

/// The note saying the document was over the cap, on its first claim.
pub fn note(claims: &[Claim]) -> Finding {
    Finding {
        rule: LIMIT_RULE,
        severity: Severity::Note,
        verdict: Verdict::Derived,
        message: format!(
            "{LIMIT_MESSAGE} ({} figures; the cap is {MAX_CLAIMS_CROSS_CHECKED})",
            claims.len()
        ),
        primary: claims.first().map_or(Span::new(0, 0), |c| c.span),
        related: Vec::new(),
        computed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Quantity, Vague};

    fn claims(n: usize) -> Vec<Claim> {
        (0..n)
            .map(|i| {
                Claim::new(
                    Span::new(i * 4, i * 4 + 2),
                    Kind::Count,
                    Quantity::Vague(Vague::Couple),
                )
            })
            .collect()
    }

    #[test]
    fn within_the_cap_one_pass_sees_everything() {
        let c = claims(MAX_CLAIMS_CROSS_CHECKED);
        let whole = std::iter::once(0..MAX_CLAIMS_CROSS_CHECKED).collect::<Vec<_>>();
        assert_eq!(passes(&c, |_| Some(0)), whole);
        assert_eq!(passes(&[], |_| Some(0)).len(), 1);
    }

    #[test]
    fn over_the_cap_passes_follow_paragraphs_and_stay_short() {
        let n = MAX_CLAIMS_CROSS_CHECKED + 1;
        let c = claims(n);
        // Paragraphs of 300 claims (1,200 bytes) each.
        let p = passes(&c, |offset| Some(offset / 1_200));
        assert_eq!(p[0], 0..MAX_CLAIMS_PER_PASS);
        assert_eq!(p[1], MAX_CLAIMS_PER_PASS..300);
        assert_eq!(p[2], 300..300 + MAX_CLAIMS_PER_PASS);
        assert!(p.iter().all(|r| r.len() <= MAX_CLAIMS_PER_PASS));
        let covered: usize = p.iter().map(|r| r.len()).sum();
        assert_eq!(covered, n);
        assert!(p.windows(2).all(|w| w[0].end == w[1].start));
    }
}
