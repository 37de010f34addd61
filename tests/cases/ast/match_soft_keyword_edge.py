match(x)
match [a, b]:
    case [match, case]:
        pass
match = {"case": 1}
match["case"]
match match:
    case case:
        pass
match -match:
    case _:
        pass
