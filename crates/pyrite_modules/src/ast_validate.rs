//! The checks `compile()` makes on a tree built from `ast` node objects before compiling
//! it (the parser never builds such trees): expression contexts, empty bodies and
//! lists, reserved names. Failures are `ValueError`s with CPython's messages.
//!
//! CPython counterpart: `Python/ast.c` (`_PyAST_Validate`).

use pyrite_ast::*;

type Check = Result<(), String>;

fn ctx_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

/// Validates a whole tree.
pub fn validate_mod(module: &Mod) -> Check {
    match module {
        Mod::Module(module) => stmts(&module.body),
        Mod::Interactive(module) => stmts(&module.body),
        Mod::Expression(module) => expr(&module.body, ExprContext::Load),
        Mod::FunctionType(module) => {
            exprs(&module.argtypes, ExprContext::Load)?;
            expr(&module.returns, ExprContext::Load)
        }
    }
}

fn nonempty<T>(items: &[T], what: &str, owner: &str) -> Check {
    if items.is_empty() {
        return Err(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn body(items: &[Stmt], owner: &str) -> Check {
    nonempty(items, "body", owner)?;
    stmts(items)
}

fn stmts(items: &[Stmt]) -> Check {
    items.iter().try_for_each(stmt)
}

fn exprs(items: &[Expr], ctx: ExprContext) -> Check {
    items.iter().try_for_each(|item| expr(item, ctx))
}

fn opt(item: Option<&Expr>) -> Check {
    item.map_or(Ok(()), |item| expr(item, ExprContext::Load))
}

fn arguments(args: &Arguments) -> Check {
    for arg in args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(args.vararg.as_deref())
        .chain(&args.kwonlyargs)
        .chain(args.kwarg.as_deref())
    {
        opt(arg.annotation.as_deref())?;
    }
    if args.defaults.len() > args.posonlyargs.len() + args.args.len() {
        return Err("more positional defaults than args on arguments".to_owned());
    }
    if args.kw_defaults.len() != args.kwonlyargs.len() {
        return Err("length of kwonlyargs is not the same as kw_defaults on arguments".to_owned());
    }
    exprs(&args.defaults, ExprContext::Load)?;
    args.kw_defaults
        .iter()
        .try_for_each(|default| opt(default.as_ref()))
}

fn type_params(params: &[TypeParam]) -> Check {
    for param in params {
        match param {
            TypeParam::TypeVar(node) => {
                opt(node.bound.as_deref())?;
                opt(node.default_value.as_deref())?;
            }
            TypeParam::ParamSpec(node) => opt(node.default_value.as_deref())?,
            TypeParam::TypeVarTuple(node) => opt(node.default_value.as_deref())?,
        }
    }
    Ok(())
}

fn stmt(node: &Stmt) -> Check {
    let load = ExprContext::Load;
    let stmt_name = node.class_name();
    match node {
        Stmt::FunctionDef(node) => function_def(node, "FunctionDef"),
        Stmt::AsyncFunctionDef(node) => function_def(node, "AsyncFunctionDef"),
        Stmt::ClassDef(node) => {
            body(&node.body, "ClassDef")?;
            type_params(&node.type_params)?;
            exprs(&node.bases, load)?;
            node.keywords
                .iter()
                .try_for_each(|keyword| expr(&keyword.value, load))?;
            exprs(&node.decorator_list, load)
        }
        Stmt::Return(node) => opt(node.value.as_deref()),
        Stmt::Delete(node) => {
            nonempty(&node.targets, "targets", "Delete")?;
            exprs(&node.targets, ExprContext::Del)
        }
        Stmt::Assign(node) => {
            nonempty(&node.targets, "targets", "Assign")?;
            exprs(&node.targets, ExprContext::Store)?;
            expr(&node.value, load)
        }
        Stmt::TypeAlias(node) => {
            expr(&node.name, ExprContext::Store)?;
            type_params(&node.type_params)?;
            expr(&node.value, load)
        }
        Stmt::AugAssign(node) => {
            expr(&node.target, ExprContext::Store)?;
            expr(&node.value, load)
        }
        Stmt::AnnAssign(node) => {
            expr(&node.target, ExprContext::Store)?;
            opt(node.value.as_deref())?;
            expr(&node.annotation, load)
        }
        Stmt::For(node) | Stmt::AsyncFor(node) => {
            expr(&node.target, ExprContext::Store)?;
            expr(&node.iter, load)?;
            body(&node.body, stmt_name)?;
            stmts(&node.orelse)
        }
        Stmt::While(node) => {
            expr(&node.test, load)?;
            body(&node.body, "While")?;
            stmts(&node.orelse)
        }
        Stmt::If(node) => {
            expr(&node.test, load)?;
            body(&node.body, "If")?;
            stmts(&node.orelse)
        }
        Stmt::With(node) | Stmt::AsyncWith(node) => {
            nonempty(&node.items, "items", stmt_name)?;
            for item in &node.items {
                expr(&item.context_expr, load)?;
                if let Some(vars) = &item.optional_vars {
                    expr(vars, ExprContext::Store)?;
                }
            }
            body(&node.body, stmt_name)
        }
        Stmt::Match(node) => {
            expr(&node.subject, load)?;
            nonempty(&node.cases, "cases", "Match")?;
            for case in &node.cases {
                pattern(&case.pattern)?;
                opt(case.guard.as_deref())?;
                body(&case.body, "match_case")?;
            }
            Ok(())
        }
        Stmt::Raise(node) => {
            if node.exc.is_none() && node.cause.is_some() {
                return Err("Raise with cause but no exception".to_owned());
            }
            opt(node.exc.as_deref())?;
            opt(node.cause.as_deref())
        }
        Stmt::Try(node) | Stmt::TryStar(node) => {
            body(&node.body, stmt_name)?;
            if node.handlers.is_empty() && node.finalbody.is_empty() {
                return Err(format!(
                    "{stmt_name} has neither except handlers nor finalbody"
                ));
            }
            if node.handlers.is_empty() && !node.orelse.is_empty() {
                return Err(format!("{stmt_name} has orelse but no except handlers"));
            }
            for handler in &node.handlers {
                opt(handler.type_.as_deref())?;
                body(&handler.body, "ExceptHandler")?;
            }
            stmts(&node.finalbody)?;
            stmts(&node.orelse)
        }
        Stmt::Assert(node) => {
            expr(&node.test, load)?;
            opt(node.msg.as_deref())
        }
        Stmt::Import(node) => nonempty(&node.names, "names", "Import"),
        Stmt::ImportFrom(node) => {
            if node.level < 0 {
                return Err("Negative ImportFrom level".to_owned());
            }
            nonempty(&node.names, "names", "ImportFrom")
        }
        Stmt::Global(node) => nonempty(&node.names, "names", "Global"),
        Stmt::Nonlocal(node) => nonempty(&node.names, "names", "Nonlocal"),
        Stmt::Expr(node) => expr(&node.value, load),
        Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
    }
}

fn function_def(node: &FunctionDef, owner: &str) -> Check {
    body(&node.body, owner)?;
    type_params(&node.type_params)?;
    arguments(&node.args)?;
    exprs(&node.decorator_list, ExprContext::Load)?;
    opt(node.returns.as_deref())
}

/// A value pattern: a literal (signed numbers and complex sums included) or a dotted
/// name.
fn is_match_value(value: &Expr) -> bool {
    match value {
        Expr::Constant(_) | Expr::Attribute(_) => true,
        Expr::UnaryOp(node) => {
            node.op == UnaryOperator::USub && matches!(*node.operand, Expr::Constant(_))
        }
        Expr::BinOp(node) => {
            matches!(node.op, Operator::Add | Operator::Sub)
                && is_match_value(&node.left)
                && matches!(*node.right, Expr::Constant(_))
        }
        _ => false,
    }
}

fn patterns(items: &[Pattern]) -> Check {
    items.iter().try_for_each(pattern)
}

fn pattern(node: &Pattern) -> Check {
    match node {
        Pattern::MatchValue(node) => {
            if !is_match_value(&node.value) {
                return Err("patterns may only match literals and attribute lookups".to_owned());
            }
            expr(&node.value, ExprContext::Load)
        }
        Pattern::MatchSingleton(node) => {
            if !matches!(node.value, ConstantValue::None | ConstantValue::Bool(_)) {
                return Err("MatchSingleton can only contain True, False and None".to_owned());
            }
            Ok(())
        }
        Pattern::MatchSequence(node) => patterns(&node.patterns),
        Pattern::MatchMapping(node) => {
            if node.keys.len() != node.patterns.len() {
                return Err(
                    "MatchMapping doesn't have the same number of keys as patterns".to_owned(),
                );
            }
            exprs(&node.keys, ExprContext::Load)?;
            patterns(&node.patterns)
        }
        Pattern::MatchClass(node) => {
            if node.kwd_attrs.len() != node.kwd_patterns.len() {
                return Err(
                    "MatchClass doesn't have the same number of keyword attributes as patterns"
                        .to_owned(),
                );
            }
            expr(&node.cls, ExprContext::Load)?;
            patterns(&node.patterns)?;
            patterns(&node.kwd_patterns)
        }
        Pattern::MatchStar(_) => Ok(()),
        Pattern::MatchAs(node) => match &node.pattern {
            Some(inner) if node.name.is_none() => {
                Err("MatchAs must specify a target name if a pattern is given".to_owned())
            }
            Some(inner) => pattern(inner),
            None => Ok(()),
        },
        Pattern::MatchOr(node) => {
            if node.patterns.len() < 2 {
                return Err("MatchOr requires at least 2 patterns".to_owned());
            }
            patterns(&node.patterns)
        }
    }
}

fn comprehensions(generators: &[Comprehension]) -> Check {
    if generators.is_empty() {
        return Err("comprehension with no generators".to_owned());
    }
    for generator in generators {
        expr(&generator.target, ExprContext::Store)?;
        expr(&generator.iter, ExprContext::Load)?;
        exprs(&generator.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn name(id: &str) -> Check {
    if matches!(id, "None" | "True" | "False") {
        return Err(format!("identifier field can't represent '{id}' constant"));
    }
    Ok(())
}

fn expr(node: &Expr, ctx: ExprContext) -> Check {
    let load = ExprContext::Load;
    let actual = match node {
        Expr::Attribute(node) => Some(node.ctx),
        Expr::Subscript(node) => Some(node.ctx),
        Expr::Starred(node) => Some(node.ctx),
        Expr::Name(node) => {
            name(&node.id)?;
            Some(node.ctx)
        }
        Expr::List(node) => Some(node.ctx),
        Expr::Tuple(node) => Some(node.ctx),
        _ => None,
    };
    match actual {
        Some(actual) if actual != ctx => {
            return Err(format!(
                "expression must have {} context but has {} instead",
                ctx_name(ctx),
                ctx_name(actual)
            ));
        }
        None if ctx != load => {
            return Err(format!(
                "expression which can't be assigned to in {} context",
                ctx_name(ctx)
            ));
        }
        _ => {}
    }
    match node {
        Expr::BoolOp(node) => {
            if node.values.len() < 2 {
                return Err("BoolOp with less than 2 values".to_owned());
            }
            exprs(&node.values, load)
        }
        Expr::NamedExpr(node) => {
            if !matches!(*node.target, Expr::Name(_)) {
                return Err("NamedExpr target must be a Name".to_owned());
            }
            expr(&node.target, ExprContext::Store)?;
            expr(&node.value, load)
        }
        Expr::BinOp(node) => {
            expr(&node.left, load)?;
            expr(&node.right, load)
        }
        Expr::UnaryOp(node) => expr(&node.operand, load),
        Expr::Lambda(node) => {
            arguments(&node.args)?;
            expr(&node.body, load)
        }
        Expr::IfExp(node) => {
            expr(&node.test, load)?;
            expr(&node.body, load)?;
            expr(&node.orelse, load)
        }
        Expr::Dict(node) => {
            if node.keys.len() != node.values.len() {
                return Err("Dict doesn't have the same number of keys as values".to_owned());
            }
            node.keys.iter().try_for_each(|key| opt(key.as_ref()))?;
            exprs(&node.values, load)
        }
        Expr::Set(node) => exprs(&node.elts, load),
        Expr::ListComp(node) => {
            comprehensions(&node.generators)?;
            expr(&node.elt, load)
        }
        Expr::SetComp(node) => {
            comprehensions(&node.generators)?;
            expr(&node.elt, load)
        }
        Expr::GeneratorExp(node) => {
            comprehensions(&node.generators)?;
            expr(&node.elt, load)
        }
        Expr::DictComp(node) => {
            comprehensions(&node.generators)?;
            expr(&node.key, load)?;
            expr(&node.value, load)
        }
        Expr::Await(node) => expr(&node.value, load),
        Expr::Yield(node) => opt(node.value.as_deref()),
        Expr::YieldFrom(node) => expr(&node.value, load),
        Expr::Compare(node) => {
            if node.comparators.is_empty() {
                return Err("Compare with no comparators".to_owned());
            }
            if node.comparators.len() != node.ops.len() {
                return Err("Compare has a different number of comparators and operands".to_owned());
            }
            exprs(&node.comparators, load)?;
            expr(&node.left, load)
        }
        Expr::Call(node) => {
            expr(&node.func, load)?;
            exprs(&node.args, load)?;
            node.keywords
                .iter()
                .try_for_each(|keyword| expr(&keyword.value, load))
        }
        Expr::FormattedValue(node) => {
            expr(&node.value, load)?;
            opt(node.format_spec.as_deref())
        }
        Expr::Interpolation(node) => {
            expr(&node.value, load)?;
            opt(node.format_spec.as_deref())
        }
        Expr::JoinedStr(node) => exprs(&node.values, load),
        Expr::TemplateStr(node) => exprs(&node.values, load),
        Expr::Constant(_) | Expr::Name(_) => Ok(()),
        Expr::Attribute(node) => expr(&node.value, load),
        Expr::Subscript(node) => {
            expr(&node.slice, load)?;
            expr(&node.value, load)
        }
        Expr::Starred(node) => expr(&node.value, ctx),
        Expr::List(node) => exprs(&node.elts, ctx),
        Expr::Tuple(node) => exprs(&node.elts, ctx),
        Expr::Slice(node) => {
            opt(node.lower.as_deref())?;
            opt(node.upper.as_deref())?;
            opt(node.step.as_deref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Mod {
        pyrite_parser::parse_with_warnings(
            source.as_bytes(),
            "<test>",
            pyrite_parser::parser::StartRule::File,
        )
        .map(|parsed| parsed.module)
        .unwrap_or_else(|_| panic!("{source} does not parse"))
    }

    fn first_stmt(module: &mut Mod) -> &mut Stmt {
        match module {
            Mod::Module(module) => &mut module.body[0],
            _ => panic!("not a Module"),
        }
    }

    #[test]
    fn parsed_trees_are_valid() {
        for source in [
            "x = 1",
            "del a[0], b.c",
            "for (a, *b) in c: pass",
            "with a as (b, c): pass",
            "[y for x in z if x for y in x]",
            "def f[T](a, /, b=1, *, c, d=2, **e) -> T: return (x := a)",
            "match p:\n    case [1, *r] if r: pass",
            "try: pass\nexcept* E: pass\nfinally: pass",
        ] {
            assert_eq!(validate_mod(&parse(source)), Ok(()), "{source}");
        }
    }

    // Expected texts from the oracle (compile() of an edited `ast.parse` tree).
    #[test]
    fn errors_have_cpython_texts() {
        let mut module = parse("x = 1");
        if let Stmt::Assign(assign) = first_stmt(&mut module)
            && let Expr::Name(name) = &mut assign.targets[0]
        {
            name.ctx = ExprContext::Load;
        }
        assert_eq!(
            validate_mod(&module).unwrap_err(),
            "expression must have Store context but has Load instead"
        );

        let mut module = parse("if x: pass");
        if let Stmt::If(node) = first_stmt(&mut module) {
            node.body.clear();
        }
        assert_eq!(validate_mod(&module).unwrap_err(), "empty body on If");

        let mut module = parse("a and b");
        if let Stmt::Expr(node) = first_stmt(&mut module)
            && let Expr::BoolOp(op) = &mut *node.value
        {
            op.values.truncate(1);
        }
        assert_eq!(
            validate_mod(&module).unwrap_err(),
            "BoolOp with less than 2 values"
        );

        let mut module = parse("x");
        if let Stmt::Expr(node) = first_stmt(&mut module)
            && let Expr::Name(name) = &mut *node.value
        {
            name.id = "None".to_owned();
        }
        assert_eq!(
            validate_mod(&module).unwrap_err(),
            "identifier field can't represent 'None' constant"
        );
    }
}
