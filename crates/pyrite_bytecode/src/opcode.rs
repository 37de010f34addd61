//! The 3.14 instruction set: opcode numbers, names, argument and operand kinds, inline
//! cache sizes and the specialized instructions' base forms.
//!
//! CPython counterpart: `Include/internal/pycore_opcode_metadata.h` and
//! `Lib/_opcode_metadata.py` (`opcode`, `_opcode` and `dis` expose them). The tables live
//! in `opcode_table.rs`, generated from the reference interpreter by
//! `tools/gen_opcode.py`; this file is the hand-written interface to them.

#[path = "opcode_table.rs"]
mod table;

use std::fmt;

pub use table::{
    CACHE_FORMAT, CMP_OP, COMMON_CONSTANTS, HAVE_ARGUMENT, INTRINSIC_1_DESCS, INTRINSIC_2_DESCS,
    MIN_INSTRUMENTED_OPCODE, NB_OPS, SPECIAL_METHOD_NAMES,
};

/// One byte of `co_code` in opcode position. Named opcodes are associated constants
/// (`Opcode::LOAD_CONST`); any byte value is representable, as in `co_code`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Opcode(pub u8);

impl Opcode {
    /// The number of the instruction, as stored in `co_code`.
    pub const fn number(self) -> u8 {
        self.0
    }

    /// `opcode.opname[op]`, or `None` for an unused number (CPython shows `<N>`).
    pub fn name(self) -> Option<&'static str> {
        table::NAMES[usize::from(self.0)]
    }

    /// The opcode with that name (`opcode.opmap` plus `opcode._specialized_opmap`).
    pub fn from_name(name: &str) -> Option<Opcode> {
        table::NAMES
            .iter()
            .position(|candidate| *candidate == Some(name))
            .map(|index| Opcode(index as u8))
    }

    /// `_opcode.is_valid`: a number CPython defines.
    pub fn is_valid(self) -> bool {
        self.name().is_some()
    }

    fn flag(self, bit: u8) -> bool {
        table::FLAGS[usize::from(self.0)] & bit != 0
    }

    /// `_opcode.has_arg`: the oparg is used. (Every instruction occupies two bytes; an
    /// unused oparg is written as 0.)
    pub fn has_arg(self) -> bool {
        self.flag(table::HAS_ARG)
    }

    /// `_opcode.has_const` (`opcode.hasconst`): the oparg indexes `co_consts`.
    pub fn has_const(self) -> bool {
        self.flag(table::HAS_CONST)
    }

    /// `_opcode.has_name` (`opcode.hasname`): the oparg indexes `co_names`.
    pub fn has_name(self) -> bool {
        self.flag(table::HAS_NAME)
    }

    /// `_opcode.has_jump`: the oparg is a relative jump (`opcode.hasjrel`; 3.14 has no
    /// absolute jumps, `opcode.hasjabs` is empty).
    pub fn has_jump(self) -> bool {
        self.flag(table::HAS_JUMP)
    }

    /// `opcode.hasjrel`, the same set as [`Opcode::has_jump`].
    pub fn has_jrel(self) -> bool {
        self.has_jump()
    }

    /// `opcode.hasjabs`: always false in 3.14.
    pub fn has_jabs(self) -> bool {
        false
    }

    /// `_opcode.has_free` (`opcode.hasfree`): the oparg indexes the cell and free variables
    /// of `co_localsplusnames`.
    pub fn has_free(self) -> bool {
        self.flag(table::HAS_FREE)
    }

    /// `_opcode.has_local` (`opcode.haslocal`): the oparg indexes `co_localsplusnames`.
    pub fn has_local(self) -> bool {
        self.flag(table::HAS_LOCAL)
    }

    /// `_opcode.has_exc` (`opcode.hasexc`); only pseudo-instructions have it, so no real
    /// opcode does.
    pub fn has_exc(self) -> bool {
        self.flag(table::HAS_EXC)
    }

    /// `opcode.hascompare`: the oparg is a comparison (`COMPARE_OP`).
    pub fn has_compare(self) -> bool {
        self.flag(table::HAS_COMPARE)
    }

    /// Number of 16-bit CACHE code units that follow the instruction in `co_code`
    /// (`_PyOpcode_Caches` of its base instruction).
    pub fn cache_entries(self) -> usize {
        usize::from(table::CACHE_ENTRIES[usize::from(self.0)])
    }

    /// `_PyOpcode_Deopt`: the base instruction of a specialized one (itself otherwise).
    pub fn deopt(self) -> Opcode {
        Opcode(table::DEOPT[usize::from(self.0)])
    }

    /// A specialized form of another instruction (`dis._specializations`).
    pub fn is_specialized(self) -> bool {
        self.deopt() != self
    }

    /// One of the `INSTRUMENTED_*` opcodes (or `ENTER_EXECUTOR`) `sys.monitoring` and the
    /// JIT install.
    pub fn is_instrumented(self) -> bool {
        self.0 >= MIN_INSTRUMENTED_OPCODE
    }
}

impl fmt::Debug for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "<{}>", self.0),
        }
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// One instruction of `co_code` as the `dis` module reads it: EXTENDED_ARG prefixes folded
/// into the oparg, inline caches skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset of the instruction itself (after its EXTENDED_ARG prefixes).
    pub offset: usize,
    /// Byte offset of the first EXTENDED_ARG prefix, or `offset` when there is none.
    pub start_offset: usize,
    pub opcode: Opcode,
    pub oparg: u32,
}

/// Iterates over the instructions of `co_code` (`dis._unpack_opargs`): an EXTENDED_ARG
/// shifts its argument into the next instruction's, and each instruction's CACHE entries
/// are stepped over. A trailing odd byte is ignored.
pub fn instructions(code: &[u8]) -> impl Iterator<Item = Instruction> + '_ {
    let mut offset = 0;
    let mut extended: u32 = 0;
    let mut start_offset = 0;
    std::iter::from_fn(move || {
        while offset + 1 < code.len() {
            let opcode = Opcode(code[offset]);
            let oparg = u32::from(code[offset + 1]) | (extended << 8);
            let here = offset;
            offset += 2 + 2 * opcode.deopt().cache_entries();
            if opcode == Opcode::EXTENDED_ARG {
                if extended == 0 {
                    start_offset = here;
                }
                extended = oparg;
                continue;
            }
            let instruction = Instruction {
                offset: here,
                start_offset: if extended != 0 { start_offset } else { here },
                opcode,
                oparg,
            };
            extended = 0;
            return Some(instruction);
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Numbers from the oracle: opcode.opmap, opcode._inline_cache_entries,
    // dis._specializations, _opcode.has_*.
    #[test]
    fn numbers_and_metadata() {
        assert_eq!(Opcode::LOAD_CONST.number(), 82);
        assert_eq!(Opcode::RESUME.number(), 128);
        assert_eq!(HAVE_ARGUMENT, 43);
        assert_eq!(Opcode(82).name(), Some("LOAD_CONST"));
        assert_eq!(Opcode(121).name(), None);
        assert_eq!(format!("{}", Opcode(121)), "<121>");
        assert_eq!(Opcode::from_name("BINARY_OP"), Some(Opcode(44)));
        assert_eq!(Opcode::LOAD_ATTR.cache_entries(), 9);
        assert_eq!(Opcode::LOAD_GLOBAL.cache_entries(), 4);
        assert_eq!(Opcode::BINARY_OP.cache_entries(), 5);
        assert_eq!(Opcode::LOAD_ATTR_SLOT.cache_entries(), 9);
        assert_eq!(Opcode::INSTRUMENTED_CALL.cache_entries(), 3);
        assert_eq!(Opcode::NOP.cache_entries(), 0);
        assert_eq!(Opcode::LOAD_CONST_IMMORTAL.deopt(), Opcode::LOAD_CONST);
        assert_eq!(
            Opcode::BINARY_OP_INPLACE_ADD_UNICODE.deopt(),
            Opcode::BINARY_OP
        );
        assert!(Opcode::CALL_LEN.is_specialized());
        assert!(!Opcode::CALL.is_specialized());
        assert!(Opcode::LOAD_CONST.has_const() && Opcode::LOAD_CONST.has_arg());
        assert!(Opcode::LOAD_NAME.has_name());
        assert!(Opcode::JUMP_BACKWARD.has_jrel() && Opcode::FOR_ITER.has_jump());
        // CPython 3.14 lists LOAD_DEREF in haslocal, STORE_DEREF in hasfree.
        assert!(Opcode::STORE_DEREF.has_free() && Opcode::LOAD_DEREF.has_local());
        assert!(Opcode::COMPARE_OP.has_compare());
        assert!(!Opcode::POP_TOP.has_arg());
        assert!(Opcode::INSTRUMENTED_LINE.is_instrumented());
    }

    #[test]
    fn unpacks_extended_args_and_skips_caches() {
        // EXTENDED_ARG 1; LOAD_CONST 2 -> LOAD_CONST 258; LOAD_GLOBAL 0 + 4 caches; NOP
        let code = [69, 1, 82, 2, 92, 0, 0, 0, 0, 0, 0, 0, 0, 0, 27, 0];
        let found: Vec<_> = instructions(&code)
            .map(|i| (i.start_offset, i.offset, i.opcode, i.oparg))
            .collect();
        assert_eq!(
            found,
            vec![
                (0, 2, Opcode::LOAD_CONST, 258),
                (4, 4, Opcode::LOAD_GLOBAL, 0),
                (14, 14, Opcode::NOP, 0),
            ]
        );
    }
}
