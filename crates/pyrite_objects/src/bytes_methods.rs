//! The methods `bytes` and `bytearray` share (`split`, `find`, `replace`, `hex`, `decode`,
//! the ASCII case and `is*` methods, ...).
//!
//! CPython counterpart: `Objects/bytes_methods.c`, the shared parts of
//! `Objects/bytesobject.c` and `bytearrayobject.c` (`bytes_split`, `bytes_hex`,
//! `bytes_fromhex`, `bytes_translate`, `bytes_maketrans`) and
//! `Python/pystrhex.c`. Each method reads the receiver's bytes and builds its result as
//! the receiver's type (`bytes` or `bytearray`); the algorithms are
//! [`crate::stringlib`]'s.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::stringlib::{self, Justify};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn self_data(this: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(data) = crate::bytes::as_bytes(this) {
        return Ok(data.to_vec());
    }
    crate::bytearray::data_of(this).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'bytes' object but received a '{}'",
            this.ob_type().name()
        ))
    })
}

/// `bytes.NAME` or `bytearray.NAME`, for argument errors.
fn qualified(this: &PyObject, name: &str) -> String {
    if is_bytearray(this) {
        format!("bytearray.{name}")
    } else {
        format!("bytes.{name}")
    }
}

fn is_bytearray(this: &PyObject) -> bool {
    this.payload_is::<crate::bytearray::ByteArray>()
}

/// A result of the receiver's kind.
fn like(ts: &ThreadState, this: &PyObject, data: Vec<u8>) -> PyRef {
    if is_bytearray(this) {
        crate::bytearray::new(ts, data)
    } else {
        crate::bytes::from_vec(ts, data)
    }
}

fn none() -> PyRef {
    crate::singletons::none()
}

fn is_none(value: Option<&PyObject>) -> bool {
    value.is_none_or(|value| value.is(&none()))
}

pub fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

// ----- searching -----

/// `(sub, start, end)` of `find`/`count`/`index`: `sub` is bytes-like or a byte value.
fn search_args(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<(Vec<u8>, Option<isize>, Option<isize>)> {
    let parsed = stringlib::parse_args(name, args, kwnames, &["sub", "start", "end"], 3, 1)?;
    let sub = parsed.required(0);
    let needle = if sub.ob_type().number.index.get().is_some() {
        vec![crate::bytes::byte_value(ts, sub)?]
    } else {
        {
            crate::bytes::bytes_like(sub).ok_or_else(|| {
                PyErr::type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    sub.ob_type().name()
                ))
            })?
        }
    };
    let start = stringlib::slice_index(ts, parsed.get(1))?;
    let end = stringlib::slice_index(ts, parsed.get(2))?;
    Ok((needle, start, end))
}

fn find_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    name: &str,
    from_right: bool,
) -> PyResult<Option<usize>> {
    let data = self_data(this)?;
    let (needle, start, end) = search_args(ts, &qualified(this, name), args, kwnames)?;
    let (start, end) = stringlib::adjust_indices(start, end, data.len());
    Ok(if from_right {
        stringlib::rfind(&data, &needle, start, end)
    } else {
        stringlib::find(&data, &needle, start, end)
    })
}

fn position_result(ts: &ThreadState, found: Option<usize>) -> PyRef {
    crate::int::new(ts, found.map_or(-1, |at| at as i64))
}

fn method_find(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    Ok(position_result(
        ts,
        find_common(ts, this, args, kw, "find", false)?,
    ))
}

fn method_rfind(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    Ok(position_result(
        ts,
        find_common(ts, this, args, kw, "rfind", true)?,
    ))
}

fn subsection_not_found() -> PyErr {
    PyErr::new(ExceptionKind::ValueError, "subsection not found")
}

fn method_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    match find_common(ts, this, args, kw, "index", false)? {
        Some(at) => Ok(crate::int::new(ts, at as i64)),
        None => Err(subsection_not_found()),
    }
}

fn method_rindex(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    match find_common(ts, this, args, kw, "rindex", true)? {
        Some(at) => Ok(crate::int::new(ts, at as i64)),
        None => Err(subsection_not_found()),
    }
}

fn method_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let data = self_data(this)?;
    let (needle, start, end) = search_args(ts, &qualified(this, "count"), args, kw)?;
    let (start, end) = stringlib::adjust_indices(start, end, data.len());
    let found = stringlib::count(&data, &needle, start, end, usize::MAX);
    Ok(crate::int::new(ts, found as i64))
}

fn affix_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    name: &str,
    at_end: bool,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, name),
        args,
        kwnames,
        &["prefix", "start", "end"],
        3,
        1,
    )?;
    let affix = parsed.required(0);
    let start = stringlib::slice_index(ts, parsed.get(1))?;
    let end = stringlib::slice_index(ts, parsed.get(2))?;
    let (start, end) = stringlib::adjust_indices(start, end, data.len());
    let candidates: Vec<PyRef> = if affix.payload_is::<crate::tuple::Tuple>() {
        crate::tuple::items(affix).to_vec()
    } else {
        vec![affix.new_ref()]
    };
    let is_tuple = affix.payload_is::<crate::tuple::Tuple>();
    for candidate in &candidates {
        let Some(needle) = crate::bytes::bytes_like(candidate) else {
            return Err(PyErr::type_error(if is_tuple {
                format!(
                    "a bytes-like object is required, not '{}'",
                    candidate.ob_type().name()
                )
            } else {
                format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    candidate.ob_type().name()
                )
            }));
        };
        if stringlib::tailmatch(&data, &needle, start, end, at_end) {
            return Ok(crate::bool::true_ref());
        }
    }
    Ok(crate::bool::false_ref())
}

fn method_startswith(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    affix_common(ts, this, args, kw, "startswith", false)
}

fn method_endswith(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    affix_common(ts, this, args, kw, "endswith", true)
}

// ----- splitting and joining -----

fn sep_arg(value: Option<&PyObject>) -> PyResult<Option<Vec<u8>>> {
    if is_none(value) {
        return Ok(None);
    }
    let value = value.unwrap_or(crate::singletons::NONE.as_object());
    let sep = crate::bytes::require_bytes_like(value)?;
    if sep.is_empty() {
        return Err(PyErr::new(ExceptionKind::ValueError, "empty separator"));
    }
    Ok(Some(sep))
}

fn split_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    name: &str,
    from_right: bool,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, name),
        args,
        kwnames,
        &["sep", "maxsplit"],
        0,
        0,
    )?;
    let sep = sep_arg(parsed.get(0))?;
    let maxsplit = stringlib::index_arg_or(ts, parsed.get(1), -1)?;
    let parts = match (&sep, from_right) {
        (Some(sep), false) => stringlib::split(&data, sep, maxsplit),
        (Some(sep), true) => stringlib::rsplit(&data, sep, maxsplit),
        (None, false) => stringlib::split_whitespace(&data, maxsplit, is_ascii_space),
        (None, true) => stringlib::rsplit_whitespace(&data, maxsplit, is_ascii_space),
    };
    let items = parts
        .into_iter()
        .map(|part| like(ts, this, part.to_vec()))
        .collect();
    Ok(crate::list::new(ts, items).into_ref())
}

fn method_split(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    split_common(ts, this, args, kw, "split", false)
}

fn method_rsplit(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    split_common(ts, this, args, kw, "rsplit", true)
}

fn method_splitlines(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, "splitlines"),
        args,
        kw,
        &["keepends"],
        0,
        0,
    )?;
    let keepends = match parsed.get(0) {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    let lines = stringlib::splitlines(&data, keepends, |b| b == b'\n' || b == b'\r');
    let items = lines
        .into_iter()
        .map(|line| like(ts, this, line.to_vec()))
        .collect();
    Ok(crate::list::new(ts, items).into_ref())
}

fn partition_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    from_right: bool,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(&qualified(this, name), args, kw, &["sep"], 1, 1)?;
    let sep = sep_arg(parsed.get(0))?
        .ok_or_else(|| PyErr::type_error("a bytes-like object is required, not 'NoneType'"))?;
    let (head, found, tail) = stringlib::partition(&data, &sep, from_right);
    let middle = if found { sep.clone() } else { Vec::new() };
    let items = vec![
        like(ts, this, head.to_vec()),
        like(ts, this, middle),
        like(ts, this, tail.to_vec()),
    ];
    Ok(crate::tuple::new(ts, items).into_ref())
}

fn method_partition(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    partition_common(ts, this, args, kw, "partition", false)
}

fn method_rpartition(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    partition_common(ts, this, args, kw, "rpartition", true)
}

fn method_join(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let separator = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, "join"),
        args,
        kw,
        &["iterable_of_bytes"],
        1,
        1,
    )?;
    let items = crate::iterobject::collect(ts, parsed.required(0))?;
    let mut out = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let Some(data) = crate::bytes::bytes_like(item) else {
            return Err(PyErr::type_error(format!(
                "sequence item {position}: expected a bytes-like object, {} found",
                item.ob_type().name()
            )));
        };
        if position > 0 {
            out.extend_from_slice(&separator);
        }
        out.extend_from_slice(&data);
    }
    Ok(like(ts, this, out))
}

// ----- transforming -----

fn method_replace(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, "replace"),
        args,
        kw,
        &["old", "new", "count"],
        3,
        2,
    )?;
    let old = crate::bytes::require_bytes_like(parsed.required(0))?;
    let new = crate::bytes::require_bytes_like(parsed.required(1))?;
    let count = stringlib::index_arg_or(ts, parsed.get(2), -1)?;
    Ok(like(ts, this, stringlib::replace(&data, &old, &new, count)))
}

fn strip_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(&qualified(this, name), args, kw, &["bytes"], 1, 0)?;
    let stripped = if is_none(parsed.get(0)) {
        stringlib::strip(&data, left, right, is_ascii_space)
    } else {
        let chars = crate::bytes::require_bytes_like(parsed.required(0))?;
        stringlib::strip(&data, left, right, |b| chars.contains(&b))
    };
    Ok(like(ts, this, stripped.to_vec()))
}

fn method_strip(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    strip_common(ts, this, args, kw, "strip", true, true)
}

fn method_lstrip(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    strip_common(ts, this, args, kw, "lstrip", true, false)
}

fn method_rstrip(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    strip_common(ts, this, args, kw, "rstrip", false, true)
}

fn affix_remove(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    suffix: bool,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        name,
        args,
        kw,
        &[if suffix { "suffix" } else { "prefix" }],
        1,
        1,
    )?;
    let affix = crate::bytes::require_bytes_like(parsed.required(0))?;
    let kept = if suffix {
        data.strip_suffix(affix.as_slice()).unwrap_or(&data)
    } else {
        data.strip_prefix(affix.as_slice()).unwrap_or(&data)
    };
    Ok(like(_ts, this, kept.to_vec()))
}

fn method_removeprefix(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    affix_remove(ts, this, args, kw, "removeprefix", false)
}

fn method_removesuffix(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    affix_remove(ts, this, args, kw, "removesuffix", true)
}

fn fill_arg(name: &str, value: Option<&PyObject>) -> PyResult<u8> {
    let Some(value) = value else {
        return Ok(b' ');
    };
    match crate::bytes::bytes_like(value) {
        Some(data) if data.len() == 1 => Ok(data[0]),
        Some(data) => Err(PyErr::type_error(format!(
            "{name}(): argument 2 must be a byte string of length 1, not a {} object of length {}",
            value.ob_type().name(),
            data.len()
        ))),
        _ => Err(PyErr::type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            value.ob_type().name()
        ))),
    }
}

fn justify_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    how: Justify,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, name),
        args,
        kw,
        &["width", "fillchar"],
        2,
        1,
    )?;
    let width = stringlib::index_arg(ts, parsed.required(0))?;
    let fill = fill_arg(name, parsed.get(1))?;
    let result = stringlib::justify(&data, width, fill, how).unwrap_or(data);
    Ok(like(ts, this, result))
}

fn method_ljust(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    justify_common(ts, this, args, kw, "ljust", Justify::Left)
}

fn method_rjust(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    justify_common(ts, this, args, kw, "rjust", Justify::Right)
}

fn method_center(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    justify_common(ts, this, args, kw, "center", Justify::Center)
}

fn method_zfill(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(&qualified(this, "zfill"), args, kw, &["width"], 1, 1)?;
    let width = stringlib::index_arg(ts, parsed.required(0))?;
    Ok(like(
        ts,
        this,
        stringlib::zfill(&data, width).unwrap_or(data),
    ))
}

fn method_expandtabs(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let data = self_data(this)?;
    let parsed =
        stringlib::parse_args(&qualified(this, "expandtabs"), args, kw, &["tabsize"], 0, 0)?;
    let tabsize = stringlib::index_arg_or(ts, parsed.get(0), 8)?;
    Ok(like(ts, this, stringlib::expandtabs(&data, tabsize)))
}

macro_rules! case_method {
    ($name:ident, $text:literal, $transform:expr) => {
        fn $name(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
            stringlib::parse_args(&qualified(this, $text), args, kw, &[], 0, 0)?;
            let data = self_data(this)?;
            let transform: fn(&[u8]) -> Vec<u8> = $transform;
            Ok(like(ts, this, transform(&data)))
        }
    };
}

case_method!(method_lower, "lower", |data| data.to_ascii_lowercase());
case_method!(method_upper, "upper", |data| data.to_ascii_uppercase());
case_method!(method_swapcase, "swapcase", |data| data
    .iter()
    .map(|&b| if b.is_ascii_lowercase() {
        b.to_ascii_uppercase()
    } else {
        b.to_ascii_lowercase()
    })
    .collect());
case_method!(method_capitalize, "capitalize", |data| data
    .iter()
    .enumerate()
    .map(|(i, &b)| if i == 0 {
        b.to_ascii_uppercase()
    } else {
        b.to_ascii_lowercase()
    })
    .collect());
case_method!(method_title, "title", |data| {
    let mut previous_cased = false;
    data.iter()
        .map(|&b| {
            let out = if previous_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            previous_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
});

macro_rules! predicate_method {
    ($name:ident, $text:literal, $test:expr) => {
        fn $name(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
            stringlib::parse_args(&qualified(this, $text), args, kw, &[], 0, 0)?;
            let data = self_data(this)?;
            let test: fn(&[u8]) -> bool = $test;
            Ok(crate::bool::bool_ref(test(&data)))
        }
    };
}

predicate_method!(method_isalnum, "isalnum", |d| !d.is_empty()
    && d.iter().all(u8::is_ascii_alphanumeric));
predicate_method!(method_isalpha, "isalpha", |d| !d.is_empty()
    && d.iter().all(u8::is_ascii_alphabetic));
predicate_method!(method_isdigit, "isdigit", |d| !d.is_empty()
    && d.iter().all(u8::is_ascii_digit));
predicate_method!(method_isspace, "isspace", |d| !d.is_empty()
    && d.iter().all(|&b| is_ascii_space(b)));
predicate_method!(method_isascii, "isascii", |d| d.is_ascii());
predicate_method!(method_islower, "islower", |d| d
    .iter()
    .any(u8::is_ascii_lowercase)
    && !d.iter().any(u8::is_ascii_uppercase));
predicate_method!(method_isupper, "isupper", |d| d
    .iter()
    .any(u8::is_ascii_uppercase)
    && !d.iter().any(u8::is_ascii_lowercase));
predicate_method!(method_istitle, "istitle", |d| {
    let mut cased = false;
    let mut previous_cased = false;
    for &b in d {
        if b.is_ascii_uppercase() {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
});

// ----- hex, translate, decode -----

/// `hex(sep, bytes_per_sep)` for any byte data (shared with `memoryview.hex`).
pub fn hex_common(ts: &ThreadState, data: &[u8], args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = stringlib::parse_args("bytes.hex", args, kw, &["sep", "bytes_per_sep"], 0, 0)?;
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep_object) = parsed.get(0) else {
        return Ok(crate::str::new(ts, &digits.concat()).into_ref());
    };
    let sep = if let Some(text) = crate::str::as_str_payload(sep_object) {
        text.to_string_lossy()
    } else if let Some(data) = crate::bytes::bytes_like(sep_object) {
        data.iter().map(|&b| char::from(b)).collect()
    } else {
        return Err(PyErr::type_error(format!(
            "sep must be str or bytes, not {}",
            sep_object.ob_type().name()
        )));
    };
    if sep.chars().count() != 1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "sep must be length 1.",
        ));
    }
    if !sep.is_ascii() {
        return Err(PyErr::new(ExceptionKind::ValueError, "sep must be ASCII."));
    }
    let per = stringlib::index_arg_or(ts, parsed.get(1), 1)?;
    if per == 0 || digits.is_empty() {
        return Ok(crate::str::new(ts, &digits.concat()).into_ref());
    }
    let group = per.unsigned_abs();
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups are counted from the right.
        let first = digits.len() % group;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for chunk in digits[first..].chunks(group) {
            groups.push(chunk.concat());
        }
    } else {
        for chunk in digits.chunks(group) {
            groups.push(chunk.concat());
        }
    }
    Ok(crate::str::new(ts, &groups.join(&sep)).into_ref())
}

fn method_hex(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let data = self_data(this)?;
    hex_common(ts, &data, args, kw)
}

/// Parses `fromhex`'s argument: pairs of hex digits, whitespace between pairs.
fn parse_hex(text: &[u32]) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    let digit = |unit: u32| char::from_u32(unit).and_then(|c| c.to_digit(16));
    while at < text.len() {
        if text[at] < 128 && is_ascii_space(text[at] as u8) {
            at += 1;
            continue;
        }
        let Some(high) = digit(text[at]) else {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("non-hexadecimal number found in fromhex() arg at position {at}"),
            ));
        };
        let Some(low) = text.get(at + 1).and_then(|&u| digit(u)) else {
            let next = text.get(at + 1).copied();
            if next.is_none_or(|u| u < 128 && is_ascii_space(u as u8)) {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "fromhex() arg must contain an even number of hexadecimal digits",
                ));
            }
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    at + 1
                ),
            ));
        };
        out.push((high * 16 + low) as u8);
        at += 2;
    }
    Ok(out)
}

fn fromhex_common(ts: &ThreadState, args: Args<'_>, kw: KwNames<'_>) -> PyResult<Vec<u8>> {
    let parsed = stringlib::parse_args("bytes.fromhex", args, kw, &["string"], 1, 1)?;
    let value = parsed.required(0);
    let units: Vec<u32> = if let Some(text) = crate::str::as_str_payload(value) {
        crate::str_methods::code_points_of(text)
    } else if let Some(data) = crate::bytes::bytes_like(value) {
        data.iter().map(|&b| u32::from(b)).collect()
    } else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str or bytes-like, not {}",
            value.ob_type().name()
        )));
    };
    let _ = ts;
    parse_hex(&units)
}

/// `cls.fromhex(string)`: the class comes first; a subclass is called with the result.
fn method_fromhex(
    ts: &ThreadState,
    _unbound: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let Some((class, rest)) = args.split_first() else {
        return Err(PyErr::type_error("fromhex() needs a class"));
    };
    let data = fromhex_common(ts, rest, kw)?;
    let is_bytearray = crate::typeobject::as_type(class).is_some_and(|ty| {
        ty.payload_type_id() == std::any::TypeId::of::<crate::bytearray::ByteArray>()
    });
    let result = if is_bytearray {
        crate::bytearray::new(ts, data)
    } else {
        crate::bytes::from_vec(ts, data)
    };
    if class.is(crate::bytes::BYTES_TYPE.as_object())
        || class.is(crate::bytearray::BYTEARRAY_TYPE.as_object())
    {
        return Ok(result);
    }
    crate::abstract_api::call(ts, class, &[result], None)
}

fn method_translate(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, "translate"),
        args,
        kw,
        &["table", "delete"],
        1,
        1,
    )?;
    let table = if is_none(parsed.get(0)) {
        None
    } else {
        let table = crate::bytes::require_bytes_like(parsed.required(0))?;
        if table.len() != 256 {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "translation table must be 256 characters long",
            ));
        }
        Some(table)
    };
    let delete = match parsed.get(1) {
        Some(value) => crate::bytes::require_bytes_like(value)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |table| table[usize::from(b)]))
        .collect();
    Ok(like(ts, this, out))
}

fn maketrans(ts: &ThreadState, _module: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = stringlib::parse_args("bytes.maketrans", args, kw, &["frm", "to"], 2, 2)?;
    let from = crate::bytes::require_bytes_like(parsed.required(0))?;
    let to = crate::bytes::require_bytes_like(parsed.required(1))?;
    if from.len() != to.len() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&a, &b) in from.iter().zip(&to) {
        table[usize::from(a)] = b;
    }
    Ok(crate::bytes::from_vec(ts, table))
}

fn method_decode(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let data = self_data(this)?;
    let parsed = stringlib::parse_args(
        &qualified(this, "decode"),
        args,
        kw,
        &["encoding", "errors"],
        0,
        0,
    )?;
    let encoding = crate::unicode_codecs::text_arg("decode", "encoding", 1, parsed.get(0))?;
    let errors = crate::unicode_codecs::text_arg("decode", "errors", 2, parsed.get(1))?;
    crate::unicode_codecs::decode(
        ts,
        &data,
        encoding.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )
}

fn method_getnewargs(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    stringlib::parse_args(&qualified(this, "__getnewargs__"), args, kw, &[], 0, 0)?;
    let data = self_data(this)?;
    let copy = crate::bytes::from_vec(ts, data);
    Ok(crate::tuple::new(ts, vec![copy]).into_ref())
}

fn method_bytes(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    stringlib::parse_args(&qualified(this, "__bytes__"), args, kw, &[], 0, 0)?;
    if this.is_exact_type(&crate::bytes::BYTES_TYPE) {
        return Ok(this.new_ref());
    }
    Ok(crate::bytes::from_vec(ts, self_data(this)?))
}

/// Fills the dicts of `bytes` and `bytearray` with their shared methods.
pub(crate) fn install(ts: &ThreadState) {
    let shared: &[(&'static str, crate::descr::NativeFn)] = &[
        ("find", method_find),
        ("rfind", method_rfind),
        ("index", method_index),
        ("rindex", method_rindex),
        ("count", method_count),
        ("startswith", method_startswith),
        ("endswith", method_endswith),
        ("split", method_split),
        ("rsplit", method_rsplit),
        ("splitlines", method_splitlines),
        ("partition", method_partition),
        ("rpartition", method_rpartition),
        ("join", method_join),
        ("replace", method_replace),
        ("strip", method_strip),
        ("lstrip", method_lstrip),
        ("rstrip", method_rstrip),
        ("removeprefix", method_removeprefix),
        ("removesuffix", method_removesuffix),
        ("ljust", method_ljust),
        ("rjust", method_rjust),
        ("center", method_center),
        ("zfill", method_zfill),
        ("expandtabs", method_expandtabs),
        ("lower", method_lower),
        ("upper", method_upper),
        ("swapcase", method_swapcase),
        ("capitalize", method_capitalize),
        ("title", method_title),
        ("isalnum", method_isalnum),
        ("isalpha", method_isalpha),
        ("isdigit", method_isdigit),
        ("isspace", method_isspace),
        ("isascii", method_isascii),
        ("islower", method_islower),
        ("isupper", method_isupper),
        ("istitle", method_istitle),
        ("hex", method_hex),
        ("translate", method_translate),
        ("decode", method_decode),
    ];
    crate::descr::add_methods(ts, &crate::bytes::BYTES_TYPE, shared);
    crate::descr::add_methods(ts, &crate::bytearray::BYTEARRAY_TYPE, shared);
    crate::descr::add_methods(
        ts,
        &crate::bytes::BYTES_TYPE,
        &[
            ("__getnewargs__", method_getnewargs),
            ("__bytes__", method_bytes),
        ],
    );
    crate::descr::add_static_method(ts, &crate::bytes::BYTES_TYPE, "maketrans", maketrans);
    crate::descr::add_static_method(
        ts,
        &crate::bytearray::BYTEARRAY_TYPE,
        "maketrans",
        maketrans,
    );
    crate::descr::add_class_method(ts, &crate::bytes::BYTES_TYPE, "fromhex", method_fromhex);
    crate::descr::add_class_method(
        ts,
        &crate::bytearray::BYTEARRAY_TYPE,
        "fromhex",
        method_fromhex,
    );
    crate::bytearray::install(ts);
    crate::memoryview::install(ts);
    crate::singletons::install(ts);
}
