//! The interactive interpreter: `pyrite -i`, and `pyrite` with a terminal on stdin and
//! no program.
//!
//! CPython counterpart: `Python/pythonrun.c` (`PyRun_InteractiveLoopObject`,
//! `PyRun_InteractiveOneObjectEx`), `Parser/myreadline.c` (`PyOS_StdioReadline`: the
//! prompt goes to stderr, the line comes from stdin) and the interactive parts of
//! `Modules/main.c` (`pymain_header`, `pymain_run_startup`,
//! `pymain_run_interactive_hook`, `pymain_repl`). This is CPython's basic loop (the one
//! `PYTHON_BASIC_REPL` selects); CPython 3.14 runs `_pyrepl` on a terminal instead,
//! which Pyrite does not have yet.
//!
//! CPython's tokenizer asks for lines as its parser needs them; here each line is added
//! to the statement typed so far and the statement is parsed again to decide whether
//! it is complete, needs more lines (open brackets, strings, blocks, a compound
//! statement waiting for its blank line) or is a syntax error to report now.

use std::io::{BufRead, Write};

use pyrite_objects::{PyErr, PyRef, ThreadState, str as pystr};

/// What the loop ended with: the end of input (status 0) or `SystemExit`'s status.
pub struct Exit(pub u8);

/// The version banner `pymain_header` writes before the first prompt.
pub fn print_banner(ts: &ThreadState, site_import: bool) {
    let version = sys_attr(ts, "version")
        .and_then(|version| version.str(ts).ok())
        .map(|text| pystr::to_rust_string(&text))
        .unwrap_or_default();
    let platform = sys_attr(ts, "platform")
        .and_then(|platform| platform.str(ts).ok())
        .map(|text| pystr::to_rust_string(&text))
        .unwrap_or_default();
    let mut text = format!("Python {version} on {platform}\n");
    if site_import {
        text.push_str(
            "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
        );
    }
    write_stderr(text.as_bytes());
}

/// `pymain_run_startup`: the file `PYTHONSTARTUP` names runs in `__main__` first.
pub fn run_startup_file(ts: &ThreadState, globals: &PyRef) -> Option<Exit> {
    let path = std::env::var("PYTHONSTARTUP")
        .ok()
        .filter(|path| !path.is_empty())?;
    let source = match std::fs::read(&path) {
        Ok(source) => source,
        Err(err) => {
            let filename = pystr::new(ts, &path).into_ref();
            let err = pyrite_modules::posix::io_error(ts, &err, Some(&filename));
            write_stderr(b"Could not open PYTHONSTARTUP\n");
            return report(ts, err);
        }
    };
    let code = match crate::run::compile_module_source(ts, &source, &path) {
        Ok(code) => code,
        Err(err) => return report(ts, err),
    };
    match pyrite_vm::ceval::run_code(ts, code, globals.clone()) {
        Ok(_) => None,
        Err(err) => report(ts, err),
    }
}

/// `pymain_run_interactive_hook`: `sys.__interactivehook__()` (which `site` sets),
/// before the first prompt.
pub fn run_interactive_hook(ts: &ThreadState) -> Option<Exit> {
    let hook = sys_attr(ts, "__interactivehook__")?;
    match pyrite_objects::abstract_api::call(ts, &hook, &[], None) {
        Ok(_) => None,
        Err(err) => {
            write_stderr(b"Failed calling sys.__interactivehook__\n");
            report(ts, err)
        }
    }
}

/// `PyRun_InteractiveLoopObject`: reads, compiles and runs statements from stdin in
/// `globals` (the `__main__` namespace) until the input ends or `SystemExit`.
pub fn interactive_loop(ts: &ThreadState, globals: &PyRef, optimize: u8) -> Exit {
    for (name, default) in [("ps1", ">>> "), ("ps2", "... ")] {
        if sys_attr(ts, name).is_none()
            && let Ok(sys) = sys_module(ts)
        {
            let value = pystr::new(ts, default).into_ref();
            let _ =
                pyrite_objects::attrs::set_attr(ts, &sys, &pystr::intern(ts, name), Some(&value));
        }
    }
    loop {
        let Some(statement) = read_statement(ts) else {
            return Exit(0);
        };
        if let Some(exit) = run_statement(ts, globals, &statement, optimize) {
            return exit;
        }
    }
}

/// One statement as typed, or the syntax error found in it while reading.
struct Statement {
    source: String,
    error: Option<pyrite_ast::SyntaxError>,
}

/// Reads lines (the first after `sys.ps1`, the others after `sys.ps2`) until they make a
/// complete statement, a syntax error, or the input ends. `None` at the end of input
/// with nothing typed.
fn read_statement(ts: &ThreadState) -> Option<Statement> {
    let mut source = String::new();
    let mut lines = 0usize;
    loop {
        let prompt = prompt_text(ts, if lines == 0 { "ps1" } else { "ps2" });
        let _ = std::io::stdout().flush();
        write_stderr(prompt.as_bytes());
        let mut line = Vec::new();
        let read = std::io::stdin().lock().read_until(b'\n', &mut line);
        if !matches!(read, Ok(n) if n > 0) {
            // `PyOS_StdioReadline` ends the prompt's line at the end of input.
            write_stderr(b"\n");
            if source.is_empty() {
                return None;
            }
            return Some(Statement {
                source,
                error: None,
            });
        }
        let mut line = String::from_utf8_lossy(&line).into_owned();
        if !line.ends_with('\n') {
            line.push('\n');
        }
        let blank = line.trim_end_matches(['\n', '\r']).is_empty();
        if lines == 0 && is_blank_or_comment(&line) {
            // an empty statement: nothing runs, the next prompt is `sys.ps1` again
            continue;
        }
        source.push_str(&line);
        lines += 1;
        match progress(&source, lines, blank) {
            Progress::NeedsMore => {}
            Progress::Complete => {
                return Some(Statement {
                    source,
                    error: None,
                });
            }
            Progress::Error(err) => {
                return Some(Statement {
                    source,
                    error: Some(err),
                });
            }
        }
    }
}

fn is_blank_or_comment(line: &str) -> bool {
    let code = line.trim_start_matches([' ', '\t', '\x0c']);
    code.starts_with('#') || code.trim_end_matches(['\n', '\r']).is_empty()
}

/// What the lines typed so far are.
enum Progress {
    Complete,
    NeedsMore,
    /// A syntax error CPython's parser finds before the input ends, although the whole
    /// text (with an unclosed bracket) reports another.
    Error(pyrite_ast::SyntaxError),
}

fn parse_single(source: &str) -> Result<pyrite_ast::Mod, Option<pyrite_ast::SyntaxError>> {
    use pyrite_parser::parser::StartRule;
    match pyrite_parser::parse_with_warnings(source.as_bytes(), "<stdin>", StartRule::Single) {
        Ok(parsed) => Ok(parsed.module),
        Err((pyrite_parser::ParseError::Syntax(err), _)) => Err(Some(err)),
        Err(_) => Err(None),
    }
}

/// Whether the statement typed so far waits for more lines: an error at the end of the
/// input (an unclosed bracket or string, a block not begun), or a compound statement
/// not yet ended by a blank line.
fn progress(source: &str, lines: usize, last_line_blank: bool) -> Progress {
    let err = match parse_single(source) {
        Ok(module) if !last_line_blank && is_compound(&module) => return Progress::NeedsMore,
        Ok(_) | Err(None) => return Progress::Complete,
        Err(Some(err)) => err,
    };
    if err
        .msg
        .starts_with("unterminated triple-quoted string literal")
    {
        return Progress::NeedsMore;
    }
    if err.msg.ends_with("was never closed") {
        // CPython's parser fails as soon as it reads a wrong token: with the brackets
        // closed after the last line, an error inside the typed lines is that one.
        let closers = closing_brackets(source);
        if lines > 1
            && let Err(Some(inner)) = parse_single(&format!(
                "{source}{closers}
"
            ))
            && inner.lineno.is_some_and(|line| line <= lines as i32)
            && !inner.msg.ends_with("was never closed")
        {
            return Progress::Error(inner);
        }
        return Progress::NeedsMore;
    }
    if last_line_blank {
        return Progress::Complete;
    }
    let at_end = err.lineno.is_some_and(|line| line == lines as i32)
        && err.offset.is_some_and(|offset| {
            let last = source.lines().last().unwrap_or_default();
            offset as usize > last.trim_end().len()
        });
    // What a block, a `try` or a decorator still waits for, found at the end of the
    // text: CPython's tokenizer would have asked for the next line first.
    let last_is_decorator = source
        .lines()
        .last()
        .is_some_and(|line| line.trim_start().starts_with('@'));
    let waits_for_more = err.msg.starts_with("expected an indented block")
        || err.msg == "expected 'except' or 'finally' block";
    let on_last_line = err.lineno.is_some_and(|line| line == lines as i32);
    let needs_more = err.msg.starts_with("unexpected EOF")
        || (waits_for_more && at_end)
        || (err.msg == "invalid syntax" && last_is_decorator && on_last_line)
        || err.lineno.is_some_and(|line| line > lines as i32);
    if needs_more {
        Progress::NeedsMore
    } else {
        Progress::Complete
    }
}

/// The brackets that close those left open in `source` (strings and comments
/// skipped), innermost first.
fn closing_brackets(source: &str) -> String {
    let mut open = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '#' => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        break;
                    }
                }
            }
            '\'' | '"' => {
                while let Some(next) = chars.next() {
                    if next == '\\' {
                        chars.next();
                    } else if next == ch || next == '\n' {
                        break;
                    }
                }
            }
            '(' => open.push(')'),
            '[' => open.push(']'),
            '{' => open.push('}'),
            ')' | ']' | '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.iter().rev().collect()
}

/// Whether the statement is one that a blank line ends (its last clause could go on).
fn is_compound(module: &pyrite_ast::Mod) -> bool {
    use pyrite_ast::Stmt;
    let pyrite_ast::Mod::Interactive(interactive) = module else {
        return false;
    };
    interactive.body.iter().any(|statement| {
        matches!(
            statement,
            Stmt::FunctionDef(_)
                | Stmt::AsyncFunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::For(_)
                | Stmt::AsyncFor(_)
                | Stmt::While(_)
                | Stmt::If(_)
                | Stmt::With(_)
                | Stmt::AsyncWith(_)
                | Stmt::Match(_)
                | Stmt::Try(_)
                | Stmt::TryStar(_)
        )
    })
}

/// `PyRun_InteractiveOneObjectEx` after the parse: compile in 'single' mode, run in
/// `__main__`, report an exception. `Some` when `SystemExit` ends the session.
fn run_statement(
    ts: &ThreadState,
    globals: &PyRef,
    statement: &Statement,
    optimize: u8,
) -> Option<Exit> {
    if let Some(err) = &statement.error {
        return report(
            ts,
            pyrite_modules::builtins_compile::syntax_error(ts, err, "<stdin>"),
        );
    }
    let code = match pyrite_modules::builtins_compile::compile_single(
        ts,
        statement.source.as_bytes(),
        "<stdin>",
        i32::from(optimize),
    ) {
        Ok(code) => code,
        Err(err) => return report(ts, err),
    };
    pyrite_vm::pythonrun::register_interactive_source(&code.code, &statement.source);
    let result = pyrite_vm::ceval::run_code(ts, code, globals.clone());
    let _ = std::io::stdout().flush();
    match result {
        Ok(_) => None,
        Err(err) => report(ts, err),
    }
}

/// `PyErr_Print` in the loop: `SystemExit` ends the session with its status; anything
/// else is printed through `sys.excepthook` and the loop goes on.
pub fn report(ts: &ThreadState, err: PyErr) -> Option<Exit> {
    let exc = err.into_exception(ts);
    if exc
        .ob_type()
        .is_subtype(ts, &pyrite_objects::exceptions::SYSTEM_EXIT_TYPE)
    {
        let pyrite_vm::pythonrun::Outcome::Exit(status) =
            pyrite_vm::pythonrun::handle_uncaught(ts, PyErr::from_exception(exc));
        return Some(Exit(status));
    }
    pyrite_vm::pythonrun::print_error_keeping_going(ts, &exc);
    None
}

/// `str(sys.ps1)` or `str(sys.ps2)`; `''` when it is missing or its `str()` fails.
fn prompt_text(ts: &ThreadState, name: &str) -> String {
    sys_attr(ts, name)
        .and_then(|value| value.str(ts).ok())
        .map(|text| pystr::to_rust_string(&text))
        .unwrap_or_default()
}

fn sys_module(ts: &ThreadState) -> Result<PyRef, PyErr> {
    pyrite_vm::import::import_module(ts, &pystr::intern(ts, "sys"))
}

fn sys_attr(ts: &ThreadState, name: &str) -> Option<PyRef> {
    let sys = sys_module(ts).ok()?;
    pyrite_objects::attrs::lookup_attr(ts, &sys, &pystr::intern(ts, name))
        .ok()
        .flatten()
}

fn write_stderr(bytes: &[u8]) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(bytes);
    let _ = stderr.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs_more(source: &str, lines: usize, blank: bool) -> bool {
        matches!(progress(source, lines, blank), Progress::NeedsMore)
    }

    #[test]
    fn simple_statements_are_complete_at_once() {
        assert!(!needs_more("x = 1\n", 1, false));
        assert!(!needs_more("x y\n", 1, false));
        assert!(!needs_more("1 +\n", 1, false));
        assert!(!needs_more("if x:\ny\n", 2, false));
    }

    #[test]
    fn open_brackets_strings_and_blocks_need_more() {
        assert!(needs_more("(1,\n", 1, false));
        assert!(needs_more("\"\"\"a\n", 1, false));
        assert!(needs_more("if x:\n", 1, false));
        assert!(needs_more("if x:\n  y\n", 2, false));
        assert!(needs_more("x = 1 + \\\n", 1, false));
        assert!(!needs_more("if x:\n  y\n\n", 3, true));
        assert!(!needs_more("(1,\n 2)\n", 2, false));
    }

    #[test]
    fn an_error_before_the_unclosed_bracket_is_reported() {
        assert!(matches!(
            progress("(1, 2\nprint('ok')\n", 2, false),
            Progress::Error(_)
        ));
        assert_eq!(closing_brackets("f([1, ')'\n"), "])");
    }

    #[test]
    fn blank_or_comment_lines() {
        assert!(is_blank_or_comment("\n"));
        assert!(is_blank_or_comment("   # note\n"));
        assert!(!is_blank_or_comment("x\n"));
    }
}
