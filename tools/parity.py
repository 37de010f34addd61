#!/usr/bin/env python3
"""Parity over a real corpus: CPython 3.14.2's own standard library (the 559 .py files of
the pinned python_stdlib.zip), dumped by pyrite (`-X dump=ast|code`) and compared with
the oracle's `shared/oracle/codedump.py` dumps, file by file. Mode `codegen` compares
`-X dump=codegen` with `tools/codegen_dump.py` (the sequences before the optimizer). Modes `code-O` and `code-OO`
compare the code dump of the file compiled with -O / -OO (`pyrite -OO -X dump=code`).

    tools/parity.py check [--mode ast|code|codegen|code-O|code-OO] [--list]   # share identical per mode
    tools/parity.py diff MODE Lib/PATH.py               # full diff for one file
    tools/parity.py oracle [--mode M]                   # regenerate the fingerprints
    tools/parity.py check --update-baseline             # raise the recorded floor

The oracle's dumps are stored as sha256 fingerprints in tests/parity/oracle.sha256
(committed; regenerating them takes one oracle start). `check` fails when a mode's
identical count falls below tests/parity/baseline.txt, so parity only goes up. Files are
dumped by their path relative to the corpus root (Lib/...), as codedump.py would be."""

import argparse
import concurrent.futures
import difflib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from common import REPO, oracle_dir, pyrite_binary, run_oracle_batch, stdlib_lib_dir

PARITY = REPO / "tests" / "parity"
FINGERPRINTS = PARITY / "oracle.sha256"
BASELINE = PARITY / "baseline.txt"
REPORTS = REPO / "target" / "parity"
MODES = ("ast", "code", "codegen", "code-O", "code-OO")


def corpus():
    root = stdlib_lib_dir()
    files = sorted(p.relative_to(root).as_posix() for p in (root / "Lib").rglob("*.py"))
    return root, files


def read_fingerprints():
    table = {mode: {} for mode in MODES}
    for line in FINGERPRINTS.read_text().splitlines():
        mode, digest, path = line.split(" ", 2)
        table[mode][path] = digest
    return table


def read_baseline():
    base = {mode: 0 for mode in MODES}
    if BASELINE.exists():
        for line in BASELINE.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                mode, count = line.split()
                base[mode] = int(count)
    return base


def cmd_oracle(opts):
    root, files = corpus()
    modes = opts.mode or MODES
    jobs = [{"cwd": str(root), "mode": f"{mode}-sha256", "file": f, "args": []} for mode in modes for f in files]
    results = run_oracle_batch(jobs)
    # fingerprints of the modes not regenerated stay as they are
    lines = [line for line in (FINGERPRINTS.read_text().splitlines() if FINGERPRINTS.exists() else [])
             if line.split(" ", 1)[0] not in modes]
    for job, (out, err, status) in zip(jobs, results):
        if status != 0 or len(out.strip()) != 64:
            sys.exit(f"oracle failed on {job['file']}: {err.decode(errors='replace')}")
        lines.append(f"{job['mode'].removesuffix('-sha256')} {out.decode().strip()} {job['file']}")
    PARITY.mkdir(parents=True, exist_ok=True)
    FINGERPRINTS.write_text("\n".join(lines) + "\n")
    print(f"{len(files)} files fingerprinted in {len(modes)} modes")


def pyrite_command(mode, path):
    dump, _, level = mode.partition("-")
    return [str(pyrite_binary()), *(["-" + level] if level else []), "-X", f"dump={dump}", path]


def pyrite_dump(root, mode, path):
    try:
        proc = subprocess.run(pyrite_command(mode, path), cwd=root,
                              capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    crashed = proc.returncode not in (0, 1) or b"panicked" in proc.stderr
    return proc.stdout, ("crash" if crashed else None)


def cmd_check(opts):
    if not pyrite_binary().exists():
        sys.exit(f"{pyrite_binary()} does not exist: run cargo build --release")
    root, files = corpus()
    oracle = read_fingerprints()
    baseline = read_baseline()
    REPORTS.mkdir(parents=True, exist_ok=True)
    status = 0
    new_baseline = dict(baseline)
    for mode in opts.mode or MODES:
        def one(path):
            out, trouble = pyrite_dump(root, mode, path)
            same = out is not None and hashlib.sha256(out).hexdigest() == oracle[mode].get(path)
            return path, same, trouble
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(one, files))
        differ = [p for p, same, _ in results if not same]
        troubled = [(p, t) for p, _, t in results if t]
        same = len(files) - len(differ)
        (REPORTS / f"{mode}-differ.txt").write_text("".join(p + "\n" for p in differ))
        print(f"{mode}: {same}/{len(files)} identical ({100.0 * same / len(files):.1f}%), "
              f"{len(troubled)} crashes or timeouts; baseline {baseline[mode]}")
        if opts.list:
            for p in differ:
                print(f"  differs: {p}")
        for p, t in troubled:
            print(f"  {t}: {p}")
        if same < baseline[mode]:
            print(f"  FAIL: {mode} parity fell below the baseline ({same} < {baseline[mode]})")
            status = 1
        elif same > baseline[mode]:
            print(f"  parity rose above the baseline: record it with --update-baseline")
        new_baseline[mode] = max(same, baseline[mode]) if opts.update_baseline else baseline[mode]
    if opts.update_baseline:
        PARITY.mkdir(parents=True, exist_ok=True)
        BASELINE.write_text("# the lowest identical counts tools/parity.py check accepts\n"
                            + "".join(f"{m} {new_baseline[m]}\n" for m in MODES))
    print(f"lists of differing files: {REPORTS.relative_to(REPO)}/MODE-differ.txt")
    return status


def cmd_diff(opts):
    root, _ = corpus()
    path = opts.file if opts.file.startswith("Lib/") else "Lib/" + opts.file
    if opts.mode in ("code-O", "code-OO"):
        [(out, _, _)] = run_oracle_batch([{"cwd": str(root), "mode": opts.mode, "file": path, "args": []}])
        expected = out.decode("utf-8", "replace")
    else:
        if opts.mode == "codegen":
            script = [str(REPO / "tools" / "codegen_dump.py"), path]
        else:
            script = [str(oracle_dir() / "codedump.py"), opts.mode, path]
        proc = subprocess.run([str(oracle_dir() / "cpython314"), *script], cwd=root, capture_output=True)
        expected = proc.stdout.decode("utf-8", "replace")
    actual, _ = pyrite_dump(root, opts.mode, path)
    actual = (actual or b"").decode("utf-8", "replace")
    split = (lambda s: s.replace("), ", "),\n").splitlines(keepends=True)) if opts.mode == "ast" else (lambda s: s.splitlines(keepends=True))
    lines = list(difflib.unified_diff(split(expected), split(actual), "oracle", "pyrite", n=2))
    sys.stdout.writelines(lines if lines else ["identical\n"])
    return 1 if lines else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check")
    check.add_argument("--mode", action="append", choices=MODES)
    check.add_argument("--list", action="store_true", help="list every differing file")
    check.add_argument("--update-baseline", action="store_true")
    oracle = sub.add_parser("oracle")
    oracle.add_argument("--mode", action="append", choices=MODES)
    d = sub.add_parser("diff")
    d.add_argument("mode", choices=MODES)
    d.add_argument("file")
    opts = ap.parse_args()
    return {"check": cmd_check, "oracle": cmd_oracle, "diff": cmd_diff}[opts.command](opts)


if __name__ == "__main__":
    sys.exit(main())
