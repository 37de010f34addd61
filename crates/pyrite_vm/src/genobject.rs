//! Generators: a suspended frame resumed by `next()`/`send()`, `throw()` and `close()`.
//!
//! CPython counterpart: `Objects/genobject.c` (`gen_send_ex2`, `gen_iternext`,
//! `gen_throw`, `gen_close`, `gen_repr`). The generator owns its frame (CPython embeds
//! the `_PyInterpreterFrame` in the generator object); while it runs, the frame is taken
//! out and pushed on the thread's frame stack like any other.

use std::cell::{Cell, RefCell};

use pyrite_objects::descr::add_methods;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, exceptions,
    singletons, str as pystr,
};

use crate::ceval::{FrameExit, resume_frame};
use crate::frame::{Frame, FrameState};

/// The payload of `generator` objects.
pub struct Generator {
    /// `None` once finished (or while running: see `running`).
    frame: RefCell<Option<Box<Frame>>>,
    /// Where the frame resumes (code units), after its `yield`.
    next_index: Cell<usize>,
    running: Cell<bool>,
    /// Whether it ever ran (a value may only be sent after the first `next()`).
    started: Cell<bool>,
    name: RefCell<PyRef>,
    qualname: RefCell<PyRef>,
    code: PyRef,
}

impl PyPayload for Generator {
    fn static_type() -> &'static PyType {
        &GENERATOR_TYPE
    }
}

/// A generator over `frame`, suspended at `next_index` (after `RETURN_GENERATOR`).
pub fn new_generator(
    ts: &ThreadState,
    frame: Box<Frame>,
    next_index: usize,
    name: PyRef,
    qualname: PyRef,
) -> PyRef {
    frame.state.set(FrameState::Created);
    frame.instr_index.set(next_index);
    let code = frame.code.as_object().new_ref();
    let object = Py::new(
        ts,
        Generator {
            frame: RefCell::new(Some(frame)),
            next_index: Cell::new(next_index),
            running: Cell::new(false),
            started: Cell::new(false),
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            code,
        },
    )
    .into_ref();
    if let Some(generator) = object.downcast_ref::<Generator>()
        && let Some(frame) = generator.frame.borrow().as_ref()
    {
        frame.generator.set(Some(std::ptr::NonNull::from(&*object)));
    }
    object
}

/// `frame.clear()` on an unstarted generator's frame: the generator is closed.
pub(crate) fn clear_unstarted(_ts: &ThreadState, object: &PyObject) {
    if let Some(generator) = object.downcast_ref::<Generator>()
        && !generator.running.get()
    {
        let frame = generator.frame.borrow_mut().take();
        drop(frame);
    }
}

/// What sending a value into an iterator gave.
pub enum SendResult {
    Yield(PyRef),
    Return(PyRef),
}

fn generator_of(object: &PyObject) -> PyResult<&Generator> {
    object
        .downcast_ref::<Generator>()
        .map(|generator| generator.payload())
        .ok_or_else(|| PyErr::type_error("expected a generator"))
}

/// Resumes the generator with `value` sent in, or `throw` raised at its `yield`
/// (CPython's `gen_send_ex2`).
fn resume(
    ts: &ThreadState,
    generator: &Generator,
    value: PyRef,
    throw: Option<PyErr>,
) -> PyResult<SendResult> {
    if generator.running.get() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "generator already executing",
        ));
    }
    let taken = generator.frame.borrow_mut().take();
    let Some(frame) = taken else {
        if let Some(err) = throw {
            return Err(err);
        }
        return Ok(SendResult::Return(singletons::none()));
    };
    if !generator.started.get() && !singletons::is_none(&value) && throw.is_none() {
        *generator.frame.borrow_mut() = Some(frame);
        return Err(PyErr::type_error(
            "can't send non-None value to a just-started generator",
        ));
    }
    let depth = match ts.enter_recursive_call("") {
        Ok(depth) => depth,
        Err(err) => {
            *generator.frame.borrow_mut() = Some(frame);
            return Err(err);
        }
    };
    generator.started.set(true);
    if throw.is_none() {
        frame.push_value(value);
    }
    generator.running.set(true);
    let result = resume_frame(ts, &frame, generator.next_index.get(), throw);
    drop(depth);
    generator.running.set(false);
    match result {
        Ok(FrameExit::Suspend(yielded, next_index)) => {
            generator.next_index.set(next_index);
            *generator.frame.borrow_mut() = Some(frame);
            Ok(SendResult::Yield(yielded.unwrap_or_else(singletons::none)))
        }
        Ok(FrameExit::Return(value)) => Ok(SendResult::Return(value)),
        Err(err) => Err(err),
    }
}

/// `SEND`: `receiver.send(value)` for generators, `next(receiver)` for other iterators.
pub fn send_to(ts: &ThreadState, receiver: &PyObject, value: PyRef) -> PyResult<SendResult> {
    if let Some(generator) = receiver.downcast_ref::<Generator>() {
        return resume(ts, generator, value, None);
    }
    if singletons::is_none(&value) {
        return match pyrite_objects::iterobject::next(ts, receiver) {
            Ok(Some(item)) => Ok(SendResult::Yield(item)),
            Ok(None) => Ok(SendResult::Return(singletons::none())),
            Err(err) => stop_iteration_value(ts, err),
        };
    }
    let send = pyrite_objects::attrs::get_attr_str(ts, receiver, "send")?;
    match pyrite_objects::abstract_api::call(ts, &send, &[value], None) {
        Ok(item) => Ok(SendResult::Yield(item)),
        Err(err) => stop_iteration_value(ts, err),
    }
}

/// A `StopIteration`'s value as the end of a delegation; other errors propagate.
fn stop_iteration_value(ts: &ThreadState, err: PyErr) -> PyResult<SendResult> {
    if !err.matches(ExceptionKind::StopIteration) {
        return Err(err);
    }
    let exc = err.into_exception(ts);
    let value = exceptions::args_of(&exc)
        .first()
        .cloned()
        .unwrap_or_else(singletons::none);
    Ok(SendResult::Return(value))
}

fn stop_iteration(ts: &ThreadState, value: PyRef) -> PyErr {
    if singletons::is_none(&value) {
        return PyErr::without_arg(ExceptionKind::StopIteration);
    }
    let exc = exceptions::new_exception(ts, &exceptions::STOP_ITERATION_TYPE, vec![value]);
    PyErr::from_exception(exc)
}

/// `next(generator)` with the generator's return value in the `StopIteration`, as
/// `next()` raises it (`Ok(None)` is never returned for generators).
pub fn next_raising(ts: &ThreadState, object: &PyObject) -> Option<PyResult> {
    let generator = object.downcast_ref::<Generator>()?;
    Some(match resume(ts, generator, singletons::none(), None) {
        Ok(SendResult::Yield(value)) => Ok(value),
        Ok(SendResult::Return(value)) => Err(stop_iteration(ts, value)),
        Err(err) => Err(err),
    })
}

fn generator_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    match resume(ts, generator_of(object)?, singletons::none(), None)? {
        SendResult::Yield(value) => Ok(Some(value)),
        SendResult::Return(_) => Ok(None),
    }
}

fn generator_send(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let [value] = args else {
        return Err(PyErr::type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    match resume(ts, generator_of(this)?, value.clone(), None)? {
        SendResult::Yield(value) => Ok(value),
        SendResult::Return(value) => Err(stop_iteration(ts, value)),
    }
}

fn generator_throw(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let Some(value) = args.first() else {
        return Err(PyErr::type_error(
            "throw expected at least 1 argument, got 0",
        ));
    };
    let exc = if exceptions::is_exception_type(value) {
        pyrite_objects::abstract_api::call(ts, value, &args[1..args.len().min(2)], None)?
    } else if exceptions::is_exception(value) {
        value.clone()
    } else {
        return Err(PyErr::type_error(
            "exceptions must be classes or instances deriving from BaseException, not str",
        ));
    };
    match resume(
        ts,
        generator_of(this)?,
        singletons::none(),
        Some(PyErr::from_exception(exc)),
    )? {
        SendResult::Yield(value) => Ok(value),
        SendResult::Return(value) => Err(stop_iteration(ts, value)),
    }
}

fn generator_close(
    ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let generator = generator_of(this)?;
    if !generator.started.get() {
        let frame = generator.frame.borrow_mut().take();
        drop(frame);
        return Ok(singletons::none());
    }
    if generator.frame.borrow().is_none() {
        return Ok(singletons::none());
    }
    let exit = PyErr::without_arg(ExceptionKind::GeneratorExit);
    match resume(ts, generator, singletons::none(), Some(exit)) {
        Ok(SendResult::Yield(_)) => Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "generator ignored GeneratorExit",
        )),
        Ok(SendResult::Return(_)) => Ok(singletons::none()),
        Err(err)
            if err.matches(ExceptionKind::GeneratorExit)
                || err.matches(ExceptionKind::StopIteration) =>
        {
            Ok(singletons::none())
        }
        Err(err) => Err(err),
    }
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

fn generator_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let qualname = object
        .downcast_ref::<Generator>()
        .map(|g| pystr::to_rust_string(&g.qualname.borrow()))
        .unwrap_or_default();
    let text = format!("<generator object {qualname} at {:p}>", object.as_ptr());
    Ok(pystr::new(ts, &text).into_ref())
}

fn generator_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(generator_of(object)?.name.borrow().clone())
}

fn string_value(value: Option<&PyObject>, what: &str) -> PyResult<PyRef> {
    match value {
        Some(value) if value.payload_is::<pystr::Str>() => Ok(value.new_ref()),
        _ => Err(PyErr::type_error(format!(
            "{what} must be set to a string object"
        ))),
    }
}

fn set_generator_name(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let value = string_value(value, "__name__")?;
    let old = generator_of(object)?.name.replace(value);
    drop(old);
    Ok(())
}

fn generator_qualname(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(generator_of(object)?.qualname.borrow().clone())
}

fn set_generator_qualname(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let value = string_value(value, "__qualname__")?;
    let old = generator_of(object)?.qualname.replace(value);
    drop(old);
    Ok(())
}

/// The frame object of the generator's frame: while it runs, found on the thread's
/// chain; while suspended, made for the frame it owns; `None` once finished.
fn generator_frame_object(ts: &ThreadState, object: &PyObject) -> Option<PyRef> {
    let generator = object.downcast_ref::<Generator>()?;
    if generator.running.get() {
        let mut frame = crate::frame::current(ts);
        while let Some(found) = frame {
            if found
                .generator
                .get()
                .is_some_and(|owner| std::ptr::eq(owner.as_ptr(), object.as_ptr()))
            {
                return Some(crate::frame::frame_object_of(ts, found));
            }
            frame = found.previous();
        }
        return None;
    }
    let frame = generator.frame.borrow();
    frame
        .as_ref()
        .map(|frame| crate::frame::frame_object_of(ts, frame))
}

fn gi_frame(ts: &ThreadState, object: &PyObject) -> PyResult {
    generator_of(object)?;
    Ok(generator_frame_object(ts, object).unwrap_or_else(singletons::none))
}

fn gi_running(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pyrite_objects::bool::bool_ref(
        generator_of(object)?.running.get(),
    ))
}

fn frame_state(generator: &Generator) -> Option<FrameState> {
    generator
        .frame
        .borrow()
        .as_ref()
        .map(|frame| frame.state.get())
}

fn gi_suspended(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let generator = generator_of(object)?;
    let suspended =
        !generator.running.get() && frame_state(generator) == Some(FrameState::Suspended);
    Ok(pyrite_objects::bool::bool_ref(suspended))
}

fn gi_code(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(generator_of(object)?.code.clone())
}

/// The iterator a generator suspended in `yield from` / `await` delegates to
/// (CPython's `_PyGen_yf`: the suspending `YIELD_VALUE` has oparg 1).
pub(crate) fn yield_from_target(generator: &Generator) -> Option<PyRef> {
    if generator.running.get() {
        return None;
    }
    let frame = generator.frame.borrow();
    let frame = frame.as_ref()?;
    if frame.state.get() != FrameState::Suspended {
        return None;
    }
    let index = frame.instr_index.get();
    let instructions = frame.code.instructions.borrow();
    let (opcode, oparg) = (
        *instructions.get(index * 2)?,
        *instructions.get(index * 2 + 1)?,
    );
    if opcode != pyrite_bytecode::Opcode::YIELD_VALUE.0 || oparg != 1 {
        return None;
    }
    drop(instructions);
    frame.stack_top()
}

fn gi_yieldfrom(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(yield_from_target(generator_of(object)?).unwrap_or_else(singletons::none))
}

pub static GENERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Generator>("generator", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(generator_iternext),
            repr: Slot::new(generator_repr),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

/// Readies the generator type and fills its dict.
pub fn init(ts: &ThreadState) {
    let _ = GENERATOR_TYPE.ready(ts);
    add_methods(
        ts,
        &GENERATOR_TYPE,
        &[
            ("send", generator_send),
            ("throw", generator_throw),
            ("close", generator_close),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &GENERATOR_TYPE,
        &[
            ("__name__", generator_name, Some(set_generator_name)),
            (
                "__qualname__",
                generator_qualname,
                Some(set_generator_qualname),
            ),
            ("gi_frame", gi_frame, None),
            ("gi_running", gi_running, None),
            ("gi_suspended", gi_suspended, None),
            ("gi_code", gi_code, None),
            ("gi_yieldfrom", gi_yieldfrom, None),
        ],
    );
}
