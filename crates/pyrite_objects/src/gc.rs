//! The cycle collector: the `GcHead` prefix of container objects, the three generations,
//! automatic collection on allocation counts, and a collection (CPython's generational
//! design: `update_refs`, `subtract_refs`, reachability, weakrefs, finalizers with PEP 442
//! resurrection, `tp_clear`).
//!
//! CPython counterpart: `Include/internal/pycore_gc.h` (`PyGC_Head`, `_PyObject_GC_TRACK`)
//! and `Python/gc.c` as it was in 3.13 (and again from 3.14.5): `gc_collect_main`,
//! `gc_collect_generations`. The `gc` module's functions are in `pyrite_modules::gc`.
//! See `docs/OBJECTS.md` §7.
//!
//! Every tracked object's head is linked into one circular doubly linked list per
//! generation (plus the permanent generation of `gc.freeze`), whose sentinels are statics.
//! The lists are process-wide and only touched with `&ThreadState` (the GIL held).
//!
//! During the graph phases of a collection no Python code runs, so the `prev` word of each
//! collected head is borrowed to hold its `gc_refs` and marks (as CPython does); the lists
//! are rebuilt from a snapshot of the heads before any code can run again.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::ptr;

use crate::object::{GC_HEAD_SIZE, PyObject, PyRef};
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
/// Set on every head of the generations being collected, during the graph phases.
const COLLECTING: usize = 2;
/// Set on collected heads found reachable from outside the collected set.
const REACHABLE: usize = 4;
const FLAG_BITS: u32 = 3;
const PREV_MASK: usize = !FINALIZED;

/// `gc.DEBUG_SAVEALL`: unreachable objects go to `gc.garbage` instead of being freed.
pub const DEBUG_SAVEALL: u32 = 32;

pub const NUM_GENERATIONS: usize = 3;

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

    pub(crate) fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }

    fn is_collecting(&self) -> bool {
        self.prev.get() & COLLECTING != 0
    }

    fn gc_refs(&self) -> usize {
        self.prev.get() >> FLAG_BITS
    }

    fn set_gc_refs(&self, refs: usize, marks: usize) {
        self.prev
            .set((refs << FLAG_BITS) | marks | (self.prev.get() & FINALIZED));
    }

    fn marks(&self) -> usize {
        self.prev.get() & (COLLECTING | REACHABLE)
    }

    /// Ends the graph phases for this head: only the finalized bit stays.
    fn reset_prev(&self) {
        self.prev.set(self.prev.get() & FINALIZED);
    }
}

/// The object whose GC prefix is `head`.
///
/// # Safety
/// `head` must be the head of a live GC object (not a list sentinel).
unsafe fn object_of<'a>(head: *const GcHead) -> &'a PyObject {
    // SAFETY: guaranteed by the caller: `GcBox` puts the header right after the head.
    unsafe { &*head.cast::<u8>().add(GC_HEAD_SIZE).cast::<PyObject>() }
}

// Circular list operations on sentinels. Every head linked in a list belongs to a live
// object (heads are unlinked before their object is freed) or is a sentinel, so following
// the links is sound while the GIL is held.

fn list_init(list: &GcHead) {
    list.next.set(list);
    list.prev.set(list as *const GcHead as usize);
}

fn list_is_empty(list: &GcHead) -> bool {
    ptr::eq(list.next.get(), list)
}

fn list_append(node: &GcHead, list: &GcHead) {
    let last = list.prev();
    // SAFETY: see the comment above the list operations.
    unsafe { (*last).next.set(node) };
    node.set_prev(last);
    node.next.set(list);
    list.set_prev(node);
}

fn list_unlink(node: &GcHead) {
    let next = node.next.get();
    let prev = node.prev();
    // SAFETY: see the comment above the list operations.
    unsafe {
        (*prev).next.set(next);
        (*next).set_prev(prev);
    }
    node.next.set(ptr::null());
    node.set_prev(ptr::null());
}

/// Moves every node of `from` to the end of `to`.
fn list_merge(from: &GcHead, to: &GcHead) {
    if list_is_empty(from) {
        return;
    }
    let first = from.next.get();
    let last = from.prev();
    let to_last = to.prev();
    // SAFETY: see the comment above the list operations.
    unsafe {
        (*to_last).next.set(first);
        (*first).set_prev(to_last);
        (*last).next.set(to);
    }
    to.set_prev(last);
    list_init(from);
}

fn list_nodes(list: &GcHead) -> Vec<*const GcHead> {
    let mut nodes = Vec::new();
    let mut node = list.next.get();
    while !ptr::eq(node, list) {
        nodes.push(node);
        // SAFETY: see the comment above the list operations.
        node = unsafe { (*node).next.get() };
    }
    nodes
}

fn list_len(list: &GcHead) -> usize {
    let mut count = 0;
    let mut node = list.next.get();
    while !ptr::eq(node, list) {
        count += 1;
        // SAFETY: see the comment above the list operations.
        node = unsafe { (*node).next.get() };
    }
    count
}

/// One generation: its list, its threshold and its count (allocations minus
/// deallocations for the young one, collections of the younger one for the others).
struct Generation {
    head: GcHead,
    threshold: Cell<usize>,
    count: Cell<usize>,
}

/// `gc.get_stats()` per generation.
#[derive(Clone, Copy, Default)]
pub struct GenerationStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// The process-wide collector state (CPython's `_gc_runtime_state`).
struct GcState {
    generations: [Generation; NUM_GENERATIONS],
    permanent: GcHead,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// Set when the young count passes its threshold; the evaluation loop collects at its
    /// next check (CPython 3.12+ schedules through the eval breaker the same way).
    scheduled: Cell<bool>,
    debug: Cell<u32>,
    stats: RefCell<[GenerationStats; NUM_GENERATIONS]>,
    /// Objects that survived full collections (CPython's `long_lived_total`) and those that
    /// survived a middle one since (`long_lived_pending`): a full collection waits until
    /// the pending ones are a quarter of the total.
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    garbage: RefCell<Option<PyRef>>,
    callbacks: RefCell<Option<PyRef>>,
}

struct GcStateCell(GcState);

// SAFETY: the state is only reached through `state(ts)` (or by code that holds the GIL by
// contract, such as `untrack` during a deallocation), i.e. by a thread holding the GIL,
// which serializes every access to its cells.
unsafe impl Sync for GcStateCell {}

const fn generation(threshold: usize) -> Generation {
    Generation {
        head: GcHead::new(),
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

static GC_STATE: GcStateCell = GcStateCell(GcState {
    generations: [generation(2000), generation(10), generation(10)],
    permanent: GcHead::new(),
    enabled: Cell::new(true),
    collecting: Cell::new(false),
    scheduled: Cell::new(false),
    debug: Cell::new(0),
    stats: RefCell::new(
        [GenerationStats {
            collections: 0,
            collected: 0,
            uncollectable: 0,
        }; NUM_GENERATIONS],
    ),
    long_lived_total: Cell::new(0),
    long_lived_pending: Cell::new(0),
    garbage: RefCell::new(None),
    callbacks: RefCell::new(None),
});

fn state(_ts: &ThreadState) -> &'static GcState {
    raw_state()
}

fn raw_state() -> &'static GcState {
    let state = &GC_STATE.0;
    if !state.permanent.is_tracked() {
        // An empty circular list points at itself.
        for generation in &state.generations {
            list_init(&generation.head);
        }
        list_init(&state.permanent);
    }
    state
}

/// Links a new container into the young generation (CPython's `_PyObject_GC_TRACK`) and
/// counts it; past the threshold, a collection is scheduled.
pub(crate) fn track(ts: &ThreadState, head: &GcHead) {
    if head.is_tracked() {
        return;
    }
    let state = state(ts);
    let young = &state.generations[0];
    list_append(head, &young.head);
    let count = young.count.get() + 1;
    young.count.set(count);
    let threshold = young.threshold.get();
    if count > threshold && threshold != 0 && state.enabled.get() && !state.collecting.get() {
        state.scheduled.set(true);
    }
}

/// Unlinks a container (before it is freed, or when it can no longer be in a cycle).
pub(crate) fn untrack(head: &GcHead) {
    if !head.is_tracked() {
        return;
    }
    list_unlink(head);
    let count = &raw_state().generations[0].count;
    count.set(count.get().saturating_sub(1));
}

/// `gc.is_tracked(obj)`.
pub fn is_tracked(object: &PyObject) -> bool {
    object.gc_head().is_some_and(GcHead::is_tracked)
}

/// `gc.is_finalized(obj)`.
pub fn is_finalized(object: &PyObject) -> bool {
    object.gc_head().is_some_and(GcHead::is_finalized)
}

/// Stops tracking `object` (for containers that can no longer be part of a cycle).
pub fn untrack_object(object: &PyObject) {
    if let Some(head) = object.gc_head() {
        untrack(head);
    }
}

/// The number of tracked objects in all generations (not the frozen ones).
pub fn tracked_count(ts: &ThreadState) -> usize {
    state(ts)
        .generations
        .iter()
        .map(|generation| list_len(&generation.head))
        .sum()
}

/// `gc.get_referents(obj)`: the objects `obj` refers to, through its `traverse` slot.
pub fn get_referents(ts: &ThreadState, object: &PyObject) -> Vec<PyRef> {
    let mut referents = Vec::new();
    traverse(ts, object, &mut |referent| {
        referents.push(referent.new_ref())
    });
    referents
}

fn traverse(ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(traverse) = object.ob_type().slots.traverse.get() {
        traverse(ts, object, visit);
    }
}

/// `gc.get_objects(generation)`: the tracked objects of one generation, or of all.
pub fn get_objects(ts: &ThreadState, generation: Option<usize>) -> Vec<PyRef> {
    let state = state(ts);
    let lists: Vec<&GcHead> = match generation {
        Some(index) => vec![&state.generations[index].head],
        None => state.generations.iter().map(|g| &g.head).collect(),
    };
    let mut objects = Vec::new();
    for list in lists {
        for node in list_nodes(list) {
            // SAFETY: nodes of a generation list are heads of live objects.
            let object = unsafe { object_of(node) };
            if object.refcnt() > 0 {
                objects.push(object.new_ref());
            }
        }
    }
    objects
}

/// `gc.get_referrers(*objs)`: the tracked objects whose `traverse` visits one of `targets`.
pub fn get_referrers(ts: &ThreadState, targets: &[PyRef]) -> Vec<PyRef> {
    let wanted: HashSet<*const PyObject> = targets.iter().map(|t| t.as_ptr()).collect();
    let mut referrers = Vec::new();
    for object in get_objects(ts, None) {
        let mut found = false;
        traverse(ts, &object, &mut |referent| {
            found |= wanted.contains(&referent.as_ptr());
        });
        if found {
            referrers.push(object);
        }
    }
    referrers
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(ts: &ThreadState, enabled: bool) {
    state(ts).enabled.set(enabled);
}

/// `gc.isenabled()`.
pub fn is_enabled(ts: &ThreadState) -> bool {
    state(ts).enabled.get()
}

/// `gc.get_threshold()`.
pub fn thresholds(ts: &ThreadState) -> [usize; NUM_GENERATIONS] {
    let state = state(ts);
    std::array::from_fn(|index| state.generations[index].threshold.get())
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
pub fn set_thresholds(ts: &ThreadState, thresholds: &[usize]) {
    let state = state(ts);
    for (generation, &threshold) in state.generations.iter().zip(thresholds) {
        generation.threshold.set(threshold);
    }
}

/// `gc.get_count()`.
pub fn counts(ts: &ThreadState) -> [usize; NUM_GENERATIONS] {
    let state = state(ts);
    std::array::from_fn(|index| state.generations[index].count.get())
}

/// `gc.get_stats()`.
pub fn stats(ts: &ThreadState) -> [GenerationStats; NUM_GENERATIONS] {
    *state(ts).stats.borrow()
}

/// `gc.get_debug()`.
pub fn debug_flags(ts: &ThreadState) -> u32 {
    state(ts).debug.get()
}

/// `gc.set_debug(flags)`.
pub fn set_debug_flags(ts: &ThreadState, flags: u32) {
    state(ts).debug.set(flags);
}

/// `gc.freeze()`: every tracked object moves to the permanent generation, which
/// collections ignore.
pub fn freeze(ts: &ThreadState) {
    let state = state(ts);
    for generation in &state.generations {
        list_merge(&generation.head, &state.permanent);
    }
    state.generations[0].count.set(0);
}

/// `gc.unfreeze()`: the permanent generation goes back to the oldest one.
pub fn unfreeze(ts: &ThreadState) {
    let state = state(ts);
    list_merge(
        &state.permanent,
        &state.generations[NUM_GENERATIONS - 1].head,
    );
}

/// `gc.get_freeze_count()`.
pub fn freeze_count(ts: &ThreadState) -> usize {
    list_len(&state(ts).permanent)
}

/// `gc.garbage`: created on first use, a list the collector appends to.
pub fn garbage_list(ts: &ThreadState) -> PyRef {
    let state = state(ts);
    state
        .garbage
        .borrow_mut()
        .get_or_insert_with(|| crate::list::new(ts, Vec::new()).into_ref())
        .clone()
}

/// `gc.callbacks`: created on first use; each is called as `callback(phase, info)`.
pub fn callbacks_list(ts: &ThreadState) -> PyRef {
    let state = state(ts);
    state
        .callbacks
        .borrow_mut()
        .get_or_insert_with(|| crate::list::new(ts, Vec::new()).into_ref())
        .clone()
}

/// Whether the evaluation loop should call `collect_scheduled` (one load).
#[inline]
pub fn collection_scheduled() -> bool {
    GC_STATE.0.scheduled.get()
}

/// Runs the collection scheduled by allocations (CPython's `_Py_RunGC` and
/// `gc_collect_generations`): the oldest generation whose count passed its threshold, a
/// full collection only once enough objects survived middle ones.
pub fn collect_scheduled(ts: &ThreadState) {
    let state = state(ts);
    state.scheduled.set(false);
    if !state.enabled.get() || state.collecting.get() {
        return;
    }
    for index in (0..NUM_GENERATIONS).rev() {
        let generation = &state.generations[index];
        if generation.count.get() > generation.threshold.get() {
            if index == NUM_GENERATIONS - 1
                && state.long_lived_pending.get() < state.long_lived_total.get() / 4
            {
                continue;
            }
            collect_with_callbacks(ts, index);
            break;
        }
    }
}

/// `gc.collect(generation)`: the number of unreachable objects found (0 while a
/// collection is already running).
pub fn collect(ts: &ThreadState, generation: usize) -> usize {
    collect_with_callbacks(ts, generation.min(NUM_GENERATIONS - 1))
}

fn collect_with_callbacks(ts: &ThreadState, generation: usize) -> usize {
    let state = state(ts);
    if state.collecting.get() {
        return 0;
    }
    state.collecting.set(true);
    invoke_callbacks(ts, "start", generation, 0, 0);
    let (collected, uncollectable) = collect_main(ts, generation);
    invoke_callbacks(ts, "stop", generation, collected, uncollectable);
    state.collecting.set(false);
    state.scheduled.set(false);
    collected + uncollectable
}

fn invoke_callbacks(
    ts: &ThreadState,
    phase: &'static str,
    generation: usize,
    collected: usize,
    uncollectable: usize,
) {
    let Some(callbacks) = state(ts).callbacks.borrow().clone() else {
        return;
    };
    let Some(list) = callbacks.downcast_ref::<crate::list::List>() else {
        return;
    };
    if list.is_empty() {
        return;
    }
    let info = crate::dict::new(ts);
    for (key, value) in [
        ("generation", generation),
        ("collected", collected),
        ("uncollectable", uncollectable),
    ] {
        let _ = info.set_item(
            ts,
            crate::str::intern(ts, key),
            crate::int::new(ts, value as i64),
        );
    }
    let phase = crate::str::intern(ts, phase);
    let info = info.into_ref();
    for callback in list.to_vec() {
        let args = [phase.clone(), info.clone()];
        if let Err(err) = crate::abstract_api::call(ts, &callback, &args, None) {
            ts.write_unraisable_object(
                err,
                "Exception ignored while calling GC callback",
                Some(&callback),
            );
        }
    }
}

/// Computes which of `nodes` (all heads of one list) are reachable from outside the set:
/// copies counts (`update_refs`), subtracts the references the set holds on itself
/// (`subtract_refs`), then marks everything reachable from a head with references left.
/// Returns the reachable flags; every head's `prev` is left reset (links to be rebuilt).
fn find_reachable(ts: &ThreadState, nodes: &[*const GcHead]) -> Vec<bool> {
    for &node in nodes {
        // SAFETY: nodes are heads of live objects in a list being collected.
        let (head, object) = unsafe { (&*node, object_of(node)) };
        head.set_gc_refs(object.refcnt(), COLLECTING);
    }
    let decrement = &mut |referent: &PyObject| {
        if let Some(head) = referent.gc_head()
            && head.is_tracked()
            && head.is_collecting()
        {
            let marks = head.marks();
            head.set_gc_refs(head.gc_refs().saturating_sub(1), marks);
        }
    };
    for &node in nodes {
        // SAFETY: as above.
        traverse(ts, unsafe { object_of(node) }, decrement);
    }
    let mut pending: Vec<*const GcHead> = Vec::new();
    for &node in nodes {
        // SAFETY: as above.
        let head = unsafe { &*node };
        if head.gc_refs() > 0 {
            head.set_gc_refs(0, COLLECTING | REACHABLE);
            pending.push(node);
        }
    }
    while let Some(node) = pending.pop() {
        // SAFETY: as above.
        let object = unsafe { object_of(node) };
        traverse(ts, object, &mut |referent| {
            if let Some(head) = referent.gc_head()
                && head.is_tracked()
                && head.is_collecting()
                && head.marks() & REACHABLE == 0
            {
                head.set_gc_refs(0, COLLECTING | REACHABLE);
                pending.push(head);
            }
        });
    }
    nodes
        .iter()
        .map(|&node| {
            // SAFETY: as above.
            let head = unsafe { &*node };
            let reachable = head.marks() & REACHABLE != 0;
            head.reset_prev();
            reachable
        })
        .collect()
}

/// Splits the objects of `list` into those reachable from outside (appended to `survivors`)
/// and the rest (appended to `unreachable`). `list` may be `survivors` itself.
fn split_unreachable(ts: &ThreadState, list: &GcHead, survivors: &GcHead, unreachable: &GcHead) {
    let nodes = list_nodes(list);
    let reachable = find_reachable(ts, &nodes);
    list_init(list);
    for (&node, reachable) in nodes.iter().zip(reachable) {
        // SAFETY: nodes are heads of live objects; their links are rebuilt here.
        let head = unsafe { &*node };
        head.next.set(ptr::null());
        list_append(head, if reachable { survivors } else { unreachable });
    }
}

/// A tuple whose items can never be part of a cycle stops being tracked
/// (CPython's `_PyTuple_MaybeUntrack`).
fn maybe_untrack_tuples(list: &GcHead) {
    for node in list_nodes(list) {
        // SAFETY: nodes are heads of live objects.
        let object = unsafe { object_of(node) };
        if object.is_exact_type(&crate::tuple::TUPLE_TYPE)
            && crate::tuple::items(object)
                .iter()
                .all(|item| !item.gc_head().is_some_and(GcHead::is_tracked))
        {
            // SAFETY: as above.
            list_unlink(unsafe { &*node });
        }
    }
}

/// One collection of `generation` and the younger ones (CPython's `gc_collect_main`):
/// returns (collected, uncollectable).
fn collect_main(ts: &ThreadState, generation: usize) -> (usize, usize) {
    let state = state(ts);
    let generations = &state.generations;
    for younger in 0..generation {
        list_merge(&generations[younger].head, &generations[generation].head);
    }
    let young = &generations[generation].head;
    let old = if generation + 1 < NUM_GENERATIONS {
        &generations[generation + 1].head
    } else {
        young
    };
    // A sentinel at a stable address for the unreachable objects.
    let unreachable = Box::new(GcHead::new());
    list_init(&unreachable);
    // Survivors of `young` are appended to `old` after its existing members.
    let survivors_before = list_len(old);
    let survivors_list = Box::new(GcHead::new());
    list_init(&survivors_list);
    split_unreachable(ts, young, &survivors_list, &unreachable);
    maybe_untrack_tuples(&survivors_list);
    let survivors = list_len(&survivors_list);
    list_merge(&survivors_list, old);
    if generation == NUM_GENERATIONS - 2 {
        state
            .long_lived_pending
            .set(state.long_lived_pending.get() + survivors);
    } else if generation == NUM_GENERATIONS - 1 {
        state.long_lived_pending.set(0);
        state.long_lived_total.set(survivors_before + survivors);
    }

    let found = list_len(&unreachable);
    if found > 0 {
        handle_weakrefs(ts, &unreachable);
        finalize_garbage(ts, &unreachable);
        // Finalizers may have stored references to the garbage: what is reachable again
        // (resurrected) survives into the older generation.
        let still_unreachable = Box::new(GcHead::new());
        list_init(&still_unreachable);
        split_unreachable(ts, &unreachable, old, &still_unreachable);
        if state.debug.get() & DEBUG_SAVEALL != 0 {
            let garbage = garbage_list(ts);
            if let Some(list) = garbage.downcast_ref::<crate::list::List>() {
                for node in list_nodes(&still_unreachable) {
                    // SAFETY: nodes are heads of live objects.
                    list.append(ts, unsafe { object_of(node) }.new_ref());
                }
            }
            list_merge(&still_unreachable, old);
        } else {
            delete_garbage(ts, &still_unreachable, old);
        }
    }

    for younger in &generations[..=generation] {
        younger.count.set(0);
    }
    if generation + 1 < NUM_GENERATIONS {
        let next = &generations[generation + 1].count;
        next.set(next.get() + 1);
    }
    let mut stats = state.stats.borrow_mut();
    stats[generation].collections += 1;
    stats[generation].collected += found;
    (found, 0)
}

/// Clears the weak references to unreachable objects and those held by unreachable
/// weakrefs; then calls the callbacks of the cleared weakrefs that are themselves
/// reachable (CPython's `handle_weakrefs`).
fn handle_weakrefs(ts: &ThreadState, unreachable: &GcHead) {
    // The garbage is held while weakrefs are cleared: nothing may be freed under the walk.
    let held: Vec<PyRef> = list_nodes(unreachable)
        .into_iter()
        // SAFETY: nodes are heads of live objects.
        .map(|node| unsafe { object_of(node) }.new_ref())
        .collect();
    let members: HashSet<*const PyObject> = held.iter().map(|object| object.as_ptr()).collect();
    let mut callbacks = Vec::new();
    for object in &held {
        crate::weakref::detach_for_gc(object);
        for weakref in crate::weakref::clear_weakrefs_for_gc(object) {
            // A weakref that is garbage itself keeps its callback, never called.
            if !members.contains(&weakref.as_ptr())
                && let Some(callback) = crate::weakref::take_callback(&weakref)
            {
                callbacks.push((weakref, callback));
            }
        }
    }
    drop(held);
    for (weakref, callback) in callbacks {
        if let Err(err) = crate::abstract_api::call(ts, &callback, &[weakref], None) {
            ts.write_unraisable_object(
                err,
                "Exception ignored while calling weakref callback",
                Some(&callback),
            );
        }
    }
}

/// Runs the finalizers (`__del__`) of the unreachable objects not finalized yet, once each
/// (PEP 442). The objects are held while the finalizers run.
fn finalize_garbage(ts: &ThreadState, unreachable: &GcHead) {
    let pending: Vec<PyRef> = list_nodes(unreachable)
        .into_iter()
        .filter_map(|node| {
            // SAFETY: nodes are heads of live objects.
            let (head, object) = unsafe { (&*node, object_of(node)) };
            (object.ob_type().slots.finalize.get().is_some() && !head.is_finalized())
                .then(|| object.new_ref())
        })
        .collect();
    for object in &pending {
        let Some(head) = object.gc_head() else {
            continue;
        };
        if head.is_finalized() {
            continue;
        }
        head.set_finalized();
        if let Some(finalize) = object.ob_type().slots.finalize.get() {
            finalize(ts, object);
        }
    }
    drop(pending);
}

/// Breaks the cycles of the garbage with each object's `clear` slot; reference counting
/// frees them. An object that outlives its `clear` moves to `old` (CPython's
/// `delete_garbage`).
fn delete_garbage(ts: &ThreadState, garbage: &GcHead, old: &GcHead) {
    while !list_is_empty(garbage) {
        let node = garbage.next.get();
        // SAFETY: nodes are heads of live objects.
        let object = unsafe { object_of(node) }.new_ref();
        if let Some(clear) = object.ob_type().slots.clear.get() {
            clear(ts, &object);
        }
        drop(object);
        if ptr::eq(garbage.next.get(), node) {
            // Still alive (and still first): it was not part of a cycle after all.
            // SAFETY: the node is linked in `garbage`, so its object is alive.
            let head = unsafe { &*node };
            list_unlink(head);
            list_append(head, old);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Py;
    use crate::pystate::with_gil;
    use crate::testing::{self, NODES_FREED, Node};

    #[test]
    fn a_two_node_cycle_is_collected() {
        with_gil(|ts| {
            testing::ready(ts);
            let freed_before = NODES_FREED.with(|count| count.get());
            let a = crate::list::new(ts, Vec::new());
            let b = crate::list::new(ts, vec![a.clone().into_ref()]);
            a.append(ts, b.clone().into_ref());
            drop((a, b));
            let found = collect(ts, 2);
            assert!(found >= 2, "{found}");
            // A reachable chain survives.
            let kept = Py::new(ts, Node { next: None }).into_ref();
            collect(ts, 2);
            assert!(is_tracked(&kept));
            drop(kept);
            assert_eq!(NODES_FREED.with(|count| count.get()), freed_before + 1);
        });
    }
}
