//! Parses many files in one process and reports the parsing time alone, for
//! `bench/frontend.py parse` (which runs `python3`'s `ast.parse` on the same files in the same run).
//!
//! Usage: `parse_files ROUNDS FILE...`. Every file is read into memory first; then each
//! round parses all of them. Prints one line per round: `BYTES SECONDS FAILURES`.

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let sources: Vec<(String, Vec<u8>)> = args
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    let total: usize = sources.iter().map(|(_, bytes)| bytes.len()).sum();
    for _ in 0..rounds {
        let start = Instant::now();
        let failures = sources
            .iter()
            .filter(|(path, bytes)| pyrite_parser::parse_module(bytes, path).is_err())
            .count();
        println!("{total} {:.6} {failures}", start.elapsed().as_secs_f64());
    }
}
