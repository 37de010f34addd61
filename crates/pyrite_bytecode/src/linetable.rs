//! The PEP 626/657 location table (`co_linetable`): writing it, and reading it back as
//! `co_lines()` and `co_positions()` do.
//!
//! CPython counterpart: `Objects/locations.md` (the format), `Python/assemble.c`
//! (`write_location_info_entry`, the encoder's choice of form) and `Objects/codeobject.c`
//! (`_PyLineTable_NextAddressRange`, `advance_with_locations`, `lineiter_next`,
//! `positionsiter_next`).
//!
//! Each entry covers 1 to 8 code units (2-byte units of `co_code`). Its first byte has the
//! high bit set, the form in bits 3-6 and `length - 1` in bits 0-2. Lines are deltas from
//! the previous entry's line (starting at `co_firstlineno`); columns are 0-based UTF-8
//! byte offsets.

/// A source location; `None` parts are CPython's `-1` (shown as `None` by Python).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Position {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub column: Option<i32>,
    pub end_column: Option<i32>,
}

impl Position {
    /// A location with every part known.
    pub fn new(line: i32, end_line: i32, column: i32, end_column: i32) -> Position {
        Position {
            line: Some(line),
            end_line: Some(end_line),
            column: Some(column),
            end_column: Some(end_column),
        }
    }
}

const FORM_NO_COLUMNS: u8 = 13;
const FORM_LONG: u8 = 14;
const FORM_NONE: u8 = 15;
const FORM_ONE_LINE0: u8 = 10;

/// Builds a `co_linetable`, entry by entry, as CPython's assembler does.
#[derive(Clone, Debug)]
pub struct LineTableWriter {
    table: Vec<u8>,
    /// The line the next entry's delta is relative to.
    previous_line: i32,
}

impl LineTableWriter {
    pub fn new(first_line: i32) -> LineTableWriter {
        LineTableWriter {
            table: Vec::new(),
            previous_line: first_line,
        }
    }

    /// Records that the next `code_units` units of bytecode have `position` (a position
    /// without a line is the "no location" form). Runs longer than 8 units are split.
    pub fn push(&mut self, position: Position, mut code_units: u32) {
        while code_units > 8 {
            self.push_entry(position, 8);
            code_units -= 8;
        }
        if code_units > 0 {
            self.push_entry(position, code_units);
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.table
    }

    fn first_byte(&mut self, form: u8, code_units: u32) {
        self.table
            .push(0x80 | (form << 3) | ((code_units - 1) as u8 & 7));
    }

    fn push_entry(&mut self, position: Position, code_units: u32) {
        let Some(line) = position.line else {
            self.first_byte(FORM_NONE, code_units);
            return;
        };
        let line_delta = line.wrapping_sub(self.previous_line);
        let end_line = position.end_line.unwrap_or(-1);
        match (position.column, position.end_column) {
            (Some(column), Some(end_column)) if column >= 0 && end_column >= 0 => {
                if end_line == line {
                    if line_delta == 0
                        && column < 80
                        && end_column >= column
                        && end_column - column < 16
                    {
                        self.first_byte((column >> 3) as u8, code_units);
                        self.table
                            .push((((column & 7) << 4) | (end_column - column)) as u8);
                        return;
                    }
                    if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                        self.first_byte(FORM_ONE_LINE0 + line_delta as u8, code_units);
                        self.table.push(column as u8);
                        self.table.push(end_column as u8);
                        self.previous_line = line;
                        return;
                    }
                }
            }
            _ => {
                if end_line == line || end_line < 0 {
                    self.first_byte(FORM_NO_COLUMNS, code_units);
                    write_signed_varint(&mut self.table, line_delta);
                    self.previous_line = line;
                    return;
                }
            }
        }
        self.first_byte(FORM_LONG, code_units);
        write_signed_varint(&mut self.table, line_delta);
        write_varint(&mut self.table, end_line.wrapping_sub(line) as u32);
        write_varint(
            &mut self.table,
            position.column.unwrap_or(-1).wrapping_add(1) as u32,
        );
        write_varint(
            &mut self.table,
            position.end_column.unwrap_or(-1).wrapping_add(1) as u32,
        );
        self.previous_line = line;
    }
}

/// Appends `value` in 6-bit groups, least significant first, bit 6 meaning "more follows".
pub fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 64 {
        out.push(0x40 | (value & 63) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

/// The sign goes into the lowest bit, then [`write_varint`].
pub fn write_signed_varint(out: &mut Vec<u8>, value: i32) {
    let folded = if value < 0 {
        (value.unsigned_abs() << 1) | 1
    } else {
        (value as u32) << 1
    };
    write_varint(out, folded);
}

/// Reads a table that may be malformed (it can come from marshal data): reading past the
/// end gives zeros instead of failing, and nothing panics.
struct Reader<'a> {
    table: &'a [u8],
    index: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let byte = self.table.get(self.index).copied().unwrap_or(0);
        self.index += 1;
        byte
    }

    fn varint(&mut self) -> u32 {
        let mut byte = self.byte();
        let mut value = u32::from(byte & 63);
        let mut shift = 0u32;
        while byte & 64 != 0 {
            byte = self.byte();
            shift += 6;
            if shift < 32 {
                value |= u32::from(byte & 63) << shift;
            }
        }
        value
    }

    fn signed_varint(&mut self) -> i32 {
        let folded = self.varint();
        if folded & 1 != 0 {
            -((folded >> 1) as i32)
        } else {
            (folded >> 1) as i32
        }
    }

    fn at_end(&self) -> bool {
        self.index >= self.table.len()
    }
}

/// One decoded entry: its byte range of `co_code` and its location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationEntry {
    pub start: u32,
    pub end: u32,
    pub position: Position,
}

/// Decodes every entry of a `co_linetable` (`advance_with_locations`, entry by entry).
pub fn decode(table: &[u8], first_line: i32) -> Vec<LocationEntry> {
    let mut reader = Reader { table, index: 0 };
    let mut line = first_line;
    let mut end = 0u32;
    let mut entries = Vec::new();
    while !reader.at_end() {
        let first = reader.byte();
        let form = (first >> 3) & 15;
        let start = end;
        end = start.wrapping_add((u32::from(first & 7) + 1) * 2);
        let position = match form {
            FORM_NONE => Position::default(),
            FORM_LONG => {
                line = line.wrapping_add(reader.signed_varint());
                let end_line = line.wrapping_add(reader.varint() as i32);
                let column = reader.varint() as i32 - 1;
                let end_column = reader.varint() as i32 - 1;
                Position {
                    line: Some(line),
                    end_line: Some(end_line),
                    column: (column >= 0).then_some(column),
                    end_column: (end_column >= 0).then_some(end_column),
                }
            }
            FORM_NO_COLUMNS => {
                line = line.wrapping_add(reader.signed_varint());
                Position {
                    line: Some(line),
                    end_line: Some(line),
                    column: None,
                    end_column: None,
                }
            }
            10..=12 => {
                line = line.wrapping_add(i32::from(form - FORM_ONE_LINE0));
                let column = i32::from(reader.byte());
                let end_column = i32::from(reader.byte());
                Position::new(line, line, column, end_column)
            }
            _ => {
                let second = reader.byte();
                let column = i32::from(form) << 3 | i32::from(second >> 4);
                Position::new(line, line, column, column + i32::from(second & 15))
            }
        };
        // An entry's bytes end where the next start marker is (as CPython skips).
        while !reader.at_end() && reader.table[reader.index] & 0x80 == 0 {
            reader.index += 1;
        }
        entries.push(LocationEntry {
            start,
            end,
            position,
        });
    }
    entries
}

/// `co_positions()`: one location per code unit, for as many units as the table covers.
pub fn co_positions(table: &[u8], first_line: i32) -> Vec<Position> {
    let mut positions = Vec::new();
    for entry in decode(table, first_line) {
        let units = entry.end.wrapping_sub(entry.start) / 2;
        positions.extend(std::iter::repeat_n(entry.position, units as usize));
    }
    positions
}

/// `co_lines()`: (start, end, line) byte ranges; consecutive entries on the same line
/// (including "no line", `None`) are merged into one range, as `lineiter_next` does.
pub fn co_lines(table: &[u8], first_line: i32) -> Vec<(u32, u32, Option<i32>)> {
    let mut ranges: Vec<(u32, u32, Option<i32>)> = Vec::new();
    let mut previous_was_merged_line: Option<Option<i32>> = None;
    for entry in decode(table, first_line) {
        let line = entry.position.line;
        match ranges.last_mut() {
            Some(last) if previous_was_merged_line == Some(line) => last.1 = entry.end,
            _ => ranges.push((entry.start, entry.end, line)),
        }
        previous_was_merged_line = Some(line);
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real tables are compared byte for byte with the oracle's in tests/fixtures.rs.
    #[test]
    fn round_trips_each_form() {
        let positions = [
            (Position::new(7, 7, 4, 9), 1),
            (Position::new(7, 7, 100, 120), 2),
            (Position::new(9, 9, 3, 4), 1),
            (Position::new(8, 11, 2, 300), 9),
            (
                Position {
                    line: Some(3),
                    end_line: Some(3),
                    column: None,
                    end_column: None,
                },
                1,
            ),
            (Position::default(), 2),
            (Position::new(3, 3, 0, 100), 1),
        ];
        let mut writer = LineTableWriter::new(7);
        for (position, units) in positions {
            writer.push(position, units);
        }
        let table = writer.finish();
        let expected: Vec<Position> = positions
            .iter()
            .flat_map(|(position, units)| std::iter::repeat_n(*position, *units as usize))
            .collect();
        assert_eq!(co_positions(&table, 7), expected);
        let lines = co_lines(&table, 7);
        assert_eq!(
            lines,
            vec![
                (0, 6, Some(7)),
                (6, 8, Some(9)),
                (8, 26, Some(8)),
                (26, 28, Some(3)),
                (28, 32, None),
                (32, 34, Some(3)),
            ]
        );
    }

    #[test]
    fn malformed_tables_do_not_panic() {
        for table in [
            &[0xf0u8][..],
            &[0xf7, 0x7f],
            &[0x01, 0x02],
            &[0xe8, 0xff, 0xff],
        ] {
            let _ = co_positions(table, 1);
            let _ = co_lines(table, i32::MAX);
        }
    }
}
