//! What the client sets (`initializationOptions`) and what `numcheck.toml` sets, resolved
//! per document the way `numcheck check` resolves them per file.

use crate::config::{find_upward, is_known_selector, ConfigFile, Overrides, Resolved};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How long an edit waits for the next one before the document is checked.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(300);

/// `initializationOptions`, all optional (camelCase, as editors' settings are).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitOptions {
    /// The reference date (`YYYY-MM-DD`) for documents that give none and whose
    /// `numcheck.toml` sets none.
    #[serde(default, deserialize_with = "date_string")]
    pub reference_date: Option<Date>,
    /// Also publish notes (checks that passed, derived values) as information diagnostics.
    #[serde(default, alias = "notes")]
    pub show_consistent: bool,
    /// Rule selectors, as `--select` (replaces the configuration's `select`).
    pub select: Option<Vec<String>>,
    /// Rule selectors, as `--ignore` (added to the configuration's `ignore`).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Milliseconds an edit waits for the next one (default 300).
    pub debounce_ms: Option<u64>,
    /// Ignore every `numcheck.toml`, as `--isolated`.
    #[serde(default)]
    pub isolated: bool,
}

/// `"2025-06-01"` → a date (jiff is built without serde).
fn date_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    s.map(|s| s.parse::<Date>().map_err(serde::de::Error::custom))
        .transpose()
}

impl InitOptions {
    /// Reads the options; a null or absent value is the defaults. Unknown keys and unknown
    /// rule selectors are errors, as they are on the command line.
    pub fn parse(value: Option<serde_json::Value>) -> Result<InitOptions, String> {
        let options: InitOptions = match value {
            None | Some(serde_json::Value::Null) => InitOptions::default(),
            Some(v) => {
                serde_json::from_value(v).map_err(|e| format!("initializationOptions: {e}"))?
            }
        };
        let selectors = options.select.iter().flatten().chain(&options.ignore);
        if let Some(bad) = selectors.into_iter().find(|s| !is_known_selector(s)) {
            return Err(format!(
                "initializationOptions: unknown rule selector `{bad}`"
            ));
        }
        Ok(options)
    }

    pub fn debounce(&self) -> Duration {
        self.debounce_ms
            .map(Duration::from_millis)
            .unwrap_or(DEFAULT_DEBOUNCE)
    }

    fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            extend_ignore: self.ignore.clone(),
            fail_on: None,
        }
    }
}

/// The settings of every directory seen so far, until a `numcheck.toml` changes.
pub struct Configs {
    options: InitOptions,
    by_dir: BTreeMap<PathBuf, Arc<Resolved>>,
}

impl Configs {
    pub fn new(options: InitOptions) -> Configs {
        Configs {
            options,
            by_dir: BTreeMap::new(),
        }
    }

    pub fn options(&self) -> &InitOptions {
        &self.options
    }

    /// Forgets every loaded configuration (one was created, changed or deleted).
    pub fn clear(&mut self) {
        self.by_dir.clear();
    }

    /// The settings for a document on disk at `path` (`None`: not a file, so no
    /// `numcheck.toml` applies), and an error to show when its `numcheck.toml` is invalid
    /// (the defaults are used then, so the document is still checked).
    pub fn for_path(&mut self, path: Option<&Path>) -> (Arc<Resolved>, Option<String>) {
        let dir = path
            .and_then(Path::parent)
            .filter(|_| !self.options.isolated);
        let Some(dir) = dir else {
            return (self.resolve(None), None);
        };
        if let Some(r) = self.by_dir.get(dir) {
            return (r.clone(), None);
        }
        let (resolved, error) = match find_upward(dir) {
            None => (self.resolve(None), None),
            Some(file) => match ConfigFile::load(&file) {
                Ok(config) => (self.resolve(Some((file, config))), None),
                Err(e) => (self.resolve(None), Some(e)),
            },
        };
        // An invalid file is not cached: the next check reads it again, so the error shows
        // until it is fixed even if the editor does not report the change.
        if error.is_none() {
            self.by_dir.insert(dir.to_path_buf(), resolved.clone());
        }
        (resolved, error)
    }

    /// The client's reference date comes last: after the document's own and the
    /// configuration's (the pipeline tries the document before `Resolved::reference_date`).
    fn resolve(&self, file: Option<(PathBuf, ConfigFile)>) -> Arc<Resolved> {
        let mut resolved = Resolved::new(file, &self.options.overrides());
        if resolved.reference_date.is_none() {
            resolved.reference_date = self.options.reference_date;
        }
        Arc::new(resolved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_camel_case_and_reject_unknown_rules() {
        let v = serde_json::json!({"referenceDate": "2025-06-01", "showConsistent": true, "debounceMs": 0});
        let o = InitOptions::parse(Some(v)).unwrap();
        assert_eq!(o.reference_date, Some(jiff::civil::date(2025, 6, 1)));
        assert!(o.show_consistent);
        assert_eq!(o.debounce(), Duration::ZERO);
        assert!(InitOptions::parse(Some(serde_json::json!({"select": ["NUM-NOPE"]}))).is_err());
        assert!(InitOptions::parse(Some(serde_json::json!({"colour": 1}))).is_err());
        assert_eq!(
            InitOptions::parse(None).unwrap().debounce(),
            DEFAULT_DEBOUNCE
        );
    }

    #[test]
    fn configuration_date_wins_over_the_clients() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("numcheck.toml"),
            "reference-date = 2024-01-02\n",
        )
        .unwrap();
        let options = InitOptions {
            reference_date: Some(jiff::civil::date(2025, 6, 1)),
            ..InitOptions::default()
        };
        let mut configs = Configs::new(options);
        let (r, err) = configs.for_path(Some(&dir.path().join("a.md")));
        assert_eq!(err, None);
        assert_eq!(r.reference_date, Some(jiff::civil::date(2024, 1, 2)));
        let (r, _) = configs.for_path(None);
        assert_eq!(r.reference_date, Some(jiff::civil::date(2025, 6, 1)));
    }
}
