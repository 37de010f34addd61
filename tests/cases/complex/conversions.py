def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: int(1j))
t(lambda: float(1j))
t(lambda: round(1j))
print((1+1j).__complex__(), (1+2j).__getnewargs__())
class C:
    def __complex__(self):
        return 3+4j
print(complex(C()))
class F:
    def __float__(self):
        return 2.5
print(complex(F()), complex(F(), F()))
