x = 1 + 2 * y
def f(a, /, b=2, *args, c, d=4, **kw) -> int:
    """doc"""
    return a
class C(B, metaclass=M):
    pass
print(f"{x!r:>{w}} and {y=}")
