//! The abstract object protocols: length, subscription, calls, `__index__`, binary
//! number operations.
//!
//! CPython counterpart: `Objects/abstract.c` (`PyObject_Size`, `PyObject_GetItem`,
//! `PyNumber_Index`, `PyNumber_AsSsize_t`, `binary_op1`, `PyNumber_Add`) and
//! `Objects/call.c` (`PyObject_Vectorcall`). (`abstract` is a Rust keyword, hence the
//! file's name.)

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::int::Int;
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::slots::BinaryFn;

/// `len(obj)` (CPython's `PyObject_Size`).
pub fn len(ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    let ty = object.ob_type();
    if let Some(length) = ty.sequence.length.get().or(ty.mapping.length.get()) {
        return length(ts, object);
    }
    Err(PyErr::type_error(format!(
        "object of type '{}' has no len()",
        ty.name()
    )))
}

/// `obj[key]` (CPython's `PyObject_GetItem`): the mapping slot, else the sequence slot
/// with the index made non-negative.
pub fn get_item(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let ty = object.ob_type();
    if let Some(subscript) = ty.mapping.subscript.get() {
        return subscript(ts, object, key);
    }
    if let Some(item) = ty.sequence.item.get() {
        let Some(mut index) = index_for_subscript(ts, key)? else {
            return Err(PyErr::type_error(format!(
                "sequence index must be integer, not '{}'",
                key.ob_type().name()
            )));
        };
        if index < 0
            && let Some(length) = ty.sequence.length.get()
        {
            index += length(ts, object)? as isize;
        }
        return item(ts, object, index);
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not subscriptable",
        ty.name()
    )))
}

/// `callable(*args)`: positional and keyword arguments in `args`, the keywords' names in
/// `kwnames` (CPython's `PyObject_Vectorcall`).
pub fn call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let Some(call) = callable.ob_type().slots.call.get() else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            callable.ob_type().name()
        )));
    };
    let _depth = ts.enter_recursive_call(" while calling a Python object")?;
    call(ts, callable, args, kwnames)
}

/// `operator.index(obj)` (CPython's `PyNumber_Index`): an `int` (exact for ints).
pub fn index(ts: &ThreadState, object: &PyObject) -> PyResult {
    if object.downcast_ref::<Int>().is_some() && object.is_exact_type(&crate::int::INT_TYPE) {
        return Ok(object.new_ref());
    }
    let Some(index) = object.ob_type().number.index.get() else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            object.ob_type().name()
        )));
    };
    let result = index(ts, object)?;
    if result.downcast_ref::<Int>().is_none() {
        return Err(PyErr::type_error(format!(
            "__index__ returned non-int (type {})",
            result.ob_type().name()
        )));
    }
    crate::int::exact_result(ts, "__index__", result)
}

/// The key as a sequence index, `None` if it has no `__index__`. Values beyond `isize`
/// raise `IndexError` (CPython's `PyNumber_AsSsize_t(key, PyExc_IndexError)`).
pub fn index_for_subscript(ts: &ThreadState, key: &PyObject) -> PyResult<Option<isize>> {
    if let Some(value) = key.downcast_ref::<Int>().and_then(|int| int.as_i64()) {
        return Ok(Some(value as isize));
    }
    if key.ob_type().number.index.get().is_none() {
        return Ok(None);
    }
    let value = index(ts, key)?;
    match crate::int::as_i64(&value) {
        Some(value) => Ok(Some(value as isize)),
        None => Err(PyErr::new(
            ExceptionKind::IndexError,
            format!(
                "cannot fit '{}' into an index-sized integer",
                key.ob_type().name()
            ),
        )),
    }
}

/// A binary number operation (CPython's `binary_op1`): a subclass's slot first, then the
/// left operand's, then the right operand's; `NotImplemented` if none applies.
fn binary_op(
    ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    slot: impl Fn(&crate::typeobject::PyType) -> Option<BinaryFn>,
) -> PyResult {
    let not_implemented = crate::singletons::not_implemented();
    let slot_a = slot(a.ob_type());
    let mut slot_b = slot(b.ob_type());
    if !std::ptr::eq(a.ob_type(), b.ob_type()) {
        if slot_b.map(|f| f as usize) == slot_a.map(|f| f as usize) {
            slot_b = None;
        }
    } else {
        slot_b = None;
    }
    if let Some(slot_a) = slot_a {
        if let Some(function) = slot_b
            && b.ob_type().is_subtype(ts, a.ob_type())
        {
            let result = function(ts, a, b)?;
            if !result.is(&not_implemented) {
                return Ok(result);
            }
            slot_b = None;
        }
        let result = slot_a(ts, a, b)?;
        if !result.is(&not_implemented) {
            return Ok(result);
        }
    }
    if let Some(function) = slot_b {
        return function(ts, a, b);
    }
    Ok(not_implemented)
}

/// `a + b` (CPython's `PyNumber_Add`): `nb_add`, then sequence concatenation.
pub fn add(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let result = binary_op(ts, a, b, |ty| ty.number.add.get())?;
    if !result.is(crate::singletons::NOT_IMPLEMENTED.as_object()) {
        return Ok(result);
    }
    if let Some(concat) = a.ob_type().sequence.concat.get() {
        return concat(ts, a, b);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for +: '{}' and '{}'",
        a.ob_type().name(),
        b.ob_type().name()
    )))
}

/// `isinstance(object, classinfo)` (CPython's `PyObject_IsInstance`): tuples and unions
/// recursively, then the class's `__instancecheck__` (a metaclass hook), else the type
/// check.
pub fn is_instance(ts: &ThreadState, object: &PyObject, classinfo: &PyObject) -> PyResult<bool> {
    if std::ptr::eq(object.ob_type().as_object(), classinfo) {
        return Ok(true);
    }
    if let Some(members) = class_members(classinfo) {
        for item in members.iter() {
            let _guard = ts.enter_recursive_call(" in __instancecheck__")?;
            if is_instance(ts, object, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(ty) = crate::typeobject::as_type(classinfo)
        && crate::typeobject::as_type(classinfo.ob_type().as_object())
            .is_some_and(|meta| std::ptr::eq(meta, &*crate::typeobject::TYPE_TYPE))
    {
        return Ok(object.ob_type().is_subtype(ts, ty) || class_attr_matches(ts, object, ty)?);
    }
    if let Some(check) = crate::attrs::lookup_special(ts, classinfo, "__instancecheck__")? {
        let result = call(ts, &check, &[object.new_ref()], None)?;
        return result.is_true(ts);
    }
    match crate::typeobject::as_type(classinfo) {
        Some(ty) => Ok(object.ob_type().is_subtype(ts, ty) || class_attr_matches(ts, object, ty)?),
        None => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// `object.__class__` differs from `type(object)` (a proxy): CPython checks it too.
fn class_attr_matches(
    ts: &ThreadState,
    object: &PyObject,
    ty: &crate::typeobject::PyType,
) -> PyResult<bool> {
    if object.ob_type().slots.getattro.get().is_none() {
        return Ok(false);
    }
    let class = crate::attrs::lookup_attr(ts, object, &crate::str::intern(ts, "__class__"))?;
    Ok(
        match class.as_deref().and_then(crate::typeobject::as_type) {
            Some(class) if !std::ptr::eq(class, object.ob_type()) => class.is_subtype(ts, ty),
            _ => false,
        },
    )
}

/// The members of a tuple or a `types.UnionType` used as `classinfo`.
fn class_members(classinfo: &PyObject) -> Option<Vec<PyRef>> {
    if classinfo.payload_is::<crate::tuple::Tuple>() {
        return Some(crate::tuple::items(classinfo).to_vec());
    }
    crate::unionobject::members(classinfo)
}

/// `issubclass(derived, classinfo)` (CPython's `PyObject_IsSubclass`).
pub fn is_subclass(ts: &ThreadState, derived: &PyObject, classinfo: &PyObject) -> PyResult<bool> {
    if let Some(members) = class_members(classinfo) {
        for item in members.iter() {
            let _guard = ts.enter_recursive_call(" in __subclasscheck__")?;
            if is_subclass(ts, derived, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let exact_type_meta = crate::typeobject::as_type(classinfo).is_some()
        && std::ptr::eq(
            classinfo.ob_type().as_object(),
            crate::typeobject::TYPE_TYPE.as_object(),
        );
    if !exact_type_meta
        && let Some(check) = crate::attrs::lookup_special(ts, classinfo, "__subclasscheck__")?
    {
        let result = call(ts, &check, &[derived.new_ref()], None)?;
        return result.is_true(ts);
    }
    let Some(derived) = crate::typeobject::as_type(derived) else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let Some(class) = crate::typeobject::as_type(classinfo) else {
        return Err(PyErr::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    };
    Ok(derived.is_subtype(ts, class))
}
