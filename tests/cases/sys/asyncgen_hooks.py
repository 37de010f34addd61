# sys.set_asyncgen_hooks/get_asyncgen_hooks: argument checks, firstiter on the first
# step, the finalizer for an async generator dropped before it finished.
import sys

for a, k in [((1,), {}), ((), {"finalizer": 1}), ((1, 2), {}), ((None, None, None), {}), ((), {"x": 1})]:
    try:
        sys.set_asyncgen_hooks(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter, h[1], len(h), type(h).__module__)
log = []


def first(g):
    log.append(("first", g.__name__))


def fin(g):
    log.append(("fin", g.__name__))


sys.set_asyncgen_hooks(first, fin)
print(sys.get_asyncgen_hooks() == (first, fin))


async def agen():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


g = agen()
print(log)
c = g.__anext__()
print(log)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
del c
del g
print(log)
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks() == (first, None))
g = agen()
c = g.asend(None)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
del c, g
print(log)


def bad(g):
    raise ValueError("boom")


sys.set_asyncgen_hooks(bad, None)
g = agen()
try:
    g.__anext__()
except ValueError as e:
    print("raised", e)
c = g.__anext__()
try:
    c.send(None)
except StopIteration as e:
    print("second ok", e.value)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
