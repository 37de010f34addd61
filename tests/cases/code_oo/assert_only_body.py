def f(x):
    assert x

class C:
    assert True

def g():
    """doc"""
    assert False, "never"
