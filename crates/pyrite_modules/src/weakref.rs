//! The `_weakref` module: `ref` (`ReferenceType`), `getweakrefcount`, `getweakrefs`.
//!
//! CPython counterpart: `Modules/_weakref.c`; the weakref type itself is
//! `pyrite_objects::weakref` (`Objects/weakrefobject.c`).

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::weakref::{WEAKREF_TYPE, weaklist_of};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, int, list};
use pyrite_objects::{str as pystr, tuple};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn single<'a>(name: &str, args: Args<'a>, kwnames: KwNames<'_>) -> PyResult<&'a PyRef> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
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

/// `_weakref.getweakrefs(object)`: newest... in list order (oldest first).
fn getweakrefs(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let object = single("getweakrefs", args, k)?;
    let refs = weaklist_of(object).map_or_else(Vec::new, |list| list.live_refs());
    Ok(list::new(ts, refs).into_ref())
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
    let functions: &[(&'static str, NativeFn)] = &[
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
    ];
    for &(name, function) in functions {
        set(
            name,
            new_builtin_function(ts, name, function, module.clone()),
        );
    }
    set("ref", WEAKREF_TYPE.to_ref());
    set("ReferenceType", WEAKREF_TYPE.to_ref());
    module
}
