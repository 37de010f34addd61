//! Generators, coroutines and async generators: a suspended frame resumed by
//! `next()`/`send()`, `throw()` and `close()`; `coroutine.__await__()`'s wrapper; the
//! `asend`/`athrow` awaitables of async generators and the wrapper of the values they
//! yield (`ASYNC_GEN_WRAP`); `GET_AWAITABLE`'s protocol.
//!
//! CPython counterpart: `Objects/genobject.c` (`gen_send_ex2`, `gen_iternext`,
//! `_gen_throw`, `gen_close`, `_PyGen_Finalize`, `gen_repr`, `_PyGen_yf`,
//! `async_gen_asend_*`, `async_gen_athrow_*`, `async_gen_unwrap_value`) and
//! `Python/ceval.c` (`_PyEval_GetAwaitable`). The generator owns its frame in a box
//! (CPython embeds the `_PyInterpreterFrame` in the generator object), so the frame keeps
//! its address for frame objects pointing at it; while it runs, the box is taken out and
//! the frame is linked on the thread's chain like any other. The three kinds share one
//! payload and differ by type object (`generator`, `coroutine`, `async_generator`).

use std::cell::{Cell, RefCell};

use pyrite_objects::descr::add_methods;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, exceptions,
    singletons, str as pystr,
};

use pyrite_bytecode::CodeFlags;

use crate::ceval::{FrameExit, resume_frame};
use crate::frame::{Frame, FrameState};

/// Which of CPython's three generator-like types an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// The payload of `generator`, `coroutine` and `async_generator` objects.
pub struct Generator {
    weaklist: pyrite_objects::weakref::WeakrefList,
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
    kind: GenKind,
    /// `cr_origin`: where the coroutine was created, when origin tracking is on.
    origin: Option<PyRef>,
    /// An async generator's `asend`/`athrow` is in progress (`ag_running`).
    running_async: Cell<bool>,
    /// The exception its frame is handling while suspended (`gi_exc_state`).
    exc_state: RefCell<Option<PyRef>>,
    /// An async generator's `sys.set_asyncgen_hooks` finalizer, taken when it is first
    /// iterated (`ag_origin_or_finalizer`).
    finalizer: RefCell<Option<PyRef>>,
    /// Whether the async generator hooks were applied (`ag_hooks_inited`).
    hooks_inited: Cell<bool>,
}

impl PyPayload for Generator {
    fn static_type() -> &'static PyType {
        &GENERATOR_TYPE
    }
}

thread_local! {
    /// `sys.set_coroutine_origin_tracking_depth()`.
    static ORIGIN_TRACKING_DEPTH: Cell<usize> = const { Cell::new(0) };
    /// `sys.set_asyncgen_hooks()`: `(firstiter, finalizer)`.
    static ASYNCGEN_HOOKS: RefCell<(Option<PyRef>, Option<PyRef>)> =
        const { RefCell::new((None, None)) };
}

/// `sys.get_asyncgen_hooks()`: the thread's `(firstiter, finalizer)`.
pub fn asyncgen_hooks() -> (Option<PyRef>, Option<PyRef>) {
    ASYNCGEN_HOOKS.with(|hooks| hooks.borrow().clone())
}

/// `sys.set_asyncgen_hooks()`; the hooks replaced are returned, to be released by the
/// caller outside the borrow.
pub fn set_asyncgen_hooks(
    firstiter: Option<Option<PyRef>>,
    finalizer: Option<Option<PyRef>>,
) -> (Option<PyRef>, Option<PyRef>) {
    ASYNCGEN_HOOKS.with(|hooks| {
        let mut hooks = hooks.borrow_mut();
        let old_firstiter = match firstiter {
            Some(value) => std::mem::replace(&mut hooks.0, value),
            None => None,
        };
        let old_finalizer = match finalizer {
            Some(value) => std::mem::replace(&mut hooks.1, value),
            None => None,
        };
        (old_firstiter, old_finalizer)
    })
}

/// CPython's `async_gen_init_hooks`: on the first `__anext__`/`asend`/`athrow`/`aclose`,
/// an async generator keeps the thread's finalizer and is passed to its `firstiter`.
fn init_asyncgen_hooks(ts: &ThreadState, object: &PyObject, generator: &Generator) -> PyResult<()> {
    if generator.hooks_inited.replace(true) {
        return Ok(());
    }
    let (firstiter, finalizer) = asyncgen_hooks();
    if let Some(finalizer) = finalizer {
        *generator.finalizer.borrow_mut() = Some(finalizer);
    }
    if let Some(firstiter) = firstiter {
        pyrite_objects::abstract_api::call(ts, &firstiter, &[object.new_ref()], None)?;
    }
    Ok(())
}

/// `sys.get_coroutine_origin_tracking_depth()`.
pub fn origin_tracking_depth() -> usize {
    ORIGIN_TRACKING_DEPTH.with(Cell::get)
}

/// `sys.set_coroutine_origin_tracking_depth(depth)`.
pub fn set_origin_tracking_depth(depth: usize) {
    ORIGIN_TRACKING_DEPTH.with(|current| current.set(depth));
}

/// `cr_origin`: `(filename, lineno, function)` of the `depth` innermost frames.
fn coroutine_origin(ts: &ThreadState, depth: usize) -> PyRef {
    let mut entries = Vec::new();
    let mut frame = crate::frame::current(ts);
    while let Some(found) = frame {
        if entries.len() == depth {
            break;
        }
        let line = match found.line() {
            Some(line) => pyrite_objects::int::new(ts, i64::from(line)),
            None => singletons::none(),
        };
        entries.push(
            pyrite_objects::tuple::new(
                ts,
                vec![found.code.filename.clone(), line, found.code.name.clone()],
            )
            .into_ref(),
        );
        frame = found.previous();
    }
    pyrite_objects::tuple::new(ts, entries).into_ref()
}

/// A generator, coroutine or async generator (by the code's flags) over `frame`,
/// suspended at `next_index` (after `RETURN_GENERATOR`).
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
    let flags = frame.code.code.co_flags;
    let kind = if flags & CodeFlags::COROUTINE != 0 {
        GenKind::Coroutine
    } else if flags & CodeFlags::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let depth = origin_tracking_depth();
    let origin = (kind == GenKind::Coroutine && depth > 0).then(|| coroutine_origin(ts, depth));
    let payload = Generator {
        weaklist: pyrite_objects::weakref::WeakrefList::new(),
        frame: RefCell::new(Some(frame)),
        next_index: Cell::new(next_index),
        running: Cell::new(false),
        started: Cell::new(false),
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        code,
        kind,
        origin,
        running_async: Cell::new(false),
        exc_state: RefCell::new(None),
        finalizer: RefCell::new(None),
        hooks_inited: Cell::new(false),
    };
    let ty: &PyType = match kind {
        GenKind::Generator => &GENERATOR_TYPE,
        GenKind::Coroutine => &COROUTINE_TYPE,
        GenKind::AsyncGenerator => &ASYNC_GENERATOR_TYPE,
    };
    let object = match Py::new_with_type(ts, ty, payload) {
        Some(object) => object.into_ref(),
        None => return singletons::none(),
    };
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
        let finalizer = generator.finalizer.borrow_mut().take();
        drop(finalizer);
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
/// (CPython's `gen_send_ex2`, with `_gen_throw`'s delegation to the iterator a
/// `yield from` / `await` is suspended in).
fn resume(
    ts: &ThreadState,
    generator: &Generator,
    value: PyRef,
    throw: Option<PyErr>,
) -> PyResult<SendResult> {
    if generator.running.get() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("{} already executing", generator.kind.noun()),
        ));
    }
    let throw = match throw {
        Some(err) if generator.started.get() => match yield_from_target(generator) {
            Some(target) => match throw_to_target(ts, generator, &target, err)? {
                Delegated::Yield(value) => return Ok(SendResult::Yield(value)),
                Delegated::Raise(err) => Some(err),
            },
            None => Some(err),
        },
        other => other,
    };
    let taken = generator.frame.borrow_mut().take();
    let Some(frame) = taken else {
        if let Some(err) = throw {
            return Err(err);
        }
        if generator.kind == GenKind::Coroutine {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "cannot reuse already awaited coroutine",
            ));
        }
        return Ok(SendResult::Return(singletons::none()));
    };
    if !generator.started.get() && !singletons::is_none(&value) && throw.is_none() {
        *generator.frame.borrow_mut() = Some(frame);
        return Err(PyErr::type_error(format!(
            "can't send non-None value to a just-started {}",
            generator.kind.noun()
        )));
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
    crate::ceval::push_exc_state(generator.exc_state.take());
    let result = resume_frame(ts, &frame, generator.next_index.get(), throw);
    let exc_state = crate::ceval::pop_exc_state();
    drop(depth);
    generator.running.set(false);
    if matches!(result, Ok(FrameExit::Suspend(..))) {
        let old = generator.exc_state.replace(exc_state);
        drop(old);
    } else {
        drop(exc_state);
    }
    match result {
        Ok(FrameExit::Suspend(yielded, next_index)) => {
            // A suspended frame's position is the instruction it resumes at (the
            // RESUME after its YIELD_VALUE), as CPython's `f_lasti` shows.
            frame.instr_index.set(next_index);
            generator.next_index.set(next_index);
            *generator.frame.borrow_mut() = Some(frame);
            Ok(SendResult::Yield(yielded.unwrap_or_else(singletons::none)))
        }
        Ok(FrameExit::Return(value)) => Ok(SendResult::Return(value)),
        Err(err) => Err(err),
    }
}

/// What throwing into the delegated-to iterator gave.
enum Delegated {
    /// It yielded: the generator yields the same value, still suspended.
    Yield(PyRef),
    /// It raised (`StopIteration` included): the error is raised in the generator's
    /// frame at its `yield`, where `CLEANUP_THROW` turns a `StopIteration` into the
    /// value of the `yield from` / `await`.
    Raise(PyErr),
}

fn throw_to_target(
    ts: &ThreadState,
    generator: &Generator,
    target: &PyObject,
    err: PyErr,
) -> PyResult<Delegated> {
    if err.matches(ExceptionKind::GeneratorExit) {
        generator.running.set(true);
        let closed = close_iterator(ts, target);
        generator.running.set(false);
        return Ok(Delegated::Raise(match closed {
            Ok(()) => err,
            Err(close_error) => close_error,
        }));
    }
    generator.running.set(true);
    let outcome = if let Some(inner) = target.downcast_ref::<Generator>() {
        match resume(ts, inner, singletons::none(), Some(err)) {
            Ok(SendResult::Yield(value)) => Ok(value),
            Ok(SendResult::Return(value)) => Err(stop_iteration(ts, value)),
            Err(err) => Err(err),
        }
    } else {
        match pyrite_objects::attrs::lookup_attr(ts, target, &pystr::intern(ts, "throw")) {
            Ok(Some(throw)) => {
                let exc = err.into_exception(ts);
                pyrite_objects::abstract_api::call(ts, &throw, &[exc], None)
            }
            Ok(None) => {
                generator.running.set(false);
                return Ok(Delegated::Raise(err));
            }
            Err(lookup_error) => Err(lookup_error),
        }
    };
    generator.running.set(false);
    Ok(match outcome {
        Ok(value) => Delegated::Yield(value),
        Err(err) => Delegated::Raise(err),
    })
}

/// `gen_close_iter`: closes a delegated-to iterator (its `close()`, if any).
fn close_iterator(ts: &ThreadState, target: &PyObject) -> PyResult<()> {
    if let Some(inner) = target.downcast_ref::<Generator>() {
        return close(ts, inner).map(drop);
    }
    match pyrite_objects::attrs::lookup_attr(ts, target, &pystr::intern(ts, "close"))? {
        Some(close) => pyrite_objects::abstract_api::call(ts, &close, &[], None).map(drop),
        None => Ok(()),
    }
}

/// `SEND`: `receiver.send(value)` for generators and coroutines, `next(receiver)` for
/// other iterators.
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
    pyrite_objects::iterobject::record_stop_iteration(|| exc.clone());
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
    if generator.kind != GenKind::Generator {
        return None;
    }
    Some(match resume(ts, generator, singletons::none(), None) {
        Ok(SendResult::Yield(value)) => Ok(value),
        Ok(SendResult::Return(value)) => Err(stop_iteration(ts, value)),
        Err(err) => Err(err),
    })
}

fn generator_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    match resume(ts, generator_of(object)?, singletons::none(), None)? {
        SendResult::Yield(value) => Ok(Some(value)),
        SendResult::Return(value) => {
            // CPython's `gen_iternext` raises `StopIteration` only for a value.
            if !singletons::is_none(&value) {
                pyrite_objects::iterobject::record_stop_iteration(|| {
                    stop_iteration(ts, value).into_exception(ts)
                });
            }
            Ok(None)
        }
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
            "{}.send() takes exactly one argument ({} given)",
            this.ob_type().name(),
            args.len()
        )));
    };
    match resume(ts, generator_of(this)?, value.clone(), None)? {
        SendResult::Yield(value) => Ok(value),
        SendResult::Return(value) => Err(stop_iteration(ts, value)),
    }
}

/// The exception `throw(typ[, val[, tb]])` raises (`method` names it in the
/// deprecation warning of the three-argument form).
fn exception_to_throw(ts: &ThreadState, args: &[PyRef], method: &str) -> PyResult<PyErr> {
    let Some(value) = args.first() else {
        return Err(PyErr::type_error(
            "throw expected at least 1 argument, got 0",
        ));
    };
    if args.len() > 1 {
        pyrite_objects::warnings::warn(
            ts,
            ExceptionKind::DeprecationWarning,
            &format!(
                "the (type, exc, tb) signature of {method}() is deprecated, use the \
                 single-arg signature instead."
            ),
            1,
        )?;
    }
    let exc = if exceptions::is_exception_type(value) {
        let given = args.get(1).filter(|given| !singletons::is_none(given));
        match given {
            Some(given) if exceptions::is_exception(given) => given.clone(),
            Some(given) => {
                pyrite_objects::abstract_api::call(ts, value, std::slice::from_ref(given), None)?
            }
            None => pyrite_objects::abstract_api::call(ts, value, &[], None)?,
        }
    } else if exceptions::is_exception(value) {
        value.clone()
    } else {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            value.ob_type().name()
        )));
    };
    Ok(PyErr::from_exception(exc))
}

fn generator_throw(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let err = exception_to_throw(ts, args, "throw")?;
    match resume(ts, generator_of(this)?, singletons::none(), Some(err))? {
        SendResult::Yield(value) => Ok(value),
        SendResult::Return(value) => Err(stop_iteration(ts, value)),
    }
}

/// `close()` (CPython's `gen_close`): `GeneratorExit` thrown in at the `yield`.
fn close(ts: &ThreadState, generator: &Generator) -> PyResult {
    if generator.running.get() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("{} already executing", generator.kind.noun()),
        ));
    }
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
            format!("{} ignored GeneratorExit", generator.kind.noun()),
        )),
        Ok(SendResult::Return(value)) => Ok(value),
        Err(err)
            if err.matches(ExceptionKind::GeneratorExit)
                || err.matches(ExceptionKind::StopIteration) =>
        {
            Ok(singletons::none())
        }
        Err(err) => Err(err),
    }
}

fn generator_close(
    ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    close(ts, generator_of(this)?)
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

fn generator_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let qualname = object
        .downcast_ref::<Generator>()
        .map(|g| pystr::to_rust_string(&g.qualname.borrow()))
        .unwrap_or_default();
    let text = format!(
        "<{} object {qualname} at {:p}>",
        object.ob_type().name(),
        object.as_ptr()
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn generator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(generator) = object.downcast_ref::<Generator>() else {
        return;
    };
    visit(&generator.code);
    if let Some(state) = generator.exc_state.borrow().as_ref() {
        visit(state);
    }
    if let Some(finalizer) = generator.finalizer.borrow().as_ref() {
        visit(finalizer);
    }
    if let Some(frame) = generator.frame.borrow().as_ref() {
        for index in 0..frame.code.nlocalsplus {
            if let Some(value) = frame.local(index) {
                visit(&value);
            }
        }
    }
}

/// `tp_finalize` of generators and coroutines (CPython's `_PyGen_Finalize`): one that
/// is suspended is closed, so its `finally` blocks run when its last reference goes.
fn generator_finalize(ts: &ThreadState, object: &PyObject) {
    let Some(generator) = object.downcast_ref::<Generator>() else {
        return;
    };
    if generator.kind == GenKind::Coroutine
        && !generator.started.get()
        && frame_state(generator) == Some(FrameState::Created)
    {
        warn_unawaited_coroutine(ts, generator, object);
        return;
    }
    if generator.kind == GenKind::AsyncGenerator
        && !matches!(frame_state(generator), None | Some(FrameState::Completed))
    {
        let finalizer = generator.finalizer.borrow().clone();
        if let Some(finalizer) = finalizer {
            let called =
                pyrite_objects::abstract_api::call(ts, &finalizer, &[object.new_ref()], None);
            if let Err(err) = called {
                ts.write_unraisable_object(
                    err,
                    "Exception ignored while finalizing generator",
                    Some(object),
                );
            }
            return;
        }
    }
    if !generator.started.get()
        || generator.running.get()
        || frame_state(generator) != Some(FrameState::Suspended)
    {
        return;
    }
    if let Err(err) = close(ts, generator) {
        ts.write_unraisable(
            err,
            &format!(
                "Exception ignored while closing {} {}",
                generator.kind.noun(),
                pystr::to_rust_string(&generator.qualname.borrow())
            ),
        );
    }
}

/// `_PyErr_WarnUnawaitedCoroutine`: a coroutine that never ran is going away.
fn warn_unawaited_coroutine(ts: &ThreadState, generator: &Generator, object: &PyObject) {
    let message = format!(
        "coroutine '{}' was never awaited",
        pystr::to_rust_string(&generator.qualname.borrow())
    );
    let warned = pyrite_objects::warnings::warn_about(
        ts,
        pyrite_objects::err::ExceptionKind::RuntimeWarning,
        &message,
        1,
        object,
    );
    if let Err(err) = warned {
        ts.write_unraisable_object(
            err,
            "Exception ignored while finalizing coroutine",
            Some(object),
        );
    }
}

// ----- coroutines -----

/// The payload of `coroutine_wrapper`: `coroutine.__await__()`, an iterator driving the
/// coroutine.
pub struct CoroutineWrapper {
    coroutine: PyRef,
}

impl PyPayload for CoroutineWrapper {
    fn static_type() -> &'static PyType {
        &COROUTINE_WRAPPER_TYPE
    }
}

fn coroutine_await(
    ts: &ThreadState,
    this: &PyObject,
    _a: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    generator_of(this)?;
    Ok(Py::new(
        ts,
        CoroutineWrapper {
            coroutine: this.new_ref(),
        },
    )
    .into_ref())
}

fn wrapped_coroutine(object: &PyObject) -> PyResult<PyRef> {
    object
        .downcast_ref::<CoroutineWrapper>()
        .map(|wrapper| wrapper.coroutine.clone())
        .ok_or_else(|| PyErr::type_error("expected a coroutine_wrapper"))
}

fn wrapper_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let coroutine = wrapped_coroutine(object)?;
    match resume(ts, generator_of(&coroutine)?, singletons::none(), None)? {
        SendResult::Yield(value) => Ok(Some(value)),
        SendResult::Return(value) => Err(stop_iteration(ts, value)),
    }
}

fn wrapper_send(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    k: Option<&PyObject>,
) -> PyResult {
    generator_send(ts, &*wrapped_coroutine(this)?, args, k)
}

fn wrapper_throw(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    k: Option<&PyObject>,
) -> PyResult {
    generator_throw(ts, &*wrapped_coroutine(this)?, args, k)
}

fn wrapper_close(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    k: Option<&PyObject>,
) -> PyResult {
    generator_close(ts, &*wrapped_coroutine(this)?, args, k)
}

fn wrapper_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(wrapper) = object.downcast_ref::<CoroutineWrapper>() {
        visit(&wrapper.coroutine);
    }
}

/// `GET_AWAITABLE`: the iterator `await value` drives (CPython's
/// `_PyEval_GetAwaitable`).
pub fn get_awaitable(ts: &ThreadState, value: &PyObject, oparg: u32) -> PyResult {
    let awaitable = if let Some(generator) = value.downcast_ref::<Generator>()
        && (generator.kind == GenKind::Coroutine
            || (generator.kind == GenKind::Generator
                && generator
                    .code
                    .downcast_ref::<pyrite_objects::code::Code>()
                    .is_some_and(|code| code.code.co_flags & CodeFlags::ITERABLE_COROUTINE != 0)))
    {
        value.new_ref()
    } else {
        let Some(method) = value.ob_type().lookup_str(ts, "__await__")? else {
            return Err(PyErr::type_error(match oparg {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    value.ob_type().name()
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {}",
                    value.ob_type().name()
                ),
                _ => format!("'{}' object can't be awaited", value.ob_type().name()),
            }));
        };
        let result = pyrite_objects::abstract_api::call(ts, &method, &[value.new_ref()], None)?;
        if result
            .downcast_ref::<Generator>()
            .is_some_and(|generator| generator.kind == GenKind::Coroutine)
        {
            return Err(PyErr::type_error("__await__() returned a coroutine"));
        }
        if result.ob_type().slots.iternext.get().is_none() {
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                result.ob_type().name()
            )));
        }
        return Ok(result);
    };
    if let Some(generator) = awaitable.downcast_ref::<Generator>()
        && generator.kind == GenKind::Coroutine
        && yield_from_target(generator).is_some()
    {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "coroutine is being awaited already",
        ));
    }
    Ok(awaitable)
}

// ----- async generators -----

/// `ASYNC_GEN_WRAP`: a value yielded by an async generator, told apart from what its
/// `await`s pass through.
pub struct AsyncGenWrappedValue {
    value: PyRef,
}

impl PyPayload for AsyncGenWrappedValue {
    fn static_type() -> &'static PyType {
        &ASYNC_GEN_WRAPPED_VALUE_TYPE
    }
}

/// Wraps a value an async generator yields (`CALL_INTRINSIC_1 INTRINSIC_ASYNC_GEN_WRAP`).
pub fn async_gen_wrap(ts: &ThreadState, value: PyRef) -> PyRef {
    Py::new(ts, AsyncGenWrappedValue { value }).into_ref()
}

/// Which async generator operation an awaitable performs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AsyncOp {
    Send,
    Throw,
    Close,
}

/// The payload of `async_generator_asend` / `async_generator_athrow`: the awaitable of
/// `__anext__()`, `asend()`, `athrow()` and `aclose()`.
pub struct AsyncGenStep {
    generator: PyRef,
    op: AsyncOp,
    /// The value to send, or the exception to throw, on the first step.
    argument: RefCell<Option<PyRef>>,
    /// 0: not started, 1: iterating, 2: done.
    state: Cell<u8>,
}

impl PyPayload for AsyncGenStep {
    fn static_type() -> &'static PyType {
        &ASYNC_GEN_ASEND_TYPE
    }
}

fn new_step(
    ts: &ThreadState,
    generator: &PyObject,
    op: AsyncOp,
    argument: Option<PyRef>,
) -> PyResult {
    let ty: &PyType = if op == AsyncOp::Send {
        &ASYNC_GEN_ASEND_TYPE
    } else {
        &ASYNC_GEN_ATHROW_TYPE
    };
    let step = AsyncGenStep {
        generator: generator.new_ref(),
        op,
        argument: RefCell::new(argument),
        state: Cell::new(0),
    };
    Py::new_with_type(ts, ty, step)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "cannot make an awaitable"))
}

fn async_generator_of(object: &PyObject) -> PyResult<&Generator> {
    match object.downcast_ref::<Generator>() {
        Some(generator) if generator.kind == GenKind::AsyncGenerator => Ok(generator.payload()),
        _ => Err(PyErr::type_error("expected an async generator")),
    }
}

fn agen_anext(ts: &ThreadState, this: &PyObject, _a: &[PyRef], _k: Option<&PyObject>) -> PyResult {
    init_asyncgen_hooks(ts, this, async_generator_of(this)?)?;
    new_step(ts, this, AsyncOp::Send, None)
}

fn agen_asend(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    init_asyncgen_hooks(ts, this, async_generator_of(this)?)?;
    let [value] = args else {
        return Err(PyErr::type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    new_step(ts, this, AsyncOp::Send, Some(value.clone()))
}

fn agen_athrow(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    init_asyncgen_hooks(ts, this, async_generator_of(this)?)?;
    let err = exception_to_throw(ts, args, "athrow")?;
    new_step(ts, this, AsyncOp::Throw, Some(err.into_exception(ts)))
}

fn agen_aclose(ts: &ThreadState, this: &PyObject, _a: &[PyRef], _k: Option<&PyObject>) -> PyResult {
    init_asyncgen_hooks(ts, this, async_generator_of(this)?)?;
    new_step(ts, this, AsyncOp::Close, None)
}

fn agen_aiter(_ts: &ThreadState, this: &PyObject, _a: &[PyRef], _k: Option<&PyObject>) -> PyResult {
    Ok(this.new_ref())
}

/// One step of an `asend`/`athrow` awaitable: resumes the async generator and turns a
/// wrapped yielded value into `StopIteration(value)`, its end into
/// `StopAsyncIteration` (CPython's `async_gen_unwrap_value`).
fn step(ts: &ThreadState, object: &PyObject, value: PyRef, throw: Option<PyErr>) -> PyResult {
    let step = object
        .downcast_ref::<AsyncGenStep>()
        .ok_or_else(|| PyErr::type_error("expected an async generator awaitable"))?;
    let generator = async_generator_of(&step.generator)?;
    let what = match step.op {
        AsyncOp::Send => "anext(): asynchronous generator is already running",
        AsyncOp::Throw => "athrow(): asynchronous generator is already running",
        AsyncOp::Close => "aclose(): asynchronous generator is already running",
    };
    let (value, throw) = match step.state.get() {
        2 => {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                match step.op {
                    AsyncOp::Send => "cannot reuse already awaited __anext__()/asend()",
                    AsyncOp::Throw => "cannot reuse already awaited athrow()",
                    AsyncOp::Close => "cannot reuse already awaited aclose()",
                },
            ));
        }
        0 => {
            if generator.running_async.get() {
                step.state.set(2);
                return Err(PyErr::new(ExceptionKind::RuntimeError, what));
            }
            step.state.set(1);
            generator.running_async.set(true);
            let argument = step.argument.borrow_mut().take();
            match step.op {
                AsyncOp::Send => (
                    if singletons::is_none(&value) {
                        argument.unwrap_or(value)
                    } else {
                        value
                    },
                    throw,
                ),
                AsyncOp::Throw => (value, throw.or_else(|| argument.map(PyErr::from_exception))),
                AsyncOp::Close => (
                    value,
                    throw.or_else(|| Some(PyErr::without_arg(ExceptionKind::GeneratorExit))),
                ),
            }
        }
        _ => (value, throw),
    };
    if step.op != AsyncOp::Send && generator.frame.borrow().is_none() {
        step.state.set(2);
        generator.running_async.set(false);
        return match step.op {
            AsyncOp::Close => Err(PyErr::without_arg(ExceptionKind::StopIteration)),
            _ => Err(PyErr::without_arg(ExceptionKind::StopAsyncIteration)),
        };
    }
    let finish = |result: PyResult| {
        step.state.set(2);
        generator.running_async.set(false);
        result
    };
    match resume(ts, generator, value, throw) {
        Ok(SendResult::Yield(yielded)) => match yielded.downcast_ref::<AsyncGenWrappedValue>() {
            Some(wrapped) => {
                if step.op == AsyncOp::Close {
                    return finish(Err(PyErr::new(
                        ExceptionKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    )));
                }
                let inner = wrapped.value.clone();
                finish(Err(stop_iteration(ts, inner)))
            }
            None => Ok(yielded),
        },
        Ok(SendResult::Return(_)) => finish(Err(match step.op {
            AsyncOp::Close => PyErr::without_arg(ExceptionKind::StopIteration),
            _ => PyErr::without_arg(ExceptionKind::StopAsyncIteration),
        })),
        Err(err) => {
            if step.op == AsyncOp::Close
                && (err.matches(ExceptionKind::StopAsyncIteration)
                    || err.matches(ExceptionKind::GeneratorExit))
            {
                return finish(Err(PyErr::without_arg(ExceptionKind::StopIteration)));
            }
            finish(Err(err))
        }
    }
}

fn step_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    step(ts, object, singletons::none(), None).map(Some)
}

fn step_send(ts: &ThreadState, this: &PyObject, args: &[PyRef], _k: Option<&PyObject>) -> PyResult {
    let value = args.first().cloned().unwrap_or_else(singletons::none);
    step(ts, this, value, None)
}

fn step_throw(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let err = exception_to_throw(ts, args, "throw")?;
    step(ts, this, singletons::none(), Some(err))
}

/// `close()` of an `asend`/`athrow` awaitable: `GeneratorExit` thrown through it
/// (CPython's `async_gen_asend_close`).
fn step_close(ts: &ThreadState, this: &PyObject, _a: &[PyRef], _k: Option<&PyObject>) -> PyResult {
    let Some(awaitable) = this.downcast_ref::<AsyncGenStep>() else {
        return Ok(singletons::none());
    };
    if awaitable.state.get() == 2 {
        return Ok(singletons::none());
    }
    let exit = PyErr::without_arg(ExceptionKind::GeneratorExit);
    match step(ts, this, singletons::none(), Some(exit)) {
        Ok(_) => Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "coroutine ignored GeneratorExit",
        )),
        Err(err)
            if err.matches(ExceptionKind::StopIteration)
                || err.matches(ExceptionKind::StopAsyncIteration)
                || err.matches(ExceptionKind::GeneratorExit) =>
        {
            Ok(singletons::none())
        }
        Err(err) => Err(err),
    }
}

fn step_await(_ts: &ThreadState, this: &PyObject, _a: &[PyRef], _k: Option<&PyObject>) -> PyResult {
    Ok(this.new_ref())
}

fn step_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(step) = object.downcast_ref::<AsyncGenStep>() {
        visit(&step.generator);
        if let Some(argument) = step.argument.borrow().as_ref() {
            visit(argument);
        }
    }
}

fn wrapped_value_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(wrapped) = object.downcast_ref::<AsyncGenWrappedValue>() {
        visit(&wrapped.value);
    }
}

fn ag_running(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pyrite_objects::bool::bool_ref(
        generator_of(object)?.running_async.get(),
    ))
}

fn cr_origin(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(generator_of(object)?
        .origin
        .clone()
        .unwrap_or_else(singletons::none))
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
/// (CPython's `_PyGen_yf`: the `YIELD_VALUE` before the resume point has oparg 1).
pub(crate) fn yield_from_target(generator: &Generator) -> Option<PyRef> {
    if generator.running.get() {
        return None;
    }
    let frame = generator.frame.borrow();
    let frame = frame.as_ref()?;
    if frame.state.get() != FrameState::Suspended {
        return None;
    }
    let index = frame.instr_index.get().checked_sub(1)?;
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

const fn generator_like_type(name: &'static str, iterable: bool) -> TypeObject {
    let slots = if iterable {
        SlotTable {
            clear: Slot::new(generator_clear),
            iter: Slot::new(self_iter),
            iternext: Slot::new(generator_iternext),
            repr: Slot::new(generator_repr),
            traverse: Slot::new(generator_traverse),
            finalize: Slot::new(generator_finalize),
            ..pyrite_objects::typeobject::object_slots()
        }
    } else {
        SlotTable {
            repr: Slot::new(generator_repr),
            traverse: Slot::new(generator_traverse),
            clear: Slot::new(generator_clear),
            finalize: Slot::new(generator_finalize),
            ..pyrite_objects::typeobject::object_slots()
        }
    };
    TypeObject::builtin::<Generator>(name, flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(slots)
        .with_weaklist_offset(pyrite_objects::object::payload_field_offset::<Generator>(
            std::mem::offset_of!(Generator, weaklist),
        ))
}

pub static GENERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, generator_like_type("generator", true));
pub static COROUTINE_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, generator_like_type("coroutine", false));
pub static ASYNC_GENERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, generator_like_type("async_generator", false));

pub static COROUTINE_WRAPPER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<CoroutineWrapper>(
        "coroutine_wrapper",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        iter: Slot::new(self_iter),
        iternext: Slot::new(wrapper_iternext),
        traverse: Slot::new(wrapper_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

const fn step_type(name: &'static str) -> TypeObject {
    TypeObject::builtin::<AsyncGenStep>(name, flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(step_iternext),
            traverse: Slot::new(step_traverse),
            finalize: Slot::new(step_finalize),
            ..pyrite_objects::typeobject::object_slots()
        },
    )
}

/// `asend()`/`athrow()`/`aclose()` awaitables dropped before their first step warn
/// (CPython's `_PyErr_WarnUnawaitedAgenMethod`).
fn step_finalize(ts: &ThreadState, object: &PyObject) {
    let Some(step) = object.downcast_ref::<AsyncGenStep>() else {
        return;
    };
    if step.state.get() != 0 {
        return;
    }
    let Some(generator) = step.generator.downcast_ref::<Generator>() else {
        return;
    };
    let method = match step.op {
        AsyncOp::Send => "asend",
        AsyncOp::Throw => "athrow",
        AsyncOp::Close => "aclose",
    };
    let qualname = pystr::repr_string(ts, &generator.qualname.borrow());
    let message = format!("coroutine method '{method}' of {qualname} was never awaited");
    let warned = pyrite_objects::warnings::warn_about(
        ts,
        ExceptionKind::RuntimeWarning,
        &message,
        1,
        &step.generator,
    );
    if let Err(err) = warned {
        ts.write_unraisable_object(
            err,
            "Exception ignored while finalizing generator",
            Some(&step.generator),
        );
    }
}

pub static ASYNC_GEN_ASEND_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, step_type("async_generator_asend"));
pub static ASYNC_GEN_ATHROW_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, step_type("async_generator_athrow"));

pub static ASYNC_GEN_WRAPPED_VALUE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<AsyncGenWrappedValue>(
        "async_generator_wrapped_value",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(wrapped_value_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

/// Readies the generator-like types and fills their dicts.
pub fn init(ts: &ThreadState) {
    for ty in [
        &GENERATOR_TYPE,
        &COROUTINE_TYPE,
        &ASYNC_GENERATOR_TYPE,
        &COROUTINE_WRAPPER_TYPE,
        &ASYNC_GEN_ASEND_TYPE,
        &ASYNC_GEN_ATHROW_TYPE,
        &ASYNC_GEN_WRAPPED_VALUE_TYPE,
    ] {
        let _ = ty.ready(ts);
    }
    let names: &[(
        &str,
        pyrite_objects::descr::GetterFn,
        Option<pyrite_objects::descr::SetterFn>,
    )] = &[
        ("__name__", generator_name, Some(set_generator_name)),
        (
            "__qualname__",
            generator_qualname,
            Some(set_generator_qualname),
        ),
    ];
    add_methods(
        ts,
        &GENERATOR_TYPE,
        &[
            ("send", generator_send),
            ("throw", generator_throw),
            ("close", generator_close),
        ],
    );
    pyrite_objects::descr::add_getsets(ts, &GENERATOR_TYPE, names);
    pyrite_objects::descr::add_getsets(
        ts,
        &GENERATOR_TYPE,
        &[
            ("gi_frame", gi_frame, None),
            ("gi_running", gi_running, None),
            ("gi_suspended", gi_suspended, None),
            ("gi_code", gi_code, None),
            ("gi_yieldfrom", gi_yieldfrom, None),
        ],
    );
    add_methods(
        ts,
        &COROUTINE_TYPE,
        &[
            ("send", generator_send),
            ("throw", generator_throw),
            ("close", generator_close),
            ("__await__", coroutine_await),
        ],
    );
    pyrite_objects::descr::add_getsets(ts, &COROUTINE_TYPE, names);
    pyrite_objects::descr::add_getsets(
        ts,
        &COROUTINE_TYPE,
        &[
            ("cr_frame", gi_frame, None),
            ("cr_running", gi_running, None),
            ("cr_suspended", gi_suspended, None),
            ("cr_code", gi_code, None),
            ("cr_await", gi_yieldfrom, None),
            ("cr_origin", cr_origin, None),
        ],
    );
    add_methods(
        ts,
        &ASYNC_GENERATOR_TYPE,
        &[
            ("__aiter__", agen_aiter),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    pyrite_objects::descr::add_getsets(ts, &ASYNC_GENERATOR_TYPE, names);
    pyrite_objects::descr::add_getsets(
        ts,
        &ASYNC_GENERATOR_TYPE,
        &[
            ("ag_frame", gi_frame, None),
            ("ag_running", ag_running, None),
            ("ag_suspended", gi_suspended, None),
            ("ag_code", gi_code, None),
            ("ag_await", gi_yieldfrom, None),
        ],
    );
    add_methods(
        ts,
        &COROUTINE_WRAPPER_TYPE,
        &[
            ("send", wrapper_send),
            ("throw", wrapper_throw),
            ("close", wrapper_close),
        ],
    );
    for ty in [&ASYNC_GEN_ASEND_TYPE, &ASYNC_GEN_ATHROW_TYPE] {
        add_methods(
            ts,
            ty,
            &[
                ("send", step_send),
                ("throw", step_throw),
                ("close", step_close),
                ("__await__", step_await),
            ],
        );
    }
}

/// Breaks a cycle through a suspended generator by dropping its frame.
fn generator_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(generator) = object.downcast_ref::<Generator>()
        && !generator.running.get()
    {
        let frame = generator.frame.borrow_mut().take();
        drop(frame);
        let finalizer = generator.finalizer.borrow_mut().take();
        drop(finalizer);
    }
}
