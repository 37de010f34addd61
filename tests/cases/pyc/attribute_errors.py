class A:
    pass
a = A()
for name in ["x", "__class__"]:
    try:
        print(getattr(a, name))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    object().foo = 1
except AttributeError as e:
    print(e)
try:
    A.missing
except AttributeError as e:
    print(e)
import sys
try:
    sys.nothing
except AttributeError as e:
    print(e)
