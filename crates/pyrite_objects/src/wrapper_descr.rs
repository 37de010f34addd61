//! `wrapper_descriptor` (`int.__add__`: a slot of a built-in type seen as a method) and
//! `method-wrapper` (`(5).__add__`: one bound to an instance).
//!
//! CPython counterpart: `Objects/descrobject.c` (`PyWrapperDescr_Type`,
//! `wrapperdescr_call`, `wrapperdescr_get`, `_PyMethodWrapper_Type`). The slot table and
//! the argument unpacking are in `slotdefs.rs`.

use crate::descr::add_getsets;
use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slotdefs::SlotDef;
use crate::slots::{CompareOp, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// `wrapper_descriptor`: the slot `def` of the built-in type `owner`.
pub struct WrapperDescr {
    pub def: &'static SlotDef,
    /// `__objclass__` (a built-in type: immortal).
    owner: PyRef,
}

impl PyPayload for WrapperDescr {
    fn static_type() -> &'static PyType {
        &WRAPPER_DESCRIPTOR_TYPE
    }
}

impl WrapperDescr {
    pub fn owner_type(&self) -> &PyType {
        crate::typeobject::as_type(&self.owner).expect("a wrapper's owner is a type")
    }

    /// CPython's `descr_check` for calls through the type.
    fn check_receiver(&self, ts: &ThreadState, receiver: &PyObject) -> PyResult<()> {
        if receiver.ob_type().is_subtype(ts, self.owner_type()) {
            return Ok(());
        }
        Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            self.def.name,
            self.owner_type().name(),
            receiver.ob_type().name()
        )))
    }
}

pub(crate) fn new_wrapper_descr(ts: &ThreadState, def: &'static SlotDef, owner: &PyType) -> PyRef {
    Py::new(
        ts,
        WrapperDescr {
            def,
            owner: owner.as_object().new_ref(),
        },
    )
    .into_ref()
}

fn wrapper_descr(object: &PyObject) -> PyResult<&WrapperDescr> {
    object
        .downcast_ref::<WrapperDescr>()
        .map(|descr| descr.payload())
        .ok_or_else(|| PyErr::type_error("expected a wrapper_descriptor"))
}

fn wrapper_descr_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let descr = wrapper_descr(callable)?;
    let keywords = kwnames.map_or(0, |names| crate::tuple::items(names).len());
    let Some((receiver, rest)) = args[..args.len() - keywords]
        .split_first()
        .map(|(receiver, _)| (receiver, &args[1..]))
    else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            descr.def.name,
            descr.owner_type().name()
        )));
    };
    descr.check_receiver(ts, receiver)?;
    descr
        .def
        .call(ts, descr.owner_type(), receiver, rest, kwnames)
}

fn wrapper_descr_get(
    ts: &ThreadState,
    object: &PyObject,
    instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let Some(instance) = instance else {
        return Ok(object.new_ref());
    };
    let descr = wrapper_descr(object)?;
    if !instance.ob_type().is_subtype(ts, descr.owner_type()) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            descr.def.name,
            descr.owner_type().name(),
            instance.ob_type().name()
        )));
    }
    Ok(Py::new(
        ts,
        MethodWrapper {
            descr: object.new_ref(),
            receiver: instance.new_ref(),
        },
    )
    .into_ref())
}

fn wrapper_descr_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let descr = wrapper_descr(object)?;
    let text = format!(
        "<slot wrapper '{}' of '{}' objects>",
        descr.def.name,
        descr.owner_type().name()
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

pub static WRAPPER_DESCRIPTOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<WrapperDescr>("wrapper_descriptor", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            call: Slot::new(wrapper_descr_call),
            descr_get: Slot::new(wrapper_descr_get),
            repr: Slot::new(wrapper_descr_repr),
            ..crate::typeobject::object_slots()
        },
    ),
);

/// `method-wrapper`: a `wrapper_descriptor` bound to `receiver` (`__self__`).
pub struct MethodWrapper {
    descr: PyRef,
    receiver: PyRef,
}

impl PyPayload for MethodWrapper {
    fn static_type() -> &'static PyType {
        &METHOD_WRAPPER_TYPE
    }
}

impl MethodWrapper {
    fn descr(&self) -> &WrapperDescr {
        self.descr
            .downcast_ref::<WrapperDescr>()
            .expect("a method-wrapper wraps a wrapper_descriptor")
    }
}

fn method_wrapper(object: &PyObject) -> PyResult<&MethodWrapper> {
    object
        .downcast_ref::<MethodWrapper>()
        .map(|wrapper| wrapper.payload())
        .ok_or_else(|| PyErr::type_error("expected a method-wrapper"))
}

fn method_wrapper_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let wrapper = method_wrapper(callable)?;
    let descr = wrapper.descr();
    descr
        .def
        .call(ts, descr.owner_type(), &wrapper.receiver, args, kwnames)
}

fn method_wrapper_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let wrapper = method_wrapper(object)?;
    let text = format!(
        "<method-wrapper '{}' of {} object at {:p}>",
        wrapper.descr().def.name,
        wrapper.receiver.ob_type().name(),
        wrapper.receiver.as_ptr()
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

/// Equal when they wrap the same descriptor bound to the same object (CPython's
/// `wrapper_richcompare`).
fn method_wrapper_richcompare(
    _ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult {
    let (Ok(a), Some(b)) = (method_wrapper(a), b.downcast_ref::<MethodWrapper>()) else {
        return Ok(crate::singletons::not_implemented());
    };
    let equal = a.descr.is(&b.descr) && a.receiver.is(&b.receiver);
    match op {
        CompareOp::Eq => Ok(crate::bool::bool_ref(equal)),
        CompareOp::Ne => Ok(crate::bool::bool_ref(!equal)),
        _ => Ok(crate::singletons::not_implemented()),
    }
}

fn method_wrapper_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let wrapper = method_wrapper(object)?;
    let hash = crate::pyhash::hash_pointer(wrapper.receiver.as_ptr())
        ^ crate::pyhash::hash_pointer(wrapper.descr.as_ptr());
    Ok(if hash == -1 { -2 } else { hash })
}

fn method_wrapper_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(wrapper) = object.downcast_ref::<MethodWrapper>() {
        visit(&wrapper.descr);
        visit(&wrapper.receiver);
    }
}

pub static METHOD_WRAPPER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<MethodWrapper>("method-wrapper", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            call: Slot::new(method_wrapper_call),
            repr: Slot::new(method_wrapper_repr),
            richcompare: Slot::new(method_wrapper_richcompare),
            hash: Slot::new(method_wrapper_hash),
            traverse: Slot::new(method_wrapper_traverse),
            ..crate::typeobject::object_slots()
        }),
);

fn def_of(object: &PyObject) -> PyResult<(&'static SlotDef, &PyType)> {
    if let Some(descr) = object.downcast_ref::<WrapperDescr>() {
        return Ok((descr.def, descr.owner_type()));
    }
    let wrapper = method_wrapper(object)?;
    let descr = wrapper.descr();
    Ok((descr.def, descr.owner_type()))
}

fn get_name(ts: &ThreadState, object: &PyObject) -> PyResult {
    let (def, _) = def_of(object)?;
    Ok(crate::str::intern(ts, def.name))
}

fn get_qualname(ts: &ThreadState, object: &PyObject) -> PyResult {
    let (def, owner) = def_of(object)?;
    Ok(crate::str::new(ts, &format!("{}.{}", owner.name(), def.name)).into_ref())
}

fn get_objclass(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let (_, owner) = def_of(object)?;
    Ok(owner.as_object().new_ref())
}

fn get_doc(ts: &ThreadState, object: &PyObject) -> PyResult {
    let (def, _) = def_of(object)?;
    Ok(crate::str::new(ts, def.doc).into_ref())
}

fn get_text_signature(ts: &ThreadState, object: &PyObject) -> PyResult {
    let (def, _) = def_of(object)?;
    Ok(crate::str::new(ts, def.signature).into_ref())
}

fn get_self(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(method_wrapper(object)?.receiver.clone())
}

/// Fills the two types' dicts with their attributes.
pub(crate) fn install(ts: &ThreadState) {
    let common: [(
        &'static str,
        crate::descr::GetterFn,
        Option<crate::descr::SetterFn>,
    ); 5] = [
        ("__name__", get_name, None),
        ("__qualname__", get_qualname, None),
        ("__objclass__", get_objclass, None),
        ("__doc__", get_doc, None),
        ("__text_signature__", get_text_signature, None),
    ];
    add_getsets(ts, &WRAPPER_DESCRIPTOR_TYPE, &common);
    add_getsets(ts, &METHOD_WRAPPER_TYPE, &common);
    add_getsets(ts, &METHOD_WRAPPER_TYPE, &[("__self__", get_self, None)]);
}
