//! Functions, lambdas, classes, type aliases, PEP 695 type parameters and PEP 649
//! annotation scopes.
//!
//! CPython counterpart: `codegen_function`, `codegen_function_body`, `codegen_lambda`,
//! `codegen_class`, `codegen_class_body`, `codegen_typealias`, `codegen_type_params`,
//! `codegen_setup_annotations_scope` and friends in `Python/codegen.c`.

use pyrite_ast::{self as ast, Expr, ExprContext, TypeParam};
use pyrite_bytecode::{Constant, Opcode};

use super::{
    ArgCounts, CONSTANT_NOTIMPLEMENTEDERROR, CgResult, Compiler, FBlockKind,
    FORMAT_VALUE_WITH_FAKE_GLOBALS, INTRINSIC_PARAMSPEC, INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
    INTRINSIC_SET_TYPEPARAM_DEFAULT, INTRINSIC_SUBSCRIPT_GENERIC, INTRINSIC_TYPEALIAS,
    INTRINSIC_TYPEVAR, INTRINSIC_TYPEVAR_WITH_BOUND, INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
    INTRINSIC_TYPEVARTUPLE, MAKE_FUNCTION_ANNOTATE, MAKE_FUNCTION_DEFAULTS,
    MAKE_FUNCTION_KWDEFAULTS, ScopeType, loc,
};
use crate::instruction_sequence::{self as seq, NO_LOCATION, SourceLocation};
use crate::symtable::{ScopeId, ScopeKey, ScopeRole};

impl<'a> Compiler<'a, '_> {
    /// `codegen_setup_annotations_scope`.
    pub(crate) fn setup_annotations_scope(
        &mut self,
        l: SourceLocation,
        scope: ScopeId,
        name: &str,
    ) -> CgResult {
        self.enter_scope(
            name,
            ScopeType::Annotations,
            scope,
            l.lineno,
            None,
            ArgCounts {
                posonlyargcount: 1,
                ..Default::default()
            },
        )?;
        self.emit(Opcode::LOAD_FAST, 0, l);
        self.load_const(Constant::int(FORMAT_VALUE_WITH_FAKE_GLOBALS), l);
        self.emit(Opcode::COMPARE_OP, (4 << 5) | 4, l);
        let body = self.new_label();
        self.jump(Opcode::POP_JUMP_IF_FALSE, body, l);
        self.emit(
            Opcode::LOAD_COMMON_CONSTANT,
            CONSTANT_NOTIMPLEMENTEDERROR,
            l,
        );
        self.emit(Opcode::RAISE_VARARGS, 1, l);
        self.use_label(body);
        Ok(())
    }

    /// `codegen_leave_annotations_scope`.
    pub(crate) fn leave_annotations_scope(&mut self, l: SourceLocation) -> CgResult {
        self.emit_noarg(Opcode::RETURN_VALUE, l);
        let mut code = self.finish_unit(true)?;
        if let Some(first) = code.co_localsplusnames.first_mut() {
            *first = "format".into();
        }
        self.make_closure(code, 0, l)
    }

    fn default_arguments(&mut self, l: SourceLocation, args: &'a ast::Arguments) -> CgResult<i32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as i32, l);
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut count = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(default) = default {
                count += 1;
                let mangled = self.mangle_name(&arg.arg);
                self.load_const(Constant::str(&*mangled), l);
                self.visit_expr(default)?;
            }
        }
        if count > 0 {
            self.emit(Opcode::BUILD_MAP, count, l);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn arg_annotation(
        &mut self,
        id: &str,
        annotation: Option<&'a Expr>,
        count: &mut i32,
        l: SourceLocation,
    ) -> CgResult {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = self.mangle_name(id);
        self.load_const(Constant::str(&*mangled), l);
        if self.future.annotations() {
            let text = super::unparse::unparse_annotation(annotation);
            self.load_const(Constant::str(text.as_str()), loc(annotation.location()));
        } else if let Expr::Starred(star) = annotation {
            self.visit_expr(&star.value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1, l);
        } else {
            self.visit_expr(annotation)?;
        }
        *count += 1;
        Ok(())
    }

    fn function_annotations(
        &mut self,
        l: SourceLocation,
        def: &'a ast::FunctionDef,
    ) -> CgResult<i32> {
        let key = ScopeKey::new(ScopeRole::ParameterAnnotations, def);
        let Some(scope) = self.table.lookup(key) else {
            return Ok(0);
        };
        let entry = self.table.entry(scope);
        if !entry.annotations_used {
            return Ok(0);
        }
        self.setup_annotations_scope(l, scope, &entry.name.clone())?;
        let args = &def.args;
        let mut count = 0;
        for arg in &args.args {
            self.arg_annotation(&arg.arg, arg.annotation.as_deref(), &mut count, l)?;
        }
        for arg in &args.posonlyargs {
            self.arg_annotation(&arg.arg, arg.annotation.as_deref(), &mut count, l)?;
        }
        if let Some(arg) = &args.vararg {
            self.arg_annotation(&arg.arg, arg.annotation.as_deref(), &mut count, l)?;
        }
        for arg in &args.kwonlyargs {
            self.arg_annotation(&arg.arg, arg.annotation.as_deref(), &mut count, l)?;
        }
        if let Some(arg) = &args.kwarg {
            self.arg_annotation(&arg.arg, arg.annotation.as_deref(), &mut count, l)?;
        }
        self.arg_annotation("return", def.returns.as_deref(), &mut count, l)?;
        self.emit(Opcode::BUILD_MAP, count, l);
        self.leave_annotations_scope(l)?;
        Ok(MAKE_FUNCTION_ANNOTATE)
    }

    pub(crate) fn function_def(&mut self, def: &'a ast::FunctionDef, is_async: bool) -> CgResult {
        for d in &def.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = def
            .decorator_list
            .first()
            .map_or(def.location.lineno, |d| d.location().lineno);
        let l = loc(def.location);
        let generic = !def.type_params.is_empty();
        let mut funcflags = self.default_arguments(l, &def.args)?;
        let mut num_typeparam_args = 0;
        if generic {
            if funcflags & MAKE_FUNCTION_DEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if funcflags & MAKE_FUNCTION_KWDEFAULTS != 0 {
                num_typeparam_args += 1;
            }
            if num_typeparam_args == 2 {
                self.emit(Opcode::SWAP, 2, l);
            }
            let scope = self.lookup_scope(ScopeKey::new(ScopeRole::TypeParams, def));
            self.enter_scope(
                &format!("<generic parameters of {}>", def.name),
                ScopeType::Annotations,
                scope,
                firstlineno,
                None,
                ArgCounts {
                    argcount: num_typeparam_args as u32,
                    ..Default::default()
                },
            )?;
            self.type_params(&def.type_params)?;
            for i in 0..num_typeparam_args {
                self.emit(Opcode::LOAD_FAST, i, l);
            }
        }
        funcflags |= self.function_annotations(l, def)?;
        self.function_body(def, is_async, funcflags, firstlineno)?;
        if generic {
            self.emit(Opcode::SWAP, 2, l);
            self.emit(
                Opcode::CALL_INTRINSIC_2,
                INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
                l,
            );
            let code = self.finish_unit(false)?;
            self.make_closure(code, 0, l)?;
            if num_typeparam_args > 0 {
                self.emit(Opcode::SWAP, num_typeparam_args + 1, l);
                self.emit(Opcode::CALL, num_typeparam_args - 1, l);
            } else {
                self.emit_noarg(Opcode::PUSH_NULL, l);
                self.emit(Opcode::CALL, 0, l);
            }
        }
        for d in def.decorator_list.iter().rev() {
            self.emit(Opcode::CALL, 0, loc(d.location()));
        }
        self.nameop(&def.name, ExprContext::Store, l)
    }

    fn function_body(
        &mut self,
        def: &'a ast::FunctionDef,
        is_async: bool,
        funcflags: i32,
        firstlineno: i32,
    ) -> CgResult {
        let scope = self.lookup_scope(ScopeKey::node(def));
        let args = &def.args;
        self.enter_scope(
            &def.name,
            if is_async {
                ScopeType::AsyncFunction
            } else {
                ScopeType::Function
            },
            scope,
            firstlineno,
            None,
            ArgCounts {
                argcount: args.args.len() as u32,
                posonlyargcount: args.posonlyargs.len() as u32,
                kwonlyargcount: args.kwonlyargs.len() as u32,
            },
        )?;
        let ste = self.ste();
        let mut first = 0;
        let stripped = self.optimize >= 2 && ste.has_docstring;
        if self.has_docstring(ste)
            && let Some(ast::Stmt::Expr(stmt)) = def.body.first()
            && let Expr::Constant(c) = &*stmt.value
            && let ast::ConstantValue::Str(text) = &c.value
        {
            first = 1;
            let doc = crate::docstring_clean::clean_doc(text);
            self.add_const(Constant::Str(doc));
        }
        let start = self.new_label();
        self.use_label(start);
        let wrap = ste.coroutine || ste.generator;
        if wrap {
            self.push_fblock(NO_LOCATION, FBlockKind::StopIteration, Some(start), None)?;
        }
        if stripped {
            first = self.strip_docstring(&def.body);
        }
        for stmt in &def.body[first..] {
            self.visit_stmt(stmt)?;
        }
        if wrap {
            self.wrap_in_stopiteration_handler();
            self.pop_fblock();
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, funcflags, loc(def.location))
    }

    pub(crate) fn lambda(&mut self, lambda: &'a ast::Lambda) -> CgResult {
        let l = loc(lambda.location);
        let funcflags = self.default_arguments(l, &lambda.args)?;
        let scope = self.lookup_scope(ScopeKey::node(lambda));
        let args = &lambda.args;
        self.enter_scope(
            "<lambda>",
            ScopeType::Lambda,
            scope,
            lambda.location.lineno,
            None,
            ArgCounts {
                argcount: args.args.len() as u32,
                posonlyargcount: args.posonlyargs.len() as u32,
                kwonlyargcount: args.kwonlyargs.len() as u32,
            },
        )?;
        self.visit_expr(&lambda.body)?;
        let code = if self.ste().generator {
            self.finish_unit(false)?
        } else {
            self.emit_noarg(Opcode::RETURN_VALUE, loc(lambda.body.location()));
            self.finish_unit(true)?
        };
        self.make_closure(code, funcflags, l)
    }

    fn type_param_bound_or_default(
        &mut self,
        e: &'a Expr,
        name: &str,
        key: ScopeKey,
        allow_starred: bool,
    ) -> CgResult {
        let l = loc(e.location());
        self.load_const(Constant::Tuple(vec![Constant::int(1)]), l);
        let scope = self.lookup_scope(key);
        self.setup_annotations_scope(l, scope, name)?;
        match e {
            Expr::Starred(star) if allow_starred => {
                self.visit_expr(&star.value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1, l);
            }
            _ => self.visit_expr(e)?,
        }
        self.emit_noarg(Opcode::RETURN_VALUE, l);
        let code = self.finish_unit(true)?;
        self.make_closure(code, MAKE_FUNCTION_DEFAULTS, l)
    }

    fn type_params(&mut self, params: &'a [TypeParam]) -> CgResult {
        let mut seen_default = false;
        for param in params {
            let l = loc(param.location());
            let name = param.name();
            self.load_const(Constant::str(name), l);
            let default = match param {
                TypeParam::TypeVar(var) => {
                    if let Some(bound) = &var.bound {
                        self.type_param_bound_or_default(
                            bound,
                            name,
                            ScopeKey::new(ScopeRole::TypeParamBound, param),
                            false,
                        )?;
                        let intrinsic = if matches!(**bound, Expr::Tuple(_)) {
                            INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            INTRINSIC_TYPEVAR_WITH_BOUND
                        };
                        self.emit(Opcode::CALL_INTRINSIC_2, intrinsic, l);
                    } else {
                        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVAR, l);
                    }
                    var.default_value
                        .as_deref()
                        .map(|d| (d, ScopeKey::new(ScopeRole::TypeParamDefault, param), false))
                }
                TypeParam::TypeVarTuple(var) => {
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE, l);
                    var.default_value
                        .as_deref()
                        .map(|d| (d, ScopeKey::new(ScopeRole::TypeParamBound, param), true))
                }
                TypeParam::ParamSpec(var) => {
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC, l);
                    var.default_value
                        .as_deref()
                        .map(|d| (d, ScopeKey::new(ScopeRole::TypeParamBound, param), false))
                }
            };
            if let Some((d, key, starred)) = default {
                seen_default = true;
                self.type_param_bound_or_default(d, name, key, starred)?;
                self.emit(Opcode::CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT, l);
            } else if seen_default {
                return Err(self.error(
                    format!("non-default type parameter '{name}' follows default type parameter"),
                    l,
                ));
            }
            self.emit(Opcode::COPY, 1, l);
            self.nameop(name, ExprContext::Store, l)?;
        }
        self.emit(
            Opcode::BUILD_TUPLE,
            params.len() as i32,
            loc(params[0].location()),
        );
        Ok(())
    }

    pub(crate) fn class_def(&mut self, class: &'a ast::ClassDef) -> CgResult {
        for d in &class.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = class
            .decorator_list
            .first()
            .map_or(class.location.lineno, |d| d.location().lineno);
        let l = loc(class.location);
        let generic = !class.type_params.is_empty();
        if generic {
            let scope = self.lookup_scope(ScopeKey::new(ScopeRole::TypeParams, class));
            self.enter_scope(
                &format!("<generic parameters of {}>", class.name),
                ScopeType::Annotations,
                scope,
                firstlineno,
                Some(&class.name),
                ArgCounts::default(),
            )?;
            self.type_params(&class.type_params)?;
            self.nameop(".type_params", ExprContext::Store, l)?;
        }
        self.class_body(class, firstlineno)?;
        if generic {
            self.nameop(".type_params", ExprContext::Load, l)?;
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC, l);
            self.nameop(".generic_base", ExprContext::Store, l)?;
            self.call_helper(l, 2, &class.bases, Some(".generic_base"), &class.keywords)?;
            let code = self.finish_unit(false)?;
            self.make_closure(code, 0, l)?;
            self.emit_noarg(Opcode::PUSH_NULL, l);
            self.emit(Opcode::CALL, 0, l);
        } else {
            self.call_helper(l, 2, &class.bases, None, &class.keywords)?;
        }
        for d in class.decorator_list.iter().rev() {
            self.emit(Opcode::CALL, 0, loc(d.location()));
        }
        self.nameop(&class.name, ExprContext::Store, l)
    }

    fn class_body(&mut self, class: &'a ast::ClassDef, firstlineno: i32) -> CgResult {
        let scope = self.lookup_scope(ScopeKey::node(class));
        self.enter_scope(
            &class.name,
            ScopeType::Class,
            scope,
            firstlineno,
            Some(&class.name),
            ArgCounts::default(),
        )?;
        let l = SourceLocation::new(firstlineno, firstlineno, 0, 0);
        self.nameop("__name__", ExprContext::Load, l)?;
        self.nameop("__module__", ExprContext::Store, l)?;
        let qualname = self.unit().qualname.clone();
        self.load_const(Constant::str(qualname.as_str()), l);
        self.nameop("__qualname__", ExprContext::Store, l)?;
        self.load_const(Constant::int(firstlineno), l);
        self.nameop("__firstlineno__", ExprContext::Store, l)?;
        if !class.type_params.is_empty() {
            self.nameop(".type_params", ExprContext::Load, l)?;
            self.nameop("__type_params__", ExprContext::Store, l)?;
        }
        let ste = self.ste();
        if ste.needs_classdict {
            self.emit_noarg(Opcode::LOAD_LOCALS, l);
            let i = self.cellvar_index("__classdict__");
            self.emit(Opcode::STORE_DEREF, i, l);
        }
        if ste.has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0, l);
            let i = self.cellvar_index("__conditional_annotations__");
            self.emit(Opcode::STORE_DEREF, i, l);
        }
        self.body(l, &class.body)?;
        let attrs: Vec<Constant> = self
            .unit()
            .static_attributes
            .as_ref()
            .map(|set| set.iter().map(|a| Constant::str(a.as_str())).collect())
            .unwrap_or_default();
        self.load_const(Constant::Tuple(attrs), NO_LOCATION);
        self.nameop("__static_attributes__", ExprContext::Store, NO_LOCATION)?;
        if ste.needs_classdict {
            let i = self.cellvar_index("__classdict__");
            self.emit(seq::LOAD_CLOSURE, i, NO_LOCATION);
            self.nameop("__classdictcell__", ExprContext::Store, NO_LOCATION)?;
        }
        if ste.needs_class_closure {
            let i = self.cellvar_index("__class__");
            self.emit(seq::LOAD_CLOSURE, i, NO_LOCATION);
            self.emit(Opcode::COPY, 1, NO_LOCATION);
            self.nameop("__classcell__", ExprContext::Store, NO_LOCATION)?;
        } else {
            self.load_const(Constant::None, NO_LOCATION);
        }
        self.emit_noarg(Opcode::RETURN_VALUE, NO_LOCATION);
        let code = self.finish_unit(true)?;
        let cl = loc(class.location);
        self.emit_noarg(Opcode::LOAD_BUILD_CLASS, cl);
        self.emit_noarg(Opcode::PUSH_NULL, cl);
        self.make_closure(code, 0, cl)?;
        self.load_const(Constant::str(class.name.as_str()), cl);
        Ok(())
    }

    pub(crate) fn type_alias(&mut self, alias: &'a ast::TypeAlias) -> CgResult {
        let l = loc(alias.location);
        let Expr::Name(name) = &*alias.name else {
            return Ok(());
        };
        let generic = !alias.type_params.is_empty();
        if generic {
            let scope = self.lookup_scope(ScopeKey::new(ScopeRole::TypeParams, alias));
            self.enter_scope(
                &format!("<generic parameters of {}>", name.id),
                ScopeType::Annotations,
                scope,
                l.lineno,
                None,
                ArgCounts::default(),
            )?;
            self.load_const(Constant::str(name.id.as_str()), l);
            self.type_params(&alias.type_params)?;
        } else {
            self.load_const(Constant::str(name.id.as_str()), l);
            self.load_const(Constant::None, l);
        }
        // codegen_typealias_body
        self.load_const(Constant::Tuple(vec![Constant::int(1)]), l);
        let scope = self.lookup_scope(ScopeKey::node(alias));
        self.setup_annotations_scope(l, scope, &name.id)?;
        self.visit_expr(&alias.value)?;
        self.emit_noarg(Opcode::RETURN_VALUE, l);
        let code = self.finish_unit(false)?;
        self.make_closure(code, MAKE_FUNCTION_DEFAULTS, l)?;
        self.emit(Opcode::BUILD_TUPLE, 3, l);
        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, l);
        if generic {
            let code = self.finish_unit(false)?;
            self.make_closure(code, 0, l)?;
            self.emit_noarg(Opcode::PUSH_NULL, l);
            self.emit(Opcode::CALL, 0, l);
        }
        self.nameop(&name.id, ExprContext::Store, l)
    }
}
