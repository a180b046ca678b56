//! The `[tolerance]` settings of `semantics.md` §10; `Default` is the spec's defaults.

use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct Tolerances {
    /// Relative cap of the round-number halo h_round (§1.2).
    pub round_halo: Decimal,
    /// Relative term of h_apx (§2).
    pub approx: Decimal,
    /// Decimal mantissas read [v − u/2, v + u] (rounding or truncation) rather than v ± u/2
    /// when permissive (§1.2; off by default: news copy rounds).
    pub truncation: bool,
    /// Unhedged fractions: relative half-width and its floor (§4).
    pub fraction: Decimal,
    pub fraction_floor: Decimal,
    /// Approximately-hedged fractions (§4).
    pub fraction_hedged: Decimal,
    pub fraction_hedged_floor: Decimal,
    /// Half-width over midpoint above which an input is too wide to test (§6.4).
    pub untestable: Decimal,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            round_halo: Decimal::new(10, 2),
            approx: Decimal::new(10, 2),
            truncation: false,
            fraction: Decimal::new(10, 2),
            fraction_floor: Decimal::new(2, 2),
            fraction_hedged: Decimal::new(15, 2),
            fraction_hedged_floor: Decimal::new(3, 2),
            untestable: Decimal::new(5, 1),
        }
    }
}

impl Tolerances {
    /// Every key with its value, in the spec's order (for `numcheck config`).
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        vec![
            ("round-halo", self.round_halo.to_string()),
            ("approx", self.approx.to_string()),
            ("truncation", self.truncation.to_string()),
            ("fraction", self.fraction.to_string()),
            ("fraction-floor", self.fraction_floor.to_string()),
            ("fraction-hedged", self.fraction_hedged.to_string()),
            (
                "fraction-hedged-floor",
                self.fraction_hedged_floor.to_string(),
            ),
            ("untestable", self.untestable.to_string()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::d;

    #[test]
    fn kebab_case_keys_override_single_defaults() {
        let t: Tolerances =
            toml::from_str("round-halo = 0.05\ntruncation = false\nfraction-hedged-floor = 0.04")
                .unwrap();
        assert_eq!(t.round_halo, d("0.05"));
        assert!(!t.truncation);
        assert_eq!(t.fraction_hedged_floor, d("0.04"));
        assert_eq!(t.approx, d("0.10"));
        assert_eq!(t.untestable, d("0.5"));
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(toml::from_str::<Tolerances>("roundhalo = 0.05").is_err());
    }
}
