def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

x = [1, 2, 3, 4, 5]; x[::2] = [9, 9, 9]; print(x)
x = [1, 2, 3, 4, 5]; x[1:3] = 'ab'; print(x)
x = [1, 2, 3, 4, 5]; x[1:1] = [7, 8]; print(x)
x = [1, 2, 3, 4, 5]; x[3:1] = [0]; print(x)
x = [1, 2, 3]; x[:] = x; print(x)
x = [1, 2, 3, 4, 5]; x[::-2] = 'abc'; print(x)
def f():
    x = [1, 2, 3, 4, 5]
    x[::2] = [9]
t(f)
def g():
    x = [1, 2, 3]
    x[1:2] = 5
t(g)
