//! `ast.dump(node, include_attributes=True)` text.
//!
//! CPython counterpart: `ast.dump` in `Lib/ast.py`.
