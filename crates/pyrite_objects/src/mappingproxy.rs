//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping. A class's
//! `__dict__` is one over the class namespace, and dict views' `.mapping` is one over
//! their dict.
//!
//! CPython counterpart: `Objects/descrobject.c` (`PyDictProxy_Type`, `mappingproxy_*`).

use crate::descr::{NativeFn, add_methods};
use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, MappingSlots, NumberSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

pub struct MappingProxy {
    mapping: PyRef,
}

impl PyPayload for MappingProxy {
    fn static_type() -> &'static PyType {
        &MAPPINGPROXY_TYPE
    }
}

/// A read-only proxy of `mapping` (no checks: for the runtime's own dicts).
pub fn new(ts: &ThreadState, mapping: PyRef) -> PyRef {
    Py::new(ts, MappingProxy { mapping }).into_ref()
}

fn mapping_of(object: &PyObject) -> PyResult<&PyRef> {
    object
        .downcast_ref::<MappingProxy>()
        .map(|proxy| &proxy.payload().mapping)
        .ok_or_else(|| PyErr::type_error("expected a mappingproxy"))
}

/// `mappingproxy(mapping)`: refuses sequences and objects without `__getitem__`
/// (CPython's `mappingproxy_check_mapping`).
fn mappingproxy_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    let mapping = match (positional, keywords.as_slice()) {
        ([mapping], []) => mapping.clone(),
        ([], [(name, mapping)]) if name == "mapping" => mapping.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "mappingproxy() takes exactly one argument ({} given)",
                args.len()
            )));
        }
    };
    let ty = mapping.ob_type();
    let is_sequence =
        mapping.payload_is::<crate::list::List>() || mapping.payload_is::<crate::tuple::Tuple>();
    if ty.mapping.subscript.get().is_none() || is_sequence {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            ty.name()
        )));
    }
    Ok(new(ts, mapping))
}

fn mappingproxy_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let inner = crate::str::repr_string(ts, mapping_of(object)?);
    Ok(crate::str::new(ts, &format!("mappingproxy({inner})")).into_ref())
}

fn mappingproxy_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    mapping_of(object)?.str(ts)
}

fn mappingproxy_richcompare(
    ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult {
    mapping_of(a)?.rich_compare(ts, b, op)
}

fn mappingproxy_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::iterobject::get_iter(ts, mapping_of(object)?)
}

fn mappingproxy_length(ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    crate::abstract_api::len(ts, mapping_of(object)?)
}

fn mappingproxy_getitem(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    crate::abstract_ops::get_item(ts, mapping_of(object)?, key)
}

fn mappingproxy_contains(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult<bool> {
    crate::abstract_ops::contains(ts, mapping_of(object)?, key)
}

/// `proxy | other` and `other | proxy`: the underlying mappings' `|`.
fn mappingproxy_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let unwrap = |object: &PyObject| -> PyRef {
        match object.downcast_ref::<MappingProxy>() {
            Some(proxy) => proxy.mapping.clone(),
            None => object.new_ref(),
        }
    };
    crate::abstract_ops::binary_op(
        ts,
        crate::abstract_ops::BinaryOp::Or,
        false,
        &unwrap(a),
        &unwrap(b),
    )
}

fn mappingproxy_ior(_ts: &ThreadState, a: &PyObject, _b: &PyObject) -> PyResult {
    Err(PyErr::type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        a.ob_type().name()
    )))
}

fn mappingproxy_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(proxy) = object.downcast_ref::<MappingProxy>() {
        visit(&proxy.mapping);
    }
}

pub static MAPPINGPROXY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<MappingProxy>("mappingproxy", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(mappingproxy_repr),
            str: Slot::new(mappingproxy_str),
            richcompare: Slot::new(mappingproxy_richcompare),
            iter: Slot::new(mappingproxy_iter),
            new: Slot::new(mappingproxy_new),
            traverse: Slot::new(mappingproxy_traverse),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            or: Slot::new(mappingproxy_or),
            inplace_or: Slot::new(mappingproxy_ior),
            ..NumberSlots::EMPTY
        })
        .with_sequence(SequenceSlots {
            contains: Slot::new(mappingproxy_contains),
            ..SequenceSlots::EMPTY
        })
        .with_mapping(MappingSlots {
            length: Slot::new(mappingproxy_length),
            subscript: Slot::new(mappingproxy_getitem),
            ..MappingSlots::EMPTY
        }),
);

/// Calls the underlying mapping's method of the same name.
fn delegate(
    ts: &ThreadState,
    this: &PyObject,
    name: &str,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let method = crate::attrs::get_attr_str(ts, mapping_of(this)?, name)?;
    crate::abstract_api::call(ts, &method, args, kwnames)
}

macro_rules! delegated {
    ($($fn_name:ident = $name:literal;)*) => {
        $(fn $fn_name(
            ts: &ThreadState,
            this: &PyObject,
            args: &[PyRef],
            kwnames: Option<&PyObject>,
        ) -> PyResult {
            delegate(ts, this, $name, args, kwnames)
        })*
    };
}

delegated! {
    proxy_get = "get";
    proxy_keys = "keys";
    proxy_values = "values";
    proxy_items = "items";
    proxy_copy = "copy";
    proxy_reversed = "__reversed__";
}

/// `dict_keys.mapping` (and the values' and items' views).
fn view_mapping(ts: &ThreadState, view: &PyObject) -> PyResult {
    let view = view
        .downcast_ref::<crate::iterobject::DictView>()
        .ok_or_else(|| PyErr::type_error("expected a dict view"))?;
    Ok(new(ts, view.dict.clone()))
}

pub(crate) fn install(ts: &ThreadState) {
    let methods: [(&'static str, NativeFn); 6] = [
        ("get", proxy_get),
        ("keys", proxy_keys),
        ("values", proxy_values),
        ("items", proxy_items),
        ("copy", proxy_copy),
        ("__reversed__", proxy_reversed),
    ];
    add_methods(ts, &MAPPINGPROXY_TYPE, &methods);
    for ty in [
        &crate::iterobject::DICT_KEYS_TYPE,
        &crate::iterobject::DICT_VALUES_TYPE,
        &crate::iterobject::DICT_ITEMS_TYPE,
    ] {
        crate::descr::add_getsets(ts, ty, &[("mapping", view_mapping, None)]);
    }
}
