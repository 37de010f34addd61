//! The typing intrinsics of `CALL_INTRINSIC_1`/`CALL_INTRINSIC_2` that PEP 695 syntax
//! compiles to: making type parameters, type aliases, and attaching type parameters
//! and defaults; and `INTRINSIC_PRINT`, which shows an expression statement's value in
//! code compiled in 'single' mode (the interactive loop).
//!
//! CPython counterpart: `Python/intrinsics.c` (`print_expr`,
//! `_PyIntrinsics_UnaryFunctions` entries 7-11, `_PyIntrinsics_BinaryFunctions` entries
//! 2-5).

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::function::Function;
use pyrite_objects::typevarobject::{self, ParamKind};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, str as pystr};

/// `CALL_INTRINSIC_1` with oparg 7 to 11; `globals` gives a type alias its module.
pub fn typing_unary(ts: &ThreadState, oparg: u32, value: PyRef, globals: &PyObject) -> PyResult {
    match oparg {
        7 => typevarobject::new_param(ts, ParamKind::TypeVar, value, None, None),
        8 => typevarobject::new_param(ts, ParamKind::ParamSpec, value, None, None),
        9 => typevarobject::new_param(ts, ParamKind::TypeVarTuple, value, None, None),
        10 => subscript_generic(ts, &value),
        11 => {
            let module = globals
                .downcast_ref::<Dict>()
                .and_then(|dict| dict.get_item(ts, &pystr::intern(ts, "__name__")).ok())
                .flatten();
            typevarobject::new_type_alias(ts, &value, module)
        }
        _ => Err(unknown(oparg)),
    }
}

/// `CALL_INTRINSIC_2` with oparg 2 to 5.
pub fn typing_binary(ts: &ThreadState, oparg: u32, first: PyRef, second: PyRef) -> PyResult {
    match oparg {
        2 => typevarobject::new_param(ts, ParamKind::TypeVar, first, Some(second), None),
        3 => typevarobject::new_param(ts, ParamKind::TypeVar, first, None, Some(second)),
        4 => {
            if let Some(function) = first.downcast_ref::<Function>() {
                let old = function.type_params.replace(Some(second));
                drop(old);
            }
            Ok(first)
        }
        5 => {
            typevarobject::set_default_evaluator(&first, second)?;
            Ok(first)
        }
        _ => Err(unknown(oparg)),
    }
}

/// `INTRINSIC_SUBSCRIPT_GENERIC` (CPython's `_Py_subscript_generic`): the base
/// `typing._GenericAlias(Generic, params)` of `class C[T]`, each TypeVarTuple `Ts`
/// given as `Unpack[Ts]`.
fn subscript_generic(ts: &ThreadState, params: &PyObject) -> PyResult {
    let typing = crate::import::import_module(ts, &pystr::intern(ts, "typing"))?;
    let attribute = |name: &str| pyrite_objects::attrs::get_attr_str(ts, &typing, name);
    let mut items = Vec::new();
    for param in pyrite_objects::tuple::items(params) {
        let is_tuple_param = param
            .downcast_ref::<typevarobject::TypeParam>()
            .is_some_and(|param| param.kind == ParamKind::TypeVarTuple);
        if is_tuple_param {
            let unpack = attribute("Unpack")?;
            items.push(pyrite_objects::abstract_ops::get_item(ts, &unpack, param)?);
        } else {
            items.push(param.clone());
        }
    }
    let params = pyrite_objects::tuple::new(ts, items).into_ref();
    let generic = attribute("Generic")?;
    let alias = attribute("_GenericAlias")?;
    pyrite_objects::abstract_api::call(ts, &alias, &[generic, params], None)
}

/// `CALL_INTRINSIC_1` with oparg 1 (`INTRINSIC_PRINT`): `sys.displayhook(value)`.
pub fn print_expr(ts: &ThreadState, value: PyRef) -> PyResult {
    let sys = crate::import::import_module(ts, &pystr::intern(ts, "sys"))?;
    let hook = pyrite_objects::attrs::lookup_attr(ts, &sys, &pystr::intern(ts, "displayhook"))?
        .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "lost sys.displayhook"))?;
    pyrite_objects::abstract_api::call(ts, &hook, &[value], None)?;
    Ok(pyrite_objects::singletons::none())
}

fn unknown(oparg: u32) -> PyErr {
    PyErr::new(
        ExceptionKind::SystemError,
        format!("intrinsic {oparg} is not supported yet"),
    )
}
