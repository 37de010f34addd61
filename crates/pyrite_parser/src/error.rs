//! The error a failed parse reports: CPython's `SyntaxError` (or its subclasses
//! `IndentationError`/`TabError`) with `msg`, `lineno`, `offset`, `end_lineno`,
//! `end_offset` and `text` exactly as `ast.parse` sets them. CPython counterpart:
//! `Parser/pegen_errors.c`.

pub use pyrite_ast::{SyntaxError, SyntaxErrorKind};

/// A `SyntaxError` with no position details beyond `lineno`/`offset`.
pub fn bare_error(kind: SyntaxErrorKind, msg: String, lineno: i32, offset: i32) -> SyntaxError {
    SyntaxError {
        kind,
        msg,
        lineno: Some(lineno),
        offset: Some(offset),
        end_lineno: None,
        end_offset: None,
        text: None,
        location_in_args: true,
    }
}

/// A warning the tokenizer or parser emits while reading the source (CPython reports
/// these through `warnings.warn_explicit` with category `SyntaxWarning`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub msg: String,
    pub lineno: i32,
}

/// Converts a 1-based byte offset within `line` to CPython's 1-based character offset
/// (`_PyPegen_byte_offset_to_character_offset`: a truncated UTF-8 sequence counts as
/// one character, and an offset past the end counts the terminating NUL).
pub fn byte_offset_to_char_offset(line: &[u8], offset: i32) -> i32 {
    if offset <= 0 {
        return offset;
    }
    let k = offset as usize;
    let len = line.len();
    let upto = k.min(len);
    let chars = line[..upto].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (chars + usize::from(k > len)) as i32
}
