import gc
for g in (3, -1, 100):
    try:
        gc.collect(g)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError")
for g in (0, 1, 2):
    print(g, gc.collect(g) >= 0)
print(gc.collect(generation=2) >= 0)
