//! The `marshal` module: CPython's internal serialization, the format of `.pyc` files.
//!
//! CPython counterpart: `Python/marshal.c`. The reading and writing live in
//! `pyrite_bytecode::marshal` (the compiler and the `.pyc` loader use them); this file
//! converts between objects and `MarshalValue`s.

use pyrite_bytecode::marshal::{self as format, MarshalError, MarshalValue};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{
    bool as pybool, bytes, dict, float, int, list, singletons, str as pystr, tuple,
};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, c_int_arg};

/// The format version `dumps` writes unless told otherwise.
const VERSION: u32 = 5;
/// How deeply nested a value may be (CPython's `MAX_MARSHAL_STACK_DEPTH`).
const MAX_DEPTH: usize = 2000;

fn error(err: MarshalError) -> PyErr {
    let kind = match err.exception {
        "EOFError" => ExceptionKind::EOFError,
        "TypeError" => ExceptionKind::TypeError,
        "UnicodeDecodeError" => ExceptionKind::UnicodeDecodeError,
        _ => ExceptionKind::ValueError,
    };
    PyErr::new(kind, err.message)
}

fn unmarshallable() -> PyErr {
    PyErr::new(ExceptionKind::ValueError, "unmarshallable object")
}

/// An object as a marshal value; the exact built-in types only, as CPython writes them.
fn to_value(object: &PyObject, depth: usize) -> PyResult<MarshalValue> {
    if depth > MAX_DEPTH {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "object too deeply nested to marshal",
        ));
    }
    let items = |items: &[PyRef]| -> PyResult<Vec<MarshalValue>> {
        items.iter().map(|item| to_value(item, depth + 1)).collect()
    };
    if singletons::is_none(object) {
        return Ok(MarshalValue::None);
    }
    if object.is(&singletons::ellipsis()) {
        return Ok(MarshalValue::Ellipsis);
    }
    if object.is(ExceptionKind::StopIteration.static_type().as_object()) {
        return Ok(MarshalValue::StopIteration);
    }
    if let Some(value) = pybool::as_bool_singleton(object) {
        return Ok(MarshalValue::Bool(value));
    }
    if let Some(value) = object.downcast_ref::<int::Int>() {
        return Ok(MarshalValue::Int(value.to_bigint()));
    }
    if let Some(value) = object.downcast_ref::<float::Float>() {
        return Ok(MarshalValue::Float(value.0));
    }
    if let Some(value) = object.downcast_ref::<pyrite_objects::complex::Complex>() {
        return Ok(MarshalValue::Complex {
            real: value.real,
            imag: value.imag,
        });
    }
    if let Some(text) = pystr::as_str_payload(object) {
        let text = pyrite_ast::PyStr::from_surrogatepass_utf8(text.as_bytes())
            .ok_or_else(unmarshallable)?;
        return Ok(MarshalValue::Str(text));
    }
    if let Some(data) = bytes::as_bytes(object) {
        return Ok(MarshalValue::Bytes(data.to_vec()));
    }
    if let Some(array) = object.downcast_ref::<pyrite_objects::bytearray::ByteArray>() {
        return Ok(MarshalValue::Bytes(array.to_vec()));
    }
    if object.payload_is::<tuple::Tuple>() {
        return Ok(MarshalValue::Tuple(items(tuple::items(object))?));
    }
    if let Some(list) = object.downcast_ref::<list::List>() {
        let snapshot: Vec<PyRef> = (0..list.len()).filter_map(|i| list.get(i)).collect();
        return Ok(MarshalValue::List(items(&snapshot)?));
    }
    if let Some(mapping) = object.downcast_ref::<dict::Dict>() {
        let mut pairs = Vec::new();
        for (key, value) in mapping.items() {
            pairs.push((to_value(&key, depth + 1)?, to_value(&value, depth + 1)?));
        }
        return Ok(MarshalValue::Dict(pairs));
    }
    if let Some(set) = object.downcast_ref::<pyrite_objects::set::Set>() {
        let elements = items(&set.to_vec())?;
        return Ok(if object.ob_type().name() == "frozenset" {
            MarshalValue::FrozenSet(elements)
        } else {
            MarshalValue::Set(elements)
        });
    }
    if let Some(slice) = object.downcast_ref::<pyrite_objects::slice::Slice>() {
        return Ok(MarshalValue::Slice(Box::new([
            to_value(&slice.start, depth + 1)?,
            to_value(&slice.stop, depth + 1)?,
            to_value(&slice.step, depth + 1)?,
        ])));
    }
    if let Some(code) = object.downcast_ref::<pyrite_objects::code::Code>() {
        return Ok(MarshalValue::Code(Box::new(code.code.clone())));
    }
    Err(unmarshallable())
}

/// A marshal value as a new object.
fn to_object(ts: &ThreadState, value: MarshalValue) -> PyResult {
    let objects = |values: Vec<MarshalValue>| -> PyResult<Vec<PyRef>> {
        values
            .into_iter()
            .map(|value| to_object(ts, value))
            .collect()
    };
    Ok(match value {
        MarshalValue::None => singletons::none(),
        MarshalValue::Ellipsis => singletons::ellipsis(),
        MarshalValue::StopIteration => ExceptionKind::StopIteration
            .static_type()
            .as_object()
            .new_ref(),
        MarshalValue::Bool(value) => pybool::bool_ref(value),
        MarshalValue::Int(value) => int::from_bigint(ts, value),
        MarshalValue::Float(value) => float::new(ts, value),
        MarshalValue::Complex { real, imag } => pyrite_objects::complex::new(ts, real, imag),
        MarshalValue::Str(text) => pystr::from_py_str(ts, text).into_ref(),
        MarshalValue::Bytes(data) => bytes::new(ts, &data),
        MarshalValue::Tuple(items) => tuple::new(ts, objects(items)?).into_ref(),
        MarshalValue::List(items) => list::new(ts, objects(items)?).into_ref(),
        MarshalValue::Dict(pairs) => {
            let mapping = dict::new(ts);
            for (key, value) in pairs {
                mapping.set_item(ts, to_object(ts, key)?, to_object(ts, value)?)?;
            }
            mapping.into_ref()
        }
        MarshalValue::Set(items) => pyrite_objects::set::new(ts, objects(items)?)?,
        MarshalValue::FrozenSet(items) => pyrite_objects::set::new_frozen(ts, objects(items)?)?,
        MarshalValue::Slice(parts) => {
            let [start, stop, step] = *parts;
            pyrite_objects::slice::new(
                ts,
                to_object(ts, start)?,
                to_object(ts, stop)?,
                to_object(ts, step)?,
            )
        }
        MarshalValue::Code(code) => pyrite_objects::code::new(ts, *code)?.into_ref(),
    })
}

fn version_argument(ts: &ThreadState, value: Option<&PyRef>) -> PyResult<u32> {
    match value {
        None => Ok(VERSION),
        Some(value) => {
            let version = c_int_arg(ts, value)?;
            Ok(version.clamp(0, i32::MAX) as u32)
        }
    }
}

fn dumps_value(ts: &ThreadState, value: &PyObject, version: u32) -> PyResult {
    let converted = to_value(value, 0)?;
    let data = format::dumps(&converted, version.max(2)).map_err(error)?;
    Ok(bytes::new(ts, &data))
}

/// `dumps(value, version=5, /, *, allow_code=True)`.
fn dumps(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("dumps", args, kw, &["value", "version", "allow_code"], 2, 1)?;
    let value = values[0].clone().unwrap_or_else(singletons::none);
    let version = version_argument(ts, values[1].as_ref())?;
    dumps_value(ts, &value, version)
}

fn loads_data(ts: &ThreadState, data: &[u8]) -> PyResult {
    let (value, _) = format::loads_prefix(data).map_err(error)?;
    to_object(ts, value)
}

fn bytes_argument(object: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(data) = bytes::as_bytes(object) {
        return Ok(data.to_vec());
    }
    if let Some(array) = object.downcast_ref::<pyrite_objects::bytearray::ByteArray>() {
        return Ok(array.to_vec());
    }
    Err(PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        object.ob_type().name()
    )))
}

/// `loads(bytes, /, *, allow_code=True)`: the first value in the data (the rest is
/// ignored, as CPython does).
fn loads(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("loads", args, kw, &["bytes", "allow_code"], 1, 1)?;
    let data = values[0]
        .as_ref()
        .map(|data| bytes_argument(data))
        .transpose()?
        .unwrap_or_default();
    loads_data(ts, &data)
}

/// `dump(value, file, version=5, /, *, allow_code=True)`: `file.write(dumps(value))`.
fn dump(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind(
        "dump",
        args,
        kw,
        &["value", "file", "version", "allow_code"],
        3,
        2,
    )?;
    let (Some(value), Some(file)) = (&values[0], &values[1]) else {
        return Err(PyErr::type_error("dump() missing required argument"));
    };
    let version = version_argument(ts, values[2].as_ref())?;
    let data = dumps_value(ts, value, version)?;
    let write = pyrite_objects::attrs::get_attr_str(ts, file, "write")?;
    pyrite_objects::abstract_api::call(ts, &write, &[data], None)?;
    Ok(singletons::none())
}

/// `load(file, /, *, allow_code=True)`: reads the file to its end and loads the first
/// value.
fn load(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("load", args, kw, &["file", "allow_code"], 1, 1)?;
    let Some(file) = &values[0] else {
        return Err(PyErr::type_error("load() missing required argument"));
    };
    let read = pyrite_objects::attrs::get_attr_str(ts, file, "read")?;
    let data = pyrite_objects::abstract_api::call(ts, &read, &[], None)?;
    loads_data(ts, &bytes_argument(&data)?)
}

/// Creates the `marshal` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "marshal",
        Some(
            "This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.\n",
        ),
    )?;
    module.functions(&[
        ("dumps", dumps),
        ("loads", loads),
        ("dump", dump),
        ("load", load),
    ])?;
    module.set("version", int::new(ts, i64::from(VERSION)))?;
    Ok(module.finish())
}
