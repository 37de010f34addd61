import gc
c = gc.get_count()
print(type(c).__name__, len(c), all(type(x) is int and x >= 0 for x in c))
