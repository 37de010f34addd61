//! The modules CPython writes in C, written in Rust: `builtins`, `sys`, `gc`,
//! `_weakref`, `_warnings`, `math`, `itertools`, `_thread`, `_contextvars`, `_string`,
//! `_collections`, `errno`, `time`, `_sre`, `_opcode`, `_ast`, `_io`, `_codecs`, `_imp`,
//! `marshal`, `_tokenize`, `_json`, `_struct`, `binascii`, `_random`, `_operator` and the hash modules (`_md5`,
//! `_sha1`, `_sha2`, `_sha3`, `_blake2`).
//!
//! CPython counterpart: `Modules/` and `Python/bltinmodule.c`, `Python/sysmodule.c`.

pub mod _struct;
pub mod ast;
pub mod ast_convert;
pub mod ast_tables;
pub mod ast_validate;
pub mod atexit;
pub mod binascii;
pub mod builtins;
pub mod builtins_compile;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod errno;
pub mod gc;
pub mod hashlib;
pub mod imp;
pub mod io;
pub mod itertools;
pub mod json;
pub mod marshal;
pub mod math;
pub mod modsupport;
pub mod opcode;
pub mod operator;
pub mod posix;
pub mod random;
pub mod sre;
pub mod sre_constants;
pub mod sre_engine;
pub mod stopgap_slot_methods;
pub mod string;
pub mod sys;
pub mod sys_info;
pub mod thread;
pub mod time;
pub mod time_calendar;
pub mod tokenize;
pub mod typing;
pub mod warnings;
pub mod weakref;

/// The built-in modules made on first import (CPython's `_PyImport_Inittab`).
static INITTAB: &[(&str, pyrite_vm::import::ModuleInit)] = &[
    ("_warnings", warnings::create),
    ("_ast", ast::create),
    ("_weakref", |ts| Ok(weakref::create(ts))),
    ("_collections", collections::create),
    ("atexit", atexit::create),
    ("_contextvars", contextvars::create),
    ("_string", string::create),
    ("_thread", thread::create),
    ("_typing", typing::create),
    ("errno", errno::create),
    ("posix", posix::create),
    ("time", time::create),
    ("gc", |ts| Ok(gc::create(ts))),
    ("itertools", itertools::create),
    ("math", math::create),
    ("_sre", sre::create),
    ("_opcode", opcode::create),
    ("_imp", imp::create),
    ("marshal", marshal::create),
    ("_codecs", codecs::create),
    ("_io", io::create),
    ("_tokenize", tokenize::create),
    ("_json", json::create),
    ("_struct", _struct::create),
    ("binascii", binascii::create),
    ("_random", random::create),
    ("_operator", operator::create),
    ("_md5", hashlib::md5::create),
    ("_sha1", hashlib::sha1::create),
    ("_sha2", hashlib::sha2::create),
    ("_sha3", hashlib::sha3::create),
    ("_blake2", hashlib::blake2::create),
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
    stopgap_slot_methods::install(ts);
    warnings::install_hooks();
    codecs::registry::install();
    let builtins = builtins::create(ts);
    install_open(ts, &builtins);
    let sys = sys::create(ts, argv, &builtins);
    pyrite_objects::module::mark_builtin(&builtins);
    pyrite_objects::module::mark_builtin(&sys);
    Runtime { builtins, sys }
}

/// `builtins.open` is `_io.open` (CPython's `builtins` module gets it from `io`).
fn install_open(ts: &ThreadState, builtins: &PyRef) {
    let open = io::open_function(ts);
    if let Some(dict) = pyrite_objects::module::dict_of(builtins)
        && let Some(dict) = dict.downcast_ref::<pyrite_objects::dict::Dict>()
    {
        let _ = dict
            .payload()
            .set_item(ts, pyrite_objects::str::intern(ts, "open"), open);
    }
}
