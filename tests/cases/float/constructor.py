def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(float(), float(5), float(True), float(10**20), float(-0.0))
t(lambda: float(10**400))
t(lambda: float(None))
t(lambda: float(x=1))
t(lambda: float(1, 2))
t(lambda: float([]))
