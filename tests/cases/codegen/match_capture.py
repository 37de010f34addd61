match x:
    case [a, b]:
        f(a, b)
    case [a, *rest]:
        g(rest)
    case _:
        h()
