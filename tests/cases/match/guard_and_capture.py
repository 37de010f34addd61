def f(pair):
    match pair:
        case (a, b) if a == b: return "equal"
        case (a, b) if a < b: return "ascending"
        case (a, b): return "descending"
for p in [(1, 1), (1, 2), (3, 1)]: print(f(p))
