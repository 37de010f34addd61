//! The canonical text dump of a code object tree, byte for byte what
//! `shared/oracle/codedump.py code FILE` prints (the parity tests compare the two).
//!
//! CPython counterpart: none in CPython itself; the script reads `co_*` attributes and
//! formats constants with its `canon` function (Python `repr`s, frozensets sorted).

use pyrite_ast::PyStr;
use pyrite_ast::repr::{bytes_repr, complex_repr, float_repr, int_repr, str_repr};

use crate::code::{CodeObject, Constant};

/// The dump of `code` and its nested code objects, lines joined by `\n` (no final newline,
/// as the script's `"\n".join`).
pub fn dump(code: &CodeObject) -> String {
    let mut lines = Vec::new();
    dump_code(code, &mut lines);
    lines.join("\n")
}

fn dump_code(code: &CodeObject, out: &mut Vec<String>) {
    let qualname = code.co_qualname.to_string_lossy();
    out.push(format!(
        "code {} {} line={} argc={} posonly={} kwonly={} nlocals={} stack={} flags={:#x}",
        qualname,
        code.co_name.to_string_lossy(),
        code.co_firstlineno,
        code.co_argcount,
        code.co_posonlyargcount,
        code.co_kwonlyargcount,
        code.nlocals(),
        code.co_stacksize,
        code.co_flags,
    ));
    out.push(format!("bytecode {}", hex(&code.co_code)));
    out.push(format!("names {}", names_repr(&code.co_names)));
    out.push(format!("varnames {}", names_repr(&code.varnames())));
    out.push(format!("cellvars {}", names_repr(&code.cellvars())));
    out.push(format!("freevars {}", names_repr(&code.freevars())));
    out.push(format!("linetable {}", hex(&code.co_linetable)));
    out.push(format!("exctable {}", hex(&code.co_exceptiontable)));
    for constant in &code.co_consts {
        match constant {
            Constant::Code(inner) => dump_code(inner, out),
            other => out.push(format!("const {}", canon(other))),
        }
    }
    out.push(format!("end {qualname}"));
}

fn all_codes(code: &CodeObject) -> Vec<&CodeObject> {
    fn walk<'a>(code: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
        out.push(code);
        for constant in &code.co_consts {
            if let Constant::Code(inner) = constant {
                walk(inner, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(code, &mut out);
    out
}

fn optional(value: Option<i32>) -> String {
    value.map_or_else(|| "None".to_string(), |value| value.to_string())
}

/// Per code object (in dump order): `co_lines()`, `co_positions()` and the exception table
/// as `dis._parse_exception_table` gives it (byte offsets), as Python reprs: the text
/// `tools/bytecode_oracle.py` writes to `N.locations.txt`.
pub fn dump_locations(code: &CodeObject) -> String {
    let mut lines = Vec::new();
    for code in all_codes(code) {
        lines.push(format!("code {}", code.co_qualname));
        let ranges: Vec<String> = code
            .lines()
            .iter()
            .map(|(start, end, line)| format!("({start}, {end}, {})", optional(*line)))
            .collect();
        lines.push(format!("lines [{}]", ranges.join(", ")));
        let positions: Vec<String> = code
            .positions()
            .iter()
            .map(|p| {
                format!(
                    "({}, {}, {}, {})",
                    optional(p.line),
                    optional(p.end_line),
                    optional(p.column),
                    optional(p.end_column)
                )
            })
            .collect();
        lines.push(format!("positions [{}]", positions.join(", ")));
        let entries: Vec<String> = code
            .exception_entries()
            .unwrap_or_default()
            .iter()
            .map(|e| {
                format!(
                    "({}, {}, {}, {}, {})",
                    e.start * 2,
                    e.end() * 2,
                    e.target * 2,
                    e.depth,
                    if e.lasti { "True" } else { "False" }
                )
            })
            .collect();
        lines.push(format!("exceptions [{}]", entries.join(", ")));
    }
    lines.join("\n") + "\n"
}

fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

/// `repr()` of a tuple of strings.
pub fn names_repr(names: &[PyStr]) -> String {
    let items: Vec<String> = names.iter().map(str_repr).collect();
    tuple_text(&items)
}

fn tuple_text(items: &[String]) -> String {
    match items {
        [only] => format!("({only},)"),
        _ => format!("({})", items.join(", ")),
    }
}

/// The script's `canon`: `TYPE REPR`, containers recursively, frozensets sorted.
pub fn canon(constant: &Constant) -> String {
    match constant {
        Constant::Float(value) => format!("float {}", float_repr(*value)),
        Constant::Complex { real, imag } => format!("complex {}", complex_repr(*real, *imag)),
        Constant::FrozenSet(items) => {
            let mut parts: Vec<String> = items.iter().map(canon).collect();
            parts.sort();
            format!("frozenset {{{}}}", parts.join(", "))
        }
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(canon).collect();
            format!("tuple ({})", parts.join(", "))
        }
        Constant::Slice(parts) => format!(
            "slice({}, {}, {})",
            canon(&parts[0]),
            canon(&parts[1]),
            canon(&parts[2])
        ),
        other => format!("{} {}", other.type_name(), repr(other)),
    }
}

/// Python's `repr()` of a constant.
pub fn repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(value) => int_repr(value),
        Constant::Float(value) => float_repr(*value),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(value) => str_repr(value),
        Constant::Bytes(value) => bytes_repr(value),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            tuple_text(&parts)
        }
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Slice(parts) => format!(
            "slice({}, {}, {})",
            repr(&parts[0]),
            repr(&parts[1]),
            repr(&parts[2])
        ),
        Constant::Code(code) => format!(
            "<code object {} at 0x?, file {}, line {}>",
            code.co_name.to_string_lossy(),
            str_repr(&code.co_filename).replace('\'', "\""),
            code.co_firstlineno
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Texts as the oracle's codedump.py prints them.
    #[test]
    fn canon_texts() {
        assert_eq!(canon(&Constant::None), "NoneType None");
        assert_eq!(canon(&Constant::Ellipsis), "ellipsis Ellipsis");
        assert_eq!(canon(&Constant::Bool(true)), "bool True");
        assert_eq!(canon(&Constant::int(7)), "int 7");
        assert_eq!(canon(&Constant::str("a")), "str 'a'");
        assert_eq!(canon(&Constant::Bytes(b"x".to_vec())), "bytes b'x'");
        assert_eq!(
            canon(&Constant::Tuple(vec![Constant::int(1), Constant::str("b")])),
            "tuple (int 1, str 'b')"
        );
        assert_eq!(
            canon(&Constant::FrozenSet(vec![
                Constant::str("b"),
                Constant::str("a")
            ])),
            "frozenset {str 'a', str 'b'}"
        );
        assert_eq!(
            canon(&Constant::Slice(Box::new([
                Constant::int(1),
                Constant::None,
                Constant::None
            ]))),
            "slice(int 1, NoneType None, NoneType None)"
        );
        assert_eq!(names_repr(&["x".into()]), "('x',)");
        assert_eq!(names_repr(&[]), "()");
    }
}
