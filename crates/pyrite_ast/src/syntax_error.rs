//! The syntax error the tokenizer, parser and compiler report.
//!
//! CPython counterpart: the `SyntaxError` exception and its subclasses `IndentationError`
//! and `TabError` (`Objects/exceptions.c`), as raised by `Parser/pegen_errors.c` and
//! `Python/symtable.c`/`Python/compile.c`. The fields are the exception's attributes; the
//! file name is left to whoever raises it (the parser does not know it).

use std::fmt;

/// Which exception class is raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A `SyntaxError` (or subclass) with CPython's attributes.
///
/// Positions follow CPython's conventions: `lineno`/`end_lineno` are 1-based, `offset` and
/// `end_offset` are 1-based character (not byte) columns into `text`. CPython exposes odd
/// values as they are, e.g. `end_offset` 0 for "'(' was never closed" or -1 for "unexpected
/// indent", so they are stored as given; `None` is Python's `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: Option<i32>,
    pub offset: Option<i32>,
    pub end_lineno: Option<i32>,
    pub end_offset: Option<i32>,
    /// The source line (usually with its newline), `None` where CPython gives `None`
    /// (e.g. errors found by the symbol table when compiling from a string).
    pub text: Option<String>,
    /// Whether `args` is `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`
    /// (parser errors) or just `(msg,)` with the location set as attributes afterwards
    /// (symbol-table errors such as "nonlocal declaration not allowed at module level").
    pub location_in_args: bool,
}

impl SyntaxError {
    /// A plain `SyntaxError` at the given range, with the location in `args`.
    pub fn new(
        msg: impl Into<String>,
        lineno: i32,
        offset: i32,
        end_lineno: i32,
        end_offset: i32,
    ) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: Some(lineno),
            offset: Some(offset),
            end_lineno: Some(end_lineno),
            end_offset: Some(end_offset),
            text: None,
            location_in_args: true,
        }
    }

    pub fn with_kind(mut self, kind: SyntaxErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }
}

/// `str(exc)` without a file name: `msg (line N)`, or the bare message without a line.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lineno {
            Some(lineno) => write!(f, "{} (line {})", self.msg, lineno),
            None => f.write_str(&self.msg),
        }
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected from the oracle: str(SyntaxError('bad', (None, 3, 1, 'x', 3, 2))) and
    // str(SyntaxError('bad')).
    #[test]
    fn display_is_str_without_a_file_name() {
        let error = SyntaxError::new("bad", 3, 1, 3, 2).with_text("x");
        assert_eq!(error.to_string(), "bad (line 3)");
        let error = SyntaxError {
            lineno: None,
            ..error
        };
        assert_eq!(error.to_string(), "bad");
    }
}
