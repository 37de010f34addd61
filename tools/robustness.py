#!/usr/bin/env python3
"""Runs the robustness programs of tests/robustness: deep recursion through Python calls,
`__repr__`, `__getattr__`, comparisons and nested containers must raise RecursionError,
and huge allocation requests MemoryError, never crash the process.

    tools/robustness.py [NAME ...]

These behaviours cannot come from the oracle (its WebAssembly stack overflows first, and
it is 32-bit, where the huge sizes overflow instead): each program's stdout and exit
status are compared with the machine's 64-bit `python3`, whose behaviour here did not
change since 3.11. The same holds for the word-size facts the brief says follow 64-bit
CPython (`word_size_*`: sys.hash_info, numeric hashes). Every program ends by printing `ok`."""
import subprocess
import sys
from pathlib import Path

from common import REPO, pyrite_binary

DIR = REPO / "tests" / "robustness"
TIMEOUT = 60


def run(command, path):
    try:
        proc = subprocess.run([*command, path.name], cwd=path.parent, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return b"", b"timed out", -1
    return proc.stdout, proc.stderr, proc.returncode


def main():
    names = set(sys.argv[1:])
    programs = [p for p in sorted(DIR.glob("*.py")) if not names or p.stem in names]
    failed = 0
    for path in programs:
        expected = run([sys.executable], path)
        actual = run([str(pyrite_binary())], path)
        if (actual[0], actual[2]) != (expected[0], expected[2]) or not actual[0].endswith(b"ok\n"):
            failed += 1
            print(f"--- FAIL robustness/{path.stem}: exit status {actual[2]} (python3: {expected[2]})")
            print("pyrite stdout:", actual[0].decode(errors="replace")[-500:])
            print("pyrite stderr:", actual[1].decode(errors="replace")[-500:])
    print(f"robustness: {len(programs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
