import _warnings

code = compile('x = "\\d"\ny = 1 is 1\n', "virtual.py", "exec")
print("compiled")
compile('"\\q"', "<expr>", "eval")
_warnings.filters.insert(0, ("error", None, SyntaxWarning, None, 0))
sources = [
    ('a = 1\nx = "\\d"\n', "virtual.py", "exec"),
    ('def f():\n    try:\n        pass\n    finally:\n        return 1\n', "fin.py", "exec"),
    ('1 is 1', "<s>", "eval"),
]
for source, name, mode in sources:
    try:
        compile(source, name, mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)
_warnings.filters[0] = ("ignore", None, SyntaxWarning, None, 0)
compile('x = "\\d"', "quiet.py", "exec")
print("done")
