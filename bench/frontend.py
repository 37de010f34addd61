#!/usr/bin/env python3
"""Front-end throughput: Pyrite's parser or compiler against CPython's, same files, same run.

    bench/frontend.py parse [--rounds N]     # pyrite_parser vs ast.parse
    bench/frontend.py compile [--rounds N]   # source to code objects vs compile()

The corpus is CPython 3.14.2's standard library (the 559 files of the pinned zip), cut
down to the files the machine's python3 can parse (it may be older than 3.14); both
sides get the same list. Each side reads every file into memory first, then in each
round turns every source text into ASTs (`parse`) or code objects (`compile`): Pyrite
decodes, tokenizes, parses, builds symbol tables, generates code, optimizes and
assembles (`crates/pyrite_compiler/examples/compile_files.rs`); CPython runs
`compile(source, path, "exec", dont_inherit=True)`, which does the same from its parse
on. A round is one process per side; the two alternate, round by round, so machine drift
hits both. Each round is timed twice: CPU time of the working thread (the headline:
other load on the machine barely moves it) and wall time. The report gives the median
and best round of each side in MB/s and the ratios Pyrite/CPython of the medians (higher
is better for Pyrite)."""

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from common import REPO, stdlib_lib_dir  # noqa: E402

# Run as `python -c PY_PARSE STAGE ROUNDS FILE...`: sys.argv[0] is "-c".
PY_PARSE = r"""
import ast, sys, time
stage, rounds, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
srcs = []
for p in paths:
    with open(p, "rb") as f:
        srcs.append((p, f.read()))
total = sum(len(s) for _, s in srcs)
for _ in range(rounds):
    wall, cpu = time.perf_counter(), time.thread_time()
    bad = 0
    for p, s in srcs:
        try:
            if stage == "parse":
                ast.parse(s, filename=p)
            else:
                compile(s, p, "exec", dont_inherit=True)
        except SyntaxError:
            bad += 1
    print(total, "%.6f" % (time.perf_counter() - wall), "%.6f" % (time.thread_time() - cpu), bad)
"""

PY_FILTER = r"""
import ast, sys
for p in sys.argv[1:]:
    try:
        with open(p, "rb") as f:
            ast.parse(f.read(), filename=p)
        print(p)
    except (SyntaxError, ValueError):
        pass
"""


def real_python():
    return subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                          capture_output=True, text=True, check=True).stdout.strip()


def rounds_of(cmd, cwd):
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True).stdout
    return [tuple(float(x) for x in line.split()) for line in out.splitlines()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", choices=["parse", "compile"])
    ap.add_argument("--rounds", type=int, default=5)
    opts = ap.parse_args()
    root = stdlib_lib_dir()
    files = sorted(p.relative_to(root).as_posix() for p in (root / "Lib").rglob("*.py"))
    python = real_python()
    ok = subprocess.run([python, "-c", PY_FILTER, *files], cwd=root, capture_output=True, text=True,
                        check=True).stdout.split()
    crate, example = ("pyrite_parser", "parse_files") if opts.stage == "parse" else ("pyrite_compiler", "compile_files")
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", crate, "--example", example], cwd=REPO, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    pyrite = [str(target / "release" / "examples" / example)]
    runs = {"pyrite": [], "cpython": []}
    for _ in range(opts.rounds):
        runs["pyrite"] += rounds_of(pyrite + ["1", *ok], root)
        runs["cpython"] += rounds_of([python, "-c", PY_PARSE, opts.stage, "1", *ok], root)
    total = runs["pyrite"][0][0]
    print(f"{opts.stage}: corpus {len(ok)} of {len(files)} stdlib files (those {Path(python).name} can parse), "
          f"{total / 1e6:.1f} MB, {opts.rounds} rounds each, python3 = {python}")
    speed = {}
    for name, rs in runs.items():
        line = f"{name:8}"
        for clock, column in (("cpu", 2), ("wall", 1)):
            mbs = [total / 1e6 / r[column] for r in rs]
            speed[name, clock] = statistics.median(mbs)
            line += f"  {clock} median {speed[name, clock]:6.2f} MB/s best {max(mbs):6.2f}"
        print(f"{line}  failures {int(rs[0][3])}")
    for clock in ("cpu", "wall"):
        print(f"ratio pyrite/cpython ({clock} time, median throughput): "
              f"{speed['pyrite', clock] / speed['cpython', clock]:.2f}x")

if __name__ == "__main__":
    main()
