//! Datelines: a full date with a year before the first sentence of the body gives the
//! reference date (`semantics.md` §8). Recognised shapes, at the start of the first body line:
//! * `(Dec 3, 2024)` — a parenthesised date;
//! * `PLACE, Month Day, Year` followed by an optional `(Agency)` and a dash or hyphen:
//!   `WASHINGTON, Dec. 3, 2024 (Reuters) -`, `HARWICK, March 14, 2025 —`.
//!
//! A year-less dateline (`HARWICK, March 14 —`) gives no year and so no reference date.

use crate::model::Span;
use jiff::civil::Date;

/// How far into the first body line a dateline may reach.
const MAX_PREFIX: usize = 160;

/// The date of the dateline on the first non-empty line that is not a heading. A line that
/// is a dateline counts as one even where its layout makes it look like a heading
/// ("HARWICK, March 14, 2025 —" alone on its line).
pub fn find(masked: &str, headings: &[Span]) -> Option<Date> {
    let mut offset = 0;
    for line in masked.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(date) = parse(trimmed) {
            return Some(date);
        }
        let text_start = start + (line.len() - line.trim_start().len());
        // Headings are in order and disjoint: a binary search, since a scan per line was
        // quadratic in a document of heading-like lines only.
        let k = headings.partition_point(|h| h.start <= text_start);
        if !(k > 0 && text_start < headings[k - 1].end) {
            return None;
        }
    }
    None
}

/// The dateline at the start of a body line, if it has one.
pub fn parse(line: &str) -> Option<Date> {
    let head = prefix(line, MAX_PREFIX).trim_start_matches('\u{feff}');
    if let Some(inner) = head.strip_prefix('(') {
        let (date, rest) = month_day_year(inner)?;
        return rest.trim_start().starts_with(')').then_some(date);
    }
    let comma = head.find(',')?;
    let place = &head[..comma];
    let place_ok = !place.is_empty()
        && place.split_whitespace().count() <= 4
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
        && place
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if !place_ok {
        return None;
    }
    let (date, rest) = month_day_year(head[comma + 1..].trim_start())?;
    let mut rest = rest.trim_start();
    if rest.starts_with('(') {
        rest = rest[rest.find(')')? + 1..].trim_start();
    }
    ["—", "–", "-", "--"]
        .iter()
        .any(|d| rest.starts_with(d))
        .then_some(date)
}

fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `Month[.] Day, Year` at the start of `s`; returns the date and what follows.
fn month_day_year(s: &str) -> Option<(Date, &str)> {
    let word_end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let month = month_number(&s[..word_end])?;
    let rest = s[word_end..]
        .strip_prefix('.')
        .unwrap_or(&s[word_end..])
        .trim_start();
    let day_len = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if day_len == 0 || day_len > 2 {
        return None;
    }
    let day: i8 = rest[..day_len].parse().ok()?;
    let rest = rest[day_len..].trim_start();
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let year_len = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if year_len != 4 {
        return None;
    }
    let year: i16 = rest[..4].parse().ok()?;
    let date = Date::new(year, month, day).ok()?;
    Some((date, &rest[4..]))
}

/// A month name or abbreviation of three letters or more ("Dec", "Sept", "March").
fn month_number(word: &str) -> Option<i8> {
    if word.len() < 3 {
        return None;
    }
    crate::grammar::lex::month_of_word(word).map(|m| m as i8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        parse(s).map(|d| d.to_string())
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            date("(Dec 3, 2024) The council met."),
            Some("2024-12-03".into())
        );
        assert_eq!(
            date("WASHINGTON, Dec. 3, 2024 (Reuters) - The Senate voted."),
            Some("2024-12-03".into())
        );
        assert_eq!(
            date("HARWICK, March 14, 2025 — The ferry ran aground."),
            Some("2025-03-14".into())
        );
        assert_eq!(
            date("NEW YORK, Sept. 9, 2023 -- Shares fell."),
            Some("2023-09-09".into())
        );
    }

    #[test]
    fn no_year_or_no_dateline_gives_nothing() {
        assert_eq!(date("HARWICK, March 14 — The ferry ran aground."), None);
        assert_eq!(
            date("WASHINGTON, Dec. 3 (Reuters) - The Senate voted."),
            None
        );
        assert_eq!(date("Officials said, March 14, 2025 - was the day."), None);
        assert_eq!(date("The council met on March 14, 2025 - a Friday."), None);
        assert_eq!(date("HARWICK, February 30, 2025 —"), None);
    }

    #[test]
    fn skips_headings() {
        let text = "Title Line\n\nHARWICK, March 14, 2025 — Text.\n";
        assert_eq!(
            find(text, &[Span::new(0, 10)]).map(|d| d.to_string()),
            Some("2025-03-14".into())
        );
        assert_eq!(find("Body first. HARWICK, March 14, 2025 — x\n", &[]), None);
        let own_line = "Title Line\nHARWICK, March 14, 2025 —\nThe ferry ran aground.\n";
        let headings = [Span::new(0, 10), Span::new(11, 37)];
        assert_eq!(
            find(own_line, &headings).map(|d| d.to_string()),
            Some("2025-03-14".into())
        );
    }

    #[test]
    fn a_dateline_after_many_headings_is_found_and_a_body_line_stops_the_search() {
        let title = "Title Line\n";
        let headings: Vec<Span> = (0..2000)
            .map(|i| Span::new(i * title.len(), i * title.len() + 10))
            .collect();
        let dated = format!("{}HARWICK, March 14, 2025 — Text.\n", title.repeat(2000));
        assert_eq!(
            find(&dated, &headings).map(|d| d.to_string()),
            Some("2025-03-14".into())
        );
        let body_first = format!("{}Body.\nHARWICK, March 14, 2025 — x\n", title.repeat(2000));
        assert_eq!(find(&body_first, &headings), None);
    }
}
