//! The numbers shared by `re._compiler` and the `_sre` engine: opcodes, `AT` codes,
//! categories, flags and limits.
//!
//! CPython counterpart: `Modules/_sre/sre_constants.h` (generated from
//! `Lib/re/_constants.py`); `MAGIC` must equal `re._constants.MAGIC` or `re` refuses to
//! import.

pub const MAGIC: i64 = 20230612;
pub const CODESIZE: i64 = 4;
/// `SRE_MAXREPEAT` of 64-bit CPython: the largest code word, meaning "no upper bound".
pub const MAXREPEAT: u32 = u32::MAX;
pub const MAXGROUPS: usize = (i32::MAX / 2) as usize;

pub const OP_FAILURE: u32 = 0;
pub const OP_SUCCESS: u32 = 1;
pub const OP_ANY: u32 = 2;
pub const OP_ANY_ALL: u32 = 3;
pub const OP_ASSERT: u32 = 4;
pub const OP_ASSERT_NOT: u32 = 5;
pub const OP_AT: u32 = 6;
pub const OP_BRANCH: u32 = 7;
pub const OP_CATEGORY: u32 = 8;
pub const OP_CHARSET: u32 = 9;
pub const OP_BIGCHARSET: u32 = 10;
pub const OP_GROUPREF: u32 = 11;
pub const OP_GROUPREF_EXISTS: u32 = 12;
pub const OP_IN: u32 = 13;
pub const OP_INFO: u32 = 14;
pub const OP_JUMP: u32 = 15;
pub const OP_LITERAL: u32 = 16;
pub const OP_MARK: u32 = 17;
pub const OP_MAX_UNTIL: u32 = 18;
pub const OP_MIN_UNTIL: u32 = 19;
pub const OP_NOT_LITERAL: u32 = 20;
pub const OP_NEGATE: u32 = 21;
pub const OP_RANGE: u32 = 22;
pub const OP_REPEAT: u32 = 23;
pub const OP_REPEAT_ONE: u32 = 24;
pub const OP_SUBPATTERN: u32 = 25;
pub const OP_MIN_REPEAT_ONE: u32 = 26;
pub const OP_ATOMIC_GROUP: u32 = 27;
pub const OP_POSSESSIVE_REPEAT: u32 = 28;
pub const OP_POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const OP_GROUPREF_IGNORE: u32 = 30;
pub const OP_IN_IGNORE: u32 = 31;
pub const OP_LITERAL_IGNORE: u32 = 32;
pub const OP_NOT_LITERAL_IGNORE: u32 = 33;
pub const OP_GROUPREF_LOC_IGNORE: u32 = 34;
pub const OP_IN_LOC_IGNORE: u32 = 35;
pub const OP_LITERAL_LOC_IGNORE: u32 = 36;
pub const OP_NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const OP_GROUPREF_UNI_IGNORE: u32 = 38;
pub const OP_IN_UNI_IGNORE: u32 = 39;
pub const OP_LITERAL_UNI_IGNORE: u32 = 40;
pub const OP_NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const OP_RANGE_UNI_IGNORE: u32 = 42;

pub const AT_BEGINNING: u32 = 0;
pub const AT_BEGINNING_LINE: u32 = 1;
pub const AT_BEGINNING_STRING: u32 = 2;
pub const AT_BOUNDARY: u32 = 3;
pub const AT_NON_BOUNDARY: u32 = 4;
pub const AT_END: u32 = 5;
pub const AT_END_LINE: u32 = 6;
pub const AT_END_STRING: u32 = 7;
pub const AT_LOC_BOUNDARY: u32 = 8;
pub const AT_LOC_NON_BOUNDARY: u32 = 9;
pub const AT_UNI_BOUNDARY: u32 = 10;
pub const AT_UNI_NON_BOUNDARY: u32 = 11;

pub const CATEGORY_DIGIT: u32 = 0;
pub const CATEGORY_NOT_DIGIT: u32 = 1;
pub const CATEGORY_SPACE: u32 = 2;
pub const CATEGORY_NOT_SPACE: u32 = 3;
pub const CATEGORY_WORD: u32 = 4;
pub const CATEGORY_NOT_WORD: u32 = 5;
pub const CATEGORY_LINEBREAK: u32 = 6;
pub const CATEGORY_NOT_LINEBREAK: u32 = 7;
pub const CATEGORY_LOC_WORD: u32 = 8;
pub const CATEGORY_LOC_NOT_WORD: u32 = 9;
pub const CATEGORY_UNI_DIGIT: u32 = 10;
pub const CATEGORY_UNI_NOT_DIGIT: u32 = 11;
pub const CATEGORY_UNI_SPACE: u32 = 12;
pub const CATEGORY_UNI_NOT_SPACE: u32 = 13;
pub const CATEGORY_UNI_WORD: u32 = 14;
pub const CATEGORY_UNI_NOT_WORD: u32 = 15;
pub const CATEGORY_UNI_LINEBREAK: u32 = 16;
pub const CATEGORY_UNI_NOT_LINEBREAK: u32 = 17;

pub const FLAG_IGNORECASE: i64 = 2;
pub const FLAG_LOCALE: i64 = 4;
pub const FLAG_MULTILINE: i64 = 8;
pub const FLAG_DOTALL: i64 = 16;
pub const FLAG_UNICODE: i64 = 32;
pub const FLAG_VERBOSE: i64 = 64;
pub const FLAG_DEBUG: i64 = 128;
pub const FLAG_ASCII: i64 = 256;

pub const INFO_PREFIX: u32 = 1;
pub const INFO_LITERAL: u32 = 2;
pub const INFO_CHARSET: u32 = 4;
