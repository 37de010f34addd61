import _ast
import ast

print(sorted(name for name in dir(_ast) if not name.startswith("__")))
print(ast.AST.__module__, ast.AST.__name__, ast.AST._fields, ast.AST._attributes)
print(_ast.AST is ast.AST, _ast.Name is ast.Name)
print(ast.stmt.end_lineno, ast.expr.end_col_offset, ast.Constant.kind, ast.ImportFrom.level)
print(ast.arg.end_lineno, ast.arguments.vararg, hasattr(ast.Name, "id"))
print(issubclass(ast.TemplateStr, ast.expr), ast.Interpolation._fields)
print(type(ast.Name._field_types["ctx"]).__name__, ast.List._field_types)
print(ast.AST.__new__ is object.__new__)
print(ast.Name.__annotations__)
print("_attributes" in ast.Name.__dict__, "_attributes" in ast.expr.__dict__, "_attributes" in ast.arg.__dict__)
print(ast.AST.__doc__, ast.Name.__doc__)
