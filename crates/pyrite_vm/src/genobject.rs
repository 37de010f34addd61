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
use crate::frame::Frame;

/// The payload of `generator` objects.
pub struct Generator {
    /// `None` once finished (or while running: see `running`).
    frame: RefCell<Option<Box<Frame>>>,
    /// Where the frame resumes (code units), after its `yield`.
    next_index: Cell<usize>,
    running: Cell<bool>,
    /// Whether it ever ran (a value may only be sent after the first `next()`).
    started: Cell<bool>,
    name: PyRef,
    qualname: PyRef,
}

impl PyPayload for Generator {
    fn static_type() -> &'static PyType {
        &GENERATOR_TYPE
    }
}

/// A generator over `frame`, suspended at `next_index` (after `RETURN_GENERATOR`).
pub fn new_generator(
    ts: &ThreadState,
    frame: Frame,
    next_index: usize,
    name: PyRef,
    qualname: PyRef,
) -> PyRef {
    Py::new(
        ts,
        Generator {
            frame: RefCell::new(Some(Box::new(frame))),
            next_index: Cell::new(next_index),
            running: Cell::new(false),
            started: Cell::new(false),
            name,
            qualname,
        },
    )
    .into_ref()
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
    let Some(mut frame) = taken else {
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
        frame.localsplus.push(Some(value));
    }
    generator.running.set(true);
    let result = resume_frame(ts, &mut frame, generator.next_index.get(), throw);
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
        .map(|g| pystr::to_rust_string(&g.qualname))
        .unwrap_or_default();
    let text = format!("<generator object {qualname} at {:p}>", object.as_ptr());
    Ok(pystr::new(ts, &text).into_ref())
}

fn generator_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(generator_of(object)?.name.clone())
}

pub static GENERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Generator>("generator", flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            traverse: Slot::new(generator_traverse),
            clear: Slot::new(generator_clear),
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
    pyrite_objects::descr::add_getsets(ts, &GENERATOR_TYPE, &[("__name__", generator_name, None)]);
}

/// What a suspended generator's frame holds (nothing while it runs: its frame is then on
/// the native stack, whose references count as external).
fn generator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(generator) = object.downcast_ref::<Generator>() else {
        return;
    };
    visit(&generator.name);
    visit(&generator.qualname);
    let Ok(frame) = generator.frame.try_borrow() else {
        return;
    };
    if let Some(frame) = frame.as_ref() {
        visit(frame.code.as_object());
        visit(&frame.globals);
        visit(&frame.builtins);
        for value in [&frame.locals, &frame.function].into_iter().flatten() {
            visit(value);
        }
        for value in frame.localsplus.iter().flatten() {
            visit(value);
        }
    }
}

/// Breaks a cycle through a suspended generator by dropping its frame.
fn generator_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(generator) = object.downcast_ref::<Generator>()
        && !generator.running.get()
    {
        let frame = generator.frame.borrow_mut().take();
        drop(frame);
    }
}
