def f(s):
    match s:
        case []: return "empty"
        case [x]: return f"one {x}"
        case [x, y]: return f"two {x} {y}"
        case [x, *rest]: return f"many {x} {rest}"
for v in [[], [1], (1, 2), [1, 2, 3], range(4), "ab", {1: 2}, {1}]:
    print(type(v).__name__, f(v))
