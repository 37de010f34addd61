import ast

print(ast.dump(ast.parse("x = 1 # type: ignore", type_comments=True)))
print(ast.dump(ast.parse("x = []  # type: list[int]", type_comments=True)))
print(ast.dump(ast.parse("def f(a):\n    # type: (int) -> None\n    pass", type_comments=True)))
