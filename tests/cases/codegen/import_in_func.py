def f():
    import os.path
    from a import b as c
    return os, c
