#!/usr/bin/env python3
"""Runs the differential cases (tests/cases/<area>/NAME.py) against the built pyrite.

    tools/difftest.py [AREA | AREA/NAME ...]
    tools/difftest.py --update-known       # drop known failures that now pass
    tools/difftest.py --add-known REASON    # list every failing case as known, with REASON

Each case runs with its directory as the working directory (dump areas with `-X dump=`);
stdout, stderr and the exit status are compared with the oracle's expectations. Every
mismatch prints a unified diff. Cases listed in tests/known_failures.txt count apart; one
that starts to pass is reported and fails the run until it leaves the list, so the list
only shrinks. The last line is `N passed, M failed` (plus the known failures)."""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys

from common import find_cases, normalize, pyrite_binary, read_known_failures, write_known_failures

TIMEOUT = 30


def run_case(case):
    try:
        proc = subprocess.run(case.pyrite_command(), cwd=case.path.parent, capture_output=True, timeout=TIMEOUT,
                              input=case.stdin())
        return normalize(proc.stdout), normalize(proc.stderr), proc.returncode
    except subprocess.TimeoutExpired:
        return b"", f"pyrite: timed out after {TIMEOUT} s\n".encode(), -1


def diff(label, expected: bytes, actual: bytes):
    if expected == actual:
        return []
    exp = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    act = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(exp, act, f"expected {label}", f"pyrite {label}"))
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("selectors", nargs="*")
    ap.add_argument("--update-known", action="store_true", help="remove passing cases from the known failures")
    ap.add_argument("--add-known", metavar="REASON", help="add every failing case to the known failures")
    ap.add_argument("--show-known", action="store_true", help="print diffs of known failures too")
    opts = ap.parse_args()

    if not pyrite_binary().exists():
        sys.exit(f"{pyrite_binary()} does not exist: run cargo build --release")
    cases = find_cases(opts.selectors)
    missing = [c.name for c in cases if c.expected() is None]
    if missing:
        sys.exit("cases without expectations (run tools/regen.py --missing): " + ", ".join(missing))
    known = read_known_failures()
    for name in known:
        if not any(c.name == name for c in find_cases()):
            print(f"warning: known failure {name} names no case")

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(run_case, cases))

    passed, failed, known_failed, fixed = [], [], [], []
    for case, (out, err, rc) in zip(cases, results):
        exp_out, exp_err, exp_rc = case.expected()
        lines = diff("stdout", exp_out, out) + diff("stderr", exp_err, err)
        if exp_rc != rc:
            lines.append(f"exit status: expected {exp_rc}, pyrite {rc}\n")
        if not lines:
            (fixed if case.name in known else passed).append(case.name)
            continue
        if case.name in known:
            known_failed.append(case.name)
            if not opts.show_known:
                continue
        else:
            failed.append(case.name)
        sys.stdout.write(f"--- FAIL {case.name}{' (known: ' + known[case.name] + ')' if case.name in known else ''}\n")
        sys.stdout.writelines(lines)

    if opts.update_known or opts.add_known:
        for name in fixed:
            known.pop(name, None)
        if opts.add_known:
            for name in failed:
                known[name] = opts.add_known
            known_failed += failed
            failed = []
        write_known_failures(known)
        fixed = []
    for name in fixed:
        print(f"--- NOW PASSES {name}: remove it from tests/known_failures.txt (tools/difftest.py --update-known)")
    print(f"{len(passed)} passed, {len(failed) + len(fixed)} failed, {len(known_failed)} known failures")
    return 1 if failed or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
