def f(subject):
    match subject:
        case [1, *rest]:
            pass
        case {"k": v, **others}:
            pass
        case Point(x=px, y=0) as pt:
            pass
        case (a | a) if a > guard:
            pass
        case _:
            pass
