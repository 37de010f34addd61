//! Differential tests of the symbol table against CPython 3.14.
//!
//! The trees come from the oracle, so the pass is tested apart from Pyrite's parser:
//! `tools/symtable_ast_fixtures.py` stores CPython's AST of every `tests/cases/symtable`
//! case as JSON; here they are rebuilt as `pyrite_ast` nodes, run through the symtable
//! pass, and the dump is compared with the oracle's expectation (`NAME.out`). The same
//! cases run end to end (parser included) under `tools/difftest.py symtable`.

mod ast_json;

use std::path::PathBuf;

use super::dump::{dump, dump_error};
use super::*;
use crate::module_symtable;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dump_module(module: &Mod) -> String {
    match module_symtable(module) {
        Ok(table) => dump(&table),
        Err(err) => dump_error(&err),
    }
}

#[test]
fn matches_cpython_on_the_symtable_cases() {
    let root = repo_root();
    let fixtures =
        std::fs::read_to_string(root.join("crates/pyrite_compiler/tests/data/symtable_asts.json"))
            .expect("fixtures");
    let trees = ast_json::parse_json(&fixtures).expect("valid JSON");
    let ast_json::Json::Object(trees) = trees else {
        panic!("fixtures are an object");
    };
    let mut failures = Vec::new();
    for (name, tree) in &trees {
        let expected_path = root.join(format!("tests/cases/symtable/{name}.out"));
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            continue;
        };
        let module = ast_json::module(tree);
        let actual = dump_module(&module);
        if actual != expected {
            failures.push(format!(
                "--- {name}\nexpected:\n{expected}\nactual:\n{actual}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        trees.len(),
        failures.join("\n")
    );
    assert!(trees.len() >= 80);
}

/// `PYRITE_SYMTABLE_CORPUS=FILE cargo test -p pyrite_compiler -- --ignored corpus`, FILE
/// made by `tools/symtable_ast_fixtures.py --corpus LIB FILE` (e.g. the whole stdlib).
#[test]
#[ignore]
fn matches_cpython_on_a_corpus() {
    let path = std::env::var("PYRITE_SYMTABLE_CORPUS").expect("PYRITE_SYMTABLE_CORPUS");
    let text = std::fs::read_to_string(path).expect("corpus");
    let mut failures = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        let record = ast_json::parse_json(line).expect("valid JSON");
        let ast_json::Json::Object(fields) = &record else {
            panic!("records are objects");
        };
        let field = |key: &str| &fields.iter().find(|(k, _)| k == key).expect(key).1;
        let (ast_json::Json::Str(name), ast_json::Json::Str(expected)) =
            (field("name"), field("expected"))
        else {
            panic!("name and expected are strings");
        };
        total += 1;
        let module = ast_json::module(field("tree"));
        let actual = dump_module(&module);
        if &actual != expected {
            let first = actual
                .lines()
                .zip(expected.lines())
                .position(|(a, e)| a != e)
                .unwrap_or(0);
            failures.push(format!(
                "--- {name}: first difference at line {}\nexpected: {:?}\nactual:   {:?}",
                first + 1,
                expected.lines().nth(first),
                actual.lines().nth(first)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} files differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn name(id: &str, ctx: ExprContext, location: Location) -> Expr {
    Expr::Name(pyrite_ast::Name {
        id: id.to_string(),
        ctx,
        location,
    })
}

#[test]
fn ste_facts_of_a_class_with_super_and_annotations() {
    // class C:
    //     a: int
    //     def m(self):
    //         return super()
    let loc = |line| Location::new(line, 0, line, 10);
    let method = Stmt::FunctionDef(FunctionDef {
        name: "m".into(),
        args: Box::new(Arguments {
            args: vec![Arg {
                arg: "self".into(),
                annotation: None,
                type_comment: None,
                location: loc(3),
            }],
            ..Arguments::default()
        }),
        body: vec![Stmt::Return(pyrite_ast::Return {
            value: Some(Box::new(Expr::Call(pyrite_ast::Call {
                func: Box::new(name("super", ExprContext::Load, loc(4))),
                args: vec![],
                keywords: vec![],
                location: loc(4),
            }))),
            location: loc(4),
        })],
        decorator_list: vec![],
        returns: None,
        type_comment: None,
        type_params: vec![],
        location: loc(3),
    });
    let class = Stmt::ClassDef(pyrite_ast::ClassDef {
        name: "C".into(),
        bases: vec![],
        keywords: vec![],
        body: vec![
            Stmt::AnnAssign(pyrite_ast::AnnAssign {
                target: Box::new(name("a", ExprContext::Store, loc(2))),
                annotation: Box::new(name("int", ExprContext::Load, loc(2))),
                value: None,
                simple: 1,
                location: loc(2),
            }),
            method,
        ],
        decorator_list: vec![],
        type_params: vec![],
        location: loc(1),
    });
    let module = Mod::Module(pyrite_ast::Module {
        body: vec![class],
        type_ignores: vec![],
    });
    let table = module_symtable(&module).expect("valid");
    let Mod::Module(m) = &module else {
        unreachable!()
    };
    let Stmt::ClassDef(class) = &m.body[0] else {
        unreachable!()
    };
    let class_id = table.lookup(ScopeKey::node(class)).expect("class block");
    let class_entry = table.entry(class_id);
    assert!(class_entry.needs_class_closure);
    assert!(class_entry.needs_classdict);
    assert!(!class_entry.has_conditional_annotations);
    let Stmt::FunctionDef(def) = &class.body[1] else {
        unreachable!()
    };
    let method = table.entry(table.lookup(ScopeKey::node(def)).expect("method"));
    assert!(method.method);
    assert_eq!(method.scope("__class__"), Some(Scope::Free));
    let annotate = table.entry(class_entry.annotation_block.expect("annotation block"));
    assert!(annotate.can_see_class_scope);
    assert_eq!(annotate.scope("__classdict__"), Some(Scope::Free));
    assert_eq!(
        table.lookup(ScopeKey {
            role: ScopeRole::BodyAnnotations,
            address: class_entry.key.address
        }),
        class_entry.annotation_block
    );
}

#[test]
fn comprehension_facts() {
    let table = fixture_table("comprehensions_all_kinds");
    let entries: Vec<&SymbolTableEntry> = table.entries.iter().collect();
    let comps: Vec<_> = entries
        .iter()
        .filter(|e| e.comprehension != ComprehensionKind::None)
        .collect();
    assert_eq!(comps.len(), 4);
    for comp in comps {
        let is_generator = comp.comprehension == ComprehensionKind::Generator;
        assert_eq!(comp.generator, is_generator);
        assert_eq!(comp.comp_inlined, !is_generator);
        assert!(comp.nested);
    }
}

fn fixture_table(case: &str) -> SymbolTable {
    let trees = ast_json::parse_json(
        &std::fs::read_to_string(
            repo_root().join("crates/pyrite_compiler/tests/data/symtable_asts.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let ast_json::Json::Object(trees) = trees else {
        panic!()
    };
    let tree = &trees.iter().find(|(name, _)| name == case).unwrap().1;
    // The addresses in the keys die with the tree; these tests only read the entries.
    module_symtable(&ast_json::module(tree)).unwrap()
}

fn block<'t>(table: &'t SymbolTable, name: &str, block_type: BlockType) -> &'t SymbolTableEntry {
    table
        .entries
        .iter()
        .find(|e| e.name == name && e.block_type == block_type)
        .unwrap_or_else(|| panic!("no {block_type:?} block {name}"))
}

/// Facts CPython shows through the code it compiles from them (`co_flags`, a class's
/// `co_cellvars`), as the oracle printed them for these cases.
#[test]
fn ste_facts_match_the_code_cpython_compiles() {
    let gen_flags = |e: &SymbolTableEntry| (e.generator, e.coroutine);
    let table = fixture_table("generator_yield");
    assert_eq!(
        gen_flags(block(&table, "gen", BlockType::Function)),
        (true, false)
    );
    let table = fixture_table("async_generator");
    assert_eq!(
        gen_flags(block(&table, "agen", BlockType::Function)),
        (true, true)
    );
    let table = fixture_table("lambda_generator");
    assert_eq!(
        gen_flags(block(&table, "lambda", BlockType::Function)),
        (true, false)
    );
    let table = fixture_table("await_in_genexpr");
    assert_eq!(
        gen_flags(block(&table, "f", BlockType::Function)),
        (false, true)
    );
    let genexpr = block(&table, "genexpr", BlockType::Function);
    assert_eq!(gen_flags(genexpr), (true, true));
    assert!(genexpr.nested);
    let table = fixture_table("async_genexpr_in_sync");
    assert_eq!(
        gen_flags(block(&table, "f", BlockType::Function)),
        (false, false)
    );

    let class_facts = |e: &SymbolTableEntry| {
        (
            e.needs_class_closure,
            e.needs_classdict,
            e.has_conditional_annotations,
        )
    };
    let table = fixture_table("annotations_class");
    assert_eq!(
        class_facts(block(&table, "C", BlockType::Class)),
        (false, true, false)
    );
    let table = fixture_table("annotations_conditional_class");
    assert_eq!(
        class_facts(block(&table, "C", BlockType::Class)),
        (false, true, true)
    );
    let table = fixture_table("class_super");
    assert_eq!(
        class_facts(block(&table, "C", BlockType::Class)),
        (true, true, false)
    );
    assert!(block(&table, "m", BlockType::Function).method);
    assert!(!block(&table, "top", BlockType::Module).has_conditional_annotations);

    let table = fixture_table("annotations_module");
    assert!(block(&table, "top", BlockType::Module).has_conditional_annotations);
    let table = fixture_table("generic_method");
    let type_params = block(&table, "m", BlockType::TypeParameters);
    assert!(type_params.can_see_class_scope);
    assert!(block(&table, "m", BlockType::Function).nested);
    let table = fixture_table("comprehension_in_class_annotation");
    let annotate = block(&table, "__annotate__", BlockType::Annotation);
    assert!(annotate.can_see_class_scope);
    // not inlined: its own code object under the annotation scope
    assert!(!block(&table, "listcomp", BlockType::Function).comp_inlined);
}

#[test]
fn deep_nesting_is_a_recursion_error_not_a_crash() {
    let loc = Location::new(1, 0, 1, 1);
    let mut expr = name("x", ExprContext::Load, loc);
    for _ in 0..100_000 {
        expr = Expr::UnaryOp(pyrite_ast::UnaryOp {
            op: pyrite_ast::UnaryOperator::Not,
            operand: Box::new(expr),
            location: loc,
        });
    }
    let module = Mod::Expression(pyrite_ast::Expression {
        body: Box::new(expr),
    });
    // The tree itself is dropped recursively: keep it alive on a thread with room to
    // spare, as the symtable pass must not need that room.
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let result = module_symtable(&module).map(|_| ());
            (result, module)
        })
        .unwrap();
    let (result, module) = handle.join().unwrap();
    assert_eq!(result, Err(SymtableError::Recursion));
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || drop(module))
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn recursion_limit_fits_in_a_small_stack() {
    // Just under the limit, on an 8 MiB stack (the main thread's usual size).
    let loc = Location::new(1, 0, 1, 1);
    let mut expr = name("x", ExprContext::Load, loc);
    for _ in 0..2990 {
        expr = Expr::UnaryOp(pyrite_ast::UnaryOp {
            op: pyrite_ast::UnaryOperator::Not,
            operand: Box::new(expr),
            location: loc,
        });
    }
    let module = Mod::Expression(pyrite_ast::Expression {
        body: Box::new(expr),
    });
    let ok = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let ok = module_symtable(&module).is_ok();
            std::mem::forget(module);
            ok
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(ok);
}

use pyrite_ast::{Arg, Arguments, Expr, ExprContext, FunctionDef, Stmt};
