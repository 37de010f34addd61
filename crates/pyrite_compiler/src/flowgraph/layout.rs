//! Laying the optimized graph out for the assembler: cold blocks at the end, line numbers
//! for exits, the generator/cell prefix, lowered pseudo-instructions, conditional jump
//! directions, and the flat sequence with each instruction's handler.
//!
//! CPython counterpart: `Python/flowgraph.c` (`push_cold_blocks_to_end`, `mark_warm`,
//! `mark_cold`, `duplicate_exits_without_lineno`, `propagate_line_numbers`,
//! `convert_pseudo_conditional_jumps`, `prepare_localsplus`, `insert_prefix_instructions`,
//! `fix_cell_offsets`, `convert_pseudo_ops`, `normalize_jumps`,
//! `_PyCfg_OptimizedCfgToInstructionSequence`, `_PyCfg_ToInstructionSequence`).

use super::opcodes::*;
use super::optimize::remove_redundant_nops_and_jumps;
use super::{
    BlockId, Cfg, CfgInstr, FlatInstr, FlowGraphError, HandlerInfo, LocalsLayout,
    OptimizedSequence, locals, stack,
};
use crate::instruction_sequence::{NO_LOCATION, SourceLocation};
use pyrite_bytecode::CodeFlags;

/// The target of the `index`th instruction of block `id`, if it is a jump.
fn jump_target(cfg: &Cfg, id: BlockId, index: usize) -> Option<BlockId> {
    let instr = &cfg.blocks[id].instrs[index];
    if is_jump(instr.opcode) {
        instr.target
    } else {
        None
    }
}

/// `mark_warm`: everything reachable from the entry without exceptions.
fn mark_warm(cfg: &mut Cfg) {
    cfg.clear_visited();
    let entry = cfg.entry;
    let mut stack = vec![entry];
    cfg.blocks[entry].visited = true;
    while let Some(id) = stack.pop() {
        cfg.blocks[id].warm = true;
        if let Some(next) = cfg.blocks[id].next
            && cfg.blocks[id].has_fallthrough()
            && !cfg.blocks[next].visited
        {
            cfg.blocks[next].visited = true;
            stack.push(next);
        }
        for index in 0..cfg.blocks[id].instrs.len() {
            let Some(target) = jump_target(cfg, id, index) else {
                continue;
            };
            if !cfg.blocks[target].visited {
                cfg.blocks[target].visited = true;
                stack.push(target);
            }
        }
    }
}

/// `mark_cold`: what only exception handlers reach.
fn mark_cold(cfg: &mut Cfg) {
    mark_warm(cfg);
    cfg.clear_visited();
    let mut stack = Vec::new();
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        if cfg.blocks[id].except_handler {
            cfg.blocks[id].visited = true;
            stack.push(id);
        }
    }
    while let Some(id) = stack.pop() {
        cfg.blocks[id].cold = true;
        if let Some(next) = cfg.blocks[id].next
            && cfg.blocks[id].has_fallthrough()
            && !cfg.blocks[next].warm
            && !cfg.blocks[next].visited
        {
            cfg.blocks[next].visited = true;
            stack.push(next);
        }
        for index in 0..cfg.blocks[id].instrs.len() {
            let Some(target) = jump_target(cfg, id, index) else {
                continue;
            };
            if !cfg.blocks[target].warm && !cfg.blocks[target].visited {
                cfg.blocks[target].visited = true;
                stack.push(target);
            }
        }
    }
}

/// `push_cold_blocks_to_end`.
pub(crate) fn push_cold_blocks_to_end(cfg: &mut Cfg) -> Result<(), FlowGraphError> {
    if cfg.blocks[cfg.entry].next.is_none() {
        return Ok(());
    }
    mark_cold(cfg);
    let mut next_label = cfg.max_label() + 1;
    // A cold block falling through into a warm one gets an explicit jump.
    for id in cfg.order() {
        let Some(next) = cfg.blocks[id].next else {
            continue;
        };
        if cfg.blocks[id].cold && cfg.blocks[id].has_fallthrough() && cfg.blocks[next].warm {
            let jump_block = cfg.new_block();
            if cfg.blocks[next].label.is_none() {
                cfg.blocks[next].label = Some(next_label);
                next_label += 1;
            }
            let mut jump = CfgInstr::new(
                JUMP_NO_INTERRUPT,
                cfg.blocks[next].label.unwrap_or(-1),
                NO_LOCATION,
            );
            jump.target = Some(next);
            let block = &mut cfg.blocks[jump_block];
            block.instrs.push(jump);
            block.cold = true;
            block.next = Some(next);
            block.predecessors = 1;
            cfg.blocks[id].next = Some(jump_block);
        }
    }
    // Unlink each cold streak and chain them after the last warm block.
    let mut cold_head: Option<BlockId> = None;
    let mut cold_tail: Option<BlockId> = None;
    let mut b = cfg.entry;
    while cfg.blocks[b].next.is_some() {
        while let Some(next) = cfg.blocks[b].next
            && !cfg.blocks[next].cold
        {
            b = next;
        }
        let Some(streak_start) = cfg.blocks[b].next else {
            break;
        };
        let mut streak_end = streak_start;
        while let Some(next) = cfg.blocks[streak_end].next
            && cfg.blocks[next].cold
        {
            streak_end = next;
        }
        match cold_tail {
            None => cold_head = Some(streak_start),
            Some(tail) => cfg.blocks[tail].next = Some(streak_start),
        }
        cold_tail = Some(streak_end);
        cfg.blocks[b].next = cfg.blocks[streak_end].next;
        cfg.blocks[streak_end].next = None;
    }
    cfg.blocks[b].next = cold_head;
    if cold_head.is_some() {
        remove_redundant_nops_and_jumps(cfg)?;
    }
    Ok(())
}

/// `is_exit_or_eval_check_without_lineno`.
fn is_exit_or_eval_check_without_lineno(cfg: &Cfg, id: BlockId) -> bool {
    let block = &cfg.blocks[id];
    (block.exits_scope() || block.has_eval_break()) && block.has_no_lineno()
}

/// `duplicate_exits_without_lineno`: an exit (or loop back-edge) block without line
/// numbers reached by several jumps is copied for each, so that each copy can take the
/// line of its jump.
fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let mut next_label = cfg.max_label() + 1;
    let mut current = Some(cfg.entry);
    while let Some(id) = current {
        if let Some(last) = cfg.blocks[id].last().copied()
            && is_jump(last.opcode)
            && let Some(target) = cfg.next_nonempty(last.target)
            && is_exit_or_eval_check_without_lineno(cfg, target)
            && cfg.blocks[target].predecessors > 1
        {
            let copy = cfg.new_block();
            let mut instrs = cfg.blocks[target].instrs.clone();
            instrs[0].loc = last.loc;
            let target_next = cfg.blocks[target].next;
            let block = &mut cfg.blocks[copy];
            block.instrs = instrs;
            block.predecessors = 1;
            block.label = Some(next_label);
            next_label += 1;
            block.next = target_next;
            cfg.blocks[target].next = Some(copy);
            cfg.blocks[target].predecessors -= 1;
            if let Some(jump) = cfg.blocks[id].instrs.last_mut() {
                jump.target = Some(copy);
            }
        }
        current = cfg.blocks[id].next;
    }
    // The remaining ones are only reached by falling through, from one predecessor.
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        if let Some(next) = cfg.blocks[id].next
            && cfg.blocks[id].has_fallthrough()
            && let Some(last) = cfg.blocks[id].last().copied()
            && is_exit_or_eval_check_without_lineno(cfg, next)
            && let Some(first) = cfg.blocks[next].instrs.first_mut()
        {
            first.loc = last.loc;
        }
    }
}

/// `propagate_line_numbers`.
fn propagate_line_numbers(cfg: &mut Cfg) {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let Some(last) = cfg.blocks[id].last().copied() else {
            continue;
        };
        let mut prev_location = NO_LOCATION;
        for instr in &mut cfg.blocks[id].instrs {
            if instr.loc.lineno == NO_LOCATION.lineno {
                instr.loc = prev_location;
            } else {
                prev_location = instr.loc;
            }
        }
        if cfg.blocks[id].has_fallthrough()
            && let Some(next) = cfg.blocks[id].next
            && cfg.blocks[next].predecessors == 1
            && let Some(first) = cfg.blocks[next].instrs.first_mut()
            && first.loc.lineno == NO_LOCATION.lineno
        {
            first.loc = prev_location;
        }
        if is_jump(last.opcode)
            && let Some(target) = last.target
            && cfg.blocks[target].predecessors == 1
            && let Some(first) = cfg.blocks[target].instrs.first_mut()
            && first.loc.lineno == NO_LOCATION.lineno
        {
            first.loc = prev_location;
        }
    }
}

/// `resolve_line_numbers`.
pub(crate) fn resolve_line_numbers(cfg: &mut Cfg) {
    duplicate_exits_without_lineno(cfg);
    propagate_line_numbers(cfg);
}

/// `convert_pseudo_conditional_jumps`: `JUMP_IF_X` becomes `COPY 1; TO_BOOL;
/// POP_JUMP_IF_X`.
fn convert_pseudo_conditional_jumps(cfg: &mut Cfg) {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let instrs = &mut cfg.blocks[id].instrs;
        let mut i = 0;
        while i < instrs.len() {
            let opcode = instrs[i].opcode;
            if opcode == JUMP_IF_FALSE || opcode == JUMP_IF_TRUE {
                instrs[i].opcode = if opcode == JUMP_IF_FALSE {
                    POP_JUMP_IF_FALSE
                } else {
                    POP_JUMP_IF_TRUE
                };
                let (loc, handler) = (instrs[i].loc, instrs[i].except);
                // Covered by the jump's handler, as the oracle's exception tables show.
                let mut copy = CfgInstr::new(COPY, 1, loc);
                copy.except = handler;
                let mut to_bool = CfgInstr::new(TO_BOOL, 0, loc);
                to_bool.except = handler;
                instrs.insert(i, copy);
                instrs.insert(i + 1, to_bool);
                i += 2;
            }
            i += 1;
        }
    }
}

/// `build_cellfixedoffsets`: where each cell/free index lands in localsplus (a cell that
/// is also a parameter shares the parameter's slot).
fn cell_fixed_offsets(layout: &LocalsLayout<'_>) -> Vec<usize> {
    let nlocals = layout.varnames.len();
    let mut fixed: Vec<usize> = (0..layout.cellvars.len() + layout.freevars.len())
        .map(|i| nlocals + i)
        .collect();
    for (cell_index, name) in layout.cellvars.iter().enumerate() {
        if let Some(var_index) = layout.varnames.iter().position(|var| var == name) {
            fixed[cell_index] = var_index;
        }
    }
    fixed
}

/// `insert_prefix_instructions`: `COPY_FREE_VARS`, `MAKE_CELL`s, and the generator's
/// `RETURN_GENERATOR; POP_TOP`.
fn insert_prefix_instructions(cfg: &mut Cfg, layout: &LocalsLayout<'_>, fixed: &[usize]) {
    let entry = cfg.entry;
    let generator = CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR;
    if layout.flags & generator != 0 {
        let line = layout.firstlineno;
        let loc = SourceLocation::new(line, line, -1, -1);
        let instrs = &mut cfg.blocks[entry].instrs;
        instrs.insert(0, CfgInstr::new(RETURN_GENERATOR, 0, loc));
        instrs.insert(1, CfgInstr::new(POP_TOP, 0, loc));
    }
    let ncellvars = layout.cellvars.len();
    if ncellvars > 0 {
        let nvars = ncellvars + layout.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for (i, &offset) in fixed.iter().take(ncellvars).enumerate() {
            if offset < nvars {
                sorted[offset] = i + 1;
            }
        }
        let mut used = 0;
        for &slot in &sorted {
            if used == ncellvars {
                break;
            }
            if slot == 0 {
                continue;
            }
            cfg.blocks[entry]
                .instrs
                .insert(used, CfgInstr::new(MAKE_CELL, slot as i32 - 1, NO_LOCATION));
            used += 1;
        }
    }
    if !layout.freevars.is_empty() {
        cfg.blocks[entry].instrs.insert(
            0,
            CfgInstr::new(COPY_FREE_VARS, layout.freevars.len() as i32, NO_LOCATION),
        );
    }
}

/// `fix_cell_offsets`: cell and free opargs become localsplus indices. Returns how many
/// cells share a parameter's slot.
fn fix_cell_offsets(cfg: &mut Cfg, layout: &LocalsLayout<'_>, fixed: &mut [usize]) -> usize {
    let nlocals = layout.varnames.len();
    let mut dropped = 0;
    for (i, offset) in fixed.iter_mut().enumerate() {
        if *offset == i + nlocals {
            *offset -= dropped;
        } else {
            dropped += 1;
        }
    }
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        for instr in &mut cfg.blocks[id].instrs {
            if matches!(
                instr.opcode,
                MAKE_CELL
                    | LOAD_CLOSURE
                    | LOAD_DEREF
                    | STORE_DEREF
                    | DELETE_DEREF
                    | LOAD_FROM_DICT_OR_DEREF
            ) && let Some(&offset) = usize::try_from(instr.oparg).ok().and_then(|i| fixed.get(i))
            {
                instr.oparg = offset as i32;
            }
        }
    }
    dropped
}

/// `convert_pseudo_ops`.
fn convert_pseudo_ops(cfg: &mut Cfg) -> Result<(), FlowGraphError> {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        for instr in &mut cfg.blocks[id].instrs {
            if is_block_push(instr.opcode) || instr.opcode == ANNOTATIONS_PLACEHOLDER {
                instr.set(NOP, 0);
            } else if instr.opcode == LOAD_CLOSURE {
                instr.opcode = LOAD_FAST;
            } else if instr.opcode == STORE_FAST_MAYBE_NULL {
                instr.opcode = STORE_FAST;
            }
        }
    }
    remove_redundant_nops_and_jumps(cfg)
}

/// `normalize_jumps`: a forward conditional jump is followed by `NOT_TAKEN`; a backward
/// one is reversed to jump over a new `NOT_TAKEN; JUMP` block.
fn normalize_jumps(cfg: &mut Cfg) {
    cfg.clear_visited();
    let mut current = Some(cfg.entry);
    while let Some(id) = current {
        cfg.blocks[id].visited = true;
        if let Some(last) = cfg.blocks[id].last().copied()
            && is_conditional_jump(last.opcode)
            && let Some(target) = last.target
        {
            let not_taken = CfgInstr::new(NOT_TAKEN, 0, last.loc);
            if !cfg.blocks[target].visited {
                cfg.blocks[id].push_into_slot(not_taken);
            } else {
                let reversed = match last.opcode {
                    POP_JUMP_IF_NOT_NONE => POP_JUMP_IF_NONE,
                    POP_JUMP_IF_NONE => POP_JUMP_IF_NOT_NONE,
                    POP_JUMP_IF_FALSE => POP_JUMP_IF_TRUE,
                    _ => POP_JUMP_IF_FALSE,
                };
                let backwards = cfg.new_block();
                let mut jump =
                    CfgInstr::new(JUMP, cfg.blocks[target].label.unwrap_or(-1), last.loc);
                jump.target = Some(target);
                let old_next = cfg.blocks[id].next;
                let startdepth = cfg.blocks[target].startdepth;
                let cold = cfg.blocks[id].cold;
                let block = &mut cfg.blocks[backwards];
                block.instrs.push(not_taken);
                block.instrs.push(jump);
                block.startdepth = startdepth;
                block.cold = cold;
                block.next = old_next;
                if let Some(last) = cfg.blocks[id].instrs.last_mut() {
                    last.opcode = reversed;
                    last.target = old_next;
                }
                cfg.blocks[id].next = Some(backwards);
            }
        }
        current = cfg.blocks[id].next;
    }
}

/// `_PyCfg_OptimizedCfgToInstructionSequence`.
pub(crate) fn optimized_cfg_to_sequence(
    cfg: &mut Cfg,
    layout: LocalsLayout<'_>,
) -> Result<OptimizedSequence, FlowGraphError> {
    convert_pseudo_conditional_jumps(cfg);
    let stackdepth = stack::calculate_stackdepth(cfg)?;
    let mut fixed = cell_fixed_offsets(&layout);
    insert_prefix_instructions(cfg, &layout, &fixed);
    let dropped = fix_cell_offsets(cfg, &layout, &mut fixed);
    let nlocalsplus =
        layout.varnames.len() + layout.cellvars.len() + layout.freevars.len() - dropped;
    convert_pseudo_ops(cfg)?;
    normalize_jumps(cfg);
    locals::optimize_load_fast(cfg);
    Ok(OptimizedSequence {
        instrs: to_flat_sequence(cfg),
        stackdepth,
        nlocalsplus,
    })
}

/// `_PyCfg_ToInstructionSequence` with the label map applied: jump opargs and handlers
/// become indices of the first instruction at or after their block.
pub(crate) fn to_flat_sequence(cfg: &Cfg) -> Vec<FlatInstr> {
    let order = cfg.order();
    let mut start = vec![0usize; cfg.blocks.len()];
    let mut offset = 0;
    for &id in &order {
        start[id] = offset;
        offset += cfg.blocks[id].instrs.len();
    }
    let mut out = Vec::with_capacity(offset);
    for &id in &order {
        for instr in &cfg.blocks[id].instrs {
            let mut oparg = instr.oparg;
            if has_target(instr.opcode)
                && let Some(target) = instr.target
            {
                oparg = start[target] as i32;
            }
            let handler = instr.except.map(|handler| HandlerInfo {
                target: start[handler],
                startdepth: cfg.blocks[handler].startdepth.unwrap_or(-1),
                preserve_lasti: cfg.blocks[handler].preserve_lasti,
            });
            out.push(FlatInstr {
                opcode: instr.opcode,
                oparg,
                loc: instr.loc,
                handler,
            });
        }
    }
    out
}
