//! The format codes shared by the `_struct` module and `memoryview`: each code's size
//! and alignment (native sizes as 64-bit CPython on x86-64, or the standard sizes), and
//! packing or unpacking one item.
//!
//! CPython counterpart: the `formatdef` tables of `Modules/_struct.c` (`native_table`,
//! `bigendian_table`, `lilendian_table`), `PyFloat_Pack2/4/8` and `PyFloat_Unpack2/4/8`
//! of `Objects/floatobject.c`, and `pack_single`/`unpack_single` of
//! `Objects/memoryobject.c`, which use the same native layouts. Callers turn a
//! `PackError` into their own messages (`struct.error` or memoryview's
//! `TypeError`/`ValueError`).

use num_traits::ToPrimitive;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;

/// How a format lays items out: native (`@`, or no prefix) sizes and alignment, or the
/// standard sizes without alignment in a given byte order (`=`, `<`, `>`, `!`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Layout {
    pub native: bool,
    pub little_endian: bool,
}

impl Layout {
    pub const NATIVE: Layout = Layout {
        native: true,
        little_endian: cfg!(target_endian = "little"),
    };

    /// The layout a format's first character selects, if it is a prefix.
    pub fn from_prefix(prefix: u8) -> Option<Layout> {
        let little = cfg!(target_endian = "little");
        Some(match prefix {
            b'@' => Layout::NATIVE,
            b'=' => Layout {
                native: false,
                little_endian: little,
            },
            b'<' => Layout {
                native: false,
                little_endian: true,
            },
            b'>' | b'!' => Layout {
                native: false,
                little_endian: false,
            },
            _ => return None,
        })
    }
}

/// The size and alignment of one item of `code`, or `None` when the code does not
/// exist in that layout (`n`, `N` and `P` are native only).
pub fn item_layout(code: u8, native: bool) -> Option<(usize, usize)> {
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

/// The single-character formats `memoryview.cast` accepts (all native).
pub fn is_native_single_code(code: u8) -> bool {
    matches!(
        code,
        b'c' | b'b'
            | b'B'
            | b'h'
            | b'H'
            | b'i'
            | b'I'
            | b'l'
            | b'L'
            | b'q'
            | b'Q'
            | b'n'
            | b'N'
            | b'f'
            | b'd'
            | b'e'
            | b'?'
            | b'P'
    )
}

/// Why one value could not be packed.
pub enum PackError {
    /// An integer code got an object without `__index__`.
    NotInteger,
    /// A float code got an object that does not convert to float.
    NotFloat,
    /// An integer outside `min..=max`.
    Range { min: i128, max: i128 },
    /// A finite float too large for `f` or `e`.
    FloatOverflow,
    /// `c` got something other than a bytes object of length 1 (`true` when it was a
    /// `bytes` of another length).
    Char { was_bytes: bool },
    /// An exception raised while converting the value (`__index__`, `__float__`,
    /// `__bool__`).
    Raised(PyErr),
}

impl From<PyErr> for PackError {
    fn from(err: PyErr) -> PackError {
        PackError::Raised(err)
    }
}

/// The range of an integer code of `size` bytes.
pub fn integer_range(code: u8, size: usize) -> (i128, i128) {
    let bits = size as u32 * 8;
    match code {
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        }
        // a pointer takes any value a C `intptr_t` or `uintptr_t` holds
        b'P' => (-(1i128 << (bits - 1)), (1i128 << bits) - 1),
        _ => (0, (1i128 << bits) - 1),
    }
}

/// An integer argument as `_struct`'s `get_pylong`: an `int`, or `__index__`'s result.
fn integer_value(ts: &ThreadState, value: &PyObject) -> Result<Option<i128>, PackError> {
    let index = if value.payload_is::<crate::int::Int>() {
        value.new_ref()
    } else if value.ob_type().number.index.get().is_some() {
        crate::abstract_api::index(ts, value)?
    } else {
        return Err(PackError::NotInteger);
    };
    Ok(index
        .downcast_ref::<crate::int::Int>()
        .and_then(|int| int.to_bigint().to_i128()))
}

/// A float argument as `PyFloat_AsDouble`: a float, or `__float__`, or `__index__`.
pub fn float_value(ts: &ThreadState, value: &PyObject) -> Result<f64, PackError> {
    if let Some(value) = crate::float::as_f64(value) {
        return Ok(value);
    }
    let ty = value.ob_type();
    if ty.number.float.get().is_none() && ty.number.index.get().is_none() {
        return Err(PackError::NotFloat);
    }
    let converted = crate::float_ops::to_float(ts, value)?;
    crate::float::as_f64(&converted).ok_or(PackError::NotFloat)
}

/// Writes `bytes` (little-endian order) into `out` in the layout's byte order.
fn write_ordered(out: &mut [u8], little: &[u8], little_endian: bool) {
    if little_endian {
        out.copy_from_slice(little);
    } else {
        for (slot, byte) in out.iter_mut().zip(little.iter().rev()) {
            *slot = *byte;
        }
    }
}

/// Packs one value of a single-item code (not `x`, `s` or `p`) into `out`, whose
/// length is the code's size in `layout`.
pub fn pack_item(
    ts: &ThreadState,
    code: u8,
    layout: Layout,
    value: &PyObject,
    out: &mut [u8],
) -> Result<(), PackError> {
    let size = out.len();
    match code {
        b'c' => match crate::bytes::as_bytes(value) {
            Some([byte]) => {
                out[0] = *byte;
                Ok(())
            }
            Some(_) => Err(PackError::Char { was_bytes: true }),
            None => Err(PackError::Char { was_bytes: false }),
        },
        b'?' => {
            out.fill(0);
            out[0] = u8::from(value.is_true(ts)?);
            Ok(())
        }
        b'e' => {
            let bits = pack_half(float_value(ts, value)?).ok_or(PackError::FloatOverflow)?;
            write_ordered(out, &bits.to_le_bytes(), layout.little_endian);
            Ok(())
        }
        b'f' => {
            let wide = float_value(ts, value)?;
            let narrow = wide as f32;
            if narrow.is_infinite() && wide.is_finite() {
                return Err(PackError::FloatOverflow);
            }
            write_ordered(out, &narrow.to_le_bytes(), layout.little_endian);
            Ok(())
        }
        b'd' => {
            let wide = float_value(ts, value)?;
            write_ordered(out, &wide.to_le_bytes(), layout.little_endian);
            Ok(())
        }
        _ => {
            let (min, max) = integer_range(code, size);
            let number = integer_value(ts, value)?
                .filter(|number| (min..=max).contains(number))
                .ok_or(PackError::Range { min, max })?;
            let bytes = number.to_le_bytes();
            write_ordered(out, &bytes[..size], layout.little_endian);
            Ok(())
        }
    }
}

/// A value read from one item, before it becomes an object (memoryview compares these
/// without calling into Python).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ItemValue {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(u8),
}

impl ItemValue {
    pub fn to_object(self, ts: &ThreadState) -> PyRef {
        match self {
            ItemValue::Int(value) => match i64::try_from(value) {
                Ok(small) => crate::int::new(ts, small),
                Err(_) => crate::int::from_bigint(ts, value.into()),
            },
            ItemValue::Float(value) => crate::float::new(ts, value),
            ItemValue::Bool(value) => crate::bool::bool_ref(value),
            ItemValue::Char(byte) => crate::bytes::new(ts, &[byte]),
        }
    }

    /// Python's `==` between the two values.
    pub fn equals(self, other: ItemValue) -> bool {
        let number = |value: ItemValue| match value {
            ItemValue::Int(value) => Some((Some(value), value as f64)),
            ItemValue::Bool(value) => Some((Some(i128::from(value)), f64::from(u8::from(value)))),
            ItemValue::Float(value) => Some((None, value)),
            ItemValue::Char(_) => None,
        };
        match (self, other) {
            (ItemValue::Char(a), ItemValue::Char(b)) => a == b,
            _ => match (number(self), number(other)) {
                (Some((Some(a), _)), Some((Some(b), _))) => a == b,
                (Some((Some(a), _)), Some((None, b))) | (Some((None, b)), Some((Some(a), _))) => {
                    b.is_finite() && b.fract() == 0.0 && b.abs() < 1e38 && b as i128 == a
                }
                (Some((None, a)), Some((None, b))) => a == b,
                _ => false,
            },
        }
    }
}

/// Reads one item of a single-item code from `data` (the code's size in `layout`).
pub fn unpack_item(code: u8, layout: Layout, data: &[u8]) -> ItemValue {
    let mut little = [0u8; 16];
    let size = data.len().min(16);
    if layout.little_endian {
        little[..size].copy_from_slice(&data[..size]);
    } else {
        for (slot, byte) in little.iter_mut().zip(data[..size].iter().rev()) {
            *slot = *byte;
        }
    }
    match code {
        b'c' => ItemValue::Char(data.first().copied().unwrap_or(0)),
        b'?' => ItemValue::Bool(data.iter().any(|&byte| byte != 0)),
        b'e' => ItemValue::Float(unpack_half(u16::from_le_bytes([little[0], little[1]]))),
        b'f' => ItemValue::Float(f64::from(f32::from_le_bytes([
            little[0], little[1], little[2], little[3],
        ]))),
        b'd' => ItemValue::Float(f64::from_le_bytes([
            little[0], little[1], little[2], little[3], little[4], little[5], little[6], little[7],
        ])),
        _ => {
            let unsigned = u128::from_le_bytes(little);
            let bits = size as u32 * 8;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let value = if signed && bits > 0 && bits < 128 && unsigned >> (bits - 1) & 1 == 1 {
                (unsigned as i128) - (1i128 << bits)
            } else {
                unsigned as i128
            };
            ItemValue::Int(value)
        }
    }
}

/// An IEEE 754 binary16 value's bits, rounded half to even; `None` when a finite value
/// is too large (CPython's `PyFloat_Pack2` raises `OverflowError` then).
pub fn pack_half(value: f64) -> Option<u16> {
    let sign: u16 = if value.is_sign_negative() { 0x8000 } else { 0 };
    if value.is_nan() {
        return Some(sign | 0x7e00);
    }
    let magnitude = value.abs();
    if magnitude.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // below 2**-14 the result is subnormal: a multiple of 2**-24
    if magnitude < f64::powi(2.0, -14) {
        let units = (magnitude * f64::powi(2.0, 24)).round_ties_even() as u16;
        return Some(sign | units);
    }
    let mut exponent = ((magnitude.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let fraction = magnitude / f64::powi(2.0, exponent) - 1.0;
    let mut mantissa = (fraction * 1024.0).round_ties_even() as u16;
    if mantissa == 1024 {
        mantissa = 0;
        exponent += 1;
    }
    if exponent > 15 {
        return None;
    }
    Some(sign | (((exponent + 15) as u16) << 10) | mantissa)
}

/// The value of IEEE 754 binary16 bits.
pub fn unpack_half(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let mantissa = f64::from(bits & 0x3ff);
    let magnitude = match exponent {
        0 => mantissa * f64::powi(2.0, -24),
        0x1f if mantissa == 0.0 => f64::INFINITY,
        0x1f => f64::NAN,
        _ => (1.0 + mantissa / 1024.0) * f64::powi(2.0, exponent - 15),
    };
    sign * magnitude
}

/// The exception `memoryview` raises for a value its format cannot hold.
pub fn memoryview_pack_error(code: u8, err: PackError) -> PyErr {
    match err {
        PackError::Raised(err) => err,
        PackError::NotInteger | PackError::NotFloat | PackError::Char { was_bytes: false } => {
            PyErr::type_error(format!(
                "memoryview: invalid type for format '{}'",
                code as char
            ))
        }
        PackError::Range { .. } | PackError::FloatOverflow | PackError::Char { .. } => PyErr::new(
            ExceptionKind::ValueError,
            format!("memoryview: invalid value for format '{}'", code as char),
        ),
    }
}

/// Packs for `memoryview`, where `f` narrows without an overflow check.
pub fn memoryview_pack(
    ts: &ThreadState,
    code: u8,
    value: &PyObject,
    out: &mut [u8],
) -> PyResult<()> {
    let result = if code == b'f' {
        float_value(ts, value).map(|wide| out.copy_from_slice(&(wide as f32).to_ne_bytes()))
    } else {
        pack_item(ts, code, Layout::NATIVE, value, out)
    };
    result.map_err(|err| memoryview_pack_error(code, err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_round_half_to_even() {
        assert_eq!(pack_half(1.0), Some(0x3c00));
        assert_eq!(pack_half(65504.0), Some(0x7bff));
        assert_eq!(pack_half(65519.99), Some(0x7bff));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(0.1), Some(0x2e66));
        assert_eq!(pack_half(1e-8), Some(0));
        assert_eq!(pack_half(-0.0), Some(0x8000));
        assert_eq!(pack_half(f64::powi(2.0, -24)), Some(1));
        assert_eq!(unpack_half(0x7bff), 65504.0);
        assert_eq!(unpack_half(1), f64::powi(2.0, -24));
        assert!(unpack_half(0x7e00).is_nan());
    }

    #[test]
    fn native_sizes_follow_x86_64() {
        assert_eq!(item_layout(b'l', true), Some((8, 8)));
        assert_eq!(item_layout(b'l', false), Some((4, 1)));
        assert_eq!(item_layout(b'n', false), None);
        assert_eq!(integer_range(b'h', 2), (-32768, 32767));
        assert_eq!(integer_range(b'Q', 8), (0, u64::MAX as i128));
    }

    #[test]
    fn unpack_sign_extends() {
        let little = Layout::from_prefix(b'<').unwrap();
        assert_eq!(unpack_item(b'h', little, &[0xfe, 0xff]), ItemValue::Int(-2));
        assert_eq!(
            unpack_item(b'H', little, &[0xfe, 0xff]),
            ItemValue::Int(65534)
        );
        let big = Layout::from_prefix(b'>').unwrap();
        assert_eq!(unpack_item(b'i', big, &[0, 0, 1, 0]), ItemValue::Int(256));
    }
}
