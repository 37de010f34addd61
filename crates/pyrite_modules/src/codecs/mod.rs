//! The `_codecs` module: the codec and error-handler registries and the codec
//! functions `encodings/*.py` call (`utf_8_decode`, `charmap_encode`, ...). Each decoder
//! returns `(text, bytes consumed)` and each encoder `(bytes, characters consumed)`;
//! with `final=False` the stateful decoders keep an incomplete sequence at the end for
//! the next call.
//!
//! CPython counterpart: `Modules/_codecsmodule.c`; the registry is `registry.rs`
//! (`Python/codecs.c`), the escape and mapping codecs `escapes.rs`. The UTF and Latin-1
//! codecs themselves are `pyrite_objects::unicode_codecs` (shared with `str.encode`).

pub mod escapes;
pub mod registry;
pub mod utf7;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::str::Str;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, bytes, int, singletons, str as pystr,
    str_methods, tuple,
};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind};

fn errors_arg(function: &str, value: Option<&PyRef>, position: usize) -> PyResult<String> {
    match value {
        None => Ok("strict".to_owned()),
        Some(value) if singletons::is_none(value) => Ok("strict".to_owned()),
        Some(value) => match pystr::as_str_payload(value) {
            Some(text) => Ok(text.to_string_lossy()),
            None => Err(PyErr::type_error(format!(
                "{function}() argument {position} must be str or None, not {}",
                value.ob_type().name()
            ))),
        },
    }
}

fn str_arg<'a>(function: &str, value: &'a PyObject, position: usize) -> PyResult<&'a Str> {
    pystr::as_str_payload(value).ok_or_else(|| {
        PyErr::type_error(format!(
            "{function}() argument {position} must be str, not {}",
            value.ob_type().name()
        ))
    })
}

fn required_str(function: &str, value: Option<&PyRef>, position: usize) -> PyResult<String> {
    let value = value.ok_or_else(|| PyErr::type_error(format!("{function}() missing argument")))?;
    Ok(str_arg(function, value, position)?.to_string_lossy())
}

fn flag(ts: &ThreadState, value: Option<&PyRef>, default: bool) -> PyResult<bool> {
    match value {
        None => Ok(default),
        Some(value) => value.is_true(ts),
    }
}

fn pair(ts: &ThreadState, first: PyRef, count: usize) -> PyResult {
    Ok(tuple::new(ts, vec![first, int::new(ts, count as i64)]).into_ref())
}

/// Binds `(data, errors=None, ...)` of a decoder, `data` a bytes-like object.
fn decoder_args(
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    params: &[&str],
) -> PyResult<(Vec<u8>, String, Vec<Option<PyRef>>)> {
    let values = bind(name, args, kwnames, params, params.len(), 1)?;
    let data = values[0].as_ref().expect("required");
    let data = if let Some(text) = pystr::as_str_payload(data)
        && name.ends_with("escape_decode")
    {
        text.as_bytes().to_vec()
    } else {
        bytes::require_bytes_like(data)?
    };
    let errors = errors_arg(name, values[1].as_ref(), 2)?;
    Ok((data, errors, values))
}

/// Binds `(str, errors=None, ...)` of an encoder.
fn encoder_args<'a>(
    name: &str,
    args: Args<'a>,
    kwnames: KwNames<'_>,
    params: &[&str],
) -> PyResult<(PyRef, String, Vec<Option<PyRef>>)> {
    let values = bind(name, args, kwnames, params, params.len(), 1)?;
    let text = values[0].clone().expect("required");
    str_arg(name, &text, 1)?;
    let errors = errors_arg(name, values[1].as_ref(), 2)?;
    Ok((text, errors, values))
}

fn text_len(text: &PyObject) -> usize {
    pystr::as_str_payload(text).map_or(0, Str::len)
}

// ------------------------------------------------------------------ UTF-8 and friends

fn utf8_second_byte_range(lead: u8) -> (u8, u8) {
    match lead {
        0xE0 => (0xA0, 0xBF),
        0xED => (0x80, 0x9F),
        0xF0 => (0x90, 0xBF),
        0xF4 => (0x80, 0x8F),
        _ => (0x80, 0xBF),
    }
}

/// The length of `data` without an incomplete (but so far valid) UTF-8 sequence at
/// its end.
fn utf8_complete_len(data: &[u8]) -> usize {
    let length = data.len();
    for back in 1..=length.min(3) {
        let index = length - back;
        let lead = data[index];
        if lead & 0xC0 == 0x80 {
            continue;
        }
        let width = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return length,
        };
        if back >= width {
            return length;
        }
        for (offset, &next) in data[index + 1..].iter().enumerate() {
            let (low, high) = if offset == 0 {
                utf8_second_byte_range(lead)
            } else {
                (0x80, 0xBF)
            };
            if next < low || next > high {
                return length;
            }
        }
        return index;
    }
    length
}

/// The length of UTF-16 `data` without a trailing odd byte or lone high surrogate.
fn utf16_complete_len(data: &[u8], big: bool) -> usize {
    let mut end = data.len() - data.len() % 2;
    if end >= 2 {
        let pair = [data[end - 2], data[end - 1]];
        let unit = if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        };
        if (0xD800..0xDC00).contains(&unit) {
            end -= 2;
        }
    }
    end
}

#[derive(Clone, Copy)]
enum Width {
    Sixteen,
    ThirtyTwo,
}

impl Width {
    fn name(self) -> &'static str {
        match self {
            Width::Sixteen => "utf-16",
            Width::ThirtyTwo => "utf-32",
        }
    }

    fn complete_len(self, data: &[u8], big: bool) -> usize {
        match self {
            Width::Sixteen => utf16_complete_len(data, big),
            Width::ThirtyTwo => data.len() - data.len() % 4,
        }
    }

    /// The byte order a leading BOM declares (1 big, -1 little) and its length.
    fn bom(self, data: &[u8]) -> Option<(i64, usize)> {
        match self {
            Width::Sixteen if data.starts_with(&[0xFF, 0xFE]) => Some((-1, 2)),
            Width::Sixteen if data.starts_with(&[0xFE, 0xFF]) => Some((1, 2)),
            Width::ThirtyTwo if data.starts_with(&[0xFF, 0xFE, 0, 0]) => Some((-1, 4)),
            Width::ThirtyTwo if data.starts_with(&[0, 0, 0xFE, 0xFF]) => Some((1, 4)),
            _ => None,
        }
    }
}

fn decode_piece(ts: &ThreadState, data: &[u8], encoding: &str, errors: &str) -> PyResult {
    registry::decode_data(ts, data, encoding, errors)
}

fn utf_8_decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (data, errors, values) =
        decoder_args("utf_8_decode", args, kw, &["data", "errors", "final"])?;
    let end = if flag(ts, values[2].as_ref(), false)? {
        data.len()
    } else {
        utf8_complete_len(&data)
    };
    let text = decode_piece(ts, &data[..end], "utf-8", &errors)?;
    pair(ts, text, end)
}

/// The `utf_16_decode`/`utf_32_decode` family: `order` 0 detects a BOM.
fn wide_decode(
    ts: &ThreadState,
    name: &str,
    width: Width,
    order: Option<i64>,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let extended = order.is_none();
    let params: &[&str] = if extended {
        &["data", "errors", "byteorder", "final"]
    } else {
        &["data", "errors", "final"]
    };
    let (data, errors, values) = decoder_args(name, args, kw, params)?;
    let (mut byteorder, last) = if extended {
        let order = match values[2].as_ref() {
            Some(value) => int::as_i64(value).ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    value.ob_type().name()
                ))
            })?,
            None => 0,
        };
        (order, flag(ts, values[3].as_ref(), false)?)
    } else {
        (order.unwrap_or(0), flag(ts, values[2].as_ref(), false)?)
    };
    let mut start = 0;
    if byteorder == 0 {
        if let Some((found, length)) = width.bom(&data) {
            start = length;
            if extended {
                byteorder = found;
            } else {
                return finish_wide(ts, width, &data, start, found, last, &errors, None);
            }
        } else if !last
            && data.len()
                < if matches!(width, Width::Sixteen) {
                    2
                } else {
                    4
                }
        {
            let empty = pystr::new(ts, "").into_ref();
            return if extended {
                Ok(tuple::new(ts, vec![empty, int::new(ts, 0), int::new(ts, 0)]).into_ref())
            } else {
                pair(ts, empty, 0)
            };
        }
    }
    let effective = if byteorder > 0 { 1 } else { -1 };
    finish_wide(
        ts,
        width,
        &data,
        start,
        effective,
        last,
        &errors,
        extended.then_some(byteorder),
    )
}

#[allow(clippy::too_many_arguments)]
fn finish_wide(
    ts: &ThreadState,
    width: Width,
    data: &[u8],
    start: usize,
    order: i64,
    last: bool,
    errors: &str,
    report_order: Option<i64>,
) -> PyResult {
    let big = order > 0;
    let rest = &data[start..];
    let end = if last {
        rest.len()
    } else {
        width.complete_len(rest, big)
    };
    // With a BOM, the BOM-detecting codec decodes so that error positions count it.
    let text = if start > 0 {
        decode_piece(ts, &data[..start + end], width.name(), errors)?
    } else {
        let encoding = format!("{}-{}", width.name(), if big { "be" } else { "le" });
        decode_piece(ts, &rest[..end], &encoding, errors)?
    };
    let consumed = int::new(ts, (start + end) as i64);
    Ok(match report_order {
        Some(order) => tuple::new(ts, vec![text, consumed, int::new(ts, order)]).into_ref(),
        None => tuple::new(ts, vec![text, consumed]).into_ref(),
    })
}

macro_rules! wide_decoders {
    ($($function:ident: $name:literal, $width:expr, $order:expr;)*) => {
        $(
            fn $function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                wide_decode(ts, $name, $width, $order, args, kw)
            }
        )*
    };
}

wide_decoders! {
    utf_16_decode: "utf_16_decode", Width::Sixteen, Some(0);
    utf_16_le_decode: "utf_16_le_decode", Width::Sixteen, Some(-1);
    utf_16_be_decode: "utf_16_be_decode", Width::Sixteen, Some(1);
    utf_16_ex_decode: "utf_16_ex_decode", Width::Sixteen, None;
    utf_32_decode: "utf_32_decode", Width::ThirtyTwo, Some(0);
    utf_32_le_decode: "utf_32_le_decode", Width::ThirtyTwo, Some(-1);
    utf_32_be_decode: "utf_32_be_decode", Width::ThirtyTwo, Some(1);
    utf_32_ex_decode: "utf_32_ex_decode", Width::ThirtyTwo, None;
}

fn simple_decode(
    ts: &ThreadState,
    name: &str,
    encoding: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (data, errors, _) = decoder_args(name, args, kw, &["data", "errors"])?;
    let text = decode_piece(ts, &data, encoding, &errors)?;
    pair(ts, text, data.len())
}

fn latin_1_decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    simple_decode(ts, "latin_1_decode", "latin-1", args, kw)
}

fn ascii_decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    simple_decode(ts, "ascii_decode", "ascii", args, kw)
}

fn encode_with(
    ts: &ThreadState,
    name: &str,
    encoding: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (text, errors, _) = encoder_args(name, args, kw, &["str", "errors"])?;
    let data = registry::encode_text(ts, &text, encoding, &errors)?;
    pair(ts, bytes::from_vec(ts, data), text_len(&text))
}

macro_rules! simple_encoders {
    ($($function:ident: $name:literal, $encoding:literal;)*) => {
        $(
            fn $function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                encode_with(ts, $name, $encoding, args, kw)
            }
        )*
    };
}

simple_encoders! {
    utf_8_encode: "utf_8_encode", "utf-8";
    utf_16_le_encode: "utf_16_le_encode", "utf-16-le";
    utf_16_be_encode: "utf_16_be_encode", "utf-16-be";
    utf_32_le_encode: "utf_32_le_encode", "utf-32-le";
    utf_32_be_encode: "utf_32_be_encode", "utf-32-be";
    latin_1_encode: "latin_1_encode", "latin-1";
    ascii_encode: "ascii_encode", "ascii";
}

fn wide_encode(
    ts: &ThreadState,
    name: &str,
    width: Width,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (text, errors, values) = encoder_args(name, args, kw, &["str", "errors", "byteorder"])?;
    let order = values[2]
        .as_ref()
        .and_then(|value| int::as_i64(value))
        .unwrap_or(0);
    let encoding = match order {
        0 => width.name().to_owned(),
        order if order < 0 => format!("{}-le", width.name()),
        _ => format!("{}-be", width.name()),
    };
    let data = registry::encode_text(ts, &text, &encoding, &errors)?;
    pair(ts, bytes::from_vec(ts, data), text_len(&text))
}

fn utf_16_encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    wide_encode(ts, "utf_16_encode", Width::Sixteen, args, kw)
}

fn utf_32_encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    wide_encode(ts, "utf_32_encode", Width::ThirtyTwo, args, kw)
}

// ------------------------------------------------------------------ escapes, charmap

fn unicode_escape_decode(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (data, errors, values) = decoder_args(
        "unicode_escape_decode",
        args,
        kw,
        &["data", "errors", "final"],
    )?;
    let last = flag(ts, values[2].as_ref(), true)?;
    let (text, consumed) = escapes::unicode_escape_decode(ts, &data, &errors, last)?;
    pair(ts, text, consumed)
}

fn raw_unicode_escape_decode(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (data, errors, values) = decoder_args(
        "raw_unicode_escape_decode",
        args,
        kw,
        &["data", "errors", "final"],
    )?;
    let last = flag(ts, values[2].as_ref(), true)?;
    let (text, consumed) = escapes::raw_unicode_escape_decode(ts, &data, &errors, last)?;
    pair(ts, text, consumed)
}

fn code_points(text: &PyObject) -> Vec<u32> {
    pystr::as_str_payload(text)
        .map(str_methods::code_points_of)
        .unwrap_or_default()
}

fn unicode_escape_encode(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (text, _, _) = encoder_args("unicode_escape_encode", args, kw, &["str", "errors"])?;
    let data = escapes::unicode_escape_encode(&code_points(&text));
    pair(ts, bytes::from_vec(ts, data), text_len(&text))
}

fn raw_unicode_escape_encode(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (text, _, _) = encoder_args("raw_unicode_escape_encode", args, kw, &["str", "errors"])?;
    let data = escapes::raw_unicode_escape_encode(&code_points(&text));
    pair(ts, bytes::from_vec(ts, data), text_len(&text))
}

fn utf_7_decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (data, errors, values) =
        decoder_args("utf_7_decode", args, kw, &["data", "errors", "final"])?;
    let last = flag(ts, values[2].as_ref(), false)?;
    let (text, consumed) = utf7::decode(ts, &data, &errors, last)?;
    pair(ts, text, consumed)
}

fn utf_7_encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (text, _, _) = encoder_args("utf_7_encode", args, kw, &["str", "errors"])?;
    let data = utf7::encode(&code_points(&text));
    pair(ts, bytes::from_vec(ts, data), text_len(&text))
}

fn escape_decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (data, errors, _) = decoder_args("escape_decode", args, kw, &["data", "errors"])?;
    let (decoded, invalid) = escapes::escape_decode(&data, &errors)?;
    if let Some(message) = invalid {
        pyrite_objects::warnings::warn(ts, ExceptionKind::DeprecationWarning, &message, 1)?;
    }
    pair(ts, bytes::from_vec(ts, decoded), data.len())
}

fn escape_encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("escape_encode", args, kw, &["data", "errors"], 2, 1)?;
    let value = values[0].as_ref().expect("required");
    let Some(data) = bytes::as_bytes(value) else {
        return Err(PyErr::type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            value.ob_type().name()
        )));
    };
    let encoded = escapes::escape_encode(data);
    pair(ts, bytes::from_vec(ts, encoded), data.len())
}

fn charmap_decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (data, errors, values) =
        decoder_args("charmap_decode", args, kw, &["data", "errors", "mapping"])?;
    let text = match values[2]
        .as_ref()
        .filter(|mapping| !singletons::is_none(mapping))
    {
        None => decode_piece(ts, &data, "latin-1", &errors)?,
        Some(mapping) => escapes::charmap_decode(ts, &data, &errors, mapping)?,
    };
    pair(ts, text, data.len())
}

fn charmap_encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (text, errors, values) =
        encoder_args("charmap_encode", args, kw, &["str", "errors", "mapping"])?;
    let data = match values[2]
        .as_ref()
        .filter(|mapping| !singletons::is_none(mapping))
    {
        None => registry::encode_text(ts, &text, "latin-1", &errors)?,
        Some(mapping) => escapes::charmap_encode(ts, &text, &errors, mapping)?,
    };
    pair(ts, bytes::from_vec(ts, data), text_len(&text))
}

fn charmap_build(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("charmap_build", args, kw, &["map"], 1, 1)?;
    escapes::charmap_build(ts, values[0].as_ref().expect("required"))
}

fn readbuffer_encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("readbuffer_encode", args, kw, &["data", "errors"], 2, 1)?;
    let value = values[0].as_ref().expect("required");
    let data = match pystr::as_str_payload(value) {
        Some(text) => text.as_bytes().to_vec(),
        None => bytes::require_bytes_like(value)?,
    };
    let length = data.len();
    pair(ts, bytes::from_vec(ts, data), length)
}

// ------------------------------------------------------------------ registry functions

fn register(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("register", args, kw, &["search_function"], 1, 1)?;
    registry::register(ts, values[0].clone().expect("required"))?;
    Ok(singletons::none())
}

fn unregister(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("unregister", args, kw, &["search_function"], 1, 1)?;
    registry::unregister(values[0].as_ref().expect("required"));
    Ok(singletons::none())
}

fn lookup(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("lookup", args, kw, &["encoding"], 1, 1)?;
    let encoding = required_str("lookup", values[0].as_ref(), 1)?;
    registry::lookup(ts, &encoding)
}

fn encode_or_decode(ts: &ThreadState, name: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind(name, args, kw, &["obj", "encoding", "errors"], 0, 1)?;
    let encoding = match values[1].as_ref() {
        Some(value) => str_arg(name, value, 2)?.to_string_lossy(),
        None => "utf-8".to_owned(),
    };
    let errors = match values[2].as_ref() {
        Some(value) => str_arg(name, value, 3)?.to_string_lossy(),
        None => "strict".to_owned(),
    };
    let codec = registry::lookup(ts, &encoding)?;
    let (index, role) = if name == "encode" {
        (0, "encoder")
    } else {
        (1, "decoder")
    };
    registry::call_codec(
        ts,
        &tuple::items(&codec)[index],
        values[0].as_ref().expect("required"),
        &errors,
        role,
    )
}

fn encode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    encode_or_decode(ts, "encode", args, kw)
}

fn decode(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    encode_or_decode(ts, "decode", args, kw)
}

fn register_error(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("register_error", args, kw, &["errors", "handler"], 2, 2)?;
    let name = required_str("register_error", values[0].as_ref(), 1)?;
    registry::register_error(&name, values[1].clone().expect("required"))?;
    Ok(singletons::none())
}

fn lookup_error(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("lookup_error", args, kw, &["name"], 1, 1)?;
    let name = required_str("lookup_error", values[0].as_ref(), 1)?;
    registry::lookup_error(ts, &name)
}

fn unregister_error(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("_unregister_error", args, kw, &["errors"], 1, 1)?;
    let name = required_str("_unregister_error", values[0].as_ref(), 1)?;
    let _ = ts;
    Ok(pyrite_objects::bool::bool_ref(registry::unregister_error(
        &name,
    )?))
}

/// Creates the `_codecs` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_codecs", None)?;
    module.functions(&[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("encode", encode),
        ("decode", decode),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("_unregister_error", unregister_error),
        ("utf_7_encode", utf_7_encode),
        ("utf_7_decode", utf_7_decode),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("charmap_build", charmap_build),
        ("unicode_escape_encode", unicode_escape_encode),
        ("unicode_escape_decode", unicode_escape_decode),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", raw_unicode_escape_decode),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("readbuffer_encode", readbuffer_encode),
    ])?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::{utf8_complete_len, utf16_complete_len};

    #[test]
    fn incomplete_utf8_tails_are_held_back() {
        assert_eq!(utf8_complete_len(b"ab\xe2\x82"), 2);
        assert_eq!(utf8_complete_len(b"ab\xe2\x82\xac"), 5);
        assert_eq!(utf8_complete_len(b"ab\xf0"), 2);
        // Not a valid prefix: left for the decoder to report.
        assert_eq!(utf8_complete_len(b"ab\xe0\x80"), 4);
        assert_eq!(utf8_complete_len(b"ab\xff"), 3);
    }

    #[test]
    fn incomplete_utf16_tails_are_held_back() {
        assert_eq!(utf16_complete_len(b"a\x00b", false), 2);
        assert_eq!(utf16_complete_len(b"a\x00\x3d\xd8", false), 2);
        assert_eq!(utf16_complete_len(b"\x00a\xd8\x3d", true), 2);
        assert_eq!(utf16_complete_len(b"a\x00b\x00", false), 4);
    }
}
