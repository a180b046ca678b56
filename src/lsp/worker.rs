//! The thread that runs checks, so the main loop keeps answering while one runs.
//!
//! The engine cannot be interrupted inside a check, so "a newer version cancels an older
//! run" happens at the two points where it can: a queued job is replaced by a newer job for
//! the same document before it starts, and a result for an outdated version is dropped by
//! the main loop instead of being published.

use super::analysis::{analyze, Analysis, Job};
use crossbeam_channel::{Receiver, Sender};
use lsp_types::Uri;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::thread;

/// A check that panicked: which document and version, and the panic's message.
pub struct Failure {
    pub uri: Uri,
    pub version: i32,
    pub message: String,
}

pub type Outcome = Result<Analysis, Failure>;

/// Fault injection for the tests: a check of a text containing this string panics, so the
/// recovery path runs in the real binary. Read once, from the environment.
const PANIC_ENV: &str = "NUMCHECK_LSP_TEST_PANIC";

pub fn panic_marker() -> Option<String> {
    std::env::var(PANIC_ENV).ok().filter(|m| !m.is_empty())
}

pub fn spawn(jobs: Receiver<Job>, results: Sender<Outcome>) -> thread::JoinHandle<()> {
    let panic_marker = panic_marker();
    thread::spawn(move || {
        while let Ok(first) = jobs.recv() {
            for job in latest_per_document(first, &jobs) {
                let outcome = run(job, panic_marker.as_deref());
                if results.send(outcome).is_err() {
                    return;
                }
            }
        }
    })
}

/// `first` and every job queued behind it, keeping only the newest per document, in the
/// order the documents were first queued.
fn latest_per_document(first: Job, jobs: &Receiver<Job>) -> Vec<Job> {
    let mut batch = vec![first];
    for job in jobs.try_iter() {
        match batch.iter_mut().find(|j| j.uri == job.uri) {
            Some(older) => *older = job,
            None => batch.push(job),
        }
    }
    batch
}

/// One check; a panic becomes a [`Failure`] instead of ending the thread.
pub fn run(job: Job, panic_marker: Option<&str>) -> Outcome {
    let (uri, version) = (job.uri.clone(), job.version);
    let inject = panic_marker.is_some_and(|m| job.text.contains(m));
    catch_unwind(AssertUnwindSafe(move || {
        if inject {
            panic!("injected by {PANIC_ENV}");
        }
        analyze(job)
    }))
    .map_err(|payload| Failure {
        uri,
        version,
        message: panic_message(payload.as_ref()),
    })
}

/// The message a panic was raised with.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
