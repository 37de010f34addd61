//! The evaluation loop and the per-thread frame stack.
//!
//! CPython counterpart: `Python/ceval.c`, `Python/bytecodes.c`, `Python/frame.c`,
//! `Python/pystate.c`, and `Python/pythonrun.c` (running a module's code, printing an
//! uncaught exception).
//!
//! - [`frame`]: interpreter frames (code, globals, builtins, localsplus, value stack) and
//!   the thread's chain of running frames.
//! - [`frameobject`], [`framelocalsproxy`]: frame objects made on request, and PEP 667's
//!   `f_locals` view of function frames.
//! - [`genobject`]: generators, coroutines and async generators.
//! - [`ceval`]: the loop executing CPython 3.14 bytecode; calling Python functions.
//! - [`pythonrun`]: running a module's code object and the top-level traceback.
//! - [`legacy_tracing`]: `sys.settrace` / `sys.setprofile` events; `frame_jump`: the
//!   `f_lineno` setter's jump.

mod anchors;
pub mod ceval;
mod display_width;
mod fastpaths;
pub mod frame;
mod frame_jump;
pub mod frame_summary;
pub mod framelocalsproxy;
pub mod frameobject;
pub mod genobject;
pub mod import;
mod intrinsics;
pub mod legacy_tracing;
pub mod matching;
pub mod pythonrun;
pub mod suggestions;
pub mod zipimport;

use pyrite_objects::ThreadState;

/// Registers the evaluation loop with the object model (once per process).
/// Set once `atexit` has run and the interpreter is shutting down.
static FINALIZING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks the interpreter as finalizing (CPython's `_PyRuntimeState_SetFinalizing`).
pub fn set_finalizing() {
    FINALIZING.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// `sys.is_finalizing()`.
pub fn is_finalizing() -> bool {
    FINALIZING.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn init(ts: &ThreadState) {
    pyrite_objects::function::set_eval_function(ceval::eval_function);
    pyrite_objects::pystate::set_unraisable_hook(pythonrun::print_unraisable);
    genobject::init(ts);
    frameobject::init(ts);
    framelocalsproxy::init(ts);
    pyrite_objects::traceback::init(ts);
    pyrite_objects::typecall::set_current_module_name_function(current_module_name);
    pyrite_objects::module::set_import_hook(|ts, name| {
        // `import a.b` binds the package `a`: walk down to the submodule.
        let mut module = import::import_module(ts, &pyrite_objects::str::intern(ts, name))?;
        for part in name.split('.').skip(1) {
            module = pyrite_objects::attrs::get_attr_str(ts, &module, part)?;
        }
        Ok(module)
    });
}

/// `__name__` of the innermost running frame's globals (for `type(name, bases, ns)`).
fn current_module_name(ts: &ThreadState) -> Option<pyrite_objects::PyRef> {
    let globals = frame::current(ts)?.globals.clone();
    let dict = globals.downcast_ref::<pyrite_objects::dict::Dict>()?;
    dict.get_item(ts, &pyrite_objects::str::intern(ts, "__name__"))
        .ok()
        .flatten()
}
