//! Traceback objects: one per frame an exception passed through, newest last.
//!
//! CPython counterpart: `Python/traceback.c` (`PyTraceBack_Here`, `tb_next`,
//! `tb_lineno`, `tb_lasti`). CPython's entries hold the frame object; Pyrite's hold the
//! frame's code and position, and the frame object once frames can be materialized.

use std::cell::RefCell;

use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::SlotTable;
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `traceback` objects.
pub struct Traceback {
    pub next: RefCell<Option<PyRef>>,
    /// The frame object, when one was made for the frame.
    pub frame: RefCell<Option<PyRef>>,
    /// The code object that was running.
    pub code: PyRef,
    /// Byte offset of the instruction that raised (`tb_lasti`).
    pub lasti: u32,
    pub lineno: Option<i32>,
}

impl PyPayload for Traceback {
    fn static_type() -> &'static PyType {
        &TRACEBACK_TYPE
    }
}

/// A new traceback entry in front of `next` (CPython's `PyTraceBack_Here`).
pub fn new(
    ts: &ThreadState,
    next: Option<PyRef>,
    code: PyRef,
    lasti: u32,
    lineno: Option<i32>,
) -> PyRef {
    Py::new(
        ts,
        Traceback {
            next: RefCell::new(next),
            frame: RefCell::new(None),
            code,
            lasti,
            lineno,
        },
    )
    .into_ref()
}

/// The entries of a traceback chain, oldest (outermost) first.
pub fn entries(traceback: &PyObject) -> Vec<PyRef> {
    let mut found = Vec::new();
    let mut current = Some(traceback.new_ref());
    while let Some(entry) = current {
        current = entry
            .downcast_ref::<Traceback>()
            .and_then(|tb| tb.next.borrow().clone());
        if entry.payload_is::<Traceback>() {
            found.push(entry);
        }
    }
    found
}

fn traceback_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(tb) = object.downcast_ref::<Traceback>() {
        visit(&tb.code);
        if let Some(next) = tb.next.borrow().as_ref() {
            visit(next);
        }
        if let Some(frame) = tb.frame.borrow().as_ref() {
            visit(frame);
        }
    }
}

pub static TRACEBACK_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Traceback>("traceback", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            traverse: crate::slots::Slot::new(traceback_traverse),
            ..crate::typeobject::object_slots()
        },
    ),
);
