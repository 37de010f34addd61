//! Weak references: `weakref.ref` and the per-object list of weak references.
//!
//! CPython counterpart: `Objects/weakrefobject.c` (`PyWeakref_NewRef`, `weakref_dealloc`,
//! `PyObject_ClearWeakRefs`, `handle_callback`). A type supports weak references when it
//! records a `weaklist_offset`: the place of a `WeakrefList` in its instances. Neither
//! side counts a reference to the other: a weakref that dies first removes itself from the
//! list; a referent that dies first clears its weakrefs, then calls their callbacks,
//! newest first (CPython's order).

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject, field_at, object_address_of};
use crate::pystate::ThreadState;
use crate::singletons::{none, not_implemented};
use crate::slots::{CompareOp, MappingSlots, NumberSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The weak references to one object, oldest first (CPython's `tp_weaklist`). Not counted.
pub struct WeakrefList {
    refs: RefCell<Vec<NonNull<PyObject>>>,
}

impl WeakrefList {
    pub const fn new() -> WeakrefList {
        WeakrefList {
            refs: RefCell::new(Vec::new()),
        }
    }

    /// The number of live weak references (`weakref.getweakrefcount`).
    pub fn count(&self) -> usize {
        self.refs.borrow().len()
    }

    /// New references to the weakrefs still usable, oldest first (`getweakrefs`).
    pub fn live_refs(&self) -> Vec<PyRef> {
        self.refs
            .borrow()
            .iter()
            .filter_map(|&entry| {
                // SAFETY: entries of the list are weakref objects not yet freed.
                let entry = unsafe { entry.as_ref() };
                (entry.refcnt() > 0).then(|| entry.new_ref())
            })
            .collect()
    }
}

impl Default for WeakrefList {
    fn default() -> Self {
        WeakrefList::new()
    }
}

/// The payload of `weakref.ref` objects.
pub struct Weakref {
    /// Cleared (`None`) when the referent dies.
    referent: Cell<Option<NonNull<PyObject>>>,
    callback: RefCell<Option<PyRef>>,
    /// The referent's hash, cached so a dead weakref keeps hashing as before.
    hash: Cell<Option<isize>>,
}

impl Weakref {
    /// The referent, if it is still alive (calling the weakref).
    pub fn get(&self) -> Option<PyRef> {
        let referent = self.referent.get()?;
        // SAFETY: `referent` is cleared before the referent is freed (`clear_weakrefs`
        // runs in its deallocation), so while set it points to an allocated object.
        let referent = unsafe { referent.as_ref() };
        // A count of zero means its deallocation has begun (perhaps deferred by the
        // trashcan): it must not be revived, as CPython's `_PyWeakref_GET_REF`.
        (referent.refcnt() > 0).then(|| referent.new_ref())
    }
}

impl Drop for Weakref {
    fn drop(&mut self) {
        let Some(referent) = self.referent.get() else {
            return;
        };
        // SAFETY: as in `get`: a set referent is alive.
        let referent = unsafe { referent.as_ref() };
        if let Some(list) = weaklist_of(referent) {
            let own = object_address_of(self);
            list.refs
                .borrow_mut()
                .retain(|entry| entry.as_ptr().cast_const() != own);
        }
    }
}

impl PyPayload for Weakref {
    fn static_type() -> &'static PyType {
        &WEAKREF_TYPE
    }
}

/// The weak-reference list of an object whose type supports weak references.
pub fn weaklist_of(object: &PyObject) -> Option<&WeakrefList> {
    let offset = object.ob_type().weaklist_offset();
    if offset == 0 {
        return None;
    }
    // SAFETY: a type records a non-zero `weaklist_offset` only for instances laid out with
    // a `WeakrefList` at that offset (`object::payload_field_offset`).
    Some(unsafe { field_at::<WeakrefList>(object, offset) })
}

/// `weakref.ref(object, callback)`. Without a callback, an existing plain reference is
/// returned (`ref(o) is ref(o)`).
pub fn new_weakref(ts: &ThreadState, object: &PyObject, callback: Option<PyRef>) -> PyResult {
    new_reference(ts, &WEAKREF_TYPE, object, callback)
}

/// `weakref.proxy(object, callback)`: a `ProxyType`, or a `CallableProxyType` when the
/// object is callable. Without a callback, an existing plain proxy is returned.
pub fn new_proxy(ts: &ThreadState, object: &PyObject, callback: Option<PyRef>) -> PyResult {
    let ty: &PyType = if object.ob_type().slots.call.get().is_some() {
        &CALLABLE_PROXY_TYPE
    } else {
        &PROXY_TYPE
    };
    new_reference(ts, ty, object, callback)
}

/// A weak reference of type `ty` (`ref`, a subclass of it, or a proxy type) to `object`.
fn new_reference(
    ts: &ThreadState,
    ty: &PyType,
    object: &PyObject,
    callback: Option<PyRef>,
) -> PyResult {
    let Some(list) = weaklist_of(object) else {
        return Err(PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            object.ob_type().name()
        )));
    };
    let callback = callback.filter(|callback| !crate::singletons::is_none(callback));
    let shareable = std::ptr::eq(ty, &*WEAKREF_TYPE) || !ty.has_flag(flags::BASETYPE);
    if callback.is_none() && shareable {
        let existing = list.refs.borrow().iter().copied().find(|&entry| {
            // SAFETY: entries of the list are live weakref objects (they remove
            // themselves when freed).
            let entry = unsafe { entry.as_ref() };
            entry.is_exact_type(ty)
                && entry.refcnt() > 0
                && entry
                    .downcast_ref::<Weakref>()
                    .is_some_and(|weakref| weakref.callback.borrow().is_none())
        });
        if let Some(existing) = existing {
            // SAFETY: as above.
            return Ok(unsafe { existing.as_ref() }.new_ref());
        }
    }
    let payload = Weakref {
        referent: Cell::new(Some(NonNull::from(object))),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
    };
    let weakref = Py::new_with_type(ts, ty, payload)
        .ok_or_else(|| PyErr::type_error("weak reference type mismatch"))?;
    list.refs
        .borrow_mut()
        .push(NonNull::from(weakref.as_object()));
    Ok(weakref.into_ref())
}

/// Clears the weak references to a dying object, then calls their callbacks, newest first
/// (CPython's `PyObject_ClearWeakRefs`). Errors in callbacks are unraisable.
pub(crate) fn clear_weakrefs(ts: &ThreadState, object: &PyObject) {
    let Some(list) = weaklist_of(object) else {
        return;
    };
    let refs = std::mem::take(&mut *list.refs.borrow_mut());
    let mut pending = Vec::new();
    for &entry in refs.iter().rev() {
        // SAFETY: entries of the list are weakref objects not yet freed (see `Drop`).
        let entry = unsafe { entry.as_ref() };
        let Some(weakref) = entry.downcast_ref::<Weakref>() else {
            continue;
        };
        weakref.referent.set(None);
        let callback = weakref.callback.borrow_mut().take();
        // A weakref whose own count is zero is being freed (deferred by the trashcan):
        // it must not be revived to be passed to its callback.
        if let Some(callback) = callback
            && entry.refcnt() > 0
        {
            pending.push((entry.new_ref(), callback));
        }
    }
    for (weakref, callback) in pending {
        let result = crate::abstract_api::call(ts, &callback, &[weakref], None);
        if let Err(err) = result {
            ts.write_unraisable_object(
                err,
                "Exception ignored while calling weakref callback",
                Some(&callback),
            );
        }
    }
}

/// For the collector: clears the weak references to an unreachable object (their
/// referent becomes `None`) and returns them, newest first; the collector takes and calls
/// the callbacks of those that are themselves reachable (`take_callback`).
pub(crate) fn clear_weakrefs_for_gc(object: &PyObject) -> Vec<PyRef> {
    let Some(list) = weaklist_of(object) else {
        return Vec::new();
    };
    let refs = std::mem::take(&mut *list.refs.borrow_mut());
    let mut cleared = Vec::new();
    for &entry in refs.iter().rev() {
        // SAFETY: entries of the list are weakref objects not yet freed (see `Drop`).
        let entry = unsafe { entry.as_ref() };
        let Some(weakref) = entry.downcast_ref::<Weakref>() else {
            continue;
        };
        weakref.referent.set(None);
        if entry.refcnt() > 0 {
            cleared.push(entry.new_ref());
        }
    }
    cleared
}

/// Takes a weakref's callback (once called, a callback is gone).
pub(crate) fn take_callback(object: &PyObject) -> Option<PyRef> {
    let weakref = object.downcast_ref::<Weakref>()?;
    weakref.callback.borrow_mut().take()
}

/// For the collector: an unreachable weakref lets go of its referent, so that its
/// callback can never run (CPython's `_PyWeakref_ClearRef` in `handle_weakrefs`).
pub(crate) fn detach_for_gc(object: &PyObject) {
    let Some(weakref) = object.downcast_ref::<Weakref>() else {
        return;
    };
    let Some(referent) = weakref.referent.take() else {
        return;
    };
    // SAFETY: a set referent is alive (see `Weakref::get`).
    let referent = unsafe { referent.as_ref() };
    if let Some(list) = weaklist_of(referent) {
        let own = object.as_ptr();
        list.refs
            .borrow_mut()
            .retain(|entry| entry.as_ptr().cast_const() != own);
    }
}

fn weakref_payload(object: &PyObject) -> PyResult<&Weakref> {
    object
        .downcast_ref::<Weakref>()
        .map(|weakref| weakref.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'weakref.ReferenceType' object"))
}

/// `r()`: the referent or `None`.
fn weakref_call(
    _ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "weakref expected 0 arguments, got {}",
            args.len()
        )));
    }
    Ok(weakref_payload(object)?.get().unwrap_or_else(none))
}

/// `<weakref at 0x...; to 'NAME' at 0x...>` or `<weakref at 0x...; dead>`.
fn weakref_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = match weakref_payload(object)?.get() {
        Some(referent) => format!(
            "<weakref at {:p}; to '{}' at {:p}>",
            object.as_ptr(),
            referent.ob_type().name(),
            referent.as_ptr()
        ),
        None => format!("<weakref at {:p}; dead>", object.as_ptr()),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

/// The referent's hash, cached; `TypeError` once dead if never hashed.
fn weakref_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let weakref = weakref_payload(object)?;
    if let Some(hash) = weakref.hash.get() {
        return Ok(hash);
    }
    let Some(referent) = weakref.get() else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let hash = referent.hash(ts)?;
    weakref.hash.set(Some(hash));
    Ok(hash)
}

/// Live weakrefs compare their referents; otherwise identity.
fn weakref_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (Some(left), Some(right)) = (a.downcast_ref::<Weakref>(), b.downcast_ref::<Weakref>())
    else {
        return Ok(not_implemented());
    };
    match (left.get(), right.get()) {
        (Some(left), Some(right)) => left.rich_compare(ts, &right, op),
        _ => Ok(crate::bool::bool_ref(a.is(b) == (op == CompareOp::Eq))),
    }
}

/// `weakref.ref(object[, callback])`.
fn weakref_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    // A subclass's `__init__` may take keywords (`weakref.KeyedRef`); `ref` itself not.
    let positional = match kwnames {
        Some(names) if !crate::tuple::items(names).is_empty() => {
            if std::ptr::eq(ty, &*WEAKREF_TYPE) {
                return Err(PyErr::type_error("ref() takes no keyword arguments"));
            }
            &args[..args.len() - crate::tuple::items(names).len()]
        }
        _ => args,
    };
    match positional {
        [object] => new_reference(ts, ty, object, None),
        [object, callback] => new_reference(ts, ty, object, Some(callback.clone())),
        [] => Err(PyErr::type_error(
            "__new__ expected at least 1 argument, got 0",
        )),
        _ => Err(PyErr::type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            positional.len()
        ))),
    }
}

fn weakref_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(weakref) = object.downcast_ref::<Weakref>()
        && let Some(callback) = weakref.callback.borrow().as_ref()
    {
        visit(callback);
    }
}

fn weakref_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(weakref) = object.downcast_ref::<Weakref>() {
        let callback = weakref.callback.borrow_mut().take();
        drop(callback);
    }
}

pub static WEAKREF_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Weakref>(
        "weakref.ReferenceType",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(weakref_repr),
        hash: Slot::new(weakref_hash),
        richcompare: Slot::new(weakref_richcompare),
        call: Slot::new(weakref_call),
        new: Slot::new(weakref_new),
        init: Slot::new(weakref_init),
        traverse: Slot::new(weakref_traverse),
        clear: Slot::new(weakref_clear),
        ..crate::typeobject::object_slots()
    }),
);

// ---------------------------------------------------------------------------- proxies

/// The referent of a proxy, or `ReferenceError` once it is gone (CPython's
/// `proxy_check_ref`).
fn proxy_referent(object: &PyObject) -> PyResult {
    weakref_payload(object)?.get().ok_or_else(|| {
        PyErr::new(
            crate::err::ExceptionKind::ReferenceError,
            "weakly-referenced object no longer exists",
        )
    })
}

/// A proxy operand stands for its referent; other operands for themselves.
fn unwrap_operand(object: &PyObject) -> PyResult {
    if is_proxy(object) {
        proxy_referent(object)
    } else {
        Ok(object.new_ref())
    }
}

/// Whether `object` is a `weakref.ProxyType` or `weakref.CallableProxyType`.
pub fn is_proxy(object: &PyObject) -> bool {
    object.is_exact_type(&PROXY_TYPE) || object.is_exact_type(&CALLABLE_PROXY_TYPE)
}

fn proxy_getattro(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    crate::attrs::get_attr(ts, &*proxy_referent(object)?, name)
}

fn proxy_setattro(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    crate::attrs::set_attr(ts, &*proxy_referent(object)?, name, value)
}

/// `<weakproxy at 0x...; to 'NAME' at 0x...>` or `<weakproxy at 0x...; dead>`.
fn proxy_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = match weakref_payload(object)?.get() {
        Some(referent) => format!(
            "<weakproxy at {:p}; to '{}' at {:p}>",
            object.as_ptr(),
            referent.ob_type().name(),
            referent.as_ptr()
        ),
        None => format!("<weakproxy at {:p}; dead>", object.as_ptr()),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn proxy_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    proxy_referent(object)?.str(ts)
}

fn proxy_call(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::abstract_api::call(ts, &*proxy_referent(object)?, args, kwnames)
}

fn proxy_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (a, b) = (unwrap_operand(a)?, unwrap_operand(b)?);
    a.rich_compare(ts, &b, op)
}

fn proxy_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::iterobject::get_iter(ts, &*proxy_referent(object)?)
}

fn proxy_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let referent = proxy_referent(object)?;
    if referent.ob_type().slots.iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            referent.ob_type().name()
        )));
    }
    crate::iterobject::next(ts, &referent)
}

fn proxy_bool(ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    proxy_referent(object)?.is_true(ts)
}

fn proxy_length(ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    crate::abstract_api::len(ts, &*proxy_referent(object)?)
}

fn proxy_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    crate::abstract_ops::contains(ts, &*proxy_referent(object)?, item)
}

fn proxy_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    crate::abstract_ops::get_item(ts, &*proxy_referent(object)?, key)
}

fn proxy_ass_subscript(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    crate::abstract_ops::set_item(ts, &*proxy_referent(object)?, key, value)
}

fn proxy_negative(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::abstract_ops::unary_op(ts, '-', &*proxy_referent(object)?)
}

fn proxy_positive(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::abstract_ops::unary_op(ts, '+', &*proxy_referent(object)?)
}

fn proxy_invert(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::abstract_ops::unary_op(ts, '~', &*proxy_referent(object)?)
}

fn proxy_absolute(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::abstract_ops::absolute(ts, &*proxy_referent(object)?)
}

fn proxy_index(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::abstract_api::index(ts, &*proxy_referent(object)?)
}

macro_rules! proxy_binary {
    ($($name:ident: $op:ident, $inplace:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
                let (a, b) = (unwrap_operand(a)?, unwrap_operand(b)?);
                crate::abstract_ops::binary_op(ts, crate::abstract_ops::BinaryOp::$op, $inplace, &a, &b)
            }
        )*
    };
}

proxy_binary! {
    proxy_add: Add, false;
    proxy_sub: Subtract, false;
    proxy_mul: Multiply, false;
    proxy_mod: Remainder, false;
    proxy_lshift: Lshift, false;
    proxy_rshift: Rshift, false;
    proxy_and: And, false;
    proxy_xor: Xor, false;
    proxy_or: Or, false;
    proxy_floordiv: FloorDivide, false;
    proxy_truediv: TrueDivide, false;
    proxy_matmul: MatrixMultiply, false;
    proxy_iadd: Add, true;
    proxy_isub: Subtract, true;
    proxy_imul: Multiply, true;
    proxy_imod: Remainder, true;
    proxy_ilshift: Lshift, true;
    proxy_irshift: Rshift, true;
    proxy_iand: And, true;
    proxy_ixor: Xor, true;
    proxy_ior: Or, true;
    proxy_ifloordiv: FloorDivide, true;
    proxy_itruediv: TrueDivide, true;
    proxy_imatmul: MatrixMultiply, true;
}

fn proxy_pow(ts: &ThreadState, a: &PyObject, b: &PyObject, _modulo: &PyObject) -> PyResult {
    let (a, b) = (unwrap_operand(a)?, unwrap_operand(b)?);
    crate::abstract_ops::binary_op(ts, crate::abstract_ops::BinaryOp::Power, false, &a, &b)
}

fn proxy_ipow(ts: &ThreadState, a: &PyObject, b: &PyObject, _modulo: &PyObject) -> PyResult {
    let (a, b) = (unwrap_operand(a)?, unwrap_operand(b)?);
    crate::abstract_ops::binary_op(ts, crate::abstract_ops::BinaryOp::Power, true, &a, &b)
}

const fn proxy_slots(callable: bool) -> SlotTable {
    SlotTable {
        repr: Slot::new(proxy_repr),
        str: Slot::new(proxy_str),
        hash: Slot::new(crate::typeobject::hash_not_implemented),
        richcompare: Slot::new(proxy_richcompare),
        getattro: Slot::new(proxy_getattro),
        setattro: Slot::new(proxy_setattro),
        call: if callable {
            Slot::new(proxy_call)
        } else {
            Slot::NONE
        },
        iter: Slot::new(proxy_iter),
        iternext: Slot::new(proxy_iternext),
        traverse: Slot::new(weakref_traverse),
        clear: Slot::new(weakref_clear),
        ..crate::typeobject::object_slots()
    }
}

const fn proxy_number_slots() -> NumberSlots {
    NumberSlots {
        add: Slot::new(proxy_add),
        subtract: Slot::new(proxy_sub),
        multiply: Slot::new(proxy_mul),
        remainder: Slot::new(proxy_mod),
        power: Slot::new(proxy_pow),
        negative: Slot::new(proxy_negative),
        positive: Slot::new(proxy_positive),
        absolute: Slot::new(proxy_absolute),
        bool: Slot::new(proxy_bool),
        invert: Slot::new(proxy_invert),
        lshift: Slot::new(proxy_lshift),
        rshift: Slot::new(proxy_rshift),
        and: Slot::new(proxy_and),
        xor: Slot::new(proxy_xor),
        or: Slot::new(proxy_or),
        inplace_add: Slot::new(proxy_iadd),
        inplace_subtract: Slot::new(proxy_isub),
        inplace_multiply: Slot::new(proxy_imul),
        inplace_remainder: Slot::new(proxy_imod),
        inplace_power: Slot::new(proxy_ipow),
        inplace_lshift: Slot::new(proxy_ilshift),
        inplace_rshift: Slot::new(proxy_irshift),
        inplace_and: Slot::new(proxy_iand),
        inplace_xor: Slot::new(proxy_ixor),
        inplace_or: Slot::new(proxy_ior),
        floor_divide: Slot::new(proxy_floordiv),
        true_divide: Slot::new(proxy_truediv),
        inplace_floor_divide: Slot::new(proxy_ifloordiv),
        inplace_true_divide: Slot::new(proxy_itruediv),
        index: Slot::new(proxy_index),
        matrix_multiply: Slot::new(proxy_matmul),
        inplace_matrix_multiply: Slot::new(proxy_imatmul),
        ..NumberSlots::EMPTY
    }
}

const fn proxy_sequence_slots() -> SequenceSlots {
    SequenceSlots {
        contains: Slot::new(proxy_contains),
        ..SequenceSlots::EMPTY
    }
}

const fn proxy_mapping_slots() -> MappingSlots {
    MappingSlots {
        length: Slot::new(proxy_length),
        subscript: Slot::new(proxy_subscript),
        ass_subscript: Slot::new(proxy_ass_subscript),
    }
}

/// `weakref.ProxyType`: a proxy to an object that is not callable.
pub static PROXY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Weakref>("weakref.ProxyType", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(proxy_slots(false))
        .with_number(proxy_number_slots())
        .with_sequence(proxy_sequence_slots())
        .with_mapping(proxy_mapping_slots()),
);

/// `weakref.CallableProxyType`: a proxy to a callable object.
pub static CALLABLE_PROXY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Weakref>(
        "weakref.CallableProxyType",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(proxy_slots(true))
    .with_number(proxy_number_slots())
    .with_sequence(proxy_sequence_slots())
    .with_mapping(proxy_mapping_slots()),
);

/// `ref.__init__(object[, callback])`: the work is done by `__new__`; the arguments are
/// checked again, as CPython's `weakref___init__` does.
fn weakref_init(
    _ts: &ThreadState,
    _object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let keywords = kwnames.map_or(0, |names| crate::tuple::items(names).len());
    match args.len() - keywords {
        1 | 2 => Ok(()),
        0 => Err(PyErr::type_error(
            "__init__ expected at least 1 argument, got 0",
        )),
        count => Err(PyErr::type_error(format!(
            "__init__ expected at most 2 arguments, got {count}"
        ))),
    }
}

/// `ReferenceType.__init__` as a method, for `super().__init__(ob, callback)`.
pub fn weakref_init_method(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    weakref_init(ts, object, args, kwnames)?;
    Ok(none())
}

/// `ReferenceType.__callback__`.
pub fn weakref_callback(object: &PyObject) -> PyResult {
    let weakref = weakref_payload(object)?;
    Ok(weakref.callback.borrow().clone().unwrap_or_else(none))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;
    use crate::testing::{self, Probe, Recorder};

    /// CPython 3.14: `__del__` runs first, then the callbacks, newest first; the weakrefs
    /// are already dead when their callbacks run; `ref(o) is ref(o)`.
    #[test]
    fn callbacks_fire_on_deallocation_in_cpython_order() {
        with_gil(|ts| {
            testing::ready(ts);
            testing::take_log();
            let object = Py::new(ts, Probe::new("a")).into_ref();
            let first = Py::new(ts, Recorder { label: "cb1" }).into_ref();
            let second = Py::new(ts, Recorder { label: "cb2" }).into_ref();
            let r1 = new_weakref(ts, &object, Some(first)).unwrap();
            let r2 = new_weakref(ts, &object, Some(second)).unwrap();
            let r0 = new_weakref(ts, &object, None).unwrap();
            assert!(new_weakref(ts, &object, None).unwrap().is(&r0));
            assert!(!r1.is(&r2));
            let alive = crate::abstract_api::call(ts, &r0, &[], None).unwrap();
            assert!(alive.is(&object));
            drop(alive);
            assert_eq!(weaklist_of(&object).unwrap().count(), 3);
            let repr = repr_string(ts, &r0);
            assert!(repr.contains("; to 'Probe' at 0x"), "{repr}");
            let hash_before = r0.hash(ts).unwrap();
            drop(object);
            assert_eq!(
                testing::take_log(),
                ["del a", "call cb2 dead=true", "call cb1 dead=true"]
            );
            let dead = crate::abstract_api::call(ts, &r1, &[], None).unwrap();
            assert!(crate::singletons::is_none(&dead));
            assert!(repr_string(ts, &r0).ends_with("; dead>"));
            // A hash taken while alive survives; a dead weakref never hashed cannot hash.
            assert_eq!(r0.hash(ts).unwrap(), hash_before);
            let err = r1.hash(ts).unwrap_err();
            assert_eq!(err.display_lazy(), "TypeError: weak object has gone away");
            let err =
                crate::abstract_api::call(ts, &r1, std::slice::from_ref(&r2), None).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: weakref expected 0 arguments, got 1"
            );
        });
    }

    #[test]
    fn a_weakref_dying_first_leaves_the_list_and_its_callback_never_runs() {
        with_gil(|ts| {
            testing::ready(ts);
            testing::take_log();
            let object = Py::new(ts, Probe::new("b")).into_ref();
            let callback = Py::new(ts, Recorder { label: "never" }).into_ref();
            let weakref = new_weakref(ts, &object, Some(callback)).unwrap();
            assert_eq!(weaklist_of(&object).unwrap().count(), 1);
            drop(weakref);
            assert_eq!(weaklist_of(&object).unwrap().count(), 0);
            drop(object);
            assert_eq!(testing::take_log(), ["del b"]);
        });
    }

    #[test]
    fn callback_errors_are_unraisable_and_unsupported_types_refuse() {
        with_gil(|ts| {
            testing::ready(ts);
            testing::take_log();
            ts.take_unraisable();
            let object = Py::new(ts, Probe::new("c")).into_ref();
            let failing = Py::new(ts, Recorder { label: "fail" }).into_ref();
            let weakref = new_weakref(ts, &object, Some(failing)).unwrap();
            drop(object);
            assert_eq!(testing::take_log(), ["del c", "call fail dead=true"]);
            assert_eq!(
                ts.take_unraisable(),
                ["Exception ignored while calling weakref callback: ValueError: callback failed"]
            );
            drop(weakref);
            let err = new_weakref(ts, &crate::int::new(ts, 1), None).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: cannot create weak reference to 'int' object"
            );
        });
    }
}
