def f():
    """Line one.

    Line three.
    """
    return 1
