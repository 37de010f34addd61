//! The modules CPython writes in C, written in Rust: so far `builtins` and a minimal
//! `sys`.
//!
//! CPython counterpart: `Modules/` and `Python/bltinmodule.c`, `Python/sysmodule.c`.

pub mod builtins;
pub mod gc;
pub mod stdlib_module_names;
pub mod sys;
pub mod weakref;

use pyrite_objects::{PyRef, ThreadState};

/// The interpreter's module table: what `sys.modules` starts with.
pub struct Runtime {
    pub builtins: PyRef,
    pub sys: PyRef,
}

/// Creates `builtins` and `sys` (CPython's `pycore_init_builtins`, `_PySys_Create`).
pub fn init(ts: &ThreadState, argv: &[String]) -> Runtime {
    pyrite_vm::init(ts);
    pyrite_vm::import::register_builtin_module("gc", gc::create);
    pyrite_vm::import::register_builtin_module("_weakref", weakref::create);
    let builtins = builtins::create(ts);
    let sys = sys::create(ts, argv, &builtins);
    Runtime { builtins, sys }
}
