import ast

tree = ast.parse("def f(a=1):\n    return [a, None]")
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(tree, show_empty=True))
print(ast.dump(tree, indent="--"))
print(ast.dump(tree, indent=0))
print(ast.dump(ast.parse("x", mode="single")))
print(ast.dump(ast.parse("(int, str) -> None", mode="func_type")))
