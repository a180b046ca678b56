//! numcheck for Python: the library's one entry point ([`numcheck::check::check_text`])
//! behind four functions. Results cross the boundary as the JSON of `json.md`, which the
//! Python side parses, so a finding is byte for byte what `numcheck check` prints.

use numcheck::check::{self, Options};
use numcheck::report::claim_json::ClaimJson;
use numcheck::report::render::json::FindingsJson;
use numcheck::source::{Document, Format};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What one call asks for, validated before any text is read.
struct Request {
    format: Format,
    options: Options,
}

impl Request {
    fn new(
        format: &str,
        date: Option<&str>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        show_consistent: bool,
    ) -> PyResult<Request> {
        let format = Format::from_name(format).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown format {format:?}: expected \"plain\", \"markdown\" or \"html\""
            ))
        })?;
        let date = date
            .map(|d| {
                d.parse::<jiff::civil::Date>().map_err(|e| {
                    PyValueError::new_err(format!("invalid date {d:?} (expected YYYY-MM-DD): {e}"))
                })
            })
            .transpose()?;
        let options = Options {
            date,
            select,
            ignore: ignore.unwrap_or_default(),
            show_consistent,
        };
        // Selectors are checked once here, so a bad one is a ValueError even for no texts.
        check::check_text("<check>", String::new(), format, &options)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Request { format, options })
    }

    /// The findings of one text as a JSON array; `Err` only if the engine panicked.
    fn check(&self, text: String) -> Result<String, String> {
        guarded(|| {
            let checked = check::check_text("<string>", text, self.format, &self.options)
                .expect("selectors were validated");
            let findings = FindingsJson {
                doc: &checked.doc,
                findings: &checked.findings,
            };
            serde_json::to_string(&findings).unwrap_or_else(|_| "[]".into())
        })
    }
}

/// Runs `f`, turning a panic into an error message: nothing may unwind into Python.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!("numcheck failed on this text (please report it): {what}")
    })
}

fn runtime(e: String) -> PyErr {
    PyRuntimeError::new_err(e)
}

#[pyfunction]
#[pyo3(signature = (text, format="plain", date=None, select=None, ignore=None, show_consistent=false))]
fn check_json(
    py: Python<'_>,
    text: String,
    format: &str,
    date: Option<&str>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    show_consistent: bool,
) -> PyResult<String> {
    let request = Request::new(format, date, select, ignore, show_consistent)?;
    py.detach(|| request.check(text)).map_err(runtime)
}

#[pyfunction]
#[pyo3(signature = (texts, format="plain", date=None, select=None, ignore=None, show_consistent=false, threads=None))]
#[allow(clippy::too_many_arguments)]
fn check_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    format: &str,
    date: Option<&str>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    show_consistent: bool,
    threads: Option<usize>,
) -> PyResult<Vec<String>> {
    let request = Request::new(format, date, select, ignore, show_consistent)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| runtime(e.to_string()))?;
    // The GIL is released while the pool works, so other Python threads go on.
    py.detach(|| {
        pool.install(|| {
            texts
                .into_par_iter()
                .map(|t| request.check(t))
                .collect::<Result<Vec<_>, _>>()
        })
    })
    .map_err(runtime)
}

#[pyfunction]
#[pyo3(signature = (text, format="plain"))]
fn extract_json(py: Python<'_>, text: String, format: &str) -> PyResult<String> {
    let format = Format::from_name(format).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown format {format:?}: expected \"plain\", \"markdown\" or \"html\""
        ))
    })?;
    py.detach(|| {
        guarded(|| {
            let doc = Document::new("<string>", text, format);
            let claims = numcheck::extract::extract(&doc);
            let json: Vec<ClaimJson> = claims.iter().map(|c| ClaimJson::new(&doc, c)).collect();
            serde_json::to_string(&json).unwrap_or_else(|_| "[]".into())
        })
    })
    .map_err(runtime)
}

/// `[(id, summary, docs)]` for every rule, engine rules included.
#[pyfunction]
fn rules_list() -> Vec<(String, String, String)> {
    numcheck::rules::registry()
        .iter()
        .map(|r| {
            (
                r.id().into(),
                r.summary().into(),
                numcheck::rules::docs_text(*r),
            )
        })
        .collect()
}

#[pymodule]
fn _numcheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", numcheck::VERSION)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(rules_list, m)?)?;
    Ok(())
}
