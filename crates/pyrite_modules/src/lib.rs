//! The modules CPython writes in C, written in Rust (`builtins`, `sys`, `_io`, `posix`,
//! `_sre`, `math`, `marshal`, ...).
//!
//! CPython counterpart: `Modules/` and `Python/bltinmodule.c`, `Python/sysmodule.c`.
//! Empty until the runtime issue.
