//! Closed-or-open intervals over `Decimal`, unbounded where `None`.

use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    pub fn point(v: Decimal) -> Interval {
        Interval {
            low: Some(v),
            high: Some(v),
        }
    }
}
