//! The `_struct` module: conversion between Python values and C structs held in bytes
//! (`pack`, `unpack`, `pack_into`, `unpack_from`, `iter_unpack`, `calcsize`, `Struct`).
//!
//! CPython counterpart: `Modules/_struct.c`. Format strings are parsed here (prefix,
//! repeat counts, native alignment); the per-code sizes and the packing of one item live
//! in `pyrite_objects::struct_format`, which `memoryview` shares.

use std::cell::{Cell, RefCell};

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::object::{Py, PyPayload, StaticObject};
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::struct_format::{self, Layout, PackError};
use pyrite_objects::typeobject::{OBJECT_TYPE, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, PyType, ThreadState};
use pyrite_objects::{abstract_api, bytes, int, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind};

thread_local! {
    static STRUCT_ERROR: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// `struct.error(message)`.
fn struct_error(ts: &ThreadState, message: impl Into<String>) -> PyErr {
    let class = STRUCT_ERROR.with(|class| class.borrow().clone());
    let message = message.into();
    match class {
        Some(class) => {
            let text = pystr::new(ts, &message).into_ref();
            match abstract_api::call(ts, &class, &[text], None) {
                Ok(exc) => PyErr::from_exception(exc),
                Err(err) => err,
            }
        }
        None => PyErr::new(ExceptionKind::ValueError, message),
    }
}

/// One code of a parsed format with its repeat count.
#[derive(Clone, Copy, Debug)]
struct Code {
    code: u8,
    /// Byte offset of the first item.
    offset: usize,
    /// Items of this code (`s` and `p` are one item of `size` bytes; `x` none).
    count: usize,
    /// Bytes per item.
    size: usize,
}

/// A parsed format string (CPython's `PyStructObject` without the object).
#[derive(Debug)]
struct Format {
    text: String,
    layout: Layout,
    codes: Vec<Code>,
    size: usize,
    items: usize,
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn too_long(ts: &ThreadState) -> PyErr {
    struct_error(ts, "total struct size too long")
}

fn parse_format(ts: &ThreadState, text: &str) -> PyResult<Format> {
    let bytes = text.as_bytes();
    let (layout, mut at) = match bytes.first().and_then(|&b| Layout::from_prefix(b)) {
        Some(layout) => (layout, 1),
        None => (Layout::NATIVE, 0),
    };
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut items: usize = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if is_space(byte) {
            at += 1;
            continue;
        }
        let mut count: usize = 1;
        if byte.is_ascii_digit() {
            count = 0;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                count = count
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(bytes[at] - b'0')))
                    .filter(|&n| n <= isize::MAX as usize)
                    .ok_or_else(|| too_long(ts))?;
                at += 1;
            }
            if at == bytes.len() {
                return Err(struct_error(
                    ts,
                    "repeat count given without format specifier",
                ));
            }
        }
        let code = bytes[at];
        at += 1;
        let Some((item_size, align)) = struct_format::item_layout(code, layout.native) else {
            return Err(struct_error(ts, "bad char in struct format"));
        };
        if layout.native && align > 1 && !matches!(code, b's' | b'p') {
            size = size
                .checked_next_multiple_of(align)
                .ok_or_else(|| too_long(ts))?;
        }
        let offset = size;
        let (entry_count, entry_size, added_items) = match code {
            b's' | b'p' => (1, count, 1),
            b'x' => (0, count, 0),
            _ => (count, item_size, count),
        };
        let span = match code {
            b's' | b'p' | b'x' => count,
            _ => count.checked_mul(item_size).ok_or_else(|| too_long(ts))?,
        };
        size = size
            .checked_add(span)
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| too_long(ts))?;
        items += added_items;
        if code != b'x' {
            codes.push(Code {
                code,
                offset,
                count: entry_count,
                size: entry_size,
            });
        }
    }
    Ok(Format {
        text: text.to_owned(),
        layout,
        codes,
        size,
        items,
    })
}

/// The format argument as text: `str` or `bytes`.
fn format_text(object: &PyObject) -> PyResult<String> {
    if let Some(text) = pystr::as_str_payload(object) {
        return Ok(text.to_string_lossy());
    }
    if let Some(data) = bytes::as_bytes(object) {
        return Ok(String::from_utf8_lossy(data).into_owned());
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        object.ob_type().name()
    )))
}

fn pack_error(ts: &ThreadState, code: u8, err: PackError) -> PyErr {
    match err {
        PackError::Raised(err) => err,
        PackError::NotInteger => struct_error(ts, "required argument is not an integer"),
        PackError::NotFloat => struct_error(ts, "required argument is not a float"),
        PackError::Range { min, max } => struct_error(
            ts,
            format!(
                "'{}' format requires {min} <= number <= {max}",
                code as char
            ),
        ),
        PackError::FloatOverflow => PyErr::new(
            ExceptionKind::OverflowError,
            format!("float too large to pack with {} format", code as char),
        ),
        PackError::Char { .. } => {
            struct_error(ts, "char format requires a bytes object of length 1")
        }
    }
}

impl Format {
    /// Packs `values` (exactly `items` of them) into `out` (`size` bytes, zeroed).
    fn pack_into(&self, ts: &ThreadState, values: &[PyRef], out: &mut [u8]) -> PyResult<()> {
        let mut values = values.iter();
        for entry in &self.codes {
            for index in 0..entry.count {
                let Some(value) = values.next() else {
                    return Ok(());
                };
                let start = entry.offset + index * entry.size;
                let slot = &mut out[start..start + entry.size];
                match entry.code {
                    b's' | b'p' => {
                        let data = if value.payload_is::<bytes::Bytes>()
                            || value.payload_is::<pyrite_objects::bytearray::ByteArray>()
                        {
                            bytes::bytes_like(value).unwrap_or_default()
                        } else {
                            return Err(struct_error(
                                ts,
                                format!(
                                    "argument for '{}' must be a bytes object",
                                    entry.code as char
                                ),
                            ));
                        };
                        if entry.code == b's' {
                            let n = data.len().min(slot.len());
                            slot[..n].copy_from_slice(&data[..n]);
                        } else if !slot.is_empty() {
                            let n = data.len().min(slot.len() - 1);
                            slot[1..1 + n].copy_from_slice(&data[..n]);
                            slot[0] = n.min(255) as u8;
                        }
                    }
                    code => struct_format::pack_item(ts, code, self.layout, value, slot)
                        .map_err(|err| pack_error(ts, code, err))?,
                }
            }
        }
        Ok(())
    }

    fn pack(&self, ts: &ThreadState, values: &[PyRef]) -> PyResult<Vec<u8>> {
        if values.len() != self.items {
            return Err(struct_error(
                ts,
                format!(
                    "pack expected {} items for packing (got {})",
                    self.items,
                    values.len()
                ),
            ));
        }
        let mut out = vec![0u8; self.size];
        self.pack_into(ts, values, &mut out)?;
        Ok(out)
    }

    /// The values of `data` (exactly `size` bytes) as a tuple.
    fn unpack(&self, ts: &ThreadState, data: &[u8]) -> PyRef {
        let mut values = Vec::with_capacity(self.items);
        for entry in &self.codes {
            match entry.code {
                b's' => {
                    let slot = &data[entry.offset..entry.offset + entry.size];
                    values.push(bytes::new(ts, slot));
                }
                b'p' => {
                    let slot = &data[entry.offset..entry.offset + entry.size];
                    let text = match slot.split_first() {
                        Some((&n, rest)) => &rest[..usize::from(n).min(rest.len())],
                        None => &[][..],
                    };
                    values.push(bytes::new(ts, text));
                }
                code => {
                    for index in 0..entry.count {
                        let start = entry.offset + index * entry.size;
                        let value = struct_format::unpack_item(
                            code,
                            self.layout,
                            &data[start..start + entry.size],
                        );
                        values.push(value.to_object(ts));
                    }
                }
            }
        }
        tuple::new(ts, values).into_ref()
    }
}

// ------------------------------------------------------------------------- Struct type

/// The payload of `_struct.Struct` objects.
pub struct Struct {
    format: Format,
}

impl PyPayload for Struct {
    fn static_type() -> &'static PyType {
        &STRUCT_TYPE
    }
}

fn struct_of(object: &PyObject) -> PyResult<&Format> {
    object
        .downcast_ref::<Struct>()
        .map(|s| &s.payload().format)
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_struct.Struct' object"))
}

fn new_struct(ts: &ThreadState, format: &PyObject) -> PyResult<PyRef> {
    let text = format_text(format)?;
    let format = parse_format(ts, &text)?;
    Ok(Py::new(ts, Struct { format }).into_ref())
}

fn struct_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("Struct", args, kw, &["format"], 0, 1)?;
    let format = values[0].as_ref().expect("required");
    if std::ptr::eq(ty, &*STRUCT_TYPE) {
        return new_struct(ts, format);
    }
    let text = format_text(format)?;
    let format = parse_format(ts, &text)?;
    Py::new_with_type(ts, ty, Struct { format })
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("Struct type mismatch"))
}

fn struct_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let format = struct_of(object)?;
    let text = format!(
        "{}({})",
        object.ob_type().short_name(),
        pyrite_ast::repr::text_repr(&format.text)
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn get_format(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(pystr::new(ts, &struct_of(this)?.text).into_ref())
}

fn get_size(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(int::new(ts, struct_of(this)?.size as i64))
}

/// The data of a readable buffer argument.
fn read_buffer(object: &PyObject) -> PyResult<Vec<u8>> {
    bytes::require_bytes_like(object)
}

fn do_pack(ts: &ThreadState, format: &Format, args: Args<'_>) -> PyResult {
    Ok(bytes::from_vec(ts, format.pack(ts, args)?))
}

fn do_unpack(ts: &ThreadState, format: &Format, buffer: &PyObject) -> PyResult {
    let data = read_buffer(buffer)?;
    if data.len() != format.size {
        return Err(struct_error(
            ts,
            format!("unpack requires a buffer of {} bytes", format.size),
        ));
    }
    Ok(format.unpack(ts, &data))
}

fn offset_arg(ts: &ThreadState, value: Option<&PyRef>) -> PyResult<isize> {
    let Some(value) = value else {
        return Ok(0);
    };
    let index = abstract_api::index(ts, value)?;
    int::as_i64(&index).map(|v| v as isize).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

fn do_unpack_from(ts: &ThreadState, format: &Format, buffer: &PyObject, offset: isize) -> PyResult {
    let data = read_buffer(buffer)?;
    let len = data.len() as isize;
    let size = format.size as isize;
    let mut offset = offset;
    if offset < 0 {
        if offset + len < 0 {
            return Err(struct_error(
                ts,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        if offset + size > 0 {
            return Err(struct_error(
                ts,
                format!("not enough data to unpack {size} bytes at offset {offset}"),
            ));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(
            ts,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} \
                 bytes at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    let start = offset as usize;
    Ok(format.unpack(ts, &data[start..start + format.size]))
}

fn do_pack_into(ts: &ThreadState, format: &Format, args: Args<'_>) -> PyResult {
    if args.len() != format.items + 2 {
        return Err(match args.len() {
            0 => struct_error(ts, "pack_into expected buffer argument"),
            1 => struct_error(ts, "pack_into expected offset argument"),
            n => struct_error(
                ts,
                format!(
                    "pack_into expected {} items for packing (got {})",
                    format.items,
                    n - 2
                ),
            ),
        });
    }
    let buffer = &args[0];
    let len = pyrite_objects::memoryview::writable_len(buffer)? as isize;
    let mut offset = offset_arg(ts, Some(&args[1]))?;
    let size = format.size as isize;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(
                ts,
                format!("no space to pack {size} bytes at offset {offset}"),
            ));
        }
        if offset + len < 0 {
            return Err(struct_error(
                ts,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(
            ts,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes \
                 at offset {offset} (actual buffer size is {len})",
                size + offset
            ),
        ));
    }
    let mut out = vec![0u8; format.size];
    // bytes of padding and short strings are written as zeros, as CPython does
    format.pack_into(ts, &args[2..], &mut out)?;
    pyrite_objects::memoryview::write_at(buffer, offset as usize, &out);
    Ok(pyrite_objects::singletons::none())
}

fn do_iter_unpack(ts: &ThreadState, format: &Format, buffer: &PyObject) -> PyResult {
    if format.size == 0 {
        return Err(struct_error(
            ts,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = read_buffer(buffer)?;
    if data.len() % format.size != 0 {
        return Err(struct_error(
            ts,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                format.size
            ),
        ));
    }
    let items: Vec<PyRef> = data
        .chunks(format.size)
        .map(|chunk| format.unpack(ts, chunk))
        .collect();
    Ok(Py::new(
        ts,
        UnpackIterator {
            items: RefCell::new(items),
            index: Cell::new(0),
        },
    )
    .into_ref())
}

fn struct_pack(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::modsupport::positional("pack", args, kw, 0, usize::MAX)?;
    do_pack(ts, struct_of(this)?, args)
}

fn struct_unpack(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("unpack", args, kw, 1, 1)?;
    do_unpack(ts, struct_of(this)?, &args[0])
}

fn struct_unpack_from(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("unpack_from", args, kw, &["buffer", "offset"], 0, 1)?;
    let offset = offset_arg(ts, values[1].as_ref())?;
    do_unpack_from(
        ts,
        struct_of(this)?,
        values[0].as_ref().expect("required"),
        offset,
    )
}

fn struct_pack_into(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    crate::modsupport::positional("pack_into", args, kw, 0, usize::MAX)?;
    do_pack_into(ts, struct_of(this)?, args)
}

fn struct_iter_unpack(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = crate::modsupport::positional("iter_unpack", args, kw, 1, 1)?;
    do_iter_unpack(ts, struct_of(this)?, &args[0])
}

fn struct_sizeof(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    let format = struct_of(this)?;
    // CPython: the object header and fields, plus one `formatcode` (3 words) per code
    // and the terminator
    Ok(int::new(ts, (40 + 24 * (format.codes.len() + 1)) as i64))
}

pub static STRUCT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Struct>(
        "_struct.Struct",
        pyrite_objects::typeobject::flags::BASETYPE,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(struct_repr),
        new: Slot::new(struct_new),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

// ------------------------------------------------------------------ unpack_iterator

/// The payload of `_struct.unpack_iterator` objects: the tuples still to produce.
pub struct UnpackIterator {
    items: RefCell<Vec<PyRef>>,
    index: Cell<usize>,
}

impl PyPayload for UnpackIterator {
    fn static_type() -> &'static PyType {
        &UNPACK_ITERATOR_TYPE
    }
}

fn unpack_iterator_of(object: &PyObject) -> PyResult<&UnpackIterator> {
    object
        .downcast_ref::<UnpackIterator>()
        .map(|it| it.payload())
        .ok_or_else(|| PyErr::type_error("expected an unpack_iterator"))
}

fn unpack_iterator_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = unpack_iterator_of(object)?;
    let index = iterator.index.get();
    let item = iterator.items.borrow().get(index).cloned();
    if item.is_some() {
        iterator.index.set(index + 1);
    } else {
        iterator.items.borrow_mut().clear();
        iterator.index.set(0);
    }
    Ok(item)
}

fn unpack_iterator_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    let iterator = unpack_iterator_of(this)?;
    let left = iterator
        .items
        .borrow()
        .len()
        .saturating_sub(iterator.index.get());
    Ok(int::new(ts, left as i64))
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

pub static UNPACK_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<UnpackIterator>("_struct.unpack_iterator", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(unpack_iterator_next),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

// ------------------------------------------------------------------ module functions

fn module_format(ts: &ThreadState, format: &PyObject) -> PyResult<Format> {
    // CPython looks the format up in its cache first, so an unhashable one fails there
    if let Err(err) = format.hash(ts) {
        return Err(PyErr::type_error(format!(
            "cannot use '{}' as a dict key ({})",
            format.ob_type().name(),
            err.message().unwrap_or("unhashable")
        )));
    }
    parse_format(ts, &format_text(format)?)
}

fn module_pack(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::modsupport::positional("pack", args, kw, 0, usize::MAX)?;
    let Some((format, values)) = args.split_first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    do_pack(ts, &module_format(ts, format)?, values)
}

fn module_pack_into(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::modsupport::positional("pack_into", args, kw, 0, usize::MAX)?;
    let Some((format, values)) = args.split_first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    do_pack_into(ts, &module_format(ts, format)?, values)
}

fn module_unpack(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("unpack", args, kw, 2, 2)?;
    do_unpack(ts, &module_format(ts, &args[0])?, &args[1])
}

fn module_unpack_from(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind(
        "unpack_from",
        args,
        kw,
        &["format", "buffer", "offset"],
        1,
        2,
    )?;
    let format = module_format(ts, values[0].as_ref().expect("required"))?;
    let offset = offset_arg(ts, values[2].as_ref())?;
    do_unpack_from(ts, &format, values[1].as_ref().expect("required"), offset)
}

fn module_iter_unpack(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = crate::modsupport::positional("iter_unpack", args, kw, 2, 2)?;
    do_iter_unpack(ts, &module_format(ts, &args[0])?, &args[1])
}

fn module_calcsize(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("_struct.calcsize", args, kw, 1, 1)?;
    Ok(int::new(ts, module_format(ts, &args[0])?.size as i64))
}

/// Formats are parsed on each call (parsing is cheap), so there is no cache to clear.
fn module_clearcache(
    _ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    crate::modsupport::positional("_clearcache", args, kw, 0, 0)?;
    Ok(pyrite_objects::singletons::none())
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_struct",
        Some(
            "Functions to convert between Python values and C structs.\n\
             Python bytes objects are used to hold the data representing the C struct\n\
             and also as format strings (explained below) to describe the layout of data\n\
             in the C struct.",
        ),
    )?;
    let namespace = pyrite_objects::dict::new(ts);
    namespace.payload().set_item(
        ts,
        pystr::intern(ts, "__module__"),
        pystr::intern(ts, "struct"),
    )?;
    let bases = tuple::new(
        ts,
        vec![ExceptionKind::Exception.static_type().as_object().new_ref()],
    )
    .into_ref();
    let error = abstract_api::call(
        ts,
        TYPE_TYPE.as_object(),
        &[pystr::intern(ts, "error"), bases, namespace.into_ref()],
        None,
    )?;
    STRUCT_ERROR.with(|class| *class.borrow_mut() = Some(error.clone()));
    module.set("error", error)?;
    module.add_type("Struct", &STRUCT_TYPE, "_struct")?;
    module.add_type("unpack_iterator", &UNPACK_ITERATOR_TYPE, "_struct")?;
    // CPython does not list the iterator type in the module
    module
        .dict()?
        .del_item(ts, &pystr::intern(ts, "unpack_iterator"))?;
    pyrite_objects::descr::add_methods(
        ts,
        &STRUCT_TYPE,
        &[
            ("pack", struct_pack),
            ("unpack", struct_unpack),
            ("unpack_from", struct_unpack_from),
            ("pack_into", struct_pack_into),
            ("iter_unpack", struct_iter_unpack),
            ("__sizeof__", struct_sizeof),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &STRUCT_TYPE,
        &[("format", get_format, None), ("size", get_size, None)],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &UNPACK_ITERATOR_TYPE,
        &[("__length_hint__", unpack_iterator_length_hint)],
    );
    module.functions(&[
        ("pack", module_pack),
        ("pack_into", module_pack_into),
        ("unpack", module_unpack),
        ("unpack_from", module_unpack_from),
        ("iter_unpack", module_iter_unpack),
        ("calcsize", module_calcsize),
        ("_clearcache", module_clearcache),
    ])?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn space_is_c_isspace() {
        assert!(super::is_space(b' '));
        assert!(super::is_space(0x0b));
        assert!(!super::is_space(b'x'));
    }
}
