match m:
    case {1: a, "1": b, b"1": c, 2.5: d, 1j: e}:
        pass
