import sys

def gen():
    yield 1

class K:
    def method(self):
        yield 1

g = gen()
print(g.gi_code is gen.__code__, g.__name__, g.__qualname__)
m = K().method()
print(m.__name__, m.__qualname__)
g.__name__ = "renamed"
print(g.__name__, g.gi_code.co_name)
print(g.gi_yieldfrom)
ge = (x for x in [])
print(ge.__name__, ge.__qualname__, ge.gi_code.co_name)
print([a for a in dir(g) if a.startswith("gi_")])
