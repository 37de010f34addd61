//! Test support: CPython's AST stored as JSON by `tools/symtable_ast_fixtures.py`, read
//! back into `pyrite_ast` nodes. A stand-in for the parser until it is merged.

use pyrite_ast::*;

#[derive(Clone, Debug)]
pub enum Json {
    Null,
    Bool,
    Number(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

pub fn parse_json(text: &str) -> Result<Json, String> {
    let mut reader = Reader {
        chars: text.chars().collect(),
        pos: 0,
    };
    let value = reader.value()?;
    Ok(value)
}

struct Reader {
    chars: Vec<char>,
    pos: usize,
}

impl Reader {
    fn skip_ws(&mut self) {
        while self.pos < self.chars.len() && self.chars[self.pos].is_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.chars.get(self.pos).copied()
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected {c:?} at {}", self.pos))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        match self.peek() {
            Some('{') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.peek() == Some('}') {
                    self.pos += 1;
                    return Ok(Json::Object(items));
                }
                loop {
                    let Json::Str(key) = self.value()? else {
                        return Err("object key".into());
                    };
                    self.expect(':')?;
                    items.push((key, self.value()?));
                    if self.peek() == Some(',') {
                        self.pos += 1;
                    } else {
                        self.expect('}')?;
                        return Ok(Json::Object(items));
                    }
                }
            }
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.peek() == Some(']') {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    if self.peek() == Some(',') {
                        self.pos += 1;
                    } else {
                        self.expect(']')?;
                        return Ok(Json::Array(items));
                    }
                }
            }
            Some('"') => {
                self.pos += 1;
                let mut out = String::new();
                loop {
                    let c = *self.chars.get(self.pos).ok_or("unterminated string")?;
                    self.pos += 1;
                    match c {
                        '"' => return Ok(Json::Str(out)),
                        '\\' => {
                            let e = *self.chars.get(self.pos).ok_or("bad escape")?;
                            self.pos += 1;
                            match e {
                                'n' => out.push('\n'),
                                't' => out.push('\t'),
                                'r' => out.push('\r'),
                                'b' => out.push('\u{8}'),
                                'f' => out.push('\u{c}'),
                                'u' => {
                                    let hex: String =
                                        self.chars[self.pos..self.pos + 4].iter().collect();
                                    self.pos += 4;
                                    let code =
                                        u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())?;
                                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                                }
                                other => out.push(other),
                            }
                        }
                        c => out.push(c),
                    }
                }
            }
            Some('n') => {
                self.pos += 4;
                Ok(Json::Null)
            }
            Some('t') => {
                self.pos += 4;
                Ok(Json::Bool)
            }
            Some('f') => {
                self.pos += 5;
                Ok(Json::Bool)
            }
            Some(_) => {
                let start = self.pos;
                while self.pos < self.chars.len()
                    && matches!(
                        self.chars[self.pos],
                        '-' | '+' | '.' | 'e' | 'E' | '0'..='9'
                    )
                {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                text.parse()
                    .map(Json::Number)
                    .map_err(|_| format!("bad number {text:?}"))
            }
            None => Err("unexpected end".into()),
        }
    }
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Object(items) => items
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or(&Json::Null),
            _ => &Json::Null,
        }
    }

    fn ty(&self) -> &str {
        match self.get("t") {
            Json::Str(s) => s,
            _ => "",
        }
    }

    fn str(&self, key: &str) -> String {
        match self.get(key) {
            Json::Str(s) => s.clone(),
            _ => String::new(),
        }
    }

    fn opt_str(&self, key: &str) -> Option<String> {
        match self.get(key) {
            Json::Str(s) => Some(s.clone()),
            _ => None,
        }
    }

    fn int(&self, key: &str) -> i32 {
        match self.get(key) {
            Json::Number(n) => *n as i32,
            _ => 0,
        }
    }

    fn list(&self, key: &str) -> &[Json] {
        match self.get(key) {
            Json::Array(items) => items,
            _ => &[],
        }
    }

    fn strs(&self, key: &str) -> Vec<String> {
        self.list(key)
            .iter()
            .map(|j| match j {
                Json::Str(s) => s.clone(),
                _ => String::new(),
            })
            .collect()
    }

    fn loc(&self) -> Location {
        let n: Vec<i32> = match self.get("loc") {
            Json::Array(items) => items
                .iter()
                .map(|j| match j {
                    Json::Number(n) => *n as i32,
                    _ => 0,
                })
                .collect(),
            _ => vec![0; 4],
        };
        Location::new(n[0], n[1], n[2], n[3])
    }

    fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

pub fn module(j: &Json) -> Mod {
    Mod::Module(Module {
        body: stmts(j.list("body")),
        type_ignores: vec![],
    })
}

fn stmts(items: &[Json]) -> Vec<Stmt> {
    items.iter().map(stmt).collect()
}

fn exprs(items: &[Json]) -> Vec<Expr> {
    items.iter().map(expr).collect()
}

fn bexpr(j: &Json) -> Box<Expr> {
    Box::new(expr(j))
}

fn opt_expr(j: &Json) -> Option<Box<Expr>> {
    (!j.is_null()).then(|| bexpr(j))
}

fn ctx(j: &Json) -> ExprContext {
    match j.get("ctx").ty() {
        "Store" => ExprContext::Store,
        "Del" => ExprContext::Del,
        _ => ExprContext::Load,
    }
}

fn function_def(j: &Json) -> FunctionDef {
    FunctionDef {
        name: j.str("name"),
        args: Box::new(arguments(j.get("args"))),
        body: stmts(j.list("body")),
        decorator_list: exprs(j.list("decorator_list")),
        returns: opt_expr(j.get("returns")),
        type_comment: None,
        type_params: j.list("type_params").iter().map(type_param).collect(),
        location: j.loc(),
    }
}

fn for_(j: &Json) -> For {
    For {
        target: bexpr(j.get("target")),
        iter: bexpr(j.get("iter")),
        body: stmts(j.list("body")),
        orelse: stmts(j.list("orelse")),
        type_comment: None,
        location: j.loc(),
    }
}

fn with(j: &Json) -> With {
    With {
        items: j
            .list("items")
            .iter()
            .map(|i| WithItem {
                context_expr: expr(i.get("context_expr")),
                optional_vars: opt_expr(i.get("optional_vars")),
            })
            .collect(),
        body: stmts(j.list("body")),
        type_comment: None,
        location: j.loc(),
    }
}

fn try_(j: &Json) -> Try {
    Try {
        body: stmts(j.list("body")),
        handlers: j
            .list("handlers")
            .iter()
            .map(|h| ExceptHandler {
                type_: opt_expr(h.get("type")),
                name: h.opt_str("name"),
                body: stmts(h.list("body")),
                location: h.loc(),
            })
            .collect(),
        orelse: stmts(j.list("orelse")),
        finalbody: stmts(j.list("finalbody")),
        location: j.loc(),
    }
}

fn stmt(j: &Json) -> Stmt {
    let location = j.loc();
    match j.ty() {
        "FunctionDef" => Stmt::FunctionDef(function_def(j)),
        "AsyncFunctionDef" => Stmt::AsyncFunctionDef(function_def(j)),
        "ClassDef" => Stmt::ClassDef(ClassDef {
            name: j.str("name"),
            bases: exprs(j.list("bases")),
            keywords: j.list("keywords").iter().map(keyword).collect(),
            body: stmts(j.list("body")),
            decorator_list: exprs(j.list("decorator_list")),
            type_params: j.list("type_params").iter().map(type_param).collect(),
            location,
        }),
        "Return" => Stmt::Return(Return {
            value: opt_expr(j.get("value")),
            location,
        }),
        "Delete" => Stmt::Delete(Delete {
            targets: exprs(j.list("targets")),
            location,
        }),
        "Assign" => Stmt::Assign(Assign {
            targets: exprs(j.list("targets")),
            value: bexpr(j.get("value")),
            type_comment: None,
            location,
        }),
        "TypeAlias" => Stmt::TypeAlias(TypeAlias {
            name: bexpr(j.get("name")),
            type_params: j.list("type_params").iter().map(type_param).collect(),
            value: bexpr(j.get("value")),
            location,
        }),
        "AugAssign" => Stmt::AugAssign(AugAssign {
            target: bexpr(j.get("target")),
            op: Operator::Add,
            value: bexpr(j.get("value")),
            location,
        }),
        "AnnAssign" => Stmt::AnnAssign(AnnAssign {
            target: bexpr(j.get("target")),
            annotation: bexpr(j.get("annotation")),
            value: opt_expr(j.get("value")),
            simple: j.int("simple"),
            location,
        }),
        "For" => Stmt::For(for_(j)),
        "AsyncFor" => Stmt::AsyncFor(for_(j)),
        "While" => Stmt::While(While {
            test: bexpr(j.get("test")),
            body: stmts(j.list("body")),
            orelse: stmts(j.list("orelse")),
            location,
        }),
        "If" => Stmt::If(If {
            test: bexpr(j.get("test")),
            body: stmts(j.list("body")),
            orelse: stmts(j.list("orelse")),
            location,
        }),
        "With" => Stmt::With(with(j)),
        "AsyncWith" => Stmt::AsyncWith(with(j)),
        "Match" => Stmt::Match(Match {
            subject: bexpr(j.get("subject")),
            cases: j
                .list("cases")
                .iter()
                .map(|c| MatchCase {
                    pattern: pattern(c.get("pattern")),
                    guard: opt_expr(c.get("guard")),
                    body: stmts(c.list("body")),
                })
                .collect(),
            location,
        }),
        "Raise" => Stmt::Raise(Raise {
            exc: opt_expr(j.get("exc")),
            cause: opt_expr(j.get("cause")),
            location,
        }),
        "Try" => Stmt::Try(try_(j)),
        "TryStar" => Stmt::TryStar(try_(j)),
        "Assert" => Stmt::Assert(Assert {
            test: bexpr(j.get("test")),
            msg: opt_expr(j.get("msg")),
            location,
        }),
        "Import" => Stmt::Import(Import {
            names: j.list("names").iter().map(alias).collect(),
            location,
        }),
        "ImportFrom" => Stmt::ImportFrom(ImportFrom {
            module: j.opt_str("module"),
            names: j.list("names").iter().map(alias).collect(),
            level: j.int("level"),
            location,
        }),
        "Global" => Stmt::Global(Global {
            names: j.strs("names"),
            location,
        }),
        "Nonlocal" => Stmt::Nonlocal(Nonlocal {
            names: j.strs("names"),
            location,
        }),
        "Expr" => Stmt::Expr(ExprStmt {
            value: bexpr(j.get("value")),
            location,
        }),
        "Break" => Stmt::Break(location),
        "Continue" => Stmt::Continue(location),
        _ => Stmt::Pass(location),
    }
}

fn alias(j: &Json) -> Alias {
    Alias {
        name: j.str("name"),
        asname: j.opt_str("asname"),
        location: j.loc(),
    }
}

fn keyword(j: &Json) -> Keyword {
    Keyword {
        arg: j.opt_str("arg"),
        value: expr(j.get("value")),
        location: j.loc(),
    }
}

fn arg(j: &Json) -> Arg {
    Arg {
        arg: j.str("arg"),
        annotation: opt_expr(j.get("annotation")),
        type_comment: None,
        location: j.loc(),
    }
}

fn arguments(j: &Json) -> Arguments {
    Arguments {
        posonlyargs: j.list("posonlyargs").iter().map(arg).collect(),
        args: j.list("args").iter().map(arg).collect(),
        vararg: (!j.get("vararg").is_null()).then(|| Box::new(arg(j.get("vararg")))),
        kwonlyargs: j.list("kwonlyargs").iter().map(arg).collect(),
        kw_defaults: j
            .list("kw_defaults")
            .iter()
            .map(|d| (!d.is_null()).then(|| expr(d)))
            .collect(),
        kwarg: (!j.get("kwarg").is_null()).then(|| Box::new(arg(j.get("kwarg")))),
        defaults: exprs(j.list("defaults")),
    }
}

fn comprehensions(items: &[Json]) -> Vec<Comprehension> {
    items
        .iter()
        .map(|c| Comprehension {
            target: expr(c.get("target")),
            iter: expr(c.get("iter")),
            ifs: exprs(c.list("ifs")),
            is_async: c.int("is_async"),
        })
        .collect()
}

fn constant_value(j: &Json) -> ConstantValue {
    match j.get("c") {
        Json::Str(kind) if kind == "str" => ConstantValue::str(j.str("s")),
        _ => ConstantValue::None,
    }
}

fn expr(j: &Json) -> Expr {
    let location = j.loc();
    match j.ty() {
        "BoolOp" => Expr::BoolOp(BoolOp {
            op: BoolOperator::And,
            values: exprs(j.list("values")),
            location,
        }),
        "NamedExpr" => Expr::NamedExpr(NamedExpr {
            target: bexpr(j.get("target")),
            value: bexpr(j.get("value")),
            location,
        }),
        "BinOp" => Expr::BinOp(BinOp {
            left: bexpr(j.get("left")),
            op: Operator::Add,
            right: bexpr(j.get("right")),
            location,
        }),
        "UnaryOp" => Expr::UnaryOp(UnaryOp {
            op: UnaryOperator::Not,
            operand: bexpr(j.get("operand")),
            location,
        }),
        "Lambda" => Expr::Lambda(Lambda {
            args: Box::new(arguments(j.get("args"))),
            body: bexpr(j.get("body")),
            location,
        }),
        "IfExp" => Expr::IfExp(IfExp {
            test: bexpr(j.get("test")),
            body: bexpr(j.get("body")),
            orelse: bexpr(j.get("orelse")),
            location,
        }),
        "Dict" => Expr::Dict(Dict {
            keys: j
                .list("keys")
                .iter()
                .map(|k| (!k.is_null()).then(|| expr(k)))
                .collect(),
            values: exprs(j.list("values")),
            location,
        }),
        "Set" => Expr::Set(Set {
            elts: exprs(j.list("elts")),
            location,
        }),
        "ListComp" => Expr::ListComp(ListComp {
            elt: bexpr(j.get("elt")),
            generators: comprehensions(j.list("generators")),
            location,
        }),
        "SetComp" => Expr::SetComp(SetComp {
            elt: bexpr(j.get("elt")),
            generators: comprehensions(j.list("generators")),
            location,
        }),
        "DictComp" => Expr::DictComp(DictComp {
            key: bexpr(j.get("key")),
            value: bexpr(j.get("value")),
            generators: comprehensions(j.list("generators")),
            location,
        }),
        "GeneratorExp" => Expr::GeneratorExp(GeneratorExp {
            elt: bexpr(j.get("elt")),
            generators: comprehensions(j.list("generators")),
            location,
        }),
        "Await" => Expr::Await(Await {
            value: bexpr(j.get("value")),
            location,
        }),
        "Yield" => Expr::Yield(Yield {
            value: opt_expr(j.get("value")),
            location,
        }),
        "YieldFrom" => Expr::YieldFrom(YieldFrom {
            value: bexpr(j.get("value")),
            location,
        }),
        "Compare" => Expr::Compare(Compare {
            left: bexpr(j.get("left")),
            ops: vec![CmpOp::Eq; j.list("comparators").len()],
            comparators: exprs(j.list("comparators")),
            location,
        }),
        "Call" => Expr::Call(Call {
            func: bexpr(j.get("func")),
            args: exprs(j.list("args")),
            keywords: j.list("keywords").iter().map(keyword).collect(),
            location,
        }),
        "FormattedValue" => Expr::FormattedValue(FormattedValue {
            value: bexpr(j.get("value")),
            conversion: j.int("conversion"),
            format_spec: opt_expr(j.get("format_spec")),
            location,
        }),
        "Interpolation" => Expr::Interpolation(Interpolation {
            value: bexpr(j.get("value")),
            str: j.str("str"),
            conversion: j.int("conversion"),
            format_spec: opt_expr(j.get("format_spec")),
            location,
        }),
        "JoinedStr" => Expr::JoinedStr(JoinedStr {
            values: exprs(j.list("values")),
            location,
        }),
        "TemplateStr" => Expr::TemplateStr(TemplateStr {
            values: exprs(j.list("values")),
            location,
        }),
        "Attribute" => Expr::Attribute(Attribute {
            value: bexpr(j.get("value")),
            attr: j.str("attr"),
            ctx: ctx(j),
            location,
        }),
        "Subscript" => Expr::Subscript(Subscript {
            value: bexpr(j.get("value")),
            slice: bexpr(j.get("slice")),
            ctx: ctx(j),
            location,
        }),
        "Starred" => Expr::Starred(Starred {
            value: bexpr(j.get("value")),
            ctx: ctx(j),
            location,
        }),
        "Name" => Expr::Name(Name {
            id: j.str("id"),
            ctx: ctx(j),
            location,
        }),
        "List" => Expr::List(List {
            elts: exprs(j.list("elts")),
            ctx: ctx(j),
            location,
        }),
        "Tuple" => Expr::Tuple(Tuple {
            elts: exprs(j.list("elts")),
            ctx: ctx(j),
            location,
        }),
        "Slice" => Expr::Slice(Slice {
            lower: opt_expr(j.get("lower")),
            upper: opt_expr(j.get("upper")),
            step: opt_expr(j.get("step")),
            location,
        }),
        _ => Expr::Constant(Constant {
            value: constant_value(j.get("value")),
            kind: j.opt_str("kind"),
            location,
        }),
    }
}

fn patterns(items: &[Json]) -> Vec<Pattern> {
    items.iter().map(pattern).collect()
}

fn pattern(j: &Json) -> Pattern {
    let location = j.loc();
    match j.ty() {
        "MatchValue" => Pattern::MatchValue(MatchValue {
            value: bexpr(j.get("value")),
            location,
        }),
        "MatchSequence" => Pattern::MatchSequence(MatchSequence {
            patterns: patterns(j.list("patterns")),
            location,
        }),
        "MatchMapping" => Pattern::MatchMapping(MatchMapping {
            keys: exprs(j.list("keys")),
            patterns: patterns(j.list("patterns")),
            rest: j.opt_str("rest"),
            location,
        }),
        "MatchClass" => Pattern::MatchClass(MatchClass {
            cls: bexpr(j.get("cls")),
            patterns: patterns(j.list("patterns")),
            kwd_attrs: j.strs("kwd_attrs"),
            kwd_patterns: patterns(j.list("kwd_patterns")),
            location,
        }),
        "MatchStar" => Pattern::MatchStar(MatchStar {
            name: j.opt_str("name"),
            location,
        }),
        "MatchAs" => Pattern::MatchAs(MatchAs {
            pattern: (!j.get("pattern").is_null()).then(|| Box::new(pattern(j.get("pattern")))),
            name: j.opt_str("name"),
            location,
        }),
        "MatchOr" => Pattern::MatchOr(MatchOr {
            patterns: patterns(j.list("patterns")),
            location,
        }),
        _ => Pattern::MatchSingleton(MatchSingleton {
            value: ConstantValue::None,
            location,
        }),
    }
}

fn type_param(j: &Json) -> TypeParam {
    let location = j.loc();
    match j.ty() {
        "TypeVar" => TypeParam::TypeVar(TypeVar {
            name: j.str("name"),
            bound: opt_expr(j.get("bound")),
            default_value: opt_expr(j.get("default_value")),
            location,
        }),
        "ParamSpec" => TypeParam::ParamSpec(ParamSpec {
            name: j.str("name"),
            default_value: opt_expr(j.get("default_value")),
            location,
        }),
        _ => TypeParam::TypeVarTuple(TypeVarTuple {
            name: j.str("name"),
            default_value: opt_expr(j.get("default_value")),
            location,
        }),
    }
}
