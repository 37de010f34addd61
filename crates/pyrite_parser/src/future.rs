//! The check of `from __future__ import ...` statements that `ast.parse` applies after
//! parsing: unknown features and `braces` are `SyntaxError`s.
//!
//! CPython counterpart: `Python/future.c` (`future_parse`, `future_check_features`).

use pyrite_ast::{Mod, Stmt, SyntaxError, SyntaxErrorKind};

const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Checks the future imports at the top of `module` (after an optional docstring).
/// `line_text` gives the source line shown in the error.
pub fn check_future_imports(
    module: &Mod,
    line_text: impl Fn(i32) -> Option<String>,
) -> Result<(), SyntaxError> {
    let body = match module {
        Mod::Module(m) => &m.body,
        Mod::Interactive(m) => &m.body,
        _ => return Ok(()),
    };
    let skip = usize::from(matches!(body.first(), Some(Stmt::Expr(e)) if is_docstring(&e.value)));
    for stmt in &body[skip.min(body.len())..] {
        let Stmt::ImportFrom(import) = stmt else {
            break;
        };
        if import.level != 0 || import.module.as_deref() != Some("__future__") {
            break;
        }
        for alias in &import.names {
            let msg = if alias.name == "braces" {
                "not a chance".to_string()
            } else if FEATURES.contains(&alias.name.as_str()) {
                continue;
            } else {
                format!("future feature {} is not defined", alias.name)
            };
            let l = alias.location;
            return Err(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg,
                lineno: Some(l.lineno),
                offset: Some(l.col_offset + 1),
                end_lineno: Some(l.end_lineno),
                end_offset: Some(l.end_col_offset + 1),
                text: line_text(l.lineno),
                location_in_args: false,
            });
        }
    }
    Ok(())
}

fn is_docstring(e: &pyrite_ast::Expr) -> bool {
    matches!(e, pyrite_ast::Expr::Constant(c) if matches!(c.value, pyrite_ast::ConstantValue::Str(_)))
}
