for v in [1, "s", 1.0, [1], (1,), {1: 1}, {1}, frozenset(), True, object()]:
    match v:
        case bool(x): r = ("bool", x)
        case int(x) | str(x) | float(x): r = ("scalar", x)
        case list(x) | tuple(x) | dict(x) | set(x) | frozenset(x): r = ("container", x)
        case _: r = "other"
    print(r)
