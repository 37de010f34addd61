import ast

SOURCE = """
match command:
    case [x, y, *rest]:
        pass
    case {"a": 1, **others}:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case None | True:
        pass
    case str() as s if s:
        pass
    case -1 | 1.5 | 2 + 3j:
        pass
    case _:
        pass
"""
print(ast.dump(ast.parse(SOURCE), indent=2))
