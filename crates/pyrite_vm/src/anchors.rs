//! Finding the "primary" part of a failing expression for PEP 657 caret lines: the
//! operator of a binary operation, the brackets of a subscript, the parentheses of a
//! call (shown with `^`; the rest of the expression gets `~`).
//!
//! CPython counterpart: `Lib/traceback.py` (`_extract_caret_anchors_from_line_segment`):
//! the segment is parsed as a parenthesized expression and the anchors come from the
//! positions of its parts, then scanning the source text between them.

use pyrite_ast::nodes::{Expr, Location, Mod, Stmt};

/// Where the `^` part of a segment starts and ends (line index within the segment,
/// character column), and the characters drawn inside and outside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub left_end_line: usize,
    pub left_end_column: usize,
    pub right_start_line: usize,
    pub right_start_column: usize,
    pub primary: char,
    pub secondary: char,
}

impl Anchors {
    fn new(left: (usize, usize), right: (usize, usize)) -> Anchors {
        Anchors {
            left_end_line: left.0,
            left_end_column: left.1,
            right_start_line: right.0,
            right_start_column: right.1,
            primary: '~',
            secondary: '^',
        }
    }
}

/// `str.isspace`: Unicode white space plus the ASCII information separators.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The segment's lines as `str.splitlines` gives them (no empty last line).
fn split_lines(text: &str) -> Vec<Vec<char>> {
    let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
    if text.is_empty() || text.ends_with('\n') {
        lines.pop();
    }
    lines
}

/// Converts a UTF-8 byte offset into `line` to a character offset (`errors="replace"`:
/// a cut character counts as one).
pub fn byte_to_char_offset(line: &[char], offset: usize) -> usize {
    let mut bytes = 0;
    for (index, c) in line.iter().enumerate() {
        if bytes >= offset {
            return index;
        }
        bytes += c.len_utf8();
    }
    line.len()
}

struct Segment {
    lines: Vec<Vec<char>>,
}

impl Segment {
    fn char_at(&self, line: usize, column: usize) -> Option<char> {
        self.lines.get(line)?.get(column).copied()
    }

    /// The character column of a byte offset on a line.
    fn normalize(&self, line: usize, offset: i32) -> Option<usize> {
        let offset = usize::try_from(offset).ok()?;
        Some(byte_to_char_offset(self.lines.get(line)?, offset))
    }

    /// Moves past line ends (and empty lines) to the next real character.
    fn next_valid(&self, mut line: usize, mut column: usize) -> Option<(usize, usize)> {
        while line < self.lines.len() && column >= self.lines[line].len() {
            column = 0;
            line += 1;
        }
        (line < self.lines.len() && column < self.lines[line].len()).then_some((line, column))
    }

    /// The first character after `(line, column)` that satisfies `stop`, skipping the
    /// rest of a line at a backslash or a comment.
    fn advance_until(
        &self,
        mut line: usize,
        mut column: usize,
        stop: impl Fn(char) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let c = self.char_at(line, column)?;
            if c == '\\' || c == '#' {
                (line, column) = self.next_valid(line + 1, 0)?;
            } else if !stop(c) {
                (line, column) = self.next_valid(line, column + 1)?;
            } else {
                return Some((line, column));
            }
        }
    }

    /// The end of a node, as a segment line and character column; moved to the next
    /// real character unless `exact`.
    fn end_of(&self, location: Location, exact: bool) -> Option<(usize, usize)> {
        // Two lines come before the segment in the parsed text: `(` and the 1-based count.
        let line = usize::try_from(location.end_lineno - 2).ok()?;
        let column = self.normalize(line, location.end_col_offset)?;
        if exact {
            Some((line, column))
        } else {
            self.next_valid(line, column)
        }
    }
}

/// The anchors of `segment`, the source text of the failing expression (possibly over
/// several lines), or `None` when it is not a binary operation, subscript or call.
pub fn find(segment: &str) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let Ok(Mod::Module(module)) = pyrite_parser::parse_module(wrapped.as_bytes(), "<unknown>")
    else {
        return None;
    };
    let [Stmt::Expr(statement)] = module.body.as_slice() else {
        return None;
    };
    let segment = Segment {
        lines: split_lines(segment),
    };
    match statement.value.as_ref() {
        Expr::BinOp(binop) => {
            let (line, start) = segment.end_of(binop.left.location(), false)?;
            let (line, column) =
                segment.advance_until(line, start, |c| !is_space(c) && c != ')')?;
            // The operator has one or two characters, on one line, before the right operand.
            let mut right_column = column + 1;
            let right = binop.right.location();
            let right_line = usize::try_from(right.lineno - 2).ok()?;
            if right_column < segment.lines[line].len()
                && (right_line > line
                    || right_column < segment.normalize(right_line, right.col_offset)?)
            {
                let c = segment.lines[line][right_column];
                if !is_space(c) && c != '\\' && c != '#' {
                    right_column += 1;
                }
            }
            Some(Anchors::new((line, column), (line, right_column)))
        }
        Expr::Subscript(subscript) => {
            let (line, column) = segment.end_of(subscript.value.location(), false)?;
            let left = segment.advance_until(line, column, |c| c == '[')?;
            let right = segment.end_of(subscript.location, true)?;
            Some(Anchors::new(left, right))
        }
        Expr::Call(call) => {
            let (line, column) = segment.end_of(call.func.location(), false)?;
            let left = segment.advance_until(line, column, |c| c == '(')?;
            let right = segment.end_of(call.location, true)?;
            Some(Anchors::new(left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    fn spans(segment: &str) -> Option<(usize, usize, usize, usize)> {
        find(segment).map(|a| {
            (
                a.left_end_line,
                a.left_end_column,
                a.right_start_line,
                a.right_start_column,
            )
        })
    }

    #[test]
    fn anchors_of_common_expressions() {
        assert_eq!(spans("1 / 0"), Some((0, 2, 0, 3)));
        assert_eq!(spans("a + b * c"), Some((0, 2, 0, 3)));
        assert_eq!(spans("a // b"), Some((0, 2, 0, 4)));
        assert_eq!(spans("(a) ** b"), Some((0, 4, 0, 6)));
        assert_eq!(spans("f(x)"), Some((0, 1, 0, 4)));
        assert_eq!(spans("d['k']"), Some((0, 1, 0, 6)));
        assert_eq!(spans("x\n+\ny"), Some((1, 0, 1, 1)));
        assert_eq!(spans("x"), None);
        assert_eq!(spans("obj.attr"), None);
        assert_eq!(spans("-x"), None);
        assert_eq!(spans("x = 1"), None);
    }
}
