//! The `invalid_*` rules of `Grammar/python.gram`: tried only in the second pass, after
//! the first pass failed, to raise CPython's targeted `SyntaxError` messages. Each rule
//! either raises (sets `self.error`) or fails; it always restores the position.

use pyrite_ast::*;

use super::helpers::{TargetsType, expr_name, invalid_target};
use super::params::ParamKind;
use super::{MemoRule, Parser};
use crate::error::SyntaxErrorKind;
use crate::tokenizer::TokKind;

const LEGACY_STATEMENTS: &[&str] = &["print", "exec"];

impl Parser<'_> {
    /// Runs an invalid rule body, restoring the position afterwards.
    fn invalid(&mut self, f: impl FnOnce(&mut Self)) {
        if self.failed() {
            return;
        }
        let mark = self.pos;
        f(self);
        self.pos = mark;
    }

    fn raise_invalid_target(&mut self, kind: TargetsType, e: &Expr) {
        // Without an offending part the rule fails and the generic error is reported.
        if let Some(t) = invalid_target(e, kind) {
            let msg = match kind {
                TargetsType::Star | TargetsType::For => {
                    format!("cannot assign to {}", expr_name(t))
                }
                TargetsType::Del => format!("cannot delete {}", expr_name(t)),
            };
            let loc = t.location();
            self.raise_syntax_at(loc, msg);
        }
    }

    pub(crate) fn invalid_expression(&mut self) {
        // STRING (!STRING expression_without_invalid)+ STRING
        self.invalid(|p| {
            if p.eat_kind(TokKind::String).is_none() {
                return;
            }
            let mut parts = Vec::new();
            while !p.at_kind(TokKind::String) {
                match p.expression_without_invalid() {
                    Some(e) => parts.push(e),
                    None => break,
                }
            }
            if p.failed() || parts.is_empty() || !p.at_kind(TokKind::String) {
                return;
            }
            let first = parts[0].location();
            let last = parts[parts.len() - 1].location();
            p.raise_range(
                first,
                last,
                "invalid syntax. Is this intended to be part of the string?",
            );
        });
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        self.invalid(|p| {
            let start = p.pos;
            let name_string = p.lookahead(|p| {
                p.name_token()?;
                // STRING only: f- and t-strings start with their own tokens.
                if p.at_kind(TokKind::String) {
                    Some(())
                } else {
                    None
                }
            });
            let soft = p.at("match") || p.at("case") || p.at("type") || p.at("_");
            if !name_string
                && !soft
                && let Some(a) = p.disjunction()
            {
                let after_a = p.pos;
                if let Some(b) = p.expression_without_invalid() {
                    p.raise_for_missing_comma(&a, &b);
                    if p.failed() {
                        return;
                    }
                }
                p.pos = after_a;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            // a=disjunction 'if' b=disjunction !('else'|':')
            if let Some(a) = p.disjunction()
                && p.eat("if").is_some()
                && let Some(b) = p.disjunction()
            {
                if !p.at("else") && !p.at(":") {
                    p.raise_range(
                        a.location(),
                        b.location(),
                        "expected 'else' after 'if' expression",
                    );
                    return;
                }
                if p.eat("else").is_some() && !p.lookahead(|p| p.expression()) && !p.failed() {
                    p.raise_on_next_token(
                        "expected expression after 'else', but statement is given",
                    );
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            // (pass|break|continue) 'if' disjunction 'else' simple_stmt
            if let Some(kw) = p
                .eat("pass")
                .or_else(|| p.eat("break"))
                .or_else(|| p.eat("continue"))
                && p.eat("if").is_some()
                && p.disjunction().is_some()
                && p.eat("else").is_some()
            {
                let span = p.token_span(kw);
                p.raise_syntax_at(
                    span,
                    "expected expression before 'if', but statement is given",
                );
                return;
            }
            p.pos = start;
            // 'lambda' [lambda_params] ':' &(FSTRING_MIDDLE|TSTRING_MIDDLE)
            if let Some(lam) = p.eat("lambda") {
                let _ = p.attempt(|p| p.lambda_params());
                if let Some(colon) = p.eat(":") {
                    let (lt, ct) = (p.token_span(lam), p.token_span(colon));
                    if p.at_kind(TokKind::FStringMiddle) {
                        p.raise_range(
                            lt,
                            ct,
                            "f-string: lambda expressions are not allowed without parentheses",
                        );
                    } else if p.at_kind(TokKind::TStringMiddle) {
                        p.raise_range(
                            lt,
                            ct,
                            "t-string: lambda expressions are not allowed without parentheses",
                        );
                    }
                }
            }
        });
    }

    /// `_PyPegen_raise_error_for_missing_comma`.
    fn raise_for_missing_comma(&mut self, a: &Expr, b: &Expr) {
        // Only inside brackets.
        if self.pos == 0 || self.toks[self.pos - 1].level == 0 {
            return;
        }
        let (al, bl) = (a.location(), b.location());
        self.raise_range(al, bl, "invalid syntax. Perhaps you forgot a comma?");
    }

    pub(crate) fn invalid_legacy_expression(&mut self) {
        self.invalid(|p| {
            let Some((id, tok)) = p.name_token() else {
                return;
            };
            if p.at("(") {
                return;
            }
            if let Some(b) = p.star_expressions()
                && LEGACY_STATEMENTS.contains(&id.as_str())
            {
                let a = p.token_span(tok);
                p.raise_range(
                    a,
                    b.location(),
                    format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?"),
                );
            }
        });
    }

    pub(crate) fn invalid_named_expression(&mut self) {
        self.memo_failure(MemoRule::InvalidNamedExpression, |p| {
            p.invalid(|p| {
                let start = p.pos;
                if let Some(a) = p.expression()
                    && p.eat(":=").is_some()
                    && p.expression().is_some()
                {
                    let loc = a.location();
                    p.raise_syntax_at(
                        loc,
                        format!("cannot use assignment expressions with {}", expr_name(&a)),
                    );
                    return;
                }
                if p.failed() {
                    return;
                }
                p.pos = start;
                if let Some((_, tok)) = p.name_token()
                    && p.eat("=").is_some()
                    && let Some(b) = p.bitwise_or()
                    && !p.at("=")
                    && !p.at(":=")
                {
                    let a = p.token_span(tok);
                    p.raise_range(
                        a,
                        b.location(),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    );
                    return;
                }
                if p.failed() {
                    return;
                }
                p.pos = start;
                let excluded = p.at("True")
                    || p.at("None")
                    || p.at("False")
                    || p.lookahead(|p| {
                        if p.at("[") || p.at("(") {
                            // list | tuple | genexp
                            let m = p.pos;
                            let r = p.atom().filter(|e| {
                                matches!(e, Expr::List(_) | Expr::Tuple(_) | Expr::GeneratorExp(_))
                            });
                            p.pos = m;
                            r
                        } else {
                            None
                        }
                    });
                if p.failed() || excluded {
                    return;
                }
                if let Some(a) = p.bitwise_or()
                    && p.eat("=").is_some()
                    && p.bitwise_or().is_some()
                    && !p.at("=")
                    && !p.at(":=")
                {
                    let loc = a.location();
                    p.raise_syntax_at(
                        loc,
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(&a)
                        ),
                    );
                }
            });
        });
    }

    pub(crate) fn invalid_arithmetic(&mut self) {
        self.invalid(|p| {
            if p.sum().is_some() {
                let is_op = ["+", "-", "*", "/", "%", "//", "@"]
                    .iter()
                    .any(|op| p.at(op));
                if is_op {
                    p.pos += 1;
                    if let Some(not) = p.eat("not")
                        && let Some(b) = p.inversion()
                    {
                        let a = p.token_span(not);
                        p.raise_range(
                            a,
                            b.location(),
                            "'not' after an operator must be parenthesized",
                        );
                    }
                }
            }
        });
    }

    pub(crate) fn invalid_factor(&mut self) {
        self.invalid(|p| {
            if p.eat("+")
                .or_else(|| p.eat("-"))
                .or_else(|| p.eat("~"))
                .is_some()
                && let Some(not) = p.eat("not")
                && let Some(b) = p.factor()
            {
                let a = p.token_span(not);
                p.raise_range(
                    a,
                    b.location(),
                    "'not' after an operator must be parenthesized",
                );
            }
        });
    }

    pub(crate) fn invalid_group(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if p.eat("(").is_some()
                && let Some(a) = p.starred_expression()
                && p.eat(")").is_some()
            {
                let loc = a.location();
                p.raise_syntax_at(loc, "cannot use starred expression here");
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            if p.eat("(").is_some()
                && let Some(a) = p.eat("**")
                && p.expression().is_some()
                && p.eat(")").is_some()
            {
                let span = p.token_span(a);
                p.raise_syntax_at(span, "cannot use double starred expression here");
            }
        });
    }

    pub(crate) fn invalid_double_starred_kvpairs(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if let Some(_k) = p.expression()
                && let Some(colon) = p.eat(":")
                && (p.at("}") || p.at(","))
            {
                let span = p.token_span(colon);
                p.raise_syntax_at(span, "expression expected after dictionary key and ':'");
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            // ','.double_starred_kvpair+ ',' invalid_kvpair
            if p.double_starred_kvpairs().is_some() {
                let _ = p.eat(",");
                if let Some(a) = p.expression() {
                    if !p.at(":") {
                        let loc = a.location();
                        p.raise_known_location(
                            SyntaxErrorKind::SyntaxError,
                            loc.lineno,
                            loc.end_col_offset,
                            loc.end_lineno,
                            0,
                            "':' expected after dictionary key",
                        );
                        return;
                    }
                    if let Some(colon) = p.eat(":") {
                        if p.at("}") || p.at(",") {
                            let span = p.token_span(colon);
                            p.raise_syntax_at(
                                span,
                                "expression expected after dictionary key and ':'",
                            );
                            return;
                        }
                        if let Some(star) = p.eat("*")
                            && p.bitwise_or().is_some()
                        {
                            let span = p.token_span(star);
                            p.raise_starting_from(
                                span,
                                "cannot use a starred expression in a dictionary value",
                            );
                        }
                    }
                }
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            if p.expression().is_some()
                && p.eat(":").is_some()
                && let Some(star) = p.eat("*")
                && p.bitwise_or().is_some()
            {
                let span = p.token_span(star);
                p.raise_starting_from(
                    span,
                    "cannot use a starred expression in a dictionary value",
                );
            }
        });
    }

    pub(crate) fn invalid_for_if_clause(&mut self) {
        self.invalid(|p| {
            p.eat("async");
            if p.eat("for").is_none() {
                return;
            }
            if p.bitwise_or().is_none() {
                return;
            }
            while p.at(",") {
                let mark = p.pos;
                p.pos += 1;
                if p.bitwise_or().is_none() {
                    p.pos = mark + 1;
                    break;
                }
            }
            if !p.at("in") && !p.failed() {
                p.raise_syntax("'in' expected after for-loop variables");
            }
        });
    }

    pub(crate) fn invalid_for_target(&mut self) {
        self.invalid(|p| {
            p.eat("async");
            if p.eat("for").is_none() {
                return;
            }
            if let Some(a) = p.star_expressions() {
                p.raise_invalid_target(TargetsType::For, &a);
            }
        });
    }

    pub(crate) fn invalid_comprehension(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            let open = p.eat("[").or_else(|| p.eat("(")).or_else(|| p.eat("{"));
            let Some(open) = open else { return };
            let open_text = p.text(open);
            // ('[' | '(' | '{') a=starred_expression for_if_clauses
            if p.at("*")
                && let Some(a) = p.starred_expression()
                && p.for_if_clauses().is_some()
            {
                let loc = a.location();
                p.raise_syntax_at(loc, "iterable unpacking cannot be used in comprehension");
                return;
            }
            if p.failed() || open_text == "(" {
                return;
            }
            p.pos = start + 1;
            if let Some(a) = p.star_named_expression()
                && let Some(comma) = p.eat(",")
            {
                let after = p.pos;
                if let Some(b) = p.star_named_expressions()
                    && p.for_if_clauses().is_some()
                {
                    let last = b.last().map(|e| e.location()).unwrap_or(a.location());
                    p.raise_range(
                        a.location(),
                        last,
                        "did you forget parentheses around the comprehension target?",
                    );
                    return;
                }
                if p.failed() {
                    return;
                }
                p.pos = after;
                if p.for_if_clauses().is_some() {
                    let c = p.token_span(comma);
                    p.raise_range(
                        a.location(),
                        c,
                        "did you forget parentheses around the comprehension target?",
                    );
                }
            }
        });
    }

    pub(crate) fn invalid_dict_comprehension(&mut self) {
        self.invalid(|p| {
            if p.eat("{").is_some()
                && let Some(a) = p.eat("**")
                && p.bitwise_or().is_some()
                && p.for_if_clauses().is_some()
                && p.eat("}").is_some()
            {
                let span = p.token_span(a);
                p.raise_syntax_at(span, "dict unpacking cannot be used in dict comprehension");
            }
        });
    }

    /// One `starred_expression | (assignment_expression | expression !':=') !'='`.
    fn positional_argument(&mut self) -> Option<Expr> {
        let saved = self.pos;
        if let Some(e) = self.attempt(|p| p.starred_expression()) {
            return Some(e);
        }
        if self.failed() {
            return None;
        }
        let e = match self.attempt(|p| p.assignment_expression()) {
            Some(e) => e,
            None => {
                let e = self.expression()?;
                if self.at(":=") {
                    self.pos = saved;
                    return None;
                }
                e
            }
        };
        if self.at("=") {
            self.pos = saved;
            return None;
        }
        Some(e)
    }

    pub(crate) fn invalid_arguments(&mut self) {
        use super::expressions::ArgItem;
        let last_item = |g: &[Comprehension]| {
            g.last()
                .map(|c| c.ifs.last().unwrap_or(&c.iter).location())
                .unwrap_or_default()
        };
        self.invalid(|p| {
            let start = p.pos;
            // ((positional+ ',' kwargs) | kwargs) a=',' ','.(starred_expression !'=')+
            let prefix = p.attempt(|p| {
                let mut n = 0;
                loop {
                    let m = p.pos;
                    if p.positional_argument().is_none() {
                        p.pos = m;
                        break;
                    }
                    n += 1;
                    p.eat(",")?;
                }
                if n == 0 {
                    return None;
                }
                p.kwargs_for_invalid()
            });
            let prefix = prefix.or_else(|| {
                p.pos = start;
                p.kwargs_for_invalid()
            });
            if prefix.is_some()
                && let Some(comma) = p.eat(",")
            {
                let mut n = 0;
                loop {
                    let m = p.pos;
                    match p.starred_expression() {
                        Some(_) if !p.at("=") => n += 1,
                        _ => {
                            p.pos = m;
                            break;
                        }
                    }
                    if !p.at(",") {
                        break;
                    }
                    let m = p.pos;
                    p.pos += 1;
                    if !p.at("*") {
                        p.pos = m;
                        break;
                    }
                }
                if n > 0 {
                    let span = p.token_span(comma);
                    p.raise_starting_from(
                        span,
                        "iterable argument unpacking follows keyword argument unpacking",
                    );
                    return;
                }
            }
            if p.failed() {
                return;
            }
            // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
            p.pos = start;
            if let Some(a) = p.expression()
                && let Some(b) = p.for_if_clauses()
                && p.eat(",").is_some()
            {
                let m = p.pos;
                if p.args().is_none() {
                    p.pos = m;
                    if !(p.expression().is_some() && p.for_if_clauses().is_some()) {
                        p.pos = m;
                    }
                }
                if p.failed() {
                    return;
                }
                p.raise_range(
                    a.location(),
                    last_item(&b),
                    "Generator expression must be parenthesized",
                );
                return;
            }
            if p.failed() {
                return;
            }
            // a=NAME b='=' expression for_if_clauses
            p.pos = start;
            if let Some((_, tok)) = p.name_token()
                && let Some(eq) = p.eat("=")
                && p.expression().is_some()
                && p.for_if_clauses().is_some()
            {
                let (a, b) = (p.token_span(tok), p.token_span(eq));
                p.raise_range(
                    a,
                    b,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                );
                return;
            }
            if p.failed() {
                return;
            }
            // (args ',')? a=NAME b='=' &(',' | ')')
            p.pos = start;
            let m = p.pos;
            if !(p.args().is_some() && p.eat(",").is_some()) {
                p.pos = m;
            }
            if p.failed() {
                return;
            }
            if let Some((_, tok)) = p.name_token()
                && let Some(eq) = p.eat("=")
                && (p.at(",") || p.at(")"))
            {
                let (a, b) = (p.token_span(tok), p.token_span(eq));
                p.raise_range(a, b, "expected argument value expression");
                return;
            }
            if p.failed() {
                return;
            }
            // a=args b=for_if_clauses
            p.pos = start;
            if let Some(items) = p.args()
                && let Some(b) = p.for_if_clauses()
            {
                let positional: Vec<&Expr> = items
                    .iter()
                    .filter_map(|i| match i {
                        ArgItem::Positional(e) => Some(e),
                        ArgItem::Keyword(_) => None,
                    })
                    .collect();
                if positional.len() > 1 {
                    let a = positional[positional.len() - 1].location();
                    p.raise_range(
                        a,
                        last_item(&b),
                        "Generator expression must be parenthesized",
                    );
                }
                return;
            }
            if p.failed() {
                return;
            }
            // args ',' a=expression b=for_if_clauses
            p.pos = start;
            if p.args().is_some() && p.eat(",").is_some() {
                let after = p.pos;
                if let Some(a) = p.expression()
                    && let Some(b) = p.for_if_clauses()
                {
                    p.raise_range(
                        a.location(),
                        last_item(&b),
                        "Generator expression must be parenthesized",
                    );
                    return;
                }
                if p.failed() {
                    return;
                }
                p.pos = after;
            }
            // a=args ',' args
            p.pos = start;
            if let Some(items) = p.args()
                && p.eat(",").is_some()
                && p.args().is_some()
            {
                let unpacking = items
                    .iter()
                    .any(|i| matches!(i, ArgItem::Keyword(k) if k.arg.is_none()));
                p.raise_syntax(if unpacking {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                });
            }
        });
    }

    pub(crate) fn invalid_kwarg(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if let Some(kw) = p
                .eat("True")
                .or_else(|| p.eat("False"))
                .or_else(|| p.eat("None"))
                && let Some(eq) = p.eat("=")
            {
                let text = p.text(kw);
                let (a, b) = (p.token_span(kw), p.token_span(eq));
                p.raise_range(a, b, format!("cannot assign to {text}"));
                return;
            }
            p.pos = start;
            if let Some((_, tok)) = p.name_token()
                && let Some(eq) = p.eat("=")
                && p.expression().is_some()
                && p.for_if_clauses().is_some()
            {
                let (a, b) = (p.token_span(tok), p.token_span(eq));
                p.raise_range(
                    a,
                    b,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                );
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            let name_eq = p.lookahead(|p| {
                p.name_token()?;
                p.eat("=")
            });
            if !name_eq
                && let Some(a) = p.expression()
                && let Some(eq) = p.eat("=")
            {
                let b = p.token_span(eq);
                p.raise_range(
                    a.location(),
                    b,
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                );
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            if let Some(star) = p.eat("**")
                && p.expression().is_some()
                && p.eat("=").is_some()
                && let Some(b) = p.expression()
            {
                let a = p.token_span(star);
                p.raise_range(
                    a,
                    b.location(),
                    "cannot assign to keyword argument unpacking",
                );
            }
        });
    }

    pub(crate) fn invalid_starred_expression_unpacking(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if let Some(star) = p.eat("*") {
                if let Some(b) = p.attempt(|p| p.if_expression()) {
                    let a = p.token_span(star);
                    p.raise_range(a, b.location(), "invalid starred expression. Did you forget to wrap the conditional expression in parentheses?");
                    return;
                }
                p.pos = start + 1;
                if p.expression().is_some()
                    && p.eat("=").is_some()
                    && let Some(b) = p.expression()
                {
                    let a = p.token_span(star);
                    p.raise_range(a, b.location(), "cannot assign to iterable argument unpacking");
                }
            }
        });
    }

    pub(crate) fn invalid_assignment(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            // invalid_ann_assign_target ':' expression
            if let Some(a) = p.invalid_ann_assign_target()
                && p.eat(":").is_some()
                && p.expression().is_some()
            {
                let loc = a.location();
                p.raise_syntax_at(
                    loc,
                    format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&a)
                    ),
                );
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            if let Some(a) = p.star_named_expression()
                && p.eat(",").is_some()
            {
                while p.attempt(|p| p.star_named_expressions()).is_some() {}
                if p.eat(":").is_some() && p.expression().is_some() {
                    let loc = a.location();
                    p.raise_syntax_at(loc, "only single target (not tuple) can be annotated");
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            if let Some(a) = p.expression()
                && p.eat(":").is_some()
                && p.expression().is_some()
            {
                let loc = a.location();
                p.raise_syntax_at(loc, "illegal target for annotation");
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            // (star_targets '=')* a=star_expressions '='
            loop {
                let mark = p.pos;
                if p.star_targets().is_some() && p.eat("=").is_some() {
                    continue;
                }
                p.pos = mark;
                break;
            }
            let after_targets = p.pos;
            if let Some(a) = p.star_expressions()
                && p.eat("=").is_some()
            {
                p.raise_invalid_target(TargetsType::Star, &a);
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = after_targets;
            if let Some(a) = p.yield_expr()
                && p.eat("=").is_some()
            {
                let loc = a.location();
                p.raise_syntax_at(loc, "assignment to yield expression not possible");
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            if let Some(a) = p.star_expressions()
                && p.augassign_peek()
            {
                p.pos += 1;
                let ok = if p.at("yield") {
                    p.yield_expr().is_some()
                } else {
                    p.star_expressions().is_some()
                };
                if ok {
                    let loc = a.location();
                    p.raise_syntax_at(
                        loc,
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&a)
                        ),
                    );
                }
            }
        });
    }

    fn augassign_peek(&mut self) -> bool {
        [
            "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//=",
        ]
        .iter()
        .any(|op| self.at(op))
    }

    fn invalid_ann_assign_target(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.at("(") || self.at("[") {
            if let Some(e) = self.attempt(|p| p.atom())
                && matches!(e, Expr::List(_) | Expr::Tuple(_))
            {
                return Some(e);
            }
            self.pos = start;
            if self.eat("(").is_some()
                && let Some(e) = self.invalid_ann_assign_target()
                && self.eat(")").is_some()
            {
                return Some(e);
            }
        }
        self.pos = start;
        None
    }

    pub(crate) fn invalid_raise_stmt(&mut self) {
        // Not in 3.14\'s grammar.
    }

    pub(crate) fn invalid_del_stmt(&mut self) {
        self.invalid(|p| {
            if p.eat("del").is_some()
                && let Some(a) = p.star_expressions()
            {
                p.raise_invalid_target(TargetsType::Del, &a);
            }
        });
    }

    pub(crate) fn invalid_assert_stmt(&mut self) {
        // Not in 3.14\'s grammar.
    }

    pub(crate) fn invalid_import(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if let Some(import) = p.eat("import") {
                if let Some(nl) = p.eat_kind(TokKind::Newline) {
                    let span = p.token_span(nl);
                    p.raise_starting_from(span, "Expected one or more names after 'import'");
                    return;
                }
                if p.dotted_name().is_some() {
                    while p.at(",") {
                        let m = p.pos;
                        p.pos += 1;
                        if p.dotted_name().is_none() {
                            p.pos = m;
                            break;
                        }
                    }
                    if p.eat("from").is_some() && p.dotted_name().is_some() {
                        let span = p.token_span(import);
                        p.raise_starting_from(
                            span,
                            "Did you mean to use 'from ... import ...' instead?",
                        );
                    }
                }
            }
            p.pos = start;
        });
    }

    pub(crate) fn invalid_dotted_as_name(&mut self) {
        self.invalid(|p| {
            if p.dotted_name().is_some() && p.eat("as").is_some() {
                p.invalid_as_target_tail();
            }
        });
    }

    pub(crate) fn invalid_import_from_as_name(&mut self) {
        self.invalid(|p| {
            if p.name_token().is_some() && p.eat("as").is_some() {
                p.invalid_as_target_tail();
            }
        });
    }

    fn invalid_as_target_tail(&mut self) {
        let ok_name = self.lookahead(|p| {
            p.name_token()?;
            if p.at(",") || p.at(")") || p.at(";") || p.at_kind(TokKind::Newline) {
                Some(())
            } else {
                None
            }
        });
        if ok_name {
            return;
        }
        if let Some(a) = self.expression() {
            let loc = a.location();
            self.raise_syntax_at(
                loc,
                format!("cannot use {} as import target", expr_name(&a)),
            );
        }
    }

    pub(crate) fn invalid_import_from_targets(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if p.attempt(|p| p.import_from_as_names_for_invalid())
                .is_some()
                && p.eat(",").is_some()
                && p.at_kind(TokKind::Newline)
            {
                p.pos += 1;
                p.raise_syntax("trailing comma not allowed without surrounding parentheses");
                return;
            }
            p.pos = start;
            if let Some(nl) = p.eat_kind(TokKind::Newline) {
                let span = p.token_span(nl);
                p.raise_starting_from(span, "Expected one or more names after 'import'");
            }
        });
    }

    fn import_from_as_names_for_invalid(&mut self) -> Option<()> {
        self.name_token()?;
        if self.eat("as").is_some() {
            self.name_token()?;
        }
        loop {
            let mark = self.pos;
            if self.eat(",").is_none() {
                break;
            }
            if self.name_token().is_none() {
                self.pos = mark;
                break;
            }
            if self.eat("as").is_some() {
                self.name_token()?;
            }
        }
        Some(())
    }

    /// `X ... ':' NEWLINE !INDENT` → "expected an indented block after ...".
    fn expect_indented_block(&mut self, what: &str, kw_line: i32) -> bool {
        if self.eat(":").is_some()
            && self.eat_kind(TokKind::Newline).is_some()
            && !self.at_kind(TokKind::Indent)
        {
            if self.failed() {
                return true;
            }
            self.raise_indentation(format!(
                "expected an indented block after {what} on line {kw_line}"
            ));
            return true;
        }
        false
    }

    /// `X ... NEWLINE` → "expected ':'".
    fn expect_colon_newline(&mut self) -> bool {
        if self.at_kind(TokKind::Newline) {
            self.pos += 1;
            self.raise_syntax("expected ':'");
            return true;
        }
        false
    }

    pub(crate) fn invalid_class_def_raw(&mut self) {
        self.invalid(|p| {
            let Some(kw) = p.eat("class") else { return };
            if p.name_token().is_none() {
                return;
            }
            if p.at("[") {
                let _ = p.attempt(|p| p.opt_type_params());
            }
            let mark = p.pos;
            if p.eat("(").is_some() {
                let _ = p.arguments();
                if p.eat(")").is_none() {
                    p.pos = mark;
                }
            }
            if p.failed() || p.expect_colon_newline() {
                return;
            }
            let line = p.toks[kw].lineno;
            p.expect_indented_block("class definition", line);
        });
    }

    pub(crate) fn invalid_def_raw(&mut self) {
        self.invalid(|p| {
            p.eat("async");
            let Some(kw) = p.eat("def") else { return };
            if p.name_token().is_none() {
                return;
            }
            if p.at("[") {
                let _ = p.attempt(|p| p.opt_type_params());
            }
            if p.eat("(").is_none() {
                p.raise_expected("(");
                return;
            }
            let _ = p.attempt(|p| p.params());
            if p.failed() || p.eat(")").is_none() {
                return;
            }
            let mark = p.pos;
            if p.eat("->").is_some() && p.expression().is_none() {
                p.pos = mark;
            }
            if p.failed() {
                return;
            }
            let line = p.toks[kw].lineno;
            let here = p.pos;
            if p.expect_indented_block("function definition", line) {
                return;
            }
            p.pos = here;
            if !p.at(":") {
                p.raise_expected(":");
            }
        });
    }

    fn simple_header(&mut self, kw: &str, what: &str) {
        self.invalid(|p| {
            let Some(k) = p.eat(kw) else { return };
            if p.named_expression().is_none() {
                return;
            }
            if p.expect_colon_newline() {
                return;
            }
            let line = p.toks[k].lineno;
            p.expect_indented_block(what, line);
        });
    }

    pub(crate) fn invalid_if_stmt(&mut self) {
        self.simple_header("if", "'if' statement");
    }

    pub(crate) fn invalid_elif_stmt(&mut self) {
        self.simple_header("elif", "'elif' statement");
    }

    pub(crate) fn invalid_while_stmt(&mut self) {
        self.simple_header("while", "'while' statement");
    }

    pub(crate) fn invalid_else_stmt(&mut self) {
        self.invalid(|p| {
            let Some(k) = p.eat("else") else { return };
            let line = p.toks[k].lineno;
            let here = p.pos;
            if p.expect_indented_block("'else' statement", line) {
                return;
            }
            p.pos = here;
            if p.eat(":").is_some() && p.block().is_some() && p.at("elif") {
                p.raise_syntax("'elif' block follows an 'else' block");
            }
        });
    }

    pub(crate) fn invalid_for_stmt(&mut self) {
        self.invalid(|p| {
            p.eat("async");
            let Some(k) = p.eat("for") else { return };
            if p.star_targets().is_none() || p.eat("in").is_none() || p.star_expressions().is_none()
            {
                return;
            }
            if p.expect_colon_newline() {
                return;
            }
            let line = p.toks[k].lineno;
            p.expect_indented_block("'for' statement", line);
        });
    }

    fn with_items_loose(&mut self, parenthesized: bool) -> bool {
        let mut any = false;
        loop {
            let ok = if parenthesized {
                self.expressions().is_some()
            } else {
                self.expression().is_some()
            };
            if !ok {
                return any;
            }
            any = true;
            let mark = self.pos;
            if self.eat("as").is_some() && self.star_target().is_none() {
                self.pos = mark;
            }
            let mark = self.pos;
            if self.eat(",").is_none() {
                return true;
            }
            if !self.lookahead(|p| {
                if parenthesized {
                    p.expressions()
                } else {
                    p.expression()
                }
            }) {
                self.pos = mark;
                return true;
            }
        }
    }

    pub(crate) fn invalid_with_stmt_indent(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            p.eat("async");
            let Some(k) = p.eat("with") else { return };
            let after = p.pos;
            let line = p.toks[k].lineno;
            if p.with_items_loose(false) && p.expect_indented_block("'with' statement", line) {
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = after;
            if p.eat("(").is_some() && p.with_items_loose(true) {
                p.eat(",");
                if p.eat(")").is_some() {
                    p.expect_indented_block("'with' statement", line);
                }
            }
            let _ = start;
        });
    }

    pub(crate) fn invalid_with_stmt(&mut self) {
        self.invalid(|p| {
            p.eat("async");
            if p.eat("with").is_none() {
                return;
            }
            let after = p.pos;
            if p.with_items_loose(false) && p.expect_colon_newline() {
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = after;
            if p.eat("(").is_some() && p.with_items_loose(true) {
                p.eat(",");
                if p.eat(")").is_some() {
                    p.expect_colon_newline();
                }
            }
        });
    }

    pub(crate) fn invalid_with_item(&mut self) {
        self.invalid(|p| {
            if p.expression().is_some()
                && p.eat("as").is_some()
                && let Some(a) = p.expression()
                && (p.at(",") || p.at(")") || p.at(":"))
            {
                p.raise_invalid_target(TargetsType::Star, &a);
            }
        });
    }

    pub(crate) fn invalid_try_stmt(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            let Some(k) = p.eat("try") else { return };
            let line = p.toks[k].lineno;
            if p.expect_indented_block("'try' statement", line) {
                return;
            }
            p.pos = start + 1;
            if p.eat(":").is_some() && p.block().is_some() && !p.at("except") && !p.at("finally") {
                if !p.failed() {
                    p.raise_syntax("expected 'except' or 'finally' block");
                }
                return;
            }
            if p.failed() {
                return;
            }
            // 'try' ':' block* except_block+ 'except' '*' ... | except_star_block+ 'except' ...
            p.pos = start + 1;
            if p.eat(":").is_none() {
                return;
            }
            while p.block().is_some() {}
            let handlers_start = p.pos;
            for star in [false, true] {
                p.pos = handlers_start;
                let mut n = 0;
                while p.except_block_for_invalid(star) {
                    n += 1;
                }
                if n == 0 || p.failed() {
                    continue;
                }
                let Some(kw) = p.eat("except") else { continue };
                if !star {
                    if let Some(st) = p.eat("*")
                        && p.expression().is_some()
                    {
                        let m = p.pos;
                        if !(p.eat("as").is_some() && p.name_token().is_some()) {
                            p.pos = m;
                        }
                        if p.at(":") {
                            let (a, b) = (p.token_span(kw), p.token_span(st));
                            p.raise_range(
                                a,
                                b,
                                "cannot have both 'except' and 'except*' on the same 'try'",
                            );
                            return;
                        }
                    }
                } else {
                    let m = p.pos;
                    if p.expression().is_some() {
                        let m2 = p.pos;
                        if !(p.eat("as").is_some() && p.name_token().is_some()) {
                            p.pos = m2;
                        }
                    } else {
                        p.pos = m;
                    }
                    if p.at(":") {
                        let a = p.token_span(kw);
                        p.raise_syntax_at(
                            a,
                            "cannot have both 'except' and 'except*' on the same 'try'",
                        );
                        return;
                    }
                }
            }
        });
    }

    pub(crate) fn invalid_finally_stmt(&mut self) {
        self.invalid(|p| {
            let Some(k) = p.eat("finally") else { return };
            let line = p.toks[k].lineno;
            p.expect_indented_block("'finally' statement", line);
        });
    }

    pub(crate) fn invalid_except_stmt_indent(&mut self) {
        self.invalid(|p| {
            let Some(k) = p.eat("except") else { return };
            let line = p.toks[k].lineno;
            let after = p.pos;
            if p.expression().is_some() {
                let m = p.pos;
                if !(p.eat("as").is_some() && p.name_token().is_some()) {
                    p.pos = m;
                }
                if p.expect_indented_block("'except' statement", line) {
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = after;
            p.expect_indented_block("'except' statement", line);
        });
    }

    pub(crate) fn invalid_except_star_stmt_indent(&mut self) {
        self.invalid(|p| {
            let Some(k) = p.eat("except") else { return };
            if p.eat("*").is_none() {
                return;
            }
            let line = p.toks[k].lineno;
            if p.expression().is_some() {
                let m = p.pos;
                if !(p.eat("as").is_some() && p.name_token().is_some()) {
                    p.pos = m;
                }
                p.expect_indented_block("'except*' statement", line);
            }
        });
    }

    pub(crate) fn invalid_except_stmt(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            p.eat("except");
            if let Some(a) = p.expression() {
                let after_a = p.pos;
                if p.eat(",").is_some()
                    && p.expressions().is_some()
                    && p.eat("as").is_some()
                    && p.name_token().is_some()
                    && p.eat(":").is_some()
                {
                    let loc = a.location();
                    p.raise_starting_from(
                        loc,
                        "multiple exception types must be parenthesized when using 'as'",
                    );
                    return;
                }
                if p.failed() {
                    return;
                }
                p.pos = after_a;
                let m = p.pos;
                if !(p.eat("as").is_some() && p.name_token().is_some()) {
                    p.pos = m;
                }
                if p.expect_colon_newline() {
                    return;
                }
                p.pos = after_a;
                if p.eat("as").is_some()
                    && let Some(t) = p.expression()
                    && p.eat(":").is_some()
                    && p.block().is_some()
                {
                    let loc = t.location();
                    p.raise_syntax_at(
                        loc,
                        format!("cannot use except statement with {}", expr_name(&t)),
                    );
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = start + 1;
            p.expect_colon_newline();
        });
    }

    pub(crate) fn invalid_except_star_stmt(&mut self) {
        self.invalid(|p| {
            if p.eat("except").is_none() || p.eat("*").is_none() {
                return;
            }
            let after = p.pos;
            // 'except' '*' a=expression ',' expressions 'as' NAME ':'
            if let Some(a) = p.expression()
                && p.eat(",").is_some()
                && p.expressions().is_some()
                && p.eat("as").is_some()
                && p.name_token().is_some()
                && p.eat(":").is_some()
            {
                let loc = a.location();
                p.raise_starting_from(
                    loc,
                    "multiple exception types must be parenthesized when using 'as'",
                );
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = after;
            if p.expression().is_some() {
                let m = p.pos;
                if !(p.eat("as").is_some() && p.name_token().is_some()) {
                    p.pos = m;
                }
                if p.expect_colon_newline() {
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = after;
            if p.at_kind(TokKind::Newline) || p.at(":") {
                p.pos += 1;
                p.raise_syntax("expected one or more exception types");
                return;
            }
            if p.expression().is_some()
                && p.eat("as").is_some()
                && let Some(t) = p.expression()
                && p.eat(":").is_some()
                && p.block().is_some()
            {
                let loc = t.location();
                p.raise_syntax_at(
                    loc,
                    format!("cannot use except* statement with {}", expr_name(&t)),
                );
            }
        });
    }

    pub(crate) fn invalid_type_param(&mut self) {
        self.invalid(|p| {
            let star = if p.eat("*").is_some() {
                "TypeVarTuple"
            } else if p.eat("**").is_some() {
                "ParamSpec"
            } else {
                return;
            };
            if p.name_token().is_some()
                && let Some(colon) = p.eat(":")
                && let Some(e) = p.expression()
            {
                let span = p.token_span(colon);
                let msg = if matches!(e, Expr::Tuple(_)) {
                    format!("cannot use constraints with {star}")
                } else {
                    format!("cannot use bound with {star}")
                };
                p.raise_starting_from(span, msg);
            }
        });
    }

    pub(crate) fn invalid_match_stmt(&mut self) {
        self.invalid(|p| {
            let start = p.pos;
            if !p.at("match") {
                return;
            }
            let kw = p.pos;
            p.pos += 1;
            if p.subject_expr().is_some() {
                if p.expect_colon_newline() {
                    return;
                }
                let line = p.toks[kw].lineno;
                p.expect_indented_block("'match' statement", line);
            }
            let _ = start;
        });
    }

    pub(crate) fn invalid_case_block(&mut self) {
        self.invalid(|p| {
            if !p.at("case") {
                return;
            }
            let kw = p.pos;
            p.pos += 1;
            if p.patterns().is_some() {
                let m = p.pos;
                if p.guard().is_none() {
                    p.pos = m;
                }
                if p.expect_colon_newline() {
                    return;
                }
                let line = p.toks[kw].lineno;
                p.expect_indented_block("'case' statement", line);
            }
        });
    }

    pub(crate) fn invalid_as_pattern_tail(&mut self) {
        if self.at("_") {
            let span = self.token_span(self.pos);
            self.raise_syntax_at(span, "cannot use '_' as a target");
            return;
        }
        let mark = self.pos;
        if let Some(a) = self.expression() {
            let loc = a.location();
            self.raise_syntax_at(
                loc,
                format!("cannot use {} as pattern target", expr_name(&a)),
            );
        }
        if !self.failed() {
            self.pos = mark;
        }
    }

    pub(crate) fn invalid_class_pattern(&mut self) {
        // name_or_attr '(' [positional_patterns ','] keyword_patterns ',' positional_patterns
        self.invalid(|p| {
            if p.name_or_attr_for_invalid().is_none() || p.eat("(").is_none() {
                return;
            }
            let after = p.pos;
            if !(p.attempt(|p| p.positional_patterns()).is_some() && p.eat(",").is_some()) {
                p.pos = after;
            }
            if p.keyword_patterns().is_some()
                && p.eat(",").is_some()
                && let Some(a) = p.positional_patterns()
            {
                let first = a.first().map(|x| x.location()).unwrap_or_default();
                let last = a.last().map(|x| x.location()).unwrap_or_default();
                p.raise_range(first, last, "positional patterns follow keyword patterns");
            }
        });
    }

    pub(crate) fn invalid_mapping_pattern(&mut self) {
        // Not in 3.14\'s grammar.
    }

    pub(crate) fn invalid_parameters(&mut self, kind: ParamKind) {
        self.invalid(|p| {
            let start = p.pos;
            if let Some(slash) = p.eat("/")
                && p.at(",")
            {
                let span = p.token_span(slash);
                p.raise_syntax_at(span, "at least one argument must precede /");
                return;
            }
            p.pos = start;
            // (slash_no_default | slash_with_default) param_maybe_default* '/'
            if p.attempt(|p| p.slash_no_default(kind))
                .or_else(|| p.attempt(|p| p.slash_with_default(kind).map(|_| vec![])))
                .is_some()
            {
                while p.param_maybe_default(kind).is_some() {}
                if let Some(slash) = p.eat("/") {
                    let span = p.token_span(slash);
                    p.raise_syntax_at(span, "/ may appear only once");
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            // param_no_default* '(' ... ')'
            while p.param_no_default(kind).is_some() {}
            if let Some(open) = p.eat("(") {
                let mut n = 0;
                while p.param(kind).is_some() {
                    n += 1;
                    if p.eat(",").is_none() {
                        break;
                    }
                }
                if n > 0
                    && let Some(rp) = p.eat(")")
                {
                    let (a, b) = (p.token_span(open), p.token_span(rp));
                    let msg = if kind == ParamKind::Def {
                        "Function parameters cannot be parenthesized"
                    } else {
                        "Lambda expression parameters cannot be parenthesized"
                    };
                    p.raise_range(a, b, msg);
                    return;
                }
            }
            p.pos = start;
            // slash_no_default? param_no_default* invalid_parameters_helper param_no_default
            let _ = p.attempt(|p| p.slash_no_default(kind));
            while p.param_no_default(kind).is_some() {}
            let helper = p
                .attempt(|p| p.slash_with_default(kind).map(|_| ()))
                .is_some()
                || {
                    let mut any = false;
                    while p.param_with_default(kind).is_some() {
                        any = true;
                    }
                    any
                };
            if helper && let Some(arg) = p.param_no_default(kind) {
                p.raise_syntax_at(
                    arg.location,
                    "parameter without a default follows parameter with a default",
                );
                return;
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            // ... '*' (',' | param_no_default) param_maybe_default* '/'
            let _ = p
                .attempt(|p| p.slash_no_default(kind))
                .or_else(|| p.attempt(|p| p.slash_with_default(kind).map(|_| vec![])));
            while p.param_maybe_default(kind).is_some() {}
            if p.eat("*").is_some() && (p.eat(",").is_some() || p.param_no_default(kind).is_some())
            {
                while p.param_maybe_default(kind).is_some() {}
                if let Some(slash) = p.eat("/") {
                    let span = p.token_span(slash);
                    p.raise_syntax_at(span, "/ must be ahead of *");
                    return;
                }
            }
            if p.failed() {
                return;
            }
            p.pos = start;
            let mut any = false;
            while p.param_maybe_default(kind).is_some() {
                any = true;
            }
            if any
                && p.eat("/").is_some()
                && let Some(star) = p.eat("*")
            {
                let span = p.token_span(star);
                p.raise_syntax_at(span, "expected comma between / and *");
            }
        });
    }

    pub(crate) fn invalid_star_etc(&mut self, kind: ParamKind) {
        self.invalid(|p| {
            let start = p.pos;
            let close = if kind == ParamKind::Def { ")" } else { ":" };
            if let Some(star) = p.eat("*") {
                let after = p.pos;
                if p.at(close) || (p.eat(",").is_some() && (p.at(close) || p.at("**"))) {
                    if kind == ParamKind::Def {
                        let span = p.token_span(star);
                        p.raise_syntax_at(span, "named arguments must follow bare *");
                    } else {
                        p.pos += 1;
                        p.raise_syntax("named arguments must follow bare *");
                    }
                    return;
                }
                p.pos = after;
                if p.param(kind).is_some()
                    && let Some(eq) = p.eat("=")
                {
                    let span = p.token_span(eq);
                    p.raise_syntax_at(span, "var-positional argument cannot have default value");
                    return;
                }
                p.pos = after;
                if p.param_no_default(kind).is_some() || p.eat(",").is_some() {
                    while p.param_maybe_default(kind).is_some() {}
                    if let Some(star2) = p.eat("*")
                        && (p.param_no_default(kind).is_some() || p.eat(",").is_some())
                    {
                        let span = p.token_span(star2);
                        p.raise_syntax_at(span, "* argument may appear only once");
                        return;
                    }
                }
            }
            p.pos = start;
        });
    }

    pub(crate) fn invalid_kwds(&mut self, kind: ParamKind) {
        self.invalid(|p| {
            if p.eat("**").is_none() || p.param(kind).is_none() {
                return;
            }
            if let Some(eq) = p.eat("=") {
                let span = p.token_span(eq);
                p.raise_syntax_at(span, "var-keyword argument cannot have default value");
                return;
            }
            if p.eat(",").is_none() {
                return;
            }
            let at = p.pos;
            if p.param(kind).is_some() {
                let loc = p.loc(at);
                p.raise_syntax_at(loc, "arguments cannot follow var-keyword argument");
                return;
            }
            if let Some(t) = p.eat("*").or_else(|| p.eat("**")).or_else(|| p.eat("/")) {
                let span = p.token_span(t);
                p.raise_syntax_at(span, "arguments cannot follow var-keyword argument");
            }
        });
    }

    pub(crate) fn invalid_replacement_field(&mut self, template: bool) {
        let what = if template { "t-string" } else { "f-string" };
        self.invalid(|p| {
            if p.eat("{").is_none() {
                return;
            }
            for (tok, name) in [("=", "'='"), ("!", "'!'"), (":", "':'"), ("}", "'}'")] {
                if let Some(t) = p.eat(tok) {
                    let span = p.token_span(t);
                    p.raise_syntax_at(
                        span,
                        format!("{what}: valid expression required before {name}"),
                    );
                    return;
                }
            }
            let after_brace = p.pos;
            let has_expr = if p.at("yield") {
                p.yield_expr().is_some()
            } else {
                p.star_expressions().is_some()
            };
            if p.failed() {
                return;
            }
            if !has_expr {
                p.pos = after_brace;
                p.raise_on_next_token(format!("{what}: expecting a valid expression after '{{'"));
                return;
            }
            if !(p.at("=") || p.at("!") || p.at(":") || p.at("}")) {
                p.raise_on_next_token(format!("{what}: expecting '=', or '!', or ':', or '}}'"));
                return;
            }
            if p.eat("=").is_some() && !(p.at("!") || p.at(":") || p.at("}")) {
                p.raise_on_next_token(format!("{what}: expecting '!', or ':', or '}}'"));
                return;
            }
            if p.eat("!").is_some() {
                if p.at(":") || p.at("}") {
                    p.raise_on_next_token(format!("{what}: missing conversion character"));
                    return;
                }
                if !p.at_kind(TokKind::Name) {
                    p.raise_on_next_token(format!("{what}: invalid conversion character"));
                    return;
                }
                p.pos += 1;
            }
            if !(p.at(":") || p.at("}")) {
                p.raise_on_next_token(format!("{what}: expecting ':' or '}}'"));
                return;
            }
            let after_conversion = p.pos;
            if p.eat(":").is_some() {
                // fstring_format_spec*: FSTRING_MIDDLE tokens and nested fields. (CPython's
                // t-string rule also uses the f-string one, so TSTRING_MIDDLEs stop it.)
                loop {
                    if p.eat_kind(TokKind::FStringMiddle).is_some() {
                        continue;
                    }
                    if p.at("{") {
                        let m = p.pos;
                        if p.replacement_field_for_invalid().is_some() {
                            continue;
                        }
                        if p.failed() {
                            return;
                        }
                        p.pos = m;
                    }
                    break;
                }
                if !p.at("}") {
                    p.raise_on_next_token(format!("{what}: expecting '}}', or format specs"));
                    return;
                }
            }
            p.pos = after_conversion;
            if !p.at("}") {
                p.raise_on_next_token(format!("{what}: expecting '}}'"));
            }
        });
    }
}
