//! The built-in text codecs behind `str.encode` and `bytes.decode`: UTF-8, ASCII,
//! Latin-1, UTF-16 and UTF-32, with the standard error handlers (`strict`, `ignore`,
//! `replace`, `backslashreplace`, `xmlcharrefreplace`, `surrogateescape`,
//! `surrogatepass`).
//!
//! CPython counterpart: the codecs of `Objects/unicodeobject.c`
//! (`PyUnicode_DecodeUTF8Stateful`, `unicode_encode_ucs1`, `_PyUnicode_EncodeUTF16`, ...),
//! the error handlers of `Python/codecs.c`, and the names of `Lib/encodings/aliases.py`
//! for these codecs. Errors carry CPython's messages.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::str::Str;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `None`: with a byte-order mark (little-endian when encoding).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
}

impl Codec {
    /// The name in messages (CPython's codec names).
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(Endian::Little)) => "utf-16-le",
            Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(Endian::Little)) => "utf-32-le",
            Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
        }
    }
}

fn lookup(encoding: &str) -> PyResult<Codec> {
    let normalized: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Ok(match normalized.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "ibm819" | "iso_8859_1:1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16(Some(Endian::Little)),
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16(Some(Endian::Big)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32(Some(Endian::Little)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32(Some(Endian::Big)),
        _ => {
            return Err(PyErr::new(
                ExceptionKind::LookupError,
                format!("unknown encoding: {encoding}"),
            ));
        }
    })
}

/// An optional str argument of `encode`/`decode`.
pub fn text_arg(
    method: &str,
    name: &str,
    position: usize,
    value: Option<&PyObject>,
) -> PyResult<Option<String>> {
    let _ = position;
    match value {
        None => Ok(None),
        Some(value) => match crate::str::as_str_payload(value) {
            Some(text) => Ok(Some(text.to_string_lossy())),
            None => Err(PyErr::type_error(format!(
                "{method}() argument '{name}' must be str, not {}",
                value.ob_type().name()
            ))),
        },
    }
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        ExceptionKind::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

fn escape_code_point(code: u32) -> String {
    if code < 0x100 {
        format!("\\x{code:02x}")
    } else if code < 0x10000 {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    }
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's message and its
/// `encoding`, `object`, `start`, `end` and `reason` attributes.
fn codec_error(
    ts: &ThreadState,
    kind: ExceptionKind,
    message: String,
    codec: Codec,
    object: PyRef,
    range: (usize, usize),
    reason: &str,
) -> PyErr {
    let encoding = crate::str::new(ts, codec.name()).into_ref();
    let start = crate::int::new(ts, range.0 as i64);
    let end = crate::int::new(ts, range.1 as i64);
    let reason_object = crate::str::new(ts, reason).into_ref();
    let args = vec![
        encoding.clone(),
        object.clone(),
        start.clone(),
        end.clone(),
        reason_object.clone(),
    ];
    let exception = crate::exceptions::new_exception(ts, kind.static_type(), args);
    let attributes = [
        ("encoding", encoding),
        ("object", object),
        ("start", start),
        ("end", end),
        ("reason", reason_object),
    ];
    for (name, value) in attributes {
        let name = crate::str::intern(ts, name);
        if crate::attrs::generic_setattr(ts, &exception, &name, Some(&value)).is_err() {
            return PyErr::new(kind, message);
        }
    }
    PyErr::from_exception(exception)
}

fn encode_error(
    ts: &ThreadState,
    codec: Codec,
    units: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let message = if end - start == 1 {
        format!(
            "'{}' codec can't encode character '{}' in position {start}: {reason}",
            codec.name(),
            escape_code_point(units[start])
        )
    } else {
        format!(
            "'{}' codec can't encode characters in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    };
    let object = crate::str_methods::str_from_code_points(ts, units)
        .unwrap_or_else(|_| crate::str::new(ts, "").into_ref());
    codec_error(
        ts,
        ExceptionKind::UnicodeEncodeError,
        message,
        codec,
        object,
        (start, end),
        reason,
    )
}

fn decode_error(
    ts: &ThreadState,
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let message = if end - start == 1 {
        format!(
            "'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            codec.name(),
            data[start]
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    };
    codec_error(
        ts,
        ExceptionKind::UnicodeDecodeError,
        message,
        codec,
        crate::bytes::new(ts, data),
        (start, end),
        reason,
    )
}

fn is_surrogate(code: u32) -> bool {
    (0xD800..=0xDFFF).contains(&code)
}

fn push_unit(out: &mut Vec<u8>, codec: Codec, code: u32) {
    match codec {
        Codec::Utf8 => {
            if let Some(c) = char::from_u32(code) {
                let mut buffer = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            } else {
                // A surrogate, written as its three-byte form (surrogatepass).
                out.push(0xE0 | (code >> 12) as u8);
                out.push(0x80 | ((code >> 6) & 0x3F) as u8);
                out.push(0x80 | (code & 0x3F) as u8);
            }
        }
        Codec::Ascii | Codec::Latin1 => out.push(code as u8),
        Codec::Utf16(endian) => {
            let big = endian == Some(Endian::Big);
            let mut push16 = |unit: u16| {
                out.extend_from_slice(&if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                })
            };
            if code >= 0x10000 {
                let value = code - 0x10000;
                push16(0xD800 | (value >> 10) as u16);
                push16(0xDC00 | (value & 0x3FF) as u16);
            } else {
                push16(code as u16);
            }
        }
        Codec::Utf32(endian) => out.extend_from_slice(&if endian == Some(Endian::Big) {
            code.to_be_bytes()
        } else {
            code.to_le_bytes()
        }),
    }
}

/// The codec registry (`_codecs`, in `pyrite_modules`): `str.encode` and `bytes.decode`
/// go there for encodings and error handlers not built in here.
pub struct RegistryHooks {
    pub encode: fn(&ThreadState, &Str, &str, &str) -> PyResult<Vec<u8>>,
    pub decode: fn(&ThreadState, &[u8], &str, &str) -> PyResult,
}

static REGISTRY: std::sync::OnceLock<RegistryHooks> = std::sync::OnceLock::new();

/// Installs the codec registry's entry points (once, at start-up).
pub fn set_registry(hooks: RegistryHooks) {
    let _ = REGISTRY.set(hooks);
}

/// The error handlers implemented inline by `encode_builtin`/`decode_builtin`.
pub fn is_builtin_handler(errors: &str) -> bool {
    matches!(
        errors,
        "strict"
            | "ignore"
            | "replace"
            | "backslashreplace"
            | "xmlcharrefreplace"
            | "surrogateescape"
            | "surrogatepass"
    )
}

/// `text.encode(encoding, errors)`: built-in codecs directly, others (and custom error
/// handlers) through the codec registry.
pub fn encode(ts: &ThreadState, text: &Str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if (lookup(encoding).is_err() || !is_builtin_handler(errors))
        && let Some(registry) = REGISTRY.get()
    {
        return (registry.encode)(ts, text, encoding, errors);
    }
    encode_builtin(ts, text, encoding, errors)
}

/// `data.decode(encoding, errors)`: built-in codecs directly, others (and custom error
/// handlers) through the codec registry.
pub fn decode(ts: &ThreadState, data: &[u8], encoding: &str, errors: &str) -> PyResult {
    if (lookup(encoding).is_err() || !is_builtin_handler(errors))
        && let Some(registry) = REGISTRY.get()
    {
        return (registry.decode)(ts, data, encoding, errors);
    }
    decode_builtin(ts, data, encoding, errors)
}

/// Whether `encoding` names one of the codecs built in here.
pub fn is_builtin_codec(encoding: &str) -> bool {
    lookup(encoding).is_ok()
}

/// Encodes with a built-in codec and handler (`_codecs.utf_8_encode`, ...).
pub fn encode_builtin(
    ts: &ThreadState,
    text: &Str,
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 && text.as_str().is_some() {
        return Ok(text.as_bytes().to_vec());
    }
    let units = crate::str_methods::code_points_of(text);
    let (limit, reason) = match codec {
        Codec::Ascii => (0x80, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "ordinal not in range(256)"),
        _ => (0x110000, "surrogates not allowed"),
    };
    let encodable = |code: u32| code < limit && (limit < 0x110000 || !is_surrogate(code));
    let mut out = Vec::with_capacity(units.len());
    if matches!(codec, Codec::Utf16(None)) {
        out.extend_from_slice(&[0xFF, 0xFE]);
    }
    if matches!(codec, Codec::Utf32(None)) {
        out.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
    }
    let mut at = 0;
    while at < units.len() {
        let code = units[at];
        if encodable(code) {
            push_unit(&mut out, codec, code);
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < units.len() && !encodable(units[end]) {
            end += 1;
        }
        match errors {
            "strict" => return Err(encode_error(ts, codec, &units, at, end, reason)),
            "ignore" => {}
            "replace" => {
                for _ in at..end {
                    push_unit(&mut out, codec, u32::from(b'?'));
                }
            }
            "backslashreplace" => {
                for &code in &units[at..end] {
                    for c in escape_code_point(code).chars() {
                        push_unit(&mut out, codec, u32::from(c));
                    }
                }
            }
            "xmlcharrefreplace" => {
                for &code in &units[at..end] {
                    for c in format!("&#{code};").chars() {
                        push_unit(&mut out, codec, u32::from(c));
                    }
                }
            }
            "surrogateescape" => {
                for (offset, &code) in units[at..end].iter().enumerate() {
                    if (0xDC80..=0xDCFF).contains(&code)
                        && !(codec == Codec::Ascii && code < 0xDC80)
                    {
                        out.push((code - 0xDC00) as u8);
                    } else {
                        let position = at + offset;
                        return Err(encode_error(
                            ts,
                            codec,
                            &units,
                            position,
                            position + 1,
                            reason,
                        ));
                    }
                }
            }
            "surrogatepass" => {
                if matches!(codec, Codec::Ascii | Codec::Latin1) {
                    return Err(encode_error(ts, codec, &units, at, end, reason));
                }
                for (offset, &code) in units[at..end].iter().enumerate() {
                    if !is_surrogate(code) {
                        let position = at + offset;
                        return Err(encode_error(
                            ts,
                            codec,
                            &units,
                            position,
                            position + 1,
                            reason,
                        ));
                    }
                    push_unit(&mut out, codec, code);
                }
            }
            other => return Err(unknown_handler(other)),
        }
        at = end;
    }
    Ok(out)
}

/// Applies a decoding error handler to `data[start..end]`; `Err` for `strict`.
fn handle_decode_error(
    ts: &ThreadState,
    out: &mut Vec<u32>,
    codec: Codec,
    data: &[u8],
    span: (usize, usize),
    reason: &str,
    errors: &str,
) -> PyResult<()> {
    let (start, end) = span;
    match errors {
        "strict" => Err(decode_error(ts, codec, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push(0xFFFD);
            Ok(())
        }
        "backslashreplace" => {
            for &byte in &data[start..end] {
                out.extend(format!("\\x{byte:02x}").chars().map(u32::from));
            }
            Ok(())
        }
        "surrogateescape" => {
            for &byte in &data[start..end] {
                if byte < 0x80 {
                    return Err(decode_error(ts, codec, data, start, end, reason));
                }
                out.push(0xDC00 + u32::from(byte));
            }
            Ok(())
        }
        "surrogatepass" | "xmlcharrefreplace" | "namereplace" => {
            Err(decode_error(ts, codec, data, start, end, reason))
        }
        other => Err(unknown_handler(other)),
    }
}

/// The valid range of the second byte after a UTF-8 lead byte.
fn second_byte_range(lead: u8) -> (u8, u8) {
    match lead {
        0xE0 => (0xA0, 0xBF),
        0xED => (0x80, 0x9F),
        0xF0 => (0x90, 0xBF),
        0xF4 => (0x80, 0x8F),
        _ => (0x80, 0xBF),
    }
}

fn decode_utf8(ts: &ThreadState, data: &[u8], errors: &str) -> PyResult<Vec<u32>> {
    let codec = Codec::Utf8;
    let mut out = Vec::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        let lead = data[at];
        if lead < 0x80 {
            out.push(u32::from(lead));
            at += 1;
            continue;
        }
        let width = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                handle_decode_error(
                    ts,
                    &mut out,
                    codec,
                    data,
                    (at, at + 1),
                    "invalid start byte",
                    errors,
                )?;
                at += 1;
                continue;
            }
        };
        if errors == "surrogatepass"
            && lead == 0xED
            && data.len() >= at + 3
            && (0xA0..=0xBF).contains(&data[at + 1])
            && (0x80..=0xBF).contains(&data[at + 2])
        {
            let code = (u32::from(lead & 0x0F) << 12)
                | (u32::from(data[at + 1] & 0x3F) << 6)
                | u32::from(data[at + 2] & 0x3F);
            out.push(code);
            at += 3;
            continue;
        }
        let mut valid = 1;
        let mut code = u32::from(lead) & (0x7F >> width);
        let mut failed = false;
        while valid < width {
            let Some(&next) = data.get(at + valid) else {
                break;
            };
            let (low, high) = if valid == 1 {
                second_byte_range(lead)
            } else {
                (0x80, 0xBF)
            };
            if next < low || next > high {
                failed = true;
                break;
            }
            code = (code << 6) | u32::from(next & 0x3F);
            valid += 1;
        }
        if valid == width {
            out.push(code);
            at += width;
        } else if failed {
            handle_decode_error(
                ts,
                &mut out,
                codec,
                data,
                (at, at + valid),
                "invalid continuation byte",
                errors,
            )?;
            at += valid;
        } else {
            handle_decode_error(
                ts,
                &mut out,
                codec,
                data,
                (at, data.len()),
                "unexpected end of data",
                errors,
            )?;
            at = data.len();
        }
    }
    Ok(out)
}

fn decode_wide(ts: &ThreadState, data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u32>> {
    let (width, declared) = match codec {
        Codec::Utf16(endian) => (2, endian),
        Codec::Utf32(endian) => (4, endian),
        _ => (1, None),
    };
    let mut at = 0;
    let mut big = declared == Some(Endian::Big);
    if declared.is_none() {
        if width == 2 && data.len() >= 2 {
            if data[..2] == [0xFF, 0xFE] {
                at = 2;
            } else if data[..2] == [0xFE, 0xFF] {
                at = 2;
                big = true;
            }
        } else if width == 4 && data.len() >= 4 {
            if data[..4] == [0xFF, 0xFE, 0, 0] {
                at = 4;
            } else if data[..4] == [0, 0, 0xFE, 0xFF] {
                at = 4;
                big = true;
            }
        }
    }
    let read = |position: usize| -> u32 {
        let bytes = &data[position..position + width];
        let mut value = 0u32;
        if big {
            for &b in bytes {
                value = (value << 8) | u32::from(b);
            }
        } else {
            for &b in bytes.iter().rev() {
                value = (value << 8) | u32::from(b);
            }
        }
        value
    };
    // Errors name the byte order found (`utf-16-le` for a BOM-less `utf-16`).
    let endian = Some(if big { Endian::Big } else { Endian::Little });
    let codec = match codec {
        Codec::Utf16(_) => Codec::Utf16(endian),
        Codec::Utf32(_) => Codec::Utf32(endian),
        other => other,
    };
    let mut out = Vec::new();
    while at < data.len() {
        if at + width > data.len() {
            handle_decode_error(
                ts,
                &mut out,
                codec,
                data,
                (at, data.len()),
                "truncated data",
                errors,
            )?;
            break;
        }
        let unit = read(at);
        if width == 4 {
            if unit > 0x10FFFF {
                handle_decode_error(
                    ts,
                    &mut out,
                    codec,
                    data,
                    (at, at + 4),
                    "code point not in range(0x110000)",
                    errors,
                )?;
            } else if is_surrogate(unit) && errors != "surrogatepass" {
                handle_decode_error(
                    ts,
                    &mut out,
                    codec,
                    data,
                    (at, at + 4),
                    "code point in surrogate code point range(0xd800, 0xe000)",
                    errors,
                )?;
            } else {
                out.push(unit);
            }
            at += 4;
            continue;
        }
        if (0xD800..0xDC00).contains(&unit) {
            if at + 4 > data.len() {
                handle_decode_error(
                    ts,
                    &mut out,
                    codec,
                    data,
                    (at, data.len()),
                    "unexpected end of data",
                    errors,
                )?;
                break;
            }
            let low = read(at + 2);
            if (0xDC00..0xE000).contains(&low) {
                out.push(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                at += 4;
                continue;
            }
            if errors == "surrogatepass" {
                out.push(unit);
            } else {
                handle_decode_error(
                    ts,
                    &mut out,
                    codec,
                    data,
                    (at, at + 2),
                    "illegal UTF-16 surrogate",
                    errors,
                )?;
            }
            at += 2;
            continue;
        }
        if (0xDC00..0xE000).contains(&unit) && errors != "surrogatepass" {
            handle_decode_error(
                ts,
                &mut out,
                codec,
                data,
                (at, at + 2),
                "illegal encoding",
                errors,
            )?;
            at += 2;
            continue;
        }
        out.push(unit);
        at += 2;
    }
    Ok(out)
}

/// Decodes with a built-in codec and handler (`_codecs.utf_8_decode`, ...): a new `str`.
pub fn decode_builtin(ts: &ThreadState, data: &[u8], encoding: &str, errors: &str) -> PyResult {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8
        && let Ok(text) = std::str::from_utf8(data)
    {
        return Ok(crate::str::new(ts, text).into_ref());
    }
    let units = match codec {
        Codec::Utf8 => decode_utf8(ts, data, errors)?,
        Codec::Latin1 => data.iter().map(|&b| u32::from(b)).collect(),
        Codec::Ascii => {
            let mut out = Vec::with_capacity(data.len());
            for (at, &byte) in data.iter().enumerate() {
                if byte < 0x80 {
                    out.push(u32::from(byte));
                } else {
                    handle_decode_error(
                        ts,
                        &mut out,
                        codec,
                        data,
                        (at, at + 1),
                        "ordinal not in range(128)",
                        errors,
                    )?;
                }
            }
            out
        }
        Codec::Utf16(_) | Codec::Utf32(_) => decode_wide(ts, data, codec, errors)?,
    };
    crate::str_methods::str_from_code_points(ts, &units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;

    /// Expected values from CPython 3.14: one U+FFFD per maximal invalid subpart.
    #[test]
    fn utf8_decoding_replaces_maximal_subparts() {
        with_gil(|ts| {
            let cases: &[(&[u8], &[u32])] = &[
                (b"a\xffb", &[0x61, 0xFFFD, 0x62]),
                (b"\xe2\x82x", &[0xFFFD, 0x78]),
                (b"\xed\xa0\x80", &[0xFFFD, 0xFFFD, 0xFFFD]),
                (b"\xf0\x9f\x98", &[0xFFFD]),
                (b"\xf0\x9f\x98\x80", &[0x1F600]),
            ];
            for &(data, expected) in cases {
                assert_eq!(
                    decode_utf8(ts, data, "replace").unwrap(),
                    expected,
                    "{data:x?}"
                );
            }
            let err = decode_utf8(ts, b"ab\xff", "strict").unwrap_err();
            let exception = err.exception_object().expect("an exception object");
            assert_eq!(
                crate::str::to_rust_string(&exception.str(ts).unwrap()),
                "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
            );
        });
    }

    #[test]
    fn encoding_error_handlers_match_cpython() {
        with_gil(|ts| {
            let text = crate::str::new(ts, "a\u{e9}\u{20ac}");
            let encode_with = |errors| encode(ts, text.payload(), "ascii", errors).unwrap();
            assert_eq!(encode_with("replace"), b"a??");
            assert_eq!(encode_with("ignore"), b"a");
            assert_eq!(encode_with("backslashreplace"), b"a\\xe9\\u20ac");
            assert_eq!(encode_with("xmlcharrefreplace"), b"a&#233;&#8364;");
            assert_eq!(
                encode(ts, text.payload(), "utf-16-be", "strict").unwrap(),
                b"\x00a\x00\xe9\x20\xac"
            );
            assert!(encode(ts, text.payload(), "nope", "strict").is_err());
        });
    }
}
