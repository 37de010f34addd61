//! Structural pattern matching: what `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS` and
//! `MATCH_CLASS` compute (PEP 634).
//!
//! CPython counterpart: `Python/ceval.c` (`_PyEval_MatchClass`, `match_class_attr`,
//! `_PyEval_MatchKeys`) and the `Py_TPFLAGS_MAPPING`/`Py_TPFLAGS_SEQUENCE`/
//! `_Py_TPFLAGS_MATCH_SELF` flags of the built-in types.

use pyrite_objects::typeobject::{PyType, as_type};
use pyrite_objects::{
    ExceptionKind, PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, attrs, dict, list,
    range, set, singletons, str as pystr, tuple,
};

fn derives_from_any(ts: &ThreadState, ty: &PyType, bases: &[&PyType]) -> bool {
    bases.iter().any(|base| ty.is_subtype(ts, base))
}

/// Whether `subject` matches mapping patterns (`Py_TPFLAGS_MAPPING`: `dict` and its
/// subclasses).
pub fn is_mapping(ts: &ThreadState, subject: &PyObject) -> bool {
    derives_from_any(ts, subject.ob_type(), &[&dict::DICT_TYPE])
}

/// Whether `subject` matches sequence patterns (`Py_TPFLAGS_SEQUENCE`: `list`, `tuple`,
/// `range` and their subclasses; never `str`, `bytes` or `bytearray`).
pub fn is_sequence(ts: &ThreadState, subject: &PyObject) -> bool {
    derives_from_any(
        ts,
        subject.ob_type(),
        &[&list::LIST_TYPE, &tuple::TUPLE_TYPE, &range::RANGE_TYPE],
    )
}

/// Built-in classes whose one positional sub-pattern matches the subject itself
/// (`_Py_TPFLAGS_MATCH_SELF`).
fn matches_self(ty: &PyType) -> bool {
    let self_matching: [&PyType; 9] = [
        &pyrite_objects::bool::BOOL_TYPE,
        &pyrite_objects::float::FLOAT_TYPE,
        &pyrite_objects::int::INT_TYPE,
        &pystr::STR_TYPE,
        &tuple::TUPLE_TYPE,
        &list::LIST_TYPE,
        &dict::DICT_TYPE,
        &set::SET_TYPE,
        &set::FROZENSET_TYPE,
    ];
    if self_matching
        .iter()
        .any(|builtin| std::ptr::eq(*builtin, ty))
    {
        return true;
    }
    // The flag is inherited by subclasses.
    let mut current = ty.base().and_then(as_type);
    while let Some(base) = current {
        if self_matching
            .iter()
            .any(|builtin| std::ptr::eq(*builtin, base))
        {
            return true;
        }
        current = base.base().and_then(as_type);
    }
    let name = ty.name();
    !ty.is_heap_type() && matches!(name, "bytes" | "bytearray")
}

/// `MATCH_KEYS`: the values of `keys` in `subject` (a tuple), or `None` if one is missing.
pub fn match_keys(ts: &ThreadState, subject: &PyObject, keys: &PyObject) -> PyResult {
    let keys = tuple::items(keys);
    if keys.is_empty() {
        return Ok(tuple::empty());
    }
    let get = attrs::get_attr_str(ts, subject, "get")?;
    let missing = pyrite_objects::Py::new(ts, pyrite_objects::typeobject::BaseObject).into_ref();
    let seen = set::new(ts, Vec::new())?;
    let seen_set = seen
        .downcast_ref::<set::Set>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "set expected"))?;
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        if seen_set.contains(ts, key)? {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "mapping pattern checks duplicate key ({})",
                    pystr::repr_text(ts, key)?
                ),
            ));
        }
        seen_set.add(ts, key.clone())?;
        let value = abstract_api::call(ts, &get, &[key.clone(), missing.clone()], None)?;
        if value.is(&missing) {
            return Ok(singletons::none());
        }
        values.push(value);
    }
    Ok(tuple::new(ts, values).into_ref())
}

/// One attribute of a class pattern; `None` if the subject lacks it.
fn match_class_attr(
    ts: &ThreadState,
    subject: &PyObject,
    ty: &PyType,
    name: &PyRef,
    seen: &mut Vec<String>,
) -> PyResult<Option<PyRef>> {
    let text = pystr::to_rust_string(name);
    if seen.contains(&text) {
        return Err(PyErr::type_error(format!(
            "{}() got multiple sub-patterns for attribute {}",
            ty.name(),
            pystr::repr_text(ts, name)?
        )));
    }
    seen.push(text);
    attrs::lookup_attr(ts, subject, name)
}

/// `MATCH_CLASS`: the sub-patterns' subjects (positional through `__match_args__`, then
/// the keyword names), or `None` when `subject` is not an instance or lacks an attribute.
pub fn match_class(
    ts: &ThreadState,
    subject: &PyObject,
    class: &PyObject,
    positional: usize,
    kwnames: &PyObject,
) -> PyResult {
    let Some(ty) = as_type(class) else {
        return Err(PyErr::type_error("called match pattern must be a class"));
    };
    if !abstract_api::is_instance(ts, subject, class)? {
        return Ok(singletons::none());
    }
    let mut seen = Vec::new();
    let mut attributes = Vec::new();
    if positional > 0 {
        let match_args = attrs::lookup_attr(ts, class, &pystr::intern(ts, "__match_args__"))?;
        let match_self = match_args.is_none() && matches_self(ty);
        let allowed = match &match_args {
            Some(args) => {
                if !args.is_exact_type(&tuple::TUPLE_TYPE) {
                    return Err(PyErr::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        ty.name(),
                        args.ob_type().name()
                    )));
                }
                tuple::items(args).len()
            }
            None => usize::from(match_self),
        };
        if allowed < positional {
            return Err(PyErr::type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{} ({positional} given)",
                ty.name(),
                if allowed == 1 { "" } else { "s" }
            )));
        }
        if match_self {
            attributes.push(subject.new_ref());
        } else if let Some(args) = &match_args {
            for name in &tuple::items(args)[..positional] {
                if !name.payload_is::<pystr::Str>() {
                    return Err(PyErr::type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.ob_type().name()
                    )));
                }
                match match_class_attr(ts, subject, ty, name, &mut seen)? {
                    Some(value) => attributes.push(value),
                    None => return Ok(singletons::none()),
                }
            }
        }
    }
    for name in tuple::items(kwnames) {
        match match_class_attr(ts, subject, ty, name, &mut seen)? {
            Some(value) => attributes.push(value),
            None => return Ok(singletons::none()),
        }
    }
    Ok(tuple::new(ts, attributes).into_ref())
}
