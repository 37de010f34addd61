//! Structural pattern matching (PEP 634).
//!
//! CPython counterpart: `codegen_match` and the `codegen_pattern_*` functions of
//! `Python/codegen.c`.

use pyrite_ast as ast;

use super::{CgResult, CompileError, Compiler, loc};

impl<'a> Compiler<'a, '_> {
    pub(crate) fn match_stmt(&mut self, node: &'a ast::Match) -> CgResult {
        let _ = loc(node.location);
        Err(CompileError::Assemble(
            "match statements are not generated yet".into(),
        ))
    }
}
