match p:
    case Point(x, y) if x == y:
        pass
    case [a, b] if (c := a + b) > 10:
        pass
    case {"x": x} if x and not x.startswith("_"):
        pass
    case _ if True:
        pass
