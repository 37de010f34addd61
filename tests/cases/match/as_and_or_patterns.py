def f(v):
    match v:
        case [1, (2 | 3) as second] as whole: return whole, second
        case (int() | str()) as x: return "scalar", x
        case _: return "x"
print(f([1, 3]), f((1, 2)), f(5), f("s"), f(1.5))
