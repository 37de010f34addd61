def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print({3, 1, 2}, {10, 2, 33, 7, 100, 64}, {1, 9, 17, 25})
print(set(range(20, 0, -1)))
print(set([100, 200, 300, 400, 500, 600, 700, 800, 900]))
print({8, 16, 24, 32, 40, 48}, {5, 13, 21, 29, 37})
print(frozenset({5, 4}), set([2**20, 2**21, 2**22, 3]))
