class A: pass
class B(): pass
class C(A): pass
class D(A, B, metaclass=M): pass
class E(*bases, **kw): pass
class F(A,):
    x = 1
    def method(self):
        return self.x
    class Nested:
        pass
class G(metaclass=M, other=1): pass
