//! Python's `repr()` of the constant types: `str`, `bytes`, `int`, `float`, `complex`.
//!
//! CPython counterpart: `unicode_repr` (`Objects/unicodeobject.c`), `bytes_repr`
//! (`Objects/bytesobject.c`), `long_to_decimal_string` (`Objects/longobject.c`),
//! `float_repr` (`Objects/floatobject.c`, `Python/pystrtod.c`) and `complex_repr`
//! (`Objects/complexobject.c`).

use num_bigint::BigInt;

use crate::py_str::PyStr;

pub fn int_repr(value: &BigInt) -> String {
    value.to_string()
}

pub fn float_repr(value: f64) -> String {
    format!("{value:?}")
}

pub fn complex_repr(real: f64, imag: f64) -> String {
    format!("({real}+{imag}j)")
}

pub fn str_repr(value: &PyStr) -> String {
    format!("'{}'", value.to_string_lossy())
}

pub fn bytes_repr(value: &[u8]) -> String {
    format!("b'{}'", value.escape_ascii())
}
