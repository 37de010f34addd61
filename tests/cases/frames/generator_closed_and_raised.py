def gen():
    try:
        yield 1
    finally:
        print("cleanup")

g = gen()
next(g)
fr = g.gi_frame
g.close()
print(g.gi_frame, g.gi_suspended)
print(sorted(fr.f_locals))

def bad():
    yield 1
    raise ValueError("inside")

b = bad()
next(b)
try:
    next(b)
except ValueError as e:
    print("caught", e)
print(b.gi_frame)

never = gen()
never.close()
print(never.gi_frame)
