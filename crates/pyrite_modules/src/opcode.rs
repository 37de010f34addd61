//! The `_opcode` module: the instruction set's metadata, for `opcode` and `dis`.
//!
//! CPython counterpart: `Modules/_opcode.c`. The facts come from `pyrite_bytecode`'s
//! tables (real opcodes) and the compiler's pseudo-instructions (256 and up); stack
//! effects are the compiler's own, so `dis.stack_effect` agrees with `co_stacksize`.

use pyrite_bytecode::Opcode;
use pyrite_bytecode::opcode::{INTRINSIC_1_DESCS, INTRINSIC_2_DESCS, NB_OPS, SPECIAL_METHOD_NAMES};
use pyrite_compiler::flowgraph;
use pyrite_compiler::instruction_sequence::{self as seq, Op};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, int, list, singletons, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, c_int_arg, positional};

/// What `has_*` asks of an opcode.
#[derive(Clone, Copy)]
enum Property {
    Valid,
    Arg,
    Const,
    Name,
    Jump,
    Free,
    Local,
    Exc,
}

/// The answer for a real opcode (0..=255) or a pseudo one (256..).
fn has(opcode: i64, property: Property) -> bool {
    if let Ok(byte) = u8::try_from(opcode) {
        let op = Opcode(byte);
        return op.is_valid()
            && match property {
                Property::Valid => true,
                Property::Arg => op.has_arg(),
                Property::Const => op.has_const(),
                Property::Name => op.has_name(),
                Property::Jump => op.has_jump(),
                Property::Free => op.has_free(),
                Property::Local => op.has_local(),
                Property::Exc => op.has_exc(),
            };
    }
    let Ok(op) = Op::try_from(opcode) else {
        return false;
    };
    if seq::opcode_name(op).is_none() {
        return false;
    }
    match property {
        Property::Valid => true,
        Property::Arg => seq::has_arg(op),
        Property::Const | Property::Name | Property::Free => false,
        Property::Jump => matches!(
            op,
            seq::JUMP | seq::JUMP_IF_FALSE | seq::JUMP_IF_TRUE | seq::JUMP_NO_INTERRUPT
        ),
        Property::Local => matches!(op, seq::LOAD_CLOSURE | seq::STORE_FAST_MAYBE_NULL),
        Property::Exc => seq::is_block_push(op),
    }
}

fn property_function(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    property: Property,
) -> PyResult {
    let values = bind(name, args, kw, &["opcode"], 0, 1)?;
    let opcode = required_c_int(ts, &values[0])?;
    Ok(pybool::bool_ref(has(i64::from(opcode), property)))
}

/// A required argument `bind` has checked is present.
fn required_c_int(ts: &ThreadState, value: &Option<PyRef>) -> PyResult<i32> {
    match value {
        Some(value) => c_int_arg(ts, value),
        None => Err(PyErr::new(ExceptionKind::SystemError, "argument missing")),
    }
}

macro_rules! property_functions {
    ($($function:ident => $name:literal, $property:ident;)*) => {$(
        fn $function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
            property_function(ts, $name, args, kw, Property::$property)
        }
    )*};
}

property_functions! {
    is_valid => "is_valid", Valid;
    has_arg => "has_arg", Arg;
    has_const => "has_const", Const;
    has_name => "has_name", Name;
    has_jump => "has_jump", Jump;
    has_free => "has_free", Free;
    has_local => "has_local", Local;
    has_exc => "has_exc", Exc;
}

fn invalid() -> PyErr {
    PyErr::new(ExceptionKind::ValueError, "invalid opcode or oparg")
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`: the net effect on the stack; with
/// `jump=None` the effect when jumping (CPython's "maximal" choice for block pushes).
fn stack_effect(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (positional_args, _) = pyrite_objects::methods::split_args(args, kw);
    if positional_args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "stack_effect() takes at most 2 positional arguments ({} given)",
            positional_args.len()
        )));
    }
    let values = bind("stack_effect", args, kw, &["opcode", "oparg", "jump"], 2, 1)?;
    let opcode = required_c_int(ts, &values[0])?;
    if !has(i64::from(opcode), Property::Valid) {
        return Err(invalid());
    }
    let oparg = match &values[1] {
        Some(value) if !singletons::is_none(value) => c_int_arg(ts, value)?,
        _ => 0,
    };
    let jump = match &values[2] {
        None => true,
        Some(value) if singletons::is_none(value) => true,
        Some(value) => match pybool::as_bool_singleton(value) {
            Some(jump) => jump,
            None => {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "stack_effect: jump must be False, True or None",
                ));
            }
        },
    };
    let op = Op::try_from(opcode).map_err(|_| invalid())?;
    let effect = match instrumented_base(op) {
        Some(None) => 0,
        Some(Some(base)) => flowgraph::stack_effect(base, oparg, jump).ok_or_else(invalid)?,
        None => flowgraph::stack_effect(op, oparg, jump).ok_or_else(invalid)?,
    };
    Ok(int::new(ts, i64::from(effect)))
}

/// For an instrumented opcode, the instruction it stands in for (`None` for
/// `INSTRUMENTED_LINE`, `INSTRUMENTED_INSTRUCTION` and `ENTER_EXECUTOR`, which leave the
/// stack alone); `None` for any other opcode.
fn instrumented_base(op: Op) -> Option<Option<Op>> {
    let byte = u8::try_from(op).ok()?;
    let opcode = Opcode(byte);
    if opcode == Opcode::ENTER_EXECUTOR {
        return Some(None);
    }
    if !opcode.is_instrumented() {
        return None;
    }
    let base = opcode
        .name()
        .and_then(|name| name.strip_prefix("INSTRUMENTED_"))
        .and_then(Opcode::from_name);
    Some(base.map(|base| Op::from(base.0)))
}

fn str_list(ts: &ThreadState, names: &[&str]) -> PyRef {
    let items = names
        .iter()
        .map(|name| pystr::new(ts, name).into_ref())
        .collect();
    list::new(ts, items).into_ref()
}

fn no_arguments(name: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult<()> {
    positional(&format!("_opcode.{name}"), args, kw, 0, 0).map(|_| ())
}

macro_rules! name_list_functions {
    ($($function:ident => $names:ident;)*) => {$(
        fn $function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
            no_arguments(stringify!($function), args, kw)?;
            Ok(str_list(ts, $names))
        }
    )*};
}

name_list_functions! {
    get_intrinsic1_descs => INTRINSIC_1_DESCS;
    get_intrinsic2_descs => INTRINSIC_2_DESCS;
    get_special_method_names => SPECIAL_METHOD_NAMES;
}

fn get_nb_ops(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_arguments("get_nb_ops", args, kw)?;
    let items = NB_OPS
        .iter()
        .map(|(name, symbol)| {
            tuple::new(
                ts,
                vec![
                    pystr::new(ts, name).into_ref(),
                    pystr::new(ts, symbol).into_ref(),
                ],
            )
            .into_ref()
        })
        .collect();
    Ok(list::new(ts, items).into_ref())
}

/// Pyrite keeps no specialization statistics (CPython returns None unless built with
/// `Py_STATS`).
fn get_specialization_stats(
    _ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    no_arguments("get_specialization_stats", args, kw)?;
    Ok(singletons::none())
}

/// There is no tier-2 optimizer, so there are no executors (CPython's message when it is
/// built without the JIT/optimizer).
fn get_executor(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    bind("get_executor", args, kw, &["code", "offset"], 0, 2)?;
    Err(PyErr::new(
        ExceptionKind::RuntimeError,
        "Executors are not available in this build",
    ))
}

/// Creates the `_opcode` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_opcode", Some("Opcode support module."))?;
    module.functions(&[
        ("stack_effect", stack_effect),
        ("is_valid", is_valid),
        ("has_arg", has_arg),
        ("has_const", has_const),
        ("has_name", has_name),
        ("has_jump", has_jump),
        ("has_free", has_free),
        ("has_local", has_local),
        ("has_exc", has_exc),
        ("get_intrinsic1_descs", get_intrinsic1_descs),
        ("get_intrinsic2_descs", get_intrinsic2_descs),
        ("get_special_method_names", get_special_method_names),
        ("get_nb_ops", get_nb_ops),
        ("get_specialization_stats", get_specialization_stats),
        ("get_executor", get_executor),
    ])?;
    module.set("ENABLE_SPECIALIZATION", int::new(ts, 1))?;
    module.set("ENABLE_SPECIALIZATION_FT", int::new(ts, 1))?;
    Ok(module.finish())
}
