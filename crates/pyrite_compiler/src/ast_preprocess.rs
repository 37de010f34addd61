//! The checks CPython makes on the AST before code generation that code generation does
//! not repeat: PEP 765's warnings for `return`, `break` and `continue` that leave a
//! `finally` block. (Match-pattern constant folding and `__debug__` happen in `codegen`.)
//!
//! CPython counterpart: `Python/ast_preprocess.c` (`before_return`, `before_loop_exit`,
//! the control-flow-in-finally context stack).

use pyrite_ast::{Mod, Stmt};

#[derive(Clone, Copy, Default)]
struct Context {
    in_finally: bool,
    in_funcdef: bool,
    in_loop: bool,
}

/// The `SyntaxWarning`s of the module's control flow in `finally` blocks, as (line,
/// message), in source order.
pub fn finally_warnings(module: &Mod) -> Vec<(i32, String)> {
    let mut out = Vec::new();
    let body = match module {
        Mod::Module(m) => &m.body,
        Mod::Interactive(m) => &m.body,
        _ => return out,
    };
    walk(body, Context::default(), &mut out, 0);
    out
}

const MAX_DEPTH: u32 = 1000;

fn walk(body: &[Stmt], ctx: Context, out: &mut Vec<(i32, String)>, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    let depth = depth + 1;
    let function = Context {
        in_finally: false,
        in_funcdef: true,
        in_loop: false,
    };
    let looping = Context {
        in_loop: true,
        ..ctx
    };
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) | Stmt::AsyncFunctionDef(def) => {
                walk(&def.body, function, out, depth)
            }
            Stmt::ClassDef(class) => walk(&class.body, ctx, out, depth),
            Stmt::Return(ret) if ctx.in_finally && !ctx.in_funcdef => {
                out.push((
                    ret.location.lineno,
                    "'return' in a 'finally' block".to_string(),
                ));
            }
            Stmt::Break(location) | Stmt::Continue(location) if ctx.in_finally && !ctx.in_loop => {
                let word = if matches!(stmt, Stmt::Break(_)) {
                    "break"
                } else {
                    "continue"
                };
                out.push((location.lineno, format!("'{word}' in a 'finally' block")));
            }
            Stmt::For(node) | Stmt::AsyncFor(node) => {
                walk(&node.body, looping, out, depth);
                walk(&node.orelse, ctx, out, depth);
            }
            Stmt::While(node) => {
                walk(&node.body, looping, out, depth);
                walk(&node.orelse, ctx, out, depth);
            }
            Stmt::If(node) => {
                walk(&node.body, ctx, out, depth);
                walk(&node.orelse, ctx, out, depth);
            }
            Stmt::With(node) | Stmt::AsyncWith(node) => walk(&node.body, ctx, out, depth),
            Stmt::Match(node) => {
                for case in &node.cases {
                    walk(&case.body, ctx, out, depth);
                }
            }
            Stmt::Try(node) | Stmt::TryStar(node) => {
                walk(&node.body, ctx, out, depth);
                for handler in &node.handlers {
                    walk(&handler.body, ctx, out, depth);
                }
                walk(&node.orelse, ctx, out, depth);
                let finally = Context {
                    in_finally: true,
                    in_funcdef: false,
                    in_loop: false,
                };
                walk(&node.finalbody, finally, out, depth);
            }
            _ => {}
        }
    }
}
