//! Interpreter frames and the thread's chain of running frames.
//!
//! CPython counterpart: `Include/internal/pycore_frame.h` (`_PyInterpreterFrame`),
//! `Python/frame.c` (`_PyFrame_ClearExceptCode`, `take_ownership`). A frame holds its
//! code, globals, builtins, the locals mapping of module and class bodies, and the
//! "localsplus" array (locals, cells, free variables, then the value stack) in one
//! allocation sized from `co_nlocalsplus + co_stacksize`.
//!
//! Where frames live: a function's frame is a local of the native call that runs it
//! (`eval_function`), a generator's frame is boxed inside the generator. Either way its
//! address does not change while it runs or is suspended. A running frame is linked to
//! its caller (`previous`, as in CPython) and the thread records the innermost one, so
//! the chain can be walked without copying anything at call time.
//!
//! Frame objects (`frameobject.rs`) point at the live frame; when a frame that has one
//! completes (or a suspended generator frame is dropped), the frame object takes the
//! frame's data over, as CPython's `take_ownership` does.
//!
//! The localsplus array is reached from two sides: the evaluation loop, and frame
//! objects / `locals()` while the loop is inside a call. It sits in an `UnsafeCell`
//! and every access goes through the few functions below, which hand out references
//! that never outlive an expression of the loop or the accessor itself; nothing that
//! can run Python code happens while such a reference exists.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use pyrite_objects::code::Code;
use pyrite_objects::{Py, PyObject, PyRef, ThreadState};

/// Where a frame is in its life (CPython's `_framestate`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrameState {
    /// A generator's frame before its first `next()`.
    Created,
    /// A generator's frame stopped at a `yield`.
    Suspended,
    Executing,
    Completed,
}

/// One activation of a code object (CPython's `_PyInterpreterFrame`).
pub struct Frame {
    pub code: Py<Code>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class bodies (`None` in functions: fast locals).
    pub locals: Option<PyRef>,
    /// The function being run, if any (`f_func`).
    pub function: Option<PyRef>,
    /// Locals, cells and free variables (`NULL` where unbound), then the value stack.
    localsplus: UnsafeCell<Vec<Option<PyRef>>>,
    /// Code-unit index of the instruction being executed (`f_lasti / 2`).
    pub instr_index: Cell<usize>,
    /// The calling frame while this one is on the thread's chain, null otherwise.
    previous: Cell<*const Frame>,
    pub(crate) state: Cell<FrameState>,
    /// The Python-visible frame object, once someone asked for it.
    pub(crate) frame_object: RefCell<Option<PyRef>>,
    /// The generator owning this frame (not counted: the generator owns the frame).
    pub(crate) generator: Cell<Option<NonNull<PyObject>>>,
}

impl Frame {
    pub fn new(
        code: Py<Code>,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
        function: Option<PyRef>,
    ) -> Frame {
        let size = code.nlocalsplus + code.code.co_stacksize as usize;
        let mut localsplus = code.spare_localsplus.take();
        if localsplus.capacity() == 0 {
            localsplus = take_spare_array();
        }
        localsplus.reserve(size);
        localsplus.extend(std::iter::repeat_n(None, code.nlocalsplus));
        Frame {
            code,
            globals,
            builtins,
            locals,
            function,
            localsplus: UnsafeCell::new(localsplus),
            instr_index: Cell::new(0),
            previous: Cell::new(std::ptr::null()),
            state: Cell::new(FrameState::Executing),
            frame_object: RefCell::new(None),
            generator: Cell::new(None),
        }
    }

    /// A completed copy of this frame owning `localsplus` (a frame object's take-over).
    pub(crate) fn completed_copy(&self, localsplus: Vec<Option<PyRef>>) -> Frame {
        Frame {
            code: self.code.clone(),
            globals: self.globals.clone(),
            builtins: self.builtins.clone(),
            locals: self.locals.clone(),
            function: self.function.clone(),
            localsplus: UnsafeCell::new(localsplus),
            instr_index: Cell::new(self.instr_index.get()),
            previous: Cell::new(std::ptr::null()),
            state: Cell::new(FrameState::Completed),
            frame_object: RefCell::new(None),
            generator: Cell::new(None),
        }
    }

    /// The localsplus array of a frame nobody else can see yet (argument binding).
    pub fn localsplus_mut(&mut self) -> &mut Vec<Option<PyRef>> {
        self.localsplus.get_mut()
    }

    /// The line being executed (`f_lineno`).
    pub fn line(&self) -> Option<i32> {
        self.code.line_at(self.instr_index.get())
    }

    /// The evaluation loop's handle on the localsplus array.
    pub(crate) fn view(&self) -> LocalsView<'_> {
        LocalsView {
            cell: &self.localsplus,
        }
    }

    /// Runs `f` on the localsplus array. Private: every caller in this file passes a
    /// closure that only moves or clones `PyRef`s (no drop, no Python code).
    fn with_array<R>(&self, f: impl FnOnce(&mut Vec<Option<PyRef>>) -> R) -> R {
        // SAFETY: see the module comment: while `f` runs no other reference into the
        // array is alive (the loop is inside a call, or the frame is not running), and
        // `f` cannot create one because it runs no Python code.
        f(unsafe { &mut *self.localsplus.get() })
    }

    /// A copy of the slot `index` of localsplus (`None` if unbound or out of range).
    pub fn local(&self, index: usize) -> Option<PyRef> {
        self.with_array(|array| array.get(index).cloned().flatten())
    }

    /// Stores `value` in slot `index` of localsplus; gives the old value back so the
    /// caller drops it (which may run `__del__`) after the array is released.
    pub fn replace_local(&self, index: usize, value: Option<PyRef>) -> Option<PyRef> {
        self.with_array(|array| match array.get_mut(index) {
            Some(slot) => std::mem::replace(slot, value),
            None => value,
        })
    }

    /// Takes the whole array out (take-over by the frame object, `clear()`); the caller
    /// drops what it does not keep after this returns.
    pub(crate) fn take_localsplus(&self) -> Vec<Option<PyRef>> {
        self.with_array(std::mem::take)
    }

    /// Pushes a value on the value stack (a value sent into a suspended generator).
    pub(crate) fn push_value(&self, value: PyRef) {
        self.with_array(|array| array.push(Some(value)));
    }

    /// The top of the value stack (the delegated-to iterator of a generator suspended
    /// in `yield from` / `await`).
    pub(crate) fn stack_top(&self) -> Option<PyRef> {
        let nlocalsplus = self.code.nlocalsplus;
        self.with_array(|array| {
            if array.len() > nlocalsplus {
                array.last().cloned().flatten()
            } else {
                None
            }
        })
    }

    /// The length of localsplus: locals, cells and free variables, then the value stack.
    pub(crate) fn stack_len(&self) -> usize {
        self.with_array(|array| array.len())
    }

    /// Pops the top of the value stack (a jump made by `f_lineno`); the caller drops it.
    pub(crate) fn pop_value(&self) -> Option<PyRef> {
        let nlocalsplus = self.code.nlocalsplus;
        self.with_array(|array| {
            if array.len() > nlocalsplus {
                array.pop().flatten()
            } else {
                None
            }
        })
    }

    /// The generator object owning this frame, if any.
    pub fn generator(&self) -> Option<PyRef> {
        let generator = self.generator.get()?;
        // SAFETY: `generator` is set by the generator that owns this frame (boxed in
        // it) and is never copied out of the frame; the generator outlives the frame
        // it owns, so while `self` is alive the object is alive.
        Some(unsafe { generator.as_ref() }.new_ref())
    }

    /// The caller's frame while this frame is on the chain.
    pub fn previous(&self) -> Option<&Frame> {
        let previous = self.previous.get();
        // SAFETY: `previous` is non-null only while this frame is on the chain, and a
        // frame below another on the chain outlives it (each is pushed by a native call
        // that returns only after the frames above it were popped).
        unsafe { previous.as_ref() }
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        // A suspended generator frame dropped with its generator: a frame object that
        // outlives it keeps the data (CPython's `_PyFrame_ClearExceptCode`).
        let frame_object = self.frame_object.get_mut().take();
        if let Some(frame_object) = frame_object.filter(|object| object.refcnt() > 1) {
            crate::frameobject::take_over(&frame_object, self, None);
        }
        let mut localsplus = std::mem::take(self.localsplus.get_mut());
        // The values go first (their finalizers may run frames), then the empty array is
        // kept for the next frame of this code; the one it displaces goes to the pool.
        localsplus.clear();
        if localsplus.capacity() == 0 || localsplus.capacity() > SPARE_ARRAY_CAPACITY {
            return;
        }
        give_back_spare_array(self.code.spare_localsplus.replace(localsplus));
    }
}

/// At most this many empty localsplus arrays are kept per thread, each of at most
/// `SPARE_ARRAY_CAPACITY` slots: a call then allocates nothing for its frame (CPython
/// gets the same from its per-thread frame stack). Before the pool, a frame tries the
/// array the last finished frame of its code left on the code object
/// (`Code::spare_localsplus`), which needs no thread-local access.
const SPARE_ARRAYS: usize = 64;
const SPARE_ARRAY_CAPACITY: usize = 256;

thread_local! {
    static SPARE_ARRAYS_POOL: RefCell<Vec<Vec<Option<PyRef>>>> = const { RefCell::new(Vec::new()) };
}

fn take_spare_array() -> Vec<Option<PyRef>> {
    SPARE_ARRAYS_POOL
        .try_with(|pool| pool.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_default()
}

fn give_back_spare_array(array: Vec<Option<PyRef>>) {
    debug_assert!(array.is_empty());
    if array.capacity() == 0 || array.capacity() > SPARE_ARRAY_CAPACITY {
        return;
    }
    let _ = SPARE_ARRAYS_POOL.try_with(|pool| {
        let mut pool = pool.borrow_mut();
        if pool.len() < SPARE_ARRAYS {
            pool.push(array);
        }
    });
}

/// The loop's view of a frame's localsplus array: derefs to the `Vec`.
pub(crate) struct LocalsView<'a> {
    cell: &'a UnsafeCell<Vec<Option<PyRef>>>,
}

impl LocalsView<'_> {
    /// `Vec::truncate` that drops each removed value after releasing the array: a
    /// drop may run `__del__`, which may look at this frame's locals.
    pub(crate) fn truncate(&mut self, len: usize) {
        while self.len() > len {
            let removed = self.pop();
            drop(removed);
        }
    }
}

impl Deref for LocalsView<'_> {
    type Target = Vec<Option<PyRef>>;
    #[inline]
    fn deref(&self) -> &Self::Target {
        // SAFETY: the loop uses the references it derives from the view within one
        // expression or statement, never across a call that can run Python code, and
        // outside accessors (`Frame::local`, ...) run only during such calls.
        unsafe { &*self.cell.get() }
    }
}

impl DerefMut for LocalsView<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        // SAFETY: as for `deref`; `&mut self` keeps two loop borrows from overlapping.
        unsafe { &mut *self.cell.get() }
    }
}

thread_local! {
    /// The innermost running frame of this thread (CPython's `tstate->current_frame`).
    static CURRENT_FRAME: Cell<*const Frame> = const { Cell::new(std::ptr::null()) };
}

/// Links `frame` on top of the thread's chain (it starts or resumes running).
pub(crate) fn push(frame: &Frame) {
    CURRENT_FRAME.with(|current| {
        frame.previous.set(current.get());
        current.set(frame);
    });
    frame.state.set(FrameState::Executing);
}

/// Unlinks `frame`, the innermost frame. A completed frame's frame object takes its
/// data over, with the caller's frame object as its `f_back`.
pub(crate) fn pop(ts: &ThreadState, frame: &Frame, suspended: bool) {
    CURRENT_FRAME.with(|current| current.set(frame.previous.get()));
    if suspended {
        frame.state.set(FrameState::Suspended);
    } else {
        frame.state.set(FrameState::Completed);
        let frame_object = frame.frame_object.borrow_mut().take();
        // Only a frame object that someone else still holds needs the data.
        if let Some(frame_object) = frame_object.filter(|object| object.refcnt() > 1) {
            let back = frame
                .previous()
                .map(|previous| frame_object_of(ts, previous));
            crate::frameobject::take_over(&frame_object, frame, back);
        }
    }
    frame.previous.set(std::ptr::null());
}

/// The innermost running frame. The reference is valid for the native call asking:
/// the frames on the chain at its start stay there until it returns.
pub fn current(_ts: &ThreadState) -> Option<&Frame> {
    let current = CURRENT_FRAME.with(Cell::get);
    // SAFETY: a frame on the chain outlives every native call made while it is there
    // (see `Frame::previous`); the caller holds the GIL (`_ts`) and is such a call.
    unsafe { current.as_ref() }
}

/// The frame `depth` levels below the innermost (0 = innermost).
pub fn nth(ts: &ThreadState, depth: usize) -> Option<&Frame> {
    let mut frame = current(ts)?;
    for _ in 0..depth {
        frame = frame.previous()?;
    }
    Some(frame)
}

/// The frame object of `frame`, made on first request (CPython's
/// `_PyFrame_GetFrameObject`).
pub fn frame_object_of(ts: &ThreadState, frame: &Frame) -> PyRef {
    if let Some(existing) = frame.frame_object.borrow().as_ref() {
        return existing.clone();
    }
    let made = crate::frameobject::new_live(ts, frame);
    *frame.frame_object.borrow_mut() = Some(made.clone());
    made
}

/// The frame object of the frame `depth` levels below the innermost; `None` if the
/// chain is not that deep.
pub fn frame_object(ts: &ThreadState, depth: usize) -> Option<PyRef> {
    nth(ts, depth).map(|frame| frame_object_of(ts, frame))
}

/// The number of frames on the chain.
pub fn depth(ts: &ThreadState) -> usize {
    let mut count = 0;
    let mut frame = current(ts);
    while let Some(found) = frame {
        count += 1;
        frame = found.previous();
    }
    count
}
