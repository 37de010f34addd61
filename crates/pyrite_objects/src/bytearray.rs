//! `bytearray`: mutable sequences of bytes.
//!
//! CPython counterpart: `Objects/bytearrayobject.c` (`bytearray___init__`,
//! `bytearray_repr`, `bytearray_richcompare`, `bytearray_subscript`,
//! `bytearray_ass_subscript`, `bytearray_iconcat`, `append`/`extend`/`insert`/`pop`/
//! `remove`/`reverse`/`clear`/`copy`). The methods it shares with `bytes` are in
//! [`crate::bytes_methods`]. The data is behind a `RefCell` whose borrows never span a
//! call into Python code.

use std::cell::RefCell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, NumberSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{
    OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags, hash_not_implemented,
};

/// The payload of `bytearray` objects.
pub struct ByteArray {
    data: RefCell<Vec<u8>>,
}

impl ByteArray {
    pub fn new(data: Vec<u8>) -> ByteArray {
        ByteArray {
            data: RefCell::new(data),
        }
    }

    pub fn to_vec(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    /// How many bytes fit before the storage grows (`ob_alloc`).
    pub fn capacity(&self) -> usize {
        self.data.borrow().capacity()
    }

    pub fn is_empty(&self) -> bool {
        self.data.borrow().is_empty()
    }

    /// Runs `read` on the data (which must not call into Python).
    pub fn with_data<R>(&self, read: impl FnOnce(&[u8]) -> R) -> R {
        read(&self.data.borrow())
    }

    /// Runs `change` on the data (which must not call into Python).
    pub fn modify<R>(&self, change: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        change(&mut self.data.borrow_mut())
    }
}

impl PyPayload for ByteArray {
    fn static_type() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

/// A new `bytearray` object.
pub fn new(ts: &ThreadState, data: Vec<u8>) -> PyRef {
    Py::new(ts, ByteArray::new(data)).into_ref()
}

/// A copy of a `bytearray`'s data.
pub fn data_of(object: &PyObject) -> Option<Vec<u8>> {
    object
        .downcast_ref::<ByteArray>()
        .map(|array| array.payload().to_vec())
}

fn payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a ByteArray> {
    object
        .downcast_ref::<ByteArray>()
        .map(|array| array.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' requires a 'bytearray' object but received a '{}'",
                object.ob_type().name()
            ))
        })
}

fn bytearray_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let data = payload(object, "__repr__")?.to_vec();
    let mut repr = pyrite_ast::repr::bytes_repr(&data);
    // CPython's bytearray repr escapes `'` even inside double quotes.
    if repr.starts_with("b\"") && repr.len() >= 3 {
        repr = format!("b\"{}\"", repr[2..repr.len() - 1].replace('\'', "\\'"));
    }
    let text = format!("{}({})", object.ob_type().name(), repr);
    Ok(crate::str::new(ts, &text).into_ref())
}

fn bytearray_richcompare(_ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (crate::bytes::bytes_like(a), crate::bytes::bytes_like(b))
    else {
        return Ok(not_implemented());
    };
    Ok(crate::bytes::compare_bytes(&left, &right, op))
}

fn bytearray_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(payload(object, "__len__")?.len())
}

fn other_data(a: &PyObject, b: &PyObject) -> PyResult<Vec<u8>> {
    crate::bytes::bytes_like(b).ok_or_else(|| {
        PyErr::type_error(format!(
            "can't concat {} to {}",
            b.ob_type().name(),
            a.ob_type().name()
        ))
    })
}

fn bytearray_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let mut data = payload(a, "__add__")?.to_vec();
    data.extend_from_slice(&other_data(a, b)?);
    Ok(new(ts, data))
}

fn bytearray_inplace_concat(_ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let array = payload(a, "__iadd__")?;
    let extra = other_data(a, b)?;
    array.modify(|data| data.extend_from_slice(&extra));
    Ok(a.new_ref())
}

fn bytearray_repeat(ts: &ThreadState, object: &PyObject, count: isize) -> PyResult {
    let data = payload(object, "__mul__")?.to_vec();
    Ok(new(ts, crate::bytes::repeat_data(&data, count)?))
}

fn bytearray_inplace_repeat(_ts: &ThreadState, object: &PyObject, count: isize) -> PyResult {
    let array = payload(object, "__imul__")?;
    let repeated = crate::bytes::repeat_data(&array.to_vec(), count)?;
    array.modify(|data| *data = repeated);
    Ok(object.new_ref())
}

fn bytearray_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    let data = payload(object, "__contains__")?.to_vec();
    crate::bytes::contains_in(ts, &data, item)
}

fn bytearray_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let data = payload(object, "__getitem__")?.to_vec();
    match usize::try_from(index)
        .ok()
        .and_then(|index| data.get(index))
    {
        Some(&byte) => Ok(crate::int::new(ts, i64::from(byte))),
        None => Err(PyErr::new(
            ExceptionKind::IndexError,
            "bytearray index out of range",
        )),
    }
}

fn bytearray_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let data = payload(object, "__getitem__")?.to_vec();
    match crate::bytes::subscript_data(ts, &data, key, "bytearray", "bytearray index out of range")?
    {
        Ok(byte) => Ok(crate::int::new(ts, i64::from(byte))),
        Err(selected) => Ok(new(ts, selected)),
    }
}

/// The bytes a slice assignment inserts: a buffer or an iterable of ints (not an int,
/// not a str).
fn assigned_data(ts: &ThreadState, value: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(data) = crate::bytes::bytes_like(value) {
        return Ok(data);
    }
    if value.ob_type().number.index.get().is_some() {
        return Err(PyErr::type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    if crate::str::as_str_payload(value).is_some() {
        return Err(PyErr::type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    let items = crate::iterobject::collect(ts, value)?;
    items
        .iter()
        .map(|item| crate::bytes::byte_value(ts, item))
        .collect()
}

fn bytearray_ass_subscript(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let array = payload(object, "__setitem__")?;
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        let new_data = match value {
            Some(value) => Some(assigned_data(ts, value)?),
            None => None,
        };
        let len = array.len();
        let (start, stop, step, _) = slice.indices(ts, len)?;
        let positions = slice.positions(ts, len)?;
        return array.modify(|data| {
            if step == 1 {
                let start = start as usize;
                let stop = (stop.max(start as i64)) as usize;
                data.splice(start..stop, new_data.unwrap_or_default());
                return Ok(());
            }
            match new_data {
                Some(new_data) => {
                    if new_data.len() != positions.len() {
                        return Err(PyErr::new(
                            ExceptionKind::ValueError,
                            format!(
                                "attempt to assign bytes of size {} to extended slice of size {}",
                                new_data.len(),
                                positions.len()
                            ),
                        ));
                    }
                    for (&position, byte) in positions.iter().zip(new_data) {
                        data[position] = byte;
                    }
                }
                None => {
                    let mut keep = vec![true; data.len()];
                    for &position in &positions {
                        keep[position] = false;
                    }
                    let mut index = 0;
                    data.retain(|_| {
                        index += 1;
                        keep[index - 1]
                    });
                }
            }
            Ok(())
        });
    }
    let Some(mut index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    };
    let byte = match value {
        Some(value) => Some(crate::bytes::byte_value(ts, value)?),
        None => None,
    };
    let len = array.len() as isize;
    if index < 0 {
        index += len;
    }
    if index < 0 || index >= len {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            "bytearray index out of range",
        ));
    }
    array.modify(|data| match byte {
        Some(byte) => data[index as usize] = byte,
        None => {
            data.remove(index as usize);
        }
    });
    Ok(())
}

fn bytearray_remainder(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(template) = data_of(a) else {
        return Ok(not_implemented());
    };
    let formatted = crate::percent_format::format_bytes(ts, &template, b)?;
    Ok(new(ts, formatted))
}

fn bytearray_new(
    ts: &ThreadState,
    ty: &PyType,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    match Py::new_with_type(ts, ty, ByteArray::new(Vec::new())) {
        Some(object) => Ok(object.into_ref()),
        None => Err(PyErr::type_error("bytearray.__new__: bad subtype")),
    }
}

fn bytearray_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let array = payload(object, "__init__")?;
    let data = crate::bytes::construct_data(ts, "bytearray", args, kwnames)?.unwrap_or_default();
    array.modify(|current| *current = data);
    Ok(())
}

// ----- the mutating methods -----

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn method_append(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("bytearray.append", args, kw, &["item"], 1, 1)?;
    let array = payload(this, "append")?;
    let byte = crate::bytes::byte_value(ts, parsed.required(0))?;
    array.modify(|data| data.push(byte));
    Ok(crate::singletons::none())
}

fn method_extend(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed =
        crate::stringlib::parse_args("bytearray.extend", args, kw, &["iterable_of_ints"], 1, 1)?;
    let array = payload(this, "extend")?;
    let Some(source) = parsed.get(0) else {
        return Ok(crate::singletons::none());
    };
    let extra = match crate::bytes::bytes_like(source) {
        Some(data) => data,
        None => {
            if crate::str::as_str_payload(source).is_some() {
                return Err(PyErr::type_error(
                    "expected iterable of integers; got: 'str'",
                ));
            }
            let iterable = source.ob_type().slots.iter.get().is_some()
                || source.ob_type().sequence.item.get().is_some()
                || source.payload_is::<crate::list::List>()
                || source.payload_is::<crate::tuple::Tuple>();
            if !iterable {
                return Err(PyErr::type_error(format!(
                    "can't extend bytearray with {}",
                    source.ob_type().name()
                )));
            }
            let items = crate::iterobject::collect(ts, source)?;
            items
                .iter()
                .map(|item| crate::bytes::byte_value(ts, item))
                .collect::<PyResult<Vec<u8>>>()?
        }
    };
    array.modify(|data| data.extend_from_slice(&extra));
    Ok(crate::singletons::none())
}

fn method_insert(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed =
        crate::stringlib::parse_args("bytearray.insert", args, kw, &["index", "item"], 2, 2)?;
    let array = payload(this, "insert")?;
    let none = crate::singletons::none();
    let index = crate::stringlib::index_arg(ts, parsed.required(0))?;
    let byte = crate::bytes::byte_value(ts, parsed.required(1))?;
    array.modify(|data| {
        let len = data.len() as isize;
        let position = if index < 0 {
            (index + len).max(0)
        } else {
            index.min(len)
        };
        data.insert(position as usize, byte);
    });
    Ok(none)
}

fn method_pop(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("bytearray.pop", args, kw, &["index"], 1, 0)?;
    let array = payload(this, "pop")?;
    let index = crate::stringlib::index_arg_or(ts, parsed.get(0), -1)?;
    let popped = array.modify(|data| {
        if data.is_empty() {
            return Err(PyErr::new(
                ExceptionKind::IndexError,
                "pop from empty bytearray",
            ));
        }
        let len = data.len() as isize;
        let position = if index < 0 { index + len } else { index };
        if position < 0 || position >= len {
            return Err(PyErr::new(
                ExceptionKind::IndexError,
                "pop index out of range",
            ));
        }
        Ok(data.remove(position as usize))
    })?;
    Ok(crate::int::new(ts, i64::from(popped)))
}

fn method_remove(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("bytearray.remove", args, kw, &["value"], 1, 1)?;
    let array = payload(this, "remove")?;
    let byte = crate::bytes::byte_value(ts, parsed.required(0))?;
    array.modify(|data| match data.iter().position(|&b| b == byte) {
        Some(position) => {
            data.remove(position);
            Ok(())
        }
        None => Err(PyErr::new(
            ExceptionKind::ValueError,
            "value not found in bytearray",
        )),
    })?;
    Ok(crate::singletons::none())
}

fn method_reverse(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("bytearray.reverse", args, kw, &[], 0, 0)?;
    payload(this, "reverse")?.modify(|data| data.reverse());
    Ok(crate::singletons::none())
}

fn method_clear(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("bytearray.clear", args, kw, &[], 0, 0)?;
    payload(this, "clear")?.modify(Vec::clear);
    Ok(crate::singletons::none())
}

fn method_copy(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("bytearray.copy", args, kw, &[], 0, 0)?;
    Ok(new(ts, payload(this, "copy")?.to_vec()))
}

fn method_resize(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("bytearray.resize", args, kw, &["size"], 1, 1)?;
    let size = crate::stringlib::index_arg(ts, parsed.required(0))?;
    if size < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("Can only resize to positive sizes, got {size}"),
        ));
    }
    payload(this, "resize")?.modify(|data| data.resize(size as usize, 0));
    Ok(crate::singletons::none())
}

fn method_alloc(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("bytearray.__alloc__", args, kw, &[], 0, 0)?;
    Ok(crate::int::new(
        ts,
        payload(this, "__alloc__")?.len() as i64 + 1,
    ))
}

/// Fills `bytearray`'s dict with its own (mutating) methods.
pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &BYTEARRAY_TYPE,
        &[
            ("append", method_append),
            ("extend", method_extend),
            ("insert", method_insert),
            ("pop", method_pop),
            ("remove", method_remove),
            ("reverse", method_reverse),
            ("clear", method_clear),
            ("copy", method_copy),
            ("resize", method_resize),
            ("__alloc__", method_alloc),
        ],
    );
}

pub static BYTEARRAY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ByteArray>("bytearray", flags::BASETYPE, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(bytearray_repr),
            str: Slot::new(bytearray_repr),
            hash: Slot::new(hash_not_implemented),
            richcompare: Slot::new(bytearray_richcompare),
            new: Slot::new(bytearray_new),
            init: Slot::new(bytearray_init),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            remainder: Slot::new(bytearray_remainder),
            ..NumberSlots::EMPTY
        })
        .with_sequence(SequenceSlots {
            length: Slot::new(bytearray_length),
            concat: Slot::new(bytearray_concat),
            repeat: Slot::new(bytearray_repeat),
            item: Slot::new(bytearray_item),
            contains: Slot::new(bytearray_contains),
            inplace_concat: Slot::new(bytearray_inplace_concat),
            inplace_repeat: Slot::new(bytearray_inplace_repeat),
            ..SequenceSlots::EMPTY
        })
        .with_mapping(MappingSlots {
            length: Slot::new(bytearray_length),
            subscript: Slot::new(bytearray_subscript),
            ass_subscript: Slot::new(bytearray_ass_subscript),
        }),
);
