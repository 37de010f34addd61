//! Stack effects of the unspecialized instructions, and the maximum stack depth of a graph.
//!
//! CPython counterpart: `_PyOpcode_num_popped`/`_PyOpcode_num_pushed`
//! (`Include/internal/pycore_opcode_metadata.h`, generated from `Python/bytecodes.c`) and
//! `Python/flowgraph.c` (`get_stack_effects`, `calculate_stackdepth`). The net effects are
//! checked against the oracle's `_opcode.stack_effect` in the fixture tests.

use super::opcodes::*;
use super::{BlockId, Cfg, FlowGraphError};
use crate::instruction_sequence::Op;

/// How an instruction's count of popped or pushed values follows from its oparg.
#[derive(Clone, Copy)]
enum Count {
    Fixed(i32),
    /// `times * oparg + plus`.
    Linear {
        times: i32,
        plus: i32,
    },
    /// `plus + (oparg & 1)`.
    PlusLowBit(i32),
    /// `UNPACK_EX`: `1 + (oparg & 0xff) + (oparg >> 8)`.
    UnpackEx,
}

impl Count {
    fn of(self, oparg: i32) -> i32 {
        match self {
            Count::Fixed(count) => count,
            Count::Linear { times, plus } => times.wrapping_mul(oparg).wrapping_add(plus),
            Count::PlusLowBit(plus) => plus + (oparg & 1),
            Count::UnpackEx => 1 + (oparg & 0xff) + (oparg >> 8),
        }
    }
}

const fn linear(times: i32, plus: i32) -> Count {
    Count::Linear { times, plus }
}

/// The popped and pushed counts of every opcode number, real and pseudo (`None` for an
/// unknown or specialized opcode): looked up by name once, then by number.
fn counts() -> &'static [(Option<Count>, Option<Count>)] {
    static TABLE: std::sync::OnceLock<Vec<(Option<Count>, Option<Count>)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=crate::instruction_sequence::STORE_FAST_MAYBE_NULL)
            .map(|opcode| match opcode_label(opcode) {
                Some(name) => (popped_count(name), pushed_count(name)),
                None => (None, None),
            })
            .collect()
    })
}

/// How many values the instruction takes from the stack (`None` for an unknown or
/// specialized opcode).
#[inline]
pub fn num_popped(opcode: Op, oparg: i32) -> Option<i32> {
    let count = counts().get(usize::from(opcode))?.0?;
    Some(count.of(oparg))
}

/// How many values the instruction leaves on the stack in their place.
#[inline]
pub fn num_pushed(opcode: Op, oparg: i32) -> Option<i32> {
    let count = counts().get(usize::from(opcode))?.1?;
    Some(count.of(oparg))
}

/// [`num_popped`] by opcode name.
fn popped_count(name: &str) -> Option<Count> {
    Some(match name {
        "BINARY_OP"
        | "CALL_INTRINSIC_2"
        | "CHECK_EG_MATCH"
        | "CHECK_EXC_MATCH"
        | "COMPARE_OP"
        | "CONTAINS_OP"
        | "DELETE_SUBSCR"
        | "END_ASYNC_FOR"
        | "END_SEND"
        | "FORMAT_WITH_SPEC"
        | "IMPORT_NAME"
        | "IS_OP"
        | "MATCH_KEYS"
        | "SEND"
        | "SET_FUNCTION_ATTRIBUTE"
        | "STORE_ATTR"
        | "STORE_FAST_STORE_FAST" => Count::Fixed(2),
        "BINARY_SLICE" | "CLEANUP_THROW" | "LOAD_SUPER_ATTR" | "MATCH_CLASS" | "STORE_SUBSCR" => {
            Count::Fixed(3)
        }
        "CALL_FUNCTION_EX" | "STORE_SLICE" => Count::Fixed(4),
        "BUILD_TEMPLATE" => Count::Fixed(2),
        "BUILD_INTERPOLATION" => Count::PlusLowBit(2),
        "WITH_EXCEPT_START" => Count::Fixed(5),
        "BUILD_LIST" | "BUILD_SET" | "BUILD_SLICE" | "BUILD_STRING" | "BUILD_TUPLE"
        | "RAISE_VARARGS" => linear(1, 0),
        "BUILD_MAP" => linear(2, 0),
        "CALL" => linear(1, 2),
        "CALL_KW" => linear(1, 3),
        "COPY" => linear(1, 0),
        "DICT_MERGE" => linear(1, 4),
        "DICT_UPDATE" | "LIST_APPEND" | "LIST_EXTEND" | "SET_ADD" | "SET_UPDATE" => linear(1, 1),
        "MAP_ADD" => linear(1, 2),
        "RERAISE" => linear(1, 1),
        "SWAP" => linear(1, 0),
        "CALL_INTRINSIC_1"
        | "CONVERT_VALUE"
        | "DELETE_ATTR"
        | "END_FOR"
        | "EXIT_INIT_CHECK"
        | "FORMAT_SIMPLE"
        | "FOR_ITER"
        | "GET_AITER"
        | "GET_ANEXT"
        | "GET_AWAITABLE"
        | "GET_ITER"
        | "GET_LEN"
        | "GET_YIELD_FROM_ITER"
        | "IMPORT_FROM"
        | "INTERPRETER_EXIT"
        | "JUMP_IF_FALSE"
        | "JUMP_IF_TRUE"
        | "LOAD_ATTR"
        | "LOAD_FROM_DICT_OR_DEREF"
        | "LOAD_FROM_DICT_OR_GLOBALS"
        | "LOAD_SPECIAL"
        | "MAKE_FUNCTION"
        | "MATCH_MAPPING"
        | "MATCH_SEQUENCE"
        | "POP_EXCEPT"
        | "POP_ITER"
        | "POP_JUMP_IF_FALSE"
        | "POP_JUMP_IF_NONE"
        | "POP_JUMP_IF_NOT_NONE"
        | "POP_JUMP_IF_TRUE"
        | "POP_TOP"
        | "PUSH_EXC_INFO"
        | "RETURN_VALUE"
        | "STORE_DEREF"
        | "STORE_FAST"
        | "STORE_FAST_LOAD_FAST"
        | "STORE_FAST_MAYBE_NULL"
        | "STORE_GLOBAL"
        | "STORE_NAME"
        | "TO_BOOL"
        | "UNARY_INVERT"
        | "UNARY_NEGATIVE"
        | "UNARY_NOT"
        | "UNPACK_EX"
        | "UNPACK_SEQUENCE"
        | "YIELD_VALUE" => Count::Fixed(1),
        "CACHE"
        | "COPY_FREE_VARS"
        | "DELETE_DEREF"
        | "DELETE_FAST"
        | "DELETE_GLOBAL"
        | "DELETE_NAME"
        | "ENTER_EXECUTOR"
        | "EXTENDED_ARG"
        | "JUMP"
        | "JUMP_BACKWARD"
        | "JUMP_BACKWARD_NO_INTERRUPT"
        | "JUMP_FORWARD"
        | "JUMP_NO_INTERRUPT"
        | "LOAD_BUILD_CLASS"
        | "LOAD_CLOSURE"
        | "LOAD_COMMON_CONSTANT"
        | "LOAD_CONST"
        | "LOAD_DEREF"
        | "LOAD_FAST"
        | "LOAD_FAST_AND_CLEAR"
        | "LOAD_FAST_BORROW"
        | "LOAD_FAST_BORROW_LOAD_FAST_BORROW"
        | "LOAD_FAST_CHECK"
        | "LOAD_FAST_LOAD_FAST"
        | "LOAD_GLOBAL"
        | "LOAD_LOCALS"
        | "LOAD_NAME"
        | "LOAD_SMALL_INT"
        | "MAKE_CELL"
        | "NOP"
        | "NOT_TAKEN"
        | "POP_BLOCK"
        | "PUSH_NULL"
        | "RESERVED"
        | "RESUME"
        | "RETURN_GENERATOR"
        | "SETUP_ANNOTATIONS"
        | "SETUP_CLEANUP"
        | "SETUP_FINALLY"
        | "SETUP_WITH"
        | "ANNOTATIONS_PLACEHOLDER" => Count::Fixed(0),
        _ => return None,
    })
}

/// [`num_pushed`] by opcode name.
fn pushed_count(name: &str) -> Option<Count> {
    Some(match name {
        "CHECK_EG_MATCH"
        | "CHECK_EXC_MATCH"
        | "CLEANUP_THROW"
        | "FOR_ITER"
        | "GET_ANEXT"
        | "GET_LEN"
        | "IMPORT_FROM"
        | "LOAD_FAST_BORROW_LOAD_FAST_BORROW"
        | "LOAD_FAST_LOAD_FAST"
        | "LOAD_SPECIAL"
        | "MATCH_MAPPING"
        | "MATCH_SEQUENCE"
        | "PUSH_EXC_INFO"
        | "SEND"
        | "SETUP_CLEANUP" => Count::Fixed(2),
        "MATCH_KEYS" => Count::Fixed(3),
        "DICT_MERGE" => linear(1, 3),
        "WITH_EXCEPT_START" => Count::Fixed(6),
        "COPY" => linear(1, 1),
        "DICT_UPDATE" | "LIST_APPEND" | "LIST_EXTEND" | "MAP_ADD" | "SET_ADD" | "SET_UPDATE" => {
            linear(1, 0)
        }
        "SWAP" => linear(1, 0),
        "RERAISE" => linear(1, 0),
        "UNPACK_EX" => Count::UnpackEx,
        "UNPACK_SEQUENCE" => linear(1, 0),
        "LOAD_ATTR" | "LOAD_GLOBAL" | "LOAD_SUPER_ATTR" => Count::PlusLowBit(1),
        "BUILD_TEMPLATE" | "BUILD_INTERPOLATION" => Count::Fixed(1),
        "BINARY_OP"
        | "BINARY_SLICE"
        | "BUILD_LIST"
        | "BUILD_MAP"
        | "BUILD_SET"
        | "BUILD_SLICE"
        | "BUILD_STRING"
        | "BUILD_TUPLE"
        | "CALL"
        | "CALL_FUNCTION_EX"
        | "CALL_INTRINSIC_1"
        | "CALL_INTRINSIC_2"
        | "CALL_KW"
        | "COMPARE_OP"
        | "CONTAINS_OP"
        | "CONVERT_VALUE"
        | "END_SEND"
        | "FORMAT_SIMPLE"
        | "FORMAT_WITH_SPEC"
        | "GET_AITER"
        | "GET_AWAITABLE"
        | "GET_ITER"
        | "GET_YIELD_FROM_ITER"
        | "IMPORT_NAME"
        | "IS_OP"
        | "JUMP_IF_FALSE"
        | "JUMP_IF_TRUE"
        | "LOAD_BUILD_CLASS"
        | "LOAD_CLOSURE"
        | "LOAD_COMMON_CONSTANT"
        | "LOAD_CONST"
        | "LOAD_DEREF"
        | "LOAD_FAST"
        | "LOAD_FAST_AND_CLEAR"
        | "LOAD_FAST_BORROW"
        | "LOAD_FAST_CHECK"
        | "LOAD_FROM_DICT_OR_DEREF"
        | "LOAD_FROM_DICT_OR_GLOBALS"
        | "LOAD_LOCALS"
        | "LOAD_NAME"
        | "LOAD_SMALL_INT"
        | "MAKE_FUNCTION"
        | "MATCH_CLASS"
        | "PUSH_NULL"
        | "RETURN_GENERATOR"
        | "RETURN_VALUE"
        | "SETUP_FINALLY"
        | "SETUP_WITH"
        | "SET_FUNCTION_ATTRIBUTE"
        | "STORE_FAST_LOAD_FAST"
        | "TO_BOOL"
        | "UNARY_INVERT"
        | "UNARY_NEGATIVE"
        | "UNARY_NOT"
        | "YIELD_VALUE" => Count::Fixed(1),
        "CACHE"
        | "COPY_FREE_VARS"
        | "DELETE_ATTR"
        | "DELETE_DEREF"
        | "DELETE_FAST"
        | "DELETE_GLOBAL"
        | "DELETE_NAME"
        | "DELETE_SUBSCR"
        | "END_ASYNC_FOR"
        | "END_FOR"
        | "ENTER_EXECUTOR"
        | "EXIT_INIT_CHECK"
        | "EXTENDED_ARG"
        | "INTERPRETER_EXIT"
        | "JUMP"
        | "JUMP_BACKWARD"
        | "JUMP_BACKWARD_NO_INTERRUPT"
        | "JUMP_FORWARD"
        | "JUMP_NO_INTERRUPT"
        | "MAKE_CELL"
        | "NOP"
        | "NOT_TAKEN"
        | "POP_BLOCK"
        | "POP_EXCEPT"
        | "POP_ITER"
        | "POP_JUMP_IF_FALSE"
        | "POP_JUMP_IF_NONE"
        | "POP_JUMP_IF_NOT_NONE"
        | "POP_JUMP_IF_TRUE"
        | "POP_TOP"
        | "RAISE_VARARGS"
        | "RESERVED"
        | "RESUME"
        | "SETUP_ANNOTATIONS"
        | "STORE_ATTR"
        | "STORE_DEREF"
        | "STORE_FAST"
        | "STORE_FAST_MAYBE_NULL"
        | "STORE_FAST_STORE_FAST"
        | "STORE_GLOBAL"
        | "STORE_NAME"
        | "STORE_SLICE"
        | "STORE_SUBSCR"
        | "ANNOTATIONS_PLACEHOLDER" => Count::Fixed(0),
        _ => return None,
    })
}

fn opcode_label(opcode: Op) -> Option<&'static str> {
    if let Ok(byte) = u8::try_from(opcode) {
        let real = pyrite_bytecode::Opcode(byte);
        // Specialized and instrumented instructions are not compiler output.
        if real.is_specialized() || real.is_instrumented() {
            return None;
        }
    }
    crate::instruction_sequence::opcode_name(opcode)
}

/// `get_stack_effects`: the net effect, when the instruction jumps (`jump`) or not; a
/// `SETUP_*` only affects the stack at its handler.
pub fn stack_effect(opcode: Op, oparg: i32, jump: bool) -> Option<i32> {
    let popped = num_popped(opcode, oparg)?;
    let pushed = num_pushed(opcode, oparg)?;
    if popped < 0 || pushed < 0 {
        return None;
    }
    if is_block_push(opcode) && !jump {
        return Some(0);
    }
    Some(pushed - popped)
}

fn invalid_effect(opcode: Op, oparg: i32) -> FlowGraphError {
    FlowGraphError::system(format!(
        "Invalid stack effect for opcode={opcode}, arg={oparg}"
    ))
}

/// `stackdepth_push`.
fn push_block(
    cfg: &mut Cfg,
    stack: &mut Vec<BlockId>,
    block: BlockId,
    depth: i32,
) -> Result<(), FlowGraphError> {
    let start = cfg.blocks[block].startdepth;
    if start.is_some_and(|start| start != depth) {
        return Err(FlowGraphError::value(
            "Invalid CFG, inconsistent stackdepth",
        ));
    }
    if start.is_none() {
        cfg.blocks[block].startdepth = Some(depth);
        stack.push(block);
    }
    Ok(())
}

/// `calculate_stackdepth`: the deepest stack on any path, recording each block's entry
/// depth (cycles are assumed to have no net effect).
pub(crate) fn calculate_stackdepth(cfg: &mut Cfg) -> Result<i32, FlowGraphError> {
    for block in &mut cfg.blocks {
        block.startdepth = None;
    }
    let mut stack = Vec::new();
    let mut maxdepth = 0;
    push_block(cfg, &mut stack, cfg.entry, 0)?;
    while let Some(id) = stack.pop() {
        let mut depth = cfg.blocks[id].startdepth.unwrap_or(0);
        let mut next = cfg.blocks[id].next;
        let count = cfg.blocks[id].instrs.len();
        for index in 0..count {
            let instr = cfg.blocks[id].instrs[index];
            let effect = stack_effect(instr.opcode, instr.oparg, false)
                .ok_or_else(|| invalid_effect(instr.opcode, instr.oparg))?;
            let new_depth = depth + effect;
            if new_depth < 0 {
                return Err(FlowGraphError::value("Invalid CFG, stack underflow"));
            }
            maxdepth = maxdepth.max(depth);
            if has_target(instr.opcode) && instr.opcode != END_ASYNC_FOR {
                let effect = stack_effect(instr.opcode, instr.oparg, true)
                    .ok_or_else(|| invalid_effect(instr.opcode, instr.oparg))?;
                let target_depth = depth + effect;
                maxdepth = maxdepth.max(depth);
                if let Some(target) = instr.target {
                    push_block(cfg, &mut stack, target, target_depth)?;
                }
            }
            depth = new_depth;
            if is_unconditional_jump(instr.opcode) || is_scope_exit(instr.opcode) {
                next = None;
                break;
            }
        }
        if let Some(next) = next {
            push_block(cfg, &mut stack, next, depth)?;
        }
    }
    Ok(maxdepth)
}
