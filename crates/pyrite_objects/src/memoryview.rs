//! `memoryview`: one-dimensional views of unsigned bytes (format `'B'`) over `bytes`,
//! `bytearray` or another view.
//!
//! CPython counterpart: `Objects/memoryobject.c` (`memory_new`, `memory_subscript`,
//! `memory_ass_sub`, `memory_tobytes`, `memory_tolist`, `memory_release`,
//! `memory_richcompare`, `memory_hash`). A view keeps its exporter and a (start, step,
//! length) window over the exporter's bytes; reads see the exporter's current contents,
//! as a buffer would. Multi-dimensional views and other formats are not implemented.

use std::cell::Cell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};

/// The payload of `memoryview` objects.
pub struct MemoryView {
    /// The exporter: a `bytes` or `bytearray`.
    source: PyRef,
    start: usize,
    step: isize,
    len: usize,
    released: Cell<bool>,
    hash: Cell<isize>,
}

impl PyPayload for MemoryView {
    fn static_type() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

impl MemoryView {
    fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|i| (self.start as isize + i as isize * self.step) as usize)
    }

    fn read(&self) -> Vec<u8> {
        let data = crate::bytes::bytes_like(&self.source).unwrap_or_default();
        self.positions()
            .filter_map(|at| data.get(at).copied())
            .collect()
    }

    fn readonly(&self) -> bool {
        !self.source.payload_is::<crate::bytearray::ByteArray>()
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

/// The bytes a (live) `memoryview` shows.
pub fn data_of(object: &PyObject) -> Option<Vec<u8>> {
    let view = object.downcast_ref::<MemoryView>()?;
    if view.released.get() {
        return None;
    }
    Some(view.read())
}

fn new_view(ts: &ThreadState, source: PyRef, start: usize, step: isize, len: usize) -> PyRef {
    Py::new(
        ts,
        MemoryView {
            source,
            start,
            step,
            len,
            released: Cell::new(false),
            hash: Cell::new(-1),
        },
    )
    .into_ref()
}

fn memoryview_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let parsed = crate::stringlib::parse_args("memoryview", args, kwnames, &["object"], 0, 1)?;
    let object = parsed.required(0);
    if let Some(inner) = object.downcast_ref::<MemoryView>() {
        let inner = inner.payload();
        if inner.released.get() {
            return Err(released_error());
        }
        return Ok(new_view(
            ts,
            inner.source.clone(),
            inner.start,
            inner.step,
            inner.len,
        ));
    }
    match crate::bytes::bytes_like(object) {
        Some(data) => Ok(new_view(ts, object.new_ref(), 0, 1, data.len())),
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
    Ok(view(object)?.len)
}

fn memoryview_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let view = view(object)?;
    if index < 0 || index as usize >= view.len {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            "index out of bounds on dimension 1",
        ));
    }
    Ok(crate::int::new(ts, i64::from(view.read()[index as usize])))
}

fn memoryview_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let view = view(object)?;
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        let (start, _stop, step, length) = slice.indices(ts, view.len)?;
        let new_start = view.start as isize + start as isize * view.step;
        return Ok(new_view(
            ts,
            view.source.clone(),
            new_start.max(0) as usize,
            view.step * step as isize,
            length,
        ));
    }
    let Some(mut index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    };
    if index < 0 {
        index += view.len as isize;
    }
    memoryview_item(ts, object, index)
}

fn memoryview_ass_subscript(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let view = view(object)?;
    if view.readonly() {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    let Some(array) = view.source.downcast_ref::<crate::bytearray::ByteArray>() else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    let positions: Vec<usize> = view.positions().collect();
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        let selected = slice.positions(ts, view.len)?;
        let data = crate::bytes::require_bytes_like(value)?;
        if data.len() != selected.len() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        array.modify(|bytes| {
            for (&i, byte) in selected.iter().zip(data) {
                if let Some(slot) = bytes.get_mut(positions[i]) {
                    *slot = byte;
                }
            }
        });
        return Ok(());
    }
    let Some(mut index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    };
    if index < 0 {
        index += view.len as isize;
    }
    if index < 0 || index as usize >= view.len {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            "index out of bounds on dimension 1",
        ));
    }
    let byte = if value.payload_is::<crate::int::Int>() {
        match crate::int::as_i64(value).and_then(|v| u8::try_from(v).ok()) {
            Some(byte) => byte,
            None => {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "memoryview: invalid value for format 'B'",
                ));
            }
        }
    } else {
        return Err(PyErr::type_error("memoryview: invalid type for format 'B'"));
    };
    array.modify(|bytes| {
        if let Some(slot) = bytes.get_mut(positions[index as usize]) {
            *slot = byte;
        }
    });
    Ok(())
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
    let (Some(left), Some(right)) = (crate::bytes::bytes_like(a), crate::bytes::bytes_like(b))
    else {
        let released = |o: &PyObject| {
            o.downcast_ref::<MemoryView>()
                .is_some_and(|view| view.released.get())
        };
        if released(a) || released(b) {
            return Ok(crate::bool::bool_ref((op == CompareOp::Eq) == a.is(b)));
        }
        return Ok(not_implemented());
    };
    Ok(crate::bool::bool_ref(
        (op == CompareOp::Eq) == (left == right),
    ))
}

fn memoryview_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let view = view(object)?;
    if !view.readonly() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "cannot hash writable memoryview object",
        ));
    }
    if view.hash.get() == -1 {
        view.hash.set(crate::pyhash::hash_bytes(&view.read()));
    }
    Ok(view.hash.get())
}

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn method_tobytes(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("tobytes", args, kw, &["order"], 0, 0)?;
    Ok(crate::bytes::from_vec(ts, view(this)?.read()))
}

fn method_tolist(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::stringlib::parse_args("memoryview.tolist", args, kw, &[], 0, 0)?;
    let items = view(this)?
        .read()
        .into_iter()
        .map(|byte| crate::int::new(ts, i64::from(byte)))
        .collect();
    Ok(crate::list::new(ts, items).into_ref())
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
    if format.to_string_lossy() != "B" {
        return Err(PyErr::new(
            ExceptionKind::NotImplementedError,
            "memoryview: only the 'B' format is supported",
        ));
    }
    Ok(new_view(
        ts,
        view.source.clone(),
        view.start,
        view.step,
        view.len,
    ))
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

fn get_obj(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(view(this)?.source.clone())
}

fn get_nbytes(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::int::new(ts, view(this)?.len as i64))
}

fn get_readonly(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(view(this)?.readonly()))
}

fn get_itemsize(ts: &ThreadState, this: &PyObject) -> PyResult {
    view(this)?;
    Ok(crate::int::new(ts, 1))
}

fn get_ndim(ts: &ThreadState, this: &PyObject) -> PyResult {
    view(this)?;
    Ok(crate::int::new(ts, 1))
}

fn get_format(ts: &ThreadState, this: &PyObject) -> PyResult {
    view(this)?;
    Ok(crate::str::new(ts, "B").into_ref())
}

fn get_shape(ts: &ThreadState, this: &PyObject) -> PyResult {
    let len = crate::int::new(ts, view(this)?.len as i64);
    Ok(crate::tuple::new(ts, vec![len]).into_ref())
}

fn get_strides(ts: &ThreadState, this: &PyObject) -> PyResult {
    let step = crate::int::new(ts, view(this)?.step as i64);
    Ok(crate::tuple::new(ts, vec![step]).into_ref())
}

fn get_contiguous(_ts: &ThreadState, this: &PyObject) -> PyResult {
    let view = view(this)?;
    Ok(crate::bool::bool_ref(view.step == 1 || view.len <= 1))
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
            ("contiguous", get_contiguous, None),
            ("c_contiguous", get_contiguous, None),
            ("f_contiguous", get_contiguous, None),
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
