import io, tokenize

def show(src):
    print("---", repr(src))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            print(tokenize.tok_name[tok.exact_type], repr(tok.string), tok.start, tok.end, repr(tok.line))
    except Exception as e:
        print(type(e).__name__, e.args)

for src in [
    "x = '\u00e9\u00e9' + '''\u00e9\n\u00e9\u00e9''' + \u00e9\n",
    "s = 'a\\\nb'\n",
    "x = 1 + \\\n    2\n",
    "\r\n\r\nx\r\n",
    "x = (1,  # c\n     2)  # d",
    "if x:\n    # c1\n        # c2\n    y\n",
    "if x:\n    y\n# c\n    z\n",
    "1if x else 2\n",
    "0xfor\n",
    "x = 1\n\n\n",
    "\u20ac = 1\n",
    "def f(*, a=1, **k) -> None: ...\n",
    "x[1:2, ::3] @= y\n",
    "x = 5 if y else\\\n 6\n",
    "class A(B, metaclass=M):\n    '''doc'''\n    x: int = 0\n",
    "f'{x:{y}}' f'{{}}' f'{x!a}'\n",
    "f'''{\nx\n}'''\n",
    "f'{x:\\n}'\n",
    "u'x' U'y' R'z' Rb'w' BR'v'\n",
    "while True:\n\tpass\n",
    "  x\n",
    "\tx = 1\n",
    "x = 1 # \u00e9\u00e9\u00e9\n",
    "\u00e9\u00e9 = f'\u00e9{\u00e9\u00e9!r}\u00e9'\n",
    "\f\nx\n",
    "def f():\n    return 1\n\n\n\ndef g(): pass\n",
    "x = 1\n    \n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "match x:\n    case [1, *r]:\n        pass\n",
    "type X = int | None\n",
]:
    show(src)

src = "def f(a, b=2):\n    # doc\n    return [a,\n            b]\n"
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
print(tokenize.untokenize(toks) == src)
print(repr(tokenize.untokenize((t.type, t.string) for t in toks)))
print(list(tokenize.generate_tokens(iter(["x\n"]).__next__))[-1])
