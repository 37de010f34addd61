f = lambda: "not a docstring"
g = lambda x: x
def h():
    return lambda: None
