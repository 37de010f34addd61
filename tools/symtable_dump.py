"""The canonical text dump of CPython's symbol tables for one file, to compare with
`pyrite -X dump=symtable FILE`. Run it under the oracle:

    shared/oracle/cpython314 tools/symtable_dump.py FILE

Each table is printed in children order, depth-first: its block type, name, first line
and whether it is nested, its parameter names (`varnames`, in order), then its symbols
sorted by name, each with its raw flags (the DEF_* bits and the scope shifted by
SCOPE_OFFSET) in hex. A SyntaxError (from the parser or the symtable pass) prints its
class, message and position instead. `dump(path)` returns the text; tools/oracle_batch.mjs
calls it in-process."""

import sys

BLOCK_TYPES = {
    0: "function",
    1: "class",
    2: "module",
    3: "annotation",
    4: "type alias",
    5: "type parameters",
    6: "type variable",
}


def _dump_table(table, depth, lines):
    pad = "  " * depth
    nested = " nested" if table.nested else ""
    lines.append(f"{pad}{BLOCK_TYPES.get(table.type, table.type)} {table.name} line {table.lineno}{nested}")
    if table.varnames:
        lines.append(f"{pad}  params: {', '.join(table.varnames)}")
    for name in sorted(table.symbols):
        lines.append(f"{pad}  {name} {hex(table.symbols[name])}")
    for child in table.children:
        _dump_table(child, depth + 1, lines)


def dump(path):
    import symtable
    with open(path, "rb") as f:
        source = f.read()
    try:
        top = symtable.symtable(source, path, "exec")
    except SyntaxError as e:
        return "\n".join([
            type(e).__name__,
            f"msg: {e.msg}",
            f"lineno: {e.lineno}",
            f"offset: {e.offset}",
            f"end_lineno: {e.end_lineno}",
            f"end_offset: {e.end_offset}",
        ])
    lines = []
    _dump_table(top._table, 0, lines)
    return "\n".join(lines)


if __name__ == "__main__":
    print(dump(sys.argv[1]))
