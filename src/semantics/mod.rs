//! The number model of `semantics.md`: claims → intervals, propagation, verdicts.

pub mod interval;

pub use interval::Interval;

use crate::model::Claim;

/// The permissive interval a claim commits to (`json.md` CLAIM.interval), or `None` for
/// claims that carry no numeric interval (years, dates, ordinals).
pub fn claim_interval(claim: &Claim) -> Option<Interval> {
    if claim.kind.is_temporal_or_ordinal() {
        return None;
    }
    claim.point_value().map(Interval::point)
}
