//! The exception table (`co_exceptiontable`): which handler catches an exception raised
//! at a given instruction, and at what stack depth.
//!
//! CPython counterpart: `InternalDocs/exception_handling.md` (the format),
//! `Python/assemble.c` (`assemble_emit_exception_table_entry`) and `Objects/codeobject.c` /
//! `Python/ceval.c` (`get_exception_handler`), `dis._parse_exception_table`.
//!
//! Each entry is four numbers (start, length, target, depth << 1 | lasti), all in code
//! units. A number is written in 6-bit groups, most significant first, bit 6 meaning "more
//! follows"; the first byte of an entry also has bit 7 set.

use std::fmt;

/// One handler range. Offsets are in code units (2 bytes of `co_code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    /// The range covers `start..start + length`.
    pub length: u32,
    pub target: u32,
    /// Stack depth to pop to before jumping to `target`.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed too.
    pub lasti: bool,
}

impl ExceptionTableEntry {
    pub fn end(&self) -> u32 {
        self.start.saturating_add(self.length)
    }
}

/// The table is truncated or an entry does not start with its marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadTable;

impl fmt::Display for BadTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("malformed exception table")
    }
}

impl std::error::Error for BadTable {}

const START_MARKER: u8 = 0x80;
const CONTINUATION: u8 = 0x40;

fn write_item(out: &mut Vec<u8>, value: u32, mut marker: u8) {
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONTINUATION | marker);
            marker = 0;
        }
    }
    out.push((value & 0x3f) as u8 | marker);
}

/// Encodes entries (values must be below 2**30, as CPython asserts).
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in entries {
        write_item(&mut out, entry.start, START_MARKER);
        write_item(&mut out, entry.length, 0);
        write_item(&mut out, entry.target, 0);
        write_item(&mut out, entry.depth << 1 | u32::from(entry.lasti), 0);
    }
    out
}

fn read_item(table: &[u8], index: &mut usize) -> Result<u32, BadTable> {
    let mut value: u32 = 0;
    loop {
        let byte = *table.get(*index).ok_or(BadTable)?;
        *index += 1;
        value = value.checked_mul(64).ok_or(BadTable)? | u32::from(byte & 0x3f);
        if byte & CONTINUATION == 0 {
            return Ok(value);
        }
    }
}

/// Decodes a whole table.
pub fn decode(table: &[u8]) -> Result<Vec<ExceptionTableEntry>, BadTable> {
    let mut entries = Vec::new();
    let mut index = 0;
    while index < table.len() {
        if table[index] & START_MARKER == 0 {
            return Err(BadTable);
        }
        let start = read_item(table, &mut index)?;
        let length = read_item(table, &mut index)?;
        let target = read_item(table, &mut index)?;
        let depth_lasti = read_item(table, &mut index)?;
        entries.push(ExceptionTableEntry {
            start,
            length,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        });
    }
    Ok(entries)
}

/// The handler for an exception raised at code unit `offset`, as `get_exception_handler`
/// finds it (the entries are sorted and do not overlap).
pub fn find_handler(table: &[u8], offset: u32) -> Option<ExceptionTableEntry> {
    decode(table)
        .ok()?
        .into_iter()
        .find(|entry| entry.start <= offset && offset < entry.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real tables are compared byte for byte with the oracle's in tests/fixtures.rs.
    #[test]
    fn round_trip() {
        let entries = vec![
            ExceptionTableEntry {
                start: 2,
                length: 15,
                target: 28,
                depth: 1,
                lasti: false,
            },
            ExceptionTableEntry {
                start: 4000,
                length: 70,
                target: (1 << 29) + 5,
                depth: 300,
                lasti: true,
            },
        ];
        let table = encode(&entries);
        assert_eq!(&table[..4], &[0x82, 0x0f, 0x1c, 0x02]);
        assert_eq!(decode(&table), Ok(entries.clone()));
        assert_eq!(find_handler(&table, 16), Some(entries[0]));
        assert_eq!(find_handler(&table, 17), None);
        assert_eq!(decode(&[0x82, 0x4f]), Err(BadTable));
        assert_eq!(decode(&[0x02]), Err(BadTable));
    }
}
