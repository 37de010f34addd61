def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: {}.popitem())
t(lambda: {}.pop(1))
t(lambda: {1: 2}[3])
t(lambda: {[]: 1})
t(lambda: {}.setdefault([], 1))
t(lambda: {}.update(5))
t(lambda: {}.update([1]))
t(lambda: {}.update([(1, 2, 3)]))
t(lambda: dict([1, 2]))
t(lambda: dict(1))
t(lambda: {}.get())
def f():
    d = {1: 2}
    del d[3]
t(f)
