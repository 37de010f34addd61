def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class C(complex):
    pass
c = C(1, 2)
print(c, type(c).__name__, c + 1, type(c + 1).__name__, C('3j'), C(), complex(c), type(complex(c)).__name__)
print(c.real, c.imag, c.conjugate(), type(c.conjugate()).__name__, abs(C(3, 4)))
class I:
    def __index__(self):
        return 4
print(complex(I()), complex(1, I()))
