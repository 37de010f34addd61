//! The runtime object model: object headers with reference counts, type objects with
//! slot tables, the GIL and thread state, and the built-in types.
//!
//! CPython counterpart: `Objects/` (one file there, one module here: `int.rs` for
//! `longobject.c`, `dict.rs` for `dictobject.c`, ...), with `Include/object.h` and
//! `Python/pystate.c`. The design, and what each part mirrors, is in `docs/OBJECTS.md`.
//!
//! - [`object`]: the header [`PyObject`], owned [`PyRef`]/[`Py<T>`] and borrowed
//!   `&PyObject` references, immortal [`StaticObject`]s, deallocation (finalizer, weakrefs,
//!   trashcan) and the generic operations (`repr`, `hash`, `rich_compare`, ...).
//! - [`pystate`]: [`ThreadState`] and [`with_gil`].
//! - [`typeobject`], [`slots`], [`mro`]: type objects, their slot tables, C3.
//! - [`abstract_api`]: `len`, subscription, calls, `__index__`, `+`.
//! - [`gc`]: the cycle collector's groundwork; [`weakref`]: weak references.
//! - Built-in types: [`singletons`] (`None`, `Ellipsis`, `NotImplemented`), [`bool`],
//!   [`int`], [`float`], [`str`], [`tuple`], [`list`], [`dict`].

pub mod abstract_api;
pub mod bool;
pub mod dict;
pub mod err;
pub mod float;
pub mod gc;
pub mod int;
pub mod list;
pub mod mro;
pub mod object;
pub mod pyhash;
pub mod pystate;
pub mod singletons;
pub mod slots;
pub mod str;
pub mod tuple;
pub mod typeobject;
pub mod weakref;

pub use err::{ExceptionKind, PyErr, PyResult};
pub use object::{Py, PyObj, PyObject, PyPayload, PyRef, StaticObject, StaticPayload};
pub use pystate::GilCell;
pub use pystate::{ThreadState, with_gil};
pub use slots::CompareOp;
pub use typeobject::{PyType, StaticType, TypeObject};

/// The built-in static types, each after its base (the order they are readied in).
pub(crate) fn builtin_types() -> [&'static PyType; 13] {
    [
        &typeobject::OBJECT_TYPE,
        &typeobject::TYPE_TYPE,
        &int::INT_TYPE,
        &bool::BOOL_TYPE,
        &float::FLOAT_TYPE,
        &str::STR_TYPE,
        &tuple::TUPLE_TYPE,
        &list::LIST_TYPE,
        &dict::DICT_TYPE,
        &singletons::NONE_TYPE,
        &singletons::ELLIPSIS_TYPE,
        &singletons::NOT_IMPLEMENTED_TYPE,
        &weakref::WEAKREF_TYPE,
    ]
}

#[cfg(test)]
pub(crate) mod testing;
