//! The evaluation loop and the per-thread frame stack.
//!
//! CPython counterpart: `Python/ceval.c`, `Python/bytecodes.c`, `Python/frame.c`,
//! `Python/pystate.c`, and `Python/pythonrun.c` (running a module's code, printing an
//! uncaught exception).
//!
//! - [`frame`]: interpreter frames (code, globals, builtins, localsplus, value stack) and
//!   the thread's frame stack.
//! - [`ceval`]: the loop executing CPython 3.14 bytecode; calling Python functions.
//! - [`pythonrun`]: running a module's code object and the top-level traceback.

mod anchors;
pub mod ceval;
pub mod frame;
pub mod frameobject;
pub mod genobject;
pub mod import;
pub mod pythonrun;
pub mod suggestions;

use pyrite_objects::ThreadState;

/// Registers the evaluation loop with the object model (once per process).
pub fn init(ts: &ThreadState) {
    pyrite_objects::function::set_eval_function(ceval::eval_function);
    pyrite_objects::pystate::set_unraisable_hook(pythonrun::print_unraisable);
    genobject::init(ts);
    frameobject::init(ts);
}
