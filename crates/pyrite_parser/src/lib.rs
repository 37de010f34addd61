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
    // Deeply nested input recurses deeply; run on a thread with a stack big enough for
    // the parser's own depth limit.
    let filename = filename.to_owned();
    let run = move || {
        let tokens = tokenizer::tokenize(&text);
        let mut warnings = tokens.warnings;
        let mut parser = Parser::new(&text, tokens.tokens, tokens.error, &filename);
        let result = parser.parse(start);
        warnings.extend(std::mem::take(&mut parser.warnings));
        // CPython emits tokenizer and parser warnings as it reaches each token.
        warnings.sort_by_key(|w| w.lineno);
        let result = result.and_then(|module| {
            if start == StartRule::File {
                let source = text.as_str();
                future::check_future_imports(&module, |lineno| {
                    let from_file = std::fs::read(&filename).ok().and_then(|bytes| {
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
    match std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(run)
    {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            Err((ParseError::Value("parser thread failed".into()), Vec::new()))
        }),
        Err(_) => Err((
            ParseError::Value("cannot start the parser thread".into()),
            Vec::new(),
        )),
    }
}

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
