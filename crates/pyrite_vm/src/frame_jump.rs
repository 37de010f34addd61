//! Setting `frame.f_lineno` from a trace function: the frame jumps to the first
//! instruction of another line, if the value stack there is one the frame can reach by
//! popping (no jumping into a `for` loop's body or an `except` block), and the values
//! in the way are popped.
//!
//! CPython counterpart: `Objects/frameobject.c` (`frame_lineno_set_impl`, `mark_stacks`,
//! `compatible_stack`, `explain_incompatible_stack`, `marklines`,
//! `first_line_not_before`). The stack model is CPython's: a 64-bit integer holding
//! three bits per value kind, so the error messages are CPython's.

use pyrite_bytecode::Opcode;
use pyrite_objects::code::Code;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState, int, singletons};

use crate::frame::FrameState;
use crate::frameobject::frame_of;
use crate::legacy_tracing::{self, Event};

/// What a value on the stack is, for the jump's purposes.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(i64)]
enum Kind {
    Iterator = 1,
    Except = 2,
    Object = 3,
    Null = 4,
    Lasti = 5,
}

const BITS_PER_BLOCK: u32 = 3;
const MASK: i64 = (1 << BITS_PER_BLOCK) - 1;
const UNINITIALIZED: i64 = -2;
const OVERFLOWED: i64 = -1;
const MAX_STACK_ENTRIES: u32 = 63 / BITS_PER_BLOCK;
const WILL_OVERFLOW: u64 = 1 << ((MAX_STACK_ENTRIES - 1) * BITS_PER_BLOCK);
const EMPTY_STACK: i64 = 0;

fn push_value(stack: i64, kind: Kind) -> i64 {
    if (stack as u64) >= WILL_OVERFLOW {
        OVERFLOWED
    } else {
        (stack << BITS_PER_BLOCK) | kind as i64
    }
}

fn pop_value(stack: i64) -> i64 {
    stack >> BITS_PER_BLOCK
}

fn top_of_stack(stack: i64) -> i64 {
    stack & MASK
}

fn peek(stack: i64, n: u32) -> i64 {
    (stack >> (BITS_PER_BLOCK * n.saturating_sub(1))) & MASK
}

fn kind_of(bits: i64) -> Kind {
    match bits {
        1 => Kind::Iterator,
        2 => Kind::Except,
        4 => Kind::Null,
        5 => Kind::Lasti,
        _ => Kind::Object,
    }
}

/// `SWAP n` on the model. CPython's function returns its enum type, which keeps only
/// the low 32 bits; deeper stacks come out as it computes them.
fn stack_swap(stack: i64, n: u32) -> i64 {
    let to_swap = peek(stack, n);
    let top = top_of_stack(stack);
    let shift = BITS_PER_BLOCK * n.saturating_sub(1);
    let replaced_low = (stack & !(MASK << shift)) | (top << shift);
    let replaced_top = (replaced_low & !MASK) | to_swap;
    i64::from(replaced_top as u32)
}

fn pop_to_level(mut stack: i64, level: u32) -> i64 {
    if level == 0 {
        return EMPTY_STACK;
    }
    let level_max_stack = MASK << ((level - 1) * BITS_PER_BLOCK);
    while stack > level_max_stack {
        stack = pop_value(stack);
    }
    stack
}

fn stack_effect(op: Opcode, oparg: u32) -> i32 {
    let oparg = oparg as i32;
    let popped = pyrite_compiler::flowgraph::num_popped(u16::from(op.0), oparg);
    let pushed = pyrite_compiler::flowgraph::num_pushed(u16::from(op.0), oparg);
    match (popped, pushed) {
        (Some(popped), Some(pushed)) => pushed - popped,
        _ => 0,
    }
}

/// The stack model at the start of each code unit (`UNINITIALIZED` where unreachable).
fn mark_stacks(code: &Code) -> Vec<i64> {
    let (units, _) = code.code.co_code.as_chunks::<2>();
    let len = units.len();
    let mut stacks = vec![UNINITIALIZED; len + 1];
    stacks[0] = EMPTY_STACK;
    let set = |stacks: &mut Vec<i64>, index: usize, value: i64| {
        if let Some(slot) = stacks.get_mut(index) {
            *slot = value;
        }
    };
    let mut todo = true;
    while todo {
        todo = false;
        let mut i = 0;
        while i < len {
            let mut next_stack = stacks[i];
            let mut op = Opcode(units[i][0]);
            let mut oparg = 0u32;
            while op == Opcode::EXTENDED_ARG && i + 1 < len {
                oparg = (oparg << 8) | u32::from(units[i][1]);
                i += 1;
                op = Opcode(units[i][0]);
                stacks[i] = next_stack;
            }
            oparg = (oparg << 8) | u32::from(units[i][1]);
            let op = op.deopt();
            let next_i = i + op.cache_entries() + 1;
            if next_stack == UNINITIALIZED {
                i = next_i;
                continue;
            }
            let arg = oparg as usize;
            match op {
                Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE => {
                    next_stack = pop_value(next_stack);
                    set(&mut stacks, next_i + arg, next_stack);
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::SEND => {
                    set(
                        &mut stacks,
                        arg + i + Opcode::SEND.cache_entries() + 1,
                        next_stack,
                    );
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::JUMP_FORWARD => set(&mut stacks, arg + i + 1, next_stack),
                Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    if let Some(target) = next_i.checked_sub(arg) {
                        if stacks.get(target) == Some(&UNINITIALIZED) && target < i {
                            todo = true;
                        }
                        set(&mut stacks, target, next_stack);
                    }
                }
                Opcode::GET_ITER | Opcode::GET_AITER => {
                    next_stack = push_value(pop_value(next_stack), Kind::Iterator);
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::FOR_ITER => {
                    let target_stack = push_value(next_stack, Kind::Object);
                    set(&mut stacks, next_i, target_stack);
                    set(
                        &mut stacks,
                        arg + 1 + Opcode::FOR_ITER.cache_entries() + i,
                        target_stack,
                    );
                }
                Opcode::END_ASYNC_FOR => {
                    next_stack = pop_value(pop_value(next_stack));
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::PUSH_EXC_INFO => {
                    next_stack = push_value(next_stack, Kind::Except);
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::POP_EXCEPT => {
                    next_stack = pop_value(next_stack);
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE => {}
                Opcode::PUSH_NULL => {
                    next_stack = push_value(next_stack, Kind::Null);
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::LOAD_GLOBAL => {
                    next_stack = push_value(next_stack, Kind::Object);
                    if oparg & 1 != 0 {
                        next_stack = push_value(next_stack, Kind::Null);
                    }
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::LOAD_ATTR => {
                    if oparg & 1 != 0 {
                        next_stack = pop_value(next_stack);
                        next_stack = push_value(next_stack, Kind::Object);
                        next_stack = push_value(next_stack, Kind::Null);
                    }
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::SWAP => {
                    next_stack = stack_swap(next_stack, oparg);
                    set(&mut stacks, next_i, next_stack);
                }
                Opcode::COPY => {
                    next_stack = push_value(next_stack, kind_of(peek(next_stack, oparg)));
                    set(&mut stacks, next_i, next_stack);
                }
                _ => {
                    let mut delta = stack_effect(op, oparg);
                    while delta < 0 {
                        next_stack = pop_value(next_stack);
                        delta += 1;
                    }
                    while delta > 0 {
                        next_stack = push_value(next_stack, Kind::Object);
                        delta -= 1;
                    }
                    set(&mut stacks, next_i, next_stack);
                }
            }
            i = next_i;
        }
        for entry in &code.exception_table {
            let start = entry.start as usize;
            let handler = entry.target as usize;
            if stacks.get(start).is_some_and(|&s| s != UNINITIALIZED)
                && stacks.get(handler) == Some(&UNINITIALIZED)
            {
                todo = true;
                let mut target_stack = pop_to_level(stacks[start], entry.depth);
                if entry.lasti {
                    target_stack = push_value(target_stack, Kind::Lasti);
                }
                target_stack = push_value(target_stack, Kind::Except);
                stacks[handler] = target_stack;
            }
        }
    }
    stacks
}

fn compatible_kind(from: i64, to: i64) -> bool {
    if to == 0 {
        return false;
    }
    if to == Kind::Object as i64 {
        return from != Kind::Null as i64;
    }
    if to == Kind::Null as i64 {
        return true;
    }
    from == to
}

fn compatible_stack(mut from_stack: i64, mut to_stack: i64) -> bool {
    if from_stack < 0 || to_stack < 0 {
        return false;
    }
    while from_stack > to_stack {
        from_stack = pop_value(from_stack);
    }
    while from_stack != 0 {
        if !compatible_kind(top_of_stack(from_stack), top_of_stack(to_stack)) {
            return false;
        }
        from_stack = pop_value(from_stack);
        to_stack = pop_value(to_stack);
    }
    to_stack == 0
}

fn explain_incompatible_stack(to_stack: i64) -> &'static str {
    if to_stack == OVERFLOWED {
        return "stack is too deep to analyze";
    }
    if to_stack == UNINITIALIZED {
        return "can't jump into an exception handler, or code may be unreachable";
    }
    match kind_of(top_of_stack(to_stack)) {
        Kind::Except => "can't jump into an 'except' block as there's no exception",
        Kind::Lasti => "can't jump into a re-raising block as there's no location",
        Kind::Object | Kind::Null => "incompatible stacks",
        Kind::Iterator => "can't jump into the body of a for loop",
    }
}

/// The line starting at each code unit, `-1` elsewhere.
fn mark_lines(code: &Code, len: usize) -> Vec<i32> {
    let mut starts = vec![-1; len];
    let mut last_line = -1;
    for (unit, start) in starts.iter_mut().enumerate() {
        let line = code.line_at(unit).unwrap_or(-1);
        if line != last_line && line != -1 {
            *start = line;
            last_line = line;
        }
    }
    starts
}

fn value_error(message: impl Into<std::borrow::Cow<'static, str>>) -> PyErr {
    PyErr::new(ExceptionKind::ValueError, message)
}

/// `frame.f_lineno = value` (CPython's `frame_lineno_set_impl`).
pub(crate) fn set_lineno(
    ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let frame_object = frame_of(object)?;
    let Some(value) = value else {
        return Err(PyErr::new(
            ExceptionKind::AttributeError,
            "cannot delete attribute",
        ));
    };
    if !value.is_exact_type(&int::INT_TYPE) {
        return Err(value_error("lineno must be an integer"));
    }
    let Some(frame) = frame_object.frame() else {
        return Err(value_error("f_lineno can only be set in a trace function"));
    };
    let is_suspended = frame.state.get() == FrameState::Suspended;
    match legacy_tracing::what_event() {
        None => return Err(value_error("f_lineno can only be set in a trace function")),
        Some(Event::PyResume | Event::Jump | Event::Line | Event::PyYield) => {}
        Some(Event::PyStart) => {
            return Err(value_error(
                "can't jump from the 'call' trace event of a new frame",
            ));
        }
        Some(Event::Call | Event::CReturn) => return Err(value_error("can't jump during a call")),
        Some(
            Event::PyReturn
            | Event::PyUnwind
            | Event::PyThrow
            | Event::Raise
            | Event::CRaise
            | Event::Instruction,
        ) => return Err(value_error("can only jump from a 'line' trace event")),
        Some(Event::StopIteration) => {
            return Err(PyErr::new(
                ExceptionKind::SystemError,
                "unexpected event type",
            ));
        }
    }
    let requested = int::as_i64(value)
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| value_error("lineno out of range"))?;
    let code = frame.code.clone();
    if requested < code.code.co_firstlineno {
        return Err(value_error(format!(
            "line {requested} comes before the current code block"
        )));
    }
    let len = code.code.co_code.len() / 2;
    let lines = mark_lines(&code, len);
    let new_line = lines
        .iter()
        .copied()
        .filter(|&line| line >= requested)
        .min()
        .ok_or_else(|| {
            value_error(format!(
                "line {requested} comes after the current code block"
            ))
        })?;
    let stacks = mark_stacks(&code);
    let mut start_stack = stacks
        .get(frame.instr_index.get())
        .copied()
        .unwrap_or(UNINITIALIZED);
    let mut best_stack = OVERFLOWED;
    let mut best_addr = 0;
    // -1: nothing found yet, 0: a compatible instruction, 1: only incompatible ones.
    let mut outcome = -1;
    let mut message = "cannot find bytecode for specified line";
    for (index, &line) in lines.iter().enumerate() {
        if line != new_line {
            continue;
        }
        let target_stack = stacks[index];
        if compatible_stack(start_stack, target_stack) {
            outcome = 0;
            if target_stack > best_stack {
                best_stack = target_stack;
                best_addr = index;
            }
        } else if outcome < 0 {
            if start_stack == OVERFLOWED {
                message = "stack to deep to analyze";
            } else if start_stack == UNINITIALIZED {
                message = "can't jump from unreachable code";
            } else {
                message = explain_incompatible_stack(target_stack);
                outcome = 1;
            }
        }
    }
    if outcome != 0 {
        return Err(value_error(message));
    }
    let unbound = (0..code.nlocalsplus)
        .filter(|&index| frame.local(index).is_none())
        .count();
    if unbound > 0 {
        let plural = if unbound == 1 { "" } else { "s" };
        legacy_tracing::warn_runtime(
            ts,
            &format!("assigning None to {unbound} unbound local{plural}"),
        )?;
        for index in 0..code.nlocalsplus {
            if frame.local(index).is_none() {
                let old = frame.replace_local(index, Some(singletons::none()));
                drop(old);
            }
        }
    }
    // Only the frame being reported on moves; a frame further out is inside a call.
    if !legacy_tracing::is_event_frame(frame) {
        return Ok(());
    }
    if is_suspended {
        start_stack = pop_value(start_stack);
    }
    while start_stack > best_stack {
        let popped = frame.pop_value();
        if top_of_stack(start_stack) == Kind::Except as i64 {
            // The exception an `except` block saved goes back to being handled.
            let restored = popped.filter(|value| !singletons::is_none(value));
            let old = crate::ceval::set_handled_exception(restored);
            drop(old);
        } else {
            drop(popped);
        }
        start_stack = pop_value(start_stack);
    }
    frame.instr_index.set(best_addr);
    legacy_tracing::request_jump(frame, best_addr);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_model_pushes_and_pops_kinds() {
        let stack = push_value(push_value(EMPTY_STACK, Kind::Iterator), Kind::Object);
        assert_eq!(top_of_stack(stack), Kind::Object as i64);
        assert_eq!(peek(stack, 2), Kind::Iterator as i64);
        assert_eq!(pop_value(pop_value(stack)), EMPTY_STACK);
        let swapped = stack_swap(stack, 2);
        assert_eq!(top_of_stack(swapped), Kind::Iterator as i64);
        assert_eq!(peek(swapped, 2), Kind::Object as i64);
    }

    #[test]
    fn deep_stacks_overflow() {
        let mut stack = EMPTY_STACK;
        for _ in 0..MAX_STACK_ENTRIES + 1 {
            stack = push_value(stack, Kind::Object);
        }
        assert_eq!(stack, OVERFLOWED);
    }

    #[test]
    fn jumps_out_of_a_loop_are_compatible_not_into_one() {
        let in_loop = push_value(EMPTY_STACK, Kind::Iterator);
        assert!(compatible_stack(in_loop, EMPTY_STACK));
        assert!(!compatible_stack(EMPTY_STACK, in_loop));
        assert_eq!(
            explain_incompatible_stack(in_loop),
            "can't jump into the body of a for loop"
        );
        let handler = push_value(EMPTY_STACK, Kind::Except);
        assert_eq!(
            explain_incompatible_stack(handler),
            "can't jump into an 'except' block as there's no exception"
        );
        assert_eq!(pop_to_level(push_value(in_loop, Kind::Object), 1), in_loop);
    }
}
