class C:
    x: (yield)
