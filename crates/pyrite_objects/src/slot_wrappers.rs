//! Slots of classes defined in Python: when a class defines `__repr__`, `__add__`,
//! `__len__`, ..., its slot is set to a trampoline that looks the method up on the type
//! and calls it, so the evaluation loop and the built-ins reach Python methods through the
//! same slots as built-in types.
//!
//! CPython counterpart: `Objects/typeobject.c` (`slotdefs`, `update_slot`,
//! `fixup_slot_dispatchers`, the `slot_tp_*`/`slot_nb_*`/`slot_sq_*`/`slot_mp_*`
//! functions, `SLOT1BINFULL`).

use crate::attrs::{call_found_special, call_special};
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::CompareOp;
use crate::typeobject::PyType;

fn or_not_implemented(result: Option<PyRef>) -> PyRef {
    result.unwrap_or_else(not_implemented)
}

fn missing(object: &PyObject, name: &str) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object has no method {name}",
        object.ob_type().name()
    ))
}

fn slot_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    call_special(ts, object, "__repr__", &[])?.ok_or_else(|| missing(object, "__repr__"))
}

fn slot_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    call_special(ts, object, "__str__", &[])?.ok_or_else(|| missing(object, "__str__"))
}

fn slot_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let result =
        call_special(ts, object, "__hash__", &[])?.ok_or_else(|| missing(object, "__hash__"))?;
    let Some(int) = result.downcast_ref::<crate::int::Int>() else {
        return Err(PyErr::type_error(
            "__hash__ method should return an integer",
        ));
    };
    let hash = int.hash_value();
    Ok(if hash == -1 { -2 } else { hash })
}

fn slot_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let name = match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    };
    if let Some(result) = call_special(ts, a, name, &[b.new_ref()])? {
        return Ok(result);
    }
    if op == CompareOp::Ne
        && let Some(result) = call_special(ts, a, "__eq__", &[b.new_ref()])?
    {
        if result.is(&not_implemented()) {
            return Ok(result);
        }
        return Ok(crate::bool::bool_ref(!result.is_true(ts)?));
    }
    if op == CompareOp::Eq {
        return Ok(if a.is(b) {
            crate::bool::true_ref()
        } else {
            not_implemented()
        });
    }
    Ok(not_implemented())
}

fn slot_call(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let method = crate::attrs::lookup_special(ts, object, "__call__")?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object is not callable",
            object.ob_type().name()
        ))
    })?;
    crate::abstract_api::call(ts, &method, args, kwnames)
}

fn slot_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    call_special(ts, object, "__iter__", &[])?.ok_or_else(|| missing(object, "__iter__"))
}

fn slot_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    match call_special(ts, object, "__next__", &[]) {
        Ok(Some(value)) => Ok(Some(value)),
        Ok(None) => Err(missing(object, "__next__")),
        Err(err) if err.matches(ExceptionKind::StopIteration) => {
            crate::iterobject::record_stop_iteration(|| err.into_exception(ts));
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

fn slot_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let method = crate::attrs::lookup_special(ts, object, "__init__")?
        .ok_or_else(|| missing(object, "__init__"))?;
    let result = crate::abstract_api::call(ts, &method, args, kwnames)?;
    if !crate::singletons::is_none(&result) {
        return Err(PyErr::type_error(format!(
            "__init__() should return None, not '{}'",
            result.ob_type().name()
        )));
    }
    Ok(())
}

/// `tp_descr_get` of a class defining `__get__` (CPython's `slot_tp_descr_get`).
fn slot_descr_get(
    ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    owner: Option<&PyObject>,
) -> PyResult {
    let none = crate::singletons::none;
    let args = [
        instance.map_or_else(none, PyObject::new_ref),
        owner.map_or_else(none, PyObject::new_ref),
    ];
    call_special(ts, descr, "__get__", &args)?.ok_or_else(|| missing(descr, "__get__"))
}

/// `tp_descr_set` of a class defining `__set__` or `__delete__` (CPython's
/// `slot_tp_descr_set`).
fn slot_descr_set(
    ts: &ThreadState,
    descr: &PyObject,
    instance: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let (name, args) = match value {
        Some(value) => ("__set__", vec![instance.new_ref(), value.new_ref()]),
        None => ("__delete__", vec![instance.new_ref()]),
    };
    match call_special(ts, descr, name, &args)? {
        Some(_) => Ok(()),
        None => Err(PyErr::new(ExceptionKind::AttributeError, name)),
    }
}

fn slot_finalize(ts: &ThreadState, object: &PyObject) {
    if let Err(err) = call_special(ts, object, "__del__", &[]) {
        let del = object.ob_type().lookup_str(ts, "__del__").ok().flatten();
        ts.write_unraisable_object(
            err,
            "Exception ignored while calling deallocator",
            del.as_deref(),
        );
    }
}

fn slot_length(ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    let result =
        call_special(ts, object, "__len__", &[])?.ok_or_else(|| missing(object, "__len__"))?;
    let Some(int) = result.downcast_ref::<crate::int::Int>() else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            result.ob_type().name()
        )));
    };
    match int.as_i64() {
        Some(value) if value >= 0 => Ok(value as usize),
        Some(_) => Err(PyErr::new(
            ExceptionKind::ValueError,
            "__len__() should return >= 0",
        )),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

fn slot_getitem(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    call_special(ts, object, "__getitem__", &[key.new_ref()])?
        .ok_or_else(|| missing(object, "__getitem__"))
}

fn slot_setitem(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let result = match value {
        Some(value) => call_special(ts, object, "__setitem__", &[key.new_ref(), value.new_ref()])?,
        None => call_special(ts, object, "__delitem__", &[key.new_ref()])?,
    };
    result.map(drop).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object {}",
            object.ob_type().name(),
            if value.is_some() {
                "does not support item assignment"
            } else {
                "doesn't support item deletion"
            }
        ))
    })
}

fn slot_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    match call_special(ts, object, "__contains__", &[item.new_ref()])? {
        Some(result) => result.is_true(ts),
        None => Err(missing(object, "__contains__")),
    }
}

fn slot_bool(ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    if let Some(result) = call_special(ts, object, "__bool__", &[])? {
        return match crate::bool::as_bool_singleton(&result) {
            Some(value) => Ok(value),
            None => Err(PyErr::type_error(format!(
                "__bool__ should return bool, returned {}",
                result.ob_type().name()
            ))),
        };
    }
    Ok(slot_length(ts, object)? != 0)
}

macro_rules! unary_slots {
    ($($fn_name:ident = $dunder:literal;)*) => {
        $(fn $fn_name(ts: &ThreadState, object: &PyObject) -> PyResult {
            call_special(ts, object, $dunder, &[])?.ok_or_else(|| missing(object, $dunder))
        })*
    };
}

unary_slots! {
    slot_neg = "__neg__";
    slot_pos = "__pos__";
    slot_abs = "__abs__";
    slot_invert = "__invert__";
    slot_index = "__index__";
    slot_int = "__int__";
    slot_float = "__float__";
}

/// A binary operator: `a.__op__(b)`, then `b.__rop__(a)` when `b`'s type differs
/// (CPython's `SLOT1BINFULL`, without the subclass-first refinement).
fn binary(ts: &ThreadState, a: &PyObject, b: &PyObject, name: &str, reflected: &str) -> PyResult {
    let lookup = |object: &PyObject, dunder: &str| -> PyResult<Option<PyRef>> {
        if object.ob_type().is_heap_type() {
            object.ob_type().lookup_str(ts, dunder)
        } else {
            Ok(None)
        }
    };
    let mut try_reflected =
        !std::ptr::eq(a.ob_type(), b.ob_type()) && lookup(b, reflected)?.is_some();
    if let Some(method) = lookup(a, name)? {
        let mut method = Some(method);
        // A subclass's own reflected method goes first (CPython's `SLOT1BINFULL`).
        if try_reflected && b.ob_type().is_subtype(ts, a.ob_type()) {
            let own = b.ob_type().lookup_str(ts, reflected)?;
            let inherited = a.ob_type().lookup_str(ts, reflected)?;
            let overrides = match (&own, &inherited) {
                (Some(own), Some(inherited)) => !own.is(inherited),
                (Some(_), None) => true,
                _ => false,
            };
            if overrides {
                let result = or_not_implemented(call_special(ts, b, reflected, &[a.new_ref()])?);
                if !result.is(&not_implemented()) {
                    return Ok(result);
                }
                try_reflected = false;
                // Python code ran: the method is looked up again, as CPython does.
                method = None;
            }
        }
        let result = match method {
            // Nothing ran since the lookup: the method found is the one to call.
            Some(method) => Some(call_found_special(ts, a, method, &[b.new_ref()])?),
            None => call_special(ts, a, name, &[b.new_ref()])?,
        };
        if let Some(result) = result
            && !result.is(&not_implemented())
        {
            return Ok(result);
        }
    }
    if try_reflected {
        return Ok(or_not_implemented(call_special(
            ts,
            b,
            reflected,
            &[a.new_ref()],
        )?));
    }
    Ok(not_implemented())
}

macro_rules! binary_slots {
    ($($fn_name:ident = $dunder:literal, $reflected:literal;)*) => {
        $(fn $fn_name(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
            binary(ts, a, b, $dunder, $reflected)
        })*
    };
}

binary_slots! {
    slot_add = "__add__", "__radd__";
    slot_sub = "__sub__", "__rsub__";
    slot_mul = "__mul__", "__rmul__";
    slot_truediv = "__truediv__", "__rtruediv__";
    slot_floordiv = "__floordiv__", "__rfloordiv__";
    slot_mod = "__mod__", "__rmod__";
    slot_lshift = "__lshift__", "__rlshift__";
    slot_rshift = "__rshift__", "__rrshift__";
    slot_and = "__and__", "__rand__";
    slot_or = "__or__", "__ror__";
    slot_xor = "__xor__", "__rxor__";
    slot_matmul = "__matmul__", "__rmatmul__";
    slot_divmod = "__divmod__", "__rdivmod__";
}

fn slot_pow(ts: &ThreadState, a: &PyObject, b: &PyObject, _modulo: &PyObject) -> PyResult {
    binary(ts, a, b, "__pow__", "__rpow__")
}

macro_rules! inplace_slots {
    ($($fn_name:ident = $dunder:literal;)*) => {
        $(fn $fn_name(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
            Ok(or_not_implemented(call_special(ts, a, $dunder, &[b.new_ref()])?))
        })*
    };
}

inplace_slots! {
    slot_iadd = "__iadd__";
    slot_isub = "__isub__";
    slot_imul = "__imul__";
    slot_itruediv = "__itruediv__";
    slot_ifloordiv = "__ifloordiv__";
    slot_imod = "__imod__";
    slot_ilshift = "__ilshift__";
    slot_irshift = "__irshift__";
    slot_iand = "__iand__";
    slot_ior = "__ior__";
    slot_ixor = "__ixor__";
    slot_imatmul = "__imatmul__";
}

fn slot_ipow(ts: &ThreadState, a: &PyObject, b: &PyObject, _modulo: &PyObject) -> PyResult {
    Ok(or_not_implemented(call_special(
        ts,
        a,
        "__ipow__",
        &[b.new_ref()],
    )?))
}

/// Where `__hash__` comes from along the MRO: a class dict's entry, or the slot of a
/// built-in type (which keeps its hash in the slot, not as a `__hash__` dict entry).
enum HashProvider {
    Entry(PyRef),
    BuiltinSlot(Option<crate::slots::HashFn>),
}

fn hash_lookup(ts: &ThreadState, ty: &PyType) -> PyResult<Option<HashProvider>> {
    let Some(mro) = ty.mro(ts) else {
        return Ok(ty.lookup_str(ts, "__hash__")?.map(HashProvider::Entry));
    };
    let key = crate::str::intern(ts, "__hash__");
    for class in crate::tuple::items(&mro) {
        let Some(class) = crate::typeobject::as_type(class) else {
            continue;
        };
        if let Some(dict) = class.dict(ts).downcast_ref::<crate::dict::Dict>()
            && let Some(found) = dict.get_item(ts, &key)?
        {
            return Ok(Some(HashProvider::Entry(found)));
        }
        let is_object = std::ptr::eq(class, &*crate::typeobject::OBJECT_TYPE);
        if !class.is_heap_type() && !is_object {
            return Ok(Some(HashProvider::BuiltinSlot(class.slots.hash.get())));
        }
    }
    Ok(None)
}

/// The dict entry that decides `__hash__`, unless a built-in base's slot decides it.
fn hash_provider(ts: &ThreadState, ty: &PyType) -> PyResult<Option<PyRef>> {
    Ok(match hash_lookup(ts, ty)? {
        Some(HashProvider::Entry(found)) => Some(found),
        _ => None,
    })
}

/// Points the slots of a Python class at trampolines for the dunders it (or a Python
/// base) defines (CPython's `fixup_slot_dispatchers`). A dunder that is a built-in's
/// method descriptor keeps the built-in's inherited slot.
pub fn update_slots(ts: &ThreadState, ty: &PyType) {
    update_own_slots(ts, ty);
    // Subclasses see the change through their MRO.
    let _guard = ts.enter_recursive_call("");
    for subclass in ty.subclasses(ts) {
        if let Some(subclass) = crate::typeobject::as_type(&subclass) {
            update_slots(ts, subclass);
        }
    }
}

/// Whether a dunder found along the MRO is a built-in type's own method (a slot wrapper,
/// a method descriptor, `__new__`): the slot the class inherited already implements it.
fn is_builtin_method(found: &PyObject) -> bool {
    found.payload_is::<crate::wrapper_descr::WrapperDescr>()
        || found.payload_is::<crate::descr::MethodDescr>()
        || found.payload_is::<crate::descr::BuiltinFunction>()
}

fn update_own_slots(ts: &ThreadState, ty: &PyType) {
    crate::slotdefs::inherit_wrapped_slots(ts, ty);
    let defines = |name: &str| -> bool {
        match ty.lookup_str(ts, name) {
            Ok(Some(found)) => !is_builtin_method(&found) && !crate::singletons::is_none(&found),
            _ => false,
        }
    };
    let slots = &ty.slots;
    if defines("__repr__") {
        slots.repr.set(ts, Some(slot_repr));
    }
    if defines("__str__") {
        slots.str.set(ts, Some(slot_str));
    }
    let compares = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    if compares.iter().any(|name| defines(name)) {
        slots.richcompare.set(ts, Some(slot_richcompare));
    }
    match hash_provider(ts, ty) {
        Ok(Some(found)) if crate::singletons::is_none(&found) => {
            slots
                .hash
                .set(ts, Some(crate::typeobject::hash_not_implemented));
        }
        Ok(Some(found)) if !is_builtin_method(&found) => {
            slots.hash.set(ts, Some(slot_hash));
        }
        Ok(Some(found)) => {
            // A built-in's `__hash__` (`__hash__ = object.__hash__`): its slot.
            if let Some(descr) = found.downcast_ref::<crate::descr::MethodDescr>() {
                slots.hash.set(ts, descr.owner.slots.hash.get());
            } else if let Some(hash) = crate::slotdefs::wrapped_hash(&found) {
                slots.hash.set(ts, Some(hash));
            }
        }
        _ => {}
    }
    if let Ok(Some(HashProvider::BuiltinSlot(hash))) = hash_lookup(ts, ty) {
        slots.hash.set(ts, hash);
    }
    if defines("__new__") {
        slots.new.set(ts, Some(crate::typecall::slot_new));
    }
    if defines("__getattribute__") || defines("__getattr__") {
        slots
            .getattro
            .set(ts, Some(crate::attrs::slot_getattr_hook));
    }
    if defines("__setattr__") || defines("__delattr__") {
        slots.setattro.set(ts, Some(crate::attrs::slot_setattro));
    }
    if defines("__get__") {
        slots.descr_get.set(ts, Some(slot_descr_get));
    }
    if defines("__set__") || defines("__delete__") {
        slots.descr_set.set(ts, Some(slot_descr_set));
    }
    if defines("__call__") {
        slots.call.set(ts, Some(slot_call));
    }
    if defines("__iter__") {
        slots.iter.set(ts, Some(slot_iter));
    } else if matches!(ty.lookup_str(ts, "__iter__"), Ok(Some(found)) if crate::singletons::is_none(&found))
    {
        slots.iter.set(ts, None);
    }
    if defines("__next__") {
        slots.iternext.set(ts, Some(slot_iternext));
    }
    if defines("__init__") {
        slots.init.set(ts, Some(slot_init));
    }
    if defines("__del__") {
        slots.finalize.set(ts, Some(slot_finalize));
    }
    if defines("__len__") {
        ty.sequence.length.set(ts, Some(slot_length));
        ty.mapping.length.set(ts, Some(slot_length));
    }
    if defines("__getitem__") {
        ty.mapping.subscript.set(ts, Some(slot_getitem));
    }
    if defines("__setitem__") || defines("__delitem__") {
        ty.mapping.ass_subscript.set(ts, Some(slot_setitem));
    }
    if defines("__contains__") {
        ty.sequence.contains.set(ts, Some(slot_contains));
    }
    if defines("__bool__") {
        ty.number.bool.set(ts, Some(slot_bool));
    }
    let number = &ty.number;
    let unary: [(
        &str,
        &crate::slots::Slot<crate::slots::UnaryFn>,
        crate::slots::UnaryFn,
    ); 7] = [
        ("__neg__", &number.negative, slot_neg),
        ("__pos__", &number.positive, slot_pos),
        ("__abs__", &number.absolute, slot_abs),
        ("__invert__", &number.invert, slot_invert),
        ("__index__", &number.index, slot_index),
        ("__int__", &number.int, slot_int),
        ("__float__", &number.float, slot_float),
    ];
    for (name, slot, function) in unary {
        if defines(name) {
            slot.set(ts, Some(function));
        }
    }
    type Binary = crate::slots::BinaryFn;
    let binary: [(&str, &str, &crate::slots::Slot<Binary>, Binary); 13] = [
        ("__add__", "__radd__", &number.add, slot_add),
        ("__sub__", "__rsub__", &number.subtract, slot_sub),
        ("__mul__", "__rmul__", &number.multiply, slot_mul),
        (
            "__truediv__",
            "__rtruediv__",
            &number.true_divide,
            slot_truediv,
        ),
        (
            "__floordiv__",
            "__rfloordiv__",
            &number.floor_divide,
            slot_floordiv,
        ),
        ("__mod__", "__rmod__", &number.remainder, slot_mod),
        ("__lshift__", "__rlshift__", &number.lshift, slot_lshift),
        ("__rshift__", "__rrshift__", &number.rshift, slot_rshift),
        ("__and__", "__rand__", &number.and, slot_and),
        ("__or__", "__ror__", &number.or, slot_or),
        ("__xor__", "__rxor__", &number.xor, slot_xor),
        (
            "__matmul__",
            "__rmatmul__",
            &number.matrix_multiply,
            slot_matmul,
        ),
        ("__divmod__", "__rdivmod__", &number.divmod, slot_divmod),
    ];
    for (name, reflected, slot, function) in binary {
        if defines(name) || defines(reflected) {
            slot.set(ts, Some(function));
        }
    }
    if defines("__pow__") || defines("__rpow__") {
        number.power.set(ts, Some(slot_pow));
    }
    let inplace: [(&str, &crate::slots::Slot<Binary>, Binary); 12] = [
        ("__iadd__", &number.inplace_add, slot_iadd),
        ("__isub__", &number.inplace_subtract, slot_isub),
        ("__imul__", &number.inplace_multiply, slot_imul),
        ("__itruediv__", &number.inplace_true_divide, slot_itruediv),
        (
            "__ifloordiv__",
            &number.inplace_floor_divide,
            slot_ifloordiv,
        ),
        ("__imod__", &number.inplace_remainder, slot_imod),
        ("__ilshift__", &number.inplace_lshift, slot_ilshift),
        ("__irshift__", &number.inplace_rshift, slot_irshift),
        ("__iand__", &number.inplace_and, slot_iand),
        ("__ior__", &number.inplace_or, slot_ior),
        ("__ixor__", &number.inplace_xor, slot_ixor),
        ("__imatmul__", &number.inplace_matrix_multiply, slot_imatmul),
    ];
    for (name, slot, function) in inplace {
        if defines(name) {
            slot.set(ts, Some(function));
        }
    }
    if defines("__ipow__") {
        number.inplace_power.set(ts, Some(slot_ipow));
    }
}
