//! Expressions: operators, calls, containers, attribute and subscript access,
//! f-strings and t-strings, conditional jumps.
//!
//! CPython counterpart: the expression visitors of `Python/codegen.c`
//! (`codegen_visit_expr`, `codegen_jump_if`, `codegen_call*`, `starunpack_helper`,
//! `codegen_dict`, `codegen_compare`, `codegen_subscript`, `codegen_slice`,
//! `codegen_joined_str`, `codegen_template_str`).

use pyrite_ast::{self as ast, BoolOperator, CmpOp, ConstantValue, Expr, ExprContext, Operator};
use pyrite_bytecode::{Constant, Opcode};

use super::{
    CONSTANT_BUILTIN_ALL, CONSTANT_BUILTIN_ANY, CONSTANT_BUILTIN_TUPLE, CgResult, Compiler,
    INTRINSIC_ASYNC_GEN_WRAP, INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE, NameOp,
    RESUME_AFTER_YIELD, STACK_USE_GUIDELINE, loc,
};
use crate::instruction_sequence::{self as seq, Label, NO_LOCATION, SourceLocation};
use crate::symtable::{DEF_IMPORT, Scope};

pub(crate) const NB_SUBSCR: i32 = 26;

pub(crate) fn binary_oparg(op: Operator, inplace: bool) -> i32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace { base + 13 } else { base }
}

fn is_constant_slice(e: &Expr) -> bool {
    let Expr::Slice(s) = e else { return false };
    [&s.lower, &s.upper, &s.step].into_iter().all(|part| {
        part.as_deref()
            .is_none_or(|p| matches!(p, Expr::Constant(_)))
    })
}

/// `should_apply_two_element_slice_optimization`.
pub(crate) fn two_element_slice(e: &Expr) -> bool {
    !is_constant_slice(e) && matches!(e, Expr::Slice(s) if s.step.is_none())
}

/// `update_start_location_to_match_attr`.
pub(crate) fn attr_location(mut l: SourceLocation, attr: &ast::Attribute) -> SourceLocation {
    let end_lineno = attr.location.end_lineno;
    if l.lineno != end_lineno {
        l.lineno = end_lineno;
        let len = attr.attr.chars().count() as i32;
        if len <= attr.location.end_col_offset {
            l.col_offset = attr.location.end_col_offset - len;
        } else {
            l.col_offset = -1;
            l.end_col_offset = -1;
        }
        l.end_lineno = l.lineno.max(l.end_lineno);
        if l.lineno == l.end_lineno {
            l.end_col_offset = l.col_offset.max(l.end_col_offset);
        }
    }
    l
}

fn compare_oparg(op: CmpOp) -> (Opcode, i32) {
    const LT: i32 = 2;
    const GT: i32 = 4;
    const EQ: i32 = 8;
    const NE: i32 = 1 | LT | GT;
    let cmp = |n: i32, mask: i32| (Opcode::COMPARE_OP, (n << 5) | mask);
    match op {
        CmpOp::Lt => cmp(0, LT),
        CmpOp::LtE => cmp(1, LT | EQ),
        CmpOp::Eq => cmp(2, EQ),
        CmpOp::NotEq => cmp(3, NE),
        CmpOp::Gt => cmp(4, GT),
        CmpOp::GtE => cmp(5, GT | EQ),
        CmpOp::Is => (Opcode::IS_OP, 0),
        CmpOp::IsNot => (Opcode::IS_OP, 1),
        CmpOp::In => (Opcode::CONTAINS_OP, 0),
        CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
    }
}

/// Builds a code-object constant from an AST constant.
pub(crate) fn constant(value: &ConstantValue) -> Constant {
    Constant::from(value.clone())
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn add_compare(&mut self, op: CmpOp, l: SourceLocation) {
        let (opcode, arg) = compare_oparg(op);
        self.emit(opcode, arg, l);
    }

    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> CgResult {
        self.enter_recursion()?;
        let result = self.visit_expr_inner(e);
        self.leave_recursion();
        result
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CgResult {
        let l = loc(e.location());
        match e {
            Expr::NamedExpr(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1, l);
                self.visit_expr(&n.target)?;
            }
            Expr::BoolOp(b) => {
                let jump = if b.op == BoolOperator::And {
                    seq::JUMP_IF_FALSE
                } else {
                    seq::JUMP_IF_TRUE
                };
                let end = self.new_label();
                let n = b.values.len() - 1;
                for value in &b.values[..n] {
                    self.visit_expr(value)?;
                    self.jump(jump, end, l);
                    self.emit_noarg(Opcode::POP_TOP, l);
                }
                self.visit_expr(&b.values[n])?;
                self.use_label(end);
            }
            Expr::BinOp(b) => {
                if let Some(pieces) = percent_format_pieces(b) {
                    return self.emit_format_pieces(l, pieces);
                }
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binary_oparg(b.op, false), l);
            }
            Expr::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                match u.op {
                    ast::UnaryOperator::UAdd => {
                        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, l)
                    }
                    ast::UnaryOperator::Not => {
                        self.emit_noarg(Opcode::TO_BOOL, l);
                        self.emit_noarg(Opcode::UNARY_NOT, l);
                    }
                    ast::UnaryOperator::Invert => self.emit_noarg(Opcode::UNARY_INVERT, l),
                    ast::UnaryOperator::USub => self.emit_noarg(Opcode::UNARY_NEGATIVE, l),
                }
            }
            Expr::Lambda(lambda) => self.lambda(lambda)?,
            Expr::IfExp(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(l, &i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(next);
                self.visit_expr(&i.orelse)?;
                self.use_label(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(
                l,
                &s.elts,
                None,
                0,
                (Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE),
                false,
            )?,
            Expr::GeneratorExp(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) => {
                self.comprehension(e)?
            }
            Expr::Yield(y) => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield' outside function", l));
                }
                match &y.value {
                    Some(value) => self.visit_expr(value)?,
                    None => self.load_const(Constant::None, l),
                }
                self.add_yield(l);
            }
            Expr::YieldFrom(y) => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield from' outside function", l));
                }
                if self.scope_type() == super::ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", l));
                }
                self.visit_expr(&y.value)?;
                self.emit_noarg(Opcode::GET_YIELD_FROM_ITER, l);
                self.load_const(Constant::None, l);
                self.add_yield_from(l, false);
            }
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0, l);
                self.load_const(Constant::None, l);
                self.add_yield_from(l, true);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(call) => self.call(call)?,
            Expr::Constant(c) => self.load_const(constant(&c.value), l),
            Expr::JoinedStr(j) => self.joined_str(j)?,
            Expr::TemplateStr(t) => self.template_str(t)?,
            Expr::FormattedValue(f) => {
                self.visit_expr(&f.value)?;
                if f.conversion != -1 {
                    let oparg = conversion_oparg(f.conversion);
                    self.emit(Opcode::CONVERT_VALUE, oparg, l);
                }
                match &f.format_spec {
                    Some(spec) => {
                        self.visit_expr(spec)?;
                        self.emit_noarg(Opcode::FORMAT_WITH_SPEC, l);
                    }
                    None => self.emit_noarg(Opcode::FORMAT_SIMPLE, l),
                }
            }
            Expr::Interpolation(i) => {
                self.visit_expr(&i.value)?;
                self.load_const(Constant::str(i.str.as_str()), l);
                let mut oparg = 2;
                if let Some(spec) = &i.format_spec {
                    oparg += 1;
                    self.visit_expr(spec)?;
                }
                if i.conversion != -1 {
                    oparg |= conversion_oparg(i.conversion) << 2;
                }
                self.emit(Opcode::BUILD_INTERPOLATION, oparg, l);
            }
            Expr::Attribute(attr) => {
                if attr.ctx == ExprContext::Load && self.can_optimize_super_call(attr) {
                    let Expr::Call(call) = &*attr.value else {
                        unreachable!()
                    };
                    self.load_args_for_super(call)?;
                    let op = if call.args.is_empty() {
                        NameOp::LoadZeroSuperAttr
                    } else {
                        NameOp::LoadSuperAttr
                    };
                    self.emit_name(op, &attr.attr, l);
                    let al = attr_location(l, attr);
                    self.emit_noarg(Opcode::NOP, al);
                    return Ok(());
                }
                self.maybe_add_static_attribute(attr);
                self.visit_expr(&attr.value)?;
                let al = attr_location(l, attr);
                let op = match attr.ctx {
                    ExprContext::Load => NameOp::LoadAttr,
                    ExprContext::Store => NameOp::Plain(Opcode::STORE_ATTR),
                    ExprContext::Del => NameOp::Plain(Opcode::DELETE_ATTR),
                };
                self.emit_name(op, &attr.attr, al);
            }
            Expr::Subscript(sub) => self.subscript(sub)?,
            Expr::Starred(s) => {
                return Err(self.error(
                    if s.ctx == ExprContext::Store {
                        "starred assignment target must be in a list or tuple"
                    } else {
                        "can't use starred expression here"
                    },
                    l,
                ));
            }
            Expr::Slice(_) => self.slice(e)?,
            Expr::Name(name) => {
                if name.id == "__debug__" && name.ctx == ExprContext::Load {
                    self.load_const(Constant::Bool(self.optimize == 0), l);
                } else {
                    self.nameop(&name.id, name.ctx, l)?;
                }
            }
            Expr::List(list) => match list.ctx {
                ExprContext::Store => self.assignment_helper(l, &list.elts)?,
                ExprContext::Load => self.starunpack(
                    l,
                    &list.elts,
                    None,
                    0,
                    (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
                    false,
                )?,
                ExprContext::Del => {
                    for elt in &list.elts {
                        self.visit_expr(elt)?;
                    }
                }
            },
            Expr::Tuple(tuple) => match tuple.ctx {
                ExprContext::Store => self.assignment_helper(l, &tuple.elts)?,
                ExprContext::Load => self.starunpack(
                    l,
                    &tuple.elts,
                    None,
                    0,
                    (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
                    true,
                )?,
                ExprContext::Del => {
                    for elt in &tuple.elts {
                        self.visit_expr(elt)?;
                    }
                }
            },
        }
        Ok(())
    }

    /// `codegen_addop_yield`.
    pub(crate) fn add_yield(&mut self, l: SourceLocation) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, l);
        }
        self.emit(Opcode::YIELD_VALUE, 0, l);
        self.emit(Opcode::RESUME, RESUME_AFTER_YIELD, l);
    }

    /// `codegen_jump_if`.
    pub(crate) fn jump_if(
        &mut self,
        l: SourceLocation,
        e: &'a Expr,
        next: Label,
        cond: bool,
    ) -> CgResult {
        self.enter_recursion()?;
        let result = self.jump_if_inner(l, e, next, cond);
        self.leave_recursion();
        result
    }

    fn jump_if_inner(
        &mut self,
        l: SourceLocation,
        e: &'a Expr,
        next: Label,
        cond: bool,
    ) -> CgResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOperator::Not => {
                return self.jump_if(l, &u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let n = b.values.len() - 1;
                let cond2 = b.op == BoolOperator::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    next
                };
                for value in &b.values[..n] {
                    self.jump_if(l, value, next2, cond2)?;
                }
                self.jump_if(l, &b.values[n], next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            Expr::IfExp(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(l, &i.test, next2, false)?;
                self.jump_if(l, &i.body, next, cond)?;
                self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(next2);
                self.jump_if(l, &i.orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.check_compare(c);
                let el = loc(c.location);
                let n = c.ops.len() - 1;
                let cleanup = self.new_label();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2, el);
                    self.emit(Opcode::COPY, 2, el);
                    self.add_compare(c.ops[i], el);
                    self.emit_noarg(Opcode::TO_BOOL, el);
                    self.jump(Opcode::POP_JUMP_IF_FALSE, cleanup, el);
                }
                self.visit_expr(&c.comparators[n])?;
                self.add_compare(c.ops[n], el);
                self.emit_noarg(Opcode::TO_BOOL, el);
                let op = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.jump(op, next, el);
                let end = self.new_label();
                self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(cleanup);
                self.emit_noarg(Opcode::POP_TOP, el);
                if !cond {
                    self.jump(seq::JUMP_NO_INTERRUPT, next, NO_LOCATION);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let el = loc(e.location());
        self.emit_noarg(Opcode::TO_BOOL, el);
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.jump(op, next, el);
        Ok(())
    }

    /// `codegen_check_compare`: `is` with a literal warns.
    fn check_compare(&mut self, c: &ast::Compare) {
        let mut left = check_is_arg(&c.left);
        let mut left_expr = &*c.left;
        for (op, right_expr) in c.ops.iter().zip(&c.comparators) {
            let right = check_is_arg(right_expr);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!right || !left) {
                let literal = if !left { left_expr } else { right_expr };
                let type_name = infer_type(literal).unwrap_or("object");
                let msg = if *op == CmpOp::Is {
                    format!("\"is\" with '{type_name}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{type_name}' literal. Did you mean \"!=\"?")
                };
                self.warn(msg, loc(c.location));
                return;
            }
            left = right;
            left_expr = right_expr;
        }
    }

    fn compare(&mut self, c: &'a ast::Compare) -> CgResult {
        self.check_compare(c);
        let l = loc(c.location);
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.visit_expr(&c.comparators[0])?;
            self.add_compare(c.ops[0], l);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.visit_expr(&c.comparators[i])?;
            self.emit(Opcode::SWAP, 2, l);
            self.emit(Opcode::COPY, 2, l);
            self.add_compare(c.ops[i], l);
            self.emit(Opcode::COPY, 1, l);
            self.emit_noarg(Opcode::TO_BOOL, l);
            self.jump(Opcode::POP_JUMP_IF_FALSE, cleanup, l);
            self.emit_noarg(Opcode::POP_TOP, l);
        }
        self.visit_expr(&c.comparators[n])?;
        self.add_compare(c.ops[n], l);
        let end = self.new_label();
        self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
        self.use_label(cleanup);
        self.emit(Opcode::SWAP, 2, l);
        self.emit_noarg(Opcode::POP_TOP, l);
        self.use_label(end);
        Ok(())
    }

    /// `starunpack_helper_impl`.
    pub(crate) fn starunpack(
        &mut self,
        l: SourceLocation,
        elts: &'a [Expr],
        injected: Option<&str>,
        pushed: i32,
        (build, add, extend): (Opcode, Opcode, Opcode),
        tuple: bool,
    ) -> CgResult {
        let n = elts.len();
        let big = n + pushed as usize + usize::from(injected.is_some()) > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for elt in elts {
                self.visit_expr(elt)?;
            }
            let mut count = n as i32;
            if let Some(name) = injected {
                self.nameop(name, ExprContext::Load, l)?;
                count += 1;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, count + pushed, l);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed, l);
            built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let Expr::Starred(star) = elt {
                if !built {
                    self.emit(build, i as i32 + pushed, l);
                    built = true;
                }
                self.visit_expr(&star.value)?;
                self.emit(extend, 1, l);
            } else {
                self.visit_expr(elt)?;
                if built {
                    self.emit(add, 1, l);
                }
            }
        }
        if let Some(name) = injected {
            self.nameop(name, ExprContext::Load, l)?;
            self.emit(add, 1, l);
        }
        if tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, l);
        }
        Ok(())
    }

    /// `assignment_helper` + `unpack_helper`.
    fn assignment_helper(&mut self, l: SourceLocation, elts: &'a [Expr]) -> CgResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", l));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment", l));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as i32, l);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as i32, l);
        }
        for elt in elts {
            match elt {
                Expr::Starred(star) => self.visit_expr(&star.value)?,
                other => self.visit_expr(other)?,
            }
        }
        Ok(())
    }

    fn subdict(&mut self, d: &'a ast::Dict, begin: usize, end: usize) -> CgResult {
        let l = loc(d.location);
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0, l);
        }
        for i in begin..end {
            if let Some(key) = &d.keys[i] {
                self.visit_expr(key)?;
            }
            self.visit_expr(&d.values[i])?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, l);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as i32, l);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::Dict) -> CgResult {
        let l = loc(d.location);
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1, l);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, l);
                    have_dict = true;
                }
                self.visit_expr(&d.values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1, l);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1, l);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1, l);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0, l);
        }
        Ok(())
    }

    fn check_caller(&mut self, e: &Expr) {
        if matches!(
            e,
            Expr::Constant(_)
                | Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::GeneratorExp(_)
                | Expr::JoinedStr(_)
                | Expr::TemplateStr(_)
                | Expr::FormattedValue(_)
                | Expr::Interpolation(_)
        ) {
            let name = infer_type(e).unwrap_or("object");
            self.warn(
                format!("'{name}' object is not callable; perhaps you missed a comma?"),
                loc(e.location()),
            );
        }
    }

    fn check_subscripter(&mut self, e: &Expr) {
        let warn = match e {
            Expr::Constant(c) => matches!(
                c.value,
                ConstantValue::None
                    | ConstantValue::Ellipsis
                    | ConstantValue::Int(_)
                    | ConstantValue::Bool(_)
                    | ConstantValue::Float(_)
                    | ConstantValue::Complex { .. }
                    | ConstantValue::FrozenSet(_)
            ),
            Expr::Set(_) | Expr::SetComp(_) | Expr::GeneratorExp(_) | Expr::Lambda(_) => true,
            _ => false,
        };
        if warn {
            let name = infer_type(e).unwrap_or("object");
            self.warn(
                format!("'{name}' object is not subscriptable; perhaps you missed a comma?"),
                loc(e.location()),
            );
        }
    }

    fn check_index(&mut self, e: &Expr, s: &Expr) {
        let Some(index_type) = infer_type(s) else {
            return;
        };
        if matches!(index_type, "int" | "bool" | "slice") {
            return;
        }
        let warn = match e {
            Expr::Constant(c) => matches!(
                c.value,
                ConstantValue::Str(_) | ConstantValue::Bytes(_) | ConstantValue::Tuple(_)
            ),
            Expr::Tuple(_)
            | Expr::List(_)
            | Expr::ListComp(_)
            | Expr::JoinedStr(_)
            | Expr::TemplateStr(_)
            | Expr::FormattedValue(_)
            | Expr::Interpolation(_) => true,
            _ => false,
        };
        if warn {
            let name = infer_type(e).unwrap_or("object");
            self.warn(
                format!(
                    "{name} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ),
                loc(e.location()),
            );
        }
    }

    fn subscript(&mut self, sub: &'a ast::Subscript) -> CgResult {
        let l = loc(sub.location);
        if sub.ctx == ExprContext::Load {
            self.check_subscripter(&sub.value);
            self.check_index(&sub.value, &sub.slice);
        }
        self.visit_expr(&sub.value)?;
        if two_element_slice(&sub.slice) && sub.ctx != ExprContext::Del {
            self.slice_two_parts(&sub.slice)?;
            if sub.ctx == ExprContext::Load {
                self.emit_noarg(Opcode::BINARY_SLICE, l);
            } else {
                self.emit_noarg(Opcode::STORE_SLICE, l);
            }
        } else {
            self.visit_expr(&sub.slice)?;
            match sub.ctx {
                ExprContext::Load => self.emit(Opcode::BINARY_OP, NB_SUBSCR, l),
                ExprContext::Store => self.emit_noarg(Opcode::STORE_SUBSCR, l),
                ExprContext::Del => self.emit_noarg(Opcode::DELETE_SUBSCR, l),
            }
        }
        Ok(())
    }

    pub(crate) fn slice_two_parts(&mut self, e: &'a Expr) -> CgResult {
        let Expr::Slice(s) = e else { return Ok(()) };
        let l = loc(s.location);
        for part in [&s.lower, &s.upper] {
            match part {
                Some(p) => self.visit_expr(p)?,
                None => self.load_const(Constant::None, l),
            }
        }
        Ok(())
    }

    fn slice(&mut self, e: &'a Expr) -> CgResult {
        let Expr::Slice(s) = e else { return Ok(()) };
        let l = loc(s.location);
        if is_constant_slice(e) {
            let part = |p: &Option<Box<Expr>>| match p.as_deref() {
                Some(Expr::Constant(c)) => constant(&c.value),
                _ => Constant::None,
            };
            let value = Constant::Slice(Box::new([part(&s.lower), part(&s.upper), part(&s.step)]));
            self.load_const(value, l);
            return Ok(());
        }
        self.slice_two_parts(e)?;
        let mut n = 2;
        if let Some(step) = &s.step {
            n += 1;
            self.visit_expr(step)?;
        }
        self.emit(Opcode::BUILD_SLICE, n, l);
        Ok(())
    }

    fn joined_str(&mut self, j: &'a ast::JoinedStr) -> CgResult {
        let l = loc(j.location);
        let count = j.values.len();
        if count > STACK_USE_GUIDELINE {
            self.load_const(Constant::str(""), l);
            self.emit_name(NameOp::LoadMethod, "join", l);
            self.emit(Opcode::BUILD_LIST, 0, l);
            for value in &j.values {
                self.visit_expr(value)?;
                self.emit(Opcode::LIST_APPEND, 1, l);
            }
            self.emit(Opcode::CALL, 1, l);
        } else {
            for value in &j.values {
                self.visit_expr(value)?;
            }
            if count > 1 {
                self.emit(Opcode::BUILD_STRING, count as i32, l);
            } else if count == 0 {
                self.load_const(Constant::str(""), l);
            }
        }
        Ok(())
    }

    /// The f-string that CPython's AST preprocessing makes of `'...%s...' % (a, b)`.
    fn emit_format_pieces(&mut self, l: SourceLocation, pieces: Vec<FormatPiece<'a>>) -> CgResult {
        let count = pieces.len();
        let big = count > STACK_USE_GUIDELINE;
        if big {
            self.load_const(Constant::str(""), l);
            self.emit_name(NameOp::LoadMethod, "join", l);
            self.emit(Opcode::BUILD_LIST, 0, l);
        }
        for piece in pieces {
            match piece {
                FormatPiece::Literal(text) => {
                    self.load_const(Constant::str(text.as_str()), NO_LOCATION)
                }
                FormatPiece::Format(arg, conversion, spec) => {
                    let al = loc(arg.location());
                    self.visit_expr(arg)?;
                    self.emit(Opcode::CONVERT_VALUE, conversion_oparg(conversion), al);
                    match spec {
                        Some(spec) => {
                            self.load_const(Constant::str(spec.as_str()), NO_LOCATION);
                            self.emit_noarg(Opcode::FORMAT_WITH_SPEC, al);
                        }
                        None => self.emit_noarg(Opcode::FORMAT_SIMPLE, al),
                    }
                }
            }
            if big {
                self.emit(Opcode::LIST_APPEND, 1, l);
            }
        }
        if big {
            self.emit(Opcode::CALL, 1, l);
        } else if count > 1 {
            self.emit(Opcode::BUILD_STRING, count as i32, l);
        } else if count == 0 {
            self.load_const(Constant::str(""), l);
        }
        Ok(())
    }

    fn template_str(&mut self, t: &'a ast::TemplateStr) -> CgResult {
        let l = loc(t.location);
        let count = t.values.len();
        let mut last_was_interpolation = true;
        let mut strings = 0;
        let mut i = 0;
        while i < count {
            if matches!(t.values[i], Expr::Interpolation(_)) {
                if last_was_interpolation {
                    self.load_const(Constant::str(""), l);
                    strings += 1;
                }
                last_was_interpolation = true;
                i += 1;
            } else {
                self.visit_expr(&t.values[i])?;
                let mut j = i + 1;
                while j < count && !matches!(t.values[j], Expr::Interpolation(_)) {
                    self.visit_expr(&t.values[j])?;
                    self.emit(Opcode::BINARY_OP, binary_oparg(Operator::Add, true), l);
                    j += 1;
                }
                i = j;
                strings += 1;
                last_was_interpolation = false;
            }
        }
        if last_was_interpolation {
            self.load_const(Constant::str(""), l);
            strings += 1;
        }
        self.emit(Opcode::BUILD_TUPLE, strings, l);
        let mut interpolations = 0;
        for value in &t.values {
            if matches!(value, Expr::Interpolation(_)) {
                self.visit_expr(value)?;
                interpolations += 1;
            }
        }
        self.emit(Opcode::BUILD_TUPLE, interpolations, l);
        self.emit_noarg(Opcode::BUILD_TEMPLATE, l);
        Ok(())
    }

    // ----------------------------------------------------------------------------------
    // Calls

    /// The flags of a name in the module's block. Inlined comprehensions at module level
    /// override the module's symbols while they are compiled, as CPython does in place.
    fn top_flags(&self, name: &str) -> u32 {
        if self.unit_ref().ste == self.table.top() {
            self.symbol_flags(name)
        } else {
            self.table.top_entry().flags(name)
        }
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        let Expr::Name(name) = e else { return false };
        self.top_flags(&name.id) & DEF_IMPORT != 0
    }

    fn can_optimize_super_call(&self, attr: &ast::Attribute) -> bool {
        let Expr::Call(call) = &*attr.value else {
            return false;
        };
        let Expr::Name(func) = &*call.func else {
            return false;
        };
        if func.id != "super" || attr.attr == "__class__" || !call.keywords.is_empty() {
            return false;
        }
        if self.symbol_scope("super") != Some(Scope::GlobalImplicit) {
            return false;
        }
        if Scope::from_flags(self.top_flags("super")).is_some() {
            return false;
        }
        if call.args.len() == 2 {
            return !call.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        }
        if !call.args.is_empty() {
            return false;
        }
        let unit = &self.units[self.units.len() - 1];
        if unit.argcount == 0 && unit.posonlyargcount == 0 {
            return false;
        }
        self.ref_type("__class__") == Some(Scope::Free)
    }

    fn load_args_for_super(&mut self, call: &'a ast::Call) -> CgResult {
        let Expr::Name(func) = &*call.func else {
            return Ok(());
        };
        self.nameop(&func.id, ExprContext::Load, loc(func.location))?;
        if call.args.len() == 2 {
            self.visit_expr(&call.args[0])?;
            self.visit_expr(&call.args[1])?;
            return Ok(());
        }
        let l = loc(call.location);
        self.nameop("__class__", ExprContext::Load, l)?;
        let first = self.unit().varnames.first().cloned().unwrap_or_default();
        self.nameop(&first, ExprContext::Load, l)?;
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> CgResult {
        for (i, key) in keywords.iter().enumerate() {
            let Some(arg) = &key.arg else { continue };
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(arg) {
                    return Err(self.error(
                        format!("keyword argument repeated: {arg}"),
                        loc(other.location),
                    ));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, call: &'a ast::Call) -> CgResult {
        self.validate_keywords(&call.keywords)?;
        if self.maybe_optimize_method_call(call)? {
            return Ok(());
        }
        let skip = self.new_label();
        self.check_caller(&call.func);
        self.visit_expr(&call.func)?;
        self.maybe_optimize_function_call(call, skip)?;
        self.emit_noarg(Opcode::PUSH_NULL, loc(call.func.location()));
        self.call_helper(loc(call.location), 0, &call.args, None, &call.keywords)?;
        self.use_label(skip);
        Ok(())
    }

    fn maybe_optimize_function_call(&mut self, call: &'a ast::Call, end: Label) -> CgResult {
        let Expr::Name(func) = &*call.func else {
            return Ok(());
        };
        if call.args.len() != 1
            || !call.keywords.is_empty()
            || !matches!(call.args[0], Expr::GeneratorExp(_))
        {
            return Ok(());
        }
        let l = loc(func.location);
        let skip = self.new_label();
        let (const_oparg, initial, continue_jump) = match func.id.as_str() {
            "all" => (CONSTANT_BUILTIN_ALL, true, Some(Opcode::POP_JUMP_IF_TRUE)),
            "any" => (CONSTANT_BUILTIN_ANY, false, Some(Opcode::POP_JUMP_IF_FALSE)),
            "tuple" => (CONSTANT_BUILTIN_TUPLE, false, None),
            _ => {
                self.use_label(skip);
                return Ok(());
            }
        };
        self.emit(Opcode::COPY, 1, l);
        self.emit(Opcode::LOAD_COMMON_CONSTANT, const_oparg, l);
        self.add_compare(CmpOp::Is, l);
        self.jump(Opcode::POP_JUMP_IF_FALSE, skip, l);
        self.emit_noarg(Opcode::POP_TOP, l);
        let is_tuple = const_oparg == CONSTANT_BUILTIN_TUPLE;
        if is_tuple {
            self.emit(Opcode::BUILD_LIST, 0, l);
        }
        self.visit_expr(&call.args[0])?;
        let lp = self.new_label();
        let cleanup = self.new_label();
        self.use_label(lp);
        self.jump(Opcode::FOR_ITER, cleanup, l);
        match continue_jump {
            None => {
                self.emit(Opcode::LIST_APPEND, 2, l);
                self.jump(seq::JUMP, lp, l);
            }
            Some(op) => {
                self.emit_noarg(Opcode::TO_BOOL, l);
                self.jump(op, lp, l);
            }
        }
        self.emit_noarg(Opcode::POP_ITER, NO_LOCATION);
        if !is_tuple {
            self.load_const(Constant::Bool(!initial), l);
        }
        self.jump(seq::JUMP, end, l);
        self.use_label(cleanup);
        self.emit_noarg(Opcode::END_FOR, NO_LOCATION);
        self.emit_noarg(Opcode::POP_ITER, NO_LOCATION);
        if is_tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, l);
        } else {
            self.load_const(Constant::Bool(initial), l);
        }
        self.jump(seq::JUMP, end, l);
        self.use_label(skip);
        Ok(())
    }

    fn maybe_optimize_method_call(&mut self, call: &'a ast::Call) -> CgResult<bool> {
        let Expr::Attribute(meth) = &*call.func else {
            return Ok(false);
        };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let argsl = call.args.len();
        let kwdsl = call.keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if call.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || call.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        let mut l = loc(meth.location);
        if self.can_optimize_super_call(meth) {
            let Expr::Call(inner) = &*meth.value else {
                unreachable!()
            };
            self.load_args_for_super(inner)?;
            let op = if inner.args.is_empty() {
                NameOp::LoadZeroSuperMethod
            } else {
                NameOp::LoadSuperMethod
            };
            self.emit_name(op, &meth.attr, l);
            l = attr_location(l, meth);
            self.emit_noarg(Opcode::NOP, l);
        } else {
            self.visit_expr(&meth.value)?;
            l = attr_location(l, meth);
            self.emit_name(NameOp::LoadMethod, &meth.attr, l);
        }
        for arg in &call.args {
            self.visit_expr(arg)?;
        }
        if kwdsl > 0 {
            for kw in &call.keywords {
                self.visit_expr(&kw.value)?;
            }
            self.kw_names(l, &call.keywords);
            let cl = attr_location(loc(call.location), meth);
            self.emit(Opcode::CALL_KW, (argsl + kwdsl) as i32, cl);
        } else {
            let cl = attr_location(loc(call.location), meth);
            self.emit(Opcode::CALL, argsl as i32, cl);
        }
        Ok(true)
    }

    fn kw_names(&mut self, l: SourceLocation, keywords: &[ast::Keyword]) {
        let names = keywords
            .iter()
            .map(|k| Constant::str(k.arg.as_deref().unwrap_or("")))
            .collect();
        self.load_const(Constant::Tuple(names), l);
    }

    fn subkwargs(
        &mut self,
        l: SourceLocation,
        keywords: &'a [ast::Keyword],
        begin: usize,
        end: usize,
    ) -> CgResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0, NO_LOCATION);
        }
        for kw in &keywords[begin..end] {
            self.load_const(Constant::str(kw.arg.as_deref().unwrap_or("")), l);
            self.visit_expr(&kw.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, NO_LOCATION);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as i32, l);
        }
        Ok(())
    }

    /// `codegen_call_helper_impl`.
    pub(crate) fn call_helper(
        &mut self,
        l: SourceLocation,
        n: i32,
        args: &'a [Expr],
        injected: Option<&str>,
        keywords: &'a [ast::Keyword],
    ) -> CgResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for arg in args {
                self.visit_expr(arg)?;
            }
            let mut count = nelts as i32;
            if let Some(name) = injected {
                self.nameop(name, ExprContext::Load, l)?;
                count += 1;
            }
            if nkwelts > 0 {
                for kw in keywords {
                    self.visit_expr(&kw.value)?;
                }
                self.kw_names(l, keywords);
                self.emit(Opcode::CALL_KW, n + count + nkwelts as i32, l);
            } else {
                self.emit(Opcode::CALL, n + count, l);
            }
            return Ok(());
        }
        if n == 0 && nelts == 1 && injected.is_none() {
            if let Expr::Starred(star) = &args[0] {
                self.visit_expr(&star.value)?;
            } else {
                self.starunpack(
                    l,
                    args,
                    injected,
                    n,
                    (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
                    true,
                )?;
            }
        } else {
            self.starunpack(
                l,
                args,
                injected,
                n,
                (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
                true,
            )?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(l, keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1, l);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0, l);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.emit(Opcode::DICT_MERGE, 1, l);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(l, keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1, l);
                }
            }
        } else {
            self.emit_noarg(Opcode::PUSH_NULL, l);
        }
        self.emit_noarg(Opcode::CALL_FUNCTION_EX, l);
        Ok(())
    }
}

pub(crate) enum FormatPiece<'a> {
    Literal(String),
    /// The argument, its conversion (`s`, `r` or `a`) and format spec.
    Format(&'a Expr, i32, Option<String>),
}

/// `optimize_format` of `Python/ast_preprocess.c`: `'%s-%r' % (a, b)` with only `%s`,
/// `%r`, `%a` units (flags, width and precision allowed) and as many units as items
/// becomes an f-string.
fn percent_format_pieces(b: &ast::BinOp) -> Option<Vec<FormatPiece<'_>>> {
    if b.op != Operator::Mod {
        return None;
    }
    let Expr::Constant(left) = &*b.left else {
        return None;
    };
    let ConstantValue::Str(fmt) = &left.value else {
        return None;
    };
    let Expr::Tuple(tuple) = &*b.right else {
        return None;
    };
    if tuple.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
        return None;
    }
    let fmt: Vec<char> = fmt.as_str()?.chars().collect();
    let elts = &tuple.elts;
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut count = 0;
    loop {
        // A literal run, with `%%` standing for `%`.
        let start = pos;
        let mut text = String::new();
        while pos < fmt.len() {
            if fmt[pos] != '%' {
                text.push(fmt[pos]);
                pos += 1;
            } else if pos + 1 < fmt.len() && fmt[pos + 1] == '%' {
                text.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            pieces.push(FormatPiece::Literal(text));
        }
        if pos >= fmt.len() {
            break;
        }
        if count >= elts.len() {
            return None;
        }
        pos += 1;
        let (spec, width, prec, ljust) = parse_format_unit(&fmt, &mut pos)?;
        if !matches!(spec, 's' | 'r' | 'a') {
            return None;
        }
        let mut format_spec = String::new();
        if !ljust && width > 0 {
            format_spec.push('>');
        }
        if width >= 0 {
            format_spec.push_str(&width.to_string());
        }
        if prec >= 0 {
            format_spec.push_str(&format!(".{prec}"));
        }
        let spec_text = (!format_spec.is_empty()).then_some(format_spec);
        pieces.push(FormatPiece::Format(&elts[count], spec as i32, spec_text));
        count += 1;
    }
    if count < elts.len() {
        return None;
    }
    Some(pieces)
}

/// `simple_format_arg_parse`: flags, width, precision and the conversion character
/// (widths and precisions of three digits or more are left to `str.__mod__`).
fn parse_format_unit(fmt: &[char], pos: &mut usize) -> Option<(char, i64, i64, bool)> {
    let mut p = *pos;
    let mut next = || {
        let c = fmt.get(p).copied();
        p += 1;
        c
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width = -1i64;
    if ch.is_ascii_digit() {
        width = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + i64::from(ch as u8 - b'0');
            ch = next()?;
            if width >= 100 {
                return None;
            }
        }
    }
    let mut prec = -1i64;
    if ch == '.' {
        ch = next()?;
        prec = 0;
        while ch.is_ascii_digit() {
            prec = prec * 10 + i64::from(ch as u8 - b'0');
            ch = next()?;
            if prec >= 100 {
                return None;
            }
        }
    }
    *pos = p;
    Some((ch, width, prec, ljust))
}

/// `check_is_arg`: false for a literal other than the named singletons.
fn check_is_arg(e: &Expr) -> bool {
    match e {
        Expr::Tuple(t) => !t.elts.iter().all(|e| matches!(e, Expr::Constant(_))),
        Expr::Constant(c) => matches!(
            c.value,
            ConstantValue::None | ConstantValue::Bool(_) | ConstantValue::Ellipsis
        ),
        _ => true,
    }
}

/// `infer_type`: the type name of a literal-like expression.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::GeneratorExp(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "str",
        Expr::TemplateStr(_) => "string.templatelib.Template",
        Expr::Interpolation(_) => "string.templatelib.Interpolation",
        Expr::Slice(_) => "slice",
        Expr::Constant(c) => match c.value {
            ConstantValue::None => "NoneType",
            ConstantValue::Bool(_) => "bool",
            ConstantValue::Ellipsis => "ellipsis",
            ConstantValue::Int(_) => "int",
            ConstantValue::Float(_) => "float",
            ConstantValue::Complex { .. } => "complex",
            ConstantValue::Str(_) => "str",
            ConstantValue::Bytes(_) => "bytes",
            ConstantValue::Tuple(_) => "tuple",
            ConstantValue::FrozenSet(_) => "frozenset",
        },
        _ => return None,
    })
}

fn conversion_oparg(conversion: i32) -> i32 {
    match u8::try_from(conversion).ok() {
        Some(b's') => 1,
        Some(b'r') => 2,
        Some(b'a') => 3,
        _ => 0,
    }
}
