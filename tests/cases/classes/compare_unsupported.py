class A: pass
try:
    A() < A()
except TypeError as e: print(e)
try:
    A() < 3
except TypeError as e: print(e)
