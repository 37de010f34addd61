//! `object.__sizeof__` and the memory `sys.getsizeof` reports, as 64-bit CPython 3.14
//! lays its objects out.
//!
//! CPython counterpart: the `__sizeof__` methods of `Objects/*.c` (`object___sizeof__`,
//! `unicode___sizeof__`, `list___sizeof__`, `dict___sizeof__`, `set___sizeof__`, ...)
//! and `_PySys_GetSizeOf`. Pyrite's own layouts differ; what a program sees is CPython's
//! arithmetic, computed from each object's length and contents. Where CPython's size
//! depends on how a container grew, the growth of one insertion at a time is assumed.

use crate::bytearray::ByteArray;
use crate::bytes::Bytes;
use crate::complex::Complex;
use crate::dict::Dict;
use crate::err::PyResult;
use crate::float::Float;
use crate::list::List;
use crate::object::PyObject;
use crate::pystate::ThreadState;
use crate::range::Range;
use crate::set::Set;
use crate::slice::Slice;
use crate::str::Str;
use crate::tuple::Tuple;

const POINTER: usize = 8;
/// `PyObject_HEAD`: the reference count and the type.
const OBJECT_HEAD: usize = 16;
/// `PyObject_VAR_HEAD`: the head and `ob_size`.
const VAR_HEAD: usize = 24;
/// The garbage collector's links before a tracked object.
const GC_HEADER: usize = 16;
/// The managed `__dict__` and `__weakref__` pointers before instances of classes whose
/// instances have them (CPython's `Py_TPFLAGS_MANAGED_DICT | MANAGED_WEAKREF`).
const MANAGED_PREHEADER: usize = 2 * POINTER;

/// `sizeof(PyASCIIObject)` and `sizeof(PyCompactUnicodeObject)`.
const ASCII_OBJECT: usize = 40;
const COMPACT_UNICODE_OBJECT: usize = 56;
/// `PyBytesObject` up to its data (`ob_shash` and the terminating NUL's byte included).
const BYTES_OBJECT: usize = 33;
const BYTEARRAY_OBJECT: usize = 56;
/// `PyTupleObject`: the variable head and the cached hash (new in 3.14).
const TUPLE_OBJECT: usize = VAR_HEAD + POINTER;
const LIST_OBJECT: usize = 40;
const DICT_OBJECT: usize = 48;
/// `PyDictKeysObject` before its index table.
const DICT_KEYS_HEADER: usize = 32;
/// A `PySetObject` with its eight-entry small table.
const SET_OBJECT: usize = 200;
const SET_ENTRY: usize = 16;
const SET_MINSIZE: usize = 8;

/// `object.__sizeof__()` of a built-in object, or of an instance of a Python class
/// (its base's size plus its `__slots__`).
pub fn sizeof(ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    let base = if let Some(text) = object.downcast_ref::<Str>() {
        str_size(text.payload())
    } else if let Some(bytes) = object.downcast_ref::<Bytes>() {
        BYTES_OBJECT + bytes.payload().as_slice().len()
    } else if let Some(array) = object.downcast_ref::<ByteArray>() {
        let array = array.payload();
        let allocated = if array.capacity() == 0 {
            0
        } else {
            array.capacity().max(array.len() + 1)
        };
        BYTEARRAY_OBJECT + allocated
    } else if object.payload_is::<Float>() {
        OBJECT_HEAD + POINTER
    } else if object.payload_is::<Complex>() {
        OBJECT_HEAD + 2 * POINTER
    } else if let Some(tuple) = object.downcast_ref::<Tuple>() {
        TUPLE_OBJECT + POINTER * tuple.payload().items().len()
    } else if let Some(list) = object.downcast_ref::<List>() {
        LIST_OBJECT + POINTER * list.payload().capacity()
    } else if let Some(dict) = object.downcast_ref::<Dict>() {
        dict_size(dict.payload())
    } else if let Some(set) = object.downcast_ref::<Set>() {
        set_size(set.payload().len())
    } else if object.payload_is::<Range>() {
        OBJECT_HEAD + 4 * POINTER
    } else if object.payload_is::<Slice>() {
        OBJECT_HEAD + 3 * POINTER
    } else {
        let ty = object.ob_type();
        if ty.is_heap_type() {
            // The built-in base's own fields are not modelled: a plain class's
            // instances are a bare head, plus one pointer per `__slots__` entry.
            OBJECT_HEAD + POINTER * ty.slot_count(ts)
        } else {
            OBJECT_HEAD
        }
    };
    Ok(base)
}

/// What `sys.getsizeof` adds to `__sizeof__()`: the collector's header for objects it
/// tracks, and the managed dict and weak-reference pointers of plain class instances.
pub fn preheader_size(ts: &ThreadState, object: &PyObject) -> usize {
    let untracked = object.payload_is::<Str>()
        || object.payload_is::<Bytes>()
        || object.payload_is::<ByteArray>()
        || object.payload_is::<Float>()
        || object.payload_is::<Complex>()
        || object.payload_is::<Range>()
        || object.payload_is::<crate::int::Int>();
    let ty = object.ob_type();
    if untracked || !(ty.has_gc() || ty.is_heap_type()) {
        return 0;
    }
    let managed = ty.is_heap_type()
        && (ty.dict_offset() != 0 || ty.weaklist_offset() != 0)
        && ty.slot_count(ts) == 0;
    GC_HEADER + if managed { MANAGED_PREHEADER } else { 0 }
}

/// `unicode___sizeof__`: the compact header, then one unit per code point and one for
/// the terminating NUL, in the narrowest kind that holds the text.
fn str_size(text: &Str) -> usize {
    let length = text.len();
    if text.is_ascii() {
        return ASCII_OBJECT + length + 1;
    }
    // The UTF-8 lead bytes say how wide the widest code point is.
    let mut kind = 1;
    for &byte in text.as_bytes() {
        kind = match byte {
            0xF0..=0xFF => 4,
            0xE0..=0xEF => kind.max(2),
            0xC4..=0xDF => kind.max(2),
            _ => kind,
        };
        if kind == 4 {
            break;
        }
    }
    COMPACT_UNICODE_OBJECT + (length + 1) * kind
}

/// `dict___sizeof__`: an empty dict shares the empty keys; otherwise the keys object of
/// the size that one-at-a-time insertion reaches (8 slots, then `used * 3` rounded up
/// to a power of two), with 16-byte entries when every key is a str, else 24.
fn dict_size(dict: &Dict) -> usize {
    let used = dict.len();
    if used == 0 {
        return DICT_OBJECT;
    }
    let usable = |log2: u32| (2usize << log2) / 3;
    let mut log2 = 3;
    while usable(log2) < used {
        let grown = usable(log2) * 3;
        log2 = usize::BITS - grown.leading_zeros();
    }
    let all_str = dict.items().iter().all(|(key, _)| key.payload_is::<Str>());
    let entry = if all_str { 2 * POINTER } else { 3 * POINTER };
    let index_bytes = match log2 {
        0..8 => 1,
        8..16 => 2,
        16..32 => 4,
        _ => 8,
    };
    DICT_OBJECT + DICT_KEYS_HEADER + (1 << log2) * index_bytes + usable(log2) * entry
}

/// `set___sizeof__`: the small table lives in the object; a larger table (grown to the
/// power of two above four times the size when 3/5 full) is added.
fn set_size(used: usize) -> usize {
    let mut slots = SET_MINSIZE;
    let mut filled = 0;
    while filled < used {
        filled += 1;
        if filled * 5 >= (slots - 1) * 3 {
            let wanted = if filled > 50_000 {
                filled * 2
            } else {
                filled * 4
            };
            while slots <= wanted {
                slots <<= 1;
            }
        }
    }
    if slots == SET_MINSIZE {
        SET_OBJECT
    } else {
        SET_OBJECT + slots * SET_ENTRY
    }
}
