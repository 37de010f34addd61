//! `-X dump=ast` and `-X dump=code`: the parser's and the compiler's output as text, in
//! the exact form `shared/oracle/codedump.py` prints under CPython 3.14, so that the
//! parity harness (`tools/parity.py`) can compare them file by file. `-X dump=symtable`
//! prints the symbol tables as `tools/symtable_dump.py` prints CPython's.

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
    match mode {
        "ast" => not_yet(program_name, "the parser (issue 'Parser')"),
        "code" => not_yet(program_name, "the compiler (issue 'Compiler')"),
        "symtable" => dump_symtable(program_name, &source, path),
        _ => {
            eprintln!("{program_name}: -X dump= takes 'ast', 'code' or 'symtable', not {mode:?}");
            ExitCode::from(2)
        }
    }
}

/// What `symtable.symtable(source, path, "exec")` makes of the file: the tables, or the
/// SyntaxError of the parser, the future-import check or the symtable pass.
fn dump_symtable(program_name: &str, source: &[u8], path: &str) -> ExitCode {
    use pyrite_compiler::symtable::dump;
    let Some(parsed) = parse_module(source, path) else {
        return not_yet(program_name, "the parser (issue 'Parser')");
    };
    let text = match parsed {
        Err(err) => dump::dump_syntax_error(&err),
        Ok(module) => match pyrite_compiler::module_symtable(&module) {
            Ok(table) => dump::dump(&table),
            Err(err) => dump::dump_error(&err),
        },
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// The parser's entry point; `None` while there is no parser. Once `pyrite_parser` has
/// `parse_module(bytes, filename)`, this returns `Some(pyrite_parser::parse_module(...))`.
fn parse_module(
    _source: &[u8],
    _filename: &str,
) -> Option<Result<pyrite_ast::Mod, pyrite_ast::SyntaxError>> {
    None
}

fn not_yet(program_name: &str, what: &str) -> ExitCode {
    eprintln!("{program_name}: cannot dump yet: {what} is not implemented");
    ExitCode::from(1)
}
