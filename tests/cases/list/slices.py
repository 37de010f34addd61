def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = list(range(10))
print(a[::2], a[-2:], a[1:4:-1], a[8:2:-2], a[::-1], a[100:], a[-100:2], a[2:2])
t(lambda: a[5.0])
t(lambda: a['a'])
t(lambda: a[10])
t(lambda: a[-11])
t(lambda: a[::0])
