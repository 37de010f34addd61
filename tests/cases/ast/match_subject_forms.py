match x, y:
    case a, b:
        pass
match *a, b:
    case _:
        pass
match (x):
    case _:
        pass
match x,:
    case _:
        pass
match f(x):
    case _:
        pass
match (n := 1):
    case _:
        pass
match a.b[0]:
    case _:
        pass
match -x:
    case _:
        pass
