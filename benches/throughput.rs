//! Throughput of extraction and checking: `cargo bench` (a few minutes on 2 cores).
//!
//! Inputs of 1 KB, 100 KB and 10 MB (and 100 MB with `NUMCHECK_BENCH_LARGE=1`) are built
//! deterministically from the example article, from our clean-prose news articles
//! (tests/fixtures/clean-prose) and from number-dense and number-sparse prose generated
//! here. Each figure is reported as bytes/s and claims/s. `batch` checks many
//! article-sized documents on 1 thread and on every thread.

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use numcheck::check::{check_document, Settings};
use numcheck::extract::extract;
use numcheck::source::{Document, Format};
use rayon::prelude::*;

fn main() {
    divan::main();
}

const ARTICLE: &str = include_str!("../tests/fixtures/is-resurgence.txt");
const KB: usize = 1 << 10;
const MB: usize = 1 << 20;

#[derive(Clone, Copy, Debug)]
enum Prose {
    /// The example article, repeated.
    News,
    /// Two to four figures in every sentence.
    Dense,
    /// A figure in about one sentence of ten.
    Sparse,
    /// Our own clean news articles (tests/fixtures/clean-prose), one after another.
    Articles,
}

/// The clean-prose articles, in file-name order, each followed by a blank line.
fn articles() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-prose");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/clean-prose is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("an article is UTF-8") + "\n\n")
        .collect()
}

/// A tiny deterministic generator (64-bit LCG), so that every run sees the same text.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const NOUNS: [&str; 8] = [
    "people", "attacks", "homes", "schools", "soldiers", "families", "voters", "workers",
];
const PLACES: [&str; 6] = [
    "the capital",
    "the north",
    "three provinces",
    "the border region",
    "the city",
    "rural districts",
];

fn dense_sentence(r: &mut Lcg) -> String {
    let n = 100 + r.below(9900);
    let pct = 1 + r.below(60);
    let noun = r.pick(&NOUNS);
    let place = r.pick(&PLACES);
    match r.below(5) {
        0 => format!(
            "Officials said {n} {noun} were affected in {place}, up {pct}% from {} a year earlier.",
            n * 100 / (100 + pct)
        ),
        1 => format!(
            "About {}.{} million {noun} live in {place}, and {pct} percent of them are under 18.",
            1 + r.below(9),
            r.below(10)
        ),
        2 => format!(
            "Between {n} and {} {noun} were counted on March {}, 2024, the report said.",
            n + 500,
            1 + r.below(28)
        ),
        3 => format!(
            "The budget rose from ${}.{} billion to ${}.{} billion, or by nearly a third.",
            2 + r.below(5),
            r.below(10),
            8 + r.below(5),
            r.below(10)
        ),
        _ => format!(
            "Of the {n} {noun}, {} were in {place} and {} elsewhere.",
            n / 2,
            n - n / 2
        ),
    }
}

fn sparse_sentence(r: &mut Lcg) -> String {
    if r.below(10) == 0 {
        return dense_sentence(r);
    }
    let noun = r.pick(&NOUNS);
    let place = r.pick(&PLACES);
    match r.below(4) {
        0 => format!("Residents of {place} said the {noun} had been waiting for weeks."),
        1 => format!("The minister promised that {noun} in {place} would not be forgotten."),
        2 => format!(
            "Critics argued that the plan did little for {noun}, while supporters praised it."
        ),
        _ => format!("Reporters who visited {place} found {noun} queueing outside the offices."),
    }
}

/// `size` bytes (to the nearest character) of the given prose, in paragraphs.
fn text(prose: Prose, size: usize) -> String {
    let mut r = Lcg(size as u64 ^ 0x5eed);
    let mut s = String::with_capacity(size + 64 * KB);
    let corpus = match prose {
        Prose::Articles => articles(),
        _ => String::new(),
    };
    while s.len() < size {
        match prose {
            Prose::News => s.push_str(ARTICLE),
            Prose::Articles => s.push_str(&corpus),
            Prose::Dense | Prose::Sparse => {
                for _ in 0..1 + r.below(5) {
                    let sentence = match prose {
                        Prose::Dense => dense_sentence(&mut r),
                        _ => sparse_sentence(&mut r),
                    };
                    s.push_str(&sentence);
                    s.push(' ');
                }
            }
        }
        s.push_str("\n\n");
    }
    let mut end = size;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn sizes() -> Vec<usize> {
    let mut sizes = vec![KB, 100 * KB, 10 * MB];
    if std::env::var_os("NUMCHECK_BENCH_LARGE").is_some() {
        sizes.push(100 * MB);
    }
    sizes
}

fn document(text: String) -> Document {
    Document::new("bench.txt", text, Format::Plain)
}

/// Times `work` on a fresh document of each iteration (cloning the text is not timed),
/// counting bytes and the claims found.
fn run(bencher: Bencher, prose: Prose, size: usize, work: fn(&Document) -> usize) {
    let input = text(prose, size);
    let claims = extract(&document(input.clone())).len();
    bencher
        .counter(BytesCount::new(input.len()))
        .counter(ItemsCount::new(claims))
        .with_inputs(|| input.clone())
        .bench_local_values(|t| work(&document(t)));
}

fn extract_only(doc: &Document) -> usize {
    extract(doc).len()
}

fn extract_and_check(doc: &Document) -> usize {
    check_document(doc, &Settings::default()).1.len()
}

#[divan::bench_group(sample_count = 10, max_time = 5)]
mod extract_only {
    use super::*;

    #[divan::bench(args = sizes())]
    fn news(b: Bencher, size: usize) {
        run(b, Prose::News, size, extract_only);
    }
    #[divan::bench(args = sizes())]
    fn dense(b: Bencher, size: usize) {
        run(b, Prose::Dense, size, extract_only);
    }
    #[divan::bench(args = sizes())]
    fn sparse(b: Bencher, size: usize) {
        run(b, Prose::Sparse, size, extract_only);
    }
    #[divan::bench(args = sizes())]
    fn articles(b: Bencher, size: usize) {
        run(b, Prose::Articles, size, extract_only);
    }
}

#[divan::bench_group(sample_count = 10, max_time = 5)]
mod extract_and_check {
    use super::*;

    #[divan::bench(args = sizes())]
    fn news(b: Bencher, size: usize) {
        run(b, Prose::News, size, extract_and_check);
    }
    #[divan::bench(args = sizes())]
    fn dense(b: Bencher, size: usize) {
        run(b, Prose::Dense, size, extract_and_check);
    }
    #[divan::bench(args = sizes())]
    fn sparse(b: Bencher, size: usize) {
        run(b, Prose::Sparse, size, extract_and_check);
    }
    #[divan::bench(args = sizes())]
    fn articles(b: Bencher, size: usize) {
        run(b, Prose::Articles, size, extract_and_check);
    }
}

/// 10 MB of article-sized documents (news and dense prose alternating), checked in parallel
/// on a pool of `threads`: what `--batch` and directory checking do.
#[divan::bench(args = [1, 2], sample_count = 10, max_time = 10)]
fn batch(bencher: Bencher, threads: usize) {
    let docs: Vec<String> = (0..10 * MB / (8 * KB))
        .map(|i| {
            let prose = if i % 2 == 0 {
                Prose::News
            } else {
                Prose::Dense
            };
            text(prose, 8 * KB + i)
        })
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        pool.install(|| {
            docs.par_iter()
                .map(|t| extract_and_check(&document(t.clone())))
                .sum::<usize>()
        })
    });
}
