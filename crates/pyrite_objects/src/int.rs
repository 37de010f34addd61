//! `int`: arbitrary-precision integers, with a machine-word fast path.
//!
//! CPython counterpart: `Objects/longobject.c`. Values that fit in an `i64` are stored
//! inline (the common case, no heap digits); others as a `BigInt`. The representation is
//! canonical: `Big` only holds values outside `i64`. The small ints `-5..=256` are
//! immortal statics, as CPython's `_PyLong_SMALL_INTS`: `new` returns them without
//! allocating.

use std::cmp::Ordering;
use std::mem::MaybeUninit;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

/// The smallest nonzero limit `sys.set_int_max_str_digits` accepts
/// (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

static MAX_STR_DIGITS_LIMIT: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`: the current limit, 0 for none.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS_LIMIT.load(std::sync::atomic::Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(maxdigits)`.
pub fn set_max_str_digits(limit: usize) -> PyResult<()> {
    if limit != 0 && limit < MAX_STR_DIGITS_THRESHOLD {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("maxdigits must be >= {MAX_STR_DIGITS_THRESHOLD} or 0"),
        ));
    }
    MAX_STR_DIGITS_LIMIT.store(limit, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}

const SMALL_MIN: i64 = -5;
const SMALL_MAX: i64 = 256;
const SMALL_COUNT: usize = (SMALL_MAX - SMALL_MIN + 1) as usize;

/// The payload of `int` (and `bool`) objects.
pub struct Int(IntRepr);

enum IntRepr {
    Small(i64),
    Big(BigInt),
}

impl Int {
    pub const fn from_i64(value: i64) -> Int {
        Int(IntRepr::Small(value))
    }

    /// The canonical form of `value` (inline when it fits in an `i64`).
    pub fn from_bigint(value: BigInt) -> Int {
        match value.to_i64() {
            Some(small) => Int(IntRepr::Small(small)),
            None => Int(IntRepr::Big(value)),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match &self.0 {
            IntRepr::Small(value) => Some(*value),
            IntRepr::Big(_) => None,
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match &self.0 {
            IntRepr::Small(value) => BigInt::from(*value),
            IntRepr::Big(value) => value.clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, IntRepr::Small(0))
    }

    pub fn cmp_value(&self, other: &Int) -> Ordering {
        match (&self.0, &other.0) {
            (IntRepr::Small(a), IntRepr::Small(b)) => a.cmp(b),
            _ => self.to_bigint().cmp(&other.to_bigint()),
        }
    }

    pub fn hash_value(&self) -> isize {
        match &self.0 {
            IntRepr::Small(value) => crate::pyhash::hash_i64(*value),
            IntRepr::Big(value) => crate::pyhash::hash_bigint(value),
        }
    }

    /// The decimal digits; `ValueError` past `MAX_STR_DIGITS` as CPython.
    pub fn to_decimal_string(&self) -> PyResult<String> {
        match &self.0 {
            IntRepr::Small(value) => Ok(value.to_string()),
            IntRepr::Big(value) => {
                let text = pyrite_ast::repr::int_repr(value);
                let digits = text.len() - usize::from(text.starts_with('-'));
                let limit = max_str_digits();
                if limit != 0 && digits > limit {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        format!(
                            "Exceeds the limit ({limit} digits) for integer string \
                             conversion; use sys.set_int_max_str_digits() to increase the limit"
                        ),
                    ));
                }
                Ok(text)
            }
        }
    }
}

// SAFETY: an `Int` is immutable.
unsafe impl crate::object::StaticPayload for Int {}

impl PyPayload for Int {
    fn static_type() -> &'static PyType {
        &INT_TYPE
    }
}

static SMALL_INTS: [StaticObject<Int>; SMALL_COUNT] = small_ints();

const fn small_ints() -> [StaticObject<Int>; SMALL_COUNT] {
    let mut table = [const { MaybeUninit::<StaticObject<Int>>::uninit() }; SMALL_COUNT];
    let mut index = 0;
    while index < SMALL_COUNT {
        table[index] = MaybeUninit::new(StaticObject::new(
            &INT_TYPE,
            Int::from_i64(SMALL_MIN + index as i64),
        ));
        index += 1;
    }
    // SAFETY: the loop initialized every element; `MaybeUninit<T>` has `T`'s layout.
    unsafe {
        std::mem::transmute::<
            [MaybeUninit<StaticObject<Int>>; SMALL_COUNT],
            [StaticObject<Int>; SMALL_COUNT],
        >(table)
    }
}

/// An `int` object (a shared immortal one for `-5..=256`).
pub fn new(ts: &ThreadState, value: i64) -> PyRef {
    if (SMALL_MIN..=SMALL_MAX).contains(&value) {
        return SMALL_INTS[(value - SMALL_MIN) as usize].to_ref();
    }
    Py::new(ts, Int::from_i64(value)).into_ref()
}

/// An `int` object of any size.
pub fn from_bigint(ts: &ThreadState, value: BigInt) -> PyRef {
    let value = Int::from_bigint(value);
    match value.as_i64() {
        Some(small) => new(ts, small),
        None => Py::new(ts, value).into_ref(),
    }
}

/// The value of an `int` (or `bool`) object that fits in an `i64`.
/// An exact `int` equal to `value` (an int or an instance of a subclass; CPython's
/// `_PyLong_Copy`).
pub fn exact_copy(ts: &ThreadState, value: &PyObject) -> PyRef {
    if value.is_exact_type(&INT_TYPE) {
        return value.new_ref();
    }
    match value.downcast_ref::<Int>() {
        Some(int) => match int.as_i64() {
            Some(small) => new(ts, small),
            None => from_bigint(ts, int.to_bigint()),
        },
        None => value.new_ref(),
    }
}

/// The deprecation warning for `__index__`/`__int__` (`method`) returning an instance
/// of a strict subclass of `int`, then the value as an exact `int`.
pub(crate) fn exact_result(ts: &ThreadState, method: &str, result: PyRef) -> PyResult {
    if result.is_exact_type(&INT_TYPE) {
        return Ok(result);
    }
    crate::warnings::warn(
        ts,
        crate::err::ExceptionKind::DeprecationWarning,
        &format!(
            "{method} returned non-int (type {}).  The ability to return an instance of a \
             strict subclass of int is deprecated, and may be removed in a future version \
             of Python.",
            result.ob_type().name()
        ),
        1,
    )?;
    Ok(exact_copy(ts, &result))
}

pub fn as_i64(object: &PyObject) -> Option<i64> {
    object.downcast_ref::<Int>().and_then(|int| int.as_i64())
}

fn int_payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a Int> {
    object
        .downcast_ref::<Int>()
        .map(|int| int.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' requires a 'int' object but received a '{}'",
                object.ob_type().name()
            ))
        })
}

fn int_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = int_payload(object, "__repr__")?.to_decimal_string()?;
    Ok(crate::str::new(ts, &text).into_ref())
}

fn int_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    Ok(int_payload(object, "__hash__")?.hash_value())
}

fn int_richcompare(_ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(a), Some(b)) = (a.downcast_ref::<Int>(), b.downcast_ref::<Int>()) else {
        return Ok(not_implemented());
    };
    Ok(crate::bool::bool_ref(op.matches(a.cmp_value(b))))
}

fn int_bool(_ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    Ok(!int_payload(object, "__bool__")?.is_zero())
}

/// `__index__`: the int itself (an exact `int` for subclasses such as `bool`).
fn int_index(ts: &ThreadState, object: &PyObject) -> PyResult {
    if object.is_exact_type(&INT_TYPE) {
        return Ok(object.new_ref());
    }
    let value = int_payload(object, "__index__")?;
    Ok(match value.as_i64() {
        Some(small) => new(ts, small),
        None => from_bigint(ts, value.to_bigint()),
    })
}

fn int_add(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(a), Some(b)) = (a.downcast_ref::<Int>(), b.downcast_ref::<Int>()) else {
        return Ok(not_implemented());
    };
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64())
        && let Some(sum) = x.checked_add(y)
    {
        return Ok(new(ts, sum));
    }
    Ok(from_bigint(ts, a.to_bigint() + b.to_bigint()))
}

/// `int`'s `tp_*` slots (the template `bool` completes).
pub const fn int_slots() -> SlotTable {
    SlotTable {
        repr: Slot::new(int_repr),
        hash: Slot::new(int_hash),
        richcompare: Slot::new(int_richcompare),
        new: Slot::new(crate::int_ops::int_new),
        ..crate::typeobject::object_slots()
    }
}

/// `int`'s `nb_*` slots.
pub const fn int_number_slots() -> NumberSlots {
    use crate::int_ops as ops;
    NumberSlots {
        add: Slot::new(int_add),
        subtract: Slot::new(ops::int_sub),
        multiply: Slot::new(ops::int_mul),
        remainder: Slot::new(ops::int_mod),
        divmod: Slot::new(ops::int_divmod),
        power: Slot::new(ops::int_pow),
        negative: Slot::new(ops::int_neg),
        positive: Slot::new(ops::int_pos),
        absolute: Slot::new(ops::int_abs),
        invert: Slot::new(ops::int_invert),
        lshift: Slot::new(ops::int_lshift),
        rshift: Slot::new(ops::int_rshift),
        and: Slot::new(ops::int_and),
        xor: Slot::new(ops::int_xor),
        or: Slot::new(ops::int_or),
        float: Slot::new(ops::int_float),
        floor_divide: Slot::new(ops::int_floordiv),
        true_divide: Slot::new(ops::int_truediv),
        bool: Slot::new(int_bool),
        index: Slot::new(int_index),
        int: Slot::new(int_index),
        ..NumberSlots::EMPTY
    }
}

pub static INT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Int>(
        "int",
        flags::BASETYPE | flags::LONG_SUBCLASS,
        Some(&OBJECT_TYPE),
    )
    .with_slots(int_slots())
    .with_number(int_number_slots()),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;

    #[test]
    fn small_ints_are_shared_immortals() {
        with_gil(|ts| {
            let a = new(ts, 256);
            let b = new(ts, 256);
            assert!(a.is(&b));
            assert!(a.is_immortal());
            assert!(new(ts, -5).is(&new(ts, -5)));
            let c = new(ts, 257);
            let d = new(ts, 257);
            assert!(!c.is(&d));
            assert_eq!(c.refcnt(), 1);
            assert_eq!(as_i64(&new(ts, -6)), Some(-6));
            assert!(!crate::gc::is_tracked(&c));
        });
    }

    /// Expected values from CPython (`repr`, `hash` on 64-bit, comparisons).
    #[test]
    fn int_slots_work_end_to_end() {
        with_gil(|ts| {
            let big: BigInt = "1267650600228229401496703205376".parse().unwrap();
            let big = from_bigint(ts, big);
            assert_eq!(repr_string(ts, &big), "1267650600228229401496703205376");
            assert_eq!(big.hash(ts).unwrap(), 549755813888);
            assert_eq!(new(ts, -1).hash(ts).unwrap(), -2);
            let two_61: BigInt = BigInt::from(1u64 << 61);
            assert_eq!(from_bigint(ts, two_61).hash(ts).unwrap(), 1);
            assert!(
                new(ts, 3)
                    .rich_compare_bool(ts, &big, CompareOp::Lt)
                    .unwrap()
            );
            assert!(!new(ts, 0).is_true(ts).unwrap());
            let sum = crate::abstract_api::add(ts, &new(ts, i64::MAX), &new(ts, 1)).unwrap();
            assert_eq!(repr_string(ts, &sum), "9223372036854775808");
            let huge = from_bigint(ts, BigInt::from(10).pow(4300));
            let err = huge.repr(ts).unwrap_err();
            assert!(err.is(ExceptionKind::ValueError));
            assert_eq!(
                err.message(),
                Some(
                    "Exceeds the limit (4300 digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit"
                )
            );
        });
    }
}
