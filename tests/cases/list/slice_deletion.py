def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

x = list(range(10)); del x[::2]; print(x)
x = list(range(10)); del x[1:3]; print(x)
x = list(range(10)); del x[::-3]; print(x)
x = list(range(10)); del x[5:2]; print(x)
x = [1, 2]; del x[0]; print(x)
def f():
    x = [1]
    del x[3]
t(f)
