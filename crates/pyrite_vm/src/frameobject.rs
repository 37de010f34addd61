//! Frame objects: the Python-visible view of an interpreter frame, made only when asked
//! for (`sys._getframe()`), live while the frame runs and detached (keeping its last
//! position) when it finishes.
//!
//! CPython counterpart: `Objects/frameobject.c` (`frame_getlineno`, `frame_getback`,
//! `frame_repr`, `_PyFrame_ClearExceptCode`'s hand-over of the frame's state).
//! *(Planned: `f_locals` of function frames as PEP 667's `FrameLocalsProxy`, `f_trace`,
//! `clear()`, tracebacks holding frame objects.)*

use std::cell::{Cell, RefCell};

use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, singletons,
    str as pystr,
};

/// The payload of `frame` objects.
pub struct FrameObject {
    code: PyRef,
    globals: PyRef,
    locals: Option<PyRef>,
    back: RefCell<Option<PyRef>>,
    /// While the frame runs: its `instr_index`; null once detached.
    live_index: Cell<*const Cell<usize>>,
    /// The last instruction (code units), kept when the frame finishes.
    final_index: Cell<usize>,
}

impl PyPayload for FrameObject {
    fn static_type() -> &'static PyType {
        &FRAME_TYPE
    }
}

/// A frame object for a running frame whose instruction index lives at `live_index`.
pub(crate) fn new_live(
    ts: &ThreadState,
    code: PyRef,
    globals: PyRef,
    locals: Option<PyRef>,
    back: Option<PyRef>,
    live_index: *const Cell<usize>,
) -> PyRef {
    Py::new(
        ts,
        FrameObject {
            code,
            globals,
            locals,
            back: RefCell::new(back),
            live_index: Cell::new(live_index),
            final_index: Cell::new(0),
        },
    )
    .into_ref()
}

/// The frame finished: the object keeps its last position from now on.
pub(crate) fn detach(frame_object: &PyObject, index: usize) {
    if let Some(frame) = frame_object.downcast_ref::<FrameObject>() {
        frame.final_index.set(index);
        frame.live_index.set(std::ptr::null());
    }
}

impl FrameObject {
    fn instr_index(&self) -> usize {
        let live = self.live_index.get();
        if live.is_null() {
            return self.final_index.get();
        }
        // SAFETY: `live_index` is non-null only while the frame is on the frame stack;
        // its guard detaches this object (nulling the pointer) before the frame drops.
        unsafe { (*live).get() }
    }

    fn line(&self) -> Option<i32> {
        let code = self.code.downcast_ref::<pyrite_objects::code::Code>()?;
        code.line_at(self.instr_index())
    }
}

fn frame_of(object: &PyObject) -> PyResult<&FrameObject> {
    object
        .downcast_ref::<FrameObject>()
        .map(|frame| frame.payload())
        .ok_or_else(|| PyErr::type_error("expected a frame"))
}

fn optional_int(ts: &ThreadState, value: Option<i32>) -> PyRef {
    match value {
        Some(value) => pyrite_objects::int::new(ts, i64::from(value)),
        None => singletons::none(),
    }
}

fn f_code(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?.code.clone())
}

fn f_lineno(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional_int(ts, frame_of(object)?.line()))
}

fn f_lasti(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pyrite_objects::int::new(
        ts,
        (frame_of(object)?.instr_index() * 2) as i64,
    ))
}

fn f_back(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?
        .back
        .borrow()
        .clone()
        .unwrap_or_else(singletons::none))
}

fn f_globals(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?.globals.clone())
}

fn f_builtins(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::ceval::builtins_of(ts, &frame_of(object)?.globals)
}

fn f_locals(ts: &ThreadState, object: &PyObject) -> PyResult {
    match &frame_of(object)?.locals {
        Some(locals) => Ok(locals.clone()),
        None => Ok(pyrite_objects::dict::new(ts).into_ref()),
    }
}

fn f_trace(_ts: &ThreadState, _object: &PyObject) -> PyResult {
    Ok(singletons::none())
}

fn frame_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let frame = frame_of(object)?;
    let (filename, name) = match frame.code.downcast_ref::<pyrite_objects::code::Code>() {
        Some(code) => (
            code.code.co_filename.to_string_lossy().into_owned(),
            code.code.co_name.to_string_lossy().into_owned(),
        ),
        None => (String::new(), String::new()),
    };
    let line = frame
        .line()
        .map_or_else(|| "None".to_owned(), |line| line.to_string());
    let text = format!(
        "<frame at {:p}, file {}, line {line}, code {name}>",
        object.as_ptr(),
        pyrite_ast_repr(&filename)
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn pyrite_ast_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    format!("{quote}{text}{quote}")
}

fn frame_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(frame) = object.downcast_ref::<FrameObject>() {
        visit(&frame.code);
        visit(&frame.globals);
        if let Some(locals) = &frame.locals {
            visit(locals);
        }
        if let Some(back) = frame.back.borrow().as_ref() {
            visit(back);
        }
    }
}

pub static FRAME_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<FrameObject>("frame", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            repr: Slot::new(frame_repr),
            traverse: Slot::new(frame_traverse),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

/// Readies the frame type and fills its dict.
pub fn init(ts: &ThreadState) {
    let _ = FRAME_TYPE.ready(ts);
    pyrite_objects::descr::add_getsets(
        ts,
        &FRAME_TYPE,
        &[
            ("f_code", f_code, None),
            ("f_lineno", f_lineno, None),
            ("f_lasti", f_lasti, None),
            ("f_back", f_back, None),
            ("f_globals", f_globals, None),
            ("f_builtins", f_builtins, None),
            ("f_locals", f_locals, None),
            ("f_trace", f_trace, None),
        ],
    );
}
