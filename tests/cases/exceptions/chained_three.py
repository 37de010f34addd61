try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise TypeError("b") from e
except TypeError:
    raise KeyError("c")
