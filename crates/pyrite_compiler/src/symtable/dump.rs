//! The canonical text form of a symbol table, for differential tests against CPython.
//!
//! CPython has no such text; `tools/symtable_dump.py` prints the same form from the
//! `symtable` module under the reference interpreter: each block depth-first in children
//! order with its type, name, first line and whether it is nested, its parameter names,
//! then its symbols sorted by name with their raw flags in hex. An error prints its
//! class, message and position.

use std::fmt::Write;

use super::{ScopeId, SymbolTable, SymtableError};

pub fn dump(table: &SymbolTable) -> String {
    let mut out = String::new();
    dump_block(table, table.top(), 0, &mut out);
    out
}

fn dump_block(table: &SymbolTable, id: ScopeId, depth: usize, out: &mut String) {
    let entry = table.entry(id);
    let pad = "  ".repeat(depth);
    let nested = if entry.nested { " nested" } else { "" };
    let _ = writeln!(
        out,
        "{pad}{} {} line {}{nested}",
        entry.block_type.name(),
        entry.name,
        entry.location.lineno
    );
    if !entry.varnames.is_empty() {
        let _ = writeln!(out, "{pad}  params: {}", entry.varnames.join(", "));
    }
    let mut symbols: Vec<(&str, u32)> = entry.symbols.iter().collect();
    symbols.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (name, flags) in symbols {
        let _ = writeln!(out, "{pad}  {name} {flags:#x}");
    }
    for &child in &entry.children {
        dump_block(table, child, depth + 1, out);
    }
}

/// The error as `tools/symtable_dump.py` prints a SyntaxError (class, message, position).
pub fn dump_error(err: &SymtableError) -> String {
    match err {
        SymtableError::Syntax(err) => dump_syntax_error(err),
        other => {
            let (class, msg) = other.describe();
            format!("{class}\nmsg: {msg}\n")
        }
    }
}

pub fn dump_syntax_error(err: &pyrite_ast::SyntaxError) -> String {
    let field = |value: Option<i32>| value.map_or("None".to_string(), |v| v.to_string());
    format!(
        "{}\nmsg: {}\nlineno: {}\noffset: {}\nend_lineno: {}\nend_offset: {}\n",
        err.kind.class_name(),
        err.msg,
        field(err.lineno),
        field(err.offset),
        field(err.end_lineno),
        field(err.end_offset),
    )
}
