try:
    class A:
        __slots__ = ("x",)
        x = 1
except ValueError as e: print(e)
try:
    class B:
        __slots__ = (1,)
except TypeError as e: print(e)
try:
    class C:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e: print(e)
