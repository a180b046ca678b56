//! Findings: what a rule reports (`json.md` FINDING).

use crate::model::Span;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// `semantics.md` §6.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Inconsistent,
    Consistent,
    ConsistentByRounding,
    Derived,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Inconsistent => "inconsistent",
            Verdict::Consistent => "consistent",
            Verdict::ConsistentByRounding => "consistent_by_rounding",
            Verdict::Derived => "derived",
        }
    }
}

/// Another span the arithmetic used, with its role (`semantics.md` §9).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub label: Role,
}

/// What a related span is to the finding's arithmetic: the label reports print under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Share,
    Earlier,
    Count,
    Anchor,
    To,
    From,
    Period,
    Base,
    Weekday,
    Total,
    SourceValue,
    Population,
    Item,
    Change,
    Body,
    Event,
    Date,
    Birth,
    Part,
    Whole,
    Average,
    Rate,
    Season,
}

impl Role {
    /// The label as reports and JSON write it (`json.md` RELATED).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Share => "share",
            Role::Earlier => "earlier",
            Role::Count => "count",
            Role::Anchor => "anchor",
            Role::To => "to",
            Role::From => "from",
            Role::Period => "period",
            Role::Base => "base",
            Role::Weekday => "weekday",
            Role::Total => "total",
            Role::SourceValue => "source_value",
            Role::Population => "population",
            Role::Item => "item",
            Role::Change => "change",
            Role::Body => "body",
            Role::Event => "event",
            Role::Date => "date",
            Role::Birth => "birth",
            Role::Part => "part",
            Role::Whole => "whole",
            Role::Average => "average",
            Role::Rate => "rate",
            Role::Season => "season",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Role {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What the arithmetic gives: a point and the interval of the deciding pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Computed {
    pub value: Decimal,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

/// One result of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub verdict: Verdict,
    pub message: String,
    pub primary: Span,
    pub related: Vec<Related>,
    pub computed: Option<Computed>,
}

impl Finding {
    /// Sort key of `semantics.md` §9: start offset, rule id, end offset (path is outside).
    pub fn sort_key(&self) -> (usize, &'static str, usize) {
        (self.primary.start, self.rule, self.primary.end)
    }
}
