//! FNV-1a hashing for the fixed word lists looked up at every candidate: the keys are short
//! words chosen by us, so SipHash's resistance to chosen keys buys nothing and cost more
//! than the rest of a look-up.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// A set of words hashed with [`Fnv`].
pub type FnvSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// Whether the lower-case form of `word` (ASCII letters) is in `set`, without allocating.
/// Words longer than any list entry (24 bytes) are never in it.
pub fn contains_lowercase(set: &FnvSet<&'static str>, word: &[u8]) -> bool {
    let mut buf = [0u8; 24];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    for (d, s) in lower.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(lower).is_ok_and(|w| set.contains(w))
}
