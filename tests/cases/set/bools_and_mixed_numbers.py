def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print({True, 1, 1.0}, {0, False, 0.0, -0.0}, {1, 2.0, 3}, {2.5, 1, 2})
print({1, 2} == {1.0, 2.0}, 1.0 in {1}, True in {1}, {True} | {1.0})
s = {1, 2, 3}
s.discard(2.0)
print(s, s - {1.0}, s & {True})
