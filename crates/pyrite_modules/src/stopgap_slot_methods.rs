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
use pyrite_objects::typeobject::{OBJECT_TYPE, TYPE_TYPE};
use pyrite_objects::{CompareOp, PyErr, PyObject, PyRef, PyResult, PyType, ThreadState};
use pyrite_objects::{bool as pybool, int, singletons, str as pystr, tuple};

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
        fn $contains(
            ts: &ThreadState,
            this: &PyObject,
            args: Args<'_>,
            _k: KwNames<'_>,
        ) -> PyResult {
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

        fn $getitem(
            ts: &ThreadState,
            this: &PyObject,
            args: Args<'_>,
            _k: KwNames<'_>,
        ) -> PyResult {
            arity("__getitem__", args, 1)?;
            let ty: &PyType = &$ty;
            match ty.mapping.subscript.get() {
                Some(subscript) => subscript(ts, this, &args[0]),
                None => pyrite_objects::abstract_ops::get_item(ts, this, &args[0]),
            }
        }

        fn $setitem(
            ts: &ThreadState,
            this: &PyObject,
            args: Args<'_>,
            _k: KwNames<'_>,
        ) -> PyResult {
            arity("__setitem__", args, 2)?;
            let ty: &PyType = &$ty;
            match ty.mapping.ass_subscript.get() {
                Some(assign) => assign(ts, this, &args[0], Some(&args[1]))?,
                None => pyrite_objects::abstract_ops::set_item(ts, this, &args[0], Some(&args[1]))?,
            }
            Ok(singletons::none())
        }

        fn $delitem(
            ts: &ThreadState,
            this: &PyObject,
            args: Args<'_>,
            _k: KwNames<'_>,
        ) -> PyResult {
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

wrappers!(
    DICT_TYPE,
    dict_contains,
    dict_len,
    dict_getitem,
    dict_setitem,
    dict_delitem,
    dict_iter
);
wrappers!(
    LIST_TYPE,
    list_contains,
    list_len,
    list_getitem,
    list_setitem,
    list_delitem,
    list_iter
);
wrappers!(
    TUPLE_TYPE,
    tuple_contains,
    tuple_len,
    tuple_getitem,
    tuple_setitem,
    tuple_delitem,
    tuple_iter
);
wrappers!(
    SET_TYPE,
    set_contains,
    set_len,
    set_getitem,
    set_setitem,
    set_delitem,
    set_iter
);
wrappers!(
    FROZENSET_TYPE,
    frozenset_contains,
    frozenset_len,
    frozenset_getitem,
    frozenset_setitem,
    frozenset_delitem,
    frozenset_iter
);

/// `object.__ne__`: `object`'s own comparison (the inverse of `__eq__` unless that is
/// `NotImplemented`).
fn object_ne(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__ne__", args, 1)?;
    match OBJECT_TYPE.slots.richcompare.get() {
        Some(compare) => compare(ts, this, &args[0], CompareOp::Ne),
        None => Ok(singletons::not_implemented()),
    }
}

/// `object.__format__(format_spec)`: `str(self)` for an empty spec, else `TypeError`.
fn object_format(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__format__", args, 1)?;
    let Some(spec) = pystr::as_str_payload(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            args[0].ob_type().name()
        )));
    };
    let _ = spec;
    if !pystr::to_rust_string(&args[0]).is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            pyrite_objects::typeobject::display_name(ts, this.ob_type())
        )));
    }
    this.str(ts)
}

fn getattr_opt(ts: &ThreadState, object: &PyObject, name: &str) -> PyResult<Option<PyRef>> {
    match pyrite_objects::attrs::get_attr_str(ts, object, name) {
        Ok(value) => Ok(Some(value)),
        Err(err) if err.is(pyrite_objects::ExceptionKind::AttributeError) => Ok(None),
        Err(err) => Err(err),
    }
}

fn copyreg(ts: &ThreadState, name: &str) -> PyResult {
    let module = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "copyreg"))?;
    pyrite_objects::attrs::get_attr_str(ts, &module, name)
}

/// `object.__getstate__()`: the instance dict (`None` when empty) and, with `__slots__`
/// values, `(dict, slots)`.
fn object_getstate(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__getstate__", args, 0)?;
    let dict = pyrite_objects::attrs::instance_dict(ts, this, false)
        .filter(|dict| {
            dict.downcast_ref::<Dict>()
                .is_some_and(|dict| !dict.is_empty())
        })
        .unwrap_or_else(singletons::none);
    Ok(dict)
}

/// `copyreg.__reduce_ex__`'s protocol 2 form (CPython's `reduce_newobj`).
fn reduce_newobj(ts: &ThreadState, this: &PyObject) -> PyResult {
    let cls = this.ob_type().as_object().new_ref();
    let mut newargs = vec![cls];
    let mut kwargs = None;
    if let Some(getnewargs_ex) = getattr_opt(ts, this, "__getnewargs_ex__")? {
        let result = pyrite_objects::abstract_api::call(ts, &getnewargs_ex, &[], None)?;
        let items = tuple::items(&result);
        if let [args, keywords] = items {
            newargs.extend(tuple::items(args).iter().cloned());
            if keywords
                .downcast_ref::<Dict>()
                .is_some_and(|dict| !dict.is_empty())
            {
                kwargs = Some(keywords.clone());
            }
        }
    } else if let Some(getnewargs) = getattr_opt(ts, this, "__getnewargs__")? {
        let result = pyrite_objects::abstract_api::call(ts, &getnewargs, &[], None)?;
        newargs.extend(tuple::items(&result).iter().cloned());
    }
    let state = match getattr_opt(ts, this, "__getstate__")? {
        Some(getstate) => pyrite_objects::abstract_api::call(ts, &getstate, &[], None)?,
        None => singletons::none(),
    };
    let listitems = if this.downcast_ref::<pyrite_objects::list::List>().is_some() {
        pyrite_objects::iterobject::get_iter(ts, this)?
    } else {
        singletons::none()
    };
    let dictitems = if this.downcast_ref::<Dict>().is_some() {
        let items = pyrite_objects::attrs::get_attr_str(ts, this, "items")?;
        let items = pyrite_objects::abstract_api::call(ts, &items, &[], None)?;
        pyrite_objects::iterobject::get_iter(ts, &items)?
    } else {
        singletons::none()
    };
    let (constructor, constructor_args) = match kwargs {
        Some(kwargs) => {
            let cls = newargs.remove(0);
            let args = tuple::new(ts, newargs).into_ref();
            (
                copyreg(ts, "__newobj_ex__")?,
                tuple::new(ts, vec![cls, args, kwargs]).into_ref(),
            )
        }
        None => (
            copyreg(ts, "__newobj__")?,
            tuple::new(ts, newargs).into_ref(),
        ),
    };
    Ok(tuple::new(
        ts,
        vec![constructor, constructor_args, state, listitems, dictitems],
    )
    .into_ref())
}

fn reduce_with_protocol(ts: &ThreadState, this: &PyObject, protocol: i64) -> PyResult {
    if protocol >= 2 {
        return reduce_newobj(ts, this);
    }
    let reduce_ex = copyreg(ts, "_reduce_ex")?;
    pyrite_objects::abstract_api::call(
        ts,
        &reduce_ex,
        &[this.new_ref(), int::new(ts, protocol)],
        None,
    )
}

/// `object.__reduce__()`.
fn object_reduce(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__reduce__", args, 0)?;
    reduce_with_protocol(ts, this, 0)
}

/// `object.__reduce_ex__(protocol)`: an overridden `__reduce__` wins.
fn object_reduce_ex(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    arity("__reduce_ex__", args, 1)?;
    let protocol = int::as_i64(&*pyrite_objects::abstract_api::index(ts, &args[0])?).unwrap_or(0);
    let name = pystr::intern(ts, "__reduce__");
    let own = OBJECT_TYPE.lookup(ts, &name)?;
    let found = this.ob_type().lookup(ts, &name)?;
    if let (Some(own), Some(found)) = (own, found)
        && !own.is(&found)
        && let Some(reduce) = getattr_opt(ts, this, "__reduce__")?
    {
        return pyrite_objects::abstract_api::call(ts, &reduce, &[], None);
    }
    reduce_with_protocol(ts, this, protocol)
}

/// `T.__new__(cls, ...)` of a built-in type `T` (CPython's `tp_new_wrapper`), bound to
/// `T`.
fn new_wrapper(ts: &ThreadState, owner: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let owner = pyrite_objects::typeobject::as_type(owner)
        .ok_or_else(|| PyErr::type_error("not a type"))?;
    let Some((subtype, rest)) = args.split_first() else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(): not enough arguments",
            owner.name()
        )));
    };
    let Some(sub) = pyrite_objects::typeobject::as_type(subtype) else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name(),
            subtype.ob_type().name()
        )));
    };
    if !sub.is_subtype(ts, owner) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name(),
            sub.name(),
            sub.name(),
            owner.name()
        )));
    }
    let new = owner
        .slots
        .new
        .get()
        .ok_or_else(|| PyErr::type_error("type has no __new__"))?;
    new(ts, sub, rest, kw)
}

/// Gives built-in types with a `tp_new` their `__new__` (what `enum` looks for).
fn add_new_wrappers(ts: &ThreadState) {
    let types: [&'static PyType; 11] = [
        &pyrite_objects::weakref::WEAKREF_TYPE,
        &pyrite_objects::int::INT_TYPE,
        &pyrite_objects::float::FLOAT_TYPE,
        &pyrite_objects::complex::COMPLEX_TYPE,
        &pyrite_objects::str::STR_TYPE,
        &pyrite_objects::bytes::BYTES_TYPE,
        &TUPLE_TYPE,
        &LIST_TYPE,
        &DICT_TYPE,
        &SET_TYPE,
        &FROZENSET_TYPE,
    ];
    for ty in types {
        add_new_wrapper(ts, ty);
    }
}

macro_rules! repr_wrappers {
    ($($ty:expr => $repr:ident, $str:ident, $has_str:expr;)*) => {
        $(
            fn $repr(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
                arity("__repr__", args, 0)?;
                let ty: &PyType = &$ty;
                match ty.slots.repr.get() {
                    Some(repr) => repr(ts, this),
                    None => this.repr(ts),
                }
            }

            fn $str(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
                arity("__str__", args, 0)?;
                let ty: &PyType = &$ty;
                match (ty.slots.str.get(), ty.slots.repr.get()) {
                    (Some(str_slot), _) => str_slot(ts, this),
                    (None, Some(repr)) => repr(ts, this),
                    (None, None) => this.str(ts),
                }
            }
        )*

        fn add_compare_wrappers(ts: &ThreadState) {
            $(add_compare(ts, &$ty);)*
        }

        fn add_repr_wrappers(ts: &ThreadState) {
            // Only the types whose `tp_str` is their own have a `__str__` (CPython's
            // `int.__str__` is `object.__str__`).
            $(
                add_missing(ts, &$ty, &[("__repr__", $repr)]);
                if $has_str {
                    add_missing(ts, &$ty, &[("__str__", $str)]);
                }
            )*
        }
    };
}

repr_wrappers! {
    pyrite_objects::int::INT_TYPE => int_repr, int_str, false;
    pyrite_objects::float::FLOAT_TYPE => float_repr, float_str, false;
    pyrite_objects::str::STR_TYPE => str_repr, str_str, true;
    pyrite_objects::bytes::BYTES_TYPE => bytes_repr, bytes_str, true;
    TUPLE_TYPE => tuple_repr, tuple_str, false;
    LIST_TYPE => list_repr, list_str, false;
    DICT_TYPE => dict_repr, dict_str, false;
    SET_TYPE => set_repr, set_str, false;
    FROZENSET_TYPE => frozenset_repr, frozenset_str, false;
}

macro_rules! compare_wrapper {
    ($($name:ident: $op:ident, $dunder:literal;)*) => {
        $(
            fn $name(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
                arity($dunder, args, 1)?;
                // The defining type's own comparison: the first static type in the MRO.
                let mut ty: &PyType = this.ob_type();
                while ty.is_heap_type() {
                    match ty.base().and_then(pyrite_objects::typeobject::as_type) {
                        Some(base) => ty = base,
                        None => break,
                    }
                }
                match ty.slots.richcompare.get() {
                    Some(compare) => compare(ts, this, &args[0], CompareOp::$op),
                    None => Ok(singletons::not_implemented()),
                }
            }
        )*

        const COMPARE_WRAPPERS: &[(&str, NativeFn)] = &[$(($dunder, $name)),*];
    };
}

compare_wrapper! {
    compare_eq: Eq, "__eq__";
    compare_ne: Ne, "__ne__";
    compare_lt: Lt, "__lt__";
    compare_le: Le, "__le__";
    compare_gt: Gt, "__gt__";
    compare_ge: Ge, "__ge__";
}

fn add_compare(ts: &ThreadState, ty: &'static PyType) {
    add_missing(ts, ty, COMPARE_WRAPPERS);
}

/// Gives the built-in type `ty` its `__new__` if it lacks one.
pub fn add_new_wrapper(ts: &ThreadState, ty: &'static PyType) {
    let dict = ty.dict(ts);
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return;
    };
    let name = pystr::intern(ts, "__new__");
    if matches!(dict.get_item(ts, &name), Ok(None)) {
        let wrapper = pyrite_objects::descr::new_builtin_function(
            ts,
            "__new__",
            new_wrapper,
            ty.as_object().new_ref(),
        );
        let _ = dict.set_item(ts, name, wrapper);
    }
}

/// `object.__subclasshook__` (a classmethod): `NotImplemented`, leaving the decision to
/// the usual mechanism.
fn object_subclasshook(
    _ts: &ThreadState,
    _owner: &PyObject,
    _args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(singletons::not_implemented())
}

/// `int.__index__`: the int itself, as an exact `int`.
fn int_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__index__", args, 0)?;
    pyrite_objects::abstract_api::index(ts, this)
}

/// `type.__setattr__`: assigns in the class namespace.
fn type_setattr(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__setattr__", args, 2)?;
    let ty = pyrite_objects::typeobject::as_type(this)
        .ok_or_else(|| PyErr::type_error("descriptor '__setattr__' requires a 'type' object"))?;
    pyrite_objects::attrs::type_setattr(ts, ty, &args[0], Some(&args[1]))?;
    Ok(singletons::none())
}

/// `type.__delattr__`: deletes from the class namespace.
fn type_delattr(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arity("__delattr__", args, 1)?;
    let ty = pyrite_objects::typeobject::as_type(this)
        .ok_or_else(|| PyErr::type_error("descriptor '__delattr__' requires a 'type' object"))?;
    pyrite_objects::attrs::type_setattr(ts, ty, &args[0], None)?;
    Ok(singletons::none())
}

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
    add_new_wrappers(ts);
    add_missing(
        ts,
        &pyrite_objects::int::INT_TYPE,
        &[("__index__", int_index)],
    );
    let object_dict = OBJECT_TYPE.dict(ts);
    if let Some(dict) = object_dict.downcast_ref::<Dict>() {
        let name = pystr::intern(ts, "__subclasshook__");
        if matches!(dict.get_item(ts, &name), Ok(None)) {
            let callable = pyrite_objects::descr::new_builtin_function(
                ts,
                "__subclasshook__",
                object_subclasshook,
                singletons::none(),
            );
            let hook = pyrite_objects::Py::new(ts, pyrite_objects::descr::ClassMethod { callable });
            let _ = dict.set_item(ts, name, hook.into_ref());
        }
    }
    add_repr_wrappers(ts);
    add_compare_wrappers(ts);
    add_missing(
        ts,
        &OBJECT_TYPE,
        &[
            ("__ne__", object_ne),
            ("__format__", object_format),
            ("__reduce__", object_reduce),
            ("__reduce_ex__", object_reduce_ex),
            ("__getstate__", object_getstate),
        ],
    );
    add_missing(
        ts,
        &TYPE_TYPE,
        &[("__setattr__", type_setattr), ("__delattr__", type_delattr)],
    );
    let _ = (set_getitem, set_setitem, set_delitem, frozenset_getitem);
    let _ = (
        frozenset_setitem,
        frozenset_delitem,
        tuple_setitem,
        tuple_delitem,
    );
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
        (
            &SET_TYPE,
            set_contains as NativeFn,
            set_len as NativeFn,
            set_iter as NativeFn,
        ),
        (
            &FROZENSET_TYPE,
            frozenset_contains,
            frozenset_len,
            frozenset_iter,
        ),
    ] {
        add_missing(
            ts,
            ty,
            &[
                ("__contains__", contains),
                ("__len__", len),
                ("__iter__", iter),
            ],
        );
    }
}
