class C:
    def f(self):
        def g():
            return super().f()
        return g
