def f():
    f"not a {__name__} docstring"
    return 1

def g():
    b"bytes are not docstrings"

def h():
    1
    "string after an expression"
