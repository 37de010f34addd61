//! `int` arithmetic: the number slots of `int` (and `bool`, whose `&`, `|`, `^` keep
//! booleans), with a machine-word fast path and arbitrary precision beyond it.
//!
//! CPython counterpart: `Objects/longobject.c` (`long_add`, `long_sub`, `long_mul`,
//! `l_divmod`, `long_true_divide`, `long_pow`, `long_lshift`, `long_rshift`,
//! `long_bitwise`, `long_neg`, `long_abs`, `long_invert`).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

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
    match crate::float_methods::divide_exact(&x.to_bigint(), &y.to_bigint()) {
        Some(quotient) => Ok(crate::float::new(ts, quotient)),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "integer division result too large for a float",
        )),
    }
}

/// The inverse of `value` modulo `modulus` (positive), if they are coprime.
fn mod_inverse(value: &BigInt, modulus: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let extended = value.mod_floor(modulus).extended_gcd(modulus);
    extended.gcd.is_one().then(|| extended.x.mod_floor(modulus))
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
        let mut exponent = y.to_bigint();
        let m = m.to_bigint();
        let mut base = x.to_bigint();
        if exponent.is_negative() {
            base = mod_inverse(&base, &m.abs()).ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::ValueError,
                    "base is not invertible for the given modulus",
                )
            })?;
            exponent = -exponent;
        }
        let mut result = base.modpow(&exponent, &m.abs());
        if m.is_negative() && !result.is_zero() {
            result += &m;
        }
        return Ok(from_bigint(ts, result));
    }
    let exponent = y.to_bigint();
    if exponent.is_negative() {
        if x.is_zero() {
            return Err(PyErr::new(
                ExceptionKind::ZeroDivisionError,
                "zero to a negative power",
            ));
        }
        let base = int_to_f64(x)?;
        let power = int_to_f64(y)?;
        return crate::float_ops::float_pow(
            ts,
            &crate::float::new(ts, base),
            &crate::float::new(ts, power),
            &crate::singletons::none(),
        );
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
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int expected at most 2 arguments, got {}",
            positional.len()
        )));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut base = positional.get(1).cloned();
    for (name, value) in keywords {
        if name != "base" {
            return Err(PyErr::type_error(format!(
                "int() got an unexpected keyword argument '{name}'"
            )));
        }
        if base.is_some() {
            return Err(PyErr::type_error(
                "argument for int() given by name ('base') and position (2)",
            ));
        }
        base = Some(value);
    }
    let value = match (positional.first(), base) {
        (None, None) => new(ts, 0),
        (None, Some(_)) => {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        (Some(value), None) => to_int(ts, value)?,
        (Some(text), Some(base)) => {
            let base = crate::abstract_api::index(ts, &base)?;
            let base = crate::int::as_i64(&base).unwrap_or(-1);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            if crate::str::as_str_payload(text).is_some() {
                parse_int(ts, text, base as u32)?
            } else if let Some(data) = crate::bytes::as_bytes(text)
                .map(<[u8]>::to_vec)
                .or_else(|| crate::bytearray::data_of(text))
            {
                // bytes and bytearray hold ASCII digits (`re._compiler._mk_bitmap`)
                let latin1: String = data.iter().map(|&byte| char::from(byte)).collect();
                let as_text = crate::str::new(ts, &latin1).into_ref();
                parse_int(ts, &as_text, base as u32)?
            } else {
                return Err(PyErr::type_error(
                    "int() can't convert non-string with explicit base",
                ));
            }
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
    if let Some(data) = crate::bytes::as_bytes(value)
        .map(<[u8]>::to_vec)
        .or_else(|| crate::bytearray::data_of(value))
    {
        // the digits of bytes and bytearray are ASCII; the message shows the object
        let latin1: String = data.iter().map(|&byte| char::from(byte)).collect();
        let as_text = crate::str::new(ts, &latin1).into_ref();
        return parse_int(ts, &as_text, 10).map_err(|err| {
            if !err.is(ExceptionKind::ValueError) {
                return err;
            }
            match value.repr(ts).ok().and_then(|repr| {
                crate::str::as_str_payload(&repr).map(|text| text.to_string_lossy())
            }) {
                Some(shown) => PyErr::new(
                    ExceptionKind::ValueError,
                    format!("invalid literal for int() with base 10: {shown}"),
                ),
                None => err,
            }
        });
    }
    if let Some(int) = value.ob_type().number.int.get() {
        let result = int(ts, value)?;
        if result.downcast_ref::<Int>().is_none() {
            return Err(PyErr::type_error(format!(
                "__int__ returned non-int (type {})",
                result.ob_type().name()
            )));
        }
        return crate::int::exact_result(ts, "__int__", result);
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

/// The value of a Unicode decimal digit (category `Nd`), which `int()` and `float()`
/// accept like ASCII digits. Digits come in runs of ten starting at zero.
pub fn unicode_decimal(ch: char) -> Option<u8> {
    use unicode_general_category::{GeneralCategory, get_general_category};
    if ch.is_ascii_digit() {
        return Some(ch as u8 - b'0');
    }
    if ch.is_ascii() || get_general_category(ch) != GeneralCategory::DecimalNumber {
        return None;
    }
    let mut run = 0u32;
    let mut code = ch as u32;
    while code > 0 {
        code -= 1;
        match char::from_u32(code) {
            Some(previous) if get_general_category(previous) == GeneralCategory::DecimalNumber => {
                run += 1;
            }
            _ => break,
        }
    }
    Some((run % 10) as u8)
}

/// Text with Unicode digits made ASCII and Unicode spaces made `' '` (CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`); other non-ASCII characters become `?`.
pub fn ascii_digits_and_spaces(text: &str) -> String {
    text.chars()
        .map(|ch| {
            if ch.is_ascii() {
                ch
            } else if ch.is_whitespace() {
                ' '
            } else if let Some(digit) = unicode_decimal(ch) {
                char::from(b'0' + digit)
            } else {
                '?'
            }
        })
        .collect()
}

pub fn is_negative_int(object: &PyObject) -> bool {
    object
        .downcast_ref::<Int>()
        .is_some_and(|int| int.to_bigint().is_negative())
}

/// Digits in `base` with single underscores between them (after a base prefix, one
/// underscore may also lead); `None` if malformed.
fn digits_with_underscores(text: &str, base: u32, leading_underscore_ok: bool) -> Option<String> {
    let mut digits = String::with_capacity(text.len());
    let mut previous_underscore = !leading_underscore_ok;
    for ch in text.chars() {
        if ch == '_' {
            if previous_underscore {
                return None;
            }
            previous_underscore = true;
            continue;
        }
        ch.to_digit(base)?;
        digits.push(ch);
        previous_underscore = false;
    }
    if previous_underscore || digits.is_empty() {
        return None;
    }
    Some(digits)
}

/// `int(text, base)` (CPython's `PyLong_FromUnicodeObject`).
pub fn parse_int(ts: &ThreadState, text: &PyObject, base: u32) -> PyResult {
    let original = crate::str::to_rust_string(text);
    let invalid = || {
        let shown: String = pyrite_ast::repr::text_repr(&original)
            .chars()
            .take(200)
            .collect();
        PyErr::new(
            ExceptionKind::ValueError,
            format!("invalid literal for int() with base {base}: {shown}"),
        )
    };
    let converted = ascii_digits_and_spaces(&original);
    let trimmed = converted.trim_matches(|c: char| {
        c.is_ascii_whitespace() || c == '\u{1c}' || c == '\u{1d}' || c == '\u{1e}' || c == '\u{1f}'
    });
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let lower = body.to_ascii_lowercase();
    let mut radix = base;
    let mut digits_text = body;
    let mut prefixed = false;
    for (prefix, prefix_base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == prefix_base || base == 0) && lower.starts_with(prefix) {
            digits_text = &body[2..];
            radix = prefix_base;
            prefixed = true;
        }
    }
    if radix == 0 {
        radix = 10;
        // Base 0 forbids leading zeros on a nonzero decimal ("010").
        if body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
            return Err(invalid());
        }
    }
    let digits = digits_with_underscores(digits_text, radix, prefixed).ok_or_else(invalid)?;
    let limit = crate::int::max_str_digits();
    if !radix.is_power_of_two() && limit != 0 && digits.len() > limit {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {} \
                 digits; use sys.set_int_max_str_digits() to increase the limit",
                digits.len()
            ),
        ));
    }
    let value = BigInt::parse_bytes(digits.as_bytes(), radix).ok_or_else(invalid)?;
    Ok(from_bigint(ts, if negative { -value } else { value }))
}
