//! `ast.dump()` text of a tree.
//!
//! CPython counterpart: `ast.dump` in `Lib/ast.py`. [`dump`] gives exactly what CPython 3.14
//! prints for `ast.dump(tree, include_attributes=True)`; [`dump_with`] takes the other
//! keyword arguments (`annotate_fields`, `indent`, `show_empty`).
//!
//! The rules (from `Lib/ast.py`): fields are shown in `_fields` order as `name=repr`; an
//! optional (`?`) field that is `None` is left out, and so (unless `show_empty`) is an empty
//! list field; attributes follow the fields. With `indent`, a node whose fields are all
//! "simple" and no more than three stays on one line.
//!
//! Trees can be arbitrarily deep, so the walk keeps its own stack instead of recursing.

use crate::constant::ConstantValue;
use crate::nodes::*;
use crate::repr::text_repr;

/// The keyword arguments of `ast.dump`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DumpOptions {
    pub annotate_fields: bool,
    pub include_attributes: bool,
    /// `None` for the one-line form; `Some(text)` repeats `text` per level (an integer
    /// `indent=n` is `n` spaces).
    pub indent: Option<String>,
    pub show_empty: bool,
}

impl Default for DumpOptions {
    /// `ast.dump`'s own defaults (attributes not included).
    fn default() -> Self {
        DumpOptions {
            annotate_fields: true,
            include_attributes: false,
            indent: None,
            show_empty: false,
        }
    }
}

/// `ast.dump(module, include_attributes=True)`.
pub fn dump(module: &Mod) -> String {
    dump_node(module)
}

/// `ast.dump(node, include_attributes=True)` for any node.
pub fn dump_node<'a>(node: impl Into<NodeRef<'a>>) -> String {
    let options = DumpOptions {
        include_attributes: true,
        ..DumpOptions::default()
    };
    dump_with(node, &options)
}

/// `ast.dump(node, **options)`.
pub fn dump_with<'a>(node: impl Into<NodeRef<'a>>, options: &DumpOptions) -> String {
    Dumper { options }.run(node.into())
}

/// A borrowed node of any type, or a scalar field value already turned into its `repr`.
#[derive(Clone, Debug)]
pub enum NodeRef<'a> {
    Mod(&'a Mod),
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    ExprContext(ExprContext),
    BoolOperator(BoolOperator),
    Operator(Operator),
    UnaryOperator(UnaryOperator),
    CmpOp(CmpOp),
    Comprehension(&'a Comprehension),
    ExceptHandler(&'a ExceptHandler),
    Arguments(&'a Arguments),
    Arg(&'a Arg),
    Keyword(&'a Keyword),
    Alias(&'a Alias),
    WithItem(&'a WithItem),
    MatchCase(&'a MatchCase),
    Pattern(&'a Pattern),
    TypeIgnore(&'a TypeIgnore),
    TypeParam(&'a TypeParam),
    /// A scalar (identifier, string, int, constant), as its Python `repr`.
    Repr(String),
}

macro_rules! node_ref_from {
    ($($variant:ident: $type:ty),* $(,)?) => {
        $(
            impl<'a> From<&'a $type> for NodeRef<'a> {
                fn from(node: &'a $type) -> Self {
                    NodeRef::$variant(node)
                }
            }
        )*
    };
}

node_ref_from!(
    Mod: Mod,
    Stmt: Stmt,
    Expr: Expr,
    Comprehension: Comprehension,
    ExceptHandler: ExceptHandler,
    Arguments: Arguments,
    Arg: Arg,
    Keyword: Keyword,
    Alias: Alias,
    WithItem: WithItem,
    MatchCase: MatchCase,
    Pattern: Pattern,
    TypeIgnore: TypeIgnore,
    TypeParam: TypeParam,
);

impl<'a> From<&'a Box<Expr>> for NodeRef<'a> {
    fn from(node: &'a Box<Expr>) -> Self {
        NodeRef::Expr(node)
    }
}

impl<'a> From<&'a Box<Arg>> for NodeRef<'a> {
    fn from(node: &'a Box<Arg>) -> Self {
        NodeRef::Arg(node)
    }
}

impl<'a> From<&'a Box<Pattern>> for NodeRef<'a> {
    fn from(node: &'a Box<Pattern>) -> Self {
        NodeRef::Pattern(node)
    }
}

impl<'a> From<&'a Box<Arguments>> for NodeRef<'a> {
    fn from(node: &'a Box<Arguments>) -> Self {
        NodeRef::Arguments(node)
    }
}

/// One field's value, before formatting.
enum FieldValue<'a> {
    /// An optional field holding `None` (always left out).
    Absent,
    /// A list field.
    List(Vec<NodeRef<'a>>),
    One(NodeRef<'a>),
}

/// A node opened into its class name, fields and attributes.
struct Expanded<'a> {
    class_name: &'static str,
    fields: Vec<(&'static str, FieldValue<'a>)>,
    location: Option<Location>,
}

fn one<'a>(node: impl Into<NodeRef<'a>>) -> FieldValue<'a> {
    FieldValue::One(node.into())
}

fn optional<'a, T: 'a>(node: &'a Option<T>) -> FieldValue<'a>
where
    &'a T: Into<NodeRef<'a>>,
{
    match node {
        Some(node) => FieldValue::One(node.into()),
        None => FieldValue::Absent,
    }
}

fn list<'a, T: 'a>(nodes: &'a [T]) -> FieldValue<'a>
where
    &'a T: Into<NodeRef<'a>>,
{
    FieldValue::List(nodes.iter().map(Into::into).collect())
}

/// A list whose items may be `None` (`kw_defaults`, `Dict.keys`): shown as `None`.
fn list_of_optional(nodes: &[Option<Expr>]) -> FieldValue<'_> {
    FieldValue::List(
        nodes
            .iter()
            .map(|node| match node {
                Some(node) => NodeRef::Expr(node),
                None => NodeRef::Repr("None".to_owned()),
            })
            .collect(),
    )
}

fn identifier<'a>(text: &str) -> FieldValue<'a> {
    FieldValue::One(NodeRef::Repr(text_repr(text)))
}

fn optional_identifier<'a>(text: &Option<String>) -> FieldValue<'a> {
    match text {
        Some(text) => identifier(text),
        None => FieldValue::Absent,
    }
}

fn identifiers<'a>(texts: &[String]) -> FieldValue<'a> {
    FieldValue::List(
        texts
            .iter()
            .map(|text| NodeRef::Repr(text_repr(text)))
            .collect(),
    )
}

fn int<'a>(value: i32) -> FieldValue<'a> {
    FieldValue::One(NodeRef::Repr(value.to_string()))
}

fn constant<'a>(value: &ConstantValue) -> FieldValue<'a> {
    FieldValue::One(NodeRef::Repr(value.repr()))
}

fn expand<'a>(node: &NodeRef<'a>) -> Option<Expanded<'a>> {
    let leaf = |class_name| Expanded {
        class_name,
        fields: Vec::new(),
        location: None,
    };
    Some(match node {
        NodeRef::Repr(_) => return None,
        NodeRef::Mod(node) => expand_mod(node),
        NodeRef::Stmt(node) => expand_stmt(node),
        NodeRef::Expr(node) => expand_expr(node),
        NodeRef::Pattern(node) => expand_pattern(node),
        NodeRef::ExprContext(node) => leaf(node.class_name()),
        NodeRef::BoolOperator(node) => leaf(node.class_name()),
        NodeRef::Operator(node) => leaf(node.class_name()),
        NodeRef::UnaryOperator(node) => leaf(node.class_name()),
        NodeRef::CmpOp(node) => leaf(node.class_name()),
        NodeRef::Comprehension(node) => Expanded {
            class_name: "comprehension",
            fields: vec![
                ("target", one(&node.target)),
                ("iter", one(&node.iter)),
                ("ifs", list(&node.ifs)),
                ("is_async", int(node.is_async)),
            ],
            location: None,
        },
        NodeRef::ExceptHandler(node) => Expanded {
            class_name: "ExceptHandler",
            fields: vec![
                ("type", optional(&node.type_)),
                ("name", optional_identifier(&node.name)),
                ("body", list(&node.body)),
            ],
            location: Some(node.location),
        },
        NodeRef::Arguments(node) => Expanded {
            class_name: "arguments",
            fields: vec![
                ("posonlyargs", list(&node.posonlyargs)),
                ("args", list(&node.args)),
                ("vararg", optional(&node.vararg)),
                ("kwonlyargs", list(&node.kwonlyargs)),
                ("kw_defaults", list_of_optional(&node.kw_defaults)),
                ("kwarg", optional(&node.kwarg)),
                ("defaults", list(&node.defaults)),
            ],
            location: None,
        },
        NodeRef::Arg(node) => Expanded {
            class_name: "arg",
            fields: vec![
                ("arg", identifier(&node.arg)),
                ("annotation", optional(&node.annotation)),
                ("type_comment", optional_identifier(&node.type_comment)),
            ],
            location: Some(node.location),
        },
        NodeRef::Keyword(node) => Expanded {
            class_name: "keyword",
            fields: vec![
                ("arg", optional_identifier(&node.arg)),
                ("value", one(&node.value)),
            ],
            location: Some(node.location),
        },
        NodeRef::Alias(node) => Expanded {
            class_name: "alias",
            fields: vec![
                ("name", identifier(&node.name)),
                ("asname", optional_identifier(&node.asname)),
            ],
            location: Some(node.location),
        },
        NodeRef::WithItem(node) => Expanded {
            class_name: "withitem",
            fields: vec![
                ("context_expr", one(&node.context_expr)),
                ("optional_vars", optional(&node.optional_vars)),
            ],
            location: None,
        },
        NodeRef::MatchCase(node) => Expanded {
            class_name: "match_case",
            fields: vec![
                ("pattern", one(&node.pattern)),
                ("guard", optional(&node.guard)),
                ("body", list(&node.body)),
            ],
            location: None,
        },
        NodeRef::TypeIgnore(node) => Expanded {
            class_name: "TypeIgnore",
            fields: vec![("lineno", int(node.lineno)), ("tag", identifier(&node.tag))],
            location: None,
        },
        NodeRef::TypeParam(node) => {
            let fields = match node {
                TypeParam::TypeVar(node) => vec![
                    ("name", identifier(&node.name)),
                    ("bound", optional(&node.bound)),
                    ("default_value", optional(&node.default_value)),
                ],
                TypeParam::ParamSpec(node) => vec![
                    ("name", identifier(&node.name)),
                    ("default_value", optional(&node.default_value)),
                ],
                TypeParam::TypeVarTuple(node) => vec![
                    ("name", identifier(&node.name)),
                    ("default_value", optional(&node.default_value)),
                ],
            };
            Expanded {
                class_name: node.class_name(),
                fields,
                location: Some(node.location()),
            }
        }
    })
}

fn expand_mod(node: &Mod) -> Expanded<'_> {
    let (class_name, fields) = match node {
        Mod::Module(node) => (
            "Module",
            vec![
                ("body", list(&node.body)),
                ("type_ignores", list(&node.type_ignores)),
            ],
        ),
        Mod::Interactive(node) => ("Interactive", vec![("body", list(&node.body))]),
        Mod::Expression(node) => ("Expression", vec![("body", one(&node.body))]),
        Mod::FunctionType(node) => (
            "FunctionType",
            vec![
                ("argtypes", list(&node.argtypes)),
                ("returns", one(&node.returns)),
            ],
        ),
    };
    Expanded {
        class_name,
        fields,
        location: None,
    }
}

fn expand_stmt(node: &Stmt) -> Expanded<'_> {
    let fields = match node {
        Stmt::FunctionDef(node) | Stmt::AsyncFunctionDef(node) => vec![
            ("name", identifier(&node.name)),
            ("args", one(&node.args)),
            ("body", list(&node.body)),
            ("decorator_list", list(&node.decorator_list)),
            ("returns", optional(&node.returns)),
            ("type_comment", optional_identifier(&node.type_comment)),
            ("type_params", list(&node.type_params)),
        ],
        Stmt::ClassDef(node) => vec![
            ("name", identifier(&node.name)),
            ("bases", list(&node.bases)),
            ("keywords", list(&node.keywords)),
            ("body", list(&node.body)),
            ("decorator_list", list(&node.decorator_list)),
            ("type_params", list(&node.type_params)),
        ],
        Stmt::Return(node) => vec![("value", optional(&node.value))],
        Stmt::Delete(node) => vec![("targets", list(&node.targets))],
        Stmt::Assign(node) => vec![
            ("targets", list(&node.targets)),
            ("value", one(&node.value)),
            ("type_comment", optional_identifier(&node.type_comment)),
        ],
        Stmt::TypeAlias(node) => vec![
            ("name", one(&node.name)),
            ("type_params", list(&node.type_params)),
            ("value", one(&node.value)),
        ],
        Stmt::AugAssign(node) => vec![
            ("target", one(&node.target)),
            ("op", FieldValue::One(NodeRef::Operator(node.op))),
            ("value", one(&node.value)),
        ],
        Stmt::AnnAssign(node) => vec![
            ("target", one(&node.target)),
            ("annotation", one(&node.annotation)),
            ("value", optional(&node.value)),
            ("simple", int(node.simple)),
        ],
        Stmt::For(node) | Stmt::AsyncFor(node) => vec![
            ("target", one(&node.target)),
            ("iter", one(&node.iter)),
            ("body", list(&node.body)),
            ("orelse", list(&node.orelse)),
            ("type_comment", optional_identifier(&node.type_comment)),
        ],
        Stmt::While(node) => vec![
            ("test", one(&node.test)),
            ("body", list(&node.body)),
            ("orelse", list(&node.orelse)),
        ],
        Stmt::If(node) => vec![
            ("test", one(&node.test)),
            ("body", list(&node.body)),
            ("orelse", list(&node.orelse)),
        ],
        Stmt::With(node) | Stmt::AsyncWith(node) => vec![
            ("items", list(&node.items)),
            ("body", list(&node.body)),
            ("type_comment", optional_identifier(&node.type_comment)),
        ],
        Stmt::Match(node) => vec![
            ("subject", one(&node.subject)),
            ("cases", list(&node.cases)),
        ],
        Stmt::Raise(node) => vec![
            ("exc", optional(&node.exc)),
            ("cause", optional(&node.cause)),
        ],
        Stmt::Try(node) | Stmt::TryStar(node) => vec![
            ("body", list(&node.body)),
            ("handlers", list(&node.handlers)),
            ("orelse", list(&node.orelse)),
            ("finalbody", list(&node.finalbody)),
        ],
        Stmt::Assert(node) => vec![("test", one(&node.test)), ("msg", optional(&node.msg))],
        Stmt::Import(node) => vec![("names", list(&node.names))],
        Stmt::ImportFrom(node) => vec![
            ("module", optional_identifier(&node.module)),
            ("names", list(&node.names)),
            ("level", int(node.level)),
        ],
        Stmt::Global(node) => vec![("names", identifiers(&node.names))],
        Stmt::Nonlocal(node) => vec![("names", identifiers(&node.names))],
        Stmt::Expr(node) => vec![("value", one(&node.value))],
        Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Vec::new(),
    };
    Expanded {
        class_name: node.class_name(),
        fields,
        location: Some(node.location()),
    }
}

fn expand_expr(node: &Expr) -> Expanded<'_> {
    let context = |ctx: ExprContext| FieldValue::One(NodeRef::ExprContext(ctx));
    let fields = match node {
        Expr::BoolOp(node) => vec![
            ("op", FieldValue::One(NodeRef::BoolOperator(node.op))),
            ("values", list(&node.values)),
        ],
        Expr::NamedExpr(node) => vec![("target", one(&node.target)), ("value", one(&node.value))],
        Expr::BinOp(node) => vec![
            ("left", one(&node.left)),
            ("op", FieldValue::One(NodeRef::Operator(node.op))),
            ("right", one(&node.right)),
        ],
        Expr::UnaryOp(node) => vec![
            ("op", FieldValue::One(NodeRef::UnaryOperator(node.op))),
            ("operand", one(&node.operand)),
        ],
        Expr::Lambda(node) => vec![("args", one(&node.args)), ("body", one(&node.body))],
        Expr::IfExp(node) => vec![
            ("test", one(&node.test)),
            ("body", one(&node.body)),
            ("orelse", one(&node.orelse)),
        ],
        Expr::Dict(node) => vec![
            ("keys", list_of_optional(&node.keys)),
            ("values", list(&node.values)),
        ],
        Expr::Set(node) => vec![("elts", list(&node.elts))],
        Expr::ListComp(node) => vec![
            ("elt", one(&node.elt)),
            ("generators", list(&node.generators)),
        ],
        Expr::SetComp(node) => vec![
            ("elt", one(&node.elt)),
            ("generators", list(&node.generators)),
        ],
        Expr::DictComp(node) => vec![
            ("key", one(&node.key)),
            ("value", one(&node.value)),
            ("generators", list(&node.generators)),
        ],
        Expr::GeneratorExp(node) => vec![
            ("elt", one(&node.elt)),
            ("generators", list(&node.generators)),
        ],
        Expr::Await(node) => vec![("value", one(&node.value))],
        Expr::Yield(node) => vec![("value", optional(&node.value))],
        Expr::YieldFrom(node) => vec![("value", one(&node.value))],
        Expr::Compare(node) => vec![
            ("left", one(&node.left)),
            (
                "ops",
                FieldValue::List(node.ops.iter().map(|op| NodeRef::CmpOp(*op)).collect()),
            ),
            ("comparators", list(&node.comparators)),
        ],
        Expr::Call(node) => vec![
            ("func", one(&node.func)),
            ("args", list(&node.args)),
            ("keywords", list(&node.keywords)),
        ],
        Expr::FormattedValue(node) => vec![
            ("value", one(&node.value)),
            ("conversion", int(node.conversion)),
            ("format_spec", optional(&node.format_spec)),
        ],
        Expr::Interpolation(node) => vec![
            ("value", one(&node.value)),
            ("str", identifier(&node.str)),
            ("conversion", int(node.conversion)),
            ("format_spec", optional(&node.format_spec)),
        ],
        Expr::JoinedStr(node) => vec![("values", list(&node.values))],
        Expr::TemplateStr(node) => vec![("values", list(&node.values))],
        Expr::Constant(node) => vec![
            ("value", constant(&node.value)),
            ("kind", optional_identifier(&node.kind)),
        ],
        Expr::Attribute(node) => vec![
            ("value", one(&node.value)),
            ("attr", identifier(&node.attr)),
            ("ctx", context(node.ctx)),
        ],
        Expr::Subscript(node) => vec![
            ("value", one(&node.value)),
            ("slice", one(&node.slice)),
            ("ctx", context(node.ctx)),
        ],
        Expr::Starred(node) => vec![("value", one(&node.value)), ("ctx", context(node.ctx))],
        Expr::Name(node) => vec![("id", identifier(&node.id)), ("ctx", context(node.ctx))],
        Expr::List(node) => vec![("elts", list(&node.elts)), ("ctx", context(node.ctx))],
        Expr::Tuple(node) => vec![("elts", list(&node.elts)), ("ctx", context(node.ctx))],
        Expr::Slice(node) => vec![
            ("lower", optional(&node.lower)),
            ("upper", optional(&node.upper)),
            ("step", optional(&node.step)),
        ],
    };
    Expanded {
        class_name: node.class_name(),
        fields,
        location: Some(node.location()),
    }
}

fn expand_pattern(node: &Pattern) -> Expanded<'_> {
    let fields = match node {
        Pattern::MatchValue(node) => vec![("value", one(&node.value))],
        Pattern::MatchSingleton(node) => vec![("value", constant(&node.value))],
        Pattern::MatchSequence(node) => vec![("patterns", list(&node.patterns))],
        Pattern::MatchMapping(node) => vec![
            ("keys", list(&node.keys)),
            ("patterns", list(&node.patterns)),
            ("rest", optional_identifier(&node.rest)),
        ],
        Pattern::MatchClass(node) => vec![
            ("cls", one(&node.cls)),
            ("patterns", list(&node.patterns)),
            ("kwd_attrs", identifiers(&node.kwd_attrs)),
            ("kwd_patterns", list(&node.kwd_patterns)),
        ],
        Pattern::MatchStar(node) => vec![("name", optional_identifier(&node.name))],
        Pattern::MatchAs(node) => vec![
            ("pattern", optional(&node.pattern)),
            ("name", optional_identifier(&node.name)),
        ],
        Pattern::MatchOr(node) => vec![("patterns", list(&node.patterns))],
    };
    Expanded {
        class_name: node.class_name(),
        fields,
        location: Some(node.location()),
    }
}

/// A field as the formatter sees it after expansion.
enum Slot {
    /// Optional field holding `None`.
    Absent,
    /// An empty list field (left out unless `show_empty`).
    EmptyList,
    /// A value that has been (or is being) formatted; its text is in `results`.
    Formatted,
}

/// A node or list whose children are being formatted.
enum Frame<'a> {
    Node {
        class_name: &'static str,
        names: Vec<&'static str>,
        slots: Vec<Slot>,
        location: Option<Location>,
        /// Children still to format, in reverse order (popped from the end).
        pending: Vec<NodeRef<'a>>,
        /// `FieldValue::List` children are formatted through a `List` frame.
        pending_lists: Vec<Option<Vec<NodeRef<'a>>>>,
        results: Vec<(String, bool)>,
        level: usize,
    },
    List {
        pending: Vec<NodeRef<'a>>,
        results: Vec<String>,
        level: usize,
    },
}

struct Dumper<'o> {
    options: &'o DumpOptions,
}

/// What to format next for a frame: a single node or a whole list.
enum Child<'a> {
    Node(NodeRef<'a>),
    List(Vec<NodeRef<'a>>),
}

impl Dumper<'_> {
    fn run(&self, root: NodeRef<'_>) -> String {
        let mut stack: Vec<Frame<'_>> = Vec::new();
        let mut finished: Option<(String, bool)> = self.start(root, 0, &mut stack);
        loop {
            let Some(frame) = stack.last_mut() else {
                return finished.map(|(text, _)| text).unwrap_or_default();
            };
            if let Some(result) = finished.take() {
                match frame {
                    Frame::Node { results, .. } => results.push(result),
                    Frame::List { results, .. } => results.push(result.0),
                }
            }
            let next = match frame {
                Frame::Node {
                    pending,
                    pending_lists,
                    ..
                } => match pending_lists.pop() {
                    Some(Some(items)) => Some(Child::List(items)),
                    Some(None) => pending.pop().map(Child::Node),
                    None => None,
                },
                Frame::List { pending, .. } => pending.pop().map(Child::Node),
            };
            let level = match frame {
                Frame::Node { level, .. } | Frame::List { level, .. } => *level,
            };
            finished = match next {
                Some(Child::Node(node)) => self.start(node, level, &mut stack),
                Some(Child::List(items)) => self.start_list(items, level, &mut stack),
                None => {
                    let frame = stack.pop();
                    frame.map(|frame| self.finish(frame))
                }
            };
        }
    }

    fn prefix_and_separator(&self, level: usize) -> (String, String) {
        match &self.options.indent {
            Some(indent) => (
                format!("\n{}", indent.repeat(level)),
                format!(",\n{}", indent.repeat(level)),
            ),
            None => (String::new(), ", ".to_owned()),
        }
    }

    fn inner_level(&self, level: usize) -> usize {
        if self.options.indent.is_some() {
            level + 1
        } else {
            level
        }
    }

    /// Begins formatting `node`; returns its text at once if it has no children to format.
    fn start<'a>(
        &self,
        node: NodeRef<'a>,
        level: usize,
        stack: &mut Vec<Frame<'a>>,
    ) -> Option<(String, bool)> {
        let Some(expanded) = expand(&node) else {
            return match node {
                NodeRef::Repr(text) => Some((text, true)),
                _ => Some((String::new(), true)),
            };
        };
        let level = self.inner_level(level);
        let mut names = Vec::with_capacity(expanded.fields.len());
        let mut slots = Vec::with_capacity(expanded.fields.len());
        let mut pending = Vec::new();
        let mut pending_lists = Vec::new();
        for (name, value) in expanded.fields {
            names.push(name);
            match value {
                FieldValue::Absent => slots.push(Slot::Absent),
                FieldValue::List(items) if items.is_empty() && !self.options.show_empty => {
                    slots.push(Slot::EmptyList)
                }
                FieldValue::List(items) => {
                    slots.push(Slot::Formatted);
                    pending_lists.push(Some(items));
                }
                FieldValue::One(item) => {
                    slots.push(Slot::Formatted);
                    pending.push(item);
                    pending_lists.push(None);
                }
            }
        }
        pending.reverse();
        pending_lists.reverse();
        stack.push(Frame::Node {
            class_name: expanded.class_name,
            names,
            slots,
            location: expanded.location,
            pending,
            pending_lists,
            results: Vec::new(),
            level,
        });
        None
    }

    fn start_list<'a>(
        &self,
        mut items: Vec<NodeRef<'a>>,
        level: usize,
        stack: &mut Vec<Frame<'a>>,
    ) -> Option<(String, bool)> {
        if items.is_empty() {
            return Some(("[]".to_owned(), true));
        }
        items.reverse();
        stack.push(Frame::List {
            pending: items,
            results: Vec::new(),
            level: self.inner_level(level),
        });
        None
    }

    fn finish(&self, frame: Frame<'_>) -> (String, bool) {
        match frame {
            Frame::List { results, level, .. } => {
                let (prefix, separator) = self.prefix_and_separator(level);
                (format!("[{prefix}{}]", results.join(&separator)), false)
            }
            Frame::Node {
                class_name,
                names,
                slots,
                location,
                results,
                level,
                ..
            } => {
                let mut results = results.into_iter();
                let mut args: Vec<String> = Vec::new();
                let mut args_buffer: Vec<String> = Vec::new();
                let mut all_simple = true;
                let mut keywords = self.options.annotate_fields;
                for (name, slot) in names.into_iter().zip(slots) {
                    match slot {
                        Slot::Absent => {
                            keywords = true;
                            continue;
                        }
                        Slot::EmptyList => {
                            if !keywords {
                                args_buffer.push("[]".to_owned());
                            }
                            continue;
                        }
                        Slot::Formatted => {}
                    }
                    if !self.options.show_empty && !keywords {
                        args.append(&mut args_buffer);
                    }
                    let (text, simple) = results.next().unwrap_or_default();
                    all_simple &= simple;
                    if keywords {
                        args.push(format!("{name}={text}"));
                    } else {
                        args.push(text);
                    }
                }
                if self.options.include_attributes
                    && let Some(location) = location
                {
                    args.push(format!("lineno={}", location.lineno));
                    args.push(format!("col_offset={}", location.col_offset));
                    args.push(format!("end_lineno={}", location.end_lineno));
                    args.push(format!("end_col_offset={}", location.end_col_offset));
                }
                if all_simple && args.len() <= 3 {
                    let simple = args.is_empty();
                    (format!("{class_name}({})", args.join(", ")), simple)
                } else {
                    let (prefix, separator) = self.prefix_and_separator(level);
                    (
                        format!("{class_name}({prefix}{})", args.join(&separator)),
                        false,
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_dump::read_dump;

    /// One case of `testdata/oracle_dumps.txt`: the oracle's `ast.dump` texts of one tree
    /// with several option sets (see `testdata/make_oracle_dumps.py`).
    struct OracleCase<'t> {
        name: &'t str,
        with_attributes: &'t str,
        plain: &'t str,
        positional: &'t str,
        show_empty: &'t str,
        indented: String,
        tab_indented_everything: String,
    }

    fn oracle_cases() -> Vec<OracleCase<'static>> {
        let text = include_str!("../testdata/oracle_dumps.txt");
        let mut lines = text.lines();
        let mut cases = Vec::new();
        while let Some(header) = lines.next() {
            let name = header.strip_prefix("=== ").expect("case header");
            let mut next = || lines.next().expect("case line");
            let (with_attributes, plain, positional, show_empty) = (next(), next(), next(), next());
            let mut block = || {
                let mut block = Vec::new();
                for line in lines.by_ref() {
                    if line == "=== end indent" {
                        break;
                    }
                    block.push(line);
                }
                block.join("\n")
            };
            let indented = block();
            let tab_indented_everything = block();
            cases.push(OracleCase {
                name,
                with_attributes,
                plain,
                positional,
                show_empty,
                indented,
                tab_indented_everything,
            });
        }
        cases
    }

    /// A tree built by hand, as the parser would, for
    /// `def f[T](a=1):\n    return u'\ud800', f'{a!r}'\n`; expected text from the oracle.
    #[test]
    fn hand_built_function_matches_cpython() {
        let at = |lineno, col_offset, end_col_offset| Location {
            lineno,
            col_offset,
            end_lineno: lineno,
            end_col_offset,
        };
        let surrogate = crate::PyStr::from_code_points([0xD800]).unwrap();
        let returned = Expr::Tuple(Tuple {
            elts: vec![
                Expr::Constant(Constant {
                    value: ConstantValue::Str(surrogate),
                    kind: Some("u".to_owned()),
                    location: at(2, 11, 20),
                }),
                Expr::JoinedStr(JoinedStr {
                    values: vec![Expr::FormattedValue(FormattedValue {
                        value: Box::new(Expr::Name(Name {
                            id: "a".to_owned(),
                            ctx: ExprContext::Load,
                            location: at(2, 25, 26),
                        })),
                        conversion: i32::from(b'r'),
                        format_spec: None,
                        location: at(2, 24, 29),
                    })],
                    location: at(2, 22, 30),
                }),
            ],
            ctx: ExprContext::Load,
            location: at(2, 11, 30),
        });
        let function = Stmt::FunctionDef(FunctionDef {
            name: "f".to_owned(),
            args: Box::new(Arguments {
                args: vec![Arg {
                    arg: "a".to_owned(),
                    annotation: None,
                    type_comment: None,
                    location: at(1, 9, 10),
                }],
                defaults: vec![Expr::Constant(Constant {
                    value: ConstantValue::int(1),
                    kind: None,
                    location: at(1, 11, 12),
                })],
                ..Arguments::default()
            }),
            body: vec![Stmt::Return(Return {
                value: Some(Box::new(returned)),
                location: at(2, 4, 30),
            })],
            decorator_list: vec![],
            returns: None,
            type_comment: None,
            type_params: vec![TypeParam::TypeVar(TypeVar {
                name: "T".to_owned(),
                bound: None,
                default_value: None,
                location: at(1, 6, 7),
            })],
            location: Location::new(1, 0, 2, 30),
        });
        let module = Mod::Module(Module {
            body: vec![function],
            type_ignores: vec![],
        });
        let expected = "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='a', lineno=1, col_offset=9, end_lineno=1, end_col_offset=10)], defaults=[Constant(value=1, lineno=1, col_offset=11, end_lineno=1, end_col_offset=12)]), body=[Return(value=Tuple(elts=[Constant(value='\\ud800', kind='u', lineno=2, col_offset=11, end_lineno=2, end_col_offset=20), JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=2, col_offset=25, end_lineno=2, end_col_offset=26), conversion=114, lineno=2, col_offset=24, end_lineno=2, end_col_offset=29)], lineno=2, col_offset=22, end_lineno=2, end_col_offset=30)], ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=30), lineno=2, col_offset=4, end_lineno=2, end_col_offset=30)], type_params=[TypeVar(name='T', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], lineno=1, col_offset=0, end_lineno=2, end_col_offset=30)])";
        assert_eq!(dump(&module), expected);
        assert_eq!(read_dump(expected), Ok(module));
    }

    /// The walk keeps its own stack, so depth is limited by memory, not the native stack.
    #[test]
    fn deep_trees_dump_without_recursion() {
        let location = Location::new(1, 0, 1, 1);
        let mut expr = Expr::Constant(Constant {
            value: ConstantValue::int(1),
            kind: None,
            location,
        });
        let depth = 10_000;
        for _ in 0..depth {
            expr = Expr::UnaryOp(UnaryOp {
                op: UnaryOperator::USub,
                operand: Box::new(expr),
                location,
            });
        }
        let text = dump_with(&expr, &DumpOptions::default());
        assert_eq!(text.matches("UnaryOp(op=USub(), operand=").count(), depth);
        assert!(text.ends_with(&format!("Constant(value=1){}", ")".repeat(depth))));
    }

    #[test]
    fn dumps_match_cpython_for_every_option_set() {
        let cases = oracle_cases();
        assert_eq!(cases.len(), 13);
        for case in cases {
            let tree = read_dump(case.with_attributes)
                .unwrap_or_else(|error| panic!("{}: {error}", case.name));
            assert_eq!(dump(&tree), case.with_attributes, "{}", case.name);
            let options = DumpOptions::default();
            assert_eq!(dump_with(&tree, &options), case.plain, "{}", case.name);
            let options = DumpOptions {
                annotate_fields: false,
                ..DumpOptions::default()
            };
            assert_eq!(dump_with(&tree, &options), case.positional, "{}", case.name);
            let options = DumpOptions {
                show_empty: true,
                ..DumpOptions::default()
            };
            assert_eq!(dump_with(&tree, &options), case.show_empty, "{}", case.name);
            let options = DumpOptions {
                indent: Some("  ".to_owned()),
                ..DumpOptions::default()
            };
            assert_eq!(dump_with(&tree, &options), case.indented, "{}", case.name);
            let options = DumpOptions {
                indent: Some("\t".to_owned()),
                include_attributes: true,
                show_empty: true,
                ..DumpOptions::default()
            };
            assert_eq!(
                dump_with(&tree, &options),
                case.tab_indented_everything,
                "{}",
                case.name
            );
        }
    }
}

/// Round trip over a corpus of oracle dumps, e.g. the standard library:
/// `PYRITE_AST_CORPUS=FILE cargo test -p pyrite_ast --release -- --ignored corpus`, where
/// FILE holds `=== name` lines each followed by one `ast.dump(tree, include_attributes=True)`
/// line from the oracle.
#[cfg(test)]
mod corpus_tests {
    use super::*;
    use crate::from_dump::read_dump;

    #[test]
    #[ignore = "needs a corpus file from the oracle (PYRITE_AST_CORPUS)"]
    fn corpus_dumps_round_trip() {
        let path = std::env::var("PYRITE_AST_CORPUS").expect("PYRITE_AST_CORPUS");
        let text = std::fs::read_to_string(path).expect("corpus file");
        let mut lines = text.lines();
        let (mut total, mut failures) = (0, Vec::new());
        while let Some(header) = lines.next() {
            let Some(name) = header.strip_prefix("=== ") else {
                continue;
            };
            let Some(expected) = lines.next() else {
                break;
            };
            total += 1;
            match read_dump(expected) {
                Ok(tree) if dump(&tree) == expected => {}
                Ok(tree) => {
                    let actual = dump(&tree);
                    let at = actual
                        .bytes()
                        .zip(expected.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(actual.len().min(expected.len()));
                    let from = at.saturating_sub(80);
                    failures.push(format!(
                        "{name}: differs at byte {at}\n  ours:   {}\n  oracle: {}",
                        actual.get(from..(at + 80).min(actual.len())).unwrap_or(""),
                        expected
                            .get(from..(at + 80).min(expected.len()))
                            .unwrap_or("")
                    ));
                }
                Err(error) => failures.push(format!("{name}: unreadable: {error}")),
            }
        }
        println!("{} of {total} identical", total - failures.len());
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
