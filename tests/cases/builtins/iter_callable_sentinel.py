it = iter(lambda: 1, 1)
print(type(it).__name__, list(it), iter(it) is it)
def counter():
    state = [0]
    def step():
        state[0] += 1
        return state[0]
    return step
print(list(iter(counter(), 4)))
class Stop:
    def __init__(self): self.i = 0
    def __call__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(iter(Stop(), None)))
for bad in [lambda: iter(5, 1), lambda: iter(1, 2, 3), lambda: iter()]:
    try: bad()
    except TypeError as e: print(e)
it = iter(counter(), 2)
print(next(it), next(it, "done"), next(it, "again"))
def boom(): raise ValueError("x")
try: next(iter(boom, 0))
except ValueError as e: print("ValueError", e)
class Eq:
    def __eq__(self, other): return other == 3
print(list(iter(counter(), Eq())))
