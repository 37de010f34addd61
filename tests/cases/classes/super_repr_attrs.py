class A: pass
class B(A):
    def m(self):
        s = super()
        return s.__thisclass__, s.__self_class__, type(s).__name__
b = B()
print(B().m()[0], B().m()[1], B().m()[2])
