//! The `_operator` module, reduced to `_compare_digest` (what `hmac` and `secrets`
//! import from it); `operator.py`'s pure-Python definitions serve the rest.
//!
//! CPython counterpart: `Modules/_operator.c` (`_operator__compare_digest_impl`).

use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, bytes, str as pystr};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

/// Compares without an early exit, so the time taken does not tell where the inputs
/// first differ.
fn constant_time_equal(left: &[u8], right: &[u8]) -> bool {
    let mut difference = u8::from(left.len() != right.len());
    let reference = if left.len() == right.len() {
        left
    } else {
        right
    };
    for (a, b) in reference.iter().zip(right) {
        difference |= a ^ b;
    }
    difference == 0
}

fn compare_digest(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("_compare_digest", args, kw, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if let (Some(left), Some(right)) = (pystr::as_str_payload(a), pystr::as_str_payload(b)) {
        if !left.is_ascii() || !right.is_ascii() {
            return Err(PyErr::type_error(
                "comparing strings with non-ASCII characters is not supported",
            ));
        }
        return Ok(pybool::bool_ref(constant_time_equal(
            left.as_bytes(),
            right.as_bytes(),
        )));
    }
    let (left, right) = (bytes::bytes_like(a), bytes::bytes_like(b));
    if left.is_none() && right.is_none() {
        return Err(PyErr::type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            a.ob_type().name(),
            b.ob_type().name()
        )));
    }
    let left = match left {
        Some(left) => left,
        None => bytes::require_bytes_like(a)?,
    };
    let right = match right {
        Some(right) => right,
        None => bytes::require_bytes_like(b)?,
    };
    Ok(pybool::bool_ref(constant_time_equal(&left, &right)))
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_operator",
        Some(
            "Operator interface.\n\nThis module exports a set of functions implemented in C \
             corresponding\nto the intrinsic operators of Python.  For example, \
             operator.add(x, y)\nis equivalent to the expression x+y.  The function names \
             are those\nused for special methods; variants without leading and trailing\n'__' \
             are also provided for convenience.",
        ),
    )?;
    module.functions(&[("_compare_digest", compare_digest)])?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn equal_only_for_identical_bytes() {
        assert!(super::constant_time_equal(b"abc", b"abc"));
        assert!(!super::constant_time_equal(b"abc", b"abd"));
        assert!(!super::constant_time_equal(b"abc", b"ab"));
        assert!(super::constant_time_equal(b"", b""));
    }
}
