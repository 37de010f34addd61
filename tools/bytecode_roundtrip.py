#!/usr/bin/env python3
"""Differential round trip of code objects through marshal, Pyrite against the oracle.

    tools/bytecode_roundtrip.py [--stdlib N] [--keep DIR]
        1. the oracle compiles crates/pyrite_bytecode/tests/sources/*.py and a sample of N
           (default 50) standard-library modules (from the pinned stdlib's extracted copy),
           writing .pyc files and their `codedump.py code` text to a temporary directory;
        2. Pyrite (the pyc_roundtrip example) loads each .pyc, checks its dump is identical
           and writes the code object back with its own marshal;
        3. the oracle loads Pyrite's .pyc files and checks their dumps are identical too
           (and counts byte-identical files).
    tools/bytecode_roundtrip.py --fixtures
        Regenerates crates/pyrite_bytecode/tests/fixtures (the oracle's .pyc and dump of
        each file in tests/sources) for the Rust tests that run without the oracle.

The oracle sees the host filesystem at the same paths, so it reads and writes the
temporary directory directly.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, oracle_dir  # noqa: E402

CRATE = REPO / "crates" / "pyrite_bytecode"
SOURCES = CRATE / "tests" / "sources"
FIXTURES = CRATE / "tests" / "fixtures"


def stdlib_root():
    cache = Path(os.environ.get("PYRITE_CACHE_DIR")
                 or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pyrite")
    return cache / "pyodide-314.0.7" / "corpus"


def stdlib_sample(count):
    root = stdlib_root()
    files = sorted(str(p.relative_to(root)) for p in (root / "Lib").rglob("*.py"))
    if not files or count <= 0:
        return root, []
    step = max(1, len(files) // count)
    return root, files[::step][:count]


def oracle(*args):
    command = [str(oracle_dir() / "cpython314"), str(REPO / "tools" / "bytecode_oracle.py"), *args]
    result = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def own_sources():
    return sorted(str(p.relative_to(REPO)) for p in SOURCES.glob("*.py"))


def regenerate_fixtures():
    work = Path(tempfile.mkdtemp(prefix="pyrite-fixtures-"))
    try:
        if oracle("compile", str(REPO), str(work), *own_sources()) != 0:
            return 1
        if FIXTURES.exists():
            shutil.rmtree(FIXTURES)
        FIXTURES.mkdir(parents=True)
        for line in (work / "manifest.txt").read_text().splitlines():
            number, name = line.split(" ", 1)
            stem = Path(name).stem
            shutil.copy(work / f"{number}.pyc", FIXTURES / f"{stem}.pyc")
            shutil.copy(work / f"{number}.txt", FIXTURES / f"{stem}.txt")
            shutil.copy(work / f"{number}.locations.txt", FIXTURES / f"{stem}.locations.txt")
        print("fixtures written to", FIXTURES.relative_to(REPO))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def round_trip(stdlib_count, keep):
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="pyrite-roundtrip-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        # Own sources are compiled relative to the repository, stdlib files relative to
        # the corpus root: two batches, two directories.
        root, sample = stdlib_sample(stdlib_count)
        batches = [(REPO, work / "own", own_sources())]
        if sample:
            batches.append((root, work / "stdlib", sample))
        status = 0
        build = ["cargo", "build", "--release", "-q", "-p", "pyrite_bytecode", "--example", "pyc_roundtrip"]
        if subprocess.run(build, cwd=REPO).returncode != 0:
            return 1
        target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
        binary = target / "release" / "examples" / "pyc_roundtrip"
        for base, out, files in batches:
            print(f"== {out.name}: {len(files)} files")
            status |= oracle("compile", str(base), str(out), *files) != 0
            status |= subprocess.run([str(binary), str(out)]).returncode != 0
            status |= oracle("check", str(out)) != 0
        return status
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stdlib", type=int, default=50, help="stdlib modules to sample")
    parser.add_argument("--keep", help="work in this directory and keep it")
    parser.add_argument("--fixtures", action="store_true", help="regenerate the test fixtures")
    args = parser.parse_args()
    if args.fixtures:
        return regenerate_fixtures()
    return round_trip(args.stdlib, args.keep)


if __name__ == "__main__":
    sys.exit(main())
