//! Stopgap: the methods of `object` that main's slot wrappers (`slotdefs`) do not make
//! and the pure-Python standard library reaches while importing or copying
//! (`object.__reduce__`, `__reduce_ex__`, `__getstate__`, `__subclasshook__`).
//!
//! CPython counterpart: `object_methods` in `Objects/typeobject.c`. Once `pyrite_objects`
//! defines them this file goes; a method is only added when the type does not have it yet.

use pyrite_objects::descr::NativeFn;
use pyrite_objects::dict::Dict;
use pyrite_objects::typeobject::OBJECT_TYPE;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, PyType, ThreadState};
use pyrite_objects::{int, singletons, str as pystr, tuple};

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
    let slotnames = copyreg(ts, "_slotnames")?;
    let names = pyrite_objects::abstract_api::call(
        ts,
        &slotnames,
        &[this.ob_type().as_object().new_ref()],
        None,
    )?;
    let names: Vec<PyRef> = match names.downcast_ref::<pyrite_objects::list::List>() {
        Some(list) => (0..list.len()).filter_map(|i| list.get(i)).collect(),
        None => Vec::new(),
    };
    if names.is_empty() {
        return Ok(dict);
    }
    let slots = pyrite_objects::dict::new(ts);
    for name in names {
        let Some(text) = pystr::as_str_payload(&name).map(|text| text.to_string_lossy()) else {
            continue;
        };
        if let Some(value) = getattr_opt(ts, this, &text)? {
            slots.payload().set_item(ts, name.clone(), value)?;
        }
    }
    if slots.payload().is_empty() {
        return Ok(dict);
    }
    Ok(tuple::new(ts, vec![dict, slots.into_ref()]).into_ref())
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

/// Adds the stopgap methods `object` lacks.
pub fn install(ts: &ThreadState) {
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
    add_missing(
        ts,
        &OBJECT_TYPE,
        &[
            ("__reduce__", object_reduce),
            ("__reduce_ex__", object_reduce_ex),
            ("__getstate__", object_getstate),
        ],
    );
}
