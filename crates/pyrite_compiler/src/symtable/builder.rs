//! First pass of the symbol table: walk the AST, open a block wherever CPython opens one
//! and record the raw facts about every name in it.
//!
//! CPython counterpart: the `symtable_visit_*` functions, `symtable_enter_block`,
//! `symtable_add_def` and friends in `Python/symtable.c`. The errors that the AST alone
//! shows (`global` after use, `yield` in a comprehension, `await` outside an async
//! function, walrus rebinding an iteration variable, ...) are raised here, at the
//! offending node's position.

use crate::fast_hash::{FastHashMap as HashMap, FastHashSet as HashSet};

use pyrite_ast::{
    Alias, Arg, Arguments, Await, ClassDef, Comprehension, ExceptHandler, Expr, ExprContext,
    FunctionDef, Keyword, Lambda, Location, MatchCase, Mod, Name, NamedExpr, Pattern, Stmt,
    TypeAlias, TypeParam, WithItem,
};

use super::{
    BlockType, ComprehensionKind, DEF_ANNOT, DEF_COMP_ITER, DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL,
    DEF_NONLOCAL, DEF_PARAM, DEF_TYPE_PARAM, ScopeId, ScopeKey, ScopeRole, SymbolMap, SymbolTable,
    SymbolTableEntry, SymtableError, USE, mangle, syntax_error_at,
};
use crate::docstring::has_docstring;
use crate::future::{FutureFeatures, PYCF_ALLOW_TOP_LEVEL_AWAIT};

/// How deep statements, expressions, patterns and type parameters may nest before the pass
/// gives up with a RecursionError instead of exhausting the native stack.
const MAX_RECURSION_DEPTH: u32 = 3000;

type VisitResult = Result<(), SymtableError>;

/// The kinds of generic definition a type-parameter block can belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum GenericKind {
    Function,
    Class,
    TypeAlias,
}

pub(super) fn collect(module: &Mod, future: &FutureFeatures) -> Result<SymbolTable, SymtableError> {
    let mut builder = Builder {
        table: SymbolTable {
            entries: Vec::new(),
            by_key: HashMap::default(),
            top: ScopeId(0),
        },
        stack: Vec::new(),
        private: None,
        future,
        mangled_sets: Vec::new(),
        depth: 0,
    };
    let top = builder.enter_block(
        "top",
        BlockType::Module,
        ScopeKey::node(module),
        Location::new(0, 0, 0, 0),
    )?;
    builder.table.top = top;
    match module {
        Mod::Module(module) => {
            builder.cur_mut().has_docstring = has_docstring(&module.body);
            builder.visit_body(&module.body)?;
        }
        Mod::Interactive(interactive) => builder.visit_body(&interactive.body)?,
        Mod::Expression(expression) => builder.visit_expr(&expression.body)?,
        Mod::FunctionType(_) => {
            return Err(SymtableError::Runtime(
                "this compiler does not handle FunctionTypes",
            ));
        }
    }
    builder.exit_block();
    Ok(builder.table)
}

struct Builder<'f> {
    table: SymbolTable,
    /// The blocks being visited, innermost last (`st_stack`; `st_cur` is its top).
    stack: Vec<ScopeId>,
    /// The name of the class whose body is being visited, for mangling (`st_private`).
    private: Option<String>,
    future: &'f FutureFeatures,
    /// `ste_mangled_names` sets: a generic class's type-parameter block and the blocks
    /// inside it share one set (by index here, by reference in CPython).
    mangled_sets: Vec<HashSet<String>>,
    depth: u32,
}

impl Builder<'_> {
    // ---------------------------------------------------------------------------------
    // Blocks

    fn cur(&self) -> ScopeId {
        *self
            .stack
            .last()
            .expect("the module block is entered first")
    }

    fn cur_entry(&self) -> &SymbolTableEntry {
        self.table.entry(self.cur())
    }

    fn cur_mut(&mut self) -> &mut SymbolTableEntry {
        let cur = self.cur();
        self.table.entry_mut(cur)
    }

    /// `ste_new`: a block that is not entered yet.
    fn new_entry(
        &mut self,
        name: &str,
        block_type: BlockType,
        key: ScopeKey,
        location: Location,
    ) -> ScopeId {
        let parent = self.stack.last().map(|&id| self.table.entry(id));
        let nested = parent.is_some_and(|p| p.nested || p.is_function_like());
        let method = parent.is_some_and(|p| p.block_type == BlockType::Class)
            && block_type == BlockType::Function;
        let id = ScopeId(self.table.entries.len() as u32);
        self.table.entries.push(SymbolTableEntry {
            key,
            name: name.to_string(),
            block_type,
            location,
            symbols: SymbolMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: ComprehensionKind::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            comp_inlined: false,
            can_see_class_scope: false,
            method,
            has_docstring: false,
            annotations_used: false,
            annotation_block: None,
            scope_info: None,
            comp_iter_target: false,
            comp_iter_expr: 0,
            in_conditional_block: false,
            in_unevaluated_annotation: false,
            mangled_names: None,
        });
        self.table.by_key.insert(key, id);
        id
    }

    /// `symtable_enter_existing_block`.
    fn enter_existing_block(&mut self, id: ScopeId) {
        let prev = self.stack.last().copied();
        self.stack.push(id);
        if let Some(prev) = prev {
            let prev_entry = self.table.entry(prev);
            let comp_iter_expr = prev_entry.comp_iter_expr;
            let mangled_names = prev_entry.mangled_names;
            let entry = self.table.entry_mut(id);
            entry.comp_iter_expr = comp_iter_expr;
            if mangled_names.is_some() && entry.block_type != BlockType::Class {
                entry.mangled_names = mangled_names;
            }
        }
        // Under `from __future__ import annotations` annotations become strings, so their
        // scopes stay out of the tree (names are still recorded in them, unseen).
        if self.future.annotations() && self.table.entry(id).block_type == BlockType::Annotation {
            return;
        }
        if let Some(prev) = prev {
            self.table.entry_mut(prev).children.push(id);
        }
    }

    /// `symtable_enter_block`.
    fn enter_block(
        &mut self,
        name: &str,
        block_type: BlockType,
        key: ScopeKey,
        location: Location,
    ) -> Result<ScopeId, SymtableError> {
        let id = self.new_entry(name, block_type, key, location);
        self.enter_existing_block(id);
        if matches!(
            block_type,
            BlockType::Annotation | BlockType::TypeVariable | BlockType::TypeAlias
        ) {
            // These scopes compile to functions reading their `format` argument.
            self.add_def(".format", DEF_PARAM, location)?;
            self.add_def(".format", USE, location)?;
        }
        Ok(id)
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    // ---------------------------------------------------------------------------------
    // Names

    /// `_Py_MaybeMangle`: in a generic class's type-parameter scope only the type
    /// parameters themselves are mangled.
    fn maybe_mangle<'n>(&self, ste: ScopeId, name: &'n str) -> std::borrow::Cow<'n, str> {
        if let Some(set) = self.table.entry(ste).mangled_names
            && !self.mangled_sets[set].contains(name)
        {
            return std::borrow::Cow::Borrowed(name);
        }
        mangle(self.private.as_deref(), name)
    }

    /// `symtable_lookup_entry`: the flags recorded so far for `name` in `ste`.
    fn lookup_in(&self, ste: ScopeId, name: &str) -> u32 {
        let mangled = self.maybe_mangle(ste, name);
        self.table.entry(ste).flags(&mangled)
    }

    fn lookup(&self, name: &str) -> u32 {
        self.lookup_in(self.cur(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32, location: Location) -> VisitResult {
        let ctx = if flag == USE {
            ExprContext::Load
        } else {
            ExprContext::Store
        };
        self.add_def_ctx(name, flag, location, ctx)
    }

    fn add_def_ctx(
        &mut self,
        name: &str,
        flag: u32,
        location: Location,
        ctx: ExprContext,
    ) -> VisitResult {
        if flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT) != 0 {
            check_name(name, location, ctx)?;
        }
        if flag & DEF_TYPE_PARAM != 0
            && let Some(set) = self.cur_entry().mangled_names
        {
            self.mangled_sets[set].insert(name.to_string());
        }
        self.add_def_in(name, flag, self.cur(), location)
    }

    /// `symtable_add_def_helper`: records `flag` for `name` in block `ste` (mangled as in
    /// the current block).
    fn add_def_in(
        &mut self,
        name: &str,
        flag: u32,
        ste: ScopeId,
        location: Location,
    ) -> VisitResult {
        let mangled = self.maybe_mangle(self.cur(), name);
        let entry = self.table.entry_mut(ste);
        let mut flags = match entry.symbols.get(&mangled) {
            Some(old) => {
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return Err(syntax_error_at(
                        format!("duplicate argument '{name}' in function definition"),
                        location,
                    )
                    .into());
                }
                if flag & DEF_TYPE_PARAM != 0 && old & DEF_TYPE_PARAM != 0 {
                    return Err(syntax_error_at(
                        format!("duplicate type parameter '{name}'"),
                        location,
                    )
                    .into());
                }
                old | flag
            }
            None => flag,
        };
        if entry.comp_iter_target {
            // A comprehension's iteration variable: it may not also be the target of a
            // walrus seen earlier, and later walruses check this mark.
            if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(syntax_error_at(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    location,
                )
                .into());
            }
            flags |= DEF_COMP_ITER;
        }
        entry.symbols.set(&mangled, flags);
        if flag & DEF_PARAM != 0 {
            entry.varnames.push(mangled.into_owned());
        } else if flag & DEF_GLOBAL != 0 {
            let module = &mut self.table.entries[self.table.top.0 as usize].symbols;
            let old = module.get(&mangled).unwrap_or(0);
            module.set(&mangled, old | flag);
        }
        Ok(())
    }

    /// `symtable_record_directive`: remembers where a `global`/`nonlocal` was declared.
    fn record_directive(&mut self, name: &str, location: Location) {
        let mangled = self.maybe_mangle(self.cur(), name);
        self.cur_mut()
            .directives
            .push((mangled.into_owned(), location));
    }

    fn allows_top_level_await(&self) -> bool {
        self.future.features & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0
            && self.cur_entry().block_type == BlockType::Module
    }

    fn is_async_def(&self) -> bool {
        let cur = self.cur_entry();
        cur.block_type == BlockType::Function && cur.coroutine
    }

    fn enter_recursion(&mut self) -> VisitResult {
        self.depth += 1;
        if self.depth > MAX_RECURSION_DEPTH {
            return Err(SymtableError::Recursion);
        }
        Ok(())
    }

    // ---------------------------------------------------------------------------------
    // Statements

    fn visit_body(&mut self, body: &[Stmt]) -> VisitResult {
        body.iter().try_for_each(|stmt| self.visit_stmt(stmt))
    }

    /// A body visited with `ste_in_conditional_block` set (`ENTER_CONDITIONAL_BLOCK`).
    fn visit_conditional<F>(&mut self, visit: F) -> VisitResult
    where
        F: FnOnce(&mut Self) -> VisitResult,
    {
        let saved = self.cur_entry().in_conditional_block;
        self.cur_mut().in_conditional_block = true;
        visit(self)?;
        self.cur_mut().in_conditional_block = saved;
        Ok(())
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> VisitResult {
        self.enter_recursion()?;
        self.visit_stmt_inner(stmt)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_stmt_inner(&mut self, stmt: &Stmt) -> VisitResult {
        match stmt {
            Stmt::FunctionDef(def) => self.visit_function_def(def, false),
            Stmt::AsyncFunctionDef(def) => self.visit_function_def(def, true),
            Stmt::ClassDef(class) => self.visit_class_def(class),
            Stmt::TypeAlias(alias) => self.visit_type_alias(alias),
            Stmt::Return(ret) => {
                if let Some(value) = &ret.value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
                Ok(())
            }
            Stmt::Delete(delete) => self.visit_exprs(&delete.targets),
            Stmt::Assign(assign) => {
                self.visit_exprs(&assign.targets)?;
                self.visit_expr(&assign.value)
            }
            Stmt::AnnAssign(assign) => {
                self.cur_mut().annotations_used = true;
                if let Expr::Name(target) = &*assign.target {
                    let flags = self.lookup(&target.id);
                    let cur = self.cur();
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && cur != self.table.top
                        && assign.simple != 0
                    {
                        let what = if flags & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(syntax_error_at(
                            format!("annotated name '{}' can't be {what}", target.id),
                            assign.location,
                        )
                        .into());
                    }
                    if assign.simple != 0 {
                        self.add_def(&target.id, DEF_ANNOT | DEF_LOCAL, target.location)?;
                    } else if assign.value.is_some() {
                        self.add_def(&target.id, DEF_LOCAL, target.location)?;
                    }
                } else {
                    self.visit_expr(&assign.target)?;
                }
                let body_key = self.cur_entry().key;
                let key = ScopeKey {
                    role: ScopeRole::BodyAnnotations,
                    address: body_key.address,
                };
                self.visit_annotation(&assign.annotation, key)?;
                if let Some(value) = &assign.value {
                    self.visit_expr(value)?;
                }
                Ok(())
            }
            Stmt::AugAssign(assign) => {
                self.visit_expr(&assign.target)?;
                self.visit_expr(&assign.value)
            }
            Stmt::For(for_) | Stmt::AsyncFor(for_) => {
                if matches!(stmt, Stmt::AsyncFor(_)) {
                    self.require_coroutine("'async for' outside async function", for_.location)?;
                }
                self.visit_expr(&for_.target)?;
                self.visit_expr(&for_.iter)?;
                self.visit_conditional(|this| {
                    this.visit_body(&for_.body)?;
                    this.visit_body(&for_.orelse)
                })
            }
            Stmt::While(while_) => {
                self.visit_expr(&while_.test)?;
                self.visit_conditional(|this| {
                    this.visit_body(&while_.body)?;
                    this.visit_body(&while_.orelse)
                })
            }
            Stmt::If(if_) => {
                self.visit_expr(&if_.test)?;
                self.visit_conditional(|this| {
                    this.visit_body(&if_.body)?;
                    this.visit_body(&if_.orelse)
                })
            }
            Stmt::Match(match_) => {
                self.visit_expr(&match_.subject)?;
                self.visit_conditional(|this| {
                    match_
                        .cases
                        .iter()
                        .try_for_each(|case| this.visit_match_case(case))
                })
            }
            Stmt::Raise(raise) => {
                if let Some(exc) = &raise.exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = &raise.cause {
                        self.visit_expr(cause)?;
                    }
                }
                Ok(())
            }
            Stmt::Try(try_) | Stmt::TryStar(try_) => self.visit_conditional(|this| {
                this.visit_body(&try_.body)?;
                try_.handlers
                    .iter()
                    .try_for_each(|handler| this.visit_except_handler(handler))?;
                this.visit_body(&try_.orelse)?;
                this.visit_body(&try_.finalbody)
            }),
            Stmt::Assert(assert) => {
                self.visit_expr(&assert.test)?;
                if let Some(msg) = &assert.msg {
                    self.visit_expr(msg)?;
                }
                Ok(())
            }
            Stmt::Import(import) => import.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::ImportFrom(import) => {
                import.names.iter().try_for_each(|a| self.visit_alias(a))?;
                let future = self.future.location;
                let location = import.location;
                if import.level == 0
                    && import.module.as_deref() == Some("__future__")
                    && (location.lineno > future.lineno
                        || (location.lineno == future.end_lineno
                            && location.col_offset > future.end_col_offset))
                {
                    return Err(syntax_error_at(
                        "from __future__ imports must occur at the beginning of the file",
                        location,
                    )
                    .into());
                }
                Ok(())
            }
            Stmt::Global(global) => {
                self.visit_declaration(&global.names, DEF_GLOBAL, "global", global.location)
            }
            Stmt::Nonlocal(nonlocal) => {
                self.visit_declaration(&nonlocal.names, DEF_NONLOCAL, "nonlocal", nonlocal.location)
            }
            Stmt::Expr(expr) => self.visit_expr(&expr.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::With(with) | Stmt::AsyncWith(with) => {
                if matches!(stmt, Stmt::AsyncWith(_)) {
                    self.require_coroutine("'async with' outside async function", with.location)?;
                }
                self.visit_conditional(|this| {
                    with.items
                        .iter()
                        .try_for_each(|item| this.visit_with_item(item))?;
                    this.visit_body(&with.body)
                })
            }
        }
    }

    /// `async for`/`async with` need an async function (or a module compiled with
    /// top-level await).
    fn require_coroutine(&mut self, msg: &str, location: Location) -> VisitResult {
        if self.allows_top_level_await() {
            self.cur_mut().coroutine = true;
        }
        if !self.cur_entry().coroutine {
            return Err(syntax_error_at(msg, location).into());
        }
        Ok(())
    }

    fn visit_declaration(
        &mut self,
        names: &[String],
        flag: u32,
        keyword: &str,
        location: Location,
    ) -> VisitResult {
        for name in names {
            let flags = self.lookup(name);
            if flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if flags & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {keyword}")
                } else if flags & USE != 0 {
                    format!("name '{name}' is used prior to {keyword} declaration")
                } else if flags & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {keyword}")
                } else {
                    format!("name '{name}' is assigned to before {keyword} declaration")
                };
                return Err(syntax_error_at(msg, location).into());
            }
            self.add_def(name, flag, location)?;
            self.record_directive(name, location);
        }
        Ok(())
    }

    fn visit_function_def(&mut self, def: &FunctionDef, is_async: bool) -> VisitResult {
        self.add_def(&def.name, DEF_LOCAL, def.location)?;
        self.visit_exprs(&def.args.defaults)?;
        self.visit_optional_exprs(&def.args.kw_defaults)?;
        self.visit_exprs(&def.decorator_list)?;
        let generic = !def.type_params.is_empty();
        if generic {
            // The parser always gives a (possibly empty) defaults list, which CPython
            // counts as present; keyword defaults count only when one exists.
            let has_kwdefaults = def.args.kw_defaults.iter().any(Option::is_some);
            self.enter_type_param_block(
                &def.name,
                ScopeKey::new(ScopeRole::TypeParams, def),
                true,
                has_kwdefaults,
                GenericKind::Function,
                def.location,
            )?;
            self.visit_type_params(&def.type_params)?;
        }
        let function = self.new_entry(
            &def.name,
            BlockType::Function,
            ScopeKey::node(def),
            def.location,
        );
        self.table.entry_mut(function).has_docstring = has_docstring(&def.body);
        self.visit_parameter_annotations(def)?;
        self.enter_existing_block(function);
        if is_async {
            self.cur_mut().coroutine = true;
        }
        self.visit_arguments(&def.args)?;
        self.visit_body(&def.body)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        Ok(())
    }

    fn visit_class_def(&mut self, class: &ClassDef) -> VisitResult {
        self.add_def(&class.name, DEF_LOCAL, class.location)?;
        self.visit_exprs(&class.decorator_list)?;
        let saved_private = self.private.clone();
        let generic = !class.type_params.is_empty();
        if generic {
            self.enter_type_param_block(
                &class.name,
                ScopeKey::new(ScopeRole::TypeParams, class),
                false,
                false,
                GenericKind::Class,
                class.location,
            )?;
            self.private = Some(class.name.clone());
            self.mangled_sets.push(HashSet::default());
            self.cur_mut().mangled_names = Some(self.mangled_sets.len() - 1);
            self.visit_type_params(&class.type_params)?;
        }
        self.visit_exprs(&class.bases)?;
        check_keywords(&class.keywords)?;
        self.visit_keywords(&class.keywords)?;
        self.enter_block(
            &class.name,
            BlockType::Class,
            ScopeKey::node(class),
            class.location,
        )?;
        self.private = Some(class.name.clone());
        if generic {
            self.add_def("__type_params__", DEF_LOCAL, class.location)?;
            self.add_def(".type_params", USE, class.location)?;
        }
        self.cur_mut().has_docstring = has_docstring(&class.body);
        self.visit_body(&class.body)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        self.private = saved_private;
        Ok(())
    }

    fn visit_type_alias(&mut self, alias: &TypeAlias) -> VisitResult {
        self.visit_expr(&alias.name)?;
        let name = match &*alias.name {
            Expr::Name(name) => name.id.as_str(),
            _ => "",
        };
        let in_class = self.cur_entry().block_type == BlockType::Class;
        let generic = !alias.type_params.is_empty();
        if generic {
            self.enter_type_param_block(
                name,
                ScopeKey::new(ScopeRole::TypeParams, alias),
                false,
                false,
                GenericKind::TypeAlias,
                alias.location,
            )?;
            self.visit_type_params(&alias.type_params)?;
        }
        self.enter_block(
            name,
            BlockType::TypeAlias,
            ScopeKey::node(alias),
            alias.location,
        )?;
        self.cur_mut().can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", USE, alias.value.location())?;
        }
        self.visit_expr(&alias.value)?;
        self.exit_block();
        if generic {
            self.exit_block();
        }
        Ok(())
    }

    /// `symtable_enter_type_param_block`: the scope a generic definition's type
    /// parameters live in, with the hidden names its compiled code uses.
    fn enter_type_param_block(
        &mut self,
        name: &str,
        key: ScopeKey,
        has_defaults: bool,
        has_kwdefaults: bool,
        kind: GenericKind,
        location: Location,
    ) -> VisitResult {
        let in_class = self.cur_entry().block_type == BlockType::Class;
        self.enter_block(name, BlockType::TypeParameters, key, location)?;
        if in_class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", USE, location)?;
        }
        if kind == GenericKind::Class {
            self.add_def(".type_params", DEF_LOCAL, location)?;
            self.add_def(".type_params", USE, location)?;
            self.add_def(".generic_base", DEF_LOCAL, location)?;
            self.add_def(".generic_base", USE, location)?;
        }
        if has_defaults {
            self.add_def(".defaults", DEF_PARAM, location)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", DEF_PARAM, location)?;
        }
        Ok(())
    }

    fn visit_type_params(&mut self, params: &[TypeParam]) -> VisitResult {
        params
            .iter()
            .try_for_each(|param| self.visit_type_param(param))
    }

    fn visit_type_param(&mut self, param: &TypeParam) -> VisitResult {
        self.enter_recursion()?;
        let location = param.location();
        self.add_def(param.name(), DEF_TYPE_PARAM | DEF_LOCAL, location)?;
        let bound_key = ScopeKey::new(ScopeRole::TypeParamBound, param);
        match param {
            TypeParam::TypeVar(var) => {
                let info = match var.bound.as_deref() {
                    Some(Expr::Tuple(_)) => "a TypeVar constraint",
                    _ => "a TypeVar bound",
                };
                self.visit_type_param_scope(
                    var.bound.as_deref(),
                    &var.name,
                    bound_key,
                    location,
                    info,
                )?;
                let default_key = ScopeKey::new(ScopeRole::TypeParamDefault, param);
                self.visit_type_param_scope(
                    var.default_value.as_deref(),
                    &var.name,
                    default_key,
                    location,
                    "a TypeVar default",
                )?;
            }
            TypeParam::TypeVarTuple(var) => self.visit_type_param_scope(
                var.default_value.as_deref(),
                &var.name,
                bound_key,
                location,
                "a TypeVarTuple default",
            )?,
            TypeParam::ParamSpec(spec) => self.visit_type_param_scope(
                spec.default_value.as_deref(),
                &spec.name,
                bound_key,
                location,
                "a ParamSpec default",
            )?,
        }
        self.depth -= 1;
        Ok(())
    }

    /// `symtable_visit_type_param_bound_or_default`: a bound, constraints or default is
    /// evaluated lazily in a scope of its own.
    fn visit_type_param_scope(
        &mut self,
        expr: Option<&Expr>,
        name: &str,
        key: ScopeKey,
        param_location: Location,
        info: &'static str,
    ) -> VisitResult {
        if name == "__classdict__" {
            return Err(syntax_error_at(
                "reserved name '__classdict__' cannot be used for type parameter",
                param_location,
            )
            .into());
        }
        let Some(expr) = expr else {
            return Ok(());
        };
        let in_class = self.cur_entry().can_see_class_scope;
        self.enter_block(name, BlockType::TypeVariable, key, expr.location())?;
        self.cur_mut().can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", USE, expr.location())?;
        }
        self.cur_mut().scope_info = Some(info);
        self.visit_expr(expr)?;
        self.exit_block();
        Ok(())
    }

    /// `symtable_visit_annotations`: a function's parameter and return annotations are
    /// evaluated by an `__annotate__` scope opened in the defining block.
    fn visit_parameter_annotations(&mut self, def: &FunctionDef) -> VisitResult {
        let parent = self.cur_entry();
        let in_class = parent.can_see_class_scope || parent.block_type == BlockType::Class;
        self.enter_block(
            "__annotate__",
            BlockType::Annotation,
            ScopeKey::new(ScopeRole::ParameterAnnotations, def),
            def.location,
        )?;
        if in_class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", USE, def.location)?;
        }
        let args = &def.args;
        self.visit_arg_annotations(&args.posonlyargs)?;
        self.visit_arg_annotations(&args.args)?;
        if let Some(vararg) = &args.vararg {
            self.visit_arg_annotations(std::slice::from_ref(vararg))?;
        }
        if let Some(kwarg) = &args.kwarg {
            self.visit_arg_annotations(std::slice::from_ref(kwarg))?;
        }
        self.visit_arg_annotations(&args.kwonlyargs)?;
        if let Some(returns) = &def.returns {
            self.cur_mut().annotations_used = true;
            self.visit_expr(returns)?;
        }
        self.exit_block();
        Ok(())
    }

    fn visit_arg_annotations<A: std::borrow::Borrow<Arg>>(&mut self, args: &[A]) -> VisitResult {
        for arg in args {
            if let Some(annotation) = &arg.borrow().annotation {
                self.cur_mut().annotations_used = true;
                self.visit_expr(annotation)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_annotation`: the annotation of an annotated assignment, evaluated
    /// by the body's single `__annotate__` scope (not evaluated at all in functions).
    fn visit_annotation(&mut self, annotation: &Expr, key: ScopeKey) -> VisitResult {
        let parent = self.cur();
        let parent_entry = self.table.entry(parent);
        let parent_type = parent_entry.block_type;
        let unevaluated = parent_type == BlockType::Function;
        // A module's annotations are always tracked as conditional (its body may stop
        // half-way, e.g. on an exception); a class's only inside conditional code.
        let conditional = match parent_type {
            BlockType::Module => true,
            BlockType::Class => parent_entry.in_conditional_block,
            _ => false,
        };
        if conditional && !parent_entry.has_conditional_annotations {
            self.cur_mut().has_conditional_annotations = true;
            self.add_def("__conditional_annotations__", USE, annotation.location())?;
        }
        match self.table.entry(parent).annotation_block {
            None => {
                let block = self.enter_block(
                    "__annotate__",
                    BlockType::Annotation,
                    key,
                    annotation.location(),
                )?;
                self.table.entry_mut(parent).annotation_block = Some(block);
                if parent_type == BlockType::Class && !self.future.annotations() {
                    self.cur_mut().can_see_class_scope = true;
                    self.add_def("__classdict__", USE, annotation.location())?;
                }
            }
            // Entered again, but listed among the children only once.
            Some(block) => self.stack.push(block),
        }
        if unevaluated {
            self.cur_mut().in_unevaluated_annotation = true;
        }
        self.visit_expr(annotation)?;
        if unevaluated {
            self.cur_mut().in_unevaluated_annotation = false;
        }
        self.exit_block();
        Ok(())
    }

    fn visit_arguments(&mut self, args: &Arguments) -> VisitResult {
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&arg.arg, DEF_PARAM, arg.location)?;
        }
        if let Some(vararg) = &args.vararg {
            self.add_def(&vararg.arg, DEF_PARAM, vararg.location)?;
            self.cur_mut().varargs = true;
        }
        if let Some(kwarg) = &args.kwarg {
            self.add_def(&kwarg.arg, DEF_PARAM, kwarg.location)?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    fn visit_except_handler(&mut self, handler: &ExceptHandler) -> VisitResult {
        if let Some(type_) = &handler.type_ {
            self.visit_expr(type_)?;
        }
        if let Some(name) = &handler.name {
            self.add_def(name, DEF_LOCAL, handler.location)?;
        }
        self.visit_body(&handler.body)
    }

    fn visit_with_item(&mut self, item: &WithItem) -> VisitResult {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    fn visit_match_case(&mut self, case: &MatchCase) -> VisitResult {
        self.visit_pattern(&case.pattern)?;
        if let Some(guard) = &case.guard {
            self.visit_expr(guard)?;
        }
        self.visit_body(&case.body)
    }

    fn visit_alias(&mut self, alias: &Alias) -> VisitResult {
        let name = alias.asname.as_deref().unwrap_or(&alias.name);
        if name == "*" {
            if self.cur_entry().block_type != BlockType::Module {
                return Err(syntax_error_at(
                    "import * only allowed at module level",
                    alias.location,
                )
                .into());
            }
            return Ok(());
        }
        // `import a.b.c` binds `a`.
        let store_name = name.split('.').next().unwrap_or(name);
        self.add_def(store_name, DEF_IMPORT, alias.location)
    }

    fn visit_pattern(&mut self, pattern: &Pattern) -> VisitResult {
        self.enter_recursion()?;
        match pattern {
            Pattern::MatchValue(value) => self.visit_expr(&value.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(seq) => self.visit_patterns(&seq.patterns)?,
            Pattern::MatchStar(star) => {
                if let Some(name) = &star.name {
                    self.add_def(name, DEF_LOCAL, star.location)?;
                }
            }
            Pattern::MatchMapping(mapping) => {
                self.visit_exprs(&mapping.keys)?;
                self.visit_patterns(&mapping.patterns)?;
                if let Some(rest) = &mapping.rest {
                    self.add_def(rest, DEF_LOCAL, mapping.location)?;
                }
            }
            Pattern::MatchClass(class) => {
                self.visit_expr(&class.cls)?;
                self.visit_patterns(&class.patterns)?;
                for (attr, pattern) in class.kwd_attrs.iter().zip(&class.kwd_patterns) {
                    check_name(attr, pattern.location(), ExprContext::Store)?;
                }
                self.visit_patterns(&class.kwd_patterns)?;
            }
            Pattern::MatchAs(as_) => {
                if let Some(pattern) = &as_.pattern {
                    self.visit_pattern(pattern)?;
                }
                if let Some(name) = &as_.name {
                    self.add_def(name, DEF_LOCAL, as_.location)?;
                }
            }
            Pattern::MatchOr(or) => self.visit_patterns(&or.patterns)?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_patterns(&mut self, patterns: &[Pattern]) -> VisitResult {
        patterns.iter().try_for_each(|p| self.visit_pattern(p))
    }

    fn visit_keywords(&mut self, keywords: &[Keyword]) -> VisitResult {
        keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
    }

    // ---------------------------------------------------------------------------------
    // Expressions

    fn visit_exprs(&mut self, exprs: &[Expr]) -> VisitResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_optional_exprs(&mut self, exprs: &[Option<Expr>]) -> VisitResult {
        exprs.iter().flatten().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_expr(&mut self, expr: &Expr) -> VisitResult {
        self.enter_recursion()?;
        self.visit_expr_inner(expr)?;
        self.depth -= 1;
        Ok(())
    }

    // Each arm with more than a call or two lives in a function of its own: this match
    // recurses once per nesting level, so its stack frame must stay small.
    fn visit_expr_inner(&mut self, expr: &Expr) -> VisitResult {
        match expr {
            Expr::NamedExpr(named) => self.visit_named_expr(named),
            Expr::BoolOp(op) => self.visit_exprs(&op.values),
            Expr::BinOp(op) => {
                self.visit_expr(&op.left)?;
                self.visit_expr(&op.right)
            }
            Expr::UnaryOp(op) => self.visit_expr(&op.operand),
            Expr::Lambda(lambda) => self.visit_lambda(lambda),
            Expr::IfExp(if_) => {
                self.visit_expr(&if_.test)?;
                self.visit_expr(&if_.body)?;
                self.visit_expr(&if_.orelse)
            }
            Expr::Dict(dict) => {
                self.visit_optional_exprs(&dict.keys)?;
                self.visit_exprs(&dict.values)
            }
            Expr::Set(set) => self.visit_exprs(&set.elts),
            Expr::GeneratorExp(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) => {
                self.visit_comprehension_expr(expr)
            }
            Expr::Yield(yield_) => self.visit_yield(yield_.value.as_deref(), yield_.location),
            Expr::YieldFrom(yield_) => self.visit_yield(Some(&yield_.value), yield_.location),
            Expr::Await(await_) => self.visit_await(await_),
            Expr::Compare(compare) => {
                self.visit_expr(&compare.left)?;
                self.visit_exprs(&compare.comparators)
            }
            Expr::Call(call) => {
                self.visit_expr(&call.func)?;
                self.visit_exprs(&call.args)?;
                check_keywords(&call.keywords)?;
                self.visit_keywords(&call.keywords)
            }
            Expr::FormattedValue(value) => {
                self.visit_expr(&value.value)?;
                self.visit_optional_expr(value.format_spec.as_deref())
            }
            Expr::Interpolation(value) => {
                self.visit_expr(&value.value)?;
                self.visit_optional_expr(value.format_spec.as_deref())
            }
            Expr::JoinedStr(joined) => self.visit_exprs(&joined.values),
            Expr::TemplateStr(template) => self.visit_exprs(&template.values),
            Expr::Constant(_) => Ok(()),
            Expr::Attribute(attribute) => {
                check_name(&attribute.attr, attribute.location, attribute.ctx)?;
                self.visit_expr(&attribute.value)
            }
            Expr::Subscript(subscript) => {
                self.visit_expr(&subscript.value)?;
                self.visit_expr(&subscript.slice)
            }
            Expr::Starred(starred) => self.visit_expr(&starred.value),
            Expr::Slice(slice) => {
                self.visit_optional_expr(slice.lower.as_deref())?;
                self.visit_optional_expr(slice.upper.as_deref())?;
                self.visit_optional_expr(slice.step.as_deref())
            }
            Expr::Name(name) => self.visit_name(name),
            Expr::List(list) => self.visit_exprs(&list.elts),
            Expr::Tuple(tuple) => self.visit_exprs(&tuple.elts),
        }
    }

    fn visit_optional_expr(&mut self, expr: Option<&Expr>) -> VisitResult {
        match expr {
            Some(expr) => self.visit_expr(expr),
            None => Ok(()),
        }
    }

    fn visit_named_expr(&mut self, named: &NamedExpr) -> VisitResult {
        self.forbid_in_annotation_scope("named expression", named.location)?;
        if self.cur_entry().comp_iter_expr > 0 {
            return Err(syntax_error_at(
                "assignment expression cannot be used in a comprehension iterable expression",
                named.location,
            )
            .into());
        }
        if self.cur_entry().comprehension != ComprehensionKind::None
            && let Expr::Name(target) = &*named.target
        {
            self.extend_named_expr_scope(&target.id, target.location)?;
        }
        self.visit_expr(&named.value)?;
        self.visit_expr(&named.target)
    }

    fn visit_lambda(&mut self, lambda: &Lambda) -> VisitResult {
        self.visit_exprs(&lambda.args.defaults)?;
        self.visit_optional_exprs(&lambda.args.kw_defaults)?;
        self.enter_block(
            "lambda",
            BlockType::Function,
            ScopeKey::node(lambda),
            lambda.location,
        )?;
        self.visit_arguments(&lambda.args)?;
        self.visit_expr(&lambda.body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_comprehension_expr(&mut self, expr: &Expr) -> VisitResult {
        match expr {
            Expr::GeneratorExp(comp) => self.visit_comprehension_scope(
                ScopeKey::node(comp),
                ComprehensionKind::Generator,
                comp.location,
                &comp.generators,
                &comp.elt,
                None,
            ),
            Expr::ListComp(comp) => self.visit_comprehension_scope(
                ScopeKey::node(comp),
                ComprehensionKind::List,
                comp.location,
                &comp.generators,
                &comp.elt,
                None,
            ),
            Expr::SetComp(comp) => self.visit_comprehension_scope(
                ScopeKey::node(comp),
                ComprehensionKind::Set,
                comp.location,
                &comp.generators,
                &comp.elt,
                None,
            ),
            Expr::DictComp(comp) => self.visit_comprehension_scope(
                ScopeKey::node(comp),
                ComprehensionKind::Dict,
                comp.location,
                &comp.generators,
                &comp.key,
                Some(&comp.value),
            ),
            _ => Ok(()),
        }
    }

    fn visit_yield(&mut self, value: Option<&Expr>, location: Location) -> VisitResult {
        self.forbid_in_annotation_scope("yield expression", location)?;
        self.visit_optional_expr(value)?;
        self.mark_generator(location)
    }

    fn visit_await(&mut self, await_: &Await) -> VisitResult {
        self.forbid_in_annotation_scope("await expression", await_.location)?;
        if !self.allows_top_level_await() {
            if !self.cur_entry().is_function_like() {
                return Err(syntax_error_at("'await' outside function", await_.location).into());
            }
            if !self.is_async_def() && self.cur_entry().comprehension == ComprehensionKind::None {
                return Err(
                    syntax_error_at("'await' outside async function", await_.location).into(),
                );
            }
        }
        self.visit_expr(&await_.value)?;
        self.cur_mut().coroutine = true;
        Ok(())
    }

    fn visit_name(&mut self, name: &Name) -> VisitResult {
        if self.cur_entry().in_unevaluated_annotation {
            return Ok(());
        }
        let flag = if name.ctx == ExprContext::Load {
            USE
        } else {
            DEF_LOCAL
        };
        self.add_def_ctx(&name.id, flag, name.location, name.ctx)?;
        // `super()` needs the `__class__` cell.
        if name.ctx == ExprContext::Load
            && self.cur_entry().is_function_like()
            && name.id == "super"
        {
            self.add_def("__class__", USE, name.location)?;
        }
        Ok(())
    }

    /// After a `yield`: the block is a generator, which a comprehension may not be.
    fn mark_generator(&mut self, location: Location) -> VisitResult {
        self.cur_mut().generator = true;
        let msg = match self.cur_entry().comprehension {
            ComprehensionKind::None => return Ok(()),
            ComprehensionKind::List => "'yield' inside list comprehension",
            ComprehensionKind::Set => "'yield' inside set comprehension",
            ComprehensionKind::Dict => "'yield' inside dict comprehension",
            ComprehensionKind::Generator => "'yield' inside generator expression",
        };
        Err(syntax_error_at(msg, location).into())
    }

    /// `symtable_raise_if_annotation_block`: what annotation and type scopes may not hold.
    fn forbid_in_annotation_scope(&self, what: &str, location: Location) -> VisitResult {
        let cur = self.cur_entry();
        let msg = match cur.block_type {
            BlockType::Annotation => format!("{what} cannot be used within an annotation"),
            BlockType::TypeVariable => format!(
                "{what} cannot be used within {}",
                cur.scope_info.unwrap_or("a TypeVar bound")
            ),
            BlockType::TypeAlias => format!("{what} cannot be used within a type alias"),
            BlockType::TypeParameters => {
                format!("{what} cannot be used within the definition of a generic")
            }
            _ => return Ok(()),
        };
        Err(syntax_error_at(msg, location).into())
    }

    /// `symtable_extend_namedexpr_scope`: a walrus in a comprehension binds in the
    /// nearest enclosing function (as nonlocal) or module (as global).
    fn extend_named_expr_scope(&mut self, target: &str, location: Location) -> VisitResult {
        for index in (0..self.stack.len()).rev() {
            let ste = self.stack[index];
            let entry = self.table.entry(ste);
            if entry.comprehension != ComprehensionKind::None {
                let flags = self.lookup_in(ste, target);
                if flags & DEF_COMP_ITER != 0 && flags & DEF_LOCAL != 0 {
                    return Err(syntax_error_at(
                        format!("assignment expression cannot rebind comprehension iteration variable '{target}'"),
                        location,
                    )
                    .into());
                }
                continue;
            }
            match entry.block_type {
                BlockType::Function => {
                    let flags = self.lookup_in(ste, target);
                    let declaration = if flags & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(target, declaration, location)?;
                    self.record_directive(target, location);
                    return self.add_def_in(target, DEF_LOCAL, ste, location);
                }
                BlockType::Module => {
                    self.add_def(target, DEF_GLOBAL, location)?;
                    self.record_directive(target, location);
                    return self.add_def_in(target, DEF_GLOBAL, ste, location);
                }
                BlockType::Class => {
                    return Err(syntax_error_at(
                        "assignment expression within a comprehension cannot be used in a class body",
                        location,
                    )
                    .into());
                }
                BlockType::TypeParameters => {
                    return Err(syntax_error_at(
                        "assignment expression within a comprehension cannot be used within the definition of a generic",
                        location,
                    )
                    .into());
                }
                BlockType::TypeAlias => {
                    return Err(syntax_error_at(
                        "assignment expression within a comprehension cannot be used in a type alias",
                        location,
                    )
                    .into());
                }
                BlockType::TypeVariable => {
                    return Err(syntax_error_at(
                        "assignment expression within a comprehension cannot be used in a TypeVar bound",
                        location,
                    )
                    .into());
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the first iterable is evaluated outside, the rest
    /// in a function block of its own (inlined later unless it is a generator).
    fn visit_comprehension_scope(
        &mut self,
        key: ScopeKey,
        kind: ComprehensionKind,
        location: Location,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> VisitResult {
        let Some((outermost, rest)) = generators.split_first() else {
            return Ok(());
        };
        let is_generator = kind == ComprehensionKind::Generator;
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        let name = match kind {
            ComprehensionKind::List => "listcomp",
            ComprehensionKind::Set => "setcomp",
            ComprehensionKind::Dict => "dictcomp",
            _ => "genexpr",
        };
        self.enter_block(name, BlockType::Function, key, location)?;
        self.cur_mut().comprehension = kind;
        if outermost.is_async != 0 {
            self.cur_mut().coroutine = true;
        }
        // The outermost iterator arrives as the implicit parameter `.0`.
        let block_location = self.cur_entry().location;
        self.add_def(".0", DEF_PARAM, block_location)?;
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_mut().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for generator in rest {
            self.visit_comprehension(generator)?;
        }
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        self.cur_mut().generator = is_generator;
        let is_async = self.cur_entry().coroutine && !is_generator;
        self.exit_block();
        if is_async
            && !self.is_async_def()
            && self.cur_entry().comprehension == ComprehensionKind::None
            && !self.allows_top_level_await()
        {
            return Err(syntax_error_at(
                "asynchronous comprehension outside of an asynchronous function",
                location,
            )
            .into());
        }
        if is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    fn visit_comprehension(&mut self, generator: &Comprehension) -> VisitResult {
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&generator.target)?;
        self.cur_mut().comp_iter_target = false;
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&generator.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        self.visit_exprs(&generator.ifs)?;
        if generator.is_async != 0 {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }
}

/// `check_name`: `__debug__` can be neither assigned nor deleted.
fn check_name(name: &str, location: Location, ctx: ExprContext) -> VisitResult {
    if name == "__debug__" {
        match ctx {
            ExprContext::Store => {
                return Err(syntax_error_at("cannot assign to __debug__", location).into());
            }
            ExprContext::Del => {
                return Err(syntax_error_at("cannot delete __debug__", location).into());
            }
            ExprContext::Load => {}
        }
    }
    Ok(())
}

fn check_keywords(keywords: &[Keyword]) -> VisitResult {
    for keyword in keywords {
        if let Some(arg) = &keyword.arg {
            check_name(arg, keyword.location, ExprContext::Store)?;
        }
    }
    Ok(())
}
