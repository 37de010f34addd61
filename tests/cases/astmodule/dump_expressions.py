import ast

SOURCES = [
    "a and b or not c",
    "(x := 10)",
    "-a + ~b * c ** d // e % f @ g",
    "a << b >> c | d ^ e & f",
    "lambda x, /, y=1, *args, z, w=2, **kw: x",
    "a if b else c",
    "{1: 2, **d, 3: 4}",
    "{1, 2, *s}",
    "[x for x in y if x for z in x]",
    "{x for x in y}",
    "{k: v for k, v in items}",
    "(x async for x in y)",
    "a < b <= c != d is e is not f in g not in h",
    "f(a, b=1, *c, **d)",
    "f'{x!r:>{width}} and {y=}'",
    "t'{x} is {y!s:^10}'",
    "b'bytes' + u'text' + 'plain'",
    "1 + 2.5 + 3j + 0xff + 1_000",
    "None, True, False, ...",
    "a.b.c[1:2, ::3, 4]",
    "[*a, *b]",
    "x[1:2:3]",
]
for source in SOURCES:
    tree = ast.parse(source, mode="eval")
    print(ast.dump(tree))
