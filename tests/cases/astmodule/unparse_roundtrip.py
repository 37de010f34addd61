import ast

SOURCES = [
    "x = (1 + 2) * 3",
    "def f(a, /, b=2, *args, c, **kwargs):\n    return a if b else c",
    "class C(B, metaclass=M):\n    x: int = 1",
    "for (a, b) in items:\n    print(a, b, sep='')",
    "with a as (b, c):\n    pass",
    "f'{x!r} {y:>10} {z=}'",
    "lambda *a, **k: (a, k)",
    "[x async for x in y]",
    "a[1:2, ...]",
    "match x:\n    case [1, *rest] if rest:\n        pass\n    case {'k': v}:\n        pass",
    "try:\n    pass\nexcept* E:\n    pass",
    "del a[0], b.c",
    "x = yield from g()",
    "@d1\n@d2(arg)\nasync def f() -> None:\n    await x",
    "type X[T] = dict[str, T]",
    "print(not a, -b, +c, ~d)",
    "global g\nnonlocal n",
    "assert a, 'message'",
    "from .mod import (a as b, c)",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
]
for source in SOURCES:
    text = ast.unparse(ast.parse(source))
    print(text)
    print("---", ast.dump(ast.parse(text)) == ast.dump(ast.parse(source)))
