#!/usr/bin/env python3
"""Regenerates the expected outputs of tests/cases/<area>/NAME.py from the oracle.

    tools/regen.py                 # every case
    tools/regen.py AREA [AREA/NAME ...]   # some of them
    tools/regen.py --missing       # only cases without expectations yet

Writes NAME.out (stdout), NAME.err (stderr), NAME.rc (exit status) next to each case
(and, for the `pyc` area, NAME.pyc: the oracle's compilation of NAME.py),
with the checkout's path replaced by $REPO. All cases run in one oracle start.
A case's NAME.in is its standard input, NAME.args its command line (see
common.Case.command_line)."""

import argparse
import sys

from common import find_cases, normalize, run_oracle_batch


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("selectors", nargs="*")
    ap.add_argument("--missing", action="store_true")
    opts = ap.parse_args()
    cases = find_cases(opts.selectors)
    if opts.missing:
        cases = [c for c in cases if c.expected() is None]
    if not cases:
        print("no cases")
        return
    jobs = [c.oracle_job() for c in cases]
    # pyc cases: the oracle first compiles NAME.py to NAME.pyc (in the same start), then
    # runs that .pyc like the others
    make_pyc = [{"cwd": str(c.path.parent), "mode": "make-pyc", "file": c.path.name, "args": []}
                for c in cases if c.mode == "pyc"]
    results = run_oracle_batch(make_pyc + jobs)[len(make_pyc):]
    changed = 0
    for case, (out, err, status) in zip(cases, results):
        new = (normalize(out), normalize(err), status)
        if case.expected() != new:
            changed += 1
        case.expected_path(".out").write_bytes(new[0])
        case.expected_path(".err").write_bytes(new[1])
        case.expected_path(".rc").write_text(f"{status}\n")
    print(f"{len(cases)} cases regenerated, {changed} changed")
    # an `ast` case is meant to parse: its dump must not be codedump's SyntaxError line
    broken = [c.name for c in cases if c.mode == "ast" and c.expected()[0].startswith(b"SyntaxError ")]
    if broken:
        print("these ast cases do not parse under CPython 3.14 (move them to syntaxerror/?): " + ", ".join(broken))
        return 1


if __name__ == "__main__":
    sys.exit(main())
