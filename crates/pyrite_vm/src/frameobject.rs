//! Frame objects: the Python-visible view of an interpreter frame, made only when asked
//! for (`sys._getframe()`, a traceback entry, `gi_frame`). While the frame runs or is
//! suspended in its generator, the object points at it; when the frame completes (or
//! its generator drops it), the object takes the frame's data over and keeps it until
//! `clear()` or its own end.
//!
//! CPython counterpart: `Objects/frameobject.c` (`frame_getlineno`, `frame_getback`,
//! `frame_repr`, `frame_clear`, the `f_trace*` members, `frame_lineno_set_impl`'s
//! errors) and `Python/frame.c` (`take_ownership`).

use std::cell::{Cell, OnceCell, RefCell};

use pyrite_objects::code::Code;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, bool as pybool,
    singletons, str as pystr,
};

use crate::frame::{Frame, FrameState};

/// The payload of `frame` objects (CPython's `PyFrameObject`).
pub struct FrameObject {
    /// The interpreter frame while it runs or is suspended; null once taken over.
    live: Cell<*const Frame>,
    /// The frame's data after it completed (`take_ownership`).
    owned: OnceCell<Frame>,
    /// `f_back` fixed when the frame completed.
    back: RefCell<Option<PyRef>>,
    /// Names a `FrameLocalsProxy` stored that are not locals (`f_extra_locals`).
    pub(crate) extra_locals: RefCell<Option<PyRef>>,
    pub(crate) trace: RefCell<Option<PyRef>>,
    pub(crate) trace_lines: Cell<bool>,
    pub(crate) trace_opcodes: Cell<bool>,
}

impl PyPayload for FrameObject {
    fn static_type() -> &'static PyType {
        &FRAME_TYPE
    }
}

/// A frame object for `frame`, which is running or suspended in its generator.
pub(crate) fn new_live(ts: &ThreadState, frame: &Frame) -> PyRef {
    Py::new(
        ts,
        FrameObject {
            live: Cell::new(frame),
            owned: OnceCell::new(),
            back: RefCell::new(None),
            extra_locals: RefCell::new(None),
            trace: RefCell::new(None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
        },
    )
    .into_ref()
}

/// `frame` is going away: its frame object keeps the code, namespaces, position and
/// locals (the value stack is dropped), with `back` as its `f_back`.
pub(crate) fn take_over(frame_object: &PyObject, frame: &Frame, back: Option<PyRef>) {
    let Some(object) = frame_object.downcast_ref::<FrameObject>() else {
        return;
    };
    let mut localsplus = frame.take_localsplus();
    let stack = localsplus.split_off(frame.code.nlocalsplus.min(localsplus.len()));
    let owned = frame.completed_copy(localsplus);
    object.live.set(std::ptr::null());
    let _ = object.owned.set(owned);
    let old = object.back.replace(back);
    drop(old);
    drop(stack);
}

impl FrameObject {
    /// The interpreter frame, live or owned; `None` never happens for a well-formed
    /// object (one of the two is always set).
    pub(crate) fn frame(&self) -> Option<&Frame> {
        if let Some(owned) = self.owned.get() {
            return Some(owned);
        }
        // SAFETY: `live` is non-null only while the frame exists: it is set when the
        // object is made for a frame on the chain or owned by a generator, and nulled
        // (by `take_over`) before that frame completes or is dropped. Callers use the
        // reference only inside the small accessors below, which run no Python code,
        // so the frame cannot go away while it is in use.
        unsafe { self.live.get().as_ref() }
    }

    pub fn code(&self) -> Option<Py<Code>> {
        self.frame().map(|frame| frame.code.clone())
    }

    fn globals(&self) -> Option<PyRef> {
        self.frame().map(|frame| frame.globals.clone())
    }

    fn builtins(&self) -> Option<PyRef> {
        self.frame().map(|frame| frame.builtins.clone())
    }

    /// The locals mapping of module and class frames (exec'd code too).
    pub(crate) fn namespace(&self) -> Option<PyRef> {
        self.frame().and_then(|frame| frame.locals.clone())
    }

    pub fn instr_index(&self) -> usize {
        self.frame().map_or(0, |frame| frame.instr_index.get())
    }

    pub(crate) fn state(&self) -> FrameState {
        self.frame()
            .map_or(FrameState::Completed, |frame| frame.state.get())
    }

    pub fn line(&self) -> Option<i32> {
        let frame = self.frame()?;
        frame.code.line_at(frame.instr_index.get())
    }

    pub(crate) fn local(&self, index: usize) -> Option<PyRef> {
        self.frame().and_then(|frame| frame.local(index))
    }

    /// Stores a local; the old value comes back for the caller to drop.
    pub(crate) fn replace_local(&self, index: usize, value: Option<PyRef>) -> Option<PyRef> {
        match self.frame() {
            Some(frame) => frame.replace_local(index, value),
            None => value,
        }
    }

    fn generator(&self) -> Option<PyRef> {
        if self.owned.get().is_some() {
            return None;
        }
        self.frame().and_then(Frame::generator)
    }

    /// `f_back`: the caller's frame object while running, the one recorded at
    /// completion afterwards.
    fn back(&self, ts: &ThreadState) -> Option<PyRef> {
        if let Some(back) = self.back.borrow().as_ref() {
            return Some(back.clone());
        }
        if self.owned.get().is_some() {
            return None;
        }
        let frame = self.frame()?;
        let previous = frame.previous()?;
        Some(crate::frame::frame_object_of(ts, previous))
    }
}

/// The frame object behind `object`.
pub(crate) fn frame_of(object: &PyObject) -> PyResult<&FrameObject> {
    object
        .downcast_ref::<FrameObject>()
        .map(|frame| frame.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'frame' object"))
}

fn optional_int(ts: &ThreadState, value: Option<i32>) -> PyRef {
    match value {
        Some(value) => pyrite_objects::int::new(ts, i64::from(value)),
        None => singletons::none(),
    }
}

fn f_code(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?
        .code()
        .map_or_else(singletons::none, |code| code.as_object().new_ref()))
}

fn f_lineno(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional_int(ts, frame_of(object)?.line()))
}

fn set_f_lineno(ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    crate::frame_jump::set_lineno(ts, object, value)
}

fn f_lasti(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pyrite_objects::int::new(
        ts,
        (frame_of(object)?.instr_index() * 2) as i64,
    ))
}

fn f_back(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?.back(ts).unwrap_or_else(singletons::none))
}

fn f_globals(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?.globals().unwrap_or_else(singletons::none))
}

fn f_builtins(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?
        .builtins()
        .unwrap_or_else(singletons::none))
}

/// `f_locals`: the namespace of module and class frames, a `FrameLocalsProxy` for
/// function frames (PEP 667).
fn f_locals(ts: &ThreadState, object: &PyObject) -> PyResult {
    let frame = frame_of(object)?;
    if let Some(code) = frame.code()
        && code.code.co_flags & pyrite_bytecode::CodeFlags::OPTIMIZED == 0
        && let Some(namespace) = frame.namespace()
        && !crate::framelocalsproxy::has_hidden_locals(&code, |index| frame.local(index))
    {
        return Ok(namespace);
    }
    Ok(crate::framelocalsproxy::new(ts, object.new_ref()))
}

fn f_generator(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?
        .generator()
        .unwrap_or_else(singletons::none))
}

fn f_trace(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(frame_of(object)?
        .trace
        .borrow()
        .clone()
        .unwrap_or_else(singletons::none))
}

fn set_f_trace(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let value = value
        .filter(|value| !singletons::is_none(value))
        .map(PyObject::new_ref);
    let frame = frame_of(object)?;
    let enable_opcodes = value.is_some() && frame.trace_opcodes.get();
    let old = frame.trace.replace(value);
    drop(old);
    if enable_opcodes && let Some(code) = frame.code() {
        crate::legacy_tracing::set_opcode_events(&code, true);
    }
    Ok(())
}

fn bool_member(value: Option<&PyObject>) -> PyResult<bool> {
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete numeric/char attribute"));
    };
    if !value.is_exact_type(&pybool::BOOL_TYPE) {
        return Err(PyErr::type_error("attribute value type must be bool"));
    }
    Ok(value.is(&pybool::bool_ref(true)))
}

fn f_trace_lines(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pybool::bool_ref(frame_of(object)?.trace_lines.get()))
}

fn set_f_trace_lines(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let frame = frame_of(object)?;
    frame.trace_lines.set(bool_member(value)?);
    Ok(())
}

fn f_trace_opcodes(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pybool::bool_ref(frame_of(object)?.trace_opcodes.get()))
}

fn set_f_trace_opcodes(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let frame = frame_of(object)?;
    let enable = bool_member(value)?;
    frame.trace_opcodes.set(enable);
    // Opcode events are switched per code object; on only once the frame has a tracer.
    if (!enable || frame.trace.borrow().is_some())
        && let Some(code) = frame.code()
    {
        crate::legacy_tracing::set_opcode_events(&code, enable);
    }
    Ok(())
}

/// `frame.clear()`: drops the locals of a completed frame; an unstarted generator's
/// frame closes its generator (CPython's `frame_clear`).
fn frame_clear(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "frame.clear() takes no arguments ({} given)",
            args.len()
        )));
    }
    let frame = frame_of(this)?;
    match frame.state() {
        FrameState::Executing => {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "cannot clear an executing frame",
            ));
        }
        FrameState::Suspended => {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "cannot clear a suspended frame",
            ));
        }
        FrameState::Created => {
            if let Some(generator) = frame.generator() {
                crate::genobject::clear_unstarted(ts, &generator);
            }
        }
        FrameState::Completed => {}
    }
    if let Some(owned) = frame.owned.get() {
        let dropped = owned.take_localsplus();
        let extra = frame.extra_locals.borrow_mut().take();
        drop(dropped);
        drop(extra);
    }
    Ok(singletons::none())
}

fn frame_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let frame = frame_of(object)?;
    let (filename, name) = match frame.code() {
        Some(code) => (
            code.filename.clone(),
            code.code.co_name.to_string_lossy().into_owned(),
        ),
        None => (pystr::new(ts, "").into_ref(), String::new()),
    };
    let line = frame
        .line()
        .map_or_else(|| "None".to_owned(), |line| line.to_string());
    let text = format!(
        "<frame at {:p}, file {}, line {line}, code {name}>",
        object.as_ptr(),
        pystr::repr_text(ts, &filename)?
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn frame_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(frame) = object.downcast_ref::<FrameObject>() else {
        return;
    };
    if let Some(back) = frame.back.borrow().as_ref() {
        visit(back);
    }
    if let Some(extra) = frame.extra_locals.borrow().as_ref() {
        visit(extra);
    }
    if let Some(trace) = frame.trace.borrow().as_ref() {
        visit(trace);
    }
    if let Some(owned) = frame.owned.get() {
        visit(owned.code.as_object());
        visit(&owned.globals);
        for index in 0..owned.code.nlocalsplus {
            if let Some(value) = owned.local(index) {
                visit(&value);
            }
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
            ("f_lineno", f_lineno, Some(set_f_lineno)),
            ("f_lasti", f_lasti, None),
            ("f_back", f_back, None),
            ("f_globals", f_globals, None),
            ("f_builtins", f_builtins, None),
            ("f_locals", f_locals, None),
            ("f_generator", f_generator, None),
            ("f_trace", f_trace, Some(set_f_trace)),
            ("f_trace_lines", f_trace_lines, Some(set_f_trace_lines)),
            (
                "f_trace_opcodes",
                f_trace_opcodes,
                Some(set_f_trace_opcodes),
            ),
        ],
    );
    pyrite_objects::descr::add_methods(ts, &FRAME_TYPE, &[("clear", frame_clear)]);
}
