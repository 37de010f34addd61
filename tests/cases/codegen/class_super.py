class C(B):
    def f(self):
        return super().f()
    def g(self):
        return super().x
    def h(self, a):
        return super(C, self).h(a)
