//! Expression rules of `Grammar/python.gram` ("EXPRESSIONS" through "FUNCTION CALL
//! ARGUMENTS"): conditional and boolean expressions, comparisons, arithmetic, primaries,
//! atoms, displays, comprehensions, lambdas and call arguments.

use pyrite_ast::*;

use super::helpers::{constant, name, number_value};
use super::{Mark, MemoRule, Parser};
use crate::tokenizer::TokKind;

/// A call's arguments before they are split into `args` and `keywords`.
pub(crate) enum ArgItem {
    Positional(Expr),
    Keyword(Keyword),
}

impl Parser<'_> {
    // expressions: expression (',' expression)+ [','] | expression ',' | expression
    pub(crate) fn expressions(&mut self) -> Option<Expr> {
        let start = self.pos;
        let first = self.expression()?;
        if !self.at(",") {
            return Some(first);
        }
        let mut elts = vec![first];
        while self.at(",") {
            let mark = self.pos;
            self.pos += 1;
            match self.expression() {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        Some(self.tuple_node(elts, ExprContext::Load, start))
    }

    pub(crate) fn tuple_node(&self, elts: Vec<Expr>, ctx: ExprContext, start: Mark) -> Expr {
        Expr::Tuple(Tuple {
            elts,
            ctx,
            location: self.loc(start),
        })
    }

    pub(crate) fn expression(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::Expression, |p| {
            if p.call_invalid_rules {
                p.invalid_expression();
                p.invalid_legacy_expression();
                if p.failed() {
                    return None;
                }
            }
            if let Some((e, _)) = p.if_expression_or_disjunction() {
                return Some(e);
            }
            p.lambdef()
        })
    }

    /// `if_expression | disjunction` with the leading disjunction parsed once (the
    /// second alternative would only fetch it back from the memo table). The flag tells
    /// whether the result is the conditional expression.
    fn if_expression_or_disjunction(&mut self) -> Option<(Expr, bool)> {
        let start = self.pos;
        let body = self.disjunction()?;
        if !self.at("if") {
            return Some((body, false));
        }
        let mark = self.pos;
        self.pos += 1;
        let rest = (|| {
            let test = self.disjunction()?;
            self.eat("else")?;
            let orelse = self.expression()?;
            Some((test, orelse))
        })();
        match rest {
            Some((test, orelse)) => Some((
                Expr::IfExp(IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                    location: self.loc(start),
                }),
                true,
            )),
            None => {
                self.pos = mark;
                Some((body, false))
            }
        }
    }

    pub(crate) fn if_expression(&mut self) -> Option<Expr> {
        let start = self.pos;
        let body = self.disjunction()?;
        self.eat("if")?;
        let test = self.disjunction()?;
        self.eat("else")?;
        let orelse = self.expression()?;
        Some(Expr::IfExp(IfExp {
            test: Box::new(test),
            body: Box::new(body),
            orelse: Box::new(orelse),
            location: self.loc(start),
        }))
    }

    /// `expression_without_invalid`: like `expression` without the invalid rules, and
    /// (as CPython's generated code does) with the invalid rules of everything it calls
    /// switched off too.
    pub(crate) fn expression_without_invalid(&mut self) -> Option<Expr> {
        let saved = self.call_invalid_rules;
        self.call_invalid_rules = false;
        let result = (|| {
            match self.if_expression_or_disjunction() {
                Some((e, true)) => return Some(e),
                Some((e, false)) => return if self.failed() { None } else { Some(e) },
                None if self.failed() => return None,
                None => {}
            }
            self.lambdef()
        })();
        self.call_invalid_rules = saved;
        result
    }

    pub(crate) fn yield_expr(&mut self) -> Option<Expr> {
        let start = self.pos;
        self.eat("yield")?;
        if self.eat("from").is_some() {
            let Some(value) = self.expression() else {
                self.pos = start;
                return None;
            };
            return Some(Expr::YieldFrom(YieldFrom {
                value: Box::new(value),
                location: self.loc(start),
            }));
        }
        let value = self.star_expressions().map(Box::new);
        Some(Expr::Yield(Yield {
            value,
            location: self.loc(start),
        }))
    }

    pub(crate) fn star_expressions(&mut self) -> Option<Expr> {
        let start = self.pos;
        let first = self.star_expression()?;
        if !self.at(",") {
            return Some(first);
        }
        let mut elts = vec![first];
        while self.at(",") {
            let mark = self.pos;
            self.pos += 1;
            match self.star_expression() {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        Some(self.tuple_node(elts, ExprContext::Load, start))
    }

    pub(crate) fn star_expression(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::StarExpression, |p| {
            let start = p.pos;
            if p.eat("*").is_some() {
                if let Some(value) = p.bitwise_or() {
                    return Some(Expr::Starred(Starred {
                        value: Box::new(value),
                        ctx: ExprContext::Load,
                        location: p.loc(start),
                    }));
                }
                p.pos = start;
            }
            p.expression()
        })
    }

    pub(crate) fn star_named_expressions(&mut self) -> Option<Vec<Expr>> {
        let first = self.star_named_expression()?;
        let mut elts = vec![first];
        while self.at(",") {
            let mark = self.pos;
            self.pos += 1;
            match self.star_named_expression() {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        Some(elts)
    }

    pub(crate) fn star_named_expression(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("*").is_some() {
            if let Some(value) = self.bitwise_or() {
                return Some(Expr::Starred(Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
            return None;
        }
        self.named_expression()
    }

    pub(crate) fn assignment_expression(&mut self) -> Option<Expr> {
        let start = self.pos;
        let (id, tok) = self.name_token()?;
        if self.eat(":=").is_none() {
            self.pos = start;
            return None;
        }
        let Some(value) = self.expression() else {
            self.pos = start;
            return None;
        };
        Some(Expr::NamedExpr(NamedExpr {
            target: Box::new(name(id, ExprContext::Store, self.token_location(tok))),
            value: Box::new(value),
            location: self.loc(start),
        }))
    }

    pub(crate) fn named_expression(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some(e) = self.assignment_expression() {
            return Some(e);
        }
        if self.call_invalid_rules {
            self.invalid_named_expression();
            if self.failed() {
                return None;
            }
        }
        let e = self.expression()?;
        if self.at(":=") {
            self.pos = start;
            return None;
        }
        Some(e)
    }

    pub(crate) fn disjunction(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::Disjunction, |p| {
            let start = p.pos;
            let first = p.conjunction()?;
            if !p.at("or") {
                return Some(first);
            }
            let mut values = vec![first];
            while p.at("or") {
                let mark = p.pos;
                p.pos += 1;
                match p.conjunction() {
                    Some(e) => values.push(e),
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            if values.len() == 1 {
                return values.pop();
            }
            Some(Expr::BoolOp(BoolOp {
                op: BoolOperator::Or,
                values,
                location: p.loc(start),
            }))
        })
    }

    pub(crate) fn conjunction(&mut self) -> Option<Expr> {
        self.no_memo(MemoRule::Conjunction, |p| {
            let start = p.pos;
            let first = p.inversion()?;
            if !p.at("and") {
                return Some(first);
            }
            let mut values = vec![first];
            while p.at("and") {
                let mark = p.pos;
                p.pos += 1;
                match p.inversion() {
                    Some(e) => values.push(e),
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            if values.len() == 1 {
                return values.pop();
            }
            Some(Expr::BoolOp(BoolOp {
                op: BoolOperator::And,
                values,
                location: p.loc(start),
            }))
        })
    }

    pub(crate) fn inversion(&mut self) -> Option<Expr> {
        self.no_memo(MemoRule::Inversion, |p| {
            let start = p.pos;
            if p.eat("not").is_some() {
                if let Some(operand) = p.inversion() {
                    return Some(Expr::UnaryOp(UnaryOp {
                        op: UnaryOperator::Not,
                        operand: Box::new(operand),
                        location: p.loc(start),
                    }));
                }
                p.pos = start;
            }
            p.comparison()
        })
    }

    fn comparison(&mut self) -> Option<Expr> {
        let start = self.pos;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let mark = self.pos;
            let op = if self.eat("==").is_some() {
                CmpOp::Eq
            } else if let Some(ne) = self.eat("!=") {
                if self.barry_as_flufl {
                    let span = self.token_span(ne);
                    self.raise_syntax_at(span, "with Barry as BDFL, use '<>' instead of '!='");
                    return None;
                }
                CmpOp::NotEq
            } else if self.barry_as_flufl && self.eat("<>").is_some() {
                CmpOp::NotEq
            } else if self.eat("<=").is_some() {
                CmpOp::LtE
            } else if self.eat("<").is_some() {
                CmpOp::Lt
            } else if self.eat(">=").is_some() {
                CmpOp::GtE
            } else if self.eat(">").is_some() {
                CmpOp::Gt
            } else if self.at("not") {
                self.pos += 1;
                if self.eat("in").is_none() {
                    self.pos = mark;
                    break;
                }
                CmpOp::NotIn
            } else if self.eat("in").is_some() {
                CmpOp::In
            } else if self.eat("is").is_some() {
                if self.eat("not").is_some() {
                    let m2 = self.pos;
                    match self.bitwise_or() {
                        Some(e) => {
                            ops.push(CmpOp::IsNot);
                            comparators.push(e);
                            continue;
                        }
                        None => {
                            self.pos = m2 - 1;
                        }
                    }
                }
                CmpOp::Is
            } else {
                break;
            };
            match self.bitwise_or() {
                Some(e) => {
                    ops.push(op);
                    comparators.push(e);
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Some(left);
        }
        Some(Expr::Compare(Compare {
            left: Box::new(left),
            ops,
            comparators,
            location: self.loc(start),
        }))
    }

    fn binop(&self, left: Expr, op: Operator, right: Expr, start: Mark) -> Expr {
        Expr::BinOp(BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
            location: self.loc(start),
        })
    }

    pub(crate) fn bitwise_or(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::BitwiseOr, |p| {
            let start = p.pos;
            let mut left = p.bitwise_xor()?;
            let mut chain = 0usize;
            loop {
                let mark = p.pos;
                if p.eat("|").is_none() {
                    break;
                }
                match p.bitwise_xor() {
                    Some(right) => {
                        left = p.binop(left, Operator::BitOr, right, start);
                        if p.chain_too_long(&mut chain) {
                            return None;
                        }
                    }
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            Some(left)
        })
    }

    fn bitwise_xor(&mut self) -> Option<Expr> {
        let start = self.pos;
        let mut left = self.bitwise_and()?;
        let mut chain = 0usize;
        loop {
            let mark = self.pos;
            if self.eat("^").is_none() {
                break;
            }
            match self.bitwise_and() {
                Some(right) => {
                    left = self.binop(left, Operator::BitXor, right, start);
                    if self.chain_too_long(&mut chain) {
                        return None;
                    }
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(left)
    }

    fn bitwise_and(&mut self) -> Option<Expr> {
        let start = self.pos;
        let mut left = self.shift_expr()?;
        let mut chain = 0usize;
        loop {
            let mark = self.pos;
            if self.eat("&").is_none() {
                break;
            }
            match self.shift_expr() {
                Some(right) => {
                    left = self.binop(left, Operator::BitAnd, right, start);
                    if self.chain_too_long(&mut chain) {
                        return None;
                    }
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(left)
    }

    fn shift_expr(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_arithmetic();
            if self.failed() {
                return None;
            }
        }
        let mut left = self.sum()?;
        let mut chain = 0usize;
        loop {
            let mark = self.pos;
            let op = if self.eat("<<").is_some() {
                Operator::LShift
            } else if self.eat(">>").is_some() {
                Operator::RShift
            } else {
                break;
            };
            match self.sum() {
                Some(right) => {
                    left = self.binop(left, op, right, start);
                    if self.chain_too_long(&mut chain) {
                        return None;
                    }
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(left)
    }

    pub(crate) fn sum(&mut self) -> Option<Expr> {
        let start = self.pos;
        let mut left = self.term()?;
        let mut chain = 0usize;
        loop {
            let mark = self.pos;
            let op = if self.eat("+").is_some() {
                Operator::Add
            } else if self.eat("-").is_some() {
                Operator::Sub
            } else {
                break;
            };
            match self.term() {
                Some(right) => {
                    left = self.binop(left, op, right, start);
                    if self.chain_too_long(&mut chain) {
                        return None;
                    }
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(left)
    }

    fn term(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_factor();
            if self.failed() {
                return None;
            }
        }
        let mut left = self.factor()?;
        let mut chain = 0usize;
        loop {
            let mark = self.pos;
            let op = if self.eat("*").is_some() {
                Operator::Mult
            } else if self.eat("/").is_some() {
                Operator::Div
            } else if self.eat("//").is_some() {
                Operator::FloorDiv
            } else if self.eat("%").is_some() {
                Operator::Mod
            } else if self.eat("@").is_some() {
                Operator::MatMult
            } else {
                break;
            };
            match self.factor() {
                Some(right) => {
                    left = self.binop(left, op, right, start);
                    if self.chain_too_long(&mut chain) {
                        return None;
                    }
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(left)
    }

    pub(crate) fn factor(&mut self) -> Option<Expr> {
        self.no_memo(MemoRule::Factor, |p| {
            let start = p.pos;
            let op = if p.eat("+").is_some() {
                Some(UnaryOperator::UAdd)
            } else if p.eat("-").is_some() {
                Some(UnaryOperator::USub)
            } else if p.eat("~").is_some() {
                Some(UnaryOperator::Invert)
            } else {
                None
            };
            if let Some(op) = op {
                match p.factor() {
                    Some(operand) => {
                        return Some(Expr::UnaryOp(UnaryOp {
                            op,
                            operand: Box::new(operand),
                            location: p.loc(start),
                        }));
                    }
                    None => {
                        p.pos = start;
                        return None;
                    }
                }
            }
            p.power()
        })
    }

    fn power(&mut self) -> Option<Expr> {
        let start = self.pos;
        let left = self.await_primary()?;
        let mark = self.pos;
        if self.eat("**").is_some() {
            if let Some(right) = self.factor() {
                return Some(self.binop(left, Operator::Pow, right, start));
            }
            self.pos = mark;
        }
        Some(left)
    }

    fn await_primary(&mut self) -> Option<Expr> {
        self.no_memo(MemoRule::AwaitPrimary, |p| {
            let start = p.pos;
            if p.eat("await").is_some() {
                if let Some(value) = p.primary() {
                    return Some(Expr::Await(Await {
                        value: Box::new(value),
                        location: p.loc(start),
                    }));
                }
                p.pos = start;
                return None;
            }
            p.primary()
        })
    }

    pub(crate) fn primary(&mut self) -> Option<Expr> {
        self.no_memo(MemoRule::Primary, |p| {
            let start = p.pos;
            let mut e = p.atom()?;
            let mut chain = 0usize;
            loop {
                let mark = p.pos;
                match p.t_primary_suffix() {
                    Some(suffix) => {
                        let location = p.loc(start);
                        e = suffix.apply(e, location);
                        if p.chain_too_long(&mut chain) {
                            return None;
                        }
                    }
                    None => {
                        if p.failed() {
                            return None;
                        }
                        p.pos = mark;
                        break;
                    }
                }
            }
            Some(e)
        })
    }

    pub(crate) fn slices(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some(s) = self.attempt(|p| p.slice()) {
            if !self.at(",") {
                return Some(s);
            }
            self.pos = start;
        }
        let mut elts = Vec::new();
        loop {
            let mark = self.pos;
            let item = match self.attempt(|p| p.slice()) {
                Some(s) => Some(s),
                None => self.attempt(|p| p.starred_expression()),
            };
            match item {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark;
                    if elts.is_empty() {
                        return None;
                    }
                    break;
                }
            }
            if self.eat(",").is_none() {
                break;
            }
        }
        if elts.is_empty() {
            return None;
        }
        Some(self.tuple_node(elts, ExprContext::Load, start))
    }

    fn slice(&mut self) -> Option<Expr> {
        let start = self.pos;
        let lower = self.attempt(|p| p.expression());
        if self.failed() {
            return None;
        }
        if self.eat(":").is_some() {
            let upper = self.attempt(|p| p.expression());
            let step = if self.eat(":").is_some() {
                self.attempt(|p| p.expression())
            } else {
                None
            };
            return Some(Expr::Slice(Slice {
                lower: lower.map(Box::new),
                upper: upper.map(Box::new),
                step: step.map(Box::new),
                location: self.loc(start),
            }));
        }
        self.pos = start;
        self.named_expression()
    }

    pub(crate) fn atom(&mut self) -> Option<Expr> {
        let start = self.pos;
        let tok = self.peek()?.clone();
        match tok.kind {
            TokKind::Name => {
                let text = self.text(start);
                let value = match text {
                    "True" => Some(ConstantValue::Bool(true)),
                    "False" => Some(ConstantValue::Bool(false)),
                    "None" => Some(ConstantValue::None),
                    _ => None,
                };
                if let Some(value) = value {
                    self.pos += 1;
                    return Some(constant(value, self.loc(start)));
                }
                let (id, index) = self.name_token()?;
                Some(name(id, ExprContext::Load, self.token_location(index)))
            }
            TokKind::String | TokKind::FStringStart | TokKind::TStringStart => self.strings(),
            TokKind::Number => {
                self.pos += 1;
                let value = number_value(self.text(start))?;
                Some(constant(value, self.loc(start)))
            }
            TokKind::Op => match self.text(start) {
                "(" => {
                    if let Some(e) = self.attempt(|p| p.genexp()) {
                        return Some(e);
                    }
                    if let Some(e) = self.attempt(|p| p.tuple()) {
                        return Some(e);
                    }
                    self.group()
                }
                "[" => {
                    if let Some(e) = self.attempt(|p| p.listcomp()) {
                        return Some(e);
                    }
                    self.list()
                }
                "{" => {
                    if let Some(e) = self.attempt(|p| p.dictcomp()) {
                        return Some(e);
                    }
                    if let Some(e) = self.attempt(|p| p.setcomp()) {
                        return Some(e);
                    }
                    if let Some(e) = self.attempt(|p| p.dict()) {
                        return Some(e);
                    }
                    self.set()
                }
                "..." => {
                    self.pos += 1;
                    Some(constant(ConstantValue::Ellipsis, self.loc(start)))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn group(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("(").is_some() {
            let inner = match self.attempt(|p| p.yield_expr()) {
                Some(e) => Some(e),
                None => self.named_expression(),
            };
            if let Some(e) = inner
                && self.eat(")").is_some()
            {
                return Some(e);
            }
            self.pos = start;
        }
        if self.call_invalid_rules {
            self.invalid_group();
        }
        None
    }

    fn tuple(&mut self) -> Option<Expr> {
        let start = self.pos;
        self.eat("(")?;
        let mut elts = Vec::new();
        if !self.at(")") {
            let first = self.star_named_expression()?;
            self.eat(",")?;
            elts.push(first);
            if let Some(rest) = self.attempt(|p| p.star_named_expressions()) {
                elts.extend(rest);
            }
        }
        self.eat(")")?;
        Some(self.tuple_node(elts, ExprContext::Load, start))
    }

    fn list(&mut self) -> Option<Expr> {
        let start = self.pos;
        self.eat("[")?;
        let elts = self
            .attempt(|p| p.star_named_expressions())
            .unwrap_or_default();
        self.eat("]")?;
        Some(Expr::List(List {
            elts,
            ctx: ExprContext::Load,
            location: self.loc(start),
        }))
    }

    fn set(&mut self) -> Option<Expr> {
        let start = self.pos;
        self.eat("{")?;
        let elts = self.star_named_expressions()?;
        self.eat("}")?;
        Some(Expr::Set(Set {
            elts,
            location: self.loc(start),
        }))
    }

    fn dict(&mut self) -> Option<Expr> {
        let start = self.pos;
        self.eat("{")?;
        let pairs = self
            .attempt(|p| p.double_starred_kvpairs())
            .unwrap_or_default();
        if self.failed() {
            return None;
        }
        if self.eat("}").is_none() {
            if self.call_invalid_rules {
                self.pos = start + 1;
                self.invalid_double_starred_kvpairs();
            }
            return None;
        }
        let (keys, values) = pairs.into_iter().unzip();
        Some(Expr::Dict(Dict {
            keys,
            values,
            location: self.loc(start),
        }))
    }

    pub(crate) fn double_starred_kvpairs(&mut self) -> Option<Vec<(Option<Expr>, Expr)>> {
        let mut pairs = vec![self.double_starred_kvpair()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.double_starred_kvpair() {
                Some(pair) => pairs.push(pair),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        Some(pairs)
    }

    pub(crate) fn double_starred_kvpair(&mut self) -> Option<(Option<Expr>, Expr)> {
        let start = self.pos;
        if self.eat("**").is_some() {
            if let Some(value) = self.bitwise_or() {
                return Some((None, value));
            }
            self.pos = start;
            return None;
        }
        let (k, v) = self.kvpair()?;
        Some((Some(k), v))
    }

    pub(crate) fn kvpair(&mut self) -> Option<(Expr, Expr)> {
        let start = self.pos;
        let key = self.expression()?;
        if self.eat(":").is_none() {
            self.pos = start;
            return None;
        }
        let Some(value) = self.expression() else {
            self.pos = start;
            return None;
        };
        Some((key, value))
    }

    pub(crate) fn for_if_clauses(&mut self) -> Option<Vec<Comprehension>> {
        let mut clauses = Vec::new();
        while let Some(c) = self.for_if_clause() {
            clauses.push(c);
        }
        if clauses.is_empty() || self.failed() {
            return None;
        }
        Some(clauses)
    }

    fn for_if_clause(&mut self) -> Option<Comprehension> {
        let start = self.pos;
        let is_async = i32::from(self.eat("async").is_some());
        if self.eat("for").is_some()
            && let Some(target) = self.star_targets()
            && self.eat("in").is_some()
        {
            // The cut after 'in': no other alternative of this rule is tried.
            let Some(iter) = self.disjunction() else {
                self.pos = start;
                return None;
            };
            let mut ifs = Vec::new();
            loop {
                let mark = self.pos;
                if self.eat("if").is_none() {
                    break;
                }
                match self.disjunction() {
                    Some(e) => ifs.push(e),
                    None => {
                        self.pos = mark;
                        break;
                    }
                }
            }
            return Some(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.invalid_for_if_clause();
            self.invalid_for_target();
        }
        None
    }

    fn comprehension_tail(&mut self) -> Option<Vec<Comprehension>> {
        self.for_if_clauses()
    }

    fn listcomp(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("[").is_some()
            && let Some(elt) = self.named_expression()
            && let Some(generators) = self.comprehension_tail()
            && self.eat("]").is_some()
        {
            return Some(Expr::ListComp(ListComp {
                elt: Box::new(elt),
                generators,
                location: self.loc(start),
            }));
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.invalid_comprehension();
        }
        None
    }

    fn setcomp(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("{").is_some()
            && let Some(elt) = self.named_expression()
            && let Some(generators) = self.comprehension_tail()
            && self.eat("}").is_some()
        {
            return Some(Expr::SetComp(SetComp {
                elt: Box::new(elt),
                generators,
                location: self.loc(start),
            }));
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.invalid_comprehension();
        }
        None
    }

    pub(crate) fn genexp(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("(").is_some() {
            let elt = match self.attempt(|p| p.assignment_expression()) {
                Some(e) => Some(e),
                None => self.attempt(|p| {
                    let e = p.expression()?;
                    if p.at(":=") { None } else { Some(e) }
                }),
            };
            if let Some(elt) = elt
                && let Some(generators) = self.comprehension_tail()
                && self.eat(")").is_some()
            {
                return Some(Expr::GeneratorExp(GeneratorExp {
                    elt: Box::new(elt),
                    generators,
                    location: self.loc(start),
                }));
            }
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.invalid_comprehension();
        }
        None
    }

    fn dictcomp(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("{").is_some()
            && let Some((key, value)) = self.kvpair()
            && let Some(generators) = self.comprehension_tail()
            && self.eat("}").is_some()
        {
            return Some(Expr::DictComp(DictComp {
                key: Box::new(key),
                value: Box::new(value),
                generators,
                location: self.loc(start),
            }));
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.invalid_dict_comprehension();
        }
        None
    }

    pub(crate) fn lambdef(&mut self) -> Option<Expr> {
        let start = self.pos;
        self.eat("lambda")?;
        let args = self.attempt(|p| p.lambda_params());
        if self.failed() {
            return None;
        }
        if self.eat(":").is_none() {
            self.pos = start;
            return None;
        }
        let Some(body) = self.expression() else {
            self.pos = start;
            return None;
        };
        Some(Expr::Lambda(Lambda {
            args: Box::new(args.unwrap_or_default()),
            body: Box::new(body),
            location: self.loc(start),
        }))
    }

    // ------------------------------------------------------------------------------
    // Call arguments

    /// `arguments: args [','] &')'`, split into positional arguments and keywords.
    pub(crate) fn arguments(&mut self) -> Option<(Vec<Expr>, Vec<Keyword>)> {
        let start = self.pos;
        let key = (start, MemoRule::Arguments);
        if let Some(cached) = self.memo_args.get(&key) {
            return match cached {
                Some((value, end)) => {
                    self.pos = *end;
                    Some(value.clone())
                }
                None => None,
            };
        }
        let result = self.attempt(|p| {
            let items = p.args()?;
            p.eat(",");
            if !p.at(")") {
                return None;
            }
            Some(split_args(items))
        });
        let result = match result {
            Some(r) => Some(r),
            None => {
                if self.call_invalid_rules && !self.failed() {
                    self.invalid_arguments();
                }
                None
            }
        };
        self.memo_args
            .insert(key, result.as_ref().map(|r| (r.clone(), self.pos)));
        result
    }

    pub(crate) fn args(&mut self) -> Option<Vec<ArgItem>> {
        let mut items = Vec::new();
        // Positional part.
        loop {
            let mark = self.pos;
            let item = self.attempt(|p| p.starred_expression()).or_else(|| {
                self.attempt(|p| {
                    let e = match p.attempt(|p| p.assignment_expression()) {
                        Some(e) => e,
                        None => {
                            let e = p.expression()?;
                            if p.at(":=") {
                                return None;
                            }
                            e
                        }
                    };
                    if p.at("=") {
                        return None;
                    }
                    Some(e)
                })
            });
            if self.failed() {
                return None;
            }
            match item {
                Some(e) => items.push(ArgItem::Positional(e)),
                None => {
                    self.pos = mark;
                    break;
                }
            }
            let comma = self.pos;
            if self.eat(",").is_none() {
                return Some(items);
            }
            let _ = comma;
        }
        if !items.is_empty() {
            // We consumed a trailing ',' after the last positional argument.
            let after_comma = self.pos;
            match self.kwargs() {
                Some(kw) => {
                    items.extend(kw);
                    return Some(items);
                }
                None => {
                    self.pos = after_comma - 1;
                    return Some(items);
                }
            }
        }
        let kw = self.kwargs()?;
        Some(kw)
    }

    pub(crate) fn kwargs_for_invalid(&mut self) -> Option<Vec<ArgItem>> {
        self.kwargs()
    }

    fn kwargs(&mut self) -> Option<Vec<ArgItem>> {
        let mut items = Vec::new();
        // kwarg_or_starred items, then kwarg_or_double_starred items.
        let mut double_phase = false;
        loop {
            let mark = self.pos;
            let item = if double_phase {
                self.kwarg_or_double_starred()
            } else {
                match self.kwarg_or_starred() {
                    Some(i) => Some(i),
                    None => {
                        if self.failed() {
                            return None;
                        }
                        let i = self.kwarg_or_double_starred();
                        if i.is_some() {
                            double_phase = true;
                        }
                        i
                    }
                }
            };
            if self.failed() {
                return None;
            }
            match item {
                Some(i) => items.push(i),
                None => {
                    self.pos = mark;
                    if items.is_empty() {
                        return None;
                    }
                    // Give back the separating comma.
                    self.pos = mark - 1;
                    break;
                }
            }
            if self.eat(",").is_none() {
                break;
            }
        }
        if items.is_empty() { None } else { Some(items) }
    }

    fn kwarg_or_starred(&mut self) -> Option<ArgItem> {
        if self.call_invalid_rules {
            self.invalid_kwarg();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        if let Some((id, _)) = self.name_token() {
            if self.eat("=").is_some()
                && let Some(value) = self.expression()
            {
                return Some(ArgItem::Keyword(Keyword {
                    arg: Some(id),
                    value,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        self.starred_expression().map(ArgItem::Positional)
    }

    fn kwarg_or_double_starred(&mut self) -> Option<ArgItem> {
        if self.call_invalid_rules {
            self.invalid_kwarg();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        if let Some((id, _)) = self.name_token() {
            if self.eat("=").is_some()
                && let Some(value) = self.expression()
            {
                return Some(ArgItem::Keyword(Keyword {
                    arg: Some(id),
                    value,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        if self.eat("**").is_some() {
            if let Some(value) = self.expression() {
                return Some(ArgItem::Keyword(Keyword {
                    arg: None,
                    value,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        None
    }

    pub(crate) fn starred_expression(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_starred_expression_unpacking();
            if self.failed() {
                return None;
            }
        }
        if self.eat("*").is_some() {
            if let Some(value) = self.expression() {
                return Some(Expr::Starred(Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        if self.call_invalid_rules && self.at("*") {
            self.pos += 1;
            self.raise_syntax("Invalid star expression");
        }
        None
    }
}

/// `_PyPegen_collect_call_seqs`: positional arguments and starred expressions go to
/// `args`, keywords and `**` to `keywords`.
pub(crate) fn split_args(items: Vec<ArgItem>) -> (Vec<Expr>, Vec<Keyword>) {
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    for item in items {
        match item {
            ArgItem::Positional(e) => args.push(e),
            ArgItem::Keyword(k) => keywords.push(k),
        }
    }
    (args, keywords)
}
