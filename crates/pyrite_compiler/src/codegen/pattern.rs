//! Structural pattern matching (PEP 634).
//!
//! CPython counterpart: `codegen_match` and the `codegen_pattern_*` functions of
//! `Python/codegen.c`. Every pattern routine consumes the subject on top of the stack and
//! jumps to a "fail pop" block on failure; `on_top` counts the items above the captured
//! names that a failure must pop.

use pyrite_ast::{self as ast, CmpOp, ConstantValue, Expr, ExprContext, Pattern};
use pyrite_bytecode::{Constant, Opcode};

use super::{CgResult, Compiler, loc};
use crate::instruction_sequence::{self as seq, Label, NO_LOCATION, Op, SourceLocation};

#[derive(Default, Clone)]
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

fn constant_repr(value: &ConstantValue) -> String {
    value.repr()
}

/// The constant a match value or mapping key folds to before code generation (CPython's
/// AST preprocessing folds `-1`, `1+2j` and `-1-2j` there).
fn folded_match_constant(e: &Expr) -> Option<ConstantValue> {
    fn negate(value: &ConstantValue) -> Option<ConstantValue> {
        Some(match value {
            ConstantValue::Int(n) => ConstantValue::Int(-n.clone()),
            ConstantValue::Float(f) => ConstantValue::Float(-f),
            ConstantValue::Complex { real, imag } => ConstantValue::Complex {
                real: -real,
                imag: -imag,
            },
            _ => return None,
        })
    }
    fn number(e: &Expr) -> Option<ConstantValue> {
        match e {
            Expr::Constant(c) => match &c.value {
                v @ (ConstantValue::Int(_)
                | ConstantValue::Float(_)
                | ConstantValue::Complex { .. }) => Some(v.clone()),
                _ => None,
            },
            Expr::UnaryOp(u) if u.op == ast::UnaryOperator::USub => negate(&number(&u.operand)?),
            _ => None,
        }
    }
    fn as_f64(value: &ConstantValue) -> Option<f64> {
        match value {
            ConstantValue::Int(n) => n.to_string().parse().ok(),
            ConstantValue::Float(f) => Some(*f),
            _ => None,
        }
    }
    match e {
        Expr::UnaryOp(u) if u.op == ast::UnaryOperator::USub => {
            number(e).filter(|_| matches!(&*u.operand, Expr::Constant(_)))
        }
        Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
            let left = number(&b.left)?;
            let Expr::Constant(right) = &*b.right else {
                return None;
            };
            let ConstantValue::Complex { real: rr, imag } = right.value else {
                return None;
            };
            let real = as_f64(&left)?;
            let (real, imag) = if b.op == ast::Operator::Add {
                (real + rr, imag)
            } else {
                (real - rr, -imag)
            };
            Some(ConstantValue::Complex { real, imag })
        }
        _ => None,
    }
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn match_stmt(&mut self, node: &'a ast::Match) -> CgResult {
        self.visit_expr(&node.subject)?;
        let end = self.new_label();
        let cases = node.cases.len();
        let last = &node.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let mut pc = PatternContext::default();
        for (i, case) in node.cases[..cases - usize::from(has_default)]
            .iter()
            .enumerate()
        {
            let pl = loc(case.pattern.location());
            let not_last = i != cases - usize::from(has_default) - 1;
            if not_last {
                self.emit(Opcode::COPY, 1, pl);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, ExprContext::Store, pl)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(pl, guard, target, false)?;
            }
            if not_last {
                self.emit_noarg(Opcode::POP_TOP, seq::NEXT_LOCATION);
            }
            self.visit_stmts(&case.body)?;
            self.jump(seq::JUMP, end, NO_LOCATION);
            self.emit_and_reset_fail_pop(pl, &mut pc);
        }
        if has_default {
            let pl = loc(last.pattern.location());
            if cases == 1 {
                self.emit_noarg(Opcode::POP_TOP, pl);
            } else {
                self.emit_noarg(Opcode::NOP, pl);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(pl, guard, end, false)?;
            }
            self.visit_stmts(&last.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
    }

    fn jump_to_fail_pop(&mut self, l: SourceLocation, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops], l);
    }

    fn emit_and_reset_fail_pop(&mut self, l: SourceLocation, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[i]);
            self.emit_noarg(Opcode::POP_TOP, l);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, l: SourceLocation, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as i32, l);
            count -= 1;
        }
    }

    fn store_name(
        &mut self,
        l: SourceLocation,
        name: Option<&str>,
        pc: &mut PatternContext,
    ) -> CgResult {
        let Some(name) = name else {
            self.emit_noarg(Opcode::POP_TOP, l);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error(
                format!("multiple assignments to name '{name}' in pattern"),
                l,
            ));
        }
        self.rotate(l, pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CgResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CgResult {
        self.enter_recursion()?;
        let result = self.pattern_inner(p, pc);
        self.leave_recursion();
        result
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CgResult {
        let l = loc(p.location());
        match p {
            Pattern::MatchValue(v) => {
                if let Some(value) = folded_match_constant(&v.value) {
                    self.load_const(Constant::from(value), loc(v.value.location()));
                } else {
                    if !matches!(&*v.value, Expr::Constant(_) | Expr::Attribute(_)) {
                        return Err(
                            self.error("patterns may only match literals and attribute lookups", l)
                        );
                    }
                    self.visit_expr(&v.value)?;
                }
                self.add_compare(CmpOp::Eq, l);
                self.emit_noarg(Opcode::TO_BOOL, l);
                self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(Constant::from(s.value.clone()), l);
                self.add_compare(CmpOp::Is, l);
                self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(l, &s.patterns, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(l, m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(l, c, pc)?,
            Pattern::MatchStar(s) => self.store_name(l, s.name.as_deref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(name) => self.error(
                                format!(
                                    "name capture '{name}' makes remaining patterns unreachable"
                                ),
                                l,
                            ),
                            None => self.error("wildcard makes remaining patterns unreachable", l),
                        });
                    }
                    self.store_name(l, a.name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1, l);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(l, a.name.as_deref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(l, o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        l: SourceLocation,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CgResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", l));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit_noarg(Opcode::MATCH_SEQUENCE, l);
        self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
        match star {
            None => {
                self.emit_noarg(Opcode::GET_LEN, l);
                self.load_const(Constant::int(size as i64), l);
                self.add_compare(CmpOp::Eq, l);
                self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
            }
            Some(_) if size > 1 => {
                self.emit_noarg(Opcode::GET_LEN, l);
                self.load_const(Constant::int(size as i64 - 1), l);
                self.add_compare(CmpOp::GtE, l);
                self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit_noarg(Opcode::POP_TOP, l);
        } else if star_wildcard {
            let star = star.expect("a star wildcard is a star");
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1, l);
                if i < star {
                    self.load_const(Constant::int(i as i64), l);
                } else {
                    self.emit_noarg(Opcode::GET_LEN, l);
                    self.load_const(Constant::int((size - i) as i64), l);
                    self.emit(
                        Opcode::BINARY_OP,
                        super::expr::binary_oparg(ast::Operator::Sub, false),
                        l,
                    );
                }
                self.emit(Opcode::BINARY_OP, super::expr::NB_SUBSCR, l);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit_noarg(Opcode::POP_TOP, l);
        } else {
            self.pattern_unpack(l, patterns)?;
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_unpack(&mut self, l: SourceLocation, patterns: &[Pattern]) -> CgResult {
        let n = patterns.len();
        let mut seen_star = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern", l));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern", l)
                    );
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as i32, l);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as i32, l);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        l: SourceLocation,
        c: &'a ast::MatchClass,
        pc: &mut PatternContext,
    ) -> CgResult {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            return Err(self.error(
                format!(
                    "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                    c.kwd_patterns.len()
                ),
                l,
            ));
        }
        for (i, attr) in c.kwd_attrs.iter().enumerate() {
            for (j, other) in c.kwd_attrs.iter().enumerate().skip(i + 1) {
                if attr == other {
                    return Err(self.error(
                        format!("attribute name repeated in class pattern: {attr}"),
                        loc(c.kwd_patterns[j].location()),
                    ));
                }
            }
        }
        self.visit_expr(&c.cls)?;
        let names = c
            .kwd_attrs
            .iter()
            .map(|a| Constant::str(a.as_str()))
            .collect();
        self.load_const(Constant::Tuple(names), l);
        self.emit(Opcode::MATCH_CLASS, nargs as i32, l);
        self.emit(Opcode::COPY, 1, l);
        self.load_const(Constant::None, l);
        self.emit(Opcode::IS_OP, 1, l);
        pc.on_top += 1;
        self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as i32, l);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for p in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit_noarg(Opcode::POP_TOP, l);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        l: SourceLocation,
        m: &'a ast::MatchMapping,
        pc: &mut PatternContext,
    ) -> CgResult {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error(
                format!(
                    "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                    m.patterns.len()
                ),
                l,
            ));
        }
        pc.on_top += 1;
        self.emit_noarg(Opcode::MATCH_MAPPING, l);
        self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit_noarg(Opcode::POP_TOP, l);
            return Ok(());
        }
        if size > 0 {
            self.emit_noarg(Opcode::GET_LEN, l);
            self.load_const(Constant::int(size as i64), l);
            self.add_compare(CmpOp::GtE, l);
            self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            let folded = match key {
                Expr::Constant(c) => Some(c.value.clone()),
                other => folded_match_constant(other),
            };
            if let Some(folded) = folded {
                let value = Constant::from(folded.clone());
                if seen.contains(&value) {
                    return Err(self.error(
                        format!(
                            "mapping pattern checks duplicate key ({})",
                            constant_repr(&folded)
                        ),
                        l,
                    ));
                }
                seen.push(value.clone());
                self.load_const(value, loc(key.location()));
                continue;
            }
            match key {
                Expr::Attribute(_) => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        l,
                    ));
                }
            }
            self.visit_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as i32, l);
        self.emit_noarg(Opcode::MATCH_KEYS, l);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1, l);
        self.load_const(Constant::None, l);
        self.emit(Opcode::IS_OP, 1, l);
        self.jump_to_fail_pop(l, pc, seq::real(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, size as i32, l);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.emit(Opcode::BUILD_MAP, 0, l);
            self.emit(Opcode::SWAP, 3, l);
            self.emit(Opcode::DICT_UPDATE, 2, l);
            self.emit(Opcode::UNPACK_SEQUENCE, size as i32, l);
            let mut remaining = size;
            while remaining > 0 {
                self.emit(Opcode::COPY, 1 + remaining as i32, l);
                remaining -= 1;
                self.emit(Opcode::SWAP, 2, l);
                self.emit_noarg(Opcode::DELETE_SUBSCR, l);
            }
            self.store_name(l, Some(rest), pc)?;
        } else {
            self.emit_noarg(Opcode::POP_TOP, l);
            self.emit_noarg(Opcode::POP_TOP, l);
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        l: SourceLocation,
        o: &'a ast::MatchOr,
        pc: &mut PatternContext,
    ) -> CgResult {
        let end = self.new_label();
        let size = o.patterns.len();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let al = loc(alt.location());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1, al);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names", l));
                }
                Some(ctrl) if nstores > 0 => {
                    let ctrl = ctrl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names", l));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, name) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, name);
                            }
                            for _ in 0..rotations {
                                self.rotate(al, icontrol + 1);
                            }
                        }
                    }
                }
                Some(_) => {}
            }
            self.jump(seq::JUMP, end, al);
            self.emit_and_reset_fail_pop(al, pc);
        }
        let control = control.unwrap_or_default();
        *pc = old;
        self.emit_noarg(Opcode::POP_TOP, l);
        self.jump_to_fail_pop(l, pc, seq::JUMP);
        self.use_label(end);
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(l, nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    l,
                ));
            }
            pc.stores.push(name);
        }
        self.emit_noarg(Opcode::POP_TOP, l);
        Ok(())
    }
}
