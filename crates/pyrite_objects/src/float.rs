//! `float`: IEEE-754 doubles.
//!
//! CPython counterpart: `Objects/floatobject.c` (`float_repr`, `float_hash`,
//! `float_richcompare`, which compares exactly against ints of any size).

use std::cmp::Ordering;
use std::ptr::NonNull;

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::err::{PyErr, PyResult};
use crate::int::Int;
use crate::object::{FreeBlocks, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `float` objects.
pub struct Float(pub f64);

// SAFETY: a `Float` is immutable.
unsafe impl crate::object::StaticPayload for Float {}

impl PyPayload for Float {
    fn static_type() -> &'static PyType {
        &FLOAT_TYPE
    }
}

thread_local! {
    /// Blocks of freed floats, for the next ones (CPython's float free list).
    static FREE_FLOATS: FreeBlocks<Float> = const { FreeBlocks::new() };
}

#[inline]
pub fn new(ts: &ThreadState, value: f64) -> PyRef {
    crate::object::alloc_reusing(ts, &FREE_FLOATS, Float(value)).into_ref()
}

/// `float`'s deallocator: the block goes to the free list.
///
/// # Safety
/// `object` is an exact `float` with no references left (only `FLOAT_TYPE` uses this;
/// subclasses have their own layout and deallocator).
unsafe fn float_dealloc(object: NonNull<PyObject>) {
    // SAFETY: as above; exact floats are allocated by `new` or `Py::new` as a
    // `Box<PyObj<Float>>`, and `float` is an immortal non-GC static type.
    unsafe { crate::object::free_reusing(object, &FREE_FLOATS) }
}

pub fn as_f64(object: &PyObject) -> Option<f64> {
    object.downcast_ref::<Float>().map(|float| float.0)
}

fn float_value(object: &PyObject, method: &str) -> PyResult<f64> {
    as_f64(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' requires a 'float' object but received a '{}'",
            object.ob_type().name()
        ))
    })
}

fn float_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = pyrite_ast::repr::float_repr(float_value(object, "__repr__")?);
    Ok(crate::str::new(ts, &text).into_ref())
}

/// `hash(x)`: the hash of the rational value (equal ints and floats hash alike); NaN by
/// identity, as CPython since 3.10.
fn float_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let value = float_value(object, "__hash__")?;
    Ok(crate::pyhash::hash_f64(value).unwrap_or_else(|| crate::pyhash::hash_pointer(object)))
}

/// Orders a finite or infinite float against an int exactly; `None` for NaN.
pub fn compare_with_int(value: f64, int: &Int) -> Option<Ordering> {
    if value.is_nan() {
        return None;
    }
    if value.is_infinite() {
        return Some(if value > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(small) = int.as_i64()
        && small.unsigned_abs() <= 1 << 53
    {
        // Both are exactly representable as doubles.
        return value.partial_cmp(&(small as f64));
    }
    // Compare the integral part exactly, then the fraction breaks a tie.
    let whole = value.trunc();
    let whole_int = BigInt::from_f64(whole)?;
    match whole_int.cmp(&int.to_bigint()) {
        Ordering::Equal => (value - whole).partial_cmp(&0.0),
        unequal => Some(unequal),
    }
}

fn float_richcompare(_ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let Some(left) = as_f64(a) else {
        return Ok(not_implemented());
    };
    let ordering = if let Some(right) = as_f64(b) {
        left.partial_cmp(&right)
    } else if let Some(int) = b.downcast_ref::<Int>() {
        compare_with_int(left, int)
    } else {
        return Ok(not_implemented());
    };
    // NaN is unordered: every comparison is false except `!=`.
    let result = match ordering {
        Some(ordering) => op.matches(ordering),
        None => op == CompareOp::Ne,
    };
    Ok(crate::bool::bool_ref(result))
}

fn float_bool(_ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    Ok(float_value(object, "__bool__")? != 0.0)
}

/// The operand as a double: floats, and ints that convert (CPython's `CONVERT_TO_DOUBLE`).
fn to_double(object: &PyObject) -> Option<PyResult<f64>> {
    if let Some(value) = as_f64(object) {
        return Some(Ok(value));
    }
    let int = object.downcast_ref::<Int>()?;
    Some(match int.as_i64() {
        Some(small) => Ok(small as f64),
        None => num_traits::ToPrimitive::to_f64(&int.to_bigint())
            .filter(|value| value.is_finite())
            .ok_or_else(|| {
                PyErr::new(
                    crate::err::ExceptionKind::OverflowError,
                    "int too large to convert to float",
                )
            }),
    })
}

fn float_add(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(a), Some(b)) = (to_double(a), to_double(b)) else {
        return Ok(not_implemented());
    };
    Ok(new(ts, a? + b?))
}

pub static FLOAT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Float>("float", flags::BASETYPE, Some(&OBJECT_TYPE))
        .with_dealloc(float_dealloc)
        .with_slots(SlotTable {
            repr: Slot::new(float_repr),
            hash: Slot::new(float_hash),
            richcompare: Slot::new(float_richcompare),
            new: Slot::new(crate::float_ops::float_new),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            add: Slot::new(float_add),
            subtract: Slot::new(crate::float_ops::float_sub),
            multiply: Slot::new(crate::float_ops::float_mul),
            true_divide: Slot::new(crate::float_ops::float_truediv),
            floor_divide: Slot::new(crate::float_ops::float_floordiv),
            remainder: Slot::new(crate::float_ops::float_mod),
            divmod: Slot::new(crate::float_ops::float_divmod),
            power: Slot::new(crate::float_ops::float_pow),
            negative: Slot::new(crate::float_ops::float_neg),
            positive: Slot::new(crate::float_ops::float_pos),
            absolute: Slot::new(crate::float_ops::float_abs),
            int: Slot::new(crate::float_ops::float_int),
            float: Slot::new(crate::float_ops::float_float),
            bool: Slot::new(float_bool),
            ..NumberSlots::EMPTY
        }),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;

    /// Expected values from CPython 3.14 (`repr`, comparisons) and 64-bit `hash`.
    #[test]
    fn float_slots_match_cpython() {
        with_gil(|ts| {
            assert_eq!(repr_string(ts, &new(ts, 1e16)), "1e+16");
            assert_eq!(repr_string(ts, &new(ts, -0.0)), "-0.0");
            assert_eq!(repr_string(ts, &new(ts, f64::NAN)), "nan");
            assert_eq!(new(ts, 1.5).hash(ts).unwrap(), 1152921504606846977);
            assert_eq!(
                new(ts, 2.0).hash(ts).unwrap(),
                crate::int::new(ts, 2).hash(ts).unwrap()
            );
            let one = crate::int::new(ts, 1);
            // 1 == 1.0 (int's comparison defers to float's reflected one).
            assert!(
                one.rich_compare_bool(ts, &new(ts, 1.0), CompareOp::Eq)
                    .unwrap()
            );
            // 2**53 + 1 == float(2**53 + 1) is False; 2**53 + 1 > float(2**53) is True.
            let big = crate::int::new(ts, (1 << 53) + 1);
            let float_big = new(ts, ((1i64 << 53) + 1) as f64);
            assert!(
                !big.rich_compare_bool(ts, &float_big, CompareOp::Eq)
                    .unwrap()
            );
            assert!(
                big.rich_compare_bool(ts, &new(ts, (1i64 << 53) as f64), CompareOp::Gt)
                    .unwrap()
            );
            // 10**400 > 1e308; inf > 10**400.
            let huge = crate::int::from_bigint(ts, BigInt::from(10).pow(400));
            assert!(
                huge.rich_compare_bool(ts, &new(ts, 1e308), CompareOp::Gt)
                    .unwrap()
            );
            assert!(
                new(ts, f64::INFINITY)
                    .rich_compare_bool(ts, &huge, CompareOp::Gt)
                    .unwrap()
            );
            let nan = new(ts, f64::NAN);
            let other_nan = new(ts, f64::NAN);
            assert!(
                !nan.rich_compare_bool(ts, &other_nan, CompareOp::Eq)
                    .unwrap()
            );
            assert!(nan.rich_compare_bool(ts, &nan, CompareOp::Eq).unwrap()); // identity
            let sum = crate::abstract_api::add(ts, &one, &new(ts, 0.5)).unwrap();
            assert_eq!(repr_string(ts, &sum), "1.5");
        });
    }
}
