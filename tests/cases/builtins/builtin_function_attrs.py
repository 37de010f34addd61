print(len.__name__, len.__qualname__, len.__module__)
print([].append.__name__, [].append.__qualname__, [].append.__module__)
print(dict.fromkeys.__qualname__)
print(len.__self__)
print(type(len.__text_signature__) in (str, type(None)))
import sys
print(sys.getrecursionlimit.__module__, sys.getrecursionlimit.__qualname__)
class X:
    def f(self):
        "doc of f"
X.f.custom = 5
m = X().f
print(m.__qualname__, m.__name__, m.__module__, m.custom, m.__doc__)
try:
    m.missing
except AttributeError as e:
    print(e)
try:
    m.custom = 6
except AttributeError as e:
    print(e)
