def f(p):
    match p:
        case [x, y]:
            assert x < y
            return x
        case {"k": v}:
            """not a docstring: in a case body"""
            return v
    return None
