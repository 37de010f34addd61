import ast

names = sorted(name for name in dir(ast) if isinstance(getattr(ast, name), type) and issubclass(getattr(ast, name), ast.AST))
for name in names:
    cls = getattr(ast, name)
    print(name, [base.__name__ for base in cls.__mro__], cls.__module__)
    print("  ", cls._fields, getattr(cls, "_attributes", None), cls.__match_args__)
    print("  ", getattr(cls, "_field_types", None))
    print("  ", repr(cls.__doc__))
