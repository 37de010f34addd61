def f(x):
    match x:
        case int(n) if n > 10: return f"big int {n}"
        case int(): return "int"
        case str(s): return f"str {s}"
        case bool(): return "bool?"
        case float(v): return f"float {v}"
        case _: return "other"
for v in [5, 50, "a", 1.5, True, None]:
    print(f(v))
