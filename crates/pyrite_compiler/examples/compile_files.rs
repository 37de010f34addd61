//! Compiles many files (source text to code objects) in one process and reports the time
//! alone, for `bench/frontend.py compile` (which runs `python3`'s `compile()` on the same
//! files in the same run).
//!
//! Usage: `compile_files ROUNDS FILE...`. Every file is read into memory first; then each
//! round parses and compiles all of them. Prints one line per round: `BYTES WALL_SECONDS
//! CPU_SECONDS FAILURES` (CPU time of this thread; wall time again where it is unknown).

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The calling thread's CPU time in seconds (Linux `schedstat`, the clock behind
/// CPython's `time.thread_time()`); `None` where it is not available.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let sources: Vec<(String, Vec<u8>)> = args
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    let total: usize = sources.iter().map(|(_, bytes)| bytes.len()).sum();
    for _ in 0..rounds {
        let start = Instant::now();
        let cpu_start = thread_cpu_seconds();
        let failures = sources
            .iter()
            .filter(|(path, bytes)| {
                pyrite_parser::parse_module(bytes, path)
                    .map_err(|_| ())
                    .and_then(|module| {
                        pyrite_compiler::compile::compile_file(&module, path, 0).map_err(|_| ())
                    })
                    .is_err()
            })
            .count();
        let wall = start.elapsed().as_secs_f64();
        let cpu = match (cpu_start, thread_cpu_seconds()) {
            (Some(before), Some(after)) => after - before,
            _ => wall,
        };
        println!("{total} {wall:.6} {cpu:.6} {failures}");
    }
}
