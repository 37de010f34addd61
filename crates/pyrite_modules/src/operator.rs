//! The `_operator` module: the operators as functions, `itemgetter`, `attrgetter`,
//! `methodcaller`, and `_compare_digest`.
//!
//! CPython counterpart: `Modules/_operator.c`. `operator.py` imports everything from
//! here over its pure-Python definitions, so these are what programs call.

use pyrite_objects::abstract_ops::{self, BinaryOp};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{CompareOp, Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, abstract_api,
    attrs, bool as pybool, int, iterobject, singletons, str as pystr, tuple,
};

use pyrite_objects::iterobject::is_sequence;

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

// ----------------------------------------------------------------- plain functions

fn two<'a>(name: &str, args: Args<'a>, kw: KwNames<'_>) -> PyResult<(&'a PyRef, &'a PyRef)> {
    let args = positional(name, args, kw, 2, 2)?;
    Ok((&args[0], &args[1]))
}

fn one<'a>(name: &str, args: Args<'a>, kw: KwNames<'_>) -> PyResult<&'a PyRef> {
    Ok(&positional(name, args, kw, 1, 1)?[0])
}

/// Defines `fn $name(ts, module, args, kw)` for a binary operator.
macro_rules! binary_functions {
    ($(($function:ident, $name:literal, $op:ident, $inplace:literal)),* $(,)?) => {
        $(
            fn $function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                let (a, b) = two($name, args, kw)?;
                abstract_ops::binary_op(ts, BinaryOp::$op, $inplace, a, b)
            }
        )*
        const BINARY_FUNCTIONS: &[(&str, pyrite_objects::descr::NativeFn)] = &[
            $(($name, $function)),*
        ];
    };
}

binary_functions!(
    (op_add, "add", Add, false),
    (op_sub, "sub", Subtract, false),
    (op_mul, "mul", Multiply, false),
    (op_matmul, "matmul", MatrixMultiply, false),
    (op_floordiv, "floordiv", FloorDivide, false),
    (op_truediv, "truediv", TrueDivide, false),
    (op_mod, "mod", Remainder, false),
    (op_pow, "pow", Power, false),
    (op_lshift, "lshift", Lshift, false),
    (op_rshift, "rshift", Rshift, false),
    (op_and, "and_", And, false),
    (op_or, "or_", Or, false),
    (op_xor, "xor", Xor, false),
    (op_iadd, "iadd", Add, true),
    (op_isub, "isub", Subtract, true),
    (op_imul, "imul", Multiply, true),
    (op_imatmul, "imatmul", MatrixMultiply, true),
    (op_ifloordiv, "ifloordiv", FloorDivide, true),
    (op_itruediv, "itruediv", TrueDivide, true),
    (op_imod, "imod", Remainder, true),
    (op_ipow, "ipow", Power, true),
    (op_ilshift, "ilshift", Lshift, true),
    (op_irshift, "irshift", Rshift, true),
    (op_iand, "iand", And, true),
    (op_ior, "ior", Or, true),
    (op_ixor, "ixor", Xor, true),
);

/// Defines `fn $name(ts, module, args, kw)` for a rich comparison.
macro_rules! compare_functions {
    ($(($function:ident, $name:literal, $op:ident)),* $(,)?) => {
        $(
            fn $function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                let (a, b) = two($name, args, kw)?;
                a.rich_compare(ts, b, CompareOp::$op)
            }
        )*
        const COMPARE_FUNCTIONS: &[(&str, pyrite_objects::descr::NativeFn)] = &[
            $(($name, $function)),*
        ];
    };
}

compare_functions!(
    (op_lt, "lt", Lt),
    (op_le, "le", Le),
    (op_eq, "eq", Eq),
    (op_ne, "ne", Ne),
    (op_gt, "gt", Gt),
    (op_ge, "ge", Ge),
);

fn op_neg(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    abstract_ops::unary_op(ts, '-', one("neg", args, kw)?)
}

fn op_pos(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    abstract_ops::unary_op(ts, '+', one("pos", args, kw)?)
}

fn op_inv(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    abstract_ops::unary_op(ts, '~', one("inv", args, kw)?)
}

fn op_invert(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    abstract_ops::unary_op(ts, '~', one("invert", args, kw)?)
}

fn op_abs(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    abstract_ops::absolute(ts, one("abs", args, kw)?)
}

fn op_index(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    abstract_api::index(ts, one("index", args, kw)?)
}

fn op_truth(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(one("truth", args, kw)?.is_true(ts)?))
}

fn op_not(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(!one("not_", args, kw)?.is_true(ts)?))
}

fn op_is(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("is_", args, kw)?;
    Ok(pybool::bool_ref(a.is(b)))
}

fn op_is_not(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("is_not", args, kw)?;
    Ok(pybool::bool_ref(!a.is(b)))
}

fn op_is_none(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(singletons::is_none(one(
        "is_none", args, kw,
    )?)))
}

fn op_is_not_none(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(!singletons::is_none(one(
        "is_not_none",
        args,
        kw,
    )?)))
}

fn op_contains(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("contains", args, kw)?;
    Ok(pybool::bool_ref(abstract_ops::contains(ts, a, b)?))
}

fn op_getitem(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("getitem", args, kw)?;
    abstract_ops::get_item(ts, a, b)
}

fn op_setitem(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("setitem", args, kw, 3, 3)?;
    abstract_ops::set_item(ts, &args[0], &args[1], Some(&args[2]))?;
    Ok(singletons::none())
}

fn op_delitem(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("delitem", args, kw)?;
    abstract_ops::set_item(ts, a, b, None)?;
    Ok(singletons::none())
}

fn cannot_concatenate(a: &PyObject) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object can't be concatenated",
        a.ob_type().name()
    ))
}

/// `PySequence_Concat`.
fn op_concat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("concat", args, kw)?;
    if let Some(concat) = a.ob_type().sequence.concat.get() {
        return concat(ts, a, b);
    }
    if is_sequence(a) && is_sequence(b) {
        return abstract_ops::binary_op(ts, BinaryOp::Add, false, a, b);
    }
    Err(cannot_concatenate(a))
}

/// `PySequence_InPlaceConcat`.
fn op_iconcat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("iconcat", args, kw)?;
    let sequence = &a.ob_type().sequence;
    if let Some(concat) = sequence.inplace_concat.get().or(sequence.concat.get()) {
        return concat(ts, a, b);
    }
    if is_sequence(a) && is_sequence(b) {
        return abstract_ops::binary_op(ts, BinaryOp::Add, true, a, b);
    }
    Err(cannot_concatenate(a))
}

/// `PySequence_Count`/`PySequence_Index` over any iterable: the matches of `b`, or the
/// first one's position.
fn scan(ts: &ThreadState, a: &PyObject, b: &PyObject, first_only: bool) -> PyResult<Option<usize>> {
    let iterator = iterobject::get_iter(ts, a).map_err(|err| {
        if err.matches(ExceptionKind::TypeError) {
            PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                a.ob_type().name()
            ))
        } else {
            err
        }
    })?;
    let mut count = 0usize;
    let mut position = 0usize;
    while let Some(item) = iterobject::next(ts, &iterator)? {
        if item.is(b) || item.rich_compare_bool(ts, b, CompareOp::Eq)? {
            if first_only {
                return Ok(Some(position));
            }
            count += 1;
        }
        position += 1;
    }
    Ok((!first_only).then_some(count))
}

fn op_count_of(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("countOf", args, kw)?;
    let count = scan(ts, a, b, false)?.unwrap_or(0);
    Ok(int::new(ts, count as i64))
}

fn op_index_of(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (a, b) = two("indexOf", args, kw)?;
    match scan(ts, a, b, true)? {
        Some(position) => Ok(int::new(ts, position as i64)),
        None => Err(PyErr::new(
            ExceptionKind::ValueError,
            "sequence.index(x): x not in sequence",
        )),
    }
}

/// CPython's `PyObject_LengthHint`: `len()`, else `__length_hint__()`, else `default`.
pub fn length_hint(ts: &ThreadState, object: &PyObject, default: isize) -> PyResult<isize> {
    let ty = object.ob_type();
    if ty.sequence.length.get().is_some() || ty.mapping.length.get().is_some() {
        match abstract_api::len(ts, object) {
            Ok(length) => return Ok(length as isize),
            Err(err) if err.matches(ExceptionKind::TypeError) => {}
            Err(err) => return Err(err),
        }
    }
    let hint = match attrs::call_special(ts, object, "__length_hint__", &[]) {
        Ok(Some(hint)) => hint,
        Ok(None) => return Ok(default),
        Err(err) if err.matches(ExceptionKind::TypeError) => return Ok(default),
        Err(err) => return Err(err),
    };
    if hint.is(&singletons::not_implemented()) {
        return Ok(default);
    }
    if hint.downcast_ref::<int::Int>().is_none() {
        return Err(PyErr::type_error(format!(
            "__length_hint__ must be an integer, not {}",
            hint.ob_type().name()
        )));
    }
    let value = int::as_i64(&hint)
        .and_then(|value| isize::try_from(value).ok())
        .ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })?;
    if value < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "__length_hint__() should return >= 0",
        ));
    }
    Ok(value)
}

fn op_length_hint(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("length_hint", args, kw, 1, 2)?;
    let default = match args.get(1) {
        Some(default) => {
            if default.ob_type().number.index.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    default.ob_type().name()
                )));
            }
            let default = abstract_api::index(ts, default)?;
            int::as_i64(&default)
                .and_then(|value| isize::try_from(value).ok())
                .ok_or_else(|| {
                    PyErr::new(
                        ExceptionKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    )
                })?
        }
        None => 0,
    };
    Ok(int::new(ts, length_hint(ts, &args[0], default)? as i64))
}

fn op_call(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let keyword_count = kw.map_or(0, |names| tuple::items(names).len());
    if args.len() <= keyword_count {
        return Err(PyErr::type_error(format!(
            "call expected at least 1 argument, got {}",
            args.len() - keyword_count
        )));
    }
    abstract_api::call(ts, &args[0], &args[1..], kw)
}

/// `_compare_digest(a, b)`: equality in time independent of where the inputs differ
/// (only their length shows), for ASCII strings or bytes-like objects.
fn op_compare_digest(
    _ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (a, b) = two("_compare_digest", args, kw)?;
    let (left, right) = match (pystr::as_str_payload(a), pystr::as_str_payload(b)) {
        (Some(left), Some(right)) => {
            let (left, right) = (left.to_string_lossy(), right.to_string_lossy());
            if !left.is_ascii() || !right.is_ascii() {
                return Err(PyErr::type_error(
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            (left.into_bytes(), right.into_bytes())
        }
        (None, None) => {
            let as_bytes = |value: &PyObject| {
                pyrite_objects::bytes::bytes_like(value).ok_or_else(|| {
                    PyErr::type_error(format!(
                        "unsupported operand types(s) or combination of types: '{}' and '{}'",
                        a.ob_type().name(),
                        b.ob_type().name()
                    ))
                })
            };
            (as_bytes(a)?, as_bytes(b)?)
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err(PyErr::type_error(
                "a bytes-like object is required, not 'str'",
            ));
        }
    };
    // Always walk the whole of `right`, so the time depends on its length only.
    let mut difference = u8::from(left.len() != right.len());
    for (index, byte) in right.iter().enumerate() {
        let other = left.get(index).copied().unwrap_or(*byte ^ 0xff);
        difference |= other ^ byte;
    }
    Ok(pybool::bool_ref(difference == 0))
}

// ----------------------------------------------------------------- itemgetter

fn no_keywords(name: &str, kw: KwNames<'_>) -> PyResult<()> {
    if kw.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

fn exactly_one<'a>(name: &str, args: Args<'a>, kw: KwNames<'_>) -> PyResult<&'a PyRef> {
    no_keywords(name, kw)?;
    match args {
        [only] => Ok(only),
        _ => Err(PyErr::type_error(format!(
            "{name} expected 1 argument, got {}",
            args.len()
        ))),
    }
}

/// `operator.itemgetter`.
pub struct ItemGetter {
    items: Vec<PyRef>,
}

impl PyPayload for ItemGetter {
    fn static_type() -> &'static PyType {
        &ITEMGETTER_TYPE
    }
}

fn itemgetter_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("itemgetter", kw)?;
    if args.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    let getter = ItemGetter {
        items: args.to_vec(),
    };
    Py::new_with_type(ts, ty, getter)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("itemgetter type mismatch"))
}

fn itemgetter_of(object: &PyObject) -> PyResult<&ItemGetter> {
    object
        .downcast_ref::<ItemGetter>()
        .map(|getter| getter.payload())
        .ok_or_else(|| PyErr::type_error("expected an operator.itemgetter"))
}

fn itemgetter_call(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let object = exactly_one("itemgetter", args, kw)?;
    let getter = itemgetter_of(this)?;
    if let [item] = getter.items.as_slice() {
        return abstract_ops::get_item(ts, object, item);
    }
    let values = getter
        .items
        .iter()
        .map(|item| abstract_ops::get_item(ts, object, item))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(tuple::new(ts, values).into_ref())
}

/// `operator.name(repr, repr, ...)` with the reprs of `parts`.
fn constructor_repr(ts: &ThreadState, this: &PyObject, name: &str, parts: &[PyRef]) -> PyResult {
    let Some(_guard) = ts.repr_enter(this) else {
        return Ok(pystr::new(ts, &format!("{name}(...)")).into_ref());
    };
    let mut text = format!("{name}(");
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            text.push_str(", ");
        }
        text.push_str(&pystr::to_rust_string(&*part.repr(ts)?));
    }
    text.push(')');
    Ok(pystr::new(ts, &text).into_ref())
}

fn itemgetter_repr(ts: &ThreadState, this: &PyObject) -> PyResult {
    constructor_repr(ts, this, "operator.itemgetter", &itemgetter_of(this)?.items)
}

fn itemgetter_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("__reduce__", args, kw, 0, 0)?;
    let items = tuple::new(ts, itemgetter_of(this)?.items.clone()).into_ref();
    Ok(tuple::new(ts, vec![this.ob_type().as_object().new_ref(), items]).into_ref())
}

fn itemgetter_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Ok(getter) = itemgetter_of(object) {
        getter.items.iter().for_each(|item| visit(item));
    }
}

pub static ITEMGETTER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ItemGetter>("operator.itemgetter", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(itemgetter_new),
            call: Slot::new(itemgetter_call),
            repr: Slot::new(itemgetter_repr),
            traverse: Slot::new(itemgetter_traverse),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

// ----------------------------------------------------------------- attrgetter

/// `operator.attrgetter`: each name, and its dotted parts interned.
pub struct AttrGetter {
    names: Vec<PyRef>,
    paths: Vec<Vec<PyRef>>,
}

impl PyPayload for AttrGetter {
    fn static_type() -> &'static PyType {
        &ATTRGETTER_TYPE
    }
}

fn attrgetter_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_keywords("attrgetter", kw)?;
    if args.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.len());
    for name in args {
        let Some(text) = pystr::as_str_payload(name) else {
            return Err(PyErr::type_error("attribute name must be a string"));
        };
        let text = text.to_string_lossy();
        paths.push(
            text.split('.')
                .map(|part| pystr::intern(ts, part))
                .collect(),
        );
    }
    let getter = AttrGetter {
        names: args.to_vec(),
        paths,
    };
    Py::new_with_type(ts, ty, getter)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("attrgetter type mismatch"))
}

fn attrgetter_of(object: &PyObject) -> PyResult<&AttrGetter> {
    object
        .downcast_ref::<AttrGetter>()
        .map(|getter| getter.payload())
        .ok_or_else(|| PyErr::type_error("expected an operator.attrgetter"))
}

fn resolve_path(ts: &ThreadState, object: &PyObject, path: &[PyRef]) -> PyResult {
    let mut value = object.new_ref();
    for part in path {
        value = attrs::get_attr(ts, &value, part)?;
    }
    Ok(value)
}

fn attrgetter_call(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let object = exactly_one("attrgetter", args, kw)?;
    let getter = attrgetter_of(this)?;
    if let [path] = getter.paths.as_slice() {
        return resolve_path(ts, object, path);
    }
    let values = getter
        .paths
        .iter()
        .map(|path| resolve_path(ts, object, path))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(tuple::new(ts, values).into_ref())
}

fn attrgetter_repr(ts: &ThreadState, this: &PyObject) -> PyResult {
    constructor_repr(ts, this, "operator.attrgetter", &attrgetter_of(this)?.names)
}

fn attrgetter_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("__reduce__", args, kw, 0, 0)?;
    let names = tuple::new(ts, attrgetter_of(this)?.names.clone()).into_ref();
    Ok(tuple::new(ts, vec![this.ob_type().as_object().new_ref(), names]).into_ref())
}

pub static ATTRGETTER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<AttrGetter>("operator.attrgetter", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            new: Slot::new(attrgetter_new),
            call: Slot::new(attrgetter_call),
            repr: Slot::new(attrgetter_repr),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

// ----------------------------------------------------------------- methodcaller

/// `operator.methodcaller`: the method name, then the positional arguments followed by
/// the keyword values, with the keywords' names.
pub struct MethodCaller {
    name: PyRef,
    args: Vec<PyRef>,
    kwnames: Option<PyRef>,
}

impl PyPayload for MethodCaller {
    fn static_type() -> &'static PyType {
        &METHODCALLER_TYPE
    }
}

impl MethodCaller {
    fn keyword_count(&self) -> usize {
        self.kwnames
            .as_ref()
            .map_or(0, |names| tuple::items(names).len())
    }
}

fn methodcaller_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let keyword_count = kw.map_or(0, |names| tuple::items(names).len());
    let Some(name) = args.first().filter(|_| args.len() > keyword_count) else {
        return Err(PyErr::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    let Some(text) = pystr::as_str_payload(name) else {
        return Err(PyErr::type_error("method name must be a string"));
    };
    let caller = MethodCaller {
        name: pystr::intern(ts, &text.to_string_lossy()),
        args: args[1..].to_vec(),
        kwnames: kw
            .filter(|names| !tuple::items(names).is_empty())
            .map(PyObject::new_ref),
    };
    Py::new_with_type(ts, ty, caller)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("methodcaller type mismatch"))
}

fn methodcaller_of(object: &PyObject) -> PyResult<&MethodCaller> {
    object
        .downcast_ref::<MethodCaller>()
        .map(|caller| caller.payload())
        .ok_or_else(|| PyErr::type_error("expected an operator.methodcaller"))
}

fn methodcaller_call(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let object = exactly_one("methodcaller", args, kw)?;
    let caller = methodcaller_of(this)?;
    let method = attrs::get_attr(ts, object, &caller.name)?;
    abstract_api::call(ts, &method, &caller.args, caller.kwnames.as_deref())
}

fn methodcaller_repr(ts: &ThreadState, this: &PyObject) -> PyResult {
    let caller = methodcaller_of(this)?;
    let Some(_guard) = ts.repr_enter(this) else {
        return Ok(pystr::new(ts, "operator.methodcaller(...)").into_ref());
    };
    let mut text = format!(
        "operator.methodcaller({}",
        pystr::to_rust_string(&*caller.name.repr(ts)?)
    );
    let positional_count = caller.args.len() - caller.keyword_count();
    for arg in &caller.args[..positional_count] {
        text.push_str(", ");
        text.push_str(&pystr::to_rust_string(&*arg.repr(ts)?));
    }
    if let Some(names) = &caller.kwnames {
        for (name, value) in tuple::items(names)
            .iter()
            .zip(&caller.args[positional_count..])
        {
            text.push_str(&format!(
                ", {}={}",
                pystr::to_rust_string(name),
                pystr::to_rust_string(&*value.repr(ts)?)
            ));
        }
    }
    text.push(')');
    Ok(pystr::new(ts, &text).into_ref())
}

/// `(type, (name, *args))`, or with keywords `(partial(type, name, **kwargs), args)`.
fn methodcaller_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("__reduce__", args, kw, 0, 0)?;
    let caller = methodcaller_of(this)?;
    let ty = this.ob_type().as_object().new_ref();
    let positional_count = caller.args.len() - caller.keyword_count();
    let Some(kwnames) = &caller.kwnames else {
        let mut items = vec![caller.name.clone()];
        items.extend(caller.args.iter().cloned());
        let items = tuple::new(ts, items).into_ref();
        return Ok(tuple::new(ts, vec![ty, items]).into_ref());
    };
    let functools = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "functools"))?;
    let partial = attrs::get_attr(ts, &functools, &pystr::intern(ts, "partial"))?;
    let mut partial_args = vec![ty, caller.name.clone()];
    partial_args.extend(caller.args[positional_count..].iter().cloned());
    let bound = abstract_api::call(ts, &partial, &partial_args, Some(kwnames))?;
    let rest = tuple::new(ts, caller.args[..positional_count].to_vec()).into_ref();
    Ok(tuple::new(ts, vec![bound, rest]).into_ref())
}

fn methodcaller_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Ok(caller) = methodcaller_of(object) {
        caller.args.iter().for_each(|arg| visit(arg));
    }
}

pub static METHODCALLER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<MethodCaller>(
        "operator.methodcaller",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(methodcaller_new),
        call: Slot::new(methodcaller_call),
        repr: Slot::new(methodcaller_repr),
        traverse: Slot::new(methodcaller_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_operator",
        Some(
            "Operator interface.\n\nThis module exports a set of functions implemented in C \
             corresponding\nto the intrinsic operators of Python.  For example, \
             operator.add(x, y)\nis equivalent to the expression x+y.  The function names \
             are those\nused for special methods; variants without leading and trailing\n\
             '__' are also provided for convenience.",
        ),
    )?;
    module.functions(BINARY_FUNCTIONS)?;
    module.functions(COMPARE_FUNCTIONS)?;
    module.functions(&[
        ("neg", op_neg),
        ("pos", op_pos),
        ("inv", op_inv),
        ("invert", op_invert),
        ("abs", op_abs),
        ("index", op_index),
        ("truth", op_truth),
        ("not_", op_not),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("is_none", op_is_none),
        ("is_not_none", op_is_not_none),
        ("contains", op_contains),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("concat", op_concat),
        ("iconcat", op_iconcat),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("length_hint", op_length_hint),
        ("call", op_call),
        ("_compare_digest", op_compare_digest),
    ])?;
    module.add_type("itemgetter", &ITEMGETTER_TYPE, "operator")?;
    module.add_type("attrgetter", &ATTRGETTER_TYPE, "operator")?;
    module.add_type("methodcaller", &METHODCALLER_TYPE, "operator")?;
    pyrite_objects::descr::add_methods(ts, &ITEMGETTER_TYPE, &[("__reduce__", itemgetter_reduce)]);
    pyrite_objects::descr::add_methods(ts, &ATTRGETTER_TYPE, &[("__reduce__", attrgetter_reduce)]);
    pyrite_objects::descr::add_methods(
        ts,
        &METHODCALLER_TYPE,
        &[("__reduce__", methodcaller_reduce)],
    );
    Ok(module.finish())
}
