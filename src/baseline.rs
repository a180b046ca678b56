//! Baselines: the findings a newsroom accepts when it adopts numcheck on an archive.
//!
//! An entry is keyed by path, rule and the normalized text of every claim the finding used
//! (primary first, then related, in order) — never by line numbers, so edits elsewhere in the
//! article keep old findings matched. Matching counts duplicates: two identical findings in
//! the baseline hide at most two.

use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub claims: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// Lower case, whitespace runs collapsed to one space, typographic quotes and dashes
/// folded, so re-wrapping a paragraph or re-typesetting it keeps the key.
pub fn normalize(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `./a/b.md` and `a\b.md` both become `a/b.md`.
pub fn normalize_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    p.strip_prefix("./").unwrap_or(&p).to_string()
}

/// The key of one finding in a document with text `text`.
pub fn entry(path: &str, text: &str, f: &Finding) -> Entry {
    let span_text = |s: crate::model::Span| normalize(text.get(s.start..s.end).unwrap_or(""));
    let mut claims = vec![span_text(f.primary)];
    claims.extend(f.related.iter().map(|r| span_text(r.span)));
    Entry {
        path: normalize_path(path),
        rule: f.rule.to_string(),
        claims,
    }
}

impl Baseline {
    pub fn new(mut entries: Vec<Entry>) -> Baseline {
        entries.sort();
        Baseline {
            version: 1,
            entries,
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn from_json(json: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if b.version != 1 {
            return Err(format!("unsupported baseline version {}", b.version));
        }
        Ok(b)
    }

    /// A matcher that hides each baselined finding once.
    pub fn matcher(&self) -> Matcher {
        let mut remaining = BTreeMap::new();
        for e in &self.entries {
            *remaining.entry(e.clone()).or_insert(0usize) += 1;
        }
        Matcher { remaining }
    }
}

/// Consumes baseline entries as findings are matched against them.
pub struct Matcher {
    remaining: BTreeMap<Entry, usize>,
}

impl Matcher {
    /// Whether the finding is in the baseline (and so not new).
    pub fn is_known(&mut self, e: &Entry) -> bool {
        match self.remaining.get_mut(e) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Related, Severity, Verdict};
    use crate::model::Span;

    fn finding(primary: Span, related: Span) -> Finding {
        Finding {
            rule: "NUM-SAME-QUANTITY",
            severity: Severity::Warning,
            verdict: Verdict::Inconsistent,
            message: "m".into(),
            primary,
            related: vec![Related {
                span: related,
                label: crate::finding::Role::Earlier,
            }],
            computed: None,
        }
    }

    #[test]
    fn round_trip_and_line_independence() {
        let old = "Intro.\n38 attacks were\nrecorded; later 48  attacks.\n";
        let at = |t: &str, s: &str| Span::new(t.find(s).unwrap(), t.find(s).unwrap() + s.len());
        let f = finding(at(old, "48  attacks"), at(old, "38 attacks"));
        let b = Baseline::new(vec![entry("./a.md", old, &f)]);
        let back = Baseline::from_json(&b.to_json()).unwrap();
        assert_eq!(back, b);
        assert_eq!(back.entries[0].claims, vec!["48 attacks", "38 attacks"]);
        // Two new lines above move every offset and line; the key is the same.
        let new = "New lede.\n\nIntro.\n38 attacks were\nrecorded; later 48 attacks.\n";
        let g = finding(at(new, "48 attacks"), at(new, "38 attacks"));
        let mut m = back.matcher();
        assert!(m.is_known(&entry("a.md", new, &g)));
        assert!(
            !m.is_known(&entry("a.md", new, &g)),
            "each entry hides one finding"
        );
        let changed = "38 attacks; later 58 attacks.";
        let h = finding(at(changed, "58 attacks"), at(changed, "38 attacks"));
        assert!(!back.matcher().is_known(&entry("a.md", changed, &h)));
    }
}
