"""Shared pieces of Pyrite's test tools: where things are, how cases are found and run
under the oracle, and how outputs are normalized so the checkout's location does not
matter. Runs on the machine's python3 (3.11 or later)."""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
KNOWN_FAILURES = REPO / "tests" / "known_failures.txt"
ORACLE_DIR = (REPO.parent / "shared" / "oracle") if (REPO.parent / "shared" / "oracle").is_dir() else None
STDLIB_VERSION = "pyodide-314.0.7"

# A case's area (its directory under tests/cases) decides how it is run: most areas run
# the program; these dump what the parser or compiler made of it instead.
DUMP_AREAS = {
    "ast": "ast",
    "code": "code",
    "syntaxerror": "syntaxerror",
    "symtable": "symtable",
    "codegen": "codegen",
    # `pyc` cases run the oracle's own bytecode: tools/regen.py compiles NAME.py to
    # NAME.pyc under the oracle (co_filename "NAME.py"), and pyrite runs NAME.pyc.
    "pyc": "pyc",
    # the same dump with -OO (asserts, docstrings and __debug__ optimized away)
    "codegen_oo": "codegen-OO",
    # full code objects (the `code` dump) compiled with -O and with -OO
    "code_o": "code-O",
    "code_oo": "code-OO",
}


def oracle_dir():
    env = os.environ.get("PYRITE_ORACLE_DIR")
    d = Path(env) if env else ORACLE_DIR
    if d is None or not (d / "cpython314").exists():
        sys.exit("cannot find shared/oracle (set PYRITE_ORACLE_DIR)")
    return d


def pyrite_binary():
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return Path(os.environ.get("PYRITE", target / "release" / "pyrite"))


def cache_dir():
    if os.environ.get("PYRITE_CACHE_DIR"):
        return Path(os.environ["PYRITE_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "pyrite"
    return Path.home() / ".cache" / "pyrite"


def stdlib_lib_dir():
    """The fetched python_stdlib.zip extracted once into the cache (the build fetches
    the zip; see crates/pyrite_stdlib/build.rs). Returns the directory holding Lib/."""
    base = cache_dir() / STDLIB_VERSION
    zip_path = Path(os.environ.get("PYRITE_STDLIB_ZIP", base / "python_stdlib.zip"))
    root = base / "corpus"
    lib = root / "Lib"
    if not (root / ".complete").exists():
        if not zip_path.exists():
            sys.exit(f"{zip_path} is missing: build pyrite first (cargo build --release fetches it)")
        with tempfile.TemporaryDirectory(dir=base) as tmp:
            with zipfile.ZipFile(zip_path) as z:
                z.extractall(Path(tmp) / "Lib")
            root.mkdir(exist_ok=True)
            if lib.exists():
                import shutil
                shutil.rmtree(lib)
            (Path(tmp) / "Lib").rename(lib)
        (root / ".complete").write_text("")
    return root


class Case:
    def __init__(self, path: Path):
        self.path = path
        self.area = path.parent.relative_to(CASES).as_posix()
        self.name = f"{self.area}/{path.stem}"
        self.mode = DUMP_AREAS.get(self.area.split("/")[0], "run")

    def expected_path(self, suffix):
        return self.path.with_suffix(suffix)

    def expected(self):
        out = self.expected_path(".out")
        if not out.exists():
            return None
        err = self.expected_path(".err").read_bytes()
        rc = int(self.expected_path(".rc").read_text().strip())
        return out.read_bytes(), err, rc

    def command_line(self):
        """NAME.args: the command-line arguments (shell words, `#` comments) the case
        runs with instead of `NAME.py`, e.g. `-i NAME.py` or `-q -i`; None without it."""
        args = self.expected_path(".args")
        if not args.exists():
            return None
        import shlex
        return shlex.split(args.read_text(), comments=True)

    def stdin(self):
        """NAME.in: the program's standard input (empty without it)."""
        path = self.expected_path(".in")
        return path.read_bytes() if path.exists() else b""

    def oracle_job(self):
        job = {"cwd": str(self.path.parent), "mode": self.mode, "file": self.path.name, "args": [],
               "stdin": base64.b64encode(self.stdin()).decode()}
        argv = self.command_line()
        if argv is not None:
            job["argv"] = argv
        return job

    def pyrite_command(self):
        argv = self.command_line()
        if argv is not None:
            return [str(pyrite_binary()), *argv]
        if self.mode == "pyc":
            return [str(pyrite_binary()), self.path.with_suffix(".pyc").name]
        if self.mode in ("codegen-OO", "code-O", "code-OO"):
            dump, level = self.mode.split("-")
            return [str(pyrite_binary()), "-" + level, "-X", f"dump={dump}", self.path.name]
        dump = [] if self.mode == "run" else ["-X", f"dump={self.mode}"]
        return [str(pyrite_binary()), *dump, self.path.name]


def find_cases(selectors=()):
    # Modules that cases import live in `support/` directories; they are not cases.
    paths = CASES.rglob("*.py") if CASES.exists() else []
    cases = sorted(Case(p) for p in paths if "support" not in p.relative_to(CASES).parts[:-1])
    if selectors:
        cases = [c for c in cases if any(c.name == s or c.name.startswith(s.rstrip("/") + "/") for s in selectors)]
    return cases


Case.__lt__ = lambda a, b: a.name < b.name


ADDRESS = re.compile(rb"\bat 0x[0-9a-fA-F]+")


def normalize(data: bytes) -> bytes:
    """Outputs name the checkout's absolute path (tracebacks, __file__); expectations
    say $REPO instead. Object addresses (`<... at 0x7f...>`) differ from run to run
    and between implementations: they become `at 0x?`."""
    return ADDRESS.sub(b"at 0x?", data.replace(str(REPO).encode(), b"$REPO"))


def run_oracle_batch(jobs):
    """Runs jobs ({cwd, mode, file, args}) in one oracle start; returns
    [(stdout, stderr, status)]."""
    odir = oracle_dir()
    # the first run of the oracle script installs the Pyodide package it runs on
    subprocess.run([str(odir / "cpython314"), "-c", "pass"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        jobs_file, results_file = Path(tmp) / "jobs.json", Path(tmp) / "results.json"
        jobs_file.write_text(json.dumps(jobs))
        env = dict(os.environ, PYRITE_ORACLE_DIR=str(odir))
        subprocess.run(["node", "--no-warnings", str(REPO / "tools" / "oracle_batch.mjs"),
                        str(jobs_file), str(results_file)], check=True, env=env)
        results = json.loads(results_file.read_text())
    return [(base64.b64decode(r["stdout"]), base64.b64decode(r["stderr"]), r["status"]) for r in results]


def read_known_failures():
    """tests/known_failures.txt: 'area/NAME  reason' per line; '#' starts a comment."""
    known = {}
    if KNOWN_FAILURES.exists():
        for line in KNOWN_FAILURES.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            if not reason.strip():
                sys.exit(f"known_failures.txt: {name} has no reason")
            known[name] = reason.strip()
    return known


def write_known_failures(known):
    header = [line for line in (KNOWN_FAILURES.read_text().splitlines() if KNOWN_FAILURES.exists() else [])
              if line.startswith("#")]
    # no column alignment: one long name must not re-indent every line (merge conflicts)
    lines = header + [f"{name}  {known[name]}" for name in sorted(known)]
    KNOWN_FAILURES.write_text("\n".join(lines) + "\n")
