//! Comprehensions and generator expressions; PEP 709 inlining of list, set and dict
//! comprehensions.
//!
//! CPython counterpart: `codegen_comprehension`, `codegen_sync_comprehension_generator`,
//! `codegen_async_comprehension_generator` and the inlined-comprehension helpers of
//! `Python/codegen.c`.

use pyrite_ast::{Comprehension, Expr};
use pyrite_bytecode::{Constant, Opcode};

use super::{ArgCounts, CgResult, Compiler, FBlockKind, ScopeType, loc};
use crate::instruction_sequence::{self as seq, NO_LOCATION, SourceLocation};
use crate::symtable::{DEF_LOCAL, DEF_NONLOCAL, Scope, ScopeKey};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Genexp,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn comprehension(&mut self, e: &'a Expr) -> CgResult {
        let (kind, name, key, generators, elt, val) = match e {
            Expr::GeneratorExp(c) => (
                Kind::Genexp,
                "<genexpr>",
                ScopeKey::node(c),
                &c.generators,
                &*c.elt,
                None,
            ),
            Expr::ListComp(c) => (
                Kind::List,
                "<listcomp>",
                ScopeKey::node(c),
                &c.generators,
                &*c.elt,
                None,
            ),
            Expr::SetComp(c) => (
                Kind::Set,
                "<setcomp>",
                ScopeKey::node(c),
                &c.generators,
                &*c.elt,
                None,
            ),
            Expr::DictComp(c) => (
                Kind::Dict,
                "<dictcomp>",
                ScopeKey::node(c),
                &c.generators,
                &*c.key,
                Some(&*c.value),
            ),
            _ => return Ok(()),
        };
        let l = loc(e.location());
        let scope = self.lookup_scope(key);
        let entry = self.table.entry(scope);
        let inlined = entry.comp_inlined;
        let is_async = entry.coroutine;
        let outermost = &generators[0];
        let mut state = None;
        let get_iter = if outermost.is_async != 0 {
            Opcode::GET_AITER
        } else {
            Opcode::GET_ITER
        };
        let outer_iter_loc = loc(outermost.iter.location());
        if inlined {
            self.visit_expr(&outermost.iter)?;
            self.emit_noarg(get_iter, outer_iter_loc);
            let mut st = self.tweak_inlined_scopes(entry);
            self.push_inlined_locals(l, entry, &mut st);
            state = Some(st);
        } else {
            self.enter_scope(
                name,
                ScopeType::Comprehension,
                scope,
                e.location().lineno,
                None,
                ArgCounts {
                    argcount: 1,
                    ..Default::default()
                },
            )?;
        }
        if kind != Kind::Genexp {
            let op = match kind {
                Kind::List => Opcode::BUILD_LIST,
                Kind::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit(op, 0, l);
            if inlined {
                self.emit(Opcode::SWAP, 2, l);
            }
        }
        let result = self.comprehension_generator(l, generators, 0, 0, elt, val, kind, inlined);
        if let Err(err) = result {
            if !inlined {
                self.units.pop();
            }
            return Err(err);
        }
        if let Some(mut st) = state {
            self.pop_inlined_locals(l, &mut st);
            self.revert_inlined_scopes(st);
            return Ok(());
        }
        if kind != Kind::Genexp {
            self.emit_noarg(Opcode::RETURN_VALUE, l);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, 0, l)?;
        self.visit_expr(&outermost.iter)?;
        self.emit_noarg(get_iter, outer_iter_loc);
        self.emit(Opcode::CALL, 0, l);
        if is_async && kind != Kind::Genexp {
            self.emit(Opcode::GET_AWAITABLE, 0, l);
            self.load_const(Constant::None, l);
            self.add_yield_from(l, true);
        }
        Ok(())
    }

    /// `codegen_wrap_in_stopiteration_handler`.
    pub(crate) fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        self.unit()
            .seq
            .insert_instruction(0, seq::SETUP_CLEANUP, handler.0, NO_LOCATION);
        self.load_const(Constant::None, NO_LOCATION);
        self.emit_noarg(Opcode::RETURN_VALUE, NO_LOCATION);
        self.use_label(handler);
        self.emit(
            Opcode::CALL_INTRINSIC_1,
            super::INTRINSIC_STOPITERATION_ERROR,
            NO_LOCATION,
        );
        self.emit(Opcode::RERAISE, 1, NO_LOCATION);
    }

    fn push_inlined_locals(
        &mut self,
        l: SourceLocation,
        comp: &crate::symtable::SymbolTableEntry,
        state: &mut super::InlinedState,
    ) {
        let outer = self.ste();
        let in_class_block =
            outer.block_type == crate::symtable::BlockType::Class && !self.in_inlined_comp();
        for (name, symbol) in comp.symbols.iter() {
            let scope = Scope::from_flags(symbol);
            let outsymbol = self.symbol_flags(name);
            let outsc = Scope::from_flags(outsymbol);
            if (symbol & DEF_LOCAL != 0 && symbol & DEF_NONLOCAL == 0) || in_class_block {
                let index = self.varname_index(name);
                self.emit(Opcode::LOAD_FAST_AND_CLEAR, index, l);
                if scope == Some(Scope::Cell) {
                    let cell = if outsc == Some(Scope::Free) {
                        self.freevar_index(name)
                    } else {
                        self.cellvar_index(name)
                    };
                    self.emit(Opcode::MAKE_CELL, cell, l);
                }
                state.pushed_locals.push(name.to_string());
            }
        }
        if !state.pushed_locals.is_empty() {
            self.emit(Opcode::SWAP, state.pushed_locals.len() as i32 + 1, l);
            let cleanup = self.new_label();
            state.cleanup = Some(cleanup);
            self.jump(seq::SETUP_FINALLY, cleanup, l);
        }
    }

    fn restore_inlined_locals(&mut self, l: SourceLocation, state: &super::InlinedState) {
        let n = state.pushed_locals.len();
        self.emit(Opcode::SWAP, n as i32 + 1, l);
        for name in state.pushed_locals.iter().rev() {
            let index = self.varname_index(name);
            self.emit(seq::STORE_FAST_MAYBE_NULL, index, l);
        }
    }

    fn pop_inlined_locals(&mut self, l: SourceLocation, state: &mut super::InlinedState) {
        if state.pushed_locals.is_empty() {
            return;
        }
        self.emit_noarg(seq::POP_BLOCK, NO_LOCATION);
        let end = self.new_label();
        self.jump(seq::JUMP_NO_INTERRUPT, end, NO_LOCATION);
        self.use_label(state.cleanup.expect("set with pushed locals"));
        self.emit(Opcode::SWAP, 2, NO_LOCATION);
        self.emit_noarg(Opcode::POP_TOP, NO_LOCATION);
        self.restore_inlined_locals(l, state);
        self.emit(Opcode::RERAISE, 0, NO_LOCATION);
        self.use_label(end);
        self.restore_inlined_locals(l, state);
        state.pushed_locals.clear();
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        l: SourceLocation,
        generators: &'a [Comprehension],
        index: usize,
        depth: i32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
        iter_on_stack: bool,
    ) -> CgResult {
        if generators[index].is_async != 0 {
            self.async_comprehension_generator(
                l,
                generators,
                index,
                depth,
                elt,
                val,
                kind,
                iter_on_stack,
            )
        } else {
            self.sync_comprehension_generator(
                l,
                generators,
                index,
                depth,
                elt,
                val,
                kind,
                iter_on_stack,
            )
        }
    }

    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
        depth: i32,
    ) -> CgResult<SourceLocation> {
        let mut elt_loc = loc(elt.location());
        match kind {
            Kind::Genexp => {
                self.visit_expr(elt)?;
                self.add_yield(elt_loc);
                self.emit_noarg(Opcode::POP_TOP, elt_loc);
            }
            Kind::List => {
                self.visit_expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1, elt_loc);
            }
            Kind::Set => {
                self.visit_expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1, elt_loc);
            }
            Kind::Dict => {
                let val = val.expect("dict comprehensions have a value");
                self.visit_expr(elt)?;
                self.visit_expr(val)?;
                let el = elt.location();
                let vl = val.location();
                elt_loc =
                    SourceLocation::new(el.lineno, vl.end_lineno, el.col_offset, vl.end_col_offset);
                self.emit(Opcode::MAP_ADD, depth + 1, elt_loc);
            }
        }
        Ok(elt_loc)
    }

    #[allow(clippy::too_many_arguments)]
    fn sync_comprehension_generator(
        &mut self,
        l: SourceLocation,
        generators: &'a [Comprehension],
        mut index: usize,
        mut depth: i32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
        iter_on_stack: bool,
    ) -> CgResult {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let generator = &generators[index];
        let iter_loc = loc(generator.iter.location());
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0, l);
            } else {
                let elts = match &generator.iter {
                    Expr::List(list) => Some(&list.elts),
                    Expr::Tuple(tuple) => Some(&tuple.elts),
                    _ => None,
                };
                if let Some(elts) = elts
                    && elts.len() == 1
                    && !matches!(elts[0], Expr::Starred(_))
                {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
                if start.is_some() {
                    self.visit_expr(&generator.iter)?;
                    self.emit_noarg(Opcode::GET_ITER, iter_loc);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            self.jump(Opcode::FOR_ITER, anchor, iter_loc);
        }
        self.visit_expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(l, cond, if_cleanup, false)?;
        }
        index += 1;
        if index < generators.len() {
            self.comprehension_generator(l, generators, index, depth, elt, val, kind, false)?;
        }
        let mut elt_loc = loc(elt.location());
        if index >= generators.len() {
            elt_loc = self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.jump(seq::JUMP, start, elt_loc);
            self.use_label(anchor);
            self.emit_noarg(Opcode::END_FOR, NO_LOCATION);
            self.emit_noarg(Opcode::POP_ITER, NO_LOCATION);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        l: SourceLocation,
        generators: &'a [Comprehension],
        mut index: usize,
        mut depth: i32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
        iter_on_stack: bool,
    ) -> CgResult {
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let generator = &generators[index];
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0, l);
            } else {
                self.visit_expr(&generator.iter)?;
                self.emit_noarg(Opcode::GET_AITER, loc(generator.iter.location()));
            }
        }
        self.use_label(start);
        self.push_fblock(
            l,
            FBlockKind::AsyncComprehensionGenerator,
            Some(start),
            None,
        )?;
        self.jump(seq::SETUP_FINALLY, except, l);
        self.emit_noarg(Opcode::GET_ANEXT, l);
        self.load_const(Constant::None, l);
        self.use_label(send);
        self.add_yield_from(l, true);
        self.emit_noarg(seq::POP_BLOCK, l);
        self.visit_expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(l, cond, if_cleanup, false)?;
        }
        depth += 1;
        index += 1;
        if index < generators.len() {
            self.comprehension_generator(l, generators, index, depth, elt, val, kind, false)?;
        }
        let mut elt_loc = loc(elt.location());
        if index >= generators.len() {
            elt_loc = self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_label(if_cleanup);
        self.jump(seq::JUMP, start, elt_loc);
        self.pop_fblock();
        self.use_label(except);
        self.jump(Opcode::END_ASYNC_FOR, send, l);
        Ok(())
    }
}
