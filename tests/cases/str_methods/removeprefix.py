def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'prefix_x'.removeprefix('prefix_'))
t(lambda: 'x'.removeprefix('y'))
t(lambda: 'x_suffix'.removesuffix('_suffix'))
t(lambda: 'x'.removesuffix(''))
t(lambda: 'x'.removeprefix(1))
