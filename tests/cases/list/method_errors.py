def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: [].remove(1))
t(lambda: [1, 2, 3].index(4))
t(lambda: [1, 2, 3].index(2, 0, 1))
t(lambda: [1, 2, 3].index(3, -1))
t(lambda: [1, 2, 3].index(1, 1, 100))
t(lambda: [1, 2, 3].index(1, 'a'))
t(lambda: [].append())
t(lambda: [].insert(1))
t(lambda: [].count())
