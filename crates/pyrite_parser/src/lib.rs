//! Tokenizer and PEG parser for Python 3.14 source text.
//!
//! CPython counterpart: `Parser/` (`tokenizer/`, `pegen.c`, `parser.c` generated from
//! `Grammar/python.gram`, and the second pass over the `invalid_*` rules that produces
//! the targeted `SyntaxError` messages).

pub mod error;
pub mod future;
pub mod parser;
pub mod tokenizer;

pub use error::SyntaxWarning;
pub use pyrite_ast::{Mod, SyntaxError};

use parser::{Parser, StartRule};
use tokenizer::decoding::{DecodeError, decode_source};

/// Why parsing failed: CPython raises `SyntaxError` (or a subclass) for almost everything,
/// and `ValueError` for source containing NUL bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Syntax(SyntaxError),
    Value(String),
    /// `MemoryError`: the source nests too deeply for the parser.
    Memory(String),
}

/// A successful parse, with the `SyntaxWarning`s emitted on the way.
pub struct Parsed {
    pub module: Mod,
    pub warnings: Vec<SyntaxWarning>,
}

/// Parses `source` in the given mode (CPython's `_PyParser_ASTFromString`), returning the
/// tree and the warnings, or the error `ast.parse` would raise.
pub fn parse_with_warnings(
    source: &[u8],
    filename: &str,
    start: StartRule,
) -> Result<Parsed, (ParseError, Vec<SyntaxWarning>)> {
    let text = match decode_source(source) {
        Ok(text) => text,
        Err(DecodeError::Syntax(e)) => return Err((ParseError::Syntax(e), vec![])),
        Err(DecodeError::Value(msg)) => return Err((ParseError::Value(msg), vec![])),
    };
    // Deeply nested input recurses deeply (and a deep tree is dropped recursively when a
    // parse fails): run on a stack big enough for the parser's own depth limit. It is a
    // fresh stack segment on the caller's thread, not a thread: a thread per parse cost
    // more than many small files take to parse, and freed the tree across threads.
    let run = || {
        let tokens = tokenizer::tokenize(&text);
        let mut warnings = tokens.warnings;
        let mut parser = Parser::new(&text, tokens.tokens, tokens.error, filename);
        let result = parser.parse(start);
        warnings.extend(std::mem::take(&mut parser.warnings));
        // CPython emits tokenizer and parser warnings as it reaches each token.
        warnings.sort_by_key(|w| w.lineno);
        let result = result.and_then(|module| {
            if start == StartRule::File {
                let source = text.as_str();
                future::check_future_imports(&module, |lineno| {
                    let from_file = std::fs::read(filename).ok().and_then(|bytes| {
                        String::from_utf8_lossy(&bytes)
                            .split_inclusive('\n')
                            .nth((lineno - 1).max(0) as usize)
                            .map(str::to_owned)
                    });
                    from_file.or_else(|| {
                        source
                            .split_inclusive('\n')
                            .nth((lineno - 1).max(0) as usize)
                            .map(str::to_owned)
                    })
                })?;
            }
            Ok(module)
        });
        match result {
            Ok(module) => Ok(Parsed { module, warnings }),
            Err(e) if parser.stack_overflowed => Err((ParseError::Memory(e.msg), warnings)),
            Err(e) => Err((ParseError::Syntax(e), warnings)),
        }
    };
    stacker::grow(PARSER_STACK_SIZE, || {
        // A bug must not take the caller down with it: report it as an error instead.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
            .unwrap_or_else(|_| Err((ParseError::Value("parser failed".into()), Vec::new())))
    })
}

/// The parser's stack: pages are only committed as they are used.
const PARSER_STACK_SIZE: usize = 256 * 1024 * 1024;

/// `ast.parse(source, filename)` in `exec` mode.
pub fn parse_module(source: &[u8], filename: &str) -> Result<Mod, SyntaxError> {
    match parse_with_warnings(source, filename, StartRule::File) {
        Ok(parsed) => Ok(parsed.module),
        Err((ParseError::Syntax(e), _)) => Err(e),
        Err((ParseError::Value(msg) | ParseError::Memory(msg), _)) => Err(SyntaxError {
            kind: pyrite_ast::SyntaxErrorKind::SyntaxError,
            msg,
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
            location_in_args: false,
        }),
    }
}

/// `eval` mode.
pub fn parse_expression(source: &[u8], filename: &str) -> Result<Mod, ParseError> {
    parse_with_warnings(source, filename, StartRule::Eval)
        .map(|p| p.module)
        .map_err(|(e, _)| e)
}

/// `single` (interactive) mode.
pub fn parse_interactive(source: &[u8], filename: &str) -> Result<Mod, ParseError> {
    parse_with_warnings(source, filename, StartRule::Single)
        .map(|p| p.module)
        .map_err(|(e, _)| e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyrite_ast::SyntaxErrorKind;

    /// `(type, msg, lineno, offset, end_lineno, end_offset, text)` as the oracle prints it
    /// for `ast.parse(source)` (file name `<unknown>`, so the text comes from the source).
    fn error_of(source: &str) -> (SyntaxErrorKind, String, i32, i32, i32, i32, String) {
        let err = parse_module(source.as_bytes(), "<unknown>").expect_err("a SyntaxError");
        (
            err.kind,
            err.msg,
            err.lineno.unwrap_or(-99),
            err.offset.unwrap_or(-99),
            err.end_lineno.unwrap_or(-99),
            err.end_offset.unwrap_or(-99),
            err.text.unwrap_or_default(),
        )
    }

    // Expected texts below come from the oracle (CPython 3.14.2).
    #[test]
    fn fstring_tree_matches_cpython() {
        let module = parse_module(b"f\"a{x}b\"", "<unknown>").unwrap();
        assert_eq!(
            pyrite_ast::dump::dump(&module),
            "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=-1, lineno=1, col_offset=3, end_lineno=1, end_col_offset=6), Constant(value='b', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)])"
        );
    }

    #[test]
    fn debug_specifier_text() {
        let module = parse_module(b"f\"{ x = !r}\"", "<unknown>").unwrap();
        let text = pyrite_ast::dump::dump(&module);
        assert!(text.contains(
            "Constant(value=' x = ', lineno=1, col_offset=3, end_lineno=1, end_col_offset=8)"
        ));
    }

    #[test]
    fn tokenizer_errors() {
        let e = error_of("x = (");
        assert_eq!(
            (e.1.as_str(), e.2, e.3, e.4, e.5),
            ("'(' was never closed", 1, 5, 1, 0)
        );
        assert_eq!(e.6, "x = (\n");
        let e = error_of("1_");
        assert_eq!(
            (e.1.as_str(), e.2, e.3, e.4, e.5, e.6.as_str()),
            ("invalid decimal literal", 1, 2, 1, 2, "1_")
        );
        let e = error_of("if x:\n\ta\n        b");
        assert_eq!(e.0, SyntaxErrorKind::TabError);
        assert_eq!((e.2, e.3, e.4, e.5), (3, 1, 3, 0));
    }

    #[test]
    fn second_pass_messages() {
        let e = error_of("f() = 1");
        assert_eq!(
            (e.1.as_str(), e.2, e.3, e.4, e.5, e.6.as_str()),
            (
                "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                1,
                1,
                1,
                4,
                "f() = 1\n"
            )
        );
        let e = error_of("if x:\npass");
        assert_eq!(e.0, SyntaxErrorKind::IndentationError);
        assert_eq!(
            (e.1.as_str(), e.2, e.3, e.4, e.5),
            (
                "expected an indented block after 'if' statement on line 1",
                2,
                1,
                2,
                5
            )
        );
        let e = error_of("print \"x\"");
        assert_eq!(
            e.1,
            "Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
        let e = error_of("a b");
        assert_eq!((e.1.as_str(), e.3, e.5), ("invalid syntax", 3, 4));
        let e = error_of("(a b)");
        assert_eq!(
            (e.1.as_str(), e.3, e.5),
            ("invalid syntax. Perhaps you forgot a comma?", 2, 5)
        );
    }

    #[test]
    fn warnings_are_collected() {
        let parsed = parse_with_warnings(
            b"x = \"\\d\"\ny = 1if 2 else 3\n",
            "<unknown>",
            StartRule::File,
        )
        .ok()
        .unwrap();
        let lines: Vec<i32> = parsed.warnings.iter().map(|w| w.lineno).collect();
        assert_eq!(lines, vec![1, 2]);
        assert_eq!(parsed.warnings[1].msg, "invalid decimal literal");
    }

    #[test]
    fn deep_input_does_not_crash() {
        let deep = format!("x = {}1", "-".repeat(100_000));
        assert!(parse_with_warnings(deep.as_bytes(), "<unknown>", StartRule::File).is_err());
        let long = format!("a{}", " + a".repeat(300_000));
        assert!(parse_with_warnings(long.as_bytes(), "<unknown>", StartRule::File).is_err());
        let parens = format!("{}{}", "(".repeat(200), ")".repeat(200));
        assert!(parse_module(parens.as_bytes(), "<unknown>").is_ok());
        let e = error_of(&format!("{}{}", "(".repeat(201), ")".repeat(201)));
        assert_eq!(e.1, "too many nested parentheses");
    }
}

#[cfg(test)]
mod mode_tests {
    use super::*;

    // Expected texts from the oracle: ast.dump(ast.parse(SRC, mode=MODE), include_attributes=True).
    #[test]
    fn eval_mode() {
        let tree = parse_expression(b"x + 1\n\n", "<unknown>").unwrap();
        assert_eq!(
            pyrite_ast::dump::dump(&tree),
            "Expression(body=BinOp(left=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), op=Add(), right=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5))"
        );
        let tree = parse_expression(b"(yield)", "<unknown>").unwrap();
        assert_eq!(
            pyrite_ast::dump::dump(&tree),
            "Expression(body=Yield(lineno=1, col_offset=1, end_lineno=1, end_col_offset=6))"
        );
    }

    #[test]
    fn single_mode_simple_statements() {
        let tree = parse_interactive(b"x; y\n", "<unknown>").unwrap();
        assert_eq!(
            pyrite_ast::dump::dump(&tree),
            "Interactive(body=[Expr(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Expr(value=Name(id='y', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4)])"
        );
    }
}
#[cfg(test)]
mod single_tests {
    // Oracle: ast.parse('if x:\n  pass\n\n', mode='single') gives an Interactive tree.
    #[test]
    fn compound_statement_at_end_of_input() {
        for src in [&b"if x:\n  pass\n\n"[..], b"if x:\n  pass", b"if x: pass\n"] {
            let tree = super::parse_interactive(src, "<unknown>").unwrap();
            assert!(pyrite_ast::dump::dump(&tree).starts_with("Interactive(body=[If("));
        }
    }

    // Oracle: ('multiple statements found while compiling a single statement', 1, 6, 1, 7).
    #[test]
    fn multiple_statements() {
        let Err(super::ParseError::Syntax(e)) =
            super::parse_interactive(b"x = 1\ny = 2\n", "<unknown>")
        else {
            panic!("expected a SyntaxError");
        };
        assert_eq!(
            e.msg,
            "multiple statements found while compiling a single statement"
        );
        assert_eq!(
            (e.lineno, e.offset, e.end_lineno, e.end_offset),
            (Some(1), Some(6), Some(1), Some(7))
        );
        assert!(super::parse_interactive(b"x = 1\n# c\n", "<unknown>").is_ok());
    }
}
