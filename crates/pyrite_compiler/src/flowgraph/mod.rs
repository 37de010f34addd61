//! The control-flow graph: basic blocks built from an instruction sequence, optimized,
//! and laid out again as a flat sequence for the assembler.
//!
//! CPython counterpart: `Python/flowgraph.c` (`_PyCfg_FromInstructionSequence`,
//! `_PyCfg_OptimizeCodeUnit`, `_PyCfg_OptimizedCfgToInstructionSequence`) and the part of
//! `Python/compile.c` that chains them (`optimize_and_assemble_code_unit`).
//!
//! The pipeline, in CPython's order:
//! 1. [`build`]: blocks from the sequence, jump labels to blocks, exception handlers
//!    (`SETUP_*`/`POP_BLOCK` become a handler per instruction);
//! 2. [`optimize`]: small-exit inlining, unreachable blocks, line numbers, constant
//!    folding ([`fold`]), jump threading, NOP and redundant-jump removal, unused constants;
//! 3. [`locals`]: `LOAD_FAST_CHECK` where a local may be unbound, superinstructions,
//!    `LOAD_FAST_BORROW`;
//! 4. [`layout`]: cold blocks moved to the end, exits given line numbers, generator and
//!    cell prefix, pseudo-instructions lowered, conditional jump directions (`NOT_TAKEN`);
//! 5. [`stack`]: the maximum stack depth.
//!
//! Blocks live in an arena (`Cfg::blocks`) and are chained by `next` in layout order,
//! CPython's `b_next`; a block id never changes once allocated.

mod build;
#[cfg(test)]
mod fixture_tests;
mod fold;
mod layout;
mod locals;
pub(crate) mod opcodes;
mod optimize;
#[cfg(test)]
mod robustness_tests;
mod stack;

use crate::instruction_sequence::{InstructionSequence, Op, SourceLocation};
use pyrite_bytecode::Constant;
use std::fmt;

pub use stack::{num_popped, num_pushed, stack_effect};

pub(crate) type BlockId = usize;

/// An error CPython reports as `SystemError` or `ValueError` from the compiler backend
/// (malformed input sequences; never expected from our own code generator).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowGraphError {
    /// `"SystemError"` or `"ValueError"`.
    pub kind: &'static str,
    pub message: String,
}

impl FlowGraphError {
    pub(crate) fn system(message: impl Into<String>) -> Self {
        FlowGraphError {
            kind: "SystemError",
            message: message.into(),
        }
    }

    pub(crate) fn value(message: impl Into<String>) -> Self {
        FlowGraphError {
            kind: "ValueError",
            message: message.into(),
        }
    }
}

impl fmt::Display for FlowGraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for FlowGraphError {}

/// `cfg_instr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CfgInstr {
    pub opcode: Op,
    pub oparg: i32,
    pub loc: SourceLocation,
    /// The jump or handler target of jumps and `SETUP_*`.
    pub target: Option<BlockId>,
    /// The handler that catches an exception raised here.
    pub except: Option<BlockId>,
}

impl CfgInstr {
    pub fn new(opcode: Op, oparg: i32, loc: SourceLocation) -> Self {
        CfgInstr {
            opcode,
            oparg,
            loc,
            target: None,
            except: None,
        }
    }

    /// `INSTR_SET_OP0`/`INSTR_SET_OP1`: the location is kept.
    pub fn set(&mut self, opcode: Op, oparg: i32) {
        self.opcode = opcode;
        self.oparg = oparg;
    }
}

/// `basicblock`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<CfgInstr>,
    /// The label id when the block is a jump target.
    pub label: Option<i32>,
    pub next: Option<BlockId>,
    pub predecessors: u32,
    /// Stack depth on entry; `None` until computed.
    pub startdepth: Option<i32>,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub except_handler: bool,
    pub cold: bool,
    pub warm: bool,
    pub unsafe_locals_mask: u64,
    /// The handlers still recorded in the slots of CPython's instruction array past the
    /// used ones (indexed by slot). CPython's `basicblock_addop` does not reset
    /// `i_except`, so an instruction appended that way (a `NOT_TAKEN`, a threaded jump)
    /// gets the handler of whatever instruction last used its slot; NOPs removed from a
    /// handler's range thus leave `NOT_TAKEN`s covered by it. The exception table shows it.
    pub stale_except: Vec<Option<BlockId>>,
}

impl Block {
    /// Drops the instructions from `len` on, remembering their slots' handlers.
    pub fn shrink_to(&mut self, len: usize) {
        if self.stale_except.len() < self.instrs.len() {
            self.stale_except.resize(self.instrs.len(), None);
        }
        for (slot, instr) in self.instrs.iter().enumerate().skip(len) {
            self.stale_except[slot] = instr.except;
        }
        self.instrs.truncate(len);
    }

    /// `basicblock_addop`: appends `instr` into the next slot, whose handler it keeps.
    pub fn push_into_slot(&mut self, mut instr: CfgInstr) {
        instr.except = self.stale_except.get(self.instrs.len()).copied().flatten();
        self.instrs.push(instr);
    }

    pub fn last(&self) -> Option<&CfgInstr> {
        self.instrs.last()
    }

    /// `BB_NO_FALLTHROUGH`.
    pub fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|last| {
            opcodes::is_scope_exit(last.opcode) || opcodes::is_unconditional_jump(last.opcode)
        })
    }

    pub fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }

    /// `basicblock_exits_scope`.
    pub fn exits_scope(&self) -> bool {
        self.last()
            .is_some_and(|last| opcodes::is_scope_exit(last.opcode))
    }

    /// `basicblock_has_no_lineno`.
    pub fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|instr| instr.loc.lineno < 0)
    }

    /// `basicblock_has_eval_break`.
    pub fn has_eval_break(&self) -> bool {
        self.instrs
            .iter()
            .any(|instr| opcodes::has_eval_break(instr.opcode))
    }
}

/// `cfg_builder`: the blocks and the entry block.
#[derive(Clone, Debug)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

impl Cfg {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// The blocks in layout order (following `next` from the entry block).
    pub fn order(&self) -> Vec<BlockId> {
        let mut order = Vec::with_capacity(self.blocks.len());
        let mut current = Some(self.entry);
        while let Some(id) = current {
            order.push(id);
            current = self.blocks[id].next;
        }
        order
    }

    /// `next_nonempty_block`.
    pub fn next_nonempty(&self, mut block: Option<BlockId>) -> Option<BlockId> {
        while let Some(id) = block {
            if !self.blocks[id].instrs.is_empty() {
                return Some(id);
            }
            block = self.blocks[id].next;
        }
        None
    }

    /// `get_max_label`.
    pub fn max_label(&self) -> i32 {
        let mut max = -1;
        let mut current = Some(self.entry);
        while let Some(id) = current {
            if let Some(label) = self.blocks[id].label {
                max = max.max(label);
            }
            current = self.blocks[id].next;
        }
        max
    }

    /// `make_cfg_traversal_stack`'s side effect: every block unvisited.
    pub fn clear_visited(&mut self) {
        for block in &mut self.blocks {
            block.visited = false;
        }
    }
}

/// Where an exception raised by an instruction goes (`_PyExceptHandlerInfo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandlerInfo {
    /// Index of the handler's first instruction in the flat sequence.
    pub target: usize,
    pub startdepth: i32,
    pub preserve_lasti: bool,
}

/// One instruction of the optimized flat sequence; jump opargs are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlatInstr {
    pub opcode: Op,
    pub oparg: i32,
    pub loc: SourceLocation,
    pub handler: Option<HandlerInfo>,
}

/// The facts of a code unit the optimizer needs (`_PyCfg_OptimizeCodeUnit`'s arguments).
#[derive(Clone, Copy, Debug)]
pub struct UnitFacts {
    pub nlocals: usize,
    /// The parameters (`ste_varnames`): analysed as bound on entry.
    pub nparams: usize,
    pub firstlineno: i32,
}

/// What `_PyCfg_OptimizedCfgToInstructionSequence` gives the assembler.
#[derive(Clone, Debug)]
pub struct OptimizedSequence {
    pub instrs: Vec<FlatInstr>,
    pub stackdepth: i32,
    pub nlocalsplus: usize,
}

/// The variables the prefix and the cell offsets depend on (a view of
/// `_PyCompile_CodeUnitMetadata`).
#[derive(Clone, Copy, Debug)]
pub struct LocalsLayout<'a> {
    pub varnames: &'a [String],
    pub cellvars: &'a [String],
    pub freevars: &'a [String],
    pub firstlineno: i32,
    pub flags: u32,
}

/// `_PyCfg_FromInstructionSequence` + `_PyCfg_OptimizeCodeUnit` +
/// `_PyCfg_OptimizedCfgToInstructionSequence`: `consts` is updated in place (folded
/// constants are appended, unused ones removed).
pub fn optimize_and_flatten(
    seq: InstructionSequence,
    consts: &mut Vec<Constant>,
    facts: UnitFacts,
    layout: LocalsLayout<'_>,
) -> Result<OptimizedSequence, FlowGraphError> {
    let mut cfg = build::from_instruction_sequence(seq)?;
    optimize_code_unit(&mut cfg, consts, facts)?;
    layout::optimized_cfg_to_sequence(&mut cfg, layout)
}

/// `_PyCfg_OptimizeCodeUnit` on a built graph.
pub(crate) fn optimize_code_unit(
    cfg: &mut Cfg,
    consts: &mut Vec<Constant>,
    facts: UnitFacts,
) -> Result<(), FlowGraphError> {
    build::translate_jump_labels_to_targets(cfg)?;
    build::mark_except_handlers(cfg);
    build::label_exception_targets(cfg);
    optimize::optimize_cfg(cfg, consts)?;
    optimize::remove_unused_consts(cfg, consts);
    locals::add_checks_for_loads_of_uninitialized_variables(cfg, facts.nlocals, facts.nparams);
    locals::insert_superinstructions(cfg);
    layout::push_cold_blocks_to_end(cfg)?;
    layout::resolve_line_numbers(cfg);
    Ok(())
}

/// `_testinternalcapi.optimize_cfg(seq, consts, nlocals)` (`_PyCompile_OptimizeCfg`): the
/// optimizer alone, without the lowering of pseudo-instructions, as CPython's
/// `test_peepholer` drives it. Returns the sequence with jump opargs as instruction
/// indices (what `get_instructions()` shows).
pub fn optimize_cfg_for_tests(
    seq: InstructionSequence,
    consts: &mut Vec<Constant>,
    nlocals: usize,
) -> Result<Vec<FlatInstr>, FlowGraphError> {
    let mut cfg = build::from_instruction_sequence(seq)?;
    optimize_code_unit(
        &mut cfg,
        consts,
        UnitFacts {
            nlocals,
            nparams: 0,
            firstlineno: 1,
        },
    )?;
    stack::calculate_stackdepth(&mut cfg)?;
    locals::optimize_load_fast(&mut cfg);
    Ok(layout::to_flat_sequence(&cfg))
}

/// `_testinternalcapi.assemble_code_object`'s back end (`_PyCompile_Assemble`): the graph
/// is built and its handlers labelled, not optimized, then lowered as usual.
pub fn flatten_unoptimized(
    seq: InstructionSequence,
    layout: LocalsLayout<'_>,
) -> Result<OptimizedSequence, FlowGraphError> {
    let mut cfg = build::from_instruction_sequence(seq)?;
    build::translate_jump_labels_to_targets(&mut cfg)?;
    build::label_exception_targets(&mut cfg);
    layout::optimized_cfg_to_sequence(&mut cfg, layout)
}
