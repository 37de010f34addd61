//! From AST to code objects identical to CPython 3.14's.
//!
//! CPython counterpart: `Python/symtable.c`, `Python/compile.c`, `Python/codegen.c`,
//! `Python/flowgraph.c`, `Python/assemble.c` and `Python/marshal.c`.
