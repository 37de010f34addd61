//! `complex`: pairs of doubles, with C99 Annex G style mixed-mode arithmetic.
//!
//! CPython counterpart: `Objects/complexobject.c` (`complex_repr`, `complex_hash`,
//! `complex_richcompare`, `_Py_c_quot`, `_Py_c_pow`, `complex_new`, the string parser
//! `complex_subtype_from_string`) and `format_complex_internal` of
//! `Python/formatter_unicode.c`.

use crate::descr::{add_getsets, add_methods};
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::float::as_f64;
use crate::int::Int;
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `complex` objects.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub real: f64,
    pub imag: f64,
}

// SAFETY: a `Complex` is immutable.
unsafe impl crate::object::StaticPayload for Complex {}

impl PyPayload for Complex {
    fn static_type() -> &'static PyType {
        &COMPLEX_TYPE
    }
}

pub fn new(ts: &ThreadState, real: f64, imag: f64) -> PyRef {
    Py::new(ts, Complex { real, imag }).into_ref()
}

pub fn as_complex(object: &PyObject) -> Option<Complex> {
    object.downcast_ref::<Complex>().map(|c| *c.payload())
}

/// An operand of mixed arithmetic: a complex, or a real (int or float) kept apart so that
/// its missing imaginary part does not add signed zeros (3.14's mixed-mode rules).
#[derive(Clone, Copy)]
enum Operand {
    Complex(Complex),
    Real(f64),
}

fn operand(object: &PyObject) -> Option<PyResult<Operand>> {
    if let Some(value) = as_complex(object) {
        return Some(Ok(Operand::Complex(value)));
    }
    if let Some(value) = as_f64(object) {
        return Some(Ok(Operand::Real(value)));
    }
    let int = object.downcast_ref::<Int>()?;
    Some(crate::int_ops::int_to_f64(int).map(Operand::Real))
}

fn operands(a: &PyObject, b: &PyObject) -> Option<PyResult<(Operand, Operand)>> {
    let (x, y) = (operand(a)?, operand(b)?);
    Some(x.and_then(|x| y.map(|y| (x, y))))
}

impl Operand {
    fn full(self) -> Complex {
        match self {
            Operand::Complex(value) => value,
            Operand::Real(real) => Complex { real, imag: 0.0 },
        }
    }
}

fn c(real: f64, imag: f64) -> Complex {
    Complex { real, imag }
}

fn product(a: Complex, b: Complex) -> Complex {
    c(
        a.real * b.real - a.imag * b.imag,
        a.real * b.imag + a.imag * b.real,
    )
}

/// `a / b` by Smith's method, recovering infinities and zeros as C99 Annex G
/// (CPython's `_Py_c_quot`); `None` when `b` is zero.
fn quotient(a: Complex, b: Complex) -> Option<Complex> {
    let abs_real = b.real.abs();
    let abs_imag = b.imag.abs();
    let mut result = if abs_real >= abs_imag {
        if abs_real == 0.0 {
            return None;
        }
        let ratio = b.imag / b.real;
        let denominator = b.real + b.imag * ratio;
        c(
            (a.real + a.imag * ratio) / denominator,
            (a.imag - a.real * ratio) / denominator,
        )
    } else if abs_imag >= abs_real {
        let ratio = b.real / b.imag;
        let denominator = b.real * ratio + b.imag;
        c(
            (a.real * ratio + a.imag) / denominator,
            (a.imag * ratio - a.real) / denominator,
        )
    } else {
        c(f64::NAN, f64::NAN)
    };
    if result.real.is_nan() && result.imag.is_nan() {
        let (x, y) = (a.real, a.imag);
        let (u, v) = (b.real, b.imag);
        if (x.is_infinite() || y.is_infinite()) && u.is_finite() && v.is_finite() {
            let x = 1f64.copysign(x) * f64::from(u8::from(x.is_infinite()));
            let y = 1f64.copysign(y) * f64::from(u8::from(y.is_infinite()));
            result = c(
                f64::INFINITY * (x * u + y * v),
                f64::INFINITY * (y * u - x * v),
            );
        } else if (u.is_infinite() || v.is_infinite()) && x.is_finite() && y.is_finite() {
            let u = 1f64.copysign(u) * f64::from(u8::from(u.is_infinite()));
            let v = 1f64.copysign(v) * f64::from(u8::from(v.is_infinite()));
            result = c(0.0 * (x * u + y * v), 0.0 * (y * u - x * v));
        }
    }
    Some(result)
}

fn zero_division() -> PyErr {
    PyErr::new(ExceptionKind::ZeroDivisionError, "division by zero")
}

fn result(ts: &ThreadState, value: Complex) -> PyResult {
    Ok(new(ts, value.real, value.imag))
}

fn complex_add(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    result(
        ts,
        match pair? {
            (Operand::Complex(x), Operand::Complex(y)) => c(x.real + y.real, x.imag + y.imag),
            (Operand::Complex(x), Operand::Real(r)) | (Operand::Real(r), Operand::Complex(x)) => {
                c(x.real + r, x.imag)
            }
            (Operand::Real(x), Operand::Real(y)) => c(x + y, 0.0),
        },
    )
}

fn complex_sub(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    result(
        ts,
        match pair? {
            (Operand::Complex(x), Operand::Complex(y)) => c(x.real - y.real, x.imag - y.imag),
            (Operand::Complex(x), Operand::Real(r)) => c(x.real - r, x.imag),
            (Operand::Real(r), Operand::Complex(y)) => c(r - y.real, -y.imag),
            (Operand::Real(x), Operand::Real(y)) => c(x - y, 0.0),
        },
    )
}

fn complex_mul(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    result(
        ts,
        match pair? {
            (Operand::Complex(x), Operand::Complex(y)) => product(x, y),
            (Operand::Complex(x), Operand::Real(r)) | (Operand::Real(r), Operand::Complex(x)) => {
                c(x.real * r, x.imag * r)
            }
            (Operand::Real(x), Operand::Real(y)) => c(x * y, 0.0),
        },
    )
}

fn complex_truediv(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    let value = match pair? {
        (Operand::Complex(x), Operand::Real(r)) => {
            if r == 0.0 {
                return Err(zero_division());
            }
            c(x.real / r, x.imag / r)
        }
        (x, y) => quotient(x.full(), y.full()).ok_or_else(zero_division)?,
    };
    result(ts, value)
}

/// `x ** n` for a small integer `n` by repeated squaring (CPython's `c_powi`).
fn power_int(x: Complex, n: i64) -> Option<Complex> {
    let mut exponent = n.unsigned_abs();
    let mut accumulator = c(1.0, 0.0);
    let mut base = x;
    while exponent > 0 {
        if exponent & 1 == 1 {
            accumulator = product(accumulator, base);
        }
        base = product(base, base);
        exponent >>= 1;
    }
    if n < 0 {
        quotient(c(1.0, 0.0), accumulator)
    } else {
        Some(accumulator)
    }
}

/// `a ** b`; `Err(true)` for zero to a negative or complex power.
fn power(a: Complex, b: Complex) -> Result<Complex, bool> {
    if b.real == 0.0 && b.imag == 0.0 {
        return Ok(c(1.0, 0.0));
    }
    if a.real == 0.0 && a.imag == 0.0 {
        if b.imag != 0.0 || b.real < 0.0 {
            return Err(true);
        }
        return Ok(c(0.0, 0.0));
    }
    let magnitude = a.real.hypot(a.imag);
    let mut length = magnitude.powf(b.real);
    let angle = a.imag.atan2(a.real);
    let mut phase = angle * b.real;
    if b.imag != 0.0 {
        length /= (angle * b.imag).exp();
        phase += b.imag * magnitude.ln();
    }
    Ok(c(length * phase.cos(), length * phase.sin()))
}

pub(crate) fn complex_pow(
    ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    modulo: &PyObject,
) -> PyResult {
    let Some(pair) = operands(a, b) else {
        return Ok(not_implemented());
    };
    if !crate::singletons::is_none(modulo) {
        return Err(PyErr::new(ExceptionKind::ValueError, "complex modulo"));
    }
    let (x, y) = pair?;
    let (x, y) = (x.full(), y.full());
    let value = if y.imag == 0.0 && y.real == y.real.floor() && y.real.abs() <= 100.0 {
        match power_int(x, y.real as i64) {
            Some(value) => value,
            None => {
                return Err(PyErr::new(
                    ExceptionKind::ZeroDivisionError,
                    "zero to a negative or complex power",
                ));
            }
        }
    } else {
        power(x, y).map_err(|_| {
            PyErr::new(
                ExceptionKind::ZeroDivisionError,
                "zero to a negative or complex power",
            )
        })?
    };
    if (value.real.is_infinite() || value.imag.is_infinite())
        && x.real.is_finite()
        && x.imag.is_finite()
        && y.real.is_finite()
        && y.imag.is_finite()
    {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "complex exponentiation",
        ));
    }
    result(ts, value)
}

fn payload(object: &PyObject, method: &str) -> PyResult<Complex> {
    as_complex(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' requires a 'complex' object but received a '{}'",
            object.ob_type().name()
        ))
    })
}

fn complex_neg(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = payload(a, "__neg__")?;
    result(ts, c(-x.real, -x.imag))
}

fn complex_pos(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = payload(a, "__pos__")?;
    result(ts, x)
}

fn complex_abs(ts: &ThreadState, a: &PyObject) -> PyResult {
    let x = payload(a, "__abs__")?;
    let magnitude = if x.real.is_infinite() || x.imag.is_infinite() {
        f64::INFINITY
    } else {
        x.real.hypot(x.imag)
    };
    if magnitude.is_infinite() && x.real.is_finite() && x.imag.is_finite() {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "absolute value too large",
        ));
    }
    Ok(crate::float::new(ts, magnitude))
}

fn complex_bool(_ts: &ThreadState, a: &PyObject) -> PyResult<bool> {
    let x = payload(a, "__bool__")?;
    Ok(x.real != 0.0 || x.imag != 0.0)
}

/// The text of `repr(complex)`.
pub fn repr_text(value: Complex) -> String {
    use crate::formatter::complex_part_repr;
    let imag_sign = if value.imag.is_sign_negative() && !value.imag.is_nan() {
        "-"
    } else {
        "+"
    };
    let imag = complex_part_repr(value.imag.abs());
    if value.real == 0.0 && value.real.is_sign_positive() {
        let sign = if imag_sign == "-" { "-" } else { "" };
        return format!("{sign}{imag}j");
    }
    let real = if value.real.is_nan() {
        "nan".to_owned()
    } else {
        complex_part_repr(value.real)
    };
    format!("({real}{imag_sign}{imag}j)")
}

fn complex_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let value = payload(object, "__repr__")?;
    Ok(crate::str::new(ts, &repr_text(value)).into_ref())
}

fn complex_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let value = payload(object, "__hash__")?;
    let part =
        |x: f64| crate::pyhash::hash_f64(x).unwrap_or_else(|| crate::pyhash::hash_pointer(object));
    let combined = (part(value.real) as usize)
        .wrapping_add((part(value.imag) as usize).wrapping_mul(1_000_003))
        as isize;
    Ok(if combined == -1 { -2 } else { combined })
}

fn complex_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let Some(x) = as_complex(a) else {
        return Ok(not_implemented());
    };
    let equal = if let Some(int) = b.downcast_ref::<Int>() {
        x.imag == 0.0
            && crate::float::compare_with_int(x.real, int) == Some(std::cmp::Ordering::Equal)
    } else if let Some(real) = as_f64(b) {
        x.imag == 0.0 && x.real == real
    } else if let Some(y) = as_complex(b) {
        x.real == y.real && x.imag == y.imag
    } else {
        return Ok(not_implemented());
    };
    let _ = ts;
    Ok(crate::bool::bool_ref(equal == (op == CompareOp::Eq)))
}

/// `format(complex, spec)`; `None` when `value` is not a complex.
pub fn format_complex(value: &PyObject, spec: &str) -> PyResult<Option<String>> {
    let Some(x) = as_complex(value) else {
        return Ok(None);
    };
    crate::formatter::format_complex_parts(x.real, x.imag, spec).map(Some)
}

fn malformed() -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        "complex() arg is a malformed string",
    )
}

/// Parses a float at the start of `text` (digits with single underscores between them,
/// a point, an exponent, or `inf`/`infinity`/`nan`); returns it and the bytes used.
fn leading_float(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let lower = text[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            let negative = bytes.first() == Some(&b'-');
            let value = if word == "nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            return Some((if negative { -value } else { value }, i + word.len()));
        }
    }
    let digits = |i: &mut usize| {
        let begin = *i;
        // Underscores were checked and removed before.
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > begin
    };
    let whole = digits(&mut i);
    let mut fraction = false;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        fraction = digits(&mut i);
    }
    if !whole && !fraction {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(bytes.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) {
            i = j;
        }
    }
    text[..i].parse::<f64>().ok().map(|value| (value, i))
}

/// `complex(text)` (CPython's `complex_from_string_inner`).
pub fn parse_complex(original: &str) -> PyResult<Complex> {
    let text: String = original
        .chars()
        .map(|ch| {
            if ch.is_whitespace() {
                ' '
            } else if let Some(digit) = crate::int_ops::unicode_decimal(ch) {
                char::from(b'0' + digit)
            } else {
                ch
            }
        })
        .collect();
    let text = if text.contains('_') {
        let bytes = text.as_bytes();
        let valid = bytes.iter().enumerate().all(|(i, &b)| {
            b != b'_'
                || (i > 0
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        });
        if !valid {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "could not convert string to complex: {}",
                    pyrite_ast::repr::text_repr(original)
                ),
            ));
        }
        text.replace('_', "")
    } else {
        text
    };
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')').ok_or_else(malformed)?.trim();
    }
    if s.is_empty() {
        return Err(malformed());
    }
    let is_j = |rest: &str| rest == "j" || rest == "J";
    let sign_only = |part: &str| match part {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => None,
    };
    // `j`, `+j`, `-j`.
    if let Some(stripped) = s.strip_suffix(['j', 'J'])
        && let Some(unit) = sign_only(stripped)
    {
        return Ok(c(0.0, unit));
    }
    let (first, used) = leading_float(s).ok_or_else(malformed)?;
    let rest = &s[used..];
    if rest.is_empty() {
        return Ok(c(first, 0.0));
    }
    if is_j(rest) {
        return Ok(c(0.0, first));
    }
    if !rest.starts_with(['+', '-']) {
        return Err(malformed());
    }
    if let Some(stripped) = rest.strip_suffix(['j', 'J'])
        && let Some(unit) = sign_only(stripped)
    {
        return Ok(c(first, unit));
    }
    let (second, used) = leading_float(rest).ok_or_else(malformed)?;
    if is_j(&rest[used..]) {
        return Ok(c(first, second));
    }
    Err(malformed())
}

/// A real operand of `complex(real, imag)` as a complex (via `__complex__`, `__float__` or
/// `__index__`).
fn deprecation(ts: &ThreadState, message: &str) -> PyResult<()> {
    crate::warnings::warn(
        ts,
        crate::err::ExceptionKind::DeprecationWarning,
        message,
        1,
    )
}

fn to_complex_number(ts: &ThreadState, object: &PyObject, what: &str) -> PyResult<Complex> {
    if let Some(value) = as_complex(object) {
        return Ok(value);
    }
    if let Some(value) = as_f64(object) {
        return Ok(c(value, 0.0));
    }
    if let Some(int) = object.downcast_ref::<Int>() {
        return Ok(c(crate::int_ops::int_to_f64(int)?, 0.0));
    }
    if let Some(result) = crate::attrs::call_special(ts, object, "__complex__", &[])? {
        let value = as_complex(&result).ok_or_else(|| {
            PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                result.ob_type().name()
            ))
        })?;
        if !result.is_exact_type(&COMPLEX_TYPE) {
            deprecation(
                ts,
                &format!(
                    "__complex__ returned non-complex (type {}).  The ability to return an \
                     instance of a strict subclass of complex is deprecated, and may be \
                     removed in a future version of Python.",
                    result.ob_type().name()
                ),
            )?;
        }
        return Ok(value);
    }
    if object.ob_type().number.float.get().is_some()
        || object.ob_type().number.index.get().is_some()
    {
        let float = crate::float_ops::to_float(ts, object)?;
        return Ok(c(as_f64(&float).unwrap_or(0.0), 0.0));
    }
    Err(PyErr::type_error(match what {
        "real" => format!(
            "complex() argument must be a string or a number, not {}",
            object.ob_type().name()
        ),
        _ => format!(
            "complex() argument 'imag' must be a real number, not {}",
            object.ob_type().name()
        ),
    }))
}

fn complex_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            positional.len()
        )));
    }
    let mut real = positional.first().cloned();
    let mut imag = positional.get(1).cloned();
    let keyword_real = keywords.iter().any(|(name, _)| name == "real");
    for (name, value) in keywords {
        let slot = match name.as_str() {
            "real" => &mut real,
            "imag" => &mut imag,
            _ => {
                return Err(PyErr::type_error(format!(
                    "complex() got an unexpected keyword argument '{name}'"
                )));
            }
        };
        if slot.is_some() {
            return Err(PyErr::type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                if name == "real" { 1 } else { 2 }
            )));
        }
        *slot = Some(value);
    }
    // A complex `real` is only a conversion when it is the one positional argument.
    if let Some(real) = &real
        && (imag.is_some() || keyword_real)
        && crate::str::as_str_payload(real).is_none()
        && (as_complex(real).is_some()
            || crate::attrs::lookup_special(ts, real, "__complex__")?.is_some())
    {
        deprecation(
            ts,
            &format!(
                "complex() argument 'real' must be a real number, not {}",
                real.ob_type().name()
            ),
        )?;
    }
    if let Some(imag) = &imag
        && as_complex(imag).is_some()
    {
        deprecation(
            ts,
            &format!(
                "complex() argument 'imag' must be a real number, not {}",
                imag.ob_type().name()
            ),
        )?;
    }
    let value = match (&real, &imag) {
        (None, None) => c(0.0, 0.0),
        (Some(text), None) if crate::str::as_str_payload(text).is_some() => {
            parse_complex(&crate::str::to_rust_string(text))?
        }
        (Some(text), Some(_)) if crate::str::as_str_payload(text).is_some() => {
            return Err(PyErr::type_error(
                "complex() argument 'real' must be a real number, not str",
            ));
        }
        (_, Some(second)) if crate::str::as_str_payload(second).is_some() => {
            return Err(PyErr::type_error(
                "complex() argument 'imag' must be a real number, not str",
            ));
        }
        (real, imag) => {
            let r = match real {
                Some(real) => to_complex_number(ts, real, "real")?,
                None => c(0.0, 0.0),
            };
            match imag {
                None => r,
                Some(imag) => {
                    let i = to_complex_number(ts, imag, "imag")?;
                    // real + imag * 1j, keeping the signs of zeros as CPython does.
                    c(
                        if i.imag != 0.0 {
                            r.real - i.imag
                        } else {
                            r.real
                        },
                        if r.imag != 0.0 {
                            i.real + r.imag
                        } else {
                            i.real
                        },
                    )
                }
            }
        }
    };
    if std::ptr::eq(ty, &*COMPLEX_TYPE) {
        if real
            .as_ref()
            .is_some_and(|r| r.is_exact_type(&COMPLEX_TYPE))
            && imag.is_none()
        {
            return Ok(real.unwrap_or_else(|| new(ts, 0.0, 0.0)));
        }
        return Ok(new(ts, value.real, value.imag));
    }
    Py::new_with_type(ts, ty, value)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("complex.__new__: bad subtype"))
}

pub static COMPLEX_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Complex>("complex", flags::BASETYPE, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(complex_repr),
            hash: Slot::new(complex_hash),
            richcompare: Slot::new(complex_richcompare),
            new: Slot::new(complex_new),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            add: Slot::new(complex_add),
            subtract: Slot::new(complex_sub),
            multiply: Slot::new(complex_mul),
            true_divide: Slot::new(complex_truediv),
            power: Slot::new(complex_pow),
            negative: Slot::new(complex_neg),
            positive: Slot::new(complex_pos),
            absolute: Slot::new(complex_abs),
            bool: Slot::new(complex_bool),
            ..NumberSlots::EMPTY
        }),
);

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn no_args(name: &str, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult<()> {
    crate::int_methods::check_no_args(name, args, kwnames)
}

fn method_conjugate(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("complex.conjugate", args, k)?;
    let x = payload(this, "conjugate")?;
    result(ts, c(x.real, -x.imag))
}

fn method_complex(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("complex.__complex__", args, k)?;
    if this.is_exact_type(&COMPLEX_TYPE) {
        return Ok(this.new_ref());
    }
    result(ts, payload(this, "__complex__")?)
}

fn method_getnewargs(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    no_args("complex.__getnewargs__", args, k)?;
    let x = payload(this, "__getnewargs__")?;
    Ok(crate::tuple::new(
        ts,
        vec![crate::float::new(ts, x.real), crate::float::new(ts, x.imag)],
    )
    .into_ref())
}

fn method_format(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let spec = crate::int_methods::format_spec_arg("complex", args, k)?;
    if spec.is_empty() {
        return this.str(ts);
    }
    let text = format_complex(this, &spec)?.unwrap_or_default();
    Ok(crate::str::new(ts, &text).into_ref())
}

/// `complex.from_number(number)` (3.14): a number, never a string.
fn from_number(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("from_number", args, k, 2, 2)?;
    let (cls, number) = (&args[0], &args[1]);
    let numeric = as_complex(number).is_some()
        || number.ob_type().number.float.get().is_some()
        || number.ob_type().number.index.get().is_some()
        || crate::attrs::lookup_special(ts, number, "__complex__")?.is_some();
    if !numeric || crate::str::as_str_payload(number).is_some() {
        return Err(PyErr::type_error(format!(
            "must be real number, not {}",
            number.ob_type().name()
        )));
    }
    let value = to_complex_number(ts, number, "real")?;
    let result = new(ts, value.real, value.imag);
    if cls.is(COMPLEX_TYPE.as_object()) {
        return Ok(result);
    }
    crate::abstract_api::call(ts, cls, &[result], None)
}

fn get_real(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::float::new(ts, payload(this, "real")?.real))
}

fn get_imag(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::float::new(ts, payload(this, "imag")?.imag))
}

pub(crate) fn install(ts: &ThreadState) {
    add_methods(
        ts,
        &COMPLEX_TYPE,
        &[
            ("conjugate", method_conjugate),
            ("__complex__", method_complex),
            ("__getnewargs__", method_getnewargs),
            ("__format__", method_format),
        ],
    );
    add_getsets(
        ts,
        &COMPLEX_TYPE,
        &[("real", get_real, None), ("imag", get_imag, None)],
    );
    crate::float_methods::add_class_methods(ts, &COMPLEX_TYPE, &[("from_number", from_number)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from CPython 3.14.
    #[test]
    fn parses_and_prints_like_cpython() {
        assert_eq!(parse_complex("1+2j").unwrap(), c(1.0, 2.0));
        assert_eq!(parse_complex(" ( -j ) ").unwrap(), c(0.0, -1.0));
        assert_eq!(parse_complex("1_0.5e1-J").unwrap(), c(105.0, -1.0));
        assert!(parse_complex("1+2").is_err());
        assert!(parse_complex("1__0j").is_err());
        assert_eq!(repr_text(c(1.0, 2.0)), "(1+2j)");
        assert_eq!(repr_text(c(0.0, -1.5)), "-1.5j");
        assert_eq!(repr_text(c(-0.0, 0.0)), "(-0+0j)");
        assert_eq!(repr_text(c(1e16, f64::NAN)), "(1e+16+nanj)");
    }
}
