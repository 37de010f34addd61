//! The instruction sequence: what code generation hands to the flow-graph optimizer.
//!
//! CPython counterpart: `Python/instruction_sequence.c` and `_PyCompile_CodeUnitMetadata`
//! (`Include/internal/pycore_compile.h`), as `_testinternalcapi.compiler_codegen` and
//! `_testinternalcapi.assemble_code_object` expose them. This file is the contract between
//! `codegen` (which fills sequences) and `flowgraph`/`assemble` (which turn them into code
//! objects): opcodes are CPython 3.14's numbers, pseudo-instructions included; jump
//! targets are label ids until [`InstructionSequence::apply_label_map`] turns them into
//! instruction indices.

use pyrite_bytecode::{Constant, Opcode};

/// An opcode number: real opcodes are `0..=255` (`pyrite_bytecode`'s numbers), pseudo
/// opcodes `256..` (3.14's numbers, the constants below).
pub type Op = u16;

pub const ANNOTATIONS_PLACEHOLDER: Op = 256;
pub const JUMP: Op = 257;
pub const JUMP_IF_FALSE: Op = 258;
pub const JUMP_IF_TRUE: Op = 259;
pub const JUMP_NO_INTERRUPT: Op = 260;
pub const LOAD_CLOSURE: Op = 261;
pub const POP_BLOCK: Op = 262;
pub const SETUP_CLEANUP: Op = 263;
pub const SETUP_FINALLY: Op = 264;
pub const SETUP_WITH: Op = 265;
pub const STORE_FAST_MAYBE_NULL: Op = 266;

/// The first pseudo opcode number.
pub const MIN_PSEUDO_OPCODE: Op = 256;

/// The opcode number of a real instruction.
pub const fn real(opcode: Opcode) -> Op {
    opcode.0 as Op
}

/// `IS_PSEUDO_INSTR`.
pub fn is_pseudo(opcode: Op) -> bool {
    opcode >= MIN_PSEUDO_OPCODE
}

/// The name of a real or pseudo opcode (`dis`/`opcode._pseudo_ops` spelling).
pub fn opcode_name(opcode: Op) -> Option<&'static str> {
    match opcode {
        ANNOTATIONS_PLACEHOLDER => Some("ANNOTATIONS_PLACEHOLDER"),
        JUMP => Some("JUMP"),
        JUMP_IF_FALSE => Some("JUMP_IF_FALSE"),
        JUMP_IF_TRUE => Some("JUMP_IF_TRUE"),
        JUMP_NO_INTERRUPT => Some("JUMP_NO_INTERRUPT"),
        LOAD_CLOSURE => Some("LOAD_CLOSURE"),
        POP_BLOCK => Some("POP_BLOCK"),
        SETUP_CLEANUP => Some("SETUP_CLEANUP"),
        SETUP_FINALLY => Some("SETUP_FINALLY"),
        SETUP_WITH => Some("SETUP_WITH"),
        STORE_FAST_MAYBE_NULL => Some("STORE_FAST_MAYBE_NULL"),
        0..=255 => Opcode(opcode as u8).name(),
        _ => None,
    }
}

/// `OPCODE_HAS_ARG`: the oparg means something (otherwise it is 0 and shown as `None`).
pub fn has_arg(opcode: Op) -> bool {
    match opcode {
        ANNOTATIONS_PLACEHOLDER | POP_BLOCK => false,
        JUMP
        | JUMP_IF_FALSE
        | JUMP_IF_TRUE
        | JUMP_NO_INTERRUPT
        | LOAD_CLOSURE
        | SETUP_CLEANUP
        | SETUP_FINALLY
        | SETUP_WITH
        | STORE_FAST_MAYBE_NULL => true,
        0..=255 => Opcode(opcode as u8).has_arg(),
        _ => false,
    }
}

/// `HAS_TARGET`: the oparg is a jump target (a label id before the label map is applied).
pub fn has_target(opcode: Op) -> bool {
    match opcode {
        JUMP | JUMP_IF_FALSE | JUMP_IF_TRUE | JUMP_NO_INTERRUPT | SETUP_CLEANUP | SETUP_FINALLY
        | SETUP_WITH => true,
        0..=255 => Opcode(opcode as u8).has_jump(),
        _ => false,
    }
}

/// `IS_BLOCK_PUSH_OPCODE`.
pub fn is_block_push(opcode: Op) -> bool {
    matches!(opcode, SETUP_CLEANUP | SETUP_FINALLY | SETUP_WITH)
}

/// `_Py_SourceLocation`: 1-based lines, 0-based UTF-8 byte columns; -1 means "none".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SourceLocation {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col_offset: i32,
    pub end_col_offset: i32,
}

/// `NO_LOCATION`: an instruction the line table shows without a position.
pub const NO_LOCATION: SourceLocation = SourceLocation {
    lineno: -1,
    end_lineno: -1,
    col_offset: -1,
    end_col_offset: -1,
};

/// `NEXT_LOCATION`: the instruction takes the location of the instruction after it (the
/// flow-graph pass resolves it; codegen uses it for the POP_TOP after a matched case).
pub const NEXT_LOCATION: SourceLocation = SourceLocation {
    lineno: -2,
    end_lineno: -2,
    col_offset: -2,
    end_col_offset: -2,
};

impl SourceLocation {
    pub const fn new(lineno: i32, end_lineno: i32, col_offset: i32, end_col_offset: i32) -> Self {
        SourceLocation {
            lineno,
            end_lineno,
            col_offset,
            end_col_offset,
        }
    }
}

/// One instruction; for jumps and `SETUP_*` the oparg is a label id until
/// [`InstructionSequence::apply_label_map`] runs, then an instruction index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub opcode: Op,
    pub oparg: i32,
    pub loc: SourceLocation,
}

/// `_PyJumpTargetLabel`: ids start at 1, as CPython's do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub i32);

/// `_PyInstructionSequence`.
#[derive(Clone, Debug, Default)]
pub struct InstructionSequence {
    pub instrs: Vec<Instruction>,
    /// label id → index of the instruction the label stands before; `None` once applied.
    label_map: Option<Vec<i32>>,
    next_free_label: i32,
    /// The sequences of nested code units, in the order they were finished (CPython's
    /// `s_nested`, filled only when `_testinternalcapi.compiler_codegen` asks for it; we
    /// always fill it so the dump can walk it).
    pub nested: Vec<InstructionSequence>,
    /// The code of a module's or class's `__annotate__` (PEP 649), spliced in place of the
    /// `ANNOTATIONS_PLACEHOLDER` instruction when the flow graph is built
    /// (`_PyInstructionSequence_SetAnnotationsCode`); `None` leaves the placeholder to be
    /// dropped.
    pub annotations_code: Option<Box<InstructionSequence>>,
}

impl InstructionSequence {
    pub fn new() -> Self {
        InstructionSequence {
            label_map: Some(Vec::new()),
            ..Default::default()
        }
    }

    /// `_PyInstructionSequence_NewLabel`.
    pub fn new_label(&mut self) -> Label {
        self.next_free_label += 1;
        Label(self.next_free_label)
    }

    /// `_PyInstructionSequence_UseLabel`: the label stands before the next instruction.
    pub fn use_label(&mut self, label: Label) {
        let map = self.label_map.get_or_insert_with(Vec::new);
        let index = label.0 as usize;
        if map.len() <= index {
            map.resize(index + 1, -111);
        }
        map[index] = self.instrs.len() as i32;
    }

    /// `_PyInstructionSequence_Addop`.
    pub fn addop(&mut self, opcode: Op, oparg: i32, loc: SourceLocation) {
        debug_assert!(has_arg(opcode) || has_target(opcode) || oparg == 0);
        self.instrs.push(Instruction { opcode, oparg, loc });
    }

    /// `_PyInstructionSequence_InsertInstruction`: labels at or after `pos` move with it.
    pub fn insert_instruction(&mut self, pos: usize, opcode: Op, oparg: i32, loc: SourceLocation) {
        self.instrs.insert(pos, Instruction { opcode, oparg, loc });
        if let Some(map) = &mut self.label_map {
            for target in map.iter_mut() {
                if *target >= pos as i32 {
                    *target += 1;
                }
            }
        }
    }

    /// `_PyInstructionSequence_AddNested`.
    pub fn add_nested(&mut self, nested: InstructionSequence) {
        self.nested.push(nested);
    }

    /// `_PyInstructionSequence_ApplyLabelMap`: jump opargs become instruction indices.
    /// A second call does nothing.
    pub fn apply_label_map(&mut self) {
        let Some(map) = self.label_map.take() else {
            return;
        };
        for instr in &mut self.instrs {
            if has_target(instr.opcode) {
                instr.oparg = map.get(instr.oparg as usize).copied().unwrap_or(-111);
            }
        }
    }

    /// Whether [`Self::apply_label_map`] has run (jump opargs are indices).
    pub fn labels_applied(&self) -> bool {
        self.label_map.is_none()
    }

    /// `InstructionSequence.get_instructions()` of `_testinternalcapi`: `(opcode, oparg,
    /// lineno, end_lineno, col_offset, end_col_offset)`, the oparg `None` for opcodes
    /// without argument. Applies the label map first, as CPython does.
    pub fn instructions(&mut self) -> Vec<(Op, Option<i32>, i32, i32, i32, i32)> {
        self.apply_label_map();
        self.instrs
            .iter()
            .map(|instr| {
                let oparg = has_arg(instr.opcode).then_some(instr.oparg);
                let loc = instr.loc;
                (
                    instr.opcode,
                    oparg,
                    loc.lineno,
                    loc.end_lineno,
                    loc.col_offset,
                    loc.end_col_offset,
                )
            })
            .collect()
    }
}

/// `_PyCompile_CodeUnitMetadata`: the facts about a code unit the assembler needs besides
/// its instructions (the keys of `_testinternalcapi.assemble_code_object`'s metadata),
/// plus `co_flags` as `compute_code_flags` computes them.
#[derive(Clone, Debug, Default)]
pub struct CodeUnitMetadata {
    pub name: String,
    pub qualname: String,
    /// `co_consts` in first-use order, de-duplicated (LOAD_CONST opargs index it).
    pub consts: Vec<Constant>,
    /// `co_names` (LOAD_NAME/LOAD_GLOBAL/LOAD_ATTR... opargs index it).
    pub names: Vec<String>,
    /// Parameters first, then other fast locals in first-use order.
    pub varnames: Vec<String>,
    /// Sorted, as CPython's `dictbytype` sorts them.
    pub cellvars: Vec<String>,
    /// Sorted, as CPython's `dictbytype` sorts them.
    pub freevars: Vec<String>,
    /// Locals of inlined comprehensions (PEP 709) that are hidden from `locals()`
    /// (`u_fasthidden`: the name maps to true while hidden).
    pub fasthidden: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    /// `co_flags` (`compute_code_flags`).
    pub flags: u32,
}

/// One finished code unit: its instructions and metadata.
#[derive(Clone, Debug)]
pub struct CodeUnit {
    pub seq: InstructionSequence,
    pub metadata: CodeUnitMetadata,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_instruction_indices() {
        let mut seq = InstructionSequence::new();
        let end = seq.new_label();
        assert_eq!(end, Label(1));
        seq.addop(real(Opcode::NOP), 0, NO_LOCATION);
        seq.addop(JUMP, end.0, NO_LOCATION);
        seq.addop(POP_BLOCK, 0, NO_LOCATION);
        seq.use_label(end);
        seq.addop(real(Opcode::RETURN_VALUE), 0, NO_LOCATION);
        let instrs = seq.instructions();
        assert_eq!(instrs[1], (JUMP, Some(3), -1, -1, -1, -1));
        assert_eq!(instrs[2], (POP_BLOCK, None, -1, -1, -1, -1));
        assert!(seq.labels_applied());
    }
}
