C = type("C", (), {"x": 1, "f": lambda self: self.x + 1})
print(C, C.__name__, C.__qualname__, C.__module__, C().f())
D = type("D", (C,), {})
print(D.__mro__, D.__bases__)
print(type(C), type(type), type(1))
try:
    type("E", 1, {})
except TypeError as e: print(e)
try:
    type(1, 2)
except TypeError as e: print(e)
try:
    type("E", (1,), {})
except TypeError as e: print(e)
