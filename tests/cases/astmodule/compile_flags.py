import ast

print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, ast.PyCF_OPTIMIZED_AST)
tree = compile("x = 1", "<s>", "exec", ast.PyCF_ONLY_AST)
print(type(tree).__name__, ast.dump(tree))
print(compile(tree, "<s>", "exec", ast.PyCF_ONLY_AST) is tree)
print(type(compile("1", "<s>", "eval", flags=ast.PyCF_ONLY_AST)).__name__)
code = compile(tree, "<s>", "exec")
ns = {}
exec(code, ns)
print(ns["x"], code.co_filename)
try:
    compile("x", "<s>", "func_type")
except ValueError as e:
    print("ValueError:", e)
try:
    compile(tree, "<s>", "eval")
except TypeError as e:
    print("TypeError:", e)
try:
    compile("x = (", "<s>", "exec", ast.PyCF_ONLY_AST)
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
try:
    ast.parse("def f(:")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename)
