match obj:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2):
        pass
    case mod.Point(x, y=y,):
        pass
    case Point(x=Point(a, b), y=[c, *d]):
        pass
    case int(n) | float(n):
        pass
    case str() as s:
        pass
    case a.b.C(1,):
        pass
