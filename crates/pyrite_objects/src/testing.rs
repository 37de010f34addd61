//! Types used by the unit tests: a finalizable, weak-referenceable `Probe`, a linked-list
//! `Node`, and a `Recorder` callable. Each records what happens into a per-thread log.

use std::cell::RefCell;
use std::mem::offset_of;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyPayload, PyRef, StaticObject, payload_field_offset};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use crate::weakref::WeakrefList;

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Where a resurrecting finalizer stores its object.
    pub static RESURRECTED: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

pub fn log(entry: String) {
    LOG.with(|log| log.borrow_mut().push(entry));
}

pub fn take_log() -> Vec<String> {
    LOG.with(|log| std::mem::take(&mut *log.borrow_mut()))
}

/// A container whose finalizer logs `del NAME` (and resurrects itself if named
/// `phoenix`), weak-referenceable, optionally holding another object.
pub struct Probe {
    pub name: &'static str,
    pub weaklist: WeakrefList,
    pub child: RefCell<Option<PyRef>>,
}

impl Probe {
    pub fn new(name: &'static str) -> Probe {
        Probe {
            name,
            weaklist: WeakrefList::new(),
            child: RefCell::new(None),
        }
    }
}

impl PyPayload for Probe {
    fn static_type() -> &'static PyType {
        &PROBE_TYPE
    }
}

fn probe_finalize(_ts: &ThreadState, object: &PyObject) {
    let Some(probe) = object.downcast_ref::<Probe>() else {
        return;
    };
    log(format!("del {}", probe.name));
    if probe.name == "phoenix" {
        RESURRECTED.with(|slot| *slot.borrow_mut() = Some(object.new_ref()));
    }
}

fn probe_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(probe) = object.downcast_ref::<Probe>()
        && let Some(child) = probe.child.borrow().as_ref()
    {
        visit(child);
    }
}

pub static PROBE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Probe>(
        "Probe",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        finalize: Slot::new(probe_finalize),
        traverse: Slot::new(probe_traverse),
        ..crate::typeobject::object_slots()
    })
    .with_weaklist_offset(payload_field_offset::<Probe>(offset_of!(Probe, weaklist))),
);

/// A linked-list node; counts its drops.
pub struct Node {
    pub next: Option<PyRef>,
}

thread_local! {
    pub static NODES_FREED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl Drop for Node {
    fn drop(&mut self) {
        NODES_FREED.with(|count| count.set(count.get() + 1));
    }
}

impl PyPayload for Node {
    fn static_type() -> &'static PyType {
        &NODE_TYPE
    }
}

fn node_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(next) = object
        .downcast_ref::<Node>()
        .and_then(|node| node.next.as_ref())
    {
        visit(next);
    }
}

pub static NODE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Node>("Node", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(SlotTable {
        traverse: Slot::new(node_traverse),
        ..crate::typeobject::object_slots()
    }),
);

/// A callable that logs `call LABEL` with whether its argument is a dead weakref; the
/// label `fail` raises `ValueError`.
pub struct Recorder {
    pub label: &'static str,
}

impl PyPayload for Recorder {
    fn static_type() -> &'static PyType {
        &RECORDER_TYPE
    }
}

fn recorder_call(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let label = object
        .downcast_ref::<Recorder>()
        .map_or("?", |recorder| recorder.label);
    let dead = match args.first() {
        Some(weakref) => {
            let referent = crate::abstract_api::call(ts, weakref, &[], None)?;
            crate::singletons::is_none(&referent)
        }
        None => false,
    };
    log(format!("call {label} dead={dead}"));
    if label == "fail" {
        return Err(PyErr::new(ExceptionKind::ValueError, "callback failed"));
    }
    Ok(crate::singletons::none())
}

pub static RECORDER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Recorder>("Recorder", 0, Some(&OBJECT_TYPE)).with_slots(SlotTable {
        call: Slot::new(recorder_call),
        ..crate::typeobject::object_slots()
    }),
);

/// Readies the test types (idempotent).
pub fn ready(ts: &ThreadState) {
    for ty in [&PROBE_TYPE, &NODE_TYPE, &RECORDER_TYPE] {
        ty.ready(ts).unwrap();
    }
}
