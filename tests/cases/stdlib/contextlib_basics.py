from contextlib import contextmanager, suppress, ExitStack, nullcontext
@contextmanager
def tag(name):
    print("<" + name + ">")
    yield name
    print("</" + name + ">")
with tag("b") as n:
    print("inside", n)
with suppress(KeyError):
    {}["x"]
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "exit", i)
with nullcontext(5) as v:
    print(v)
