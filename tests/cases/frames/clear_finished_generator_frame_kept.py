import sys

def gen():
    x = "local"
    yield sys._getframe()

g = gen()
fr = next(g)
print(sorted(fr.f_locals))
try:
    next(g)
except StopIteration:
    print("finished")
print(g.gi_frame, sorted(fr.f_locals))
fr.clear()
print(sorted(fr.f_locals))
