//! Python 3.14's abstract syntax tree.
//!
//! CPython counterpart: `Parser/Python.asdl` (the node types) and `Python/Python-ast.c`
//! (the `ast` module's classes, whose `ast.dump` text this crate reproduces). The types
//! are plain data; the parser builds them and the compiler reads them.
