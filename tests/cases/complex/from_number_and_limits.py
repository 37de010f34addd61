def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda: complex.from_number(5))
t(lambda: complex.from_number(1.5))
t(lambda: complex.from_number(2j))
t(lambda: complex.from_number('1'))
t(lambda: complex.from_number(None))
t(lambda: format(10**5000, 'd'))
t(lambda: format(10**5000, 'x')[:5])
t(lambda: float.from_number(None))
t(lambda: float.from_number(10**400))
