import io, tokenize, _tokenize
def show(src):
    print("---", repr(src))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            print(tokenize.tok_name[tok.exact_type], repr(tok.string), tok.start, tok.end, repr(tok.line))
    except Exception as e:
        print(type(e).__name__, e.args)
for s in ["x = 'a\0b'\n", "f'abc", "f'{x", "x = (\n# c\n", "a\rb\n", "if x:\n" + "".join(" " * i + "if x:\n" for i in range(1, 101)), "\\\n", "x = 1\n\\\n", "@\n", "x = 'abc' 'def", "print(1)\n)\n", "f'{x}' 'y'", "'''a\n'''\n\n", "x = [\n  1\n", "\t\n x\n", "x\n\n  # c\n", "def f():\n    pass\n  # trailing\n"]:
    show(s)
def run(src, extra):
    lines = iter(src.splitlines(keepends=True))
    try:
        for t in _tokenize.TokenizerIter(lambda: next(lines), extra_tokens=extra):
            print(t)
    except BaseException as e:
        print(type(e).__name__, e.args)
run("x = 1  # c\nif x:\n    y = 'a'\n", False)
run("f'a{b}c'\n", False)
try:
    list(_tokenize.TokenizerIter(iter([1]).__next__, extra_tokens=True))
except Exception as e: print(type(e).__name__, e)
try:
    list(_tokenize.TokenizerIter(iter(["x"]).__next__, extra_tokens=True, encoding="utf-8"))
except Exception as e: print(type(e).__name__, e)
