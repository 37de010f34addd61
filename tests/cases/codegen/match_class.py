match x:
    case Point(x=0, y=0):
        pass
    case Point(a, b, c=d):
        pass
    case int():
        pass
    case C(_, y=_):
        pass
