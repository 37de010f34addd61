def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class I:
    def __index__(self):
        return 7
class N:
    def __int__(self):
        return 9
class Bad:
    def __int__(self):
        return 'x'
print(int(I()), int(N()), bin(I()), range(I())[-1])
t(lambda: int(Bad()))
class Sub(int):
    pass
s = Sub(5)
print(s, type(s).__name__, s + 1, type(s + 1).__name__, int(s), type(int(s)).__name__, Sub('12', 3), Sub())
print(s.real, type(s.real).__name__, s.numerator, type(-s).__name__)
