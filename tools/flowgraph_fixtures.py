"""Oracle fixtures for the flow-graph optimizer and the assembler (run it under
shared/oracle/cpython314, one start for every case):

    cpython314 tools/flowgraph_fixtures.py OUT.json [STDLIB_LIB_DIR]

Writes one JSON object:
- "stack_effects": [opcode, oparg, effect, effect_when_jumping] from `_opcode.stack_effect`
  for every unspecialized opcode (pseudo-instructions included) and a few opargs;
- "fold": constant folding of each binary and unary operator over a set of constants
  (what `optimize_cfg` folds `LOAD_CONST a; LOAD_CONST b; BINARY_OP op` into);
- "optimize_cfg": cases of `_testinternalcapi.optimize_cfg(seq, consts, nlocals)`: the input
  instructions (jump opargs are label ids, equal to the index of the instruction the label
  stands before), the consts, and the oracle's output instructions and consts. Inputs are
  hand-written sequences and the real pre-optimization sequences `compiler_codegen` gives
  for snippets and stdlib functions (their constants are unknown to it, so they are
  replaced by placeholder strings 'c0', 'c1', ...);
- "assemble": every code object `compile()` makes of the snippets and some stdlib modules,
  taken apart into the assembler's input (instructions with jump opargs as instruction
  indices, and each instruction's handler: [target index, start depth, lasti] or null) and
  the bytes the assembler must give back: `co_code`, `co_linetable`,
  `co_exceptiontable`. (`_testinternalcapi.assemble_code_object` is not used: the
  WebAssembly oracle corrupts its memory on some real sequences.)

Run with the machine's python3 instead, it drives the oracle itself (the usual way):

    python3 tools/flowgraph_fixtures.py [OUT.json]


An instruction is [opcode, oparg, lineno, end_lineno, col_offset, end_col_offset] (oparg 0
for instructions without one). A constant is tagged: ["None"], ["bool", b], ["int", "text"],
["float", "repr"], ["complex", "real repr", "imag repr"], ["str", s], ["bytes", "hex"],
["tuple", [...]], ["frozenset", [...]], ["Ellipsis"], ["slice", a, b, c].

The Rust side is crates/pyrite_compiler/tests/flowgraph_fixtures.rs.
"""
import json
import os
import sys


def drive():
    import subprocess
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        repo, "crates", "pyrite_compiler", "tests", "fixtures", "flowgraph.json")
    sys.path.insert(0, here)
    import common
    oracle = os.path.join(str(common.oracle_dir()), "cpython314")
    lib = os.path.join(str(common.stdlib_lib_dir()), "Lib")
    run = subprocess.run([oracle, os.path.abspath(__file__), out, lib])
    sys.exit(run.returncode)


if sys.version_info < (3, 14):
    drive()
    sys.exit(0)

import _opcode  # noqa: E402
import _testinternalcapi as capi  # noqa: E402
import ast  # noqa: E402
import opcode  # noqa: E402

OPMAP = dict(opcode.opmap)
NAME = {v: k for k, v in OPMAP.items()}
HASARG = set(opcode.hasarg) if hasattr(opcode, "hasarg") else {op for op in range(512) if _opcode.has_arg(op)}
JUMPS = {OPMAP[n] for n in ("JUMP", "JUMP_NO_INTERRUPT", "JUMP_IF_FALSE", "JUMP_IF_TRUE",
                            "SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH")} | set(opcode.hasjrel)


def enc(c):
    if c is None:
        return ["None"]
    if c is Ellipsis:
        return ["Ellipsis"]
    if isinstance(c, bool):
        return ["bool", c]
    if isinstance(c, int):
        return ["int", str(c)]
    if isinstance(c, float):
        return ["float", repr(c)]
    if isinstance(c, complex):
        return ["complex", repr(c.real), repr(c.imag)]
    if isinstance(c, str):
        c.encode("utf-8")  # lone surrogates are not representable: the case is skipped
        return ["str", c]
    if isinstance(c, bytes):
        return ["bytes", c.hex()]
    if isinstance(c, tuple):
        return ["tuple", [enc(x) for x in c]]
    if isinstance(c, frozenset):
        return ["frozenset", sorted((enc(x) for x in c), key=json.dumps)]
    if isinstance(c, slice):
        return ["slice", enc(c.start), enc(c.stop), enc(c.step)]
    raise TypeError(type(c))


def stack_effects():
    out = []
    for name, op in sorted(OPMAP.items(), key=lambda kv: kv[1]):
        if op in opcode._specialized_opmap.values() if hasattr(opcode, "_specialized_opmap") else False:
            continue
        if name.startswith("INSTRUMENTED_") or name in ("ENTER_EXECUTOR", "CACHE", "RESERVED"):
            continue
        opargs = [0, 1, 2, 3, 4, 5, 16, 17, 256, 257, 258, 259] if op in HASARG else [None]
        for oparg in opargs:
            try:
                a = _opcode.stack_effect(op, oparg, jump=False)
                b = _opcode.stack_effect(op, oparg, jump=True)
            except ValueError:
                continue
            out.append([op, oparg or 0, a, b])
    return out


def seq_from(insts):
    """A sequence from [op, oparg, loc...] rows whose jump opargs are target indices."""
    seq = capi.new_instruction_sequence()
    targets = {i[1] for i in insts if i[0] in JUMPS}
    for index, (op, arg, *loc) in enumerate(insts):
        if index in targets:
            seq.use_label(index)
        seq.addop(op, arg, *loc)
    return seq


def rows(seq):
    return [[op, arg or 0, *loc] for (op, arg, *loc) in seq.get_instructions()]


def optimize_case(name, insts, consts, nlocals, cases):
    try:
        enc_in = [enc(c) for c in consts]
    except (TypeError, UnicodeEncodeError):
        return None
    work = list(consts)
    out = capi.optimize_cfg(seq_from(insts), work, nlocals)
    out_rows = rows(out)
    try:
        enc_out = [enc(c) for c in work]
    except (TypeError, UnicodeEncodeError):
        return None
    cases.append({"name": name, "insts": insts, "consts": enc_in, "nlocals": nlocals,
                  "out": out_rows, "out_consts": enc_out})
    return out_rows, work


LOCAL_OPS = {OPMAP[n] for n in ("LOAD_FAST", "STORE_FAST", "DELETE_FAST", "LOAD_FAST_CHECK",
                                "LOAD_FAST_AND_CLEAR", "LOAD_FAST_BORROW", "STORE_FAST_MAYBE_NULL")}
PAIR_OPS = {OPMAP[n] for n in ("LOAD_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST",
                               "STORE_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW")}


def nlocals_of(insts):
    n = 0
    for op, arg, *_ in insts:
        if op in LOCAL_OPS:
            n = max(n, arg + 1)
        elif op in PAIR_OPS:
            n = max(n, (arg >> 4) + 1, (arg & 15) + 1)
    return n


def all_codes(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from all_codes(c)


def assemble_cases(label, source, cases):
    """The assembler's input and output for every code object of `source`."""
    import dis
    for code in all_codes(compile(source, label, "exec", dont_inherit=True)):
        everything = list(dis.get_instructions(code))
        instrs = [ins for ins in everything if ins.opname != "EXTENDED_ARG"]
        index_at = {ins.offset: i for i, ins in enumerate(instrs)}
        for i, ins in enumerate(instrs):
            index_at[ins.start_offset] = i
        pending = []
        for ins in everything:
            if ins.opname == "EXTENDED_ARG":
                pending.append(ins.offset)
            else:
                for offset in pending:
                    index_at[offset] = index_at[ins.offset]
                pending = []
        table = dis._parse_exception_table(code)
        rows_ = []
        for ins in instrs:
            arg = ins.arg or 0
            if ins.opname == "END_ASYNC_FOR":
                # dis shows where the oparg points; the compiler's target (the SEND) is
                # END_SEND_OFFSET code units further back.
                arg = index_at[ins.offset + 2 - 2 * ins.arg - 10]
            elif ins.jump_target is not None:
                arg = index_at[ins.jump_target]
            p = ins.positions
            loc = [-1 if v is None else v for v in (p.lineno, p.end_lineno, p.col_offset, p.end_col_offset)]
            handler = None
            for e in table:
                if e.start <= ins.offset < e.end:
                    handler = [index_at[e.target], e.depth + 1 + int(e.lasti), bool(e.lasti)]
                    break
            rows_.append([ins.opcode, arg, *loc, handler])
        cases.append({
            "name": f"{label}:{code.co_qualname}", "firstlineno": code.co_firstlineno,
            "insts": rows_, "code": code.co_code.hex(), "linetable": code.co_linetable.hex(),
            "exctable": code.co_exceptiontable.hex(),
        })


def has_annotations(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) or (isinstance(node, ast.arg) and node.annotation):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            return True
    return False


def codegen_units(source, filename):
    """(qualified label, rows, argcount) of every code unit compiler_codegen makes.
    Sources with annotations are left out: the WebAssembly oracle's compiler_codegen
    corrupts its memory on them (the process dies a few calls later)."""
    tree = ast.parse(source, filename)
    if has_annotations(tree):
        return []
    top, meta = capi.compiler_codegen(tree, filename, 0, 0)
    units = []

    def walk(seq, label, argcount):
        units.append((label, rows(seq), argcount))
        for i, nested in enumerate(seq.get_nested()):
            walk(nested, f"{label}.{i}", 0)

    walk(top, "<module>", meta.get("argcount", 0))
    return units


def placeholder_consts(insts):
    n = 0
    for op, arg, *_ in insts:
        if op == OPMAP["LOAD_CONST"]:
            n = max(n, arg + 1)
    return [f"c{i}" for i in range(n)]


SNIPPETS = [
    "x = 1\nif x:\n    y = 2\nelse:\n    y = 3\n",
    "def f(a, b):\n    return a + b\n",
    "def f(a):\n    while a:\n        a -= 1\n        if a == 5:\n            break\n    else:\n        return 3\n    return a\n",
    "def f(xs):\n    for x in xs:\n        if x:\n            continue\n        print(x)\n",
    "def f():\n    try:\n        g()\n    except ValueError as e:\n        print(e)\n    finally:\n        h()\n",
    "def f(p):\n    with open(p) as fp:\n        return fp.read()\n",
    "async def f(xs):\n    async with xs as y:\n        async for z in y:\n            await z\n",
    "def g(n):\n    for i in range(n):\n        yield i\n    yield from range(3)\n",
    "def f(xs):\n    return [x * 2 for x in xs if x], {k: v for k, v in xs}, {x for x in xs}\n",
    "def outer():\n    a = 1\n    def inner():\n        nonlocal a\n        a += 1\n        return a\n    return inner\n",
    "class C:\n    x = 1\n    def m(self):\n        return super().m()\n",
    "def f(v):\n    match v:\n        case [1, 2, *rest]:\n            return rest\n        case {'a': x}:\n            return x\n        case C(y=3) | None:\n            return 0\n        case _:\n            return -1\n",
    "def f(a, b):\n    return f'{a!r:>{b}} and {b}'\n",
    "def f(a, b, c):\n    return a and b or c, a < b < c, not a\n",
    "def f(x):\n    assert x, 'msg'\n    del x\n",
    "def f(*a, **k):\n    x, *y = a\n    return g(*a, **k)\n",
    "def f():\n    try:\n        return 1\n    finally:\n        print('done')\n",
    "def f(x):\n    if x is None:\n        return 1\n    if x is not None and x in (1, 2, 3):\n        return 2\n    return [1, 2, 3, 4]\n",
    "def f(x):\n    try:\n        pass\n    except* ValueError:\n        pass\n",
    "def f(a):\n    a[1:2] = a[::2]\n    return a[1:]\n",
    "lambda x: x if x else -x\n",
    "def f():\n    x = 1\n    y = 2\n    x, y = y, x\n    return x, y\n",
    "def f():\n    global G\n    G = 1\n    return (1, 2) + (3,), -5, 2 ** 10, 'a' * 3, ~7, not 1\n",
    "def f(x):\n    for i in x:\n        for j in i:\n            if j: break\n        else:\n            continue\n    return i\n",
    "def f(self):\n    self.a.b.c(1, x=2)\n    return self\n",
    "def f(a):\n    while True:\n        try:\n            a()\n        except Exception:\n            continue\n        break\n",
    "def f(x):\n    def g():\n        return x\n    x = 2\n    return g\n",
    "def f():\n    l = [x for x in range(3)]\n    return x\n",
    "async def f():\n    return [await z async for z in g()]\n",
    "def f(t: int) -> str:\n    return t\n",
    "x: int = 3\ny = 4\n",
    "import os, sys as s\nfrom a.b import c as d, e\n",
    "def f(a):\n    return a if a else None\n",
    "def f(x):\n    y = x\n    del y\n    return y\n",
    "def f(x):\n    if x:\n        y = 1\n    return y\n",
    "type T[A] = list[A]\ndef g[B](b: B) -> B: return b\n",
    "def f(x):\n    return t'{x}'\n",
]

HAND = [
    # (name, rows with jump opargs as target indices, consts, nlocals)
    ("fold_binop", [[82, 0, 1, 1, 0, 1], [82, 1, 1, 1, 4, 5], [44, 0, 1, 1, 0, 5], [35, 0, 1, 1, 0, 5]], [1, 2], 0),
]


FOLD_VALUES = [0, 1, 2, -3, 7, 2**62, 2**200, 3.5, -0.0, 1e308, 2j, True, False, "ab", b"xy",
               (1, 2), "", (), None, slice(1, None, None), slice(None, None, -1)]


def folded(insts, consts):
    """What optimize_cfg made of `LOAD_CONST...; OP; RETURN_VALUE`: the constant the
    operation was folded into, or None."""
    work = list(consts)
    out = rows(capi.optimize_cfg(seq_from(insts), work, 0))
    real = [r for r in out if r[0] != OPMAP["NOP"]]
    if len(real) != 2:
        return None
    op, arg = real[0][:2]
    if op == OPMAP["LOAD_SMALL_INT"]:
        return ["int", str(arg)]
    if op == OPMAP["LOAD_CONST"]:
        return enc(work[arg])
    return None


def fold_cases():
    """[a, BINARY_OP oparg, b, result] and [unary opcode name, a, result]; the result is
    null when CPython leaves the operation unfolded."""
    L = OPMAP
    loc = [1, 1, 0, 1]
    binops = []
    for op in list(range(13)) + [26]:
        for a in FOLD_VALUES:
            for b in FOLD_VALUES:
                if op != 26 and isinstance(a, slice):
                    continue
                insts = [[L["LOAD_CONST"], 0, *loc], [L["LOAD_CONST"], 1, *loc],
                         [L["BINARY_OP"], op, *loc], [L["RETURN_VALUE"], 0, *loc]]
                binops.append([enc(a), op, enc(b), folded(insts, [a, b])])
    unary = []
    for name in ("UNARY_NEGATIVE", "UNARY_INVERT", "UNARY_NOT", "CALL_INTRINSIC_1"):
        for a in FOLD_VALUES:
            arg = 5 if name == "CALL_INTRINSIC_1" else 0
            insts = [[L["LOAD_CONST"], 0, *loc], [L[name], arg, *loc], [L["RETURN_VALUE"], 0, *loc]]
            unary.append([name, enc(a), folded(insts, [a])])
    return {"binop": binops, "unary": unary}


def hand_cases():
    L = OPMAP
    loc = [1, 1, 0, 1]
    cases = []
    # Sequences of constants: tuples, lists, sets, in/for contexts.
    for build in ("BUILD_TUPLE", "BUILD_LIST", "BUILD_SET"):
        for n in (0, 1, 2, 3, 4):
            for nxt in ("RETURN_VALUE", "GET_ITER", "CONTAINS_OP"):
                consts = [1, 2.0, "x", True][:n] + [None]
                insts = [[L["LOAD_CONST"], i, *loc] for i in range(n)]
                insts.append([L[build], n, *loc])
                if nxt == "GET_ITER":
                    insts += [[L["GET_ITER"], 0, *loc], [L["POP_TOP"], 0, *loc],
                              [L["LOAD_CONST"], n, *loc], [L["RETURN_VALUE"], 0, *loc]]
                elif nxt == "CONTAINS_OP":
                    insts = [[L["LOAD_FAST"], 0, *loc]] + insts + [[L["CONTAINS_OP"], 0, *loc], [L["RETURN_VALUE"], 0, *loc]]
                else:
                    insts.append([L["RETURN_VALUE"], 0, *loc])
                cases.append((f"{build.lower()}_{n}_{nxt.lower()}", insts, consts, 1))
    # Constant conditions.
    for value in (0, 1, None, "", "a"):
        for jump in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
            insts = [[L["LOAD_CONST"], 0, 1, 1, 0, 1], [L[jump], 4, 1, 1, 0, 1],
                     [L["LOAD_CONST"], 1, 2, 2, 0, 1], [L["RETURN_VALUE"], 0, 2, 2, 0, 1],
                     [L["LOAD_CONST"], 2, 3, 3, 0, 1], [L["RETURN_VALUE"], 0, 3, 3, 0, 1]]
            cases.append((f"cond_{jump.lower()}", insts, [value, "t", "f"], 0))
        for jump in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            insts = [[L["LOAD_CONST"], 0, 1, 1, 0, 1], [L[jump], 5, 1, 1, 0, 1],
                     [L["POP_TOP"], 0, 2, 2, 0, 1],
                     [L["LOAD_CONST"], 1, 2, 2, 0, 1], [L["RETURN_VALUE"], 0, 2, 2, 0, 1],
                     [L["POP_TOP"], 0, 3, 3, 0, 1],
                     [L["LOAD_CONST"], 2, 3, 3, 0, 1], [L["RETURN_VALUE"], 0, 3, 3, 0, 1]]
            cases.append((f"cond_{jump.lower()}", insts, [value, "t", "f"], 0))
    # is None tests.
    for inv in (0, 1):
        for jump in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
            for to_bool in (False, True):
                insts = [[L["LOAD_FAST"], 0, *loc], [L["LOAD_CONST"], 0, *loc], [L["IS_OP"], inv, *loc]]
                if to_bool:
                    insts.append([L["TO_BOOL"], 0, *loc])
                target = len(insts) + 3
                insts += [[L[jump], target, *loc], [L["LOAD_CONST"], 1, 2, 2, 0, 1], [L["RETURN_VALUE"], 0, 2, 2, 0, 1],
                          [L["LOAD_CONST"], 0, 3, 3, 0, 1], [L["RETURN_VALUE"], 0, 3, 3, 0, 1]]
                cases.append((f"is_none_{inv}_{jump.lower()}_{to_bool}", insts, [None, 1], 1))
    # SWAP runs.
    for swaps in ([2], [2, 2], [3, 2], [2, 3, 2], [4, 3, 2]):
        n = max(swaps)
        insts = [[L["LOAD_FAST"], i, *loc] for i in range(n)]
        insts += [[L["SWAP"], s, *loc] for s in swaps]
        insts += [[L["STORE_FAST"], i, *loc] for i in range(n)]
        insts += [[L["LOAD_CONST"], 0, *loc], [L["RETURN_VALUE"], 0, *loc]]
        cases.append((f"swaps_{'_'.join(map(str, swaps))}", insts, [None], n))
    # Many locals (LOAD_FAST_CHECK beyond 64).
    insts = []
    for i in (3, 70, 70, 80):
        insts.append([L["LOAD_FAST"], i, *loc])
        insts.append([L["POP_TOP"], 0, *loc])
    insts += [[L["LOAD_CONST"], 0, *loc], [L["STORE_FAST"], 80, *loc], [L["LOAD_FAST"], 80, *loc],
              [L["RETURN_VALUE"], 0, *loc]]
    cases.append(("many_locals", insts, [None], 90))
    return cases


def main():

    out_path = sys.argv[1]
    lib = sys.argv[2] if len(sys.argv) > 2 else None
    data = {"stack_effects": stack_effects(), "fold": fold_cases(), "optimize_cfg": [],
            "assemble": []}
    opt_cases = data["optimize_cfg"]
    for name, insts, consts, nlocals in HAND + hand_cases():
        optimize_case(name, insts, consts, nlocals, opt_cases)
    sources = [(f"snippet{i}", s) for i, s in enumerate(SNIPPETS)]
    if lib:
        for rel in ("bisect.py", "heapq.py", "colorsys.py", "textwrap.py", "shlex.py",
                    "fnmatch.py", "copy.py", "glob.py", "reprlib.py"):
            path = os.path.join(lib, rel)
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    sources.append((rel, f.read()))
    for label, source in sources:
        for unit, insts, argcount in codegen_units(source, label):
            optimize_case(f"{label}:{unit}", insts, placeholder_consts(insts), nlocals_of(insts),
                          opt_cases)
        assemble_cases(label, source, data["assemble"])
    with open(out_path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(len(data["stack_effects"]), "stack effects,", len(data["fold"]["binop"]), "folds,",
          len(opt_cases), "optimize_cfg cases,",
          len(data["assemble"]), "assemble cases")


main()
