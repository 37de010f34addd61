//! A fuzzing harness for the tokenizer, parser and compiler: no input, however bad, may
//! panic or overflow the stack (`cargo fuzz` needs a nightly toolchain; this runs on
//! stable, in CI for a bounded time and by hand for long runs).
//!
//! Usage: `fuzz_frontend SECONDS [SEED] [DIR...]`. Inputs are the `.py` files under the
//! given directories (default `tests/cases`), mutated: bytes flipped, Python tokens
//! inserted, ranges deleted, duplicated or spliced from another file, characters
//! repeated to build deep nesting. Each mutant is parsed and, when it parses, compiled.
//! A panic anywhere (also on the parser's own big-stack thread) is a crash: the input is
//! written to `target/fuzz/crash-N.py` and the exit status is 1. A stack overflow aborts
//! the process, which the caller sees as a failed run. The input being tried is kept in
//! `target/fuzz/current.py`, so one that hangs (exponential backtracking) can be found.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static PANICS: AtomicUsize = AtomicUsize::new(0);

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "=",
    ":=",
    "==",
    "->",
    "*",
    "**",
    "@",
    "\\",
    "\n",
    "\r",
    "\r\n",
    "\t",
    " ",
    "    ",
    "#",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f'",
    "f\"",
    "t'",
    "rb'",
    "u'",
    "{x!r:>{w}}",
    "{=}",
    "!r",
    "\0",
    "\u{feff}",
    "\u{2028}",
    "é",
    "𝔘",
    "lambda",
    "lambda x:",
    "async ",
    "await ",
    "yield ",
    "yield from ",
    "match ",
    "case ",
    "type ",
    "def ",
    "class ",
    "if ",
    "else",
    "elif ",
    "for ",
    "while ",
    "try:",
    "except",
    "except*",
    "finally:",
    "with ",
    "return",
    "del ",
    "global x",
    "nonlocal x",
    "import ",
    "from . import ",
    "pass",
    "break",
    "continue",
    "raise ",
    "assert ",
    "not ",
    " in ",
    " is ",
    " and ",
    " or ",
    "0x",
    "0b1_",
    "1e",
    "1j",
    "0_0",
    "1__0",
    ".5",
    "9",
    "# coding: latin-1\n",
    "# -*- coding: bogus -*-\n",
    "__debug__",
    "__class__",
    "super()",
    "*args",
    "**kw",
    "/",
    "[T: int = str]",
    "case [a, *b, {'k': v}] if x:",
    "\u{7f}",
    "\u{ff}",
];

/// xorshift64*: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn collect(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py")
            && let Ok(bytes) = std::fs::read(&path)
        {
            out.push(bytes);
        }
    }
}

fn mutate(rng: &mut Rng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut data = corpus[rng.below(corpus.len())].clone();
    if data.len() > 8192 {
        let start = rng.below(data.len() - 4096);
        data = data[start..start + 4096].to_vec();
    }
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            3 if !data.is_empty() => {
                let end = (at + 1 + rng.below(32)).min(data.len());
                data.drain(at.min(end)..end);
            }
            4 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(64)).min(data.len());
                let piece = data[start..end].to_vec();
                data.splice(at..at, piece);
            }
            5 => {
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(256)).min(other.len());
                    data.splice(at..at, other[start..end].iter().copied());
                }
            }
            _ => {
                // deep nesting: one opener repeated many times
                let opener = ["(", "[", "{", "-", "not ", "lambda:", "f'{", "await ", "*"]
                    [rng.below(9)]
                .as_bytes();
                let limit = if rng.below(8) == 0 { 20_000 } else { 300 };
                let times = 1 + rng.below(limit);
                let piece: Vec<u8> = opener
                    .iter()
                    .copied()
                    .cycle()
                    .take(opener.len() * times)
                    .collect();
                data.splice(at..at, piece);
            }
        }
    }
    data
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    let mut dirs: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push(PathBuf::from("tests/cases"));
    }
    let mut corpus = Vec::new();
    for dir in &dirs {
        collect(dir, &mut corpus);
    }
    if corpus.is_empty() {
        eprintln!("fuzz_frontend: no .py files under {dirs:?}");
        std::process::exit(2);
    }
    std::panic::set_hook(Box::new(|info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        eprintln!("fuzz_frontend: PANIC: {info}");
    }));
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut parsed, mut compiled, mut crashes) = (0u64, 0u64, 0u64, 0u64);
    while Instant::now() < deadline {
        let input = mutate(&mut rng, &corpus);
        // kept on disk while it runs, so an input that hangs can be found afterwards
        let _ = std::fs::create_dir_all("target/fuzz");
        let _ = std::fs::write("target/fuzz/current.py", &input);
        let before = PANICS.load(Ordering::SeqCst);
        let outcome = std::panic::catch_unwind(|| {
            let module = pyrite_parser::parse_module(&input, "<fuzz>").ok()?;
            let ok = pyrite_compiler::compile::compile_file(&module, "<fuzz>", 0).is_ok();
            Some(ok)
        });
        runs += 1;
        if let Ok(Some(ok)) = outcome {
            parsed += 1;
            compiled += u64::from(ok);
        }
        if PANICS.load(Ordering::SeqCst) != before {
            crashes += 1;
            let dir = Path::new("target/fuzz");
            let _ = std::fs::create_dir_all(dir);
            let path = dir.join(format!("crash-{crashes}.py"));
            let _ = std::fs::write(&path, &input);
            eprintln!("fuzz_frontend: crash input saved to {}", path.display());
        }
    }
    println!(
        "fuzz_frontend: seed {seed}, {seconds} s: {runs} inputs, {parsed} parsed, {compiled} compiled, {crashes} crashes"
    );
    std::process::exit(i32::from(crashes > 0));
}
