def f(a, b=1):
    pass
tests = [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2),
         lambda: len(), lambda: len(1), lambda: (1)(), lambda: [].pop(), lambda: {}.pop("x")]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
