//! The `_tokenize` module: `TokenizerIter`, the tokenizer behind `tokenize.py`.
//!
//! CPython counterpart: `Python/Python-tokenize.c`. The tokens come from the parser's own
//! lexer (`pyrite_parser::tokenizer`) in its extra-tokens mode (COMMENT and NL included);
//! this file turns them into CPython's `(type, string, start, end, line)` tuples, with
//! columns in characters and CPython's adjustments for the trailing NEWLINE, DEDENT and
//! ENDMARKER tokens.
//!
//! Differences from CPython: the source is read from `readline` in full on the first
//! `next()` (CPython reads a line at a time), so an exception from `readline` surfaces
//! there; tokenizer errors still come after the tokens that precede them.

use std::cell::RefCell;

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, abstract_api,
    attrs, exceptions, int, singletons, str as pystr, tuple,
};
use pyrite_parser::tokenizer::{Lexer, TokError, TokErrorKind, TokKind, Token};

use crate::builtins_compile::syntax_error;
use crate::modsupport::{Args, KwNames, bind};

// Token numbers of CPython 3.14's `token` module.
const ENDMARKER: i64 = 0;
const NAME: i64 = 1;
const NUMBER: i64 = 2;
const STRING: i64 = 3;
const NEWLINE: i64 = 4;
const INDENT: i64 = 5;
const DEDENT: i64 = 6;
const OP: i64 = 55;
const FSTRING_START: i64 = 59;
const FSTRING_MIDDLE: i64 = 60;
const FSTRING_END: i64 = 61;
const TSTRING_START: i64 = 62;
const TSTRING_MIDDLE: i64 = 63;
const TSTRING_END: i64 = 64;
const COMMENT: i64 = 65;
const NL: i64 = 66;

/// The exact type of an operator token (`token.EXACT_TOKEN_TYPES`), used when the
/// iterator is made without `extra_tokens`.
fn exact_operator_type(text: &str) -> i64 {
    match text {
        "(" => 7,
        ")" => 8,
        "[" => 9,
        "]" => 10,
        ":" => 11,
        "," => 12,
        ";" => 13,
        "+" => 14,
        "-" => 15,
        "*" => 16,
        "/" => 17,
        "|" => 18,
        "&" => 19,
        "<" => 20,
        ">" => 21,
        "=" => 22,
        "." => 23,
        "%" => 24,
        "{" => 25,
        "}" => 26,
        "==" => 27,
        "!=" | "<>" => 28,
        "<=" => 29,
        ">=" => 30,
        "~" => 31,
        "^" => 32,
        "<<" => 33,
        ">>" => 34,
        "**" => 35,
        "+=" => 36,
        "-=" => 37,
        "*=" => 38,
        "/=" => 39,
        "%=" => 40,
        "&=" => 41,
        "|=" => 42,
        "^=" => 43,
        "<<=" => 44,
        ">>=" => 45,
        "**=" => 46,
        "//" => 47,
        "//=" => 48,
        "@" => 49,
        "@=" => 50,
        "->" => 51,
        "..." => 52,
        ":=" => 53,
        "!" => 54,
        _ => OP,
    }
}

/// The whole source, tokenized on the first `next()`.
struct Tokenized {
    source: String,
    /// The source did not end in a newline and the lexer was given one (CPython's
    /// `tok->implicit_newline`).
    implicit_newline: bool,
    /// Byte offset of each line's start; line `n` (1-based) starts at `line_starts[n - 1]`.
    line_starts: Vec<usize>,
    tokens: Vec<Token>,
    error: Option<TokError>,
    /// The first line holding a NUL character: CPython's tokenizer stops when it reads it.
    null_byte_line: Option<i32>,
    next_index: usize,
}

enum State {
    Unread,
    Reading(Box<Tokenized>),
    Done,
}

/// `_tokenize.TokenizerIter(readline, *, extra_tokens, encoding=None)`.
pub struct TokenizerIter {
    readline: PyRef,
    extra_tokens: bool,
    encoding: Option<String>,
    state: RefCell<State>,
}

pub static TOKENIZER_ITER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<TokenizerIter>(
        "_tokenize.TokenizerIter",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        iter: Slot::new(|_ts, object| Ok(object.new_ref())),
        iternext: Slot::new(tokenizer_iter_next),
        new: Slot::new(tokenizer_iter_new),
        traverse: Slot::new(tokenizer_iter_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

impl PyPayload for TokenizerIter {
    fn static_type() -> &'static PyType {
        &TOKENIZER_ITER_TYPE
    }
}

fn tokenizer_iter_new(
    ts: &ThreadState,
    ty: &PyType,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let values = bind(
        "tokenizeriter",
        args,
        kwnames,
        &["readline", "extra_tokens", "encoding"],
        1,
        2,
    )?;
    let [readline, extra_tokens, encoding] = [&values[0], &values[1], &values[2]];
    let readline = readline.clone().unwrap_or_else(singletons::none);
    let extra_tokens = match extra_tokens {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    let encoding = match encoding {
        Some(value) if !singletons::is_none(value) => {
            if pystr::as_str_payload(value).is_none() {
                return Err(PyErr::type_error(format!(
                    "tokenizeriter() argument 'encoding' must be str, not {}",
                    value.ob_type().name()
                )));
            }
            Some(pystr::to_rust_string(value))
        }
        _ => None,
    };
    Py::new_with_type(
        ts,
        ty,
        TokenizerIter {
            readline,
            extra_tokens,
            encoding,
            state: RefCell::new(State::Unread),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("_tokenize.TokenizerIter type mismatch"))
}

fn tokenizer_iter_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iter) = object.downcast_ref::<TokenizerIter>() {
        visit(&iter.payload().readline);
    }
}

/// Calls `readline` until it returns an empty line or raises `StopIteration`.
fn read_source(ts: &ThreadState, iter: &TokenizerIter) -> PyResult<String> {
    let mut source = String::new();
    loop {
        let line = match abstract_api::call(ts, &iter.readline, &[], None) {
            Ok(line) => line,
            Err(err) if err.matches(ExceptionKind::StopIteration) => break,
            Err(err) => return Err(err),
        };
        let text = match &iter.encoding {
            Some(encoding) => {
                let Some(data) = pyrite_objects::bytes::bytes_like(&line) else {
                    return Err(PyErr::type_error("readline() returned a non-bytes object"));
                };
                let decoded = crate::codecs::registry::decode_data(ts, &data, encoding, "strict")?;
                pystr::to_rust_string(&decoded)
            }
            None => {
                if pystr::as_str_payload(&line).is_none() {
                    return Err(PyErr::type_error("readline() returned a non-string object"));
                }
                pystr::to_rust_string(&line)
            }
        };
        if text.is_empty() {
            break;
        }
        source.push_str(&text);
    }
    Ok(source)
}

fn tokenize_source(mut source: String, extra_tokens: bool) -> Tokenized {
    let implicit_newline = !source.is_empty() && !source.ends_with('\n');
    if implicit_newline {
        source.push('\n');
    }
    let mut line_starts = vec![0];
    line_starts.extend(
        source
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1)
            .filter(|&start| start < source.len()),
    );
    let mut tokens = Vec::new();
    let mut error = None;
    // Lines before the one with a NUL are tokenized; that line is never read.
    let null_byte_line = source.find('\0').map(|at| {
        let lineno = source[..at].matches('\n').count() + 1;
        i32::try_from(lineno).unwrap_or(i32::MAX)
    });
    let readable = match null_byte_line {
        Some(lineno) => line_starts
            .get(usize::try_from(lineno - 1).unwrap_or(0))
            .copied()
            .unwrap_or(0),
        None => source.len(),
    };
    {
        let mut lexer = if extra_tokens {
            Lexer::with_extra_tokens(&source.as_bytes()[..readable])
        } else {
            Lexer::new(&source.as_bytes()[..readable])
        };
        loop {
            match lexer.next_token() {
                Ok(token) => {
                    let done = token.kind == TokKind::EndMarker;
                    tokens.push(token);
                    if done {
                        break;
                    }
                }
                Err(err) => {
                    error = Some(err);
                    break;
                }
            }
        }
    }
    if null_byte_line.is_some() {
        // What the lexer made of the missing rest (end-of-input DEDENTs, ENDMARKER,
        // errors about unclosed constructs) is CPython's read of the NUL line instead.
        tokens.retain(|token| token.start < readable);
        let cut_short = error.as_ref().is_some_and(|error: &TokError| {
            error.in_fstring
                || match &error.kind {
                    TokErrorKind::Eof => true,
                    TokErrorKind::Raised(err) => err.msg.starts_with("unterminated triple-quoted"),
                    _ => false,
                }
        });
        if cut_short {
            error = None;
        }
    }
    Tokenized {
        source,
        implicit_newline,
        line_starts,
        tokens,
        error,
        null_byte_line,
        next_index: 0,
    }
}

impl Tokenized {
    fn line_start(&self, lineno: i32) -> usize {
        let index = usize::try_from(lineno.max(1) - 1).unwrap_or(0);
        self.line_starts
            .get(index)
            .copied()
            .unwrap_or(self.source.len())
    }

    /// End of line `lineno`, its newline included.
    fn line_end(&self, lineno: i32) -> usize {
        let index = usize::try_from(lineno.max(1)).unwrap_or(0);
        self.line_starts
            .get(index)
            .copied()
            .unwrap_or(self.source.len())
    }

    fn is_last_line(&self, lineno: i32) -> bool {
        self.line_end(lineno) >= self.source.len()
    }

    /// Lines `first..=last`, without the newline the lexer was given at the end.
    fn lines(&self, first: i32, last: i32) -> &str {
        let start = self.line_start(first);
        let mut end = self.line_end(last).max(start);
        if self.implicit_newline && end >= self.source.len() && end > start {
            end -= 1;
        }
        self.source.get(start..end).unwrap_or("")
    }

    /// The character column of byte `offset` on line `lineno` (-1 when before it).
    fn column(&self, lineno: i32, offset: usize) -> i64 {
        let start = self.line_start(lineno);
        if offset < start {
            return -1;
        }
        let end = offset.min(self.source.len());
        self.source
            .get(start..end)
            .map_or(-1, |text| text.chars().count() as i64)
    }
}

/// One token as CPython's `(type, string, (row, col), (end_row, end_col), line)` parts.
struct TokenParts<'a> {
    kind: i64,
    text: &'a str,
    start: (i64, i64),
    end: (i64, i64),
    line: &'a str,
}

fn token_parts<'a>(tokens: &'a Tokenized, token: &Token, extra_tokens: bool) -> TokenParts<'a> {
    let source = tokens.source.as_str();
    let text_of = |start: usize, end: usize| source.get(start..end.max(start)).unwrap_or("");
    let string_literal = matches!(
        token.kind,
        TokKind::String | TokKind::FStringMiddle | TokKind::TStringMiddle
    );
    let line = if string_literal {
        tokens.lines(token.lineno, token.end_lineno)
    } else {
        tokens.lines(token.end_lineno, token.end_lineno)
    };
    let at_eof = token.start >= source.len();
    let trailing = token.kind == TokKind::EndMarker || (token.kind == TokKind::Dedent && at_eof);
    if extra_tokens && trailing {
        let row = i64::from(token.lineno) + 1;
        return TokenParts {
            kind: if token.kind == TokKind::Dedent {
                DEDENT
            } else {
                ENDMARKER
            },
            text: "",
            start: (row, 0),
            end: (row, 0),
            line: "",
        };
    }
    let start_row = i64::from(token.lineno);
    let end_row = i64::from(token.end_lineno);
    let start_col = tokens.column(token.lineno, token.start);
    let end_col = tokens.column(token.end_lineno, token.end);
    let plain = |kind: i64| TokenParts {
        kind,
        text: text_of(token.start, token.end),
        start: (start_row, start_col),
        end: (end_row, end_col),
        line,
    };
    match token.kind {
        TokKind::Name => plain(NAME),
        TokKind::Number => plain(NUMBER),
        TokKind::String => plain(STRING),
        TokKind::FStringStart => plain(FSTRING_START),
        TokKind::FStringMiddle => plain(FSTRING_MIDDLE),
        TokKind::FStringEnd => plain(FSTRING_END),
        TokKind::TStringStart => plain(TSTRING_START),
        TokKind::TStringMiddle => plain(TSTRING_MIDDLE),
        TokKind::TStringEnd => plain(TSTRING_END),
        TokKind::Comment => plain(COMMENT),
        TokKind::Op => {
            let text = text_of(token.start, token.end);
            let kind = if extra_tokens {
                OP
            } else {
                exact_operator_type(text)
            };
            plain(kind)
        }
        TokKind::Nl => {
            let implicit = tokens.implicit_newline && tokens.is_last_line(token.end_lineno);
            let mut parts = plain(NL);
            if implicit {
                parts.text = "";
            }
            parts
        }
        TokKind::Newline => {
            if !extra_tokens {
                return plain(NEWLINE);
            }
            let implicit = tokens.implicit_newline && tokens.is_last_line(token.end_lineno);
            let text = if implicit {
                ""
            } else if source.as_bytes().get(token.start) == Some(&b'\r') {
                "\r\n"
            } else {
                "\n"
            };
            TokenParts {
                kind: NEWLINE,
                text,
                start: (start_row, start_col),
                end: (end_row, end_col + 1),
                line,
            }
        }
        TokKind::Indent | TokKind::Dedent => {
            let kind = if token.kind == TokKind::Indent {
                INDENT
            } else {
                DEDENT
            };
            if !extra_tokens {
                return TokenParts {
                    kind,
                    text: "",
                    start: (start_row, -1),
                    end: (end_row, -1),
                    line,
                };
            }
            let line_start = tokens.line_start(token.lineno);
            let (from, col) = if token.kind == TokKind::Indent {
                (line_start, 0)
            } else {
                (token.start, start_col)
            };
            TokenParts {
                kind,
                text: text_of(from, token.start),
                start: (start_row, col),
                end: (end_row, start_col),
                line,
            }
        }
        TokKind::EndMarker => TokenParts {
            kind: ENDMARKER,
            text: "",
            start: (start_row, -1),
            end: (end_row, -1),
            line,
        },
    }
}

fn position(ts: &ThreadState, (row, col): (i64, i64)) -> PyRef {
    tuple::new(ts, vec![int::new(ts, row), int::new(ts, col)]).into_ref()
}

fn tokenizer_iter_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iter = object
        .downcast_ref::<TokenizerIter>()
        .map(|iter| iter.payload())
        .ok_or_else(|| PyErr::type_error("expected _tokenize.TokenizerIter"))?;
    let unread = matches!(*iter.state.borrow(), State::Unread);
    if unread {
        // Mark the iterator finished while reading, so a re-entrant call ends quietly.
        iter.state.replace(State::Done);
        let source = read_source(ts, iter)?;
        let tokenized = tokenize_source(source, iter.extra_tokens);
        iter.state.replace(State::Reading(Box::new(tokenized)));
    }
    let mut state = iter.state.borrow_mut();
    let State::Reading(tokens) = &mut *state else {
        return Ok(None);
    };
    let Some(token) = tokens.tokens.get(tokens.next_index).cloned() else {
        let result = match (tokens.error.take(), tokens.null_byte_line) {
            (Some(error), _) => Err(tokenizer_error(ts, tokens, error)),
            (None, Some(lineno)) => Err(located_syntax_error(
                ts,
                "source code cannot contain null bytes",
                lineno,
                0,
            )),
            (None, None) => Ok(None),
        };
        *state = State::Done;
        return result;
    };
    tokens.next_index += 1;
    let parts = token_parts(tokens, &token, iter.extra_tokens);
    let result = tuple::new(
        ts,
        vec![
            int::new(ts, parts.kind),
            pystr::new(ts, parts.text).into_ref(),
            position(ts, parts.start),
            position(ts, parts.end),
            pystr::new(ts, parts.line).into_ref(),
        ],
    )
    .into_ref();
    if token.kind == TokKind::EndMarker {
        *state = State::Done;
    }
    Ok(Some(result))
}

/// The exception for a tokenizer error (CPython's `_tokenizer_error`).
fn tokenizer_error(ts: &ThreadState, tokens: &Tokenized, error: TokError) -> PyErr {
    let (class, msg): (&StaticType, &str) = match error.kind {
        TokErrorKind::Raised(err) => return syntax_error(ts, &err, "<string>"),
        TokErrorKind::Eof => {
            // Inside an f-string CPython's line buffer still holds the f-string's line.
            let offset = if error.in_fstring {
                tokens.lines(error.lineno, error.lineno).chars().count() as i64
                    + i64::from(tokens.implicit_newline && tokens.is_last_line(error.lineno))
            } else {
                0
            };
            return located_syntax_error(
                ts,
                "unexpected EOF in multi-line statement",
                error.lineno,
                offset,
            );
        }
        TokErrorKind::Dedent => (
            &exceptions::INDENTATION_ERROR_TYPE,
            "unindent does not match any outer indentation level",
        ),
        TokErrorKind::TabSpace => (
            &exceptions::TAB_ERROR_TYPE,
            "inconsistent use of tabs and spaces in indentation",
        ),
        TokErrorKind::TooDeep => (
            &exceptions::INDENTATION_ERROR_TYPE,
            "too many levels of indentation",
        ),
        TokErrorKind::LineCont => (
            &exceptions::SYNTAX_ERROR_TYPE,
            "unexpected character after line continuation character",
        ),
    };
    let line = tokens.lines(error.lineno, error.lineno);
    let line = line
        .strip_suffix('\n')
        .map(|rest| rest.strip_suffix('\r').unwrap_or(rest))
        .unwrap_or(line);
    let offset = line.chars().count() as i64 + 1;
    let details = tuple::new(
        ts,
        vec![
            pystr::new(ts, "<string>").into_ref(),
            int::new(ts, i64::from(error.lineno)),
            int::new(ts, offset),
            pystr::new(ts, line).into_ref(),
            singletons::none(),
            singletons::none(),
        ],
    )
    .into_ref();
    let args = [pystr::new(ts, msg).into_ref(), details];
    match abstract_api::call(ts, class.as_object(), &args, None) {
        Ok(exc) => PyErr::from_exception(exc),
        Err(err) => err,
    }
}

/// A `SyntaxError(msg)` given a location afterwards (CPython's `PyErr_SyntaxLocation`).
fn located_syntax_error(ts: &ThreadState, msg: &str, lineno: i32, offset: i64) -> PyErr {
    let msg = pystr::new(ts, msg).into_ref();
    let exc = match abstract_api::call(ts, exceptions::SYNTAX_ERROR_TYPE.as_object(), &[msg], None)
    {
        Ok(exc) => exc,
        Err(err) => return err,
    };
    let attributes = [
        ("filename", pystr::new(ts, "<string>").into_ref()),
        ("lineno", int::new(ts, i64::from(lineno))),
        ("offset", int::new(ts, offset)),
    ];
    for (name, value) in attributes {
        let name = pystr::intern(ts, name);
        if let Err(err) = attrs::set_attr(ts, &exc, &name, Some(&value)) {
            return err;
        }
    }
    PyErr::from_exception(exc)
}

/// Creates the `_tokenize` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = pyrite_objects::module::new(ts, "_tokenize").into_ref();
    let dict = pyrite_objects::module::dict_of(&module)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module without a dict"))?;
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module dict is not a dict"))?;
    TOKENIZER_ITER_TYPE.ready(ts)?;
    if let Some(type_dict) = TOKENIZER_ITER_TYPE.dict(ts).downcast_ref::<Dict>() {
        type_dict.set_item(
            ts,
            pystr::intern(ts, "__module__"),
            pystr::intern(ts, "_tokenize"),
        )?;
    }
    dict.set_item(
        ts,
        pystr::intern(ts, "TokenizerIter"),
        TOKENIZER_ITER_TYPE.as_object().new_ref(),
    )?;
    Ok(module)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token as `(type, string, start, end, line)`.
    type TokenTuple = (i64, String, (i64, i64), (i64, i64), String);

    fn parts(src: &str) -> Vec<TokenTuple> {
        let tokenized = tokenize_source(src.to_owned(), true);
        assert!(tokenized.error.is_none());
        tokenized
            .tokens
            .iter()
            .map(|token| {
                let p = token_parts(&tokenized, token, true);
                (p.kind, p.text.to_owned(), p.start, p.end, p.line.to_owned())
            })
            .collect()
    }

    #[test]
    fn columns_count_characters_and_the_implicit_newline_is_empty() {
        let tokens = parts("é = 1");
        assert_eq!(
            tokens[0],
            (NAME, "é".into(), (1, 0), (1, 1), "é = 1".into())
        );
        assert_eq!(
            tokens[3],
            (NEWLINE, String::new(), (1, 5), (1, 6), "é = 1".into())
        );
        assert_eq!(
            tokens[4],
            (ENDMARKER, String::new(), (2, 0), (2, 0), String::new())
        );
    }

    #[test]
    fn indent_text_and_trailing_dedent_position() {
        let tokens = parts("if x:\n    y\n");
        assert_eq!(tokens[4].0, INDENT);
        assert_eq!(tokens[4].1, "    ");
        assert_eq!((tokens[4].2, tokens[4].3), ((2, 0), (2, 4)));
        let dedent = &tokens[tokens.len() - 2];
        assert_eq!(
            (dedent.0, dedent.2, dedent.4.as_str()),
            (DEDENT, (3, 0), "")
        );
    }

    #[test]
    fn nul_line_is_not_tokenized() {
        let tokenized = tokenize_source("x = 1\ny = '\0'\n".to_owned(), true);
        assert_eq!(tokenized.null_byte_line, Some(2));
        assert_eq!(
            tokenized.tokens.last().map(|t| t.kind),
            Some(TokKind::Newline)
        );
    }
}
