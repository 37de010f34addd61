//! The `_json` module: the accelerator behind `json`'s decoder (`scanstring`,
//! `make_scanner`) and encoder (`encode_basestring`, `encode_basestring_ascii`,
//! `make_encoder`).
//!
//! CPython counterpart: `Modules/_json.c`. Strings are scanned as the bytes of their
//! "surrogatepass" UTF-8 (JSON's syntax is ASCII, so byte tests decide everything) and
//! positions are turned into code-point indices only where Python sees them (results,
//! `StopIteration` values, `JSONDecodeError.pos`). Output text is built in one byte buffer
//! and made into a `str` once. Error messages, notes ("when serializing list item 0") and
//! the order in which user hooks run are CPython 3.14's.

use std::collections::HashMap;

use pyrite_ast::PyStr;
use pyrite_objects::descr::{BuiltinFunction, NativeFn};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::float::FLOAT_TYPE;
use pyrite_objects::int::{INT_TYPE, Int};
use pyrite_objects::list::List;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::str::Str;
use pyrite_objects::tuple::Tuple;
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, abstract_api,
    attrs, bool as pybool, float, int, iterobject, list, singletons, str as pystr, tuple,
};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

// ------------------------------------------------------------------ string escaping

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Text being built: surrogatepass UTF-8, with a note of whether a lone surrogate went in
/// (then it is not plain UTF-8).
#[derive(Default)]
struct TextBuffer {
    bytes: Vec<u8>,
    surrogates: bool,
}

impl TextBuffer {
    fn push_str_object(&mut self, string: &Str) {
        if string.as_str().is_none() {
            self.surrogates = true;
        }
        self.bytes.extend_from_slice(string.as_bytes());
    }

    fn finish(self, ts: &ThreadState) -> PyResult {
        make_str(ts, self.bytes, self.surrogates)
    }
}

/// A `str` from surrogatepass UTF-8 bytes.
fn make_str(ts: &ThreadState, bytes: Vec<u8>, surrogates: bool) -> PyResult {
    let value = if surrogates {
        PyStr::from_surrogatepass_utf8(&bytes)
    } else {
        String::from_utf8(bytes).ok().map(PyStr::from)
    };
    value
        .map(|value| pystr::from_py_str(ts, value).into_ref())
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "_json built malformed text"))
}

/// A `str` from a slice of surrogatepass UTF-8.
fn make_str_from_slice(ts: &ThreadState, bytes: &[u8]) -> PyResult {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(pystr::new(ts, text).into_ref()),
        Err(_) => make_str(ts, bytes.to_vec(), true),
    }
}

/// Decodes the code point starting at `bytes[index]` (well-formed by construction).
fn decode_at(bytes: &[u8], index: usize) -> (u32, usize) {
    let lead = bytes[index];
    let (mut code_point, width) = match lead {
        0x00..=0x7F => return (u32::from(lead), 1),
        0xC0..=0xDF => (u32::from(lead & 0x1F), 2),
        0xE0..=0xEF => (u32::from(lead & 0x0F), 3),
        _ => (u32::from(lead & 0x07), 4),
    };
    for offset in 1..width {
        let byte = bytes.get(index + offset).copied().unwrap_or(0x80);
        code_point = (code_point << 6) | u32::from(byte & 0x3F);
    }
    (code_point, width)
}

fn push_u_escape(out: &mut Vec<u8>, code_unit: u32) {
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX_DIGITS[((code_unit >> shift) & 0xF) as usize]);
    }
}

/// The short escape JSON has for `byte`, if any.
fn short_escape(byte: u8) -> Option<&'static [u8]> {
    Some(match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0C => b"\\f",
        _ => return None,
    })
}

/// `"..."` with everything outside printable ASCII escaped (`encode_basestring_ascii`).
fn write_escaped_ascii(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut index = 0;
    let mut run_start = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if (b' '..=b'~').contains(&byte) && byte != b'"' && byte != b'\\' {
            index += 1;
            continue;
        }
        out.extend_from_slice(&bytes[run_start..index]);
        let (code_point, width) = decode_at(bytes, index);
        index += width;
        run_start = index;
        if let Some(escape) = u8::try_from(code_point).ok().and_then(short_escape) {
            out.extend_from_slice(escape);
        } else if code_point >= 0x10000 {
            let value = code_point - 0x10000;
            push_u_escape(out, 0xD800 | ((value >> 10) & 0x3FF));
            push_u_escape(out, 0xDC00 | (value & 0x3FF));
        } else {
            push_u_escape(out, code_point);
        }
    }
    out.extend_from_slice(&bytes[run_start..]);
    out.push(b'"');
}

/// `"..."` with only quotes, backslashes and control characters escaped
/// (`encode_basestring`).
fn write_escaped_unicode(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run_start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[run_start..index]);
        run_start = index + 1;
        match short_escape(byte) {
            Some(escape) => out.extend_from_slice(escape),
            None => push_u_escape(out, u32::from(byte)),
        }
    }
    out.extend_from_slice(&bytes[run_start..]);
    out.push(b'"');
}

fn first_argument_str(object: &PyObject) -> PyResult<&Str> {
    pystr::as_str_payload(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "first argument must be a string, not {}",
            object.ob_type().name()
        ))
    })
}

fn encode_basestring_ascii(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("_json.encode_basestring_ascii", args, kw, 1, 1)?;
    let string = first_argument_str(&args[0])?;
    let mut out = Vec::with_capacity(string.as_bytes().len() + 2);
    write_escaped_ascii(&mut out, string.as_bytes());
    make_str(ts, out, false)
}

fn encode_basestring(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("_json.encode_basestring", args, kw, 1, 1)?;
    let string = first_argument_str(&args[0])?;
    let mut out = TextBuffer::default();
    if string.as_str().is_none() {
        out.surrogates = true;
    }
    write_escaped_unicode(&mut out.bytes, string.as_bytes());
    out.finish(ts)
}

// ------------------------------------------------------------------ positions

/// The byte offset of code point `index` (`index <= len`).
fn byte_offset(string: &Str, index: usize) -> usize {
    if string.is_ascii() {
        return index;
    }
    let bytes = string.as_bytes();
    let mut seen = 0;
    for (offset, &byte) in bytes.iter().enumerate() {
        if byte & 0xC0 != 0x80 {
            if seen == index {
                return offset;
            }
            seen += 1;
        }
    }
    bytes.len()
}

/// The code-point index of byte `offset`.
fn code_point_index(bytes: &[u8], ascii: bool, offset: usize) -> usize {
    if ascii {
        return offset;
    }
    let offset = offset.min(bytes.len());
    bytes[..offset]
        .iter()
        .filter(|&&byte| byte & 0xC0 != 0x80)
        .count()
}

fn index_to_object(ts: &ThreadState, index: usize) -> PyRef {
    int::new(ts, i64::try_from(index).unwrap_or(i64::MAX))
}

/// `json.decoder.JSONDecodeError(msg, doc, pos)`, raised (CPython's `raise_errmsg`).
fn decode_error(ts: &ThreadState, message: &str, document: &PyObject, pos: i64) -> PyErr {
    let made = (|| -> PyResult {
        let json = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "json.decoder"))?;
        let decoder = attrs::get_attr_str(ts, &json, "decoder")?;
        let class = attrs::get_attr_str(ts, &decoder, "JSONDecodeError")?;
        abstract_api::call(
            ts,
            &class,
            &[
                pystr::new(ts, message).into_ref(),
                document.new_ref(),
                int::new(ts, pos),
            ],
            None,
        )
    })();
    match made {
        Ok(exception) => PyErr::from_exception(exception),
        Err(err) => err,
    }
}

fn stop_iteration(ts: &ThreadState, index: usize) -> PyErr {
    PyErr::with_object(ExceptionKind::StopIteration, index_to_object(ts, index))
}

fn ssize_arg(ts: &ThreadState, value: &PyObject) -> PyResult<isize> {
    let index = abstract_api::index(ts, value)?;
    int::as_i64(&index)
        .and_then(|value| isize::try_from(value).ok())
        .ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })
}

// ------------------------------------------------------------------ scanning

/// Where a scanned string's text is: a slice of the document, or the scratch buffer
/// (when it had escapes).
enum Piece {
    Slice(usize, usize),
    Buffer,
}

/// One decoding run over a document (one `scanstring` or scanner call).
struct Decoding<'a> {
    ts: &'a ThreadState,
    document: &'a PyObject,
    text: &'a [u8],
    ascii: bool,
    document_surrogates: bool,
    strict: bool,
    buffer: Vec<u8>,
    buffer_surrogates: bool,
}

impl<'a> Decoding<'a> {
    fn new(ts: &'a ThreadState, document: &'a PyObject, string: &'a Str, strict: bool) -> Self {
        Decoding {
            ts,
            document,
            text: string.as_bytes(),
            ascii: string.is_ascii(),
            document_surrogates: string.as_str().is_none(),
            strict,
            buffer: Vec::new(),
            buffer_surrogates: false,
        }
    }

    fn position(&self, offset: usize) -> usize {
        code_point_index(self.text, self.ascii, offset)
    }

    fn error(&self, message: &str, offset: usize) -> PyErr {
        decode_error(
            self.ts,
            message,
            self.document,
            self.position(offset) as i64,
        )
    }

    /// "Unterminated string starting at" the quote before byte `end` (at -1 when
    /// `scanstring` is asked to start at 0).
    fn unterminated(&self, end: usize) -> PyErr {
        let quote = self.position(end) as i64 - 1;
        decode_error(
            self.ts,
            "Unterminated string starting at",
            self.document,
            quote,
        )
    }

    fn stop(&self, offset: usize) -> PyErr {
        stop_iteration(self.ts, self.position(offset))
    }

    fn push_code_point(&mut self, code_point: u32) {
        match char::from_u32(code_point) {
            Some(ch) => {
                let mut utf8 = [0; 4];
                self.buffer
                    .extend_from_slice(ch.encode_utf8(&mut utf8).as_bytes());
            }
            None => {
                // A lone surrogate, in surrogatepass form.
                self.buffer_surrogates = true;
                self.buffer.push(0xED);
                self.buffer.push(0x80 | ((code_point >> 6) & 0x3F) as u8);
                self.buffer.push(0x80 | (code_point & 0x3F) as u8);
            }
        }
    }

    /// Four hex digits at `start`, or `None`.
    fn hex4(&self, start: usize) -> Option<u32> {
        let digits = self.text.get(start..start + 4)?;
        let mut value = 0;
        for &digit in digits {
            value = (value << 4) | char::from(digit).to_digit(16)?;
        }
        Some(value)
    }

    /// The string whose opening quote is just before byte `end`; returns where its text
    /// is and the offset after its closing quote (CPython's `scanstring_unicode`).
    fn scan_string(&mut self, end: usize) -> PyResult<(Piece, usize)> {
        let text = self.text;
        let mut chunk_start = end;
        let mut escaped = false;
        self.buffer.clear();
        self.buffer_surrogates = false;
        loop {
            let mut next = chunk_start;
            while next < text.len() {
                let byte = text[next];
                if byte == b'"' || byte == b'\\' {
                    break;
                }
                if byte <= 0x1F && self.strict {
                    return Err(self.error("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= text.len() {
                return Err(self.unterminated(end));
            }
            let terminator = text[next];
            if terminator == b'"' && !escaped {
                return Ok((Piece::Slice(chunk_start, next), next + 1));
            }
            escaped = true;
            self.buffer.extend_from_slice(&text[chunk_start..next]);
            next += 1;
            if terminator == b'"' {
                // Chunks copied from a document holding surrogates may carry some.
                self.buffer_surrogates |= self.document_surrogates;
                return Ok((Piece::Buffer, next));
            }
            if next == text.len() {
                return Err(self.unterminated(end));
            }
            let escape = text[next];
            if escape != b'u' {
                chunk_start = next + 1;
                let byte = match escape {
                    b'"' | b'\\' | b'/' => escape,
                    b'b' => 0x08,
                    b'f' => 0x0C,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    _ => return Err(self.error("Invalid \\escape", next - 1)),
                };
                self.buffer.push(byte);
                continue;
            }
            let digits_start = next + 1;
            let digits_end = digits_start + 4;
            if digits_end >= text.len() {
                return Err(self.error("Invalid \\uXXXX escape", next));
            }
            let Some(mut code_point) = self.hex4(digits_start) else {
                return Err(self.error("Invalid \\uXXXX escape", next));
            };
            chunk_start = digits_end;
            if (0xD800..=0xDBFF).contains(&code_point)
                && digits_end + 6 < text.len()
                && text[digits_end] == b'\\'
                && text[digits_end + 1] == b'u'
            {
                let Some(low) = self.hex4(digits_end + 2) else {
                    return Err(self.error("Invalid \\uXXXX escape", digits_end + 1));
                };
                if (0xDC00..=0xDFFF).contains(&low) {
                    code_point = 0x10000 + (((code_point - 0xD800) << 10) | (low - 0xDC00));
                    chunk_start = digits_end + 6;
                }
            }
            self.push_code_point(code_point);
        }
    }

    fn piece_to_str(&self, piece: &Piece) -> PyResult {
        match *piece {
            Piece::Slice(start, stop) => make_str_from_slice(self.ts, &self.text[start..stop]),
            Piece::Buffer => make_str(self.ts, self.buffer.clone(), self.buffer_surrogates),
        }
    }
}

/// The `_json.Scanner` object `make_scanner(context)` makes.
pub struct Scanner {
    strict: bool,
    object_hook: PyRef,
    object_pairs_hook: PyRef,
    parse_float: PyRef,
    parse_int: PyRef,
    parse_constant: PyRef,
}

pub static SCANNER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Scanner>("_json.Scanner", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            new: Slot::new(scanner_new),
            call: Slot::new(scanner_call),
            traverse: Slot::new(scanner_traverse),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

impl PyPayload for Scanner {
    fn static_type() -> &'static PyType {
        &SCANNER_TYPE
    }
}

fn scanner_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(scanner) = object.downcast_ref::<Scanner>() {
        let scanner = scanner.payload();
        visit(&scanner.object_hook);
        visit(&scanner.object_pairs_hook);
        visit(&scanner.parse_float);
        visit(&scanner.parse_int);
        visit(&scanner.parse_constant);
    }
}

fn scanner_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("make_scanner", args, kw, &["context"], 0, 1)?;
    let context = values[0].clone().unwrap_or_else(singletons::none);
    let strict = attrs::get_attr_str(ts, &context, "strict")?.is_true(ts)?;
    let scanner = Scanner {
        strict,
        object_hook: attrs::get_attr_str(ts, &context, "object_hook")?,
        object_pairs_hook: attrs::get_attr_str(ts, &context, "object_pairs_hook")?,
        parse_float: attrs::get_attr_str(ts, &context, "parse_float")?,
        parse_int: attrs::get_attr_str(ts, &context, "parse_int")?,
        parse_constant: attrs::get_attr_str(ts, &context, "parse_constant")?,
    };
    Py::new_with_type(ts, ty, scanner)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("_json.Scanner type mismatch"))
}

fn scanner_of(object: &PyObject) -> PyResult<&Scanner> {
    object
        .downcast_ref::<Scanner>()
        .map(|scanner| scanner.payload())
        .ok_or_else(|| PyErr::type_error("expected a _json.Scanner"))
}

fn scanner_call(ts: &ThreadState, object: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let scanner = scanner_of(object)?;
    let values = bind("scan_once", args, kw, &["string", "idx"], 0, 2)?;
    let (Some(string_object), Some(idx)) = (&values[0], &values[1]) else {
        return Err(PyErr::new(ExceptionKind::SystemError, "argument missing"));
    };
    let string = first_argument_str(string_object)?;
    let idx = ssize_arg(ts, idx)?;
    let mut run = ScanRun {
        decoding: Decoding::new(ts, string_object, string, scanner.strict),
        scanner,
        memo: HashMap::new(),
        plain_floats: scanner.parse_float.is(FLOAT_TYPE.as_object()),
        plain_ints: scanner.parse_int.is(INT_TYPE.as_object()),
        has_pairs_hook: !singletons::is_none(&scanner.object_pairs_hook),
        has_object_hook: !singletons::is_none(&scanner.object_hook),
    };
    if idx < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "idx cannot be negative",
        ));
    }
    let idx = idx as usize;
    if idx >= string.len() {
        return Err(stop_iteration(ts, idx));
    }
    let start = byte_offset(string, idx);
    let (value, end) = run.scan_once(start)?;
    let end = run.decoding.position(end);
    Ok(tuple::new(ts, vec![value, index_to_object(ts, end)]).into_ref())
}

const WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    table[b' ' as usize] = true;
    table[b'\t' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};

/// One scanner call: the document, the scanner's hooks and the key memo.
struct ScanRun<'a> {
    decoding: Decoding<'a>,
    scanner: &'a Scanner,
    /// Keys seen in this document, so that equal keys share one `str` (CPython's memo).
    memo: HashMap<Box<[u8]>, PyRef>,
    plain_floats: bool,
    plain_ints: bool,
    has_pairs_hook: bool,
    has_object_hook: bool,
}

impl ScanRun<'_> {
    fn skip_whitespace(&self, mut offset: usize) -> usize {
        let text = self.decoding.text;
        while offset < text.len() && WHITESPACE[text[offset] as usize] {
            offset += 1;
        }
        offset
    }

    fn byte_at(&self, offset: usize) -> Option<u8> {
        self.decoding.text.get(offset).copied()
    }

    /// One JSON value starting at byte `offset` (CPython's `scan_once_unicode`).
    fn scan_once(&mut self, offset: usize) -> PyResult<(PyRef, usize)> {
        let ts = self.decoding.ts;
        let text = self.decoding.text;
        let Some(&first) = text.get(offset) else {
            return Err(self.decoding.stop(offset));
        };
        let rest = &text[offset..];
        match first {
            b'"' => {
                let (piece, end) = self.decoding.scan_string(offset + 1)?;
                Ok((self.decoding.piece_to_str(&piece)?, end))
            }
            b'{' => {
                let _guard =
                    ts.enter_recursive_call(" while decoding a JSON object from a unicode string")?;
                self.parse_object(offset + 1)
            }
            b'[' => {
                let _guard =
                    ts.enter_recursive_call(" while decoding a JSON array from a unicode string")?;
                self.parse_array(offset + 1)
            }
            b'n' if rest.starts_with(b"null") => Ok((singletons::none(), offset + 4)),
            b't' if rest.starts_with(b"true") => Ok((pybool::true_ref(), offset + 4)),
            b'f' if rest.starts_with(b"false") => Ok((pybool::false_ref(), offset + 5)),
            b'N' if rest.starts_with(b"NaN") => self.constant("NaN", offset),
            b'I' if rest.starts_with(b"Infinity") => self.constant("Infinity", offset),
            b'-' if rest.starts_with(b"-Infinity") => self.constant("-Infinity", offset),
            _ => self.parse_number(offset),
        }
    }

    fn constant(&self, name: &str, offset: usize) -> PyResult<(PyRef, usize)> {
        let ts = self.decoding.ts;
        let value = abstract_api::call(
            ts,
            &self.scanner.parse_constant,
            &[pystr::intern(ts, name)],
            None,
        )?;
        Ok((value, offset + name.len()))
    }

    /// A number at `start` (CPython's `_match_number_unicode`), `StopIteration` if there is
    /// none.
    fn parse_number(&self, start: usize) -> PyResult<(PyRef, usize)> {
        let ts = self.decoding.ts;
        let text = self.decoding.text;
        let is_digit = |offset: usize| text.get(offset).is_some_and(u8::is_ascii_digit);
        let mut offset = start;
        if text[offset] == b'-' {
            offset += 1;
            if offset >= text.len() {
                return Err(self.decoding.stop(start));
            }
        }
        match text[offset] {
            b'1'..=b'9' => {
                offset += 1;
                while is_digit(offset) {
                    offset += 1;
                }
            }
            b'0' => offset += 1,
            _ => return Err(self.decoding.stop(start)),
        }
        let mut is_float = false;
        if offset + 1 < text.len() && text[offset] == b'.' && is_digit(offset + 1) {
            is_float = true;
            offset += 2;
            while is_digit(offset) {
                offset += 1;
            }
        }
        if offset + 1 < text.len() && matches!(text[offset], b'e' | b'E') {
            let exponent_start = offset;
            offset += 1;
            if offset + 1 < text.len() && matches!(text[offset], b'-' | b'+') {
                offset += 1;
            }
            while is_digit(offset) {
                offset += 1;
            }
            if text[offset - 1].is_ascii_digit() {
                is_float = true;
            } else {
                offset = exponent_start;
            }
        }
        // ASCII by construction.
        let number = std::str::from_utf8(&text[start..offset]).unwrap_or("0");
        let value = if is_float {
            if self.plain_floats {
                float::new(ts, number.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                let numstr = pystr::new(ts, number).into_ref();
                abstract_api::call(ts, &self.scanner.parse_float, &[numstr], None)?
            }
        } else if self.plain_ints {
            match number.parse::<i64>() {
                Ok(value) => int::new(ts, value),
                Err(_) => {
                    let numstr = pystr::new(ts, number).into_ref();
                    pyrite_objects::int_ops::parse_int(ts, &numstr, 10)?
                }
            }
        } else {
            let numstr = pystr::new(ts, number).into_ref();
            abstract_api::call(ts, &self.scanner.parse_int, &[numstr], None)?
        };
        Ok((value, offset))
    }

    /// A key string, shared with equal keys seen before in this document.
    fn key(&mut self, offset: usize) -> PyResult<(PyRef, usize)> {
        let (piece, end) = self.decoding.scan_string(offset + 1)?;
        let bytes = match piece {
            Piece::Slice(start, stop) => &self.decoding.text[start..stop],
            Piece::Buffer => &self.decoding.buffer[..],
        };
        if let Some(key) = self.memo.get(bytes) {
            return Ok((key.clone(), end));
        }
        let key = self.decoding.piece_to_str(&piece)?;
        let bytes = match piece {
            Piece::Slice(start, stop) => &self.decoding.text[start..stop],
            Piece::Buffer => &self.decoding.buffer[..],
        };
        self.memo.insert(bytes.into(), key.clone());
        Ok((key, end))
    }

    /// The object whose `{` is just before `offset` (CPython's `_parse_object_unicode`).
    fn parse_object(&mut self, offset: usize) -> PyResult<(PyRef, usize)> {
        let ts = self.decoding.ts;
        let dict = if self.has_pairs_hook {
            None
        } else {
            Some(pyrite_objects::dict::new(ts))
        };
        let mut pairs: Vec<PyRef> = Vec::new();
        let mut offset = self.skip_whitespace(offset);
        if self.byte_at(offset) != Some(b'}') {
            loop {
                if self.byte_at(offset) != Some(b'"') {
                    return Err(self
                        .decoding
                        .error("Expecting property name enclosed in double quotes", offset));
                }
                let (key, after_key) = self.key(offset)?;
                offset = self.skip_whitespace(after_key);
                if self.byte_at(offset) != Some(b':') {
                    return Err(self.decoding.error("Expecting ':' delimiter", offset));
                }
                offset = self.skip_whitespace(offset + 1);
                let (value, after_value) = self.scan_once(offset)?;
                match &dict {
                    Some(dict) => dict.payload().set_item(ts, key, value)?,
                    None => pairs.push(tuple::new(ts, vec![key, value]).into_ref()),
                }
                offset = self.skip_whitespace(after_value);
                match self.byte_at(offset) {
                    Some(b'}') => break,
                    Some(b',') => {}
                    _ => return Err(self.decoding.error("Expecting ',' delimiter", offset)),
                }
                let comma = offset;
                offset = self.skip_whitespace(offset + 1);
                if self.byte_at(offset) == Some(b'}') {
                    return Err(self
                        .decoding
                        .error("Illegal trailing comma before end of object", comma));
                }
            }
        }
        let end = offset + 1;
        let value = match dict {
            None => {
                let pairs = list::new(ts, pairs).into_ref();
                abstract_api::call(ts, &self.scanner.object_pairs_hook, &[pairs], None)?
            }
            Some(dict) if self.has_object_hook => {
                abstract_api::call(ts, &self.scanner.object_hook, &[dict.into_ref()], None)?
            }
            Some(dict) => dict.into_ref(),
        };
        Ok((value, end))
    }

    /// The array whose `[` is just before `offset` (CPython's `_parse_array_unicode`).
    fn parse_array(&mut self, offset: usize) -> PyResult<(PyRef, usize)> {
        let ts = self.decoding.ts;
        let mut items = Vec::new();
        let mut offset = self.skip_whitespace(offset);
        let text_len = self.decoding.text.len();
        if self.byte_at(offset) != Some(b']') {
            loop {
                let (value, after_value) = self.scan_once(offset)?;
                items.push(value);
                offset = self.skip_whitespace(after_value);
                match self.byte_at(offset) {
                    Some(b']') => break,
                    Some(b',') => {}
                    _ => return Err(self.decoding.error("Expecting ',' delimiter", offset)),
                }
                let comma = offset;
                offset = self.skip_whitespace(offset + 1);
                if self.byte_at(offset) == Some(b']') {
                    return Err(self
                        .decoding
                        .error("Illegal trailing comma before end of array", comma));
                }
            }
        }
        if self.byte_at(offset) != Some(b']') {
            return Err(self
                .decoding
                .error("Expecting value", text_len.saturating_sub(1)));
        }
        Ok((list::new(ts, items).into_ref(), offset + 1))
    }
}

/// `scanstring(string, end, strict=True) -> (string, end)`.
fn scanstring(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    if kw.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("scanstring() takes no keyword arguments"));
    }
    if args.len() < 2 || args.len() > 3 {
        let bound = if args.len() < 2 { "least 2" } else { "most 3" };
        return Err(PyErr::type_error(format!(
            "scanstring() takes at {bound} arguments ({} given)",
            args.len()
        )));
    }
    let end = ssize_arg(ts, &args[1])?;
    let strict = match args.get(2) {
        Some(flag) => flag.is_true(ts)?,
        None => true,
    };
    let string = first_argument_str(&args[0])?;
    if end < 0 || end as usize > string.len() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "end is out of bounds",
        ));
    }
    let mut decoding = Decoding::new(ts, &args[0], string, strict);
    let start = byte_offset(string, end as usize);
    let (piece, after) = decoding.scan_string(start)?;
    let value = decoding.piece_to_str(&piece)?;
    let after = decoding.position(after);
    Ok(tuple::new(ts, vec![value, index_to_object(ts, after)]).into_ref())
}

// ------------------------------------------------------------------ encoding

#[derive(Clone, Copy, PartialEq)]
enum FastEncode {
    Ascii,
    Unicode,
}

/// The `_json.Encoder` object `make_encoder(...)` makes.
pub struct Encoder {
    markers: PyRef,
    default: PyRef,
    encoder: PyRef,
    indent: PyRef,
    key_separator: PyRef,
    item_separator: PyRef,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    fast_encode: Option<FastEncode>,
}

pub static ENCODER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Encoder>("_json.Encoder", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            new: Slot::new(encoder_new),
            call: Slot::new(encoder_call),
            traverse: Slot::new(encoder_traverse),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

impl PyPayload for Encoder {
    fn static_type() -> &'static PyType {
        &ENCODER_TYPE
    }
}

fn encoder_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(encoder) = object.downcast_ref::<Encoder>() {
        let encoder = encoder.payload();
        visit(&encoder.markers);
        visit(&encoder.default);
        visit(&encoder.encoder);
        visit(&encoder.indent);
        visit(&encoder.key_separator);
        visit(&encoder.item_separator);
    }
}

fn encoder_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    const PARAMS: [&str; 9] = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let values = bind("make_encoder", args, kw, &PARAMS, 0, 9)?;
    let values: Vec<PyRef> = values
        .into_iter()
        .map(|value| value.unwrap_or_else(singletons::none))
        .collect();
    for (index, value) in values.iter().enumerate().skip(4).take(2) {
        if !value.payload_is::<Str>() {
            return Err(PyErr::type_error(format!(
                "make_encoder() argument {} must be str, not {}",
                index + 1,
                value.ob_type().name()
            )));
        }
    }
    let sort_keys = values[6].is_true(ts)?;
    let skipkeys = values[7].is_true(ts)?;
    let allow_nan = values[8].is_true(ts)?;
    let markers = &values[0];
    if !singletons::is_none(markers) && !markers.payload_is::<Dict>() {
        return Err(PyErr::type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            markers.ob_type().name()
        )));
    }
    let fast_encode = values[2]
        .downcast_ref::<BuiltinFunction>()
        .and_then(|function| {
            let function = function.payload().function;
            if std::ptr::fn_addr_eq(function, encode_basestring_ascii as NativeFn) {
                Some(FastEncode::Ascii)
            } else if std::ptr::fn_addr_eq(function, encode_basestring as NativeFn) {
                Some(FastEncode::Unicode)
            } else {
                None
            }
        });
    let encoder = Encoder {
        markers: values[0].clone(),
        default: values[1].clone(),
        encoder: values[2].clone(),
        indent: values[3].clone(),
        key_separator: values[4].clone(),
        item_separator: values[5].clone(),
        sort_keys,
        skipkeys,
        allow_nan,
        fast_encode,
    };
    Py::new_with_type(ts, ty, encoder)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("_json.Encoder type mismatch"))
}

fn encoder_of(object: &PyObject) -> PyResult<&Encoder> {
    object
        .downcast_ref::<Encoder>()
        .map(|encoder| encoder.payload())
        .ok_or_else(|| PyErr::type_error("expected a _json.Encoder"))
}

fn encoder_call(ts: &ThreadState, object: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let encoder = encoder_of(object)?;
    let values = bind(
        "_iterencode",
        args,
        kw,
        &["obj", "_current_indent_level"],
        0,
        2,
    )?;
    let (Some(value), Some(level)) = (&values[0], &values[1]) else {
        return Err(PyErr::new(ExceptionKind::SystemError, "argument missing"));
    };
    let level = ssize_arg(ts, level)?;
    let separator_text = |object: &PyObject| -> (Vec<u8>, bool) {
        match pystr::as_str_payload(object) {
            Some(text) => (text.as_bytes().to_vec(), text.as_str().is_none()),
            None => (Vec::new(), false),
        }
    };
    let (key_separator, key_surrogates) = separator_text(&encoder.key_separator);
    let (item_separator, item_surrogates) = separator_text(&encoder.item_separator);
    let indent = if singletons::is_none(&encoder.indent) {
        Indent::None
    } else if let Some(text) = pystr::as_str_payload(&encoder.indent) {
        Indent::Text(text.as_bytes().to_vec(), text.as_str().is_none())
    } else {
        Indent::NotStr(encoder.indent.ob_type().name().to_owned())
    };
    if level != 0
        && let Indent::NotStr(name) = &indent
        && !encoder.indent.payload_is::<List>()
        && !encoder.indent.payload_is::<Tuple>()
    {
        return Err(PyErr::type_error(format!(
            "'{name}' object can't be repeated"
        )));
    }
    let mut run = EncodeRun {
        ts,
        encoder,
        out: TextBuffer::default(),
        key_separator,
        item_separator,
        indent,
        active: Vec::new(),
        check_circular: !singletons::is_none(&encoder.markers),
    };
    run.out.surrogates = key_surrogates || item_surrogates;
    run.encode(value, level)?;
    let text = run.out.finish(ts)?;
    Ok(tuple::new(ts, vec![text]).into_ref())
}

enum Indent {
    None,
    Text(Vec<u8>, bool),
    NotStr(String),
}

/// More indentation than this for one line is refused with `MemoryError` (as CPython's
/// string repetition would be) rather than attempted.
const MAX_INDENT_BYTES: usize = 1 << 32;

/// One encoder call: the output and the containers being encoded.
struct EncodeRun<'a> {
    ts: &'a ThreadState,
    encoder: &'a Encoder,
    out: TextBuffer,
    key_separator: Vec<u8>,
    item_separator: Vec<u8>,
    indent: Indent,
    /// The containers (and `default` sources) being encoded, for "Circular reference
    /// detected" (CPython keeps them in the `markers` dict by id).
    active: Vec<usize>,
    check_circular: bool,
}

/// The fully qualified name of an object's type as `%T` formats it.
fn type_display_name(ts: &ThreadState, object: &PyObject) -> String {
    let ty = object.ob_type();
    if !ty.is_heap_type() {
        return ty.name().to_owned();
    }
    let qualname = pystr::to_rust_string(&ty.qualname(ts));
    let module = attrs::get_attr_str(ts, ty.as_object(), "__module__")
        .ok()
        .and_then(|module| pystr::as_str_payload(&module).map(Str::to_string_lossy));
    match module {
        Some(module) if module != "builtins" && module != "__main__" => {
            format!("{module}.{qualname}")
        }
        _ => qualname,
    }
}

/// Adds a note to the error being raised (CPython's `_PyErr_FormatNote`). The note is
/// appended to `__notes__` directly rather than through a call of `add_note`, so that a
/// `RecursionError` at the depth limit still gets its notes.
fn with_note(ts: &ThreadState, mut err: PyErr, note: impl FnOnce() -> PyResult<String>) -> PyErr {
    let Ok(note) = note() else {
        return err;
    };
    let exception = err.normalize(ts);
    let notes_name = pystr::intern(ts, "__notes__");
    let notes = match attrs::lookup_attr(ts, &exception, &notes_name) {
        Ok(Some(notes)) => notes,
        Ok(None) => {
            let notes = list::new(ts, Vec::new()).into_ref();
            if attrs::set_attr(ts, &exception, &notes_name, Some(&notes)).is_err() {
                return err;
            }
            notes
        }
        Err(_) => return err,
    };
    if let Some(notes) = notes.downcast_ref::<List>() {
        notes.payload().append(ts, pystr::new(ts, &note).into_ref());
    }
    err
}

impl EncodeRun<'_> {
    fn enter(&mut self, object: &PyObject) -> PyResult<bool> {
        if !self.check_circular {
            return Ok(false);
        }
        let address = object.as_ptr() as usize;
        if self.active.contains(&address) {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Circular reference detected",
            ));
        }
        self.active.push(address);
        Ok(true)
    }

    fn leave(&mut self, entered: bool) {
        if entered {
            self.active.pop();
        }
    }

    fn write_newline_indent(&mut self, level: isize) -> PyResult<()> {
        match &self.indent {
            Indent::None => {}
            Indent::Text(indent, surrogates) => {
                let repeats = usize::try_from(level).unwrap_or(0);
                if indent.len().saturating_mul(repeats) > MAX_INDENT_BYTES {
                    return Err(PyErr::without_arg(ExceptionKind::MemoryError));
                }
                self.out.bytes.push(b'\n');
                for _ in 0..repeats {
                    self.out.bytes.extend_from_slice(indent);
                }
                self.out.surrogates |= *surrogates;
            }
            Indent::NotStr(name) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate str (not \"{name}\") to str"
                )));
            }
        }
        Ok(())
    }

    fn write_item_separator(&mut self, level: isize) -> PyResult<()> {
        self.out.bytes.extend_from_slice(&self.item_separator);
        self.write_newline_indent(level)
    }

    fn write_string(&mut self, object: &PyObject) -> PyResult<()> {
        match self.encoder.fast_encode {
            Some(mode) => {
                let Some(string) = pystr::as_str_payload(object) else {
                    return Err(PyErr::type_error(format!(
                        "first argument must be a string, not {}",
                        object.ob_type().name()
                    )));
                };
                if mode == FastEncode::Ascii {
                    write_escaped_ascii(&mut self.out.bytes, string.as_bytes());
                } else {
                    if string.as_str().is_none() {
                        self.out.surrogates = true;
                    }
                    write_escaped_unicode(&mut self.out.bytes, string.as_bytes());
                }
                Ok(())
            }
            None => {
                let encoded =
                    abstract_api::call(self.ts, &self.encoder.encoder, &[object.new_ref()], None)?;
                match pystr::as_str_payload(&encoded) {
                    Some(text) => {
                        self.out.push_str_object(text);
                        Ok(())
                    }
                    None => Err(PyErr::type_error(format!(
                        "encoder() must return a string, not {}",
                        encoded.ob_type().name()
                    ))),
                }
            }
        }
    }

    /// `float.__repr__`, or the JSON names of the non-finite values.
    fn float_text(&self, object: &PyObject, value: f64) -> PyResult<String> {
        if value.is_finite() {
            return Ok(pyrite_ast::repr::float_repr(value));
        }
        if !self.encoder.allow_nan {
            let shown = pystr::repr_text(self.ts, object)?;
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("Out of range float values are not JSON compliant: {shown}"),
            ));
        }
        Ok(if value.is_nan() {
            "NaN"
        } else if value > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_owned())
    }

    fn write_int(&mut self, value: &Int) -> PyResult<()> {
        match value.as_i64() {
            Some(small) => {
                use std::io::Write;
                let _ = write!(self.out.bytes, "{small}");
            }
            None => {
                let text = value.to_decimal_string()?;
                self.out.bytes.extend_from_slice(text.as_bytes());
            }
        }
        Ok(())
    }

    /// One value (CPython's `encoder_listencode_obj`).
    fn encode(&mut self, object: &PyObject, level: isize) -> PyResult<()> {
        if singletons::is_none(object) {
            self.out.bytes.extend_from_slice(b"null");
        } else if let Some(flag) = pybool::as_bool_singleton(object) {
            self.out
                .bytes
                .extend_from_slice(if flag { b"true" } else { b"false" });
        } else if object.payload_is::<Str>() {
            self.write_string(object)?;
        } else if let Some(value) = object.downcast_ref::<Int>() {
            self.write_int(value.payload())?;
        } else if let Some(value) = float::as_f64(object) {
            let text = self.float_text(object, value)?;
            self.out.bytes.extend_from_slice(text.as_bytes());
        } else if object.payload_is::<List>() || object.payload_is::<Tuple>() {
            let _guard = self
                .ts
                .enter_recursive_call(" while encoding a JSON object")?;
            self.encode_list(object, level)?;
        } else if object.payload_is::<Dict>() {
            let _guard = self
                .ts
                .enter_recursive_call(" while encoding a JSON object")?;
            self.encode_dict(object, level)?;
        } else {
            let entered = self.enter(object)?;
            let replacement =
                abstract_api::call(self.ts, &self.encoder.default, &[object.new_ref()], None)?;
            let encoded = {
                let _guard = self
                    .ts
                    .enter_recursive_call(" while encoding a JSON object")?;
                self.encode(&replacement, level)
            };
            if let Err(err) = encoded {
                return Err(with_note(self.ts, err, || {
                    Ok(format!(
                        "when serializing {} object",
                        type_display_name(self.ts, object)
                    ))
                }));
            }
            self.leave(entered);
        }
        Ok(())
    }

    fn encode_list(&mut self, sequence: &PyObject, level: isize) -> PyResult<()> {
        let ts = self.ts;
        // Exact lists and tuples are read in place (a list may change while its items
        // are encoded, as in CPython); other sequences are iterated once into a list.
        let snapshot;
        let items: ItemSource<'_> = if sequence.is_exact_type(&list::LIST_TYPE) {
            match sequence.downcast_ref::<List>() {
                Some(list) => ItemSource::List(list.payload()),
                None => ItemSource::Slice(&[]),
            }
        } else if sequence.is_exact_type(&tuple::TUPLE_TYPE) {
            ItemSource::Slice(tuple::items(sequence))
        } else {
            snapshot = iterobject::collect(ts, sequence)?;
            ItemSource::Slice(&snapshot)
        };
        if items.len() == 0 {
            self.out.bytes.extend_from_slice(b"[]");
            return Ok(());
        }
        let entered = self.enter(sequence)?;
        self.out.bytes.push(b'[');
        let inner = level.saturating_add(1);
        let indented = !matches!(self.indent, Indent::None);
        if indented {
            self.write_newline_indent(inner)?;
        }
        let mut index = 0;
        while let Some(item) = items.get(index) {
            if index > 0 {
                if indented {
                    self.write_item_separator(inner)?;
                } else {
                    self.out.bytes.extend_from_slice(&self.item_separator);
                }
            }
            if let Err(err) = self.encode(&item, inner) {
                return Err(with_note(ts, err, || {
                    Ok(format!(
                        "when serializing {} item {index}",
                        type_display_name(ts, sequence)
                    ))
                }));
            }
            index += 1;
        }
        self.leave(entered);
        if indented {
            self.write_newline_indent(level)?;
        }
        self.out.bytes.push(b']');
        Ok(())
    }

    fn encode_dict(&mut self, mapping: &PyObject, level: isize) -> PyResult<()> {
        let ts = self.ts;
        let Some(dict) = mapping.downcast_ref::<Dict>() else {
            return Ok(());
        };
        if dict.payload().is_empty() {
            self.out.bytes.extend_from_slice(b"{}");
            return Ok(());
        }
        let entered = self.enter(mapping)?;
        self.out.bytes.push(b'{');
        let inner = level.saturating_add(1);
        let indented = !matches!(self.indent, Indent::None);
        if indented {
            self.write_newline_indent(inner)?;
        }
        let items =
            if self.encoder.sort_keys || !mapping.is_exact_type(&pyrite_objects::dict::DICT_TYPE) {
                let mut items = mapping_items(ts, mapping)?;
                if self.encoder.sort_keys {
                    items = sort_items(ts, items)?;
                }
                items
            } else {
                dict.payload().items()
            };
        let mut first = true;
        for (key, value) in items {
            if !self.write_key(&key, &mut first, inner, indented)? {
                continue;
            }
            self.out.bytes.extend_from_slice(&self.key_separator);
            if let Err(err) = self.encode(&value, inner) {
                return Err(with_note(ts, err, || {
                    Ok(format!(
                        "when serializing {} item {}",
                        type_display_name(ts, mapping),
                        pystr::repr_text(ts, &key)?
                    ))
                }));
            }
        }
        self.leave(entered);
        if indented {
            self.write_newline_indent(level)?;
        }
        self.out.bytes.push(b'}');
        Ok(())
    }

    /// Writes the separator (unless first) and the key; `false` if `skipkeys` skips it.
    fn write_key(
        &mut self,
        key: &PyObject,
        first: &mut bool,
        level: isize,
        indented: bool,
    ) -> PyResult<bool> {
        enum KeyText {
            Object,
            Text(String),
        }
        let text = if key.payload_is::<Str>() {
            KeyText::Object
        } else if let Some(value) = float::as_f64(key) {
            KeyText::Text(self.float_text(key, value)?)
        } else if singletons::is_none(key) {
            KeyText::Text("null".to_owned())
        } else if let Some(flag) = pybool::as_bool_singleton(key) {
            KeyText::Text(if flag { "true" } else { "false" }.to_owned())
        } else if let Some(value) = key.downcast_ref::<Int>() {
            KeyText::Text(value.payload().to_decimal_string()?)
        } else if self.encoder.skipkeys {
            return Ok(false);
        } else {
            return Err(PyErr::type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                key.ob_type().name()
            )));
        };
        if *first {
            *first = false;
        } else if indented {
            self.write_item_separator(level)?;
        } else {
            self.out.bytes.extend_from_slice(&self.item_separator);
        }
        match text {
            KeyText::Object => self.write_string(key)?,
            KeyText::Text(text) => {
                if self.encoder.fast_encode.is_some() {
                    // ASCII digits, letters, '.', '+', '-': nothing to escape.
                    self.out.bytes.push(b'"');
                    self.out.bytes.extend_from_slice(text.as_bytes());
                    self.out.bytes.push(b'"');
                } else {
                    let string = pystr::new(self.ts, &text).into_ref();
                    self.write_string(&string)?;
                }
            }
        }
        Ok(true)
    }
}

/// A list's items read live, or a fixed slice.
enum ItemSource<'a> {
    List(&'a List),
    Slice(&'a [PyRef]),
}

impl ItemSource<'_> {
    fn len(&self) -> usize {
        match self {
            ItemSource::List(list) => list.len(),
            ItemSource::Slice(items) => items.len(),
        }
    }

    fn get(&self, index: usize) -> Option<PyRef> {
        match self {
            ItemSource::List(list) => list.get(index),
            ItemSource::Slice(items) => items.get(index).cloned(),
        }
    }
}

/// `PyMapping_Items(mapping)` as pairs, each checked to be a 2-tuple.
fn mapping_items(ts: &ThreadState, mapping: &PyObject) -> PyResult<Vec<(PyRef, PyRef)>> {
    if mapping.is_exact_type(&pyrite_objects::dict::DICT_TYPE)
        && let Some(dict) = mapping.downcast_ref::<Dict>()
    {
        return Ok(dict.payload().items());
    }
    let items_method = attrs::get_attr_str(ts, mapping, "items")?;
    let output = abstract_api::call(ts, &items_method, &[], None)?;
    let iterator = iterobject::get_iter(ts, &output).map_err(|err| {
        if err.matches(ExceptionKind::TypeError) {
            PyErr::type_error(format!(
                "{}.items() returned a non-iterable (type {})",
                mapping.ob_type().name(),
                output.ob_type().name()
            ))
        } else {
            err
        }
    })?;
    let items = iterobject::collect(ts, &iterator)?;
    items
        .into_iter()
        .map(|item| match item.downcast_ref::<Tuple>() {
            Some(pair) if pair.payload().items().len() == 2 => {
                let pair = pair.payload().items();
                Ok((pair[0].clone(), pair[1].clone()))
            }
            _ => Err(PyErr::new(
                ExceptionKind::ValueError,
                "items must return 2-tuples",
            )),
        })
        .collect()
}

/// The pairs sorted as `list.sort` sorts the item tuples: by key (keys are distinct), with
/// exact-`str` keys compared by code point directly.
fn sort_items(ts: &ThreadState, mut items: Vec<(PyRef, PyRef)>) -> PyResult<Vec<(PyRef, PyRef)>> {
    if items
        .iter()
        .all(|(key, _)| key.is_exact_type(&pystr::STR_TYPE))
    {
        items.sort_by(|(a, _), (b, _)| {
            let a = pystr::as_str_payload(a).map_or(&[][..], Str::as_bytes);
            let b = pystr::as_str_payload(b).map_or(&[][..], Str::as_bytes);
            a.cmp(b)
        });
        return Ok(items);
    }
    let tuples: Vec<PyRef> = items
        .into_iter()
        .map(|(key, value)| tuple::new(ts, vec![key, value]).into_ref())
        .collect();
    let sorted = pyrite_objects::methods::sort_items(ts, tuples, None, false)?;
    Ok(sorted
        .iter()
        .map(|pair| {
            let pair = tuple::items(pair);
            (pair[0].clone(), pair[1].clone())
        })
        .collect())
}

// ------------------------------------------------------------------ members

macro_rules! getters {
    ($($getter:ident: $payload:ty => |$value:ident| $body:expr;)*) => {$(
        fn $getter(_ts: &ThreadState, object: &PyObject) -> PyResult {
            let $value = object
                .downcast_ref::<$payload>()
                .map(|value| value.payload())
                .ok_or_else(|| PyErr::type_error("descriptor applied to the wrong object"))?;
            Ok($body)
        }
    )*};
}

getters! {
    scanner_strict: Scanner => |s| pybool::bool_ref(s.strict);
    scanner_object_hook: Scanner => |s| s.object_hook.clone();
    scanner_object_pairs_hook: Scanner => |s| s.object_pairs_hook.clone();
    scanner_parse_float: Scanner => |s| s.parse_float.clone();
    scanner_parse_int: Scanner => |s| s.parse_int.clone();
    scanner_parse_constant: Scanner => |s| s.parse_constant.clone();
    encoder_markers: Encoder => |e| e.markers.clone();
    encoder_default: Encoder => |e| e.default.clone();
    encoder_encoder: Encoder => |e| e.encoder.clone();
    encoder_indent: Encoder => |e| e.indent.clone();
    encoder_key_separator: Encoder => |e| e.key_separator.clone();
    encoder_item_separator: Encoder => |e| e.item_separator.clone();
    encoder_sort_keys: Encoder => |e| pybool::bool_ref(e.sort_keys);
    encoder_skipkeys: Encoder => |e| pybool::bool_ref(e.skipkeys);
}

// ------------------------------------------------------------------ module

pub fn create(ts: &ThreadState) -> PyResult {
    let builder = ModuleBuilder::new(ts, "_json", Some("json speedups\n"))?;
    builder.functions(&[
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
        ("scanstring", scanstring),
    ])?;
    builder.add_type("make_scanner", &SCANNER_TYPE, "_json")?;
    builder.add_type("make_encoder", &ENCODER_TYPE, "_json")?;
    for (ty, doc) in [
        (&SCANNER_TYPE, "JSON scanner object"),
        (
            &ENCODER_TYPE,
            "Encoder(markers, default, encoder, indent, key_separator, item_separator, \
             sort_keys, skipkeys, allow_nan)",
        ),
    ] {
        if let Some(type_dict) = ty.dict(ts).downcast_ref::<Dict>() {
            type_dict.payload().set_item(
                ts,
                pystr::intern(ts, "__doc__"),
                pystr::new(ts, doc).into_ref(),
            )?;
        }
    }
    pyrite_objects::descr::add_getsets(
        ts,
        &SCANNER_TYPE,
        &[
            ("strict", scanner_strict, None),
            ("object_hook", scanner_object_hook, None),
            ("object_pairs_hook", scanner_object_pairs_hook, None),
            ("parse_float", scanner_parse_float, None),
            ("parse_int", scanner_parse_int, None),
            ("parse_constant", scanner_parse_constant, None),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &ENCODER_TYPE,
        &[
            ("markers", encoder_markers, None),
            ("default", encoder_default, None),
            ("encoder", encoder_encoder, None),
            ("indent", encoder_indent, None),
            ("key_separator", encoder_key_separator, None),
            ("item_separator", encoder_item_separator, None),
            ("sort_keys", encoder_sort_keys, None),
            ("skipkeys", encoder_skipkeys, None),
        ],
    );
    Ok(builder.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(text: &str) -> String {
        let mut out = Vec::new();
        write_escaped_ascii(&mut out, text.as_bytes());
        String::from_utf8(out).unwrap_or_default()
    }

    fn unicode(text: &str) -> String {
        let mut out = Vec::new();
        write_escaped_unicode(&mut out, text.as_bytes());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn ascii_escapes_non_ascii_and_controls() {
        assert_eq!(ascii("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(ascii("é\u{7f}\u{1}"), r#""\u00e9\u007f\u0001""#);
        assert_eq!(ascii("\u{1f600}"), r#""\ud83d\ude00""#);
    }

    #[test]
    fn unicode_keeps_non_ascii() {
        assert_eq!(unicode("é\u{7f}\t\u{1f}"), "\"é\u{7f}\\t\\u001f\"");
    }

    #[test]
    fn positions_count_code_points() {
        let text = "aé😀b".as_bytes();
        assert_eq!(code_point_index(text, false, text.len()), 4);
        assert_eq!(code_point_index(text, false, 1), 1);
        assert_eq!(code_point_index(text, false, 3), 2);
    }
}
