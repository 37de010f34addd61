//! Building the graph: blocks from a flat instruction sequence, jump labels to blocks,
//! and the exception handler of every instruction.
//!
//! CPython counterpart: `Python/flowgraph.c` (`_PyCfg_FromInstructionSequence`,
//! `cfg_builder_maybe_start_new_block`, `translate_jump_labels_to_targets`,
//! `mark_except_handlers`, `label_exception_targets`).

use super::opcodes::*;
use super::{Block, BlockId, Cfg, CfgInstr, FlowGraphError};
use crate::instruction_sequence::InstructionSequence;

struct Builder {
    cfg: Cfg,
    current: BlockId,
    pending_label: Option<i32>,
}

impl Builder {
    /// `cfg_builder_current_block_is_terminated`: also labels an empty current block.
    fn current_is_terminated(&mut self) -> bool {
        let block = &mut self.cfg.blocks[self.current];
        if block.last().is_some_and(|last| is_terminator(last.opcode)) {
            return true;
        }
        if let Some(label) = self.pending_label {
            if !block.instrs.is_empty() || block.label.is_some() {
                return true;
            }
            block.label = Some(label);
            self.pending_label = None;
        }
        false
    }

    fn maybe_start_new_block(&mut self) {
        if self.current_is_terminated() {
            let block = self.cfg.new_block();
            self.cfg.blocks[block].label = self.pending_label.take();
            self.cfg.blocks[self.current].next = Some(block);
            self.current = block;
        }
    }

    fn use_label(&mut self, label: i32) {
        self.pending_label = Some(label);
        self.maybe_start_new_block();
    }

    fn addop(&mut self, instr: CfgInstr) {
        self.maybe_start_new_block();
        self.cfg.blocks[self.current].instrs.push(instr);
    }
}

/// `_PyCfg_FromInstructionSequence`. Label ids are the indices of the instructions they
/// stand before in the sequence; the `ANNOTATIONS_PLACEHOLDER` is replaced by the
/// sequence's annotations code, or dropped.
pub(crate) fn from_instruction_sequence(
    mut seq: InstructionSequence,
) -> Result<Cfg, FlowGraphError> {
    seq.apply_label_map();
    let count = seq.instrs.len();
    let mut is_target = vec![false; count];
    for instr in &seq.instrs {
        if has_target(instr.opcode) {
            match usize::try_from(instr.oparg) {
                Ok(index) if index < count => is_target[index] = true,
                _ => return Err(FlowGraphError::system("jump target out of range")),
            }
        }
    }
    let mut builder = Builder {
        cfg: Cfg {
            blocks: vec![Block::default()],
            entry: 0,
        },
        current: 0,
        pending_label: None,
    };
    let annotations = seq.annotations_code.take();
    for (index, instr) in seq.instrs.iter().enumerate() {
        if is_target[index] {
            builder.use_label(index as i32);
        }
        if instr.opcode == ANNOTATIONS_PLACEHOLDER {
            if let Some(code) = &annotations {
                for injected in &code.instrs {
                    builder.addop(CfgInstr::new(injected.opcode, injected.oparg, injected.loc));
                }
            }
            continue;
        }
        builder.maybe_start_new_block();
        let block = &mut builder.cfg.blocks[builder.current].instrs;
        if block.is_empty() {
            // The block's instructions in one allocation: it runs to the next jump target
            // or just past the next terminator.
            let run = seq.instrs[index..]
                .iter()
                .enumerate()
                .position(|(offset, next)| {
                    (offset > 0 && is_target[index + offset]) || is_terminator(next.opcode)
                })
                .map_or(count - index, |end| end + 1);
            block.reserve_exact(run);
        }
        block.push(CfgInstr::new(instr.opcode, instr.oparg, instr.loc));
    }
    if builder.pending_label.is_some() {
        // A label after the last instruction: an empty block carries it.
        let block = builder.cfg.new_block();
        builder.cfg.blocks[block].label = builder.pending_label.take();
        builder.cfg.blocks[builder.current].next = Some(block);
    }
    Ok(builder.cfg)
}

/// `translate_jump_labels_to_targets`.
pub(crate) fn translate_jump_labels_to_targets(cfg: &mut Cfg) -> Result<(), FlowGraphError> {
    let order = cfg.order();
    let max_label = cfg.max_label();
    let mut label_to_block: Vec<Option<BlockId>> =
        vec![None; usize::try_from(max_label + 1).unwrap_or(0)];
    for &id in &order {
        if let Some(label) = cfg.blocks[id].label
            && let Ok(label) = usize::try_from(label)
        {
            label_to_block[label] = Some(id);
        }
    }
    for &id in &order {
        for instr in &mut cfg.blocks[id].instrs {
            if has_target(instr.opcode) {
                let target = usize::try_from(instr.oparg)
                    .ok()
                    .and_then(|label| label_to_block.get(label).copied().flatten());
                match target {
                    Some(block) => instr.target = Some(block),
                    None => return Err(FlowGraphError::system("jump to an unknown label")),
                }
            }
        }
    }
    Ok(())
}

/// `mark_except_handlers`.
pub(crate) fn mark_except_handlers(cfg: &mut Cfg) {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        for index in 0..cfg.blocks[id].instrs.len() {
            let instr = cfg.blocks[id].instrs[index];
            if is_block_push(instr.opcode)
                && let Some(target) = instr.target
            {
                cfg.blocks[target].except_handler = true;
            }
        }
    }
}

/// The stack of active handlers; the bottom entry is "no handler".
type ExceptStack = Vec<Option<BlockId>>;

/// `label_exception_targets`: a depth-first walk carrying the handler stack, recording the
/// innermost handler on each instruction; `POP_BLOCK` becomes `NOP`; a `RESUME` after a
/// `yield` inside exactly one handler gets `RESUME_OPARG_DEPTH1_MASK`.
pub(crate) fn label_exception_targets(cfg: &mut Cfg) {
    cfg.clear_visited();
    let mut stacks: Vec<Option<ExceptStack>> = vec![None; cfg.blocks.len()];
    let mut todo = vec![cfg.entry];
    cfg.blocks[cfg.entry].visited = true;
    stacks[cfg.entry] = Some(vec![None]);
    while let Some(id) = todo.pop() {
        let mut stack = stacks[id].take().unwrap_or_else(|| vec![None]);
        let mut handler = stack.last().copied().flatten();
        let mut last_yield_except_depth: i32 = -1;
        let count = cfg.blocks[id].instrs.len();
        let mut moved = false;
        for index in 0..count {
            let instr = cfg.blocks[id].instrs[index];
            if is_block_push(instr.opcode) {
                if let Some(target) = instr.target {
                    if !cfg.blocks[target].visited {
                        stacks[target] = Some(stack.clone());
                        cfg.blocks[target].visited = true;
                        todo.push(target);
                    }
                    if instr.opcode == SETUP_WITH || instr.opcode == SETUP_CLEANUP {
                        cfg.blocks[target].preserve_lasti = true;
                    }
                    stack.push(Some(target));
                    handler = Some(target);
                }
            } else if instr.opcode == POP_BLOCK {
                if stack.len() > 1 {
                    stack.pop();
                }
                handler = stack.last().copied().flatten();
                cfg.blocks[id].instrs[index].set(NOP, 0);
            } else if is_jump(instr.opcode) {
                cfg.blocks[id].instrs[index].except = handler;
                if let Some(target) = instr.target
                    && !cfg.blocks[target].visited
                {
                    if cfg.blocks[id].has_fallthrough() {
                        stacks[target] = Some(stack.clone());
                    } else {
                        stacks[target] = Some(std::mem::take(&mut stack));
                        moved = true;
                    }
                    cfg.blocks[target].visited = true;
                    todo.push(target);
                }
            } else if instr.opcode == YIELD_VALUE {
                cfg.blocks[id].instrs[index].except = handler;
                last_yield_except_depth = stack.len() as i32 - 1;
            } else if instr.opcode == RESUME {
                cfg.blocks[id].instrs[index].except = handler;
                if instr.oparg != RESUME_AT_FUNC_START {
                    if last_yield_except_depth == 1 {
                        cfg.blocks[id].instrs[index].oparg |= RESUME_OPARG_DEPTH1_MASK;
                    }
                    last_yield_except_depth = -1;
                }
            } else {
                cfg.blocks[id].instrs[index].except = handler;
            }
        }
        if !moved
            && cfg.blocks[id].has_fallthrough()
            && let Some(next) = cfg.blocks[id].next
            && !cfg.blocks[next].visited
        {
            stacks[next] = Some(stack);
            cfg.blocks[next].visited = true;
            todo.push(next);
        }
    }
}
