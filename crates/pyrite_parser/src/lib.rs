//! Tokenizer and PEG parser for Python 3.14 source text.
//!
//! CPython counterpart: `Parser/` (`tokenizer/`, `pegen.c`, `parser.c` generated from
//! `Grammar/python.gram`, and the second pass over the `invalid_*` rules that produces
//! the targeted `SyntaxError` messages).

pub mod error;
pub mod tokenizer;
