"""The oracle's half of the bytecode round trip (run it under shared/oracle/cpython314).

    cpython314 tools/bytecode_oracle.py compile ROOT OUT FILE...
        For each FILE (a path relative to ROOT, also used as co_filename, as codedump.py
        does), compile it and write OUT/N.pyc (timestamp .pyc as importlib writes it) and
        OUT/N.txt (the `codedump.py code` text of the code object), OUT/N.locations.txt
        (per code object, in dump order: `co_lines()`, `co_positions()` and the exception
        table as `dis` parses it, as Python reprs of lists of tuples); OUT/manifest.txt
        lists "N FILE" per line. Files that do not compile are skipped.
    cpython314 tools/bytecode_oracle.py check OUT
        For each N in the manifest with an OUT/N.pyrite.pyc (written by Pyrite's marshal),
        load it with CPython's marshal and compare its dump with OUT/N.txt; also count the
        files whose marshal bytes are identical to CPython's own.

tools/bytecode_roundtrip.py drives both halves around Pyrite's test binary.
"""
import dis
import importlib._bootstrap_external as bootstrap
import marshal
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("PYRITE_ORACLE_DIR") or os.path.join(here, "..", "..", "shared", "oracle"))
import codedump  # noqa: E402


def dump(code):
    out = []
    codedump.dump_code(code, out)
    return "\n".join(out)


def locations(code, out):
    out.append("code " + code.co_qualname)
    out.append("lines " + repr(list(code.co_lines())))
    out.append("positions " + repr(list(code.co_positions())))
    entries = dis._parse_exception_table(code)
    out.append("exceptions " + repr([(e.start, e.end, e.target, e.depth, e.lasti) for e in entries]))
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            locations(const, out)
    return out


def compile_files(root, out_dir, files):
    os.makedirs(out_dir, exist_ok=True)
    manifest = []
    for number, name in enumerate(files):
        with open(os.path.join(root, name), "rb") as f:
            source = f.read()
        try:
            code = compile(source, name, "exec", dont_inherit=True)
        except SyntaxError as e:
            print("skipped (SyntaxError):", name, e)
            continue
        stem = os.path.join(out_dir, str(number))
        with open(stem + ".pyc", "wb") as f:
            f.write(bootstrap._code_to_timestamp_pyc(code, 0, len(source)))
        with open(stem + ".txt", "w", encoding="utf-8") as f:
            f.write(dump(code) + "\n")
        with open(stem + ".locations.txt", "w", encoding="utf-8") as f:
            f.write("\n".join(locations(code, [])) + "\n")
        manifest.append("%d %s" % (number, name))
    with open(os.path.join(out_dir, "manifest.txt"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in manifest))
    print("compiled %d files" % len(manifest))


def check(out_dir):
    with open(os.path.join(out_dir, "manifest.txt"), encoding="utf-8") as f:
        entries = [line.split(" ", 1) for line in f.read().splitlines()]
    same_dump = same_bytes = total = 0
    for number, name in entries:
        stem = os.path.join(out_dir, number)
        if not os.path.exists(stem + ".pyrite.pyc"):
            print("MISSING", name)
            continue
        total += 1
        with open(stem + ".pyrite.pyc", "rb") as f:
            ours = f.read()
        with open(stem + ".pyc", "rb") as f:
            theirs = f.read()
        with open(stem + ".txt", encoding="utf-8") as f:
            expected = f.read()
        try:
            text = dump(marshal.loads(ours[16:])) + "\n"
        except Exception as e:
            print("LOAD FAILED", name, type(e).__name__, e)
            continue
        if text == expected:
            same_dump += 1
        else:
            print("DUMP DIFFERS", name)
        if ours == theirs:
            same_bytes += 1
    print("oracle loaded Pyrite's .pyc: %d/%d dumps identical, %d/%d byte-identical"
          % (same_dump, total, same_bytes, total))
    return same_dump == total


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "compile":
        compile_files(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(0 if check(sys.argv[2]) else 1)
    else:
        sys.exit(__doc__)
