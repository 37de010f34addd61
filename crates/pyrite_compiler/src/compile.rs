//! The compiler driver: source AST to code objects.
//!
//! CPython counterpart: `Python/compile.c` (`_PyAST_Compile`, `_PyCompile_CodeGen`):
//! future imports, symbol tables, then code generation unit by unit, each unit handed
//! to the flow-graph optimizer and assembler.

use pyrite_ast::Mod;
use pyrite_bytecode::CodeObject;

use crate::FutureFeatures;
use crate::codegen::{self, CompileError};
use crate::instruction_sequence::{CodeUnit, InstructionSequence};
use crate::symtable::SymtableError;

impl From<SymtableError> for CompileError {
    fn from(err: SymtableError) -> Self {
        match err {
            SymtableError::Syntax(err) => CompileError::Syntax(err),
            SymtableError::Recursion => CompileError::Recursion,
            SymtableError::Runtime(msg) => CompileError::Assemble(msg.to_string()),
        }
    }
}

/// A stand-in code object for a unit, when only the instruction sequences are wanted
/// (`-X dump=codegen`): it carries the names the parent's closure code needs.
fn placeholder_code(unit: CodeUnit) -> Result<CodeObject, CompileError> {
    use pyrite_bytecode::code::LocalKind;
    let meta = unit.metadata.clone();
    let mut names = Vec::new();
    let mut kinds = Vec::new();
    // As `compute_localsplus_info`: a cell that is also a local shares its slot.
    for name in &meta.varnames {
        names.push(name.as_str().into());
        let cell = if meta.cellvars.contains(name) {
            LocalKind::CELL
        } else {
            0
        };
        kinds.push(LocalKind::LOCAL | cell);
    }
    for name in &meta.cellvars {
        if !meta.varnames.contains(name) {
            names.push(name.as_str().into());
            kinds.push(LocalKind::CELL);
        }
    }
    for name in &meta.freevars {
        names.push(name.as_str().into());
        kinds.push(LocalKind::FREE);
    }
    // The instructions stand in for co_code so that equal code merges as CPython's does.
    let mut co_code = Vec::new();
    for instr in &unit.seq.instrs {
        for value in [
            i32::from(instr.opcode),
            instr.oparg,
            instr.loc.lineno,
            instr.loc.end_lineno,
            instr.loc.col_offset,
            instr.loc.end_col_offset,
        ] {
            co_code.extend_from_slice(&value.to_le_bytes());
        }
    }
    Ok(CodeObject {
        co_argcount: meta.argcount + meta.posonlyargcount,
        co_posonlyargcount: meta.posonlyargcount,
        co_kwonlyargcount: meta.kwonlyargcount,
        co_stacksize: 0,
        co_flags: meta.flags,
        co_firstlineno: meta.firstlineno,
        co_code,
        co_consts: meta.consts,
        co_names: meta.names.iter().map(|n| n.as_str().into()).collect(),
        co_localsplusnames: names,
        co_localspluskinds: kinds,
        co_filename: "".into(),
        co_name: meta.name.as_str().into(),
        co_qualname: meta.qualname.as_str().into(),
        co_linetable: Vec::new(),
        co_exceptiontable: Vec::new(),
    })
}

/// `_testinternalcapi.compiler_codegen`: the module's instruction sequence before
/// optimization, with the nested units' sequences in `nested`.
/// Also gives the SyntaxWarnings raised, as (line, message).
pub fn codegen_sequences(
    module: &Mod,
    optimize: i32,
) -> Result<(InstructionSequence, Vec<(i32, String)>), CompileError> {
    let future = FutureFeatures::from_ast(module)?;
    let table = crate::symtable::build(module, &future)?;
    let mut assembler = placeholder_code;
    let output = codegen::codegen_module(module, &table, future, optimize, true, &mut assembler)?;
    let mut warnings = crate::ast_preprocess::finally_warnings(module);
    warnings.extend(output.warnings);
    Ok((output.sequence, warnings))
}

/// What [`compile_module`] gives: the module's code object and the SyntaxWarnings raised
/// on the way, as (line, message).
pub struct Compiled {
    pub code: CodeObject,
    pub warnings: Vec<(i32, String)>,
}

/// `_PyAST_Compile`: the module's code object, each code unit turned into a code object
/// by `assembler` (the flow-graph optimizer and assembler) as soon as it is finished.
pub fn compile_module(
    module: &Mod,
    optimize: i32,
    assembler: &mut codegen::Assembler<'_>,
) -> Result<Compiled, CompileError> {
    let future = FutureFeatures::from_ast(module)?;
    let table = crate::symtable::build(module, &future)?;
    let mut warnings = crate::ast_preprocess::finally_warnings(module);
    let output = codegen::codegen_module(module, &table, future, optimize, false, assembler)?;
    warnings.extend(output.warnings);
    Ok(Compiled {
        code: output.code,
        warnings,
    })
}

/// `compile(source, filename, "exec")`: the module's code object, each unit through the
/// flow-graph optimizer and assembler.
pub fn compile_file(module: &Mod, filename: &str, optimize: i32) -> Result<Compiled, CompileError> {
    let mut assembler = |unit: CodeUnit| {
        crate::assemble::optimize_and_assemble(unit, filename)
            .map_err(|err| CompileError::Assemble(format!("{}: {}", err.kind, err.message)))
    };
    compile_module(module, optimize, &mut assembler)
}
