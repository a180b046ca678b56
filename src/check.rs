//! Running the rules over one document.

use crate::extract::extract_with;
use crate::extract::segment::Segments;
use crate::limits;
use crate::model::{Claim, Span};
use crate::report::Finding;
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
    /// Analyses several rules share, computed once per document on first use.
    memo: Memo<'a>,
}

/// Per-document results shared by rules (the change relations feed six rules, their owners
/// three, the multiples two, the claims by sentence seven, the mentions by head two, the resolved claims two).
struct Memo<'a> {
    changes: OnceLock<Vec<crate::rules::change::Change>>,
    change_owners: OnceLock<Vec<Option<crate::rules::change::Owner>>>,
    multiples: OnceLock<Vec<crate::rules::change::Multiple>>,
    claim_sentences: OnceLock<Vec<crate::rules::parts::Sentence>>,
    mentions: OnceLock<Mentions<'a>>,
    resolved_claims: OnceLock<Vec<Claim>>,
}

/// Mentions of counted things, bucketed by canonical head ([`crate::rules::pairing::by_head`]).
pub type Mentions<'a> = BTreeMap<String, Vec<crate::rules::pairing::Mention<'a>>>;

impl Default for Memo<'_> {
    fn default() -> Self {
        Memo {
            changes: OnceLock::new(),
            change_owners: OnceLock::new(),
            multiples: OnceLock::new(),
            claim_sentences: OnceLock::new(),
            mentions: OnceLock::new(),
            resolved_claims: OnceLock::new(),
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
        }
    }

    /// The change relations of the document ([`crate::rules::change::changes`]), computed once.
    pub fn changes(&self) -> &[crate::rules::change::Change] {
        self.memo
            .changes
            .get_or_init(|| crate::rules::change::changes(self))
    }

    /// The rule that owns each change of [`Context::changes`]
    /// ([`crate::rules::change::owner`]), computed once: three rules ask.
    pub fn change_owners(&self) -> &[Option<crate::rules::change::Owner>] {
        self.memo.change_owners.get_or_init(|| {
            self.changes()
                .iter()
                .map(|c| crate::rules::change::owner(self, c))
                .collect()
        })
    }

    /// The multiples of the document ([`crate::rules::change::multiples`]), computed once.
    pub fn multiples(&self) -> &[crate::rules::change::Multiple] {
        self.memo
            .multiples
            .get_or_init(|| crate::rules::change::multiples(self))
    }

    /// The claims grouped by sentence ([`crate::rules::parts::group_by_sentence`]),
    /// computed once.
    pub fn claim_sentences(&self) -> &[crate::rules::parts::Sentence] {
        self.memo
            .claim_sentences
            .get_or_init(|| crate::rules::parts::group_by_sentence(self))
    }

    /// The count mentions by head ([`crate::rules::pairing::by_head`]), computed once.
    pub fn mentions(&self) -> &Mentions<'a> {
        self.memo
            .mentions
            .get_or_init(|| crate::rules::pairing::by_head(self))
    }

    /// The claims with relative dates resolved against the reference date
    /// ([`crate::extract::resolve::resolved_claims`]); without a reference date nothing
    /// resolves and they are the claims themselves.
    pub fn resolved_claims(&self) -> &[Claim] {
        if self.settings.reference_date.is_none() {
            return self.claims;
        }
        self.memo
            .resolved_claims
            .get_or_init(|| crate::extract::resolve::resolved_claims(self))
    }

    /// The original text of a span.
    pub fn text(&self, span: crate::model::Span) -> &str {
        span.text(&self.doc.text)
    }
}

/// The claims and the findings for one document, findings sorted by start offset, rule id
/// and end offset. Over [`limits::MAX_CLAIMS_CROSS_CHECKED`] claims the rules check within
/// paragraphs only, and a note says so.
pub fn check_document(doc: &Document, settings: &Settings) -> (Vec<Claim>, Vec<Finding>) {
    let segments = Segments::new(doc);
    let claims = extract_with(doc, &segments);
    let passes = limits::passes(&claims, |at| segments.paragraph_of(at).map(|(i, _)| i));
    let mut findings = Vec::new();
    if passes.len() > 1 {
        findings.push(limits::note(&claims));
    }
    let whole_document = passes.len() == 1;
    for pass in passes {
        let pass_claims = &claims[pass];
        // A pass over part of the document walks only the segments its claims lie in: rules
        // iterate over sentences, and every pass walking all of them would be quadratic.
        let pass_segments;
        let segments = if whole_document {
            &segments
        } else {
            let Some(first) = pass_claims.first() else {
                continue;
            };
            let end = pass_claims
                .iter()
                .map(|c| c.span.end)
                .max()
                .unwrap_or(first.span.end);
            let covered = Span::new(first.span.start, end);
            pass_segments = segments.within(covered);
            &pass_segments
        };
        let ctx = Context::new(doc, pass_claims, segments, settings);
        for rule in crate::rules::registry() {
            rule.check(&ctx, &mut findings);
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (claims, findings)
}
