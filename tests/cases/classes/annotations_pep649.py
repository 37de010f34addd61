class A:
    x: int
    y: "str" = "v"
print(A.__annotations__)
print(A.y)
class B:
    pass
print(B.__annotations__)
class C:
    z: undefined_name
try:
    C.__annotations__
except NameError as e: print(e)
