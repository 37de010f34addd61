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
use crate::slots::{CompareOp, Slot, SlotTable};
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
        // runs in its deallocation), so while set it points to a live object.
        Some(unsafe { referent.as_ref() }.new_ref())
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
    let Some(list) = weaklist_of(object) else {
        return Err(PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            object.ob_type().name()
        )));
    };
    let callback = callback.filter(|callback| !crate::singletons::is_none(callback));
    if callback.is_none() {
        let existing = list.refs.borrow().iter().copied().find(|&entry| {
            // SAFETY: entries of the list are live weakref objects (they remove
            // themselves when freed).
            let entry = unsafe { entry.as_ref() };
            entry.is_exact_type(&WEAKREF_TYPE)
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
    let weakref = Py::new(
        ts,
        Weakref {
            referent: Cell::new(Some(NonNull::from(object))),
            callback: RefCell::new(callback),
            hash: Cell::new(None),
        },
    );
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
            ts.write_unraisable(err, "Exception ignored while calling weakref callback");
        }
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
            "weakref() takes exactly 0 arguments ({} given)",
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

fn weakref_traverse(object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
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
        traverse: Slot::new(weakref_traverse),
        clear: Slot::new(weakref_clear),
        ..SlotTable::EMPTY
    }),
);
