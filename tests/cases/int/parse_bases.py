def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s, b in [('z', 36), ('Z', 36), ('101', 2), ('777', 8), ('ff', 16), ('0xff', 16), ('0b11', 2), ('0o7', 8), ('0x1', 10), ('12', 3), ('9', 8)]:
    t(lambda: int(s, b))
t(lambda: int('12', 1))
t(lambda: int('12', 37))
t(lambda: int('12', -1))
t(lambda: int('12', 'a'))
t(lambda: int('12', base=16))
t(lambda: int('12', 10, base=16))
