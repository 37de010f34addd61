//! Traceback objects: one per frame an exception passed through, newest last.
//!
//! CPython counterpart: `Python/traceback.c` (`PyTraceBack_Here`, `tb_next`,
//! `tb_lineno`, `tb_lasti`, `tb_next_set`). Each entry holds the frame object (made by
//! the evaluation loop as the exception leaves the frame) and the frame's code and
//! position at that moment.

use std::cell::RefCell;

use crate::err::{PyErr, PyResult};
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
    /// Byte offset of the instruction that raised (`tb_lasti`; -1 when unknown).
    pub lasti: i32,
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
    lasti: i32,
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

fn traceback_of(object: &PyObject) -> PyResult<&Traceback> {
    object
        .downcast_ref::<Traceback>()
        .map(|tb| tb.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'traceback' object"))
}

fn tb_frame(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(traceback_of(object)?
        .frame
        .borrow()
        .clone()
        .unwrap_or_else(crate::singletons::none))
}

fn tb_lineno(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(match traceback_of(object)?.lineno {
        Some(line) => crate::int::new(ts, i64::from(line)),
        None => crate::singletons::none(),
    })
}

fn tb_lasti(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, i64::from(traceback_of(object)?.lasti)))
}

fn tb_next(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(traceback_of(object)?
        .next
        .borrow()
        .clone()
        .unwrap_or_else(crate::singletons::none))
}

/// `tb.tb_next = ...`: a traceback or `None`, never making a loop (CPython's
/// `tb_next_set`).
fn set_tb_next(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let tb = traceback_of(object)?;
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete tb_next attribute"));
    };
    let new_next = if crate::singletons::is_none(value) {
        None
    } else if value.payload_is::<Traceback>() {
        Some(value.new_ref())
    } else {
        return Err(PyErr::type_error(format!(
            "expected traceback object, got '{}'",
            value.ob_type().name()
        )));
    };
    let mut cursor = new_next.clone();
    while let Some(entry) = cursor {
        if entry.is(object) {
            return Err(PyErr::new(
                crate::err::ExceptionKind::ValueError,
                "traceback loop detected",
            ));
        }
        cursor = entry
            .downcast_ref::<Traceback>()
            .and_then(|tb| tb.next.borrow().clone());
    }
    let old = tb.next.replace(new_next);
    drop(old);
    Ok(())
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` (CPython's
/// `tb_new_impl`).
fn traceback_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    const PARAMS: [&str; 4] = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let names = kwnames.map_or(&[][..], crate::tuple::items);
    let positional = args.len() - names.len();
    if positional > PARAMS.len() {
        return Err(PyErr::type_error(format!(
            "traceback() takes at most 4 arguments ({} given)",
            args.len()
        )));
    }
    let mut bound: [Option<PyRef>; 4] = [None, None, None, None];
    for (slot, value) in bound.iter_mut().zip(&args[..positional]) {
        *slot = Some(value.clone());
    }
    for (name, value) in names.iter().zip(&args[positional..]) {
        let name = crate::str::to_rust_string(name);
        let Some(index) = PARAMS.iter().position(|param| *param == name) else {
            return Err(PyErr::type_error(format!(
                "traceback() got an unexpected keyword argument '{name}'"
            )));
        };
        bound[index] = Some(value.clone());
    }
    for (index, param) in PARAMS.iter().enumerate() {
        if bound[index].is_none() {
            return Err(PyErr::type_error(format!(
                "traceback() missing required argument '{param}' (pos {})",
                index + 1
            )));
        }
    }
    let [Some(next), Some(frame), Some(lasti), Some(lineno)] = bound else {
        return Err(PyErr::type_error("traceback() missing required argument"));
    };
    let next = if crate::singletons::is_none(&next) {
        None
    } else if next.payload_is::<Traceback>() {
        Some(next)
    } else {
        return Err(PyErr::type_error(format!(
            "expected traceback object or None, got '{}'",
            next.ob_type().name()
        )));
    };
    // The frame type belongs to the evaluation loop's crate: recognized by name.
    if frame.ob_type().name() != "frame" || frame.ob_type().is_heap_type() {
        let got = if crate::singletons::is_none(&frame) {
            "None"
        } else {
            frame.ob_type().name()
        };
        return Err(PyErr::type_error(format!(
            "traceback() argument 'tb_frame' must be frame, not {got}"
        )));
    }
    let as_int = |value: &PyObject| -> PyResult<i64> {
        let index = crate::abstract_api::index(ts, value)?;
        crate::int::as_i64(&index).ok_or_else(|| {
            PyErr::new(
                crate::err::ExceptionKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })
    };
    let lasti = as_int(&lasti)? as i32;
    let lineno = as_int(&lineno)? as i32;
    let code = crate::attrs::get_attr_str(ts, &frame, "f_code")?;
    let made = new(ts, next, code, lasti, Some(lineno));
    if let Some(tb) = made.downcast_ref::<Traceback>() {
        *tb.frame.borrow_mut() = Some(frame);
    }
    Ok(made)
}

fn readonly(_ts: &ThreadState, _object: &PyObject, _value: Option<&PyObject>) -> PyResult<()> {
    Err(PyErr::new(
        crate::err::ExceptionKind::AttributeError,
        "readonly attribute",
    ))
}

/// Fills the traceback type's dict: `tb_frame`, `tb_lineno`, `tb_lasti`, `tb_next`.
pub fn init(ts: &ThreadState) {
    crate::descr::add_getsets(
        ts,
        &TRACEBACK_TYPE,
        &[
            ("tb_frame", tb_frame, Some(readonly)),
            ("tb_lineno", tb_lineno, None),
            ("tb_lasti", tb_lasti, Some(readonly)),
            ("tb_next", tb_next, Some(set_tb_next)),
        ],
    );
}

pub static TRACEBACK_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Traceback>("traceback", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            traverse: crate::slots::Slot::new(traceback_traverse),
            new: crate::slots::Slot::new(traceback_new),
            ..crate::typeobject::object_slots()
        },
    ),
);
