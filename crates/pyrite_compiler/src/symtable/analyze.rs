//! Second pass of the symbol table: decide the scope of every name.
//!
//! CPython counterpart: `symtable_analyze`, `analyze_block`, `analyze_name`,
//! `inline_comprehension`, `analyze_cells`, `drop_class_free` and `update_symbols` in
//! `Python/symtable.c`. Each block is analyzed with the names bound in the enclosing
//! function scopes (`bound`), the names declared global further out (`global`) and the
//! type parameters in view; children report the names they need from outside (`free`),
//! which turns a local of an enclosing function into a cell. Comprehensions other than
//! generator expressions are then merged into their parent (PEP 709).

use crate::fast_hash::{FastHashMap as HashMap, FastHashSet as HashSet};

use super::symbol_map::Name;
use super::{
    BlockType, ComprehensionKind, DEF_BOUND, DEF_COMP_CELL, DEF_FREE_CLASS, DEF_GLOBAL,
    DEF_NONLOCAL, DEF_PARAM, DEF_TYPE_PARAM, SCOPE_MASK, SCOPE_OFFSET, Scope, ScopeId, SymbolTable,
    SymtableError, syntax_error_at,
};

type NameSet = HashSet<Name>;
/// Name to scope number (`Scope as u32`) decided for the block being analyzed.
type Scopes = HashMap<Name, u32>;

const LOCAL: u32 = Scope::Local as u32;
const GLOBAL_EXPLICIT: u32 = Scope::GlobalExplicit as u32;
const GLOBAL_IMPLICIT: u32 = Scope::GlobalImplicit as u32;
const FREE: u32 = Scope::Free as u32;
const CELL: u32 = Scope::Cell as u32;

type AnalyzeResult = Result<(), SymtableError>;

pub(super) fn analyze(table: &mut SymbolTable) -> AnalyzeResult {
    let mut free = NameSet::default();
    let top = table.top;
    analyze_block(
        table,
        top,
        None,
        &mut free,
        NameSet::default(),
        NameSet::default(),
        None,
    )
}

/// The names a block hands down to its children.
struct ChildContext {
    bound: NameSet,
    global: NameSet,
}

/// `analyze_block`: `bound` is `None` for the module; `free` collects what this block and
/// its children need from enclosing blocks.
fn analyze_block(
    table: &mut SymbolTable,
    ste: ScopeId,
    mut bound: Option<NameSet>,
    free: &mut NameSet,
    mut global: NameSet,
    mut type_params: NameSet,
    class_entry: Option<ScopeId>,
) -> AnalyzeResult {
    let entry = table.entry(ste);
    let block_type = entry.block_type;
    let is_class = block_type == BlockType::Class;
    let mut local = NameSet::default();
    let mut scopes = Scopes::default();
    let mut new_free = NameSet::default();
    let mut inlined_cells = NameSet::default();

    // A class's own names are invisible to its methods: what its children see is fixed
    // before the class's names are analyzed.
    let mut child_context = ChildContext {
        bound: NameSet::default(),
        global: NameSet::default(),
    };
    if is_class {
        child_context.global.extend(global.iter().cloned());
        if let Some(bound) = &bound {
            child_context.bound.extend(bound.iter().cloned());
        }
    }

    let symbols: Vec<(Name, u32)> = entry.symbols.entries().to_vec();
    for (name, flags) in &symbols {
        let sets = NameSets {
            bound: bound.as_mut(),
            local: &mut local,
            free,
            global: &mut global,
            type_params: &mut type_params,
        };
        analyze_name(table, ste, &mut scopes, name, *flags, sets, class_entry)?;
    }

    if !is_class {
        if block_type.is_function_like() {
            child_context.bound.extend(local.iter().cloned());
        }
        if let Some(bound) = &bound {
            child_context.bound.extend(bound.iter().cloned());
        }
        child_context.global.extend(global.iter().cloned());
    } else {
        // Methods reach these through the class's implicit cells.
        for name in ["__class__", "__classdict__", "__conditional_annotations__"] {
            child_context.bound.insert(name.into());
        }
    }

    let can_see_class_scope = table.entry(ste).can_see_class_scope;
    let children = table.entry(ste).children.clone();
    for &child in &children {
        let child_entry = table.entry(child);
        let child_class_entry = if child_entry.can_see_class_scope {
            if is_class { Some(ste) } else { class_entry }
        } else {
            None
        };
        // Every comprehension but a generator expression is inlined, except inside
        // annotation scopes nested in classes.
        let inline = child_entry.comprehension != ComprehensionKind::None
            && !child_entry.generator
            && !can_see_class_scope;
        let mut child_free = new_free.clone();
        analyze_block(
            table,
            child,
            Some(child_context.bound.clone()),
            &mut child_free,
            child_context.global.clone(),
            type_params.clone(),
            child_class_entry,
        )?;
        if inline {
            inline_comprehension(
                table,
                ste,
                child,
                &mut scopes,
                &mut child_free,
                &mut inlined_cells,
            );
            table.entry_mut(child).comp_inlined = true;
        }
        new_free.extend(child_free);
    }

    // An inlined comprehension's own children become this block's children.
    let mut spliced = Vec::with_capacity(children.len());
    for &child in &children {
        let child_entry = table.entry(child);
        if child_entry.comp_inlined {
            spliced.extend(child_entry.children.iter().copied());
        } else {
            spliced.push(child);
        }
    }
    table.entry_mut(ste).children = spliced;

    if block_type.is_function_like() {
        analyze_cells(&mut scopes, &mut new_free, &inlined_cells);
    } else if is_class {
        drop_class_free(table, ste, &mut new_free);
    }
    update_symbols(
        table,
        ste,
        &scopes,
        bound.as_ref(),
        &new_free,
        &inlined_cells,
        is_class || can_see_class_scope,
    );
    free.extend(new_free);
    Ok(())
}

/// The sets `analyze_name` reads and updates.
struct NameSets<'a> {
    bound: Option<&'a mut NameSet>,
    local: &'a mut NameSet,
    free: &'a mut NameSet,
    global: &'a mut NameSet,
    type_params: &'a mut NameSet,
}

/// `analyze_name`: the scope of one name of block `ste`, given its flags.
fn analyze_name(
    table: &SymbolTable,
    ste: ScopeId,
    scopes: &mut Scopes,
    name: &Name,
    flags: u32,
    sets: NameSets<'_>,
    class_entry: Option<ScopeId>,
) -> AnalyzeResult {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return error_at_directive(
                table,
                ste,
                name,
                format!("name '{name}' is nonlocal and global"),
            );
        }
        scopes.insert(name.clone(), GLOBAL_EXPLICIT);
        sets.global.insert(name.clone());
        if let Some(bound) = sets.bound {
            bound.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = sets.bound else {
            return error_at_directive(
                table,
                ste,
                name,
                "nonlocal declaration not allowed at module level".to_string(),
            );
        };
        if !bound.contains(name) {
            return error_at_directive(
                table,
                ste,
                name,
                format!("no binding for nonlocal '{name}' found"),
            );
        }
        if sets.type_params.contains(name) {
            return error_at_directive(
                table,
                ste,
                name,
                format!("nonlocal binding not allowed for type parameter '{name}'"),
            );
        }
        scopes.insert(name.clone(), FREE);
        sets.free.insert(name.clone());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.clone(), LOCAL);
        sets.local.insert(name.clone());
        sets.global.remove(name);
        if flags & DEF_TYPE_PARAM != 0 {
            sets.type_params.insert(name.clone());
        } else {
            sets.type_params.remove(name);
        }
        return Ok(());
    }
    // In a scope that sees its class's namespace, a name the class binds (or declares
    // global) is looked up there and in the globals, never in an enclosing function.
    if let Some(class_entry) = class_entry {
        let class_flags = table.entry(class_entry).flags(name);
        if class_flags & DEF_GLOBAL != 0 {
            scopes.insert(name.clone(), GLOBAL_EXPLICIT);
            return Ok(());
        }
        if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
            scopes.insert(name.clone(), GLOBAL_IMPLICIT);
            return Ok(());
        }
    }
    if let Some(bound) = sets.bound
        && bound.contains(name)
    {
        scopes.insert(name.clone(), FREE);
        sets.free.insert(name.clone());
        return Ok(());
    }
    scopes.insert(name.clone(), GLOBAL_IMPLICIT);
    Ok(())
}

/// An error found by the analysis is reported at the declaration that caused it.
fn error_at_directive(table: &SymbolTable, ste: ScopeId, name: &str, msg: String) -> AnalyzeResult {
    match table
        .entry(ste)
        .directives
        .iter()
        .find(|(directive, _)| directive == name)
    {
        Some((_, location)) => Err(syntax_error_at(msg, *location).into()),
        None => Err(SymtableError::Runtime(
            "BUG: internal directive bookkeeping broken",
        )),
    }
}

fn scope_number(flags: u32) -> u32 {
    (flags >> SCOPE_OFFSET) & SCOPE_MASK
}

fn is_free_in_any_child(table: &SymbolTable, entry: ScopeId, name: &str) -> bool {
    table
        .entry(entry)
        .children
        .iter()
        .any(|&child| scope_number(table.entry(child).flags(name)) == FREE)
}

/// `inline_comprehension`: the comprehension's names join its parent block.
fn inline_comprehension(
    table: &mut SymbolTable,
    ste: ScopeId,
    comp: ScopeId,
    scopes: &mut Scopes,
    comp_free: &mut NameSet,
    inlined_cells: &mut NameSet,
) {
    let parent_is_class = table.entry(ste).block_type == BlockType::Class;
    let comp_symbols: Vec<(Name, u32)> = table.entry(comp).symbols.entries().to_vec();
    let mut remove_dunder_class = false;
    for (name, comp_flags) in comp_symbols {
        // the implicit `.0` parameter stays behind
        if comp_flags & DEF_PARAM != 0 {
            continue;
        }
        let mut scope = scope_number(comp_flags);
        let only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1);
        if scope == CELL || only_flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(name.clone());
        }
        let existing = table.entry(ste).symbols.get(&name);
        // `__class__` is never free through a class scope (see drop_class_free).
        if scope == FREE && parent_is_class && &*name == "__class__" {
            scope = GLOBAL_IMPLICIT;
            comp_free.remove(&name);
            remove_dunder_class = true;
        }
        match existing {
            None => {
                table.entry_mut(ste).symbols.set(&name, only_flags);
                scopes.insert(name, scope);
            }
            Some(flags) => {
                // A name the parent function binds is simply its local, unless a block
                // inside the comprehension needs it as a cell.
                if flags & DEF_BOUND != 0
                    && !parent_is_class
                    && !is_free_in_any_child(table, comp, &name)
                {
                    comp_free.remove(&name);
                }
            }
        }
    }
    if remove_dunder_class {
        table.entry_mut(comp).symbols.remove("__class__");
    }
}

/// `analyze_cells`: locals that children need become cells.
fn analyze_cells(scopes: &mut Scopes, free: &mut NameSet, inlined_cells: &NameSet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope == LOCAL && (free.contains(name) || inlined_cells.contains(name)) {
            *scope = CELL;
            free.remove(name);
        }
    }
}

/// `drop_class_free`: the class provides `__class__`, `__classdict__` and
/// `__conditional_annotations__` itself when its children ask for them.
fn drop_class_free(table: &mut SymbolTable, ste: ScopeId, free: &mut NameSet) {
    let entry = table.entry_mut(ste);
    if free.remove("__class__") {
        entry.needs_class_closure = true;
    }
    if free.remove("__classdict__") {
        entry.needs_classdict = true;
    }
    if free.remove("__conditional_annotations__") {
        entry.has_conditional_annotations = true;
    }
}

/// `update_symbols`: record the decided scopes in the flags, and add the names that are
/// only passed through this block to children that need them.
fn update_symbols(
    table: &mut SymbolTable,
    ste: ScopeId,
    scopes: &Scopes,
    bound: Option<&NameSet>,
    free: &NameSet,
    inlined_cells: &NameSet,
    class_like: bool,
) {
    let symbols = &mut table.entry_mut(ste).symbols;
    for (name, flags) in symbols.flags_mut() {
        if inlined_cells.contains(name) {
            *flags |= DEF_COMP_CELL;
        }
        if let Some(&scope) = scopes.get(name) {
            *flags |= scope << SCOPE_OFFSET;
        }
    }
    // Sorted so the result does not depend on hashing (CPython's set order is arbitrary
    // too; the compiler sorts free variables anyway).
    let mut free: Vec<&Name> = free.iter().collect();
    free.sort();
    for name in free {
        if let Some(flags) = symbols.get(name) {
            // A method's free variable that the class also binds or declares.
            if class_like {
                symbols.set(name, flags | DEF_FREE_CLASS);
            }
            continue;
        }
        if let Some(bound) = bound
            && !bound.contains(name)
        {
            continue; // a global
        }
        symbols.set(name, FREE << SCOPE_OFFSET);
    }
}
