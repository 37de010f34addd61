def f():
    def g():
        class C:
            def h(self): pass
        return C
    return g
class D:
    def m(self):
        def n(): pass
