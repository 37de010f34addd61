match m:
    case {}:
        pass
    case {"a": 1}:
        pass
    case {"a": x, "b": [y, z]}:
        pass
    case {1: _, -2: _, 3j: _, None: _, True: _}:
        pass
    case {Color.RED: r, **rest}:
        pass
    case {**rest}:
        pass
    case {"k": v,}:
        pass
    case {"k": v, **rest,}:
        pass
    case {1 + 2j: c, b"x": d, "a" "b": e}:
        pass
