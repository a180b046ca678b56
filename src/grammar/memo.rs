//! The number at a position, parsed once per candidate start.
//!
//! Several productions begin by reading the number at the same position ("3 out of 4",
//! "3 in 4", "3 dozen", "3 million people"), so one candidate start parsed the same digits
//! four or more times. While [`Session`] is alive (one call of `grammar::claim_at`, whose
//! text stays borrowed and unchanged throughout), the last number parsed is remembered by
//! position; outside a session nothing is cached, so a later text at the same address can
//! never see a stale entry.

use super::numeral::Number;
use nom::error::{Error, ErrorKind};
use nom::IResult;
use std::cell::RefCell;

/// Where the parse was tried: the input's address and length, and the money flag.
type Key = (usize, usize, bool);

/// A parse, with the rest and the error position as offsets into the input.
#[derive(Clone)]
enum Outcome {
    Parsed(usize, Number),
    Error(usize, ErrorKind),
    Failure(usize, ErrorKind),
    Incomplete,
}

#[derive(Default)]
struct Memo {
    depth: usize,
    last: Option<(Key, Outcome)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Caching is on while a session lives; dropping the last one clears the cache.
pub struct Session(());

impl Session {
    pub fn start() -> Session {
        MEMO.with(|m| m.borrow_mut().depth += 1);
        Session(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            m.depth = m.depth.saturating_sub(1);
            if m.depth == 0 {
                m.last = None;
            }
        });
    }
}

/// `parse(input, money)`, or its remembered result at this very position.
pub fn number<'a>(
    input: &'a str,
    money: bool,
    parse: fn(&'a str, bool) -> IResult<&'a str, Number>,
) -> IResult<&'a str, Number> {
    let key = (input.as_ptr() as usize, input.len(), money);
    let hit = MEMO.with(|m| {
        let m = m.borrow();
        match &m.last {
            Some((k, outcome)) if m.depth > 0 && *k == key => Some(outcome.clone()),
            _ => None,
        }
    });
    if let Some(outcome) = hit {
        return rebuild(input, outcome);
    }
    let result = parse(input, money);
    let offset = |rest: &str| input.len() - rest.len();
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.depth > 0 {
            let outcome = match &result {
                Ok((rest, n)) => Outcome::Parsed(offset(rest), n.clone()),
                Err(nom::Err::Error(e)) => Outcome::Error(offset(e.input), e.code),
                Err(nom::Err::Failure(e)) => Outcome::Failure(offset(e.input), e.code),
                Err(nom::Err::Incomplete(_)) => Outcome::Incomplete,
            };
            m.last = Some((key, outcome));
        }
    });
    result
}

fn rebuild(input: &str, outcome: Outcome) -> IResult<&str, Number> {
    let at = |offset: usize| input.get(offset..).unwrap_or("");
    match outcome {
        Outcome::Parsed(offset, n) => Ok((at(offset), n)),
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
    }

    fn counting(input: &str, money: bool) -> IResult<&str, Number> {
        CALLS.with(|c| c.set(c.get() + 1));
        super::super::numeral::number_uncached(input, money)
    }

    #[test]
    fn a_session_parses_each_position_once_and_gives_the_same_result() {
        let text = "3 out of 4";
        let plain = super::super::numeral::number_uncached(text, false);
        let session = Session::start();
        let first = number(text, false, counting);
        let second = number(text, false, counting);
        assert_eq!(CALLS.with(Cell::get), 1);
        assert_eq!(first, plain);
        assert_eq!(second, plain);
        // Another position or flag is parsed afresh.
        let _ = number(&text[9..], false, counting);
        let _ = number(text, true, counting);
        assert_eq!(CALLS.with(Cell::get), 3);
        drop(session);
        // Outside a session nothing is remembered.
        let _ = number(text, true, counting);
        assert_eq!(CALLS.with(Cell::get), 4);
    }

    #[test]
    fn failures_are_remembered_with_their_kind() {
        let _session = Session::start();
        let text = "none here";
        let plain = super::super::numeral::number_uncached(text, false);
        assert!(plain.is_err());
        assert_eq!(number(text, false, counting), plain);
        assert_eq!(number(text, false, counting), plain);
    }
}
