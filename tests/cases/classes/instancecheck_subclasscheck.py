class Meta(type):
    def __instancecheck__(cls, obj): return obj == 1
    def __subclasscheck__(cls, sub): return sub is int
class X(metaclass=Meta): pass
print(isinstance(1, X), isinstance(2, X), issubclass(int, X), issubclass(str, X))
print(isinstance(1, (str, X)), isinstance(1, (str, float)))
