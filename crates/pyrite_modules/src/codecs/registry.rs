//! The codec registry: search functions and their cache, the error-handler registry and
//! the built-in error handlers (`strict_errors`, ..., `surrogatepass`), and encoding or
//! decoding through a Python error handler.
//!
//! CPython counterpart: `Python/codecs.c` (`_PyCodec_Lookup`, `normalizestring`,
//! `PyCodec_RegisterError`, `PyCodec_StrictErrors`, ...) and the error-callback loop of
//! `Objects/unicodeobject.c` (`unicode_encode_call_errorhandler`).

use std::cell::RefCell;
use std::collections::HashMap;

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::str::Str;
use pyrite_objects::unicode_codecs;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, attrs, bytes, int, singletons,
    str as pystr, str_methods, tuple,
};

use crate::modsupport::{Args, KwNames};

#[derive(Default)]
struct Registry {
    search_functions: Vec<PyRef>,
    cache: HashMap<String, PyRef>,
    error_handlers: HashMap<String, PyRef>,
    /// Whether `encodings` was imported (CPython does it when the registry starts).
    initialized: bool,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// The built-in error handlers, by name and function name.
const BUILTIN_HANDLERS: &[(&str, &str, NativeFn)] = &[
    ("strict", "strict_errors", strict_errors),
    ("ignore", "ignore_errors", ignore_errors),
    ("replace", "replace_errors", replace_errors),
    (
        "xmlcharrefreplace",
        "xmlcharrefreplace_errors",
        xmlcharrefreplace_errors,
    ),
    (
        "backslashreplace",
        "backslashreplace_errors",
        backslashreplace_errors,
    ),
    ("namereplace", "namereplace_errors", namereplace_errors),
    ("surrogateescape", "surrogateescape", surrogateescape_errors),
    ("surrogatepass", "surrogatepass", surrogatepass_errors),
];

/// CPython's `_Py_normalize_encoding`: ASCII letters lowered, runs of other characters
/// (except `.`) made one `_`, none at either end.
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punctuation = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punctuation && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punctuation = false;
        } else {
            punctuation = true;
        }
    }
    out
}

pub fn register(ts: &ThreadState, function: PyRef) -> PyResult<()> {
    if function.ob_type().slots.call.get().is_none() {
        return Err(PyErr::type_error("argument must be callable"));
    }
    ensure_initialized(ts)?;
    REGISTRY.with(|registry| registry.borrow_mut().search_functions.push(function));
    Ok(())
}

pub fn unregister(function: &PyObject) {
    let removed = REGISTRY.with(|registry| {
        let mut registry = registry.borrow_mut();
        let cache = std::mem::take(&mut registry.cache);
        let position = registry
            .search_functions
            .iter()
            .position(|candidate| std::ptr::eq(&**candidate, function));
        (
            cache,
            position.map(|index| registry.search_functions.remove(index)),
        )
    });
    drop(removed);
}

fn ensure_initialized(ts: &ThreadState) -> PyResult<()> {
    let done =
        REGISTRY.with(|registry| std::mem::replace(&mut registry.borrow_mut().initialized, true));
    if !done {
        pyrite_vm::import::import_module(ts, &pystr::intern(ts, "encodings"))?;
    }
    Ok(())
}

/// `codecs.lookup(encoding)`: the `CodecInfo` of the first search function that knows it.
pub fn lookup(ts: &ThreadState, encoding: &str) -> PyResult {
    ensure_initialized(ts)?;
    let normalized = normalize_encoding(encoding);
    if let Some(found) = REGISTRY.with(|registry| registry.borrow().cache.get(&normalized).cloned())
    {
        return Ok(found);
    }
    let functions = REGISTRY.with(|registry| registry.borrow().search_functions.clone());
    let key = pystr::new(ts, &normalized).into_ref();
    for function in functions {
        let result = abstract_api::call(ts, &function, std::slice::from_ref(&key), None)?;
        if singletons::is_none(&result) {
            continue;
        }
        if !result.payload_is::<tuple::Tuple>() || tuple::items(&result).len() != 4 {
            return Err(PyErr::type_error(
                "codec search functions must return 4-tuples",
            ));
        }
        REGISTRY.with(|registry| {
            registry
                .borrow_mut()
                .cache
                .insert(normalized.clone(), result.clone())
        });
        return Ok(result);
    }
    Err(PyErr::new(
        ExceptionKind::LookupError,
        format!("unknown encoding: {encoding}"),
    ))
}

fn builtin_handler(ts: &ThreadState, name: &str) -> Option<PyRef> {
    let &(_, function_name, function) = BUILTIN_HANDLERS
        .iter()
        .find(|(handler, _, _)| *handler == name)?;
    Some(new_builtin_function(
        ts,
        function_name,
        function,
        singletons::none(),
    ))
}

/// `codecs.lookup_error(name)`.
pub fn lookup_error(ts: &ThreadState, name: &str) -> PyResult {
    if let Some(found) =
        REGISTRY.with(|registry| registry.borrow().error_handlers.get(name).cloned())
    {
        return Ok(found);
    }
    match builtin_handler(ts, name) {
        Some(handler) => {
            REGISTRY.with(|registry| {
                registry
                    .borrow_mut()
                    .error_handlers
                    .insert(name.to_owned(), handler.clone())
            });
            Ok(handler)
        }
        None => Err(PyErr::new(
            ExceptionKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )),
    }
}

pub fn register_error(name: &str, handler: PyRef) -> PyResult<()> {
    if handler.ob_type().slots.call.get().is_none() {
        return Err(PyErr::type_error("handler must be callable"));
    }
    let old = REGISTRY.with(|registry| {
        registry
            .borrow_mut()
            .error_handlers
            .insert(name.to_owned(), handler)
    });
    drop(old);
    Ok(())
}

/// `_codecs._unregister_error(name)`: whether a custom handler was removed.
pub fn unregister_error(name: &str) -> PyResult<bool> {
    if BUILTIN_HANDLERS
        .iter()
        .any(|(handler, _, _)| *handler == name)
    {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("cannot un-register built-in error handler '{name}'"),
        ));
    }
    let old = REGISTRY.with(|registry| registry.borrow_mut().error_handlers.remove(name));
    Ok(old.is_some())
}

// ------------------------------------------------------------------ error handlers

enum ErrorKind {
    Encode,
    Decode,
    Translate,
}

/// What an error handler reads from the exception: its kind, `object`, `start`, `end`.
struct ErrorInfo {
    kind: ErrorKind,
    object: PyRef,
    start: usize,
    end: usize,
}

fn error_info(ts: &ThreadState, handler: &str, args: Args<'_>) -> PyResult<ErrorInfo> {
    let [exc] = args else {
        return Err(PyErr::type_error(format!(
            "{handler}() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let kind = pyrite_objects::exceptions::kind_of_type(exc.ob_type());
    let is = |target| pyrite_objects::exceptions::kind_is_subclass(kind, target);
    let kind = if !pyrite_objects::exceptions::is_exception(exc) {
        None
    } else if is(ExceptionKind::UnicodeEncodeError) {
        Some(ErrorKind::Encode)
    } else if is(ExceptionKind::UnicodeDecodeError) {
        Some(ErrorKind::Decode)
    } else if is(ExceptionKind::UnicodeTranslateError) {
        Some(ErrorKind::Translate)
    } else {
        None
    };
    let Some(kind) = kind else {
        return Err(PyErr::type_error(format!(
            "don't know how to handle {} in error callback",
            exc.ob_type().name()
        )));
    };
    let object = attrs::get_attr_str(ts, exc, "object")?;
    let position = |name: &str| -> PyResult<usize> {
        let value = attrs::get_attr_str(ts, exc, name)?;
        Ok(int::as_i64(&value).unwrap_or(0).max(0) as usize)
    };
    let length = match kind {
        ErrorKind::Decode => bytes::bytes_like(&object).map_or(0, |data| data.len()),
        _ => pystr::as_str_payload(&object).map_or(0, Str::len),
    };
    let start = position("start")?.min(length);
    let end = position("end")?.clamp(start, length.max(start));
    Ok(ErrorInfo {
        kind,
        object,
        start,
        end,
    })
}

fn wrong_kind(args: Args<'_>) -> PyErr {
    PyErr::type_error(format!(
        "don't know how to handle {} in error callback",
        args[0].ob_type().name()
    ))
}

fn code_points_of(object: &PyObject) -> Vec<u32> {
    pystr::as_str_payload(object)
        .map(str_methods::code_points_of)
        .unwrap_or_default()
}

fn result(ts: &ThreadState, replacement: PyRef, position: usize) -> PyResult {
    Ok(tuple::new(ts, vec![replacement, int::new(ts, position as i64)]).into_ref())
}

fn text_result(ts: &ThreadState, text: &str, position: usize) -> PyResult {
    result(ts, pystr::new(ts, text).into_ref(), position)
}

fn strict_errors(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    match args {
        [exc] if pyrite_objects::exceptions::is_exception(exc) => {
            Err(PyErr::from_exception(exc.clone()))
        }
        [_] => Err(PyErr::type_error("codec must pass exception instance")),
        _ => Err(PyErr::type_error(format!(
            "strict_errors() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn ignore_errors(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let info = error_info(ts, "ignore_errors", args)?;
    text_result(ts, "", info.end)
}

fn replace_errors(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let info = error_info(ts, "replace_errors", args)?;
    let count = info.end - info.start;
    let text = match info.kind {
        ErrorKind::Encode => "?".repeat(count),
        ErrorKind::Decode => "\u{FFFD}".to_owned(),
        ErrorKind::Translate => "\u{FFFD}".repeat(count),
    };
    text_result(ts, &text, info.end)
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

fn backslashreplace_errors(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let info = error_info(ts, "backslashreplace_errors", args)?;
    let text: String = match info.kind {
        ErrorKind::Decode => bytes::bytes_like(&info.object).unwrap_or_default()
            [info.start..info.end]
            .iter()
            .map(|byte| format!("\\x{byte:02x}"))
            .collect(),
        _ => code_points_of(&info.object)[info.start..info.end]
            .iter()
            .map(|&code| escape_code_point(code))
            .collect(),
    };
    text_result(ts, &text, info.end)
}

fn xmlcharrefreplace_errors(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let info = error_info(ts, "xmlcharrefreplace_errors", args)?;
    if !matches!(info.kind, ErrorKind::Encode) {
        return Err(wrong_kind(args));
    }
    let text: String = code_points_of(&info.object)[info.start..info.end]
        .iter()
        .map(|code| format!("&#{code};"))
        .collect();
    text_result(ts, &text, info.end)
}

fn namereplace_errors(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let info = error_info(ts, "namereplace_errors", args)?;
    if !matches!(info.kind, ErrorKind::Encode) {
        return Err(wrong_kind(args));
    }
    let text: String = code_points_of(&info.object)[info.start..info.end]
        .iter()
        .map(
            |&code| match char::from_u32(code).and_then(unicode_names2::name) {
                Some(name) => format!("\\N{{{name}}}"),
                None => escape_code_point(code),
            },
        )
        .collect();
    text_result(ts, &text, info.end)
}

fn surrogateescape_errors(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let info = error_info(ts, "surrogateescape", args)?;
    match info.kind {
        ErrorKind::Encode => {
            let mut out = Vec::new();
            for &code in &code_points_of(&info.object)[info.start..info.end] {
                if !(0xDC80..=0xDCFF).contains(&code) {
                    return Err(PyErr::from_exception(args[0].clone()));
                }
                out.push((code - 0xDC00) as u8);
            }
            result(ts, bytes::from_vec(ts, out), info.end)
        }
        ErrorKind::Decode => {
            let data = bytes::bytes_like(&info.object).unwrap_or_default();
            let mut codes = Vec::new();
            for &byte in data[info.start..info.end].iter().take(4) {
                if byte < 0x80 {
                    break;
                }
                codes.push(0xDC00 + u32::from(byte));
            }
            if codes.is_empty() {
                return Err(PyErr::from_exception(args[0].clone()));
            }
            let end = info.start + codes.len();
            result(ts, str_methods::str_from_code_points(ts, &codes)?, end)
        }
        ErrorKind::Translate => Err(wrong_kind(args)),
    }
}

fn surrogatepass_errors(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let info = error_info(ts, "surrogatepass", args)?;
    let encoding = attrs::get_attr_str(ts, &args[0], "encoding")?;
    let encoding = normalize_encoding(&pystr::to_rust_string(&encoding));
    let (width, big) = match encoding.as_str() {
        "utf_8" | "utf8" => (1, false),
        "utf_16" | "utf_16_le" => (2, false),
        "utf_16_be" => (2, true),
        "utf_32" | "utf_32_le" => (4, false),
        "utf_32_be" => (4, true),
        _ => return Err(PyErr::from_exception(args[0].clone())),
    };
    match info.kind {
        ErrorKind::Encode => {
            let mut out = Vec::new();
            for &code in &code_points_of(&info.object)[info.start..info.end] {
                if !(0xD800..=0xDFFF).contains(&code) {
                    return Err(PyErr::from_exception(args[0].clone()));
                }
                match (width, big) {
                    (1, _) => out.extend_from_slice(&[
                        0xE0 | (code >> 12) as u8,
                        0x80 | ((code >> 6) & 0x3F) as u8,
                        0x80 | (code & 0x3F) as u8,
                    ]),
                    (2, true) => out.extend_from_slice(&(code as u16).to_be_bytes()),
                    (2, false) => out.extend_from_slice(&(code as u16).to_le_bytes()),
                    (_, true) => out.extend_from_slice(&code.to_be_bytes()),
                    (_, false) => out.extend_from_slice(&code.to_le_bytes()),
                }
            }
            result(ts, bytes::from_vec(ts, out), info.end)
        }
        ErrorKind::Decode => {
            let data = bytes::bytes_like(&info.object).unwrap_or_default();
            let rest = &data[info.start..];
            let (code, used) = match width {
                1 if rest.len() >= 3
                    && rest[0] & 0xF0 == 0xE0
                    && rest[1] & 0xC0 == 0x80
                    && rest[2] & 0xC0 == 0x80 =>
                {
                    (
                        (u32::from(rest[0] & 0x0F) << 12)
                            | (u32::from(rest[1] & 0x3F) << 6)
                            | u32::from(rest[2] & 0x3F),
                        3,
                    )
                }
                2 if rest.len() >= 2 => {
                    let pair = [rest[0], rest[1]];
                    let unit = if big {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    };
                    (u32::from(unit), 2)
                }
                4 if rest.len() >= 4 => {
                    let quad = [rest[0], rest[1], rest[2], rest[3]];
                    let unit = if big {
                        u32::from_be_bytes(quad)
                    } else {
                        u32::from_le_bytes(quad)
                    };
                    (unit, 4)
                }
                _ => return Err(PyErr::from_exception(args[0].clone())),
            };
            if !(0xD800..=0xDFFF).contains(&code) {
                return Err(PyErr::from_exception(args[0].clone()));
            }
            result(
                ts,
                str_methods::str_from_code_points(ts, &[code])?,
                info.start + used,
            )
        }
        ErrorKind::Translate => Err(wrong_kind(args)),
    }
}

// ------------------------------------------------------------------ calling handlers

/// A new `UnicodeEncodeError`/`UnicodeDecodeError` for a handler to see.
pub fn make_error(
    ts: &ThreadState,
    kind: ExceptionKind,
    encoding: &str,
    object: &PyObject,
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult {
    abstract_api::call(
        ts,
        kind.static_type().as_object(),
        &[
            pystr::new(ts, encoding).into_ref(),
            object.new_ref(),
            int::new(ts, start as i64),
            int::new(ts, end as i64),
            pystr::new(ts, reason).into_ref(),
        ],
        None,
    )
}

/// What a handler gave: text to insert (or bytes, when encoding) and where to go on.
pub enum Replacement {
    Text(Vec<u32>),
    Bytes(Vec<u8>),
}

/// Calls the `errors` handler on `exc`: its replacement and the (normalized) position
/// to continue from, checked against `length`.
pub fn call_handler(
    ts: &ThreadState,
    errors: &str,
    exc: &PyObject,
    encoding: bool,
    length: usize,
) -> PyResult<(Replacement, usize)> {
    let handler = lookup_error(ts, errors)?;
    let outcome = abstract_api::call(ts, &handler, &[exc.new_ref()], None)?;
    let message = if encoding {
        "encoding error handler must return (str/bytes, int) tuple"
    } else {
        "decoding error handler must return (str, int) tuple"
    };
    let items = if outcome.payload_is::<tuple::Tuple>() {
        tuple::items(&outcome).to_vec()
    } else {
        Vec::new()
    };
    let [replacement, position] = items.as_slice() else {
        return Err(PyErr::type_error(message));
    };
    let replacement = if let Some(text) = pystr::as_str_payload(replacement) {
        Replacement::Text(str_methods::code_points_of(text))
    } else if encoding && let Some(data) = bytes::as_bytes(replacement) {
        Replacement::Bytes(data.to_vec())
    } else {
        return Err(PyErr::type_error(message));
    };
    let Some(position) = int::as_i64(position) else {
        return Err(PyErr::type_error(message));
    };
    let resolved = if position < 0 {
        length as i64 + position
    } else {
        position
    };
    if resolved < 0 || resolved > length as i64 {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            format!("position {position} from error handler out of bounds"),
        ));
    }
    Ok((replacement, resolved as usize))
}

fn attr_text(ts: &ThreadState, exc: &PyObject, name: &str) -> PyResult<String> {
    let value = attrs::get_attr_str(ts, exc, name)?;
    Ok(pystr::to_rust_string(&value))
}

fn attr_usize(ts: &ThreadState, exc: &PyObject, name: &str) -> PyResult<usize> {
    let value = attrs::get_attr_str(ts, exc, name)?;
    Ok(int::as_i64(&value).unwrap_or(0).max(0) as usize)
}

/// Encodes `text` with a built-in codec and any error handler: the codec runs strictly,
/// and each failure goes to the handler.
pub fn encode_text(
    ts: &ThreadState,
    text: &PyObject,
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let payload = pystr::as_str_payload(text).ok_or_else(|| PyErr::type_error("expected str"))?;
    if unicode_codecs::is_builtin_handler(errors) {
        return unicode_codecs::encode_builtin(ts, payload, encoding, errors);
    }
    let code_points = str_methods::code_points_of(payload);
    let mut out = Vec::new();
    let mut position = 0;
    // A byte-order mark is written once: later pieces use the little-endian codec.
    let empty = pystr::new(ts, "");
    let has_bom =
        !unicode_codecs::encode_builtin(ts, empty.payload(), encoding, "strict")?.is_empty();
    let mut piece_encoding = encoding.to_owned();
    loop {
        let rest = str_methods::str_from_code_points(ts, &code_points[position..])?;
        let rest_payload = pystr::as_str_payload(&rest).expect("a str");
        match unicode_codecs::encode_builtin(ts, rest_payload, &piece_encoding, "strict") {
            Ok(data) => {
                out.extend(data);
                return Ok(out);
            }
            Err(err) if err.matches(ExceptionKind::UnicodeEncodeError) => {
                let Some(strict_exc) = err.exception_object() else {
                    return Err(err);
                };
                let start = position + attr_usize(ts, strict_exc, "start")?;
                let end = position + attr_usize(ts, strict_exc, "end")?;
                let reason = attr_text(ts, strict_exc, "reason")?;
                let codec_name = attr_text(ts, strict_exc, "encoding")?;
                let head = str_methods::str_from_code_points(ts, &code_points[position..start])?;
                out.extend(unicode_codecs::encode_builtin(
                    ts,
                    pystr::as_str_payload(&head).expect("a str"),
                    &piece_encoding,
                    "strict",
                )?);
                let exc = make_error(
                    ts,
                    ExceptionKind::UnicodeEncodeError,
                    &codec_name,
                    text,
                    start,
                    end,
                    &reason,
                )?;
                let (replacement, next) = call_handler(ts, errors, &exc, true, code_points.len())?;
                if has_bom && piece_encoding == encoding {
                    piece_encoding = format!("{codec_name}-le");
                }
                match replacement {
                    Replacement::Bytes(data) => out.extend(data),
                    Replacement::Text(codes) => {
                        let replacement = str_methods::str_from_code_points(ts, &codes)?;
                        match unicode_codecs::encode_builtin(
                            ts,
                            pystr::as_str_payload(&replacement).expect("a str"),
                            &piece_encoding,
                            "strict",
                        ) {
                            Ok(data) => out.extend(data),
                            Err(_) => return Err(PyErr::from_exception(exc)),
                        }
                    }
                }
                position = next;
            }
            Err(err) => return Err(err),
        }
    }
}

/// Decodes `data` with a built-in codec and any error handler (see `encode_text`).
pub fn decode_data(ts: &ThreadState, data: &[u8], encoding: &str, errors: &str) -> PyResult {
    if unicode_codecs::is_builtin_handler(errors) {
        return unicode_codecs::decode_builtin(ts, data, encoding, errors);
    }
    let object = bytes::new(ts, data);
    let mut out: Vec<u32> = Vec::new();
    let mut position = 0;
    loop {
        match unicode_codecs::decode_builtin(ts, &data[position..], encoding, "strict") {
            Ok(text) => {
                out.extend(code_points_of(&text));
                return str_methods::str_from_code_points(ts, &out);
            }
            Err(err) if err.matches(ExceptionKind::UnicodeDecodeError) => {
                let Some(strict_exc) = err.exception_object() else {
                    return Err(err);
                };
                let start = position + attr_usize(ts, strict_exc, "start")?;
                let end = position + attr_usize(ts, strict_exc, "end")?;
                let reason = attr_text(ts, strict_exc, "reason")?;
                let codec_name = attr_text(ts, strict_exc, "encoding")?;
                let head =
                    unicode_codecs::decode_builtin(ts, &data[position..start], encoding, "strict")?;
                out.extend(code_points_of(&head));
                let exc = make_error(
                    ts,
                    ExceptionKind::UnicodeDecodeError,
                    &codec_name,
                    &object,
                    start,
                    end,
                    &reason,
                )?;
                let (replacement, next) = call_handler(ts, errors, &exc, false, data.len())?;
                if let Replacement::Text(codes) = replacement {
                    out.extend(codes);
                }
                position = next;
            }
            Err(err) => return Err(err),
        }
    }
}

// ------------------------------------------------------------------ str.encode hooks

fn is_text_encoding(ts: &ThreadState, codec: &PyObject) -> PyResult<bool> {
    match attrs::lookup_attr(ts, codec, &pystr::intern(ts, "_is_text_encoding"))? {
        Some(flag) => flag.is_true(ts),
        None => Ok(true),
    }
}

/// `str.encode` with an encoding or handler that is not built in.
fn registry_encode(
    ts: &ThreadState,
    text: &Str,
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    if unicode_codecs::is_builtin_codec(encoding) {
        let object = str_methods::str_from_code_points(ts, &str_methods::code_points_of(text))?;
        return encode_text(ts, &object, encoding, errors);
    }
    let codec = lookup(ts, encoding)?;
    if !is_text_encoding(ts, &codec)? {
        return Err(PyErr::new(
            ExceptionKind::LookupError,
            format!(
                "'{encoding}' is not a text encoding; use codecs.encode() to handle arbitrary codecs"
            ),
        ));
    }
    let object = str_methods::str_from_code_points(ts, &str_methods::code_points_of(text))?;
    let encoded = call_codec(ts, &tuple::items(&codec)[0], &object, errors, "encoder")?;
    match bytes::as_bytes(&encoded) {
        Some(data) => Ok(data.to_vec()),
        None => match pyrite_objects::bytearray::data_of(&encoded) {
            Some(data) => Ok(data),
            None => Err(PyErr::type_error(format!(
                "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                encoded.ob_type().name()
            ))),
        },
    }
}

/// `bytes.decode` with an encoding or handler that is not built in.
fn registry_decode(ts: &ThreadState, data: &[u8], encoding: &str, errors: &str) -> PyResult {
    if unicode_codecs::is_builtin_codec(encoding) {
        return decode_data(ts, data, encoding, errors);
    }
    let codec = lookup(ts, encoding)?;
    if !is_text_encoding(ts, &codec)? {
        return Err(PyErr::new(
            ExceptionKind::LookupError,
            format!(
                "'{encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
            ),
        ));
    }
    let object = bytes::new(ts, data);
    let decoded = call_codec(ts, &tuple::items(&codec)[1], &object, errors, "decoder")?;
    if pystr::as_str_payload(&decoded).is_none() {
        return Err(PyErr::type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            decoded.ob_type().name()
        )));
    }
    Ok(decoded)
}

/// Calls an encoder or decoder, checking its `(object, length)` result.
pub fn call_codec(
    ts: &ThreadState,
    function: &PyObject,
    object: &PyObject,
    errors: &str,
    role: &str,
) -> PyResult {
    let outcome = abstract_api::call(
        ts,
        function,
        &[object.new_ref(), pystr::new(ts, errors).into_ref()],
        None,
    )?;
    if !outcome.payload_is::<tuple::Tuple>() || tuple::items(&outcome).len() != 2 {
        return Err(PyErr::type_error(format!(
            "{role} must return a tuple (object, integer)"
        )));
    }
    Ok(tuple::items(&outcome)[0].clone())
}

/// Connects `str.encode`/`bytes.decode` to the registry.
pub fn install() {
    unicode_codecs::set_registry(unicode_codecs::RegistryHooks {
        encode: registry_encode,
        decode: registry_decode,
    });
}

#[cfg(test)]
mod tests {
    use super::normalize_encoding;

    /// Expected values from CPython 3.14's `_Py_normalize_encoding` (seen by a search
    /// function).
    #[test]
    fn encoding_names_are_normalized_as_cpython_does() {
        for (name, expected) in [
            ("UTF-8", "utf_8"),
            ("  x--Y..z ", "x_y..z"),
            ("Ab_C d", "ab_c_d"),
            ("\u{c4}\u{d6}", ""),
            ("a\tb", "a_b"),
        ] {
            assert_eq!(normalize_encoding(name), expected, "{name:?}");
        }
    }
}
