class C:
    x: int
    y: str = "y"
print(C.__annotations__, C.__annotate__(1), sorted(k for k in C.__dict__ if 'ann' in k))
print(C.__annotations__ is C.__annotations__, sorted(k for k in C.__dict__ if 'ann' in k))
class D: pass
print(D.__annotations__, D.__annotate__, sorted(k for k in D.__dict__ if 'ann' in k))
class E(C): pass
print(E.__annotations__, E.__annotate__)
try: int.__annotations__
except AttributeError as e: print(e)
print(int.__annotate__ if hasattr(int, '__annotate__') else 'no')
C.__annotations__ = {"z": 1}
print(C.__annotations__, C.__annotate__)
