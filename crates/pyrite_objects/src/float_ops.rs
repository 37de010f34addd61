//! `float` arithmetic: the number slots of `float`, with ints converted exactly as
//! CPython's `CONVERT_TO_DOUBLE` does.
//!
//! CPython counterpart: `Objects/floatobject.c` (`float_sub`, `float_mul`, `float_div`,
//! `float_floor_div`, `float_rem`, `float_divmod`, `float_pow`, `float_neg`, `float_abs`,
//! `float_new`).

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::float::{as_f64, new};
use crate::int::Int;
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;

fn to_double(object: &PyObject) -> Option<PyResult<f64>> {
    if let Some(value) = as_f64(object) {
        return Some(Ok(value));
    }
    let int = object.downcast_ref::<Int>()?;
    Some(crate::int_ops::int_to_f64(int))
}

fn operands(a: &PyObject, b: &PyObject) -> Option<PyResult<(f64, f64)>> {
    let (x, y) = (to_double(a)?, to_double(b)?);
    Some(x.and_then(|x| y.map(|y| (x, y))))
}

fn zero_division() -> PyErr {
    PyErr::new(ExceptionKind::ZeroDivisionError, "division by zero")
}

pub(crate) fn float_sub(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    Ok(new(ts, x - y))
}

pub(crate) fn float_mul(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    Ok(new(ts, x * y))
}

pub(crate) fn float_truediv(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    if y == 0.0 {
        return Err(zero_division());
    }
    Ok(new(ts, x / y))
}

/// Python's `divmod` for doubles (CPython's `_float_div_mod`).
pub fn float_divmod_values(x: f64, y: f64) -> (f64, f64) {
    let mut modulo = x % y;
    let mut div = (x - modulo) / y;
    if modulo != 0.0 {
        if (y < 0.0) != (modulo < 0.0) {
            modulo += y;
            div -= 1.0;
        }
    } else {
        modulo = 0.0_f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut floordiv = div.floor();
        if div - floordiv > 0.5 {
            floordiv += 1.0;
        }
        floordiv
    } else {
        0.0_f64.copysign(x / y)
    };
    (floordiv, modulo)
}

pub(crate) fn float_floordiv(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    if y == 0.0 {
        return Err(zero_division());
    }
    Ok(new(ts, float_divmod_values(x, y).0))
}

pub(crate) fn float_mod(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    if y == 0.0 {
        return Err(zero_division());
    }
    Ok(new(ts, float_divmod_values(x, y).1))
}

pub(crate) fn float_divmod(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    if y == 0.0 {
        return Err(zero_division());
    }
    let (q, r) = float_divmod_values(x, y);
    Ok(crate::tuple::new(ts, vec![new(ts, q), new(ts, r)]).into_ref())
}

pub(crate) fn float_pow(ts: &ThreadState, a: &PyObject, b: &PyObject, _m: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let (x, y) = pair?;
    if x == 0.0 && y < 0.0 {
        return Err(PyErr::new(
            ExceptionKind::ZeroDivisionError,
            "zero to a negative power",
        ));
    }
    if x < 0.0 && y.fract() != 0.0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "complex numbers are not supported yet",
        ));
    }
    let result = x.powf(y);
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(new(ts, result))
}

fn value(object: &PyObject) -> PyResult<f64> {
    as_f64(object).ok_or_else(|| PyErr::type_error("expected a float"))
}

pub(crate) fn float_neg(ts: &ThreadState, a: &PyObject) -> PyResult {
    Ok(new(ts, -value(a)?))
}

pub(crate) fn float_pos(ts: &ThreadState, a: &PyObject) -> PyResult {
    Ok(new(ts, value(a)?))
}

pub(crate) fn float_abs(ts: &ThreadState, a: &PyObject) -> PyResult {
    Ok(new(ts, value(a)?.abs()))
}

pub(crate) fn float_int(ts: &ThreadState, a: &PyObject) -> PyResult {
    crate::int_ops::to_int(ts, a)
}

pub(crate) fn float_float(ts: &ThreadState, a: &PyObject) -> PyResult {
    Ok(new(ts, value(a)?))
}

/// `float(x)`.
pub fn to_float(ts: &ThreadState, object: &PyObject) -> PyResult {
    if object.is_exact_type(&crate::float::FLOAT_TYPE) {
        return Ok(object.new_ref());
    }
    if let Some(value) = to_double(object) {
        return Ok(new(ts, value?));
    }
    if let Some(text) = crate::str::as_str_payload(object) {
        let original = text.to_string_lossy();
        let cleaned = original.trim().replace('_', "");
        let lower = cleaned.to_ascii_lowercase();
        let parsed = match lower.trim_start_matches(['+', '-']) {
            "inf" | "infinity" => Some(if lower.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }),
            "nan" => Some(f64::NAN),
            _ if !cleaned.is_empty()
                && cleaned
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) =>
            {
                cleaned.parse::<f64>().ok()
            }
            _ => None,
        };
        return match parsed {
            Some(value) => Ok(new(ts, value)),
            None => Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "could not convert string to float: {}",
                    pyrite_ast::repr::text_repr(&original)
                ),
            )),
        };
    }
    if let Some(float) = object.ob_type().number.float.get() {
        return float(ts, object);
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        object.ob_type().name()
    )))
}

/// `float.__new__`.
pub(crate) fn float_new(
    ts: &ThreadState,
    _ty: &crate::typeobject::PyType,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    match args {
        [] => Ok(new(ts, 0.0)),
        [value] => to_float(ts, value),
        _ => Err(PyErr::type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}
