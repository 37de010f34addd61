//! Python 3.14's abstract syntax tree.
//!
//! CPython counterpart: `Parser/Python.asdl` (the node types) and `Python/Python-ast.c`
//! (the `ast` module's classes, whose `ast.dump` text this crate reproduces). The types
//! are plain data; the parser builds them and the compiler reads them.

pub mod constant;
pub mod dump;
pub mod nodes;
pub mod py_str;
pub mod repr;
pub mod syntax_error;

pub use constant::ConstantValue;
pub use nodes::*;
pub use py_str::{InvalidCodePoint, PyStr};
pub use syntax_error::{SyntaxError, SyntaxErrorKind};
