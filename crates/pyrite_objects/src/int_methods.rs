//! The methods and attributes of `int` (`bit_length`, `bit_count`, `as_integer_ratio`,
//! `__round__`, `__format__`, `real`, `numerator`, ...), installed in its type dict.
//!
//! CPython counterpart: `long_methods` and `long_getset` of `Objects/longobject.c`
//! (`int_bit_length_impl`, `int_bit_count_impl`, `int___round___impl`, `long_long_meth`,
//! `int___format___impl`, `int___sizeof___impl`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

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

/// Whether a `byteorder` argument says little-endian (`'little'`) or big (`'big'`).
fn little_endian(function: &str, byteorder: Option<&PyObject>) -> PyResult<bool> {
    let Some(byteorder) = byteorder else {
        return Ok(false);
    };
    if !byteorder.payload_is::<crate::str::Str>() {
        return Err(PyErr::type_error(format!(
            "{function}() argument 'byteorder' must be str, not {}",
            byteorder.ob_type().name()
        )));
    }
    match crate::str::to_rust_string(byteorder).as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(PyErr::new(
            crate::err::ExceptionKind::ValueError,
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// Splits off keyword-only `signed` and checks at most two positional arguments.
fn split_signed(
    ts: &ThreadState,
    function: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<(Vec<PyRef>, Option<PyRef>, Option<PyRef>)> {
    let names = kwnames.map_or(&[][..], crate::tuple::items);
    let positional = args.len() - names.len();
    if positional > 2 {
        return Err(PyErr::type_error(format!(
            "{function}() takes at most 2 positional arguments ({positional} given)"
        )));
    }
    let mut rest_args = args[..positional].to_vec();
    let mut rest_names = Vec::new();
    let mut signed = None;
    for (name, value) in names.iter().zip(&args[positional..]) {
        if crate::str::to_rust_string(name) == "signed" {
            signed = Some(value.clone());
        } else {
            rest_names.push(name.clone());
            rest_args.push(value.clone());
        }
    }
    let rest_names = (!rest_names.is_empty()).then(|| crate::tuple::new(ts, rest_names).into_ref());
    Ok((rest_args, rest_names, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let (args, names, signed) = split_signed(ts, "to_bytes", args, k)?;
    let parsed = crate::stringlib::parse_args(
        "to_bytes",
        &args,
        names.as_deref(),
        &["length", "byteorder"],
        0,
        0,
    )?;
    let length = crate::stringlib::index_arg_or(ts, parsed.get(0), 1)?;
    if length < 0 {
        return Err(PyErr::new(
            crate::err::ExceptionKind::ValueError,
            "length argument must be non-negative",
        ));
    }
    let little = little_endian("to_bytes", parsed.get(1))?;
    let signed = match &signed {
        Some(flag) => flag.is_true(ts)?,
        None => false,
    };
    let value = value(this, "to_bytes")?;
    if !signed && value.is_negative() {
        return Err(PyErr::new(
            crate::err::ExceptionKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let length = length as usize;
    // Big-endian two's complement (signed) or magnitude (unsigned), padded to `length`.
    let mut digits = if signed {
        value.to_signed_bytes_be()
    } else {
        value.magnitude().to_bytes_be()
    };
    if value.is_zero() {
        digits.clear();
    }
    if digits.len() > length {
        return Err(PyErr::new(
            crate::err::ExceptionKind::OverflowError,
            "int too big to convert",
        ));
    }
    let fill = if value.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length - digits.len()];
    out.extend_from_slice(&digits);
    if little {
        out.reverse();
    }
    Ok(crate::bytes::new(ts, &out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class method: a subclass
/// gets `cls(value)`.
fn from_bytes(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let Some((cls, args)) = args.split_first() else {
        return Err(PyErr::type_error("from_bytes() needs a class"));
    };
    let (args, names, signed) = split_signed(ts, "from_bytes", args, k)?;
    let parsed = crate::stringlib::parse_args(
        "from_bytes",
        &args,
        names.as_deref(),
        &["bytes", "byteorder"],
        0,
        1,
    )?;
    let source = parsed.required(0);
    let little = little_endian("from_bytes", parsed.get(1))?;
    let signed = match &signed {
        Some(flag) => flag.is_true(ts)?,
        None => false,
    };
    let mut data = match crate::bytes::bytes_like(source) {
        Some(data) => data,
        None => {
            let cannot = || {
                PyErr::type_error(format!(
                    "cannot convert '{}' object to bytes",
                    source.ob_type().name()
                ))
            };
            let has_bytes = crate::attrs::lookup_special(ts, source, "__bytes__")?.is_some();
            if source.payload_is::<crate::str::Str>()
                || (!has_bytes && crate::iterobject::get_iter(ts, source).is_err())
            {
                return Err(cannot());
            }
            let made = crate::abstract_api::call(
                ts,
                crate::bytes::BYTES_TYPE.as_object(),
                &[source.new_ref()],
                None,
            )?;
            crate::bytes::bytes_like(&made).ok_or_else(cannot)?
        }
    };
    if little {
        data.reverse();
    }
    let value = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(num_bigint::Sign::Plus, &data)
    };
    let result = from_bigint(ts, value);
    if std::ptr::eq(cls.as_ptr(), crate::int::INT_TYPE.as_object().as_ptr()) {
        return Ok(result);
    }
    crate::abstract_api::call(ts, cls, &[result], None)
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
            ("to_bytes", to_bytes),
        ],
    );
    crate::descr::add_class_method(ts, ty, "from_bytes", from_bytes);
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
