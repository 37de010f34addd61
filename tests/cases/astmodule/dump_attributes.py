import ast

SOURCES = [
    "x = 1",
    "def f(a, *, b=2):\n    return a + b",
    "if a:\n    é = 'ü' + f'{x}'\n",
    "class C:\n    @property\n    def p(self): return 1",
    "try:\n    pass\nexcept E as e:\n    pass",
    "import a.b as c",
    "match p:\n    case [1, *r]:\n        pass",
    "f(a, k=1)",
]
for source in SOURCES:
    print(ast.dump(ast.parse(source), include_attributes=True))
