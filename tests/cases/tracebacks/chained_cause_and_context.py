try:
    try:
        1 / 0
    except ZeroDivisionError as first:
        raise ValueError("second") from KeyError("explicit cause")
except ValueError:
    raise RuntimeError("third")
