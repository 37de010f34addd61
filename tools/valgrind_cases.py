#!/usr/bin/env python3
"""Runs a representative subset of the differential cases under valgrind's memcheck.

    tools/valgrind_cases.py [--list FILE] [--no-build] [--jobs N] [AREA/NAME ...]

The cases are listed in tests/valgrind_cases.txt (one AREA/NAME a line, `#` comments):
finalization, cycles and the collector, weak references, generators, exceptions and
tracebacks, the builtins. Each runs with `valgrind --tool=memcheck --error-exitcode=99`;
a case fails if memcheck reports any error or if its output no longer matches the
oracle's expectation (cases listed in tests/known_failures.txt only need to be clean).

The global allocator of the release binary is mimalloc, whose heap memcheck cannot see
into; this tool builds the binary with the `system-alloc` feature of the `pyrite` crate
(`cargo build --release --features pyrite/system-alloc`), keeps a stripped copy as
target/release/pyrite-valgrind (valgrind starts much faster without the debug info), then
rebuilds the normal binary (only the `pyrite` crate is relinked each time). Set
PYRITE_VALGRIND_BINARY to run another binary instead (and skip the builds)."""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, find_cases, normalize, read_known_failures

LIST = REPO / "tests" / "valgrind_cases.txt"
TIMEOUT = 300
ERROR_EXIT = 99


def target_dir():
    return Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


def build_binary():
    release = target_dir() / "release"
    cargo = ["cargo", "build", "--release", "--locked"]
    subprocess.run([*cargo, "--features", "pyrite/system-alloc", "-p", "pyrite"], cwd=REPO, check=True)
    binary = release / "pyrite-valgrind"
    shutil.copyfile(release / "pyrite", binary)
    binary.chmod(0o755)
    if shutil.which("strip"):
        subprocess.run(["strip", str(binary)], check=True)
    subprocess.run([*cargo, "-p", "pyrite"], cwd=REPO, check=True)
    return binary


def read_list(path):
    names = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line)
    return names


def run_case(binary, log_dir, case):
    log = Path(log_dir) / (case.name.replace("/", "__") + ".log")
    command = ["valgrind", "--tool=memcheck", "-q", f"--error-exitcode={ERROR_EXIT}",
               "--leak-check=no", f"--log-file={log}", str(binary), *case.pyrite_command()[1:]]
    stdin = case.expected_path(".in")
    try:
        proc = subprocess.run(command, cwd=case.path.parent, capture_output=True, timeout=TIMEOUT,
                              stdin=open(stdin, "rb") if stdin.exists() else subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return b"", b"", -1, f"timed out after {TIMEOUT} s\n".encode()
    report = log.read_bytes() if log.exists() else b""
    return normalize(proc.stdout), normalize(proc.stderr), proc.returncode, report


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("selectors", nargs="*", help="cases to run instead of the list")
    ap.add_argument("--list", type=Path, default=LIST)
    ap.add_argument("--no-build", action="store_true", help="use target/release/pyrite-valgrind as is")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    opts = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (.ci/run installs it with apt-get)")
    start = time.monotonic()
    if os.environ.get("PYRITE_VALGRIND_BINARY"):
        binary = Path(os.environ["PYRITE_VALGRIND_BINARY"])
    elif opts.no_build:
        binary = target_dir() / "release" / "pyrite-valgrind"
    else:
        binary = build_binary()
    names = opts.selectors or read_list(opts.list)
    by_name = {case.name: case for case in find_cases()}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        sys.exit("no such cases: " + ", ".join(unknown))
    cases = [by_name[name] for name in names]
    known = read_known_failures()
    with tempfile.TemporaryDirectory() as log_dir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        results = list(pool.map(lambda case: run_case(binary, log_dir, case), cases))
    failed = 0
    for case, (out, err, rc, report) in zip(cases, results):
        problems = []
        if rc == ERROR_EXIT or report.strip():
            problems.append("memcheck reported errors:\n" + report.decode("utf-8", "backslashreplace"))
        if case.name not in known:
            exp_out, exp_err, exp_rc = case.expected()
            if (out, err, rc) != (exp_out, exp_err, exp_rc) and rc != ERROR_EXIT:
                problems.append(f"output differs from the expectation (exit status {rc}, expected {exp_rc})")
        if problems:
            failed += 1
            print(f"--- FAIL {case.name}")
            for problem in problems:
                print(problem.rstrip())
    elapsed = time.monotonic() - start
    print(f"valgrind: {len(cases) - failed} clean, {failed} failed ({elapsed:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
