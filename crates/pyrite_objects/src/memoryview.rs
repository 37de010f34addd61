//! `memoryview`: typed, possibly multi-dimensional views over the bytes of `bytes`,
//! `bytearray` or another view, in any native single-character `struct` format.
//!
//! CPython counterpart: `Objects/memoryobject.c` (`memory_new`, `memoryview_cast_impl`,
//! `memory_subscript`, `memory_ass_sub`, `memory_tobytes`, `memory_tolist`,
//! `memory_release`, `memory_richcompare`, `memory_hash`). A view keeps its exporter and
//! a buffer description (byte offset, format, item size, shape, strides); reads see the
//! exporter's current contents, as a buffer would. Items are packed and unpacked by
//! `struct_format`, which `_struct` shares.

use std::cell::Cell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::struct_format::{self, ItemValue, Layout};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};

/// CPython's `PyBUF_MAX_NDIM`.
const MAX_NDIM: usize = 64;

/// The payload of `memoryview` objects.
pub struct MemoryView {
    /// The exporter: a `bytes` or `bytearray`.
    source: PyRef,
    /// Where item `[0, 0, ...]` starts in the exporter's bytes.
    offset: isize,
    /// The format as given to `cast` (`"B"` for a plain view; may start with `@`).
    format: Box<str>,
    /// The format's code character.
    code: u8,
    itemsize: usize,
    shape: Box<[usize]>,
    strides: Box<[isize]>,
    readonly: bool,
    released: Cell<bool>,
    hash: Cell<isize>,
}

impl PyPayload for MemoryView {
    fn static_type() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

/// Runs `read` on the exporter's current bytes.
fn with_source<R>(source: &PyObject, read: impl FnOnce(&[u8]) -> R) -> R {
    if let Some(data) = crate::bytes::as_bytes(source) {
        return read(data);
    }
    if let Some(array) = source.downcast_ref::<crate::bytearray::ByteArray>() {
        return array.with_data(read);
    }
    read(&[])
}

impl MemoryView {
    /// A one-dimensional unsigned-byte view of a whole `bytes` or `bytearray`.
    fn whole(source: &PyObject) -> Option<MemoryView> {
        let readonly = if crate::bytes::as_bytes(source).is_some() {
            true
        } else if source.payload_is::<crate::bytearray::ByteArray>() {
            false
        } else {
            return None;
        };
        let len = with_source(source, <[u8]>::len);
        Some(MemoryView {
            source: source.new_ref(),
            offset: 0,
            format: "B".into(),
            code: b'B',
            itemsize: 1,
            shape: vec![len].into(),
            strides: vec![1].into(),
            readonly,
            released: Cell::new(false),
            hash: Cell::new(-1),
        })
    }

    fn copy(&self) -> MemoryView {
        MemoryView {
            source: self.source.clone(),
            offset: self.offset,
            format: self.format.clone(),
            code: self.code,
            itemsize: self.itemsize,
            shape: self.shape.clone(),
            strides: self.strides.clone(),
            readonly: self.readonly,
            released: Cell::new(false),
            hash: Cell::new(-1),
        }
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn item_count(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.item_count() * self.itemsize
    }

    /// The byte offsets of all items, in C (row-major) order.
    fn item_offsets(&self) -> Vec<isize> {
        let mut offsets = vec![self.offset];
        for (&extent, &stride) in self.shape.iter().zip(self.strides.iter()) {
            offsets = offsets
                .iter()
                .flat_map(|&base| (0..extent).map(move |i| base + i as isize * stride))
                .collect();
        }
        offsets
    }

    fn is_c_contiguous(&self) -> bool {
        if self.item_count() == 0 {
            return true;
        }
        let mut expected = self.itemsize as isize;
        for (&extent, &stride) in self.shape.iter().zip(self.strides.iter()).rev() {
            if extent > 1 && stride != expected {
                return false;
            }
            expected *= extent as isize;
        }
        true
    }

    fn is_f_contiguous(&self) -> bool {
        if self.item_count() == 0 {
            return true;
        }
        let mut expected = self.itemsize as isize;
        for (&extent, &stride) in self.shape.iter().zip(self.strides.iter()) {
            if extent > 1 && stride != expected {
                return false;
            }
            expected *= extent as isize;
        }
        true
    }

    /// The bytes of the item at `offset` (zeros where the exporter has shrunk).
    fn item_bytes(&self, data: &[u8], offset: isize) -> [u8; 8] {
        let mut bytes = [0u8; 8];
        if offset >= 0 {
            let start = offset as usize;
            if let Some(source) = data.get(start..start + self.itemsize) {
                bytes[..self.itemsize].copy_from_slice(source);
            }
        }
        bytes
    }

    fn read_value(&self, offset: isize) -> ItemValue {
        let bytes = with_source(&self.source, |data| self.item_bytes(data, offset));
        struct_format::unpack_item(self.code, Layout::NATIVE, &bytes[..self.itemsize])
    }

    fn values(&self) -> Vec<ItemValue> {
        let offsets = self.item_offsets();
        with_source(&self.source, |data| {
            offsets
                .iter()
                .map(|&offset| {
                    let bytes = self.item_bytes(data, offset);
                    struct_format::unpack_item(self.code, Layout::NATIVE, &bytes[..self.itemsize])
                })
                .collect()
        })
    }

    /// The items' bytes in C order (`tobytes`).
    fn read(&self) -> Vec<u8> {
        let offsets = self.item_offsets();
        with_source(&self.source, |data| {
            if self.is_c_contiguous() && self.offset >= 0 {
                let start = self.offset as usize;
                if let Some(bytes) = data.get(start..start + self.nbytes()) {
                    return bytes.to_vec();
                }
            }
            let mut out = Vec::with_capacity(self.nbytes());
            for offset in offsets {
                out.extend_from_slice(&self.item_bytes(data, offset)[..self.itemsize]);
            }
            out
        })
    }

    /// Copies `bytes` over the exporter's bytes at `offset`.
    fn write_bytes(&self, offset: isize, bytes: &[u8]) {
        if let Some(array) = self.source.downcast_ref::<crate::bytearray::ByteArray>()
            && offset >= 0
        {
            array.modify(|data| {
                let start = offset as usize;
                if let Some(target) = data.get_mut(start..start + bytes.len()) {
                    target.copy_from_slice(bytes);
                }
            });
        }
    }

    fn write_value(&self, ts: &ThreadState, offset: isize, value: &PyObject) -> PyResult<()> {
        let mut bytes = [0u8; 8];
        struct_format::memoryview_pack(ts, self.code, value, &mut bytes[..self.itemsize])?;
        self.write_bytes(offset, &bytes[..self.itemsize]);
        Ok(())
    }

    /// The offset of the item at `index` along dimension `dim` from `base`.
    fn step_to(&self, base: isize, dim: usize, index: isize) -> PyResult<isize> {
        let extent = self.shape[dim] as isize;
        let index = if index < 0 { index + extent } else { index };
        if index < 0 || index >= extent {
            return Err(PyErr::new(
                ExceptionKind::IndexError,
                format!("index out of bounds on dimension {}", dim + 1),
            ));
        }
        Ok(base + index * self.strides[dim])
    }
}

fn released_error() -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        "operation forbidden on released memoryview object",
    )
}

fn view(object: &PyObject) -> PyResult<&MemoryView> {
    let view = object
        .downcast_ref::<MemoryView>()
        .map(|view| view.payload())
        .ok_or_else(|| PyErr::type_error("a memoryview is required"))?;
    if view.released.get() {
        return Err(released_error());
    }
    Ok(view)
}

/// The bytes a (live) `memoryview` shows, in C order.
pub fn data_of(object: &PyObject) -> Option<Vec<u8>> {
    let view = object.downcast_ref::<MemoryView>()?;
    if view.released.get() {
        return None;
    }
    Some(view.read())
}

/// A buffer description of a bytes-like object (a `memoryview`'s own, or a whole-object
/// `'B'` view of `bytes`/`bytearray`).
fn describe(object: &PyObject) -> PyResult<Option<MemoryView>> {
    if let Some(inner) = object.downcast_ref::<MemoryView>() {
        if inner.released.get() {
            return Err(released_error());
        }
        return Ok(Some(inner.payload().copy()));
    }
    Ok(MemoryView::whole(object))
}

fn into_object(ts: &ThreadState, view: MemoryView) -> PyRef {
    Py::new(ts, view).into_ref()
}

fn memoryview_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let parsed = crate::stringlib::parse_args("memoryview", args, kwnames, &["object"], 0, 1)?;
    let object = parsed.required(0);
    match describe(object)? {
        Some(view) => Ok(into_object(ts, view)),
        None => Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            object.ob_type().name()
        ))),
    }
}

fn memoryview_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let released = object
        .downcast_ref::<MemoryView>()
        .is_some_and(|view| view.released.get());
    let text = format!(
        "<{}memory at {:p}>",
        if released { "released " } else { "" },
        object.as_ptr()
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

fn memoryview_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    let view = view(object)?;
    view.shape
        .first()
        .copied()
        .ok_or_else(|| PyErr::type_error("0-dim memory has no length"))
}

fn memoryview_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let view = view(object)?;
    match view.ndim() {
        0 => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        1 => {
            let offset = view.step_to(view.offset, 0, index)?;
            Ok(view.read_value(offset).to_object(ts))
        }
        _ => Err(PyErr::new(
            ExceptionKind::NotImplementedError,
            "multi-dimensional sub-views are not implemented",
        )),
    }
}

/// What a subscript key selects.
enum Key {
    Index(isize),
    Slice,
    /// A tuple of indices.
    Indices(Vec<isize>),
    /// A tuple of slices.
    Slices,
}

fn classify_key(ts: &ThreadState, key: &PyObject) -> PyResult<Option<Key>> {
    if key.payload_is::<crate::slice::Slice>() {
        return Ok(Some(Key::Slice));
    }
    if let Some(index) = crate::abstract_api::index_for_subscript(ts, key)? {
        return Ok(Some(Key::Index(index)));
    }
    if key.payload_is::<crate::tuple::Tuple>() {
        let items = crate::tuple::items(key);
        if items
            .iter()
            .all(|item| item.ob_type().number.index.get().is_some())
        {
            let mut indices = Vec::with_capacity(items.len());
            for item in items {
                let index = crate::abstract_api::index_for_subscript(ts, item)?;
                indices.push(index.unwrap_or(0));
            }
            return Ok(Some(Key::Indices(indices)));
        }
        if items
            .iter()
            .all(|item| item.payload_is::<crate::slice::Slice>())
        {
            return Ok(Some(Key::Slices));
        }
    }
    Ok(None)
}

fn invalid_key() -> PyErr {
    PyErr::type_error("memoryview: invalid slice key")
}

/// The offset of the item a full multi-index names.
fn multi_index_offset(view: &MemoryView, indices: &[isize]) -> PyResult<isize> {
    if indices.len() < view.ndim() {
        return Err(PyErr::new(
            ExceptionKind::NotImplementedError,
            "sub-views are not implemented",
        ));
    }
    if indices.len() > view.ndim() {
        return Err(PyErr::type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            view.ndim(),
            indices.len()
        )));
    }
    let mut offset = view.offset;
    for (dim, &index) in indices.iter().enumerate() {
        offset = view.step_to(offset, dim, index)?;
    }
    Ok(offset)
}

fn is_zero_dim_key(key: &PyObject) -> bool {
    key.is(&crate::singletons::ellipsis())
        || (key.payload_is::<crate::tuple::Tuple>() && crate::tuple::items(key).is_empty())
}

fn memoryview_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let view = view(object)?;
    if view.ndim() == 0 {
        if key.is(&crate::singletons::ellipsis()) {
            return Ok(object.new_ref());
        }
        if is_zero_dim_key(key) {
            return Ok(view.read_value(view.offset).to_object(ts));
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    match classify_key(ts, key)? {
        Some(Key::Index(index)) => memoryview_item(ts, object, index),
        Some(Key::Slice) => {
            let Some(slice) = key.downcast_ref::<crate::slice::Slice>() else {
                return Err(invalid_key());
            };
            let (start, _stop, step, length) = slice.indices(ts, view.shape[0])?;
            let mut sliced = view.copy();
            sliced.offset = view.offset + start as isize * view.strides[0];
            sliced.shape[0] = length;
            sliced.strides[0] = view.strides[0] * step as isize;
            Ok(into_object(ts, sliced))
        }
        Some(Key::Indices(indices)) => {
            let offset = multi_index_offset(view, &indices)?;
            Ok(view.read_value(offset).to_object(ts))
        }
        Some(Key::Slices) => Err(PyErr::new(
            ExceptionKind::NotImplementedError,
            "multi-dimensional slicing is not implemented",
        )),
        None => Err(invalid_key()),
    }
}

fn memoryview_ass_subscript(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let view = view(object)?;
    if view.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    if view.ndim() == 0 {
        if is_zero_dim_key(key) {
            return view.write_value(ts, view.offset, value);
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    match classify_key(ts, key)? {
        Some(Key::Index(index)) => {
            if view.ndim() > 1 {
                return Err(PyErr::new(
                    ExceptionKind::NotImplementedError,
                    "sub-views are not implemented",
                ));
            }
            let offset = view.step_to(view.offset, 0, index)?;
            view.write_value(ts, offset, value)
        }
        Some(Key::Slice) => {
            if view.ndim() > 1 {
                return Err(slice_assignment_ndim());
            }
            let Some(slice) = key.downcast_ref::<crate::slice::Slice>() else {
                return Err(invalid_key());
            };
            let Some(source) = describe(value)? else {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    value.ob_type().name()
                )));
            };
            let (start, _stop, step, length) = slice.indices(ts, view.shape[0])?;
            let same_format = source.code == view.code && source.itemsize == view.itemsize;
            if !same_format || source.ndim() != 1 || source.shape[0] != length {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            // read everything first: the source may share the exporter
            let data = source.read();
            for (i, item) in data.chunks(view.itemsize).enumerate() {
                let offset =
                    view.offset + (start as isize + i as isize * step as isize) * view.strides[0];
                view.write_bytes(offset, item);
            }
            Ok(())
        }
        Some(Key::Indices(indices)) => {
            let offset = multi_index_offset(view, &indices)?;
            view.write_value(ts, offset, value)
        }
        Some(Key::Slices) => Err(slice_assignment_ndim()),
        None => Err(invalid_key()),
    }
}

fn slice_assignment_ndim() -> PyErr {
    PyErr::new(
        ExceptionKind::NotImplementedError,
        "memoryview slice assignments are currently restricted to ndim = 1",
    )
}

fn memoryview_richcompare(
    _ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let released = |o: &PyObject| {
        o.downcast_ref::<MemoryView>()
            .is_some_and(|view| view.released.get())
    };
    if released(a) || released(b) {
        return Ok(crate::bool::bool_ref((op == CompareOp::Eq) == a.is(b)));
    }
    let (Some(left), Some(right)) = (describe(a)?, describe(b)?) else {
        return Ok(not_implemented());
    };
    let equal = left.shape == right.shape && {
        let (left, right) = (left.values(), right.values());
        left.iter().zip(&right).all(|(x, y)| x.equals(*y))
    };
    Ok(crate::bool::bool_ref((op == CompareOp::Eq) == equal))
}

fn memoryview_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let view = view(object)?;
    if view.hash.get() != -1 {
        return Ok(view.hash.get());
    }
    if !view.readonly {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "cannot hash writable memoryview object",
        ));
    }
    if !matches!(view.code, b'B' | b'b' | b'c') {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    view.hash.set(crate::pyhash::hash_bytes(&view.read()));
    Ok(view.hash.get())
}

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn method_tobytes(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("tobytes", args, kw, &["order"], 0, 0)?;
    let view = view(this)?;
    if let Some(order) = parsed.get(0)
        && !crate::singletons::is_none(order)
    {
        let text = crate::str::as_str_payload(order).map(|text| text.to_string_lossy());
        if !matches!(text.as_deref(), Some("C" | "F" | "A")) {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "order must be 'C', 'F' or 'A'",
            ));
        }
    }
    Ok(crate::bytes::from_vec(ts, view.read()))
}

/// The nested lists of `values` (C order) for `shape`.
fn nested_list(
    ts: &ThreadState,
    shape: &[usize],
    values: &mut std::slice::Iter<'_, ItemValue>,
) -> PyRef {
    let items = match shape {
        [] => {
            return values
                .next()
                .map_or_else(crate::singletons::none, |v| v.to_object(ts));
        }
        [extent] => values
            .by_ref()
            .take(*extent)
            .map(|value| value.to_object(ts))
            .collect(),
        [extent, rest @ ..] => (0..*extent)
            .map(|_| nested_list(ts, rest, values))
            .collect(),
    };
    crate::list::new(ts, items).into_ref()
}

fn method_tolist(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("memoryview.tolist", args, kw, &[], 0, 0)?;
    let view = view(this)?;
    let values = view.values();
    Ok(nested_list(ts, &view.shape, &mut values.iter()))
}

fn method_hex(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let data = view(this)?.read();
    crate::bytes_methods::hex_common(ts, &data, args, kw)
}

fn method_release(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("memoryview.release", args, kw, &[], 0, 0)?;
    if let Some(view) = this.downcast_ref::<MemoryView>() {
        view.released.set(true);
    }
    Ok(crate::singletons::none())
}

fn method_toreadonly(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    crate::stringlib::parse_args("memoryview.toreadonly", args, kw, &[], 0, 0)?;
    let mut copy = view(this)?.copy();
    copy.readonly = true;
    Ok(into_object(ts, copy))
}

fn element_error() -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        "memoryview.cast(): elements of shape must be integers > 0",
    )
}

fn cast_shape(shape: &PyObject) -> PyResult<Vec<usize>> {
    let items: Vec<PyRef> = if shape.payload_is::<crate::tuple::Tuple>() {
        crate::tuple::items(shape).to_vec()
    } else if let Some(list) = shape.downcast_ref::<crate::list::List>() {
        (0..list.len()).filter_map(|i| list.get(i)).collect()
    } else {
        return Err(PyErr::type_error("shape must be a list or a tuple"));
    };
    if items.len() > MAX_NDIM {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "memoryview: number of dimensions must not exceed 64",
        ));
    }
    items
        .iter()
        .map(|item| {
            let Some(int) = item.downcast_ref::<crate::int::Int>() else {
                return Err(PyErr::type_error(
                    "memoryview.cast(): elements of shape must be integers",
                ));
            };
            let Some(value) = int.as_i64() else {
                return Err(element_error());
            };
            if value <= 0 {
                return Err(element_error());
            }
            Ok(value as usize)
        })
        .collect()
}

fn method_cast(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("cast", args, kw, &["format", "shape"], 0, 1)?;
    let view = view(this)?;
    let format = parsed.required(0);
    let Some(format) = crate::str::as_str_payload(format) else {
        return Err(PyErr::type_error(format!(
            "cast() argument 'format' must be str, not {}",
            format.ob_type().name()
        )));
    };
    if !view.is_c_contiguous() {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let shape = parsed.get(1);
    if (shape.is_some() || view.ndim() != 1) && view.shape.contains(&0) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast view with zeros in shape or strides",
        ));
    }
    let shape = match shape {
        Some(shape) => {
            let dims = cast_shape_checked(ts, view, shape)?;
            Some(dims)
        }
        None => None,
    };
    let format = format.to_string_lossy();
    let code = match format.as_bytes() {
        [code] | [b'@', code] if struct_format::is_native_single_code(*code) => *code,
        _ => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "memoryview: destination format must be a native single character format \
                 prefixed with an optional '@'",
            ));
        }
    };
    let is_byte = |code: u8| matches!(code, b'B' | b'b' | b'c');
    if !is_byte(code) && !is_byte(view.code) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let (itemsize, _) = struct_format::item_layout(code, true).unwrap_or((1, 1));
    let nbytes = view.nbytes();
    if nbytes % itemsize != 0 {
        return Err(PyErr::type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let shape = match shape {
        Some(dims) => {
            let product = dims.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d));
            if product.and_then(|p| p.checked_mul(itemsize)) != Some(nbytes) {
                return Err(PyErr::type_error(
                    "memoryview: product(shape) * itemsize != buffer size",
                ));
            }
            dims
        }
        None => vec![nbytes / itemsize],
    };
    let mut strides = vec![itemsize as isize; shape.len()];
    for dim in (0..shape.len().saturating_sub(1)).rev() {
        strides[dim] = strides[dim + 1] * shape[dim + 1] as isize;
    }
    let mut cast = view.copy();
    cast.format = format.into();
    cast.code = code;
    cast.itemsize = itemsize;
    cast.shape = shape.into();
    cast.strides = strides.into();
    Ok(into_object(ts, cast))
}

fn cast_shape_checked(
    ts: &ThreadState,
    view: &MemoryView,
    shape: &PyObject,
) -> PyResult<Vec<usize>> {
    let is_sequence =
        shape.payload_is::<crate::tuple::Tuple>() || shape.payload_is::<crate::list::List>();
    if !is_sequence {
        return Err(PyErr::type_error("shape must be a list or a tuple"));
    }
    let length = crate::abstract_api::len(ts, shape)?;
    if length > MAX_NDIM {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "memoryview: number of dimensions must not exceed 64",
        ));
    }
    if view.ndim() != 1 && length != 1 {
        return Err(PyErr::type_error(
            "memoryview: cast must be 1D -> ND or ND -> 1D",
        ));
    }
    cast_shape(shape)
}

fn method_enter(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("memoryview.__enter__", args, kw, &[], 0, 0)?;
    view(this)?;
    Ok(this.new_ref())
}

fn method_exit(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    if let Some(view) = this.downcast_ref::<MemoryView>() {
        view.released.set(true);
    }
    Ok(crate::singletons::none())
}

/// The items of a one-dimensional view, for `count` and `index`.
fn lookup_items(ts: &ThreadState, this: &PyObject) -> PyResult<Vec<PyRef>> {
    let view = view(this)?;
    if view.ndim() == 0 {
        return Err(PyErr::type_error("invalid lookup on 0-dim memory"));
    }
    if view.ndim() > 1 {
        return Err(PyErr::new(
            ExceptionKind::NotImplementedError,
            "multi-dimensional lookup is not implemented",
        ));
    }
    Ok(view
        .values()
        .into_iter()
        .map(|value| value.to_object(ts))
        .collect())
}

fn method_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = crate::stringlib::parse_args("count", args, kw, &["value"], 1, 1)?;
    let target = parsed.required(0);
    let mut count = 0;
    for item in lookup_items(ts, this)? {
        if item.rich_compare_bool(ts, target, CompareOp::Eq)? {
            count += 1;
        }
    }
    Ok(crate::int::new(ts, count))
}

fn method_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed =
        crate::stringlib::parse_args("index", args, kw, &["value", "start", "stop"], 3, 1)?;
    let target = parsed.required(0);
    let items = lookup_items(ts, this)?;
    let length = items.len() as i64;
    let bound = |position: Option<&PyObject>, default: i64| -> PyResult<usize> {
        let Some(position) = position else {
            return Ok(default as usize);
        };
        let value = crate::abstract_api::index(ts, position)?;
        let value = crate::int::as_i64(&value).unwrap_or(i64::MAX);
        let value = if value < 0 {
            (value + length).max(0)
        } else {
            value.min(length)
        };
        Ok(value as usize)
    };
    let start = bound(parsed.get(1), 0)?;
    let stop = bound(parsed.get(2), length)?;
    for (position, item) in items.iter().enumerate().take(stop).skip(start) {
        if item.rich_compare_bool(ts, target, CompareOp::Eq)? {
            return Ok(crate::int::new(ts, position as i64));
        }
    }
    Err(PyErr::new(
        ExceptionKind::ValueError,
        "memoryview.index(x): x not found",
    ))
}

fn get_obj(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(view(this)?.source.clone())
}

fn get_nbytes(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, view(this)?.nbytes() as i64))
}

fn get_readonly(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(view(this)?.readonly))
}

fn get_itemsize(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, view(this)?.itemsize as i64))
}

fn get_ndim(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, view(this)?.ndim() as i64))
}

fn get_format(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::str::new(ts, &view(this)?.format).into_ref())
}

fn int_tuple(ts: &ThreadState, values: impl Iterator<Item = i64>) -> PyRef {
    let items = values.map(|value| crate::int::new(ts, value)).collect();
    crate::tuple::new(ts, items).into_ref()
}

fn get_shape(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(int_tuple(
        ts,
        view(this)?.shape.iter().map(|&extent| extent as i64),
    ))
}

fn get_strides(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(int_tuple(
        ts,
        view(this)?.strides.iter().map(|&stride| stride as i64),
    ))
}

fn get_suboffsets(ts: &ThreadState, this: &PyObject) -> PyResult {
    view(this)?;
    Ok(int_tuple(ts, std::iter::empty()))
}

fn get_c_contiguous(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(view(this)?.is_c_contiguous()))
}

fn get_f_contiguous(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(view(this)?.is_f_contiguous()))
}

fn get_contiguous(_ts: &ThreadState, this: &PyObject) -> PyResult {
    let view = view(this)?;
    Ok(crate::bool::bool_ref(
        view.is_c_contiguous() || view.is_f_contiguous(),
    ))
}

/// Fills `memoryview`'s dict.
pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &MEMORYVIEW_TYPE,
        &[
            ("tobytes", method_tobytes),
            ("tolist", method_tolist),
            ("hex", method_hex),
            ("release", method_release),
            ("cast", method_cast),
            ("toreadonly", method_toreadonly),
            ("count", method_count),
            ("index", method_index),
            ("__enter__", method_enter),
            ("__exit__", method_exit),
        ],
    );
    crate::descr::add_getsets(
        ts,
        &MEMORYVIEW_TYPE,
        &[
            ("obj", get_obj, None),
            ("nbytes", get_nbytes, None),
            ("readonly", get_readonly, None),
            ("itemsize", get_itemsize, None),
            ("ndim", get_ndim, None),
            ("format", get_format, None),
            ("shape", get_shape, None),
            ("strides", get_strides, None),
            ("suboffsets", get_suboffsets, None),
            ("contiguous", get_contiguous, None),
            ("c_contiguous", get_c_contiguous, None),
            ("f_contiguous", get_f_contiguous, None),
        ],
    );
}

pub static MEMORYVIEW_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<MemoryView>("memoryview", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(memoryview_repr),
            hash: Slot::new(memoryview_hash),
            richcompare: Slot::new(memoryview_richcompare),
            new: Slot::new(memoryview_new),
            ..crate::typeobject::object_slots()
        })
        .with_sequence(SequenceSlots {
            length: Slot::new(memoryview_length),
            item: Slot::new(memoryview_item),
            ..SequenceSlots::EMPTY
        })
        .with_mapping(MappingSlots {
            length: Slot::new(memoryview_length),
            subscript: Slot::new(memoryview_subscript),
            ass_subscript: Slot::new(memoryview_ass_subscript),
        }),
);

/// The length of a writable contiguous buffer (a `bytearray`, or a writable
/// C-contiguous `memoryview`), or the `TypeError` CPython's `PyObject_GetBuffer(...,
/// PyBUF_WRITABLE)` callers give.
pub fn writable_len(object: &PyObject) -> PyResult<usize> {
    if let Some(array) = object.downcast_ref::<crate::bytearray::ByteArray>() {
        return Ok(array.len());
    }
    if let Some(view) = object.downcast_ref::<MemoryView>() {
        if view.released.get() {
            return Err(released_error());
        }
        if !view.readonly && view.is_c_contiguous() {
            return Ok(view.nbytes());
        }
    }
    Err(PyErr::type_error(format!(
        "argument must be read-write bytes-like object, not {}",
        object.ob_type().name()
    )))
}

/// Writes `data` at byte `offset` of a buffer `writable_len` accepted.
pub fn write_at(object: &PyObject, offset: usize, data: &[u8]) {
    if let Some(array) = object.downcast_ref::<crate::bytearray::ByteArray>() {
        array.modify(|bytes| {
            if let Some(target) = bytes.get_mut(offset..offset + data.len()) {
                target.copy_from_slice(data);
            }
        });
    } else if let Some(view) = object.downcast_ref::<MemoryView>() {
        view.write_bytes(view.offset + offset as isize, data);
    }
}
