//! Cell objects: the boxes that closures share variables through.
//!
//! CPython counterpart: `Objects/cellobject.c`.

use std::cell::RefCell;

use crate::err::PyResult;
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `cell` objects; empty until the variable is assigned.
pub struct Cell {
    pub contents: RefCell<Option<PyRef>>,
}

impl PyPayload for Cell {
    fn static_type() -> &'static PyType {
        &CELL_TYPE
    }
}

pub fn new(ts: &ThreadState, contents: Option<PyRef>) -> PyRef {
    Py::new(
        ts,
        Cell {
            contents: RefCell::new(contents),
        },
    )
    .into_ref()
}

/// The contents of a cell object.
pub fn get(cell: &PyObject) -> Option<PyRef> {
    cell.downcast_ref::<Cell>()
        .and_then(|cell| cell.contents.borrow().clone())
}

/// Replaces the contents of a cell object; the old value is released after.
pub fn set(cell: &PyObject, value: Option<PyRef>) {
    if let Some(cell) = cell.downcast_ref::<Cell>() {
        let old = cell.contents.replace(value);
        drop(old);
    }
}

fn cell_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = match get(object) {
        Some(value) => format!(
            "<cell at {:p}: {} object at {:p}>",
            object.as_ptr(),
            value.ob_type().name(),
            value.as_ptr()
        ),
        None => format!("<cell at {:p}: empty>", object.as_ptr()),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn cell_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(value) = get(object) {
        visit(&value);
    }
}

pub static CELL_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Cell>("cell", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(SlotTable {
        clear: Slot::new(cell_clear),
        repr: Slot::new(cell_repr),
        traverse: Slot::new(cell_traverse),
        ..crate::typeobject::object_slots()
    }),
);

fn cell_clear(_ts: &ThreadState, object: &PyObject) {
    set(object, None);
}
