//! The thread state and the global interpreter lock.
//!
//! CPython counterpart: `Python/pystate.c` (`PyThreadState`, attaching and detaching a
//! thread), `Python/ceval_gil.c` (the GIL, `Py_BEGIN_ALLOW_THREADS`), and the per-thread
//! parts of `Objects/object.c` (`Py_ReprEnter`, the trashcan's deferred list) and
//! `Python/ceval.c` (`Py_EnterRecursiveCall`).
//!
//! `&ThreadState` is the proof that the current thread holds the GIL: every operation that
//! may run Python code or write shared state takes one. See `docs/OBJECTS.md` §4.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::ptr::NonNull;
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::PyObject;

static GIL: Mutex<()> = Mutex::new(());

/// Prints an unraisable error: `(thread state, error, context, object called)`.
pub type UnraisableHook = fn(&ThreadState, PyErr, &str, Option<&PyObject>);

static UNRAISABLE_HOOK: std::sync::OnceLock<UnraisableHook> = std::sync::OnceLock::new();

/// Registers the printer of unraisable errors (done once by the evaluation loop's crate,
/// which owns the traceback printer).
pub fn set_unraisable_hook(hook: UnraisableHook) {
    let _ = UNRAISABLE_HOOK.set(hook);
}
static BUILTIN_TYPES_READY: Once = Once::new();

/// Default bound on nested native calls that recurse into Python-level operations
/// (`repr` of nested containers, comparisons). CPython 3.14 measures the remaining native
/// stack instead; a fixed count keeps the native stack bounded on any thread.
pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;

thread_local! {
    static THREAD_STATE: ThreadState = const { ThreadState::new() };
}

/// Per-thread interpreter state: CPython's `PyThreadState`.
pub struct ThreadState {
    /// Nesting of `with_gil` on this thread; the GIL is held while it is non-zero.
    attach_count: Cell<u32>,
    gil: RefCell<Option<MutexGuard<'static, ()>>>,
    recursion_depth: Cell<u32>,
    recursion_limit: Cell<u32>,
    /// Objects whose `repr` is being computed (CPython's `Py_ReprEnter` list).
    repr_stack: RefCell<Vec<*const PyObject>>,
    pub(crate) trash_depth: Cell<u32>,
    pub(crate) trash_deferred: RefCell<Vec<NonNull<PyObject>>>,
    unraisable: RefCell<Vec<String>>,
}

/// Runs `f` with the GIL held, attaching this thread's state (re-entrant: a nested call
/// reuses the attachment). The result must be `Send`, so no object handle escapes.
pub fn with_gil<R: Send>(f: impl FnOnce(&ThreadState) -> R) -> R {
    THREAD_STATE.with(|ts| {
        let _attachment = Attachment::new(ts);
        f(ts)
    })
}

/// Runs `f` with the current thread state if this thread holds the GIL.
pub(crate) fn with_attached<R>(f: impl FnOnce(&ThreadState) -> R) -> Option<R> {
    THREAD_STATE
        .try_with(|ts| (ts.attach_count.get() > 0).then(|| f(ts)))
        .ok()
        .flatten()
}

/// Holds the attachment for one `with_gil` scope; releases the GIL when the outermost
/// scope ends, also when unwinding.
struct Attachment<'a> {
    ts: &'a ThreadState,
}

impl<'a> Attachment<'a> {
    fn new(ts: &'a ThreadState) -> Self {
        let count = ts.attach_count.get();
        if count == 0 {
            let guard = GIL.lock().unwrap_or_else(PoisonError::into_inner);
            *ts.gil.borrow_mut() = Some(guard);
        }
        ts.attach_count.set(count + 1);
        BUILTIN_TYPES_READY.call_once(|| crate::typeobject::ready_builtin_types(ts));
        Attachment { ts }
    }
}

impl Drop for Attachment<'_> {
    fn drop(&mut self) {
        let count = self.ts.attach_count.get() - 1;
        self.ts.attach_count.set(count);
        if count == 0 {
            self.ts.gil.borrow_mut().take();
        }
    }
}

impl ThreadState {
    const fn new() -> Self {
        ThreadState {
            attach_count: Cell::new(0),
            gil: RefCell::new(None),
            recursion_depth: Cell::new(0),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
            repr_stack: RefCell::new(Vec::new()),
            trash_depth: Cell::new(0),
            trash_deferred: RefCell::new(Vec::new()),
            unraisable: RefCell::new(Vec::new()),
        }
    }

    /// Releases the GIL while `f` runs (CPython's `Py_BEGIN_ALLOW_THREADS`). `f` must be
    /// `Send`, so it can hold neither object handles nor this thread state.
    pub fn allow_threads<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        let count = self.attach_count.replace(0);
        let guard = self.gil.borrow_mut().take();
        drop(guard);
        struct Reattach<'a>(&'a ThreadState, u32);
        impl Drop for Reattach<'_> {
            fn drop(&mut self) {
                let guard = GIL.lock().unwrap_or_else(PoisonError::into_inner);
                *self.0.gil.borrow_mut() = Some(guard);
                self.0.attach_count.set(self.1);
            }
        }
        let _reattach = Reattach(self, count);
        f()
    }

    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.get()
    }

    pub fn set_recursion_limit(&self, limit: u32) {
        self.recursion_limit.set(limit);
    }

    /// Enters one level of native recursion (CPython's `Py_EnterRecursiveCall(where)`);
    /// fails with `RecursionError: maximum recursion depth exceeded{where}`.
    #[inline]
    pub fn enter_recursive_call(&self, context: &'static str) -> PyResult<RecursionGuard<'_>> {
        let depth = self.recursion_depth.get();
        if depth >= self.recursion_limit.get() {
            return Err(recursion_error(context));
        }
        self.recursion_depth.set(depth + 1);
        Ok(RecursionGuard { ts: self })
    }

    /// Marks `object` as being repr'd (CPython's `Py_ReprEnter`); `None` if it already is,
    /// in which case a container shows `[...]`, `{...}` or `(...)` instead of recursing.
    pub fn repr_enter(&self, object: &PyObject) -> Option<ReprGuard<'_>> {
        let mut stack = self.repr_stack.borrow_mut();
        if stack.contains(&object.as_ptr()) {
            return None;
        }
        stack.push(object.as_ptr());
        Some(ReprGuard {
            ts: self,
            object: object.as_ptr(),
        })
    }

    /// Reports an error that cannot propagate (in a finalizer or a weakref callback), as
    /// CPython's `PyErr_WriteUnraisable`.
    pub fn write_unraisable(&self, err: PyErr, context: &str) {
        self.write_unraisable_object(err, context, None);
    }

    /// Reports an unraisable error that happened while calling `object` (CPython's
    /// `PyErr_FormatUnraisable("Exception ignored while calling ... %R", object)`): the
    /// runtime's printer writes it to stderr with its traceback; without one (unit tests)
    /// it is kept for `take_unraisable`.
    pub fn write_unraisable_object(&self, err: PyErr, context: &str, object: Option<&PyObject>) {
        if let Some(hook) = UNRAISABLE_HOOK.get() {
            hook(self, err, context, object);
            return;
        }
        let line = format!("{context}: {}", err.display_lazy());
        self.unraisable.borrow_mut().push(line);
    }

    /// The unraisable errors reported so far on this thread, oldest first.
    pub fn take_unraisable(&self) -> Vec<String> {
        std::mem::take(&mut *self.unraisable.borrow_mut())
    }
}

/// Interior-mutable state reachable from immortal statics: a `RefCell` that can only be
/// borrowed with the thread state, i.e. while holding the GIL. A thread without the GIL
/// cannot even read it, so sharing the static between threads is sound.
pub struct GilCell<T>(RefCell<T>);

// SAFETY: the value is only reachable through `borrow`/`borrow_mut`, which take the thread
// state: only the thread holding the GIL touches it, so a `GilCell` in a static is never
// accessed by two threads at once.
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(value: T) -> GilCell<T> {
        GilCell(RefCell::new(value))
    }

    pub fn borrow<'a>(&'a self, _ts: &'a ThreadState) -> Ref<'a, T> {
        self.0.borrow()
    }

    pub fn borrow_mut<'a>(&'a self, _ts: &'a ThreadState) -> RefMut<'a, T> {
        self.0.borrow_mut()
    }

    /// Unchecked access for a value no other thread can reach (a heap object being built).
    pub(crate) fn get_mut(&mut self) -> &mut T {
        self.0.get_mut()
    }
}

/// One level of native recursion; leaving it on drop.
pub struct RecursionGuard<'a> {
    ts: &'a ThreadState,
}

impl Drop for RecursionGuard<'_> {
    fn drop(&mut self) {
        let depth = self.ts.recursion_depth.get();
        self.ts.recursion_depth.set(depth.saturating_sub(1));
    }
}

/// An object's `repr` in progress (CPython's `Py_ReprLeave` on drop).
pub struct ReprGuard<'a> {
    ts: &'a ThreadState,
    object: *const PyObject,
}

impl Drop for ReprGuard<'_> {
    fn drop(&mut self) {
        let mut stack = self.ts.repr_stack.borrow_mut();
        if let Some(position) = stack.iter().rposition(|&entry| entry == self.object) {
            stack.remove(position);
        }
    }
}

#[cold]
fn recursion_error(context: &str) -> PyErr {
    PyErr::new(
        ExceptionKind::RecursionError,
        format!("maximum recursion depth exceeded{context}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_gil_is_reentrant_and_allow_threads_releases() {
        let value = with_gil(|ts| {
            let inner = with_gil(|inner| std::ptr::eq(ts, inner));
            assert!(inner);
            // Another thread can take the GIL while this one allows threads.
            ts.allow_threads(|| std::thread::spawn(|| with_gil(|_| 7)).join().unwrap())
        });
        assert_eq!(value, 7);
    }

    #[test]
    fn recursion_limit_gives_recursion_error() {
        with_gil(|ts| {
            ts.set_recursion_limit(3);
            let a = ts.enter_recursive_call("").unwrap();
            let b = ts.enter_recursive_call("").unwrap();
            let c = ts.enter_recursive_call("").unwrap();
            let err = ts
                .enter_recursive_call(" while getting the repr of an object")
                .err()
                .unwrap();
            assert_eq!(
                err.display_lazy(),
                "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
            );
            drop((a, b, c));
            assert!(ts.enter_recursive_call("").is_ok());
            ts.set_recursion_limit(DEFAULT_RECURSION_LIMIT);
        });
    }
}
