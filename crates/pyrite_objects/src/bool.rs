//! `bool`: `True` and `False`, immortal instances of a subclass of `int`.
//!
//! CPython counterpart: `Objects/boolobject.c`. The payload is `int`'s, so every `int`
//! slot works on them; `bool` overrides `repr` and `~` (deprecated, with a warning; later the other
//! bitwise operators).

use crate::err::PyResult;
use crate::int::{INT_TYPE, Int};
use crate::object::{PyObject, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{StaticType, TYPE_TYPE, TypeObject, flags};

pub static TRUE: StaticObject<Int> = StaticObject::new(&BOOL_TYPE, Int::from_i64(1));
pub static FALSE: StaticObject<Int> = StaticObject::new(&BOOL_TYPE, Int::from_i64(0));

#[inline]
pub fn true_ref() -> PyRef {
    TRUE.to_ref()
}

#[inline]
pub fn false_ref() -> PyRef {
    FALSE.to_ref()
}

/// `True` or `False`.
#[inline]
pub fn bool_ref(value: bool) -> PyRef {
    if value { true_ref() } else { false_ref() }
}

/// `Some(value)` if the object is `True` or `False`.
#[inline]
pub fn as_bool_singleton(object: &PyObject) -> Option<bool> {
    if object.is(TRUE.as_object()) {
        Some(true)
    } else if object.is(FALSE.as_object()) {
        Some(false)
    } else {
        None
    }
}

fn bool_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = if object.is(TRUE.as_object()) {
        "True"
    } else {
        "False"
    };
    Ok(crate::str::from_static_text(ts, text))
}

/// `~b`: the int's inversion, after the `DeprecationWarning` CPython 3.12 added.
fn bool_invert(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::warnings::warn(
        ts,
        crate::err::ExceptionKind::DeprecationWarning,
        "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. \
         This returns the bitwise inversion of the underlying int object and is usually \
         not what you expect from negating a bool. Use the 'not' operator for boolean \
         negation or ~int(x) if you really want the bitwise inversion of the underlying \
         int.",
        1,
    )?;
    crate::int_ops::int_invert(ts, object)
}

/// `bool(x)`: `x`'s truth value.
fn bool_new(
    ts: &ThreadState,
    _ty: &crate::typeobject::PyType,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    match args {
        [] => Ok(false_ref()),
        [value] => Ok(bool_ref(value.is_true(ts)?)),
        _ => Err(crate::err::PyErr::type_error(format!(
            "bool expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

pub static BOOL_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Int>("bool", flags::LONG_SUBCLASS, Some(&INT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(bool_repr),
            new: Slot::new(bool_new),
            ..crate::int::int_slots()
        })
        .with_number(crate::slots::NumberSlots {
            invert: Slot::new(bool_invert),
            ..crate::int::int_number_slots()
        }),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::slots::CompareOp;
    use crate::str::repr_string;

    #[test]
    fn bools_are_ints() {
        with_gil(|ts| {
            assert_eq!(repr_string(ts, &true_ref()), "True");
            assert_eq!(repr_string(ts, &false_ref()), "False");
            assert_eq!(true_ref().hash(ts).unwrap(), 1);
            assert_eq!(false_ref().hash(ts).unwrap(), 0);
            let one = crate::int::new(ts, 1);
            assert!(
                true_ref()
                    .rich_compare_bool(ts, &one, CompareOp::Eq)
                    .unwrap()
            );
            assert!(BOOL_TYPE.is_subtype(ts, &INT_TYPE));
            assert_eq!(
                repr_string(ts, &BOOL_TYPE.mro(ts).unwrap()),
                "(<class 'bool'>, <class 'int'>, <class 'object'>)"
            );
            assert_eq!(crate::int::as_i64(&true_ref()), Some(1));
        });
    }
}
