"""Checks the `_ast` module's conversions on the standard library, without the oracle.

For every module of the pinned stdlib, pyrite runs CPython's own `ast.py`:
- `ast.dump(ast.parse(source), include_attributes=True)` (the Rust tree made into node
  objects) must equal pyrite's `-X dump=ast` text (the Rust tree dumped directly, which
  `tools/parity.py` holds to the oracle's);
- `compile(ast.parse(source))` (node objects read back into a tree) must give a code
  object equal to `compile(source)`, and `compile(tree, ..., PyCF_ONLY_AST)` must dump
  the same as `tree`.

Usage: python3 tools/ast_module_check.py [FILE ...]   (paths relative to the stdlib)
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parity import corpus, pyrite_binary  # noqa: E402

CHECKER = r'''
import ast, os, sys
root, out = sys.argv[1], sys.argv[2]
for rel in sys.argv[3:]:
    fd = os.open(os.path.join(root, rel), os.O_RDONLY)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    source = b"".join(chunks)
    try:
        tree = ast.parse(source, rel)
    except SyntaxError:
        continue
    text = ast.dump(tree, include_attributes=True)
    problems = []
    if compile(tree, rel, "exec") != compile(source, rel, "exec"):
        problems.append("code")
    if ast.dump(compile(tree, rel, "exec", ast.PyCF_ONLY_AST), include_attributes=True) != text:
        problems.append("only_ast")
    if problems:
        print("DIFF", rel, *problems)
    fd = os.open(os.path.join(out, rel.replace("/", "_") + ".dump"),
                 os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.write(fd, text.encode("utf-8", "surrogatepass") + b"\n")
    os.close(fd)
'''


def main():
    root, files = corpus()
    files = sys.argv[1:] or [str(f) for f in files]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "check.py"
        script.write_text(CHECKER)
        out = Path(tmp) / "dumps"
        out.mkdir()
        for start in range(0, len(files), 50):
            batch = files[start:start + 50]
            proc = subprocess.run([str(pyrite_binary()), str(script), str(root), str(out), *batch],
                                  cwd=root, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr[-2000:])
                bad += 1
            for line in proc.stdout.splitlines():
                print(line)
                bad += 1
        for rel in files:
            dumped = out / (rel.replace("/", "_") + ".dump")
            if not dumped.exists():
                continue
            direct = subprocess.run([str(pyrite_binary()), "-X", "dump=ast", rel], cwd=root,
                                    capture_output=True).stdout
            if direct != dumped.read_bytes():
                print("DIFF", rel, "dump")
                bad += 1
    print(f"{len(files)} files, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
