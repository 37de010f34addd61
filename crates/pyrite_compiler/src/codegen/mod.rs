//! Code generation: from the AST and its symbol tables to instruction sequences.
//!
//! CPython counterpart: `Python/codegen.c` (the visitors, split here into `stmt.rs`,
//! `expr.rs`, `comprehension.rs`, `pattern.rs` and `function.rs`) and the parts of
//! `Python/compile.c` that keep the compiler's state: the stack of code units, their
//! constant/name/variable tables, the frame-block stack, name resolution and qualified
//! names (this file). The output of a unit is a [`CodeUnit`], handed to the flow-graph
//! optimizer and assembler through the `assemble` callback; the resulting code object
//! becomes a constant of the parent unit, as in CPython.

mod comprehension;
mod expr;
mod function;
mod pattern;
mod stmt;
pub(crate) mod unparse;

#[cfg(test)]
mod tests;

use crate::fast_hash::FastHashMap as HashMap;
use std::collections::BTreeSet;

use pyrite_ast::{Location, Mod, Stmt, SyntaxError};
use pyrite_bytecode::{CodeFlags, CodeObject, Constant, Opcode};

use crate::future::FutureFeatures;
use crate::instruction_sequence::{
    self as seq, CodeUnit, CodeUnitMetadata, InstructionSequence, Label, NO_LOCATION, Op,
    SourceLocation,
};
use crate::symtable::{
    BlockType, DEF_LOCAL, DEF_NONLOCAL, Scope, ScopeId, ScopeKey, SymbolTable, SymbolTableEntry,
    mangle,
};

/// What a failed compilation raises.
#[derive(Clone, Debug, PartialEq)]
pub enum CompileError {
    Syntax(Box<SyntaxError>),
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
    /// An error of the assembler (the other half of the pipeline).
    Assemble(String),
}

impl From<SyntaxError> for CompileError {
    fn from(err: SyntaxError) -> Self {
        CompileError::Syntax(Box::new(err))
    }
}

pub type CgResult<T = ()> = Result<T, CompileError>;

/// Turns a finished unit into a code object (the flow-graph optimizer and assembler).
pub type Assembler<'x> = dyn FnMut(CodeUnit) -> Result<CodeObject, CompileError> + 'x;

/// `_PyCompile_CodeUnit`'s `u_scope_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    Annotations,
}

/// `fblocktype`: what a `break`/`continue`/`return` must unwind.
#[derive(Clone, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup(Option<&'a str>),
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
    PopValue,
}

#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    kind: FBlockKind<'a>,
    block: Option<Label>,
    exit: Option<Label>,
    loc: SourceLocation,
}

/// `CO_MAXBLOCKS`: how many frame blocks may nest in one code unit.
const MAX_BLOCKS: usize = 21;
/// `_PY_STACK_USE_GUIDELINE`.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;
/// How deep expressions and statements may nest before compilation gives up.
const MAX_DEPTH: u32 = 2000;

/// `compiler_unit`: the state of one code object being generated.
pub(crate) struct Unit<'a> {
    pub(crate) ste: ScopeId,
    scope_type: ScopeType,
    pub(crate) seq: InstructionSequence,
    name: String,
    qualname: String,
    private: Option<String>,
    consts: Vec<Constant>,
    /// The newest constant with each key hash (`_PyCode_ConstantKey` as [`ConstKey`]
    /// compares); older ones with the same hash are chained through `const_chain`, so
    /// that a lookup copies nothing.
    const_heads: HashMap<u64, u32>,
    /// Per constant: the previous one with the same key hash (`u32::MAX`: none).
    const_chain: Vec<u32>,
    names: Vec<String>,
    /// Where each of `names` is: modules name hundreds of globals.
    name_slots: HashMap<String, i32>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    fasthidden: HashMap<String, bool>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    firstlineno: i32,
    fblocks: Vec<FBlock<'a>>,
    static_attributes: Option<BTreeSet<String>>,
    deferred_annotations: Vec<(&'a pyrite_ast::AnnAssign, i64)>,
    next_conditional_annotation_index: i64,
    in_conditional_block: u32,
    in_inlined_comp: u32,
    /// Symbol flags overridden while an inlined comprehension is compiled
    /// (`_PyCompile_TweakInlinedComprehensionScopes` writes into the symtable entry).
    symbol_overrides: HashMap<String, u32>,
}

/// Arg counts of a unit, given when it is entered.
#[derive(Clone, Copy, Default)]
pub(crate) struct ArgCounts {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
}

/// `struct compiler`.
pub struct Compiler<'a, 'x> {
    table: &'a SymbolTable,
    future: FutureFeatures,
    optimize: i32,
    interactive: bool,
    units: Vec<Unit<'a>>,
    assembler: &'x mut Assembler<'x>,
    depth: u32,
    /// Whether finished units' sequences are kept in their parent's `nested` list and
    /// the module's sequence is returned (`c_save_nested_seqs`, for the codegen dump).
    save_nested: bool,
    /// `SyntaxWarning`s raised while generating: (line, message).
    pub(crate) warnings: Vec<(i32, String)>,
}

/// A constant as the unit's constant cache sees it (`_PyCode_ConstantKey`): equal when
/// of the same type and value, where `0.0` and `-0.0` differ and a float is its bits
/// (all NaNs alike), so that `1`, `1.0` and `True` stay three constants.
#[derive(Clone)]
pub(crate) struct ConstKey(Constant);

impl ConstKey {
    fn same(a: &Constant, b: &Constant) -> bool {
        fn float(x: f64, y: f64) -> bool {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        fn all(x: &[Constant], y: &[Constant]) -> bool {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| ConstKey::same(x, y))
        }
        match (a, b) {
            (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
            (Constant::Bool(x), Constant::Bool(y)) => x == y,
            (Constant::Int(x), Constant::Int(y)) => x == y,
            (Constant::Float(x), Constant::Float(y)) => float(*x, *y),
            (Constant::Complex { real: a, imag: b }, Constant::Complex { real: c, imag: d }) => {
                float(*a, *c) && float(*b, *d)
            }
            (Constant::Str(x), Constant::Str(y)) => x == y,
            (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
            (Constant::Tuple(x), Constant::Tuple(y))
            | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => all(x, y),
            (Constant::Slice(x), Constant::Slice(y)) => all(&x[..], &y[..]),
            (Constant::Code(x), Constant::Code(y)) => x == y,
            _ => false,
        }
    }

    fn hash_into<H: std::hash::Hasher>(value: &Constant, state: &mut H) {
        use std::hash::Hash;
        fn float<H: std::hash::Hasher>(x: f64, state: &mut H) {
            let bits = if x.is_nan() {
                f64::NAN.to_bits()
            } else {
                x.to_bits()
            };
            state.write_u64(bits);
        }
        std::mem::discriminant(value).hash(state);
        match value {
            Constant::None | Constant::Ellipsis | Constant::Code(_) => {}
            Constant::Bool(x) => x.hash(state),
            Constant::Int(x) => x.hash(state),
            Constant::Float(x) => float(*x, state),
            Constant::Complex { real, imag } => {
                float(*real, state);
                float(*imag, state);
            }
            Constant::Str(x) => x.hash(state),
            Constant::Bytes(x) => x.hash(state),
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                state.write_usize(items.len());
                for item in items {
                    Self::hash_into(item, state);
                }
            }
            Constant::Slice(parts) => {
                for part in parts.iter() {
                    Self::hash_into(part, state);
                }
            }
        }
    }
}

impl PartialEq for ConstKey {
    fn eq(&self, other: &Self) -> bool {
        ConstKey::same(&self.0, &other.0)
    }
}

impl Eq for ConstKey {}

impl std::hash::Hash for ConstKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        ConstKey::hash_into(&self.0, state);
    }
}

pub(crate) fn loc(location: Location) -> SourceLocation {
    SourceLocation::new(
        location.lineno,
        location.end_lineno,
        location.col_offset,
        location.end_col_offset,
    )
}

/// Anything `emit` takes as an opcode.
pub(crate) trait IntoOp {
    fn op(self) -> Op;
}

impl IntoOp for Opcode {
    fn op(self) -> Op {
        seq::real(self)
    }
}

impl IntoOp for Op {
    fn op(self) -> Op {
        self
    }
}

impl<'a, 'x> Compiler<'a, 'x> {
    pub fn new(
        table: &'a SymbolTable,
        future: FutureFeatures,
        optimize: i32,
        assembler: &'x mut Assembler<'x>,
    ) -> Self {
        Compiler {
            table,
            future,
            optimize,
            interactive: false,
            units: Vec::new(),
            assembler,
            depth: 0,
            save_nested: false,
            warnings: Vec::new(),
        }
    }

    // ----------------------------------------------------------------------------------
    // Units

    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a code unit is open")
    }

    pub(crate) fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a code unit is open")
    }

    pub(crate) fn ste(&self) -> &'a SymbolTableEntry {
        self.table.entry(self.unit_ref().ste)
    }

    pub(crate) fn scope_type(&self) -> ScopeType {
        self.unit_ref().scope_type
    }

    pub(crate) fn lookup_scope(&self, key: ScopeKey) -> ScopeId {
        self.table
            .lookup(key)
            .expect("the symbol table has a block for every scope node")
    }

    /// `_PyCompile_EnterScope` + `codegen_enter_scope`.
    pub(crate) fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        ste: ScopeId,
        lineno: i32,
        private: Option<&str>,
        counts: ArgCounts,
    ) -> CgResult {
        let entry = self.table.entry(ste);
        let mut varnames: Vec<String> = entry.varnames.clone();
        // Cell variables: CELL scope or DEF_COMP_CELL, sorted; class cells after.
        let mut cellvars: Vec<String> = entry
            .symbols
            .iter()
            .filter(|(_, flags)| {
                Scope::from_flags(*flags) == Some(Scope::Cell)
                    || flags & crate::symtable::DEF_COMP_CELL != 0
            })
            .map(|(name, _)| name.to_string())
            .collect();
        cellvars.sort();
        if entry.block_type == BlockType::Class {
            if entry.needs_class_closure {
                cellvars.push("__class__".into());
            }
            if entry.needs_classdict {
                cellvars.push("__classdict__".into());
            }
        }
        // An implicit cell for any block with conditional annotations, modules included
        // (CPython adds it whatever the block type; a module's cell is never used).
        if entry.has_conditional_annotations {
            cellvars.push("__conditional_annotations__".into());
        }
        let mut freevars: Vec<String> = entry
            .symbols
            .iter()
            .filter(|(_, flags)| {
                Scope::from_flags(*flags) == Some(Scope::Free)
                    || flags & crate::symtable::DEF_FREE_CLASS != 0
            })
            .map(|(name, _)| name.to_string())
            .collect();
        freevars.sort();
        if scope_type == ScopeType::Annotations
            && varnames.is_empty()
            && counts.posonlyargcount == 1
        {
            varnames.push(".format".into());
        }
        let private = match private {
            Some(p) => Some(p.to_string()),
            None => self.units.last().and_then(|u| u.private.clone()),
        };
        let unit = Unit {
            ste,
            scope_type,
            seq: InstructionSequence::new(),
            name: name.to_string(),
            qualname: String::new(),
            private,
            consts: Vec::new(),
            const_heads: HashMap::default(),
            const_chain: Vec::new(),
            names: Vec::new(),
            name_slots: HashMap::default(),
            varnames,
            cellvars,
            freevars,
            fasthidden: HashMap::default(),
            argcount: counts.argcount,
            posonlyargcount: counts.posonlyargcount,
            kwonlyargcount: counts.kwonlyargcount,
            firstlineno: lineno,
            fblocks: Vec::new(),
            static_attributes: (scope_type == ScopeType::Class).then(BTreeSet::new),
            deferred_annotations: Vec::new(),
            next_conditional_annotation_index: 0,
            in_conditional_block: 0,
            in_inlined_comp: 0,
            symbol_overrides: HashMap::default(),
        };
        self.units.push(unit);
        if scope_type != ScopeType::Module {
            let qualname = self.compute_qualname();
            self.unit().qualname = qualname;
        } else {
            self.unit().qualname = name.to_string();
        }
        let mut start = SourceLocation::new(lineno, lineno, 0, 0);
        if scope_type == ScopeType::Module {
            start.lineno = 0;
        }
        self.emit(Opcode::RESUME, 0, start);
        if scope_type == ScopeType::Module {
            self.emit(seq::ANNOTATIONS_PLACEHOLDER, 0, start);
        }
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn compute_qualname(&self) -> String {
        let n = self.units.len();
        let unit = &self.units[n - 1];
        let ancestors = n - 1;
        let mut base: Option<String> = None;
        if ancestors > 1 {
            let mut parent = &self.units[n - 2];
            if parent.scope_type == ScopeType::Annotations {
                if ancestors == 2 {
                    return unit.name.clone();
                }
                parent = &self.units[n - 3];
            }
            let mut force_global = false;
            if matches!(
                unit.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let mangled = mangle(parent.private.as_deref(), &unit.name);
                if self.table.entry(parent.ste).scope(&mangled) == Some(Scope::GlobalExplicit) {
                    force_global = true;
                }
            }
            if !force_global {
                base = Some(
                    if matches!(
                        parent.scope_type,
                        ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                    ) {
                        format!("{}.<locals>", parent.qualname)
                    } else {
                        parent.qualname.clone()
                    },
                );
            }
        }
        match base {
            Some(base) => format!("{base}.{}", unit.name),
            None => unit.name.clone(),
        }
    }

    /// `compute_code_flags`.
    fn code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.is_function_like() {
            flags |= CodeFlags::NEWLOCALS | CodeFlags::OPTIMIZED;
            if ste.nested {
                flags |= CodeFlags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= CodeFlags::GENERATOR;
            }
            if ste.generator && ste.coroutine {
                flags |= CodeFlags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= CodeFlags::VARARGS;
            }
            if ste.varkeywords {
                flags |= CodeFlags::VARKEYWORDS;
            }
            if self.has_docstring(ste) {
                flags |= CodeFlags::HAS_DOCSTRING;
            }
            if ste.method {
                flags |= CodeFlags::METHOD;
            }
        }
        if ste.coroutine && !ste.generator {
            flags |= CodeFlags::COROUTINE;
        }
        flags | self.future.features
    }

    pub(crate) fn has_docstring(&self, ste: &SymbolTableEntry) -> bool {
        ste.has_docstring && self.optimize < 2
    }

    /// `_PyCompile_OptimizeAndAssemble` + `_PyCompile_ExitScope`: finishes the current
    /// unit (adding `return None` at the end if `add_none`) and gives its code object.
    pub(crate) fn finish_unit(&mut self, add_none: bool) -> CgResult<CodeObject> {
        if add_none {
            self.load_const(Constant::None, NO_LOCATION);
        }
        self.emit(Opcode::RETURN_VALUE, 0, NO_LOCATION);
        let flags = self.code_flags();
        let unit = self.units.pop().expect("a code unit is open");
        // Every name that was ever hidden keeps CO_FAST_HIDDEN (CPython tests the key).
        let mut fasthidden: Vec<String> = unit.fasthidden.keys().cloned().collect();
        fasthidden.sort();
        let metadata = CodeUnitMetadata {
            name: unit.name,
            qualname: unit.qualname,
            consts: unit.consts,
            names: unit.names,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            fasthidden,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            firstlineno: unit.firstlineno,
            flags,
        };
        let mut sequence = unit.seq;
        if self.save_nested
            && let Some(parent) = self.units.last_mut()
        {
            let mut copy = sequence.clone();
            copy.annotations_code = None;
            parent.seq.add_nested(copy);
        }
        sequence.nested.clear();
        let code = (self.assembler)(CodeUnit {
            seq: sequence,
            metadata,
        })?;
        Ok(code)
    }

    /// The module's code unit, when the whole module has been generated.
    /// An expression module (`eval` mode) returns its value: no `None` is added.
    fn finish_module(&mut self, add_none: bool) -> CgResult<(CodeObject, InstructionSequence)> {
        if add_none {
            self.load_const(Constant::None, NO_LOCATION);
        }
        self.emit(Opcode::RETURN_VALUE, 0, NO_LOCATION);
        let flags = self.code_flags();
        let unit = self.units.pop().expect("the module unit is open");
        let metadata = CodeUnitMetadata {
            name: unit.name,
            qualname: unit.qualname,
            consts: unit.consts,
            names: unit.names,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            fasthidden: {
                let mut names: Vec<String> = unit.fasthidden.keys().cloned().collect();
                names.sort();
                names
            },
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: unit.firstlineno,
            flags,
        };
        let mut sequence = unit.seq;
        // Only the codegen dump wants the module's sequence back: copying it (and the
        // nested units' copies it holds) costs a large share of compile time otherwise.
        let dump_seq = if self.save_nested {
            sequence.clone()
        } else {
            InstructionSequence::default()
        };
        sequence.nested.clear();
        let code = (self.assembler)(CodeUnit {
            seq: sequence,
            metadata,
        })?;
        Ok((code, dump_seq))
    }

    // ----------------------------------------------------------------------------------
    // Emitting

    pub(crate) fn emit(&mut self, opcode: impl IntoOp, oparg: i32, loc: SourceLocation) {
        self.unit().seq.addop(opcode.op(), oparg, loc);
    }

    pub(crate) fn emit_noarg(&mut self, opcode: impl IntoOp, loc: SourceLocation) {
        self.unit().seq.addop(opcode.op(), 0, loc);
    }

    pub(crate) fn jump(&mut self, opcode: impl IntoOp, target: Label, loc: SourceLocation) {
        self.unit().seq.addop(opcode.op(), target.0, loc);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.unit().seq.new_label()
    }

    pub(crate) fn use_label(&mut self, label: Label) {
        self.unit().seq.use_label(label);
    }

    /// `_PyCompile_AddConst`: the index of `value` in the unit's constants.
    pub(crate) fn add_const(&mut self, value: Constant) -> i32 {
        let unit = self.unit();
        if let Constant::Code(_) = value {
            // Code objects are merged when equal, as CPython's constant cache does.
            if let Some(index) = unit.consts.iter().position(|c| *c == value) {
                return index as i32;
            }
            unit.consts.push(value);
            unit.const_chain.push(u32::MAX);
            return (unit.consts.len() - 1) as i32;
        }
        let hash = {
            use std::hash::Hasher;
            let mut hasher = crate::fast_hash::FastHasher::default();
            ConstKey::hash_into(&value, &mut hasher);
            hasher.finish()
        };
        let head = unit.const_heads.get(&hash).copied().unwrap_or(u32::MAX);
        let mut link = head;
        while link != u32::MAX {
            let index = link as usize;
            if ConstKey::same(&unit.consts[index], &value) {
                return index as i32;
            }
            link = unit.const_chain[index];
        }
        let index = unit.consts.len();
        unit.consts.push(value);
        unit.const_chain.push(head);
        unit.const_heads.insert(hash, index as u32);
        index as i32
    }

    pub(crate) fn load_const(&mut self, value: Constant, loc: SourceLocation) {
        let index = self.add_const(value);
        self.emit(Opcode::LOAD_CONST, index, loc);
    }

    fn add_to(list: &mut Vec<String>, name: &str) -> i32 {
        if let Some(index) = list.iter().position(|n| n == name) {
            return index as i32;
        }
        list.push(name.to_string());
        (list.len() - 1) as i32
    }

    pub(crate) fn name_index(&mut self, name: &str) -> i32 {
        let unit = self.unit();
        if let Some(&index) = unit.name_slots.get(name) {
            return index;
        }
        let index = unit.names.len() as i32;
        unit.names.push(name.to_string());
        unit.name_slots.insert(name.to_string(), index);
        index
    }

    pub(crate) fn varname_index(&mut self, name: &str) -> i32 {
        Self::add_to(&mut self.unit().varnames, name)
    }

    pub(crate) fn cellvar_index(&mut self, name: &str) -> i32 {
        Self::add_to(&mut self.unit().cellvars, name)
    }

    /// Free variables are numbered after the cells, as CPython's `u_freevars` dict is.
    pub(crate) fn freevar_index(&mut self, name: &str) -> i32 {
        let unit = self.unit();
        let offset = unit.cellvars.len() as i32;
        Self::add_to(&mut unit.freevars, name) + offset
    }

    pub(crate) fn mangle_name<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// `ADDOP_NAME` with the LOAD_ATTR/LOAD_METHOD/LOAD_SUPER_* oparg encodings.
    pub(crate) fn emit_name(&mut self, opcode: NameOp, name: &str, loc: SourceLocation) {
        let mangled = self.mangle_name(name);
        let index = self.name_index(&mangled);
        let (op, arg) = match opcode {
            NameOp::Plain(op) => (op, index),
            NameOp::LoadAttr => (Opcode::LOAD_ATTR, index << 1),
            NameOp::LoadMethod => (Opcode::LOAD_ATTR, (index << 1) | 1),
            NameOp::LoadSuperAttr => (Opcode::LOAD_SUPER_ATTR, (index << 2) | 2),
            NameOp::LoadSuperMethod => (Opcode::LOAD_SUPER_ATTR, (index << 2) | 3),
            NameOp::LoadZeroSuperAttr => (Opcode::LOAD_SUPER_ATTR, index << 2),
            NameOp::LoadZeroSuperMethod => (Opcode::LOAD_SUPER_ATTR, (index << 2) | 1),
        };
        self.emit(op, arg, loc);
    }

    pub(crate) fn error(&self, msg: impl Into<String>, loc: SourceLocation) -> CompileError {
        CompileError::from(SyntaxError::new(
            msg,
            loc.lineno,
            loc.col_offset + 1,
            loc.end_lineno,
            loc.end_col_offset + 1,
        ))
    }

    /// `_PyCompile_Warn`: a `SyntaxWarning` at `loc`.
    pub(crate) fn warn(&mut self, msg: impl Into<String>, loc: SourceLocation) {
        self.warnings.push((loc.lineno, msg.into()));
    }

    pub(crate) fn enter_recursion(&mut self) -> CgResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::Recursion);
        }
        Ok(())
    }

    pub(crate) fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    // ----------------------------------------------------------------------------------
    // Frame blocks

    pub(crate) fn push_fblock(
        &mut self,
        loc: SourceLocation,
        kind: FBlockKind<'a>,
        block: Option<Label>,
        exit: Option<Label>,
    ) -> CgResult {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", loc));
        }
        self.unit().fblocks.push(FBlock {
            kind,
            block,
            exit,
            loc,
        });
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    // ----------------------------------------------------------------------------------
    // Names

    /// The flags of a name in the current block, inlined-comprehension overrides first.
    pub(crate) fn symbol_flags(&self, mangled: &str) -> u32 {
        let unit = self.unit_ref();
        if let Some(flags) = unit.symbol_overrides.get(mangled) {
            return *flags;
        }
        self.table.entry(unit.ste).flags(mangled)
    }

    pub(crate) fn symbol_scope(&self, mangled: &str) -> Option<Scope> {
        Scope::from_flags(self.symbol_flags(mangled))
    }

    pub(crate) fn in_inlined_comp(&self) -> bool {
        self.unit_ref().in_inlined_comp > 0
    }

    /// `codegen_nameop`.
    pub(crate) fn nameop(
        &mut self,
        name: &str,
        ctx: pyrite_ast::ExprContext,
        loc: SourceLocation,
    ) -> CgResult {
        use pyrite_ast::ExprContext::*;
        let mangled = self.mangle_name(name);
        let scope = self.symbol_scope(&mangled);
        let ste = self.ste();
        let function_like = ste.is_function_like();
        enum Kind {
            Deref,
            Fast,
            Global,
            Name,
        }
        let kind = match scope {
            Some(Scope::Free) | Some(Scope::Cell) => Kind::Deref,
            Some(Scope::Local) => {
                if function_like || self.unit_ref().fasthidden.get(&*mangled).copied() == Some(true)
                {
                    Kind::Fast
                } else {
                    Kind::Name
                }
            }
            Some(Scope::GlobalImplicit) => {
                if function_like {
                    Kind::Global
                } else {
                    Kind::Name
                }
            }
            Some(Scope::GlobalExplicit) => Kind::Global,
            None => Kind::Name,
        };
        match kind {
            Kind::Deref => {
                let index = if scope == Some(Scope::Free) {
                    self.freevar_index(&mangled)
                } else {
                    self.cellvar_index(&mangled)
                };
                let op = match ctx {
                    Load => {
                        if ste.block_type == BlockType::Class && !self.in_inlined_comp() {
                            self.emit_noarg(Opcode::LOAD_LOCALS, loc);
                            Opcode::LOAD_FROM_DICT_OR_DEREF
                        } else if ste.can_see_class_scope {
                            let classdict = self.freevar_index("__classdict__");
                            self.emit(Opcode::LOAD_DEREF, classdict, loc);
                            Opcode::LOAD_FROM_DICT_OR_DEREF
                        } else {
                            Opcode::LOAD_DEREF
                        }
                    }
                    Store => Opcode::STORE_DEREF,
                    Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, index, loc);
            }
            Kind::Fast => {
                let index = self.varname_index(&mangled);
                let op = match ctx {
                    Load => Opcode::LOAD_FAST,
                    Store => Opcode::STORE_FAST,
                    Del => Opcode::DELETE_FAST,
                };
                self.emit(op, index, loc);
            }
            Kind::Global => {
                let op = match ctx {
                    Load => {
                        if ste.can_see_class_scope && scope == Some(Scope::GlobalImplicit) {
                            let classdict = self.freevar_index("__classdict__");
                            self.emit(Opcode::LOAD_DEREF, classdict, loc);
                            Opcode::LOAD_FROM_DICT_OR_GLOBALS
                        } else {
                            Opcode::LOAD_GLOBAL
                        }
                    }
                    Store => Opcode::STORE_GLOBAL,
                    Del => Opcode::DELETE_GLOBAL,
                };
                let index = self.name_index(&mangled);
                let arg = if op == Opcode::LOAD_GLOBAL {
                    index << 1
                } else {
                    index
                };
                self.emit(op, arg, loc);
            }
            Kind::Name => {
                let op = match ctx {
                    Load => {
                        if ste.block_type == BlockType::Class && self.in_inlined_comp() {
                            Opcode::LOAD_GLOBAL
                        } else {
                            Opcode::LOAD_NAME
                        }
                    }
                    Store => Opcode::STORE_NAME,
                    Del => Opcode::DELETE_NAME,
                };
                let index = self.name_index(&mangled);
                let arg = if op == Opcode::LOAD_GLOBAL {
                    index << 1
                } else {
                    index
                };
                self.emit(op, arg, loc);
            }
        }
        Ok(())
    }

    /// `_PyCompile_GetRefType`-like: the scope of a name for closures.
    pub(crate) fn ref_type(&self, name: &str) -> Option<Scope> {
        let ste = self.ste();
        if ste.block_type == BlockType::Class
            && (name == "__class__"
                || name == "__classdict__"
                || name == "__conditional_annotations__")
        {
            return Some(Scope::Cell);
        }
        self.symbol_scope(name)
    }

    /// `codegen_make_closure`: pushes the function made from `code`.
    pub(crate) fn make_closure(
        &mut self,
        code: CodeObject,
        mut flags: i32,
        loc: SourceLocation,
    ) -> CgResult {
        let freevars = code.freevars();
        if !freevars.is_empty() {
            for name in &freevars {
                let name = name.to_string_lossy().into_owned();
                // `_PyCompile_LookupArg`: the parent's cell or free slot of that name.
                let arg = match self.ref_type(&name) {
                    Some(Scope::Free) => self.freevar_index(&name),
                    _ => {
                        let unit = self.unit_ref();
                        match unit.cellvars.iter().position(|n| *n == name) {
                            Some(index) => index as i32,
                            None => self.freevar_index(&name),
                        }
                    }
                };
                self.emit(seq::LOAD_CLOSURE, arg, loc);
            }
            flags |= MAKE_FUNCTION_CLOSURE;
            self.emit(Opcode::BUILD_TUPLE, freevars.len() as i32, loc);
        }
        self.load_const(Constant::Code(Box::new(code)), loc);
        self.emit_noarg(Opcode::MAKE_FUNCTION, loc);
        for bit in [
            MAKE_FUNCTION_CLOSURE,
            MAKE_FUNCTION_ANNOTATIONS,
            MAKE_FUNCTION_ANNOTATE,
            MAKE_FUNCTION_KWDEFAULTS,
            MAKE_FUNCTION_DEFAULTS,
        ] {
            if flags & bit != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, bit, loc);
            }
        }
        Ok(())
    }

    /// `_PyCompile_MaybeAddStaticAttributeToClass`.
    pub(crate) fn maybe_add_static_attribute(&mut self, attr: &pyrite_ast::Attribute) {
        let pyrite_ast::Expr::Name(value) = &*attr.value else {
            return;
        };
        if attr.ctx != pyrite_ast::ExprContext::Store || value.id != "self" {
            return;
        }
        let n = self.units.len();
        for unit in self.units[..n - 1].iter_mut().rev() {
            if let Some(set) = &mut unit.static_attributes {
                set.insert(attr.attr.clone());
                return;
            }
        }
    }

    /// `_PyCompile_TweakInlinedComprehensionScopes`; returns the saved state.
    pub(crate) fn tweak_inlined_scopes(&mut self, comp: &SymbolTableEntry) -> InlinedState {
        let ste = self.ste();
        let in_class_block = ste.block_type == BlockType::Class && !self.in_inlined_comp();
        let function_like = ste.is_function_like();
        self.unit().in_inlined_comp += 1;
        let mut state = InlinedState::default();
        for (name, symbol) in comp.symbols.iter() {
            let scope = Scope::from_flags(symbol);
            let outsymbol = self.symbol_flags(name);
            let outsc = Scope::from_flags(outsymbol);
            if (scope != outsc
                && scope != Some(Scope::Free)
                && !(scope == Some(Scope::Cell) && outsc == Some(Scope::Free)))
                || in_class_block
            {
                let previous = self
                    .unit()
                    .symbol_overrides
                    .insert(name.to_string(), symbol);
                state.temp_symbols.push((name.to_string(), previous));
            }
            if ((symbol & DEF_LOCAL != 0 && symbol & DEF_NONLOCAL == 0) || in_class_block)
                && !function_like
            {
                let unit = self.unit();
                let orig = unit.fasthidden.get(name).copied();
                if orig != Some(true) {
                    unit.fasthidden.insert(name.to_string(), true);
                    state.fast_hidden.push(name.to_string());
                }
            }
        }
        state
    }

    /// `_PyCompile_RevertInlinedComprehensionScopes`.
    pub(crate) fn revert_inlined_scopes(&mut self, state: InlinedState) {
        let unit = self.unit();
        unit.in_inlined_comp -= 1;
        for (name, previous) in state.temp_symbols.into_iter().rev() {
            match previous {
                Some(flags) => {
                    unit.symbol_overrides.insert(name, flags);
                }
                None => {
                    unit.symbol_overrides.remove(&name);
                }
            }
        }
        for name in state.fast_hidden {
            unit.fasthidden.insert(name, false);
        }
    }
}

#[derive(Default)]
pub(crate) struct InlinedState {
    temp_symbols: Vec<(String, Option<u32>)>,
    fast_hidden: Vec<String>,
    pub(crate) pushed_locals: Vec<String>,
    pub(crate) cleanup: Option<Label>,
}

#[derive(Clone, Copy)]
pub(crate) enum NameOp {
    Plain(Opcode),
    LoadAttr,
    LoadMethod,
    LoadSuperAttr,
    LoadSuperMethod,
    LoadZeroSuperAttr,
    LoadZeroSuperMethod,
}

pub(crate) const MAKE_FUNCTION_DEFAULTS: i32 = 0x01;
pub(crate) const MAKE_FUNCTION_KWDEFAULTS: i32 = 0x02;
pub(crate) const MAKE_FUNCTION_ANNOTATIONS: i32 = 0x04;
pub(crate) const MAKE_FUNCTION_CLOSURE: i32 = 0x08;
pub(crate) const MAKE_FUNCTION_ANNOTATE: i32 = 0x10;

pub(crate) const RESUME_AFTER_YIELD: i32 = 1;
pub(crate) const RESUME_AFTER_YIELD_FROM: i32 = 2;
pub(crate) const RESUME_AFTER_AWAIT: i32 = 3;

pub(crate) const INTRINSIC_PRINT: i32 = 1;
pub(crate) const INTRINSIC_IMPORT_STAR: i32 = 2;
pub(crate) const INTRINSIC_STOPITERATION_ERROR: i32 = 3;
pub(crate) const INTRINSIC_ASYNC_GEN_WRAP: i32 = 4;
pub(crate) const INTRINSIC_UNARY_POSITIVE: i32 = 5;
pub(crate) const INTRINSIC_LIST_TO_TUPLE: i32 = 6;
pub(crate) const INTRINSIC_TYPEVAR: i32 = 7;
pub(crate) const INTRINSIC_PARAMSPEC: i32 = 8;
pub(crate) const INTRINSIC_TYPEVARTUPLE: i32 = 9;
pub(crate) const INTRINSIC_SUBSCRIPT_GENERIC: i32 = 10;
pub(crate) const INTRINSIC_TYPEALIAS: i32 = 11;
pub(crate) const INTRINSIC_PREP_RERAISE_STAR: i32 = 1;
pub(crate) const INTRINSIC_TYPEVAR_WITH_BOUND: i32 = 2;
pub(crate) const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: i32 = 3;
pub(crate) const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: i32 = 4;
pub(crate) const INTRINSIC_SET_TYPEPARAM_DEFAULT: i32 = 5;

pub(crate) const CONSTANT_ASSERTIONERROR: i32 = 0;
pub(crate) const CONSTANT_NOTIMPLEMENTEDERROR: i32 = 1;
pub(crate) const CONSTANT_BUILTIN_TUPLE: i32 = 2;
pub(crate) const CONSTANT_BUILTIN_ALL: i32 = 3;
pub(crate) const CONSTANT_BUILTIN_ANY: i32 = 4;

pub(crate) const SPECIAL_ENTER: i32 = 0;
pub(crate) const SPECIAL_EXIT: i32 = 1;
pub(crate) const SPECIAL_AENTER: i32 = 2;
pub(crate) const SPECIAL_AEXIT: i32 = 3;

/// `_Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS`.
pub(crate) const FORMAT_VALUE_WITH_FAKE_GLOBALS: i64 = 2;

/// `start_location`: the first statement's position (SETUP_ANNOTATIONS and the module's
/// `__conditional_annotations__` set take it).
///
/// Under `-OO` CPython's AST preprocessing has already removed a docstring followed by
/// other statements, so the body starts at the statement after it.
fn start_location(body: &[Stmt], optimize: i32) -> SourceLocation {
    let body = match body {
        [Stmt::Expr(doc), _, ..]
            if optimize >= 2
                && matches!(&*doc.value, pyrite_ast::Expr::Constant(c) if matches!(c.value, pyrite_ast::ConstantValue::Str(_))) =>
        {
            &body[1..]
        }
        _ => body,
    };
    body.first()
        .map_or(SourceLocation::new(1, 1, 0, 0), |stmt| loc(stmt.location()))
}

/// What [`codegen_module`] gives: the module's code object (through the assembler), the
/// module's instruction sequence with its nested sequences (for `-X dump=codegen`; empty
/// unless `save_sequences` was asked) and the warnings raised.
pub struct ModuleOutput {
    pub code: CodeObject,
    pub sequence: InstructionSequence,
    pub warnings: Vec<(i32, String)>,
}

/// Generates the module's code.
pub fn codegen_module<'a, 'x>(
    module: &'a Mod,
    table: &'a SymbolTable,
    future: FutureFeatures,
    optimize: i32,
    save_sequences: bool,
    assembler: &'x mut Assembler<'x>,
) -> CgResult<ModuleOutput> {
    let mut compiler = Compiler::new(table, future, optimize, assembler);
    compiler.save_nested = save_sequences;
    let top = table.top();
    compiler.enter_scope(
        "<module>",
        ScopeType::Module,
        top,
        1,
        None,
        ArgCounts::default(),
    )?;
    match module {
        Mod::Module(m) => {
            compiler.module_body(start_location(&m.body, optimize), &m.body)?;
        }
        Mod::Interactive(m) => {
            compiler.interactive = true;
            compiler.module_body(start_location(&m.body, 0), &m.body)?;
        }
        Mod::Expression(e) => {
            compiler.visit_expr(&e.body)?;
            let (code, sequence) = compiler.finish_module(false)?;
            return Ok(ModuleOutput {
                code,
                sequence,
                warnings: compiler.warnings,
            });
        }
        Mod::FunctionType(_) => {
            return Err(CompileError::Assemble(
                "func_type mode is not supported".into(),
            ));
        }
    }
    let (code, sequence) = compiler.finish_module(true)?;
    Ok(ModuleOutput {
        code,
        sequence,
        warnings: compiler.warnings,
    })
}
