//! The source lines of one traceback entry with their PEP 657 caret lines: the failing
//! expression's lines (several when it spans lines, long runs abbreviated), dedented,
//! with `^` under the expression and `~` around its anchors.
//!
//! CPython counterpart: `Lib/traceback.py` (`FrameSummary`'s lines,
//! `StackSummary.format_frame_summary`, `_should_show_carets`, `_display_width`) and
//! `textwrap.dedent`, which the traceback module uses on the lines.

use pyrite_ast::nodes::{Expr, Mod, Stmt};

use crate::anchors::{self, Anchors, byte_to_char_offset, is_space};
use crate::display_width::display_width;

/// A failing instruction's position: 1-based lines, UTF-8 byte columns.
pub struct Span {
    pub line: i32,
    pub end_line: i32,
    pub column: Option<i32>,
    pub end_column: Option<i32>,
}

/// The lines shown under `  File "...", line N, in NAME`, each with its four-space
/// margin; `read_line(n)` gives line `n` of the file (`""` past its end).
pub fn format_source(span: &Span, read_line: impl Fn(i32) -> String) -> String {
    let mut original = Vec::new();
    for line in span.line..=span.end_line.max(span.line) {
        original.push(read_line(line).trim_end_matches(is_space).to_owned());
    }
    let mut joined = original.join("\n");
    joined.push('\n');
    let dedented = dedent(&joined);
    if dedented.chars().all(is_space) {
        return String::new();
    }
    let (Some(column), Some(end_column)) = (span.column, span.end_column) else {
        let first = original[0].trim_matches(is_space);
        return if first.is_empty() {
            "\n".to_owned()
        } else {
            format!("    {first}\n")
        };
    };
    let line_count = original.len();
    let first_line: Vec<char> = original[0].chars().collect();
    let last_line: Vec<char> = original[line_count - 1].chars().collect();
    let mut start_offset = byte_to_char_offset(&first_line, usize::try_from(column).unwrap_or(0));
    let mut end_offset = byte_to_char_offset(&last_line, usize::try_from(end_column).unwrap_or(0));
    let all_lines: Vec<Vec<char>> = split_lines(&dedented)
        .into_iter()
        .take(line_count)
        .map(|line| line.chars().collect())
        .collect();
    if all_lines.is_empty() {
        return String::new();
    }
    let last = all_lines.len() - 1;
    let dedent_width = first_line.len().saturating_sub(all_lines[0].len());
    start_offset = start_offset.saturating_sub(dedent_width);
    end_offset = end_offset.saturating_sub(dedent_width);
    let display_start = display_width(&all_lines[0], start_offset);
    let display_end = display_width(&all_lines[last], end_offset);

    let mut segment: Vec<char> = Vec::new();
    for (index, line) in all_lines.iter().enumerate() {
        if index > 0 {
            segment.push('\n');
        }
        segment.extend(line);
    }
    let cut_end = segment
        .len()
        .saturating_sub(all_lines[last].len().saturating_sub(end_offset));
    let segment: String = segment
        .get(start_offset.min(cut_end)..cut_end)
        .unwrap_or_default()
        .iter()
        .collect();
    let anchors = anchors::find(&segment);
    let show_carets = should_show_carets(start_offset, end_offset, &all_lines, anchors.as_ref());

    let mut significant = std::collections::BTreeSet::from([0, last]);
    let mut anchor_columns = (0, 0);
    let (mut primary, mut secondary) = ('^', '^');
    if let Some(anchors) = &anchors {
        let mut left = anchors.left_end_column;
        let mut right = anchors.right_start_column;
        if anchors.left_end_line == 0 {
            left += start_offset;
        }
        if anchors.right_start_line == 0 {
            right += start_offset;
        }
        let line_of = |index: usize| all_lines.get(index).map(Vec::as_slice).unwrap_or(&[]);
        anchor_columns = (
            display_width(line_of(anchors.left_end_line), left),
            display_width(line_of(anchors.right_start_line), right),
        );
        primary = anchors.primary;
        secondary = anchors.secondary;
        for line in [anchors.left_end_line, anchors.right_start_line] {
            significant.extend(line.saturating_sub(1)..=line + 1);
        }
    }
    significant.retain(|&line| line <= last);

    let mut result = String::new();
    let output_line = |index: usize, result: &mut String| {
        let line = &all_lines[index];
        result.extend(line.iter());
        result.push('\n');
        if !show_carets {
            return;
        }
        let indent = line.iter().take_while(|&&c| is_space(c)).count();
        let width = if index == last {
            display_end
        } else {
            display_width(line, line.len())
        };
        for column in 0..width {
            let inside = anchors.as_ref().is_some_and(|anchors| {
                (index > anchors.left_end_line
                    || (index == anchors.left_end_line && column >= anchor_columns.0))
                    && (index < anchors.right_start_line
                        || (index == anchors.right_start_line && column < anchor_columns.1))
            });
            result.push(
                if column < indent || (index == 0 && column < display_start) {
                    ' '
                } else if inside {
                    secondary
                } else {
                    primary
                },
            );
        }
        result.push('\n');
    };
    let mut previous: Option<usize> = None;
    for &index in &significant {
        if let Some(previous) = previous {
            let gap = index - previous;
            if gap == 2 {
                output_line(index - 1, &mut result);
            } else if gap > 2 {
                result.push_str(&format!("...<{} lines>...\n", gap - 1));
            }
        }
        output_line(index, &mut result);
        previous = Some(index);
    }
    let mut out = String::new();
    for line in split_lines_keep_ends(&dedent(&result)) {
        out.push_str("    ");
        out.push_str(line);
    }
    out
}

/// `_should_show_carets`: no carets when they would underline the whole of the shown
/// lines, or the whole call in `return f(...)` / `name = f(...)`.
fn should_show_carets(
    start_offset: usize,
    end_offset: usize,
    all_lines: &[Vec<char>],
    anchors: Option<&Anchors>,
) -> bool {
    let text: String = all_lines
        .iter()
        .map(|line| line.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    if let Ok(Mod::Module(module)) = pyrite_parser::parse_module(text.as_bytes(), "<unknown>") {
        let Some(statement) = module.body.first() else {
            return false;
        };
        let value = match statement {
            Stmt::Return(ret) => match ret.value.as_deref() {
                Some(call @ Expr::Call(inner)) if matches!(*inner.func, Expr::Name(_)) => {
                    Some(call)
                }
                _ => None,
            },
            Stmt::Assign(assign) => match (assign.targets.as_slice(), assign.value.as_ref()) {
                ([Expr::Name(_)], call @ Expr::Call(_)) => Some(call),
                _ => None,
            },
            _ => None,
        };
        if let Some(value) = value {
            let location = value.location();
            // CPython compares the byte columns of the tree with character offsets.
            let spans_all = location.lineno == 1
                && usize::try_from(location.end_lineno).ok() == Some(all_lines.len())
                && usize::try_from(location.col_offset).ok() == Some(start_offset)
                && usize::try_from(location.end_col_offset).ok() == Some(end_offset);
            if spans_all {
                return false;
            }
        }
    }
    if anchors.is_some() {
        return true;
    }
    let first = &all_lines[0];
    let before = &first[..start_offset.min(first.len())];
    let last = &all_lines[all_lines.len() - 1];
    let after = &last[end_offset.min(last.len())..];
    !before.iter().all(|&c| is_space(c)) || !after.iter().all(|&c| is_space(c))
}

/// `str.splitlines()` for text whose only line breaks are `\n`.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if text.is_empty() || text.ends_with('\n') {
        lines.pop();
    }
    lines
}

/// `str.splitlines(keepends=True)` for `\n`-separated text.
fn split_lines_keep_ends(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive('\n')
}

/// `textwrap.dedent`: removes the longest run of leading spaces and tabs that every
/// non-blank line starts with (a tab and a space don't match); blank lines become empty.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |line: &str| !line.is_empty() && line.chars().all(is_space);
    let non_blank: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| !line.is_empty() && !blank(line))
        .collect();
    // Like CPython, compare the lexicographically smallest and largest lines only.
    let smallest = non_blank.iter().min().copied().unwrap_or("");
    let largest = non_blank.iter().max().copied().unwrap_or("");
    let mut margin = 0;
    let largest_chars: Vec<char> = largest.chars().collect();
    for (index, c) in smallest.chars().enumerate() {
        margin = index;
        if largest_chars.get(index) != Some(&c) || !matches!(c, ' ' | '\t') {
            break;
        }
    }
    lines
        .iter()
        .map(|line| {
            if blank(line) {
                String::new()
            } else {
                line.chars().skip(margin).collect()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::{Span, dedent, format_source};

    fn render(source: &str, span: (i32, i32, i32, i32)) -> String {
        let lines: Vec<String> = source.lines().map(str::to_owned).collect();
        let span = Span {
            line: span.0,
            end_line: span.1,
            column: Some(span.2),
            end_column: Some(span.3),
        };
        format_source(&span, |n| {
            lines
                .get(usize::try_from(n - 1).unwrap_or(usize::MAX))
                .cloned()
                .unwrap_or_default()
        })
    }

    #[test]
    fn dedent_matches_textwrap() {
        assert_eq!(dedent("  a\n    b\n"), "a\n  b\n");
        assert_eq!(dedent("\ta\n  b\n"), "\ta\n  b\n");
        assert_eq!(dedent("  a\n   \n  b"), "a\n\nb");
    }

    #[test]
    fn binary_operation_on_one_line() {
        assert_eq!(
            render("x = a + b\n", (1, 1, 4, 9)),
            "    x = a + b\n        ~~^~~\n"
        );
    }

    #[test]
    fn whole_line_has_no_carets() {
        assert_eq!(render("    foo\n", (1, 1, 4, 7)), "    foo\n");
        assert_eq!(
            render("    foo()\n", (1, 1, 4, 9)),
            "    foo()\n    ~~~^^\n"
        );
        assert_eq!(render("    x = foo()\n", (1, 1, 8, 13)), "    x = foo()\n");
    }
}
