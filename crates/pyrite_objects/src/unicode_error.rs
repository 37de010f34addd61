//! `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`: their
//! `encoding`, `object`, `start`, `end` and `reason` attributes, and the message built
//! from them.
//!
//! CPython counterpart: `Objects/exceptions.c` (`UnicodeEncodeError_init`,
//! `UnicodeEncodeError_str`, ...). The fields live in the instance dict, so error
//! handlers and `str()` see assignments (`exc.end = 3`) as in CPython.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};

pub(crate) const fn unicode_error_slots() -> SlotTable {
    SlotTable {
        init: Slot::new(unicode_error_init),
        str: Slot::new(unicode_error_str),
        ..crate::exceptions::exception_slots()
    }
}

fn kind_of(object: &PyObject) -> ExceptionKind {
    let kind = crate::exceptions::kind_of_type(object.ob_type());
    for candidate in [
        ExceptionKind::UnicodeEncodeError,
        ExceptionKind::UnicodeDecodeError,
        ExceptionKind::UnicodeTranslateError,
    ] {
        if crate::exceptions::kind_is_subclass(kind, candidate) {
            return candidate;
        }
    }
    ExceptionKind::UnicodeError
}

/// The field names and the type each positional argument must have.
fn fields(kind: ExceptionKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        ExceptionKind::UnicodeTranslateError => &[
            ("object", "str"),
            ("start", "int"),
            ("end", "int"),
            ("reason", "str"),
        ],
        ExceptionKind::UnicodeDecodeError => &[
            ("encoding", "str"),
            ("object", "bytes"),
            ("start", "int"),
            ("end", "int"),
            ("reason", "str"),
        ],
        _ => &[
            ("encoding", "str"),
            ("object", "str"),
            ("start", "int"),
            ("end", "int"),
            ("reason", "str"),
        ],
    }
}

fn unicode_error_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    crate::exceptions::exception_init(ts, object, args, kwnames)?;
    let kind = kind_of(object);
    if kind == ExceptionKind::UnicodeError {
        return Ok(());
    }
    let expected = fields(kind);
    if args.len() != expected.len() {
        return Err(PyErr::type_error(format!(
            "function takes exactly {} arguments ({} given)",
            expected.len(),
            args.len()
        )));
    }
    let mut values = Vec::with_capacity(args.len());
    for (position, ((name, type_name), value)) in expected.iter().zip(args).enumerate() {
        let value = match *type_name {
            "str" if crate::str::as_str_payload(value).is_some() => value.clone(),
            "int" if crate::int::as_i64(value).is_some() => value.clone(),
            "bytes" => match crate::bytes::bytes_like(value) {
                Some(data) => crate::bytes::from_vec(ts, data),
                None => {
                    return Err(PyErr::type_error(format!(
                        "argument {} must be bytes-like object, not {}",
                        position + 1,
                        value.ob_type().name()
                    )));
                }
            },
            _ => {
                return Err(PyErr::type_error(format!(
                    "argument {} must be {type_name}, not {}",
                    position + 1,
                    value.ob_type().name()
                )));
            }
        };
        values.push((*name, value));
    }
    if kind == ExceptionKind::UnicodeTranslateError {
        values.push(("encoding", crate::singletons::none()));
    }
    for (name, value) in values {
        crate::attrs::generic_setattr(ts, object, &crate::str::intern(ts, name), Some(&value))?;
    }
    Ok(())
}

fn escaped_code_point(code: u32) -> String {
    if code <= 0xFF {
        format!("\\x{code:02x}")
    } else if code <= 0xFFFF {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    }
}

fn unicode_error_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    let kind = kind_of(object);
    let get = |name: &str| crate::attrs::lookup_attr(ts, object, &crate::str::intern(ts, name));
    let (Some(target), Some(start), Some(end), Some(reason)) =
        (get("object")?, get("start")?, get("end")?, get("reason")?)
    else {
        return crate::exceptions::exception_str(ts, object);
    };
    if kind == ExceptionKind::UnicodeError {
        return crate::exceptions::exception_str(ts, object);
    }
    let start = crate::int::as_i64(&start).unwrap_or(0).max(0) as usize;
    let end = crate::int::as_i64(&end).unwrap_or(0).max(0) as usize;
    let reason = crate::str::to_rust_string(&*reason.str(ts)?);
    let encoding = match get("encoding")? {
        Some(encoding) if !crate::singletons::is_none(&encoding) => {
            crate::str::to_rust_string(&*encoding.str(ts)?)
        }
        _ => String::new(),
    };
    let text = match kind {
        ExceptionKind::UnicodeDecodeError => {
            let data = crate::bytes::bytes_like(&target).unwrap_or_default();
            if start < data.len() && end == start + 1 {
                format!(
                    "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                    data[start]
                )
            } else {
                format!(
                    "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                    end.wrapping_sub(1) as isize
                )
            }
        }
        _ => {
            let code_points = crate::str::as_str_payload(&target)
                .map(crate::str_methods::code_points_of)
                .unwrap_or_default();
            let (prefix, verb) = if kind == ExceptionKind::UnicodeTranslateError {
                (String::new(), "translate")
            } else {
                (format!("'{encoding}' codec "), "encode")
            };
            if start < code_points.len() && end == start + 1 {
                format!(
                    "{prefix}can't {verb} character '{}' in position {start}: {reason}",
                    escaped_code_point(code_points[start])
                )
            } else {
                format!(
                    "{prefix}can't {verb} characters in position {start}-{}: {reason}",
                    end.wrapping_sub(1) as isize
                )
            }
        }
    };
    Ok(crate::str::new(ts, &text).into_ref())
}
