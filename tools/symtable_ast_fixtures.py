"""Writes the oracle's ASTs of the symtable cases as JSON, so that the symbol table is
tested against CPython apart from Pyrite's parser (rerun after adding cases):

    shared/oracle/cpython314 tools/symtable_ast_fixtures.py

writes crates/pyrite_compiler/tests/data/symtable_asts.json: {case name: tree}, a node
being {"t": class name, "loc": [lineno, col_offset, end_lineno, end_col_offset] (when the
node has positions), field: value...}, a list a JSON list, a constant's value {"c": type
name} (or {"c": "str", "s": text} for a str). Cases that fail to parse are left out.
The Rust test (crates/pyrite_compiler/src/symtable/tests.rs) rebuilds the trees, runs
the symtable pass and compares its dump with tests/cases/symtable/NAME.out;
`tools/difftest.py symtable` runs the same cases end to end, parser included."""

import ast
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(REPO, "tests", "cases", "symtable")
OUT = os.path.join(REPO, "crates", "pyrite_compiler", "tests", "data", "symtable_asts.json")


def encode(value):
    if isinstance(value, ast.AST):
        node = {"t": type(value).__name__}
        if "lineno" in value._attributes:
            node["loc"] = [value.lineno, value.col_offset, value.end_lineno, value.end_col_offset]
        for field in value._fields:
            item = getattr(value, field, None)
            if isinstance(value, (ast.Constant, ast.MatchSingleton)) and field == "value":
                node[field] = {"c": type(item).__name__, "s": item} if isinstance(item, str) else {"c": type(item).__name__}
            else:
                node[field] = encode(item)
        return node
    if isinstance(value, list):
        return [encode(item) for item in value]
    return value


def corpus(lib_dir, out_path):
    """`--corpus LIB OUT`: one JSON line per .py file under LIB, {"name", "tree",
    "expected"} with the oracle's symtable dump, for the ignored Rust test
    `matches_cpython_on_a_corpus` (PYRITE_SYMTABLE_CORPUS=OUT)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import symtable_dump
    count = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for root, dirs, files in os.walk(lib_dir):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    source = f.read()
                try:
                    tree = ast.parse(source)
                except (SyntaxError, ValueError):
                    continue
                record = {"name": os.path.relpath(path, lib_dir), "tree": encode(tree),
                          "expected": symtable_dump.dump(path) + "\n"}
                out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
                count += 1
    print(f"{count} files written to {out_path}")


def main():
    if sys.argv[1:2] == ["--corpus"]:
        return corpus(sys.argv[2], sys.argv[3])
    trees = {}
    for name in sorted(os.listdir(CASES)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(CASES, name), "rb") as f:
            source = f.read()
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        trees[name[:-3]] = encode(tree)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(trees, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(trees)} trees written to {OUT}")


if __name__ == "__main__":
    sys.exit(main())
