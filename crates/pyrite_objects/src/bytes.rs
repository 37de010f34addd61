//! `bytes`: immutable sequences of bytes.
//!
//! CPython counterpart: `Objects/bytesobject.c` (`bytes_new`, `bytes_repr`, `bytes_hash`,
//! `bytes_richcompare`, `bytes_subscript`, `bytes_concat`, `bytes_repeat`,
//! `bytes_contains`). The methods `bytes` shares with `bytearray` are in
//! [`crate::bytes_methods`]. The hash is CPython's `_Py_HashBytes` (SipHash-1-3), so it
//! equals the hash of the same ASCII text as `str`.

use std::cell::Cell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, NumberSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `bytes` objects.
pub struct Bytes {
    data: Box<[u8]>,
    /// The cached hash; -1 until computed.
    hash: Cell<isize>,
}

impl Bytes {
    pub fn new(data: impl Into<Box<[u8]>>) -> Bytes {
        Bytes {
            data: data.into(),
            hash: Cell::new(-1),
        }
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.data
    }

    pub fn hash_value(&self) -> isize {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        let hash = crate::pyhash::hash_bytes(&self.data);
        self.hash.set(hash);
        hash
    }
}

impl PyPayload for Bytes {
    fn static_type() -> &'static PyType {
        &BYTES_TYPE
    }
}

/// A new `bytes` object.
pub fn new(ts: &ThreadState, data: &[u8]) -> PyRef {
    Py::new(ts, Bytes::new(data)).into_ref()
}

/// A new `bytes` object taking the vector.
pub fn from_vec(ts: &ThreadState, data: Vec<u8>) -> PyRef {
    Py::new(ts, Bytes::new(data)).into_ref()
}

/// The data of a `bytes` object (or subclass instance).
pub fn as_bytes(object: &PyObject) -> Option<&[u8]> {
    object
        .downcast_ref::<Bytes>()
        .map(|bytes| bytes.payload().as_slice())
}

/// A copy of the data of a bytes-like object (`bytes`, `bytearray`, `memoryview`):
/// CPython's buffer protocol, for the one-dimensional byte buffers Pyrite has.
pub fn bytes_like(object: &PyObject) -> Option<Vec<u8>> {
    if let Some(data) = as_bytes(object) {
        return Some(data.to_vec());
    }
    if let Some(data) = crate::bytearray::data_of(object) {
        return Some(data);
    }
    crate::memoryview::data_of(object)
}

/// `bytes_like`, or the TypeError CPython gives for a non-buffer argument.
pub fn require_bytes_like(object: &PyObject) -> PyResult<Vec<u8>> {
    bytes_like(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            object.ob_type().name()
        ))
    })
}

fn payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a Bytes> {
    object
        .downcast_ref::<Bytes>()
        .map(|bytes| bytes.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' requires a 'bytes' object but received a '{}'",
                object.ob_type().name()
            ))
        })
}

fn bytes_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let data = payload(object, "__repr__")?;
    Ok(crate::str::new(ts, &pyrite_ast::repr::bytes_repr(data.as_slice())).into_ref())
}

fn bytes_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    Ok(payload(object, "__hash__")?.hash_value())
}

/// Comparison of two byte strings, shared with `bytearray`.
pub(crate) fn compare_bytes(a: &[u8], b: &[u8], op: CompareOp) -> PyRef {
    crate::bool::bool_ref(op.matches(a.cmp(b)))
}

fn bytes_richcompare(_ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (as_bytes(a), as_bytes(b)) else {
        return Ok(not_implemented());
    };
    Ok(compare_bytes(left, right, op))
}

fn bytes_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(payload(object, "__len__")?.as_slice().len())
}

fn bytes_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let left = payload(a, "__add__")?;
    let Some(right) = bytes_like(b) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            b.ob_type().name(),
            a.ob_type().name()
        )));
    };
    let mut data = left.as_slice().to_vec();
    data.extend_from_slice(&right);
    Ok(from_vec(ts, data))
}

/// `data * count`, with CPython's overflow error.
pub(crate) fn repeat_data(data: &[u8], count: isize) -> PyResult<Vec<u8>> {
    let count = count.max(0) as usize;
    match data.len().checked_mul(count) {
        Some(total) if total <= isize::MAX as usize => Ok(data.repeat(count)),
        _ => Err(PyErr::without_arg(ExceptionKind::MemoryError)),
    }
}

fn bytes_repeat(ts: &ThreadState, object: &PyObject, count: isize) -> PyResult {
    let data = payload(object, "__mul__")?;
    if count == 1 && object.is_exact_type(&BYTES_TYPE) {
        return Ok(object.new_ref());
    }
    Ok(from_vec(ts, repeat_data(data.as_slice(), count)?))
}

/// `item in data`: an int in range(256) or a bytes-like needle.
pub(crate) fn contains_in(ts: &ThreadState, data: &[u8], item: &PyObject) -> PyResult<bool> {
    if item.ob_type().number.index.get().is_some() {
        let value = byte_value(ts, item)?;
        return Ok(data.contains(&value));
    }
    let needle = require_bytes_like(item)?;
    Ok(crate::stringlib::find(data, &needle, 0, data.len()).is_some())
}

/// An integer that must be a byte value.
pub(crate) fn byte_value(ts: &ThreadState, item: &PyObject) -> PyResult<u8> {
    let value = crate::stringlib::index_arg(ts, item).map_err(|err| {
        if err.is(ExceptionKind::OverflowError) {
            PyErr::new(ExceptionKind::ValueError, "byte must be in range(0, 256)")
        } else {
            err
        }
    })?;
    u8::try_from(value)
        .map_err(|_| PyErr::new(ExceptionKind::ValueError, "byte must be in range(0, 256)"))
}

fn bytes_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    contains_in(ts, payload(object, "__contains__")?.as_slice(), item)
}

fn bytes_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let data = payload(object, "__getitem__")?.as_slice();
    match usize::try_from(index)
        .ok()
        .and_then(|index| data.get(index))
    {
        Some(&byte) => Ok(crate::int::new(ts, i64::from(byte))),
        None => Err(PyErr::new(ExceptionKind::IndexError, "index out of range")),
    }
}

/// `data[key]` for an int or a slice key: an `int` or the selected bytes.
pub(crate) fn subscript_data(
    ts: &ThreadState,
    data: &[u8],
    key: &PyObject,
    type_name: &str,
    index_error: &'static str,
) -> PyResult<Result<u8, Vec<u8>>> {
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        let positions = slice.positions(ts, data.len())?;
        return Ok(Err(positions.iter().map(|&i| data[i]).collect()));
    }
    let Some(mut index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "{type_name} indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    };
    if index < 0 {
        index += data.len() as isize;
    }
    match usize::try_from(index)
        .ok()
        .and_then(|index| data.get(index))
    {
        Some(&byte) => Ok(Ok(byte)),
        None => Err(PyErr::new(ExceptionKind::IndexError, index_error)),
    }
}

fn bytes_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let data = payload(object, "__getitem__")?.as_slice();
    match subscript_data(ts, data, key, "byte", "index out of range")? {
        Ok(byte) => Ok(crate::int::new(ts, i64::from(byte))),
        Err(selected) => Ok(from_vec(ts, selected)),
    }
}

fn bytes_remainder(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(template) = as_bytes(a) else {
        return Ok(not_implemented());
    };
    let formatted = crate::percent_format::format_bytes(ts, template, b)?;
    Ok(from_vec(ts, formatted))
}

/// The bytes an object gives to `bytes(x)`/`bytearray(x)`: buffers, `__bytes__` (bytes
/// only), iterables of ints, and str with an encoding.
pub(crate) fn construct_data(
    ts: &ThreadState,
    type_name: &str,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<Option<Vec<u8>>> {
    let parsed = crate::stringlib::parse_args(
        type_name,
        args,
        kwnames,
        &["source", "encoding", "errors"],
        0,
        0,
    )?;
    let source = parsed.get(0);
    let encoding = parsed.get(1);
    let errors = parsed.get(2);
    let text_arg = |value: Option<&PyObject>, what: &str| -> PyResult<Option<String>> {
        match value {
            None => Ok(None),
            Some(value) => match crate::str::as_str_payload(value) {
                Some(text) => Ok(Some(text.to_string_lossy())),
                None => Err(PyErr::type_error(format!(
                    "{type_name}() argument '{what}' must be str, not {}",
                    value.ob_type().name()
                ))),
            },
        }
    };
    let encoding = text_arg(encoding, "encoding")?;
    let errors = text_arg(errors, "errors")?;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(PyErr::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Some(Vec::new()));
    };
    if let Some(text) = crate::str::as_str_payload(source) {
        let Some(encoding) = encoding else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let encoded = crate::unicode_codecs::encode(
            ts,
            text,
            &encoding,
            errors.as_deref().unwrap_or("strict"),
        )?;
        return Ok(Some(encoded));
    }
    if encoding.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    if type_name == "bytes"
        && let Some(method) = source.ob_type().lookup_str(ts, "__bytes__")?
    {
        let result = crate::abstract_api::call(ts, &method, &[source.new_ref()], None)?;
        if let Some(data) = as_bytes(&result) {
            return Ok(Some(data.to_vec()));
        }
        return Err(PyErr::type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            result.ob_type().name()
        )));
    }
    if let Some(data) = bytes_like(source) {
        return Ok(Some(data));
    }
    if source.ob_type().number.index.get().is_some() {
        let count = crate::abstract_api::index(ts, source)?;
        return match crate::int::as_i64(&count) {
            Some(count) if count < 0 => {
                Err(PyErr::new(ExceptionKind::ValueError, "negative count"))
            }
            Some(count) if count <= isize::MAX as i64 / 2 => Ok(Some(vec![0; count as usize])),
            Some(_) => Err(PyErr::without_arg(ExceptionKind::MemoryError)),
            None => Err(PyErr::new(
                ExceptionKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )),
        };
    }
    let iterable = source.ob_type().slots.iter.get().is_some()
        || source.ob_type().sequence.item.get().is_some()
        || crate::str::as_str_payload(source).is_some()
        || source.payload_is::<crate::list::List>()
        || source.payload_is::<crate::tuple::Tuple>()
        || source.payload_is::<crate::dict::Dict>();
    if !iterable {
        return Err(PyErr::type_error(format!(
            "cannot convert '{}' object to {type_name}",
            source.ob_type().name()
        )));
    }
    let items = crate::iterobject::collect(ts, source)?;
    let mut data = Vec::with_capacity(items.len());
    for item in &items {
        data.push(byte_value(ts, item).map_err(|err| {
            if err.is(ExceptionKind::ValueError) && type_name == "bytes" {
                PyErr::new(ExceptionKind::ValueError, "bytes must be in range(0, 256)")
            } else {
                err
            }
        })?);
    }
    Ok(Some(data))
}

fn bytes_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let data = construct_data(ts, "bytes", args, kwnames)?.unwrap_or_default();
    match Py::new_with_type(ts, ty, Bytes::new(data)) {
        Some(object) => Ok(object.into_ref()),
        None => Err(PyErr::type_error("bytes.__new__: bad subtype")),
    }
}

pub static BYTES_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Bytes>("bytes", flags::BASETYPE, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(bytes_repr),
            str: Slot::new(bytes_repr),
            hash: Slot::new(bytes_hash),
            richcompare: Slot::new(bytes_richcompare),
            new: Slot::new(bytes_new),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            remainder: Slot::new(bytes_remainder),
            ..NumberSlots::EMPTY
        })
        .with_sequence(SequenceSlots {
            length: Slot::new(bytes_length),
            concat: Slot::new(bytes_concat),
            repeat: Slot::new(bytes_repeat),
            item: Slot::new(bytes_item),
            contains: Slot::new(bytes_contains),
            ..SequenceSlots::EMPTY
        })
        .with_mapping(MappingSlots {
            length: Slot::new(bytes_length),
            subscript: Slot::new(bytes_subscript),
            ..MappingSlots::EMPTY
        }),
);
