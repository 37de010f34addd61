try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise ValueError("x") from None
except ValueError as v:
    print(v.__cause__, repr(v.__context__), v.__suppress_context__)
