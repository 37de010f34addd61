import io, tokenize

def show(src):
    print("---", repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end, repr(tok.line))

for src in [
    "x = 1\n",
    "x = 1",
    "",
    "\n",
    "a+=b**2//3 -> c != d ... @ e := f\n",
    "print(a[1:2], {b: c}, (d,))\n",
    "x = 0x1F + 0o17 + 0b101 + 1_000 + 3.14 + 1e10 + 2j + .5 + 1.\n",
    "s = 'a' + \"b\" + r'c\\d' + b'e' + '''f\ng''' + rb\"h\"\n",
    "# only a comment\n",
    "x = 1  # trailing comment\n",
    "# comment no newline",
    "x = 1  # comment no newline",
    "\n\n\nx\n\n",
    "if x:\n    y = 1\n    z = 2\nw = 3\n",
    "if x:\n    if y:\n        z\n",
    "if x:\n    y",
    "def f(a,\n      b):\n    return a + \\\n        b\n",
    "class C:\n\n    # comment\n    def m(self):\n        pass\n\n\nprint(C)\n",
    "x = [\n    1,  # one\n\n    2,\n]\n",
    "caf\u00e9 = '\u00e9t\u00e9'  # \u00e9\n\u03b1\u03b2 = 1\n",
    "x = 1\r\ny = 2\r\n",
    "if a:\n\tb\n",
    "async def f():\n    await x\n",
    "x = 1;y = 2\n",
    "  \n",
    "if x:\n    pass\n  \n# c\n",
    "@dec\nclass A: pass\n",
    "a = b if c else d\n",
    "lambda x: x\n",
    "x = '''\nmulti\nline''' + 'z'\n",
]:
    show(src)
