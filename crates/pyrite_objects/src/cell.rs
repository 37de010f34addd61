//! Cell objects: the boxes that closures share variables through.
//!
//! CPython counterpart: `Objects/cellobject.c`.

use std::cell::RefCell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, Slot, SlotTable};
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

fn get_contents(_ts: &ThreadState, object: &PyObject) -> PyResult {
    get(object).ok_or_else(|| PyErr::new(ExceptionKind::ValueError, "Cell is empty"))
}

fn set_contents(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    set(object, value.map(PyObject::new_ref));
    Ok(())
}

/// `types.CellType(contents=<empty>)`.
fn cell_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("cell() takes no keyword arguments"));
    }
    match args {
        [] => Ok(new(ts, None)),
        [contents] => Ok(new(ts, Some(contents.clone()))),
        _ => Err(PyErr::type_error(format!(
            "cell expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

/// Cells compare by contents; an empty cell is less than any full one.
fn cell_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !a.payload_is::<Cell>() || !b.payload_is::<Cell>() {
        return Ok(crate::singletons::not_implemented());
    }
    match (get(a), get(b)) {
        (Some(x), Some(y)) => x.rich_compare(ts, &y, op),
        (x, y) => {
            let ordering = x.is_some().cmp(&y.is_some());
            let result = match op {
                CompareOp::Lt => ordering.is_lt(),
                CompareOp::Le => ordering.is_le(),
                CompareOp::Eq => ordering.is_eq(),
                CompareOp::Ne => ordering.is_ne(),
                CompareOp::Gt => ordering.is_gt(),
                CompareOp::Ge => ordering.is_ge(),
            };
            Ok(crate::bool::bool_ref(result))
        }
    }
}

fn cell_clear(_ts: &ThreadState, object: &PyObject) {
    set(object, None);
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_getsets(
        ts,
        &CELL_TYPE,
        &[("cell_contents", get_contents, Some(set_contents))],
    );
}

fn cell_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(value) = get(object) {
        visit(&value);
    }
}

pub static CELL_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Cell>("cell", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(SlotTable {
        repr: Slot::new(cell_repr),
        traverse: Slot::new(cell_traverse),
        clear: Slot::new(cell_clear),
        new: Slot::new(cell_new),
        richcompare: Slot::new(cell_richcompare),
        hash: Slot::new(crate::typeobject::hash_not_implemented),
        ..crate::typeobject::object_slots()
    }),
);
