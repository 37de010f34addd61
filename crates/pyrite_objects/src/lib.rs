//! The runtime object model: object headers with reference counts, type objects with
//! slot tables, and every built-in type.
//!
//! CPython counterpart: `Objects/` (one file there, one module here: `dict.rs` for
//! `dictobject.c`, `frame.rs` for `frameobject.c`, ...). Empty until the runtime issue.
