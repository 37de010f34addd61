//! Times the compiler alone (symbol tables, codegen, flow-graph optimizer, assembler): parses
//! every file once, then each round only compiles the parsed modules.
//!
//! Usage: `compile_only ROUNDS FILE...`. Prints one line per round: `BYTES SECONDS FAILURES`.

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let modules: Vec<_> = args
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let module = pyrite_parser::parse_module(&bytes, &path).ok()?;
            Some((path, bytes.len(), module))
        })
        .collect();
    let total: usize = modules.iter().map(|(_, len, _)| len).sum();
    for _ in 0..rounds {
        let start = Instant::now();
        let failures = modules
            .iter()
            .filter(|(path, _, module)| {
                pyrite_compiler::compile::compile_file(module, path, 0).is_err()
            })
            .count();
        println!("{total} {:.6} {failures}", start.elapsed().as_secs_f64());
    }
}
