//! The evaluation loop and the per-thread frame stack.
//!
//! CPython counterpart: `Python/ceval.c`, `Python/bytecodes.c`, `Python/frame.c`,
//! `Python/pystate.c`. Empty until the runtime issue.
