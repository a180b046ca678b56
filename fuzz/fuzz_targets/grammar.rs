//! The grammar at every byte of arbitrary text: never a panic, and every parse stays inside
//! the input and ends on a char boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numcheck::grammar::claim_at;

fuzz_target!(|text: &str| {
    for at in 0..text.len() {
        if let Some(p) = claim_at(text, at) {
            let end = at + p.len;
            assert!(end <= text.len() && text.is_char_boundary(end));
        }
    }
});
