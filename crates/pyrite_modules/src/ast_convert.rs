//! Conversions between `pyrite_ast` trees and `ast` node objects: a parsed tree becomes
//! nodes for `ast.parse` (with their positions), and nodes given to `compile()` become a
//! tree again, with CPython's errors for what is missing or of the wrong type.
//!
//! CPython counterpart: the `ast2obj_*` and `obj2ast_*` functions of
//! `Python/Python-ast.c` (`PyAST_mod2obj`, `PyAST_obj2mod`) and the constructor checks
//! (`field 'x' is required for Y`) of `_PyAST_*`.

use std::cell::Cell;

use num_bigint::BigInt;
use pyrite_ast::*;
use pyrite_objects::dict::Dict as DictObject;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, attrs, bytes, complex, float, int, list,
    singletons, str as pystr, tuple,
};

use crate::ast::{AstState, state};

// ---------------------------------------------------------------------------------------
// Tree to objects

/// Builds node objects from a tree (`ast2obj_mod`). With `debug_value` (an optimized
/// AST, `PyCF_OPTIMIZED_AST`), `__debug__` becomes that constant, as 3.14's AST
/// preprocessing does.
pub fn mod_to_object(ts: &ThreadState, module: &Mod, debug_value: Option<bool>) -> PyResult {
    let state = state(ts)?;
    let builder = ToObject {
        ts,
        state: &state,
        debug_value,
        depth: Depth::default(),
    };
    builder.module(module)
}

struct ToObject<'a> {
    ts: &'a ThreadState,
    state: &'a AstState,
    debug_value: Option<bool>,
    depth: Depth,
}

/// How deep a conversion may nest: the interpreter thread's large stack holds this many
/// levels with room to spare, and a tree built by hand cannot exhaust it (the role of
/// `Py_EnterRecursiveCall` in CPython's converters).
const MAX_DEPTH: usize = 10_000;

/// The nesting depth of one conversion.
#[derive(Default)]
struct Depth(Cell<usize>);

struct DepthGuard<'a>(&'a Cell<usize>);

impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get() - 1);
    }
}

impl Depth {
    fn enter(&self, context: &str) -> PyResult<DepthGuard<'_>> {
        if self.0.get() >= MAX_DEPTH {
            return Err(PyErr::new(
                ExceptionKind::RecursionError,
                format!("maximum recursion depth exceeded{context}"),
            ));
        }
        self.0.set(self.0.get() + 1);
        Ok(DepthGuard(&self.0))
    }
}

type Fields = Vec<(&'static str, PyRef)>;

impl ToObject<'_> {
    fn node(&self, class: &str, fields: Fields, location: Option<Location>) -> PyResult {
        let node = self.state.new_node(self.ts, class)?;
        let dict = attrs::instance_dict(self.ts, &node, true)
            .ok_or_else(|| PyErr::type_error("ast node without a dict"))?;
        let dict = dict
            .downcast_ref::<DictObject>()
            .ok_or_else(|| PyErr::type_error("ast node dict is not a dict"))?;
        for (name, value) in fields {
            dict.set_item(self.ts, pystr::intern(self.ts, name), value)?;
        }
        if let Some(location) = location {
            for (name, value) in [
                ("lineno", location.lineno),
                ("col_offset", location.col_offset),
                ("end_lineno", location.end_lineno),
                ("end_col_offset", location.end_col_offset),
            ] {
                dict.set_item(
                    self.ts,
                    pystr::intern(self.ts, name),
                    int::new(self.ts, i64::from(value)),
                )?;
            }
        }
        Ok(node)
    }

    fn text(&self, text: &str) -> PyRef {
        pystr::new(self.ts, text).into_ref()
    }

    fn opt_text(&self, text: &Option<String>) -> PyRef {
        text.as_ref()
            .map_or_else(singletons::none, |text| self.text(text))
    }

    fn texts(&self, texts: &[String]) -> PyRef {
        list::new(self.ts, texts.iter().map(|text| self.text(text)).collect()).into_ref()
    }

    fn int(&self, value: i32) -> PyRef {
        int::new(self.ts, i64::from(value))
    }

    fn list<T>(&self, items: &[T], convert: impl Fn(&T) -> PyResult) -> PyResult {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(convert(item)?);
        }
        Ok(list::new(self.ts, out).into_ref())
    }

    fn stmts(&self, body: &[Stmt]) -> PyResult {
        self.list(body, |stmt| self.stmt(stmt))
    }

    fn exprs(&self, items: &[Expr]) -> PyResult {
        self.list(items, |expr| self.expr(expr))
    }

    fn opt_exprs(&self, items: &[Option<Expr>]) -> PyResult {
        self.list(items, |expr| self.opt_expr(expr.as_ref()))
    }

    fn opt_expr(&self, expr: Option<&Expr>) -> PyResult {
        match expr {
            Some(expr) => self.expr(expr),
            None => Ok(singletons::none()),
        }
    }

    fn module(&self, module: &Mod) -> PyResult {
        match module {
            Mod::Module(module) => {
                let type_ignores = self.list(&module.type_ignores, |ignore| {
                    self.node(
                        "TypeIgnore",
                        vec![
                            ("lineno", self.int(ignore.lineno)),
                            ("tag", self.text(&ignore.tag)),
                        ],
                        None,
                    )
                })?;
                self.node(
                    "Module",
                    vec![
                        ("body", self.stmts(&module.body)?),
                        ("type_ignores", type_ignores),
                    ],
                    None,
                )
            }
            Mod::Interactive(module) => self.node(
                "Interactive",
                vec![("body", self.stmts(&module.body)?)],
                None,
            ),
            Mod::Expression(module) => {
                self.node("Expression", vec![("body", self.expr(&module.body)?)], None)
            }
            Mod::FunctionType(module) => self.node(
                "FunctionType",
                vec![
                    ("argtypes", self.exprs(&module.argtypes)?),
                    ("returns", self.expr(&module.returns)?),
                ],
                None,
            ),
        }
    }

    fn stmt(&self, stmt: &Stmt) -> PyResult {
        let _guard = self.depth.enter(" during ast construction")?;
        let class = stmt.class_name();
        let location = Some(stmt.location());
        let fields: Fields = match stmt {
            Stmt::FunctionDef(node) | Stmt::AsyncFunctionDef(node) => vec![
                ("name", self.text(&node.name)),
                ("args", self.arguments(&node.args)?),
                ("body", self.stmts(&node.body)?),
                ("decorator_list", self.exprs(&node.decorator_list)?),
                ("returns", self.opt_expr(node.returns.as_deref())?),
                ("type_comment", self.opt_text(&node.type_comment)),
                ("type_params", self.type_params(&node.type_params)?),
            ],
            Stmt::ClassDef(node) => vec![
                ("name", self.text(&node.name)),
                ("bases", self.exprs(&node.bases)?),
                ("keywords", self.keywords(&node.keywords)?),
                ("body", self.stmts(&node.body)?),
                ("decorator_list", self.exprs(&node.decorator_list)?),
                ("type_params", self.type_params(&node.type_params)?),
            ],
            Stmt::Return(node) => vec![("value", self.opt_expr(node.value.as_deref())?)],
            Stmt::Delete(node) => vec![("targets", self.exprs(&node.targets)?)],
            Stmt::Assign(node) => vec![
                ("targets", self.exprs(&node.targets)?),
                ("value", self.expr(&node.value)?),
                ("type_comment", self.opt_text(&node.type_comment)),
            ],
            Stmt::TypeAlias(node) => vec![
                ("name", self.expr(&node.name)?),
                ("type_params", self.type_params(&node.type_params)?),
                ("value", self.expr(&node.value)?),
            ],
            Stmt::AugAssign(node) => vec![
                ("target", self.expr(&node.target)?),
                ("op", self.state.singleton(node.op.class_name())?),
                ("value", self.expr(&node.value)?),
            ],
            Stmt::AnnAssign(node) => vec![
                ("target", self.expr(&node.target)?),
                ("annotation", self.expr(&node.annotation)?),
                ("value", self.opt_expr(node.value.as_deref())?),
                ("simple", self.int(node.simple)),
            ],
            Stmt::For(node) | Stmt::AsyncFor(node) => vec![
                ("target", self.expr(&node.target)?),
                ("iter", self.expr(&node.iter)?),
                ("body", self.stmts(&node.body)?),
                ("orelse", self.stmts(&node.orelse)?),
                ("type_comment", self.opt_text(&node.type_comment)),
            ],
            Stmt::While(node) => vec![
                ("test", self.expr(&node.test)?),
                ("body", self.stmts(&node.body)?),
                ("orelse", self.stmts(&node.orelse)?),
            ],
            Stmt::If(node) => vec![
                ("test", self.expr(&node.test)?),
                ("body", self.stmts(&node.body)?),
                ("orelse", self.stmts(&node.orelse)?),
            ],
            Stmt::With(node) | Stmt::AsyncWith(node) => vec![
                (
                    "items",
                    self.list(&node.items, |item| {
                        self.node(
                            "withitem",
                            vec![
                                ("context_expr", self.expr(&item.context_expr)?),
                                (
                                    "optional_vars",
                                    self.opt_expr(item.optional_vars.as_deref())?,
                                ),
                            ],
                            None,
                        )
                    })?,
                ),
                ("body", self.stmts(&node.body)?),
                ("type_comment", self.opt_text(&node.type_comment)),
            ],
            Stmt::Match(node) => vec![
                ("subject", self.expr(&node.subject)?),
                (
                    "cases",
                    self.list(&node.cases, |case| {
                        self.node(
                            "match_case",
                            vec![
                                ("pattern", self.pattern(&case.pattern)?),
                                ("guard", self.opt_expr(case.guard.as_deref())?),
                                ("body", self.stmts(&case.body)?),
                            ],
                            None,
                        )
                    })?,
                ),
            ],
            Stmt::Raise(node) => vec![
                ("exc", self.opt_expr(node.exc.as_deref())?),
                ("cause", self.opt_expr(node.cause.as_deref())?),
            ],
            Stmt::Try(node) | Stmt::TryStar(node) => vec![
                ("body", self.stmts(&node.body)?),
                (
                    "handlers",
                    self.list(&node.handlers, |handler| {
                        self.node(
                            "ExceptHandler",
                            vec![
                                ("type", self.opt_expr(handler.type_.as_deref())?),
                                ("name", self.opt_text(&handler.name)),
                                ("body", self.stmts(&handler.body)?),
                            ],
                            Some(handler.location),
                        )
                    })?,
                ),
                ("orelse", self.stmts(&node.orelse)?),
                ("finalbody", self.stmts(&node.finalbody)?),
            ],
            Stmt::Assert(node) => vec![
                ("test", self.expr(&node.test)?),
                ("msg", self.opt_expr(node.msg.as_deref())?),
            ],
            Stmt::Import(node) => vec![("names", self.aliases(&node.names)?)],
            Stmt::ImportFrom(node) => vec![
                ("module", self.opt_text(&node.module)),
                ("names", self.aliases(&node.names)?),
                ("level", self.int(node.level)),
            ],
            Stmt::Global(node) => vec![("names", self.texts(&node.names))],
            Stmt::Nonlocal(node) => vec![("names", self.texts(&node.names))],
            Stmt::Expr(node) => vec![("value", self.expr(&node.value)?)],
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Vec::new(),
        };
        self.node(class, fields, location)
    }

    fn aliases(&self, names: &[Alias]) -> PyResult {
        self.list(names, |alias| {
            self.node(
                "alias",
                vec![
                    ("name", self.text(&alias.name)),
                    ("asname", self.opt_text(&alias.asname)),
                ],
                Some(alias.location),
            )
        })
    }

    fn keywords(&self, keywords: &[Keyword]) -> PyResult {
        self.list(keywords, |keyword| {
            self.node(
                "keyword",
                vec![
                    ("arg", self.opt_text(&keyword.arg)),
                    ("value", self.expr(&keyword.value)?),
                ],
                Some(keyword.location),
            )
        })
    }

    fn arg(&self, arg: &Arg) -> PyResult {
        self.node(
            "arg",
            vec![
                ("arg", self.text(&arg.arg)),
                ("annotation", self.opt_expr(arg.annotation.as_deref())?),
                ("type_comment", self.opt_text(&arg.type_comment)),
            ],
            Some(arg.location),
        )
    }

    fn opt_arg(&self, arg: Option<&Arg>) -> PyResult {
        match arg {
            Some(arg) => self.arg(arg),
            None => Ok(singletons::none()),
        }
    }

    fn arguments(&self, args: &Arguments) -> PyResult {
        self.node(
            "arguments",
            vec![
                (
                    "posonlyargs",
                    self.list(&args.posonlyargs, |a| self.arg(a))?,
                ),
                ("args", self.list(&args.args, |a| self.arg(a))?),
                ("vararg", self.opt_arg(args.vararg.as_deref())?),
                ("kwonlyargs", self.list(&args.kwonlyargs, |a| self.arg(a))?),
                ("kw_defaults", self.opt_exprs(&args.kw_defaults)?),
                ("kwarg", self.opt_arg(args.kwarg.as_deref())?),
                ("defaults", self.exprs(&args.defaults)?),
            ],
            None,
        )
    }

    fn type_params(&self, params: &[TypeParam]) -> PyResult {
        self.list(params, |param| {
            let fields: Fields = match param {
                TypeParam::TypeVar(node) => vec![
                    ("name", self.text(&node.name)),
                    ("bound", self.opt_expr(node.bound.as_deref())?),
                    (
                        "default_value",
                        self.opt_expr(node.default_value.as_deref())?,
                    ),
                ],
                TypeParam::ParamSpec(node) => vec![
                    ("name", self.text(&node.name)),
                    (
                        "default_value",
                        self.opt_expr(node.default_value.as_deref())?,
                    ),
                ],
                TypeParam::TypeVarTuple(node) => vec![
                    ("name", self.text(&node.name)),
                    (
                        "default_value",
                        self.opt_expr(node.default_value.as_deref())?,
                    ),
                ],
            };
            self.node(param.class_name(), fields, Some(param.location()))
        })
    }

    fn comprehensions(&self, generators: &[Comprehension]) -> PyResult {
        self.list(generators, |comp| {
            self.node(
                "comprehension",
                vec![
                    ("target", self.expr(&comp.target)?),
                    ("iter", self.expr(&comp.iter)?),
                    ("ifs", self.exprs(&comp.ifs)?),
                    ("is_async", self.int(comp.is_async)),
                ],
                None,
            )
        })
    }

    fn ctx(&self, ctx: ExprContext) -> PyResult {
        self.state.singleton(ctx.class_name())
    }

    fn expr(&self, expr: &Expr) -> PyResult {
        let _guard = self.depth.enter(" during ast construction")?;
        let class = expr.class_name();
        let location = Some(expr.location());
        let fields: Fields = match expr {
            Expr::BoolOp(node) => vec![
                ("op", self.state.singleton(node.op.class_name())?),
                ("values", self.exprs(&node.values)?),
            ],
            Expr::NamedExpr(node) => vec![
                ("target", self.expr(&node.target)?),
                ("value", self.expr(&node.value)?),
            ],
            Expr::BinOp(node) => vec![
                ("left", self.expr(&node.left)?),
                ("op", self.state.singleton(node.op.class_name())?),
                ("right", self.expr(&node.right)?),
            ],
            Expr::UnaryOp(node) => vec![
                ("op", self.state.singleton(node.op.class_name())?),
                ("operand", self.expr(&node.operand)?),
            ],
            Expr::Lambda(node) => vec![
                ("args", self.arguments(&node.args)?),
                ("body", self.expr(&node.body)?),
            ],
            Expr::IfExp(node) => vec![
                ("test", self.expr(&node.test)?),
                ("body", self.expr(&node.body)?),
                ("orelse", self.expr(&node.orelse)?),
            ],
            Expr::Dict(node) => vec![
                ("keys", self.opt_exprs(&node.keys)?),
                ("values", self.exprs(&node.values)?),
            ],
            Expr::Set(node) => vec![("elts", self.exprs(&node.elts)?)],
            Expr::ListComp(node) => vec![
                ("elt", self.expr(&node.elt)?),
                ("generators", self.comprehensions(&node.generators)?),
            ],
            Expr::SetComp(node) => vec![
                ("elt", self.expr(&node.elt)?),
                ("generators", self.comprehensions(&node.generators)?),
            ],
            Expr::DictComp(node) => vec![
                ("key", self.expr(&node.key)?),
                ("value", self.expr(&node.value)?),
                ("generators", self.comprehensions(&node.generators)?),
            ],
            Expr::GeneratorExp(node) => vec![
                ("elt", self.expr(&node.elt)?),
                ("generators", self.comprehensions(&node.generators)?),
            ],
            Expr::Await(node) => vec![("value", self.expr(&node.value)?)],
            Expr::Yield(node) => vec![("value", self.opt_expr(node.value.as_deref())?)],
            Expr::YieldFrom(node) => vec![("value", self.expr(&node.value)?)],
            Expr::Compare(node) => vec![
                ("left", self.expr(&node.left)?),
                (
                    "ops",
                    self.list(&node.ops, |op| self.state.singleton(op.class_name()))?,
                ),
                ("comparators", self.exprs(&node.comparators)?),
            ],
            Expr::Call(node) => vec![
                ("func", self.expr(&node.func)?),
                ("args", self.exprs(&node.args)?),
                ("keywords", self.keywords(&node.keywords)?),
            ],
            Expr::FormattedValue(node) => vec![
                ("value", self.expr(&node.value)?),
                ("conversion", self.int(node.conversion)),
                ("format_spec", self.opt_expr(node.format_spec.as_deref())?),
            ],
            Expr::Interpolation(node) => vec![
                ("value", self.expr(&node.value)?),
                ("str", self.text(&node.str)),
                ("conversion", self.int(node.conversion)),
                ("format_spec", self.opt_expr(node.format_spec.as_deref())?),
            ],
            Expr::JoinedStr(node) => vec![("values", self.exprs(&node.values)?)],
            Expr::TemplateStr(node) => vec![("values", self.exprs(&node.values)?)],
            Expr::Constant(node) => vec![
                ("value", constant_to_object(self.ts, &node.value)?),
                ("kind", self.opt_text(&node.kind)),
            ],
            Expr::Attribute(node) => vec![
                ("value", self.expr(&node.value)?),
                ("attr", self.text(&node.attr)),
                ("ctx", self.ctx(node.ctx)?),
            ],
            Expr::Subscript(node) => vec![
                ("value", self.expr(&node.value)?),
                ("slice", self.expr(&node.slice)?),
                ("ctx", self.ctx(node.ctx)?),
            ],
            Expr::Starred(node) => vec![
                ("value", self.expr(&node.value)?),
                ("ctx", self.ctx(node.ctx)?),
            ],
            Expr::Name(node) => match self.debug_value {
                Some(value) if node.id == "__debug__" && node.ctx == ExprContext::Load => {
                    return self.node(
                        "Constant",
                        vec![
                            ("value", pyrite_objects::bool::bool_ref(value)),
                            ("kind", singletons::none()),
                        ],
                        location,
                    );
                }
                _ => vec![("id", self.text(&node.id)), ("ctx", self.ctx(node.ctx)?)],
            },
            Expr::List(node) => vec![
                ("elts", self.exprs(&node.elts)?),
                ("ctx", self.ctx(node.ctx)?),
            ],
            Expr::Tuple(node) => vec![
                ("elts", self.exprs(&node.elts)?),
                ("ctx", self.ctx(node.ctx)?),
            ],
            Expr::Slice(node) => vec![
                ("lower", self.opt_expr(node.lower.as_deref())?),
                ("upper", self.opt_expr(node.upper.as_deref())?),
                ("step", self.opt_expr(node.step.as_deref())?),
            ],
        };
        self.node(class, fields, location)
    }

    fn patterns(&self, patterns: &[Pattern]) -> PyResult {
        self.list(patterns, |pattern| self.pattern(pattern))
    }

    fn pattern(&self, pattern: &Pattern) -> PyResult {
        let _guard = self.depth.enter(" during ast construction")?;
        let fields: Fields = match pattern {
            Pattern::MatchValue(node) => vec![("value", self.expr(&node.value)?)],
            Pattern::MatchSingleton(node) => {
                vec![("value", constant_to_object(self.ts, &node.value)?)]
            }
            Pattern::MatchSequence(node) => vec![("patterns", self.patterns(&node.patterns)?)],
            Pattern::MatchMapping(node) => vec![
                ("keys", self.exprs(&node.keys)?),
                ("patterns", self.patterns(&node.patterns)?),
                ("rest", self.opt_text(&node.rest)),
            ],
            Pattern::MatchClass(node) => vec![
                ("cls", self.expr(&node.cls)?),
                ("patterns", self.patterns(&node.patterns)?),
                ("kwd_attrs", self.texts(&node.kwd_attrs)),
                ("kwd_patterns", self.patterns(&node.kwd_patterns)?),
            ],
            Pattern::MatchStar(node) => vec![("name", self.opt_text(&node.name))],
            Pattern::MatchAs(node) => vec![
                (
                    "pattern",
                    match &node.pattern {
                        Some(pattern) => self.pattern(pattern)?,
                        None => singletons::none(),
                    },
                ),
                ("name", self.opt_text(&node.name)),
            ],
            Pattern::MatchOr(node) => vec![("patterns", self.patterns(&node.patterns)?)],
        };
        self.node(pattern.class_name(), fields, Some(pattern.location()))
    }
}

/// The object a `Constant` holds.
pub fn constant_to_object(ts: &ThreadState, value: &ConstantValue) -> PyResult {
    Ok(match value {
        ConstantValue::None => singletons::none(),
        ConstantValue::Bool(value) => pyrite_objects::bool::bool_ref(*value),
        ConstantValue::Ellipsis => singletons::ellipsis(),
        ConstantValue::Int(value) => int::from_bigint(ts, value.clone()),
        ConstantValue::Float(value) => float::new(ts, *value),
        ConstantValue::Complex { real, imag } => complex::new(ts, *real, *imag),
        ConstantValue::Str(value) => pystr::from_py_str(ts, value.clone()).into_ref(),
        ConstantValue::Bytes(value) => bytes::new(ts, value),
        ConstantValue::Tuple(items) => {
            let items = items
                .iter()
                .map(|item| constant_to_object(ts, item))
                .collect::<PyResult<Vec<_>>>()?;
            tuple::new(ts, items).into_ref()
        }
        ConstantValue::FrozenSet(items) => {
            let items = items
                .iter()
                .map(|item| constant_to_object(ts, item))
                .collect::<PyResult<Vec<_>>>()?;
            pyrite_objects::set::new_frozen(ts, items)?
        }
    })
}

// ---------------------------------------------------------------------------------------
// Objects to tree

/// The mode `compile()` was given, which decides the root class it expects.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RootKind {
    Module,
    Expression,
    Interactive,
    FunctionType,
}

/// Reads node objects back into a tree (`PyAST_obj2mod`), checking the root's class.
pub fn object_to_mod(ts: &ThreadState, object: &PyObject, root: RootKind) -> PyResult<Mod> {
    let state = state(ts)?;
    let reader = FromObject {
        ts,
        state: &state,
        depth: Depth::default(),
    };
    let expected = match root {
        RootKind::Module => "Module",
        RootKind::Expression => "Expression",
        RootKind::Interactive => "Interactive",
        RootKind::FunctionType => "FunctionType",
    };
    if !reader.is_instance(object, expected)? {
        return Err(PyErr::type_error(format!(
            "expected {expected} node, got {}",
            short_type_name(object)
        )));
    }
    reader.module(object)
}

fn short_type_name(object: &PyObject) -> String {
    let name = object.ob_type().name();
    name.rsplit('.').next().unwrap_or(name).to_owned()
}

struct FromObject<'a> {
    ts: &'a ThreadState,
    state: &'a AstState,
    depth: Depth,
}

fn repr_of(ts: &ThreadState, object: &PyObject) -> String {
    match object.repr(ts) {
        Ok(text) => pystr::to_rust_string(&text),
        Err(_) => format!("<{} object>", object.ob_type().name()),
    }
}

impl FromObject<'_> {
    fn is_instance(&self, object: &PyObject, class: &str) -> PyResult<bool> {
        pyrite_objects::abstract_api::is_instance(self.ts, object, self.state.class(class)?)
    }

    /// The attribute `name` of `object` (its class's `None` default included); `None`
    /// when it has none.
    fn get(&self, object: &PyObject, name: &str) -> PyResult<Option<PyRef>> {
        match attrs::get_attr_str(self.ts, object, name) {
            Ok(value) => Ok(Some(value)),
            Err(err) if err.matches(ExceptionKind::AttributeError) => Ok(None),
            Err(err) => Err(err),
        }
    }

    fn required(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<PyRef> {
        self.get(object, name)?.ok_or_else(|| {
            PyErr::type_error(format!("required field \"{name}\" missing from {owner}"))
        })
    }

    /// A field that must not be `None` (`_PyAST_*`'s "field 'x' is required for Y").
    fn present(&self, object: &PyObject, name: &str, owner: &str, class: &str) -> PyResult<PyRef> {
        let value = self.required(object, name, owner)?;
        if singletons::is_none(&value) {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("field '{name}' is required for {class}"),
            ));
        }
        Ok(value)
    }

    fn optional(&self, object: &PyObject, name: &str) -> PyResult<Option<PyRef>> {
        Ok(self
            .get(object, name)?
            .filter(|value| !singletons::is_none(value)))
    }

    fn sequence(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<Vec<PyRef>> {
        let value = self.required(object, name, owner)?;
        if !value.payload_is::<list::List>() {
            return Err(PyErr::type_error(format!(
                "{owner} field \"{name}\" must be a list, not a {}",
                short_type_name(&value)
            )));
        }
        pyrite_objects::iterobject::collect(self.ts, &value)
    }

    fn int_value(&self, value: &PyObject) -> PyResult<i32> {
        if !value.payload_is::<int::Int>() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("invalid integer value: {}", repr_of(self.ts, value)),
            ));
        }
        int::as_i64(value)
            .and_then(|value| i32::try_from(value).ok())
            .ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })
    }

    /// A replacement field's conversion: -1 or the code of `s`, `r` or `a` (CPython's
    /// code generator refuses others).
    fn conversion(&self, object: &PyObject, owner: &str) -> PyResult<i32> {
        let conversion = self.int_field(object, "conversion", owner)?;
        if !matches!(conversion, -1 | 115 | 114 | 97) {
            return Err(PyErr::new(
                ExceptionKind::SystemError,
                format!("Unrecognized conversion character {conversion}"),
            ));
        }
        Ok(conversion)
    }

    fn int_field(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<i32> {
        let value = self.required(object, name, owner)?;
        self.int_value(&value)
    }

    /// An exact `str` as UTF-8 (a lone surrogate fails to encode, as in CPython).
    fn exact_text(&self, value: &PyObject) -> PyResult<Option<String>> {
        if !std::ptr::eq(value.ob_type(), &*pystr::STR_TYPE) {
            return Ok(None);
        }
        let Some(text) = pystr::as_str_payload(value) else {
            return Ok(None);
        };
        if let Some(text) = text.as_str() {
            return Ok(Some(text.to_owned()));
        }
        let bytes = pyrite_objects::unicode_codecs::encode(self.ts, text, "utf-8", "strict")?;
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }

    fn identifier_value(&self, value: &PyObject) -> PyResult<String> {
        self.exact_text(value)?
            .ok_or_else(|| PyErr::type_error("AST identifier must be of type str"))
    }

    fn identifier(
        &self,
        object: &PyObject,
        name: &str,
        owner: &str,
        class: &str,
    ) -> PyResult<String> {
        let value = self.present(object, name, owner, class)?;
        self.identifier_value(&value)
    }

    fn opt_identifier(&self, object: &PyObject, name: &str) -> PyResult<Option<String>> {
        self.optional(object, name)?
            .map(|value| self.identifier_value(&value))
            .transpose()
    }

    fn opt_string(&self, object: &PyObject, name: &str) -> PyResult<Option<String>> {
        match self.optional(object, name)? {
            Some(value) => match self.exact_text(&value)? {
                Some(text) => Ok(Some(text)),
                None => Err(PyErr::type_error("AST string must be of type str")),
            },
            None => Ok(None),
        }
    }

    /// The position attributes; `end_*` may be left out (then they copy the start)
    /// except on patterns and type parameters, whose ASDL makes them required.
    fn location(&self, object: &PyObject, owner: &str) -> PyResult<Location> {
        let lineno = self.int_field(object, "lineno", owner)?;
        let col_offset = self.int_field(object, "col_offset", owner)?;
        let ends_required = matches!(owner, "pattern" | "type_param");
        let end = |name: &str, start: i32| -> PyResult<i32> {
            if ends_required {
                return self.int_field(object, name, owner);
            }
            match self.optional(object, name)? {
                Some(value) => self.int_value(&value),
                None => Ok(start),
            }
        };
        let end_lineno = end("end_lineno", lineno)?;
        let end_col_offset = end("end_col_offset", col_offset)?;
        Ok(Location::new(
            lineno,
            col_offset,
            end_lineno,
            end_col_offset,
        ))
    }

    fn list_of<T>(
        &self,
        object: &PyObject,
        name: &str,
        owner: &str,
        convert: impl Fn(&PyObject) -> PyResult<T>,
    ) -> PyResult<Vec<T>> {
        self.sequence(object, name, owner)?
            .iter()
            .map(|item| convert(item))
            .collect()
    }

    fn kind_error(&self, kind: &str, object: &PyObject) -> PyErr {
        PyErr::type_error(format!(
            "expected some sort of {kind}, but got {}",
            repr_of(self.ts, object)
        ))
    }

    fn module(&self, object: &PyObject) -> PyResult<Mod> {
        if self.is_instance(object, "Module")? {
            let body = self.list_of(object, "body", "Module", |item| self.stmt(item))?;
            let type_ignores = self.list_of(object, "type_ignores", "Module", |item| {
                if !self.is_instance(item, "TypeIgnore")? {
                    return Err(self.kind_error("type_ignore", item));
                }
                Ok(TypeIgnore {
                    lineno: self.int_field(item, "lineno", "TypeIgnore")?,
                    tag: match pystr::as_str_payload(&*self.required(item, "tag", "TypeIgnore")?) {
                        Some(text) => text.to_string_lossy(),
                        None => return Err(PyErr::type_error("AST string must be of type str")),
                    },
                })
            })?;
            return Ok(Mod::Module(Module { body, type_ignores }));
        }
        if self.is_instance(object, "Interactive")? {
            let body = self.list_of(object, "body", "Interactive", |item| self.stmt(item))?;
            return Ok(Mod::Interactive(Interactive { body }));
        }
        if self.is_instance(object, "Expression")? {
            let body = self.expr_field(object, "body", "Expression", "Expression")?;
            return Ok(Mod::Expression(Expression { body }));
        }
        if self.is_instance(object, "FunctionType")? {
            let argtypes =
                self.list_of(object, "argtypes", "FunctionType", |item| self.expr(item))?;
            let returns = self.expr_field(object, "returns", "FunctionType", "FunctionType")?;
            return Ok(Mod::FunctionType(FunctionType { argtypes, returns }));
        }
        Err(self.kind_error("mod", object))
    }

    fn expr_field(
        &self,
        object: &PyObject,
        name: &str,
        owner: &str,
        class: &str,
    ) -> PyResult<Box<Expr>> {
        let value = self.present(object, name, owner, class)?;
        Ok(Box::new(self.expr(&value)?))
    }

    fn opt_expr_field(&self, object: &PyObject, name: &str) -> PyResult<Option<Box<Expr>>> {
        self.optional(object, name)?
            .map(|value| self.expr(&value).map(Box::new))
            .transpose()
    }

    fn stmts(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        self.list_of(object, name, owner, |item| self.stmt(item))
    }

    fn exprs(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<Vec<Expr>> {
        self.list_of(object, name, owner, |item| {
            if singletons::is_none(item) {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "None disallowed in expression list",
                ));
            }
            self.expr(item)
        })
    }

    /// The `args` of a function or lambda: `None` reads as no parameters.
    fn arguments_field(&self, object: &PyObject, owner: &str) -> PyResult<Box<Arguments>> {
        let value = self.required(object, "args", owner)?;
        if singletons::is_none(&value) {
            return Ok(Box::default());
        }
        Ok(Box::new(self.arguments(&value)?))
    }

    fn opt_exprs(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<Vec<Option<Expr>>> {
        self.list_of(object, name, owner, |item| {
            if singletons::is_none(item) {
                Ok(None)
            } else {
                self.expr(item).map(Some)
            }
        })
    }

    fn identifiers(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<Vec<String>> {
        self.list_of(object, name, owner, |item| self.identifier_value(item))
    }

    /// The class name of `object` among the constructors `names` of a sum type.
    fn which(&self, object: &PyObject, names: &[&'static str]) -> PyResult<Option<&'static str>> {
        for name in names {
            if self.is_instance(object, name)? {
                return Ok(Some(name));
            }
        }
        Ok(None)
    }

    fn simple<T: Copy>(
        &self,
        object: &PyObject,
        kind: &str,
        table: &[(&'static str, T)],
    ) -> PyResult<T> {
        for (name, value) in table {
            if self.is_instance(object, name)? {
                return Ok(*value);
            }
        }
        Err(self.kind_error(kind, object))
    }

    fn ctx(&self, object: &PyObject, owner: &str) -> PyResult<ExprContext> {
        let value = self.required(object, "ctx", owner)?;
        self.simple(
            &value,
            "expr_context",
            &[
                ("Load", ExprContext::Load),
                ("Store", ExprContext::Store),
                ("Del", ExprContext::Del),
            ],
        )
    }

    fn operator(&self, object: &PyObject) -> PyResult<Operator> {
        use Operator::*;
        self.simple(
            object,
            "operator",
            &[
                ("Add", Add),
                ("Sub", Sub),
                ("Mult", Mult),
                ("MatMult", MatMult),
                ("Div", Div),
                ("Mod", Mod),
                ("Pow", Pow),
                ("LShift", LShift),
                ("RShift", RShift),
                ("BitOr", BitOr),
                ("BitXor", BitXor),
                ("BitAnd", BitAnd),
                ("FloorDiv", FloorDiv),
            ],
        )
    }

    fn cmpop(&self, object: &PyObject) -> PyResult<CmpOp> {
        use CmpOp::*;
        self.simple(
            object,
            "cmpop",
            &[
                ("Eq", Eq),
                ("NotEq", NotEq),
                ("Lt", Lt),
                ("LtE", LtE),
                ("Gt", Gt),
                ("GtE", GtE),
                ("Is", Is),
                ("IsNot", IsNot),
                ("In", In),
                ("NotIn", NotIn),
            ],
        )
    }

    fn stmt(&self, object: &PyObject) -> PyResult<Stmt> {
        let _guard = self.depth.enter(" while traversing 'stmt' node")?;
        const STMTS: &[&str] = &[
            "FunctionDef",
            "AsyncFunctionDef",
            "ClassDef",
            "Return",
            "Delete",
            "Assign",
            "TypeAlias",
            "AugAssign",
            "AnnAssign",
            "For",
            "AsyncFor",
            "While",
            "If",
            "With",
            "AsyncWith",
            "Match",
            "Raise",
            "Try",
            "TryStar",
            "Assert",
            "Import",
            "ImportFrom",
            "Global",
            "Nonlocal",
            "Expr",
            "Pass",
            "Break",
            "Continue",
        ];
        if singletons::is_none(object) {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "None disallowed in statement list",
            ));
        }
        let location = self.location(object, "stmt")?;
        let Some(class) = self.which(object, STMTS)? else {
            return Err(self.kind_error("stmt", object));
        };
        let o = object;
        Ok(match class {
            "FunctionDef" | "AsyncFunctionDef" => {
                let node = FunctionDef {
                    name: self.identifier(o, "name", class, class)?,
                    args: self.arguments_field(o, class)?,
                    body: self.stmts(o, "body", class)?,
                    decorator_list: self.exprs(o, "decorator_list", class)?,
                    returns: self.opt_expr_field(o, "returns")?,
                    type_comment: self.opt_string(o, "type_comment")?,
                    type_params: self.type_params(o, class)?,
                    location,
                };
                if class == "FunctionDef" {
                    Stmt::FunctionDef(node)
                } else {
                    Stmt::AsyncFunctionDef(node)
                }
            }
            "ClassDef" => Stmt::ClassDef(ClassDef {
                name: self.identifier(o, "name", class, class)?,
                bases: self.exprs(o, "bases", class)?,
                keywords: self.keywords(o, class)?,
                body: self.stmts(o, "body", class)?,
                decorator_list: self.exprs(o, "decorator_list", class)?,
                type_params: self.type_params(o, class)?,
                location,
            }),
            "Return" => Stmt::Return(Return {
                value: self.opt_expr_field(o, "value")?,
                location,
            }),
            "Delete" => Stmt::Delete(Delete {
                targets: self.exprs(o, "targets", class)?,
                location,
            }),
            "Assign" => Stmt::Assign(Assign {
                targets: self.exprs(o, "targets", class)?,
                value: self.expr_field(o, "value", class, class)?,
                type_comment: self.opt_string(o, "type_comment")?,
                location,
            }),
            "TypeAlias" => Stmt::TypeAlias(TypeAlias {
                name: self.expr_field(o, "name", class, class)?,
                type_params: self.type_params(o, class)?,
                value: self.expr_field(o, "value", class, class)?,
                location,
            }),
            "AugAssign" => Stmt::AugAssign(AugAssign {
                target: self.expr_field(o, "target", class, class)?,
                op: self.operator(&*self.required(o, "op", class)?)?,
                value: self.expr_field(o, "value", class, class)?,
                location,
            }),
            "AnnAssign" => Stmt::AnnAssign(AnnAssign {
                target: self.expr_field(o, "target", class, class)?,
                annotation: self.expr_field(o, "annotation", class, class)?,
                value: self.opt_expr_field(o, "value")?,
                simple: self.int_field(o, "simple", class)?,
                location,
            }),
            "For" | "AsyncFor" => {
                let node = For {
                    target: self.expr_field(o, "target", class, class)?,
                    iter: self.expr_field(o, "iter", class, class)?,
                    body: self.stmts(o, "body", class)?,
                    orelse: self.stmts(o, "orelse", class)?,
                    type_comment: self.opt_string(o, "type_comment")?,
                    location,
                };
                if class == "For" {
                    Stmt::For(node)
                } else {
                    Stmt::AsyncFor(node)
                }
            }
            "While" => Stmt::While(While {
                test: self.expr_field(o, "test", class, class)?,
                body: self.stmts(o, "body", class)?,
                orelse: self.stmts(o, "orelse", class)?,
                location,
            }),
            "If" => Stmt::If(If {
                test: self.expr_field(o, "test", class, class)?,
                body: self.stmts(o, "body", class)?,
                orelse: self.stmts(o, "orelse", class)?,
                location,
            }),
            "With" | "AsyncWith" => {
                let items = self.list_of(o, "items", class, |item| {
                    Ok(WithItem {
                        context_expr: *self.expr_field(
                            item,
                            "context_expr",
                            "withitem",
                            "withitem",
                        )?,
                        optional_vars: self.opt_expr_field(item, "optional_vars")?,
                    })
                })?;
                let node = With {
                    items,
                    body: self.stmts(o, "body", class)?,
                    type_comment: self.opt_string(o, "type_comment")?,
                    location,
                };
                if class == "With" {
                    Stmt::With(node)
                } else {
                    Stmt::AsyncWith(node)
                }
            }
            "Match" => Stmt::Match(Match {
                subject: self.expr_field(o, "subject", class, class)?,
                cases: self.list_of(o, "cases", class, |item| {
                    let pattern = self.present(item, "pattern", "match_case", "match_case")?;
                    Ok(MatchCase {
                        pattern: self.pattern(&pattern)?,
                        guard: self.opt_expr_field(item, "guard")?,
                        body: self.stmts(item, "body", "match_case")?,
                    })
                })?,
                location,
            }),
            "Raise" => Stmt::Raise(Raise {
                exc: self.opt_expr_field(o, "exc")?,
                cause: self.opt_expr_field(o, "cause")?,
                location,
            }),
            "Try" | "TryStar" => {
                let handlers = self.list_of(o, "handlers", class, |item| {
                    let location = self.location(item, "excepthandler")?;
                    if !self.is_instance(item, "ExceptHandler")? {
                        return Err(self.kind_error("excepthandler", item));
                    }
                    Ok(ExceptHandler {
                        type_: self.opt_expr_field(item, "type")?,
                        name: self.opt_identifier(item, "name")?,
                        body: self.stmts(item, "body", "ExceptHandler")?,
                        location,
                    })
                })?;
                let node = Try {
                    body: self.stmts(o, "body", class)?,
                    handlers,
                    orelse: self.stmts(o, "orelse", class)?,
                    finalbody: self.stmts(o, "finalbody", class)?,
                    location,
                };
                if class == "Try" {
                    Stmt::Try(node)
                } else {
                    Stmt::TryStar(node)
                }
            }
            "Assert" => Stmt::Assert(Assert {
                test: self.expr_field(o, "test", class, class)?,
                msg: self.opt_expr_field(o, "msg")?,
                location,
            }),
            "Import" => Stmt::Import(Import {
                names: self.aliases(o, class)?,
                location,
            }),
            "ImportFrom" => Stmt::ImportFrom(ImportFrom {
                module: self.opt_identifier(o, "module")?,
                names: self.aliases(o, class)?,
                level: match self.optional(o, "level")? {
                    Some(level) => self.int_value(&level)?,
                    None => 0,
                },
                location,
            }),
            "Global" => Stmt::Global(Global {
                names: self.identifiers(o, "names", class)?,
                location,
            }),
            "Nonlocal" => Stmt::Nonlocal(Nonlocal {
                names: self.identifiers(o, "names", class)?,
                location,
            }),
            "Expr" => Stmt::Expr(ExprStmt {
                value: self.expr_field(o, "value", class, class)?,
                location,
            }),
            "Pass" => Stmt::Pass(location),
            "Break" => Stmt::Break(location),
            _ => Stmt::Continue(location),
        })
    }

    fn aliases(&self, object: &PyObject, owner: &str) -> PyResult<Vec<Alias>> {
        self.list_of(object, "names", owner, |item| {
            // A product type: its fields are read before its attributes.
            let name = self.identifier(item, "name", "alias", "alias")?;
            let asname = self.opt_identifier(item, "asname")?;
            Ok(Alias {
                name,
                asname,
                location: self.location(item, "alias")?,
            })
        })
    }

    fn keywords(&self, object: &PyObject, owner: &str) -> PyResult<Vec<Keyword>> {
        self.list_of(object, "keywords", owner, |item| {
            let arg = self.opt_identifier(item, "arg")?;
            let value = *self.expr_field(item, "value", "keyword", "keyword")?;
            Ok(Keyword {
                arg,
                value,
                location: self.location(item, "keyword")?,
            })
        })
    }

    fn arg(&self, item: &PyObject) -> PyResult<Arg> {
        let arg = self.identifier(item, "arg", "arg", "arg")?;
        let annotation = self.opt_expr_field(item, "annotation")?;
        let type_comment = self.opt_string(item, "type_comment")?;
        Ok(Arg {
            arg,
            annotation,
            type_comment,
            location: self.location(item, "arg")?,
        })
    }

    fn arguments(&self, object: &PyObject) -> PyResult<Arguments> {
        let owner = "arguments";
        Ok(Arguments {
            posonlyargs: self.list_of(object, "posonlyargs", owner, |item| self.arg(item))?,
            args: self.list_of(object, "args", owner, |item| self.arg(item))?,
            vararg: self
                .optional(object, "vararg")?
                .map(|value| self.arg(&value).map(Box::new))
                .transpose()?,
            kwonlyargs: self.list_of(object, "kwonlyargs", owner, |item| self.arg(item))?,
            kw_defaults: self.opt_exprs(object, "kw_defaults", owner)?,
            kwarg: self
                .optional(object, "kwarg")?
                .map(|value| self.arg(&value).map(Box::new))
                .transpose()?,
            defaults: self.exprs(object, "defaults", owner)?,
        })
    }

    fn type_params(&self, object: &PyObject, owner: &str) -> PyResult<Vec<TypeParam>> {
        self.list_of(object, "type_params", owner, |item| {
            let location = self.location(item, "type_param")?;
            let Some(class) = self.which(item, &["TypeVar", "ParamSpec", "TypeVarTuple"])? else {
                return Err(self.kind_error("type_param", item));
            };
            let name = self.identifier(item, "name", class, class)?;
            let default_value = self.opt_expr_field(item, "default_value")?;
            Ok(match class {
                "TypeVar" => TypeParam::TypeVar(TypeVar {
                    name,
                    bound: self.opt_expr_field(item, "bound")?,
                    default_value,
                    location,
                }),
                "ParamSpec" => TypeParam::ParamSpec(ParamSpec {
                    name,
                    default_value,
                    location,
                }),
                _ => TypeParam::TypeVarTuple(TypeVarTuple {
                    name,
                    default_value,
                    location,
                }),
            })
        })
    }

    fn comprehensions(&self, object: &PyObject, owner: &str) -> PyResult<Vec<Comprehension>> {
        self.list_of(object, "generators", owner, |item| {
            let owner = "comprehension";
            Ok(Comprehension {
                target: *self.expr_field(item, "target", owner, owner)?,
                iter: *self.expr_field(item, "iter", owner, owner)?,
                ifs: self.exprs(item, "ifs", owner)?,
                is_async: self.int_field(item, "is_async", owner)?,
            })
        })
    }

    fn expr(&self, object: &PyObject) -> PyResult<Expr> {
        let _guard = self.depth.enter(" while traversing 'expr' node")?;
        const EXPRS: &[&str] = &[
            "BoolOp",
            "NamedExpr",
            "BinOp",
            "UnaryOp",
            "Lambda",
            "IfExp",
            "Dict",
            "Set",
            "ListComp",
            "SetComp",
            "DictComp",
            "GeneratorExp",
            "Await",
            "Yield",
            "YieldFrom",
            "Compare",
            "Call",
            "FormattedValue",
            "Interpolation",
            "JoinedStr",
            "TemplateStr",
            "Constant",
            "Attribute",
            "Subscript",
            "Starred",
            "Name",
            "List",
            "Tuple",
            "Slice",
        ];
        let location = self.location(object, "expr")?;
        let Some(class) = self.which(object, EXPRS)? else {
            return Err(self.kind_error("expr", object));
        };
        let o = object;
        let c = class;
        Ok(match class {
            "BoolOp" => Expr::BoolOp(BoolOp {
                op: self.simple(
                    &*self.required(o, "op", c)?,
                    "boolop",
                    &[("And", BoolOperator::And), ("Or", BoolOperator::Or)],
                )?,
                values: self.exprs(o, "values", c)?,
                location,
            }),
            "NamedExpr" => Expr::NamedExpr(NamedExpr {
                target: self.expr_field(o, "target", c, c)?,
                value: self.expr_field(o, "value", c, c)?,
                location,
            }),
            "BinOp" => Expr::BinOp(BinOp {
                left: self.expr_field(o, "left", c, c)?,
                op: self.operator(&*self.required(o, "op", c)?)?,
                right: self.expr_field(o, "right", c, c)?,
                location,
            }),
            "UnaryOp" => Expr::UnaryOp(UnaryOp {
                op: self.simple(
                    &*self.required(o, "op", c)?,
                    "unaryop",
                    &[
                        ("Invert", UnaryOperator::Invert),
                        ("Not", UnaryOperator::Not),
                        ("UAdd", UnaryOperator::UAdd),
                        ("USub", UnaryOperator::USub),
                    ],
                )?,
                operand: self.expr_field(o, "operand", c, c)?,
                location,
            }),
            "Lambda" => Expr::Lambda(Lambda {
                args: self.arguments_field(o, c)?,
                body: self.expr_field(o, "body", c, c)?,
                location,
            }),
            "IfExp" => Expr::IfExp(IfExp {
                test: self.expr_field(o, "test", c, c)?,
                body: self.expr_field(o, "body", c, c)?,
                orelse: self.expr_field(o, "orelse", c, c)?,
                location,
            }),
            "Dict" => Expr::Dict(Dict {
                keys: self.opt_exprs(o, "keys", c)?,
                values: self.exprs(o, "values", c)?,
                location,
            }),
            "Set" => Expr::Set(Set {
                elts: self.exprs(o, "elts", c)?,
                location,
            }),
            "ListComp" => Expr::ListComp(ListComp {
                elt: self.expr_field(o, "elt", c, c)?,
                generators: self.comprehensions(o, c)?,
                location,
            }),
            "SetComp" => Expr::SetComp(SetComp {
                elt: self.expr_field(o, "elt", c, c)?,
                generators: self.comprehensions(o, c)?,
                location,
            }),
            "DictComp" => Expr::DictComp(DictComp {
                key: self.expr_field(o, "key", c, c)?,
                value: self.expr_field(o, "value", c, c)?,
                generators: self.comprehensions(o, c)?,
                location,
            }),
            "GeneratorExp" => Expr::GeneratorExp(GeneratorExp {
                elt: self.expr_field(o, "elt", c, c)?,
                generators: self.comprehensions(o, c)?,
                location,
            }),
            "Await" => Expr::Await(Await {
                value: self.expr_field(o, "value", c, c)?,
                location,
            }),
            "Yield" => Expr::Yield(Yield {
                value: self.opt_expr_field(o, "value")?,
                location,
            }),
            "YieldFrom" => Expr::YieldFrom(YieldFrom {
                value: self.expr_field(o, "value", c, c)?,
                location,
            }),
            "Compare" => Expr::Compare(Compare {
                left: self.expr_field(o, "left", c, c)?,
                ops: self.list_of(o, "ops", c, |item| self.cmpop(item))?,
                comparators: self.exprs(o, "comparators", c)?,
                location,
            }),
            "Call" => Expr::Call(Call {
                func: self.expr_field(o, "func", c, c)?,
                args: self.exprs(o, "args", c)?,
                keywords: self.keywords(o, c)?,
                location,
            }),
            "FormattedValue" => Expr::FormattedValue(FormattedValue {
                value: self.expr_field(o, "value", c, c)?,
                conversion: self.conversion(o, c)?,
                format_spec: self.opt_expr_field(o, "format_spec")?,
                location,
            }),
            "Interpolation" => Expr::Interpolation(Interpolation {
                value: self.expr_field(o, "value", c, c)?,
                str: {
                    let value = self.present(o, "str", c, c)?;
                    match pystr::as_str_payload(&value) {
                        Some(text) => text.to_string_lossy(),
                        None => repr_of(self.ts, &value),
                    }
                },
                conversion: self.int_field(o, "conversion", c)?,
                format_spec: self.opt_expr_field(o, "format_spec")?,
                location,
            }),
            "JoinedStr" => Expr::JoinedStr(JoinedStr {
                values: self.exprs(o, "values", c)?,
                location,
            }),
            "TemplateStr" => Expr::TemplateStr(TemplateStr {
                values: self.exprs(o, "values", c)?,
                location,
            }),
            "Constant" => Expr::Constant(Constant {
                value: self.constant(&*self.required(o, "value", c)?, "Constant")?,
                kind: self.opt_string(o, "kind")?,
                location,
            }),
            "Attribute" => Expr::Attribute(Attribute {
                value: self.expr_field(o, "value", c, c)?,
                attr: self.identifier(o, "attr", c, c)?,
                ctx: self.ctx(o, c)?,
                location,
            }),
            "Subscript" => Expr::Subscript(Subscript {
                value: self.expr_field(o, "value", c, c)?,
                slice: self.expr_field(o, "slice", c, c)?,
                ctx: self.ctx(o, c)?,
                location,
            }),
            "Starred" => Expr::Starred(Starred {
                value: self.expr_field(o, "value", c, c)?,
                ctx: self.ctx(o, c)?,
                location,
            }),
            "Name" => Expr::Name(Name {
                id: self.identifier(o, "id", c, c)?,
                ctx: self.ctx(o, c)?,
                location,
            }),
            "List" => Expr::List(List {
                elts: self.exprs(o, "elts", c)?,
                ctx: self.ctx(o, c)?,
                location,
            }),
            "Tuple" => Expr::Tuple(Tuple {
                elts: self.exprs(o, "elts", c)?,
                ctx: self.ctx(o, c)?,
                location,
            }),
            _ => Expr::Slice(Slice {
                lower: self.opt_expr_field(o, "lower")?,
                upper: self.opt_expr_field(o, "upper")?,
                step: self.opt_expr_field(o, "step")?,
                location,
            }),
        })
    }

    /// A `Constant`'s value (`validate_constant`).
    fn constant(&self, value: &PyObject, owner: &str) -> PyResult<ConstantValue> {
        let _guard = self.depth.enter(" while traversing 'expr' node")?;
        if singletons::is_none(value) {
            return Ok(ConstantValue::None);
        }
        if std::ptr::eq(value.as_ptr(), singletons::ellipsis().as_ptr()) {
            return Ok(ConstantValue::Ellipsis);
        }
        let type_name = value.ob_type().name();
        Ok(match type_name {
            "bool" => {
                ConstantValue::Bool(pyrite_objects::bool::as_bool_singleton(value).unwrap_or(false))
            }
            "int" => ConstantValue::Int(
                value
                    .downcast_ref::<int::Int>()
                    .map_or_else(|| BigInt::from(0), |int| int.to_bigint()),
            ),
            "float" => ConstantValue::Float(float::as_f64(value).unwrap_or(0.0)),
            "complex" => {
                let complex = complex::as_complex(value).unwrap_or(complex::Complex {
                    real: 0.0,
                    imag: 0.0,
                });
                ConstantValue::Complex {
                    real: complex.real,
                    imag: complex.imag,
                }
            }
            "str" => {
                let text = pystr::as_str_payload(value)
                    .ok_or_else(|| PyErr::type_error("str without payload"))?;
                match text.as_str() {
                    Some(text) => ConstantValue::str(text),
                    None => ConstantValue::Str(
                        PyStr::from_surrogatepass_utf8(text.as_bytes()).unwrap_or_default(),
                    ),
                }
            }
            "bytes" => ConstantValue::Bytes(bytes::as_bytes(value).unwrap_or(&[]).to_vec()),
            "tuple" => ConstantValue::Tuple(
                tuple::items(value)
                    .iter()
                    .map(|item| self.constant(item, owner))
                    .collect::<PyResult<_>>()?,
            ),
            "frozenset" => ConstantValue::FrozenSet(
                pyrite_objects::iterobject::collect(self.ts, value)?
                    .iter()
                    .map(|item| self.constant(item, owner))
                    .collect::<PyResult<_>>()?,
            ),
            other => {
                let short = other.rsplit('.').next().unwrap_or(other);
                return Err(PyErr::type_error(format!(
                    "got an invalid type in {owner}: {short}"
                )));
            }
        })
    }

    fn patterns(&self, object: &PyObject, name: &str, owner: &str) -> PyResult<Vec<Pattern>> {
        self.list_of(object, name, owner, |item| self.pattern(item))
    }

    fn pattern(&self, object: &PyObject) -> PyResult<Pattern> {
        let _guard = self.depth.enter(" while traversing 'pattern' node")?;
        const PATTERNS: &[&str] = &[
            "MatchValue",
            "MatchSingleton",
            "MatchSequence",
            "MatchMapping",
            "MatchClass",
            "MatchStar",
            "MatchAs",
            "MatchOr",
        ];
        let location = self.location(object, "pattern")?;
        let Some(class) = self.which(object, PATTERNS)? else {
            return Err(self.kind_error("pattern", object));
        };
        let o = object;
        let c = class;
        Ok(match class {
            "MatchValue" => Pattern::MatchValue(MatchValue {
                value: self.expr_field(o, "value", c, c)?,
                location,
            }),
            "MatchSingleton" => Pattern::MatchSingleton(MatchSingleton {
                value: self.constant(&*self.required(o, "value", c)?, c)?,
                location,
            }),
            "MatchSequence" => Pattern::MatchSequence(MatchSequence {
                patterns: self.patterns(o, "patterns", c)?,
                location,
            }),
            "MatchMapping" => Pattern::MatchMapping(MatchMapping {
                keys: self.exprs(o, "keys", c)?,
                patterns: self.patterns(o, "patterns", c)?,
                rest: self.opt_identifier(o, "rest")?,
                location,
            }),
            "MatchClass" => Pattern::MatchClass(MatchClass {
                cls: self.expr_field(o, "cls", c, c)?,
                patterns: self.patterns(o, "patterns", c)?,
                kwd_attrs: self.identifiers(o, "kwd_attrs", c)?,
                kwd_patterns: self.patterns(o, "kwd_patterns", c)?,
                location,
            }),
            "MatchStar" => Pattern::MatchStar(MatchStar {
                name: self.opt_identifier(o, "name")?,
                location,
            }),
            "MatchAs" => Pattern::MatchAs(MatchAs {
                pattern: self
                    .optional(o, "pattern")?
                    .map(|value| self.pattern(&value).map(Box::new))
                    .transpose()?,
                name: self.opt_identifier(o, "name")?,
                location,
            }),
            _ => Pattern::MatchOr(MatchOr {
                patterns: self.patterns(o, "patterns", c)?,
                location,
            }),
        })
    }
}
