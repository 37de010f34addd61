def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

x = [1]
x.append(x)
print(x)
d = {'a': x}
x.append(d)
print(x, d)
print(list(), list('ab'), list(range(3)), list({1: 2}))
