class A:
    def __init__(self, x, y=2): pass
try:
    A()
except TypeError as e: print(e)
try:
    A(1, 2, 3)
except TypeError as e: print(e)
try:
    A(1, z=3)
except TypeError as e: print(e)
