"""The canonical text dump of CPython's code generator output (the instruction sequences
before the flow-graph optimizer), to compare with `pyrite -X dump=codegen FILE`. Run it
under the oracle:

    shared/oracle/cpython314 tools/codegen_dump.py FILE

It prints `_testinternalcapi.compiler_codegen(ast.parse(src), FILE, 0, 0)`: each
instruction sequence as a `seq DEPTH` line followed by one line per instruction
(`OPNAME ARG LINE END_LINE COL END_COL`, ARG `-` for opcodes without argument, jump
targets as instruction indices), then its nested sequences (`get_nested()`, in the
order the code units were finished), depth-first. The module's own `__annotate__`
(spliced in place of ANNOTATIONS_PLACEHOLDER later) is not visible there, so it is not
printed. A SyntaxError prints `SyntaxError MSG LINENO OFFSET END_LINENO END_OFFSET`.
`dump(path)` returns the text; tools/oracle_batch.mjs calls it in-process."""

import ast
import sys


def _names():
    import dis
    return dis._all_opname


def _dump_seq(seq, depth, names, out):
    out.append("seq %d" % depth)
    for opcode, oparg, line, end_line, col, end_col in seq.get_instructions():
        arg = "-" if oparg is None else str(oparg)
        out.append("%s %s %d %d %d %d" % (names[opcode], arg, line, end_line, col, end_col))
    for nested in seq.get_nested():
        _dump_seq(nested, depth + 1, names, out)


# _testinternalcapi's sequences of modules with annotations are freed incorrectly (the
# oracle crashes a few dumps later): keep every sequence alive for the whole run.
_KEEP = []


def dump(path):
    import _testinternalcapi
    with open(path, "rb") as f:
        src = f.read()
    try:
        tree = ast.parse(src, filename=path)
        insts, _ = _testinternalcapi.compiler_codegen(tree, path, 0, 0)
    except SyntaxError as e:
        return "SyntaxError %s %s %s %s %s" % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    _KEEP.append((tree, insts))
    out = []
    _dump_seq(insts, 0, _names(), out)
    return "\n".join(out)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(dump(p))
