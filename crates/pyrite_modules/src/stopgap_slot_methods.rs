//! Stopgap: the few slot wrappers of built-in types (`frozenset.__contains__`,
//! `dict.__setitem__`, ...) that the pure-Python standard library reaches by name while
//! importing (`keyword`, `enum`'s `super().__setitem__`). Each calls the built-in type's
//! own slot, never the instance's (a subclass may override it).
//!
//! CPython counterpart: the `wrapper_descriptor`s `Objects/typeobject.c` makes from
//! `slotdefs`. The general mechanism belongs to `pyrite_objects`; once it exists this
//! file goes. A method is only added when the type does not have it yet.

use pyrite_objects::descr::NativeFn;
use pyrite_objects::dict::{DICT_TYPE, Dict};
use pyrite_objects::list::LIST_TYPE;
use pyrite_objects::set::{FROZENSET_TYPE, SET_TYPE};
use pyrite_objects::tuple::TUPLE_TYPE;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, PyType, ThreadState};
use pyrite_objects::{bool as pybool, int, singletons, str as pystr};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn arity(name: &str, args: Args<'_>, expected: usize) -> PyResult<()> {
    if args.len() == expected {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "{name} expected {expected} argument{}, got {}",
        if expected == 1 { "" } else { "s" },
        args.len()
    )))
}

macro_rules! wrappers {
    ($ty:expr, $contains:ident, $len:ident, $getitem:ident, $setitem:ident, $delitem:ident, $iter:ident) => {
        fn $contains(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
            arity("__contains__", args, 1)?;
            let ty: &PyType = &$ty;
            match ty.sequence.contains.get() {
                Some(contains) => Ok(pybool::bool_ref(contains(ts, this, &args[0])?)),
                None => Ok(pybool::bool_ref(pyrite_objects::abstract_ops::contains(
                    ts, this, &args[0],
                )?)),
            }
        }

        fn $len(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
            arity("__len__", args, 0)?;
            let ty: &PyType = &$ty;
            let length = match (ty.mapping.length.get(), ty.sequence.length.get()) {
                (Some(length), _) | (None, Some(length)) => length(ts, this)?,
                (None, None) => pyrite_objects::abstract_api::len(ts, this)?,
            };
            Ok(int::new(ts, length as i64))
        }

        fn $getitem(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
            arity("__getitem__", args, 1)?;
            let ty: &PyType = &$ty;
            match ty.mapping.subscript.get() {
                Some(subscript) => subscript(ts, this, &args[0]),
                None => pyrite_objects::abstract_ops::get_item(ts, this, &args[0]),
            }
        }

        fn $setitem(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
            arity("__setitem__", args, 2)?;
            let ty: &PyType = &$ty;
            match ty.mapping.ass_subscript.get() {
                Some(assign) => assign(ts, this, &args[0], Some(&args[1]))?,
                None => pyrite_objects::abstract_ops::set_item(ts, this, &args[0], Some(&args[1]))?,
            }
            Ok(singletons::none())
        }

        fn $delitem(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
            arity("__delitem__", args, 1)?;
            let ty: &PyType = &$ty;
            match ty.mapping.ass_subscript.get() {
                Some(assign) => assign(ts, this, &args[0], None)?,
                None => pyrite_objects::abstract_ops::set_item(ts, this, &args[0], None)?,
            }
            Ok(singletons::none())
        }

        fn $iter(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
            arity("__iter__", args, 0)?;
            let ty: &PyType = &$ty;
            match ty.slots.iter.get() {
                Some(iter) => iter(ts, this),
                None => pyrite_objects::iterobject::get_iter(ts, this),
            }
        }
    };
}

wrappers!(DICT_TYPE, dict_contains, dict_len, dict_getitem, dict_setitem, dict_delitem, dict_iter);
wrappers!(LIST_TYPE, list_contains, list_len, list_getitem, list_setitem, list_delitem, list_iter);
wrappers!(TUPLE_TYPE, tuple_contains, tuple_len, tuple_getitem, tuple_setitem, tuple_delitem, tuple_iter);
wrappers!(SET_TYPE, set_contains, set_len, set_getitem, set_setitem, set_delitem, set_iter);
wrappers!(FROZENSET_TYPE, frozenset_contains, frozenset_len, frozenset_getitem, frozenset_setitem, frozenset_delitem, frozenset_iter);

fn add_missing(ts: &ThreadState, ty: &'static PyType, methods: &[(&'static str, NativeFn)]) {
    let dict = ty.dict(ts);
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return;
    };
    let missing: Vec<(&'static str, NativeFn)> = methods
        .iter()
        .copied()
        .filter(|(name, _)| matches!(dict.get_item(ts, &pystr::intern(ts, name)), Ok(None)))
        .collect();
    pyrite_objects::descr::add_methods(ts, ty, &missing);
}

/// Adds the stopgap wrappers the built-in types lack.
pub fn install(ts: &ThreadState) {
    let _ = (set_getitem, set_setitem, set_delitem, frozenset_getitem);
    let _ = (frozenset_setitem, frozenset_delitem, tuple_setitem, tuple_delitem);
    add_missing(
        ts,
        &DICT_TYPE,
        &[
            ("__contains__", dict_contains),
            ("__len__", dict_len),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__iter__", dict_iter),
        ],
    );
    add_missing(
        ts,
        &LIST_TYPE,
        &[
            ("__contains__", list_contains),
            ("__len__", list_len),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__iter__", list_iter),
        ],
    );
    add_missing(
        ts,
        &TUPLE_TYPE,
        &[
            ("__contains__", tuple_contains),
            ("__len__", tuple_len),
            ("__getitem__", tuple_getitem),
            ("__iter__", tuple_iter),
        ],
    );
    for (ty, contains, len, iter) in [
        (&SET_TYPE, set_contains as NativeFn, set_len as NativeFn, set_iter as NativeFn),
        (&FROZENSET_TYPE, frozenset_contains, frozenset_len, frozenset_iter),
    ] {
        add_missing(
            ts,
            ty,
            &[("__contains__", contains), ("__len__", len), ("__iter__", iter)],
        );
    }
}
