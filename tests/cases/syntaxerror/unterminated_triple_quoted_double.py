def f():
    """Docstring
    never ends
    return 1
