match p:
    case [1, *rest] | {"k": None, **kw} if rest:
        pass
    case Point(x=0) as pt:
        pass
    case _:
        pass
