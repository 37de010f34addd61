//! The escape and mapping codecs of `_codecs`: `unicode_escape`, `raw_unicode_escape`,
//! `escape_encode`/`escape_decode` (bytes), and `charmap_encode`/`charmap_decode`/
//! `charmap_build` (the tables of `encodings/cp1252.py` and friends).
//!
//! CPython counterpart: `_PyUnicode_DecodeUnicodeEscapeInternal2`,
//! `PyUnicode_AsUnicodeEscapeString`, `PyUnicode_DecodeRawUnicodeEscape`,
//! `PyUnicode_DecodeCharmap`, `PyUnicode_BuildEncodingMap` (`Objects/unicodeobject.c`)
//! and `_PyBytes_DecodeEscape2`/`PyBytes_Repr` (`Objects/bytesobject.c`).

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, bytes, dict, int, singletons,
    str as pystr, str_methods,
};

use super::registry::{Replacement, call_handler, make_error};

/// Reports a decoding failure on `data[start..end]` to the `errors` handler; the text
/// it gives is appended, and the position to go on from is returned.
pub(super) fn decode_failure(
    ts: &ThreadState,
    errors: &str,
    codec: &str,
    data: &[u8],
    span: (usize, usize),
    reason: &str,
    out: &mut Vec<u32>,
) -> PyResult<usize> {
    let object = bytes::new(ts, data);
    let exc = make_error(
        ts,
        ExceptionKind::UnicodeDecodeError,
        codec,
        &object,
        span.0,
        span.1,
        reason,
    )?;
    if errors == "strict" {
        return Err(PyErr::from_exception(exc));
    }
    let (replacement, next) = call_handler(ts, errors, &exc, false, data.len())?;
    if let Replacement::Text(codes) = replacement {
        out.extend(codes);
    }
    Ok(next)
}

fn hex_value(digits: &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for &digit in digits {
        value = value.checked_mul(16)? + char::from(digit).to_digit(16)?;
    }
    Some(value)
}

/// `unicode_escape_decode(data, errors, final)`: the text and the bytes consumed.
pub fn unicode_escape_decode(
    ts: &ThreadState,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(PyRef, usize)> {
    let codec = "unicodeescape";
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut first_invalid: Option<String> = None;
    let mut at = 0;
    while at < data.len() {
        let byte = data[at];
        if byte != b'\\' {
            out.push(u32::from(byte));
            at += 1;
            continue;
        }
        let start = at;
        let Some(&kind) = data.get(at + 1) else {
            if !last {
                break;
            }
            at = decode_failure(
                ts,
                errors,
                codec,
                data,
                (start, data.len()),
                "\\ at end of string",
                &mut out,
            )?;
            continue;
        };
        at += 2;
        let simple = match kind {
            b'\n' => Some(None),
            b'\\' => Some(Some(0x5C)),
            b'\'' => Some(Some(0x27)),
            b'"' => Some(Some(0x22)),
            b'b' => Some(Some(0x08)),
            b'f' => Some(Some(0x0C)),
            b't' => Some(Some(0x09)),
            b'n' => Some(Some(0x0A)),
            b'r' => Some(Some(0x0D)),
            b'v' => Some(Some(0x0B)),
            b'a' => Some(Some(0x07)),
            _ => None,
        };
        if let Some(code) = simple {
            out.extend(code);
            continue;
        }
        match kind {
            b'0'..=b'7' => {
                let mut value = u32::from(kind - b'0');
                let digits_start = at - 1;
                for _ in 0..2 {
                    match data.get(at) {
                        Some(&digit @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(digit - b'0');
                            at += 1;
                        }
                        _ => break,
                    }
                }
                if value > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(format!(
                        "\"\\{}\" is an invalid octal escape sequence. ",
                        String::from_utf8_lossy(&data[digits_start..at])
                    ));
                }
                out.push(value);
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match kind {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let digits = &data[at..(at + count).min(data.len())];
                let valid = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                if valid < count {
                    if !last && at + valid == data.len() {
                        at = start;
                        break;
                    }
                    at = decode_failure(
                        ts,
                        errors,
                        codec,
                        data,
                        (start, at + valid),
                        reason,
                        &mut out,
                    )?;
                    continue;
                }
                let value = hex_value(digits).unwrap_or(u32::MAX);
                at += count;
                if value > 0x10FFFF {
                    at = decode_failure(
                        ts,
                        errors,
                        codec,
                        data,
                        (start, at),
                        "illegal Unicode character",
                        &mut out,
                    )?;
                    continue;
                }
                out.push(value);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if data.get(at) != Some(&b'{') {
                    at = decode_failure(ts, errors, codec, data, (start, at), malformed, &mut out)?;
                    continue;
                }
                let Some(close) = data[at..].iter().position(|&b| b == b'}') else {
                    if !last {
                        at = start;
                        break;
                    }
                    at = decode_failure(
                        ts,
                        errors,
                        codec,
                        data,
                        (start, data.len()),
                        malformed,
                        &mut out,
                    )?;
                    continue;
                };
                let name = &data[at + 1..at + close];
                let end = at + close + 1;
                let found = std::str::from_utf8(name)
                    .ok()
                    .filter(|name| !name.is_empty())
                    .and_then(unicode_names2::character);
                match found {
                    Some(c) => {
                        out.push(u32::from(c));
                        at = end;
                    }
                    None => {
                        let reason = if name.is_empty() {
                            malformed
                        } else {
                            "unknown Unicode character name"
                        };
                        at = decode_failure(
                            ts,
                            errors,
                            codec,
                            data,
                            (start, end),
                            reason,
                            &mut out,
                        )?;
                    }
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!(
                        "\"\\{}\" is an invalid escape sequence. ",
                        char::from(other)
                    ));
                }
                out.push(0x5C);
                out.push(u32::from(other));
            }
        }
    }
    if let Some(message) = first_invalid {
        pyrite_objects::warnings::warn(
            ts,
            ExceptionKind::DeprecationWarning,
            &format!("{message}Such sequences will not work in the future. "),
            1,
        )?;
    }
    Ok((str_methods::str_from_code_points(ts, &out)?, at))
}

/// `unicode_escape_encode(str)`.
pub fn unicode_escape_encode(code_points: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(code_points.len());
    for &code in code_points {
        match code {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(code as u8),
            _ if code < 0x100 => out.extend_from_slice(format!("\\x{code:02x}").as_bytes()),
            _ if code < 0x10000 => out.extend_from_slice(format!("\\u{code:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{code:08x}").as_bytes()),
        }
    }
    out
}

/// `raw_unicode_escape_decode(data, errors, final)`.
pub fn raw_unicode_escape_decode(
    ts: &ThreadState,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(PyRef, usize)> {
    let codec = "rawunicodeescape";
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        let byte = data[at];
        if byte != b'\\' {
            out.push(u32::from(byte));
            at += 1;
            continue;
        }
        // A run of backslashes: only an odd one before `u`/`U` starts an escape.
        let run_start = at;
        while at < data.len() && data[at] == b'\\' {
            at += 1;
        }
        let run = at - run_start;
        let kind = data.get(at).copied();
        if run % 2 == 0 || !matches!(kind, Some(b'u' | b'U')) {
            if kind.is_none() && run % 2 == 1 && !last {
                out.extend(std::iter::repeat_n(0x5C, run - 1));
                at -= 1;
                return Ok((str_methods::str_from_code_points(ts, &out)?, at));
            }
            out.extend(std::iter::repeat_n(0x5C, run));
            continue;
        }
        out.extend(std::iter::repeat_n(0x5C, run - 1));
        let start = at - 1;
        let (count, reason) = if kind == Some(b'u') {
            (4, "truncated \\uXXXX escape")
        } else {
            (8, "truncated \\UXXXXXXXX escape")
        };
        at += 1;
        let digits = &data[at..(at + count).min(data.len())];
        let valid = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
        if valid < count {
            if !last && at + valid == data.len() {
                return Ok((str_methods::str_from_code_points(ts, &out)?, start));
            }
            at = decode_failure(
                ts,
                errors,
                codec,
                data,
                (start, at + valid),
                reason,
                &mut out,
            )?;
            continue;
        }
        let value = hex_value(digits).unwrap_or(u32::MAX);
        at += count;
        if value > 0x10FFFF {
            at = decode_failure(
                ts,
                errors,
                codec,
                data,
                (start, at),
                "\\Uxxxxxxxx out of range",
                &mut out,
            )?;
            continue;
        }
        out.push(value);
    }
    Ok((str_methods::str_from_code_points(ts, &out)?, at))
}

/// `raw_unicode_escape_encode(str)`.
pub fn raw_unicode_escape_encode(code_points: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(code_points.len());
    for &code in code_points {
        if code < 0x100 {
            out.push(code as u8);
        } else if code < 0x10000 {
            out.extend_from_slice(format!("\\u{code:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{code:08x}").as_bytes());
        }
    }
    out
}

/// `escape_decode(data)`: Python's bytes-literal escapes, and the warning text for the
/// first invalid escape, if any.
pub fn escape_decode(data: &[u8], errors: &str) -> PyResult<(Vec<u8>, Option<String>)> {
    let mut out = Vec::with_capacity(data.len());
    let mut first_invalid: Option<String> = None;
    let mut at = 0;
    while at < data.len() {
        let byte = data[at];
        at += 1;
        if byte != b'\\' {
            out.push(byte);
            continue;
        }
        let Some(&kind) = data.get(at) else {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Trailing \\ in string",
            ));
        };
        at += 1;
        match kind {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0B),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let mut value = u32::from(kind - b'0');
                let digits_start = at - 1;
                for _ in 0..2 {
                    match data.get(at) {
                        Some(&digit @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(digit - b'0');
                            at += 1;
                        }
                        _ => break,
                    }
                }
                if value > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(format!(
                        "b\"\\{}\" is an invalid octal escape sequence. ",
                        String::from_utf8_lossy(&data[digits_start..at])
                    ));
                }
                out.push(value as u8);
            }
            b'x' => {
                let digits = &data[at..(at + 2).min(data.len())];
                match hex_value(digits).filter(|_| digits.len() == 2) {
                    Some(value) => {
                        out.push(value as u8);
                        at += 2;
                    }
                    None => match errors {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "strict" => {
                            return Err(PyErr::new(
                                ExceptionKind::ValueError,
                                format!("invalid \\x escape at position {}", at - 2),
                            ));
                        }
                        other => {
                            return Err(PyErr::new(
                                ExceptionKind::ValueError,
                                format!("decoding error; unknown error handling code: {other}"),
                            ));
                        }
                    },
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(format!(
                        "b\"\\{}\" is an invalid escape sequence. ",
                        char::from(other)
                    ));
                }
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok((
        out,
        first_invalid
            .map(|message| format!("{message}Such sequences will not work in the future. ")),
    ))
}

/// `escape_encode(data)`: the inside of `repr(bytes)` with `'` escaped.
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &byte in data {
        match byte {
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(byte),
            _ => out.extend_from_slice(format!("\\x{byte:02x}").as_bytes()),
        }
    }
    out
}

/// `charmap_decode(data, errors, mapping)` (mapping not `None`).
pub fn charmap_decode(ts: &ThreadState, data: &[u8], errors: &str, mapping: &PyObject) -> PyResult {
    let codec = "charmap";
    let undefined = "character maps to <undefined>";
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let table = pystr::as_str_payload(mapping).map(str_methods::code_points_of);
    let mut at = 0;
    while at < data.len() {
        let byte = data[at];
        let mapped: Option<Vec<u32>> = match &table {
            Some(table) => table
                .get(usize::from(byte))
                .filter(|&&code| code != 0xFFFE)
                .map(|&code| vec![code]),
            None => {
                let key = int::new(ts, i64::from(byte));
                match abstract_api::get_item(ts, mapping, &key) {
                    Ok(value) if singletons::is_none(&value) => None,
                    Ok(value) => {
                        if let Some(code) = int::as_i64(&value) {
                            if !(0..=0x10FFFF).contains(&code) {
                                return Err(PyErr::type_error(
                                    "character mapping must be in range(0x110000)",
                                ));
                            }
                            Some(vec![code as u32])
                        } else if let Some(text) = pystr::as_str_payload(&value) {
                            let codes = str_methods::code_points_of(text);
                            if codes == [0xFFFE] { None } else { Some(codes) }
                        } else {
                            return Err(PyErr::type_error(
                                "character mapping must return integer, None or str",
                            ));
                        }
                    }
                    Err(err) if err.matches(ExceptionKind::LookupError) => None,
                    Err(err) => return Err(err),
                }
            }
        };
        match mapped {
            Some(codes) => {
                out.extend(codes);
                at += 1;
            }
            None => {
                at = decode_failure(ts, errors, codec, data, (at, at + 1), undefined, &mut out)?;
            }
        }
    }
    str_methods::str_from_code_points(ts, &out)
}

/// The bytes one code point maps to, `None` when undefined.
fn charmap_lookup(ts: &ThreadState, mapping: &PyObject, code: u32) -> PyResult<Option<Vec<u8>>> {
    let key = int::new(ts, i64::from(code));
    match abstract_api::get_item(ts, mapping, &key) {
        Ok(value) if singletons::is_none(&value) => Ok(None),
        Ok(value) => {
            if let Some(byte) = int::as_i64(&value) {
                if !(0..256).contains(&byte) {
                    return Err(PyErr::type_error("character mapping must be in range(256)"));
                }
                Ok(Some(vec![byte as u8]))
            } else if let Some(data) = bytes::as_bytes(&value) {
                Ok(Some(data.to_vec()))
            } else {
                Err(PyErr::type_error(
                    "character mapping must return integer, bytes or None, not str",
                ))
            }
        }
        Err(err) if err.matches(ExceptionKind::LookupError) => Ok(None),
        Err(err) => Err(err),
    }
}

/// `charmap_encode(str, errors, mapping)` (mapping not `None`).
pub fn charmap_encode(
    ts: &ThreadState,
    text: &PyObject,
    errors: &str,
    mapping: &PyObject,
) -> PyResult<Vec<u8>> {
    let codes = pystr::as_str_payload(text)
        .map(str_methods::code_points_of)
        .unwrap_or_default();
    let mut out = Vec::with_capacity(codes.len());
    let mut at = 0;
    while at < codes.len() {
        if let Some(data) = charmap_lookup(ts, mapping, codes[at])? {
            out.extend(data);
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < codes.len() && charmap_lookup(ts, mapping, codes[end])?.is_none() {
            end += 1;
        }
        let exc = make_error(
            ts,
            ExceptionKind::UnicodeEncodeError,
            "charmap",
            text,
            at,
            end,
            "character maps to <undefined>",
        )?;
        if errors == "strict" {
            return Err(PyErr::from_exception(exc));
        }
        let (replacement, next) = call_handler(ts, errors, &exc, true, codes.len())?;
        match replacement {
            Replacement::Bytes(data) => out.extend(data),
            Replacement::Text(replacement) => {
                for code in replacement {
                    match charmap_lookup(ts, mapping, code)? {
                        Some(data) => out.extend(data),
                        None => return Err(PyErr::from_exception(exc)),
                    }
                }
            }
        }
        at = next;
    }
    Ok(out)
}

/// `charmap_build(decoding_table)`: the reverse mapping, code point to byte.
pub fn charmap_build(ts: &ThreadState, table: &PyObject) -> PyResult {
    let Some(text) = pystr::as_str_payload(table) else {
        return Err(PyErr::type_error(format!(
            "charmap_build() argument must be str, not {}",
            table.ob_type().name()
        )));
    };
    let map = dict::new(ts);
    for (byte, code) in str_methods::code_points_of(text).into_iter().enumerate() {
        if code == 0xFFFE {
            continue;
        }
        map.payload()
            .set_item(ts, int::new(ts, i64::from(code)), int::new(ts, byte as i64))?;
    }
    Ok(map.into_ref())
}
