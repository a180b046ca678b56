//! The main loop: lifecycle, requests, notifications, and when each document is checked.

use super::actions::{code_actions, SHOW_ARITHMETIC};
use super::analysis::{Analysis, Job};
use super::documents::Doc;
use super::hover::hover;
use super::settings::{Configs, InitOptions};
use super::text::apply_changes;
use super::transport::Transport;
use super::worker::{self, Failure, Outcome};
use crossbeam_channel::{after, never, select, unbounded, Receiver, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the session ended, for the exit code: `exit` after `shutdown` is a clean end.
pub enum End {
    Clean,
    Abrupt,
}

#[derive(Clone, Copy)]
enum State {
    Uninitialized,
    Running,
    ShutDown,
}

pub struct Server {
    transport: Transport,
    state: State,
    docs: BTreeMap<String, Doc>,
    configs: Configs,
    debounce: Duration,
    /// Whether the client can be asked to watch `numcheck.toml` files for us.
    watch_dynamically: bool,
    jobs: Sender<Job>,
    results: Receiver<Outcome>,
    panic_marker: Option<String>,
    /// The id of the last job started.
    last_job: u64,
    /// Configuration errors already shown: each once, not at every keystroke.
    shown_errors: BTreeSet<String>,
}

/// Runs a server over stdin and stdout until `exit` or the end of input.
pub fn run_stdio() -> End {
    let transport = Transport::stdio();
    let (jobs, job_rx) = unbounded();
    let (result_tx, results) = unbounded();
    let worker = worker::spawn(job_rx, result_tx);
    let mut server = Server {
        transport,
        state: State::Uninitialized,
        docs: BTreeMap::new(),
        configs: Configs::new(InitOptions::default()),
        debounce: super::settings::DEFAULT_DEBOUNCE,
        watch_dynamically: false,
        jobs,
        results,
        panic_marker: worker::panic_marker(),
        last_job: 0,
        shown_errors: BTreeSet::new(),
    };
    let end = server.main_loop();
    let Server {
        transport, jobs, ..
    } = server;
    drop(jobs);
    let _ = worker.join();
    transport.finish();
    end
}

impl Server {
    fn main_loop(&mut self) -> End {
        loop {
            let due = self.docs.values().filter_map(|d| d.due).min();
            let timer = match due {
                Some(at) => after(at.saturating_duration_since(Instant::now())),
                None => never(),
            };
            select! {
                recv(self.transport.receiver) -> msg => match msg {
                    Ok(msg) => {
                        if let Some(end) = self.handle(msg) {
                            return end;
                        }
                    }
                    // The client closed stdin without `exit`.
                    Err(_) => return End::Abrupt,
                },
                recv(self.results) -> outcome => {
                    if let Ok(outcome) = outcome {
                        self.finished(outcome);
                    }
                },
                recv(timer) -> _ => {},
            }
            self.start_due_checks();
        }
    }

    /// Handles one message. A panic in the server's own code (checks have their own guard in
    /// the worker) is caught here too: the request gets an internal error, the panic is
    /// logged, and the loop goes on with the next message.
    fn handle(&mut self, msg: Message) -> Option<End> {
        let id = match &msg {
            Message::Request(r) => Some(r.id.clone()),
            _ => None,
        };
        let method = match &msg {
            Message::Request(r) => r.method.clone(),
            Message::Notification(n) => n.method.clone(),
            Message::Response(_) => String::new(),
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| match msg {
            Message::Request(r) => {
                self.request(r);
                None
            }
            Message::Notification(n) => self.notification(n),
            // Answers to our own requests (registering the file watcher) need nothing.
            Message::Response(_) => None,
        }));
        outcome.unwrap_or_else(|payload| {
            let message = format!(
                "numcheck: internal error in `{method}`: {}; the server keeps serving",
                super::worker::panic_message(payload.as_ref())
            );
            if let Some(id) = id {
                let response =
                    Response::new_err(id, ErrorCode::InternalError as i32, message.clone());
                self.transport.send(response.into());
            }
            self.log(MessageType::ERROR, message);
            None
        })
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        let method = r.method.clone();
        let result = match (self.state, method.as_str()) {
            (State::Uninitialized, req::Initialize::METHOD) => self.initialize(r),
            (State::Uninitialized, _) => Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized".into(),
            )),
            (State::ShutDown, _) => Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            )),
            (State::Running, req::Initialize::METHOD) => Err((
                ErrorCode::InvalidRequest,
                "initialize was already received".into(),
            )),
            (State::Running, req::Shutdown::METHOD) => {
                self.state = State::ShutDown;
                Ok(serde_json::Value::Null)
            }
            (State::Running, req::HoverRequest::METHOD) => {
                params::<HoverParams>(r).map(|p| self.hover(p))
            }
            (State::Running, req::CodeActionRequest::METHOD) => {
                params::<CodeActionParams>(r).map(|p| self.code_action(p))
            }
            (State::Running, req::ExecuteCommand::METHOD) => {
                params::<ExecuteCommandParams>(r).and_then(|p| self.execute(p))
            }
            // Fault injection for the tests, only with NUMCHECK_LSP_TEST_PANIC set: proves
            // that a panic outside a check is contained too.
            (State::Running, "numcheck/testPanic") if self.panic_marker.is_some() => {
                panic!("injected by numcheck/testPanic")
            }
            (State::Running, method) => Err((
                ErrorCode::MethodNotFound,
                format!("unsupported request `{method}`"),
            )),
        };
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.transport.send(response.into());
    }

    fn notification(&mut self, n: Notification) -> Option<End> {
        if n.method == note::Exit::METHOD {
            return Some(match self.state {
                State::ShutDown => End::Clean,
                _ => End::Abrupt,
            });
        }
        if !matches!(self.state, State::Running) {
            return None;
        }
        // A malformed notification cannot be answered (JSON-RPC); it is logged and dropped.
        let method = n.method.clone();
        let handled = match method.as_str() {
            note::Initialized::METHOD => {
                self.register_watcher();
                Ok(())
            }
            note::DidOpenTextDocument::METHOD => notification_params(n).map(|p| self.did_open(p)),
            note::DidChangeTextDocument::METHOD => {
                notification_params(n).map(|p| self.did_change(p))
            }
            note::DidSaveTextDocument::METHOD => notification_params(n).map(|p| self.did_save(p)),
            note::DidCloseTextDocument::METHOD => notification_params(n).map(|p| self.did_close(p)),
            note::DidChangeWatchedFiles::METHOD => {
                notification_params(n).map(|p| self.watched_files_changed(p))
            }
            _ => Ok(()),
        };
        if let Err(e) = handled {
            self.log(MessageType::WARNING, format!("ignored `{method}`: {e}"));
        }
        None
    }

    fn initialize(&mut self, r: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let p: InitializeParams = params(r)?;
        let options = match InitOptions::parse(p.initialization_options) {
            Ok(o) => o,
            Err(e) => {
                // Settings with a typo should not cost the user every diagnostic.
                self.show(
                    MessageType::ERROR,
                    format!("numcheck: {e}; using the defaults"),
                );
                InitOptions::default()
            }
        };
        self.debounce = options.debounce();
        self.configs = Configs::new(options);
        self.watch_dynamically = p
            .capabilities
            .workspace
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.state = State::Running;
        let result = InitializeResult {
            capabilities: capabilities(),
            server_info: Some(ServerInfo {
                name: "numcheck".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    /// Asks the client to report changes to any `numcheck.toml`, so settings follow edits
    /// made outside the editor too.
    fn register_watcher(&mut self) {
        if !self.watch_dynamically {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "numcheck-config-watcher".into(),
                method: note::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let request = Request::new(
            RequestId::from("numcheck-register-watcher".to_string()),
            req::RegisterCapability::METHOD.into(),
            params,
        );
        self.transport.send(request.into());
    }

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let item = p.text_document;
        let mut doc = Doc::new(item.uri, &item.language_id, item.version, item.text);
        doc.due = Some(Instant::now());
        self.docs.insert(doc.uri.as_str().to_string(), doc);
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let debounce = self.debounce;
        if let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) {
            apply_changes(&mut doc.text, p.content_changes);
            doc.version = p.text_document.version;
            doc.due = Some(Instant::now() + debounce);
        }
    }

    fn did_save(&mut self, p: DidSaveTextDocumentParams) {
        if let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) {
            if let Some(text) = p.text {
                doc.text = text;
            }
            doc.due = Some(Instant::now());
        }
        // A `numcheck.toml` saved in the editor changes the settings even without a watcher.
        if p.text_document
            .uri
            .as_str()
            .ends_with(crate::config::FILE_NAME)
        {
            self.settings_changed();
        }
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
            // Diagnostics of a closed document would otherwise stay in the problems list.
            self.publish(doc.uri, Vec::new(), None);
        }
    }

    fn watched_files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        let config = p
            .changes
            .iter()
            .any(|c| c.uri.as_str().ends_with(crate::config::FILE_NAME));
        if config {
            self.settings_changed();
        }
    }

    /// Forgets the loaded settings and checks every open document again.
    fn settings_changed(&mut self) {
        self.configs.clear();
        self.shown_errors.clear();
        let now = Instant::now();
        for doc in self.docs.values_mut() {
            doc.due = Some(now);
            // Hover and code actions must not read a check made under the old settings.
            doc.analysis = None;
        }
    }

    /// A job for the document's current text; it supersedes every earlier job for it.
    fn job(&mut self, key: &str) -> Option<Job> {
        self.last_job += 1;
        let id = self.last_job;
        let doc = self.docs.get_mut(key)?;
        doc.latest_job = id;
        let (resolved, error) = self.configs.for_path(doc.path.as_deref());
        let job = Job {
            id,
            uri: doc.uri.clone(),
            version: doc.version,
            path: doc.name(),
            text: doc.text.clone(),
            format: doc.format,
            resolved,
            show_consistent: self.configs.options().show_consistent,
        };
        if let Some(e) = error {
            if self.shown_errors.insert(e.clone()) {
                self.show(
                    MessageType::ERROR,
                    format!("numcheck: {e}; using the defaults"),
                );
            }
        }
        Some(job)
    }

    fn start_due_checks(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            if let Some(doc) = self.docs.get_mut(&key) {
                doc.due = None;
            }
            if let Some(job) = self.job(&key) {
                let _ = self.jobs.send(job);
            }
        }
    }

    fn finished(&mut self, outcome: Outcome) {
        match outcome {
            Ok(analysis) => self.accept(Arc::new(analysis)),
            Err(Failure {
                uri,
                version,
                message,
            }) => self.log(
                MessageType::ERROR,
                format!(
                    "numcheck: the check of {} (version {version}) panicked: {message}; \
                     the server keeps serving",
                    uri.as_str()
                ),
            ),
        }
    }

    /// Publishes a check if it comes from the latest job for its document (so it is of the
    /// current text and settings, and nothing later was published before it).
    fn accept(&mut self, analysis: Arc<Analysis>) {
        let Some(doc) = self.docs.get_mut(analysis.uri.as_str()) else {
            return;
        };
        if analysis.job != doc.latest_job || analysis.version != doc.version {
            return;
        }
        doc.analysis = Some(analysis.clone());
        let uri = doc.uri.clone();
        self.publish(uri, analysis.diagnostics.clone(), Some(analysis.version));
    }

    /// The check of a document's current text, run now if the last one is older: hover and
    /// code actions must read the text the client sees.
    fn current(&mut self, uri: &Uri) -> Option<Arc<Analysis>> {
        if let Some(a) = self.docs.get(uri.as_str())?.current() {
            return Some(a.clone());
        }
        let job = self.job(uri.as_str())?;
        match worker::run(job, self.panic_marker.as_deref()) {
            Ok(a) => {
                let a = Arc::new(a);
                self.accept(a.clone());
                if let Some(doc) = self.docs.get_mut(uri.as_str()) {
                    doc.due = None;
                }
                Some(a)
            }
            Err(failure) => {
                self.finished(Err(failure));
                None
            }
        }
    }

    fn hover(&mut self, p: HoverParams) -> serde_json::Value {
        let at = p.text_document_position_params;
        let found = self
            .current(&at.text_document.uri)
            .and_then(|a| hover(&a, at.position));
        serde_json::to_value(found).unwrap_or_default()
    }

    fn code_action(&mut self, p: CodeActionParams) -> serde_json::Value {
        let actions = self
            .current(&p.text_document.uri)
            .map(|a| code_actions(&a, p.range))
            .unwrap_or_default();
        serde_json::to_value(actions).unwrap_or_default()
    }

    fn execute(
        &mut self,
        p: ExecuteCommandParams,
    ) -> Result<serde_json::Value, (ErrorCode, String)> {
        let text = match (p.command.as_str(), p.arguments.first()) {
            (SHOW_ARITHMETIC, Some(serde_json::Value::String(text))) => text.clone(),
            _ => {
                return Err((
                    ErrorCode::InvalidParams,
                    format!("unknown command or arguments: `{}`", p.command),
                ))
            }
        };
        self.show(MessageType::INFO, text);
        Ok(serde_json::Value::Null)
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.notify(note::PublishDiagnostics::METHOD, params);
    }

    fn log(&self, typ: MessageType, message: String) {
        self.notify(note::LogMessage::METHOD, LogMessageParams { typ, message });
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify(
            note::ShowMessage::METHOD,
            ShowMessageParams { typ, message },
        );
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        let n = Notification::new(method.to_string(), params);
        self.transport.send(n.into());
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![SHOW_ARITHMETIC.into()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// A request's parameters, or the InvalidParams error to answer with.
fn params<P: DeserializeOwned>(r: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(r.params).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("invalid parameters for `{}`: {e}", r.method),
        )
    })
}

fn notification_params<P: DeserializeOwned>(n: Notification) -> Result<P, String> {
    serde_json::from_value(n.params).map_err(|e| format!("invalid parameters: {e}"))
}
