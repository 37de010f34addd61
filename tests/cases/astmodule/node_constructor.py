import ast
import warnings

warnings.simplefilter("always")
import sys
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print("warning:", category.__name__, message)

print(ast.dump(ast.Name("x")))
print(ast.dump(ast.Name(id="y", ctx=ast.Store())))
print(ast.dump(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))
print(ast.dump(ast.FunctionDef("f")))
print(ast.dump(ast.arguments(), show_empty=True))
print(ast.Module().body, ast.Module().type_ignores)
print(ast.Constant(1).kind, ast.Return().value)
node = ast.Name("x", lineno=3, col_offset=4)
print(node.lineno, node.col_offset, node.end_lineno)
ast.BinOp(left=ast.Constant(1), op=ast.Add())
ast.Name("x", bogus=1)
ast.Constant()
try:
    ast.Name("x", ast.Load(), "extra")
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Name("x", id="y")
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Pass(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError:", e)
print(ast.Name("x").ctx is ast.Name("y").ctx)
print(ast.Load() is ast.Load(), type(ast.Load()).__name__)
class MyNode(ast.AST):
    _fields = ("a", "b")
n = MyNode(1)
print(n.a, hasattr(n, "b"))
print(MyNode(1, b=2).b)
