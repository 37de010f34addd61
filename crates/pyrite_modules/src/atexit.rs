//! The `atexit` module: functions to call when the interpreter exits.
//!
//! CPython counterpart: `Modules/atexitmodule.c`. Callbacks run last registered first;
//! an exception in one is reported as unraisable and the others still run. The runtime
//! calls `run_exitfuncs` at shutdown.

use std::cell::RefCell;

use pyrite_objects::{CompareOp, abstract_api, int, singletons, tuple};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

/// A registered call: the function, its positional arguments, then keyword values and
/// their names.
struct Callback {
    function: PyRef,
    args: Vec<PyRef>,
    kwnames: Option<PyRef>,
}

thread_local! {
    static CALLBACKS: RefCell<Vec<Callback>> = const { RefCell::new(Vec::new()) };
}

fn register(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let keywords = kw.map_or(0, |names| tuple::items(names).len());
    if args.len() == keywords {
        return Err(PyErr::type_error(
            "register() takes at least 1 argument (0 given)",
        ));
    }
    let function = args[0].clone();
    if function.ob_type().slots.call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let callback = Callback {
        function: function.clone(),
        args: args[1..].to_vec(),
        kwnames: kw.filter(|_| keywords > 0).map(PyObject::new_ref),
    };
    CALLBACKS.with(|callbacks| callbacks.borrow_mut().push(callback));
    Ok(function)
}

fn unregister(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("unregister", args, kw, 1, 1)?;
    let registered: Vec<PyRef> = CALLBACKS.with(|callbacks| {
        callbacks
            .borrow()
            .iter()
            .map(|c| c.function.clone())
            .collect()
    });
    let mut matching = Vec::with_capacity(registered.len());
    for function in &registered {
        matching.push(function.rich_compare_bool(ts, &args[0], CompareOp::Eq)?);
    }
    // Callbacks registered meanwhile (by `__eq__`) are kept.
    let removed: Vec<Callback> = CALLBACKS.with(|callbacks| {
        let all = std::mem::take(&mut *callbacks.borrow_mut());
        let (removed, kept): (Vec<_>, Vec<_>) = all
            .into_iter()
            .enumerate()
            .partition(|(index, _)| matching.get(*index).copied().unwrap_or(false));
        let mut callbacks = callbacks.borrow_mut();
        let added = std::mem::take(&mut *callbacks);
        callbacks.extend(kept.into_iter().map(|(_, callback)| callback));
        callbacks.extend(added);
        removed.into_iter().map(|(_, callback)| callback).collect()
    });
    drop(removed);
    Ok(singletons::none())
}

/// Calls the registered functions, last first, and forgets them (`_run_exitfuncs`).
pub fn run_exitfuncs(ts: &ThreadState) {
    loop {
        let Some(callback) = CALLBACKS.with(|callbacks| callbacks.borrow_mut().pop()) else {
            break;
        };
        let mut args = callback.args.clone();
        let result = abstract_api::call(ts, &callback.function, &args, callback.kwnames.as_deref());
        args.clear();
        if let Err(err) = result {
            let message = match pyrite_objects::str::repr_text(ts, &callback.function) {
                Ok(repr) => format!("Exception ignored in atexit callback {repr}"),
                Err(_) => "Exception ignored in atexit callback".to_owned(),
            };
            ts.write_unraisable_object(err, &message, None);
        }
    }
}

fn run_exitfuncs_function(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("_run_exitfuncs", args, kw, 0, 0)?;
    run_exitfuncs(ts);
    Ok(singletons::none())
}

fn clear(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("_clear", args, kw, 0, 0)?;
    let callbacks = CALLBACKS.with(|callbacks| std::mem::take(&mut *callbacks.borrow_mut()));
    drop(callbacks);
    Ok(singletons::none())
}

fn ncallbacks(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("_ncallbacks", args, kw, 0, 0)?;
    let count = CALLBACKS.with(|callbacks| callbacks.borrow().len());
    Ok(int::new(ts, count as i64))
}

/// Creates the `atexit` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "atexit",
        Some(
            "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n",
        ),
    )?;
    module.functions(&[
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", run_exitfuncs_function),
        ("_clear", clear),
        ("_ncallbacks", ncallbacks),
    ])?;
    Ok(module.finish())
}
