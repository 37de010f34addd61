def f(a=lambda: 1):
    def g(b=[x for x in a]):
        return b
    return g
