#!/usr/bin/env python3
"""Runs Pyrite's benchmark suite (bench/programs/NAME.py) with pyrite and with CPython in
the same run and reports how long pyrite takes relative to CPython.

    bench/run.py                        # every benchmark, 5 timed runs each
    bench/run.py nbody richards -n 9    # some benchmarks, 9 runs
    bench/run.py nbody=1000 --size 5    # a size for one benchmark; --size for all others
    bench/run.py --json results.json    # also write every measurement to a file
    bench/run.py --list                 # the benchmarks and their default sizes

The pyrite binary is --pyrite, else $PYRITE, else target/release/pyrite (under
$CARGO_TARGET_DIR if set). CPython is --python, else $PYTHON, else `python3`; either way
its `sys.executable` is what gets timed, because `python3` on PATH may be a shim that adds
tens of milliseconds to every start.

For each benchmark both interpreters run it once as a warm-up; pyrite's stdout, stderr
and exit status must equal CPython's or the row says why there is no ratio. Then the two
run alternately (pyrite, python3, pyrite, python3, ...) N times. Wall time is measured
with time.perf_counter around subprocess.run, CPU time (user + system) from the
getrusage(RUSAGE_CHILDREN) difference. The table gives medians with the min-max spread,
the ratio pyrite/python3 of the wall medians (lower is better; below 1 pyrite is faster)
and of the CPU medians, and the geometric mean of the wall ratios over the benchmarks
pyrite ran correctly. Only the standard library is used."""

import argparse
import datetime
import json
import math
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROGRAMS = BENCH / "programs"
REPO = BENCH.parent

# The brief's order; programs added later without being listed here run after these.
ORDER = ["nbody", "fannkuch", "spectral_norm", "richards", "deltablue", "raytrace", "float",
         "nqueens", "generators", "unpack_sequence", "json_roundtrip", "regex", "pidigits",
         "exceptions", "startup", "frame_introspection"]

# A benchmark that is over in a few milliseconds is launched several times per sample
# (the sample is the time per launch), so that timer and scheduling noise matter less.
LAUNCHES_PER_SAMPLE = {"startup": 10}

DEFAULT_SIZE = re.compile(r"int\(sys\.argv\[1\]\) if len\(sys\.argv\) > 1 else ([0-9_]+)")


class Measurement:
    """The samples of one interpreter on one benchmark, in seconds."""

    def __init__(self):
        self.wall = []
        self.cpu = []

    def median_wall(self):
        return statistics.median(self.wall)

    def median_cpu(self):
        return statistics.median(self.cpu)

    def as_json(self):
        if not self.wall:
            return None
        return {"wall": self.wall, "cpu": self.cpu, "median_wall": self.median_wall(),
                "median_cpu": self.median_cpu()}


class Row:
    def __init__(self, name, size):
        self.name = name
        self.size = size
        self.pyrite = Measurement()
        self.python = Measurement()
        self.status = "ok"  # ok | pyrite-missing | pyrite-failed | differs | python-failed
        self.note = ""
        self.expected_output = None

    def ratio(self):
        if self.status != "ok":
            return None
        return self.pyrite.median_wall() / self.python.median_wall()

    def cpu_ratio(self):
        if self.status != "ok" or self.python.median_cpu() == 0:
            return None
        return self.pyrite.median_cpu() / self.python.median_cpu()

    def as_json(self):
        return {"name": self.name, "size": self.size, "status": self.status, "note": self.note,
                "ratio": self.ratio(), "cpu_ratio": self.cpu_ratio(),
                "pyrite": self.pyrite.as_json(), "python": self.python.as_json(),
                "output": self.expected_output}


def available_benchmarks():
    found = {p.stem for p in PROGRAMS.glob("*.py")}
    return [name for name in ORDER if name in found] + sorted(found - set(ORDER))


def default_size(name):
    match = DEFAULT_SIZE.search((PROGRAMS / f"{name}.py").read_text(encoding="utf-8"))
    return match.group(1).replace("_", "") if match else None


def real_python(candidate):
    """The interpreter behind `candidate` (which may be a shim script): its sys.executable."""
    try:
        proc = subprocess.run([candidate, "-c", "import sys; print(sys.executable)"],
                              capture_output=True, text=True, timeout=60)
    except OSError as error:
        sys.exit(f"bench/run.py: cannot run {candidate}: {error}")
    executable = proc.stdout.strip()
    if proc.returncode != 0 or not executable:
        sys.exit(f"bench/run.py: {candidate} did not report its sys.executable: {proc.stderr.strip()}")
    return executable


def pyrite_binary(option):
    if option:
        return option
    if os.environ.get("PYRITE"):
        return os.environ["PYRITE"]
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "release" / "pyrite")


class Outcome:
    def __init__(self, returncode, stdout, stderr, wall, cpu):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.wall = wall
        self.cpu = cpu

    def observable(self):
        return (self.returncode, self.stdout, self.stderr)

    def first_error_line(self):
        lines = [line for line in self.stderr.decode(errors="replace").splitlines() if line.strip()]
        if self.returncode is None:
            return "timed out"
        text = lines[-1] if lines else "(no message)"
        # "/path/to/pyrite: message" reads as well without the path.
        program, colon, rest = text.partition(": ")
        if colon and os.sep in program and " " not in program:
            text = f"{os.path.basename(program)}: {rest}"
        return f"exit status {self.returncode}: {text}"


def run_once(command, launches, timeout):
    """Runs `command` `launches` times; wall and CPU seconds are per launch, the output is
    the last launch's."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = None
    try:
        for _ in range(launches):
            proc = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired as expired:
        return Outcome(None, expired.stdout or b"", expired.stderr or b"", math.inf, math.inf)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Outcome(proc.returncode, proc.stdout, proc.stderr, wall / launches, cpu / launches)


def describe_difference(expected, got):
    if got.returncode != expected.returncode:
        return f"output differs: {got.first_error_line()}"
    for label, want, have in (("stdout", expected.stdout, got.stdout),
                              ("stderr", expected.stderr, got.stderr)):
        if want != have:
            want_lines = want.decode(errors="replace").splitlines() or [""]
            have_lines = have.decode(errors="replace").splitlines() or [""]
            for want_line, have_line in zip(want_lines + [""] * len(have_lines),
                                            have_lines + [""] * len(want_lines)):
                if want_line != have_line:
                    return f"{label} differs: expected {want_line[:60]!r}, got {have_line[:60]!r}"
    return "output differs"


def run_benchmark(name, size, runs, pyrite, python, flags, timeout, progress):
    row = Row(name, size if size is not None else default_size(name))
    program = str(PROGRAMS / f"{name}.py")
    arguments = [program] + ([str(size)] if size is not None else [])
    pyrite_command = [pyrite, *flags, *arguments]
    python_command = [python, *flags, *arguments]
    launches = LAUNCHES_PER_SAMPLE.get(name, 1)

    progress(f"{name}: warm-up")
    expected = run_once(python_command, 1, timeout)
    row.expected_output = expected.stdout.decode(errors="replace")
    if expected.returncode != 0:
        row.status = "python-failed"
        row.note = f"python3 failed ({expected.first_error_line()})"
        return row
    pyrite_ok = False
    if not os.path.exists(pyrite):
        row.status = "pyrite-missing"
        row.note = f"no pyrite binary at {pyrite}"
    else:
        first = run_once(pyrite_command, 1, timeout)
        if first.observable() == expected.observable():
            pyrite_ok = True
        elif first.returncode != 0:
            row.status = "pyrite-failed"
            row.note = f"pyrite failed ({first.first_error_line()})"
        else:
            row.status = "differs"
            row.note = describe_difference(expected, first)

    for i in range(runs):
        progress(f"{name}: run {i + 1}/{runs}")
        if pyrite_ok:
            outcome = run_once(pyrite_command, launches, timeout)
            if outcome.observable() != expected.observable():
                pyrite_ok = False
                row.status = "differs" if outcome.returncode == 0 else "pyrite-failed"
                row.note = f"timed run {i + 1}: {describe_difference(expected, outcome)}"
            else:
                row.pyrite.wall.append(outcome.wall)
                row.pyrite.cpu.append(outcome.cpu)
        outcome = run_once(python_command, launches, timeout)
        if outcome.observable() != expected.observable():
            row.status = "python-failed"
            row.note = f"python3 not deterministic on timed run {i + 1}: {describe_difference(expected, outcome)}"
            return row
        row.python.wall.append(outcome.wall)
        row.python.cpu.append(outcome.cpu)
    return row


def seconds(measurement):
    if not measurement.wall:
        return ""
    return (f"{measurement.median_wall():.3f} "
            f"({min(measurement.wall):.3f}-{max(measurement.wall):.3f})")


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def print_table(rows, out=sys.stdout):
    header = (f"{'benchmark':<20} {'size':>8}  {'pyrite s (min-max)':<22} "
              f"{'python3 s (min-max)':<22} {'ratio':>6} {'cpu':>6}")
    print(header, file=out)
    print("-" * len(header), file=out)
    for row in rows:
        python = seconds(row.python)
        size = row.size if row.size is not None else "-"
        if row.status == "ok":
            print(f"{row.name:<20} {size:>8}  {seconds(row.pyrite):<22} {python:<22} "
                  f"{row.ratio():>6.2f} {row.cpu_ratio() or math.nan:>6.2f}", file=out)
        else:
            note = row.note if len(row.note) <= 100 else row.note[:97] + "..."
            print(f"{row.name:<20} {size:>8}  {'-':<22} {python:<22} {'-':>6} {'-':>6}  {note}",
                  file=out)
    ratios = [row.ratio() for row in rows if row.status == "ok"]
    print("-" * len(header), file=out)
    if ratios:
        print(f"geometric mean of pyrite/python3 over {len(ratios)} of {len(rows)} benchmarks: "
              f"{geometric_mean(ratios):.3f} (lower is better)", file=out)
    else:
        print(f"geometric mean: none of the {len(rows)} benchmarks ran correctly on pyrite", file=out)


def parse_selection(names, size_for_all, parser):
    available = available_benchmarks()
    selection = []
    for item in names or available:
        name, _, size = item.partition("=")
        if name not in available:
            parser.error(f"unknown benchmark {name!r}; choose from: {', '.join(available)}")
        if size and not size.isdigit():
            parser.error(f"size for {name} must be a whole number, not {size!r}")
        chosen = int(size) if size else size_for_all
        selection.append((name, chosen))
    return selection


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmarks", nargs="*", metavar="NAME[=SIZE]",
                        help="benchmarks to run (default: all), each with an optional size")
    parser.add_argument("-n", "--runs", type=int, default=5,
                        help="timed runs per interpreter, after one warm-up (default 5)")
    parser.add_argument("--size", type=int, help="size for every selected benchmark without NAME=SIZE")
    parser.add_argument("--pyrite", help="pyrite binary (default $PYRITE or target/release/pyrite)")
    parser.add_argument("--python", help="CPython to compare with (default $PYTHON or python3)")
    parser.add_argument("--isolated", action="store_true",
                        help="pass -I to both interpreters (no site-packages, no PYTHON* variables)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per launch (default 600)")
    parser.add_argument("--json", metavar="FILE", help="write every measurement to FILE")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and their default sizes")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args()

    if args.list:
        for name in available_benchmarks():
            print(f"{name:<20} {default_size(name) or '-'}")
        return 0
    if args.runs < 1:
        parser.error("-n must be at least 1")
    selection = parse_selection(args.benchmarks, args.size, parser)
    pyrite = pyrite_binary(args.pyrite)
    python = real_python(args.python or os.environ.get("PYTHON") or "python3")
    python_version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                                    capture_output=True, text=True).stdout.strip()
    flags = ["-I"] if args.isolated else []

    def progress(message):
        if not args.quiet:
            print(f"  {message}", file=sys.stderr, flush=True)

    print(f"pyrite:  {pyrite}")
    print(f"python3: {python} ({python_version})")
    print(f"runs:    {args.runs} per interpreter after one warm-up, alternating"
          f"{'; flags ' + ' '.join(flags) if flags else ''}")
    print()
    started = datetime.datetime.now(datetime.timezone.utc)
    rows = [run_benchmark(name, size, args.runs, pyrite, python, flags, args.timeout, progress)
            for name, size in selection]
    print_table(rows)

    if args.json:
        ratios = [row.ratio() for row in rows if row.status == "ok"]
        report = {
            "started": started.isoformat(timespec="seconds"),
            "machine": {"platform": platform.platform(), "processor": platform.machine(),
                        "cpus": os.cpu_count()},
            "pyrite": pyrite,
            "python": python,
            "python_version": python_version,
            "runs": args.runs,
            "flags": flags,
            "benchmarks": [row.as_json() for row in rows],
            "geometric_mean": geometric_mean(ratios),
            "benchmarks_compared": len(ratios),
        }
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
