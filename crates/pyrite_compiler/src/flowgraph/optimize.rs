//! The peephole and graph optimizations: small-exit inlining, unreachable code, constant
//! folding, jump threading, `SWAP` elimination, redundant `NOP`s and jumps, unused
//! constants.
//!
//! CPython counterpart: `Python/flowgraph.c` (`optimize_cfg`, `optimize_basic_block`,
//! `basicblock_optimize_load_const`, `fold_tuple_of_constants`, `optimize_lists_and_sets`,
//! `fold_const_binop`, `fold_const_unaryop`, `swaptimize`, `apply_static_swaps`,
//! `remove_redundant_nops_and_pairs`, `remove_redundant_jumps`, `remove_unused_consts`).

use super::fold::{self, Unary};
use super::opcodes::*;
use super::{BlockId, Cfg, CfgInstr, FlowGraphError, layout};
use crate::instruction_sequence::{NO_LOCATION, Op};
use num_bigint::BigInt;
use pyrite_bytecode::Constant;

/// `_PY_STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: i32 = 30;
/// `MAX_COPY_SIZE`.
const MAX_COPY_SIZE: usize = 4;
/// `MIN_CONST_SEQUENCE_SIZE`.
const MIN_CONST_SEQUENCE_SIZE: i32 = 3;

/// `optimize_cfg`.
pub(crate) fn optimize_cfg(
    cfg: &mut Cfg,
    consts: &mut Vec<Constant>,
) -> Result<(), FlowGraphError> {
    check_cfg(cfg)?;
    inline_small_or_no_lineno_blocks(cfg);
    remove_unreachable(cfg);
    layout::resolve_line_numbers(cfg);
    optimize_load_const(cfg, consts);
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        optimize_basic_block(cfg, id, consts);
    }
    remove_redundant_nops_and_pairs(cfg);
    remove_unreachable(cfg);
    remove_redundant_nops_and_jumps(cfg)?;
    Ok(())
}

/// `check_cfg`: a terminator must end its block.
fn check_cfg(cfg: &Cfg) -> Result<(), FlowGraphError> {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let instrs = &cfg.blocks[id].instrs;
        for (index, instr) in instrs.iter().enumerate() {
            if is_terminator(instr.opcode) && index + 1 != instrs.len() {
                return Err(FlowGraphError::system("malformed control flow graph."));
            }
        }
    }
    Ok(())
}

/// `inline_small_or_no_lineno_blocks`: a jump to a small exit block, or to a block without
/// line numbers and without fallthrough, is replaced by a copy of that block.
fn inline_small_or_no_lineno_blocks(cfg: &mut Cfg) {
    // CPython relies on each change removing a jump; a block without line numbers that
    // jumps to itself (never generated) would make that grow forever, hence a budget.
    let total: usize = cfg.blocks.iter().map(|block| block.instrs.len()).sum();
    let mut budget = 16 * total + 1024;
    loop {
        let mut changed = false;
        let mut cursor = Some(cfg.entry);
        while let Some(id) = cursor {
            cursor = cfg.blocks[id].next;
            let Some(last) = cfg.blocks[id].last().copied() else {
                continue;
            };
            if !is_unconditional_jump(last.opcode) {
                continue;
            }
            let Some(target) = last.target else { continue };
            let target_block = &cfg.blocks[target];
            let small_exit =
                target_block.exits_scope() && target_block.instrs.len() <= MAX_COPY_SIZE;
            let no_lineno_no_fallthrough =
                target_block.has_no_lineno() && !target_block.has_fallthrough();
            if (small_exit || no_lineno_no_fallthrough) && budget >= target_block.instrs.len() {
                budget -= target_block.instrs.len();
                let copied = target_block.instrs.clone();
                let block = &mut cfg.blocks[id];
                if let Some(jump) = block.instrs.last_mut() {
                    jump.set(NOP, 0);
                }
                block.instrs.extend(copied);
                if no_lineno_no_fallthrough
                    && let Some(new_last) = block.instrs.last_mut()
                    && is_unconditional_jump(new_last.opcode)
                    && last.opcode == JUMP
                {
                    // Keep the eval breaker check of the removed jump.
                    new_last.opcode = JUMP;
                }
                cfg.blocks[target].predecessors = cfg.blocks[target].predecessors.saturating_sub(1);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// `remove_unreachable`: counts predecessors and empties blocks nothing reaches.
pub(crate) fn remove_unreachable(cfg: &mut Cfg) {
    for block in &mut cfg.blocks {
        block.predecessors = 0;
    }
    cfg.clear_visited();
    let entry = cfg.entry;
    cfg.blocks[entry].predecessors = 1;
    cfg.blocks[entry].visited = true;
    let mut stack = vec![entry];
    while let Some(id) = stack.pop() {
        if cfg.blocks[id].has_fallthrough()
            && let Some(next) = cfg.blocks[id].next
        {
            if !cfg.blocks[next].visited {
                cfg.blocks[next].visited = true;
                stack.push(next);
            }
            cfg.blocks[next].predecessors += 1;
        }
        for index in 0..cfg.blocks[id].instrs.len() {
            let instr = cfg.blocks[id].instrs[index];
            if !(is_jump(instr.opcode) || is_block_push(instr.opcode)) {
                continue;
            }
            let Some(target) = instr.target else {
                continue;
            };
            if !cfg.blocks[target].visited {
                cfg.blocks[target].visited = true;
                stack.push(target);
            }
            cfg.blocks[target].predecessors += 1;
        }
    }
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let block = &mut cfg.blocks[id];
        if block.predecessors == 0 {
            block.shrink_to(0);
            block.except_handler = false;
        }
    }
}

/// `get_const_value`.
fn const_value(instr: &CfgInstr, consts: &[Constant]) -> Option<Constant> {
    match instr.opcode {
        LOAD_CONST => consts.get(usize::try_from(instr.oparg).ok()?).cloned(),
        LOAD_SMALL_INT => Some(Constant::Int(BigInt::from(instr.oparg))),
        _ => None,
    }
}

/// `get_const_value` for a question about the value: no copy of the constant is made.
fn with_const_value<R>(
    instr: &CfgInstr,
    consts: &[Constant],
    question: impl FnOnce(&Constant) -> R,
) -> Option<R> {
    match instr.opcode {
        LOAD_CONST => consts.get(usize::try_from(instr.oparg).ok()?).map(question),
        LOAD_SMALL_INT => Some(question(&Constant::Int(BigInt::from(instr.oparg)))),
        _ => None,
    }
}

/// `add_const`: the index of an equal constant, appending it when new.
pub(crate) fn add_const(constant: Constant, consts: &mut Vec<Constant>) -> i32 {
    if let Some(index) = consts
        .iter()
        .position(|existing| fold::same_constant(existing, &constant))
    {
        return index as i32;
    }
    consts.push(constant);
    consts.len() as i32 - 1
}

/// `instr_make_load_const`: `LOAD_SMALL_INT` for small ints, else `LOAD_CONST`.
fn make_load_const(instr: &mut CfgInstr, constant: Constant, consts: &mut Vec<Constant>) {
    if let Some(value) = fold::small_int(&constant) {
        instr.set(LOAD_SMALL_INT, value);
    } else {
        let index = add_const(constant, consts);
        instr.set(LOAD_CONST, index);
    }
}

/// `get_const_loading_instrs`: the indices of the `size` constant loads ending at `start`
/// (NOPs skipped), in stack order.
fn const_loading_instrs(instrs: &[CfgInstr], start: isize, size: usize) -> Option<Vec<usize>> {
    let mut found = Vec::with_capacity(size);
    let mut index = start;
    while index >= 0 && found.len() < size {
        let instr = &instrs[index as usize];
        if instr.opcode != NOP {
            if !loads_const(instr.opcode) {
                return None;
            }
            found.push(index as usize);
        }
        index -= 1;
    }
    if found.len() < size {
        return None;
    }
    found.reverse();
    Some(found)
}

/// `nop_out`.
fn nop_out(instrs: &mut [CfgInstr], indices: &[usize]) {
    for &index in indices {
        instrs[index].set(NOP, 0);
        instrs[index].loc = NO_LOCATION;
    }
}

fn fold_tuple_of_constants(instrs: &mut [CfgInstr], i: usize, consts: &mut Vec<Constant>) {
    let size = instrs[i].oparg;
    if !(0..=STACK_USE_GUIDELINE).contains(&size) {
        return;
    }
    let Some(loads) = const_loading_instrs(instrs, i as isize - 1, size as usize) else {
        return;
    };
    let Some(items) = loads
        .iter()
        .map(|&index| const_value(&instrs[index], consts))
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    nop_out(instrs, &loads);
    make_load_const(&mut instrs[i], Constant::Tuple(items), consts);
}

fn fold_constant_intrinsic_list_to_tuple(
    instrs: &mut [CfgInstr],
    i: usize,
    consts: &mut Vec<Constant>,
) {
    let mut consts_found = 0;
    let mut expect_append = true;
    for pos in (0..i).rev() {
        let instr = instrs[pos];
        if instr.opcode == NOP {
            continue;
        }
        if instr.opcode == BUILD_LIST && instr.oparg == 0 {
            if !expect_append {
                return;
            }
            let mut items = Vec::with_capacity(consts_found);
            let mut to_nop = Vec::new();
            for (newpos, &instr) in instrs.iter().enumerate().take(i).skip(pos) {
                if instr.opcode == NOP {
                    continue;
                }
                if loads_const(instr.opcode) {
                    let Some(value) = const_value(&instr, consts) else {
                        return;
                    };
                    items.push(value);
                }
                to_nop.push(newpos);
            }
            nop_out(instrs, &to_nop);
            make_load_const(&mut instrs[i], Constant::Tuple(items), consts);
            return;
        }
        if expect_append {
            if instr.opcode != LIST_APPEND || instr.oparg != 1 {
                return;
            }
        } else {
            if !loads_const(instr.opcode) {
                return;
            }
            consts_found += 1;
        }
        expect_append = !expect_append;
    }
}

/// `optimize_lists_and_sets`.
fn optimize_lists_and_sets(
    instrs: &mut [CfgInstr],
    i: usize,
    nextop: Op,
    consts: &mut Vec<Constant>,
) {
    let opcode = instrs[i].opcode;
    let contains_or_iter = nextop == GET_ITER || nextop == CONTAINS_OP;
    let size = instrs[i].oparg;
    if !(0..=STACK_USE_GUIDELINE).contains(&size)
        || (size < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter)
    {
        return;
    }
    let Some(loads) = const_loading_instrs(instrs, i as isize - 1, size as usize) else {
        if contains_or_iter && opcode == BUILD_LIST {
            instrs[i].set(BUILD_TUPLE, size);
        }
        return;
    };
    let Some(items) = loads
        .iter()
        .map(|&index| const_value(&instrs[index], consts))
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let constant = if opcode == BUILD_SET {
        let mut unique: Vec<Constant> = Vec::new();
        for item in items {
            if !unique.iter().any(|seen| set_equal(seen, &item)) {
                unique.push(item);
            }
        }
        Constant::FrozenSet(unique)
    } else {
        Constant::Tuple(items)
    };
    let index = add_const(constant, consts);
    nop_out(instrs, &loads);
    if contains_or_iter {
        instrs[i].set(LOAD_CONST, index);
    } else if i >= 2 {
        let loc = instrs[i].loc;
        instrs[i - 2].loc = loc;
        instrs[i - 2].set(opcode, 0);
        instrs[i - 1].set(LOAD_CONST, index);
        instrs[i].set(
            if opcode == BUILD_LIST {
                LIST_EXTEND
            } else {
                SET_UPDATE
            },
            1,
        );
    }
}

/// Python `==` between set elements (`1 == 1.0 == True` collapse in a set).
fn set_equal(a: &Constant, b: &Constant) -> bool {
    use Constant as C;
    let number = |c: &Constant| -> Option<(f64, f64, Option<BigInt>)> {
        match c {
            C::Bool(v) => Some((
                f64::from(u8::from(*v)),
                0.0,
                Some(BigInt::from(u8::from(*v))),
            )),
            C::Int(v) => Some((v.to_string().parse().ok()?, 0.0, Some(v.clone()))),
            C::Float(v) => Some((*v, 0.0, None)),
            C::Complex { real, imag } => Some((*real, *imag, None)),
            _ => None,
        }
    };
    match (number(a), number(b)) {
        (Some((_, _, Some(x))), Some((_, _, Some(y)))) => x == y,
        (Some((r1, i1, _)), Some((r2, i2, _))) => r1 == r2 && i1 == i2,
        (None, None) => match (a, b) {
            (C::Tuple(x), C::Tuple(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| set_equal(a, b))
            }
            _ => fold::same_constant(a, b),
        },
        _ => false,
    }
}

fn fold_const_binop(instrs: &mut [CfgInstr], i: usize, consts: &mut Vec<Constant>) {
    let Some(loads) = const_loading_instrs(instrs, i as isize - 1, 2) else {
        return;
    };
    let (Some(left), Some(right)) = (
        const_value(&instrs[loads[0]], consts),
        const_value(&instrs[loads[1]], consts),
    ) else {
        return;
    };
    let Some(result) = fold::binop(&left, instrs[i].oparg, &right) else {
        return;
    };
    nop_out(instrs, &loads);
    make_load_const(&mut instrs[i], result, consts);
}

fn fold_const_unaryop(instrs: &mut [CfgInstr], i: usize, consts: &mut Vec<Constant>) {
    let Some(loads) = const_loading_instrs(instrs, i as isize - 1, 1) else {
        return;
    };
    let Some(operand) = const_value(&instrs[loads[0]], consts) else {
        return;
    };
    let op = match instrs[i].opcode {
        UNARY_NEGATIVE => Unary::Negative,
        UNARY_INVERT => Unary::Invert,
        UNARY_NOT => Unary::Not,
        _ => Unary::Positive,
    };
    let Some(result) = fold::unary(&operand, op) else {
        return;
    };
    nop_out(instrs, &loads);
    make_load_const(&mut instrs[i], result, consts);
}

/// `basicblock_optimize_load_const` over every block.
fn optimize_load_const(cfg: &mut Cfg, consts: &mut Vec<Constant>) {
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let instrs = &mut cfg.blocks[id].instrs;
        let mut opcode: Op = 0;
        let mut oparg = 0;
        for i in 0..instrs.len() {
            if instrs[i].opcode == LOAD_CONST
                && let Some(value) = with_const_value(&instrs[i], consts, fold::small_int).flatten()
            {
                instrs[i].set(LOAD_SMALL_INT, value);
            }
            let is_copy_of_load_const =
                opcode == LOAD_CONST && instrs[i].opcode == COPY && instrs[i].oparg == 1;
            if !is_copy_of_load_const {
                opcode = instrs[i].opcode;
                oparg = instrs[i].oparg;
            }
            if opcode != LOAD_CONST && opcode != LOAD_SMALL_INT {
                continue;
            }
            let load = CfgInstr::new(opcode, oparg, NO_LOCATION);
            let nextop = instrs.get(i + 1).map_or(0, |next| next.opcode);
            match nextop {
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | JUMP_IF_FALSE | JUMP_IF_TRUE => {
                    let Some(truth) = with_const_value(&load, consts, fold::is_true) else {
                        continue;
                    };
                    if nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE {
                        instrs[i].set(NOP, 0);
                    }
                    let jump_if_true = nextop == POP_JUMP_IF_TRUE || nextop == JUMP_IF_TRUE;
                    if truth == jump_if_true {
                        instrs[i + 1].opcode = JUMP;
                    } else {
                        instrs[i + 1].set(NOP, 0);
                    }
                }
                IS_OP => {
                    if with_const_value(&load, consts, |c| matches!(c, Constant::None))
                        != Some(true)
                    {
                        continue;
                    }
                    if instrs.len() <= i + 2 {
                        continue;
                    }
                    let mut jump_index = i + 2;
                    if instrs[jump_index].opcode == TO_BOOL {
                        instrs[jump_index].set(NOP, 0);
                        if instrs.len() <= i + 3 {
                            continue;
                        }
                        jump_index = i + 3;
                    }
                    let mut invert = instrs[i + 1].oparg != 0;
                    match instrs[jump_index].opcode {
                        POP_JUMP_IF_FALSE => invert = !invert,
                        POP_JUMP_IF_TRUE => {}
                        _ => continue,
                    }
                    instrs[i].set(NOP, 0);
                    instrs[i + 1].set(NOP, 0);
                    instrs[jump_index].opcode = if invert {
                        POP_JUMP_IF_NOT_NONE
                    } else {
                        POP_JUMP_IF_NONE
                    };
                }
                TO_BOOL => {
                    let Some(truth) = with_const_value(&load, consts, fold::is_true) else {
                        continue;
                    };
                    let index = add_const(Constant::Bool(truth), consts);
                    instrs[i].set(NOP, 0);
                    instrs[i + 1].set(LOAD_CONST, index);
                }
                _ => {}
            }
        }
    }
}

/// `jump_thread`: the jump at the end of `block` goes straight to where the jump at its
/// target goes. Returns whether it changed.
fn jump_thread(cfg: &mut Cfg, block: BlockId, target_instr: CfgInstr, opcode: Op) -> bool {
    let Some(last) = cfg.blocks[block].instrs.last_mut() else {
        return false;
    };
    if last.target == target_instr.target {
        return false;
    }
    last.set(NOP, 0);
    let mut jump = CfgInstr::new(opcode, 0, target_instr.loc);
    jump.target = target_instr.target;
    if let Some(target) = jump.target {
        jump.oparg = cfg.blocks[target].label.unwrap_or(-1);
    }
    cfg.blocks[block].push_into_slot(jump);
    true
}

/// `optimize_basic_block`.
fn optimize_basic_block(cfg: &mut Cfg, id: BlockId, consts: &mut Vec<Constant>) {
    let mut i: isize = 0;
    while (i as usize) < cfg.blocks[id].instrs.len() {
        let index = i as usize;
        let inst = cfg.blocks[id].instrs[index];
        let opcode = inst.opcode;
        let oparg = inst.oparg;
        let target = if has_target(opcode) {
            inst.target
                .and_then(|t| cfg.blocks[t].instrs.first().copied())
                .unwrap_or(CfgInstr::new(NOP, 0, NO_LOCATION))
        } else {
            CfgInstr::new(NOP, 0, NO_LOCATION)
        };
        let instrs_len = cfg.blocks[id].instrs.len();
        let nextop = if index + 1 < instrs_len {
            cfg.blocks[id].instrs[index + 1].opcode
        } else {
            0
        };
        let next_oparg = if index + 1 < instrs_len {
            cfg.blocks[id].instrs[index + 1].oparg
        } else {
            0
        };
        match opcode {
            BUILD_TUPLE => {
                if nextop == UNPACK_SEQUENCE && oparg == next_oparg {
                    let instrs = &mut cfg.blocks[id].instrs;
                    match oparg {
                        1 => {
                            instrs[index].set(NOP, 0);
                            instrs[index + 1].set(NOP, 0);
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            instrs[index].set(NOP, 0);
                            instrs[index + 1].opcode = SWAP;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                fold_tuple_of_constants(&mut cfg.blocks[id].instrs, index, consts);
            }
            BUILD_LIST | BUILD_SET => {
                optimize_lists_and_sets(&mut cfg.blocks[id].instrs, index, nextop, consts);
            }
            POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE
                if target.opcode == JUMP && jump_thread(cfg, id, target, opcode) =>
            {
                i -= 1;
            }
            JUMP_IF_FALSE | JUMP_IF_TRUE => {
                let same = opcode;
                let other = if opcode == JUMP_IF_FALSE {
                    JUMP_IF_TRUE
                } else {
                    JUMP_IF_FALSE
                };
                if target.opcode == JUMP || target.opcode == same {
                    if jump_thread(cfg, id, target, same) {
                        i -= 1;
                    }
                    i += 1;
                    continue;
                }
                if target.opcode == other {
                    let current_target = inst.target.and_then(|t| cfg.blocks[t].next);
                    if let Some(next) = current_target {
                        cfg.blocks[id].instrs[index].target = Some(next);
                        i -= 1;
                    }
                    i += 1;
                    continue;
                }
            }
            JUMP | JUMP_NO_INTERRUPT => {
                if target.opcode == JUMP {
                    if jump_thread(cfg, id, target, JUMP) {
                        i -= 1;
                    }
                    i += 1;
                    continue;
                }
                if target.opcode == JUMP_NO_INTERRUPT {
                    if jump_thread(cfg, id, target, opcode) {
                        i -= 1;
                    }
                    i += 1;
                    continue;
                }
            }
            STORE_FAST => {
                let instrs = &mut cfg.blocks[id].instrs;
                if nextop == opcode
                    && oparg == next_oparg
                    && instrs[index].loc.lineno == instrs[index + 1].loc.lineno
                {
                    instrs[index].set(POP_TOP, 0);
                }
            }
            SWAP if oparg == 1 => cfg.blocks[id].instrs[index].set(NOP, 0),
            LOAD_GLOBAL if nextop == PUSH_NULL && (oparg & 1) == 0 => {
                let instrs = &mut cfg.blocks[id].instrs;
                instrs[index].set(LOAD_GLOBAL, oparg | 1);
                instrs[index + 1].set(NOP, 0);
            }
            COMPARE_OP if nextop == TO_BOOL => {
                let instrs = &mut cfg.blocks[id].instrs;
                instrs[index].set(NOP, 0);
                instrs[index + 1].set(COMPARE_OP, oparg | 16);
            }
            CONTAINS_OP | IS_OP => {
                let instrs = &mut cfg.blocks[id].instrs;
                if nextop == TO_BOOL {
                    instrs[index].set(NOP, 0);
                    instrs[index + 1].set(opcode, oparg);
                    i += 1;
                    continue;
                }
                if nextop == UNARY_NOT {
                    instrs[index].set(NOP, 0);
                    instrs[index + 1].set(opcode, oparg ^ 1);
                    i += 1;
                    continue;
                }
            }
            TO_BOOL if nextop == TO_BOOL => cfg.blocks[id].instrs[index].set(NOP, 0),
            UNARY_NOT => {
                let instrs = &mut cfg.blocks[id].instrs;
                if nextop == TO_BOOL {
                    instrs[index].set(NOP, 0);
                    instrs[index + 1].set(UNARY_NOT, 0);
                    i += 1;
                    continue;
                }
                if nextop == UNARY_NOT {
                    instrs[index].set(NOP, 0);
                    instrs[index + 1].set(NOP, 0);
                    i += 1;
                    continue;
                }
                fold_const_unaryop(instrs, index, consts);
            }
            UNARY_INVERT | UNARY_NEGATIVE => {
                fold_const_unaryop(&mut cfg.blocks[id].instrs, index, consts);
            }
            CALL_INTRINSIC_1 => {
                let instrs = &mut cfg.blocks[id].instrs;
                if oparg == INTRINSIC_LIST_TO_TUPLE {
                    if nextop == GET_ITER {
                        instrs[index].set(NOP, 0);
                    } else {
                        fold_constant_intrinsic_list_to_tuple(instrs, index, consts);
                    }
                } else if oparg == INTRINSIC_UNARY_POSITIVE {
                    fold_const_unaryop(instrs, index, consts);
                }
            }
            BINARY_OP => fold_const_binop(&mut cfg.blocks[id].instrs, index, consts),
            _ => {}
        }
        i += 1;
    }
    let instrs = &mut cfg.blocks[id].instrs;
    let mut i = 0;
    while i < instrs.len() {
        if instrs[i].opcode == SWAP {
            swaptimize(instrs, &mut i);
            apply_static_swaps(instrs, i);
        }
        i += 1;
    }
}

/// `swaptimize`: a run of `SWAP`s and `NOP`s becomes the shortest equivalent run.
fn swaptimize(instrs: &mut [CfgInstr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].oparg;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let opcode = instrs[start + len].opcode;
        if opcode == SWAP {
            depth = depth.max(instrs[start + len].oparg);
            more = true;
        } else if opcode != NOP {
            break;
        }
    }
    if !more || depth < 1 {
        return;
    }
    let depth = depth as usize;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for instr in &instrs[start..start + len] {
        if instr.opcode == SWAP {
            let oparg = instr.oparg as usize;
            if oparg == 0 || oparg > depth {
                return;
            }
            stack.swap(0, oparg - 1);
        }
    }
    const VISITED: isize = -1;
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return;
                }
                let instr = &mut instrs[start + current as usize];
                instr.opcode = SWAP;
                instr.oparg = j as i32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j as usize;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].set(NOP, 0);
        current -= 1;
    }
    *ix += len - 1;
}

fn swappable(opcode: Op) -> bool {
    matches!(opcode, STORE_FAST | STORE_FAST_MAYBE_NULL | POP_TOP)
}

fn stores_to(instr: &CfgInstr) -> i32 {
    if matches!(instr.opcode, STORE_FAST | STORE_FAST_MAYBE_NULL) {
        instr.oparg
    } else {
        -1
    }
}

/// `next_swappable_instruction`.
fn next_swappable_instruction(instrs: &[CfgInstr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let instr = &instrs[i];
        if lineno >= 0 && instr.loc.lineno != lineno {
            return None;
        }
        if instr.opcode == NOP {
            continue;
        }
        if swappable(instr.opcode) {
            return Some(i);
        }
        return None;
    }
}

/// `apply_static_swaps`: `SWAP`s before simple stores and pops reorder those instead.
fn apply_static_swaps(instrs: &mut [CfgInstr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let swap = instrs[i as usize];
        if swap.opcode != SWAP {
            if swap.opcode == NOP || swappable(swap.opcode) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, i as usize, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = swap.oparg - 1;
        while count > 0 {
            let Some(next) = next_swappable_instruction(instrs, k, lineno) else {
                return;
            };
            k = next;
            count -= 1;
        }
        let store_j = stores_to(&instrs[j]);
        let store_k = stores_to(&instrs[k]);
        if store_j >= 0 || store_k >= 0 {
            if store_j == store_k {
                return;
            }
            for instr in &instrs[j + 1..k] {
                let store = stores_to(instr);
                if store >= 0 && (store == store_j || store == store_k) {
                    return;
                }
            }
        }
        instrs[i as usize].set(NOP, 0);
        instrs.swap(j, k);
        i -= 1;
    }
}

/// `basicblock_remove_redundant_nops`: returns how many were removed.
pub(crate) fn remove_redundant_nops_in_block(cfg: &mut Cfg, id: BlockId) -> usize {
    let next_line = {
        // The line of the first located instruction of the next non-empty block.
        let next = cfg.next_nonempty(cfg.blocks[id].next);
        next.map(|next| {
            let mut line = NO_LOCATION.lineno;
            for instr in &cfg.blocks[next].instrs {
                if instr.opcode == NOP && instr.loc.lineno < 0 {
                    continue;
                }
                line = instr.loc.lineno;
                break;
            }
            line
        })
    };
    let instrs = &mut cfg.blocks[id].instrs;
    let count = instrs.len();
    let mut dest = 0;
    let mut prev_lineno = -1;
    for src in 0..count {
        let lineno = instrs[src].loc.lineno;
        if instrs[src].opcode == NOP {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src + 1 < count {
                let next_lineno = instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
            } else if let Some(line) = next_line
                && line == lineno
            {
                continue;
            }
        }
        if dest != src {
            instrs[dest] = instrs[src];
        }
        dest += 1;
        prev_lineno = lineno;
    }
    cfg.blocks[id].shrink_to(dest);
    count - dest
}

/// `remove_redundant_nops`.
pub(crate) fn remove_redundant_nops(cfg: &mut Cfg) -> usize {
    let mut changes = 0;
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        changes += remove_redundant_nops_in_block(cfg, id);
    }
    changes
}

/// `remove_redundant_nops_and_pairs`: also `LOAD_CONST; POP_TOP` and `COPY 1; POP_TOP`.
fn remove_redundant_nops_and_pairs(cfg: &mut Cfg) {
    let mut done = false;
    while !done {
        done = true;
        let mut instr: Option<(BlockId, usize)> = None;
        let mut cursor = Some(cfg.entry);
        while let Some(id) = cursor {
            cursor = cfg.blocks[id].next;
            remove_redundant_nops_in_block(cfg, id);
            if cfg.blocks[id].label.is_some() {
                instr = None;
            }
            for index in 0..cfg.blocks[id].instrs.len() {
                let prev = instr;
                instr = Some((id, index));
                let (prev_opcode, prev_oparg) = prev.map_or((0, 0), |(b, i)| {
                    let p = &cfg.blocks[b].instrs[i];
                    (p.opcode, p.oparg)
                });
                let opcode = cfg.blocks[id].instrs[index].opcode;
                let redundant = opcode == POP_TOP
                    && (prev_opcode == LOAD_CONST
                        || prev_opcode == LOAD_SMALL_INT
                        || (prev_opcode == COPY && prev_oparg == 1));
                if redundant && let Some((b, i)) = prev {
                    cfg.blocks[b].instrs[i].set(NOP, 0);
                    cfg.blocks[id].instrs[index].set(NOP, 0);
                    done = false;
                }
            }
            let last_is_jump = instr.is_some_and(|(b, i)| is_jump(cfg.blocks[b].instrs[i].opcode));
            if last_is_jump || !cfg.blocks[id].has_fallthrough() {
                instr = None;
            }
        }
    }
}

/// `remove_redundant_jumps`: an unconditional jump to the next non-empty block.
fn remove_redundant_jumps(cfg: &mut Cfg) -> Result<usize, FlowGraphError> {
    let mut changes = 0;
    let mut cursor = Some(cfg.entry);
    while let Some(id) = cursor {
        cursor = cfg.blocks[id].next;
        let Some(last) = cfg.blocks[id].last().copied() else {
            continue;
        };
        if is_unconditional_jump(last.opcode) {
            let jump_target = cfg.next_nonempty(last.target);
            if jump_target.is_none() {
                return Err(FlowGraphError::system("jump with NULL target"));
            }
            let next = cfg.next_nonempty(cfg.blocks[id].next);
            if jump_target == next {
                changes += 1;
                if let Some(last) = cfg.blocks[id].instrs.last_mut() {
                    last.set(NOP, 0);
                }
            }
        }
    }
    Ok(changes)
}

/// `remove_redundant_nops_and_jumps`.
pub(crate) fn remove_redundant_nops_and_jumps(cfg: &mut Cfg) -> Result<(), FlowGraphError> {
    loop {
        let removed_nops = remove_redundant_nops(cfg);
        let removed_jumps = remove_redundant_jumps(cfg)?;
        if removed_nops + removed_jumps == 0 {
            return Ok(());
        }
    }
}

/// `remove_unused_consts`: the first constant (a docstring, maybe) is always kept; the
/// others keep their relative order.
pub(crate) fn remove_unused_consts(cfg: &mut Cfg, consts: &mut Vec<Constant>) {
    let count = consts.len();
    if count == 0 {
        return;
    }
    let mut used = vec![false; count];
    used[0] = true;
    let order = cfg.order();
    for &id in &order {
        for instr in &cfg.blocks[id].instrs {
            if has_const(instr.opcode)
                && let Some(flag) = usize::try_from(instr.oparg)
                    .ok()
                    .and_then(|i| used.get_mut(i))
            {
                *flag = true;
            }
        }
    }
    if used.iter().all(|flag| *flag) {
        return;
    }
    let mut new_index = vec![-1i32; count];
    let mut kept = Vec::new();
    for (index, constant) in consts.drain(..).enumerate() {
        if used[index] {
            new_index[index] = kept.len() as i32;
            kept.push(constant);
        }
    }
    *consts = kept;
    for &id in &order {
        for instr in &mut cfg.blocks[id].instrs {
            if has_const(instr.opcode)
                && let Some(&index) = usize::try_from(instr.oparg)
                    .ok()
                    .and_then(|i| new_index.get(i))
            {
                instr.oparg = index;
            }
        }
    }
}
