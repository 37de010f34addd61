//! `from __future__ import ...` at the top of a module: which features it turns on.
//!
//! CPython counterpart: `Python/future.c` (`_PyFuture_FromAST`). Only the leading run of
//! future imports (after an optional docstring) counts; the symbol table pass reports
//! later ones ("from __future__ imports must occur at the beginning of the file").

use pyrite_ast::{Location, Mod, Stmt, SyntaxError};

use crate::symtable::syntax_error_at;

/// `CO_FUTURE_BARRY_AS_BDFL` (`from __future__ import barry_as_FLUFL`).
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
/// `CO_FUTURE_ANNOTATIONS` (`from __future__ import annotations`).
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: a compile flag, carried with the future flags as CPython
/// does (`future.ff_features |= flags->cf_flags`).
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;

/// `_PyFutureFeatures`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `CO_FUTURE_*` bits (and compile flags such as `PYCF_ALLOW_TOP_LEVEL_AWAIT`).
    pub features: u32,
    /// Position of the last leading future import; all -1 when there is none.
    pub location: Location,
}

impl Default for FutureFeatures {
    fn default() -> Self {
        FutureFeatures {
            features: 0,
            location: Location::new(-1, -1, -1, -1),
        }
    }
}

impl FutureFeatures {
    pub fn annotations(&self) -> bool {
        self.features & CO_FUTURE_ANNOTATIONS != 0
    }

    /// `_PyFuture_FromAST`.
    pub fn from_ast(module: &Mod) -> Result<FutureFeatures, SyntaxError> {
        let mut future = FutureFeatures::default();
        let body = match module {
            Mod::Module(module) => &module.body,
            Mod::Interactive(interactive) => &interactive.body,
            Mod::Expression(_) | Mod::FunctionType(_) => return Ok(future),
        };
        let skip = usize::from(crate::docstring::has_docstring(body));
        for stmt in &body[skip.min(body.len())..] {
            let Stmt::ImportFrom(import) = stmt else {
                break;
            };
            if import.level != 0 || import.module.as_deref() != Some("__future__") {
                break;
            }
            for alias in &import.names {
                future.features |= match alias.name.as_str() {
                    "nested_scopes" | "generators" | "division" | "absolute_import"
                    | "with_statement" | "print_function" | "unicode_literals"
                    | "generator_stop" => 0,
                    "barry_as_FLUFL" => CO_FUTURE_BARRY_AS_BDFL,
                    "annotations" => CO_FUTURE_ANNOTATIONS,
                    "braces" => return Err(syntax_error_at("not a chance", alias.location)),
                    other => {
                        let name: String = other.chars().take(100).collect();
                        return Err(syntax_error_at(
                            format!("future feature {name} is not defined"),
                            alias.location,
                        ));
                    }
                };
            }
            future.location = import.location;
        }
        Ok(future)
    }
}
