//! Token helpers shared by the productions, and the word lists of `grammar/lexicon/`,
//! compiled in and parsed once. The word lists other layers need (month and weekday names,
//! number words) are read from here too, so that each list is written once, in its lexicon.

use nom::error::{Error, ErrorKind};
use nom::IResult;
use std::sync::OnceLock;

/// A recoverable failure at `input` (the caller may try another alternative).
pub fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Tag)))
}

/// A cut: the text here is known not to be a claim ("won 3–1"), so no shorter parse may be
/// tried either.
pub fn cut<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Failure(Error::new(input, ErrorKind::Verify)))
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `input` starts a new word (nothing alphanumeric glued on).
pub fn at_boundary(input: &str) -> bool {
    !input.chars().next().is_some_and(is_word_char)
}

/// Case-insensitive literal prefix.
pub fn tag_ci<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    let n = lit.len();
    if input.len() >= n && input.as_bytes()[..n].eq_ignore_ascii_case(lit.as_bytes()) {
        input.get(n..)
    } else {
        None
    }
}

/// A whole word, case-insensitive: `lit` followed by a word boundary (a literal ending in
/// punctuation, like "ca.", needs none).
#[inline]
pub fn word<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    if first_letters_differ(input, lit) {
        return None;
    }
    word_rest(input, lit)
}

/// The inlined fast path of [`word`] and [`phrase`]: word lists are tried one entry after
/// another and nearly all fail on the first letter, where a call would cost as much as the
/// test.
#[inline]
fn first_letters_differ(input: &str, lit: &str) -> bool {
    match (input.as_bytes().first(), lit.as_bytes().first()) {
        (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

#[inline(never)]
fn word_rest<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    let rest = tag_ci(input, lit)?;
    let needs_boundary = lit.chars().next_back().is_some_and(is_word_char);
    (!needs_boundary || at_boundary(rest)).then_some(rest)
}

/// Spaces and tabs (also no-break spaces), never a line break.
pub fn sp(input: &str) -> &str {
    input.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}'])
}

/// At least one space.
pub fn sp1(input: &str) -> Option<&str> {
    let rest = sp(input);
    (rest.len() < input.len()).then_some(rest)
}

/// [`sp`] that stops at a narrow no-break space (U+202F): the time productions' space.
// Time's start check does not know thin-space digit grouping: "2\u{202f}000 days" would read "000 days".
pub fn sp_no_nnbsp(input: &str) -> &str {
    input.trim_start_matches([' ', '\t', '\u{a0}'])
}

/// At least one [`sp_no_nnbsp`] space, as a nom result (the time productions chain them
/// with `?`).
pub fn sp1_no_nnbsp(input: &str) -> IResult<&str, ()> {
    let rest = sp_no_nnbsp(input);
    if rest.len() == input.len() {
        fail(input)
    } else {
        Ok((rest, ()))
    }
}

/// [`word`] as a nom result.
#[inline]
pub fn kw<'a>(input: &'a str, lit: &str) -> IResult<&'a str, ()> {
    match word(input, lit) {
        Some(rest) => Ok((rest, ())),
        None => fail(input),
    }
}

/// The first of `words` that [`kw`] matches, as given.
pub fn kw_any<'a>(input: &'a str, words: &[&'static str]) -> IResult<&'a str, &'static str> {
    for w in words {
        if let Some(rest) = word(input, w) {
            return Ok((rest, w));
        }
    }
    fail(input)
}

/// An unsigned integer of `min..=max` digits, not followed by another digit or a decimal
/// part; returns (value, digit count).
pub fn uint(input: &str, min: usize, max: usize) -> IResult<&str, (u32, usize)> {
    let n = input.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return fail(input);
    }
    let rest = &input[n..];
    let b = rest.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'.' | b',') && b[1].is_ascii_digit() {
        return fail(input);
    }
    match input[..n].parse() {
        Ok(v) => Ok((rest, (v, n))),
        Err(_) => fail(input),
    }
}

/// A phrase of space-separated words, each separated in the text by one or more spaces.
#[inline]
pub fn phrase<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    // Rejected before the phrase is split: most calls fail on the first letter, and the
    // split costs more than that test.
    if first_letters_differ(input, lit) {
        return None;
    }
    phrase_rest(input, lit)
}

#[inline(never)]
fn phrase_rest<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    let mut rest = input;
    for (i, w) in lit.split(' ').enumerate() {
        if i > 0 {
            rest = sp1(rest)?;
        }
        rest = word(rest, w)?;
    }
    Some(rest)
}

/// A word list of the lexicon (sorted longest first), indexed by the leading letters of its
/// entries: finding the entry at a position then compares the few entries that begin with
/// the input's own first word rather than every entry with its first letter.
pub struct WordList<T: 'static> {
    entries: Vec<(&'static str, T)>,
    /// Per lower-case first letter (bucket 26: entries that begin with no ASCII letter), the
    /// leading ASCII letters of each entry, lower case, and its index, in list order.
    buckets: Vec<Vec<(String, usize)>>,
}

/// The ASCII letters `s` begins with ("twenty" of "twenty-one", "ca" of "ca.", "" of "~").
fn leading_letters(s: &str) -> &str {
    let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    &s[..n]
}

fn bucket_of(letters: &str) -> usize {
    letters
        .as_bytes()
        .first()
        .map_or(26, |b| usize::from(b.to_ascii_lowercase() - b'a'))
}

impl<T: Copy> WordList<T> {
    pub fn new(entries: Vec<(&'static str, T)>) -> WordList<T> {
        let mut buckets = vec![Vec::new(); 27];
        for (i, (p, _)) in entries.iter().enumerate() {
            let letters = leading_letters(p);
            buckets[bucket_of(letters)].push((letters.to_ascii_lowercase(), i));
        }
        WordList { entries, buckets }
    }

    /// The entries that may match at the start of `input`, in list order. An entry that
    /// [`phrase`] matches begins with the input's leading letters and no more (a word ends
    /// at a boundary, and what follows letters in an entry is no ASCII letter), so no
    /// other entry can match.
    pub fn candidates<'s, 'i: 's>(
        &'s self,
        input: &'i str,
    ) -> impl Iterator<Item = &'s (&'static str, T)> + 's {
        let letters = leading_letters(input);
        self.buckets[bucket_of(letters)]
            .iter()
            .filter(move |(key, _)| key.len() == letters.len() && key.eq_ignore_ascii_case(letters))
            .map(|&(_, i)| &self.entries[i])
    }

    /// The longest entry that `input` starts with.
    pub fn longest<'a>(&self, input: &'a str) -> Option<(&'a str, T)> {
        self.candidates(input)
            .find_map(|(p, v)| phrase(input, p).map(|rest| (rest, *v)))
    }
}

impl<T> std::ops::Deref for WordList<T> {
    type Target = [(&'static str, T)];
    fn deref(&self) -> &Self::Target {
        &self.entries
    }
}

/// The lines of a lexicon file, without comments and blank lines, split at tabs.
fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Parses `word <TAB> number` rows, longest word first.
fn numbered(file: &'static str) -> Vec<(&'static str, u64)> {
    let mut out: Vec<(&'static str, u64)> = rows(file)
        .filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?)))
        .collect();
    by_length(&mut out);
    out
}

pub fn by_length<T>(list: &mut [(&'static str, T)]) {
    list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
}

/// Cardinal words ("seven" → 7).
pub fn number_words() -> &'static WordList<u64> {
    static L: OnceLock<WordList<u64>> = OnceLock::new();
    L.get_or_init(|| {
        WordList::new(numbered(include_str!(
            "../../grammar/lexicon/number_words.txt"
        )))
    })
}

/// Ordinal words ("seventh" → 7).
pub fn ordinal_words() -> &'static WordList<u64> {
    static L: OnceLock<WordList<u64>> = OnceLock::new();
    L.get_or_init(|| {
        WordList::new(numbered(include_str!(
            "../../grammar/lexicon/ordinal_words.txt"
        )))
    })
}

/// Fraction denominators ("thirds" → 3).
pub fn fraction_words() -> &'static WordList<u64> {
    static L: OnceLock<WordList<u64>> = OnceLock::new();
    L.get_or_init(|| {
        WordList::new(numbered(include_str!(
            "../../grammar/lexicon/fractions.txt"
        )))
    })
}

/// Where a scale form may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleForm {
    Word,
    Glued,
    Money,
}

/// Scale words and suffixes with their factor.
pub fn scales() -> &'static [(&'static str, (u64, ScaleForm))] {
    static L: OnceLock<Vec<(&'static str, (u64, ScaleForm))>> = OnceLock::new();
    L.get_or_init(|| {
        let mut out: Vec<_> = rows(include_str!("../../grammar/lexicon/scales.txt"))
            .filter_map(|r| {
                let form = match *r.get(2)? {
                    "word" => ScaleForm::Word,
                    "glued" => ScaleForm::Glued,
                    "money" => ScaleForm::Money,
                    _ => return None,
                };
                Some((*r.first()?, (r.get(1)?.parse().ok()?, form)))
            })
            .collect();
        by_length(&mut out);
        out
    })
}

/// The space-separated words of each line of a lexicon, without comments and blank lines.
pub fn word_rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
}

const MONTHS: &str = include_str!("../../grammar/lexicon/months.txt");
const WEEKDAYS: &str = include_str!("../../grammar/lexicon/weekdays.txt");

// MONTH_NAMES and WEEKDAY_NAMES: the first word of each line of those lexicons, capitalised
// as prose writes them ("January", "Monday").
include!(concat!(env!("OUT_DIR"), "/lexicon_names.rs"));

/// (written form, 1-based line of the lexicon), longest forms first so "sept" wins over
/// "sep".
fn indexed(list: &'static str) -> Vec<(&'static str, u8)> {
    let mut forms: Vec<(&'static str, u8)> = word_rows(list)
        .zip(1u8..)
        .flat_map(|(words, i)| words.into_iter().map(move |w| (w, i)))
        .collect();
    by_length(&mut forms);
    forms
}

/// Month names and abbreviations ("january", "jan", "sept") → 1–12.
pub fn month_forms() -> &'static WordList<u8> {
    static FORMS: OnceLock<WordList<u8>> = OnceLock::new();
    FORMS.get_or_init(|| WordList::new(indexed(MONTHS)))
}

/// Weekday names and abbreviations ("friday", "fri", "tues") → 1 = Monday … 7 = Sunday.
pub fn weekday_forms() -> &'static WordList<u8> {
    static FORMS: OnceLock<WordList<u8>> = OnceLock::new();
    FORMS.get_or_init(|| WordList::new(indexed(WEEKDAYS)))
}

/// The entry of `forms` that `input` begins with as a whole word: (its length, its value).
pub fn form_of<T: Copy>(input: &str, forms: &WordList<T>) -> Option<(usize, T)> {
    forms
        .candidates(input)
        .find_map(|&(w, v)| word(input, w).map(|_| (w.len(), v)))
}

/// The month (1–12) a whole word names in any case: "December", "dec", "Sept". It does not
/// guard "may"/"march" (the time grammar's `month_name` does): callers use it where a date
/// is expected.
pub fn month_of_word(word: &str) -> Option<u8> {
    form_of(word, month_forms()).and_then(|(len, m)| (len == word.len()).then_some(m))
}

/// The weekday (1 = Monday … 7 = Sunday) a whole word names in any case.
pub fn weekday_of_word(word: &str) -> Option<u8> {
    form_of(word, weekday_forms()).and_then(|(len, d)| (len == word.len()).then_some(d))
}

/// Whether `word` is a month's full name, in any case ("December", "may").
pub fn is_full_month(word: &str) -> bool {
    MONTH_NAMES
        .iter()
        .any(|name| name.eq_ignore_ascii_case(word))
}

/// Where a change word makes a figure a change (`grammar/lexicon/change_words.txt`
/// explains each reading).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeReading {
    /// Right before "from A to B" (the grammar's ranges).
    From,
    /// Anywhere earlier in the clause, in any inflection (NUM-RANGE-ORDER).
    Earlier,
    /// Right before "by", "from" or "to" and a year-like number (the time grammar).
    Year,
}

/// The change words ("fell", "rose", "cut", …) that take `reading`.
pub fn change_words(reading: ChangeReading) -> &'static [&'static str] {
    static L: OnceLock<[Vec<&'static str>; 3]> = OnceLock::new();
    let lists = L.get_or_init(|| {
        let mut lists: [Vec<&'static str>; 3] = Default::default();
        for row in rows(include_str!("../../grammar/lexicon/change_words.txt")) {
            let (Some(word), Some(readings)) = (row.first(), row.get(1)) else {
                continue;
            };
            for r in readings.split(' ') {
                let list = match r {
                    "from" => ChangeReading::From,
                    "earlier" => ChangeReading::Earlier,
                    "year" => ChangeReading::Year,
                    _ => continue,
                };
                lists[list as usize].push(*word);
            }
        }
        lists
    });
    &lists[reading as usize]
}

/// Rows of a three-column lexicon as (first, second, third).
pub fn triples(
    file: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    rows(file).filter_map(|r| Some((*r.first()?, *r.get(1)?, *r.get(2)?)))
}

/// Words of a one-column lexicon.
pub fn singles(file: &'static str) -> impl Iterator<Item = &'static str> {
    rows(file).filter_map(|r| r.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry with the same first letter, tried in list order: what the index replaces.
    fn scan_all<'a, T: Copy>(input: &'a str, list: &[(&'static str, T)]) -> Option<(&'a str, T)> {
        let first = input.as_bytes().first()?.to_ascii_lowercase();
        list.iter()
            .filter(|(p, _)| p.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first))
            .find_map(|(p, v)| phrase(input, p).map(|rest| (rest, *v)))
    }

    #[test]
    fn the_index_finds_what_trying_every_entry_finds() {
        let mut list: Vec<(&'static str, u32)> = [
            "a",
            "a few",
            "a little over",
            "about",
            "ca.",
            "c.",
            "twenty",
            "twenty-one",
            "~",
            "<",
            "more than",
            "more",
            "Q",
            "e.g.",
        ]
        .into_iter()
        .zip(0..)
        .collect();
        by_length(&mut list);
        let index = WordList::new(list.clone());
        for (entry, _) in &list {
            for text in [
                entry.to_string(),
                entry.to_uppercase(),
                format!("{entry} 40"),
                format!("{entry}s 40"),
                format!("{entry}-5"),
                format!("{entry}.5"),
                format!("{entry}é"),
            ] {
                assert_eq!(index.longest(&text), scan_all(&text, &list), "{text:?}");
            }
        }
        assert_eq!(index.longest("A Little  over 5"), Some((" 5", 2)));
        assert_eq!(index.longest("twenty-one"), Some(("", 7)));
        assert_eq!(index.longest("aboutness"), None);
    }

    #[test]
    fn every_change_word_takes_a_known_reading() {
        let file = include_str!("../../grammar/lexicon/change_words.txt");
        for row in rows(file) {
            let readings = row.get(1).map_or(0, |r| {
                r.split(' ')
                    .filter(|r| ["from", "earlier", "year"].contains(r))
                    .count()
            });
            assert!(readings > 0, "{row:?}");
        }
        let from = change_words(ChangeReading::From);
        let year = change_words(ChangeReading::Year);
        assert!(from.contains(&"fell") && year.contains(&"fell"));
        assert!(year.contains(&"gained") && !from.contains(&"gained"));
        assert!(change_words(ChangeReading::Earlier).contains(&"reduce"));
    }

    #[test]
    fn month_and_weekday_words() {
        assert_eq!(MONTH_NAMES[8], "September");
        assert_eq!(WEEKDAY_NAMES[6], "Sunday");
        assert_eq!(month_of_word("Sept"), Some(9));
        assert_eq!(month_of_word("septem"), None);
        assert_eq!(weekday_of_word("THURS"), Some(4));
        assert!(is_full_month("may") && !is_full_month("jun"));
    }

    #[test]
    fn lexicon_lists_are_indexed_completely() {
        for list in [number_words(), ordinal_words(), fraction_words()] {
            for (entry, v) in list.iter() {
                assert_eq!(list.longest(entry).map(|(_, v)| v), Some(*v), "{entry}");
            }
        }
    }
}
