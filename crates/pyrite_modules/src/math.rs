//! The `math` module: the C library's functions on floats, with CPython's special-value
//! rules and error messages, plus the integer functions (`factorial`, `gcd`, `comb`, ...).
//!
//! CPython counterpart: `Modules/mathmodule.c`. Errors follow its "spirit of 754" rules:
//! a NaN from non-NaN input is a `ValueError`, an infinity from finite input is an
//! `OverflowError` where the function can overflow and a `ValueError` at a singularity.
//! `gamma`/`lgamma` use the Lanczos approximation CPython uses (N=13,
//! g=6.024680040776729583740234375) so that results agree to the last bit; `fsum` is
//! Shewchuk's exact summation; `hypot`/`dist` compute a compensated sum of squares.

use num_bigint::{BigInt, Sign};
use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::int::Int;
use pyrite_objects::methods::split_args;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, abstract_ops, attrs,
    bool as pybool, float, int, int_ops, iterobject, str as pystr, tuple,
};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn value_error(message: impl Into<String>) -> PyErr {
    PyErr::new(ExceptionKind::ValueError, message.into())
}

fn domain_error() -> PyErr {
    value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::new(ExceptionKind::OverflowError, "math range error")
}

/// `PyFloat_AsDouble`: floats, ints, then `__float__`, then `__index__`.
pub(crate) fn as_double(ts: &ThreadState, object: &PyObject) -> PyResult<f64> {
    if let Some(value) = float::as_f64(object) {
        return Ok(value);
    }
    if let Some(value) = object.downcast_ref::<Int>() {
        return int_ops::int_to_f64(value);
    }
    if let Some(to_float) = object.ob_type().number.float.get() {
        let result = to_float(ts, object)?;
        return float::as_f64(&result).ok_or_else(|| {
            PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                object.ob_type().name(),
                result.ob_type().name()
            ))
        });
    }
    if object.ob_type().number.index.get().is_some() {
        let index = abstract_api::index(ts, object)?;
        if let Some(value) = index.downcast_ref::<Int>() {
            return int_ops::int_to_f64(value);
        }
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        object.ob_type().name()
    )))
}

/// `operator.index(x)` as a big integer.
fn as_bigint(ts: &ThreadState, object: &PyObject) -> PyResult<BigInt> {
    let index = abstract_api::index(ts, object)?;
    Ok(index
        .downcast_ref::<Int>()
        .map(|value| value.to_bigint())
        .unwrap_or_default())
}

fn one_arg<'a>(name: &str, args: Args<'a>, kwnames: KwNames<'_>) -> PyResult<&'a PyRef> {
    no_keywords(name, kwnames)?;
    match args {
        [arg] => Ok(arg),
        _ => Err(PyErr::type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn two_args<'a>(
    name: &str,
    args: Args<'a>,
    kwnames: KwNames<'_>,
) -> PyResult<(&'a PyRef, &'a PyRef)> {
    no_keywords(name, kwnames)?;
    match args {
        [a, b] => Ok((a, b)),
        _ => Err(PyErr::type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn no_keywords(name: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "math.{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// How a one-argument function reports a NaN from a non-NaN input (or an infinity at
/// a singularity): 3.14's "expected ..., got X" messages, or "math domain error".
#[derive(Clone, Copy)]
enum Domain {
    Generic,
    Expected(&'static str),
}

impl Domain {
    fn error(self, x: f64) -> PyErr {
        match self {
            Domain::Generic => domain_error(),
            Domain::Expected(what) => value_error(format!(
                "expected {what}, got {}",
                pyrite_ast::repr::float_repr(x)
            )),
        }
    }
}

/// CPython's `math_1`: calls `f` and turns special results into exceptions.
fn apply_1(x: f64, f: fn(f64) -> f64, can_overflow: bool, domain: Domain) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain.error(x));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain.error(x)
        });
    }
    Ok(r)
}

fn math_1(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    f: fn(f64) -> f64,
    can_overflow: bool,
    domain: Domain,
) -> PyResult {
    let x = as_double(ts, one_arg(name, args, kwnames)?)?;
    Ok(float::new(ts, apply_1(x, f, can_overflow, domain)?))
}

/// CPython's `math_2`: NaN from non-NaN inputs is a domain error, an infinity from
/// finite inputs a range error.
fn math_2(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    f: fn(f64, f64) -> f64,
) -> PyResult {
    let (a, b) = two_args(name, args, kwnames)?;
    let (x, y) = (as_double(ts, a)?, as_double(ts, b)?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(float::new(ts, r))
}

macro_rules! float_functions {
    ($( $rust:ident => $name:literal, $f:expr, $overflow:expr, $domain:expr; )*) => {
        $(
            fn $rust(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                math_1(ts, $name, args, kw, $f, $overflow, $domain)
            }
        )*
    };
}

const IN_UNIT_RANGE: Domain = Domain::Expected("a number in range from -1 up to 1");
const FINITE: Domain = Domain::Expected("a finite input");
const GAMMA_POLE: Domain = Domain::Expected("a noninteger or positive integer");

float_functions! {
    math_acos => "acos", f64::acos, false, IN_UNIT_RANGE;
    math_acosh => "acosh", f64::acosh, false, Domain::Expected("argument value not less than 1");
    math_asin => "asin", f64::asin, false, IN_UNIT_RANGE;
    math_asinh => "asinh", f64::asinh, false, Domain::Generic;
    math_atan => "atan", f64::atan, false, Domain::Generic;
    math_atanh => "atanh", atanh, false, Domain::Expected("a number between -1 and 1");
    math_cbrt => "cbrt", f64::cbrt, false, Domain::Generic;
    math_cos => "cos", f64::cos, false, FINITE;
    math_cosh => "cosh", f64::cosh, true, Domain::Generic;
    math_erf => "erf", libm::erf, false, Domain::Generic;
    math_erfc => "erfc", libm::erfc, false, Domain::Generic;
    math_exp => "exp", f64::exp, true, Domain::Generic;
    math_exp2 => "exp2", f64::exp2, true, Domain::Generic;
    math_expm1 => "expm1", f64::exp_m1, true, Domain::Generic;
    math_fabs => "fabs", f64::abs, false, Domain::Generic;
    math_gamma => "gamma", gamma, true, GAMMA_POLE;
    math_lgamma => "lgamma", lgamma, true, GAMMA_POLE;
    math_log1p => "log1p", f64::ln_1p, false, Domain::Expected("argument value > -1");
    math_sin => "sin", f64::sin, false, FINITE;
    math_sinh => "sinh", f64::sinh, true, Domain::Generic;
    math_sqrt => "sqrt", f64::sqrt, false, Domain::Expected("a nonnegative input");
    math_tan => "tan", f64::tan, false, FINITE;
    math_tanh => "tanh", f64::tanh, false, Domain::Generic;
}

/// `atanh(±1)` is a singularity (the C library returns ±inf).
fn atanh(x: f64) -> f64 {
    if x.abs() >= 1.0 { f64::NAN } else { x.atanh() }
}

// The Lanczos parameters are written at the precision they are published with, so
// that they can be checked digit by digit; the compiler rounds them to doubles.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
];
/// The Lanczos sum's denominator: x*(x+1)*...*(x+11) as a polynomial.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        // In 1/x, so that large x does not overflow.
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi*x), exact at integers and half-integers (for the reflection formula).
fn sin_pi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn gamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        // A pole: reported as a domain error, like the negative integers.
        return f64::NAN;
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= 23.0 {
            // (x-1)! computed exactly, then rounded once.
            return (1..x as u32).map(u128::from).product::<u128>() as f64;
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        return if x < 0.0 {
            0.0 / sin_pi(x)
        } else {
            f64::INFINITY
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct pow(y, x-0.5)/exp(y) with.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    r
}

fn lgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { f64::NAN } else { 0.0 };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return -absx.ln();
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        let log_pi = std::f64::consts::PI.ln();
        r = log_pi - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    r
}

fn math_atan2(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    math_2(ts, "atan2", args, kw, f64::atan2)
}

fn math_copysign(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    math_2(ts, "copysign", args, kw, f64::copysign)
}

fn math_fmod(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    // fmod(x, inf) is x for finite x; Rust's `%` already follows C's fmod.
    math_2(ts, "fmod", args, kw, |x, y| {
        if y.is_infinite() && x.is_finite() {
            x
        } else {
            x % y
        }
    })
}

fn math_remainder(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    math_2(ts, "remainder", args, kw, ieee_remainder)
}

/// IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even).
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    libm::remainder(x, y)
}

fn math_pow(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two_args("pow", args, kw)?;
    let (x, y) = (as_double(ts, a)?, as_double(ts, b)?);
    // C99 Annex F special cases, as CPython spells them out.
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y % 2.0).abs() == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            y.abs()
        } else {
            0.0
        }
    } else {
        if x == 0.0 && y < 0.0 {
            return Err(domain_error());
        }
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(range_error());
        }
        r
    };
    Ok(float::new(ts, r))
}

fn math_fma(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("fma", kw)?;
    let [a, b, c] = args else {
        return Err(PyErr::type_error(format!(
            "fma expected 3 arguments, got {}",
            args.len()
        )));
    };
    let (x, y, z) = (as_double(ts, a)?, as_double(ts, b)?, as_double(ts, c)?);
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(value_error("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(PyErr::new(ExceptionKind::OverflowError, "overflow in fma"));
        }
    }
    Ok(float::new(ts, r))
}

fn math_degrees(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = as_double(ts, one_arg("degrees", args, kw)?)?;
    Ok(float::new(ts, x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = as_double(ts, one_arg("radians", args, kw)?)?;
    Ok(float::new(ts, x * (std::f64::consts::PI / 180.0)))
}

fn predicate(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    test: fn(f64) -> bool,
) -> PyResult {
    let x = as_double(ts, one_arg(name, args, kw)?)?;
    Ok(pybool::bool_ref(test(x)))
}

fn math_isfinite(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    predicate(ts, "isfinite", args, kw, f64::is_finite)
}

fn math_isinf(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    predicate(ts, "isinf", args, kw, f64::is_infinite)
}

fn math_isnan(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    predicate(ts, "isnan", args, kw, f64::is_nan)
}

/// `floor`/`ceil`/`trunc`: the object's own `__floor__`/... if it is not a float.
fn rounding(
    ts: &ThreadState,
    name: &str,
    special: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    f: fn(f64) -> f64,
) -> PyResult {
    let x = one_arg(name, args, kw)?;
    if float::as_f64(x).is_none() || !x.is_exact_type(&float::FLOAT_TYPE) {
        if let Some(method) = attrs::lookup_special(ts, x, special)? {
            return abstract_api::call(ts, &method, &[], None);
        }
        if name == "trunc" {
            return Err(PyErr::type_error(format!(
                "type {} doesn't define __trunc__ method",
                x.ob_type().name()
            )));
        }
    }
    let value = f(as_double(ts, x)?);
    int_ops::to_int(ts, &float::new(ts, value))
}

fn math_floor(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    rounding(ts, "floor", "__floor__", args, kw, f64::floor)
}

fn math_ceil(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    rounding(ts, "ceil", "__ceil__", args, kw, f64::ceil)
}

fn math_trunc(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    rounding(ts, "trunc", "__trunc__", args, kw, f64::trunc)
}

/// The natural logarithm of an int of any size (`loghelper`): big ints are scaled to
/// a double first, `log(m * 2**e) = log(m) + e*log(2)`.
fn log_of(ts: &ThreadState, object: &PyObject, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(value) = object.downcast_ref::<Int>() {
        let big = value.to_bigint();
        if big.sign() != Sign::Plus {
            return Err(value_error("expected a positive input"));
        }
        if let Ok(x) = int_ops::int_to_f64(value) {
            return apply_1(x, f, false, Domain::Expected("a positive input"));
        }
        let (mantissa, exponent) = frexp_big(&big);
        return Ok(f(mantissa) + f(2.0) * exponent as f64);
    }
    let x = as_double(ts, object)?;
    apply_1(x, f, false, Domain::Expected("a positive input"))
}

/// A positive big int as `m * 2**e` with `m` in [0.5, 1) (CPython's `_PyLong_Frexp`).
fn frexp_big(big: &BigInt) -> (f64, u64) {
    let bits = big.bits();
    let shift = bits.saturating_sub(64);
    let top: BigInt = big >> shift;
    // Keep a sticky bit for what the shift dropped, so the rounding to 53 bits is right.
    let sticky = u64::from(&top << shift != *big);
    let top = u64::try_from(&top).unwrap_or(u64::MAX) | sticky;
    let scale = bits - shift;
    (libm::scalbn(top as f64, -(scale as i32)), bits)
}

/// Logarithms of non-positive numbers are NaN (not C's -inf at 0), so that `apply_1`
/// reports them as domain errors.
fn positive_only(x: f64, f: fn(f64) -> f64) -> f64 {
    if x > 0.0 || x.is_nan() {
        f(x)
    } else {
        f64::NAN
    }
}

fn ln(x: f64) -> f64 {
    positive_only(x, f64::ln)
}

fn log2(x: f64) -> f64 {
    positive_only(x, f64::log2)
}

fn log10(x: f64) -> f64 {
    positive_only(x, f64::log10)
}

fn math_log(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("log", kw)?;
    match args {
        [x] => Ok(float::new(ts, log_of(ts, x, ln)?)),
        [x, base] => {
            let num = log_of(ts, x, ln)?;
            let den = log_of(ts, base, ln)?;
            if den == 0.0 {
                return Err(PyErr::new(
                    ExceptionKind::ZeroDivisionError,
                    "division by zero",
                ));
            }
            Ok(float::new(ts, num / den))
        }
        [] => Err(PyErr::type_error("log expected at least 1 argument, got 0")),
        _ => Err(PyErr::type_error(format!(
            "log expected at most 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn math_log2(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = one_arg("log2", args, kw)?;
    if let Some(value) = x.downcast_ref::<Int>()
        && int_ops::int_to_f64(value).is_err()
    {
        let big = value.to_bigint();
        if big.sign() == Sign::Plus {
            // Exact for powers of two: log2(m * 2**e) = log2(m) + e.
            let (mantissa, exponent) = frexp_big(&big);
            return Ok(float::new(ts, mantissa.log2() + exponent as f64));
        }
    }
    Ok(float::new(ts, log_of(ts, x, log2)?))
}

fn math_log10(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = one_arg("log10", args, kw)?;
    Ok(float::new(ts, log_of(ts, x, log10)?))
}

fn math_ldexp(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two_args("ldexp", args, kw)?;
    let x = as_double(ts, a)?;
    let Some(exponent) = b.downcast_ref::<Int>() else {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    let exponent = exponent.to_bigint();
    if x == 0.0 || !x.is_finite() {
        return Ok(float::new(ts, x));
    }
    let e = i32::try_from(exponent.clone()).unwrap_or(if exponent.sign() == Sign::Minus {
        i32::MIN
    } else {
        i32::MAX
    });
    let r = libm::scalbn(x, e.clamp(-5000, 5000));
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(float::new(ts, r))
}

fn math_frexp(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = as_double(ts, one_arg("frexp", args, kw)?)?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    Ok(tuple::new(ts, vec![float::new(ts, m), int::new(ts, i64::from(e))]).into_ref())
}

fn math_modf(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = as_double(ts, one_arg("modf", args, kw)?)?;
    let (fraction, whole) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let whole = x.trunc();
        ((x - whole).copysign(x), whole)
    };
    Ok(tuple::new(ts, vec![float::new(ts, fraction), float::new(ts, whole)]).into_ref())
}

fn math_nextafter(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (positional, keywords) = split_args(args, kw);
    let mut steps = None;
    for (name, value) in keywords {
        if name == "steps" {
            steps = Some(value);
        } else {
            return Err(PyErr::type_error(format!(
                "nextafter() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    let [a, b] = positional else {
        return Err(PyErr::type_error(format!(
            "nextafter() takes exactly 2 positional arguments ({} given)",
            positional.len()
        )));
    };
    let (x, y) = (as_double(ts, a)?, as_double(ts, b)?);
    let steps = match steps {
        Some(steps) if !pyrite_objects::singletons::is_none(&steps) => {
            let steps = as_bigint(ts, &steps)?;
            if steps.sign() == Sign::Minus {
                return Err(value_error("steps must be a non-negative integer"));
            }
            u64::try_from(steps).unwrap_or(u64::MAX)
        }
        _ => 1,
    };
    let mut r = x;
    for _ in 0..steps.min(1 << 12) {
        if r == y || r.is_nan() {
            break;
        }
        r = libm::nextafter(r, y);
    }
    if steps > 1 << 12 && r != y && !r.is_nan() && !y.is_nan() {
        // Walk the remaining steps through the ordered integer representation.
        r = step_ordered(r, y, steps - (1 << 12));
    }
    Ok(float::new(ts, r))
}

/// `r` moved `steps` representable doubles towards `y`, stopping at `y`.
fn step_ordered(r: f64, y: f64, steps: u64) -> f64 {
    let key = |v: f64| {
        let bits = v.to_bits() as i64;
        if bits < 0 { i64::MIN - bits } else { bits }
    };
    let unkey = |k: i64| {
        f64::from_bits(if k < 0 {
            (i64::MIN - k) as u64
        } else {
            k as u64
        })
    };
    let (from, to) = (key(r), key(y));
    let distance = (i128::from(to) - i128::from(from)).unsigned_abs();
    if u128::from(steps) >= distance {
        return y;
    }
    let delta = steps as i64;
    unkey(if to > from {
        from + delta
    } else {
        from - delta
    })
}

fn math_ulp(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let x = as_double(ts, one_arg("ulp", args, kw)?)?.abs();
    let r = if x.is_nan() || x.is_infinite() {
        x
    } else if x == f64::MAX {
        x - libm::nextafter(x, 0.0)
    } else {
        libm::nextafter(x, f64::INFINITY) - x
    };
    Ok(float::new(ts, r))
}

fn math_isclose(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (positional, keywords) = split_args(args, kw);
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            positional.len()
        )));
    }
    let mut params: [Option<PyRef>; 4] = [None, None, None, None];
    for (index, value) in positional.iter().enumerate() {
        params[index] = Some(value.clone());
    }
    for (name, value) in keywords {
        let index = match name.as_str() {
            "a" => 0,
            "b" => 1,
            "rel_tol" => 2,
            "abs_tol" => 3,
            _ => {
                return Err(PyErr::type_error(format!(
                    "isclose() got an unexpected keyword argument '{name}'"
                )));
            }
        };
        if params[index].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for isclose() given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        params[index] = Some(value);
    }
    let [a, b, rel_tol, abs_tol] = params;
    let a =
        a.ok_or_else(|| PyErr::type_error("isclose() missing required argument 'a' (pos 1)"))?;
    let b =
        b.ok_or_else(|| PyErr::type_error("isclose() missing required argument 'b' (pos 2)"))?;
    let (a, b) = (as_double(ts, &a)?, as_double(ts, &b)?);
    let rel_tol = rel_tol.map_or(Ok(1e-9), |v| as_double(ts, &v))?;
    let abs_tol = abs_tol.map_or(Ok(0.0), |v| as_double(ts, &v))?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(pybool::bool_ref(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(pybool::bool_ref(false));
    }
    let diff = (b - a).abs();
    let close = diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol;
    Ok(pybool::bool_ref(close))
}

/// Shewchuk's exactly rounded sum of floats (`math.fsum`).
fn math_fsum(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let iterable = one_arg("fsum", args, kw)?;
    let iterator = iterobject::get_iter(ts, iterable)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    while let Some(item) = iterobject::next(ts, &iterator)? {
        let original = as_double(ts, &item)?;
        let x = absorb(&mut partials, original);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial: from an inf/nan input, or an overflow.
                if original.is_finite() {
                    return Err(PyErr::new(
                        ExceptionKind::OverflowError,
                        "intermediate overflow in fsum",
                    ));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(float::new(ts, special_sum));
    }
    Ok(float::new(ts, round_partials(&partials)))
}

/// Adds `x` into Shewchuk's non-overlapping partials (smallest first); returns the new
/// largest part, which the caller pushes (or handles if it is not finite).
fn absorb(partials: &mut Vec<f64>, mut x: f64) -> f64 {
    let mut kept = 0;
    for index in 0..partials.len() {
        let mut y = partials[index];
        if x.abs() < y.abs() {
            std::mem::swap(&mut x, &mut y);
        }
        let hi = x + y;
        let lo = y - (hi - x);
        if lo != 0.0 {
            partials[kept] = lo;
            kept += 1;
        }
        x = hi;
    }
    partials.truncate(kept);
    x
}

/// The correctly rounded value of the sum of non-overlapping partials (largest last).
fn round_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    let mut hi = 0.0;
    if n == 0 {
        return hi;
    }
    n -= 1;
    hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    // Half-way cases: round towards the side the remaining partials lean to.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

/// The Euclidean norm of `values`, accurate to within an ulp: scaled by the largest
/// magnitude, squares summed exactly with fused multiply-adds, then one Newton step.
fn vector_norm(values: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &v in values {
        let v = v.abs();
        found_nan |= v.is_nan();
        if v > max {
            max = v;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || values.len() <= 1 {
        return max;
    }
    let (_, exponent) = libm::frexp(max);
    let scale = |v: f64| libm::scalbn(v, -exponent);
    let mut sum = 0.0f64;
    let mut compensation = 0.0f64;
    for &v in values {
        let x = scale(v.abs());
        let square = x * x;
        let square_low = x.mul_add(x, -square);
        // Neumaier summation of square + square_low.
        for part in [square, square_low] {
            let total = sum + part;
            compensation += if sum.abs() >= part.abs() {
                (sum - total) + part
            } else {
                (part - total) + sum
            };
            sum = total;
        }
    }
    let total = sum + compensation;
    let mut h = total.sqrt();
    // One Newton step against the exact residual total - h*h.
    let residual = (-h).mul_add(h, total) + (compensation - (total - sum));
    h += residual / (2.0 * h);
    libm::scalbn(h, exponent)
}

fn math_hypot(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("hypot", kw)?;
    let values = args
        .iter()
        .map(|v| as_double(ts, v))
        .collect::<PyResult<Vec<f64>>>()?;
    Ok(float::new(ts, vector_norm(&values)))
}

fn math_dist(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (p, q) = two_args("dist", args, kw)?;
    let p = iterobject::collect(ts, p)?;
    let q = iterobject::collect(ts, q)?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        diffs.push((as_double(ts, a)? - as_double(ts, b)?).abs());
    }
    Ok(float::new(ts, vector_norm(&diffs)))
}

fn math_factorial(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let n = one_arg("factorial", args, kw)?;
    if float::as_f64(n).is_some() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = as_bigint(ts, n)?;
    if n.sign() == Sign::Minus {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let Ok(n) = u64::try_from(&n) else {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(int::from_bigint(ts, product_range(1, n)))
}

/// The product lo*(lo+1)*...*hi by binary splitting (fast for big results).
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::from(1);
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from(lo);
        for k in lo + 1..=hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn gcd_big(a: &BigInt, b: &BigInt) -> BigInt {
    use num_bigint::BigUint;
    let (mut x, mut y): (BigUint, BigUint) = (a.magnitude().clone(), b.magnitude().clone());
    while y != BigUint::default() {
        let r = &x % &y;
        x = y;
        y = r;
    }
    BigInt::from(x)
}

fn math_gcd(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("gcd", kw)?;
    let mut result = BigInt::default();
    for arg in args {
        let value = as_bigint(ts, arg)?;
        result = gcd_big(&result, &value);
    }
    Ok(int::from_bigint(ts, result))
}

fn math_lcm(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("lcm", kw)?;
    let mut result = BigInt::from(1);
    for arg in args {
        let value = as_bigint(ts, arg)?;
        if result.sign() == Sign::NoSign || value.sign() == Sign::NoSign {
            result = BigInt::default();
            continue;
        }
        let g = gcd_big(&result, &value);
        result = (&result / g * value).magnitude().clone().into();
    }
    Ok(int::from_bigint(ts, result))
}

fn math_isqrt(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let n = as_bigint(ts, one_arg("isqrt", args, kw)?)?;
    if n.sign() == Sign::Minus {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int::from_bigint(ts, n.sqrt()))
}

/// The non-negative integer arguments of `comb`/`perm`.
fn comb_perm_args(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    k_optional: bool,
) -> PyResult<(BigInt, Option<BigInt>)> {
    no_keywords(name, kw)?;
    let (n, k) = match args {
        [n, k] if !pyrite_objects::singletons::is_none(k) || !k_optional => (n, Some(k)),
        [n, _] | [n] if k_optional => (n, None),
        _ => {
            return Err(PyErr::type_error(if k_optional {
                format!("perm expected at most 2 arguments, got {}", args.len())
            } else {
                format!("comb expected 2 arguments, got {}", args.len())
            }));
        }
    };
    let n = as_bigint(ts, n)?;
    let k = k.map(|k| as_bigint(ts, k)).transpose()?;
    if n.sign() == Sign::Minus {
        return Err(value_error(if k.is_none() {
            "factorial() not defined for negative values"
        } else {
            "n must be a non-negative integer"
        }));
    }
    if k.as_ref().is_some_and(|k| k.sign() == Sign::Minus) {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn falling_product(n: &BigInt, k: u64) -> BigInt {
    let mut acc = BigInt::from(1);
    let mut factor = n.clone();
    for _ in 0..k {
        acc *= &factor;
        factor -= 1;
    }
    acc
}

fn too_large(name: &str) -> PyErr {
    PyErr::new(
        ExceptionKind::OverflowError,
        format!("{name} must not exceed 9223372036854775807"),
    )
}

fn math_comb(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (n, k) = comb_perm_args(ts, "comb", args, kw, false)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(int::new(ts, 0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = u64::try_from(&k).map_err(|_| too_large("min(n - k, k)"))?;
    let result = falling_product(&n, k) / product_range(1, k);
    Ok(int::from_bigint(ts, result))
}

fn math_perm(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (n, k) = comb_perm_args(ts, "perm", args, kw, true)?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(int::new(ts, 0));
    }
    let k = u64::try_from(&k).map_err(|_| too_large("k"))?;
    Ok(int::from_bigint(ts, falling_product(&n, k)))
}

fn math_prod(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (positional, keywords) = split_args(args, kw);
    let mut start = int::new(ts, 1);
    for (name, value) in keywords {
        if name == "start" {
            start = value;
        } else {
            return Err(PyErr::type_error(format!(
                "prod() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    let [iterable] = positional else {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            positional.len()
        )));
    };
    let iterator = iterobject::get_iter(ts, iterable)?;
    let mut acc = start;
    while let Some(item) = iterobject::next(ts, &iterator)? {
        acc = abstract_ops::binary_op(ts, abstract_ops::BinaryOp::Multiply, false, &acc, &item)?;
    }
    Ok(acc)
}

fn math_sumprod(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (p, q) = two_args("sumprod", args, kw)?;
    let p = iterobject::get_iter(ts, p)?;
    let q = iterobject::get_iter(ts, q)?;
    let mut total = int::new(ts, 0);
    // All-float inputs are summed exactly (products split with fma), as CPython does.
    let mut exact_floats: Option<Vec<f64>> = Some(Vec::new());
    loop {
        let a = iterobject::next(ts, &p)?;
        let b = iterobject::next(ts, &q)?;
        let (a, b) = match (a, b) {
            (None, None) => break,
            (Some(a), Some(b)) => (a, b),
            _ => return Err(value_error("Inputs are not the same length")),
        };
        if let (Some(parts), Some(x), Some(y)) =
            (exact_floats.as_mut(), float::as_f64(&a), float::as_f64(&b))
        {
            let product = x * y;
            parts.push(product);
            parts.push(x.mul_add(y, -product));
            continue;
        }
        if let Some(parts) = exact_floats.take()
            && !parts.is_empty()
        {
            total = float::new(ts, exact_sum(&parts));
        }
        let product = abstract_ops::binary_op(ts, abstract_ops::BinaryOp::Multiply, false, &a, &b)?;
        total = abstract_ops::binary_op(ts, abstract_ops::BinaryOp::Add, false, &total, &product)?;
    }
    if let Some(parts) = exact_floats
        && !parts.is_empty()
    {
        return Ok(float::new(ts, exact_sum(&parts)));
    }
    Ok(total)
}

/// The correctly rounded sum of finite doubles (`fsum` without its error reporting).
fn exact_sum(values: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &value in values {
        let x = absorb(&mut partials, value);
        if x != 0.0 {
            if !x.is_finite() {
                return x;
            }
            partials.push(x);
        }
    }
    round_partials(&partials)
}

fn add(ts: &ThreadState, dict: &Dict, name: &str, value: PyRef) {
    let _ = dict.set_item(ts, pystr::intern(ts, name), value);
}

/// Creates the `math` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = pyrite_objects::module::new(ts, "math").into_ref();
    let dict = pyrite_objects::module::dict_of(&module)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module without a dict"))?;
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module dict is not a dict"))?;
    add(
        ts,
        dict,
        "__doc__",
        pystr::new(
            ts,
            "This module provides access to the mathematical functions\ndefined by the C standard.",
        )
        .into_ref(),
    );
    let functions: &[(&'static str, NativeFn)] = &[
        ("acos", math_acos),
        ("acosh", math_acosh),
        ("asin", math_asin),
        ("asinh", math_asinh),
        ("atan", math_atan),
        ("atan2", math_atan2),
        ("atanh", math_atanh),
        ("cbrt", math_cbrt),
        ("ceil", math_ceil),
        ("comb", math_comb),
        ("copysign", math_copysign),
        ("cos", math_cos),
        ("cosh", math_cosh),
        ("degrees", math_degrees),
        ("dist", math_dist),
        ("erf", math_erf),
        ("erfc", math_erfc),
        ("exp", math_exp),
        ("exp2", math_exp2),
        ("expm1", math_expm1),
        ("fabs", math_fabs),
        ("factorial", math_factorial),
        ("floor", math_floor),
        ("fma", math_fma),
        ("fmod", math_fmod),
        ("frexp", math_frexp),
        ("fsum", math_fsum),
        ("gamma", math_gamma),
        ("gcd", math_gcd),
        ("hypot", math_hypot),
        ("isclose", math_isclose),
        ("isfinite", math_isfinite),
        ("isinf", math_isinf),
        ("isnan", math_isnan),
        ("isqrt", math_isqrt),
        ("lcm", math_lcm),
        ("ldexp", math_ldexp),
        ("lgamma", math_lgamma),
        ("log", math_log),
        ("log10", math_log10),
        ("log1p", math_log1p),
        ("log2", math_log2),
        ("modf", math_modf),
        ("nextafter", math_nextafter),
        ("perm", math_perm),
        ("pow", math_pow),
        ("prod", math_prod),
        ("radians", math_radians),
        ("remainder", math_remainder),
        ("sin", math_sin),
        ("sinh", math_sinh),
        ("sqrt", math_sqrt),
        ("sumprod", math_sumprod),
        ("tan", math_tan),
        ("tanh", math_tanh),
        ("trunc", math_trunc),
        ("ulp", math_ulp),
    ];
    for &(name, function) in functions {
        add(
            ts,
            dict,
            name,
            new_builtin_function(ts, name, function, module.clone()),
        );
    }
    let constants = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, value) in constants {
        add(ts, dict, name, float::new(ts, value));
    }
    Ok(module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_is_exact_on_small_integers_and_poles_are_nan() {
        assert_eq!(gamma(5.0), 24.0);
        assert_eq!(gamma(1.0), 1.0);
        assert!(gamma(0.0).is_nan());
        assert!(gamma(-3.0).is_nan());
        assert_eq!(gamma(0.5), 1.772_453_850_905_515_9);
    }

    #[test]
    fn fsum_rounds_exactly() {
        assert_eq!(exact_sum(&[0.1; 10]), 1.0);
        assert_eq!(exact_sum(&[1.0, 1e100, 1.0, -1e100]), 2.0);
    }

    #[test]
    fn hypot_of_pythagorean_triples_is_exact() {
        assert_eq!(vector_norm(&[3.0, 4.0]), 5.0);
        assert_eq!(vector_norm(&[3.0, 4.0, 12.0]), 13.0);
    }

    #[test]
    fn nextafter_steps_walk_across_zero() {
        assert_eq!(step_ordered(0.0, 1.0, 1), f64::from_bits(1));
        assert_eq!(step_ordered(f64::from_bits(1), -1.0, 2), -f64::from_bits(1));
    }
}
