//! `sys.settrace` and `sys.setprofile`: the trace and profile functions, the events the
//! evaluation loop reports to them, and where those events happen.
//!
//! CPython counterpart: `Python/legacy_tracing.c` (the legacy events built on PEP 669's
//! monitoring events), the parts of `Python/instrumentation.c` that decide which
//! instructions report a LINE event (`initialize_lines`, `_Py_call_instrumentation_line`,
//! the JUMP event of backward jumps) and `Python/sysmodule.c`'s `trace_trampoline` /
//! `profile_trampoline` (the frame's local tracer `f_trace`, tracing switched off when
//! a trace function raises).
//!
//! The untraced loop pays one relaxed load per instruction ([`is_active`]): the number
//! of threads with a trace or profile function. When it is non-zero the loop calls
//! [`instruction_events`] before each instruction; everything else happens here.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyrite_bytecode::Opcode;
use pyrite_objects::code::Code;
use pyrite_objects::descr::{BuiltinFunction, MethodDescr};
use pyrite_objects::{
    Py, PyObject, PyRef, PyResult, ThreadState, exceptions, singletons, str as pystr, tuple,
};

use crate::frame::{self, Frame};
use crate::frameobject::FrameObject;

/// Threads that have a trace or a profile function (CPython's `sys_tracing_threads` and
/// `sys_profiling_threads`, which decide whether the code is instrumented at all).
static ACTIVE_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Whether any thread traces or profiles: the evaluation loop's one check.
#[inline(always)]
pub(crate) fn is_active() -> bool {
    ACTIVE_THREADS.load(Ordering::Relaxed) != 0
}

/// The monitoring event being reported (CPython's `tstate->what_event`), which decides
/// whether a trace function may set `f_lineno`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Event {
    PyStart,
    PyResume,
    PyReturn,
    PyYield,
    Call,
    Line,
    Instruction,
    Jump,
    Raise,
    PyUnwind,
    PyThrow,
    CReturn,
    CRaise,
    StopIteration,
}

/// What a code object's instructions report while tracing is on (CPython's
/// `_PyCoMonitoringData`).
struct CodeTraceInfo {
    /// Keeps the code object (and so the address the table is keyed by) alive.
    _code: Py<Code>,
    /// Per code unit: the instruction reports LINE events (`lines[i].original_opcode`).
    line_starts: Vec<bool>,
    /// Per code unit: the line of the instruction starting there (`-1`: none).
    lines: Vec<i32>,
    /// INSTRUCTION events are on for this code (`f_trace_opcodes` of one of its frames).
    opcode_events: Cell<bool>,
    /// Instructions before the first RESUME report nothing (`_co_firsttraceable`).
    first_traceable: usize,
}

#[derive(Default)]
struct ThreadTracing {
    trace: RefCell<Option<PyRef>>,
    profile: RefCell<Option<PyRef>>,
    /// Counted in `ACTIVE_THREADS`.
    counted: Cell<bool>,
    /// Non-zero while a trace or profile function runs: no events then.
    tracing: Cell<u32>,
    what_event: Cell<Option<Event>>,
    /// The frame the event being reported is about.
    event_frame: Cell<*const Frame>,
    /// A jump `f_lineno` asked for: the frame and the code unit to continue at.
    jump: Cell<Option<(*const Frame, usize)>>,
    /// Builtin calls reported by `c_call` whose `c_return` / `c_exception` is due, with
    /// the frame making them.
    pending_c_calls: RefCell<Vec<(*const Frame, PyRef)>>,
    codes: RefCell<HashMap<usize, Rc<CodeTraceInfo>>>,
}

impl Drop for ThreadTracing {
    /// A thread that ends with a hook set stops counting as traced. What it still holds
    /// is leaked: the thread no longer holds the GIL to release it.
    fn drop(&mut self) {
        if self.counted.get() {
            ACTIVE_THREADS.fetch_sub(1, Ordering::Relaxed);
        }
        std::mem::forget(self.trace.take());
        std::mem::forget(self.profile.take());
        std::mem::forget(std::mem::take(self.codes.get_mut()));
        std::mem::forget(std::mem::take(self.pending_c_calls.get_mut()));
    }
}

thread_local! {
    static STATE: ThreadTracing = ThreadTracing::default();
}

fn update_count(state: &ThreadTracing) {
    let wanted = state.trace.borrow().is_some() || state.profile.borrow().is_some();
    if wanted != state.counted.get() {
        state.counted.set(wanted);
        if wanted {
            ACTIVE_THREADS.fetch_add(1, Ordering::Relaxed);
        } else {
            ACTIVE_THREADS.fetch_sub(1, Ordering::Relaxed);
        }
    }
    if !wanted {
        // Taken out first: dropping them may run `__del__`, which may trace again.
        let codes = std::mem::take(&mut *state.codes.borrow_mut());
        let pending = std::mem::take(&mut *state.pending_c_calls.borrow_mut());
        drop(codes);
        drop(pending);
    }
}

/// `sys.settrace(function)` (`None` switches tracing off).
pub fn set_trace(ts: &ThreadState, function: Option<PyRef>) {
    let enabling = function.is_some();
    pyrite_objects::iterobject::set_stop_iteration_recording(enabling);
    let old = STATE.with(|state| {
        let old = state.trace.replace(function);
        update_count(state);
        old
    });
    drop(old);
    // A frame that asked for opcode events before tracing was on gets them now.
    if enabling
        && let Some(current) = frame::current(ts)
        && let Some(object) = current.frame_object.borrow().as_ref()
        && let Some(frame_object) = object.downcast_ref::<FrameObject>()
        && frame_object.trace_opcodes.get()
    {
        set_opcode_events(&current.code, true);
    }
}

/// `sys.gettrace()`.
pub fn get_trace() -> Option<PyRef> {
    STATE.with(|state| state.trace.borrow().clone())
}

/// `sys.setprofile(function)` (`None` switches profiling off).
pub fn set_profile(_ts: &ThreadState, function: Option<PyRef>) {
    let old = STATE.with(|state| {
        let old = state.profile.replace(function);
        update_count(state);
        old
    });
    drop(old);
}

/// `sys.getprofile()`.
pub fn get_profile() -> Option<PyRef> {
    STATE.with(|state| state.profile.borrow().clone())
}

/// The event a trace or profile function is being called for on this thread.
pub(crate) fn what_event() -> Option<Event> {
    STATE.with(|state| state.what_event.get())
}

/// Whether `frame` is the frame the current event is about.
pub(crate) fn is_event_frame(frame: &Frame) -> bool {
    STATE.with(|state| std::ptr::eq(state.event_frame.get(), frame))
}

/// Records the jump `f_lineno` made in `frame` (the loop continues at `target`).
pub(crate) fn request_jump(frame: &Frame, target: usize) {
    STATE.with(|state| state.jump.set(Some((frame, target))));
}

fn take_jump(frame: &Frame) -> Option<usize> {
    STATE.with(|state| match state.jump.get() {
        Some((jumped, target)) if std::ptr::eq(jumped, frame) => {
            state.jump.set(None);
            Some(target)
        }
        _ => None,
    })
}

/// Issues a `RuntimeWarning` attributed to the innermost frame through the warnings
/// machinery (`PyErr_WarnFormat` in `frame_setlineno`).
pub(crate) fn warn_runtime(ts: &ThreadState, message: &str) -> PyResult<()> {
    pyrite_objects::warnings::warn(
        ts,
        pyrite_objects::err::ExceptionKind::RuntimeWarning,
        message,
        1,
    )
}

/// The trace data of `code`, made on first use.
fn code_info(code: &Py<Code>) -> Rc<CodeTraceInfo> {
    let key = code.as_object().as_ptr() as usize;
    if let Some(info) = STATE.with(|state| state.codes.borrow().get(&key).cloned()) {
        return info;
    }
    let info = Rc::new(build_code_info(code));
    STATE.with(|state| state.codes.borrow_mut().insert(key, info.clone()));
    info
}

/// Switches INSTRUCTION events of `code` on or off (CPython's `_PyEval_SetOpcodeTrace`).
pub(crate) fn set_opcode_events(code: &Py<Code>, enable: bool) {
    if !enable
        && !STATE.with(|state| {
            state
                .codes
                .borrow()
                .contains_key(&(code.as_object().as_ptr() as usize))
        })
    {
        return;
    }
    code_info(code).opcode_events.set(enable);
}

/// The code units of `co_code` with their decoded opcode and oparg: `(start, opcode
/// index, opcode, oparg, next)`, `start` being the first `EXTENDED_ARG`.
pub(crate) fn instructions(units: &[[u8; 2]]) -> Vec<(usize, usize, Opcode, u32, usize)> {
    let mut out = Vec::new();
    let mut index = 0;
    while index < units.len() {
        let start = index;
        let mut oparg = 0u32;
        let mut op = Opcode(units[index][0]);
        while op == Opcode::EXTENDED_ARG && index + 1 < units.len() {
            oparg = (oparg << 8) | u32::from(units[index][1]);
            index += 1;
            op = Opcode(units[index][0]);
        }
        oparg = (oparg << 8) | u32::from(units[index][1]);
        let next = index + 1 + op.deopt().cache_entries();
        out.push((start, index, op.deopt(), oparg, next));
        index = next;
    }
    out
}

/// Where a jump instruction goes (the target CPython's instrumentation marks as a line
/// start), `None` for other instructions.
fn jump_target(op: Opcode, oparg: usize, next: usize) -> Option<usize> {
    Some(match op {
        Opcode::POP_JUMP_IF_FALSE
        | Opcode::POP_JUMP_IF_TRUE
        | Opcode::POP_JUMP_IF_NONE
        | Opcode::POP_JUMP_IF_NOT_NONE
        | Opcode::JUMP_FORWARD => next + oparg,
        // Skips the END_FOR / END_SEND at the target.
        Opcode::FOR_ITER | Opcode::SEND => next + oparg + 1,
        Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => next.checked_sub(oparg)?,
        _ => return None,
    })
}

/// The index of the first RESUME: instructions before it are never traced
/// (`_co_firsttraceable`).
pub(crate) fn first_traceable(units: &[[u8; 2]]) -> usize {
    units
        .iter()
        .position(|unit| unit[0] == Opcode::RESUME.0)
        .unwrap_or(units.len())
}

/// Which instructions report LINE events (CPython's `initialize_lines`): the first
/// instruction of each line in layout order, jump targets and exception handlers.
fn build_code_info(code: &Py<Code>) -> CodeTraceInfo {
    let (units, _) = code.code.co_code.as_chunks::<2>();
    let len = units.len();
    let first = first_traceable(units);
    let mut lines = vec![-1; len];
    let mut starts = vec![false; len];
    let decoded = instructions(units);
    let mut current_line = -1;
    for &(start, op_index, op, _, _) in &decoded {
        // EXTENDED_ARG prefixes are instructions of their own here.
        for unit in start..=op_index {
            let line = code.line_at(unit).unwrap_or(-1);
            lines[unit] = line;
            if unit < first {
                continue;
            }
            let opcode = if unit == op_index {
                op
            } else {
                Opcode::EXTENDED_ARG
            };
            match opcode {
                Opcode::END_ASYNC_FOR
                | Opcode::END_FOR
                | Opcode::END_SEND
                | Opcode::RESUME
                | Opcode::POP_ITER => {}
                _ => {
                    starts[unit] = line != current_line && line >= 0;
                    current_line = line;
                }
            }
        }
    }
    for &(start, _, op, oparg, next) in &decoded {
        if start < first {
            continue;
        }
        if let Some(target) = jump_target(op, oparg as usize, next)
            && target < len
            && lines[target] >= 0
            && units[target][0] != Opcode::POP_ITER.0
        {
            starts[target] = true;
        }
    }
    for entry in &code.exception_table {
        let handler = entry.target as usize;
        if handler < len && lines[handler] >= 0 && units[handler][0] != Opcode::END_ASYNC_FOR.0 {
            starts[handler] = true;
        }
    }
    CodeTraceInfo {
        _code: code.clone(),
        line_starts: starts,
        lines,
        opcode_events: Cell::new(false),
        first_traceable: first,
    }
}

fn event_name(ts: &ThreadState, name: &str) -> PyRef {
    pystr::intern(ts, name)
}

/// Runs a trace or profile function with events off and `what_event` set (CPython's
/// `call_one_instrument`).
fn call_hook(
    ts: &ThreadState,
    frame: &Frame,
    event: Event,
    callback: &PyObject,
    args: &[PyRef],
) -> PyResult {
    let (old_event, old_frame) = STATE.with(|state| {
        state.tracing.set(state.tracing.get() + 1);
        (
            state.what_event.replace(Some(event)),
            state.event_frame.replace(frame),
        )
    });
    let result = pyrite_objects::abstract_api::call(ts, callback, args, None);
    STATE.with(|state| {
        state.tracing.set(state.tracing.get() - 1);
        state.what_event.set(old_event);
        state.event_frame.set(old_frame);
    });
    result
}

fn frame_object_payload(object: &PyObject) -> Option<&FrameObject> {
    object
        .downcast_ref::<FrameObject>()
        .map(|frame| frame.payload())
}

/// Calls the trace function for `event` (CPython's `trace_trampoline`): the global one
/// for 'call', the frame's `f_trace` otherwise; its result becomes `f_trace`. A trace
/// function that raises switches tracing off.
fn trace_event(
    ts: &ThreadState,
    frame: &Frame,
    event: Event,
    name: &str,
    arg: Option<PyRef>,
    enable_opcodes: bool,
) -> PyResult<()> {
    let Some(global) = get_trace() else {
        return Ok(());
    };
    let object = frame::frame_object_of(ts, frame);
    let Some(frame_object) = frame_object_payload(&object) else {
        return Ok(());
    };
    if enable_opcodes && frame_object.trace_opcodes.get() {
        set_opcode_events(&frame.code, true);
    }
    let is_call = matches!(event, Event::PyStart | Event::PyResume | Event::PyThrow);
    let callback = if is_call {
        Some(global)
    } else {
        frame_object.trace.borrow().clone()
    };
    let Some(callback) = callback else {
        return Ok(());
    };
    let args = [
        object.clone(),
        event_name(ts, name),
        arg.unwrap_or_else(singletons::none),
    ];
    match call_hook(ts, frame, event, &callback, &args) {
        Ok(result) => {
            if !singletons::is_none(&result) {
                let old = frame_object.trace.replace(Some(result));
                drop(old);
            }
            Ok(())
        }
        Err(err) => {
            set_trace(ts, None);
            let old = frame_object.trace.replace(None);
            drop(old);
            Err(err)
        }
    }
}

/// Calls the profile function (CPython's `profile_trampoline`); one that raises
/// switches profiling off.
fn profile_event(
    ts: &ThreadState,
    frame: &Frame,
    event: Event,
    name: &str,
    arg: Option<PyRef>,
) -> PyResult<()> {
    let Some(profile) = get_profile() else {
        return Ok(());
    };
    let object = frame::frame_object_of(ts, frame);
    let args = [
        object,
        event_name(ts, name),
        arg.unwrap_or_else(singletons::none),
    ];
    match call_hook(ts, frame, event, &profile, &args) {
        Ok(_) => Ok(()),
        Err(err) => {
            set_profile(ts, None);
            Err(err)
        }
    }
}

/// An event both hooks see (trace first, as CPython calls the higher tool id first).
fn both(
    ts: &ThreadState,
    frame: &Frame,
    event: Event,
    name: &str,
    arg: Option<PyRef>,
) -> PyResult<()> {
    trace_event(ts, frame, event, name, arg.clone(), true)?;
    profile_event(ts, frame, event, name, arg)
}

/// A 'line' event for `line` (CPython's `trace_line`).
fn line_event(ts: &ThreadState, frame: &Frame, event: Event, line: i32) -> PyResult<()> {
    if line < 0 || get_trace().is_none() {
        return Ok(());
    }
    let object = frame::frame_object_of(ts, frame);
    let Some(frame_object) = frame_object_payload(&object) else {
        return Ok(());
    };
    if !frame_object.trace_lines.get() {
        return Ok(());
    }
    trace_event(ts, frame, event, "line", None, false)
}

/// Whether events are reported on this thread now: a hook is set and none is running.
fn reporting() -> bool {
    STATE.with(|state| {
        state.tracing.get() == 0
            && (state.trace.borrow().is_some() || state.profile.borrow().is_some())
    })
}

/// The value `depth` places below the top of `frame`'s value stack (1 = the top).
fn stack_value(frame: &Frame, depth: usize) -> Option<PyRef> {
    let len = frame.stack_len();
    let index = len.checked_sub(depth)?;
    if index < frame.code.nlocalsplus {
        return None;
    }
    frame.local(index)
}

/// The `c_call` argument for a call of `callable` with first argument `first`: builtin
/// functions as they are, a method descriptor bound to its `self`; other callables
/// are not reported (CPython's `sys_profile_call_or_return`).
fn c_function_for_profile(
    ts: &ThreadState,
    callable: &PyRef,
    first: Option<PyRef>,
) -> Option<PyRef> {
    if callable.payload_is::<BuiltinFunction>() {
        return Some(callable.clone());
    }
    let descr = callable.downcast_ref::<MethodDescr>()?;
    let receiver = first?;
    if descr.check_self(ts, &receiver).is_err() {
        return None;
    }
    Some(
        Py::new(
            ts,
            BuiltinFunction {
                name: descr.name,
                function: descr.function,
                bound_self: receiver,
                is_method: true,
                weaklist: pyrite_objects::weakref::WeakrefList::new(),
            },
        )
        .into_ref(),
    )
}

/// The builtin a CALL / CALL_KW / CALL_FUNCTION_EX at the top of `frame` is about to
/// call, as the profile function sees it.
fn profiled_callee(ts: &ThreadState, frame: &Frame, op: Opcode, oparg: usize) -> Option<PyRef> {
    let (callable, first) = match op {
        Opcode::CALL => {
            let receiver = stack_value(frame, oparg + 1);
            let first = receiver.or_else(|| (oparg > 0).then(|| stack_value(frame, oparg))?);
            (stack_value(frame, oparg + 2)?, first)
        }
        Opcode::CALL_KW => {
            let receiver = stack_value(frame, oparg + 2);
            let first = receiver.or_else(|| (oparg > 0).then(|| stack_value(frame, oparg + 1))?);
            (stack_value(frame, oparg + 3)?, first)
        }
        _ => {
            let arguments = stack_value(frame, 2)?;
            let first = arguments
                .payload_is::<tuple::Tuple>()
                .then(|| tuple::items(&arguments).first().cloned())
                .flatten();
            (stack_value(frame, 4)?, first)
        }
    };
    c_function_for_profile(ts, &callable, first)
}

fn take_pending_c_call(frame: &Frame) -> Option<PyRef> {
    STATE.with(|state| {
        let mut pending = state.pending_c_calls.borrow_mut();
        match pending.last() {
            Some((caller, _)) if std::ptr::eq(*caller, frame) => pending.pop().map(|(_, f)| f),
            _ => None,
        }
    })
}

/// The events before the instruction starting at code unit `index` (with its
/// `EXTENDED_ARG`s) runs; sets the frame's position to it. `Some(target)`: a trace
/// function set `f_lineno`, the loop continues at `target` without running the
/// instruction. Out of line: the untraced loop only pays for the call's check.
#[cold]
#[inline(never)]
pub(crate) fn instruction_events(
    ts: &ThreadState,
    frame: &Frame,
    index: usize,
) -> PyResult<Option<usize>> {
    let units = frame.code.code.co_code.as_chunks::<2>().0;
    if index >= units.len() {
        return Ok(None);
    }
    let mut op_index = index;
    let mut oparg = u32::from(units[index][1]);
    while units[op_index][0] == Opcode::EXTENDED_ARG.0 && op_index + 1 < units.len() {
        op_index += 1;
        oparg = (oparg << 8) | u32::from(units[op_index][1]);
    }
    let op = Opcode(units[op_index][0]);
    let previous = frame.instr_index.get();
    if !reporting() {
        frame.instr_index.set(op_index);
        return Ok(None);
    }
    // The builtin the previous instruction called returned (reported from the CALL).
    if let Some(callee) = take_pending_c_call(frame) {
        profile_event(ts, frame, Event::CReturn, "c_return", Some(callee))?;
    }
    // Line and opcode events see the frame at the first `EXTENDED_ARG`, as CPython's
    // instrumentation of that code unit does.
    frame.instr_index.set(index);
    let op = op.deopt();
    let info = code_info(&frame.code);
    if let Some(exc) = pyrite_objects::iterobject::take_stop_iteration() {
        stop_iteration_raised(ts, frame, previous, index, exc)?;
    }
    if op == Opcode::RESUME {
        frame.instr_index.set(op_index);
        let event = if oparg > 0 {
            Event::PyResume
        } else {
            Event::PyStart
        };
        both(ts, frame, event, "call", None)?;
        return Ok(take_jump(frame));
    }
    if info.line_starts.get(index).copied().unwrap_or(false) {
        let line = info.lines[index];
        let previous_line = info.lines.get(previous).copied().unwrap_or(-1);
        let after_resume =
            frame.code.code.co_code.get(previous * 2).copied() == Some(Opcode::RESUME.0);
        if line != previous_line || after_resume {
            line_event(ts, frame, Event::Line, line)?;
            if let Some(target) = take_jump(frame) {
                return Ok(Some(target));
            }
        }
    }
    if info.opcode_events.get() && op != Opcode::END_FOR && index >= info.first_traceable {
        // Each `EXTENDED_ARG` is an instruction of its own for opcode events.
        for unit in index..=op_index {
            frame.instr_index.set(unit);
            opcode_event(ts, frame)?;
        }
    }
    frame.instr_index.set(op_index);
    match op {
        Opcode::RETURN_VALUE => {
            both(ts, frame, Event::PyReturn, "return", stack_value(frame, 1))?;
        }
        Opcode::YIELD_VALUE => {
            both(ts, frame, Event::PyYield, "return", stack_value(frame, 1))?;
            return Ok(take_jump(frame));
        }
        Opcode::END_SEND => {
            // A generator delegated to by `yield from` / `await` returned (CPython's
            // STOP_ITERATION event), reported as the StopIteration it stands for.
            if let Some(receiver) = stack_value(frame, 2)
                && receiver.payload_is::<crate::genobject::Generator>()
                && get_trace().is_some()
            {
                let value = stack_value(frame, 1).unwrap_or_else(singletons::none);
                let exc = stop_iteration_for(ts, value);
                exception_event(ts, frame, Event::StopIteration, exc)?;
            }
        }
        Opcode::JUMP_BACKWARD => {
            // Backward edges report a line even when they stay on the same line
            // (`sys_trace_jump_func`); other jumps are reported by the target's LINE.
            let next = op_index + 1 + op.cache_entries();
            if let Some(target) = next.checked_sub(oparg as usize) {
                let to_line = info.lines.get(target).copied().unwrap_or(-1);
                let from_line = info.lines.get(op_index).copied().unwrap_or(-1);
                if to_line == from_line {
                    line_event(ts, frame, Event::Jump, to_line)?;
                    return Ok(take_jump(frame));
                }
            }
        }
        Opcode::CALL | Opcode::CALL_KW | Opcode::CALL_FUNCTION_EX => {
            if get_profile().is_some()
                && let Some(callee) = profiled_callee(ts, frame, op, oparg as usize)
            {
                profile_event(ts, frame, Event::Call, "c_call", Some(callee.clone()))?;
                STATE.with(|state| state.pending_c_calls.borrow_mut().push((frame, callee)));
            }
        }
        _ => {}
    }
    Ok(None)
}

/// `PyErr_SetObject(PyExc_StopIteration, value)`: no arguments for `None`, a tuple's
/// items as the arguments, an instance used as it is.
fn stop_iteration_for(ts: &ThreadState, value: PyRef) -> PyRef {
    let stop = &exceptions::STOP_ITERATION_TYPE;
    if value.ob_type().is_subtype(ts, stop) {
        return value;
    }
    let args = if singletons::is_none(&value) {
        Vec::new()
    } else if value.payload_is::<tuple::Tuple>() {
        tuple::items(&value).to_vec()
    } else {
        vec![value]
    };
    exceptions::new_exception(ts, stop, args)
}

/// A `StopIteration` the `FOR_ITER` or `SEND` just before took as the end of the
/// iteration: CPython reports it from that instruction as an 'exception' event.
fn stop_iteration_raised(
    ts: &ThreadState,
    frame: &Frame,
    previous: usize,
    index: usize,
    exc: PyRef,
) -> PyResult<()> {
    let units = frame.code.code.co_code.as_chunks::<2>().0;
    let Some(&[opcode, _]) = units.get(previous) else {
        return Ok(());
    };
    let op = Opcode(opcode).deopt();
    if !matches!(op, Opcode::FOR_ITER | Opcode::SEND) || get_trace().is_none() {
        return Ok(());
    }
    // Only the exhaustion path: FOR_ITER continues past the END_FOR at its target.
    let oparg = full_oparg(units, previous);
    let next = previous + 1 + op.cache_entries();
    let Some(target) = jump_target(op, oparg as usize, next) else {
        return Ok(());
    };
    let exhausted = match op {
        Opcode::FOR_ITER => index == target,
        _ => index + 1 == target,
    };
    if !exhausted {
        return Ok(());
    }
    let current = frame.instr_index.replace(previous);
    let result = exception_event(ts, frame, Event::Raise, exc);
    frame.instr_index.set(current);
    result
}

/// The oparg of the instruction at `index`, with its `EXTENDED_ARG` prefixes.
pub(crate) fn full_oparg(units: &[[u8; 2]], index: usize) -> u32 {
    let mut oparg = u32::from(units[index][1]);
    let mut shift = 8;
    let mut at = index;
    while at > 0 && units[at - 1][0] == Opcode::EXTENDED_ARG.0 && shift < 32 {
        at -= 1;
        oparg |= u32::from(units[at][1]) << shift;
        shift += 8;
    }
    oparg
}

/// An 'exception' event for `exc` with its type and traceback.
fn exception_event(ts: &ThreadState, frame: &Frame, event: Event, exc: PyRef) -> PyResult<()> {
    let traceback = exceptions::data(&exc)
        .and_then(|data| data.traceback.borrow().clone())
        .unwrap_or_else(singletons::none);
    let arg = tuple::new(
        ts,
        vec![exc.ob_type().as_object().new_ref(), exc.clone(), traceback],
    )
    .into_ref();
    trace_event(ts, frame, event, "exception", Some(arg), true)
}

/// An 'opcode' event (CPython's `sys_trace_instruction_func`): a frame that no longer
/// asks for them switches them off for its code.
fn opcode_event(ts: &ThreadState, frame: &Frame) -> PyResult<()> {
    let object = frame::frame_object_of(ts, frame);
    let Some(frame_object) = frame_object_payload(&object) else {
        return Ok(());
    };
    if get_trace().is_none() || !frame_object.trace_opcodes.get() {
        set_opcode_events(&frame.code, false);
        return Ok(());
    }
    trace_event(ts, frame, Event::Instruction, "opcode", None, false)
}

/// The events of an error raised in `frame` (CPython's `monitor_raise`, preceded by the
/// `c_exception` of a builtin call that raised it): 'exception' with `(type, value,
/// traceback)`. A trace function that raises replaces the exception.
pub(crate) fn raise_events(ts: &ThreadState, frame: &Frame, exc: PyRef, new_error: bool) -> PyRef {
    if !reporting() {
        let _ = take_pending_c_call(frame);
        return exc;
    }
    if let Some(callee) = take_pending_c_call(frame)
        && let Err(err) = profile_event(ts, frame, Event::CRaise, "c_exception", Some(callee))
    {
        return err.into_exception(ts);
    }
    if !new_error {
        return exc;
    }
    match exception_event(ts, frame, Event::Raise, exc.clone()) {
        Ok(()) => exc,
        Err(err) => err.into_exception(ts),
    }
}

/// The exception leaves `frame` (CPython's `monitor_unwind`): 'return' with `None`.
pub(crate) fn unwind_events(ts: &ThreadState, frame: &Frame, exc: PyRef) -> PyRef {
    if !reporting() {
        return exc;
    }
    match both(ts, frame, Event::PyUnwind, "return", None) {
        Ok(()) => exc,
        Err(err) => err.into_exception(ts),
    }
}

/// An exception thrown into a suspended generator (CPython's `monitor_throw`): 'call'.
pub(crate) fn throw_events(ts: &ThreadState, frame: &Frame) -> PyResult<()> {
    if !reporting() {
        return Ok(());
    }
    both(ts, frame, Event::PyThrow, "call", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_fold_extended_args() {
        let units = [
            [Opcode::RESUME.0, 0],
            [Opcode::EXTENDED_ARG.0, 1],
            [Opcode::LOAD_CONST.0, 2],
            [Opcode::RETURN_VALUE.0, 0],
        ];
        let decoded = instructions(&units);
        assert_eq!(decoded.len(), 3);
        assert_eq!(decoded[1], (1, 2, Opcode::LOAD_CONST, 0x102, 3));
        assert_eq!(first_traceable(&units), 0);
        assert_eq!(full_oparg(&units, 2), 0x102);
    }

    #[test]
    fn jump_targets_skip_end_for() {
        assert_eq!(jump_target(Opcode::JUMP_FORWARD, 3, 10), Some(13));
        assert_eq!(jump_target(Opcode::FOR_ITER, 3, 10), Some(14));
        assert_eq!(jump_target(Opcode::JUMP_BACKWARD, 4, 10), Some(6));
        assert_eq!(jump_target(Opcode::JUMP_BACKWARD, 40, 10), None);
        assert_eq!(jump_target(Opcode::LOAD_CONST, 1, 10), None);
    }
}
