//! Module objects: a namespace dict and a name.
//!
//! CPython counterpart: `Objects/moduleobject.c` (`PyModule_New`, `module_repr`,
//! `module_getattro`'s error message).

use std::cell::RefCell;
use std::mem::offset_of;

use crate::err::PyResult;
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject, payload_field_offset};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `module` objects. The dict is always present.
pub struct Module {
    pub dict: RefCell<Option<PyRef>>,
}

impl PyPayload for Module {
    fn static_type() -> &'static PyType {
        &MODULE_TYPE
    }
}

/// A new module named `name` with an empty namespace holding `__name__`.
pub fn new(ts: &ThreadState, name: &str) -> Py<Module> {
    let dict = crate::dict::new(ts);
    let _ = dict.set_item(
        ts,
        crate::str::intern(ts, "__name__"),
        crate::str::new(ts, name).into_ref(),
    );
    let _ = dict.set_item(
        ts,
        crate::str::intern(ts, "__doc__"),
        crate::singletons::none(),
    );
    Py::new(
        ts,
        Module {
            dict: RefCell::new(Some(dict.into_ref())),
        },
    )
}

/// The module's namespace.
pub fn dict_of(module: &PyObject) -> Option<PyRef> {
    module
        .downcast_ref::<Module>()
        .and_then(|module| module.dict.borrow().clone())
}

/// The module's `__name__`, or `?`.
pub fn name_of(ts: &ThreadState, module: &PyObject) -> String {
    dict_of(module)
        .and_then(|dict| {
            let dict = dict.downcast_ref::<crate::dict::Dict>()?;
            dict.get_item(ts, &crate::str::intern(ts, "__name__"))
                .ok()
                .flatten()
        })
        .map_or_else(|| "?".to_owned(), |name| crate::str::to_rust_string(&name))
}

fn module_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = format!("<module '{}'>", name_of(ts, object));
    Ok(crate::str::new(ts, &text).into_ref())
}

fn module_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(dict) = dict_of(object) {
        visit(&dict);
    }
}

pub static MODULE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Module>(
        "module",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(module_repr),
        traverse: Slot::new(module_traverse),
        ..crate::typeobject::object_slots()
    })
    .with_dict_offset(payload_field_offset::<Module>(offset_of!(Module, dict))),
);
