//! The methods and attributes of `int` (`bit_length`, `bit_count`, `as_integer_ratio`,
//! `__round__`, `__format__`, `real`, `numerator`, ...), installed in its type dict.
//!
//! CPython counterpart: `long_methods` and `long_getset` of `Objects/longobject.c`
//! (`int_bit_length_impl`, `int_bit_count_impl`, `int___round___impl`, `long_long_meth`,
//! `int___format___impl`, `int___sizeof___impl`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Signed;

use crate::descr::{add_getsets, add_methods};
use crate::err::{PyErr, PyResult};
use crate::int::{Int, from_bigint};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn keyword_count(kwnames: KwNames<'_>) -> usize {
    kwnames.map_or(0, |names| crate::tuple::items(names).len())
}

/// Checks a method takes no arguments: `int.bit_length() takes no arguments (1 given)`.
pub(crate) fn check_no_args(name: &str, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult<()> {
    if keyword_count(kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// The positional arguments of a method taking at most `max` of them, no keywords.
pub(crate) fn positional<'a>(
    name: &str,
    args: Args<'a>,
    kwnames: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<&'a [PyRef]> {
    if keyword_count(kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if args.len() < min || args.len() > max {
        let short = name.rsplit('.').next().unwrap_or(name);
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        return Err(PyErr::type_error(if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({} given)", args.len())
        } else if min == max {
            format!(
                "{short} expected {min} argument{}, got {}",
                plural(min),
                args.len()
            )
        } else if args.len() > max {
            format!(
                "{short} expected at most {max} argument{}, got {}",
                plural(max),
                args.len()
            )
        } else {
            format!(
                "{short} expected at least {min} argument{}, got {}",
                plural(min),
                args.len()
            )
        }));
    }
    Ok(args)
}

/// The `format_spec` argument of `__format__`.
pub(crate) fn format_spec_arg(
    type_name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<String> {
    let args = positional(&format!("{type_name}.__format__"), args, kwnames, 1, 1)?;
    match crate::str::as_str_payload(&args[0]) {
        Some(text) => Ok(text.to_string_lossy()),
        None => Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            args[0].ob_type().name()
        ))),
    }
}

fn value(object: &PyObject, method: &str) -> PyResult<BigInt> {
    object
        .downcast_ref::<Int>()
        .map(|int| int.to_bigint())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' for 'int' objects doesn't apply to a '{}' object",
                object.ob_type().name()
            ))
        })
}

/// The int itself as an exact `int` (`int(True)` is `1`).
fn exact(ts: &ThreadState, object: &PyObject, method: &str) -> PyResult {
    if object.is_exact_type(&crate::int::INT_TYPE) {
        return Ok(object.new_ref());
    }
    Ok(from_bigint(ts, value(object, method)?))
}

fn int_ref(ts: &ThreadState, value: i64) -> PyRef {
    crate::int::new(ts, value)
}

fn bit_length(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("int.bit_length", args, k)?;
    Ok(int_ref(ts, value(this, "bit_length")?.bits() as i64))
}

fn bit_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("int.bit_count", args, k)?;
    let magnitude = value(this, "bit_count")?.magnitude().clone();
    let ones: u64 = magnitude
        .iter_u64_digits()
        .map(|digit| u64::from(digit.count_ones()))
        .sum();
    Ok(int_ref(ts, ones as i64))
}

fn as_integer_ratio(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("int.as_integer_ratio", args, k)?;
    let numerator = exact(ts, this, "as_integer_ratio")?;
    Ok(crate::tuple::new(ts, vec![numerator, int_ref(ts, 1)]).into_ref())
}

fn is_integer(_ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("int.is_integer", args, k)?;
    value(this, "is_integer")?;
    Ok(crate::bool::true_ref())
}

macro_rules! itself {
    ($fn_name:ident, $python:literal) => {
        fn $fn_name(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
            check_no_args(concat!("int.", $python), args, k)?;
            exact(ts, this, $python)
        }
    };
}

itself!(conjugate, "conjugate");
itself!(trunc, "__trunc__");
itself!(floor, "__floor__");
itself!(ceil, "__ceil__");

fn getnewargs(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("int.__getnewargs__", args, k)?;
    let itself = exact(ts, this, "__getnewargs__")?;
    Ok(crate::tuple::new(ts, vec![itself]).into_ref())
}

/// `int.__sizeof__` as 64-bit CPython counts it: a 24-byte header and 30-bit digits.
fn sizeof(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    check_no_args("int.__sizeof__", args, k)?;
    let bits = value(this, "__sizeof__")?.bits();
    let digits = bits.div_ceil(30).max(1);
    Ok(int_ref(ts, 24 + 4 * digits as i64))
}

/// Rounds `value` to a multiple of `10**-ndigits` (for negative `ndigits`), halves to even.
pub fn round_to_power_of_ten(value: &BigInt, exponent: u32) -> BigInt {
    let factor = num_traits::pow(BigInt::from(10), exponent as usize);
    let (quotient, remainder) = value.div_mod_floor(&factor);
    let doubled = &remainder * 2;
    let round_up = doubled > factor || (doubled == factor && quotient.is_odd());
    (if round_up { quotient + 1 } else { quotient }) * factor
}

fn round(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = positional("int.__round__", args, k, 0, 1)?;
    let Some(ndigits) = args.first().filter(|n| !crate::singletons::is_none(n)) else {
        return exact(ts, this, "__round__");
    };
    let digits = crate::abstract_api::index(ts, ndigits)?;
    let digits = value(&digits, "__index__")?;
    if !digits.is_negative() {
        return exact(ts, this, "__round__");
    }
    let this_value = value(this, "__round__")?;
    // Rounding to more digits than the value has gives zero.
    let exponent = match u32::try_from(-digits) {
        Ok(exponent) if (exponent as u64) <= this_value.bits() + 1 => exponent,
        _ => return Ok(int_ref(ts, 0)),
    };
    Ok(from_bigint(
        ts,
        round_to_power_of_ten(&this_value, exponent),
    ))
}

fn format(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let spec = format_spec_arg("int", args, k)?;
    value(this, "__format__")?;
    crate::formatter::format_builtin(ts, this, &spec)
}

fn get_itself(ts: &ThreadState, this: &PyObject) -> PyResult {
    exact(ts, this, "real")
}

fn get_zero(ts: &ThreadState, this: &PyObject) -> PyResult {
    value(this, "imag")?;
    Ok(int_ref(ts, 0))
}

fn get_one(ts: &ThreadState, this: &PyObject) -> PyResult {
    value(this, "denominator")?;
    Ok(int_ref(ts, 1))
}

pub(crate) fn install(ts: &ThreadState) {
    let ty = &crate::int::INT_TYPE;
    add_methods(
        ts,
        ty,
        &[
            ("bit_length", bit_length),
            ("bit_count", bit_count),
            ("as_integer_ratio", as_integer_ratio),
            ("is_integer", is_integer),
            ("conjugate", conjugate),
            ("__trunc__", trunc),
            ("__floor__", floor),
            ("__ceil__", ceil),
            ("__round__", round),
            ("__getnewargs__", getnewargs),
            ("__sizeof__", sizeof),
            ("__format__", format),
        ],
    );
    add_getsets(
        ts,
        ty,
        &[
            ("real", get_itself, None),
            ("imag", get_zero, None),
            ("numerator", get_itself, None),
            ("denominator", get_one, None),
        ],
    );
}
