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

pub(crate) fn float_pow(ts: &ThreadState, a: &PyObject, b: &PyObject, m: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if !crate::singletons::is_none(m) {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let (x, y) = pair?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(PyErr::new(
            ExceptionKind::ZeroDivisionError,
            "zero to a negative power",
        ));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // A negative base to a fractional power is complex.
        let base = crate::complex::new(ts, x, 0.0);
        let exponent = crate::complex::new(ts, y, 0.0);
        return crate::complex::complex_pow(ts, &base, &exponent, &crate::singletons::none());
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
        return match parse_float_text(&original) {
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
    if let Some(data) = crate::bytes::bytes_like(object) {
        let latin1: String = data.iter().map(|&byte| char::from(byte)).collect();
        return match parse_float_text(&latin1) {
            Some(value) => Ok(new(ts, value)),
            None => {
                let shown = object.repr(ts)?;
                let shown = crate::str::as_str_payload(&shown)
                    .map(|text| text.to_string_lossy())
                    .unwrap_or_default();
                Err(PyErr::new(
                    ExceptionKind::ValueError,
                    format!("could not convert string to float: {shown}"),
                ))
            }
        };
    }
    if let Some(float) = object.ob_type().number.float.get() {
        let result = float(ts, object)?;
        let Some(value) = as_f64(&result) else {
            return Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                object.ob_type().name(),
                result.ob_type().name()
            )));
        };
        if result.is_exact_type(&crate::float::FLOAT_TYPE) {
            return Ok(result);
        }
        crate::warnings::warn(
            ts,
            ExceptionKind::DeprecationWarning,
            &format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an \
                 instance of a strict subclass of float is deprecated, and may be removed \
                 in a future version of Python.",
                object.ob_type().name(),
                result.ob_type().name()
            ),
            1,
        )?;
        return Ok(crate::float::new(ts, value));
    }
    if object.ob_type().number.index.get().is_some() {
        let index = crate::abstract_api::index(ts, object)?;
        if let Some(value) = to_double(&index) {
            return Ok(new(ts, value?));
        }
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        object.ob_type().name()
    )))
}

/// `float(text)`: a decimal literal with single underscores between digits, or `inf`,
/// `infinity`, `nan` in any case, with a sign and surrounding whitespace (CPython's
/// `_Py_string_to_number_with_underscores` and `_Py_parse_inf_or_nan`).
pub fn parse_float_text(original: &str) -> Option<f64> {
    let converted = crate::int_ops::ascii_digits_and_spaces(original);
    let text = converted
        .trim_matches(|c: char| c.is_ascii_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c));
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let special = match unsigned.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    let bytes = unsigned.as_bytes();
    let mut cleaned = String::with_capacity(bytes.len());
    for (position, &byte) in bytes.iter().enumerate() {
        match byte {
            b'0'..=b'9' | b'.' | b'e' | b'E' => cleaned.push(byte as char),
            b'+' | b'-' if position > 0 && matches!(bytes[position - 1], b'e' | b'E') => {
                cleaned.push(byte as char);
            }
            b'_' if position > 0
                && bytes[position - 1].is_ascii_digit()
                && bytes.get(position + 1).is_some_and(u8::is_ascii_digit) => {}
            _ => return None,
        }
    }
    if !cleaned.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: f64 = cleaned.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// `float.__new__`.
pub(crate) fn float_new(
    ts: &ThreadState,
    ty: &crate::typeobject::PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("float() takes no keyword arguments"));
    }
    let value = match args {
        [] => new(ts, 0.0),
        [value] => to_float(ts, value)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "float expected at most 1 argument, got {}",
                args.len()
            )));
        }
    };
    if std::ptr::eq(ty, &*crate::float::FLOAT_TYPE) {
        return Ok(value);
    }
    let payload = crate::float::Float(as_f64(&value).unwrap_or(0.0));
    crate::object::Py::new_with_type(ts, ty, payload)
        .map(crate::object::Py::into_ref)
        .ok_or_else(|| PyErr::type_error("float.__new__: bad subtype"))
}
