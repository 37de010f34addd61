//! The environment: `environ` (bytes keys and values, as on every POSIX CPython),
//! `putenv` and `unsetenv` (which `os.environ` calls when it changes).
//!
//! CPython counterpart: `Modules/posixmodule.c` (`convertenviron`, `os_putenv_impl`,
//! `os_unsetenv_impl`).

use std::os::unix::ffi::OsStrExt;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState};
use pyrite_objects::{bytes, dict, singletons};

use super::{ffi, fspath_value, os_error};
use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

/// `posix.environ`: the environment as bytes.
fn environ(ts: &ThreadState) -> PyResult {
    let environ = dict::new(ts);
    for (key, value) in std::env::vars_os() {
        environ.set_item(
            ts,
            bytes::new(ts, key.as_bytes()),
            bytes::new(ts, value.as_bytes()),
        )?;
    }
    Ok(environ.into_ref())
}

/// A name or value as `PyUnicode_FSConverter` makes it: bytes without NUL.
fn fs_bytes(ts: &ThreadState, value: &PyObject) -> PyResult<std::ffi::CString> {
    let resolved = fspath_value(ts, value)?;
    let data = match bytes::as_bytes(&resolved) {
        Some(data) => data.to_vec(),
        None => super::fs_encode(ts, &resolved)?,
    };
    std::ffi::CString::new(data)
        .map_err(|_| PyErr::new(ExceptionKind::ValueError, "embedded null byte"))
}

fn putenv(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("putenv", args, kw, 2, 2)?;
    let name = fs_bytes(ts, &args[0])?;
    let value = fs_bytes(ts, &args[1])?;
    if name.as_bytes().contains(&b'=') {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "illegal environment variable name",
        ));
    }
    ffi::set_env(&name, &value).map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

fn unsetenv(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("unsetenv", args, kw, 1, 1)?;
    let name = fs_bytes(ts, &args[0])?;
    ffi::unset_env(&name).map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[("putenv", putenv), ("unsetenv", unsetenv)])?;
    module.set("environ", environ(ts)?)
}
