//! Opcode numbers as [`Op`] values, and the opcode classes the optimizer asks about.
//!
//! CPython counterpart: `Include/internal/pycore_opcode_utils.h` (`IS_*_OPCODE`) and the
//! flags of `pycore_opcode_metadata.h` (`OPCODE_HAS_*`).

use crate::instruction_sequence::{self as seq, Op};
use pyrite_bytecode::Opcode;

macro_rules! real_ops {
    ($($name:ident),* $(,)?) => {
        $(pub const $name: Op = Opcode::$name.0 as Op;)*
    };
}

real_ops!(
    BINARY_OP,
    BUILD_LIST,
    BUILD_SET,
    BUILD_TUPLE,
    CALL,
    CALL_FUNCTION_EX,
    CALL_INTRINSIC_1,
    CALL_KW,
    CHECK_EXC_MATCH,
    COMPARE_OP,
    CONTAINS_OP,
    COPY,
    COPY_FREE_VARS,
    DELETE_DEREF,
    DELETE_FAST,
    DICT_MERGE,
    DICT_UPDATE,
    END_ASYNC_FOR,
    EXTENDED_ARG,
    FOR_ITER,
    FORMAT_SIMPLE,
    GET_ANEXT,
    GET_ITER,
    GET_LEN,
    GET_YIELD_FROM_ITER,
    IMPORT_FROM,
    IS_OP,
    JUMP_BACKWARD,
    JUMP_BACKWARD_NO_INTERRUPT,
    JUMP_FORWARD,
    LIST_APPEND,
    LIST_EXTEND,
    LOAD_ATTR,
    LOAD_CONST,
    LOAD_DEREF,
    LOAD_FAST,
    LOAD_FAST_AND_CLEAR,
    LOAD_FAST_BORROW,
    LOAD_FAST_BORROW_LOAD_FAST_BORROW,
    LOAD_FAST_CHECK,
    LOAD_FAST_LOAD_FAST,
    LOAD_FROM_DICT_OR_DEREF,
    LOAD_GLOBAL,
    LOAD_SMALL_INT,
    LOAD_SPECIAL,
    LOAD_SUPER_ATTR,
    MAKE_CELL,
    MAP_ADD,
    MATCH_KEYS,
    MATCH_MAPPING,
    MATCH_SEQUENCE,
    NOP,
    NOT_TAKEN,
    POP_JUMP_IF_FALSE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
    POP_JUMP_IF_TRUE,
    POP_TOP,
    PUSH_NULL,
    RAISE_VARARGS,
    RERAISE,
    RESUME,
    RETURN_GENERATOR,
    RETURN_VALUE,
    SEND,
    SET_ADD,
    SET_UPDATE,
    STORE_DEREF,
    STORE_FAST,
    STORE_FAST_LOAD_FAST,
    STORE_FAST_STORE_FAST,
    SWAP,
    TO_BOOL,
    UNARY_INVERT,
    UNARY_NEGATIVE,
    UNARY_NOT,
    UNPACK_SEQUENCE,
    WITH_EXCEPT_START,
    YIELD_VALUE,
);

pub use seq::{
    ANNOTATIONS_PLACEHOLDER, JUMP, JUMP_IF_FALSE, JUMP_IF_TRUE, JUMP_NO_INTERRUPT, LOAD_CLOSURE,
    POP_BLOCK, SETUP_CLEANUP, SETUP_WITH, STORE_FAST_MAYBE_NULL,
};

/// `CALL_INTRINSIC_1` opargs.
pub const INTRINSIC_UNARY_POSITIVE: i32 = 5;
pub const INTRINSIC_LIST_TO_TUPLE: i32 = 6;

/// `RESUME` oparg bits (`pycore_opcode_utils.h`).
pub const RESUME_AT_FUNC_START: i32 = 0;
pub const RESUME_OPARG_DEPTH1_MASK: i32 = 4;

/// `OPCODE_HAS_JUMP`: real jumps and the pseudo jumps (not `SETUP_*`).
pub fn is_jump(opcode: Op) -> bool {
    seq::has_target(opcode) && !seq::is_block_push(opcode)
}

pub use seq::{has_target, is_block_push};

/// `IS_SCOPE_EXIT_OPCODE`.
pub fn is_scope_exit(opcode: Op) -> bool {
    matches!(opcode, RETURN_VALUE | RAISE_VARARGS | RERAISE)
}

/// `IS_UNCONDITIONAL_JUMP_OPCODE`.
pub fn is_unconditional_jump(opcode: Op) -> bool {
    matches!(
        opcode,
        JUMP | JUMP_NO_INTERRUPT | JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
    )
}

/// `IS_CONDITIONAL_JUMP_OPCODE`.
pub fn is_conditional_jump(opcode: Op) -> bool {
    matches!(
        opcode,
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE
    )
}

/// `IS_TERMINATOR_OPCODE`.
pub fn is_terminator(opcode: Op) -> bool {
    is_jump(opcode) || is_scope_exit(opcode)
}

/// `OPCODE_HAS_EVAL_BREAK` for the instructions the compiler emits.
pub fn has_eval_break(opcode: Op) -> bool {
    matches!(
        opcode,
        JUMP | JUMP_BACKWARD | RESUME | CALL | CALL_KW | CALL_FUNCTION_EX
    )
}

/// `OPCODE_HAS_CONST` (only `LOAD_CONST` among unspecialized instructions).
pub fn has_const(opcode: Op) -> bool {
    opcode == LOAD_CONST
}

/// `loads_const`.
pub fn loads_const(opcode: Op) -> bool {
    has_const(opcode) || opcode == LOAD_SMALL_INT
}

/// Inline cache entries after a real instruction.
pub fn cache_entries(opcode: Op) -> usize {
    u8::try_from(opcode).map_or(0, |byte| Opcode(byte).cache_entries())
}

/// `_PyCompile_InstrSize`: code units, `EXTENDED_ARG` prefixes and caches included.
pub fn instr_size(opcode: Op, oparg: i32) -> usize {
    let oparg = oparg as u32;
    let extended =
        usize::from(oparg > 0xff) + usize::from(oparg > 0xffff) + usize::from(oparg > 0xff_ffff);
    extended + 1 + cache_entries(opcode)
}
