//! `int` arithmetic: the number slots of `int` (and `bool`, whose `&`, `|`, `^` keep
//! booleans), with a machine-word fast path and arbitrary precision beyond it.
//!
//! CPython counterpart: `Objects/longobject.c` (`long_add`, `long_sub`, `long_mul`,
//! `l_divmod`, `long_true_divide`, `long_pow`, `long_lshift`, `long_rshift`,
//! `long_bitwise`, `long_neg`, `long_abs`, `long_invert`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::int::{Int, from_bigint, new};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;

fn operands<'a>(a: &'a PyObject, b: &'a PyObject) -> Option<(&'a Int, &'a Int)> {
    Some((
        a.downcast_ref::<Int>()?.payload(),
        b.downcast_ref::<Int>()?.payload(),
    ))
}

fn zero_division() -> PyErr {
    PyErr::new(ExceptionKind::ZeroDivisionError, "division by zero")
}

macro_rules! arith {
    ($name:ident, $checked:ident, $op:tt) => {
        pub(crate) fn $name(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
            let Some((x, y)) = operands(a, b) else {
                return Ok(not_implemented());
            };
            if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64())
                && let Some(result) = x.$checked(y)
            {
                return Ok(new(ts, result));
            }
            Ok(from_bigint(ts, x.to_bigint() $op y.to_bigint()))
        }
    };
}

arith!(int_sub, checked_sub, -);
arith!(int_mul, checked_mul, *);

/// Floor division and modulo with Python's signs.
fn floor_divmod_big(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    x.div_mod_floor(y)
}

pub(crate) fn int_floordiv(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if y.is_zero() {
        return Err(zero_division());
    }
    if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64())
        && x.checked_div(y).is_some()
    {
        return Ok(new(ts, floor_div_i64(x, y)));
    }
    Ok(from_bigint(
        ts,
        floor_divmod_big(&x.to_bigint(), &y.to_bigint()).0,
    ))
}

fn floor_div_i64(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_mod_i64(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

pub(crate) fn int_mod(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if y.is_zero() {
        return Err(zero_division());
    }
    if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64())
        && x.checked_rem(y).is_some()
    {
        return Ok(new(ts, floor_mod_i64(x, y)));
    }
    Ok(from_bigint(
        ts,
        floor_divmod_big(&x.to_bigint(), &y.to_bigint()).1,
    ))
}

pub(crate) fn int_divmod(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if y.is_zero() {
        return Err(zero_division());
    }
    let (q, r) = floor_divmod_big(&x.to_bigint(), &y.to_bigint());
    Ok(crate::tuple::new(ts, vec![from_bigint(ts, q), from_bigint(ts, r)]).into_ref())
}

/// An int as a double, or `OverflowError`.
pub fn int_to_f64(value: &Int) -> PyResult<f64> {
    match value.as_i64() {
        Some(small) => Ok(small as f64),
        None => value
            .to_bigint()
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::OverflowError,
                    "int too large to convert to float",
                )
            }),
    }
}

pub(crate) fn int_truediv(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if y.is_zero() {
        return Err(zero_division());
    }
    if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64())
        && x.unsigned_abs() < (1 << 53)
        && y.unsigned_abs() < (1 << 53)
    {
        return Ok(crate::float::new(ts, x as f64 / y as f64));
    }
    Ok(crate::float::new(ts, int_to_f64(x)? / int_to_f64(y)?))
}

pub(crate) fn int_pow(ts: &ThreadState, a: &PyObject, b: &PyObject, modulo: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if !crate::singletons::is_none(modulo) {
        let Some(m) = modulo.downcast_ref::<Int>() else {
            return Ok(not_implemented());
        };
        if m.is_zero() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "pow() 3rd argument cannot be 0",
            ));
        }
        let exponent = y.to_bigint();
        if exponent.is_negative() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "base is not invertible for the given modulus",
            ));
        }
        let m = m.to_bigint();
        let mut result = x.to_bigint().modpow(&exponent, &m.abs());
        if m.is_negative() && !result.is_zero() {
            result += &m;
        }
        return Ok(from_bigint(ts, result));
    }
    let exponent = y.to_bigint();
    if exponent.is_negative() {
        let base = int_to_f64(x)?;
        if base == 0.0 {
            return Err(PyErr::new(
                ExceptionKind::ZeroDivisionError,
                "zero to a negative power",
            ));
        }
        let power = int_to_f64(y)?;
        return Ok(crate::float::new(ts, base.powf(power)));
    }
    if let (Some(base), Some(power)) = (x.as_i64(), exponent.to_u32())
        && let Some(result) = base.checked_pow(power)
    {
        return Ok(new(ts, result));
    }
    let Some(power) = exponent.to_u32() else {
        return Err(PyErr::new(ExceptionKind::MemoryError, ""));
    };
    Ok(from_bigint(ts, num_traits::Pow::pow(x.to_bigint(), power)))
}

pub(crate) fn int_lshift(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let shift = y.to_bigint();
    if shift.is_negative() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "negative shift count",
        ));
    }
    let Some(shift) = shift.to_usize() else {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "too many digits in integer",
        ));
    };
    Ok(from_bigint(ts, x.to_bigint() << shift))
}

pub(crate) fn int_rshift(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some((x, y)) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let shift = y.to_bigint();
    if shift.is_negative() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "negative shift count",
        ));
    }
    let value = x.to_bigint();
    let Some(shift) = shift.to_usize() else {
        return Ok(new(ts, if value.is_negative() { -1 } else { 0 }));
    };
    Ok(from_bigint(ts, value >> shift))
}

fn both_bools(a: &PyObject, b: &PyObject) -> Option<(bool, bool)> {
    Some((
        crate::bool::as_bool_singleton(a)?,
        crate::bool::as_bool_singleton(b)?,
    ))
}

macro_rules! bitwise {
    ($name:ident, $op:tt) => {
        pub(crate) fn $name(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
            if let Some((x, y)) = both_bools(a, b) {
                return Ok(crate::bool::bool_ref(x $op y));
            }
            let Some((x, y)) = operands(a, b) else {
                return Ok(not_implemented());
            };
            if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64()) {
                return Ok(new(ts, x $op y));
            }
            Ok(from_bigint(ts, x.to_bigint() $op y.to_bigint()))
        }
    };
}

bitwise!(int_and, &);
bitwise!(int_or, |);
bitwise!(int_xor, ^);

fn int_of(object: &PyObject) -> PyResult<&Int> {
    object
        .downcast_ref::<Int>()
        .map(|int| int.payload())
        .ok_or_else(|| PyErr::type_error("expected an int"))
}

pub(crate) fn int_neg(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = int_of(a)?;
    if let Some(value) = x.as_i64().and_then(i64::checked_neg) {
        return Ok(new(ts, value));
    }
    Ok(from_bigint(ts, -x.to_bigint()))
}

pub(crate) fn int_pos(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = int_of(a)?;
    Ok(from_bigint(ts, x.to_bigint()))
}

pub(crate) fn int_abs(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = int_of(a)?;
    if let Some(value) = x.as_i64().and_then(i64::checked_abs) {
        return Ok(new(ts, value));
    }
    Ok(from_bigint(ts, x.to_bigint().abs()))
}

pub(crate) fn int_invert(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = int_of(a)?;
    if let Some(value) = x.as_i64() {
        return Ok(new(ts, !value));
    }
    Ok(from_bigint(ts, -x.to_bigint() - 1))
}

pub(crate) fn int_float(ts: &ThreadState, a: &PyObject) -> PyResult {
    Ok(crate::float::new(ts, int_to_f64(int_of(a)?)?))
}

/// `int.__new__`: `int()`, `int(x)`, `int(text, base)`.
pub(crate) fn int_new(
    ts: &ThreadState,
    ty: &crate::typeobject::PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let keywords = kwnames.map_or(0, |names| crate::tuple::items(names).len());
    let args = &args[..args.len() - keywords];
    let value = match args {
        [] => new(ts, 0),
        [value] => to_int(ts, value)?,
        [text, base] => {
            let base = crate::int::as_i64(base).ok_or_else(|| {
                PyErr::type_error("'str' object cannot be interpreted as an integer")
            })?;
            parse_int(ts, text, base as u32)?
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "int() takes at most 2 arguments ({} given)",
                args.len()
            )));
        }
    };
    if std::ptr::eq(ty, &*crate::int::INT_TYPE) {
        return Ok(value);
    }
    let payload = Int::from_bigint(int_of(&value)?.to_bigint());
    crate::object::Py::new_with_type(ts, ty, payload)
        .map(crate::object::Py::into_ref)
        .ok_or_else(|| PyErr::type_error("int.__new__: bad subtype"))
}

/// `int(x)` for one argument.
pub fn to_int(ts: &ThreadState, value: &PyObject) -> PyResult {
    if value.is_exact_type(&crate::int::INT_TYPE) {
        return Ok(value.new_ref());
    }
    if let Some(int) = value.downcast_ref::<Int>() {
        return Ok(from_bigint(ts, int.to_bigint()));
    }
    if let Some(float) = crate::float::as_f64(value) {
        if float.is_nan() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "cannot convert float NaN to integer",
            ));
        }
        if float.is_infinite() {
            return Err(PyErr::new(
                ExceptionKind::OverflowError,
                "cannot convert float infinity to integer",
            ));
        }
        let truncated = float.trunc();
        if truncated.abs() < 9.0e18 {
            return Ok(new(ts, truncated as i64));
        }
        return Ok(from_bigint(
            ts,
            num_bigint::BigInt::from_f64_exact(truncated),
        ));
    }
    if value.payload_is::<crate::str::Str>() {
        return parse_int(ts, value, 10);
    }
    if let Some(int) = value.ob_type().number.int.get() {
        return int(ts, value);
    }
    if let Some(index) = value.ob_type().number.index.get() {
        return index(ts, value);
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        value.ob_type().name()
    )))
}

trait FromF64Exact {
    fn from_f64_exact(value: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(value: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(value).unwrap_or_default()
    }
}

/// `int(text, base)`.
pub fn parse_int(ts: &ThreadState, text: &PyObject, base: u32) -> PyResult {
    let original = crate::str::to_rust_string(text);
    let invalid = || {
        PyErr::new(
            ExceptionKind::ValueError,
            format!(
                "invalid literal for int() with base {base}: {}",
                pyrite_ast::repr::text_repr(&original)
            ),
        )
    };
    let trimmed = original.trim();
    let (negative, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let mut base = base;
    let mut digits = digits.to_owned();
    let lower = digits.to_ascii_lowercase();
    for (prefix, prefix_base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == prefix_base || base == 0) && lower.starts_with(prefix) {
            digits = digits[2..].to_owned();
            base = prefix_base;
        }
    }
    if base == 0 {
        base = 10;
    }
    let digits = digits.replace('_', "");
    if digits.is_empty() || !(2..=36).contains(&base) {
        return Err(invalid());
    }
    let value = BigInt::parse_bytes(digits.as_bytes(), base).ok_or_else(invalid)?;
    Ok(from_bigint(ts, if negative { -value } else { value }))
}
