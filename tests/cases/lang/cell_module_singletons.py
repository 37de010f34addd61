import sys
def outer():
    x = 5
    def inner():
        return x
    return inner
f = outer()
c = f.__closure__[0]
print(type(c).__name__, c.cell_contents, c == c, c < c if False else None)
c.cell_contents = 7
print(f())
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError", e)
try:
    f()
except NameError as e:
    print("NameError", e)
CellType = type(c)
n = CellType(3)
e = CellType()
print(n.cell_contents, repr(e).startswith("<cell at 0x") and "empty" in repr(e))
print(CellType(1) == CellType(1), CellType(1) < CellType(2), CellType() < CellType(1), CellType(2) == CellType())
try:
    CellType(1) < CellType("a")
except TypeError as e:
    print(e)
print(repr(sys)[:20], repr(sys).startswith("<module 'sys' (built-in)>"))
m = type(sys)("mymod", "the doc")
print(m, m.__name__, m.__doc__, m.__dict__.keys() if False else sorted(m.__dict__))
m.__getattr__ = lambda name: f"dynamic {name}"
print(m.anything)
try:
    type(sys)("x").missing
except AttributeError as e:
    print(e)
print(bool(NotImplemented) if False else None, repr(NotImplemented), repr(Ellipsis), repr(...), type(None)(), type(...)(), type(NotImplemented)())
try:
    if NotImplemented:
        pass
except TypeError as e:
    print("TypeError", e)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
