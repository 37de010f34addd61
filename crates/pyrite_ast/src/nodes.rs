//! The node types of Python 3.14's abstract syntax tree.
//!
//! CPython counterpart: `Parser/Python.asdl` (and the C structs generated from it in
//! `Include/internal/pycore_ast.h`). Every ASDL sum type is a Rust enum, every constructor
//! a struct; `?` fields are `Option`, `*` fields are `Vec`. Field names and order are those
//! of the `ast` module's `_fields`, so `ast.dump` can walk them in order.
//!
//! Nodes whose ASDL type has attributes (`stmt`, `expr`, `excepthandler`, `arg`, `keyword`,
//! `alias`, `pattern`, `type_param`) carry a [`Location`]. `identifier` and `string` fields
//! are Rust `String`s (source text is UTF-8, so they never hold lone surrogates); constant
//! values use [`ConstantValue`], whose strings may.
//!
//! A few constructors with identical fields share one struct, told apart by the enum
//! variant: `FunctionDef`/`AsyncFunctionDef`, `For`/`AsyncFor`, `With`/`AsyncWith` and
//! `Try`/`TryStar`.

use crate::constant::ConstantValue;

/// Source position of a node: 1-based lines, 0-based columns counted in UTF-8 bytes, as
/// CPython's `lineno`, `col_offset`, `end_lineno`, `end_col_offset` (C `int`s there).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

impl Location {
    pub fn new(lineno: i32, col_offset: i32, end_lineno: i32, end_col_offset: i32) -> Self {
        Location {
            lineno,
            col_offset,
            end_lineno,
            end_col_offset,
        }
    }
}

// ---------------------------------------------------------------------------------------
// mod

/// `mod`: the root of a tree, one variant per `compile()` mode.
#[derive(Clone, Debug, PartialEq)]
pub enum Mod {
    /// `exec` mode.
    Module(Module),
    /// `single` mode.
    Interactive(Interactive),
    /// `eval` mode.
    Expression(Expression),
    /// `func_type` mode.
    FunctionType(FunctionType),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub type_ignores: Vec<TypeIgnore>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interactive {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expression {
    pub body: Box<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionType {
    pub argtypes: Vec<Expr>,
    pub returns: Box<Expr>,
}

// ---------------------------------------------------------------------------------------
// stmt

/// `stmt`.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    FunctionDef(FunctionDef),
    AsyncFunctionDef(FunctionDef),
    ClassDef(ClassDef),
    Return(Return),
    Delete(Delete),
    Assign(Assign),
    TypeAlias(TypeAlias),
    AugAssign(AugAssign),
    AnnAssign(AnnAssign),
    For(For),
    AsyncFor(For),
    While(While),
    If(If),
    With(With),
    AsyncWith(With),
    Match(Match),
    Raise(Raise),
    Try(Try),
    TryStar(Try),
    Assert(Assert),
    Import(Import),
    ImportFrom(ImportFrom),
    Global(Global),
    Nonlocal(Nonlocal),
    /// The `Expr` statement (an expression evaluated for its effect).
    Expr(ExprStmt),
    Pass(Location),
    Break(Location),
    Continue(Location),
}

/// `FunctionDef` and `AsyncFunctionDef`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub args: Box<Arguments>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
    pub type_comment: Option<String>,
    pub type_params: Vec<TypeParam>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub type_params: Vec<TypeParam>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Return {
    pub value: Option<Box<Expr>>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Delete {
    pub targets: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assign {
    pub targets: Vec<Expr>,
    pub value: Box<Expr>,
    pub type_comment: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeAlias {
    pub name: Box<Expr>,
    pub type_params: Vec<TypeParam>,
    pub value: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AugAssign {
    pub target: Box<Expr>,
    pub op: Operator,
    pub value: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnnAssign {
    pub target: Box<Expr>,
    pub annotation: Box<Expr>,
    pub value: Option<Box<Expr>>,
    /// 1 for a plain name target not in parentheses, else 0 (an `int` in ASDL).
    pub simple: i32,
    pub location: Location,
}

/// `For` and `AsyncFor`.
#[derive(Clone, Debug, PartialEq)]
pub struct For {
    pub target: Box<Expr>,
    pub iter: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub type_comment: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct While {
    pub test: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct If {
    pub test: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub location: Location,
}

/// `With` and `AsyncWith`.
#[derive(Clone, Debug, PartialEq)]
pub struct With {
    pub items: Vec<WithItem>,
    pub body: Vec<Stmt>,
    pub type_comment: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub subject: Box<Expr>,
    pub cases: Vec<MatchCase>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Raise {
    pub exc: Option<Box<Expr>>,
    pub cause: Option<Box<Expr>>,
    pub location: Location,
}

/// `Try` and `TryStar`.
#[derive(Clone, Debug, PartialEq)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assert {
    pub test: Box<Expr>,
    pub msg: Option<Box<Expr>>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub names: Vec<Alias>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportFrom {
    pub module: Option<String>,
    pub names: Vec<Alias>,
    /// Number of leading dots. ASDL has `int? level`, but the parser always sets it; a
    /// missing level reads as 0, as in CPython's compiler.
    pub level: i32,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Global {
    pub names: Vec<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Nonlocal {
    pub names: Vec<String>,
    pub location: Location,
}

/// The `Expr` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprStmt {
    pub value: Box<Expr>,
    pub location: Location,
}

impl Stmt {
    pub fn location(&self) -> Location {
        match self {
            Stmt::FunctionDef(node) | Stmt::AsyncFunctionDef(node) => node.location,
            Stmt::ClassDef(node) => node.location,
            Stmt::Return(node) => node.location,
            Stmt::Delete(node) => node.location,
            Stmt::Assign(node) => node.location,
            Stmt::TypeAlias(node) => node.location,
            Stmt::AugAssign(node) => node.location,
            Stmt::AnnAssign(node) => node.location,
            Stmt::For(node) | Stmt::AsyncFor(node) => node.location,
            Stmt::While(node) => node.location,
            Stmt::If(node) => node.location,
            Stmt::With(node) | Stmt::AsyncWith(node) => node.location,
            Stmt::Match(node) => node.location,
            Stmt::Raise(node) => node.location,
            Stmt::Try(node) | Stmt::TryStar(node) => node.location,
            Stmt::Assert(node) => node.location,
            Stmt::Import(node) => node.location,
            Stmt::ImportFrom(node) => node.location,
            Stmt::Global(node) => node.location,
            Stmt::Nonlocal(node) => node.location,
            Stmt::Expr(node) => node.location,
            Stmt::Pass(location) | Stmt::Break(location) | Stmt::Continue(location) => *location,
        }
    }

    /// The `ast` class name of this node (`type(node).__name__`).
    pub fn class_name(&self) -> &'static str {
        match self {
            Stmt::FunctionDef(_) => "FunctionDef",
            Stmt::AsyncFunctionDef(_) => "AsyncFunctionDef",
            Stmt::ClassDef(_) => "ClassDef",
            Stmt::Return(_) => "Return",
            Stmt::Delete(_) => "Delete",
            Stmt::Assign(_) => "Assign",
            Stmt::TypeAlias(_) => "TypeAlias",
            Stmt::AugAssign(_) => "AugAssign",
            Stmt::AnnAssign(_) => "AnnAssign",
            Stmt::For(_) => "For",
            Stmt::AsyncFor(_) => "AsyncFor",
            Stmt::While(_) => "While",
            Stmt::If(_) => "If",
            Stmt::With(_) => "With",
            Stmt::AsyncWith(_) => "AsyncWith",
            Stmt::Match(_) => "Match",
            Stmt::Raise(_) => "Raise",
            Stmt::Try(_) => "Try",
            Stmt::TryStar(_) => "TryStar",
            Stmt::Assert(_) => "Assert",
            Stmt::Import(_) => "Import",
            Stmt::ImportFrom(_) => "ImportFrom",
            Stmt::Global(_) => "Global",
            Stmt::Nonlocal(_) => "Nonlocal",
            Stmt::Expr(_) => "Expr",
            Stmt::Pass(_) => "Pass",
            Stmt::Break(_) => "Break",
            Stmt::Continue(_) => "Continue",
        }
    }
}

// ---------------------------------------------------------------------------------------
// expr

/// `expr`.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    BoolOp(BoolOp),
    NamedExpr(NamedExpr),
    BinOp(BinOp),
    UnaryOp(UnaryOp),
    Lambda(Lambda),
    IfExp(IfExp),
    Dict(Dict),
    Set(Set),
    ListComp(ListComp),
    SetComp(SetComp),
    DictComp(DictComp),
    GeneratorExp(GeneratorExp),
    Await(Await),
    Yield(Yield),
    YieldFrom(YieldFrom),
    Compare(Compare),
    Call(Call),
    FormattedValue(FormattedValue),
    Interpolation(Interpolation),
    JoinedStr(JoinedStr),
    TemplateStr(TemplateStr),
    Constant(Constant),
    Attribute(Attribute),
    Subscript(Subscript),
    Starred(Starred),
    Name(Name),
    List(List),
    Tuple(Tuple),
    Slice(Slice),
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoolOp {
    pub op: BoolOperator,
    pub values: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NamedExpr {
    pub target: Box<Expr>,
    pub value: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BinOp {
    pub left: Box<Expr>,
    pub op: Operator,
    pub right: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnaryOp {
    pub op: UnaryOperator,
    pub operand: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lambda {
    pub args: Box<Arguments>,
    pub body: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IfExp {
    pub test: Box<Expr>,
    pub body: Box<Expr>,
    pub orelse: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dict {
    /// `None` for a `**mapping` entry, whose mapping is the matching `values` item.
    pub keys: Vec<Option<Expr>>,
    pub values: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Set {
    pub elts: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListComp {
    pub elt: Box<Expr>,
    pub generators: Vec<Comprehension>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SetComp {
    pub elt: Box<Expr>,
    pub generators: Vec<Comprehension>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DictComp {
    pub key: Box<Expr>,
    pub value: Box<Expr>,
    pub generators: Vec<Comprehension>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GeneratorExp {
    pub elt: Box<Expr>,
    pub generators: Vec<Comprehension>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Await {
    pub value: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Yield {
    pub value: Option<Box<Expr>>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YieldFrom {
    pub value: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    pub left: Box<Expr>,
    pub ops: Vec<CmpOp>,
    pub comparators: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub func: Box<Expr>,
    pub args: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub location: Location,
}

/// A replacement field of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub struct FormattedValue {
    pub value: Box<Expr>,
    /// -1 (no conversion) or the code of `'s'`, `'r'` or `'a'`.
    pub conversion: i32,
    pub format_spec: Option<Box<Expr>>,
    pub location: Location,
}

/// A replacement field of a t-string (PEP 750).
#[derive(Clone, Debug, PartialEq)]
pub struct Interpolation {
    pub value: Box<Expr>,
    /// The expression's source text (ASDL `constant str`; always a `str` from the parser).
    pub str: String,
    /// -1 (no conversion) or the code of `'s'`, `'r'` or `'a'`.
    pub conversion: i32,
    pub format_spec: Option<Box<Expr>>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JoinedStr {
    pub values: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TemplateStr {
    pub values: Vec<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Constant {
    pub value: ConstantValue,
    /// `Some("u")` for a `u`-prefixed string literal, else `None`.
    pub kind: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    pub value: Box<Expr>,
    pub attr: String,
    pub ctx: ExprContext,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subscript {
    pub value: Box<Expr>,
    pub slice: Box<Expr>,
    pub ctx: ExprContext,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Starred {
    pub value: Box<Expr>,
    pub ctx: ExprContext,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub id: String,
    pub ctx: ExprContext,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub elts: Vec<Expr>,
    pub ctx: ExprContext,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tuple {
    pub elts: Vec<Expr>,
    pub ctx: ExprContext,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    pub lower: Option<Box<Expr>>,
    pub upper: Option<Box<Expr>>,
    pub step: Option<Box<Expr>>,
    pub location: Location,
}

impl Expr {
    pub fn location(&self) -> Location {
        match self {
            Expr::BoolOp(node) => node.location,
            Expr::NamedExpr(node) => node.location,
            Expr::BinOp(node) => node.location,
            Expr::UnaryOp(node) => node.location,
            Expr::Lambda(node) => node.location,
            Expr::IfExp(node) => node.location,
            Expr::Dict(node) => node.location,
            Expr::Set(node) => node.location,
            Expr::ListComp(node) => node.location,
            Expr::SetComp(node) => node.location,
            Expr::DictComp(node) => node.location,
            Expr::GeneratorExp(node) => node.location,
            Expr::Await(node) => node.location,
            Expr::Yield(node) => node.location,
            Expr::YieldFrom(node) => node.location,
            Expr::Compare(node) => node.location,
            Expr::Call(node) => node.location,
            Expr::FormattedValue(node) => node.location,
            Expr::Interpolation(node) => node.location,
            Expr::JoinedStr(node) => node.location,
            Expr::TemplateStr(node) => node.location,
            Expr::Constant(node) => node.location,
            Expr::Attribute(node) => node.location,
            Expr::Subscript(node) => node.location,
            Expr::Starred(node) => node.location,
            Expr::Name(node) => node.location,
            Expr::List(node) => node.location,
            Expr::Tuple(node) => node.location,
            Expr::Slice(node) => node.location,
        }
    }

    pub fn location_mut(&mut self) -> &mut Location {
        match self {
            Expr::BoolOp(node) => &mut node.location,
            Expr::NamedExpr(node) => &mut node.location,
            Expr::BinOp(node) => &mut node.location,
            Expr::UnaryOp(node) => &mut node.location,
            Expr::Lambda(node) => &mut node.location,
            Expr::IfExp(node) => &mut node.location,
            Expr::Dict(node) => &mut node.location,
            Expr::Set(node) => &mut node.location,
            Expr::ListComp(node) => &mut node.location,
            Expr::SetComp(node) => &mut node.location,
            Expr::DictComp(node) => &mut node.location,
            Expr::GeneratorExp(node) => &mut node.location,
            Expr::Await(node) => &mut node.location,
            Expr::Yield(node) => &mut node.location,
            Expr::YieldFrom(node) => &mut node.location,
            Expr::Compare(node) => &mut node.location,
            Expr::Call(node) => &mut node.location,
            Expr::FormattedValue(node) => &mut node.location,
            Expr::Interpolation(node) => &mut node.location,
            Expr::JoinedStr(node) => &mut node.location,
            Expr::TemplateStr(node) => &mut node.location,
            Expr::Constant(node) => &mut node.location,
            Expr::Attribute(node) => &mut node.location,
            Expr::Subscript(node) => &mut node.location,
            Expr::Starred(node) => &mut node.location,
            Expr::Name(node) => &mut node.location,
            Expr::List(node) => &mut node.location,
            Expr::Tuple(node) => &mut node.location,
            Expr::Slice(node) => &mut node.location,
        }
    }

    /// The `ast` class name of this node (`type(node).__name__`).
    pub fn class_name(&self) -> &'static str {
        match self {
            Expr::BoolOp(_) => "BoolOp",
            Expr::NamedExpr(_) => "NamedExpr",
            Expr::BinOp(_) => "BinOp",
            Expr::UnaryOp(_) => "UnaryOp",
            Expr::Lambda(_) => "Lambda",
            Expr::IfExp(_) => "IfExp",
            Expr::Dict(_) => "Dict",
            Expr::Set(_) => "Set",
            Expr::ListComp(_) => "ListComp",
            Expr::SetComp(_) => "SetComp",
            Expr::DictComp(_) => "DictComp",
            Expr::GeneratorExp(_) => "GeneratorExp",
            Expr::Await(_) => "Await",
            Expr::Yield(_) => "Yield",
            Expr::YieldFrom(_) => "YieldFrom",
            Expr::Compare(_) => "Compare",
            Expr::Call(_) => "Call",
            Expr::FormattedValue(_) => "FormattedValue",
            Expr::Interpolation(_) => "Interpolation",
            Expr::JoinedStr(_) => "JoinedStr",
            Expr::TemplateStr(_) => "TemplateStr",
            Expr::Constant(_) => "Constant",
            Expr::Attribute(_) => "Attribute",
            Expr::Subscript(_) => "Subscript",
            Expr::Starred(_) => "Starred",
            Expr::Name(_) => "Name",
            Expr::List(_) => "List",
            Expr::Tuple(_) => "Tuple",
            Expr::Slice(_) => "Slice",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Simple sum types

/// `expr_context`. (`AugLoad`, `AugStore` and `Param` are deprecated, never produced.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// `boolop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOperator {
    And,
    Or,
}

/// `operator`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// `unaryop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOperator {
    Invert,
    Not,
    UAdd,
    USub,
}

/// `cmpop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl ExprContext {
    pub fn class_name(self) -> &'static str {
        match self {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        }
    }
}

impl BoolOperator {
    pub fn class_name(self) -> &'static str {
        match self {
            BoolOperator::And => "And",
            BoolOperator::Or => "Or",
        }
    }
}

impl Operator {
    pub fn class_name(self) -> &'static str {
        match self {
            Operator::Add => "Add",
            Operator::Sub => "Sub",
            Operator::Mult => "Mult",
            Operator::MatMult => "MatMult",
            Operator::Div => "Div",
            Operator::Mod => "Mod",
            Operator::Pow => "Pow",
            Operator::LShift => "LShift",
            Operator::RShift => "RShift",
            Operator::BitOr => "BitOr",
            Operator::BitXor => "BitXor",
            Operator::BitAnd => "BitAnd",
            Operator::FloorDiv => "FloorDiv",
        }
    }
}

impl UnaryOperator {
    pub fn class_name(self) -> &'static str {
        match self {
            UnaryOperator::Invert => "Invert",
            UnaryOperator::Not => "Not",
            UnaryOperator::UAdd => "UAdd",
            UnaryOperator::USub => "USub",
        }
    }
}

impl CmpOp {
    pub fn class_name(self) -> &'static str {
        match self {
            CmpOp::Eq => "Eq",
            CmpOp::NotEq => "NotEq",
            CmpOp::Lt => "Lt",
            CmpOp::LtE => "LtE",
            CmpOp::Gt => "Gt",
            CmpOp::GtE => "GtE",
            CmpOp::Is => "Is",
            CmpOp::IsNot => "IsNot",
            CmpOp::In => "In",
            CmpOp::NotIn => "NotIn",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Product types and the remaining sum types

/// `comprehension`: one `for ... in ... if ...` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// 1 for `async for`, else 0 (an `int` in ASDL).
    pub is_async: i32,
}

/// `excepthandler`, whose only constructor is `ExceptHandler`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Box<Expr>>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub location: Location,
}

/// `arguments`: a function's or lambda's parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    /// One per `kwonlyargs` item, `None` where that parameter has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    /// Defaults of the last positional parameters (`posonlyargs` then `args`).
    pub defaults: Vec<Expr>,
}

/// `arg`: one parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub arg: String,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<String>,
    pub location: Location,
}

/// `keyword`: `arg=value` in a call or class bases, or `**value` when `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub location: Location,
}

/// `alias`: `name as asname` in an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub location: Location,
}

/// `withitem`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

/// `match_case`.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

/// `pattern`.
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    MatchValue(MatchValue),
    MatchSingleton(MatchSingleton),
    MatchSequence(MatchSequence),
    MatchMapping(MatchMapping),
    MatchClass(MatchClass),
    MatchStar(MatchStar),
    MatchAs(MatchAs),
    MatchOr(MatchOr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchValue {
    pub value: Box<Expr>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchSingleton {
    /// `None`, `True` or `False`.
    pub value: ConstantValue,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchSequence {
    pub patterns: Vec<Pattern>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchMapping {
    pub keys: Vec<Expr>,
    pub patterns: Vec<Pattern>,
    pub rest: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchClass {
    pub cls: Box<Expr>,
    pub patterns: Vec<Pattern>,
    pub kwd_attrs: Vec<String>,
    pub kwd_patterns: Vec<Pattern>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchStar {
    pub name: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchAs {
    pub pattern: Option<Box<Pattern>>,
    pub name: Option<String>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchOr {
    pub patterns: Vec<Pattern>,
    pub location: Location,
}

impl Pattern {
    pub fn location(&self) -> Location {
        match self {
            Pattern::MatchValue(node) => node.location,
            Pattern::MatchSingleton(node) => node.location,
            Pattern::MatchSequence(node) => node.location,
            Pattern::MatchMapping(node) => node.location,
            Pattern::MatchClass(node) => node.location,
            Pattern::MatchStar(node) => node.location,
            Pattern::MatchAs(node) => node.location,
            Pattern::MatchOr(node) => node.location,
        }
    }

    /// The `ast` class name of this node (`type(node).__name__`).
    pub fn class_name(&self) -> &'static str {
        match self {
            Pattern::MatchValue(_) => "MatchValue",
            Pattern::MatchSingleton(_) => "MatchSingleton",
            Pattern::MatchSequence(_) => "MatchSequence",
            Pattern::MatchMapping(_) => "MatchMapping",
            Pattern::MatchClass(_) => "MatchClass",
            Pattern::MatchStar(_) => "MatchStar",
            Pattern::MatchAs(_) => "MatchAs",
            Pattern::MatchOr(_) => "MatchOr",
        }
    }
}

/// `type_ignore`, whose only constructor is `TypeIgnore` (a `# type: ignore` comment).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeIgnore {
    pub lineno: i32,
    pub tag: String,
}

/// `type_param` (PEP 695, with PEP 696 defaults).
#[derive(Clone, Debug, PartialEq)]
pub enum TypeParam {
    TypeVar(TypeVar),
    ParamSpec(ParamSpec),
    TypeVarTuple(TypeVarTuple),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeVar {
    pub name: String,
    pub bound: Option<Box<Expr>>,
    pub default_value: Option<Box<Expr>>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    pub default_value: Option<Box<Expr>>,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeVarTuple {
    pub name: String,
    pub default_value: Option<Box<Expr>>,
    pub location: Location,
}

impl TypeParam {
    pub fn location(&self) -> Location {
        match self {
            TypeParam::TypeVar(node) => node.location,
            TypeParam::ParamSpec(node) => node.location,
            TypeParam::TypeVarTuple(node) => node.location,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            TypeParam::TypeVar(node) => &node.name,
            TypeParam::ParamSpec(node) => &node.name,
            TypeParam::TypeVarTuple(node) => &node.name,
        }
    }

    /// The `ast` class name of this node (`type(node).__name__`).
    pub fn class_name(&self) -> &'static str {
        match self {
            TypeParam::TypeVar(_) => "TypeVar",
            TypeParam::ParamSpec(_) => "ParamSpec",
            TypeParam::TypeVarTuple(_) => "TypeVarTuple",
        }
    }
}
