class Meta(type):
    @property
    def meta_prop(cls): return "meta " + cls.__name__
class A(metaclass=Meta): pass
print(A.meta_prop)
try:
    A().meta_prop
except AttributeError as e: print(e)
