def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = list(range(10))
print(a[-10**20:10**20], a[10**20:], a[::10**20], a[::-10**20])
print(slice(-10**20, 10**20).indices(5), slice(None, None, 10**20).indices(3))
print('abcdef'[1:5:2], (1, 2, 3, 4)[::-2], range(10)[slice(2, 8, 3)])
t(lambda: a[1:2:'x'])
t(lambda: a['a':])
