//! Hover on a claim: how numcheck read it.

use super::analysis::Analysis;
use crate::report::claim_json::{decimal_string, ClaimJson};
use crate::semantics::interval::Interval;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use std::fmt::Write;

/// The reading of the claim under `pos`, or `None` when no claim is there. A cursor right
/// after a claim's last character still counts as on it, as editors place it after a click.
pub fn hover(analysis: &Analysis, pos: Position) -> Option<Hover> {
    let text = &analysis.checked.doc.text;
    let at = analysis.lines.offset(text, pos);
    let claim = analysis
        .checked
        .claims
        .iter()
        .find(|c| c.span.start <= at && at < c.span.end)
        .or_else(|| analysis.checked.claims.iter().find(|c| c.span.end == at))?;
    let json = ClaimJson::new(&analysis.checked.doc, claim);
    let mut md = format!("**{}** — {}", json.text, json.kind);
    line(&mut md, "value", json.value.as_deref());
    if let (Some(low), Some(high)) = (&json.low, &json.high) {
        line(&mut md, "stated range", Some(&format!("{low} to {high}")));
    }
    line(&mut md, "unit", json.unit);
    let tolerances = &analysis.checked.resolved.tolerance;
    if let Some(r) = crate::semantics::reading(claim, tolerances) {
        line(&mut md, "strict interval", Some(&interval(&r.strict)));
        line(
            &mut md,
            "permissive interval",
            Some(&interval(&r.permissive)),
        );
    }
    line(&mut md, "hedge", Some(json.hedge));
    line(&mut md, "counts", json.counted);
    line(&mut md, "head noun", json.head);
    line(&mut md, "of", json.of);
    line(&mut md, "resolves to", json.resolved.as_deref());
    let scope = &*claim.scope;
    line(&mut md, "owner", scope.owner_text(text).as_deref());
    line(&mut md, "place", scope.place_text(text));
    line(&mut md, "time", scope.time_text(text));
    if !scope.qualifiers.is_empty() {
        line(
            &mut md,
            "qualifiers",
            Some(&scope.qualifier_texts(text).join(", ")),
        );
    }
    line(&mut md, "source", scope.source_text(text));
    if json.in_heading {
        md.push_str("\n- in a heading");
    }
    if json.malformed {
        md.push_str("\n- malformed: left out of the arithmetic");
    }
    if json.too_large {
        md.push_str("\n- too large: left out of the arithmetic");
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: md,
        }),
        range: Some(analysis.lines.range(text, claim.span.start, claim.span.end)),
    })
}

fn line(md: &mut String, label: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = write!(md, "\n- {label}: {v}");
    }
}

/// `[810, 990]`, with `(`/`)` for open ends and ∞ for unbounded ones.
fn interval(iv: &Interval) -> String {
    let low = iv.low.map(decimal_string).unwrap_or_else(|| "-∞".into());
    let high = iv.high.map(decimal_string).unwrap_or_else(|| "∞".into());
    let open = if iv.low_open || iv.low.is_none() {
        '('
    } else {
        '['
    };
    let close = if iv.high_open || iv.high.is_none() {
        ')'
    } else {
        ']'
    };
    format!("{open}{low}, {high}{close}")
}
