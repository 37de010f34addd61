//! The source text of an annotation under `from __future__ import annotations`.
//!
//! CPython counterpart: `Python/ast_unparse.c` (`_PyAST_ExprAsUnicode`). Only the forms
//! that annotations commonly take are rendered so far.

use pyrite_ast::Expr;

pub(crate) fn unparse_annotation(e: &Expr) -> String {
    match e {
        Expr::Name(name) => name.id.clone(),
        Expr::Attribute(attr) => format!("{}.{}", unparse_annotation(&attr.value), attr.attr),
        Expr::Constant(c) => c.value.repr(),
        Expr::Subscript(sub) => {
            let inner = match &*sub.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => t
                    .elts
                    .iter()
                    .map(unparse_annotation)
                    .collect::<Vec<_>>()
                    .join(", "),
                other => unparse_annotation(other),
            };
            format!("{}[{inner}]", unparse_annotation(&sub.value))
        }
        Expr::BinOp(b) if b.op == pyrite_ast::Operator::BitOr => format!(
            "{} | {}",
            unparse_annotation(&b.left),
            unparse_annotation(&b.right)
        ),
        Expr::List(l) => format!(
            "[{}]",
            l.elts
                .iter()
                .map(unparse_annotation)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Expr::Tuple(t) => {
            let parts: Vec<_> = t.elts.iter().map(unparse_annotation).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        _ => "...".to_string(),
    }
}
