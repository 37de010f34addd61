import sys

def gen(n):
    x = "initial"
    yield x
    yield x, n

g = gen(5)
print(sorted(g.gi_frame.f_locals))
print(next(g))
p = g.gi_frame.f_locals
print(type(p).__name__, sorted(p), p["x"])
p["x"] = "changed while suspended"
p["n"] = 6
print(next(g))
