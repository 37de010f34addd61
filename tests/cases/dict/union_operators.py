def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print({1: 2} | {3: 4}, {1: 2} | {1: 3})
d = {1: 2}; e = d; d |= [(3, 4)]; d |= {5: 6}; print(d, e is d)
t(lambda: {1: 2} | [(3, 4)])
t(lambda: {1: 2} | None)
