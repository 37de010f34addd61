//! Assignment and deletion target rules of `Grammar/python.gram` ("ASSIGNMENT TARGETS"):
//! `star_targets`, `single_target`, `t_primary` (left-recursive, parsed as a loop) and
//! the `del` targets.

use pyrite_ast::*;

use super::helpers::{name, set_context};
use super::{MemoRule, Parser};

impl Parser<'_> {
    pub(crate) fn star_targets(&mut self) -> Option<Expr> {
        let start = self.pos;
        let first = self.star_target()?;
        if !self.at(",") {
            return Some(first);
        }
        let mut elts = vec![first];
        while self.eat(",").is_some() {
            let mark = self.pos;
            match self.star_target() {
                Some(t) => elts.push(t),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(self.tuple_node(elts, ExprContext::Store, start))
    }

    fn star_targets_list_seq(&mut self) -> Option<Vec<Expr>> {
        let mut elts = vec![self.star_target()?];
        while self.eat(",").is_some() {
            let mark = self.pos;
            match self.star_target() {
                Some(t) => elts.push(t),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(elts)
    }

    fn star_targets_tuple_seq(&mut self) -> Option<Vec<Expr>> {
        let start = self.pos;
        let first = self.star_target()?;
        if self.eat(",").is_none() {
            self.pos = start;
            return None;
        }
        let mut elts = vec![first];
        loop {
            let mark = self.pos;
            match self.star_target() {
                Some(t) => elts.push(t),
                None => {
                    self.pos = mark;
                    break;
                }
            }
            if self.eat(",").is_none() {
                break;
            }
        }
        Some(elts)
    }

    pub(crate) fn star_target(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::StarTarget, |p| {
            let start = p.pos;
            if p.eat("*").is_some() {
                if !p.at("*")
                    && let Some(t) = p.star_target()
                {
                    return Some(Expr::Starred(Starred {
                        value: Box::new(set_context(t, ExprContext::Store)),
                        ctx: ExprContext::Store,
                        location: p.loc(start),
                    }));
                }
                p.pos = start;
                return None;
            }
            p.target_with_star_atom()
        })
    }

    pub(crate) fn target_with_star_atom(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::TargetWithStarAtom, |p| {
            if let Some(t) = p.attempt(|p| p.subscript_attribute_target(ExprContext::Store)) {
                return Some(t);
            }
            p.star_atom()
        })
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`.
    fn subscript_attribute_target(&mut self, ctx: ExprContext) -> Option<Expr> {
        let start = self.pos;
        let value = self.t_primary()?;
        if self.eat(".").is_some() {
            let (attr, _) = self.name_token()?;
            if self.t_lookahead() {
                return None;
            }
            return Some(Expr::Attribute(Attribute {
                value: Box::new(value),
                attr,
                ctx,
                location: self.loc(start),
            }));
        }
        if self.eat("[").is_some() {
            let slice = self.slices()?;
            self.eat("]")?;
            if self.t_lookahead() {
                return None;
            }
            return Some(Expr::Subscript(Subscript {
                value: Box::new(value),
                slice: Box::new(slice),
                ctx,
                location: self.loc(start),
            }));
        }
        None
    }

    fn star_atom(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some((id, tok)) = self.name_token() {
            return Some(name(id, ExprContext::Store, self.token_location(tok)));
        }
        if self.eat("(").is_some() {
            if let Some(t) = self.attempt(|p| {
                let t = p.target_with_star_atom()?;
                p.eat(")")?;
                Some(t)
            }) {
                return Some(set_context(t, ExprContext::Store));
            }
            let elts = self
                .attempt(|p| p.star_targets_tuple_seq())
                .unwrap_or_default();
            if self.eat(")").is_some() {
                return Some(self.tuple_node(elts, ExprContext::Store, start));
            }
            self.pos = start;
            return None;
        }
        if self.eat("[").is_some() {
            let elts = self
                .attempt(|p| p.star_targets_list_seq())
                .unwrap_or_default();
            if self.eat("]").is_some() {
                return Some(Expr::List(List {
                    elts,
                    ctx: ExprContext::Store,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        None
    }

    pub(crate) fn single_target(&mut self) -> Option<Expr> {
        if let Some(t) = self.attempt(|p| p.subscript_attribute_target(ExprContext::Store)) {
            return Some(t);
        }
        if let Some((id, tok)) = self.name_token() {
            return Some(name(id, ExprContext::Store, self.token_location(tok)));
        }
        let start = self.pos;
        if self.eat("(").is_some() {
            if let Some(t) = self.single_target()
                && self.eat(")").is_some()
            {
                return Some(t);
            }
            self.pos = start;
        }
        None
    }

    pub(crate) fn single_subscript_attribute_target(&mut self) -> Option<Expr> {
        self.attempt(|p| p.subscript_attribute_target(ExprContext::Store))
    }

    pub(crate) fn t_lookahead(&mut self) -> bool {
        self.at("(") || self.at("[") || self.at(".")
    }

    pub(crate) fn t_primary(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::TPrimary, |p| {
            let start = p.pos;
            let mut e = p.atom()?;
            if !p.t_lookahead() {
                return None;
            }
            loop {
                let mark = p.pos;
                let extended = p.attempt(|p| {
                    if p.eat(".").is_some() {
                        let (attr, _) = p.name_token()?;
                        return Some(Expr::Attribute(Attribute {
                            value: Box::new(e.clone()),
                            attr,
                            ctx: ExprContext::Load,
                            location: p.loc(start),
                        }));
                    }
                    if p.at("[") {
                        p.pos += 1;
                        let slice = p.slices()?;
                        p.eat("]")?;
                        return Some(Expr::Subscript(Subscript {
                            value: Box::new(e.clone()),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                            location: p.loc(start),
                        }));
                    }
                    if p.at("(") {
                        if let Some(g) = p.attempt(|p| p.genexp()) {
                            return Some(Expr::Call(Call {
                                func: Box::new(e.clone()),
                                args: vec![g],
                                keywords: vec![],
                                location: p.loc(start),
                            }));
                        }
                        p.pos += 1;
                        let (args, keywords) = p.arguments().unwrap_or_default();
                        p.eat(")")?;
                        return Some(Expr::Call(Call {
                            func: Box::new(e.clone()),
                            args,
                            keywords,
                            location: p.loc(start),
                        }));
                    }
                    None
                });
                match extended {
                    Some(next) if p.t_lookahead() => e = next,
                    _ => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            Some(e)
        })
    }

    pub(crate) fn del_targets(&mut self) -> Option<Vec<Expr>> {
        let mut elts = vec![self.del_target()?];
        while self.eat(",").is_some() {
            let mark = self.pos;
            match self.del_target() {
                Some(t) => elts.push(t),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Some(elts)
    }

    fn del_target(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::DelTarget, |p| {
            if let Some(t) = p.attempt(|p| p.subscript_attribute_target(ExprContext::Del)) {
                return Some(t);
            }
            p.del_t_atom()
        })
    }

    fn del_t_atom(&mut self) -> Option<Expr> {
        let start = self.pos;
        if let Some((id, tok)) = self.name_token() {
            return Some(name(id, ExprContext::Del, self.token_location(tok)));
        }
        if self.eat("(").is_some() {
            if let Some(t) = self.attempt(|p| {
                let t = p.del_target()?;
                p.eat(")")?;
                Some(t)
            }) {
                return Some(set_context(t, ExprContext::Del));
            }
            let elts = self.attempt(|p| p.del_targets()).unwrap_or_default();
            if self.eat(")").is_some() {
                return Some(self.tuple_node(elts, ExprContext::Del, start));
            }
            self.pos = start;
            return None;
        }
        if self.eat("[").is_some() {
            let elts = self.attempt(|p| p.del_targets()).unwrap_or_default();
            if self.eat("]").is_some() {
                return Some(Expr::List(List {
                    elts,
                    ctx: ExprContext::Del,
                    location: self.loc(start),
                }));
            }
            self.pos = start;
        }
        None
    }
}
