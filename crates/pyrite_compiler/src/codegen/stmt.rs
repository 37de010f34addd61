//! Statements: bodies, control flow, exceptions, `with`, imports, assignments.
//!
//! CPython counterpart: the statement visitors of `Python/codegen.c` (`codegen_body`,
//! `codegen_visit_stmt`, `codegen_if`/`for`/`while`/`try*`/`with*`, `codegen_unwind_fblock`,
//! `codegen_import`, `codegen_augassign`, `codegen_annassign`, deferred annotations).

use pyrite_ast::{self as ast, Expr, ExprContext, Stmt};
use pyrite_bytecode::{Constant, Opcode};

use super::{
    CONSTANT_ASSERTIONERROR, CgResult, Compiler, FBlock, FBlockKind, INTRINSIC_IMPORT_STAR,
    INTRINSIC_PREP_RERAISE_STAR, INTRINSIC_PRINT, NameOp, SPECIAL_AENTER, SPECIAL_AEXIT,
    SPECIAL_ENTER, SPECIAL_EXIT, ScopeType, loc,
};
use crate::instruction_sequence::{self as seq, Label, NO_LOCATION, SourceLocation};

impl<'a> Compiler<'a, '_> {
    /// `_PyCodegen_Module`.
    pub(crate) fn module_body(&mut self, start: SourceLocation, body: &'a [Stmt]) -> CgResult {
        if self.ste().has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0, start);
            let index = self.name_index("__conditional_annotations__");
            self.emit(Opcode::STORE_NAME, index, start);
        }
        self.body(start, body)
    }

    /// `codegen_body`: a module's or class's statements, docstring and annotations.
    pub(crate) fn body(&mut self, start: SourceLocation, body: &'a [Stmt]) -> CgResult {
        let ste = self.ste();
        if self.future.annotations() && ste.annotations_used {
            self.emit_noarg(Opcode::SETUP_ANNOTATIONS, start);
        }
        if body.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if !self.interactive {
            first = self.strip_docstring(body);
            if self.has_docstring(ste)
                && let Some(Stmt::Expr(stmt)) = body.first()
                && let Expr::Constant(constant) = &*stmt.value
                && let ast::ConstantValue::Str(text) = &constant.value
            {
                first = 1;
                let doc = crate::docstring_clean::clean_doc(text);
                self.load_const(Constant::Str(doc), loc(constant.location));
                self.nameop("__doc__", ExprContext::Store, NO_LOCATION)?;
            }
        }
        for stmt in &body[first..] {
            self.visit_stmt(stmt)?;
        }
        if !self.future.annotations() {
            self.process_deferred_annotations(start)?;
        }
        Ok(())
    }

    /// Under `-OO` CPython's AST preprocessing removes docstrings (a body that was only
    /// a docstring keeps a `pass` in its place): the number of leading statements to
    /// skip, after emitting that `pass`.
    pub(crate) fn strip_docstring(&mut self, body: &'a [Stmt]) -> usize {
        if self.optimize < 2 || !self.ste().has_docstring {
            return 0;
        }
        let Some(Stmt::Expr(stmt)) = body.first() else {
            return 0;
        };
        if !matches!(&*stmt.value, Expr::Constant(c) if matches!(c.value, ast::ConstantValue::Str(_)))
        {
            return 0;
        }
        if body.len() == 1 {
            // The `pass` spans four columns from the docstring's start.
            let start = stmt.location;
            let pass = SourceLocation::new(
                start.lineno,
                start.lineno,
                start.col_offset,
                start.col_offset + 4,
            );
            self.emit_noarg(Opcode::NOP, pass);
        }
        1
    }

    /// `codegen_process_deferred_annotations`: the `__annotate__` of a module or class.
    fn process_deferred_annotations(&mut self, start: SourceLocation) -> CgResult {
        if self.unit().deferred_annotations.is_empty() {
            return Ok(());
        }
        let deferred = std::mem::take(&mut self.unit().deferred_annotations);
        let scope_type = self.scope_type();
        let separate = scope_type == ScopeType::Module;
        let saved = separate.then(|| std::mem::take(&mut self.unit().seq));
        if separate {
            self.unit().seq = seq::InstructionSequence::new();
        }
        let ste = self.ste();
        let annotation_block = ste
            .annotation_block
            .expect("a body with annotations has an annotation block");
        let block_name = self.table.entry(annotation_block).name.clone();
        self.setup_annotations_scope(start, annotation_block, &block_name)?;
        self.emit(Opcode::BUILD_MAP, 0, start);
        for (assign, index) in deferred {
            let Expr::Name(target) = &*assign.target else {
                continue;
            };
            let mangled = self.mangle_name(&target.id);
            let not_set = self.new_label();
            let st_loc = loc(assign.location);
            if index != -1 {
                self.load_const(Constant::int(index), st_loc);
                if scope_type == ScopeType::Class {
                    let i = self.freevar_index("__conditional_annotations__");
                    self.emit(Opcode::LOAD_DEREF, i, st_loc);
                } else {
                    let i = self.name_index("__conditional_annotations__");
                    self.emit(Opcode::LOAD_GLOBAL, i << 1, st_loc);
                }
                self.emit(Opcode::CONTAINS_OP, 0, st_loc);
                self.jump(Opcode::POP_JUMP_IF_FALSE, not_set, st_loc);
            }
            self.visit_expr(&assign.annotation)?;
            self.emit(Opcode::COPY, 2, st_loc);
            self.load_const(Constant::str(&*mangled), st_loc);
            self.emit_noarg(Opcode::STORE_SUBSCR, start);
            self.use_label(not_set);
        }
        self.leave_annotations_scope(start)?;
        let target = if self.ste().block_type == crate::symtable::BlockType::Class {
            "__annotate_func__"
        } else {
            "__annotate__"
        };
        self.nameop(target, ExprContext::Store, start)?;
        if let Some(saved) = saved {
            let mut annotations = std::mem::replace(&mut self.unit().seq, saved);
            annotations.apply_label_map();
            self.unit().seq.annotations_code = Some(Box::new(annotations));
        }
        Ok(())
    }

    pub(crate) fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> CgResult {
        for stmt in stmts {
            self.visit_stmt(stmt)?;
        }
        Ok(())
    }

    fn conditional<F>(&mut self, f: F) -> CgResult
    where
        F: FnOnce(&mut Self) -> CgResult,
    {
        self.unit().in_conditional_block += 1;
        let result = f(self);
        self.unit().in_conditional_block -= 1;
        result
    }

    pub(crate) fn visit_stmt(&mut self, stmt: &'a Stmt) -> CgResult {
        self.enter_recursion()?;
        let result = self.visit_stmt_inner(stmt);
        self.leave_recursion();
        result
    }

    fn visit_stmt_inner(&mut self, stmt: &'a Stmt) -> CgResult {
        match stmt {
            Stmt::FunctionDef(def) => self.function_def(def, false),
            Stmt::AsyncFunctionDef(def) => self.function_def(def, true),
            Stmt::ClassDef(class) => self.class_def(class),
            Stmt::TypeAlias(alias) => self.type_alias(alias),
            Stmt::Return(ret) => self.return_stmt(ret),
            Stmt::Delete(del) => {
                for target in &del.targets {
                    self.visit_expr(target)?;
                }
                Ok(())
            }
            Stmt::Assign(assign) => {
                self.visit_expr(&assign.value)?;
                let n = assign.targets.len();
                for (i, target) in assign.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1, loc(assign.location));
                    }
                    self.visit_expr(target)?;
                }
                Ok(())
            }
            Stmt::AugAssign(aug) => self.aug_assign(aug),
            Stmt::AnnAssign(ann) => self.ann_assign(ann),
            Stmt::For(node) => self.conditional(|c| c.for_stmt(node)),
            Stmt::AsyncFor(node) => self.conditional(|c| c.async_for(node)),
            Stmt::While(node) => self.conditional(|c| c.while_stmt(node)),
            Stmt::If(node) => self.conditional(|c| c.if_stmt(node)),
            Stmt::Match(node) => self.conditional(|c| c.match_stmt(node)),
            Stmt::Raise(raise) => {
                let mut n = 0;
                if let Some(exc) = &raise.exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = &raise.cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n, loc(raise.location));
                Ok(())
            }
            Stmt::Try(node) => self.conditional(|c| {
                if node.finalbody.is_empty() {
                    c.try_except(node)
                } else {
                    c.try_finally(node, false)
                }
            }),
            Stmt::TryStar(node) => self.conditional(|c| {
                if node.finalbody.is_empty() {
                    c.try_star_except(node)
                } else {
                    c.try_finally(node, true)
                }
            }),
            Stmt::Assert(node) => self.assert_stmt(node),
            Stmt::Import(node) => self.import(node),
            Stmt::ImportFrom(node) => self.import_from(node),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(node) => {
                let l = loc(node.location);
                if self.interactive && self.units.len() == 1 {
                    self.visit_expr(&node.value)?;
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PRINT, l);
                    self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
                    return Ok(());
                }
                if let Expr::Constant(_) = &*node.value {
                    self.emit_noarg(Opcode::NOP, l);
                    return Ok(());
                }
                self.visit_expr(&node.value)?;
                self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
                Ok(())
            }
            Stmt::Pass(location) => {
                self.emit_noarg(Opcode::NOP, loc(*location));
                Ok(())
            }
            Stmt::Break(location) => self.break_stmt(loc(*location)),
            Stmt::Continue(location) => self.continue_stmt(loc(*location)),
            Stmt::With(node) => self.conditional(|c| c.with_stmt(node, 0)),
            Stmt::AsyncWith(node) => self.conditional(|c| c.async_with(node, 0)),
        }
    }

    // ----------------------------------------------------------------------------------
    // Unwinding

    fn call_exit_with_nones(&mut self, l: SourceLocation) {
        self.load_const(Constant::None, l);
        self.load_const(Constant::None, l);
        self.load_const(Constant::None, l);
        self.emit(Opcode::CALL, 3, l);
    }

    /// `codegen_add_yield_from`.
    pub(crate) fn add_yield_from(&mut self, l: SourceLocation, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.jump(Opcode::SEND, exit, l);
        self.jump(seq::SETUP_FINALLY, fail, l);
        self.emit(Opcode::YIELD_VALUE, 1, l);
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.emit(
            Opcode::RESUME,
            if is_await {
                super::RESUME_AFTER_AWAIT
            } else {
                super::RESUME_AFTER_YIELD_FROM
            },
            l,
        );
        self.jump(seq::JUMP_NO_INTERRUPT, send, l);
        self.use_label(fail);
        self.emit_noarg(Opcode::CLEANUP_THROW, l);
        self.use_label(exit);
        self.emit_noarg(Opcode::END_SEND, l);
    }

    fn pop_except_and_reraise(&mut self, l: SourceLocation) {
        self.emit(Opcode::COPY, 3, l);
        self.emit_noarg(Opcode::POP_EXCEPT, l);
        self.emit(Opcode::RERAISE, 1, l);
    }

    /// `codegen_unwind_fblock`.
    fn unwind_fblock(
        &mut self,
        l: &mut SourceLocation,
        info: &FBlock<'a>,
        preserve_tos: bool,
    ) -> CgResult {
        match &info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator
            | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *l);
                }
                self.emit_noarg(Opcode::POP_TOP, *l);
            }
            FBlockKind::TryExcept => self.emit_noarg(seq::POP_BLOCK, *l),
            FBlockKind::FinallyTry(body) => {
                self.emit_noarg(seq::POP_BLOCK, *l);
                if preserve_tos {
                    self.push_fblock(*l, FBlockKind::PopValue, None, None)?;
                }
                self.visit_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                *l = NO_LOCATION;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *l);
                }
                self.emit_noarg(Opcode::POP_TOP, *l);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *l);
                }
                self.emit_noarg(seq::POP_BLOCK, *l);
                self.emit_noarg(Opcode::POP_EXCEPT, *l);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                *l = info.loc;
                self.emit_noarg(seq::POP_BLOCK, *l);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 3, *l);
                    self.emit(Opcode::SWAP, 2, *l);
                }
                self.call_exit_with_nones(*l);
                if matches!(info.kind, FBlockKind::AsyncWith) {
                    self.emit(Opcode::GET_AWAITABLE, 2, *l);
                    self.load_const(Constant::None, *l);
                    self.add_yield_from(*l, true);
                }
                self.emit_noarg(Opcode::POP_TOP, *l);
                *l = NO_LOCATION;
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_noarg(seq::POP_BLOCK, *l);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *l);
                }
                self.emit_noarg(seq::POP_BLOCK, *l);
                self.emit_noarg(Opcode::POP_EXCEPT, *l);
                if let Some(name) = name {
                    self.load_const(Constant::None, *l);
                    self.nameop(name, ExprContext::Store, *l)?;
                    self.nameop(name, ExprContext::Del, *l)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *l);
                }
                self.emit_noarg(Opcode::POP_TOP, *l);
            }
        }
        Ok(())
    }

    /// `codegen_unwind_fblock_stack`; with `want_loop`, stops at the innermost loop and
    /// returns it.
    fn unwind_fblock_stack(
        &mut self,
        l: &mut SourceLocation,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CgResult<Option<FBlock<'a>>> {
        let Some(top) = self.unit().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                *l,
            ));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.pop_fblock();
        self.unwind_fblock(l, &top, preserve_tos)?;
        let found = self.unwind_fblock_stack(l, preserve_tos, want_loop)?;
        self.unit().fblocks.push(top);
        Ok(found)
    }

    fn return_stmt(&mut self, ret: &'a ast::Return) -> CgResult {
        let mut l = loc(ret.location);
        let preserve_tos = ret
            .value
            .as_deref()
            .is_some_and(|v| !matches!(v, Expr::Constant(_)));
        let ste = self.ste();
        if !ste.is_function_like() {
            return Err(self.error("'return' outside function", l));
        }
        if ret.value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator", l));
        }
        if preserve_tos {
            self.visit_expr(ret.value.as_ref().expect("checked"))?;
        } else if let Some(value) = &ret.value {
            l = loc(value.location());
            self.emit_noarg(Opcode::NOP, l);
        }
        if ret
            .value
            .as_deref()
            .is_none_or(|v| v.location().lineno != ret.location.lineno)
        {
            l = loc(ret.location);
            self.emit_noarg(Opcode::NOP, l);
        }
        self.unwind_fblock_stack(&mut l, preserve_tos, false)?;
        match ret.value.as_deref() {
            None => self.load_const(Constant::None, l),
            Some(Expr::Constant(c)) => self.load_const(Constant::from(c.value.clone()), l),
            Some(_) => {}
        }
        self.emit_noarg(Opcode::RETURN_VALUE, l);
        Ok(())
    }

    fn break_stmt(&mut self, origin: SourceLocation) -> CgResult {
        let mut l = origin;
        self.emit_noarg(Opcode::NOP, l);
        let Some(lp) = self.unwind_fblock_stack(&mut l, false, true)? else {
            return Err(self.error("'break' outside loop", origin));
        };
        self.unwind_fblock(&mut l, &lp, false)?;
        self.jump(seq::JUMP, lp.exit.expect("loops have an exit"), l);
        Ok(())
    }

    fn continue_stmt(&mut self, origin: SourceLocation) -> CgResult {
        let mut l = origin;
        self.emit_noarg(Opcode::NOP, l);
        let Some(lp) = self.unwind_fblock_stack(&mut l, false, true)? else {
            return Err(self.error("'continue' not properly in loop", origin));
        };
        self.jump(seq::JUMP, lp.block.expect("loops have a start"), l);
        Ok(())
    }

    // ----------------------------------------------------------------------------------
    // Control flow

    fn if_stmt(&mut self, node: &'a ast::If) -> CgResult {
        let end = self.new_label();
        let next = if node.orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(loc(node.location), &node.test, next, false)?;
        self.visit_stmts(&node.body)?;
        if !node.orelse.is_empty() {
            self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
            self.use_label(next);
            self.visit_stmts(&node.orelse)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, node: &'a ast::For) -> CgResult {
        let l = loc(node.location);
        let start = self.new_label();
        let body = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(l, FBlockKind::ForLoop, Some(start), Some(end))?;
        self.visit_expr(&node.iter)?;
        let iter_loc = loc(node.iter.location());
        self.emit_noarg(Opcode::GET_ITER, iter_loc);
        self.use_label(start);
        self.jump(Opcode::FOR_ITER, cleanup, iter_loc);
        self.emit_noarg(Opcode::NOP, loc(node.target.location()));
        self.use_label(body);
        self.visit_expr(&node.target)?;
        self.visit_stmts(&node.body)?;
        self.jump(seq::JUMP, start, NO_LOCATION);
        self.use_label(cleanup);
        self.emit_noarg(Opcode::END_FOR, NO_LOCATION);
        self.emit_noarg(Opcode::POP_ITER, NO_LOCATION);
        self.pop_fblock();
        self.visit_stmts(&node.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn async_for(&mut self, node: &'a ast::For) -> CgResult {
        let l = loc(node.location);
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(&node.iter)?;
        let iter_loc = loc(node.iter.location());
        self.emit_noarg(Opcode::GET_AITER, iter_loc);
        self.use_label(start);
        self.push_fblock(l, FBlockKind::ForLoop, Some(start), Some(end))?;
        self.jump(seq::SETUP_FINALLY, except, l);
        self.emit_noarg(Opcode::GET_ANEXT, l);
        self.load_const(Constant::None, l);
        self.use_label(send);
        self.add_yield_from(l, true);
        self.emit_noarg(seq::POP_BLOCK, l);
        self.emit_noarg(Opcode::NOT_TAKEN, l);
        self.visit_expr(&node.target)?;
        self.visit_stmts(&node.body)?;
        self.jump(seq::JUMP, start, NO_LOCATION);
        self.pop_fblock();
        self.use_label(except);
        self.jump(Opcode::END_ASYNC_FOR, send, iter_loc);
        self.visit_stmts(&node.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, node: &'a ast::While) -> CgResult {
        let looplabel = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(looplabel);
        let l = loc(node.location);
        self.push_fblock(l, FBlockKind::WhileLoop, Some(looplabel), Some(end))?;
        self.jump_if(l, &node.test, anchor, false)?;
        self.visit_stmts(&node.body)?;
        self.jump(seq::JUMP, looplabel, NO_LOCATION);
        self.pop_fblock();
        self.use_label(anchor);
        self.visit_stmts(&node.orelse)?;
        self.use_label(end);
        Ok(())
    }

    // ----------------------------------------------------------------------------------
    // Exceptions

    fn try_finally(&mut self, node: &'a ast::Try, star: bool) -> CgResult {
        let l = loc(node.location);
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.jump(seq::SETUP_FINALLY, end, l);
        self.use_label(body);
        self.push_fblock(
            l,
            FBlockKind::FinallyTry(&node.finalbody),
            Some(body),
            Some(end),
        )?;
        if !node.handlers.is_empty() {
            if star {
                self.try_star_except(node)?;
            } else {
                self.try_except(node)?;
            }
        } else {
            self.visit_stmts(&node.body)?;
        }
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.pop_fblock();
        self.visit_stmts(&node.finalbody)?;
        self.jump(seq::JUMP_NO_INTERRUPT, exit, NO_LOCATION);
        self.use_label(end);
        self.jump(seq::SETUP_CLEANUP, cleanup, NO_LOCATION);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, NO_LOCATION);
        self.push_fblock(NO_LOCATION, FBlockKind::FinallyEnd, Some(end), None)?;
        self.visit_stmts(&node.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(exit);
        Ok(())
    }

    fn try_except(&mut self, node: &'a ast::Try) -> CgResult {
        let l = loc(node.location);
        let body = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.jump(seq::SETUP_FINALLY, except, l);
        self.use_label(body);
        self.push_fblock(l, FBlockKind::TryExcept, Some(body), None)?;
        self.visit_stmts(&node.body)?;
        self.pop_fblock();
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.visit_stmts(&node.orelse)?;
        self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
        let n = node.handlers.len();
        self.use_label(except);
        self.jump(seq::SETUP_CLEANUP, cleanup, NO_LOCATION);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, NO_LOCATION);
        self.push_fblock(l, FBlockKind::ExceptionHandler, None, None)?;
        for (i, handler) in node.handlers.iter().enumerate() {
            let hl = loc(handler.location);
            if handler.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", hl));
            }
            except = self.new_label();
            if let Some(ty) = &handler.type_ {
                self.visit_expr(ty)?;
                self.emit_noarg(Opcode::CHECK_EXC_MATCH, hl);
                self.jump(Opcode::POP_JUMP_IF_FALSE, except, hl);
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, ExprContext::Store, hl)?;
                self.jump(seq::SETUP_CLEANUP, cleanup_end, hl);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hl,
                    FBlockKind::HandlerCleanup(Some(name)),
                    Some(cleanup_body),
                    None,
                )?;
                self.visit_stmts(&handler.body)?;
                self.pop_fblock();
                self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
                self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
                self.emit_noarg(Opcode::POP_EXCEPT, NO_LOCATION);
                self.load_const(Constant::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
                self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(cleanup_end);
                self.load_const(Constant::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
                self.emit(Opcode::RERAISE, 1, NO_LOCATION);
            } else {
                let cleanup_body = self.new_label();
                self.emit_noarg(Opcode::POP_TOP, hl);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hl,
                    FBlockKind::HandlerCleanup(None),
                    Some(cleanup_body),
                    None,
                )?;
                self.visit_stmts(&handler.body)?;
                self.pop_fblock();
                self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
                self.emit_noarg(Opcode::POP_EXCEPT, NO_LOCATION);
                self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
            }
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(end);
        Ok(())
    }

    fn try_star_except(&mut self, node: &'a ast::Try) -> CgResult {
        let l = loc(node.location);
        let body = self.new_label();
        let mut except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.jump(seq::SETUP_FINALLY, except, l);
        self.use_label(body);
        self.push_fblock(l, FBlockKind::TryExcept, Some(body), None)?;
        self.visit_stmts(&node.body)?;
        self.pop_fblock();
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.jump(seq::JUMP_NO_INTERRUPT, orelse, NO_LOCATION);
        let n = node.handlers.len();
        self.use_label(except);
        self.jump(seq::SETUP_CLEANUP, cleanup, NO_LOCATION);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, NO_LOCATION);
        self.push_fblock(l, FBlockKind::ExceptionGroupHandler, None, None)?;
        for (i, handler) in node.handlers.iter().enumerate() {
            let hl = loc(handler.location);
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Opcode::BUILD_LIST, 0, hl);
                self.emit(Opcode::COPY, 2, hl);
            }
            if let Some(ty) = &handler.type_ {
                self.visit_expr(ty)?;
                self.emit_noarg(Opcode::CHECK_EG_MATCH, hl);
                self.emit(Opcode::COPY, 1, hl);
                self.jump(Opcode::POP_JUMP_IF_NONE, no_match, hl);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &handler.name {
                Some(name) => self.nameop(name, ExprContext::Store, hl)?,
                None => self.emit_noarg(Opcode::POP_TOP, hl),
            }
            self.jump(seq::SETUP_CLEANUP, cleanup_end, hl);
            self.use_label(cleanup_body);
            self.push_fblock(
                hl,
                FBlockKind::HandlerCleanup(handler.name.as_deref()),
                Some(cleanup_body),
                None,
            )?;
            self.visit_stmts(&handler.body)?;
            self.pop_fblock();
            self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
            if let Some(name) = &handler.name {
                self.load_const(Constant::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
            }
            self.jump(seq::JUMP_NO_INTERRUPT, except, NO_LOCATION);
            self.use_label(cleanup_end);
            if let Some(name) = &handler.name {
                self.load_const(Constant::None, NO_LOCATION);
                self.nameop(name, ExprContext::Store, NO_LOCATION)?;
                self.nameop(name, ExprContext::Del, NO_LOCATION)?;
            }
            self.emit(Opcode::LIST_APPEND, 3, NO_LOCATION);
            self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
            self.jump(seq::JUMP_NO_INTERRUPT, except_with_error, NO_LOCATION);
            self.use_label(except);
            self.emit_noarg(Opcode::NOP, NO_LOCATION);
            self.jump(seq::JUMP_NO_INTERRUPT, except_with_error, NO_LOCATION);
            self.use_label(no_match);
            self.emit_noarg(Opcode::POP_TOP, hl);
            self.use_label(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::LIST_APPEND, 1, NO_LOCATION);
                self.jump(seq::JUMP_NO_INTERRUPT, reraise_star, NO_LOCATION);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit(
            Opcode::CALL_INTRINSIC_2,
            INTRINSIC_PREP_RERAISE_STAR,
            NO_LOCATION,
        );
        self.emit(Opcode::COPY, 1, NO_LOCATION);
        self.jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise, NO_LOCATION);
        self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.emit_noarg(Opcode::POP_EXCEPT, NO_LOCATION);
        self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
        self.use_label(reraise);
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.emit(Opcode::SWAP, 2, NO_LOCATION);
        self.emit_noarg(Opcode::POP_EXCEPT, NO_LOCATION);
        self.emit(Opcode::RERAISE, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(orelse);
        self.visit_stmts(&node.orelse)?;
        self.use_label(end);
        Ok(())
    }

    // ----------------------------------------------------------------------------------
    // with

    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.emit_noarg(Opcode::TO_BOOL, NO_LOCATION);
        self.jump(Opcode::POP_JUMP_IF_TRUE, suppress, NO_LOCATION);
        self.emit(Opcode::RERAISE, 2, NO_LOCATION);
        self.use_label(suppress);
        self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.emit_noarg(Opcode::POP_EXCEPT, NO_LOCATION);
        self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
        self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
        self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
        let exit = self.new_label();
        self.jump(seq::JUMP_NO_INTERRUPT, exit, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(exit);
    }

    fn with_stmt(&mut self, node: &'a ast::With, pos: usize) -> CgResult {
        let item = &node.items[pos];
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let l = loc(item.context_expr.location());
        self.emit(Opcode::COPY, 1, l);
        self.emit(Opcode::LOAD_SPECIAL, SPECIAL_EXIT, l);
        self.emit(Opcode::SWAP, 2, l);
        self.emit(Opcode::SWAP, 3, l);
        self.emit(Opcode::LOAD_SPECIAL, SPECIAL_ENTER, l);
        self.emit(Opcode::CALL, 0, l);
        self.jump(seq::SETUP_WITH, fin, l);
        self.use_label(block);
        self.push_fblock(l, FBlockKind::With, Some(block), Some(fin))?;
        match &item.optional_vars {
            Some(target) => self.visit_expr(target)?,
            None => self.emit_noarg(Opcode::POP_TOP, l),
        }
        if pos + 1 == node.items.len() {
            self.visit_stmts(&node.body)?;
        } else {
            self.with_stmt(node, pos + 1)?;
        }
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        self.pop_fblock();
        self.call_exit_with_nones(l);
        self.emit_noarg(Opcode::POP_TOP, l);
        self.jump(seq::JUMP, exit, l);
        self.use_label(fin);
        self.jump(seq::SETUP_CLEANUP, cleanup, l);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, l);
        self.emit_noarg(Opcode::WITH_EXCEPT_START, l);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn async_with(&mut self, node: &'a ast::With, pos: usize) -> CgResult {
        let item = &node.items[pos];
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let l = loc(item.context_expr.location());
        self.emit(Opcode::COPY, 1, l);
        self.emit(Opcode::LOAD_SPECIAL, SPECIAL_AEXIT, l);
        self.emit(Opcode::SWAP, 2, l);
        self.emit(Opcode::SWAP, 3, l);
        self.emit(Opcode::LOAD_SPECIAL, SPECIAL_AENTER, l);
        self.emit(Opcode::CALL, 0, l);
        self.emit(Opcode::GET_AWAITABLE, 1, l);
        self.load_const(Constant::None, l);
        self.add_yield_from(l, true);
        self.jump(seq::SETUP_WITH, fin, l);
        self.use_label(block);
        self.push_fblock(l, FBlockKind::AsyncWith, Some(block), Some(fin))?;
        match &item.optional_vars {
            Some(target) => self.visit_expr(target)?,
            None => self.emit_noarg(Opcode::POP_TOP, l),
        }
        if pos + 1 == node.items.len() {
            self.visit_stmts(&node.body)?;
        } else {
            self.async_with(node, pos + 1)?;
        }
        self.pop_fblock();
        self.emit_noarg(seq::POP_BLOCK, l);
        self.call_exit_with_nones(l);
        self.emit(Opcode::GET_AWAITABLE, 2, l);
        self.load_const(Constant::None, l);
        self.add_yield_from(l, true);
        self.emit_noarg(Opcode::POP_TOP, l);
        self.jump(seq::JUMP, exit, l);
        self.use_label(fin);
        self.jump(seq::SETUP_CLEANUP, cleanup, l);
        self.emit_noarg(Opcode::PUSH_EXC_INFO, l);
        self.emit_noarg(Opcode::WITH_EXCEPT_START, l);
        self.emit(Opcode::GET_AWAITABLE, 2, l);
        self.load_const(Constant::None, l);
        self.add_yield_from(l, true);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    // ----------------------------------------------------------------------------------
    // Imports, assert, assignments

    fn import(&mut self, node: &'a ast::Import) -> CgResult {
        let l = loc(node.location);
        for alias in &node.names {
            self.load_const(Constant::int(0), l);
            self.load_const(Constant::None, l);
            self.emit_name(NameOp::Plain(Opcode::IMPORT_NAME), &alias.name, l);
            match &alias.asname {
                Some(asname) => {
                    let mut parts = alias.name.split('.');
                    parts.next();
                    let attrs: Vec<&str> = parts.collect();
                    if !attrs.is_empty() {
                        for (i, attr) in attrs.iter().enumerate() {
                            self.emit_name(NameOp::Plain(Opcode::IMPORT_FROM), attr, l);
                            if i + 1 == attrs.len() {
                                break;
                            }
                            self.emit(Opcode::SWAP, 2, l);
                            self.emit_noarg(Opcode::POP_TOP, l);
                        }
                        self.nameop(asname, ExprContext::Store, l)?;
                        self.emit_noarg(Opcode::POP_TOP, l);
                    } else {
                        self.nameop(asname, ExprContext::Store, l)?;
                    }
                }
                None => {
                    let first = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.nameop(first, ExprContext::Store, l)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, node: &'a ast::ImportFrom) -> CgResult {
        let l = loc(node.location);
        self.load_const(Constant::int(node.level), l);
        let names = node
            .names
            .iter()
            .map(|alias| Constant::str(alias.name.as_str()))
            .collect();
        self.load_const(Constant::Tuple(names), l);
        let module = node.module.as_deref().unwrap_or("");
        self.emit_name(NameOp::Plain(Opcode::IMPORT_NAME), module, l);
        for (i, alias) in node.names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR, l);
                self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
                return Ok(());
            }
            self.emit_name(NameOp::Plain(Opcode::IMPORT_FROM), &alias.name, l);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store, l)?;
        }
        self.emit_noarg(Opcode::POP_TOP, l);
        Ok(())
    }

    fn assert_stmt(&mut self, node: &'a ast::Assert) -> CgResult {
        let always_true = match &*node.test {
            Expr::Tuple(t) => !t.elts.is_empty(),
            Expr::Constant(c) => {
                matches!(&c.value, ast::ConstantValue::Tuple(items) if !items.is_empty())
            }
            _ => false,
        };
        if always_true {
            self.warn(
                "assertion is always true, perhaps remove parentheses?",
                loc(node.location),
            );
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let l = loc(node.location);
        let end = self.new_label();
        self.jump_if(l, &node.test, end, true)?;
        self.emit(Opcode::LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR, l);
        if let Some(msg) = &node.msg {
            self.visit_expr(msg)?;
            self.emit(Opcode::CALL, 0, l);
        }
        self.emit(Opcode::RAISE_VARARGS, 1, loc(node.test.location()));
        self.use_label(end);
        Ok(())
    }

    fn aug_assign(&mut self, node: &'a ast::AugAssign) -> CgResult {
        let target = &*node.target;
        let tl = loc(target.location());
        match target {
            Expr::Attribute(attr) => {
                self.visit_expr(&attr.value)?;
                self.emit(Opcode::COPY, 1, tl);
                let al = super::expr::attr_location(tl, attr);
                self.emit_name(NameOp::LoadAttr, &attr.attr, al);
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                if super::expr::two_element_slice(&sub.slice) {
                    self.slice_two_parts(&sub.slice)?;
                    self.emit(Opcode::COPY, 3, tl);
                    self.emit(Opcode::COPY, 3, tl);
                    self.emit(Opcode::COPY, 3, tl);
                    self.emit_noarg(Opcode::BINARY_SLICE, tl);
                } else {
                    self.visit_expr(&sub.slice)?;
                    self.emit(Opcode::COPY, 2, tl);
                    self.emit(Opcode::COPY, 2, tl);
                    self.emit(Opcode::BINARY_OP, super::expr::NB_SUBSCR, tl);
                }
            }
            Expr::Name(name) => self.nameop(&name.id, ExprContext::Load, tl)?,
            _ => return Err(self.error("invalid node type for augmented assignment", tl)),
        }
        self.visit_expr(&node.value)?;
        self.emit(
            Opcode::BINARY_OP,
            super::expr::binary_oparg(node.op, true),
            loc(node.location),
        );
        match target {
            Expr::Attribute(attr) => {
                let al = super::expr::attr_location(tl, attr);
                self.emit(Opcode::SWAP, 2, al);
                self.emit_name(NameOp::Plain(Opcode::STORE_ATTR), &attr.attr, al);
            }
            Expr::Subscript(sub) => {
                if super::expr::two_element_slice(&sub.slice) {
                    self.emit(Opcode::SWAP, 4, tl);
                    self.emit(Opcode::SWAP, 3, tl);
                    self.emit(Opcode::SWAP, 2, tl);
                    self.emit_noarg(Opcode::STORE_SLICE, tl);
                } else {
                    self.emit(Opcode::SWAP, 3, tl);
                    self.emit(Opcode::SWAP, 2, tl);
                    self.emit_noarg(Opcode::STORE_SUBSCR, tl);
                }
            }
            Expr::Name(name) => self.nameop(&name.id, ExprContext::Store, tl)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CgResult {
        self.visit_expr(e)?;
        self.emit_noarg(Opcode::POP_TOP, loc(e.location()));
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CgResult {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => {
                for elt in &t.elts {
                    self.check_ann_subscr(elt)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn ann_assign(&mut self, node: &'a ast::AnnAssign) -> CgResult {
        let l = loc(node.location);
        let future_annotations = self.future.annotations();
        if let Some(value) = &node.value {
            self.visit_expr(value)?;
            self.visit_expr(&node.target)?;
        }
        match &*node.target {
            Expr::Name(name) => {
                let scope_type = self.scope_type();
                if node.simple != 0 && matches!(scope_type, ScopeType::Module | ScopeType::Class) {
                    if future_annotations {
                        let text = super::unparse::unparse_annotation(&node.annotation);
                        self.load_const(
                            Constant::str(text.as_str()),
                            loc(node.annotation.location()),
                        );
                        self.emit_name(NameOp::Plain(Opcode::LOAD_NAME), "__annotations__", l);
                        let mangled = self.mangle_name(&name.id);
                        self.load_const(Constant::str(&*mangled), l);
                        self.emit_noarg(Opcode::STORE_SUBSCR, l);
                    } else {
                        let conditional =
                            self.unit().in_conditional_block > 0 || scope_type == ScopeType::Module;
                        let index = if conditional {
                            let unit = self.unit();
                            let index = unit.next_conditional_annotation_index;
                            unit.next_conditional_annotation_index += 1;
                            index
                        } else {
                            -1
                        };
                        self.unit().deferred_annotations.push((node, index));
                        if index != -1 {
                            if scope_type == ScopeType::Class {
                                let i = self.cellvar_index("__conditional_annotations__");
                                self.emit(Opcode::LOAD_DEREF, i, l);
                            } else {
                                let i = self.name_index("__conditional_annotations__");
                                self.emit(Opcode::LOAD_NAME, i, l);
                            }
                            self.load_const(Constant::int(index), l);
                            self.emit(Opcode::SET_ADD, 1, l);
                            self.emit_noarg(Opcode::POP_TOP, l);
                        }
                    }
                }
            }
            Expr::Attribute(attr) => {
                if node.value.is_none() {
                    self.check_ann_expr(&attr.value)?;
                }
            }
            Expr::Subscript(sub) => {
                if node.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment", l)),
        }
        Ok(())
    }
}
