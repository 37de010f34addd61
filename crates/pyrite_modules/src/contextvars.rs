//! The `_contextvars` module: `ContextVar`, `Token`, `Context`, `copy_context`.
//!
//! CPython counterpart: `Python/context.c` and `Modules/_contextvarsmodule.c`. A context
//! maps variables to values; CPython shares its mapping between copies (a HAMT), here a
//! copy copies a dict, which gives the same observable semantics. The current context is
//! per thread.

use std::cell::{Cell, RefCell};

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{MappingSlots, SequenceSlots, Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState};
use pyrite_objects::{abstract_api, dict, list, singletons, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

thread_local! {
    /// The thread's current context, made on first use.
    static CURRENT: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

// ---------------------------------------------------------------------------- Context

/// `contextvars.Context`.
pub struct Context {
    /// `ContextVar -> value`.
    vars: PyRef,
    entered: Cell<bool>,
}

impl PyPayload for Context {
    fn static_type() -> &'static PyType {
        &CONTEXT_TYPE
    }
}

fn context_of(object: &PyObject) -> PyResult<&Context> {
    object
        .downcast_ref::<Context>()
        .map(|context| context.payload())
        .ok_or_else(|| PyErr::type_error("a Context is required"))
}

fn vars_of(context: &Context) -> &Dict {
    context
        .vars
        .downcast_ref::<Dict>()
        .map(|dict| dict.payload())
        .expect("a context's mapping is a dict")
}

fn new_context(ts: &ThreadState, vars: PyRef) -> PyRef {
    Py::new(
        ts,
        Context {
            vars,
            entered: Cell::new(false),
        },
    )
    .into_ref()
}

fn current_context(ts: &ThreadState) -> PyRef {
    CURRENT.with(|current| {
        current
            .borrow_mut()
            .get_or_insert_with(|| new_context(ts, dict::new(ts).into_ref()))
            .clone()
    })
}

fn copy_dict(ts: &ThreadState, source: &Dict) -> PyResult<PyRef> {
    let copy = dict::new(ts);
    for (key, value) in source.items() {
        copy.set_item(ts, key, value)?;
    }
    Ok(copy.into_ref())
}

fn context_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("Context", args, kw, 0, 0)?;
    Py::new_with_type(
        ts,
        ty,
        Context {
            vars: dict::new(ts).into_ref(),
            entered: Cell::new(false),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("Context type mismatch"))
}

fn check_var(ts: &ThreadState, key: &PyObject) -> PyResult<()> {
    if key.downcast_ref::<ContextVar>().is_none() {
        return Err(PyErr::type_error(format!(
            "a ContextVar key was expected, got {}",
            pystr::repr_string(ts, key)
        )));
    }
    Ok(())
}

fn context_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    check_var(ts, key)?;
    vars_of(context_of(object)?)
        .get_item(ts, key)?
        .ok_or_else(|| PyErr::with_object(ExceptionKind::KeyError, key.new_ref()))
}

fn context_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(vars_of(context_of(object)?).len())
}

fn context_contains(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult<bool> {
    check_var(ts, key)?;
    Ok(vars_of(context_of(object)?).get_item(ts, key)?.is_some())
}

fn context_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let keys = vars_of(context_of(object)?)
        .items()
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    pyrite_objects::iterobject::get_iter(ts, &list::new(ts, keys).into_ref())
}

fn context_get(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("get", args, kw, 1, 2)?;
    check_var(ts, &args[0])?;
    Ok(vars_of(context_of(this)?)
        .get_item(ts, &args[0])?
        .or_else(|| args.get(1).cloned())
        .unwrap_or_else(singletons::none))
}

fn context_items_list(
    ts: &ThreadState,
    this: &PyObject,
    pick: fn(&ThreadState, PyRef, PyRef) -> PyRef,
) -> PyResult {
    let items = vars_of(context_of(this)?)
        .items()
        .into_iter()
        .map(|(key, value)| pick(ts, key, value))
        .collect();
    Ok(list::new(ts, items).into_ref())
}

fn context_keys(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("keys", args, kw, 0, 0)?;
    context_items_list(ts, this, |_, key, _| key)
}

fn context_values(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("values", args, kw, 0, 0)?;
    context_items_list(ts, this, |_, _, value| value)
}

fn context_items(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("items", args, kw, 0, 0)?;
    context_items_list(ts, this, |ts, key, value| {
        tuple::new(ts, vec![key, value]).into_ref()
    })
}

fn context_copy(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("copy", args, kw, 0, 0)?;
    let vars = copy_dict(ts, vars_of(context_of(this)?))?;
    Ok(new_context(ts, vars))
}

/// `Context.run(callable, *args, **kwargs)`: calls it with this context current.
fn context_run(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let context = context_of(this)?;
    let keywords = kw.map_or(0, |names| tuple::items(names).len());
    if args.len() == keywords {
        return Err(PyErr::type_error(
            "run() missing 1 required positional argument",
        ));
    }
    if context.entered.get() {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            format!(
                "cannot enter context: <_contextvars.Context object at {:p}> is already entered",
                this.as_ptr()
            ),
        ));
    }
    let previous = CURRENT.with(|current| current.borrow_mut().replace(this.new_ref()));
    context.entered.set(true);
    let result = abstract_api::call(ts, &args[0], &args[1..], kw);
    context.entered.set(false);
    let replaced = CURRENT.with(|current| std::mem::replace(&mut *current.borrow_mut(), previous));
    drop(replaced);
    result
}

fn context_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(context) = object.downcast_ref::<Context>() {
        visit(&context.vars);
    }
}

pub static CONTEXT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Context>("_contextvars.Context", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(context_new),
            iter: Slot::new(context_iter),
            hash: Slot::new(pyrite_objects::typeobject::hash_not_implemented),
            traverse: Slot::new(context_traverse),
            ..pyrite_objects::typeobject::object_slots()
        })
        .with_mapping(MappingSlots {
            length: Slot::new(context_length),
            subscript: Slot::new(context_subscript),
            ..MappingSlots::EMPTY
        })
        .with_sequence(SequenceSlots {
            contains: Slot::new(context_contains),
            ..SequenceSlots::EMPTY
        }),
);

// ---------------------------------------------------------------------------- ContextVar

/// `contextvars.ContextVar`.
pub struct ContextVar {
    name: PyRef,
    default: Option<PyRef>,
}

impl PyPayload for ContextVar {
    fn static_type() -> &'static PyType {
        &CONTEXT_VAR_TYPE
    }
}

fn var_of(object: &PyObject) -> PyResult<&ContextVar> {
    object
        .downcast_ref::<ContextVar>()
        .map(|var| var.payload())
        .ok_or_else(|| PyErr::type_error("a ContextVar is required"))
}

fn var_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("ContextVar", args, kw, &["name", "default"], 1, 1)?;
    let name = values[0].clone().unwrap_or_else(singletons::none);
    if pystr::as_str_payload(&name).is_none() {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    let positional_count = args.len() - kw.map_or(0, |names| tuple::items(names).len());
    if positional_count > 1 {
        return Err(PyErr::type_error(format!(
            "ContextVar() takes at most 1 positional argument ({positional_count} given)"
        )));
    }
    Py::new_with_type(
        ts,
        ty,
        ContextVar {
            name,
            default: values[1].clone(),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("ContextVar type mismatch"))
}

fn var_get(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("get", args, kw, 0, 1)?;
    let var = var_of(this)?;
    let context = current_context(ts);
    if let Some(value) = vars_of(context_of(&context)?).get_item(ts, this)? {
        return Ok(value);
    }
    if let Some(default) = args.first() {
        return Ok(default.clone());
    }
    if let Some(default) = &var.default {
        return Ok(default.clone());
    }
    Err(PyErr::with_object(
        ExceptionKind::LookupError,
        this.new_ref(),
    ))
}

fn var_set(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("set", args, kw, 1, 1)?;
    var_of(this)?;
    let context = current_context(ts);
    let vars = vars_of(context_of(&context)?);
    let old_value = vars.get_item(ts, this)?;
    vars.set_item(ts, this.new_ref(), args[0].clone())?;
    Ok(Py::new(
        ts,
        Token {
            context,
            var: this.new_ref(),
            old_value,
            used: Cell::new(false),
        },
    )
    .into_ref())
}

fn var_reset(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("reset", args, kw, 1, 1)?;
    let token_object = &args[0];
    let Some(token) = token_object.downcast_ref::<Token>() else {
        return Err(PyErr::type_error(format!(
            "expected an instance of Token, got {}",
            pystr::repr_string(ts, token_object)
        )));
    };
    let token_repr = pystr::repr_text(ts, token_object)?;
    if token.used.get() {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            format!("{token_repr} has already been used once"),
        ));
    }
    if !token.var.is(this) {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("{token_repr} was created by a different ContextVar"),
        ));
    }
    let context = current_context(ts);
    if !token.context.is(&context) {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("{token_repr} was created in a different Context"),
        ));
    }
    token.used.set(true);
    let vars = vars_of(context_of(&context)?);
    match &token.old_value {
        Some(value) => vars.set_item(ts, this.new_ref(), value.clone())?,
        None => {
            if vars.get_item(ts, this)?.is_some() {
                vars.del_item(ts, this)?;
            }
        }
    }
    Ok(singletons::none())
}

fn var_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let var = var_of(object)?;
    let mut text = format!("<ContextVar name={}", pystr::repr_text(ts, &var.name)?);
    if let Some(default) = &var.default {
        text.push_str(&format!(" default={}", pystr::repr_text(ts, default)?));
    }
    text.push_str(&format!(" at {:p}>", object.as_ptr()));
    Ok(pystr::new(ts, &text).into_ref())
}

fn var_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(var_of(object)?.name.clone())
}

fn var_class_getitem(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("__class_getitem__", args, kw, 1, 1)?;
    Ok(pyrite_objects::genericaliasobject::new(
        ts,
        this.new_ref(),
        &args[0],
    ))
}

fn var_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(var) = object.downcast_ref::<ContextVar>()
        && let Some(default) = &var.default
    {
        visit(default);
    }
}

pub static CONTEXT_VAR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ContextVar>(
        "_contextvars.ContextVar",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(var_new),
        repr: Slot::new(var_repr),
        traverse: Slot::new(var_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

// ---------------------------------------------------------------------------- Token

/// `contextvars.Token`: what `ContextVar.set` returns, for `reset`.
pub struct Token {
    context: PyRef,
    var: PyRef,
    old_value: Option<PyRef>,
    used: Cell<bool>,
}

impl PyPayload for Token {
    fn static_type() -> &'static PyType {
        &TOKEN_TYPE
    }
}

fn token_of(object: &PyObject) -> PyResult<&Token> {
    object
        .downcast_ref::<Token>()
        .map(|token| token.payload())
        .ok_or_else(|| PyErr::type_error("a Token is required"))
}

/// `Token.MISSING`: the marker `old_value` is when the variable had no value.
pub struct TokenMissing;

impl PyPayload for TokenMissing {
    fn static_type() -> &'static PyType {
        &TOKEN_MISSING_TYPE
    }
}

fn missing_repr(ts: &ThreadState, _object: &PyObject) -> PyResult {
    Ok(pystr::new(ts, "<Token.MISSING>").into_ref())
}

pub static TOKEN_MISSING_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<TokenMissing>("Token.MISSING", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            repr: Slot::new(missing_repr),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

// SAFETY: the marker has no fields.
unsafe impl pyrite_objects::StaticPayload for TokenMissing {}

static TOKEN_MISSING: StaticObject<TokenMissing> =
    StaticObject::new(&TOKEN_MISSING_TYPE, TokenMissing);

fn token_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let token = token_of(object)?;
    let used = if token.used.get() { " used" } else { "" };
    let text = format!(
        "<Token{used} var={} at {:p}>",
        pystr::repr_text(ts, &token.var)?,
        object.as_ptr()
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn token_var(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(token_of(object)?.var.clone())
}

fn token_old_value(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(token_of(object)?
        .old_value
        .clone()
        .unwrap_or_else(|| TOKEN_MISSING.to_ref()))
}

fn token_enter(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("__enter__", args, kw, 0, 0)?;
    Ok(this.new_ref())
}

fn token_exit(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("__exit__", args, kw, 3, 3)?;
    let var = token_of(this)?.var.clone();
    var_reset(ts, &var, &[this.new_ref()], None)
}

fn token_new(_ts: &ThreadState, _ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Err(PyErr::new(
        ExceptionKind::RuntimeError,
        "Tokens can only be created by ContextVars",
    ))
}

fn token_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(token) = object.downcast_ref::<Token>() {
        visit(&token.context);
        visit(&token.var);
        if let Some(old) = &token.old_value {
            visit(old);
        }
    }
}

pub static TOKEN_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Token>("_contextvars.Token", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(token_new),
            repr: Slot::new(token_repr),
            traverse: Slot::new(token_traverse),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

fn copy_context(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("copy_context", args, kw, 0, 0)?;
    let current = current_context(ts);
    let vars = copy_dict(ts, vars_of(context_of(&current)?))?;
    Ok(new_context(ts, vars))
}

/// Creates the `_contextvars` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_contextvars", Some("Context Variables"))?;
    module.add_type("Context", &CONTEXT_TYPE, "_contextvars")?;
    module.add_type("ContextVar", &CONTEXT_VAR_TYPE, "_contextvars")?;
    module.add_type("Token", &TOKEN_TYPE, "_contextvars")?;
    TOKEN_MISSING_TYPE.ready(ts)?;
    pyrite_objects::descr::add_methods(
        ts,
        &CONTEXT_TYPE,
        &[
            ("get", context_get),
            ("keys", context_keys),
            ("values", context_values),
            ("items", context_items),
            ("copy", context_copy),
            ("run", context_run),
        ],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &CONTEXT_VAR_TYPE,
        &[("get", var_get), ("set", var_set), ("reset", var_reset)],
    );
    pyrite_objects::descr::add_getsets(ts, &CONTEXT_VAR_TYPE, &[("name", var_name, None)]);
    if let Some(type_dict) = CONTEXT_VAR_TYPE.dict(ts).downcast_ref::<Dict>() {
        let getitem = pyrite_objects::descr::new_builtin_function(
            ts,
            "__class_getitem__",
            var_class_getitem,
            CONTEXT_VAR_TYPE.as_object().new_ref(),
        );
        type_dict.set_item(ts, pystr::intern(ts, "__class_getitem__"), getitem)?;
    }
    pyrite_objects::descr::add_methods(
        ts,
        &TOKEN_TYPE,
        &[("__enter__", token_enter), ("__exit__", token_exit)],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &TOKEN_TYPE,
        &[
            ("var", token_var, None),
            ("old_value", token_old_value, None),
        ],
    );
    if let Some(type_dict) = TOKEN_TYPE.dict(ts).downcast_ref::<Dict>() {
        type_dict.set_item(ts, pystr::intern(ts, "MISSING"), TOKEN_MISSING.to_ref())?;
    }
    module.functions(&[("copy_context", copy_context)])?;
    Ok(module.finish())
}
