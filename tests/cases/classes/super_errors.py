class A:
    def f(self): return super().missing
try:
    A().f()
except AttributeError as e: print(e)
def g():
    return super()
try:
    g()
except RuntimeError as e: print(e)
try:
    super(int, "x")
except TypeError as e: print(e)
