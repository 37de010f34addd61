class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Resource("a") as r:
    print("inside", r.name)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
with Resource("outer") as o, Resource("inner") as i:
    print(o.name, i.name)
def early():
    with Resource("ret"):
        return "returned"
print(early())
try:
    with 5:
        pass
except TypeError as e:
    print(e)
