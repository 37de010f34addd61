//! The assembler: from an optimized code unit to a [`CodeObject`] with CPython 3.14's exact
//! `co_code`, `co_linetable`, `co_exceptiontable`, localsplus and stack size.
//!
//! CPython counterpart: `Python/assemble.c` (`_PyAssemble_MakeCodeObject`,
//! `resolve_unconditional_jumps`, `resolve_jump_offsets`, `write_instr`,
//! `assemble_location_info`, `assemble_exception_table`, `compute_localsplus_info`,
//! `makecode`) and `Python/compile.c` (`optimize_and_assemble_code_unit`).
//!
//! The entry point is [`optimize_and_assemble`]: it takes a [`CodeUnit`] exactly as code
//! generation finishes it (opargs of `LOAD_DEREF`/`STORE_DEREF`/`LOAD_CLOSURE`/
//! `MAKE_CELL`/`DELETE_DEREF`/`LOAD_FROM_DICT_OR_DEREF` index cellvars then freevars, as
//! CPython's codegen numbers them; `metadata.flags` is the final `co_flags`;
//! `metadata.consts` may hold the nested units' code objects; `metadata.argcount` counts
//! the positional parameters that are not positional-only, as CPython's `u_argcount`)
//! and the filename, and
//! returns the code object or the `SystemError`/`ValueError` CPython would raise.

use crate::flowgraph::opcodes::*;
use crate::flowgraph::{
    self, FlatInstr, FlowGraphError, LocalsLayout, OptimizedSequence, UnitFacts,
};
use crate::instruction_sequence::{CodeUnit, CodeUnitMetadata, SourceLocation};
use pyrite_bytecode::code::LocalKind;
use pyrite_bytecode::exceptiontable::{self, ExceptionTableEntry};
use pyrite_bytecode::linetable::{LineTableWriter, Position};
use pyrite_bytecode::{CodeFlags, CodeObject, Constant};

/// `MAX_ALLOWED_STACK_USE` (`_PY_STACK_USE_GUIDELINE * 100`).
const MAX_ALLOWED_STACK_USE: i32 = 3000;

/// `END_SEND_OFFSET`: `END_ASYNC_FOR`'s oparg points this many code units before it.
const END_SEND_OFFSET: i32 = 5;

/// `optimize_and_assemble_code_unit`: optimize the unit's graph and assemble it.
pub fn optimize_and_assemble(unit: CodeUnit, filename: &str) -> Result<CodeObject, FlowGraphError> {
    let CodeUnit { seq, mut metadata } = unit;
    // Moved, not cloned: the constants hold the nested units' code objects.
    let mut consts = std::mem::take(&mut metadata.consts);
    let facts = UnitFacts {
        nlocals: metadata.varnames.len(),
        nparams: parameter_count(&metadata),
        firstlineno: metadata.firstlineno,
    };
    let optimized = flowgraph::optimize_and_flatten(seq, &mut consts, facts, layout(&metadata))?;
    make_code_object(&metadata, consts, optimized, filename)
}

/// `_testinternalcapi.assemble_code_object(filename, insts, metadata)`: no optimization,
/// only lowering and assembly (`co_flags` 0 unless the metadata says otherwise). Not
/// checked against the oracle: its WebAssembly build of that function corrupts memory on
/// real sequences.
pub fn assemble_unoptimized(unit: CodeUnit, filename: &str) -> Result<CodeObject, FlowGraphError> {
    let CodeUnit { seq, mut metadata } = unit;
    let consts = std::mem::take(&mut metadata.consts);
    let optimized = flowgraph::flatten_unoptimized(seq, layout(&metadata))?;
    make_code_object(&metadata, consts, optimized, filename)
}

fn layout(metadata: &CodeUnitMetadata) -> LocalsLayout<'_> {
    LocalsLayout {
        varnames: &metadata.varnames,
        cellvars: &metadata.cellvars,
        freevars: &metadata.freevars,
        firstlineno: metadata.firstlineno,
        flags: metadata.flags,
    }
}

/// The number of parameters (`ste_varnames`), `*args` and `**kwargs` included.
fn parameter_count(metadata: &CodeUnitMetadata) -> usize {
    let mut count = metadata.posonlyargcount as usize
        + metadata.argcount as usize
        + metadata.kwonlyargcount as usize;
    if metadata.flags & CodeFlags::VARARGS != 0 {
        count += 1;
    }
    if metadata.flags & CodeFlags::VARKEYWORDS != 0 {
        count += 1;
    }
    count.min(metadata.varnames.len())
}

/// `resolve_unconditional_jumps`: `JUMP`/`JUMP_NO_INTERRUPT` take their direction.
fn resolve_unconditional_jumps(instrs: &mut [FlatInstr]) {
    for (index, instr) in instrs.iter_mut().enumerate() {
        let forward = instr.oparg > index as i32;
        match instr.opcode {
            JUMP => instr.opcode = if forward { JUMP_FORWARD } else { JUMP_BACKWARD },
            JUMP_NO_INTERRUPT => {
                instr.opcode = if forward {
                    JUMP_FORWARD
                } else {
                    JUMP_BACKWARD_NO_INTERRUPT
                };
            }
            _ => {}
        }
    }
}

/// `resolve_jump_offsets`: jump opargs become code-unit distances; repeated until the
/// `EXTENDED_ARG` prefixes they need stop changing. Returns each instruction's offset.
fn resolve_jump_offsets(instrs: &mut [FlatInstr]) -> Vec<i32> {
    let targets: Vec<Option<usize>> = instrs
        .iter()
        .map(|instr| is_jump(instr.opcode).then(|| instr.oparg.max(0) as usize))
        .collect();
    let mut offsets = vec![0i32; instrs.len() + 1];
    // Converges at once for real code; the bound only guards malformed input.
    for _ in 0..64 {
        let mut total = 0i32;
        for (index, instr) in instrs.iter().enumerate() {
            offsets[index] = total;
            total += instr_size(instr.opcode, instr.oparg) as i32;
        }
        offsets[instrs.len()] = total;
        let mut changed = false;
        // As CPython: the running offset takes the sizes as they change in this pass,
        // the targets' offsets are those of the pass's start.
        let mut after = 0i32;
        for (index, instr) in instrs.iter_mut().enumerate() {
            let size = instr_size(instr.opcode, instr.oparg);
            after += size as i32;
            let Some(target) = targets[index] else {
                continue;
            };
            let target_offset = offsets[target.min(offsets.len() - 1)];
            instr.oparg = if instr.opcode == END_ASYNC_FOR {
                after - target_offset - END_SEND_OFFSET
            } else if target_offset < after {
                after - target_offset
            } else {
                target_offset - after
            };
            if instr_size(instr.opcode, instr.oparg) != size {
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    offsets
}

fn write_instr(code: &mut Vec<u8>, opcode: u16, oparg: i32) {
    let oparg = oparg as u32;
    let caches = cache_entries(opcode);
    let size = instr_size(opcode, oparg as i32) - caches;
    for shift in [24u32, 16, 8].into_iter().skip(4 - size) {
        code.extend_from_slice(&[EXTENDED_ARG as u8, (oparg >> shift) as u8]);
    }
    code.extend_from_slice(&[opcode as u8, oparg as u8]);
    code.resize(code.len() + 2 * caches, 0);
}

fn position(loc: SourceLocation) -> Position {
    let known = |value: i32| (value >= 0).then_some(value);
    Position {
        line: known(loc.lineno),
        end_line: known(loc.end_lineno),
        column: known(loc.col_offset),
        end_column: known(loc.end_col_offset),
    }
}

/// `NEXT_LOCATION`: an instruction that takes the location of the one after it.
const NEXT_LOCATION: SourceLocation = SourceLocation::new(-2, -2, -2, -2);

/// `assemble_location_info`: `NEXT_LOCATION`s resolved (last to first), then one entry
/// per run of instructions with the same location.
fn location_table(instrs: &mut [FlatInstr], firstlineno: i32) -> Vec<u8> {
    for index in (0..instrs.len()).rev() {
        if instrs[index].loc == NEXT_LOCATION {
            instrs[index].loc = if is_terminator(instrs[index].opcode) {
                crate::instruction_sequence::NO_LOCATION
            } else {
                instrs
                    .get(index + 1)
                    .map_or(crate::instruction_sequence::NO_LOCATION, |next| next.loc)
            };
        }
    }
    let mut writer = LineTableWriter::new(firstlineno);
    let mut current = crate::instruction_sequence::NO_LOCATION;
    let mut size = 0u32;
    for instr in instrs.iter() {
        if instr.loc != current {
            writer.push(position(current), size);
            current = instr.loc;
            size = 0;
        }
        size += instr_size(instr.opcode, instr.oparg) as u32;
    }
    writer.push(position(current), size);
    writer.finish()
}

/// `assemble_exception_table`: one entry per run of instructions with the same handler.
fn exception_table(instrs: &[FlatInstr], offsets: &[i32]) -> Vec<u8> {
    let mut entries = Vec::new();
    let mut current: Option<(i32, i32, bool)> = None;
    let mut start = 0i32;
    let mut offset = 0i32;
    let close = |handler: Option<(i32, i32, bool)>,
                 start: i32,
                 end: i32,
                 entries: &mut Vec<ExceptionTableEntry>| {
        if let Some((target, startdepth, lasti)) = handler {
            let depth = startdepth - 1 - i32::from(lasti);
            entries.push(ExceptionTableEntry {
                start: start as u32,
                length: (end - start) as u32,
                target: target as u32,
                depth: depth.max(0) as u32,
                lasti,
            });
        }
    };
    for instr in instrs {
        let handler = instr.handler.map(|handler| {
            (
                offsets[handler.target.min(offsets.len() - 1)],
                handler.startdepth,
                handler.preserve_lasti,
            )
        });
        if handler.map(|h| h.0) != current.map(|h| h.0) {
            close(current, start, offset, &mut entries);
            start = offset;
            current = handler;
        }
        offset += instr_size(instr.opcode, instr.oparg) as i32;
    }
    close(current, start, offset, &mut entries);
    exceptiontable::encode(&entries)
}

/// `compute_localsplus_info`: names and kinds of locals, cells and free variables.
fn localsplus(metadata: &CodeUnitMetadata, nlocalsplus: usize) -> (Vec<String>, Vec<u8>) {
    let mut names = vec![String::new(); nlocalsplus];
    let mut kinds = vec![0u8; nlocalsplus];
    let posonly = metadata.posonlyargcount as usize;
    let argcount = posonly + metadata.argcount as usize;
    let kwonly = metadata.kwonlyargcount as usize;
    let mut var_positional = None;
    let mut var_keyword = None;
    let mut next = argcount + kwonly;
    if metadata.flags & CodeFlags::VARARGS != 0 {
        var_positional = Some(next);
        next += 1;
    }
    if metadata.flags & CodeFlags::VARKEYWORDS != 0 {
        var_keyword = Some(next);
    }
    for (offset, name) in metadata.varnames.iter().enumerate() {
        if offset >= nlocalsplus {
            break;
        }
        let mut kind = LocalKind::LOCAL;
        if offset < posonly {
            kind |= LocalKind::ARG_POS;
        } else if offset < argcount {
            kind |= LocalKind::ARG_POS | LocalKind::ARG_KW;
        } else if offset < argcount + kwonly {
            kind |= LocalKind::ARG_KW;
        } else if Some(offset) == var_positional {
            kind |= LocalKind::ARG_VAR | LocalKind::ARG_POS;
        } else if Some(offset) == var_keyword {
            kind |= LocalKind::ARG_VAR | LocalKind::ARG_KW;
        }
        if metadata.fasthidden.contains(name) {
            kind |= LocalKind::HIDDEN;
        }
        if metadata.cellvars.contains(name) {
            kind |= LocalKind::CELL;
        }
        names[offset] = name.clone();
        kinds[offset] = kind;
    }
    let nlocals = metadata.varnames.len();
    let mut dropped = 0;
    for (index, name) in metadata.cellvars.iter().enumerate() {
        if metadata.varnames.contains(name) {
            dropped += 1;
            continue;
        }
        let offset = index + nlocals - dropped;
        if offset < nlocalsplus {
            names[offset] = name.clone();
            kinds[offset] = LocalKind::CELL;
        }
    }
    let ncells = metadata.cellvars.len();
    for (index, name) in metadata.freevars.iter().enumerate() {
        let offset = ncells + index + nlocals - dropped;
        if offset < nlocalsplus {
            names[offset] = name.clone();
            kinds[offset] = LocalKind::FREE;
        }
    }
    (names, kinds)
}

/// The bytes of a lowered sequence (jump opargs are instruction indices, no
/// pseudo-instructions): `co_code`, `co_linetable` and `co_exceptiontable`.
pub fn assemble_flat(mut instrs: Vec<FlatInstr>, firstlineno: i32) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    resolve_unconditional_jumps(&mut instrs);
    let offsets = resolve_jump_offsets(&mut instrs);
    let code_units = offsets.last().copied().unwrap_or(0).max(0) as usize;
    let mut code = Vec::with_capacity(2 * code_units);
    for instr in &instrs {
        write_instr(&mut code, instr.opcode, instr.oparg);
    }
    let linetable = location_table(&mut instrs, firstlineno);
    let exctable = exception_table(&instrs, &offsets);
    (code, linetable, exctable)
}

/// `_PyAssemble_MakeCodeObject`.
fn make_code_object(
    metadata: &CodeUnitMetadata,
    consts: Vec<Constant>,
    optimized: OptimizedSequence,
    filename: &str,
) -> Result<CodeObject, FlowGraphError> {
    let OptimizedSequence {
        instrs,
        stackdepth,
        nlocalsplus,
    } = optimized;
    if let Some(instr) = instrs
        .iter()
        .find(|instr| instr.opcode > 255 && !matches!(instr.opcode, JUMP | JUMP_NO_INTERRUPT))
    {
        return Err(FlowGraphError::system(format!(
            "pseudo instruction {} left at assembly",
            instr.opcode
        )));
    }
    if stackdepth > MAX_ALLOWED_STACK_USE {
        return Err(FlowGraphError::system(format!(
            "excessive stack use: stack is {stackdepth} deep"
        )));
    }
    let (code, linetable, exctable) = assemble_flat(instrs, metadata.firstlineno);
    let (names, kinds) = localsplus(metadata, nlocalsplus);
    Ok(CodeObject {
        co_argcount: metadata.posonlyargcount + metadata.argcount,
        co_posonlyargcount: metadata.posonlyargcount,
        co_kwonlyargcount: metadata.kwonlyargcount,
        // Code that never pushes (`def f(): raise`, `while True: pass`) still gets a
        // stack of 1 under the oracle.
        co_stacksize: stackdepth.max(1) as u32,
        co_flags: metadata.flags,
        co_firstlineno: metadata.firstlineno,
        co_code: code,
        co_consts: consts,
        co_names: metadata
            .names
            .iter()
            .map(|name| name.as_str().into())
            .collect(),
        co_localsplusnames: names.iter().map(|name| name.as_str().into()).collect(),
        co_localspluskinds: kinds,
        co_filename: filename.into(),
        co_name: metadata.name.as_str().into(),
        co_qualname: metadata.qualname.as_str().into(),
        co_linetable: linetable,
        co_exceptiontable: exctable,
    })
}
