//! Node-building helpers shared by the grammar rules: expression contexts, node names
//! for error messages, identifier normalization, numeric literal values.
//!
//! CPython counterpart: `Parser/action_helpers.c` and parts of `Parser/pegen.c`
//! (`_PyPegen_new_identifier`, `_PyPegen_number_token`).

use num_bigint::BigInt;
use pyrite_ast::*;
use unicode_normalization::UnicodeNormalization;

/// Identifiers are NFKC-normalized (PEP 3131).
pub(crate) fn normalize_identifier(text: &str) -> String {
    if text.is_ascii() {
        text.to_owned()
    } else {
        text.nfkc().collect()
    }
}

pub(crate) fn name(id: String, ctx: ExprContext, location: Location) -> Expr {
    Expr::Name(Name { id, ctx, location })
}

pub(crate) fn constant(value: ConstantValue, location: Location) -> Expr {
    Expr::Constant(Constant {
        value,
        kind: None,
        location,
    })
}

/// `_PyPegen_set_expr_context`.
pub(crate) fn set_context(expr: Expr, ctx: ExprContext) -> Expr {
    match expr {
        Expr::Name(mut n) => {
            n.ctx = ctx;
            Expr::Name(n)
        }
        Expr::Attribute(mut n) => {
            n.ctx = ctx;
            Expr::Attribute(n)
        }
        Expr::Subscript(mut n) => {
            n.ctx = ctx;
            Expr::Subscript(n)
        }
        Expr::Starred(mut n) => {
            n.ctx = ctx;
            n.value = Box::new(set_context(*n.value, ctx));
            Expr::Starred(n)
        }
        Expr::List(mut n) => {
            n.ctx = ctx;
            n.elts = n.elts.into_iter().map(|e| set_context(e, ctx)).collect();
            Expr::List(n)
        }
        Expr::Tuple(mut n) => {
            n.ctx = ctx;
            n.elts = n.elts.into_iter().map(|e| set_context(e, ctx)).collect();
            Expr::Tuple(n)
        }
        other => other,
    }
}

/// `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::TemplateStr(_) | Expr::Interpolation(_) => "t-string expression",
        Expr::Constant(c) => match c.value {
            ConstantValue::None => "None",
            ConstantValue::Bool(true) => "True",
            ConstantValue::Bool(false) => "False",
            ConstantValue::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_invalid_target`: the part of `e` that cannot be a target.
pub(crate) fn invalid_target(e: &Expr, kind: TargetsType) -> Option<&Expr> {
    match e {
        Expr::List(List { elts, .. }) | Expr::Tuple(Tuple { elts, .. }) => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        Expr::Starred(s) => {
            if kind == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(&s.value, kind)
            }
        }
        Expr::Compare(c) => {
            if kind == TargetsType::For {
                if c.ops.first() == Some(&CmpOp::In) {
                    invalid_target(&c.left, kind)
                } else {
                    None
                }
            } else {
                Some(e)
            }
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// The value of a NUMBER token (`_PyPegen_number_token` / `parsenumber`).
pub(crate) fn number_value(text: &str) -> Option<ConstantValue> {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        return parse_float(imag).map(ConstantValue::imaginary);
    }
    if lower.len() > 1 && lower.starts_with('0') {
        let radix = match lower.as_bytes()[1] {
            b'x' => Some(16),
            b'o' => Some(8),
            b'b' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return BigInt::parse_bytes(&lower.as_bytes()[2..], radix).map(ConstantValue::Int);
        }
    }
    if lower.contains(['.', 'e']) {
        return parse_float(&lower).map(ConstantValue::Float);
    }
    BigInt::parse_bytes(lower.as_bytes(), 10).map(ConstantValue::Int)
}

fn parse_float(text: &str) -> Option<f64> {
    let text = if text.starts_with('.') {
        format!("0{text}")
    } else {
        text.to_owned()
    };
    let text = if text.ends_with('.') {
        format!("{text}0")
    } else {
        text.replace(".e", ".0e")
    };
    text.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_value("0x_ff"), Some(ConstantValue::int(255)));
        assert_eq!(number_value("1_000"), Some(ConstantValue::int(1000)));
        assert_eq!(number_value("1."), Some(ConstantValue::Float(1.0)));
        assert_eq!(number_value(".5e1"), Some(ConstantValue::Float(5.0)));
        assert_eq!(number_value("2j"), Some(ConstantValue::imaginary(2.0)));
        assert_eq!(
            number_value("1e400"),
            Some(ConstantValue::Float(f64::INFINITY))
        );
        assert_eq!(number_value("00"), Some(ConstantValue::int(0)));
    }
}
