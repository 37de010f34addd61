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
    let meta = unit.metadata;
    let mut names = Vec::new();
    let mut kinds = Vec::new();
    for name in &meta.varnames {
        names.push(name.as_str().into());
        kinds.push(LocalKind::LOCAL);
    }
    for name in &meta.cellvars {
        names.push(name.as_str().into());
        kinds.push(LocalKind::CELL);
    }
    for name in &meta.freevars {
        names.push(name.as_str().into());
        kinds.push(LocalKind::FREE);
    }
    Ok(CodeObject {
        co_argcount: meta.argcount,
        co_posonlyargcount: meta.posonlyargcount,
        co_kwonlyargcount: meta.kwonlyargcount,
        co_stacksize: 0,
        co_flags: meta.flags,
        co_firstlineno: meta.firstlineno,
        co_code: Vec::new(),
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
pub fn codegen_sequences(module: &Mod, optimize: i32) -> Result<InstructionSequence, CompileError> {
    let future = FutureFeatures::from_ast(module)?;
    let table = crate::symtable::build(module, &future)?;
    let mut assembler = placeholder_code;
    let (_, sequence) = codegen::codegen_module(module, &table, future, optimize, &mut assembler)?;
    Ok(sequence)
}
