//! `-X dump=ast` and `-X dump=code`: the parser's and the compiler's output as text, in
//! the exact form `shared/oracle/codedump.py` prints under CPython 3.14, so that the
//! parity harness (`tools/parity.py`) can compare them file by file.

use crate::cmdline::{Config, Program};
use std::process::ExitCode;

pub fn is_dump_xoption(opt: &str) -> bool {
    opt.split_once('=').is_some_and(|(key, _)| key == "dump")
}

pub fn run(program_name: &str, mode: &str, config: &Config) -> ExitCode {
    let Program::File(path) = &config.program else {
        eprintln!("{program_name}: -X dump={mode} needs a FILE to read");
        return ExitCode::from(2);
    };
    let source = match std::fs::read(path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("{program_name}: can't open file '{path}': {err}");
            return ExitCode::from(2);
        }
    };
    let _ = source;
    match mode {
        "ast" => not_yet(program_name, "the parser (issue 'Parser')"),
        "code" => not_yet(program_name, "the compiler (issue 'Compiler')"),
        _ => {
            eprintln!("{program_name}: -X dump= takes 'ast' or 'code', not {mode:?}");
            ExitCode::from(2)
        }
    }
}

fn not_yet(program_name: &str, what: &str) -> ExitCode {
    eprintln!("{program_name}: cannot dump yet: {what} is not implemented");
    ExitCode::from(1)
}
