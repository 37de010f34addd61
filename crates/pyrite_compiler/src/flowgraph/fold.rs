//! Evaluating operators on constants, for the folding the optimizer does.
//!
//! CPython counterpart: `Python/flowgraph.c` (`eval_const_binop`, `eval_const_unaryop`,
//! the `const_folding_safe_*` size guards) and the number/sequence protocols they call
//! (`Objects/longobject.c`, `floatobject.c`, `unicodeobject.c`, `tupleobject.c`). An
//! operation that would raise gives `None`: the instruction is left unfolded, as CPython
//! clears the error.

use num_bigint::{BigInt, Sign};
use pyrite_ast::PyStr;
use pyrite_bytecode::Constant;

const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: i64 = 256; // items
const MAX_STR_SIZE: i64 = 4096; // characters
const MAX_TOTAL_ITEMS: i64 = 1024; // including nested collections

/// `BINARY_OP` opargs (`NB_*`).
mod nb {
    pub const ADD: i32 = 0;
    pub const AND: i32 = 1;
    pub const FLOOR_DIVIDE: i32 = 2;
    pub const LSHIFT: i32 = 3;
    pub const MULTIPLY: i32 = 5;
    pub const REMAINDER: i32 = 6;
    pub const OR: i32 = 7;
    pub const POWER: i32 = 8;
    pub const RSHIFT: i32 = 9;
    pub const SUBTRACT: i32 = 10;
    pub const TRUE_DIVIDE: i32 = 11;
    pub const XOR: i32 = 12;
    pub const SUBSCR: i32 = 26;
}

/// Whether two constants are the same entry of `co_consts` (`_PyCode_ConstantKey`
/// equality: same type and value; floats by their bits so that `0.0` and `-0.0` differ).
pub fn same_constant(a: &Constant, b: &Constant) -> bool {
    use Constant as C;
    match (a, b) {
        (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
        (C::Bool(x), C::Bool(y)) => x == y,
        (C::Int(x), C::Int(y)) => x == y,
        (C::Float(x), C::Float(y)) => x.to_bits() == y.to_bits(),
        (C::Complex { real: r1, imag: i1 }, C::Complex { real: r2, imag: i2 }) => {
            r1.to_bits() == r2.to_bits() && i1.to_bits() == i2.to_bits()
        }
        (C::Str(x), C::Str(y)) => x == y,
        (C::Bytes(x), C::Bytes(y)) => x == y,
        (C::Tuple(x), C::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_constant(a, b))
        }
        (C::FrozenSet(x), C::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|a| y.iter().any(|b| same_constant(a, b)))
        }
        (C::Slice(x), C::Slice(y)) => x.iter().zip(y.iter()).all(|(a, b)| same_constant(a, b)),
        (C::Code(x), C::Code(y)) => x == y,
        _ => false,
    }
}

/// `PyObject_IsTrue`.
pub fn is_true(constant: &Constant) -> bool {
    use Constant as C;
    match constant {
        C::None => false,
        C::Ellipsis | C::Code(_) | C::Slice(_) => true,
        C::Bool(value) => *value,
        C::Int(value) => value.sign() != Sign::NoSign,
        C::Float(value) => *value != 0.0,
        C::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        C::Str(value) => !value.is_empty(),
        C::Bytes(value) => !value.is_empty(),
        C::Tuple(items) | C::FrozenSet(items) => !items.is_empty(),
    }
}

/// A small `int` `LOAD_SMALL_INT` can load (`_PY_IS_SMALL_INT`, `bool` excluded).
pub fn small_int(constant: &Constant) -> Option<i32> {
    match constant {
        Constant::Int(value) => i32::try_from(value).ok().filter(|v| (0..256).contains(v)),
        _ => None,
    }
}

enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(constant: &Constant) -> Option<Num> {
    match constant {
        Constant::Bool(value) => Some(Num::Int(BigInt::from(u8::from(*value)))),
        Constant::Int(value) => Some(Num::Int(value.clone())),
        Constant::Float(value) => Some(Num::Float(*value)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn as_int(constant: &Constant) -> Option<BigInt> {
    match constant {
        Constant::Bool(value) => Some(BigInt::from(u8::from(*value))),
        Constant::Int(value) => Some(value.clone()),
        _ => None,
    }
}

/// `PyLong_AsDouble`: fails on overflow.
fn int_to_float(value: &BigInt) -> Option<f64> {
    let float = num_traits_to_f64(value).unwrap_or(f64::INFINITY);
    float.is_finite().then_some(float)
}

fn num_traits_to_f64(value: &BigInt) -> Option<f64> {
    // Correctly rounded (round-half-even) conversion via the decimal text, which the
    // standard library parses exactly.
    value.to_string().parse::<f64>().ok()
}

fn bits(value: &BigInt) -> u64 {
    value.bits()
}

fn float_result(value: f64) -> Option<Constant> {
    Some(Constant::Float(value))
}

/// Python's float `//` and `%` (`float_floor_div`, `float_rem`'s `_float_div_mod`).
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut modulo = vx % wx;
    let mut div = (vx - modulo) / wx;
    if modulo != 0.0 {
        if (wx < 0.0) != (modulo < 0.0) {
            modulo += wx;
            div -= 1.0;
        }
    } else {
        modulo = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut floordiv = div.floor();
        if div - floordiv > 0.5 {
            floordiv += 1.0;
        }
        floordiv
    } else {
        0.0_f64.copysign(vx / wx)
    };
    Some((floordiv, modulo))
}

fn float_pow(base: f64, exponent: f64) -> Option<f64> {
    if exponent == 0.0 {
        return Some(1.0);
    }
    if base.is_nan() || exponent.is_nan() {
        return Some(f64::NAN);
    }
    if base == 0.0 && exponent < 0.0 {
        return None;
    }
    if base < 0.0 && exponent != exponent.floor() && exponent.is_finite() {
        // Negative numbers raised to fractional powers become complex.
        return None;
    }
    let result = base.powf(exponent);
    if result.is_infinite() && base.is_finite() && exponent.is_finite() {
        return None;
    }
    Some(result)
}

fn int_floor_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.sign() == Sign::NoSign {
        return None;
    }
    let mut quotient = a / b;
    let mut remainder = a % b;
    if remainder.sign() != Sign::NoSign
        && (remainder.sign() == Sign::Minus) != (b.sign() == Sign::Minus)
    {
        quotient -= 1;
        remainder += b;
    }
    Some((quotient, remainder))
}

/// `long_true_divide`: the correctly rounded quotient (round-half-even), `None` on
/// division by zero or overflow.
fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.sign() == Sign::NoSign {
        return None;
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    if a.sign() == Sign::NoSign {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let (num, den) = (
        BigInt::from(a.magnitude().clone()),
        BigInt::from(b.magnitude().clone()),
    );
    // Scale so that the integer quotient has 55 or 56 bits.
    let shift = den.bits() as i64 - num.bits() as i64 + 55;
    let (num, den) = if shift >= 0 {
        (num << shift as u64, den)
    } else {
        (num, den << (-shift) as u64)
    };
    let quotient = &num / &den;
    let sticky = (&num % &den).sign() != Sign::NoSign;
    let extra = quotient.bits() as i64 - 53;
    let kept: BigInt = &quotient >> extra as u64;
    let dropped = &quotient - (&kept << extra as u64);
    let half = BigInt::from(1) << (extra - 1) as u64;
    let mut mantissa = u64::try_from(&kept).ok()?;
    if dropped > half || (dropped == half && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    let exponent = extra - shift;
    let value = (mantissa as f64) * 2f64.powi(i32::try_from(exponent).ok()?);
    if !value.is_finite() {
        return None;
    }
    Some(if negative { -value } else { value })
}

fn int_binop(a: &BigInt, op: i32, b: &BigInt) -> Option<Constant> {
    let zero = |v: &BigInt| v.sign() == Sign::NoSign;
    let result = match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => {
            if !zero(a) && !zero(b) && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        nb::TRUE_DIVIDE => return float_result(int_true_divide(a, b)?),
        nb::FLOOR_DIVIDE => int_floor_divmod(a, b)?.0,
        nb::REMAINDER => int_floor_divmod(a, b)?.1,
        nb::POWER => {
            if zero(a) && b.sign() == Sign::Plus {
                return Some(Constant::Int(BigInt::from(0)));
            }
            if b.sign() == Sign::Minus {
                return float_result(float_pow(int_to_float(a)?, int_to_float(b)?)?);
            }
            let exponent = u64::try_from(b).ok()?;
            if !zero(a) && exponent > 0 && bits(a) > MAX_INT_SIZE / exponent {
                return None;
            }
            num_bigint::BigInt::pow(a, u32::try_from(exponent).ok()?)
        }
        nb::LSHIFT => {
            if b.sign() == Sign::Minus {
                return None;
            }
            if zero(a) {
                return Some(Constant::Int(BigInt::from(0)));
            }
            if zero(b) {
                return Some(Constant::Int(a.clone()));
            }
            let shift = u64::try_from(b).ok()?;
            if shift > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - shift {
                return None;
            }
            a << shift
        }
        nb::RSHIFT => {
            if b.sign() == Sign::Minus {
                return None;
            }
            match u64::try_from(b) {
                Ok(shift) if shift < 1 << 32 => a >> shift,
                _ if a.sign() == Sign::Minus => BigInt::from(-1),
                _ => BigInt::from(0),
            }
        }
        nb::AND => a & b,
        nb::OR => a | b,
        nb::XOR => a ^ b,
        _ => return None,
    };
    Some(Constant::Int(result))
}

fn float_binop(a: f64, op: i32, b: f64) -> Option<Constant> {
    let value = match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        nb::FLOOR_DIVIDE => float_divmod(a, b)?.0,
        nb::REMAINDER => float_divmod(a, b)?.1,
        nb::POWER => {
            if a < 0.0 && b != b.floor() && b.is_finite() {
                let (real, imag) = c_pow((a, 0.0), (b, 0.0))?;
                return Some(Constant::Complex { real, imag });
            }
            float_pow(a, b)?
        }
        _ => return None,
    };
    float_result(value)
}

type Complex = (f64, f64);

/// `_Py_c_prod`.
fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot` (Smith's method); `None` when dividing by zero.
fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_real, abs_imag) = (b.0.abs(), b.1.abs());
    if abs_real >= abs_imag {
        if abs_real == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_imag >= abs_real {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_rc_quot`: a real number divided by a complex one.
fn rc_quot(a: f64, b: Complex) -> Option<Complex> {
    let (abs_real, abs_imag) = (b.0.abs(), b.1.abs());
    if abs_real >= abs_imag {
        if abs_real == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some((a / denom, (-a * ratio) / denom))
    } else if abs_imag >= abs_real {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a * ratio) / denom, (-a) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `c_powu`: by repeated squaring.
fn c_powu(x: Complex, n: u64) -> Complex {
    let mut result = (1.0, 0.0);
    let mut power = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            result = c_prod(result, power);
        }
        mask <<= 1;
        power = c_prod(power, power);
    }
    result
}

/// `_Py_c_pow`.
fn c_pow(a: Complex, b: Complex) -> Option<Complex> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    let result = (len * phase.cos(), len * phase.sin());
    (result.0.is_finite() && result.1.is_finite()).then_some(result)
}

/// `complex_pow`: small integral exponents by multiplication, others in polar form.
fn complex_pow(a: Complex, b: Complex) -> Option<Complex> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let result = if n >= 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs()))?
        };
        return (result.0.is_finite() && result.1.is_finite()).then_some(result);
    }
    c_pow(a, b)
}

/// Complex arithmetic with 3.14's mixed-mode rules: a real operand (int or float) has no
/// imaginary part to combine.
fn complex_binop(a: &Num, op: i32, b: &Num) -> Option<Constant> {
    let real = |n: &Num| -> Option<Option<f64>> {
        match n {
            Num::Int(v) => Some(Some(int_to_float(v)?)),
            Num::Float(v) => Some(Some(*v)),
            Num::Complex(..) => Some(None),
        }
    };
    let (ra, rb) = (real(a)?, real(b)?);
    let pa = complex_parts(a)?;
    let pb = complex_parts(b)?;
    let (real_part, imag) = match (op, ra, rb) {
        (nb::ADD, Some(x), None) => (x + pb.0, pb.1),
        (nb::ADD, None, Some(y)) => (pa.0 + y, pa.1),
        (nb::ADD, _, _) => (pa.0 + pb.0, pa.1 + pb.1),
        (nb::SUBTRACT, Some(x), None) => (x - pb.0, -pb.1),
        (nb::SUBTRACT, None, Some(y)) => (pa.0 - y, pa.1),
        (nb::SUBTRACT, _, _) => (pa.0 - pb.0, pa.1 - pb.1),
        (nb::MULTIPLY, Some(x), None) => (x * pb.0, x * pb.1),
        (nb::MULTIPLY, None, Some(y)) => (pa.0 * y, pa.1 * y),
        (nb::MULTIPLY, _, _) => c_prod(pa, pb),
        (nb::TRUE_DIVIDE, Some(x), None) => rc_quot(x, pb)?,
        (nb::TRUE_DIVIDE, None, Some(y)) => {
            if y == 0.0 {
                return None;
            }
            (pa.0 / y, pa.1 / y)
        }
        (nb::TRUE_DIVIDE, _, _) => c_quot(pa, pb)?,
        (nb::POWER, _, _) => complex_pow(pa, pb)?,
        _ => return None,
    };
    Some(Constant::Complex {
        real: real_part,
        imag,
    })
}

fn numeric_binop(left: Num, op: i32, right: Num) -> Option<Constant> {
    match (left, right) {
        (Num::Int(a), Num::Int(b)) => int_binop(&a, op, &b),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => None,
        (Num::Float(a), Num::Float(b)) => float_binop(a, op, b),
        (Num::Float(a), Num::Int(b)) => float_binop(a, op, int_to_float(&b)?),
        (Num::Int(a), Num::Float(b)) => float_binop(int_to_float(&a)?, op, b),
    }
}

fn complex_parts(num: &Num) -> Option<(f64, f64)> {
    match num {
        Num::Int(v) => Some((int_to_float(v)?, 0.0)),
        Num::Float(v) => Some((*v, 0.0)),
        Num::Complex(r, i) => Some((*r, *i)),
    }
}

/// A repeat count `PyLong_AsLong` accepts.
fn repeat_count(count: &BigInt) -> Option<i64> {
    i64::try_from(count).ok()
}

fn total_items_within(constant: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) = constant {
        limit -= items.len() as i64;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = total_items_within(item, limit);
            if limit < 0 {
                return limit;
            }
        }
    }
    limit
}

fn repeat(count: &BigInt, sequence: &Constant) -> Option<Constant> {
    let n = repeat_count(count);
    let empty = match sequence {
        Constant::Tuple(items) => items.is_empty(),
        Constant::Str(text) => text.is_empty(),
        Constant::Bytes(bytes) => bytes.is_empty(),
        _ => false,
    };
    if empty {
        // `PyNumber_Multiply` still wants a count that fits an index.
        n?;
        return Some(sequence.clone());
    }
    match sequence {
        Constant::Tuple(items) => {
            let size = items.len() as i64;
            if size != 0 {
                let n = n?;
                if n < 0 || n > MAX_COLLECTION_SIZE / size {
                    return None;
                }
                if n != 0 && total_items_within(sequence, MAX_TOTAL_ITEMS / n) < 0 {
                    return None;
                }
            }
            let n = usize::try_from(n?.max(0)).ok()?;
            let mut result = Vec::new();
            for _ in 0..n {
                result.extend(items.iter().cloned());
            }
            Some(Constant::Tuple(result))
        }
        Constant::Str(text) => {
            let size = text.len() as i64;
            if size != 0 {
                let n = n?;
                if n < 0 || n > MAX_STR_SIZE / size {
                    return None;
                }
            }
            let n = usize::try_from(n?.max(0)).ok()?;
            let mut result = PyStr::new();
            for _ in 0..n {
                result.push_py_str(text);
            }
            Some(Constant::Str(result))
        }
        Constant::Bytes(bytes) => {
            let size = bytes.len() as i64;
            if size != 0 {
                let n = n?;
                if n < 0 || n > MAX_STR_SIZE / size {
                    return None;
                }
            }
            let n = usize::try_from(n?.max(0)).ok()?;
            Some(Constant::Bytes(bytes.repeat(n)))
        }
        _ => None,
    }
}

/// `PySlice_GetIndicesEx` + the selected positions.
fn slice_positions(slice: &[Constant; 3], length: usize) -> Option<Vec<usize>> {
    let part = |constant: &Constant| -> Option<Option<BigInt>> {
        match constant {
            Constant::None => Some(None),
            other => as_int(other).map(Some),
        }
    };
    let step = part(&slice[2])?.unwrap_or_else(|| BigInt::from(1));
    if step.sign() == Sign::NoSign {
        return None;
    }
    let length = i128::try_from(length).ok()?;
    let clamp = |value: &BigInt| -> i128 {
        i128::try_from(value).unwrap_or(if value.sign() == Sign::Minus {
            -(1i128 << 100)
        } else {
            1i128 << 100
        })
    };
    let step = clamp(&step);
    let (lower, upper) = if step < 0 {
        (-1, length - 1)
    } else {
        (0, length)
    };
    let adjust = |value: Option<BigInt>, default: i128| -> i128 {
        match value {
            None => default,
            Some(value) => {
                let mut index = clamp(&value);
                if index < 0 {
                    index += length;
                    index.max(lower)
                } else {
                    index.min(upper)
                }
            }
        }
    };
    let start = adjust(part(&slice[0])?, if step < 0 { upper } else { lower });
    let stop = adjust(part(&slice[1])?, if step < 0 { lower } else { upper });
    let mut positions = Vec::new();
    let mut index = start;
    while (step > 0 && index < stop) || (step < 0 && index > stop) {
        positions.push(usize::try_from(index).ok()?);
        index += step;
    }
    Some(positions)
}

fn index_position(index: &BigInt, length: usize) -> Option<usize> {
    let mut index = i128::try_from(index).ok()?;
    if index < 0 {
        index += i128::try_from(length).ok()?;
    }
    usize::try_from(index).ok().filter(|&i| i < length)
}

fn subscript(container: &Constant, key: &Constant) -> Option<Constant> {
    match (container, key) {
        (Constant::Str(text), Constant::Slice(slice)) => {
            let points: Vec<u32> = text.code_points().collect();
            let positions = slice_positions(slice, points.len())?;
            PyStr::from_code_points(positions.into_iter().map(|i| points[i]))
                .ok()
                .map(Constant::Str)
        }
        (Constant::Bytes(bytes), Constant::Slice(slice)) => {
            let positions = slice_positions(slice, bytes.len())?;
            Some(Constant::Bytes(
                positions.into_iter().map(|i| bytes[i]).collect(),
            ))
        }
        (Constant::Tuple(items), Constant::Slice(slice)) => {
            let positions = slice_positions(slice, items.len())?;
            Some(Constant::Tuple(
                positions.into_iter().map(|i| items[i].clone()).collect(),
            ))
        }
        (Constant::Str(text), key) => {
            let index = as_int(key)?;
            let points: Vec<u32> = text.code_points().collect();
            let position = index_position(&index, points.len())?;
            PyStr::from_code_points([points[position]])
                .ok()
                .map(Constant::Str)
        }
        (Constant::Bytes(bytes), key) => {
            let index = as_int(key)?;
            let position = index_position(&index, bytes.len())?;
            Some(Constant::Int(BigInt::from(bytes[position])))
        }
        (Constant::Tuple(items), key) => {
            let index = as_int(key)?;
            let position = index_position(&index, items.len())?;
            Some(items[position].clone())
        }
        _ => None,
    }
}

/// `eval_const_binop`: `left OP right` for a `BINARY_OP` oparg.
pub fn binop(left: &Constant, op: i32, right: &Constant) -> Option<Constant> {
    use Constant as C;
    if op == nb::SUBSCR {
        return subscript(left, right);
    }
    // bool & | ^ bool stays a bool.
    if let (C::Bool(a), C::Bool(b)) = (left, right) {
        match op {
            nb::AND => return Some(C::Bool(*a & *b)),
            nb::OR => return Some(C::Bool(*a | *b)),
            nb::XOR => return Some(C::Bool(*a ^ *b)),
            _ => {}
        }
    }
    match (left, right) {
        (C::Str(a), C::Str(b)) if op == nb::ADD => {
            let mut result = a.clone();
            result.push_py_str(b);
            return Some(C::Str(result));
        }
        (C::Bytes(a), C::Bytes(b)) if op == nb::ADD => {
            return Some(C::Bytes([a.as_slice(), b.as_slice()].concat()));
        }
        (C::Tuple(a), C::Tuple(b)) if op == nb::ADD => {
            return Some(C::Tuple(a.iter().chain(b).cloned().collect()));
        }
        (C::Str(_) | C::Bytes(_) | C::Tuple(_), count) if op == nb::MULTIPLY => {
            return repeat(&as_int(count)?, left);
        }
        (count, C::Str(_) | C::Bytes(_) | C::Tuple(_)) if op == nb::MULTIPLY => {
            return repeat(&as_int(count)?, right);
        }
        _ => {}
    }
    let (a, b) = (as_num(left)?, as_num(right)?);
    if matches!(a, Num::Complex(..)) || matches!(b, Num::Complex(..)) {
        return complex_binop(&a, op, &b);
    }
    numeric_binop(a, op, b)
}

/// The unary operators the optimizer folds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unary {
    Negative,
    Invert,
    Not,
    Positive,
}

/// `eval_const_unaryop`.
pub fn unary(operand: &Constant, op: Unary) -> Option<Constant> {
    if op == Unary::Not {
        return Some(Constant::Bool(!is_true(operand)));
    }
    let num = as_num(operand)?;
    match (op, num) {
        (Unary::Negative, Num::Int(v)) => Some(Constant::Int(-v)),
        (Unary::Negative, Num::Float(v)) => Some(Constant::Float(-v)),
        (Unary::Negative, Num::Complex(r, i)) => Some(Constant::Complex { real: -r, imag: -i }),
        // `~True` warns (DeprecationWarning), which the compiler treats as a failure.
        (Unary::Invert, Num::Int(_)) if matches!(operand, Constant::Bool(_)) => None,
        (Unary::Invert, Num::Int(v)) => Some(Constant::Int(-(v + BigInt::from(1)))),
        (Unary::Positive, Num::Int(v)) => Some(Constant::Int(v)),
        (Unary::Positive, Num::Float(v)) => Some(Constant::Float(v)),
        (Unary::Positive, Num::Complex(real, imag)) => Some(Constant::Complex { real, imag }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i64) -> Constant {
        Constant::Int(BigInt::from(v))
    }

    #[test]
    fn python_division_semantics() {
        assert_eq!(binop(&int(-7), nb::FLOOR_DIVIDE, &int(2)), Some(int(-4)));
        assert_eq!(binop(&int(-7), nb::REMAINDER, &int(2)), Some(int(1)));
        assert_eq!(binop(&int(7), nb::REMAINDER, &int(0)), None);
        assert_eq!(
            binop(&int(1), nb::TRUE_DIVIDE, &int(2)),
            Some(Constant::Float(0.5))
        );
        assert_eq!(
            binop(&Constant::Float(-7.5), nb::FLOOR_DIVIDE, &int(2)),
            Some(Constant::Float(-4.0))
        );
        assert_eq!(
            binop(&int(2), nb::POWER, &int(-1)),
            Some(Constant::Float(0.5))
        );
        assert_eq!(binop(&int(2), nb::POWER, &int(200)), None);
        assert_eq!(
            binop(&int(1), nb::LSHIFT, &int(100)),
            Some(Constant::Int(BigInt::from(1) << 100))
        );
        assert_eq!(binop(&int(-1), nb::RSHIFT, &int(10)), Some(int(-1)));
    }

    #[test]
    fn sequences() {
        assert_eq!(
            binop(&Constant::str("ab"), nb::MULTIPLY, &int(3)),
            Some(Constant::str("ababab"))
        );
        assert_eq!(binop(&Constant::str("ab"), nb::MULTIPLY, &int(5000)), None);
        assert_eq!(
            binop(&Constant::str("abc"), nb::SUBSCR, &int(-1)),
            Some(Constant::str("c"))
        );
        let slice = Constant::Slice(Box::new([Constant::None, Constant::None, int(-1)]));
        assert_eq!(
            binop(&Constant::str("abc"), nb::SUBSCR, &slice),
            Some(Constant::str("cba"))
        );
        assert_eq!(
            binop(&Constant::Bool(true), nb::AND, &Constant::Bool(false)),
            Some(Constant::Bool(false))
        );
        assert_eq!(
            binop(&Constant::Bool(true), nb::ADD, &Constant::Bool(true)),
            Some(int(2))
        );
    }
}
