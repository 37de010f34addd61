//! `-X dump=ast` and `-X dump=code`: the parser's and the compiler's output as text, in
//! the exact form `shared/oracle/codedump.py` prints under CPython 3.14, so that the
//! parity harness (`tools/parity.py`) can compare them file by file. `-X dump=symtable`
//! prints the symbol tables as `tools/symtable_dump.py` prints CPython's.

use crate::cmdline::{Config, Program};
use std::process::ExitCode;

/// `println!` that ignores a closed stdout (e.g. `| head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

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
        "ast" => dump_ast(&source, path),
        "syntaxerror" => dump_syntax_error(&source, path),
        "code" => not_yet(program_name, "the compiler (issue 'Compiler')"),
        "symtable" => dump_symtable(&source, path),
        "codegen" => dump_codegen(&source, path, config),
        _ => {
            eprintln!(
                "{program_name}: -X dump= takes 'ast', 'syntaxerror', 'code', 'codegen' or 'symtable', not {mode:?}"
            );
            ExitCode::from(2)
        }
    }
}

/// What `symtable.symtable(source, path, "exec")` makes of the file: the tables, or the
/// SyntaxError of the parser, the future-import check or the symtable pass.
fn dump_symtable(source: &[u8], path: &str) -> ExitCode {
    use pyrite_compiler::symtable::dump;
    let text = match pyrite_parser::parse_module(source, path) {
        Err(err) => dump::dump_syntax_error(&err),
        Ok(module) => match pyrite_compiler::module_symtable(&module) {
            Ok(table) => dump::dump(&table),
            Err(err) => dump::dump_error(&err),
        },
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// `tools/codegen_dump.py`'s text: every instruction sequence before optimization, as
/// `_testinternalcapi.compiler_codegen` gives them, nested ones depth-first.
fn dump_codegen(source: &[u8], path: &str, config: &Config) -> ExitCode {
    use pyrite_compiler::codegen::CompileError;
    use pyrite_compiler::instruction_sequence::{InstructionSequence, opcode_name};
    fn dump_seq(seq: &mut InstructionSequence, depth: usize, out: &mut String) {
        use std::fmt::Write;
        let _ = writeln!(out, "seq {depth}");
        for (op, arg, line, end_line, col, end_col) in seq.instructions() {
            let name = opcode_name(op).map_or_else(|| format!("<{op}>"), str::to_string);
            let arg = arg.map_or_else(|| "-".to_string(), |a| a.to_string());
            let _ = writeln!(out, "{name} {arg} {line} {end_line} {col} {end_col}");
        }
        for nested in &mut seq.nested {
            dump_seq(nested, depth + 1, out);
        }
    }
    let module = match pyrite_parser::parse_with_warnings(
        source,
        path,
        pyrite_parser::parser::StartRule::File,
    ) {
        Ok(parsed) => {
            print_warnings(&parsed.warnings, path, source);
            parsed.module
        }
        Err((err, warnings)) => {
            print_warnings(&warnings, path, source);
            let err = match err {
                pyrite_parser::ParseError::Syntax(err) => err,
                pyrite_parser::ParseError::Value(msg) => {
                    eprintln!("ValueError: {msg}");
                    return ExitCode::from(1);
                }
                pyrite_parser::ParseError::Memory(msg) => {
                    eprintln!("MemoryError: {msg}");
                    return ExitCode::from(1);
                }
            };
            println!(
                "SyntaxError {} {} {} {} {}",
                err.msg,
                option_repr(err.lineno),
                option_repr(err.offset),
                option_repr(err.end_lineno),
                option_repr(err.end_offset)
            );
            return ExitCode::SUCCESS;
        }
    };
    match pyrite_compiler::compile::codegen_sequences(&module, i32::from(config.optimize)) {
        Ok((mut seq, warnings)) => {
            let warnings: Vec<pyrite_parser::SyntaxWarning> = warnings
                .into_iter()
                .map(|(lineno, msg)| pyrite_parser::SyntaxWarning { msg, lineno })
                .collect();
            print_warnings(&warnings, path, source);
            let mut out = String::new();
            dump_seq(&mut seq, 0, &mut out);
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(CompileError::Syntax(err)) => {
            println!(
                "SyntaxError {} {} {} {} {}",
                err.msg,
                option_repr(err.lineno),
                option_repr(err.offset),
                option_repr(err.end_lineno),
                option_repr(err.end_offset)
            );
            ExitCode::SUCCESS
        }
        Err(other) => {
            eprintln!("pyrite: cannot generate code: {other:?}");
            ExitCode::from(1)
        }
    }
}

fn not_yet(program_name: &str, what: &str) -> ExitCode {
    eprintln!("{program_name}: cannot dump yet: {what} is not implemented");
    ExitCode::from(1)
}

fn option_repr(value: Option<i32>) -> String {
    value.map_or_else(|| "None".to_string(), |v| v.to_string())
}

/// Prints the parser's warnings as `warnings.showwarning` does.
fn print_warnings(warnings: &[pyrite_parser::SyntaxWarning], path: &str, source: &[u8]) {
    let text = String::from_utf8_lossy(source);
    for warning in warnings {
        eprintln!("{path}:{}: SyntaxWarning: {}", warning.lineno, warning.msg);
        if let Some(line) = text.lines().nth((warning.lineno.max(1) - 1) as usize) {
            let line = line.trim();
            if !line.is_empty() {
                eprintln!("  {line}");
            }
        }
    }
}

/// `codedump.py ast FILE`: the dump, or `SyntaxError MSG LINENO OFFSET`.
fn dump_ast(source: &[u8], path: &str) -> ExitCode {
    match pyrite_parser::parse_with_warnings(source, path, pyrite_parser::parser::StartRule::File) {
        Ok(parsed) => {
            print_warnings(&parsed.warnings, path, source);
            out!("{}", pyrite_ast::dump::dump(&parsed.module));
            ExitCode::SUCCESS
        }
        Err((pyrite_parser::ParseError::Syntax(err), warnings)) => {
            print_warnings(&warnings, path, source);
            out!(
                "SyntaxError {} {} {}",
                err.msg,
                option_repr(err.lineno),
                option_repr(err.offset)
            );
            ExitCode::SUCCESS
        }
        Err((pyrite_parser::ParseError::Value(msg), _)) => {
            eprintln!("ValueError: {msg}");
            ExitCode::from(1)
        }
        Err((pyrite_parser::ParseError::Memory(msg), _)) => {
            eprintln!("MemoryError: {msg}");
            ExitCode::from(1)
        }
    }
}

/// The `tests/cases/syntaxerror/` harness line: `None`, or the repr of
/// `(type, msg, lineno, offset, end_lineno, end_offset, text)`.
fn dump_syntax_error(source: &[u8], path: &str) -> ExitCode {
    use pyrite_ast::repr::text_repr;
    match pyrite_parser::parse_with_warnings(source, path, pyrite_parser::parser::StartRule::File) {
        Ok(parsed) => {
            print_warnings(&parsed.warnings, path, source);
            out!("None");
        }
        Err((pyrite_parser::ParseError::Syntax(err), warnings)) => {
            print_warnings(&warnings, path, source);
            out!(
                "({}, {}, {}, {}, {}, {}, {})",
                text_repr(err.kind.class_name()),
                text_repr(&err.msg),
                option_repr(err.lineno),
                option_repr(err.offset),
                option_repr(err.end_lineno),
                option_repr(err.end_offset),
                err.text
                    .as_deref()
                    .map_or_else(|| "None".to_string(), text_repr)
            );
        }
        Err((pyrite_parser::ParseError::Value(msg), _)) => {
            out!("({}, {})", text_repr("ValueError"), text_repr(&msg));
        }
        Err((pyrite_parser::ParseError::Memory(msg), _)) => {
            eprintln!("MemoryError: {msg}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
