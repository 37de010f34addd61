import ast

print(ast.get_docstring(ast.parse('"""Module doc."""\nx = 1')))
print(ast.get_docstring(ast.parse('def f():\n    """  Indented\n    text."""').body[0], clean=True))
