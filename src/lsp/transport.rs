//! JSON-RPC over stdio: `Content-Length` framing on two threads.
//!
//! lsp-server's own stdio transport ends its reader thread at the first payload that is not
//! a JSON-RPC message, which would take the server down with it; this one answers such a
//! payload with a JSON-RPC error and reads on.

use crossbeam_channel::{bounded, unbounded, Receiver, Sender};
use lsp_server::{ErrorCode, Message};
use std::io::{self, BufRead, Write};
use std::thread;

/// The server's ends of the connection: messages in, framed bodies out.
pub struct Transport {
    pub receiver: Receiver<Message>,
    pub sender: Sender<String>,
    writer: thread::JoinHandle<()>,
}

impl Transport {
    pub fn stdio() -> Transport {
        // Outgoing is unbounded so a slow client never blocks the main loop mid-publish.
        let (out_tx, out_rx) = unbounded::<String>();
        let (in_tx, in_rx) = bounded::<Message>(64);
        let writer = thread::spawn(move || {
            let stdout = io::stdout();
            let mut stdout = stdout.lock();
            for body in out_rx {
                let framed = write!(stdout, "Content-Length: {}\r\n\r\n{body}", body.len());
                if framed.and_then(|()| stdout.flush()).is_err() {
                    // The client is gone; nothing else can be said to it.
                    return;
                }
            }
        });
        let errors = out_tx.clone();
        // Detached: it blocks in a read of stdin until the client closes it, and the process
        // exits without waiting for it.
        thread::spawn(move || read_loop(&mut io::stdin().lock(), &in_tx, &errors));
        Transport {
            receiver: in_rx,
            sender: out_tx,
            writer,
        }
    }

    /// Sends one message.
    pub fn send(&self, msg: Message) {
        if let Ok(body) = serde_json::to_string(&msg) {
            let _ = self.sender.send(body);
        }
    }

    /// Waits until everything sent has been written.
    pub fn finish(self) {
        drop(self.sender);
        let _ = self.writer.join();
    }
}

/// Reads messages until end of input or `exit`; malformed ones are answered, not fatal.
fn read_loop(input: &mut impl BufRead, messages: &Sender<Message>, errors: &Sender<String>) {
    loop {
        let body = match read_body(input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(Frame::Io) => return,
            Err(Frame::Bad(why)) => {
                let _ = errors.send(error_body(None, ErrorCode::ParseError, &why));
                continue;
            }
        };
        match parse(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if messages.send(msg).is_err() || exit {
                    return;
                }
            }
            // A notification gets no answer, even a malformed one (JSON-RPC 2.0 §4.1).
            Err(None) => {}
            Err(Some(error)) => {
                let _ = errors.send(error);
            }
        }
    }
}

/// One body as a message, or the error response to send (`None`: send nothing).
///
/// lsp-server's `Message` is an untagged enum that would read any object with an `id` as a
/// response, so a malformed request would be dropped unanswered: the kind is decided here
/// from the fields present (`method` and `id`), and only then is the body read as that kind.
fn parse(body: &[u8]) -> Result<Message, Option<String>> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Some(error_body(
            None,
            ErrorCode::ParseError,
            &format!("not JSON: {e}"),
        ))
    })?;
    let id = value.get("id").cloned();
    let invalid = |e: serde_json::Error| {
        let message = format!("malformed message: {e}");
        Some(error_body(id.clone(), ErrorCode::InvalidRequest, &message))
    };
    match (value.get("method").is_some(), id.is_some()) {
        (true, true) => serde_json::from_value(value.clone())
            .map(Message::Request)
            .map_err(invalid),
        (true, false) => serde_json::from_value(value)
            .map(Message::Notification)
            .map_err(|_| None),
        (false, true) => serde_json::from_value(value.clone())
            .map(Message::Response)
            .map_err(invalid),
        (false, false) => Err(Some(error_body(
            None,
            ErrorCode::InvalidRequest,
            "neither a request, a notification nor a response",
        ))),
    }
}

enum Frame {
    /// The input failed or ended inside a message: nothing more can be read.
    Io,
    /// A header that cannot be read; the next header block is tried.
    Bad(String),
}

/// One message body; `None` at a clean end of input.
fn read_body(input: &mut impl BufRead) -> Result<Option<Vec<u8>>, Frame> {
    let mut length = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) if !any => return Ok(None),
            Ok(0) | Err(_) => return Err(Frame::Io),
            Ok(_) => {}
        }
        any = true;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let Some(length) = length else {
        return Err(Frame::Bad(
            "missing or invalid Content-Length header".into(),
        ));
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body).map_err(|_| Frame::Io)?;
    Ok(Some(body))
}

/// A JSON-RPC error response; `id` null when the request's id could not be read.
fn error_body(id: Option<serde_json::Value>, code: ErrorCode, message: &str) -> String {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": id.unwrap_or(serde_json::Value::Null),
        "error": {"code": code as i32, "message": message},
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_payloads_are_answered_and_reading_goes_on() {
        let input = [
            frame("{oops"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":5}"#),
            "X-Nothing: 1\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
            frame(r#"{"jsonrpc":"2.0","method":7}"#),
        ]
        .concat();
        let (tx, rx) = unbounded();
        let (etx, erx) = unbounded();
        read_loop(&mut io::Cursor::new(input.into_bytes()), &tx, &etx);
        let errors: Vec<serde_json::Value> = erx
            .try_iter()
            .map(|s| serde_json::from_str(&s).unwrap())
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0]["error"]["code"], -32700);
        assert_eq!(errors[1]["id"], 7);
        assert_eq!(errors[1]["error"]["code"], -32600);
        assert_eq!(errors[2]["id"], serde_json::Value::Null);
        let msgs: Vec<Message> = rx.try_iter().collect();
        assert!(matches!(&msgs[..], [Message::Notification(n)] if n.method == "initialized"));
    }
}
