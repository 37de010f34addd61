def f(a: int, b: "str" = "x") -> list[int]:
    return [a]
print(f.__annotations__)
class C:
    x: int
    y: str = "y"
print(C.__annotations__, C.y)
try:
    C.x
except AttributeError as e:
    print(e)
v: int = 5
print(v, __annotations__ if False else None)
def lazy(a: Undefined):
    pass
try:
    lazy.__annotations__
except NameError as e:
    print("NameError", e)
print(callable(lazy.__annotate__))
