//! `numcheck.toml`: parsing (unknown keys are errors naming the key and the file) and the
//! settings one file resolves to.
//!
//! ```toml
//! select = ["NUM", "DATE-OFFSET"]     # ids or id prefixes; "ALL" = every rule (default)
//! ignore = ["NUM-EQUAL-COMPARISON"]
//! fail-on = "warning"                 # or "error" (default)
//! reference-date = 2025-03-14         # fallback for files without their own date
//!
//! [severity]
//! NUM-SAME-QUANTITY = "error"
//!
//! [tolerance]                         # semantics.md §10
//! approx = 0.15
//!
//! [per-file-ignores]
//! "archive/**" = ["NUM-HEADLINE-BODY"]
//! ```

use crate::finding::Severity;
use globset::{Glob, GlobMatcher};
use jiff::civil::Date;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name searched upward from each input.
pub const FILE_NAME: &str = "numcheck.toml";

/// A severity as written in configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Note => Severity::Note,
        }
    }
}

/// The lowest severity that makes the exit code 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
}

impl FailOn {
    pub fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
        }
    }
}

/// `[tolerance]` (`semantics.md` §10): the engine's own settings type; unset keys keep the
/// defaults and unknown keys are rejected.
pub use crate::semantics::Tolerances as ToleranceConfig;

/// One `numcheck.toml` as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
    pub fail_on: Option<FailOn>,
    #[serde(default, deserialize_with = "date_value")]
    pub reference_date: Option<Date>,
    pub tolerance: Option<ToleranceConfig>,
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
}

/// A TOML date (`2025-03-14`) or a string holding one.
fn date_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let v = toml::Value::deserialize(d)?;
    let s = match &v {
        toml::Value::Datetime(dt) => dt.to_string(),
        toml::Value::String(s) => s.clone(),
        _ => return Err(serde::de::Error::custom("expected a date like 2025-03-14")),
    };
    s.parse::<Date>()
        .map(Some)
        .map_err(|e| serde::de::Error::custom(format!("invalid date `{s}`: {e}")))
}

impl ConfigFile {
    /// Reads and validates a file; errors name the file.
    pub fn load(path: &Path) -> Result<ConfigFile, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file: ConfigFile = toml::from_str(&text)
            .map_err(|e| format!("{}: {}", path.display(), e.to_string().trim_end()))?;
        let mut ids: Vec<(&str, &String)> = Vec::new();
        ids.extend(file.select.iter().flatten().map(|s| ("select", s)));
        ids.extend(file.ignore.iter().flatten().map(|s| ("ignore", s)));
        ids.extend(file.severity.keys().map(|s| ("severity", s)));
        ids.extend(
            file.per_file_ignores
                .values()
                .flatten()
                .map(|s| ("per-file-ignores", s)),
        );
        for (key, id) in ids {
            if !is_known_selector(id) {
                return Err(format!(
                    "{}: unknown rule `{id}` in `{key}`",
                    path.display()
                ));
            }
        }
        for glob in file.per_file_ignores.keys() {
            Glob::new(glob).map_err(|e| format!("{}: per-file-ignores: {e}", path.display()))?;
        }
        Ok(file)
    }
}

/// Every rule id, the registry's and the engine's.
pub fn all_rule_ids() -> Vec<&'static str> {
    crate::rules::registry().iter().map(|r| r.id()).collect()
}

/// `ALL`, a rule id, or a prefix of ids ending before a hyphen (`NUM`, `NUM-PCT`).
pub fn selector_matches(selector: &str, id: &str) -> bool {
    selector.eq_ignore_ascii_case("ALL")
        || id.eq_ignore_ascii_case(selector)
        || (id.len() > selector.len()
            && id.as_bytes()[selector.len()] == b'-'
            && id[..selector.len()].eq_ignore_ascii_case(selector))
}

pub fn is_known_selector(selector: &str) -> bool {
    all_rule_ids()
        .iter()
        .any(|id| selector_matches(selector, id))
}

/// What the command line sets; it wins over every file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
}

/// The settings that apply to files under one configuration (or none).
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The file these came from.
    pub source: Option<PathBuf>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub fail_on: FailOn,
    pub reference_date: Option<Date>,
    pub tolerance: ToleranceConfig,
    /// Globs relative to the configuration's directory.
    per_file_ignores: Vec<(String, GlobMatcher, Vec<String>)>,
    base: PathBuf,
}

impl Resolved {
    pub fn new(file: Option<(PathBuf, ConfigFile)>, overrides: &Overrides) -> Resolved {
        let (source, file) = match file {
            Some((p, f)) => (Some(p), f),
            None => (None, ConfigFile::default()),
        };
        let base = source
            .as_deref()
            .and_then(Path::parent)
            .map(absolute)
            .unwrap_or_default();
        let per_file_ignores = file
            .per_file_ignores
            .into_iter()
            .filter_map(|(g, ids)| Some((g.clone(), Glob::new(&g).ok()?.compile_matcher(), ids)))
            .collect();
        let mut ignore = file.ignore.unwrap_or_default();
        ignore.extend(overrides.extend_ignore.iter().cloned());
        Resolved {
            source,
            select: overrides
                .select
                .clone()
                .or(file.select)
                .unwrap_or_else(|| vec!["ALL".to_string()]),
            ignore,
            severity: file
                .severity
                .into_iter()
                .map(|(k, v)| (k.to_ascii_uppercase(), v.into()))
                .collect(),
            fail_on: overrides.fail_on.or(file.fail_on).unwrap_or_default(),
            reference_date: file.reference_date,
            tolerance: file.tolerance.unwrap_or_default(),
            per_file_ignores,
            base,
        }
    }

    /// Whether a rule runs at all (select / ignore).
    pub fn enabled(&self, id: &str) -> bool {
        self.select.iter().any(|s| selector_matches(s, id))
            && !self.ignore.iter().any(|s| selector_matches(s, id))
    }

    /// Whether a rule runs on this file (adds `per-file-ignores`).
    pub fn enabled_for(&self, id: &str, path: &Path) -> bool {
        self.enabled(id)
            && !self
                .ignored_for(path)
                .iter()
                .any(|s| selector_matches(s, id))
    }

    fn ignored_for(&self, path: &Path) -> Vec<&str> {
        let abs = absolute(path);
        let rel = abs.strip_prefix(&self.base).unwrap_or(path);
        self.per_file_ignores
            .iter()
            .filter(|(_, m, _)| m.is_match(rel) || m.is_match(path))
            .flat_map(|(_, _, ids)| ids.iter().map(String::as_str))
            .collect()
    }

    /// The configured severity of a rule, or its own.
    pub fn severity_of(&self, id: &str, default: Severity) -> Severity {
        self.severity.get(id).copied().unwrap_or(default)
    }

    /// The resolved settings as TOML, for `numcheck config`.
    pub fn to_toml(&self) -> String {
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|s| format!("{s:?}")).collect();
            format!("[{}]", items.join(", "))
        };
        let mut out = String::new();
        match &self.source {
            Some(p) => out.push_str(&format!("# from {}\n", p.display())),
            None => out.push_str("# no numcheck.toml: defaults\n"),
        }
        out.push_str(&format!("select = {}\n", list(&self.select)));
        out.push_str(&format!("ignore = {}\n", list(&self.ignore)));
        out.push_str(&format!("fail-on = \"{}\"\n", self.fail_on.as_str()));
        match self.reference_date {
            Some(d) => out.push_str(&format!("reference-date = {d}\n")),
            None => out.push_str("# reference-date: not set\n"),
        }
        out.push_str("\n[severity]\n");
        for (id, s) in &self.severity {
            out.push_str(&format!("{id} = \"{}\"\n", s.as_str()));
        }
        out.push_str("\n[tolerance]\n");
        for (k, v) in self.tolerance.entries() {
            out.push_str(&format!("{k} = {v}\n"));
        }
        out.push_str("\n[per-file-ignores]\n");
        for (g, _, ids) in &self.per_file_ignores {
            out.push_str(&format!("{g:?} = {}\n", list(ids)));
        }
        out
    }
}

/// The absolute form of a path; the empty path (the parent of a bare file name) is the
/// working directory.
fn absolute(path: &Path) -> PathBuf {
    if path.as_os_str().is_empty() {
        return std::env::current_dir().unwrap_or_default();
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The nearest `numcheck.toml` in `dir` or its ancestors, relative to the working
/// directory when it lies below it (so messages show short, stable paths).
pub fn find_upward(dir: &Path) -> Option<PathBuf> {
    let abs = absolute(dir);
    let found = abs
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())?;
    let cwd = std::env::current_dir().unwrap_or_default();
    Some(
        found
            .strip_prefix(&cwd)
            .map(Path::to_path_buf)
            .unwrap_or(found),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn parse(s: &str) -> Result<ConfigFile, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, s).map_err(|e| e.to_string())?;
        ConfigFile::load(&p)
    }

    #[test]
    fn unknown_keys_name_the_key_and_file() {
        let e = parse("selekt = [\"NUM\"]\n").unwrap_err();
        assert!(e.contains("selekt") && e.contains(FILE_NAME), "{e}");
        let e = parse("[tolerance]\napprox = 0.2\nround = 1\n").unwrap_err();
        assert!(e.contains("round"), "{e}");
        let e = parse("ignore = [\"NUM-NOPE\"]\n").unwrap_err();
        assert!(e.contains("NUM-NOPE"), "{e}");
    }

    #[test]
    fn keys_resolve() {
        let f = parse("select = [\"NUM\"]\nfail-on = \"warning\"\nreference-date = 2025-03-14\n[severity]\nNUM-UNUSED-SUPPRESSION = \"error\"\n[tolerance]\napprox = 0.15\n").unwrap();
        let r = Resolved::new(
            Some((PathBuf::from("/x/numcheck.toml"), f)),
            &Overrides::default(),
        );
        assert_eq!(r.fail_on, FailOn::Warning);
        assert_eq!(
            r.reference_date.map(|d| d.to_string()),
            Some("2025-03-14".into())
        );
        assert!(r.enabled("NUM-UNUSED-SUPPRESSION"));
        assert!(!r.enabled("DATE-OFFSET"));
        assert_eq!(
            r.severity_of("NUM-UNUSED-SUPPRESSION", Severity::Warning),
            Severity::Error
        );
        assert_eq!(r.tolerance.approx, Decimal::new(15, 2));
        assert!(r.to_toml().contains("approx = 0.15"));
    }

    #[test]
    fn selectors_match_ids_and_prefixes() {
        assert!(selector_matches("NUM", "NUM-PCT-CHANGE"));
        assert!(selector_matches("num-pct", "NUM-PCT-CHANGE"));
        assert!(!selector_matches("NUM-PC", "NUM-PCT-CHANGE"));
        assert!(selector_matches("ALL", "DATE-OFFSET"));
    }

    #[test]
    fn per_file_ignores_match_relative_to_the_config() {
        let f = ConfigFile {
            per_file_ignores: [("archive/**".to_string(), vec!["NUM".to_string()])].into(),
            ..ConfigFile::default()
        };
        let r = Resolved::new(
            Some((PathBuf::from("/base/numcheck.toml"), f)),
            &Overrides::default(),
        );
        assert!(!r.enabled_for("NUM-X", Path::new("/base/archive/a.md")));
        assert!(r.enabled_for("NUM-X", Path::new("/base/new/a.md")));
    }
}
