//! Calling a type: `type(x)`, `type(name, bases, ns)`, and `Class(...)` as `__new__`
//! then `__init__`; `object.__new__`/`__init__`; creating a class from a class body.
//!
//! CPython counterpart: `Objects/typeobject.c` (`type_call`, `type_new`, `object_new`,
//! `object_init`, `excess_args`).

use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::typeobject::{BaseObject, Instance, OBJECT_TYPE, PyType, TYPE_TYPE, as_type};

fn keyword_count(kwnames: Option<&PyObject>) -> usize {
    kwnames.map_or(0, |names| crate::tuple::items(names).len())
}

/// `type.__call__`.
pub(crate) fn type_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let ty = as_type(callable).ok_or_else(|| PyErr::type_error("not a type"))?;
    if std::ptr::eq(ty, &*TYPE_TYPE) {
        match (args.len(), keyword_count(kwnames)) {
            (1, 0) => return Ok(args[0].ob_type().as_object().new_ref()),
            (3, 0) => {
                let name = crate::str::to_rust_string(&args[0]);
                let bases = crate::tuple::items(&args[1]).to_vec();
                return new_class(ts, &name, &bases, &args[2]);
            }
            _ => return Err(PyErr::type_error("type() takes 1 or 3 arguments")),
        }
    }
    let Some(new) = ty.slots.new.get() else {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            ty.name()
        )));
    };
    let object = new(ts, ty, args, kwnames)?;
    if object.ob_type().is_subtype(ts, ty)
        && let Some(init) = object.ob_type().slots.init.get()
    {
        init(ts, &object, args, kwnames)?;
    }
    Ok(object)
}

/// `object.__new__`: an instance of a Python class (with its dict) or a plain `object()`.
pub(crate) fn object_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let init_overridden = ty
        .slots
        .init
        .get()
        .is_some_and(|init| init as *const () != object_init as *const ());
    if !args.is_empty() && !init_overridden {
        return Err(PyErr::type_error(format!(
            "{}() takes no arguments",
            ty.name()
        )));
    }
    if let Some(instance) = Py::new_with_type(
        ts,
        ty,
        Instance {
            dict: std::cell::RefCell::new(None),
            weaklist: crate::weakref::WeakrefList::new(),
        },
    ) {
        return Ok(instance.into_ref());
    }
    match Py::new_with_type(ts, ty, BaseObject) {
        Some(object) => Ok(object.into_ref()),
        None => Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            ty.name()
        ))),
    }
}

/// `object.__init__`: nothing to do (argument errors are `object_new`'s).
pub(crate) fn object_init(
    _ts: &ThreadState,
    _object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult<()> {
    Ok(())
}

/// Creates a class from its name, bases and the namespace its body filled (CPython's
/// `type_new`): the MRO and layout, the namespace copied into the type's dict, and the
/// slots of the dunder methods it defines.
pub fn new_class(ts: &ThreadState, name: &str, bases: &[PyRef], namespace: &PyObject) -> PyResult {
    let class = crate::typeobject::new_heap_type(ts, name, bases)?;
    let ty = as_type(&class).ok_or_else(|| PyErr::type_error("not a type"))?;
    let dict = ty.dict(ts);
    if let (Some(target), Some(source)) = (
        dict.downcast_ref::<crate::dict::Dict>(),
        namespace.downcast_ref::<crate::dict::Dict>(),
    ) {
        for (key, value) in source.items() {
            target.set_item(ts, key, value)?;
        }
        if target
            .get_item(ts, &crate::str::intern(ts, "__qualname__"))?
            .is_none()
        {
            target.set_item(
                ts,
                crate::str::intern(ts, "__qualname__"),
                crate::str::new(ts, name).into_ref(),
            )?;
        }
    }
    crate::slot_wrappers::update_slots(ts, ty);
    let _ = &OBJECT_TYPE;
    Ok(class)
}
