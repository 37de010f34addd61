def f(meta, base):
    class C(base, metaclass=meta):
        pass
    return C
