def gen():
    try:
        yield 1
    finally:
        pass

g = gen()
next(g)
g.throw(ValueError("thrown in"))
