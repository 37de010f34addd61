def f():
    class C:
        if cond:
            a: int
    return C
