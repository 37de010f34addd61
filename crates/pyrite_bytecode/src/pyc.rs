//! `.pyc` files: the 16-byte header and the marshalled module code object after it.
//!
//! CPython counterpart: `Lib/importlib/_bootstrap_external.py` (`MAGIC_NUMBER`,
//! `_code_to_timestamp_pyc`, `_code_to_hash_pyc`, `_classify_pyc`) and `_imp.source_hash`
//! (`Python/import.c`, `Python/pyhash.c`).
//!
//! Header: the magic number (3627 as two little-endian bytes, then `\r\n`), a flags word
//! (bit 0: hash-based; bit 1: check the hash against the source), then either the source's
//! mtime and size (two little-endian 32-bit words) or its 8-byte SipHash-1-3.

use std::fmt;

use siphasher::sip::SipHasher13;
use std::hash::Hasher;

use crate::code::CodeObject;
use crate::marshal::{self, MarshalError};

/// `importlib.util.MAGIC_NUMBER` for CPython 3.14.
pub const MAGIC_NUMBER: [u8; 4] = [0x2b, 0x0e, 0x0d, 0x0a];
/// The number in the magic (`3627`).
pub const MAGIC_NUMBER_VALUE: u16 = 3627;
/// `_imp.pyc_magic_number_token`: the magic as a little-endian integer, the source-hash key.
pub const MAGIC_NUMBER_TOKEN: u64 = 0x0a0d_0e2b;

pub const FLAG_HASH_BASED: u32 = 0b01;
pub const FLAG_CHECK_SOURCE: u32 = 0b10;

/// How a `.pyc` file says whether it is still up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// Flags 0: the source file's mtime (seconds, truncated to 32 bits) and size.
    Timestamp { mtime: u32, source_size: u32 },
    /// Flags 1 (unchecked) or 3 (checked): `source_hash` of the source bytes.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A `.pyc` file, parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Pyc {
    pub validation: Validation,
    pub code: CodeObject,
}

/// Why a `.pyc` could not be read (`_classify_pyc`'s `ImportError`s, or bad marshal data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// `bad magic number in NAME: b'...'`
    BadMagic([u8; 4]),
    /// `invalid flags N in NAME`
    InvalidFlags(u32),
    /// `reached EOF while reading pyc header of NAME` (CPython reports fewer than 16 bytes).
    Truncated,
    Marshal(MarshalError),
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PycError::BadMagic(magic) => write!(f, "bad magic number: {magic:?}"),
            PycError::InvalidFlags(flags) => write!(f, "invalid flags {flags:?}"),
            PycError::Truncated => f.write_str("reached EOF while reading pyc header"),
            PycError::Marshal(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for PycError {}

/// `_imp.source_hash(key, source)`: SipHash-1-3 keyed with (key, 0), as 8 little-endian
/// bytes. Import uses `key = MAGIC_NUMBER_TOKEN`.
pub fn source_hash_with_key(key: u64, source: &[u8]) -> [u8; 8] {
    let mut hasher = SipHasher13::new_with_keys(key, 0);
    hasher.write(source);
    hasher.finish().to_le_bytes()
}

/// `importlib.util.source_hash(source)`.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    source_hash_with_key(MAGIC_NUMBER_TOKEN, source)
}

/// The 16-byte header for `validation`.
pub fn header(validation: Validation) -> [u8; 16] {
    let mut header = [0; 16];
    header[..4].copy_from_slice(&MAGIC_NUMBER);
    match validation {
        Validation::Timestamp { mtime, source_size } => {
            header[8..12].copy_from_slice(&mtime.to_le_bytes());
            header[12..16].copy_from_slice(&source_size.to_le_bytes());
        }
        Validation::Hash { hash, check_source } => {
            let flags = FLAG_HASH_BASED | if check_source { FLAG_CHECK_SOURCE } else { 0 };
            header[4..8].copy_from_slice(&flags.to_le_bytes());
            header[8..16].copy_from_slice(&hash);
        }
    }
    header
}

/// A whole `.pyc` file (`_code_to_timestamp_pyc` / `_code_to_hash_pyc`).
pub fn write(validation: Validation, code: &CodeObject) -> Vec<u8> {
    let mut data = header(validation).to_vec();
    data.extend_from_slice(&marshal::dumps_code(code));
    data
}

/// Reads a `.pyc` file: checks the magic and flags, then unmarshals the code object.
pub fn read(data: &[u8]) -> Result<Pyc, PycError> {
    if data.len() < 16 {
        if data.len() >= 4 && data[..4] != MAGIC_NUMBER {
            return Err(PycError::BadMagic([data[0], data[1], data[2], data[3]]));
        }
        return Err(PycError::Truncated);
    }
    let word = |at: usize| u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]);
    if data[..4] != MAGIC_NUMBER {
        return Err(PycError::BadMagic([data[0], data[1], data[2], data[3]]));
    }
    let flags = word(4);
    let validation = match flags {
        0 => Validation::Timestamp {
            mtime: word(8),
            source_size: word(12),
        },
        1 | 3 => {
            let mut hash = [0; 8];
            hash.copy_from_slice(&data[8..16]);
            Validation::Hash {
                hash,
                check_source: flags == 3,
            }
        }
        other => return Err(PycError::InvalidFlags(other)),
    };
    let code = marshal::loads_code(&data[16..]).map_err(PycError::Marshal)?;
    Ok(Pyc { validation, code })
}

#[cfg(test)]
mod tests {
    use super::*;

    // From the oracle: importlib.util.MAGIC_NUMBER == b'+\x0e\r\n',
    // _imp.source_hash(_imp.pyc_magic_number_token, b'abc') == b'nF\x1b\xf6\xa5\xe9{J',
    // _imp.source_hash(1234, b'abc') == b'\r\xd7yn\x89\xa3\xa8\xa5'.
    #[test]
    fn magic_and_source_hash() {
        assert_eq!(&MAGIC_NUMBER, b"+\x0e\r\n");
        assert_eq!(
            u16::from_le_bytes([MAGIC_NUMBER[0], MAGIC_NUMBER[1]]),
            MAGIC_NUMBER_VALUE
        );
        assert_eq!(u32::from_le_bytes(MAGIC_NUMBER) as u64, MAGIC_NUMBER_TOKEN);
        assert_eq!(&source_hash(b"abc"), b"nF\x1b\xf6\xa5\xe9{J");
        assert_eq!(
            &source_hash_with_key(1234, b"abc"),
            b"\r\xd7yn\x89\xa3\xa8\xa5"
        );
    }

    #[test]
    fn header_forms() {
        let timestamp = header(Validation::Timestamp {
            mtime: 0x01020304,
            source_size: 10,
        });
        assert_eq!(&timestamp[4..], &[0, 0, 0, 0, 4, 3, 2, 1, 10, 0, 0, 0]);
        let hashed = header(Validation::Hash {
            hash: [9; 8],
            check_source: true,
        });
        assert_eq!(&hashed[4..8], &[3, 0, 0, 0]);
        assert_eq!(read(&[1, 2, 3]), Err(PycError::Truncated));
        let mut bad = hashed.to_vec();
        bad[4] = 2;
        bad.push(b'N');
        assert_eq!(read(&bad), Err(PycError::InvalidFlags(2)));
    }
}
