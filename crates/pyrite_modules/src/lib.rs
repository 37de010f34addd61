//! The modules CPython writes in C, written in Rust: `builtins`, `sys`, `gc`,
//! `_weakref`, `math`, `itertools` and `_sre`.
//!
//! CPython counterpart: `Modules/` and `Python/bltinmodule.c`, `Python/sysmodule.c`.

pub mod builtins;
pub mod builtins_compile;
pub mod gc;
pub mod itertools;
pub mod math;
pub mod sre;
pub mod sre_constants;
pub mod sre_engine;
pub mod sys;
pub mod weakref;

/// The built-in modules made on first import (CPython's `_PyImport_Inittab`).
static INITTAB: &[(&str, pyrite_vm::import::ModuleInit)] = &[
    ("_weakref", |ts| Ok(weakref::create(ts))),
    ("gc", |ts| Ok(gc::create(ts))),
    ("itertools", itertools::create),
    ("math", math::create),
    ("_sre", sre::create),
];

use pyrite_objects::{PyRef, ThreadState};

/// The interpreter's module table: what `sys.modules` starts with.
pub struct Runtime {
    pub builtins: PyRef,
    pub sys: PyRef,
}

/// Creates `builtins` and `sys` (CPython's `pycore_init_builtins`, `_PySys_Create`).
pub fn init(ts: &ThreadState, argv: &[String]) -> Runtime {
    pyrite_vm::init(ts);
    pyrite_vm::import::set_inittab(INITTAB);
    let builtins = builtins::create(ts);
    let sys = sys::create(ts, argv, &builtins);
    pyrite_objects::module::mark_builtin(&builtins);
    pyrite_objects::module::mark_builtin(&sys);
    Runtime { builtins, sys }
}
