//! Python 3.14's abstract syntax tree.
//!
//! CPython counterpart: `Parser/Python.asdl` (the node types) and `Python/Python-ast.c`
//! (the `ast` module's classes, whose `ast.dump` text this crate reproduces). The types
//! are plain data; the parser builds them and the compiler reads them.
//!
//! - [`nodes`]: the tree. [`Mod`] is the root; [`Stmt`], [`Expr`], [`Pattern`] and
//!   [`TypeParam`] are enums with one struct per constructor, each carrying its [`Location`].
//! - [`constant`]: [`ConstantValue`], what a `Constant` holds; strings are [`PyStr`]
//!   ([`py_str`]), which can hold lone surrogates.
//! - [`repr`]: Python's `repr()` of `str`, `bytes`, `int`, `float` and `complex`.
//! - [`dump`](mod@dump): `ast.dump` text ([`dump`](fn@dump) is `include_attributes=True`).
//! - [`from_dump`]: reads dump text back into a tree (for tests built on oracle output).
//! - [`syntax_error`]: [`SyntaxError`], shared by the tokenizer, parser and compiler.

pub mod constant;
pub mod dump;
pub mod from_dump;
pub mod nodes;
pub mod py_str;
pub mod repr;
pub mod syntax_error;

pub use constant::ConstantValue;
pub use dump::{DumpOptions, NodeRef, dump, dump_node, dump_with};
pub use from_dump::{DumpReadError, read_dump};
pub use nodes::*;
pub use py_str::{InvalidCodePoint, PyStr};
pub use syntax_error::{SyntaxError, SyntaxErrorKind};
