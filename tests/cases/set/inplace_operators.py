def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = {1, 2, 3}
b = a
a |= {4}
a &= {1, 2, 4, 5}
a -= {2}
a ^= {1, 7}
print(a, b, a is b)
f = frozenset({1, 2})
g = f
f |= {3}
print(f, g, f is g)
