//! Whether a body starts with a docstring.
//!
//! CPython counterpart: `_PyAST_GetDocString`: the first statement is an expression
//! statement whose value is a `str` constant.

use pyrite_ast::{ConstantValue, Expr, Stmt};

pub fn has_docstring(body: &[Stmt]) -> bool {
    matches!(
        body.first(),
        Some(Stmt::Expr(stmt)) if matches!(&*stmt.value, Expr::Constant(c) if matches!(c.value, ConstantValue::Str(_)))
    )
}
