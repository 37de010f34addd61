//! The `_weakref` module: `ref` (`ReferenceType`), `proxy` (`ProxyType`,
//! `CallableProxyType`), `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`.
//!
//! CPython counterpart: `Modules/_weakref.c`; the weakref and proxy types themselves are
//! `pyrite_objects::weakref` (`Objects/weakrefobject.c`).

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::weakref::{
    CALLABLE_PROXY_TYPE, PROXY_TYPE, WEAKREF_TYPE, Weakref, new_proxy, weaklist_of,
};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, int, list, singletons};
use pyrite_objects::{str as pystr, tuple};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn no_keywords(name: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

fn single<'a>(name: &str, args: Args<'a>, kwnames: KwNames<'_>) -> PyResult<&'a PyRef> {
    no_keywords(name, kwnames)?;
    match args {
        [object] => Ok(object),
        _ => Err(PyErr::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `_weakref.getweakrefcount(object)`.
fn getweakrefcount(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let object = single("getweakrefcount", args, k)?;
    let count = weaklist_of(object).map_or(0, |list| list.live_refs().len());
    Ok(int::new(ts, count as i64))
}

/// `_weakref.getweakrefs(object)`: the live weak references and proxies, oldest first.
fn getweakrefs(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let object = single("getweakrefs", args, k)?;
    let refs = weaklist_of(object).map_or_else(Vec::new, |list| list.live_refs());
    Ok(list::new(ts, refs).into_ref())
}

/// `_weakref.proxy(object, callback=None, /)`.
fn proxy(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_keywords("proxy", k)?;
    match args {
        [object] => new_proxy(ts, object, None),
        [object, callback] => new_proxy(ts, object, Some(callback.clone())),
        [] => Err(PyErr::type_error(
            "proxy expected at least 1 argument, got 0",
        )),
        _ => Err(PyErr::type_error(format!(
            "proxy expected at most 2 arguments, got {}",
            args.len()
        ))),
    }
}

/// `_weakref._remove_dead_weakref(dct, key, /)`: deletes `dct[key]` if it is a dead
/// weak reference (a missing key is no error).
fn remove_dead_weakref(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    no_keywords("_remove_dead_weakref", k)?;
    let [dict, key] = args else {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref expected 2 arguments, got {}",
            args.len()
        )));
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            dict.ob_type().name()
        )));
    };
    if let Some(value) = dict.get_item(ts, key)?
        && value
            .downcast_ref::<Weakref>()
            .is_some_and(|weakref| weakref.get().is_none())
    {
        dict.del_item(ts, key)?;
    }
    Ok(singletons::none())
}

/// `ReferenceType.__call__()`: the referent or `None` (for `super().__call__()`).
fn call_method(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    match WEAKREF_TYPE.slots.call.get() {
        Some(call) => call(ts, this, args, k),
        None => Ok(singletons::none()),
    }
}

/// `ReferenceType.__callback__`.
fn get_callback(_ts: &ThreadState, object: &PyObject) -> PyResult {
    pyrite_objects::weakref::weakref_callback(object)
}

/// Creates the `_weakref` module.
pub fn create(ts: &ThreadState) -> PyRef {
    let module = pyrite_objects::module::new(ts, "_weakref").into_ref();
    let Some(dict) = pyrite_objects::module::dict_of(&module) else {
        return module;
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return module;
    };
    let set = |name: &str, value: PyRef| {
        let _ = dict.set_item(ts, pystr::intern(ts, name), value);
    };
    set(
        "__doc__",
        pystr::new(ts, "Weak-reference support module.").into_ref(),
    );
    let functions: &[(&'static str, NativeFn)] = &[
        ("getweakrefcount", getweakrefcount),
        ("_remove_dead_weakref", remove_dead_weakref),
        ("getweakrefs", getweakrefs),
        ("proxy", proxy),
    ];
    for &(name, function) in functions {
        set(
            name,
            new_builtin_function(ts, name, function, module.clone()),
        );
    }
    pyrite_objects::descr::add_methods(
        ts,
        &WEAKREF_TYPE,
        &[
            ("__init__", pyrite_objects::weakref::weakref_init_method),
            ("__call__", call_method),
        ],
    );
    pyrite_objects::descr::add_getsets(ts, &WEAKREF_TYPE, &[("__callback__", get_callback, None)]);
    set("ref", WEAKREF_TYPE.to_ref());
    set("ReferenceType", WEAKREF_TYPE.to_ref());
    set("ProxyType", PROXY_TYPE.to_ref());
    set("CallableProxyType", CALLABLE_PROXY_TYPE.to_ref());
    module
}
