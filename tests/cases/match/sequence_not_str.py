for v in ["abc", {1: 2}, (1, 2), {1, 2}]:
    match v:
        case [a, *_]: print("seq", type(v).__name__)
        case _: print("not seq", type(v).__name__)
