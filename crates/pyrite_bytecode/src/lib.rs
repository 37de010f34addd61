//! CPython 3.14's code objects as data: the vocabulary the compiler writes and the VM reads.
//!
//! CPython counterparts: `Include/internal/pycore_opcode_metadata.h` ([`opcode`]),
//! `Objects/codeobject.c` ([`code`]), `Objects/locations.md` ([`linetable`]),
//! `InternalDocs/exception_handling.md` ([`exceptiontable`]), `Python/marshal.c`
//! ([`marshal`]), `Lib/importlib/_bootstrap_external.py` ([`pyc`]) and the parity dump
//! script `shared/oracle/codedump.py` ([`codedump`]).

pub mod code;
pub mod codedump;
pub mod exceptiontable;
pub mod linetable;
pub mod marshal;
pub mod opcode;
pub mod pyc;

pub use code::{CodeFlags, CodeObject, Constant};
pub use marshal::{MarshalError, MarshalValue};
pub use opcode::Opcode;
