//! `range` and its iterator (machine-word bounds).
//!
//! CPython counterpart: `Objects/rangeobject.c` (`range_new`, `range_repr`,
//! `compute_range_length`, `rangeiter_next`).

use std::cell::Cell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};

/// The payload of `range` objects.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> usize {
        let (start, stop, step) = (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        );
        let count = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        count as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn item(&self, index: usize) -> i64 {
        self.start + self.step * index as i64
    }
}

impl PyPayload for Range {
    fn static_type() -> &'static PyType {
        &RANGE_TYPE
    }
}

fn range_bound(ts: &ThreadState, value: &PyObject) -> PyResult<i64> {
    let index = crate::abstract_api::index(ts, value)?;
    crate::int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

fn range_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("range() takes no keyword arguments"));
    }
    let (start, stop, step) = match args {
        [stop] => (0, range_bound(ts, stop)?, 1),
        [start, stop] => (range_bound(ts, start)?, range_bound(ts, stop)?, 1),
        [start, stop, step] => (
            range_bound(ts, start)?,
            range_bound(ts, stop)?,
            range_bound(ts, step)?,
        ),
        [] => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            )));
        }
    };
    if step == 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "range() arg 3 must not be zero",
        ));
    }
    Ok(Py::new(ts, Range { start, stop, step }).into_ref())
}

fn payload(object: &PyObject) -> PyResult<&Range> {
    object
        .downcast_ref::<Range>()
        .map(|range| range.payload())
        .ok_or_else(|| PyErr::type_error("expected a range"))
}

fn range_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let range = payload(object)?;
    let text = if range.step == 1 {
        format!("range({}, {})", range.start, range.stop)
    } else {
        format!("range({}, {}, {})", range.start, range.stop, range.step)
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn range_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(payload(object)?.len())
}

fn range_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let range = payload(object)?;
    match usize::try_from(index) {
        Ok(index) if index < range.len() => Ok(crate::int::new(ts, range.item(index))),
        _ => Err(PyErr::new(
            ExceptionKind::IndexError,
            "range object index out of range",
        )),
    }
}

fn range_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let range = payload(object)?;
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        let (start, _, step, count) = slice.indices(ts, range.len())?;
        let new_start = range.start + start * range.step;
        let new_step = range.step * step;
        let new_stop = new_start + count as i64 * new_step;
        return Ok(Py::new(
            ts,
            Range {
                start: new_start,
                stop: new_stop,
                step: new_step,
            },
        )
        .into_ref());
    }
    let Some(mut index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    };
    if index < 0 {
        index += range.len() as isize;
    }
    range_item(ts, object, index)
}

fn range_contains(_ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    let range = payload(object)?;
    let Some(value) = crate::int::as_i64(item) else {
        return Ok(false);
    };
    let offset = value - range.start;
    let inside = if range.step > 0 {
        value >= range.start && value < range.stop
    } else {
        value <= range.start && value > range.stop
    };
    Ok(inside && offset % range.step == 0)
}

fn range_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let range = payload(object)?;
    Ok(Py::new(
        ts,
        RangeIterator {
            next: Cell::new(range.start),
            step: range.step,
            remaining: Cell::new(range.len()),
        },
    )
    .into_ref())
}

fn range_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<Range>(), b.downcast_ref::<Range>()) else {
        return Ok(crate::singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::singletons::not_implemented());
    }
    let same = x.len() == y.len()
        && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
    let _ = ts;
    Ok(crate::bool::bool_ref(same == (op == CompareOp::Eq)))
}

pub static RANGE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Range>("range", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(range_repr),
            iter: Slot::new(range_iter),
            new: Slot::new(range_new),
            richcompare: Slot::new(range_richcompare),
            ..crate::typeobject::object_slots()
        })
        .with_sequence(SequenceSlots {
            length: Slot::new(range_length),
            item: Slot::new(range_item),
            contains: Slot::new(range_contains),
            ..SequenceSlots::EMPTY
        })
        .with_mapping(MappingSlots {
            length: Slot::new(range_length),
            subscript: Slot::new(range_subscript),
            ..MappingSlots::EMPTY
        }),
);

/// The payload of `range_iterator` objects.
pub struct RangeIterator {
    next: Cell<i64>,
    step: i64,
    remaining: Cell<usize>,
}

impl PyPayload for RangeIterator {
    fn static_type() -> &'static PyType {
        &RANGE_ITERATOR_TYPE
    }
}

fn range_iterator_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<RangeIterator>()
        .ok_or_else(|| PyErr::type_error("expected a range iterator"))?;
    let remaining = iterator.remaining.get();
    if remaining == 0 {
        return Ok(None);
    }
    iterator.remaining.set(remaining - 1);
    let value = iterator.next.get();
    iterator.next.set(value.wrapping_add(iterator.step));
    Ok(Some(crate::int::new(ts, value)))
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

pub static RANGE_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<RangeIterator>("range_iterator", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(range_iterator_next),
            ..crate::typeobject::object_slots()
        },
    ),
);
