//! The immortal singletons `None`, `Ellipsis` and `NotImplemented` and their types.
//!
//! CPython counterpart: `Objects/object.c` (`_Py_NoneStruct`, `_Py_NotImplementedStruct`,
//! `none_hash`) and `Objects/sliceobject.c` (`_Py_EllipsisObject`). Each is a `static`:
//! no allocation, a link-time address, identity by pointer comparison.

use crate::err::PyResult;
use crate::object::{PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};

pub use crate::bool::{bool_ref, false_ref, true_ref};

/// The payload of `None`.
pub struct NoneValue;
/// The payload of `Ellipsis`.
pub struct EllipsisValue;
/// The payload of `NotImplemented`.
pub struct NotImplementedValue;

// SAFETY: the singletons' payloads hold no data.
unsafe impl crate::object::StaticPayload for NoneValue {}
// SAFETY: as above.
unsafe impl crate::object::StaticPayload for EllipsisValue {}
// SAFETY: as above.
unsafe impl crate::object::StaticPayload for NotImplementedValue {}

impl PyPayload for NoneValue {
    fn static_type() -> &'static PyType {
        &NONE_TYPE
    }
}

impl PyPayload for EllipsisValue {
    fn static_type() -> &'static PyType {
        &ELLIPSIS_TYPE
    }
}

impl PyPayload for NotImplementedValue {
    fn static_type() -> &'static PyType {
        &NOT_IMPLEMENTED_TYPE
    }
}

pub static NONE: StaticObject<NoneValue> = StaticObject::new(&NONE_TYPE, NoneValue);
pub static ELLIPSIS: StaticObject<EllipsisValue> = StaticObject::new(&ELLIPSIS_TYPE, EllipsisValue);
pub static NOT_IMPLEMENTED: StaticObject<NotImplementedValue> =
    StaticObject::new(&NOT_IMPLEMENTED_TYPE, NotImplementedValue);

/// `None`.
#[inline]
pub fn none() -> PyRef {
    NONE.to_ref()
}

/// `NotImplemented`.
#[inline]
pub fn not_implemented() -> PyRef {
    NOT_IMPLEMENTED.to_ref()
}

/// `Ellipsis`.
#[inline]
pub fn ellipsis() -> PyRef {
    ELLIPSIS.to_ref()
}

pub fn is_none(object: &PyObject) -> bool {
    object.is(NONE.as_object())
}

fn static_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = if is_none(object) {
        "None"
    } else if object.is(ELLIPSIS.as_object()) {
        "Ellipsis"
    } else {
        "NotImplemented"
    };
    Ok(crate::str::from_static_text(ts, text))
}

/// `hash(None)`: a constant since CPython 3.12 (`0xFCA86420`).
fn none_hash(_ts: &ThreadState, _object: &PyObject) -> PyResult<isize> {
    Ok(0xFCA8_6420)
}

fn none_bool(_ts: &ThreadState, _object: &PyObject) -> PyResult<bool> {
    Ok(false)
}

/// `NoneType()`, `ellipsis()`, `NotImplementedType()`: the singleton itself.
fn singleton_new(
    _ts: &ThreadState,
    ty: &crate::typeobject::PyType,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let (value, name) = if std::ptr::eq(ty, &*NONE_TYPE) {
        (none(), "NoneType")
    } else if std::ptr::eq(ty, &*ELLIPSIS_TYPE) {
        (ellipsis(), "ellipsis")
    } else {
        (not_implemented(), "NotImplementedType")
    };
    if !args.is_empty() {
        return Err(crate::err::PyErr::type_error(format!(
            "{name} takes no arguments"
        )));
    }
    Ok(value)
}

/// `bool(NotImplemented)` is an error since 3.14.
fn not_implemented_bool(_ts: &ThreadState, _object: &PyObject) -> PyResult<bool> {
    Err(crate::err::PyErr::type_error(
        "NotImplemented should not be used in a boolean context",
    ))
}

pub static NONE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<NoneValue>("NoneType", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(static_repr),
            hash: Slot::new(none_hash),
            new: Slot::new(singleton_new),
            ..crate::typeobject::object_slots()
        })
        .with_number(crate::slots::NumberSlots {
            bool: Slot::new(none_bool),
            ..crate::slots::NumberSlots::EMPTY
        }),
);

pub static ELLIPSIS_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<EllipsisValue>("ellipsis", 0, Some(&OBJECT_TYPE)).with_slots(SlotTable {
        repr: Slot::new(static_repr),
        new: Slot::new(singleton_new),
        ..crate::typeobject::object_slots()
    }),
);

pub static NOT_IMPLEMENTED_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<NotImplementedValue>("NotImplementedType", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(static_repr),
            new: Slot::new(singleton_new),
            ..crate::typeobject::object_slots()
        })
        .with_number(crate::slots::NumberSlots {
            bool: Slot::new(not_implemented_bool),
            ..crate::slots::NumberSlots::EMPTY
        }),
);

/// `Ellipsis.__reduce__()` and `NotImplemented.__reduce__()`: the name, so pickle saves
/// the singleton as a global.
fn singleton_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let name = if object.is(&ellipsis()) {
        "Ellipsis"
    } else {
        "NotImplemented"
    };
    Ok(crate::str::new(ts, name).into_ref())
}

/// Fills the singleton types' dicts.
pub(crate) fn install(ts: &ThreadState) {
    for ty in [&ELLIPSIS_TYPE, &NOT_IMPLEMENTED_TYPE] {
        crate::descr::add_methods(ts, ty, &[("__reduce__", singleton_reduce)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;

    #[test]
    fn singletons_are_immortal_statics() {
        with_gil(|ts| {
            let before = NONE.as_object().refcnt();
            let many: Vec<PyRef> = (0..1000).map(|_| none()).collect();
            assert_eq!(NONE.as_object().refcnt(), before);
            assert_eq!(before, crate::object::IMMORTAL_REFCNT);
            drop(many);
            assert_eq!(repr_string(ts, &none()), "None");
            assert_eq!(repr_string(ts, &ellipsis()), "Ellipsis");
            assert_eq!(repr_string(ts, &not_implemented()), "NotImplemented");
            assert_eq!(repr_string(ts, NONE_TYPE.as_object()), "<class 'NoneType'>");
            // Values from CPython 3.14 on 64-bit: hash(None) == 0xFCA86420.
            assert_eq!(none().hash(ts).unwrap(), 4238894112);
            assert!(!none().is_true(ts).unwrap());
            assert!(ellipsis().is_true(ts).unwrap());
        });
    }
}
