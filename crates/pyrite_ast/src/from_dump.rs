//! Reads `ast.dump(tree, include_attributes=True)` text back into a tree.
//!
//! No CPython counterpart (CPython would `eval` the text). This lets tests build trees from
//! the oracle's dumps instead of by hand: the compiler's tests can start from an AST
//! without the parser, and `dump(read_dump(text)) == text` checks [`crate::dump()`] on any
//! corpus. Fields must be given by keyword (`annotate_fields=True`, the default); a missing
//! field takes the value `ast` gives it (`None` or `[]`), missing attributes are 0.

use num_bigint::BigInt;

use crate::constant::ConstantValue;
use crate::nodes::*;
use crate::py_str::PyStr;

/// Deepest nesting accepted. CPython's own `ast.dump` cannot print deeper trees (its
/// recursion limit is 1000 Python frames, at least one per level).
const MAX_DEPTH: usize = 1000;

/// Stack for reading: the reader and the typing recurse once per nesting level with large
/// frames in unoptimized builds, so they run on a thread whose stack fits `MAX_DEPTH`
/// levels whatever the caller's stack (test threads have 2 MiB). Only touched pages are
/// committed, so the size costs address space, not memory.
const READER_STACK_BYTES: usize = 256 << 20;

fn with_reader_stack<T: Send>(work: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("read_dump".to_owned())
            .stack_size(READER_STACK_BYTES)
            .spawn_scoped(scope, work);
        match handle {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|_| type_error("the dump reader failed", 0)),
            Err(error) => type_error(format!("cannot start the dump reader: {error}"), 0),
        }
    })
}

/// Why the text could not be read: a message and the byte offset where it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DumpReadError {
    pub message: String,
    pub offset: usize,
}

impl std::fmt::Display for DumpReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for DumpReadError {}

type Result<T> = std::result::Result<T, DumpReadError>;

/// A value of the dump text before it is given a node type.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Call {
        name: String,
        arguments: Vec<(String, Value)>,
        offset: usize,
    },
    List(Vec<Value>),
    Constant(ConstantValue),
}

/// Reads a `mod` node (`Module(...)`, `Expression(...)`, ...).
pub fn read_dump(text: &str) -> Result<Mod> {
    with_reader_stack(|| to_mod(Reader::new(text).read_all()?))
}

/// Reads an `expr` node.
pub fn read_expr_dump(text: &str) -> Result<Expr> {
    with_reader_stack(|| to_expr(Reader::new(text).read_all()?))
}

/// Reads a `stmt` node.
pub fn read_stmt_dump(text: &str) -> Result<Stmt> {
    with_reader_stack(|| to_stmt(Reader::new(text).read_all()?))
}

struct Reader<'t> {
    text: &'t str,
    position: usize,
    depth: usize,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Reader {
            text,
            position: 0,
            depth: 0,
        }
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T> {
        Err(DumpReadError {
            message: message.into(),
            offset: self.position,
        })
    }

    fn rest(&self) -> &'t str {
        &self.text[self.position..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.position += rest.len() - rest.trim_start().len();
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_spaces();
        self.rest().chars().next()
    }

    fn expect(&mut self, expected: char) -> Result<()> {
        if self.peek() == Some(expected) {
            self.position += expected.len_utf8();
            Ok(())
        } else {
            self.error(format!("expected {expected:?}"))
        }
    }

    fn read_all(mut self) -> Result<Value> {
        let value = self.read_value()?;
        if self.peek().is_some() {
            return self.error("unexpected text after the node");
        }
        Ok(value)
    }

    fn read_value(&mut self) -> Result<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error("nesting too deep");
        }
        let value = self.read_value_inner();
        self.depth -= 1;
        value
    }

    fn read_value_inner(&mut self) -> Result<Value> {
        let Some(first) = self.peek() else {
            return self.error("unexpected end of text");
        };
        if first == '[' {
            self.position += 1;
            let mut items = Vec::new();
            if self.peek() == Some(']') {
                self.position += 1;
                return Ok(Value::List(items));
            }
            loop {
                items.push(self.read_value()?);
                match self.peek() {
                    Some(',') => self.position += 1,
                    Some(']') => {
                        self.position += 1;
                        return Ok(Value::List(items));
                    }
                    _ => return self.error("expected ',' or ']'"),
                }
            }
        }
        if first == '(' {
            return self.read_parenthesized();
        }
        if first == '\'' || first == '"' {
            return Ok(Value::Constant(ConstantValue::Str(self.read_str()?)));
        }
        if first == 'b' && matches!(self.rest()[1..].chars().next(), Some('\'' | '"')) {
            self.position += 1;
            return Ok(Value::Constant(ConstantValue::Bytes(self.read_bytes()?)));
        }
        if first.is_ascii_digit() || first == '-' || first == '.' {
            return Ok(Value::Constant(self.read_number()?));
        }
        let word = self.read_word();
        match word {
            "" => self.error(format!("unexpected {first:?}")),
            "None" => Ok(Value::Constant(ConstantValue::None)),
            "True" => Ok(Value::Constant(ConstantValue::Bool(true))),
            "False" => Ok(Value::Constant(ConstantValue::Bool(false))),
            "Ellipsis" => Ok(Value::Constant(ConstantValue::Ellipsis)),
            "inf" | "nan" | "infj" | "nanj" => {
                self.position -= word.len();
                Ok(Value::Constant(self.read_number()?))
            }
            "frozenset" => {
                self.expect('(')?;
                let items = if self.peek() == Some(')') {
                    Vec::new()
                } else {
                    self.expect('{')?;
                    let items = self.read_constants_until('}')?;
                    self.position += 1;
                    items
                };
                self.expect(')')?;
                Ok(Value::Constant(ConstantValue::FrozenSet(items)))
            }
            _ => {
                let name = word.to_owned();
                let offset = self.position;
                self.expect('(')?;
                let mut arguments = Vec::new();
                if self.peek() == Some(')') {
                    self.position += 1;
                    return Ok(Value::Call {
                        name,
                        arguments,
                        offset,
                    });
                }
                loop {
                    self.skip_spaces();
                    let key = self.read_word().to_owned();
                    if key.is_empty() {
                        return self.error("expected a field name (annotate_fields=True)");
                    }
                    self.expect('=')?;
                    let value = self.read_value()?;
                    arguments.push((key, value));
                    match self.peek() {
                        Some(',') => self.position += 1,
                        Some(')') => {
                            self.position += 1;
                            return Ok(Value::Call {
                                name,
                                arguments,
                                offset,
                            });
                        }
                        _ => return self.error("expected ',' or ')'"),
                    }
                }
            }
        }
    }

    /// A tuple constant or a complex `(re+imj)`.
    fn read_parenthesized(&mut self) -> Result<Value> {
        self.position += 1;
        let save = self.position;
        // A complex repr has no comma: `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
        let inner_end = self.rest().find(')').map(|index| self.position + index);
        if let Some(end) = inner_end {
            let inner = &self.text[self.position..end];
            if !inner.contains(',')
                && inner.ends_with('j')
                && let Some(value) = parse_complex_pair(inner)
            {
                self.position = end + 1;
                return Ok(Value::Constant(value));
            }
        }
        self.position = save;
        let items = self.read_constants_until(')')?;
        self.position += 1;
        Ok(Value::Constant(ConstantValue::Tuple(items)))
    }

    /// Comma-separated constants up to (not past) `close`, allowing a trailing comma.
    fn read_constants_until(&mut self, close: char) -> Result<Vec<ConstantValue>> {
        let mut items = Vec::new();
        loop {
            if self.peek() == Some(close) {
                return Ok(items);
            }
            match self.read_value()? {
                Value::Constant(value) => items.push(value),
                _ => return self.error("expected a constant"),
            }
            match self.peek() {
                Some(',') => self.position += 1,
                Some(found) if found == close => return Ok(items),
                _ => return self.error(format!("expected ',' or {close:?}")),
            }
        }
    }

    fn read_word(&mut self) -> &'t str {
        let rest = self.rest();
        let length = rest
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
            .unwrap_or(rest.len());
        self.position += length;
        &rest[..length]
    }

    fn read_number(&mut self) -> Result<ConstantValue> {
        let rest = self.rest();
        let length = rest
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || matches!(ch, '.' | '+' | '-')))
            .unwrap_or(rest.len());
        // A sign only belongs to the number at its start or after an exponent marker.
        let bytes = rest.as_bytes();
        let mut end = 0;
        while end < length {
            let byte = bytes[end];
            if (byte == b'+' || byte == b'-') && end > 0 && !matches!(bytes[end - 1], b'e' | b'E') {
                break;
            }
            end += 1;
        }
        let token = &rest[..end];
        self.position += end;
        match parse_number(token) {
            Some(value) => Ok(value),
            None => self.error(format!("bad number {token:?}")),
        }
    }

    fn read_quoted(&mut self) -> Result<(char, Vec<EscapedItem>)> {
        let Some(quote) = self.rest().chars().next() else {
            return self.error("expected a quote");
        };
        self.position += 1;
        let mut items = Vec::new();
        let mut chars = self.rest().char_indices();
        while let Some((index, ch)) = chars.next() {
            match ch {
                _ if ch == quote => {
                    self.position += index + 1;
                    return Ok((quote, items));
                }
                '\\' => {
                    let Some((_, escape)) = chars.next() else {
                        break;
                    };
                    let mut hex = |count: usize| -> Option<u32> {
                        let mut value = 0;
                        for _ in 0..count {
                            value = value * 16 + chars.next()?.1.to_digit(16)?;
                        }
                        Some(value)
                    };
                    let item = match escape {
                        '\\' => EscapedItem::Char('\\'),
                        '\'' => EscapedItem::Char('\''),
                        '"' => EscapedItem::Char('"'),
                        'n' => EscapedItem::Char('\n'),
                        'r' => EscapedItem::Char('\r'),
                        't' => EscapedItem::Char('\t'),
                        'x' => EscapedItem::Hex(hex(2)),
                        'u' => EscapedItem::CodePoint(hex(4)),
                        'U' => EscapedItem::CodePoint(hex(8)),
                        _ => EscapedItem::CodePoint(None),
                    };
                    items.push(item);
                }
                _ => items.push(EscapedItem::Char(ch)),
            }
        }
        self.error("unterminated string")
    }

    fn read_str(&mut self) -> Result<PyStr> {
        let (_, items) = self.read_quoted()?;
        let mut string = PyStr::new();
        for item in items {
            let ok = match item {
                EscapedItem::Char(ch) => {
                    string.push(ch);
                    true
                }
                EscapedItem::Hex(Some(value)) | EscapedItem::CodePoint(Some(value)) => {
                    string.push_code_point(value).is_ok()
                }
                EscapedItem::Hex(None) | EscapedItem::CodePoint(None) => false,
            };
            if !ok {
                return self.error("bad escape in string");
            }
        }
        Ok(string)
    }

    fn read_bytes(&mut self) -> Result<Vec<u8>> {
        let (_, items) = self.read_quoted()?;
        let mut bytes = Vec::new();
        for item in items {
            match item {
                EscapedItem::Char(ch) if ch.is_ascii() => bytes.push(ch as u8),
                EscapedItem::Hex(Some(value)) => bytes.push(value as u8),
                _ => return self.error("bad character in bytes"),
            }
        }
        Ok(bytes)
    }
}

enum EscapedItem {
    Char(char),
    Hex(Option<u32>),
    CodePoint(Option<u32>),
}

fn parse_float(text: &str) -> Option<f64> {
    match text {
        "inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "-nan" => Some(f64::NAN),
        _ => text.parse().ok(),
    }
}

fn parse_number(token: &str) -> Option<ConstantValue> {
    if let Some(imag) = token.strip_suffix('j') {
        return Some(ConstantValue::Complex {
            real: 0.0,
            imag: parse_float(imag)?,
        });
    }
    let is_float =
        token.contains(['.', 'e', 'E']) || token.contains("inf") || token.contains("nan");
    if is_float {
        return parse_float(token).map(ConstantValue::Float);
    }
    token.parse::<BigInt>().ok().map(ConstantValue::Int)
}

/// `1+2j`, `-0-0j`, `nan+infj` (the inside of a complex repr's parentheses).
fn parse_complex_pair(inner: &str) -> Option<ConstantValue> {
    let body = inner.strip_suffix('j')?;
    let bytes = body.as_bytes();
    let split = (1..bytes.len()).rev().find(|&index| {
        matches!(bytes[index], b'+' | b'-') && !matches!(bytes[index - 1], b'e' | b'E')
    })?;
    let real = parse_float(&body[..split])?;
    let imag = parse_float(body[split..].trim_start_matches('+'))?;
    Some(ConstantValue::Complex { real, imag })
}

// ---------------------------------------------------------------------------------------
// Typing the generic values

/// The keyword arguments of one call, taken out one by one.
struct Fields {
    name: String,
    arguments: Vec<(String, Value)>,
    offset: usize,
}

fn type_error<T>(message: impl Into<String>, offset: usize) -> Result<T> {
    Err(DumpReadError {
        message: message.into(),
        offset,
    })
}

impl Fields {
    fn open(value: Value) -> Result<Fields> {
        match value {
            Value::Call {
                name,
                arguments,
                offset,
            } => Ok(Fields {
                name,
                arguments,
                offset,
            }),
            other => type_error(format!("expected a node, got {other:?}"), 0),
        }
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        let index = self.arguments.iter().position(|(name, _)| name == key)?;
        Some(self.arguments.remove(index).1)
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T> {
        type_error(
            format!("{} (in {})", message.into(), self.name),
            self.offset,
        )
    }

    fn expr(&mut self, key: &str) -> Result<Box<Expr>> {
        match self.take(key) {
            Some(value) => Ok(Box::new(to_expr(value)?)),
            None => self.error(format!("missing field {key}")),
        }
    }

    fn optional_expr(&mut self, key: &str) -> Result<Option<Box<Expr>>> {
        match self.take(key) {
            None | Some(Value::Constant(ConstantValue::None)) => Ok(None),
            Some(value) => Ok(Some(Box::new(to_expr(value)?))),
        }
    }

    fn list<T>(&mut self, key: &str, convert: fn(Value) -> Result<T>) -> Result<Vec<T>> {
        match self.take(key) {
            None => Ok(Vec::new()),
            Some(Value::List(items)) => items.into_iter().map(convert).collect(),
            Some(_) => self.error(format!("field {key} is not a list")),
        }
    }

    fn exprs(&mut self, key: &str) -> Result<Vec<Expr>> {
        self.list(key, to_expr)
    }

    fn optional_exprs(&mut self, key: &str) -> Result<Vec<Option<Expr>>> {
        self.list(key, |value| match value {
            Value::Constant(ConstantValue::None) => Ok(None),
            value => to_expr(value).map(Some),
        })
    }

    fn stmts(&mut self, key: &str) -> Result<Vec<Stmt>> {
        self.list(key, to_stmt)
    }

    fn patterns(&mut self, key: &str) -> Result<Vec<Pattern>> {
        self.list(key, to_pattern)
    }

    fn type_params(&mut self, key: &str) -> Result<Vec<TypeParam>> {
        self.list(key, to_type_param)
    }

    fn constant(&mut self, key: &str) -> Result<ConstantValue> {
        match self.take(key) {
            Some(Value::Constant(value)) => Ok(value),
            _ => self.error(format!("field {key} is not a constant")),
        }
    }

    fn string(&mut self, key: &str) -> Result<String> {
        match self.optional_string(key)? {
            Some(text) => Ok(text),
            None => self.error(format!("missing field {key}")),
        }
    }

    fn optional_string(&mut self, key: &str) -> Result<Option<String>> {
        match self.take(key) {
            None | Some(Value::Constant(ConstantValue::None)) => Ok(None),
            Some(Value::Constant(ConstantValue::Str(text))) => match text.into_string() {
                Ok(text) => Ok(Some(text)),
                Err(_) => self.error(format!("field {key} holds a surrogate")),
            },
            Some(_) => self.error(format!("field {key} is not a str")),
        }
    }

    fn strings(&mut self, key: &str) -> Result<Vec<String>> {
        self.list(key, |value| match value {
            Value::Constant(ConstantValue::Str(text)) => {
                text.into_string().map_err(|_| DumpReadError {
                    message: "identifier holds a surrogate".to_owned(),
                    offset: 0,
                })
            }
            _ => type_error("expected a str", 0),
        })
    }

    fn int(&mut self, key: &str) -> Result<i32> {
        match self.take(key) {
            None => Ok(0),
            Some(Value::Constant(ConstantValue::Int(value))) => match i32::try_from(value) {
                Ok(value) => Ok(value),
                Err(_) => self.error(format!("field {key} is out of range")),
            },
            Some(_) => self.error(format!("field {key} is not an int")),
        }
    }

    fn ctx(&mut self) -> Result<ExprContext> {
        let Some(value) = self.take("ctx") else {
            return Ok(ExprContext::Load);
        };
        let fields = Fields::open(value)?;
        match fields.name.as_str() {
            "Load" => Ok(ExprContext::Load),
            "Store" => Ok(ExprContext::Store),
            "Del" => Ok(ExprContext::Del),
            _ => fields.error("unknown expr_context"),
        }
    }

    fn simple_class(&mut self, key: &str) -> Result<String> {
        match self.take(key) {
            Some(value) => Ok(Fields::open(value)?.name),
            None => self.error(format!("missing field {key}")),
        }
    }

    fn location(&mut self) -> Result<Location> {
        Ok(Location {
            lineno: self.int("lineno")?,
            col_offset: self.int("col_offset")?,
            end_lineno: self.int("end_lineno")?,
            end_col_offset: self.int("end_col_offset")?,
        })
    }

    /// Fails if a field was not used (a misspelt or unknown field).
    fn done<T>(self, node: T) -> Result<T> {
        match self.arguments.first() {
            Some((key, _)) => self.error(format!("unknown field {key}")),
            None => Ok(node),
        }
    }
}

fn to_mod(value: Value) -> Result<Mod> {
    let mut fields = Fields::open(value)?;
    let node = match fields.name.as_str() {
        "Module" => Mod::Module(Module {
            body: fields.stmts("body")?,
            type_ignores: fields.list("type_ignores", to_type_ignore)?,
        }),
        "Interactive" => Mod::Interactive(Interactive {
            body: fields.stmts("body")?,
        }),
        "Expression" => Mod::Expression(Expression {
            body: fields.expr("body")?,
        }),
        "FunctionType" => Mod::FunctionType(FunctionType {
            argtypes: fields.exprs("argtypes")?,
            returns: fields.expr("returns")?,
        }),
        _ => return fields.error("not a mod node"),
    };
    fields.done(node)
}

fn to_type_ignore(value: Value) -> Result<TypeIgnore> {
    let mut fields = Fields::open(value)?;
    let node = TypeIgnore {
        lineno: fields.int("lineno")?,
        tag: fields.string("tag")?,
    };
    fields.done(node)
}

fn to_stmt(value: Value) -> Result<Stmt> {
    let mut fields = Fields::open(value)?;
    let name = fields.name.clone();
    let node = match name.as_str() {
        "FunctionDef" | "AsyncFunctionDef" => {
            let node = FunctionDef {
                name: fields.string("name")?,
                args: Box::new(match fields.take("args") {
                    Some(value) => to_arguments(value)?,
                    None => Arguments::default(),
                }),
                body: fields.stmts("body")?,
                decorator_list: fields.exprs("decorator_list")?,
                returns: fields.optional_expr("returns")?,
                type_comment: fields.optional_string("type_comment")?,
                type_params: fields.type_params("type_params")?,
                location: fields.location()?,
            };
            if name == "FunctionDef" {
                Stmt::FunctionDef(node)
            } else {
                Stmt::AsyncFunctionDef(node)
            }
        }
        "ClassDef" => Stmt::ClassDef(ClassDef {
            name: fields.string("name")?,
            bases: fields.exprs("bases")?,
            keywords: fields.list("keywords", to_keyword)?,
            body: fields.stmts("body")?,
            decorator_list: fields.exprs("decorator_list")?,
            type_params: fields.type_params("type_params")?,
            location: fields.location()?,
        }),
        "Return" => Stmt::Return(Return {
            value: fields.optional_expr("value")?,
            location: fields.location()?,
        }),
        "Delete" => Stmt::Delete(Delete {
            targets: fields.exprs("targets")?,
            location: fields.location()?,
        }),
        "Assign" => Stmt::Assign(Assign {
            targets: fields.exprs("targets")?,
            value: fields.expr("value")?,
            type_comment: fields.optional_string("type_comment")?,
            location: fields.location()?,
        }),
        "TypeAlias" => Stmt::TypeAlias(TypeAlias {
            name: fields.expr("name")?,
            type_params: fields.type_params("type_params")?,
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "AugAssign" => Stmt::AugAssign(AugAssign {
            target: fields.expr("target")?,
            op: to_operator(&fields.simple_class("op")?)
                .map_or_else(|| fields.error("unknown operator"), Ok)?,
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "AnnAssign" => Stmt::AnnAssign(AnnAssign {
            target: fields.expr("target")?,
            annotation: fields.expr("annotation")?,
            value: fields.optional_expr("value")?,
            simple: fields.int("simple")?,
            location: fields.location()?,
        }),
        "For" | "AsyncFor" => {
            let node = For {
                target: fields.expr("target")?,
                iter: fields.expr("iter")?,
                body: fields.stmts("body")?,
                orelse: fields.stmts("orelse")?,
                type_comment: fields.optional_string("type_comment")?,
                location: fields.location()?,
            };
            if name == "For" {
                Stmt::For(node)
            } else {
                Stmt::AsyncFor(node)
            }
        }
        "While" => Stmt::While(While {
            test: fields.expr("test")?,
            body: fields.stmts("body")?,
            orelse: fields.stmts("orelse")?,
            location: fields.location()?,
        }),
        "If" => Stmt::If(If {
            test: fields.expr("test")?,
            body: fields.stmts("body")?,
            orelse: fields.stmts("orelse")?,
            location: fields.location()?,
        }),
        "With" | "AsyncWith" => {
            let node = With {
                items: fields.list("items", to_with_item)?,
                body: fields.stmts("body")?,
                type_comment: fields.optional_string("type_comment")?,
                location: fields.location()?,
            };
            if name == "With" {
                Stmt::With(node)
            } else {
                Stmt::AsyncWith(node)
            }
        }
        "Match" => Stmt::Match(Match {
            subject: fields.expr("subject")?,
            cases: fields.list("cases", to_match_case)?,
            location: fields.location()?,
        }),
        "Raise" => Stmt::Raise(Raise {
            exc: fields.optional_expr("exc")?,
            cause: fields.optional_expr("cause")?,
            location: fields.location()?,
        }),
        "Try" | "TryStar" => {
            let node = Try {
                body: fields.stmts("body")?,
                handlers: fields.list("handlers", to_except_handler)?,
                orelse: fields.stmts("orelse")?,
                finalbody: fields.stmts("finalbody")?,
                location: fields.location()?,
            };
            if name == "Try" {
                Stmt::Try(node)
            } else {
                Stmt::TryStar(node)
            }
        }
        "Assert" => Stmt::Assert(Assert {
            test: fields.expr("test")?,
            msg: fields.optional_expr("msg")?,
            location: fields.location()?,
        }),
        "Import" => Stmt::Import(Import {
            names: fields.list("names", to_alias)?,
            location: fields.location()?,
        }),
        "ImportFrom" => Stmt::ImportFrom(ImportFrom {
            module: fields.optional_string("module")?,
            names: fields.list("names", to_alias)?,
            level: fields.int("level")?,
            location: fields.location()?,
        }),
        "Global" => Stmt::Global(Global {
            names: fields.strings("names")?,
            location: fields.location()?,
        }),
        "Nonlocal" => Stmt::Nonlocal(Nonlocal {
            names: fields.strings("names")?,
            location: fields.location()?,
        }),
        "Expr" => Stmt::Expr(ExprStmt {
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "Pass" => Stmt::Pass(fields.location()?),
        "Break" => Stmt::Break(fields.location()?),
        "Continue" => Stmt::Continue(fields.location()?),
        _ => return fields.error("not a stmt node"),
    };
    fields.done(node)
}

fn to_operator(name: &str) -> Option<Operator> {
    Some(match name {
        "Add" => Operator::Add,
        "Sub" => Operator::Sub,
        "Mult" => Operator::Mult,
        "MatMult" => Operator::MatMult,
        "Div" => Operator::Div,
        "Mod" => Operator::Mod,
        "Pow" => Operator::Pow,
        "LShift" => Operator::LShift,
        "RShift" => Operator::RShift,
        "BitOr" => Operator::BitOr,
        "BitXor" => Operator::BitXor,
        "BitAnd" => Operator::BitAnd,
        "FloorDiv" => Operator::FloorDiv,
        _ => return None,
    })
}

fn to_cmp_op(value: Value) -> Result<CmpOp> {
    let fields = Fields::open(value)?;
    let op = match fields.name.as_str() {
        "Eq" => CmpOp::Eq,
        "NotEq" => CmpOp::NotEq,
        "Lt" => CmpOp::Lt,
        "LtE" => CmpOp::LtE,
        "Gt" => CmpOp::Gt,
        "GtE" => CmpOp::GtE,
        "Is" => CmpOp::Is,
        "IsNot" => CmpOp::IsNot,
        "In" => CmpOp::In,
        "NotIn" => CmpOp::NotIn,
        _ => return fields.error("unknown cmpop"),
    };
    fields.done(op)
}

fn to_expr(value: Value) -> Result<Expr> {
    let mut fields = Fields::open(value)?;
    let name = fields.name.clone();
    let node = match name.as_str() {
        "BoolOp" => Expr::BoolOp(BoolOp {
            op: match fields.simple_class("op")?.as_str() {
                "And" => BoolOperator::And,
                "Or" => BoolOperator::Or,
                _ => return fields.error("unknown boolop"),
            },
            values: fields.exprs("values")?,
            location: fields.location()?,
        }),
        "NamedExpr" => Expr::NamedExpr(NamedExpr {
            target: fields.expr("target")?,
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "BinOp" => Expr::BinOp(BinOp {
            left: fields.expr("left")?,
            op: to_operator(&fields.simple_class("op")?)
                .map_or_else(|| fields.error("unknown operator"), Ok)?,
            right: fields.expr("right")?,
            location: fields.location()?,
        }),
        "UnaryOp" => Expr::UnaryOp(UnaryOp {
            op: match fields.simple_class("op")?.as_str() {
                "Invert" => UnaryOperator::Invert,
                "Not" => UnaryOperator::Not,
                "UAdd" => UnaryOperator::UAdd,
                "USub" => UnaryOperator::USub,
                _ => return fields.error("unknown unaryop"),
            },
            operand: fields.expr("operand")?,
            location: fields.location()?,
        }),
        "Lambda" => Expr::Lambda(Lambda {
            args: Box::new(match fields.take("args") {
                Some(value) => to_arguments(value)?,
                None => Arguments::default(),
            }),
            body: fields.expr("body")?,
            location: fields.location()?,
        }),
        "IfExp" => Expr::IfExp(IfExp {
            test: fields.expr("test")?,
            body: fields.expr("body")?,
            orelse: fields.expr("orelse")?,
            location: fields.location()?,
        }),
        "Dict" => Expr::Dict(Dict {
            keys: fields.optional_exprs("keys")?,
            values: fields.exprs("values")?,
            location: fields.location()?,
        }),
        "Set" => Expr::Set(Set {
            elts: fields.exprs("elts")?,
            location: fields.location()?,
        }),
        "ListComp" => Expr::ListComp(ListComp {
            elt: fields.expr("elt")?,
            generators: fields.list("generators", to_comprehension)?,
            location: fields.location()?,
        }),
        "SetComp" => Expr::SetComp(SetComp {
            elt: fields.expr("elt")?,
            generators: fields.list("generators", to_comprehension)?,
            location: fields.location()?,
        }),
        "DictComp" => Expr::DictComp(DictComp {
            key: fields.expr("key")?,
            value: fields.expr("value")?,
            generators: fields.list("generators", to_comprehension)?,
            location: fields.location()?,
        }),
        "GeneratorExp" => Expr::GeneratorExp(GeneratorExp {
            elt: fields.expr("elt")?,
            generators: fields.list("generators", to_comprehension)?,
            location: fields.location()?,
        }),
        "Await" => Expr::Await(Await {
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "Yield" => Expr::Yield(Yield {
            value: fields.optional_expr("value")?,
            location: fields.location()?,
        }),
        "YieldFrom" => Expr::YieldFrom(YieldFrom {
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "Compare" => Expr::Compare(Compare {
            left: fields.expr("left")?,
            ops: fields.list("ops", to_cmp_op)?,
            comparators: fields.exprs("comparators")?,
            location: fields.location()?,
        }),
        "Call" => Expr::Call(Call {
            func: fields.expr("func")?,
            args: fields.exprs("args")?,
            keywords: fields.list("keywords", to_keyword)?,
            location: fields.location()?,
        }),
        "FormattedValue" => Expr::FormattedValue(FormattedValue {
            value: fields.expr("value")?,
            conversion: fields.int("conversion")?,
            format_spec: fields.optional_expr("format_spec")?,
            location: fields.location()?,
        }),
        "Interpolation" => Expr::Interpolation(Interpolation {
            value: fields.expr("value")?,
            str: fields.string("str")?,
            conversion: fields.int("conversion")?,
            format_spec: fields.optional_expr("format_spec")?,
            location: fields.location()?,
        }),
        "JoinedStr" => Expr::JoinedStr(JoinedStr {
            values: fields.exprs("values")?,
            location: fields.location()?,
        }),
        "TemplateStr" => Expr::TemplateStr(TemplateStr {
            values: fields.exprs("values")?,
            location: fields.location()?,
        }),
        "Constant" => Expr::Constant(Constant {
            value: fields.constant("value")?,
            kind: fields.optional_string("kind")?,
            location: fields.location()?,
        }),
        "Attribute" => Expr::Attribute(Attribute {
            value: fields.expr("value")?,
            attr: fields.string("attr")?,
            ctx: fields.ctx()?,
            location: fields.location()?,
        }),
        "Subscript" => Expr::Subscript(Subscript {
            value: fields.expr("value")?,
            slice: fields.expr("slice")?,
            ctx: fields.ctx()?,
            location: fields.location()?,
        }),
        "Starred" => Expr::Starred(Starred {
            value: fields.expr("value")?,
            ctx: fields.ctx()?,
            location: fields.location()?,
        }),
        "Name" => Expr::Name(Name {
            id: fields.string("id")?,
            ctx: fields.ctx()?,
            location: fields.location()?,
        }),
        "List" => Expr::List(List {
            elts: fields.exprs("elts")?,
            ctx: fields.ctx()?,
            location: fields.location()?,
        }),
        "Tuple" => Expr::Tuple(Tuple {
            elts: fields.exprs("elts")?,
            ctx: fields.ctx()?,
            location: fields.location()?,
        }),
        "Slice" => Expr::Slice(Slice {
            lower: fields.optional_expr("lower")?,
            upper: fields.optional_expr("upper")?,
            step: fields.optional_expr("step")?,
            location: fields.location()?,
        }),
        _ => return fields.error("not an expr node"),
    };
    fields.done(node)
}

fn to_comprehension(value: Value) -> Result<Comprehension> {
    let mut fields = Fields::open(value)?;
    let node = Comprehension {
        target: *fields.expr("target")?,
        iter: *fields.expr("iter")?,
        ifs: fields.exprs("ifs")?,
        is_async: fields.int("is_async")?,
    };
    fields.done(node)
}

fn to_except_handler(value: Value) -> Result<ExceptHandler> {
    let mut fields = Fields::open(value)?;
    let node = ExceptHandler {
        type_: fields.optional_expr("type")?,
        name: fields.optional_string("name")?,
        body: fields.stmts("body")?,
        location: fields.location()?,
    };
    fields.done(node)
}

fn to_arguments(value: Value) -> Result<Arguments> {
    let mut fields = Fields::open(value)?;
    let optional_arg = |fields: &mut Fields, key: &str| -> Result<Option<Box<Arg>>> {
        match fields.take(key) {
            None | Some(Value::Constant(ConstantValue::None)) => Ok(None),
            Some(value) => Ok(Some(Box::new(to_arg(value)?))),
        }
    };
    let node = Arguments {
        posonlyargs: fields.list("posonlyargs", to_arg)?,
        args: fields.list("args", to_arg)?,
        vararg: optional_arg(&mut fields, "vararg")?,
        kwonlyargs: fields.list("kwonlyargs", to_arg)?,
        kw_defaults: fields.optional_exprs("kw_defaults")?,
        kwarg: optional_arg(&mut fields, "kwarg")?,
        defaults: fields.exprs("defaults")?,
    };
    fields.done(node)
}

fn to_arg(value: Value) -> Result<Arg> {
    let mut fields = Fields::open(value)?;
    let node = Arg {
        arg: fields.string("arg")?,
        annotation: fields.optional_expr("annotation")?,
        type_comment: fields.optional_string("type_comment")?,
        location: fields.location()?,
    };
    fields.done(node)
}

fn to_keyword(value: Value) -> Result<Keyword> {
    let mut fields = Fields::open(value)?;
    let node = Keyword {
        arg: fields.optional_string("arg")?,
        value: *fields.expr("value")?,
        location: fields.location()?,
    };
    fields.done(node)
}

fn to_alias(value: Value) -> Result<Alias> {
    let mut fields = Fields::open(value)?;
    let node = Alias {
        name: fields.string("name")?,
        asname: fields.optional_string("asname")?,
        location: fields.location()?,
    };
    fields.done(node)
}

fn to_with_item(value: Value) -> Result<WithItem> {
    let mut fields = Fields::open(value)?;
    let node = WithItem {
        context_expr: *fields.expr("context_expr")?,
        optional_vars: fields.optional_expr("optional_vars")?,
    };
    fields.done(node)
}

fn to_match_case(value: Value) -> Result<MatchCase> {
    let mut fields = Fields::open(value)?;
    let node = MatchCase {
        pattern: match fields.take("pattern") {
            Some(value) => to_pattern(value)?,
            None => return fields.error("missing field pattern"),
        },
        guard: fields.optional_expr("guard")?,
        body: fields.stmts("body")?,
    };
    fields.done(node)
}

fn to_pattern(value: Value) -> Result<Pattern> {
    let mut fields = Fields::open(value)?;
    let name = fields.name.clone();
    let node = match name.as_str() {
        "MatchValue" => Pattern::MatchValue(MatchValue {
            value: fields.expr("value")?,
            location: fields.location()?,
        }),
        "MatchSingleton" => Pattern::MatchSingleton(MatchSingleton {
            value: fields.constant("value")?,
            location: fields.location()?,
        }),
        "MatchSequence" => Pattern::MatchSequence(MatchSequence {
            patterns: fields.patterns("patterns")?,
            location: fields.location()?,
        }),
        "MatchMapping" => Pattern::MatchMapping(MatchMapping {
            keys: fields.exprs("keys")?,
            patterns: fields.patterns("patterns")?,
            rest: fields.optional_string("rest")?,
            location: fields.location()?,
        }),
        "MatchClass" => Pattern::MatchClass(MatchClass {
            cls: fields.expr("cls")?,
            patterns: fields.patterns("patterns")?,
            kwd_attrs: fields.strings("kwd_attrs")?,
            kwd_patterns: fields.patterns("kwd_patterns")?,
            location: fields.location()?,
        }),
        "MatchStar" => Pattern::MatchStar(MatchStar {
            name: fields.optional_string("name")?,
            location: fields.location()?,
        }),
        "MatchAs" => Pattern::MatchAs(MatchAs {
            pattern: match fields.take("pattern") {
                None | Some(Value::Constant(ConstantValue::None)) => None,
                Some(value) => Some(Box::new(to_pattern(value)?)),
            },
            name: fields.optional_string("name")?,
            location: fields.location()?,
        }),
        "MatchOr" => Pattern::MatchOr(MatchOr {
            patterns: fields.patterns("patterns")?,
            location: fields.location()?,
        }),
        _ => return fields.error("not a pattern node"),
    };
    fields.done(node)
}

fn to_type_param(value: Value) -> Result<TypeParam> {
    let mut fields = Fields::open(value)?;
    let name = fields.name.clone();
    let node = match name.as_str() {
        "TypeVar" => TypeParam::TypeVar(TypeVar {
            name: fields.string("name")?,
            bound: fields.optional_expr("bound")?,
            default_value: fields.optional_expr("default_value")?,
            location: fields.location()?,
        }),
        "ParamSpec" => TypeParam::ParamSpec(ParamSpec {
            name: fields.string("name")?,
            default_value: fields.optional_expr("default_value")?,
            location: fields.location()?,
        }),
        "TypeVarTuple" => TypeParam::TypeVarTuple(TypeVarTuple {
            name: fields.string("name")?,
            default_value: fields.optional_expr("default_value")?,
            location: fields.location()?,
        }),
        _ => return fields.error("not a type_param node"),
    };
    fields.done(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every prefix of a real dump (and a few corrupted forms) is rejected without a panic.
    #[test]
    fn malformed_text_gives_errors_not_panics() {
        let text = include_str!("../testdata/oracle_dumps.txt");
        let sample = text
            .lines()
            .find(|line| line.starts_with("Module(body=[Match("))
            .unwrap();
        assert!(read_dump(sample).is_ok());
        for (index, _) in sample.char_indices() {
            let prefix = &sample[..index];
            assert!(
                read_dump(prefix).is_err(),
                "prefix of {index} bytes accepted"
            );
            let _ = read_dump(&format!("{prefix}]{}", &sample[index..]));
            let _ = read_dump(&format!("{prefix}(1+{}", &sample[index..]));
        }
        assert!(read_dump(&"[".repeat(100_000)).is_err());
        // The deepest accepted nesting converts to a tree within a test thread's stack.
        let levels = MAX_DEPTH - 3;
        let deep = format!(
            "Expression(body={}Constant(value=1){})",
            "UnaryOp(op=Not(), operand=".repeat(levels),
            ")".repeat(levels)
        );
        if let Err(error) = read_dump(&deep) {
            panic!("{error}");
        }
        let too_deep = deep.replace(
            "Expression(body=",
            "Expression(body=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=",
        ) + "))";
        assert!(read_dump(&too_deep).is_err());
        assert!(read_expr_dump("Constant(value=(1+2j))").is_ok());
        assert!(read_expr_dump("Constant(value=b'\\xzz')").is_err());
        assert!(read_expr_dump("Constant(value='\\U00110000')").is_err());
    }
}
