//! The severity policy of `semantics.md` §7.5: from a rule's default severity and what is
//! known about the check, the severity to report, or none.

use crate::finding::{Severity, Verdict};
use crate::model::{Claim, Hedge, Quantity};

/// How the compared numbers are tied together (§7.2, §7.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// One clause, by an explicit relation.
    OneClause,
    /// Clauses of one sentence.
    CrossClause,
    /// Different sentences, through a matching quantity key.
    CrossSentence,
}

/// What §7.5 needs to know about one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The rule's severity for an unhedged, single-clause inconsistency.
    pub default: Severity,
    pub binding: Binding,
    /// Some compared number is hedged, a bound or vague (see [`is_hedged`]).
    pub hedged: bool,
    /// The contradiction is a value above an `up_to` bound (cancellable).
    pub up_to_violation: bool,
    /// The numbers come from different named sources.
    pub different_sources: bool,
    /// The inconsistency flips a qualitative statement (§6.5).
    pub decision_flip: bool,
    /// The checked claim is an `estimate` (a projection is reported even when consistent).
    pub checked_is_estimate: bool,
}

/// Hedged in the sense of §7.5 step 2: approximate, estimated, nearly, a bound, or vague.
/// Emphasis words ("only", "just") and `exactly` are not hedges.
pub fn is_hedged(claim: &Claim) -> bool {
    !matches!(claim.hedge, Hedge::None | Hedge::Exactly)
        || matches!(claim.quantity, Quantity::Vague(_))
}

/// `None`: not reported (consistent, outside `--show-consistent`).
pub fn severity(verdict: Verdict, facts: &Facts) -> Option<Severity> {
    match verdict {
        Verdict::Consistent => facts.checked_is_estimate.then_some(Severity::Note),
        Verdict::ConsistentByRounding | Verdict::Derived => Some(Severity::Note),
        Verdict::Inconsistent => Some(inconsistent(facts)),
    }
}

fn inconsistent(facts: &Facts) -> Severity {
    if facts.different_sources {
        return Severity::Note;
    }
    if facts.decision_flip && facts.binding == Binding::OneClause {
        return Severity::Error;
    }
    let mut s = facts.default;
    if facts.binding != Binding::OneClause || facts.hedged || facts.up_to_violation {
        s = s.min(Severity::Warning);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Numeral, Span, Vague};

    fn facts() -> Facts {
        Facts {
            default: Severity::Error,
            binding: Binding::OneClause,
            hedged: false,
            up_to_violation: false,
            different_sources: false,
            decision_flip: false,
            checked_is_estimate: false,
        }
    }

    #[test]
    fn default_applies_to_a_plain_single_clause_inconsistency() {
        assert_eq!(
            severity(Verdict::Inconsistent, &facts()),
            Some(Severity::Error)
        );
    }

    #[test]
    fn binding_and_hedges_cap_at_warning() {
        let cross = Facts {
            binding: Binding::CrossSentence,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &cross),
            Some(Severity::Warning)
        );
        let hedged = Facts {
            hedged: true,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &hedged),
            Some(Severity::Warning)
        );
        let up_to = Facts {
            up_to_violation: true,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &up_to),
            Some(Severity::Warning)
        );
        let note_rule = Facts {
            default: Severity::Note,
            hedged: true,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &note_rule),
            Some(Severity::Note)
        );
    }

    #[test]
    fn decision_flip_in_one_clause_is_an_error_whatever_the_hedges() {
        let flip = Facts {
            default: Severity::Warning,
            hedged: true,
            decision_flip: true,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &flip),
            Some(Severity::Error)
        );
        let across = Facts {
            binding: Binding::CrossClause,
            ..flip
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &across),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn different_sources_give_a_note() {
        let sources = Facts {
            different_sources: true,
            decision_flip: true,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Inconsistent, &sources),
            Some(Severity::Note)
        );
    }

    #[test]
    fn consistent_results() {
        assert_eq!(severity(Verdict::Consistent, &facts()), None);
        let estimate = Facts {
            checked_is_estimate: true,
            ..facts()
        };
        assert_eq!(
            severity(Verdict::Consistent, &estimate),
            Some(Severity::Note)
        );
        assert_eq!(
            severity(Verdict::ConsistentByRounding, &facts()),
            Some(Severity::Note)
        );
        assert_eq!(severity(Verdict::Derived, &facts()), Some(Severity::Note));
    }

    #[test]
    fn hedged_claims() {
        let mut c = Claim::new(
            Span::new(0, 1),
            Kind::Count,
            Quantity::Point(Numeral::integer(40)),
        );
        assert!(!is_hedged(&c));
        c.hedge = Hedge::Exactly;
        assert!(!is_hedged(&c));
        c.hedge = Hedge::UpTo;
        assert!(is_hedged(&c));
        let vague = Claim::new(Span::new(0, 1), Kind::Count, Quantity::Vague(Vague::Dozens));
        assert!(is_hedged(&vague));
    }
}
