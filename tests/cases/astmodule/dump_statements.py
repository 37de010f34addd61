import ast

SOURCES = [
    "x = 1",
    "a, *b = c",
    "x += 2\ny -= f(z, *a, k=1, **kw)",
    "x: int = 5\ny: 'str'",
    "del a, b[0], c.d",
    "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2",
    "for i in range(10):\n    continue\nelse:\n    break",
    "while True:\n    break",
    "with open(f) as g, h:\n    pass",
    "try:\n    pass\nexcept ValueError as e:\n    raise\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* TypeError:\n    pass",
    "import os, sys as system\nfrom . import a\nfrom ..b.c import d as e, f",
    "global a, b\nnonlocal c",
    "assert x, 'msg'",
    "raise E from None",
    "return",
    "type Alias[T] = list[T]",
]
for source in SOURCES:
    tree = ast.parse(source)
    print(ast.dump(tree))
