#!/usr/bin/env python3
"""marshal/.pyc interchange with CPython 3.14 on the standard-library corpus, both ways.

    tools/pyc_interchange.py check      # CI: no oracle needed (committed data only)
    tools/pyc_interchange.py verify     # oracle: re-verify Pyrite's .pyc files, rewrite
                                        # tests/parity/pyc_pyrite.sha256
    tools/pyc_interchange.py oracle     # oracle: every stdlib file's CPython .pyc loaded by
                                        # Pyrite (the full-corpus run); rewrites the
                                        # committed sample tests/parity/oracle_pyc.zip
    tools/pyc_interchange.py identity [--list]   # how many of Pyrite's .pyc files are
                                        # byte-identical to CPython's (after `oracle`)

Pyrite -> CPython: tests/parity/pyc_pyrite.sha256 holds, per stdlib file, the sha256 of
the .pyc Pyrite writes for it (timestamp header, mtime 0), recorded by `verify` only after
the oracle loaded that very .pyc with its marshal and its `codedump.py code` dump equalled
the dump of CPython's own compilation of the source (tests/parity/oracle.sha256, mode
`code`). `check` recomputes Pyrite's .pyc bytes for all files and requires every sha256
to be a verified one: any change in Pyrite's output must be re-verified with the oracle.

CPython -> Pyrite: tests/parity/oracle_pyc.zip holds CPython's own .pyc files for a
sample of the stdlib (the files below SAMPLE_LIMIT bytes of .pyc); `check` has Pyrite load
each and requires its dump's sha256 to equal the oracle's `code` fingerprint. `oracle`
runs the same over all files with freshly written CPython .pyc files.

The stdlib sources come from the build's fetch (tools/common.py stdlib_lib_dir)."""

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from common import REPO, run_oracle_batch, stdlib_lib_dir

PARITY = REPO / "tests" / "parity"
FINGERPRINTS = PARITY / "oracle.sha256"
PYRITE_MANIFEST = PARITY / "pyc_pyrite.sha256"
ORACLE_SAMPLE = PARITY / "oracle_pyc.zip"
# every stdlib file's CPython .pyc, kept by `oracle` for `identity`
ORACLE_CACHE = REPO / "target" / "parity" / "oracle_pyc"
# .pyc files of CPython's below this size go into the committed sample
SAMPLE_LIMIT = 12_000


def corpus():
    root = stdlib_lib_dir()
    files = sorted(p.relative_to(root).as_posix() for p in (root / "Lib").rglob("*.py"))
    return root, files


def pyc_name(file):
    return file.replace("/", "@") + "c"


def code_fingerprints():
    table = {}
    for line in FINGERPRINTS.read_text().splitlines():
        mode, digest, path = line.split(" ", 2)
        if mode == "code":
            table[path] = digest
    return table


def tool(*args):
    subprocess.run(["cargo", "build", "--release", "--quiet", "--locked", "-p", "pyrite_compiler",
                    "--example", "pyc_interchange"], cwd=REPO, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "release" / "examples" / "pyc_interchange"
    out = subprocess.run([str(binary), *args], capture_output=True, text=True, check=True).stdout
    results = {}
    for line in out.splitlines():
        if line.startswith("ERROR "):
            name, _, why = line[6:].partition(": ")
            results[name] = "ERROR " + why
        else:
            digest, name = line.split(" ", 1)
            results[name] = digest
    return results


def read_manifest(path):
    if not path.exists():
        return {}
    return {name: digest for digest, name in (line.split(" ", 1) for line in path.read_text().splitlines() if line)}


def cmd_check(_opts):
    root, files = corpus()
    status = 0
    verified = read_manifest(PYRITE_MANIFEST)
    written = tool("write", str(root), *files)
    bad = [f for f in files if written.get(f) != verified.get(f)]
    print(f"Pyrite -> CPython: {len(files) - len(bad)}/{len(files)} stdlib .pyc files are ones the oracle "
          f"loaded to CPython's own code objects")
    for f in bad[:20]:
        print(f"  unverified: {f} ({written.get(f)})")
    if bad:
        print("  FAIL: Pyrite's .pyc output changed; re-verify with tools/pyc_interchange.py verify")
        status = 1
    expected = code_fingerprints()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(ORACLE_SAMPLE) as z:
        z.extractall(tmp)
        sample = sorted(n.removesuffix("c").replace("@", "/") for n in z.namelist())
        sample = [f for f in sample if Path(tmp, pyc_name(f)).exists()]
        loaded = tool("load", tmp, *sample)
    bad = [f for f in sample if loaded.get(f) != expected.get(f)]
    print(f"CPython -> Pyrite: {len(sample) - len(bad)}/{len(sample)} of CPython's stdlib .pyc files "
          f"(committed sample) load to the oracle's code objects")
    for f in bad[:20]:
        print(f"  differs: {f} ({loaded.get(f)})")
    if bad or not sample:
        status = 1
    return status


def cmd_verify(_opts):
    root, files = corpus()
    expected = code_fingerprints()
    with tempfile.TemporaryDirectory() as tmp:
        written = tool("write", str(root), "--out", tmp, *files)
        ok = [f for f in files if not written[f].startswith("ERROR")]
        jobs = [{"cwd": str(root), "mode": "pyc-code-sha256", "file": f, "args": [str(Path(tmp, pyc_name(f)))]}
                for f in ok]
        results = run_oracle_batch(jobs)
    verified, failed = {}, []
    for f, (out, err, status) in zip(ok, results):
        if status == 0 and out.decode().strip() == expected.get(f):
            verified[f] = written[f]
        else:
            failed.append((f, err.decode(errors="replace").strip().splitlines()[-1:] or out.decode().strip()))
    failed += [(f, written[f]) for f in files if f not in ok]
    PYRITE_MANIFEST.write_text("".join(f"{verified[f]} {f}\n" for f in sorted(verified)))
    print(f"{len(verified)}/{len(files)} of Pyrite's .pyc files load under the oracle to CPython's code objects")
    for f, why in failed:
        print(f"  failed: {f}: {why}")
    return 1 if failed else 0


def cmd_oracle(_opts):
    root, files = corpus()
    expected = code_fingerprints()
    tmp = ORACLE_CACHE
    tmp.mkdir(parents=True, exist_ok=True)
    if True:
        jobs = [{"cwd": str(root), "mode": "write-pyc", "file": f, "args": [str(Path(tmp, pyc_name(f)))]}
                for f in files]
        jobs += [{"cwd": str(root), "mode": "pyc-code-sha256", "file": f, "args": [str(Path(tmp, pyc_name(f)))]}
                 for f in files]
        results = run_oracle_batch(jobs)[len(files):]
        own = {f: out.decode().strip() for f, (out, _, _) in zip(files, results)}
        drift = [f for f in files if own[f] != expected.get(f)]
        if drift:
            sys.exit(f"the oracle's own .pyc files do not match tests/parity/oracle.sha256: {drift[:5]}")
        loaded = tool("load", tmp, *files)
        bad = [f for f in files if loaded.get(f) != expected.get(f)]
        sample = [f for f in files if Path(tmp, pyc_name(f)).stat().st_size < SAMPLE_LIMIT]
        with zipfile.ZipFile(ORACLE_SAMPLE, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for f in sample:
                info = zipfile.ZipInfo(pyc_name(f), date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, Path(tmp, pyc_name(f)).read_bytes())
        total = sum(Path(tmp, pyc_name(f)).stat().st_size for f in files)
    print(f"CPython -> Pyrite (full corpus): {len(files) - len(bad)}/{len(files)} of CPython's .pyc files "
          f"load to the oracle's code objects")
    for f in bad:
        print(f"  differs: {f} ({loaded.get(f)})")
    print_identity(root, files)
    print(f"sample: {len(sample)} files in {ORACLE_SAMPLE.relative_to(REPO)} "
          f"({ORACLE_SAMPLE.stat().st_size} bytes; all {len(files)} .pyc files: {total} bytes)")
    return 1 if bad else 0


def print_identity(root, files):
    with tempfile.TemporaryDirectory() as mine:
        tool("write", str(root), "--out", mine, *files)
        same = [f for f in files if Path(mine, pyc_name(f)).read_bytes() == (ORACLE_CACHE / pyc_name(f)).read_bytes()]
    print(f"byte-identical .pyc files: {len(same)}/{len(files)}")
    return same


def cmd_identity(opts):
    root, files = corpus()
    if not all((ORACLE_CACHE / pyc_name(f)).exists() for f in files):
        sys.exit(f"{ORACLE_CACHE.relative_to(REPO)} is incomplete: run tools/pyc_interchange.py oracle first")
    same = set(print_identity(root, files))
    if opts.list:
        for f in files:
            if f not in same:
                print(f"  differs: {f}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["check", "verify", "oracle", "identity"])
    ap.add_argument("--list", action="store_true", help="identity: list the files that differ")
    opts = ap.parse_args()
    return {"check": cmd_check, "verify": cmd_verify, "oracle": cmd_oracle, "identity": cmd_identity}[opts.command](opts)


if __name__ == "__main__":
    sys.exit(main())
