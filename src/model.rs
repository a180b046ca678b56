//! The claim model: what extraction produces and every later stage reads.
//!
//! Spans are byte offsets into the original input, so `input[start..end]` is always the text
//! the claim was read from, whatever the source format (see `source`).

use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// A byte range `[start, end)` into the original input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The first char boundary of `text` at or after byte `i` (at most `text.len()`): where a
/// bounded look-behind window may start. (`str::ceil_char_boundary` needs Rust 1.91.)
pub fn ceil_char_boundary(text: &str, i: usize) -> usize {
    (i..text.len())
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(text.len())
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        &input[self.start..self.end]
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What kind of quantity a claim states (`json.md`, CLAIM.kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Number,
    Money,
    Percent,
    Fraction,
    Measure,
    Ordinal,
    Year,
    Date,
    Period,
    Duration,
    RelativeDate,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Number => "number",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Measure => "measure",
            Kind::Ordinal => "ordinal",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Period => "period",
            Kind::Duration => "duration",
            Kind::RelativeDate => "relative_date",
        }
    }
    /// Years, dates, ordinals and identifiers get no numeric interval (semantics §1.1, §7.4).
    pub fn is_temporal_or_ordinal(self) -> bool {
        matches!(
            self,
            Kind::Ordinal | Kind::Year | Kind::Date | Kind::Period | Kind::RelativeDate
        )
    }
}

/// How a claim hedges or bounds its number (`semantics.md` §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    #[default]
    None,
    Approximately,
    Nearly,
    MoreThan,
    AtLeast,
    FewerThan,
    AtMost,
    UpTo,
    Exactly,
    Estimate,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::None => "none",
            Hedge::Approximately => "approximately",
            Hedge::Nearly => "nearly",
            Hedge::MoreThan => "more_than",
            Hedge::AtLeast => "at_least",
            Hedge::FewerThan => "fewer_than",
            Hedge::AtMost => "at_most",
            Hedge::UpTo => "up_to",
            Hedge::Exactly => "exactly",
            Hedge::Estimate => "estimate",
        }
    }
    /// Approximate or projected: symmetric widening around the value.
    pub fn is_approximate(self) -> bool {
        matches!(self, Hedge::Approximately | Hedge::Estimate)
    }
    /// A one-sided bound ("more than", "at least", "fewer than", "at most", "up to").
    pub fn is_bound(self) -> bool {
        matches!(
            self,
            Hedge::MoreThan | Hedge::AtLeast | Hedge::FewerThan | Hedge::AtMost | Hedge::UpTo
        )
    }
}

/// A written number with its precision (`semantics.md` §1.1).
///
/// `value` is v with the scale applied; `decimals` is d; `scale` is S (1 when no scale word);
/// `trailing_zeros` is z, the trailing zeros of an integer mantissa ("2,000" → 3, "nine
/// hundred" → 2). A decimal mantissa has `decimals > 0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numeral {
    pub value: Decimal,
    pub decimals: u32,
    pub scale: Decimal,
    pub trailing_zeros: u32,
}

impl Numeral {
    /// A plain integer with no scale word ("38", "eleven").
    pub fn integer(value: i64) -> Numeral {
        let mut z = 0;
        let mut v = value.unsigned_abs();
        while v != 0 && v % 10 == 0 {
            z += 1;
            v /= 10;
        }
        Numeral {
            value: Decimal::from(value),
            decimals: 0,
            scale: Decimal::ONE,
            trailing_zeros: z,
        }
    }

    /// A number whose every written digit is significant (a word like "eleven", or a value
    /// computed by the grammar such as "a dozen"), with granularity 1.
    pub fn exact(value: Decimal) -> Numeral {
        Numeral {
            value,
            decimals: value.scale(),
            scale: Decimal::ONE,
            trailing_zeros: 0,
        }
    }

    pub fn is_decimal_mantissa(&self) -> bool {
        self.decimals > 0
    }

    /// u: the unit of the last written digit (10^−d · S for a decimal mantissa, 1 otherwise).
    pub fn last_digit_unit(&self) -> Decimal {
        if self.is_decimal_mantissa() {
            self.scale * Decimal::new(1, self.decimals.min(28))
        } else {
            Decimal::ONE
        }
    }

    /// g: granularity (10^z · S for an integer mantissa, u for a decimal one). Saturates at
    /// `Decimal::MAX` instead of overflowing.
    pub fn granularity(&self) -> Decimal {
        if self.is_decimal_mantissa() {
            return self.last_digit_unit();
        }
        let mut g = self.scale;
        for _ in 0..self.trailing_zeros {
            g = g.checked_mul(Decimal::TEN).unwrap_or(Decimal::MAX);
        }
        g
    }

    /// Round: an integer mantissa with granularity of at least 10.
    pub fn is_round(&self) -> bool {
        !self.is_decimal_mantissa() && self.granularity() >= Decimal::TEN
    }
}

/// Vague amounts of `semantics.md` §3 (all counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vague {
    Couple,
    PairOf,
    Few,
    Handful,
    Several,
    /// "a dozen" (n = 1) and "two dozen" (n = 2).
    Dozen(u32),
    Dozens,
    Scores,
    Hundreds,
    Thousands,
    TensOfThousands,
    HundredsOfThousands,
    Millions,
}

/// A fraction or proportion word (`semantics.md` §4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FractionForm {
    /// "a third", "two-thirds", "half", "three in ten": value in [0, 1].
    Word(Decimal),
    /// "one in 250": a rate whose denominator keeps its own precision.
    OneIn(Numeral),
    /// "3 out of 10", "nine of the 14": numerator and denominator as written.
    OutOf(Numeral, Numeral),
    /// "a majority", "most", "more than half": (0.5, 1].
    Majority,
    /// "a minority", "less than half": [0, 0.5).
    Minority,
}

impl FractionForm {
    /// The point value f, where there is one.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            FractionForm::Word(f) => Some(*f),
            FractionForm::OneIn(n) => Decimal::ONE.checked_div(n.value),
            FractionForm::OutOf(a, b) => a.value.checked_div(b.value),
            FractionForm::Majority | FractionForm::Minority => None,
        }
    }
}

/// Units of time for durations, offsets and periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    /// Three months, a quarter of a (fiscal) year.
    Quarter,
    Year,
    Decade,
    Century,
}

/// The two exact scales lengths of time convert on: clock time (seconds) and the calendar
/// (months, which hold no fixed number of days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeBase {
    Seconds,
    Months,
}

impl TimeUnit {
    /// This unit as a whole multiple of its base ("four years and eight months" is 56
    /// months); a quarter, fiscal or not, is left out.
    pub fn in_base(self) -> Option<(TimeBase, u32)> {
        use TimeBase::{Months, Seconds};
        Some(match self {
            TimeUnit::Second => (Seconds, 1),
            TimeUnit::Minute => (Seconds, 60),
            TimeUnit::Hour => (Seconds, 3_600),
            TimeUnit::Day => (Seconds, 86_400),
            TimeUnit::Week => (Seconds, 604_800),
            TimeUnit::Month => (Months, 1),
            TimeUnit::Year => (Months, 12),
            TimeUnit::Decade => (Months, 120),
            TimeUnit::Century => (Months, 1_200),
            TimeUnit::Quarter => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
            TimeUnit::Century => "century",
        }
    }
}

/// A calendar date, any part of which may be unknown ("December 2" has no year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 1 = Monday … 7 = Sunday, when a weekday is written beside the date.
    pub weekday: Option<u8>,
}

impl DateParts {
    /// TIMEX-like form: "2024-12-02", "XXXX-12-02", "2025-01", "2025".
    pub fn timex(&self) -> String {
        let year = match self.year {
            Some(y) => format!("{y:04}"),
            None => "XXXX".to_string(),
        };
        match (self.month, self.day) {
            // A weekday alone ("on Monday"): TIMEX3's week-day form.
            (None, None) if self.year.is_none() && self.weekday.is_some() => {
                format!("XXXX-WXX-{}", self.weekday.unwrap_or(0))
            }
            (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year}-{m:02}"),
            (None, Some(d)) => format!("{year}-XX-{d:02}"),
            (None, None) => year,
        }
    }
}

/// Direction of a relative date ("later" / "after" vs "earlier" / "before").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    After,
    Before,
}

/// The value a claim states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// One number ("38", "$2.3bn", "12%", "eleven").
    Point(Numeral),
    /// A stated range, in written order (an inverted range stays inverted).
    Range {
        first: Numeral,
        second: Numeral,
    },
    Vague(Vague),
    Fraction(FractionForm),
    /// A date, month or year.
    Date(DateParts),
    /// A span of time from one date to another ("January to May of 2025", "2014–17").
    Period {
        from: DateParts,
        to: DateParts,
    },
    /// An amount of time ("13 years", "a decade", "48 hours").
    Duration {
        amount: Numeral,
        unit: TimeUnit,
    },
    /// An offset from an anchor ("eleven days later", "three days after X", "the next day").
    Relative {
        amount: Numeral,
        unit: TimeUnit,
        direction: Direction,
        /// The anchor phrase written after "after"/"before", if any ("Trump's meeting").
        anchored_to_phrase: bool,
        /// The date it resolves to, once anchored on an earlier date in the text.
        resolved: Option<DateParts>,
        /// The claim index of the date it was resolved against.
        anchor: Option<usize>,
    },
}

/// Problems with a literal that rules must see (and that suppress other rules on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Flags {
    /// Digit grouping that no convention allows ("6,5000,000"): the value is unknowable.
    pub malformed: bool,
    /// Beyond rust_decimal's range.
    pub too_large: bool,
    /// One scale word across a range ("€14 to €19 million"): applied to both ends.
    pub scale_ellipsis: bool,
}

/// The scope a claim's number lives in: what binds it to other mentions (`semantics.md` §7.3).
///
/// A claim holds it as a [`ScopeBox`]: most claims have none, and an inline `Scope` would
/// make every claim 120 bytes larger.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Scope {
    /// Possessor or national/organisational modifier ("its", "U.S.", "the county's"): the
    /// words as written, read joined by one space (`owner_text`). Usually one span; the proper
    /// modifiers of a noun phrase ("U.S. Army") may be several.
    pub owner: Vec<Span>,
    /// Place modifier or "in X" phrase, as written.
    pub place: Option<Span>,
    /// Time expression attached to the count, as written.
    pub time: Option<Span>,
    /// Restrictive modifiers and trailing qualifiers, read lower case (`Qualifier::text`).
    pub qualifiers: Vec<Qualifier>,
    /// Attribution ("according to X", "X said"), as written.
    pub source: Option<Span>,
    /// The number is the result of a change ("rose to", "now"), its amount ("fell 4%", "cut
    /// 1,200 jobs"), or the object of one (see `change_object`).
    pub changed: bool,
    /// With `changed`: the number is the object of a (planned) change ("plans to cut its
    /// 2,000 staff"), not its result, so it keeps its quantity key.
    pub change_object: bool,
}

/// One restrictive qualifier of a [`Scope`]: words of the document, or a rate the words imply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// Words as written ("defense", "who were evacuated"), read lower case.
    Written(Span),
    /// A rate: "a day", "each week" reads "per day", "per week"; the time noun, singular.
    Per(&'static str),
}

impl Qualifier {
    /// The qualifier lower case, as quantity keys compare it: "who were evacuated", "per day".
    pub fn text<'a>(&self, input: &'a str) -> Cow<'a, str> {
        match self {
            Qualifier::Written(span) => crate::text::lower(span.text(input)),
            Qualifier::Per(noun) => Cow::Owned(format!("per {noun}")),
        }
    }
}

impl Scope {
    /// The empty scope, as a constant (what [`ScopeBox`] reads as while it holds nothing).
    pub const EMPTY: Scope = Scope {
        owner: Vec::new(),
        place: None,
        time: None,
        qualifiers: Vec::new(),
        source: None,
        changed: false,
        change_object: false,
    };

    /// The owner's words joined by one space ("U.S. Army"), or `None` without an owner.
    pub fn owner_text<'a>(&self, input: &'a str) -> Option<Cow<'a, str>> {
        match self.owner.as_slice() {
            [] => None,
            [one] => Some(Cow::Borrowed(one.text(input))),
            parts => Some(Cow::Owned(
                parts
                    .iter()
                    .map(|p| p.text(input))
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
        }
    }
    pub fn place_text<'a>(&self, input: &'a str) -> Option<&'a str> {
        self.place.map(|s| s.text(input))
    }
    pub fn time_text<'a>(&self, input: &'a str) -> Option<&'a str> {
        self.time.map(|s| s.text(input))
    }
    pub fn source_text<'a>(&self, input: &'a str) -> Option<&'a str> {
        self.source.map(|s| s.text(input))
    }
    /// The qualifiers lower case, in order.
    pub fn qualifier_texts<'a>(&self, input: &'a str) -> Vec<Cow<'a, str>> {
        self.qualifiers.iter().map(|q| q.text(input)).collect()
    }
}

/// A [`Scope`] that takes no heap while it is empty: it reads as [`Scope::EMPTY`] and
/// allocates on the first write. Field access goes through `Deref`, so `claim.scope.owner`
/// reads and writes as if the scope were inline.
#[derive(Clone, Default)]
pub struct ScopeBox(Option<Box<Scope>>);

impl ScopeBox {
    /// Frees the box again if the writes left the scope empty.
    pub fn shrink(&mut self) {
        if self.0.as_deref().is_some_and(|s| *s == Scope::EMPTY) {
            self.0 = None;
        }
    }
}

impl std::ops::Deref for ScopeBox {
    type Target = Scope;
    fn deref(&self) -> &Scope {
        // A constant with a `Vec` is not promoted to a static, so it gets one of its own.
        static EMPTY: Scope = Scope::EMPTY;
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl std::ops::DerefMut for ScopeBox {
    fn deref_mut(&mut self) -> &mut Scope {
        self.0.get_or_insert_with(Box::default)
    }
}

/// Equal when the scopes read the same, however they are stored.
impl PartialEq for ScopeBox {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for ScopeBox {}

impl std::fmt::Debug for ScopeBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// One unit of measure as the lexicon defines it.
#[derive(Debug)]
pub struct UnitDef {
    /// The symbol `json.md` reports ("km", "mi", "ft", "m", "kg", "lb", "°C", "l").
    pub symbol: &'static str,
    /// What it measures ("length", "mass", "volume", "temperature", "area", "speed", …).
    pub dimension: &'static str,
    /// Multiply by this to get the dimension's base unit (metre, kilogram, litre, …).
    pub to_base: Decimal,
    /// Added after multiplying by `to_base` (temperature scales; zero elsewhere).
    pub offset: Decimal,
    /// The `to_base` of the unit's other readings, empty unless the unit is ambiguous
    /// (a gallon may be US or imperial, a ton short, metric or long).
    pub alt_to_base: Vec<Decimal>,
}

impl UnitDef {
    /// Whether the unit has more than one reading.
    pub fn is_ambiguous(&self) -> bool {
        !self.alt_to_base.is_empty()
    }

    /// Every factor the unit may stand for, the usual reading first.
    pub fn readings(&self) -> impl Iterator<Item = Decimal> + '_ {
        std::iter::once(self.to_base).chain(self.alt_to_base.iter().copied())
    }
}

/// What a figure is measured in: the claim's `unit` (`json.md` CLAIM.unit writes
/// [`Unit::symbol`]). Rules compare units as values and read a measure's dimension and
/// conversion from it, never by looking a string up again.
#[derive(Clone, Copy, Debug)]
pub enum Unit {
    /// "%": a percentage.
    Percent,
    /// "pp": percentage points.
    Points,
    /// "bp": basis points.
    BasisPoints,
    /// An ISO 4217 currency ("USD").
    Currency(CurrencyCode),
    /// A unit of measure from the lexicon (`grammar/lexicon/units.txt`).
    Measure(&'static UnitDef),
    /// A unit of time (durations, relative dates, vague periods).
    Time(TimeUnit),
}

impl Unit {
    /// The unit a percentage symbol names: "%", "pp" or "bp".
    pub fn percent(symbol: &str) -> Option<Unit> {
        match symbol {
            "%" => Some(Unit::Percent),
            "pp" => Some(Unit::Points),
            "bp" => Some(Unit::BasisPoints),
            _ => None,
        }
    }

    /// The currency with this ISO 4217 code; `None` unless it is three ASCII letters.
    pub fn currency(code: &str) -> Option<Unit> {
        CurrencyCode::new(code).map(Unit::Currency)
    }

    /// The symbol reports write: "%", "pp", "bp", the currency code, the measure's symbol,
    /// the time unit's name.
    pub fn symbol(&self) -> &str {
        match self {
            Unit::Percent => "%",
            Unit::Points => "pp",
            Unit::BasisPoints => "bp",
            Unit::Currency(code) => code.as_str(),
            Unit::Measure(def) => def.symbol,
            Unit::Time(t) => t.as_str(),
        }
    }

    /// The unit of measure, if this is one.
    pub fn measure(&self) -> Option<&'static UnitDef> {
        match self {
            Unit::Measure(def) => Some(def),
            _ => None,
        }
    }

    /// The unit of time, if this is one.
    pub fn time(&self) -> Option<TimeUnit> {
        match self {
            Unit::Time(t) => Some(*t),
            _ => None,
        }
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Units are equal when they report the same symbol (a measure is one lexicon entry).
impl PartialEq for Unit {
    fn eq(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Measure(a), Unit::Measure(b)) => a.symbol == b.symbol,
            (Unit::Currency(a), Unit::Currency(b)) => a == b,
            (Unit::Time(a), Unit::Time(b)) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Eq for Unit {}

/// An ISO 4217 currency code, three ASCII upper-case letters stored inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// `None` unless `code` is three ASCII letters (stored upper case).
    pub fn new(code: &str) -> Option<CurrencyCode> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(u8::is_ascii_alphabetic)
            .then(|| CurrencyCode(bytes.map(|b| b.to_ascii_uppercase())))
    }

    pub fn as_str(&self) -> &str {
        // Three ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// One quantitative statement found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The whole expression, hedge included.
    pub span: Span,
    pub kind: Kind,
    pub quantity: Quantity,
    pub hedge: Hedge,
    pub unit: Option<Unit>,
    /// The noun phrase the number counts.
    pub counted: Option<Span>,
    /// Singular, lower-case head noun of `counted`.
    pub head: Option<String>,
    /// For fractions and percentages: the base ("of last year's count").
    pub of: Option<Span>,
    pub in_heading: bool,
    pub flags: Flags,
    pub scope: ScopeBox,
}

impl Claim {
    /// A claim with everything but its span, kind and quantity left empty.
    pub fn new(span: Span, kind: Kind, quantity: Quantity) -> Claim {
        Claim {
            span,
            kind,
            quantity,
            hedge: Hedge::None,
            unit: None,
            counted: None,
            head: None,
            of: None,
            in_heading: false,
            flags: Flags::default(),
            scope: ScopeBox::default(),
        }
    }

    /// The end of the claim's phrase: its counted noun, when that follows it ("38 attacks").
    pub fn phrase_end(&self) -> usize {
        self.counted
            .map_or(self.span.end, |n| n.end.max(self.span.end))
    }

    /// The single numeral of a point claim or a duration.
    pub fn numeral(&self) -> Option<&Numeral> {
        match &self.quantity {
            Quantity::Point(n) => Some(n),
            Quantity::Duration { amount, .. } => Some(amount),
            _ => None,
        }
    }

    /// The stated point value, scaled (`json.md` CLAIM.value) for numeric claims.
    pub fn point_value(&self) -> Option<Decimal> {
        match &self.quantity {
            Quantity::Point(n) => Some(n.value),
            Quantity::Duration { amount, .. } => Some(amount.value),
            Quantity::Relative { amount, .. } => Some(amount.value),
            Quantity::Vague(v) => match v {
                Vague::Couple | Vague::PairOf => Some(Decimal::TWO),
                Vague::Dozen(n) => Some(Decimal::from(12 * *n)),
                _ => None,
            },
            Quantity::Fraction(f) => f.value(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_units_convert_within_clock_time_or_the_calendar() {
        assert_eq!(TimeUnit::Week.in_base(), Some((TimeBase::Seconds, 604_800)));
        assert_eq!(TimeUnit::Decade.in_base(), Some((TimeBase::Months, 120)));
        assert_eq!(TimeUnit::Quarter.in_base(), None);
    }

    #[test]
    fn an_empty_scope_takes_no_heap_and_reads_as_empty() {
        let mut scope = ScopeBox::default();
        assert_eq!(*scope, Scope::EMPTY);
        scope.changed = true;
        assert!(scope.changed);
        scope.changed = false;
        scope.shrink();
        assert!(scope.0.is_none(), "an emptied scope is freed");
        scope.owner = vec![Span::new(0, 3)];
        scope.shrink();
        assert_eq!(scope.owner_text("its troops").as_deref(), Some("its"));
    }

    #[test]
    fn scopes_compare_by_content_not_storage() {
        let stored_empty = ScopeBox(Some(Box::default()));
        assert_eq!(stored_empty, ScopeBox::default());
        assert_eq!(format!("{stored_empty:?}"), format!("{:?}", Scope::EMPTY));
    }

    /// A document keeps one claim per number it states (one every ~40 bytes of figure-dense
    /// prose), so the claim's size bounds the memory a large document takes (issue 5).
    #[test]
    fn a_claim_stays_small() {
        assert!(
            std::mem::size_of::<Claim>() <= 216,
            "{}",
            std::mem::size_of::<Claim>()
        );
    }
}
