//! Finding the "primary" part of a failing expression for PEP 657 caret lines: the
//! operator of a binary operation, the brackets of a subscript, the parentheses of a
//! call (shown with `^`; the rest of the expression gets `~`).
//!
//! CPython counterpart: `Lib/traceback.py` (`_extract_caret_anchors_from_line_segment`),
//! which parses the segment with `ast`; this scans its tokens at bracket depth zero,
//! which finds the same anchors for the expressions the compiler gives positions to.

/// Byte offsets of the segment's characters that are outside strings, with their bracket
/// depth.
fn scan(segment: &str) -> Vec<(usize, char, i32)> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut chars = segment.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        match c {
            '\'' | '"' => {
                let quote = c;
                while let Some((_, inner)) = chars.next() {
                    if inner == '\\' {
                        chars.next();
                    } else if inner == quote {
                        break;
                    }
                }
            }
            '#' => break,
            '(' | '[' | '{' => {
                out.push((index, c, depth));
                depth += 1;
            }
            ')' | ']' | '}' => {
                depth -= 1;
                out.push((index, c, depth));
            }
            _ => out.push((index, c, depth)),
        }
    }
    out
}

const OPERATORS: &[(&str, u8)] = &[
    ("**", 7),
    ("//", 6),
    ("<<", 4),
    (">>", 4),
    ("*", 6),
    ("/", 6),
    ("%", 6),
    ("@", 6),
    ("+", 5),
    ("-", 5),
    ("&", 3),
    ("^", 2),
    ("|", 1),
];

/// The primary range `(start, end)` in bytes of `segment`, or `None` when the whole
/// segment is primary.
pub fn find(segment: &str) -> Option<(usize, usize)> {
    // Statements have no anchors (CPython parses the segment and wants an expression).
    let first_word: String = segment
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    const STATEMENT_KEYWORDS: &[&str] = &[
        "raise", "return", "assert", "del", "import", "from", "global", "nonlocal", "pass",
        "break", "continue", "if", "elif", "while", "for", "with", "try", "class", "def", "lambda",
        "yield", "not",
    ];
    if STATEMENT_KEYWORDS.contains(&first_word.as_str()) {
        return None;
    }
    let tokens = scan(segment);
    let bytes = segment.as_bytes();
    // A binary operator at depth zero, not unary (preceded by an operand).
    let mut best: Option<(usize, usize, u8)> = None;
    let mut index = 0;
    let mut previous_operand = false;
    while index < tokens.len() {
        let (at, c, depth) = tokens[index];
        if depth != 0 || c.is_whitespace() {
            if depth != 0 || matches!(c, ')' | ']' | '}') {
                previous_operand = true;
            }
            index += 1;
            continue;
        }
        if matches!(c, '(' | '[' | '{') {
            index += 1;
            continue;
        }
        let rest = &bytes[at..];
        let operator = OPERATORS
            .iter()
            .find(|(text, _)| rest.starts_with(text.as_bytes()));
        match operator {
            Some((text, precedence))
                if previous_operand && !rest[text.len()..].starts_with(b"=") =>
            {
                let replace = match best {
                    None => true,
                    Some((_, _, best_precedence)) => {
                        if *precedence == 7 {
                            *precedence < best_precedence
                        } else {
                            *precedence <= best_precedence
                        }
                    }
                };
                if replace {
                    best = Some((at, at + text.len(), *precedence));
                }
                previous_operand = false;
                index += text.len();
                continue;
            }
            Some(_) => {
                previous_operand = false;
            }
            None => {
                if c.is_alphanumeric() || c == '_' || c == '.' || matches!(c, '\'' | '"') {
                    previous_operand = true;
                } else if matches!(c, '=' | '<' | '>' | '!' | ',' | ':') {
                    return None;
                }
            }
        }
        index += 1;
    }
    if let Some((start, end, _)) = best {
        let _ = end;
        return Some((start, end));
    }
    // A call or subscript: the last top-level bracket pair closing at the segment's end.
    let trimmed = segment.trim_end();
    let last = trimmed.chars().last()?;
    if !matches!(last, ')' | ']') {
        return None;
    }
    let open = if last == ')' { '(' } else { '[' };
    let opening = tokens
        .iter()
        .rev()
        .find(|(_, c, depth)| *c == open && *depth == 0)?;
    if opening.0 == 0 {
        return None;
    }
    Some((opening.0, trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn anchors_of_common_expressions() {
        assert_eq!(find("1 / 0"), Some((2, 3)));
        assert_eq!(find("a + b * c"), Some((2, 3)));
        assert_eq!(find("a // b"), Some((2, 4)));
        assert_eq!(find("f(x)"), Some((1, 4)));
        assert_eq!(find("d['k']"), Some((1, 6)));
        assert_eq!(find("x"), None);
        assert_eq!(find("obj.attr"), None);
        assert_eq!(find("-x"), None);
    }
}
