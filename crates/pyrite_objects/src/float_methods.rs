//! The methods and attributes of `float` (`as_integer_ratio`, `hex`, `fromhex`,
//! `__round__`, `__trunc__`, `__getformat__`, `real`, ...), installed in its type dict,
//! and the exact conversions they need.
//!
//! CPython counterpart: `float_methods` and `float_getset` of `Objects/floatobject.c`
//! (`float_as_integer_ratio_impl`, `float_hex_impl`, `float_fromhex`, `float___round___impl`,
//! `double_round`, `float___getformat___impl`).

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Zero};

use crate::descr::{add_getsets, add_methods};
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::int_methods::{check_no_args, format_spec_arg, positional};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn value(object: &PyObject, method: &str) -> PyResult<f64> {
    crate::float::as_f64(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' for 'float' objects doesn't apply to a '{}' object",
            object.ob_type().name()
        ))
    })
}

/// A finite double as `mantissa * 2**exponent` with an integer mantissa.
pub fn decompose(value: f64) -> (BigInt, i64) {
    let bits = value.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mantissa = BigInt::from(mantissa);
    (if negative { -mantissa } else { mantissa }, exponent)
}

/// `mantissa * 2**exponent` (non-negative mantissa) rounded to the nearest double, ties to
/// even, `sticky` telling that a nonzero remainder lies below the mantissa's last bit;
/// `None` on overflow.
pub fn round_to_f64(mantissa: &BigUint, exponent: i64, sticky: bool) -> Option<f64> {
    if mantissa.is_zero() {
        return Some(0.0);
    }
    let top = mantissa.bits() as i64 + exponent;
    if top > 1024 {
        return None;
    }
    let lowest = (top - 53).max(-1074);
    let shift = lowest - exponent;
    let rounded: u64 = if shift <= 0 {
        let shifted = mantissa << (-shift) as u64;
        shifted.iter_u64_digits().next().unwrap_or(0)
    } else {
        let shifted: BigUint = mantissa >> shift as u64;
        let kept = shifted.iter_u64_digits().next().unwrap_or(0);
        let half = mantissa.bit(shift as u64 - 1);
        let below = sticky
            || mantissa
                .trailing_zeros()
                .is_some_and(|zeros| zeros < shift as u64 - 1);
        if half && (below || kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    let value = scale(rounded as f64, lowest);
    value.is_finite().then_some(value)
}

/// `value * 2**exponent` for a result known to be exact (or to overflow).
fn scale(mut value: f64, mut exponent: i64) -> f64 {
    let step = |n: i64| f64::from_bits(((n + 1023) as u64) << 52);
    while exponent > 1000 {
        value *= step(1000);
        exponent -= 1000;
    }
    while exponent < -1000 {
        value *= step(-1000);
        exponent += 1000;
    }
    value * step(exponent)
}

/// `a / b` for ints, correctly rounded (CPython's `long_true_divide`); `None` on overflow.
pub fn divide_exact(a: &BigInt, b: &BigInt) -> Option<f64> {
    let negative = (a.sign() == num_bigint::Sign::Minus) != (b.sign() == num_bigint::Sign::Minus);
    let (x, y) = (a.magnitude(), b.magnitude());
    if x.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let shift = 55 + y.bits() as i64 - x.bits() as i64;
    let (quotient, remainder) = if shift >= 0 {
        (x << shift as u64).div_rem(y)
    } else {
        x.div_rem(&(y << (-shift) as u64))
    };
    let magnitude = round_to_f64(&quotient, -shift, !remainder.is_zero())?;
    Some(if negative { -magnitude } else { magnitude })
}

fn as_integer_ratio(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.as_integer_ratio", args, k)?;
    let x = value(this, "as_integer_ratio")?;
    if x.is_infinite() {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "cannot convert NaN to integer ratio",
        ));
    }
    let (mantissa, exponent) = decompose(x);
    let (numerator, denominator) = if mantissa.is_zero() {
        (BigInt::zero(), BigInt::one())
    } else if exponent >= 0 {
        (mantissa << exponent as u64, BigInt::one())
    } else {
        let zeros = mantissa
            .trailing_zeros()
            .unwrap_or(0)
            .min((-exponent) as u64);
        (
            mantissa >> zeros,
            BigInt::one() << ((-exponent) as u64 - zeros),
        )
    };
    Ok(crate::tuple::new(
        ts,
        vec![
            crate::int::from_bigint(ts, numerator),
            crate::int::from_bigint(ts, denominator),
        ],
    )
    .into_ref())
}

fn is_integer(_ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.is_integer", args, k)?;
    let x = value(this, "is_integer")?;
    Ok(crate::bool::bool_ref(x.is_finite() && x.fract() == 0.0))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>` (CPython's `float_hex_impl`).
pub fn hex_text(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        return pyrite_ast::repr::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (leading, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let exponent_sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{sign}0x{leading}.{fraction:013x}p{exponent_sign}{}",
        exponent.abs()
    )
}

fn hex(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.hex", args, k)?;
    let x = value(this, "hex")?;
    Ok(crate::str::new(ts, &hex_text(x)).into_ref())
}

fn invalid_hex() -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        "invalid hexadecimal floating-point string",
    )
}

/// `float.fromhex(text)` (CPython's `float_fromhex`).
pub fn parse_hex(text: &str) -> PyResult<f64> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |v: f64| if negative { -v } else { v };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (number, exponent_text) = match body.split_once('p') {
        Some((number, exponent)) => (number, Some(exponent)),
        None => (body, None),
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return Err(invalid_hex());
    }
    let mut mantissa = BigUint::zero();
    for digit in whole.chars().chain(fraction.chars()) {
        let digit = digit.to_digit(16).ok_or_else(invalid_hex)?;
        mantissa = (mantissa << 4u32) + BigUint::from(digit);
    }
    let mut exponent: i64 = -4 * fraction.len() as i64;
    if let Some(exponent_text) = exponent_text {
        let digits = exponent_text.trim_start_matches(['+', '-']);
        if digits.is_empty()
            || exponent_text.len() - digits.len() > 1
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(invalid_hex());
        }
        let magnitude: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        exponent += if exponent_text.starts_with('-') {
            -magnitude
        } else {
            magnitude
        };
    }
    if mantissa.is_zero() {
        return Ok(signed(0.0));
    }
    if mantissa.bits() as i64 + exponent < -1080 {
        return Ok(signed(0.0));
    }
    match round_to_f64(&mantissa, exponent, false) {
        Some(v) => Ok(signed(v)),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "hexadecimal value too large to represent as a float",
        )),
    }
}

fn fromhex(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = positional("fromhex", args, k, 2, 2)?;
    let Some(text) = crate::str::as_str_payload(&args[1]) else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            args[1].ob_type().name()
        )));
    };
    let result = crate::float::new(ts, parse_hex(&text.to_string_lossy())?);
    construct(ts, &args[0], result)
}

/// `cls(value)` unless `cls` is `float` itself (classmethods of subclasses).
fn construct(ts: &ThreadState, cls: &PyObject, value: PyRef) -> PyResult {
    if cls.is(crate::float::FLOAT_TYPE.as_object()) {
        return Ok(value);
    }
    crate::abstract_api::call(ts, cls, &[value], None)
}

fn from_number(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = positional("from_number", args, k, 2, 2)?;
    let number = &args[1];
    let numeric = number.ob_type().number.float.get().is_some()
        || number.ob_type().number.index.get().is_some();
    if !numeric || crate::str::as_str_payload(number).is_some() {
        return Err(PyErr::type_error(format!(
            "must be real number, not {}",
            number.ob_type().name()
        )));
    }
    let result = crate::float_ops::to_float(ts, number)?;
    construct(ts, &args[0], result)
}

fn integral_int(ts: &ThreadState, x: f64) -> PyResult {
    crate::int_ops::to_int(ts, &crate::float::new(ts, x))
}

fn trunc(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.__trunc__", args, k)?;
    integral_int(ts, value(this, "__trunc__")?.trunc())
}

fn floor(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.__floor__", args, k)?;
    integral_int(ts, value(this, "__floor__")?.floor())
}

fn ceil(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.__ceil__", args, k)?;
    integral_int(ts, value(this, "__ceil__")?.ceil())
}

/// `round(x, ndigits)` for a finite nonzero `x`, correctly rounded (CPython's
/// `double_round`).
pub fn round_digits(x: f64, ndigits: i64) -> Option<f64> {
    if ndigits > 323 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{x:.prec$}", prec = ndigits as usize)
    } else {
        let (mantissa, exponent) = decompose(x);
        let power = num_traits::pow(BigInt::from(10), (-ndigits) as usize);
        let (numerator, denominator) = if exponent >= 0 {
            (mantissa << exponent as u64, power)
        } else {
            (mantissa, power << (-exponent) as u64)
        };
        let (quotient, remainder) = numerator.div_mod_floor(&denominator);
        let doubled = remainder * 2;
        let quotient = if doubled > denominator || (doubled == denominator && quotient.is_odd()) {
            quotient + 1
        } else {
            quotient
        };
        let sign = if x.is_sign_negative() && quotient.is_zero() {
            "-"
        } else {
            ""
        };
        format!("{sign}{quotient}e{}", -ndigits)
    };
    let rounded: f64 = text.parse().ok()?;
    rounded.is_finite().then_some(rounded)
}

fn round(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = positional("float.__round__", args, k, 0, 1)?;
    let x = value(this, "__round__")?;
    let Some(ndigits) = args.first().filter(|n| !crate::singletons::is_none(n)) else {
        return integral_int(ts, x.round_ties_even());
    };
    let ndigits = crate::abstract_api::index(ts, ndigits)?;
    let ndigits = crate::int::as_i64(&ndigits).unwrap_or_else(|| {
        if crate::int_ops::is_negative_int(&ndigits) {
            i64::MIN
        } else {
            i64::MAX
        }
    });
    if !x.is_finite() || x == 0.0 {
        return Ok(crate::float::new(ts, x));
    }
    match round_digits(x, ndigits) {
        Some(rounded) => Ok(crate::float::new(ts, rounded)),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "rounded value too large to represent",
        )),
    }
}

fn conjugate(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.conjugate", args, k)?;
    Ok(crate::float::new(ts, value(this, "conjugate")?))
}

fn getnewargs(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("float.__getnewargs__", args, k)?;
    let x = crate::float::new(ts, value(this, "__getnewargs__")?);
    Ok(crate::tuple::new(ts, vec![x]).into_ref())
}

fn getformat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = positional("__getformat__", args, k, 2, 2)?;
    let Some(kind) = crate::str::as_str_payload(&args[1]) else {
        return Err(PyErr::type_error(format!(
            "__getformat__() argument must be str, not {}",
            args[1].ob_type().name()
        )));
    };
    match kind.to_string_lossy().as_str() {
        "double" | "float" => Ok(crate::str::new(ts, "IEEE, little-endian").into_ref()),
        _ => Err(PyErr::new(
            ExceptionKind::ValueError,
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

fn format(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let spec = format_spec_arg("float", args, k)?;
    value(this, "__format__")?;
    crate::formatter::format_builtin(ts, this, &spec)
}

fn get_real(ts: &ThreadState, this: &PyObject) -> PyResult {
    if this.is_exact_type(&crate::float::FLOAT_TYPE) {
        return Ok(this.new_ref());
    }
    Ok(crate::float::new(ts, value(this, "real")?))
}

fn get_imag(ts: &ThreadState, this: &PyObject) -> PyResult {
    value(this, "imag")?;
    Ok(crate::float::new(ts, 0.0))
}

/// Adds Rust classmethods (`float.fromhex`, `dict.fromkeys`) to a built-in type's dict.
pub(crate) fn add_class_methods(
    ts: &ThreadState,
    ty: &'static crate::typeobject::PyType,
    methods: &[(&'static str, crate::descr::NativeFn)],
) {
    for &(name, function) in methods {
        crate::descr::add_class_method(ts, ty, name, function);
    }
}

pub(crate) fn install(ts: &ThreadState) {
    let ty = &crate::float::FLOAT_TYPE;
    add_methods(
        ts,
        ty,
        &[
            ("as_integer_ratio", as_integer_ratio),
            ("is_integer", is_integer),
            ("hex", hex),
            ("conjugate", conjugate),
            ("__trunc__", trunc),
            ("__floor__", floor),
            ("__ceil__", ceil),
            ("__round__", round),
            ("__getnewargs__", getnewargs),
            ("__format__", format),
        ],
    );
    add_class_methods(
        ts,
        ty,
        &[
            ("fromhex", fromhex),
            ("from_number", from_number),
            ("__getformat__", getformat),
        ],
    );
    add_getsets(
        ts,
        ty,
        &[("real", get_real, None), ("imag", get_imag, None)],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from CPython 3.14.
    #[test]
    fn hex_round_trips_like_cpython() {
        assert_eq!(hex_text(1.5), "0x1.8000000000000p+0");
        assert_eq!(hex_text(-0.0), "-0x0.0p+0");
        assert_eq!(hex_text(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(parse_hex("0x1.8p1").unwrap(), 3.0);
        assert_eq!(parse_hex("0x1p-1074").unwrap(), 5e-324);
        assert_eq!(parse_hex(" -0X.8 ").unwrap(), -0.5);
        assert!(parse_hex("0x1p1024").is_err());
        assert!(parse_hex("zz").is_err());
    }

    #[test]
    fn integer_division_is_correctly_rounded() {
        let ten = BigInt::from(10);
        let a = num_traits::pow(ten.clone(), 40);
        assert_eq!(
            divide_exact(&a, &BigInt::from(3)),
            Some(3.333333333333333e39)
        );
        let big = num_traits::pow(ten, 400);
        assert_eq!(divide_exact(&(&big * 10), &big), Some(10.0));
        assert_eq!(round_digits(2.675, 2), Some(2.67));
        assert_eq!(round_digits(1250.0, -2), Some(1200.0));
    }
}
