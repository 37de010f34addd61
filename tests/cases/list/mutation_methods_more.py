def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = [1, 2]
a.extend(a)
print(a)
a.extend(x * 10 for x in range(3))
print(a)
a.insert(-100, 'first')
t(lambda: a.insert(10**20, 'last'))
a.insert(100, 'last')
print(a)
print(a.pop(-1), a.pop(-len(a)), a)
t(lambda: a.pop(10**20))
t(lambda: a.insert('x', 1))
t(lambda: a.extend(5))
b = [float('nan')]
n = b[0]
print(n in b, b.count(n), b.index(n), [n] == [n])
