//! Interpreter frames and the thread's frame stack.
//!
//! CPython counterpart: `Include/internal/pycore_frame.h` (`_PyInterpreterFrame`),
//! `Python/frame.c`. A frame holds its code, globals, builtins, the locals mapping of
//! module and class bodies, the "localsplus" array (locals, cells, free variables) and
//! the value stack, in one allocation sized from `co_nlocalsplus + co_stacksize`. The
//! instruction pointer lives in the loop while it runs and is stored back in the frame
//! (`instr_offset`) when the frame calls out, so that the frame stack can be walked
//! (tracebacks, `sys._getframe`). A Python-visible frame object is made only on request.

use std::cell::{Cell, RefCell};

use pyrite_objects::code::Code;
use pyrite_objects::{Py, PyRef};

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
    pub localsplus: Vec<Option<PyRef>>,
    /// Code-unit index of the instruction being executed (`f_lasti / 2`).
    pub instr_index: Cell<usize>,
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
        let mut localsplus = Vec::with_capacity(size);
        localsplus.resize(code.nlocalsplus, None);
        Frame {
            code,
            globals,
            builtins,
            locals,
            function,
            localsplus,
            instr_index: Cell::new(0),
        }
    }

    /// The line being executed (`f_lineno`).
    pub fn line(&self) -> Option<i32> {
        self.code.line_at(self.instr_index.get())
    }
}

/// What the frame stack records of a running frame: enough to walk it from the
/// innermost outwards (CPython links `_PyInterpreterFrame`s through `previous`).
struct FrameInfo {
    code: Py<Code>,
    globals: PyRef,
    locals: Option<PyRef>,
    /// Points at the frame's `instr_index` while the frame is on the stack.
    instr_index: *const Cell<usize>,
    /// The Python-visible frame object, once someone asked for it.
    frame_object: Option<PyRef>,
}

/// A running frame as seen from outside, at the moment of the snapshot.
#[derive(Clone)]
pub struct FrameSnapshot {
    pub code: Py<Code>,
    pub globals: PyRef,
    /// The frame's current instruction (code units).
    pub instr_index: usize,
}

thread_local! {
    static FRAME_STACK: RefCell<Vec<FrameInfo>> = const { RefCell::new(Vec::new()) };
}

/// Removes the frame's entry from the frame stack when the frame finishes.
pub struct FrameGuard;

impl Drop for FrameGuard {
    fn drop(&mut self) {
        let finished = FRAME_STACK.with(|stack| stack.borrow_mut().pop());
        if let Some(info) = finished
            && let Some(frame_object) = info.frame_object
        {
            // SAFETY: the entry was still on the stack, so its frame is alive.
            let index = unsafe { (*info.instr_index).get() };
            crate::frameobject::detach(&frame_object, index);
        }
    }
}

/// Pushes `frame` on the thread's frame stack until the guard drops.
pub fn enter(frame: &Frame) -> FrameGuard {
    FRAME_STACK.with(|stack| {
        stack.borrow_mut().push(FrameInfo {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            locals: frame.locals.clone(),
            instr_index: &frame.instr_index,
            frame_object: None,
        });
    });
    FrameGuard
}

/// The running frames, innermost first.
pub fn stack_snapshot() -> Vec<FrameSnapshot> {
    FRAME_STACK.with(|stack| {
        stack
            .borrow()
            .iter()
            .rev()
            .map(|info| FrameSnapshot {
                code: info.code.clone(),
                globals: info.globals.clone(),
                // SAFETY: an entry is pushed by `enter` with a pointer into a frame that
                // outlives the entry (its guard pops the entry before the frame drops),
                // and the pointer is only read here, while the entry is on the stack.
                instr_index: unsafe { (*info.instr_index).get() },
            })
            .collect()
    })
}

/// The frame object of the frame `depth` levels below the innermost (0 = innermost),
/// made on first request (CPython's `_PyFrame_GetFrameObject`); `None` if the stack is
/// not that deep.
pub fn frame_object(ts: &pyrite_objects::ThreadState, depth: usize) -> Option<PyRef> {
    let position = FRAME_STACK.with(|stack| stack.borrow().len().checked_sub(depth + 1))?;
    let existing = FRAME_STACK.with(|stack| stack.borrow()[position].frame_object.clone());
    if let Some(existing) = existing {
        return Some(existing);
    }
    let back = if position > 0 {
        let len = FRAME_STACK.with(|stack| stack.borrow().len());
        frame_object(ts, len - position)
    } else {
        None
    };
    let made = FRAME_STACK.with(|stack| {
        let stack = stack.borrow();
        let info = &stack[position];
        crate::frameobject::new_live(
            ts,
            info.code.as_object().new_ref(),
            info.globals.clone(),
            info.locals.clone(),
            back,
            info.instr_index,
        )
    });
    FRAME_STACK.with(|stack| stack.borrow_mut()[position].frame_object = Some(made.clone()));
    Some(made)
}

/// The number of frames on the stack.
pub fn depth() -> usize {
    FRAME_STACK.with(|stack| stack.borrow().len())
}
