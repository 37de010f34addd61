import ast, copy
n = ast.Name("x")
print(n.__dict__)
n.__dict__ = {"id": "z"}
print(n.id, ast.AST.__module__, ast.AST.__dict__["__module__"])
print(copy.deepcopy(ast.parse("a+b")).body[0].value.op)
print([name for name in dir(ast.AST) if name != "__sizeof__"])
