//! The symbol table: which block every name belongs to and how each name is bound.
//!
//! CPython counterpart: `Python/symtable.c` and `Include/internal/pycore_symtable.h`.
//! [`build`] makes two passes, as CPython does: `builder.rs` walks the AST and records raw
//! facts per block (this name is a parameter here, used there, declared global...), then
//! `analyze.rs` decides each name's scope (local, global, free, cell), inlines
//! comprehensions (PEP 709) and raises the errors only the whole picture can show. The
//! result is a tree of [`SymbolTableEntry`]s, one per block (module, class, function,
//! lambda, comprehension, PEP 649 annotation scope, PEP 695 type-parameter, type-alias
//! and TypeVar-bound scope), each found again by the compiler through its [`ScopeKey`].

mod analyze;
mod builder;
pub mod dump;
mod mangle;
mod symbol_map;

use crate::fast_hash::FastHashMap as HashMap;

use pyrite_ast::{Location, Mod, SyntaxError};

use crate::future::FutureFeatures;

pub use mangle::mangle;
pub use symbol_map::SymbolMap;

// The raw flags of a symbol (`DEF_*` and `USE`), as in CPython's `pycore_symtable.h`;
// the `_symtable` module exposes the same numbers. 0x20 (once `DEF_FREE`) is unused.
pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 2 << 1;
pub const DEF_NONLOCAL: u32 = 2 << 2;
pub const USE: u32 = 2 << 3;
pub const DEF_FREE_CLASS: u32 = 2 << 5;
pub const DEF_IMPORT: u32 = 2 << 6;
pub const DEF_ANNOT: u32 = 2 << 7;
pub const DEF_COMP_ITER: u32 = 2 << 8;
pub const DEF_TYPE_PARAM: u32 = 2 << 9;
pub const DEF_COMP_CELL: u32 = 2 << 10;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// The scope sits above the `DEF_*` bits: `flags >> SCOPE_OFFSET & SCOPE_MASK`.
pub const SCOPE_OFFSET: u32 = 12;
pub const SCOPE_MASK: u32 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/// Where a name lives at run time; `None` before analysis (or for unknown names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    pub fn from_flags(flags: u32) -> Option<Scope> {
        match (flags >> SCOPE_OFFSET) & SCOPE_MASK {
            1 => Some(Scope::Local),
            2 => Some(Scope::GlobalExplicit),
            3 => Some(Scope::GlobalImplicit),
            4 => Some(Scope::Free),
            5 => Some(Scope::Cell),
            _ => None,
        }
    }

    pub fn bits(self) -> u32 {
        (self as u32) << SCOPE_OFFSET
    }
}

/// `_Py_block_ty`; the numbers are `_symtable.TYPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockType {
    /// Functions, lambdas, generator expressions and comprehensions.
    Function = 0,
    Class = 1,
    Module = 2,
    /// PEP 649 `__annotate__` scopes.
    Annotation = 3,
    /// The lazily evaluated value of a `type X = ...` statement.
    TypeAlias = 4,
    /// The scope holding a generic's type parameters (PEP 695).
    TypeParameters = 5,
    /// The lazily evaluated bound, constraints or default of a type parameter.
    TypeVariable = 6,
}

impl BlockType {
    /// The name `symtable.SymbolTable.get_type()` gives.
    pub fn name(self) -> &'static str {
        match self {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
            BlockType::TypeAlias => "type alias",
            BlockType::TypeParameters => "type parameters",
            BlockType::TypeVariable => "type variable",
        }
    }

    /// `_PyST_IsFunctionLike`: blocks whose names live in fast locals.
    pub fn is_function_like(self) -> bool {
        !matches!(self, BlockType::Class | BlockType::Module)
    }
}

/// `_Py_comprehension_ty`: which comprehension a function block implements, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ComprehensionKind {
    #[default]
    None,
    List,
    Set,
    Dict,
    Generator,
}

/// What a block is attached to, so the compiler finds the block of a node again.
///
/// CPython keys blocks by node address (plus 1 for the second block of one node); here
/// the address is paired with the role the block plays for that node. Addresses come
/// from the AST the table was built from, which must stay where it is (it is borrowed
/// by the compiler for as long as it uses the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeKey {
    pub role: ScopeRole,
    pub address: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeRole {
    /// The module (`Mod`), a `FunctionDef`/`ClassDef`/`TypeAlias` statement, a lambda or a
    /// comprehension expression: the node's own block.
    Node,
    /// The type-parameter block of a generic function, class or type alias statement.
    TypeParams,
    /// The `__annotate__` block of a function's parameter and return annotations, keyed
    /// by the function statement.
    ParameterAnnotations,
    /// The `__annotate__` block of the annotated assignments in a module, class or
    /// function body, keyed by that body's own key address.
    BodyAnnotations,
    /// A TypeVar's bound or constraints, or a ParamSpec's/TypeVarTuple's default, keyed by
    /// the type parameter.
    TypeParamBound,
    /// A TypeVar's default, keyed by the type parameter.
    TypeParamDefault,
}

impl ScopeKey {
    pub fn new<T>(role: ScopeRole, node: &T) -> ScopeKey {
        ScopeKey {
            role,
            address: std::ptr::from_ref(node) as usize,
        }
    }

    /// The key of a node's own block (module, def, class, lambda, comprehension, alias).
    pub fn node<T>(node: &T) -> ScopeKey {
        ScopeKey::new(ScopeRole::Node, node)
    }
}

/// Index of an entry in its [`SymbolTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(pub u32);

/// One block: `PySTEntryObject`.
#[derive(Clone, Debug)]
pub struct SymbolTableEntry {
    pub key: ScopeKey,
    pub name: String,
    pub block_type: BlockType,
    /// `ste_loc`: the position of the node that opened the block.
    pub location: Location,
    /// Name (mangled) to flags, in first-seen order; after analysis the flags include the
    /// scope bits.
    pub symbols: SymbolMap,
    /// Parameter names in order (`co_varnames` starts with them).
    pub varnames: Vec<String>,
    /// Child blocks in source order (after analysis, inlined comprehensions are replaced
    /// by their own children).
    pub children: Vec<ScopeId>,
    /// `global`/`nonlocal` declarations (and the implicit ones of walrus targets in
    /// comprehensions): mangled name and position, for errors found by the analysis.
    pub directives: Vec<(String, Location)>,
    /// Whether the block is inside a function-like block.
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: ComprehensionKind,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    /// A class block whose methods use `__class__` (or `super`).
    pub needs_class_closure: bool,
    /// A class block whose annotation/type-parameter scopes read `__classdict__`.
    pub needs_classdict: bool,
    /// A module or class whose annotations sit in conditional code, so
    /// `__conditional_annotations__` records which ones ran.
    pub has_conditional_annotations: bool,
    /// A comprehension merged into its parent block (PEP 709).
    pub comp_inlined: bool,
    /// An annotation, type-parameter or type-alias scope that resolves names through the
    /// enclosing class's namespace (`__classdict__`) first.
    pub can_see_class_scope: bool,
    /// A function defined directly in a class body.
    pub method: bool,
    pub has_docstring: bool,
    /// A body with annotations (`ste_annotations_used`).
    pub annotations_used: bool,
    /// The `__annotate__` block of this block's annotated assignments, once there is one.
    pub annotation_block: Option<ScopeId>,
    /// For TypeVariable blocks, what the block evaluates ("a TypeVar bound", ...), as
    /// error messages say it.
    pub scope_info: Option<&'static str>,
    // Visitor state (`ste_comp_iter_target`, `ste_comp_iter_expr`,
    // `ste_in_conditional_block`, `ste_in_unevaluated_annotation`,
    // `ste_mangled_names`).
    pub(crate) comp_iter_target: bool,
    pub(crate) comp_iter_expr: u32,
    pub(crate) in_conditional_block: bool,
    pub(crate) in_unevaluated_annotation: bool,
    pub(crate) mangled_names: Option<usize>,
}

impl SymbolTableEntry {
    /// The flags of `name` (already mangled), 0 if the block does not know it.
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).unwrap_or(0)
    }

    /// The scope of `name` (already mangled) after analysis.
    pub fn scope(&self, name: &str) -> Option<Scope> {
        Scope::from_flags(self.flags(name))
    }

    pub fn is_function_like(&self) -> bool {
        self.block_type.is_function_like()
    }
}

/// The symbol tables of one module: `struct symtable`.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    entries: Vec<SymbolTableEntry>,
    by_key: HashMap<ScopeKey, ScopeId>,
    top: ScopeId,
}

impl SymbolTable {
    pub fn top(&self) -> ScopeId {
        self.top
    }

    pub fn entry(&self, id: ScopeId) -> &SymbolTableEntry {
        &self.entries[id.0 as usize]
    }

    pub fn top_entry(&self) -> &SymbolTableEntry {
        self.entry(self.top)
    }

    /// `_PySymtable_Lookup`: the block attached to a node.
    pub fn lookup(&self, key: ScopeKey) -> Option<ScopeId> {
        self.by_key.get(&key).copied()
    }

    pub fn children(&self, id: ScopeId) -> impl Iterator<Item = (ScopeId, &SymbolTableEntry)> {
        self.entry(id)
            .children
            .iter()
            .map(move |&child| (child, self.entry(child)))
    }

    fn entry_mut(&mut self, id: ScopeId) -> &mut SymbolTableEntry {
        &mut self.entries[id.0 as usize]
    }
}

/// Why the symbol table could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymtableError {
    /// Boxed: the pass recurses with this error type in every frame.
    Syntax(Box<SyntaxError>),
    /// `RecursionError: maximum recursion depth exceeded during compilation`: the tree
    /// is nested deeper than the pass walks.
    Recursion,
    /// A `RuntimeError`, for trees CPython's compiler refuses (`func_type` mode).
    Runtime(&'static str),
}

impl SymtableError {
    /// The exception class and its `str()` form, as CPython would show them.
    pub fn describe(&self) -> (&'static str, String) {
        match self {
            SymtableError::Syntax(err) => (err.kind.class_name(), err.msg.clone()),
            SymtableError::Recursion => (
                "RecursionError",
                "maximum recursion depth exceeded during compilation".to_string(),
            ),
            SymtableError::Runtime(msg) => ("RuntimeError", msg.to_string()),
        }
    }
}

impl From<SyntaxError> for SymtableError {
    fn from(err: SyntaxError) -> Self {
        SymtableError::Syntax(Box::new(err))
    }
}

/// `_PySymtable_Build`: the symbol tables of `module` compiled with `future`'s flags.
pub fn build(module: &Mod, future: &FutureFeatures) -> Result<SymbolTable, SymtableError> {
    let mut table = builder::collect(module, future)?;
    analyze::analyze(&mut table)?;
    Ok(table)
}

/// The SyntaxError of the symtable pass at a node's position: 1-based columns counted in
/// UTF-8 bytes, as CPython reports them, with no text or location tuple in `args`.
pub(crate) fn syntax_error_at(msg: impl Into<String>, location: Location) -> SyntaxError {
    let mut err = SyntaxError::new(
        msg,
        location.lineno,
        location.col_offset + 1,
        location.end_lineno,
        location.end_col_offset + 1,
    );
    err.location_in_args = false;
    err
}

#[cfg(test)]
mod tests;
