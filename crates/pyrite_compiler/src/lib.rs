//! From AST to code objects identical to CPython 3.14's.
//!
//! CPython counterpart: `Python/symtable.c`, `Python/compile.c`, `Python/codegen.c`,
//! `Python/flowgraph.c`, `Python/assemble.c` and `Python/marshal.c`.

pub mod assemble;
pub mod ast_preprocess;
pub mod codegen;
pub mod compile;
mod docstring;
mod docstring_clean;
mod fast_hash;
pub mod flowgraph;
pub mod future;
pub mod instruction_sequence;
pub mod symtable;

pub use future::FutureFeatures;
pub use symtable::{SymbolTable, SymtableError};

/// The symbol tables of a module as CPython's `symtable.symtable(source, filename,
/// "exec")` sees them: future imports are read first (their errors come first), then
/// both symbol table passes run.
pub fn module_symtable(module: &pyrite_ast::Mod) -> Result<SymbolTable, SymtableError> {
    let future = FutureFeatures::from_ast(module)?;
    symtable::build(module, &future)
}
