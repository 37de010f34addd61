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
        let (start, stop, step, _) = slice.indices(ts, range.len())?;
        let overflow = || {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        };
        let new_start = start
            .checked_mul(range.step)
            .and_then(|offset| range.start.checked_add(offset))
            .ok_or_else(overflow)?;
        let new_step = range.step.checked_mul(step).ok_or_else(overflow)?;
        let new_stop = stop
            .checked_mul(range.step)
            .and_then(|offset| range.start.checked_add(offset))
            .ok_or_else(overflow)?;
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

/// Whether `value` (an int) is one of the range's items.
fn contains_int(range: &Range, value: &num_bigint::BigInt) -> bool {
    let start = num_bigint::BigInt::from(range.start);
    let stop = num_bigint::BigInt::from(range.stop);
    let inside = if range.step > 0 {
        *value >= start && *value < stop
    } else {
        *value <= start && *value > stop
    };
    use num_integer::Integer;
    inside && (value - &start).mod_floor(&num_bigint::BigInt::from(range.step)) == 0.into()
}

/// Whether `item` is an exact `int` or `bool`, which the arithmetic fast path handles.
fn is_int_like(item: &PyObject) -> bool {
    item.is_exact_type(&crate::int::INT_TYPE) || item.is_exact_type(&crate::bool::BOOL_TYPE)
}

fn range_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    let range = payload(object)?;
    if is_int_like(item)
        && let Some(int) = item.downcast_ref::<crate::int::Int>()
    {
        return Ok(contains_int(range, &int.to_bigint()));
    }
    for index in 0..range.len() {
        let value = crate::int::new(ts, range.item(index));
        if value.rich_compare_bool(ts, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let range = payload(object)?;
    let length = range.len();
    let none = crate::singletons::none;
    let items = match length {
        0 => vec![crate::int::new(ts, 0), none(), none()],
        1 => vec![
            crate::int::new(ts, 1),
            crate::int::new(ts, range.start),
            none(),
        ],
        _ => vec![
            crate::int::new(ts, length as i64),
            crate::int::new(ts, range.start),
            crate::int::new(ts, range.step),
        ],
    };
    crate::tuple::new(ts, items).into_ref().hash(ts)
}

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn range_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("range.count", args, k, 1, 1)?;
    let range = payload(this)?;
    let item = &args[0];
    if is_int_like(item)
        && let Some(int) = item.downcast_ref::<crate::int::Int>()
    {
        return Ok(crate::int::new(
            ts,
            i64::from(contains_int(range, &int.to_bigint())),
        ));
    }
    let mut count = 0;
    for index in 0..range.len() {
        let value = crate::int::new(ts, range.item(index));
        if value.rich_compare_bool(ts, item, CompareOp::Eq)? {
            count += 1;
        }
    }
    Ok(crate::int::new(ts, count))
}

fn range_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("range.index", args, k, 1, 1)?;
    let range = payload(this)?;
    let item = &args[0];
    if is_int_like(item)
        && let Some(int) = item.downcast_ref::<crate::int::Int>()
    {
        let value = int.to_bigint();
        if contains_int(range, &value) {
            let position = (value - num_bigint::BigInt::from(range.start))
                / num_bigint::BigInt::from(range.step);
            return Ok(crate::int::from_bigint(ts, position));
        }
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "range.index(x): x not in range",
        ));
    }
    for index in 0..range.len() {
        let value = crate::int::new(ts, range.item(index));
        if value.rich_compare_bool(ts, item, CompareOp::Eq)? {
            return Ok(crate::int::new(ts, index as i64));
        }
    }
    Err(PyErr::new(
        ExceptionKind::ValueError,
        "sequence.index(x): x not in sequence",
    ))
}

fn range_reversed(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    crate::int_methods::check_no_args("range.__reversed__", args, k)?;
    let range = payload(this)?;
    let length = range.len();
    let start = if length == 0 {
        range.start
    } else {
        range.item(length - 1)
    };
    Ok(Py::new(
        ts,
        RangeIterator {
            next: Cell::new(start),
            step: range.step.wrapping_neg(),
            remaining: Cell::new(length),
        },
    )
    .into_ref())
}

fn get_start(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, payload(this)?.start))
}

fn get_stop(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, payload(this)?.stop))
}

fn get_step(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, payload(this)?.step))
}

fn range_bool(_ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    Ok(!payload(object)?.is_empty())
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &RANGE_TYPE,
        &[
            ("count", range_count),
            ("index", range_index),
            ("__reversed__", range_reversed),
        ],
    );
    crate::descr::add_getsets(
        ts,
        &RANGE_TYPE,
        &[
            ("start", get_start, None),
            ("stop", get_stop, None),
            ("step", get_step, None),
        ],
    );
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
            hash: Slot::new(range_hash),
            iter: Slot::new(range_iter),
            new: Slot::new(range_new),
            richcompare: Slot::new(range_richcompare),
            ..crate::typeobject::object_slots()
        })
        .with_number(crate::slots::NumberSlots {
            bool: Slot::new(range_bool),
            ..crate::slots::NumberSlots::EMPTY
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
