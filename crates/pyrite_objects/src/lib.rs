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
pub mod abstract_ops;
pub mod attrs;
pub mod bool;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod dict_views;
pub mod err;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod float_methods;
pub mod float_ops;
pub mod formatter;
pub mod function;
pub mod gc;
pub mod genericaliasobject;
pub mod int;
pub mod int_methods;
pub mod int_ops;
pub mod interpolationobject;
pub mod iterobject;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod methods;
pub mod module;
pub mod mro;
pub mod namespaceobject;
pub mod object;
pub mod oserror;
pub mod percent_format;
pub mod pyhash;
pub mod pymem;
pub mod pystate;
pub mod range;
pub mod set;
pub mod singletons;
pub mod sizeof;
pub mod slice;
pub mod slot_wrappers;
pub mod slotdefs;
pub mod slots;
pub mod str;
pub mod str_methods;
pub mod stringlib;
pub mod struct_format;
pub mod structseq;
pub mod superobject;
pub mod templateobject;
pub mod traceback;
pub mod tuple;
pub mod typecall;
pub mod typeobject;
pub mod typevarobject;
pub mod unicode_codecs;
pub mod unicode_error;
pub mod unionobject;
pub mod warnings;
pub mod weakref;
pub mod wrapper_descr;

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

/// The types added for the evaluation loop (functions, code, cells, modules, iterators...).
pub(crate) fn extra_builtin_types() -> Vec<&'static PyType> {
    vec![
        &code::CODE_TYPE,
        &weakref::PROXY_TYPE,
        &weakref::CALLABLE_PROXY_TYPE,
        &function::FUNCTION_TYPE,
        &function::METHOD_TYPE,
        &cell::CELL_TYPE,
        &module::MODULE_TYPE,
        &namespaceobject::NAMESPACE_TYPE,
        &templateobject::TEMPLATE_TYPE,
        &interpolationobject::INTERPOLATION_TYPE,
        &descr::BUILTIN_FUNCTION_TYPE,
        &descr::METHOD_DESCRIPTOR_TYPE,
        &descr::GETSET_DESCRIPTOR_TYPE,
        &descr::CLASSMETHOD_TYPE,
        &descr::STATICMETHOD_TYPE,
        &descr::PROPERTY_TYPE,
        &descr::MEMBER_DESCRIPTOR_TYPE,
        &wrapper_descr::WRAPPER_DESCRIPTOR_TYPE,
        &wrapper_descr::METHOD_WRAPPER_TYPE,
        &mappingproxy::MAPPINGPROXY_TYPE,
        &range::RANGE_TYPE,
        &range::RANGE_ITERATOR_TYPE,
        &range::LONG_RANGE_ITERATOR_TYPE,
        &list::LIST_REVERSE_ITERATOR_TYPE,
        &iterobject::SEQ_ITERATOR_TYPE,
        &iterobject::CALL_ITERATOR_TYPE,
        &iterobject::LIST_ITERATOR_TYPE,
        &iterobject::TUPLE_ITERATOR_TYPE,
        &iterobject::STR_ASCII_ITERATOR_TYPE,
        &iterobject::STR_ITERATOR_TYPE,
        &iterobject::DICT_ITERATOR_TYPE,
        &iterobject::DICT_VALUE_ITERATOR_TYPE,
        &iterobject::DICT_ITEM_ITERATOR_TYPE,
        &iterobject::DICT_REVERSE_KEY_ITERATOR_TYPE,
        &iterobject::DICT_REVERSE_VALUE_ITERATOR_TYPE,
        &iterobject::DICT_REVERSE_ITEM_ITERATOR_TYPE,
        &iterobject::ENUMERATE_TYPE,
        &iterobject::ZIP_TYPE,
        &iterobject::MAP_TYPE,
        &iterobject::FILTER_TYPE,
        &iterobject::DICT_KEYS_TYPE,
        &iterobject::DICT_VALUES_TYPE,
        &iterobject::DICT_ITEMS_TYPE,
        &iterobject::REVERSED_TYPE,
        &slice::SLICE_TYPE,
        &genericaliasobject::GENERIC_ALIAS_TYPE,
        &unionobject::UNION_TYPE,
        &typevarobject::TYPEVAR_TYPE,
        &typevarobject::PARAMSPEC_TYPE,
        &typevarobject::TYPEVARTUPLE_TYPE,
        &typevarobject::PARAMSPEC_ARGS_TYPE,
        &typevarobject::PARAMSPEC_KWARGS_TYPE,
        &typevarobject::NO_DEFAULT_TYPE,
        &typevarobject::TYPE_ALIAS_TYPE,
        &set::SET_TYPE,
        &set::FROZENSET_TYPE,
        &set::SET_ITERATOR_TYPE,
        &traceback::TRACEBACK_TYPE,
        &complex::COMPLEX_TYPE,
        &bytes::BYTES_TYPE,
        &bytearray::BYTEARRAY_TYPE,
        &memoryview::MEMORYVIEW_TYPE,
        &superobject::SUPER_TYPE,
    ]
}

#[cfg(test)]
pub(crate) mod testing;
