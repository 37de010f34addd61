def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen()
print(next(g))
del g
print("after del")
def stopper():
    yield 1
    raise StopIteration("inside")
try:
    list(stopper())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
g = catches_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def early_return():
    for i in range(10):
        if i == 2:
            return
        yield i
print(list(early_return()))
g = (i for i in range(3))
print(next(g), list(g), next(g, "exhausted"))
