def f(a, b):
    """Adds."""
    return a + b

def g():
    """Only a docstring, then pass."""
    pass

def h():
    """Doc"""
    ...
