//! Figures that are names, not quantities (issue 12, item 10): a year or number inside the
//! name of a thing — "a 2019 Civic", "the 2024 Paris Olympics", "the Housing Act 1988",
//! "Vision 2030", "Measure 110". Read as numbers or counts, they get no claim, so no rule reads
//! them; one the grammar reads as a year ("the 2026 World Cup") stays a year. (Names after a known name
//! word in any case, "Route 66", "Apollo 11", "Windows 10", are cut earlier by the grammar's
//! not-claims filter.)

use crate::grammar::lex::{month_of_word, weekday_of_word};
use crate::model::{Claim, Kind, Numeral, Quantity};
use rust_decimal::Decimal;

/// Words before a number that make a capitalised word after it a name the number belongs to:
/// "a 2019 Civic", "the 1994 World Cup", "its 2025 Annual Report".
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "every", "each",
];

/// Capitalised words that head a name with a number after them, written capitalised only:
/// "the Housing Act 1988", "Measure 110", "Local 1199", "Area 51". Lower-case ("the local 12
/// councils", "an area 30 miles wide") they are ordinary words.
const NAME_HEADS: &[&str] = &[
    "Act",
    "Acts",
    "Amendment",
    "Measure",
    "Local",
    "Area",
    "Vision",
    "Agenda",
    "Engine",
    "Ladder",
    "Unit",
    "Rule",
    "Expo",
    "Euro",
    "Lot",
    "Mission",
    "Operation",
    "Camp",
    "Squadron",
    "Regiment",
    "Battalion",
    "Bill",
    "Law",
    "Directive",
    "Resolution",
    "Ordinance",
];

/// Capitalised words before a year that are no name: prepositions and time words that open a
/// sentence or a title-case heading ("By 2030", "Since 1990"), seasons and holidays
/// ("Christmas 2024").
const NOT_NAMES: &[&str] = &[
    "in",
    "by",
    "since",
    "from",
    "until",
    "till",
    "before",
    "after",
    "of",
    "on",
    "at",
    "for",
    "through",
    "to",
    "during",
    "around",
    "about",
    "over",
    "under",
    "than",
    "and",
    "or",
    "but",
    "as",
    "with",
    "between",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "christmas",
    "easter",
    "thanksgiving",
    "ramadan",
    "diwali",
    "hanukkah",
    "year",
    "fy",
    "fiscal",
    "calendar",
    "season",
    "class",
    "census",
    "the",
    "a",
    "an",
    "is",
    "was",
    "were",
    "are",
    "be",
    "i",
    "we",
    "he",
    "she",
    "it",
    "they",
];

/// Whether `claim` is a number inside a name and should not be a claim at all.
pub fn is_name(text: &str, claim: &Claim) -> bool {
    // A year the grammar reads as one ("the 1976 Olympics") still dates the event it names,
    // and the date rules may use it; only figures read as numbers are dropped.
    if !matches!(claim.kind, Kind::Number | Kind::Count) || claim.unit.is_some() {
        return false;
    }
    let Some(span) = text.get(claim.span.start..claim.span.end) else {
        return false;
    };
    let Some(first_digit) = span.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    if !span[first_digit..]
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '–' || c == '-' || c.is_alphabetic())
    {
        return false;
    }
    let before = &text[..claim.span.start + first_digit];
    let after = &text[claim.span.end..];
    let prev = last_word(before);
    let next = first_word(after);
    let years = year_like(claim);
    // A figure the grammar found nothing for to count: "the 787 Dreamliner", "FTSE 100".
    let uncounted = claim.kind == Kind::Number
        && claim.counted.is_none()
        && !claim.in_heading
        && !span.contains(',');
    // "a 2019 Civic", "some 2021 to 2023 Ridgeback models", "the 787 Dreamliner".
    if (years || uncounted)
        && starts_name(next)
        && DETERMINERS.contains(&prev.to_lowercase().as_str())
    {
        return true;
    }
    // "the Housing Act 1988", "Vision 2030": a capitalised word glued to a year it names;
    // "the S&P 500", "a Falcon 9 rocket", "its Nexa 11": a determiner, a capitalised word and
    // a number that counts nothing ("and Riverbend 48", "lift Kentmere 16 points clear" are
    // elliptical counts). Title-case headings capitalise every word, so there only years are
    // read this way.
    let bare_point = matches!(&claim.quantity, Quantity::Point(n) if plain_integer(n));
    if bare_point && capitalised_mid_sentence(before, prev) {
        let before_name = &before.trim_end_matches([' ', '\u{a0}']);
        let det = last_word(
            before_name
                .get(..before_name.len() - prev.len())
                .unwrap_or(""),
        );
        // "Germany's DAX 40": a possessive determines the name too.
        let determined = DETERMINERS.contains(&det.to_lowercase().as_str())
            || det.ends_with("'s")
            || det.ends_with("’s");
        let before_det = before_name
            .get(..before_name.len() - prev.len())
            .unwrap_or("")
            .trim_end_matches([' ', '\u{a0}']);
        let before_det = before_det.get(..before_det.len() - det.len()).unwrap_or("");
        if years || (uncounted && determined && !gapped(before_det, after)) {
            return true;
        }
    }
    // "Live: Harwick marathon 2025", "Budget 2026: what it means": a heading names its event
    // by a year after a noun; nothing is counted and no body figure could support it.
    if years
        && claim.in_heading
        && claim.kind == Kind::Number
        && claim.counted.is_none()
        && prev.chars().all(char::is_alphabetic)
        && !prev.is_empty()
        && !NOT_NAMES.contains(&prev.to_lowercase().as_str())
        && !DETERMINERS.contains(&prev.to_lowercase().as_str())
    {
        return true;
    }
    // "Measure 110", "Local 1199", "Area 51".
    bare_point && NAME_HEADS.contains(&prev)
}

/// Whether "DET Name N" is a gapped conjunct of a list that left its verb out: "Labour won
/// 28, the Conservatives 19 and the Greens four" — opened by a comma, "and" or "or", and
/// closed by one or by the sentence's end. A name ("the FTSE 100 slipped") is followed by
/// the rest of its clause instead.
fn gapped(before_det: &str, after: &str) -> bool {
    let opened = before_det.trim_end().ends_with([',', ';'])
        || matches!(last_word(before_det), "and" | "or" | "while" | "with");
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    let closed = rest.is_empty()
        || rest.starts_with([',', ';', '.', ')', '\n'])
        || matches!(first_word(after), "and" | "or" | "while" | "with");
    opened && closed
}

/// Every end of the claim is a whole number from 1800 to 2099 written as four digits.
fn year_like(claim: &Claim) -> bool {
    let year = |n: &Numeral| {
        plain_integer(n) && n.value >= Decimal::from(1800) && n.value <= Decimal::from(2099)
    };
    match &claim.quantity {
        Quantity::Point(n) => year(n),
        Quantity::Range { first, second } => year(first) && year(second),
        _ => false,
    }
}

fn plain_integer(n: &Numeral) -> bool {
    n.decimals == 0 && n.scale == Decimal::ONE
}

/// The word ending right before `head` (separated by spaces only), punctuation trimmed, or "".
fn last_word(head: &str) -> &str {
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == head.len() {
        return "";
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’' | '&'))
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    &trimmed[start..]
}

/// The word starting right after `rest` (after spaces only), or "".
fn first_word(rest: &str) -> &str {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() {
        return "";
    }
    let end = trimmed
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(trimmed.len());
    &trimmed[..end]
}

/// A capitalised word or an acronym ("FTSE", "S&P") that can be part of a name: not a
/// month, weekday or function word.
fn starts_name(word: &str) -> bool {
    let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    // A possessive owns the figure ("Saturday's 34", "Harwick's 12 wards"); it names nothing.
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    word.starts_with(|c: char| c.is_uppercase())
        && (word.chars().any(char::is_lowercase) || acronym)
        && !possessive
        && !NOT_NAMES.contains(&word.to_lowercase().as_str())
        && month_of_word(word).is_none()
        && weekday_of_word(word).is_none()
}

/// `word`, the last word of `before`, is capitalised, is no month, weekday or function word,
/// and does not open a sentence, a line or a heading.
fn capitalised_mid_sentence(before: &str, word: &str) -> bool {
    if !starts_name(word) {
        return false;
    }
    let head = before.trim_end_matches([' ', '\u{a0}']);
    let Some(earlier) = head.get(..head.len().saturating_sub(word.len())) else {
        return false;
    };
    let earlier = earlier.trim_end_matches([' ', '\u{a0}']);
    match earlier.chars().next_back() {
        None => false,
        Some(c) => !matches!(
            c,
            '.' | '!' | '?' | '\n' | '"' | '“' | ':' | '#' | '—' | '–'
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::source::{Document, Format};

    fn claims(text: &str) -> Vec<String> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        crate::extract::extract(&doc)
            .iter()
            .map(|c| text[c.span.start..c.span.end].to_string())
            .collect()
    }

    #[test]
    fn years_inside_names_are_no_claims() {
        assert!(claims("He drove a 2019 Civic to the match.").is_empty());
        assert!(claims("Tickets for the 2024 Paris Olympics went on sale.").is_empty());
        assert!(
            claims("Tenants gained rights under the Housing Act 1988 last century.").is_empty()
        );
        assert!(claims("The city adopted its Vision 2030 plan.").is_empty());
        assert!(claims("The recall covers some 2021 to 2023 Ridgeback models.").is_empty());
    }

    #[test]
    fn numbers_after_capitalised_name_heads_are_no_claims() {
        assert!(claims("Voters repealed Measure 110 by a wide margin.").is_empty());
        assert!(claims("Members of Local 1199 walked out.").is_empty());
        assert_eq!(claims("The local 12 councils agreed."), vec!["12"]);
    }

    #[test]
    fn numbers_that_count_nothing_after_a_name_are_no_claims() {
        assert_eq!(claims("The S&P 500 rose 1.2% on the day."), vec!["1.2%"]);
        assert_eq!(
            claims("Shares in the FTSE 100 slipped."),
            Vec::<String>::new()
        );
        assert_eq!(
            claims("A Falcon 9 rocket carried 22 satellites."),
            vec!["22"]
        );
        assert_eq!(
            claims("The airline flies the 787 Dreamliner."),
            Vec::<String>::new()
        );
        // Elliptical counts, counted figures and title-case headings keep their numbers.
        assert_eq!(
            claims("Coastline has 98 branches and Riverbend 48."),
            vec!["98", "48"]
        );
        assert_eq!(
            claims("Labour won 28, the Conservatives 19 and the Greens four."),
            vec!["28", "19", "four"]
        );
        assert_eq!(
            claims("Bonds gained, and the FTSE 100 slipped."),
            Vec::<String>::new()
        );
        assert_eq!(
            claims("A win would lift Kentmere 16 points clear."),
            vec!["16"]
        );
        assert_eq!(
            claims("The Boeing crash killed Harwick 12 residents."),
            vec!["12"]
        );
        assert_eq!(
            claims("Fire Kills 3 In Harwick\n\nThree people died."),
            vec!["3", "Three"]
        );
    }

    #[test]
    fn a_heading_year_after_a_noun_names_its_event() {
        assert_eq!(
            claims("Live: Harwick marathon 2025\n\nAbout 3,000 runners started."),
            vec!["About 3,000"]
        );
        assert_eq!(
            claims("Council cuts 2025 jobs\n\nThe council will cut 2,025 jobs."),
            vec!["2025", "2,025"]
        );
    }

    #[test]
    fn years_and_counts_that_are_figures_stay() {
        assert_eq!(claims("In 2019 Smith won the seat."), vec!["2019"]);
        assert_eq!(
            claims("By 2030 Harwick wants 500 new homes."),
            vec!["2030", "500"]
        );
        assert_eq!(claims("He joined the firm in 2019."), vec!["2019"]);
        assert_eq!(claims("The team sold 2,019 tickets."), vec!["2,019"]);
        assert_eq!(claims("Police said 1998 people were hurt."), vec!["1998"]);
        assert_eq!(claims("His 1967 album sold well."), vec!["1967"]);
    }
}
