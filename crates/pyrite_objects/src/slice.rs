//! `slice` objects and the index arithmetic of extended slicing.
//!
//! CPython counterpart: `Objects/sliceobject.c` (`PySlice_New`, `PySlice_Unpack`,
//! `PySlice_AdjustIndices`, `slice_repr`).

use num_bigint::BigInt;
use num_traits::{One, Zero};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `slice` objects.
pub struct Slice {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

impl PyPayload for Slice {
    fn static_type() -> &'static PyType {
        &SLICE_TYPE
    }
}

pub fn new(ts: &ThreadState, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    Py::new(ts, Slice { start, stop, step }).into_ref()
}

fn bound(ts: &ThreadState, value: &PyObject) -> PyResult<Option<i64>> {
    if crate::singletons::is_none(value) {
        return Ok(None);
    }
    let index = crate::abstract_api::index(ts, value).map_err(|_| {
        PyErr::type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(Some(
        crate::int::as_i64(&index).unwrap_or(
            if index
                .downcast_ref::<crate::int::Int>()
                .is_some_and(|i| i.to_bigint() < num_bigint::BigInt::from(0))
            {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            },
        ),
    ))
}

impl Slice {
    /// `(start, stop, step, length)` for a sequence of `length` items (CPython's
    /// `PySlice_Unpack` then `PySlice_AdjustIndices`).
    pub fn indices(&self, ts: &ThreadState, length: usize) -> PyResult<(i64, i64, i64, usize)> {
        let step = bound(ts, &self.step)?.unwrap_or(1);
        if step == 0 {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "slice step cannot be zero",
            ));
        }
        let length = length as i64;
        let adjust = |value: Option<i64>, default: i64, low: i64, high: i64| -> i64 {
            match value {
                None => default,
                Some(mut value) => {
                    if value < 0 {
                        value += length;
                        if value < 0 {
                            value = low;
                        }
                    } else if value >= length {
                        value = high;
                    }
                    value
                }
            }
        };
        let (start, stop) = if step > 0 {
            (
                adjust(bound(ts, &self.start)?, 0, 0, length),
                adjust(bound(ts, &self.stop)?, length, 0, length),
            )
        } else {
            (
                adjust(bound(ts, &self.start)?, length - 1, -1, length - 1),
                adjust(bound(ts, &self.stop)?, -1, -1, length - 1),
            )
        };
        let count = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok((start, stop, step, count as usize))
    }

    /// The positions a slice selects in a sequence of `length` items.
    pub fn positions(&self, ts: &ThreadState, length: usize) -> PyResult<Vec<usize>> {
        let (start, _, step, count) = self.indices(ts, length)?;
        Ok((0..count as i64)
            .map(|i| (start + i * step) as usize)
            .collect())
    }
}

fn slice_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some(slice) = object.downcast_ref::<Slice>() else {
        return Ok(crate::str::new(ts, "slice").into_ref());
    };
    let text = format!(
        "slice({}, {}, {})",
        crate::str::repr_text(ts, &slice.start)?,
        crate::str::repr_text(ts, &slice.stop)?,
        crate::str::repr_text(ts, &slice.step)?
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

fn slice_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("slice() takes no keyword arguments"));
    }
    let none = crate::singletons::none;
    Ok(match args {
        [stop] => new(ts, none(), stop.clone(), none()),
        [start, stop] => new(ts, start.clone(), stop.clone(), none()),
        [start, stop, step] => new(ts, start.clone(), stop.clone(), step.clone()),
        [] => {
            return Err(PyErr::type_error(
                "slice expected at least 1 argument, got 0",
            ));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "slice expected at most 3 arguments, got {}",
                args.len()
            )));
        }
    })
}

fn slice_of(object: &PyObject) -> PyResult<&Slice> {
    object
        .downcast_ref::<Slice>()
        .map(|slice| slice.payload())
        .ok_or_else(|| PyErr::type_error("expected a slice"))
}

/// `(start, stop, step)` as a tuple, which hashing and comparison use (as CPython 3.12+).
fn as_tuple(ts: &ThreadState, slice: &Slice) -> PyRef {
    crate::tuple::new(
        ts,
        vec![slice.start.clone(), slice.stop.clone(), slice.step.clone()],
    )
    .into_ref()
}

fn slice_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    as_tuple(ts, slice_of(object)?).hash(ts)
}

fn slice_richcompare(
    ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    op: crate::slots::CompareOp,
) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<Slice>(), b.downcast_ref::<Slice>()) else {
        return Ok(crate::singletons::not_implemented());
    };
    as_tuple(ts, x).rich_compare(ts, &as_tuple(ts, y), op)
}

fn slice_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(slice) = object.downcast_ref::<Slice>() {
        visit(&slice.start);
        visit(&slice.stop);
        visit(&slice.step);
    }
}

/// `slice.indices(length)`: the normalized `(start, stop, step)` for a sequence of
/// `length` items (CPython's `_PySlice_GetLongIndices`, machine-word lengths).
fn slice_indices(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let args = crate::int_methods::positional("slice.indices", args, kwnames, 1, 1)?;
    let slice = slice_of(this)?;
    let length = crate::abstract_api::index(ts, &args[0])?;
    let length = big_of(&length);
    if length < BigInt::zero() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "length should not be negative",
        ));
    }
    let (start, stop, step) = big_indices(ts, slice, &length)?;
    Ok(crate::tuple::new(
        ts,
        vec![
            crate::int::from_bigint(ts, start),
            crate::int::from_bigint(ts, stop),
            crate::int::from_bigint(ts, step),
        ],
    )
    .into_ref())
}

fn big_of(int: &PyObject) -> BigInt {
    int.downcast_ref::<crate::int::Int>()
        .map(|int| int.to_bigint())
        .unwrap_or_default()
}

fn big_bound(ts: &ThreadState, value: &PyObject) -> PyResult<Option<BigInt>> {
    if crate::singletons::is_none(value) {
        return Ok(None);
    }
    let index = crate::abstract_api::index(ts, value).map_err(|_| {
        PyErr::type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(Some(big_of(&index)))
}

/// `slice.indices` in arbitrary precision (CPython's `_PySlice_GetLongIndices`).
pub(crate) fn big_indices(
    ts: &ThreadState,
    slice: &Slice,
    length: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = big_bound(ts, &slice.step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "slice step cannot be zero",
        ));
    }
    let negative = step < BigInt::zero();
    let (lower, upper) = if negative {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let adjust = |value: Option<BigInt>, default: &BigInt| -> BigInt {
        match value {
            None => default.clone(),
            Some(value) if value < BigInt::zero() => {
                let shifted = value + length;
                if shifted < lower {
                    lower.clone()
                } else {
                    shifted
                }
            }
            Some(value) => {
                if value > upper {
                    upper.clone()
                } else {
                    value
                }
            }
        }
    };
    let (start_default, stop_default) = if negative {
        (upper.clone(), lower.clone())
    } else {
        (lower.clone(), upper.clone())
    };
    let start = adjust(big_bound(ts, &slice.start)?, &start_default);
    let stop = adjust(big_bound(ts, &slice.stop)?, &stop_default);
    Ok((start, stop, step))
}

fn get_start(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(slice_of(object)?.start.clone())
}

fn get_stop(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(slice_of(object)?.stop.clone())
}

fn get_step(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(slice_of(object)?.step.clone())
}

/// `slice.__reduce__`: `(slice, (start, stop, step))`.
fn slice_reduce(
    ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let slice = this
        .downcast_ref::<Slice>()
        .ok_or_else(|| PyErr::type_error("expected a slice"))?;
    let bounds = vec![slice.start.clone(), slice.stop.clone(), slice.step.clone()];
    let bounds = crate::tuple::new(ts, bounds).into_ref();
    let class = SLICE_TYPE.as_object().new_ref();
    Ok(crate::tuple::new(ts, vec![class, bounds]).into_ref())
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &SLICE_TYPE,
        &[("indices", slice_indices), ("__reduce__", slice_reduce)],
    );
    crate::descr::add_getsets(
        ts,
        &SLICE_TYPE,
        &[
            ("start", get_start, None),
            ("stop", get_stop, None),
            ("step", get_step, None),
        ],
    );
}

pub static SLICE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Slice>("slice", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            traverse: Slot::new(slice_traverse),
            repr: Slot::new(slice_repr),
            hash: Slot::new(slice_hash),
            richcompare: Slot::new(slice_richcompare),
            new: Slot::new(slice_new),
            ..crate::typeobject::object_slots()
        },
    ),
);
