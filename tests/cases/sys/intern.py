import sys
a = sys.intern("hello world!")
b = sys.intern("hello " + "world!")
print(a is b, a)
try:
    sys.intern(1)
except TypeError as e:
    print("TypeError:", e)
