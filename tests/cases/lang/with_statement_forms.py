class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with (CM("c") as p,
      CM("d")):
    print("parenthesized", p)
with CM("e", swallow=True):
    raise RuntimeError("swallowed")
print("after swallow")
try:
    with CM("f"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
def ret():
    with CM("g"):
        return "returned"
print(ret())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
try:
    with 42:
        pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
