def describe(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"seq head {x} rest {rest}"
        case {"kind": k, **others}:
            return f"mapping {k} {others}"
        case str() | bytes():
            return "text"
        case _:
            return "other"
for v in (0, -3, [1, 2], [1, 2, 3], {"kind": "k", "x": 1}, "s", 4.5):
    print(describe(v))
