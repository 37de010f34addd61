//! Unit tests of code generation entry points the differential cases (which compile
//! files) do not reach. Expected sequences come from
//! `_testinternalcapi.compiler_codegen(ast.parse(src, mode="eval"), "t.py", 0, 1)` under
//! the oracle.

use crate::compile::codegen_sequences;

fn instructions(source: &str) -> Vec<(u16, Option<i32>, i32, i32, i32, i32)> {
    let module = pyrite_parser::parse_expression(source.as_bytes(), "t.py").expect("parses");
    let (mut seq, _) = codegen_sequences(&module, 0).expect("compiles");
    seq.instructions()
}

#[test]
fn expression_mode_returns_its_value() {
    assert_eq!(
        instructions("a + 1"),
        vec![
            (128, Some(0), 0, 1, 0, 0),
            (256, None, 0, 1, 0, 0),
            (93, Some(0), 1, 1, 0, 1),
            (82, Some(0), 1, 1, 4, 5),
            (44, Some(0), 1, 1, 0, 5),
            (35, None, -1, -1, -1, -1),
        ]
    );
}

#[test]
fn expression_mode_inlines_comprehensions() {
    let got = instructions("[x for x in y]");
    assert_eq!(got.len(), 26);
    assert_eq!(got[3], (16, None, 1, 1, 12, 13));
    assert_eq!(got[6], (264, Some(18), 1, 1, 0, 14));
    assert_eq!(got[25], (35, None, -1, -1, -1, -1));
}

fn interactive_instructions(source: &str) -> Vec<(u16, Option<i32>, i32, i32, i32, i32)> {
    let module = pyrite_parser::parse_interactive(source.as_bytes(), "t.py").expect("parses");
    let (mut seq, _) = codegen_sequences(&module, 0).expect("compiles");
    seq.instructions()
}

/// `compiler_codegen(ast.parse(src, mode="single"), "t.py", 0, 2)` under the oracle: even a
/// string constant is printed at the top level.
#[test]
fn interactive_mode_prints_expression_statements() {
    assert_eq!(
        interactive_instructions("'doc'\n"),
        vec![
            (128, Some(0), 0, 1, 0, 0),
            (256, None, 0, 1, 0, 0),
            (82, Some(0), 1, 1, 0, 5),
            (53, Some(1), 1, 1, 0, 5),
            (31, None, -1, -1, -1, -1),
            (82, Some(1), -1, -1, -1, -1),
            (35, None, -1, -1, -1, -1),
        ]
    );
}
