class A:
    def __repr__(self): return "R"
    def __str__(self): return "S"
    def __format__(self, spec): return f"F[{spec}]"
a = A()
print(repr(a), str(a), format(a), format(a, "x>5"), f"{a}", f"{a!r}", f"{a:abc}")
print([a], (a,), {1: a})
class B:
    def __repr__(self): return "only repr"
print(str(B()), f"{B()}")
