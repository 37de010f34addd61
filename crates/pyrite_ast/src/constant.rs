//! The values an `ast.Constant` (and `ast.MatchSingleton`) can hold.
//!
//! CPython counterpart: the `constant` ASDL type, any Python object that
//! `Python/ast.c`'s `validate_constant` accepts: `None`, `bool`, `Ellipsis`, `int`, `float`,
//! `complex`, `str`, `bytes`, and tuples and frozensets of those.

use num_bigint::BigInt;

use crate::py_str::PyStr;
use crate::repr;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstantValue {
    None,
    Bool(bool),
    Ellipsis,
    /// Arbitrary-precision `int`.
    Int(BigInt),
    Float(f64),
    /// An imaginary literal is `Complex { real: 0.0, imag }`.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    /// Only from trees built by hand (or by an optimizer), never from the parser.
    Tuple(Vec<ConstantValue>),
    /// Only from trees built by hand (or by an optimizer), never from the parser. The items
    /// are kept in the order given; `repr` prints them in that order.
    FrozenSet(Vec<ConstantValue>),
}

impl ConstantValue {
    /// A `str` constant from UTF-8 text.
    pub fn str(text: impl Into<PyStr>) -> Self {
        ConstantValue::Str(text.into())
    }

    pub fn int(value: impl Into<BigInt>) -> Self {
        ConstantValue::Int(value.into())
    }

    /// An imaginary literal such as `1.5j`.
    pub fn imaginary(imag: f64) -> Self {
        ConstantValue::Complex { real: 0.0, imag }
    }

    /// Python's `repr()` of the value.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    pub(crate) fn write_repr(&self, out: &mut String) {
        match self {
            ConstantValue::None => out.push_str("None"),
            ConstantValue::Bool(true) => out.push_str("True"),
            ConstantValue::Bool(false) => out.push_str("False"),
            ConstantValue::Ellipsis => out.push_str("Ellipsis"),
            ConstantValue::Int(value) => out.push_str(&repr::int_repr(value)),
            ConstantValue::Float(value) => out.push_str(&repr::float_repr(*value)),
            ConstantValue::Complex { real, imag } => {
                out.push_str(&repr::complex_repr(*real, *imag))
            }
            ConstantValue::Str(value) => out.push_str(&repr::str_repr(value)),
            ConstantValue::Bytes(value) => out.push_str(&repr::bytes_repr(value)),
            ConstantValue::Tuple(items) => {
                out.push('(');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            ConstantValue::FrozenSet(items) => {
                if items.is_empty() {
                    out.push_str("frozenset()");
                    return;
                }
                out.push_str("frozenset({");
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                out.push_str("})");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts from the oracle: repr(()), repr((1,)), repr((1, 'a', b'x', None)),
    // repr(frozenset()), repr(frozenset({1})), repr(...).
    #[test]
    fn container_reprs() {
        assert_eq!(ConstantValue::Tuple(vec![]).repr(), "()");
        assert_eq!(
            ConstantValue::Tuple(vec![ConstantValue::int(1)]).repr(),
            "(1,)"
        );
        let mixed = ConstantValue::Tuple(vec![
            ConstantValue::int(1),
            ConstantValue::str("a"),
            ConstantValue::Bytes(b"x".to_vec()),
            ConstantValue::None,
        ]);
        assert_eq!(mixed.repr(), "(1, 'a', b'x', None)");
        assert_eq!(ConstantValue::FrozenSet(vec![]).repr(), "frozenset()");
        assert_eq!(
            ConstantValue::FrozenSet(vec![ConstantValue::int(1)]).repr(),
            "frozenset({1})"
        );
        assert_eq!(ConstantValue::Ellipsis.repr(), "Ellipsis");
    }
}
