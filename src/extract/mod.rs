//! Extraction: find candidate positions, run the grammar there, then attach what each number
//! counts and the scope it lives in.

pub mod attach;
mod attribution;
pub mod key;
mod lexicon;
mod names;
/// The singular of a lower-case noun, for rules that read nouns the grammar does not attach.
pub use lexicon::singular;
pub mod resolve;
mod scan;
pub use scan::Marks;
pub mod segment;
mod tokens;

use crate::model::{Claim, Span};
use crate::source::Document;

/// All claims of a document, in order of start offset, with spans into the original text.
pub fn extract(doc: &Document) -> Vec<Claim> {
    extract_document(doc).claims
}

/// What one scan of a document finds.
pub struct Extraction {
    /// The claims, as [`extract`] gives them.
    pub claims: Vec<Claim>,
    /// Paragraphs, sentences and clauses, split with the scan's clause marks.
    pub segments: segment::Segments,
    /// Where the words of the masked text that may read as numbers begin
    /// ([`Marks::figure_words`]); the clause marks were spent on the segments.
    pub figure_words: Vec<usize>,
}

/// [`extract`], keeping what the checker needs too: the segments (attachment reads them
/// first) and the figure words the scan noted.
pub fn extract_document(doc: &Document) -> Extraction {
    let mut claims = Vec::new();
    let marks = scan::scan(doc.masked(), |start, parsed| {
        let span = Span::new(start, start + parsed.len);
        let mut claim = Claim::new(span, parsed.kind, parsed.quantity);
        claim.hedge = parsed.hedge;
        claim.unit = parsed.unit;
        claim.flags = parsed.flags;
        claim.in_heading = doc.in_heading(span);
        claims.push(claim);
    });
    let segments = segment::Segments::from_marks(doc.masked(), &doc.headings, &marks.clause_marks);
    resolve::resolve(&mut claims, &doc.text, None);
    attach::attach(doc.masked(), &segments, &mut claims);
    // After attaching, so that a figure that counts something is known to.
    claims.retain(|c| !names::is_name(doc.masked(), c));
    for claim in &mut claims {
        claim.scope.shrink();
        // "20&#37;" reads "20%" from the reference's first byte: the claim's span takes the
        // whole reference, so that sliced from the original it decodes to what was read.
        claim.span = doc.widen_to_references(claim.span);
    }
    Extraction {
        claims,
        segments,
        figure_words: marks.figure_words,
    }
}
