class Base: pass
class Child(Base): pass
c = Child()
print(isinstance(c, Base), isinstance(c, (int, Child)), isinstance(Base(), Child))
print(type(c) is Child, type(c) == Base, issubclass(bool, int), issubclass(Child, (str, Base)))
print(isinstance(True, bool), isinstance(1, bool), isinstance([], list), isinstance({}, dict))
print(type(type), type(int), type(None).__name__, type(len).__name__)
