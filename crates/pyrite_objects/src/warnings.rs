//! Issuing warnings from Rust code (`~True`, an unawaited coroutine, the compiler's
//! `SyntaxWarning`s): the object model and the evaluation loop call these, the
//! `_warnings` module (which needs frames and `sys`) implements them.
//!
//! CPython counterpart: `Python/_warnings.c` (`PyErr_WarnEx`, `PyErr_WarnExplicitObject`,
//! `_PyErr_WarnUnawaitedCoroutine`).

use crate::err::{ExceptionKind, PyResult};
use crate::object::PyObject;
use crate::pystate::ThreadState;

/// `PyErr_WarnEx(category, message, stacklevel)`, with the object the warning is about
/// (`source`, as `ResourceWarning`s and unawaited coroutines give).
pub type WarnFn = fn(&ThreadState, &PyObject, &str, usize, Option<&PyObject>) -> PyResult<()>;
/// `PyErr_WarnExplicitObject(category, message, filename, lineno, module=None, registry=None)`.
pub type WarnExplicitFn = fn(&ThreadState, &PyObject, &str, &str, i32) -> PyResult<()>;

/// The implementation registered by the `_warnings` module.
pub struct WarningHooks {
    pub warn: WarnFn,
    pub warn_explicit: WarnExplicitFn,
}

static HOOKS: std::sync::OnceLock<WarningHooks> = std::sync::OnceLock::new();

/// Registers the warnings machinery (once, by the crate with the `_warnings` module).
pub fn set_hooks(hooks: WarningHooks) {
    let _ = HOOKS.set(hooks);
}

/// Issues a warning of a built-in category attributed to the frame `stacklevel` levels
/// up (1: the running Python frame). Without the machinery (unit tests) it is dropped.
pub fn warn(
    ts: &ThreadState,
    category: ExceptionKind,
    message: &str,
    stacklevel: usize,
) -> PyResult<()> {
    warn_with_category(ts, category.static_type().as_object(), message, stacklevel)
}

/// `warn` with any warning class.
pub fn warn_with_category(
    ts: &ThreadState,
    category: &PyObject,
    message: &str,
    stacklevel: usize,
) -> PyResult<()> {
    match HOOKS.get() {
        Some(hooks) => (hooks.warn)(ts, category, message, stacklevel, None),
        None => Ok(()),
    }
}

/// `warn` about an object (`source`), as `RuntimeWarning`s about coroutines are.
pub fn warn_about(
    ts: &ThreadState,
    category: ExceptionKind,
    message: &str,
    stacklevel: usize,
    source: &PyObject,
) -> PyResult<()> {
    match HOOKS.get() {
        Some(hooks) => (hooks.warn)(
            ts,
            category.static_type().as_object(),
            message,
            stacklevel,
            Some(source),
        ),
        None => Ok(()),
    }
}

/// Whether warnings go through the `_warnings` machinery (else callers print them).
pub fn is_ready() -> bool {
    HOOKS.get().is_some()
}

/// Issues a warning about a source location (the compiler's warnings).
pub fn warn_explicit(
    ts: &ThreadState,
    category: ExceptionKind,
    message: &str,
    filename: &str,
    lineno: i32,
) -> PyResult<()> {
    match HOOKS.get() {
        Some(hooks) => (hooks.warn_explicit)(
            ts,
            category.static_type().as_object(),
            message,
            filename,
            lineno,
        ),
        None => Ok(()),
    }
}
