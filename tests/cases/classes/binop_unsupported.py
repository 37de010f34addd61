class A: pass
try:
    A() + 1
except TypeError as e: print(e)
try:
    1 - A()
except TypeError as e: print(e)
try:
    -A()
except TypeError as e: print(e)
