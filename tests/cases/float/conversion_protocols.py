def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class F:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 3
class Bad:
    def __float__(self):
        return 1
print(float(F()), float(I()))
t(lambda: float(Bad()))
class Sub(float):
    pass
s = Sub(2.5)
print(s, type(s).__name__, s * 2, type(s * 2).__name__, Sub('1e3'), Sub(), float(s), type(float(s)).__name__)
print(s.real, type(s.real).__name__, s.is_integer(), s.hex(), round(s), s.as_integer_ratio())
