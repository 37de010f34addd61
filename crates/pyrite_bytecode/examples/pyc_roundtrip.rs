//! Pyrite's half of the bytecode round trip (tools/bytecode_roundtrip.py runs it).
//!
//!     cargo run --release -p pyrite_bytecode --example pyc_roundtrip -- DIR
//!
//! For each `N` in DIR/manifest.txt: reads the oracle's DIR/N.pyc with Pyrite's marshal,
//! compares Pyrite's code dump with the oracle's DIR/N.txt, and writes the code object back
//! with Pyrite's marshal as DIR/N.pyrite.pyc (for the oracle to load). It also compares
//! `co_lines()`/`co_positions()`/exception entries with DIR/N.locations.txt and checks that
//! re-encoding each decoded line and exception table gives CPython's bytes back. Exits
//! non-zero if any file failed.

use std::path::Path;
use std::process::ExitCode;

use pyrite_bytecode::code::{CodeObject, Constant};
use pyrite_bytecode::linetable::{self, LineTableWriter};
use pyrite_bytecode::{codedump, exceptiontable, pyc};

/// Whether re-encoding every decoded table of the tree gives the same bytes.
fn tables_reencode(code: &CodeObject) -> bool {
    let mut writer = LineTableWriter::new(code.co_firstlineno);
    for entry in linetable::decode(&code.co_linetable, code.co_firstlineno) {
        writer.push(entry.position, (entry.end - entry.start) / 2);
    }
    let exceptions_same = exceptiontable::decode(&code.co_exceptiontable)
        .is_ok_and(|entries| exceptiontable::encode(&entries) == code.co_exceptiontable);
    writer.finish() == code.co_linetable
        && exceptions_same
        && code.co_consts.iter().all(|constant| match constant {
            Constant::Code(inner) => tables_reencode(inner),
            _ => true,
        })
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: pyc_roundtrip DIR");
        return ExitCode::from(2);
    };
    let dir = Path::new(&dir);
    let manifest = match std::fs::read_to_string(dir.join("manifest.txt")) {
        Ok(text) => text,
        Err(error) => {
            eprintln!(
                "cannot read {}: {error}",
                dir.join("manifest.txt").display()
            );
            return ExitCode::from(2);
        }
    };
    let (mut total, mut same, mut failures) = (0, 0, 0);
    for line in manifest.lines() {
        let Some((number, name)) = line.split_once(' ') else {
            continue;
        };
        total += 1;
        let read = |suffix: &str| std::fs::read(dir.join(format!("{number}{suffix}")));
        let (Ok(data), Ok(expected)) = (read(".pyc"), read(".txt")) else {
            println!("MISSING {name}");
            continue;
        };
        let parsed = match pyc::read(&data) {
            Ok(parsed) => parsed,
            Err(error) => {
                println!("LOAD FAILED {name}: {error}");
                continue;
            }
        };
        let text = codedump::dump(&parsed.code) + "\n";
        if text.as_bytes() == expected.as_slice() {
            same += 1;
        } else {
            println!("DUMP DIFFERS {name} (Pyrite's dump: {number}.pyrite.txt)");
            let _ = std::fs::write(dir.join(format!("{number}.pyrite.txt")), &text);
        }
        match read(".locations.txt") {
            Ok(expected) if codedump::dump_locations(&parsed.code).as_bytes() != expected => {
                println!("LOCATIONS DIFFER {name}");
                failures += 1;
            }
            _ => {}
        }
        if !tables_reencode(&parsed.code) {
            println!("TABLES DO NOT RE-ENCODE {name}");
            failures += 1;
        }
        let written = pyc::write(parsed.validation, &parsed.code);
        if let Err(error) = std::fs::write(dir.join(format!("{number}.pyrite.pyc")), written) {
            println!("WRITE FAILED {name}: {error}");
        }
    }
    println!(
        "Pyrite loaded the oracle's .pyc: {same}/{total} dumps identical, \
         {failures} location or table mismatches"
    );
    if same == total && failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
