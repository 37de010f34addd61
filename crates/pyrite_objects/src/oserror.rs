//! `OSError` and its subclasses: `errno`, `strerror`, `filename`, `filename2` (and
//! `BlockingIOError.characters_written`), the subclass chosen by errno when `OSError`
//! itself is called, and `[Errno N] text: 'file'` as `str()`.
//!
//! CPython counterpart: `Objects/exceptions.c` (`OSError_new`, `oserror_parse_args`,
//! `oserror_init`, `OSError_str`, `errnomap`). The fields live in the instance dict
//! (CPython has members), so `str()` sees later assignments as CPython's does.

use crate::err::{ExceptionKind, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::PyType;

pub(crate) const fn os_error_slots() -> SlotTable {
    SlotTable {
        new: Slot::new(os_error_new),
        init: Slot::new(os_error_init),
        str: Slot::new(os_error_str),
        ..crate::exceptions::exception_slots()
    }
}

/// The subclass `OSError(errno, ...)` makes (CPython's `errnomap`, Linux numbers).
pub fn kind_for_errno(code: i64) -> ExceptionKind {
    match code {
        1 | 13 => ExceptionKind::PermissionError,
        2 => ExceptionKind::FileNotFoundError,
        3 => ExceptionKind::ProcessLookupError,
        4 => ExceptionKind::InterruptedError,
        10 => ExceptionKind::ChildProcessError,
        11 | 114 | 115 => ExceptionKind::BlockingIOError,
        17 => ExceptionKind::FileExistsError,
        20 => ExceptionKind::NotADirectoryError,
        21 => ExceptionKind::IsADirectoryError,
        32 | 108 => ExceptionKind::BrokenPipeError,
        103 => ExceptionKind::ConnectionAbortedError,
        104 => ExceptionKind::ConnectionResetError,
        110 => ExceptionKind::TimeoutError,
        111 => ExceptionKind::ConnectionRefusedError,
        _ => ExceptionKind::OSError,
    }
}

fn positional<'a>(args: &'a [PyRef], kwnames: Option<&PyObject>) -> &'a [PyRef] {
    let keywords = kwnames.map_or(0, |names| crate::tuple::items(names).len());
    &args[..args.len() - keywords]
}

fn os_error_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let args = positional(args, kwnames);
    let mut ty = ty;
    if std::ptr::eq(ty, ExceptionKind::OSError.static_type())
        && args.len() >= 2
        && let Some(code) = crate::int::as_i64(&args[0])
    {
        ty = kind_for_errno(code).static_type();
    }
    let is_blocking = crate::exceptions::kind_is_subclass(
        crate::exceptions::kind_of_type(ty),
        ExceptionKind::BlockingIOError,
    );
    let mut kept = args.to_vec();
    let mut fields: Vec<(&str, PyRef)> = Vec::new();
    if (2..=5).contains(&args.len()) {
        fields.push(("errno", args[0].clone()));
        fields.push(("strerror", args[1].clone()));
        if let Some(third) = args.get(2) {
            if is_blocking && args.len() == 3 && crate::int::as_i64(third).is_some() {
                fields.push(("characters_written", third.clone()));
            } else if !crate::singletons::is_none(third) {
                fields.push(("filename", third.clone()));
                if let Some(second_name) = args.get(4) {
                    fields.push(("filename2", second_name.clone()));
                }
                kept.truncate(2);
            }
        }
    }
    let exception = crate::exceptions::new_exception(ts, ty, kept);
    for (name, value) in fields {
        crate::attrs::generic_setattr(ts, &exception, &crate::str::intern(ts, name), Some(&value))?;
    }
    Ok(exception)
}

/// The fields were set by `__new__` (CPython's `oserror_init` skips them then too).
fn os_error_init(
    _ts: &ThreadState,
    _object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult<()> {
    Ok(())
}

fn field(ts: &ThreadState, object: &PyObject, name: &str) -> PyResult<Option<PyRef>> {
    let value = crate::attrs::lookup_attr(ts, object, &crate::str::intern(ts, name))?;
    Ok(value.filter(|value| !crate::singletons::is_none(value)))
}

fn os_error_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    let errno = field(ts, object, "errno")?;
    let strerror = field(ts, object, "strerror")?;
    let filename = field(ts, object, "filename")?;
    let filename2 = field(ts, object, "filename2")?;
    let text_of = |value: &Option<PyRef>| -> PyResult<String> {
        match value {
            Some(value) => Ok(crate::str::to_rust_string(&*value.str(ts)?)),
            None => Ok("None".to_owned()),
        }
    };
    let text = match (&filename, &filename2) {
        (Some(first), Some(second)) => format!(
            "[Errno {}] {}: {} -> {}",
            text_of(&errno)?,
            text_of(&strerror)?,
            crate::str::repr_text(ts, first)?,
            crate::str::repr_text(ts, second)?
        ),
        (Some(first), None) => format!(
            "[Errno {}] {}: {}",
            text_of(&errno)?,
            text_of(&strerror)?,
            crate::str::repr_text(ts, first)?
        ),
        _ if errno.is_some() && strerror.is_some() => {
            format!("[Errno {}] {}", text_of(&errno)?, text_of(&strerror)?)
        }
        _ => return crate::exceptions::exception_str(ts, object),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

/// `errno`, `strerror`, `filename` and `filename2` read `None` until set.
pub(crate) fn install(ts: &ThreadState) {
    let dict = ExceptionKind::OSError.static_type().dict(ts);
    if let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() {
        for name in ["errno", "strerror", "filename", "filename2"] {
            let _ = dict.set_item(ts, crate::str::intern(ts, name), crate::singletons::none());
        }
    }
}
