def deco(arg):
    def wrap(f):
        return f(arg)
    return wrap


@deco(
    0
)
def inverse(x):
    return 1 / x
