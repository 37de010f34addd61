#!/usr/bin/env python3
"""Front-end throughput: Pyrite's parser or compiler against CPython's, same files, same run.

    bench/frontend.py parse [--rounds N]     # pyrite_parser vs ast.parse
    bench/frontend.py compile [--rounds N]   # parse + compile to code objects vs compile()

The corpus is CPython 3.14.2's standard library (the 559 files of the pinned zip), cut
down to the files the machine's python3 can parse (it may be older than 3.14). Each side
reads every file into memory, then parses (or compiles) all of them N times in one
process; the best and median rounds are reported in MB/s, with the ratio Pyrite/CPython
(higher is better for Pyrite). The two run alternately, round by round, so machine drift
hits both."""

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from common import REPO, stdlib_lib_dir  # noqa: E402

PY_PARSE = r"""
import ast, sys, time
paths = sys.argv[3:]
srcs = []
for p in paths:
    with open(p, "rb") as f:
        srcs.append((p, f.read()))
total = sum(len(s) for _, s in srcs)
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    bad = 0
    for p, s in srcs:
        try:
            ast.parse(s, filename=p) if sys.argv[0] == "parse" else compile(s, p, "exec", dont_inherit=True)
        except SyntaxError:
            bad += 1
    print(total, "%.6f" % (time.perf_counter() - t), bad)
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
          f"{total / 1e6:.1f} MB, {opts.rounds} rounds each")
    speed = {}
    for name, rs in runs.items():
        mbs = [total / 1e6 / secs for _, secs, _ in rs]
        speed[name] = statistics.median(mbs)
        print(f"{name:8} median {speed[name]:7.2f} MB/s  best {max(mbs):7.2f} MB/s  "
              f"failures {int(rs[0][2])}")
    print(f"ratio pyrite/cpython (median throughput): {speed['pyrite'] / speed['cpython']:.2f}x")


if __name__ == "__main__":
    main()
