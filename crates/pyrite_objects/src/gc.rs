//! Groundwork for the cycle collector: the `GcHead` prefix of container objects, the list
//! of tracked objects, `gc.is_tracked` and `gc.get_referents`.
//!
//! CPython counterpart: `Include/internal/pycore_gc.h` (`PyGC_Head`, `_PyObject_GC_TRACK`),
//! `Python/gc.c` and `Modules/gcmodule.c`. The collector itself (generations, thresholds,
//! `gc.collect`) is designed in `docs/OBJECTS.md` §7 and comes with the runtime issue.
//!
//! Every tracked object's head is linked into one circular doubly linked list whose
//! sentinel is the young generation's head. The lists are process-wide and only touched
//! with `&ThreadState` (the GIL held).

use std::cell::Cell;
use std::ptr;

use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;

/// The collector's links in front of a container object (CPython's `PyGC_Head`).
/// `next` is null while untracked. The low bit of `prev` marks the object as finalized
/// (PEP 442: `__del__` runs at most once), as CPython's `_PyGC_PREV_MASK_FINALIZED`.
#[repr(C)]
pub struct GcHead {
    next: Cell<*const GcHead>,
    prev: Cell<usize>,
}

const FINALIZED: usize = 1;
const PREV_MASK: usize = !FINALIZED;

impl GcHead {
    pub(crate) const fn new() -> GcHead {
        GcHead {
            next: Cell::new(ptr::null()),
            prev: Cell::new(0),
        }
    }

    fn prev(&self) -> *const GcHead {
        (self.prev.get() & PREV_MASK) as *const GcHead
    }

    fn set_prev(&self, prev: *const GcHead) {
        self.prev.set(prev as usize | (self.prev.get() & FINALIZED));
    }

    pub(crate) fn is_finalized(&self) -> bool {
        self.prev.get() & FINALIZED != 0
    }

    pub(crate) fn set_finalized(&self) {
        self.prev.set(self.prev.get() | FINALIZED);
    }

    fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }
}

/// The process-wide collector state: the young generation's list and its count.
struct GcState {
    young: GcHead,
    young_count: Cell<usize>,
}

struct GcStateCell(GcState);

// SAFETY: the state is only reached through `state(ts)`, i.e. by a thread holding the GIL,
// which serializes every access to its cells.
unsafe impl Sync for GcStateCell {}

static GC_STATE: GcStateCell = GcStateCell(GcState {
    young: GcHead::new(),
    young_count: Cell::new(0),
});

fn state(_ts: &ThreadState) -> &'static GcState {
    let state = &GC_STATE.0;
    if !state.young.is_tracked() {
        // An empty circular list points at itself.
        state.young.next.set(&state.young);
        state.young.set_prev(&state.young);
    }
    state
}

/// Links a new container into the young generation (CPython's `_PyObject_GC_TRACK`).
pub(crate) fn track(ts: &ThreadState, head: &GcHead) {
    let young = &state(ts).young;
    let last = young.prev();
    // SAFETY: every head in the list belongs to a live object (heads are unlinked before
    // their object is freed) or is the static sentinel, so `last` is valid.
    unsafe { (*last).next.set(head) };
    head.set_prev(last);
    head.next.set(young);
    young.set_prev(head);
    let count = &state(ts).young_count;
    count.set(count.get() + 1);
}

/// Unlinks a container (before it is freed, or when it can no longer be in a cycle).
pub(crate) fn untrack(head: &GcHead) {
    if !head.is_tracked() {
        return;
    }
    let next = head.next.get();
    let prev = head.prev();
    // SAFETY: a tracked head's neighbours are live heads of the same list (see `track`).
    unsafe {
        (*prev).next.set(next);
        (*next).set_prev(prev);
    }
    head.next.set(ptr::null());
    head.set_prev(ptr::null());
    let count = &GC_STATE.0.young_count;
    count.set(count.get().saturating_sub(1));
}

/// `gc.is_tracked(obj)`.
pub fn is_tracked(object: &PyObject) -> bool {
    object.gc_head().is_some_and(GcHead::is_tracked)
}

/// The number of tracked objects (CPython's young count, before any collection exists).
pub fn tracked_count(ts: &ThreadState) -> usize {
    state(ts).young_count.get()
}

/// `gc.get_referents(obj)`: the objects `obj` refers to, through its `traverse` slot.
pub fn get_referents(ts: &ThreadState, object: &PyObject) -> Vec<PyRef> {
    let mut referents = Vec::new();
    if let Some(traverse) = object.ob_type().slots.traverse.get() {
        traverse(ts, object, &mut |referent| {
            referents.push(referent.new_ref())
        });
    }
    referents
}
