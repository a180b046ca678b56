//! Batch mode: JSON Lines documents in, one JSON line out per document, in input order.
//!
//! Streams in bounded chunks: read up to [`CHUNK_LINES`] lines (or [`CHUNK_BYTES`]), process
//! the chunk in parallel while the previous chunk's results are written in order and the next
//! chunk is read. At most two chunks are held, so memory stays flat however many documents
//! come, and one bad line only yields an error line.

use jiff::civil::Date;
use numcheck::source::Format;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, Read, Write};

/// Enough documents per chunk to keep every thread busy until the chunk's end.
const CHUNK_LINES: usize = 1024;
/// Bounds a chunk's memory when documents are long. A chunk's results are held until it is
/// written, and extract's JSON of figure-dense prose is about 7× its text: 4 MB keeps a
/// chunk's input and output near 30 MB (16 MB made `--batch` peak at 136 MB).
const CHUNK_BYTES: usize = 4 << 20;

/// One input line, read but not yet parsed.
struct Line {
    number: usize,
    bytes: Result<Vec<u8>, String>,
}

/// Reads `input` to the end and writes one line per non-blank input line to `out`:
/// `process(id, text, line)` (a line of JSON, see [`to_line`]) for a well-formed
/// `{"id", "text", …}` document, where `line` holds the line's other fields; an error line
/// otherwise.
/// Lines longer than `max_line` bytes are refused without being held in memory.
pub fn stream<R, W, F>(mut input: R, out: &mut W, max_line: u64, process: F) -> io::Result<()>
where
    R: BufRead,
    W: Write + ?Sized,
    F: Fn(Value, String, &Value) -> Result<String, String> + Sync,
{
    let mut number = 0;
    let mut chunk = read_chunk(&mut input, max_line, &mut number)?;
    let mut finished: Vec<String> = Vec::new();
    while !chunk.is_empty() {
        let mut rendered: Vec<String> = Vec::new();
        // The pool renders this chunk while this thread writes the previous one and reads
        // the next, so the workers never wait for input or output.
        let next = rayon::in_place_scope(|scope| {
            let (rendered, process) = (&mut rendered, &process);
            scope.spawn(move |_| {
                *rendered = chunk
                    .into_par_iter()
                    .map(|line| {
                        let mut s = one_line(line, process);
                        s.push('\n');
                        s
                    })
                    .collect();
            });
            write_all(out, std::mem::take(&mut finished))?;
            read_chunk(&mut input, max_line, &mut number)
        })?;
        finished = rendered;
        chunk = next;
    }
    write_all(out, finished)
}

fn write_all<W: Write + ?Sized>(out: &mut W, lines: Vec<String>) -> io::Result<()> {
    for s in lines {
        out.write_all(s.as_bytes())?;
    }
    Ok(())
}

/// Up to [`CHUNK_LINES`] non-blank lines (or [`CHUNK_BYTES`]); empty at the end of input.
/// `number` counts every line read, blank ones too.
fn read_chunk(
    input: &mut impl BufRead,
    max_line: u64,
    number: &mut usize,
) -> io::Result<Vec<Line>> {
    let mut chunk = Vec::new();
    let mut chunk_bytes = 0;
    while chunk.len() < CHUNK_LINES && chunk_bytes < CHUNK_BYTES {
        let Some(bytes) = read_line(input, max_line)? else {
            break;
        };
        *number += 1;
        if let Ok(b) = &bytes {
            if b.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            chunk_bytes += b.len();
        }
        chunk.push(Line {
            number: *number,
            bytes,
        });
    }
    Ok(chunk)
}

/// The next line without its line ending, `Err` if it is longer than `max` bytes (then it
/// is skipped), `None` at the end of input.
fn read_line(input: &mut impl BufRead, max: u64) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut buf = Vec::new();
    let n = input.by_ref().take(max + 1).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    } else if buf.len() as u64 > max {
        skip_line(input)?;
        return Ok(Some(Err(format!(
            "document longer than the --max-file-size limit of {max} bytes"
        ))));
    }
    Ok(Some(Ok(buf)))
}

/// Discards the rest of the current line.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', available) {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = available.len();
                input.consume(len);
            }
        }
    }
}

/// A batch line's optional `"format"`: `plain` (the default), `markdown` or `html`.
pub fn line_format(line: &Value) -> Result<Format, String> {
    match line.get("format") {
        None | Some(Value::Null) => Ok(Format::Plain),
        Some(Value::String(name)) => Format::from_name(name).ok_or_else(|| {
            format!("unknown \"format\" {name:?}: expected \"plain\", \"markdown\" or \"html\"")
        }),
        Some(other) => Err(format!("\"format\" must be a string, not {other}")),
    }
}

/// A batch line's optional `"date"` (YYYY-MM-DD): the reference date of that document,
/// which wins over `--date` as a file's own `--date` would.
pub fn line_date(line: &Value) -> Result<Option<Date>, String> {
    match line.get("date") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(d)) => d
            .parse::<Date>()
            .map(Some)
            .map_err(|e| format!("invalid \"date\" {d:?} (expected YYYY-MM-DD): {e}")),
        Some(other) => Err(format!("\"date\" must be a string, not {other}")),
    }
}

/// One result as a line of JSON (without the line break).
pub fn to_line(result: &impl Serialize) -> String {
    // Only maps with non-string keys fail to serialize, and results have none.
    serde_json::to_string(result).unwrap_or_default()
}

fn one_line<F: Fn(Value, String, &Value) -> Result<String, String>>(
    line: Line,
    process: &F,
) -> String {
    let error = |id: Value, message: String| {
        to_line(&json!({"id": id, "line": line.number, "error": message}))
    };
    let bytes = match line.bytes {
        Ok(b) => b,
        Err(e) => return error(Value::Null, e),
    };
    let parsed = serde_json::from_slice::<Value>(&bytes);
    // The text moves out of the parsed line: a long document is not held twice.
    drop(bytes);
    let mut value = match parsed {
        Ok(v) => v,
        Err(e) => return error(Value::Null, format!("invalid JSON: {e}")),
    };
    let id = value.get_mut("id").map(Value::take).unwrap_or(Value::Null);
    match value.get_mut("text").map(Value::take) {
        Some(Value::String(text)) => match process(id.clone(), text, &value) {
            Ok(line) => line,
            Err(message) => error(id, message),
        },
        _ => error(id, "no \"text\" string".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, max_line: u64) -> Vec<Value> {
        let mut out = Vec::new();
        stream(
            input.as_bytes(),
            &mut out,
            max_line,
            |id, text, line| match line.get("fail") {
                Some(why) => Err(why.to_string()),
                None => Ok(to_line(&json!({"id": id, "len": text.len()}))),
            },
        )
        .unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn order_is_kept_across_chunks() {
        let input: String = (0..3 * CHUNK_LINES)
            .map(|i| format!("{{\"id\": {i}, \"text\": \"{}\"}}\n", "x".repeat(i % 7)))
            .collect();
        let out = run(&input, 1 << 20);
        assert_eq!(out.len(), 3 * CHUNK_LINES);
        for (i, v) in out.iter().enumerate() {
            assert_eq!(v["id"], json!(i));
            assert_eq!(v["len"], json!(i % 7));
        }
    }

    #[test]
    fn bad_lines_become_error_lines_and_blank_lines_are_skipped() {
        let out = run(
            "{\"id\": 1, \"text\": \"a\"}\n\nnot json\r\n{\"id\": 2}\n{\"id\": 3, \"text\": \"bc\"}",
            1 << 20,
        );
        assert_eq!(out.len(), 4);
        assert_eq!(out[0], json!({"id": 1, "len": 1}));
        assert_eq!(out[1]["line"], json!(3));
        assert!(out[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON"));
        assert_eq!(out[2]["id"], json!(2));
        assert_eq!(out[2]["error"], json!("no \"text\" string"));
        assert_eq!(out[3], json!({"id": 3, "len": 2}));
    }

    #[test]
    fn a_refused_document_is_an_error_line_with_its_id() {
        let out = run("{\"id\": 7, \"text\": \"a\", \"fail\": \"no\"}\n", 1 << 20);
        assert_eq!(out, vec![json!({"id": 7, "line": 1, "error": "\"no\""})]);
    }

    #[test]
    fn a_line_over_the_limit_is_refused_and_the_next_one_read() {
        let long = format!("{{\"id\": 1, \"text\": \"{}\"}}\n", "x".repeat(100));
        let out = run(&(long + "{\"id\": 2, \"text\": \"ok\"}\n"), 50);
        assert_eq!(out.len(), 2);
        assert!(out[0]["error"]
            .as_str()
            .unwrap()
            .contains("--max-file-size"));
        assert_eq!(out[1], json!({"id": 2, "len": 2}));
    }

    #[test]
    fn invalid_utf8_is_an_error_line() {
        let mut out = Vec::new();
        let input: &[u8] = b"{\"id\": 1, \"text\": \"\xff\"}\n{\"id\": 2, \"text\": \"\"}\n";
        stream(input, &mut out, 1 << 20, |id, _, _| {
            Ok(to_line(&json!({"id": id})))
        })
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("\"error\""));
        assert_eq!(lines[1], "{\"id\":2}");
    }
}
