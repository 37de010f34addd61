//! Docstrings as the compiler stores them: indentation removed.
//!
//! CPython counterpart: `_PyCompile_CleanDoc` (`Python/compile.c`), a simpler
//! `inspect.cleandoc`: tabs are expanded, the first line loses its leading spaces, the
//! other lines lose their common indentation; blank lines at either end stay.

use pyrite_ast::PyStr;

pub(crate) fn clean_doc(doc: &PyStr) -> PyStr {
    let Some(text) = doc.as_str() else {
        return doc.clone();
    };
    let expanded = expand_tabs(text);
    let lines: Vec<&str> = expanded.split('\n').collect();
    let margin = lines[1..]
        .iter()
        .filter(|line| line.chars().any(|c| c != ' '))
        .map(|line| line.chars().take_while(|c| *c == ' ').count())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(expanded.len());
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push('\n');
            let skip = line.chars().take(margin).take_while(|c| *c == ' ').count();
            out.push_str(&line[skip..]);
        }
    }
    PyStr::from(out.as_str())
}

fn expand_tabs(text: &str) -> String {
    if !text.contains('\t') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}
