//! Statement rules of `Grammar/python.gram` ("STARTING RULES" through "COMPOUND
//! STATEMENTS", except `match`): the start rules, simple statements, imports, blocks,
//! function and class definitions, `if`/`while`/`for`/`with`/`try`, type aliases and
//! type parameters.

use pyrite_ast::*;

use super::helpers::{name, set_context};
use super::{MemoStmtsRule, Parser};
use crate::tokenizer::TokKind;

impl Parser<'_> {
    pub(crate) fn file_rule(&mut self) -> Option<Mod> {
        let body = self.statements().unwrap_or_default();
        if self.failed() {
            return None;
        }
        self.eat_kind(TokKind::EndMarker)?;
        Some(Mod::Module(Module {
            body,
            type_ignores: vec![],
        }))
    }

    pub(crate) fn interactive_rule(&mut self) -> Option<Mod> {
        let body = self.statement_newline()?;
        Some(Mod::Interactive(Interactive { body }))
    }

    pub(crate) fn eval_rule(&mut self) -> Option<Mod> {
        let body = self.expressions()?;
        while self.eat_kind(TokKind::Newline).is_some() {}
        self.eat_kind(TokKind::EndMarker)?;
        Some(Mod::Expression(Expression {
            body: Box::new(body),
        }))
    }

    pub(crate) fn func_type_rule(&mut self) -> Option<Mod> {
        self.eat("(")?;
        let argtypes = self.attempt(|p| p.type_expressions()).unwrap_or_default();
        self.eat(")")?;
        self.eat("->")?;
        let returns = self.expression()?;
        while self.eat_kind(TokKind::Newline).is_some() {}
        self.eat_kind(TokKind::EndMarker)?;
        Some(Mod::FunctionType(FunctionType {
            argtypes,
            returns: Box::new(returns),
        }))
    }

    fn type_expressions(&mut self) -> Option<Vec<Expr>> {
        let mut out = Vec::new();
        loop {
            if self.at("*") || self.at("**") {
                let star = self.eat("*").is_some();
                if !star {
                    self.eat("**");
                }
                out.push(self.expression()?);
                if star && self.eat(",").is_some() {
                    self.eat("**")?;
                    out.push(self.expression()?);
                }
                return Some(out);
            }
            let mark = self.pos;
            match self.expression() {
                Some(e) => out.push(e),
                None => {
                    self.pos = mark;
                    return if out.is_empty() { None } else { Some(out) };
                }
            }
            let mark = self.pos;
            if self.eat(",").is_none() {
                return Some(out);
            }
            if !(self.at("*") || self.at("**") || self.lookahead(|p| p.expression())) {
                self.pos = mark;
                return Some(out);
            }
        }
    }

    fn statement_newline(&mut self) -> Option<Vec<Stmt>> {
        let start = self.pos;
        if let Some(s) = self.compound_stmt() {
            // Source given as a string ends a compound statement with an implicit
            // NEWLINE at the end of input (CPython's string tokenizer in 'single' mode).
            if self.eat_kind(TokKind::Newline).is_some() || self.at_kind(TokKind::EndMarker) {
                return Some(vec![s]);
            }
            self.pos = start;
        }
        if self.failed() {
            return None;
        }
        if let Some(s) = self.simple_stmts() {
            return Some(s);
        }
        if self.eat_kind(TokKind::Newline).is_some() {
            return Some(vec![Stmt::Pass(self.loc(start))]);
        }
        None
    }

    pub(crate) fn statements(&mut self) -> Option<Vec<Stmt>> {
        let mut out = Vec::new();
        loop {
            let mark = self.pos;
            if let Some(s) = self.compound_stmt() {
                out.push(s);
                continue;
            }
            if self.failed() {
                return None;
            }
            self.pos = mark;
            match self.simple_stmts() {
                Some(stmts) => out.extend(stmts),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if self.failed() || out.is_empty() {
            return None;
        }
        Some(out)
    }

    pub(crate) fn simple_stmts(&mut self) -> Option<Vec<Stmt>> {
        let start = self.pos;
        let first = self.simple_stmt()?;
        if !self.at(";") && self.eat_kind(TokKind::Newline).is_some() {
            return Some(vec![first]);
        }
        let mut out = vec![first];
        while self.eat(";").is_some() {
            let mark = self.pos;
            match self.simple_stmt() {
                Some(s) => out.push(s),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if self.eat_kind(TokKind::Newline).is_none() {
            self.pos = start;
            return None;
        }
        Some(out)
    }

    fn simple_stmt(&mut self) -> Option<Stmt> {
        let result = self.memo_stmts(MemoStmtsRule::SimpleStmt, |p| {
            p.simple_stmt_uncached().map(|s| vec![s])
        });
        result.and_then(|mut v| v.pop())
    }

    fn simple_stmt_uncached(&mut self) -> Option<Stmt> {
        let start = self.pos;
        if (self.call_invalid_rules || self.may_be_assignment())
            && let Some(s) = self.attempt(|p| p.assignment())
        {
            return Some(s);
        }
        if self.failed() {
            return None;
        }
        if self.at("type")
            && let Some(s) = self.attempt(|p| p.type_alias())
        {
            return Some(s);
        }
        if self.at("import") || self.at("from") {
            return self.import_stmt();
        }
        if let Some(e) = self.star_expressions() {
            return Some(Stmt::Expr(ExprStmt {
                value: Box::new(e),
                location: self.loc(start),
            }));
        }
        if self.failed() {
            return None;
        }
        self.pos = start;
        let text = match self.peek() {
            Some(t) if t.kind == TokKind::Name => self.text(start),
            _ => return None,
        };
        match text {
            "return" => {
                self.pos += 1;
                let value = self.star_expressions().map(Box::new);
                Some(Stmt::Return(Return {
                    value,
                    location: self.loc(start),
                }))
            }
            "raise" => self.raise_stmt(),
            "pass" => {
                self.pos += 1;
                Some(Stmt::Pass(self.loc(start)))
            }
            "break" => {
                self.pos += 1;
                Some(Stmt::Break(self.loc(start)))
            }
            "continue" => {
                self.pos += 1;
                Some(Stmt::Continue(self.loc(start)))
            }
            "del" => self.del_stmt(),
            "yield" => {
                let e = self.yield_expr()?;
                Some(Stmt::Expr(ExprStmt {
                    value: Box::new(e),
                    location: self.loc(start),
                }))
            }
            "assert" => self.assert_stmt(),
            "global" | "nonlocal" => {
                self.pos += 1;
                let mut names = vec![self.name_token()?.0];
                loop {
                    let mark = self.pos;
                    if self.eat(",").is_none() {
                        break;
                    }
                    match self.name_token() {
                        Some((n, _)) => names.push(n),
                        None => {
                            self.pos = mark;
                            break;
                        }
                    }
                }
                let location = self.loc(start);
                if text == "global" {
                    Some(Stmt::Global(Global { names, location }))
                } else {
                    Some(Stmt::Nonlocal(Nonlocal { names, location }))
                }
            }
            _ => None,
        }
    }

    fn annotated_rhs(&mut self) -> Option<Expr> {
        if self.at("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// Whether the simple statement starting here has, outside brackets, a token that
    /// `assignment` needs (`=`, an augmented `op=`, an annotation's `:`). Without one that
    /// rule cannot match, and the first pass skips it: most statements are calls, which
    /// it would parse in full as targets first. (The error pass always tries it, for the
    /// invalid rules it reaches.)
    fn may_be_assignment(&self) -> bool {
        for t in &self.toks[self.pos.min(self.toks.len())..] {
            match t.kind {
                TokKind::Newline | TokKind::EndMarker => return false,
                TokKind::Op if t.level == 0 => {
                    let text = &self.src[t.start..t.end.max(t.start)];
                    if text == ";" {
                        return false;
                    }
                    if text == ":" || text.ends_with('=') {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    fn assignment(&mut self) -> Option<Stmt> {
        let start = self.pos;
        // NAME ':' expression ['=' annotated_rhs]
        if let Some((id, tok)) = self.name_token() {
            if self.eat(":").is_some()
                && let Some(annotation) = self.expression()
            {
                let value = self.ann_value()?;
                return Some(Stmt::AnnAssign(AnnAssign {
                    target: Box::new(name(id, ExprContext::Store, self.token_location(tok))),
                    annotation: Box::new(annotation),
                    value: value.map(Box::new),
                    simple: 1,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        if self.failed() {
            return None;
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        let target = self
            .attempt(|p| {
                p.eat("(")?;
                let t = p.single_target()?;
                p.eat(")")?;
                Some(t)
            })
            .or_else(|| self.single_subscript_attribute_target());
        if let Some(target) = target {
            if self.eat(":").is_some()
                && let Some(annotation) = self.expression()
            {
                let value = self.ann_value()?;
                return Some(Stmt::AnnAssign(AnnAssign {
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value: value.map(Box::new),
                    simple: 0,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        if self.failed() {
            return None;
        }
        // (star_targets '=')+ (yield_expr | star_expressions) !'='
        let mut targets = Vec::new();
        loop {
            let mark = self.pos;
            match self.star_targets() {
                Some(t) if self.eat("=").is_some() => targets.push(t),
                _ => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if !targets.is_empty() {
            if let Some(value) = self.annotated_rhs()
                && !self.at("=")
            {
                return Some(Stmt::Assign(Assign {
                    targets,
                    value: Box::new(value),
                    type_comment: None,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        if self.failed() {
            return None;
        }
        // single_target augassign ~ (yield_expr | star_expressions)
        if let Some(target) = self.single_target() {
            if let Some(op) = self.augassign() {
                let value = self.annotated_rhs()?;
                return Some(Stmt::AugAssign(AugAssign {
                    target: Box::new(target),
                    op,
                    value: Box::new(value),
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        if self.call_invalid_rules && !self.failed() {
            self.invalid_assignment();
        }
        None
    }

    /// `['=' annotated_rhs]` after an annotation; `None` (outer) on failure after '='.
    fn ann_value(&mut self) -> Option<Option<Expr>> {
        let mark = self.pos;
        if self.eat("=").is_some() {
            match self.annotated_rhs() {
                Some(v) => return Some(Some(v)),
                None => {
                    self.pos = mark;
                }
            }
        }
        Some(None)
    }

    fn augassign(&mut self) -> Option<Operator> {
        let op = match self.peek() {
            Some(t) if t.kind == TokKind::Op => match self.text(self.pos) {
                "+=" => Operator::Add,
                "-=" => Operator::Sub,
                "*=" => Operator::Mult,
                "@=" => Operator::MatMult,
                "/=" => Operator::Div,
                "%=" => Operator::Mod,
                "&=" => Operator::BitAnd,
                "|=" => Operator::BitOr,
                "^=" => Operator::BitXor,
                "<<=" => Operator::LShift,
                ">>=" => Operator::RShift,
                "**=" => Operator::Pow,
                "//=" => Operator::FloorDiv,
                _ => return None,
            },
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    fn raise_stmt(&mut self) -> Option<Stmt> {
        let start = self.pos;
        self.eat("raise")?;
        if let Some(exc) = self.attempt(|p| p.expression()) {
            let mark = self.pos;
            if self.eat("from").is_some() {
                if let Some(cause) = self.expression() {
                    return Some(Stmt::Raise(Raise {
                        exc: Some(Box::new(exc)),
                        cause: Some(Box::new(cause)),
                        location: self.loc(start),
                    }));
                }
                self.pos = mark;
            }
            if self.call_invalid_rules {
                let here = self.pos;
                self.pos = start;
                self.invalid_raise_stmt();
                if self.failed() {
                    return None;
                }
                self.pos = here;
            }
            return Some(Stmt::Raise(Raise {
                exc: Some(Box::new(exc)),
                cause: None,
                location: self.loc(start),
            }));
        }
        if self.call_invalid_rules {
            let here = self.pos;
            self.pos = start;
            self.invalid_raise_stmt();
            if self.failed() {
                return None;
            }
            self.pos = here;
        }
        Some(Stmt::Raise(Raise {
            exc: None,
            cause: None,
            location: self.loc(start),
        }))
    }

    fn del_stmt(&mut self) -> Option<Stmt> {
        let start = self.pos;
        self.eat("del")?;
        if let Some(targets) = self.del_targets()
            && (self.at(";") || self.at_kind(TokKind::Newline))
        {
            return Some(Stmt::Delete(Delete {
                targets,
                location: self.loc(start),
            }));
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.invalid_del_stmt();
        }
        None
    }

    fn assert_stmt(&mut self) -> Option<Stmt> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_assert_stmt();
            if self.failed() {
                return None;
            }
        }
        self.eat("assert")?;
        let test = self.expression()?;
        let mut msg = None;
        let mark = self.pos;
        if self.eat(",").is_some() {
            match self.expression() {
                Some(m) => msg = Some(Box::new(m)),
                None => self.pos = mark,
            }
        }
        Some(Stmt::Assert(Assert {
            test: Box::new(test),
            msg,
            location: self.loc(start),
        }))
    }

    fn import_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_import();
            if self.failed() {
                return None;
            }
        }
        if let Some(s) = self.attempt(|p| p.import_name()) {
            return Some(s);
        }
        self.attempt(|p| p.import_from())
    }

    fn import_name(&mut self) -> Option<Stmt> {
        let start = self.pos;
        self.eat("import")?;
        let names = self.dotted_as_names()?;
        Some(Stmt::Import(Import {
            names,
            location: self.loc(start),
        }))
    }

    fn dotted_as_names(&mut self) -> Option<Vec<Alias>> {
        let mut names = vec![self.dotted_as_name()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.dotted_as_name() {
                Some(a) => names.push(a),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(names)
    }

    fn dotted_as_name(&mut self) -> Option<Alias> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_dotted_as_name();
            if self.failed() {
                return None;
            }
        }
        let name = self.dotted_name()?;
        let asname = self.as_name();
        Some(Alias {
            name,
            asname,
            location: self.loc(start),
        })
    }

    fn as_name(&mut self) -> Option<String> {
        let mark = self.pos;
        if self.eat("as").is_some() {
            if let Some((n, _)) = self.name_token() {
                return Some(n);
            }
            self.pos = mark;
        }
        None
    }

    pub(crate) fn dotted_name(&mut self) -> Option<String> {
        let (mut dotted, _) = self.name_token()?;
        loop {
            let mark = self.pos;
            if self.eat(".").is_none() {
                break;
            }
            match self.name_token() {
                Some((n, _)) => {
                    dotted.push('.');
                    dotted.push_str(&n);
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(dotted)
    }

    fn import_from(&mut self) -> Option<Stmt> {
        let start = self.pos;
        self.eat("from")?;
        let mut level = 0;
        loop {
            if self.eat(".").is_some() {
                level += 1;
            } else if self.eat("...").is_some() {
                level += 3;
            } else {
                break;
            }
        }
        let after_dots = self.pos;
        let mut module = None;
        if let Some(m) = self.dotted_name()
            && self.eat("import").is_some()
        {
            module = Some(m);
        } else {
            self.pos = after_dots;
            if level == 0 {
                return None;
            }
            self.eat("import")?;
        }
        let names = self.import_from_targets()?;
        if level == 0
            && module.as_deref() == Some("__future__")
            && names.iter().any(|a| a.name == "barry_as_FLUFL")
        {
            self.barry_as_flufl = true;
        }
        Some(Stmt::ImportFrom(ImportFrom {
            module,
            names,
            level,
            location: self.loc(start),
        }))
    }

    fn import_from_targets(&mut self) -> Option<Vec<Alias>> {
        let start = self.pos;
        if self.eat("(").is_some() {
            if let Some(names) = self.import_from_as_names() {
                self.eat(",");
                if self.eat(")").is_some() {
                    return Some(names);
                }
            }
            self.pos = start;
        }
        if let Some(names) = self.import_from_as_names() {
            if !self.at(",") {
                return Some(names);
            }
            self.pos = start;
        }
        if self.eat("*").is_some() {
            return Some(vec![Alias {
                name: "*".into(),
                asname: None,
                location: self.loc(start),
            }]);
        }
        if self.call_invalid_rules {
            self.invalid_import_from_targets();
        }
        None
    }

    fn import_from_as_names(&mut self) -> Option<Vec<Alias>> {
        let mut names = vec![self.import_from_as_name()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.import_from_as_name() {
                Some(a) => names.push(a),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(names)
    }

    fn import_from_as_name(&mut self) -> Option<Alias> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_import_from_as_name();
            if self.failed() {
                return None;
            }
        }
        let (name, _) = self.name_token()?;
        let asname = self.as_name();
        Some(Alias {
            name,
            asname,
            location: self.loc(start),
        })
    }

    // ------------------------------------------------------------------------------
    // Compound statements

    fn compound_stmt(&mut self) -> Option<Stmt> {
        let text = match self.peek() {
            Some(t) if matches!(t.kind, TokKind::Name | TokKind::Op) => self.text(self.pos),
            _ => return None,
        };
        let start = self.pos;
        let result = match text {
            "def" | "async" | "@" => {
                let r = self.attempt(|p| p.function_def());
                if r.is_some() || self.failed() {
                    return r;
                }
                if text == "@" {
                    return self.attempt(|p| p.class_def());
                }
                if text == "async" {
                    if let Some(s) = self.attempt(|p| p.with_stmt()) {
                        return Some(s);
                    }
                    if self.failed() {
                        return None;
                    }
                    return self.attempt(|p| p.for_stmt());
                }
                None
            }
            "if" => self.attempt(|p| p.if_stmt()),
            "class" => self.attempt(|p| p.class_def()),
            "with" => self.attempt(|p| p.with_stmt()),
            "for" => self.attempt(|p| p.for_stmt()),
            "try" => self.attempt(|p| p.try_stmt()),
            "while" => self.attempt(|p| p.while_stmt()),
            _ => None,
        };
        if result.is_some() || self.failed() {
            return result;
        }
        self.pos = start;
        self.attempt(|p| p.match_stmt())
    }

    pub(crate) fn block(&mut self) -> Option<Vec<Stmt>> {
        self.memo_stmts(MemoStmtsRule::Block, |p| {
            let start = p.pos;
            if p.eat_kind(TokKind::Newline).is_some()
                && p.eat_kind(TokKind::Indent).is_some()
                && let Some(body) = p.statements()
                && p.eat_kind(TokKind::Dedent).is_some()
            {
                return Some(body);
            }
            p.pos = start;
            if p.failed() {
                return None;
            }
            if let Some(s) = p.simple_stmts() {
                return Some(s);
            }
            if p.call_invalid_rules && !p.failed() {
                p.pos = start;
                if p.eat_kind(TokKind::Newline).is_some() && !p.at_kind(TokKind::Indent) {
                    p.raise_indentation("expected an indented block");
                }
                p.pos = start;
            }
            None
        })
    }

    fn decorators(&mut self) -> Option<Vec<Expr>> {
        let mut out = Vec::new();
        loop {
            let mark = self.pos;
            if self.eat("@").is_none() {
                break;
            }
            match self.named_expression() {
                Some(e) if self.eat_kind(TokKind::Newline).is_some() => out.push(e),
                _ => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if out.is_empty() { None } else { Some(out) }
    }

    fn class_def(&mut self) -> Option<Stmt> {
        let decorators = self.decorators().unwrap_or_default();
        let mut stmt = self.class_def_raw()?;
        if let Stmt::ClassDef(c) = &mut stmt {
            c.decorator_list = decorators;
        }
        Some(stmt)
    }

    fn class_def_raw(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_class_def_raw();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("class")?;
        let (name, _) = self.name_token()?;
        let type_params = self.opt_type_params()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        let mark = self.pos;
        if self.eat("(").is_some() {
            let args = self.arguments();
            if self.eat(")").is_some() {
                if let Some((b, k)) = args {
                    bases = b;
                    keywords = k;
                }
            } else {
                self.pos = mark;
            }
        }
        self.eat(":")?;
        let body = self.block()?;
        Some(Stmt::ClassDef(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list: vec![],
            type_params,
            location: self.loc(start),
        }))
    }

    /// `[type_params]`; `None` when the rule raised an error.
    pub(crate) fn opt_type_params(&mut self) -> Option<Vec<TypeParam>> {
        if self.at("[") {
            if let Some(tp) = self.attempt(|p| p.type_params()) {
                return Some(tp);
            }
            if self.failed() {
                return None;
            }
        }
        Some(vec![])
    }

    fn function_def(&mut self) -> Option<Stmt> {
        let decorators = self.decorators().unwrap_or_default();
        let mut stmt = self.function_def_raw()?;
        match &mut stmt {
            Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) => f.decorator_list = decorators,
            _ => {}
        }
        Some(stmt)
    }

    fn function_def_raw(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_def_raw();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        let is_async = self.eat("async").is_some();
        self.eat("def")?;
        let (name, _) = self.name_token()?;
        let type_params = self.opt_type_params()?;
        self.eat("(")?;
        let args = self.attempt(|p| p.params());
        if self.failed() {
            return None;
        }
        self.eat(")")?;
        let mut returns = None;
        let mark = self.pos;
        if self.eat("->").is_some() {
            match self.expression() {
                Some(e) => returns = Some(Box::new(e)),
                None => self.pos = mark,
            }
        }
        self.eat(":")?;
        let body = self.block()?;
        let def = FunctionDef {
            name,
            args: Box::new(args.unwrap_or_default()),
            body,
            decorator_list: vec![],
            returns,
            type_comment: None,
            type_params,
            location: self.loc(start),
        };
        Some(if is_async {
            Stmt::AsyncFunctionDef(def)
        } else {
            Stmt::FunctionDef(def)
        })
    }

    fn if_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_if_stmt();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("if")?;
        self.if_tail(start)
    }

    /// The part of `if`/`elif` after the keyword.
    fn if_tail(&mut self, start: usize) -> Option<Stmt> {
        let test = self.named_expression()?;
        self.eat(":")?;
        let body = self.block()?;
        let orelse = if self.at("elif") {
            vec![self.elif_stmt()?]
        } else {
            self.opt_else_block()?
        };
        Some(Stmt::If(If {
            test: Box::new(test),
            body,
            orelse,
            location: self.loc(start),
        }))
    }

    fn elif_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_elif_stmt();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("elif")?;
        self.if_tail(start)
    }

    /// `[else_block]`; `None` when an error was raised.
    fn opt_else_block(&mut self) -> Option<Vec<Stmt>> {
        if !self.at("else") {
            return Some(vec![]);
        }
        if self.call_invalid_rules {
            self.invalid_else_stmt();
            if self.failed() {
                return None;
            }
        }
        let mark = self.pos;
        self.pos += 1;
        if self.eat(":").is_none() {
            // `&&':'`: a forced token.
            self.raise_expected(":");
            return None;
        }
        match self.block() {
            Some(b) => Some(b),
            None => {
                self.pos = mark;
                if self.failed() { None } else { Some(vec![]) }
            }
        }
    }

    /// `&&'x'` failing: "expected 'x'" at the next token.
    pub(crate) fn raise_expected(&mut self, what: &str) {
        let pos = self.pos;
        if self.tok_at(pos).is_none() {
            return;
        }
        let span = self.token_span(pos);
        let prev = self.token_span(pos.saturating_sub(1));
        let _ = prev;
        self.raise_syntax_at(span, format!("expected '{what}'"));
    }

    fn while_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_while_stmt();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("while")?;
        let test = self.named_expression()?;
        self.eat(":")?;
        let body = self.block()?;
        let orelse = self.opt_else_block()?;
        Some(Stmt::While(While {
            test: Box::new(test),
            body,
            orelse,
            location: self.loc(start),
        }))
    }

    fn for_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_for_stmt();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        let is_async = self.eat("async").is_some();
        if self.eat("for").is_some()
            && let Some(target) = self.star_targets()
            && self.eat("in").is_some()
        {
            // Cut after 'in'.
            let iter = self.star_expressions()?;
            self.eat(":")?;
            let body = self.block()?;
            let orelse = self.opt_else_block()?;
            let node = For {
                target: Box::new(target),
                iter: Box::new(iter),
                body,
                orelse,
                type_comment: None,
                location: self.loc(start),
            };
            return Some(if is_async {
                Stmt::AsyncFor(node)
            } else {
                Stmt::For(node)
            });
        }
        self.pos = start;
        if self.call_invalid_rules && !self.failed() {
            self.invalid_for_target();
        }
        None
    }

    fn with_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_with_stmt_indent();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        let is_async = self.eat("async").is_some();
        self.eat("with")?;
        let after_with = self.pos;
        // Parenthesized form.
        let items = self.attempt(|p| {
            p.eat("(")?;
            let items = p.with_items()?;
            p.eat(",");
            p.eat(")")?;
            if !p.at(":") {
                return None;
            }
            Some(items)
        });
        let items = match items {
            Some(items) => Some(items),
            None => {
                if self.failed() {
                    return None;
                }
                self.pos = after_with;
                self.with_items()
            }
        };
        if let Some(items) = items
            && self.eat(":").is_some()
            && let Some(body) = self.block()
        {
            let node = With {
                items,
                body,
                type_comment: None,
                location: self.loc(start),
            };
            return Some(if is_async {
                Stmt::AsyncWith(node)
            } else {
                Stmt::With(node)
            });
        }
        self.pos = start;
        if self.call_invalid_rules && !self.failed() {
            self.invalid_with_stmt();
        }
        None
    }

    fn with_items(&mut self) -> Option<Vec<WithItem>> {
        let mut items = vec![self.with_item()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.with_item() {
                Some(i) => items.push(i),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(items)
    }

    fn with_item(&mut self) -> Option<WithItem> {
        let start = self.pos;
        let context_expr = self.expression()?;
        let mark = self.pos;
        if self.eat("as").is_some() {
            if let Some(t) = self.star_target()
                && (self.at(",") || self.at(")") || self.at(":"))
            {
                return Some(WithItem {
                    context_expr,
                    optional_vars: Some(Box::new(t)),
                });
            }
            self.pos = start;
            if self.call_invalid_rules {
                self.invalid_with_item();
                if self.failed() {
                    return None;
                }
            }
            self.pos = mark;
            let _ = self.expression();
            self.pos = mark;
        }
        Some(WithItem {
            context_expr,
            optional_vars: None,
        })
    }

    fn try_stmt(&mut self) -> Option<Stmt> {
        if self.call_invalid_rules {
            self.invalid_try_stmt();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("try")?;
        if self.eat(":").is_none() {
            self.raise_expected(":");
            return None;
        }
        let body = self.block()?;
        let after_body = self.pos;
        if self.at("finally") {
            let finalbody = self.finally_block()?;
            return Some(Stmt::Try(Try {
                body,
                handlers: vec![],
                orelse: vec![],
                finalbody,
                location: self.loc(start),
            }));
        }
        for star in [false, true] {
            self.pos = after_body;
            let mut handlers = Vec::new();
            while let Some(h) = self.except_block(star) {
                handlers.push(h);
            }
            if self.failed() {
                return None;
            }
            if handlers.is_empty() {
                continue;
            }
            let orelse = self.opt_else_block()?;
            let finalbody = if self.at("finally") {
                self.finally_block()?
            } else {
                vec![]
            };
            let node = Try {
                body,
                handlers,
                orelse,
                finalbody,
                location: self.loc(start),
            };
            return Some(if star {
                Stmt::TryStar(node)
            } else {
                Stmt::Try(node)
            });
        }
        None
    }

    fn finally_block(&mut self) -> Option<Vec<Stmt>> {
        if self.call_invalid_rules {
            self.invalid_finally_stmt();
            if self.failed() {
                return None;
            }
        }
        self.eat("finally")?;
        if self.eat(":").is_none() {
            self.raise_expected(":");
            return None;
        }
        self.block()
    }

    pub(crate) fn except_block_for_invalid(&mut self, star: bool) -> bool {
        self.except_block(star).is_some()
    }

    fn except_block(&mut self, star: bool) -> Option<ExceptHandler> {
        if self.call_invalid_rules {
            if star {
                self.invalid_except_star_stmt_indent();
            } else {
                self.invalid_except_stmt_indent();
            }
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("except")?;
        if star && self.eat("*").is_none() {
            self.pos = start;
            return None;
        }
        let after_kw = self.pos;
        // 'except' expression ':' block | 'except' expression 'as' NAME ':' block
        if let Some(type_) = self.expression() {
            let mark = self.pos;
            if self.eat(":").is_some()
                && let Some(body) = self.block()
            {
                return Some(ExceptHandler {
                    type_: Some(Box::new(type_)),
                    name: None,
                    body,
                    location: self.loc(start),
                });
            }
            self.pos = mark;
            if self.failed() {
                return None;
            }
            if self.eat("as").is_some()
                && let Some((n, _)) = self.name_token()
                && self.eat(":").is_some()
                && let Some(body) = self.block()
            {
                return Some(ExceptHandler {
                    type_: Some(Box::new(type_)),
                    name: Some(n),
                    body,
                    location: self.loc(start),
                });
            }
            if self.failed() {
                return None;
            }
            self.pos = after_kw;
            // 'except' expressions ':' block (PEP 758)
            if let Some(type_) = self.expressions()
                && self.eat(":").is_some()
                && let Some(body) = self.block()
            {
                return Some(ExceptHandler {
                    type_: Some(Box::new(type_)),
                    name: None,
                    body,
                    location: self.loc(start),
                });
            }
            if self.failed() {
                return None;
            }
        }
        self.pos = after_kw;
        if !star
            && self.eat(":").is_some()
            && let Some(body) = self.block()
        {
            return Some(ExceptHandler {
                type_: None,
                name: None,
                body,
                location: self.loc(start),
            });
        }
        self.pos = start;
        if self.call_invalid_rules && !self.failed() {
            if star {
                self.invalid_except_star_stmt();
            } else {
                self.invalid_except_stmt();
            }
        }
        None
    }

    // ------------------------------------------------------------------------------
    // Type aliases and type parameters

    fn type_alias(&mut self) -> Option<Stmt> {
        let start = self.pos;
        self.eat("type")?;
        let (id, tok) = self.name_token()?;
        let type_params = self.opt_type_params()?;
        self.eat("=")?;
        let value = self.expression()?;
        Some(Stmt::TypeAlias(TypeAlias {
            name: Box::new(set_context(
                name(id, ExprContext::Load, self.token_location(tok)),
                ExprContext::Store,
            )),
            type_params,
            value: Box::new(value),
            location: self.loc(start),
        }))
    }

    fn type_params(&mut self) -> Option<Vec<TypeParam>> {
        if self.call_invalid_rules {
            let mark = self.pos;
            if self.eat("[").is_some()
                && let Some(close) = self.eat("]")
            {
                let span = self.token_span(close);
                self.raise_starting_from(span, "Type parameter list cannot be empty");
                return None;
            }
            self.pos = mark;
        }
        self.eat("[")?;
        let mut params = vec![self.type_param()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.type_param() {
                Some(tp) => params.push(tp),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        self.eat("]")?;
        Some(params)
    }

    fn type_param(&mut self) -> Option<TypeParam> {
        let start = self.pos;
        if let Some((n, _)) = self.name_token() {
            let mut bound = None;
            let mark = self.pos;
            if self.eat(":").is_some() {
                match self.expression() {
                    Some(e) => bound = Some(Box::new(e)),
                    None => self.pos = mark,
                }
            }
            let default_value = self.type_param_default(false);
            return Some(TypeParam::TypeVar(TypeVar {
                name: n,
                bound,
                default_value,
                location: self.loc(start),
            }));
        }
        if self.failed() {
            return None;
        }
        if self.call_invalid_rules {
            self.invalid_type_param();
            if self.failed() {
                return None;
            }
        }
        if self.eat("*").is_some() {
            let (n, _) = self.name_token()?;
            let default_value = self.type_param_default(true);
            return Some(TypeParam::TypeVarTuple(TypeVarTuple {
                name: n,
                default_value,
                location: self.loc(start),
            }));
        }
        if self.eat("**").is_some() {
            let (n, _) = self.name_token()?;
            let default_value = self.type_param_default(false);
            return Some(TypeParam::ParamSpec(ParamSpec {
                name: n,
                default_value,
                location: self.loc(start),
            }));
        }
        None
    }

    fn type_param_default(&mut self, starred: bool) -> Option<Box<Expr>> {
        let mark = self.pos;
        if self.eat("=").is_some() {
            let e = if starred {
                self.star_expression()
            } else {
                self.expression()
            };
            match e {
                Some(e) => return Some(Box::new(e)),
                None => self.pos = mark,
            }
        }
        None
    }
}
