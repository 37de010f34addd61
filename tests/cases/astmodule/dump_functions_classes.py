import ast

SOURCES = [
    "@dec\ndef f(a, b: int = 1, *, c, d=2) -> str:\n    '''doc'''\n    return a",
    "async def g():\n    await x\n    async for a in b:\n        pass\n    async with c as d:\n        pass",
    "def gen():\n    yield\n    yield 1\n    yield from other()",
    "class C(Base, metaclass=Meta):\n    x = 1\n    def m(self):\n        pass",
    "def f[T: int, *Ts, **P](x: T) -> T:\n    pass",
    "class K[T = int]:\n    pass",
    "lambda: 0",
]
for source in SOURCES:
    print(ast.dump(ast.parse(source), indent=1))
