//! `types.SimpleNamespace`: an object whose attributes live in a plain instance dict
//! (`sys.implementation` is one).
//!
//! CPython counterpart: `Objects/namespaceobject.c`.

use std::cell::RefCell;
use std::mem::offset_of;

use crate::dict::Dict;
use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject, payload_field_offset};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `SimpleNamespace` objects: only the instance dict.
pub struct Namespace {
    pub dict: RefCell<Option<PyRef>>,
}

impl PyPayload for Namespace {
    fn static_type() -> &'static PyType {
        &NAMESPACE_TYPE
    }
}

/// A namespace holding `items` in order (`sys.implementation`).
pub fn new(ts: &ThreadState, items: Vec<(&str, PyRef)>) -> PyResult {
    let dict = crate::dict::new(ts);
    for (name, value) in items {
        dict.set_item(ts, crate::str::intern(ts, name), value)?;
    }
    Ok(Py::new(
        ts,
        Namespace {
            dict: RefCell::new(Some(dict.into_ref())),
        },
    )
    .into_ref())
}

fn dict_of(object: &PyObject) -> Option<PyRef> {
    object
        .downcast_ref::<Namespace>()
        .and_then(|namespace| namespace.dict.borrow().clone())
}

/// `__name__` of the object's type (`_PyType_Name`: the part after the last dot).
fn short_type_name(object: &PyObject) -> String {
    let name = object.ob_type().name();
    name.rsplit('.').next().unwrap_or(name).to_owned()
}

fn namespace_new(
    ts: &ThreadState,
    ty: &PyType,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let namespace = Namespace {
        dict: RefCell::new(Some(crate::dict::new(ts).into_ref())),
    };
    Py::new_with_type(ts, ty, namespace)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("SimpleNamespace.__new__: bad type"))
}

/// `SimpleNamespace(mapping_or_iterable=(), /, **kwargs)`.
fn namespace_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{} expected at most 1 argument, got {}",
            short_type_name(object),
            positional.len()
        )));
    }
    let Some(dict) = dict_of(object) else {
        return Ok(());
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return Ok(());
    };
    if let Some(source) = positional.first() {
        let staged = crate::dict::new(ts);
        crate::methods::dict_merge(ts, &staged, source)?;
        if staged
            .items()
            .iter()
            .any(|(key, _)| !key.payload_is::<crate::str::Str>())
        {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        for (key, value) in staged.items() {
            dict.set_item(ts, key, value)?;
        }
    }
    for (key, value) in keywords {
        dict.set_item(ts, crate::str::new(ts, &key).into_ref(), value)?;
    }
    Ok(())
}

/// `namespace(a=1, b=2)`; a subclass shows its own name; a namespace inside itself
/// shows as `namespace(...)`.
fn namespace_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let name = if std::ptr::eq(object.ob_type(), &*NAMESPACE_TYPE) {
        "namespace".to_owned()
    } else {
        short_type_name(object)
    };
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(crate::str::new(ts, &format!("{name}(...)")).into_ref());
    };
    let mut parts = Vec::new();
    if let Some(dict) = dict_of(object)
        && let Some(dict) = dict.downcast_ref::<Dict>()
    {
        for (key, value) in dict.items() {
            if !key.payload_is::<crate::str::Str>() {
                continue;
            }
            let value: PyRef = value.repr(ts)?;
            let value = crate::str::to_rust_string(&value);
            parts.push(format!("{}={value}", crate::str::to_rust_string(&key)));
        }
    }
    Ok(crate::str::new(ts, &format!("{name}({})", parts.join(", "))).into_ref())
}

/// Namespaces are equal when both are namespaces and their dicts are equal.
fn namespace_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let is_namespace = |object: &PyObject| object.ob_type().is_subtype(ts, &NAMESPACE_TYPE);
    if !is_namespace(a) || !is_namespace(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::singletons::not_implemented());
    }
    match (dict_of(a), dict_of(b)) {
        (Some(left), Some(right)) => left.rich_compare(ts, &right, op),
        _ => Ok(crate::singletons::not_implemented()),
    }
}

/// `__reduce__`: `(type(self), (), self.__dict__)`.
fn namespace_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let dict = dict_of(object).unwrap_or_else(|| crate::dict::new(ts).into_ref());
    let items = vec![
        PyObject::new_ref(object.ob_type().as_object()),
        crate::tuple::new(ts, Vec::new()).into_ref(),
        dict,
    ];
    Ok(crate::tuple::new(ts, items).into_ref())
}

/// `__replace__(**changes)`: a new namespace of the same type, with the changes applied.
fn namespace_replace(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if !positional.is_empty() {
        return Err(PyErr::type_error(
            "__replace__() takes no positional arguments",
        ));
    }
    let ty = object.ob_type().as_object();
    let result = crate::abstract_api::call(ts, ty, &[], None)?;
    if let (Some(source), Some(target)) = (dict_of(object), dict_of(&result))
        && let (Some(source), Some(target)) =
            (source.downcast_ref::<Dict>(), target.downcast_ref::<Dict>())
    {
        for (key, value) in source.items() {
            target.set_item(ts, key, value)?;
        }
        for (key, value) in keywords {
            target.set_item(ts, crate::str::new(ts, &key).into_ref(), value)?;
        }
    }
    Ok(result)
}

fn namespace_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(dict) = dict_of(object) {
        visit(&dict);
    }
}

fn namespace_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(namespace) = object.downcast_ref::<Namespace>() {
        let old = namespace.dict.borrow_mut().take();
        drop(old);
    }
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &NAMESPACE_TYPE,
        &[
            ("__reduce__", namespace_reduce),
            ("__replace__", namespace_replace),
        ],
    );
    if let Some(dict) = NAMESPACE_TYPE.dict(ts).downcast_ref::<Dict>() {
        let doc = crate::str::new(ts, "A simple attribute-based namespace.").into_ref();
        let _ = dict.set_item(ts, crate::str::intern(ts, "__doc__"), doc);
    }
}

pub static NAMESPACE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Namespace>(
        "types.SimpleNamespace",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(namespace_repr),
        traverse: Slot::new(namespace_traverse),
        clear: Slot::new(namespace_clear),
        new: Slot::new(namespace_new),
        init: Slot::new(namespace_init),
        richcompare: Slot::new(namespace_richcompare),
        hash: Slot::new(crate::typeobject::hash_not_implemented),
        ..crate::typeobject::object_slots()
    })
    .with_dict_offset(payload_field_offset::<Namespace>(offset_of!(
        Namespace, dict
    ))),
);
