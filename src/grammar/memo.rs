//! Sub-parses remembered by position during one candidate start.
//!
//! Several productions begin by reading the same thing at the same position: the number
//! ("3 out of 4", "3 in 4", "3 dozen", "3 million people"), or an amount of time ("about
//! three years" is read by the duration, the relative date and the offset of a compound
//! date). While a [`Session`] is alive (one call of `grammar::claim_at`, whose text stays
//! borrowed and unchanged throughout), the last few results of each remembered parser are
//! kept by position; outside a session nothing is cached, and a new session never sees an
//! older one's entries, so a later text at the same address can never get a stale result.
//!
//! The cache knows no production: each remembered parser owns its [`Slot`] (a
//! `thread_local!` beside the parser) and calls [`cached`], so this module imports none of
//! the grammar and the productions depend on it, never the reverse.

use nom::error::{Error, ErrorKind};
use nom::IResult;
use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

/// Where a parse was tried: the input's address and length, and a flag of the parser's
/// (the money flag of `numeral::number`).
type Key = (usize, usize, bool);

/// A parse, with the rest and the error position as offsets into the input.
#[derive(Clone)]
enum Outcome<T> {
    Parsed(usize, T),
    Error(usize, ErrorKind),
    Failure(usize, ErrorKind),
    Incomplete,
}

/// How many results each parser keeps: a start reads a position, a later one, then the
/// first again ("about 3 years": after the hedge, then at the number).
const ENTRIES: usize = 2;

/// The remembered results of one parser.
pub struct Slot<T> {
    session: u64,
    entries: [Option<(Key, Outcome<T>)>; ENTRIES],
    next: usize,
}

impl<T> Slot<T> {
    pub const fn new() -> Slot<T> {
        Slot {
            session: 0,
            entries: [const { None }; ENTRIES],
            next: 0,
        }
    }
}

thread_local! {
    /// (open sessions, number of the current session; 0 = none yet).
    static SESSION: Cell<(usize, u64)> = const { Cell::new((0, 0)) };
}

/// Caching is on while a session lives; the outermost one numbers a new generation of
/// entries.
pub struct Session(());

impl Session {
    pub fn start() -> Session {
        SESSION.with(|s| {
            let (depth, id) = s.get();
            s.set((depth + 1, if depth == 0 { id + 1 } else { id }));
        });
        Session(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        SESSION.with(|s| {
            let (depth, id) = s.get();
            s.set((depth.saturating_sub(1), id));
        });
    }
}

/// The current session's number, or None outside a session.
fn current_session() -> Option<u64> {
    SESSION.with(|s| {
        let (depth, id) = s.get();
        (depth > 0).then_some(id)
    })
}

/// `parse(input)`, or its result remembered in `slot` at this very position (and `flag`).
pub fn cached<'a, T: Clone + 'static>(
    slot: &'static LocalKey<RefCell<Slot<T>>>,
    input: &'a str,
    flag: bool,
    parse: impl FnOnce(&'a str) -> IResult<&'a str, T>,
) -> IResult<&'a str, T> {
    let Some(session) = current_session() else {
        return parse(input);
    };
    let key = (input.as_ptr() as usize, input.len(), flag);
    let hit = slot.with(|s| {
        let s = s.borrow();
        (s.session == session)
            .then(|| s.entries.iter().flatten().find(|(k, _)| *k == key))
            .flatten()
            .map(|(_, outcome)| outcome.clone())
    });
    if let Some(outcome) = hit {
        return rebuild(input, outcome);
    }
    let result = parse(input);
    let offset = |rest: &str| input.len() - rest.len();
    let outcome = match &result {
        Ok((rest, value)) => Outcome::Parsed(offset(rest), value.clone()),
        Err(nom::Err::Error(e)) => Outcome::Error(offset(e.input), e.code),
        Err(nom::Err::Failure(e)) => Outcome::Failure(offset(e.input), e.code),
        Err(nom::Err::Incomplete(_)) => Outcome::Incomplete,
    };
    slot.with(|s| {
        let mut s = s.borrow_mut();
        if s.session != session {
            *s = Slot::new();
            s.session = session;
        }
        let i = s.next;
        s.entries[i] = Some((key, outcome));
        s.next = (i + 1) % ENTRIES;
    });
    result
}

fn rebuild<T>(input: &str, outcome: Outcome<T>) -> IResult<&str, T> {
    let at = |offset: usize| input.get(offset..).unwrap_or("");
    match outcome {
        Outcome::Parsed(offset, value) => Ok((at(offset), value)),
        Outcome::Error(offset, code) => Err(nom::Err::Error(Error::new(at(offset), code))),
        Outcome::Failure(offset, code) => Err(nom::Err::Failure(Error::new(at(offset), code))),
        Outcome::Incomplete => Err(nom::Err::Incomplete(nom::Needed::Unknown)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static CALLS: Cell<usize> = const { Cell::new(0) };
        static LEADING_DIGITS: RefCell<Slot<usize>> = const { RefCell::new(Slot::new()) };
    }

    /// A stand-in production: the leading digits (and, with `flag`, a "%" after them).
    fn digits(input: &str, flag: bool) -> IResult<&str, usize> {
        CALLS.with(|c| c.set(c.get() + 1));
        let n = input.bytes().take_while(u8::is_ascii_digit).count();
        let n = n + usize::from(flag && n > 0 && input[n..].starts_with('%'));
        if n == 0 {
            return Err(nom::Err::Error(Error::new(input, ErrorKind::Digit)));
        }
        Ok((&input[n..], n))
    }

    fn remembered(input: &str, flag: bool) -> IResult<&str, usize> {
        cached(&LEADING_DIGITS, input, flag, |i| digits(i, flag))
    }

    #[test]
    fn a_session_parses_each_position_once_and_gives_the_same_result() {
        let text = "3% out of 4";
        let plain = digits(text, false);
        CALLS.with(|c| c.set(0));
        let session = Session::start();
        let first = remembered(text, false);
        let second = remembered(text, false);
        assert_eq!(CALLS.with(Cell::get), 1);
        assert_eq!(first, plain);
        assert_eq!(second, plain);
        // Another position or flag is parsed afresh.
        let _ = remembered(&text[10..], false);
        assert_eq!(remembered(text, true), Ok((" out of 4", 2)));
        assert_eq!(CALLS.with(Cell::get), 3);
        drop(session);
        // Outside a session nothing is remembered.
        let _ = remembered(text, true);
        assert_eq!(CALLS.with(Cell::get), 4);
    }

    #[test]
    fn failures_are_remembered_with_their_kind() {
        let _session = Session::start();
        let text = "none here";
        let plain = digits(text, false);
        assert!(plain.is_err());
        CALLS.with(|c| c.set(0));
        assert_eq!(remembered(text, false), plain);
        assert_eq!(remembered(text, false), plain);
        assert_eq!(CALLS.with(Cell::get), 1);
    }
}
