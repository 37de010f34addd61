//! Analyses of local variables: `LOAD_FAST_CHECK` where a local may be unbound,
//! the `LOAD_FAST_LOAD_FAST`-style superinstructions, and `LOAD_FAST_BORROW` where the
//! frame's reference provably outlives the stack's.
//!
//! CPython counterpart: `Python/flowgraph.c` (`add_checks_for_loads_of_uninitialized_variables`,
//! `scan_block_for_locals`, `fast_scan_many_locals`, `insert_superinstructions`,
//! `optimize_load_fast`).

use super::opcodes::*;
use super::optimize::remove_redundant_nops;
use super::stack::{num_popped, num_pushed};
use super::{BlockId, Cfg, CfgInstr};

/// `maybe_push`: `visited` marks a block already on the work stack.
fn maybe_push(cfg: &mut Cfg, block: BlockId, unsafe_mask: u64, stack: &mut Vec<BlockId>) {
    let both = cfg.blocks[block].unsafe_locals_mask | unsafe_mask;
    if cfg.blocks[block].unsafe_locals_mask != both {
        cfg.blocks[block].unsafe_locals_mask = both;
        if !cfg.blocks[block].visited {
            cfg.blocks[block].visited = true;
            stack.push(block);
        }
    }
}

/// `scan_block_for_locals`.
fn scan_block_for_locals(cfg: &mut Cfg, id: BlockId, stack: &mut Vec<BlockId>) {
    let mut unsafe_mask = cfg.blocks[id].unsafe_locals_mask;
    for index in 0..cfg.blocks[id].instrs.len() {
        let instr = cfg.blocks[id].instrs[index];
        if let Some(handler) = instr.except {
            maybe_push(cfg, handler, unsafe_mask, stack);
        }
        if !(0..64).contains(&instr.oparg) {
            continue;
        }
        let bit = 1u64 << instr.oparg;
        match instr.opcode {
            DELETE_FAST | LOAD_FAST_AND_CLEAR | STORE_FAST_MAYBE_NULL => unsafe_mask |= bit,
            STORE_FAST | LOAD_FAST_CHECK => unsafe_mask &= !bit,
            LOAD_FAST => {
                if unsafe_mask & bit != 0 {
                    cfg.blocks[id].instrs[index].opcode = LOAD_FAST_CHECK;
                }
                unsafe_mask &= !bit;
            }
            _ => {}
        }
    }
    if cfg.blocks[id].has_fallthrough()
        && let Some(next) = cfg.blocks[id].next
    {
        maybe_push(cfg, next, unsafe_mask, stack);
    }
    if let Some(last) = cfg.blocks[id].last().copied()
        && is_jump(last.opcode)
        && let Some(target) = last.target
    {
        maybe_push(cfg, target, unsafe_mask, stack);
    }
}

/// `fast_scan_many_locals`: locals beyond the 64th, one block at a time.
fn fast_scan_many_locals(cfg: &mut Cfg, nlocals: usize) {
    let mut states = vec![0usize; nlocals - 64];
    let mut blocknum = 0usize;
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        blocknum += 1;
        for instr in &mut cfg.blocks[id].instrs {
            let Ok(arg) = usize::try_from(instr.oparg) else {
                continue;
            };
            if arg < 64 || arg - 64 >= states.len() {
                continue;
            }
            let state = &mut states[arg - 64];
            match instr.opcode {
                DELETE_FAST | LOAD_FAST_AND_CLEAR | STORE_FAST_MAYBE_NULL => {
                    *state = blocknum - 1;
                }
                STORE_FAST => *state = blocknum,
                LOAD_FAST => {
                    if *state != blocknum {
                        instr.opcode = LOAD_FAST_CHECK;
                    }
                    *state = blocknum;
                }
                _ => {}
            }
        }
    }
}

/// `add_checks_for_loads_of_uninitialized_variables`.
pub(crate) fn add_checks_for_loads_of_uninitialized_variables(
    cfg: &mut Cfg,
    nlocals: usize,
    nparams: usize,
) {
    if nlocals == 0 {
        return;
    }
    let mut nlocals = nlocals;
    if nlocals > 64 {
        fast_scan_many_locals(cfg, nlocals);
        nlocals = 64;
    }
    cfg.clear_visited();
    let mut stack = Vec::new();
    let mut start_mask = 0u64;
    for i in nparams..nlocals {
        start_mask |= 1u64 << i;
    }
    maybe_push(cfg, cfg.entry, start_mask, &mut stack);
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        scan_block_for_locals(cfg, id, &mut stack);
    }
    while let Some(id) = stack.pop() {
        cfg.blocks[id].visited = false;
        scan_block_for_locals(cfg, id, &mut stack);
    }
}

fn make_super_instruction(instrs: &mut [CfgInstr], first: usize, super_op: u16) {
    let (line1, line2) = (instrs[first].loc.lineno, instrs[first + 1].loc.lineno);
    if line1 >= 0 && line2 >= 0 && line1 != line2 {
        return;
    }
    let (arg1, arg2) = (instrs[first].oparg, instrs[first + 1].oparg);
    if arg1 >= 16 || arg2 >= 16 {
        return;
    }
    instrs[first].set(super_op, (arg1 << 4) | arg2);
    instrs[first + 1].set(NOP, 0);
}

/// `insert_superinstructions`.
pub(crate) fn insert_superinstructions(cfg: &mut Cfg) {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let instrs = &mut cfg.blocks[id].instrs;
        for i in 0..instrs.len() {
            let nextop = instrs.get(i + 1).map_or(0, |next| next.opcode);
            match (instrs[i].opcode, nextop) {
                (LOAD_FAST, LOAD_FAST) => make_super_instruction(instrs, i, LOAD_FAST_LOAD_FAST),
                (STORE_FAST, LOAD_FAST) => {
                    make_super_instruction(instrs, i, STORE_FAST_LOAD_FAST);
                }
                (STORE_FAST, STORE_FAST) => {
                    make_super_instruction(instrs, i, STORE_FAST_STORE_FAST);
                }
                _ => {}
            }
        }
    }
    remove_redundant_nops(cfg);
}

const NOT_LOCAL: i32 = -1;
const DUMMY_INSTR: i32 = -1;

/// An abstract stack value: the instruction that pushed it and the local it came from.
#[derive(Clone, Copy)]
struct Ref {
    instr: i32,
    local: i32,
}

const SUPPORT_KILLED: u8 = 1;
const STORED_AS_LOCAL: u8 = 2;
const REF_UNCONSUMED: u8 = 4;

fn kill_local(flags: &mut [u8], refs: &[Ref], local: i32) {
    for r in refs {
        if r.local == local
            && let Ok(instr) = usize::try_from(r.instr)
            && let Some(flag) = flags.get_mut(instr)
        {
            *flag |= SUPPORT_KILLED;
        }
    }
}

fn store_local(flags: &mut [u8], refs: &[Ref], local: i32, r: Ref) {
    kill_local(flags, refs, local);
    if let Ok(instr) = usize::try_from(r.instr)
        && let Some(flag) = flags.get_mut(instr)
    {
        *flag |= STORED_AS_LOCAL;
    }
}

fn pop(refs: &mut Vec<Ref>) -> Ref {
    refs.pop().unwrap_or(Ref {
        instr: DUMMY_INSTR,
        local: NOT_LOCAL,
    })
}

fn push_block(cfg: &mut Cfg, stack: &mut Vec<BlockId>, target: BlockId) {
    if !cfg.blocks[target].visited {
        cfg.blocks[target].visited = true;
        stack.push(target);
    }
}

/// `optimize_load_fast`: abstract interpretation of each block's stack; a `LOAD_FAST`
/// whose value is consumed before its local is overwritten, is not stored into a local,
/// and does not outlive the block becomes `LOAD_FAST_BORROW`.
pub(crate) fn optimize_load_fast(cfg: &mut Cfg) {
    cfg.clear_visited();
    let entry = cfg.entry;
    let mut stack = vec![entry];
    cfg.blocks[entry].startdepth = Some(0);
    cfg.blocks[entry].visited = true;
    let mut refs: Vec<Ref> = Vec::new();
    while let Some(id) = stack.pop() {
        let count = cfg.blocks[id].instrs.len();
        let mut flags = vec![0u8; count];
        refs.clear();
        for _ in 0..cfg.blocks[id].startdepth.unwrap_or(0).max(0) {
            refs.push(Ref {
                instr: DUMMY_INSTR,
                local: NOT_LOCAL,
            });
        }
        for i in 0..count {
            let instr = cfg.blocks[id].instrs[i];
            let (opcode, oparg) = (instr.opcode, instr.oparg);
            let here = i as i32;
            match opcode {
                LOAD_FAST => refs.push(Ref {
                    instr: here,
                    local: oparg,
                }),
                DELETE_FAST => kill_local(&mut flags, &refs, oparg),
                LOAD_FAST_AND_CLEAR => {
                    kill_local(&mut flags, &refs, oparg);
                    refs.push(Ref {
                        instr: here,
                        local: oparg,
                    });
                }
                LOAD_FAST_LOAD_FAST => {
                    refs.push(Ref {
                        instr: here,
                        local: oparg >> 4,
                    });
                    refs.push(Ref {
                        instr: here,
                        local: oparg & 15,
                    });
                }
                STORE_FAST => {
                    let r = pop(&mut refs);
                    store_local(&mut flags, &refs, oparg, r);
                }
                STORE_FAST_LOAD_FAST => {
                    let r = pop(&mut refs);
                    store_local(&mut flags, &refs, oparg >> 4, r);
                    refs.push(Ref {
                        instr: here,
                        local: oparg & 15,
                    });
                }
                STORE_FAST_STORE_FAST => {
                    let r = pop(&mut refs);
                    store_local(&mut flags, &refs, oparg >> 4, r);
                    let r = pop(&mut refs);
                    store_local(&mut flags, &refs, oparg & 15, r);
                }
                COPY => {
                    let index = refs.len() as isize - oparg as isize;
                    let r = usize::try_from(index)
                        .ok()
                        .and_then(|index| refs.get(index).copied())
                        .unwrap_or(Ref {
                            instr: DUMMY_INSTR,
                            local: NOT_LOCAL,
                        });
                    refs.push(r);
                }
                SWAP => {
                    let len = refs.len();
                    if let Ok(index) = usize::try_from(len as isize - oparg as isize)
                        && index < len
                    {
                        refs.swap(index, len - 1);
                    }
                }
                // GET_YIELD_FROM_ITER (a generator) and FORMAT_SIMPLE (a str) may leave
                // their operand in place as their result.
                FORMAT_SIMPLE | GET_ANEXT | GET_LEN | GET_YIELD_FROM_ITER | IMPORT_FROM
                | MATCH_KEYS | MATCH_MAPPING | MATCH_SEQUENCE | WITH_EXCEPT_START => {
                    let net = num_pushed(opcode, oparg).unwrap_or(0)
                        - num_popped(opcode, oparg).unwrap_or(0);
                    // CPython records the loop counter as the producing instruction.
                    for counter in 0..net.max(0) {
                        refs.push(Ref {
                            instr: counter,
                            local: NOT_LOCAL,
                        });
                    }
                }
                DICT_MERGE | DICT_UPDATE | LIST_APPEND | LIST_EXTEND | MAP_ADD | RERAISE
                | SET_ADD | SET_UPDATE => {
                    let net = num_popped(opcode, oparg).unwrap_or(0)
                        - num_pushed(opcode, oparg).unwrap_or(0);
                    for _ in 0..net.max(0) {
                        pop(&mut refs);
                    }
                }
                CHECK_EXC_MATCH => {
                    pop(&mut refs);
                    refs.push(Ref {
                        instr: here,
                        local: NOT_LOCAL,
                    });
                }
                FOR_ITER => {
                    if let Some(target) = instr.target {
                        push_block(cfg, &mut stack, target);
                    }
                    refs.push(Ref {
                        instr: here,
                        local: NOT_LOCAL,
                    });
                }
                LOAD_SPECIAL => {
                    // The owner may come back as the method's `self`.
                    let self_ref = pop(&mut refs);
                    refs.push(Ref {
                        instr: here,
                        local: NOT_LOCAL,
                    });
                    refs.push(self_ref);
                }
                LOAD_ATTR | LOAD_SUPER_ATTR => {
                    let self_ref = pop(&mut refs);
                    if opcode == LOAD_SUPER_ATTR {
                        pop(&mut refs);
                        pop(&mut refs);
                    }
                    refs.push(Ref {
                        instr: here,
                        local: NOT_LOCAL,
                    });
                    if oparg & 1 != 0 {
                        refs.push(self_ref);
                    }
                }
                SEND => {
                    if let Some(target) = instr.target {
                        push_block(cfg, &mut stack, target);
                    }
                    pop(&mut refs);
                    refs.push(Ref {
                        instr: here,
                        local: NOT_LOCAL,
                    });
                }
                _ => {
                    let popped = num_popped(opcode, oparg).unwrap_or(0);
                    let pushed = num_pushed(opcode, oparg).unwrap_or(0);
                    if has_target(opcode)
                        && let Some(target) = instr.target
                    {
                        push_block(cfg, &mut stack, target);
                    }
                    if !is_block_push(opcode) {
                        for _ in 0..popped {
                            pop(&mut refs);
                        }
                        for _ in 0..pushed {
                            refs.push(Ref {
                                instr: here,
                                local: NOT_LOCAL,
                            });
                        }
                    }
                }
            }
        }
        if let Some(term) = cfg.blocks[id].last().copied()
            && let Some(next) = cfg.blocks[id].next
            && !(is_unconditional_jump(term.opcode) || is_scope_exit(term.opcode))
        {
            push_block(cfg, &mut stack, next);
        }
        for r in &refs {
            if let Ok(instr) = usize::try_from(r.instr)
                && let Some(flag) = flags.get_mut(instr)
            {
                *flag |= REF_UNCONSUMED;
            }
        }
        for (instr, flag) in cfg.blocks[id].instrs.iter_mut().zip(&flags) {
            if *flag == 0 {
                match instr.opcode {
                    LOAD_FAST => instr.opcode = LOAD_FAST_BORROW,
                    LOAD_FAST_LOAD_FAST => instr.opcode = LOAD_FAST_BORROW_LOAD_FAST_BORROW,
                    _ => {}
                }
            }
        }
    }
}
