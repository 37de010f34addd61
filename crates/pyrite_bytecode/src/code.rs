//! The code object as plain data, and the constants it can hold.
//!
//! CPython counterpart: `PyCodeObject` (`Include/cpython/code.h`,
//! `Include/internal/pycore_code.h`, `Objects/codeobject.c`). The fields are the ones
//! marshal stores; `co_varnames`, `co_cellvars`, `co_freevars` and `co_nlocals` are derived
//! from `co_localsplusnames` and `co_localspluskinds` as CPython derives them.

use num_bigint::BigInt;
use pyrite_ast::PyStr;

/// `co_flags` bits (`Include/cpython/code.h`, `inspect.CO_*`, `__future__`).
pub struct CodeFlags;

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
    pub const FUTURE_DIVISION: u32 = 0x2_0000;
    pub const FUTURE_ABSOLUTE_IMPORT: u32 = 0x4_0000;
    pub const FUTURE_WITH_STATEMENT: u32 = 0x8_0000;
    pub const FUTURE_PRINT_FUNCTION: u32 = 0x10_0000;
    pub const FUTURE_UNICODE_LITERALS: u32 = 0x20_0000;
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
    pub const FUTURE_GENERATOR_STOP: u32 = 0x80_0000;
    pub const FUTURE_ANNOTATIONS: u32 = 0x100_0000;
    pub const HAS_DOCSTRING: u32 = 0x400_0000;
    pub const METHOD: u32 = 0x800_0000;
}

/// `co_localspluskinds` bits (`CO_FAST_*` in `Include/internal/pycore_code.h`).
pub struct LocalKind;

impl LocalKind {
    /// A positional parameter (positional-only, positional-or-keyword, or `*args`).
    pub const ARG_POS: u8 = 0x02;
    /// A keyword parameter (keyword-only, positional-or-keyword, or `**kwargs`).
    pub const ARG_KW: u8 = 0x04;
    /// `*args` or `**kwargs`.
    pub const ARG_VAR: u8 = 0x08;
    pub const ARGS: u8 = Self::ARG_POS | Self::ARG_KW | Self::ARG_VAR;
    /// A variable of an inlined comprehension (PEP 709), invisible to `locals()`.
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// What `co_consts` (and marshal's code-object tuples) can hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// Arbitrary-precision `int`.
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// Items in the order they were stored (marshal keeps the set's iteration order).
    FrozenSet(Vec<Constant>),
    /// `slice(start, stop, step)`; the compiler folds constant slices since 3.14.
    Slice(Box<[Constant; 3]>),
    Code(Box<CodeObject>),
}

impl Constant {
    pub fn str(text: impl Into<PyStr>) -> Constant {
        Constant::Str(text.into())
    }

    pub fn int(value: impl Into<BigInt>) -> Constant {
        Constant::Int(value.into())
    }

    /// Python's `type(c).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Ellipsis => "ellipsis",
            Constant::Bool(_) => "bool",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Slice(_) => "slice",
            Constant::Code(_) => "code",
        }
    }
}

impl From<pyrite_ast::ConstantValue> for Constant {
    fn from(value: pyrite_ast::ConstantValue) -> Self {
        use pyrite_ast::ConstantValue as Ast;
        match value {
            Ast::None => Constant::None,
            Ast::Bool(value) => Constant::Bool(value),
            Ast::Ellipsis => Constant::Ellipsis,
            Ast::Int(value) => Constant::Int(value),
            Ast::Float(value) => Constant::Float(value),
            Ast::Complex { real, imag } => Constant::Complex { real, imag },
            Ast::Str(value) => Constant::Str(value),
            Ast::Bytes(value) => Constant::Bytes(value),
            Ast::Tuple(items) => Constant::Tuple(items.into_iter().map(Constant::from).collect()),
            Ast::FrozenSet(items) => {
                Constant::FrozenSet(items.into_iter().map(Constant::from).collect())
            }
        }
    }
}

/// A code object: every field CPython 3.14 marshals, with CPython's names.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub co_argcount: u32,
    pub co_posonlyargcount: u32,
    pub co_kwonlyargcount: u32,
    pub co_stacksize: u32,
    /// [`CodeFlags`] bits.
    pub co_flags: u32,
    pub co_firstlineno: i32,
    /// The unspecialized bytecode, CACHE entries included.
    pub co_code: Vec<u8>,
    pub co_consts: Vec<Constant>,
    pub co_names: Vec<PyStr>,
    /// Locals, then cells, then free variables (`_PyCode_GetVarnames` and friends filter it).
    pub co_localsplusnames: Vec<PyStr>,
    /// One [`LocalKind`] byte per entry of `co_localsplusnames`.
    pub co_localspluskinds: Vec<u8>,
    pub co_filename: PyStr,
    pub co_name: PyStr,
    pub co_qualname: PyStr,
    /// PEP 626/657 location table ([`crate::linetable`]).
    pub co_linetable: Vec<u8>,
    /// Exception table ([`crate::exceptiontable`]).
    pub co_exceptiontable: Vec<u8>,
}

impl CodeObject {
    fn names_of_kind(&self, kind: u8) -> Vec<PyStr> {
        self.co_localsplusnames
            .iter()
            .zip(&self.co_localspluskinds)
            .filter(|(_, kinds)| **kinds & kind != 0)
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// `co_varnames`: the entries with `CO_FAST_LOCAL` (parameters first).
    pub fn varnames(&self) -> Vec<PyStr> {
        self.names_of_kind(LocalKind::LOCAL)
    }

    /// `co_cellvars`: the entries with `CO_FAST_CELL` (a parameter that is also a cell is
    /// in both `co_varnames` and `co_cellvars`).
    pub fn cellvars(&self) -> Vec<PyStr> {
        self.names_of_kind(LocalKind::CELL)
    }

    /// `co_freevars`: the entries with `CO_FAST_FREE`.
    pub fn freevars(&self) -> Vec<PyStr> {
        self.names_of_kind(LocalKind::FREE)
    }

    /// `co_nlocals`: the number of `CO_FAST_LOCAL` entries.
    pub fn nlocals(&self) -> usize {
        self.co_localspluskinds
            .iter()
            .filter(|kinds| **kinds & LocalKind::LOCAL != 0)
            .count()
    }

    /// The number of cell variables (`co_ncellvars`).
    pub fn ncellvars(&self) -> usize {
        self.co_localspluskinds
            .iter()
            .filter(|kinds| **kinds & LocalKind::CELL != 0)
            .count()
    }

    /// The number of free variables (`co_nfreevars`).
    pub fn nfreevars(&self) -> usize {
        self.co_localspluskinds
            .iter()
            .filter(|kinds| **kinds & LocalKind::FREE != 0)
            .count()
    }

    /// `co_lines()`: (start, end, line) byte ranges of the bytecode.
    pub fn lines(&self) -> Vec<(u32, u32, Option<i32>)> {
        crate::linetable::co_lines(&self.co_linetable, self.co_firstlineno)
    }

    /// `co_positions()`: one (line, end line, column, end column) per code unit.
    pub fn positions(&self) -> Vec<crate::linetable::Position> {
        crate::linetable::co_positions(&self.co_linetable, self.co_firstlineno)
    }

    /// The decoded `co_exceptiontable`.
    pub fn exception_entries(
        &self,
    ) -> Result<Vec<crate::exceptiontable::ExceptionTableEntry>, crate::exceptiontable::BadTable>
    {
        crate::exceptiontable::decode(&self.co_exceptiontable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: &[&str]) -> Vec<PyStr> {
        items.iter().map(|item| PyStr::from(*item)).collect()
    }

    // `def f(a, /, b, *c, d, **e): x = 1; def g(): return a, x; [y for y in x]; return g`
    // under the oracle: localsplus kinds 62 26 24 2a 2c 20 20 40 (read from its marshal
    // data), co_varnames ('a', 'b', 'd', 'c', 'e', 'g', 'y'), co_cellvars ('a', 'x').
    #[test]
    fn derives_varnames_cellvars_freevars() {
        let code = CodeObject {
            co_argcount: 2,
            co_posonlyargcount: 1,
            co_kwonlyargcount: 1,
            co_stacksize: 4,
            co_flags: 0xf,
            co_firstlineno: 1,
            co_code: vec![],
            co_consts: vec![],
            co_names: vec![],
            co_localsplusnames: names(&["a", "b", "d", "c", "e", "g", "y", "x"]),
            co_localspluskinds: vec![0x62, 0x26, 0x24, 0x2a, 0x2c, 0x20, 0x20, 0x40],
            co_filename: "k.py".into(),
            co_name: "f".into(),
            co_qualname: "f".into(),
            co_linetable: vec![],
            co_exceptiontable: vec![],
        };
        assert_eq!(code.varnames(), names(&["a", "b", "d", "c", "e", "g", "y"]));
        assert_eq!(code.cellvars(), names(&["a", "x"]));
        assert_eq!(code.freevars(), names(&[]));
        assert_eq!(code.nlocals(), 7);
        assert_eq!(code.ncellvars(), 2);
    }
}
