class C:
    RED = 1
    GREEN = 2
def f(v):
    match v:
        case C.RED: return "red"
        case C.GREEN | 3: return "green-or-3"
        case None: return "none"
        case True: return "true"
        case -1: return "minus one"
        case 1.5 | -2.5: return "num"
        case "s" | "t": return "strbytes"
    return "nothing"
for v in [1, 2, 3, None, True, -1, 1.5, -2.5, "s", "t", 1.0, 99]:
    print(repr(v), f(v))
