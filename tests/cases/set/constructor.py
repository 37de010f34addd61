def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(set('aaa'), set(range(5)), set({3: 'x', 1: 'y'}), set(iter([5, 5, 4])))
t(lambda: set(1))
t(lambda: set([1], [2]))
t(lambda: set(iterable=[1]))
t(lambda: frozenset(1, 2))
