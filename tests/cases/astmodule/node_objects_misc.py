import ast
import warnings
import weakref

warnings.simplefilter("always")
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print("warning:", category.__name__, message)

node = ast.Name("x")
print(vars(node), node.__dict__ is vars(node))
ref = weakref.ref(node)
print(ref() is node)
node.custom = 5
print(node.custom, sorted(vars(node)))
del node.id
print(hasattr(node, "id"))
try:
    node.id
except AttributeError as e:
    print("AttributeError:", e)
print(ast.Name.__qualname__, ast.Name.__name__, ast.expr.__qualname__, ast.AST.__qualname__)
print(isinstance(node, ast.expr), isinstance(node, ast.AST), isinstance(node, ast.stmt))
print(issubclass(ast.Load, ast.expr_context), issubclass(ast.Name, ast.AST))

class Custom(ast.AST):
    _fields = ("a", "b")
    _field_types = {"a": int, "b": list[int]}

c = Custom()
print(vars(c))

class Partial(ast.AST):
    _fields = ("a", "b")
    _field_types = {"a": int | None}

p = Partial()
print(vars(p))

class MyExpr(ast.expr):
    _fields = ("value",)

m = MyExpr(1, lineno=1, col_offset=0)
print(ast.dump(m), ast.dump(m, include_attributes=True))
try:
    compile(ast.Expression(m), "<t>", "eval")
except TypeError as e:
    print("TypeError:", e)
print(ast.Name("x") == ast.Name("x"), isinstance(hash(ast.Load()), int))
print(type(ast.parse("x").body[0].value.ctx) is ast.Load)
print(ast.Name.__init__ is ast.AST.__init__, ast.Name.__new__ is ast.AST.__new__)
print(ast.Constant.__init__.__text_signature__)
