def f(v):
    match v:
        case {"points": [{"x": x1}, {"x": x2}]}: return x1 + x2
        case [[a, b], [c, d]]: return a * d - b * c
        case _: return None
print(f({"points": [{"x": 1}, {"x": 2}]}), f([[1, 2], [3, 4]]), f(3))
