//! Paragraphs, sentences and clauses (`semantics.md` §7.1): the units binding may not cross.
//!
//! Built in one linear pass over the masked text, clauses split at the marks the anchor scan
//! noted ([`Segments::from_marks`]); look-ups are binary searches. A paragraph
//! ends at a blank line, at every heading line, and at a line break after sentence-final
//! punctuation, around a list item (plain-text exports put one paragraph on a line, while
//! hard-wrapped prose continues its sentence on the next line).
//!
//! Claims carry no segment indices: rules look them up by offset through
//! `analysis::Context::segments` (`sentence_of(claim.span.start)`), so the model stays flat.

use super::lexicon;
use crate::model::Span;
use crate::source::Document;

/// The segment spans of one document, each list sorted and non-overlapping.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub clauses: Vec<Span>,
}

impl Segments {
    pub fn new(doc: &Document) -> Segments {
        Segments::from_text(doc.masked(), &doc.headings)
    }

    /// Segments of `text`, where each of `headings` is a paragraph of its own; its clause
    /// marks found by the anchor scan alone ([`super::Marks::of`]).
    pub fn from_text(text: &str, headings: &[Span]) -> Segments {
        Segments::from_marks(text, headings, &super::Marks::of(text).clause_marks)
    }

    /// [`Segments::from_text`] with the clause marks the anchor scan already found in `text`
    /// ([`super::Marks::clause_marks`]): clauses are split where they stand instead of
    /// reading every byte of every sentence again.
    pub fn from_marks(text: &str, headings: &[Span], clause_marks: &[usize]) -> Segments {
        // Sentences come in order: the next mark is looked for from the last one found.
        let mut seen = 0;
        Segments::build(text, headings, |from, end| {
            seen += clause_marks[seen..].partition_point(|&m| m < from);
            clause_marks.get(seen).copied().filter(|&m| m < end)
        })
    }

    /// The segments, with `next_split(from, end)` the first offset in `from..end` where a
    /// clause may split (a `;` or the first letter of a clause word) or `None`.
    fn build(
        text: &str,
        headings: &[Span],
        mut next_split: impl FnMut(usize, usize) -> Option<usize>,
    ) -> Segments {
        let mut segments = Segments::default();
        for paragraph in paragraphs(text, headings) {
            segments.paragraphs.push(paragraph);
            for sentence in sentences(text, paragraph)
                .into_iter()
                .flat_map(|s| bounded(text, s))
            {
                segments.sentences.push(sentence);
                // Written in place: a vector per sentence cost more than finding the splits.
                clauses(text, sentence, &mut segments.clauses, &mut next_split);
            }
        }
        segments
    }

    /// Index and span of the paragraph containing `offset`.
    pub fn paragraph_of(&self, offset: usize) -> Option<(usize, Span)> {
        find(&self.paragraphs, offset)
    }
    pub fn sentence_of(&self, offset: usize) -> Option<(usize, Span)> {
        find(&self.sentences, offset)
    }
    pub fn clause_of(&self, offset: usize) -> Option<(usize, Span)> {
        find(&self.clauses, offset)
    }

    /// The paragraphs, sentences and clauses that overlap `span`: what one pass of the rules
    /// over part of a document walks, so that passes together read each segment about once.
    pub fn within(&self, span: Span) -> Segments {
        let overlapping = |list: &[Span]| {
            let lo = list.partition_point(|s| s.end <= span.start);
            let hi = list.partition_point(|s| s.start < span.end);
            list[lo..hi.max(lo)].to_vec()
        };
        Segments {
            paragraphs: overlapping(&self.paragraphs),
            sentences: overlapping(&self.sentences),
            clauses: overlapping(&self.clauses),
        }
    }
}

/// The longest sentence rules read whole. News sentences are far shorter; a longer run (a
/// table, a data dump, a line without punctuation) is cut at spaces into pieces of about this
/// size, so that rules which read the sentence around each claim stay linear.
const MAX_SENTENCE: usize = 1_000;

/// `sentence`, or pieces of it no longer than about [`MAX_SENTENCE`] bytes, cut at spaces.
fn bounded(text: &str, sentence: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE {
        let limit = start + MAX_SENTENCE;
        let cut = text
            .get(start..limit)
            .and_then(|s| s.rfind(char::is_whitespace))
            .map(|i| start + i)
            .filter(|&c| c > start)
            .unwrap_or_else(|| {
                // No space in the window: cut at the next character boundary.
                (limit..sentence.end)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(sentence.end)
            });
        push_trimmed(&mut pieces, text, Span::new(start, cut));
        start = cut;
    }
    push_trimmed(&mut pieces, text, Span::new(start, sentence.end));
    pieces
}

fn find(spans: &[Span], offset: usize) -> Option<(usize, Span)> {
    let i = spans
        .partition_point(|s| s.start <= offset)
        .checked_sub(1)?;
    let span = spans[i];
    (offset < span.end).then_some((i, span))
}

/// Trims ASCII whitespace from both ends of a span.
fn trim(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let (mut s, mut e) = (span.start, span.end);
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    Span::new(s, e)
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, span: Span) {
    let t = trim(text, span);
    if !t.is_empty() {
        out.push(t);
    }
}

fn paragraphs(text: &str, headings: &[Span]) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    // Headings are sorted by start: a binary search keeps the pass linear.
    let is_heading = |s: usize| {
        let k = headings.partition_point(|h| h.start <= s);
        k > 0 && s < headings[k - 1].end
    };
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if !at_end && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i = line_end(bytes, i);
            continue;
        }
        let line = trim(text, Span::new(line_start, i));
        let next = if at_end {
            i
        } else if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        let next_line = trim(text, Span::new(next, line_end(bytes, next)));
        let breaks = at_end
            || line.is_empty()
            || next_line.is_empty()
            || is_heading(line.start)
            || is_heading(next_line.start)
            || ends_sentence_line(text, line)
            || starts_list_item(bytes, line)
            || starts_list_item(bytes, next_line);
        if breaks {
            push_trimmed(&mut out, text, Span::new(start, i));
            start = next;
        }
        line_start = next;
        i = next.max(i + 1);
    }
    out
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from.min(bytes.len())..]).map_or(bytes.len(), |p| from + p)
}

fn ends_sentence_line(text: &str, line: Span) -> bool {
    text[line.start..line.end]
        .chars()
        .next_back()
        .is_some_and(|c| {
            matches!(
                c,
                '.' | '?' | '!' | ':' | '"' | ')' | ']' | '\'' | '”' | '’'
            )
        })
}

fn starts_list_item(bytes: &[u8], line: Span) -> bool {
    let rest = &bytes[line.start..line.end];
    if rest.len() >= 2 && matches!(rest[0], b'-' | b'*' | b'+') && rest[1] == b' ' {
        return true;
    }
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0
        && matches!(rest.get(digits), Some(b'.' | b')'))
        && rest.get(digits + 1) == Some(&b' ')
}

/// Sentence ends inside a paragraph: `.`, `?`, `!` (with closing quotes or brackets) followed
/// by whitespace and a capital, digit or opening quote — but not after an abbreviation.
fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = paragraph.start;
    let mut i = paragraph.start;
    // memchr jumps from one candidate end to the next.
    while let Some(p) = bytes
        .get(i..paragraph.end)
        .and_then(|rest| memchr::memchr3(b'.', b'?', b'!', rest))
    {
        i += p;
        let b = bytes[i];
        let mut j = i + 1;
        // Closing quotes, brackets and citation markers belong to the ending sentence.
        while j < paragraph.end {
            match bytes[j] {
                b'"' | b'\'' | b')' | b']' => j += 1,
                0xE2 if text[j..].starts_with('”') || text[j..].starts_with('’') => j += 3,
                _ => break,
            }
        }
        if j < paragraph.end
            && bytes[j].is_ascii_whitespace()
            && opens_sentence(text, j, paragraph.end)
            && !(b == b'.' && is_abbreviation(text, start, i))
        {
            push_trimmed(&mut out, text, Span::new(start, j));
            start = j;
        }
        i = j.max(i + 1);
    }
    push_trimmed(&mut out, text, Span::new(start, paragraph.end));
    out
}

fn opens_sentence(text: &str, j: usize, end: usize) -> bool {
    // Any white space, no-break spaces included, may stand between two sentences.
    let next = text
        .get(j.min(end)..end)
        .unwrap_or("")
        .trim_start_matches(char::is_whitespace);
    match next.chars().next() {
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
        }
        None => false,
    }
}

/// Whether the word ending just before the period at `dot` is an abbreviation ("Dr", "U.S",
/// "Jan") or an initial ("J").
fn is_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let mut s = dot;
    while s > floor && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
        s -= 1;
    }
    let word = &text[s..dot];
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        return true;
    }
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    lexicon::abbreviations().contains(crate::text::lower(word).as_ref())
}

/// Words that open a new clause wherever they stand.
const CLAUSE_WORDS: [&str; 5] = ["but", "while", "whereas", "although", "though"];
/// Subjects that, after ", and", show that a new clause begins.
const SUBJECT_PRONOUNS: [&str; 11] = [
    "i", "you", "he", "she", "it", "we", "they", "there", "this", "these", "those",
];

/// What may split a sentence into clauses: `;`, the clause words, and "and" (only after a
/// comma and before a subject pronoun). The anchor scan finds them with the anchors.
pub fn clause_marks() -> impl Iterator<Item = &'static str> {
    [";", "and"].into_iter().chain(CLAUSE_WORDS)
}

/// Whether `matched` is one of the [`clause_marks`], in any case.
pub fn is_clause_mark(matched: &str) -> bool {
    clause_marks().any(|m| m.eq_ignore_ascii_case(matched))
}

/// Clause splits inside a sentence, appended to `out`: `;`, the clause words, and ", and" +
/// a pronoun subject. `next_split` gives the candidates (see [`Segments::build`]).
fn clauses(
    text: &str,
    sentence: Span,
    out: &mut Vec<Span>,
    next_split: &mut impl FnMut(usize, usize) -> Option<usize>,
) {
    let bytes = text.as_bytes();
    let mut start = sentence.start;
    // Only `;` and the first letters of the split words are looked at closer: a split word
    // counts only at the start of a word, where `splits_clause` reads the whole word.
    let mut i = sentence.start;
    while let Some(at) = next_split(i, sentence.end) {
        i = at;
        if bytes[i] == b';' {
            push_trimmed(out, text, Span::new(start, i + 1));
            start = i + 1;
        } else if i > start
            && !bytes[i - 1].is_ascii_alphanumeric()
            && splits_clause(text, start, i, sentence.end)
        {
            push_trimmed(out, text, Span::new(start, i));
            start = i;
        }
        i += 1;
    }
    push_trimmed(out, text, Span::new(start, sentence.end));
}

/// Whether the word at `i` opens a new clause: a clause word, or "and" after a comma and
/// before a subject pronoun.
fn splits_clause(text: &str, start: usize, i: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let w_end = i + bytes[i..end]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    // Compared in place: lower-casing a copy of every word allocated once per word.
    let word = &text[i..w_end];
    CLAUSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
        || (word.eq_ignore_ascii_case("and")
            && comma_before(bytes, start, i)
            && next_is_subject(text, w_end, end))
}

fn comma_before(bytes: &[u8], floor: usize, i: usize) -> bool {
    let mut j = i;
    while j > floor && bytes[j - 1] == b' ' {
        j -= 1;
    }
    j > floor && bytes[j - 1] == b','
}

fn next_is_subject(text: &str, from: usize, end: usize) -> bool {
    let rest = text[from..end].trim_start();
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &rest[..len];
    SUBJECT_PRONOUNS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes a split may begin with: `;` and the first letters of [`CLAUSE_WORDS`] and
    /// "and", in either case.
    const SPLIT_START: [bool; 256] = {
        let mut table = [false; 256];
        table[b';' as usize] = true;
        let mut k = 0;
        while k < CLAUSE_WORDS.len() {
            let first = CLAUSE_WORDS[k].as_bytes()[0];
            table[first as usize] = true;
            table[first.to_ascii_uppercase() as usize] = true;
            k += 1;
        }
        table[b'a' as usize] = true;
        table[b'A' as usize] = true;
        table
    };

    /// Segments with every byte of every sentence read for clause splits: what the clause
    /// marks must give.
    fn by_bytes(text: &str) -> Segments {
        Segments::build(text, &[], |from, end| {
            text.as_bytes()[from..end]
                .iter()
                .position(|&b| SPLIT_START[usize::from(b)])
                .map(|p| from + p)
        })
    }

    #[test]
    fn within_keeps_only_the_segments_a_span_overlaps() {
        let text = "One. Two, three.\n\nFour. Five.\n\nSix.";
        let all = Segments::from_text(text, &[]);
        let at = text.find("Four").unwrap();
        let part = all.within(Span::new(at, at + 4));
        let texts = |spans: &[Span]| spans.iter().map(|s| s.text(text)).collect::<Vec<_>>();
        assert_eq!(texts(&part.paragraphs), ["Four. Five."]);
        assert_eq!(texts(&part.sentences), ["Four."]);
        assert_eq!(part.clauses.len(), 1);
        assert!(all
            .within(Span::new(text.len(), text.len()))
            .sentences
            .is_empty());
    }

    #[test]
    fn clauses_split_at_semicolons_and_clause_words_only_at_word_starts() {
        let text = "Sales rose; costs fell. Prices rose, and they kept rising but wages \
                    stood still. Thousands band together, while Although-ish though, \
                    ALTHOUGH it rained, and\u{a0}it poured; Whereas the band andrew.";
        let clauses: Vec<&str> = Segments::from_text(text, &[])
            .clauses
            .iter()
            .map(|c| c.text(text))
            .collect();
        assert_eq!(
            clauses,
            [
                "Sales rose;",
                "costs fell.",
                "Prices rose,",
                "and they kept rising",
                "but wages stood still.",
                "Thousands band together,",
                "while",
                "Although-ish",
                "though,",
                "ALTHOUGH it rained,",
                "and\u{a0}it poured;",
                "Whereas the band andrew."
            ]
        );
    }

    /// Splitting clauses at the anchor scan's clause marks gives what reading every byte
    /// gives, on every fixture text.
    #[test]
    fn clause_marks_split_as_every_byte_splits() {
        let both = |text: &str| (Segments::from_text(text, &[]), by_bytes(text));
        let crafted = "Sales rose; costs fell, and they kept rising but wages stood still; \
                       a hundred and five, and three and a half, while ALTHOUGH-ish though, \
                       Whereas the band andrew: thousand, and it rained; one and a half";
        let (marked, every) = both(crafted);
        assert!(every.clauses.len() > 8, "{every:?}");
        assert_eq!(marked.clauses, every.clauses);
        let mut clauses = 0;
        for (path, text) in crate::fixture_texts::all() {
            let (marked, every) = both(&text);
            clauses += every.clauses.len();
            assert_eq!(marked.clauses, every.clauses, "{}", path.display());
            assert_eq!(marked.sentences, every.sentences, "{}", path.display());
        }
        assert!(clauses > 3_000, "only {clauses} clauses in the fixtures");
    }

    /// A clause word is no anchor, and no anchor holds a clause word after a space or other
    /// break, where the scan would report the anchor and miss the clause word.
    #[test]
    fn clause_marks_and_anchors_do_not_overlap() {
        for anchor in crate::grammar::anchor_words() {
            assert!(!is_clause_mark(anchor), "{anchor}");
            let lower = anchor.to_lowercase();
            for (i, brk) in lower.match_indices(|c: char| !c.is_ascii_alphanumeric()) {
                let rest = &lower[i + brk.len()..];
                assert!(!clause_marks().any(|m| rest.starts_with(m)), "{anchor}");
            }
        }
    }

    #[test]
    fn no_break_spaces_may_follow_a_sentence_end() {
        let text = "Sales rose in March. \u{a0}Officials expect more.";
        assert_eq!(Segments::from_text(text, &[]).sentences.len(), 2);
    }

    #[test]
    fn overlong_sentences_are_cut_at_spaces() {
        let text = "word ".repeat(700);
        let seg = Segments::from_text(&text, &[]);
        assert!(seg.sentences.len() >= 4, "{}", seg.sentences.len());
        assert!(seg.sentences.iter().all(|s| s.len() <= MAX_SENTENCE));
        assert!(seg
            .sentences
            .iter()
            .all(|s| !text[s.start..s.end].starts_with(' ')));
        // Clauses never cross the cuts.
        assert!(seg
            .clauses
            .iter()
            .all(|c| seg.sentences.iter().any(|s| s.contains(*c))));
    }
}
