//! Pyrite's half of the `.pyc` interchange check with CPython 3.14
//! (`tools/pyc_interchange.py` drives it; CPython's side is `Lib/importlib` writing and
//! `marshal.loads` reading `.pyc` files).
//!
//!     pyc_interchange write ROOT [--out DIR] FILE...
//!         Compiles each FILE (relative to ROOT, which is also its co_filename, as
//!         codedump.py names it) and prints `SHA256 FILE`: the sha256 of the .pyc Pyrite
//!         writes for it (timestamp header, mtime 0, the source's size). With --out, also
//!         writes that .pyc to DIR/NAME.pyc (NAME: FILE with '/' as '@').
//!     pyc_interchange load DIR FILE...
//!         Reads each DIR/NAME.pyc (written by CPython) with Pyrite's marshal and prints
//!         `SHA256 FILE`: the sha256 of its `codedump.py code` text (with the final newline).
//!
//! A file that fails prints `ERROR FILE: why` instead; the exit status stays 0 (the
//! driving script decides what is a failure).

use std::path::Path;
use std::process::ExitCode;

use pyrite_bytecode::codedump;
use pyrite_bytecode::pyc::{self, Validation};
use sha2::{Digest, Sha256};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn pyc_name(file: &str) -> String {
    file.replace('/', "@") + "c"
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_one(root: &Path, file: &str, out: Option<&Path>) -> Result<String, String> {
    let source = std::fs::read(root.join(file)).map_err(|e| e.to_string())?;
    let module = pyrite_parser::parse_module(&source, file).map_err(|e| format!("{e:?}"))?;
    let compiled =
        pyrite_compiler::compile::compile_file(&module, file, 0).map_err(|e| format!("{e:?}"))?;
    let source_size = u32::try_from(source.len() & 0xffff_ffff).unwrap_or(u32::MAX);
    let data = pyc::write(
        Validation::Timestamp {
            mtime: 0,
            source_size,
        },
        &compiled.code,
    );
    if let Some(dir) = out {
        std::fs::write(dir.join(pyc_name(file)), &data).map_err(|e| e.to_string())?;
    }
    Ok(hex(&Sha256::digest(&data)))
}

fn load_one(dir: &Path, file: &str) -> Result<String, String> {
    let data = std::fs::read(dir.join(pyc_name(file))).map_err(|e| e.to_string())?;
    let parsed = pyc::read(&data).map_err(|e| e.to_string())?;
    let text = codedump::dump(&parsed.code) + "\n";
    Ok(hex(&Sha256::digest(text.as_bytes())))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let report = |file: &str, result: Result<String, String>| match result {
        Ok(digest) => println!("{digest} {file}"),
        Err(why) => println!("ERROR {file}: {}", why.replace('\n', " ")),
    };
    match args.first().map(String::as_str) {
        Some("write") if args.len() >= 2 => {
            let root = Path::new(&args[1]);
            let (out, files) = if args.get(2).map(String::as_str) == Some("--out") {
                (
                    args.get(3).map(Path::new),
                    args.get(4..).unwrap_or_default(),
                )
            } else {
                (None, &args[2..])
            };
            for file in files {
                report(file, write_one(root, file, out));
            }
        }
        Some("load") if args.len() >= 2 => {
            let dir = Path::new(&args[1]);
            for file in &args[2..] {
                report(file, load_one(dir, file));
            }
        }
        _ => {
            eprintln!("usage: pyc_interchange write ROOT [--out DIR] FILE... | load DIR FILE...");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
