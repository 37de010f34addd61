//! `range` and its iterators: arbitrary-precision bounds, with a machine-word fast path.
//!
//! CPython counterpart: `Objects/rangeobject.c` (`range_new`, `range_repr`,
//! `compute_range_length`, `compute_slice`, `range_contains_long`, `range_index`,
//! `range_count`, `range_hash`, `range_richcompare`, `range_reverse`, `rangeiter_next`,
//! `longrangeiter_next`). Ranges whose bounds and length fit in machine words (nearly all)
//! keep them as `i64` and iterate with `range_iterator`; others use `BigInt`s and
//! `longrange_iterator`, as CPython does.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};

/// The payload of `range` objects.
pub struct Range {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    length: BigInt,
    /// `(start, stop, step, len)` when all fit in machine words.
    small: Option<SmallRange>,
}

/// A range whose bounds and length fit in machine words.
#[derive(Clone, Copy, Debug)]
pub struct SmallRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

fn overflow() -> PyErr {
    PyErr::new(
        ExceptionKind::OverflowError,
        "Python int too large to convert to C ssize_t",
    )
}

/// The number of items (CPython's `compute_range_length`).
fn compute_length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (low, high, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if low >= high {
        return BigInt::zero();
    }
    (high - low - 1u8) / step + 1u8
}

impl Range {
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        let length = compute_length(&start, &stop, &step);
        let small = match (
            start.to_i64(),
            stop.to_i64(),
            step.to_i64(),
            length.to_i64().and_then(|n| usize::try_from(n).ok()),
        ) {
            (Some(start), Some(stop), Some(step), Some(len)) => Some(SmallRange {
                start,
                stop,
                step,
                len,
            }),
            _ => None,
        };
        Range {
            start,
            stop,
            step,
            length,
            small,
        }
    }

    /// The machine-word form, if the range has one.
    pub fn small(&self) -> Option<SmallRange> {
        self.small
    }

    /// The number of items, if it fits in a `Py_ssize_t`.
    pub fn len(&self) -> PyResult<usize> {
        self.length
            .to_i64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(overflow)
    }

    pub fn is_empty(&self) -> bool {
        self.length.is_zero()
    }

    /// Item `index` (in `0..length`).
    fn item(&self, index: &BigInt) -> BigInt {
        &self.start + &self.step * index
    }
}

impl PyPayload for Range {
    fn static_type() -> &'static PyType {
        &RANGE_TYPE
    }
}

fn big_of(object: &PyObject) -> BigInt {
    object
        .downcast_ref::<crate::int::Int>()
        .map(|int| int.to_bigint())
        .unwrap_or_default()
}

fn range_bound(ts: &ThreadState, value: &PyObject) -> PyResult<BigInt> {
    Ok(big_of(&*crate::abstract_api::index(ts, value)?))
}

fn new_range(ts: &ThreadState, start: BigInt, stop: BigInt, step: BigInt) -> PyRef {
    Py::new(ts, Range::new(start, stop, step)).into_ref()
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
        [stop] => (BigInt::zero(), range_bound(ts, stop)?, BigInt::one()),
        [start, stop] => (
            range_bound(ts, start)?,
            range_bound(ts, stop)?,
            BigInt::one(),
        ),
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
    if step.is_zero() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "range() arg 3 must not be zero",
        ));
    }
    Ok(new_range(ts, start, stop, step))
}

fn payload(object: &PyObject) -> PyResult<&Range> {
    object
        .downcast_ref::<Range>()
        .map(|range| range.payload())
        .ok_or_else(|| PyErr::type_error("expected a range"))
}

fn range_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let range = payload(object)?;
    let text = if range.step.is_one() {
        format!("range({}, {})", range.start, range.stop)
    } else {
        format!("range({}, {}, {})", range.start, range.stop, range.step)
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn range_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    payload(object)?.len()
}

fn index_error() -> PyErr {
    PyErr::new(ExceptionKind::IndexError, "range object index out of range")
}

fn range_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let range = payload(object)?;
    if let Some(small) = range.small {
        return match usize::try_from(index) {
            Ok(index) if index < small.len => {
                Ok(crate::int::new(ts, small.start + small.step * index as i64))
            }
            _ => Err(index_error()),
        };
    }
    let index = BigInt::from(index);
    if index.is_negative() || index >= range.length {
        return Err(index_error());
    }
    Ok(crate::int::from_bigint(ts, range.item(&index)))
}

fn range_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let range = payload(object)?;
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        let (start, stop, step) = crate::slice::big_indices(ts, slice, &range.length)?;
        return Ok(new_range(
            ts,
            range.item(&start),
            range.item(&stop),
            &range.step * step,
        ));
    }
    if key.ob_type().number.index.get().is_none() {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    }
    let mut index = big_of(&*crate::abstract_api::index(ts, key)?);
    if index.is_negative() {
        index += &range.length;
    }
    if index.is_negative() || index >= range.length {
        return Err(index_error());
    }
    Ok(crate::int::from_bigint(ts, range.item(&index)))
}

/// Whether `value` (an int) is one of the range's items.
fn contains_int(range: &Range, value: &BigInt) -> bool {
    let inside = if range.step.is_positive() {
        *value >= range.start && *value < range.stop
    } else {
        *value <= range.start && *value > range.stop
    };
    inside && (value - &range.start).mod_floor(&range.step).is_zero()
}

/// Whether `item` is an exact `int` or `bool`, which the arithmetic fast path handles.
fn is_int_like(item: &PyObject) -> bool {
    item.is_exact_type(&crate::int::INT_TYPE) || item.is_exact_type(&crate::bool::BOOL_TYPE)
}

/// Calls `found(position)` for each item equal to `item` (the slow path for non-ints),
/// stopping when it returns `true`.
fn search(
    ts: &ThreadState,
    object: &PyObject,
    item: &PyObject,
    found: &mut dyn FnMut(i64) -> bool,
) -> PyResult<()> {
    let iterator = crate::iterobject::get_iter(ts, object)?;
    let mut position = 0;
    while let Some(value) = crate::iterobject::next(ts, &iterator)? {
        if value.rich_compare_bool(ts, item, CompareOp::Eq)? && found(position) {
            break;
        }
        position += 1;
    }
    Ok(())
}

fn range_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    let range = payload(object)?;
    if is_int_like(item) {
        if let (Some(small), Some(value)) = (range.small, crate::int::as_i64(item)) {
            let inside = if small.step > 0 {
                value >= small.start && value < small.stop
            } else {
                value <= small.start && value > small.stop
            };
            return Ok(inside
                && (i128::from(value) - i128::from(small.start)) % i128::from(small.step) == 0);
        }
        return Ok(contains_int(range, &big_of(item)));
    }
    let mut present = false;
    search(ts, object, item, &mut |_| {
        present = true;
        true
    })?;
    Ok(present)
}

fn range_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let range = payload(object)?;
    let none = crate::singletons::none;
    let length = crate::int::from_bigint(ts, range.length.clone());
    let items = if range.length.is_zero() {
        vec![length, none(), none()]
    } else if range.length.is_one() {
        vec![
            length,
            crate::int::from_bigint(ts, range.start.clone()),
            none(),
        ]
    } else {
        vec![
            length,
            crate::int::from_bigint(ts, range.start.clone()),
            crate::int::from_bigint(ts, range.step.clone()),
        ]
    };
    crate::tuple::new(ts, items).into_ref().hash(ts)
}

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn range_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("range.count", args, k, 1, 1)?;
    let range = payload(this)?;
    let item = &args[0];
    if is_int_like(item) {
        let present = contains_int(range, &big_of(item));
        return Ok(crate::int::new(ts, i64::from(present)));
    }
    let mut count = 0;
    search(ts, this, item, &mut |_| {
        count += 1;
        false
    })?;
    Ok(crate::int::new(ts, count))
}

fn range_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("range.index", args, k, 1, 1)?;
    let range = payload(this)?;
    let item = &args[0];
    if is_int_like(item) {
        let value = big_of(item);
        if contains_int(range, &value) {
            let position = (value - &range.start) / &range.step;
            return Ok(crate::int::from_bigint(ts, position));
        }
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "range.index(x): x not in range",
        ));
    }
    let mut found = None;
    search(ts, this, item, &mut |position| {
        found = Some(position);
        true
    })?;
    match found {
        Some(position) => Ok(crate::int::new(ts, position)),
        None => Err(PyErr::new(
            ExceptionKind::ValueError,
            "sequence.index(x): x not in sequence",
        )),
    }
}

fn new_iterator(ts: &ThreadState, start: BigInt, step: BigInt, length: BigInt) -> PyRef {
    if let (Some(next), Some(step_small), Some(remaining)) =
        (start.to_i64(), step.to_i64(), length.to_usize())
    {
        let last = &start + &step * (&length - 1u8).max(BigInt::zero());
        if last.to_i64().is_some() {
            return Py::new(
                ts,
                RangeIterator {
                    next: Cell::new(next),
                    step: step_small,
                    remaining: Cell::new(remaining),
                },
            )
            .into_ref();
        }
    }
    Py::new(
        ts,
        LongRangeIterator {
            state: RefCell::new((start, length)),
            step,
        },
    )
    .into_ref()
}

fn range_reversed(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    crate::int_methods::check_no_args("range.__reversed__", args, k)?;
    let range = payload(this)?;
    let last = if range.length.is_zero() {
        range.start.clone()
    } else {
        range.item(&(&range.length - 1u8))
    };
    Ok(new_iterator(ts, last, -&range.step, range.length.clone()))
}

/// `range.__reduce__`: `(range, (start, stop, step))`.
fn range_reduce(
    ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let bounds = vec![
        get_start(ts, this)?,
        get_stop(ts, this)?,
        get_step(ts, this)?,
    ];
    let bounds = crate::tuple::new(ts, bounds).into_ref();
    let class = RANGE_TYPE.as_object().new_ref();
    Ok(crate::tuple::new(ts, vec![class, bounds]).into_ref())
}

fn get_start(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::from_bigint(ts, payload(this)?.start.clone()))
}

fn get_stop(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::from_bigint(ts, payload(this)?.stop.clone()))
}

fn get_step(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::from_bigint(ts, payload(this)?.step.clone()))
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
            ("__reduce__", range_reduce),
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
    if let Some(small) = range.small {
        return Ok(Py::new(
            ts,
            RangeIterator {
                next: Cell::new(small.start),
                step: small.step,
                remaining: Cell::new(small.len),
            },
        )
        .into_ref());
    }
    Ok(new_iterator(
        ts,
        range.start.clone(),
        range.step.clone(),
        range.length.clone(),
    ))
}

/// Equal ranges have the same items (CPython's `range_equals`).
fn range_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<Range>(), b.downcast_ref::<Range>()) else {
        return Ok(crate::singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::singletons::not_implemented());
    }
    let same = x.length == y.length
        && (x.length.is_zero() || (x.start == y.start && (x.length.is_one() || x.step == y.step)));
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

/// Where a range iterator stands: the next value, the step and how many remain.
fn range_iterator_state(object: &PyObject) -> PyResult<(BigInt, BigInt, BigInt)> {
    if let Some(iterator) = object.downcast_ref::<RangeIterator>() {
        return Ok((
            BigInt::from(iterator.next.get()),
            BigInt::from(iterator.step),
            BigInt::from(iterator.remaining.get()),
        ));
    }
    if let Some(iterator) = object.downcast_ref::<LongRangeIterator>() {
        let (next, remaining) = &*iterator.state.borrow();
        return Ok((next.clone(), iterator.step.clone(), remaining.clone()));
    }
    Err(PyErr::type_error("expected a range iterator"))
}

/// `__length_hint__` of `range_iterator` and `longrange_iterator`.
fn range_iterator_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__length_hint__", args, kwnames, 0, 0)?;
    let (_, _, remaining) = range_iterator_state(this)?;
    Ok(crate::int::from_bigint(ts, remaining))
}

/// `(iter, (range(next, next + remaining * step, step),), None)`.
fn range_iterator_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__reduce__", args, kwnames, 0, 0)?;
    let (next, step, remaining) = range_iterator_state(this)?;
    let stop = &next + &remaining * &step;
    let range = Py::new(ts, Range::new(next, stop, step)).into_ref();
    Ok(crate::tuple::new(
        ts,
        vec![
            crate::module::builtin(ts, "iter")?,
            crate::tuple::new(ts, vec![range]).into_ref(),
            crate::singletons::none(),
        ],
    )
    .into_ref())
}

/// `__setstate__(n)`: skips `n` items (clamped to those left).
fn range_iterator_setstate(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__setstate__", args, kwnames, 1, 1)?;
    let skip = crate::abstract_api::index(ts, &args[0])?;
    let skip = skip
        .downcast_ref::<crate::int::Int>()
        .map(|value| value.to_bigint())
        .unwrap_or_default();
    let (next, step, remaining) = range_iterator_state(this)?;
    let skip = skip.clamp(BigInt::from(0), remaining.clone());
    let next = next + &skip * &step;
    let remaining = remaining - skip;
    if let Some(iterator) = this.downcast_ref::<RangeIterator>() {
        iterator.next.set(i64::try_from(&next).unwrap_or(i64::MAX));
        iterator
            .remaining
            .set(usize::try_from(&remaining).unwrap_or(0));
    } else if let Some(iterator) = this.downcast_ref::<LongRangeIterator>() {
        *iterator.state.borrow_mut() = (next, remaining);
    }
    Ok(crate::singletons::none())
}

/// Installs the range iterators' methods.
pub(crate) fn add_iterator_methods(ts: &ThreadState) {
    for ty in [&RANGE_ITERATOR_TYPE, &LONG_RANGE_ITERATOR_TYPE] {
        crate::descr::add_methods(
            ts,
            ty,
            &[
                ("__length_hint__", range_iterator_length_hint),
                ("__reduce__", range_iterator_reduce),
                ("__setstate__", range_iterator_setstate),
            ],
        );
    }
}

/// The iterator of ranges beyond machine words: the next value and how many remain.
pub struct LongRangeIterator {
    state: RefCell<(BigInt, BigInt)>,
    step: BigInt,
}

impl PyPayload for LongRangeIterator {
    fn static_type() -> &'static PyType {
        &LONG_RANGE_ITERATOR_TYPE
    }
}

fn long_range_iterator_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<LongRangeIterator>()
        .ok_or_else(|| PyErr::type_error("expected a range iterator"))?;
    let mut state = iterator.state.borrow_mut();
    let (next, remaining) = &mut *state;
    if !remaining.is_positive() {
        return Ok(None);
    }
    *remaining -= 1u8;
    let value = next.clone();
    *next += &iterator.step;
    Ok(Some(crate::int::from_bigint(ts, value)))
}

pub static LONG_RANGE_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<LongRangeIterator>("longrange_iterator", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(long_range_iterator_next),
            ..crate::typeobject::object_slots()
        }),
);
