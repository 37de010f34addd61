//! The `match` statement and its patterns (`Grammar/python.gram`, "Match statement").

use pyrite_ast::*;

use super::Parser;
use super::helpers::{constant, name, number_value};
use crate::tokenizer::TokKind;

impl Parser<'_> {
    pub(crate) fn match_stmt(&mut self) -> Option<Stmt> {
        let start = self.pos;
        if !self.at("match") {
            return None;
        }
        self.pos += 1;
        if let Some(subject) = self.subject_expr()
            && self.eat(":").is_some()
            && self.eat_kind(TokKind::Newline).is_some()
            && self.eat_kind(TokKind::Indent).is_some()
        {
            let mut cases = Vec::new();
            while let Some(c) = self.case_block() {
                cases.push(c);
            }
            if !cases.is_empty() && self.eat_kind(TokKind::Dedent).is_some() {
                return Some(Stmt::Match(Match {
                    subject: Box::new(subject),
                    cases,
                    location: self.loc(start),
                }));
            }
        }
        self.pos = start;
        if self.call_invalid_rules && !self.failed() {
            self.invalid_match_stmt();
        }
        None
    }

    pub(crate) fn subject_expr(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some(first) = self.star_named_expression()
            && self.eat(",").is_some()
        {
            let mut elts = vec![first];
            if let Some(rest) = self.attempt(|p| p.star_named_expressions()) {
                elts.extend(rest);
            }
            return Some(self.tuple_node(elts, ExprContext::Load, start));
        }
        self.pos = start;
        self.named_expression()
    }

    fn case_block(&mut self) -> Option<MatchCase> {
        if self.call_invalid_rules {
            self.invalid_case_block();
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        if !self.at("case") {
            return None;
        }
        self.pos += 1;
        if let Some(pattern) = self.patterns() {
            let guard = self.guard();
            if self.eat(":").is_some()
                && let Some(body) = self.block()
            {
                return Some(MatchCase {
                    pattern,
                    guard: guard.map(Box::new),
                    body,
                });
            }
        }
        self.pos = start;
        None
    }

    pub(crate) fn guard(&mut self) -> Option<Expr> {
        let mark = self.pos;
        self.eat("if")?;
        match self.named_expression() {
            Some(e) => Some(e),
            None => {
                self.pos = mark;
                None
            }
        }
    }

    pub(crate) fn patterns(&mut self) -> Option<Pattern> {
        let start = self.pos;
        if let Some(patterns) = self.attempt(|p| p.open_sequence_pattern()) {
            return Some(Pattern::MatchSequence(MatchSequence {
                patterns,
                location: self.loc(start),
            }));
        }
        self.pattern()
    }

    fn pattern(&mut self) -> Option<Pattern> {
        if let Some(p) = self.attempt(|p| p.as_pattern()) {
            return Some(p);
        }
        if self.failed() {
            return None;
        }
        self.or_pattern()
    }

    fn as_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        let pattern = self.or_pattern()?;
        if self.eat("as").is_some() {
            if let Some(target) = self.pattern_capture_target() {
                return Some(Pattern::MatchAs(MatchAs {
                    pattern: Some(Box::new(pattern)),
                    name: Some(target),
                    location: self.loc(start),
                }));
            }
            if self.call_invalid_rules {
                self.invalid_as_pattern_tail();
            }
        }
        None
    }

    fn or_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        let mut patterns = vec![self.closed_pattern()?];
        loop {
            let mark = self.pos;
            if self.eat("|").is_none() {
                break;
            }
            match self.closed_pattern() {
                Some(p) => patterns.push(p),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if patterns.len() == 1 {
            return patterns.pop();
        }
        Some(Pattern::MatchOr(MatchOr {
            patterns,
            location: self.loc(start),
        }))
    }

    fn closed_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        if let Some(hit) = self.memo_pattern.get(&(start, ())) {
            let (pattern, end) = hit.clone()?;
            self.pos = end;
            return Some(pattern);
        }
        if !self.enter() {
            return None;
        }
        let result = self.closed_pattern_inner();
        self.leave();
        let entry = result.as_ref().map(|pattern| (pattern.clone(), self.pos));
        self.memo_pattern.insert((start, ()), entry);
        result
    }

    fn closed_pattern_inner(&mut self) -> Option<Pattern> {
        let alternatives: [fn(&mut Self) -> Option<Pattern>; 8] = [
            Self::literal_pattern,
            Self::capture_pattern,
            Self::wildcard_pattern,
            Self::value_pattern,
            Self::group_pattern,
            Self::sequence_pattern,
            Self::mapping_pattern,
            Self::class_pattern,
        ];
        for alt in alternatives {
            if let Some(p) = self.attempt(alt) {
                return Some(p);
            }
            if self.failed() {
                return None;
            }
        }
        None
    }

    fn literal_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        if let Some(value) = self.attempt(|p| {
            let v = p.signed_number()?;
            if p.at("+") || p.at("-") {
                None
            } else {
                Some(v)
            }
        }) {
            return Some(self.match_value(value, start));
        }
        if let Some(value) = self.attempt(|p| p.complex_number()) {
            return Some(self.match_value(value, start));
        }
        if self.failed() {
            return None;
        }
        if matches!(
            self.peek_kind(),
            Some(TokKind::String | TokKind::FStringStart | TokKind::TStringStart)
        ) {
            let value = self.strings()?;
            return Some(self.match_value(value, start));
        }
        let singleton = if self.eat("None").is_some() {
            ConstantValue::None
        } else if self.eat("True").is_some() {
            ConstantValue::Bool(true)
        } else if self.eat("False").is_some() {
            ConstantValue::Bool(false)
        } else {
            return None;
        };
        Some(Pattern::MatchSingleton(MatchSingleton {
            value: singleton,
            location: self.loc(start),
        }))
    }

    fn match_value(&self, value: Expr, start: usize) -> Pattern {
        Pattern::MatchValue(MatchValue {
            value: Box::new(value),
            location: self.loc(start),
        })
    }

    fn literal_expr(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some(value) = self.attempt(|p| {
            let v = p.signed_number()?;
            if p.at("+") || p.at("-") {
                None
            } else {
                Some(v)
            }
        }) {
            return Some(value);
        }
        if let Some(value) = self.attempt(|p| p.complex_number()) {
            return Some(value);
        }
        if self.failed() {
            return None;
        }
        if matches!(
            self.peek_kind(),
            Some(TokKind::String | TokKind::FStringStart | TokKind::TStringStart)
        ) {
            return self.strings();
        }
        let value = if self.eat("None").is_some() {
            ConstantValue::None
        } else if self.eat("True").is_some() {
            ConstantValue::Bool(true)
        } else if self.eat("False").is_some() {
            ConstantValue::Bool(false)
        } else {
            return None;
        };
        Some(constant(value, self.loc(start)))
    }

    fn number_token(&mut self) -> Option<Expr> {
        let index = self.eat_kind(TokKind::Number)?;
        let value = number_value(self.text(index))?;
        Some(constant(value, self.token_location(index)))
    }

    fn signed_number(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("-").is_some() {
            let operand = self.number_token()?;
            return Some(Expr::UnaryOp(UnaryOp {
                op: UnaryOperator::USub,
                operand: Box::new(operand),
                location: self.loc(start),
            }));
        }
        self.number_token()
    }

    fn complex_number(&mut self) -> Option<Expr> {
        let start = self.pos;
        let real = if self.eat("-").is_some() {
            let operand = self.real_number()?;
            Expr::UnaryOp(UnaryOp {
                op: UnaryOperator::USub,
                operand: Box::new(operand),
                location: self.loc(start),
            })
        } else {
            self.real_number()?
        };
        let op = if self.eat("+").is_some() {
            Operator::Add
        } else if self.eat("-").is_some() {
            Operator::Sub
        } else {
            return None;
        };
        let imag = self.imaginary_number()?;
        Some(Expr::BinOp(BinOp {
            left: Box::new(real),
            op,
            right: Box::new(imag),
            location: self.loc(start),
        }))
    }

    fn real_number(&mut self) -> Option<Expr> {
        let e = self.number_token()?;
        if let Expr::Constant(c) = &e
            && matches!(c.value, ConstantValue::Complex { .. })
        {
            let loc = c.location;
            self.raise_syntax_at(loc, "real number required in complex literal");
            return None;
        }
        Some(e)
    }

    fn imaginary_number(&mut self) -> Option<Expr> {
        let e = self.number_token()?;
        if let Expr::Constant(c) = &e
            && !matches!(c.value, ConstantValue::Complex { .. })
        {
            let loc = c.location;
            self.raise_syntax_at(loc, "imaginary number required in complex literal");
            return None;
        }
        Some(e)
    }

    fn capture_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        let name = self.pattern_capture_target()?;
        Some(Pattern::MatchAs(MatchAs {
            pattern: None,
            name: Some(name),
            location: self.loc(start),
        }))
    }

    pub(crate) fn pattern_capture_target(&mut self) -> Option<String> {
        let start = self.pos;
        if self.at("_") {
            return None;
        }
        let (n, _) = self.name_token()?;
        if self.at(".") || self.at("(") || self.at("=") {
            self.pos = start;
            return None;
        }
        Some(n)
    }

    fn wildcard_pattern(&mut self) -> Option<Pattern> {
        let start = self.eat("_")?;
        Some(Pattern::MatchAs(MatchAs {
            pattern: None,
            name: None,
            location: self.loc(start),
        }))
    }

    fn value_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        let attr = self.attr()?;
        if self.at(".") || self.at("(") || self.at("=") {
            return None;
        }
        Some(self.match_value(attr, start))
    }

    /// `attr: name_or_attr '.' NAME` (left-recursive: a dotted name of 2+ parts).
    fn attr(&mut self) -> Option<Expr> {
        let start = self.pos;
        let e = self.name_or_attr()?;
        if matches!(e, Expr::Attribute(_)) {
            return Some(e);
        }
        self.pos = start;
        None
    }

    pub(crate) fn name_or_attr_for_invalid(&mut self) -> Option<Expr> {
        self.name_or_attr()
    }

    fn name_or_attr(&mut self) -> Option<Expr> {
        let start = self.pos;
        let (id, tok) = self.name_token()?;
        let mut e = name(id, ExprContext::Load, self.token_location(tok));
        loop {
            let mark = self.pos;
            if self.eat(".").is_none() {
                break;
            }
            match self.name_token() {
                Some((attr, _)) => {
                    e = Expr::Attribute(Attribute {
                        value: Box::new(e),
                        attr,
                        ctx: ExprContext::Load,
                        location: self.loc(start),
                    });
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(e)
    }

    fn group_pattern(&mut self) -> Option<Pattern> {
        self.eat("(")?;
        let p = self.pattern()?;
        self.eat(")")?;
        Some(p)
    }

    fn sequence_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        if self.eat("[").is_some() {
            let patterns = self
                .attempt(|p| p.maybe_sequence_pattern())
                .unwrap_or_default();
            self.eat("]")?;
            return Some(Pattern::MatchSequence(MatchSequence {
                patterns,
                location: self.loc(start),
            }));
        }
        self.eat("(")?;
        let patterns = self
            .attempt(|p| p.open_sequence_pattern())
            .unwrap_or_default();
        self.eat(")")?;
        Some(Pattern::MatchSequence(MatchSequence {
            patterns,
            location: self.loc(start),
        }))
    }

    fn open_sequence_pattern(&mut self) -> Option<Vec<Pattern>> {
        let first = self.maybe_star_pattern()?;
        self.eat(",")?;
        let mut patterns = vec![first];
        if let Some(rest) = self.attempt(|p| p.maybe_sequence_pattern()) {
            patterns.extend(rest);
        }
        Some(patterns)
    }

    fn maybe_sequence_pattern(&mut self) -> Option<Vec<Pattern>> {
        let mut patterns = vec![self.maybe_star_pattern()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.maybe_star_pattern() {
                Some(p) => patterns.push(p),
                None => {
                    self.pos = mark + 1;
                    break;
                }
            }
        }
        Some(patterns)
    }

    fn maybe_star_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        if self.eat("*").is_some() {
            if let Some(n) = self.pattern_capture_target() {
                return Some(Pattern::MatchStar(MatchStar {
                    name: Some(n),
                    location: self.loc(start),
                }));
            }
            if self.eat("_").is_some() {
                return Some(Pattern::MatchStar(MatchStar {
                    name: None,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        self.pattern()
    }

    fn mapping_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        self.eat("{")?;
        if self.eat("}").is_some() {
            return Some(self.mapping(vec![], vec![], None, start));
        }
        let after_brace = self.pos;
        if let Some(rest) = self.double_star_pattern() {
            self.eat(",");
            if self.eat("}").is_some() {
                return Some(self.mapping(vec![], vec![], Some(rest), start));
            }
        }
        self.pos = after_brace;
        if let Some(items) = self.items_pattern() {
            let mark = self.pos;
            if self.eat(",").is_some()
                && let Some(rest) = self.double_star_pattern()
            {
                self.eat(",");
                if self.eat("}").is_some() {
                    let (keys, patterns) = items.into_iter().unzip();
                    return Some(self.mapping(keys, patterns, Some(rest), start));
                }
            }
            self.pos = mark;
            self.eat(",");
            if self.eat("}").is_some() {
                let (keys, patterns) = items.into_iter().unzip();
                return Some(self.mapping(keys, patterns, None, start));
            }
        }
        self.pos = start;
        if self.call_invalid_rules && !self.failed() {
            self.invalid_mapping_pattern();
        }
        None
    }

    fn mapping(
        &self,
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<String>,
        start: usize,
    ) -> Pattern {
        Pattern::MatchMapping(MatchMapping {
            keys,
            patterns,
            rest,
            location: self.loc(start),
        })
    }

    pub(crate) fn items_pattern(&mut self) -> Option<Vec<(Expr, Pattern)>> {
        let mut items = vec![self.key_value_pattern()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.key_value_pattern() {
                Some(kv) => items.push(kv),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(items)
    }

    fn key_value_pattern(&mut self) -> Option<(Expr, Pattern)> {
        let start = self.pos;
        let key = match self.attempt(|p| p.literal_expr()) {
            Some(k) => k,
            None => self.attr()?,
        };
        if self.eat(":").is_none() {
            self.pos = start;
            return None;
        }
        let pattern = self.pattern()?;
        Some((key, pattern))
    }

    pub(crate) fn double_star_pattern(&mut self) -> Option<String> {
        let start = self.pos;
        self.eat("**")?;
        match self.pattern_capture_target() {
            Some(n) => Some(n),
            None => {
                self.pos = start;
                None
            }
        }
    }

    fn class_pattern(&mut self) -> Option<Pattern> {
        let start = self.pos;
        let cls = self.name_or_attr()?;
        self.eat("(")?;
        let after_paren = self.pos;
        let done = |p: &mut Self, patterns, kwd: Vec<(String, Pattern)>| {
            let (kwd_attrs, kwd_patterns) = kwd.into_iter().unzip();
            Pattern::MatchClass(MatchClass {
                cls: Box::new(cls.clone()),
                patterns,
                kwd_attrs,
                kwd_patterns,
                location: p.loc(start),
            })
        };
        if self.eat(")").is_some() {
            return Some(done(self, vec![], vec![]));
        }
        if let Some(positional) = self.attempt(|p| p.positional_patterns()) {
            let mark = self.pos;
            self.eat(",");
            if self.eat(")").is_some() {
                return Some(done(self, positional, vec![]));
            }
            self.pos = mark;
            if self.eat(",").is_some()
                && let Some(keywords) = self.keyword_patterns()
            {
                self.eat(",");
                if self.eat(")").is_some() {
                    return Some(done(self, positional, keywords));
                }
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = after_paren;
        if let Some(keywords) = self.keyword_patterns() {
            self.eat(",");
            if self.eat(")").is_some() {
                return Some(done(self, vec![], keywords));
            }
        }
        self.pos = start;
        if self.call_invalid_rules && !self.failed() {
            self.invalid_class_pattern();
        }
        None
    }

    pub(crate) fn positional_patterns(&mut self) -> Option<Vec<Pattern>> {
        let mut patterns = vec![self.pattern()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.attempt(|p| p.pattern()) {
                Some(p) => patterns.push(p),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(patterns)
    }

    pub(crate) fn keyword_patterns(&mut self) -> Option<Vec<(String, Pattern)>> {
        let mut items = vec![self.keyword_pattern()?];
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            match self.keyword_pattern() {
                Some(kv) => items.push(kv),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(items)
    }

    fn keyword_pattern(&mut self) -> Option<(String, Pattern)> {
        let start = self.pos;
        let (n, _) = self.name_token()?;
        if self.eat("=").is_none() {
            self.pos = start;
            return None;
        }
        match self.pattern() {
            Some(p) => Some((n, p)),
            None => {
                self.pos = start;
                None
            }
        }
    }
}
