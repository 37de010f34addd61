class A: pass
try:
    with A(): pass
except TypeError as e: print(e)
class B:
    def __enter__(self): pass
try:
    with B(): pass
except TypeError as e: print(e)
