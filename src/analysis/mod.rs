//! The per-document analysis the rules read: the [`Context`] of one pass (document, claims,
//! segments, settings) and the analyses several rules share — change relations and
//! multiples ([`change`]), claims by sentence and part/total readings ([`parts`]), count
//! mentions by head ([`pairing`]), years and ages on a timeline ([`timeline`]), what a figure
//! is counted per ([`per_unit`]) — each built once per pass on first use.
//!
//! It sits below `rules` and above `extract`: nothing here imports a rule or `check`.

pub mod change;
pub mod pairing;
pub mod parts;
pub mod per_unit;
pub mod timeline;
pub mod written;

use crate::extract::segment::Segments;
use crate::extract::Marks;
use crate::model::Claim;
use crate::source::Document;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Settings that change what the rules conclude.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The date the article speaks from (`semantics.md` §8); never the wall clock.
    pub reference_date: Option<Date>,
    /// The `[tolerance]` table of `numcheck.toml` (`semantics.md` §10).
    pub tolerances: crate::semantics::Tolerances,
    /// Also report checks that passed (verdict `consistent`) where the severity policy
    /// (`semantics.md` §7.5) would keep them quiet.
    pub show_consistent: bool,
}

/// What a rule sees of one document.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub claims: &'a [Claim],
    /// Paragraphs, sentences and clauses, for binding (`semantics.md` §7.1).
    pub segments: &'a Segments,
    pub settings: &'a Settings,
    /// Analyses several rules share, computed once per pass on first use.
    memo: Memo<'a>,
    /// Indexes of the whole text, shared by every pass over the document.
    document: Option<&'a DocumentMemo>,
}

/// Indexes of a document's text that do not depend on the claims of a pass: built once
/// however many passes ([`crate::limits::passes`]) the rules make over the document.
pub struct DocumentMemo {
    figure_words: Vec<usize>,
    written_numbers: OnceLock<crate::analysis::written::WrittenNumbers>,
}

impl DocumentMemo {
    /// The indexes of a document in whose masked text the anchor scan noted `figure_words`
    /// ([`Marks::figure_words`]).
    pub fn new(figure_words: Vec<usize>) -> DocumentMemo {
        DocumentMemo {
            figure_words,
            written_numbers: OnceLock::new(),
        }
    }
}

/// Per-document results that several rules read, each computed on first use.
struct Memo<'a> {
    changes: OnceLock<Vec<crate::analysis::change::Change>>,
    change_owners: OnceLock<Vec<Option<crate::analysis::change::Owner>>>,
    multiples: OnceLock<Vec<crate::analysis::change::Multiple>>,
    claim_sentences: OnceLock<Vec<crate::analysis::parts::Sentence>>,
    mentions: OnceLock<Mentions<'a>>,
    resolved_claims: OnceLock<Vec<Claim>>,
    figure_words: OnceLock<Vec<usize>>,
    written_numbers: OnceLock<crate::analysis::written::WrittenNumbers>,
    year_spans: OnceLock<Vec<crate::model::Span>>,
    /// What each claim is counted per ([`crate::analysis::per_unit::per_of`]), by claim index.
    per_of: OnceLock<Vec<OnceLock<Option<crate::analysis::per_unit::Per>>>>,
}

/// Mentions of counted things, bucketed by canonical head ([`crate::analysis::pairing::by_head`]).
pub type Mentions<'a> = BTreeMap<String, Vec<crate::analysis::pairing::Mention<'a>>>;

impl Default for Memo<'_> {
    fn default() -> Self {
        Memo {
            changes: OnceLock::new(),
            change_owners: OnceLock::new(),
            multiples: OnceLock::new(),
            claim_sentences: OnceLock::new(),
            mentions: OnceLock::new(),
            resolved_claims: OnceLock::new(),
            figure_words: OnceLock::new(),
            written_numbers: OnceLock::new(),
            year_spans: OnceLock::new(),
            per_of: OnceLock::new(),
        }
    }
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        claims: &'a [Claim],
        segments: &'a Segments,
        settings: &'a Settings,
    ) -> Context<'a> {
        Context {
            doc,
            claims,
            segments,
            settings,
            memo: Memo::default(),
            document: None,
        }
    }

    /// A context for one of several passes over `doc`, sharing `document`'s indexes with
    /// the others.
    pub fn for_pass(
        doc: &'a Document,
        claims: &'a [Claim],
        segments: &'a Segments,
        settings: &'a Settings,
        document: &'a DocumentMemo,
    ) -> Context<'a> {
        Context {
            document: Some(document),
            ..Context::new(doc, claims, segments, settings)
        }
    }

    /// The change relations of the document ([`crate::analysis::change::changes`]), computed once.
    pub fn changes(&self) -> &[crate::analysis::change::Change] {
        self.memo
            .changes
            .get_or_init(|| crate::analysis::change::changes(self))
    }

    /// The rule that owns each change of [`Context::changes`]
    /// ([`crate::analysis::change::owner`]), computed once.
    pub fn change_owners(&self) -> &[Option<crate::analysis::change::Owner>] {
        self.memo.change_owners.get_or_init(|| {
            self.changes()
                .iter()
                .map(|c| crate::analysis::change::owner(self, c))
                .collect()
        })
    }

    /// The multiples of the document ([`crate::analysis::change::multiples`]), computed once.
    pub fn multiples(&self) -> &[crate::analysis::change::Multiple] {
        self.memo
            .multiples
            .get_or_init(|| crate::analysis::change::multiples(self))
    }

    /// The claims grouped by sentence ([`crate::analysis::parts::group_by_sentence`]),
    /// computed once.
    pub fn claim_sentences(&self) -> &[crate::analysis::parts::Sentence] {
        self.memo
            .claim_sentences
            .get_or_init(|| crate::analysis::parts::group_by_sentence(self))
    }

    /// The count mentions by head ([`crate::analysis::pairing::by_head`]), computed once.
    pub fn mentions(&self) -> &Mentions<'a> {
        self.memo
            .mentions
            .get_or_init(|| crate::analysis::pairing::by_head(self))
    }

    /// The claims with relative dates resolved against the reference date
    /// ([`crate::extract::resolve::resolved_claims`]); without a reference date nothing
    /// resolves and they are the claims themselves.
    pub fn resolved_claims(&self) -> &[Claim] {
        if self.settings.reference_date.is_none() {
            return self.claims;
        }
        self.memo.resolved_claims.get_or_init(|| {
            crate::extract::resolve::resolved_claims(
                self.claims,
                &self.doc.text,
                self.settings.reference_date,
            )
        })
    }

    /// Where the words of the masked text that may read as numbers begin
    /// ([`Marks::figure_words`]): the scan's own, or, for a context built without them,
    /// found by the same scan on first use.
    pub fn figure_words(&self) -> &[usize] {
        match self.document {
            Some(document) => &document.figure_words,
            None => self
                .memo
                .figure_words
                .get_or_init(|| Marks::of(self.doc.masked()).figure_words),
        }
    }

    /// The words of the document's prose (its masked text) that read as numbers
    /// ([`crate::analysis::written`]), indexed once.
    pub fn written_numbers(&self) -> &crate::analysis::written::WrittenNumbers {
        let cell = match self.document {
            Some(document) => &document.written_numbers,
            None => &self.memo.written_numbers,
        };
        cell.get_or_init(|| {
            crate::analysis::written::WrittenNumbers::new(self.doc.masked(), self.figure_words())
        })
    }

    /// The spans of the claims of kind [`crate::model::Kind::Year`], sorted by start.
    pub fn year_spans(&self) -> &[crate::model::Span] {
        self.memo.year_spans.get_or_init(|| {
            let mut spans: Vec<crate::model::Span> = self
                .claims
                .iter()
                .filter(|c| c.kind == crate::model::Kind::Year)
                .map(|c| c.span)
                .collect();
            spans.sort_by_key(|s| (s.start, s.end));
            spans
        })
    }

    /// The cell that remembers what claim `i` is counted per, for
    /// [`crate::analysis::per_unit::per_of`].
    pub(crate) fn per_of_cell(
        &self,
        i: usize,
    ) -> Option<&OnceLock<Option<crate::analysis::per_unit::Per>>> {
        self.memo
            .per_of
            .get_or_init(|| (0..self.claims.len()).map(|_| OnceLock::new()).collect())
            .get(i)
    }

    /// The original text of a span.
    pub fn text(&self, span: crate::model::Span) -> &str {
        span.text(&self.doc.text)
    }
}
