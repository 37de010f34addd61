//! The source text of an annotation under `from __future__ import annotations`.
//!
//! CPython counterpart: `Python/ast_unparse.c` (`_PyAST_ExprAsUnicode`): the expression
//! written back with the fewest parentheses its operator precedences need.

use pyrite_ast::{self as ast, BoolOperator, CmpOp, ConstantValue, Expr, Operator, UnaryOperator};

// Precedence levels, lowest first (`ast_unparse.c`'s enum).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`.
pub(crate) fn unparse_annotation(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST, 0);
    out
}

const MAX_DEPTH: u32 = 200;

fn join(out: &mut String, items: &[Expr], level: u8, depth: u32) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, item, level, depth);
    }
}

fn open_if(out: &mut String, cond: bool, text: &str) {
    if cond {
        out.push_str(text);
    }
}

fn float_repr(value: f64) -> String {
    if value.is_infinite() {
        return if value > 0.0 { "1e309" } else { "-1e309" }.to_string();
    }
    ConstantValue::Float(value).repr()
}

fn constant(out: &mut String, c: &ast::Constant) {
    match &c.value {
        ConstantValue::Ellipsis => out.push_str("..."),
        ConstantValue::Float(f) => out.push_str(&float_repr(*f)),
        ConstantValue::Complex { real, imag } if real.is_infinite() || imag.is_infinite() => {
            // CPython writes infinities so that the text evaluates back to them.
            out.push_str(
                &ConstantValue::Complex {
                    real: *real,
                    imag: *imag,
                }
                .repr()
                .replace("inf", "1e309"),
            );
        }
        value => {
            if c.kind.as_deref() == Some("u") {
                out.push('u');
            }
            out.push_str(&value.repr());
        }
    }
}

fn comprehensions(out: &mut String, generators: &[ast::Comprehension], depth: u32) {
    for g in generators {
        out.push_str(if g.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        expr(out, &g.target, PR_TUPLE, depth);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1, depth);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1, depth);
        }
    }
}

fn arguments(out: &mut String, args: &ast::Arguments, depth: u32) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<&ast::Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let default_start = positional.len() - args.defaults.len().min(positional.len());
    for (i, arg) in positional.iter().enumerate() {
        sep(out);
        out.push_str(&arg.arg);
        if i >= default_start {
            out.push('=');
            expr(out, &args.defaults[i - default_start], PR_TEST, depth);
        }
        if i + 1 == args.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(vararg) = &args.vararg {
            out.push_str(&vararg.arg);
        }
    }
    for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
        sep(out);
        out.push_str(&arg.arg);
        if let Some(default) = default {
            out.push('=');
            expr(out, default, PR_TEST, depth);
        }
    }
    if let Some(kwarg) = &args.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&kwarg.arg);
    }
}

fn fstring_body(out: &mut String, values: &[Expr], depth: u32) {
    for value in values {
        match value {
            Expr::Constant(c) => {
                if let ConstantValue::Str(text) = &c.value {
                    let text = text.to_string_lossy();
                    out.push_str(&text.replace('{', "{{").replace('}', "}}"));
                }
            }
            Expr::FormattedValue(ast::FormattedValue {
                value: inner_value,
                conversion,
                format_spec,
                ..
            })
            | Expr::Interpolation(ast::Interpolation {
                value: inner_value,
                conversion,
                format_spec,
                ..
            }) => {
                let mut inner = String::new();
                expr(&mut inner, inner_value, PR_TEST + 1, depth);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                if *conversion != -1 {
                    out.push('!');
                    out.push(char::from_u32(*conversion as u32).unwrap_or('r'));
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    if let Expr::JoinedStr(j) = &**spec {
                        fstring_body(out, &j.values, depth);
                    }
                }
                out.push('}');
            }
            _ => {}
        }
    }
}

fn expr(out: &mut String, e: &Expr, level: u8, depth: u32) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    let depth = depth + 1;
    match e {
        Expr::BoolOp(b) => {
            let (pr, op) = match b.op {
                BoolOperator::And => (PR_AND, " and "),
                BoolOperator::Or => (PR_OR, " or "),
            };
            open_if(out, level > pr, "(");
            for (i, value) in b.values.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                expr(out, value, pr + 1, depth);
            }
            open_if(out, level > pr, ")");
        }
        Expr::NamedExpr(n) => {
            open_if(out, level > PR_TUPLE, "(");
            expr(out, &n.target, PR_ATOM, depth);
            out.push_str(" := ");
            expr(out, &n.value, PR_ATOM, depth);
            open_if(out, level > PR_TUPLE, ")");
        }
        Expr::BinOp(b) => {
            let (pr, op) = match b.op {
                Operator::Add => (PR_ARITH, " + "),
                Operator::Sub => (PR_ARITH, " - "),
                Operator::Mult => (PR_TERM, " * "),
                Operator::MatMult => (PR_TERM, " @ "),
                Operator::Div => (PR_TERM, " / "),
                Operator::Mod => (PR_TERM, " % "),
                Operator::FloorDiv => (PR_TERM, " // "),
                Operator::LShift => (PR_SHIFT, " << "),
                Operator::RShift => (PR_SHIFT, " >> "),
                Operator::BitOr => (PR_BOR, " | "),
                Operator::BitXor => (PR_BXOR, " ^ "),
                Operator::BitAnd => (PR_BAND, " & "),
                Operator::Pow => (PR_POWER, " ** "),
            };
            let rassoc = u8::from(b.op == Operator::Pow);
            open_if(out, level > pr, "(");
            expr(out, &b.left, pr + rassoc, depth);
            out.push_str(op);
            expr(out, &b.right, pr + 1 - rassoc, depth);
            open_if(out, level > pr, ")");
        }
        Expr::UnaryOp(u) => {
            let (pr, op) = match u.op {
                UnaryOperator::Invert => (PR_FACTOR, "~"),
                UnaryOperator::Not => (PR_NOT, "not "),
                UnaryOperator::UAdd => (PR_FACTOR, "+"),
                UnaryOperator::USub => (PR_FACTOR, "-"),
            };
            open_if(out, level > pr, "(");
            out.push_str(op);
            expr(out, &u.operand, pr, depth);
            open_if(out, level > pr, ")");
        }
        Expr::Lambda(l) => {
            open_if(out, level > PR_TEST, "(");
            let mut args = String::new();
            arguments(&mut args, &l.args, depth);
            if args.is_empty() {
                out.push_str("lambda: ");
            } else {
                out.push_str("lambda ");
                out.push_str(&args);
                out.push_str(": ");
            }
            expr(out, &l.body, PR_TEST, depth);
            open_if(out, level > PR_TEST, ")");
        }
        Expr::IfExp(i) => {
            open_if(out, level > PR_TEST, "(");
            expr(out, &i.body, PR_TEST + 1, depth);
            out.push_str(" if ");
            expr(out, &i.test, PR_TEST + 1, depth);
            out.push_str(" else ");
            expr(out, &i.orelse, PR_TEST, depth);
            open_if(out, level > PR_TEST, ")");
        }
        Expr::Dict(d) => {
            out.push('{');
            for (i, (key, value)) in d.keys.iter().zip(&d.values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match key {
                    Some(key) => {
                        expr(out, key, PR_TEST, depth);
                        out.push_str(": ");
                        expr(out, value, PR_TEST, depth);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, value, PR_EXPR, depth);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => {
            if s.elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                join(out, &s.elts, PR_TEST, depth);
                out.push('}');
            }
        }
        Expr::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, PR_TEST, depth);
            comprehensions(out, &c.generators, depth);
            out.push(']');
        }
        Expr::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, PR_TEST, depth);
            comprehensions(out, &c.generators, depth);
            out.push('}');
        }
        Expr::DictComp(c) => {
            out.push('{');
            expr(out, &c.key, PR_TEST, depth);
            out.push_str(": ");
            expr(out, &c.value, PR_TEST, depth);
            comprehensions(out, &c.generators, depth);
            out.push('}');
        }
        Expr::GeneratorExp(c) => {
            out.push('(');
            expr(out, &c.elt, PR_TEST, depth);
            comprehensions(out, &c.generators, depth);
            out.push(')');
        }
        Expr::Await(a) => {
            open_if(out, level > PR_AWAIT, "(");
            out.push_str("await ");
            expr(out, &a.value, PR_ATOM, depth);
            open_if(out, level > PR_AWAIT, ")");
        }
        Expr::Yield(y) => match &y.value {
            None => out.push_str("(yield)"),
            Some(value) => {
                out.push_str("(yield ");
                expr(out, value, PR_TEST, depth);
                out.push(')');
            }
        },
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, PR_TEST, depth);
            out.push(')');
        }
        Expr::Compare(c) => {
            open_if(out, level > PR_CMP, "(");
            expr(out, &c.left, PR_CMP + 1, depth);
            for (op, right) in c.ops.iter().zip(&c.comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, right, PR_CMP + 1, depth);
            }
            open_if(out, level > PR_CMP, ")");
        }
        Expr::Call(c) => {
            expr(out, &c.func, PR_ATOM, depth);
            if c.args.len() == 1
                && c.keywords.is_empty()
                && let Expr::GeneratorExp(_) = &c.args[0]
            {
                expr(out, &c.args[0], PR_TEST, depth);
                return;
            }
            out.push('(');
            let mut first = true;
            for arg in &c.args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, arg, PR_TEST, depth);
            }
            for kw in &c.keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &kw.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &kw.value, PR_TEST, depth);
            }
            out.push(')');
        }
        Expr::FormattedValue(_) | Expr::Interpolation(_) => out.push_str("..."),
        Expr::TemplateStr(t) => {
            let mut body = String::new();
            fstring_body(&mut body, &t.values, depth);
            out.push('t');
            out.push_str(&ConstantValue::str(body.as_str()).repr());
        }
        Expr::JoinedStr(j) => {
            let mut body = String::new();
            fstring_body(&mut body, &j.values, depth);
            out.push('f');
            out.push_str(&ConstantValue::str(body.as_str()).repr());
        }
        Expr::Constant(c) => constant(out, c),
        Expr::Attribute(a) => {
            expr(out, &a.value, PR_ATOM, depth);
            let int_value =
                matches!(&*a.value, Expr::Constant(c) if matches!(c.value, ConstantValue::Int(_)));
            out.push_str(if int_value { " ." } else { "." });
            out.push_str(&a.attr);
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, PR_ATOM, depth);
            out.push('[');
            match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    join(out, &t.elts, PR_TEST, depth);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => expr(out, other, PR_TUPLE, depth),
            }
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, PR_EXPR, depth);
        }
        Expr::Name(n) => out.push_str(&n.id),
        Expr::List(l) => {
            out.push('[');
            join(out, &l.elts, PR_TEST, depth);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
                return;
            }
            open_if(out, level > PR_TUPLE, "(");
            join(out, &t.elts, PR_TEST, depth);
            if t.elts.len() == 1 {
                out.push(',');
            }
            open_if(out, level > PR_TUPLE, ")");
        }
        Expr::Slice(s) => {
            if let Some(lower) = &s.lower {
                expr(out, lower, PR_TEST, depth);
            }
            out.push(':');
            if let Some(upper) = &s.upper {
                expr(out, upper, PR_TEST, depth);
            }
            if let Some(step) = &s.step {
                out.push(':');
                expr(out, step, PR_TEST, depth);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unparse_annotation;

    /// Expected texts: the constants CPython 3.14 compiles `from __future__ import
    /// annotations; x: EXPR` to (checked under the oracle).
    #[test]
    fn unparses_like_cpython() {
        let cases: &[(&str, &str)] = &[
            ("t'{a}'", "t'{a}'"),
            ("t'x{a!r:>3}y'", "t'x{a!r:>3}y'"),
            ("f'{a=}'", "f'a={a!r}'"),
            ("f'{a!r:{b}}'", "f'{a!r:{b}}'"),
            ("f'{ {1: 2} }'", "f'{ {1: 2}}'"),
            ("f'{x:{y}.{z}}'", "f'{x:{y}.{z}}'"),
            ("'a' f'{b}'", "f'a{b}'"),
            ("int", "int"),
            ("a.b.c", "a.b.c"),
            ("list[int]", "list[int]"),
            ("dict[str, int]", "dict[str, int]"),
            ("tuple[int, ...]", "tuple[int, ...]"),
            ("tuple[()]", "tuple[()]"),
            ("x[1:2]", "x[1:2]"),
            ("x[a:b:c]", "x[a:b:c]"),
            ("x[:, 1]", "x[:, 1]"),
            ("int | None", "int | None"),
            ("a | b | c", "a | b | c"),
            ("Callable[[int, str], bool]", "Callable[[int, str], bool]"),
            ("'forward'", "'forward'"),
            ("1 + 2 * 3", "1 + 2 * 3"),
            ("(1 + 2) * 3", "(1 + 2) * 3"),
            ("2 ** 3 ** 4", "2 ** 3 ** 4"),
            ("(2 ** 3) ** 4", "(2 ** 3) ** 4"),
            ("-x", "-x"),
            ("not x", "not x"),
            ("~x", "~x"),
            ("a and b or c", "a and b or c"),
            ("a and (b or c)", "a and (b or c)"),
            ("lambda: 0", "lambda: 0"),
            (
                "lambda x, y=1, *a, k, **kw: x",
                "lambda x, y=1, *a, k, **kw: x",
            ),
            ("lambda x, /, y: x", "lambda x, /, y: x"),
            ("a if b else c", "a if b else c"),
            ("(a if b else c) if d else e", "(a if b else c) if d else e"),
            ("[x for x in y if x]", "[x for x in y if x]"),
            ("{k: v for k, v in y}", "{k: v for k, v in y}"),
            ("(x for x in y)", "(x for x in y)"),
            ("{1, 2}", "{1, 2}"),
            ("{**a, 'b': 1}", "{**a, 'b': 1}"),
            ("f(x)", "f(x)"),
            ("f(x, *y, k=1, **z)", "f(x, *y, k=1, **z)"),
            ("f(x for x in y)", "f(x for x in y)"),
            ("a < b <= c", "a < b <= c"),
            ("a is not b", "a is not b"),
            ("a not in b", "a not in b"),
            ("x.y(1)[2]", "x.y(1)[2]"),
            ("1 .real", "1 .real"),
            ("1.5", "1.5"),
            ("1e400", "1e309"),
            ("b'bytes'", "b'bytes'"),
            ("None", "None"),
            ("...", "..."),
            ("True", "True"),
            ("2j", "2j"),
            ("f'{x}'", "f'{x}'"),
            ("f'a{x!r:>{w}}b'", "f'a{x!r:>{w}}b'"),
            ("-1", "-1"),
            ("+1", "+1"),
            ("a @ b", "a @ b"),
            ("a // b % c", "a // b % c"),
            ("a << b >> c", "a << b >> c"),
            ("a & b ^ c | d", "a & b ^ c | d"),
            ("x[a, b]", "x[a, b]"),
            ("x[(a, b)]", "x[a, b]"),
            ("[]", "[]"),
            ("()", "()"),
            ("(1,)", "(1,)"),
            ("{}", "{}"),
            ("u'x'", "u'x'"),
            ("'a' 'b'", "'ab'"),
            ("x[1,]", "x[1,]"),
        ];
        for (source, expected) in cases {
            let module = pyrite_parser::parse_module(format!("x: {source}\n").as_bytes(), "t.py")
                .expect("parses");
            let pyrite_ast::Mod::Module(module) = module else {
                unreachable!()
            };
            let pyrite_ast::Stmt::AnnAssign(assign) = &module.body[0] else {
                unreachable!()
            };
            assert_eq!(
                unparse_annotation(&assign.annotation),
                *expected,
                "{source}"
            );
        }
    }
}
